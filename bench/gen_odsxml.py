#!/usr/bin/env python3
"""Write a made-up ODS XML "HSCOrgRefData" Full file of N organisations.

    gen_odsxml.py [N] [-o FILE]       N defaults to 306000 (the real file's size)

The structure and the mix follow the real file (see /work/shared/data/README.md,
"ods-xml"): most organisations are not practices (branch sites, pharmacies,
trusts, opticians, dentists); about 10,000 in 306,000 are GP practices with a
prescribing role and several dated RE4 (commissioned by) and RE8 (partner of a
PCN) relationships; there are CCGs, sub-ICB locations, ICBs and regions with
RE5 relationships, and PCNs and CCGs with successions. Organisations average
about 2.2 KB, so the default makes about 660 MB, as the real file is.

Everything is derived from the organisation's number (no randomness), so the
same N gives the same bytes. Output goes to stdout or FILE in large chunks.
"""
import argparse
import os
import sys

ROOT = "2.16.840.1.113883.2.1.3.2.4.18.48"
NS = "http://refdata.hscic.gov.uk/org/v2-0-0"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<HSCOrgRefData:OrgRefData xmlns:HSCOrgRefData="%s">
  <Manifest>
    <Version value="2-0-0"/>
    <PublicationType value="Full"/>
    <PublicationSource value="HSCOrgRefData"/>
    <PublicationDate value="2025-01-06"/>
    <PublicationSeqNum value="2000"/>
    <FileCreationDateTime value="2025-01-06T03:00:00"/>
    <RecordCount value="%d"/>
    <ContentDescription value="FullFile"/>
    <PrimaryRoleScope>
      <PrimaryRole id="RO177" displayName="PRESCRIBING COST CENTRE"/>
    </PrimaryRoleScope>
  </Manifest>
  <Organisations>
"""

TAIL = """  </Organisations>
  <CodeSystems>
    <CodeSystem name="OrganisationRelationship" oid="2.16.840.1.113883.2.1.3.2.4.17.508">
      <concept id="RE4" code="4" displayName="IS COMMISSIONED BY"/>
      <concept id="RE5" code="5" displayName="IS LOCATED IN THE GEOGRAPHY OF"/>
      <concept id="RE6" code="6" displayName="IS OPERATED BY"/>
      <concept id="RE8" code="8" displayName="IS PARTNER TO"/>
    </CodeSystem>
    <CodeSystem name="OrganisationRole" oid="2.16.840.1.113883.2.1.3.2.4.17.507">
      <concept id="RO76" code="76" displayName="GP PRACTICE"/>
      <concept id="RO177" code="177" displayName="PRESCRIBING COST CENTRE"/>
      <concept id="RO98" code="98" displayName="CLINICAL COMMISSIONING GROUP"/>
      <concept id="RO272" code="272" displayName="PRIMARY CARE NETWORK"/>
    </CodeSystem>
  </CodeSystems>
</HSCOrgRefData:OrgRefData>
"""

STREETS = ["HIGH STREET", "STATION ROAD", "CHURCH LANE", "MILL ROAD", "PARK AVENUE",
           "LONDON ROAD", "VICTORIA ROAD", "GREEN LANE", "MANOR ROAD", "QUEENS ROAD"]
TOWNS = [("LEEDS", "WEST YORKSHIRE", "LS"), ("SHEFFIELD", "SOUTH YORKSHIRE", "S"),
         ("BRISTOL", "AVON", "BS"), ("NOTTINGHAM", "NOTTINGHAMSHIRE", "NG"),
         ("PORTSMOUTH", "HAMPSHIRE", "PO"), ("NORWICH", "NORFOLK", "NR"),
         ("EXETER", "DEVON", "EX"), ("YORK", "NORTH YORKSHIRE", "YO")]


def date(i, base_year):
    return "%04d-%02d-%02d" % (base_year + i % 20, 1 + i % 12, 1 + i % 28)


def dates(indent, start, end=None, legal=None):
    """A <Date> list: Operational, and Legal when given (start, end)."""
    out = []
    for kind, (s, e) in (("Legal", legal), ("Operational", (start, end))):
        if s is None:
            continue
        out.append('%s<Date>\n%s  <Type value="%s"/>\n%s  <Start value="%s"/>\n'
                   % (indent, indent, kind, indent, s))
        if e:
            out.append('%s  <End value="%s"/>\n' % (indent, e))
        out.append("%s</Date>\n" % indent)
    return "".join(out)


def role(rid, unique, start, end=None, primary=False, legal=(None, None)):
    status = "Inactive" if end else "Active"
    return ('        <Role id="%s" uniqueRoleId="%d"%s>\n%s          <Status value="%s"/>\n'
            "        </Role>\n"
            % (rid, unique, ' primaryRole="true"' if primary else "",
               dates("          ", start, end, legal), status))


def rel(rid, unique, target, target_role, start, end=None, legal=(None, None)):
    status = "Inactive" if end else "Active"
    return ('        <Rel id="%s" uniqueRelId="%d">\n%s          <Status value="%s"/>\n'
            "          <Target>\n"
            '            <OrgId root="%s" assigningAuthorityName="HSCIC" extension="%s"/>\n'
            '            <PrimaryRoleId id="%s" uniqueRoleId="%d"/>\n'
            "          </Target>\n        </Rel>\n"
            % (rid, unique, dates("          ", start, end, legal), status, ROOT, target,
               target_role, unique + 7))


def succ(kind, unique, target, target_role, start, forward=False):
    return ('        <Succ uniqueSuccId="%d"%s>\n%s          <Type>%s</Type>\n'
            "          <Target>\n"
            '            <OrgId root="%s" assigningAuthorityName="HSCIC" extension="%s"/>\n'
            '            <PrimaryRoleId id="%s" uniqueRoleId="%d"/>\n'
            "          </Target>\n        </Succ>\n"
            % (unique, ' forwardSuccession="true"' if forward else "",
               dates("          ", None, None, (start, None)), kind, ROOT, target, target_role,
               unique + 3))


def organisation(i, code, name, record_class, start, end, roles, rels=(), succs=(), tel=True):
    town, county, area = TOWNS[i % len(TOWNS)]
    status = "Inactive" if end else "Active"
    parts = ['    <Organisation orgRecordClass="%s">\n      <Name>%s</Name>\n' % (record_class, name),
             dates("      ", start, end, (start, end) if i % 3 == 0 else (None, None)),
             '      <OrgId root="%s" assigningAuthorityName="HSCIC" extension="%s"/>\n' % (ROOT, code),
             '      <Status value="%s"/>\n      <LastChangeDate value="%s"/>\n'
             % (status, date(i, 2005)),
             "      <GeoLoc>\n        <Location>\n"
             "          <AddrLn1>%s HOUSE</AddrLn1>\n"
             "          <AddrLn2>%d %s</AddrLn2>\n"
             "          <Town>%s</Town>\n          <County>%s</County>\n"
             "          <PostCode>%s%d %dAB</PostCode>\n          <Country>ENGLAND</Country>\n"
             "          <UPRN>%d</UPRN>\n"
             "        </Location>\n      </GeoLoc>\n"
             % (name.split()[0], 1 + i % 200, STREETS[i % len(STREETS)], town, county, area,
                1 + i % 30, i % 10, 100000000 + i)]
    if tel:
        parts.append('      <Contacts>\n        <Contact type="tel" value="0%010d"/>\n'
                     '        <Contact type="http" value="www.example.nhs.uk"/>\n'
                     "      </Contacts>\n" % (1130000000 + i))
    parts.append("      <Roles>\n%s      </Roles>\n" % "".join(roles))
    if rels:
        parts.append("      <Rels>\n%s      </Rels>\n" % "".join(rels))
    if succs:
        parts.append("      <Succs>\n%s      </Succs>\n" % "".join(succs))
    parts.append("    </Organisation>\n")
    return "".join(parts)


def kinds(n):
    """How many of each kind in n organisations, scaled from the real file."""
    def share(k):
        return max(1, n * k // 306000)
    counts = {"region": share(7), "icb": share(42), "ccg": share(200), "subicb": share(106),
              "pcn": share(1250), "practice": share(10000)}
    rest = n - sum(counts.values())
    counts["other"] = max(0, rest)
    return counts


def generate(n, write):
    counts = kinds(n)
    write(HEAD % (NS, n))
    regions = ["Y%02d" % (56 + k) for k in range(counts["region"])]
    icbs = ["Q%s" % base36(k, 2) for k in range(counts["icb"])]
    ccgs = ["%02d%s" % (k % 100, "ABCDEFGHJKLMNPQRSTUVWXYZ"[k // 100 % 24]) for k in range(counts["ccg"])]
    subicbs = ["%02d%s" % (k % 100, "ZYXWVUTSRQPNMLK"[k // 100 % 15]) for k in range(counts["subicb"])]
    pcns = ["U%05d" % k for k in range(counts["pcn"])]
    i = 0
    buf = []
    size = 0

    def emit(text):
        nonlocal size
        buf.append(text)
        size += len(text)
        if size >= 1 << 22:
            write("".join(buf))
            buf.clear()
            size = 0

    for k, code in enumerate(regions):
        emit(organisation(i, code, "NHS ENGLAND REGION %d" % k, "RC1", "2018-04-01", None,
                          [role("RO209", 900000 + i, "2018-04-01", primary=True)], tel=False))
        i += 1
    for k, code in enumerate(icbs):
        emit(organisation(i, code, "NHS INTEGRATED CARE BOARD %d" % k, "RC1", "2022-07-01", None,
                          [role("RO318", 900000 + i, "2022-07-01", primary=True)],
                          [rel("RE5", 800000 + i, regions[k % len(regions)], "RO209", "2022-07-01")],
                          tel=False))
        i += 1
    for k, code in enumerate(ccgs):
        emit(organisation(i, code, "NHS CLINICAL COMMISSIONING GROUP %d" % k, "RC1", "2013-04-01",
                          "2022-06-30",
                          [role("RO98", 900000 + i, "2013-04-01", "2022-06-30", primary=True)],
                          [rel("RE5", 800000 + i, regions[k % len(regions)], "RO209", "2013-04-01",
                               "2022-06-30")],
                          [succ("Successor", 700000 + i, subicbs[k % len(subicbs)], "RO319",
                                "2022-07-01")], tel=False))
        i += 1
    for k, code in enumerate(subicbs):
        emit(organisation(i, code, "NHS SUB ICB LOCATION %d" % k, "RC1", "2022-07-01", None,
                          [role("RO319", 900000 + i, "2022-07-01", primary=True)],
                          [rel("RE5", 800000 + i, icbs[k % len(icbs)], "RO318", "2022-07-01")],
                          [succ("Predecessor", 700000 + i, ccgs[k % len(ccgs)], "RO98",
                                "2022-07-01", forward=True)], tel=False))
        i += 1
    for k, code in enumerate(pcns):
        succs = []
        if k % 10 == 0 and k + 1 < len(pcns):
            succs.append(succ("Successor", 700000 + i, pcns[k + 1], "RO272", "2021-04-01"))
        emit(organisation(i, code, "PRIMARY CARE NETWORK %d" % k, "RC1", "2019-07-01", None,
                          [role("RO272", 900000 + i, "2019-07-01", primary=True)],
                          [rel("RE4", 800000 + i, subicbs[k % len(subicbs)], "RO319", "2022-07-01")],
                          succs))
        i += 1
    for k in range(counts["practice"]):
        code = "%s%05d" % ("ABCDEFGHJKLMNPY"[k % 15], 81000 + k // 15)
        ccg, sub, pcn = ccgs[k % len(ccgs)], subicbs[k % len(subicbs)], pcns[k % len(pcns)]
        rels = [rel("RE4", 800000 + 3 * i, "5%s%d" % ("ABCDEFGH"[k % 8], k % 10), "RO179",
                    "1999-04-01", "2013-03-31", legal=("1999-04-01", "2013-03-31")),
                rel("RE4", 800001 + 3 * i, ccg, "RO98", "2013-04-01", "2022-06-30"),
                rel("RE4", 800002 + 3 * i, sub, "RO319", "2022-07-01"),
                rel("RE8", 810000 + 3 * i, pcn, "RO272", "2019-07-01")]
        succs = []
        if k % 50 == 0:
            succs.append(succ("Successor", 700000 + i, "%s%05d" % ("ABCDEFGHJKLMNPY"[k % 15], 99999),
                              "RO177", "2020-04-01"))
        emit(organisation(i, code, "THE %s MEDICAL PRACTICE" % STREETS[k % len(STREETS)], "RC1",
                          "1974-04-01", None,
                          [role("RO177", 900000 + i, "1974-04-01", primary=True),
                           role("RO76", 910000 + i, "2014-04-15")], rels, succs))
        i += 1
    # The rest: branch sites, pharmacies, trusts, opticians, dentists.
    for k in range(counts["other"]):
        kind = k % 10
        if kind < 4:  # a branch site of a practice or a trust
            code, cls, name, prim = "%s%08d" % ("CDEFGH"[k % 6], k), "RC2", "BRANCH SURGERY %d" % k, "RO96"
            rels = [rel("RE6", 800000 + i, "%s%05d" % ("CDEFGH"[k % 6], k % 90000), "RO177", "2004-04-01")]
        elif kind < 7:  # a pharmacy
            code, cls, name, prim = "F%s" % base36(k, 4), "RC1", "PHARMACY %d LIMITED" % k, "RO182"
            rels = [rel("RE5", 800000 + i, icbs[k % len(icbs)], "RO318", "2022-07-01"),
                    rel("RE4", 800001 + i, subicbs[k % len(subicbs)], "RO319", "2022-07-01")]
        elif kind < 8:  # an NHS trust site
            code, cls, name, prim = "R%s" % base36(k, 5), "RC2", "GENERAL HOSPITAL WING %d" % k, "RO198"
            rels = [rel("RE6", 800000 + i, "R%s" % base36(k, 2), "RO197", "1992-04-01")]
        else:  # an optician or a dentist
            code, cls, name, prim = "V%s" % base36(k, 5), "RC1", "HIGH STREET CARE %d" % k, "RO101"
            rels = [rel("RE4", 800000 + i, subicbs[k % len(subicbs)], "RO319", "2022-07-01")]
        end = "2019-03-31" if k % 7 == 0 else None
        roles = [role(prim, 900000 + i, "2004-04-01", end, primary=True),
                 role("RO57", 920000 + i, "2010-04-01", "2015-03-31")]
        if k % 4:
            roles.append(role("RO58", 930000 + i, "2015-04-01", end))
        emit(organisation(i, code, name, cls, "2004-04-01", end, roles, rels))
        i += 1
    emit(TAIL)
    write("".join(buf))


def base36(k, width):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = []
    for _ in range(width):
        out.append(digits[k % 36])
        k //= 36
    return "".join(reversed(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=306000, help="organisations (306000)")
    ap.add_argument("-o", "--output", help="the file to write (stdout when absent)")
    args = ap.parse_args()
    if args.n < 7:
        ap.error("N must be at least 7 (one of each kind)")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            generate(args.n, out.write)
    else:
        try:
            generate(args.n, sys.stdout.write)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped early (| head): not an error of ours.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)


if __name__ == "__main__":
    main()
