#!/usr/bin/env python3
"""Write the small workbooks tests/check_xlsxread.c reads.

Standard library only (zipfile, no openpyxl): each part's XML is written
out by hand, so each file holds exactly the constructs it tests. Entries
carry a fixed timestamp and fixed attributes, so running this again
reproduces the committed files byte for byte:

    python3 tests/data/xlsx/make.py          # rewrite the .xlsx files here
    python3 tests/data/xlsx/make.py --check  # compare with the files here
"""
import io
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFREL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKGREL = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '</Types>')
ROOT_RELS = DECL + (
    f'<Relationships xmlns="{PKGREL}"><Relationship Id="rId1" '
    f'Type="{OFFREL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def workbook(sheets):
    """sheets: [(name, rid)]"""
    body = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{rid}"/>'
                   for i, (n, rid) in enumerate(sheets))
    return DECL + (f'<workbook xmlns="{MAIN}" xmlns:r="{OFFREL}">'
                   f'<sheets>{body}</sheets></workbook>')


def rels(targets, shared=None):
    """targets: [(rid, target)] of worksheets; shared: the sharedStrings target."""
    out = [f'<Relationship Id="{rid}" Type="{OFFREL}/worksheet" Target="{t}"/>'
           for rid, t in targets]
    if shared:
        out.append(f'<Relationship Id="rIdS" Type="{OFFREL}/sharedStrings" Target="{shared}"/>')
    return DECL + f'<Relationships xmlns="{PKGREL}">{"".join(out)}</Relationships>'


def sst(items):
    """items: the inner XML of each <si>."""
    body = "".join(f"<si>{i}</si>" if i is not None else "<si/>" for i in items)
    return DECL + f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


def sheet(rows, prefix=""):
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return DECL + (f'<{p}worksheet {ns} xmlns:r="{OFFREL}"><{p}dimension ref="A1"/>'
                   f'<{p}sheetData>{"".join(rows)}</{p}sheetData>'
                   f'<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                   f'header="0.3" footer="0.3"/></{p}worksheet>')


def zip_bytes(parts):
    """parts: [(name, text or bytes)] in order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data,
                       compresslevel=6)
    return buf.getvalue()


def standard(sheets, shared_items=None, shared_target="sharedStrings.xml"):
    """sheets: [(name, target, xml)]; the parts of a workbook."""
    ids = [(f"rId{i + 1}", t) for i, (_, t, _) in enumerate(sheets)]
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
             ("xl/workbook.xml", workbook([(n, f"rId{i + 1}") for i, (n, _, _) in enumerate(sheets)])),
             ("xl/_rels/workbook.xml.rels",
              rels(ids, shared_target if shared_items is not None else None))]
    for (_, target, xml) in sheets:
        name = target[1:] if target.startswith("/") else "xl/" + target
        parts.append((name, xml))
    if shared_items is not None:
        parts.append(("xl/" + shared_target, sst(shared_items)))
    return parts


def c(ref, value=None, t=None, inner=None):
    attrs = (f' r="{ref}"' if ref else "") + (f' t="{t}"' if t else "")
    if inner is None and value is None:
        return f"<c{attrs}/>"
    return f"<c{attrs}>{inner if inner is not None else f'<v>{value}</v>'}</c>"


def row(r, cells):
    return f'<row r="{r}">{"".join(cells)}</row>' if r else f'<row>{"".join(cells)}</row>'


# ---- good.xlsx: every kind of cell --------------------------------------------------------

GOOD_SHARED = [
    "<t>PCN Code</t>",                                                    # 0
    "<t>PCN Name</t>",                                                    # 1
    "<t>Current Clinical \nCommissioning \nGroup Code</t>",               # 2: line breaks
    # 3: rich text runs, with a phonetic run that is left out
    '<r><rPr><b/></rPr><t xml:space="preserve">Clinical\nCommissioning</t></r>'
    '<r><t xml:space="preserve">\nGroup Name </t></r>'
    '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/>',
    "<t>Close Date</t>",                                                  # 4
    "<t>U12345</t>",                                                      # 5
    "<t>99A</t>",                                                         # 6
    "<t>Ynys M\u00f4n &amp; &lt;Anglesey&gt;</t>",                       # 7: entities, UTF-8
    "<t>a_x000D_\nb</t>",                                                 # 8: escaped \r
    "<t>_x005F_x000D_ stays</t>",                                         # 9: escaped "_x"
    None,                                                                 # 10: <si/>
    "<t/>",                                                               # 11: empty text
    "<t>smile _xD83D__xDE00_</t>",                                        # 12: surrogate pair
]

GOOD_SHEET1 = sheet([
    row(1, [c("A1", 0, "s"), c("B1", 1, "s"), c("C1", 2, "s"), c("D1", 3, "s"),
            c("E1", t="inlineStr", inner="<is><t>Open Date</t></is>"), c("F1", 4, "s")]),
    # D2 is missing: an empty field. B2 is an inline string of two runs.
    row(2, [c("A2", 5, "s"),
            c("B2", t="inlineStr", inner='<is><r><t xml:space="preserve">ALPHA </t></r><r><t>PCN</t></r></is>'),
            c("C2", 6, "s"), c("E2", 20191001), c("F2", "20220331.0")]),
    # A formula's cached value, a number in exponent form, a blank cell.
    row(3, [c("A3", t="str", inner='<f>UPPER("u23456")</f><v>U23456</v>'),
            c("B3", t="str", inner="<f>B2</f><v>x_x0009_y</v>"),
            c("C3", inner="<f>1+1</f><v>2</v>"), c("D3", 11, "s"),
            c("E3", "2.0191001E7"), c("F3")]),
    # Row 4 is absent. Booleans, an error, a date, numbers kept as given.
    row(5, [c("A5", 1, "b"), c("B5", 0, "b"), c("C5", "#N/A", "e"),
            c("D5", "2022-03-31T00:00:00", "d"), c("E5", "0.5"), c("F5", "-3.0"),
            c("G5", "1E+20"), c("H5", "007"), c("I5", "1.50E2", "n")]),
    row(6, [c("A6", 7, "s"), c("B6", 8, "s"), c("C6", 9, "s"), c("D6", 10, "s"),
            c("E6", 11, "s"), c("F6", 12, "s"),
            c("G6", t="inlineStr", inner="<is><t>one_x000D_\ntwo</t></is>")]),
    '<row r="7" spans="1:6" ht="16"/>',                       # an empty row: not returned
    row(8, [c("A8"), c("B8")]),                               # only blank cells: not returned
    row(9, [c("C9", 6, "s")]),                                # starts at C: two empty fields
])

# The second sheet: prefixed elements, and no r attributes at all (rows
# are counted, cells consecutive).
GOOD_SHEET2 = sheet([
    row(None, [c(None, 0, "s"), c(None, 1, "s"), c(None, t="inlineStr", inner="<is><t>Match</t></is>")]),
    row(None, [c(None, 5, "s"), c(None, t="inlineStr", inner="<is><t>F81001</t></is>"), c(None, 1, "b")]),
    row(None, [c(None, 5, "s"), c(None), c(None, 0, "b")]),
], prefix="x")


def good():
    return standard([("PCNDetails", "worksheets/sheet1.xml", GOOD_SHEET1),
                     ("PCN Core Partner Details", "/xl/worksheets/sheet2.xml", GOOD_SHEET2)],
                    GOOD_SHARED)


def spaced():
    """The other sheet-name spelling; inline strings only, no shared strings part."""
    s1 = sheet([row(1, [c("A1", t="inlineStr", inner="<is><t>PCN Code</t></is>")]),
                row(2, [c("A2", t="inlineStr", inner="<is><t>U99999</t></is>"), c("B2", 20200401)])])
    s2 = sheet([row(1, [c("A1", t="inlineStr", inner="<is><t>Partner</t></is>")])])
    return standard([("PCN Details", "worksheets/sheet1.xml", s1),
                     ("PCN_Core_Partner_Details", "/xl/worksheets/sheet2.xml", s2)])


# ---- the bad ones ------------------------------------------------------------------------

def one_sheet(rows, shared=None):
    return standard([("PCNDetails", "worksheets/sheet1.xml", sheet(rows))], shared)


def truncated():
    xml = sheet([row(1, [c("A1", 0, "s")]), row(2, [c("A2", 1, "s")]),
                 row(3, [c("A3", 0, "s"), c("B3", 1, "s")])])
    cut = xml.index('<c r="B3"') + 5
    return standard([("PCNDetails", "worksheets/sheet1.xml", xml[:cut])], ["<t>a</t>", "<t>b</t>"])


def doctype():
    """An external entity in the shared strings (XXE): refused, never fetched."""
    xml = (DECL.replace('standalone="yes"', 'standalone="no"') +
           '<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           f'<sst xmlns="{MAIN}"><si><t>&e;</t></si></sst>')
    parts = one_sheet([row(1, [c("A1", 0, "s")])], ["<t>x</t>"])
    return [(n, xml if n == "xl/sharedStrings.xml" else d) for n, d in parts]


def huge_shared_strings():
    """A shared strings part whose stated size is 300 MiB (the sizes in the
    zip's headers are rewritten; the data is small)."""
    data = zip_bytes(one_sheet([row(1, [c("A1", 0, "s")])], ["<t>x</t>"]))
    name = b"xl/sharedStrings.xml"
    huge = struct.pack("<I", 300 * 1024 * 1024)
    out = bytearray(data)
    # Local header: sig(4) ... uncompressed size at 22; central: at 24.
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while True:
            pos = out.find(sig, pos)
            if pos < 0:
                break
            nlen_at = 26 if sig == b"PK\x03\x04" else 28
            nlen = struct.unpack_from("<H", out, pos + nlen_at)[0]
            hdr = 30 if sig == b"PK\x03\x04" else 46
            if bytes(out[pos + hdr:pos + hdr + nlen]) == name:
                out[pos + off:pos + off + 4] = huge
            pos += 4
    return bytes(out)


FILES = {
    "good.xlsx": good,
    "spaced.xlsx": spaced,
    "not-a-zip.xlsx": lambda: b"PCN Code,PCN Name\nU12345,ALPHA PCN\n",
    "no-workbook.xlsx": lambda: [("[Content_Types].xml", CONTENT_TYPES), ("docProps/app.xml", DECL + "<Properties/>")],
    "truncated.xlsx": truncated,
    "bad-index.xlsx": lambda: one_sheet([row(1, [c("A1", 0, "s")]), row(2, [c("A2", 1, "s"), c("B2", 99, "s")])],
                                        ["<t>a</t>", "<t>b</t>"]),
    "bad-ref.xlsx": lambda: one_sheet([row(1, [c("A1", 1)]), row(2, [c("A2", 1), c("B", 2)])]),
    "wrong-row-ref.xlsx": lambda: one_sheet([row(1, [c("A1", 1)]), row(2, [c("A2", 1), c("B3", 2)])]),
    "too-wide.xlsx": lambda: one_sheet([row(1, [c("A1", 1), c("XFE1", 2)])]),
    "long-cell.xlsx": lambda: one_sheet([row(1, [c("A1", 1)]),
                                         row(2, [c("A2", t="inlineStr", inner="<is><t>" + "a" * (1024 * 1024 + 1) + "</t></is>")])]),
    "doctype.xlsx": doctype,
    # The second sheet's part is not in the archive.
    "missing-part.xlsx": lambda: [(n, d) for n, d in standard(
        [("PCNDetails", "worksheets/sheet1.xml", sheet([row(1, [c("A1", 1)])])),
         ("Gone", "worksheets/sheet2.xml", sheet([]))]) if n != "xl/worksheets/sheet2.xml"],
    # A sheet whose relationship id is not in the relationships.
    "no-rel.xlsx": lambda: [(n, workbook([("PCNDetails", "rId1"), ("Lost", "rId7")]) if n == "xl/workbook.xml" else d)
                            for n, d in one_sheet([row(1, [c("A1", 1)])])],
    "huge-sst.xlsx": huge_shared_strings,
}


def build(name):
    made = FILES[name]()
    return made if isinstance(made, bytes) else zip_bytes(made)


def main():
    check = "--check" in sys.argv[1:]
    differ = 0
    for name in sorted(FILES):
        data = build(name)
        path = os.path.join(HERE, name)
        if check:
            with open(path, "rb") as f:
                if f.read() != data:
                    print(f"{name}: differs from what make.py writes")
                    differ = 1
        else:
            with open(path, "wb") as f:
                f.write(data)
    return differ


if __name__ == "__main__":
    sys.exit(main())
