/*
 * federation.c: GP federations.
 */
#include "record.h"

enum { F_ID, F_NAME, F_AREA, N_FIELDS };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_ID] = { "id", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_local_id },
	[F_NAME] = { "name", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[F_AREA] = { "area", PCREG__T_TEXT, 0, NULL, NULL },
};

#define COLUMNS "f.id, f.name, f.area"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM federation f WHERE f.id = ?1";
static const char SQL_INSERT[] = "INSERT INTO federation (id, name, area) VALUES (?1, ?2, ?3)";
static const char SQL_UPDATE[] = "UPDATE federation SET name = ?2, area = ?3 WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM federation WHERE id = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM federation WHERE id = ?1";

static const struct pcreg__dependent dependents[] = {
	{ "practice federation memberships",
	  "SELECT count(*), (SELECT practice || ' from ' || from_date FROM practice_federation"
	  " WHERE federation = ?1 ORDER BY from_date, practice LIMIT 1)"
	  " FROM practice_federation WHERE federation = ?1" },
	{ "contracts held",
	  "SELECT count(*), (SELECT type || coalesce(' ' || service, '') || ' from ' || start_date"
	  " FROM contract WHERE federation = ?1 ORDER BY start_date, id LIMIT 1)"
	  " FROM contract WHERE federation = ?1" },
};

const struct pcreg__entity pcreg__federation_entity = {
	"federation", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	NULL, NULL,
	dependents, (int)(sizeof dependents / sizeof dependents[0]),
	NULL, 0,
};

#define ENTITY pcreg__federation_entity

PCREG__RECORD_LIFECYCLE(federation, ENTITY)
PCREG__TEXT_FIELD(federation, id, F_ID)
PCREG__TEXT_FIELD(federation, name, F_NAME)
PCREG__TEXT_FIELD(federation, area, F_AREA)
PCREG__ITERATOR(federation_iter, federation)

pcreg_status pcreg_federation_list(pcreg_db *db, const pcreg_federation_query *query,
                                   pcreg_federation_iter **out)
{
	static const pcreg_federation_query everything = PCREG_FEDERATION_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_federation_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_FEDERATION_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_federation_list: query version %u is not one this library"
		                    " knows",
		                    query->version);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM federation f");
	if (query->name)
		pcreg__sql_where_text(&sql, "instr(lower(f.name), lower(?)) > 0", query->name);
	if (query->area)
		pcreg__sql_where_text(&sql, "f.area = ?", query->area);
	pcreg__sql_finish(&sql, "f.id", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_TEXT(federation, pcreg__federation_entity)
PCREG__WRITES(federation)
PCREG__INIT_FUNCTION(federation_query, PCREG_FEDERATION_QUERY_VERSION, PCREG_FEDERATION_QUERY_INIT)
