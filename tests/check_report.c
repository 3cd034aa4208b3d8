/*
 * check_report.c: each report reproduces its seed paper's table, cell for
 * cell, from figures loaded through the API.
 *
 * The data carry distractions a real registry has: practices closed before
 * the date, reports published after it, older ratings superseded by newer
 * ones, a practice that moved commissioner, contracts that ended.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

static void setup(void)
{
	db = tu_open(":memory:", 0);
	OK(pcreg_db_begin(db));
}

static void teardown(void)
{
	pcreg_db_commit(db);
	pcreg_db_close(db);
	db = NULL;
}

static void add_commissioner(const char *code, pcreg_commissioner_kind_value kind,
                             const char *name, const char *region)
{
	pcreg_commissioner *c = NULL;

	OK(pcreg_commissioner_new(&c));
	pcreg_commissioner_set_code(c, code);
	pcreg_commissioner_set_kind(c, kind);
	pcreg_commissioner_set_name(c, name);
	pcreg_commissioner_set_region(c, region);
	OK(pcreg_commissioner_insert(db, c));
	pcreg_commissioner_free(c);
}

/* A practice in a commissioner from 2013 on, optionally closed. */
static void add_practice(const char *code, const char *commissioner, const char *close_date)
{
	pcreg_practice *p = NULL;

	OK(pcreg_practice_new(&p));
	pcreg_practice_set_code(p, code);
	pcreg_practice_set_name(p, "Fictional Surgery");
	pcreg_practice_set_status(p, close_date ? PCREG_PRACTICE_CLOSED : PCREG_PRACTICE_ACTIVE);
	pcreg_practice_set_open_date(p, "1990-01-01");
	pcreg_practice_set_close_date(p, close_date);
	OK(pcreg_practice_insert(db, p));
	pcreg_practice_free(p);
	OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, code, commissioner, "2013-04-01",
	                         NULL));
}

static void add_inspection(const char *practice, const char *inspected, const char *published,
                           pcreg_rating overall)
{
	pcreg_inspection *i = NULL;

	OK(pcreg_inspection_new(&i));
	pcreg_inspection_set_practice(i, practice);
	pcreg_inspection_set_inspection_date(i, inspected);
	pcreg_inspection_set_publication_date(i, published);
	pcreg_inspection_set_overall(i, overall);
	OK(pcreg_inspection_insert(db, i));
	pcreg_inspection_free(i);
}

static void add_contract(const char *practice, pcreg_contract_type_value type,
                         const char *service, const char *start, const char *end,
                         int have_premium, int64_t premium, int64_t annual_value)
{
	pcreg_contract *k = NULL;

	OK(pcreg_contract_new(&k));
	pcreg_contract_set_practice(k, practice);
	pcreg_contract_set_type(k, type);
	pcreg_contract_set_service(k, service);
	pcreg_contract_set_start_date(k, start);
	pcreg_contract_set_end_date(k, end);
	if (have_premium) {
		pcreg_contract_set_pms_premium(k, premium);
		pcreg_contract_set_annual_value(k, annual_value);
	}
	OK(pcreg_contract_insert(db, k));
	pcreg_contract_free(k);
}

/* "F7" and 12 give "F70012". */
static void code_for(const char *prefix, int n, char out[7])
{
	unsigned v = (unsigned)n % 10000u;

	out[0] = prefix[0];
	out[1] = prefix[1];
	out[2] = (char)('0' + v / 1000);
	out[3] = (char)('0' + v / 100 % 10);
	out[4] = (char)('0' + v / 10 % 10);
	out[5] = (char)('0' + v % 10);
	out[6] = '\0';
}

/* "78.95%" for 7895. */
/* ---- seed 004: CQC inspections update, 18 April 2017 --------------------------------- */

struct cqc_figures {
	const char *code, *name;
	int practices, inadequate, requires_improvement, good, outstanding;
	int unpublished; /* practices with no published report */
};

static void load_cqc(const struct cqc_figures *f, const char *prefix)
{
	int n = 0, i;
	char code[7];

	for (i = 0; i < f->inadequate; i++, n++) {
		code_for(prefix, n, code);
		add_practice(code, f->code, NULL);
		/* Was good, then inadequate: the latest report counts. */
		add_inspection(code, "2015-01-10", "2015-03-01", PCREG_RATING_GOOD);
		add_inspection(code, "2016-10-01", "2016-12-01", PCREG_RATING_INADEQUATE);
	}
	for (i = 0; i < f->requires_improvement; i++, n++) {
		code_for(prefix, n, code);
		add_practice(code, f->code, NULL);
		add_inspection(code, "2016-06-01", "2016-08-01", PCREG_RATING_REQUIRES_IMPROVEMENT);
	}
	for (i = 0; i < f->good; i++, n++) {
		code_for(prefix, n, code);
		add_practice(code, f->code, NULL);
		add_inspection(code, "2016-02-01", "2016-04-01", PCREG_RATING_GOOD);
		/* Re-inspected, but its report comes out after the paper. */
		add_inspection(code, "2017-03-01", "2017-06-01", PCREG_RATING_INADEQUATE);
	}
	for (i = 0; i < f->outstanding; i++, n++) {
		code_for(prefix, n, code);
		add_practice(code, f->code, NULL);
		add_inspection(code, "2016-02-01", "2016-04-01", PCREG_RATING_OUTSTANDING);
	}
	for (i = 0; i < f->unpublished; i++, n++) {
		code_for(prefix, n, code);
		add_practice(code, f->code, NULL);
		if (i % 2) /* visited, report not yet out */
			add_inspection(code, "2017-04-01", NULL, PCREG_RATING_NONE);
	}
	ck_assert_int_eq(n, f->practices);
	/* A practice that closed before the date does not count at all. */
	code_for(prefix, 9999, code);
	add_practice(code, f->code, "2016-12-31");
	add_inspection(code, "2015-01-01", "2015-02-01", PCREG_RATING_INADEQUATE);
}

static const struct cqc_figures bhr[] = {
	{ "07L", "NHS Barking and Dagenham CCG", 38, 3, 7, 20, 0, 8 },
	{ "08F", "NHS Havering CCG", 44, 1, 14, 20, 0, 9 },
	{ "08N", "NHS Redbridge CCG", 45, 2, 9, 17, 0, 17 },
};

static void load_bhr(void)
{
	add_commissioner("07L", PCREG_COMMISSIONER_CCG, bhr[0].name, "Y56");
	add_commissioner("08F", PCREG_COMMISSIONER_CCG, bhr[1].name, "Y56");
	add_commissioner("08N", PCREG_COMMISSIONER_CCG, bhr[2].name, "Y56");
	load_cqc(&bhr[0], "F7");
	load_cqc(&bhr[1], "G7");
	load_cqc(&bhr[2], "H7");
}

START_TEST(test_cqc_seed_004)
{
	static const char *const expected[] = {
		"07L 38 30 78.95% 3 10.00% 7 23.33% 20 66.67%",
		"08F 44 35 79.55% 1 2.86% 14 40.00% 20 57.14%",
		"08N 45 28 62.22% 2 7.14% 9 32.14% 17 60.71%",
		"Total 127 93 73.23% 6 6.45% 30 32.26% 57 61.29%",
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *r;
	size_t n = 0;

	load_bhr();
	/* Another CCG's practices are not in the BHR table. */
	add_commissioner("07Q", PCREG_COMMISSIONER_CCG, "NHS Bromley CCG", "Y56");
	add_practice("J80001", "07Q", NULL);

	opts.on = "2017-04-18";
	opts.commissioner = "07L,08F,08N";
	OK(pcreg_report_cqc(db, &opts, &it));
	while (pcreg_cqc_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 4);
		ck_assert_str_eq(tu_cqc_line(r, 0), expected[n]);
		if (!pcreg_cqc_row_is_total(r)) {
			ck_assert_str_eq(pcreg_cqc_row_name(r), bhr[n].name);
			ck_assert_int_eq(pcreg_cqc_row_outstanding(r), 0);
			ck_assert_int_eq(pcreg_cqc_row_not_published(r), bhr[n].unpublished);
		} else {
			ck_assert_ptr_null(pcreg_cqc_row_commissioner(r));
			ck_assert_int_eq(pcreg_cqc_row_not_published(r), 34);
		}
		n++;
	}
	ck_assert_uint_eq(n, 4);
	pcreg_cqc_iter_free(it);

	/* "26.77% in BHR still to be published": the complement of the total. */
	ck_assert_int_eq(10000 - 7323, 2677);
}
END_TEST

/* ---- seed 000: Bromley's CQC outcomes and its LIS -------------------------------------- */

START_TEST(test_cqc_and_scheme_seed_000)
{
	static const struct cqc_figures bromley = { "07Q", "NHS Bromley CCG", 45, 0, 3, 18, 1, 23 };
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	pcreg_scheme_iter *sit = NULL;
	const pcreg_cqc_row *r;
	const pcreg_scheme_row *s;
	char code[7];
	int i;

	add_commissioner("07Q", PCREG_COMMISSIONER_CCG, bromley.name, "Y56");
	load_cqc(&bromley, "J8");
	/* 37 of the 45 take part in the Integrated Case Management LIS. */
	for (i = 0; i < 37; i++) {
		code_for("J8", i, code);
		add_contract(code, PCREG_CONTRACT_LIS, "Integrated Case Management", "2016-12-01", NULL,
		             0, 0, 0);
	}
	/* One more signed up after the date; one left before it. */
	code_for("J8", 40, code);
	add_contract(code, PCREG_CONTRACT_LIS, "Integrated Case Management", "2017-06-01", NULL, 0,
	             0, 0);
	code_for("J8", 41, code);
	add_contract(code, PCREG_CONTRACT_LIS, "Integrated Case Management", "2016-12-01",
	             "2017-01-31", 0, 0, 0);

	opts.on = "2017-02-01";
	OK(pcreg_report_cqc(db, &opts, &it));
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_cqc_row_commissioner(r), "07Q");
	ck_assert_int_eq(pcreg_cqc_row_outstanding(r), 1);
	ck_assert_int_eq(pcreg_cqc_row_good(r), 18);
	ck_assert_int_eq(pcreg_cqc_row_requires_improvement(r), 3);
	ck_assert_int_eq(pcreg_cqc_row_inadequate(r), 0);
	ck_assert_int_eq(pcreg_cqc_row_not_published(r), 23);
	ck_assert_int_eq(pcreg_cqc_row_practices(r), 45);
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_cqc_row_is_total(r), 1);
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_DONE);
	pcreg_cqc_iter_free(it);

	opts.service = "integrated case management";
	OK(pcreg_report_scheme(db, &opts, &sit));
	ck_assert_int_eq(pcreg_scheme_iter_next(sit, &s), PCREG_OK);
	ck_assert_str_eq(pcreg_scheme_row_commissioner(s), "07Q");
	ck_assert_str_eq(pcreg_scheme_row_name(s), "NHS Bromley CCG");
	ck_assert_str_eq(pcreg_scheme_row_service(s), "integrated case management");
	ck_assert_int_eq(pcreg_scheme_row_participating(s), 37);
	ck_assert_int_eq(pcreg_scheme_row_practices(s), 45);
	ck_assert_str_eq(tu_percent(pcreg_scheme_row_participating_share(s)), "82.22%");
	ck_assert_int_eq(pcreg_scheme_iter_next(sit, &s), PCREG_DONE);
	pcreg_scheme_iter_free(sit);

	opts.service = NULL;
	tu_assert_status(db, pcreg_report_scheme(db, &opts, &sit), PCREG_MISUSE,
	                 "options.service is NULL");
}
END_TEST

/* ---- seed 004: PMS local context ----------------------------------------------------- */

struct pms_figures {
	const char *code;
	int practices, pms;
	int64_t min, max, total; /* pence */
};

START_TEST(test_pms_seed_004)
{
	static const struct pms_figures figures[] = {
		{ "07L", 38, 11, 950, 5813, 240000000 },
		{ "08F", 44, 12, 1017, 1151, 103000000 },
		{ "08N", 45, 13, -216, 2777, 102000000 },
	};
	static const char *const expected[] = {
		"07L 11/38 £2.4m £9.50 / £58.13",
		"08F 12/44 £1.03m £10.17 / £11.51",
		"08N 13/45 £1.02m -£2.16 / £27.77",
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_pms_iter *it = NULL;
	const pcreg_pms_row *r;
	size_t f, n = 0;

	load_bhr();
	for (f = 0; f < 3; f++) {
		const char *prefix = f == 0 ? "F7" : f == 1 ? "G7" : "H7";
		int64_t premium_left = figures[f].total;
		int i;

		for (i = 0; i < figures[f].practices; i++) {
			char code[7];

			code_for(prefix, i, code);
			if (i < figures[f].pms) {
				/* Premiums spread from min to max; the values add up. */
				int64_t premium = i == 0 ? figures[f].min
				                  : i == 1 ? figures[f].max
				                           : figures[f].min + (figures[f].max - figures[f].min) / 2;
				int64_t value = i + 1 < figures[f].pms ? figures[f].total / figures[f].pms
				                                       : premium_left;

				premium_left -= value;
				/* Was GMS until the PMS contract began. */
				add_contract(code, PCREG_CONTRACT_GMS, NULL, "2004-04-01", "2014-03-31", 0, 0, 0);
				add_contract(code, PCREG_CONTRACT_PMS, NULL, "2014-04-01", NULL, 1, premium,
				             value);
			} else if (i == figures[f].pms) {
				/* PMS that ended before the date: GMS now. */
				add_contract(code, PCREG_CONTRACT_PMS, NULL, "2004-04-01", "2016-03-31", 1, 99999,
				             99999);
				add_contract(code, PCREG_CONTRACT_GMS, NULL, "2016-04-01", NULL, 0, 0, 0);
			} else {
				add_contract(code, i % 3 ? PCREG_CONTRACT_GMS : PCREG_CONTRACT_APMS, NULL,
				             "2004-04-01", NULL, 0, 0, 0);
			}
		}
	}

	opts.on = "2017-04-18";
	OK(pcreg_report_pms(db, &opts, &it));
	while (pcreg_pms_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 3);
		ck_assert_int_eq(pcreg_pms_row_has_premiums(r), 1);
		ck_assert_int_eq(pcreg_pms_row_has_total_premium(r), 1);
		ck_assert_str_eq(tu_pms_line(r), expected[n]);
		ck_assert_int_eq(pcreg_pms_row_total_premium(r), figures[n].total);
		n++;
	}
	ck_assert_uint_eq(n, 3);
	pcreg_pms_iter_free(it);

	/* Before the 2014 PMS contracts began, only the one that later ended. */
	opts.on = "2013-06-01";
	opts.commissioner = "07L";
	OK(pcreg_report_pms(db, &opts, &it));
	ck_assert_int_eq(pcreg_pms_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_pms_row_pms_practices(r), 1);
	/* The practice that closed at the end of 2016 was still open. */
	ck_assert_int_eq(pcreg_pms_row_practices(r), 39);
	ck_assert_int_eq(pcreg_pms_iter_next(it, &r), PCREG_DONE);
	pcreg_pms_iter_free(it);
}
END_TEST

/* ---- seed 001: overview of co-commissioning, 15 September 2015 ------------------------ */

START_TEST(test_commissioning_seed_001)
{
	static const struct {
		const char *region, *name;
		int delegated, joint, greater;
	} table[] = {
		{ "Y56", "London", 5, 20, 6 },
		{ "Y55", "Midlands and East", 23, 16, 19 },
		{ "Y54", "North", 24, 31, 11 },
		{ "Y57", "South", 7, 20, 23 },
	};
	static const char *const expected[] = {
		"Y56 London 5 20 6", "Y55 Midlands and East 23 16 19", "Y54 North 24 31 11",
		"Y57 South 7 20 23", "Total 59 87 59",
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_commissioning_iter *it = NULL;
	const pcreg_commissioning_row *r;
	int next = 0;
	size_t i, n = 0;

	for (i = 0; i < 4; i++) {
		int k, counts[3] = { table[i].delegated, table[i].joint, table[i].greater };
		static const pcreg_arrangement_level_value levels[3] = {
			PCREG_ARRANGEMENT_DELEGATED, PCREG_ARRANGEMENT_JOINT,
			PCREG_ARRANGEMENT_GREATER_INVOLVEMENT
		};

		add_commissioner(table[i].region, PCREG_COMMISSIONER_REGION, table[i].name, NULL);
		for (k = 0; k < 3; k++) {
			int c;

			for (c = 0; c < counts[k]; c++, next++) {
				char code[8];
				pcreg_arrangement *a = NULL;

				snprintf(code, sizeof code, "%02d%c", next % 100, 'A' + next / 100);
				add_commissioner(code, PCREG_COMMISSIONER_CCG, "NHS Fictional CCG",
				                 table[i].region);
				OK(pcreg_arrangement_new(&a));
				pcreg_arrangement_set_commissioner(a, code);
				pcreg_arrangement_set_level(a, levels[k]);
				pcreg_arrangement_set_from_date(a, "2015-04-01");
				/* Some move up a level a year later. */
				if (c % 4 == 0 && levels[k] != PCREG_ARRANGEMENT_DELEGATED)
					pcreg_arrangement_set_to_date(a, "2016-03-31");
				OK(pcreg_arrangement_insert(db, a));
				pcreg_arrangement_free(a);
			}
		}
	}
	/* An arrangement starting after the paper does not count. */
	add_commissioner("99Z", PCREG_COMMISSIONER_CCG, "NHS Late CCG", "Y56");
	{
		pcreg_arrangement *a = NULL;

		OK(pcreg_arrangement_new(&a));
		pcreg_arrangement_set_commissioner(a, "99Z");
		pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_DELEGATED);
		pcreg_arrangement_set_from_date(a, "2016-04-01");
		OK(pcreg_arrangement_insert(db, a));
		pcreg_arrangement_free(a);
	}

	opts.on = "2015-09-15";
	OK(pcreg_report_commissioning(db, &opts, &it));
	while (pcreg_commissioning_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 5);
		ck_assert_str_eq(tu_commissioning_line(r), expected[n]);
		n++;
	}
	ck_assert_uint_eq(n, 5);
	pcreg_commissioning_iter_free(it);

	/* Only London. */
	opts.commissioner = "Y56";
	OK(pcreg_report_commissioning(db, &opts, &it));
	ck_assert_int_eq(pcreg_commissioning_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_commissioning_row_region(r), "Y56");
	ck_assert_int_eq(pcreg_commissioning_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioning_row_is_total(r), 1);
	ck_assert_int_eq(pcreg_commissioning_row_joint(r), 20);
	ck_assert_int_eq(pcreg_commissioning_iter_next(it, &r), PCREG_DONE);
	pcreg_commissioning_iter_free(it);
}
END_TEST

/* ---- seeds 002 and 004: networks, leads and populations ------------------------------- */

static void add_network(const char *code, pcreg_network_kind_value kind, const char *name,
                        const char *commissioner, const char *open, const char *close)
{
	pcreg_network *n = NULL;

	OK(pcreg_network_new(&n));
	pcreg_network_set_code(n, code);
	pcreg_network_set_kind(n, kind);
	pcreg_network_set_name(n, name);
	pcreg_network_set_commissioner(n, commissioner);
	pcreg_network_set_open_date(n, open);
	pcreg_network_set_close_date(n, close);
	OK(pcreg_network_insert(db, n));
	pcreg_network_free(n);
}

static void add_lead(const char *network, const char *person, const char *from, const char *to)
{
	pcreg_network_lead *l = NULL;

	OK(pcreg_network_lead_new(&l));
	pcreg_network_lead_set_network(l, network);
	pcreg_network_lead_set_person(l, person);
	pcreg_network_lead_set_role(l, "network lead");
	pcreg_network_lead_set_from_date(l, from);
	pcreg_network_lead_set_to_date(l, to);
	OK(pcreg_network_lead_insert(db, l));
	pcreg_network_lead_free(l);
}

static void add_list_size(const char *practice, const char *date, int64_t registered,
                          double weighted)
{
	pcreg_list_size *s = NULL;

	OK(pcreg_list_size_new(&s));
	pcreg_list_size_set_practice(s, practice);
	pcreg_list_size_set_extract_date(s, date);
	pcreg_list_size_set_registered(s, registered);
	pcreg_list_size_set_weighted(s, weighted);
	OK(pcreg_list_size_insert(db, s));
	pcreg_list_size_free(s);
}

START_TEST(test_networks_seed_004)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	char code[7];
	int i;

	add_commissioner("07L", PCREG_COMMISSIONER_CCG, "NHS Barking and Dagenham CCG", "Y56");
	add_network("bd-north", PCREG_NETWORK_LOCAL, "North (Chadwell Heath)", "07L", "2016-04-01",
	            NULL);
	add_network("bd-east", PCREG_NETWORK_LOCAL, "East (Dagenham)", "07L", "2016-04-01", NULL);
	add_network("bd-west", PCREG_NETWORK_LOCAL, "West (Barking - Thames)", "07L", "2016-04-01",
	            "2019-06-30");
	add_network("U99001", PCREG_NETWORK_PCN, "Closed Before Fictional PCN", "07L", "2019-07-01",
	            NULL);
	add_lead("bd-north", "Dr Amit Sharma", "2016-04-01", NULL);
	add_lead("bd-north", "Dr Narendra Teotia", "2016-04-01", NULL);
	add_lead("bd-east", "Dr Natalya Bila", "2016-04-01", NULL);
	add_lead("bd-east", "Dr Simi Adedeji", "2016-04-01", NULL);
	add_lead("bd-east", "Dr Former Lead", "2016-04-01", "2016-12-31");
	add_lead("bd-west", "Dr J John", "2016-04-01", NULL);
	add_lead("bd-west", "Dr Rajbir Randhawa", "2016-04-01", NULL);

	/* North: 6 practices of 6,000 = 36,000 (in range); East: 9 of 6,000
	 * = 54,000 (above); West: 4 of 6,000 = 24,000 (below). */
	for (i = 0; i < 19; i++) {
		const char *network = i < 6 ? "bd-north" : i < 15 ? "bd-east" : "bd-west";

		code_for("F8", i, code);
		add_practice(code, "07L", NULL);
		OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, code, network, "2016-04-01",
		                         NULL));
		/* An older extract and one after the date, neither counts. */
		add_list_size(code, "2016-01-01", 1000, 1000.0);
		add_list_size(code, "2017-01-01", 6000, 6100.25);
		add_list_size(code, "2017-07-01", 9000, 9000.0);
	}
	/* A member with no list size yet. */
	code_for("F8", 19, code);
	add_practice(code, "07L", NULL);
	OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, code, "bd-north", "2016-04-01", NULL));

	opts.on = "2017-04-18";
	OK(pcreg_report_networks(db, &opts, &it));
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_network_population_row_network(r), "bd-east");
	ck_assert_str_eq(pcreg_network_population_row_name(r), "East (Dagenham)");
	ck_assert_str_eq(pcreg_network_population_row_commissioner(r), "07L");
	ck_assert_int_eq(pcreg_network_population_row_practices(r), 9);
	ck_assert_int_eq(pcreg_network_population_row_practices_with_list_size(r), 9);
	ck_assert_int_eq(pcreg_network_population_row_registered(r), 54000);
	ck_assert_double_eq_tol(pcreg_network_population_row_weighted(r), 54902.25, 1e-9);
	ck_assert_int_eq(pcreg_network_population_row_has_weighted(r), 1);
	ck_assert_str_eq(pcreg_network_population_row_leads(r), "Dr Natalya Bila; Dr Simi Adedeji");
	ck_assert_int_eq(pcreg_network_population_row_outside(r), 1);

	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_network_population_row_network(r), "bd-north");
	ck_assert_int_eq(pcreg_network_population_row_practices(r), 7);
	ck_assert_int_eq(pcreg_network_population_row_practices_with_list_size(r), 6);
	ck_assert_int_eq(pcreg_network_population_row_registered(r), 36000);
	ck_assert_str_eq(pcreg_network_population_row_leads(r), "Dr Amit Sharma; Dr Narendra Teotia");
	ck_assert_int_eq(pcreg_network_population_row_outside(r), 0);

	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_network_population_row_network(r), "bd-west");
	ck_assert_int_eq(pcreg_network_population_row_registered(r), 24000);
	ck_assert_str_eq(pcreg_network_population_row_leads(r), "Dr J John; Dr Rajbir Randhawa");
	ck_assert_int_eq(pcreg_network_population_row_outside(r), -1);
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_DONE);
	pcreg_network_population_iter_free(it);

	/* Seed 002's range, 30,000 to 70,000: East is within it. */
	opts.max_population = 70000;
	OK(pcreg_report_networks(db, &opts, &it));
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_network_population_row_outside(r), 0);
	pcreg_network_population_iter_free(it);

	/* After West closed and the PCN opened: an empty PCN (first by
	 * name), no leads. */
	opts.on = "2019-07-01";
	opts.commissioner = "07L";
	OK(pcreg_report_networks(db, &opts, &it));
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_network_population_row_network(r), "U99001");
	ck_assert_int_eq(pcreg_network_population_row_practices(r), 0);
	ck_assert_int_eq(pcreg_network_population_row_registered(r), 0);
	ck_assert_int_eq(pcreg_network_population_row_has_weighted(r), 0);
	ck_assert_double_eq(pcreg_network_population_row_weighted(r), 0.0);
	ck_assert_ptr_null(pcreg_network_population_row_leads(r));
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_DONE);
	pcreg_network_population_iter_free(it);

	opts.min_population = 50;
	opts.max_population = 10;
	tu_assert_status(db, pcreg_report_networks(db, &opts, &it), PCREG_INVALID,
	                 "50 to 10 is not a range");
}
END_TEST

START_TEST(test_options_and_errors)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT, init;
	pcreg_cqc_iter *it = NULL;
	pcreg_pms_iter *pit = NULL;
	pcreg_commissioning_iter *cit = NULL;
	pcreg_network_population_iter *nit = NULL;
	pcreg_scheme_iter *sit = NULL;

	memset(&init, 0xff, sizeof init);
	ck_assert_int_eq(pcreg_report_options_init(&init, PCREG_REPORT_OPTIONS_VERSION), PCREG_OK);
	ck_assert_uint_eq(init.version, PCREG_REPORT_OPTIONS_VERSION);
	ck_assert_ptr_null(init.on);
	ck_assert_ptr_null(init.commissioner);
	ck_assert_ptr_null(init.service);
	ck_assert_int_eq(init.min_population, 30000);
	ck_assert_int_eq(init.max_population, 50000);
	ck_assert_int_eq(pcreg_report_options_init(NULL, PCREG_REPORT_OPTIONS_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_report_options_init(&init, 5), PCREG_MISUSE);

	tu_assert_status(db, pcreg_report_cqc(db, &opts, &it), PCREG_MISUSE, "options.on is NULL");
	tu_assert_status(db, pcreg_report_cqc(db, NULL, &it), PCREG_MISUSE, "options is NULL");
	tu_assert_status(db, pcreg_report_cqc(db, &opts, NULL), PCREG_MISUSE, "out is NULL");
	opts.on = "2017-02-29";
	tu_assert_status(db, pcreg_report_pms(db, &opts, &pit), PCREG_INVALID,
	                 "options.on: \"2017-02-29\" is not a real date");
	opts.on = "2017-04-18";
	opts.commissioner = "07L,,08F";
	tu_assert_status(db, pcreg_report_commissioning(db, &opts, &cit), PCREG_INVALID,
	                 "options.commissioner: \"07L,,08F\"");
	opts.commissioner = "07L;08F";
	tu_assert_status(db, pcreg_report_networks(db, &opts, &nit), PCREG_INVALID,
	                 "options.commissioner");
	opts.commissioner = NULL;
	opts.version = 3;
	tu_assert_status(db, pcreg_report_scheme(db, &opts, &sit), PCREG_MISUSE, "options version 3");
	ck_assert_int_eq(pcreg_report_cqc(NULL, &opts, &it), PCREG_MISUSE);

	/* An empty registry gives empty reports, with no totals row. */
	opts.version = PCREG_REPORT_OPTIONS_VERSION;
	OK(pcreg_report_cqc(db, &opts, &it));
	{
		const pcreg_cqc_row *r;

		ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_DONE);
	}
	pcreg_cqc_iter_free(it);
	pcreg_pms_iter_free(NULL);
	pcreg_commissioning_iter_free(NULL);
	pcreg_network_population_iter_free(NULL);
	pcreg_scheme_iter_free(NULL);
	ck_assert_int_eq(pcreg_cqc_iter_next(NULL, NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_cqc_row_practices(NULL), 0);
	ck_assert_ptr_null(pcreg_pms_row_name(NULL));
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cqc_seed_004);
	tcase_add_test(tc, test_cqc_and_scheme_seed_000);
	tcase_add_test(tc, test_pms_seed_004);
	tcase_add_test(tc, test_commissioning_seed_001);
	tcase_add_test(tc, test_networks_seed_004);
	tcase_add_test(tc, test_options_and_errors);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(report_suite());
}
