#!/usr/bin/env python3
"""gen_epraccur.py: write a synthetic ODS epraccur file for the import benchmark.

usage: gen_epraccur.py ROWS OUT.csv [--seed S] [--commissioners-csv FILE]

The same ROWS and seed always give the same bytes (random.Random(seed), no
clock, no environment). The layout is the real one (shared/data/README.md):
27 columns, no header, every field double-quoted, empty fields "", LF line
ends, dates CCYYMMDD, rows sorted by Organisation Code as ODS publishes them.

The mix mirrors the real file of April 2025 (16,534 rows), measured from it:

  prescribing setting  real weight of every setting seen: 4 (GP practice)
                       52.3%; 0 15.9%; 9 11.8%; 10 5.0%; 26 3.6%; 8 2.2%;
                       2 2.2%; 27 1.2%; then 11, 12, 13, 25, 1, 14, 3, 18,
                       19, 22, 16, 17, 20 with their real counts. Only
                       setting 4 rows are practices; the rest go to the
                       registry's other_organisation table.
  codes                unique, a capital letter and five digits (A81001);
                       6.5% of setting 0 rows (the Channel Islands / Isle
                       of Man sub-type Z rows) are three letters and three
                       digits (ALD001), with no commissioner and no region.
  status               practices A 76.9%, C 21.8%, D 1.3%; other settings
                       A 72.9%, C 25.3%, D 1.7%, P 0.1%. Closed rows have a
                       close date and the same left date (1.4% of closed
                       non-practices have no left date, as in the file).
  dates                open 19740401 for 75% of practices (40% of the
                       rest), otherwise a day from 1975 to 2024; join dates
                       20130401 42%, 20200401 24%, 20210401 16%, ... never
                       before the open date; close dates after the join.
  commissioner         one of a fixed list of 200 codes (commissioner_codes
                       below, which bench_import.c repeats): 160 like 07L
                       (digit digit letter), 7 Welsh 7A1..7A7, 33 five-char
                       sub-ICB codes like A3A8R; 5% of practices are Welsh
                       (region W00, ICB Q99, a 7A* code), 16% of English
                       ones have a five-char code. Skewed: the busiest
                       code has about 3% of the rows, as W2U3Z has 4%.
                       National grouping and ICB follow the commissioner.
                       Column 24 repeats it, except 0.5% ("112", "RX3").
  text                 names of about 22 characters ("THE DENSHAM SURGERY",
                       "DR R LYONS' PRACTICE", "HILL, ROSS AND PARTNERS");
                       address lines 1-4 filled 100/98/98/77% (line 5
                       empty); commas inside quotes in address line 2 of
                       16% of rows, line 3 4%, line 1 3.6%, line 4 1.7%,
                       names 0.7% of rows; apostrophes in 7% of rows
                       (5% in the real file); UK-shaped postcodes
                       (0.25% of non-practices have none);
                       phones "01642 672351" (4.8% of non-practices none).
  bytes                about 213 a row (the real file: 216).

Every value is valid: a strict import of any size accepts every row.

--commissioners-csv FILE also writes the 200 commissioners in the
library's registry CSV format ("code,kind,name,ons_code,region,parent,
open_date,close_date"), for importing with pcreg_import_file(kind
PCREG_IMPORT_REGISTRY_CSV). The benchmark does not use it: that import
journals, and a journal that is not empty turns off the importer's bulk
load, so bench_import inserts the same commissioners with
pcreg_commissioner_insert(), which does not journal.
"""
import argparse
import bisect
import csv
import itertools
import random
import sys

# ---- the fixed commissioner list (bench_import.c has the same formula) ------------------

LETTERS_3 = "CDEFGHJKLMNPQRTVWXYZ"      # 20 third letters for digit-digit-letter codes
LETTERS_5 = "ABCDEFGHJKLMNPQRSTUVWXY"   # 23 letters for five-character codes
N_COMMISSIONERS = 200


def commissioner_code(i):
    """The i-th benchmark commissioner, 0 <= i < 200."""
    if i < 160:                                     # 16C, 00K, 91Q: digit digit letter
        return "%02d%c" % ((i * 7) % 100, LETTERS_3[(i * 13 + i // 100) % 20])
    if i < 167:                                     # Welsh health boards 7A1..7A7
        return "7A%d" % (i - 159)
    j = i - 167                                     # sub-ICB locations: W2U3Z, A3A8R
    return "%c%d%c%d%c" % (LETTERS_5[(j * 7) % 23], (j * 3 + 1) % 10,
                           LETTERS_5[(j * 11 + 5) % 23], (j * 7 + 2) % 10,
                           LETTERS_5[(j * 5 + 9) % 23])


def commissioner_kind(i):
    return "ccg" if i < 160 else "other" if i < 167 else "sub_icb"


def commissioner_name(i):
    if i < 160:
        return "NHS BENCH CCG %d" % i
    if i < 167:
        return "BENCH LOCAL HEALTH BOARD %d" % i
    return "NHS BENCH SUB-ICB %d" % i


COMMISSIONERS = [commissioner_code(i) for i in range(N_COMMISSIONERS)]
assert len(set(COMMISSIONERS)) == N_COMMISSIONERS

# ---- word lists --------------------------------------------------------------------------

TOWNS = ("STOCKTON ON TEES HARTLEPOOL MIDDLESBROUGH DARLINGTON DURHAM SUNDERLAND GATESHEAD"
         " NEWCASTLE KENDAL KESWICK WIGTON CARLISLE PENRITH LANCASTER PRESTON BLACKBURN BOLTON"
         " WIGAN LEEDS BRADFORD HALIFAX HUDDERSFIELD WAKEFIELD BARNSLEY SHEFFIELD ROTHERHAM"
         " DONCASTER YORK HULL GRIMSBY LINCOLN DERBY NOTTINGHAM LEICESTER COVENTRY BIRMINGHAM"
         " WOLVERHAMPTON WALSALL DUDLEY STAFFORD STOKE CREWE CHESTER LIVERPOOL WARRINGTON"
         " MANCHESTER OLDHAM ROCHDALE BURY SALFORD NORWICH IPSWICH COLCHESTER CHELMSFORD"
         " CAMBRIDGE PETERBOROUGH BEDFORD LUTON OXFORD READING SLOUGH GUILDFORD BRIGHTON"
         " WORTHING HASTINGS MAIDSTONE CANTERBURY DOVER ROMFORD ILFORD CROYDON BROMLEY"
         " SOUTHAMPTON PORTSMOUTH BOURNEMOUTH POOLE SALISBURY EXETER PLYMOUTH TRURO TAUNTON"
         " BRISTOL BATH GLOUCESTER SWINDON HEREFORD WORCESTER CARDIFF SWANSEA NEWPORT WREXHAM"
         " BANGOR").split()
COUNTIES = [c.replace("_", " ") for c in ("CLEVELAND CUMBRIA LANCASHIRE WEST_YORKSHIRE"
            " SOUTH_YORKSHIRE NORTH_YORKSHIRE TYNE_AND_WEAR COUNTY_DURHAM DERBYSHIRE"
            " NOTTINGHAMSHIRE LEICESTERSHIRE WEST_MIDLANDS STAFFORDSHIRE CHESHIRE MERSEYSIDE"
            " GREATER_MANCHESTER NORFOLK SUFFOLK ESSEX CAMBRIDGESHIRE BEDFORDSHIRE OXFORDSHIRE"
            " BERKSHIRE SURREY EAST_SUSSEX WEST_SUSSEX KENT MIDDLESEX HAMPSHIRE DORSET"
            " WILTSHIRE DEVON CORNWALL SOMERSET AVON GLOUCESTERSHIRE").split()]
STREETS = ("LAWSON FARRER VICTORIA TRINITY ALFORD LINTHORPE TRENCHARD WINDERMERE GOSFORTH"
           " GILLINGGATE BURTON AMBLESIDE KIRKBRIDE STATION CHURCH HIGH MILL PARK QUEENS"
           " KINGS ALBERT ORCHARD MEADOW BROOK CASTLE BRIDGE MARKET GREEN ELM OAK BEECH ASH"
           " WILLOW CEDAR HOLLY MAPLE GROVE HILLSIDE RIVERSIDE ABBEY PRIORY CHAPEL SCHOOL"
           " NEWTON WESTBOURNE NORMANBY BROTTON SKELTON THORNABY ORMESBY").split()
ROAD = ["STREET", "ROAD", "LANE", "AVENUE", "DRIVE", "WAY", "CLOSE", "TERRACE", "PLACE"]
SURNAMES = ("SMITH JONES TAYLOR BROWN WILLIAMS WILSON JOHNSON DAVIES ROBINSON WRIGHT THOMPSON"
            " EVANS WALKER WHITE ROBERTS GREEN HALL WOOD JACKSON CLARKE PATEL KHAN SHAH AHMED"
            " HUGHES EDWARDS LEWIS HILL ROSS LYONS MOORE MARTIN COOPER WARD MORRIS KING"
            " TURNER BAKER HARRIS PARKER PRICE BENNETT GRAY REID MURRAY HUSSAIN SINGH OKAFOR"
            " NGUYEN CHEN O'BRIEN O'NEILL D'SOUZA").split()
BUILDINGS = ["THE HEALTH CENTRE", "THE SURGERY", "THE MEDICAL CENTRE", "PRIMARY CARE CENTRE",
             "COMMUNITY HEALTH CENTRE", "THE OLD VICARAGE", "UNIT 4", "GROUND FLOOR"]
OTHER_NAMES = ["%s WALK IN CENTRE", "%s OOH", "%s PCN EA", "%s UTC", "%s MSK SERVICE",
               "%s COMMUNITY OPHTHALMOLOGY SERVICE", "%s LYMPHOEDEMA CLINIC", "%s PHARMACY",
               "HMP %s", "%s RECOVERY CENTRE", "%s SEXUAL HEALTH SERVICE", "%s HOSPICE"]
# Postcode areas; Welsh practices draw from the last four.
AREAS = ["TS", "DL", "DH", "SR", "NE", "CA", "LA", "PR", "BB", "BL", "WN", "LS", "BD", "HX",
         "HD", "WF", "S", "DN", "YO", "HU", "LN", "DE", "NG", "LE", "CV", "B", "WV", "WS", "DY",
         "ST", "CW", "CH", "L", "WA", "M", "OL", "NR", "IP", "CO", "CM", "CB", "PE", "MK", "LU",
         "OX", "RG", "SL", "GU", "BN", "ME", "CT", "RM", "IG", "CR", "BR", "SO", "PO", "BH",
         "SP", "EX", "PL", "TR", "TA", "BS", "BA", "GL", "SN", "HR", "WR", "E", "N", "SE",
         "SW", "W", "CF", "SA", "NP", "LL"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
REGIONS = ["Y54", "Y55", "Y56", "Y57", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"]
REGION_WEIGHTS = [270, 257, 1509, 169, 661, 980, 1433, 765, 1087, 1102]
ICBS = ["QHM", "QOQ", "QHG", "QJK", "QJM", "QJ2", "QK1", "QKK", "QKS", "QM7", "QMF", "QMJ",
        "QMM", "QNC", "QNQ", "QNX", "QOC", "QOP", "QOX", "QPM", "QR1", "QRL", "QRV", "QSL",
        "QT1", "QT6", "QU9", "QUA", "QUE", "QUY", "QVV", "QWE", "QWO", "QWU", "QXU", "QYG",
        "QE1", "QF7", "QGH", "QH8", "QHL", "QJG"]

# Prescribing settings with their counts in the real file.
SETTINGS = [(4, 8654), (0, 2624), (9, 1955), (10, 824), (26, 595), (8, 368), (2, 361),
            (27, 205), (11, 188), (12, 167), (13, 160), (25, 156), (1, 122), (14, 91), (3, 23),
            (18, 18), (19, 10), (22, 5), (16, 4), (17, 2), (20, 2)]
JOIN_DATES = [("20130401", 42), ("20200401", 24), ("20210401", 16), ("20180401", 6),
              ("20091001", 5), ("20190401", 3), ("20170401", 1.5), ("20150401", 1), (None, 1.5)]


def cumulative(weights):
    return list(itertools.accumulate(weights))


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        r = self.r
        self.setting_values = [s for s, _ in SETTINGS]
        self.setting_cum = cumulative([w for _, w in SETTINGS])
        self.join_values = [d for d, _ in JOIN_DATES]
        self.join_cum = cumulative([w for _, w in JOIN_DATES])
        # Commissioner popularity: skewed, the busiest about 3% of practices.
        self.ccg_cum = cumulative([1.0 / (1 + k / 8.0) for k in range(160)])
        self.subicb_cum = cumulative([1.0 / (1 + k / 8.0) for k in range(33)])
        # Each commissioner sits in one region and one ICB.
        region_cum = cumulative(REGION_WEIGHTS)
        self.geo = {}
        for i, code in enumerate(COMMISSIONERS):
            if 160 <= i < 167:
                self.geo[code] = ("W00", "Q99")
            else:
                region = REGIONS[bisect.bisect(region_cum, r.random() * region_cum[-1])]
                self.geo[code] = (region, ICBS[r.randrange(len(ICBS))])

    def pick(self, values, cum):
        return values[bisect.bisect(cum, self.r.random() * cum[-1])]

    def day(self, first_year, last_year):
        r = self.r
        return "%04d%02d%02d" % (r.randint(first_year, last_year), r.randint(1, 12),
                                 r.randint(1, 28))

    def day_after(self, start):
        """A day from start to 20241231, start a CCYYMMDD string."""
        r = self.r
        year = int(start[:4])
        for _ in range(4):
            d = self.day(min(year, 2024), 2024)
            if d >= start:
                return d
        return start

    def postcode(self, welsh):
        r = self.r
        area = r.choice(AREAS[-4:]) if welsh else r.choice(AREAS)
        district = str(r.randint(1, 29 if len(area) == 2 else 99))
        if r.random() < 0.04:
            district = str(r.randint(1, 9)) + r.choice("ABCEHMNPRVWXY")
        return "%s%s %d%c%c" % (area, district, r.randint(0, 9), r.choice(INWARD_LETTERS),
                                r.choice(INWARD_LETTERS))

    def commissioner(self):
        """A commissioner for an English or Welsh row."""
        r = self.r
        if r.random() < 0.05:
            return COMMISSIONERS[160 + r.randrange(7)]
        if r.random() < 0.16:
            return COMMISSIONERS[167 + bisect.bisect(self.subicb_cum,
                                                     r.random() * self.subicb_cum[-1])]
        return COMMISSIONERS[bisect.bisect(self.ccg_cum, r.random() * self.ccg_cum[-1])]

    def practice_name(self, town, street):
        r = self.r
        x = r.random()
        if x < 0.013:
            return "%s, %s AND PARTNERS" % (r.choice(SURNAMES), r.choice(SURNAMES))
        if x < 0.2:
            return "%s MEDICAL CENTRE" % town
        if x < 0.35:
            return "THE %s SURGERY" % street
        if x < 0.5:
            return "%s %s SURGERY" % (street, r.choice(ROAD))
        if x < 0.62:
            return "DR %c %s'S PRACTICE" % (r.choice("ABCDEFGHJKLMNPRST"), r.choice(SURNAMES))
        if x < 0.72:
            return "%s HEALTH CENTRE" % town
        if x < 0.82:
            return "%s FAMILY PRACTICE" % r.choice(SURNAMES)
        if x < 0.92:
            return "%s & PARTNERS" % r.choice(SURNAMES)
        return "%s %s MEDICAL PRACTICE" % (town, street)

    def address(self, name, town):
        """Address lines 1-5, with commas inside fields at the real rates."""
        r = self.r
        street = "%s %s" % (r.choice(STREETS), r.choice(ROAD))
        a1 = r.choice(BUILDINGS) if r.random() < 0.5 else name
        if r.random() < 0.036:
            a1 += ", " + r.choice(BUILDINGS)
        a2 = street if r.random() < 0.5 else "%d %s" % (r.randint(1, 250), street)
        if r.random() < 0.16:
            a2 += "," + r.choice(STREETS)
        if r.random() < 0.02:
            a2 = ""
        a3 = town
        if r.random() < 0.043:
            a3 = "%s, %s" % (r.choice(STREETS), town)
        if r.random() < 0.02:
            a3 = ""
        a4 = ""
        if r.random() < 0.77:
            a4 = r.choice(COUNTIES)
            if r.random() < 0.022:
                a4 = "%s, %s" % (r.choice(TOWNS), a4)
        return [a1, a2, a3, a4, ""]

    def phone(self):
        r = self.r
        return "0%d %06d" % (r.randint(1000, 1999), r.randint(0, 999999))

    def row(self, code, setting, sub_type_z):
        r = self.r
        town = r.choice(TOWNS)
        street = r.choice(STREETS)
        practice = setting == 4
        if sub_type_z:
            commissioner, region, icb = "", "", r.choice(["YAC", "YAD", "YAE", "YAF"])
        else:
            commissioner = self.commissioner()
            region, icb = self.geo[commissioner]
        welsh = region == "W00"
        if practice:
            name = self.practice_name(town, street)
            x = r.random()
            status = "A" if x < 0.769 else "C" if x < 0.987 else "D"
            opened = "19740401" if r.random() < 0.75 else self.day(1975, 2024)
        else:
            name = r.choice(OTHER_NAMES) % town
            x = r.random()
            status = "A" if x < 0.729 else "C" if x < 0.982 else "D" if x < 0.999 else "P"
            opened = "19740401" if r.random() < 0.4 else self.day(1975, 2024)
        joined = self.pick(self.join_values, self.join_cum) or self.day(1990, 2024)
        if joined < opened:
            joined = opened
        closed = left = ""
        if status == "C":
            closed = self.day_after(joined)
            left = closed if practice or r.random() > 0.014 else ""
        address = self.address(name, town)
        postcode = "" if not practice and r.random() < 0.0025 else self.postcode(welsh)
        phone = "" if not practice and r.random() < 0.048 else self.phone()
        purchaser = commissioner
        if commissioner and r.random() < 0.005:
            purchaser = r.choice(["112", "116", "RX3", "5EM"])
        amended = "1" if r.random() < 0.015 else "0"
        return [code, name, region, icb] + address + [
            postcode, opened, closed, status, "Z" if sub_type_z else "B", commissioner,
            joined, left, phone, "", "", "", amended, "", purchaser, "", str(setting), ""]


def codes(r, rows):
    """rows distinct organisation codes, sorted as ODS sorts them."""
    space = 26 * 100000
    if rows > space * 0.9:
        sys.exit("gen_epraccur: at most %d rows" % int(space * 0.9))
    picked = r.sample(range(space), rows)
    return ["%c%05d" % (chr(65 + n // 100000), n % 100000) for n in picked]


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic epraccur file.")
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20251123)
    ap.add_argument("--commissioners-csv", metavar="FILE")
    args = ap.parse_args()
    if args.rows < 1:
        sys.exit("gen_epraccur: rows must be at least 1")

    g = Generator(args.seed)
    r = g.r
    # Settings first, then codes: the 6.5% of setting 0 rows that are
    # sub-type Z get three-letter codes (ALD001), the rest letter+digits.
    settings = [g.pick(g.setting_values, g.setting_cum) for _ in range(args.rows)]
    z_rows = sum(1 for s in settings if s == 0 and r.random() < 0.065)
    all_codes = codes(r, args.rows - z_rows)
    z_codes = set()
    while len(z_codes) < z_rows:
        z_codes.add("%c%c%c%03d" % (r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                                    r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                                    r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), r.randint(0, 999)))
    # Z codes go to setting 0 rows; the order of the file is by code.
    z_list = sorted(z_codes)
    zero_rows = [i for i, s in enumerate(settings) if s == 0]
    z_at = set(r.sample(zero_rows, z_rows))
    plain = iter(all_codes)
    zi = iter(z_list)
    rows = []
    for i, s in enumerate(settings):
        rows.append((next(zi), s, True) if i in z_at else (next(plain), s, False))
    rows.sort(key=lambda t: t[0])

    with open(args.out, "w", newline="", encoding="ascii") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for code, setting, z in rows:
            w.writerow(g.row(code, setting, z))

    if args.commissioners_csv:
        with open(args.commissioners_csv, "w", newline="", encoding="ascii") as f:
            f.write("code,kind,name,ons_code,region,parent,open_date,close_date\n")
            for i, code in enumerate(COMMISSIONERS):
                f.write("%s,%s,%s,,,,,\n" % (code, commissioner_kind(i), commissioner_name(i)))


if __name__ == "__main__":
    main()
