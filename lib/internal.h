/*
 * internal.h: what the library's modules share and users never see.
 *
 * Internal symbols are prefixed pcreg__ and are hidden by the build's
 * default visibility; only PCREG_API declarations are exported.
 */
#ifndef PCREG_INTERNAL_H
#define PCREG_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "pcreg/pcreg.h"

#if defined(__GNUC__)
#define PCREG__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PCREG__PRINTF(fmt, args)
#endif

/* "PCRG": marks a SQLite file as a libpcreg registry. */
#define PCREG__APPLICATION_ID 0x50435247

/* Messages are kept in the handle so that reporting an out-of-memory
 * failure never needs memory. */
#define PCREG__ERRMSG_SIZE 1024

/* ---- allocation -------------------------------------------------------
 * Every allocation the library makes goes through these, and they go
 * through SQLite's allocator, so a test that installs its own allocator
 * with sqlite3_config(SQLITE_CONFIG_MALLOC) sees and can fail all of them.
 */
void *pcreg__malloc(size_t size);
void *pcreg__calloc(size_t count, size_t size);
void *pcreg__realloc(void *ptr, size_t size);
void pcreg__free(void *ptr);
char *pcreg__strdup(const char *s);
char *pcreg__strndup(const char *s, size_t len);
/* Make room for @p need items of @p item bytes in *array (capacity *cap),
 * doubling: 1, or 0 with the array as it was when memory ran out. */
int pcreg__grow(void **array, size_t *cap, size_t need, size_t item);

/* ---- the handle ------------------------------------------------------- */

/* Look-ups on a large registry read far fewer pages through a memory map
 * (about 1.5x faster at a million practices, PERFORMANCE.md). Imports turn
 * it off for their length (import.c says why). */
#define PCREG__MMAP_SIZE "268435456"

struct pcreg__stmt_slot {
	const char *sql; /* static text; the pointer is the key */
	sqlite3_stmt *stmt;
	int in_use;
};

struct pcreg_db {
	sqlite3 *sql;
	char *path;
	int flags;
	int readonly;
	int mapped;         /* the file is read through a memory map */
	int schema_version; /* PRAGMA user_version as last read or written */
	int in_transaction; /* a pcreg_db_begin() is open */
	int undo_failed;    /* a failed write inside it could not be undone */
	int live_iterators; /* iterators not yet freed; they keep the handle */
	int closing;        /* pcreg_db_close() ran while iterators lived */
	/* An import's transaction (or savepoint in the caller's) is open. It
	 * is the import's until it finishes or is freed: a second import, or
	 * the caller's begin/commit/rollback, would end or nest it. */
	int importing;
	pcreg_status errcode;
	char errmsg[PCREG__ERRMSG_SIZE];

	/* Prepared statements, reused for the life of the handle: an
	 * open-addressed table keyed by the address of the static SQL text. */
	struct pcreg__stmt_slot *stmts;
	size_t stmt_capacity; /* a power of two, or 0 */
	size_t stmt_count;
};

/* ---- errors ------------------------------------------------------------ */

/* Messages quote input ("%.40s"), which may cut a character in two, or
 * (detection's) may not be UTF-8 at all: every message and reason is made
 * valid UTF-8 by writing '?' for each byte that is not, so that callers
 * (Python, JSON) can always decode it. */
void pcreg__utf8_scrub(char *text);

/* Record a failure on the handle and return its status, so that callers
 * can write `return pcreg__error(db, PCREG_INVALID, "...", ...)`. */
pcreg_status pcreg__error(pcreg_db *db, pcreg_status status, const char *fmt, ...) PCREG__PRINTF(3, 4);
pcreg_status pcreg__verror(pcreg_db *db, pcreg_status status, const char *fmt, va_list ap)
	PCREG__PRINTF(3, 0);

/* Record a failure reported by SQLite: maps its result code to a status
 * and appends its message to @p what. */
pcreg_status pcreg__sqlite_error(pcreg_db *db, int rc, const char *what);

/* The status that corresponds to a SQLite result code. */
pcreg_status pcreg__status_from_sqlite(int rc);

/* Forget the last failure; called at the start of every public call. */
void pcreg__clear_error(pcreg_db *db);

/* Entry check for calls on the handle itself (transactions, migration):
 * a handle that opened and is not closing. Clears the last error. */
pcreg_status pcreg__enter_open(pcreg_db *db);

/* Common entry check for calls that touch registry data: a usable handle,
 * a current schema. Clears the last error. */
pcreg_status pcreg__enter(pcreg_db *db);

/* As pcreg__enter(), and the handle must be writable. */
pcreg_status pcreg__enter_write(pcreg_db *db);

/* Iterators keep their handle alive after pcreg_db_close() until freed. */
void pcreg__iterator_opened(pcreg_db *db);
void pcreg__iterator_closed(pcreg_db *db);

/* ---- prepared statements ---------------------------------------------- */

/* Borrow the handle's prepared statement for a static SQL text, preparing
 * it on first use. If the cached one is already borrowed (an iterator
 * holds it), a private one is prepared. Give it back with
 * pcreg__stmt_release(), which resets it and clears its bindings. */
pcreg_status pcreg__stmt_acquire(pcreg_db *db, const char *sql, sqlite3_stmt **out);
void pcreg__stmt_release(pcreg_db *db, const char *sql, sqlite3_stmt *stmt);

/* Prepare a statement that is not cached (text built at run time from
 * fixed fragments); finalize it with sqlite3_finalize(). */
pcreg_status pcreg__stmt_prepare(pcreg_db *db, const char *sql, sqlite3_stmt **out);

/* Finalize every cached statement (before closing or migrating). */
void pcreg__stmt_cache_clear(pcreg_db *db);

/* Run a statement that returns no rows, with no parameters. */
pcreg_status pcreg__exec_static(pcreg_db *db, const char *sql);
/* The temporary table reconciliation queues subjects in (evidence.c),
 * made by every writable connection as it opens. */
extern const char pcreg__sql_reconcile_queue[];

/* Run a statement that undoes a failed write (ROLLBACK, ROLLBACK TO, a
 * pragma turned back off). Preparing it may allocate, and so may SQLite's
 * re-preparing of a cached one after a schema change, so a failure for
 * memory is retried: left undone, a failed import would stay in the
 * caller's transaction. Keeps the handle's message; returns whether it
 * ran. When it could not, and a caller's transaction is open, that
 * transaction can only be rolled back (pcreg_db_commit() refuses). */
int pcreg__undo(pcreg_db *db, const char *sql);

/* ---- atomic groups of writes -------------------------------------------
 * A savepoint works both inside a caller's pcreg_db_begin() and outside
 * one, so every multi-statement write in the library is wrapped in one. */
pcreg_status pcreg__savepoint_prepare(pcreg_db *db);
pcreg_status pcreg__savepoint_begin(pcreg_db *db);
pcreg_status pcreg__savepoint_commit(pcreg_db *db);
/* Undo and close the savepoint, keeping the error already recorded. */
void pcreg__savepoint_rollback(pcreg_db *db);

/* ---- migrations (migrate.c) -------------------------------------------- */

struct pcreg__migration {
	int version;
	const char *name;
	const char *sha256; /* hex, of the file as built */
	const char *sql;
};

/* Generated by the build from sql/NNNN_slug.sql. */
extern const struct pcreg__migration pcreg__migrations[];
extern const int pcreg__migration_count;

/* Check a newly opened file: that it is a registry (or empty), that it is
 * not newer than the library, and that its recorded migrations match the
 * compiled ones. Sets *is_empty for a file with no schema at all. */
pcreg_status pcreg__schema_inspect(pcreg_db *db, int *is_empty);

/* Apply migrations up to target (0 = newest). */
pcreg_status pcreg__migrate_to(pcreg_db *db, int target);

#endif /* PCREG_INTERNAL_H */
