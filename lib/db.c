/*
 * db.c: opening, closing and transactions.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define KNOWN_OPEN_FLAGS \
	(PCREG_OPEN_CREATE | PCREG_OPEN_READONLY | PCREG_OPEN_MIGRATE | PCREG_OPEN_URI)

pcreg_status pcreg_open_options_init(pcreg_open_options *opts, unsigned int version)
{
	static const pcreg_open_options defaults = PCREG_OPEN_OPTIONS_INIT;

	if (!opts || version != PCREG_OPEN_OPTIONS_VERSION)
		return PCREG_MISUSE;
	*opts = defaults;
	return PCREG_OK;
}

static pcreg_status check_options(pcreg_db *db, const pcreg_open_options *opts)
{
	if (opts->version != PCREG_OPEN_OPTIONS_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_open: options version %u is not one this library knows"
		                    " (use PCREG_OPEN_OPTIONS_INIT)",
		                    opts->version);
	if (opts->flags & ~KNOWN_OPEN_FLAGS)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_open: unknown flags 0x%x",
		                    (unsigned)(opts->flags & ~KNOWN_OPEN_FLAGS));
	if ((opts->flags & PCREG_OPEN_READONLY) &&
	    (opts->flags & (PCREG_OPEN_CREATE | PCREG_OPEN_MIGRATE)))
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_open: a read-only open cannot create or migrate");
	if (opts->busy_timeout_ms < 0)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_open: busy_timeout_ms is negative (%d)",
		                    opts->busy_timeout_ms);
	if (opts->schema_version < 0 || opts->schema_version > pcreg__migration_count)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_open: schema_version %d is not one this library knows"
		                    " (1 to %d, or 0 for the newest)",
		                    opts->schema_version, pcreg__migration_count);
	return PCREG_OK;
}

static pcreg_status open_failed(pcreg_db *db, int rc, int create)
{
	if ((rc & 0xff) == SQLITE_CANTOPEN && !create && db->sql &&
	    sqlite3_system_errno(db->sql) == ENOENT)
		return pcreg__error(db, PCREG_NOTFOUND,
		                    "%s: no such registry (open with the create flag to make one)",
		                    db->path);
	return pcreg__sqlite_error(db, rc, db->path);
}

static pcreg_status configure_connection(pcreg_db *db, int in_memory)
{
	pcreg_status st = pcreg__exec_static(db, "PRAGMA foreign_keys = ON");

	if (st == PCREG_OK && !in_memory) {
		st = pcreg__exec_static(db, "PRAGMA mmap_size = " PCREG__MMAP_SIZE);
		db->mapped = st == PCREG_OK;
	}
	return st;
}

/* Writing starts only once the file is known to be ours and not newer than
 * us: switching to WAL rewrites the header. */
static pcreg_status configure_writes(pcreg_db *db, int in_memory)
{
	pcreg_status st;

	if (db->readonly)
		return PCREG_OK;
	/* Made here, outside any transaction: a CREATE inside an import's
	 * transaction that ran out of memory could lose the transaction
	 * without saying so (the failure surfaced only at COMMIT). */
	st = pcreg__exec_static(db, pcreg__sql_reconcile_queue);
	if (st != PCREG_OK || in_memory)
		return st;
	st = pcreg__exec_static(db, "PRAGMA journal_mode = WAL");
	/* In WAL mode NORMAL cannot corrupt the file; a power cut can only lose
	 * the last commits. */
	if (st == PCREG_OK)
		st = pcreg__exec_static(db, "PRAGMA synchronous = NORMAL");
	/* Readers that always overlap an import keep the WAL from starting
	 * over (83 MB in 20 s of the concurrency test); once it does, give
	 * the space back rather than keep the file at its largest. */
	if (st == PCREG_OK)
		st = pcreg__exec_static(db, "PRAGMA journal_size_limit = 67108864");
	return st;
}

static pcreg_status open_registry(pcreg_db *db, const pcreg_open_options *opts)
{
	int in_memory = strcmp(db->path, ":memory:") == 0 || db->path[0] == '\0';
	int create = (opts->flags & PCREG_OPEN_CREATE) || in_memory;
	int sqlite_flags = SQLITE_OPEN_NOMUTEX;
	int is_empty = 0;
	char *sqlite_path = NULL;
	pcreg_status st;
	int rc;

	/* SQLite built with SQLITE_USE_URI (as Debian's is) takes a name that
	 * begins "file:" as a URI whatever the flags say, so that
	 * "file:x.db?mode=memory" would write nothing and "?immutable=1" would
	 * turn locking off. "./" in front makes it a name again. */
	if (!(opts->flags & PCREG_OPEN_URI) && strncmp(db->path, "file:", 5) == 0) {
		size_t n = strlen(db->path);

		if (!(sqlite_path = pcreg__malloc(n + 3)))
			return pcreg__error(db, PCREG_NOMEM, "out of memory");
		memcpy(sqlite_path, "./", 2);
		memcpy(sqlite_path + 2, db->path, n + 1);
	}
	db->readonly = (opts->flags & PCREG_OPEN_READONLY) != 0;
	sqlite_flags |= db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (create)
		sqlite_flags |= SQLITE_OPEN_CREATE;
	if (opts->flags & PCREG_OPEN_URI)
		sqlite_flags |= SQLITE_OPEN_URI;
	rc = sqlite3_open_v2(sqlite_path ? sqlite_path : db->path, &db->sql, sqlite_flags, NULL);
	pcreg__free(sqlite_path);
	if (rc != SQLITE_OK)
		return open_failed(db, rc, create);
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, opts->busy_timeout_ms);
	/* A write-protected file opens read-only even when asked otherwise. */
	if (sqlite3_db_readonly(db->sql, "main") == 1)
		db->readonly = 1;

	if ((st = configure_connection(db, in_memory)) != PCREG_OK ||
	    (st = pcreg__schema_inspect(db, &is_empty)) != PCREG_OK)
		return st;
	if (is_empty && (!create || db->readonly))
		return pcreg__error(db, PCREG_NOT_REGISTRY,
		                    "%s: not a registry: the file is empty (open with the create flag"
		                    " to make one)",
		                    db->path);
	if (!is_empty && db->schema_version < pcreg__migration_count && db->readonly)
		return pcreg__error(db, PCREG_NEEDS_MIGRATION,
		                    "%s: schema version %d is older than this library's %d; open it"
		                    " read-write with the migrate flag to bring it up to date",
		                    db->path, db->schema_version, pcreg__migration_count);
	if ((st = configure_writes(db, in_memory)) != PCREG_OK ||
	    (st = pcreg__savepoint_prepare(db)) != PCREG_OK)
		return st;
	if (is_empty || (opts->flags & PCREG_OPEN_MIGRATE))
		return pcreg__migrate_to(db, opts->schema_version);
	return PCREG_OK;
}

pcreg_status pcreg_db_open(const char *path, const pcreg_open_options *opts, pcreg_db **out)
{
	static const pcreg_open_options defaults = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db;
	pcreg_status st;

	if (!out)
		return PCREG_MISUSE;
	*out = NULL;
	db = pcreg__calloc(1, sizeof *db);
	if (!db)
		return PCREG_NOMEM;
	*out = db;
	pcreg__clear_error(db);
	if (!path)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_open: path is NULL");
	if (!opts)
		opts = &defaults;
	if ((st = check_options(db, opts)) != PCREG_OK)
		return st;
	db->flags = opts->flags;
	db->path = pcreg__strdup(path);
	if (!db->path)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	st = open_registry(db, opts);
	/* Every failure to open says which registry ("preparing a statement:
	 * disk I/O error" alone does not). */
	if (st < 0 && strncmp(db->errmsg, db->path, strlen(db->path)) != 0) {
		char message[PCREG__ERRMSG_SIZE];

		snprintf(message, sizeof message, "%s", db->errmsg);
		pcreg__error(db, st, "%s: %s", db->path, message);
	}
	return st;
}

static void destroy(pcreg_db *db)
{
	pcreg__stmt_cache_clear(db);
	if (db->sql && !sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close_v2(db->sql);
	pcreg__free(db->path);
	pcreg__free(db);
}

void pcreg_db_close(pcreg_db *db)
{
	if (!db || db->closing)
		return;
	if (db->live_iterators > 0) {
		db->closing = 1;
		return;
	}
	destroy(db);
}

void pcreg__iterator_opened(pcreg_db *db)
{
	db->live_iterators++;
}

void pcreg__iterator_closed(pcreg_db *db)
{
	if (--db->live_iterators == 0 && db->closing)
		destroy(db);
}

const char *pcreg_db_path(const pcreg_db *db)
{
	return db ? db->path : NULL;
}

pcreg_status pcreg__enter_open(pcreg_db *db)
{
	if (!db || db->closing)
		return PCREG_MISUSE;
	pcreg__clear_error(db);
	if (!db->sql)
		return pcreg__error(db, PCREG_MISUSE, "the registry handle failed to open");
	return PCREG_OK;
}

pcreg_status pcreg__enter(pcreg_db *db)
{
	pcreg_status st = pcreg__enter_open(db);

	if (st != PCREG_OK)
		return st;
	if (db->schema_version < pcreg__migration_count)
		return pcreg__error(db, PCREG_NEEDS_MIGRATION,
		                    "%s: schema version %d is older than this library's %d;"
		                    " run pcreg_db_migrate() first",
		                    db->path, db->schema_version, pcreg__migration_count);
	return PCREG_OK;
}

pcreg_status pcreg__enter_write(pcreg_db *db)
{
	pcreg_status st = pcreg__enter(db);

	if (st == PCREG_OK && db->readonly)
		return pcreg__error(db, PCREG_READONLY, "%s: opened read-only", db->path);
	return st;
}

pcreg_status pcreg_db_begin(pcreg_db *db)
{
	pcreg_status st = pcreg__enter_open(db);

	if (st != PCREG_OK)
		return st;
	if (db->importing)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_begin: an import is under way; finish or free it first");
	if (db->in_transaction && !sqlite3_get_autocommit(db->sql))
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_begin: a transaction is already open");
	st = pcreg__exec_static(db, db->readonly ? "BEGIN" : "BEGIN IMMEDIATE");
	db->in_transaction = st == PCREG_OK;
	db->undo_failed = 0;
	return st;
}

pcreg_status pcreg_db_commit(pcreg_db *db)
{
	pcreg_status st = pcreg__enter_open(db);

	if (st != PCREG_OK)
		return st;
	if (db->importing)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_commit: an import is under way; finish or free it first");
	if (!db->in_transaction)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_commit: no transaction is open");
	if (db->undo_failed && !sqlite3_get_autocommit(db->sql)) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		db->undo_failed = 0;
		db->in_transaction = 0;
		return pcreg__error(db, PCREG_NOMEM,
		                    "pcreg_db_commit: a failed write could not be undone (out of"
		                    " memory), so the whole transaction was rolled back");
	}
	if (sqlite3_get_autocommit(db->sql)) {
		db->in_transaction = 0;
		return pcreg__error(db, PCREG_ERROR,
		                    "pcreg_db_commit: the transaction was already rolled back after"
		                    " an earlier failure; nothing was committed");
	}
	st = pcreg__exec_static(db, "COMMIT");
	/* A busy commit leaves the transaction open, to be retried. */
	if (st == PCREG_OK || sqlite3_get_autocommit(db->sql))
		db->in_transaction = 0;
	return st;
}

pcreg_status pcreg_db_rollback(pcreg_db *db)
{
	pcreg_status st = pcreg__enter_open(db);

	if (st != PCREG_OK)
		return st;
	if (db->importing)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_db_rollback: an import is under way; finish or free it first");
	if (!db->in_transaction)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_db_rollback: no transaction is open");
	db->in_transaction = 0;
	db->undo_failed = 0;
	if (sqlite3_get_autocommit(db->sql))
		return PCREG_OK;
	return pcreg__exec_static(db, "ROLLBACK");
}
