#!/usr/bin/env bash
# Golden-output tests of the pcreg CLI, like zstd's tests/cli-tests and
# notmuch's test suite: each case tests/cli/cases/AREA/NAME.sh (one folder
# per command area) is a shell snippet run in a scratch directory holding a
# fresh copy of the sample registry as ./registry.db, with `pcreg` on the
# PATH and these links:
#   data -> examples/data   bad -> tests/data/bad   good -> tests/data/good
# Its stdout, stderr and exit status must equal NAME.stdout, NAME.stderr and
# NAME.exit; only the expectations that say something are kept: a missing
# .stdout or .stderr means nothing is printed there, a missing .exit means
# exit status 0. Timestamps (2026-11-23T11:19:05Z) are written as
# YYYY-MM-DDTHH:MM:SSZ first, so tables keep their widths. A case whose
# name contains "json" must also print valid JSON (python3 -m json.tool),
# and one whose name contains "jsonl" a JSON document on every line.
#
# usage: run.sh PCREG SOURCE_DIR [CASE...]   (a CASE is its NAME, in any area)
# PCREG_CLI_UPDATE=1 writes the expected files instead of comparing (read
# them before committing: they are the specification).
set -euo pipefail

pcreg=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
shift 2
cases_dir=$src/tests/cli/cases
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pcreg-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

bin=$scratch/bin
mkdir -p "$bin"
ln -s "$pcreg" "$bin/pcreg"
export PATH="$bin:$PATH"
unset PCREG_DB
export LC_ALL=C.UTF-8 TZ=UTC

# The sample registry, built once by the loader the main job uses.
sample=$scratch/sample.db
if ! sh "$src/examples/load_sample.sh" "$pcreg" "$sample" >"$scratch/load.out" 2>&1; then
	cat "$scratch/load.out" >&2
	echo "run.sh: the sample registry did not build" >&2
	exit 1
fi

normalise() {
	sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/YYYY-MM-DDTHH:MM:SSZ/g'
}

if [ $# -eq 0 ]; then
	set -- "$cases_dir"/*/*.sh
fi

failed=0
ran=0
for case_file in "$@"; do
	name=$(basename "$case_file" .sh)
	case_file=$(echo "$cases_dir"/*/"$name.sh")
	if [ ! -f "$case_file" ]; then
		echo "run.sh: no case $name in $cases_dir/*/" >&2
		exit 1
	fi
	expected=${case_file%.sh}
	work=$scratch/work-$name
	mkdir -p "$work"
	cp "$sample" "$work/registry.db"
	ln -s "$src/examples/data" "$work/data"
	ln -s "$src/tests/data/bad" "$work/bad"
	ln -s "$src/tests/data/good" "$work/good"
	ln -s "$src/examples/pcreg/pcreg.1" "$work/pcreg.1"
	status=0
	(cd "$work" && bash -e "$case_file") >"$work/.stdout" 2>"$work/.stderr" </dev/null || status=$?
	normalise <"$work/.stdout" >"$work/.stdout.n"
	normalise <"$work/.stderr" >"$work/.stderr.n"
	echo "$status" >"$work/.exit"
	ran=$((ran + 1))

	if [ "${PCREG_CLI_UPDATE:-}" = 1 ]; then
		# only what says something: output that was printed, a status not 0
		for part in stdout stderr; do
			if [ -s "$work/.$part.n" ]; then
				cp "$work/.$part.n" "$expected.$part"
			else
				rm -f "$expected.$part"
			fi
		done
		if [ "$status" != 0 ]; then
			cp "$work/.exit" "$expected.exit"
		else
			rm -f "$expected.exit"
		fi
		echo "updated $name (exit $status)"
		continue
	fi
	ok=1
	for part in stdout stderr; do
		want=$expected.$part
		[ -f "$want" ] || want=/dev/null
		if ! diff -u --label "$name.$part (expected)" --label "$name.$part (got)" \
			"$want" "$work/.$part.n"; then
			ok=0
		fi
	done
	want_status=0
	[ -f "$expected.exit" ] && want_status=$(cat "$expected.exit")
	if [ "$want_status" != "$status" ]; then
		echo "$name: exit status $status, expected $want_status"
		ok=0
	fi
	if [[ $name == *jsonl* ]]; then
		if ! python3 -c 'import json, sys
for line in sys.stdin: json.loads(line)' <"$work/.stdout"; then
			echo "$name: a line of stdout is not valid JSON"
			ok=0
		fi
	elif [[ $name == *json* ]] && ! python3 -m json.tool "$work/.stdout" >/dev/null; then
		echo "$name: stdout is not valid JSON"
		ok=0
	fi
	if [ $ok = 1 ]; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
done
echo "$ran cases, $failed failed"
[ $failed -eq 0 ]
