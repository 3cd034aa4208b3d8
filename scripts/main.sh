#!/bin/sh
# The main job: install what is missing, build, make the sample registry
# from examples/data/ and print the seed papers' tables from it.
set -eu
cd "$(dirname "$0")/.."
# The library and the CLI only: said every time, so that a build folder
# that scripts/test.sh configured with the tests goes back to building
# just these (its compiled tests stay, up to date, for the next test run).
sh scripts/build.sh -DPCREG_BUILD_TESTS=OFF -DPCREG_BUILD_BENCH=OFF
build=${PCREG_BUILD_DIR:-build}
db=$build/sample.db
echo "== building the sample registry $db from examples/data/"
sh examples/load_sample.sh "$build/examples/pcreg" "$db"
sh examples/seed_tables.sh "$build/examples/pcreg" "$db"
