/*
 * bench_lookup: what the typed API costs over SQLite itself.
 *
 * Builds (once) a registry of N practices, each with five commissioner
 * membership periods, then times:
 *   - pcreg_practice_get() against a reused raw sqlite3_stmt doing the same
 *     look-up and reading the same columns, inside one read transaction and
 *     with each look-up its own transaction;
 *   - pcreg_membership_on() ("which commissioner on this date?").
 * Targets (issue 3): get at most 1.3x the raw statement both ways; as-of
 * under 20 microseconds at 1,000,000 practices.
 *
 * usage: bench_lookup [--practices N] [--lookups M] [--db FILE]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include <pcreg/pcreg.h>

#define COMMISSIONERS 200

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "bench_lookup: %s: %s\n", what, detail);
	exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		die(sql, err ? err : "?");
}

static void code_of(long i, char out[7])
{
	snprintf(out, 7, "%c%05ld", (char)('A' + i / 100000), i % 100000);
}

/* Rows made by SQL from a counter: quick to build, shaped like the real
 * thing (practice codes, five periods each, the last open-ended). */
static void build(const char *path, long practices)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	sqlite3 *raw = NULL;
	sqlite3_stmt *stmt;
	char sql[1024];
	double t0 = now();

	opts.flags = PCREG_OPEN_CREATE;
	if (pcreg_db_open(path, &opts, &db) != PCREG_OK)
		die(path, pcreg_db_errmsg(db));
	pcreg_db_close(db);
	if (sqlite3_open(path, &raw) != SQLITE_OK)
		die(path, sqlite3_errmsg(raw));
	exec(raw, "PRAGMA foreign_keys = ON; BEGIN");
	snprintf(sql, sizeof sql,
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
	         " INSERT INTO commissioner (code, kind, name, region)"
	         " SELECT printf('%%02d', i %% 100) || char(65 + i / 100), 'ccg',"
	         " 'NHS Bench CCG ' || i, 'Y56' FROM n",
	         COMMISSIONERS - 1);
	exec(raw, sql);
	if (sqlite3_prepare_v2(raw,
	                       "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
	                       " WHERE i < ?1 - 1)"
	                       " INSERT INTO practice (code, name, address1, address2, postcode,"
	                       " status, prescribing_setting, open_date, phone)"
	                       " SELECT char(65 + i / 100000) || printf('%05d', i % 100000),"
	                       " 'BENCH SURGERY ' || i, i || ' EXAMPLE STREET', 'BENCHTOWN',"
	                       " 'ZZ' || (i % 90 + 10) || ' ' || (i % 9) || 'AA', 'active', 4,"
	                       " '1990-01-01', '01000 000000' FROM n",
	                       -1, &stmt, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(raw));
	sqlite3_bind_int64(stmt, 1, practices);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		die("practices", sqlite3_errmsg(raw));
	sqlite3_finalize(stmt);
	snprintf(sql, sizeof sql,
	         "INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date)"
	         " SELECT p.code, printf('%%02d', (p.id + k.k) %% %d %% 100)"
	         "  || char(65 + (p.id + k.k) %% %d / 100),"
	         " printf('%%04d-01-01', 2000 + 4 * k.k),"
	         " CASE WHEN k.k < 4 THEN printf('%%04d-12-31', 2003 + 4 * k.k) END"
	         " FROM practice p, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2"
	         "  UNION ALL SELECT 3 UNION ALL SELECT 4) k ORDER BY p.code, k.k",
	         COMMISSIONERS, COMMISSIONERS);
	exec(raw, sql);
	exec(raw, "COMMIT; ANALYZE");
	sqlite3_close(raw);
	fprintf(stderr, "built %s: %ld practices, %ld periods in %.1f s\n", path, practices,
	        practices * 5, now() - t0);
}

static const char RAW_GET[] =
	"SELECT p.code, p.name, p.address1, p.address2, p.address3, p.address4, p.address5,"
	" p.postcode, p.status, p.prescribing_setting, p.open_date, p.close_date, p.phone"
	" FROM practice p WHERE p.code = ?1";

static const char RAW_ON[] =
	"SELECT practice, from_date, commissioner, to_date FROM practice_commissioner"
	" WHERE practice = ?1 AND from_date <= ?2 ORDER BY from_date DESC LIMIT 1";

static volatile size_t sink;

static double time_api_get(pcreg_db *db, char (*codes)[7], long n, int in_txn)
{
	double t0;
	long i;

	if (in_txn && pcreg_db_begin(db) != PCREG_OK)
		die("begin", pcreg_db_errmsg(db));
	t0 = now();
	for (i = 0; i < n; i++) {
		pcreg_practice *p = NULL;

		if (pcreg_practice_get(db, codes[i], &p) != PCREG_OK)
			die("pcreg_practice_get", pcreg_db_errmsg(db));
		sink += strlen(pcreg_practice_name(p)) + strlen(pcreg_practice_postcode(p));
		pcreg_practice_free(p);
	}
	t0 = now() - t0;
	if (in_txn)
		pcreg_db_commit(db);
	return t0 / (double)n * 1e6;
}

static double time_raw_get(sqlite3 *raw, sqlite3_stmt *stmt, char (*codes)[7], long n,
                           int in_txn)
{
	double t0;
	long i;
	int c;

	if (in_txn)
		exec(raw, "BEGIN");
	t0 = now();
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(stmt, 1, codes[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_ROW)
			die("raw get", codes[i]);
		/* Read every column, as the API does. */
		for (c = 0; c < 13; c++)
			if (sqlite3_column_type(stmt, c) == SQLITE_TEXT)
				sink += (size_t)sqlite3_column_bytes(stmt, c) +
				        (size_t)(sqlite3_column_text(stmt, c)[0] != 0);
		sqlite3_reset(stmt);
	}
	t0 = now() - t0;
	if (in_txn)
		exec(raw, "COMMIT");
	return t0 / (double)n * 1e6;
}

static double time_api_on(pcreg_db *db, char (*codes)[7], char (*dates)[11], long n, int in_txn)
{
	double t0;
	long i;

	if (in_txn && pcreg_db_begin(db) != PCREG_OK)
		die("begin", pcreg_db_errmsg(db));
	t0 = now();
	for (i = 0; i < n; i++) {
		pcreg_membership *m = NULL;

		if (pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, codes[i], dates[i], &m) !=
		    PCREG_OK)
			die("pcreg_membership_on", pcreg_db_errmsg(db));
		sink += strlen(pcreg_membership_organisation(m));
		pcreg_membership_free(m);
	}
	t0 = now() - t0;
	if (in_txn)
		pcreg_db_commit(db);
	return t0 / (double)n * 1e6;
}

static double time_raw_on(sqlite3 *raw, sqlite3_stmt *stmt, char (*codes)[7], char (*dates)[11],
                          long n, int in_txn)
{
	double t0;
	long i;

	if (in_txn)
		exec(raw, "BEGIN");
	t0 = now();
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(stmt, 1, codes[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, dates[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_ROW)
			die("raw on", codes[i]);
		sink += (size_t)sqlite3_column_bytes(stmt, 2);
		sqlite3_reset(stmt);
	}
	t0 = now() - t0;
	if (in_txn)
		exec(raw, "COMMIT");
	return t0 / (double)n * 1e6;
}

static double median3(double a, double b, double c)
{
	if (a > b) {
		double t = a;

		a = b;
		b = t;
	}
	return c < a ? a : c > b ? b : c;
}

int main(int argc, char **argv)
{
	long practices = 1000000, lookups = 200000, i;
	const char *path = "bench-lookup.db";
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	sqlite3 *raw = NULL;
	sqlite3_stmt *get = NULL, *on = NULL;
	char (*codes)[7];
	char (*dates)[11];
	uint64_t seed = 0x2545F4914F6CDD1Dull;
	double api[2], rawt[2], api_on[2], raw_on[2];
	int in_txn, failed = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--practices") == 0 && i + 1 < argc)
			practices = atol(argv[++i]);
		else if (strcmp(argv[i], "--lookups") == 0 && i + 1 < argc)
			lookups = atol(argv[++i]);
		else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			path = argv[++i];
		else
			die("usage", "bench_lookup [--practices N] [--lookups M] [--db FILE]");
	}
	if (practices < 1 || practices > 2600000 || lookups < 1)
		die("usage", "1 <= practices <= 2600000, lookups >= 1");
	if (access(path, F_OK) != 0)
		build(path, practices);

	codes = malloc((size_t)lookups * sizeof *codes);
	dates = malloc((size_t)lookups * sizeof *dates);
	if (!codes || !dates)
		die("malloc", "out of memory");
	for (i = 0; i < lookups; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		code_of((long)(seed % (uint64_t)practices), codes[i]);
		snprintf(dates[i], sizeof dates[i], "%04d-%02d-%02d", 2000 + (int)((seed >> 20) % 21),
		         1 + (int)((seed >> 30) % 12), 1 + (int)((seed >> 40) % 28));
	}

	opts.flags = PCREG_OPEN_READONLY;
	if (pcreg_db_open(path, &opts, &db) != PCREG_OK)
		die(path, pcreg_db_errmsg(db));
	/* The raw connection gets what pcreg_db_open() sets up: a memory map. */
	if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(path, sqlite3_errmsg(raw));
	exec(raw, "PRAGMA mmap_size = 268435456");
	if (sqlite3_prepare_v3(raw, RAW_GET, -1, SQLITE_PREPARE_PERSISTENT, &get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(raw, RAW_ON, -1, SQLITE_PREPARE_PERSISTENT, &on, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(raw));

	/* Warm both up (page cache, memory map, prepared statements). */
	time_api_get(db, codes, lookups, 1);
	time_raw_get(raw, get, codes, lookups, 1);
	for (in_txn = 1; in_txn >= 0; in_txn--) {
		double a[3], r[3], ao[3], ro[3];
		int k;

		/* Interleaved, three rounds, medians: drift hits both alike. */
		for (k = 0; k < 3; k++) {
			a[k] = time_api_get(db, codes, lookups, in_txn);
			r[k] = time_raw_get(raw, get, codes, lookups, in_txn);
			ao[k] = time_api_on(db, codes, dates, lookups, in_txn);
			ro[k] = time_raw_on(raw, on, codes, dates, lookups, in_txn);
		}
		api[in_txn] = median3(a[0], a[1], a[2]);
		rawt[in_txn] = median3(r[0], r[1], r[2]);
		api_on[in_txn] = median3(ao[0], ao[1], ao[2]);
		raw_on[in_txn] = median3(ro[0], ro[1], ro[2]);
	}

	printf("registry: %s, %ld practices, %ld commissioner periods; %ld look-ups a round,"
	       " median of 3\n\n",
	       path, practices, practices * 5, lookups);
	printf("%-52s %10s %10s %8s %s\n", "question", "API us", "raw us", "ratio", "target");
	for (in_txn = 1; in_txn >= 0; in_txn--) {
		const char *where = in_txn ? "in a read transaction" : "each its own transaction";
		double ratio = api[in_txn] / rawt[in_txn];
		char label[64];

		snprintf(label, sizeof label, "practice get, %s", where);
		printf("%-52s %10.2f %10.2f %8.2f %s\n", label, api[in_txn], rawt[in_txn], ratio,
		       ratio <= 1.3 ? "<= 1.3x: met" : "<= 1.3x: MISSED");
		failed |= ratio > 1.3;
	}
	for (in_txn = 1; in_txn >= 0; in_txn--) {
		const char *where = in_txn ? "in a read transaction" : "each its own transaction";
		char label[64];

		snprintf(label, sizeof label, "commissioner as of a date, %s", where);
		printf("%-52s %10.2f %10.2f %8.2f %s\n", label, api_on[in_txn], raw_on[in_txn],
		       api_on[in_txn] / raw_on[in_txn],
		       api_on[in_txn] < 20 ? "< 20 us: met" : "< 20 us: MISSED");
		failed |= api_on[in_txn] >= 20;
	}
	sqlite3_finalize(get);
	sqlite3_finalize(on);
	sqlite3_close(raw);
	pcreg_db_close(db);
	free(codes);
	free(dates);
	return failed ? 2 : 0;
}
