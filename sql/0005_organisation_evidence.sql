-- Schema v5: more of what releases say is evidence.
--
-- An eccg release's name, kind, region, parent and dates of each
-- commissioner are kept as observations (fact 'organisation'), so that a
-- commissioner is named as the release in force on a date named it, and
-- its current attributes are the newest release's whatever order the
-- releases were loaded in. A payments file's core contract for each
-- practice and year is evidence too (fact 'contract'), and so is a list
-- size of a practice the registry does not hold yet (fact 'list_size'):
-- both count once the practice is there, whatever the load order. What
-- epraccur says of an organisation that is not a GP practice is evidence
-- (fact 'other_organisation'), so the newest release's word is kept. SQLite
-- cannot change a CHECK constraint in place: the table is made again with
-- the wider one.

CREATE TABLE observation_v5 (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    fact        TEXT NOT NULL
                CHECK (fact IN ('commissioner', 'network', 'practice', 'organisation',
                                'contract', 'list_size', 'other_organisation')),
    subject     TEXT NOT NULL,
    value       TEXT NOT NULL,
    from_date   TEXT CHECK (from_date IS date(from_date)),
    to_date     TEXT CHECK (to_date IS date(to_date)),
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    CHECK (last_seen >= first_seen),
    CHECK (to_date IS NULL OR from_date IS NOT NULL)
) STRICT;

INSERT INTO observation_v5 (id, kind, fact, subject, value, from_date, to_date, first_seen,
                            last_seen)
SELECT id, kind, fact, subject, value, from_date, to_date, first_seen, last_seen
FROM observation;

DROP TABLE observation;
ALTER TABLE observation_v5 RENAME TO observation;

CREATE INDEX observation_by_subject ON observation (subject, fact, value);
CREATE INDEX observation_by_last_seen ON observation (kind, last_seen);
CREATE INDEX observation_by_first_seen ON observation (kind, first_seen);

-- A core contract derived from payments evidence (1), or written by hand
-- or by a registry older than v5 (0), which reconciliation never touches.
ALTER TABLE contract ADD COLUMN derived INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1));
