#!/bin/sh
# Build the sample registry from examples/data/, importing each file in the
# order LOAD_ORDER gives, with the pcreg CLI.
#
# usage: load_sample.sh PCREG REGISTRY   (REGISTRY is made anew)
set -eu
[ $# -eq 2 ] || { echo "usage: $0 PCREG REGISTRY" >&2; exit 2; }
pcreg=$1
db=$2
data=$(cd "$(dirname "$0")/data" && pwd)

rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
"$pcreg" --db "$db" init
grep -v '^#' "$data/LOAD_ORDER" | while read -r file kind released; do
	[ -n "$file" ] || continue
	if [ "${released:--}" = - ]; then
		"$pcreg" --db "$db" import --quiet "$kind" "$data/$file"
	else
		"$pcreg" --db "$db" import --quiet --released "$released" "$kind" "$data/$file"
	fi
done
