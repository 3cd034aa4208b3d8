/*
 * check_sample.c: the sample registry in examples/data/.
 *
 * Every file listed in examples/data/LOAD_ORDER imports, in that order and
 * in strict mode, with every row inserted (or, for a later release of a kind
 * already loaded, inserted or updated) and none rejected, skipped or
 * left partly unrecorded. From what they hold, each report asked as of its
 * paper's date prints the paper's table, cell for cell: seed 004's CQC and
 * PMS tables and networks (18 April 2017), seed 001's co-commissioning
 * overview (15 September 2015), seed 000's Bromley figures (1 February
 * 2017), seed 002's primary care networks (1 July 2019). Importing every
 * file again changes nothing, and the tables stay as they were.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define DATA PCREG_SOURCE_DIR "/examples/data/"

static pcreg_db *db;

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

/* ---- the files, in their order --------------------------------------------------- */

#define MAX_FILES 32

static struct {
	char name[128];
	char kind[32];
	char released[16]; /* YYYY-MM-DD, or "-": the file says, or it is not a release */
} files[MAX_FILES];
static int nfiles;

/* LOAD_ORDER: "FILE KIND [RELEASED]" a line; '#' starts a comment. */
static void read_load_order(void)
{
	FILE *f = fopen(DATA "LOAD_ORDER", "r");
	char line[512];

	ck_assert_msg(f != NULL, "cannot open %sLOAD_ORDER", DATA);
	nfiles = 0;
	while (fgets(line, sizeof line, f)) {
		char name[128], kind[32], released[16] = "-", extra[8];
		int n;

		if (line[0] == '#' || strspn(line, " \t\r\n") == strlen(line))
			continue;
		n = sscanf(line, "%127s %31s %15s %7s", name, kind, released, extra);
		ck_assert_msg(n == 2 || n == 3, "LOAD_ORDER: \"%s\" is not FILE KIND [RELEASED]", line);
		ck_assert_int_lt(nfiles, MAX_FILES);
		strcpy(files[nfiles].name, name);
		strcpy(files[nfiles].kind, kind);
		strcpy(files[nfiles].released, released);
		nfiles++;
	}
	fclose(f);
	ck_assert_int_gt(nfiles, 0);
}

static const char *data_path(const char *name)
{
	static char path[8192];
	int n = snprintf(path, sizeof path, "%s%s", DATA, name);

	ck_assert(n > 0 && (size_t)n < sizeof path);
	return path;
}

/* Whether a file earlier in the order was a release of the same kind. */
static int release_of_loaded_kind(int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (strcmp(files[j].kind, files[i].kind) == 0 && strcmp(files[i].released, "-") != 0)
			return 1;
	return 0;
}

/* Import every file in order. The first time (into an empty registry)
 * every row must be inserted; the second time every row unchanged. */
static void load_all(int second)
{
	int i;

	for (i = 0; i < nfiles; i++) {
		pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
		pcreg_import_report *rep = NULL;
		pcreg_import_kind_value detected = PCREG_IMPORT_AUTO;
		const char *path = data_path(files[i].name);
		int kind = pcreg_import_kind_parse(files[i].kind);
		int64_t read;
		pcreg_status st;

		ck_assert_msg(kind > 0, "LOAD_ORDER: %s: \"%s\" is not a kind", files[i].name,
		              files[i].kind);
		OK(pcreg_import_detect(db, path, &detected));
		ck_assert_msg((int)detected == kind, "%s: detected as %s, listed as %s",
		              files[i].name, pcreg_import_kind_str(detected), files[i].kind);
		opts.kind = kind;
		opts.mode = PCREG_IMPORT_STRICT;
		if (strcmp(files[i].released, "-") != 0)
			opts.released = files[i].released;
		st = pcreg_import_file(db, path, &opts, &rep);
		ck_assert_msg(st == PCREG_OK, "%s (%s): %s", files[i].name,
		              second ? "second load" : "first load", pcreg_db_errmsg(db));
		read = pcreg_import_report_rows_read(rep);
		ck_assert_msg(read > 0, "%s: no rows", files[i].name);
		ck_assert_int_eq(pcreg_import_report_rejected(rep), 0);
		ck_assert_msg(pcreg_import_report_skipped(rep) == 0, "%s: %lld rows skipped (%s)",
		              files[i].name, (long long)pcreg_import_report_skipped(rep),
		              pcreg_import_report_skip_reason(rep, 0));
		ck_assert_msg(pcreg_import_report_omission_reasons(rep) == 0, "%s: %s",
		              files[i].name, pcreg_import_report_omission_reason(rep, 0));
		if (!second && !release_of_loaded_kind(i)) {
			ck_assert_msg(pcreg_import_report_inserted(rep) == read,
			              "%s: %lld of %lld rows inserted", files[i].name,
			              (long long)pcreg_import_report_inserted(rep), (long long)read);
		} else if (!second) {
			/* A later release of a kind already loaded: each row is new or
			 * says something its predecessor did not (the sample's 2021
			 * epraccur ends every membership the 2017 one left open). */
			ck_assert_msg(pcreg_import_report_inserted(rep) +
			                      pcreg_import_report_updated(rep) ==
			                      read,
			              "%s: %lld inserted and %lld updated of %lld rows", files[i].name,
			              (long long)pcreg_import_report_inserted(rep),
			              (long long)pcreg_import_report_updated(rep), (long long)read);
		} else {
			ck_assert_msg(pcreg_import_report_unchanged(rep) == read,
			              "%s, second load: %lld of %lld rows unchanged (%lld inserted,"
			              " %lld updated)",
			              files[i].name, (long long)pcreg_import_report_unchanged(rep),
			              (long long)read, (long long)pcreg_import_report_inserted(rep),
			              (long long)pcreg_import_report_updated(rep));
		}
		pcreg_import_report_free(rep);
	}
}

static void setup(void)
{
	read_load_order();
	db = tu_open(":memory:", 0);
	load_all(0);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

/* "78.95%" for 7895. */
/* ---- seed 004: CQC inspections update, 18 April 2017 -------------------------------- */

static void check_cqc_seed_004(void)
{
	static const char *const expected[] = {
		"07L NHS BARKING AND DAGENHAM CCG 38 30 78.95% 3 10.00% 7 23.33% 20 66.67%",
		"08F NHS HAVERING CCG 44 35 79.55% 1 2.86% 14 40.00% 20 57.14%",
		"08N NHS REDBRIDGE CCG 45 28 62.22% 2 7.14% 9 32.14% 17 60.71%",
		"Total 127 93 73.23% 6 6.45% 30 32.26% 57 61.29%",
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *r;
	size_t n = 0;

	opts.on = "2017-04-18";
	opts.commissioner = "07L,08F,08N";
	OK(pcreg_report_cqc(db, &opts, &it));
	while (pcreg_cqc_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 4);
		ck_assert_str_eq(tu_cqc_line(r, 1), expected[n]);
		/* No BHR practice was rated outstanding. */
		ck_assert_int_eq(pcreg_cqc_row_outstanding(r), 0);
		n++;
	}
	ck_assert_uint_eq(n, 4);
	pcreg_cqc_iter_free(it);
}

START_TEST(test_cqc_seed_004)
{
	check_cqc_seed_004();
}
END_TEST

/* ---- seed 004: PMS local context, 18 April 2017 ---------------------------------------- */

static void check_pms_seed_004(void)
{
	static const char *const expected[] = {
		"07L 11/38 £2.4m £9.50 / £58.13",
		"08F 12/44 £1.03m £10.17 / £11.51",
		"08N 13/45 £1.02m -£2.16 / £27.77",
	};
	static const int64_t totals[] = { 240000000, 103000000, 102000000 };
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_pms_iter *it = NULL;
	const pcreg_pms_row *r;
	size_t n = 0;

	opts.on = "2017-04-18";
	opts.commissioner = "07L,08F,08N";
	OK(pcreg_report_pms(db, &opts, &it));
	while (pcreg_pms_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 3);
		ck_assert_int_eq(pcreg_pms_row_has_premiums(r), 1);
		ck_assert_int_eq(pcreg_pms_row_has_total_premium(r), 1);
		ck_assert_int_eq(pcreg_pms_row_total_premium(r), totals[n]);
		ck_assert_str_eq(tu_pms_line(r), expected[n]);
		n++;
	}
	ck_assert_uint_eq(n, 3);
	pcreg_pms_iter_free(it);
}

START_TEST(test_pms_seed_004)
{
	check_pms_seed_004();
}
END_TEST

/* ---- seed 001: overview of co-commissioning, 15 September 2015 ------------------------- */

static void check_commissioning_seed_001(void)
{
	static const char *const expected[] = {
		"Y56 London 5 20 6", "Y55 Midlands and East 23 16 19", "Y54 North 24 31 11",
		"Y57 South 7 20 23", "Total 59 87 59",
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_commissioning_iter *it = NULL;
	const pcreg_commissioning_row *r;
	size_t n = 0;

	opts.on = "2015-09-15";
	OK(pcreg_report_commissioning(db, &opts, &it));
	while (pcreg_commissioning_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 5);
		ck_assert_str_eq(tu_commissioning_line(r), expected[n]);
		n++;
	}
	ck_assert_uint_eq(n, 5);
	pcreg_commissioning_iter_free(it);
}

START_TEST(test_commissioning_seed_001)
{
	check_commissioning_seed_001();
}
END_TEST

static void check_level(const char *commissioner, const char *date,
                        pcreg_arrangement_level_value level)
{
	pcreg_arrangement *a = NULL;

	OK(pcreg_arrangement_on(db, commissioner, date, &a));
	ck_assert_msg(pcreg_arrangement_level(a) == level, "%s on %s: %s, expected %s",
	              commissioner, date, pcreg_arrangement_level_str(pcreg_arrangement_level(a)),
	              pcreg_arrangement_level_str(level));
	pcreg_arrangement_free(a);
}

/* Medway (seed 001): greater involvement, then delegated from 1 April 2016;
 * Southampton (seed 003) delegated. */
START_TEST(test_medway_and_southampton)
{
	check_level("09W", "2015-09-15", PCREG_ARRANGEMENT_GREATER_INVOLVEMENT);
	check_level("09W", "2016-03-31", PCREG_ARRANGEMENT_GREATER_INVOLVEMENT);
	check_level("09W", "2016-04-01", PCREG_ARRANGEMENT_DELEGATED);
	check_level("10X", "2015-09-15", PCREG_ARRANGEMENT_DELEGATED);
}
END_TEST

/* ---- seed 000: Bromley, early 2017 (as of 1 February 2017) ------------------------------ */

static int hub_contracts_on(const char *date)
{
	pcreg_contract_query q = PCREG_CONTRACT_QUERY_INIT;
	pcreg_contract_iter *it = NULL;
	const pcreg_contract *k;
	int n = 0;

	q.federation = "bromley-gp-alliance";
	q.on = date;
	OK(pcreg_contract_list(db, &q, &it));
	while (pcreg_contract_iter_next(it, &k) == PCREG_OK) {
		ck_assert_str_eq(pcreg_contract_service(k), "Extended access hubs");
		ck_assert_str_eq(pcreg_contract_start_date(k), "2015-12-01");
		ck_assert_str_eq(pcreg_contract_end_date(k), "2018-03-31");
		ck_assert_str_eq(pcreg_contract_commissioner(k), "07Q");
		n++;
	}
	pcreg_contract_iter_free(it);
	return n;
}

static void check_seed_000(void)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	pcreg_scheme_iter *sit = NULL;
	const pcreg_cqc_row *r;
	const pcreg_scheme_row *s;

	opts.on = "2017-02-01";
	opts.commissioner = "07Q";
	OK(pcreg_report_cqc(db, &opts, &it));
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_OK);
	ck_assert_str_eq(pcreg_cqc_row_commissioner(r), "07Q");
	ck_assert_str_eq(pcreg_cqc_row_name(r), "NHS BROMLEY CCG");
	ck_assert_int_eq(pcreg_cqc_row_practices(r), 45);
	ck_assert_int_eq(pcreg_cqc_row_outstanding(r), 1);
	ck_assert_int_eq(pcreg_cqc_row_good(r), 18);
	ck_assert_int_eq(pcreg_cqc_row_requires_improvement(r), 3);
	ck_assert_int_eq(pcreg_cqc_row_inadequate(r), 0);
	ck_assert_int_eq(pcreg_cqc_row_not_published(r), 23);
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_cqc_row_is_total(r), 1);
	ck_assert_int_eq(pcreg_cqc_iter_next(it, &r), PCREG_DONE);
	pcreg_cqc_iter_free(it);

	opts.service = "Integrated Case Management";
	OK(pcreg_report_scheme(db, &opts, &sit));
	ck_assert_int_eq(pcreg_scheme_iter_next(sit, &s), PCREG_OK);
	ck_assert_str_eq(pcreg_scheme_row_commissioner(s), "07Q");
	ck_assert_int_eq(pcreg_scheme_row_participating(s), 37);
	ck_assert_int_eq(pcreg_scheme_row_practices(s), 45);
	ck_assert_int_eq(pcreg_scheme_iter_next(sit, &s), PCREG_DONE);
	pcreg_scheme_iter_free(sit);

	/* The scheme began on 1 December 2016. */
	opts.on = "2016-11-30";
	OK(pcreg_report_scheme(db, &opts, &sit));
	ck_assert_int_eq(pcreg_scheme_iter_next(sit, &s), PCREG_OK);
	ck_assert_int_eq(pcreg_scheme_row_participating(s), 0);
	pcreg_scheme_iter_free(sit);

	/* The access hubs: Bromley GP Alliance's contract, to 31 March 2018. */
	ck_assert_int_eq(hub_contracts_on("2015-11-30"), 0);
	ck_assert_int_eq(hub_contracts_on("2017-02-01"), 1);
	ck_assert_int_eq(hub_contracts_on("2018-03-31"), 1);
	ck_assert_int_eq(hub_contracts_on("2018-04-01"), 0);

	/* Joint co-commissioning, then full delegation from 1 April 2017. */
	check_level("07Q", "2017-02-01", PCREG_ARRANGEMENT_JOINT);
	check_level("07Q", "2017-03-31", PCREG_ARRANGEMENT_JOINT);
	check_level("07Q", "2017-04-01", PCREG_ARRANGEMENT_DELEGATED);
}

START_TEST(test_seed_000)
{
	check_seed_000();
}
END_TEST

/* ---- seed 004: BHR GP networks and federations, 18 April 2017 ----------------------------- */

static const struct {
	const char *code, *commissioner, *name, *leads;
	int practices;
} bhr_networks[] = {
	{ "bd-north", "07L", "North (Chadwell Heath)", "Dr Amit Sharma; Dr Narendra Teotia", 13 },
	{ "bd-east", "07L", "East (Dagenham)", "Dr Natalya Bila; Dr Simi Adedeji", 13 },
	{ "bd-west", "07L", "West (Barking \xe2\x80\x93 Thames)", "Dr J John; Dr Rajbir Randhawa",
	  12 },
	{ "hav-north", "08F", "North Network", "Dr Jwala Gupta; Dr S Symon", 15 },
	{ "hav-central", "08F", "Central Network", "Dr Aaron Patel; Dr Syed Pervez", 15 },
	{ "hav-south", "08F", "South Network", "Dr John O'Moore; Dr Nick Rao", 14 },
	/* The overall lead of Havering's three: a network of no practices. */
	{ "hav-overall", "08F", "Havering networks (overall lead)", "Dr Ann Baldwin", 0 },
	{ "red-fairlop", "08N", "Fairlop", "Dr Imran Umrani; Dr Dave Sawh", 12 },
	{ "red-wanstead-woodford", "08N", "Wanstead & Woodford",
	  "Dr Sangeetha Pazhanisami; Dr Tasneem Khan", 11 },
	{ "red-cranbrook-loxford", "08N", "Cranbrook & Loxford", "Dr Altaf Baloch; Dr Shabnam Ali",
	  11 },
	{ "red-seven-kings", "08N", "Seven Kings", "Dr Shabnam Quraishi; Dr Geeta Patel", 11 },
};
#define N_BHR_NETWORKS (sizeof bhr_networks / sizeof bhr_networks[0])

static void check_bhr_networks(void)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	int seen[N_BHR_NETWORKS] = { 0 };
	size_t i, n = 0;

	opts.on = "2017-04-18";
	opts.commissioner = "07L,08F,08N";
	OK(pcreg_report_networks(db, &opts, &it));
	while (pcreg_network_population_iter_next(it, &r) == PCREG_OK) {
		const char *code = pcreg_network_population_row_network(r);

		for (i = 0; i < N_BHR_NETWORKS && strcmp(bhr_networks[i].code, code) != 0; i++)
			;
		ck_assert_msg(i < N_BHR_NETWORKS, "network %s is not in seed 004", code);
		ck_assert_int_eq(seen[i]++, 0);
		ck_assert_str_eq(pcreg_network_population_row_commissioner(r),
		                 bhr_networks[i].commissioner);
		ck_assert_str_eq(pcreg_network_population_row_name(r), bhr_networks[i].name);
		ck_assert_pstr_eq(pcreg_network_population_row_leads(r), bhr_networks[i].leads);
		ck_assert_int_eq(pcreg_network_population_row_practices(r), bhr_networks[i].practices);
		n++;
	}
	ck_assert_uint_eq(n, N_BHR_NETWORKS);
	pcreg_network_population_iter_free(it);
}

/* Every BHR practice is in one network and one federation of its borough. */
static void check_bhr_memberships(void)
{
	static const struct {
		const char *commissioner;
		int practices;
		const char *federations[2];
	} boroughs[] = {
		{ "07L", 38, { "together-first", NULL } },
		{ "08F", 44, { "havering-health", NULL } },
		{ "08N", 45, { "healthbridge-direct", "redbridge-alliance" } },
	};
	size_t b;

	for (b = 0; b < 3; b++) {
		pcreg_membership_iter *it = NULL;
		const pcreg_membership *m;
		int n = 0, in_each[2] = { 0, 0 };

		OK(pcreg_membership_members_on(db, PCREG_MEMBERSHIP_COMMISSIONER,
		                               boroughs[b].commissioner, "2017-04-18", &it));
		while (pcreg_membership_iter_next(it, &m) == PCREG_OK) {
			const char *practice = pcreg_membership_practice(m);
			pcreg_membership *net = NULL, *fed = NULL;
			size_t i;

			OK(pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, practice, "2017-04-18",
			                       &net));
			for (i = 0; i < N_BHR_NETWORKS; i++)
				if (strcmp(bhr_networks[i].code, pcreg_membership_organisation(net)) == 0)
					break;
			ck_assert_uint_lt(i, N_BHR_NETWORKS);
			ck_assert_str_eq(bhr_networks[i].commissioner, boroughs[b].commissioner);
			pcreg_membership_free(net);

			OK(pcreg_membership_on(db, PCREG_MEMBERSHIP_FEDERATION, practice, "2017-04-18",
			                       &fed));
			for (i = 0; i < 2 && boroughs[b].federations[i]; i++)
				if (strcmp(boroughs[b].federations[i], pcreg_membership_organisation(fed)) ==
				    0)
					in_each[i]++;
			ck_assert_int_eq(in_each[0] + in_each[1], n + 1);
			pcreg_membership_free(fed);
			n++;
		}
		pcreg_membership_iter_free(it);
		ck_assert_int_eq(n, boroughs[b].practices);
		/* Redbridge's practices are split between its two federations. */
		if (boroughs[b].federations[1])
			ck_assert(in_each[0] > 0 && in_each[1] > 0);
	}
}

START_TEST(test_networks_seed_004)
{
	check_bhr_networks();
	check_bhr_memberships();
}
END_TEST

/* ---- seed 002: Hammersmith and Fulham's five PCNs, 1 July 2019 ---------------------------- */

static void check_hf_networks(void)
{
	static const struct {
		const char *code, *name;
		int practices;
		int64_t registered;
		int outside;
	} pcns[] = {
		{ "U99001", "FICTIONAL ANYWHERE DIGITAL PCN", 1, 71012, 1 },
		{ "U99004", "FICTIONAL BRIDGEWAY PCN", 4, 52105, 0 },
		{ "U99005", "FICTIONAL GREENHOLM PCN", 4, 61288, 0 },
		{ "U99003", "FICTIONAL PARKLAND PCN", 4, 45930, 0 },
		{ "U99002", "FICTIONAL WHARFSIDE PCN", 4, 38412, 0 },
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	size_t n = 0;

	/* Seed 002: each covers 30,000 to 70,000 patients, but GP At Hand about 71,000. */
	opts.on = "2019-07-01";
	opts.commissioner = "08C";
	opts.min_population = 30000;
	opts.max_population = 70000;
	OK(pcreg_report_networks(db, &opts, &it));
	while (pcreg_network_population_iter_next(it, &r) == PCREG_OK) {
		ck_assert_uint_lt(n, 5);
		ck_assert_str_eq(pcreg_network_population_row_network(r), pcns[n].code);
		ck_assert_str_eq(pcreg_network_population_row_name(r), pcns[n].name);
		ck_assert_str_eq(pcreg_network_population_row_commissioner(r), "08C");
		ck_assert_int_eq(pcreg_network_population_row_practices(r), pcns[n].practices);
		ck_assert_int_eq(pcreg_network_population_row_practices_with_list_size(r),
		                 pcns[n].practices);
		ck_assert_int_eq(pcreg_network_population_row_registered(r), pcns[n].registered);
		ck_assert_int_eq(pcreg_network_population_row_outside(r), pcns[n].outside);
		ck_assert_ptr_null(pcreg_network_population_row_leads(r));
		n++;
	}
	ck_assert_uint_eq(n, 5);
	pcreg_network_population_iter_free(it);

	/* The day before, there were no PCNs. */
	opts.on = "2019-06-30";
	OK(pcreg_report_networks(db, &opts, &it));
	ck_assert_int_eq(pcreg_network_population_iter_next(it, &r), PCREG_DONE);
	pcreg_network_population_iter_free(it);
}

START_TEST(test_networks_seed_002)
{
	check_hf_networks();
}
END_TEST

/* ---- a second load --------------------------------------------------------------------- */

/* Every row of every file again: all unchanged (load_all checks), and the
 * tables come out the same. */
START_TEST(test_second_load_changes_nothing)
{
	load_all(1);
	check_cqc_seed_004();
	check_pms_seed_004();
	check_commissioning_seed_001();
	check_seed_000();
	check_bhr_networks();
	check_bhr_memberships();
	check_hf_networks();
}
END_TEST

/* Every CSV file in examples/data/ is in LOAD_ORDER, and every listed file exists. */
START_TEST(test_load_order_lists_every_file)
{
	DIR *dir = opendir(DATA);
	struct dirent *e;
	int listed = 0, i;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len < 4 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		for (i = 0; i < nfiles && strcmp(files[i].name, e->d_name) != 0; i++)
			;
		ck_assert_msg(i < nfiles, "%s is not in LOAD_ORDER", e->d_name);
		listed++;
	}
	closedir(dir);
	ck_assert_int_eq(listed, nfiles);
}
END_TEST

static Suite *sample_suite(void)
{
	Suite *s = suite_create("sample");
	TCase *tc = tcase_create("sample");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_load_order_lists_every_file);
	tcase_add_test(tc, test_cqc_seed_004);
	tcase_add_test(tc, test_pms_seed_004);
	tcase_add_test(tc, test_networks_seed_004);
	tcase_add_test(tc, test_commissioning_seed_001);
	tcase_add_test(tc, test_medway_and_southampton);
	tcase_add_test(tc, test_seed_000);
	tcase_add_test(tc, test_networks_seed_002);
	tcase_add_test(tc, test_second_load_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(sample_suite());
}
