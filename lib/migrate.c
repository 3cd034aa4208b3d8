/*
 * migrate.c: schema versions and migrations.
 *
 * The migrations in sql/ are compiled into the library with their SHA-256
 * (see cmake/embed_sql.cmake). A registry records each step it took in
 * schema_migration and its version in PRAGMA user_version; each step is
 * one transaction, so a failed step leaves the file at the version before.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char SQL_HISTORY_TABLE[] =
	"CREATE TABLE schema_migration ("
	" version INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
	" applied_at TEXT NOT NULL"
	") STRICT";

static const char SQL_HISTORY_INSERT[] =
	"INSERT INTO schema_migration (version, name, sha256, applied_at)"
	" VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";

static const char SQL_HISTORY_SELECT[] =
	"SELECT version, name, sha256 FROM schema_migration ORDER BY version";

static const char SQL_USER_VERSION[] = "PRAGMA user_version";
static const char SQL_APPLICATION_ID[] = "PRAGMA application_id";
static const char SQL_OBJECT_COUNT[] = "SELECT count(*) FROM sqlite_schema";
static const char SQL_FOREIGN_KEY_CHECK[] = "PRAGMA foreign_key_check";

static pcreg_status read_int(pcreg_db *db, const char *sql, int *out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
	} else {
		char what[PCREG__ERRMSG_SIZE / 2];

		sqlite3_snprintf((int)sizeof what, what, "%s", db->path);
		st = pcreg__sqlite_error(db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
	}
	pcreg__stmt_release(db, sql, stmt);
	return st;
}

static pcreg_status check_history(pcreg_db *db, int user_version)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_HISTORY_SELECT, &stmt);
	int expected = 1;
	int rc;

	if (st != PCREG_OK)
		return st;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int version = sqlite3_column_int(stmt, 0);
		const char *name = (const char *)sqlite3_column_text(stmt, 1);
		const char *sha = (const char *)sqlite3_column_text(stmt, 2);
		const struct pcreg__migration *m;

		if (version != expected || version > user_version) {
			st = pcreg__error(db, PCREG_SCHEMA_MISMATCH,
			                  "%s: migration history records version %d where %d was expected"
			                  " (schema version %d)",
			                  db->path, version, expected, user_version);
			break;
		}
		m = &pcreg__migrations[version - 1];
		if (!name || !sha || strcmp(name, m->name) != 0 || strcmp(sha, m->sha256) != 0) {
			st = pcreg__error(db, PCREG_SCHEMA_MISMATCH,
			                  "%s: migration %d was recorded as %s with sha256 %s;"
			                  " this library's is %s with sha256 %s",
			                  db->path, version, name ? name : "(null)", sha ? sha : "(null)",
			                  m->name, m->sha256);
			break;
		}
		expected++;
	}
	if (st == PCREG_OK && rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, db->path);
	if (st == PCREG_OK && expected != user_version + 1)
		st = pcreg__error(db, PCREG_SCHEMA_MISMATCH,
		                  "%s: schema version is %d but the migration history stops at %d",
		                  db->path, user_version, expected - 1);
	pcreg__stmt_release(db, SQL_HISTORY_SELECT, stmt);
	return st;
}

pcreg_status pcreg__schema_inspect(pcreg_db *db, int *is_empty)
{
	int application_id = 0, user_version = 0, objects = 0;
	pcreg_status st;

	*is_empty = 0;
	st = read_int(db, SQL_APPLICATION_ID, &application_id);
	if (st == PCREG_NOT_REGISTRY)
		return pcreg__error(db, st, "%s: not a registry: the file is not a SQLite database",
		                    db->path);
	if (st != PCREG_OK)
		return st;
	if ((st = read_int(db, SQL_USER_VERSION, &user_version)) != PCREG_OK)
		return st;

	if (application_id != PCREG__APPLICATION_ID) {
		if (application_id == 0 && user_version == 0) {
			if ((st = read_int(db, SQL_OBJECT_COUNT, &objects)) != PCREG_OK)
				return st;
			if (objects == 0) {
				*is_empty = 1;
				db->schema_version = 0;
				return PCREG_OK;
			}
		}
		return pcreg__error(db, PCREG_NOT_REGISTRY,
		                    "%s: not a registry: a SQLite database with application_id %d",
		                    db->path, application_id);
	}
	if (user_version > pcreg__migration_count)
		return pcreg__error(db, PCREG_SCHEMA_TOO_NEW,
		                    "%s: schema version %d is newer than this library's %d"
		                    " (libpcreg %s); use a newer libpcreg",
		                    db->path, user_version, pcreg__migration_count,
		                    PCREG_VERSION_STRING);
	if (user_version < 0)
		return pcreg__error(db, PCREG_CORRUPT, "%s: negative schema version %d", db->path,
		                    user_version);
	if (user_version > 0 && (st = check_history(db, user_version)) != PCREG_OK)
		return st;
	db->schema_version = user_version;
	return PCREG_OK;
}

static pcreg_status exec_sql(pcreg_db *db, const char *sql, const char *context, int version)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	char what[PCREG__ERRMSG_SIZE / 2];

	if (rc == SQLITE_OK)
		return PCREG_OK;
	sqlite3_snprintf((int)sizeof what, what, "%s: migration %d: %s", db->path, version, context);
	return pcreg__sqlite_error(db, rc, what);
}

static pcreg_status record_step(pcreg_db *db, const struct pcreg__migration *m)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_HISTORY_INSERT, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_int(stmt, 1, m->version);
	sqlite3_bind_text(stmt, 2, m->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, m->sha256, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, "recording a migration");
	pcreg__stmt_release(db, SQL_HISTORY_INSERT, stmt);
	return st;
}

/* A step must leave no dangling reference behind, whatever it rewrote. */
static pcreg_status check_foreign_keys(pcreg_db *db, int version)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_FOREIGN_KEY_CHECK, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		st = pcreg__error(db, PCREG_CONSTRAINT,
		                  "%s: migration %d would leave a row of %s with a dangling reference",
		                  db->path, version, (const char *)sqlite3_column_text(stmt, 0));
	else if (rc != SQLITE_DONE)
		st = pcreg__sqlite_error(db, rc, "checking foreign keys");
	pcreg__stmt_release(db, SQL_FOREIGN_KEY_CHECK, stmt);
	return st;
}

static pcreg_status apply_step(pcreg_db *db, const struct pcreg__migration *m)
{
	/* PRAGMAs take no parameters; the numbers are the library's own. */
	char set_version[64];
	char set_application_id[64];
	pcreg_status st;
	int current = 0;

	if ((st = exec_sql(db, "BEGIN IMMEDIATE", "starting", m->version)) != PCREG_OK)
		return st;
	/* Another connection may have taken this step while we waited. */
	if ((st = read_int(db, SQL_USER_VERSION, &current)) != PCREG_OK)
		goto fail;
	if (current >= m->version) {
		db->schema_version = current;
		return exec_sql(db, "COMMIT", "committing", m->version);
	}
	if (m->version == 1) {
		sqlite3_snprintf((int)sizeof set_application_id, set_application_id,
		                 "PRAGMA application_id = %d", PCREG__APPLICATION_ID);
		if ((st = exec_sql(db, SQL_HISTORY_TABLE, "creating the history", 1)) != PCREG_OK ||
		    (st = exec_sql(db, set_application_id, "marking the file", 1)) != PCREG_OK)
			goto fail;
	}
	/* A step may rewrite the schema's text in place (v6), which a SQLite
	 * built or configured defensive refuses; this is the library's own
	 * connection, and each step's rewrite is checked before it commits. */
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)0);
	if ((st = exec_sql(db, m->sql, m->name, m->version)) != PCREG_OK ||
	    (st = record_step(db, m)) != PCREG_OK ||
	    (st = check_foreign_keys(db, m->version)) != PCREG_OK)
		goto fail;
	sqlite3_snprintf((int)sizeof set_version, set_version, "PRAGMA user_version = %d", m->version);
	if ((st = exec_sql(db, set_version, "setting the version", m->version)) != PCREG_OK ||
	    (st = exec_sql(db, "COMMIT", "committing", m->version)) != PCREG_OK)
		goto fail;
	db->schema_version = m->version;
	return PCREG_OK;

fail:
	if (!sqlite3_get_autocommit(db->sql))
		pcreg__undo(db, "ROLLBACK");
	/* Say which registry and which step ("recording a migration: disk
	 * I/O error" alone does not). */
	if (db->path && strncmp(db->errmsg, db->path, strlen(db->path)) != 0) {
		char message[PCREG__ERRMSG_SIZE];

		snprintf(message, sizeof message, "%s", db->errmsg);
		pcreg__error(db, st, "%s: migration to schema version %d: %s", db->path, m->version,
		             message);
	}
	return st;
}

pcreg_status pcreg__migrate_to(pcreg_db *db, int target)
{
	pcreg_status st = PCREG_OK;

	if (target == 0)
		target = pcreg__migration_count;
	while (st == PCREG_OK && db->schema_version < target)
		st = apply_step(db, &pcreg__migrations[db->schema_version]);
	return st;
}

int pcreg_schema_latest_version(void)
{
	return pcreg__migration_count;
}

pcreg_status pcreg_schema_version(pcreg_db *db, int *out)
{
	pcreg_status st = pcreg__enter_open(db);

	if (st != PCREG_OK)
		return st;
	if (!out)
		return pcreg__error(db, PCREG_MISUSE, "pcreg_schema_version: out is NULL");
	if ((st = read_int(db, SQL_USER_VERSION, out)) == PCREG_OK)
		db->schema_version = *out;
	return st;
}

int pcreg_db_needs_migration(pcreg_db *db)
{
	int version = 0;
	pcreg_status st = pcreg_schema_version(db, &version);

	if (st != PCREG_OK)
		return st;
	return version < pcreg__migration_count;
}

pcreg_status pcreg_db_migrate(pcreg_db *db, int target_version)
{
	pcreg_status st = pcreg__enter_open(db);
	int current = 0;

	if (st != PCREG_OK)
		return st;
	if (db->readonly)
		return pcreg__error(db, PCREG_READONLY, "%s: opened read-only; cannot migrate",
		                    db->path);
	if (db->in_transaction)
		return pcreg__error(db, PCREG_MISUSE,
		                    "%s: cannot migrate inside a transaction; commit it first",
		                    db->path);
	if (target_version < 0 || target_version > pcreg__migration_count)
		return pcreg__error(db, PCREG_INVALID,
		                    "target_version: %d is not a schema version this library knows"
		                    " (1 to %d, or 0 for the newest)",
		                    target_version, pcreg__migration_count);
	if ((st = read_int(db, SQL_USER_VERSION, &current)) != PCREG_OK)
		return st;
	db->schema_version = current;
	if (target_version != 0 && target_version < current)
		return pcreg__error(db, PCREG_INVALID,
		                    "target_version: the registry is at version %d and schemas never"
		                    " go down (asked for %d)",
		                    current, target_version);
	return pcreg__migrate_to(db, target_version);
}
