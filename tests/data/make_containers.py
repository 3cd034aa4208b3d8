#!/usr/bin/env python3
"""Writes the good files that are not CSV, from the good CSVs beside them.

  python3 tests/data/make_containers.py

good/ePCN.xlsx        the two ePCN sheets of good/ as ODS publishes them: a
                      workbook whose sheets hold exactly the rows of
                      ePCN_PCNDetails.csv and ePCN_PCN_Core_Partner_Details.csv
                      (text in shared strings, the multi-line header cells kept,
                      dates as numbers, as some ODS releases have them), so the
                      workbook and the CSVs are the same two releases.
good/epraccur.zip     good/epraccur.csv zipped, as ODS ships its CSV files.
good/HSCOrgRefData_Full.xml
                      the same made-up organisations in the ODS XML: F81001-F81003
                      with dated RE4 (97H, then 99F) and RE8 relationships, the
                      CCGs with RE5 to their region, a PCN, 97H's succession by 99F,
                      a stub (refOnly), a pharmacy (not modelled) and the primary care
                      trust that commissioned F81001 before 2013.

Standard library only; zip timestamps are fixed, so the output is the same
byte for byte each run.
"""
import csv
import io
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "good")
STAMP = (2022, 5, 1, 0, 0, 0)


def read_csv(name):
    with open(os.path.join(GOOD, name), encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f)]


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def sheet_xml(rows, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append('<row r="%d">' % r)
        for c, value in enumerate(row):
            ref = "%s%d" % (column(c), r)
            if value == "":
                continue  # a workbook leaves empty cells out
            if r > 1 and value.isdigit() and len(value) == 8:
                out.append('<c r="%s"><v>%s</v></c>' % (ref, value))
            elif value in ("TRUE", "FALSE"):
                out.append('<c r="%s" t="b"><v>%d</v></c>' % (ref, value == "TRUE"))
            else:
                if value not in strings:
                    strings[value] = len(strings)
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, strings[value]))
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def workbook():
    strings = {}
    details = sheet_xml(read_csv("ePCN_PCNDetails.csv"), strings)
    partners = sheet_xml(read_csv("ePCN_PCN_Core_Partner_Details.csv"), strings)
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
              ' count="%d" uniqueCount="%d">' % (len(strings), len(strings))]
    for text in sorted(strings, key=strings.get):
        shared.append('<si><t xml:space="preserve">%s</t></si>' % escape(text))
    shared.append('</sst>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' \
         ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>' % rel),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<workbook %s><sheets>'
         '<sheet name="PCNDetails" sheetId="1" r:id="rId1"/>'
         '<sheet name="PCN Core Partner Details" sheetId="2" r:id="rId2"/>'
         '</sheets></workbook>' % ns),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="%s/worksheet" Target="worksheets/sheet2.xml"/>'
         '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
         '</Relationships>' % (rel, rel, rel)),
        ("xl/sharedStrings.xml", "".join(shared)),
        ("xl/worksheets/sheet1.xml", details),
        ("xl/worksheets/sheet2.xml", partners),
    ]
    write_zip(os.path.join(GOOD, "ePCN.xlsx"), parts)


def date(kind, start, end=None):
    text = '<Date><Type value="%s"/><Start value="%s"/>' % (kind, start)
    if end:
        text += '<End value="%s"/>' % end
    return text + '</Date>'


def org(code, name, roles, rels=(), succs=(), life=("1974-04-01", None), status="Active",
        cls="RC1", address=("1 EXAMPLE ROAD", "FICTIONTON", "FX1 1AA"), ref_only=False):
    if ref_only:
        return ('<Organisation orgRecordClass="%s" refOnly="true">'
                '<OrgId root="2.16.840.1.113883.2.1.3.2.4.18.48" assigningAuthorityName="HSCIC"'
                ' extension="%s"/></Organisation>\n' % (cls, code))
    out = ['<Organisation orgRecordClass="%s">' % cls, '<Name>%s</Name>' % escape(name),
           date("Operational", *life),
           '<OrgId root="2.16.840.1.113883.2.1.3.2.4.18.48" assigningAuthorityName="HSCIC"'
           ' extension="%s"/>' % code,
           '<Status value="%s"/>' % status, '<LastChangeDate value="2022-05-01"/>',
           '<GeoLoc><Location><AddrLn1>%s</AddrLn1><Town>%s</Town><PostCode>%s</PostCode>'
           '<Country>ENGLAND</Country></Location></GeoLoc>' % address, '<Roles>']
    for i, (role, primary) in enumerate(roles):
        out.append('<Role id="%s" uniqueRoleId="%d"%s>%s<Status value="Active"/></Role>'
                   % (role, 1000 + i, ' primaryRole="true"' if primary else "",
                      date("Operational", life[0])))
    out.append('</Roles>')
    if rels:
        out.append('<Rels>')
        for i, (rid, target, role, start, end) in enumerate(rels):
            out.append('<Rel id="%s" uniqueRelId="%d">%s<Status value="%s"/><Target>'
                       '<OrgId root="2.16.840.1.113883.2.1.3.2.4.18.48"'
                       ' assigningAuthorityName="HSCIC" extension="%s"/>'
                       '<PrimaryRoleId id="%s" uniqueRoleId="%d"/></Target></Rel>'
                       % (rid, 2000 + i, date("Operational", start, end),
                          "Inactive" if end else "Active", target, role, 3000 + i))
        out.append('</Rels>')
    if succs:
        out.append('<Succs>')
        for i, (kind, target, role, when) in enumerate(succs):
            out.append('<Succ uniqueSuccId="%d">%s<Type>%s</Type><Target>'
                       '<OrgId root="2.16.840.1.113883.2.1.3.2.4.18.48"'
                       ' assigningAuthorityName="HSCIC" extension="%s"/>'
                       '<PrimaryRoleId id="%s" uniqueRoleId="%d"/></Target></Succ>'
                       % (4000 + i, date("Legal", when), kind, target, role, 5000 + i))
        out.append('</Succs>')
    out.append('</Organisation>\n')
    return "\n".join(out)


def ods_xml():
    practice = [("RO177", True), ("RO76", False)]
    orgs = [
        org("F81001", "FICTIONAL MEADOW SURGERY", practice,
            rels=[("RE4", "5QX", "RO179", "2002-04-01", "2013-03-31"),
                  ("RE4", "97H", "RO98", "2013-04-01", "2020-03-31"),
                  ("RE4", "99F", "RO98", "2020-04-01", None),
                  ("RE8", "U99001", "RO272", "2019-07-01", None)]),
        org("F81002", "IMAGINARY LANE PRACTICE", practice, life=("1990-01-01", None),
            address=("2 IMAGINARY LANE", "FICTIONTON", "FX2 2BB"),
            rels=[("RE4", "99F", "RO98", "2013-04-01", None),
                  ("RE8", "U99002", "RO272", "2019-07-01", None)]),
        org("F81003", "PRETEND VILLAGE SURGERY", practice, life=("1980-04-01", "2020-12-31"),
            status="Inactive", address=("3 PRETEND GREEN", "FICTIONTON", "FX3 3CC"),
            rels=[("RE4", "99F", "RO98", "2013-04-01", "2020-12-31")]),
        org("99F", "NHS FICTIONAL VALE CCG", [("RO98", True)], life=("2013-04-01", None),
            address=("1 FICTION STREET", "FICTIONTON", "FX9 9ZZ"),
            rels=[("RE5", "Y56", "RO209", "2013-04-01", None)],
            succs=[("Predecessor", "97H", "RO98", "2020-03-31")]),
        org("97H", "NHS FORMER FICTIONAL CCG", [("RO98", True)],
            life=("2013-04-01", "2020-03-31"), status="Inactive",
            address=("1 FICTION STREET", "FICTIONTON", "FX9 9ZZ"),
            rels=[("RE5", "Y56", "RO209", "2013-04-01", "2020-03-31")],
            succs=[("Successor", "99F", "RO98", "2020-03-31")]),
        org("U99001", "FICTIONAL CENTRAL PCN", [("RO272", True)], life=("2019-07-01", None),
            address=("1 NETWORK WAY", "FICTIONTON", "FX1 1AA"),
            rels=[("RE4", "99F", "RO98", "2019-07-01", None)]),
        org("5QX", "FICTIONAL PRIMARY CARE TRUST", [("RO179", True)],
            life=("2002-04-01", "2013-03-31"), status="Inactive",
            address=("1 TRUST ROAD", "FICTIONTON", "FX9 9ZZ")),
        org("FX123", "FICTIONAL PHARMACY", [("RO182", True)], life=("2001-01-01", None)),
        org("U99002", "", [], cls="RC1", ref_only=True),
    ]
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<HSCOrgRefData:OrgRefData xmlns:HSCOrgRefData="http://refdata.hscic.gov.uk/org/v2-0-0">\n'
            '<Manifest><Version value="2-0-0"/><PublicationType value="Full"/>'
            '<PublicationSource value="HSCOrgRefData"/><PublicationDate value="2022-05-01"/>'
            '<PublicationSeqNum value="1"/><FileCreationDateTime value="2022-05-01T00:00:00"/>'
            '<RecordCount value="%d"/><ContentDescription value="FullFile"/></Manifest>\n'
            '<Organisations>\n%s</Organisations>\n</HSCOrgRefData:OrgRefData>\n'
            % (len(orgs), "".join(orgs)))
    with open(os.path.join(GOOD, "HSCOrgRefData_Full.xml"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(text)


def zipped_epraccur():
    with open(os.path.join(GOOD, "epraccur.csv"), encoding="utf-8", newline="") as f:
        text = f.read()
    write_zip(os.path.join(GOOD, "epraccur.zip"), [("epraccur.csv", text)])


if __name__ == "__main__":
    zipped_epraccur()
    workbook()
    ods_xml()
