#!/usr/bin/env python3
"""Does the registry's dated history agree with every file it was built from?

usage: agreement.py PCREG DATADIR [WORKDIR]

Loads the whole real set in date order (lenient, each file with its release
date), then checks the registry's commissioner and PCN answers on chosen dates
against what the rules below compute from the files alone:

Commissioner (epraccur releases, eccg.csv, succ.csv):
  - A release R says practice P was in commissioner C from its join date J to
    its left date L (open-ended when L is blank), and in nothing after L.
  - That period is clipped to C's lifetime: from C's open date (eccg.csv), to
    its close date (eccg.csv) or the day before its first succession
    (succ.csv), whichever is earlier.
  - A later release wins for the dates it covers (its clipped period, and the
    days after its left date).
  - A commissioner that eccg.csv does not describe (the Welsh health boards
    7A1-7A7) has no lifetime to clip to: its periods stand as stated.
  - A date no release's clipped period covers, inside a release's unclipped
    period after C ended, is C's successor on that date (succ.csv, followed
    through chains): inferred.
Checked dates, for each practice: every release's date, and for each period
any release states, its join date and the day before, its clipped first and
last days, the day after C ended and the day after the left date. Each
release is checked on those of the dates it says something about.

PCN (ePCN partners, PCN details): each partner row is a stated period of the
practice in the PCN, clipped to the PCN's open and close dates; checked on the
release date and each period's clipped first and last days. A later epraccur
release that says the practice had closed by a checked date corrects it (no
PCN after the close).

A check is "corrected" when a later release says otherwise on that date: it is
compared with the later release but left out of the file's agreement. The test
fails if any file's agreement is below 99%.
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
from typing import Dict, List, Optional, Tuple

import histlib as H

THRESHOLD = 99.0
SAMPLE = 12

# A statement: (commissioner, join, left or None)
Statement = Tuple[str, str, Optional[str]]


class Release:
    def __init__(self, path: str, date: str, folder: str):
        self.path, self.date = path, date
        self.says: Dict[str, Statement] = {}
        self.closed: Dict[str, Optional[str]] = {}  # practice -> its close date, if closed
        for r in H.read_rows(os.path.join(folder, path)):
            if r[H.ODS_SETTING] != H.GP_PRACTICE_SETTING:
                continue  # not a GP practice: the registry keeps no membership for it
            self.closed[r[H.ODS_CODE]] = H.iso(r[H.ODS_CLOSE])
            if not r[H.ODS_COMMISSIONER] or not r[H.ODS_JOIN]:
                continue  # states no period
            self.says[r[H.ODS_CODE]] = (r[H.ODS_COMMISSIONER], H.iso(r[H.ODS_JOIN]),
                                        H.iso(r[H.ODS_LEFT]))


class Expect:
    """What the rules say for one practice on one date."""

    def __init__(self, category: str, value: Optional[str], release: Optional[Release]):
        self.category = category  # stated, succession, none, unknown
        self.value = value
        self.release = release

    def key(self):
        return (self.category, self.value)

    def __str__(self) -> str:
        if self.category == "none":
            return "no commissioner (left)"
        if self.category == "unknown":
            return "not known"
        return "%s (%s by %s)" % (self.value, self.category,
                                  self.release.date if self.release else "?")


def commissioner_rule(releases: List[Release], life: H.Lifetimes, p: str, t: str) -> Expect:
    """The rules above, over the given releases (any order; the latest wins)."""
    ordered = sorted(releases, key=lambda r: r.date, reverse=True)
    for r in ordered:  # stated, or after the left date: the latest release covering t
        s = r.says.get(p)
        if not s or t < s[1]:
            continue
        c, join, left = s
        if left and t > left:
            return Expect("none", None, r)
        lo, hi = max(join, life.first(c)), min(left or H.FOREVER, life.last(c))
        if lo <= t <= hi:
            return Expect("stated", c, r)
    for r in ordered:  # after the commissioner ended, inside a stated period: succession
        s = r.says.get(p)
        if not s or t < s[1]:
            continue
        c, join, left = s
        if life.last(c) < t <= (left or H.FOREVER) and t >= life.first(c):
            successor = life.successor_on(c, t)
            return Expect("succession", successor, r) if successor else Expect("unknown", None, r)
    return Expect("unknown", None, None)


def allowed_certainty(e: Expect, t: str) -> Tuple[str, ...]:
    if e.category == "succession":
        return ("inferred",)
    # a period stated by a release is 'stated' up to the release's date; after it
    # (an open-ended period looking forward) it may be called inferred too
    return ("stated",) if t <= e.release.date else ("stated", "inferred")


def judge(e: Expect, actual: Optional[Tuple[str, str]], t: str) -> bool:
    if e.category == "none":
        return actual is None
    return actual is not None and actual[0] == e.value and actual[1] in allowed_certainty(e, t)


def show(actual: Optional[Tuple[str, str]]) -> str:
    return "not known" if actual is None else "%s (%s)" % actual


class Tally:
    def __init__(self, name: str):
        self.name = name
        self.checks = self.corrected = self.corrected_agree = self.compared = self.agree = 0
        self.by_point: Dict[str, List[int]] = collections.defaultdict(lambda: [0, 0])
        self.skipped: Dict[str, int] = collections.Counter()
        self.unclipped = 0  # statements of a commissioner eccg.csv does not describe
        self.sample: List[str] = []
        self.corrected_sample: List[str] = []

    def add(self, point: str, ok: bool, corrected: bool, line: str) -> None:
        self.checks += 1
        if corrected:
            self.corrected += 1
            self.corrected_agree += ok
            if not ok and len(self.corrected_sample) < SAMPLE:
                self.corrected_sample.append(line)
            return
        self.compared += 1
        self.agree += ok
        self.by_point[point][0] += 1
        self.by_point[point][1] += ok
        if not ok and len(self.sample) < SAMPLE:
            self.sample.append(line)

    def rate(self) -> float:
        return 100.0 * self.agree / self.compared if self.compared else 0.0

    def report(self) -> bool:
        print("%s: %d checks, %d compared, %d agree (%s); %d corrected by a later release "
              "(%d of those agree with it)"
              % (self.name, self.checks, self.compared, self.agree, H.percent(self.agree, self.compared),
                 self.corrected, self.corrected_agree))
        for point, (n, ok) in sorted(self.by_point.items()):
            print("    %-34s %6d checks, %6d agree (%s)" % (point, n, ok, H.percent(ok, n)))
        if self.unclipped:
            print("    %d practices in a commissioner eccg.csv does not describe (unclipped)"
                  % self.unclipped)
        for why, n in sorted(self.skipped.items()):
            print("    not checked: %-24s %6d" % (why, n))
        for line in self.sample:
            print("    disagrees: " + line)
        for line in self.corrected_sample:
            print("    corrected, disagrees with the later release: " + line)
        passed = self.compared > 0 and self.rate() >= THRESHOLD
        if not passed:
            print("    FAIL: %s agreement is below %.0f%%" % (self.name, THRESHOLD))
        return passed


def commissioner_points(releases: List[Release], life: H.Lifetimes, p: str) -> Dict[str, str]:
    """The dates to check for a practice, each with how it arose: every release's
    date, and each stated period's edges (from every release that states one)."""
    points: Dict[str, str] = {}

    def add(label: str, t: str) -> None:
        points.setdefault(t, label)

    for r in releases:
        if p in r.says:
            add("release date", r.date)
    for r in releases:
        s = r.says.get(p)
        if not s:
            continue
        c, join, left = s
        lo, hi = max(join, life.first(c)), min(left or H.FOREVER, life.last(c))
        if lo <= hi:
            add("first day (clipped join)", lo)
            if hi != H.FOREVER:
                add("last day (clipped left)", hi)
        if join <= hi < (left or H.FOREVER):
            add("day after commissioner ended", H.day_after(hi))
        if left:
            add("day after left", H.day_after(left))
        add("join date", join)
        if join > H.NEVER:
            add("day before join", H.day_before(join))
    return points


def check_commissioners(releases: List[Release], life: H.Lifetimes, ans: H.Answers) -> List[Tally]:
    tallies = {r.path: Tally("commissioner " + r.path) for r in releases}
    practices = sorted(set().union(*(r.says.keys() for r in releases)))
    for p in practices:
        points = sorted(commissioner_points(releases, life, p).items())
        for r in releases:
            s = r.says.get(p)
            if not s:
                continue
            tally = tallies[r.path]
            if s[0] not in life.open:
                # no lifetime to clip to (the Welsh health boards 7A1-7A7): the
                # period stands as stated; counted, and checked like the rest
                tally.unclipped += 1
            for t, point in points:
                own = commissioner_rule([r], life, p, t)
                if own.category == "unknown":
                    continue  # this file says nothing about the date
                full = commissioner_rule(releases, life, p, t)
                if full.category == "unknown":
                    tally.skipped["rules give no answer"] += 1
                    continue
                corrected = full.key() != own.key()
                actual = ans.on(p, t) if p in ans.practices else None
                ok = judge(full, actual, t)
                note = "" if p in ans.practices else " [practice not in the registry]"
                line = "%s on %s (%s): this file says %s; expected %s, registry %s%s" % (
                    p, t, point, own, full, show(actual), note)
                tally.add(point, ok, corrected, line)
    return [tallies[r.path] for r in releases]


def practice_close(releases: List[Release], p: str) -> Tuple[Optional[str], Optional[Release]]:
    """The practice's close date by the latest epraccur release that lists it."""
    for r in sorted(releases, key=lambda r: r.date, reverse=True):
        if p in r.closed:
            return r.closed[p], r
    return None, None


def check_networks(folder: str, releases: List[Release], ans: H.Answers) -> Tally:
    path = "pcn/ePCN_PCN_Core_Partner_Details.csv"
    released = next(d for p, k, d in H.FILES if p == path)
    practices = set().union(*(r.closed.keys() for r in releases))
    header, rows = H.read_by_header(os.path.join(folder, "pcn/ePCN_PCNDetails.csv"))
    c_code, c_open, c_close = (H.column(header, "pcn code"), H.column(header, "open date"),
                               H.column(header, "close date"))
    pcn_life = {r[c_code]: (H.iso(r[c_open]) or H.NEVER, H.iso(r[c_close]) or H.FOREVER)
                for r in rows}
    header, rows = H.read_by_header(os.path.join(folder, path))
    c_prac, c_pcn = H.column(header, "partner organisation code"), H.column(header, "pcn code")
    c_start, c_end = (H.column(header, "relationship start date"),
                      H.column(header, "relationship end date"))
    tally = Tally("network " + path)
    periods: Dict[str, List[Tuple[str, str, str]]] = collections.defaultdict(list)
    for r in rows:
        p, pcn = r[c_prac], r[c_pcn]
        if p not in practices:
            tally.skipped["not a GP practice"] += 1
            continue
        if pcn not in pcn_life:
            tally.skipped["PCN not in PCN details"] += 1
            continue
        start, end = H.iso(r[c_start]), H.iso(r[c_end]) or H.FOREVER
        lo, hi = max(start, pcn_life[pcn][0]), min(end, pcn_life[pcn][1])
        if lo > hi:
            tally.skipped["empty after clipping"] += 1
            continue
        periods[p].append((lo, hi, pcn))
    for p, spans in sorted(periods.items()):
        points = set()
        for lo, hi, pcn in spans:
            points.add(("first day (clipped start)", lo))
            if hi != H.FOREVER:
                points.add(("last day (clipped end)", hi))
        if any(lo <= released <= hi for lo, hi, _ in spans):
            points.add(("release date", released))
        closed, by = practice_close(releases, p)
        for point, t in sorted(points, key=lambda x: (x[1], x[0])):
            said = {pcn for lo, hi, pcn in spans if lo <= t <= hi}
            if len(said) != 1:
                tally.skipped["file names two PCNs"] += 1
                continue
            pcn = said.pop()
            actual = ans.on(p, t) if p in ans.practices else None
            note = "" if p in ans.practices else " [practice not in the registry]"
            if closed and t > closed and by.date > released:
                # a later epraccur release says the practice had closed by then
                ok = actual is None
                tally.add(point, ok, True, "%s on %s (%s): this file says %s; expected no PCN "
                          "(closed %s by %s), registry %s%s"
                          % (p, t, point, pcn, closed, by.date, show(actual), note))
                continue
            allowed = ("stated",) if t <= released else ("stated", "inferred")
            ok = actual is not None and actual[0] == pcn and actual[1] in allowed
            tally.add(point, ok, False, "%s on %s (%s): expected %s (stated), registry %s%s"
                      % (p, t, point, pcn, show(actual), note))
    return tally


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pcreg, folder = sys.argv[1], H.data_dir(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="hist-agreement-") as tmp:
        work = sys.argv[3] if len(sys.argv) == 4 else tmp
        os.makedirs(work, exist_ok=True)
        db = os.path.join(work, "date-order.db")
        if not (os.environ.get("HIST_REUSE") and os.path.exists(db)):  # re-reading, by hand
            with open(os.path.join(work, "load.log"), "w") as log:
                H.load(pcreg, db, folder, H.FILES, log)
        comm = H.Answers(db, "practice_commissioner", "commissioner")
        net = H.Answers(db, "practice_network", "network")
    life = H.Lifetimes(folder)
    releases = [Release(p, d, folder) for p, d in H.EPRACCUR_RELEASES]
    tallies = check_commissioners(releases, life, comm)
    tallies.append(check_networks(folder, releases, net))
    passed = [t.report() for t in tallies]
    print("history_agreement: %s" % ("ok" if all(passed) else "FAILED"))
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
