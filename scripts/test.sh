#!/bin/sh
# The test command: install what is missing, build, run every test.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
ctest --test-dir "${PCREG_BUILD_DIR:-build}" --output-on-failure -j2
