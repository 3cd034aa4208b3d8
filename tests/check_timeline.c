/*
 * check_timeline.c: a practice's dated events, in order.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

START_TEST(test_everything_in_date_order)
{
	const char *path = tu_path("timeline.db");
	pcreg_practice *p = NULL;
	pcreg_contract *k = NULL;
	pcreg_inspection *i = NULL;
	pcreg_list_size *s = NULL;
	pcreg_timeline_iter *it = NULL;
	const pcreg_event *e;
	char all[2048] = "";
	static const char expected[] =
		"1990-01-01 opened - Fictional Riverside Surgery\n"
		"2004-04-01 contract_started GMS - #1\n"
		"2013-04-01 joined_commissioner 07L NHS Barking and Dagenham CCG\n"
		"2015-02-10 inspected - 1-101681212 #1\n"
		"2015-04-20 report_published good https://www.cqc.org.uk/location/1-101681212 #1\n"
		"2016-04-01 joined_federation together-first Together First\n"
		"2016-12-01 contract_started LIS Integrated Case Management #2\n"
		"2019-07-01 joined_network U00001 First Fictional PCN\n"
		"2020-03-31 left_network U00001 First Fictional PCN\n"
		"2020-04-01 joined_network U00002 Second Fictional PCN\n"
		"2021-01-01 list_size - - #6012\n"
		"2021-03-31 left_commissioner 07L NHS Barking and Dagenham CCG\n"
		"2021-04-01 joined_commissioner A3A8R NHS North East London ICB - A3A8R\n"
		"2022-03-31 contract_ended LIS Integrated Case Management #2\n"
		"2023-06-30 closed closed -\n";

	db = tu_open(path, PCREG_OPEN_CREATE);
	tu_sql(path, "INSERT INTO commissioner (code, kind, name) VALUES"
	             " ('07L', 'ccg', 'NHS Barking and Dagenham CCG'),"
	             " ('A3A8R', 'sub_icb', 'NHS North East London ICB - A3A8R');"
	             "INSERT INTO network (code, kind, name) VALUES"
	             " ('U00001', 'pcn', 'First Fictional PCN'), ('U00002', 'pcn', 'Second Fictional PCN');"
	             "INSERT INTO federation (id, name) VALUES ('together-first', 'Together First')");

	OK(pcreg_practice_new(&p));
	pcreg_practice_set_code(p, "F81001");
	pcreg_practice_set_name(p, "Fictional Riverside Surgery");
	pcreg_practice_set_status(p, PCREG_PRACTICE_CLOSED);
	pcreg_practice_set_open_date(p, "1990-01-01");
	pcreg_practice_set_close_date(p, "2023-06-30");
	OK(pcreg_practice_insert(db, p));
	pcreg_practice_free(p);
	OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "07L", "2013-04-01",
	                         NULL));
	OK(pcreg_membership_move(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "A3A8R", "2021-04-01"));
	OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001", "2019-07-01", NULL));
	OK(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002", "2020-04-01"));
	OK(pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, "F81001", "together-first",
	                         "2016-04-01", NULL));

	OK(pcreg_contract_new(&k));
	pcreg_contract_set_practice(k, "F81001");
	pcreg_contract_set_type(k, PCREG_CONTRACT_GMS);
	pcreg_contract_set_start_date(k, "2004-04-01");
	OK(pcreg_contract_insert(db, k));
	pcreg_contract_clear_id(k);
	pcreg_contract_set_type(k, PCREG_CONTRACT_LIS);
	pcreg_contract_set_service(k, "Integrated Case Management");
	pcreg_contract_set_start_date(k, "2016-12-01");
	pcreg_contract_set_end_date(k, "2022-03-31");
	OK(pcreg_contract_insert(db, k));
	pcreg_contract_free(k);

	OK(pcreg_inspection_new(&i));
	pcreg_inspection_set_practice(i, "F81001");
	pcreg_inspection_set_cqc_location_id(i, "1-101681212");
	pcreg_inspection_set_inspection_date(i, "2015-02-10");
	pcreg_inspection_set_publication_date(i, "2015-04-20");
	pcreg_inspection_set_overall(i, PCREG_RATING_GOOD);
	pcreg_inspection_set_report_url(i, "https://www.cqc.org.uk/location/1-101681212");
	OK(pcreg_inspection_insert(db, i));
	pcreg_inspection_free(i);

	OK(pcreg_list_size_new(&s));
	pcreg_list_size_set_practice(s, "F81001");
	pcreg_list_size_set_extract_date(s, "2021-01-01");
	pcreg_list_size_set_registered(s, 6012);
	OK(pcreg_list_size_insert(db, s));
	pcreg_list_size_free(s);

	OK(pcreg_timeline_list(db, "F81001", &it));
	while (pcreg_timeline_iter_next(it, &e) == PCREG_OK) {
		char line[256];

		snprintf(line, sizeof line, "%s %s %s %s", pcreg_event_date(e),
		         pcreg_event_kind_str(pcreg_event_kind(e)),
		         pcreg_event_subject(e) ? pcreg_event_subject(e) : "-",
		         pcreg_event_detail(e) ? pcreg_event_detail(e) : "-");
		if (pcreg_event_has_value(e))
			snprintf(line + strlen(line), sizeof line - strlen(line), " #%lld",
			         (long long)pcreg_event_value(e));
		strcat(all, line);
		strcat(all, "\n");
	}
	pcreg_timeline_iter_free(it);
	ck_assert_str_eq(all, expected);
	pcreg_db_close(db);
}
END_TEST

START_TEST(test_errors_and_words)
{
	pcreg_timeline_iter *it = NULL;
	const pcreg_event *e = NULL;

	db = tu_open(":memory:", 0);
	tu_assert_status(db, pcreg_timeline_list(db, "F89999", &it), PCREG_NOTFOUND,
	                 "practice F89999: not found");
	ck_assert_ptr_null(it);
	tu_assert_status(db, pcreg_timeline_list(db, NULL, &it), PCREG_MISUSE, "practice is NULL");
	tu_assert_status(db, pcreg_timeline_list(db, "F89999", NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_timeline_list(NULL, "F89999", &it), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_timeline_iter_next(NULL, &e), PCREG_MISUSE);
	pcreg_timeline_iter_free(NULL);
	ck_assert_ptr_null(pcreg_event_date(NULL));
	ck_assert_int_eq(pcreg_event_kind(NULL), PCREG_EVENT_NONE);
	ck_assert_int_eq(pcreg_event_has_value(NULL), 0);
	ck_assert_str_eq(pcreg_event_kind_str(PCREG_EVENT_LIST_SIZE), "list_size");
	ck_assert_ptr_null(pcreg_event_kind_str((pcreg_event_kind_value)99));
	ck_assert_int_eq(pcreg_event_kind_parse("JOINED_NETWORK"), PCREG_EVENT_JOINED_NETWORK);
	ck_assert_int_eq(pcreg_event_kind_parse("nope"), PCREG_EVENT_NONE);

	/* A practice with no dates has an empty timeline. */
	{
		pcreg_practice *p = NULL;

		OK(pcreg_practice_new(&p));
		pcreg_practice_set_code(p, "F81001");
		pcreg_practice_set_name(p, "Fictional Surgery");
		pcreg_practice_set_status(p, PCREG_PRACTICE_PROPOSED);
		OK(pcreg_practice_insert(db, p));
		pcreg_practice_free(p);
	}
	OK(pcreg_timeline_list(db, "F81001", &it));
	ck_assert_int_eq(pcreg_timeline_iter_next(it, &e), PCREG_DONE);
	pcreg_timeline_iter_free(it);
	pcreg_db_close(db);
}
END_TEST

static Suite *timeline_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("timeline");

	tcase_add_test(tc, test_everything_in_date_order);
	tcase_add_test(tc, test_errors_and_words);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(timeline_suite());
}
