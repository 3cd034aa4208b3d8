/*
 * check_xlsxread.c: the workbook reader (lib/xlsxread.c) over the small
 * workbooks tests/data/xlsx/make.py writes, under allocation failure and
 * failing reads, and over the real ePCN workbook in ../shared/data (a case
 * tagged shared_data: each sheet must give exactly the rows of its CSV
 * conversion).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "../lib/csvread.h"
#include "../lib/fileio.h"
#include "../lib/xlsxread.h"

#define XLSX PCREG_SOURCE_DIR "/tests/data/xlsx/"

static pcreg_db *memory_registry(void)
{
	return tu_open(":memory:", PCREG_OPEN_CREATE);
}

/* ---- expected rows ------------------------------------------------------------------ */

#define MAX_FIELDS 12

struct row {
	int64_t line;
	size_t n;
	const char *f[MAX_FIELDS];
};

/* Whether a record is exactly @p want; says where it differs in @p why. */
static int same_row(const struct pcreg__csv_record *got, const struct row *want, char *why,
                    size_t why_size)
{
	size_t i;

	if (got->line != want->line) {
		snprintf(why, why_size, "line %lld, expected %lld", (long long)got->line,
		         (long long)want->line);
		return 0;
	}
	if (got->nfields != want->n) {
		snprintf(why, why_size, "line %lld: %zu fields, expected %zu", (long long)got->line,
		         got->nfields, want->n);
		return 0;
	}
	for (i = 0; i < want->n; i++) {
		size_t len = strlen(want->f[i]);

		if (got->lengths[i] != len || memcmp(got->fields[i], want->f[i], len) != 0 ||
		    got->fields[i][len] != '\0') {
			snprintf(why, why_size, "line %lld field %zu: \"%.*s\" (%zu bytes), expected \"%s\"",
			         (long long)got->line, i + 1, (int)got->lengths[i], got->fields[i],
			         got->lengths[i], want->f[i]);
			return 0;
		}
	}
	return 1;
}

static void check_sheet(pcreg_db *db, struct pcreg__xlsx *x, const char *name, const struct row *rows,
                        size_t nrows)
{
	struct pcreg__csv_record rec;
	char why[512];
	int at = pcreg__xlsx_sheet_find(x, name);
	int64_t last_read = 0;
	size_t i;

	ck_assert_msg(at >= 0, "no sheet %s", name);
	ck_assert_int_eq(pcreg__xlsx_sheet_open(db, x, (size_t)at), PCREG_OK);
	ck_assert_int_gt(pcreg__xlsx_bytes_total(x), 0);
	for (i = 0; i < nrows; i++) {
		pcreg_status st = pcreg__xlsx_next(db, x, &rec);

		ck_assert_msg(st == PCREG_OK, "%s row %zu: %s", name, i, pcreg_db_errmsg(db));
		ck_assert_msg(same_row(&rec, &rows[i], why, sizeof why), "%s: %s", name, why);
		ck_assert_int_ge(pcreg__xlsx_bytes_read(x), last_read);
		last_read = pcreg__xlsx_bytes_read(x);
	}
	ck_assert_msg(pcreg__xlsx_next(db, x, &rec) == PCREG_DONE, "%s: a row more: %s", name,
	              pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg__xlsx_next(db, x, &rec), PCREG_DONE);
	/* The whole part was read. */
	ck_assert_int_eq(pcreg__xlsx_bytes_read(x), pcreg__xlsx_bytes_total(x));
}

/* good.xlsx, sheet "PCNDetails": what each rule of the reader makes of its cells. */
static const struct row details[] = {
	{ 1, 6, { "PCN Code", "PCN Name", "Current Clinical \nCommissioning \nGroup Code",
	          "Clinical\nCommissioning\nGroup Name ", "Open Date", "Close Date" } },
	/* D2 is missing; E2 the number 20191001; F2 20220331.0 */
	{ 2, 6, { "U12345", "ALPHA PCN", "99A", "", "20191001", "20220331" } },
	/* formulas' cached values (never the formula), 2.0191001E7, a blank cell */
	{ 3, 6, { "U23456", "x\ty", "2", "", "20191001", "" } },
	/* row 4 is absent */
	{ 5, 9, { "TRUE", "FALSE", "#N/A", "2022-03-31T00:00:00", "0.5", "-3", "1E+20", "007", "150" } },
	{ 6, 7, { "Ynys M\xc3\xb4n & <Anglesey>", "a\r\nb", "_x000D_ stays", "", "", "smile \xf0\x9f\x98\x80",
	          "one\r\ntwo" } },
	/* rows 7 (no cells) and 8 (blank cells only) are not returned */
	{ 9, 3, { "", "", "99A" } },
};

/* Its second sheet: elements with a prefix, no r attributes (rows counted). */
static const struct row partners[] = {
	{ 1, 3, { "PCN Code", "PCN Name", "Match" } },
	{ 2, 3, { "U12345", "F81001", "TRUE" } },
	{ 3, 3, { "U12345", "", "FALSE" } },
};

START_TEST(test_good)
{
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = NULL;

	ck_assert_msg(pcreg__xlsx_open(db, XLSX "good.xlsx", &x) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	ck_assert_uint_eq(pcreg__xlsx_sheet_count(x), 2);
	ck_assert_str_eq(pcreg__xlsx_sheet_name(x, 0), "PCNDetails");
	ck_assert_str_eq(pcreg__xlsx_sheet_name(x, 1), "PCN Core Partner Details");
	ck_assert_ptr_null(pcreg__xlsx_sheet_name(x, 2));
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCN Details"), 0);
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "pcndetails"), 0);
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCN_Core_Partner_Details"), 1);
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCN"), -1);
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCNDetailsX"), -1);
	/* The second sheet first (its part is named absolute), then the first
	 * (relative), then the second again: each open starts afresh. */
	check_sheet(db, x, "PCN Core Partner Details", partners, sizeof partners / sizeof *partners);
	check_sheet(db, x, "PCNDetails", details, sizeof details / sizeof *details);
	check_sheet(db, x, "PCN Core Partner Details", partners, sizeof partners / sizeof *partners);
	tu_assert_status(db, pcreg__xlsx_sheet_open(db, x, 2), PCREG_INVALID, "no sheet 2");
	pcreg__xlsx_close(x);
	pcreg__xlsx_close(NULL);
	pcreg_db_close(db);
}
END_TEST

/* The other spelling of the sheet names; no shared strings part at all. */
START_TEST(test_spaced_names)
{
	static const struct row rows[] = {
		{ 1, 1, { "PCN Code" } },
		{ 2, 2, { "U99999", "20200401" } },
	};
	static const struct row partner_rows[] = { { 1, 1, { "Partner" } } };
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = NULL;

	ck_assert_msg(pcreg__xlsx_open(db, XLSX "spaced.xlsx", &x) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	ck_assert_str_eq(pcreg__xlsx_sheet_name(x, 0), "PCN Details");
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCNDetails"), 0);
	ck_assert_int_eq(pcreg__xlsx_sheet_find(x, "PCN Core Partner Details"), 1);
	check_sheet(db, x, "PCNDetails", rows, 2);
	check_sheet(db, x, "PCN Core Partner Details", partner_rows, 1);
	pcreg__xlsx_close(x);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_looks_like_zip)
{
	ck_assert(pcreg__xlsx_looks_like_zip((const unsigned char *)"PK\3\4rest", 8));
	ck_assert(!pcreg__xlsx_looks_like_zip((const unsigned char *)"PK\3", 3));
	ck_assert(!pcreg__xlsx_looks_like_zip((const unsigned char *)"PK\5\6", 4));
	ck_assert(!pcreg__xlsx_looks_like_zip((const unsigned char *)"PCN Code,", 9));
}
END_TEST

/* ---- files that are refused --------------------------------------------------------- */

/* Opening fails with @p expected, the message naming the file and saying @p what. */
static void refused_at_open(const char *name, pcreg_status expected, const char *what)
{
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = (struct pcreg__xlsx *)&x; /* must be reset to NULL */
	char path[1024];

	snprintf(path, sizeof path, "%s%s", XLSX, name);
	tu_assert_status(db, pcreg__xlsx_open(db, path, &x), expected, what);
	ck_assert_msg(strncmp(pcreg_db_errmsg(db), path, strlen(path)) == 0,
	              "message \"%s\" does not begin with the path", pcreg_db_errmsg(db));
	ck_assert_ptr_null(x);
	pcreg_db_close(db);
}

/* The sheet opens and gives @p good_rows rows; then the next fails with
 * @p expected, the message naming the file, the sheet, "row N" and @p what. */
static void refused_at_row(const char *name, int good_rows, const char *row, const char *what)
{
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = NULL;
	struct pcreg__csv_record rec;
	char path[1024], prefix[1200];
	int i;

	snprintf(path, sizeof path, "%s%s", XLSX, name);
	ck_assert_msg(pcreg__xlsx_open(db, path, &x) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg__xlsx_sheet_open(db, x, 0), PCREG_OK);
	for (i = 0; i < good_rows; i++)
		ck_assert_msg(pcreg__xlsx_next(db, x, &rec) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	tu_assert_status(db, pcreg__xlsx_next(db, x, &rec), PCREG_INVALID, what);
	snprintf(prefix, sizeof prefix, "%s: PCNDetails: %s: ", path, row);
	ck_assert_msg(strncmp(pcreg_db_errmsg(db), prefix, strlen(prefix)) == 0,
	              "message \"%s\" does not begin \"%s\"", pcreg_db_errmsg(db), prefix);
	/* And it stays failed. */
	tu_assert_status(db, pcreg__xlsx_next(db, x, &rec), PCREG_INVALID, prefix);
	pcreg__xlsx_close(x);
	pcreg_db_close(db);
}

START_TEST(test_not_a_zip)
{
	refused_at_open("not-a-zip.xlsx", PCREG_INVALID, "not a zip archive");
}
END_TEST

START_TEST(test_no_workbook)
{
	refused_at_open("no-workbook.xlsx", PCREG_INVALID, "without xl/workbook.xml");
}
END_TEST

START_TEST(test_missing_file)
{
	refused_at_open("no-such-file.xlsx", PCREG_NOTFOUND, "no such file");
	refused_at_open("", PCREG_IO, "is a directory");
}
END_TEST

START_TEST(test_doctype_refused)
{
	refused_at_open("doctype.xlsx", PCREG_INVALID, ".xlsx: xl/sharedStrings.xml: a DOCTYPE is not allowed");
}
END_TEST

START_TEST(test_missing_part)
{
	static const struct row rows[] = { { 1, 1, { "1" } } };
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = NULL;

	refused_at_open("no-rel.xlsx", PCREG_INVALID,
	                "xl/workbook.xml: sheet \"Lost\" has no part (relationship rId7 is not in"
	                " xl/_rels/workbook.xml.rels)");
	ck_assert_msg(pcreg__xlsx_open(db, XLSX "missing-part.xlsx", &x) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	tu_assert_status(db, pcreg__xlsx_sheet_open(db, x, 1), PCREG_INVALID,
	                 "missing-part.xlsx: Gone: the archive has no part xl/worksheets/sheet2.xml");
	/* The other sheet still reads. */
	check_sheet(db, x, "PCNDetails", rows, 1);
	pcreg__xlsx_close(x);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_huge_shared_strings)
{
	refused_at_open("huge-sst.xlsx", PCREG_INVALID,
	                "xl/sharedStrings.xml: the part is 314572800 bytes uncompressed, more than the"
	                " 268435456");
}
END_TEST

/* A zip cut short: its central directory is gone. */
START_TEST(test_truncated_zip)
{
	pcreg_db *db = memory_registry();
	struct pcreg__xlsx *x = NULL;
	const char *path = tu_path("cut.xlsx");
	char *data = malloc(4096);
	FILE *f = fopen(XLSX "good.xlsx", "rb");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(data, 1, 4096, f);
	fclose(f);
	tu_write_file(path, data, n / 2);
	free(data);
	tu_assert_status(db, pcreg__xlsx_open(db, path, &x), PCREG_INVALID, "damaged zip archive");
	ck_assert_msg(strncmp(pcreg_db_errmsg(db), path, strlen(path)) == 0, "%s",
	              pcreg_db_errmsg(db));
	ck_assert_ptr_null(x);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_truncated_xml)
{
	refused_at_row("truncated.xlsx", 2, "row 3", "xl/worksheets/sheet1.xml: malformed XML at line");
}
END_TEST

START_TEST(test_bad_index)
{
	refused_at_row("bad-index.xlsx", 1, "row 2",
	               "cell B2: shared string 99 does not exist (the workbook has 2)");
}
END_TEST

START_TEST(test_bad_reference)
{
	refused_at_row("bad-ref.xlsx", 1, "row 2", "bad cell reference \"B\"");
	refused_at_row("wrong-row-ref.xlsx", 1, "row 2", "bad cell reference \"B3\"");
}
END_TEST

START_TEST(test_too_wide)
{
	refused_at_row("too-wide.xlsx", 0, "row 1", "more than 16384 columns");
}
END_TEST

START_TEST(test_long_cell)
{
	refused_at_row("long-cell.xlsx", 1, "row 2", "cell A2 is longer than 1 MiB");
}
END_TEST

/* ---- allocation failure and failing reads --------------------------------------------- */

struct setup {
	pcreg_db *db;
};

static pcreg_status open_memory(void *ctx)
{
	struct setup *s = ctx;

	return pcreg_db_open(":memory:", NULL, &s->db);
}

/* Open good.xlsx and read both sheets whole: PCREG_OK only when every row
 * came; the handle's message says why not. */
static pcreg_status read_all(pcreg_db *db)
{
	struct pcreg__xlsx *x = NULL;
	struct pcreg__csv_record rec;
	pcreg_status st;
	size_t sheet, rows = 0;

	st = pcreg__xlsx_open(db, XLSX "good.xlsx", &x);
	for (sheet = 0; st == PCREG_OK && sheet < 2; sheet++) {
		st = pcreg__xlsx_sheet_open(db, x, sheet);
		while (st == PCREG_OK && (st = pcreg__xlsx_next(db, x, &rec)) == PCREG_OK)
			rows++;
		if (st == PCREG_DONE)
			st = PCREG_OK;
	}
	if (st == PCREG_OK && rows != sizeof details / sizeof *details + sizeof partners / sizeof *partners)
		st = PCREG_ERROR;
	pcreg__xlsx_close(x);
	return st;
}

static pcreg_status read_workbook(void *ctx)
{
	struct setup *s = ctx;
	pcreg_status st = read_all(s->db);

	if (st == PCREG_NOMEM && !strstr(pcreg_db_errmsg(s->db), "out of memory"))
		st = PCREG_ERROR;
	pcreg_db_close(s->db);
	s->db = NULL;
	return st;
}

START_TEST(test_out_of_memory)
{
	struct setup s = { NULL };
	long n = tu_oom_forking_after("xlsx", open_memory, read_workbook, &s);

	ck_assert_int_gt(n, 10);
}
END_TEST

static int fault_countdown, faults_fired;

static int fail_nth_read(enum pcreg__io_op op, const char *path)
{
	(void)path;
	if (op == PCREG__IO_READ && fault_countdown > 0 && --fault_countdown == 0) {
		faults_fired++;
		return EIO;
	}
	return 0;
}

/* The 1st, 2nd, 3rd... read of the workbook fails, until a run reads it
 * all: each failure is PCREG_IO, names the file and says why, and leaks
 * nothing. */
START_TEST(test_read_failures)
{
	static const char path[] = XLSX "good.xlsx";
	pcreg_db *db = memory_registry();
	long live = tu_live_allocations();
	char expected[1200];
	int n;

	snprintf(expected, sizeof expected, "read failed: %s", strerror(EIO));
	pcreg__io_fault = fail_nth_read;
	for (n = 1;; n++) {
		pcreg_status st;

		fault_countdown = n;
		faults_fired = 0;
		st = read_all(db);
		ck_assert_int_eq(tu_live_allocations(), live);
		if (!faults_fired) {
			ck_assert_msg(st == PCREG_OK, "%s", pcreg_db_errmsg(db));
			break;
		}
		ck_assert_msg(st == PCREG_IO, "read %d failing: status %d: %s", n, st,
		              pcreg_db_errmsg(db));
		ck_assert_msg(strncmp(pcreg_db_errmsg(db), path, strlen(path)) == 0 &&
		                      strstr(pcreg_db_errmsg(db), expected),
		              "read %d: %s", n, pcreg_db_errmsg(db));
	}
	pcreg__io_fault = NULL;
	/* The open's reads, and some of each sheet's. */
	ck_assert_int_gt(n, 8);
	pcreg_db_close(db);
}
END_TEST

/* ---- the real workbook ------------------------------------------------------------------ */

/* A sheet against its CSV conversion, record by record and field by field.
 * The conversion wrote a cell openpyxl gave as None (a cell absent from
 * the sheet) as an empty field, and every row as wide as the sheet: so a
 * CSV field past the row's last cell must be empty; nothing else may
 * differ. */
static void compare_sheet(pcreg_db *db, struct pcreg__xlsx *x, const char *sheet,
                          const char *csv_path, size_t expected_rows)
{
	struct pcreg__csv csv;
	struct pcreg__csv_record a, b;
	int at = pcreg__xlsx_sheet_find(x, sheet);
	size_t rows = 0;
	pcreg_status sa, sb;

	ck_assert_msg(at >= 0, "no sheet %s in the workbook", sheet);
	ck_assert_int_eq(pcreg__xlsx_sheet_open(db, x, (size_t)at), PCREG_OK);
	ck_assert_msg(pcreg__csv_open(db, &csv, csv_path, 0) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	for (;;) {
		size_t i, n;

		sa = pcreg__xlsx_next(db, x, &a);
		ck_assert_msg(sa == PCREG_OK || sa == PCREG_DONE, "%s", pcreg_db_errmsg(db));
		sb = pcreg__csv_next(db, &csv, &b);
		ck_assert_msg(sb == PCREG_OK || sb == PCREG_DONE, "%s", pcreg_db_errmsg(db));
		ck_assert_msg(sa == sb, "%s: the sheet %s at record %zu", sheet,
		              sa == PCREG_DONE ? "ends before the CSV" : "goes on after the CSV", rows + 1);
		if (sa == PCREG_DONE)
			break;
		rows++;
		/* No row is dropped: sheet row N is the CSV's Nth record. */
		ck_assert_msg(a.line == (int64_t)rows, "%s: record %zu is sheet row %lld", sheet, rows,
		              (long long)a.line);
		ck_assert_msg(a.nfields <= b.nfields, "%s row %lld: %zu fields, the CSV %zu", sheet,
		              (long long)a.line, a.nfields, b.nfields);
		n = b.nfields;
		for (i = 0; i < n; i++) {
			const char *fa = i < a.nfields ? a.fields[i] : "";
			size_t la = i < a.nfields ? a.lengths[i] : 0;

			ck_assert_msg(la == b.lengths[i] && memcmp(fa, b.fields[i], la) == 0,
			              "%s row %lld column %zu: the sheet gives \"%.*s\", the CSV \"%.*s\"",
			              sheet, (long long)a.line, i + 1, (int)la, fa, (int)b.lengths[i],
			              b.fields[i]);
		}
	}
	ck_assert_uint_eq(rows, expected_rows);
	pcreg__csv_close(&csv);
}

START_TEST(test_real_workbook)
{
	const char *xlsx = tu_shared_data_file("pcn/xlsx/ePCN-2022-05.xlsx");
	const char *details_csv = tu_shared_data_file("pcn/ePCN_PCNDetails.csv");
	const char *partners_csv = tu_shared_data_file("pcn/ePCN_PCN_Core_Partner_Details.csv");
	pcreg_db *db;
	struct pcreg__xlsx *x = NULL;

	db = memory_registry();
	ck_assert_msg(pcreg__xlsx_open(db, xlsx, &x) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_uint_eq(pcreg__xlsx_sheet_count(x), 2);
	/* 1,318 PCNs and 7,359 memberships, each with its header row. */
	compare_sheet(db, x, "PCN Details", details_csv, 1319);
	compare_sheet(db, x, "PCN Core Partner Details", partners_csv, 7360);
	pcreg__xlsx_close(x);
	pcreg_db_close(db);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("xlsxread");
	TCase *tc = tcase_create("core");
	TCase *real = tu_shared_data_tcase("real");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_good);
	tcase_add_test(tc, test_spaced_names);
	tcase_add_test(tc, test_looks_like_zip);
	tcase_add_test(tc, test_not_a_zip);
	tcase_add_test(tc, test_no_workbook);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_doctype_refused);
	tcase_add_test(tc, test_missing_part);
	tcase_add_test(tc, test_huge_shared_strings);
	tcase_add_test(tc, test_truncated_zip);
	tcase_add_test(tc, test_truncated_xml);
	tcase_add_test(tc, test_bad_index);
	tcase_add_test(tc, test_bad_reference);
	tcase_add_test(tc, test_too_wide);
	tcase_add_test(tc, test_long_cell);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_read_failures);
	suite_add_tcase(s, tc);
	tcase_set_timeout(real, 600);
	tcase_add_test(real, test_real_workbook);
	suite_add_tcase(s, real);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(suite());
}
