/*
 * network.c: networks (PCNs and the local networks before them) and the
 * people who lead them.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

/* ---- networks --------------------------------------------------------------- */

enum { F_CODE, F_KIND, F_NAME, F_COMMISSIONER, F_OPEN, F_CLOSE, N_FIELDS };

static const char *const kind_tokens[] = { "", "pcn", "local", NULL };

/* A code is a local id for every kind; check() adds the PCN shape, which
 * depends on the kind. */
static const struct pcreg__field fields[N_FIELDS] = {
	[F_CODE] = { "code", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_local_id },
	[F_KIND] = { "kind", PCREG__T_ENUM, PCREG__F_REQUIRED, kind_tokens, NULL },
	[F_NAME] = { "name", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[F_COMMISSIONER] = { "commissioner", PCREG__T_TEXT, 0, NULL,
	                     pcreg__shape_commissioner_code },
	[F_OPEN] = { "open_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_CLOSE] = { "close_date", PCREG__T_DATE, 0, NULL, NULL },
};

#define COLUMNS "n.code, n.kind, n.name, n.commissioner, n.open_date, n.close_date"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM network n WHERE n.code = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO network (code, kind, name, commissioner, open_date, close_date)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_UPDATE[] =
	"UPDATE network SET kind = ?2, name = ?3, commissioner = ?4, open_date = ?5,"
	" close_date = ?6 WHERE code = ?1";
static const char SQL_DELETE[] = "DELETE FROM network WHERE code = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM network WHERE code = ?1";

static const struct pcreg__dependent dependents[] = {
	{ "practice network memberships",
	  "SELECT count(*), (SELECT practice || ' from ' || from_date FROM practice_network"
	  " WHERE network = ?1 ORDER BY from_date, practice LIMIT 1)"
	  " FROM practice_network WHERE network = ?1" },
	{ "leads",
	  "SELECT count(*), (SELECT person || ', ' || role || ' from ' || from_date"
	  " FROM network_lead WHERE network = ?1 ORDER BY from_date, id LIMIT 1)"
	  " FROM network_lead WHERE network = ?1" },
};

static const struct pcreg__reference references[] = {
	{ F_COMMISSIONER, "commissioner", "SELECT 1 FROM commissioner WHERE code = ?1" },
};

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *code = pcreg__record_text(rec, F_CODE);
	const char *open = pcreg__record_text(rec, F_OPEN);
	const char *close = pcreg__record_text(rec, F_CLOSE);
	const char *expected;

	if (pcreg__record_int(rec, F_KIND) == PCREG_NETWORK_PCN &&
	    (expected = pcreg__shape_network_code(code)) != NULL)
		return pcreg__error(db, PCREG_INVALID,
		                    "network.code: \"%.60s\" is not %s, which a network of kind pcn"
		                    " needs",
		                    code, expected);
	if (open && close && strcmp(close, open) < 0)
		return pcreg__error(db, PCREG_INVALID, "network.close_date: %s is before open_date %s",
		                    close, open);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__network_entity = {
	"network", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	dependents, (int)(sizeof dependents / sizeof dependents[0]),
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__network_entity

PCREG__RECORD_LIFECYCLE(network, ENTITY)
PCREG__TEXT_FIELD(network, code, F_CODE)
PCREG__ENUM_FIELD(network, kind, F_KIND, pcreg_network_kind_value)
PCREG__TEXT_FIELD(network, name, F_NAME)
PCREG__TEXT_FIELD(network, commissioner, F_COMMISSIONER)
PCREG__TEXT_FIELD(network, open_date, F_OPEN)
PCREG__TEXT_FIELD(network, close_date, F_CLOSE)
PCREG__ITERATOR(network_iter, network)

const char *pcreg_network_kind_str(pcreg_network_kind_value kind)
{
	return pcreg__enum_token(kind_tokens, (int)kind);
}

pcreg_network_kind_value pcreg_network_kind_parse(const char *text)
{
	return (pcreg_network_kind_value)pcreg__enum_value(kind_tokens, text);
}

pcreg_status pcreg_network_list(pcreg_db *db, const pcreg_network_query *query,
                                pcreg_network_iter **out)
{
	static const pcreg_network_query everything = PCREG_NETWORK_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_network_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_NETWORK_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_network_list: query version %u is not one this library knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->kind && !pcreg__enum_token(kind_tokens, query->kind))
		return pcreg__error(db, PCREG_INVALID, "query.kind: %d is not a network kind",
		                    query->kind);

	/* Networks are few (about 1,250 PCNs in England), and open and close
	 * dates have no index: the "on" filter reads them all, as the
	 * practice list does. */
	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM network n");
	if (query->kind)
		pcreg__sql_where_text(&sql, "n.kind = ?", pcreg__enum_token(kind_tokens, query->kind));
	if (query->commissioner)
		pcreg__sql_where_text(&sql, "n.commissioner = ?", query->commissioner);
	if (query->name)
		pcreg__sql_where_text(&sql, "instr(lower(n.name), lower(?)) > 0", query->name);
	if (query->on) {
		pcreg__sql_where_text(&sql, "n.open_date IS NULL OR n.open_date <= ?", query->on);
		pcreg__sql_where_text(&sql, "n.close_date IS NULL OR n.close_date >= ?", query->on);
	}
	pcreg__sql_finish(&sql, "n.code", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

/* ---- leads ------------------------------------------------------------------ */

enum { L_ID, L_NETWORK, L_PERSON, L_ROLE, L_FROM, L_TO, N_LEAD_FIELDS };

static const struct pcreg__field lead_fields[N_LEAD_FIELDS] = {
	[L_ID] = { "id", PCREG__T_INT, PCREG__F_AUTO | PCREG__F_REQUIRED, NULL, NULL },
	[L_NETWORK] = { "network", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_local_id },
	[L_PERSON] = { "person", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[L_ROLE] = { "role", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[L_FROM] = { "from_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },
	[L_TO] = { "to_date", PCREG__T_DATE, 0, NULL, NULL },
};

#define LEAD_COLUMNS "l.id, l.network, l.person, l.role, l.from_date, l.to_date"

static const char SQL_LEAD_GET[] = "SELECT " LEAD_COLUMNS " FROM network_lead l WHERE l.id = ?1";
/* A NULL ?1 lets SQLite choose the id; pcreg__entity_insert reads it back. */
static const char SQL_LEAD_INSERT[] =
	"INSERT INTO network_lead (id, network, person, role, from_date, to_date)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_LEAD_UPDATE[] =
	"UPDATE network_lead SET network = ?2, person = ?3, role = ?4, from_date = ?5,"
	" to_date = ?6 WHERE id = ?1";
static const char SQL_LEAD_DELETE[] = "DELETE FROM network_lead WHERE id = ?1";
static const char SQL_LEAD_EXISTS[] = "SELECT 1 FROM network_lead WHERE id = ?1";

/* The order by (network, from_date, id) is the index's own order (the id
 * is the rowid every index ends with), so neither statement sorts. */
const char pcreg__sql_network_lead_on[] =
	"SELECT " LEAD_COLUMNS " FROM network_lead l"
	" WHERE l.network = ?1 AND l.from_date <= ?2 AND (l.to_date IS NULL OR l.to_date >= ?2)"
	" ORDER BY l.network, l.from_date, l.id LIMIT ?3 OFFSET ?4";

const char pcreg__sql_network_leads_on[] =
	"SELECT " LEAD_COLUMNS " FROM network n CROSS JOIN network_lead l ON l.network = n.code"
	" WHERE l.from_date <= ?1 AND (l.to_date IS NULL OR l.to_date >= ?1)"
	" ORDER BY n.code, l.from_date, l.id LIMIT ?2 OFFSET ?3";

static const struct pcreg__reference lead_references[] = {
	{ L_NETWORK, "network", "SELECT 1 FROM network WHERE code = ?1" },
};

static pcreg_status lead_check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *from = pcreg__record_text(rec, L_FROM);
	const char *to = pcreg__record_text(rec, L_TO);

	if (to && strcmp(to, from) < 0)
		return pcreg__error(db, PCREG_INVALID, "network_lead.to_date: %s is before from_date %s",
		                    to, from);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__network_lead_entity = {
	"network_lead", lead_fields, N_LEAD_FIELDS, 1,
	SQL_LEAD_GET, SQL_LEAD_INSERT, SQL_LEAD_UPDATE, SQL_LEAD_DELETE, SQL_LEAD_EXISTS,
	lead_check, NULL,
	NULL, 0,
	lead_references, (int)(sizeof lead_references / sizeof lead_references[0]),
};

#define LEAD_ENTITY pcreg__network_lead_entity

PCREG__RECORD_LIFECYCLE(network_lead, LEAD_ENTITY)
PCREG__OPTIONAL_INT_FIELD(network_lead, id, L_ID)
PCREG__TEXT_FIELD(network_lead, network, L_NETWORK)
PCREG__TEXT_FIELD(network_lead, person, L_PERSON)
PCREG__TEXT_FIELD(network_lead, role, L_ROLE)
PCREG__TEXT_FIELD(network_lead, from_date, L_FROM)
PCREG__TEXT_FIELD(network_lead, to_date, L_TO)
PCREG__ITERATOR(network_lead_iter, network_lead)

/* The as-of statements are fixed text, so they are cached like get's. */
static pcreg_status lead_list_on(pcreg_db *db, const pcreg_network_lead_query *query,
                                 pcreg_network_lead_iter **out)
{
	const char *sql = query->network ? pcreg__sql_network_lead_on : pcreg__sql_network_leads_on;
	sqlite3_stmt *stmt;
	int param = 1;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);

	if (st != PCREG_OK)
		return st;
	if ((query->network && (st = pcreg__bind_text_copy(db, stmt, param++, query->network)) !=
	                               PCREG_OK) ||
	    (st = pcreg__bind_text_copy(db, stmt, param++, query->on)) != PCREG_OK) {
		pcreg__stmt_release(db, sql, stmt);
		return st;
	}
	sqlite3_bind_int(stmt, param++, query->limit > 0 ? query->limit : -1);
	sqlite3_bind_int(stmt, param, query->offset > 0 ? query->offset : 0);
	return pcreg__iter_new(db, &LEAD_ENTITY, stmt, sql, (struct pcreg__iter **)(void *)out);
}

pcreg_status pcreg_network_lead_list(pcreg_db *db, const pcreg_network_lead_query *query,
                                     pcreg_network_lead_iter **out)
{
	static const pcreg_network_lead_query everything = PCREG_NETWORK_LEAD_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_network_lead_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_NETWORK_LEAD_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_network_lead_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->on)
		return lead_list_on(db, query, out);

	pcreg__sql_init(&sql, "SELECT " LEAD_COLUMNS " FROM network_lead l");
	if (query->network)
		pcreg__sql_where_text(&sql, "l.network = ?", query->network);
	pcreg__sql_finish(&sql, "l.network, l.from_date, l.id", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &LEAD_ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_TEXT(network, pcreg__network_entity)
PCREG__WRITES(network)
PCREG__INIT_FUNCTION(network_query, PCREG_NETWORK_QUERY_VERSION, PCREG_NETWORK_QUERY_INIT)

PCREG__KEYED_BY_ID(network_lead, pcreg__network_lead_entity)
PCREG__WRITES(network_lead)
PCREG__INIT_FUNCTION(network_lead_query, PCREG_NETWORK_LEAD_QUERY_VERSION, PCREG_NETWORK_LEAD_QUERY_INIT)
