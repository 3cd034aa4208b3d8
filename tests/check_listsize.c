/*
 * check_listsize.c: registered list sizes: get, insert, update, delete,
 * list, and the latest extract on a date.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/record.h"
#include "testutil.h"

static pcreg_db *db;
static const char *path;

static void setup(void)
{
	static int n;
	char name[32];
	const char *codes[] = { "F81001", "F81002" };
	size_t i;

	snprintf(name, sizeof name, "listsize-%d.db", ++n);
	path = tu_path(name);
	db = tu_open(path, PCREG_OPEN_CREATE);
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		pcreg_practice *p = NULL;

		ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
		pcreg_practice_set_code(p, codes[i]);
		pcreg_practice_set_name(p, "Fictional Surgery");
		pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
		ck_assert_msg(pcreg_practice_insert(db, p) == PCREG_OK, "%s", pcreg_db_errmsg(db));
		pcreg_practice_free(p);
	}
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_list_size *make(const char *practice, const char *extract, int64_t registered)
{
	pcreg_list_size *l = NULL;

	ck_assert_int_eq(pcreg_list_size_new(&l), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_set_practice(l, practice), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_set_extract_date(l, extract), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_set_registered(l, registered), PCREG_OK);
	return l;
}

static void add(const char *practice, const char *extract, int64_t registered, double weighted)
{
	pcreg_list_size *l = make(practice, extract, registered);

	if (weighted >= 0)
		pcreg_list_size_set_weighted(l, weighted);
	ck_assert_msg(pcreg_list_size_insert(db, l) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_list_size_free(l);
}

/* "practice extract registered weighted" per row, joined by ", "; frees
 * the iterator. */
static char *rows(pcreg_list_size_iter *it)
{
	static char buf[2048];
	const pcreg_list_size *l;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_list_size_iter_next(it, &l)) == PCREG_OK) {
		size_t len = strlen(buf);

		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s %s %lld", len ? ", " : "",
		                        pcreg_list_size_practice(l), pcreg_list_size_extract_date(l),
		                        (long long)pcreg_list_size_registered(l));
		if (pcreg_list_size_has_weighted(l))
			snprintf(buf + len, sizeof buf - len, " %.2f", pcreg_list_size_weighted(l));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_list_size_iter_next(it, &l), PCREG_DONE);
	ck_assert_ptr_null(l);
	pcreg_list_size_iter_free(it);
	return buf;
}

/* Every row: what a refused write must not change. */
static char *dump(pcreg_db *handle)
{
	pcreg_list_size_iter *it = NULL;

	ck_assert_int_eq(pcreg_list_size_list(handle, NULL, &it), PCREG_OK);
	return rows(it);
}

START_TEST(test_roundtrip)
{
	pcreg_list_size *l = make("F81001", "2017-04-01", 8123);
	pcreg_list_size *got = NULL;

	ck_assert_int_eq(pcreg_list_size_has_weighted(l), 0);
	ck_assert_int_eq(pcreg_list_size_set_weighted(l, 8450.37), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_insert(db, l), PCREG_OK);
	pcreg_list_size_free(l);

	ck_assert_int_eq(pcreg_list_size_get(db, "F81001", "2017-04-01", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_list_size_practice(got), "F81001");
	ck_assert_str_eq(pcreg_list_size_extract_date(got), "2017-04-01");
	ck_assert_int_eq(pcreg_list_size_registered(got), 8123);
	ck_assert_int_eq(pcreg_list_size_has_weighted(got), 1);
	ck_assert_double_eq_tol(pcreg_list_size_weighted(got), 8450.37, 1e-9);

	/* A corrected extract: new count, weighting not known. */
	ck_assert_int_eq(pcreg_list_size_set_registered(got, 8125), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_clear_weighted(got), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_update(db, got), PCREG_OK);
	pcreg_list_size_free(got);
	ck_assert_int_eq(pcreg_list_size_get(db, "F81001", "2017-04-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_registered(got), 8125);
	ck_assert_int_eq(pcreg_list_size_has_weighted(got), 0);
	ck_assert_double_eq(pcreg_list_size_weighted(got), 0.0);
	pcreg_list_size_free(got);

	/* A practice with no patients yet is a real state. */
	add("F81002", "2017-04-01", 0, 0.0);
	ck_assert_str_eq(dump(db), "F81001 2017-04-01 8125, F81002 2017-04-01 0 0.00");

	ck_assert_int_eq(pcreg_list_size_delete(db, "F81001", "2017-04-01"), PCREG_OK);
	tu_assert_status(db, pcreg_list_size_get(db, "F81001", "2017-04-01", &got), PCREG_NOTFOUND,
	                 "list_size F81001 2017-04-01: not found");
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(test_validation)
{
	pcreg_list_size *l = make("F81001", "2017-04-01", 8123);

	pcreg_list_size_set_registered(l, -1);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.registered: -1 is negative");
	pcreg_list_size_set_registered(l, 8123);
	pcreg_list_size_set_weighted(l, -0.5);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.weighted: -0.5 is negative");
	pcreg_list_size_set_weighted(l, NAN);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.weighted: is not a number");
	pcreg_list_size_set_weighted(l, INFINITY);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.weighted: is not a finite number");
	pcreg_list_size_clear_weighted(l);
	pcreg_list_size_set_extract_date(l, "2017-02-30");
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.extract_date: \"2017-02-30\" is not a real date");
	pcreg_list_size_set_extract_date(l, NULL);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.extract_date: is required");
	pcreg_list_size_set_extract_date(l, "2017-04-01");
	pcreg_list_size_set_practice(l, "F8100");
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.practice: \"F8100\" is not a practice code");
	pcreg_list_size_set_practice(l, NULL);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.practice: is required");
	pcreg_list_size_free(l);

	/* The count is required: a new record has none until it is set. */
	ck_assert_int_eq(pcreg_list_size_new(&l), PCREG_OK);
	pcreg_list_size_set_practice(l, "F81001");
	pcreg_list_size_set_extract_date(l, "2017-04-01");
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_INVALID,
	                 "list_size.registered: is required");
	pcreg_list_size_free(l);
	ck_assert_str_eq(dump(db), "");

	/* Updates are checked the same way. */
	add("F81001", "2017-04-01", 8123, 8450.5);
	l = make("F81001", "2017-04-01", -8123);
	tu_assert_status(db, pcreg_list_size_update(db, l), PCREG_INVALID,
	                 "list_size.registered: -8123 is negative");
	pcreg_list_size_free(l);
	ck_assert_str_eq(dump(db), "F81001 2017-04-01 8123 8450.50");
}
END_TEST

START_TEST(test_exists_references_not_found)
{
	pcreg_list_size *l = make("F81001", "2017-04-01", 9999);

	add("F81001", "2017-04-01", 8123, -1);
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_EXISTS,
	                 "list_size F81001 2017-04-01: already exists");
	pcreg_list_size_set_practice(l, "F89999");
	tu_assert_status(db, pcreg_list_size_insert(db, l), PCREG_CONSTRAINT,
	                 "list_size.practice: no practice F89999 in the registry");
	tu_assert_status(db, pcreg_list_size_update(db, l), PCREG_NOTFOUND,
	                 "list_size F89999 2017-04-01: not found");
	pcreg_list_size_set_practice(l, "F81001");
	pcreg_list_size_set_extract_date(l, "2017-05-01");
	tu_assert_status(db, pcreg_list_size_update(db, l), PCREG_NOTFOUND,
	                 "list_size F81001 2017-05-01: not found");
	pcreg_list_size_free(l);
	tu_assert_status(db, pcreg_list_size_get(db, "F81002", "2017-04-01", &l), PCREG_NOTFOUND,
	                 "list_size F81002 2017-04-01: not found");
	ck_assert_ptr_null(l);
	tu_assert_status(db, pcreg_list_size_delete(db, "F81001", "2017-05-01"), PCREG_NOTFOUND,
	                 "list_size F81001 2017-05-01: not found");
	ck_assert_str_eq(dump(db), "F81001 2017-04-01 8123");

	tu_assert_status(db, pcreg_practice_delete(db, "F81001"), PCREG_CONSTRAINT,
	                 "1 list sizes depend on it (e.g. extract of 2017-04-01)");
}
END_TEST

START_TEST(test_on)
{
	pcreg_list_size *got = NULL;

	add("F81001", "2017-01-01", 8000, 8300.25);
	add("F81001", "2017-02-01", 8050, -1);
	add("F81001", "2017-04-01", 8123, 8450.37);
	add("F81002", "2016-01-01", 4100, -1);

	tu_assert_status(db, pcreg_list_size_on(db, "F81001", "2016-12-31", &got), PCREG_NOTFOUND,
	                 "practice F81001: no list size extracted on or before 2016-12-31");
	ck_assert_ptr_null(got);
	ck_assert_int_eq(pcreg_list_size_on(db, "F81001", "2017-01-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_registered(got), 8000);
	pcreg_list_size_free(got);
	/* No March extract: February's stands. */
	ck_assert_int_eq(pcreg_list_size_on(db, "F81001", "2017-03-15", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_list_size_extract_date(got), "2017-02-01");
	ck_assert_int_eq(pcreg_list_size_has_weighted(got), 0);
	pcreg_list_size_free(got);
	ck_assert_int_eq(pcreg_list_size_on(db, "F81001", "2099-01-01", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_list_size_extract_date(got), "2017-04-01");
	pcreg_list_size_free(got);
	/* Another practice's extracts never answer for this one. */
	ck_assert_int_eq(pcreg_list_size_on(db, "F81002", "2017-03-15", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_registered(got), 4100);
	pcreg_list_size_free(got);
	tu_assert_status(db, pcreg_list_size_on(db, "F81001", "2016-06-01", &got), PCREG_NOTFOUND,
	                 "practice F81001: no list size");
	tu_assert_status(db, pcreg_list_size_on(db, "F81001", "2017-04-31", &got), PCREG_INVALID,
	                 "date: \"2017-04-31\" is not a real date");
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_list_size_query q = PCREG_LIST_SIZE_QUERY_INIT;
	pcreg_list_size_iter *it = NULL;

	add("F81002", "2017-02-01", 4100, -1);
	add("F81001", "2017-02-01", 8050, -1);
	add("F81001", "2017-01-01", 8000, -1);
	add("F81001", "2017-03-01", 8090, -1);

	ck_assert_int_eq(pcreg_list_size_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81001 2017-01-01 8000, F81001 2017-02-01 8050,"
	                           " F81001 2017-03-01 8090, F81002 2017-02-01 4100");
	q.practice = "F81001";
	q.from = "2017-02-01";
	ck_assert_int_eq(pcreg_list_size_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81001 2017-02-01 8050, F81001 2017-03-01 8090");
	q.to = "2017-02-28";
	ck_assert_int_eq(pcreg_list_size_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81001 2017-02-01 8050");

	pcreg_list_size_query_init(&q, PCREG_LIST_SIZE_QUERY_VERSION);
	q.to = "2017-02-01";
	ck_assert_int_eq(pcreg_list_size_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81001 2017-01-01 8000, F81001 2017-02-01 8050,"
	                           " F81002 2017-02-01 4100");
	q.limit = 1;
	q.offset = 2;
	ck_assert_int_eq(pcreg_list_size_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81002 2017-02-01 4100");

	/* Bad queries. */
	pcreg_list_size_query_init(&q, PCREG_LIST_SIZE_QUERY_VERSION);
	q.from = "2017-02-29";
	tu_assert_status(db, pcreg_list_size_list(db, &q, &it), PCREG_INVALID,
	                 "query.from: \"2017-02-29\" is not a real date");
	ck_assert_ptr_null(it);
	q.from = NULL;
	q.to = "March";
	tu_assert_status(db, pcreg_list_size_list(db, &q, &it), PCREG_INVALID, "query.to");
	q.to = NULL;
	q.version = 3;
	tu_assert_status(db, pcreg_list_size_list(db, &q, &it), PCREG_MISUSE, "query version 3");
	ck_assert_int_eq(pcreg_list_size_query_init(NULL, PCREG_LIST_SIZE_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_list_size *l = NULL;
	pcreg_list_size_iter *it = NULL;

	ck_assert_int_eq(pcreg_list_size_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_get(NULL, "F81001", "2017-04-01", &l), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_insert(NULL, l), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_update(NULL, l), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_delete(NULL, "F81001", "2017-04-01"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_on(NULL, "F81001", "2017-04-01", &l), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_list_size_get(db, NULL, "2017-04-01", &l), PCREG_MISUSE,
	                 "pcreg_list_size_get: practice is NULL");
	tu_assert_status(db, pcreg_list_size_get(db, "F81001", NULL, &l), PCREG_MISUSE,
	                 "pcreg_list_size_get: extract_date is NULL");
	tu_assert_status(db, pcreg_list_size_get(db, "F81001", "2017-04-01", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_list_size_insert(db, NULL), PCREG_MISUSE, "list_size is NULL");
	tu_assert_status(db, pcreg_list_size_update(db, NULL), PCREG_MISUSE, "list_size is NULL");
	tu_assert_status(db, pcreg_list_size_delete(db, NULL, "2017-04-01"), PCREG_MISUSE,
	                 "pcreg_list_size_delete: practice is NULL");
	tu_assert_status(db, pcreg_list_size_delete(db, "F81001", NULL), PCREG_MISUSE,
	                 "pcreg_list_size_delete: extract_date is NULL");
	tu_assert_status(db, pcreg_list_size_on(db, NULL, "2017-04-01", &l), PCREG_MISUSE,
	                 "pcreg_list_size_on: practice is NULL");
	tu_assert_status(db, pcreg_list_size_on(db, "F81001", NULL, &l), PCREG_MISUSE,
	                 "pcreg_list_size_on: date is NULL");
	tu_assert_status(db, pcreg_list_size_on(db, "F81001", "2017-04-01", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_list_size_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_list_size_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_list_size_iter_free(NULL);
	pcreg_list_size_free(NULL);
	ck_assert_ptr_null(pcreg_list_size_practice(NULL));
	ck_assert_int_eq(pcreg_list_size_registered(NULL), 0);
	ck_assert_int_eq(pcreg_list_size_has_weighted(NULL), 0);
	ck_assert_double_eq(pcreg_list_size_weighted(NULL), 0.0);
	ck_assert_int_eq(pcreg_list_size_set_registered(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_set_weighted(NULL, 1.5), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_list_size_clear_weighted(NULL), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;
	pcreg_list_size *l = NULL;
	pcreg_list_size_iter *it = NULL;

	add("F81001", "2017-04-01", 8123, -1);
	pcreg_db_close(db);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	db = ro;
	ck_assert_int_eq(pcreg_list_size_get(ro, "F81001", "2017-04-01", &l), PCREG_OK);
	pcreg_list_size_set_registered(l, 1);
	tu_assert_status(ro, pcreg_list_size_update(ro, l), PCREG_READONLY, "read-only");
	pcreg_list_size_set_extract_date(l, "2017-05-01");
	tu_assert_status(ro, pcreg_list_size_insert(ro, l), PCREG_READONLY, "read-only");
	tu_assert_status(ro, pcreg_list_size_delete(ro, "F81001", "2017-04-01"), PCREG_READONLY,
	                 "read-only");
	pcreg_list_size_free(l);
	ck_assert_int_eq(pcreg_list_size_on(ro, "F81001", "2017-04-30", &l), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_registered(l), 8123);
	pcreg_list_size_free(l);
	ck_assert_int_eq(pcreg_list_size_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(rows(it), "F81001 2017-04-01 8123");
}
END_TEST

/* The latest extract is a backward seek on the primary key. */
START_TEST(test_on_plan)
{
	const char *plan = tu_sql_plan(path, pcreg__sql_list_size_on);

	ck_assert_msg(strncmp(plan, "SEARCH ", 7) == 0 &&
	                      strstr(plan, " USING PRIMARY KEY (practice=? AND extract_date<?)") !=
	                              NULL,
	              "plan: %s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "plan: %s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "plan: %s", plan);
}
END_TEST

static Suite *list_size_suite(void)
{
	Suite *s = suite_create("list_size");
	TCase *tc = tcase_create("list_size");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_exists_references_not_found);
	tcase_add_test(tc, test_on);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_on_plan);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(list_size_suite());
}
