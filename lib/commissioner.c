/*
 * commissioner.c: commissioners (CCGs, sub-ICB locations, ICBs, regions)
 * and their listing.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

enum { F_CODE, F_KIND, F_NAME, F_ONS, F_REGION, F_PARENT, F_OPEN, F_CLOSE, N_FIELDS };

static const char *const kind_tokens[] = { "", "ccg", "sub_icb", "icb", "region", "other", NULL };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_CODE] = { "code", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_commissioner_code },
	[F_KIND] = { "kind", PCREG__T_ENUM, PCREG__F_REQUIRED, kind_tokens, NULL },
	[F_NAME] = { "name", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[F_ONS] = { "ons_code", PCREG__T_TEXT, 0, NULL, pcreg__shape_ons_code },
	[F_REGION] = { "region", PCREG__T_TEXT, 0, NULL, pcreg__shape_region_code },
	[F_PARENT] = { "parent", PCREG__T_TEXT, 0, NULL, pcreg__shape_commissioner_code },
	[F_OPEN] = { "open_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_CLOSE] = { "close_date", PCREG__T_DATE, 0, NULL, NULL },
};

#define COLUMNS "c.code, c.kind, c.name, c.ons_code, c.region, c.parent, c.open_date, c.close_date"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM commissioner c WHERE c.code = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO commissioner (code, kind, name, ons_code, region, parent, open_date,"
	" close_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_UPDATE[] =
	"UPDATE commissioner SET kind = ?2, name = ?3, ons_code = ?4, region = ?5, parent = ?6,"
	" open_date = ?7, close_date = ?8 WHERE code = ?1";
static const char SQL_DELETE[] = "DELETE FROM commissioner WHERE code = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM commissioner WHERE code = ?1";

/* Each counts its rows and gives the first as an example; every one is a
 * seek on an index that leads with the commissioner. */
static const struct pcreg__dependent dependents[] = {
	{ "practice commissioner memberships",
	  "SELECT count(*), (SELECT practice || ' from ' || from_date FROM practice_commissioner"
	  " WHERE commissioner = ?1 ORDER BY from_date, practice LIMIT 1)"
	  " FROM practice_commissioner WHERE commissioner = ?1" },
	{ "networks",
	  "SELECT count(*), (SELECT code FROM network WHERE commissioner = ?1 ORDER BY code LIMIT 1)"
	  " FROM network WHERE commissioner = ?1" },
	{ "contracts",
	  "SELECT count(*), (SELECT 'contract ' || id || ' (' || type || ' from ' || start_date || ')'"
	  " FROM contract WHERE commissioner = ?1 ORDER BY id LIMIT 1)"
	  " FROM contract WHERE commissioner = ?1" },
	{ "commissioning arrangements",
	  "SELECT count(*), (SELECT level || ' from ' || from_date FROM commissioning_arrangement"
	  " WHERE commissioner = ?1 ORDER BY from_date LIMIT 1)"
	  " FROM commissioning_arrangement WHERE commissioner = ?1" },
	{ "child commissioners",
	  "SELECT count(*), (SELECT code FROM commissioner WHERE parent = ?1 ORDER BY code LIMIT 1)"
	  " FROM commissioner WHERE parent = ?1" },
};

static const struct pcreg__reference references[] = {
	{ F_PARENT, "commissioner", "SELECT 1 FROM commissioner WHERE code = ?1" },
};

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *code = pcreg__record_text(rec, F_CODE);
	const char *parent = pcreg__record_text(rec, F_PARENT);
	const char *open = pcreg__record_text(rec, F_OPEN);
	const char *close = pcreg__record_text(rec, F_CLOSE);

	if (open && close && strcmp(close, open) < 0)
		return pcreg__error(db, PCREG_INVALID,
		                    "commissioner.close_date: %s is before open_date %s", close, open);
	if (parent && strcmp(parent, code) == 0)
		return pcreg__error(db, PCREG_INVALID,
		                    "commissioner.parent: %s is the commissioner itself", parent);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__commissioner_entity = {
	"commissioner", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	dependents, (int)(sizeof dependents / sizeof dependents[0]),
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__commissioner_entity

PCREG__RECORD_LIFECYCLE(commissioner, ENTITY)
PCREG__TEXT_FIELD(commissioner, code, F_CODE)
PCREG__ENUM_FIELD(commissioner, kind, F_KIND, pcreg_commissioner_kind_value)
PCREG__TEXT_FIELD(commissioner, name, F_NAME)
PCREG__TEXT_FIELD(commissioner, ons_code, F_ONS)
PCREG__TEXT_FIELD(commissioner, region, F_REGION)
PCREG__TEXT_FIELD(commissioner, parent, F_PARENT)
PCREG__TEXT_FIELD(commissioner, open_date, F_OPEN)
PCREG__TEXT_FIELD(commissioner, close_date, F_CLOSE)
PCREG__ITERATOR(commissioner_iter, commissioner)

const char *pcreg_commissioner_kind_str(pcreg_commissioner_kind_value kind)
{
	return pcreg__enum_token(kind_tokens, (int)kind);
}

pcreg_commissioner_kind_value pcreg_commissioner_kind_parse(const char *text)
{
	return (pcreg_commissioner_kind_value)pcreg__enum_value(kind_tokens, text);
}

pcreg_status pcreg_commissioner_list(pcreg_db *db, const pcreg_commissioner_query *query,
                                     pcreg_commissioner_iter **out)
{
	static const pcreg_commissioner_query everything = PCREG_COMMISSIONER_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_commissioner_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_COMMISSIONER_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_commissioner_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->kind && !pcreg__enum_token(kind_tokens, query->kind))
		return pcreg__error(db, PCREG_INVALID, "query.kind: %d is not a commissioner kind",
		                    query->kind);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM commissioner c");
	if (query->kind)
		pcreg__sql_where_text(&sql, "c.kind = ?", pcreg__enum_token(kind_tokens, query->kind));
	if (query->parent)
		pcreg__sql_where_text(&sql, "c.parent = ?", query->parent);
	if (query->region)
		pcreg__sql_where_text(&sql, "c.region = ?", query->region);
	if (query->name)
		pcreg__sql_where_text(&sql, "instr(lower(c.name), lower(?)) > 0", query->name);
	if (query->on) {
		pcreg__sql_where_text(&sql, "c.open_date IS NULL OR c.open_date <= ?", query->on);
		pcreg__sql_where_text(&sql, "c.close_date IS NULL OR c.close_date >= ?", query->on);
	}
	pcreg__sql_finish(&sql, "c.code", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_TEXT(commissioner, pcreg__commissioner_entity)
PCREG__WRITES(commissioner)
PCREG__INIT_FUNCTION(commissioner_query, PCREG_COMMISSIONER_QUERY_VERSION, PCREG_COMMISSIONER_QUERY_INIT)
