/*
 * check_iofault.c: imports, a migration and exports under I/O faults, the
 * way SQLite tests itself.
 *
 * Two sources of faults: SQLite's own files fail through the VFS shim of
 * faultvfs.h (a read, write, sync, truncate, lock, WAL-index map or
 * WAL-index lock); the library's own files (an import's input, an
 * export's output) fail through the hook of lib/fileio.h.
 *
 * Scenarios: the import of each good file into a registry holding the
 * files before it (tests/data/README.md's order), and of a few of them
 * leniently, inside the caller's transaction and with SQLite short of
 * memory (see struct variant); opening a schema 1
 * registry with PCREG_OPEN_MIGRATE; an export over an older export. Each
 * runs with the 1st, 2nd, 3rd... call of one kind failing, once or from
 * then on (a full disk), until a run sees no fault. After every run:
 *
 *   - the call failed (with PCREG_IO, or PCREG_BUSY for a lock) if a fault
 *     fired and was not absorbed, and succeeded otherwise;
 *   - a failed import's or export's message names its file;
 *   - the registry, reopened without faults, passes PRAGMA
 *     integrity_check and pcreg_check_run(), and holds exactly what it
 *     held before (the call failed) or exactly what the call makes of it
 *     (the call succeeded): its tu_sql_dump() is compared with those of
 *     the two reference states, the clock times of the journal blanked (a
 *     migration that fails may also stop at a version between, each step
 *     being its own transaction);
 *   - an export's target holds its old bytes or all of its new ones, and
 *     nothing else is left in its directory;
 *   - nothing leaked;
 *
 * and at the end of each loop, faults must have fired.
 *
 * The registry is opened outside the faults and closed inside them (the
 * close checkpoints the WAL, which can fail too); checks go through a
 * fresh open, since after an I/O error SQLite's handle is best closed.
 *
 * Pacing: PCREG_IOFAULT_STRIDE=k tries every k-th N (default 1).
 * PCREG_IOFAULT_BUDGET=s gives the whole suite about s seconds (default:
 * no budget): each loop gets an equal share, and each time a loop has run
 * another share its stride doubles, so a long loop still reaches its end
 * (fewer N, spread over all of them). ctest sets a budget (and the
 * sanitizer build a stride), so CI stays short; run by hand without them,
 * every N of every loop is tried (under a minute; under the sanitizers,
 * about three):
 *
 *   build/tests/iofault/check_iofault
 *
 * PCREG_IOFAULT_VERBOSE=1 prints each loop's runs and faults fired (2:
 * also its first failure's message and the calls of a run without faults);
 * CK_RUN_CASE / CK_RUN_SUITE pick out one scenario as usual with Check.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "faultvfs.h"
#include "fileio.h"
#include "testutil.h"

#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"

/* The good files, in an order each imports in (tests/data/README.md). */
static const char *const good_files[] = {
	"icb_names_codes_dec_2024.csv",
	"eccg.csv",
	"epraccur.csv",
	"succ.csv",
	"gp-reg-pat-prac-map.csv",
	"ePCN_PCNDetails.csv",
	"ePCN_PCN_Core_Partner_Details.csv",
	"gp-reg-pat-prac-all.csv",
	"gp-reg-pat-prac-all-sub-icb.csv",
	"nhspaymentsgp-16-17-prac-csv.csv",
	"cqc-latest-ratings.csv",
	"registry-commissioner.csv",
	"registry-network.jsonl",
	"ePCN.xlsx",
	"HSCOrgRefData_Full.xml",
	"epraccur.zip",
};

#define N_GOOD ((int)(sizeof good_files / sizeof good_files[0]))

/* Imports a good file as its content says, except a workbook, whose
 * kind is named: its two sheets are two kinds (the partners sheet reads
 * both the shared strings and a sheet, so every part of the workbook). */
static pcreg_status import_good_file(pcreg_db *db, const char *file, int mode,
                                     pcreg_import_report **report)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	size_t n = strlen(file);

	opts.mode = mode;
	if (n > 5 && strcmp(file + n - 5, ".xlsx") == 0)
		opts.kind = PCREG_IMPORT_PCN_PARTNERS;
	return pcreg_import_file(db, file, &opts, report);
}

/* ---- fault sources --------------------------------------------------------------------- */

/* One kind of fault: through the VFS shim, or through the library's hook
 * with an errno. */
struct fault {
	int hook;                  /* 0: the VFS shim; 1: pcreg__io_fault */
	enum fv_kind kind;         /* the shim's call */
	enum pcreg__io_op op;      /* the hook's operation */
	int err;                   /* the hook's errno */
	enum fv_mode mode;
};

#define VFS(kind, mode) { 0, kind, PCREG__IO_READ, 0, mode }
#define HOOK(op, err, mode) { 1, FV_READ, op, err, mode }

static const char *const op_names[] = { "read", "write", "sync", "rename" };

#define N_OPS ((int)(sizeof op_names / sizeof op_names[0]))

static long hook_calls[N_OPS];
static int hook_armed;
static enum pcreg__io_op hook_op;
static long hook_n;
static enum fv_mode hook_mode;
static int hook_err;
static long hook_fired;

static int hook(enum pcreg__io_op op, const char *path)
{
	long n;

	(void)path;
	if ((int)op < 0 || (int)op >= N_OPS)
		return 0;
	n = ++hook_calls[op];
	if (!hook_armed || op != hook_op)
		return 0;
	if (n != hook_n && !(hook_mode == FV_PERSISTENT && n > hook_n))
		return 0;
	hook_fired++;
	return hook_err;
}

static void arm(const struct fault *f, long n)
{
	if (f->hook) {
		memset(hook_calls, 0, sizeof hook_calls);
		hook_op = f->op;
		hook_n = n;
		hook_mode = f->mode;
		hook_err = f->err;
		hook_fired = 0;
		hook_armed = 1;
		/* Only to count the shim's calls: N = 0 matches none. */
		fv_arm(FV_READ, 0, FV_ONCE);
	} else {
		fv_arm(f->kind, n, f->mode);
	}
}

/* The shim's calls of each kind from the last fv_arm() to disarm(). */
static long armed_calls[FV_KINDS];

/* Stop injecting; returns how many calls failed. */
static long disarm(const struct fault *f)
{
	int k;

	for (k = 0; k < FV_KINDS; k++)
		armed_calls[k] = fv_calls((enum fv_kind)k);
	fv_disarm();
	if (f->hook) {
		hook_armed = 0;
		return hook_fired;
	}
	return fv_fired();
}

static const char *fault_name(const struct fault *f)
{
	static char name[64];

	if (f->hook)
		snprintf(name, sizeof name, "hook %s %s%s", op_names[f->op], strerror(f->err),
		         f->mode == FV_PERSISTENT ? " from then on" : "");
	else
		snprintf(name, sizeof name, "vfs %s%s", fv_kind_name(f->kind),
		         f->mode == FV_PERSISTENT ? " from then on" : "");
	return name;
}

/* What a failed call may return: an I/O error, or for a lock that stays
 * taken, busy. */
static int acceptable_failure(const struct fault *f, pcreg_status st)
{
	if (st == PCREG_IO)
		return 1;
	return !f->hook && st == PCREG_BUSY && (f->kind == FV_LOCK || f->kind == FV_SHMLOCK);
}

/* ---- pacing ------------------------------------------------------------------------------ */

/* Each loop's share of PCREG_IOFAULT_BUDGET, in seconds (0: no budget). */
static double loop_budget;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static long env_long(const char *name, long fallback)
{
	const char *s = getenv(name);

	return s && *s ? atol(s) : fallback;
}

/* What the end of a loop finds wrong (no fault fired, messages that do
 * not name their file), kept and reported once all of a test's loops have
 * run, so that one such problem hides no other. A wrong registry or file
 * fails the test at once. */
struct problems {
	int n;
	char text[4096];
};

static void problem(struct problems *p, const char *fmt, ...) PCREG__PRINTF(2, 3);

static void problem(struct problems *p, const char *fmt, ...)
{
	size_t len = strlen(p->text);
	va_list ap;

	p->n++;
	if (len + 2 >= sizeof p->text)
		return;
	p->text[len++] = '\n';
	p->text[len] = '\0';
	va_start(ap, fmt);
	vsnprintf(p->text + len, sizeof p->text - len, fmt, ap);
	va_end(ap);
}

static void assert_no_problems(const struct problems *p)
{
	ck_assert_msg(p->n == 0, "%d problems:%s", p->n, p->text);
}

/* One loop over N: its pacing and its tallies. */
struct loop {
	char name[160];
	long stride;
	double budget, start, next_doubling;
	long n, last_n, runs, fired, absorbed, failures;
	long unnamed;            /* failures whose message lacks the file */
	char first_unnamed[1200];
	char first_failure[1200];
	long calls[FV_KINDS];    /* the shim's calls in the run without a fault */
};

static void loop_begin(struct loop *l, const char *scenario, const struct fault *f)
{
	/* A failed assertion in the last loop may have left faults armed. */
	fv_disarm();
	hook_armed = 0;
	memset(l, 0, sizeof *l);
	snprintf(l->name, sizeof l->name, "%s, %s", scenario, fault_name(f));
	l->stride = env_long("PCREG_IOFAULT_STRIDE", 1);
	if (l->stride < 1)
		l->stride = 1;
	l->budget = loop_budget;
	l->start = now();
	l->next_doubling = l->start + l->budget;
	l->n = 1;
}

static void loop_step(struct loop *l, long fired)
{
	int k;

	if (!fired)
		for (k = 0; k < FV_KINDS; k++)
			l->calls[k] = armed_calls[k];
	l->runs++;
	l->last_n = l->n;
	l->n += l->stride;
	if (l->budget > 0 && now() > l->next_doubling) {
		l->stride *= 2;
		l->next_doubling = now() + l->budget;
	}
}

/* Tally one run's outcome: @p fired faults, status @p st, message @p msg,
 * which should name @p file (NULL: no file is asked for). */
static void loop_record(struct loop *l, long fired, pcreg_status st, const char *msg,
                        const char *file)
{
	l->fired += fired;
	if (fired && st == PCREG_OK)
		l->absorbed++;
	if (st < 0) {
		if (l->failures == 0)
			snprintf(l->first_failure, sizeof l->first_failure, "N=%ld: %s: %s", l->n,
			         pcreg_status_str(st), msg);
		l->failures++;
		if (file && !strstr(msg, file) && l->unnamed++ == 0)
			snprintf(l->first_unnamed, sizeof l->first_unnamed, "N=%ld: \"%s\"", l->n, msg);
	}
}

static void loop_end(struct loop *l, struct problems *p)
{
	int k;

	if (getenv("PCREG_IOFAULT_VERBOSE")) {
		fprintf(stderr,
		        "%s: %ld runs (N to %ld), %ld faults fired, %ld calls failed, %ld absorbed,"
		        " %.1f s\n",
		        l->name, l->runs, l->last_n, l->fired, l->failures, l->absorbed,
		        now() - l->start);
		if (getenv("PCREG_IOFAULT_VERBOSE")[0] == '2') {
			if (l->failures)
				fprintf(stderr, "  first failure: %s\n", l->first_failure);
			fprintf(stderr, "  calls of a run without faults:");
			for (k = 0; k < FV_KINDS; k++)
				fprintf(stderr, " %s %ld", fv_kind_name((enum fv_kind)k), l->calls[k]);
			fprintf(stderr, "\n");
		}
	}
	if (l->fired == 0)
		problem(p, "%s: no fault fired in %ld runs", l->name, l->runs);
	if (l->unnamed)
		problem(p, "%s: %ld of %ld failures do not name the file in their message; first: %s",
		        l->name, l->unnamed, l->failures, l->first_unnamed);
}

/* ---- files and registries ------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long len;

	*size = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		data = malloc((size_t)len + 1);
		ck_assert_msg(data != NULL, "out of memory");
		*size = fread(data, 1, (size_t)len, f);
		ck_assert_msg(*size == (size_t)len, "%s: short read", path);
	}
	fclose(f);
	return data;
}

/* Remove a registry and whatever SQLite keeps beside it. */
static void remove_registry(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char name[1024];
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		ck_assert_msg(unlink(name) == 0 || errno == ENOENT, "%s: %s", name, strerror(errno));
	}
}

/* A registry closed cleanly is one file: its WAL is checkpointed, and gone
 * or empty (a read-only connection, such as tu_sql_dump()'s, leaves it
 * there, empty). */
static void copy_registry(const char *from, const char *to)
{
	char wal[1024];
	struct stat st;
	size_t size;
	char *data;

	snprintf(wal, sizeof wal, "%s-wal", from);
	ck_assert_msg(stat(wal, &st) != 0 || st.st_size == 0, "%s holds %lld bytes after a clean close",
	              wal, (long long)st.st_size);
	data = slurp(from, &size);
	ck_assert_msg(data != NULL, "%s: cannot read", from);
	remove_registry(to);
	tu_write_file(to, data, size);
	free(data);
}

/* tu_sql_dump() with the clock times SQLite wrote (an import's start and
 * end, a migration's) blanked: the reference states were made at another
 * second. */
static char *dump(const char *path)
{
	char *text = tu_sql_dump(path);
	char *p;

	for (p = text; *p; p++) {
		static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
		size_t i;

		for (i = 0; shape[i]; i++)
			if (!p[i] || (shape[i] == 'd' ? (p[i] < '0' || p[i] > '9') : p[i] != shape[i]))
				break;
		if (!shape[i]) {
			memcpy(p, "YYYY-MM-DDThh:mm:ssZ", sizeof shape - 1);
			p += sizeof shape - 2;
		}
	}
	return text;
}

/* PRAGMA integrity_check, read straight through SQLite: "ok" or the first
 * problem. */
static void assert_integrity(const char *path, const char *what)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	char result[512] = "(no row)";
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s: %s", what, path, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(result, sizeof result, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	ck_assert_msg(strcmp(result, "ok") == 0, "%s: integrity_check: %s", what, result);
}

/* Reopen without faults, as a user would after the failure: the open must
 * succeed, and (at the latest schema) the registry's own checks hold. */
static void assert_reopens(const char *path, const char *what)
{
	pcreg_db *db = NULL;
	pcreg_finding_iter *it = NULL;
	const pcreg_finding *finding;
	pcreg_status st = pcreg_db_open(path, NULL, &db);
	int version = 0;

	ck_assert_msg(st == PCREG_OK, "%s: reopening: %s", what, pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_schema_version(db, &version), PCREG_OK);
	if (version == pcreg_schema_latest_version()) {
		ck_assert_msg(pcreg_check_run(db, &it) == PCREG_OK, "%s: %s", what,
		              pcreg_db_errmsg(db));
		st = pcreg_finding_iter_next(it, &finding);
		ck_assert_msg(st == PCREG_DONE, "%s: pcreg_check_run: %s: %s", what,
		              st == PCREG_OK ? pcreg_finding_check(finding) : pcreg_status_str(st),
		              st == PCREG_OK ? pcreg_finding_detail(finding) : pcreg_db_errmsg(db));
		pcreg_finding_iter_free(it);
	}
	pcreg_db_close(db);
}

/* Which of the reference dumps @p text is: its index, or -1. */
static int which_state(const char *text, char *const *states, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(text, states[i]) == 0)
			return i;
	return -1;
}

static pcreg_db *open_registry(const char *path, int flags, int version)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_status st;

	opts.flags = flags;
	opts.schema_version = version;
	st = pcreg_db_open(path, &opts, &db);
	ck_assert_msg(st == PCREG_OK, "%s: %s", path, pcreg_db_errmsg(db));
	return db;
}

static pcreg_status import(pcreg_db *db, const char *file)
{
	pcreg_import_report *report = NULL;
	pcreg_status st = import_good_file(db, file, PCREG_IMPORT_STRICT, &report);

	pcreg_import_report_free(report);
	return st;
}

/* The path of good file @p i, into @p path. */
static const char *good_path(int i, char path[1024])
{
	snprintf(path, 1024, "%s%s", GOOD, good_files[i]);
	return path;
}

/* A registry file at @p path holding the first @p n good files. */
static void make_registry(const char *path, int n)
{
	pcreg_db *db;
	int i;

	remove_registry(path);
	db = open_registry(path, PCREG_OPEN_CREATE, 0);
	for (i = 0; i < n; i++) {
		char file[1024];

		ck_assert_msg(import(db, good_path(i, file)) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	}
	pcreg_db_close(db);
}

/* ---- imports ------------------------------------------------------------------------------- */

/* No xShmMap: the registry is opened outside the faults, and the WAL index
 * a small import uses is mapped by then (the migration's open fails it). */
static const struct fault import_faults[] = {
	VFS(FV_WRITE, FV_ONCE),
	VFS(FV_WRITE, FV_PERSISTENT),
	VFS(FV_SYNC, FV_ONCE),
	VFS(FV_SYNC, FV_PERSISTENT),
	VFS(FV_READ, FV_ONCE),
	VFS(FV_READ, FV_PERSISTENT),
	VFS(FV_TRUNCATE, FV_ONCE),
	VFS(FV_LOCK, FV_ONCE),
	VFS(FV_LOCK, FV_PERSISTENT),
	VFS(FV_SHMLOCK, FV_ONCE),
	VFS(FV_SHMLOCK, FV_PERSISTENT),
	HOOK(PCREG__IO_READ, EIO, FV_ONCE),
	HOOK(PCREG__IO_READ, EIO, FV_PERSISTENT),
};

#define N_IMPORT_FAULTS ((int)(sizeof import_faults / sizeof import_faults[0]))

/* How an import is run: strict or lenient (where a fault must still fail
 * the import, not be taken for a bad row and skipped), on its own or
 * inside the caller's transaction (a savepoint, committed by the caller),
 * and with SQLite short of memory (a soft heap limit of one byte), so that
 * its page cache spills into the WAL in the middle of the import and the
 * faults hit those writes too, not only the commit's. */
struct variant {
	const char *name;
	int mode;
	int in_transaction;
	int pressed; /* SQLite's soft heap limit at its lowest */
};

static const struct variant strict = { "import", PCREG_IMPORT_STRICT, 0, 0 };
static const struct variant lenient = { "lenient import", PCREG_IMPORT_LENIENT, 0, 0 };
static const struct variant in_transaction = { "import in a transaction", PCREG_IMPORT_STRICT,
	                                       1, 0 };
static const struct variant pressed = { "import short of memory", PCREG_IMPORT_STRICT, 0, 1 };

/* Every good file strictly; the other variants on a few files of
 * different shapes (the first file, into an empty registry; epraccur; a
 * sheet with a multi-line header; JSON Lines), which keeps the suite
 * short. */
static const struct import_case {
	int file; /* index in good_files */
	const struct variant *variant;
} import_cases[] = {
	{ 0, &strict },  { 1, &strict },  { 2, &strict },  { 3, &strict },  { 4, &strict },
	{ 5, &strict },  { 6, &strict },  { 7, &strict },  { 8, &strict },  { 9, &strict },
	{ 10, &strict }, { 11, &strict }, { 12, &strict },
	{ 2, &lenient }, { 6, &lenient }, { 12, &lenient },
	{ 0, &in_transaction }, { 2, &in_transaction },
	{ 2, &pressed }, { 6, &pressed },
};

#define N_IMPORT_CASES ((int)(sizeof import_cases / sizeof import_cases[0]))

/* Run one import as @p v says: the first failure, with its message in
 * @p msg; *by_import says whether the import failed (rather than the
 * caller's BEGIN or COMMIT, which have no file to name). */
static pcreg_status run_import(pcreg_db *db, const char *file, const struct variant *v,
                               char *msg, size_t size, int *by_import)
{
	pcreg_import_report *report = NULL;
	pcreg_status st = PCREG_OK;
	int begun = 0;

	*by_import = 0;
	if (v->pressed)
		sqlite3_soft_heap_limit64(1);
	if (v->in_transaction)
		begun = (st = pcreg_db_begin(db)) == PCREG_OK;
	if (st == PCREG_OK) {
		st = import_good_file(db, file, v->mode, &report);
		pcreg_import_report_free(report);
		*by_import = st != PCREG_OK;
		if (begun && st == PCREG_OK)
			st = pcreg_db_commit(db);
	}
	snprintf(msg, size, "%s", pcreg_db_errmsg(db));
	/* What a caller does after a failure (whatever it returns: the
	 * transaction may already be gone). */
	if (begun && st != PCREG_OK)
		pcreg_db_rollback(db);
	if (v->pressed)
		sqlite3_soft_heap_limit64(0);
	return st;
}

/* Import case _i: its good file into a registry holding the files before
 * it, under each fault in turn. */
START_TEST(test_import)
{
	const struct import_case *c = &import_cases[_i];
	char file[1024], base[512], work[512], scenario[128], *states[2];
	struct problems problems = { 0, "" };
	int f;

	snprintf(base, sizeof base, "%s", tu_path("import-base.db"));
	snprintf(work, sizeof work, "%s", tu_path("import-work.db"));
	snprintf(scenario, sizeof scenario, "%s of %s", c->variant->name, good_files[c->file]);
	good_path(c->file, file);
	make_registry(base, c->file);
	states[0] = dump(base);
	{
		char msg[1100];
		int by_import;
		pcreg_db *db;

		copy_registry(base, work);
		db = open_registry(work, 0, 0);
		ck_assert_msg(run_import(db, file, c->variant, msg, sizeof msg, &by_import) == PCREG_OK,
		              "%s", msg);
		pcreg_db_close(db);
		states[1] = dump(work);
	}
	ck_assert_msg(strcmp(states[0], states[1]) != 0, "%s changes nothing", file);

	for (f = 0; f < N_IMPORT_FAULTS; f++) {
		const struct fault *fault = &import_faults[f];
		struct loop l;
		long fired;

		loop_begin(&l, scenario, fault);
		do {
			char what[300], msg[1100], *text;
			long live;
			pcreg_status st;
			pcreg_db *db;
			int state, by_import;

			snprintf(what, sizeof what, "%s, N=%ld", l.name, l.n);
			copy_registry(base, work);
			live = tu_live_allocations();
			db = open_registry(work, 0, 0);
			arm(fault, l.n);
			st = run_import(db, file, c->variant, msg, sizeof msg, &by_import);
			pcreg_db_close(db);
			fired = disarm(fault);

			ck_assert_msg(st == PCREG_OK || acceptable_failure(fault, st),
			              "%s: status %s: %s", what, pcreg_status_str(st), msg);
			ck_assert_msg(st == PCREG_OK || fired, "%s: failed with no fault: %s", what,
			              msg);
			if (fault->hook)
				ck_assert_msg(st != PCREG_OK || !fired,
				              "%s: a read of the file failed but the import succeeded",
				              what);
			loop_record(&l, fired, st, msg, by_import ? file : NULL);
			assert_reopens(work, what);
			assert_integrity(work, what);
			text = dump(work);
			state = which_state(text, states, 2);
			free(text);
			ck_assert_msg(state >= 0, "%s: the registry is neither as it was nor as the"
			              " import makes it (status %s: %s)", what, pcreg_status_str(st), msg);
			ck_assert_msg(state == (st == PCREG_OK),
			              "%s: the import %s, but the registry holds %s", what,
			              st == PCREG_OK ? "succeeded" : "failed",
			              state ? "all of it" : "none of it");
			ck_assert_msg(tu_live_allocations() == live, "%s: %ld allocations leaked", what,
			              tu_live_allocations() - live);
			loop_step(&l, fired);
		} while (fired);
		loop_end(&l, &problems);
	}
	free(states[0]);
	free(states[1]);
	remove_registry(base);
	remove_registry(work);
	assert_no_problems(&problems);
}
END_TEST

/* ---- a migration ------------------------------------------------------------------------- */

/* Practices written straight into a schema 1 registry (whose API refuses
 * to work until it is migrated), so that migration 2 has an index to fill. */
static void add_v1_practices(const char *path, int n)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	int i, rc = sqlite3_open(path, &db);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
		                        "INSERT INTO practice (code, name, address1, address3, postcode,"
		                        " status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		                        -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", path, sqlite3_errmsg(db));
	for (i = 0; i < n; i++) {
		char code[16], name[64], street[64], postcode[16];

		snprintf(code, sizeof code, "M%05d", i);
		snprintf(name, sizeof name, "FICTIONAL SURGERY NUMBER %d", i);
		snprintf(street, sizeof street, "%d EXAMPLE ROAD", i + 1);
		snprintf(postcode, sizeof postcode, "ZZ%d %dAA", i % 90 + 1, i % 10);
		sqlite3_bind_text(stmt, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 3, street, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 4, "EXAMPLETOWN", -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, postcode, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 6, "active", -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		ck_assert_msg(rc == SQLITE_DONE, "%s: %s", path, sqlite3_errmsg(db));
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", path, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static const struct fault migrate_faults[] = {
	VFS(FV_WRITE, FV_ONCE),
	VFS(FV_WRITE, FV_PERSISTENT),
	VFS(FV_SYNC, FV_ONCE),
	VFS(FV_SYNC, FV_PERSISTENT),
	VFS(FV_READ, FV_ONCE),
	VFS(FV_READ, FV_PERSISTENT),
	VFS(FV_TRUNCATE, FV_ONCE),
	VFS(FV_LOCK, FV_ONCE),
	VFS(FV_LOCK, FV_PERSISTENT),
	VFS(FV_SHMMAP, FV_ONCE),
	VFS(FV_SHMLOCK, FV_ONCE),
	VFS(FV_SHMLOCK, FV_PERSISTENT),
};

#define N_MIGRATE_FAULTS ((int)(sizeof migrate_faults / sizeof migrate_faults[0]))

/* A registry at schema version 1 opened with PCREG_OPEN_MIGRATE. Each step
 * is its own transaction, so a failure may leave any version below the
 * newest, each exactly as its step left it; success, the newest. */
START_TEST(test_migration)
{
	char base[512], work[512], *states[8];
	struct problems problems = { 0, "" };
	int latest = pcreg_schema_latest_version(), v, f;

	ck_assert_int_le(latest, 8);
	snprintf(base, sizeof base, "%s", tu_path("migrate-base.db"));
	snprintf(work, sizeof work, "%s", tu_path("migrate-work.db"));
	remove_registry(base);
	pcreg_db_close(open_registry(base, PCREG_OPEN_CREATE, 1));
	add_v1_practices(base, 300);
	for (v = 1; v <= latest; v++) {
		copy_registry(base, work);
		pcreg_db_close(open_registry(work, PCREG_OPEN_MIGRATE, v));
		states[v - 1] = dump(work);
	}

	for (f = 0; f < N_MIGRATE_FAULTS; f++) {
		const struct fault *fault = &migrate_faults[f];
		struct loop l;
		long fired;

		loop_begin(&l, "migration", fault);
		do {
			pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
			char what[300], msg[1100], *text;
			long live;
			pcreg_status st;
			pcreg_db *db = NULL;
			int state;

			snprintf(what, sizeof what, "%s, N=%ld", l.name, l.n);
			copy_registry(base, work);
			live = tu_live_allocations();
			opts.flags = PCREG_OPEN_MIGRATE;
			arm(fault, l.n);
			st = pcreg_db_open(work, &opts, &db);
			snprintf(msg, sizeof msg, "%s", pcreg_db_errmsg(db));
			pcreg_db_close(db);
			fired = disarm(fault);

			ck_assert_msg(st == PCREG_OK || acceptable_failure(fault, st),
			              "%s: status %s: %s", what, pcreg_status_str(st), msg);
			ck_assert_msg(st == PCREG_OK || fired, "%s: failed with no fault: %s", what,
			              msg);
			/* The message names the registry being migrated. */
			loop_record(&l, fired, st, msg, work);
			assert_reopens(work, what);
			assert_integrity(work, what);
			text = dump(work);
			state = which_state(text, states, latest);
			free(text);
			ck_assert_msg(state >= 0,
			              "%s: the registry is at no version's state (status %s: %s)", what,
			              pcreg_status_str(st), msg);
			ck_assert_msg((state == latest - 1) == (st == PCREG_OK),
			              "%s: the migration %s, but the registry is at version %d", what,
			              st == PCREG_OK ? "succeeded" : "failed", state + 1);
			ck_assert_msg(tu_live_allocations() == live, "%s: %ld allocations leaked", what,
			              tu_live_allocations() - live);
			loop_step(&l, fired);
		} while (fired);
		loop_end(&l, &problems);
	}
	for (v = 1; v <= latest; v++)
		free(states[v - 1]);
	remove_registry(base);
	remove_registry(work);
	assert_no_problems(&problems);
}
END_TEST

/* ---- exports ------------------------------------------------------------------------------- */

static const struct fault export_faults[] = {
	HOOK(PCREG__IO_WRITE, EIO, FV_ONCE),
	HOOK(PCREG__IO_WRITE, ENOSPC, FV_PERSISTENT),
	HOOK(PCREG__IO_SYNC, EIO, FV_ONCE),
	HOOK(PCREG__IO_RENAME, EIO, FV_ONCE),
	HOOK(PCREG__IO_RENAME, EXDEV, FV_ONCE),
	/* The registry's side: it is read through the memory map (no xRead)
	 * and not written, so only its locks can fail. */
	VFS(FV_LOCK, FV_ONCE),
	VFS(FV_LOCK, FV_PERSISTENT),
	VFS(FV_SHMLOCK, FV_ONCE),
	VFS(FV_SHMLOCK, FV_PERSISTENT),
};

#define N_EXPORT_FAULTS ((int)(sizeof export_faults / sizeof export_faults[0]))

/* The names in @p dir other than @p keep: how many, and the first. */
static int strangers(const char *dir, const char *keep, char *first, size_t size)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_msg(d != NULL, "%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, keep) == 0)
			continue;
		if (n++ == 0)
			snprintf(first, size, "%s", e->d_name);
	}
	closedir(d);
	return n;
}

/* An export over an older export of the same entity: the commissioners of
 * a registry holding every good file, over the export made when it held
 * only the first three (before registry-commissioner.csv added some). */
START_TEST(test_export)
{
	static const pcreg_export_format_value formats[] = { PCREG_EXPORT_CSV, PCREG_EXPORT_JSONL };
	const pcreg_export_format_value format = formats[_i];
	char registry[512], dir[512], target[600], scenario[64], *state;
	char *old_bytes, *new_bytes;
	size_t old_size, new_size;
	struct problems problems = { 0, "" };
	pcreg_db *db;
	int f;

	snprintf(registry, sizeof registry, "%s", tu_path("export.db"));
	snprintf(dir, sizeof dir, "%s", tu_path(format == PCREG_EXPORT_CSV ? "csv" : "jsonl"));
	ck_assert_msg(mkdir(dir, 0777) == 0 || errno == EEXIST, "%s: %s", dir, strerror(errno));
	snprintf(target, sizeof target, "%s/commissioner", dir);
	snprintf(scenario, sizeof scenario, "export of commissioner as %s",
	         format == PCREG_EXPORT_CSV ? "CSV" : "JSON Lines");

	make_registry(registry, 3);
	db = open_registry(registry, 0, 0);
	ck_assert_msg(pcreg_export_file(db, "commissioner", format, target) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	pcreg_db_close(db);
	old_bytes = slurp(target, &old_size);
	make_registry(registry, N_GOOD);
	state = dump(registry);
	db = open_registry(registry, 0, 0);
	ck_assert_msg(pcreg_export_file(db, "commissioner", format, target) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	pcreg_db_close(db);
	new_bytes = slurp(target, &new_size);
	ck_assert_msg(old_bytes && new_bytes &&
	                      (old_size != new_size || memcmp(old_bytes, new_bytes, old_size) != 0),
	              "%s: the older export is the same as the new one", scenario);

	for (f = 0; f < N_EXPORT_FAULTS; f++) {
		const struct fault *fault = &export_faults[f];
		struct loop l;
		long fired;

		loop_begin(&l, scenario, fault);
		do {
			char what[300], msg[1100], stranger[256], *text, *bytes;
			size_t size;
			long live;
			pcreg_status st;
			int is_new;

			snprintf(what, sizeof what, "%s, N=%ld", l.name, l.n);
			tu_write_file(target, old_bytes, old_size);
			live = tu_live_allocations();
			db = open_registry(registry, 0, 0);
			arm(fault, l.n);
			st = pcreg_export_file(db, "commissioner", format, target);
			snprintf(msg, sizeof msg, "%s", pcreg_db_errmsg(db));
			pcreg_db_close(db);
			fired = disarm(fault);

			ck_assert_msg(st == PCREG_OK || acceptable_failure(fault, st),
			              "%s: status %s: %s", what, pcreg_status_str(st), msg);
			ck_assert_msg(st == PCREG_OK || fired, "%s: failed with no fault: %s", what,
			              msg);
			if (fault->hook)
				ck_assert_msg(st != PCREG_OK || !fired,
				              "%s: writing the file failed but the export succeeded", what);
			loop_record(&l, fired, st, msg, target);

			bytes = slurp(target, &size);
			ck_assert_msg(bytes != NULL, "%s: the target is gone", what);
			is_new = size == new_size && memcmp(bytes, new_bytes, size) == 0;
			ck_assert_msg(is_new || (size == old_size && memcmp(bytes, old_bytes, size) == 0),
			              "%s: the target is neither the old export nor the new one"
			              " (%zu bytes; old %zu, new %zu)",
			              what, size, old_size, new_size);
			free(bytes);
			ck_assert_msg(is_new == (st == PCREG_OK),
			              "%s: the export %s, but the target holds the %s export", what,
			              st == PCREG_OK ? "succeeded" : "failed", is_new ? "new" : "old");
			ck_assert_msg(strangers(dir, "commissioner", stranger, sizeof stranger) == 0,
			              "%s: %s is left beside the target", what, stranger);

			assert_reopens(registry, what);
			assert_integrity(registry, what);
			text = dump(registry);
			ck_assert_msg(strcmp(text, state) == 0, "%s: the registry changed", what);
			free(text);
			ck_assert_msg(tu_live_allocations() == live, "%s: %ld allocations leaked", what,
			              tu_live_allocations() - live);
			loop_step(&l, fired);
		} while (fired);
		loop_end(&l, &problems);
	}
	free(old_bytes);
	free(new_bytes);
	free(state);
	remove_registry(registry);
	assert_no_problems(&problems);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("iofault");
	TCase *imports = tcase_create("import");
	TCase *migration = tcase_create("migration");
	TCase *exports = tcase_create("export");

	tcase_set_timeout(imports, 0);
	tcase_set_timeout(migration, 0);
	tcase_set_timeout(exports, 0);
	tcase_add_loop_test(imports, test_import, 0, N_IMPORT_CASES);
	tcase_add_test(migration, test_migration);
	tcase_add_loop_test(exports, test_export, 0, 2);
	suite_add_tcase(s, imports);
	suite_add_tcase(s, migration);
	suite_add_tcase(s, exports);
	return s;
}

int main(void)
{
	tu_init();
	if (fv_register() != SQLITE_OK) {
		fprintf(stderr, "check_iofault: cannot register the VFS shim\n");
		return EXIT_FAILURE;
	}
	fv_skip_syncs(1);
	pcreg__io_fault = hook;
	loop_budget = (double)env_long("PCREG_IOFAULT_BUDGET", 0) /
	              (N_IMPORT_CASES * N_IMPORT_FAULTS + N_MIGRATE_FAULTS + 2 * N_EXPORT_FAULTS);
	return tu_run(suite());
}
