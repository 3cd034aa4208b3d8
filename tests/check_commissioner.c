/*
 * check_commissioner.c: commissioners: get, insert, update, delete, list.
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

static pcreg_commissioner *make(const char *code, pcreg_commissioner_kind_value kind,
                                const char *name)
{
	pcreg_commissioner *c = NULL;

	ck_assert_int_eq(pcreg_commissioner_new(&c), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_code(c, code), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_kind(c, kind), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_name(c, name), PCREG_OK);
	return c;
}

static void add_to(pcreg_db *to, const char *code, pcreg_commissioner_kind_value kind,
                   const char *name, const char *region, const char *parent, const char *open,
                   const char *close)
{
	pcreg_commissioner *c = make(code, kind, name);

	pcreg_commissioner_set_region(c, region);
	pcreg_commissioner_set_parent(c, parent);
	pcreg_commissioner_set_open_date(c, open);
	pcreg_commissioner_set_close_date(c, close);
	ck_assert_msg(pcreg_commissioner_insert(to, c) == PCREG_OK, "%s", pcreg_db_errmsg(to));
	pcreg_commissioner_free(c);
}

static void add(const char *code, pcreg_commissioner_kind_value kind, const char *name)
{
	add_to(db, code, kind, name, NULL, NULL, NULL, NULL);
}

/* The codes an iterator yields, joined by spaces; frees the iterator. */
static char *codes(pcreg_db *from, pcreg_commissioner_iter *it)
{
	static char buf[1024];
	const pcreg_commissioner *c;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_commissioner_iter_next(it, &c)) == PCREG_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, pcreg_commissioner_code(c));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(from));
	ck_assert_int_eq(pcreg_commissioner_iter_next(it, &c), PCREG_DONE);
	ck_assert_ptr_null(c);
	pcreg_commissioner_iter_free(it);
	return buf;
}

static char *all_codes(pcreg_db *from)
{
	pcreg_commissioner_iter *it = NULL;

	ck_assert_int_eq(pcreg_commissioner_list(from, NULL, &it), PCREG_OK);
	return codes(from, it);
}

START_TEST(test_insert_get_roundtrip)
{
	pcreg_commissioner *c = make("07L", PCREG_COMMISSIONER_CCG, "NHS Barking and Dagenham CCG");
	pcreg_commissioner *got = NULL;

	add("QMF", PCREG_COMMISSIONER_ICB, "NHS North East London ICB");
	ck_assert_int_eq(pcreg_commissioner_set_ons_code(c, "E38000004"), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_region(c, "Y56"), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_parent(c, "QMF"), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_open_date(c, "2013-04-01"), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_insert(db, c), PCREG_OK);
	pcreg_commissioner_free(c);

	ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_commissioner_code(got), "07L");
	ck_assert_int_eq(pcreg_commissioner_kind(got), PCREG_COMMISSIONER_CCG);
	ck_assert_str_eq(pcreg_commissioner_name(got), "NHS Barking and Dagenham CCG");
	ck_assert_str_eq(pcreg_commissioner_ons_code(got), "E38000004");
	ck_assert_str_eq(pcreg_commissioner_region(got), "Y56");
	ck_assert_str_eq(pcreg_commissioner_parent(got), "QMF");
	ck_assert_str_eq(pcreg_commissioner_open_date(got), "2013-04-01");
	ck_assert_ptr_null(pcreg_commissioner_close_date(got));

	/* A record from get can be changed and written back. */
	ck_assert_int_eq(pcreg_commissioner_set_close_date(got, "2021-03-31"), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_kind(got, PCREG_COMMISSIONER_SUB_ICB), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_parent(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_set_ons_code(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_update(db, got), PCREG_OK);
	pcreg_commissioner_free(got);

	ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_commissioner_kind(got), PCREG_COMMISSIONER_SUB_ICB);
	ck_assert_str_eq(pcreg_commissioner_close_date(got), "2021-03-31");
	ck_assert_ptr_null(pcreg_commissioner_parent(got));
	ck_assert_ptr_null(pcreg_commissioner_ons_code(got));
	pcreg_commissioner_free(got);

	/* Five-character sub-ICB codes are commissioner codes too. */
	add("A3A8R", PCREG_COMMISSIONER_SUB_ICB, "NHS North East London CCG");
	ck_assert_str_eq(all_codes(db), "07L A3A8R QMF");
}
END_TEST

START_TEST(test_not_found_and_exists)
{
	pcreg_commissioner *c = NULL;

	tu_assert_status(db, pcreg_commissioner_get(db, "99X", &c), PCREG_NOTFOUND,
	                 "commissioner 99X: not found");
	ck_assert_ptr_null(c);
	add("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");
	c = make("07L", PCREG_COMMISSIONER_CCG, "Another");
	tu_assert_status(db, pcreg_commissioner_insert(db, c), PCREG_EXISTS,
	                 "commissioner 07L: already exists");
	ck_assert_int_eq(pcreg_commissioner_set_code(c, "99X"), PCREG_OK);
	tu_assert_status(db, pcreg_commissioner_update(db, c), PCREG_NOTFOUND,
	                 "commissioner 99X: not found");
	pcreg_commissioner_free(c);
	tu_assert_status(db, pcreg_commissioner_delete(db, "99X"), PCREG_NOTFOUND,
	                 "commissioner 99X: not found");
	/* The refused writes changed nothing. */
	ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &c), PCREG_OK);
	ck_assert_str_eq(pcreg_commissioner_name(c), "Barking and Dagenham");
	pcreg_commissioner_free(c);
	ck_assert_int_eq(pcreg_commissioner_delete(db, "07L"), PCREG_OK);
	tu_assert_status(db, pcreg_commissioner_get(db, "07L", &c), PCREG_NOTFOUND, "not found");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "code", "07", "commissioner.code: \"07\" is not a commissioner code" },
		{ "code", "07l", "commissioner.code: \"07l\" is not a commissioner code" },
		{ "code", "A3A8", "commissioner.code: \"A3A8\" is not a commissioner code" },
		{ "code", "07L 1", "commissioner.code: \"07L 1\" is not a commissioner code" },
		{ "code", NULL, "commissioner.code: is required" },
		{ "name", "", "commissioner.name: is empty" },
		{ "name", NULL, "commissioner.name: is required" },
		{ "ons_code", "E3800000", "commissioner.ons_code: \"E3800000\" is not an ONS code" },
		{ "ons_code", "W38000004", "commissioner.ons_code: \"W38000004\" is not an ONS code" },
		{ "region", "Y5", "commissioner.region: \"Y5\" is not a region code" },
		{ "region", "y56", "commissioner.region: \"y56\" is not a region code" },
		{ "parent", "QM", "commissioner.parent: \"QM\" is not a commissioner code" },
		{ "parent", "07L", "commissioner.parent: 07L is the commissioner itself" },
		{ "open_date", "2013-02-29", "commissioner.open_date: \"2013-02-29\" is not a real date" },
		{ "close_date", "2021-3-31", "commissioner.close_date: \"2021-3-31\" is not a real date" },
		{ "close_date", "2012-03-31", "commissioner.close_date: 2012-03-31 is before open_date 2013-04-01" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pcreg_commissioner *c = make("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");

		pcreg_commissioner_set_open_date(c, "2013-04-01");
		if (strcmp(cases[i].field, "code") == 0)
			pcreg_commissioner_set_code(c, cases[i].value);
		else if (strcmp(cases[i].field, "name") == 0)
			pcreg_commissioner_set_name(c, cases[i].value);
		else if (strcmp(cases[i].field, "ons_code") == 0)
			pcreg_commissioner_set_ons_code(c, cases[i].value);
		else if (strcmp(cases[i].field, "region") == 0)
			pcreg_commissioner_set_region(c, cases[i].value);
		else if (strcmp(cases[i].field, "parent") == 0)
			pcreg_commissioner_set_parent(c, cases[i].value);
		else if (strcmp(cases[i].field, "open_date") == 0)
			pcreg_commissioner_set_open_date(c, cases[i].value);
		else
			pcreg_commissioner_set_close_date(c, cases[i].value);
		tu_assert_status(db, pcreg_commissioner_insert(db, c), PCREG_INVALID, cases[i].message);
		pcreg_commissioner_free(c);
	}
	{
		pcreg_commissioner *c = make("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");

		pcreg_commissioner_set_kind(c, (pcreg_commissioner_kind_value)9);
		tu_assert_status(db, pcreg_commissioner_insert(db, c), PCREG_INVALID,
		                 "commissioner.kind: 9 is not one of the allowed values");
		pcreg_commissioner_set_kind(c, PCREG_COMMISSIONER_KIND_NONE);
		tu_assert_status(db, pcreg_commissioner_insert(db, c), PCREG_INVALID,
		                 "commissioner.kind: is required");
		pcreg_commissioner_free(c);
	}
	ck_assert_str_eq(all_codes(db), "");

	/* The same checks guard updates, and a refused update changes nothing. */
	add("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");
	{
		pcreg_commissioner *c = NULL;

		ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &c), PCREG_OK);
		pcreg_commissioner_set_name(c, "Renamed");
		pcreg_commissioner_set_parent(c, "07L");
		tu_assert_status(db, pcreg_commissioner_update(db, c), PCREG_INVALID,
		                 "commissioner.parent: 07L is the commissioner itself");
		pcreg_commissioner_set_parent(c, NULL);
		pcreg_commissioner_set_ons_code(c, "E38");
		tu_assert_status(db, pcreg_commissioner_update(db, c), PCREG_INVALID,
		                 "commissioner.ons_code");
		pcreg_commissioner_free(c);
		ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &c), PCREG_OK);
		ck_assert_str_eq(pcreg_commissioner_name(c), "Barking and Dagenham");
		pcreg_commissioner_free(c);
	}
}
END_TEST

/* A parent must be in the registry; the message names the reference. */
START_TEST(test_parent_reference)
{
	pcreg_commissioner *c = make("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");

	pcreg_commissioner_set_parent(c, "QMF");
	tu_assert_status(db, pcreg_commissioner_insert(db, c), PCREG_CONSTRAINT,
	                 "commissioner.parent: no commissioner QMF in the registry");
	ck_assert_str_eq(all_codes(db), "");

	add("QMF", PCREG_COMMISSIONER_ICB, "North East London");
	ck_assert_int_eq(pcreg_commissioner_insert(db, c), PCREG_OK);
	pcreg_commissioner_set_parent(c, "QXX");
	tu_assert_status(db, pcreg_commissioner_update(db, c), PCREG_CONSTRAINT,
	                 "commissioner.parent: no commissioner QXX in the registry");
	pcreg_commissioner_free(c);
	ck_assert_int_eq(pcreg_commissioner_get(db, "07L", &c), PCREG_OK);
	ck_assert_str_eq(pcreg_commissioner_parent(c), "QMF");
	pcreg_commissioner_free(c);
}
END_TEST

/* Deleting a commissioner that others refer to is refused, naming each
 * kind of dependent, and removes nothing. */
START_TEST(test_delete_refused)
{
	const char *path = tu_path("commissioner-delete.db");
	pcreg_db *file = tu_open(path, PCREG_OPEN_CREATE);
	pcreg_practice *p = NULL;
	pcreg_arrangement *a = NULL;
	pcreg_commissioner *c = NULL;

	add_to(file, "QMF", PCREG_COMMISSIONER_ICB, "North East London", "Y56", NULL, NULL, NULL);

	/* A child commissioner alone. */
	add_to(file, "07L", PCREG_COMMISSIONER_SUB_ICB, "Barking and Dagenham", "Y56", "QMF", NULL,
	       NULL);
	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "commissioner QMF: cannot delete: 1 child commissioners depend on it (e.g. 07L)");

	/* Then every kind at once. */
	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	pcreg_practice_set_code(p, "F81001");
	pcreg_practice_set_name(p, "Fictional Meadow Surgery");
	pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
	ck_assert_int_eq(pcreg_practice_insert(file, p), PCREG_OK);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_membership_join(file, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "QMF",
	                                       "2022-07-01", NULL),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_arrangement_new(&a), PCREG_OK);
	pcreg_arrangement_set_commissioner(a, "QMF");
	pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_DELEGATED);
	pcreg_arrangement_set_from_date(a, "2022-07-01");
	ck_assert_int_eq(pcreg_arrangement_insert(file, a), PCREG_OK);
	pcreg_arrangement_free(a);
	tu_sql(path, "INSERT INTO network (code, kind, name, commissioner)"
	             " VALUES ('U12345', 'pcn', 'Fictional PCN', 'QMF')");
	tu_sql(path, "INSERT INTO contract (practice, commissioner, type, start_date)"
	             " VALUES ('F81001', 'QMF', 'GMS', '2022-07-01')");

	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "1 practice commissioner memberships depend on it (e.g. F81001 from 2022-07-01)");
	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "1 networks depend on it (e.g. U12345)");
	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "1 contracts depend on it (e.g. contract 1 (GMS from 2022-07-01))");
	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "1 commissioning arrangements depend on it (e.g. delegated from 2022-07-01)");
	tu_assert_status(file, pcreg_commissioner_delete(file, "QMF"), PCREG_CONSTRAINT,
	                 "1 child commissioners depend on it (e.g. 07L)");

	/* Nothing went. */
	ck_assert_int_eq(pcreg_commissioner_get(file, "QMF", &c), PCREG_OK);
	pcreg_commissioner_free(c);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_commissioner"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM network"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM contract"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM commissioning_arrangement"), 1);
	ck_assert_str_eq(all_codes(file), "07L QMF");

	/* A commissioner nothing refers to goes. */
	ck_assert_int_eq(pcreg_commissioner_delete(file, "07L"), PCREG_OK);
	ck_assert_str_eq(all_codes(file), "QMF");
	pcreg_db_close(file);
}
END_TEST

START_TEST(test_kind_words)
{
	ck_assert_str_eq(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_CCG), "ccg");
	ck_assert_str_eq(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_SUB_ICB), "sub_icb");
	ck_assert_str_eq(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_ICB), "icb");
	ck_assert_str_eq(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_REGION), "region");
	ck_assert_str_eq(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_OTHER), "other");
	ck_assert_ptr_null(pcreg_commissioner_kind_str(PCREG_COMMISSIONER_KIND_NONE));
	ck_assert_ptr_null(pcreg_commissioner_kind_str((pcreg_commissioner_kind_value)6));
	ck_assert_ptr_null(pcreg_commissioner_kind_str((pcreg_commissioner_kind_value)-1));
	ck_assert_int_eq(pcreg_commissioner_kind_parse("CCG"), PCREG_COMMISSIONER_CCG);
	ck_assert_int_eq(pcreg_commissioner_kind_parse("Sub_ICB"), PCREG_COMMISSIONER_SUB_ICB);
	ck_assert_int_eq(pcreg_commissioner_kind_parse("region"), PCREG_COMMISSIONER_REGION);
	ck_assert_int_eq(pcreg_commissioner_kind_parse("trust"), PCREG_COMMISSIONER_KIND_NONE);
	ck_assert_int_eq(pcreg_commissioner_kind_parse(""), PCREG_COMMISSIONER_KIND_NONE);
	ck_assert_int_eq(pcreg_commissioner_kind_parse(NULL), PCREG_COMMISSIONER_KIND_NONE);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_commissioner_query q = PCREG_COMMISSIONER_QUERY_INIT;
	pcreg_commissioner_iter *it = NULL;

	add_to(db, "Y56", PCREG_COMMISSIONER_REGION, "London", NULL, NULL, "2013-04-01", NULL);
	add_to(db, "QMF", PCREG_COMMISSIONER_ICB, "North East London", "Y56", "Y56", "2022-07-01",
	       NULL);
	add_to(db, "07L", PCREG_COMMISSIONER_CCG, "NHS Barking and Dagenham CCG", "Y56", NULL,
	       "2013-04-01", "2021-03-31");
	add_to(db, "A3A8R", PCREG_COMMISSIONER_SUB_ICB, "NHS North East London", "Y56", "QMF",
	       "2021-04-01", NULL);
	add_to(db, "09A", PCREG_COMMISSIONER_CCG, "NHS Central London (Westminster) CCG", "Y56",
	       NULL, "2013-04-01", "2021-03-31");
	add_to(db, "99E", PCREG_COMMISSIONER_CCG, "NHS Basildon and Brentwood CCG", "Y61", NULL,
	       "2013-04-01", NULL);

	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "07L 09A 99E A3A8R QMF Y56");

	q.kind = PCREG_COMMISSIONER_CCG;
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "07L 09A 99E");
	q.region = "Y56";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "07L 09A");

	pcreg_commissioner_query_init(&q, PCREG_COMMISSIONER_QUERY_VERSION);
	q.parent = "QMF";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "A3A8R");

	pcreg_commissioner_query_init(&q, PCREG_COMMISSIONER_QUERY_VERSION);
	q.name = "north EAST";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "A3A8R QMF");
	q.name = "(Westminster)";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "09A");

	/* Open on a date: the first and last days count. */
	pcreg_commissioner_query_init(&q, PCREG_COMMISSIONER_QUERY_VERSION);
	q.on = "2021-03-31";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "07L 09A 99E Y56");
	q.on = "2021-04-01";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "99E A3A8R Y56");
	q.on = "2022-07-01";
	q.region = "Y56";
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "A3A8R QMF");

	pcreg_commissioner_query_init(&q, PCREG_COMMISSIONER_QUERY_VERSION);
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_commissioner_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(db, it), "09A 99E");

	/* Bad queries. */
	pcreg_commissioner_query_init(&q, PCREG_COMMISSIONER_QUERY_VERSION);
	q.on = "2021-02-29";
	tu_assert_status(db, pcreg_commissioner_list(db, &q, &it), PCREG_INVALID,
	                 "query.on: \"2021-02-29\" is not a real date");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.kind = 42;
	tu_assert_status(db, pcreg_commissioner_list(db, &q, &it), PCREG_INVALID,
	                 "query.kind: 42 is not a commissioner kind");
	q.kind = 0;
	q.version = 7;
	tu_assert_status(db, pcreg_commissioner_list(db, &q, &it), PCREG_MISUSE, "query version 7");
	ck_assert_int_eq(pcreg_commissioner_query_init(NULL, PCREG_COMMISSIONER_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_commissioner *c = NULL;
	pcreg_commissioner_iter *it = NULL;

	ck_assert_int_eq(pcreg_commissioner_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_get(NULL, "07L", &c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_insert(NULL, c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_update(NULL, c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_delete(NULL, "07L"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_commissioner_get(db, NULL, &c), PCREG_MISUSE, "code is NULL");
	tu_assert_status(db, pcreg_commissioner_get(db, "07L", NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_commissioner_insert(db, NULL), PCREG_MISUSE,
	                 "commissioner is NULL");
	tu_assert_status(db, pcreg_commissioner_update(db, NULL), PCREG_MISUSE,
	                 "commissioner is NULL");
	tu_assert_status(db, pcreg_commissioner_delete(db, NULL), PCREG_MISUSE, "code is NULL");
	tu_assert_status(db, pcreg_commissioner_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_commissioner_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_commissioner_iter_free(NULL);
	pcreg_commissioner_free(NULL);
	/* Getters on NULL read as empty; setters refuse. */
	ck_assert_ptr_null(pcreg_commissioner_code(NULL));
	ck_assert_ptr_null(pcreg_commissioner_parent(NULL));
	ck_assert_int_eq(pcreg_commissioner_kind(NULL), PCREG_COMMISSIONER_KIND_NONE);
	ck_assert_int_eq(pcreg_commissioner_set_name(NULL, "x"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_set_kind(NULL, PCREG_COMMISSIONER_CCG), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_commissioner_set_region(NULL, "Y56"), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	const char *path = tu_path("commissioner-ro.db");
	pcreg_db *rw = tu_open(path, PCREG_OPEN_CREATE), *ro;
	pcreg_commissioner *c = make("07L", PCREG_COMMISSIONER_CCG, "Barking and Dagenham");
	pcreg_commissioner *got = NULL;

	ck_assert_int_eq(pcreg_commissioner_insert(rw, c), PCREG_OK);
	pcreg_db_close(rw);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	pcreg_commissioner_set_code(c, "08F");
	tu_assert_status(ro, pcreg_commissioner_insert(ro, c), PCREG_READONLY, "read-only");
	pcreg_commissioner_set_code(c, "07L");
	pcreg_commissioner_set_name(c, "Renamed");
	tu_assert_status(ro, pcreg_commissioner_update(ro, c), PCREG_READONLY, "read-only");
	tu_assert_status(ro, pcreg_commissioner_delete(ro, "07L"), PCREG_READONLY, "read-only");
	ck_assert_int_eq(pcreg_commissioner_get(ro, "07L", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_commissioner_name(got), "Barking and Dagenham");
	pcreg_commissioner_free(got);
	ck_assert_str_eq(all_codes(ro), "07L");
	pcreg_db_close(ro);
	pcreg_commissioner_free(c);
}
END_TEST

static Suite *commissioner_suite(void)
{
	Suite *s = suite_create("commissioner");
	TCase *tc = tcase_create("commissioner");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_not_found_and_exists);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_parent_reference);
	tcase_add_test(tc, test_delete_refused);
	tcase_add_test(tc, test_kind_words);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(commissioner_suite());
}
