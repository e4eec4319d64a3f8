#!/usr/bin/env bash
# Fails (listing the files) when a tracked C++ file is not as clang-format-14 would write it
# with the repository's .clang-format. Run by README command 2 before building; fix with
#   git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$format" ]; then
  echo "check-format: clang-format-14 is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
bad=$(git ls-files '*.cpp' '*.h' | xargs "$format" --dry-run --Werror 2>&1 | grep 'code should be clang-formatted' | cut -d: -f1 | sort -u || true)
if [ -n "$bad" ]; then
  echo "check-format: not formatted with $format:" >&2
  echo "$bad" | sed 's/^/  /' >&2
  exit 1
fi
echo "check-format: $(git ls-files '*.cpp' '*.h' | wc -l) files formatted"
