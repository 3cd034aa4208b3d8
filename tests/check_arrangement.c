/*
 * check_arrangement.c: co-commissioning arrangements: get, insert,
 * update, delete, list, and the arrangement on a date.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;

static void add_commissioner(pcreg_db *to, const char *code)
{
	pcreg_commissioner *c = NULL;

	ck_assert_int_eq(pcreg_commissioner_new(&c), PCREG_OK);
	pcreg_commissioner_set_code(c, code);
	pcreg_commissioner_set_kind(c, PCREG_COMMISSIONER_CCG);
	pcreg_commissioner_set_name(c, "Fictional CCG");
	ck_assert_msg(pcreg_commissioner_insert(to, c) == PCREG_OK, "%s", pcreg_db_errmsg(to));
	pcreg_commissioner_free(c);
}

static void setup(void)
{
	db = tu_open(":memory:", 0);
	add_commissioner(db, "07L");
	add_commissioner(db, "08F");
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

/* ---- helpers ------------------------------------------------------------------- */

static pcreg_arrangement *make(const char *commissioner, pcreg_arrangement_level_value level,
                               const char *from, const char *to)
{
	pcreg_arrangement *a = NULL;

	ck_assert_int_eq(pcreg_arrangement_new(&a), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_set_commissioner(a, commissioner), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_set_level(a, level), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_set_from_date(a, from), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_set_to_date(a, to), PCREG_OK);
	return a;
}

/* Insert and return the id. */
static int64_t add_to(pcreg_db *to, const char *commissioner, pcreg_arrangement_level_value level,
                      const char *from, const char *until)
{
	pcreg_arrangement *a = make(commissioner, level, from, until);
	int64_t id;

	ck_assert_msg(pcreg_arrangement_insert(to, a) == PCREG_OK, "%s", pcreg_db_errmsg(to));
	id = pcreg_arrangement_id(a);
	ck_assert_int_gt(id, 0);
	pcreg_arrangement_free(a);
	return id;
}

static int64_t add(const char *commissioner, pcreg_arrangement_level_value level,
                   const char *from, const char *until)
{
	return add_to(db, commissioner, level, from, until);
}

/* "commissioner:level:from..to" for each row, joined by spaces; frees the
 * iterator. */
static char *rows(pcreg_db *from, pcreg_arrangement_iter *it)
{
	static char buf[2048];
	const pcreg_arrangement *a;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_arrangement_iter_next(it, &a)) == PCREG_OK) {
		char row[96];

		snprintf(row, sizeof row, "%s%s:%s:%s..%s", buf[0] ? " " : "",
		         pcreg_arrangement_commissioner(a),
		         pcreg_arrangement_level_str(pcreg_arrangement_level(a)),
		         pcreg_arrangement_from_date(a),
		         pcreg_arrangement_to_date(a) ? pcreg_arrangement_to_date(a) : "");
		strcat(buf, row);
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(from));
	ck_assert_int_eq(pcreg_arrangement_iter_next(it, &a), PCREG_DONE);
	ck_assert_ptr_null(a);
	pcreg_arrangement_iter_free(it);
	return buf;
}

static char *all_rows(pcreg_db *from)
{
	pcreg_arrangement_iter *it = NULL;

	ck_assert_int_eq(pcreg_arrangement_list(from, NULL, &it), PCREG_OK);
	return rows(from, it);
}

/* The level on a date as its word, "none" when there is no arrangement. */
static const char *level_on(const char *commissioner, const char *date)
{
	pcreg_arrangement *a = NULL;
	pcreg_status st = pcreg_arrangement_on(db, commissioner, date, &a);
	const char *word;

	if (st == PCREG_NOTFOUND) {
		ck_assert_ptr_null(a);
		ck_assert_msg(strstr(pcreg_db_errmsg(db), "no arrangement on") != NULL, "%s",
		              pcreg_db_errmsg(db));
		return "none";
	}
	ck_assert_msg(st == PCREG_OK, "%s on %s: %s", commissioner, date, pcreg_db_errmsg(db));
	ck_assert_str_eq(pcreg_arrangement_commissioner(a), commissioner);
	word = pcreg_arrangement_level_str(pcreg_arrangement_level(a));
	pcreg_arrangement_free(a);
	return word;
}

/* ---- tests --------------------------------------------------------------------- */

START_TEST(test_insert_get_roundtrip)
{
	/* Medway applied for delegated commissioning from 1 April 2016. */
	pcreg_arrangement *a = make("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01", "2016-03-31");
	pcreg_arrangement *got = NULL;
	int64_t id;

	ck_assert_int_eq(pcreg_arrangement_id(a), 0);
	ck_assert_int_eq(pcreg_arrangement_insert(db, a), PCREG_OK);
	id = pcreg_arrangement_id(a);
	ck_assert_int_gt(id, 0);
	pcreg_arrangement_free(a);

	ck_assert_int_eq(pcreg_arrangement_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_id(got), id);
	ck_assert_str_eq(pcreg_arrangement_commissioner(got), "07L");
	ck_assert_int_eq(pcreg_arrangement_level(got), PCREG_ARRANGEMENT_JOINT);
	ck_assert_str_eq(pcreg_arrangement_from_date(got), "2015-04-01");
	ck_assert_str_eq(pcreg_arrangement_to_date(got), "2016-03-31");

	/* A record from get can be changed and written back. */
	ck_assert_int_eq(pcreg_arrangement_set_level(got, PCREG_ARRANGEMENT_GREATER_INVOLVEMENT),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_set_to_date(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_update(db, got), PCREG_OK);
	pcreg_arrangement_free(got);
	ck_assert_int_eq(pcreg_arrangement_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_level(got), PCREG_ARRANGEMENT_GREATER_INVOLVEMENT);
	ck_assert_ptr_null(pcreg_arrangement_to_date(got));
	pcreg_arrangement_free(got);

	/* A second one gets another id. */
	ck_assert_int_ne(add("08F", PCREG_ARRANGEMENT_DELEGATED, "2017-04-01", NULL), id);
	ck_assert_str_eq(all_rows(db), "07L:greater_involvement:2015-04-01.. 08F:delegated:2017-04-01..");

	ck_assert_int_eq(pcreg_arrangement_delete(db, id), PCREG_OK);
	ck_assert_str_eq(all_rows(db), "08F:delegated:2017-04-01..");
}
END_TEST

/* An id can be given (as importing an export does), cleared, or assigned. */
START_TEST(test_ids)
{
	pcreg_arrangement *a = NULL;

	ck_assert_int_eq(pcreg_arrangement_new(&a), PCREG_OK);
	pcreg_arrangement_set_commissioner(a, "07L");
	pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_JOINT);
	pcreg_arrangement_set_from_date(a, "2015-04-01");
	pcreg_arrangement_set_to_date(a, "2016-03-31");
	ck_assert_int_eq(pcreg_arrangement_has_id(a), 0);
	ck_assert_int_eq(pcreg_arrangement_set_id(a, 7), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_has_id(a), 1);
	ck_assert_int_eq(pcreg_arrangement_insert(db, a), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_id(a), 7);
	ck_assert_int_eq(pcreg_arrangement_clear_id(a), PCREG_OK);
	pcreg_arrangement_set_from_date(a, "2016-04-01");
	pcreg_arrangement_set_to_date(a, NULL);
	ck_assert_int_eq(pcreg_arrangement_insert(db, a), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_id(a), 8);
	pcreg_arrangement_free(a);
	ck_assert_int_eq(pcreg_arrangement_set_id(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_clear_id(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_has_id(NULL), 0);
}
END_TEST

START_TEST(test_not_found)
{
	pcreg_arrangement *a = NULL;
	int64_t id;

	tu_assert_status(db, pcreg_arrangement_get(db, 999, &a), PCREG_NOTFOUND,
	                 "arrangement 999: not found");
	ck_assert_ptr_null(a);
	tu_assert_status(db, pcreg_arrangement_delete(db, 999), PCREG_NOTFOUND,
	                 "arrangement 999: not found");

	/* Update needs an id, and a row with it. */
	a = make("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01", NULL);
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_INVALID,
	                 "arrangement.id: is required to update");
	pcreg_arrangement_free(a);
	id = add("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01", NULL);
	ck_assert_int_eq(pcreg_arrangement_get(db, id, &a), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_delete(db, id), PCREG_OK);
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_NOTFOUND, "not found");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *commissioner, *from, *to, *message;
	} cases[] = {
		{ "07l", "2015-04-01", NULL,
		  "arrangement.commissioner: \"07l\" is not a commissioner code" },
		{ NULL, "2015-04-01", NULL, "arrangement.commissioner: is required" },
		{ "07L", NULL, NULL, "arrangement.from_date: is required" },
		{ "07L", "2015-4-1", NULL, "arrangement.from_date: \"2015-4-1\" is not a real date" },
		{ "07L", "2015-04-01", "2016-02-30",
		  "arrangement.to_date: \"2016-02-30\" is not a real date" },
		{ "07L", "2015-04-01", "2015-03-31",
		  "arrangement.to_date: 2015-03-31 is before from_date 2015-04-01" },
	};
	size_t i;
	pcreg_arrangement *a;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		a = make(cases[i].commissioner, PCREG_ARRANGEMENT_JOINT, cases[i].from, cases[i].to);
		tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_INVALID, cases[i].message);
		ck_assert_int_eq(pcreg_arrangement_id(a), 0);
		pcreg_arrangement_free(a);
	}
	a = make("07L", (pcreg_arrangement_level_value)4, "2015-04-01", NULL);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_INVALID,
	                 "arrangement.level: 4 is not one of the allowed values");
	pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_LEVEL_NONE);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_INVALID,
	                 "arrangement.level: is required");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "");

	/* The same checks guard updates. */
	ck_assert_int_eq(pcreg_arrangement_get(db, add("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01",
	                                               NULL),
	                                       &a),
	                 PCREG_OK);
	pcreg_arrangement_set_to_date(a, "2014-01-01");
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_INVALID,
	                 "arrangement.to_date: 2014-01-01 is before from_date 2015-04-01");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "07L:joint:2015-04-01..");
}
END_TEST

/* The commissioner must be in the registry; the message names it. */
START_TEST(test_commissioner_reference)
{
	pcreg_arrangement *a = make("99X", PCREG_ARRANGEMENT_DELEGATED, "2017-04-01", NULL);

	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_CONSTRAINT,
	                 "arrangement.commissioner: no commissioner 99X in the registry");
	ck_assert_int_eq(pcreg_arrangement_id(a), 0);
	pcreg_arrangement_free(a);
	ck_assert_int_eq(pcreg_arrangement_get(db, add("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01",
	                                               NULL),
	                                       &a),
	                 PCREG_OK);
	pcreg_arrangement_set_commissioner(a, "99X");
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_CONSTRAINT,
	                 "arrangement.commissioner: no commissioner 99X in the registry");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "07L:joint:2015-04-01..");
}
END_TEST

/* Overlapping periods are refused naming the clash; a second one
 * starting the same day is a duplicate. Nothing is written. */
START_TEST(test_overlap)
{
	pcreg_arrangement *a;
	int64_t joint, delegated;
	char expected[160];

	joint = add("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01", "2016-03-31");
	delegated = add("07L", PCREG_ARRANGEMENT_DELEGATED, "2016-04-01", NULL);

	a = make("07L", PCREG_ARRANGEMENT_DELEGATED, "2016-01-01", "2016-02-01");
	snprintf(expected, sizeof expected,
	         "arrangement: commissioner 07L has arrangement %lld (joint from 2015-04-01 to"
	         " 2016-03-31), which overlaps the period from 2016-01-01 to 2016-02-01",
	         (long long)joint);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_CONFLICT, expected);
	ck_assert_int_eq(pcreg_arrangement_id(a), 0);
	pcreg_arrangement_set_from_date(a, "2018-01-01");
	pcreg_arrangement_set_to_date(a, NULL);
	snprintf(expected, sizeof expected,
	         "has arrangement %lld (delegated from 2016-04-01 (open-ended)), which overlaps"
	         " the period from 2018-01-01 (open-ended)",
	         (long long)delegated);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_CONFLICT, expected);
	/* A period that spans both clashes with the first. */
	pcreg_arrangement_set_from_date(a, "2014-01-01");
	snprintf(expected, sizeof expected, "has arrangement %lld (joint", (long long)joint);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_CONFLICT, expected);

	/* The same start day: a duplicate. */
	pcreg_arrangement_set_from_date(a, "2016-04-01");
	pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_JOINT);
	snprintf(expected, sizeof expected,
	         "arrangement: commissioner 07L already has arrangement %lld (delegated) starting on"
	         " 2016-04-01",
	         (long long)delegated);
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_EXISTS, expected);
	pcreg_arrangement_set_from_date(a, "2015-04-01");
	pcreg_arrangement_set_to_date(a, "2015-04-01");
	tu_assert_status(db, pcreg_arrangement_insert(db, a), PCREG_EXISTS, "already has arrangement");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "07L:joint:2015-04-01..2016-03-31 07L:delegated:2016-04-01..");

	/* Updates: stretching the first into the second clashes with it;
	 * moving the second onto the first's start day is a duplicate. */
	ck_assert_int_eq(pcreg_arrangement_get(db, joint, &a), PCREG_OK);
	pcreg_arrangement_set_to_date(a, "2016-06-30");
	snprintf(expected, sizeof expected, "has arrangement %lld (delegated from 2016-04-01",
	         (long long)delegated);
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_CONFLICT, expected);
	/* An arrangement does not clash with itself. */
	pcreg_arrangement_set_to_date(a, "2016-03-01");
	ck_assert_int_eq(pcreg_arrangement_update(db, a), PCREG_OK);
	pcreg_arrangement_free(a);
	ck_assert_int_eq(pcreg_arrangement_get(db, delegated, &a), PCREG_OK);
	pcreg_arrangement_set_from_date(a, "2015-04-01");
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_EXISTS, "already has arrangement");
	pcreg_arrangement_set_from_date(a, "2016-03-01");
	tu_assert_status(db, pcreg_arrangement_update(db, a), PCREG_CONFLICT, "overlaps");
	pcreg_arrangement_free(a);
	ck_assert_str_eq(all_rows(db), "07L:joint:2015-04-01..2016-03-01 07L:delegated:2016-04-01..");

	/* Another commissioner's periods are its own. */
	add("08F", PCREG_ARRANGEMENT_JOINT, "2015-04-01", NULL);
}
END_TEST

START_TEST(test_on)
{
	/* Bromley moved to full delegation from 1 April 2017. */
	add("07L", PCREG_ARRANGEMENT_GREATER_INVOLVEMENT, "2015-04-01", "2015-09-30");
	add("07L", PCREG_ARRANGEMENT_JOINT, "2016-04-01", "2017-03-31");
	add("07L", PCREG_ARRANGEMENT_DELEGATED, "2017-04-01", NULL);
	add("08F", PCREG_ARRANGEMENT_JOINT, "2015-01-01", NULL);

	ck_assert_str_eq(level_on("07L", "2015-03-31"), "none");
	ck_assert_str_eq(level_on("07L", "2015-04-01"), "greater_involvement");
	ck_assert_str_eq(level_on("07L", "2015-09-30"), "greater_involvement");
	ck_assert_str_eq(level_on("07L", "2015-10-01"), "none"); /* a gap */
	ck_assert_str_eq(level_on("07L", "2016-04-01"), "joint");
	ck_assert_str_eq(level_on("07L", "2017-03-31"), "joint");
	ck_assert_str_eq(level_on("07L", "2017-04-01"), "delegated");
	ck_assert_str_eq(level_on("07L", "2030-01-01"), "delegated");
	ck_assert_str_eq(level_on("08F", "2016-01-01"), "joint");
	/* A commissioner with none, known or not. */
	add_commissioner(db, "09A");
	ck_assert_str_eq(level_on("09A", "2016-01-01"), "none");
	ck_assert_str_eq(level_on("99X", "2016-01-01"), "none");
}
END_TEST

/* The as-of question is an index seek on (commissioner, from_date). */
START_TEST(test_on_is_a_seek)
{
	const char *plan;

	add("07L", PCREG_ARRANGEMENT_JOINT, "2016-04-01", NULL);
	tu_watch("FROM commissioning_arrangement ");
	ck_assert_str_eq(level_on("07L", "2016-04-01"), "joint");
	ck_assert_int_eq(tu_watched_count(), 1);
	plan = tu_watched_plan();
	ck_assert_msg(strstr(plan, "SEARCH a USING INDEX commissioning_arrangement_by_commissioner"
	                           " (commissioner=? AND from_date<?)") != NULL,
	              "plan: %s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "plan: %s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "plan: %s", plan);
}
END_TEST

START_TEST(test_on_bad_arguments)
{
	pcreg_arrangement *a = NULL;

	ck_assert_int_eq(pcreg_arrangement_on(NULL, "07L", "2016-01-01", &a), PCREG_MISUSE);
	tu_assert_status(db, pcreg_arrangement_on(db, NULL, "2016-01-01", &a), PCREG_MISUSE,
	                 "commissioner is NULL");
	tu_assert_status(db, pcreg_arrangement_on(db, "07L", NULL, &a), PCREG_MISUSE,
	                 "date is NULL");
	tu_assert_status(db, pcreg_arrangement_on(db, "07L", "2016-01-01", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_arrangement_on(db, "07L", "2016-13-01", &a), PCREG_INVALID,
	                 "date: \"2016-13-01\" is not a real date");
	tu_assert_status(db, pcreg_arrangement_on(db, "Medway", "2016-01-01", &a), PCREG_INVALID,
	                 "commissioner: \"Medway\" is not a commissioner code");
	ck_assert_ptr_null(a);
}
END_TEST

START_TEST(test_level_words)
{
	ck_assert_str_eq(pcreg_arrangement_level_str(PCREG_ARRANGEMENT_GREATER_INVOLVEMENT),
	                 "greater_involvement");
	ck_assert_str_eq(pcreg_arrangement_level_str(PCREG_ARRANGEMENT_JOINT), "joint");
	ck_assert_str_eq(pcreg_arrangement_level_str(PCREG_ARRANGEMENT_DELEGATED), "delegated");
	ck_assert_ptr_null(pcreg_arrangement_level_str(PCREG_ARRANGEMENT_LEVEL_NONE));
	ck_assert_ptr_null(pcreg_arrangement_level_str((pcreg_arrangement_level_value)4));
	ck_assert_int_eq(pcreg_arrangement_level_parse("Delegated"), PCREG_ARRANGEMENT_DELEGATED);
	ck_assert_int_eq(pcreg_arrangement_level_parse("GREATER_INVOLVEMENT"),
	                 PCREG_ARRANGEMENT_GREATER_INVOLVEMENT);
	ck_assert_int_eq(pcreg_arrangement_level_parse("joint"), PCREG_ARRANGEMENT_JOINT);
	ck_assert_int_eq(pcreg_arrangement_level_parse("level 3"), PCREG_ARRANGEMENT_LEVEL_NONE);
	ck_assert_int_eq(pcreg_arrangement_level_parse(NULL), PCREG_ARRANGEMENT_LEVEL_NONE);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_arrangement_query q = PCREG_ARRANGEMENT_QUERY_INIT;
	pcreg_arrangement_iter *it = NULL;

	add("08F", PCREG_ARRANGEMENT_JOINT, "2015-04-01", NULL);
	add("07L", PCREG_ARRANGEMENT_DELEGATED, "2017-04-01", NULL);
	add("07L", PCREG_ARRANGEMENT_JOINT, "2015-04-01", "2017-03-31");

	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "07L:joint:2015-04-01..2017-03-31 07L:delegated:2017-04-01.."
	                               " 08F:joint:2015-04-01..");
	q.commissioner = "08F";
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "08F:joint:2015-04-01..");

	pcreg_arrangement_query_init(&q, PCREG_ARRANGEMENT_QUERY_VERSION);
	q.level = PCREG_ARRANGEMENT_JOINT;
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "07L:joint:2015-04-01..2017-03-31 08F:joint:2015-04-01..");

	/* Per level on a date, as seed 001's table counts them. */
	q.on = "2017-04-01";
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "08F:joint:2015-04-01..");
	q.level = 0;
	q.on = "2017-03-31";
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "07L:joint:2015-04-01..2017-03-31 08F:joint:2015-04-01..");
	q.on = "2015-03-31";
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "");

	pcreg_arrangement_query_init(&q, PCREG_ARRANGEMENT_QUERY_VERSION);
	q.limit = 1;
	q.offset = 1;
	ck_assert_int_eq(pcreg_arrangement_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(db, it), "07L:delegated:2017-04-01..");

	/* Bad queries. */
	pcreg_arrangement_query_init(&q, PCREG_ARRANGEMENT_QUERY_VERSION);
	q.on = "2017-02-29";
	tu_assert_status(db, pcreg_arrangement_list(db, &q, &it), PCREG_INVALID,
	                 "query.on: \"2017-02-29\" is not a real date");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.level = 9;
	tu_assert_status(db, pcreg_arrangement_list(db, &q, &it), PCREG_INVALID,
	                 "query.level: 9 is not an arrangement level");
	q.level = 0;
	q.version = 3;
	tu_assert_status(db, pcreg_arrangement_list(db, &q, &it), PCREG_MISUSE, "query version 3");
	ck_assert_int_eq(pcreg_arrangement_query_init(NULL, PCREG_ARRANGEMENT_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_arrangement *a = NULL;
	pcreg_arrangement_iter *it = NULL;

	ck_assert_int_eq(pcreg_arrangement_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_get(NULL, 1, &a), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_insert(NULL, a), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_update(NULL, a), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_delete(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_arrangement_get(db, 1, NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_arrangement_insert(db, NULL), PCREG_MISUSE,
	                 "arrangement is NULL");
	tu_assert_status(db, pcreg_arrangement_update(db, NULL), PCREG_MISUSE,
	                 "arrangement is NULL");
	tu_assert_status(db, pcreg_arrangement_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_arrangement_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_arrangement_iter_free(NULL);
	pcreg_arrangement_free(NULL);
	ck_assert_int_eq(pcreg_arrangement_id(NULL), 0);
	ck_assert_ptr_null(pcreg_arrangement_commissioner(NULL));
	ck_assert_int_eq(pcreg_arrangement_level(NULL), PCREG_ARRANGEMENT_LEVEL_NONE);
	ck_assert_int_eq(pcreg_arrangement_set_level(NULL, PCREG_ARRANGEMENT_JOINT), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_arrangement_set_from_date(NULL, "2015-04-01"), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	const char *path = tu_path("arrangement-ro.db");
	pcreg_db *rw = tu_open(path, PCREG_OPEN_CREATE), *ro;
	pcreg_arrangement *a = make("07L", PCREG_ARRANGEMENT_DELEGATED, "2018-04-01", NULL);
	pcreg_arrangement *got = NULL;
	int64_t id;

	add_commissioner(rw, "07L");
	id = add_to(rw, "07L", PCREG_ARRANGEMENT_JOINT, "2016-04-01", "2018-03-31");
	pcreg_db_close(rw);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	tu_assert_status(ro, pcreg_arrangement_insert(ro, a), PCREG_READONLY, "read-only");
	pcreg_arrangement_free(a);
	ck_assert_int_eq(pcreg_arrangement_get(ro, id, &got), PCREG_OK);
	pcreg_arrangement_set_level(got, PCREG_ARRANGEMENT_DELEGATED);
	tu_assert_status(ro, pcreg_arrangement_update(ro, got), PCREG_READONLY, "read-only");
	pcreg_arrangement_free(got);
	tu_assert_status(ro, pcreg_arrangement_delete(ro, id), PCREG_READONLY, "read-only");
	/* Reading works, and nothing changed. */
	ck_assert_int_eq(pcreg_arrangement_on(ro, "07L", "2017-01-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_level(got), PCREG_ARRANGEMENT_JOINT);
	pcreg_arrangement_free(got);
	ck_assert_str_eq(all_rows(ro), "07L:joint:2016-04-01..2018-03-31");
	pcreg_db_close(ro);
}
END_TEST

static Suite *arrangement_suite(void)
{
	Suite *s = suite_create("arrangement");
	TCase *tc = tcase_create("arrangement");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_ids);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_commissioner_reference);
	tcase_add_test(tc, test_overlap);
	tcase_add_test(tc, test_on);
	tcase_add_test(tc, test_on_is_a_seek);
	tcase_add_test(tc, test_on_bad_arguments);
	tcase_add_test(tc, test_level_words);
	tcase_add_test(tc, test_list_filters);
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
	status = tu_run(arrangement_suite());
	return status;
}
