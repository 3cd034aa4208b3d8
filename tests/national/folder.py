#!/usr/bin/env python3
"""Every national file as shipped, loaded from a folder in one command.

  folder.py PCREG DATADIR OUTDIR

Checks, on the real files in ../shared/data:

 1. 'pcreg import auto DATADIR' into an empty registry exits 0, names the
    folder's README as skipped, imports every data file with no row
    rejected, and reads exactly as many rows as the test counts in each file
    itself (CSV records with Python's csv module, less the header where the
    kind has one; a workbook's rows from its sheets' CSV conversion;
    <Organisation> elements of the XML); 'pcreg check' is clean after it.
 2. The same files loaded one at a time, in the reverse of the folder's
    order, give the same registry (ordertool.py's dump: every export, the
    journal, every table).
 3. The ePCN workbook and its CSV conversion, each loaded after the same
    reference files, give identical exports.

Each expected file must be there: a missing one fails the test.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "history"))
import ordertool as T  # noqa: E402

# The files the folder must hold, each with the kinds it loads as and how
# its rows are counted.
EXPECTED = {
    "ccg/icb_names_codes_dec_2024.csv": ("icb-names", "csv-header"),
    "ccg/eccg.csv": ("eccg", "csv"),
    "ccg/succ.csv": ("succ", "csv"),
    "epraccur/epraccur.csv": ("epraccur", "csv"),
    "epraccur/releases/epraccur-2021-11.csv": ("epraccur", "csv"),
    "epraccur/releases/epraccur-2023-02.csv": ("epraccur", "csv"),
    "pcn/ePCN_PCNDetails.csv": ("pcn-details", "csv-header"),
    "pcn/ePCN_PCN_Core_Partner_Details.csv": ("pcn-partners", "csv-header"),
    "pcn/gp-reg-pat-prac-map.csv": ("practice-map", "csv-header"),
    "pcn/xlsx/ePCN-2022-05.xlsx": ("pcn-details+pcn-partners", "workbook"),
    "listsize/gp-reg-pat-prac-all.csv": ("list-size", "csv-header"),
    "contracts/nhspaymentsgp-17-18-csv.csv": ("payments", "csv-header"),
    "contracts/nhspaymentsgp-21-22-prac-csv-v2.csv": ("payments", "csv-header"),
    "contracts/nhspaymentsgp-22-23-prac-csv.csv": ("payments", "csv-header"),
    "ods-xml/HSCOrgRefData_excerpt.xml": ("ods-xml", "xml"),
}
NOT_DATA = ["README.md"]


def fail(message: str) -> None:
    print("FAIL: " + message)
    sys.exit(1)


def run(pcreg: str, db: str, *args: str) -> str:
    res = subprocess.run([pcreg, "--db", db] + list(args), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        fail("pcreg %s exited %d:\n%s%s" % (" ".join(args), res.returncode, res.stdout[-2000:],
                                             res.stderr[-2000:]))
    return res.stdout


def csv_records(path: str) -> int:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return sum(1 for row in csv.reader(f) if row)


def expected_rows(data: str, name: str, how: str):
    """The rows each import of the file reads, counted here."""
    path = os.path.join(data, name)
    if how == "csv":
        return [csv_records(path)]
    if how == "csv-header":
        return [csv_records(path) - 1]
    if how == "workbook":
        # Its sheets are the two CSVs beside the folder it is in.
        pcn = os.path.dirname(os.path.dirname(path))
        return [csv_records(os.path.join(pcn, "ePCN_PCNDetails.csv")) - 1,
                csv_records(os.path.join(pcn, "ePCN_PCN_Core_Partner_Details.csv")) - 1]
    with open(path, encoding="utf-8") as f:
        return [len(re.findall(r"<Organisation[\s>]", f.read()))]


REPORT = re.compile(r"^(?P<file>\S.*?): (?P<kind>[a-z-]+), import \d+\n"
                    r"  (?P<read>\d+) rows? read: \d+ inserted, \d+ updated, \d+ unchanged,"
                    r" \d+ skipped, (?P<rejected>\d+) rejected$", re.M)


def check_folder_load(pcreg: str, data: str, out: str) -> str:
    db = os.path.join(out, "folder.db")
    run(pcreg, db, "init")
    text = run(pcreg, db, "import", "--quiet", "auto", data)
    with open(os.path.join(out, "folder.log"), "w", encoding="utf-8") as f:
        f.write(text)
    for name in NOT_DATA:
        line = "%s: skipped: not national data" % os.path.join(data, name)
        if line not in text:
            fail("the folder's %s is not named as skipped (no line starting %r)" % (name, line))
    reports = {}
    for m in REPORT.finditer(text):
        reports.setdefault(m.group("file"), []).append(
            (m.group("kind"), int(m.group("read")), int(m.group("rejected"))))
    for name, (kinds, how) in sorted(EXPECTED.items()):
        base = os.path.basename(name)
        got = reports.get(base)
        if not got:
            fail("%s: no import reported for it" % name)
        want_kinds = kinds.split("+")
        if [k for k, _, _ in got] != want_kinds:
            fail("%s: imported as %s, expected %s" % (name, [k for k, _, _ in got], want_kinds))
        want_rows = expected_rows(data, name, how)
        if [r for _, r, _ in got] != want_rows:
            fail("%s: %s rows read, the file has %s" % (name, [r for _, r, _ in got], want_rows))
        if any(rej for _, _, rej in got):
            fail("%s: rows rejected: %s" % (name, got))
        print("  %s: %s, %s rows, none rejected" % (name, "+".join(want_kinds),
                                                      "+".join(map(str, want_rows))))
    total = re.search(r"^(\d+) files: (\d+) imported, (\d+) skipped, (\d+) failed", text, re.M)
    if not total or total.group(4) != "0":
        fail("the total line is missing or counts failures: %r" % (total and total.group(0)))
    print("  folder: %s" % total.group(0))
    run(pcreg, db, "check")
    return db


def check_one_by_one(pcreg: str, data: str, out: str, folder_db: str) -> None:
    db = os.path.join(out, "one-by-one.db")
    run(pcreg, db, "init")
    for name in sorted(EXPECTED, reverse=True):
        path = os.path.join(data, name)
        if name.endswith(".xlsx"):
            run(pcreg, db, "import", "--quiet", "pcn-details", path)
            run(pcreg, db, "import", "--quiet", "pcn-partners", path)
        else:
            run(pcreg, db, "import", "--quiet", "auto", path)
    T.dump(pcreg, folder_db, os.path.join(out, "dump-folder"))
    T.dump(pcreg, db, os.path.join(out, "dump-one-by-one"))
    if T.compare(os.path.join(out, "dump-folder"), os.path.join(out, "dump-one-by-one"),
                 "one by one, in reverse") != 0:
        fail("loading the files one by one gives another registry than the folder")


def check_workbook_is_its_csvs(pcreg: str, data: str, out: str) -> None:
    reference = ["ccg/icb_names_codes_dec_2024.csv", "ccg/eccg.csv", "epraccur/epraccur.csv"]
    forms = {
        "workbook": [("pcn-details", "pcn/xlsx/ePCN-2022-05.xlsx"),
                     ("pcn-partners", "pcn/xlsx/ePCN-2022-05.xlsx")],
        "csv": [("pcn-details", "pcn/ePCN_PCNDetails.csv"),
                ("pcn-partners", "pcn/ePCN_PCN_Core_Partner_Details.csv")],
    }
    exports = {}
    for form, files in forms.items():
        db = os.path.join(out, "%s.db" % form)
        run(pcreg, db, "init")
        for name in reference:
            run(pcreg, db, "import", "--quiet", "auto", os.path.join(data, name))
        for kind, name in files:
            run(pcreg, db, "import", "--quiet", kind, os.path.join(data, name))
        exports[form] = {e: T.normalise_csv(run(pcreg, db, "export", e)) for e in T.entities(pcreg)}
    for e in exports["csv"]:
        if exports["workbook"][e] != exports["csv"][e]:
            fail("export %s differs between the workbook and its CSV conversion" % e)
    print("  the workbook and its CSV conversion: identical exports (%d entities, %d network"
          " memberships)" % (len(exports["csv"]), len(exports["csv"]["network_membership"][1])))


def main(argv) -> int:
    if len(argv) != 3:
        print("usage: folder.py PCREG DATADIR OUTDIR", file=sys.stderr)
        return 2
    pcreg, data, out = argv
    if not os.path.isdir(data):
        fail("no data folder %s" % data)
    missing = [n for n in list(EXPECTED) + NOT_DATA if not os.path.isfile(os.path.join(data, n))]
    if missing:
        fail("missing from %s: %s" % (data, ", ".join(missing)))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    folder_db = check_folder_load(pcreg, data, out)
    check_one_by_one(pcreg, data, out, folder_db)
    check_workbook_is_its_csvs(pcreg, data, out)
    print("national_folder: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
