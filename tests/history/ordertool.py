#!/usr/bin/env python3
"""order.sh's helper: load orders, normalised dumps of a registry, comparison.

  ordertool.py files date|reverse|SEED   the real set in that order, one file a
                                         line: "RELEASED KIND PATH" (a SEED is a
                                         shuffle of the date order by
                                         random.Random(SEED))
  ordertool.py dump PCREG DB OUTDIR      every entity's CSV export, the journal,
                                         and every table, without what depends
                                         on load order by nature (below)
  ordertool.py compare BASEDIR OTHERDIR NAME
                                         exit 1 and say where they first differ

What a dump leaves out, because it records how the registry was loaded rather
than what it holds: row ids (INTEGER PRIMARY KEY id; a reference to the import
or release tables is replaced by the referenced row's own content), times
(columns ending in _at), the directory part of a file name, the counts of rows
each import inserted, updated or left unchanged and the ids of its changes
(the same file inserts when loaded first and updates when loaded last), the
change table (each import's diff against the registry as it found it), and
the full-text index's internal tables. Everything else must be identical
whatever the load order.
"""

from __future__ import annotations

import csv
import io
import os
import random
import re
import sqlite3
import subprocess
import sys
from typing import Dict, List, Sequence

import histlib as H

# Columns of CLI output that are ids or load times.
DROP_COLUMNS = {"id", "import_id", "import", "release_id", "release", "started_at",
                "finished_at", "first_change", "last_change"}
# The import table's counts that say what a load did to the registry as it
# found it (a row naming a practice not loaded yet is skipped, its evidence
# kept: how many depends on what came before).
ORDER_COUNTS = {"inserted", "updated", "unchanged", "skipped"}
# Tables that record the loading itself, or index text by order-dependent rowids.
SKIP_TABLES = re.compile(r"^(sqlite_.*|practice_search.*|change|import_skip)$")
# Tables known to depend on the load order, whose differences are printed
# without failing the test. None is left: contracts, list sizes and the
# organisations epraccur lists that are not GP practices are derived from
# evidence since schema v5. (The pattern matches nothing.)
KNOWN_GAPS = re.compile(r"(?!)")
FALLBACK_ENTITIES = ["commissioner", "succession", "arrangement", "federation", "network",
                     "network_lead", "practice", "commissioner_membership",
                     "network_membership", "federation_membership", "contract",
                     "inspection", "list_size"]


def order(which: str) -> List[Sequence[str]]:
    files = list(H.FILES)
    if which == "date":
        return files
    if which == "reverse":
        return files[::-1]
    random.Random(int(which)).shuffle(files)
    return files


def cli(pcreg: str, db: str, *args: str) -> str:
    res = subprocess.run([pcreg, "--db", db] + list(args), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        H.fail("pcreg %s exited %d: %s" % (" ".join(args), res.returncode, res.stderr.strip()))
    return res.stdout


def entities(pcreg: str) -> List[str]:
    """The entities 'pcreg help export' names (the fallback list if it cannot be read)."""
    res = subprocess.run([pcreg, "help", "export"], stdout=subprocess.PIPE, text=True)
    m = re.search(r"ENTITY is one of[^:]*:(.*?)\.", res.stdout, re.S)
    if not m:
        return FALLBACK_ENTITIES
    names = [w.strip() for w in m.group(1).replace("\n", " ").split(",")]
    return [n for n in names if n]


def write_rows(path: str, header: List[str], rows: List[List[str]]) -> None:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for row in sorted(rows):
        w.writerow(row)
    with open(path, "w", encoding="utf-8") as f:
        f.write(out.getvalue())


def normalise_csv(text: str, drop=DROP_COLUMNS, rename_file=True):
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], []
    header = rows[0]
    keep = [i for i, h in enumerate(header) if h not in drop and not h.endswith("_at")]
    out = []
    for r in rows[1:]:
        vals = []
        for i in keep:
            v = r[i]
            if rename_file and header[i] in ("file", "file_name"):
                v = os.path.basename(v)
            vals.append(v)
        out.append(vals)
    return [header[i] for i in keep], out


class TableDump:
    """Every table, with ids replaced by what they stand for."""

    def __init__(self, db: str):
        self.conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        self.natural: Dict[str, Dict[int, str]] = {}

    def columns(self, table: str):
        return list(self.conn.execute("SELECT name, type, pk FROM pragma_table_info(?)", (table,)))

    def has_row_id(self, table: str) -> bool:
        return any(n == "id" and pk == 1 and t.upper() == "INTEGER" for n, t, pk in self.columns(table))

    def kept(self, table: str) -> List[str]:
        drop = set(ORDER_COUNTS | {"first_change", "last_change"}) if table == "import" else set()
        return [n for n, t, pk in self.columns(table)
                if not (n == "id" and pk == 1) and not n.endswith("_at") and n not in drop]

    def references(self, table: str) -> Dict[str, str]:
        """column -> referenced table, for references to a table keyed by a row id"""
        refs = {}
        for row in self.conn.execute(
                "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)", (table,)):
            if row[2] in (None, "id") and self.has_row_id(row[0]):
                refs[row[1]] = row[0]
        return refs

    def rows(self, table: str, with_id: bool = False):
        cols = self.kept(table)
        refs = self.references(table)
        select = ", ".join('"%s"' % c for c in (["id"] if with_id else []) + cols)
        for raw in self.conn.execute('SELECT %s FROM "%s"' % (select, table)):
            vals = list(raw)
            rid = vals.pop(0) if with_id else None
            out = []
            for c, v in zip(cols, vals):
                if c in refs and v is not None:
                    v = self.natural_key(refs[c], v)
                elif table == "import" and c == "file_name":
                    v = os.path.basename(v)
                out.append("" if v is None else repr(v) if not isinstance(v, str) else v)
            yield rid, out

    def natural_key(self, table: str, rid: int) -> str:
        if table not in self.natural:
            self.natural[table] = {i: "|".join(r) for i, r in self.rows(table, with_id=True)}
        return self.natural[table].get(rid, "<dangling %s %s>" % (table, rid))

    def tables(self) -> List[str]:
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [n for n in names if not SKIP_TABLES.match(n)]


def dump(pcreg: str, db: str, out: str) -> None:
    os.makedirs(out, exist_ok=True)
    for e in entities(pcreg):
        header, rows = normalise_csv(cli(pcreg, db, "export", e, "--format", "csv"))
        write_rows(os.path.join(out, "export-%s.csv" % e), header, rows)
    header, rows = normalise_csv(cli(pcreg, db, "imports", "--format", "csv"),
                                 drop=DROP_COLUMNS | ORDER_COUNTS)
    write_rows(os.path.join(out, "journal-imports.csv"), header, rows)
    t = TableDump(db)
    for table in t.tables():
        write_rows(os.path.join(out, "table-%s.csv" % table), t.kept(table),
                   [r for _, r in t.rows(table)])
    # Not compared (see above), kept beside the dump for a person to read.
    changes = cli(pcreg, db, "changes", "--format", "csv")
    with open(os.path.join(out, "changes.not-compared"), "w", encoding="utf-8") as f:
        f.write(changes)


def compare(base: str, other: str, name: str) -> int:
    files = sorted(n for n in set(os.listdir(base)) | set(os.listdir(other))
                   if not n.endswith(".not-compared"))
    differing = []
    for n in files:
        a, b = os.path.join(base, n), os.path.join(other, n)
        if not os.path.exists(a) or not os.path.exists(b):
            differing.append((n, None, None))
            continue
        la, lb = open(a, encoding="utf-8").read().splitlines(), open(b, encoding="utf-8").read().splitlines()
        if la != lb:
            sa, sb = set(la), set(lb)
            differing.append((n, sorted(sa - sb), sorted(sb - sa)))
    gaps = [d for d in differing if KNOWN_GAPS.match(d[0])]
    for n, only_a, only_b in gaps:
        print("  %s: known gap, not failing: %s differs (%s rows only in the date order,"
              " %s only in this order)" % (name, n, len(only_a or []), len(only_b or [])))
    differing = [d for d in differing if not KNOWN_GAPS.match(d[0])]
    if not differing:
        print("  %s: identical to the date order (%d files, %d known gaps)"
              % (name, len(files), len(gaps)))
        return 0
    print("  %s: DIFFERS from the date order in %d of %d files: %s" % (
        name, len(differing), len(files), ", ".join(d[0] for d in differing)))
    n, only_a, only_b = differing[0]
    if only_a is None:
        print("    first difference: %s exists in only one of the dumps" % n)
        return 1
    header = open(os.path.join(base, n), encoding="utf-8").readline().rstrip("\n")
    print("    first difference: %s (%s): %d rows only in the date order, %d only in %s"
          % (n, header, len(only_a), len(only_b), name))
    for line in only_a[:6]:
        print("      - " + line)
    for line in only_b[:6]:
        print("      + " + line)
    return 1


def main(argv: List[str]) -> int:
    if len(argv) >= 2 and argv[0] == "files":
        for released, kind, path in ((d, k, p) for p, k, d in order(argv[1])):
            print(released, kind, path)
        return 0
    if len(argv) == 4 and argv[0] == "dump":
        dump(argv[1], argv[2], argv[3])
        return 0
    if len(argv) == 4 and argv[0] == "compare":
        return compare(argv[1], argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
