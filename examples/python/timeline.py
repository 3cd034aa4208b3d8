#!/usr/bin/env python3
"""A practice's timeline, with how each membership on a date is known.

usage: timeline.py REGISTRY PRACTICE [DATE...]

Prints what happened to the practice, in date order, then for each DATE
(by default the days it joined or left a commissioner or network, and the
day after each leaving) which commissioner and network it was in and how
that is known: stated by a release (which one), inferred, uncertain
within a window, or not known.
"""

from __future__ import annotations

import datetime
import sys
from typing import List, Sequence

import pcreg


def dates_to_ask(events: List[pcreg.TimelineEvent]) -> List[datetime.date]:
    days = set()
    for e in events:
        kind = str(e.kind)
        if e.date and kind.startswith(("joined_", "left_")):
            days.add(e.date)
            if kind.startswith("left_"):
                days.add(e.date + datetime.timedelta(days=1))
    return sorted(days)


def known(answer: pcreg.Answer) -> str:
    if answer.certainty == pcreg.Certainty.NOT_KNOWN:
        return "not known"
    how = str(answer.certainty)
    if answer.certainty == pcreg.Certainty.UNCERTAIN:
        how += " (changed by %s)" % answer.window_to
    if answer.release_kind:
        how += ", %s release of %s" % (answer.release_kind, answer.release_date)
    return "%s, %s" % (answer.organisation, how)


def main(argv: Sequence[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with pcreg.open(argv[1], readonly=True) as reg:
        practice = reg.practice(argv[2].upper())
        print("%s %s" % (practice.code, practice.name))
        events = list(reg.timeline(practice.code))
        for e in events:
            value = "" if e.value is None else " (%s)" % e.value
            print("  %s  %-20s %s%s" % (e.date, e.kind, " ".join(
                part for part in (e.subject, e.detail) if part), value))
        print()
        asked = [datetime.date.fromisoformat(on) for on in argv[3:]]
        for day in asked or dates_to_ask(events):
            print("  on %s: commissioner %s; network %s" % (
                day, known(reg.membership_answer("commissioner", practice.code, day)),
                known(reg.membership_answer("network", practice.code, day))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
