"""Rows as analysts want them: as_dict() on every record, to_dataframe() on
every cursor, on the sample registry."""

from __future__ import annotations

import dataclasses
import datetime
import sys
import unittest
from unittest import mock

import pcreg
from support import SampleTest

try:
    import pandas
except ImportError:  # the to_dataframe tests say so and skip
    pandas = None

SEED004 = ["07L", "08F", "08N"]


def every_record_type() -> list:
    return [getattr(pcreg, name) for name in pcreg.__all__
            if isinstance(getattr(pcreg, name), type)
            and dataclasses.is_dataclass(getattr(pcreg, name))]


class AsDict(SampleTest):
    def setUp(self) -> None:
        self.reg = pcreg.open(self.sample, readonly=True)
        self.addCleanup(self.reg.close)

    def test_every_record_is_a_row(self) -> None:
        types = every_record_type()
        self.assertGreater(len(types), 25)
        for cls in types:
            self.assertTrue(issubclass(cls, pcreg.Row), cls.__name__)
            self.assertTrue(cls.columns(), cls.__name__)

    def test_practice_has_named_address_lines_words_and_iso_dates(self) -> None:
        got = self.reg.practice("E91002").as_dict()
        self.assertEqual(got["address1"], "RUSHLANTERN YARD")
        self.assertEqual(got["address2"], "LONDON")
        self.assertIsNone(got["address5"])
        self.assertNotIn("address", got)
        self.assertEqual(got["status"], "active")
        self.assertIsInstance(got["status"], str)
        self.assertNotIsInstance(got["status"], int)
        self.assertEqual(got["open_date"], "1978-10-01")
        self.assertEqual(list(got), pcreg.Practice.columns())

    def test_dates_switch(self) -> None:
        got = self.reg.practice("E91002").as_dict(dates="date")
        self.assertEqual(got["open_date"], datetime.date(1978, 10, 1))
        with self.assertRaises(ValueError):
            self.reg.practice("E91002").as_dict(dates="excel")

    def test_money_in_pence_and_pounds(self) -> None:
        rows = [r.as_dict() for r in self.reg.report_pms("2017-04-18", SEED004)]
        first = rows[0]
        self.assertEqual(first["min_premium_pence"], 950)
        self.assertEqual(first["min_premium_pounds"], 9.5)
        self.assertEqual(first["max_premium_pence"], 5813)
        self.assertAlmostEqual(first["max_premium_pounds"], 58.13)
        self.assertIsInstance(first["total_premium_pence"], int)
        contracts = [c.as_dict() for c in self.reg.contracts(practice="E91002")]
        self.assertTrue(any(c["pms_premium_pence"] is not None for c in contracts)
                        or any("pms_premium_pounds" in c for c in contracts))
        for c in contracts:
            self.assertIn(c["type"], ("GMS", "PMS", "APMS", "DES", "LES", "enhanced",
                                      "scheme", "other"), c)
            pence = c["annual_value_pence"]
            self.assertEqual(c["annual_value_pounds"], None if pence is None else pence / 100)

    def test_shares_as_percentages(self) -> None:
        rows = {r.commissioner: r.as_dict() for r in self.reg.report_cqc("2017-04-18", SEED004)}
        self.assertEqual(rows["07L"]["published_percent"], 78.95)
        self.assertEqual(rows["07L"]["good_percent"], 66.67)
        self.assertNotIn("published_share", rows["07L"])
        self.assertIs(rows[None]["is_total"], True)

    def test_journal_rows_and_nested_values(self) -> None:
        entry = next(iter(self.reg.imports())).as_dict()
        self.assertRegex(entry["started_at"], r"^\d{4}-\d\d-\d\dT")
        self.assertEqual(entry["release_id"], 0)
        report = self.sample_reports[3].as_dict()
        self.assertIsInstance(report["skip_reasons"], dict)
        self.assertEqual(report["kind"], "epraccur")
        resolution = pcreg.Resolution("A3A8R", (("A3A8R", datetime.date(2021, 4, 1)),))
        self.assertEqual(resolution.as_dict(), {
            "code": "A3A8R", "steps": [{"code": "A3A8R", "effective_date": "2021-04-01"}],
            "ambiguous": False})

    def test_inspection_ratings_are_words(self) -> None:
        got = [i.as_dict() for i in self.reg.inspections(limit=20)]
        self.assertTrue(got)
        words = {"outstanding", "good", "requires_improvement", "inadequate", None}
        for row in got:
            self.assertIn(row["overall"], words, row)

    def test_cursor_as_dicts(self) -> None:
        rows = self.reg.practices(commissioner="07L").as_dicts()
        self.assertEqual(len(rows), 38)
        self.assertTrue(all(isinstance(r, dict) for r in rows))
        self.assertEqual(pcreg.as_dicts(self.reg.check()), [])


@unittest.skipIf(pandas is None, "pandas is not installed (Debian: python3-pandas)")
class DataFrames(SampleTest):
    def setUp(self) -> None:
        self.reg = pcreg.open(self.sample, readonly=True)
        self.addCleanup(self.reg.close)

    def test_seed004_cqc_table(self) -> None:
        frame = self.reg.report_cqc("2017-04-18", SEED004).to_dataframe()
        self.assertEqual(list(frame.columns), pcreg.CqcRow.columns())
        frame = frame.set_index("commissioner")
        self.assertEqual(int(frame.loc["07L", "practices"]), 38)
        self.assertEqual(float(frame.loc["08F", "published_percent"]), 79.55)
        self.assertEqual(int(frame["published"].iloc[:3].sum()), 93)

    def test_dates_become_timestamps_or_stay(self) -> None:
        frame = self.reg.practices(commissioner="07L").to_dataframe()
        self.assertTrue(str(frame["open_date"].dtype).startswith("datetime64"))
        self.assertTrue(frame["close_date"].isna().any())
        iso = self.reg.practices(commissioner="07L").to_dataframe(dates="iso")
        self.assertIsInstance(iso["open_date"].iloc[0], str)
        plain = self.reg.practices(commissioner="07L").to_dataframe(dates="date")
        self.assertIsInstance(plain["open_date"].iloc[0], datetime.date)

    def test_empty_cursor_keeps_its_columns(self) -> None:
        frame = self.reg.practices(commissioner="NOPE1").to_dataframe()
        self.assertEqual(len(frame), 0)
        self.assertEqual(list(frame.columns), pcreg.Practice.columns())

    def test_lists_and_money(self) -> None:
        frame = pcreg.to_dataframe(self.reg.report_pms("2017-04-18", SEED004))
        self.assertIn("min_premium_pounds", frame.columns)
        self.assertEqual(float(frame["min_premium_pounds"].iloc[0]), 9.5)
        frame = pcreg.to_dataframe(self.reg.timeline("E91002"))
        self.assertIn("joined_network", set(frame["kind"]))


class WithoutPandas(SampleTest):
    def test_to_dataframe_says_how_to_get_pandas(self) -> None:
        with pcreg.open(self.sample, readonly=True) as reg, \
                mock.patch.dict(sys.modules, {"pandas": None}):
            cursor = reg.practices(commissioner="07L")
            with self.assertRaises(ImportError) as caught:
                cursor.to_dataframe()
            cursor.close()
        message = str(caught.exception)
        self.assertIn("python3-pandas", message)
        self.assertIn("pip install pandas", message)
        self.assertIn("as_dict", message)


if __name__ == "__main__":
    unittest.main()
