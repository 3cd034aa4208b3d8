"""What the history tests share: the real files and their release dates, loading
them with the CLI, reading the national files, and reading the registry's answers.

The expected values of every test are computed from the files and the written
rules here and in each test, never read back from the registry; the registry is
only read for the actual answers (practice_commissioner, practice_network).
"""

from __future__ import annotations

import csv
import datetime
import os
import sqlite3
import subprocess
import sys
from bisect import bisect_right
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data")

# The whole real set, in date order: (path under the data folder, kind, release
# date). The date is the day the file's contents describe (the brief's table,
# see ../shared/data/README.md). Two files of one date keep this order (the
# PCN details before their partners), which is the "date order" the other
# orders are compared with.
FILES: List[Tuple[str, str, str]] = [
    ("contracts/nhspaymentsgp-17-18-csv.csv", "payments", "2018-03-31"),
    ("listsize/gp-reg-pat-prac-all.csv", "list-size", "2021-01-01"),
    ("epraccur/releases/epraccur-2021-11.csv", "epraccur", "2021-11-04"),
    ("pcn/gp-reg-pat-prac-map.csv", "practice-map", "2022-01-01"),
    ("contracts/nhspaymentsgp-21-22-prac-csv-v2.csv", "payments", "2022-03-31"),
    ("pcn/ePCN_PCNDetails.csv", "pcn-details", "2022-05-01"),
    ("pcn/ePCN_PCN_Core_Partner_Details.csv", "pcn-partners", "2022-05-01"),
    ("epraccur/releases/epraccur-2023-02.csv", "epraccur", "2023-02-28"),
    ("contracts/nhspaymentsgp-22-23-prac-csv.csv", "payments", "2023-03-31"),
    ("ccg/eccg.csv", "eccg", "2024-07-24"),
    ("epraccur/epraccur.csv", "epraccur", "2025-04-23"),
    ("ccg/succ.csv", "succ", "2026-04-01"),
]

EPRACCUR_RELEASES = [(p, d) for p, k, d in FILES if k == "epraccur"]

# Column positions (0-based) of the 27-column ODS layout (epraccur, eccg).
ODS_CODE, ODS_NAME, ODS_OPEN, ODS_CLOSE, ODS_STATUS = 0, 1, 10, 11, 12
ODS_COMMISSIONER, ODS_JOIN, ODS_LEFT, ODS_SETTING = 14, 15, 16, 25
GP_PRACTICE_SETTING = "4"

NEVER = "0000-00-00"  # before every date
FOREVER = "9999-12-31"  # after every date


def fail(message: str) -> None:
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def data_dir(arg: Optional[str]) -> str:
    """The data folder, checked: every file of FILES must be there (a lost
    fixture fails the test, it is not skipped)."""
    folder = arg or DEFAULT_DATA
    if not os.path.isdir(folder):
        fail("no data folder %s" % folder)
    missing = [p for p, _, _ in FILES if not os.path.isfile(os.path.join(folder, p))]
    if missing:
        fail("files missing from %s: %s" % (folder, ", ".join(missing)))
    return folder


# ---- dates --------------------------------------------------------------------------

def iso(ccyymmdd: str) -> Optional[str]:
    """'20210401' -> '2021-04-01'; '' -> None. A malformed date is a broken fixture."""
    if not ccyymmdd:
        return None
    return datetime.date(int(ccyymmdd[:4]), int(ccyymmdd[4:6]), int(ccyymmdd[6:8])).isoformat()


def day_after(d: str) -> str:
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=1)).isoformat()


def day_before(d: str) -> str:
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


# ---- the CLI ------------------------------------------------------------------------

def run(pcreg: str, db: str, *args: str, ok_codes: Sequence[int] = (0,)) -> subprocess.CompletedProcess:
    """Run the CLI on a registry; any exit status outside ok_codes fails the test."""
    cmd = [pcreg, "--db", db] + list(args)
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode not in ok_codes:
        tail = "\n".join(res.stderr.splitlines()[-15:])
        fail("%s exited %d:\n%s" % (" ".join(cmd), res.returncode, tail))
    return res


def load(pcreg: str, db: str, folder: str, files: Iterable[Tuple[str, str, str]],
         log=None) -> None:
    """A new registry at db, then each file imported lenient with its release date."""
    if os.path.exists(db):
        os.unlink(db)
    run(pcreg, db, "init")
    for path, kind, released in files:
        res = run(pcreg, db, "import", "--lenient", "--quiet", "--released", released, kind,
                  os.path.join(folder, path))
        if log:
            log.write("== %s %s %s\n%s%s" % (released, kind, path, res.stdout, res.stderr))


# ---- the national files -------------------------------------------------------------

def read_rows(path: str) -> List[List[str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def read_by_header(path: str) -> Tuple[List[str], List[List[str]]]:
    """A CSV with a header row, the header's names with their line breaks and
    runs of spaces made single spaces (the ePCN sheets' headers span lines)."""
    rows = read_rows(path)
    header = [" ".join(h.split()).lower() for h in rows[0]]
    return header, rows[1:]


def column(header: List[str], *phrases: str) -> int:
    """The one column whose header holds every phrase (case-insensitive)."""
    found = [i for i, h in enumerate(header) if all(p.lower() in h for p in phrases)]
    if len(found) != 1:
        fail("header %r: %d columns match %r" % (header, len(found), phrases))
    return found[0]


class Lifetimes:
    """Commissioners' lives from eccg.csv (open, close), and successions from
    succ.csv: the rules' only sources for when a commissioner existed."""

    def __init__(self, folder: str):
        self.open: Dict[str, Optional[str]] = {}
        self.close: Dict[str, Optional[str]] = {}
        for r in read_rows(os.path.join(folder, "ccg/eccg.csv")):
            self.open[r[ODS_CODE]] = iso(r[ODS_OPEN])
            self.close[r[ODS_CODE]] = iso(r[ODS_CLOSE])
        # predecessor -> [(effective date, successor)], earliest first
        self.successors: Dict[str, List[Tuple[str, str]]] = {}
        for r in read_rows(os.path.join(folder, "ccg/succ.csv")):
            self.successors.setdefault(r[0], []).append((iso(r[3]), r[1]))
        for v in self.successors.values():
            v.sort()

    def first(self, code: str) -> str:
        return self.open.get(code) or NEVER

    def last(self, code: str) -> str:
        """The last day a commissioner existed: its close date, else the day
        before its first succession, else open-ended."""
        ends = []
        if self.close.get(code):
            ends.append(self.close[code])
        if self.successors.get(code):
            ends.append(day_before(self.successors[code][0][0]))
        return min(ends) if ends else FOREVER

    def successor_on(self, code: str, date: str) -> Optional[str]:
        """The code that carries code on at date, following successions; None
        when a step is ambiguous (several successors on one date) or none."""
        seen = set()
        while code not in seen:
            seen.add(code)
            steps = [s for s in self.successors.get(code, []) if s[0] <= date]
            if not steps:
                return code
            first_date = steps[0][0]
            firsts = {s for d, s in steps if d == first_date}
            if len(firsts) != 1:
                return None
            code = firsts.pop()
        return None


# ---- the registry's answers ---------------------------------------------------------

class Answers:
    """The registry's dated memberships of one kind, read once: for each practice
    its periods (from, to or open, value, certainty), to answer "on date D"."""

    def __init__(self, db: str, table: str, value_column: str):
        conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        cols = [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]
        if "certainty" not in cols:
            fail("%s has no certainty column: the registry's schema is older than the history "
                 "work (columns: %s)" % (table, ", ".join(cols)))
        self.rows: Dict[str, List[Tuple[str, Optional[str], str, str]]] = {}
        # table and column names are the test's own constants, not data
        sql = "SELECT practice, from_date, to_date, %s, certainty FROM %s ORDER BY practice, from_date" % (
            value_column, table)
        for practice, f, t, value, certainty in conn.execute(sql):
            self.rows.setdefault(practice, []).append((f, t, value, certainty))
        self.starts = {p: [r[0] for r in rows] for p, rows in self.rows.items()}
        self.practices = {r[0] for r in conn.execute("SELECT code FROM practice")}
        conn.close()

    def on(self, practice: str, date: str) -> Optional[Tuple[str, str]]:
        """(value, certainty) on date, or None: not known."""
        rows = self.rows.get(practice)
        if not rows:
            return None
        i = bisect_right(self.starts[practice], date) - 1
        if i < 0:
            return None
        f, t, value, certainty = rows[i]
        if t is not None and t < date:
            return None
        return value, certainty


def percent(n: int, d: int) -> str:
    return "%.2f%%" % (100.0 * n / d) if d else "n/a"
