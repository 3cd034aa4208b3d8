/*
 * contract.c: core contracts and enhanced services, and which core
 * contract a practice held on a date.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

enum {
	F_ID,
	F_PRACTICE,
	F_FEDERATION,
	F_COMMISSIONER,
	F_TYPE,
	F_SERVICE,
	F_START,
	F_END,
	F_PREMIUM,
	F_VALUE,
	N_FIELDS
};

/* The order of pcreg_contract_type_value; the database keeps these words. */
static const char *const type_tokens[] = { "", "GMS", "PMS", "APMS", "DES", "LES", "LIS", "OTHER",
	                                   NULL };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_ID] = { "id", PCREG__T_INT, PCREG__F_AUTO | PCREG__F_REQUIRED, NULL, NULL },
	[F_PRACTICE] = { "practice", PCREG__T_TEXT, 0, NULL, pcreg__shape_practice_code },
	[F_FEDERATION] = { "federation", PCREG__T_TEXT, 0, NULL, pcreg__shape_local_id },
	[F_COMMISSIONER] = { "commissioner", PCREG__T_TEXT, 0, NULL, pcreg__shape_commissioner_code },
	[F_TYPE] = { "type", PCREG__T_ENUM, PCREG__F_REQUIRED, type_tokens, NULL },
	[F_SERVICE] = { "service", PCREG__T_TEXT, 0, NULL, NULL },
	[F_START] = { "start_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },
	[F_END] = { "end_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_PREMIUM] = { "pms_premium", PCREG__T_INT, 0, NULL, NULL },
	[F_VALUE] = { "annual_value", PCREG__T_INT, 0, NULL, NULL },
};

#define COLUMNS                                                                              \
	"c.id, c.practice, c.federation, c.commissioner, c.type, c.service, c.start_date," \
	" c.end_date, c.pms_premium, c.annual_value"

/* Spelled exactly as in the partial index contract_core_by_practice (since
 * v6, comparisons: an IN list costs a temporary B-tree each time it runs),
 * or SQLite will not use it. */
#define CORE_TYPE "(c.type = 'GMS' OR c.type = 'PMS' OR c.type = 'APMS')"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM contract c WHERE c.id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO contract (id, practice, federation, commissioner, type, service, start_date,"
	" end_date, pms_premium, annual_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_UPDATE[] =
	"UPDATE contract SET practice = ?2, federation = ?3, commissioner = ?4, type = ?5,"
	" service = ?6, start_date = ?7, end_date = ?8, pms_premium = ?9, annual_value = ?10"
	" WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM contract WHERE id = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM contract WHERE id = ?1";

/* As of a date: core contracts of one practice never overlap (a trigger
 * sees to it), so the latest one starting on or before the date is the
 * only candidate; a seek on contract_core_by_practice. */
const char pcreg__sql_contract_core_on[] =
	"SELECT " COLUMNS " FROM contract c WHERE c.practice = ?1 AND " CORE_TYPE
	" AND c.start_date <= ?2 ORDER BY c.start_date DESC LIMIT 1";

/* The core contract a period ?2..?3 of practice ?1 overlaps; ?4 is the
 * contract being updated, NULL on insert. */
static const char SQL_CLASH[] =
	"SELECT c.id, c.type, c.start_date, c.end_date FROM contract c WHERE c.practice = ?1"
	" AND " CORE_TYPE " AND c.start_date <= coalesce(?3, '9999-12-31')"
	" AND coalesce(c.end_date, '9999-12-31') >= ?2 AND c.id IS NOT ?4"
	" ORDER BY c.start_date LIMIT 1";

static const struct pcreg__reference references[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
	{ F_FEDERATION, "federation", "SELECT 1 FROM federation WHERE id = ?1" },
	{ F_COMMISSIONER, "commissioner", "SELECT 1 FROM commissioner WHERE code = ?1" },
};

static int is_core(int64_t type)
{
	return type == PCREG_CONTRACT_GMS || type == PCREG_CONTRACT_PMS ||
	       type == PCREG_CONTRACT_APMS;
}

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *practice = pcreg__record_text(rec, F_PRACTICE);
	const char *federation = pcreg__record_text(rec, F_FEDERATION);
	const char *start = pcreg__record_text(rec, F_START);
	const char *end = pcreg__record_text(rec, F_END);
	int64_t type = pcreg__record_int(rec, F_TYPE);
	const char *type_word = pcreg__enum_token(type_tokens, (int)type);

	if (practice && federation)
		return pcreg__error(db, PCREG_INVALID,
		                    "contract.federation: a contract has one holder, but practice %s"
		                    " and federation %s are both set",
		                    practice, federation);
	if (is_core(type) && !practice) {
		if (federation)
			return pcreg__error(db, PCREG_INVALID,
			                    "contract.federation: a %s contract is held by a practice,"
			                    " not a federation (%s)",
			                    type_word, federation);
		return pcreg__error(db, PCREG_INVALID,
		                    "contract.practice: is required for a %s contract", type_word);
	}
	if (!practice && !federation)
		return pcreg__error(db, PCREG_INVALID,
		                    "contract.practice: is required (or a federation, for a contract"
		                    " a federation holds)");
	if (!is_core(type) && !pcreg__record_has(rec, F_SERVICE))
		return pcreg__error(db, PCREG_INVALID,
		                    "contract.service: is required for a %s contract (the service it"
		                    " buys, e.g. \"Integrated Case Management\")",
		                    type_word);
	if (pcreg__record_has(rec, F_PREMIUM) && type != PCREG_CONTRACT_PMS)
		return pcreg__error(db, PCREG_INVALID,
		                    "contract.pms_premium: only a PMS contract has a premium, and this"
		                    " one is %s",
		                    type_word);
	if (end && strcmp(end, start) < 0)
		return pcreg__error(db, PCREG_INVALID, "contract.end_date: %s is before start_date %s",
		                    end, start);
	return PCREG_OK;
}

static void describe_period(const char *start, const char *end, char *out, size_t size)
{
	if (end)
		snprintf(out, size, "from %s to %s", start, end);
	else
		snprintf(out, size, "from %s (open-ended)", start);
}

/* An insert under an id that is taken meets the overlap trigger before the
 * primary key, and would be reported as clashing with itself. */
static pcreg_status explain_taken_id(pcreg_db *db, const struct pcreg__record *rec)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_EXISTS, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, pcreg__record_int(rec, F_ID));
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_EXISTS, stmt);
	if (rc == SQLITE_ROW)
		return pcreg__error(db, PCREG_EXISTS, "contract %lld: already exists",
		                    (long long)pcreg__record_int(rec, F_ID));
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, "contract");
	return PCREG_OK;
}

static pcreg_status explain_conflict(pcreg_db *db, const struct pcreg__record *rec, int updating)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if (!updating && pcreg__record_has(rec, F_ID) &&
	    (st = explain_taken_id(db, rec)) != PCREG_OK)
		return st;
	if ((st = pcreg__stmt_acquire(db, SQL_CLASH, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, pcreg__record_text(rec, F_PRACTICE), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, pcreg__record_text(rec, F_START), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, pcreg__record_text(rec, F_END), -1, SQLITE_STATIC);
	if (updating)
		sqlite3_bind_int64(stmt, 4, pcreg__record_int(rec, F_ID));
	else
		sqlite3_bind_null(stmt, 4);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		char theirs[64], ours[64];

		describe_period((const char *)sqlite3_column_text(stmt, 2),
		                (const char *)sqlite3_column_text(stmt, 3), theirs, sizeof theirs);
		describe_period(pcreg__record_text(rec, F_START), pcreg__record_text(rec, F_END), ours,
		                sizeof ours);
		st = pcreg__error(db, PCREG_CONFLICT,
		                  "contract: practice %s holds %s contract %lld %s, which overlaps"
		                  " this core contract's period %s (a practice holds one core"
		                  " contract at a time)",
		                  pcreg__record_text(rec, F_PRACTICE),
		                  (const char *)sqlite3_column_text(stmt, 1),
		                  (long long)sqlite3_column_int64(stmt, 0), theirs, ours);
	} else if (rc == SQLITE_DONE) {
		st = PCREG_OK; /* not an overlap after all: let the caller report it */
	} else {
		st = pcreg__sqlite_error(db, rc, "contract");
	}
	pcreg__stmt_release(db, SQL_CLASH, stmt);
	return st;
}

const struct pcreg__entity pcreg__contract_entity = {
	"contract", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, explain_conflict,
	NULL, 0,
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__contract_entity

PCREG__RECORD_LIFECYCLE(contract, ENTITY)
PCREG__OPTIONAL_INT_FIELD(contract, id, F_ID)
PCREG__TEXT_FIELD(contract, practice, F_PRACTICE)
PCREG__TEXT_FIELD(contract, federation, F_FEDERATION)
PCREG__TEXT_FIELD(contract, commissioner, F_COMMISSIONER)
PCREG__ENUM_FIELD(contract, type, F_TYPE, pcreg_contract_type_value)
PCREG__TEXT_FIELD(contract, service, F_SERVICE)
PCREG__TEXT_FIELD(contract, start_date, F_START)
PCREG__TEXT_FIELD(contract, end_date, F_END)
PCREG__OPTIONAL_INT_FIELD(contract, pms_premium, F_PREMIUM)
PCREG__OPTIONAL_INT_FIELD(contract, annual_value, F_VALUE)
PCREG__ITERATOR(contract_iter, contract)

const char *pcreg_contract_type_str(pcreg_contract_type_value type)
{
	return pcreg__enum_token(type_tokens, (int)type);
}

pcreg_contract_type_value pcreg_contract_type_parse(const char *text)
{
	return (pcreg_contract_type_value)pcreg__enum_value(type_tokens, text);
}

int pcreg_contract_type_is_core(pcreg_contract_type_value type)
{
	return is_core(type);
}

pcreg_status pcreg_contract_core_on(pcreg_db *db, const char *practice, const char *date,
                                    pcreg_contract **out)
{
	pcreg_status st = pcreg__as_of(db, &ENTITY, pcreg__sql_contract_core_on,
	                               "pcreg_contract_core_on", "practice", NULL, practice, date,
	                               F_END, (struct pcreg__record **)(void *)out);

	if (st == PCREG_NOTFOUND)
		return pcreg__error(db, st, "practice %s: no core contract on %s", practice, date);
	return st;
}

pcreg_status pcreg_contract_list(pcreg_db *db, const pcreg_contract_query *query,
                                 pcreg_contract_iter **out)
{
	static const pcreg_contract_query everything = PCREG_CONTRACT_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_contract_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_CONTRACT_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_contract_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->type && !pcreg__enum_token(type_tokens, query->type))
		return pcreg__error(db, PCREG_INVALID, "query.type: %d is not a contract type",
		                    query->type);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM contract c");
	if (query->practice)
		pcreg__sql_where_text(&sql, "c.practice = ?", query->practice);
	if (query->federation)
		pcreg__sql_where_text(&sql, "c.federation = ?", query->federation);
	if (query->commissioner)
		pcreg__sql_where_text(&sql, "c.commissioner = ?", query->commissioner);
	if (query->type)
		pcreg__sql_where_text(&sql, "c.type = ?", pcreg__enum_token(type_tokens, query->type));
	if (query->service)
		pcreg__sql_where_text(&sql, "c.service = ? COLLATE NOCASE", query->service);
	if (query->on)
		pcreg__sql_where_text(&sql,
		                      "c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?)",
		                      query->on);
	pcreg__sql_finish(&sql, "c.id", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_ID(contract, pcreg__contract_entity)
PCREG__WRITES(contract)
PCREG__INIT_FUNCTION(contract_query, PCREG_CONTRACT_QUERY_VERSION, PCREG_CONTRACT_QUERY_INIT)
