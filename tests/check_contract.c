/*
 * check_contract.c: contracts: get, insert, update, delete, list, the core
 * contract on a date, and the overlap rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/record.h"
#include "testutil.h"

static pcreg_db *db;
static const char *path;

/* A registry file per test: federations and commissioners are not this
 * module's, so they are written with SQL beside the handle. */
static void setup(void)
{
	static int n;
	char name[32];
	const char *codes[] = { "F81001", "F81002", "F81003" };
	size_t i;

	snprintf(name, sizeof name, "contract-%d.db", ++n);
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
	tu_sql(path, "INSERT INTO federation (id, name) VALUES"
	             " ('bromley-gp-alliance', 'Bromley GP Alliance');"
	             "INSERT INTO commissioner (code, kind, name) VALUES"
	             " ('07Q', 'ccg', 'NHS Bromley CCG'), ('08N', 'ccg', 'NHS Redbridge CCG');");
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_contract *make(const char *practice, pcreg_contract_type_value type,
                            const char *start, const char *end)
{
	pcreg_contract *c = NULL;

	ck_assert_int_eq(pcreg_contract_new(&c), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_practice(c, practice), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_type(c, type), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_start_date(c, start), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_end_date(c, end), PCREG_OK);
	return c;
}

/* Insert and return the new id. */
static int64_t add(pcreg_contract *c)
{
	ck_assert_msg(pcreg_contract_insert(db, c) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_contract_has_id(c), 1);
	return pcreg_contract_id(c);
}

static int64_t add_core(const char *practice, pcreg_contract_type_value type, const char *start,
                        const char *end)
{
	pcreg_contract *c = make(practice, type, start, end);
	int64_t id = add(c);

	pcreg_contract_free(c);
	return id;
}

/* One line per contract, in id order: what a refused write must not change. */
static void describe(const pcreg_contract *c, char *out, size_t size)
{
	snprintf(out, size, "%lld %s %s %s %s %s %s %s %lld %lld",
	         (long long)pcreg_contract_id(c),
	         pcreg_contract_practice(c) ? pcreg_contract_practice(c) : "-",
	         pcreg_contract_federation(c) ? pcreg_contract_federation(c) : "-",
	         pcreg_contract_commissioner(c) ? pcreg_contract_commissioner(c) : "-",
	         pcreg_contract_type_str(pcreg_contract_type(c)),
	         pcreg_contract_service(c) ? pcreg_contract_service(c) : "-",
	         pcreg_contract_start_date(c),
	         pcreg_contract_end_date(c) ? pcreg_contract_end_date(c) : "-",
	         (long long)pcreg_contract_pms_premium(c), (long long)pcreg_contract_annual_value(c));
}

static char *dump(pcreg_db *handle)
{
	static char buf[4096];
	pcreg_contract_iter *it = NULL;
	const pcreg_contract *c;
	pcreg_status st;

	buf[0] = '\0';
	ck_assert_int_eq(pcreg_contract_list(handle, NULL, &it), PCREG_OK);
	while ((st = pcreg_contract_iter_next(it, &c)) == PCREG_OK) {
		char line[256];

		describe(c, line, sizeof line);
		strcat(buf, line);
		strcat(buf, "\n");
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(handle));
	pcreg_contract_iter_free(it);
	return buf;
}

/* The ids an iterator yields, joined by spaces; frees the iterator. */
static char *ids(pcreg_contract_iter *it)
{
	static char buf[512];
	const pcreg_contract *c;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_contract_iter_next(it, &c)) == PCREG_OK)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld", buf[0] ? " " : "",
		         (long long)pcreg_contract_id(c));
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_contract_iter_next(it, &c), PCREG_DONE);
	ck_assert_ptr_null(c);
	pcreg_contract_iter_free(it);
	return buf;
}

START_TEST(test_pms_roundtrip)
{
	/* Seed 004: Redbridge's lowest PMS premium was -£2.16 per weighted patient. */
	pcreg_contract *c = make("F81001", PCREG_CONTRACT_PMS, "2013-04-01", NULL);
	pcreg_contract *got = NULL;
	int64_t id;

	ck_assert_int_eq(pcreg_contract_has_id(c), 0);
	ck_assert_int_eq(pcreg_contract_id(c), 0);
	ck_assert_int_eq(pcreg_contract_has_pms_premium(c), 0);
	ck_assert_int_eq(pcreg_contract_set_pms_premium(c, -216), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_annual_value(c, 102000000), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_set_commissioner(c, "08N"), PCREG_OK);
	id = add(c);
	ck_assert_int_gt(id, 0);
	pcreg_contract_free(c);

	ck_assert_int_eq(pcreg_contract_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(got), id);
	ck_assert_str_eq(pcreg_contract_practice(got), "F81001");
	ck_assert_ptr_null(pcreg_contract_federation(got));
	ck_assert_str_eq(pcreg_contract_commissioner(got), "08N");
	ck_assert_int_eq(pcreg_contract_type(got), PCREG_CONTRACT_PMS);
	ck_assert_ptr_null(pcreg_contract_service(got));
	ck_assert_str_eq(pcreg_contract_start_date(got), "2013-04-01");
	ck_assert_ptr_null(pcreg_contract_end_date(got));
	ck_assert_int_eq(pcreg_contract_has_pms_premium(got), 1);
	ck_assert_int_eq(pcreg_contract_pms_premium(got), -216);
	ck_assert_int_eq(pcreg_contract_has_annual_value(got), 1);
	ck_assert_int_eq(pcreg_contract_annual_value(got), 102000000);

	/* The PMS review ends the premium: correct the record and write it back. */
	ck_assert_int_eq(pcreg_contract_set_end_date(got, "2017-03-31"), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_clear_pms_premium(got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_clear_annual_value(got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_update(db, got), PCREG_OK);
	pcreg_contract_free(got);

	ck_assert_int_eq(pcreg_contract_get(db, id, &got), PCREG_OK);
	ck_assert_str_eq(pcreg_contract_end_date(got), "2017-03-31");
	ck_assert_int_eq(pcreg_contract_has_pms_premium(got), 0);
	ck_assert_int_eq(pcreg_contract_pms_premium(got), 0);
	ck_assert_int_eq(pcreg_contract_has_annual_value(got), 0);
	pcreg_contract_free(got);

	ck_assert_int_eq(pcreg_contract_delete(db, id), PCREG_OK);
	tu_assert_status(db, pcreg_contract_get(db, id, &got), PCREG_NOTFOUND, "not found");
	ck_assert_ptr_null(got);
}
END_TEST

/* Seed 000: Bromley GP Alliance, a federation, ran the access hubs under
 * a contract to 31 March 2018; the Integrated Case Management LIS ran
 * from 1 December 2016 with most practices taking part. */
START_TEST(test_federation_and_lis)
{
	pcreg_contract *c = NULL, *got = NULL;
	pcreg_contract_query q = PCREG_CONTRACT_QUERY_INIT;
	pcreg_contract_iter *it = NULL;
	int64_t hub, lis1, lis2;
	char want[64];

	ck_assert_int_eq(pcreg_contract_new(&c), PCREG_OK);
	pcreg_contract_set_federation(c, "bromley-gp-alliance");
	pcreg_contract_set_commissioner(c, "07Q");
	pcreg_contract_set_type(c, PCREG_CONTRACT_OTHER);
	pcreg_contract_set_service(c, "Extended access hubs");
	pcreg_contract_set_start_date(c, "2015-12-01");
	pcreg_contract_set_end_date(c, "2018-03-31");
	hub = add(c);
	pcreg_contract_free(c);

	ck_assert_int_eq(pcreg_contract_get(db, hub, &got), PCREG_OK);
	ck_assert_ptr_null(pcreg_contract_practice(got));
	ck_assert_str_eq(pcreg_contract_federation(got), "bromley-gp-alliance");
	ck_assert_str_eq(pcreg_contract_service(got), "Extended access hubs");
	ck_assert_str_eq(pcreg_contract_end_date(got), "2018-03-31");
	pcreg_contract_free(got);

	/* One record serves every practice taking part: clear the id between. */
	c = make("F81001", PCREG_CONTRACT_LIS, "2016-12-01", NULL);
	pcreg_contract_set_service(c, "Integrated Case Management");
	pcreg_contract_set_commissioner(c, "07Q");
	lis1 = add(c);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_EXISTS, "already exists");
	ck_assert_int_eq(pcreg_contract_clear_id(c), PCREG_OK);
	pcreg_contract_set_practice(c, "F81002");
	lis2 = add(c);
	ck_assert_int_ne(lis1, lis2);
	pcreg_contract_free(c);

	/* Enhanced services do not count as, nor clash with, a core contract. */
	add_core("F81001", PCREG_CONTRACT_GMS, "2004-04-01", NULL);
	tu_assert_status(db, pcreg_contract_core_on(db, "F81002", "2017-01-01", &got),
	                 PCREG_NOTFOUND, "practice F81002: no core contract on 2017-01-01");

	q.service = "integrated CASE management";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	snprintf(want, sizeof want, "%lld %lld", (long long)lis1, (long long)lis2);
	ck_assert_str_eq(ids(it), want);
	q.on = "2016-11-30";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");

	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.federation = "bromley-gp-alliance";
	q.on = "2018-03-31";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	snprintf(want, sizeof want, "%lld", (long long)hub);
	ck_assert_str_eq(ids(it), want);
	q.on = "2018-04-01";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");
}
END_TEST

START_TEST(test_core_on)
{
	pcreg_contract *got = NULL;
	int64_t gms, pms;

	gms = add_core("F81001", PCREG_CONTRACT_GMS, "1990-04-01", "2014-03-31");
	pms = add_core("F81001", PCREG_CONTRACT_PMS, "2014-04-01", NULL);
	add_core("F81002", PCREG_CONTRACT_APMS, "2010-01-01", "2012-12-31");

	ck_assert_int_eq(pcreg_contract_core_on(db, "F81001", "2000-06-15", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(got), gms);
	pcreg_contract_free(got);
	ck_assert_int_eq(pcreg_contract_core_on(db, "F81001", "2014-03-31", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(got), gms);
	pcreg_contract_free(got);
	ck_assert_int_eq(pcreg_contract_core_on(db, "F81001", "2014-04-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(got), pms);
	ck_assert_int_eq(pcreg_contract_type(got), PCREG_CONTRACT_PMS);
	pcreg_contract_free(got);
	ck_assert_int_eq(pcreg_contract_core_on(db, "F81001", "2099-12-31", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(got), pms);
	pcreg_contract_free(got);

	ck_assert_int_eq(pcreg_contract_core_on(db, "F81002", "2012-12-31", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_type(got), PCREG_CONTRACT_APMS);
	pcreg_contract_free(got);

	/* Before the first, after a time-limited one ends, and never. */
	tu_assert_status(db, pcreg_contract_core_on(db, "F81001", "1990-03-31", &got),
	                 PCREG_NOTFOUND, "practice F81001: no core contract on 1990-03-31");
	ck_assert_ptr_null(got);
	tu_assert_status(db, pcreg_contract_core_on(db, "F81002", "2013-01-01", &got),
	                 PCREG_NOTFOUND, "practice F81002: no core contract on 2013-01-01");
	ck_assert_ptr_null(got);
	tu_assert_status(db, pcreg_contract_core_on(db, "F81003", "2013-01-01", &got),
	                 PCREG_NOTFOUND, "no core contract");
	tu_assert_status(db, pcreg_contract_core_on(db, "F81001", "2014-02-30", &got),
	                 PCREG_INVALID, "date: \"2014-02-30\" is not a real date");
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(test_overlap_conflict)
{
	pcreg_contract *c, *got = NULL;
	char before[4096];
	int64_t gms, pms;

	gms = add_core("F81001", PCREG_CONTRACT_GMS, "1990-04-01", "2014-03-31");
	pms = add_core("F81001", PCREG_CONTRACT_PMS, "2014-04-01", NULL);
	strcpy(before, dump(db));

	c = make("F81001", PCREG_CONTRACT_APMS, "2010-01-01", "2010-12-31");
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_CONFLICT,
	                 "practice F81001 holds GMS contract 1 from 1990-04-01 to 2014-03-31,"
	                 " which overlaps this core contract's period from 2010-01-01 to 2010-12-31");
	ck_assert_int_eq(pcreg_contract_has_id(c), 0);
	pcreg_contract_set_start_date(c, "2020-01-01");
	pcreg_contract_set_end_date(c, NULL);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_CONFLICT,
	                 "PMS contract 2 from 2014-04-01 (open-ended), which overlaps this core"
	                 " contract's period from 2020-01-01 (open-ended)");
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), before);

	/* An update that moves a period onto another's names the other, not itself. */
	ck_assert_int_eq(pcreg_contract_get(db, pms, &got), PCREG_OK);
	pcreg_contract_set_start_date(got, "2014-03-01");
	tu_assert_status(db, pcreg_contract_update(db, got), PCREG_CONFLICT,
	                 "holds GMS contract 1 from 1990-04-01 to 2014-03-31");
	ck_assert_str_eq(dump(db), before);
	/* ...and one that stays within its own period is no clash. */
	pcreg_contract_set_start_date(got, "2014-04-02");
	ck_assert_int_eq(pcreg_contract_update(db, got), PCREG_OK);
	pcreg_contract_free(got);

	/* Another practice, and enhanced services, may overlap freely. */
	add_core("F81002", PCREG_CONTRACT_GMS, "1990-04-01", NULL);
	c = make("F81001", PCREG_CONTRACT_DES, "2019-07-01", NULL);
	pcreg_contract_set_service(c, "Network Contract DES");
	add(c);
	pcreg_contract_free(c);

	/* Inserting a core contract under a taken id is a duplicate, not a
	 * clash with itself. */
	strcpy(before, dump(db));
	ck_assert_int_eq(pcreg_contract_get(db, gms, &got), PCREG_OK);
	tu_assert_status(db, pcreg_contract_insert(db, got), PCREG_EXISTS,
	                 "contract 1: already exists");
	pcreg_contract_free(got);
	ck_assert_str_eq(dump(db), before);
}
END_TEST

START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "practice", "f81001", "contract.practice: \"f81001\" is not a practice code" },
		{ "practice", "", "contract.practice: is empty" },
		{ "commissioner", "07", "contract.commissioner: \"07\" is not a commissioner code" },
		{ "federation", "Bromley GP Alliance",
		  "contract.federation: \"Bromley GP Alliance\" is not an identifier" },
		{ "service", "", "contract.service: is empty" },
		{ "start_date", NULL, "contract.start_date: is required" },
		{ "start_date", "2021-02-29", "contract.start_date: \"2021-02-29\" is not a real date" },
		{ "end_date", "31/03/2018", "contract.end_date: \"31/03/2018\" is not a real date" },
		{ "end_date", "2019-01-01",
		  "contract.end_date: 2019-01-01 is before start_date 2020-01-01" },
	};
	size_t i;
	pcreg_contract *c;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = make("F81001", PCREG_CONTRACT_GMS, "2020-01-01", NULL);
		if (strcmp(cases[i].field, "practice") == 0)
			pcreg_contract_set_practice(c, cases[i].value);
		else if (strcmp(cases[i].field, "commissioner") == 0)
			pcreg_contract_set_commissioner(c, cases[i].value);
		else if (strcmp(cases[i].field, "federation") == 0) {
			pcreg_contract_set_practice(c, NULL);
			pcreg_contract_set_type(c, PCREG_CONTRACT_LES);
			pcreg_contract_set_service(c, "Extended access hubs");
			pcreg_contract_set_federation(c, cases[i].value);
		} else if (strcmp(cases[i].field, "service") == 0)
			pcreg_contract_set_service(c, cases[i].value);
		else if (strcmp(cases[i].field, "start_date") == 0)
			pcreg_contract_set_start_date(c, cases[i].value);
		else
			pcreg_contract_set_end_date(c, cases[i].value);
		tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID, cases[i].message);
		ck_assert_int_eq(pcreg_contract_has_id(c), 0);
		pcreg_contract_free(c);
	}

	c = make("F81001", PCREG_CONTRACT_GMS, "2020-01-01", NULL);
	pcreg_contract_set_type(c, (pcreg_contract_type_value)99);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.type: 99 is not one of the allowed values");
	pcreg_contract_set_type(c, PCREG_CONTRACT_TYPE_NONE);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.type: is required");

	/* Cross-field rules. */
	pcreg_contract_set_type(c, PCREG_CONTRACT_GMS);
	pcreg_contract_set_pms_premium(c, 950);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.pms_premium: only a PMS contract has a premium, and this one is GMS");
	pcreg_contract_clear_pms_premium(c);
	pcreg_contract_set_federation(c, "bromley-gp-alliance");
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.federation: a contract has one holder, but practice F81001 and"
	                 " federation bromley-gp-alliance are both set");
	pcreg_contract_set_practice(c, NULL);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.federation: a GMS contract is held by a practice, not a federation");
	pcreg_contract_set_federation(c, NULL);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.practice: is required for a GMS contract");
	pcreg_contract_set_type(c, PCREG_CONTRACT_LIS);
	pcreg_contract_set_service(c, "Integrated Case Management");
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.practice: is required (or a federation");
	pcreg_contract_set_practice(c, "F81001");
	pcreg_contract_set_service(c, NULL);
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_INVALID,
	                 "contract.service: is required for a LIS contract");
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), "");

	/* Updates are checked the same way, and need the id. */
	c = make("F81001", PCREG_CONTRACT_GMS, "2020-01-01", NULL);
	tu_assert_status(db, pcreg_contract_update(db, c), PCREG_INVALID,
	                 "contract.id: is required to update");
	add(c);
	pcreg_contract_set_end_date(c, "2019-12-31");
	tu_assert_status(db, pcreg_contract_update(db, c), PCREG_INVALID,
	                 "contract.end_date: 2019-12-31 is before start_date 2020-01-01");
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), "1 F81001 - - GMS - 2020-01-01 - 0 0\n");
}
END_TEST

START_TEST(test_references)
{
	pcreg_contract *c = make("F89999", PCREG_CONTRACT_GMS, "2004-04-01", NULL);

	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_CONSTRAINT,
	                 "contract.practice: no practice F89999 in the registry");
	pcreg_contract_set_practice(c, "F81001");
	pcreg_contract_set_commissioner(c, "99X");
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_CONSTRAINT,
	                 "contract.commissioner: no commissioner 99X in the registry");
	pcreg_contract_set_commissioner(c, NULL);
	pcreg_contract_set_practice(c, NULL);
	pcreg_contract_set_federation(c, "nowhere-federation");
	pcreg_contract_set_type(c, PCREG_CONTRACT_LES);
	pcreg_contract_set_service(c, "Extended access hubs");
	tu_assert_status(db, pcreg_contract_insert(db, c), PCREG_CONSTRAINT,
	                 "contract.federation: no federation nowhere-federation in the registry");
	ck_assert_int_eq(pcreg_contract_has_id(c), 0);
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), "");

	/* An update to a dangling reference is refused and changes nothing. */
	add_core("F81001", PCREG_CONTRACT_GMS, "2004-04-01", NULL);
	ck_assert_int_eq(pcreg_contract_get(db, 1, &c), PCREG_OK);
	pcreg_contract_set_commissioner(c, "99X");
	tu_assert_status(db, pcreg_contract_update(db, c), PCREG_CONSTRAINT,
	                 "contract.commissioner: no commissioner 99X");
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), "1 F81001 - - GMS - 2004-04-01 - 0 0\n");

	/* The practice cannot go while its contract refers to it. */
	tu_assert_status(db, pcreg_practice_delete(db, "F81001"), PCREG_CONSTRAINT,
	                 "1 contracts depend on it (e.g. GMS from 2004-04-01)");
}
END_TEST

START_TEST(test_not_found)
{
	pcreg_contract *c = NULL;

	tu_assert_status(db, pcreg_contract_get(db, 42, &c), PCREG_NOTFOUND, "contract 42: not found");
	ck_assert_ptr_null(c);
	tu_assert_status(db, pcreg_contract_delete(db, 42), PCREG_NOTFOUND, "contract 42: not found");
	c = make("F81001", PCREG_CONTRACT_GMS, "2004-04-01", NULL);
	pcreg_contract_set_id(c, 42);
	ck_assert_int_eq(pcreg_contract_has_id(c), 1);
	tu_assert_status(db, pcreg_contract_update(db, c), PCREG_NOTFOUND, "contract 42: not found");
	ck_assert_str_eq(dump(db), "");
	/* An id given on insert is kept. */
	ck_assert_int_eq(pcreg_contract_insert(db, c), PCREG_OK);
	ck_assert_int_eq(pcreg_contract_id(c), 42);
	pcreg_contract_free(c);
	ck_assert_str_eq(dump(db), "42 F81001 - - GMS - 2004-04-01 - 0 0\n");
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_contract_query q = PCREG_CONTRACT_QUERY_INIT;
	pcreg_contract_iter *it = NULL;
	pcreg_contract *c;

	add_core("F81001", PCREG_CONTRACT_GMS, "1990-04-01", "2014-03-31"); /* 1 */
	c = make("F81001", PCREG_CONTRACT_PMS, "2014-04-01", NULL);          /* 2 */
	pcreg_contract_set_commissioner(c, "08N");
	pcreg_contract_set_pms_premium(c, 2777);
	add(c);
	pcreg_contract_free(c);
	c = make("F81002", PCREG_CONTRACT_LIS, "2016-12-01", NULL); /* 3 */
	pcreg_contract_set_service(c, "Integrated Case Management");
	pcreg_contract_set_commissioner(c, "07Q");
	add(c);
	pcreg_contract_free(c);
	c = make(NULL, PCREG_CONTRACT_LES, "2015-12-01", "2018-03-31"); /* 4 */
	pcreg_contract_set_federation(c, "bromley-gp-alliance");
	pcreg_contract_set_service(c, "Extended access hubs");
	pcreg_contract_set_commissioner(c, "07Q");
	add(c);
	pcreg_contract_free(c);

	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1 2 3 4");
	q.practice = "F81001";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1 2");
	q.on = "2014-03-31";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1");

	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.commissioner = "07Q";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "3 4");
	q.type = PCREG_CONTRACT_LES;
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "4");

	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.federation = "bromley-gp-alliance";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "4");

	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.service = "EXTENDED ACCESS HUBS";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "4");
	q.service = "Extended access";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");

	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.on = "2017-01-01";
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "2 3 4");
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_contract_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "3 4");

	/* Bad queries. */
	pcreg_contract_query_init(&q, PCREG_CONTRACT_QUERY_VERSION);
	q.on = "2017-02-29";
	tu_assert_status(db, pcreg_contract_list(db, &q, &it), PCREG_INVALID,
	                 "query.on: \"2017-02-29\" is not a real date");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.type = 42;
	tu_assert_status(db, pcreg_contract_list(db, &q, &it), PCREG_INVALID,
	                 "query.type: 42 is not a contract type");
	q.type = 0;
	q.version = 7;
	tu_assert_status(db, pcreg_contract_list(db, &q, &it), PCREG_MISUSE, "query version 7");
	ck_assert_int_eq(pcreg_contract_query_init(NULL, PCREG_CONTRACT_QUERY_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

START_TEST(test_type_words)
{
	ck_assert_str_eq(pcreg_contract_type_str(PCREG_CONTRACT_GMS), "GMS");
	ck_assert_str_eq(pcreg_contract_type_str(PCREG_CONTRACT_APMS), "APMS");
	ck_assert_str_eq(pcreg_contract_type_str(PCREG_CONTRACT_OTHER), "OTHER");
	ck_assert_ptr_null(pcreg_contract_type_str(PCREG_CONTRACT_TYPE_NONE));
	ck_assert_ptr_null(pcreg_contract_type_str((pcreg_contract_type_value)8));
	ck_assert_int_eq(pcreg_contract_type_parse("pms"), PCREG_CONTRACT_PMS);
	ck_assert_int_eq(pcreg_contract_type_parse("Lis"), PCREG_CONTRACT_LIS);
	ck_assert_int_eq(pcreg_contract_type_parse("DES"), PCREG_CONTRACT_DES);
	ck_assert_int_eq(pcreg_contract_type_parse("Other"), PCREG_CONTRACT_OTHER);
	ck_assert_int_eq(pcreg_contract_type_parse("SPMS"), PCREG_CONTRACT_TYPE_NONE);
	ck_assert_int_eq(pcreg_contract_type_parse(""), PCREG_CONTRACT_TYPE_NONE);
	ck_assert_int_eq(pcreg_contract_type_parse(NULL), PCREG_CONTRACT_TYPE_NONE);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_GMS), 1);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_PMS), 1);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_APMS), 1);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_DES), 0);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_LIS), 0);
	ck_assert_int_eq(pcreg_contract_type_is_core(PCREG_CONTRACT_TYPE_NONE), 0);
	ck_assert_int_eq(pcreg_contract_type_is_core((pcreg_contract_type_value)99), 0);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_contract *c = NULL;
	pcreg_contract_iter *it = NULL;

	ck_assert_int_eq(pcreg_contract_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_get(NULL, 1, &c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_insert(NULL, c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_delete(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_core_on(NULL, "F81001", "2020-01-01", &c), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_contract_get(db, 1, NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_contract_insert(db, NULL), PCREG_MISUSE, "contract is NULL");
	tu_assert_status(db, pcreg_contract_update(db, NULL), PCREG_MISUSE, "contract is NULL");
	tu_assert_status(db, pcreg_contract_core_on(db, NULL, "2020-01-01", &c), PCREG_MISUSE,
	                 "pcreg_contract_core_on: practice is NULL");
	tu_assert_status(db, pcreg_contract_core_on(db, "F81001", NULL, &c), PCREG_MISUSE,
	                 "pcreg_contract_core_on: date is NULL");
	tu_assert_status(db, pcreg_contract_core_on(db, "F81001", "2020-01-01", NULL), PCREG_MISUSE,
	                 "out is NULL");
	tu_assert_status(db, pcreg_contract_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_contract_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_contract_iter_free(NULL);
	pcreg_contract_free(NULL);
	/* Getters on NULL read as empty; setters refuse. */
	ck_assert_int_eq(pcreg_contract_id(NULL), 0);
	ck_assert_int_eq(pcreg_contract_has_id(NULL), 0);
	ck_assert_ptr_null(pcreg_contract_practice(NULL));
	ck_assert_int_eq(pcreg_contract_type(NULL), PCREG_CONTRACT_TYPE_NONE);
	ck_assert_int_eq(pcreg_contract_has_pms_premium(NULL), 0);
	ck_assert_int_eq(pcreg_contract_set_practice(NULL, "F81001"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_set_type(NULL, PCREG_CONTRACT_GMS), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_set_pms_premium(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_contract_clear_id(NULL), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;
	pcreg_contract *c = NULL;
	pcreg_contract_iter *it = NULL;
	int64_t id = add_core("F81001", PCREG_CONTRACT_GMS, "2004-04-01", NULL);

	pcreg_db_close(db);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	db = ro;
	ck_assert_int_eq(pcreg_contract_get(ro, id, &c), PCREG_OK);
	tu_assert_status(ro, pcreg_contract_update(ro, c), PCREG_READONLY, "read-only");
	pcreg_contract_clear_id(c);
	pcreg_contract_set_practice(c, "F81002");
	tu_assert_status(ro, pcreg_contract_insert(ro, c), PCREG_READONLY, "read-only");
	ck_assert_int_eq(pcreg_contract_has_id(c), 0);
	tu_assert_status(ro, pcreg_contract_delete(ro, id), PCREG_READONLY, "read-only");
	pcreg_contract_free(c);
	ck_assert_int_eq(pcreg_contract_core_on(ro, "F81001", "2020-01-01", &c), PCREG_OK);
	pcreg_contract_free(c);
	ck_assert_int_eq(pcreg_contract_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1");
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM contract"), 1);
}
END_TEST

/* The as-of question is a seek on the partial index of core contracts,
 * never a scan of every contract. */
START_TEST(test_core_on_plan)
{
	const char *plan = tu_sql_plan(path, pcreg__sql_contract_core_on);

	ck_assert_msg(strncmp(plan, "SEARCH ", 7) == 0 &&
	                      strstr(plan, " USING INDEX contract_core_by_practice"
	                                   " (practice=? AND start_date<?)") != NULL,
	              "plan: %s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "plan: %s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "plan: %s", plan);
}
END_TEST

static Suite *contract_suite(void)
{
	Suite *s = suite_create("contract");
	TCase *tc = tcase_create("contract");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pms_roundtrip);
	tcase_add_test(tc, test_federation_and_lis);
	tcase_add_test(tc, test_core_on);
	tcase_add_test(tc, test_overlap_conflict);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_references);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_type_words);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_core_on_plan);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(contract_suite());
}
