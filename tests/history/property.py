#!/usr/bin/env python3
"""Order independence and faithfulness on generated releases.

usage: property.py PCREG [SEED...]

For each seed (default 1 2 3; each printed), generates a small made-up world:
an eccg.csv of six commissioners (one, 96X, closes on 2022-03-31 and is
succeeded by 97A, in succ.csv) and six epraccur releases (27-column ODS
layout, no header, every field quoted, CCYYMMDD dates, as tests/data/good)
between which practices move commissioner, close, go dormant, open and are
renamed. On 2022-04-01 every open practice of 96X is moved to 97A with that
join date, as ODS does when a commissioner is succeeded.

The files are loaded (lenient, each with its release date) in date order, in
reverse and in four shuffles, and then:
  - every registry's dump (ordertool.py: every entity's export, the journal,
    every table including the derived practice_commissioner) must equal the
    date order's;
  - in every registry, for each release and each practice it lists, the
    commissioner on the release's date must be what that release says: its
    commissioner, 'stated', when its join/left period covers the date, and
    nothing after its left date; the same on the first and last day of each
    period it states.
"""

from __future__ import annotations

import datetime
import os
import random
import subprocess
import sys
import tempfile
from typing import Dict, List, Optional, Tuple

import histlib as H
import ordertool

HERE = os.path.dirname(os.path.abspath(__file__))
RELEASE_DATES = ["2020-01-15", "2020-09-30", "2021-06-01", "2022-02-14", "2022-11-30",
                 "2023-08-31"]
ODS_DATE = "2023-09-30"  # the eccg and succ files' release
COMMISSIONERS = ["97A", "97B", "97C", "97D", "97E"]
CLOSING, SUCCESSOR, SUCCEEDED_ON = "96X", "97A", "2022-04-01"
SHUFFLES = 4
SAMPLE = 10


def ccyymmdd(d: Optional[str]) -> str:
    return d.replace("-", "") if d else ""


def quoted(fields: List[str]) -> str:
    return ",".join('"%s"' % f for f in fields) + "\n"


def ods_row(code: str, name: str, open_date: Optional[str], close_date: Optional[str],
            status: str, commissioner: str, join: Optional[str], left: Optional[str],
            setting: str) -> List[str]:
    """One 27-column epraccur row (the layout of tests/data/good/epraccur.csv)."""
    return [code, name, "Y56", "QF1", "1 MADE UP ROAD", "", "FICTIONTON", "", "",
            "FX1 1AA", ccyymmdd(open_date), ccyymmdd(close_date), status, "B", commissioner,
            ccyymmdd(join), ccyymmdd(left), "01000 000000", "", "", "", "0", "",
            commissioner, "", setting, ""]


def random_day(rng: random.Random, after: str, upto: str) -> str:
    """A day in (after, upto]."""
    a, b = datetime.date.fromisoformat(after), datetime.date.fromisoformat(upto)
    return (a + datetime.timedelta(days=rng.randint(1, (b - a).days))).isoformat()


class Practice:
    def __init__(self, code: str, name: str, open_date: str, commissioner: str, join: str):
        self.code, self.name, self.open_date = code, name, open_date
        self.commissioner, self.join = commissioner, join
        self.status, self.close_date, self.left = "A", None, None


def generate(seed: int, folder: str) -> List[Tuple[str, str, str]]:
    """Writes the world's files into folder; returns (path, kind, released) in date order."""
    rng = random.Random(seed)
    with open(os.path.join(folder, "eccg.csv"), "w", newline="") as f:
        for code in COMMISSIONERS:
            f.write(quoted([code, "NHS MADE UP %s CCG" % code, "Y56", "QF1", "1 FICTION STREET", "",
                            "FICTIONTON", "", "", "FX9 9ZZ", "20130401", "", "", "RO98"]
                           + [""] * 7 + ["1"] + [""] * 5).replace("\n", "\r\n"))
        f.write(quoted([CLOSING, "NHS MADE UP CLOSING CCG", "Y56", "QF1", "1 FICTION STREET", "",
                        "FICTIONTON", "", "", "FX9 9ZZ", "20130401", "20220331", "", "RO98"]
                       + [""] * 7 + ["1"] + [""] * 5).replace("\n", "\r\n"))
    with open(os.path.join(folder, "succ.csv"), "w", newline="") as f:
        f.write(quoted([CLOSING, SUCCESSOR, "", ccyymmdd(SUCCEEDED_ON), "0"]).replace("\n", "\r\n"))
    files = [("eccg.csv", "eccg", ODS_DATE), ("succ.csv", "succ", ODS_DATE)]

    practices: List[Practice] = []
    serial = [0]

    def new_practice(open_date: str, upto: str) -> Practice:
        serial[0] += 1
        code = "F9%04d" % serial[0]
        choices = COMMISSIONERS + ([CLOSING] if upto < SUCCEEDED_ON else [])
        return Practice(code, "MADE UP SURGERY %d" % serial[0], open_date, rng.choice(choices),
                        max(open_date, "2013-04-01"))

    for _ in range(30):
        p = new_practice(random_day(rng, "1974-01-01", "2012-12-31"), RELEASE_DATES[0])
        p.join = "2013-04-01"
        practices.append(p)
    previous = None
    for released in RELEASE_DATES:
        if previous:
            for p in practices:
                if p.status == "C":
                    continue
                # the succession, on its day, for every open practice of the closing CCG
                if p.commissioner == CLOSING and previous < SUCCEEDED_ON <= released:
                    p.commissioner, p.join = SUCCESSOR, SUCCEEDED_ON
                roll = rng.random()
                if roll < 0.12:
                    day = random_day(rng, max(previous, p.join), released)
                    others = [c for c in COMMISSIONERS if c != p.commissioner]
                    if day > p.join:
                        p.commissioner, p.join = rng.choice(others), day
                elif roll < 0.20:
                    day = random_day(rng, max(previous, p.join), released)
                    p.status, p.close_date, p.left = "C", day, day
                elif roll < 0.25 and p.status == "A":
                    p.status = "D"
                elif roll < 0.30 and p.status == "D":
                    p.status = "A"
                elif roll < 0.40:
                    p.name = "%s %s" % (p.name.split(" (")[0], "(RENAMED %s)" % released)
            for _ in range(rng.randint(1, 4)):
                practices.append(new_practice(random_day(rng, previous, released), released))
        path = "epraccur-%s.csv" % released
        with open(os.path.join(folder, path), "w", newline="") as f:
            for p in practices:
                f.write(quoted(ods_row(p.code, p.name, p.open_date, p.close_date, p.status,
                                       p.commissioner, p.join, p.left, "4")))
            # a prescribing cost centre that is not a GP practice, skipped by the library
            f.write(quoted(ods_row("F80001", "MADE UP EXTENDED ACCESS HUB", "2019-04-01", None,
                                   "A", COMMISSIONERS[0], "2019-04-01", None, "26")))
        files.append((path, "epraccur", released))
        previous = released
    files.sort(key=lambda f: f[2])  # date order (the ODS files, dated last, come last)
    return files


def load(pcreg: str, db: str, folder: str, files) -> None:
    H.load(pcreg, db, folder, files)


def release_checks(folder: str, files, ans: H.Answers) -> Tuple[int, List[str]]:
    """Each release on its own date and its periods' first and last days."""
    checks, wrong = 0, []
    for path, kind, released in files:
        if kind != "epraccur":
            continue
        for r in H.read_rows(os.path.join(folder, path)):
            if r[H.ODS_SETTING] != H.GP_PRACTICE_SETTING:
                continue
            p, c, join, left = r[H.ODS_CODE], r[H.ODS_COMMISSIONER], H.iso(r[H.ODS_JOIN]), H.iso(r[H.ODS_LEFT])
            points = [(released, c if join <= released and (not left or released <= left) else None),
                      (join, c)]
            if left:
                points += [(left, c), (H.day_after(left), None)]
            for t, expected in points:
                checks += 1
                actual = ans.on(p, t)
                ok = (actual is None) if expected is None else (actual == (expected, "stated"))
                if not ok:
                    wrong.append("%s says %s on %s: %s; registry %s" % (
                        path, p, t, "%s (stated)" % expected if expected else "no commissioner",
                        "%s (%s)" % actual if actual else "not known"))
    return checks, wrong


def run_seed(pcreg: str, seed: int, tmp: str) -> bool:
    folder = os.path.join(tmp, "seed-%d" % seed)
    os.makedirs(folder)
    files = generate(seed, folder)
    orders = [("date", list(files)), ("reverse", files[::-1])]
    for k in range(SHUFFLES):
        shuffled = list(files)
        random.Random(seed * 100 + k).shuffle(shuffled)
        orders.append(("shuffle %d" % (seed * 100 + k), shuffled))
    ok = True
    for name, order in orders:
        slug = name.replace(" ", "-")
        db = os.path.join(folder, slug + ".db")
        load(pcreg, db, folder, order)
        ordertool.dump(pcreg, db, os.path.join(folder, "dump-" + slug))
        checks, wrong = release_checks(folder, files, H.Answers(db, "practice_commissioner",
                                                                "commissioner"))
        verdict = "ok" if not wrong else "%d WRONG" % len(wrong)
        print("  seed %d, %s (%s): %d release checks, %s" % (
            seed, name, " ".join(os.path.splitext(p)[0].replace("epraccur-", "") for p, _, _ in order),
            checks, verdict))
        for line in wrong[:SAMPLE]:
            print("    " + line)
        ok &= not wrong
        if name != "date":
            ok &= ordertool.compare(os.path.join(folder, "dump-date"),
                                    os.path.join(folder, "dump-" + slug), name) == 0
    return ok


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pcreg = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or [1, 2, 3]
    with tempfile.TemporaryDirectory(prefix="hist-property-") as tmp:
        results = [run_seed(pcreg, seed, tmp) for seed in seeds]
        if not all(results) and os.environ.get("HIST_KEEP"):
            keep = os.environ["HIST_KEEP"]
            subprocess.run(["cp", "-r", tmp, keep], check=True)
            print("files and registries kept in %s" % keep)
    print("history_property: %s (seeds %s)" % ("ok" if all(results) else "FAILED",
                                               " ".join(map(str, seeds))))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
