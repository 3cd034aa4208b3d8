"""Check the seed 004 page as Chromium rendered it.

usage: check_page.py DOM CONSOLE_LOG SCREENSHOT

DOM is what `chromium --dump-dom` printed, CONSOLE_LOG its stderr with
--enable-logging=stderr, SCREENSHOT its --screenshot PNG. Exits 1 with a
line per failure.
"""
import html.parser
import struct
import sys
import zlib

# Seed 004's "CQC inspections update", as `pcreg report cqc --as-of
# 2017-04-18 --commissioner 07L,08F,08N` prints it: code, practices,
# published reports, their share; then the ratings' counts and shares.
CQC_ROWS = {
    "07L": ["38", "30", "78.95%", "3", "10.00%", "7", "23.33%", "20", "66.67%"],
    "08F": ["44", "35", "79.55%", "1", "2.86%", "14", "40.00%", "20", "57.14%"],
    "08N": ["45", "28", "62.22%", "2", "7.14%", "9", "32.14%", "17", "60.71%"],
    "Total": ["127", "93", "73.23%", "6", "6.45%", "30", "32.26%", "57", "61.29%"],
}
# Seed 004's "Local context": PMS practices of all, min and max premium per weighted patient.
PMS_ROWS = {
    "07L": ["11", "38", "£2,400,000.00", "£9.50", "£58.13"],
    "08F": ["12", "44", "£1,030,000.00", "£10.17", "£11.51"],
    "08N": ["13", "45", "£1,020,000.00", "-£2.16", "£27.77"],
}


class Tables(html.parser.HTMLParser):
    """Each section's table rows as lists of cell text, and the page's headings."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.rows = {}
        self.row = None
        self.cell = None
        self.headings = []
        self.heading = None
        self.images = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag in ("h1", "h2"):
            self.heading = ""
        elif tag == "img":
            self.images.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.setdefault(self.section, []).append(self.row)
            self.row = None
        elif tag in ("h1", "h2"):
            self.headings.append(" ".join(self.heading.split()))
            self.heading = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.heading is not None:
            self.heading += data


def png_pixels(path):
    """Width, height and RGBA rows of an 8-bit, non-interlaced RGB(A) PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("a PNG this reader does not read (depth %d, colour %d)" % (depth, colour))
    bpp = 4 if colour == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def count_colour(rows, bpp, rgb, tolerance=4):
    n = 0
    for line in rows:
        for i in range(0, len(line), bpp):
            if all(abs(line[i + k] - rgb[k]) <= tolerance for k in range(3)):
                n += 1
    return n


def main():
    dom_path, log_path, png_path = sys.argv[1:4]
    failures = []
    with open(dom_path, encoding="utf-8") as f:
        page = Tables()
        page.feed(f.read())

    title = page.headings[0] if page.headings else ""
    if not (title.startswith("Primary care in NHS BARKING AND DAGENHAM CCG")
            and title.endswith("18 April 2017")):
        failures.append("the title is %r" % title)
    for section, expected, columns in (("cqc", CQC_ROWS, [2, 3, 4, 5, 6, 7, 8, 9, 10]),
                                       ("pms", PMS_ROWS, [2, 3, 4, 5, 6])):
        found = {}
        for row in page.rows.get(section, [])[1:]:
            key = row[0] or row[1]  # the totals row has no code
            found[key] = [row[i] for i in columns]
        for key, cells in expected.items():
            if found.get(key) != cells:
                failures.append("%s %s: the page shows %s, the seed %s"
                                % (section, key, found.get(key), cells))
    figures = [img for img in page.images if img.get("src", "").startswith("data:image/svg+xml;base64,")]
    if len(figures) != 4 or not all(img.get("alt") for img in figures):
        failures.append("wanted 4 SVG figures with alt text, found %d" % len(figures))

    with open(log_path, encoding="utf-8", errors="replace") as f:
        console = [line.rstrip() for line in f if "CONSOLE" in line or "Uncaught" in line]
    failures += ["console: " + line for line in console]

    width, height, bpp, rows = png_pixels(png_path)
    if (width, height) != (1240, 1754):
        failures.append("the screenshot is %dx%d, not 1240x1754" % (width, height))
    # The CQC figure's Good and Inadequate segments (Okabe-Ito bluish green
    # and vermillion) are on the first screen only if the figure was drawn.
    for name, rgb, least in (("Good", (0x00, 0x9E, 0x73), 5000),
                             ("Inadequate", (0xD5, 0x5E, 0x00), 500)):
        n = count_colour(rows, bpp, rgb)
        if n < least:
            failures.append("the screenshot has %d pixels of the %s colour, fewer than %d: "
                            "was the CQC figure drawn?" % (n, name, least))

    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    if not failures:
        print("ok: seed 004's CQC and PMS figures are in the rendered page, 4 figures, "
              "no console errors, screenshot %dx%d" % (width, height))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
