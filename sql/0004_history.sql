-- Schema v4: history from evidence.
--
-- Every import of a national file is a release of its source, dated by the
-- day its contents describe. What each release says is kept as evidence
-- (observation), and the dated memberships are derived from all of it by
-- rules that do not depend on the order the files were loaded in (see the
-- README, "How the past is derived").

-- A release: one published file of one kind, on its release date. Two
-- imports of the same file are one release; two different files of one kind
-- and date are ordered by their digest, never by when they were loaded.
CREATE TABLE release (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    release_date  TEXT NOT NULL CHECK (release_date IS date(release_date)),
    -- where the date came from: the file says it, the caller gave it, it is
    -- the latest date in the file, or a v3 registry's import was migrated
    date_basis    TEXT NOT NULL CHECK (date_basis IN ('file', 'caller', 'inferred', 'migrated')),
    digest        TEXT NOT NULL
                  CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
    UNIQUE (kind, release_date, digest)
) STRICT;

CREATE INDEX release_by_position ON release (kind, release_date || ' ' || digest);

ALTER TABLE import ADD COLUMN release_id INTEGER REFERENCES release (id);

-- What releases say, as runs: a row holds for every release of its kind
-- from first_seen to last_seen (release positions), and only those, so a
-- release that confirms what the one before said extends a run instead of
-- copying it. fact is the kind of statement: a practice's commissioner or
-- network (value is the organisation's code), or a practice's attributes
-- (value is a JSON array, see lib/evidence.c). A period the file states has
-- its from and to dates; a code seen with no dates (the CCG column of list
-- sizes) has none and stands for the release date alone. Codes are not
-- foreign keys: evidence about an organisation the registry does not hold
-- yet is kept, and counts once it does.
CREATE TABLE observation (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    fact        TEXT NOT NULL CHECK (fact IN ('commissioner', 'network', 'practice')),
    subject     TEXT NOT NULL,
    value       TEXT NOT NULL,
    from_date   TEXT CHECK (from_date IS date(from_date)),
    to_date     TEXT CHECK (to_date IS date(to_date)),
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    CHECK (last_seen >= first_seen),
    CHECK (to_date IS NULL OR from_date IS NOT NULL)
) STRICT;

CREATE INDEX observation_by_subject ON observation (subject, fact, value);
CREATE INDEX observation_by_last_seen ON observation (kind, last_seen);
CREATE INDEX observation_by_first_seen ON observation (kind, first_seen);

-- An import's working tables, empty between imports: what its rows claim
-- (dates absent are '', so that the key drops a row a file gives twice;
-- matched says how each claim met the evidence), and the practices whose
-- evidence it changed. Ordinary tables rather than temporary ones, whose
-- creation would make SQLite prepare every statement again.
CREATE TABLE import_claim (
    fact       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    value      TEXT NOT NULL,
    from_date  TEXT NOT NULL,
    to_date    TEXT NOT NULL,
    matched    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (subject, fact, value, from_date, to_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE import_touched (
    subject  TEXT NOT NULL,
    fact     TEXT NOT NULL,
    PRIMARY KEY (subject, fact)
) STRICT, WITHOUT ROWID;

-- Each dated membership says how it is known: stated (a release gives a
-- period covering it), inferred (a succession, or observations on both
-- sides that agree), uncertain (the evidence brackets a change without
-- dating it: the period runs to the last observation of this value and
-- window_to is the first of the next). derived is 0 for a period written
-- through the API or a registry file, which reconciliation never touches.
ALTER TABLE practice_commissioner ADD COLUMN certainty TEXT NOT NULL DEFAULT 'stated'
    CHECK (certainty IN ('stated', 'inferred', 'uncertain'));
ALTER TABLE practice_commissioner ADD COLUMN window_to TEXT CHECK (window_to IS date(window_to));
ALTER TABLE practice_commissioner ADD COLUMN release_id INTEGER REFERENCES release (id);
ALTER TABLE practice_commissioner ADD COLUMN derived INTEGER NOT NULL DEFAULT 0
    CHECK (derived IN (0, 1));
ALTER TABLE practice_network ADD COLUMN certainty TEXT NOT NULL DEFAULT 'stated'
    CHECK (certainty IN ('stated', 'inferred', 'uncertain'));
ALTER TABLE practice_network ADD COLUMN window_to TEXT CHECK (window_to IS date(window_to));
ALTER TABLE practice_network ADD COLUMN release_id INTEGER REFERENCES release (id);
ALTER TABLE practice_network ADD COLUMN derived INTEGER NOT NULL DEFAULT 0
    CHECK (derived IN (0, 1));

-- A v3 registry's imports become one release: what its memberships and
-- practices say now is evidence dated by its last import, so that later
-- releases reconcile with it instead of overwriting it.
INSERT INTO release (id, kind, release_date, date_basis, digest)
SELECT 1, 'v3', date(max(finished_at)), 'migrated', printf('%064d', 0)
FROM import WHERE finished_at IS NOT NULL HAVING count(*) > 0;

UPDATE import SET release_id = 1 WHERE EXISTS (SELECT 1 FROM release WHERE id = 1);

INSERT INTO observation (kind, fact, subject, value, from_date, to_date, first_seen, last_seen)
SELECT 'v3', 'commissioner', pc.practice, pc.commissioner, pc.from_date, pc.to_date,
       r.release_date || ' ' || r.digest, r.release_date || ' ' || r.digest
FROM practice_commissioner pc, release r WHERE r.id = 1;

INSERT INTO observation (kind, fact, subject, value, from_date, to_date, first_seen, last_seen)
SELECT 'v3', 'network', pn.practice, pn.network, pn.from_date, pn.to_date,
       r.release_date || ' ' || r.digest, r.release_date || ' ' || r.digest
FROM practice_network pn, release r WHERE r.id = 1;

INSERT INTO observation (kind, fact, subject, value, first_seen, last_seen)
SELECT 'v3', 'practice', p.code,
       json_array(p.name, p.address1, p.address2, p.address3, p.address4, p.address5,
                  p.postcode, p.status, p.prescribing_setting, p.open_date, p.close_date,
                  p.phone),
       r.release_date || ' ' || r.digest, r.release_date || ' ' || r.digest
FROM practice p, release r WHERE r.id = 1;

UPDATE practice_commissioner SET derived = 1, release_id = 1
WHERE EXISTS (SELECT 1 FROM release WHERE id = 1);
UPDATE practice_network SET derived = 1, release_id = 1
WHERE EXISTS (SELECT 1 FROM release WHERE id = 1);
