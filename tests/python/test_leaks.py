"""No memory is lost across many rounds of ordinary use.

Each round opens the sample registry, lists, reads reports, walks a
timeline and an export, provokes errors, abandons cursors half-read and
closes. After a warm-up, the process's resident size (from
/proc/self/statm) must stay within a small bound over many more rounds:
a C record or iterator left unfreed on any of these paths would grow it
by far more. Under the sanitizers the size is not a measure (ASan keeps
freed memory in quarantine), so there the rounds run fewer times and
LeakSanitizer, at exit, is the judge.
"""

from __future__ import annotations

import gc
import os
import unittest

import pcreg
from support import SANITIZED, SampleTest

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Leaks(SampleTest):
    def round(self, n: int) -> None:
        with pcreg.open(self.sample, readonly=True) as reg:
            self.assertGreater(len(list(reg.practices())), 100)
            list(reg.practices(commissioner="07L", on="2017-04-18"))
            list(reg.report_cqc("2017-04-18", "07L,08F,08N"))
            list(reg.report_pms("2017-04-18"))
            list(reg.report_networks("2019-07-01"))
            list(reg.timeline("E91002"))
            list(reg.export_lines("contract"))
            list(reg.changes(import_id=4))
            list(reg.imports())
            reg.practice_network("E91002", "2019-07-01")
            reg.practice_contract("E91002", "2019-07-01")
            reg.resolve("07L", "2021-04-01")
            reg.check()
            reg.membership_answer("network", "E91002", "2019-07-01")
            list(reg.rejections(4))
            reg.practice("E91002").as_dict()
            try:
                reg.membership_answer("network", "E91002", "2019-02-30")
            except pcreg.InvalidError:
                pass
            try:
                reg.practice("A00000")
            except pcreg.NotFoundError:
                pass
            try:
                reg.practices(on="2021-02-29")
            except pcreg.InvalidError:
                pass
            half = reg.contracts()
            next(half)
            half.close()
            next(reg.memberships("network"))  # left open: closing the registry frees it
            reg.practices()          # never read at all
            if n % 10 == 0:  # each copies the whole registry: the dearest calls here
                reg.release_summary(3)
                list(reg.release_changes(3))
                with reg.known_at("2019-12-31") as then:
                    then.membership_answer("commissioner", "E91002", "2019-07-01")
        gc.collect()

    def test_rss_is_flat(self) -> None:
        warm, rounds = (3, 10) if SANITIZED else (30, 300)
        for n in range(warm):
            self.round(n)
        before = rss()
        for n in range(rounds):
            self.round(n)
        grown = rss() - before
        if not SANITIZED:
            self.assertLess(grown, 256 << 10, "RSS grew by %d bytes over %d rounds"
                            % (grown, rounds))


if __name__ == "__main__":
    unittest.main()
