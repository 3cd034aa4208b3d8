/*
 * evidence.c: releases, the evidence they give, and reconciliation.
 *
 * An import collects what its rows say as claims in a working table.
 * When it ends, the release is dated and its claims merged into the
 * observation table as runs: a run holds for every release of its kind
 * from first_seen to last_seen (positions "DATE DIGEST", which order the
 * releases of a kind the same way whatever order they came in). Merging
 * extends the runs the neighbouring releases began, splits those that
 * this release interrupts, and adds the rest; then each practice whose
 * evidence changed is reconciled.
 *
 * Reconciliation derives a practice's dated memberships from all its
 * evidence (the README's "How the past is derived" gives the rules):
 * stated periods, newest release first, each clipped to the lifetime of
 * the organisation it names and continued in its successor; then what
 * releases saw on their dates; then the gaps between, inferred where
 * both sides agree or a succession dates the change, uncertain where
 * nothing does. Periods written by hand (derived = 0) are never touched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <nettle/sha2.h>

#include "evidence.h"

/* ---- claims ------------------------------------------------------------------------------ */

static const char SQL_CLAIM_CLEAR[] = "DELETE FROM import_claim";
static const char SQL_TOUCHED_CLEAR[] = "DELETE FROM import_touched";
static const char SQL_CLAIM[] =
	"INSERT OR IGNORE INTO import_claim (fact, subject, value, from_date, to_date)"
	" VALUES (?1, ?2, ?3, coalesce(?4, ''), coalesce(?5, ''))";
/* The attributes' order is the v4 migration's too. */
static const char SQL_CLAIM_PRACTICE[] =
	"INSERT OR IGNORE INTO import_claim (fact, subject, value, from_date, to_date)"
	" VALUES ('practice', ?1, json_array(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13),"
	" '', '')";

/* What epraccur says of an organisation that is not a GP practice. */
static const char SQL_CLAIM_OTHER[] =
	"INSERT OR IGNORE INTO import_claim (fact, subject, value, from_date, to_date)"
	" VALUES ('other_organisation', ?1, json_array(?2, ?3, ?4, ?5, ?6, ?7), '', '')";

/* The attributes' order is commissioner_columns' (below). */
static const char SQL_CLAIM_ORGANISATION[] =
	"INSERT OR IGNORE INTO import_claim (fact, subject, value, from_date, to_date)"
	" VALUES ('organisation', ?1, json_array(?2, ?3, ?4, ?5, ?6, ?7), '', '')";

/* The release a row's outcome compares with: the newest of the import's
 * kind, or with a release date known, the newest up to that date. */
static const char SQL_BASELINE[] =
	"SELECT max(release_date || ' ' || digest) FILTER (WHERE ?2 IS NULL OR release_date <= ?2),"
	" count(*) > 0 FROM release WHERE kind = ?1";

static pcreg_status baseline(pcreg_import *imp)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(imp->db, SQL_BASELINE, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, imp->kind->word, -1, SQLITE_STATIC);
	/* The caller's date, else the date the file has stated by its first
	 * claim (an extract date, a financial year), else none: the newest. */
	sqlite3_bind_text(stmt, 2,
	                  imp->released[0]    ? imp->released
	                  : imp->file_date[0] ? imp->file_date
	                                      : NULL,
	                  -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	imp->baseline[0] = '\0';
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_TEXT)
		snprintf(imp->baseline, sizeof imp->baseline, "%s",
		         (const char *)sqlite3_column_text(stmt, 0));
	imp->kind_released = rc == SQLITE_ROW && sqlite3_column_int(stmt, 1);
	pcreg__stmt_release(imp->db, SQL_BASELINE, stmt);
	return rc == SQLITE_ROW ? PCREG_OK : pcreg__sqlite_error(imp->db, rc, "release");
}

pcreg_status pcreg__evidence_begin(pcreg_import *imp)
{
	imp->claims = 1;
	return PCREG_OK;
}

/* The claim tables, readied at the first claim: a file that makes none
 * (eccg, succ) pays nothing for them. */
static pcreg_status claim_tables(pcreg_import *imp)
{
	pcreg_status st;

	if (imp->claim_tables)
		return PCREG_OK;
	/* Empty between imports; cleared anyway, in case another writer left
	 * rows in them. */
	if ((st = pcreg__exec_static(imp->db, SQL_CLAIM_CLEAR)) != PCREG_OK ||
	    (st = pcreg__exec_static(imp->db, SQL_TOUCHED_CLEAR)) != PCREG_OK ||
	    (st = baseline(imp)) != PCREG_OK)
		return st;
	imp->claim_tables = 1;
	return PCREG_OK;
}

/* Whether the release a row is compared with (the newest of its kind
 * before this one) said the same. */
static const char SQL_KNOWN_CLAIM[] =
	"SELECT 1 FROM observation INDEXED BY observation_by_subject WHERE subject = ?1"
	" AND fact = ?2 AND value = ?3 AND kind = ?4 AND from_date IS ?5 AND to_date IS ?6"
	" AND first_seen <= ?7 AND last_seen >= ?7";

static const char SQL_KNOWN_FACT[] =
	"SELECT 1 FROM observation INDEXED BY observation_by_subject WHERE subject = ?1"
	" AND fact = ?2 AND kind = ?3";

/* A row's outcome: what the release before it (of its kind) said too is
 * unchanged; anything else is news: @p outcome, or an update when that
 * kind of release spoke of the practice before. */
static pcreg_status note_news(pcreg_import *imp, const char *fact, const char *subject,
                              const char *value, const char *from, const char *to,
                              enum pcreg__outcome outcome)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	/* The first release of its kind: all it says is news, unasked. */
	if (!imp->kind_released) {
		pcreg__note(imp, outcome);
		return PCREG_OK;
	}
	if ((st = pcreg__stmt_acquire(imp->db, SQL_KNOWN_CLAIM, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fact, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, imp->kind->word, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, imp->baseline, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_KNOWN_CLAIM, stmt);
	if (rc == SQLITE_ROW)
		return PCREG_OK;
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	/* New about a practice its kind of release spoke of before: an update. */
	if ((st = pcreg__stmt_acquire(imp->db, SQL_KNOWN_FACT, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fact, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, imp->kind->word, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_KNOWN_FACT, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	pcreg__note(imp, rc == SQLITE_ROW ? PCREG__ROW_UPDATED : outcome);
	return PCREG_OK;
}

static pcreg_status claim(pcreg_import *imp, const char *fact, const char *subject,
                          const char *value, const char *from, const char *to)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if (!imp->claims)
		return PCREG_OK;
	if ((st = claim_tables(imp)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(imp->db, SQL_CLAIM, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, fact, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, to, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_CLAIM, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	return note_news(imp, fact, subject, value, from, to, PCREG__ROW_INSERTED);
}

pcreg_status pcreg__claim_period(pcreg_import *imp, const char *fact, const char *practice,
                                 const char *organisation, const char *from, const char *to)
{
	return claim(imp, fact, practice, organisation, from, to);
}

pcreg_status pcreg__claim_seen(pcreg_import *imp, const char *fact, const char *practice,
                               const char *organisation)
{
	return claim(imp, fact, practice, organisation, NULL, NULL);
}

pcreg_status pcreg__claim_list_size(pcreg_import *imp, const char *practice, const char *date,
                                    int64_t registered, int has_weighted, double weighted)
{
	char value[96];

	if (has_weighted)
		snprintf(value, sizeof value, "[%lld,%.17g]", (long long)registered, weighted);
	else
		snprintf(value, sizeof value, "[%lld,null]", (long long)registered);
	return claim(imp, "list_size", practice, value, date, NULL);
}

pcreg_status pcreg__claim_contract(pcreg_import *imp, const char *practice, const char *type,
                                   const char *commissioner, const char *start, const char *end)
{
	char value[96];

	/* Both are checked shapes (a type word, a commissioner code): nothing
	 * in them needs escaping. */
	if (commissioner)
		snprintf(value, sizeof value, "[\"%s\",\"%s\"]", type, commissioner);
	else
		snprintf(value, sizeof value, "[\"%s\",null]", type);
	return claim(imp, "contract", practice, value, start, end);
}

/* The attributes just claimed: news if no release of this kind gave them. */
static const char SQL_NEW_ATTRIBUTES[] =
	"SELECT NOT EXISTS (SELECT 1 FROM observation o INDEXED BY observation_by_subject"
	" WHERE o.subject = c.subject AND o.fact = ?4 AND o.value = c.value"
	" AND o.kind = ?2 AND o.first_seen <= ?3 AND o.last_seen >= ?3)"
	" FROM import_claim c WHERE c.subject = ?1 AND c.fact = ?4";

static pcreg_status note_new_attributes(pcreg_import *imp, const char *fact, const char *code)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc, news = 0;

	if (!imp->kind_released) {
		pcreg__note(imp, PCREG__ROW_UPDATED);
		return PCREG_OK;
	}
	if ((st = pcreg__stmt_acquire(imp->db, SQL_NEW_ATTRIBUTES, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, imp->kind->word, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, imp->baseline, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, fact, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		news |= sqlite3_column_int(stmt, 0);
	pcreg__stmt_release(imp->db, SQL_NEW_ATTRIBUTES, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	if (news)
		pcreg__note(imp, PCREG__ROW_UPDATED);
	return PCREG_OK;
}

pcreg_status pcreg__claim_practice(pcreg_import *imp, const struct pcreg__practice_claim *c)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc, i;

	if (!imp->claims)
		return PCREG_OK;
	if ((st = claim_tables(imp)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(imp->db, SQL_CLAIM_PRACTICE, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, c->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, c->name, -1, SQLITE_STATIC);
	for (i = 0; i < 5; i++)
		sqlite3_bind_text(stmt, 3 + i, c->address[i], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, c->postcode, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, c->status, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 10, c->setting);
	sqlite3_bind_text(stmt, 11, c->open, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 12, c->close, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 13, c->phone, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_CLAIM_PRACTICE, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	return note_new_attributes(imp, "practice", c->code);
}

pcreg_status pcreg__claim_other(pcreg_import *imp, const char *code, const char *name,
                                int setting, const char *status, const char *commissioner,
                                const char *open, const char *close)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if (!imp->claims)
		return PCREG_OK;
	if ((st = claim_tables(imp)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(imp->db, SQL_CLAIM_OTHER, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, setting);
	sqlite3_bind_text(stmt, 4, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, commissioner, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, open, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, close, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_CLAIM_OTHER, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	return note_new_attributes(imp, "other_organisation", code);
}

/* Codes of commissioners and networks never meet (3 or 5 characters
 * against a network's 6, or a local id): one question serves both. */
static const char SQL_DESCRIBED[] =
	"SELECT EXISTS (SELECT 1 FROM observation o INDEXED BY observation_by_subject"
	"  WHERE o.subject = ?1 AND o.fact = 'organisation')"
	" AND (EXISTS (SELECT 1 FROM commissioner c WHERE c.code = ?1 AND c.name <> c.code)"
	"  OR EXISTS (SELECT 1 FROM network n WHERE n.code = ?1 AND n.name <> n.code))";

pcreg_status pcreg__claim_organisation(pcreg_import *imp,
                                       const struct pcreg__organisation_claim *c,
                                       int *described)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	*described = 0;
	if (!imp->claims)
		return PCREG_OK;
	if ((st = pcreg__stmt_acquire(imp->db, SQL_DESCRIBED, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, c->code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*described = sqlite3_column_int(stmt, 0);
	pcreg__stmt_release(imp->db, SQL_DESCRIBED, stmt);
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	if ((st = claim_tables(imp)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(imp->db, SQL_CLAIM_ORGANISATION, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, c->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, c->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, c->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, c->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, c->parent, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, c->open, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, c->close, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_CLAIM_ORGANISATION, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "evidence");
	return note_new_attributes(imp, "organisation", c->code);
}

void pcreg__saw_date(pcreg_import *imp, const char *date, int announcement)
{
	char *latest = announcement ? imp->latest_announcement : imp->latest_date;

	if (date && strlen(date) == 10 && strcmp(date, latest) > 0)
		memcpy(latest, date, 11);
}

void pcreg__file_release_date(pcreg_import *imp, const char *date)
{
	if (date && strlen(date) == 10 && strcmp(date, imp->file_date) > 0)
		memcpy(imp->file_date, date, 11);
}

/* ---- merging a release's claims into the evidence --------------------------------------- */

/* Whether observation o is the claim c. */
#define SAME_CLAIM(o, c)                                                                   \
	c ".subject = " o ".subject AND " c ".fact = " o ".fact AND " c ".value = " o ".value" \
	" AND " c ".from_date = coalesce(" o ".from_date, '') AND " c ".to_date = coalesce(" o \
	".to_date, '')"
#define SAME_RUN(x, o)                                                                     \
	x ".kind = " o ".kind AND " x ".subject = " o ".subject AND " x ".fact = " o ".fact"    \
	" AND " x ".value = " o ".value AND " x ".from_date IS " o ".from_date AND " x         \
	".to_date IS " o ".to_date"
/* Runs that hold on both sides of the new release: it falls inside them. */
#define SPANNING(o) o ".kind = :kind AND " o ".first_seen <= :p AND " o ".last_seen >= :n"

/* A release is known by what it says (?3); a registry older than v5 knew
 * it by its file's digest (?4). */
static const char SQL_RELEASE_FIND[] =
	"SELECT id FROM release WHERE kind = ?1 AND release_date = ?2 AND digest IN (?3, ?4)";
/* What a release says, in an order of its own: the same whatever file
 * form it came in (a workbook, its CSV, other quoting or line ends). */
static const char SQL_CLAIMS_IN_ORDER[] =
	"SELECT fact, subject, value, from_date, to_date FROM import_claim"
	" ORDER BY fact, subject, value, from_date, to_date";

static pcreg_status content_digest(pcreg_db *db, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx sha;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_CLAIMS_IN_ORDER, &stmt);
	int rc, i;

	if (st != PCREG_OK)
		return st;
	sha256_init(&sha);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++) {
			const unsigned char *text = sqlite3_column_text(stmt, i);
			size_t n = (size_t)sqlite3_column_bytes(stmt, i);

			if (text)
				sha256_update(&sha, n, text);
			/* a unit separator, which no field holds */
			sha256_update(&sha, 1, (const uint8_t *)"\x1f");
		}
		sha256_update(&sha, 1, (const uint8_t *)"\x1e");
	}
	pcreg__stmt_release(db, SQL_CLAIMS_IN_ORDER, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, "evidence");
	sha256_digest(&sha, sizeof digest, digest);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	return PCREG_OK;
}
static const char SQL_RELEASE_INSERT[] =
	"INSERT INTO release (kind, release_date, date_basis, digest) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_IMPORT_RELEASE[] = "UPDATE import SET release_id = ?2 WHERE id = ?1";
static const char SQL_PREVIOUS[] =
	"SELECT max(release_date || ' ' || digest) FROM release"
	" WHERE kind = ?1 AND release_date || ' ' || digest < ?2";
static const char SQL_NEXT[] =
	"SELECT min(release_date || ' ' || digest) FROM release"
	" WHERE kind = ?1 AND release_date || ' ' || digest > ?2";

/* The derived periods of a practice whose runs of this kind the release
 * only extended (no run of it still ends at the release before): they
 * rested on the release before, and rest on this one now. */
#define RELEASE_AT(position)                                                                  \
	"(SELECT r.id FROM release r INDEXED BY release_by_position WHERE r.kind = :kind"       \
	" AND r.release_date || ' ' || r.digest = " position ")"
#define REPOINT(table, fact)                                                                   \
	("UPDATE " table " AS m SET release_id = " RELEASE_AT(":k") " WHERE m.derived = 1"        \
	 " AND m.release_id = " RELEASE_AT(":p") " AND m.practice IN (SELECT c.subject"            \
	 " FROM import_claim c WHERE c.matched = 2 AND c.fact = '" fact "')"                      \
	 " AND m.practice NOT IN (SELECT t.subject FROM import_touched t"                          \
	 "  WHERE t.fact <> 'organisation')"                                                      \
	 " AND NOT EXISTS (SELECT 1 FROM observation o INDEXED BY observation_by_subject"          \
	 "  WHERE o.subject = m.practice AND o.fact = '" fact "' AND o.kind = :kind"               \
	 "  AND o.last_seen = :p)")

/* A step that needs a release of the kind before this one, or after it,
 * or both, does nothing without it (there is no run to extend, join or
 * split) and is not run: a kind's first release is all new. */
enum { NEEDS_ANY = 0, NEEDS_BEFORE = 1, NEEDS_AFTER = 2, NEEDS_BOTH = 3 };

static const struct {
	int needs;
	const char *sql;
} merge_steps[] = {
	/* Runs this release interrupts: split around it. */
	{ NEEDS_BOTH,
	  ("INSERT OR IGNORE INTO import_touched (subject, fact)"
	   " SELECT o.subject, o.fact FROM observation o WHERE " SPANNING("o")
	   " AND NOT EXISTS (SELECT 1 FROM import_claim c WHERE " SAME_CLAIM("o", "c") ")") },
	{ NEEDS_BOTH,
	  ("INSERT INTO observation (kind, fact, subject, value, from_date, to_date, first_seen,"
	   " last_seen) SELECT o.kind, o.fact, o.subject, o.value, o.from_date, o.to_date, :n,"
	   " o.last_seen FROM observation o WHERE " SPANNING("o")
	   " AND NOT EXISTS (SELECT 1 FROM import_claim c WHERE " SAME_CLAIM("o", "c") ")") },
	{ NEEDS_BOTH,
	  ("UPDATE observation AS o SET last_seen = :p WHERE " SPANNING("o")
	   " AND NOT EXISTS (SELECT 1 FROM import_claim c WHERE " SAME_CLAIM("o", "c") ")") },
	/* Runs it falls inside and agrees with: nothing changes. */
	{ NEEDS_BOTH,
	  ("UPDATE import_claim AS c SET matched = 1 WHERE EXISTS (SELECT 1 FROM observation o"
	   " INDEXED BY observation_by_subject WHERE " SAME_CLAIM("o", "c") " AND " SPANNING("o") ")") },
	/* Runs the release before it ends: extended to it. */
	{ NEEDS_BEFORE,
	  ("UPDATE observation AS o SET last_seen = :k WHERE o.kind = :kind AND o.last_seen = :p"
	   " AND EXISTS (SELECT 1 FROM import_claim c WHERE c.matched = 0 AND " SAME_CLAIM("o", "c")
	   ")") },
	{ NEEDS_BEFORE,
	  ("UPDATE import_claim AS c SET matched = 2 WHERE c.matched = 0 AND EXISTS (SELECT 1"
	   " FROM observation o INDEXED BY observation_by_subject"
	   " WHERE " SAME_CLAIM("o", "c") " AND o.kind = :kind AND o.last_seen = :k)") },
	/* ... and joined to the run the release after it begins, if any. */
	{ NEEDS_BOTH,
	  ("UPDATE observation AS o SET last_seen = (SELECT x.last_seen FROM observation x"
	   " INDEXED BY observation_by_subject WHERE " SAME_RUN("x", "o") " AND x.first_seen = :n)"
	   " WHERE o.kind = :kind AND o.last_seen = :k AND EXISTS (SELECT 1 FROM observation x"
	   " INDEXED BY observation_by_subject WHERE " SAME_RUN("x", "o") " AND x.first_seen = :n)") },
	{ NEEDS_BOTH,
	  ("DELETE FROM observation AS o WHERE o.kind = :kind AND o.first_seen = :n AND EXISTS"
	   " (SELECT 1 FROM observation y INDEXED BY observation_by_subject"
	   " WHERE " SAME_RUN("y", "o") " AND y.first_seen < :n AND y.last_seen = o.last_seen)") },
	/* Runs the release after it begins: begun at it instead. */
	{ NEEDS_AFTER,
	  ("UPDATE observation AS o SET first_seen = :k WHERE o.kind = :kind AND o.first_seen = :n"
	   " AND EXISTS (SELECT 1 FROM import_claim c WHERE c.matched = 0 AND " SAME_CLAIM("o", "c")
	   ")") },
	{ NEEDS_AFTER,
	  ("UPDATE import_claim AS c SET matched = 3 WHERE c.matched = 0 AND EXISTS (SELECT 1"
	   " FROM observation o INDEXED BY observation_by_subject"
	   " WHERE " SAME_CLAIM("o", "c") " AND o.kind = :kind AND o.first_seen = :k)") },
	/* The rest is new. */
	{ NEEDS_ANY,
	  ("INSERT INTO observation (kind, fact, subject, value, from_date, to_date, first_seen,"
	   " last_seen) SELECT :kind, fact, subject, value, nullif(from_date, ''),"
	   " nullif(to_date, ''), :k, :k FROM import_claim WHERE matched = 0") },
	/* What changed needs reconciling. A run the release only extends does
	 * not, when the history derived from it is the same but for resting on
	 * this release (below): attributes, or an open-ended stated period,
	 * with no other release's attributes or stated period between the
	 * release before and this one (reconciliation ranks those by their
	 * newest release). A sighting extended is seen longer, and an ended
	 * period's release dates the sightings it outweighs: both change it. */
	{ NEEDS_ANY,
	  ("INSERT OR IGNORE INTO import_touched (subject, fact)"
	   " SELECT c.subject, c.fact FROM import_claim c WHERE c.matched <> 1"
	   " AND NOT (c.matched = 2"
	   "  AND (c.fact IN ('practice', 'organisation', 'other_organisation')"
	   "   OR (c.from_date <> '' AND c.to_date = ''))"
	   "  AND NOT EXISTS (SELECT 1 FROM observation o INDEXED BY observation_by_subject"
	   "   WHERE o.subject = c.subject AND o.fact = c.fact AND o.kind <> :kind"
	   "   AND (o.fact IN ('practice', 'organisation', 'other_organisation')"
	   "    OR o.from_date IS NOT NULL)"
	   "   AND ((o.last_seen > :p AND o.last_seen <= :k)"
	   "    OR (o.first_seen > :p AND o.first_seen <= :k))))") },
	{ NEEDS_BEFORE, REPOINT("practice_commissioner", "commissioner") },
	{ NEEDS_BEFORE, REPOINT("practice_network", "network") },
};

/* SQLite copies the text, which may fail for want of memory. */
static int bind_named(sqlite3_stmt *stmt, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	return i > 0 ? sqlite3_bind_text(stmt, i, value, -1, SQLITE_TRANSIENT) : SQLITE_OK;
}

static pcreg_status merge(pcreg_db *db, const char *kind, const char *k, const char *p,
                          const char *n)
{
	int have = (p ? NEEDS_BEFORE : 0) | (n ? NEEDS_AFTER : 0);
	size_t i;

	for (i = 0; i < sizeof merge_steps / sizeof merge_steps[0]; i++) {
		const char *sql = merge_steps[i].sql;
		sqlite3_stmt *stmt;
		pcreg_status st;
		int rc;

		if ((merge_steps[i].needs & have) != merge_steps[i].needs)
			continue;
		if ((st = pcreg__stmt_acquire(db, sql, &stmt)) != PCREG_OK)
			return st;
		if ((rc = bind_named(stmt, ":kind", kind)) != SQLITE_OK ||
		    (rc = bind_named(stmt, ":k", k)) != SQLITE_OK ||
		    (rc = bind_named(stmt, ":p", p)) != SQLITE_OK ||
		    (rc = bind_named(stmt, ":n", n)) != SQLITE_OK) {
			pcreg__stmt_release(db, sql, stmt);
			return pcreg__sqlite_error(db, rc, "evidence");
		}
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(db, sql, stmt);
		if (rc != SQLITE_DONE)
			return pcreg__sqlite_error(db, rc, "evidence");
	}
	return PCREG_OK;
}

/* The position before or after @p k among the releases of @p kind, into
 * out ("" if none). */
static pcreg_status neighbour(pcreg_db *db, const char *sql, const char *kind, const char *k,
                              char out[80])
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	out[0] = '\0';
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, k, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_TEXT)
		snprintf(out, 80, "%s", (const char *)sqlite3_column_text(stmt, 0));
	pcreg__stmt_release(db, sql, stmt);
	return rc == SQLITE_ROW ? PCREG_OK : pcreg__sqlite_error(db, rc, "release");
}

static pcreg_status step_done(pcreg_db *db, sqlite3_stmt *stmt, const char *sql)
{
	int rc = sqlite3_step(stmt);

	pcreg__stmt_release(db, sql, stmt);
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(db, rc, "release");
}


static pcreg_status reconcile_related(pcreg_import *imp);

/* Kinds whose rows change what reconciliation reads besides evidence:
 * organisations' lifetimes and successions. */
static int changes_rules(pcreg_import_kind_value kind)
{
	return kind == PCREG_IMPORT_ECCG || kind == PCREG_IMPORT_SUCC ||
	       kind == PCREG_IMPORT_PCN_DETAILS || kind == PCREG_IMPORT_ODS_XML;
}

/* Stubs (an organisation named by its code, which only evidence gives)
 * that no period needs any more: whether one exists must not depend on the
 * order the evidence came in. */
static const char *const unused_stubs[][2] = {
	{ "network",
	  "DELETE FROM network WHERE name = code"
	  " AND NOT EXISTS (SELECT 1 FROM practice_network m WHERE m.network = network.code)"
	  " AND NOT EXISTS (SELECT 1 FROM network_lead l WHERE l.network = network.code)"
	  " RETURNING code" },
	{ "commissioner",
	  "DELETE FROM commissioner WHERE name = code"
	  " AND NOT EXISTS (SELECT 1 FROM practice_commissioner m"
	  "                 WHERE m.commissioner = commissioner.code)"
	  " AND NOT EXISTS (SELECT 1 FROM network n WHERE n.commissioner = commissioner.code)"
	  " AND NOT EXISTS (SELECT 1 FROM commissioner c WHERE c.parent = commissioner.code)"
	  " AND NOT EXISTS (SELECT 1 FROM contract k WHERE k.commissioner = commissioner.code)"
	  " AND NOT EXISTS (SELECT 1 FROM commissioning_arrangement a"
	  "                 WHERE a.commissioner = commissioner.code)"
	  " RETURNING code" },
};

static pcreg_status drop_unused_stubs(pcreg_import *imp)
{
	size_t i;

	for (i = 0; i < sizeof unused_stubs / sizeof unused_stubs[0]; i++) {
		sqlite3_stmt *stmt;
		pcreg_status st = pcreg__stmt_prepare(imp->db, unused_stubs[i][1], &stmt);
		char (*codes)[48] = NULL, (*grown)[48];
		size_t n = 0, cap = 0, j;
		int rc;

		if (st != PCREG_OK)
			return st;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				if (!(grown = pcreg__realloc(codes, cap * sizeof *grown))) {
					st = pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
					break;
				}
				codes = grown;
			}
			snprintf(codes[n++], sizeof codes[0], "%s",
			         (const char *)sqlite3_column_text(stmt, 0));
		}
		sqlite3_finalize(stmt);
		if (st == PCREG_OK && rc != SQLITE_DONE)
			st = pcreg__sqlite_error(imp->db, rc, unused_stubs[i][0]);
		for (j = 0; j < n && st == PCREG_OK; j++)
			st = pcreg__journal(imp, unused_stubs[i][0], codes[j], NULL, "delete", NULL, NULL,
			                    NULL, NULL);
		pcreg__free(codes);
		if (st != PCREG_OK)
			return st;
	}
	return PCREG_OK;
}

pcreg_status pcreg__evidence_commit(pcreg_import *imp, const char *file_digest)
{
	pcreg_db *db = imp->db;
	const char *kind = imp->kind->word, *basis = "caller", *digest;
	char date[11], k[80], p[80], n[80], content[65];
	sqlite3_stmt *stmt;
	int64_t release_id = 0;
	pcreg_status st;
	int rc;

	if (!imp->claims)
		return PCREG_OK;
	/* The caller's date, else the file's, else the latest it holds (an
	 * announcement of the future only if nothing else), else today. */
	if (imp->released[0]) {
		memcpy(date, imp->released, 11);
	} else if (imp->file_date[0]) {
		memcpy(date, imp->file_date, 11);
		basis = "file";
	} else {
		const char *latest = imp->latest_date[0] ? imp->latest_date : imp->latest_announcement;

		basis = "inferred";
		if (latest[0]) {
			memcpy(date, latest, 11);
		} else {
			time_t now = time(NULL);
			struct tm tm;

			gmtime_r(&now, &tm);
			pcreg__date_format(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, date);
		}
	}

	/* A release that claims nothing (a succession file) is its file. */
	if (imp->claim_tables && (st = content_digest(db, content)) != PCREG_OK)
		return st;
	digest = imp->claim_tables ? content : file_digest;
	if ((st = pcreg__stmt_acquire(db, SQL_RELEASE_FIND, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, file_digest, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		release_id = sqlite3_column_int64(stmt, 0);
	pcreg__stmt_release(db, SQL_RELEASE_FIND, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, "release");

	if (!release_id) {
		if ((st = pcreg__stmt_acquire(db, SQL_RELEASE_INSERT, &stmt)) != PCREG_OK)
			return st;
		sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, basis, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, digest, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, SQL_RELEASE_INSERT)) != PCREG_OK)
			return st;
		release_id = sqlite3_last_insert_rowid(db->sql);
		snprintf(k, sizeof k, "%s %s", date, digest);
		if (imp->claim_tables &&
		    ((st = neighbour(db, SQL_PREVIOUS, kind, k, p)) != PCREG_OK ||
		     (st = neighbour(db, SQL_NEXT, kind, k, n)) != PCREG_OK ||
		     (st = merge(db, kind, k, p[0] ? p : NULL, n[0] ? n : NULL)) != PCREG_OK))
			return st;
		/* Successions reach practices through chains of codes: all of them. */
		if (imp->kind->kind == PCREG_IMPORT_SUCC || imp->kind->kind == PCREG_IMPORT_ODS_XML)
			st = pcreg__reconcile_all(imp);
		else if (changes_rules(imp->kind->kind))
			st = reconcile_related(imp);
		else if (imp->claim_tables)
			st = pcreg__reconcile_touched(imp);
		if (st != PCREG_OK)
			return st;
		if ((imp->claim_tables || changes_rules(imp->kind->kind)) &&
		    (st = drop_unused_stubs(imp)) != PCREG_OK)
			return st;
	}
	/* else the same release again: it says nothing new. */

	if ((st = pcreg__stmt_acquire(db, SQL_IMPORT_RELEASE, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, imp->report->id);
	sqlite3_bind_int64(stmt, 2, release_id);
	if ((st = step_done(db, stmt, SQL_IMPORT_RELEASE)) != PCREG_OK || !imp->claim_tables)
		return st;
	if ((st = pcreg__exec_static(db, SQL_CLAIM_CLEAR)) != PCREG_OK)
		return st;
	return pcreg__exec_static(db, SQL_TOUCHED_CLEAR);
}

/* ---- reconciliation ------------------------------------------------------------------------ */

#define FOREVER INT64_MAX
#define NEVER INT64_MIN

enum certainty { STATED = 1, INFERRED = 2, UNCERTAIN = 3 };

static const char *const certainty_words[] = { NULL, "stated", "inferred", "uncertain" };

struct segment {
	int64_t from, to; /* day numbers; to may be FOREVER */
	char org[48];
	int certainty;
	int hand;  /* written by hand: kept, never written here */
	int point; /* from what a release saw on its date */
	char kind[32], position[80]; /* the release it rests on, or "" */
	int64_t window_to; /* uncertain: the first day the next value was seen */
};

struct timeline {
	struct segment *seg;
	size_t n, cap;
};

static int64_t day_of(const char *date)
{
	int y, m, d;

	if (!date || !pcreg__date_parse(date, &y, &m, &d))
		return NEVER;
	return pcreg__days_from_civil(y, m, d);
}

/* The day of a release position ("DATE DIGEST"). */
static int64_t day_of_position(const char *position)
{
	char date[11];

	snprintf(date, sizeof date, "%s", position);
	return day_of(date);
}

static void date_of(int64_t day, char out[11])
{
	int y, m, d;

	pcreg__civil_from_days(day, &y, &m, &d);
	pcreg__date_format(y, m, d, out);
}

static int by_from(const void *a, const void *b)
{
	const struct segment *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

static pcreg_status add(pcreg_db *db, struct timeline *t, const struct segment *s)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct segment *grown = pcreg__realloc(t->seg, cap * sizeof *grown);

		if (!grown)
			return pcreg__error(db, PCREG_NOMEM, "out of memory");
		t->seg = grown;
		t->cap = cap;
	}
	t->seg[t->n++] = *s;
	return PCREG_OK;
}

/* Lay @p s over the days in it that nothing covers yet. */
static pcreg_status paint(pcreg_db *db, struct timeline *t, const struct segment *s)
{
	int64_t cursor = s->from;
	size_t i, n = t->n;
	pcreg_status st;

	if (s->to < s->from)
		return PCREG_OK;
	if (t->n > 1) /* qsort() of NULL is undefined, even for no elements */
		qsort(t->seg, t->n, sizeof *t->seg, by_from);
	for (i = 0; i < n && cursor <= s->to; i++) {
		/* A copy: adding a piece may move the array. */
		const struct segment held = t->seg[i], *e = &held;

		if (e->to < cursor || e->from > s->to)
			continue;
		if (e->from > cursor) {
			struct segment piece = *s;

			piece.from = cursor;
			piece.to = e->from - 1;
			if ((st = add(db, t, &piece)) != PCREG_OK)
				return st;
		}
		cursor = e->to == FOREVER ? FOREVER : (e->to + 1 > cursor ? e->to + 1 : cursor);
		if (e->to == FOREVER)
			return PCREG_OK;
	}
	if (cursor <= s->to) {
		struct segment piece = *s;

		piece.from = cursor;
		if ((st = add(db, t, &piece)) != PCREG_OK)
			return st;
	}
	return PCREG_OK;
}

struct run {
	char kind[32];
	char value[48];
	int64_t from, to; /* stated period, or NEVER for a sighting */
	char first[80], last[80];
};

static int newest_first(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	int c = strcmp(y->last, x->last);

	if (!c)
		c = strcmp(y->first, x->first);
	if (!c)
		c = strcmp(x->kind, y->kind);
	if (!c)
		c = strcmp(x->value, y->value);
	if (!c)
		c = x->from < y->from ? -1 : x->from > y->from;
	return c;
}

static int oldest_first(const void *a, const void *b)
{
	return newest_first(b, a);
}

struct fact_tables {
	const char *fact;
	const char *entity; /* the journal's name for a membership */
	const char *sql_hand, *sql_derived, *sql_delete, *sql_insert, *sql_life, *sql_stub;
};

#define MEMBERSHIP_TABLE_SQL(table, org, orgtable, stub)                                       \
	  "SELECT from_date, to_date, " org " FROM " table " WHERE practice = ?1 AND derived = 0", \
	  "SELECT " org ", from_date, to_date, certainty, window_to, release_id FROM " table       \
	  " WHERE practice = ?1 AND derived = 1 ORDER BY from_date",                               \
	  "DELETE FROM " table " WHERE practice = ?1 AND derived = 1",                             \
	  "INSERT INTO " table " (practice, " org ", from_date, to_date, certainty, window_to,"    \
	  " release_id, derived) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",                          \
	  "SELECT open_date, close_date FROM " orgtable " WHERE code = ?1", stub

static const struct fact_tables facts[] = {
	{ "commissioner", "commissioner_membership",
	  MEMBERSHIP_TABLE_SQL("practice_commissioner", "commissioner", "commissioner",
	                       /* An organisation only evidence names: a stub, its
	                        * name its code, until a file describes it. */
	                       "INSERT INTO commissioner (code, kind, name) SELECT ?1,"
	                       " CASE length(?1) WHEN 5 THEN 'sub_icb' ELSE 'ccg' END, ?1"
	                       " WHERE NOT EXISTS (SELECT 1 FROM commissioner WHERE code = ?1)") },
	{ "network", "network_membership",
	  MEMBERSHIP_TABLE_SQL("practice_network", "network", "network",
	                       "INSERT INTO network (code, kind, name) SELECT ?1,"
	                       " CASE WHEN ?1 GLOB 'U[0-9][0-9][0-9][0-9][0-9]' THEN 'pcn'"
	                       " ELSE 'local' END, ?1"
	                       " WHERE NOT EXISTS (SELECT 1 FROM network WHERE code = ?1)") },
};

static const char SQL_OBSERVATIONS[] =
	"SELECT kind, value, from_date, to_date, first_seen, last_seen FROM observation"
	" WHERE subject = ?1 AND fact = ?2";
static const char SQL_PRACTICE_LIFE[] =
	"SELECT open_date, close_date FROM practice WHERE code = ?1";
static const char SQL_SUCCESSORS[] =
	"SELECT new_code FROM succession WHERE old_code = ?1 AND effective_date = ?2";
static const char SQL_SUCCESSION_BETWEEN[] =
	"SELECT effective_date FROM succession WHERE old_code = ?1 AND new_code = ?2"
	" AND effective_date > ?3 AND effective_date <= ?4 ORDER BY effective_date LIMIT 1";
static const char SQL_RELEASE_AT[] =
	"SELECT id FROM release WHERE kind = ?1 AND release_date = substr(?2, 1, 10)"
	" AND digest = substr(?2, 12)";

static pcreg_status read_runs(pcreg_db *db, const char *subject, const char *fact,
                              struct run **out, size_t *nout)
{
	struct run *runs = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_OBSERVATIONS, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fact, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct run *r;
		const char *to;

		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			if (!(grown = pcreg__realloc(runs, cap * sizeof *grown))) {
				st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				break;
			}
			runs = grown;
		}
		r = &runs[n++];
		snprintf(r->kind, sizeof r->kind, "%s", (const char *)sqlite3_column_text(stmt, 0));
		snprintf(r->value, sizeof r->value, "%s", (const char *)sqlite3_column_text(stmt, 1));
		r->from = day_of((const char *)sqlite3_column_text(stmt, 2));
		to = (const char *)sqlite3_column_text(stmt, 3);
		r->to = to ? day_of(to) : FOREVER;
		snprintf(r->first, sizeof r->first, "%s", (const char *)sqlite3_column_text(stmt, 4));
		snprintf(r->last, sizeof r->last, "%s", (const char *)sqlite3_column_text(stmt, 5));
	}
	pcreg__stmt_release(db, SQL_OBSERVATIONS, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, "evidence");
	if (st != PCREG_OK) {
		pcreg__free(runs);
		return st;
	}
	*out = runs;
	*nout = n;
	return PCREG_OK;
}

static pcreg_status release_at(pcreg_db *db, const char *kind, const char *position,
                               int64_t *id)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_RELEASE_AT, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, position, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	pcreg__stmt_release(db, SQL_RELEASE_AT, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK
	                                             : pcreg__sqlite_error(db, rc, "release");
}

/* Two dates of one row (open and close of an organisation or practice):
 * NEVER / FOREVER where absent; *found is 0 if there is no such row. */
static pcreg_status lifetime(pcreg_db *db, const char *sql, const char *code, int64_t *open,
                             int64_t *close, int *found)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	*open = NEVER;
	*close = FOREVER;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(stmt, 0) == SQLITE_TEXT)
			*open = day_of((const char *)sqlite3_column_text(stmt, 0));
		if (sqlite3_column_type(stmt, 1) == SQLITE_TEXT)
			*close = day_of((const char *)sqlite3_column_text(stmt, 1));
	}
	pcreg__stmt_release(db, sql, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK
	                                             : pcreg__sqlite_error(db, rc, "lifetime");
}

/* The one organisation that carried @p code on from @p day, into out
 * ("" if none or several: then the evidence does not say which). */
static pcreg_status sole_successor(pcreg_db *db, const char *code, int64_t day, char out[48])
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_SUCCESSORS, &stmt);
	char date[11];
	int rc, n = 0;

	if (st != PCREG_OK)
		return st;
	out[0] = '\0';
	date_of(day, date);
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(out, 48, "%s", (const char *)sqlite3_column_text(stmt, 0));
	pcreg__stmt_release(db, SQL_SUCCESSORS, stmt);
	if (n > 1)
		out[0] = '\0';
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(db, rc, "succession");
}

/* The day a succession from @p old to @p new dates, after @p after and
 * on or before @p by; NEVER if none. */
static pcreg_status succession_between(pcreg_db *db, const char *old, const char *new_code,
                                       int64_t after, int64_t by, int64_t *day)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_SUCCESSION_BETWEEN, &stmt);
	char a[11], b[11];
	int rc;

	if (st != PCREG_OK)
		return st;
	date_of(after, a);
	date_of(by, b);
	sqlite3_bind_text(stmt, 1, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, new_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*day = rc == SQLITE_ROW ? day_of((const char *)sqlite3_column_text(stmt, 0)) : NEVER;
	pcreg__stmt_release(db, SQL_SUCCESSION_BETWEEN, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK
	                                             : pcreg__sqlite_error(db, rc, "succession");
}

static pcreg_status hand_periods(pcreg_db *db, const struct fact_tables *f, const char *practice,
                                 struct timeline *t)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, f->sql_hand, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	while (st == PCREG_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct segment s;

		memset(&s, 0, sizeof s);
		s.from = day_of((const char *)sqlite3_column_text(stmt, 0));
		s.to = sqlite3_column_type(stmt, 1) == SQLITE_TEXT
		               ? day_of((const char *)sqlite3_column_text(stmt, 1))
		               : FOREVER;
		snprintf(s.org, sizeof s.org, "%s", (const char *)sqlite3_column_text(stmt, 2));
		s.hand = 1;
		s.certainty = STATED;
		st = add(db, t, &s);
	}
	pcreg__stmt_release(db, f->sql_hand, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, "membership");
	return st;
}

/* The stated periods, newest release first: each holds for the days no
 * newer one covers, within the lifetime of the organisation it names;
 * past that organisation's close, its sole successor carries it on. */
static pcreg_status paint_stated(pcreg_db *db, const struct fact_tables *f, struct run *runs,
                                 size_t n, int64_t practice_close, struct timeline *t)
{
	size_t i;
	pcreg_status st;

	if (n > 1)
		qsort(runs, n, sizeof *runs, newest_first);
	for (i = 0; i < n; i++) {
		const struct run *r = &runs[i];
		int64_t open, close;
		struct segment s;
		int found;
		size_t j;

		if (r->from == NEVER || r->from > practice_close)
			continue;
		/* A period a newer release gives again, with other dates (an end
		 * it did not have, an earlier start), is that release's. */
		for (j = 0; j < i; j++)
			if (runs[j].from != NEVER && strcmp(runs[j].last, r->last) > 0 &&
			    strcmp(runs[j].value, r->value) == 0 && runs[j].from <= r->from &&
			    runs[j].to >= r->from)
				break;
		if (j < i)
			continue;
		if ((st = lifetime(db, f->sql_life, r->value, &open, &close, &found)) != PCREG_OK)
			return st;
		memset(&s, 0, sizeof s);
		snprintf(s.org, sizeof s.org, "%s", r->value);
		s.certainty = STATED;
		memcpy(s.kind, r->kind, sizeof s.kind);
		memcpy(s.position, r->last, sizeof s.position);
		s.from = r->from > open ? r->from : open;
		s.to = r->to < close ? r->to : close;
		if (s.to > practice_close)
			s.to = practice_close;
		if ((st = paint(db, t, &s)) != PCREG_OK)
			return st;
		if (close != FOREVER && r->to > close) {
			char successor[48];

			if ((st = sole_successor(db, r->value, close + 1, successor)) != PCREG_OK)
				return st;
			if (successor[0]) {
				snprintf(s.org, sizeof s.org, "%s", successor);
				s.certainty = INFERRED;
				s.from = r->from > close + 1 ? r->from : close + 1;
				s.to = r->to < practice_close ? r->to : practice_close;
				if ((st = paint(db, t, &s)) != PCREG_OK)
					return st;
			}
		}
	}
	return PCREG_OK;
}

/* What releases saw on their dates, where no stated period says: a run of
 * releases that agree holds from the first to the last of them. Never
 * past the practice's close. */
static pcreg_status paint_seen(pcreg_db *db, const struct fact_tables *f, struct run *runs,
                               size_t n, int64_t practice_close, struct timeline *t)
{
	size_t i;
	pcreg_status st;

	if (n > 1)
		qsort(runs, n, sizeof *runs, oldest_first);
	for (i = 0; i < n; i++) {
		const struct run *r = &runs[i];
		struct segment s;

		if (r->from != NEVER)
			continue;
		size_t j;

		memset(&s, 0, sizeof s);
		snprintf(s.org, sizeof s.org, "%s", r->value);
		s.point = 1;
		s.from = day_of_position(r->first);
		s.to = day_of_position(r->last);
		/* A release that states the period in that organisation ended,
		 * and came out after the sighting, outweighs it: the sighting
		 * lagged (a list-size extract behind the ePCN release). */
		for (j = 0; j < n; j++) {
			const struct run *ended = &runs[j];
			int64_t said = day_of_position(ended->last);

			if (ended->from != NEVER && ended->to != FOREVER &&
			    strcmp(ended->value, r->value) == 0 && ended->to < s.from && said >= s.from)
				s.from = said + 1;
		}
		/* Nor outside the organisation's lifetime: a file that lags names
		 * a PCN after it closed. */
		{
			int64_t open, close;
			int found;

			if ((st = lifetime(db, f->sql_life, r->value, &open, &close, &found)) !=
			    PCREG_OK)
				return st;
			if (s.from < open)
				s.from = open;
			if (s.to > close)
				s.to = close;
		}
		if (s.from > s.to)
			continue;
		if (s.to > practice_close)
			s.to = practice_close;
		s.certainty = s.from == s.to ? STATED : INFERRED;
		memcpy(s.kind, r->kind, sizeof s.kind);
		memcpy(s.position, r->last, sizeof s.position);
		if ((st = paint(db, t, &s)) != PCREG_OK)
			return st;
	}
	return PCREG_OK;
}

/* Between a sighting and the next evidence: the same organisation on both
 * sides is inferred for the days between; different ones are dated by a
 * succession from one to the other, or else uncertain: the old value
 * until the new one was first seen, with that window. */
/* Add @p s where its organisation was open (a gap is never filled with
 * an organisation that had closed, or not yet opened). */
static pcreg_status add_within(pcreg_db *db, const struct fact_tables *f, struct timeline *t,
                               struct segment *s)
{
	int64_t open, close;
	int found;
	pcreg_status st = lifetime(db, f->sql_life, s->org, &open, &close, &found);

	if (st != PCREG_OK)
		return st;
	if (s->from < open)
		s->from = open;
	if (s->to > close)
		s->to = close;
	return s->from <= s->to ? add(db, t, s) : PCREG_OK;
}

static pcreg_status fill_gaps(pcreg_db *db, const struct fact_tables *f, struct timeline *t)
{
	size_t i, n;
	pcreg_status st;

	if (t->n > 1) /* qsort() of NULL is undefined, even for no elements */
		qsort(t->seg, t->n, sizeof *t->seg, by_from);
	n = t->n;
	for (i = 0; i + 1 < n; i++) {
		struct segment left = t->seg[i], right = t->seg[i + 1], s;
		int64_t at;

		if (left.to == FOREVER || left.to + 1 >= right.from || left.hand || right.hand ||
		    !(left.point || right.point))
			continue;
		s = left;
		s.point = 0;
		s.from = left.to + 1;
		s.to = right.from - 1;
		s.window_to = 0;
		if (strcmp(left.org, right.org) == 0) {
			s.certainty = INFERRED;
			if ((st = add_within(db, f, t, &s)) != PCREG_OK)
				return st;
			continue;
		}
		if ((st = succession_between(db, left.org, right.org, left.to, right.from, &at)) !=
		    PCREG_OK)
			return st;
		if (at != NEVER) {
			s.certainty = INFERRED;
			s.to = at - 1;
			if ((st = add_within(db, f, t, &s)) != PCREG_OK)
				return st;
			s = right;
			s.point = 0;
			s.certainty = INFERRED;
			s.from = at;
			s.to = right.from - 1;
			if ((st = add_within(db, f, t, &s)) != PCREG_OK)
				return st;
			continue;
		}
		s.certainty = UNCERTAIN;
		s.window_to = right.from;
		if ((st = add_within(db, f, t, &s)) != PCREG_OK)
			return st;
	}
	if (t->n > 1) /* qsort() of NULL is undefined, even for no elements */
		qsort(t->seg, t->n, sizeof *t->seg, by_from);
	return PCREG_OK;
}

/* Neighbours that say the same thing the same way are one period. */
static void join_neighbours(struct timeline *t)
{
	size_t i, out = 0;

	for (i = 0; i < t->n; i++) {
		struct segment *s = &t->seg[i];

		if (out > 0) {
			struct segment *prev = &t->seg[out - 1];

			if (!prev->hand && !s->hand && prev->to != FOREVER && prev->to + 1 == s->from &&
			    prev->certainty == s->certainty && s->certainty != UNCERTAIN &&
			    strcmp(prev->org, s->org) == 0) {
				prev->to = s->to;
				/* The newer release, by its position, not by when it came. */
				if (strcmp(s->position, prev->position) > 0) {
					memcpy(prev->kind, s->kind, sizeof prev->kind);
					memcpy(prev->position, s->position, sizeof prev->position);
				}
				continue;
			}
		}
		t->seg[out++] = *s;
	}
	t->n = out;
}

/* The derived periods now in the table, as text rows for comparing. */
static pcreg_status current_rows(pcreg_db *db, const struct fact_tables *f, const char *practice,
                                 char **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, f->sql_derived, &stmt);
	size_t len = 0, cap = 0;
	char *text = NULL;
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char line[256];
		int m = snprintf(line, sizeof line, "%s|%s|%s|%s|%s|%lld\n",
		                 (const char *)sqlite3_column_text(stmt, 0),
		                 (const char *)sqlite3_column_text(stmt, 1),
		                 sqlite3_column_type(stmt, 2) == SQLITE_TEXT
		                         ? (const char *)sqlite3_column_text(stmt, 2)
		                         : "",
		                 (const char *)sqlite3_column_text(stmt, 3),
		                 sqlite3_column_type(stmt, 4) == SQLITE_TEXT
		                         ? (const char *)sqlite3_column_text(stmt, 4)
		                         : "",
		                 (long long)sqlite3_column_int64(stmt, 5));

		if (m < 0 || (size_t)m >= sizeof line)
			m = (int)sizeof line - 1;
		if (len + (size_t)m + 1 > cap) {
			char *grown;

			cap = (len + (size_t)m + 1) * 2;
			if (!(grown = pcreg__realloc(text, cap))) {
				st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				break;
			}
			text = grown;
		}
		memcpy(text + len, line, (size_t)m + 1);
		len += (size_t)m;
	}
	pcreg__stmt_release(db, f->sql_derived, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, "membership");
	if (st != PCREG_OK) {
		pcreg__free(text);
		return st;
	}
	*out = text;
	return PCREG_OK;
}

static int segment_line(const struct segment *s, int64_t release, char *line, size_t size)
{
	char from[11], to[11] = "", window[11] = "";

	date_of(s->from, from);
	if (s->to != FOREVER)
		date_of(s->to, to);
	if (s->window_to)
		date_of(s->window_to, window);
	return snprintf(line, size, "%s|%s|%s|%s|%s|%lld\n", s->org, from, to,
	                certainty_words[s->certainty], window, (long long)release);
}

/* Whether the derived rows would change. */
static pcreg_status differs(pcreg_db *db, const struct fact_tables *f, const char *practice,
                            const struct timeline *t, int *out)
{
	char *old = NULL;
	const char *p;
	size_t i;
	pcreg_status st = current_rows(db, f, practice, &old);

	if (st != PCREG_OK)
		return st;
	p = old ? old : "";
	*out = 0;
	for (i = 0; i < t->n && !*out; i++) {
		char line[256];
		int m;

		int64_t release = 0;

		if (t->seg[i].hand)
			continue;
		if (t->seg[i].position[0] &&
		    (st = release_at(db, t->seg[i].kind, t->seg[i].position, &release)) != PCREG_OK)
			break;
		m = segment_line(&t->seg[i], release, line, sizeof line);
		if (strncmp(p, line, (size_t)m) != 0)
			*out = 1;
		else
			p += m;
	}
	if (st == PCREG_OK && *p && !*out)
		*out = 1;
	pcreg__free(old);
	return st;
}

/* The derived periods as they are, for journaling what changes. */
static pcreg_status read_derived(pcreg_db *db, const struct fact_tables *f, const char *practice,
                                 struct timeline *old)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, f->sql_derived, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	while (st == PCREG_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct segment seg;

		memset(&seg, 0, sizeof seg);
		snprintf(seg.org, sizeof seg.org, "%s", (const char *)sqlite3_column_text(stmt, 0));
		seg.from = day_of((const char *)sqlite3_column_text(stmt, 1));
		seg.to = sqlite3_column_type(stmt, 2) == SQLITE_TEXT
		                 ? day_of((const char *)sqlite3_column_text(stmt, 2))
		                 : FOREVER;
		st = add(db, old, &seg);
	}
	pcreg__stmt_release(db, f->sql_derived, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, f->entity);
	return st;
}

static const struct segment *starting(const struct timeline *t, int64_t from, int hand)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->seg[i].from == from && t->seg[i].hand == hand)
			return &t->seg[i];
	return NULL;
}

static void date_or_null(int64_t day, char out[11], const char **text)
{
	if (day == FOREVER) {
		*text = NULL;
	} else {
		date_of(day, out);
		*text = out;
	}
}

/* What changed between the derived periods before and after, as the
 * journal tells it: a period that starts the day after the one before it
 * ended, elsewhere, is a move (and that end is part of it); other new
 * periods are inserts, changed ones updates, vanished ones deletes. */
static pcreg_status journal_timeline(pcreg_import *imp, const struct fact_tables *f,
                                     const char *practice, const struct timeline *old,
                                     const struct timeline *t)
{
	const struct segment *prev = NULL;
	pcreg_status st = PCREG_OK;
	size_t i;

	for (i = 0; i < t->n && st == PCREG_OK; i++) {
		const struct segment *s = &t->seg[i], *was, *next;
		char from[11], to_now[11], to_was[11];
		const char *now_text, *was_text;
		int moved_next;

		if (s->hand) {
			prev = NULL;
			continue;
		}
		date_of(s->from, from);
		next = i + 1 < t->n && !t->seg[i + 1].hand ? &t->seg[i + 1] : NULL;
		moved_next = next && s->to != FOREVER && s->to + 1 == next->from &&
		             strcmp(s->org, next->org) != 0 && !starting(old, next->from, 0);
		was = starting(old, s->from, 0);
		if (!was) {
			if (prev && prev->to != FOREVER && prev->to + 1 == s->from &&
			    strcmp(prev->org, s->org) != 0)
				st = pcreg__journal(imp, f->entity, practice, from, "move", f->fact,
				                    prev->org, s->org, from);
			else
				st = pcreg__journal(imp, f->entity, practice, from, "insert", NULL, NULL,
				                    NULL, from);
		} else {
			if (strcmp(was->org, s->org) != 0)
				st = pcreg__journal(imp, f->entity, practice, from, "update", f->fact,
				                    was->org, s->org, from);
			/* An end that a move to the next period makes is that move's. */
			if (st == PCREG_OK && was->to != s->to && !(moved_next && was->to == FOREVER)) {
				date_or_null(s->to, to_now, &now_text);
				date_or_null(was->to, to_was, &was_text);
				st = pcreg__journal(imp, f->entity, practice, from, "update", "to_date",
				                    was_text, now_text, now_text ? now_text : from);
			}
		}
		prev = s;
	}
	for (i = 0; i < old->n && st == PCREG_OK; i++) {
		char from[11];

		if (starting(t, old->seg[i].from, 0))
			continue;
		date_of(old->seg[i].from, from);
		st = pcreg__journal(imp, f->entity, practice, from, "delete", NULL, old->seg[i].org,
		                    NULL, from);
	}
	return st;
}

static pcreg_status write_timeline(pcreg_import *imp, const struct fact_tables *f,
                                   const char *practice, const struct timeline *t)
{
	pcreg_db *db = imp->db;
	struct timeline old = { NULL, 0, 0 };
	sqlite3_stmt *stmt;
	pcreg_status st;
	size_t i;
	int rc;

	if ((st = read_derived(db, f, practice, &old)) != PCREG_OK)
		goto done;
	if ((st = pcreg__stmt_acquire(db, f->sql_delete, &stmt)) != PCREG_OK)
		goto done;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, f->sql_delete, stmt);
	if (rc != SQLITE_DONE) {
		st = pcreg__sqlite_error(db, rc, f->entity);
		goto done;
	}
	for (i = 0; i < t->n; i++) {
		const struct segment *s = &t->seg[i];
		char from[11], to[11], window[11];
		int64_t release = 0;

		if (s->hand)
			continue;
		date_of(s->from, from);
		if (s->to != FOREVER)
			date_of(s->to, to);
		if (s->window_to)
			date_of(s->window_to, window);
		if ((st = pcreg__stmt_acquire(db, f->sql_stub, &stmt)) != PCREG_OK)
			goto done;
		sqlite3_bind_text(stmt, 1, s->org, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, f->sql_stub)) != PCREG_OK)
			goto done;
		if (sqlite3_changes(db->sql) > 0 &&
		    (st = pcreg__journal(imp, f->fact, s->org, NULL, "insert", NULL, NULL, NULL,
		                         NULL)) != PCREG_OK)
			goto done;
		if (s->position[0] &&
		    (st = release_at(db, s->kind, s->position, &release)) != PCREG_OK)
			goto done;
		if ((st = pcreg__stmt_acquire(db, f->sql_insert, &stmt)) != PCREG_OK)
			goto done;
		sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, s->org, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, s->to != FOREVER ? to : NULL, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, certainty_words[s->certainty], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, s->window_to ? window : NULL, -1, SQLITE_STATIC);
		if (release)
			sqlite3_bind_int64(stmt, 7, release);
		else
			sqlite3_bind_null(stmt, 7);
		if ((st = step_done(db, stmt, f->sql_insert)) != PCREG_OK) {
			char why[PCREG__ERRMSG_SIZE / 2];

			snprintf(why, sizeof why, "%s", pcreg_db_errmsg(db));
			st = pcreg__error(db, st, "%s of practice %s from %s to %s (%s): %s", f->fact,
			                  practice, from, s->to != FOREVER ? to : "open",
			                  certainty_words[s->certainty], why);
			goto done;
		}
	}
	st = journal_timeline(imp, f, practice, &old, t);
done:
	pcreg__free(old.seg);
	return st;
}

static pcreg_status reconcile_membership(pcreg_import *imp, const struct fact_tables *f,
                                         const char *practice)
{
	pcreg_db *db = imp->db;
	struct timeline t = { NULL, 0, 0 };
	struct run *runs = NULL;
	size_t nruns = 0;
	int64_t open, close;
	int found, changed = 0;
	pcreg_status st;

	if ((st = lifetime(db, SQL_PRACTICE_LIFE, practice, &open, &close, &found)) != PCREG_OK ||
	    !found)
		return st; /* a practice the registry does not hold yet: its evidence waits */
	if ((st = read_runs(db, practice, f->fact, &runs, &nruns)) != PCREG_OK)
		return st;
	if ((st = hand_periods(db, f, practice, &t)) == PCREG_OK &&
	    (st = paint_stated(db, f, runs, nruns, close, &t)) == PCREG_OK &&
	    (st = paint_seen(db, f, runs, nruns, close, &t)) == PCREG_OK &&
	    (st = fill_gaps(db, f, &t)) == PCREG_OK) {
		join_neighbours(&t);
		if ((st = differs(db, f, practice, &t, &changed)) == PCREG_OK && changed)
			st = write_timeline(imp, f, practice, &t);
	}
	pcreg__free(runs);
	pcreg__free(t.seg);
	return st;
}

/* ---- an organisation's attributes --------------------------------------------------------- */

/* What a release says of an organisation is one JSON array (the order of
 * each set's columns below); the organisation takes the newest release's,
 * whatever order the releases came in. */
struct attribute_set {
	const char *fact, *entity;
	const char *const *columns;
	int ncolumns;
	const char *select; /* ?1 the code, ?2 the newest value: (column, newest, current) */
	const char *const *updates;
	int keep_if_blank; /* columns a release leaving them out does not clear (bit mask) */
	int status, close;  /* the status and close date columns, or -1 */
	int parent;         /* a reference kept only if the registry holds it, or -1 */
};

/* A subject's values of a fact, newest chosen in C (reconcile_attributes):
 * an ORDER BY ... LIMIT 1 here made SQLite open a sorter for each subject. */
static const char SQL_VALUES[] =
	"SELECT value, last_seen FROM observation INDEXED BY observation_by_subject"
	" WHERE subject = ?1 AND fact = ?2";

/* The value of @p fact the newest release gave @p code (the greater on a
 * tie) and that release's position, both to be freed; NULL if none did. */
static pcreg_status newest_value(pcreg_db *db, const char *code, const char *fact,
                                 char **value_out, char **seen_out)
{
	char *newest = NULL, *newest_seen = NULL;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_VALUES, &stmt);
	int rc;

	*value_out = *seen_out = NULL;
	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fact, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(stmt, 0);
		const char *seen = (const char *)sqlite3_column_text(stmt, 1);
		int order;

		if (!value || !seen) {
			rc = SQLITE_NOMEM;
			break;
		}
		order = newest_seen ? strcmp(seen, newest_seen) : 1;
		if (order > 0 || (order == 0 && strcmp(value, newest) > 0)) {
			pcreg__free(newest);
			pcreg__free(newest_seen);
			newest = pcreg__strdup(value);
			newest_seen = pcreg__strdup(seen);
			if (!newest || !newest_seen) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
	}
	pcreg__stmt_release(db, SQL_VALUES, stmt);
	if (rc != SQLITE_DONE) {
		pcreg__free(newest);
		pcreg__free(newest_seen);
		return pcreg__sqlite_error(db, rc, fact);
	}
	*value_out = newest;
	*seen_out = newest_seen;
	return PCREG_OK;
}

static const char *const practice_columns[] = {
	"name",     "address1",   "address2",            "address3",  "address4",
	"address5", "postcode",   "status",              "prescribing_setting",
	"open_date", "close_date", "phone",
};

static const char SQL_PRACTICE_ATTRIBUTES[] =
	"SELECT j.key, j.atom, CASE j.key WHEN 0 THEN p.name WHEN 1 THEN p.address1"
	" WHEN 2 THEN p.address2 WHEN 3 THEN p.address3 WHEN 4 THEN p.address4"
	" WHEN 5 THEN p.address5 WHEN 6 THEN p.postcode WHEN 7 THEN p.status"
	" WHEN 8 THEN p.prescribing_setting WHEN 9 THEN p.open_date WHEN 10 THEN p.close_date"
	" WHEN 11 THEN p.phone END FROM json_each(?2) j, practice p WHERE p.code = ?1";

static const char *const practice_updates[] = {
	"UPDATE practice SET name = ?2 WHERE code = ?1",
	"UPDATE practice SET address1 = ?2 WHERE code = ?1",
	"UPDATE practice SET address2 = ?2 WHERE code = ?1",
	"UPDATE practice SET address3 = ?2 WHERE code = ?1",
	"UPDATE practice SET address4 = ?2 WHERE code = ?1",
	"UPDATE practice SET address5 = ?2 WHERE code = ?1",
	"UPDATE practice SET postcode = ?2 WHERE code = ?1",
	"UPDATE practice SET status = ?2 WHERE code = ?1",
	"UPDATE practice SET prescribing_setting = ?2 WHERE code = ?1",
	"UPDATE practice SET open_date = ?2 WHERE code = ?1",
	"UPDATE practice SET close_date = ?2 WHERE code = ?1",
	"UPDATE practice SET phone = ?2 WHERE code = ?1",
};

/* The order of pcreg__organisation_claim's fields. */
static const char *const commissioner_columns[] = {
	"name", "kind", "region", "parent", "open_date", "close_date",
};

static const char SQL_COMMISSIONER_ATTRIBUTES[] =
	"SELECT j.key, j.atom, CASE j.key WHEN 0 THEN c.name WHEN 1 THEN c.kind"
	" WHEN 2 THEN c.region WHEN 3 THEN c.parent WHEN 4 THEN c.open_date"
	" WHEN 5 THEN c.close_date END FROM json_each(?2) j, commissioner c WHERE c.code = ?1"
	" AND (j.key <> 3 OR j.atom IS NULL OR j.atom = c.parent"
	"      OR EXISTS (SELECT 1 FROM commissioner p WHERE p.code = j.atom AND p.code <> ?1))";

static const char *const commissioner_updates[] = {
	"UPDATE commissioner SET name = ?2 WHERE code = ?1",
	"UPDATE commissioner SET kind = ?2 WHERE code = ?1",
	"UPDATE commissioner SET region = ?2 WHERE code = ?1",
	"UPDATE commissioner SET parent = ?2 WHERE code = ?1",
	"UPDATE commissioner SET open_date = ?2 WHERE code = ?1",
	"UPDATE commissioner SET close_date = ?2 WHERE code = ?1",
};

static const struct attribute_set practice_attributes = {
	"practice", "practice", practice_columns, 12, SQL_PRACTICE_ATTRIBUTES, practice_updates,
	(1 << 0) | (1 << 7), 7, 10, -1,
};

/* eccg gives no parent for a CCG (its own code stands there): a blank
 * parent keeps the one the ICB names or a hand gave. */
static const struct attribute_set commissioner_attributes = {
	"organisation", "commissioner", commissioner_columns, 6, SQL_COMMISSIONER_ATTRIBUTES,
	commissioner_updates, (1 << 0) | (1 << 1) | (1 << 3), -1, 5, 3,
};

/* A network's attributes, as ePCN gives them in the same array
 * (pcreg__organisation_claim: name, kind, region, parent, open, close):
 * its parent is its commissioner; kind and region are not ePCN's. */
static const char SQL_NETWORK_ATTRIBUTES[] =
	"SELECT j.key, j.atom, CASE j.key WHEN 0 THEN n.name WHEN 3 THEN n.commissioner"
	" WHEN 4 THEN n.open_date WHEN 5 THEN n.close_date END"
	" FROM json_each(?2) j, network n WHERE n.code = ?1"
	" AND (j.key = 0 OR j.key = 3 OR j.key = 4 OR j.key = 5)"
	" AND (j.key <> 3 OR j.atom IS NULL OR j.atom = n.commissioner"
	"      OR EXISTS (SELECT 1 FROM commissioner c WHERE c.code = j.atom))";

static const char *const network_columns[] = {
	"name", "kind", "region", "commissioner", "open_date", "close_date",
};

static const char *const network_updates[] = {
	"UPDATE network SET name = ?2 WHERE code = ?1",
	NULL, /* not ePCN's */
	NULL,
	"UPDATE network SET commissioner = ?2 WHERE code = ?1",
	"UPDATE network SET open_date = ?2 WHERE code = ?1",
	"UPDATE network SET close_date = ?2 WHERE code = ?1",
};

/* A commissioner ePCN names but the registry lacks is left as it was. */
static const struct attribute_set network_attributes = {
	"organisation", "network", network_columns, 6, SQL_NETWORK_ATTRIBUTES, network_updates,
	(1 << 0) | (1 << 3), -1, 5, 3,
};

struct attribute_change {
	int column;
	char *old_value, *new_value;
	int is_int;
	int64_t int_value;
};

#define MAX_ATTRIBUTES 12

/* The organisation takes the attributes of the newest release that lists
 * it, whatever order the releases came in; each change is journaled,
 * dated by that release (a closure by its close date). */
static pcreg_status reconcile_attributes(pcreg_import *imp, const struct attribute_set *set,
                                         const char *code)
{
	pcreg_db *db = imp->db;
	struct attribute_change changes[MAX_ATTRIBUTES];
	char effective[11] = "", *newest = NULL, *newest_seen = NULL;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc, n = 0, i;

	if ((st = newest_value(db, code, set->fact, &newest, &newest_seen)) != PCREG_OK ||
	    !newest)
		goto done; /* or no release describes it */
	snprintf(effective, sizeof effective, "%.10s", newest_seen);
	if ((st = pcreg__stmt_acquire(db, set->select, &stmt)) != PCREG_OK)
		goto done;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, newest, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && n < MAX_ATTRIBUTES) {
		int column = sqlite3_column_int(stmt, 0);
		const char *now = (const char *)sqlite3_column_text(stmt, 1);
		const char *was = (const char *)sqlite3_column_text(stmt, 2);

		if (column < 0 || column >= set->ncolumns)
			continue;
		if ((now == NULL) == (was == NULL) && (!now || strcmp(now, was) == 0))
			continue;
		/* A release that leaves out what the registry must have keeps it. */
		if (!now && (set->keep_if_blank & (1 << column)))
			continue;
		changes[n].column = column;
		changes[n].is_int = sqlite3_column_type(stmt, 1) == SQLITE_INTEGER;
		changes[n].int_value = sqlite3_column_int64(stmt, 1);
		changes[n].old_value = was ? pcreg__strdup(was) : NULL;
		changes[n].new_value = now ? pcreg__strdup(now) : NULL;
		n++;
		if ((was && !changes[n - 1].old_value) || (now && !changes[n - 1].new_value)) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
			break;
		}
	}
	pcreg__stmt_release(db, set->select, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		st = pcreg__sqlite_error(db, rc, set->entity);
	/* In column order, whatever order json_each gave them in. */
	for (i = 1; i < n; i++) {
		struct attribute_change c = changes[i];
		int k;

		for (k = i; k > 0 && changes[k - 1].column > c.column; k--)
			changes[k] = changes[k - 1];
		changes[k] = c;
	}
	for (i = 0; i < n && st == PCREG_OK; i++) {
		const char *sql = set->updates[changes[i].column];
		const char *when = effective[0] ? effective : NULL;
		int k;

		/* A closure is dated by the close date, not by the release. */
		for (k = 0; k < n; k++)
			if (changes[k].column == set->close && changes[k].new_value &&
			    (changes[i].column == set->close ||
			     (changes[i].column == set->status && changes[i].new_value &&
			      strcmp(changes[i].new_value, "closed") == 0)))
				when = changes[k].new_value;

		if ((st = pcreg__stmt_acquire(db, sql, &stmt)) != PCREG_OK)
			break;
		sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
		if (changes[i].is_int)
			sqlite3_bind_int64(stmt, 2, changes[i].int_value);
		else
			sqlite3_bind_text(stmt, 2, changes[i].new_value, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, sql)) != PCREG_OK)
			break;
		st = pcreg__journal(imp, set->entity, code, NULL, "update",
		                    set->columns[changes[i].column], changes[i].old_value,
		                    changes[i].new_value, when);
	}
	for (i = 0; i < n; i++) {
		pcreg__free(changes[i].old_value);
		pcreg__free(changes[i].new_value);
	}
done:
	pcreg__free(newest);
	pcreg__free(newest_seen);
	return st;
}

/* ---- which practices to reconcile ------------------------------------------------------- */

#define PRACTICE_FACTS "('commissioner', 'network', 'practice', 'contract', 'list_size')"
/* With the facts touched: only what they derive is derived again (but all
 * of it for a practice whose own attributes were, which bound the rest). */
#define QUEUE "INSERT INTO temp.reconcile_queue (subject, facts) "
static const char SQL_TOUCHED[] =
	QUEUE "SELECT subject, group_concat(fact, ' ') FROM import_touched"
	" WHERE fact IN " PRACTICE_FACTS " GROUP BY subject ORDER BY subject";
static const char SQL_ALL_SUBJECTS[] =
	QUEUE "SELECT DISTINCT subject, NULL FROM observation"
	" WHERE fact IN " PRACTICE_FACTS " ORDER BY subject";
static const char SQL_TOUCHED_OTHERS[] =
	QUEUE "SELECT subject, NULL FROM import_touched WHERE fact = 'other_organisation'"
	" ORDER BY subject";
static const char SQL_ALL_OTHERS[] =
	QUEUE "SELECT DISTINCT subject, NULL FROM observation"
	" WHERE fact = 'other_organisation' ORDER BY subject";
/* The practices an import that changed organisations (their lifetimes,
 * parents, names) may change: those it touched, and those whose
 * membership evidence names an organisation it touched. No other
 * practice's history reads those organisations. */
static const char SQL_RELATED_SUBJECTS[] =
	QUEUE "SELECT subject, NULL FROM import_touched WHERE fact IN " PRACTICE_FACTS
	" UNION SELECT o.subject, NULL FROM observation o"
	" WHERE o.fact IN ('commissioner', 'network')"
	" AND o.value IN (SELECT t.subject FROM import_touched t WHERE t.fact = 'organisation')"
	" ORDER BY 1";
static const char SQL_TOUCHED_ORGANISATIONS[] =
	QUEUE "SELECT subject, NULL FROM import_touched WHERE fact = 'organisation'"
	" ORDER BY subject";
static const char SQL_ALL_ORGANISATIONS[] =
	QUEUE "SELECT DISTINCT subject, NULL FROM observation WHERE fact = 'organisation'"
	" ORDER BY subject";

/* ---- a practice's contracts and list sizes --------------------------------------------- */

/* The years payments files give, each once (the newest release's word on
 * it), in date order, leaving out those a contract written by hand
 * covers; a commissioner the registry lacks, or holds only as a stub
 * named by its code, is left off (an eccg release describing it
 * reconciles every practice again). */
static const char SQL_CONTRACT_YEARS[] =
	"SELECT json_extract(o.value, '$[0]'),"
	" (SELECT c.code FROM commissioner c WHERE c.code = json_extract(o.value, '$[1]')"
	"  AND c.name <> c.code),"
	" o.from_date, o.to_date, max(o.last_seen)"
	" FROM observation o INDEXED BY observation_by_subject"
	" WHERE o.subject = ?1 AND o.fact = 'contract' AND o.from_date IS NOT NULL"
	" AND o.to_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contract k"
	"  WHERE k.practice = ?1 AND k.derived = 0"
	"  AND (k.type = 'GMS' OR k.type = 'PMS' OR k.type = 'APMS')"
	"  AND k.start_date <= o.to_date AND coalesce(k.end_date, '9999-12-31') >= o.from_date)"
	" GROUP BY o.from_date, o.to_date ORDER BY o.from_date, o.to_date";
static const char SQL_DERIVED_CONTRACTS[] =
	"SELECT id, type, commissioner, start_date, end_date FROM contract"
	" WHERE practice = ?1 AND derived = 1 ORDER BY start_date";
static const char SQL_DELETE_CONTRACT[] = "DELETE FROM contract WHERE id = ?1";
static const char SQL_END_CONTRACT[] = "UPDATE contract SET end_date = ?2 WHERE id = ?1";
static const char SQL_INSERT_CONTRACT[] =
	"INSERT INTO contract (practice, commissioner, type, start_date, end_date, derived)"
	" VALUES (?1, ?2, ?3, ?4, ?5, 1)";
/* Whether the practice is in the registry, and whether any release gave
 * contracts or list sizes for it: without evidence there is nothing to
 * derive (a derived contract always rests on some). */
static const char SQL_PRACTICE_EVIDENCE[] =
	"SELECT EXISTS (SELECT 1 FROM practice WHERE code = ?1),"
	" EXISTS (SELECT 1 FROM observation INDEXED BY observation_by_subject"
	"  WHERE subject = ?1 AND fact = 'contract'),"
	" EXISTS (SELECT 1 FROM observation INDEXED BY observation_by_subject"
	"  WHERE subject = ?1 AND fact = 'list_size')";

struct contract_period {
	int64_t id;
	char type[8], commissioner[16], start[11], end[11];
	int keep;  /* in the registry as derived (KEPT), or but for its end (KEPT_BUT_END) */
	size_t to; /* with KEPT_BUT_END: the wanted period it becomes */
};

enum { KEPT = 1, KEPT_BUT_END = 2 };

static int same_contract(const struct contract_period *a, const struct contract_period *b)
{
	return strcmp(a->type, b->type) == 0 && strcmp(a->commissioner, b->commissioner) == 0 &&
	       strcmp(a->start, b->start) == 0 && strcmp(a->end, b->end) == 0;
}

static void copy_text(char *out, size_t size, sqlite3_stmt *stmt, int column)
{
	const char *text = (const char *)sqlite3_column_text(stmt, column);

	snprintf(out, size, "%s", text ? text : "");
}

/* Read the periods a statement gives (derived rows, or years merged:
 * consecutive years of one type are one contract, let by the commissioner
 * of its first year). */
static pcreg_status read_contracts(pcreg_db *db, const char *sql, const char *practice,
                                   int merge_years, struct contract_period **out, size_t *nout)
{
	struct contract_period *p = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	*out = NULL;
	*nout = 0;
	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct contract_period c;

		memset(&c, 0, sizeof c);
		if (merge_years) {
			copy_text(c.type, sizeof c.type, stmt, 0);
			copy_text(c.commissioner, sizeof c.commissioner, stmt, 1);
			copy_text(c.start, sizeof c.start, stmt, 2);
			copy_text(c.end, sizeof c.end, stmt, 3);
			if (n > 0 && strcmp(c.start, p[n - 1].end) <= 0)
				continue; /* overlaps the year before: a file contradicting itself */
			if (n > 0 && strcmp(p[n - 1].type, c.type) == 0 &&
			    day_of(p[n - 1].end) + 1 == day_of(c.start)) {
				memcpy(p[n - 1].end, c.end, sizeof c.end);
				continue;
			}
		} else {
			c.id = sqlite3_column_int64(stmt, 0);
			copy_text(c.type, sizeof c.type, stmt, 1);
			copy_text(c.commissioner, sizeof c.commissioner, stmt, 2);
			copy_text(c.start, sizeof c.start, stmt, 3);
			copy_text(c.end, sizeof c.end, stmt, 4);
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			if (!(grown = pcreg__realloc(p, cap * sizeof *grown))) {
				st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				break;
			}
			p = grown;
		}
		p[n++] = c;
	}
	pcreg__stmt_release(db, sql, stmt);
	if (st == PCREG_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		st = pcreg__sqlite_error(db, rc, "contract");
	if (st != PCREG_OK) {
		pcreg__free(p);
		return st;
	}
	*out = p;
	*nout = n;
	return PCREG_OK;
}

/* A practice's core contracts from payments are derived from every year
 * the files give, whatever order they came in: consecutive years of one
 * type are one contract. Contracts written by hand stay as written. */
static pcreg_status reconcile_contracts(pcreg_import *imp, const char *practice)
{
	pcreg_db *db = imp->db;
	struct contract_period *want = NULL, *have = NULL;
	size_t nwant = 0, nhave = 0, i, j;
	sqlite3_stmt *stmt;
	pcreg_status st;

	if ((st = read_contracts(db, SQL_CONTRACT_YEARS, practice, 1, &want, &nwant)) != PCREG_OK ||
	    (st = read_contracts(db, SQL_DERIVED_CONTRACTS, practice, 0, &have, &nhave)) !=
	            PCREG_OK)
		goto done;
	/* A derived contract that is still wanted stays as it is, and one a
	 * new year only lengthens (same start, type and commissioner) has its
	 * end moved: only what changed is written (and journalled). Both lists
	 * are by start date, and neither holds two periods of one start. */
	for (i = 0, j = 0; i < nhave && j < nwant;) {
		int order = strcmp(have[i].start, want[j].start);

		if (order == 0 && strcmp(have[i].type, want[j].type) == 0 &&
		    strcmp(have[i].commissioner, want[j].commissioner) == 0) {
			have[i].keep = want[j].keep = same_contract(&have[i], &want[j]) ? KEPT
			                                                                  : KEPT_BUT_END;
			have[i].to = j;
		}
		if (order <= 0)
			i++;
		if (order >= 0)
			j++;
	}
	/* Deletions first: the periods left then never overlap one another. */
	for (i = 0; i < nhave && st == PCREG_OK; i++) {
		char id[24];

		if (have[i].keep)
			continue;
		if ((st = pcreg__stmt_acquire(db, SQL_DELETE_CONTRACT, &stmt)) != PCREG_OK)
			break;
		sqlite3_bind_int64(stmt, 1, have[i].id);
		if ((st = step_done(db, stmt, SQL_DELETE_CONTRACT)) != PCREG_OK)
			break;
		snprintf(id, sizeof id, "%lld", (long long)have[i].id);
		st = pcreg__journal(imp, "contract", practice, id, "delete", NULL, NULL, NULL,
		                    have[i].start);
	}
	for (i = 0; i < nhave && st == PCREG_OK; i++) {
		const char *end = want[have[i].to].end;
		char id[24];

		if (have[i].keep != KEPT_BUT_END)
			continue;
		if ((st = pcreg__stmt_acquire(db, SQL_END_CONTRACT, &stmt)) != PCREG_OK)
			break;
		sqlite3_bind_int64(stmt, 1, have[i].id);
		sqlite3_bind_text(stmt, 2, end[0] ? end : NULL, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, SQL_END_CONTRACT)) != PCREG_OK)
			break;
		snprintf(id, sizeof id, "%lld", (long long)have[i].id);
		st = pcreg__journal(imp, "contract", practice, id, "update", "end_date",
		                    have[i].end[0] ? have[i].end : NULL, end[0] ? end : NULL,
		                    end[0] ? end : have[i].start);
	}
	for (i = 0; i < nwant && st == PCREG_OK; i++) {
		char id[24];

		if (want[i].keep)
			continue;
		if ((st = pcreg__stmt_acquire(db, SQL_INSERT_CONTRACT, &stmt)) != PCREG_OK)
			break;
		sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, want[i].commissioner[0] ? want[i].commissioner : NULL, -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, want[i].type, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, want[i].start, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, want[i].end, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, SQL_INSERT_CONTRACT)) != PCREG_OK)
			break;
		snprintf(id, sizeof id, "%lld", (long long)sqlite3_last_insert_rowid(db->sql));
		st = pcreg__journal(imp, "contract", practice, id, "insert", NULL, NULL, NULL,
		                    want[i].start);
	}
done:
	pcreg__free(want);
	pcreg__free(have);
	return st;
}

/* List sizes that waited for their practice: the newest release's, where
 * the registry has none for that day. */
static const char SQL_WAITING_LIST_SIZES[] =
	"INSERT OR IGNORE INTO list_size (practice, extract_date, registered, weighted)"
	" SELECT o.subject, o.from_date, json_extract(o.value, '$[0]'),"
	" json_extract(o.value, '$[1]') FROM observation o INDEXED BY observation_by_subject"
	" WHERE o.subject = ?1 AND o.fact = 'list_size' AND o.from_date IS NOT NULL"
	" ORDER BY o.last_seen DESC";

/* Which of a practice's facts to derive again. */
enum {
	DERIVE_ATTRIBUTES = 1,
	DERIVE_COMMISSIONER = 2,
	DERIVE_NETWORK = 4,
	DERIVE_CONTRACTS = 8,
	DERIVE_LIST_SIZES = 16,
	DERIVE_ALL = 31
};

static pcreg_status reconcile_waiting(pcreg_import *imp, const char *practice, int derive)
{
	pcreg_db *db = imp->db;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_PRACTICE_EVIDENCE, &stmt);
	int rc, known = 0;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		known = sqlite3_column_int(stmt, 0);
		if (!sqlite3_column_int(stmt, 1))
			derive &= ~DERIVE_CONTRACTS;
		if (!sqlite3_column_int(stmt, 2))
			derive &= ~DERIVE_LIST_SIZES;
	}
	pcreg__stmt_release(db, SQL_PRACTICE_EVIDENCE, stmt);
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(db, rc, "practice");
	if (!known)
		return PCREG_OK; /* its evidence waits for it */
	if (derive & DERIVE_LIST_SIZES) {
		if ((st = pcreg__stmt_acquire(db, SQL_WAITING_LIST_SIZES, &stmt)) != PCREG_OK)
			return st;
		sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
		if ((st = step_done(db, stmt, SQL_WAITING_LIST_SIZES)) != PCREG_OK)
			return st;
	}
	return derive & DERIVE_CONTRACTS ? reconcile_contracts(imp, practice) : PCREG_OK;
}

/* What a list of touched facts ("commissioner list_size") asks to derive. */
static int derived_from(const char *touched)
{
	static const struct {
		const char *fact;
		int derive;
	} map[] = {
		{ "practice", DERIVE_ALL },          { "commissioner", DERIVE_COMMISSIONER },
		{ "network", DERIVE_NETWORK },       { "contract", DERIVE_CONTRACTS },
		{ "list_size", DERIVE_LIST_SIZES },
	};
	int derive = 0;
	size_t i;

	if (!touched)
		return DERIVE_ALL;
	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		const char *at = strstr(touched, map[i].fact);
		size_t n = strlen(map[i].fact);

		/* Whole words only ("network" is no part of another fact). */
		while (at && ((at > touched && at[-1] != ' ') || (at[n] && at[n] != ' ')))
			at = strstr(at + 1, map[i].fact);
		if (at)
			derive |= map[i].derive;
	}
	return derive ? derive : DERIVE_ALL;
}

/* The facts of one practice a release touched (all of them when it told
 * of the practice itself), attributes first: a membership is clipped to
 * the practice's close date. A practice new to the registry brings in the
 * evidence that waited for it. */
static pcreg_status reconcile_subject(pcreg_import *imp, const char *subject, int derive)
{
	static const int fact_bits[] = { DERIVE_COMMISSIONER, DERIVE_NETWORK };
	int64_t open, close;
	int found;
	pcreg_status st = lifetime(imp->db, SQL_PRACTICE_LIFE, subject, &open, &close, &found);
	size_t i;

	/* Evidence about a code the registry holds no practice for (an
	 * epraccur row of another setting, a practice not yet listed) waits
	 * for it: every step below would find nothing to change. */
	if (st != PCREG_OK || !found)
		return st;
	if (derive & DERIVE_ATTRIBUTES)
		st = reconcile_attributes(imp, &practice_attributes, subject);
	for (i = 0; i < sizeof facts / sizeof facts[0] && st == PCREG_OK; i++)
		if (derive & (i < sizeof fact_bits / sizeof fact_bits[0] ? fact_bits[i] : DERIVE_ALL))
			st = reconcile_membership(imp, &facts[i], subject);
	return st == PCREG_OK && (derive & (DERIVE_CONTRACTS | DERIVE_LIST_SIZES))
	               ? reconcile_waiting(imp, subject, derive)
	               : st;
}

/* The subjects to reconcile are set aside first (reconciling writes to
 * the tables the lists are made from), in a temporary table rather than
 * in memory: a national release lists a million of them. Each writable
 * connection makes the table when it opens (db.c). */
const char pcreg__sql_reconcile_queue[] =
	"CREATE TEMP TABLE reconcile_queue (id INTEGER PRIMARY KEY, subject TEXT NOT NULL, facts TEXT)";
static const char SQL_QUEUE_CLEAR[] = "DELETE FROM temp.reconcile_queue";
static const char SQL_QUEUE_NEXT[] =
	"SELECT id, subject, facts FROM temp.reconcile_queue WHERE id > ?1 ORDER BY id LIMIT 256";

/* Reconcile each subject a statement queues (with the facts to derive
 * again, "commissioner list_size"; NULL for all of them). */
static pcreg_status reconcile_listed(pcreg_import *imp, const char *queue,
                                     pcreg_status (*reconcile)(pcreg_import *, const char *,
                                                               int))
{
	struct listed {
		char code[48];
		int derive;
	} batch[256];
	pcreg_db *db = imp->db;
	int64_t after = 0;
	pcreg_status st;

	if ((st = pcreg__exec_static(db, SQL_QUEUE_CLEAR)) != PCREG_OK ||
	    (st = pcreg__exec_static(db, queue)) != PCREG_OK)
		return st;
	for (;;) {
		sqlite3_stmt *stmt;
		size_t n = 0, i;
		int rc;

		if ((st = pcreg__stmt_acquire(db, SQL_QUEUE_NEXT, &stmt)) != PCREG_OK)
			return st;
		sqlite3_bind_int64(stmt, 1, after);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			after = sqlite3_column_int64(stmt, 0);
			snprintf(batch[n].code, sizeof batch[n].code, "%s",
			         (const char *)sqlite3_column_text(stmt, 1));
			batch[n].derive = derived_from((const char *)sqlite3_column_text(stmt, 2));
			n++;
		}
		pcreg__stmt_release(db, SQL_QUEUE_NEXT, stmt);
		if (rc != SQLITE_DONE)
			return pcreg__sqlite_error(db, rc, "evidence");
		if (n == 0)
			break;
		for (i = 0; i < n; i++)
			if ((st = reconcile(imp, batch[i].code, batch[i].derive)) != PCREG_OK)
				return st;
	}
	return pcreg__exec_static(db, SQL_QUEUE_CLEAR);
}

/* A commissioner (eccg) or a network (ePCN): each set finds only its own. */
static pcreg_status reconcile_organisation(pcreg_import *imp, const char *code, int derive)
{
	pcreg_status st = reconcile_attributes(imp, &commissioner_attributes, code);

	(void)derive; /* an organisation's attributes are derived together */
	return st == PCREG_OK ? reconcile_attributes(imp, &network_attributes, code) : st;
}

/* An organisation epraccur lists that is not a GP practice: as the newest
 * release that lists it says. */
static const char SQL_OTHER_FROM_EVIDENCE[] =
	"INSERT INTO other_organisation (code, name, prescribing_setting, status, commissioner,"
	" open_date, close_date)"
	" VALUES (?1, json_extract(?2, '$[0]'), json_extract(?2, '$[1]'), json_extract(?2, '$[2]'),"
	" json_extract(?2, '$[3]'), json_extract(?2, '$[4]'), json_extract(?2, '$[5]'))"
	" ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
	" prescribing_setting = excluded.prescribing_setting, status = excluded.status,"
	" commissioner = excluded.commissioner, open_date = excluded.open_date,"
	" close_date = excluded.close_date";

static pcreg_status reconcile_other(pcreg_import *imp, const char *code, int derive)
{
	char *newest = NULL, *seen = NULL;
	sqlite3_stmt *stmt;
	pcreg_status st = newest_value(imp->db, code, "other_organisation", &newest, &seen);

	(void)derive;
	if (st == PCREG_OK && newest &&
	    (st = pcreg__stmt_acquire(imp->db, SQL_OTHER_FROM_EVIDENCE, &stmt)) == PCREG_OK) {
		sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, newest, -1, SQLITE_STATIC);
		st = step_done(imp->db, stmt, SQL_OTHER_FROM_EVIDENCE);
	}
	pcreg__free(newest);
	pcreg__free(seen);
	return st;
}

/* Organisations first: a practice's periods are clipped to their lifetimes. */
pcreg_status pcreg__reconcile_touched(pcreg_import *imp)
{
	pcreg_status st = reconcile_listed(imp, SQL_TOUCHED_ORGANISATIONS, reconcile_organisation);

	if (st == PCREG_OK)
		st = reconcile_listed(imp, SQL_TOUCHED_OTHERS, reconcile_other);
	return st == PCREG_OK ? reconcile_listed(imp, SQL_TOUCHED, reconcile_subject) : st;
}

static pcreg_status reconcile_related(pcreg_import *imp)
{
	pcreg_status st = reconcile_listed(imp, SQL_TOUCHED_ORGANISATIONS, reconcile_organisation);

	if (st == PCREG_OK)
		st = reconcile_listed(imp, SQL_TOUCHED_OTHERS, reconcile_other);
	return st == PCREG_OK ? reconcile_listed(imp, SQL_RELATED_SUBJECTS, reconcile_subject) : st;
}

pcreg_status pcreg__reconcile_all(pcreg_import *imp)
{
	pcreg_status st = reconcile_listed(imp, SQL_ALL_ORGANISATIONS, reconcile_organisation);

	if (st == PCREG_OK)
		st = reconcile_listed(imp, SQL_ALL_OTHERS, reconcile_other);
	return st == PCREG_OK ? reconcile_listed(imp, SQL_ALL_SUBJECTS, reconcile_subject) : st;
}
