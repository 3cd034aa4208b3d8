#!/bin/sh
# Configure and build into build/ (or $PCREG_BUILD_DIR), after installing
# any missing packages. Extra arguments go to cmake's configure step.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
build=${PCREG_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j2
