#!/usr/bin/env python3
"""Write the ODS XML "HSCOrgRefData" fixtures of this folder (see README.md).

    python3 tests/data/ods-xml/make.py

Rewrites every file byte for byte the same: the XML is fixed text, the zips
have fixed dates and are listed in a fixed order. Every code, name and
address is made up (practices F81001-F81003, commissioner 99F, sub-ICB
location 97H, ICB QF1, region Y63, PCNs U99001-U99002), as in ../README.md.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "http://refdata.hscic.gov.uk/org/v2-0-0"
ROOT = "2.16.840.1.113883.2.1.3.2.4.18.48"


def head(kind, date="2025-01-06", count=0):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<HSCOrgRefData:OrgRefData xmlns:HSCOrgRefData="%s">\n'
            "  <Manifest>\n"
            '    <Version value="2-0-0"/>\n'
            '    <PublicationType value="%s"/>\n'
            '    <PublicationSource value="HSCOrgRefData"/>\n'
            '    <PublicationDate value="%s"/>\n'
            '    <PublicationSeqNum value="2000"/>\n'
            '    <RecordCount value="%d"/>\n'
            "  </Manifest>\n"
            "  <Organisations>\n" % (NS, kind, date, count))


TAIL = ("  </Organisations>\n"
        "  <CodeSystems>\n"
        '    <CodeSystem name="OrganisationRelationship" oid="2.16.840.1.113883.2.1.3.2.4.17.508">\n'
        '      <concept id="RE4" code="4" displayName="IS COMMISSIONED BY"/>\n'
        "    </CodeSystem>\n"
        "  </CodeSystems>\n"
        "</HSCOrgRefData:OrgRefData>\n")


def dates(ind, op=None, legal=None, extra=None):
    """<Date> blocks: Legal first, then Operational, each (start, end)."""
    out = ""
    for kind, period in (("Legal", legal), ("Operational", op), (extra, ("2030-01-01", None))):
        if not period or not kind:
            continue
        out += "%s<Date>\n%s  <Type value=\"%s\"/>\n%s  <Start value=\"%s\"/>\n" % (
            ind, ind, kind, ind, period[0])
        if period[1]:
            out += '%s  <End value="%s"/>\n' % (ind, period[1])
        out += "%s</Date>\n" % ind
    return out


def orgid(ind, code):
    return '%s<OrgId root="%s" assigningAuthorityName="HSCIC" extension="%s"/>\n' % (ind, ROOT, code)


def target(ind, code, role):
    return "%s<Target>\n%s%s  <PrimaryRoleId id=\"%s\" uniqueRoleId=\"1%s\"/>\n%s</Target>\n" % (
        ind, orgid(ind + "  ", code), ind, role, len(code), ind)


def role(rid, status, op=None, legal=None, primary=False):
    return ('      <Role id="%s" uniqueRoleId="55%d"%s>\n%s        <Status value="%s"/>\n'
            "      </Role>\n" % (rid, len(rid), ' primaryRole="true"' if primary else "",
                                 dates("        ", op, legal), status))


def rel(rid, code, trole, status, op=None, legal=None):
    return ('      <Rel id="%s" uniqueRelId="66%d">\n%s        <Status value="%s"/>\n%s'
            "      </Rel>\n" % (rid, len(code), dates("        ", op, legal), status,
                                target("        ", code, trole)))


def succ(kind, code, trole, start, forward=False):
    return ('      <Succ uniqueSuccId="77%d"%s>\n%s        <Type>%s</Type>\n%s      </Succ>\n'
            % (len(code), ' forwardSuccession="true"' if forward else "",
               dates("        ", None, (start, None)), kind, target("        ", code, trole)))


def location(lines, town, county, postcode, uprn=None):
    out = "    <GeoLoc>\n      <Location>\n"
    for i, text in enumerate(lines):
        out += "        <AddrLn%d>%s</AddrLn%d>\n" % (i + 1, text, i + 1)
    out += "        <Town>%s</Town>\n        <County>%s</County>\n" % (town, county)
    out += "        <PostCode>%s</PostCode>\n        <Country>ENGLAND</Country>\n" % postcode
    if uprn:
        out += "        <UPRN>%s</UPRN>\n" % uprn
    return out + "      </Location>\n    </GeoLoc>\n"


def org(code, cls, name, status, last_change, op=None, legal=None, geo="", contacts=(),
        roles=(), rels=(), succs=(), ref_only=False, extra_date=None, extra=""):
    out = '    <Organisation orgRecordClass="%s"%s>\n' % (cls, ' refOnly="true"' if ref_only else "")
    if name is not None:
        out += "    <Name>%s</Name>\n" % name
    out += dates("    ", op, legal, extra_date)
    out += orgid("    ", code)
    out += '    <Status value="%s"/>\n    <LastChangeDate value="%s"/>\n' % (status, last_change)
    out += geo
    if contacts:
        out += "    <Contacts>\n"
        for kind, value in contacts:
            out += '      <Contact type="%s" value="%s"/>\n' % (kind, value)
        out += "    </Contacts>\n"
    out += extra
    for tag, items in (("Roles", roles), ("Rels", rels), ("Succs", succs)):
        if items:
            out += "    <%s>\n%s    </%s>\n" % (tag, "".join(items), tag)
    return out + "    </Organisation>\n"


def stub(code, cls="RC1"):
    """A record complete in the other file."""
    return ('    <Organisation orgRecordClass="%s" refOnly="true">\n%s    </Organisation>\n'
            % (cls, orgid("      ", code)))


# ---- the good files ----------------------------------------------------------

PRACTICE = org(
    "F81001", "RC1", "THE OAK &amp; ASH SURGERY", "Active", "2024-11-02",
    op=("1974-04-01", None), legal=("1974-04-01", None),
    geo=location(["OAK HOUSE", "1 HIGH STREET", "NORTH WING"], "NEWTOWN", "ESSEX", "CM1 1AA",
                 "100091234567"),
    contacts=[("fax", "01245 000001"), ("tel", "01245 000000"), ("tel", "01245 999999")],
    roles=[role("RO177", "Active", ("1974-04-01", None), ("1974-04-01", None), primary=True),
           role("RO76", "Active", ("2014-04-15", None))],
    rels=[rel("RE4", "5PX", "RO179", "Inactive", ("1999-04-01", "2013-03-31"),
              ("1999-04-01", "2013-03-31")),
          rel("RE4", "99F", "RO98", "Inactive", ("2013-04-01", "2022-06-30")),
          rel("RE4", "97H", "RO319", "Active", ("2022-07-01", None), ("2022-07-01", None)),
          rel("RE8", "U99001", "RO272", "Active", ("2019-07-01", None))],
    # ODS adds elements and periods from time to time: ignored.
    extra_date="Planned",
    extra="    <SupplementaryInfo kind=\"new\">\n      <Note>ignored</Note>\n    </SupplementaryInfo>\n")

CCG = org(
    "99F", "RC1", "NHS MADE-UP CCG", "Inactive", "2022-07-05", op=("2013-04-01", "2022-06-30"),
    geo=location(["CCG HOUSE"], "NEWTOWN", "ESSEX", "CM1 9ZZ"),
    roles=[role("RO98", "Inactive", ("2013-04-01", "2022-06-30"), primary=True)],
    rels=[rel("RE5", "Y63", "RO209", "Inactive", ("2013-04-01", "2022-06-30")),
          rel("RE5", "QF1", "RO318", "Inactive", ("2020-04-01", "2022-06-30"))],
    succs=[succ("Successor", "97H", "RO319", "2022-07-01")])

SUB_ICB = org(
    "97H", "RC1", "NHS MADE-UP ICB - 97H", "Active", "2022-07-05", op=("2022-07-01", None),
    roles=[role("RO319", "Active", ("2022-07-01", None), primary=True)],
    rels=[rel("RE5", "QF1", "RO318", "Active", ("2022-07-01", None))],
    succs=[succ("Predecessor", "99F", "RO98", "2022-07-01", forward=True)])

ICB = org("QF1", "RC1", "NHS MADE-UP INTEGRATED CARE BOARD", "Active", "2022-07-05",
          op=("2022-07-01", None),
          roles=[role("RO318", "Active", ("2022-07-01", None), primary=True)],
          rels=[rel("RE5", "Y63", "RO209", "Active", ("2022-07-01", None))])

REGION = org("Y63", "RC1", "NORTH EAST AND YORKSHIRE", "Active", "2020-04-01",
             op=("2018-04-01", None),
             roles=[role("RO209", "Active", ("2018-04-01", None), primary=True)])

PCN = org("U99001", "RC1", "MADE-UP PCN", "Active", "2021-04-05", op=("2019-07-01", None),
          roles=[role("RO272", "Active", ("2019-07-01", None), primary=True)],
          rels=[rel("RE4", "97H", "RO319", "Active", ("2022-07-01", None))],
          succs=[succ("Successor", "U99002", "RO272", "2021-04-01")])

SITE = org("F81001001", "RC2", "<![CDATA[OAK BRANCH <SITE>]]>", "Active", "2015-04-15",
           op=("2004-04-01", None),
           roles=[role("RO96", "Active", ("2004-04-01", None), primary=True)],
           rels=[rel("RE6", "F81001", "RO177", "Active", ("2004-04-01", None))])

# F81002 closed in 2019: a stub in the full file, complete in the archive.
CLOSED = org(
    "F81002", "RC1", "THE ELM SURGERY", "Inactive", "2019-04-02",
    op=("1980-01-01", "2019-03-31"), legal=("1980-01-01", "2019-03-31"),
    geo=location(["ELM HOUSE"], "OLDTOWN", "ESSEX", "CM2 2BB"),
    roles=[role("RO177", "Inactive", ("1980-01-01", "2019-03-31"), primary=True),
           role("RO76", "Inactive", ("2014-04-15", "2019-03-31"))],
    rels=[rel("RE4", "99F", "RO98", "Inactive", ("2013-04-01", "2019-03-31"))],
    succs=[succ("Successor", "F81001", "RO177", "2019-04-01")])

FULL = head("Full", count=9) + PRACTICE + CCG + SUB_ICB + ICB + REGION + PCN + SITE + \
    stub("F81002") + org("F81003", "RC1", None, "Active", "2024-01-01",
                         roles=[role("RO177", "Active", ("2024-01-01", None), primary=True)]) + TAIL
ARCHIVE = head("Archive", count=2) + CLOSED + stub("99F") + TAIL

# ---- the bad files ------------------------------------------------------------


def one(body):
    """A one-organisation full file around @p body."""
    return head("Full", count=1) + body + TAIL


def practice(rels_start="2013-04-01", code="F81001"):
    return org(code, "RC1", "THE OAK SURGERY", "Active", "2024-11-02", op=("1974-04-01", None),
               roles=[role("RO177", "Active", ("1974-04-01", None), primary=True)],
               rels=[rel("RE4", "99F", "RO98", "Active", (rels_start, None))])


DEEP = 100
BAD = {
    "not-xml.xml": "ODS code,Name\nF81001,THE OAK SURGERY\n",
    "wrong-root.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n'
                       '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n'
                       "  <Organisations/>\n</Workbook>\n"),
    "wrong-namespace.xml": head("Full").replace(NS, "http://example.org/org/v9") + TAIL,
    "truncated.xml": (head("Full", count=2) + REGION + ICB)[:-200],
    "impossible-date.xml": one(practice(rels_start="2021-02-30")),
    "code-too-long.xml": one(practice(code="F81001F81001F81001")),
    "missing-orgid.xml": one('    <Organisation orgRecordClass="RC1">\n'
                             "      <Name>NO CODE</Name>\n    </Organisation>\n"),
    "deep-nesting.xml": one('    <Organisation orgRecordClass="RC1">\n' + orgid("      ", "F81001")
                            + "<a>" * DEEP + "</a>" * DEEP + "\n    </Organisation>\n"),
    "external-entity.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n'
                            '<!DOCTYPE HSCOrgRefData:OrgRefData [\n'
                            '  <!ENTITY secret SYSTEM "secret.txt">\n]>\n'
                            + head("Full", count=1).split("\n", 1)[1]
                            + practice().replace("THE OAK SURGERY", "&secret;") + TAIL),
    "billion-laughs.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n'
                           "<!DOCTYPE HSCOrgRefData:OrgRefData [\n"
                           '  <!ENTITY l0 "ha">\n'
                           + "".join('  <!ENTITY l%d "%s">\n' % (i, ("&l%d;" % (i - 1)) * 10)
                                     for i in range(1, 10))
                           + "]>\n" + head("Full", count=1).split("\n", 1)[1]
                           + practice().replace("THE OAK SURGERY", "&l9;") + TAIL),
}
SECRET = "SECRET-READ-THROUGH-AN-EXTERNAL-ENTITY\n"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def write_zip(path, entries):
    """A zip with fixed dates, so that it is the same bytes every time."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 6, 3, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=6)


def main():
    full_name = "HSCOrgRefData_Full_20250106.xml"
    archive_name = "HSCOrgRefData_Archive_20250106.xml"
    write(os.path.join(HERE, full_name), FULL)
    write(os.path.join(HERE, archive_name), ARCHIVE)
    # The archive first in the zip's order: the reader must still read the
    # full file first.
    write_zip(os.path.join(HERE, "HSCOrgRefData_20250106.zip"),
              [("readme.txt", "Made-up ODS XML fixture.\n"),
               (archive_name, ARCHIVE), (full_name, FULL)])
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    for name, text in sorted(BAD.items()):
        write(os.path.join(bad, name), text)
    write(os.path.join(bad, "secret.txt"), SECRET)
    write_zip(os.path.join(bad, "no-xml.zip"), [("readme.txt", "no XML here\n")])
    # A zip whose compressed stream is damaged half way: the reader must
    # say so, not hand out what inflates.
    damaged = os.path.join(bad, "damaged.zip")
    write_zip(damaged, [(full_name, FULL)])
    with open(damaged, "rb") as f:
        data = bytearray(f.read())
    start = 30 + len(full_name)  # the local header, then the compressed bytes
    middle = start + 400
    for i in range(middle, middle + 16):
        data[i] ^= 0x5A
    write(damaged, bytes(data))


if __name__ == "__main__":
    main()
