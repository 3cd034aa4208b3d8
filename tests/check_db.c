/*
 * check_db.c: opening and closing registries, every status path of
 * pcreg_db_open(), transactions and the error model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

START_TEST(test_status_str)
{
	static const pcreg_status all[] = {
		PCREG_OK, PCREG_DONE, PCREG_ERROR, PCREG_NOMEM, PCREG_NOTFOUND, PCREG_EXISTS,
		PCREG_INVALID, PCREG_CONSTRAINT, PCREG_CONFLICT, PCREG_BUSY, PCREG_READONLY,
		PCREG_IO, PCREG_CORRUPT, PCREG_MISUSE, PCREG_NEEDS_MIGRATION,
		PCREG_SCHEMA_TOO_NEW, PCREG_SCHEMA_MISMATCH, PCREG_NOT_REGISTRY, PCREG_CYCLE,
	};
	size_t i, j;

	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		ck_assert_ptr_nonnull(pcreg_status_str(all[i]));
		ck_assert_str_ne(pcreg_status_str(all[i]), "unknown status");
		for (j = 0; j < i; j++)
			ck_assert_str_ne(pcreg_status_str(all[i]), pcreg_status_str(all[j]));
	}
	ck_assert_str_eq(pcreg_status_str((pcreg_status)-999), "unknown status");
	/* Values are part of the ABI: bindings copy them. */
	ck_assert_int_eq(PCREG_OK, 0);
	ck_assert_int_eq(PCREG_DONE, 1);
	ck_assert_int_eq(PCREG_NOMEM, -2);
	ck_assert_int_eq(PCREG_SCHEMA_MISMATCH, -15);
}
END_TEST

START_TEST(test_version)
{
	char expected[32];

	snprintf(expected, sizeof expected, "%d.%d.%d", PCREG_VERSION_MAJOR, PCREG_VERSION_MINOR,
	         PCREG_VERSION_PATCH);
	ck_assert_str_eq(pcreg_version_string(), expected);
	ck_assert_str_eq(pcreg_version_string(), PCREG_VERSION_STRING);
	ck_assert_int_eq(pcreg_version_number(), PCREG_VERSION_MAJOR * 10000 +
	                                                 PCREG_VERSION_MINOR * 100 +
	                                                 PCREG_VERSION_PATCH);
	ck_assert_int_eq(pcreg_version_number(), PCREG_VERSION_NUMBER);
	ck_assert_int_ge(pcreg_schema_latest_version(), 2);
}
END_TEST

START_TEST(test_options_init)
{
	pcreg_open_options from_macro = PCREG_OPEN_OPTIONS_INIT;
	pcreg_open_options from_function;

	memset(&from_function, 0xff, sizeof from_function);
	ck_assert_int_eq(pcreg_open_options_init(&from_function, PCREG_OPEN_OPTIONS_VERSION),
	                 PCREG_OK);
	ck_assert_int_eq(memcmp(&from_macro, &from_function, sizeof from_macro), 0);
	ck_assert_int_eq(pcreg_open_options_init(NULL, PCREG_OPEN_OPTIONS_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_open_options_init(&from_function, 99), PCREG_MISUSE);
}
END_TEST

START_TEST(test_memory_registry)
{
	pcreg_db *db = NULL;
	int version = -1;

	ck_assert_int_eq(pcreg_db_open(":memory:", NULL, &db), PCREG_OK);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
	ck_assert_int_eq(version, pcreg_schema_latest_version());
	ck_assert_int_eq(pcreg_db_needs_migration(db), 0);
	ck_assert_str_eq(pcreg_db_path(db), ":memory:");
	ck_assert_int_eq(pcreg_db_errcode(db), PCREG_OK);
	ck_assert_str_eq(pcreg_db_errmsg(db), "not an error");
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_create_then_reopen)
{
	const char *path = tu_path("create.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);
	int version = 0;

	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA application_id"), 0x50435247);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), pcreg_schema_latest_version());
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM schema_migration"),
	                 pcreg_schema_latest_version());
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM pragma_journal_mode"
	                                  " WHERE journal_mode = 'wal'"),
	                 1);

	db = tu_open(path, 0);
	ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
	ck_assert_int_eq(version, pcreg_schema_latest_version());
	pcreg_db_close(db);

	db = tu_open(path, PCREG_OPEN_READONLY);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_missing_file)
{
	const char *path = tu_path("missing.db");
	pcreg_db *db = NULL;

	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_NOTFOUND, "missing.db");
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(pcreg_db_errcode(db), PCREG_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(pcreg_db_errmsg(db), "create"));
	/* A failed handle answers nothing but its message. */
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_MISUSE);
	pcreg_db_close(db);
	ck_assert_int_eq(access(path, F_OK), -1);
}
END_TEST

START_TEST(test_not_sqlite)
{
	static const char junk[] = "PRACTICE,NAME\nA81001,not a database at all\n";
	const char *path = tu_path("junk.db");
	char junk_page[8192];
	pcreg_db *db = NULL;
	char before[65], after[65];

	memset(junk_page, 'x', sizeof junk_page);
	memcpy(junk_page, junk, sizeof junk - 1);
	tu_write_file(path, junk_page, sizeof junk_page);
	tu_file_sha256(path, before);
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_NOT_REGISTRY,
	                 "not a SQLite database");
	pcreg_db_close(db);
	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_NOT_REGISTRY, "junk.db");
	pcreg_db_close(db);
	tu_file_sha256(path, after);
	ck_assert_str_eq(before, after);
}
END_TEST

START_TEST(test_other_sqlite_database)
{
	const char *path = tu_path("other.db");
	pcreg_db *db = NULL;

	tu_sql(path, "CREATE TABLE notes (body TEXT)");
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_NOT_REGISTRY,
	                 "not a registry");
	pcreg_db_close(db);
	db = NULL;
	/* Create never takes over somebody else's database. */
	tu_assert_status(db, pcreg_db_open(path, &(pcreg_open_options){ 1, PCREG_OPEN_CREATE, 0, 0 },
	                                   &db),
	                 PCREG_NOT_REGISTRY, "application_id 0");
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM sqlite_schema"), 1);
}
END_TEST

START_TEST(test_empty_file)
{
	const char *path = tu_path("empty.db");
	pcreg_db *db = NULL;

	tu_write_file(path, "", 0);
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_NOT_REGISTRY, "empty");
	pcreg_db_close(db);
	db = tu_open(path, PCREG_OPEN_CREATE);
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), pcreg_schema_latest_version());
}
END_TEST

START_TEST(test_schema_too_new)
{
	const char *path = tu_path("future.db");
	char sql[64], before[65], after[65];
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);
	static const int flag_sets[] = { 0, PCREG_OPEN_MIGRATE, PCREG_OPEN_READONLY,
		                         PCREG_OPEN_CREATE | PCREG_OPEN_MIGRATE };
	size_t i;

	pcreg_db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", pcreg_schema_latest_version() + 1);
	tu_sql(path, sql);
	tu_file_sha256(path, before);
	for (i = 0; i < sizeof flag_sets / sizeof flag_sets[0]; i++) {
		pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

		opts.flags = flag_sets[i];
		db = NULL;
		tu_assert_status(db, pcreg_db_open(path, &opts, &db), PCREG_SCHEMA_TOO_NEW,
		                 "newer than this library");
		pcreg_db_close(db);
	}
	tu_file_sha256(path, after);
	ck_assert_str_eq(before, after);
}
END_TEST

START_TEST(test_schema_mismatch)
{
	const char *path = tu_path("tampered.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);

	pcreg_db_close(db);
	tu_sql(path, "UPDATE schema_migration SET sha256 = printf('%064d', 0) WHERE version = 1");
	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_SCHEMA_MISMATCH,
	                 "migration 1 was recorded as initial with sha256 0000");
	pcreg_db_close(db);

	tu_sql(path, "DELETE FROM schema_migration WHERE version = 1");
	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, NULL, &db), PCREG_SCHEMA_MISMATCH,
	                 "history records version 2 where 1 was expected");
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_readonly)
{
	const char *path = tu_path("readonly.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	pcreg_db_close(db);
	db = tu_open(path, PCREG_OPEN_READONLY);
	tu_assert_status(db, pcreg_db_migrate(db, 0), PCREG_READONLY, "read-only");
	/* A read transaction is allowed. */
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	ck_assert_int_eq(pcreg_db_commit(db), PCREG_OK);
	pcreg_db_close(db);

	opts.flags = PCREG_OPEN_READONLY | PCREG_OPEN_CREATE;
	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, &opts, &db), PCREG_MISUSE, "read-only");
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_db *db = NULL;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	int version;

	ck_assert_int_eq(pcreg_db_open(":memory:", NULL, NULL), PCREG_MISUSE);
	tu_assert_status(db, pcreg_db_open(NULL, NULL, &db), PCREG_MISUSE, "path is NULL");
	pcreg_db_close(db);

	opts.version = 42;
	db = NULL;
	tu_assert_status(db, pcreg_db_open(":memory:", &opts, &db), PCREG_MISUSE,
	                 "options version 42");
	pcreg_db_close(db);
	opts.version = PCREG_OPEN_OPTIONS_VERSION;
	opts.flags = 0x100;
	db = NULL;
	tu_assert_status(db, pcreg_db_open(":memory:", &opts, &db), PCREG_MISUSE, "unknown flags");
	pcreg_db_close(db);
	opts.flags = 0;
	opts.schema_version = 1000;
	db = NULL;
	tu_assert_status(db, pcreg_db_open(":memory:", &opts, &db), PCREG_MISUSE,
	                 "schema_version 1000");
	pcreg_db_close(db);

	pcreg_db_close(NULL);
	ck_assert_str_eq(pcreg_db_errmsg(NULL), "no registry handle (NULL)");
	ck_assert_int_eq(pcreg_db_errcode(NULL), PCREG_MISUSE);
	ck_assert_ptr_null(pcreg_db_path(NULL));
	ck_assert_int_eq(pcreg_db_begin(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_commit(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_rollback(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_needs_migration(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_migrate(NULL, 0), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_schema_version(NULL, &version), PCREG_MISUSE);
	pcreg_free(NULL);

	db = tu_open(":memory:", 0);
	tu_assert_status(db, pcreg_schema_version(db, NULL), PCREG_MISUSE, "out is NULL");
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_transactions)
{
	const char *path = tu_path("txn.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);

	tu_assert_status(db, pcreg_db_commit(db), PCREG_MISUSE, "no transaction");
	tu_assert_status(db, pcreg_db_rollback(db), PCREG_MISUSE, "no transaction");
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	tu_assert_status(db, pcreg_db_begin(db), PCREG_MISUSE, "already open");
	tu_assert_status(db, pcreg_db_migrate(db, 0), PCREG_MISUSE, "inside a transaction");
	ck_assert_int_eq(pcreg_db_rollback(db), PCREG_OK);
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	ck_assert_int_eq(pcreg_db_commit(db), PCREG_OK);
	/* An open transaction is rolled back by close. */
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	pcreg_db_close(db);
	db = tu_open(path, 0);
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	ck_assert_int_eq(pcreg_db_commit(db), PCREG_OK);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_busy)
{
	const char *path = tu_path("busy.db");
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *first = tu_open(path, PCREG_OPEN_CREATE);
	pcreg_db *second = NULL;

	opts.busy_timeout_ms = 10;
	ck_assert_int_eq(pcreg_db_open(path, &opts, &second), PCREG_OK);
	ck_assert_int_eq(pcreg_db_begin(first), PCREG_OK);
	tu_assert_status(second, pcreg_db_begin(second), PCREG_BUSY, "locked");
	ck_assert_int_eq(pcreg_db_commit(first), PCREG_OK);
	ck_assert_int_eq(pcreg_db_begin(second), PCREG_OK);
	ck_assert_int_eq(pcreg_db_commit(second), PCREG_OK);
	pcreg_db_close(second);
	pcreg_db_close(first);
}
END_TEST

static Suite *db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("open");

	tcase_add_test(tc, test_status_str);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_options_init);
	tcase_add_test(tc, test_memory_registry);
	tcase_add_test(tc, test_create_then_reopen);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_not_sqlite);
	tcase_add_test(tc, test_other_sqlite_database);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_schema_too_new);
	tcase_add_test(tc, test_schema_mismatch);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_transactions);
	tcase_add_test(tc, test_busy);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(db_suite());
}
