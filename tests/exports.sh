#!/bin/sh
# The shared library exports exactly the functions the public headers
# declare with PCREG_API: nothing internal leaks, nothing declared is
# missing.
# usage: exports.sh LIBRARY HEADER_DIR
set -eu
lib=$1 headers=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Declarations may span lines: drop preprocessor lines, join the rest,
# split at semicolons, and take the name before the first parenthesis of
# every PCREG_API declaration.
for h in "$headers"/*.h; do
	sed '/^[[:space:]]*#/d' "$h" | tr '\n' ' ' | tr ';' '\n'
done | grep 'PCREG_API' |
	sed -n 's/.*[ *]\(pcreg_[a-z0-9_]*\) *(.*/\1/p' | sort -u >"$out/declared"

nm -D --defined-only "$lib" | awk '{ print $NF }' | sort -u >"$out/exported"

if ! diff -u "$out/declared" "$out/exported"; then
	echo "exports.sh: '-' lines are declared but not exported, '+' lines exported but not declared" >&2
	exit 1
fi
if grep -v '^pcreg_' "$out/exported"; then
	echo "exports.sh: the symbols above do not start with pcreg_" >&2
	exit 1
fi
echo "$(wc -l <"$out/exported") functions exported, all declared"
