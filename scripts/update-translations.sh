#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources of core, ui and app (strings added, removed
# ones dropped). Translate the new entries with Qt Linguist (`linguist translations/onsite_es.ts`);
# the test "translations: complete" fails while any Spanish entry is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -no-obsolete -locations none -target-language es core ui app -ts translations/onsite_es.ts
"$lupdate" -no-obsolete -locations none -pluralonly -target-language en core ui app \
  -ts translations/onsite_en.ts
