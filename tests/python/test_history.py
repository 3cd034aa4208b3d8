"""History in Python: how as-of answers are known, releases and what each
changed, the registry as known at a date, rejected rows and check's notes.

Two made-up list-size releases see one practice in 07L (July 2019) and in
08F (July 2020), with no succession between them: the change is known to
lie in that window, and nothing else."""

from __future__ import annotations

import datetime
import os
import unittest

import pcreg
from support import SAMPLE_DATA, SampleTest, ScratchTest

HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"


def list_size_file(path: str, extract: str, commissioner: str, patients: int) -> str:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("GP_PRAC_PAT_LIST,%s,GP,%s,E38000000,F81001,RM8 9ZZ,ALL,ALL,%d\n"
                % (extract, commissioner, patients))
    return path


class Answers(ScratchTest):
    def setUp(self) -> None:
        super().setUp()
        self.reg = pcreg.open(self.path("h.db"), create=True)
        self.addCleanup(self.reg.close)
        self.reg.import_file(os.path.join(SAMPLE_DATA, "02-eccg.csv"), kind="eccg",
                             released="2021-03-31")
        self.reg.insert(pcreg.Practice("F81001", name="FICTIONAL MEADOW SURGERY",
                                       status="active", open_date="1990-04-01"))
        # newer release first: what is derived must not depend on the order
        self.reg.import_file(list_size_file(self.path("ls-2020.csv"), "01JUL2020", "08F", 5100),
                             kind="list-size")
        self.reg.import_file(list_size_file(self.path("ls-2019.csv"), "01JUL2019", "07L", 5000),
                             kind="list-size")

    def answer(self, on: str) -> pcreg.Answer:
        return self.reg.membership_answer("commissioner", "F81001", on)

    def test_stated_uncertain_and_not_known(self) -> None:
        stated = self.answer("2019-07-01")
        self.assertEqual(stated.certainty, pcreg.Certainty.STATED)
        self.assertEqual(stated.organisation, "07L")
        self.assertEqual((stated.release_kind, stated.release_date),
                         ("list-size", datetime.date(2019, 7, 1)))

        uncertain = self.answer("2019-12-01")
        self.assertEqual(uncertain.certainty, pcreg.Certainty.UNCERTAIN)
        self.assertEqual(uncertain.organisation, "07L")
        self.assertEqual(uncertain.from_date, datetime.date(2019, 7, 2))
        self.assertEqual(uncertain.to_date, datetime.date(2020, 6, 30))
        self.assertEqual(uncertain.window_to, datetime.date(2020, 7, 1))
        self.assertEqual(uncertain.as_dict()["certainty"], "uncertain")

        self.assertEqual(self.answer("2020-07-01").organisation, "08F")
        unknown = self.answer("2020-08-01")
        self.assertEqual(unknown.certainty, pcreg.Certainty.NOT_KNOWN)
        self.assertIsNone(unknown.organisation)
        self.assertIsNone(unknown.release_date)
        # membership_on() answers None where no evidence covers the day
        self.assertIsNone(self.reg.practice_commissioner("F81001", "2020-08-01"))

    def test_bad_arguments(self) -> None:
        with self.assertRaises(pcreg.InvalidError):
            self.answer("2019-13-01")
        with self.assertRaises(pcreg.InvalidError):
            self.reg.membership_answer("parish", "F81001", "2019-07-01")

    def test_reports_count_uncertain_practices(self) -> None:
        rows = list(self.reg.report_cqc("2019-12-01", ["07L"]))
        self.assertEqual(rows[0].uncertain, 1)
        self.assertEqual(list(self.reg.report_cqc("2019-07-01", ["07L"]))[0].uncertain, 0)

    def test_releases_in_release_order_and_what_each_changed(self) -> None:
        releases = self.reg.releases()
        self.assertEqual([(r.kind, r.release_date.isoformat()) for r in releases],
                         [("list-size", "2019-07-01"), ("list-size", "2020-07-01"),
                          ("eccg", "2021-03-31")])
        self.assertEqual(len(releases[0].digest or ""), 64)
        self.assertEqual(releases[0].date_basis, "file")
        self.assertEqual(releases[1].file_names, ("ls-2020.csv",))
        self.assertEqual([r.kind for r in self.reg.releases(kind="list-size")],
                         ["list-size", "list-size"])
        latest = self.reg.latest_release("list-size")
        assert latest is not None
        self.assertEqual(latest.release_date, datetime.date(2020, 7, 1))

        summary = self.reg.release_summary(latest)
        self.assertEqual(summary.moved_commissioner, 1)
        moves = [c for c in self.reg.release_changes(latest) if c.action == "move"]
        self.assertEqual([(c.code, c.old_value, c.new_value, c.effective_date) for c in moves],
                         [("F81001", "07L", "08F", datetime.date(2020, 7, 1))])
        self.assertEqual(self.reg.release_summary(releases[0].id).moved_commissioner, 0)
        with self.assertRaises(pcreg.NotFoundError):
            self.reg.release_summary(999)

    def test_known_at_reproduces_what_was_known(self) -> None:
        with self.reg.known_at("2019-12-31") as then:
            # then, only July 2019's sighting was known: the day itself is
            # stated, the months after it not known (not yet uncertain)
            seen = then.membership_answer("commissioner", "F81001", "2019-07-01")
            self.assertEqual((seen.organisation, seen.certainty), ("07L", pcreg.Certainty.STATED))
            after = then.membership_answer("commissioner", "F81001", "2019-12-01")
            self.assertEqual(after.certainty, pcreg.Certainty.NOT_KNOWN)
            with self.assertRaises(pcreg.ReadOnlyError):
                then.insert(pcreg.Practice("F81002", name="X", status="active"))
        self.assertTrue(then.closed)
        # the registry itself still knows both releases
        self.assertEqual(self.answer("2019-12-01").certainty, pcreg.Certainty.UNCERTAIN)
        with self.assertRaises(pcreg.InvalidError):
            self.reg.known_at("31/12/2019")

    def test_check_notes_the_uncertain_period(self) -> None:
        findings = self.reg.check()
        self.assertTrue(findings)
        for finding in findings:
            self.assertEqual(finding.severity, "note")
            self.assertTrue(finding.is_note)
        self.assertTrue(any("uncertain" in (f.detail or "") for f in findings), findings)


class Journal(SampleTest):
    def test_imports_carry_their_release(self) -> None:
        with pcreg.open(self.sample, readonly=True) as reg:
            entries = list(reg.imports())
            epraccur = [e for e in entries if e.kind == "epraccur"]
            self.assertEqual([e.release_date for e in epraccur],
                             [datetime.date(2017, 1, 31), datetime.date(2021, 3, 31)])
            self.assertTrue(all(e.release_id > 0 and e.release_date_basis == "caller"
                                for e in epraccur))
            registry_files = [e for e in entries if e.kind == "registry-csv"]
            self.assertTrue(all(e.release_id == 0 and e.release_date is None
                                for e in registry_files))
            summary = reg.summary(epraccur[1].id)
            self.assertEqual(summary.renamed, 1)
            self.assertEqual(summary.redated, 0)

    def test_rejections_of_a_lenient_import(self) -> None:
        path = self.copy_sample()
        bad = os.path.join(os.path.dirname(path), "bad.csv")
        with open(os.path.join(SAMPLE_DATA, "14-gp-reg-pat-prac-all.csv"), encoding="utf-8") as f:
            lines = f.readlines()
        lines.insert(2, "GP_PRAC_PAT_LIST,01JUL2019,GP,08C,E38000070,E91002,W12 9ZZ,ALL,ALL,-5\n")
        with open(bad, "w", encoding="utf-8") as f:
            f.writelines(lines)
        with pcreg.open(path) as reg:
            report = reg.import_file(bad, kind="list-size", mode="lenient")
            self.assertEqual(report.rejected, 1)
            rejected = list(reg.rejections(report.id))
            self.assertEqual(len(rejected), 1)
            self.assertEqual(rejected[0].line, 3)
            self.assertEqual(rejected[0].field, "NUMBER_OF_PATIENTS")
            self.assertEqual(rejected[0].as_dict()["line"], 3)


if __name__ == "__main__":
    unittest.main()
