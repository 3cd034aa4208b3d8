/*
 * check_practice.c: practices: get, insert, update, delete, list, search.
 */
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

static pcreg_practice *make(const char *code, const char *name, const char *postcode)
{
	pcreg_practice *p = NULL;

	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_code(p, code), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_name(p, name), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_postcode(p, postcode), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE), PCREG_OK);
	return p;
}

static void add(const char *code, const char *name, const char *postcode)
{
	pcreg_practice *p = make(code, name, postcode);

	ck_assert_msg(pcreg_practice_insert(db, p) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_practice_free(p);
}

/* The codes an iterator yields, joined by spaces; frees the iterator. */
static char *codes(pcreg_practice_iter *it)
{
	static char buf[1024];
	const pcreg_practice *p;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_practice_iter_next(it, &p)) == PCREG_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, pcreg_practice_code(p));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	/* Finished iterators stay finished. */
	ck_assert_int_eq(pcreg_practice_iter_next(it, &p), PCREG_DONE);
	ck_assert_ptr_null(p);
	pcreg_practice_iter_free(it);
	return buf;
}

START_TEST(test_insert_get_roundtrip)
{
	pcreg_practice *p = make("F81001", "Fictional Meadow Surgery", "RM1 3AE");
	pcreg_practice *got = NULL;

	ck_assert_int_eq(pcreg_practice_set_address(p, 1, "1 Example Road"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_address(p, 5, "Essex"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_address(p, 6, "nowhere"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_set_address(p, 0, "nowhere"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_set_prescribing_setting(p, 4), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_open_date(p, "1974-04-01"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_phone(p, "01708 000000"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_insert(db, p), PCREG_OK);
	pcreg_practice_free(p);

	ck_assert_int_eq(pcreg_practice_get(db, "F81001", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_practice_code(got), "F81001");
	ck_assert_str_eq(pcreg_practice_name(got), "Fictional Meadow Surgery");
	ck_assert_str_eq(pcreg_practice_address(got, 1), "1 Example Road");
	ck_assert_ptr_null(pcreg_practice_address(got, 2));
	ck_assert_str_eq(pcreg_practice_address(got, 5), "Essex");
	ck_assert_ptr_null(pcreg_practice_address(got, 6));
	ck_assert_str_eq(pcreg_practice_postcode(got), "RM1 3AE");
	ck_assert_int_eq(pcreg_practice_status(got), PCREG_PRACTICE_ACTIVE);
	ck_assert_int_eq(pcreg_practice_has_prescribing_setting(got), 1);
	ck_assert_int_eq(pcreg_practice_prescribing_setting(got), 4);
	ck_assert_str_eq(pcreg_practice_open_date(got), "1974-04-01");
	ck_assert_ptr_null(pcreg_practice_close_date(got));
	ck_assert_str_eq(pcreg_practice_phone(got), "01708 000000");

	/* A record from get can be changed and written back. */
	ck_assert_int_eq(pcreg_practice_set_status(got, PCREG_PRACTICE_CLOSED), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_set_close_date(got, "2020-03-31"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_clear_prescribing_setting(got), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_has_prescribing_setting(got), 0);
	ck_assert_int_eq(pcreg_practice_set_phone(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_update(db, got), PCREG_OK);
	pcreg_practice_free(got);

	ck_assert_int_eq(pcreg_practice_get(db, "F81001", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_status(got), PCREG_PRACTICE_CLOSED);
	ck_assert_str_eq(pcreg_practice_close_date(got), "2020-03-31");
	ck_assert_int_eq(pcreg_practice_has_prescribing_setting(got), 0);
	ck_assert_ptr_null(pcreg_practice_phone(got));
	pcreg_practice_free(got);
}
END_TEST

START_TEST(test_not_found_and_exists)
{
	pcreg_practice *p = NULL;

	tu_assert_status(db, pcreg_practice_get(db, "F89999", &p), PCREG_NOTFOUND,
	                 "practice F89999: not found");
	ck_assert_ptr_null(p);
	add("F81001", "Fictional Meadow Surgery", "RM1 3AE");
	p = make("F81001", "Another", "RM1 3AE");
	tu_assert_status(db, pcreg_practice_insert(db, p), PCREG_EXISTS,
	                 "practice F81001: already exists");
	ck_assert_int_eq(pcreg_practice_set_code(p, "F89999"), PCREG_OK);
	tu_assert_status(db, pcreg_practice_update(db, p), PCREG_NOTFOUND,
	                 "practice F89999: not found");
	pcreg_practice_free(p);
	tu_assert_status(db, pcreg_practice_delete(db, "F89999"), PCREG_NOTFOUND,
	                 "practice F89999: not found");
	ck_assert_int_eq(pcreg_practice_delete(db, "F81001"), PCREG_OK);
	tu_assert_status(db, pcreg_practice_get(db, "F81001", &p), PCREG_NOTFOUND, "not found");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "code", "A8100", "practice.code: \"A8100\" is not a practice code" },
		{ "code", "a81001", "practice.code: \"a81001\" is not a practice code" },
		{ "code", "081001", "practice.code: \"081001\" is not a practice code" },
		{ "name", "", "practice.name: is empty" },
		{ "name", NULL, "practice.name: is required" },
		{ "postcode", "rm1 3ae", "practice.postcode: \"rm1 3ae\" is not a postcode" },
		{ "open_date", "2021-02-29", "practice.open_date: \"2021-02-29\" is not a real date" },
		{ "open_date", "20210101", "practice.open_date: \"20210101\" is not a real date" },
		{ "close_date", "2021-13-01", "practice.close_date: \"2021-13-01\" is not a real date" },
		{ "close_date", "1970-01-01", "practice.close_date: 1970-01-01 is before open_date" },
	};
	size_t i;
	pcreg_practice_iter *it = NULL;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pcreg_practice *p = make("F81001", "Fictional Meadow Surgery", "RM1 3AE");

		pcreg_practice_set_open_date(p, "1974-04-01");
		if (strcmp(cases[i].field, "code") == 0)
			pcreg_practice_set_code(p, cases[i].value);
		else if (strcmp(cases[i].field, "name") == 0)
			pcreg_practice_set_name(p, cases[i].value);
		else if (strcmp(cases[i].field, "postcode") == 0)
			pcreg_practice_set_postcode(p, cases[i].value);
		else if (strcmp(cases[i].field, "open_date") == 0)
			pcreg_practice_set_open_date(p, cases[i].value);
		else
			pcreg_practice_set_close_date(p, cases[i].value);
		tu_assert_status(db, pcreg_practice_insert(db, p), PCREG_INVALID, cases[i].message);
		pcreg_practice_free(p);
	}
	{
		pcreg_practice *p = make("F81001", "Fictional Meadow Surgery", "RM1 3AE");

		pcreg_practice_set_status(p, (pcreg_practice_status_value)9);
		tu_assert_status(db, pcreg_practice_insert(db, p), PCREG_INVALID,
		                 "practice.status: 9 is not one of the allowed values");
		pcreg_practice_set_status(p, PCREG_PRACTICE_STATUS_NONE);
		tu_assert_status(db, pcreg_practice_insert(db, p), PCREG_INVALID,
		                 "practice.status: is required");
		pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
		pcreg_practice_set_prescribing_setting(p, -1);
		tu_assert_status(db, pcreg_practice_insert(db, p), PCREG_INVALID,
		                 "practice.prescribing_setting: -1 is negative");
		pcreg_practice_free(p);
	}
	ck_assert_int_eq(pcreg_practice_list(db, NULL, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "");
}
END_TEST

START_TEST(test_status_words)
{
	ck_assert_str_eq(pcreg_practice_status_str(PCREG_PRACTICE_DORMANT), "dormant");
	ck_assert_ptr_null(pcreg_practice_status_str(PCREG_PRACTICE_STATUS_NONE));
	ck_assert_ptr_null(pcreg_practice_status_str((pcreg_practice_status_value)99));
	ck_assert_int_eq(pcreg_practice_status_parse("Active"), PCREG_PRACTICE_ACTIVE);
	ck_assert_int_eq(pcreg_practice_status_parse("PROPOSED"), PCREG_PRACTICE_PROPOSED);
	ck_assert_int_eq(pcreg_practice_status_parse("gone"), PCREG_PRACTICE_STATUS_NONE);
	ck_assert_int_eq(pcreg_practice_status_parse(NULL), PCREG_PRACTICE_STATUS_NONE);
}
END_TEST

static void add_dated(const char *code, const char *name, const char *postcode,
                      pcreg_practice_status_value status, const char *open, const char *close)
{
	pcreg_practice *p = make(code, name, postcode);

	pcreg_practice_set_status(p, status);
	pcreg_practice_set_open_date(p, open);
	pcreg_practice_set_close_date(p, close);
	ck_assert_msg(pcreg_practice_insert(db, p) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_practice_free(p);
}

START_TEST(test_list_filters)
{
	pcreg_practice_query q = PCREG_PRACTICE_QUERY_INIT;
	pcreg_practice_iter *it = NULL;

	add_dated("F81003", "Fictional Riverside Health Centre", "BR1 1AA", PCREG_PRACTICE_ACTIVE,
	          "1990-01-01", NULL);
	add_dated("F81001", "Fictional Meadow Surgery", "BR10 2BB", PCREG_PRACTICE_CLOSED,
	          "1974-04-01", "2016-03-31");
	add_dated("F81002", "Fictional Hill Medical Practice", "RM7 0XY", PCREG_PRACTICE_ACTIVE,
	          "2017-01-01", NULL);

	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81001 F81002 F81003");

	q.on = "2016-06-01";
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003");
	q.on = "2016-03-31";
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81001 F81003");

	pcreg_practice_query_init(&q, PCREG_PRACTICE_QUERY_VERSION);
	q.status = PCREG_PRACTICE_ACTIVE;
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81002 F81003");

	pcreg_practice_query_init(&q, PCREG_PRACTICE_QUERY_VERSION);
	q.name = "MEDICAL";
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81002");

	pcreg_practice_query_init(&q, PCREG_PRACTICE_QUERY_VERSION);
	q.postcode = "br1";
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003");
	q.postcode = "BR";
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81001 F81003");

	pcreg_practice_query_init(&q, PCREG_PRACTICE_QUERY_VERSION);
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_practice_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81002 F81003");

	/* Bad queries. */
	pcreg_practice_query_init(&q, PCREG_PRACTICE_QUERY_VERSION);
	q.on = "2016-02-30";
	tu_assert_status(db, pcreg_practice_list(db, &q, &it), PCREG_INVALID, "query.on");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.status = 42;
	tu_assert_status(db, pcreg_practice_list(db, &q, &it), PCREG_INVALID, "query.status");
	q.status = 0;
	q.postcode = "BR1!";
	tu_assert_status(db, pcreg_practice_list(db, &q, &it), PCREG_INVALID, "query.postcode");
	q.postcode = NULL;
	q.version = 7;
	tu_assert_status(db, pcreg_practice_list(db, &q, &it), PCREG_MISUSE, "query version 7");
	ck_assert_int_eq(pcreg_practice_query_init(NULL, PCREG_PRACTICE_QUERY_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_search)
{
	pcreg_practice_iter *it = NULL;
	pcreg_practice *p;

	add("F81001", "Fictional Meadow Surgery", "RM1 3AE");
	add("F81002", "Fictional Hill Medical Practice", "RM7 0XY");
	add("F81003", "Fictional Riverside Health Centre", "BR1 1AA");

	ck_assert_int_eq(pcreg_practice_search(db, "medic", 0, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81002");
	ck_assert_int_eq(pcreg_practice_search(db, "Fictional", 2, &it), PCREG_OK);
	ck_assert_int_eq(strlen(codes(it)), 13);
	/* Punctuation and FTS operators are words, not syntax. */
	ck_assert_int_eq(pcreg_practice_search(db, "riverside \"health (centre*", 0, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003");
	tu_assert_status(db, pcreg_practice_search(db, " -- ", 0, &it), PCREG_INVALID, "no words");

	/* The index follows changes to the practice table. */
	ck_assert_int_eq(pcreg_practice_get(db, "F81002", &p), PCREG_OK);
	pcreg_practice_set_name(p, "Fictional Hill Surgery");
	pcreg_practice_set_address(p, 1, "Chestnut Avenue");
	ck_assert_int_eq(pcreg_practice_update(db, p), PCREG_OK);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_practice_search(db, "medical", 0, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "");
	ck_assert_int_eq(pcreg_practice_search(db, "chestnut", 0, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81002");
	ck_assert_int_eq(pcreg_practice_delete(db, "F81002"), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_search(db, "chestnut", 0, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "");
}
END_TEST

START_TEST(test_postcode_search)
{
	pcreg_practice_iter *it = NULL;

	add("F81001", "A", "BR1 1AA");
	add("F81002", "B", "BR10 2BB");
	add("F81003", "C", "RM7 0XY");
	add("F81004", "D", "RM7 1AB");
	add("F81005", "E", "RM70 9ZZ");

	ck_assert_int_eq(pcreg_practice_postcode_search(db, "BR1", &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81001");
	ck_assert_int_eq(pcreg_practice_postcode_search(db, "rm7  0", &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003");
	ck_assert_int_eq(pcreg_practice_postcode_search(db, "RM7", &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003 F81004");
	ck_assert_int_eq(pcreg_practice_postcode_search(db, "RM", &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81003 F81004 F81005");
	tu_assert_status(db, pcreg_practice_postcode_search(db, "", &it), PCREG_INVALID,
	                 "not a postcode prefix");
	tu_assert_status(db, pcreg_practice_postcode_search(db, "BR1;", &it), PCREG_INVALID,
	                 "not a postcode prefix");
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_practice *p = NULL;
	pcreg_practice_iter *it = NULL;

	ck_assert_int_eq(pcreg_practice_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_get(NULL, "F81001", &p), PCREG_MISUSE);
	tu_assert_status(db, pcreg_practice_get(db, NULL, &p), PCREG_MISUSE, "code is NULL");
	tu_assert_status(db, pcreg_practice_get(db, "F81001", NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_practice_insert(db, NULL), PCREG_MISUSE, "practice is NULL");
	tu_assert_status(db, pcreg_practice_update(db, NULL), PCREG_MISUSE, "practice is NULL");
	tu_assert_status(db, pcreg_practice_delete(db, NULL), PCREG_MISUSE, "code is NULL");
	tu_assert_status(db, pcreg_practice_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_practice_search(db, NULL, 0, &it), PCREG_MISUSE, "text is NULL");
	tu_assert_status(db, pcreg_practice_postcode_search(db, NULL, &it), PCREG_MISUSE,
	                 "prefix is NULL");
	ck_assert_int_eq(pcreg_practice_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_practice_iter_free(NULL);
	pcreg_practice_free(NULL);
	/* Getters on NULL read as empty; setters refuse. */
	ck_assert_ptr_null(pcreg_practice_code(NULL));
	ck_assert_int_eq(pcreg_practice_status(NULL), PCREG_PRACTICE_STATUS_NONE);
	ck_assert_int_eq(pcreg_practice_set_name(NULL, "x"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_practice_set_status(NULL, PCREG_PRACTICE_ACTIVE), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly_and_old_schema)
{
	const char *path = tu_path("practice-ro.db");
	pcreg_db *rw = tu_open(path, PCREG_OPEN_CREATE), *ro;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_practice *p = make("F81001", "Fictional Meadow Surgery", "RM1 3AE");
	pcreg_practice_iter *it = NULL;

	ck_assert_int_eq(pcreg_practice_insert(rw, p), PCREG_OK);
	pcreg_db_close(rw);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	tu_assert_status(ro, pcreg_practice_insert(ro, p), PCREG_READONLY, "read-only");
	tu_assert_status(ro, pcreg_practice_delete(ro, "F81001"), PCREG_READONLY, "read-only");
	ck_assert_int_eq(pcreg_practice_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "F81001");
	pcreg_db_close(ro);

	/* A registry that needs migration answers nothing until migrated. */
	opts.flags = PCREG_OPEN_CREATE;
	opts.schema_version = 1;
	rw = NULL;
	ck_assert_int_eq(pcreg_db_open(tu_path("practice-old.db"), &opts, &rw), PCREG_OK);
	tu_assert_status(rw, pcreg_practice_insert(rw, p), PCREG_NEEDS_MIGRATION, "migrate");
	tu_assert_status(rw, pcreg_practice_list(rw, NULL, &it), PCREG_NEEDS_MIGRATION, "migrate");
	ck_assert_int_eq(pcreg_db_migrate(rw, 0), PCREG_OK);
	ck_assert_int_eq(pcreg_practice_insert(rw, p), PCREG_OK);
	pcreg_db_close(rw);
	pcreg_practice_free(p);
}
END_TEST

/* An iterator keeps its registry open after pcreg_db_close(), and then
 * refuses to go on. */
START_TEST(test_iterator_outlives_close)
{
	pcreg_db *local = tu_open(":memory:", 0);
	pcreg_practice_iter *it = NULL;
	const pcreg_practice *row;
	pcreg_practice *p = make("F81001", "A", "RM1 3AE");

	ck_assert_int_eq(pcreg_practice_insert(local, p), PCREG_OK);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_practice_list(local, NULL, &it), PCREG_OK);
	pcreg_db_close(local);
	ck_assert_int_eq(pcreg_practice_iter_next(it, &row), PCREG_MISUSE);
	pcreg_practice_iter_free(it);
}
END_TEST

/* Two iterators over the same statement at once. */
START_TEST(test_nested_iteration)
{
	pcreg_practice_iter *outer = NULL, *inner = NULL;
	const pcreg_practice *a, *b;
	int pairs = 0;

	add("F81001", "A", "BR1 1AA");
	add("F81002", "B", "BR1 2AA");
	ck_assert_int_eq(pcreg_practice_postcode_search(db, "BR1", &outer), PCREG_OK);
	while (pcreg_practice_iter_next(outer, &a) == PCREG_OK) {
		ck_assert_int_eq(pcreg_practice_postcode_search(db, "BR1", &inner), PCREG_OK);
		while (pcreg_practice_iter_next(inner, &b) == PCREG_OK)
			pairs++;
		pcreg_practice_iter_free(inner);
	}
	pcreg_practice_iter_free(outer);
	ck_assert_int_eq(pairs, 4);
}
END_TEST

static Suite *practice_suite(void)
{
	Suite *s = suite_create("practice");
	TCase *tc = tcase_create("practice");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_not_found_and_exists);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_status_words);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_search);
	tcase_add_test(tc, test_postcode_search);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly_and_old_schema);
	tcase_add_test(tc, test_iterator_outlives_close);
	tcase_add_test(tc, test_nested_iteration);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(practice_suite());
}
