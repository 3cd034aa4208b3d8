/*
 * check_import_cqc.c: importing CQC's latest ratings.
 *
 * No real copy of the file is at hand; the files in tests/data/cqc are
 * built in the documented shape (tests/data/README.md): a header, one row
 * per location, service or population group, and key question. Columns
 * are found by name, so one file has them in another order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define CQC PCREG_SOURCE_DIR "/tests/data/cqc/"

#define GROUP_SKIP "a rating for a service or population group: only Overall is kept"
#define CATEGORY_SKIP "not a GP practice location"

static pcreg_db *db;
static char db_path[512];

static void setup(void)
{
	static int n;
	char name[32];

	snprintf(name, sizeof name, "import-cqc-%d.db", ++n);
	snprintf(db_path, sizeof db_path, "%s", tu_path(name));
	db = tu_open(db_path, PCREG_OPEN_CREATE);
	tu_add_practice(db, "F81001", "Fictional Meadow Surgery");
	tu_add_practice(db, "F81002", "Imaginary Lane Practice");
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_import_report *import_ok(const char *path, int mode)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;

	opts.kind = PCREG_IMPORT_CQC;
	opts.mode = mode;
	ck_assert_msg(pcreg_import_file(db, path, &opts, &r) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_CQC);
	ck_assert_int_eq(pcreg_import_report_rows_read(r),
	                 pcreg_import_report_inserted(r) + pcreg_import_report_updated(r) +
	                         pcreg_import_report_unchanged(r) + pcreg_import_report_skipped(r) +
	                         pcreg_import_report_rejected(r));
	return r;
}

static void assert_counts(const pcreg_import_report *r, int64_t rows, int64_t inserted,
                          int64_t updated, int64_t unchanged, int64_t skipped)
{
	ck_assert_int_eq(pcreg_import_report_rows_read(r), rows);
	ck_assert_int_eq(pcreg_import_report_inserted(r), inserted);
	ck_assert_int_eq(pcreg_import_report_updated(r), updated);
	ck_assert_int_eq(pcreg_import_report_unchanged(r), unchanged);
	ck_assert_int_eq(pcreg_import_report_skipped(r), skipped);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
}

/* The practice's latest inspection published by @p date. */
static pcreg_inspection *latest(const char *practice, const char *date)
{
	pcreg_inspection *i = NULL;

	ck_assert_msg(pcreg_inspection_latest_on(db, practice, date, &i) == PCREG_OK, "%s on %s: %s",
	              practice, date, pcreg_db_errmsg(db));
	return i;
}

static void assert_ratings(const pcreg_inspection *i, pcreg_rating overall, pcreg_rating safe,
                           pcreg_rating effective, pcreg_rating caring, pcreg_rating responsive,
                           pcreg_rating well_led)
{
	ck_assert_int_eq(pcreg_inspection_overall(i), overall);
	ck_assert_int_eq(pcreg_inspection_safe(i), safe);
	ck_assert_int_eq(pcreg_inspection_effective(i), effective);
	ck_assert_int_eq(pcreg_inspection_caring(i), caring);
	ck_assert_int_eq(pcreg_inspection_responsive(i), responsive);
	ck_assert_int_eq(pcreg_inspection_well_led(i), well_led);
}

/* What cqc-ratings-2021.csv says of F81002. */
static void assert_2021_f81002(void)
{
	pcreg_inspection *i = latest("F81002", "2099-12-31");

	ck_assert_str_eq(pcreg_inspection_cqc_location_id(i), "1-100000002");
	ck_assert_str_eq(pcreg_inspection_publication_date(i), "2020-06-01"); /* ISO in the file */
	ck_assert_str_eq(pcreg_inspection_report_url(i), "https://www.cqc.org.uk/location/1-100000002");
	assert_ratings(i, PCREG_RATING_REQUIRES_IMPROVEMENT, PCREG_RATING_INADEQUATE,
	               PCREG_RATING_REQUIRES_IMPROVEMENT, PCREG_RATING_GOOD, PCREG_RATING_GOOD,
	               PCREG_RATING_REQUIRES_IMPROVEMENT);
	pcreg_inspection_free(i);
}

/* What cqc-ratings-2021.csv says of the two practices. */
static void assert_2021(void)
{
	pcreg_inspection *i = latest("F81001", "2099-12-31");

	ck_assert_str_eq(pcreg_inspection_practice(i), "F81001");
	ck_assert_str_eq(pcreg_inspection_cqc_location_id(i), "1-100000001");
	ck_assert_str_eq(pcreg_inspection_publication_date(i), "2019-03-15"); /* 15/03/2019 */
	ck_assert_ptr_null(pcreg_inspection_inspection_date(i));
	ck_assert_str_eq(pcreg_inspection_report_url(i), "https://www.cqc.org.uk/location/1-100000001");
	assert_ratings(i, PCREG_RATING_GOOD, PCREG_RATING_REQUIRES_IMPROVEMENT, PCREG_RATING_GOOD,
	               PCREG_RATING_OUTSTANDING, PCREG_RATING_GOOD,
	               PCREG_RATING_INSUFFICIENT_EVIDENCE);
	pcreg_inspection_free(i);
	assert_2021_f81002();
}

/* GP practice locations only, the Overall group only, and the six key
 * question rows of a location are one inspection. */
START_TEST(test_first_import)
{
	pcreg_import_report *r = import_ok(CQC "cqc-ratings-2021.csv", PCREG_IMPORT_STRICT);

	/* 6 + 6 rows kept; 2 population-group rows, 2 dentist and 1 care home rows skipped. */
	assert_counts(r, 17, 12, 0, 0, 5);
	ck_assert_int_eq(pcreg_import_report_skip_reasons(r), 2);
	ck_assert_str_eq(pcreg_import_report_skip_reason(r, 0), GROUP_SKIP);
	ck_assert_int_eq(pcreg_import_report_skip_count(r, 0), 2);
	ck_assert_str_eq(pcreg_import_report_skip_reason(r, 1), CATEGORY_SKIP);
	ck_assert_int_eq(pcreg_import_report_skip_count(r, 1), 3);
	ck_assert_int_eq(pcreg_import_report_omission_reasons(r), 0);
	pcreg_import_report_free(r);

	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection"), 2);
	assert_2021();
	/* One insert journaled per inspection, under its practice. */
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change WHERE entity = 'inspection'"),
	                 2);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change WHERE entity = 'inspection'"
	                                     " AND action = 'insert' AND code IN ('F81001', 'F81002')"),
	                 2);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM import_skip WHERE rows IN (2, 3)"),
	                 2);
}
END_TEST

START_TEST(test_reimport_unchanged)
{
	pcreg_import_report *r = import_ok(CQC "cqc-ratings-2021.csv", PCREG_IMPORT_STRICT);
	char *before, *after;

	pcreg_import_report_free(r);
	before = tu_sql_dump(db_path);
	r = import_ok(CQC "cqc-ratings-2021.csv", PCREG_IMPORT_LENIENT);
	assert_counts(r, 17, 0, 0, 12, 5);
	pcreg_import_report_free(r);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection"), 2);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change"), 2);
	assert_2021();
	/* Only the journal's record of the import itself is new. */
	after = tu_sql_dump(db_path);
	ck_assert_str_ne(after, before);
	free(after);
	free(before);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM import WHERE unchanged = 12"
	                                     " AND first_change IS NULL"),
	                 1);
}
END_TEST

/* A later file, columns in another order and dates written the other
 * way: a second inspection for the practice CQC visited again, nothing
 * new for the one it did not. */
START_TEST(test_later_file)
{
	pcreg_import_report *r = import_ok(CQC "cqc-ratings-2021.csv", PCREG_IMPORT_STRICT);
	pcreg_inspection *i = NULL;

	pcreg_import_report_free(r);
	r = import_ok(CQC "cqc-ratings-2023-reordered.csv", PCREG_IMPORT_STRICT);
	/* F81001: 6 new; F81002: 6 the same (01/06/2020 is 2020-06-01); 1 group row. */
	assert_counts(r, 13, 6, 0, 6, 1);
	pcreg_import_report_free(r);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection"), 3);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection"
	                                     " WHERE practice = 'F81001'"),
	                 2);

	i = latest("F81001", "2024-01-01");
	ck_assert_str_eq(pcreg_inspection_publication_date(i), "2023-01-10");
	ck_assert_str_eq(pcreg_inspection_cqc_location_id(i), "1-100000001");
	ck_assert_str_eq(pcreg_inspection_report_url(i),
	                 "https://www.cqc.org.uk/location/1-100000001/reports/2023");
	assert_ratings(i, PCREG_RATING_REQUIRES_IMPROVEMENT, PCREG_RATING_REQUIRES_IMPROVEMENT,
	               PCREG_RATING_GOOD, PCREG_RATING_GOOD, PCREG_RATING_REQUIRES_IMPROVEMENT,
	               PCREG_RATING_REQUIRES_IMPROVEMENT);
	pcreg_inspection_free(i);
	/* The day before it was published, the earlier one still stood. */
	i = latest("F81001", "2023-01-09");
	ck_assert_str_eq(pcreg_inspection_publication_date(i), "2019-03-15");
	ck_assert_int_eq(pcreg_inspection_overall(i), PCREG_RATING_GOOD);
	pcreg_inspection_free(i);
	i = NULL;
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81001", "2019-03-14", &i),
	                 PCREG_NOTFOUND, "F81001");
	ck_assert_ptr_null(i);
	/* Nothing changed for F81002. */
	assert_2021_f81002();
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change WHERE action <> 'insert'"),
	                 0);
}
END_TEST

/* Two locations' rows interleaved: each key question goes to its own
 * location's inspection, and all of them count as inserted. */
START_TEST(test_interleaved_locations)
{
	pcreg_import_report *r = import_ok(CQC "cqc-ratings-interleaved.csv", PCREG_IMPORT_STRICT);
	pcreg_inspection *i;

	assert_counts(r, 12, 12, 0, 0, 0);
	pcreg_import_report_free(r);
	i = latest("F81001", "2022-02-02");
	assert_ratings(i, PCREG_RATING_GOOD, PCREG_RATING_GOOD, PCREG_RATING_GOOD, PCREG_RATING_GOOD,
	               PCREG_RATING_GOOD, PCREG_RATING_GOOD);
	pcreg_inspection_free(i);
	i = latest("F81002", "2022-02-02");
	assert_ratings(i, PCREG_RATING_OUTSTANDING, PCREG_RATING_OUTSTANDING,
	               PCREG_RATING_OUTSTANDING, PCREG_RATING_OUTSTANDING, PCREG_RATING_OUTSTANDING,
	               PCREG_RATING_OUTSTANDING);
	pcreg_inspection_free(i);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change"), 2);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM change WHERE action <> 'insert'"),
	                 0);
	r = import_ok(CQC "cqc-ratings-interleaved.csv", PCREG_IMPORT_STRICT);
	assert_counts(r, 12, 0, 0, 12, 0);
	pcreg_import_report_free(r);
}
END_TEST

/* A GP location whose practice the registry lacks: strict refuses the
 * file and writes nothing; lenient keeps the other location. */
START_TEST(test_unknown_practice)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	char *before = tu_sql_dump(db_path), *after;
	int k;

	ck_assert_int_eq(pcreg_import_file(db, CQC "cqc-unknown-practice.csv", &opts, &r),
	                 PCREG_CONSTRAINT);
	ck_assert_str_eq(pcreg_db_errmsg(db), CQC "cqc-unknown-practice.csv:8: Location ODS Code:"
	                                      " practice F89997 is not in the registry");
	ck_assert_int_eq(pcreg_import_report_id(r), 0);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), 8);
	pcreg_import_report_free(r);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);

	r = import_ok(CQC "cqc-unknown-practice.csv", PCREG_IMPORT_LENIENT);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 12);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 6);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 6);
	ck_assert_int_eq(pcreg_import_report_rejections(r), 6);
	for (k = 0; k < 6; k++) {
		ck_assert_int_eq(pcreg_import_report_rejection_line(r, k), 8 + k);
		ck_assert_str_eq(pcreg_import_report_rejection_field(r, k), "Location ODS Code");
		ck_assert_str_eq(pcreg_import_report_rejection_reason(r, k),
		                 "practice F89997 is not in the registry");
	}
	pcreg_import_report_free(r);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM import_rejection"
	                                     " WHERE field = 'Location ODS Code'"),
	                 6);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection WHERE practice = 'F81001'"
	                                     " AND publication_date = '2024-05-01'"
	                                     " AND overall = 'good' AND well_led = 'good'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(db_path, "SELECT count(*) FROM inspection"), 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("import_cqc");
	TCase *tc = tcase_create("cqc");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_first_import);
	tcase_add_test(tc, test_reimport_unchanged);
	tcase_add_test(tc, test_later_file);
	tcase_add_test(tc, test_interleaved_locations);
	tcase_add_test(tc, test_unknown_practice);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(suite());
}
