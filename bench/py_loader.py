#!/usr/bin/env python3
"""py_loader.py: the import benchmark's plain Python loader.

usage: py_loader.py REGISTRY.db EPRACCUR.csv

What a careful Python developer would write with nothing but the standard
csv and sqlite3 modules: the same typed upsert as the library's epraccur
importer, into a registry file the library made (so the same schema,
indexes, overlap triggers and full-text index, all kept row by row).

  - one transaction (BEGIN IMMEDIATE ... COMMIT), the connection set up
    as the library sets up its own: foreign keys on, WAL (the file's own
    mode), synchronous NORMAL, a 256 MiB memory map;
  - the same SQL text every row, so the sqlite3 module's statement cache
    prepares each statement once;
  - every row checked and typed as the library does: 27 columns; fields
    trimmed, empty ones NULL; prescribing setting a number 0-99; dates
    CCYYMMDD turned into ISO dates and checked as real days (memoised, as
    most rows share a few dates); practice codes a capital letter and five
    digits; names present; status A/C/D/P; postcodes and commissioner
    codes of the right shape; a close date not before the open date. The
    first bad row aborts and rolls back, as the library's strict mode;
  - setting 4 rows: the practice upserted (INSERT ... ON CONFLICT(code)
    DO UPDATE, only when something differs, so that an unchanged row
    writes nothing and does not touch the full-text index), then its
    commissioner membership: the period covering the join date is looked
    up; none: insert; the same commissioner: nothing (corrected in place
    if it started that day); another: end it the day before and insert.
    Commissioners are checked against the registry (read once); a row
    whose commissioner is unknown keeps its practice, not its membership;
  - other settings: upserted into other_organisation with the library's
    own statement.

It does not journal (the library writes two journal rows per practice).
Prints one line like bench_import: rows, seconds, rows/s and counts.
"""
import csv
import datetime
import re
import sqlite3
import sys
import time

PRACTICE_CODE = re.compile(r"[A-Z][0-9]{5}")
COMMISSIONER_CODE = re.compile(r"[0-9A-Z]{3}|[0-9A-Z]{5}")
ORG_CODE = re.compile(r"[0-9A-Z]{3,12}")
POSTCODE = re.compile(r"[A-Z][0-9A-Z ]{1,7}")
STATUS = {"A": "active", "C": "closed", "D": "dormant", "P": "proposed"}

UPSERT_PRACTICE = """
INSERT INTO practice (code, name, address1, address2, address3, address4, address5, postcode,
                      status, prescribing_setting, open_date, close_date, phone)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET
    name = excluded.name, address1 = excluded.address1, address2 = excluded.address2,
    address3 = excluded.address3, address4 = excluded.address4, address5 = excluded.address5,
    postcode = excluded.postcode, status = excluded.status,
    prescribing_setting = excluded.prescribing_setting, open_date = excluded.open_date,
    close_date = excluded.close_date, phone = excluded.phone
WHERE name IS NOT excluded.name OR address1 IS NOT excluded.address1
   OR address2 IS NOT excluded.address2 OR address3 IS NOT excluded.address3
   OR address4 IS NOT excluded.address4 OR address5 IS NOT excluded.address5
   OR postcode IS NOT excluded.postcode OR status IS NOT excluded.status
   OR prescribing_setting IS NOT excluded.prescribing_setting
   OR open_date IS NOT excluded.open_date OR close_date IS NOT excluded.close_date
   OR phone IS NOT excluded.phone
"""
COVERING_PERIOD = """
SELECT commissioner, from_date, to_date FROM practice_commissioner
WHERE practice = ? AND from_date <= ? ORDER BY from_date DESC LIMIT 1
"""
INSERT_PERIOD = """
INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date)
VALUES (?, ?, ?, ?)
"""
CORRECT_PERIOD = """
UPDATE practice_commissioner SET commissioner = ?, to_date = ?
WHERE practice = ? AND from_date = ?
"""
END_PERIOD = "UPDATE practice_commissioner SET to_date = ? WHERE practice = ? AND from_date = ?"
UPSERT_OTHER = """
INSERT INTO other_organisation (code, name, prescribing_setting, status, commissioner,
                                open_date, close_date)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET name = excluded.name,
    prescribing_setting = excluded.prescribing_setting, status = excluded.status,
    commissioner = excluded.commissioner, open_date = excluded.open_date,
    close_date = excluded.close_date
"""


class BadRow(Exception):
    pass


_dates = {}


def iso_date(text, field):
    """CCYYMMDD -> YYYY-MM-DD, checked; None for an empty field."""
    if not text:
        return None
    iso = _dates.get(text)
    if iso is None:
        try:
            if len(text) != 8 or not text.isdigit():
                raise ValueError
            iso = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        except ValueError:
            raise BadRow('%s: "%s" is not a real date' % (field, text)) from None
        _dates[text] = iso
    return iso


def day_before(iso):
    return (datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)).isoformat()


def load(db_path, csv_path):
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA mmap_size = 268435456")
    cur = con.cursor()
    counts = dict(rows=0, written=0, unchanged=0, skipped=0, memberships=0, omitted=0)
    cur.execute("BEGIN IMMEDIATE")
    try:
        commissioners = {c for (c,) in cur.execute("SELECT code FROM commissioner")}
        with open(csv_path, newline="", encoding="utf-8") as f:
            for line, rec in enumerate(csv.reader(f), 1):
                try:
                    load_row(cur, rec, commissioners, counts)
                except BadRow as e:
                    raise SystemExit("py_loader: %s:%d: %s" % (csv_path, line, e))
        cur.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            cur.execute("ROLLBACK")
        raise
    con.close()
    return counts


def load_row(cur, rec, commissioners, counts):
    if len(rec) != 27:
        raise BadRow("expected 27 columns, found %d" % len(rec))
    counts["rows"] += 1
    f = [v.strip(" \t") or None for v in rec]
    setting = f[25]
    if not setting or len(setting) > 2 or not setting.isdigit():
        raise BadRow('Prescribing Setting: "%s" is not a number from 0 to 99' % (setting or ""))
    setting = int(setting)
    opened = iso_date(f[10], "Open Date")
    closed = iso_date(f[11], "Close Date")
    code, name, status = f[0], f[1], f[12]
    if not name:
        raise BadRow("Name: is empty")
    if opened and closed and closed < opened:
        raise BadRow("Close Date: before the open date")
    if setting != 4:
        if not code or not ORG_CODE.fullmatch(code):
            raise BadRow('Organisation Code: "%s" is not an ODS code' % code)
        cur.execute(UPSERT_OTHER, (code, name, setting, STATUS.get(status), f[14], opened, closed))
        counts["skipped"] += 1
        return

    if not code or not PRACTICE_CODE.fullmatch(code):
        raise BadRow('Organisation Code: "%s" is not a practice code' % code)
    if status not in STATUS:
        raise BadRow('Status Code: "%s" is not A, C, D or P' % status)
    postcode = f[9]
    if postcode is not None and not POSTCODE.fullmatch(postcode):
        raise BadRow('Postcode: "%s" is not a postcode' % postcode)
    cur.execute(UPSERT_PRACTICE, (code, name, f[4], f[5], f[6], f[7], f[8], postcode,
                                  STATUS[status], setting, opened, closed, f[17]))
    counts["written" if cur.rowcount else "unchanged"] += 1

    commissioner = f[14]
    if commissioner is None:
        counts["omitted"] += 1
        return
    if not COMMISSIONER_CODE.fullmatch(commissioner):
        raise BadRow('Commissioner: "%s" is not a commissioner code' % commissioner)
    joined = iso_date(f[15], "Join Provider/Purchaser Date") or opened
    left = iso_date(f[16], "Left Provider/Purchaser Date")
    if left and joined and left < joined:
        raise BadRow("Left Provider/Purchaser Date: before the join date")
    if commissioner not in commissioners or not joined:
        counts["omitted"] += 1
        return
    current = cur.execute(COVERING_PERIOD, (code, joined)).fetchone()
    if current is None or (current[2] is not None and current[2] < joined):
        cur.execute(INSERT_PERIOD, (code, commissioner, joined, left))
    elif current[1] == joined:
        if current[0] == commissioner and current[2] == left:
            return
        cur.execute(CORRECT_PERIOD, (commissioner, left, code, joined))
    elif current[0] == commissioner:
        return
    else:
        cur.execute(END_PERIOD, (day_before(joined), code, current[1]))
        cur.execute(INSERT_PERIOD, (code, commissioner, joined, left))
    counts["memberships"] += 1


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: py_loader.py REGISTRY.db EPRACCUR.csv")
    t0 = time.monotonic()
    counts = load(sys.argv[1], sys.argv[2])
    seconds = time.monotonic() - t0
    print("rows=%d seconds=%.3f rows_per_s=%.0f written=%d unchanged=%d skipped=%d"
          " memberships=%d omitted=%d"
          % (counts["rows"], seconds, counts["rows"] / seconds if seconds else 0.0,
             counts["written"], counts["unchanged"], counts["skipped"],
             counts["memberships"], counts["omitted"]))


if __name__ == "__main__":
    main()
