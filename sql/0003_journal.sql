-- Schema v3: the journal of imports, and the organisations in the national
-- files that are not GP practices.
--
-- Every import records itself (which file, by size and SHA-256, of what
-- kind, when, how strictly, with what outcome) and each change it made.
-- A change names the entity and the key of the row it touched (code is
-- the key's first part, the code people search by; subkey the rest, such
-- as a membership's first day or a succession's new code); an update
-- names the field with its old and new values; a move is a membership
-- ending to start elsewhere. The effective date is the file's own date for
-- the change, where it gives one (a join date, a succession date).

CREATE TABLE import (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_size    INTEGER NOT NULL CHECK (file_size >= 0),
    sha256       TEXT NOT NULL
                 CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind         TEXT NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('strict', 'lenient')),
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    -- An import's changes are consecutive rows of change: these ids bound
    -- them, so listing them is a range of the table's key, not an index.
    first_change INTEGER,
    last_change  INTEGER,
    rows_read    INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    inserted     INTEGER NOT NULL DEFAULT 0 CHECK (inserted >= 0),
    updated      INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
    unchanged    INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    skipped      INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    rejected     INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0)
) STRICT;

-- Rows skipped on purpose, counted by reason ("prescribing setting 26").
CREATE TABLE import_skip (
    import_id  INTEGER NOT NULL REFERENCES import (id),
    reason     TEXT NOT NULL,
    rows       INTEGER NOT NULL CHECK (rows > 0),
    PRIMARY KEY (import_id, reason)
) STRICT, WITHOUT ROWID;

-- Rows refused in a lenient import, each with its line, field and reason.
CREATE TABLE import_rejection (
    import_id  INTEGER NOT NULL REFERENCES import (id),
    line       INTEGER NOT NULL CHECK (line > 0),
    field      TEXT,
    reason     TEXT NOT NULL,
    PRIMARY KEY (import_id, line)
) STRICT, WITHOUT ROWID;

CREATE TABLE change (
    id              INTEGER PRIMARY KEY,
    import_id       INTEGER NOT NULL REFERENCES import (id),
    entity          TEXT NOT NULL,
    code            TEXT NOT NULL,
    subkey          TEXT,
    action          TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'move')),
    field           TEXT,
    old_value       TEXT,
    new_value       TEXT,
    effective_date  TEXT CHECK (effective_date IS date(effective_date)),
    CHECK (action <> 'update' OR field IS NOT NULL)
) STRICT;

CREATE INDEX change_by_code ON change (code, id);
CREATE INDEX change_by_date ON change (effective_date) WHERE effective_date IS NOT NULL;

-- Prescribing cost centres in ODS epraccur that are not GP practices
-- (prescribing setting other than 4: hubs, out-of-hours services, walk-in
-- centres, pharmacies...). Kept so that a file naming one of them (a list
-- size, a payment) is skipped with that reason instead of refused as an
-- unknown practice.
CREATE TABLE other_organisation (
    code                 TEXT PRIMARY KEY
                         CHECK (length(code) BETWEEN 3 AND 12 AND code NOT GLOB '*[^0-9A-Z]*'),
    name                 TEXT NOT NULL,
    prescribing_setting  INTEGER CHECK (prescribing_setting BETWEEN 0 AND 99),
    status               TEXT CHECK (status IN ('active', 'closed', 'dormant', 'proposed')),
    commissioner         TEXT,
    open_date            TEXT CHECK (open_date IS date(open_date)),
    close_date           TEXT CHECK (close_date IS date(close_date))
) STRICT, WITHOUT ROWID;
