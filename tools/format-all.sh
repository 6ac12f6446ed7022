#!/usr/bin/env bash
# Formats the whole tree and applies every ESLint autofix (import order, type imports, …):
#   1. prettier --write .
#   2. eslint . --fix  (prints what it cannot fix; those are fixed by hand)
#   3. prettier --write . again: an autofix does not format the code it writes
# Exits non-zero while ESLint still reports something. Run it from any directory.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

npx --no-install prettier --write . --log-level warn || exit 1
npx --no-install eslint . --fix --max-warnings 0
status=$?
npx --no-install prettier --write . --log-level warn || exit 1
exit "$status"
