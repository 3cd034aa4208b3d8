#!/bin/sh
# run.sh BUILD_DIR SECONDS [TARGET...]: run the libFuzzer targets (all of
# targets.txt, or the ones named: "epraccur" or "fuzz_epraccur") for
# SECONDS each, one after another, each on a scratch corpus seeded with the
# sample files of its kind. SECONDS 0 runs the seeds once each, without
# fuzzing. Prints one line per target and a last line "N passed, M failed";
# exits 1 if any target found a crash, a leak, a timeout or a broken
# promise, whose input is kept (the line says where).
#
# Environment:
#   PCREG_FUZZ_WORK      scratch directory (default: a new one under /tmp,
#                        removed afterwards unless something failed)
#   PCREG_FUZZ_CORPUS    keep each target's corpus in DIR/NAME and grow it
#                        from run to run (the seeds are added each time)
#   PCREG_FUZZ_FINDINGS  where failing inputs go (default: WORK/findings)
#   PCREG_FUZZ_ARGS      more libFuzzer options (e.g. "-jobs=2 -workers=2")
set -u
# Patterns are matched with case, never expanded against the current
# directory.
set -f

usage() {
	echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
	exit 2
}

[ $# -ge 2 ] || usage
build=$1
seconds=$2
shift 2
case $seconds in '' | *[!0-9]*) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
table=$here/targets.txt
bindir=$build/tests/fuzz
[ -d "$bindir" ] || {
	echo "$0: $bindir: no such directory (configure with -DPCREG_FUZZ=ON and build)" >&2
	exit 2
}

# The target lines, without comments.
lines=$(grep -v '^[[:space:]]*#' "$table" | grep -v '^[[:space:]]*$')
all_names=$(printf '%s\n' "$lines" | awk '{ print $1 }')

if [ $# -eq 0 ]; then
	names=$all_names
else
	names=
	for t in "$@"; do
		t=${t#fuzz_}
		printf '%s\n' "$all_names" | grep -qx -- "$t" || {
			echo "$0: no target \"$t\" in $table" >&2
			exit 2
		}
		names="$names $t"
	done
fi

work=${PCREG_FUZZ_WORK:-}
made_work=0
if [ -z "$work" ]; then
	work=$(mktemp -d /tmp/pcreg-fuzz-run.XXXXXX) || exit 2
	made_work=1
fi
findings=${PCREG_FUZZ_FINDINGS:-$work/findings}
mkdir -p "$work" "$findings" || exit 2

# Whether a file name matches one of the patterns (the fields after the
# fourth of a target line).
matches() { # NAME PATTERN...
	m_name=$1
	shift
	for m_pat in "$@"; do
		# shellcheck disable=SC2254
		case $m_name in $m_pat) return 0 ;; esac
	done
	return 1
}

# Seeds for one target, copied into DIR: tests/data files whose names its
# patterns match, or that no target's patterns match; examples/data files
# of its kind (LOAD_ORDER). "auto" takes them all.
seed() { # DIR KIND PATTERN...
	s_dir=$1
	s_kind=$2
	shift 2
	for s_sub in good bad later cqc payments evidence; do
		# The sample files' names have no blanks (globbing is off).
		# shellcheck disable=SC2045
		for s_base in $(ls -A "$src/tests/data/$s_sub" 2>/dev/null); do
			s_file=$src/tests/data/$s_sub/$s_base
			[ -f "$s_file" ] || continue
			[ "$s_base" = README.md ] && continue
			if [ "$s_kind" = auto ] || matches "$s_base" "$@" || ! claimed "$s_base"; then
				cp "$s_file" "$s_dir/$s_sub-$s_base"
			fi
		done
	done
	grep -v '^#' "$src/examples/data/LOAD_ORDER" | while read -r s_base s_k s_released; do
		[ -n "$s_base" ] || continue
		if [ "$s_kind" = auto ] || [ "$s_k" = "$s_kind" ]; then
			cp "$src/examples/data/$s_base" "$s_dir/examples-$s_base"
		fi
	done
}

# Whether some target other than auto has a pattern for the name.
claimed() { # NAME
	printf '%s\n' "$lines" | while read -r _ c_kind _ _ c_pats; do
		[ "$c_kind" = auto ] && continue
		# shellcheck disable=SC2086
		if matches "$1" $c_pats; then
			echo yes
			break
		fi
	done | grep -q yes
}

# The last value of "key: N" in a libFuzzer log.
stat_of() { # KEY LOG
	grep -a -o "$1: [0-9]*" "$2" | tail -n 1 | awk '{ print $2 }'
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

passed=0
failed=0
for name in $names; do
	line=$(printf '%s\n' "$lines" | awk -v n="$name" '$1 == n')
	# shellcheck disable=SC2086
	set -- $line
	kind=$2
	dicts=$4
	shift 4
	bin=$bindir/fuzz_$name
	log=$work/$name.log
	if [ ! -x "$bin" ]; then
		echo "fuzz_$name: FAILED: $bin is not built"
		failed=$((failed + 1))
		continue
	fi

	if [ -n "${PCREG_FUZZ_CORPUS:-}" ]; then
		corpus=$PCREG_FUZZ_CORPUS/$name
	else
		corpus=$work/$name/corpus
	fi
	seeds=$work/$name/seeds
	rm -rf "$seeds"
	mkdir -p "$corpus" "$seeds" || exit 2
	seed "$seeds" "$kind" "$@"
	nseeds=$(ls "$seeds" | wc -l)

	dict_opt=
	if [ "$dicts" != - ]; then
		dict=$work/$name/dict
		: >"$dict"
		for d in $(echo "$dicts" | tr '+' ' '); do
			cat "$here/$d.dict" >>"$dict" || exit 2
		done
		dict_opt=-dict=$dict
	fi

	before=$(ls "$findings" | wc -l)
	if [ "$seconds" -eq 0 ]; then
		# The seeds once each: a regression test, no fuzzing.
		# shellcheck disable=SC2086
		"$bin" -runs=0 -max_len=1048576 -timeout=60 -rss_limit_mb=2048 \
			-error_exitcode=77 -timeout_exitcode=78 \
			-artifact_prefix="$findings/$name-" ${PCREG_FUZZ_ARGS:-} \
			"$seeds" >"$log" 2>&1
		status=$?
	else
		# New inputs go to the corpus; the seeds are read, not written.
		# shellcheck disable=SC2086
		"$bin" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
			-error_exitcode=77 -timeout_exitcode=78 -print_final_stats=1 \
			-artifact_prefix="$findings/$name-" $dict_opt ${PCREG_FUZZ_ARGS:-} \
			"$corpus" "$seeds" >"$log" 2>&1
		status=$?
	fi
	after=$(ls "$findings" | wc -l)

	runs=$(stat_of stat::number_of_executed_units "$log")
	[ -n "$runs" ] || runs=$(grep -a -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')
	cov=$(stat_of cov "$log")
	ft=$(stat_of ft "$log")
	size=$(ls "$corpus" | wc -l)
	kept=$(ls -t "$findings" | grep "^$name-" | head -n 1)

	if [ "$status" -eq 0 ] && [ "$after" -eq "$before" ]; then
		echo "fuzz_$name: ${runs:-0} runs, cov ${cov:-?}, ft ${ft:-?}, corpus $size (+$nseeds seeds), 0 crashes"
		passed=$((passed + 1))
	else
		case $status in
		77) what="crash or broken promise" ;;
		78) what="timeout" ;;
		*) what="exit status $status" ;;
		esac
		grep -a -q 'LeakSanitizer' "$log" && what="leak"
		grep -a -q 'out-of-memory (used' "$log" && what="out of memory (rss limit)"
		echo "fuzz_$name: ${runs:-0} runs, cov ${cov:-?}, ft ${ft:-?}, 1 crash: $what"
		if [ -n "$kept" ]; then
			echo "    input kept: $findings/$kept"
			echo "    reproduce:  $bin $findings/$kept"
		fi
		echo "    log: $log"
		grep -a -m 3 -E 'ORACLE FAILURE|ERROR: |runtime error|SUMMARY' "$log" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
done

if [ "$failed" -eq 0 ] && [ "$made_work" -eq 1 ]; then
	rm -rf "$work"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
