#!/usr/bin/env bash
# The import's progress line, seen in a real terminal: tmux runs
# `pcreg import` in a detached pane of a fixed size, and the pane is
# captured (capture-pane) every tenth of a second while it runs. A golden
# file cannot see this: whether the line fits the width without wrapping,
# and whether it leaves anything behind once erased, is the terminal's
# business.
#
# Checked, at 60 columns and at 120 (and at 60 with TERM=dumb, where the
# line is erased with spaces rather than an escape):
#   - a snapshot shows the bar, a percent and a time left ("0:02 left");
#   - a snapshot shows "100%  committing" once the file is read;
#   - the line is always one row, on the pane's first, never wider than
#     the pane less its last column;
#   - at the end the pane holds the import's report and nothing else;
#   - the bar at 120 columns is wider than at 60.
#
# usage: progress_tmux.sh PCREG SOURCE_DIR
# The tmux server has its own socket in a scratch folder (it never meets a
# user's tmux) and is killed on exit; every wait has a deadline.
set -euo pipefail

pcreg=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
command -v tmux >/dev/null || { echo "progress_tmux.sh: tmux is missing (scripts/deps.sh installs it)" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/pcreg-tmux.XXXXXX")
sock=$scratch/tmux.sock
trap 'tmux -S "$sock" kill-server >/dev/null 2>&1 || true; [ -n "${PCREG_TMUX_KEEP:-}" ] || rm -rf "$scratch"' EXIT
export LC_ALL=C.UTF-8
unset PCREG_DB TMUX

# Deadline for one import, generous for a loaded machine or a sanitizer build.
run_seconds=${PCREG_TMUX_TIMEOUT:-300}

fail() {
	echo "progress_tmux.sh: $*" >&2
	exit 1
}

if ! timeout 300 sh "$src/examples/load_sample.sh" "$pcreg" "$scratch/sample.db" \
	>"$scratch/load.out" 2>&1; then
	cat "$scratch/load.out" >&2
	fail "the sample registry did not build"
fi
# The sample's practices 200 times over under new codes (40,000 rows,
# 7.5 MB): a second or more of reading, so a time left is shown, and as
# long again committing.
awk -F, -v OFS=, '{
	for (i = 1; i <= 200; i++) {
		k = (NR - 1) * 200 + i
		$1 = sprintf("\"%s%05d\"", substr("KLMNPQRSTUVWXYZ", int(k / 100000) + 1, 1), k % 100000)
		print
	}
}' "$src/examples/data/04-epraccur.csv" >"$scratch/big.csv"
rows=$(wc -l <"$scratch/big.csv")

# One import in a WIDTHx10 pane; its snapshots go to $scratch/NAME/.
watch_import() {
	local name=$1 width=$2 term=$3 dir=$scratch/$1 deadline n=0 snap
	mkdir "$dir"
	cp "$scratch/sample.db" "$dir/registry.db"
	# The pane runs this, and stays open after it for the last capture.
	cat >"$dir/run.sh" <<-EOF
		cd '$dir'
		export TERM='$term'
		'$pcreg' --db registry.db import epraccur ../big.csv
		echo "DONE \$?"
		exec sleep 600
	EOF
	timeout 20 tmux -S "$sock" -f /dev/null new-session -d -s "$name" -x "$width" -y 10 \
		"sh '$dir/run.sh'"
	deadline=$((SECONDS + run_seconds))
	while :; do
		snap=$dir/snap.$(printf '%05d' $n)
		timeout 20 tmux -S "$sock" capture-pane -p -t "$name" >"$snap"
		n=$((n + 1))
		grep -q '^DONE ' "$snap" && break
		[ $SECONDS -lt $deadline ] || fail "$name: no DONE within $run_seconds s"
		sleep 0.1
	done
	# The last snapshot again, with wrapped rows joined and their trailing
	# spaces kept: anything the line left behind shows there.
	timeout 20 tmux -S "$sock" capture-pane -p -J -t "$name" >"$dir/final"
	timeout 20 tmux -S "$sock" kill-session -t "$name"
	echo "$name: $n snapshots"
}

# The rows of a snapshot that hold any piece of the progress line.
progress_rows() {
	grep -n -e '\[[#.]' -e '%' -e ' left' -e 'rows/s' -e 'committing' -e '#' "$1" || true
}

check_import() {
	local name=$1 width=$2 dir=$scratch/$1 snap rows_seen
	for snap in "$dir"/snap.*; do
		if grep -q 'rows read' "$snap"; then
			# The report is out: the line must be gone.
			[ -z "$(progress_rows "$snap")" ] ||
				fail "$name: progress left on the pane with the report: $(cat "$snap")"
			continue
		fi
		rows_seen=$(progress_rows "$snap" | cut -d: -f1 | sort -u | tr '\n' ' ')
		case $rows_seen in
		'' | '1 ') ;;
		*) fail "$name: the progress line is on rows $rows_seen(wrapped?): $(cat "$snap")" ;;
		esac
		awk -v w="$width" -v n="$name" 'length($0) > w - 1 {
			printf "%s: a row of %d columns in a pane of %d: %s\n", n, length($0), w, $0
			bad = 1
		} END { exit bad }' "$snap" >&2 || exit 1
	done
	grep -Eq '\[#+\.*\] +[0-9]+%  +[0-9]+:[0-9]{2} left' "$dir"/snap.* ||
		fail "$name: no snapshot shows a bar, a percent and a time left"
	grep -Eq '\[#+\] 100%  committing' "$dir"/snap.* ||
		fail "$name: no snapshot shows \"100%  committing\""
	# Exactly the report, then DONE, then empty rows.
	sed 's/ *$//' "$dir/final" | awk -v rows="$rows" -v n="$name" '
		NR == 1 { ok = $0 ~ /^big\.csv: epraccur, import [0-9]+$/ }
		NR == 2 { ok = $0 == "  " rows " rows read: " rows " inserted, 0 updated, 0 unchanged, 0 skipped, 0 rejected" }
		NR == 3 { ok = $0 == "DONE 0" }
		NR > 3 { ok = $0 == "" }
		!ok { printf "%s: row %d of the final pane is \"%s\"\n", n, NR, $0; bad = 1 }
		END { exit bad }' >&2 || exit 1
}

# The widest bar any snapshot shows, in characters between [ and ].
widest_bar() {
	grep -Eho '\[[#.]+\]' "$1"/snap.* | awk '{ if (length($0) - 2 > w) w = length($0) - 2 }
		END { print w + 0 }'
}

watch_import w60 60 tmux-256color
check_import w60 60
watch_import w120 120 tmux-256color
check_import w120 120
watch_import dumb60 60 dumb
check_import dumb60 60

bar60=$(widest_bar "$scratch/w60")
bar120=$(widest_bar "$scratch/w120")
echo "bar: $bar60 columns at 60, $bar120 at 120"
[ "$bar120" -ge $((bar60 + 50)) ] || fail "the bar did not grow with the pane ($bar60 -> $bar120)"
echo "progress_tmux.sh: ok"
