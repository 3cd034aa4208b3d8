/*
 * check_membership.c: dated memberships: join, leave, move, as-of
 * questions, corrections and listing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static pcreg_db *db;
static char path[512];

static void add_practice(const char *code)
{
	pcreg_practice *p = NULL;

	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	pcreg_practice_set_code(p, code);
	pcreg_practice_set_name(p, "Fictional Surgery");
	pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
	ck_assert_msg(pcreg_practice_insert(db, p) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_practice_free(p);
}

static void setup(void)
{
	static int n;

	snprintf(path, sizeof path, "%s", tu_path(n++ % 2 ? "membership-a.db" : "membership-b.db"));
	remove(path);
	db = tu_open(path, PCREG_OPEN_CREATE);
	/* Organisations from other modules, made directly. */
	tu_sql(path, "INSERT INTO commissioner (code, kind, name) VALUES"
	             " ('07L', 'ccg', 'NHS Barking and Dagenham CCG'),"
	             " ('A3A8R', 'sub_icb', 'NHS North East London ICB - A3A8R');"
	             "INSERT INTO network (code, kind, name) VALUES"
	             " ('U00001', 'pcn', 'First Fictional PCN'),"
	             " ('U00002', 'pcn', 'Second Fictional PCN'),"
	             " ('bd-north', 'local', 'North (Chadwell Heath)');"
	             "INSERT INTO federation (id, name) VALUES ('together-first', 'Together First')");
	add_practice("F81001");
	add_practice("F81002");
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static const char *network_on(const char *practice, const char *date)
{
	static char org[64];
	pcreg_membership *m = NULL;
	pcreg_status st = pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, practice, date, &m);

	if (st == PCREG_NOTFOUND)
		return "(none)";
	ck_assert_msg(st == PCREG_OK, "%s", pcreg_db_errmsg(db));
	snprintf(org, sizeof org, "%s", pcreg_membership_organisation(m));
	pcreg_membership_free(m);
	return org;
}

/* "practice:org:from:to ..." for an iterator; frees it. */
static char *periods(pcreg_membership_iter *it)
{
	static char buf[1024];
	const pcreg_membership *m;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_membership_iter_next(it, &m)) == PCREG_OK) {
		char one[96];

		snprintf(one, sizeof one, "%s%s:%s:%s:%s", buf[0] ? " " : "",
		         pcreg_membership_practice(m), pcreg_membership_organisation(m),
		         pcreg_membership_from_date(m),
		         pcreg_membership_to_date(m) ? pcreg_membership_to_date(m) : "-");
		strcat(buf, one);
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	pcreg_membership_iter_free(it);
	return buf;
}

static char *all_network_periods(void)
{
	pcreg_membership_query q = PCREG_MEMBERSHIP_QUERY_INIT;
	pcreg_membership_iter *it = NULL;

	q.kind = PCREG_MEMBERSHIP_NETWORK;
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	return periods(it);
}

/* The issue's own check: move on 2020-04-01, ask either side of it. */
START_TEST(test_move_between_networks)
{
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01"),
	                 PCREG_OK);
	ck_assert_str_eq(network_on("F81001", "2019-06-30"), "(none)");
	ck_assert_str_eq(network_on("F81001", "2019-07-01"), "U00001");
	ck_assert_str_eq(network_on("F81001", "2020-03-31"), "U00001");
	ck_assert_str_eq(network_on("F81001", "2020-04-01"), "U00002");
	ck_assert_str_eq(network_on("F81001", "2030-01-01"), "U00002");
	ck_assert_str_eq(all_network_periods(),
	                 "F81001:U00001:2019-07-01:2020-03-31 F81001:U00002:2020-04-01:-");
}
END_TEST

START_TEST(test_join_and_overlaps)
{
	pcreg_membership *m = NULL;

	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "07L",
	                                       "2013-04-01", "2021-03-31"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "A3A8R",
	                                       "2021-04-01", NULL),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "A3A8R",
	                                       "2021-03-31", NULL),
	                 PCREG_CONFLICT,
	                 "practice F81001 is in commissioner 07L from 2013-04-01 to 2021-03-31,"
	                 " which overlaps the period from 2021-03-31 (open-ended)");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "07L",
	                                       "2010-01-01", "2013-04-01"),
	                 PCREG_CONFLICT, "overlaps the period from 2010-01-01 to 2013-04-01");
	/* Adjacent periods do not overlap. */
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "07L",
	                                       "2010-01-01", "2013-03-31"),
	                 PCREG_OK);

	ck_assert_int_eq(pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001",
	                                     "2021-03-31", &m),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_kind(m), PCREG_MEMBERSHIP_COMMISSIONER);
	ck_assert_str_eq(pcreg_membership_practice(m), "F81001");
	ck_assert_str_eq(pcreg_membership_organisation(m), "07L");
	ck_assert_str_eq(pcreg_membership_from_date(m), "2013-04-01");
	ck_assert_str_eq(pcreg_membership_to_date(m), "2021-03-31");
	pcreg_membership_free(m);
	tu_assert_status(db,
	                 pcreg_membership_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81002",
	                                     "2021-03-31", &m),
	                 PCREG_NOTFOUND, "practice F81002: no commissioner membership on 2021-03-31");
	ck_assert_ptr_null(m);
}
END_TEST

START_TEST(test_join_errors)
{
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F89999", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_CONSTRAINT, "network_membership.practice: no practice F89999");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U09999",
	                                       "2019-07-01", NULL),
	                 PCREG_CONSTRAINT, "network_membership.network: no network U09999");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, "F81001", "nobody",
	                                       "2019-07-01", NULL),
	                 PCREG_CONSTRAINT, "no federation nobody");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-02-30", NULL),
	                 PCREG_INVALID, "from_date: \"2019-02-30\" is not a real date");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", "2019-06-30"),
	                 PCREG_INVALID, "network_membership.to_date: 2019-06-30 is before from_date");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, "F81001", "7L",
	                                       "2019-07-01", NULL),
	                 PCREG_INVALID, "commissioner_membership.commissioner: \"7L\" is not");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "f81001", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_INVALID, "network_membership.practice: \"f81001\" is not");
	tu_assert_status(db,
	                 pcreg_membership_join(db, (pcreg_membership_kind_value)9, "F81001",
	                                       "U00001", "2019-07-01", NULL),
	                 PCREG_INVALID, "kind: 9 is not a membership kind");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, NULL, "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_MISUSE, "practice is NULL");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", NULL,
	                                       "2019-07-01", NULL),
	                 PCREG_MISUSE, "organisation is NULL");
	tu_assert_status(db,
	                 pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       NULL, NULL),
	                 PCREG_MISUSE, "from_date is NULL");
	ck_assert_int_eq(pcreg_membership_join(NULL, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_MISUSE);
	ck_assert_str_eq(all_network_periods(), "");
	/* A local network's id works as well as a PCN code. */
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "bd-north",
	                                       "2016-01-01", "2019-06-30"),
	                 PCREG_OK);
}
END_TEST

START_TEST(test_leave)
{
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                       "together-first", "2016-04-01", NULL),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                        "2016-03-31"),
	                 PCREG_NOTFOUND, "no federation membership on 2016-03-31");
	ck_assert_int_eq(pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                        "2018-12-31"),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                        "2019-01-01"),
	                 PCREG_NOTFOUND, "practice F81001: no federation membership on 2019-01-01");
	/* Leaving earlier shortens the period again. */
	ck_assert_int_eq(pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001",
	                                        "2017-06-30"),
	                 PCREG_OK);
	{
		pcreg_membership_query q = PCREG_MEMBERSHIP_QUERY_INIT;
		pcreg_membership_iter *it = NULL;

		q.kind = PCREG_MEMBERSHIP_FEDERATION;
		ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
		ck_assert_str_eq(periods(it), "F81001:together-first:2016-04-01:2017-06-30");
	}
	tu_assert_status(db, pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001", NULL),
	                 PCREG_MISUSE, "date is NULL");
	tu_assert_status(db,
	                 pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81001", "2017-6-30"),
	                 PCREG_INVALID, "date: \"2017-6-30\" is not a real date");
}
END_TEST

START_TEST(test_move_edge_cases)
{
	/* Nothing current: a move is a join. */
	ck_assert_int_eq(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01"),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2020-01-01"),
	                 PCREG_EXISTS, "practice F81001 is already in network U00001 on 2020-01-01");
	tu_assert_status(db,
	                 pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2019-07-01"),
	                 PCREG_CONFLICT, "also starts on 2019-07-01");
	ck_assert_str_eq(all_network_periods(), "F81001:U00001:2019-07-01:-");

	/* A later period in the way: the whole move is undone. */
	ck_assert_int_eq(pcreg_membership_leave(db, PCREG_MEMBERSHIP_NETWORK, "F81001",
	                                        "2020-12-31"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "bd-north",
	                                       "2022-01-01", NULL),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01"),
	                 PCREG_CONFLICT, "practice F81001 is in network bd-north from 2022-01-01");
	ck_assert_str_eq(all_network_periods(),
	                 "F81001:U00001:2019-07-01:2020-12-31 F81001:bd-north:2022-01-01:-");

	/* And inside a caller's transaction the move nests. */
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	ck_assert_int_eq(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01"),
	                 PCREG_CONFLICT);
	ck_assert_int_eq(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2022-06-01"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_db_rollback(db), PCREG_OK);
	ck_assert_str_eq(all_network_periods(),
	                 "F81001:U00001:2019-07-01:2020-12-31 F81001:bd-north:2022-01-01:-");
	ck_assert_int_eq(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2022-06-01"),
	                 PCREG_OK);
	ck_assert_str_eq(all_network_periods(),
	                 "F81001:U00001:2019-07-01:2020-12-31 F81001:bd-north:2022-01-01:2022-05-31"
	                 " F81001:U00002:2022-06-01:-");
}
END_TEST

START_TEST(test_get_update_delete)
{
	pcreg_membership *m = NULL;

	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", "2020-03-31"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01", NULL),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_get(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2019-07-01",
	                                      &m),
	                 PCREG_OK);
	ck_assert_str_eq(pcreg_membership_organisation(m), "U00001");

	/* Correct the organisation: fine. Stretch the end over the next: not. */
	ck_assert_int_eq(pcreg_membership_set_organisation(m, "bd-north"), PCREG_OK);
	ck_assert_int_eq(pcreg_membership_update(db, m), PCREG_OK);
	ck_assert_int_eq(pcreg_membership_set_to_date(m, "2020-04-01"), PCREG_OK);
	tu_assert_status(db, pcreg_membership_update(db, m), PCREG_CONFLICT,
	                 "practice F81001 is in network U00002 from 2020-04-01 (open-ended)");
	ck_assert_int_eq(pcreg_membership_set_to_date(m, "2019-01-01"), PCREG_OK);
	tu_assert_status(db, pcreg_membership_update(db, m), PCREG_INVALID, "is before from_date");
	ck_assert_int_eq(pcreg_membership_set_to_date(m, NULL), PCREG_OK);
	tu_assert_status(db, pcreg_membership_update(db, m), PCREG_CONFLICT, "overlaps");
	ck_assert_int_eq(pcreg_membership_set_organisation(m, "U09999"), PCREG_OK);
	ck_assert_int_eq(pcreg_membership_set_to_date(m, "2020-03-31"), PCREG_OK);
	tu_assert_status(db, pcreg_membership_update(db, m), PCREG_CONSTRAINT, "no network U09999");
	pcreg_membership_free(m);
	ck_assert_str_eq(all_network_periods(),
	                 "F81001:bd-north:2019-07-01:2020-03-31 F81001:U00002:2020-04-01:-");

	tu_assert_status(db,
	                 pcreg_membership_get(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2019-07-02",
	                                      &m),
	                 PCREG_NOTFOUND, "not found");
	ck_assert_int_eq(pcreg_membership_delete(db, PCREG_MEMBERSHIP_NETWORK, "F81001",
	                                         "2019-07-01"),
	                 PCREG_OK);
	tu_assert_status(db,
	                 pcreg_membership_delete(db, PCREG_MEMBERSHIP_NETWORK, "F81001",
	                                         "2019-07-01"),
	                 PCREG_NOTFOUND, "not found");
	ck_assert_str_eq(all_network_periods(), "F81001:U00002:2020-04-01:-");
	/* A practice with memberships cannot be deleted. */
	tu_assert_status(db, pcreg_practice_delete(db, "F81001"), PCREG_CONSTRAINT,
	                 "1 network memberships depend on it (e.g. U00002 from 2020-04-01)");
}
END_TEST

START_TEST(test_list_and_members_on)
{
	pcreg_membership_query q = PCREG_MEMBERSHIP_QUERY_INIT;
	pcreg_membership_iter *it = NULL;

	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", "2020-03-31"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01", NULL),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81002", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_OK);

	ck_assert_int_eq(pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, "U00001",
	                                             "2020-03-31", &it),
	                 PCREG_OK);
	ck_assert_str_eq(periods(it), "F81001:U00001:2019-07-01:2020-03-31"
	                              " F81002:U00001:2019-07-01:-");
	ck_assert_int_eq(pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, "U00001",
	                                             "2020-04-01", &it),
	                 PCREG_OK);
	ck_assert_str_eq(periods(it), "F81002:U00001:2019-07-01:-");
	tu_assert_status(db,
	                 pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, "U00001", "2020",
	                                             &it),
	                 PCREG_INVALID, "date");
	tu_assert_status(db,
	                 pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, NULL, "2020-01-01",
	                                             &it),
	                 PCREG_MISUSE, "organisation is NULL");

	q.kind = PCREG_MEMBERSHIP_NETWORK;
	q.practice = "F81001";
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(periods(it), "F81001:U00001:2019-07-01:2020-03-31"
	                              " F81001:U00002:2020-04-01:-");
	q.practice = NULL;
	q.organisation = "U00002";
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(periods(it), "F81001:U00002:2020-04-01:-");
	q.organisation = NULL;
	q.on = "2020-01-01";
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(periods(it), "F81001:U00001:2019-07-01:2020-03-31"
	                              " F81002:U00001:2019-07-01:-");
	q.on = NULL;
	q.from = "2020-04-01";
	q.to = "2021-01-01";
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(periods(it), "F81001:U00002:2020-04-01:- F81002:U00001:2019-07-01:-");
	q.from = q.to = NULL;
	q.limit = 1;
	q.offset = 2;
	ck_assert_int_eq(pcreg_membership_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(periods(it), "F81002:U00001:2019-07-01:-");

	q.kind = 0;
	tu_assert_status(db, pcreg_membership_list(db, &q, &it), PCREG_INVALID, "kind: 0");
	q.kind = PCREG_MEMBERSHIP_NETWORK;
	q.on = "yesterday";
	tu_assert_status(db, pcreg_membership_list(db, &q, &it), PCREG_INVALID, "query.on");
	q.on = NULL;
	q.version = 99;
	tu_assert_status(db, pcreg_membership_list(db, &q, &it), PCREG_MISUSE, "query version 99");
	tu_assert_status(db, pcreg_membership_list(db, NULL, &it), PCREG_MISUSE, "query is NULL");
	ck_assert_int_eq(pcreg_membership_query_init(&q, PCREG_MEMBERSHIP_QUERY_VERSION), PCREG_OK);
	ck_assert_int_eq(q.kind, 0);
	ck_assert_int_eq(pcreg_membership_query_init(&q, 0), PCREG_MISUSE);
}
END_TEST

START_TEST(test_kind_words_and_nulls)
{
	pcreg_membership *m = NULL;

	ck_assert_str_eq(pcreg_membership_kind_str(PCREG_MEMBERSHIP_FEDERATION), "federation");
	ck_assert_ptr_null(pcreg_membership_kind_str(PCREG_MEMBERSHIP_NONE));
	ck_assert_int_eq(pcreg_membership_kind_parse("Network"), PCREG_MEMBERSHIP_NETWORK);
	ck_assert_int_eq(pcreg_membership_kind_parse("pcn"), PCREG_MEMBERSHIP_NONE);
	ck_assert_int_eq(pcreg_membership_kind_parse(NULL), PCREG_MEMBERSHIP_NONE);
	ck_assert_int_eq(pcreg_membership_kind(NULL), PCREG_MEMBERSHIP_NONE);
	ck_assert_ptr_null(pcreg_membership_practice(NULL));
	ck_assert_int_eq(pcreg_membership_set_to_date(NULL, "2020-01-01"), PCREG_MISUSE);
	pcreg_membership_free(NULL);
	pcreg_membership_iter_free(NULL);
	tu_assert_status(db, pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, "F81001", NULL, &m),
	                 PCREG_MISUSE, "date is NULL");
	tu_assert_status(db,
	                 pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2020-01-01",
	                                     NULL),
	                 PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_membership_update(db, NULL), PCREG_MISUSE, "membership is NULL");
	tu_assert_status(db,
	                 pcreg_membership_get(db, PCREG_MEMBERSHIP_NETWORK, NULL, "2020-01-01", &m),
	                 PCREG_MISUSE, "practice is NULL");
	tu_assert_status(db,
	                 pcreg_membership_delete(db, PCREG_MEMBERSHIP_NETWORK, "F81001", NULL),
	                 PCREG_MISUSE, "from_date is NULL");
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;

	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                       "2019-07-01", NULL),
	                 PCREG_OK);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	tu_assert_status(ro,
	                 pcreg_membership_move(ro, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                       "2020-04-01"),
	                 PCREG_READONLY, "read-only");
	tu_assert_status(ro,
	                 pcreg_membership_leave(ro, PCREG_MEMBERSHIP_NETWORK, "F81001",
	                                        "2020-04-01"),
	                 PCREG_READONLY, "read-only");
	ck_assert_str_eq(network_on("F81001", "2021-01-01"), "U00001");
	pcreg_db_close(ro);
}
END_TEST

static Suite *membership_suite(void)
{
	Suite *s = suite_create("membership");
	TCase *tc = tcase_create("membership");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_move_between_networks);
	tcase_add_test(tc, test_join_and_overlaps);
	tcase_add_test(tc, test_join_errors);
	tcase_add_test(tc, test_leave);
	tcase_add_test(tc, test_move_edge_cases);
	tcase_add_test(tc, test_get_update_delete);
	tcase_add_test(tc, test_list_and_members_on);
	tcase_add_test(tc, test_kind_words_and_nulls);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(membership_suite());
}
