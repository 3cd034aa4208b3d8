/*
 * check_federation.c: GP federations: get, insert, update, delete, list.
 *
 * The data are the federations the seeds name: Together First, Havering
 * Health, Healthbridge Direct, Redbridge Alliance and Bromley GP Alliance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;
static char path[512];

/* A file registry per test, so that rows other modules own (contracts)
 * can be written with raw SQL. */
static void setup(void)
{
	static int n;
	char name[64];

	snprintf(name, sizeof name, "federation-%d.db", ++n);
	snprintf(path, sizeof path, "%s", tu_path(name));
	db = tu_open(path, PCREG_OPEN_CREATE);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_federation *make(const char *id, const char *name, const char *area)
{
	pcreg_federation *f = NULL;

	ck_assert_int_eq(pcreg_federation_new(&f), PCREG_OK);
	ck_assert_int_eq(pcreg_federation_set_id(f, id), PCREG_OK);
	ck_assert_int_eq(pcreg_federation_set_name(f, name), PCREG_OK);
	ck_assert_int_eq(pcreg_federation_set_area(f, area), PCREG_OK);
	return f;
}

static void add(const char *id, const char *name, const char *area)
{
	pcreg_federation *f = make(id, name, area);

	ck_assert_msg(pcreg_federation_insert(db, f) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_federation_free(f);
}

static void add_seed_federations(void)
{
	add("together-first", "Together First", "Barking and Dagenham");
	add("havering-health", "Havering Health", "Havering");
	add("healthbridge-direct", "Healthbridge Direct", "Redbridge");
	add("redbridge-alliance", "Redbridge Alliance", "Redbridge");
	add("bromley-gp-alliance", "Bromley GP Alliance", "Bromley");
}

/* The ids an iterator yields, joined by spaces; frees the iterator. */
static char *ids(pcreg_federation_iter *it)
{
	static char buf[1024];
	const pcreg_federation *f;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_federation_iter_next(it, &f)) == PCREG_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, pcreg_federation_id(f));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_federation_iter_next(it, &f), PCREG_DONE);
	ck_assert_ptr_null(f);
	pcreg_federation_iter_free(it);
	return buf;
}

/* Every federation with every field, to show a refused write changed
 * nothing. */
static void snapshot(pcreg_db *handle, char *out, size_t size)
{
	pcreg_federation_iter *it = NULL;
	const pcreg_federation *f;
	size_t len = 0;

	out[0] = '\0';
	ck_assert_int_eq(pcreg_federation_list(handle, NULL, &it), PCREG_OK);
	while (pcreg_federation_iter_next(it, &f) == PCREG_OK) {
		const char *area = pcreg_federation_area(f);

		len += (size_t)snprintf(out + len, size - len, "%s|%s|%s\n", pcreg_federation_id(f),
		                        pcreg_federation_name(f), area ? area : "-");
	}
	pcreg_federation_iter_free(it);
	ck_assert_uint_lt(len, size);
}

START_TEST(test_insert_get_roundtrip)
{
	pcreg_federation *f = make("bromley-gp-alliance", "Bromley GP Alliance", "Bromley");
	pcreg_federation *got = NULL;

	ck_assert_int_eq(pcreg_federation_insert(db, f), PCREG_OK);
	ck_assert_str_eq(pcreg_federation_id(f), "bromley-gp-alliance");
	pcreg_federation_free(f);

	ck_assert_int_eq(pcreg_federation_get(db, "bromley-gp-alliance", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_federation_id(got), "bromley-gp-alliance");
	ck_assert_str_eq(pcreg_federation_name(got), "Bromley GP Alliance");
	ck_assert_str_eq(pcreg_federation_area(got), "Bromley");

	/* A record from get can be changed and written back. */
	ck_assert_int_eq(pcreg_federation_set_name(got, "Bromley GP Alliance Ltd"), PCREG_OK);
	ck_assert_int_eq(pcreg_federation_set_area(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_federation_update(db, got), PCREG_OK);
	pcreg_federation_free(got);

	ck_assert_int_eq(pcreg_federation_get(db, "bromley-gp-alliance", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_federation_name(got), "Bromley GP Alliance Ltd");
	ck_assert_ptr_null(pcreg_federation_area(got));
	pcreg_federation_free(got);
}
END_TEST

START_TEST(test_not_found_and_exists)
{
	pcreg_federation *f = NULL;
	char before[4096], after[4096];

	tu_assert_status(db, pcreg_federation_get(db, "together-first", &f), PCREG_NOTFOUND,
	                 "federation together-first: not found");
	ck_assert_ptr_null(f);
	add_seed_federations();
	snapshot(db, before, sizeof before);

	f = make("together-first", "Another Together First", NULL);
	tu_assert_status(db, pcreg_federation_insert(db, f), PCREG_EXISTS,
	                 "federation together-first: already exists");
	ck_assert_int_eq(pcreg_federation_set_id(f, "apart-first"), PCREG_OK);
	tu_assert_status(db, pcreg_federation_update(db, f), PCREG_NOTFOUND,
	                 "federation apart-first: not found");
	pcreg_federation_free(f);
	tu_assert_status(db, pcreg_federation_delete(db, "apart-first"), PCREG_NOTFOUND,
	                 "federation apart-first: not found");
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);

	ck_assert_int_eq(pcreg_federation_delete(db, "havering-health"), PCREG_OK);
	tu_assert_status(db, pcreg_federation_get(db, "havering-health", &f), PCREG_NOTFOUND,
	                 "not found");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "id", "Bromley GP Alliance",
		  "federation.id: \"Bromley GP Alliance\" is not an identifier" },
		{ "id", "bromley/alliance", "federation.id: \"bromley/alliance\" is not an identifier" },
		{ "id", "", "federation.id: is empty" },
		{ "id", NULL, "federation.id: is required" },
		{ "name", "", "federation.name: is empty" },
		{ "name", NULL, "federation.name: is required" },
		{ "area", "", "federation.area: is empty" },
	};
	size_t i;
	pcreg_federation_iter *it = NULL;
	pcreg_federation *f;
	char before[4096], after[4096];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = make("bromley-gp-alliance", "Bromley GP Alliance", "Bromley");
		if (strcmp(cases[i].field, "id") == 0)
			pcreg_federation_set_id(f, cases[i].value);
		else if (strcmp(cases[i].field, "name") == 0)
			pcreg_federation_set_name(f, cases[i].value);
		else
			pcreg_federation_set_area(f, cases[i].value);
		tu_assert_status(db, pcreg_federation_insert(db, f), PCREG_INVALID, cases[i].message);
		pcreg_federation_free(f);
	}
	ck_assert_int_eq(pcreg_federation_list(db, NULL, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");

	/* Updates are checked the same way. */
	add_seed_federations();
	snapshot(db, before, sizeof before);
	ck_assert_int_eq(pcreg_federation_get(db, "together-first", &f), PCREG_OK);
	pcreg_federation_set_name(f, NULL);
	tu_assert_status(db, pcreg_federation_update(db, f), PCREG_INVALID,
	                 "federation.name: is required");
	pcreg_federation_free(f);
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
}
END_TEST

START_TEST(test_delete_refused_while_depended_on)
{
	pcreg_practice *p = NULL;
	char before[4096], after[4096];

	add_seed_federations();
	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	pcreg_practice_set_code(p, "F81001");
	pcreg_practice_set_name(p, "Fictional Meadow Surgery");
	pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
	ck_assert_int_eq(pcreg_practice_insert(db, p), PCREG_OK);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                       "bromley-gp-alliance", "2016-04-01", NULL),
	                 PCREG_OK);
	/* Seed 000: the Alliance ran the evening and weekend access hubs
	 * under a contract to 31 March 2018. */
	tu_sql(path, "INSERT INTO contract (federation, type, service, start_date, end_date)"
	             " VALUES ('bromley-gp-alliance', 'LES', 'Evening and weekend access hubs',"
	             " '2016-10-01', '2018-03-31'),"
	             " ('together-first', 'LIS', 'Extended access', '2017-04-01', NULL)");
	snapshot(db, before, sizeof before);

	tu_assert_status(db, pcreg_federation_delete(db, "bromley-gp-alliance"), PCREG_CONSTRAINT,
	                 "federation bromley-gp-alliance: cannot delete: 1 practice federation"
	                 " memberships depend on it (e.g. F81001 from 2016-04-01); 1 contracts held"
	                 " depend on it (e.g. LES Evening and weekend access hubs from 2016-10-01)");
	tu_assert_status(db, pcreg_federation_delete(db, "together-first"), PCREG_CONSTRAINT,
	                 "federation together-first: cannot delete: 1 contracts held depend on it");
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "memberships") == NULL, "%s",
	              pcreg_db_errmsg(db));
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_federation"), 1);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM contract"), 2);

	/* With its dependents gone, it goes. */
	ck_assert_int_eq(pcreg_membership_delete(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                         "2016-04-01"),
	                 PCREG_OK);
	tu_assert_status(db, pcreg_federation_delete(db, "bromley-gp-alliance"), PCREG_CONSTRAINT,
	                 "1 contracts held depend on it");
	tu_sql(path, "DELETE FROM contract WHERE federation = 'bromley-gp-alliance'");
	ck_assert_int_eq(pcreg_federation_delete(db, "bromley-gp-alliance"), PCREG_OK);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM federation"), 4);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_federation_query q = PCREG_FEDERATION_QUERY_INIT;
	pcreg_federation_iter *it = NULL;

	add_seed_federations();
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "bromley-gp-alliance havering-health healthbridge-direct"
	                          " redbridge-alliance together-first");

	q.area = "Redbridge";
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "healthbridge-direct redbridge-alliance");
	/* The area is matched whole. */
	q.area = "Redbr";
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");

	ck_assert_int_eq(pcreg_federation_query_init(&q, PCREG_FEDERATION_QUERY_VERSION), PCREG_OK);
	q.name = "ALLIANCE";
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "bromley-gp-alliance redbridge-alliance");
	q.area = "Bromley";
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "bromley-gp-alliance");
	q.name = "health";
	q.area = NULL;
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "havering-health healthbridge-direct");

	pcreg_federation_query_init(&q, PCREG_FEDERATION_QUERY_VERSION);
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "havering-health healthbridge-direct");
	q.limit = 0;
	q.offset = 4;
	ck_assert_int_eq(pcreg_federation_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "together-first");

	/* Bad queries. */
	q.version = 7;
	tu_assert_status(db, pcreg_federation_list(db, &q, &it), PCREG_MISUSE, "query version 7");
	ck_assert_ptr_null(it);
	ck_assert_int_eq(pcreg_federation_query_init(NULL, PCREG_FEDERATION_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_federation_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_federation *f = NULL;
	pcreg_federation_iter *it = NULL;

	ck_assert_int_eq(pcreg_federation_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_federation_get(NULL, "together-first", &f), PCREG_MISUSE);
	tu_assert_status(db, pcreg_federation_get(db, NULL, &f), PCREG_MISUSE,
	                 "pcreg_federation_get: id is NULL");
	tu_assert_status(db, pcreg_federation_get(db, "together-first", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_federation_insert(db, NULL), PCREG_MISUSE, "federation is NULL");
	tu_assert_status(db, pcreg_federation_update(db, NULL), PCREG_MISUSE, "federation is NULL");
	tu_assert_status(db, pcreg_federation_delete(db, NULL), PCREG_MISUSE,
	                 "pcreg_federation_delete: id is NULL");
	tu_assert_status(db, pcreg_federation_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_federation_list(NULL, NULL, &it), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_federation_insert(NULL, f), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_federation_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_federation_iter_free(NULL);
	pcreg_federation_free(NULL);
	ck_assert_ptr_null(pcreg_federation_id(NULL));
	ck_assert_ptr_null(pcreg_federation_area(NULL));
	ck_assert_int_eq(pcreg_federation_set_name(NULL, "x"), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;
	pcreg_federation *f = NULL;
	pcreg_federation_iter *it = NULL;
	char before[4096], after[4096];

	add("together-first", "Together First", "Barking and Dagenham");
	snapshot(db, before, sizeof before);
	pcreg_db_close(db);
	db = tu_open(path, PCREG_OPEN_READONLY);
	ro = db;

	ck_assert_int_eq(pcreg_federation_get(ro, "together-first", &f), PCREG_OK);
	tu_assert_status(ro, pcreg_federation_update(ro, f), PCREG_READONLY, "read-only");
	pcreg_federation_set_id(f, "havering-health");
	tu_assert_status(ro, pcreg_federation_insert(ro, f), PCREG_READONLY, "read-only");
	pcreg_federation_free(f);
	tu_assert_status(ro, pcreg_federation_delete(ro, "together-first"), PCREG_READONLY,
	                 "read-only");
	ck_assert_int_eq(pcreg_federation_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "together-first");
	snapshot(ro, after, sizeof after);
	ck_assert_str_eq(after, before);
}
END_TEST

static Suite *federation_suite(void)
{
	Suite *s = suite_create("federation");
	TCase *tc = tcase_create("federation");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_not_found_and_exists);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_delete_refused_while_depended_on);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(federation_suite());
}
