#!/usr/bin/env python3
"""Seed 004's CQC table as a pandas DataFrame, the way an analyst would start.

usage: seed004_dataframe.py REGISTRY [DATE [COMMISSIONERS]]

Needs pandas (Debian: python3-pandas). The defaults are the paper's: 18
April 2017, Barking and Dagenham (07L), Havering (08F), Redbridge (08N).
"""

from __future__ import annotations

import sys
from typing import Sequence

import pandas as pd

import pcreg


def main(argv: Sequence[str]) -> int:
    if len(argv) not in (2, 3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    on = argv[2] if len(argv) > 2 else "2017-04-18"
    commissioners = argv[3].split(",") if len(argv) > 3 else ["07L", "08F", "08N"]
    with pcreg.open(argv[1], readonly=True) as reg:
        cqc = reg.report_cqc(on, commissioners).to_dataframe()

    # the totals row is the report's own; keep the commissioners for the table
    table = cqc[~cqc["is_total"]].set_index("commissioner")
    table = table[["name", "practices", "published", "published_percent", "inadequate",
                   "requires_improvement", "good", "outstanding", "not_published"]]
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.to_string())
    print()
    totals = cqc[cqc["is_total"]].iloc[0]
    print("published across the three: %d of %d practices (%.2f%%)"
          % (totals["published"], totals["practices"], totals["published_percent"]))
    print("the commissioner with the most Requires improvement: %s"
          % table["requires_improvement"].idxmax())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
