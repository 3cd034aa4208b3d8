-- Schema v6: the CHECK constraints test values with comparisons, not IN lists.
--
-- SQLite evaluates "x IN ('a', 'b')" by building a temporary B-tree of the
-- list every time a statement runs, so each single-row INSERT or UPDATE
-- paid for one per IN list in its table's CHECKs (a contract row: four).
-- The same test written as "(x = 'a' OR x = 'b')" is free. The constraints
-- are equivalent (NULL passes both), so no row changes and no table need
-- be made again: the text of each CREATE is rewritten in place, as SQLite's
-- ALTER TABLE documentation describes for changes that do not touch stored
-- content. The partial index's WHERE is rewritten the same way, and the
-- overlap triggers are made again.

PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
    'length(code) IN (3, 5)',
    '(length(code) = 3 OR length(code) = 5)')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'kind IN (''ccg'', ''sub_icb'', ''icb'', ''region'', ''other'')',
    '(kind = ''ccg'' OR kind = ''sub_icb'' OR kind = ''icb'' OR kind = ''region'''
    || ' OR kind = ''other'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'level IN (''greater_involvement'', ''joint'', ''delegated'')',
    '(level = ''greater_involvement'' OR level = ''joint'' OR level = ''delegated'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'status IN (''active'', ''closed'', ''dormant'', ''proposed'')',
    '(status = ''active'' OR status = ''closed'' OR status = ''dormant'''
    || ' OR status = ''proposed'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'kind IN (''pcn'', ''local'')',
    '(kind = ''pcn'' OR kind = ''local'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'certainty IN (''stated'', ''inferred'', ''uncertain'')',
    '(certainty = ''stated'' OR certainty = ''inferred'' OR certainty = ''uncertain'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'derived IN (0, 1)',
    '(derived = 0 OR derived = 1)')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'type IN (''GMS'', ''PMS'', ''APMS'', ''DES'', ''LES'', ''LIS'', ''OTHER'')',
    '(type = ''GMS'' OR type = ''PMS'' OR type = ''APMS'' OR type = ''DES'''
    || ' OR type = ''LES'' OR type = ''LIS'' OR type = ''OTHER'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'type IN (''GMS'', ''PMS'', ''APMS'')',
    '(type = ''GMS'' OR type = ''PMS'' OR type = ''APMS'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'type NOT IN (''GMS'', ''PMS'', ''APMS'')',
    'NOT (type = ''GMS'' OR type = ''PMS'' OR type = ''APMS'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'overall IN (''outstanding'', ''good'', ''requires_improvement'',
                                              ''inadequate'', ''insufficient_evidence'')',
    '(overall = ''outstanding'' OR overall = ''good'''
    || ' OR overall = ''requires_improvement'' OR overall = ''inadequate'''
    || ' OR overall = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'safe IN (''outstanding'', ''good'', ''requires_improvement'',
                                           ''inadequate'', ''insufficient_evidence'')',
    '(safe = ''outstanding'' OR safe = ''good'' OR safe = ''requires_improvement'''
    || ' OR safe = ''inadequate'' OR safe = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'effective IN (''outstanding'', ''good'', ''requires_improvement'',
                                                ''inadequate'', ''insufficient_evidence'')',
    '(effective = ''outstanding'' OR effective = ''good'''
    || ' OR effective = ''requires_improvement'' OR effective = ''inadequate'''
    || ' OR effective = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'caring IN (''outstanding'', ''good'', ''requires_improvement'',
                                             ''inadequate'', ''insufficient_evidence'')',
    '(caring = ''outstanding'' OR caring = ''good'' OR caring = ''requires_improvement'''
    || ' OR caring = ''inadequate'' OR caring = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'responsive IN (''outstanding'', ''good'', ''requires_improvement'',
                                                 ''inadequate'', ''insufficient_evidence'')',
    '(responsive = ''outstanding'' OR responsive = ''good'''
    || ' OR responsive = ''requires_improvement'' OR responsive = ''inadequate'''
    || ' OR responsive = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'well_led IN (''outstanding'', ''good'', ''requires_improvement'',
                                               ''inadequate'', ''insufficient_evidence'')',
    '(well_led = ''outstanding'' OR well_led = ''good'''
    || ' OR well_led = ''requires_improvement'' OR well_led = ''inadequate'''
    || ' OR well_led = ''insufficient_evidence'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'mode IN (''strict'', ''lenient'')',
    '(mode = ''strict'' OR mode = ''lenient'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'action IN (''insert'', ''update'', ''delete'', ''move'')',
    '(action = ''insert'' OR action = ''update'' OR action = ''delete'''
    || ' OR action = ''move'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'date_basis IN (''file'', ''caller'', ''inferred'', ''migrated'')',
    '(date_basis = ''file'' OR date_basis = ''caller'' OR date_basis = ''inferred'''
    || ' OR date_basis = ''migrated'')')
WHERE type IN ('table', 'index');
UPDATE sqlite_schema SET sql = replace(sql,
    'fact IN (''commissioner'', ''network'', ''practice'', ''organisation'',
                                ''contract'', ''list_size'', ''other_organisation'')',
    '(fact = ''commissioner'' OR fact = ''network'' OR fact = ''practice'''
    || ' OR fact = ''organisation'' OR fact = ''contract'' OR fact = ''list_size'''
    || ' OR fact = ''other_organisation'')')
WHERE type IN ('table', 'index');

-- RESET turns writable_schema off and makes this connection read the
-- schema again; the trigger statements below change the schema version,
-- so every other connection reads it again too.
PRAGMA writable_schema = RESET;

-- A registry whose schema text differs from the migrations' (edited by
-- hand) would keep an IN list: refuse it rather than half-rewrite it.
CREATE TEMP TABLE schema_v6_check (
    ok INTEGER CONSTRAINT every_in_list_rewritten CHECK (ok)
);
INSERT INTO temp.schema_v6_check
SELECT count(*) = 0 FROM sqlite_schema
WHERE type IN ('table', 'index') AND (sql GLOB '* IN (''*' OR sql GLOB '* IN ([0-9]*');
DROP TABLE temp.schema_v6_check;

DROP TRIGGER contract_core_no_overlap_insert;
DROP TRIGGER contract_core_no_overlap_update;

CREATE TRIGGER contract_core_no_overlap_insert
BEFORE INSERT ON contract
WHEN (NEW.type = 'GMS' OR NEW.type = 'PMS' OR NEW.type = 'APMS')
 AND EXISTS (SELECT 1 FROM contract
             WHERE practice = NEW.practice
               AND (type = 'GMS' OR type = 'PMS' OR type = 'APMS')
               AND start_date <= coalesce(NEW.end_date, '9999-12-31')
               AND coalesce(end_date, '9999-12-31') >= NEW.start_date)
BEGIN
    SELECT RAISE(ABORT, 'overlapping core contract period');
END;

CREATE TRIGGER contract_core_no_overlap_update
BEFORE UPDATE OF practice, type, start_date, end_date ON contract
WHEN (NEW.type = 'GMS' OR NEW.type = 'PMS' OR NEW.type = 'APMS')
 AND EXISTS (SELECT 1 FROM contract
             WHERE practice = NEW.practice
               AND (type = 'GMS' OR type = 'PMS' OR type = 'APMS')
               AND start_date <= coalesce(NEW.end_date, '9999-12-31')
               AND coalesce(end_date, '9999-12-31') >= NEW.start_date
               AND id <> OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'overlapping core contract period');
END;
