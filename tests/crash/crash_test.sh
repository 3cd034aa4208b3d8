#!/bin/sh
# crash_test.sh: kill imports with SIGKILL and check that every killed
# registry comes back whole: SQLite's integrity check passes, `pcreg check`
# passes, and the content is exactly release A (the import left no trace)
# or exactly release A then B (all of the import, its journal rows too).
#
# usage: crash_test.sh PCREG_CLI CRASH_AT_SYNC SOURCE_DIR
#
# Two parts, each against a registry holding release A (a synthetic
# epraccur, bench/gen_epraccur.py) and importing release B (A with many
# rows renamed, closed or moved to another commissioner), strict:
#
#  1. by the clock: one import is timed, then PCREG_CRASH_KILLS imports
#     (default 30) are each killed with `kill -9` at i/(KILLS+1) of that
#     time, i = 1..KILLS;
#  2. at the syncs: crash_at_sync (a VFS shim that raises SIGKILL at the
#     Nth xSync) is run for N = 1, 2, ... until an import completes
#     without reaching N. Each kill must end as its moment says: before
#     the commit's WAL frame was written, all-old; after it, all-new. At
#     least one kill must land inside the commit (before its frame, with
#     more syncs to come) and at least one after it.
#
# The long version, by hand (any number of kills, a bigger file):
#
#   PCREG_CRASH_KILLS=1000 PCREG_CRASH_ROWS=50000 \
#     sh tests/crash/crash_test.sh build/examples/pcreg \
#        build/tests/crash/crash_at_sync .
#
# Other settings: PCREG_CRASH_ROWS (rows of release A, default 10000),
# PCREG_CRASH_KEEP=1 (keep the scratch directory, printed at the start),
# PCREG_CRASH_VERBOSE=1 (one line per kill).
set -eu

if [ $# -ne 3 ]; then
	echo "usage: $0 PCREG_CLI CRASH_AT_SYNC SOURCE_DIR" >&2
	exit 64
fi
cli=$1
at_sync=$2
src=$3
kills=${PCREG_CRASH_KILLS:-30}
rows=${PCREG_CRASH_ROWS:-10000}
verbose=${PCREG_CRASH_VERBOSE:-}

for tool in python3 sqlite3 sha256sum; do
	command -v "$tool" >/dev/null || { echo "crash_test: $tool is needed" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/pcreg-crash-XXXXXX")
cleanup() {
	if [ -n "${PCREG_CRASH_KEEP:-}" ]; then
		echo "crash_test: scratch files kept in $dir" >&2
	else
		rm -rf "$dir"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failures=0
fail() {
	echo "crash_test: FAIL: $*" >&2
	failures=$((failures + 1))
}

now_ms() {
	date +%s%3N
}

# ---- releases A and B, and the two states a killed import may leave ---------------

python3 "$src/bench/gen_epraccur.py" "$rows" "$dir/A.csv" --seed 20261203 \
	--commissioners-csv "$dir/commissioners.csv"

# B: every third row renamed; of the open practices, every eleventh
# closed on 2025-03-01 and every seventh (of the rest) moved to the next
# commissioner from 2025-04-01. Every row stays valid.
python3 - "$dir/A.csv" "$dir/B.csv" <<'EOF'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    codes = sorted({r[14] for r in csv.reader(f) if r[14]})
with open(src, newline="") as f, open(dst, "w", newline="") as out:
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for i, r in enumerate(csv.reader(f)):
        if i % 3 == 0:
            r[1] = r[1] + " B"
        if r[25] == "4" and r[12] == "A" and r[14]:
            if i % 11 == 0:
                r[11] = r[16] = "20250301"
                r[12] = "C"
            elif i % 7 == 0:
                r[14] = r[23] = codes[(codes.index(r[14]) + 1) % len(codes)]
                r[15] = "20250401"
        w.writerow(r)
EOF

base=$dir/base.db
"$cli" --db "$base" init >/dev/null
"$cli" --db "$base" import registry-csv "$dir/commissioners.csv" --quiet >/dev/null
"$cli" --db "$base" import epraccur "$dir/A.csv" --quiet >/dev/null
if [ -e "$base-wal" ]; then
	echo "crash_test: $base-wal is left after a clean close" >&2
	exit 1
fi

# Everything the registry holds, as a digest: sqlite3's .dump (schema and
# every row, the journal included), with the journal's clock times blanked,
# since the reference import ran at another second than the killed ones.
digest() {
	sqlite3 "$1" .dump |
		sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIME/g' |
		sha256sum | cut -d' ' -f1
}

work=$dir/work.db
fresh() {
	rm -f "$work" "$work-wal" "$work-shm" "$work-journal"
	cp "$base" "$work"
}

# The import as every run does it: same registry path, same file path.
import_b() {
	"$cli" --db "$work" import epraccur "$dir/B.csv" --strict --quiet
}

fresh
old=$(digest "$work")
# The import's time, the fastest of three: a busy machine slows some runs,
# and kills timed after the import has ended would test nothing.
import_ms=""
for _ in 1 2 3; do
	fresh
	started=$(now_ms)
	import_b >/dev/null
	ms=$(($(now_ms) - started))
	if [ -z "$import_ms" ] || [ "$ms" -lt "$import_ms" ]; then
		import_ms=$ms
	fi
done
new=$(digest "$work")
if [ "$old" = "$new" ]; then
	echo "crash_test: release B changes nothing: the test could not tell old from new" >&2
	exit 1
fi
echo "crash_test: $rows rows; one import of release B takes $import_ms ms"

# Check a registry after a kill; sets outcome to "old", "new" or
# "neither". $1 says what is being checked, for the messages.
check() {
	what=$1
	if ! out=$("$cli" --db "$work" check 2>&1); then
		fail "$what: pcreg check: $(printf '%s\n' "$out" | head -n 5)"
	fi
	integrity=$(sqlite3 "$work" 'PRAGMA integrity_check' 2>&1 | head -n 5 || true)
	if [ "$integrity" != "ok" ]; then
		fail "$what: integrity_check: $integrity"
	fi
	got=$(digest "$work")
	if [ "$got" = "$old" ]; then
		outcome=old
	elif [ "$got" = "$new" ]; then
		outcome=new
	else
		fail "$what: the registry is neither release A nor A then B"
		if [ -n "${PCREG_CRASH_KEEP:-}" ]; then
			cp "$work" "$dir/neither-$(now_ms).db"
		fi
		outcome=neither
	fi
}

# ---- part 1: kills spread over the import's time ----------------------------------

killed=0
completed=0
n_old=0
n_new=0
i=1
while [ "$i" -le "$kills" ]; do
	delay=$(awk -v t="$import_ms" -v i="$i" -v n="$kills" \
		'BEGIN { printf "%.3f", t * i / (n + 1) / 1000 }')
	fresh
	# The program itself, not a subshell running it, so that $! is its pid.
	"$cli" --db "$work" import epraccur "$dir/B.csv" --strict --quiet >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	rc=0
	# (The braces keep the shell's own "Killed" off the output.)
	{ wait "$pid"; } 2>/dev/null || rc=$?
	if [ "$rc" -eq 137 ]; then
		killed=$((killed + 1))
		how="killed"
	elif [ "$rc" -eq 0 ]; then
		completed=$((completed + 1))
		how="completed"
	else
		fail "kill $i: the import exited with status $rc"
		how="failed"
	fi
	check "kill $i at ${delay}s"
	case $outcome in
	old) n_old=$((n_old + 1)) ;;
	new) n_new=$((n_new + 1)) ;;
	esac
	if [ "$how" = completed ] && [ "$outcome" != new ]; then
		fail "kill $i: the import completed but the registry is $outcome"
	fi
	if [ -n "$verbose" ]; then
		echo "kill $i at ${delay}s: $how, registry $outcome"
	fi
	i=$((i + 1))
done
echo "crash_test: by the clock: $kills tries, $killed killed the import, $completed finished" \
	"first; registries after: $n_old all-old, $n_new all-new"
# Kills that all miss the import would test nothing. Most land inside it
# (i/(KILLS+1) of its fastest time); a quarter leaves room for a machine
# that was busy while the import was timed and idle afterwards.
if [ "$kills" -gt 0 ] && [ "$killed" -lt $(((kills + 3) / 4)) ]; then
	fail "only $killed of $kills kills landed during the import (timed at $import_ms ms)"
fi
if [ "$kills" -gt 0 ] && [ "$n_old" -eq 0 ]; then
	fail "no kill left the registry as it was before the import"
fi

# ---- part 2: a kill at each sync ------------------------------------------------------

n=1
syncs=""
in_commit=0
after_commit=0
while [ "$n" -le 1000 ]; do
	fresh
	rc=0
	{ "$at_sync" "$work" epraccur "$dir/B.csv" "$n" >"$dir/out" 2>"$dir/err"; } 2>/dev/null ||
		rc=$?
	if [ "$rc" -eq 0 ]; then
		syncs=$(sed -n 's/^crash_at_sync: completed, \([0-9]*\) syncs.*/\1/p' "$dir/out")
		check "crash_at_sync $n (no kill)"
		[ "$outcome" = new ] || fail "crash_at_sync $n: completed, but the registry is $outcome"
		break
	fi
	if [ "$rc" -ne 137 ]; then
		fail "crash_at_sync $n: exited with status $rc: $(cat "$dir/err")"
		break
	fi
	frame=$(sed -En 's/.*commit frame written: (yes|no)$/\1/p' "$dir/err")
	check "kill at sync $n"
	if [ -n "$verbose" ]; then
		echo "$(cat "$dir/err"): registry $outcome"
	fi
	case $frame in
	no)
		in_commit=$((in_commit + 1))
		[ "$outcome" = old ] ||
			fail "kill at sync $n, before the commit frame: the registry is $outcome, not all-old"
		;;
	yes)
		after_commit=$((after_commit + 1))
		[ "$outcome" = new ] ||
			fail "kill at sync $n, after the commit frame: the registry is $outcome, not all-new"
		;;
	*)
		fail "kill at sync $n: no report from crash_at_sync: $(cat "$dir/err")"
		;;
	esac
	n=$((n + 1))
done
echo "crash_test: at the syncs: an import makes ${syncs:-?} syncs; $in_commit kills before the" \
	"commit frame (all-old after), $after_commit after it (all-new after)"
if [ -z "$syncs" ]; then
	fail "no run of crash_at_sync completed"
elif [ "$syncs" -le 1 ]; then
	fail "an import makes $syncs sync(s): no kill can land inside its commit"
fi
[ "$in_commit" -ge 1 ] || fail "no kill at a sync landed inside the commit, before its frame"
[ "$after_commit" -ge 1 ] || fail "no kill at a sync landed after the commit frame"

if [ "$failures" -ne 0 ]; then
	echo "crash_test: $failures failures" >&2
	exit 1
fi
echo "crash_test: ok"
