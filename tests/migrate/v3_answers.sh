#!/bin/sh
# A registry made by schema v3 migrates keeping every answer (issue 10).
#
# usage: v3_answers.sh PCREG SOURCE_DIR WORKDIR
#
# Makes WORKDIR/registry.db from tests/data/v3/sample-v3.sql (the sample
# registry as pcreg at schema v3 left it) with sqlite3, migrates it with
# PCREG (this build's CLI: 'pcreg migrate'), checks it is then at the latest
# schema and that 'pcreg check' still holds, asks it every question the v3
# CLI was asked (the commands of tests/data/v3/answers-v3.txt, in order;
# answers.py) and compares the answers with v3's (compare.py, itself tested
# first by compare_selftest.py), allowing only the differences
# tests/migrate/EXPECTED_DIFFERENCES lists. Prints a unified diff of anything
# else, and how many answers were compared and how many differed as
# expected; exits 1 if any answer differs otherwise, or the migration fails.
# WORKDIR keeps the registry and both sets of answers (answers-current.txt).
# make_v3_fixture.sh makes the fixture.
set -eu

if [ $# -ne 3 ]; then
	echo "usage: v3_answers.sh PCREG SOURCE_DIR WORKDIR" >&2
	exit 2
fi
# Absolute, as the commands run from WORKDIR.
pcreg=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$3
here=$src/tests/migrate
data=$src/tests/data/v3
python=${PYTHON:-python3}

for f in "$data/sample-v3.sql" "$data/answers-v3.txt" "$here/EXPECTED_DIFFERENCES"; do
	if [ ! -f "$f" ]; then
		echo "v3_answers: $f is missing" >&2
		exit 1
	fi
done
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
db=$work/registry.db

# The comparer first, on made-up answers: each kind of rule passes what it
# should and fails what it should not (rules the sample does not exercise
# are shown to work there).
if ! "$python" "$here/compare_selftest.py" "$here/EXPECTED_DIFFERENCES" >"$work/selftest.txt"; then
	cat "$work/selftest.txt"
	echo "v3_answers: compare.py fails its own test" >&2
	exit 1
fi
tail -n 1 "$work/selftest.txt"

"${SQLITE3:-sqlite3}" -bail "$db" <"$data/sample-v3.sql"

# Every message below names the file as the CLI saw it, from WORKDIR.
cd "$work"
ask() {
	echo "\$ pcreg $*"
	"$pcreg" --db registry.db "$@"
}
status=$(ask migrate --status)
echo "$status"
case $status in
*"schema version 3 of "*"(run 'pcreg migrate')") ;;
*) echo "v3_answers: the fixture is not a v3 registry that needs migrating" >&2; exit 1 ;;
esac
# Read-only, an older registry is refused, and left as it is.
if ask imports >refused.txt 2>&1; then
	cat refused.txt
	echo "v3_answers: pcreg read a v3 registry without migrating it" >&2
	exit 1
fi
cat refused.txt
ask migrate
status=$(ask migrate --status)
echo "$status"
case $status in
*"(run 'pcreg migrate')"*) echo "v3_answers: still behind after 'pcreg migrate'" >&2; exit 1 ;;
esac
if ! ask check >check.txt 2>&1; then
	cat check.txt
	echo "v3_answers: 'pcreg check' fails on the migrated registry" >&2
	exit 1
fi
cat check.txt

"$python" "$here/answers.py" "$pcreg" "$db" --replay "$data/answers-v3.txt" \
	>answers-current.txt
"$python" "$here/compare.py" "$data/answers-v3.txt" answers-current.txt \
	"$here/EXPECTED_DIFFERENCES"
