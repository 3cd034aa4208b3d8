/*
 * arrangement.c: a commissioner's dated co-commissioning levels, and the
 * as-of question on them.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

enum { F_ID, F_COMMISSIONER, F_LEVEL, F_FROM, F_TO, N_FIELDS };

static const char *const level_tokens[] = { "", "greater_involvement", "joint", "delegated",
	                                    NULL };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_ID] = { "id", PCREG__T_INT, PCREG__F_AUTO | PCREG__F_REQUIRED, NULL, NULL },
	[F_COMMISSIONER] = { "commissioner", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL,
	                     pcreg__shape_commissioner_code },
	[F_LEVEL] = { "level", PCREG__T_ENUM, PCREG__F_REQUIRED, level_tokens, NULL },
	[F_FROM] = { "from_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },
	[F_TO] = { "to_date", PCREG__T_DATE, 0, NULL, NULL },
};

#define COLUMNS "a.id, a.commissioner, a.level, a.from_date, a.to_date"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM commissioning_arrangement a WHERE a.id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO commissioning_arrangement (id, commissioner, level, from_date, to_date)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_UPDATE[] =
	"UPDATE commissioning_arrangement SET commissioner = ?2, level = ?3, from_date = ?4,"
	" to_date = ?5 WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM commissioning_arrangement WHERE id = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM commissioning_arrangement WHERE id = ?1";

/* As of a date: the latest arrangement starting on or before it, a seek
 * on (commissioner, from_date); whether it still runs is checked after,
 * since periods never overlap and no earlier one can cover the date. */
const char pcreg__sql_arrangement_on[] =
	"SELECT " COLUMNS " FROM commissioning_arrangement a"
	" WHERE a.commissioner = ?1 AND a.from_date <= ?2 ORDER BY a.from_date DESC LIMIT 1";

/* The first of the commissioner's arrangements overlapping ?2..?3,
 * leaving out ?4 (the one being updated). */
static const char SQL_CLASH[] =
	"SELECT id, level, from_date, to_date FROM commissioning_arrangement"
	" WHERE commissioner = ?1 AND from_date <= coalesce(?3, '9999-12-31')"
	" AND coalesce(to_date, '9999-12-31') >= ?2 AND id IS NOT ?4"
	" ORDER BY from_date LIMIT 1";

static const struct pcreg__reference references[] = {
	{ F_COMMISSIONER, "commissioner", "SELECT 1 FROM commissioner WHERE code = ?1" },
};

static void describe_period(const char *from, const char *to, char *out, size_t size)
{
	if (to)
		snprintf(out, size, "from %s to %s", from, to);
	else
		snprintf(out, size, "from %s (open-ended)", from);
}

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *from = pcreg__record_text(rec, F_FROM);
	const char *to = pcreg__record_text(rec, F_TO);

	if (to && strcmp(to, from) < 0)
		return pcreg__error(db, PCREG_INVALID, "arrangement.to_date: %s is before from_date %s",
		                    to, from);
	return PCREG_OK;
}

/* The overlap trigger fires before the unique index on (commissioner,
 * from_date) is checked, so a second arrangement starting the same day
 * also arrives here: that one is a duplicate, not a clash. */
static pcreg_status explain_conflict(pcreg_db *db, const struct pcreg__record *rec, int updating)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_CLASH, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, pcreg__record_text(rec, F_COMMISSIONER), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, pcreg__record_text(rec, F_FROM), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, pcreg__record_text(rec, F_TO), -1, SQLITE_STATIC);
	if (updating)
		sqlite3_bind_int64(stmt, 4, pcreg__record_int(rec, F_ID));
	else
		sqlite3_bind_null(stmt, 4);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *level = (const char *)sqlite3_column_text(stmt, 1);
		const char *from = (const char *)sqlite3_column_text(stmt, 2);
		const char *to = (const char *)sqlite3_column_text(stmt, 3);
		char theirs[64], ours[64];

		if (!level || !from) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
		} else if (strcmp(from, pcreg__record_text(rec, F_FROM)) == 0) {
			st = pcreg__error(db, PCREG_EXISTS,
			                  "arrangement: commissioner %s already has arrangement %lld"
			                  " (%s) starting on %s",
			                  pcreg__record_text(rec, F_COMMISSIONER),
			                  (long long)sqlite3_column_int64(stmt, 0), level, from);
		} else {
			describe_period(from, to, theirs, sizeof theirs);
			describe_period(pcreg__record_text(rec, F_FROM), pcreg__record_text(rec, F_TO),
			                ours, sizeof ours);
			st = pcreg__error(db, PCREG_CONFLICT,
			                  "arrangement: commissioner %s has arrangement %lld (%s %s),"
			                  " which overlaps the period %s",
			                  pcreg__record_text(rec, F_COMMISSIONER),
			                  (long long)sqlite3_column_int64(stmt, 0), level, theirs, ours);
		}
	} else if (rc == SQLITE_DONE) {
		st = PCREG_OK; /* not an overlap after all: let the caller report it */
	} else {
		st = pcreg__sqlite_error(db, rc, rec->entity->name);
	}
	pcreg__stmt_release(db, SQL_CLASH, stmt);
	return st;
}

const struct pcreg__entity pcreg__arrangement_entity = {
	"arrangement", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, explain_conflict,
	NULL, 0,
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__arrangement_entity

PCREG__RECORD_LIFECYCLE(arrangement, ENTITY)
PCREG__OPTIONAL_INT_FIELD(arrangement, id, F_ID)
PCREG__TEXT_FIELD(arrangement, commissioner, F_COMMISSIONER)
PCREG__ENUM_FIELD(arrangement, level, F_LEVEL, pcreg_arrangement_level_value)
PCREG__TEXT_FIELD(arrangement, from_date, F_FROM)
PCREG__TEXT_FIELD(arrangement, to_date, F_TO)
PCREG__ITERATOR(arrangement_iter, arrangement)

const char *pcreg_arrangement_level_str(pcreg_arrangement_level_value level)
{
	return pcreg__enum_token(level_tokens, (int)level);
}

pcreg_arrangement_level_value pcreg_arrangement_level_parse(const char *text)
{
	return (pcreg_arrangement_level_value)pcreg__enum_value(level_tokens, text);
}

pcreg_status pcreg_arrangement_on(pcreg_db *db, const char *commissioner, const char *date,
                                  pcreg_arrangement **out)
{
	pcreg_status st = pcreg__as_of(db, &ENTITY, pcreg__sql_arrangement_on, "pcreg_arrangement_on",
	                               "commissioner", pcreg__shape_commissioner_code, commissioner,
	                               date, F_TO, (struct pcreg__record **)(void *)out);

	if (st == PCREG_NOTFOUND)
		return pcreg__error(db, st, "commissioner %s: no arrangement on %s", commissioner, date);
	return st;
}

pcreg_status pcreg_arrangement_list(pcreg_db *db, const pcreg_arrangement_query *query,
                                    pcreg_arrangement_iter **out)
{
	static const pcreg_arrangement_query everything = PCREG_ARRANGEMENT_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_arrangement_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_ARRANGEMENT_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_arrangement_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->level && !pcreg__enum_token(level_tokens, query->level))
		return pcreg__error(db, PCREG_INVALID, "query.level: %d is not an arrangement level",
		                    query->level);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM commissioning_arrangement a");
	if (query->commissioner)
		pcreg__sql_where_text(&sql, "a.commissioner = ?", query->commissioner);
	if (query->level)
		pcreg__sql_where_text(&sql, "a.level = ?", pcreg__enum_token(level_tokens, query->level));
	if (query->on)
		pcreg__sql_where_text(&sql, "a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?)",
		                      query->on);
	pcreg__sql_finish(&sql, "a.commissioner, a.from_date", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_ID(arrangement, pcreg__arrangement_entity)
PCREG__WRITES(arrangement)
PCREG__INIT_FUNCTION(arrangement_query, PCREG_ARRANGEMENT_QUERY_VERSION, PCREG_ARRANGEMENT_QUERY_INIT)
