/*
 * journal.c: reading back what imports did.
 */
#include <stdio.h>
#include <string.h>

#include "knownat.h"
#include "record.h"

/* ---- imports -------------------------------------------------------------------- */

enum { I_ID, I_FILE, I_SIZE, I_SHA, I_KIND, I_MODE, I_STARTED, I_FINISHED, I_READ, I_INSERTED,
       I_UPDATED, I_UNCHANGED, I_SKIPPED, I_REJECTED, I_RELEASE_DATE, I_RELEASE_BASIS,
       I_RELEASE_ID, I_RELEASE_DIGEST, N_IMPORT_FIELDS };

static const struct pcreg__field import_fields[N_IMPORT_FIELDS] = {
	{ "id", PCREG__T_INT, PCREG__F_AUTO, NULL, NULL },
	{ "file_name", PCREG__T_TEXT, 0, NULL, NULL },
	{ "file_size", PCREG__T_INT, 0, NULL, NULL },
	{ "sha256", PCREG__T_TEXT, 0, NULL, NULL },
	{ "kind", PCREG__T_TEXT, 0, NULL, NULL },
	{ "mode", PCREG__T_TEXT, 0, NULL, NULL },
	{ "started_at", PCREG__T_TEXT, 0, NULL, NULL },
	{ "finished_at", PCREG__T_TEXT, 0, NULL, NULL },
	{ "rows_read", PCREG__T_INT, 0, NULL, NULL },
	{ "inserted", PCREG__T_INT, 0, NULL, NULL },
	{ "updated", PCREG__T_INT, 0, NULL, NULL },
	{ "unchanged", PCREG__T_INT, 0, NULL, NULL },
	{ "skipped", PCREG__T_INT, 0, NULL, NULL },
	{ "rejected", PCREG__T_INT, 0, NULL, NULL },
	{ "release_date", PCREG__T_TEXT, 0, NULL, NULL },
	{ "release_date_basis", PCREG__T_TEXT, 0, NULL, NULL },
	{ "release_id", PCREG__T_INT, 0, NULL, NULL },
	{ "release_digest", PCREG__T_TEXT, 0, NULL, NULL },
};

#define IMPORT_COLUMNS                                                                        \
	"i.id, i.file_name, i.file_size, i.sha256, i.kind, i.mode, i.started_at, i.finished_at," \
	" i.rows_read, i.inserted, i.updated, i.unchanged, i.skipped, i.rejected,"              \
	" r.release_date, r.date_basis, r.id, r.digest"                                          \
	" FROM import i LEFT JOIN release r ON r.id = i.release_id"

static const char SQL_IMPORT_GET[] = "SELECT " IMPORT_COLUMNS " WHERE i.id = ?1";
static const char SQL_IMPORTS[] = "SELECT " IMPORT_COLUMNS " ORDER BY i.id";

/* Read-only: the journal is written by imports alone. */
static const struct pcreg__entity import_entity = {
	"import", import_fields, N_IMPORT_FIELDS, 1, SQL_IMPORT_GET, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, 0, NULL, 0,
};

PCREG__GET_BY_ID(pcreg_journal_import_get, import_entry, import_entity)
PCREG__ITERATOR(import_entry_iter, import_entry)
PCREG__GET_INT(import_entry, id, I_ID)
PCREG__GET_TEXT(import_entry, file_name, I_FILE)
PCREG__GET_INT(import_entry, file_size, I_SIZE)
PCREG__GET_TEXT(import_entry, sha256, I_SHA)
PCREG__GET_TEXT(import_entry, kind, I_KIND)
PCREG__GET_TEXT(import_entry, mode, I_MODE)
PCREG__GET_TEXT(import_entry, started_at, I_STARTED)
PCREG__GET_TEXT(import_entry, finished_at, I_FINISHED)
PCREG__GET_INT(import_entry, rows_read, I_READ)
PCREG__GET_INT(import_entry, inserted, I_INSERTED)
PCREG__GET_INT(import_entry, updated, I_UPDATED)
PCREG__GET_INT(import_entry, unchanged, I_UNCHANGED)
PCREG__GET_INT(import_entry, skipped, I_SKIPPED)
PCREG__GET_INT(import_entry, rejected, I_REJECTED)
PCREG__GET_TEXT(import_entry, release_date, I_RELEASE_DATE)
PCREG__GET_TEXT(import_entry, release_date_basis, I_RELEASE_BASIS)
PCREG__GET_INT(import_entry, release_id, I_RELEASE_ID)
PCREG__GET_TEXT(import_entry, release_digest, I_RELEASE_DIGEST)

void pcreg_import_entry_free(pcreg_import_entry *entry)
{
	pcreg__record_free(PCREG__REC(entry));
}

pcreg_status pcreg_journal_imports(pcreg_db *db, pcreg_import_entry_iter **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_imports", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__stmt_acquire(db, SQL_IMPORTS, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &import_entity, stmt, SQL_IMPORTS,
	                       (struct pcreg__iter **)(void *)out);
}

/* ---- rejected rows -------------------------------------------------------------- */

enum { R_IMPORT, R_LINE, R_FIELD, R_REASON, N_REJECTION_FIELDS };

static const struct pcreg__field rejection_fields[N_REJECTION_FIELDS] = {
	{ "import_id", PCREG__T_INT, 0, NULL, NULL },
	{ "line", PCREG__T_INT, 0, NULL, NULL },
	{ "field", PCREG__T_TEXT, 0, NULL, NULL },
	{ "reason", PCREG__T_TEXT, 0, NULL, NULL },
};

static const struct pcreg__entity rejection_entity = {
	"rejection", rejection_fields, N_REJECTION_FIELDS, 1, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, 0, NULL, 0,
};

/* ?1 = 0 is every import's: the primary key (import_id, line) orders both. */
static const char SQL_REJECTIONS[] =
	"SELECT import_id, line, field, reason FROM import_rejection"
	" WHERE ?1 = 0 OR import_id = ?1 ORDER BY import_id, line";

PCREG__ITERATOR(rejection_iter, rejection)
PCREG__GET_INT(rejection, import_id, R_IMPORT)
PCREG__GET_INT(rejection, line, R_LINE)
PCREG__GET_TEXT(rejection, field, R_FIELD)
PCREG__GET_TEXT(rejection, reason, R_REASON)

pcreg_status pcreg_journal_rejections(pcreg_db *db, int64_t import_id, pcreg_rejection_iter **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_rejections", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (import_id < 0)
		return pcreg__error(db, PCREG_INVALID, "pcreg_journal_rejections: import %lld is no import",
		                    (long long)import_id);
	if ((st = pcreg__stmt_acquire(db, SQL_REJECTIONS, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, import_id);
	return pcreg__iter_new(db, &rejection_entity, stmt, SQL_REJECTIONS,
	                       (struct pcreg__iter **)(void *)out);
}

/* ---- changes -------------------------------------------------------------------- */

enum { C_ID, C_IMPORT, C_ENTITY, C_CODE, C_SUBKEY, C_ACTION, C_FIELD, C_OLD, C_NEW, C_DATE,
       N_CHANGE_FIELDS };

static const struct pcreg__field change_fields[N_CHANGE_FIELDS] = {
	{ "id", PCREG__T_INT, 0, NULL, NULL },
	{ "import_id", PCREG__T_INT, 0, NULL, NULL },
	{ "entity", PCREG__T_TEXT, 0, NULL, NULL },
	{ "code", PCREG__T_TEXT, 0, NULL, NULL },
	{ "subkey", PCREG__T_TEXT, 0, NULL, NULL },
	{ "action", PCREG__T_TEXT, 0, NULL, NULL },
	{ "field", PCREG__T_TEXT, 0, NULL, NULL },
	{ "old_value", PCREG__T_TEXT, 0, NULL, NULL },
	{ "new_value", PCREG__T_TEXT, 0, NULL, NULL },
	{ "effective_date", PCREG__T_DATE, 0, NULL, NULL },
};

static const struct pcreg__entity change_entity = {
	"change", change_fields, N_CHANGE_FIELDS, 1, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, 0, NULL, 0,
};

PCREG__ITERATOR(change_iter, change)
PCREG__GET_INT(change, id, C_ID)
PCREG__GET_INT(change, import_id, C_IMPORT)
PCREG__GET_TEXT(change, entity, C_ENTITY)
PCREG__GET_TEXT(change, code, C_CODE)
PCREG__GET_TEXT(change, subkey, C_SUBKEY)
PCREG__GET_TEXT(change, action, C_ACTION)
PCREG__GET_TEXT(change, field, C_FIELD)
PCREG__GET_TEXT(change, old_value, C_OLD)
PCREG__GET_TEXT(change, new_value, C_NEW)
PCREG__GET_TEXT(change, effective_date, C_DATE)
PCREG__INIT_FUNCTION(change_query, PCREG_CHANGE_QUERY_VERSION, PCREG_CHANGE_QUERY_INIT)

pcreg_status pcreg_journal_changes(pcreg_db *db, const pcreg_change_query *query,
                                   pcreg_change_iter **out)
{
	static const pcreg_change_query everything = PCREG_CHANGE_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_changes", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if ((st = pcreg__check_version(db, query->version, PCREG_CHANGE_QUERY_VERSION,
	                               "pcreg_journal_changes", "query")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.from", query->from)) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.to", query->to)) != PCREG_OK)
		return st;
	pcreg__sql_init(&sql, "SELECT c.id, c.import_id, c.entity, c.code, c.subkey, c.action,"
	                      " c.field, c.old_value, c.new_value, c.effective_date FROM change c");
	/* An import's changes are consecutive: a range of the key. */
	if (query->import_id)
		pcreg__sql_where_int(&sql,
		                     "c.id BETWEEN (SELECT first_change FROM import WHERE id = ?)"
		                     " AND (SELECT last_change FROM import WHERE id = ?)",
		                     query->import_id);
	if (query->code)
		pcreg__sql_where_text(&sql, "c.code = ?", query->code);
	if (query->from)
		pcreg__sql_where_text(&sql, "c.effective_date >= ?", query->from);
	if (query->to)
		pcreg__sql_where_text(&sql, "c.effective_date <= ?", query->to);
	pcreg__sql_finish(&sql, "c.id", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &change_entity, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

/* ---- summaries ------------------------------------------------------------------- */

struct pcreg_import_summary {
	int64_t opened, closed, renamed, moved_commissioner, moved_network, succeeded;
	int64_t merged_commissioner, reclassified, redated;
};

/* A move that a succession from the old commissioner to the new one, on
 * that day, explains: a merger, not a practice moving. */
#define MERGER                                                                               \
	"EXISTS (SELECT 1 FROM succession s WHERE s.old_code = c.old_value"                  \
	" AND s.new_code = c.new_value AND s.effective_date = c.effective_date)"

/* A move is a period that starts the day after the practice's previous
 * period, in another organisation, ended: whether the file said so in one
 * row (a move) or two (an end, and a new period). */
#define MOVED(entity, table, org, also)                                                            \
	" count(*) FILTER (WHERE c.entity = '" entity "' AND " also " AND (c.action = 'move'" \
	" OR (c.action = 'insert' AND EXISTS (SELECT 1 FROM " table " prev, " table " cur"     \
	" WHERE cur.practice = c.code AND cur.from_date = c.subkey"                          \
	" AND prev.practice = c.code AND prev.to_date = date(c.subkey, '-1 day')"            \
	" AND prev." org " <> cur." org "))))"

/* A period whose start a newer release moved. */
#define REDATED                                                                               \
	" count(*) FILTER (WHERE c.entity IN ('commissioner_membership', 'network_membership')"  \
	"  AND c.action = 'update' AND c.field = 'from_date')"

static const char SQL_SUMMARY[] =
	"SELECT"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'insert'),"
	" count(DISTINCT c.code) FILTER (WHERE c.entity = 'practice' AND c.action = 'update'"
	"  AND ((c.field = 'status' AND c.new_value = 'closed')"
	"   OR (c.field = 'close_date' AND c.old_value IS NULL))),"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'update' AND c.field = 'name'),"
	MOVED("commissioner_membership", "practice_commissioner", "commissioner", "NOT " MERGER) ","
	MOVED("network_membership", "practice_network", "network", "1") ","
	" count(*) FILTER (WHERE c.entity = 'succession' AND c.action = 'insert'"
	"  AND EXISTS (SELECT 1 FROM practice p WHERE p.code = c.code)),"
	" count(*) FILTER (WHERE c.entity = 'commissioner_membership' AND c.action = 'move'"
	"  AND " MERGER "),"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'update'"
	"  AND c.field = 'prescribing_setting'),"
	REDATED
	" FROM import i JOIN change c ON c.id BETWEEN i.first_change AND i.last_change"
	" WHERE i.id = ?1";

/* A release's changes (knownat.c) name moves as such. */
static const char SQL_RELEASE_SUMMARY[] =
	"SELECT"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'insert'),"
	" count(DISTINCT c.code) FILTER (WHERE c.entity = 'practice' AND c.action = 'update'"
	"  AND ((c.field = 'status' AND c.new_value = 'closed')"
	"   OR (c.field = 'close_date' AND c.old_value IS NULL))),"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'update' AND c.field = 'name'),"
	" count(*) FILTER (WHERE c.entity = 'commissioner_membership' AND c.action = 'move'"
	"  AND NOT " MERGER "),"
	" count(*) FILTER (WHERE c.entity = 'network_membership' AND c.action = 'move'),"
	" 0,"
	" count(*) FILTER (WHERE c.entity = 'commissioner_membership' AND c.action = 'move'"
	"  AND " MERGER "),"
	" count(*) FILTER (WHERE c.entity = 'practice' AND c.action = 'update'"
	"  AND c.field = 'prescribing_setting'),"
	REDATED
	" FROM release_change c";

static const char SQL_IMPORT_EXISTS[] = "SELECT 1 FROM import WHERE id = ?1";

/* In the order the journal of imports gives its changes: by date. */
static const char SQL_RELEASE_CHANGES[] =
	"SELECT row_number() OVER w, import_id, entity, code, subkey, action, field, old_value,"
	" new_value, effective_date FROM release_change"
	" WINDOW w AS (ORDER BY effective_date, entity, code, subkey, action, field)"
	" ORDER BY 1";

static pcreg_status summarise(pcreg_db *db, const char *sql, int64_t id,
                              pcreg_import_summary **out)
{
	pcreg_import_summary *s;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	if (sqlite3_bind_parameter_count(stmt) > 0)
		sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		s = pcreg__calloc(1, sizeof *s);
		if (!s) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
		} else {
			s->opened = sqlite3_column_int64(stmt, 0);
			s->closed = sqlite3_column_int64(stmt, 1);
			s->renamed = sqlite3_column_int64(stmt, 2);
			s->moved_commissioner = sqlite3_column_int64(stmt, 3);
			s->moved_network = sqlite3_column_int64(stmt, 4);
			s->succeeded = sqlite3_column_int64(stmt, 5);
			s->merged_commissioner = sqlite3_column_int64(stmt, 6);
			s->reclassified = sqlite3_column_int64(stmt, 7);
			s->redated = sqlite3_column_int64(stmt, 8);
			*out = s;
		}
	} else {
		st = pcreg__sqlite_error(db, rc, "journal");
	}
	pcreg__stmt_release(db, sql, stmt);
	return st;
}

pcreg_status pcreg_journal_summary(pcreg_db *db, int64_t import_id, pcreg_import_summary **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);
	int rc;

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_summary", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__stmt_acquire(db, SQL_IMPORT_EXISTS, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, import_id);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_IMPORT_EXISTS, stmt);
	if (rc == SQLITE_DONE)
		return pcreg__error(db, PCREG_NOTFOUND, "import %lld: not found", (long long)import_id);
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(db, rc, "journal");
	return summarise(db, SQL_SUMMARY, import_id, out);
}

pcreg_status pcreg_journal_release_summary(pcreg_db *db, int64_t release_id,
                                           pcreg_import_summary **out)
{
	pcreg_db *copy = NULL;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_release_summary", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__release_differences(db, release_id, &copy)) != PCREG_OK)
		return st;
	st = summarise(copy, SQL_RELEASE_SUMMARY, 0, out);
	if (st != PCREG_OK)
		st = pcreg__error(db, st, "release %lld: %s", (long long)release_id,
		                  pcreg_db_errmsg(copy));
	pcreg_db_close(copy);
	return st;
}

static void close_copy(void *copy)
{
	pcreg_db_close(copy);
}

pcreg_status pcreg_journal_release_changes(pcreg_db *db, int64_t release_id,
                                           pcreg_change_iter **out)
{
	struct pcreg__iter *it = NULL;
	pcreg_db *copy = NULL;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_journal_release_changes", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__release_differences(db, release_id, &copy)) != PCREG_OK)
		return st;
	if ((st = pcreg__stmt_prepare(copy, SQL_RELEASE_CHANGES, &stmt)) == PCREG_OK)
		st = pcreg__iter_new(copy, &change_entity, stmt, NULL, &it);
	if (st != PCREG_OK) {
		st = pcreg__error(db, st, "release %lld: %s", (long long)release_id,
		                  pcreg_db_errmsg(copy));
		pcreg_db_close(copy);
		return st;
	}
	/* The copy lives as long as the iterator: closed as it is freed, it
	 * goes once the iterator's statement has. */
	it->state = copy;
	it->free_state = close_copy;
	*out = (pcreg_change_iter *)(void *)it;
	return PCREG_OK;
}

void pcreg_import_summary_free(pcreg_import_summary *summary)
{
	pcreg__free(summary);
}

#define SUMMARY_FIELD(name)                                                        \
	int64_t pcreg_import_summary_##name(const pcreg_import_summary *summary)   \
	{                                                                          \
		return summary ? summary->name : 0;                                \
	}

SUMMARY_FIELD(opened)
SUMMARY_FIELD(closed)
SUMMARY_FIELD(renamed)
SUMMARY_FIELD(moved_commissioner)
SUMMARY_FIELD(moved_network)
SUMMARY_FIELD(succeeded)
SUMMARY_FIELD(merged_commissioner)
SUMMARY_FIELD(reclassified)
SUMMARY_FIELD(redated)
