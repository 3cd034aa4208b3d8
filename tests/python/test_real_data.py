"""A real import of the national files in ../shared/data (beside the project).

When that folder exists the test runs, and a missing file fails it (it
is not skipped): the files are the project's fixtures, and a silently
skipped import test would hide their loss. Only when the whole folder is
absent (a checkout without ../shared) is the test skipped: under ctest by
tests/needs_shared_data.py, so that ctest reports it as skipped.
"""

from __future__ import annotations

import datetime
import os
import unittest

import pcreg
from support import SHARED_DATA, ScratchTest

# (file under ../shared/data, kind, rows read, inserted, skipped)
FILES = [
    ("ccg/icb_names_codes_dec_2024.csv", "icb-names", 42, 42, 0),
    ("ccg/eccg.csv", "eccg", 320, 320, 0),
    ("ccg/succ.csv", "succ", 11537, 11537, 0),
    ("epraccur/epraccur.csv", "epraccur", 16534, 8654, 7880),
]


@unittest.skipUnless(os.path.isdir(SHARED_DATA), "no ../shared/data beside the project")
class RealImport(ScratchTest):
    def test_national_files(self) -> None:
        missing = [name for name, *_ in FILES
                   if not os.path.isfile(os.path.join(SHARED_DATA, name))]
        self.assertEqual(missing, [], "files missing from %s" % SHARED_DATA)
        D = datetime.date
        with pcreg.open(self.path("real.db"), create=True) as reg:
            for name, kind, read, inserted, skipped in FILES:
                with self.subTest(file=name):
                    report = reg.import_file(os.path.join(SHARED_DATA, name), kind=kind)
                    self.assertEqual(str(report.kind), kind)
                    self.assertEqual((report.rows_read, report.inserted, report.skipped,
                                      report.rejected), (read, inserted, skipped, 0))
                    self.assertGreater(report.id, 0)
            # Every skipped row of epraccur has its reason, counted.
            self.assertEqual(sum(n for _, n in report.skip_reasons), 7880)
            self.assertTrue(all(r.startswith("not a GP practice") for r, _ in report.skip_reasons))
            # The CCG 07L was carried on by the sub-ICB location A3A8R.
            res = reg.resolve("07L", "2021-04-01")
            self.assertEqual(res.code, "A3A8R")
            self.assertEqual(res.steps, (("A3A8R", D(2021, 4, 1)),))
            self.assertEqual(reg.resolve("07L", "2021-03-31").code, "07L")
            # A practice from epraccur, and its commissioner in 2025.
            p = reg.practice("A81001")
            self.assertEqual((p.name, p.postcode, p.status, p.open_date),
                             ("THE DENSHAM SURGERY", "TS18 1HU", pcreg.PracticeStatus.ACTIVE,
                              D(1974, 4, 1)))
            self.assertEqual(reg.practice_commissioner("A81001", "2025-01-01").organisation, "16C")
            self.assertEqual(len(list(reg.imports())), len(FILES))
            # Real files disagree with themselves here and there (a membership
            # running past a closing date); check() reports, it does not raise.
            findings = reg.check()
            self.assertTrue(all(isinstance(f, pcreg.CheckFinding) and f.check and f.detail
                                for f in findings))


if __name__ == "__main__":
    unittest.main()
