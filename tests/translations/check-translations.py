#!/usr/bin/env python3
"""Checks translations/*.ts the way a translator's reviewer would.

Every text in core, ui and app is in the .ts files (lupdate finds nothing new), every Spanish
entry is finished, and each translation keeps what the code relies on: the same placeholders
(%1, %n), the same HTML tags, the same leading and trailing spaces, one keyboard accelerator
exactly when the source has one, and both plural forms. English carries plural forms only.
Usage: check-translations.py SOURCE_DIR LUPDATE
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

src, lupdate = Path(sys.argv[1]), sys.argv[2]
problems = []


def messages(ts):
    for ctx in ET.parse(ts).getroot().iter('context'):
        name = ctx.find('name').text
        for m in ctx.iter('message'):
            yield name, m


def keys(ts):
    return {(c, m.find('source').text) for c, m in messages(ts)}


def placeholders(s):
    return Counter(re.findall(r'%(?:\d+|n)', s))


def tags(s):
    return Counter(re.findall(r'</?[a-zA-Z]+', s))


def accelerators(s):
    return len(re.findall(r'&(?![&\s]|amp;|nbsp;)', s))


def edges(s):
    return (len(s) - len(s.lstrip(' ')), len(s) - len(s.rstrip(' ')))


def check(ts, plurals_only):
    for ctx, m in messages(ts):
        source = m.find('source').text
        t = m.find('translation')
        where = f'{ts.name}: [{ctx}] "{source}"'
        if t.get('type') in ('unfinished', 'vanished', 'obsolete'):
            problems.append(f'{where}: {t.get("type")}')
            continue
        numerus = m.get('numerus') == 'yes'
        forms = [f.text or '' for f in t.findall('numerusform')] if numerus else [t.text or '']
        if numerus and len(forms) != 2:
            problems.append(f'{where}: {len(forms)} plural forms, expected 2')
        if plurals_only and not numerus:
            continue
        for form in forms:
            if not form.strip():
                problems.append(f'{where}: empty translation')
                continue
            if placeholders(form) != placeholders(source) and not (
                    numerus and placeholders(form) == placeholders(source) - Counter({'%n': 1})):
                problems.append(f'{where}: placeholders {dict(placeholders(form))}')
            if tags(form) != tags(source):
                problems.append(f'{where}: HTML tags differ in "{form}"')
            if accelerators(form) != min(1, accelerators(source)):
                problems.append(f'{where}: accelerator "&" count differs in "{form}"')
            if edges(form) != edges(source):
                problems.append(f'{where}: leading/trailing spaces differ in "{form}"')


tsdir = src / 'translations'
check(tsdir / 'onsite_es.ts', plurals_only=False)
check(tsdir / 'onsite_en.ts', plurals_only=True)

# Up to date: lupdate over the sources adds nothing and drops nothing.
with tempfile.TemporaryDirectory() as tmp:
    for name, extra in (('onsite_es.ts', []), ('onsite_en.ts', ['-pluralonly'])):
        copy = Path(tmp) / name
        shutil.copy(tsdir / name, copy)
        subprocess.run([lupdate, '-no-obsolete', '-locations', 'none', *extra, 'core', 'ui',
                        'app', '-ts', str(copy)], cwd=src, check=True, capture_output=True,
                       timeout=600)
        before, after = keys(tsdir / name), keys(copy)
        for c, s in sorted(after - before):
            problems.append(f'{name}: not yet in the file (run scripts/update-translations.sh): [{c}] "{s}"')
        for c, s in sorted(before - after):
            problems.append(f'{name}: no longer in the sources: [{c}] "{s}"')
        if name == 'onsite_es.ts':
            total = len(after)

for p in problems:
    print(p)
print(f'{total} texts; {len(problems)} problem(s)')
sys.exit(1 if problems else 0)
