/*
 * testutil.c: the counting, failing allocator and file helpers.
 */
#include "testutil.h"

#include <ftw.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static sqlite3_mem_methods system_methods;
static long fail_countdown;
static int injected;
static long live;

/* Forking mode (tu_oom_forking): at every allocation the process forks;
 * the child sees that allocation fail and finishes the scenario, the
 * parent waits for its verdict and carries on as if nothing happened. */
static int forking;
static int in_child;
static long fork_index;
static long child_failures;

/* PCREG_OOM_STRIDE=k fails every k-th allocation only. The sanitizer
 * build uses it: there every fork copies a much larger process, and the
 * complete sweep (with exact leak counts) runs in the ordinary build. */
static long stride(void)
{
	const char *s = getenv("PCREG_OOM_STRIDE");
	long k = s ? atol(s) : 1;

	return k > 0 ? k : 1;
}

static int fail_here(void)
{
	if (forking && !in_child) {
		pid_t pid;
		int status;

		if (++fork_index % stride() != 0)
			return 0;
		fflush(NULL);
		pid = fork();
		if (pid == 0) {
			in_child = 1;
			injected = 1;
			alarm(60);
			return 1;
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0) {
			if (child_failures++ == 0 && pid > 0 && WIFSIGNALED(status))
				fprintf(stderr, "allocation %ld failed: child killed by signal %d\n",
				        fork_index, WTERMSIG(status));
		}
		return 0;
	}
	if (fail_countdown > 0 && --fail_countdown == 0) {
		injected = 1;
		return 1;
	}
	return 0;
}

static void *counting_malloc(int size)
{
	void *p;

	if (fail_here())
		return NULL;
	p = system_methods.xMalloc(size);
	if (p)
		live++;
	return p;
}

static void counting_free(void *p)
{
	if (p)
		live--;
	system_methods.xFree(p);
}

static void *counting_realloc(void *p, int size)
{
	if (fail_here())
		return NULL;
	return system_methods.xRealloc(p, size);
}

void tu_init(void)
{
	sqlite3_mem_methods methods;

	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &system_methods) != SQLITE_OK) {
		fprintf(stderr, "testutil: cannot read SQLite's allocator\n");
		exit(2);
	}
	methods = system_methods;
	methods.xMalloc = counting_malloc;
	methods.xFree = counting_free;
	methods.xRealloc = counting_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) {
		fprintf(stderr, "testutil: cannot install the counting allocator\n");
		exit(2);
	}
}

void tu_fail_nth_allocation(long n)
{
	fail_countdown = n;
	injected = 0;
}

int tu_fault_injected(void)
{
	return injected;
}

long tu_live_allocations(void)
{
	return live;
}

static char tmpdir[64];

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_tmpdir(void)
{
	if (tmpdir[0] && !getenv("PCREG_TEST_KEEP"))
		nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *tu_path(const char *name)
{
	static char paths[8][512];
	static int next;
	char *path = paths[next++ % 8];

	if (!tmpdir[0]) {
		strcpy(tmpdir, "/tmp/pcreg-test-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(2);
		}
		atexit(remove_tmpdir);
	}
	snprintf(path, sizeof paths[0], "%s/%s", tmpdir, name);
	return path;
}

void tu_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *err = NULL;
	int rc = sqlite3_open(path, &db);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s: %s", path, sql, err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	sqlite3_close(db);
}

long long tu_sql_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	long long value = -1;
	int rc = sqlite3_open(path, &db);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s: %s", path, sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		value = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return value;
}

const char *tu_sql_plan(const char *path, const char *sql)
{
	static char plan[2048];
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	int rc = sqlite3_open(path, &db);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, explain, -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s: %s", path, sql, sqlite3_errmsg(db));
	plan[0] = '\0';
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		size_t len = strlen(plan);

		snprintf(plan + len, sizeof plan - len, "%s%s", len ? "; " : "",
		         (const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	sqlite3_free(explain);
	return plan;
}

struct dump {
	char *text;
	size_t len, cap;
};

static void dump_add(struct dump *d, const void *data, size_t n)
{
	if (d->len + n + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 4096;

		while (cap < d->len + n + 1)
			cap *= 2;
		d->text = realloc(d->text, cap);
		ck_assert_msg(d->text != NULL, "out of memory");
		d->cap = cap;
	}
	memcpy(d->text + d->len, data, n);
	d->len += n;
	d->text[d->len] = '\0';
}

static void dump_str(struct dump *d, const char *s)
{
	dump_add(d, s, strlen(s));
}

/* One value, typed: NULL, 12, 1.5, 'text', x'0a1b'. */
static void dump_value(struct dump *d, sqlite3_stmt *stmt, int col)
{
	char buf[64];
	int i, n;

	switch (sqlite3_column_type(stmt, col)) {
	case SQLITE_NULL:
		dump_str(d, "NULL");
		break;
	case SQLITE_INTEGER:
		snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(stmt, col));
		dump_str(d, buf);
		break;
	case SQLITE_FLOAT:
		snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, col));
		dump_str(d, buf);
		break;
	case SQLITE_TEXT:
		dump_str(d, "'");
		dump_add(d, sqlite3_column_text(stmt, col), (size_t)sqlite3_column_bytes(stmt, col));
		dump_str(d, "'");
		break;
	default: {
		const unsigned char *blob = sqlite3_column_blob(stmt, col);

		n = sqlite3_column_bytes(stmt, col);
		dump_str(d, "x'");
		for (i = 0; i < n; i++) {
			snprintf(buf, sizeof buf, "%02x", blob[i]);
			dump_str(d, buf);
		}
		dump_str(d, "'");
	}
	}
}

/* Every row of a query, one a line. */
static void dump_rows(struct dump *d, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	int i;

	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(stmt); i++) {
			if (i)
				dump_str(d, "|");
			dump_value(d, stmt, i);
		}
		dump_str(d, "\n");
	}
	ck_assert_msg(rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
}

char *tu_sql_dump(const char *path)
{
	struct dump d = { NULL, 0, 0 };
	sqlite3 *db = NULL;
	sqlite3_stmt *tables = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);

	ck_assert_msg(rc == SQLITE_OK, "%s: %s", path, sqlite3_errmsg(db));
	dump_str(&d, "-- schema\n");
	dump_rows(&d, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
	rc = sqlite3_prepare_v2(db,
	                        "SELECT name FROM sqlite_schema WHERE type = 'table'"
	                        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
	                        -1, &tables, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s", sqlite3_errmsg(db));
	while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		sqlite3_stmt *probe = NULL;
		char *sql, *order;
		int i, n;

		/* Names come from the schema: quote them as identifiers. */
		sql = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
		ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &probe, NULL) == SQLITE_OK, "%s: %s", sql,
		              sqlite3_errmsg(db));
		n = sqlite3_column_count(probe);
		sqlite3_finalize(probe);
		order = sqlite3_mprintf("%s ORDER BY 1", sql);
		for (i = 2; i <= n; i++) {
			char *longer = sqlite3_mprintf("%s, %d", order, i);

			sqlite3_free(order);
			order = longer;
		}
		dump_str(&d, "-- table ");
		dump_str(&d, name);
		dump_str(&d, "\n");
		dump_rows(&d, db, order);
		sqlite3_free(order);
		sqlite3_free(sql);
	}
	ck_assert_msg(rc == SQLITE_DONE, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return d.text;
}

void tu_file_sha256(const char *path, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	unsigned char buf[65536];
	size_t n, i;
	FILE *f = fopen(path, "rb");

	sha256_init(&ctx);
	if (f) {
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sha256_update(&ctx, n, buf);
		fclose(f);
	}
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++)
		sprintf(out + 2 * i, "%02x", digest[i]);
}

void tu_write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert(fwrite(data, 1, size, f) == size);
	fclose(f);
}

pcreg_db *tu_open(const char *path, int flags)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_status st;

	opts.flags = flags;
	st = pcreg_db_open(path, &opts, &db);
	ck_assert_msg(st == PCREG_OK, "opening %s: %s", path, pcreg_db_errmsg(db));
	return db;
}

const char *tu_shared_data(void)
{
	const char *env = getenv("PCREG_SHARED_DATA");

	return env && *env ? env : PCREG_SOURCE_DIR "/../shared/data";
}

const char *tu_shared_data_file(const char *name)
{
	static char paths[8][1024];
	static int next;
	char *path = paths[next++ % 8];

	snprintf(path, sizeof paths[0], "%s/%s", tu_shared_data(), name);
	ck_assert_msg(access(path, R_OK) == 0, "%s is missing from %s", name, tu_shared_data());
	return path;
}

/* Whether the suite being built has shared_data cases. */
static int has_shared_data_cases;

TCase *tu_shared_data_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_set_tags(tc, TU_SHARED_DATA_TAG);
	has_shared_data_cases = 1;
	return tc;
}

/* Whether a space-separated list of Check tags (from the environment)
 * holds the shared_data tag. */
static int lists_shared_data_tag(const char *tags)
{
	size_t n = strlen(TU_SHARED_DATA_TAG);

	while (tags && *tags) {
		tags += strspn(tags, " ");
		if (strncmp(tags, TU_SHARED_DATA_TAG, n) == 0 && (tags[n] == ' ' || tags[n] == '\0'))
			return 1;
		tags += strcspn(tags, " ");
	}
	return 0;
}

int tu_run(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	const char *include = getenv("CK_INCLUDE_TAGS");
	const char *exclude = getenv("CK_EXCLUDE_TAGS");
	int asked = lists_shared_data_tag(include);
	struct stat st;
	char tags[1024];
	int failed, run;

	if (!has_shared_data_cases || lists_shared_data_tag(exclude) ||
	    (include && *include && !asked) ||
	    (stat(tu_shared_data(), &st) == 0 && S_ISDIR(st.st_mode))) {
		srunner_run_all(runner, CK_NORMAL);
		failed = srunner_ntests_failed(runner);
		srunner_free(runner);
		return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
	}
	if (asked) {
		/* As ctest's shared_data tests ask: without the folder that is
		 * a skip, not a pass. A file missing from a folder that is
		 * there fails instead (tu_shared_data_file()). */
		printf("skipped: no ../shared/data at %s\n", tu_shared_data());
		srunner_free(runner);
		return TU_SKIPPED;
	}
	/* Run by hand, with no tags: the rest of the suite still runs. */
	printf("no ../shared/data at %s: the cases tagged " TU_SHARED_DATA_TAG " are not run\n",
	       tu_shared_data());
	snprintf(tags, sizeof tags, "%s " TU_SHARED_DATA_TAG, exclude ? exclude : "");
	srunner_run_tagged(runner, NULL, NULL, NULL, tags, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	run = srunner_ntests_run(runner);
	srunner_free(runner);
	if (failed == 0 && run == 0)
		return TU_SKIPPED;
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int acceptable(pcreg_status st)
{
	return st == PCREG_OK || st == PCREG_NOMEM;
}

static pcreg_status no_setup(void *ctx)
{
	(void)ctx;
	return PCREG_OK;
}

long tu_oom_forking_after(const char *name, tu_scenario setup, tu_scenario scenario, void *ctx)
{
	pcreg_status st;
	long baseline;

	ck_assert_msg(setup(ctx) == PCREG_OK, "%s: setup fails", name);
	st = scenario(ctx);
	ck_assert_msg(st == PCREG_OK, "%s: fails without any injected failure: %s", name,
	              pcreg_status_str(st));
	/* The first run made SQLite's lazily built globals; count from here. */
	baseline = live;
	ck_assert_msg(setup(ctx) == PCREG_OK, "%s: setup fails", name);
	fork_index = 0;
	child_failures = 0;
	forking = 1;
	st = scenario(ctx);
	forking = 0;
	if (in_child) {
		/* Children inherit the count of earlier failures: only the
		 * first few say why, so one bug does not print thousands. */
		int quiet = child_failures >= 5;

		if (!acceptable(st)) {
			if (quiet)
				_exit(1);
			fprintf(stderr, "%s: allocation %ld failed and the scenario returned %d (%s)\n",
			        name, fork_index, st, pcreg_status_str(st));
			_exit(1);
		}
		if (live != baseline) {
			if (quiet)
				_exit(2);
			fprintf(stderr, "%s: allocation %ld failed and %ld allocations leaked\n", name,
			        fork_index, live - baseline);
			_exit(2);
		}
		_exit(0);
	}
	ck_assert_msg(st == PCREG_OK, "%s: fails without any injected failure: %s", name,
	              pcreg_status_str(st));
	ck_assert_msg(live == baseline, "%s: leaks %ld allocations", name, live - baseline);
	ck_assert_msg(child_failures == 0, "%s: %ld of %ld failed allocations were mishandled",
	              name, child_failures, fork_index);
	ck_assert_msg(fork_index > 10, "%s: only %ld allocations; is the allocator hooked?", name,
	              fork_index);
	return fork_index;
}

long tu_oom_forking(const char *name, tu_scenario scenario, void *ctx)
{
	return tu_oom_forking_after(name, no_setup, scenario, ctx);
}

long tu_oom_restarting_after(const char *name, tu_scenario setup, tu_scenario scenario,
                             void *ctx)
{
	pcreg_status st;
	long baseline, n;

	ck_assert_msg(setup(ctx) == PCREG_OK, "%s: setup fails", name);
	st = scenario(ctx);
	ck_assert_msg(st == PCREG_OK, "%s: fails without any injected failure: %s", name,
	              pcreg_status_str(st));
	baseline = live;
	for (n = 1;; n += stride()) {
		int hit;

		ck_assert_msg(setup(ctx) == PCREG_OK, "%s: setup fails", name);
		tu_fail_nth_allocation(n);
		st = scenario(ctx);
		hit = tu_fault_injected();
		tu_fail_nth_allocation(0);
		ck_assert_msg(acceptable(st), "%s: allocation %ld failed and the scenario returned %d (%s)",
		              name, n, st, pcreg_status_str(st));
		ck_assert_msg(live == baseline, "%s: allocation %ld failed and %ld allocations leaked",
		              name, n, live - baseline);
		if (!hit)
			break;
	}
	ck_assert_msg(n > 10, "%s: only %ld allocations; is the allocator hooked?", name, n);
	return n - 1;
}

long tu_oom_restarting(const char *name, tu_scenario scenario, void *ctx)
{
	return tu_oom_restarting_after(name, no_setup, scenario, ctx);
}

/* ---- watching statements -------------------------------------------------------- */

static const char *watched_table;
static sqlite3 *watched_db;
static char watched_sql[2048];
static int watched_count;

static int on_statement(unsigned type, void *ctx, void *p, void *x)
{
	sqlite3_stmt *stmt = p;
	const char *sql = sqlite3_sql(stmt);

	(void)ctx;
	(void)x;
	if (type != SQLITE_TRACE_STMT || !watched_table || !sql)
		return 0;
	if (strstr(sql, watched_table)) {
		watched_db = sqlite3_db_handle(stmt);
		snprintf(watched_sql, sizeof watched_sql, "%s", sql);
		watched_count++;
	}
	return 0;
}

/* Every connection the process opens from now on gets the trace hook. */
static int hook_connection(sqlite3 *conn, char **err, const sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	sqlite3_trace_v2(conn, SQLITE_TRACE_STMT, on_statement, NULL);
	return SQLITE_OK;
}

void tu_watch_statements(void)
{
	sqlite3_auto_extension((void (*)(void))hook_connection);
}

void tu_watch(const char *table)
{
	watched_table = table;
	watched_db = NULL;
	watched_sql[0] = '\0';
	watched_count = 0;
}

int tu_watched_count(void)
{
	return watched_count;
}

const char *tu_watched_sql(void)
{
	return watched_sql;
}

const char *tu_watched_plan(void)
{
	static char plan[2048];
	char explain[2100];
	sqlite3_stmt *stmt = NULL;
	const char *table = watched_table;

	ck_assert_msg(watched_db != NULL, "no statement with \"%s\" ran", table ? table : "?");
	watched_table = NULL; /* do not watch ourselves */
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", watched_sql);
	ck_assert_int_eq(sqlite3_prepare_v2(watched_db, explain, -1, &stmt, NULL), SQLITE_OK);
	plan[0] = '\0';
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		size_t len = strlen(plan);

		snprintf(plan + len, sizeof plan - len, "%s%s", len ? "; " : "",
		         (const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	return plan;
}

/* ---- report rows as the papers print them ------------------------------------------- */

const char *tu_percent(int32_t hundredths)
{
	static char buf[4][16];
	static int next;
	char *out = buf[next++ % 4];

	snprintf(out, 16, "%s%d.%02d%%", hundredths < 0 ? "-" : "", abs(hundredths) / 100,
	         abs(hundredths) % 100);
	return out;
}

const char *tu_cqc_line(const pcreg_cqc_row *r, int with_name)
{
	static char line[256];
	char who[128];

	if (pcreg_cqc_row_is_total(r))
		snprintf(who, sizeof who, "Total");
	else if (with_name)
		snprintf(who, sizeof who, "%s %s", pcreg_cqc_row_commissioner(r), pcreg_cqc_row_name(r));
	else
		snprintf(who, sizeof who, "%s", pcreg_cqc_row_commissioner(r));
	snprintf(line, sizeof line, "%s %lld %lld %s %lld %s %lld %s %lld %s", who,
	         (long long)pcreg_cqc_row_practices(r), (long long)pcreg_cqc_row_published(r),
	         tu_percent(pcreg_cqc_row_published_share(r)), (long long)pcreg_cqc_row_inadequate(r),
	         tu_percent(pcreg_cqc_row_inadequate_share(r)),
	         (long long)pcreg_cqc_row_requires_improvement(r),
	         tu_percent(pcreg_cqc_row_requires_improvement_share(r)),
	         (long long)pcreg_cqc_row_good(r), tu_percent(pcreg_cqc_row_good_share(r)));
	return line;
}

const char *tu_pms_line(const pcreg_pms_row *r)
{
	static char line[128];
	char total[32];
	/* In hundredths of a million pounds: 1,000,000 pence each. */
	int64_t millions_x100 = pcreg_pms_row_total_premium(r) / 1000000;
	int64_t min = pcreg_pms_row_min_premium(r), max = pcreg_pms_row_max_premium(r);

	if (millions_x100 % 10 == 0)
		snprintf(total, sizeof total, "£%lld.%lldm", (long long)(millions_x100 / 100),
		         (long long)(millions_x100 % 100 / 10));
	else
		snprintf(total, sizeof total, "£%lld.%02lldm", (long long)(millions_x100 / 100),
		         (long long)(millions_x100 % 100));
	snprintf(line, sizeof line, "%s %lld/%lld %s %s£%lld.%02lld / £%lld.%02lld",
	         pcreg_pms_row_commissioner(r), (long long)pcreg_pms_row_pms_practices(r),
	         (long long)pcreg_pms_row_practices(r), total, min < 0 ? "-" : "",
	         (long long)(llabs(min) / 100), (long long)(llabs(min) % 100),
	         (long long)(max / 100), (long long)(max % 100));
	return line;
}

const char *tu_commissioning_line(const pcreg_commissioning_row *r)
{
	static char line[128];

	if (pcreg_commissioning_row_is_total(r))
		snprintf(line, sizeof line, "Total %lld %lld %lld",
		         (long long)pcreg_commissioning_row_delegated(r),
		         (long long)pcreg_commissioning_row_joint(r),
		         (long long)pcreg_commissioning_row_greater_involvement(r));
	else
		snprintf(line, sizeof line, "%s %s %lld %lld %lld", pcreg_commissioning_row_region(r),
		         pcreg_commissioning_row_region_name(r),
		         (long long)pcreg_commissioning_row_delegated(r),
		         (long long)pcreg_commissioning_row_joint(r),
		         (long long)pcreg_commissioning_row_greater_involvement(r));
	return line;
}

void tu_add_commissioner(pcreg_db *db, const char *code, const char *name)
{
	pcreg_commissioner *c = NULL;

	ck_assert_int_eq(pcreg_commissioner_new(&c), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_code(c, code), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_kind(c, PCREG_COMMISSIONER_CCG), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_name(c, name), PCREG_OK);
	ck_assert_msg(pcreg_commissioner_insert(db, c) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_commissioner_free(c);
}

void tu_add_practice(pcreg_db *db, const char *code, const char *name)
{
	pcreg_practice *p = NULL;

	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_code(p, code), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_name(p, name), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE), PCREG_OK);
	ck_assert_msg(pcreg_practice_insert(db, p) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_practice_free(p);
}

void tu_add_network(pcreg_db *db, const char *code, const char *name, const char *commissioner)
{
	pcreg_network *n = NULL;

	ck_assert_int_eq(pcreg_network_new(&n), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_code(n, code), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_kind(n, PCREG_NETWORK_PCN), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_name(n, name), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_commissioner(n, commissioner), PCREG_OK);
	ck_assert_msg(pcreg_network_insert(db, n) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_network_free(n);
}

void tu_add_reference_data(pcreg_db *db)
{
	tu_add_commissioner(db, "99F", "NHS Fictional Vale CCG");
	tu_add_practice(db, "F81001", "Fictional Meadow Surgery");
	tu_add_practice(db, "F81002", "Imaginary Lane Practice");
	tu_add_network(db, "U99001", "Fictional Central PCN", "99F");
}
