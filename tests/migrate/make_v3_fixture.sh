#!/bin/sh
# Maintainer script (CI does not run it): make the schema v3 fixture of the
# migration test (v3_answers.sh) again.
#
# usage: make_v3_fixture.sh [REV]     (REV: the last v3 commit, default a9d9fb7^)
#
# Checks REV out in a git worktree in a temporary folder, builds its library
# and CLI there, loads the sample registry with REV's own
# examples/load_sample.sh, and writes
#   tests/data/v3/sample-v3.sql   the registry as SQL text (sqlite3 .dump, then
#                                 the two PRAGMAs a dump leaves out and
#                                 without which no pcreg opens the file)
#   tests/data/v3/answers-v3.txt  the v3 CLI's answers to every question below
#                                 (answers.py says how they are written)
# then removes the worktree and the temporary folder. Needs git, cmake, a C
# compiler, sqlite3 and python3; builds with -j2.
set -eu

rev=${1:-a9d9fb7^}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=$src/tests/data/v3
python=${PYTHON:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pcreg-v3-fixture.XXXXXX")
cleanup() {
	git -C "$src" worktree remove --force "$tmp/src" 2>/dev/null || true
	rm -rf "$tmp"
	rm -f "$out/sample-v3.sql.new" "$out/answers-v3.txt.new"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

echo "make_v3_fixture: $rev ($(git -C "$src" rev-parse --short "$rev")) in $tmp/src"
git -C "$src" worktree add --detach "$tmp/src" "$rev" >/dev/null
# The worktree's own build script, so the v3 library is built the way it was
# then; no tests or benchmarks, which the fixture does not need.
PCREG_BUILD_DIR="$tmp/build" sh "$tmp/src/scripts/build.sh" \
	-DPCREG_BUILD_TESTS=OFF -DPCREG_BUILD_BENCH=OFF >"$tmp/build.log" 2>&1 || {
	tail -n 20 "$tmp/build.log" >&2
	exit 1
}
pcreg=$tmp/build/examples/pcreg
"$pcreg" version
case $("$pcreg" version) in
*"schema version 3)"*) ;;
*) echo "make_v3_fixture: $rev is not at schema version 3" >&2; exit 1 ;;
esac

mkdir -p "$tmp/db"
db=$tmp/db/registry.db
sh "$tmp/src/examples/load_sample.sh" "$pcreg" "$db" >"$tmp/load.log"
"$pcreg" --db "$db" check

# The registry as SQL. A dump carries neither PRAGMA, and pcreg refuses a
# file without its application_id; both are read from the registry itself.
app_id=$(sqlite3 "$db" "PRAGMA application_id")
user_version=$(sqlite3 "$db" "PRAGMA user_version")
mkdir -p "$out"
{
	echo "-- The sample registry (examples/data) loaded by pcreg at schema version 3,"
	echo "-- commit $(git -C "$src" rev-parse "$rev"), dumped by tests/migrate/make_v3_fixture.sh."
	echo "-- Do not edit: make it again with that script."
	sqlite3 "$db" .dump
	echo "PRAGMA application_id = $app_id;"
	echo "PRAGMA user_version = $user_version;"
} >"$out/sample-v3.sql.new"

# The questions: every practice, commissioner and network, as of today (no
# --as-of) and as of each date below; the seed papers' tables as
# examples/seed_tables.sh asks them; every report and list as of each date,
# and the practices of each commissioner and federation; every entity's
# export; the journal and the check. The dates run over the sample's
# history: CCGs open (2013-04-01), co-commissioning (2015), the seed papers'
# dates, PCNs (2019-07-01), and the last day of 37 of its CCGs (2021-03-31)
# and the day after.
dates="2013-04-01 2014-04-01 2015-09-15 2017-02-01 2017-04-18 2019-07-01 2021-03-31 2021-04-01"
practices=$(sqlite3 "$db" "SELECT code FROM practice ORDER BY code")
commissioners=$(sqlite3 "$db" "SELECT code FROM commissioner ORDER BY code")
networks=$(sqlite3 "$db" "SELECT code FROM network ORDER BY code")
federations=$(sqlite3 "$db" "SELECT id FROM federation ORDER BY id")
# The commissioners any practice was ever a member of: the others list none.
with_practices=$(sqlite3 "$db" \
	"SELECT DISTINCT commissioner FROM practice_commissioner ORDER BY commissioner")
entities=$("$pcreg" export --help | sed -n '/^ENTITY is one of/,/^  /p' | grep -v '^ ' |
	sed 's/^ENTITY is one of, in an order that imports back://' | tr ',.' '  ')
# Each of the two forms of a question: as of today, then as of each date.
dated() {
	echo "$*"
	for d in $dates; do
		echo "$* --as-of $d"
	done
}
{
	echo "# the registry and its journal"
	echo "imports"
	echo "changes"
	echo "changes --since 2019-07-01"
	echo "check"
	echo "# every entity, in the order that imports back"
	for e in $entities; do
		echo "export $e"
	done
	echo "# the seed papers' tables (examples/seed_tables.sh)"
	echo "report cqc --as-of 2017-04-18 --commissioner 07L,08F,08N"
	echo "report pms --as-of 2017-04-18 --commissioner 07L,08F,08N"
	echo "report networks --as-of 2017-04-18 --commissioner 07L,08F,08N"
	echo "report commissioning --as-of 2015-09-15"
	echo "commissioner show 09W --as-of 2015-09-15"
	echo "report cqc --as-of 2017-02-01 --commissioner 07Q"
	echo "report scheme --as-of 2017-02-01 --commissioner 07Q --service 'Integrated Case Management'"
	echo "contract list --federation bromley-gp-alliance"
	echo "commissioner show 07Q --as-of 2017-04-01"
	echo "report networks --as-of 2019-07-01 --commissioner 08C --min 30000 --max 70000"
	echo "commissioner show 10X --as-of 2015-09-15"
	echo "# every report, list and search, as of today and each date"
	for r in cqc pms commissioning networks; do
		dated "report $r"
	done
	dated "commissioner list"
	dated "practice list"
	dated "contract list"
	echo "# each commissioner's and federation's practices, as of today and each date"
	for c in $with_practices; do
		dated "practice list --commissioner $c"
	done
	for f in $federations; do
		dated "practice list --federation $f"
		dated "contract list --federation $f"
	done
	echo "search FICTIONAL --limit 0"
	echo "search LONDON --limit 0"
	echo "# every practice"
	for c in $practices; do
		dated "practice show $c"
		echo "timeline $c"
	done
	echo "# every commissioner"
	for c in $commissioners; do
		dated "commissioner show $c"
	done
	echo "# every network"
	for c in $networks; do
		dated "network show $c"
		dated "network members $c"
	done
} >"$tmp/commands.txt"
if [ -z "$entities" ] || [ -z "$practices" ] || [ -z "$commissioners" ] ||
	[ -z "$networks" ] || [ -z "$federations" ] || [ -z "$with_practices" ]; then
	echo "make_v3_fixture: no entities, practices, commissioners, networks or federations" >&2
	exit 1
fi

"$python" "$here/answers.py" "$pcreg" "$db" "$tmp/commands.txt" >"$out/answers-v3.txt.new"
mv "$out/sample-v3.sql.new" "$out/sample-v3.sql"
mv "$out/answers-v3.txt.new" "$out/answers-v3.txt"
echo "make_v3_fixture: $(grep -c '^=== pcreg ' "$out/answers-v3.txt") answers;" \
	"wrote $out/sample-v3.sql and $out/answers-v3.txt"
