#!/usr/bin/env python3
"""The national build against sqlite3's .import of the same files (issue 12).

  python3 bench/national.py PCREG [DATADIR] [--rounds N] [--dir SCRATCH]

Each round, interleaved, medians reported:

  library   'pcreg import --quiet auto DATADIR' into a new registry: every file
            of the folder, one release each (the CLI, one process, as a user
            runs it)
  .import   the sqlite3 shell's '.import --csv' of every CSV file of the same
            folder, each into a bare table of a new database, in one process
            (the workbook and the ODS XML have no .import: their CSV twin is
            imported instead, and the XML is left out, a few KB)

then the same per file: each file's import, in the folder's plan order, into
the registry the files before it made (one process a file, as
'pcreg import auto FILE'), its rows a second, and .import of that file alone.
Prints a table for bench/README.md. Nothing here is asserted: speed is
measured, not tested.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, **kw):
    """Wall time of a process. The shell's notes on .import (headerless files'
    first rows taken as column names) go nowhere."""
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t


def plan(pcreg, data, scratch):
    """The folder's files in the order 'import auto' loads them, with their rows."""
    db = os.path.join(scratch, "plan.db")
    subprocess.run([pcreg, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([pcreg, "--db", db, "import", "--quiet", "auto", data], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    files = []
    for m in re.finditer(r"^(\S.*?): ([a-z-]+), import \d+\n  (\d+) rows? read", out, re.M):
        files.append((m.group(1), m.group(2), int(m.group(3))))
    paths = {}
    for root, _, names in os.walk(data):
        for n in names:
            paths.setdefault(n, os.path.join(root, n))
    return [(paths[f], kind, rows) for f, kind, rows in files]


def dot_import_script(paths):
    lines = []
    for i, p in enumerate(paths):
        lines.append(".import --csv '%s' t%d" % (p.replace("'", "''"), i))
    return "\n".join(lines) + "\n"


def csv_twin(path):
    """What .import reads for a file: itself, or a workbook's CSV sheets."""
    if path.endswith(".xlsx"):
        pcn = os.path.dirname(os.path.dirname(path))
        return [os.path.join(pcn, "ePCN_PCNDetails.csv"),
                os.path.join(pcn, "ePCN_PCN_Core_Partner_Details.csv")]
    if path.endswith(".xml"):
        return []
    return [path]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pcreg")
    ap.add_argument("data", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "data"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", default=None)
    a = ap.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("national.py: the sqlite3 shell is needed (Debian sqlite3)")
    scratch = a.dir or tempfile.mkdtemp(prefix="pcreg-national-")
    os.makedirs(scratch, exist_ok=True)
    files = plan(a.pcreg, a.data, scratch)
    seen_workbook = set()
    twins = []
    for p, kind, rows in files:
        if p in seen_workbook:
            continue
        seen_workbook.add(p)
        twins.extend(csv_twin(p))

    lib, imp = [], []
    per_lib = {p + kind: [] for p, kind, _ in files}
    per_imp = {p: [] for p, _, _ in files}
    for _ in range(a.rounds):
        db = os.path.join(scratch, "registry.db")
        bare = os.path.join(scratch, "bare.db")
        for f in (db, bare):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f + suffix):
                    os.remove(f + suffix)
        subprocess.run([a.pcreg, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL)
        lib.append(run([a.pcreg, "--db", db, "import", "--quiet", "auto", a.data]))
        imp.append(run(["sqlite3", bare], input=dot_import_script(twins).encode()))
        # Per file, in the plan's order.
        db2 = os.path.join(scratch, "files.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db2 + suffix):
                os.remove(db2 + suffix)
        subprocess.run([a.pcreg, "--db", db2, "init"], check=True, stdout=subprocess.DEVNULL)
        for p, kind, _ in files:
            per_lib[p + kind].append(run([a.pcreg, "--db", db2, "import", "--quiet", kind, p]))
            one = os.path.join(scratch, "one.db")
            if os.path.exists(one):
                os.remove(one)
            tw = csv_twin(p)
            if kind == "pcn-partners" and p.endswith(".xlsx"):
                tw = tw[1:]
            elif kind == "pcn-details" and p.endswith(".xlsx"):
                tw = tw[:1]
            per_imp[p].append(run(["sqlite3", one], input=dot_import_script(tw).encode())
                              if tw else float("nan"))

    ml, mi = statistics.median(lib), statistics.median(imp)
    print("National build, %d rounds, medians (%s)" % (a.rounds, time.strftime("%Y-%m-%d")))
    print()
    print("| loader | seconds | x .import |")
    print("|---|---|---|")
    print("| `pcreg import auto` (%d imports) | %.2f | %.1f |" % (len(files), ml, ml / mi))
    print("| sqlite3 `.import` of the same CSV files | %.2f | 1.0 |" % mi)
    print()
    print("| file | kind | rows | seconds | rows/s | x .import |")
    print("|---|---|---|---|---|---|")
    for p, kind, rows in files:
        t = statistics.median(per_lib[p + kind])
        ti = statistics.median(per_imp[p])
        ratio = "-" if ti != ti else "%.2f" % (ti / t)
        print("| %s | %s | %d | %.3f | %.0f | %s |" % (os.path.relpath(p, a.data), kind, rows, t,
                                                   rows / t if t else 0, ratio))
    if not a.dir:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
