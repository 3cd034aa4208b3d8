/*
 * concurrency.c: one writer and four readers, each a process with its own
 * handle on one registry file, for PCREG_CONCURRENCY_SECONDS (20 unless
 * set).
 *
 * The writer imports two releases of an epraccur file, A and B, in turn,
 * strictly; they differ in thousands of rows (names, statuses and
 * commissioners). Each reader, inside one read transaction, reads every
 * practice and checks that it saw exactly one release, then checks that
 * as-of look-ups, single gets and now and then a report in the same
 * transaction agree with that release. Any failure in any process fails
 * the test with its message, PCREG_BUSY included: with WAL and the
 * default busy timeout, no lock may ever reach a caller.
 *
 * The parent writes the files, makes the registry (the commissioners,
 * then release A), forks the children and collects their exit codes. If
 * one fails it kills and reaps the others; each child also has an alarm
 * as a backstop, so no process outlives the test.
 *
 * Run: ctest -R concurrency, or the program tests/concurrency/concurrency
 * in a build directory.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <pcreg/pcreg.h>

/* Practices in each release: a national file in miniature. */
#define PRACTICES 3000
#define READERS 4
#define COMMISSIONERS 4
/* The day the as-of look-ups and the report ask about. */
#define AS_OF "2024-06-30"
/* A reader reopens its handle this often (in reads), as a program run
 * again would; the writer too (in imports). */
#define REOPEN_EVERY 25
#define WRITER_REOPEN_EVERY 4
/* How much lower the readers' priority is than the writer's. */
#define READER_NICENESS 5
/* and runs a report this often. */
#define REPORT_EVERY 8
/* Practices looked up one by one in each read. */
#define LOOKUPS 12

static const char *const commissioner_codes[COMMISSIONERS] = { "91A", "91B", "91C", "91D" };

enum release { RELEASE_A = 0, RELEASE_B = 1 };
static const char release_letter[2] = { 'A', 'B' };

/* Whose process this is, for messages. */
static char who[32] = "parent";
static pid_t parent_pid;

/* Files, set up by the parent before forking. */
static char dir[512];
static char registry_path[600];
static char eccg_path[600];
static char release_path[2][600];

static void fail(const char *fmt, ...)
{
	char message[1024];
	int n = snprintf(message, sizeof message, "concurrency: %s: ", who);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message + n, sizeof message - (size_t)n - 1, fmt, ap);
	va_end(ap);
	/* In one piece, so that processes failing together do not interleave. */
	strcat(message, "\n");
	fputs(message, stderr);
	/* A child stops at once: what it still holds is no leak worth a
	 * sanitizer's report, and the parent's exit handler is not its own. */
	if (parent_pid && getpid() != parent_pid) {
		fflush(NULL);
		_exit(1);
	}
	exit(1);
}

/* A call that returned @p st on @p db failed. */
static void fail_call(pcreg_db *db, const char *what, pcreg_status st)
{
	fail("%s: %s (%d): %s", what, pcreg_status_str(st), (int)st, pcreg_db_errmsg(db));
}

static const char *or_null(const char *text)
{
	return text ? text : "(null)";
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the two releases ------------------------------------------------------------------ */

/* Practice i's code: a letter and five digits. */
static void practice_code(int i, char out[8])
{
	snprintf(out, 8, "F%05u", (unsigned)(10000 + i) % 100000u);
}

/* Half the practices are renamed in B, with a marker. */
static void practice_name(int i, enum release r, char *out, size_t size)
{
	if (r == RELEASE_B && i % 2 == 0)
		snprintf(out, size, "CONCURRENCY PRACTICE %d RENAMED IN B", i);
	else
		snprintf(out, size, "CONCURRENCY PRACTICE %d", i);
}

/* Statuses change both ways: some active practices go dormant in B, some
 * dormant ones are active again. */
static pcreg_practice_status_value practice_status(int i, enum release r)
{
	if (i % 5 == 1)
		return r == RELEASE_A ? PCREG_PRACTICE_ACTIVE : PCREG_PRACTICE_DORMANT;
	if (i % 10 == 7)
		return r == RELEASE_A ? PCREG_PRACTICE_DORMANT : PCREG_PRACTICE_ACTIVE;
	return PCREG_PRACTICE_ACTIVE;
}

/*
 * A third of the practices have another commissioner in B. The period
 * starts on the same day in both releases, so each import corrects it
 * rather than moving the practice: importing A after B is then a change
 * like any other, where a real move back would overlap B's period.
 */
static int practice_commissioner(int i, enum release r)
{
	return (i + (r == RELEASE_B && i % 3 == 0 ? 1 : 0)) % COMMISSIONERS;
}

/* How many rows an import of one release over the other changes. */
static int rows_changed(void)
{
	char a[96], b[96];
	int i, n = 0;

	for (i = 0; i < PRACTICES; i++) {
		practice_name(i, RELEASE_A, a, sizeof a);
		practice_name(i, RELEASE_B, b, sizeof b);
		if (strcmp(a, b) != 0 || practice_status(i, RELEASE_A) != practice_status(i, RELEASE_B) ||
		    practice_commissioner(i, RELEASE_A) != practice_commissioner(i, RELEASE_B))
			n++;
	}
	return n;
}

static char status_letter(pcreg_practice_status_value s)
{
	return s == PCREG_PRACTICE_DORMANT ? 'D' : 'A';
}

/* Every field quoted, as ODS writes them. */
static void write_row(FILE *f, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++)
		fprintf(f, "%s\"%s\"", i ? "," : "", fields[i]);
	fputs("\r\n", f);
}

static FILE *create_file(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		fail("%s: %s", path, strerror(errno));
	return f;
}

static void close_file(FILE *f, const char *path)
{
	if (ferror(f) | fclose(f))
		fail("%s: could not write", path);
}

/* The 27 columns of eccg (tests/data/good/eccg.csv has the layout). */
static void write_eccg(const char *path)
{
	FILE *f = create_file(path);
	char name[64];
	int c;

	for (c = 0; c < COMMISSIONERS; c++) {
		const char *row[27] = { commissioner_codes[c], name, "Y56", "", "1 TEST STREET", "",
			                "TESTTON", "", "", "FX9 9ZZ", "20130401", "", "", "RO98",
			                "", "", "", "", "", "", "", "1", "", "", "", "", "" };

		snprintf(name, sizeof name, "NHS CONCURRENCY %s CCG", commissioner_codes[c]);
		write_row(f, row, 27);
	}
	close_file(f, path);
}

/* The 27 columns of epraccur (lib/import_ods.c names them). */
static void write_epraccur(const char *path, enum release r)
{
	FILE *f = create_file(path);
	int i;

	for (i = 0; i < PRACTICES; i++) {
		char code[8], name[96], address[32], postcode[16], phone[24], status[2];
		const char *commissioner = commissioner_codes[practice_commissioner(i, r)];
		const char *row[27] = { code, name, "Y56", "", address, "", "TESTTON", "", "",
			                postcode, "19900101", "", status, "B", commissioner,
			                "20130401", "", phone, "", "", "", "0", "", commissioner,
			                "", "4", "" };

		practice_code(i, code);
		practice_name(i, r, name, sizeof name);
		snprintf(address, sizeof address, "%d TEST ROAD", i + 1);
		snprintf(postcode, sizeof postcode, "FX%d %dAB", i % 90 + 1, i % 10);
		snprintf(phone, sizeof phone, "01000 %06d", i);
		status[0] = status_letter(practice_status(i, r));
		status[1] = '\0';
		write_row(f, row, 27);
	}
	close_file(f, path);
}

static pcreg_db *open_registry(int flags)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_status st;

	opts.flags = flags;
	st = pcreg_db_open(registry_path, &opts, &db);
	if (st != PCREG_OK) {
		if (!db)
			fail("pcreg_db_open %s: %s", registry_path, pcreg_status_str(st));
		fail_call(db, "pcreg_db_open", st);
	}
	return db;
}

/* @p released dates the release (NULL: the file's own date). */
static void import(pcreg_db *db, const char *path, pcreg_import_kind_value kind,
                   const char *released, pcreg_import_report **report)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_status st;

	opts.kind = kind;
	opts.mode = PCREG_IMPORT_STRICT;
	opts.released = released;
	st = pcreg_import_file(db, path, &opts, report);
	if (st != PCREG_OK) {
		char what[700];

		snprintf(what, sizeof what, "importing %s", path);
		pcreg_import_report_free(*report);
		*report = NULL;
		fail_call(db, what, st);
	}
}

/* ---- the writer ------------------------------------------------------------------------- */

/* One import of release @p r; every third one inside a transaction of
 * the caller's, where the import is a savepoint and the commit is ours. */
static void import_release(pcreg_db *db, enum release r, long import_no, int changed)
{
	pcreg_import_report *report = NULL;
	int in_transaction = import_no % 3 == 2;
	char released[32];
	pcreg_status st;

	if (in_transaction && (st = pcreg_db_begin(db)) != PCREG_OK)
		fail_call(db, "pcreg_db_begin", st);
	/* Each import is a newer release than the one before, so that the
	 * registry follows it (loading an old release again changes nothing). */
	snprintf(released, sizeof released, "%04ld-%02ld-01", 2000 + import_no / 12 % 7000,
	         1 + import_no % 12);
	import(db, release_path[r], PCREG_IMPORT_EPRACCUR, released, &report);
	if (in_transaction && (st = pcreg_db_commit(db)) != PCREG_OK)
		fail_call(db, "pcreg_db_commit", st);
	/* Each import really changes the rows that differ, and only them. */
	if (pcreg_import_report_rows_read(report) != PRACTICES ||
	    pcreg_import_report_updated(report) != changed ||
	    pcreg_import_report_unchanged(report) != PRACTICES - changed ||
	    pcreg_import_report_rejected(report) != 0)
		fail("import %ld of %c: read %lld rows, updated %lld, unchanged %lld, rejected %lld;"
		     " expected %d, %d, %d, 0",
		     import_no + 1, release_letter[r], (long long)pcreg_import_report_rows_read(report),
		     (long long)pcreg_import_report_updated(report),
		     (long long)pcreg_import_report_unchanged(report),
		     (long long)pcreg_import_report_rejected(report), PRACTICES, changed,
		     PRACTICES - changed);
	pcreg_import_report_free(report);
}

/* The WAL's size now, or 0. */
static long long wal_size(void)
{
	char wal[700];
	struct stat wal_st;

	snprintf(wal, sizeof wal, "%s-wal", registry_path);
	return stat(wal, &wal_st) == 0 ? (long long)wal_st.st_size : 0;
}

static int run_writer(double deadline)
{
	pcreg_db *db = open_registry(0);
	int changed = rows_changed();
	long imports = 0, reopens = 0;
	long long largest_wal = 0;
	/* The registry holds A: B comes first. */
	enum release next = RELEASE_B;

	while (now_seconds() < deadline) {
		/* As a program run once per import would (a new handle sets
		 * WAL mode again while the readers read). */
		if (imports > 0 && imports % WRITER_REOPEN_EVERY == 0) {
			pcreg_db_close(db);
			db = open_registry(0);
			reopens++;
		}
		import_release(db, next, imports, changed);
		if (wal_size() > largest_wal)
			largest_wal = wal_size();
		imports++;
		next = next == RELEASE_A ? RELEASE_B : RELEASE_A;
	}
	pcreg_db_close(db);
	/* For the record, not a check: readers that always overlap keep the
	 * checkpoints from reaching the WAL's end, so it can only grow while
	 * they read (SQLite's "checkpoint starvation"). */
	printf("writer: %ld imports of %d rows (%d changed each time), %ld reopens,"
	       " WAL up to %lld bytes\n",
	       imports, PRACTICES, changed, reopens, largest_wal);
	if (imports < 4)
		fail("only %ld imports: too few to test anything", imports);
	return 0;
}

/* ---- the readers ------------------------------------------------------------------------ */

struct reader_counts {
	long reads;
	long seen[2];
	long reports;
	long reopens;
};

/* Which release one practice row agrees with: bit 0 for A, bit 1 for B. */
static int row_agrees(int i, const char *name, pcreg_practice_status_value status)
{
	char expected[96];
	int r, agrees = 0;

	for (r = RELEASE_A; r <= RELEASE_B; r++) {
		practice_name(i, (enum release)r, expected, sizeof expected);
		if (name && strcmp(name, expected) == 0 && status == practice_status(i, (enum release)r))
			agrees |= 1 << r;
	}
	return agrees;
}

/* Every practice, in one statement; returns the one release they all agree with. */
static enum release read_practices(pcreg_db *db, long read_no)
{
	pcreg_practice_iter *it = NULL;
	const pcreg_practice *p;
	char only_a[8] = "", only_b[8] = "";
	long n_a = 0, n_b = 0;
	int i = 0;
	pcreg_status st = pcreg_practice_list(db, NULL, &it);

	if (st != PCREG_OK)
		fail_call(db, "pcreg_practice_list", st);
	while ((st = pcreg_practice_iter_next(it, &p)) == PCREG_OK) {
		char code[8];
		int agrees;

		if (i >= PRACTICES)
			fail("read %ld: more than %d practices", read_no, PRACTICES);
		practice_code(i, code);
		if (!pcreg_practice_code(p) || strcmp(pcreg_practice_code(p), code) != 0)
			fail("read %ld: practice %d is %s, expected %s", read_no, i,
			     or_null(pcreg_practice_code(p)), code);
		agrees = row_agrees(i, pcreg_practice_name(p), pcreg_practice_status(p));
		if (agrees == 0)
			fail("read %ld: %s is \"%s\", %s: neither release's", read_no, code,
			     or_null(pcreg_practice_name(p)),
			     or_null(pcreg_practice_status_str(pcreg_practice_status(p))));
		if (agrees == 1 && n_a++ == 0)
			memcpy(only_a, code, sizeof only_a);
		if (agrees == 2 && n_b++ == 0)
			memcpy(only_b, code, sizeof only_b);
		i++;
	}
	pcreg_practice_iter_free(it);
	if (st != PCREG_DONE)
		fail_call(db, "pcreg_practice_iter_next", st);
	if (i != PRACTICES)
		fail("read %ld: %d practices, expected %d", read_no, i, PRACTICES);
	if (n_a && n_b)
		fail("read %ld: a mix of releases in one transaction: %ld practices as in A"
		     " (first %s), %ld as in B (first %s)",
		     read_no, n_a, only_a, n_b, only_b);
	if (!n_a && !n_b)
		fail("read %ld: every practice agrees with both releases", read_no);
	return n_a ? RELEASE_A : RELEASE_B;
}

/* Single look-ups in the same transaction: as-of memberships and gets of
 * practices whose rows differ between the releases. */
static void check_lookups(pcreg_db *db, long read_no, enum release r, unsigned *seed)
{
	int k;

	for (k = 0; k < LOOKUPS; k++) {
		/* A multiple of 6: renamed, and in another commissioner in B. */
		int i = (int)(((*seed = *seed * 1103515245u + 12345u) >> 8) % (PRACTICES / 6)) * 6;
		const char *expected = commissioner_codes[practice_commissioner(i, r)];
		char code[8], name[96];
		pcreg_membership *m = NULL;
		pcreg_practice *p = NULL;
		pcreg_status st;

		practice_code(i, code);
		st = pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, code, AS_OF, &m);
		if (st != PCREG_OK)
			fail_call(db, "pcreg_membership_on", st);
		if (!pcreg_membership_organisation(m) ||
		    strcmp(pcreg_membership_organisation(m), expected) != 0)
			fail("read %ld: %s is in %s on " AS_OF ", but the list was release %c (%s)",
			     read_no, code, or_null(pcreg_membership_organisation(m)),
			     release_letter[r], expected);
		pcreg_membership_free(m);

		st = pcreg_practice_get(db, code, &p);
		if (st != PCREG_OK)
			fail_call(db, "pcreg_practice_get", st);
		practice_name(i, r, name, sizeof name);
		if (!pcreg_practice_name(p) || strcmp(pcreg_practice_name(p), name) != 0)
			fail("read %ld: %s is \"%s\", but the list was release %c (\"%s\")", read_no,
			     code, or_null(pcreg_practice_name(p)), release_letter[r], name);
		pcreg_practice_free(p);
	}
}

/* The CQC report counts each commissioner's practices on a date: the
 * counts must be the release's. */
static void check_report(pcreg_db *db, long read_no, enum release r)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *row;
	int64_t expected[COMMISSIONERS] = { 0 };
	int i, c = 0, totals = 0;
	pcreg_status st;

	for (i = 0; i < PRACTICES; i++)
		expected[practice_commissioner(i, r)]++;
	opts.on = AS_OF;
	st = pcreg_report_cqc(db, &opts, &it);
	if (st != PCREG_OK)
		fail_call(db, "pcreg_report_cqc", st);
	while ((st = pcreg_cqc_iter_next(it, &row)) == PCREG_OK) {
		if (pcreg_cqc_row_is_total(row)) {
			totals++;
			if (pcreg_cqc_row_practices(row) != PRACTICES)
				fail("read %ld: the report's total is %lld practices, expected %d",
				     read_no, (long long)pcreg_cqc_row_practices(row), PRACTICES);
			continue;
		}
		if (c >= COMMISSIONERS || !pcreg_cqc_row_commissioner(row) ||
		    strcmp(pcreg_cqc_row_commissioner(row), commissioner_codes[c]) != 0)
			fail("read %ld: report row %d is %s, expected %s", read_no, c + 1,
			     or_null(pcreg_cqc_row_commissioner(row)),
			     c < COMMISSIONERS ? commissioner_codes[c] : "none");
		if (pcreg_cqc_row_practices(row) != expected[c])
			fail("read %ld: the report gives %s %lld practices, release %c has %lld",
			     read_no, commissioner_codes[c], (long long)pcreg_cqc_row_practices(row),
			     release_letter[r], (long long)expected[c]);
		c++;
	}
	pcreg_cqc_iter_free(it);
	if (st != PCREG_DONE)
		fail_call(db, "pcreg_cqc_iter_next", st);
	if (c != COMMISSIONERS || totals != 1)
		fail("read %ld: the report had %d commissioners and %d totals rows", read_no, c,
		     totals);
}

static int run_reader(int id, double deadline)
{
	struct reader_counts n = { 0, { 0, 0 }, 0, 0 };
	unsigned seed = 2024u + (unsigned)id;
	pcreg_db *db = open_registry(PCREG_OPEN_READONLY);
	pcreg_status st;

	while (now_seconds() < deadline) {
		enum release r;

		if (n.reads > 0 && n.reads % REOPEN_EVERY == 0) {
			pcreg_db_close(db);
			db = open_registry(PCREG_OPEN_READONLY);
			n.reopens++;
		}
		if ((st = pcreg_db_begin(db)) != PCREG_OK)
			fail_call(db, "pcreg_db_begin", st);
		r = read_practices(db, n.reads + 1);
		check_lookups(db, n.reads + 1, r, &seed);
		if (n.reads % REPORT_EVERY == 0) {
			check_report(db, n.reads + 1, r);
			n.reports++;
		}
		if ((st = pcreg_db_rollback(db)) != PCREG_OK)
			fail_call(db, "pcreg_db_rollback", st);
		n.reads++;
		n.seen[r]++;
	}
	pcreg_db_close(db);
	printf("reader %d: %ld reads (%ld of A, %ld of B), %ld reports, %ld reopens\n", id,
	       n.reads, n.seen[RELEASE_A], n.seen[RELEASE_B], n.reports, n.reopens);
	if (n.reads < 4)
		fail("only %ld reads: too few to test anything", n.reads);
	/* The writer changed the release many times while this reader read:
	 * one that never saw both would be stuck on an old snapshot. */
	if (!n.seen[RELEASE_A] || !n.seen[RELEASE_B])
		fail("saw only release %c", n.seen[RELEASE_A] ? 'A' : 'B');
	return 0;
}

/* ---- the parent ------------------------------------------------------------------------- */

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	pcreg_import_report *report = NULL;
	pcreg_db *db;

	snprintf(dir, sizeof dir, "%s/pcreg-concurrency-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		int e = errno;

		dir[0] = '\0';
		fail("mkdtemp: %s", strerror(e));
	}
	snprintf(registry_path, sizeof registry_path, "%s/registry.db", dir);
	snprintf(eccg_path, sizeof eccg_path, "%s/eccg.csv", dir);
	snprintf(release_path[RELEASE_A], sizeof release_path[0], "%s/epraccur-a.csv", dir);
	snprintf(release_path[RELEASE_B], sizeof release_path[1], "%s/epraccur-b.csv", dir);
	write_eccg(eccg_path);
	write_epraccur(release_path[RELEASE_A], RELEASE_A);
	write_epraccur(release_path[RELEASE_B], RELEASE_B);

	db = open_registry(PCREG_OPEN_CREATE);
	import(db, eccg_path, PCREG_IMPORT_ECCG, NULL, &report);
	pcreg_import_report_free(report);
	import(db, release_path[RELEASE_A], PCREG_IMPORT_EPRACCUR, "1999-12-01", &report);
	pcreg_import_report_free(report);
	/* No connection may cross the fork. */
	pcreg_db_close(db);
}

/* At the parent's exit, however it exits (children inherit the handler). */
static void remove_files(void)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	if (getpid() != parent_pid || !dir[0])
		return;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char path[700];

		snprintf(path, sizeof path, "%s%s", registry_path, suffixes[i]);
		unlink(path);
	}
	unlink(eccg_path);
	unlink(release_path[RELEASE_A]);
	unlink(release_path[RELEASE_B]);
	rmdir(dir);
}

static pid_t start_child(int id, double deadline, unsigned backstop)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return pid;
	if (pid > 0)
		return pid;
#ifdef __linux__
	/* Die with the parent, should something kill it first. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	alarm(backstop);
	if (id < 0) {
		snprintf(who, sizeof who, "writer");
		exit(run_writer(deadline));
	}
	snprintf(who, sizeof who, "reader %d", id);
	/* Four readers that never pause would leave the writer a fifth of two
	 * cores (too few imports under the sanitizers): the readers yield.
	 * Failure only costs imports. */
	errno = 0;
	if (nice(READER_NICENESS) == -1 && errno != 0)
		fprintf(stderr, "concurrency: %s: nice: %s\n", who, strerror(errno));
	exit(run_reader(id, deadline));
}

static void report_exit(const char *name, int status)
{
	if (WIFEXITED(status))
		fprintf(stderr, "concurrency: %s exited with %d\n", name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		fprintf(stderr, "concurrency: %s was killed by signal %d%s\n", name, WTERMSIG(status),
		        WTERMSIG(status) == SIGALRM ? " (its alarm: it ran far too long)" : "");
	else
		fprintf(stderr, "concurrency: %s stopped (status 0x%x)\n", name, (unsigned)status);
}

int main(void)
{
	const char *env = getenv("PCREG_CONCURRENCY_SECONDS");
	long seconds = 20;
	pid_t pids[READERS + 1] = { 0 };
	char names[READERS + 1][16];
	int alive = 0, failed = 0, k;
	double start, give_up;
	unsigned backstop;

	if (env && *env) {
		char *end;

		seconds = strtol(env, &end, 10);
		if (*end || seconds < 1 || seconds > 3600)
			fail("PCREG_CONCURRENCY_SECONDS=%s: not a number of seconds from 1 to 3600", env);
	}
	parent_pid = getpid();
	atexit(remove_files);
	setup();
	printf("concurrency: %d readers and a writer for %ld s on %s\n", READERS, seconds,
	       registry_path);

	/* A child's last import or read may start just before the deadline and
	 * then wait up to the busy timeout; the backstops allow for much more
	 * (and for the sanitizers). */
	backstop = (unsigned)(seconds * 3 + 120);
	start = now_seconds();
	give_up = start + (double)backstop + 30;
	for (k = 0; k <= READERS; k++) {
		int id = k == 0 ? -1 : k;

		if (k == 0)
			snprintf(names[k], sizeof names[k], "writer");
		else
			snprintf(names[k], sizeof names[k], "reader %d", k);
		pids[k] = start_child(id, start + (double)seconds, backstop);
		if (pids[k] < 0) {
			fprintf(stderr, "concurrency: fork: %s\n", strerror(errno));
			failed = 1;
			break;
		}
		alive++;
	}

	/* Collect every child; at the first failure, stop the rest. */
	while (alive > 0) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (pid < 0 && errno != EINTR) {
			fprintf(stderr, "concurrency: waitpid: %s\n", strerror(errno));
			failed = 1;
			break;
		}
		if (pid <= 0) {
			if (!failed && now_seconds() > give_up) {
				fprintf(stderr, "concurrency: children still running after %.0f s\n",
				        give_up - start);
				failed = 1;
			}
			if (failed) {
				for (k = 0; k <= READERS; k++)
					if (pids[k] > 0)
						kill(pids[k], SIGKILL);
			}
			{
				struct timespec nap = { 0, 50 * 1000 * 1000 };

				nanosleep(&nap, NULL);
			}
			continue;
		}
		for (k = 0; k <= READERS; k++) {
			if (pids[k] != pid)
				continue;
			pids[k] = 0;
			alive--;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				/* Those the parent killed need no word. */
				if (!failed || !WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
					report_exit(names[k], status);
				failed = 1;
			}
		}
	}
	/* Whatever went wrong above, nothing is left running. */
	for (k = 0; k <= READERS; k++) {
		if (pids[k] > 0) {
			kill(pids[k], SIGKILL);
			waitpid(pids[k], NULL, 0);
		}
	}
	if (failed) {
		fprintf(stderr, "concurrency: FAILED\n");
		return 1;
	}
	printf("concurrency: passed in %.1f s\n", now_seconds() - start);
	return 0;
}
