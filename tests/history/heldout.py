#!/usr/bin/env python3
"""A release the registry never saw: does its history predict it?

usage: heldout.py PCREG DATADIR [WORKDIR]

Loads the whole real set except epraccur-2023-02 (lenient, each file with its
release date). Then for every practice that release lists as active (status A)
GP practice (prescribing setting 4) it reads the registry's commissioner on the
release's date, 2023-02-28, with its certainty, and compares it with the
commissioner the held-out file gives.

Fails if fewer than 90% of those practices are answered 'stated' or
'inferred', or if fewer than 99% of the answered ones agree with the file.
Practices the file puts in a commissioner eccg.csv does not describe (the
Welsh health boards 7A1-7A7) count like the others; their number is printed.
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile

import histlib as H

HELD_OUT = "epraccur/releases/epraccur-2023-02.csv"
ANSWERED_MIN, AGREE_MIN = 90.0, 99.0
SAMPLE = 15


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pcreg, folder = sys.argv[1], H.data_dir(sys.argv[2])
    date = next(d for p, k, d in H.FILES if p == HELD_OUT)
    files = [f for f in H.FILES if f[0] != HELD_OUT]
    with tempfile.TemporaryDirectory(prefix="hist-heldout-") as tmp:
        work = sys.argv[3] if len(sys.argv) == 4 else tmp
        os.makedirs(work, exist_ok=True)
        db = os.path.join(work, "without-2023-02.db")
        if not (os.environ.get("HIST_REUSE") and os.path.exists(db)):  # re-reading, by hand
            with open(os.path.join(work, "load.log"), "w") as log:
                H.load(pcreg, db, folder, files, log)
        ans = H.Answers(db, "practice_commissioner", "commissioner")
    life = H.Lifetimes(folder)

    certainty = collections.Counter()
    total = answered = agree = foreign = 0
    wrong, unanswered = [], []
    for r in H.read_rows(os.path.join(folder, HELD_OUT)):
        if r[H.ODS_STATUS] != "A" or r[H.ODS_SETTING] != H.GP_PRACTICE_SETTING:
            continue
        p, said = r[H.ODS_CODE], r[H.ODS_COMMISSIONER]
        total += 1
        foreign += said not in life.open
        actual = ans.on(p, date) if p in ans.practices else None
        certainty[actual[1] if actual else "not known"] += 1
        if actual is None or actual[1] not in ("stated", "inferred"):
            if len(unanswered) < SAMPLE:
                unanswered.append("%s: file says %s, registry %s" % (
                    p, said, "%s (%s)" % actual if actual else
                    ("not known" if p in ans.practices else "no such practice")))
            continue
        answered += 1
        if actual[0] == said:
            agree += 1
        elif len(wrong) < SAMPLE:
            wrong.append("%s: file says %s, registry %s (%s)" % (p, said, actual[0], actual[1]))

    print("held out %s (%s): %d active GP practices (%d of them in a commissioner "
          "eccg.csv does not describe)" % (HELD_OUT, date, total, foreign))
    print("  registry's answers on %s: %s" % (
        date, ", ".join("%s %d" % kv for kv in sorted(certainty.items()))))
    print("  answered stated or inferred: %d of %d (%s)" % (answered, total, H.percent(answered, total)))
    print("  of those, agree with the held-out file: %d of %d (%s)" % (
        agree, answered, H.percent(agree, answered)))
    for line in wrong:
        print("    disagrees: " + line)
    for line in unanswered:
        print("    not answered: " + line)
    ok = True
    if total == 0 or 100.0 * answered / total < ANSWERED_MIN:
        print("FAIL: fewer than %.0f%% answered stated or inferred" % ANSWERED_MIN)
        ok = False
    if answered == 0 or 100.0 * agree / answered < AGREE_MIN:
        print("FAIL: fewer than %.0f%% of the answers agree with the held-out file" % AGREE_MIN)
        ok = False
    print("history_heldout: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
