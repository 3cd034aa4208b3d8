-- Schema v1: the registry of English NHS primary care.
--
-- Conventions: dates are ISO-8601 text checked with date(x) IS x, which
-- also rejects impossible days such as 2021-02-30; an open-ended period has
-- a NULL end; enumerations are lower-case words (contract types keep their
-- usual capitals); money is integer pence. Every table is STRICT and every
-- reference is a foreign key (the library turns foreign_keys on).
--
-- Released migrations are never edited: change the schema in a new file.

-- Commissioners: CCGs, sub-ICB locations, ICBs, NHS England regions and
-- other commissioning bodies. ODS codes are three characters (07L, QMF,
-- Y56) or the five-character form (A3A8R).
CREATE TABLE commissioner (
    code        TEXT PRIMARY KEY
                CHECK (length(code) IN (3, 5) AND code NOT GLOB '*[^0-9A-Z]*'),
    kind        TEXT NOT NULL
                CHECK (kind IN ('ccg', 'sub_icb', 'icb', 'region', 'other')),
    name        TEXT NOT NULL CHECK (length(name) > 0),
    ons_code    TEXT CHECK (ons_code GLOB 'E[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    -- NHS England region's ODS code (Y56); not a foreign key because the
    -- national files name regions that no file describes.
    region      TEXT CHECK (length(region) = 3 AND region NOT GLOB '*[^0-9A-Z]*'),
    parent      TEXT REFERENCES commissioner (code),
    open_date   TEXT CHECK (open_date IS date(open_date)),
    close_date  TEXT CHECK (close_date IS date(close_date)),
    CHECK (close_date >= open_date),
    CHECK (parent <> code)
) STRICT, WITHOUT ROWID;

CREATE INDEX commissioner_by_parent ON commissioner (parent) WHERE parent IS NOT NULL;
CREATE INDEX commissioner_by_region ON commissioner (region, kind);

-- Successions: the ODS record of which code carries an organisation on.
-- Covers every kind of organisation (practices, trusts, CCGs), so the
-- codes are not foreign keys. A code may split into several on one date.
CREATE TABLE succession (
    old_code        TEXT NOT NULL
                    CHECK (length(old_code) BETWEEN 3 AND 12 AND old_code NOT GLOB '*[^0-9A-Z]*'),
    new_code        TEXT NOT NULL
                    CHECK (length(new_code) BETWEEN 3 AND 12 AND new_code NOT GLOB '*[^0-9A-Z]*'),
    effective_date  TEXT NOT NULL CHECK (effective_date IS date(effective_date)),
    CHECK (new_code <> old_code),
    PRIMARY KEY (old_code, new_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX succession_by_date ON succession (old_code, effective_date);
CREATE INDEX succession_by_new_code ON succession (new_code, effective_date);

-- Co-commissioning of general practice with NHS England, from 2015.
CREATE TABLE commissioning_arrangement (
    id            INTEGER PRIMARY KEY,
    commissioner  TEXT NOT NULL REFERENCES commissioner (code),
    level         TEXT NOT NULL
                  CHECK (level IN ('greater_involvement', 'joint', 'delegated')),
    from_date     TEXT NOT NULL CHECK (from_date IS date(from_date)),
    to_date       TEXT CHECK (to_date IS date(to_date)),
    CHECK (to_date >= from_date)
) STRICT;

CREATE UNIQUE INDEX commissioning_arrangement_by_commissioner
    ON commissioning_arrangement (commissioner, from_date);
CREATE INDEX commissioning_arrangement_by_level ON commissioning_arrangement (level, from_date);

-- GP practices. The integer id gives full-text search (schema v2) a stable
-- rowid; everything else refers to a practice by its ODS code.
CREATE TABLE practice (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE
                         CHECK (code GLOB '[A-Z][0-9][0-9][0-9][0-9][0-9]'),
    name                 TEXT NOT NULL CHECK (length(name) > 0),
    address1             TEXT,
    address2             TEXT,
    address3             TEXT,
    address4             TEXT,
    address5             TEXT,
    postcode             TEXT
                         CHECK (length(postcode) BETWEEN 2 AND 8
                                AND postcode NOT GLOB '*[^0-9A-Z ]*'),
    status               TEXT NOT NULL
                         CHECK (status IN ('active', 'closed', 'dormant', 'proposed')),
    prescribing_setting  INTEGER CHECK (prescribing_setting BETWEEN 0 AND 99),
    open_date            TEXT CHECK (open_date IS date(open_date)),
    close_date           TEXT CHECK (close_date IS date(close_date)),
    phone                TEXT,
    CHECK (close_date >= open_date)
) STRICT;

CREATE INDEX practice_by_postcode ON practice (postcode);

-- Networks: primary care networks (ODS U code) and the local networks and
-- localities that came before them (a local id).
CREATE TABLE network (
    code          TEXT PRIMARY KEY
                  CHECK (length(code) BETWEEN 1 AND 40
                         AND code NOT GLOB '*[^0-9A-Za-z._-]*'),
    kind          TEXT NOT NULL CHECK (kind IN ('pcn', 'local')),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    commissioner  TEXT REFERENCES commissioner (code),
    open_date     TEXT CHECK (open_date IS date(open_date)),
    close_date    TEXT CHECK (close_date IS date(close_date)),
    CHECK (kind <> 'pcn' OR code GLOB 'U[0-9][0-9][0-9][0-9][0-9]'),
    CHECK (close_date >= open_date)
) STRICT, WITHOUT ROWID;

CREATE INDEX network_by_commissioner ON network (commissioner);

-- People who lead a network: clinical directors, network leads.
CREATE TABLE network_lead (
    id         INTEGER PRIMARY KEY,
    network    TEXT NOT NULL REFERENCES network (code),
    person     TEXT NOT NULL CHECK (length(person) > 0),
    role       TEXT NOT NULL CHECK (length(role) > 0),
    from_date  TEXT NOT NULL CHECK (from_date IS date(from_date)),
    to_date    TEXT CHECK (to_date IS date(to_date)),
    CHECK (to_date >= from_date)
) STRICT;

CREATE INDEX network_lead_by_network ON network_lead (network, from_date);

-- GP federations: providers owned by their member practices.
CREATE TABLE federation (
    id    TEXT PRIMARY KEY
          CHECK (length(id) BETWEEN 1 AND 40 AND id NOT GLOB '*[^0-9A-Za-z._-]*'),
    name  TEXT NOT NULL CHECK (length(name) > 0),
    area  TEXT
) STRICT, WITHOUT ROWID;

-- Dated memberships. The key (practice, from_date) makes "as of a date" a
-- seek: the latest period starting on or before the date, whose end is
-- then checked. Periods of one practice never overlap (triggers below).
CREATE TABLE practice_commissioner (
    practice      TEXT NOT NULL REFERENCES practice (code),
    commissioner  TEXT NOT NULL REFERENCES commissioner (code),
    from_date     TEXT NOT NULL CHECK (from_date IS date(from_date)),
    to_date       TEXT CHECK (to_date IS date(to_date)),
    CHECK (to_date >= from_date),
    PRIMARY KEY (practice, from_date)
) STRICT, WITHOUT ROWID;

CREATE INDEX practice_commissioner_members
    ON practice_commissioner (commissioner, from_date, to_date);

CREATE TABLE practice_network (
    practice   TEXT NOT NULL REFERENCES practice (code),
    network    TEXT NOT NULL REFERENCES network (code),
    from_date  TEXT NOT NULL CHECK (from_date IS date(from_date)),
    to_date    TEXT CHECK (to_date IS date(to_date)),
    CHECK (to_date >= from_date),
    PRIMARY KEY (practice, from_date)
) STRICT, WITHOUT ROWID;

CREATE INDEX practice_network_members ON practice_network (network, from_date, to_date);

CREATE TABLE practice_federation (
    practice    TEXT NOT NULL REFERENCES practice (code),
    federation  TEXT NOT NULL REFERENCES federation (id),
    from_date   TEXT NOT NULL CHECK (from_date IS date(from_date)),
    to_date     TEXT CHECK (to_date IS date(to_date)),
    CHECK (to_date >= from_date),
    PRIMARY KEY (practice, from_date)
) STRICT, WITHOUT ROWID;

CREATE INDEX practice_federation_members ON practice_federation (federation, from_date, to_date);

-- Contracts: a practice's core contract (GMS, PMS, APMS; one at a time)
-- and enhanced services (DES, LES, LIS) held by a practice or a federation.
CREATE TABLE contract (
    id            INTEGER PRIMARY KEY,
    practice      TEXT REFERENCES practice (code),
    federation    TEXT REFERENCES federation (id),
    commissioner  TEXT REFERENCES commissioner (code),
    type          TEXT NOT NULL
                  CHECK (type IN ('GMS', 'PMS', 'APMS', 'DES', 'LES', 'LIS', 'OTHER')),
    service       TEXT CHECK (length(service) > 0),
    start_date    TEXT NOT NULL CHECK (start_date IS date(start_date)),
    end_date      TEXT CHECK (end_date IS date(end_date)),
    -- pence per weighted patient; may be negative (Redbridge, 2017)
    pms_premium   INTEGER,
    -- pence a year
    annual_value  INTEGER,
    CHECK ((practice IS NULL) <> (federation IS NULL)),
    CHECK (end_date >= start_date),
    CHECK (pms_premium IS NULL OR type = 'PMS'),
    CHECK (type IN ('GMS', 'PMS', 'APMS') OR service IS NOT NULL),
    CHECK (type NOT IN ('GMS', 'PMS', 'APMS') OR practice IS NOT NULL)
) STRICT;

CREATE INDEX contract_by_practice ON contract (practice, start_date)
    WHERE practice IS NOT NULL;
CREATE INDEX contract_core_by_practice ON contract (practice, start_date)
    WHERE type IN ('GMS', 'PMS', 'APMS');
CREATE INDEX contract_by_federation ON contract (federation, start_date)
    WHERE federation IS NOT NULL;
CREATE INDEX contract_by_commissioner ON contract (commissioner, type, start_date);
CREATE INDEX contract_by_service ON contract (type, service, start_date);

-- CQC inspections. A visit may have happened before its report is
-- published; ratings exist only once it is.
CREATE TABLE inspection (
    id                INTEGER PRIMARY KEY,
    practice          TEXT NOT NULL REFERENCES practice (code),
    cqc_location_id   TEXT CHECK (cqc_location_id GLOB '1-[0-9]*'
                                  AND cqc_location_id NOT GLOB '1-*[^0-9]*'),
    inspection_date   TEXT CHECK (inspection_date IS date(inspection_date)),
    publication_date  TEXT CHECK (publication_date IS date(publication_date)),
    overall           TEXT CHECK (overall IN ('outstanding', 'good', 'requires_improvement',
                                              'inadequate', 'insufficient_evidence')),
    safe              TEXT CHECK (safe IN ('outstanding', 'good', 'requires_improvement',
                                           'inadequate', 'insufficient_evidence')),
    effective         TEXT CHECK (effective IN ('outstanding', 'good', 'requires_improvement',
                                                'inadequate', 'insufficient_evidence')),
    caring            TEXT CHECK (caring IN ('outstanding', 'good', 'requires_improvement',
                                             'inadequate', 'insufficient_evidence')),
    responsive        TEXT CHECK (responsive IN ('outstanding', 'good', 'requires_improvement',
                                                 'inadequate', 'insufficient_evidence')),
    well_led          TEXT CHECK (well_led IN ('outstanding', 'good', 'requires_improvement',
                                               'inadequate', 'insufficient_evidence')),
    report_url        TEXT,
    CHECK (inspection_date IS NOT NULL OR publication_date IS NOT NULL),
    CHECK (publication_date >= inspection_date),
    CHECK (publication_date IS NOT NULL
           OR coalesce(overall, safe, effective, caring, responsive, well_led) IS NULL)
) STRICT;

CREATE INDEX inspection_by_practice_published ON inspection (practice, publication_date);
CREATE INDEX inspection_by_practice_inspected ON inspection (practice, inspection_date);

-- Registered list sizes, from NHS Digital's monthly extracts.
CREATE TABLE list_size (
    practice      TEXT NOT NULL REFERENCES practice (code),
    extract_date  TEXT NOT NULL CHECK (extract_date IS date(extract_date)),
    registered    INTEGER NOT NULL CHECK (registered >= 0),
    weighted      REAL CHECK (weighted >= 0),
    PRIMARY KEY (practice, extract_date)
) STRICT, WITHOUT ROWID;

-- No two periods of one practice in one kind of membership, and no two
-- core contracts of one practice, overlap. The library checks first and
-- names the clash; these triggers keep the file honest whatever writes it.
CREATE TRIGGER practice_commissioner_no_overlap_insert
BEFORE INSERT ON practice_commissioner
WHEN EXISTS (SELECT 1 FROM practice_commissioner
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_commissioner period');
END;

CREATE TRIGGER practice_commissioner_no_overlap_update
BEFORE UPDATE OF practice, from_date, to_date ON practice_commissioner
WHEN EXISTS (SELECT 1 FROM practice_commissioner
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date
               AND NOT (practice = OLD.practice AND from_date = OLD.from_date))
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_commissioner period');
END;

CREATE TRIGGER practice_network_no_overlap_insert
BEFORE INSERT ON practice_network
WHEN EXISTS (SELECT 1 FROM practice_network
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_network period');
END;

CREATE TRIGGER practice_network_no_overlap_update
BEFORE UPDATE OF practice, from_date, to_date ON practice_network
WHEN EXISTS (SELECT 1 FROM practice_network
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date
               AND NOT (practice = OLD.practice AND from_date = OLD.from_date))
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_network period');
END;

CREATE TRIGGER practice_federation_no_overlap_insert
BEFORE INSERT ON practice_federation
WHEN EXISTS (SELECT 1 FROM practice_federation
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_federation period');
END;

CREATE TRIGGER practice_federation_no_overlap_update
BEFORE UPDATE OF practice, from_date, to_date ON practice_federation
WHEN EXISTS (SELECT 1 FROM practice_federation
             WHERE practice = NEW.practice
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date
               AND NOT (practice = OLD.practice AND from_date = OLD.from_date))
BEGIN
    SELECT RAISE(ABORT, 'overlapping practice_federation period');
END;

CREATE TRIGGER commissioning_arrangement_no_overlap_insert
BEFORE INSERT ON commissioning_arrangement
WHEN EXISTS (SELECT 1 FROM commissioning_arrangement
             WHERE commissioner = NEW.commissioner
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping commissioning_arrangement period');
END;

CREATE TRIGGER commissioning_arrangement_no_overlap_update
BEFORE UPDATE OF commissioner, from_date, to_date ON commissioning_arrangement
WHEN EXISTS (SELECT 1 FROM commissioning_arrangement
             WHERE commissioner = NEW.commissioner
               AND from_date <= coalesce(NEW.to_date, '9999-12-31')
               AND coalesce(to_date, '9999-12-31') >= NEW.from_date
               AND id <> OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'overlapping commissioning_arrangement period');
END;

CREATE TRIGGER contract_core_no_overlap_insert
BEFORE INSERT ON contract
WHEN NEW.type IN ('GMS', 'PMS', 'APMS')
 AND EXISTS (SELECT 1 FROM contract
             WHERE practice = NEW.practice
               AND type IN ('GMS', 'PMS', 'APMS')
               AND start_date <= coalesce(NEW.end_date, '9999-12-31')
               AND coalesce(end_date, '9999-12-31') >= NEW.start_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping core contract period');
END;

CREATE TRIGGER contract_core_no_overlap_update
BEFORE UPDATE OF practice, type, start_date, end_date ON contract
WHEN NEW.type IN ('GMS', 'PMS', 'APMS')
 AND EXISTS (SELECT 1 FROM contract
             WHERE practice = NEW.practice
               AND type IN ('GMS', 'PMS', 'APMS')
               AND start_date <= coalesce(NEW.end_date, '9999-12-31')
               AND coalesce(end_date, '9999-12-31') >= NEW.start_date
               AND id <> OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'overlapping core contract period');
END;
