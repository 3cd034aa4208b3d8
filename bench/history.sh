#!/bin/sh
# history.sh: the history benchmark. Loads a run of monthly epraccur
# releases, each as a dated release (pcreg import --released), and measures
# whether the evidence store and the derivation of memberships keep their
# cost per release and their size as the history grows.
#
# usage: bench/history.sh PCREG [N_PRACTICES] [N_RELEASES]
#   PCREG        the pcreg CLI (build-*/examples/pcreg)
#   N_PRACTICES  practices in the first release (default 10000)
#   N_RELEASES   monthly releases from 2015-01 (default 120)
# Environment: TMPDIR (where scratch files go, removed at the end), SEED
# (the generator's and the shuffle's seed, default 20261203).
#
# What it prints:
#   1. each release's import in date order: seconds (the process's wall
#      time, so with its start and the registry's open) and the registry's
#      size in bytes after it (file and WAL);
#   2. the targets: the last release's import within 20% of the second's
#      (also shown as medians of the first and last ten, which a single run
#      of a busy machine disturbs less), the registry after all releases at
#      most 3x its size after the first; the number of observation rows;
#   3. the same files in a shuffled order into a second registry, and
#      whether the derived tables (practice_commissioner, practice_network,
#      practice; without row ids, releases named by kind, date and digest)
#      are the same: "same" or the first difference (and, at the end, exit
#      status 1);
#   4. sqlite3's .import of the same files into one bare table, for scale;
#   5. an as-of look-up, 100,000 of them from Python's sqlite3: the SQL of
#      pcreg_membership_answer() (lib/answer.c, ANSWER_SQL) on the
#      registry, against the same look-up on a plain table holding the same
#      periods with the same primary key; microseconds each, median of three
#      interleaved rounds.
set -eu

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
	echo "usage: $0 PCREG [N_PRACTICES] [N_RELEASES]" >&2
	exit 64
fi
pcreg=$1
n_practices=${2:-10000}
n_releases=${3:-120}
seed=${SEED:-20261203}
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$pcreg" ] || { echo "history: $pcreg is not an executable" >&2; exit 1; }
for tool in python3 sqlite3; do
	command -v "$tool" >/dev/null || { echo "history: $tool is needed" >&2; exit 1; }
done
[ "$n_releases" -ge 2 ] || { echo "history: at least 2 releases" >&2; exit 64; }

work=$(mktemp -d "${TMPDIR:-/tmp}/history-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.3f", b - a) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf("%.2f", (b > 0 ? a / b : 0)) }'; }
size() { cat "$1" "$1-wal" 2>/dev/null | wc -c | tr -d ' '; }
reg_rm() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "# history benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(python3 --version)"
echo "# parameters: practices=$n_practices releases=$n_releases seed=$seed pcreg=$pcreg"

data=$work/data
t0=$(now)
python3 "$here/gen_releases.py" "$data" "$n_practices" "$n_releases" "$seed"
t1=$(now)
echo "# generated $n_releases releases in $(secs "$t0" "$t1") s: $(du -sk "$data" | cut -f1) KiB," \
	"first $(wc -l <"$data/epraccur-001.csv") rows, last $(wc -l <"$data/$(tail -n 1 "$data/releases.tsv" | cut -f1)") rows"

# load REGISTRY MANIFEST TIMES: the eccg, then each release of MANIFEST in
# its order; one line "k file date seconds bytes" per release to TIMES.
load() {
	reg_rm "$1"
	"$pcreg" --db "$1" init >/dev/null
	"$pcreg" --db "$1" import --quiet eccg "$data/eccg.csv" >/dev/null
	: >"$3"
	k=0
	while IFS="$(printf '\t')" read -r file date; do
		k=$((k + 1))
		a=$(now)
		"$pcreg" --db "$1" import --quiet --released "$date" epraccur "$data/$file" >/dev/null
		b=$(now)
		echo "$k $file $date $(secs "$a" "$b") $(size "$1")" >>"$3"
	done <"$2"
}

# ---- 1. in date order --------------------------------------------------------------------
reg=$work/dated.db
times=$work/dated.times
t0=$(now)
load "$reg" "$data/releases.tsv" "$times"
t1=$(now)
echo
echo "## imports in date order (total $(secs "$t0" "$t1") s)"
echo
echo "| release | date | seconds | registry bytes |"
echo "|---|---|---|---|"
awk '{ printf("| %d | %s | %s | %s |\n", $1, $3, $4, $5) }' "$times"

# ---- 2. the targets ------------------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "MISSED"; fi; }
t2=$(awk '$1 == 2 { print $4 }' "$times")
tn=$(awk -v n="$n_releases" '$1 == n { print $4 }' "$times")
s1=$(awk '$1 == 1 { print $5 }' "$times")
sn=$(awk -v n="$n_releases" '$1 == n { print $5 }' "$times")
early=$(awk '$1 >= 2 && $1 <= 11 { print $4 }' "$times" | median)
late=$(awk -v n="$n_releases" '$1 > n - 10 { print $4 }' "$times" | median)
r_time=$(ratio "$tn" "$t2")
r_med=$(ratio "$late" "$early")
r_size=$(ratio "$sn" "$s1")
echo
echo "## targets"
echo
echo "| measure | value | target |"
echo "|---|---|---|"
echo "| release 2 import s | $t2 | |"
echo "| release $n_releases import s | $tn | |"
echo "| release $n_releases / release 2 | $r_time | <= 1.20: $(verdict "$(awk -v r="$r_time" 'BEGIN { print (r <= 1.2) }')") |"
echo "| median of releases 2-11 s | $early | |"
echo "| median of the last ten s | $late | |"
echo "| last ten / first ten (medians) | $r_med | <= 1.20: $(verdict "$(awk -v r="$r_med" 'BEGIN { print (r <= 1.2) }')") |"
echo "| registry bytes after release 1 | $s1 | |"
echo "| registry bytes after release $n_releases | $sn | |"
echo "| size ratio | $r_size | <= 3.00: $(verdict "$(awk -v r="$r_size" 'BEGIN { print (r <= 3) }')") |"
echo "| observation rows | $(sqlite3 "$reg" "SELECT count(*) FROM observation") | |"
echo "| observation rows by fact | $(sqlite3 "$reg" "SELECT group_concat(fact || '=' || n, ' ') FROM (SELECT fact, count(*) n FROM observation GROUP BY fact)") | |"
echo "| practice_commissioner rows | $(sqlite3 "$reg" "SELECT count(*) FROM practice_commissioner") | |"
echo "| by certainty | $(sqlite3 "$reg" "SELECT group_concat(certainty || '=' || n, ' ') FROM (SELECT certainty, count(*) n FROM practice_commissioner GROUP BY certainty)") | |"
echo "| practices | $(sqlite3 "$reg" "SELECT count(*) FROM practice") | |"

# ---- 3. shuffled order: the same derived tables? -------------------------------------------
python3 - "$data/releases.tsv" "$seed" >"$work/shuffled.tsv" <<'EOF'
import random, sys
lines = open(sys.argv[1]).read().splitlines()
random.Random(int(sys.argv[2])).shuffle(lines)
print("\n".join(lines))
EOF
shuf=$work/shuffled.db
t0=$(now)
load "$shuf" "$work/shuffled.tsv" "$work/shuffled.times"
t1=$(now)

# dump REGISTRY: the derived tables as text, row ids left out and releases
# named by kind, date and digest (their ids follow the load order).
dump() {
	cols=$(sqlite3 "$1" "SELECT group_concat('p.' || name, ', ') FROM pragma_table_info('practice') WHERE name <> 'id'")
	for t in commissioner network; do
		sqlite3 -separator '|' "$1" "SELECT 'practice_$t', m.practice, m.$t, m.from_date, m.to_date,
			m.certainty, m.window_to, m.derived, r.kind, r.release_date, r.digest
			FROM practice_$t m LEFT JOIN release r ON r.id = m.release_id
			ORDER BY m.practice, m.from_date"
	done
	sqlite3 -separator '|' "$1" "SELECT 'practice', $cols FROM practice p ORDER BY p.code"
}
dump "$reg" >"$work/dated.dump"
dump "$shuf" >"$work/shuffled.dump"
echo
echo "## shuffled order (seed $seed; loaded in $(secs "$t0" "$t1") s, first release loaded: $(head -n 1 "$work/shuffled.tsv" | cut -f2))"
echo
echo "derived rows compared: $(wc -l <"$work/dated.dump")"
if cmp -s "$work/dated.dump" "$work/shuffled.dump"; then
	echo "same"
else
	differ=1
	echo "DIFFERENT; the first difference (< date order, > shuffled):"
	diff "$work/dated.dump" "$work/shuffled.dump" | head -n 8 || true
	echo "lines differing: $(diff "$work/dated.dump" "$work/shuffled.dump" | grep -c '^[<>]' || true)"
fi
reg_rm "$shuf"

# ---- 4. sqlite3 .import of the same files ---------------------------------------------------
bare=$work/bare.db
columns=$(awk 'BEGIN { for (i = 1; i <= 27; i++) printf("%sc%d", (i > 1 ? "," : ""), i) }')
{
	echo "CREATE TABLE t($columns);"
	while IFS="$(printf '\t')" read -r file date; do
		echo ".import --csv \"$data/$file\" t"
	done <"$data/releases.tsv"
} >"$work/import.sql"
rows=$(cat "$data"/epraccur-*.csv | wc -l | tr -d ' ')
a=$(now)
sqlite3 "$bare" <"$work/import.sql"
b=$(now)
got=$(sqlite3 "$bare" "SELECT count(*) FROM t")
[ "$got" -eq "$rows" ] || { echo "history: .import loaded $got rows of $rows" >&2; exit 1; }
lib_total=$(awk '{ s += $4 } END { printf("%.3f", s) }' "$times")
echo
echo "## sqlite3 .import of the same $n_releases files into one bare table"
echo
echo "| loader | seconds | rows | bytes |"
echo "|---|---|---|---|"
echo "| sqlite3 .import, one process | $(secs "$a" "$b") | $got | $(size "$bare") |"
echo "| pcreg import, a process each, date order | $lib_total | $got | $sn |"
reg_rm "$bare"

# ---- 5. as-of look-ups -----------------------------------------------------------------------
python3 - "$reg" "$work/plain.db" "$seed" <<'EOF'
import random, sqlite3, statistics, sys, time

registry, plain_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
N = 100000
# lib/answer.c, ANSWER_SQL("practice_commissioner", "commissioner")
ANSWER = ("SELECT m.commissioner, m.from_date, m.to_date, m.certainty, m.window_to, r.kind,"
          " r.release_date FROM practice_commissioner m LEFT JOIN release r ON r.id = m.release_id"
          " WHERE m.practice = ?1 AND m.from_date <= ?2 ORDER BY m.from_date DESC LIMIT 1")
RAW = ("SELECT commissioner, from_date, to_date FROM pc"
       " WHERE practice = ?1 AND from_date <= ?2 ORDER BY from_date DESC LIMIT 1")

plain = sqlite3.connect(plain_path)
# WAL, as a registry is: a rollback-journal file would check for a hot
# journal at every read and charge that to the raw side.
plain.execute("PRAGMA journal_mode = WAL")
plain.execute("CREATE TABLE pc (practice TEXT NOT NULL, commissioner TEXT NOT NULL,"
              " from_date TEXT NOT NULL, to_date TEXT, PRIMARY KEY (practice, from_date))"
              " STRICT, WITHOUT ROWID")
src = sqlite3.connect("file:%s?mode=ro" % registry, uri=True)
plain.executemany("INSERT INTO pc VALUES (?, ?, ?, ?)",
                  src.execute("SELECT practice, commissioner, from_date, to_date"
                              " FROM practice_commissioner"))
plain.commit()
plain.close()

r = random.Random(seed)
codes = [c for (c,) in src.execute("SELECT code FROM practice")]
asks = [(r.choice(codes), "%04d-%02d-%02d" % (r.randint(2013, 2025), r.randint(1, 12),
                                              r.randint(1, 28))) for _ in range(N)]
plain = sqlite3.connect("file:%s?mode=ro" % plain_path, uri=True)
for con in (src, plain):
    # As the library opens a registry: a 256 MiB memory map.
    con.execute("PRAGMA mmap_size = 268435456")


def rounds(con, sql):
    cur = con.cursor()
    found = 0
    t0 = time.perf_counter()
    for a in asks:
        if cur.execute(sql, a).fetchone() is not None:
            found += 1
    return (time.perf_counter() - t0) / N * 1e6, found


api, raw = [], []
for _ in range(3):
    us, found_api = rounds(src, ANSWER)
    api.append(us)
    us, found_raw = rounds(plain, RAW)
    raw.append(us)
# Both sides must give the same periods, not just as many.
for ask in asks[:2000]:
    got = src.execute(ANSWER, ask).fetchone()
    want = plain.execute(RAW, ask).fetchone()
    if (got and got[:3]) != want:
        sys.exit("history: %s as of %s: the registry says %r, the plain table %r"
                 % (ask[0], ask[1], got, want))
if found_api != found_raw:
    sys.exit("history: the look-ups found %d and %d periods" % (found_api, found_raw))
a, b = statistics.median(api), statistics.median(raw)
print()
print("## as-of look-ups: %d a round, median of 3 interleaved rounds, Python sqlite3" % N)
print()
print("| look-up | us each | found |")
print("|---|---|---|")
print("| ANSWER_SQL on the registry (practice_commissioner + release) | %.2f | %d |" % (a, found_api))
print("| plain table, same primary key | %.2f | %d |" % (b, found_raw))
print("| ratio | %.2f | |" % (a / b))
EOF
# A shuffled load that derived something else is a failure of the library,
# whatever the times say.
[ "${differ:-0}" = 0 ] || { echo "history: the load order changed the derived tables" >&2; exit 1; }
