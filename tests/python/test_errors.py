"""Every status of the C library becomes its own exception class, provoked for real.

Only PCREG_ERROR (the library's catch-all) and PCREG_NOMEM (an allocation
failing) cannot be provoked from Python; for those two the status-to-class
mapping is tested directly (test_mapping_of_unprovokable_statuses).
"""

from __future__ import annotations

import os
import sqlite3
import unittest

import pcreg
from pcreg import errors
from support import SampleTest


class StatusMapping(unittest.TestCase):
    def test_every_status_has_its_class(self) -> None:
        expected = {
            -1: (pcreg.GeneralError, ()), -2: (pcreg.NoMemoryError, (MemoryError,)),
            -3: (pcreg.NotFoundError, (LookupError,)), -4: (pcreg.ExistsError, ()),
            -5: (pcreg.InvalidError, (ValueError,)), -6: (pcreg.ConstraintError, ()),
            -7: (pcreg.ConflictError, ()), -8: (pcreg.BusyError, ()),
            -9: (pcreg.ReadOnlyError, ()), -10: (pcreg.InputOutputError, (OSError,)),
            -11: (pcreg.CorruptError, ()), -12: (pcreg.MisuseError, ()),
            -13: (pcreg.NeedsMigrationError, ()), -14: (pcreg.SchemaTooNewError, ()),
            -15: (pcreg.SchemaMismatchError, ()), -16: (pcreg.NotRegistryError, ()),
            -17: (pcreg.CycleError, ()),
        }
        classes = set()
        for status, (cls, builtins) in expected.items():
            with self.subTest(status=status):
                self.assertIs(pcreg.error_class(status), cls)
                self.assertTrue(issubclass(cls, pcreg.Error))
                for b in builtins:
                    self.assertTrue(issubclass(cls, b))
                self.assertEqual(cls.status, status)
                classes.add(cls)
                # The fixed text the library has for it is what a handle-less error carries.
                self.assertTrue(pcreg.status_str(status))
        self.assertEqual(len(classes), 17, "one class per status")
        # A status a newer library might add still gives a pcreg.Error.
        self.assertIs(pcreg.error_class(-99), pcreg.Error)

    def test_mapping_of_unprovokable_statuses(self) -> None:
        # PCREG_ERROR and PCREG_NOMEM cannot be caused from Python (no
        # failing allocator, no catch-all path reachable): check what the
        # bindings would raise for them.
        for status, cls in ((errors.ERROR, pcreg.GeneralError),
                            (errors.NOMEM, pcreg.NoMemoryError)):
            err = errors.make_error(status, pcreg.status_str(status))
            self.assertIsInstance(err, cls)
            self.assertEqual(err.status, status)
            self.assertEqual(err.message, pcreg.status_str(status))
            self.assertEqual(str(err), err.message)
        with self.assertRaises(MemoryError):
            raise errors.make_error(errors.NOMEM, "out of memory")


class Provoked(SampleTest):
    """Each status from a real call; the message is the library's."""

    def setUp(self) -> None:
        self.reg = pcreg.open(":memory:")
        self.addCleanup(self.reg.close)
        self.dir = os.path.dirname(self.copy_sample())

    def assertStatus(self, cls: type, status: int, fn, *args, **kwargs) -> pcreg.Error:
        with self.assertRaises(cls) as cm:
            fn(*args, **kwargs)
        err = cm.exception
        self.assertIsInstance(err, pcreg.Error)
        self.assertEqual(err.status, status)
        self.assertTrue(err.message)
        self.assertNotEqual(err.message, "not an error")
        return err

    def _small_registry(self) -> None:
        self.reg.insert(pcreg.Commissioner("07L", kind="ccg", name="NHS BARKING AND DAGENHAM CCG",
                                           open_date="2013-04-01"))
        self.reg.insert(pcreg.Practice("F91001", name="FICTIONAL ONE", status="active",
                                       open_date="2000-01-01"))
        self.reg.join("commissioner", "F91001", "07L", "2013-04-01")

    def test_notfound(self) -> None:
        err = self.assertStatus(pcreg.NotFoundError, -3, self.reg.practice, "A81001")
        self.assertIn("A81001", err.message)
        with self.assertRaises(LookupError):
            self.reg.commissioner("07L")
        self.assertStatus(pcreg.NotFoundError, -3, pcreg.open,
                          os.path.join(self.dir, "missing.db"))

    def test_invalid(self) -> None:
        err = self.assertStatus(pcreg.InvalidError, -5, self.reg.insert,
                                pcreg.Practice("bad code!", name="x"))
        self.assertIn("practice.code", err.message)
        err = self.assertStatus(pcreg.InvalidError, -5, self.reg.practices, on="2021-02-29")
        self.assertIn("2021-02-29", err.message)
        with self.assertRaises(ValueError):
            self.reg.report_cqc("yesterday")
        # Refused by the bindings before any C call: still InvalidError.
        self.assertStatus(pcreg.InvalidError, -5, self.reg.practice, "A81\0001")
        with self.assertRaises(pcreg.InvalidError):
            self.reg.practices(status="weird")

    def test_exists(self) -> None:
        self.reg.insert(pcreg.Federation("f1", name="One"))
        err = self.assertStatus(pcreg.ExistsError, -4, self.reg.insert,
                                pcreg.Federation("f1", name="Again"))
        self.assertIn("f1", err.message)

    def test_constraint(self) -> None:
        self._small_registry()
        err = self.assertStatus(pcreg.ConstraintError, -6, self.reg.delete,
                                pcreg.Commissioner, "07L")
        self.assertIn("F91001", err.message)
        self.assertStatus(pcreg.ConstraintError, -6, self.reg.join, "network", "F91001",
                          "nonet", "2014-04-01")
        # A refused write changes nothing.
        self.assertEqual(self.reg.commissioner("07L").code, "07L")

    def test_conflict(self) -> None:
        self._small_registry()
        err = self.assertStatus(pcreg.ConflictError, -7, self.reg.join, "commissioner",
                                "F91001", "07L", "2014-04-01")
        self.assertIn("overlaps", err.message)

    def test_busy(self) -> None:
        path = self.copy_sample()
        other = sqlite3.connect(path, isolation_level=None)
        self.addCleanup(other.close)
        other.execute("BEGIN IMMEDIATE")  # holds the write lock
        with pcreg.open(path, busy_timeout_ms=50) as reg:
            self.assertStatus(pcreg.BusyError, -8, reg.insert, pcreg.Federation("f9", name="F"))
            self.assertStatus(pcreg.BusyError, -8, reg.begin)
        other.execute("ROLLBACK")

    def test_readonly(self) -> None:
        with pcreg.open(self.sample, readonly=True) as reg:
            self.assertStatus(pcreg.ReadOnlyError, -9, reg.insert,
                              pcreg.Federation("x", name="X"))
            self.assertStatus(pcreg.ReadOnlyError, -9, reg.import_file,
                              os.path.join(os.path.dirname(__file__), "..", "..", "examples",
                                           "data", "05-federations.csv"))

    def test_io(self) -> None:
        err = self.assertStatus(pcreg.InputOutputError, -10, pcreg.open, self.dir)
        self.assertIsInstance(err, OSError)
        self.assertStatus(pcreg.InputOutputError, -10, pcreg.open,
                          os.path.join(self.dir, "no", "such", "dir.db"), create=True)

    def test_corrupt(self) -> None:
        path = self.copy_sample()
        size = os.path.getsize(path)
        with open(path, "r+b") as f:  # keep the header page, spoil every other
            for offset in range(8192, size, 4096):
                f.seek(offset)
                f.write(b"\xde\xad\xbe\xef" * 256)
        self.assertStatus(pcreg.CorruptError, -11, pcreg.open, path)

    def test_misuse(self) -> None:
        err = self.assertStatus(pcreg.MisuseError, -12, self.reg.commit)
        self.assertIn("no transaction", err.message)
        self.reg.begin()
        self.assertStatus(pcreg.MisuseError, -12, self.reg.begin)  # no nesting
        self.reg.rollback()

    def test_closed_registry(self) -> None:
        reg = pcreg.open(":memory:")
        reg.close()
        reg.close()  # idempotent
        self.assertTrue(reg.closed)
        with self.assertRaises(pcreg.ClosedError) as cm:
            reg.practice("F91001")
        self.assertIsInstance(cm.exception, pcreg.MisuseError)
        self.assertEqual(cm.exception.status, -12)
        self.assertIn("closed", str(cm.exception))
        with self.assertRaises(pcreg.ClosedError):
            list(reg.practices())

    def test_needs_migration(self) -> None:
        path = os.path.join(self.dir, "v1.db")
        pcreg.open(path, create=True, schema_version=1).close()
        err = self.assertStatus(pcreg.NeedsMigrationError, -13, pcreg.open, path, readonly=True)
        self.assertIn("older", err.message)
        with pcreg.open(path) as reg:  # read-write: opens, but refuses work until migrated
            self.assertTrue(reg.needs_migration)
            self.assertEqual(reg.schema_version, 1)
            self.assertStatus(pcreg.NeedsMigrationError, -13, reg.practices)
            reg.migrate()
            self.assertFalse(reg.needs_migration)
            self.assertEqual(reg.schema_version, pcreg.schema_latest_version())
            self.assertEqual(list(reg.practices()), [])
        pcreg.open(os.path.join(self.dir, "v2.db"), create=True, schema_version=2).close()
        with pcreg.open(os.path.join(self.dir, "v2.db"), migrate=True) as reg:
            self.assertEqual(reg.schema_version, pcreg.schema_latest_version())

    def test_schema_too_new(self) -> None:
        path = self.copy_sample()
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 999")
        db.close()
        with open(path, "rb") as f:
            before = f.read()
        err = self.assertStatus(pcreg.SchemaTooNewError, -14, pcreg.open, path)
        self.assertIn("999", err.message)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before, "not one byte written")

    def test_schema_mismatch(self) -> None:
        path = self.copy_sample()
        with sqlite3.connect(path) as db:
            db.execute("UPDATE schema_migration SET sha256 = ? WHERE version = 1", ("0" * 64,))
        db.close()
        self.assertStatus(pcreg.SchemaMismatchError, -15, pcreg.open, path)

    def test_not_registry(self) -> None:
        text = os.path.join(self.dir, "notes.txt")
        with open(text, "w") as f:
            f.write("not a database\n" * 200)
        self.assertStatus(pcreg.NotRegistryError, -16, pcreg.open, text)
        other = os.path.join(self.dir, "other.db")
        with sqlite3.connect(other) as db:
            db.execute("CREATE TABLE t (x)")
        db.close()
        err = self.assertStatus(pcreg.NotRegistryError, -16, pcreg.open, other)
        self.assertIn("application_id", err.message)

    def test_cycle(self) -> None:
        self.reg.insert(pcreg.Succession("07L", "A3A8R", "2021-04-01"))
        self.reg.insert(pcreg.Succession("A3A8R", "07L", "2021-04-01"))
        err = self.assertStatus(pcreg.CycleError, -17, self.reg.resolve, "07L", "2022-01-01")
        self.assertIn("comes back", err.message)

    def test_failed_import_carries_report(self) -> None:
        bad = os.path.join(self.dir, "bad-networks.csv")
        with open(bad, "w") as f:
            f.write("code,kind,name,commissioner,open_date,close_date\n"
                    "n1,local,One,,2016-10-01,\n"
                    "n2,local,Two,,2016-13-01,\n")
        err = self.assertStatus(pcreg.InvalidError, -5, self.reg.import_file, bad,
                                kind="registry-csv")
        self.assertIn("bad-networks.csv:3: open_date: \"2016-13-01\" is not a real date", err.message)
        self.assertIsInstance(err.report, pcreg.ImportReport)
        self.assertEqual(err.report.id, 0, "nothing committed")
        self.assertEqual([r.line for r in err.report.rejections], [3])
        self.assertEqual(list(self.reg.networks()), [], "strict: nothing written")
        # Lenient: the good row goes in, the bad one is reported.
        report = self.reg.import_file(bad, kind="registry-csv", mode="lenient")
        self.assertEqual((report.rows_read, report.inserted, report.rejected), (2, 1, 1))
        self.assertEqual(report.rejections[0].line, 3)
        self.assertIn("2016-13-01", report.rejections[0].reason)


if __name__ == "__main__":
    unittest.main()
