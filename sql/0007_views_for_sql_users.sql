-- Schema v7: views for people who query the file with SQL.
--
-- The registry is a SQLite file, and analysts open it in the sqlite3 shell,
-- Datasette or sqlite-utils without reading the C API. These views give the
-- current state and the dated history in plain relational form, with names
-- instead of bare codes. They add no table, index or row, so the step is
-- instant on a registry of any size, and the library itself never reads
-- them. Each view's comments are inside its CREATE VIEW statement, where
-- SQLite keeps them: `.schema practice_current` in the shell shows them.
-- docs/schema.md describes every table and view (a test checks it against
-- the live schema).
--
-- "Today" is date('now') in UTC, read when a query runs. Every lookup is a
-- seek on a primary key or an index: a view costs a few seeks per row it
-- returns, never a scan of a history table per row.

CREATE VIEW practice_current AS
-- Each GP practice as the registry holds it now (what the newest release
-- says, and any hand edit since), with what is true of it today: its
-- commissioner and network, its latest list size and its latest published
-- CQC rating. A column is NULL when nothing covers today (no membership
-- period runs through today, no list size, no inspection published).
--
-- Today's membership is found the way the C API answers "as of a date"
-- (pcreg_membership_on, pcreg_membership_answer): the period of the
-- practice that started latest on or before the date, if it has not ended
-- by then. An 'uncertain' period ends on the last release that showed it;
-- the days up to its window_to are not known, and give NULL here.
SELECT p.code,
       p.name,
       p.address1,
       p.address2,
       p.address3,
       p.address4,
       p.address5,
       p.postcode,
       p.status,                 -- active, closed, dormant or proposed
       p.prescribing_setting,    -- 4 = GP practice
       p.open_date,
       p.close_date,
       p.phone,
       pc.commissioner,          -- ODS code of today's commissioner
       c.name AS commissioner_name,
       pc.from_date AS commissioner_from,
       pc.certainty AS commissioner_certainty,
       pn.network,               -- code of today's network (a PCN's U code)
       n.name AS network_name,
       pn.from_date AS network_from,
       pn.certainty AS network_certainty,
       ls.extract_date AS list_size_date,
       ls.registered AS registered_patients,
       ls.weighted AS weighted_patients,
       i.publication_date AS cqc_published,
       i.overall AS cqc_overall
FROM practice p
LEFT JOIN practice_commissioner pc
       ON pc.practice = p.code
      AND pc.from_date = (SELECT from_date FROM practice_commissioner
                          WHERE practice = p.code AND from_date <= date('now')
                          ORDER BY from_date DESC LIMIT 1)
      AND (pc.to_date IS NULL OR pc.to_date >= date('now'))
LEFT JOIN commissioner c ON c.code = pc.commissioner
LEFT JOIN practice_network pn
       ON pn.practice = p.code
      AND pn.from_date = (SELECT from_date FROM practice_network
                          WHERE practice = p.code AND from_date <= date('now')
                          ORDER BY from_date DESC LIMIT 1)
      AND (pn.to_date IS NULL OR pn.to_date >= date('now'))
LEFT JOIN network n ON n.code = pn.network
LEFT JOIN list_size ls
       ON ls.practice = p.code
      AND ls.extract_date = (SELECT extract_date FROM list_size
                             WHERE practice = p.code AND extract_date <= date('now')
                             ORDER BY extract_date DESC LIMIT 1)
-- the latest report published by today, as pcreg_inspection_latest_on
LEFT JOIN inspection i
       ON i.id = (SELECT id FROM inspection
                  WHERE practice = p.code AND publication_date <= date('now')
                  ORDER BY publication_date DESC, id DESC LIMIT 1);

CREATE VIEW practice_commissioner_history AS
-- Every period of every practice with a commissioner: one row a period,
-- none overlapping for one practice. to_date NULL: still running.
--
-- certainty says how the period is known: 'stated' (a release, or a person
-- through the API, gives a period covering it), 'inferred' (a succession,
-- or releases on both sides that agree, date the change), 'uncertain' (the
-- releases bracket a change without dating it: the period runs to the last
-- release that showed it, and window_to is the first day the next
-- commissioner was seen; the change happened in between). derived is 1 for
-- a period worked out from the releases' evidence, which the next import
-- may revise, and 0 for one written through the API or a registry file,
-- which imports never touch. The release is the one the period rests on
-- (NULL when derived is 0). Names are today's (the newest release's).
SELECT pc.practice,
       p.name AS practice_name,
       pc.commissioner,
       c.name AS commissioner_name,
       c.kind AS commissioner_kind,
       pc.from_date,
       pc.to_date,
       pc.certainty,
       pc.window_to,
       pc.derived,
       pc.release_id,
       r.kind AS release_kind,
       r.release_date
FROM practice_commissioner pc
LEFT JOIN practice p ON p.code = pc.practice
LEFT JOIN commissioner c ON c.code = pc.commissioner
LEFT JOIN release r ON r.id = pc.release_id;

CREATE VIEW network_membership_history AS
-- Every period of every practice in a network (a primary care network from
-- July 2019, or a local network or locality before): one row a period, none
-- overlapping for one practice. to_date NULL: still running. certainty,
-- window_to, derived and the release mean what they mean in
-- practice_commissioner_history. Names are today's.
SELECT pn.practice,
       p.name AS practice_name,
       pn.network,
       n.name AS network_name,
       n.kind AS network_kind,       -- pcn or local
       n.commissioner AS network_commissioner,
       pn.from_date,
       pn.to_date,
       pn.certainty,
       pn.window_to,
       pn.derived,
       pn.release_id,
       r.kind AS release_kind,
       r.release_date
FROM practice_network pn
LEFT JOIN practice p ON p.code = pn.practice
LEFT JOIN network n ON n.code = pn.network
LEFT JOIN release r ON r.id = pn.release_id;

CREATE VIEW commissioner_current AS
-- Each commissioner (CCG, sub-ICB location, ICB, NHS England region) as the
-- registry holds it now, with its parent's name, its level of
-- co-commissioning of general practice today, and how many practices it
-- commissions today (periods of one practice never overlap, so each
-- practice counts once).
SELECT c.code,
       c.kind,                   -- ccg, sub_icb, icb, region or other
       c.name,
       c.ons_code,
       c.region,
       c.parent,
       parent.name AS parent_name,
       c.open_date,
       c.close_date,
       a.level AS arrangement_level,   -- greater_involvement, joint or delegated
       a.from_date AS arrangement_from,
       (SELECT count(*) FROM practice_commissioner m
        WHERE m.commissioner = c.code AND m.from_date <= date('now')
          AND (m.to_date IS NULL OR m.to_date >= date('now'))) AS practices_today
FROM commissioner c
LEFT JOIN commissioner parent ON parent.code = c.parent
LEFT JOIN commissioning_arrangement a
       ON a.commissioner = c.code
      AND a.from_date = (SELECT from_date FROM commissioning_arrangement
                         WHERE commissioner = c.code AND from_date <= date('now')
                         ORDER BY from_date DESC LIMIT 1)
      AND (a.to_date IS NULL OR a.to_date >= date('now'));

CREATE VIEW release_import AS
-- Each release (one published national file of one kind, on the date its
-- contents describe) with each import that loaded it: a file loaded twice
-- is one release and two rows here. Imports of registry files (hand-kept
-- data, not a release) are in the table import alone.
SELECT r.id AS release_id,
       r.kind,
       r.release_date,
       r.date_basis,             -- file, caller, inferred or migrated
       r.digest,
       i.id AS import_id,
       i.file_name,
       i.file_size,              -- bytes
       i.finished_at,            -- UTC, YYYY-MM-DDTHH:MM:SSZ
       i.rows_read,
       i.inserted,
       i.updated,
       i.unchanged,
       i.skipped,
       i.rejected
FROM release r
LEFT JOIN import i ON i.release_id = r.id;
