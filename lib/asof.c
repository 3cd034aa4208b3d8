/*
 * asof.c: an organisation as the releases in force on a date describe it.
 *
 * The registry's practice and commissioner rows hold what the newest
 * release says (and what a hand wrote since). Every release's attributes
 * are kept as evidence (evidence.c), so a date in the past is answered by
 * the release in force then: the newest one dated on or before it that
 * lists the organisation. Before the first release that does, the first
 * one answers (a name is better than none; its open date says whether the
 * organisation existed). When the release in force is the newest, the row
 * itself answers, hand edits included.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

/* The run in force on ?2 among the subject's runs of one fact: the runs
 * that began on or before the date, the one whose releases reach nearest
 * to it; failing any, the first. Its attributes, and whether it is the
 * newest run (then the row answers). */
#define IN_FORCE(fact)                                                                        \
	"WITH runs AS (SELECT value, first_seen, last_seen FROM observation"                       \
	"  WHERE subject = ?1 AND fact = '" fact "'),"                                             \
	" run AS (SELECT value, last_seen FROM runs"                                                \
	"  ORDER BY substr(first_seen, 1, 10) > ?2,"                                                \
	"  CASE WHEN substr(first_seen, 1, 10) > ?2 THEN first_seen END,"                           \
	"  CASE WHEN substr(last_seen, 1, 10) <= ?2 THEN last_seen ELSE ?2 || '~' END DESC,"       \
	"  first_seen DESC LIMIT 1)"                                                                \
	" SELECT j.key, j.atom, run.last_seen = (SELECT max(last_seen) FROM runs)"                 \
	" FROM run, json_each(run.value) j ORDER BY j.key"

static const char SQL_PRACTICE_IN_FORCE[] = IN_FORCE("practice");
static const char SQL_COMMISSIONER_IN_FORCE[] = IN_FORCE("organisation");

typedef pcreg_status (*overlay_fn)(void *record, int column, sqlite3_stmt *stmt);

/* Apply the attributes of the run in force to @p record, column by column. */
static pcreg_status overlay(pcreg_db *db, const char *sql, const char *code, const char *date,
                            void *record, overlay_fn apply)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && st == PCREG_OK) {
		if (sqlite3_column_int(stmt, 2))
			break; /* the newest: the row answers */
		st = apply(record, sqlite3_column_int(stmt, 0), stmt);
	}
	pcreg__stmt_release(db, sql, stmt);
	if (st != PCREG_OK)
		return pcreg__error(db, st, "%s: release in force on %s: %s", code, date,
		                    pcreg_status_str(st));
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return pcreg__sqlite_error(db, rc, "observation");
	return PCREG_OK;
}

static const char *atom(sqlite3_stmt *stmt)
{
	return (const char *)sqlite3_column_text(stmt, 1);
}

/* The order of the columns is evidence.c's practice_columns. A release
 * that leaves a required field blank keeps the row's. */
static pcreg_status practice_column(void *record, int column, sqlite3_stmt *stmt)
{
	pcreg_practice *p = record;
	const char *text = atom(stmt);

	switch (column) {
	case 0:
		return text ? pcreg_practice_set_name(p, text) : PCREG_OK;
	case 1: case 2: case 3: case 4: case 5:
		return pcreg_practice_set_address(p, column, text);
	case 6:
		return pcreg_practice_set_postcode(p, text);
	case 7:
		return text ? pcreg_practice_set_status(p, pcreg_practice_status_parse(text))
		            : PCREG_OK;
	case 8:
		return sqlite3_column_type(stmt, 1) == SQLITE_INTEGER
		               ? pcreg_practice_set_prescribing_setting(p,
		                                                        sqlite3_column_int64(stmt, 1))
		               : pcreg_practice_clear_prescribing_setting(p);
	case 9:
		return pcreg_practice_set_open_date(p, text);
	case 10:
		return pcreg_practice_set_close_date(p, text);
	case 11:
		return pcreg_practice_set_phone(p, text);
	default:
		return PCREG_OK;
	}
}

/* The order is evidence.c's commissioner_columns. */
static pcreg_status commissioner_column(void *record, int column, sqlite3_stmt *stmt)
{
	pcreg_commissioner *c = record;
	const char *text = atom(stmt);

	switch (column) {
	case 0:
		return text ? pcreg_commissioner_set_name(c, text) : PCREG_OK;
	case 1:
		return text ? pcreg_commissioner_set_kind(c, pcreg_commissioner_kind_parse(text))
		            : PCREG_OK;
	case 2:
		return pcreg_commissioner_set_region(c, text);
	case 3:
		/* A parent the release names but the registry lacks is not given. */
		return text ? pcreg_commissioner_set_parent(c, text) : PCREG_OK;
	case 4:
		return pcreg_commissioner_set_open_date(c, text);
	case 5:
		return pcreg_commissioner_set_close_date(c, text);
	default:
		return PCREG_OK;
	}
}

pcreg_status pcreg_practice_get_on(pcreg_db *db, const char *code, const char *date,
                                   pcreg_practice **out)
{
	pcreg_practice *p = NULL;
	pcreg_status st;

	if (out)
		*out = NULL;
	if (!db)
		return PCREG_MISUSE;
	if ((st = pcreg__require(db, out, "pcreg_practice_get_on", "out")) != PCREG_OK ||
	    (st = pcreg__require(db, date, "pcreg_practice_get_on", "date")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "date", date)) != PCREG_OK ||
	    (st = pcreg_practice_get(db, code, &p)) != PCREG_OK)
		return st;
	if ((st = overlay(db, SQL_PRACTICE_IN_FORCE, code, date, p, practice_column)) != PCREG_OK ||
	    (st = pcreg_practice_set_status(p, pcreg_practice_status_on(p, date))) != PCREG_OK) {
		pcreg_practice_free(p);
		return st;
	}
	*out = p;
	return PCREG_OK;
}

pcreg_status pcreg_commissioner_get_on(pcreg_db *db, const char *code, const char *date,
                                       pcreg_commissioner **out)
{
	pcreg_commissioner *c = NULL;
	pcreg_status st;

	if (out)
		*out = NULL;
	if (!db)
		return PCREG_MISUSE;
	if ((st = pcreg__require(db, out, "pcreg_commissioner_get_on", "out")) != PCREG_OK ||
	    (st = pcreg__require(db, date, "pcreg_commissioner_get_on", "date")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "date", date)) != PCREG_OK ||
	    (st = pcreg_commissioner_get(db, code, &c)) != PCREG_OK)
		return st;
	if ((st = overlay(db, SQL_COMMISSIONER_IN_FORCE, code, date, c, commissioner_column)) !=
	    PCREG_OK) {
		pcreg_commissioner_free(c);
		return st;
	}
	*out = c;
	return PCREG_OK;
}
