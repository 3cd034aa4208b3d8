#!/usr/bin/env python3
"""Print seed 004's "CQC inspections update" table from a registry.

usage: seed004_cqc.py REGISTRY [DATE [COMMISSIONERS]]

The defaults are the paper's: 18 April 2017, Barking and Dagenham (07L),
Havering (08F) and Redbridge (08N). The layout is the pcreg tool's table,
so the output can be compared with the CLI's golden file; everything is
read through the Python bindings (set PCREG_LIBRARY if libpcreg is not
installed).
"""

from __future__ import annotations

import sys
from typing import List, Sequence

import pcreg

HEADERS = ["Code", "Commissioner", "Practices", "Published reports", "%", "Inadequate", "%",
           "Requires improvement", "%", "Good", "%", "Outstanding", "%", "Not inspected"]
LEFT = 2  # the first two columns are text, aligned left; the rest are numbers


def cells(row: pcreg.CqcRow) -> List[str]:
    """One report row as the table's cells (shares of published reports)."""
    return [row.commissioner or "", "Total" if row.is_total else (row.name or ""),
            str(row.practices), str(row.published), pcreg.percent(row.published_share),
            str(row.inadequate), pcreg.percent(row.inadequate_share),
            str(row.requires_improvement), pcreg.percent(row.requires_improvement_share),
            str(row.good), pcreg.percent(row.good_share),
            str(row.outstanding), pcreg.percent(row.outstanding_share),
            str(row.not_published)]


def table(rows: Sequence[List[str]]) -> str:
    """Aligned columns two spaces apart, a rule under the header, no trailing blanks."""
    widths = [max(len(r[i]) for r in [HEADERS, *rows]) for i in range(len(HEADERS))]

    def line(r: List[str]) -> str:
        out = [c.ljust(w) if i < LEFT else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(out).rstrip()

    return "\n".join([line(HEADERS), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main(argv: Sequence[str]) -> int:
    if len(argv) not in (2, 3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    on = argv[2] if len(argv) > 2 else "2017-04-18"
    commissioners = argv[3].split(",") if len(argv) > 3 else ["07L", "08F", "08N"]
    try:
        with pcreg.open(argv[1], readonly=True) as reg:
            with reg.report_cqc(on, commissioners) as report:
                rows = [cells(r) for r in report]
    except pcreg.Error as e:
        print("seed004_cqc: %s" % e, file=sys.stderr)
        return 1
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
