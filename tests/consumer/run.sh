#!/bin/sh
# Install the built library into a temporary prefix, then build and run a
# small program against it: with pkg-config (shared and static), and with
# CMake's find_package(pcreg).
# usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
pcdir=$(dirname "$(find "$prefix" -name pcreg.pc)")
libdir=$(dirname "$pcdir")
export PKG_CONFIG_PATH=$pcdir

echo "== pkg-config: $(pkg-config --modversion pcreg) ($(pkg-config --modversion libpcreg) via libpcreg.pc)"
# shellcheck disable=SC2046
cc -o "$work/consumer-pc" "$src/tests/consumer/consumer.c" $(pkg-config --cflags --libs pcreg)
LD_LIBRARY_PATH=$libdir "$work/consumer-pc"
# shellcheck disable=SC2046
cc -o "$work/consumer-pc-static" "$src/tests/consumer/consumer.c" $(pkg-config --cflags pcreg) \
	"$libdir/libpcreg.a" $(pkg-config --static --libs-only-l pcreg | sed 's/-lpcreg//')
"$work/consumer-pc-static"

echo "== cmake find_package(pcreg)"
cmake -S "$src/tests/consumer" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer"
"$work/cmake-build/consumer_static"

echo "== the installed CLI"
"$prefix/bin/pcreg" version
test -f "$prefix/include/pcreg/pcreg.h"
echo "consumer test passed"
