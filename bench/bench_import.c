/*
 * bench_import: one epraccur import through the library, timed.
 *
 * Creates the registry if it is new, adds the benchmark's commissioners
 * (the fixed list that gen_epraccur.py draws from) if they are missing,
 * then imports the file with pcreg_import_file(), strict, and prints one
 * line that import_bench.sh reads:
 *
 *   rows=N seconds=S rows_per_s=R inserted=I updated=U unchanged=C
 *   skipped=K rejected=J omitted=O
 *
 * (omitted: accepted rows with a part not recorded, such as a membership
 * whose commissioner is not in the registry). Without a file it only
 * prepares the registry. Peak memory is measured from outside, per
 * process, by the script.
 *
 * Two diagnostics, for finding where time and memory go:
 *   --phases   import with pcreg_import_open() and pcreg_import_step() a
 *              thousand rows at a time instead of pcreg_import_file(), and
 *              also print load_seconds (reading and writing the rows) and
 *              finish_seconds (the last step: rebuilding the indexes and
 *              the full-text index after a bulk load, the file's SHA-256,
 *              the journal's summary, the commit), within a step's rows;
 *
 * The commissioners go in through pcreg_commissioner_insert(), which does
 * not journal; the importer bulk-loads (drops the secondary indexes and
 * rebuilds them at the end) whenever the practice and membership tables
 * are empty, whatever the journal holds.
 *
 * usage: bench_import --db FILE [--commissioners N] [--phases] [EPRACCUR.csv]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pcreg/pcreg.h>

#define MAX_COMMISSIONERS 200
#define USAGE "bench_import --db FILE [--commissioners N] [--phases] [EPRACCUR.csv]"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "bench_import: %s: %s\n", what, detail);
	exit(1);
}

/* The i-th benchmark commissioner: the same formula as commissioner_code()
 * in gen_epraccur.py. 160 like 16C, the Welsh 7A1..7A7, 33 like A3A8R. */
static void commissioner_code(int i, char out[6])
{
	static const char letters3[] = "CDEFGHJKLMNPQRTVWXYZ";
	static const char letters5[] = "ABCDEFGHJKLMNPQRSTUVWXY";

	if (i < 160) {
		snprintf(out, 6, "%02d%c", (i * 7) % 100, letters3[(i * 13 + i / 100) % 20]);
	} else if (i < 167) {
		snprintf(out, 6, "7A%d", i - 159);
	} else {
		int j = i - 167;

		snprintf(out, 6, "%c%d%c%d%c", letters5[(j * 7) % 23], (j * 3 + 1) % 10,
		         letters5[(j * 11 + 5) % 23], (j * 7 + 2) % 10, letters5[(j * 5 + 9) % 23]);
	}
}

static void add_commissioners(pcreg_db *db, int n)
{
	int i, added = 0;

	if (pcreg_db_begin(db) != PCREG_OK)
		die("begin", pcreg_db_errmsg(db));
	for (i = 0; i < n; i++) {
		pcreg_commissioner *c = NULL;
		char code[6], name[48];
		pcreg_status st;

		commissioner_code(i, code);
		st = pcreg_commissioner_get(db, code, &c);
		pcreg_commissioner_free(c);
		if (st == PCREG_OK)
			continue;
		if (st != PCREG_NOTFOUND)
			die("pcreg_commissioner_get", pcreg_db_errmsg(db));
		snprintf(name, sizeof name, "%s %d",
		         i < 160 ? "NHS BENCH CCG" : i < 167 ? "BENCH LOCAL HEALTH BOARD"
		                                             : "NHS BENCH SUB-ICB",
		         i);
		if (pcreg_commissioner_new(&c) != PCREG_OK)
			die("pcreg_commissioner_new", "out of memory");
		if (pcreg_commissioner_set_code(c, code) != PCREG_OK ||
		    pcreg_commissioner_set_kind(c, i < 160   ? PCREG_COMMISSIONER_CCG
		                                   : i < 167 ? PCREG_COMMISSIONER_OTHER
		                                             : PCREG_COMMISSIONER_SUB_ICB) != PCREG_OK ||
		    pcreg_commissioner_set_name(c, name) != PCREG_OK)
			die("commissioner", code);
		if (pcreg_commissioner_insert(db, c) != PCREG_OK)
			die("pcreg_commissioner_insert", pcreg_db_errmsg(db));
		pcreg_commissioner_free(c);
		added++;
	}
	if (pcreg_db_commit(db) != PCREG_OK)
		die("commit", pcreg_db_errmsg(db));
	if (added)
		fprintf(stderr, "bench_import: added %d commissioners\n", added);
}

/* One line for the script: rows, time, rate, and what the report counted. */
static void print_report(const pcreg_import_report *report, double seconds, double finish)
{
	int64_t rows = pcreg_import_report_rows_read(report), omitted = 0;
	int i;

	for (i = 0; i < pcreg_import_report_omission_reasons(report); i++) {
		omitted += pcreg_import_report_omission_count(report, i);
		fprintf(stderr, "bench_import: omitted %lld: %s\n",
		        (long long)pcreg_import_report_omission_count(report, i),
		        pcreg_import_report_omission_reason(report, i));
	}
	printf("rows=%lld seconds=%.3f rows_per_s=%.0f inserted=%lld updated=%lld unchanged=%lld"
	       " skipped=%lld rejected=%lld omitted=%lld",
	       (long long)rows, seconds, seconds > 0 ? (double)rows / seconds : 0.0,
	       (long long)pcreg_import_report_inserted(report),
	       (long long)pcreg_import_report_updated(report),
	       (long long)pcreg_import_report_unchanged(report),
	       (long long)pcreg_import_report_skipped(report),
	       (long long)pcreg_import_report_rejected(report), (long long)omitted);
	if (finish >= 0)
		printf(" load_seconds=%.3f finish_seconds=%.3f", seconds - finish, finish);
	printf("\n");
}

/* The import as pcreg_import_file() does it, a thousand rows a step, with
 * the last step (at most a thousand rows, then the finish) timed apart. */
static void import_in_steps(pcreg_db *db, const char *file, const pcreg_import_options *opts)
{
	pcreg_import *imp = NULL;
	pcreg_status st;
	double t0 = now(), started, ended;

	if (pcreg_import_open(db, file, opts, &imp) != PCREG_OK)
		die(file, pcreg_db_errmsg(db));
	do {
		started = now();
		st = pcreg_import_step(imp, 1000);
	} while (st == PCREG_OK);
	if (st != PCREG_DONE)
		die(file, pcreg_db_errmsg(db));
	ended = now();
	print_report(pcreg_import_get_report(imp), ended - t0, ended - started);
	pcreg_import_free(imp);
}

int main(int argc, char **argv)
{
	pcreg_open_options open_opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *report = NULL;
	const char *path = NULL, *file = NULL;
	pcreg_db *db = NULL;
	int commissioners = MAX_COMMISSIONERS, phases = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--commissioners") == 0 && i + 1 < argc)
			commissioners = atoi(argv[++i]);
		else if (strcmp(argv[i], "--phases") == 0)
			phases = 1;
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else
			die("usage", USAGE);
	}
	if (!path)
		die("usage", USAGE);
	if (commissioners < 0 || commissioners > MAX_COMMISSIONERS)
		die("usage", "0 <= commissioners <= 200 (the generator's fixed list)");

	open_opts.flags = PCREG_OPEN_CREATE;
	if (pcreg_db_open(path, &open_opts, &db) != PCREG_OK)
		die(path, pcreg_db_errmsg(db));
	add_commissioners(db, commissioners);
	if (file) {
		opts.kind = PCREG_IMPORT_EPRACCUR;
		opts.mode = PCREG_IMPORT_STRICT;
		if (phases) {
			import_in_steps(db, file, &opts);
		} else {
			double t0 = now(), seconds;

			if (pcreg_import_file(db, file, &opts, &report) != PCREG_OK)
				die(file, pcreg_db_errmsg(db));
			seconds = now() - t0;
			print_report(report, seconds, -1);
			pcreg_import_report_free(report);
		}
	}
	pcreg_db_close(db);
	return 0;
}
