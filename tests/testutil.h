/*
 * testutil.h: helpers shared by the Check suites.
 */
#ifndef PCREG_TESTUTIL_H
#define PCREG_TESTUTIL_H

#include <check.h>
#include <stddef.h>

#include <pcreg/pcreg.h>

/* Install the counting allocator under SQLite (and so under libpcreg);
 * call first in main(), before anything touches SQLite. */
void tu_init(void);

/* Make the nth allocation from now fail (once); 0 turns failures off. */
void tu_fail_nth_allocation(long n);

/* Whether a failure has been injected since the last tu_fail_nth_allocation(). */
int tu_fault_injected(void);

/* Allocations made and not yet freed. */
long tu_live_allocations(void);

/* A sequence of calls for the out-of-memory loops: returns the first
 * failing status, or PCREG_OK; must release everything it made. */
typedef pcreg_status (*tu_scenario)(void *ctx);

/* Run a scenario with its 1st, 2nd, 3rd... allocation failing, until a run
 * sees no failure; every run must return PCREG_OK or PCREG_NOMEM and leak
 * nothing. Forks at each allocation, so each run shares the work before
 * its failure: for scenarios that touch no files (":memory:" only).
 * Returns the number of allocations tested. */
long tu_oom_forking(const char *name, tu_scenario scenario, void *ctx);

/* As tu_oom_forking(), with a setup run before each run of the scenario
 * and outside the failures: the scenario then tests only its own calls
 * (and must free what setup made, e.g. close the registry). */
long tu_oom_forking_after(const char *name, tu_scenario setup, tu_scenario scenario, void *ctx);

/* The same by rerunning the scenario from the start for each N: slower,
 * but safe for registries in files, which cannot cross a fork. */
long tu_oom_restarting(const char *name, tu_scenario scenario, void *ctx);

/* The restarting loop with a setup before each run, outside the failures
 * (for scenarios that read or write files). */
long tu_oom_restarting_after(const char *name, tu_scenario setup, tu_scenario scenario,
                             void *ctx);

/* A path inside this run's private temporary directory (removed at exit).
 * The result is valid until the eighth call after this one. */
const char *tu_path(const char *name);

/* Run SQL on a registry file directly through SQLite; fails the test if
 * SQLite refuses it. */
void tu_sql(const char *path, const char *sql);

/* Read an integer with SQL directly through SQLite. */
long long tu_sql_int(const char *path, const char *sql);

/* The plan SQLite chooses for a statement on a registry file: the detail
 * lines of EXPLAIN QUERY PLAN joined by "; " ("SEARCH contract USING
 * INDEX ..."). Valid until the next call. */
const char *tu_sql_plan(const char *path, const char *sql);

/* Everything a registry file holds, as text to compare: its schema
 * (every object's type, name and SQL), then every table that is not
 * SQLite's own, by name, each row's values in column order, rows sorted by
 * every column. Read through SQLite directly, on a connection of its own.
 * A new string; free with free(). */
char *tu_sql_dump(const char *path);

/* The SHA-256 of a file's bytes, or of nothing if it cannot be read, as
 * hex into out[65]. */
void tu_file_sha256(const char *path, char out[65]);

/* Write bytes to a file, replacing it. */
void tu_write_file(const char *path, const void *data, size_t size);

/* Open a registry with the given flags; the test fails unless it opens. */
pcreg_db *tu_open(const char *path, int flags);

/* Assert that a call failed with @p expected and that the handle's
 * message contains @p fragment. */
#define tu_assert_status(db, got, expected, fragment)                                        \
	do {                                                                                 \
		pcreg_status tu_got_ = (got);                                                \
		ck_assert_msg(tu_got_ == (expected), "status %d (%s), expected %d (%s): %s", \
		              tu_got_, pcreg_status_str(tu_got_), (expected),                \
		              pcreg_status_str(expected), pcreg_db_errmsg(db));              \
		ck_assert_msg(strstr(pcreg_db_errmsg(db), (fragment)) != NULL,               \
		              "message \"%s\" lacks \"%s\"", pcreg_db_errmsg(db), (fragment)); \
	} while (0)

/* Watching the statements the library runs (its SQL is private): after
 * tu_watch_statements(), call tu_watch("FROM succession ") before a call;
 * then the last statement whose text contains that, how many did, and
 * its plan. */
void tu_watch_statements(void);
void tu_watch(const char *fragment);
int tu_watched_count(void);
const char *tu_watched_sql(void);
const char *tu_watched_plan(void);

/* Report rows as the seed papers print them, for comparing with their
 * text. Each returns a static buffer (tu_percent() has four, so that one
 * call may use several); copy what must outlive the next call. */
const char *tu_percent(int32_t hundredths); /* 7895 -> "78.95%" */
/* "CODE[ NAME] practices published % inadequate % RI % good %"; the
 * totals row begins "Total". */
const char *tu_cqc_line(const pcreg_cqc_row *row, int with_name);
/* "CODE pms/all £N.NNm [-]£min / £max", millions without a trailing zero. */
const char *tu_pms_line(const pcreg_pms_row *row);
/* "REGION NAME delegated joint greater", or "Total d j g". */
const char *tu_commissioning_line(const pcreg_commissioning_row *row);

/* Rows added through the API; the test fails unless each goes in. A
 * commissioner is a CCG, a practice active, a network a PCN. */
void tu_add_commissioner(pcreg_db *db, const char *code, const char *name);
void tu_add_practice(pcreg_db *db, const char *code, const char *name);
void tu_add_network(pcreg_db *db, const char *code, const char *name, const char *commissioner);

/* What the bad files in tests/data/bad refer to: commissioner 99F,
 * practices F81001 and F81002, PCN U99001 in 99F. */
void tu_add_reference_data(pcreg_db *db);

/* The folder of real national files: $PCREG_SHARED_DATA, or
 * ../shared/data beside the project. */
const char *tu_shared_data(void);

/* The path of a file in tu_shared_data(); the test fails, naming the
 * file, unless it can be read. Valid until the eighth call after this one. */
const char *tu_shared_data_file(const char *name);

/* A new test case for tests that read tu_shared_data(), tagged
 * TU_SHARED_DATA_TAG: ctest runs such cases as a test of their own
 * (tests/CMakeLists.txt), which tu_run() reports as skipped when the
 * folder is absent. */
#define TU_SHARED_DATA_TAG "shared_data"
TCase *tu_shared_data_tcase(const char *name);

/* Run a suite; returns the process exit status: 0 when every test
 * passed, TU_SKIPPED when CK_INCLUDE_TAGS asks for the shared_data
 * cases and tu_shared_data() is absent, EXIT_FAILURE otherwise. Run by
 * hand without tags and without the folder, the shared_data cases are
 * left out, saying so (TU_SKIPPED if nothing else ran). */
#define TU_SKIPPED 77
int tu_run(Suite *suite);

#endif
