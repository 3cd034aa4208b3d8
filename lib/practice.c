/*
 * practice.c: GP practices, their listing and searching.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "record.h"

enum {
	F_CODE,
	F_NAME,
	F_ADDRESS1,
	F_ADDRESS5 = F_ADDRESS1 + 4,
	F_POSTCODE,
	F_STATUS,
	F_SETTING,
	F_OPEN,
	F_CLOSE,
	F_PHONE,
	N_FIELDS
};

static const char *const status_tokens[] = { "", "active", "closed", "dormant", "proposed", NULL };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_CODE] = { "code", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_practice_code },
	[F_NAME] = { "name", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, NULL },
	[F_ADDRESS1] = { "address1", PCREG__T_TEXT, 0, NULL, NULL },
	[F_ADDRESS1 + 1] = { "address2", PCREG__T_TEXT, 0, NULL, NULL },
	[F_ADDRESS1 + 2] = { "address3", PCREG__T_TEXT, 0, NULL, NULL },
	[F_ADDRESS1 + 3] = { "address4", PCREG__T_TEXT, 0, NULL, NULL },
	[F_ADDRESS5] = { "address5", PCREG__T_TEXT, 0, NULL, NULL },
	[F_POSTCODE] = { "postcode", PCREG__T_TEXT, 0, NULL, pcreg__shape_postcode },
	[F_STATUS] = { "status", PCREG__T_ENUM, PCREG__F_REQUIRED, status_tokens, NULL },
	[F_SETTING] = { "prescribing_setting", PCREG__T_INT, PCREG__F_NONNEG, NULL, NULL },
	[F_OPEN] = { "open_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_CLOSE] = { "close_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_PHONE] = { "phone", PCREG__T_TEXT, 0, NULL, NULL },
};

#define COLUMNS                                                                               \
	"p.code, p.name, p.address1, p.address2, p.address3, p.address4, p.address5, p.postcode," \
	" p.status, p.prescribing_setting, p.open_date, p.close_date, p.phone"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM practice p WHERE p.code = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO practice (code, name, address1, address2, address3, address4, address5,"
	" postcode, status, prescribing_setting, open_date, close_date, phone)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char SQL_UPDATE[] =
	"UPDATE practice SET name = ?2, address1 = ?3, address2 = ?4, address3 = ?5, address4 = ?6,"
	" address5 = ?7, postcode = ?8, status = ?9, prescribing_setting = ?10, open_date = ?11,"
	" close_date = ?12, phone = ?13 WHERE code = ?1";
static const char SQL_DELETE[] = "DELETE FROM practice WHERE code = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM practice WHERE code = ?1";

static const struct pcreg__dependent dependents[] = {
	{ "commissioner memberships",
	  "SELECT count(*), (SELECT commissioner || ' from ' || from_date FROM practice_commissioner"
	  " WHERE practice = ?1 ORDER BY from_date LIMIT 1)"
	  " FROM practice_commissioner WHERE practice = ?1" },
	{ "network memberships",
	  "SELECT count(*), (SELECT network || ' from ' || from_date FROM practice_network"
	  " WHERE practice = ?1 ORDER BY from_date LIMIT 1)"
	  " FROM practice_network WHERE practice = ?1" },
	{ "federation memberships",
	  "SELECT count(*), (SELECT federation || ' from ' || from_date FROM practice_federation"
	  " WHERE practice = ?1 ORDER BY from_date LIMIT 1)"
	  " FROM practice_federation WHERE practice = ?1" },
	{ "contracts",
	  "SELECT count(*), (SELECT type || ' from ' || start_date FROM contract"
	  " WHERE practice = ?1 ORDER BY start_date LIMIT 1)"
	  " FROM contract WHERE practice = ?1" },
	{ "inspections",
	  "SELECT count(*), (SELECT 'inspection ' || id FROM inspection"
	  " WHERE practice = ?1 ORDER BY id LIMIT 1)"
	  " FROM inspection WHERE practice = ?1" },
	{ "list sizes",
	  "SELECT count(*), (SELECT 'extract of ' || extract_date FROM list_size"
	  " WHERE practice = ?1 ORDER BY extract_date LIMIT 1)"
	  " FROM list_size WHERE practice = ?1" },
};

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *open = pcreg__record_text(rec, F_OPEN);
	const char *close = pcreg__record_text(rec, F_CLOSE);

	if (open && close && strcmp(close, open) < 0)
		return pcreg__error(db, PCREG_INVALID, "practice.close_date: %s is before open_date %s",
		                    close, open);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__practice_entity = {
	"practice", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	dependents, (int)(sizeof dependents / sizeof dependents[0]),
	NULL, 0,
};

#define ENTITY pcreg__practice_entity

PCREG__RECORD_LIFECYCLE(practice, ENTITY)
PCREG__TEXT_FIELD(practice, code, F_CODE)
PCREG__TEXT_FIELD(practice, name, F_NAME)
PCREG__TEXT_FIELD(practice, postcode, F_POSTCODE)
PCREG__ENUM_FIELD(practice, status, F_STATUS, pcreg_practice_status_value)
PCREG__OPTIONAL_INT_FIELD(practice, prescribing_setting, F_SETTING)
PCREG__TEXT_FIELD(practice, open_date, F_OPEN)
PCREG__TEXT_FIELD(practice, close_date, F_CLOSE)
PCREG__TEXT_FIELD(practice, phone, F_PHONE)
PCREG__ITERATOR(practice_iter, practice)

const char *pcreg_practice_address(const pcreg_practice *practice, int line)
{
	if (line < 1 || line > 5)
		return NULL;
	return pcreg__record_text(PCREG__CREC(practice), F_ADDRESS1 + line - 1);
}

pcreg_status pcreg_practice_set_address(pcreg_practice *practice, int line, const char *text)
{
	if (line < 1 || line > 5)
		return PCREG_MISUSE;
	return pcreg__record_set_text(PCREG__REC(practice), F_ADDRESS1 + line - 1, text);
}

const char *pcreg_practice_status_str(pcreg_practice_status_value status)
{
	return pcreg__enum_token(status_tokens, (int)status);
}

pcreg_practice_status_value pcreg_practice_status_parse(const char *text)
{
	return (pcreg_practice_status_value)pcreg__enum_value(status_tokens, text);
}

/* Membership filters: on a date, seek the organisation's members by the
 * (organisation, from_date) index; without one, any period counts. */
static void where_member(struct pcreg__sql *sql, const char *table, const char *column,
                         const char *org, const char *on)
{
	const char *values[2] = { org, on };
	char fragment[320];

	if (!org)
		return;
	if (on)
		snprintf(fragment, sizeof fragment,
		         "p.code IN (SELECT practice FROM %s WHERE %s = ? AND from_date <= ?"
		         " AND (to_date IS NULL OR to_date >= ?))",
		         table, column);
	else
		snprintf(fragment, sizeof fragment, "p.code IN (SELECT practice FROM %s WHERE %s = ?)",
		         table, column);
	pcreg__sql_where_texts(sql, fragment, 2, values);
}

/* "br1" -> "BR1 ", " rm7  0" -> "RM7 0": upper case, single spaces, and a
 * complete outward code closed with its space so BR1 does not find BR10. */
static int normalise_postcode_prefix(const char *in, char out[9])
{
	size_t n = 0;
	int has_digit = 0, has_space = 0;

	for (; *in; in++) {
		unsigned char c = (unsigned char)*in;

		if (c == ' ') {
			if (n > 0 && out[n - 1] != ' ')
				c = ' ';
			else
				continue;
			has_space = 1;
		} else if (isalnum(c)) {
			c = (unsigned char)toupper(c);
			has_digit |= isdigit(c) != 0;
		} else {
			return 0;
		}
		if (n >= 8)
			return 0;
		out[n++] = (char)c;
	}
	while (n > 0 && out[n - 1] == ' ') {
		n--;
		has_space = 0;
	}
	if (n == 0)
		return 0;
	if (!has_space && has_digit && n <= 4)
		out[n++] = ' ';
	out[n] = '\0';
	return 1;
}

pcreg_status pcreg_practice_list(pcreg_db *db, const pcreg_practice_query *query,
                                 pcreg_practice_iter **out)
{
	static const pcreg_practice_query everything = PCREG_PRACTICE_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	char postcode[9];
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_practice_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_PRACTICE_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_practice_list: query version %u is not one this library knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK)
		return st;
	if (query->status && !pcreg__enum_token(status_tokens, query->status))
		return pcreg__error(db, PCREG_INVALID, "query.status: %d is not a practice status",
		                    query->status);
	if (query->postcode && !normalise_postcode_prefix(query->postcode, postcode))
		return pcreg__error(db, PCREG_INVALID, "query.postcode: \"%.20s\" is not a postcode prefix",
		                    query->postcode);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM practice p");
	if (query->on) {
		pcreg__sql_where_text(&sql, "p.open_date IS NULL OR p.open_date <= ?", query->on);
		pcreg__sql_where_text(&sql, "p.close_date IS NULL OR p.close_date >= ?", query->on);
	}
	where_member(&sql, "practice_commissioner", "commissioner", query->commissioner, query->on);
	where_member(&sql, "practice_network", "network", query->network, query->on);
	where_member(&sql, "practice_federation", "federation", query->federation, query->on);
	if (query->status)
		pcreg__sql_where_text(&sql, "p.status = ?",
		                      pcreg__enum_token(status_tokens, query->status));
	if (query->name)
		pcreg__sql_where_text(&sql, "instr(lower(p.name), lower(?)) > 0", query->name);
	if (query->postcode) {
		/* Postcodes are capitals, digits and spaces, all below '~': a
		 * range on the index finds every one with the prefix. */
		pcreg__sql_where_text(&sql, "p.postcode >= ? AND p.postcode < ? || '~'", postcode);
	}
	pcreg__sql_finish(&sql, "p.code", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

static const char SQL_POSTCODE[] =
	"SELECT " COLUMNS " FROM practice p"
	" WHERE p.postcode >= ?1 AND p.postcode < ?1 || '~' ORDER BY p.postcode, p.code";

pcreg_status pcreg_practice_postcode_search(pcreg_db *db, const char *prefix,
                                            pcreg_practice_iter **out)
{
	char postcode[9];
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_practice_postcode_search", "out")) != PCREG_OK ||
	    (st = pcreg__require(db, prefix, "pcreg_practice_postcode_search", "prefix")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!normalise_postcode_prefix(prefix, postcode))
		return pcreg__error(db, PCREG_INVALID, "prefix: \"%.20s\" is not a postcode prefix",
		                    prefix);
	if ((st = pcreg__stmt_acquire(db, SQL_POSTCODE, &stmt)) != PCREG_OK)
		return st;
	if ((st = pcreg__bind_text_copy(db, stmt, 1, postcode)) != PCREG_OK) {
		pcreg__stmt_release(db, SQL_POSTCODE, stmt);
		return st;
	}
	return pcreg__iter_new(db, &ENTITY, stmt, SQL_POSTCODE, (struct pcreg__iter **)(void *)out);
}

static const char SQL_SEARCH[] =
	"SELECT " COLUMNS " FROM practice_search s JOIN practice p ON p.id = s.rowid"
	" WHERE practice_search MATCH ?1 ORDER BY s.rank, p.code LIMIT ?2";

/* Make an FTS5 query from what a person typed: every word quoted (so no
 * word is read as an operator) and prefix-matched, all required. */
static pcreg_status fts_query(pcreg_db *db, const char *text, char **out)
{
	size_t cap = strlen(text) * 4 + 1, n = 0;
	char *query = pcreg__malloc(cap);
	const unsigned char *p = (const unsigned char *)text;

	*out = NULL;
	if (!query)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	while (*p) {
		if (!isalnum(*p) && *p < 0x80) {
			p++;
			continue;
		}
		if (n)
			query[n++] = ' ';
		query[n++] = '"';
		while (*p && (isalnum(*p) || *p >= 0x80))
			query[n++] = (char)*p++;
		query[n++] = '"';
		query[n++] = '*';
	}
	query[n] = '\0';
	if (n == 0) {
		pcreg__free(query);
		return pcreg__error(db, PCREG_INVALID, "text: \"%.40s\" has no words to search for",
		                    text);
	}
	*out = query;
	return PCREG_OK;
}

pcreg_status pcreg_practice_search(pcreg_db *db, const char *text, int limit,
                                   pcreg_practice_iter **out)
{
	sqlite3_stmt *stmt;
	char *query;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_practice_search", "out")) != PCREG_OK ||
	    (st = pcreg__require(db, text, "pcreg_practice_search", "text")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = fts_query(db, text, &query)) != PCREG_OK)
		return st;
	st = pcreg__stmt_acquire(db, SQL_SEARCH, &stmt);
	if (st == PCREG_OK && (st = pcreg__bind_text_copy(db, stmt, 1, query)) != PCREG_OK)
		pcreg__stmt_release(db, SQL_SEARCH, stmt);
	pcreg__free(query);
	if (st != PCREG_OK)
		return st;
	sqlite3_bind_int(stmt, 2, limit > 0 ? limit : -1);
	return pcreg__iter_new(db, &ENTITY, stmt, SQL_SEARCH, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_TEXT(practice, pcreg__practice_entity)
PCREG__WRITES(practice)
PCREG__INIT_FUNCTION(practice_query, PCREG_PRACTICE_QUERY_VERSION, PCREG_PRACTICE_QUERY_INIT)

pcreg_practice_status_value pcreg_practice_status_on(const pcreg_practice *practice,
                                                     const char *date)
{
	const char *open, *close;
	pcreg_practice_status_value now;

	if (!practice || !date)
		return PCREG_PRACTICE_STATUS_NONE;
	open = pcreg_practice_open_date(practice);
	close = pcreg_practice_close_date(practice);
	now = pcreg_practice_status(practice);
	if (close && strcmp(close, date) <= 0)
		return PCREG_PRACTICE_CLOSED;
	if (open && strcmp(date, open) < 0)
		return PCREG_PRACTICE_PROPOSED;
	/* Closed later than the date, or proposed then opened: active then. */
	if (now == PCREG_PRACTICE_CLOSED || now == PCREG_PRACTICE_PROPOSED)
		return open || close ? PCREG_PRACTICE_ACTIVE : now;
	return now;
}
