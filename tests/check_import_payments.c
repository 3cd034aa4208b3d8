/*
 * check_import_payments.c: NHS Payments to General Practice, whose layout
 * changes every year, read by header name.
 *
 * One small file per layout (tests/data/payments/README.md): each must put
 * the same facts in the registry (the core contract through the year, the
 * year's patient averages as the list size on its last day), read back
 * through the public API. Files without a column the reader needs, with
 * two columns of one name, or with an impossible date are refused naming
 * what is wrong. The header matching and date reading are also checked on
 * their own (lib/header.h), and the real files in ../shared/data, when
 * that folder exists, must all load.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* Internals: the header matching and date reading themselves. Naming
 * record.h makes tests/CMakeLists.txt link the static library, which
 * exports them. */
#include "../lib/header.h"
#include "../lib/record.h"

#define PAY PCREG_SOURCE_DIR "/tests/data/payments/"

#define UNKNOWN_OMITTED "contract type Unknown: contract not recorded"

static pcreg_db *db;
static char db_path[512];

/* The bad files' reference data (99F, F81001, F81002, U99001), and a
 * third practice. 97H is left out on purpose. */
static void setup(void)
{
	static int n;
	char name[32];

	snprintf(name, sizeof name, "import-payments-%d.db", ++n);
	snprintf(db_path, sizeof db_path, "%s", tu_path(name));
	db = tu_open(db_path, PCREG_OPEN_CREATE);
	tu_add_reference_data(db);
	tu_add_practice(db, "F81003", "Made Up Medical Centre");
}

/* For the real files: epraccur's practices alone. */
static void setup_empty(void)
{
	snprintf(db_path, sizeof db_path, "%s", tu_path("import-payments-real.db"));
	unlink(db_path);
	db = tu_open(db_path, PCREG_OPEN_CREATE);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_status import(const char *path, int mode, pcreg_import_report **out)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;

	opts.kind = PCREG_IMPORT_PAYMENTS;
	opts.mode = mode;
	return pcreg_import_file(db, path, &opts, out);
}

/* Import a file that must load, with no row rejected. */
static pcreg_import_report *import_ok(const char *path, int mode)
{
	pcreg_import_report *r = NULL;

	ck_assert_msg(import(path, mode, &r) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_PAYMENTS);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	ck_assert_int_eq(pcreg_import_report_rows_read(r),
	                 pcreg_import_report_inserted(r) + pcreg_import_report_updated(r) +
	                         pcreg_import_report_unchanged(r) + pcreg_import_report_skipped(r));
	return r;
}

static int64_t omitted(const pcreg_import_report *r, const char *reason)
{
	int i;

	for (i = 0; i < pcreg_import_report_omission_reasons(r); i++)
		if (strcmp(pcreg_import_report_omission_reason(r, i), reason) == 0)
			return pcreg_import_report_omission_count(r, i);
	return 0;
}

/* The practice's core contract on @p on is of @p type, runs from @p start
 * to @p end, and is let by @p commissioner (NULL: none recorded). */
static void assert_core(const char *practice, const char *on, pcreg_contract_type_value type,
                        const char *start, const char *end, const char *commissioner)
{
	pcreg_contract *c = NULL;

	ck_assert_msg(pcreg_contract_core_on(db, practice, on, &c) == PCREG_OK, "%s on %s: %s",
	              practice, on, pcreg_db_errmsg(db));
	ck_assert_msg(pcreg_contract_type(c) == type, "%s on %s: type %s, expected %s", practice, on,
	              pcreg_contract_type_str(pcreg_contract_type(c)), pcreg_contract_type_str(type));
	ck_assert_str_eq(pcreg_contract_start_date(c), start);
	ck_assert_pstr_eq(pcreg_contract_end_date(c), end);
	ck_assert_pstr_eq(pcreg_contract_commissioner(c), commissioner);
	pcreg_contract_free(c);
}

static void assert_no_core(const char *practice, const char *on)
{
	pcreg_contract *c = NULL;
	pcreg_status st = pcreg_contract_core_on(db, practice, on, &c);

	ck_assert_msg(st == PCREG_NOTFOUND, "%s on %s: a %s contract from %s", practice, on,
	              st == PCREG_OK ? pcreg_contract_type_str(pcreg_contract_type(c)) : "?",
	              st == PCREG_OK ? pcreg_contract_start_date(c) : pcreg_db_errmsg(db));
	pcreg_contract_free(c);
}

/* The list size recorded for the year's last day. */
static void assert_list_size(const char *practice, const char *date, int64_t registered,
                             double weighted)
{
	pcreg_list_size *l = NULL;

	ck_assert_msg(pcreg_list_size_get(db, practice, date, &l) == PCREG_OK, "%s on %s: %s",
	              practice, date, pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_list_size_registered(l), registered);
	ck_assert_int_eq(pcreg_list_size_has_weighted(l), 1);
	ck_assert_msg(fabs(pcreg_list_size_weighted(l) - weighted) < 1e-9, "%s: weighted %g, expected %g",
	              practice, pcreg_list_size_weighted(l), weighted);
	pcreg_list_size_free(l);
}

static long long count(const char *sql)
{
	return tu_sql_int(db_path, sql);
}

/* ---- one file per layout --------------------------------------------------------------- */

START_TEST(test_2017_18_excel_serial_dates_and_upper_case_unknown)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-17-18-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 3);
	ck_assert_int_eq(omitted(r, UNKNOWN_OMITTED), 1);
	pcreg_import_report_free(r);

	/* Open 36251 (1999-04-01): the whole year. */
	assert_core("F81001", "2017-10-01", PCREG_CONTRACT_GMS, "2017-04-01", "2018-03-31", "99F");
	/* Closed 43159 (2018-02-28); 97H is not in the registry. */
	assert_core("F81002", "2017-04-01", PCREG_CONTRACT_PMS, "2017-04-01", "2018-02-28", NULL);
	assert_no_core("F81002", "2018-03-01");
	assert_no_core("F81003", "2018-02-01"); /* UNKNOWN */

	assert_list_size("F81001", "2018-03-31", 4114, 4703.5);
	assert_list_size("F81002", "2018-03-31", 8041, 7990.25); /* 8040.5, rounded */
	assert_list_size("F81003", "2018-03-31", 2000, 2100.5);
	ck_assert_int_eq(count("SELECT count(*) FROM list_size"), 3);
}
END_TEST

START_TEST(test_2019_20_footnote_digits_case_and_spaces_in_names)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-19-20-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 2);
	pcreg_import_report_free(r);

	assert_core("F81001", "2019-04-01", PCREG_CONTRACT_GMS, "2019-04-01", "2020-03-31", "99F");
	/* Opened 01/10/2019, in the year. */
	assert_core("F81002", "2020-03-31", PCREG_CONTRACT_PMS, "2019-10-01", "2020-03-31", "99F");
	assert_no_core("F81002", "2019-09-30");
	assert_list_size("F81001", "2020-03-31", 5121, 5301.25); /* 5120.5, rounded */
	assert_list_size("F81002", "2020-03-31", 8040, 7990.5);
}
END_TEST

START_TEST(test_2020_21_a_single_space_is_no_date)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-20-21-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 2);
	pcreg_import_report_free(r);

	assert_core("F81001", "2020-04-01", PCREG_CONTRACT_GMS, "2020-04-01", "2021-03-31", "99F");
	assert_core("F81002", "2021-03-31", PCREG_CONTRACT_PMS, "2020-04-01", "2021-03-31", "99F");
	assert_list_size("F81001", "2021-03-31", 5000, 5100.75);
	assert_list_size("F81002", "2021-03-31", 8000, 7900);
}
END_TEST

START_TEST(test_2021_22_bom_dd_mm_yyyy_and_unknown)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-21-22-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 3);
	ck_assert_int_eq(omitted(r, UNKNOWN_OMITTED), 1);
	pcreg_import_report_free(r);

	assert_core("F81001", "2021-04-01", PCREG_CONTRACT_GMS, "2021-04-01", "2022-03-31", "99F");
	/* "Unknown or no PCN" is no PCN, not a bad row. */
	assert_core("F81002", "2022-03-31", PCREG_CONTRACT_APMS, "2021-04-01", "2022-03-31", "99F");
	assert_no_core("F81003", "2021-12-01");
	assert_list_size("F81001", "2022-03-31", 4061, 4645.53);
	assert_list_size("F81002", "2022-03-31", 8000, 7990.5);
	assert_list_size("F81003", "2022-03-31", 1500, 1600);
}
END_TEST

START_TEST(test_2022_23_sub_icb_code_and_average_patients)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-22-23-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 3);
	ck_assert_int_eq(omitted(r, UNKNOWN_OMITTED), 1);
	pcreg_import_report_free(r);

	assert_core("F81001", "2022-10-01", PCREG_CONTRACT_GMS, "2022-04-01", "2023-03-31", "99F");
	/* Closed 30/09/2022. */
	assert_core("F81002", "2022-09-30", PCREG_CONTRACT_PMS, "2022-04-01", "2022-09-30", "99F");
	assert_no_core("F81002", "2022-10-01");
	assert_no_core("F81003", "2022-10-01");
	assert_list_size("F81001", "2023-03-31", 4029, 4579.78);
	assert_list_size("F81002", "2023-03-31", 8040, 7990.5);
	assert_list_size("F81003", "2023-03-31", 1500, 1600.5);

	/* The same file again changes nothing. */
	r = import_ok(PAY "nhspaymentsgp-22-23-sample.csv", PCREG_IMPORT_STRICT);
	ck_assert_int_eq(pcreg_import_report_unchanged(r), 3);
	pcreg_import_report_free(r);
	ck_assert_int_eq(count("SELECT count(*) FROM contract"), 2);
}
END_TEST

START_TEST(test_2023_24_columns_in_another_order)
{
	pcreg_import_report *r = import_ok(PAY "nhspaymentsgp-23-24-sample.csv", PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 2);
	pcreg_import_report_free(r);

	/* Sub ICB Location Code is the commissioner, not the ICB Code (QF1), nor
	 * the CCG Code (97H) the file also has. */
	assert_core("F81001", "2024-03-31", PCREG_CONTRACT_GMS, "2023-04-01", "2024-03-31", "99F");
	/* Open 2023-06-01 (after the close column), closed 2023-12-31. */
	assert_core("F81002", "2023-06-01", PCREG_CONTRACT_APMS, "2023-06-01", "2023-12-31", "99F");
	assert_no_core("F81002", "2023-05-31");
	assert_no_core("F81002", "2024-01-01");
	/* Weighted comes before registered in this file. */
	assert_list_size("F81001", "2024-03-31", 4000, 4500.5);
	assert_list_size("F81002", "2024-03-31", 90, 100.25);
}
END_TEST

/* Every layout, one after another: each year's contract follows on. */
START_TEST(test_every_layout_in_sequence)
{
	static const char *const files[] = {
		"nhspaymentsgp-17-18-sample.csv", "nhspaymentsgp-19-20-sample.csv",
		"nhspaymentsgp-20-21-sample.csv", "nhspaymentsgp-21-22-sample.csv",
		"nhspaymentsgp-22-23-sample.csv", "nhspaymentsgp-23-24-sample.csv",
	};
	char path[512];
	size_t i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s%s", PAY, files[i]);
		pcreg_import_report_free(import_ok(path, PCREG_IMPORT_STRICT));
	}
	ck_assert_int_eq(count("SELECT count(*) FROM list_size"), 3 + 2 + 2 + 3 + 3 + 2);
	/* F81001 is GMS in every file: 2017/18 alone (2018/19 is missing), then
	 * one contract carried on from 2019/20 to 2023/24. */
	assert_core("F81001", "2017-10-01", PCREG_CONTRACT_GMS, "2017-04-01", "2018-03-31", "99F");
	assert_no_core("F81001", "2018-10-01");
	assert_core("F81001", "2019-10-01", PCREG_CONTRACT_GMS, "2019-04-01", "2024-03-31", "99F");
	assert_core("F81001", "2023-10-01", PCREG_CONTRACT_GMS, "2019-04-01", "2024-03-31", "99F");
}
END_TEST

/* ---- files that are refused ----------------------------------------------------------- */

/* The whole file is refused in both modes, and nothing is written. */
static void assert_file_refused(const char *name, const char *message)
{
	static const int modes[] = { PCREG_IMPORT_STRICT, PCREG_IMPORT_LENIENT };
	char path[512];
	size_t i;

	snprintf(path, sizeof path, "%s%s", PAY, name);
	for (i = 0; i < 2; i++) {
		pcreg_import_report *r = NULL;

		tu_assert_status(db, import(path, modes[i], &r), PCREG_INVALID, message);
		ck_assert_msg(strstr(pcreg_db_errmsg(db), path) != NULL, "%s", pcreg_db_errmsg(db));
		pcreg_import_report_free(r);
	}
	ck_assert_int_eq(count("SELECT count(*) FROM list_size"), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM contract"), 0);
}

START_TEST(test_a_file_without_practice_code_is_refused_naming_it)
{
	assert_file_refused("nhspaymentsgp-22-23-no-practice-code.csv",
	                    "nhspaymentsgp-22-23-no-practice-code.csv:1: no column \"Practice Code\""
	                    " (or \"Practice ODS Code\") in the header");
}
END_TEST

START_TEST(test_two_practice_code_columns_are_refused)
{
	assert_file_refused("nhspaymentsgp-22-23-two-practice-codes.csv",
	                    "nhspaymentsgp-22-23-two-practice-codes.csv:1: columns 7 and 8 both read"
	                    " as \"Practice Code\"");
}
END_TEST

/* Strict: the file fails naming the line and field. Lenient: that row is
 * left out and reported, the others land. */
static void assert_bad_date(const char *name, const char *year_end, long long good_rows,
                            const char *message, const char *value)
{
	pcreg_import_report *r = NULL;
	pcreg_list_size *l = NULL;
	char path[512];

	snprintf(path, sizeof path, "%s%s", PAY, name);
	tu_assert_status(db, import(path, PCREG_IMPORT_STRICT, &r), PCREG_INVALID, message);
	pcreg_import_report_free(r);
	r = NULL;
	ck_assert_int_eq(count("SELECT count(*) FROM list_size"), 0);

	ck_assert_msg(import(path, PCREG_IMPORT_LENIENT, &r) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_rejected(r), 1);
	ck_assert_int_eq(pcreg_import_report_rejections(r), 1);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), 3);
	ck_assert_str_eq(pcreg_import_report_rejection_field(r, 0), "Practice Open Date");
	ck_assert_msg(strstr(pcreg_import_report_rejection_reason(r, 0), value) != NULL, "%s",
	              pcreg_import_report_rejection_reason(r, 0));
	pcreg_import_report_free(r);
	/* The good rows' list sizes are there, the bad row's is not. */
	ck_assert_int_eq(count("SELECT count(*) FROM list_size"), good_rows);
	ck_assert_int_eq(pcreg_list_size_get(db, "F81002", year_end, &l), PCREG_NOTFOUND);
	ck_assert_int_eq(pcreg_list_size_get(db, "F81001", year_end, &l), PCREG_OK);
	pcreg_list_size_free(l);
}

START_TEST(test_an_impossible_date_names_its_line_and_field)
{
	assert_bad_date("nhspaymentsgp-22-23-bad-date.csv", "2023-03-31", 2,
	                "nhspaymentsgp-22-23-bad-date.csv:3: Practice Open Date: \"31/02/2020\" is"
	                " not a real date",
	                "31/02/2020");
}
END_TEST

START_TEST(test_excel_s_29_february_1900_is_refused)
{
	assert_bad_date("nhspaymentsgp-17-18-phantom-leap-day.csv", "2018-03-31", 1,
	                "nhspaymentsgp-17-18-phantom-leap-day.csv:3: Practice Open Date: \"60\" is"
	                " not a real date",
	                "\"60\"");
}
END_TEST

/* ---- the header matching on its own ---------------------------------------------------- */

START_TEST(test_normal_form_of_header_names)
{
	static const struct {
		const char *name, *normal;
	} cases[] = {
		{ "Practice Code", "practice code" },
		{ "\xEF\xBB\xBFNHS England (Region) code", "nhs england (region) code" },
		{ "  Practice   Open\tDate \r\n", "practice open date" },
		{ "Practice\nClose\r\nDate", "practice close date" },
		{ "CCG\xC2\xA0NAME", "ccg name" },
		{ "Average Number of Registered Patients1", "average number of registered patients" },
		{ "Average Number of Weighted Patients 12", "average number of weighted patients 12" },
		{ "Average Number of Registered Patients23", "average number of registered patients" },
		{ "Number of Registered Patients (Last Known Figure)2",
		  "number of registered patients (last known figure)" },
		{ "Global Sum\xC2\xB9", "global sum" },
		{ "Global Sum \xE2\x81\xB4", "global sum" },
		{ "Code 2", "code 2" },
		{ "ADDRESS_LINE_1", "address_line_1" },
		{ "2019", "2019" },
		{ "Q4 2019", "q4 2019" },
		{ "Total1 ", "total" },
		{ "   ", "" },
		{ "", "" },
		{ "Pr\xC3\xA9" "cis", "pr\xC3\xA9" "cis" }, /* non-ASCII kept as it is */
	};
	char out[PCREG__HEADER_NAME_MAX + 1];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = pcreg__header_normalise(cases[i].name, out, sizeof out);

		ck_assert_msg(strcmp(out, cases[i].normal) == 0, "\"%s\" -> \"%s\", expected \"%s\"",
		              cases[i].name, out, cases[i].normal);
		ck_assert_uint_eq(n, strlen(cases[i].normal));
	}
	/* Too long for the buffer: the length says so, and it is terminated. */
	ck_assert_uint_ge(pcreg__header_normalise("Practice Code", out, 5), 5);
	ck_assert_uint_eq(strlen(out), 4);
}
END_TEST

START_TEST(test_header_names_match_exactly_or_by_prefix)
{
	ck_assert(pcreg__header_matches("PRACTICE  CODE", "Practice Code"));
	ck_assert(!pcreg__header_matches("Practice Code 2", "Practice Code"));
	ck_assert(!pcreg__header_matches("Practice Codes", "Practice Code"));
	ck_assert(pcreg__header_matches("Number of Registered Patients (Last Known Figure)3",
	                                "Number of Registered Patients*"));
	ck_assert(pcreg__header_matches("Number of Registered Patients", "number of registered patients *"));
	ck_assert(!pcreg__header_matches("Average Number of Registered Patients",
	                                 "Number of Registered Patients*"));
	ck_assert(!pcreg__header_matches("", ""));
	ck_assert(!pcreg__header_matches("Anything", "*"));
}
END_TEST

/* A header record over a list of names. */
struct header {
	const char *fields[16];
	size_t lengths[16];
	struct pcreg__csv_record rec;
};

static const struct pcreg__csv_record *header_of(struct header *h, const char *const *names)
{
	size_t n;

	for (n = 0; names[n]; n++) {
		h->fields[n] = names[n];
		h->lengths[n] = strlen(names[n]);
	}
	h->rec.line = 4;
	h->rec.nfields = n;
	h->rec.fields = h->fields;
	h->rec.lengths = h->lengths;
	return &h->rec;
}

static const char *const code_names[] = { "Practice ODS Code", "Code*", NULL };
static const char *const size_names[] = { "Number of Registered Patients (Last Known Figure)",
	                                  NULL };
static const struct pcreg__column_spec specs[] = {
	{ "Practice Code", code_names, 1 },
	{ "Average Number of Registered Patients", size_names, 1 },
	{ "PCN Code", NULL, 0 },
};

/* A stand-in for an import: the map only names the file and sets the
 * handle's message. */
static pcreg_import *fake_import(void)
{
	static pcreg_import imp;
	static char path[] = "/data/nhspaymentsgp-22-23.csv";

	memset(&imp, 0, sizeof imp);
	imp.db = db;
	imp.path = path;
	imp.name = path + 6;
	return &imp;
}

START_TEST(test_header_map_finds_columns_by_any_accepted_name)
{
	static const char *const names[] = { "Region", "Number of Registered Patients (Last Known Figure)2",
		                             "PRACTICE ODS CODE", NULL };
	struct header h;
	int index[3];

	ck_assert_int_eq(pcreg__header_map(fake_import(), header_of(&h, names), specs, 3, index),
	                 PCREG_OK);
	ck_assert_int_eq(index[0], 2);
	ck_assert_int_eq(index[1], 1);
	ck_assert_int_eq(index[2], -1); /* optional */
}
END_TEST

START_TEST(test_header_map_prefers_the_earlier_name)
{
	/* "Code*" would take column 1; "Practice Code" comes first. */
	static const char *const names[] = { "Code of practice", "Practice Code",
		                             "Average Number of Registered Patients", "PCN Code", NULL };
	struct header h;
	int index[3];

	ck_assert_int_eq(pcreg__header_map(fake_import(), header_of(&h, names), specs, 3, index),
	                 PCREG_OK);
	ck_assert_int_eq(index[0], 1);
	ck_assert_int_eq(index[1], 2);
	ck_assert_int_eq(index[2], 3);
}
END_TEST

START_TEST(test_header_map_refuses_a_missing_or_ambiguous_column)
{
	static const char *const missing[] = { "Practice Code", "Registered", NULL };
	static const char *const twice[] = { "Code A", "Code B", "Average Number of Registered Patients",
		                             NULL };
	static const char *const both[] = { "Practice Code", "Average Number of Registered Patients",
		                            "PCN Code", NULL };
	static const char *const practice_names[] = { "Practice*", NULL };
	static const struct pcreg__column_spec overlapping[] = {
		{ "Practice Code", NULL, 1 },
		{ "PCN Code", NULL, 0 },
		{ "Practice Identifier", practice_names, 0 },
	};
	struct header h;
	int index[3];

	tu_assert_status(db, pcreg__header_map(fake_import(), header_of(&h, missing), specs, 3, index),
	                 PCREG_INVALID,
	                 "/data/nhspaymentsgp-22-23.csv:4: no column \"Average Number of Registered"
	                 " Patients\" (or \"Number of Registered Patients (Last Known Figure)\") in"
	                 " the header");
	/* Only a prefix name matches, and it matches two columns. */
	tu_assert_status(db, pcreg__header_map(fake_import(), header_of(&h, twice), specs, 3, index),
	                 PCREG_INVALID,
	                 "/data/nhspaymentsgp-22-23.csv:4: columns 1 and 2 both read as \"Code*\"");
	tu_assert_status(db,
	                 pcreg__header_map(fake_import(), header_of(&h, both), overlapping, 3, index),
	                 PCREG_INVALID,
	                 "/data/nhspaymentsgp-22-23.csv:4: column 1 (\"Practice Code\") reads as"
	                 " both \"Practice Code\" and \"Practice Identifier\"");
}
END_TEST

START_TEST(test_header_map_out_of_memory)
{
	static const char *const names[] = { "Practice Code", "Average Number of Registered Patients",
		                             NULL };
	struct header h;
	int index[3];
	long before = tu_live_allocations();

	tu_fail_nth_allocation(1);
	tu_assert_status(db, pcreg__header_map(fake_import(), header_of(&h, names), specs, 3, index),
	                 PCREG_NOMEM, "out of memory");
	ck_assert(tu_fault_injected());
	tu_fail_nth_allocation(0);
	ck_assert_int_eq(tu_live_allocations(), before);
}
END_TEST

/* ---- dates ------------------------------------------------------------------------------ */

START_TEST(test_dates_in_every_form)
{
	static const struct {
		const char *text;
		int result;
		const char *iso;
	} cases[] = {
		{ "1999-04-01", PCREG__DATE_SET, "1999-04-01" },
		{ "19990401", PCREG__DATE_SET, "1999-04-01" },
		{ "01/04/1999", PCREG__DATE_SET, "1999-04-01" },
		{ "36251", PCREG__DATE_SET, "1999-04-01" },
		{ " 36251 ", PCREG__DATE_SET, "1999-04-01" },
		{ "43159", PCREG__DATE_SET, "2018-02-28" },
		{ "0036251", PCREG__DATE_SET, "1999-04-01" },
		{ "1", PCREG__DATE_SET, "1900-01-01" },
		{ "59", PCREG__DATE_SET, "1900-02-28" },
		{ "61", PCREG__DATE_SET, "1900-03-01" },
		{ "2958465", PCREG__DATE_SET, "9999-12-31" },
		{ "29/02/2020", PCREG__DATE_SET, "2020-02-29" },
		{ "01APR1999", PCREG__DATE_SET, "1999-04-01" },
		{ "", PCREG__DATE_BLANK, NULL },
		{ " ", PCREG__DATE_BLANK, NULL },
		{ "\t ", PCREG__DATE_BLANK, NULL },
		{ NULL, PCREG__DATE_BLANK, NULL },
		{ "0", PCREG__DATE_BAD, NULL },
		{ "60", PCREG__DATE_BAD, NULL },       /* Excel's 1900-02-29 */
		{ "2958466", PCREG__DATE_BAD, NULL },  /* after 9999-12-31 */
		{ "9999999", PCREG__DATE_BAD, NULL },
		{ "31/02/2020", PCREG__DATE_BAD, NULL },
		{ "29/02/2021", PCREG__DATE_BAD, NULL },
		{ "2020-13-01", PCREG__DATE_BAD, NULL },
		{ "20200230", PCREG__DATE_BAD, NULL },
		{ "-36251", PCREG__DATE_BAD, NULL },
		{ "36251.5", PCREG__DATE_BAD, NULL },
		{ "123456789012345678", PCREG__DATE_BAD, NULL },
		{ "Unknown", PCREG__DATE_BAD, NULL },
		{ "01/04/1999 00:00", PCREG__DATE_BAD, NULL },
	};
	char out[11];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got;

		memset(out, 'x', sizeof out);
		got = pcreg__date_read(cases[i].text, out);
		ck_assert_msg(got == cases[i].result, "\"%s\": %d, expected %d",
		              cases[i].text ? cases[i].text : "(null)", got, cases[i].result);
		if (cases[i].iso)
			ck_assert_msg(strcmp(out, cases[i].iso) == 0, "\"%s\" -> \"%.10s\", expected %s",
			              cases[i].text, out, cases[i].iso);
	}
}
END_TEST

/* Excel's serials against the calendar, day by day: each is the day after
 * the one before, except across the day Excel invented. */
START_TEST(test_excel_serials_count_days)
{
	char prev[11], cur[11], next_day[11], text[24];
	long serial;

	ck_assert_int_eq(pcreg__date_read("1", prev), PCREG__DATE_SET);
	for (serial = 2; serial <= 2958465; serial += serial < 100000 ? 1 : 997) {
		snprintf(text, sizeof text, "%ld", serial);
		if (serial == 60) {
			ck_assert_int_eq(pcreg__date_read(text, cur), PCREG__DATE_BAD);
			continue;
		}
		ck_assert_int_eq(pcreg__date_read(text, cur), PCREG__DATE_SET);
		if (serial < 100000) {
			ck_assert(pcreg__date_add_days(prev, 1, next_day));
			ck_assert_msg(strcmp(cur, next_day) == 0, "serial %ld is %s, after %s", serial,
			              cur, prev);
		}
		memcpy(prev, cur, sizeof prev);
	}
}
END_TEST

/* ---- the real files ---------------------------------------------------------------------- */

static const char *data_path(const char *name)
{
	return tu_shared_data_file(name);
}

/* Records in a file with no line break inside a field: its lines. */
static int64_t lines_of(const char *path)
{
	FILE *f = fopen(path, "rb");
	int64_t n = 0;
	int c;

	ck_assert_ptr_nonnull(f);
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

/* The PCN a payments file says the practice was in on its year's last day
 * (NULL: none). */
static void expect_network(const char *practice, const char *on, const char *pcn)
{
	pcreg_answer *a = NULL;

	ck_assert_msg(pcreg_membership_answer(db, PCREG_MEMBERSHIP_NETWORK, practice, on, &a) ==
	                      PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	if (pcn)
		ck_assert_msg(pcreg_answer_organisation(a) &&
		                      strcmp(pcreg_answer_organisation(a), pcn) == 0,
		              "%s on %s: in %s, expected %s", practice, on,
		              pcreg_answer_organisation(a) ? pcreg_answer_organisation(a) : "none", pcn);
	else
		ck_assert_msg(!pcreg_answer_organisation(a), "%s on %s: in %s, expected none", practice,
		              on, pcreg_answer_organisation(a));
	pcreg_answer_free(a);
}

START_TEST(test_real_files_load)
{
	/* A81001 in each year's file: GMS, its CCG or sub-ICB, its patients;
	 * and the PCN the file names from 2019/20 (read from the files by
	 * hand: U89141). */
	static const struct {
		const char *file, *on, *year_end, *commissioner, *pcn;
		int64_t registered;
	} years[] = {
		{ "contracts/nhspaymentsgp-17-18-csv.csv", "2017-10-01", "2018-03-31", "00K", NULL,
		  4114 },
		{ "contracts/nhspaymentsgp-21-22-prac-csv-v2.csv", "2021-10-01", "2022-03-31", "16C",
		  "U89141", 4061 },
		{ "contracts/nhspaymentsgp-22-23-prac-csv.csv", "2022-10-01", "2023-03-31", "16C",
		  "U89141", 4029 },
	};
	/* B82005, a PMS practice in 03Q every year, in U56562 where a PCN is given. */
	static const char *const pms_pcn[] = { NULL, "U56562", "U56562" };
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_contract *c = NULL;
	pcreg_list_size *l = NULL;
	size_t i;

	opts.kind = PCREG_IMPORT_EPRACCUR;
	ck_assert_msg(pcreg_import_file(db, data_path("epraccur/epraccur.csv"), &opts, &r) ==
	                      PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	pcreg_import_report_free(r);
	r = NULL;
	/* For the contracts' commissioners. */
	opts.kind = PCREG_IMPORT_ECCG;
	ck_assert_msg(pcreg_import_file(db, data_path("ccg/eccg.csv"), &opts, &r) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	pcreg_import_report_free(r);
	r = NULL;

	for (i = 0; i < sizeof years / sizeof years[0]; i++) {
		const char *path = data_path(years[i].file);

		ck_assert_msg(import(path, PCREG_IMPORT_LENIENT, &r) == PCREG_OK, "%s: %s",
		              years[i].file, pcreg_db_errmsg(db));
		fprintf(stderr, "%s: %lld rows read, %lld rejected\n", years[i].file,
		        (long long)pcreg_import_report_rows_read(r),
		        (long long)pcreg_import_report_rejected(r));
		ck_assert_int_gt(pcreg_import_report_rows_read(r), 6000);
		ck_assert_int_eq(pcreg_import_report_rows_read(r), lines_of(path) - 1);
		ck_assert_msg(pcreg_import_report_rejected(r) == 0, "%s: %lld rejected, the first: line %lld: %s: %s",
		              years[i].file, (long long)pcreg_import_report_rejected(r),
		              (long long)pcreg_import_report_rejection_line(r, 0),
		              pcreg_import_report_rejection_field(r, 0),
		              pcreg_import_report_rejection_reason(r, 0));
		ck_assert_int_gt(omitted(r, UNKNOWN_OMITTED), 0);
		pcreg_import_report_free(r);
		r = NULL;

		ck_assert_msg(pcreg_contract_core_on(db, "A81001", years[i].on, &c) == PCREG_OK, "%s: %s",
		              years[i].file, pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg_contract_type(c), PCREG_CONTRACT_GMS);
		ck_assert_pstr_eq(pcreg_contract_commissioner(c), years[i].commissioner);
		pcreg_contract_free(c);
		c = NULL;
		ck_assert_msg(pcreg_contract_core_on(db, "B82005", years[i].on, &c) == PCREG_OK, "%s: %s",
		              years[i].file, pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg_contract_type(c), PCREG_CONTRACT_PMS);
		ck_assert_pstr_eq(pcreg_contract_commissioner(c), "03Q");
		pcreg_contract_free(c);
		c = NULL;
		expect_network("A81001", years[i].year_end, years[i].pcn);
		expect_network("B82005", years[i].year_end, pms_pcn[i]);
		ck_assert_msg(pcreg_list_size_get(db, "A81001", years[i].year_end, &l) == PCREG_OK,
		              "%s: %s", years[i].year_end, pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg_list_size_registered(l), years[i].registered);
		pcreg_list_size_free(l);
		l = NULL;
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("import_payments");
	TCase *layouts = tcase_create("layouts");
	TCase *refused = tcase_create("refused");
	TCase *header = tcase_create("header");
	TCase *real = tu_shared_data_tcase("real");

	tcase_add_checked_fixture(layouts, setup, teardown);
	tcase_add_test(layouts, test_2017_18_excel_serial_dates_and_upper_case_unknown);
	tcase_add_test(layouts, test_2019_20_footnote_digits_case_and_spaces_in_names);
	tcase_add_test(layouts, test_2020_21_a_single_space_is_no_date);
	tcase_add_test(layouts, test_2021_22_bom_dd_mm_yyyy_and_unknown);
	tcase_add_test(layouts, test_2022_23_sub_icb_code_and_average_patients);
	tcase_add_test(layouts, test_2023_24_columns_in_another_order);
	tcase_add_test(layouts, test_every_layout_in_sequence);
	suite_add_tcase(s, layouts);

	tcase_add_checked_fixture(refused, setup, teardown);
	tcase_add_test(refused, test_a_file_without_practice_code_is_refused_naming_it);
	tcase_add_test(refused, test_two_practice_code_columns_are_refused);
	tcase_add_test(refused, test_an_impossible_date_names_its_line_and_field);
	tcase_add_test(refused, test_excel_s_29_february_1900_is_refused);
	suite_add_tcase(s, refused);

	tcase_add_checked_fixture(header, setup, teardown);
	tcase_add_test(header, test_normal_form_of_header_names);
	tcase_add_test(header, test_header_names_match_exactly_or_by_prefix);
	tcase_add_test(header, test_header_map_finds_columns_by_any_accepted_name);
	tcase_add_test(header, test_header_map_prefers_the_earlier_name);
	tcase_add_test(header, test_header_map_refuses_a_missing_or_ambiguous_column);
	tcase_add_test(header, test_header_map_out_of_memory);
	tcase_add_test(header, test_dates_in_every_form);
	tcase_add_test(header, test_excel_serials_count_days);
	suite_add_tcase(s, header);

	tcase_add_checked_fixture(real, setup_empty, teardown);
	tcase_set_timeout(real, 600);
	tcase_add_test(real, test_real_files_load);
	suite_add_tcase(s, real);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(suite());
}
