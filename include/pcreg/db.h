/** @file
 * db.h: opening and closing a registry, errors, transactions and schema
 * migrations.
 *
 * @section threads Threads
 *
 * A ::pcreg_db handle is one SQLite connection, opened with
 * SQLITE_OPEN_NOMUTEX (SQLite's multi-thread mode): the library takes no
 * locks of its own, so a handle, and every iterator, import, export or
 * record made from it, must be used by one thread at a time. They may move
 * between threads when the caller hands them over (with a mutex, or by
 * passing them through a queue). Iterators share their handle's
 * connection and cached statements, so they count as the handle: an
 * iterator must not run in one thread while its handle, or another of its
 * iterators, is used in another. A record once read (a ::pcreg_practice
 * from pcreg_practice_get()) holds copies and no connection; it too is
 * used by one thread at a time. pcreg_db_errmsg() is per handle.
 *
 * Separate handles share nothing in the library and may be used in
 * different threads at once, on the same file or on different files, as
 * separate processes can: with write-ahead logging, readers do not block
 * the writer or each other, one writer at a time holds the write lock, and
 * a handle waits up to pcreg_open_options.busy_timeout_ms for a lock
 * before returning ::PCREG_BUSY. pcreg_db_known_at() returns a new handle
 * with its own in-memory connection, independent of the parent once made.
 *
 * Functions that take no handle (pcreg_status_str(), pcreg_version_number(),
 * the _str() and _parse() functions) read only constant data and may be
 * called from any thread. The library's one piece of global state is a
 * counter in the names of pcreg_export_file()'s temporary files. It is not
 * locked, so two threads exporting to files at once race on it: a thread
 * sanitizer reports it, and the worst outcome is a name already taken,
 * which the exclusive create refuses and the next number replaces. The
 * library never calls sqlite3_config().
 *
 * This needs an SQLite built thread-safe (sqlite3_threadsafe() is not 0,
 * as Debian's is). Reading workbooks and ODS XML files uses libxml2: a
 * program that imports such files from several threads at once should
 * call xmlInitParser() once, before starting them, as libxml2 asks.
 */
#ifndef PCREG_DB_H
#define PCREG_DB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for pcreg_open_options.flags; combine with `|`. */
typedef enum pcreg_open_flag {
	/** Make the registry if the file is missing or empty. */
	PCREG_OPEN_CREATE = 1,
	/** Never write; an older schema gives PCREG_NEEDS_MIGRATION. */
	PCREG_OPEN_READONLY = 2,
	/** Bring an older schema up to date while opening. */
	PCREG_OPEN_MIGRATE = 4,
	/**
	 * Take the path as a SQLite URI ("file:reg.db?mode=ro"). Without it a
	 * path is always a file's name, even one that begins "file:".
	 */
	PCREG_OPEN_URI = 8
} pcreg_open_flag;

/** The current version of pcreg_open_options. */
#define PCREG_OPEN_OPTIONS_VERSION 1

/**
 * How to open a registry. Initialise with PCREG_OPEN_OPTIONS_INIT or
 * pcreg_open_options_init() before setting fields, so that fields added
 * later get their defaults.
 */
typedef struct pcreg_open_options {
	/** PCREG_OPEN_OPTIONS_VERSION */
	unsigned int version;
	/** pcreg_open_flag values; 0 opens an existing registry read-write */
	int flags;
	/** how long to wait for another connection's lock, in milliseconds (default 5000) */
	int busy_timeout_ms;
	/**
	 * Schema version that PCREG_OPEN_CREATE and PCREG_OPEN_MIGRATE bring
	 * the file to; 0 (the default) means the newest this library knows.
	 * Anything else is for testing migrations.
	 */
	int schema_version;
} pcreg_open_options;

/** Default open options (open an existing registry read-write). */
#define PCREG_OPEN_OPTIONS_INIT { PCREG_OPEN_OPTIONS_VERSION, 0, 5000, 0 }

/**
 * Fill an options struct with its defaults; the function form of
 * PCREG_OPEN_OPTIONS_INIT, for callers that cannot use macros.
 *
 * @param opts     struct to fill
 * @param version  PCREG_OPEN_OPTIONS_VERSION (1)
 * @return PCREG_OK, or PCREG_MISUSE if @p opts is NULL or the version unknown
 */
PCREG_API pcreg_status pcreg_open_options_init(pcreg_open_options *opts, unsigned int version);

/**
 * Open a registry file, creating or migrating it if the options say so.
 *
 * File registries use write-ahead logging and enforce foreign keys.
 * ":memory:" gives a new registry in memory (created whatever the flags).
 * A file whose schema is newer than this library knows is refused with
 * PCREG_SCHEMA_TOO_NEW and is not written to.
 *
 * Like sqlite3_open_v2(), a handle is returned even when opening fails
 * (unless memory runs out first), so that pcreg_db_errmsg() can say why;
 * close it with pcreg_db_close() either way.
 *
 * A read-write open of an older registry without PCREG_OPEN_MIGRATE
 * succeeds, but every call except migration returns PCREG_NEEDS_MIGRATION
 * until pcreg_db_migrate() has run.
 *
 * @param path      file name, UTF-8; copied
 * @param opts      options, or NULL for the defaults
 * @param[out] out  new handle, or NULL if memory ran out
 * @return PCREG_OK; PCREG_NOTFOUND (missing file without PCREG_OPEN_CREATE),
 *         PCREG_NOT_REGISTRY, PCREG_SCHEMA_TOO_NEW, PCREG_SCHEMA_MISMATCH,
 *         PCREG_NEEDS_MIGRATION (read-only open of an older file),
 *         PCREG_IO, PCREG_BUSY, PCREG_NOMEM or PCREG_MISUSE
 */
PCREG_API pcreg_status pcreg_db_open(const char *path, const pcreg_open_options *opts, pcreg_db **out);

/**
 * Close a registry. Any transaction still open is rolled back. Iterators
 * that are still alive keep the connection until they are freed, after
 * which it closes (like sqlite3_close_v2()); they return PCREG_MISUSE from
 * then on.
 *
 * @param db  handle, or NULL (a no-op)
 */
PCREG_API void pcreg_db_close(pcreg_db *db);

/**
 * The message for the last failure on this handle, naming file, line and
 * field where they apply.
 *
 * @param db  handle; NULL gives a fixed message
 * @return borrowed text, valid until the next call on @p db; "not an
 *         error" when the last call succeeded
 */
PCREG_API const char *pcreg_db_errmsg(const pcreg_db *db);

/**
 * The status of the last failure on this handle.
 *
 * @param db  handle
 * @return the status; PCREG_OK when the last call succeeded, PCREG_MISUSE
 *         for NULL
 */
PCREG_API pcreg_status pcreg_db_errcode(const pcreg_db *db);

/**
 * The file name the handle was opened with.
 *
 * @param db  handle
 * @return borrowed text, valid until pcreg_db_close(); NULL for NULL
 */
PCREG_API const char *pcreg_db_path(const pcreg_db *db);

/**
 * Start a transaction so that many calls commit together (and run much
 * faster). On a read-write handle this takes the write lock at once; on a
 * read-only handle it starts a read transaction. Transactions do not nest.
 *
 * @param db  handle
 * @return PCREG_OK, PCREG_BUSY, or PCREG_MISUSE if one is already open or an
 *         import (import.h) is under way
 */
PCREG_API pcreg_status pcreg_db_begin(pcreg_db *db);

/**
 * Commit the transaction started by pcreg_db_begin().
 *
 * @param db  handle
 * @return PCREG_OK, PCREG_BUSY, PCREG_IO, or PCREG_MISUSE if none is open or an
 *         import is under way
 */
PCREG_API pcreg_status pcreg_db_commit(pcreg_db *db);

/**
 * Undo everything since pcreg_db_begin().
 *
 * @param db  handle
 * @return PCREG_OK, or PCREG_MISUSE if no transaction is open or an import is
 *         under way
 */
PCREG_API pcreg_status pcreg_db_rollback(pcreg_db *db);

/**
 * Whether the registry's schema is older than this library's.
 *
 * @param db  handle
 * @return 1 if pcreg_db_migrate() has work to do, 0 if not, or a negative
 *         status (PCREG_MISUSE for NULL)
 */
PCREG_API int pcreg_db_needs_migration(pcreg_db *db);

/**
 * Bring the schema up to @p target_version, one step at a time. Each step
 * is its own transaction: if a step fails, the file stays at the version
 * before it. Schemas never go down.
 *
 * @param db              read-write handle
 * @param target_version  version to reach; 0 means the newest
 * @return PCREG_OK; PCREG_INVALID for a target below the current version
 *         or above pcreg_schema_latest_version(); PCREG_READONLY;
 *         PCREG_BUSY; PCREG_NOMEM; PCREG_IO
 */
PCREG_API pcreg_status pcreg_db_migrate(pcreg_db *db, int target_version);

/**
 * The schema version of the open registry.
 *
 * @param db        handle
 * @param[out] out  version (0 for a file with no schema yet)
 * @return PCREG_OK or PCREG_MISUSE
 */
PCREG_API pcreg_status pcreg_schema_version(pcreg_db *db, int *out);

/**
 * The newest schema version this library knows.
 *
 * @return a positive version number
 */
PCREG_API int pcreg_schema_latest_version(void);

/**
 * The registry as it was known at a date: a copy, in memory, whose dated
 * history is derived again from the releases dated on or before
 * @p known_at only, as if the later ones had never been loaded. Ask it any
 * question (reports, memberships, as-of look-ups) to reproduce what the
 * registry would have answered then; later corrections show up only in
 * the registry itself.
 *
 * What is not a release counts whatever its date: hand-entered data
 * (registry CSVs and API writes), successions, CQC inspections and list
 * sizes. A practice that only later releases list is left out; a
 * commissioner is kept, named as the releases up to the date name it.
 *
 * The copy is read-only and independent of @p db (close both). Deriving
 * it reconciles every practice, which takes seconds on a national
 * registry.
 *
 * @param db        open registry at the current schema
 * @param known_at  YYYY-MM-DD
 * @param[out] out  new handle; close with pcreg_db_close()
 * @return PCREG_OK, PCREG_INVALID for a bad date, PCREG_MISUSE, PCREG_NOMEM, or a negative
 *         status
 */
PCREG_API pcreg_status pcreg_db_known_at(pcreg_db *db, const char *known_at, pcreg_db **out);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_DB_H */
