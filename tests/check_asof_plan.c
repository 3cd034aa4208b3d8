/*
 * check_asof_plan.c: every "as of a date" statement is an index seek.
 *
 * Runs EXPLAIN QUERY PLAN on each as-of statement the library uses, on an
 * empty registry and again on one with data and fresh statistics (the
 * planner's choice can change once ANALYZE has run), and fails on a full
 * scan of any membership, contract, inspection, list-size, succession,
 * arrangement or lead table, or on any scan at all.
 */
#include <stdio.h>
#include <string.h>

#include "../lib/record.h"
#include "testutil.h"

struct statement {
	const char *name;
	const char *sql;
};

static const struct statement statements[] = {
	{ "commissioner of a practice on a date", pcreg__sql_commissioner_on },
	{ "network of a practice on a date", pcreg__sql_network_on },
	{ "federation of a practice on a date", pcreg__sql_federation_on },
	{ "members of a commissioner on a date", pcreg__sql_commissioner_members_on },
	{ "members of a network on a date", pcreg__sql_network_members_on },
	{ "members of a federation on a date", pcreg__sql_federation_members_on },
	{ "core contract of a practice on a date", pcreg__sql_contract_core_on },
	{ "latest published inspection on a date", pcreg__sql_inspection_latest_on },
	{ "list size of a practice on a date", pcreg__sql_list_size_on },
	{ "leads of a network on a date", pcreg__sql_network_lead_on },
	{ "arrangement of a commissioner on a date", pcreg__sql_arrangement_on },
	{ "successor of a code on a date (one step)", pcreg__sql_succession_step },
};

#define N_STATEMENTS (sizeof statements / sizeof statements[0])

static void check_plans(const char *path, const char *when)
{
	size_t i;

	for (i = 0; i < N_STATEMENTS; i++) {
		const char *plan = tu_sql_plan(path, statements[i].sql);

		ck_assert_msg(strstr(plan, "SCAN") == NULL, "%s: %s: scans: %s", when,
		              statements[i].name, plan);
		ck_assert_msg(strncmp(plan, "SEARCH ", 7) == 0, "%s: %s: not a seek: %s", when,
		              statements[i].name, plan);
	}
}

START_TEST(test_plans_on_an_empty_registry)
{
	const char *path = tu_path("plans-empty.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);

	pcreg_db_close(db);
	check_plans(path, "empty");
}
END_TEST

/* Shaped like the national files: many practices, several periods each,
 * few organisations; then ANALYZE so the planner knows it. */
START_TEST(test_plans_with_statistics)
{
	const char *path = tu_path("plans-data.db");
	pcreg_db *db = tu_open(path, PCREG_OPEN_CREATE);

	pcreg_db_close(db);
	tu_sql(path,
	       "BEGIN;"
	       "INSERT INTO commissioner (code, kind, name) VALUES ('07L', 'ccg', 'A'), ('08F', 'ccg', 'B');"
	       "INSERT INTO network (code, kind, name) VALUES ('U00001', 'pcn', 'A'), ('U00002', 'pcn', 'B');"
	       "INSERT INTO federation (id, name) VALUES ('f1', 'A');"
	       "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)"
	       " INSERT INTO practice (code, name, status) SELECT printf('F%05d', i), 'P', 'active'"
	       " FROM n;"
	       "INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date) SELECT code, '07L', '2013-04-01', '2021-03-31'"
	       " FROM practice;"
	       "INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date) SELECT code, '08F', '2021-04-01', NULL FROM practice;"
	       "INSERT INTO practice_network (practice, network, from_date, to_date) SELECT code, 'U00001', '2019-07-01', '2020-03-31'"
	       " FROM practice;"
	       "INSERT INTO practice_network (practice, network, from_date, to_date) SELECT code, 'U00002', '2020-04-01', NULL FROM practice;"
	       "INSERT INTO practice_federation SELECT code, 'f1', '2016-01-01', NULL FROM practice;"
	       "INSERT INTO contract (practice, type, start_date, end_date)"
	       " SELECT code, 'GMS', '2004-04-01', '2015-03-31' FROM practice;"
	       "INSERT INTO contract (practice, type, start_date) SELECT code, 'PMS', '2015-04-01'"
	       " FROM practice;"
	       "INSERT INTO contract (practice, type, service, start_date)"
	       " SELECT code, 'LIS', 'Integrated Case Management', '2016-12-01' FROM practice;"
	       "INSERT INTO inspection (practice, inspection_date, publication_date, overall)"
	       " SELECT code, '2016-01-01', '2016-03-01', 'good' FROM practice;"
	       "INSERT INTO list_size SELECT code, '2021-01-01', 5000, 5100.5 FROM practice;"
	       "INSERT INTO list_size SELECT code, '2022-01-01', 5100, 5200.5 FROM practice;"
	       "INSERT INTO network_lead (network, person, role, from_date)"
	       " VALUES ('U00001', 'Dr A', 'clinical director', '2019-07-01');"
	       "INSERT INTO commissioning_arrangement (commissioner, level, from_date)"
	       " VALUES ('07L', 'joint', '2015-04-01');"
	       "INSERT INTO succession SELECT code, printf('G%05d', rowid), '2020-04-01' FROM practice;"
	       "COMMIT; ANALYZE;");
	check_plans(path, "with statistics");
}
END_TEST

static Suite *plan_suite(void)
{
	Suite *s = suite_create("asof_plan");
	TCase *tc = tcase_create("plans");

	tcase_add_test(tc, test_plans_on_an_empty_registry);
	tcase_add_test(tc, test_plans_with_statistics);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(plan_suite());
}
