#!/usr/bin/env python3
"""in_lists.py: single-row writes into a registry at schema v5 (CHECKs and
triggers with IN lists) and at the newest schema (v6 on: comparisons).

usage: PCREG_LIBRARY=build/libpcreg.so python3 bench/in_lists.py DIR [--rows N]

Both registries are made by the library (pcreg.open(..., schema_version=5)
and the newest) and get the same N practices and a commissioner. Then, in
one transaction each, N single-row INSERTs through one prepared statement
(Python's sqlite3 executemany: a step per row, as the library's importers
and API writes do) into contract (a core contract a practice, so the
overlap trigger runs), practice_commissioner and the journal (change),
rolled back afterwards; and the same into a bare table with no constraint,
for Python's own cost. Prints microseconds a row, best of three.
"""
import argparse
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings",
                                "python"))
import pcreg  # noqa: E402

WRITES = [
    ("contract",
     "INSERT INTO contract (practice, commissioner, type, start_date, end_date, derived)"
     " VALUES (?, '07L', 'GMS', '2020-04-01', NULL, 1)"),
    ("practice_commissioner",
     "INSERT INTO practice_commissioner (practice, commissioner, from_date, certainty, derived)"
     " VALUES (?, '07L', '2020-04-01', 'stated', 1)"),
    ("change",
     "INSERT INTO change (import_id, entity, code, action, effective_date)"
     " VALUES (1, 'practice', ?, 'insert', '2020-04-01')"),
    ("bare table", "INSERT INTO bare VALUES (?)"),
]


def make(path, version, rows):
    if os.path.exists(path):
        os.remove(path)
    pcreg.open(path, create=True, schema_version=version).close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("INSERT INTO commissioner (code, kind, name) VALUES ('07L', 'ccg', 'Test CCG')")
    db.executemany("INSERT INTO practice (code, name, status) VALUES (?, 'x', 'active')",
                   ((code,) for code in codes(rows)))
    db.execute("INSERT INTO import (file_name, file_size, sha256, kind, mode, started_at,"
               " rows_read, inserted, updated, unchanged, skipped, rejected)"
               " VALUES ('x', 0, printf('%064d', 0), 'epraccur', 'strict', '2020-01-01T00:00:00Z',"
               " 0, 0, 0, 0, 0, 0)")
    db.execute("CREATE TABLE bare (x)")
    db.execute("COMMIT")
    return db


def codes(rows):
    return ["%s%05d" % (chr(ord("A") + i // 100000), i % 100000) for i in range(rows)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--rows", type=int, default=200000)
    a = ap.parse_args()
    dbs = [(version, make(os.path.join(a.dir, "in-lists-v%d.db" % version), version, a.rows))
           for version in (5, 0)]
    rows = [(code,) for code in codes(a.rows)]
    print("| table | schema v5, us a row | newest schema, us a row | v5 / newest |")
    print("|---|---|---|---|")
    for table, sql in WRITES:
        best = {}
        for version, db in dbs:
            times = []
            for _ in range(3):
                db.execute("BEGIN")
                started = time.perf_counter()
                db.executemany(sql, rows)
                times.append(time.perf_counter() - started)
                db.execute("ROLLBACK")
            best[version] = min(times) / a.rows * 1e6
        print("| %s | %.2f | %.2f | %.2f |" % (table, best[5], best[0], best[5] / best[0]))


if __name__ == "__main__":
    main()
