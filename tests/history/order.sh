#!/bin/sh
# Order independence on the real files: the registry built from the whole real
# set must be the same whatever order the files are loaded in.
#
# usage: order.sh PCREG OUTDIR [DATADIR]
#
# Builds a registry from the real set (histlib.py's FILES, each imported
# lenient with its release date) in date order, in reverse, and in seeded
# shuffles of the date order (seeds 1-5, or those in $HIST_ORDER_SEEDS; each
# is printed), runs 'pcreg check' on each (it must exit 0), dumps each
# (every entity's CSV export, the journal of imports, every table; ids and
# load times dropped, rows sorted: ordertool.py says exactly what is left
# out and why) and compares every dump with the date order's. Prints where
# the first difference is and exits 1 if any order differs or fails a check.
# OUTDIR keeps each order's registry, load log, check output and dump. The
# orders are built $HIST_JOBS (default 2) at a time.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: order.sh PCREG OUTDIR [DATADIR]" >&2
	exit 2
fi
pcreg=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
data=${3:-$here/../../../shared/data}
seeds=${HIST_ORDER_SEEDS:-1 2 3 4 5}
jobs=${HIST_JOBS:-2}
python=${PYTHON:-python3}
tool="$python $here/ordertool.py"

if [ ! -d "$data" ]; then
	echo "order.sh: no data folder $data" >&2
	exit 1
fi
for f in $($tool files date | cut -d' ' -f3); do
	if [ ! -f "$data/$f" ]; then
		echo "order.sh: $data/$f is missing" >&2
		exit 1
	fi
done
rm -rf "$out"
mkdir -p "$out"

status=0

# build NAME ORDER: a registry from the files in ORDER, checked and dumped.
# Prints what it did; exits 1 if a file fails to import or the check fails.
build() {
	name=$1
	dir=$out/$name
	mkdir -p "$dir"
	db=$dir/registry.db
	$tool files "$2" >"$dir/order.txt"
	echo "$name: $(cut -d' ' -f1,2 "$dir/order.txt" | tr ' \n' ':,' | sed 's/,$//')"
	"$pcreg" --db "$db" init >"$dir/load.log" 2>&1
	while read -r released kind path; do
		echo "== $released $kind $path" >>"$dir/load.log"
		if ! "$pcreg" --db "$db" import --lenient --quiet --released "$released" "$kind" \
			"$data/$path" >>"$dir/load.log" 2>&1; then
			echo "  $name: FAILED to import $path ($kind, released $released):"
			tail -n 5 "$dir/load.log" | sed 's/^/    /'
			return 1
		fi
	done <"$dir/order.txt"
	result=0
	if ! "$pcreg" --db "$db" check >"$dir/check.txt" 2>&1; then
		echo "  $name: pcreg check FAILED ($(grep -c . "$dir/check.txt") lines; first ones):"
		head -n 8 "$dir/check.txt" | sed 's/^/    /'
		result=1
	fi
	$tool dump "$pcreg" "$db" "$dir/dump" || return 1
	return $result
}

# The orders, built $jobs at a time (each build is one process at a time).
names="date reverse"
for seed in $seeds; do
	names="$names seed-$seed"
done
running=0
for name in $names; do
	case $name in
	seed-*) which=${name#seed-} ;;
	*) which=$name ;;
	esac
	(
		mkdir -p "$out/$name"
		if build "$name" "$which" >"$out/$name.summary" 2>&1; then
			echo 0 >"$out/$name.status"
		else
			echo 1 >"$out/$name.status"
		fi
	) &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

for name in $names; do
	cat "$out/$name.summary"
	if [ "$(cat "$out/$name.status" 2>/dev/null)" != 0 ]; then
		status=1
	elif [ "$name" != date ] && [ -d "$out/date/dump" ]; then
		$tool compare "$out/date/dump" "$out/$name/dump" "$name" || status=1
	fi
done
if [ ! -d "$out/date/dump" ]; then
	echo "  the date order's registry could not be built: nothing to compare with"
	status=1
fi

if [ $status -eq 0 ]; then
	echo "history_order: ok (date order, reverse, seeds $seeds)"
else
	echo "history_order: FAILED (dumps and logs in $out)"
fi
exit $status
