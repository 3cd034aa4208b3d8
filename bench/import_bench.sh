#!/bin/sh
# import_bench.sh: the import benchmark (issue 4), one run, every size.
#
# For each size (10,000 / 100,000 / 1,000,000 rows by default) it writes a
# synthetic epraccur file with gen_epraccur.py, then runs each loader in a
# process of its own, measuring its wall time and peak resident memory:
#
#   library, empty      bench_import into a new registry (made beforehand,
#                       with the 200 commissioners, by another process)
#   library, re-import  bench_import of the same file again into that
#                       registry, now full: every row unchanged
#   sqlite3 .import     sqlite3's shell into a bare 27-column table of a
#                       new database file
#   Python, empty       py_loader.py into a new registry made by the
#                       library (same schema, commissioners)
#   Python, re-import   py_loader.py of the same file again (for reading
#                       only: no target)
#
# Rates are rows / the process's wall time, for every loader alike (so
# they include starting the process and opening the file), the median of
# --repeat rounds that interleave the loaders. Then it prints the ratios and whether each target of issue 4 is
# met. Each run's counts are checked: the re-import changed nothing, Python
# wrote as many practices as the library, .import loaded every row.
#
# usage: bench/import_bench.sh [--dir DIR] [--build DIR] [--sizes "N ..."] [--repeat R]
#   --dir    where scratch files go: a new directory is made inside it and
#            removed at the end (default: the system's temporary directory)
#   --build  the build directory holding bench/bench_import
#            (default: $PCREG_BUILD_DIR, else build/ in the source tree)
#   --sizes  row counts (default "10000 100000 1000000")
#   --repeat rounds (default 5 below 1,000,000 rows, where a run is short
#            and its fixed costs, such as fsync, vary most; 3 from there):
#            each loader's median time is reported, with the largest peak
#            of its rounds
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
parent=${TMPDIR:-/tmp}
build=${PCREG_BUILD_DIR:-$root/build}
sizes="10000 100000 1000000"
repeat=""

while [ $# -gt 0 ]; do
	case $1 in
	--dir) parent=$2; shift 2 ;;
	--build) build=$2; shift 2 ;;
	--sizes) sizes=$2; shift 2 ;;
	--repeat) repeat=$2; shift 2 ;;
	*) echo "usage: $0 [--dir DIR] [--build DIR] [--sizes \"N ...\"] [--repeat R]" >&2; exit 64 ;;
	esac
done

bench_import=$build/bench/bench_import
if [ ! -x "$bench_import" ]; then
	echo "import_bench: no $bench_import: build first (sh scripts/build.sh -DPCREG_BUILD_BENCH=ON) or pass --build" >&2
	exit 1
fi
for tool in python3 sqlite3; do
	command -v "$tool" >/dev/null || { echo "import_bench: $tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "$parent/import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# measure NAME CMD...: run CMD, its stdout to $work/NAME.out; sets $secs
# (wall time) and $peak_kb (peak resident set, ru_maxrss). GNU time for the
# peak, the clock around it for the time (GNU time's %e has two decimals:
# too coarse at 10,000 rows). Without GNU time, Python's os.wait4; the
# child then starts as a copy of the Python process, whose size the kernel
# counts in the child's peak, so small peaks read several MB high.
measure() {
	name=$1
	shift
	# Earlier runs' writes still being flushed would be charged to this one.
	sync
	if [ -x /usr/bin/time ]; then
		t0=$(date +%s.%N)
		/usr/bin/time -f '%M' -o "$work/$name.time" "$@" >"$work/$name.out"
		t1=$(date +%s.%N)
		secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf("%.3f", b - a) }')
		read -r peak_kb <"$work/$name.time"
	else
		python3 - "$work/$name.time" "$work/$name.out" "$@" <<'EOF'
import os, sys, time
out = open(sys.argv[2], "w")
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    os.dup2(out.fileno(), 1)
    os.execvp(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
wall = time.monotonic() - t0
open(sys.argv[1], "w").write("%.3f %d\n" % (wall, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
EOF
		read -r secs peak_kb <"$work/$name.time"
	fi
}

# rate ROWS SECONDS; mb KB; ratio A B
rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf("%.0f", (s > 0 ? r / s : 0)) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.2f", (b > 0 ? a / b : 0)) }'; }
# field NAME KEY: a key=value from a loader's line
field() { tr ' ' '\n' <"$work/$1.out" | sed -n "s/^$2=//p"; }

columns=$(awk 'BEGIN { for (i = 1; i <= 27; i++) printf("%sc%d", (i > 1 ? "," : ""), i) }')
# The interpreter itself: a version manager's shim in front of it would
# add its own start-up to every Python run.
python=$(python3 -c 'import sys; print(sys.executable)')
results=$work/results
: >"$results"

# run LOADER N REP CMD...: measure one run and record it
run() {
	run_loader=$1
	run_rows=$2
	run_name=$1-$2-$3
	shift 3
	measure "$run_name" "$@"
	echo "$run_loader $run_rows $secs $peak_kb" >>"$results"
}
reg_rm() { rm -f "$1" "$1-wal" "$1-shm"; }

echo "# import benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $("$python" --version)"
for n in $sizes; do
	csv=$work/epraccur-$n.csv
	"$python" "$here/gen_epraccur.py" "$n" "$csv"
	echo "# $n rows: $(wc -c <"$csv") bytes"
	lib=$work/lib-$n.db
	py=$work/py-$n.db
	imp=$work/sqlite-$n.db
	rounds=${repeat:-$([ "$n" -lt 1000000 ] && echo 5 || echo 3)}
	echo "# $n rows: median of $rounds rounds"
	rep=1
	# Rounds interleave the loaders, so drift hits them alike.
	while [ "$rep" -le "$rounds" ]; do
		# Library, into an empty registry (made by another process), then
		# the same file again into the full one.
		"$bench_import" --db "$lib" 2>/dev/null
		run lib-empty "$n" "$rep" "$bench_import" --db "$lib" "$csv"
		run lib-again "$n" "$rep" "$bench_import" --db "$lib" "$csv"
		[ "$(field "lib-again-$n-$rep" unchanged)" -eq "$(field "lib-empty-$n-$rep" inserted)" ] ||
			{ echo "import_bench: the re-import changed rows" >&2; exit 1; }
		reg_rm "$lib"

		# sqlite3's .import into a bare table of a new file.
		run sqlite "$n" "$rep" sqlite3 "$imp" "CREATE TABLE t($columns)" ".import --csv \"$csv\" t"
		got=$(sqlite3 "$imp" "SELECT count(*) FROM t")
		[ "$got" -eq "$n" ] || { echo "import_bench: .import loaded $got rows of $n" >&2; exit 1; }
		rm -f "$imp"

		# Python, into an empty registry the library made, then again.
		"$bench_import" --db "$py" 2>/dev/null
		run py-empty "$n" "$rep" "$python" "$here/py_loader.py" "$py" "$csv"
		[ "$(field "py-empty-$n-$rep" written)" -eq "$(field "lib-empty-$n-$rep" inserted)" ] ||
			{ echo "import_bench: Python and the library loaded different practices" >&2; exit 1; }
		run py-again "$n" "$rep" "$python" "$here/py_loader.py" "$py" "$csv"
		reg_rm "$py"
		rep=$((rep + 1))
	done
	rm -f "$csv"
done

# ---- the table ---------------------------------------------------------------------------
# get LOADER N secs|peak: the median time of its runs; the largest peak
get() {
	if [ "$3" = secs ]; then
		awk -v l="$1" -v n="$2" '$1 == l && $2 == n { print $3 }' "$results" | sort -n |
			awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
	else
		awk -v l="$1" -v n="$2" '$1 == l && $2 == n && $4 > m { m = $4 } END { print m }' "$results"
	fi
}

echo
echo "| rows | loader | seconds | rows/s | x .import | peak MB |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
	base=$(rate "$n" "$(get sqlite "$n" secs)")
	for l in lib-empty lib-again sqlite py-empty py-again; do
		case $l in
		lib-empty) label="library, empty registry" ;;
		lib-again) label="library, re-import (all unchanged)" ;;
		sqlite) label="sqlite3 .import, bare table" ;;
		py-empty) label="Python csv+sqlite3, empty registry" ;;
		py-again) label="Python, re-import (all unchanged)" ;;
		esac
		s=$(get "$l" "$n" secs)
		r=$(rate "$n" "$s")
		echo "| $n | $label | $s | $r | $(ratio "$r" "$base") | $(mb "$(get "$l" "$n" peak)") |"
	done
done

# ---- the targets ---------------------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "MISSED"; fi; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }

echo
echo "| target (issue 4) | rows | measured | verdict |"
echo "|---|---|---|---|"
first=""
last=""
for n in $sizes; do
	[ -n "$first" ] || first=$n
	last=$n
	base=$(rate "$n" "$(get sqlite "$n" secs)")
	empty=$(rate "$n" "$(get lib-empty "$n" secs)")
	again=$(rate "$n" "$(get lib-again "$n" secs)")
	py=$(rate "$n" "$(get py-empty "$n" secs)")
	x=$(ratio "$empty" "$base")
	echo "| empty registry >= 1.0x .import | $n | ${x}x | $(verdict "$(ge "$x" 1.0)") |"
	x=$(ratio "$again" "$base")
	echo "| re-import >= 0.5x .import | $n | ${x}x | $(verdict "$(ge "$x" 0.5)") |"
	x=$(ratio "$empty" "$py")
	echo "| empty registry >= 3x Python | $n | ${x}x | $(verdict "$(ge "$x" 3.0)") |"
	for l in lib-empty lib-again; do
		m=$(mb "$(get "$l" "$n" peak)")
		echo "| peak < 16 MB ($l) | $n | $m MB | $(verdict "$(ge 15.999 "$m")") |"
	done
done
if [ "$first" != "$last" ]; then
	for l in lib-empty lib-again; do
		a=$(get "$l" "$first" peak)
		b=$(get "$l" "$last" peak)
		d=$(awk -v a="$a" -v b="$b" 'BEGIN { d = (b - a) / 1024; printf("%.1f", (d < 0 ? -d : d)) }')
		echo "| peak at $first and $last within 2 MB ($l) | both | $d MB apart | $(verdict "$(ge 2.0 "$d")") |"
	done
fi
