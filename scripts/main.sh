#!/bin/sh
# The main job: install what is missing, build, make a registry and show it.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
build=${PCREG_BUILD_DIR:-build}
db=$build/sample.db
rm -f "$db" "$db-wal" "$db-shm"
"$build/examples/pcreg" --db "$db" init
"$build/examples/pcreg" --db "$db" migrate --status
