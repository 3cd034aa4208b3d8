#!/bin/sh
# The LuaJIT example (examples/lua/as_of.lua) on the sample registry: its
# output must equal examples/lua/as_of.expected. In a sanitizer build the
# interpreter runs with AddressSanitizer preloaded, so anything the script
# leaves unfreed fails the test.
# usage: lua_example.sh SOURCE_DIR PCREG_CLI LIBRARY C_COMPILER SANITIZED
set -eu
src=$1 cli=$2 lib=$3 cc=$4 sanitized=$5
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sh "$src/examples/load_sample.sh" "$cli" "$out/sample.db" >/dev/null
if [ "$sanitized" = ON ]; then
	LD_PRELOAD=$("$cc" -print-file-name=libasan.so)
	export LD_PRELOAD ASAN_OPTIONS=detect_leaks=1
fi
PCREG_LIBRARY=$lib PCREG_FFI_HEADER=$src/include/pcreg/pcreg_ffi.h \
	luajit "$src/examples/lua/as_of.lua" "$out/sample.db" E91002 2019-07-01 >"$out/got"
unset LD_PRELOAD
diff -u "$src/examples/lua/as_of.expected" "$out/got"
echo "the LuaJIT example printed what it should"
