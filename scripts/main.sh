#!/bin/sh
# The main job: install what is missing, build, make the sample registry
# from examples/data/ and print the seed papers' tables from it.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
build=${PCREG_BUILD_DIR:-build}
db=$build/sample.db
echo "== building the sample registry $db from examples/data/"
sh examples/load_sample.sh "$build/examples/pcreg" "$db"
sh examples/seed_tables.sh "$build/examples/pcreg" "$db"
