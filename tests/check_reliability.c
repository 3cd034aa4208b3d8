/*
 * check_reliability.c: the defects a hostile tester found (issue 9), each
 * with the test that failed before its fix.
 *
 * 1. An allocation failure while reading JSON Lines overflowed a heap
 *    buffer, or was reported as a bad row.
 * 2. A JSON scalar as the first line passed NULL to printf's %s.
 * 3. An export to a file was not all-or-nothing.
 * 4. A record that never ends (a FIFO, /dev/zero) grew without bound.
 * 5. NULs and bytes that are not UTF-8 were stored silently; UTF-16 was
 *    "malformed quoting".
 * 6. A registry path beginning "file:" was taken as a SQLite URI.
 * 7. Failures of an import did not name its file; detection of a line of
 *    100,000 columns said "64 columns".
 *
 * The library's own file I/O is failed through its test hook (fileio.h),
 * so this suite links the static library.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "../lib/fileio.h"

#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"

static const char epraccur_row[] =
	"\"F81001\",\"FICTIONAL MEADOW SURGERY\",\"Y56\",\"QF1\",\"1 EXAMPLE ROAD\",\"\","
	"\"FICTIONTON\",\"\",\"\",\"FX1 1AA\",\"19740401\",\"\",\"A\",\"B\",\"99F\",\"20130401\",\"\","
	"\"01000 000001\",\"\",\"\",\"\",\"0\",\"\",\"99F\",\"\",\"4\",\"\"\n";

static pcreg_db *memory_registry(void)
{
	return tu_open(":memory:", PCREG_OPEN_CREATE);
}

static pcreg_status import_as(pcreg_db *db, const char *path, int kind, int mode,
                              pcreg_import_report **report)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	opts.kind = kind;
	opts.mode = mode;
	st = pcreg_import_file(db, path, &opts, &r);
	if (report)
		*report = r;
	else
		pcreg_import_report_free(r);
	return st;
}

#define assert_message(db, got, status, expected)                                            \
	do {                                                                                 \
		pcreg_status got_ = (got);                                                   \
		ck_assert_msg(got_ == (status), "status %s, expected %s: %s",                \
		              pcreg_status_str(got_), pcreg_status_str(status),              \
		              pcreg_db_errmsg(db));                                          \
		ck_assert_str_eq(pcreg_db_errmsg(db), (expected));                           \
	} while (0)

/* ---- 1. allocation failures while reading JSON Lines ------------------------------- */

static pcreg_status import_jsonl(void *ctx)
{
	pcreg_db *db = NULL;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	(void)ctx;
	opts.flags = PCREG_OPEN_CREATE;
	if ((st = pcreg_db_open(":memory:", &opts, &db)) != PCREG_OK) {
		pcreg_db_close(db);
		return st;
	}
	st = import_as(db, GOOD "registry-network.jsonl", PCREG_IMPORT_REGISTRY_JSONL,
	               PCREG_IMPORT_LENIENT, &r);
	/* Lenient, so a good row refused under a failure would still be OK:
	 * every row must be in. */
	if (st == PCREG_OK && (pcreg_import_report_rejected(r) != 0 ||
	                       pcreg_import_report_inserted(r) != pcreg_import_report_rows_read(r)))
		st = PCREG_ERROR;
	/* An allocation failure names the file. */
	if (st == PCREG_NOMEM && strstr(pcreg_db_errmsg(db), "registry-network.jsonl") == NULL)
		st = PCREG_ERROR;
	pcreg_import_report_free(r);
	pcreg_db_close(db);
	return st;
}

START_TEST(test_jsonl_allocation_failures)
{
	ck_assert_int_gt(tu_oom_forking("registry-jsonl import", import_jsonl, NULL), 100);
}
END_TEST

/* ---- 2. a JSON scalar, an array, a truncated object --------------------------------- */

START_TEST(test_jsonl_not_an_object)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "42\n", ":1: is not a JSON object" },
		{ "[1, 2]\n", ":1: is not a JSON object" },
		{ "{\"code\": \"U99003\"\n", ":1: is not a JSON object" },
		{ "\"text\"\n", ":1: is not a JSON object" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pcreg_db *db = memory_registry();
		const char *path = tu_path("scalar.jsonl");
		char expected[1024];

		tu_write_file(path, cases[i].text, strlen(cases[i].text));
		snprintf(expected, sizeof expected, "%s%s", path, cases[i].message);
		assert_message(db, import_as(db, path, PCREG_IMPORT_REGISTRY_JSONL, 0, NULL),
		               PCREG_INVALID, expected);
		pcreg_db_close(db);
	}
}
END_TEST

/* ---- 3. exports are all or nothing ------------------------------------------------- */

static enum pcreg__io_op fault_op;
static int fault_countdown, faults_fired;

static int fail_nth(enum pcreg__io_op op, const char *path)
{
	(void)path;
	if (op == fault_op && fault_countdown > 0 && --fault_countdown == 0) {
		faults_fired++;
		return ENOSPC;
	}
	return 0;
}

/* Files in a directory other than "." and "..". */
static int files_in(const char *dir)
{
	char command[1024];
	FILE *p;
	int n = -1;

	snprintf(command, sizeof command, "ls -A '%s' | wc -l", dir);
	p = popen(command, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

START_TEST(test_export_all_or_nothing)
{
	static const enum pcreg__io_op ops[] = { PCREG__IO_WRITE, PCREG__IO_SYNC,
		                                 PCREG__IO_RENAME };
	const char *dir = tu_path("export-dir");
	char target[600], old_sha[65], sha[65];
	pcreg_db *db = memory_registry();
	size_t k;

	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(target, sizeof target, "%s/network.jsonl", dir);
	ck_assert_int_eq(import_as(db, GOOD "registry-network.jsonl", 0, 0, NULL), PCREG_OK);
	tu_write_file(target, "the old export\n", 15);
	tu_file_sha256(target, old_sha);
	pcreg__io_fault = fail_nth;
	for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		int n;

		fault_op = ops[k];
		for (n = 1;; n++) {
			pcreg_status st;

			fault_countdown = n;
			faults_fired = 0;
			st = pcreg_export_file(db, "network", PCREG_EXPORT_JSONL, target);
			if (!faults_fired) {
				ck_assert_int_eq(st, PCREG_OK);
				break;
			}
			ck_assert_msg(st == PCREG_IO, "fault %d of op %d: %s", n, (int)ops[k],
			              pcreg_db_errmsg(db));
			ck_assert_msg(strncmp(pcreg_db_errmsg(db), target, strlen(target)) == 0 &&
			                      strstr(pcreg_db_errmsg(db), "No space left on device"),
			              "%s", pcreg_db_errmsg(db));
			tu_file_sha256(target, sha);
			ck_assert_str_eq(sha, old_sha);
			ck_assert_int_eq(files_in(dir), 1);
		}
		ck_assert_int_gt(n, 1);
		/* The fault-free run replaced the file: put the old one back. */
		tu_write_file(target, "the old export\n", 15);
	}
	pcreg__io_fault = NULL;
	/* And what replaced it is the whole export. */
	ck_assert_int_eq(pcreg_export_file(db, "network", PCREG_EXPORT_JSONL, target), PCREG_OK);
	ck_assert_int_eq(files_in(dir), 1);
	pcreg_db_close(db);
	db = memory_registry();
	ck_assert_int_eq(import_as(db, target, PCREG_IMPORT_REGISTRY_JSONL, 0, NULL), PCREG_OK);
	pcreg_db_close(db);
}
END_TEST

/* A read of the input that fails is an I/O error naming the file. */
START_TEST(test_input_read_failure)
{
	pcreg_db *db = memory_registry();
	char expected[1024];

	fault_op = PCREG__IO_READ;
	fault_countdown = 1;
	faults_fired = 0;
	pcreg__io_fault = fail_nth;
	snprintf(expected, sizeof expected, "%s: read failed: No space left on device",
	         GOOD "eccg.csv");
	assert_message(db, import_as(db, GOOD "eccg.csv", PCREG_IMPORT_ECCG, 0, NULL), PCREG_IO,
	               expected);
	pcreg__io_fault = NULL;
	ck_assert_int_eq(faults_fired, 1);
	pcreg_db_close(db);
}
END_TEST

/* ---- 4. records that never end ------------------------------------------------------ */

START_TEST(test_huge_field)
{
	pcreg_db *db = memory_registry();
	const char *path = tu_path("huge-name.csv");
	char expected[1024];
	size_t size = PCREG_IMPORT_FIELD_MAX + 100;
	char *text = malloc(size + 64);
	FILE *f;

	ck_assert_ptr_nonnull(text);
	memset(text, 'A', size);
	f = fopen(path, "w");
	fputs("\"F81001\",\"", f);
	fwrite(text, 1, size, f);
	fputs("\",\"Y56\"\n", f);
	fclose(f);
	free(text);
	snprintf(expected, sizeof expected,
	         "%s:1: a field is longer than 1 MiB, the most this library reads", path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL), PCREG_INVALID,
	               expected);
	/* Lenient cannot skip it: the file is refused whole. */
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, PCREG_IMPORT_LENIENT, NULL),
	               PCREG_INVALID, expected);
	/* Detection reads the same way. */
	assert_message(db, import_as(db, path, 0, 0, NULL), PCREG_INVALID, expected);
	/* A field just under the limit is read (and refused for what it says). */
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_huge_record)
{
	pcreg_db *db = memory_registry();
	const char *path = tu_path("huge-record.csv");
	char expected[1024];
	char *field = malloc(PCREG_IMPORT_FIELD_MAX);
	FILE *f = fopen(path, "w");
	int i;

	ck_assert_ptr_nonnull(field);
	memset(field, 'B', PCREG_IMPORT_FIELD_MAX - 1);
	field[PCREG_IMPORT_FIELD_MAX - 1] = '\0';
	fputs(epraccur_row, f);
	for (i = 0; i < 17; i++)
		fprintf(f, "%s%s", i ? "," : "", field);
	fputs("\n", f);
	fclose(f);
	free(field);
	snprintf(expected, sizeof expected,
	         "%s:2: a record is longer than 16 MiB, the most this library reads", path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL), PCREG_INVALID,
	               expected);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_dev_zero)
{
	pcreg_db *db = memory_registry();
	const char *path = tu_path("zero.csv");
	char expected[1024];

	ck_assert_int_eq(symlink("/dev/zero", path), 0);
	snprintf(expected, sizeof expected, "%s:1: a NUL byte: the file is binary data, not text",
	         path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_LIST_SIZE, 0, NULL), PCREG_INVALID,
	               expected);
	assert_message(db, import_as(db, path, PCREG_IMPORT_REGISTRY_JSONL, 0, NULL), PCREG_INVALID,
	               expected);
	snprintf(expected, sizeof expected,
	         "%s: cannot tell what kind of file this is: it is not a regular file (a pipe or a"
	         " device), which can be read only once; name its kind",
	         path);
	assert_message(db, import_as(db, path, 0, 0, NULL), PCREG_INVALID, expected);
	pcreg_db_close(db);
}
END_TEST

/* A FIFO fed without a line break until the reader gives up. */
START_TEST(test_fifo_without_newlines)
{
	pcreg_db *db = memory_registry();
	const char *path = tu_path("fifo.csv");
	char expected[1024];
	pid_t writer;
	int status;

	ck_assert_int_eq(mkfifo(path, 0600), 0);
	writer = fork();
	ck_assert_int_ge(writer, 0);
	if (writer == 0) {
		char block[4096];
		FILE *f;

		signal(SIGPIPE, SIG_IGN);
		alarm(60);
		memset(block, 'x', sizeof block);
		f = fopen(path, "w");
		while (f && fwrite(block, 1, sizeof block, f) == sizeof block)
			;
		_exit(0);
	}
	snprintf(expected, sizeof expected,
	         "%s:1: a field is longer than 1 MiB, the most this library reads", path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL), PCREG_INVALID,
	               expected);
	ck_assert_int_eq(waitpid(writer, &status, 0), writer);
	ck_assert(WIFEXITED(status));
	pcreg_db_close(db);
}
END_TEST

/* ---- 5. bytes that are not text ----------------------------------------------------- */

static void write_epraccur_with_name(const char *path, const char *name, size_t name_len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	fputs(epraccur_row, f);
	fputs("\"F81002\",\"", f);
	fwrite(name, 1, name_len, f);
	fputs("\",\"Y56\",\"QF1\",\"2 IMAGINARY LANE\",\"\",\"FICTIONTON\",\"\",\"\",\"FX2 2BB\","
	      "\"19900101\",\"\",\"A\",\"B\",\"99F\",\"20130401\",\"\",\"01000 000002\",\"\",\"\","
	      "\"\",\"0\",\"\",\"99F\",\"\",\"4\",\"\"\n",
	      f);
	fclose(f);
}

static pcreg_db *registry_with_99f(void)
{
	pcreg_db *db = memory_registry();

	tu_add_commissioner(db, "99F", "NHS Fictional Vale CCG");
	return db;
}

START_TEST(test_nul_in_field)
{
	pcreg_db *db = registry_with_99f();
	const char *path = tu_path("nul.csv");
	pcreg_import_report *r = NULL;
	pcreg_practice *p = NULL;
	char expected[1024];

	write_epraccur_with_name(path, "THE \0SURGERY", 12);
	/* National files are text: a NUL byte means the file is binary (or
	 * broken), and it is refused whole, in lenient mode too. */
	snprintf(expected, sizeof expected, "%s:2: a NUL byte: the file is binary data, not text",
	         path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL), PCREG_INVALID,
	               expected);
	ck_assert_int_eq(pcreg_practice_get(db, "F81001", &p), PCREG_NOTFOUND);
	assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, PCREG_IMPORT_LENIENT, &r),
	               PCREG_INVALID, expected);
	pcreg_import_report_free(r);
	ck_assert_int_eq(pcreg_practice_get(db, "F81001", &p), PCREG_NOTFOUND);
	pcreg_db_close(db);
}
END_TEST

/* Bytes that are not UTF-8 after UTF-8 text: the file mixes encodings
 * and is refused, naming the line and the byte. (ASCII followed by such a
 * byte is read as Windows-1252: check_encoding.) */
START_TEST(test_not_utf8)
{
	static const struct {
		const char *name;
		unsigned char byte;
	} cases[] = {
		{ "CAF\xC3\xA9 CAF\xE9 SURGERY", 0xE9 },         /* Windows-1252 after UTF-8 */
		{ "CAF\xC3\xA9 OVERLONG \xC0\xAF", 0xC0 },        /* overlong '/' */
		{ "CAF\xC3\xA9 LONE \x80 BYTE", 0x80 },            /* continuation */
		{ "CAF\xC3\xA9 SURROGATE \xED\xA0\x80", 0xED },   /* U+D800 */
		{ "CAF\xC3\xA9 CUT SHORT \xE2\x82", 0xE2 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pcreg_db *db = registry_with_99f();
		pcreg_practice *p = NULL;
		const char *path = tu_path("not-utf8.csv");
		char expected[1024];

		write_epraccur_with_name(path, cases[i].name, strlen(cases[i].name));
		snprintf(expected, sizeof expected,
		         "%s:2: byte 0x%02X is not UTF-8, and UTF-8 text came before it: the file"
		         " mixes encodings; national files are UTF-8, ASCII or Windows-1252",
		         path, cases[i].byte);
		assert_message(db, import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL),
		               PCREG_INVALID, expected);
		ck_assert_int_eq(pcreg_practice_get(db, "F81001", &p), PCREG_NOTFOUND);
		pcreg_db_close(db);
	}
}
END_TEST

/* Good UTF-8 (an accent, a euro sign, a four-byte character) goes in
 * and comes out of a JSON Lines export as it went in. */
START_TEST(test_utf8_kept)
{
	pcreg_db *db = registry_with_99f();
	const char *path = tu_path("utf8.csv");
	pcreg_practice *p = NULL;
	static const char name[] = "CAF\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\xA5 SURGERY";

	write_epraccur_with_name(path, name, strlen(name));
	ck_assert_int_eq(import_as(db, path, PCREG_IMPORT_EPRACCUR, 0, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_get(db, "F81002", &p), PCREG_OK);
	ck_assert_str_eq(pcreg_practice_name(p), name);
	pcreg_practice_free(p);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_utf16)
{
	static const unsigned char le[] = { 0xFF, 0xFE, 'P', 0, 'C', 0, 'N', 0, '\n', 0 };
	static const unsigned char be[] = { 0xFE, 0xFF, 0, 'P', 0, 'C', 0, 'N', 0, '\n' };
	pcreg_db *db = memory_registry();
	const char *path = tu_path("utf16.csv");
	char expected[1024];

	tu_write_file(path, le, sizeof le);
	snprintf(expected, sizeof expected,
	         "%s: the file is UTF-16LE text; national files are UTF-8, ASCII or Windows-1252:"
	         " save it as UTF-8",
	         path);
	assert_message(db, import_as(db, path, 0, 0, NULL), PCREG_INVALID, expected);
	assert_message(db, import_as(db, path, PCREG_IMPORT_PCN_DETAILS, 0, NULL), PCREG_INVALID,
	               expected);
	tu_write_file(path, be, sizeof be);
	snprintf(expected, sizeof expected,
	         "%s: the file is UTF-16BE text; national files are UTF-8, ASCII or Windows-1252:"
	         " save it as UTF-8",
	         path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_LIST_SIZE, 0, NULL), PCREG_INVALID,
	               expected);
	pcreg_db_close(db);
}
END_TEST

/* A header that is no text refuses the file, naming the line and byte. */
START_TEST(test_header_not_text)
{
	static const char text[] = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,"
	                           "POST\x81" "CODE,SEX,AGE,NUMBER_OF_PATIENTS\n";
	pcreg_db *db = memory_registry();
	const char *path = tu_path("header.csv");
	char expected[1024];

	tu_write_file(path, text, strlen(text));
	snprintf(expected, sizeof expected,
	         "%s:1: byte 0x81 is neither UTF-8 nor Windows-1252 (which leaves it undefined);"
	         " national files are UTF-8, ASCII or Windows-1252",
	         path);
	assert_message(db, import_as(db, path, PCREG_IMPORT_LIST_SIZE, PCREG_IMPORT_LENIENT, NULL),
	               PCREG_INVALID, expected);
	pcreg_db_close(db);
}
END_TEST

/* ---- 6. a path is a path ------------------------------------------------------------ */

START_TEST(test_file_colon_is_a_path)
{
	const char *dir = tu_path("uri");
	char cwd[1024];
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	struct stat info;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	ck_assert_int_eq(chdir(dir), 0);
	opts.flags = PCREG_OPEN_CREATE;
	ck_assert_int_eq(pcreg_db_open("file:x.db?mode=memory", &opts, &db), PCREG_OK);
	ck_assert_str_eq(pcreg_db_path(db), "file:x.db?mode=memory");
	pcreg_db_close(db);
	ck_assert_int_eq(stat("file:x.db?mode=memory", &info), 0);
	ck_assert_int_gt(info.st_size, 0);
	/* Not a URI, so ?immutable=1 turns nothing off: it is a new file. */
	ck_assert_int_eq(pcreg_db_open("file:x.db?immutable=1", &opts, &db), PCREG_OK);
	pcreg_db_close(db);
	ck_assert_int_eq(stat("file:x.db?immutable=1", &info), 0);
	ck_assert_int_ne(stat("x.db", &info), 0);
	/* Asked for, a URI is a URI. */
	opts.flags = PCREG_OPEN_CREATE | PCREG_OPEN_URI;
	ck_assert_int_eq(pcreg_db_open("file:y.db", &opts, &db), PCREG_OK);
	pcreg_db_close(db);
	ck_assert_int_eq(stat("y.db", &info), 0);
	ck_assert_int_eq(chdir(cwd), 0);
}
END_TEST

/* ---- 7. messages that name the file ------------------------------------------------- */

START_TEST(test_out_of_memory_names_the_file)
{
	/* Every allocation; every PCREG_OOM_STRIDE-th under the sanitizers. */
	const char *stride_env = getenv("PCREG_OOM_STRIDE");
	long n, stride = stride_env && atol(stride_env) > 0 ? atol(stride_env) : 1;
	int named = 0;

	for (n = 1; n < 100000; n += stride) {
		pcreg_db *db = registry_with_99f();
		pcreg_status st;

		int injected;

		tu_fail_nth_allocation(n);
		st = import_as(db, GOOD "epraccur.csv", PCREG_IMPORT_EPRACCUR, 0, NULL);
		injected = tu_fault_injected();
		tu_fail_nth_allocation(0);
		if (!injected) {
			ck_assert_int_eq(st, PCREG_OK);
			pcreg_db_close(db);
			break;
		}
		if (st == PCREG_NOMEM) {
			ck_assert_msg(strncmp(pcreg_db_errmsg(db), GOOD "epraccur.csv",
			                      strlen(GOOD "epraccur.csv")) == 0,
			              "allocation %ld: %s", n, pcreg_db_errmsg(db));
			named++;
		} else {
			ck_assert_msg(st == PCREG_OK, "allocation %ld: %s: %s", n, pcreg_status_str(st),
			              pcreg_db_errmsg(db));
		}
		pcreg_db_close(db);
	}
	ck_assert_int_gt(named, 10 / stride);
}
END_TEST

START_TEST(test_detect_counts_every_column)
{
	pcreg_db *db = memory_registry();
	const char *path = tu_path("wide.csv");
	char expected[1024];
	pcreg_import_kind_value kind;
	FILE *f = fopen(path, "w");
	int i;

	fputs("WIDE", f);
	for (i = 1; i < 100000; i++)
		fputs(",x", f);
	fputs("\n", f);
	fclose(f);
	snprintf(expected, sizeof expected,
	         "%s: cannot tell what kind of file this is: 100000 columns, the first \"WIDE\"", path);
	assert_message(db, pcreg_import_detect(db, path, &kind), PCREG_INVALID, expected);
	pcreg_db_close(db);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("reliability");
	TCase *tc = tcase_create("defects");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_jsonl_allocation_failures);
	tcase_add_test(tc, test_jsonl_not_an_object);
	tcase_add_test(tc, test_export_all_or_nothing);
	tcase_add_test(tc, test_input_read_failure);
	tcase_add_test(tc, test_huge_field);
	tcase_add_test(tc, test_huge_record);
	tcase_add_test(tc, test_dev_zero);
	tcase_add_test(tc, test_fifo_without_newlines);
	tcase_add_test(tc, test_nul_in_field);
	tcase_add_test(tc, test_not_utf8);
	tcase_add_test(tc, test_utf8_kept);
	tcase_add_test(tc, test_utf16);
	tcase_add_test(tc, test_header_not_text);
	tcase_add_test(tc, test_file_colon_is_a_path);
	tcase_add_test(tc, test_out_of_memory_names_the_file);
	tcase_add_test(tc, test_detect_counts_every_column);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(suite());
}
