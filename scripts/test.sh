#!/bin/sh
# The test command: install what is missing, build with the tests (and the
# benchmarks, so that they keep compiling), run every test. Tests that need
# ../shared/data beside the project are reported as skipped without it.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh -DPCREG_BUILD_TESTS=ON -DPCREG_BUILD_BENCH=ON
ctest --test-dir "${PCREG_BUILD_DIR:-build}" --output-on-failure -j2
