/*
 * check_history.c: history from evidence (schema v4).
 *
 * Releases loaded in any order give the same registry; each dated answer
 * says how it is known; the cases the issue names, on small made-up
 * releases and on the real files in ../shared/data when it is there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <sqlite3.h>

#include "pcreg/pcreg.h"
#include "testutil.h"

#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"
#define EVIDENCE PCREG_SOURCE_DIR "/tests/data/evidence/"

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

static pcreg_db *db;
static char registry[512];

static void open_registry(const char *name)
{
	snprintf(registry, sizeof registry, "%s", tu_path(name));
	unlink(registry);
	db = tu_open(registry, PCREG_OPEN_CREATE);
}

static pcreg_import_report *load(const char *path, int kind, const char *released)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;

	opts.kind = kind;
	opts.mode = PCREG_IMPORT_LENIENT;
	opts.released = released;
	ck_assert_msg(pcreg_import_file(db, path, &opts, &r) == PCREG_OK, "%s: %s", path,
	              pcreg_db_errmsg(db));
	return r;
}

static void load_quietly(const char *path, int kind, const char *released)
{
	pcreg_import_report_free(load(path, kind, released));
}

/* One epraccur row: the 27 ODS columns, with the ones that matter here. */
static void epraccur_row(FILE *f, const char *code, const char *name, const char *close,
                         const char *status, const char *commissioner, const char *join,
                         const char *left, int setting)
{
	fprintf(f,
	        "\"%s\",\"%s\",\"Y56\",\"QF1\",\"1 EXAMPLE ROAD\",\"\",\"FICTIONTON\",\"\",\"\","
	        "\"FX1 1AA\",\"19740401\",\"%s\",\"%s\",\"B\",\"%s\",\"%s\",\"%s\",\"\",\"\",\"\","
	        "\"\",\"0\",\"\",\"%s\",\"\",\"%d\",\"\"\n",
	        code, name, close, status, commissioner, join, left, commissioner, setting);
}

/* The one text a query gives (group_concat of a registry's rows). */
static char *table_dump(const char *sql)
{
	sqlite3 *raw;
	sqlite3_stmt *stmt;
	char *out;

	ck_assert_int_eq(sqlite3_open_v2(registry, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(raw, sql, -1, &stmt, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
	out = strdup(sqlite3_column_text(stmt, 0) ? (const char *)sqlite3_column_text(stmt, 0)
	                                          : "");
	sqlite3_finalize(stmt);
	sqlite3_close(raw);
	return out;
}

/* What an export of the derived history and the practices says, as text. */
static char *history_dump(void)
{
	static const char sql[] =
		"SELECT group_concat(line, char(10)) FROM ("
		" SELECT 'c ' || practice || ' ' || commissioner || ' ' || from_date || ' ' ||"
		"  coalesce(to_date, '-') || ' ' || certainty || ' ' || coalesce(window_to, '-') ||"
		"  ' ' || coalesce((SELECT kind || release_date FROM release WHERE id = release_id),"
		"  'hand') AS line FROM practice_commissioner"
		" UNION ALL SELECT 'n ' || practice || ' ' || network || ' ' || from_date || ' ' ||"
		"  coalesce(to_date, '-') || ' ' || certainty FROM practice_network"
		" UNION ALL SELECT 'p ' || code || ' ' || name || ' ' || status || ' ' ||"
		"  prescribing_setting || ' ' || coalesce(close_date, '-') FROM practice"
		" UNION ALL SELECT 'o ' || code || ' ' || name || ' ' || kind FROM commissioner"
		" UNION ALL SELECT 'w ' || code || ' ' || name FROM network"
		" ORDER BY 1)";

	return table_dump(sql);
}

static pcreg_answer *answer(pcreg_membership_kind_value kind, const char *practice,
                            const char *date)
{
	pcreg_answer *a = NULL;

	OK(pcreg_membership_answer(db, kind, practice, date, &a));
	return a;
}

static void expect(pcreg_membership_kind_value kind, const char *practice, const char *date,
                   const char *organisation, pcreg_certainty_value certainty)
{
	pcreg_answer *a = answer(kind, practice, date);

	ck_assert_msg(pcreg_answer_certainty(a) == certainty, "%s on %s: %s, expected %s",
	              practice, date, pcreg_certainty_str(pcreg_answer_certainty(a)),
	              pcreg_certainty_str(certainty));
	if (organisation)
		ck_assert_msg(pcreg_answer_organisation(a) &&
		                      strcmp(pcreg_answer_organisation(a), organisation) == 0,
		              "%s on %s: in %s, expected %s", practice, date,
		              pcreg_answer_organisation(a) ? pcreg_answer_organisation(a) : "(none)",
		              organisation);
	else
		ck_assert_ptr_null(pcreg_answer_organisation(a));
	pcreg_answer_free(a);
}

/* ---- made-up releases ------------------------------------------------------------------ */

/* Three releases of epraccur. 2019: F81001 in 97H since 2013; F81002 in
 * 99F; F81003 in 97H, setting 4. 2021: F81001 moved to 99F from
 * 2020-04-01 (97H closed 2020-03-31, succeeded by 99F); F81002 renamed;
 * F81003 listed under setting 26. 2022: F81002 closed 2021-12-31. */
static const char *release_path(int which)
{
	static char paths[3][512];
	FILE *f;

	snprintf(paths[which], sizeof paths[which], "%s", tu_path(which == 0   ? "ep-2019.csv"
	                                                          : which == 1 ? "ep-2021.csv"
	                                                                       : "ep-2022.csv"));
	f = fopen(paths[which], "w");
	ck_assert_ptr_nonnull(f);
	if (which == 0) {
		epraccur_row(f, "F81001", "FICTIONAL MEADOW SURGERY", "", "A", "97H", "20130401", "", 4);
		epraccur_row(f, "F81002", "IMAGINARY LANE PRACTICE", "", "A", "99F", "20130401", "", 4);
		epraccur_row(f, "F81003", "PRETEND HOUSE", "", "A", "97H", "20130401", "", 4);
	} else {
		epraccur_row(f, "F81001", "FICTIONAL MEADOW SURGERY", "", "A", "99F", "20200401", "", 4);
		epraccur_row(f, "F81002", "IMAGINARY LANE HEALTH CENTRE", which == 2 ? "20211231" : "",
		             which == 2 ? "C" : "A", "99F", "20130401", which == 2 ? "20211231" : "", 4);
		epraccur_row(f, "F81003", "PRETEND HOUSE HUB", "", "A", "99F", "20130401", "", 26);
	}
	fclose(f);
	return paths[which];
}

static const char *const release_dates[] = { "2019-06-30", "2021-06-30", "2022-06-30" };

static void load_made_up(const int *order)
{
	int i;

	load_quietly(GOOD "eccg.csv", PCREG_IMPORT_ECCG, "2022-06-30");
	load_quietly(GOOD "succ.csv", PCREG_IMPORT_SUCC, "2022-06-30");
	for (i = 0; i < 3; i++)
		load_quietly(release_path(order[i]), PCREG_IMPORT_EPRACCUR, release_dates[order[i]]);
}

/* What every release changed, in release order, as text: the journal
 * of releases, which must not depend on the load order. */
static char *release_journal_dump(void)
{
	size_t cap = 4096, len = 0;
	char *out = malloc(cap);
	sqlite3 *raw;
	sqlite3_stmt *stmt;

	ck_assert_ptr_nonnull(out);
	out[0] = '\0';
	ck_assert_int_eq(sqlite3_open_v2(registry, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(raw,
	                                    "SELECT id, kind || ' ' || release_date FROM release"
	                                    " ORDER BY release_date, digest",
	                                    -1, &stmt, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		pcreg_import_summary *sum = NULL;
		pcreg_change_iter *it = NULL;
		const pcreg_change *ch;
		char line[1024];
		pcreg_status st;

		OK(pcreg_journal_release_summary(db, sqlite3_column_int64(stmt, 0), &sum));
		snprintf(line, sizeof line, "%s: %lld opened %lld closed %lld renamed %lld moved"
		         " %lld merged %lld reclassified %lld redated\n",
		         (const char *)sqlite3_column_text(stmt, 1),
		         (long long)pcreg_import_summary_opened(sum),
		         (long long)pcreg_import_summary_closed(sum),
		         (long long)pcreg_import_summary_renamed(sum),
		         (long long)pcreg_import_summary_moved_commissioner(sum),
		         (long long)pcreg_import_summary_merged_commissioner(sum),
		         (long long)pcreg_import_summary_reclassified(sum),
		         (long long)pcreg_import_summary_redated(sum));
		pcreg_import_summary_free(sum);
		OK(pcreg_journal_release_changes(db, sqlite3_column_int64(stmt, 0), &it));
		for (;;) {
			size_t n = strlen(line);

			if (len + n + 1 > cap) {
				cap = 2 * (len + n + 1);
				out = realloc(out, cap);
				ck_assert_ptr_nonnull(out);
			}
			memcpy(out + len, line, n + 1);
			len += n;
			if ((st = pcreg_change_iter_next(it, &ch)) != PCREG_OK)
				break;
			snprintf(line, sizeof line, "  %s %s %s %s %s %s %s %s\n",
			         pcreg_change_effective_date(ch) ? pcreg_change_effective_date(ch) : "-",
			         pcreg_change_entity(ch), pcreg_change_code(ch),
			         pcreg_change_subkey(ch) ? pcreg_change_subkey(ch) : "-",
			         pcreg_change_action(ch),
			         pcreg_change_field(ch) ? pcreg_change_field(ch) : "-",
			         pcreg_change_old_value(ch) ? pcreg_change_old_value(ch) : "-",
			         pcreg_change_new_value(ch) ? pcreg_change_new_value(ch) : "-");
		}
		ck_assert_int_eq(st, PCREG_DONE);
		pcreg_change_iter_free(it);
	}
	sqlite3_finalize(stmt);
	sqlite3_close(raw);
	return out;
}

START_TEST(test_order_does_not_matter)
{
	static const int orders[][3] = { { 0, 1, 2 }, { 2, 1, 0 }, { 1, 2, 0 }, { 2, 0, 1 },
		                         { 0, 2, 1 }, { 1, 0, 2 } };
	char *first = NULL, *first_journal = NULL;
	size_t i;

	for (i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		char *dump, *journal;

		open_registry("order.db");
		load_made_up(orders[i]);
		journal = release_journal_dump();
		pcreg_db_close(db);
		dump = history_dump();
		ck_assert_msg(strstr(dump, "c F81001 ") != NULL, "nothing derived:\n%s", dump);
		/* Known through the 2019 release and the succession of 97H by 99F,
		 * F81001 and F81003 merge into 99F on 2020-04-01 (inferred); the
		 * 2021 release, which states it, changes no period but renames two
		 * practices and lists F81003 under another setting. */
		ck_assert_msg(strstr(journal, "epraccur 2019-06-30: 3 opened 0 closed 0 renamed 0 moved"
		                              " 2 merged 0 reclassified 0 redated") != NULL &&
		                      strstr(journal, "epraccur 2021-06-30: 0 opened 0 closed 2 renamed"
		                                      " 0 moved 0 merged 1 reclassified 0 redated") !=
		                              NULL &&
		                      strstr(journal, "epraccur 2022-06-30: 0 opened 1 closed") != NULL,
		              "order %zu:\n%s", i, journal);
		if (!first) {
			first = dump;
			first_journal = journal;
		} else {
			ck_assert_msg(strcmp(first, dump) == 0, "order %zu differs:\n%s\n---\n%s", i,
			              first, dump);
			ck_assert_msg(strcmp(first_journal, journal) == 0,
			              "order %zu: the journal of releases differs:\n%s\n---\n%s", i,
			              first_journal, journal);
			free(dump);
			free(journal);
		}
	}
	free(first);
	free(first_journal);
}
END_TEST

START_TEST(test_answers_and_their_certainty)
{
	static const int backwards[] = { 2, 1, 0 };

	open_registry("answers.db");
	load_made_up(backwards);
	/* Stated by the 2019 release, up to 97H's close. */
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2019-01-01", "97H", PCREG_CERTAINTY_STATED);
	/* The 2021 release states 99F from 2020-04-01. */
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2020-04-01", "99F", PCREG_CERTAINTY_STATED);
	/* F81003: 97H until its close, then its successor carries it on. */
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81003", "2020-03-31", "97H", PCREG_CERTAINTY_STATED);
	/* Before any evidence: not known, never a guess. */
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2001-01-01", NULL,
	       PCREG_CERTAINTY_NOT_KNOWN);
	/* F81002's period ends where the practice closed. */
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81002", "2021-12-31", "99F", PCREG_CERTAINTY_STATED);
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81002", "2022-01-01", NULL,
	       PCREG_CERTAINTY_NOT_KNOWN);
	/* The newest release names the practices, whatever came last. */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice WHERE code = 'F81002'"
	                                      " AND name = 'IMAGINARY LANE HEALTH CENTRE'"
	                                      " AND status = 'closed'"),
	                 1);
	/* A practice a newer release lists under another setting takes it. */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT prescribing_setting FROM practice"
	                                      " WHERE code = 'F81003'"),
	                 26);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_same_release_twice_changes_nothing)
{
	static const int forwards[] = { 0, 1, 2 };
	pcreg_import_report *r;
	char *before, *after;
	long long changes;

	open_registry("twice.db");
	load_made_up(forwards);
	pcreg_db_close(db);
	before = history_dump();
	changes = tu_sql_int(registry, "SELECT count(*) FROM change");
	db = tu_open(registry, 0);
	r = load(release_path(1), PCREG_IMPORT_EPRACCUR, release_dates[1]);
	ck_assert_int_eq(pcreg_import_report_inserted(r) + pcreg_import_report_updated(r), 0);
	pcreg_import_report_free(r);
	pcreg_db_close(db);
	after = history_dump();
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM change"), changes);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM release WHERE kind = 'epraccur'"),
	                 3);
	free(before);
	free(after);
}
END_TEST

/* A release is known by what it says: the same rows in another file form
 * (unquoted, CRLF line ends; a workbook and its CSV) are the same release. */
START_TEST(test_same_release_in_another_file_form)
{
	static const int forwards[] = { 0, 1, 2 };
	char variant[512];
	pcreg_import_report *r;
	FILE *in, *out;
	char *before, *after;
	int c;

	open_registry("forms.db");
	load_made_up(forwards);
	pcreg_db_close(db);
	before = history_dump();
	snprintf(variant, sizeof variant, "%s", tu_path("ep-2021-crlf.csv"));
	in = fopen(release_path(1), "rb");
	out = fopen(variant, "wb");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while ((c = fgetc(in)) != EOF) {
		if (c == '"')
			continue;
		if (c == '\n')
			fputc('\r', out);
		fputc(c, out);
	}
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
	db = tu_open(registry, 0);
	r = load(variant, PCREG_IMPORT_EPRACCUR, release_dates[1]);
	ck_assert_int_eq(pcreg_import_report_inserted(r) + pcreg_import_report_updated(r), 0);
	pcreg_import_report_free(r);
	pcreg_db_close(db);
	after = history_dump();
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM release WHERE kind = 'epraccur'"),
	                 3);
	/* Two imports, one release. */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(DISTINCT release_id) FROM import"
	                                      " WHERE kind = 'epraccur'"),
	                 3);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM import WHERE kind = 'epraccur'"),
	                 4);
	free(before);
	free(after);
}
END_TEST

/* Since schema v4 an unknown practice or PCN is evidence, not bad input. */
START_TEST(test_unknown_references_are_kept_as_evidence)
{
	pcreg_import_report *r;

	open_registry("unknown.db");
	tu_add_reference_data(db);
	r = load(EVIDENCE "pcn-partners-unknown-pcn.csv", PCREG_IMPORT_PCN_PARTNERS, "2021-06-30");
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	pcreg_import_report_free(r);
	/* U99999: a network named by its code until a file describes it. */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM network WHERE code = 'U99999'"
	                                      " AND name = 'U99999'"),
	                 1);
	r = load(EVIDENCE "pcn-partners-unknown-practice.csv", PCREG_IMPORT_PCN_PARTNERS,
	         "2021-07-31");
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	ck_assert_int_eq(pcreg_import_report_skipped(r), 1);
	pcreg_import_report_free(r);
	/* its PCN period, and its CCG as the sheet saw it */
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM observation"
	                                      " WHERE subject = 'F89999'"),
	                 2);
	/* Overlapping periods in one file are reconciled, not refused. */
	r = load(EVIDENCE "pcn-partners-overlap.csv", PCREG_IMPORT_PCN_PARTNERS, "2021-08-31");
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	pcreg_import_report_free(r);
	expect(PCREG_MEMBERSHIP_NETWORK, "F81002", "2021-06-01", "U99001", PCREG_CERTAINTY_STATED);
	pcreg_db_close(db);
}
END_TEST

/* A practice named as the release in force on a date named it; its status
 * then, not today's. */
START_TEST(test_practice_as_of_a_date)
{
	static const int backwards[] = { 2, 1, 0 };
	pcreg_practice *p = NULL;

	open_registry("practice-on.db");
	load_made_up(backwards);
	OK(pcreg_practice_get_on(db, "F81002", "2020-01-01", &p));
	ck_assert_str_eq(pcreg_practice_name(p), "IMAGINARY LANE PRACTICE");
	ck_assert_int_eq(pcreg_practice_status(p), PCREG_PRACTICE_ACTIVE);
	ck_assert_ptr_null(pcreg_practice_close_date(p));
	pcreg_practice_free(p);
	/* Before the first release: the first one's name. */
	OK(pcreg_practice_get_on(db, "F81002", "2010-01-01", &p));
	ck_assert_str_eq(pcreg_practice_name(p), "IMAGINARY LANE PRACTICE");
	pcreg_practice_free(p);
	/* The 2021 release renamed it; the 2022 one closed it. */
	OK(pcreg_practice_get_on(db, "F81002", "2021-07-01", &p));
	ck_assert_str_eq(pcreg_practice_name(p), "IMAGINARY LANE HEALTH CENTRE");
	ck_assert_int_eq(pcreg_practice_status(p), PCREG_PRACTICE_ACTIVE);
	pcreg_practice_free(p);
	OK(pcreg_practice_get_on(db, "F81002", "2023-01-01", &p));
	ck_assert_int_eq(pcreg_practice_status(p), PCREG_PRACTICE_CLOSED);
	ck_assert_str_eq(pcreg_practice_close_date(p), "2021-12-31");
	pcreg_practice_free(p);
	/* Setting 4 in 2019, 26 from 2021. */
	OK(pcreg_practice_get_on(db, "F81003", "2020-01-01", &p));
	ck_assert_int_eq(pcreg_practice_prescribing_setting(p), 4);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_practice_get_on(db, "F81002", "2020-02-30", &p), PCREG_INVALID);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(pcreg_practice_get_on(db, "F89999", "2020-01-01", &p), PCREG_NOTFOUND);
	ck_assert_int_eq(pcreg_practice_get_on(db, "F81002", NULL, &p), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_get_on(NULL, "F81002", "2020-01-01", &p), PCREG_MISUSE);
	pcreg_db_close(db);
}
END_TEST

/* The newer eccg release renames 99F a sub-ICB location. */
static const char *eccg_2023(void)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s", tu_path("eccg-2023.csv"));
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("\"99F\",\"NHS FICTIONAL VALE ICB - 99F\",\"Y56\",\"QF1\",\"1 FICTION STREET\",\"\","
	      "\"FICTIONTON\",\"\",\"\",\"FX9 9ZZ\",\"20130401\",\"\",\"\",\"RO319\",\"\",\"\",\"\","
	      "\"\",\"\",\"\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\"\n",
	      f);
	fclose(f);
	return path;
}

static const char *cqc_report_name(const char *on)
{
	static char name[128];
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *row;

	opts.on = on;
	opts.commissioner = "99F";
	OK(pcreg_report_cqc(db, &opts, &it));
	OK(pcreg_cqc_iter_next(it, &row));
	snprintf(name, sizeof name, "%s", pcreg_cqc_row_name(row));
	pcreg_cqc_iter_free(it);
	return name;
}

/* Names, kinds as of a date, whichever eccg release came last. */
START_TEST(test_commissioner_as_of_a_date)
{
	static const int forwards[] = { 0, 1, 2 };
	int newest_last;

	for (newest_last = 0; newest_last < 2; newest_last++) {
		pcreg_commissioner *c = NULL;

		open_registry("commissioner-on.db");
		if (!newest_last)
			load_quietly(eccg_2023(), PCREG_IMPORT_ECCG, "2023-06-30");
		load_made_up(forwards);
		if (newest_last)
			load_quietly(eccg_2023(), PCREG_IMPORT_ECCG, "2023-06-30");
		/* The row is the newest release's. */
		OK(pcreg_commissioner_get(db, "99F", &c));
		ck_assert_str_eq(pcreg_commissioner_name(c), "NHS FICTIONAL VALE ICB - 99F");
		ck_assert_int_eq(pcreg_commissioner_kind(c), PCREG_COMMISSIONER_SUB_ICB);
		pcreg_commissioner_free(c);
		/* A 2021 date: the 2022 release's name and kind. */
		OK(pcreg_commissioner_get_on(db, "99F", "2021-01-01", &c));
		ck_assert_str_eq(pcreg_commissioner_name(c), "NHS FICTIONAL VALE CCG");
		ck_assert_int_eq(pcreg_commissioner_kind(c), PCREG_COMMISSIONER_CCG);
		pcreg_commissioner_free(c);
		OK(pcreg_commissioner_get_on(db, "99F", "2024-01-01", &c));
		ck_assert_str_eq(pcreg_commissioner_name(c), "NHS FICTIONAL VALE ICB - 99F");
		pcreg_commissioner_free(c);
		/* Reports name it as of their date. */
		ck_assert_str_eq(cqc_report_name("2021-01-01"), "NHS FICTIONAL VALE CCG");
		ck_assert_str_eq(cqc_report_name("2024-01-01"), "NHS FICTIONAL VALE ICB - 99F");
		pcreg_db_close(db);
	}
}
END_TEST

static const char *networks_report_name(const char *on, const char *network)
{
	static char name[128];
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *row;

	opts.on = on;
	opts.commissioner = "99F";
	name[0] = '\0';
	OK(pcreg_report_networks(db, &opts, &it));
	while (pcreg_network_population_iter_next(it, &row) == PCREG_OK)
		if (strcmp(pcreg_network_population_row_network(row), network) == 0)
			snprintf(name, sizeof name, "%s", pcreg_network_population_row_name(row));
	pcreg_network_population_iter_free(it);
	return name;
}

/* A network renamed by a later ePCN release: the row is the newest
 * release's, a report names it as of its date, whatever the load order. */
START_TEST(test_network_renamed)
{
	char renamed[512];
	int newest_first;
	FILE *in, *out;
	char line[1024];

	snprintf(renamed, sizeof renamed, "%s", tu_path("ePCN_PCNDetails-2022.csv"));
	in = fopen(GOOD "ePCN_PCNDetails.csv", "r");
	out = fopen(renamed, "w");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof line, in)) {
		if (strncmp(line, "U99001,FICTIONAL CENTRAL PCN,", 29) == 0)
			fprintf(out, "U99001,FICTIONAL CENTRAL AND EAST PCN,%s", line + 29);
		else
			fputs(line, out);
	}
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
	for (newest_first = 0; newest_first < 2; newest_first++) {
		open_registry("network-renamed.db");
		load_quietly(GOOD "eccg.csv", PCREG_IMPORT_ECCG, "2022-06-30");
		if (newest_first)
			load_quietly(renamed, PCREG_IMPORT_PCN_DETAILS, "2022-06-30");
		load_quietly(GOOD "ePCN_PCNDetails.csv", PCREG_IMPORT_PCN_DETAILS, "2019-07-01");
		if (!newest_first)
			load_quietly(renamed, PCREG_IMPORT_PCN_DETAILS, "2022-06-30");
		ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM network WHERE code = 'U99001'"
		                                      " AND name = 'FICTIONAL CENTRAL AND EAST PCN'"),
		                 1);
		ck_assert_str_eq(networks_report_name("2020-01-01", "U99001"), "FICTIONAL CENTRAL PCN");
		ck_assert_str_eq(networks_report_name("2023-01-01", "U99001"),
		                 "FICTIONAL CENTRAL AND EAST PCN");
		pcreg_db_close(db);
	}
}
END_TEST

/* The registry as known at a date: only the releases dated by then count,
 * and the registry itself is left as it was. */
START_TEST(test_known_at)
{
	static const int backwards[] = { 2, 1, 0 };
	pcreg_db *known = NULL;
	pcreg_practice *p = NULL;
	pcreg_answer *a = NULL;
	char *before, *after;

	open_registry("known-at.db");
	load_made_up(backwards);
	pcreg_db_close(db);
	before = history_dump();
	db = tu_open(registry, 0);

	/* Known at 2020: only the 2019 release. F81002 not yet renamed; F81001
	 * in 97H as stated, then (the succession, which is not a release,
	 * counts) carried on in 99F: inferred, where the 2021 release states it. */
	OK(pcreg_db_known_at(db, "2020-01-01", &known));
	ck_assert_int_eq(pcreg_practice_get(known, "F81002", &p), PCREG_OK);
	ck_assert_str_eq(pcreg_practice_name(p), "IMAGINARY LANE PRACTICE");
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_membership_answer(known, PCREG_MEMBERSHIP_COMMISSIONER, "F81001",
	                                         "2019-01-01", &a),
	                 PCREG_OK);
	ck_assert_str_eq(pcreg_answer_organisation(a), "97H");
	ck_assert_str_eq(pcreg_answer_release_date(a), "2019-06-30");
	pcreg_answer_free(a);
	ck_assert_int_eq(pcreg_membership_answer(known, PCREG_MEMBERSHIP_COMMISSIONER, "F81001",
	                                         "2020-06-01", &a),
	                 PCREG_OK);
	ck_assert_int_ne(pcreg_answer_certainty(a), PCREG_CERTAINTY_STATED);
	pcreg_answer_free(a);
	/* The copy is read-only. */
	ck_assert_int_ne(pcreg_practice_delete(known, "F81002"), PCREG_OK);
	pcreg_db_close(known);

	/* Known at 2018: no release yet, so no practice. */
	OK(pcreg_db_known_at(db, "2018-01-01", &known));
	ck_assert_int_eq(pcreg_practice_get(known, "F81001", &p), PCREG_NOTFOUND);
	pcreg_db_close(known);

	/* Known at a date after every release: the registry's answers. */
	OK(pcreg_db_known_at(db, "2030-01-01", &known));
	OK(pcreg_membership_answer(known, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2020-06-01",
	                           &a));
	ck_assert_str_eq(pcreg_answer_organisation(a), "99F");
	ck_assert_int_eq(pcreg_answer_certainty(a), PCREG_CERTAINTY_STATED);
	pcreg_answer_free(a);
	pcreg_db_close(known);

	ck_assert_int_eq(pcreg_db_known_at(db, "2020-13-01", &known), PCREG_INVALID);
	ck_assert_ptr_null(known);
	ck_assert_int_eq(pcreg_db_known_at(db, NULL, &known), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_known_at(db, "2020-01-01", NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_db_known_at(NULL, "2020-01-01", &known), PCREG_MISUSE);
	pcreg_db_close(db);
	after = history_dump();
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

/* Reports count the practices whose membership on their date is uncertain. */
START_TEST(test_reports_count_uncertain_rows)
{
	static const int forwards[] = { 0, 1, 2 };
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *row;

	open_registry("uncertain.db");
	load_made_up(forwards);
	opts.on = "2021-01-01";
	opts.commissioner = "99F";
	OK(pcreg_report_cqc(db, &opts, &it));
	OK(pcreg_cqc_iter_next(it, &row));
	ck_assert_int_eq(pcreg_cqc_row_practices(row), 3);
	ck_assert_int_eq(pcreg_cqc_row_uncertain(row), 0);
	pcreg_cqc_iter_free(it);
	/* As reconciliation writes a period the evidence does not date. */
	tu_sql(registry, "UPDATE practice_commissioner SET certainty = 'uncertain',"
	                 " window_to = '2021-06-30' WHERE practice = 'F81001'"
	                 " AND commissioner = '99F'");
	OK(pcreg_report_cqc(db, &opts, &it));
	OK(pcreg_cqc_iter_next(it, &row));
	ck_assert_int_eq(pcreg_cqc_row_practices(row), 3);
	ck_assert_int_eq(pcreg_cqc_row_uncertain(row), 1);
	OK(pcreg_cqc_iter_next(it, &row)); /* totals */
	ck_assert_int_eq(pcreg_cqc_row_is_total(row), 1);
	ck_assert_int_eq(pcreg_cqc_row_uncertain(row), 1);
	pcreg_cqc_iter_free(it);
	pcreg_db_close(db);
}
END_TEST

/* A newer release that moves a period's start earlier re-dates it (as
 * ePCN 2022 did for K83059): one period, from the earlier start, and the
 * journal of that release says so, whichever release was loaded first. */
START_TEST(test_newer_start_is_a_redating)
{
	int newest_first;

	for (newest_first = 0; newest_first < 2; newest_first++) {
		char older[512], newer[512];
		char *journal;
		FILE *f;
		int i;

		snprintf(older, sizeof older, "%s", tu_path("redate-2019.csv"));
		snprintf(newer, sizeof newer, "%s", tu_path("redate-2021.csv"));
		f = fopen(older, "w");
		ck_assert_ptr_nonnull(f);
		epraccur_row(f, "F81004", "MADE UP SURGERY", "", "A", "99F", "20150101", "", 4);
		fclose(f);
		f = fopen(newer, "w");
		ck_assert_ptr_nonnull(f);
		epraccur_row(f, "F81004", "MADE UP SURGERY", "", "A", "99F", "20140601", "", 4);
		fclose(f);

		open_registry("redate.db");
		load_quietly(GOOD "eccg.csv", PCREG_IMPORT_ECCG, "2022-06-30");
		for (i = 0; i < 2; i++) {
			int newer_now = newest_first ? i == 0 : i == 1;

			load_quietly(newer_now ? newer : older, PCREG_IMPORT_EPRACCUR,
			             newer_now ? "2021-06-30" : "2019-06-30");
		}
		expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81004", "2014-07-01", "99F",
		       PCREG_CERTAINTY_STATED);
		ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice_commissioner"
		                                      " WHERE practice = 'F81004'"),
		                 1);
		journal = release_journal_dump();
		ck_assert_msg(strstr(journal, "epraccur 2021-06-30: 0 opened 0 closed 0 renamed 0 moved"
		                              " 0 merged 0 reclassified 1 redated\n  2014-06-01"
		                              " commissioner_membership F81004 2014-06-01 update"
		                              " from_date 2015-01-01 2014-06-01\n") != NULL,
		              "newest first %d:\n%s", newest_first, journal);
		free(journal);
		pcreg_db_close(db);
	}
}
END_TEST

/* Copy a file (a payments year under another year's name). */
static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[4096];
	size_t n;

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

/* List sizes and payments' contracts loaded before the practices wait
 * for them, and consecutive years are one contract, whatever the order. */
START_TEST(test_list_sizes_and_contracts_in_any_order)
{
	static const char dump_sql[] =
		"SELECT group_concat(line, char(10)) FROM ("
		" SELECT 'k ' || practice || ' ' || type || ' ' || coalesce(commissioner, '-') || ' '"
		"  || start_date || ' ' || coalesce(end_date, '-') AS line FROM contract"
		" UNION ALL SELECT 'l ' || practice || ' ' || extract_date || ' ' || registered"
		"  FROM list_size"
		" UNION ALL SELECT 'o ' || code || ' ' || name FROM other_organisation ORDER BY 1)";
	char later_year[512];
	char *dumps[2];
	int practices_first;

	snprintf(later_year, sizeof later_year, "%s", tu_path("nhspaymentsgp-17-18-prac-csv.csv"));
	copy_file(GOOD "nhspaymentsgp-16-17-prac-csv.csv", later_year);
	for (practices_first = 0; practices_first < 2; practices_first++) {
		open_registry("waiting.db");
		load_quietly(GOOD "eccg.csv", PCREG_IMPORT_ECCG, "2022-06-30");
		if (practices_first)
			load_quietly(GOOD "epraccur.csv", PCREG_IMPORT_EPRACCUR, "2022-06-30");
		load_quietly(later_year, PCREG_IMPORT_PAYMENTS, NULL);
		load_quietly(GOOD "gp-reg-pat-prac-all.csv", PCREG_IMPORT_LIST_SIZE, NULL);
		load_quietly(GOOD "nhspaymentsgp-16-17-prac-csv.csv", PCREG_IMPORT_PAYMENTS, NULL);
		if (!practices_first)
			load_quietly(GOOD "epraccur.csv", PCREG_IMPORT_EPRACCUR, "2022-06-30");
		pcreg_db_close(db);
		dumps[practices_first] = table_dump(dump_sql);
	}
	/* F81001's list size of 1 January 2021, though its file came first. */
	ck_assert_msg(strstr(dumps[0], "l F81001 2021-01-01 5123") != NULL, "%s", dumps[0]);
	/* Two years of GMS, loaded later year first: one contract. */
	ck_assert_msg(strstr(dumps[0], "k F81001 GMS 99F 2016-04-01 2018-03-31") != NULL, "%s",
	              dumps[0]);
	ck_assert_msg(strcmp(dumps[0], dumps[1]) == 0, "practices last:\n%s\n---\nfirst:\n%s",
	              dumps[0], dumps[1]);
	free(dumps[0]);
	free(dumps[1]);
}
END_TEST

/* A v3 registry keeps every answer: its periods become the evidence of
 * one release, dated by its last import, which later releases outrank. */
START_TEST(test_v3_registry_migrates)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_membership *m = NULL;
	pcreg_status st;

	snprintf(registry, sizeof registry, "%s", tu_path("v3.db"));
	unlink(registry);
	opts.flags = PCREG_OPEN_CREATE;
	opts.schema_version = 3;
	ck_assert_int_eq(pcreg_db_open(registry, &opts, &db), PCREG_OK);
	pcreg_db_close(db);
	tu_sql(registry,
	       "INSERT INTO commissioner (code, kind, name, open_date) VALUES"
	       " ('99F', 'ccg', 'NHS FICTIONAL VALE CCG', '2013-04-01');"
	       "INSERT INTO practice (code, name, status, prescribing_setting) VALUES"
	       " ('F81001', 'FICTIONAL MEADOW SURGERY', 'active', 4);"
	       "INSERT INTO practice_commissioner VALUES ('F81001', '99F', '2013-04-01', NULL);"
	       "INSERT INTO import (file_name, file_size, sha256, kind, mode, started_at,"
	       " finished_at) VALUES ('epraccur.csv', 1, printf('%064d', 0), 'epraccur', 'strict',"
	       " '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');");
	opts.flags = PCREG_OPEN_MIGRATE;
	opts.schema_version = 0;
	st = pcreg_db_open(registry, &opts, &db);
	ck_assert_msg(st == PCREG_OK, "%s", pcreg_status_str(st));
	OK(pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2019-01-01", &m));
	ck_assert_str_eq(pcreg_membership_organisation(m), "99F");
	pcreg_membership_free(m);
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "2019-01-01", "99F", PCREG_CERTAINTY_STATED);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM release WHERE kind = 'v3'"
	                                      " AND release_date = '2020-01-01'"),
	                 1);
	ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM observation WHERE kind = 'v3'"),
	                 2);
	pcreg_db_close(db);
}
END_TEST

/* ---- the real files ------------------------------------------------------------------------ */

static const char *real(const char *name)
{
	return tu_shared_data_file(name);
}

/* A81630: ODS moved it from 00M to 16C keeping its join date 2013-04-01,
 * though 16C opened on 2020-04-01, succeeding 00M. With the 2017/18
 * payments (00M), it was in 00M until 2020-03-31: a merger. Loaded
 * newest first. 07L on 2019-04-01, from the list sizes of 2021 and the
 * payments of 2017/18, has 30 or more practices. */
START_TEST(test_real_merger_and_past_membership)
{
	pcreg_membership_iter *it = NULL;
	const pcreg_membership *m;
	int members = 0;

	open_registry("real.db");
	load_quietly(real("contracts/nhspaymentsgp-17-18-csv.csv"), PCREG_IMPORT_PAYMENTS,
	             "2018-03-31");
	load_quietly(real("listsize/gp-reg-pat-prac-all.csv"), PCREG_IMPORT_LIST_SIZE, NULL);
	load_quietly(real("epraccur/epraccur.csv"), PCREG_IMPORT_EPRACCUR, "2025-04-23");
	load_quietly(real("ccg/succ.csv"), PCREG_IMPORT_SUCC, "2026-04-01");
	load_quietly(real("ccg/eccg.csv"), PCREG_IMPORT_ECCG, "2024-07-24");
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "A81630", "2019-04-01", "00M",
	       PCREG_CERTAINTY_INFERRED);
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "A81630", "2020-04-01", "16C", PCREG_CERTAINTY_STATED);
	expect(PCREG_MEMBERSHIP_COMMISSIONER, "A81630", "2013-04-01", NULL,
	       PCREG_CERTAINTY_NOT_KNOWN);
	OK(pcreg_membership_members_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "07L", "2019-04-01", &it));
	while (pcreg_membership_iter_next(it, &m) == PCREG_OK)
		members++;
	pcreg_membership_iter_free(it);
	ck_assert_int_ge(members, 30);
	pcreg_db_close(db);
}
END_TEST

/* K83059: the ePCN release of 2022 says it joined U09772 on 2019-10-01; an
 * earlier release (made here by editing a copy) said 2019-12-01. The newer
 * start holds, whatever the order. */
START_TEST(test_real_newer_start_date_moves_the_start)
{
	const char *older = tu_path("partners-older.csv");
	char line[8192];
	FILE *in, *out;
	int order, edited = 0;

	in = fopen(real("pcn/ePCN_PCN_Core_Partner_Details.csv"), "r");
	out = fopen(older, "w");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof line, in)) {
		char *at = strstr(line, ",20191001,");

		if (strncmp(line, "K83059,", 7) == 0 && at) {
			memcpy(at, ",20191201,", 10);
			edited++;
		}
		fputs(line, out);
	}
	fclose(in);
	fclose(out);
	ck_assert_int_eq(edited, 1);
	for (order = 0; order < 2; order++) {
		open_registry("k83059.db");
		load_quietly(real("epraccur/epraccur.csv"), PCREG_IMPORT_EPRACCUR, "2025-04-23");
		load_quietly(real("pcn/ePCN_PCNDetails.csv"), PCREG_IMPORT_PCN_DETAILS, "2022-05-01");
		load_quietly(order ? older : real("pcn/ePCN_PCN_Core_Partner_Details.csv"),
		             PCREG_IMPORT_PCN_PARTNERS, order ? "2021-01-01" : "2022-05-01");
		load_quietly(order ? real("pcn/ePCN_PCN_Core_Partner_Details.csv") : older,
		             PCREG_IMPORT_PCN_PARTNERS, order ? "2022-05-01" : "2021-01-01");
		expect(PCREG_MEMBERSHIP_NETWORK, "K83059", "2019-11-01", "U09772",
		       PCREG_CERTAINTY_STATED);
		ck_assert_int_eq(tu_sql_int(registry, "SELECT count(*) FROM practice_network"
		                                      " WHERE practice = 'K83059'"),
		                 1);
		pcreg_db_close(db);
	}
}
END_TEST

/* check: no errors on the real set, whatever the order; notes counted. */
START_TEST(test_real_check_has_no_errors)
{
	pcreg_finding_iter *it = NULL;
	const pcreg_finding *f;
	int errors = 0, notes = 0;

	open_registry("check.db");
	load_quietly(real("pcn/ePCN_PCN_Core_Partner_Details.csv"), PCREG_IMPORT_PCN_PARTNERS,
	             "2022-05-01");
	load_quietly(real("epraccur/releases/epraccur-2021-11.csv"), PCREG_IMPORT_EPRACCUR,
	             "2021-11-04");
	load_quietly(real("epraccur/epraccur.csv"), PCREG_IMPORT_EPRACCUR, "2025-04-23");
	load_quietly(real("pcn/ePCN_PCNDetails.csv"), PCREG_IMPORT_PCN_DETAILS, "2022-05-01");
	load_quietly(real("ccg/eccg.csv"), PCREG_IMPORT_ECCG, "2024-07-24");
	load_quietly(real("ccg/succ.csv"), PCREG_IMPORT_SUCC, "2026-04-01");
	load_quietly(real("contracts/nhspaymentsgp-21-22-prac-csv-v2.csv"), PCREG_IMPORT_PAYMENTS,
	             "2022-03-31");
	OK(pcreg_check_run(db, &it));
	while (pcreg_finding_iter_next(it, &f) == PCREG_OK) {
		if (pcreg_finding_is_note(f)) {
			notes++;
		} else {
			fprintf(stderr, "%s: %s\n", pcreg_finding_check(f), pcreg_finding_detail(f));
			errors++;
		}
	}
	pcreg_finding_iter_free(it);
	ck_assert_int_eq(errors, 0);
	ck_assert_int_gt(notes, 0);
	pcreg_db_close(db);
}
END_TEST

static Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *made_up = tcase_create("made up");
	TCase *real_files = tu_shared_data_tcase("real");

	tcase_set_timeout(made_up, 120);
	tcase_add_test(made_up, test_order_does_not_matter);
	tcase_add_test(made_up, test_answers_and_their_certainty);
	tcase_add_test(made_up, test_same_release_twice_changes_nothing);
	tcase_add_test(made_up, test_same_release_in_another_file_form);
	tcase_add_test(made_up, test_unknown_references_are_kept_as_evidence);
	tcase_add_test(made_up, test_v3_registry_migrates);
	tcase_add_test(made_up, test_practice_as_of_a_date);
	tcase_add_test(made_up, test_commissioner_as_of_a_date);
	tcase_add_test(made_up, test_network_renamed);
	tcase_add_test(made_up, test_known_at);
	tcase_add_test(made_up, test_reports_count_uncertain_rows);
	tcase_add_test(made_up, test_newer_start_is_a_redating);
	tcase_add_test(made_up, test_list_sizes_and_contracts_in_any_order);
	suite_add_tcase(s, made_up);
	tcase_set_timeout(real_files, 900);
	tcase_add_test(real_files, test_real_merger_and_past_membership);
	tcase_add_test(real_files, test_real_newer_start_date_moves_the_start);
	tcase_add_test(real_files, test_real_check_has_no_errors);
	suite_add_tcase(s, real_files);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(history_suite());
}
