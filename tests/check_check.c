/*
 * check_check.c: pcreg_check_run finds each kind of problem another
 * writer could leave, and nothing in a sound registry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static char path[512];

static void setup(void)
{
	snprintf(path, sizeof path, "%s", tu_path("check.db"));
	remove(path);
	pcreg_db_close(tu_open(path, PCREG_OPEN_CREATE));
	tu_sql(path, "INSERT INTO commissioner (code, kind, name, open_date) VALUES"
	             " ('07L', 'ccg', 'NHS Barking and Dagenham CCG', '2013-04-01');"
	             "INSERT INTO network (code, kind, name, open_date, close_date) VALUES"
	             " ('U00001', 'pcn', 'First Fictional PCN', '2019-07-01', NULL),"
	             " ('U00002', 'pcn', 'Second Fictional PCN', '2019-07-01', '2021-03-31');"
	             "INSERT INTO practice (code, name, status) VALUES"
	             " ('F81001', 'First Surgery', 'active'), ('F81002', 'Second Surgery', 'active');"
	             "INSERT INTO practice_commissioner (practice, commissioner, from_date) VALUES"
	             " ('F81001', '07L', '2013-04-01');"
	             "INSERT INTO practice_network (practice, network, from_date, to_date) VALUES"
	             " ('F81001', 'U00002', '2019-07-01', '2020-03-31'),"
	             " ('F81001', 'U00001', '2020-04-01', NULL)");
}

/* Every finding as "check: detail" lines, in order. */
static char *findings(void)
{
	static char text[4096];
	pcreg_db *db = tu_open(path, PCREG_OPEN_READONLY);
	pcreg_finding_iter *it = NULL;
	const pcreg_finding *f;
	pcreg_status st;
	size_t used = 0;

	text[0] = '\0';
	ck_assert_int_eq(pcreg_check_run(db, &it), PCREG_OK);
	while ((st = pcreg_finding_iter_next(it, &f)) == PCREG_OK)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s: %s\n",
		                         pcreg_finding_check(f), pcreg_finding_detail(f));
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_uint_lt(used, sizeof text);
	pcreg_finding_iter_free(it);
	pcreg_db_close(db);
	return text;
}

START_TEST(sound_registry_has_no_findings)
{
	ck_assert_str_eq(findings(), "");
}
END_TEST

START_TEST(overlapping_memberships_are_found)
{
	/* The library's triggers refuse this; a writer without them need not. */
	tu_sql(path, "DROP TRIGGER practice_network_no_overlap_insert;"
	             "INSERT INTO practice_network (practice, network, from_date, to_date) VALUES"
	             " ('F81001', 'U00002', '2020-06-01', '2020-12-31')");
	ck_assert_str_eq(findings(), "overlapping periods: practice F81001: network U00001 from"
	                             " 2020-04-01 overlaps network U00002 from 2020-06-01\n");
}
END_TEST

START_TEST(overlapping_core_contracts_are_found)
{
	tu_sql(path, "DROP TRIGGER contract_core_no_overlap_insert;"
	             "INSERT INTO contract (id, practice, type, service, start_date) VALUES"
	             " (1, 'F81002', 'GMS', NULL, '2004-04-01'),"
	             " (2, 'F81002', 'PMS', NULL, '2010-04-01'),"
	             /* An enhanced service alongside is no overlap. */
	             " (3, 'F81002', 'DES', 'Extended access', '2010-04-01')");
	ck_assert_str_eq(findings(), "overlapping periods: practice F81002: GMS contract 1"
	                             " overlaps PMS contract 2\n");
}
END_TEST

START_TEST(membership_outside_open_period_is_found)
{
	tu_sql(path, "UPDATE network SET close_date = '2020-01-31' WHERE code = 'U00002'");
	ck_assert_str_eq(findings(), "outside open period: practice F81001 in network U00002 from"
	                             " 2019-07-01 to 2020-03-31, but U00002 was open 2019-07-01"
	                             " to 2020-01-31\n");
}
END_TEST

START_TEST(missing_reference_is_found)
{
	tu_sql(path, "PRAGMA foreign_keys = OFF;"
	             "INSERT INTO practice_commissioner (practice, commissioner, from_date) VALUES"
	             " ('F81002', 'ZZZ', '2013-04-01')");
	ck_assert_str_eq(findings(), "foreign key: practice_commissioner: 1 row refers to a"
	                             " missing commissioner\n");
}
END_TEST

START_TEST(null_arguments_are_refused)
{
	pcreg_db *db = tu_open(path, PCREG_OPEN_READONLY);
	pcreg_finding_iter *it = NULL;

	ck_assert_int_eq(pcreg_check_run(NULL, &it), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_check_run(db, NULL), PCREG_MISUSE);
	ck_assert_ptr_nonnull(strstr(pcreg_db_errmsg(db), "out"));
	pcreg_finding_iter_free(NULL);
	pcreg_db_close(db);
}
END_TEST

static Suite *check_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, sound_registry_has_no_findings);
	tcase_add_test(tc, overlapping_memberships_are_found);
	tcase_add_test(tc, overlapping_core_contracts_are_found);
	tcase_add_test(tc, membership_outside_open_period_is_found);
	tcase_add_test(tc, missing_reference_is_found);
	tcase_add_test(tc, null_arguments_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(check_suite());
}
