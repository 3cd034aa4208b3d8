/*
 * check_import_real.c: the real national files in ../shared/data.
 *
 * Each file imports with no rejected row, and its counts equal counts this
 * test makes from the file itself with its own reader. A second import of
 * each file changes nothing. Two releases in sequence (the older made here
 * by editing a copy) journal exactly the edits.
 *
 * Every case is tagged shared_data: skipped when ../shared/data is absent
 * (it is there in CI); a file missing from it fails the test.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"


static const char *const files[] = {
	"ccg/icb_names_codes_dec_2024.csv",
	"ccg/eccg.csv",
	"ccg/succ.csv",
	"epraccur/epraccur.csv",
	"pcn/ePCN_PCNDetails.csv",
	"pcn/ePCN_PCN_Core_Partner_Details.csv",
	"pcn/gp-reg-pat-prac-map.csv",
	"listsize/gp-reg-pat-prac-all.csv",
	"contracts/nhspaymentsgp-22-23-prac-csv.csv",
};
#define N_FILES (sizeof files / sizeof files[0])

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

static const char *data_path(const char *name)
{
	return tu_shared_data_file(name);
}

/* ---- the test's own reading of a file: every record's fields ------------------- */

struct table {
	size_t rows, cols;
	char ***cell; /* cell[row][col] */
};

struct reading {
	struct table *t;
	char **fields;
	size_t n, cap;
};

static void take_field(void *s, size_t len, void *data)
{
	struct reading *r = data;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->fields = realloc(r->fields, r->cap * sizeof *r->fields);
	}
	r->fields[r->n] = malloc(len + 1);
	memcpy(r->fields[r->n], s ? s : "", len);
	r->fields[r->n][len] = '\0';
	r->n++;
}

static void take_record(int c, void *data)
{
	struct reading *r = data;

	(void)c;
	if (r->n == 0)
		return;
	r->t->cell = realloc(r->t->cell, (r->t->rows + 1) * sizeof *r->t->cell);
	r->t->cell[r->t->rows] = r->fields;
	if (r->n > r->t->cols)
		r->t->cols = r->n;
	r->t->rows++;
	r->fields = NULL;
	r->n = r->cap = 0;
}

static struct table read_table(const char *path)
{
	struct table t = { 0, 0, NULL };
	struct reading r = { &t, NULL, 0, 0 };
	struct csv_parser p;
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	ck_assert_ptr_nonnull(f);
	csv_init(&p, CSV_APPEND_NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		csv_parse(&p, buf, n, take_field, take_record, &r);
	csv_fini(&p, take_field, take_record, &r);
	csv_free(&p);
	fclose(f);
	return t;
}

static void free_table(struct table *t)
{
	size_t i;

	for (i = 0; i < t->rows; i++) {
		char **row = t->cell[i];
		size_t j;

		for (j = 0; row && j < t->cols && row[j]; j++)
			free(row[j]);
		free(row);
	}
	free(t->cell);
}

/* The prescribing setting of each epraccur code, for the other files. */
static int setting_of(const struct table *ep, const char *code)
{
	size_t i;

	for (i = 0; i < ep->rows; i++)
		if (strcmp(ep->cell[i][0], code) == 0)
			return atoi(ep->cell[i][25]);
	return -1;
}

/* ---- helpers over the library ----------------------------------------------------- */

static pcreg_db *db;
static char registry[512];

static pcreg_import_report *import(const char *name)
{
	pcreg_import_report *r = NULL;
	pcreg_status st = pcreg_import_file(db, data_path(name), NULL, &r);

	ck_assert_msg(st == PCREG_OK, "%s: %s", name, pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	ck_assert_int_eq(pcreg_import_report_rows_read(r),
	                 pcreg_import_report_inserted(r) + pcreg_import_report_updated(r) +
	                         pcreg_import_report_unchanged(r) + pcreg_import_report_skipped(r));
	return r;
}

static int64_t skipped_for(const pcreg_import_report *r, const char *reason)
{
	int i;

	for (i = 0; i < pcreg_import_report_skip_reasons(r); i++)
		if (strcmp(pcreg_import_report_skip_reason(r, i), reason) == 0)
			return pcreg_import_report_skip_count(r, i);
	return 0;
}

static int64_t omitted(const pcreg_import_report *r, const char *fragment)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < pcreg_import_report_omission_reasons(r); i++)
		if (strstr(pcreg_import_report_omission_reason(r, i), fragment))
			n += pcreg_import_report_omission_count(r, i);
	return n;
}

static void open_registry(const char *name)
{
	snprintf(registry, sizeof registry, "%s", tu_path(name));
	unlink(registry);
	db = tu_open(registry, PCREG_OPEN_CREATE);
}

/* ---- every file, counted ------------------------------------------------------------ */

START_TEST(test_every_file_imports_with_the_counts_of_the_file)
{
	struct table icb, eccg, succ, ep, details, partners, map, sizes, payments;
	pcreg_import_report *r;
	size_t i;
	int64_t practices = 0, others = 0, unknown_commissioner = 0, unknown_type = 0;
	int64_t partners_skipped = 0, sizes_skipped = 0, payments_skipped = 0;

	icb = read_table(data_path(files[0]));
	eccg = read_table(data_path(files[1]));
	succ = read_table(data_path(files[2]));
	ep = read_table(data_path(files[3]));
	details = read_table(data_path(files[4]));
	partners = read_table(data_path(files[5]));
	map = read_table(data_path(files[6]));
	sizes = read_table(data_path(files[7]));
	payments = read_table(data_path(files[8]));

	open_registry("real.db");

	r = import(files[0]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_ICB_NAMES);
	ck_assert_int_eq(pcreg_import_report_inserted(r), (int64_t)icb.rows - 1);
	pcreg_import_report_free(r);

	r = import(files[1]);
	ck_assert_int_eq(pcreg_import_report_inserted(r), (int64_t)eccg.rows);
	pcreg_import_report_free(r);

	r = import(files[2]);
	ck_assert_int_eq(pcreg_import_report_inserted(r), (int64_t)succ.rows);
	pcreg_import_report_free(r);

	/* epraccur: setting 4 rows are practices; the rest skipped by setting;
	 * a practice's commissioner not in eccg or the ICB file is not linked. */
	for (i = 0; i < ep.rows; i++) {
		const char *commissioner = ep.cell[i][14];
		size_t j;
		int known = 0;

		if (strcmp(ep.cell[i][25], "4") != 0) {
			others++;
			continue;
		}
		practices++;
		for (j = 0; j < eccg.rows && !known; j++)
			known = strcmp(eccg.cell[j][0], commissioner) == 0;
		for (j = 1; j < icb.rows && !known; j++)
			known = strcmp(icb.cell[j][1], commissioner) == 0;
		/* counted once per code: each becomes one stub commissioner */
		for (j = 0; j < i && !known && commissioner[0]; j++)
			known = strcmp(ep.cell[j][25], "4") == 0 && strcmp(ep.cell[j][14], commissioner) == 0;
		unknown_commissioner += !known && commissioner[0];
	}
	r = import(files[3]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_EPRACCUR);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), (int64_t)ep.rows);
	ck_assert_int_eq(pcreg_import_report_inserted(r), practices);
	ck_assert_int_eq(pcreg_import_report_skipped(r), others);
	{
		int64_t by_setting = 0;
		int setting;

		for (setting = 0; setting < 100; setting++) {
			char reason[64];
			int64_t expected = 0;

			if (setting == 4)
				continue;
			for (i = 0; i < ep.rows; i++)
				expected += atoi(ep.cell[i][25]) == setting;
			snprintf(reason, sizeof reason, "not a GP practice: prescribing setting %d", setting);
			ck_assert_int_eq(skipped_for(r, reason), expected);
			by_setting += expected;
		}
		ck_assert_int_eq(by_setting, others);
	}
	/* A commissioner no file describes (the Welsh 7A1...) is kept as a stub
	 * named by its code, and the practices' periods in it are kept too. */
	ck_assert_int_eq(omitted(r, "is not in the registry: membership not recorded"), 0);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM commissioner WHERE name = code"),
	                 unknown_commissioner);
	pcreg_import_report_free(r);

	r = import(files[4]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_PCN_DETAILS);
	ck_assert_int_eq(pcreg_import_report_inserted(r), (int64_t)details.rows - 1);
	pcreg_import_report_free(r);

	for (i = 1; i < partners.rows; i++)
		partners_skipped += setting_of(&ep, partners.cell[i][0]) != 4;
	r = import(files[5]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_PCN_PARTNERS);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), (int64_t)partners.rows - 1);
	ck_assert_int_eq(pcreg_import_report_skipped(r), partners_skipped);
	ck_assert_int_eq(pcreg_import_report_inserted(r),
	                 (int64_t)partners.rows - 1 - partners_skipped);
	pcreg_import_report_free(r);

	r = import(files[6]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_PRACTICE_MAP);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), (int64_t)map.rows - 1);
	pcreg_import_report_free(r);

	for (i = 1; i < sizes.rows; i++)
		sizes_skipped += setting_of(&ep, sizes.cell[i][5]) != 4;
	r = import(files[7]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_LIST_SIZE);
	ck_assert_int_eq(pcreg_import_report_skipped(r), sizes_skipped);
	ck_assert_int_eq(pcreg_import_report_inserted(r), (int64_t)sizes.rows - 1 - sizes_skipped);
	pcreg_import_report_free(r);

	for (i = 1; i < payments.rows; i++) {
		int practice = setting_of(&ep, payments.cell[i][6]) == 4;

		payments_skipped += !practice;
		unknown_type += practice && strcmp(payments.cell[i][12], "Unknown") == 0;
	}
	r = import(files[8]);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_PAYMENTS);
	ck_assert_int_eq(pcreg_import_report_skipped(r), payments_skipped);
	ck_assert_int_eq(omitted(r, "contract type Unknown"), unknown_type);
	pcreg_import_report_free(r);

	/* Spot checks. */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice"), practices);
	/* Practices the ePCN partner sheet puts in more than one PCN, counted
	 * from the file, have periods stated in each (two rows in one PCN, one
	 * after the other, are one period). */
	{
		int64_t movers = 0;
		size_t j;

		for (i = 1; i < partners.rows; i++) {
			int seen_before = 0, other = 0;

			for (j = 1; j < partners.rows && !seen_before; j++) {
				if (strcmp(partners.cell[j][0], partners.cell[i][0]) != 0)
					continue;
				seen_before = j < i;
				other |= strcmp(partners.cell[j][4], partners.cell[i][4]) != 0;
			}
			movers += !seen_before && other;
		}
		ck_assert_int_gt(movers, 100);
		ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM (SELECT practice FROM"
		                                      " practice_network WHERE certainty = 'stated'"
		                                      " AND release_id IN (SELECT id FROM release"
		                                      " WHERE kind = 'pcn-partners')"
		                                      " GROUP BY practice"
		                                      " HAVING count(DISTINCT network) > 1)"),
		                 movers);
	}
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice_commissioner"
	                                      " WHERE practice = 'A81001' AND commissioner = '16C'"
	                                      " AND from_date = '2020-04-01' AND to_date IS NULL"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice WHERE code = 'A81001'"
	                                      " AND name = 'THE DENSHAM SURGERY'"
	                                      " AND postcode = 'TS18 1HU' AND status = 'active'"
	                                      " AND open_date = '1974-04-01'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice WHERE code = 'A81003'"
	                                      " AND status = 'closed' AND close_date = '2017-10-31'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM commissioner WHERE code = '07L'"
	                                      " AND kind = 'ccg' AND close_date = '2021-03-31'"
	                                      " AND region = 'Y56' AND parent = 'QMF'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM commissioner"
	                                      " WHERE code = 'QMF' AND kind = 'icb'"
	                                      " AND ons_code = 'E54000029'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM other_organisation"), others);
	{
		pcreg_resolution *res = NULL;
		pcreg_membership *m = NULL;
		pcreg_contract *k = NULL;
		pcreg_list_size *s = NULL;

		OK(pcreg_succession_resolve(db, "07L", "2021-04-01", &res));
		ck_assert_str_eq(pcreg_resolution_code(res), "A3A8R");
		ck_assert_str_eq(pcreg_resolution_step_date(res, 0), "2021-04-01");
		pcreg_resolution_free(res);
		OK(pcreg_succession_resolve(db, "07L", "2021-03-31", &res));
		ck_assert_str_eq(pcreg_resolution_code(res), "07L");
		pcreg_resolution_free(res);
		/* A practice that moved PCN (two ePCN rows) answers either date. */
		OK(pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, "C85024", "2020-09-01", &m));
		ck_assert_str_eq(pcreg_membership_organisation(m), "U16464");
		pcreg_membership_free(m);
		OK(pcreg_contract_core_on(db, "A81001", "2022-10-01", &k));
		ck_assert_int_eq(pcreg_contract_type(k), PCREG_CONTRACT_GMS);
		pcreg_contract_free(k);
		OK(pcreg_list_size_on(db, "A81001", "2021-06-30", &s));
		ck_assert_str_eq(pcreg_list_size_extract_date(s), "2021-01-01");
		pcreg_list_size_free(s);
	}
	{
		/* The registry holds together after every national file: no
		 * errors. What ODS publishes oddly is noted, counted here from the
		 * files: practices that keep the join date they had with a PCT,
		 * before their CCG opened, and periods that run past the CCG's
		 * close. */
		pcreg_finding_iter *it = NULL;
		const pcreg_finding *f;
		pcreg_status st;
		int64_t errors = 0, early = 0, late = 0, early_noted = -1, late_noted = -1;

		for (i = 0; i < ep.rows; i++) {
			const char *join = ep.cell[i][15], *left = ep.cell[i][16];
			size_t j;

			if (strcmp(ep.cell[i][25], "4") != 0 || !*join)
				continue;
			for (j = 0; j < eccg.rows; j++) {
				const char *open = eccg.cell[j][10], *close = eccg.cell[j][11];

				if (strcmp(eccg.cell[j][0], ep.cell[i][14]) != 0)
					continue;
				early += *open && strcmp(join, open) < 0;
				late += *close && (!*left || strcmp(left, close) > 0);
			}
		}
		OK(pcreg_check_run(db, &it));
		while ((st = pcreg_finding_iter_next(it, &f)) == PCREG_OK) {
			const char *detail = pcreg_finding_detail(f);

			if (!pcreg_finding_is_note(f)) {
				fprintf(stderr, "error: %s: %s\n", pcreg_finding_check(f), detail);
				errors++;
			} else if (strstr(detail, "begin before their commissioner opened")) {
				early_noted = atoll(detail);
			} else if (strstr(detail, "run past their commissioner's close")) {
				late_noted = atoll(detail);
			}
		}
		ck_assert_int_eq(st, PCREG_DONE);
		pcreg_finding_iter_free(it);
		ck_assert_int_eq(errors, 0);
		ck_assert_int_gt(early, 0);
		ck_assert_int_eq(early_noted, early);
		ck_assert_int_eq(late_noted, late ? late : -1);
	}

	/* Every file again: nothing changes. */
	for (i = 0; i < N_FILES; i++) {
		r = import(files[i]);
		ck_assert_msg(pcreg_import_report_inserted(r) == 0 && pcreg_import_report_updated(r) == 0,
		              "%s: re-import inserted %lld, updated %lld", files[i],
		              (long long)pcreg_import_report_inserted(r),
		              (long long)pcreg_import_report_updated(r));
		ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM change c JOIN import i"
		                                      " ON c.id BETWEEN i.first_change AND i.last_change"
		                                      " WHERE i.id = (SELECT max(id) FROM import)"),
		                 0);
		pcreg_import_report_free(r);
	}
	pcreg_db_close(db);
	free_table(&icb);
	free_table(&eccg);
	free_table(&succ);
	free_table(&ep);
	free_table(&details);
	free_table(&partners);
	free_table(&map);
	free_table(&sizes);
	free_table(&payments);
}
END_TEST

/* ---- two releases in sequence ------------------------------------------------------ */

/* Copy a file, editing the lines that start with a prefix: each edit is
 * (prefix, text, replacement); an empty text drops the line. */
static void copy_editing(const char *from, const char *to, const char *const *edits)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char line[4096];

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof line, in)) {
		const char *const *e;
		int dropped = 0;

		for (e = edits; *e; e += 3) {
			char *at, edited[4096];

			if (strncmp(line, e[0], strlen(e[0])) != 0)
				continue;
			if (!e[1][0]) {
				dropped = 1;
				break;
			}
			at = strstr(line, e[1]);
			ck_assert_msg(at != NULL, "%s not in %s", e[1], line);
			snprintf(edited, sizeof edited, "%.*s%s%s", (int)(at - line), line, e[2],
			         at + strlen(e[1]));
			strcpy(line, edited);
		}
		if (!dropped)
			fputs(line, out);
	}
	fclose(in);
	fclose(out);
}

/* The older release (made from the newer): A81002 not yet there, A81004
 * under an old name, A81003 still open, A81001 still with 00K. */
START_TEST(test_two_releases_journal_exactly_the_edits)
{
	static const char *const edits[] = {
		"\"A81002\",", "", "",
		"\"A81004\",", "\"ACKLAM MEDICAL CENTRE\"", "\"OLD NAME MEDICAL PRACTICE\"",
		"\"A81003\",", "\"20171031\",\"C\"", "\"\",\"A\"",
		"\"A81003\",", "\"20130401\",\"20171031\"", "\"20130401\",\"\"",
		"\"A81001\",", "\"16C\",\"20200401\"", "\"00K\",\"20130401\"",
		NULL,
	};
	const char *older = tu_path("epraccur-older.csv");
	pcreg_import_options older_opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_options newer_opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r;
	pcreg_change_query q = PCREG_CHANGE_QUERY_INIT;
	pcreg_change_iter *it = NULL;
	pcreg_import_summary *sum = NULL;
	const pcreg_change *c;
	char all[4096] = "";
	int64_t id;

	copy_editing(data_path("epraccur/epraccur.csv"), older, edits);
	open_registry("releases.db");
	pcreg_import_report_free(import("ccg/icb_names_codes_dec_2024.csv"));
	pcreg_import_report_free(import("ccg/eccg.csv"));
	/* Both releases' latest dates are the same (one was made from the
	 * other): their release dates say which is older. */
	older_opts.released = "2024-04-01";
	OK(pcreg_import_file(db, older, &older_opts, &r));
	pcreg_import_report_free(r);
	newer_opts.released = "2025-04-23";
	OK(pcreg_import_file(db, data_path("epraccur/epraccur.csv"), &newer_opts, &r));
	ck_assert_int_eq(pcreg_import_report_inserted(r), 1);
	ck_assert_int_eq(pcreg_import_report_updated(r), 3);
	id = pcreg_import_report_id(r);
	pcreg_import_report_free(r);

	q.import_id = id;
	OK(pcreg_journal_changes(db, &q, &it));
	while (pcreg_change_iter_next(it, &c) == PCREG_OK) {
		char line[256];

		snprintf(line, sizeof line, "%s %s %s %s %s %s -> %s @%s\n", pcreg_change_entity(c),
		         pcreg_change_code(c), pcreg_change_subkey(c) ? pcreg_change_subkey(c) : "-",
		         pcreg_change_action(c), pcreg_change_field(c) ? pcreg_change_field(c) : "-",
		         pcreg_change_old_value(c) ? pcreg_change_old_value(c) : "-",
		         pcreg_change_new_value(c) ? pcreg_change_new_value(c) : "-",
		         pcreg_change_effective_date(c) ? pcreg_change_effective_date(c) : "-");
		strcat(all, line);
	}
	pcreg_change_iter_free(it);
	/* A practice new in a release is journaled as its row is read; what
	 * reconciliation derives, when the release is in. A81003's period ran
	 * to 00K's close (2020-03-31, no succession loaded) until the newer
	 * release ended it when the practice closed. A rename is dated by the
	 * release that shows it. */
	ck_assert_str_eq(all,
	                 "practice A81002 - insert - - -> - @1974-04-01\n"
	                 "commissioner_membership A81001 2020-04-01 move commissioner 00K -> 16C"
	                 " @2020-04-01\n"
	                 "commissioner_membership A81002 2020-04-01 insert - - -> - @2020-04-01\n"
	                 "practice A81003 - update status active -> closed @2017-10-31\n"
	                 "practice A81003 - update close_date - -> 2017-10-31 @2017-10-31\n"
	                 "commissioner_membership A81003 2013-04-01 update to_date 2020-03-31 ->"
	                 " 2017-10-31 @2017-10-31\n"
	                 "practice A81004 - update name OLD NAME MEDICAL PRACTICE -> ACKLAM MEDICAL"
	                 " CENTRE @2025-04-23\n");

	OK(pcreg_journal_summary(db, id, &sum));
	ck_assert_int_eq(pcreg_import_summary_opened(sum), 1);
	ck_assert_int_eq(pcreg_import_summary_closed(sum), 1);
	ck_assert_int_eq(pcreg_import_summary_renamed(sum), 1);
	ck_assert_int_eq(pcreg_import_summary_moved_commissioner(sum), 1);
	ck_assert_int_eq(pcreg_import_summary_moved_network(sum), 0);
	ck_assert_int_eq(pcreg_import_summary_succeeded(sum), 0);
	pcreg_import_summary_free(sum);

	/* As of a date before the move, the old commissioner still answers. */
	{
		pcreg_membership *m = NULL;

		OK(pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "A81001", "2019-01-01", &m));
		ck_assert_str_eq(pcreg_membership_organisation(m), "00K");
		ck_assert_str_eq(pcreg_membership_to_date(m), "2020-03-31");
		pcreg_membership_free(m);
	}
	/* The practice's changes, found by its code. */
	pcreg_change_query_init(&q, PCREG_CHANGE_QUERY_VERSION);
	q.code = "A81003";
	OK(pcreg_journal_changes(db, &q, &it));
	{
		int n = 0;

		while (pcreg_change_iter_next(it, &c) == PCREG_OK)
			n++;
		/* Its insert by the older release, then the three updates. */
		ck_assert_int_eq(n, 5);
	}
	pcreg_change_iter_free(it);
	pcreg_db_close(db);
}
END_TEST

/* ---- the ODS XML alone --------------------------------------------------------------- */

static void expect_commissioner(const char *practice, const char *on, const char *code)
{
	pcreg_answer *a = NULL;

	OK(pcreg_membership_answer(db, PCREG_MEMBERSHIP_COMMISSIONER, practice, on, &a));
	ck_assert_msg(pcreg_answer_organisation(a) && strcmp(pcreg_answer_organisation(a), code) == 0,
	              "%s on %s: %s, expected %s", practice, on,
	              pcreg_answer_organisation(a) ? pcreg_answer_organisation(a) : "none", code);
	ck_assert_msg(pcreg_answer_certainty(a) == PCREG_CERTAINTY_STATED, "%s on %s: %s, not stated",
	              practice, on, pcreg_certainty_str(pcreg_answer_certainty(a)));
	pcreg_answer_free(a);
}

static void expect_resolution(const char *code, const char *on, const char *to)
{
	pcreg_resolution *r = NULL;

	OK(pcreg_succession_resolve(db, code, on, &r));
	ck_assert_msg(strcmp(pcreg_resolution_code(r), to) == 0, "%s on %s resolves to %s, expected %s",
	              code, on, pcreg_resolution_code(r), to);
	pcreg_resolution_free(r);
}

/* The XML's dated relationships are stated evidence: a registry built from
 * it alone answers as-of questions back to 1999. */
START_TEST(test_ods_xml_alone_answers_back_to_the_1990s)
{
	pcreg_import_report *r;
	pcreg_commissioner *c = NULL;

	open_registry("ods-xml.db");
	r = import("ods-xml/HSCOrgRefData_excerpt.xml");
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_ODS_XML);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 4);
	pcreg_import_report_free(r);
	expect_commissioner("J82028", "2000-06-01", "4RK71");
	expect_commissioner("J82028", "2005-06-01", "5FE");
	expect_commissioner("J82028", "2016-06-01", "10R");
	/* The primary care group and trust are commissioners of another kind. */
	OK(pcreg_commissioner_get(db, "5FE", &c));
	ck_assert_int_eq(pcreg_commissioner_kind(c), PCREG_COMMISSIONER_OTHER);
	pcreg_commissioner_free(c);
	expect_resolution("YGM10", "2015-06-30", "YGM10");
	expect_resolution("YGM10", "2015-07-01", "YGM41");
	pcreg_db_close(db);
}
END_TEST

static Suite *real_suite(void)
{
	Suite *s = suite_create("import_real");
	TCase *tc = tu_shared_data_tcase("real");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_every_file_imports_with_the_counts_of_the_file);
	tcase_add_test(tc, test_two_releases_journal_exactly_the_edits);
	tcase_add_test(tc, test_ods_xml_alone_answers_back_to_the_1990s);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(real_suite());
}
