#!/bin/sh
# Compile include/pcreg/pcreg.h alone, with nothing but its own directory on
# the include path, as C99 and as C++, warnings as errors.
# usage: headertest.sh SOURCE_DIR C_COMPILER CXX_COMPILER
set -eu
src=$1 cc=$2 cxx=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror -I"$src/include" \
	-c "$src/tests/headertest.c" -o "$out/c.o"
"$cxx" -std=c++11 -Wall -Wextra -pedantic -Werror -I"$src/include" \
	-c "$src/tests/headertest.cpp" -o "$out/cpp.o"
# And each module header by itself: each must include what it needs.
for h in "$src"/include/pcreg/*.h; do
	# The FFI header declares no integer types by design (test ffi_header).
	[ "$(basename "$h")" = pcreg_ffi.h ] && continue
	printf '#include <pcreg/%s>\n' "$(basename "$h")" >"$out/one.c"
	"$cc" -std=c99 -Wall -Wextra -pedantic -Werror -I"$src/include" -c "$out/one.c" -o "$out/one.o"
done
echo "headers compile alone as C99 and C++11"
