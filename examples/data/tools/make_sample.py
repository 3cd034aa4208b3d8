#!/usr/bin/env python3
"""Generate libpcreg's examples/data/ sample (fictional practices, real commissioners)."""
import csv, io, os, random, sys
from collections import Counter

OUT = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data')
ECCG = os.path.join(SHARED, 'ccg', 'eccg.csv')
MAP = os.path.join(SHARED, 'pcn', 'gp-reg-pat-prac-map.csv')

def write(name, text, crlf=False):
    data = text.replace('\n', '\r\n') if crlf else text
    with open(os.path.join(OUT, name), 'w', newline='') as f:
        f.write(data)

def csv_text(rows, quote_all=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n',
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()

def iso(d):  # 20150401 -> 2015-04-01
    return f'{d[:4]}-{d[4:6]}-{d[6:]}' if d else ''

# ---- commissioners ------------------------------------------------------------------
REGIONS = [('Y54', 'North'), ('Y55', 'Midlands and East'), ('Y56', 'London'), ('Y57', 'South')]
TODAY_TO_2015 = {'Y56': 'Y56', 'Y58': 'Y57', 'Y59': 'Y57', 'Y60': 'Y55', 'Y61': 'Y55',
                 'Y62': 'Y54', 'Y63': 'Y54'}
rows = list(csv.reader(open(ECCG, newline='')))
ccgs = [r for r in rows if 'RO218' not in r[13] and r[10] and r[10] <= '20150915'
        and (not r[11] or r[11] >= '20150915')]
assert len(ccgs) == 209, len(ccgs)
map_names = {}
for r in csv.DictReader(open(MAP, newline='')):
    map_names[r['CCG_CODE']] = r['CCG_NAME']
# Names CCGs had in 2015 where ODS now gives a sub-ICB location's name.
RENAMED = {'01H': 'NHS CUMBRIA CCG', '01K': 'NHS LANCASHIRE NORTH CCG'}
ccg = {}
for r in ccgs:
    code = r[0]
    name = r[1]
    if r[13]:  # a sub-ICB location today: the CCG's name from NHS Digital's 2022 map
        name = RENAMED.get(code, map_names[code].upper())
    region = TODAY_TO_2015[r[2]]
    if code == '02Q':
        region = 'Y54'  # Bassetlaw was in NHS England North in 2015
    ccg[code] = dict(code=code, name=name, region=region, open=r[10], close=r[11])
by_region = Counter(c['region'] for c in ccg.values())
assert by_region == {'Y54': 66, 'Y55': 61, 'Y57': 50, 'Y56': 32}, by_region

write('01-regions.csv', csv_text(
    [['code', 'kind', 'name', 'ons_code', 'region', 'parent', 'open_date', 'close_date']] +
    [[c, 'region', n, '', '', '', '2013-04-01', ''] for c, n in REGIONS]))

eccg_rows = []
for code in sorted(ccg):
    c = ccg[code]
    r = [''] * 27
    r[0], r[1], r[2], r[10], r[11], r[21] = code, c['name'], c['region'], c['open'], c['close'], '1'
    eccg_rows.append(r)
write('02-eccg.csv', csv_text(eccg_rows, quote_all=True), crlf=True)

# ---- co-commissioning arrangements (seed 001 as of 2015-09-15) -----------------------
TARGET = {'Y56': (5, 20, 6), 'Y55': (23, 16, 19), 'Y54': (24, 31, 11), 'Y57': (7, 20, 23)}
# Levels the papers name, as of 2015-09-15.
PINNED = {'07Q': 'joint', '07L': 'joint', '08F': 'joint', '08N': 'joint', '08C': 'joint',
          '09W': 'greater_involvement', '10X': 'delegated'}
level = dict(PINNED)
for reg, (d, j, g) in TARGET.items():
    codes = sorted(c for c in ccg if ccg[c]['region'] == reg)
    need = Counter({'delegated': d, 'joint': j, 'greater_involvement': g})
    for c in codes:
        if c in PINNED:
            need[PINNED[c]] -= 1
    assert all(v >= 0 for v in need.values())
    queue = ['delegated'] * need['delegated'] + ['joint'] * need['joint'] + \
            ['greater_involvement'] * need['greater_involvement']
    for c in codes:
        if c in PINNED:
            continue
        level[c] = queue.pop(0) if queue else None
    assert not queue
arr = [['id', 'commissioner', 'level', 'from_date', 'to_date']]
aid = 0
for code in sorted(ccg):
    lv = level.get(code)
    if not lv:
        continue
    close = iso(ccg[code]['close'])
    if code == '07Q':  # seed 000: joint, then delegated from 1 April 2017
        periods = [('joint', '2015-04-01', '2017-03-31'), ('delegated', '2017-04-01', close)]
    elif code == '09W':  # seed 001: greater involvement, delegated from 1 April 2016
        periods = [('greater_involvement', '2015-04-01', '2016-03-31'),
                   ('delegated', '2016-04-01', close)]
    else:
        periods = [(lv, '2015-04-01', close)]
    for lv2, f, t in periods:
        aid += 1
        arr.append([aid, code, lv2, f, t])
write('03-arrangements.csv', csv_text(arr))
counts = Counter((ccg[c]['region'], level.get(c)) for c in ccg)

# ---- practices --------------------------------------------------------------------------
WORDS = ['AMBERQUILL', 'BRIARLANTERN', 'COBBLEMIST', 'DEWFERN', 'EMBERWILLOW', 'FOXLANTERN',
         'GLOWMEADOW', 'HERONQUILL', 'INKWELL', 'JUNIPERMIST', 'KITEHOLLOW', 'LARKLANTERN',
         'MOSSQUILL', 'NETTLEGLOW', 'OTTERMIST', 'PEBBLEFERN', 'QUAILHOLLOW', 'RUSHLANTERN',
         'SORRELMIST', 'THIMBLEFERN', 'UMBERQUILL', 'VETCHHOLLOW', 'WRENLANTERN', 'YARROWMIST',
         'ZEPHYRFERN', 'ACORNGLOW', 'BRAMBLEQUILL', 'CLOVERMIST', 'DAISYHOLLOW', 'ELDERGLOW',
         'FENNELQUILL', 'GORSEMIST', 'HOLLYFERN', 'IVYLANTERN', 'JASMINEHOLLOW', 'KELPQUILL',
         'LINNETGLOW', 'MYRTLEFERN', 'NUTMEGHOLLOW', 'OAKLANTERN']
KINDS = [('SURGERY', 'LANE'), ('MEDICAL CENTRE', 'ROAD'), ('HEALTH CENTRE', 'GREEN'),
         ('PRACTICE', 'ROW'), ('FAMILY PRACTICE', 'YARD')]
serial = 0

def new_name():
    global serial
    w = WORDS[serial % len(WORDS)]
    kind, street = KINDS[serial // len(WORDS) % len(KINDS)]
    serial += 1
    return f'FICTIONAL {w} {kind}', f'{w} {street}'

AREAS = {  # commissioner: (prefix, town, county, outward codes, region, 2015 region name)
    '07L': ('F91', 'DAGENHAM', 'ESSEX', ['RM8', 'RM9', 'RM10', 'IG11'], 'Y56', 'Barking and Dagenham'),
    '08F': ('F92', 'ROMFORD', 'ESSEX', ['RM1', 'RM3', 'RM7', 'RM12'], 'Y56', 'Havering'),
    '08N': ('F93', 'ILFORD', 'ESSEX', ['IG1', 'IG2', 'IG4', 'IG6'], 'Y56', 'Redbridge'),
    '07Q': ('G91', 'BROMLEY', 'KENT', ['BR1', 'BR2', 'BR3', 'BR6'], 'Y56', 'Bromley'),
    '09W': ('G92', 'CHATHAM', 'KENT', ['ME4', 'ME5', 'ME7'], 'Y57', 'Medway'),
    '08C': ('E91', 'LONDON', '', ['W6', 'W12', 'W14', 'SW6'], 'Y56', 'Hammersmith and Fulham'),
    '10X': ('J91', 'SOUTHAMPTON', 'HAMPSHIRE', ['SO15', 'SO16', 'SO17', 'SO19'], 'Y57', 'Southampton'),
}
COUNTS = {'07L': 38, '08F': 44, '08N': 45, '07Q': 45, '09W': 4, '08C': 17, '10X': 5}
OPEN_DATES = ['19740401', '19781001', '19850101', '19910701', '19960401', '20040401']
practices = []  # dicts
for comm in ['07L', '08F', '08N', '07Q', '09W', '08C', '10X']:
    prefix, town, county, outs, region, la = AREAS[comm]
    for i in range(COUNTS[comm]):
        name, street = new_name()
        code = f'{prefix}{i + 1:03d}'
        practices.append(dict(code=code, name=name, street=street, town=town, county=county,
                              postcode=f'{outs[i % len(outs)]} 9ZZ', comm=comm, region=region,
                              la=la, open=OPEN_DATES[(i * 7) % len(OPEN_DATES)]))
HF = of_ = [p for p in practices if p['comm'] == '08C']
HF[0]['name'] = 'FICTIONAL ANYWHERE DIGITAL PRACTICE'
ep = []
for p in practices:
    r = [''] * 27
    r[0], r[1], r[2] = p['code'], p['name'], p['region']
    r[4], r[5], r[6] = p['street'], p['town'], p['county']
    r[9], r[10], r[12], r[13] = p['postcode'], p['open'], 'A', 'B'
    r[14], r[15], r[16] = p['comm'], '20130401', ccg[p['comm']]['close']
    r[21], r[23], r[25] = '0', p['comm'], '4'
    ep.append(r)
write('04-epraccur.csv', csv_text(ep, quote_all=True))

def of(comm):
    return [p for p in practices if p['comm'] == comm]

# ---- federations ---------------------------------------------------------------------------
FEDS = [('together-first', 'Together First', 'Barking and Dagenham'),
        ('havering-health', 'Havering Health', 'Havering'),
        ('healthbridge-direct', 'Healthbridge Direct', 'Redbridge'),
        ('redbridge-alliance', 'Redbridge Alliance', 'Redbridge'),
        ('bromley-gp-alliance', 'Bromley GP Alliance', 'Bromley')]
write('05-federations.csv', csv_text([['id', 'name', 'area']] + [list(f) for f in FEDS]))

# ---- BHR local networks and their leads (seed 004) -------------------------------------------
NETS = [  # id, commissioner, name, leads
    ('bd-north', '07L', 'North (Chadwell Heath)', ['Dr Amit Sharma', 'Dr Narendra Teotia']),
    ('bd-east', '07L', 'East (Dagenham)', ['Dr Natalya Bila', 'Dr Simi Adedeji']),
    ('bd-west', '07L', 'West (Barking \u2013 Thames)', ['Dr J John', 'Dr Rajbir Randhawa']),
    ('hav-north', '08F', 'North Network', ['Dr Jwala Gupta', 'Dr S Symon']),
    ('hav-central', '08F', 'Central Network', ['Dr Aaron Patel', 'Dr Syed Pervez']),
    ('hav-south', '08F', 'South Network', ['Dr John O\'Moore', 'Dr Nick Rao']),
    ('red-fairlop', '08N', 'Fairlop', ['Dr Imran Umrani', 'Dr Dave Sawh']),
    ('red-wanstead-woodford', '08N', 'Wanstead & Woodford',
     ['Dr Sangeetha Pazhanisami', 'Dr Tasneem Khan']),
    ('red-cranbrook-loxford', '08N', 'Cranbrook & Loxford', ['Dr Altaf Baloch', 'Dr Shabnam Ali']),
    ('red-seven-kings', '08N', 'Seven Kings', ['Dr Shabnam Quraishi', 'Dr Geeta Patel']),
]
NET_OPEN = '2016-10-01'
OVERALL = ('hav-overall', '08F', 'Havering networks (overall lead)', ['Dr Ann Baldwin'])
nets = [['code', 'kind', 'name', 'commissioner', 'open_date', 'close_date']]
leads = [['id', 'network', 'person', 'role', 'from_date', 'to_date']]
lid = 0
for nid, comm, name, people in NETS + [OVERALL]:
    nets.append([nid, 'local', name, comm, NET_OPEN, ''])
    for person in people:
        lid += 1
        leads.append([lid, nid, person, 'Overall lead' if nid == 'hav-overall' else 'Network lead',
                      NET_OPEN, ''])
write('06-networks.csv', csv_text(nets))
write('07-network-leads.csv', csv_text(leads))

# ---- H&F primary care networks (seed 002), ePCN format -----------------------------------------
PCNS = [('U99001', 'FICTIONAL ANYWHERE DIGITAL PCN', [71012]),
        ('U99002', 'FICTIONAL WHARFSIDE PCN', [12640, 9815, 8702, 7255]),
        ('U99003', 'FICTIONAL PARKLAND PCN', [15320, 11874, 10106, 8630]),
        ('U99004', 'FICTIONAL BRIDGEWAY PCN', [17455, 13980, 11240, 9430]),
        ('U99005', 'FICTIONAL GREENHOLM PCN', [19870, 16215, 13862, 11341])]
HFNAME = ccg['08C']['name']
det = ['PCN Code,PCN Name,"Current Clinical \nCommissioning \nGroup Code","Clinical\n'
       'Commissioning\nGroup Name",Open Date,Close Date,Address Line 1,Address Line 2,'
       'Address Line 3,Address Line 4,Address Line 5,Postcode\n']
part = ['"Partner\nOrganisation\nCode","Partner\nName","Practice\nParent\nCCG Code",'
        '"Practice\nParent\nCCG Name",PCN Code,PCN Name,"PCN Parent\nCCG Code",'
        '"PCN Parent\nCCG Name","Practice to PCN\nRelationship\nStart Date",'
        '"Practice to PCN\nRelationship\nEnd Date","Practice CCG and PCN\nCCG Match "\n']
lsz = ['PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,'
       'NUMBER_OF_PATIENTS\n']
k = 0
pcn_of = {}
for code, name, sizes in PCNS:
    first = HF[k]
    det.append(csv_text([[code, name, '08C', HFNAME, '20190701', '', first['street'], '', '',
                          'LONDON', '', first['postcode']]]))
    for n in sizes:
        p = HF[k]
        k += 1
        pcn_of[p['code']] = code
        part.append(csv_text([[p['code'], p['name'], '08C', HFNAME, code, name, '08C', HFNAME,
                               '20190701', '', 'TRUE']]))
        lsz.append(csv_text([['GP_PRAC_PAT_LIST', '01JUL2019', 'GP', '08C', 'E38000070', p['code'],
                              p['postcode'], 'ALL', 'ALL', n]]))
assert k == len(HF)
write('08-ePCN_PCNDetails.csv', ''.join(det), crlf=True)
write('09-ePCN_PCN_Core_Partner_Details.csv', ''.join(part), crlf=True)

# ---- BHR: networks, federations, CQC, PMS ------------------------------------------------------
BHR = {  # commissioner: networks, CQC (inadequate, RI, good, unpublished), PMS (premiums), total
    '07L': (['bd-north', 'bd-east', 'bd-west'], (3, 7, 20, 8),
            [950, 1204, 1530, 1875, 2210, 2642, 3108, 3590, 4235, 4960, 5813], 240000000, 1),
    '08F': (['hav-north', 'hav-central', 'hav-south'], (1, 14, 20, 9),
            [1017, 1029, 1042, 1055, 1068, 1080, 1093, 1105, 1118, 1130, 1142, 1151], 103000000, 1),
    '08N': (['red-fairlop', 'red-wanstead-woodford', 'red-cranbrook-loxford', 'red-seven-kings'],
            (2, 9, 17, 17),
            [-216, 312, 645, 980, 1260, 1498, 1725, 1950, 2130, 2365, 2510, 2640, 2777], 102000000, 2),
}
rng = random.Random(20170418)
netm = [['practice', 'from_date', 'network', 'to_date']]
fedm = [['practice', 'from_date', 'federation', 'to_date']]
cqc = {}      # practice -> (rating, publication date)
core = {}     # practice -> (type, premium, annual)

def date_between(a, b):
    import datetime
    d0 = datetime.date.fromisoformat(a)
    d1 = datetime.date.fromisoformat(b)
    return (d0 + datetime.timedelta(days=rng.randrange((d1 - d0).days + 1))).isoformat()

for comm, (nets_, (inad, ri, good, unpub), premiums, total, apms) in BHR.items():
    ps = of(comm)
    for i, p in enumerate(ps):
        netm.append([p['code'], NET_OPEN, nets_[i % len(nets_)], ''])
        if comm == '07L':
            fed = 'together-first'
        elif comm == '08F':
            fed = 'havering-health'
        else:
            fed = 'healthbridge-direct' if i % 2 == 0 else 'redbridge-alliance'
        fedm.append([p['code'], '2016-04-01', fed, ''])
    ratings = ['inadequate'] * inad + ['requires_improvement'] * ri + ['good'] * good + \
              [None] * unpub
    assert len(ratings) == len(ps)
    rng.shuffle(ratings)
    for p, r in zip(ps, ratings):
        if r:
            cqc[p['code']] = (r, date_between('2015-01-05', '2017-04-07'))
    types = ['PMS'] * len(premiums) + ['APMS'] * apms
    types += ['GMS'] * (len(ps) - len(types))
    rng.shuffle(types)
    prem = list(premiums)
    rng.shuffle(prem)
    pms_ps = [p for p, t in zip(ps, types) if t == 'PMS']
    lo, hi = (3800, 7000) if comm == '08N' else (5000, 9500)
    weights = [rng.randrange(lo, hi) for _ in prem]
    scale = total / sum(pr * w for pr, w in zip(prem, weights))
    annuals = [round(pr * w * scale) for pr, w in zip(prem, weights)]
    big = max(range(len(prem)), key=lambda j: annuals[j])
    annuals[big] += total - sum(annuals)
    assert sum(annuals) == total
    print(comm, 'weighted lists implied:', [round(a / pr) for a, pr in zip(annuals, prem)],
          file=sys.stderr)
    for p, t in zip(ps, types):
        core[p['code']] = (t, None, None)
    for p, pr, a in zip(pms_ps, prem, annuals):
        core[p['code']] = ('PMS', pr, a)

# Bromley (seed 000): CQC 1 outstanding, 18 good, 3 requires improvement, 23 not inspected;
# Integrated Case Management LIS: 37 of 45; all in Bromley GP Alliance.
BR = of('07Q')
ratings = ['outstanding'] + ['good'] * 18 + ['requires_improvement'] * 3 + [None] * 23
rng.shuffle(ratings)
for p, r in zip(BR, ratings):
    if r:
        cqc[p['code']] = (r, date_between('2015-01-05', '2017-01-20'))
types = ['PMS'] * 18 + ['GMS'] * 27
rng.shuffle(types)
for p, t in zip(BR, types):
    core[p['code']] = (t, None, None)
    fedm.append([p['code'], '2015-04-01', 'bromley-gp-alliance', ''])
not_icm = set(rng.sample([p['code'] for p in BR], 8))
for comm in ['09W', '08C', '10X']:
    for i, p in enumerate(of(comm)):
        core[p['code']] = ('PMS' if i % 3 == 1 else 'GMS', None, None)
core[HF[0]['code']] = ('GMS', None, None)

write('10-network-memberships.csv', csv_text(netm))
write('11-federation-memberships.csv', csv_text(fedm))

con = [['id', 'practice', 'federation', 'commissioner', 'type', 'service', 'start_date',
        'end_date', 'pms_premium', 'annual_value']]
cid = 0
for p in practices:
    t, pr, a = core[p['code']]
    cid += 1
    start, end = ('2014-04-01', '2019-03-31') if t == 'APMS' else ('2004-04-01', '')
    con.append([cid, p['code'], '', '', t, '', start, end,
                '' if pr is None else pr, '' if a is None else a])
for p in BR:
    if p['code'] in not_icm:
        continue
    cid += 1
    con.append([cid, p['code'], '', '07Q', 'LIS', 'Integrated Case Management', '2016-12-01',
                '', '', ''])
cid += 1
con.append([cid, '', 'bromley-gp-alliance', '07Q', 'OTHER', 'Extended access hubs',
            '2015-12-01', '2018-03-31', '', ''])
for p in HF:
    cid += 1
    con.append([cid, p['code'], '', '08C', 'DES', 'Network Contract DES', '2019-07-01', '', '', ''])
write('12-contracts.csv', csv_text(con))

# ---- CQC latest ratings as at 18 April 2017 ---------------------------------------------------------
HEAD = ['Location ID', 'Location ODS Code', 'Location Name', 'Care Home?', 'Location Type',
        'Location Primary Inspection Category', 'Location Street Address',
        'Location Address Line 2', 'Location City', 'Location Post Code',
        'Location Local Authority', 'Location Region', 'Location NHS Region',
        'Location Commissioning CCG Code', 'Location Commissioning CCG Name',
        'Service / Population Group', 'Domain', 'Latest Rating', 'Publication Date',
        'Report Type', 'Inherited Rating (Y/N)', 'URL', 'Provider ID', 'Provider Name',
        'Brand ID', 'Brand Name']
WORD = {'outstanding': 'Outstanding', 'good': 'Good', 'requires_improvement': 'Requires improvement',
        'inadequate': 'Inadequate'}
KEYQ = {  # overall -> safe, effective, caring, responsive, well-led
    'outstanding': ['good', 'outstanding', 'good', 'outstanding', 'outstanding'],
    'good': ['good'] * 5,
    'requires_improvement': ['requires_improvement', 'good', 'good', 'good', 'requires_improvement'],
    'inadequate': ['inadequate', 'requires_improvement', 'good', 'requires_improvement', 'inadequate'],
}
DOMAINS = ['Safe', 'Effective', 'Caring', 'Responsive', 'Well-led']
out = [HEAD]
n = 0
for p in practices:
    if p['code'] not in cqc:
        continue
    n += 1
    r, pub = cqc[p['code']]
    dmy = f'{pub[8:]}/{pub[5:7]}/{pub[:4]}'
    title = p['name'].title()
    base = [f'1-9990{n:05d}', p['code'], title, 'N', 'Primary Medical Services', 'GP Practices',
            p['street'].title(), '', p['town'].title(), p['postcode'], p['la'], 'London',
            'London', p['comm'], ccg[p['comm']]['name']]
    tail = ['Location', 'N', '', f'1-9980{n:05d}', title.replace('Surgery', 'Partnership')
            .replace('Medical Centre', 'Partnership').replace('Health Centre', 'Partnership')
            .replace('Family Practice', 'Partnership').replace('Practice', 'Partnership'), '-', '-']
    out.append(base + ['Overall', 'Overall', WORD[r], dmy] + tail)
write('13-cqc-latest-ratings.csv', csv_text(out))
write('14-gp-reg-pat-prac-all.csv', ''.join(lsz), crlf=True)

print('arrangements per region:', sorted(counts.items(), key=str), file=sys.stderr)
print('not in ICM:', sorted(not_icm), file=sys.stderr)
