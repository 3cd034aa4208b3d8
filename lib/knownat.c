/*
 * knownat.c: the registry as it was known at a date, and what each
 * release changed.
 *
 * The history is a function of the set of releases loaded (evidence.c),
 * so what the registry knew at a date K is the history derived from the
 * releases dated on or before K. A copy of the registry is made in memory,
 * the evidence of later releases taken out of it (a run that reaches past
 * the cutoff ends at the newest release of its kind before it: runs hold
 * for consecutive releases), and what that evidence was about reconciled
 * again. The registry itself is never written.
 *
 * A release's changes are the differences between the history known
 * through the release and the history known just before it, releases
 * taken in release order (date, then digest): the same whatever order the
 * files were loaded in.
 */
#include <stdio.h>
#include <string.h>

#include "evidence.h"
#include "knownat.h"

/* Whether position x lies beyond the cutoff ?1: after it, or (?2 = 0,
 * the cutoff itself left out) at it. Positions are "DATE DIGEST"; a date
 * cutoff is "DATE~", after every position of that date. */
#define BEYOND(x) "(" x " > ?1 OR (?2 = 0 AND " x " = ?1))"
#define POSITION(r) r ".release_date || ' ' || " r ".digest"

/* The copy's foreign keys are off while it is cut down: rows that only
 * the later releases made go, with what hangs on them. */
static const char *const forget_beyond[] = {
	/* What reconciliation must visit again. */
	("INSERT OR IGNORE INTO import_touched (subject, fact)"
	 " SELECT subject, fact FROM observation WHERE " BEYOND("last_seen")),
	/* Practices that only later releases list (a practice no release
	 * lists was written by hand, and stays). */
	("DELETE FROM practice WHERE EXISTS (SELECT 1 FROM observation o"
	 " WHERE o.subject = practice.code AND o.fact = 'practice')"
	 " AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.subject = practice.code"
	 " AND o.fact = 'practice' AND NOT " BEYOND("o.first_seen") ")"),
	"DELETE FROM practice_commissioner WHERE practice NOT IN (SELECT code FROM practice)",
	"DELETE FROM practice_network WHERE practice NOT IN (SELECT code FROM practice)",
	"DELETE FROM practice_federation WHERE practice NOT IN (SELECT code FROM practice)",
	("DELETE FROM observation WHERE " BEYOND("first_seen")),
	("UPDATE observation SET last_seen = (SELECT max(" POSITION("r") ")"
	 " FROM release r WHERE r.kind = observation.kind AND NOT " BEYOND(POSITION("r")) ")"
	 " WHERE " BEYOND("last_seen")),
	/* Derived periods of practices with no evidence left of that kind:
	 * reconciliation visits only the practices evidence names. */
	("DELETE FROM practice_commissioner WHERE derived = 1 AND NOT EXISTS (SELECT 1"
	 " FROM observation o WHERE o.subject = practice_commissioner.practice"
	 " AND o.fact = 'commissioner')"),
	("DELETE FROM practice_network WHERE derived = 1 AND NOT EXISTS (SELECT 1"
	 " FROM observation o WHERE o.subject = practice_network.practice"
	 " AND o.fact = 'network')"),
};

/* Releases that change what reconciliation reads besides the evidence
 * (organisations' lifetimes, successions): then every practice is
 * reconciled again. */
static const char SQL_RULES_BEYOND[] =
	"SELECT EXISTS (SELECT 1 FROM release r WHERE r.kind IN ('eccg', 'succ', 'pcn-details')"
	" AND " BEYOND(POSITION("r")) ")";

static const char *const forget_releases[] = {
	("UPDATE practice_commissioner SET release_id = NULL WHERE release_id IN"
	 " (SELECT r.id FROM release r WHERE " BEYOND(POSITION("r")) ")"),
	("UPDATE practice_network SET release_id = NULL WHERE release_id IN"
	 " (SELECT r.id FROM release r WHERE " BEYOND(POSITION("r")) ")"),
	("DELETE FROM change WHERE import_id IN (SELECT i.id FROM import i"
	 " JOIN release r ON r.id = i.release_id WHERE " BEYOND(POSITION("r")) ")"),
	("DELETE FROM import_skip WHERE import_id IN (SELECT i.id FROM import i"
	 " JOIN release r ON r.id = i.release_id WHERE " BEYOND(POSITION("r")) ")"),
	("DELETE FROM import_rejection WHERE import_id IN (SELECT i.id FROM import i"
	 " JOIN release r ON r.id = i.release_id WHERE " BEYOND(POSITION("r")) ")"),
	("DELETE FROM import WHERE release_id IN (SELECT r.id FROM release r"
	 " WHERE " BEYOND(POSITION("r")) ")"),
	("DELETE FROM release AS r WHERE " BEYOND(POSITION("r"))),
	"DELETE FROM import_touched",
};

static pcreg_status run_all(pcreg_db *db, const char *const *sql, size_t n, const char *cutoff,
                            int inclusive)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sqlite3_stmt *stmt;
		pcreg_status st = pcreg__stmt_acquire(db, sql[i], &stmt);
		int rc;

		if (st != PCREG_OK)
			return st;
		if (sqlite3_bind_parameter_count(stmt) >= 2) {
			sqlite3_bind_text(stmt, 1, cutoff, -1, SQLITE_STATIC);
			sqlite3_bind_int(stmt, 2, inclusive);
		}
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(db, sql[i], stmt);
		if (rc != SQLITE_DONE)
			return pcreg__sqlite_error(db, rc, "known at");
	}
	return PCREG_OK;
}

/* Copy @p db into the empty in-memory registry @p copy. */
static pcreg_status copy_into(pcreg_db *db, pcreg_db *copy)
{
	sqlite3_backup *backup;
	int rc;

	/* The copy's statements were prepared on the schema it is about to lose. */
	pcreg__stmt_cache_clear(copy);
	backup = sqlite3_backup_init(copy->sql, "main", db->sql, "main");
	if (!backup)
		return pcreg__sqlite_error(copy, sqlite3_errcode(copy->sql), "copying the registry");
	rc = sqlite3_backup_step(backup, -1);
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(copy, rc == SQLITE_OK ? SQLITE_ERROR : rc,
		                           "copying the registry");
	copy->schema_version = db->schema_version;
	if (pcreg__exec_static(copy, "PRAGMA foreign_keys = OFF") != PCREG_OK)
		return pcreg__error(copy, PCREG_ERROR, "copying the registry: %s",
		                    pcreg_db_errmsg(copy));
	return pcreg__savepoint_prepare(copy);
}

/* Derive, in the copy, the history known through the cutoff: every
 * release up to it (and at it, if @p inclusive), no later one. */
static pcreg_status derive_through(pcreg_db *copy, const char *cutoff, int inclusive)
{
	struct pcreg_import imp;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc, everything = 0;

	memset(&imp, 0, sizeof imp);
	imp.db = copy;
	imp.unjournaled = 1;
	if ((st = pcreg__exec_static(copy, "BEGIN")) != PCREG_OK)
		return st;
	if ((st = pcreg__stmt_acquire(copy, SQL_RULES_BEYOND, &stmt)) != PCREG_OK)
		goto done;
	sqlite3_bind_text(stmt, 1, cutoff, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, inclusive);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		everything = sqlite3_column_int(stmt, 0);
	pcreg__stmt_release(copy, SQL_RULES_BEYOND, stmt);
	if (rc != SQLITE_ROW) {
		st = pcreg__sqlite_error(copy, rc, "known at");
		goto done;
	}
	if ((st = run_all(copy, forget_beyond, sizeof forget_beyond / sizeof forget_beyond[0],
	                  cutoff, inclusive)) != PCREG_OK)
		goto done;
	st = everything ? pcreg__reconcile_all(&imp) : pcreg__reconcile_touched(&imp);
	if (st == PCREG_OK)
		st = run_all(copy, forget_releases, sizeof forget_releases / sizeof forget_releases[0],
		             cutoff, inclusive);
done:
	if (st == PCREG_OK)
		return pcreg__exec_static(copy, "COMMIT");
	sqlite3_exec(copy->sql, "ROLLBACK", NULL, NULL, NULL);
	return st;
}

/* A new in-memory copy of @p db, at the current schema. */
static pcreg_status make_copy(pcreg_db *db, const char *what, pcreg_db **out)
{
	pcreg_db *copy = NULL;
	pcreg_status st;

	*out = NULL;
	if (db->schema_version != pcreg__migration_count)
		return pcreg__error(db, PCREG_NEEDS_MIGRATION,
		                    "%s: schema version %d is not this library's %d: migrate it first",
		                    db->path, db->schema_version, pcreg__migration_count);
	if ((st = pcreg_db_open(":memory:", NULL, &copy)) == PCREG_OK)
		st = copy_into(db, copy);
	if (st != PCREG_OK) {
		st = pcreg__error(db, st, "%s: %s: %s", db->path, what,
		                  copy ? pcreg_db_errmsg(copy) : pcreg_status_str(st));
		pcreg_db_close(copy);
		return st;
	}
	*out = copy;
	return PCREG_OK;
}

static pcreg_status read_only(pcreg_db *copy)
{
	copy->readonly = 1;
	return pcreg__exec_static(copy, "PRAGMA query_only = ON");
}

pcreg_status pcreg_db_known_at(pcreg_db *db, const char *known_at, pcreg_db **out)
{
	pcreg_db *copy = NULL;
	char cutoff[16];
	pcreg_status st;

	if (!out)
		return db ? pcreg__error(db, PCREG_MISUSE, "pcreg_db_known_at: out is NULL")
		          : PCREG_MISUSE;
	*out = NULL;
	if ((st = pcreg__enter(db)) != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, known_at, "pcreg_db_known_at", "known_at")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "known_at", known_at)) != PCREG_OK ||
	    (st = make_copy(db, "as known at a date", &copy)) != PCREG_OK)
		return st;
	snprintf(cutoff, sizeof cutoff, "%s~", known_at);
	if ((st = derive_through(copy, cutoff, 1)) != PCREG_OK ||
	    (st = read_only(copy)) != PCREG_OK) {
		st = pcreg__error(db, st, "%s as known at %s: %s", db->path, known_at,
		                  pcreg_db_errmsg(copy));
		pcreg_db_close(copy);
		return st;
	}
	*out = copy;
	return PCREG_OK;
}

/* ---- what a release changed ----------------------------------------------------------------- */

/* The history known through the release, kept aside before the release
 * is taken out: the "after" of each difference. */
static const char *const keep_after[] = {
	"CREATE TEMP TABLE after_practice AS SELECT * FROM main.practice",
	"CREATE TEMP TABLE after_commissioner AS SELECT * FROM main.commissioner",
	"CREATE TEMP TABLE after_pc AS SELECT * FROM main.practice_commissioner",
	"CREATE TEMP TABLE after_pn AS SELECT * FROM main.practice_network",
	("CREATE TEMP TABLE release_change (id INTEGER PRIMARY KEY, import_id INTEGER,"
	 " entity TEXT, code TEXT, subkey TEXT, action TEXT, field TEXT, old_value TEXT,"
	 " new_value TEXT, effective_date TEXT)"),
};

#define CHANGE_INSERT                                                                       \
	"INSERT INTO release_change (import_id, entity, code, subkey, action, field, old_value," \
	" new_value, effective_date) "

/* ?1 the release date, ?2 its first import. A closure is dated by the
 * close date; any other change of an attribute by the release. */
#define ATTRIBUTE(entity, before, after, column, effective)                                  \
	(CHANGE_INSERT "SELECT ?2, '" entity "', b.code, NULL, 'update', '" column "', a." column \
	 ", b." column ", " effective " FROM " after " b JOIN " before " a ON a.code = b.code"     \
	 " WHERE a." column " IS NOT b." column)

#define PRACTICE(column) ATTRIBUTE("practice", "main.practice", "after_practice", column, "?1")
#define COMMISSIONER(column) \
	ATTRIBUTE("commissioner", "main.commissioner", "after_commissioner", column, "?1")

/* Periods by (practice, organisation, from): a period the release made
 * is new unless one in the same organisation overlapping it was there
 * before (then its start moved: a re-dating), and a move when another
 * organisation's period ends the day before it. */
#define SAME(x, y, org) x ".practice = " y ".practice AND " x "." org " = " y "." org
#define OVERLAPS(x, y)                                                                      \
	x ".from_date <= coalesce(" y ".to_date, '9999-12-31') AND " y                          \
	".from_date <= coalesce(" x ".to_date, '9999-12-31')"
#define NEW_PERIOD(before, org)                                                             \
	" NOT EXISTS (SELECT 1 FROM " before " x WHERE " SAME("x", "b", org)                    \
	" AND x.from_date = b.from_date)"
#define REDATED(before, org)                                                                \
	" EXISTS (SELECT 1 FROM " before " a WHERE " SAME("a", "b", org)                        \
	" AND a.from_date <> b.from_date AND " OVERLAPS("a", "b") ")"
#define MOVED_FROM(after, org)                                                              \
	" (SELECT q." org " FROM " after " q WHERE q.practice = b.practice AND q." org          \
	" <> b." org " AND q.to_date = date(b.from_date, '-1 day'))"
#define REDATES(entity, before, after, org)                                                 \
	(CHANGE_INSERT "SELECT ?2, '" entity "', b.practice, b.from_date, 'update', 'from_date',"  \
	 " (SELECT min(a.from_date) FROM " before " a WHERE " SAME("a", "b", org)                  \
	 " AND a.from_date <> b.from_date AND " OVERLAPS("a", "b") "), b.from_date, b.from_date"  \
	 " FROM " after " b WHERE b.derived = 1 AND" NEW_PERIOD(before, org) " AND"             \
	 REDATED(before, org))
#define MOVES(entity, before, after, org)                                                   \
	(CHANGE_INSERT "SELECT ?2, '" entity "', b.practice, b.from_date, 'move', '" org "',"     \
	 MOVED_FROM(after, org) ", b." org ", b.from_date FROM " after " b"                        \
	 " WHERE b.derived = 1 AND" NEW_PERIOD(before, org) " AND NOT" REDATED(before, org)      \
	 " AND"                                                                                    \
	 MOVED_FROM(after, org) " IS NOT NULL")
#define INSERTS(entity, before, after, org)                                                 \
	(CHANGE_INSERT "SELECT ?2, '" entity "', b.practice, b.from_date, 'insert', NULL, NULL,"  \
	 " b." org ", b.from_date FROM " after " b WHERE b.derived = 1 AND"                         \
	 NEW_PERIOD(before, org) " AND NOT"                                                        \
	 REDATED(before, org) " AND" MOVED_FROM(after, org) " IS NULL")
#define ENDS(entity, before, after, org)                                                    \
	(CHANGE_INSERT "SELECT ?2, '" entity "', b.practice, b.from_date, 'update', 'to_date',"   \
	 " a.to_date, b.to_date, coalesce(b.to_date, ?1) FROM " after " b JOIN " before " a"       \
	 " ON " SAME("a", "b", org) " AND a.from_date = b.from_date"                              \
	 " WHERE b.derived = 1 AND a.to_date IS NOT b.to_date")
#define DELETES(entity, before, after, org)                                                 \
	(CHANGE_INSERT "SELECT ?2, '" entity "', a.practice, a.from_date, 'delete', NULL, a." org \
	 ", NULL, a.from_date FROM " before " a WHERE a.derived = 1 AND NOT EXISTS (SELECT 1 FROM " \
	 after " b"                                                                                \
	 " WHERE " SAME("a", "b", org) " AND " OVERLAPS("a", "b") ")")
/* Periods written by hand are no release's doing (a practice a release
 * brings in shows them, but they are not its changes). */
#define PERIODS(entity, before, after, org)                                                 \
	REDATES(entity, before, after, org), MOVES(entity, before, after, org),                 \
		INSERTS(entity, before, after, org), ENDS(entity, before, after, org),          \
		DELETES(entity, before, after, org)

static const char *const differences[] = {
	(CHANGE_INSERT "SELECT ?2, 'practice', b.code, NULL, 'insert', NULL, NULL, NULL,"
	 " coalesce(b.open_date, ?1) FROM after_practice b"
	 " WHERE NOT EXISTS (SELECT 1 FROM main.practice a WHERE a.code = b.code)"),
	PRACTICE("name"),
	PRACTICE("address1"),
	PRACTICE("address2"),
	PRACTICE("address3"),
	PRACTICE("address4"),
	PRACTICE("address5"),
	PRACTICE("postcode"),
	ATTRIBUTE("practice", "main.practice", "after_practice", "status",
	          "CASE WHEN b.status = 'closed' THEN coalesce(b.close_date, ?1) ELSE ?1 END"),
	PRACTICE("prescribing_setting"),
	PRACTICE("open_date"),
	ATTRIBUTE("practice", "main.practice", "after_practice", "close_date",
	          "coalesce(b.close_date, ?1)"),
	PRACTICE("phone"),
	(CHANGE_INSERT "SELECT ?2, 'commissioner', b.code, NULL, 'insert', NULL, NULL, NULL,"
	 " coalesce(b.open_date, ?1) FROM after_commissioner b"
	 " WHERE NOT EXISTS (SELECT 1 FROM main.commissioner a WHERE a.code = b.code)"),
	COMMISSIONER("name"),
	COMMISSIONER("kind"),
	COMMISSIONER("region"),
	COMMISSIONER("parent"),
	COMMISSIONER("open_date"),
	COMMISSIONER("close_date"),
	PERIODS("commissioner_membership", "main.practice_commissioner", "after_pc", "commissioner"),
	PERIODS("network_membership", "main.practice_network", "after_pn", "network"),
};

static const char SQL_RELEASE[] =
	"SELECT r.release_date, " POSITION("r") ", (SELECT min(i.id) FROM import i"
	" WHERE i.release_id = r.id) FROM release r WHERE r.id = ?1";

pcreg_status pcreg__release_differences(pcreg_db *db, int64_t release_id, pcreg_db **out)
{
	pcreg_db *copy = NULL;
	char date[11] = "", position[96] = "";
	int64_t import_id = 0;
	sqlite3_stmt *stmt;
	pcreg_status st;
	size_t i;
	int rc;

	*out = NULL;
	if ((st = pcreg__stmt_acquire(db, SQL_RELEASE, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, release_id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		snprintf(date, sizeof date, "%s", (const char *)sqlite3_column_text(stmt, 0));
		snprintf(position, sizeof position, "%s", (const char *)sqlite3_column_text(stmt, 1));
		import_id = sqlite3_column_int64(stmt, 2);
	}
	pcreg__stmt_release(db, SQL_RELEASE, stmt);
	if (rc == SQLITE_DONE)
		return pcreg__error(db, PCREG_NOTFOUND, "release %lld: not found",
		                    (long long)release_id);
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(db, rc, "release");
	if ((st = make_copy(db, "a release's changes", &copy)) != PCREG_OK)
		return st;
	if ((st = derive_through(copy, position, 1)) != PCREG_OK)
		goto fail;
	for (i = 0; i < sizeof keep_after / sizeof keep_after[0] && st == PCREG_OK; i++)
		st = pcreg__exec_static(copy, keep_after[i]);
	if (st != PCREG_OK || (st = derive_through(copy, position, 0)) != PCREG_OK)
		goto fail;
	for (i = 0; i < sizeof differences / sizeof differences[0]; i++) {
		if ((st = pcreg__stmt_acquire(copy, differences[i], &stmt)) != PCREG_OK)
			goto fail;
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, import_id);
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(copy, differences[i], stmt);
		if (rc != SQLITE_DONE) {
			st = pcreg__sqlite_error(copy, rc, "a release's changes");
			goto fail;
		}
	}
	if ((st = read_only(copy)) != PCREG_OK)
		goto fail;
	*out = copy;
	return PCREG_OK;
fail:
	st = pcreg__error(db, st, "%s: release %lld's changes: %s", db->path, (long long)release_id,
	                  pcreg_db_errmsg(copy));
	pcreg_db_close(copy);
	return st;
}
