/*
 * check_oom_import.c: every kind of import under allocation failure.
 *
 * check_oom fails allocations over every API family but imports only two
 * kinds of file. Here each good file of every kind is imported (strict
 * and lenient), by kind and by detection, whole and through the pull
 * form (also freed half-way), again unchanged, as a later release, and
 * as the registry's own CSV and JSON Lines exports, with its 1st, 2nd,
 * 3rd... allocation failing. Beyond what the loops in testutil check
 * (the status is PCREG_OK or PCREG_NOMEM, nothing leaks), each run with a
 * failure must leave the registry exactly as the clean run left it when
 * it reports success, with the same counts in its report (a lenient
 * import must not skip or reject a good row for want of memory and still
 * succeed), and exactly as it was before the import when it reports
 * PCREG_NOMEM.
 *
 * The registry lives in SQLite's memdb VFS under a name ("file:/...")
 * that a second connection in the process can open: the forking loop
 * then runs each failure in a child with its own copy of the registry,
 * and the child reads that copy with tu_sql_dump().
 *
 * PCREG_OOM_VERBOSE=1 prints each loop's allocations and time;
 * PCREG_OOM_STRIDE=k fails only every k-th allocation.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "testutil.h"

#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"
#define LATER PCREG_SOURCE_DIR "/tests/data/later/"

/* Shared in-process by every connection that opens it by this name; gone
 * when the last one closes. */
#define REGISTRY "file:/pcreg-oom-import?vfs=memdb"

/* ---- which allocation failed ------------------------------------------------------- */

/* A layer over testutil's counting allocator that numbers the
 * allocations of the scenario under way, so a run that goes wrong can say
 * which one failed (the forking loop's own count lives in testutil). */
static sqlite3_mem_methods counted;
static long allocations;
static long failed_at;

/* A forked child shares its parent's open file descriptions, so the
 * offset of the file an import is reading too: a child that read on would
 * move the parent's (and every later child's) offset, and they would find
 * the file ended early ("the file is empty"). At its failure, before it
 * reads anything, a child gives each file it has open for reading an
 * offset of its own: the same file opened again, at the same place, under
 * the same descriptor. */
static void own_read_offsets(void)
{
	int fd;

	for (fd = 3; fd < 256; fd++) {
		char link[64];
		struct stat st;
		int flags = fcntl(fd, F_GETFL), again;
		off_t at;

		if (flags < 0 || (flags & O_ACCMODE) != O_RDONLY || fstat(fd, &st) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		at = lseek(fd, 0, SEEK_CUR);
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		again = open(link, O_RDONLY);
		if (at < 0 || again < 0 || lseek(again, at, SEEK_SET) != at || dup2(again, fd) != fd) {
			fprintf(stderr, "cannot reopen descriptor %d\n", fd);
			_exit(3);
		}
		close(again);
	}
}

static void note_failure(void)
{
	if (!failed_at) {
		failed_at = allocations;
		own_read_offsets();
	}
}

static void *numbered_malloc(int size)
{
	void *p;

	allocations++;
	p = counted.xMalloc(size);
	if (!p)
		note_failure();
	return p;
}

static void *numbered_realloc(void *old, int size)
{
	void *p;

	allocations++;
	p = counted.xRealloc(old, size);
	if (!p)
		note_failure();
	return p;
}

static void number_allocations(void)
{
	sqlite3_mem_methods methods;

	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &counted) != SQLITE_OK) {
		fprintf(stderr, "cannot read the counting allocator\n");
		exit(2);
	}
	methods = counted;
	methods.xMalloc = numbered_malloc;
	methods.xRealloc = numbered_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) {
		fprintf(stderr, "cannot number allocations\n");
		exit(2);
	}
}

/* What the runs of a loop found, in memory shared with the forked
 * children (each of which has its own copy of everything else): so that
 * one bug does not print a thousand times, and for PCREG_OOM_VERBOSE. */
struct tally {
	long problems;    /* runs that went wrong */
	long same_bytes;  /* PCREG_NOMEM, and the registry's bytes as before */
	long dumped;      /* PCREG_NOMEM, and compared by dump */
	long succeeded;   /* PCREG_OK despite the failure */
};

static struct tally *tally;

#define SHOWN_PROBLEMS 3

/* ---- the files --------------------------------------------------------------------- */

struct good_file {
	const char *name;
	pcreg_import_kind_value kind;
};

/* tests/data/README.md's order: each imports into the registry the ones
 * before it made. */
static const struct good_file good[] = {
	{ "icb_names_codes_dec_2024.csv", PCREG_IMPORT_ICB_NAMES },
	{ "eccg.csv", PCREG_IMPORT_ECCG },
	{ "epraccur.csv", PCREG_IMPORT_EPRACCUR },
	{ "succ.csv", PCREG_IMPORT_SUCC },
	{ "gp-reg-pat-prac-map.csv", PCREG_IMPORT_PRACTICE_MAP },
	{ "ePCN_PCNDetails.csv", PCREG_IMPORT_PCN_DETAILS },
	{ "ePCN_PCN_Core_Partner_Details.csv", PCREG_IMPORT_PCN_PARTNERS },
	{ "gp-reg-pat-prac-all.csv", PCREG_IMPORT_LIST_SIZE },
	{ "gp-reg-pat-prac-all-sub-icb.csv", PCREG_IMPORT_LIST_SIZE },
	{ "nhspaymentsgp-16-17-prac-csv.csv", PCREG_IMPORT_PAYMENTS },
	{ "cqc-latest-ratings.csv", PCREG_IMPORT_CQC },
	{ "registry-commissioner.csv", PCREG_IMPORT_REGISTRY_CSV },
	{ "registry-network.jsonl", PCREG_IMPORT_REGISTRY_JSONL },
	/* The same networks as the CSVs above, from the workbook's sheets. */
	{ "ePCN.xlsx", PCREG_IMPORT_PCN_DETAILS },
	{ "ePCN.xlsx", PCREG_IMPORT_PCN_PARTNERS },
	{ "HSCOrgRefData_Full.xml", PCREG_IMPORT_ODS_XML },
	{ "epraccur.zip", PCREG_IMPORT_EPRACCUR },
};

#define N_GOOD ((int)(sizeof good / sizeof good[0]))
#define EPRACCUR 2

/* The registry's own exports, one file per entity and format, written
 * once from a registry holding every good file (exports[0]: CSV). */
#define MAX_ENTITIES 32
static char exports[2][MAX_ENTITIES][512];
static int n_entities;

/* ---- a loop's job ------------------------------------------------------------------ */

enum form {
	WHOLE,   /* pcreg_import_file() with the kind given */
	DETECT,  /* pcreg_import_detect(), then pcreg_import_file() with kind 0 */
	PULL,    /* pcreg_import_open(), _step(imp, 1) to the end, _get_report(), _free() */
	HALF     /* the pull form freed after its first row: nothing may remain */
};

enum { READ, INSERTED, UPDATED, UNCHANGED, SKIPPED, REJECTED, N_COUNTS };

static const char *const count_names[N_COUNTS] = { "read",    "inserted", "updated",
	                                           "unchanged", "skipped",  "rejected" };

struct job {
	char name[160];
	/* The registry before: these files imported in turn, outside the
	 * failures. */
	const char *setup[MAX_ENTITIES];
	pcreg_import_kind_value setup_kind[MAX_ENTITIES];
	int nsetup;
	/* The import under the failures. */
	const char *file;
	pcreg_import_kind_value kind;
	int mode;
	enum form form;
	int unchanged;   /* the file is already in: nothing may change */
	int phase;       /* allocations made before the import (see run_job()) */

	pcreg_db *db;
	pcreg_import *imp;
	pcreg_import_report *report;
	int64_t counts[N_COUNTS];
	int runs;
	char *before;    /* the registry after setup */
	unsigned char *before_image; /* and its bytes */
	sqlite3_int64 before_size;
	unsigned char *source; /* the bytes it is copied from */
	sqlite3_int64 source_size;
	char *clean;     /* and after the clean run's import */
	int64_t clean_counts[N_COUNTS];
};

static void read_counts(const pcreg_import_report *r, int64_t out[N_COUNTS])
{
	out[READ] = pcreg_import_report_rows_read(r);
	out[INSERTED] = pcreg_import_report_inserted(r);
	out[UPDATED] = pcreg_import_report_updated(r);
	out[UNCHANGED] = pcreg_import_report_unchanged(r);
	out[SKIPPED] = pcreg_import_report_skipped(r);
	out[REJECTED] = pcreg_import_report_rejected(r);
}

/* The registry as text. The journal says when each import started and
 * finished, which differs between runs: those become 'T' (a NULL, an
 * import never finished, stays NULL). */
static char *registry_dump(void)
{
	static long started = -1, finished = -1;
	char *dump = tu_sql_dump(REGISTRY);
	char *table, *line;

	if (started < 0) {
		started = (long)tu_sql_int(REGISTRY, "SELECT cid FROM pragma_table_info('import')"
		                                     " WHERE name = 'started_at'");
		finished = (long)tu_sql_int(REGISTRY, "SELECT cid FROM pragma_table_info('import')"
		                                      " WHERE name = 'finished_at'");
		ck_assert_msg(started >= 0 && finished >= 0, "the journal has no timestamps");
	}
	table = strstr(dump, "\n-- table import\n");
	if (!table)
		return dump;
	line = table + strlen("\n-- table import\n");
	while (*line && strncmp(line, "-- ", 3) != 0) {
		char *end = strchr(line, '\n');
		char *field = line;
		long col;

		if (!end)
			break;
		/* The values before these (id, file name, size, SHA-256, kind,
		 * mode) hold no '|'. */
		for (col = 0; field && field < end; col++) {
			char *next = memchr(field, '|', (size_t)(end - field));
			char *stop = next ? next : end;

			if ((col == started || col == finished) && *field == '\'') {
				char *p;

				for (p = field + 1; p < stop - 1; p++)
					*p = 'T';
			}
			field = next ? next + 1 : NULL;
		}
		line = end + 1;
	}
	return dump;
}

/* Say where two dumps part: their first lines that differ. */
static void show_difference(const char *want, const char *got)
{
	const char *w = want, *g = got;
	size_t wn = 0, gn = 0;

	for (;;) {
		wn = strcspn(w, "\n");
		gn = strcspn(g, "\n");
		if (wn != gn || memcmp(w, g, wn) != 0 || !w[wn] || !g[gn])
			break;
		w += wn + 1;
		g += gn + 1;
	}
	if (!*w) {
		w = "(the end)";
		wn = strlen(w);
	}
	if (!*g) {
		g = "(the end)";
		gn = strlen(g);
	}
	fprintf(stderr, "    expected: %.*s\n", (int)(wn < 300 ? wn : 300), w);
	fprintf(stderr, "    found:    %.*s\n", (int)(gn < 300 ? gn : 300), g);
}

/* The registry's bytes: a new copy (free with sqlite3_free()), or NULL.
 * Read from the in-memory file beneath SQLite, which a new connection
 * opens without reading the schema: in every forked child, parsing the
 * schema would cost more than the rest of the check. */
static unsigned char *registry_bytes(sqlite3_int64 *size)
{
	sqlite3 *conn = NULL;
	sqlite3_file *file = NULL;
	unsigned char *bytes = NULL;

	*size = 0;
	if (sqlite3_open_v2(REGISTRY, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) ==
	            SQLITE_OK &&
	    sqlite3_file_control(conn, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK &&
	    file && file->pMethods && file->pMethods->xFileSize(file, size) == SQLITE_OK &&
	    *size > 0 && (bytes = sqlite3_malloc64((sqlite3_uint64)*size)) != NULL &&
	    file->pMethods->xRead(file, bytes, (int)*size, 0) != SQLITE_OK) {
		sqlite3_free(bytes);
		bytes = NULL;
	}
	sqlite3_close(conn);
	return bytes;
}

/* Whether the registry is these bytes. Equal bytes are an equal dump, so
 * a run that rolled back cleanly (most runs) is checked without one; a
 * difference in bytes alone decides nothing (pages may be laid out
 * otherwise), and the caller compares dumps. */
static int registry_is(const unsigned char *image, sqlite3_int64 size)
{
	sqlite3_int64 n;
	unsigned char *bytes = registry_bytes(&n);
	int same = image && bytes && n == size && memcmp(bytes, image, (size_t)size) == 0;

	sqlite3_free(bytes);
	return same;
}

static void must(pcreg_db *db, pcreg_status st, const char *what)
{
	ck_assert_msg(st == PCREG_OK, "%s: %s", what, pcreg_db_errmsg(db));
}

/* Whether another connection can read the registry: one the library
 * left inside a write transaction keeps every reader out. (tu_sql_dump()
 * would fail the test there, which a forked child must not do: its Check
 * would carry on with the rest of the suite.) */
static int registry_readable(void)
{
	sqlite3 *conn = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_open_v2(REGISTRY, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(conn, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	sqlite3_close(conn);
	return rc == SQLITE_ROW;
}

static pcreg_status open_registry(pcreg_db **db)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	opts.flags = PCREG_OPEN_CREATE | PCREG_OPEN_URI;
	return pcreg_db_open(REGISTRY, &opts, db);
}

static pcreg_status import_quietly(pcreg_db *db, const char *path, pcreg_import_kind_value kind)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	opts.kind = kind;
	st = pcreg_import_file(db, path, &opts, &r);
	pcreg_import_report_free(r);
	return st;
}

/* A copy in memory of our own of the registry's bytes: SQLite's would
 * count as a leak in every run. */
static unsigned char *copy_registry(sqlite3_int64 *size)
{
	unsigned char *bytes = registry_bytes(size), *copy;

	ck_assert_msg(bytes != NULL, "cannot read the registry's bytes");
	copy = malloc((size_t)*size);
	ck_assert_ptr_nonnull(copy);
	memcpy(copy, bytes, (size_t)*size);
	sqlite3_free(bytes);
	return copy;
}

/* The registry from bytes, copied page by page into the shared in-memory
 * database, and opened. */
static pcreg_status restore(struct job *j)
{
	sqlite3 *to = NULL, *from = NULL;
	sqlite3_backup *backup;
	unsigned char *image = sqlite3_malloc64((sqlite3_uint64)j->source_size);
	pcreg_status st;

	ck_assert_ptr_nonnull(image);
	memcpy(image, j->source, (size_t)j->source_size);
	ck_assert_int_eq(sqlite3_open_v2(REGISTRY, &to,
	                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	                                 NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_open(":memory:", &from), SQLITE_OK);
	/* from takes the image and frees it. */
	ck_assert_int_eq(sqlite3_deserialize(from, "main", image, j->source_size, j->source_size,
	                                     SQLITE_DESERIALIZE_FREEONCLOSE),
	                 SQLITE_OK);
	backup = sqlite3_backup_init(to, "main", from, "main");
	ck_assert_ptr_nonnull(backup);
	ck_assert_int_eq(sqlite3_backup_step(backup, -1), SQLITE_DONE);
	ck_assert_int_eq(sqlite3_backup_finish(backup), SQLITE_OK);
	sqlite3_close(from);
	st = open_registry(&j->db);
	ck_assert_msg(st == PCREG_OK, "%s: setup: %s", j->name, pcreg_db_errmsg(j->db));
	/* The registry lives on with the library's connection. */
	sqlite3_close(to);
	return st;
}

/* Once per job: the registry before the import, made by importing the
 * files before in turn. Every run starts from a copy of it, so that the
 * clean run and the runs with failures differ only by what their import
 * did (not, say, by when the registry's migrations were applied). */
static void make_before(struct job *j)
{
	pcreg_db *db = NULL;
	int i;

	must(db, open_registry(&db), "open");
	for (i = 0; i < j->nsetup; i++)
		must(db, import_quietly(db, j->setup[i], j->setup_kind[i]), j->setup[i]);
	j->source = copy_registry(&j->source_size);
	pcreg_db_close(db);
	/* A copy counts itself in the file's header: what a run starts from
	 * is a copy's bytes. */
	restore(j);
	j->before_image = copy_registry(&j->before_size);
	j->before = registry_dump();
	pcreg_db_close(j->db);
	j->db = NULL;
}

/* Outside the failures: the registry as it was before. */
static pcreg_status setup(void *ctx)
{
	struct job *j = ctx;
	pcreg_status st = restore(j);

	ck_assert_msg(registry_is(j->before_image, j->before_size),
	              "%s: the registry was not restored", j->name);
	return st;
}

/* The import under test, by the job's form; the report (or the pull
 * form's import) stays for scenario()'s checks. */
static pcreg_status run_import(struct job *j)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_kind_value seen = PCREG_IMPORT_AUTO;
	pcreg_status st;

	opts.kind = j->kind;
	opts.mode = j->mode;
	switch (j->form) {
	case DETECT:
		st = pcreg_import_detect(j->db, j->file, &seen);
		if (st != PCREG_OK)
			return st;
		if (seen != j->kind) {
			fprintf(stderr, "%s: allocation %ld failed and %s was detected as %s\n",
			        j->name, failed_at, j->file, pcreg_import_kind_str(seen));
			return PCREG_ERROR;
		}
		opts.kind = PCREG_IMPORT_AUTO;
		/* fall through */
	case WHOLE:
		st = pcreg_import_file(j->db, j->file, &opts, &j->report);
		if (j->report)
			read_counts(j->report, j->counts);
		return st;
	case PULL:
	case HALF:
		st = pcreg_import_open(j->db, j->file, &opts, &j->imp);
		if (st != PCREG_OK)
			return st;
		while ((st = pcreg_import_step(j->imp, 1)) == PCREG_OK && j->form == PULL)
			;
		if (st == PCREG_DONE) {
			/* Half-way means before the end. */
			ck_assert_msg(j->form == PULL, "%s: the file ended in one step", j->name);
			st = PCREG_OK;
		}
		read_counts(pcreg_import_get_report(j->imp), j->counts);
		if (j->unchanged)
			ck_assert_msg(j->clean_counts[INSERTED] == 0 && j->clean_counts[UPDATED] == 0 &&
			                      j->clean_counts[UNCHANGED] > 0,
			              "%s: the clean run changed something", j->name);
		if (j->form == HALF) {
			pcreg_import_free(j->imp);
			j->imp = NULL;
		}
		return st;
	}
	return PCREG_ERROR;
}

static void show_rejections(const pcreg_import_report *r)
{
	int i, n = r ? pcreg_import_report_rejections(r) : 0;

	for (i = 0; i < n && i < 3; i++)
		fprintf(stderr, "    rejected line %lld: %s: %s\n",
		        (long long)pcreg_import_report_rejection_line(r, i),
		        pcreg_import_report_rejection_field(r, i)
		                ? pcreg_import_report_rejection_field(r, i)
		                : "-",
		        pcreg_import_report_rejection_reason(r, i));
	n = r ? pcreg_import_report_skip_reasons(r) : 0;
	for (i = 0; i < n; i++)
		fprintf(stderr, "    skipped %lld: %s\n", (long long)pcreg_import_report_skip_count(r, i),
		        pcreg_import_report_skip_reason(r, i));
}

/* A run with a failure injected: success must be the clean run's result
 * to the byte, PCREG_NOMEM the registry as it was. */
static pcreg_status check_run(struct job *j, pcreg_status st)
{
	const pcreg_import_report *r = j->report ? j->report
	                                         : j->imp ? pcreg_import_get_report(j->imp) : NULL;
	char *dump;
	int i, counts_differ = 0, state_differs;

	if (st != PCREG_OK && st != PCREG_NOMEM) {
		if (++tally->problems <= SHOWN_PROBLEMS) {
			fprintf(stderr, "%s: allocation %ld failed and the import returned %s: %s\n",
			        j->name, failed_at, pcreg_status_str(st), pcreg_db_errmsg(j->db));
			show_rejections(r);
		}
		return st;
	}
	if (st == PCREG_NOMEM && registry_is(j->before_image, j->before_size)) {
		tally->same_bytes++;
		return st;
	}
	if (st == PCREG_OK)
		tally->succeeded++;
	else
		tally->dumped++;
	if (!registry_readable()) {
		if (++tally->problems <= SHOWN_PROBLEMS)
			fprintf(stderr,
			        "%s: allocation %ld failed, the import returned %s and the registry is"
			        " left locked: the library's connection is still inside a write"
			        " transaction\n",
			        j->name, failed_at, pcreg_status_str(st));
		return PCREG_ERROR;
	}
	dump = registry_dump();
	state_differs = strcmp(dump, st == PCREG_OK ? j->clean : j->before) != 0;
	if (st == PCREG_OK)
		for (i = 0; i < N_COUNTS; i++)
			counts_differ |= j->counts[i] != j->clean_counts[i];
	if ((state_differs || counts_differ) && ++tally->problems <= SHOWN_PROBLEMS) {
		if (st == PCREG_NOMEM)
			fprintf(stderr,
			        "%s: allocation %ld failed, the import returned PCREG_NOMEM (%s)"
			        " and the registry is not as it was before\n",
			        j->name, failed_at, pcreg_db_errmsg(j->db));
		else
			fprintf(stderr, "%s: allocation %ld failed and the import succeeded with%s%s\n",
			        j->name, failed_at,
			        counts_differ ? " other counts than the clean run's" : "",
			        state_differs ? (counts_differ ? " and another registry"
			                                       : " another registry than the clean run's")
			                      : "");
		if (counts_differ)
			for (i = 0; i < N_COUNTS; i++)
				fprintf(stderr, "    %-9s %lld (clean run %lld)\n", count_names[i],
				        (long long)j->counts[i], (long long)j->clean_counts[i]);
		if (counts_differ)
			show_rejections(r);
		if (state_differs)
			show_difference(st == PCREG_OK ? j->clean : j->before, dump);
	}
	free(dump);
	return state_differs || counts_differ ? PCREG_ERROR : st;
}

static pcreg_status scenario(void *ctx)
{
	struct job *j = ctx;
	int clean_run = j->runs++ == 0;
	pcreg_status st;
	int i;

	allocations = 0;
	failed_at = 0;
	for (i = 0; i < j->phase; i++)
		sqlite3_free(sqlite3_malloc(8));
	memset(j->counts, 0, sizeof j->counts);
	st = run_import(j);
	if (clean_run) {
		ck_assert_msg(st == PCREG_OK, "%s: fails with no failure injected: %s", j->name,
		              pcreg_db_errmsg(j->db));
		j->clean = registry_dump();
		memcpy(j->clean_counts, j->counts, sizeof j->counts);
		ck_assert_msg(j->clean_counts[REJECTED] == 0, "%s: the clean run rejects a row",
		              j->name);
		if (j->unchanged)
			ck_assert_msg(j->clean_counts[INSERTED] == 0 && j->clean_counts[UPDATED] == 0 &&
			                      j->clean_counts[UNCHANGED] > 0,
			              "%s: the clean run changed something", j->name);
		if (j->form == HALF)
			ck_assert_msg(strcmp(j->clean, j->before) == 0,
			              "%s: an import freed half-way left something behind", j->name);
	} else if (failed_at) {
		/* A forked child, or a restarted run, that saw its failure. The
		 * parent of the forks, which saw none, needs no check: the clean
		 * run was it. */
		st = check_run(j, st);
	}
	pcreg_import_free(j->imp);
	j->imp = NULL;
	pcreg_import_report_free(j->report);
	j->report = NULL;
	pcreg_db_close(j->db);
	j->db = NULL;
	return st;
}

/* Under PCREG_OOM_STRIDE=k only every k-th allocation of a run fails.
 * Each job starts its runs with a few allocations of its own, a different
 * number for each job, so that the jobs together fail allocations of
 * every residue, not the same k-th ones of each import again and again. */
static int phase_for_next_job(void)
{
	static int jobs;
	const char *s = getenv("PCREG_OOM_STRIDE");
	long k = s ? atol(s) : 1;

	return k > 1 ? (int)(jobs++ % k) : 0;
}

static void run_job(struct job *j)
{
	struct timespec start, end;
	long n;

	memset(tally, 0, sizeof *tally);
	j->phase = phase_for_next_job();
	clock_gettime(CLOCK_MONOTONIC, &start);
	make_before(j);
	n = tu_oom_forking_after(j->name, setup, scenario, j);
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr,
		        "%s: %ld allocations failed in turn (PCREG_NOMEM with the same bytes %ld,"
		        " with another dump %ld; success %ld), %.1f s\n",
		        j->name, n, tally->same_bytes, tally->dumped, tally->succeeded,
		        (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
	ck_assert_msg(tally->problems == 0, "%s: %ld runs went wrong (the first are above)", j->name,
	              tally->problems);
}

/* The job of the test under way: static, so that the teardown frees what
 * a failed assertion (a longjmp with CK_FORK=no) left behind. */
static struct job job;

static void forget_job(void)
{
	pcreg_import_free(job.imp);
	pcreg_import_report_free(job.report);
	pcreg_db_close(job.db);
	free(job.before);
	free(job.before_image);
	free(job.source);
	free(job.clean);
	memset(&job, 0, sizeof job);
}

static const char *mode_name(int mode)
{
	return mode == PCREG_IMPORT_LENIENT ? "lenient" : "strict";
}

/* A job on the good files: those before @p target imported first. */
static void good_job(struct job *j, int target, int mode, enum form form)
{
	static const char *const forms[] = { "", ", detected", ", pulled", ", freed half-way" };
	static char paths[N_GOOD][512];
	int i;

	memset(j, 0, sizeof *j);
	for (i = 0; i < N_GOOD; i++)
		snprintf(paths[i], sizeof paths[i], "%s%s", GOOD, good[i].name);
	for (i = 0; i < target; i++) {
		j->setup[i] = paths[i];
		j->setup_kind[i] = good[i].kind;
	}
	j->nsetup = target;
	j->file = paths[target];
	j->kind = good[target].kind;
	j->mode = mode;
	/* A workbook's kind cannot be told (its sheets are two): it is named. */
	j->form = form == DETECT && strstr(good[target].name, ".xlsx") ? WHOLE : form;
	snprintf(j->name, sizeof j->name, "%s (%s, %s%s)", good[target].name,
	         pcreg_import_kind_str(good[target].kind), mode_name(mode), forms[j->form]);
}

/* ---- an import of every kind, in strict and lenient mode --------------------------- */

/* Strict, each file's kind given. */
START_TEST(test_each_kind_strict)
{
	good_job(&job, _i, PCREG_IMPORT_STRICT, WHOLE);
	run_job(&job);
}
END_TEST

/* Lenient, each file's kind told from its content: pcreg_import_detect(),
 * then pcreg_import_file() with kind 0. After pcreg_import_open() an
 * import runs the same whether its kind was given or told, so this covers
 * a lenient import of every kind and detection of every kind at once. */
START_TEST(test_each_kind_lenient_detected)
{
	good_job(&job, _i, PCREG_IMPORT_LENIENT, DETECT);
	run_job(&job);
}
END_TEST

/* ---- the pull form ------------------------------------------------------------------ */

/* Files whose reading differs: no header, a header over ten lines, a
 * byte order mark and CRLF, columns found by name, JSON Lines. */
static const int pulled[] = { EPRACCUR, 6 /* PCN partners */, 9 /* payments */, 10 /* CQC */,
	                      12 /* registry JSON Lines */ };

START_TEST(test_pulled)
{
	good_job(&job, pulled[_i], _i % 2 ? PCREG_IMPORT_LENIENT : PCREG_IMPORT_STRICT, PULL);
	run_job(&job);
}
END_TEST

/* An import freed before its end is rolled back, whatever failed. */
static const int freed_half_way[] = { EPRACCUR, 6 /* PCN partners */, 10 /* CQC */,
	                              12 /* registry JSON Lines */ };

START_TEST(test_freed_half_way)
{
	good_job(&job, freed_half_way[_i], PCREG_IMPORT_STRICT, HALF);
	run_job(&job);
}
END_TEST

/* ---- again: the same file unchanged, and a later release --------------------------- */

static void again_job(struct job *j, const char *file, int mode, const char *what)
{
	good_job(j, EPRACCUR, mode, WHOLE);
	for (j->nsetup = 0; j->nsetup < N_GOOD; j->nsetup++) {
		static char paths[N_GOOD][512];

		snprintf(paths[j->nsetup], sizeof paths[0], "%s%s", GOOD, good[j->nsetup].name);
		j->setup[j->nsetup] = paths[j->nsetup];
		j->setup_kind[j->nsetup] = good[j->nsetup].kind;
	}
	j->file = file;
	snprintf(j->name, sizeof j->name, "%s (%s)", what, mode_name(mode));
}

START_TEST(test_unchanged)
{
	again_job(&job, GOOD "epraccur.csv", _i ? PCREG_IMPORT_LENIENT : PCREG_IMPORT_STRICT,
	          "good/epraccur.csv again, unchanged");
	job.unchanged = 1;
	run_job(&job);
}
END_TEST

START_TEST(test_later_release)
{
	again_job(&job, LATER "epraccur.csv", _i ? PCREG_IMPORT_LENIENT : PCREG_IMPORT_STRICT,
	          "later/epraccur.csv over good/epraccur.csv");
	run_job(&job);
}
END_TEST

/* ---- the registry's own exports ----------------------------------------------------- */

/* What the good files leave empty, through the API: a federation and a
 * member, a network lead, a commissioning arrangement. */
static void fill_the_rest(pcreg_db *db)
{
	pcreg_federation *f = NULL;
	pcreg_network_lead *l = NULL;
	pcreg_arrangement *a = NULL;

	must(db, pcreg_federation_new(&f), "federation");
	must(db, pcreg_federation_set_id(f, "fictional-together"), "federation id");
	must(db, pcreg_federation_set_name(f, "Fictional Together"), "federation name");
	must(db, pcreg_federation_insert(db, f), "federation insert");
	must(db,
	     pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, "F81001", "fictional-together",
	                           "2016-04-01", NULL),
	     "federation membership");
	must(db, pcreg_network_lead_new(&l), "lead");
	must(db, pcreg_network_lead_set_network(l, "U99001"), "lead network");
	must(db, pcreg_network_lead_set_person(l, "Dr Ada Example"), "lead person");
	must(db, pcreg_network_lead_set_role(l, "clinical director"), "lead role");
	must(db, pcreg_network_lead_set_from_date(l, "2019-07-01"), "lead date");
	must(db, pcreg_network_lead_insert(db, l), "lead insert");
	must(db, pcreg_arrangement_new(&a), "arrangement");
	must(db, pcreg_arrangement_set_commissioner(a, "99F"), "arrangement commissioner");
	must(db, pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_DELEGATED), "arrangement level");
	must(db, pcreg_arrangement_set_from_date(a, "2015-04-01"), "arrangement date");
	must(db, pcreg_arrangement_insert(db, a), "arrangement insert");
	pcreg_federation_free(f);
	pcreg_network_lead_free(l);
	pcreg_arrangement_free(a);
}

/* Once: every entity exported, as both formats, from a registry that
 * holds every good file and a row of every entity. */
static void make_exports(void)
{
	pcreg_db *db = NULL;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	int i, f;

	if (n_entities)
		return;
	must(db, pcreg_db_open(":memory:", &opts, &db), "open");
	for (i = 0; i < N_GOOD; i++) {
		char path[512];

		snprintf(path, sizeof path, "%s%s", GOOD, good[i].name);
		must(db, import_quietly(db, path, good[i].kind), path);
	}
	fill_the_rest(db);
	ck_assert_int_le(pcreg_export_entity_count(), MAX_ENTITIES);
	for (i = 0; i < pcreg_export_entity_count(); i++) {
		const char *entity = pcreg_export_entity_name(i);

		for (f = 0; f < 2; f++) {
			char name[128];

			snprintf(name, sizeof name, "export-%s.%s", entity, f ? "jsonl" : "csv");
			snprintf(exports[f][i], sizeof exports[f][i], "%s", tu_path(name));
			must(db,
			     pcreg_export_file(db, entity, f ? PCREG_EXPORT_JSONL : PCREG_EXPORT_CSV,
			                       exports[f][i]),
			     exports[f][i]);
		}
	}
	pcreg_db_close(db);
	n_entities = pcreg_export_entity_count();
}

/* Entity @p i's export imported into a registry holding the entities
 * before it (from exports of the same format). */
static void export_job(struct job *j, int format, int i, int mode)
{
	pcreg_import_kind_value kind = format ? PCREG_IMPORT_REGISTRY_JSONL : PCREG_IMPORT_REGISTRY_CSV;
	int k;

	make_exports();
	memset(j, 0, sizeof *j);
	for (k = 0; k < i; k++) {
		j->setup[k] = exports[format][k];
		j->setup_kind[k] = kind;
	}
	j->nsetup = i;
	j->file = exports[format][i];
	j->kind = kind;
	j->mode = mode;
	j->form = WHOLE;
	snprintf(j->name, sizeof j->name, "export of %s (%s, %s)", pcreg_export_entity_name(i),
	         pcreg_import_kind_str(kind), mode_name(mode));
}

START_TEST(test_export_csv)
{
	export_job(&job, 0, _i, _i % 2 ? PCREG_IMPORT_LENIENT : PCREG_IMPORT_STRICT);
	run_job(&job);
}
END_TEST

START_TEST(test_export_jsonl)
{
	export_job(&job, 1, _i, _i % 2 ? PCREG_IMPORT_STRICT : PCREG_IMPORT_LENIENT);
	run_job(&job);
}
END_TEST

#ifdef __SANITIZE_ADDRESS__
/* Under AddressSanitizer each fork copies the page tables of everything
 * the process has touched, and freed memory waits in a quarantine of 256
 * MiB by default: as it fills, each fork gets slower (twice as slow over
 * the strict group alone). A small quarantine keeps the sweep within its
 * time; ASAN_OPTIONS still overrides it. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=4";
}
#endif

/* A tally in a file mapped shared, so forked children can add to it. */
static struct tally *shared_tally(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	void *p;

	if (fd < 0 || ftruncate(fd, sizeof(struct tally)) != 0) {
		perror(path);
		exit(2);
	}
	p = mmap(NULL, sizeof(struct tally), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	return p;
}

/* One case per group, so that CK_RUN_CASE=pull (say) runs one group. */
static void add(Suite *s, const char *name, const TTest *test, int n)
{
	TCase *tc = tcase_create(name);

	/* Thousands of forks per test; generous under the sanitizers. */
	tcase_set_timeout(tc, 600);
	tcase_add_checked_fixture(tc, NULL, forget_job);
	tcase_add_loop_test(tc, test, 0, n);
	suite_add_tcase(s, tc);
}

static Suite *oom_import_suite(void)
{
	Suite *s = suite_create("oom_import");
	int entities = pcreg_export_entity_count();

	add(s, "strict", test_each_kind_strict, N_GOOD);
	add(s, "lenient_detected", test_each_kind_lenient_detected, N_GOOD);
	add(s, "pull", test_pulled, (int)(sizeof pulled / sizeof pulled[0]));
	add(s, "half", test_freed_half_way, (int)(sizeof freed_half_way / sizeof freed_half_way[0]));
	add(s, "unchanged", test_unchanged, 2);
	add(s, "later", test_later_release, 2);
	add(s, "export_csv", test_export_csv, entities);
	add(s, "export_jsonl", test_export_jsonl, entities);
	return s;
}

int main(void)
{
	/* tu_sql_dump() opens the registry by its URI, which SQLite reads
	 * as one only when told to; like the allocators, before it starts. */
	if (sqlite3_config(SQLITE_CONFIG_URI, 1) != SQLITE_OK) {
		fprintf(stderr, "cannot turn on URI file names\n");
		return 2;
	}
	tu_init();
	number_allocations();
	tally = shared_tally(tu_path("tally"));
	return tu_run(oom_import_suite());
}
