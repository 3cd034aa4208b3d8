#!/bin/sh
# pcreg_ffi.h is in step with the headers, and is plain C an FFI can read.
# usage: ffi_header.sh GENERATED COMMITTED C_COMPILER
set -eu
generated=$1 committed=$2 cc=$3
if ! diff -u "$committed" "$generated"; then
	echo "ffi_header.sh: include/pcreg/pcreg_ffi.h is out of step with the headers;" >&2
	echo "  refresh it with: cmake --build BUILD_DIR --target update_ffi_header" >&2
	exit 1
fi
# Nothing an FFI's C parser would choke on.
if grep -n '^[[:space:]]*#\|__attribute__\|PCREG_API\|__declspec' "$committed"; then
	echo "ffi_header.sh: the lines above are not plain declarations" >&2
	exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '#include <stdint.h>\n#include "%s"\n' "$committed" >"$out/ffi.c"
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror -c "$out/ffi.c" -o "$out/ffi.o"
echo "pcreg_ffi.h is in step and compiles as C99: $(grep -c ';' "$committed") declarations"
