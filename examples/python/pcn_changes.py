#!/usr/bin/env python3
"""Which practices changed primary care network in the last release.

usage: pcn_changes.py REGISTRY [KIND]

Takes the newest release that states network membership (KIND, by default
"pcn-partners", the ePCN core partner list) and lists what it changed for
practices' networks: joined, moved from one network to another, left.
What a release changed is worked out from all the evidence, whatever
order the files were loaded in.
"""

from __future__ import annotations

import sys
from typing import Sequence

import pcreg

ACTIONS = {"insert": "joined", "move": "moved", "update": "re-dated", "delete": "left"}


def main(argv: Sequence[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    kind = argv[2] if len(argv) > 2 else "pcn-partners"
    with pcreg.open(argv[1], readonly=True) as reg:
        release = reg.latest_release(kind)
        if release is None:
            print("no %s release has been loaded" % kind, file=sys.stderr)
            return 1
        print("%s release of %s (%s)" % (release.kind, release.release_date,
                                        ", ".join(release.file_names)))
        summary = reg.release_summary(release)
        print("practices that moved network: %d" % summary.moved_network)
        changes = [c for c in reg.release_changes(release)
                   if c.entity == "network_membership"]
        for c in changes:
            network = c.new_value or c.old_value or ""
            name = reg.network(network).name if network else ""
            what = ACTIONS.get(c.action or "", c.action)
            if c.action == "move":
                what = "moved from %s to" % c.old_value
            print("%s  %s  %s %s %s" % (c.effective_date, c.code, what, network, name))
        print("%d practices' networks changed" % len({c.code for c in changes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
