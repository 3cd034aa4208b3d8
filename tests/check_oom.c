/*
 * check_oom.c: every API family under allocation failure.
 *
 * Each scenario runs with its 1st, 2nd, 3rd... allocation failing until a
 * run sees no failure. Every run must return success or PCREG_NOMEM (never
 * crash, never another status) and give back every allocation it made.
 * Later API families add their scenario here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define TRY(call)                              \
	do {                                   \
		pcreg_status try_st_ = (call); \
		if (try_st_ < 0) {             \
			st = try_st_;          \
			goto out;              \
		}                              \
	} while (0)

/* PCREG_OOM_VERBOSE=1 shows how long each scenario's loop takes. */
static void run(const char *name, long (*loop)(const char *, tu_scenario, void *),
                tu_scenario scenario, void *ctx)
{
	struct timespec start, end;
	long allocations;

	clock_gettime(CLOCK_MONOTONIC, &start);
	allocations = loop(name, scenario, ctx);
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "%s: %ld allocations failed in turn, %.1f s\n", name, allocations,
		        (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
}

static pcreg_status open_with(const char *path, int flags, int version, pcreg_db **db)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	opts.flags = flags;
	opts.schema_version = version;
	return pcreg_db_open(path, &opts, db);
}

/* Create at version 1 and migrate the rest of the way, in memory. */
static pcreg_status create_and_migrate(void *ctx)
{
	pcreg_db *db = NULL;
	pcreg_status st = PCREG_OK;
	int version;

	(void)ctx;
	TRY(open_with(":memory:", PCREG_OPEN_CREATE, 1, &db));
	TRY(pcreg_db_needs_migration(db));
	TRY(pcreg_db_migrate(db, 0));
	TRY(pcreg_schema_version(db, &version));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_commit(db));
out:
	pcreg_db_close(db);
	return st;
}

/* An existing registry file: open read-write and read-only, transact. */
static pcreg_status reopen_file(void *ctx)
{
	const char *path = ctx;
	pcreg_db *db = NULL;
	pcreg_status st = PCREG_OK;
	int version;

	TRY(open_with(path, 0, 0, &db));
	TRY(pcreg_schema_version(db, &version));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_commit(db));
	pcreg_db_close(db);
	db = NULL;
	TRY(open_with(path, PCREG_OPEN_READONLY, 0, &db));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_rollback(db));
out:
	pcreg_db_close(db);
	return st;
}

START_TEST(test_create_and_migrate)
{
	run("create and migrate", tu_oom_forking, create_and_migrate, NULL);
}
END_TEST

START_TEST(test_reopen_file)
{
	char path[512];
	pcreg_db *db = NULL;

	snprintf(path, sizeof path, "%s", tu_path("oom.db"));
	ck_assert_int_eq(open_with(path, PCREG_OPEN_CREATE, 0, &db), PCREG_OK);
	pcreg_db_close(db);
	run("reopen a file", tu_oom_restarting, reopen_file, path);
}
END_TEST

static Suite *oom_suite(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("oom");

	/* Thousands of runs; generous under the sanitizers. */
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_create_and_migrate);
	tcase_add_test(tc, test_reopen_file);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(oom_suite());
}
