/*
 * check_corpus.c: the malformed-input corpus. Every line of
 * tests/corpus/expected.tsv names a bad file (in tests/data/bad, or made
 * here at test time), the kind it is imported as, and the exact status and
 * message a STRICT import must fail with; the registry must be exactly as
 * it was afterwards (the SHA-256 of its dump unchanged) and pass SQLite's
 * integrity check.
 *
 * The comparison is a function that says what differed rather than
 * asserting, so that a test here can show that a wrong expectation is
 * caught.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "testutil.h"

#define BAD PCREG_SOURCE_DIR "/tests/data/bad/"
#define MANIFEST PCREG_SOURCE_DIR "/tests/corpus/expected.tsv"

#define MAX_CASES 256
#define MIB 1048576

/* ---- the manifest ------------------------------------------------------------------------ */

struct corpus_case {
	int line;             /* in expected.tsv */
	char file[128];
	int kind;             /* a pcreg_import_kind_value */
	pcreg_status status;
	char message[1024];   /* with @ for the path */
	char made[128];       /* "-": committed in tests/data/bad */
};

static struct corpus_case cases[MAX_CASES];
static int n_cases;

static const struct {
	const char *name;
	pcreg_status status;
} status_names[] = {
	{ "PCREG_ERROR", PCREG_ERROR },
	{ "PCREG_NOMEM", PCREG_NOMEM },
	{ "PCREG_NOTFOUND", PCREG_NOTFOUND },
	{ "PCREG_EXISTS", PCREG_EXISTS },
	{ "PCREG_INVALID", PCREG_INVALID },
	{ "PCREG_CONSTRAINT", PCREG_CONSTRAINT },
	{ "PCREG_CONFLICT", PCREG_CONFLICT },
	{ "PCREG_BUSY", PCREG_BUSY },
	{ "PCREG_READONLY", PCREG_READONLY },
	{ "PCREG_IO", PCREG_IO },
	{ "PCREG_CORRUPT", PCREG_CORRUPT },
	{ "PCREG_MISUSE", PCREG_MISUSE },
};

/* The enum name, or the text pcreg_status_str() gives; 1 if neither. */
static int parse_status(const char *text, pcreg_status *out)
{
	size_t i;
	int s;

	for (i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
		if (strcmp(text, status_names[i].name) == 0) {
			*out = status_names[i].status;
			return 0;
		}
	for (s = PCREG_CYCLE; s < PCREG_OK; s++)
		if (strcmp(text, pcreg_status_str((pcreg_status)s)) == 0) {
			*out = (pcreg_status)s;
			return 0;
		}
	return 1;
}

static void copy_column(char *out, size_t size, const char *text, int line)
{
	if (strlen(text) >= size) {
		fprintf(stderr, "%s:%d: a column is too long\n", MANIFEST, line);
		exit(2);
	}
	memcpy(out, text, strlen(text) + 1);
}

/* Read the manifest before the suite is made: its lines are the loop. A
 * malformed line stops the run (exit 2), naming it. */
static void read_manifest(void)
{
	FILE *f = fopen(MANIFEST, "r");
	char text[4096];
	int line = 0;

	if (!f) {
		perror(MANIFEST);
		exit(2);
	}
	while (fgets(text, sizeof text, f)) {
		char *col[6];
		int n = 0, kind;
		char *p = text, *tab;
		struct corpus_case *c;

		line++;
		text[strcspn(text, "\r\n")] = '\0';
		if (text[0] == '\0' || text[0] == '#')
			continue;
		while (n < 6) {
			col[n++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (n != 4 && n != 5) {
			fprintf(stderr, "%s:%d: expected 4 or 5 columns, found %d\n", MANIFEST, line, n);
			exit(2);
		}
		if (n_cases == MAX_CASES) {
			fprintf(stderr, "%s:%d: more than %d cases\n", MANIFEST, line, MAX_CASES);
			exit(2);
		}
		c = &cases[n_cases++];
		c->line = line;
		copy_column(c->file, sizeof c->file, col[0], line);
		kind = pcreg_import_kind_parse(col[1]);
		if (kind < 0) {
			fprintf(stderr, "%s:%d: \"%s\" is not a kind\n", MANIFEST, line, col[1]);
			exit(2);
		}
		c->kind = kind;
		if (parse_status(col[2], &c->status)) {
			fprintf(stderr, "%s:%d: \"%s\" is not a status\n", MANIFEST, line, col[2]);
			exit(2);
		}
		copy_column(c->message, sizeof c->message, col[3], line);
		copy_column(c->made, sizeof c->made, n == 5 ? col[4] : "-", line);
	}
	fclose(f);
}

/* ---- the registry the files are imported into -------------------------------------------- */

/* A new registry file holding what the bad files refer to
 * (tu_add_reference_data()). */
static pcreg_db *open_registry(char *path, size_t size)
{
	static int n;
	char name[32];
	pcreg_db *db;

	snprintf(name, sizeof name, "corpus-%d.db", ++n);
	snprintf(path, size, "%s", tu_path(name));
	db = tu_open(path, PCREG_OPEN_CREATE);
	tu_add_reference_data(db);
	return db;
}

/* The SHA-256 of everything the registry holds (tu_sql_dump: schema and
 * every row), as hex. */
static void content_hash(const char *path, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	char *dump = tu_sql_dump(path);
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(dump), (const uint8_t *)dump);
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	free(dump);
}

/* PRAGMA integrity_check's first row: "ok" for a sound file. */
static void integrity(const char *path, char *out, size_t size)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_open_v2(path, &sql, SQLITE_OPEN_READONLY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(sql, "PRAGMA integrity_check", -1, &stmt, NULL);
	if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	else
		snprintf(out, size, "cannot check: %s", sqlite3_errmsg(sql));
	sqlite3_finalize(stmt);
	sqlite3_close(sql);
}

/* ---- files made at test time ------------------------------------------------------------- */

/* A good epraccur row (F81001, as tests/data/good has it), with its line end. */
static const char EPRACCUR_ROW[] =
	"\"F81001\",\"FICTIONAL MEADOW SURGERY\",\"Y56\",\"QF1\",\"1 EXAMPLE ROAD\",\"\","
	"\"FICTIONTON\",\"\",\"\",\"FX1 1AA\",\"19740401\",\"\",\"A\",\"B\",\"99F\",\"20130401\","
	"\"\",\"01000 000001\",\"\",\"\",\"\",\"0\",\"\",\"99F\",\"\",\"4\",\"\"\n";

struct text {
	char *p;
	size_t n, cap;
};

static void put(struct text *t, const void *data, size_t n)
{
	if (t->n + n > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;

		while (cap < t->n + n)
			cap *= 2;
		t->p = realloc(t->p, cap);
		ck_assert_ptr_nonnull(t->p);
		t->cap = cap;
	}
	memcpy(t->p + t->n, data, n);
	t->n += n;
}

static void put_str(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

static void put_repeated(struct text *t, char c, size_t n)
{
	char block[4096];

	memset(block, c, sizeof block);
	while (n > 0) {
		size_t k = n < sizeof block ? n : sizeof block;

		put(t, block, k);
		n -= k;
	}
}

static void write_text(const char *path, struct text *t)
{
	tu_write_file(path, t->p, t->n);
	free(t->p);
	memset(t, 0, sizeof *t);
}

/* Line 2: the good row with its name 1 MiB + 1 bytes long. */
static void make_huge_field(const char *path)
{
	struct text t = { NULL, 0, 0 };
	const char *name = strstr(EPRACCUR_ROW, "FICTIONAL MEADOW SURGERY");

	put_str(&t, EPRACCUR_ROW);
	put(&t, EPRACCUR_ROW, (size_t)(name - EPRACCUR_ROW));
	put_repeated(&t, 'N', MIB + 1);
	put_str(&t, name + strlen("FICTIONAL MEADOW SURGERY"));
	write_text(path, &t);
}

/* Line 2: 27 quoted fields of 640 KiB each, 17 MiB in all, none over
 * 1 MiB. */
static void make_huge_record(const char *path)
{
	struct text t = { NULL, 0, 0 };
	int i;

	put_str(&t, EPRACCUR_ROW);
	for (i = 0; i < 27; i++) {
		put_str(&t, i ? ",\"" : "\"");
		put_repeated(&t, 'X', 640 * 1024);
		put_str(&t, "\"");
	}
	put_str(&t, "\n");
	write_text(path, &t);
}

static void put_wide_line(struct text *t, int prefix)
{
	char cell[32];
	int i;

	for (i = 1; i <= 100000; i++) {
		if (prefix)
			snprintf(cell, sizeof cell, "%scol%d", i > 1 ? "," : "", i);
		else
			snprintf(cell, sizeof cell, "%sx", i > 1 ? "," : "");
		put_str(t, cell);
	}
	put_str(t, "\n");
}

static void make_wide(const char *path)
{
	struct text t = { NULL, 0, 0 };

	put_wide_line(&t, 1);
	write_text(path, &t);
}

static void make_wide_row(const char *path)
{
	struct text t = { NULL, 0, 0 };

	put_str(&t, EPRACCUR_ROW);
	put_wide_line(&t, 0);
	write_text(path, &t);
}

static void *read_whole(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	struct text t = { NULL, 0, 0 };
	char buf[4096];
	size_t n;

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		put(&t, buf, n);
	fclose(f);
	*size = t.n;
	return t.p;
}

/* A FIFO and a child that writes a file into it once the import opens
 * it for reading. The child's open() waits for a reader; should the
 * import never open the FIFO, fifo_done() opens it itself, so nothing
 * waits for ever. */
struct fifo {
	pid_t child;
	const char *path;
};

static void fifo_start(struct fifo *ff, const char *path, const char *source)
{
	size_t size = 0;
	void *data = read_whole(source, &size);

	ck_assert_msg(mkfifo(path, 0600) == 0, "mkfifo %s: %s", path, strerror(errno));
	ff->path = path;
	ff->child = fork();
	ck_assert_msg(ff->child >= 0, "fork: %s", strerror(errno));
	if (ff->child == 0) {
		const char *p = data;
		int fd;

		/* The import may stop reading before the end. */
		signal(SIGPIPE, SIG_IGN);
		fd = open(path, O_WRONLY);
		if (fd < 0)
			_exit(3);
		while (size > 0) {
			ssize_t k = write(fd, p, size);

			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			p += k;
			size -= (size_t)k;
		}
		close(fd);
		/* _exit: not the parent's atexit handlers (its temporary folder). */
		_exit(0);
	}
	free(data);
}

/* 0 when the child wrote and ended; else a description into why. */
static int fifo_done(struct fifo *ff, char *why, size_t size)
{
	int status = 0, fd = -1;
	pid_t got = waitpid(ff->child, &status, WNOHANG);

	if (got == 0) {
		/* Still waiting for a reader, or writing: be one. */
		fd = open(ff->path, O_RDONLY | O_NONBLOCK);
		got = waitpid(ff->child, &status, 0);
	}
	if (fd >= 0)
		close(fd);
	if (got != ff->child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(why, size, "the FIFO's writer did not end well (status %d)", status);
		return 1;
	}
	return 0;
}

/* ---- one case ---------------------------------------------------------------------------- */

/* The expected message with @ replaced by the path. */
static void expand(const char *message, const char *path, char *out, size_t size)
{
	size_t n = 0;
	const char *p;

	for (p = message; *p && n + 1 < size; p++) {
		if (*p == '@') {
			n += (size_t)snprintf(out + n, size - n, "%s", path);
			if (n >= size)
				n = size - 1;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

/* Import the case's file strict into a fresh registry and compare; 0 if
 * everything was as the manifest says, else what differed in why. */
static int run_case(const struct corpus_case *c, char *why, size_t size)
{
	char db_path[512], path[1024], expected[2048], before[65], after[65], ok[256];
	char message[2048];
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *report = NULL;
	pcreg_db *db = open_registry(db_path, sizeof db_path);
	struct fifo ff = { 0, NULL };
	pcreg_status got;
	int failed = 0;

	why[0] = '\0';
	if (strcmp(c->made, "-") == 0) {
		snprintf(path, sizeof path, "%s%s", BAD, c->file);
	} else {
		snprintf(path, sizeof path, "%s", tu_path(c->file));
		if (strcmp(c->made, "huge-field") == 0)
			make_huge_field(path);
		else if (strcmp(c->made, "huge-record") == 0)
			make_huge_record(path);
		else if (strcmp(c->made, "wide") == 0)
			make_wide(path);
		else if (strcmp(c->made, "wide-row") == 0)
			make_wide_row(path);
		else if (strcmp(c->made, "directory") == 0)
			ck_assert_msg(mkdir(path, 0700) == 0, "mkdir %s: %s", path, strerror(errno));
		else if (strncmp(c->made, "fifo:", 5) == 0) {
			char source[1024];

			snprintf(source, sizeof source, "%s%s", BAD, c->made + 5);
			fifo_start(&ff, path, source);
		} else
			ck_abort_msg("expected.tsv:%d: no generator \"%s\"", c->line, c->made);
	}
	expand(c->message, path, expected, sizeof expected);
	content_hash(db_path, before);

	opts.kind = c->kind;
	opts.mode = PCREG_IMPORT_STRICT;
	got = pcreg_import_file(db, path, &opts, &report);
	snprintf(message, sizeof message, "%s", pcreg_db_errmsg(db));
	pcreg_import_report_free(report);
	if (ff.child > 0 && fifo_done(&ff, why, size))
		failed = 1;
	else if (got != c->status) {
		snprintf(why, size, "status %s (%d), expected %s (%d); message \"%.1800s\"",
		         pcreg_status_str(got), got, pcreg_status_str(c->status), c->status, message);
		failed = 1;
	} else if (strcmp(message, expected) != 0) {
		snprintf(why, size, "message\n  \"%.1800s\", expected\n  \"%.1800s\"", message, expected);
		failed = 1;
	}
	/* The handle is free again: the failed import let go of it. */
	if (!failed && (pcreg_db_begin(db) != PCREG_OK || pcreg_db_rollback(db) != PCREG_OK)) {
		snprintf(why, size, "the handle is still held after the import: %s",
		         pcreg_db_errmsg(db));
		failed = 1;
	}
	pcreg_db_close(db);

	content_hash(db_path, after);
	if (!failed && strcmp(before, after) != 0) {
		snprintf(why, size, "the registry's content changed (SHA-256 %s, was %s)", after,
		         before);
		failed = 1;
	}
	integrity(db_path, ok, sizeof ok);
	if (!failed && strcmp(ok, "ok") != 0) {
		snprintf(why, size, "PRAGMA integrity_check: %s", ok);
		failed = 1;
	}
	if (strcmp(c->made, "-") != 0)
		remove(path);
	return failed;
}

START_TEST(test_case)
{
	const struct corpus_case *c = &cases[_i];
	char why[4096];

	ck_assert_msg(run_case(c, why, sizeof why) == 0, "expected.tsv:%d: %s (%s): %s", c->line,
	              c->file, pcreg_import_kind_str((pcreg_import_kind_value)c->kind), why);
}
END_TEST

/* ---- the corpus itself --------------------------------------------------------------------- */

static const struct corpus_case *find_case(const char *file)
{
	int i;

	for (i = 0; i < n_cases; i++)
		if (strcmp(cases[i].made, "-") == 0 && strcmp(cases[i].file, file) == 0)
			return &cases[i];
	return NULL;
}

/* Every bad file has its line, and every line's file is there; the
 * corpus is as large as the issue asks, and covers every kind. */
START_TEST(test_manifest_covers_the_folder)
{
	DIR *dir = opendir(BAD);
	struct dirent *e;
	int files = 0, i, k, generated = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, "fine-", 5) == 0)
			continue;
		files++;
		ck_assert_msg(find_case(e->d_name) != NULL, "tests/data/bad/%s has no line in %s",
		              e->d_name, MANIFEST);
	}
	closedir(dir);
	for (i = 0; i < n_cases; i++) {
		struct stat st;
		char path[1024];
		int j;

		if (strcmp(cases[i].made, "-") != 0) {
			generated++;
			continue;
		}
		snprintf(path, sizeof path, "%s%s", BAD, cases[i].file);
		ck_assert_msg(stat(path, &st) == 0, "expected.tsv:%d: no file %s", cases[i].line,
		              path);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(cases[j].file, cases[i].file) != 0,
			              "expected.tsv:%d: %s again", cases[i].line, cases[i].file);
	}
	ck_assert_int_eq(files + generated, n_cases);
	ck_assert_int_ge(n_cases, 40);
	for (k = PCREG_IMPORT_EPRACCUR; k <= PCREG_IMPORT_REGISTRY_JSONL; k++) {
		int seen = 0;

		for (i = 0; i < n_cases; i++)
			seen |= cases[i].kind == k;
		ck_assert_msg(seen, "no bad file of kind %s",
		              pcreg_import_kind_str((pcreg_import_kind_value)k));
	}
}
END_TEST

/* The comparison can fail: a message one character off, or another
 * status, is reported, as is a file that imports. */
START_TEST(test_wrong_expectations_fail)
{
	const struct corpus_case *real = find_case("epraccur-unknown-status.csv");
	struct corpus_case wrong;
	char why[4096];

	ck_assert_ptr_nonnull(real);
	wrong = *real;
	wrong.message[strlen(wrong.message) - 1] = 'Q';
	ck_assert_int_eq(run_case(&wrong, why, sizeof why), 1);
	ck_assert_msg(strstr(why, "message") != NULL, "%s", why);

	wrong = *real;
	wrong.status = PCREG_CONSTRAINT;
	ck_assert_int_eq(run_case(&wrong, why, sizeof why), 1);
	ck_assert_msg(strstr(why, "status") != NULL, "%s", why);

	/* fine-crlf-epraccur.csv imports: status OK, and the registry changes. */
	wrong = *real;
	snprintf(wrong.file, sizeof wrong.file, "%s", "fine-crlf-epraccur.csv");
	ck_assert_int_eq(run_case(&wrong, why, sizeof why), 1);
	ck_assert_msg(strstr(why, "status not an error") != NULL, "%s", why);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("bad files");
	TCase *self = tcase_create("manifest");

	tcase_add_loop_test(tc, test_case, 0, n_cases);
	suite_add_tcase(s, tc);
	tcase_add_test(self, test_manifest_covers_the_folder);
	tcase_add_test(self, test_wrong_expectations_fail);
	suite_add_tcase(s, self);
	return s;
}

int main(void)
{
	tu_init();
	read_manifest();
	return tu_run(suite());
}
