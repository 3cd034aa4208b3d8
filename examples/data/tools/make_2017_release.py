#!/usr/bin/env python3
"""Write 04-epraccur-2017.csv: the sample's practices as an epraccur release of
31 January 2017 would list them, derived from 04-epraccur.csv (the 2021 release).

In 2017 every sample CCG was still open: each practice's membership has no
left date. One practice had another name then (F91002 was renamed by 2021), so
that names as of a date have something to show.

usage: make_2017_release.py DATA_DIR
"""
import csv, os, sys

RELEASED = '20170131'
NAMES_2017 = {'F91002': 'FICTIONAL BRIARLANTERN MEDICAL CENTRE'}

data = sys.argv[1]
rows = list(csv.reader(open(os.path.join(data, '04-epraccur.csv'), newline='')))
out = []
for r in rows:
    if r[10] > RELEASED:  # opened later: not in a 2017 release
        continue
    r = list(r)
    r[1] = NAMES_2017.get(r[0], r[1])
    if r[16] > RELEASED:  # left its CCG after the release: not known then
        r[16] = ''
    out.append(r)
with open(os.path.join(data, '04-epraccur-2017.csv'), 'w', newline='') as f:
    csv.writer(f, lineterminator='\n', quoting=csv.QUOTE_ALL).writerows(out)
