/*
 * stmt.c: prepared statements, reused for the life of a handle.
 *
 * Preparing a statement costs more than running a look-up with it, so
 * every fixed SQL text is prepared once per handle and kept. The cache is
 * keyed by the address of the static text, which makes a hit one hash of a
 * pointer.
 */
#include <string.h>

#include "internal.h"

static size_t slot_index(const char *sql, size_t capacity)
{
	uintptr_t key = (uintptr_t)sql;

	/* Fibonacci hashing spreads the aligned string addresses evenly. */
	return (size_t)((key * (uintptr_t)0x9E3779B97F4A7C15ull) >> 16) & (capacity - 1);
}

static struct pcreg__stmt_slot *find_slot(const pcreg_db *db, const char *sql)
{
	size_t i;

	if (db->stmt_capacity == 0)
		return NULL;
	for (i = slot_index(sql, db->stmt_capacity);; i = (i + 1) & (db->stmt_capacity - 1)) {
		struct pcreg__stmt_slot *slot = &db->stmts[i];

		if (slot->sql == sql || slot->sql == NULL)
			return slot;
	}
}

static pcreg_status grow(pcreg_db *db)
{
	size_t capacity = db->stmt_capacity ? db->stmt_capacity * 2 : 64;
	struct pcreg__stmt_slot *old = db->stmts;
	size_t old_capacity = db->stmt_capacity;
	struct pcreg__stmt_slot *slots = pcreg__calloc(capacity, sizeof *slots);
	size_t i;

	if (!slots)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	db->stmts = slots;
	db->stmt_capacity = capacity;
	for (i = 0; i < old_capacity; i++)
		if (old[i].sql)
			*find_slot(db, old[i].sql) = old[i];
	pcreg__free(old);
	return PCREG_OK;
}

pcreg_status pcreg__stmt_prepare(pcreg_db *db, const char *sql, sqlite3_stmt **out)
{
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, out, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return pcreg__sqlite_error(db, rc, "preparing a statement");
	}
	return PCREG_OK;
}

pcreg_status pcreg__stmt_acquire(pcreg_db *db, const char *sql, sqlite3_stmt **out)
{
	struct pcreg__stmt_slot *slot = find_slot(db, sql);
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (slot && slot->sql == sql) {
		if (!slot->in_use) {
			slot->in_use = 1;
			*out = slot->stmt;
			return PCREG_OK;
		}
		return pcreg__stmt_prepare(db, sql, out);
	}

	if ((db->stmt_count + 1) * 4 > db->stmt_capacity * 3) {
		pcreg_status st = grow(db);

		if (st != PCREG_OK)
			return st;
	}
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(stmt);
		*out = NULL;
		return pcreg__sqlite_error(db, rc, "preparing a statement");
	}
	slot = find_slot(db, sql);
	slot->sql = sql;
	slot->stmt = stmt;
	slot->in_use = 1;
	db->stmt_count++;
	*out = stmt;
	return PCREG_OK;
}

void pcreg__stmt_release(pcreg_db *db, const char *sql, sqlite3_stmt *stmt)
{
	struct pcreg__stmt_slot *slot;

	if (!stmt)
		return;
	slot = find_slot(db, sql);
	if (slot && slot->stmt == stmt) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		slot->in_use = 0;
		return;
	}
	sqlite3_finalize(stmt);
}

void pcreg__stmt_cache_clear(pcreg_db *db)
{
	size_t i;

	for (i = 0; i < db->stmt_capacity; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	pcreg__free(db->stmts);
	db->stmts = NULL;
	db->stmt_capacity = 0;
	db->stmt_count = 0;
}

pcreg_status pcreg__exec_static(pcreg_db *db, const char *sql)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, sql);
	pcreg__stmt_release(db, sql, stmt);
	return st;
}

static const char SQL_SAVEPOINT[] = "SAVEPOINT pcreg_write";
static const char SQL_RELEASE[] = "RELEASE pcreg_write";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO pcreg_write";

pcreg_status pcreg__savepoint_begin(pcreg_db *db)
{
	return pcreg__exec_static(db, SQL_SAVEPOINT);
}

pcreg_status pcreg__savepoint_commit(pcreg_db *db)
{
	pcreg_status st = pcreg__exec_static(db, SQL_RELEASE);

	if (st != PCREG_OK)
		pcreg__savepoint_rollback(db);
	return st;
}

pcreg_status pcreg__savepoint_prepare(pcreg_db *db)
{
	static const char *const texts[] = { SQL_SAVEPOINT, SQL_RELEASE, SQL_ROLLBACK_TO };
	size_t i;

	/* Prepared up front so that undoing a failed write never has to
	 * allocate, even when the failure was running out of memory. */
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		sqlite3_stmt *stmt;
		pcreg_status st = pcreg__stmt_acquire(db, texts[i], &stmt);

		if (st != PCREG_OK)
			return st;
		pcreg__stmt_release(db, texts[i], stmt);
	}
	return PCREG_OK;
}

void pcreg__savepoint_rollback(pcreg_db *db)
{
	pcreg_status saved = db->errcode;
	char message[PCREG__ERRMSG_SIZE];

	/* Some failures (out of memory, I/O) make SQLite roll the whole
	 * transaction back itself; then there is no savepoint left to undo. */
	if (sqlite3_get_autocommit(db->sql))
		return;
	/* Undoing must not replace the message that says why we undo. */
	memcpy(message, db->errmsg, sizeof message);
	if (pcreg__undo(db, SQL_ROLLBACK_TO))
		pcreg__undo(db, SQL_RELEASE);
	db->errcode = saved;
	memcpy(db->errmsg, message, sizeof message);
}

int pcreg__undo(pcreg_db *db, const char *sql)
{
	pcreg_status saved = db->errcode;
	char message[PCREG__ERRMSG_SIZE];
	int tries, rc = SQLITE_NOMEM;

	memcpy(message, db->errmsg, sizeof message);
	for (tries = 0; tries < 16 && (rc & 0xff) == SQLITE_NOMEM; tries++)
		rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	db->errcode = saved;
	memcpy(db->errmsg, message, sizeof message);
	if (rc != SQLITE_OK && db->in_transaction)
		db->undo_failed = 1;
	return rc == SQLITE_OK;
}
