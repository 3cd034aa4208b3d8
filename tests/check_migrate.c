/*
 * check_migrate.c: the migration harness.
 *
 * For every schema version N below the newest: build a registry at N, put
 * rows in it, migrate it, and check that its schema is exactly a fresh
 * registry's and that the rows survived. Also: steps are atomic, targets
 * are checked, and old files opened read-only ask for migration.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Rows valid from schema v1 on, touching the tables later steps rely on. */
static const char FIXTURE_V1[] =
	"INSERT INTO commissioner (code, kind, name, region, open_date)"
	" VALUES ('07L', 'ccg', 'NHS Barking and Dagenham CCG', 'Y56', '2013-04-01');"
	"INSERT INTO practice (code, name, address1, postcode, status, prescribing_setting, open_date)"
	" VALUES ('F82001', 'Fictional Riverside Surgery', '1 Test Lane', 'RM9 9ZZ', 'active', 4,"
	"         '1974-04-01');"
	"INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date)"
	" VALUES ('F82001', '07L', '2013-04-01', NULL);"
	"INSERT INTO network (code, kind, name, commissioner)"
	" VALUES ('U99001', 'pcn', 'Test PCN', '07L');"
	"INSERT INTO practice_network (practice, network, from_date, to_date)"
	" VALUES ('F82001', 'U99001', '2019-07-01', NULL);"
	"INSERT INTO list_size VALUES ('F82001', '2021-01-01', 1234, 1300.5);";

static char *sql_text(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	char *text = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		text = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	ck_assert_ptr_nonnull(text);
	return text;
}

/* Everything about a schema except where its pages happen to be. */
static const char SCHEMA_DUMP[] =
	"SELECT group_concat(line, char(10)) FROM ("
	" SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') AS line"
	" FROM sqlite_schema ORDER BY type, name)";

static const char HISTORY_DUMP[] =
	"SELECT group_concat(version || ' ' || name || ' ' || sha256, char(10))"
	" FROM (SELECT * FROM schema_migration ORDER BY version)";

static pcreg_db *open_at_version(const char *path, int version)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_status st;

	opts.flags = PCREG_OPEN_CREATE;
	opts.schema_version = version;
	st = pcreg_db_open(path, &opts, &db);
	ck_assert_msg(st == PCREG_OK, "%s", pcreg_db_errmsg(db));
	return db;
}

START_TEST(test_every_version_migrates_to_a_fresh_schema)
{
	const char *fresh_path = tu_path("fresh.db");
	pcreg_db *db = tu_open(fresh_path, PCREG_OPEN_CREATE);
	int latest = pcreg_schema_latest_version();
	char *fresh_schema, *fresh_history;
	int n;

	pcreg_db_close(db);
	fresh_schema = sql_text(fresh_path, SCHEMA_DUMP);
	fresh_history = sql_text(fresh_path, HISTORY_DUMP);

	for (n = 1; n < latest; n++) {
		char name[32];
		const char *path;
		char *schema, *history;
		int version = -1;

		snprintf(name, sizeof name, "from-v%d.db", n);
		path = tu_path(name);
		db = open_at_version(path, n);
		ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
		ck_assert_int_eq(version, n);
		ck_assert_int_eq(pcreg_db_needs_migration(db), 1);
		pcreg_db_close(db);
		tu_sql(path, FIXTURE_V1);

		db = tu_open(path, PCREG_OPEN_MIGRATE);
		ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
		ck_assert_int_eq(version, latest);
		ck_assert_int_eq(pcreg_db_needs_migration(db), 0);
		pcreg_db_close(db);

		schema = sql_text(path, SCHEMA_DUMP);
		history = sql_text(path, HISTORY_DUMP);
		ck_assert_str_eq(schema, fresh_schema);
		ck_assert_str_eq(history, fresh_history);
		free(schema);
		free(history);

		/* The rows survived, and later steps indexed them. */
		ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_network"
		                                  " WHERE practice = 'F82001' AND network = 'U99001'"),
		                 1);
		ck_assert_int_eq(tu_sql_int(path, "SELECT registered FROM list_size"), 1234);
		ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_commissioner"), 1);
		ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_search"
		                                  " WHERE practice_search MATCH 'riverside'"),
		                 1);
		ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	}
	free(fresh_schema);
	free(fresh_history);
}
END_TEST

START_TEST(test_step_by_step)
{
	const char *path = tu_path("steps.db");
	pcreg_db *db = open_at_version(path, 1);
	int latest = pcreg_schema_latest_version();
	int n, version;

	for (n = 2; n <= latest; n++) {
		ck_assert_int_eq(pcreg_db_migrate(db, n), PCREG_OK);
		ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
		ck_assert_int_eq(version, n);
		ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM schema_migration"), n);
	}
	/* Migrating to where we are is a no-op. */
	ck_assert_int_eq(pcreg_db_migrate(db, 0), PCREG_OK);
	ck_assert_int_eq(pcreg_db_migrate(db, latest), PCREG_OK);
	tu_assert_status(db, pcreg_db_migrate(db, 1), PCREG_INVALID, "never go down");
	tu_assert_status(db, pcreg_db_migrate(db, latest + 1), PCREG_INVALID,
	                 "not a schema version");
	tu_assert_status(db, pcreg_db_migrate(db, -1), PCREG_INVALID, "not a schema version");
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_failed_step_leaves_previous_version)
{
	const char *path = tu_path("blocked.db");
	pcreg_db *db = open_at_version(path, 1);
	int version = 0;

	pcreg_db_close(db);
	tu_sql(path, FIXTURE_V1);
	/* Something in the way of step 2. */
	tu_sql(path, "CREATE TABLE practice_search_content (x TEXT)");

	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, &(pcreg_open_options){ 1, PCREG_OPEN_MIGRATE, 0, 0 },
	                                   &db),
	                 PCREG_ERROR, "migration 2: practice_search: table practice_search_content");
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM schema_migration"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                                  " WHERE name = 'practice_search'"),
	                 0);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice"), 1);

	/* Without the obstacle, the same file migrates. */
	tu_sql(path, "DROP TABLE practice_search_content");
	db = tu_open(path, PCREG_OPEN_MIGRATE);
	ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
	ck_assert_int_eq(version, pcreg_schema_latest_version());
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_old_file_without_migrate_flag)
{
	const char *path = tu_path("old.db");
	pcreg_db *db = open_at_version(path, 1);
	int version = 0;

	pcreg_db_close(db);

	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, &(pcreg_open_options){ 1, PCREG_OPEN_READONLY, 0, 0 },
	                                   &db),
	                 PCREG_NEEDS_MIGRATION, "schema version 1 is older");
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), 1);

	/* Read-write without the flag opens, says so, and migrates on request. */
	db = tu_open(path, 0);
	ck_assert_int_eq(pcreg_db_needs_migration(db), 1);
	ck_assert_int_eq(pcreg_db_migrate(db, 0), PCREG_OK);
	ck_assert_int_eq(pcreg_db_needs_migration(db), 0);
	ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
	ck_assert_int_eq(version, pcreg_schema_latest_version());
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_history_records_compiled_checksums)
{
	const char *path = tu_path("history.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);

	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM schema_migration"
	                                  " WHERE length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'"
	                                  " AND applied_at GLOB '2[0-9][0-9][0-9]-*'"),
	                 pcreg_schema_latest_version());
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM schema_migration"
	                                  " WHERE version = 1 AND name = 'initial'"),
	                 1);

	/* Each recorded checksum is that of the file in sql/, as hashed here. */
	{
		char *rows = sql_text(path, "SELECT group_concat(printf('%04d_%s.sql %s', version,"
		                            " name, sha256), char(10)) FROM schema_migration");
		char *line, *save = NULL;
		int seen = 0;

		for (line = strtok_r(rows, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char file[256], recorded[65], actual[65], sql_path[600];

			ck_assert_int_eq(sscanf(line, "%255s %64s", file, recorded), 2);
			snprintf(sql_path, sizeof sql_path, "%s/sql/%s", PCREG_SOURCE_DIR, file);
			tu_file_sha256(sql_path, actual);
			ck_assert_msg(strcmp(recorded, actual) == 0, "%s: recorded %s, file has %s",
			              file, recorded, actual);
			seen++;
		}
		ck_assert_int_eq(seen, pcreg_schema_latest_version());
		free(rows);
	}
}
END_TEST

/* How many temporary B-trees a statement opens each time it runs. */
static int ephemeral_tables(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	char explain[512];
	int n = 0;

	snprintf(explain, sizeof explain, "EXPLAIN %s", sql);
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, explain, -1, &stmt, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(db));
	while (sqlite3_step(stmt) == SQLITE_ROW)
		n += strcmp((const char *)sqlite3_column_text(stmt, 1), "OpenEphemeral") == 0;
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

/* A statement's SQLite result code (SQLITE_CONSTRAINT, not the extended one). */
static int sql_rc(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int rc;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc & 0xff;
}

START_TEST(test_single_row_writes_build_no_temporary_tables)
{
	static const char *const writes[] = {
		"INSERT INTO commissioner (code, kind, name) VALUES ('07L', 'ccg', 'x')",
		"INSERT INTO practice (code, name, status) VALUES ('F82001', 'x', 'active')",
		"INSERT INTO practice_commissioner (practice, commissioner, from_date, certainty,"
		" derived) VALUES ('F82001', '07L', '2020-01-01', 'stated', 1)",
		"INSERT INTO practice_network (practice, network, from_date, certainty, derived)"
		" VALUES ('F82001', 'U99001', '2020-01-01', 'stated', 1)",
		"INSERT INTO network (code, kind, name) VALUES ('U99001', 'pcn', 'x')",
		"INSERT INTO contract (practice, type, start_date, derived)"
		" VALUES ('F82001', 'GMS', '2020-04-01', 1)",
		"UPDATE contract SET end_date = '2021-03-31' WHERE id = 1",
		"INSERT INTO inspection (practice, publication_date, overall, safe, effective,"
		" caring, responsive, well_led) VALUES ('F82001', '2020-01-01', 'good', 'good',"
		" 'good', 'good', 'good', 'good')",
		"INSERT INTO change (import_id, entity, code, action) VALUES (1, 'practice', 'x',"
		" 'insert')",
		"INSERT INTO observation (kind, fact, subject, value, first_seen, last_seen)"
		" VALUES ('epraccur', 'practice', 'x', '[]', 'a', 'a')",
		"INSERT INTO release (kind, release_date, date_basis, digest)"
		" VALUES ('epraccur', '2020-01-01', 'file', 'x')",
		"INSERT INTO import (file_name, file_size, sha256, kind, mode, started_at, rows_read,"
		" inserted, updated, unchanged, skipped, rejected) VALUES ('x', 0, printf('%064d', 0), 'epraccur',"
		" 'strict', 'x', 0, 0, 0, 0, 0, 0)",
		"INSERT INTO other_organisation (code, name, status) VALUES ('Y00001', 'x', 'active')",
		"INSERT INTO commissioning_arrangement (commissioner, level, from_date)"
		" VALUES ('07L', 'joint', '2020-01-01')",
	};
	const char *path = tu_path("no-in-lists.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);
	size_t i;

	pcreg_db_close(db);
	/* Before v6, each IN list in a CHECK, a partial index's WHERE or a
	 * trigger cost a temporary B-tree on every single-row write. */
	for (i = 0; i < sizeof writes / sizeof writes[0]; i++)
		ck_assert_msg(ephemeral_tables(path, writes[i]) == 0, "%s", writes[i]);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                                  " WHERE sql GLOB '* IN (''*' OR sql GLOB '* IN ([0-9]*'"),
	                 0);

	/* The comparisons refuse what the lists refused, and let NULL pass. */
	tu_sql(path, FIXTURE_V1);
	ck_assert_int_eq(sql_rc(path, "UPDATE practice SET status = 'open'"), SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "INSERT INTO other_organisation (code, name, status)"
	                              " VALUES ('Y00001', 'x', NULL)"),
	                 SQLITE_OK);
	ck_assert_int_eq(sql_rc(path, "UPDATE other_organisation SET status = 'open'"),
	                 SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "INSERT INTO contract (practice, type, start_date)"
	                              " VALUES ('F82001', 'XMS', '2020-04-01')"),
	                 SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "INSERT INTO contract (federation, type, start_date)"
	                              " VALUES (NULL, 'GMS', '2020-04-01')"),
	                 SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "INSERT INTO contract (practice, type, start_date)"
	                              " VALUES ('F82001', 'GMS', '2020-04-01')"),
	                 SQLITE_OK);
	/* overlapping the open GMS contract: the trigger */
	ck_assert_int_eq(sql_rc(path, "INSERT INTO contract (practice, type, start_date)"
	                              " VALUES ('F82001', 'PMS', '2021-04-01')"),
	                 SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "UPDATE commissioner SET kind = 'pct'"), SQLITE_CONSTRAINT);
	ck_assert_int_eq(sql_rc(path, "UPDATE commissioner SET code = '07LX'"), SQLITE_CONSTRAINT);
}
END_TEST

START_TEST(test_v6_refuses_a_schema_edited_by_hand)
{
	const char *path = tu_path("edited.db");
	pcreg_db *db = open_at_version(path, 5);

	pcreg_db_close(db);
	/* The same constraint, spelt otherwise: v6 cannot know its text. */
	tu_sql(path, "PRAGMA writable_schema = ON;"
	             "UPDATE sqlite_schema SET sql = replace(sql, '''dormant'', ''proposed'')',"
	             " '''dormant'',''proposed'')') WHERE name = 'practice';"
	             "PRAGMA writable_schema = OFF;");
	db = NULL;
	tu_assert_status(db, pcreg_db_open(path, &(pcreg_open_options){ 1, PCREG_OPEN_MIGRATE, 0, 0 },
	                                   &db),
	                 PCREG_INVALID, "every_in_list_rewritten");
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "migration 6") != NULL, "%s",
	              pcreg_db_errmsg(db));
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), 5);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	                                  " WHERE sql GLOB '*status IN (''active''*'"),
	                 2);
}
END_TEST

/* v7's views are for people with the sqlite3 shell, who often open a
 * registry they may not write: the views must answer read-only, on a v6
 * file's rows as on a fresh one's. */
START_TEST(test_v7_views_answer_read_only)
{
	const char *path = tu_path("views.db");
	pcreg_db *db = open_at_version(path, 6);
	char *text;

	pcreg_db_close(db);
	tu_sql(path, FIXTURE_V1);
	db = tu_open(path, PCREG_OPEN_MIGRATE);
	pcreg_db_close(db);
	ck_assert_int_eq(tu_sql_int(path, "PRAGMA user_version"), 7);

	/* sql_text opens the file read-only. */
	text = sql_text(path, "SELECT printf('%s %s %s %s %s %s %d', code, commissioner,"
	                      " commissioner_name, commissioner_certainty, network, network_name,"
	                      " registered_patients) FROM practice_current");
	ck_assert_str_eq(text, "F82001 07L NHS Barking and Dagenham CCG stated U99001 Test PCN 1234");
	free(text);
	text = sql_text(path, "SELECT printf('%s %s %s %s %s %d', practice, commissioner, from_date,"
	                      " coalesce(to_date, 'open'), certainty, derived)"
	                      " FROM practice_commissioner_history");
	ck_assert_str_eq(text, "F82001 07L 2013-04-01 open stated 0");
	free(text);
	text = sql_text(path, "SELECT printf('%s %s %s %s %s', practice, network, network_name,"
	                      " network_kind, from_date) FROM network_membership_history");
	ck_assert_str_eq(text, "F82001 U99001 Test PCN pcn 2019-07-01");
	free(text);
	text = sql_text(path, "SELECT printf('%s %s %d', code, kind, practices_today)"
	                      " FROM commissioner_current");
	ck_assert_str_eq(text, "07L ccg 1");
	free(text);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM release_import"), 0);
}
END_TEST

static Suite *migrate_suite(void)
{
	Suite *s = suite_create("migrate");
	TCase *tc = tcase_create("migrate");

	tcase_add_test(tc, test_every_version_migrates_to_a_fresh_schema);
	tcase_add_test(tc, test_step_by_step);
	tcase_add_test(tc, test_failed_step_leaves_previous_version);
	tcase_add_test(tc, test_old_file_without_migrate_flag);
	tcase_add_test(tc, test_history_records_compiled_checksums);
	tcase_add_test(tc, test_single_row_writes_build_no_temporary_tables);
	tcase_add_test(tc, test_v6_refuses_a_schema_edited_by_hand);
	tcase_add_test(tc, test_v7_views_answer_read_only);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(migrate_suite());
}
