/*
 * check_succession.c: successions: get, insert, update, delete, list, and
 * resolving a code to the one in use on a date.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;

static void setup(void)
{
	db = tu_open(":memory:", 0);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

/* ---- helpers ------------------------------------------------------------------- */

static pcreg_succession *make(const char *old_code, const char *new_code, const char *date)
{
	pcreg_succession *s = NULL;

	ck_assert_int_eq(pcreg_succession_new(&s), PCREG_OK);
	ck_assert_int_eq(pcreg_succession_set_old_code(s, old_code), PCREG_OK);
	ck_assert_int_eq(pcreg_succession_set_new_code(s, new_code), PCREG_OK);
	ck_assert_int_eq(pcreg_succession_set_effective_date(s, date), PCREG_OK);
	return s;
}

static void add_to(pcreg_db *to, const char *old_code, const char *new_code, const char *date)
{
	pcreg_succession *s = make(old_code, new_code, date);

	ck_assert_msg(pcreg_succession_insert(to, s) == PCREG_OK, "%s", pcreg_db_errmsg(to));
	pcreg_succession_free(s);
}

static void add(const char *old_code, const char *new_code, const char *date)
{
	add_to(db, old_code, new_code, date);
}

/* "old>new@date" for each row, joined by spaces; frees the iterator. */
static char *rows(pcreg_succession_iter *it)
{
	static char buf[2048];
	const pcreg_succession *s;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_succession_iter_next(it, &s)) == PCREG_OK) {
		char row[64];

		snprintf(row, sizeof row, "%s%s>%s@%s", buf[0] ? " " : "",
		         pcreg_succession_old_code(s), pcreg_succession_new_code(s),
		         pcreg_succession_effective_date(s));
		strcat(buf, row);
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_succession_iter_next(it, &s), PCREG_DONE);
	ck_assert_ptr_null(s);
	pcreg_succession_iter_free(it);
	return buf;
}

static char *all_rows(pcreg_db *from)
{
	pcreg_succession_iter *it = NULL;

	ck_assert_int_eq(pcreg_succession_list(from, NULL, &it), PCREG_OK);
	return rows(it);
}

/* "CODE" or "CODE (n steps: a@d b@d ...)" with "?" when ambiguous. */
static char *resolved(const char *code, const char *on)
{
	static char buf[2048];
	pcreg_resolution *r = NULL;
	pcreg_status st = pcreg_succession_resolve(db, code, on, &r);
	int i, n;

	ck_assert_msg(st == PCREG_OK, "resolving %s on %s: %s", code, on, pcreg_db_errmsg(db));
	n = pcreg_resolution_steps(r);
	snprintf(buf, sizeof buf, "%s", pcreg_resolution_code(r));
	if (n > 0) {
		strcat(buf, " (");
		for (i = 0; i < n; i++) {
			char step[40];

			snprintf(step, sizeof step, "%s%s@%s", i ? " " : "",
			         pcreg_resolution_step_code(r, i), pcreg_resolution_step_date(r, i));
			strcat(buf, step);
		}
		strcat(buf, ")");
	}
	if (pcreg_resolution_ambiguous(r))
		strcat(buf, "?");
	ck_assert_ptr_null(pcreg_resolution_step_code(r, n));
	ck_assert_ptr_null(pcreg_resolution_step_date(r, n));
	ck_assert_ptr_null(pcreg_resolution_step_code(r, -1));
	ck_assert_ptr_null(pcreg_resolution_step_date(r, -1));
	pcreg_resolution_free(r);
	return buf;
}

/* ---- records ------------------------------------------------------------------- */

START_TEST(test_insert_get_roundtrip)
{
	pcreg_succession *s = make("07L", "A3A8R", "2021-04-01");
	pcreg_succession *got = NULL;

	ck_assert_int_eq(pcreg_succession_insert(db, s), PCREG_OK);
	pcreg_succession_free(s);
	ck_assert_int_eq(pcreg_succession_get(db, "07L", "A3A8R", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_succession_old_code(got), "07L");
	ck_assert_str_eq(pcreg_succession_new_code(got), "A3A8R");
	ck_assert_str_eq(pcreg_succession_effective_date(got), "2021-04-01");

	/* Update changes the effective date. */
	ck_assert_int_eq(pcreg_succession_set_effective_date(got, "2021-04-02"), PCREG_OK);
	ck_assert_int_eq(pcreg_succession_update(db, got), PCREG_OK);
	pcreg_succession_free(got);
	ck_assert_int_eq(pcreg_succession_get(db, "07L", "A3A8R", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_succession_effective_date(got), "2021-04-02");
	pcreg_succession_free(got);

	/* Codes of any organisation, up to 12 characters. */
	add("RXYZ12345678", "RABC", "2001-01-01");
	ck_assert_str_eq(all_rows(db), "07L>A3A8R@2021-04-02 RXYZ12345678>RABC@2001-01-01");
	ck_assert_int_eq(pcreg_succession_delete(db, "07L", "A3A8R"), PCREG_OK);
	ck_assert_str_eq(all_rows(db), "RXYZ12345678>RABC@2001-01-01");
}
END_TEST

START_TEST(test_not_found_and_exists)
{
	pcreg_succession *s = NULL;

	tu_assert_status(db, pcreg_succession_get(db, "07L", "A3A8R", &s), PCREG_NOTFOUND,
	                 "succession 07L A3A8R: not found");
	ck_assert_ptr_null(s);
	add("07L", "A3A8R", "2021-04-01");
	s = make("07L", "A3A8R", "2020-01-01");
	tu_assert_status(db, pcreg_succession_insert(db, s), PCREG_EXISTS,
	                 "succession 07L A3A8R: already exists");
	ck_assert_int_eq(pcreg_succession_set_new_code(s, "QMF"), PCREG_OK);
	tu_assert_status(db, pcreg_succession_update(db, s), PCREG_NOTFOUND,
	                 "succession 07L QMF: not found");
	pcreg_succession_free(s);
	tu_assert_status(db, pcreg_succession_delete(db, "07L", "QMF"), PCREG_NOTFOUND,
	                 "succession 07L QMF: not found");
	tu_assert_status(db, pcreg_succession_delete(db, "08F", "A3A8R"), PCREG_NOTFOUND,
	                 "succession 08F A3A8R: not found");
	/* The refused writes changed nothing. */
	ck_assert_str_eq(all_rows(db), "07L>A3A8R@2021-04-01");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *old_code, *new_code, *date, *message;
	} cases[] = {
		{ "07", "A3A8R", "2021-04-01", "succession.old_code: \"07\" is not an ODS code" },
		{ "07l", "A3A8R", "2021-04-01", "succession.old_code: \"07l\" is not an ODS code" },
		{ NULL, "A3A8R", "2021-04-01", "succession.old_code: is required" },
		{ "07L", "A3A8R-", "2021-04-01", "succession.new_code: \"A3A8R-\" is not an ODS code" },
		{ "07L", "ABCDEFGHIJKLM", "2021-04-01",
		  "succession.new_code: \"ABCDEFGHIJKLM\" is not an ODS code" },
		{ "07L", "", "2021-04-01", "succession.new_code: is empty" },
		{ "07L", "07L", "2021-04-01", "succession.new_code: 07L is the same as old_code" },
		{ "07L", "A3A8R", NULL, "succession.effective_date: is required" },
		{ "07L", "A3A8R", "20210401",
		  "succession.effective_date: \"20210401\" is not a real date" },
		{ "07L", "A3A8R", "2021-04-31",
		  "succession.effective_date: \"2021-04-31\" is not a real date" },
	};
	size_t i;
	pcreg_succession *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = make(cases[i].old_code, cases[i].new_code, cases[i].date);
		tu_assert_status(db, pcreg_succession_insert(db, s), PCREG_INVALID, cases[i].message);
		pcreg_succession_free(s);
	}
	ck_assert_str_eq(all_rows(db), "");

	/* A bad date is refused on update too, and changes nothing. */
	add("07L", "A3A8R", "2021-04-01");
	s = make("07L", "A3A8R", "2021-02-30");
	tu_assert_status(db, pcreg_succession_update(db, s), PCREG_INVALID,
	                 "succession.effective_date: \"2021-02-30\" is not a real date");
	pcreg_succession_set_effective_date(s, NULL);
	tu_assert_status(db, pcreg_succession_update(db, s), PCREG_INVALID,
	                 "succession.effective_date: is required");
	pcreg_succession_free(s);
	ck_assert_str_eq(all_rows(db), "07L>A3A8R@2021-04-01");
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_succession_query q = PCREG_SUCCESSION_QUERY_INIT;
	pcreg_succession_iter *it = NULL;

	add("08F", "A3A8R", "2021-04-01");
	add("07L", "A3A8R", "2021-04-01");
	add("07L", "X0002", "2019-04-01");
	add("07L", "X0001", "2019-04-01");
	add("99E", "06Q", "2020-04-01");

	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>X0001@2019-04-01 07L>X0002@2019-04-01 07L>A3A8R@2021-04-01"
	                           " 08F>A3A8R@2021-04-01 99E>06Q@2020-04-01");
	q.old_code = "07L";
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>X0001@2019-04-01 07L>X0002@2019-04-01 07L>A3A8R@2021-04-01");

	pcreg_succession_query_init(&q, PCREG_SUCCESSION_QUERY_VERSION);
	q.new_code = "A3A8R";
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>A3A8R@2021-04-01 08F>A3A8R@2021-04-01");

	/* The date range includes both ends. */
	pcreg_succession_query_init(&q, PCREG_SUCCESSION_QUERY_VERSION);
	q.from = "2020-04-01";
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>A3A8R@2021-04-01 08F>A3A8R@2021-04-01 99E>06Q@2020-04-01");
	q.to = "2021-03-31";
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "99E>06Q@2020-04-01");
	q.from = NULL;
	q.to = "2019-04-01";
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>X0001@2019-04-01 07L>X0002@2019-04-01");

	pcreg_succession_query_init(&q, PCREG_SUCCESSION_QUERY_VERSION);
	q.limit = 2;
	q.offset = 2;
	ck_assert_int_eq(pcreg_succession_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "07L>A3A8R@2021-04-01 08F>A3A8R@2021-04-01");

	/* Bad queries. */
	pcreg_succession_query_init(&q, PCREG_SUCCESSION_QUERY_VERSION);
	q.from = "2021-13-01";
	tu_assert_status(db, pcreg_succession_list(db, &q, &it), PCREG_INVALID,
	                 "query.from: \"2021-13-01\" is not a real date");
	ck_assert_ptr_null(it);
	q.from = NULL;
	q.to = "yesterday";
	tu_assert_status(db, pcreg_succession_list(db, &q, &it), PCREG_INVALID, "query.to");
	q.to = NULL;
	q.version = 0;
	tu_assert_status(db, pcreg_succession_list(db, &q, &it), PCREG_MISUSE, "query version 0");
	ck_assert_int_eq(pcreg_succession_query_init(NULL, PCREG_SUCCESSION_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_query_init(&q, 99), PCREG_MISUSE);
}
END_TEST

/* ---- resolving ----------------------------------------------------------------- */

/* The real merger in ODS's succ file: Barking and Dagenham CCG into
 * North East London CCG on 1 April 2021. */
START_TEST(test_resolve_real_merger)
{
	add("07L", "A3A8R", "2021-04-01");
	ck_assert_str_eq(resolved("07L", "2021-04-01"), "A3A8R (A3A8R@2021-04-01)");
	ck_assert_str_eq(resolved("07L", "2025-01-01"), "A3A8R (A3A8R@2021-04-01)");
	/* The day before, 07L was still in use. */
	ck_assert_str_eq(resolved("07L", "2021-03-31"), "07L");
	/* The successor has no successor of its own. */
	ck_assert_str_eq(resolved("A3A8R", "2025-01-01"), "A3A8R");
}
END_TEST

START_TEST(test_resolve_chain)
{
	add("X01", "X02", "2018-04-01");
	add("X02", "X03", "2020-04-01");
	add("X03", "X04", "2022-07-01");

	ck_assert_str_eq(resolved("X01", "2018-03-31"), "X01");
	ck_assert_str_eq(resolved("X01", "2019-01-01"), "X02 (X02@2018-04-01)");
	ck_assert_str_eq(resolved("X01", "2021-01-01"), "X03 (X02@2018-04-01 X03@2020-04-01)");
	ck_assert_str_eq(resolved("X01", "2022-07-01"),
	                 "X04 (X02@2018-04-01 X03@2020-04-01 X04@2022-07-01)");
	/* Starting part way along. */
	ck_assert_str_eq(resolved("X02", "2022-07-01"), "X04 (X03@2020-04-01 X04@2022-07-01)");
}
END_TEST

/* Each step takes the latest successor by the date asked about, and
 * never one that took effect before the step that led there. */
START_TEST(test_resolve_latest_and_forward_only)
{
	add("Z01", "Z02", "2018-04-01");
	add("Z01", "Z03", "2020-04-01");
	ck_assert_str_eq(resolved("Z01", "2019-01-01"), "Z02 (Z02@2018-04-01)");
	ck_assert_str_eq(resolved("Z01", "2020-04-01"), "Z03 (Z03@2020-04-01)");

	/* Y02 was succeeded by Y03 in 2019, before Y01 passed to it in 2020:
	 * by then that succession was history. */
	add("Y01", "Y02", "2020-04-01");
	add("Y02", "Y03", "2019-04-01");
	ck_assert_str_eq(resolved("Y01", "2021-01-01"), "Y02 (Y02@2020-04-01)");
	ck_assert_str_eq(resolved("Y02", "2021-01-01"), "Y03 (Y03@2019-04-01)");

	/* Several successions on one day follow each other. */
	add("W01", "W02", "2021-04-01");
	add("W02", "W03", "2021-04-01");
	ck_assert_str_eq(resolved("W01", "2021-04-01"), "W03 (W02@2021-04-01 W03@2021-04-01)");
}
END_TEST

/* A split: one code, several successors on one date. */
START_TEST(test_resolve_split)
{
	add("S01", "S03", "2020-04-01");
	add("S01", "S02", "2020-04-01");
	add("S01", "S00", "2019-04-01");
	ck_assert_str_eq(resolved("S01", "2020-04-01"), "S02 (S02@2020-04-01)?");
	/* Before the split the answer is not ambiguous. */
	ck_assert_str_eq(resolved("S01", "2019-06-01"), "S00 (S00@2019-04-01)");
	/* A split further along makes the whole answer ambiguous. */
	add("R01", "S01", "2018-04-01");
	ck_assert_str_eq(resolved("R01", "2021-01-01"), "S02 (S01@2018-04-01 S02@2020-04-01)?");
}
END_TEST

START_TEST(test_resolve_cycle)
{
	pcreg_resolution *r = NULL;

	add("A01", "B01", "2020-01-01");
	add("B01", "A01", "2020-01-01");
	tu_assert_status(db, pcreg_succession_resolve(db, "A01", "2020-06-01", &r), PCREG_CYCLE,
	                 "A01 -> B01 -> A01");
	ck_assert_ptr_null(r);
	tu_assert_status(db, pcreg_succession_resolve(db, "B01", "2020-01-01", &r), PCREG_CYCLE,
	                 "B01 -> A01 -> B01");
	/* Before the cycle's date there is nothing to follow. */
	ck_assert_str_eq(resolved("A01", "2019-12-31"), "A01");

	/* Back to a code on a later date is not a cycle: the chain ends there. */
	add("A02", "B02", "2020-01-01");
	add("B02", "A02", "2021-01-01");
	ck_assert_str_eq(resolved("A02", "2022-01-01"), "A02 (B02@2020-01-01 A02@2021-01-01)");
	ck_assert_str_eq(resolved("A02", "2020-06-01"), "B02 (B02@2020-01-01)");

	/* A cycle that does not come back to the start. */
	add("C01", "A01", "2019-01-01");
	tu_assert_status(db, pcreg_succession_resolve(db, "C01", "2020-06-01", &r), PCREG_CYCLE,
	                 "C01 -> A01 -> B01 -> A01");
	ck_assert_ptr_null(r);
}
END_TEST

/* At most 64 steps; a 65th is taken for a cycle. */
START_TEST(test_resolve_step_limit)
{
	pcreg_resolution *r = NULL;
	char old_code[8], new_code[8];
	int i;

	for (i = 0; i < 64; i++) {
		snprintf(old_code, sizeof old_code, "L%03d", i);
		snprintf(new_code, sizeof new_code, "L%03d", i + 1);
		add(old_code, new_code, "2020-01-01");
	}
	ck_assert_int_eq(pcreg_succession_resolve(db, "L000", "2020-01-01", &r), PCREG_OK);
	ck_assert_str_eq(pcreg_resolution_code(r), "L064");
	ck_assert_int_eq(pcreg_resolution_steps(r), 64);
	ck_assert_str_eq(pcreg_resolution_step_code(r, 63), "L064");
	ck_assert_int_eq(pcreg_resolution_ambiguous(r), 0);
	pcreg_resolution_free(r);

	add("L064", "L065", "2020-01-01");
	tu_assert_status(db, pcreg_succession_resolve(db, "L000", "2020-01-01", &r), PCREG_CYCLE,
	                 "more than 64 steps");
	ck_assert_ptr_null(r);
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "L000 -> ") != NULL, "%s", pcreg_db_errmsg(db));
	ck_assert_msg(strstr(pcreg_db_errmsg(db), " -> L064 -> L065") != NULL, "%s",
	              pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_succession_resolve(db, "L001", "2020-01-01", &r), PCREG_OK);
	ck_assert_str_eq(pcreg_resolution_code(r), "L065");
	pcreg_resolution_free(r);
}
END_TEST

/* A chain too long to show whole keeps its start and its end. */
START_TEST(test_resolve_long_chain_message)
{
	pcreg_resolution *r = NULL;
	char old_code[16], new_code[16];
	const char *message;
	int i;

	for (i = 0; i < 65; i++) {
		snprintf(old_code, sizeof old_code, "LONGCODE%04d", i);
		snprintf(new_code, sizeof new_code, "LONGCODE%04d", i + 1);
		add(old_code, new_code, "2020-01-01");
	}
	tu_assert_status(db, pcreg_succession_resolve(db, "LONGCODE0000", "2020-01-01", &r),
	                 PCREG_CYCLE, "more than 64 steps: LONGCODE0000 -> LONGCODE0001 -> ");
	message = pcreg_db_errmsg(db);
	ck_assert_msg(strstr(message, " -> ... -> LONGCODE0064 -> LONGCODE0065") != NULL, "%s",
	              message);
	ck_assert_msg(strlen(message) < 1000, "%s", message);
}
END_TEST

START_TEST(test_resolve_unknown_and_bad_arguments)
{
	pcreg_resolution *r = NULL;

	/* A code nothing succeeded resolves to itself. */
	ck_assert_int_eq(pcreg_succession_resolve(db, "ZZZ", "2020-01-01", &r), PCREG_OK);
	ck_assert_str_eq(pcreg_resolution_code(r), "ZZZ");
	ck_assert_int_eq(pcreg_resolution_steps(r), 0);
	ck_assert_int_eq(pcreg_resolution_ambiguous(r), 0);
	ck_assert_ptr_null(pcreg_resolution_step_code(r, 0));
	pcreg_resolution_free(r);
	r = NULL;

	ck_assert_int_eq(pcreg_succession_resolve(NULL, "07L", "2020-01-01", &r), PCREG_MISUSE);
	tu_assert_status(db, pcreg_succession_resolve(db, NULL, "2020-01-01", &r), PCREG_MISUSE,
	                 "code is NULL");
	tu_assert_status(db, pcreg_succession_resolve(db, "07L", NULL, &r), PCREG_MISUSE,
	                 "on_date is NULL");
	tu_assert_status(db, pcreg_succession_resolve(db, "07L", "2020-01-01", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_succession_resolve(db, "07l", "2020-01-01", &r), PCREG_INVALID,
	                 "code: \"07l\" is not an ODS code");
	ck_assert_ptr_null(r);
	tu_assert_status(db, pcreg_succession_resolve(db, "ABCDEFGHIJKLM", "2020-01-01", &r),
	                 PCREG_INVALID, "code: \"ABCDEFGHIJKLM\" is not an ODS code");
	tu_assert_status(db, pcreg_succession_resolve(db, "07L", "2020-02-30", &r), PCREG_INVALID,
	                 "on_date: \"2020-02-30\" is not a real date");
	ck_assert_ptr_null(r);

	/* The accessors read a NULL result as empty. */
	ck_assert_ptr_null(pcreg_resolution_code(NULL));
	ck_assert_int_eq(pcreg_resolution_steps(NULL), 0);
	ck_assert_ptr_null(pcreg_resolution_step_code(NULL, 0));
	ck_assert_ptr_null(pcreg_resolution_step_date(NULL, 0));
	ck_assert_int_eq(pcreg_resolution_ambiguous(NULL), 0);
	pcreg_resolution_free(NULL);
}
END_TEST

/* Inside a caller's transaction, resolving sees its uncommitted writes. */
START_TEST(test_resolve_in_transaction)
{
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	add("07L", "A3A8R", "2021-04-01");
	ck_assert_str_eq(resolved("07L", "2021-04-01"), "A3A8R (A3A8R@2021-04-01)");
	ck_assert_int_eq(pcreg_db_rollback(db), PCREG_OK);
	ck_assert_str_eq(resolved("07L", "2021-04-01"), "07L");
}
END_TEST

/* Resolving while an iterator is open on the same handle. */
START_TEST(test_resolve_while_iterating)
{
	pcreg_succession_iter *it = NULL;
	const pcreg_succession *s;
	int n = 0;

	add("07L", "A3A8R", "2021-04-01");
	add("08F", "A3A8R", "2021-04-01");
	ck_assert_int_eq(pcreg_succession_list(db, NULL, &it), PCREG_OK);
	while (pcreg_succession_iter_next(it, &s) == PCREG_OK) {
		ck_assert_str_eq(resolved(pcreg_succession_old_code(s), "2022-01-01"),
		                 "A3A8R (A3A8R@2021-04-01)");
		n++;
	}
	ck_assert_msg(pcreg_db_errcode(db) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_succession_iter_free(it);
	ck_assert_int_eq(n, 2);
}
END_TEST

/* Each step is an index seek on succession_by_date, never a scan. */
START_TEST(test_resolve_step_is_a_seek)
{
	const char *plan;

	add("07L", "A3A8R", "2021-04-01");
	tu_watch("FROM succession ");
	ck_assert_str_eq(resolved("07L", "2021-04-01"), "A3A8R (A3A8R@2021-04-01)");
	ck_assert_int_eq(tu_watched_count(), 2); /* one seek per step, and one that finds nothing */
	ck_assert_msg(strstr(tu_watched_sql(), "ORDER BY effective_date DESC") != NULL, "%s",
	              tu_watched_sql());
	plan = tu_watched_plan();
	ck_assert_msg(strstr(plan, "SEARCH succession USING COVERING INDEX succession_by_date") !=
	                      NULL,
	              "plan: %s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "plan: %s", plan);
}
END_TEST

/* ---- errors of the record calls ----------------------------------------------- */

START_TEST(test_null_arguments)
{
	pcreg_succession *s = NULL;
	pcreg_succession_iter *it = NULL;

	ck_assert_int_eq(pcreg_succession_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_get(NULL, "07L", "A3A8R", &s), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_insert(NULL, s), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_update(NULL, s), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_delete(NULL, "07L", "A3A8R"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_succession_get(db, NULL, "A3A8R", &s), PCREG_MISUSE,
	                 "old_code is NULL");
	tu_assert_status(db, pcreg_succession_get(db, "07L", NULL, &s), PCREG_MISUSE,
	                 "new_code is NULL");
	tu_assert_status(db, pcreg_succession_get(db, "07L", "A3A8R", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_succession_insert(db, NULL), PCREG_MISUSE, "succession is NULL");
	tu_assert_status(db, pcreg_succession_update(db, NULL), PCREG_MISUSE, "succession is NULL");
	tu_assert_status(db, pcreg_succession_delete(db, NULL, "A3A8R"), PCREG_MISUSE,
	                 "old_code is NULL");
	tu_assert_status(db, pcreg_succession_delete(db, "07L", NULL), PCREG_MISUSE,
	                 "new_code is NULL");
	tu_assert_status(db, pcreg_succession_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_succession_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_succession_iter_free(NULL);
	pcreg_succession_free(NULL);
	ck_assert_ptr_null(pcreg_succession_old_code(NULL));
	ck_assert_ptr_null(pcreg_succession_effective_date(NULL));
	ck_assert_int_eq(pcreg_succession_set_new_code(NULL, "A3A8R"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_succession_set_effective_date(NULL, "2021-04-01"), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	const char *path = tu_path("succession-ro.db");
	pcreg_db *rw = tu_open(path, PCREG_OPEN_CREATE), *ro;
	pcreg_succession *s = make("08F", "A3A8R", "2021-04-01");
	pcreg_resolution *r = NULL;

	add_to(rw, "07L", "A3A8R", "2021-04-01");
	pcreg_db_close(rw);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	tu_assert_status(ro, pcreg_succession_insert(ro, s), PCREG_READONLY, "read-only");
	pcreg_succession_set_old_code(s, "07L");
	pcreg_succession_set_effective_date(s, "2020-01-01");
	tu_assert_status(ro, pcreg_succession_update(ro, s), PCREG_READONLY, "read-only");
	tu_assert_status(ro, pcreg_succession_delete(ro, "07L", "A3A8R"), PCREG_READONLY,
	                 "read-only");
	pcreg_succession_free(s);
	/* Reading and resolving work, and nothing changed. */
	ck_assert_str_eq(all_rows(ro), "07L>A3A8R@2021-04-01");
	ck_assert_int_eq(pcreg_succession_resolve(ro, "07L", "2021-04-01", &r), PCREG_OK);
	ck_assert_str_eq(pcreg_resolution_code(r), "A3A8R");
	pcreg_resolution_free(r);
	pcreg_db_close(ro);
}
END_TEST

static Suite *succession_suite(void)
{
	Suite *s = suite_create("succession");
	TCase *tc = tcase_create("succession");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_not_found_and_exists);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_resolve_real_merger);
	tcase_add_test(tc, test_resolve_chain);
	tcase_add_test(tc, test_resolve_latest_and_forward_only);
	tcase_add_test(tc, test_resolve_split);
	tcase_add_test(tc, test_resolve_cycle);
	tcase_add_test(tc, test_resolve_step_limit);
	tcase_add_test(tc, test_resolve_long_chain_message);
	tcase_add_test(tc, test_resolve_unknown_and_bad_arguments);
	tcase_add_test(tc, test_resolve_in_transaction);
	tcase_add_test(tc, test_resolve_while_iterating);
	tcase_add_test(tc, test_resolve_step_is_a_seek);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	int status;

	tu_init();
	tu_watch_statements();
	status = tu_run(succession_suite());
	return status;
}
