#!/usr/bin/env python3
"""reports_scale.py: the seed reports on a registry of a million practices
with ten years of history (issue 12, "Reports at scale").

usage: reports_scale.py PCREG DIR [--practices N] [--rounds R] [--seed S]

PCREG is the pcreg tool; DIR a scratch directory (the registry is made in
it, about 1.5 GB at a million practices, and kept for another run with the
same size and seed). The registry is made by `pcreg init`, then filled
straight through SQLite with rows the library's own constraints accept (an
import of ten years of national files at this size would take hours, and it
is the reports being measured here, not the loaders):

  200 CCGs in 10 regions, open from 2013-04-01, each with a co-commissioning
      arrangement from 2015-04-01;
  N practices, N/200 a CCG; 10% move to another CCG on a day between 2016
      and 2024 (two periods), 10% closed (a close date in 2016-2024);
  N/10 networks from 2019-07-01, ten practices each, in their CCG (a PCN
      code has five digits: 100,000 at most);
  a list size for every practice each year, 2015-01-01 to 2024-01-01
      (10 N rows);
  a core contract each (GMS 60%, PMS 30% with a premium, APMS 10%; 10%
      change type on 2020-04-01: two contracts), and a local scheme contract
      ("Integrated Case Management") for 5%;
  one or two CQC inspections each, published between 2015 and 2024.

Then each seed report, through `pcreg report KIND --format csv` in a process
of its own (as a user runs it, so the times include starting the process
and opening the registry), for three CCGs and for the whole nation, as of
2023-06-01: the median of R rounds, with the rows it printed.
"""
import argparse
import datetime
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time

AS_OF = "2023-06-01"
SERVICE = "Integrated Case Management"
RATINGS = ["outstanding", "good", "good", "good", "requires_improvement", "inadequate"]


def day(rng, first_year, last_year):
    return "%04d-%02d-%02d" % (rng.randint(first_year, last_year), rng.randint(1, 12),
                               rng.randint(1, 28))


def ccg_code(i):
    return "%02d%s" % (i // 26, chr(ord("A") + i % 26))


def practice_code(i):
    return "%s%05d" % (chr(ord("A") + i // 100000), i % 100000)


def fill(path, n, seed):
    rng = random.Random(seed)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")  # every row below is valid; checked after
    db.execute("BEGIN")
    regions = ["Y%02d" % (50 + r) for r in range(10)]
    db.executemany("INSERT INTO commissioner (code, kind, name, open_date) VALUES (?, 'region', ?,"
                   " '2013-04-01')", [(r, "Region " + r) for r in regions])
    ccgs = [ccg_code(i) for i in range(200)]
    db.executemany("INSERT INTO commissioner (code, kind, name, region, open_date)"
                   " VALUES (?, 'ccg', ?, ?, '2013-04-01')",
                   [(c, "NHS CCG " + c, regions[i % 10]) for i, c in enumerate(ccgs)])
    db.executemany("INSERT INTO commissioning_arrangement (commissioner, level, from_date)"
                   " VALUES (?, ?, '2015-04-01')",
                   [(c, rng.choice(["greater_involvement", "joint", "delegated"]))
                    for c in ccgs])
    per_ccg = max(1, n // 200)

    def ccg_of(i):
        return ccgs[min(i // per_ccg, 199)]

    networks = (n + 9) // 10
    db.executemany("INSERT INTO network (code, kind, name, commissioner, open_date)"
                   " VALUES (?, 'pcn', ?, ?, '2019-07-01')",
                   (("U%05d" % k, "PCN %d" % k, ccg_of(k * 10)) for k in range(networks)))

    closed = {}
    moved = {}
    for i in range(n):
        if rng.random() < 0.1:
            closed[i] = day(rng, 2016, 2024)
        if rng.random() < 0.1:
            moved[i] = (day(rng, 2016, 2024), ccgs[rng.randrange(200)])

    def practices():
        for i in range(n):
            yield (practice_code(i), "Practice %d" % i, "%d High Street" % i,
                   "AB%d %dCD" % (i % 99, i % 9), "closed" if i in closed else "active",
                   closed.get(i))
    db.executemany("INSERT INTO practice (code, name, address1, postcode, status,"
                   " prescribing_setting, open_date, close_date)"
                   " VALUES (?, ?, ?, ?, ?, 4, '1974-04-01', ?)", practices())

    def memberships():
        for i in range(n):
            end = closed.get(i)
            if i in moved and (end is None or moved[i][0] < end):
                when, to = moved[i]
                before = (datetime.date.fromisoformat(when)
                          - datetime.timedelta(days=1)).isoformat()
                yield (practice_code(i), ccg_of(i), "2015-04-01", before)
                yield (practice_code(i), to, when, end)
            else:
                yield (practice_code(i), ccg_of(i), "2015-04-01", end)
    db.executemany("INSERT INTO practice_commissioner (practice, commissioner, from_date,"
                   " to_date, certainty, derived) VALUES (?, ?, ?, ?, 'stated', 1)",
                   memberships())

    def network_members():
        for i in range(n):
            end = closed.get(i)
            if end is None or end > "2019-07-01":
                yield (practice_code(i), "U%05d" % (i // 10), end)
    db.executemany("INSERT INTO practice_network (practice, network, from_date, to_date,"
                   " certainty, derived) VALUES (?, ?, '2019-07-01', ?, 'stated', 1)",
                   network_members())

    def list_sizes():
        for i in range(n):
            base = rng.randint(1500, 20000)
            for year in range(2015, 2025):
                registered = base + (year - 2015) * rng.randint(-100, 300)
                yield (practice_code(i), "%d-01-01" % year, max(0, registered),
                       round(max(0, registered) * 1.05, 1))
    db.executemany("INSERT INTO list_size (practice, extract_date, registered, weighted)"
                   " VALUES (?, ?, ?, ?)", list_sizes())

    def contracts():
        for i in range(n):
            kind = rng.choices(["GMS", "PMS", "APMS"], [6, 3, 1])[0]
            premium = rng.randint(-500, 3000) if kind == "PMS" else None
            end = closed.get(i)
            if rng.random() < 0.1 and (end is None or end > "2020-04-01"):
                yield (practice_code(i), ccg_of(i), kind, None, "2015-04-01", "2020-03-31",
                       premium)
                kind = "GMS" if kind != "GMS" else "PMS"
                premium = rng.randint(-500, 3000) if kind == "PMS" else None
                yield (practice_code(i), ccg_of(i), kind, None, "2020-04-01", end, premium)
            else:
                yield (practice_code(i), ccg_of(i), kind, None, "2015-04-01", end, premium)
            if rng.random() < 0.05:
                yield (practice_code(i), ccg_of(i), "LES", SERVICE, "2018-04-01", None, None)
    db.executemany("INSERT INTO contract (practice, commissioner, type, service, start_date,"
                   " end_date, pms_premium) VALUES (?, ?, ?, ?, ?, ?, ?)", contracts())

    def inspections():
        for i in range(n):
            for _ in range(rng.randint(1, 2)):
                published = day(rng, 2015, 2024)
                yield (practice_code(i), published, published, rng.choice(RATINGS))
    db.executemany("INSERT INTO inspection (practice, inspection_date, publication_date,"
                   " overall) VALUES (?, ?, ?, ?)", inspections())
    bad = db.execute("PRAGMA foreign_key_check").fetchone()
    if bad:
        sys.exit("reports_scale: a generated row breaks a foreign key: %r" % (bad,))
    db.execute("COMMIT")
    db.close()


def run(pcreg, path, args):
    started = time.monotonic()
    out = subprocess.run([pcreg, "--db", path] + args, check=True, capture_output=True,
                         text=True).stdout
    return time.monotonic() - started, max(0, len(out.splitlines()) - 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pcreg")
    ap.add_argument("dir")
    ap.add_argument("--practices", type=int, default=1000000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20261203)
    a = ap.parse_args()

    path = os.path.join(a.dir, "scale-%d-%d.db" % (a.practices, a.seed))
    if not os.path.exists(path):
        started = time.monotonic()
        subprocess.run([a.pcreg, "--db", path, "init"], check=True, capture_output=True)
        fill(path, a.practices, a.seed)
        print("# made %s in %.0f s (%d bytes)" % (path, time.monotonic() - started,
                                                  os.path.getsize(path)))
    db = sqlite3.connect(path)
    counts = {t: db.execute("SELECT count(*) FROM " + t).fetchone()[0]
              for t in ("practice", "practice_commissioner", "practice_network", "list_size",
                        "contract", "inspection")}
    db.close()
    print("# " + ", ".join("%s %d" % kv for kv in counts.items()))

    few = ",".join(ccg_code(i) for i in (3, 77, 150))
    reports = [
        ("cqc", ["report", "cqc"]),
        ("pms", ["report", "pms"]),
        ("networks", ["report", "networks"]),
        ("scheme", ["report", "scheme", "--service", SERVICE]),
        ("commissioning", ["report", "commissioning"]),
    ]
    print("\n| report | scope | seconds | rows | target |")
    print("|---|---|---|---|---|")
    for name, cmd in reports:
        scopes = [("nation", [], 2.0)]
        if name == "commissioning":
            scopes.insert(0, ("3 regions", ["--commissioner", "Y50,Y53,Y57"], 0.1))
        else:
            scopes.insert(0, ("3 CCGs", ["--commissioner", few], 0.1))
        for scope, extra, target in scopes:
            times, rows = [], 0
            for _ in range(a.rounds):
                seconds, rows = run(a.pcreg, path, cmd + ["--as-of", AS_OF, "--format", "csv"]
                                    + extra)
                times.append(seconds)
            median = statistics.median(times)
            print("| %s | %s | %.3f | %d | < %g s: %s |" % (
                name, scope, median, rows, target, "met" if median < target else "MISSED"))


if __name__ == "__main__":
    main()
