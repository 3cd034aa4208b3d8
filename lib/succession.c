/*
 * succession.c: old code -> new code successions, and following them to
 * the code in use on a date.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

enum { F_OLD, F_NEW, F_EFFECTIVE, N_FIELDS };

static const struct pcreg__field fields[N_FIELDS] = {
	[F_OLD] = { "old_code", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_org_code },
	[F_NEW] = { "new_code", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_org_code },
	[F_EFFECTIVE] = { "effective_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },
};

#define COLUMNS "s.old_code, s.new_code, s.effective_date"

static const char SQL_GET[] =
	"SELECT " COLUMNS " FROM succession s WHERE s.old_code = ?1 AND s.new_code = ?2";
static const char SQL_INSERT[] =
	"INSERT INTO succession (old_code, new_code, effective_date) VALUES (?1, ?2, ?3)";
static const char SQL_UPDATE[] =
	"UPDATE succession SET effective_date = ?3 WHERE old_code = ?1 AND new_code = ?2";
static const char SQL_DELETE[] = "DELETE FROM succession WHERE old_code = ?1 AND new_code = ?2";
static const char SQL_EXISTS[] = "SELECT 1 FROM succession WHERE old_code = ?1 AND new_code = ?2";

/* One step of a resolution: the successors of ?1 effective in [?3, ?2],
 * latest first, a descending seek on succession_by_date. Two rows are
 * enough to see whether the latest date has more than one successor (a
 * split); among those the lowest code comes first. */
const char pcreg__sql_succession_step[] =
	"SELECT new_code, effective_date FROM succession"
	" WHERE old_code = ?1 AND effective_date <= ?2 AND effective_date >= ?3"
	" ORDER BY effective_date DESC, new_code LIMIT 2";

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *old_code = pcreg__record_text(rec, F_OLD);
	const char *new_code = pcreg__record_text(rec, F_NEW);

	if (strcmp(old_code, new_code) == 0)
		return pcreg__error(db, PCREG_INVALID,
		                    "succession.new_code: %s is the same as old_code", new_code);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__succession_entity = {
	"succession", fields, N_FIELDS, 2,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	NULL, 0,
	NULL, 0,
};

#define ENTITY pcreg__succession_entity

PCREG__RECORD_LIFECYCLE(succession, ENTITY)
PCREG__TEXT_FIELD(succession, old_code, F_OLD)
PCREG__TEXT_FIELD(succession, new_code, F_NEW)
PCREG__TEXT_FIELD(succession, effective_date, F_EFFECTIVE)
PCREG__ITERATOR(succession_iter, succession)

pcreg_status pcreg_succession_list(pcreg_db *db, const pcreg_succession_query *query,
                                   pcreg_succession_iter **out)
{
	static const pcreg_succession_query everything = PCREG_SUCCESSION_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_succession_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_SUCCESSION_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_succession_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.from", query->from)) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.to", query->to)) != PCREG_OK)
		return st;

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM succession s");
	if (query->old_code)
		pcreg__sql_where_text(&sql, "s.old_code = ?", query->old_code);
	if (query->new_code)
		pcreg__sql_where_text(&sql, "s.new_code = ?", query->new_code);
	if (query->from)
		pcreg__sql_where_text(&sql, "s.effective_date >= ?", query->from);
	if (query->to)
		pcreg__sql_where_text(&sql, "s.effective_date <= ?", query->to);
	pcreg__sql_finish(&sql, "s.old_code, s.effective_date, s.new_code", query->limit,
	                  query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

/* ---- resolving ------------------------------------------------------------------ */

#define MAX_STEPS 64
#define CODE_SIZE 13 /* the schema allows codes of up to 12 characters */

/* Fixed arrays: a resolution is one allocation, and reading it never fails. */
struct pcreg_resolution {
	int steps;
	int ambiguous;
	char start[CODE_SIZE];
	char code[MAX_STEPS][CODE_SIZE];
	char date[MAX_STEPS][11];
};

const char *pcreg_resolution_code(const pcreg_resolution *r)
{
	if (!r)
		return NULL;
	return r->steps > 0 ? r->code[r->steps - 1] : r->start;
}

int pcreg_resolution_steps(const pcreg_resolution *r)
{
	return r ? r->steps : 0;
}

const char *pcreg_resolution_step_code(const pcreg_resolution *r, int index)
{
	return r && index >= 0 && index < r->steps ? r->code[index] : NULL;
}

const char *pcreg_resolution_step_date(const pcreg_resolution *r, int index)
{
	return r && index >= 0 && index < r->steps ? r->date[index] : NULL;
}

int pcreg_resolution_ambiguous(const pcreg_resolution *r)
{
	return r ? r->ambiguous : 0;
}

void pcreg_resolution_free(pcreg_resolution *r)
{
	pcreg__free(r);
}

static int seen(const pcreg_resolution *r, const char *code)
{
	int i;

	if (strcmp(r->start, code) == 0)
		return 1;
	for (i = 0; i < r->steps; i++)
		if (strcmp(r->code[i], code) == 0)
			return 1;
	return 0;
}

/* "A -> B -> C -> A": the chain so far and the code that ends it. When
 * it does not fit, the middle gives way to "..." and the end is kept. */
static void describe_chain(const pcreg_resolution *r, const char *last, char *out, size_t size)
{
	/* Room kept for " -> ...", the last step, the code that ends the
	 * chain and the terminating NUL. */
	const size_t tail = 7 + 2 * (4 + CODE_SIZE - 1) + 1;
	size_t len = (size_t)snprintf(out, size, "%s", r->start);
	int i, skipped = 0;

	for (i = 0; i < r->steps; i++) {
		if (i < r->steps - 1 && len + 4 + strlen(r->code[i]) + tail > size) {
			if (!skipped)
				len += (size_t)snprintf(out + len, size - len, " -> ...");
			skipped = 1;
			continue;
		}
		len += (size_t)snprintf(out + len, size - len, " -> %s", r->code[i]);
	}
	snprintf(out + len, size - len, " -> %s", last);
}

/* The successor of the last code reached, or PCREG_DONE if there is none
 * in the window; copies it in and notes a split. */
static pcreg_status next_step(pcreg_db *db, pcreg_resolution *r, const char *on_date,
                              char next_code[CODE_SIZE], char next_date[11])
{
	const char *from = pcreg_resolution_code(r);
	const char *after = r->steps > 0 ? r->date[r->steps - 1] : "";
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, pcreg__sql_succession_step, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, on_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, after, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		const char *date = (const char *)sqlite3_column_text(stmt, 1);

		if (!code || !date) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
		} else if (strlen(code) >= CODE_SIZE || strlen(date) != 10) {
			st = pcreg__error(db, PCREG_CORRUPT, "succession: %.20s -> %.20s is malformed",
			                  from, code);
		} else {
			memcpy(next_code, code, strlen(code) + 1);
			memcpy(next_date, date, 11);
			rc = sqlite3_step(stmt);
			if (rc == SQLITE_ROW) {
				const char *other = (const char *)sqlite3_column_text(stmt, 1);

				if (!other)
					st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				else if (strcmp(other, next_date) == 0)
					r->ambiguous = 1;
			} else if (rc != SQLITE_DONE) {
				st = pcreg__sqlite_error(db, rc, "succession");
			}
		}
	} else if (rc == SQLITE_DONE) {
		st = PCREG_DONE;
	} else {
		st = pcreg__sqlite_error(db, rc, "succession");
	}
	pcreg__stmt_release(db, pcreg__sql_succession_step, stmt);
	return st;
}

static pcreg_status resolve(pcreg_db *db, pcreg_resolution *r, const char *on_date)
{
	char code[CODE_SIZE], date[11];
	char chain[PCREG__ERRMSG_SIZE - 200];
	pcreg_status st;

	while ((st = next_step(db, r, on_date, code, date)) == PCREG_OK) {
		/* Time only moves forward, so coming back to a code on a later
		 * date ends the chain there (A -> B in 2020, B -> A in 2021 is A
		 * again). Only a return on the same date could go round for ever. */
		if (seen(r, code) && r->steps > 0 && strcmp(date, r->date[r->steps - 1]) == 0) {
			describe_chain(r, code, chain, sizeof chain);
			return pcreg__error(db, PCREG_CYCLE,
			                    "succession: following %s on %s comes back to %s: %s",
			                    r->start, on_date, code, chain);
		}
		if (r->steps == MAX_STEPS) {
			describe_chain(r, code, chain, sizeof chain);
			return pcreg__error(db, PCREG_CYCLE,
			                    "succession: following %s on %s takes more than %d steps: %s",
			                    r->start, on_date, MAX_STEPS, chain);
		}
		memcpy(r->code[r->steps], code, sizeof code);
		memcpy(r->date[r->steps], date, sizeof date);
		r->steps++;
	}
	return st == PCREG_DONE ? PCREG_OK : st;
}

pcreg_status pcreg_succession_resolve(pcreg_db *db, const char *code, const char *on_date,
                                      pcreg_resolution **out)
{
	pcreg_resolution *r;
	const char *expected;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_succession_resolve", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, code, "pcreg_succession_resolve", "code")) != PCREG_OK ||
	    (st = pcreg__require(db, on_date, "pcreg_succession_resolve", "on_date")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "on_date", on_date)) != PCREG_OK)
		return st;
	if ((expected = pcreg__shape_org_code(code)) != NULL)
		return pcreg__error(db, PCREG_INVALID, "code: \"%.40s\" is not %s", code, expected);

	r = pcreg__calloc(1, sizeof *r);
	if (!r)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	memcpy(r->start, code, strlen(code) + 1);
	/* One read transaction across the steps, so that a writer on
	 * another connection cannot change the chain halfway along it. */
	if ((st = pcreg__savepoint_begin(db)) == PCREG_OK) {
		st = resolve(db, r, on_date);
		if (st == PCREG_OK)
			st = pcreg__savepoint_commit(db);
		else
			pcreg__savepoint_rollback(db);
	}
	if (st != PCREG_OK) {
		pcreg__free(r);
		return st;
	}
	*out = r;
	return PCREG_OK;
}

PCREG__KEYED_BY_TWO(succession, pcreg__succession_entity)
PCREG__WRITES(succession)
PCREG__INIT_FUNCTION(succession_query, PCREG_SUCCESSION_QUERY_VERSION, PCREG_SUCCESSION_QUERY_INIT)
