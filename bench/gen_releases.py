#!/usr/bin/env python3
"""gen_releases.py: a synthetic history of monthly epraccur releases.

usage: gen_releases.py OUTDIR N_PRACTICES N_RELEASES SEED

Writes into OUTDIR:

  eccg.csv           the 160 benchmark CCGs of gen_epraccur.py (role RO98),
                     all opened 2013-04-01, so that every commissioner has a
                     lifetime for the history rules to clip periods to
  epraccur-NNN.csv   release NNN (001 ...), dated the last day of month NNN
                     counting from 2015-01 (001 is 2015-01-31), in the ODS
                     layout: 27 columns, no header, CCYYMMDD dates
  releases.tsv       one line per release: file name, release date
                     (YYYY-MM-DD), in date order

Release 1 lists N_PRACTICES GP practices (prescribing setting 4), all
active, each in one CCG since a join date on or before 2015-01-01. Between
two consecutive releases about 1% of the practices listed change, in four
ways, as the national file shows them:

  move     0.4%: the practice joins another CCG, join date the first of the
           new release's month (left date empty, as ODS gives it)
  close    0.2%: status C, a close date in the month, the left date the same
  open     0.2%: a new practice code, opened and joined in the month
  rename   0.2%: a new practice name

A closed practice stays in later releases, as in the real file; so release
120 of 10,000 practices has about 12,400 rows. Everything else in a row is
the same from release to release, so a release says what the one before
said except for its churn: the history's evidence should grow with that
churn, not with the number of releases.

The rows come from gen_epraccur.Generator (names, addresses, postcodes,
regions), with the same seed giving the same files.
"""
import calendar
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_epraccur as ge  # noqa: E402

N_CCGS = 160                       # the CCGs of gen_epraccur's commissioner list
MOVE, CLOSE, OPEN, RENAME = 0.004, 0.002, 0.002, 0.002

# Column positions of the ODS layout (0-based).
C_CODE, C_NAME, C_OPEN, C_CLOSE, C_STATUS, C_COMM, C_JOIN, C_LEFT = 0, 1, 10, 11, 12, 14, 15, 16
C_REGION, C_ICB, C_PURCHASER = 2, 3, 23


def release_month(k):
    """(year, month) of release k, 1-based, from 2015-01."""
    return 2015 + (k - 1) // 12, (k - 1) % 12 + 1


def release_date(k):
    y, m = release_month(k)
    return "%04d-%02d-%02d" % (y, m, calendar.monthrange(y, m)[1])


def ccyymmdd(y, m, d):
    return "%04d%02d%02d" % (y, m, d)


class History:
    def __init__(self, n, seed):
        self.g = ge.Generator(seed)
        self.r = self.g.r
        self.used = set()
        self.rows = {}                 # code -> row (list of 27)
        for _ in range(n):
            row = self.new_row(None)
            self.rows[row[C_CODE]] = row

    def code(self):
        while True:
            c = "%c%05d" % (chr(65 + self.r.randrange(26)), self.r.randrange(100000))
            if c not in self.used:
                self.used.add(c)
                return c

    def ccg(self, other_than=None):
        while True:
            i = ge.bisect.bisect(self.g.ccg_cum, self.r.random() * self.g.ccg_cum[-1])
            c = ge.COMMISSIONERS[i]
            if c != other_than:
                return c

    def set_ccg(self, row, ccg):
        region, icb = self.g.geo[ccg]
        row[C_COMM] = row[C_PURCHASER] = ccg
        row[C_REGION], row[C_ICB] = region, icb

    def new_row(self, opened):
        """A practice; opened is a CCYYMMDD date in the release month, or
        None for release 1's practices (opened and joined before 2015)."""
        r = self.r
        row = self.g.row(self.code(), 4, False)
        self.set_ccg(row, self.ccg())
        row[C_STATUS] = "A"
        row[C_CLOSE] = row[C_LEFT] = ""
        row[21] = "0"                  # amended flag: constant, so unchanged rows stay so
        if opened:
            row[C_OPEN] = row[C_JOIN] = opened
        else:
            if row[C_OPEN] > "20141231":
                row[C_OPEN] = self.g.day(1975, 2014)
            x = r.random()
            joined = "20130401" if x < 0.8 else "20091001" if x < 0.9 else self.g.day(1990, 2014)
            row[C_JOIN] = max(joined, row[C_OPEN])
        return row

    def churn(self, k):
        """Change the practices for release k (k >= 2)."""
        r = self.r
        y, m = release_month(k)
        first = ccyymmdd(y, m, 1)
        active = sorted(c for c, row in self.rows.items() if row[C_STATUS] == "A")
        n = len(active)
        picked = r.sample(active, min(n, round(n * (MOVE + CLOSE + RENAME))))
        n_move = round(n * MOVE)
        n_close = round(n * CLOSE)
        for i, code in enumerate(picked):
            row = self.rows[code]
            if i < n_move:
                self.set_ccg(row, self.ccg(other_than=row[C_COMM]))
                row[C_JOIN] = first
            elif i < n_move + n_close:
                day = ccyymmdd(y, m, r.randint(1, 28))
                row[C_STATUS] = "C"
                row[C_CLOSE] = row[C_LEFT] = day
            else:
                town = r.choice(ge.TOWNS)
                street = r.choice(ge.STREETS)
                name = row[C_NAME]
                while name == row[C_NAME]:
                    name = self.g.practice_name(town, street)
                row[C_NAME] = name
        for _ in range(round(n * OPEN)):
            row = self.new_row(ccyymmdd(y, m, r.randint(1, 28)))
            self.rows[row[C_CODE]] = row

    def write(self, path):
        with open(path, "w", newline="", encoding="ascii") as f:
            w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
            for code in sorted(self.rows):
                w.writerow(self.rows[code])


def write_eccg(path):
    with open(path, "w", newline="", encoding="ascii") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for i in range(N_CCGS):
            row = [""] * 27
            row[0] = ge.COMMISSIONERS[i]
            row[1] = ge.commissioner_name(i)
            row[4] = "1 BENCH STREET"
            row[6] = "BENCHTON"
            row[9] = "BX1 1AA"
            row[10] = "20130401"
            row[13] = "RO98"
            row[21] = "1"
            w.writerow(row)


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: gen_releases.py OUTDIR N_PRACTICES N_RELEASES SEED")
    out, n, releases, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if n < 1 or releases < 1:
        sys.exit("gen_releases: N_PRACTICES and N_RELEASES must be at least 1")
    os.makedirs(out, exist_ok=True)
    write_eccg(os.path.join(out, "eccg.csv"))
    h = History(n, seed)
    with open(os.path.join(out, "releases.tsv"), "w", encoding="ascii") as manifest:
        for k in range(1, releases + 1):
            if k > 1:
                h.churn(k)
            name = "epraccur-%03d.csv" % k
            h.write(os.path.join(out, name))
            manifest.write("%s\t%s\n" % (name, release_date(k)))


if __name__ == "__main__":
    main()
