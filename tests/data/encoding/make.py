#!/usr/bin/env python3
"""Writes the encoding test files beside this script (check_encoding.c
reads them; README.md lists them). Run it again after changing it, and
commit its outputs: python3 tests/data/encoding/make.py

Every code, name and address is made up, as in tests/data/good."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

# lib/csvread.h's PCREG__CSV_CHUNK: the reader's first read.
CHUNK = 65536

# Names with the characters Windows-1252 files carry: a pound sign, an
# e acute, curly quotes and apostrophes, a euro sign (3 bytes in UTF-8).
NAMES = [
    "CAF\u00e9 ROAD SURGERY",
    "ST JOHN\u2019S PRACTICE",
    "THE \u201cOLD FORGE\u201d SURGERY",
    "\u00a31 LANE MEDICAL CENTRE",
    "PR\u00e9 \u20ac SURGERY",
]


def epraccur_row(code, name, postcode="FX1 1AA", address="1 EXAMPLE ROAD"):
    fields = [code, name, "Y56", "QF1", address, "", "FICTIONTON", "", "", postcode,
              "19740401", "", "A", "B", "99F", "20130401", "", "01000 000001", "", "", "",
              "0", "", "99F", "", "4", ""]
    return ",".join('"%s"' % f for f in fields) + "\n"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def padded_until(rows, limit):
    """ASCII epraccur rows for practices F82000... until the text is past
    limit bytes."""
    text, i = "", 0
    while len(text.encode("ascii")) <= limit:
        text += epraccur_row("F8%04d" % (2000 + i), "ASCII PRACTICE %d" % i)
        i += 1
    return text, i


# epraccur with its first non-ASCII byte past the first chunk: ASCII rows
# F82000..., then the named practices F83001-F83005.
ascii_part, n_ascii = padded_until(None, CHUNK + 100)
late = ascii_part + "".join(epraccur_row("F8300%d" % (i + 1), name, address="1 \u00a3 ROW")
                            for i, name in enumerate(NAMES))
assert all(b < 0x80 for b in late.encode("cp1252")[:CHUNK])
write("epraccur-1252-late.csv", late.encode("cp1252"))

# epraccur with a Windows-1252 byte on its first line.
early = "".join(epraccur_row("F8300%d" % (i + 1), name) for i, name in enumerate(NAMES))
assert early.encode("cp1252").index(b"\xe9") < early.index("\n")
write("epraccur-1252-early.csv", early.encode("cp1252"))

# The same rows as UTF-8, without and with a byte order mark.
write("epraccur-utf8.csv", early.encode("utf-8"))
write("epraccur-utf8-bom.csv", b"\xef\xbb\xbf" + early.encode("utf-8"))

# And as UTF-16 and each of its byte orders, with and without the mark.
write("epraccur-utf16le-bom.csv", b"\xff\xfe" + early.encode("utf-16-le"))
write("epraccur-utf16le.csv", early.encode("utf-16-le"))
write("epraccur-utf16be-bom.csv", b"\xfe\xff" + early.encode("utf-16-be"))
write("epraccur-utf16be.csv", early.encode("utf-16-be"))

# A UTF-8 e acute on line 1, then a Windows-1252 one (a lone E9) on line 3.
mixed = (epraccur_row("F83001", "CAF\u00e9 ROAD SURGERY").encode("utf-8")
         + epraccur_row("F83002", "PLAIN SURGERY").encode("ascii")
         + epraccur_row("F83003", "CAF\u00e9 SURGERY").encode("cp1252"))
write("epraccur-mixed.csv", mixed)

# Byte 0x81, which Windows-1252 leaves undefined, on line 2.
undefined = (epraccur_row("F83001", "PLAIN SURGERY").encode("ascii")
             + epraccur_row("F83002", "ODD \x81 SURGERY").encode("latin-1"))
write("epraccur-undefined-81.csv", undefined)

# The list sizes' practice map (gp-reg-pat-prac-map) with its first
# non-ASCII byte past the first chunk: names of PCNs and of a CCG.
MAP_HEADER = ("PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,"
              "PCN_NAME,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,"
              "ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME\n")


def map_row(practice, name, pcn, pcn_name, ccg, ccg_name, ons_ccg):
    return ",".join(["GP_PRAC_PAT_LIST", "01Jan2022", practice, name, "FX1 1AA", pcn, pcn_name,
                     ons_ccg, ccg, ccg_name, "E54000099", "QF1", "NHS Fictional Vale ICB",
                     "E40000099", "Y56", "FICTIONAL REGION"]) + "\n"


text, i = MAP_HEADER, 0
while len(text) <= CHUNK + 100:
    text += map_row("F8%04d" % (2000 + i), "ASCII PRACTICE %d" % i, "U99001",
                    "FICTIONAL CENTRAL PCN", "99F", "NHS Fictional Vale CCG", "E38000999")
    i += 1
text += map_row("F83001", "CAF\u00e9 ROAD SURGERY", "U99011", "ST JOHN\u2019S PCN", "98A",
                "NHS \u201cCAF\u00e9\u201d VALE CCG", "E38000998")
text += map_row("F83002", "\u00a31 LANE MEDICAL CENTRE", "U99012", "\u00a3 \u20ac PCN", "98A",
                "NHS \u201cCAF\u00e9\u201d VALE CCG", "E38000998")
assert all(b < 0x80 for b in text.encode("cp1252")[:CHUNK])
write("gp-reg-pat-prac-map-1252-late.csv", text.encode("cp1252"))

# The same publication's practice map, in Windows-1252 from its first row.
text = MAP_HEADER + map_row("F83001", "CAF\u00e9 ROAD SURGERY", "U99011", "ST JOHN\u2019S PCN",
                            "98A", "NHS \u201cCAF\u00e9\u201d VALE CCG", "E38000998")
write("gp-reg-pat-prac-map-1252-early.csv", text.encode("cp1252"))
