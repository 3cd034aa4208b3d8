/*
 * listsize.c: registered list sizes from the monthly extracts, and the
 * latest one by a date.
 */
#include <math.h>

#include "record.h"

enum { F_PRACTICE, F_EXTRACT, F_REGISTERED, F_WEIGHTED, N_FIELDS };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_PRACTICE] = { "practice", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL,
	                 pcreg__shape_practice_code },
	[F_EXTRACT] = { "extract_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },
	[F_REGISTERED] = { "registered", PCREG__T_INT, PCREG__F_REQUIRED | PCREG__F_NONNEG, NULL,
	                   NULL },
	[F_WEIGHTED] = { "weighted", PCREG__T_REAL, PCREG__F_NONNEG, NULL, NULL },
};

#define COLUMNS "l.practice, l.extract_date, l.registered, l.weighted"

static const char SQL_GET[] =
	"SELECT " COLUMNS " FROM list_size l WHERE l.practice = ?1 AND l.extract_date = ?2";
static const char SQL_INSERT[] =
	"INSERT INTO list_size (practice, extract_date, registered, weighted)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char SQL_UPDATE[] =
	"UPDATE list_size SET registered = ?3, weighted = ?4 WHERE practice = ?1 AND extract_date = ?2";
static const char SQL_DELETE[] = "DELETE FROM list_size WHERE practice = ?1 AND extract_date = ?2";
static const char SQL_EXISTS[] =
	"SELECT 1 FROM list_size WHERE practice = ?1 AND extract_date = ?2";

/* As of a date: a backward seek on the (practice, extract_date) key. */
const char pcreg__sql_list_size_on[] =
	"SELECT " COLUMNS " FROM list_size l WHERE l.practice = ?1 AND l.extract_date <= ?2"
	" ORDER BY l.extract_date DESC LIMIT 1";

static const struct pcreg__reference references[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
};

/* SQLite stores an infinity without complaint, and it passes the schema's
 * weighted >= 0; a count of patients is never infinite. */
static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	if (pcreg__record_has(rec, F_WEIGHTED) && !isfinite(pcreg__record_real(rec, F_WEIGHTED)))
		return pcreg__error(db, PCREG_INVALID, "list_size.weighted: is not a finite number");
	return PCREG_OK;
}

const struct pcreg__entity pcreg__list_size_entity = {
	"list_size", fields, N_FIELDS, 2,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	NULL, 0,
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__list_size_entity

PCREG__RECORD_LIFECYCLE(list_size, ENTITY)
PCREG__TEXT_FIELD(list_size, practice, F_PRACTICE)
PCREG__TEXT_FIELD(list_size, extract_date, F_EXTRACT)
PCREG__INT_FIELD(list_size, registered, F_REGISTERED)
PCREG__OPTIONAL_REAL_FIELD(list_size, weighted, F_WEIGHTED)
PCREG__ITERATOR(list_size_iter, list_size)

pcreg_status pcreg_list_size_on(pcreg_db *db, const char *practice, const char *date,
                                pcreg_list_size **out)
{
	pcreg_status st = pcreg__as_of(db, &ENTITY, pcreg__sql_list_size_on, "pcreg_list_size_on",
	                               "practice", NULL, practice, date, -1,
	                               (struct pcreg__record **)(void *)out);

	if (st == PCREG_NOTFOUND)
		return pcreg__error(db, st, "practice %s: no list size extracted on or before %s",
		                    practice, date);
	return st;
}

pcreg_status pcreg_list_size_list(pcreg_db *db, const pcreg_list_size_query *query,
                                  pcreg_list_size_iter **out)
{
	static const pcreg_list_size_query everything = PCREG_LIST_SIZE_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_list_size_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_LIST_SIZE_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_list_size_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.from", query->from)) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.to", query->to)) != PCREG_OK)
		return st;

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM list_size l");
	if (query->practice)
		pcreg__sql_where_text(&sql, "l.practice = ?", query->practice);
	if (query->from)
		pcreg__sql_where_text(&sql, "l.extract_date >= ?", query->from);
	if (query->to)
		pcreg__sql_where_text(&sql, "l.extract_date <= ?", query->to);
	pcreg__sql_finish(&sql, "l.practice, l.extract_date", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_TWO(list_size, pcreg__list_size_entity)
PCREG__WRITES(list_size)
PCREG__INIT_FUNCTION(list_size_query, PCREG_LIST_SIZE_QUERY_VERSION, PCREG_LIST_SIZE_QUERY_INIT)
