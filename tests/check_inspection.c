/*
 * check_inspection.c: CQC inspections: get, insert, update, delete, list,
 * the latest published report on a date, and the rating words.
 */
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
	const char *codes[] = { "F81001", "F81002", "F81003" };
	size_t i;

	snprintf(name, sizeof name, "inspection-%d.db", ++n);
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

/* A visit, with its report if @p published is not NULL. */
static pcreg_inspection *make(const char *practice, const char *inspected, const char *published,
                              pcreg_rating overall)
{
	pcreg_inspection *i = NULL;

	ck_assert_int_eq(pcreg_inspection_new(&i), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_set_practice(i, practice), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_set_inspection_date(i, inspected), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_set_publication_date(i, published), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_set_overall(i, overall), PCREG_OK);
	return i;
}

static int64_t add(const char *practice, const char *inspected, const char *published,
                   pcreg_rating overall)
{
	pcreg_inspection *i = make(practice, inspected, published, overall);
	int64_t id;

	ck_assert_msg(pcreg_inspection_insert(db, i) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	id = pcreg_inspection_id(i);
	pcreg_inspection_free(i);
	return id;
}

static const char *text(const char *s)
{
	return s ? s : "-";
}

static const char *rating(pcreg_rating r)
{
	return r ? pcreg_rating_str(r) : "-";
}

/* One line per inspection, in list order: what a refused write must not change. */
static char *dump(pcreg_db *handle)
{
	static char buf[4096];
	pcreg_inspection_iter *it = NULL;
	const pcreg_inspection *i;
	pcreg_status st;

	buf[0] = '\0';
	ck_assert_int_eq(pcreg_inspection_list(handle, NULL, &it), PCREG_OK);
	while ((st = pcreg_inspection_iter_next(it, &i)) == PCREG_OK)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%lld %s %s %s %s %s %s\n",
		         (long long)pcreg_inspection_id(i), pcreg_inspection_practice(i),
		         text(pcreg_inspection_cqc_location_id(i)),
		         text(pcreg_inspection_inspection_date(i)),
		         text(pcreg_inspection_publication_date(i)),
		         rating(pcreg_inspection_overall(i)), rating(pcreg_inspection_safe(i)));
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(handle));
	pcreg_inspection_iter_free(it);
	return buf;
}

/* The ids an iterator yields, joined by spaces; frees the iterator. */
static char *ids(pcreg_inspection_iter *it)
{
	static char buf[512];
	const pcreg_inspection *i;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_inspection_iter_next(it, &i)) == PCREG_OK)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld", buf[0] ? " " : "",
		         (long long)pcreg_inspection_id(i));
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_inspection_iter_next(it, &i), PCREG_DONE);
	ck_assert_ptr_null(i);
	pcreg_inspection_iter_free(it);
	return buf;
}

START_TEST(test_published_roundtrip)
{
	pcreg_inspection *i = make("F81001", "2016-09-14", "2016-11-02", PCREG_RATING_GOOD);
	pcreg_inspection *got = NULL;
	int64_t id;

	ck_assert_int_eq(pcreg_inspection_has_id(i), 0);
	pcreg_inspection_set_cqc_location_id(i, "1-543210987");
	pcreg_inspection_set_safe(i, PCREG_RATING_REQUIRES_IMPROVEMENT);
	pcreg_inspection_set_effective(i, PCREG_RATING_GOOD);
	pcreg_inspection_set_caring(i, PCREG_RATING_OUTSTANDING);
	pcreg_inspection_set_responsive(i, PCREG_RATING_GOOD);
	pcreg_inspection_set_well_led(i, PCREG_RATING_INSUFFICIENT_EVIDENCE);
	pcreg_inspection_set_report_url(i, "https://www.cqc.org.uk/location/1-543210987");
	ck_assert_int_eq(pcreg_inspection_insert(db, i), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_has_id(i), 1);
	id = pcreg_inspection_id(i);
	ck_assert_int_gt(id, 0);
	pcreg_inspection_free(i);

	ck_assert_int_eq(pcreg_inspection_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_id(got), id);
	ck_assert_str_eq(pcreg_inspection_practice(got), "F81001");
	ck_assert_str_eq(pcreg_inspection_cqc_location_id(got), "1-543210987");
	ck_assert_str_eq(pcreg_inspection_inspection_date(got), "2016-09-14");
	ck_assert_str_eq(pcreg_inspection_publication_date(got), "2016-11-02");
	ck_assert_int_eq(pcreg_inspection_overall(got), PCREG_RATING_GOOD);
	ck_assert_int_eq(pcreg_inspection_safe(got), PCREG_RATING_REQUIRES_IMPROVEMENT);
	ck_assert_int_eq(pcreg_inspection_effective(got), PCREG_RATING_GOOD);
	ck_assert_int_eq(pcreg_inspection_caring(got), PCREG_RATING_OUTSTANDING);
	ck_assert_int_eq(pcreg_inspection_responsive(got), PCREG_RATING_GOOD);
	ck_assert_int_eq(pcreg_inspection_well_led(got), PCREG_RATING_INSUFFICIENT_EVIDENCE);
	ck_assert_str_eq(pcreg_inspection_report_url(got),
	                 "https://www.cqc.org.uk/location/1-543210987");

	/* A correction: a rating cleared, the address dropped. */
	ck_assert_int_eq(pcreg_inspection_set_well_led(got, PCREG_RATING_NONE), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_set_report_url(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_update(db, got), PCREG_OK);
	pcreg_inspection_free(got);
	ck_assert_int_eq(pcreg_inspection_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_well_led(got), PCREG_RATING_NONE);
	ck_assert_ptr_null(pcreg_inspection_report_url(got));
	pcreg_inspection_free(got);

	ck_assert_int_eq(pcreg_inspection_delete(db, id), PCREG_OK);
	tu_assert_status(db, pcreg_inspection_get(db, id, &got), PCREG_NOTFOUND, "not found");
	ck_assert_ptr_null(got);
}
END_TEST

/* Seed 004: "CQC advise all visits have been completed - but 26.77% in
 * BHR still to be published". A visit is recorded first and rated when
 * its report comes out; a report may also be known without its visit date. */
START_TEST(test_visit_then_report)
{
	pcreg_inspection *got = NULL;
	int64_t visit = add("F81002", "2017-02-07", NULL, PCREG_RATING_NONE);
	int64_t report_only = add("F81003", NULL, "2016-05-20", PCREG_RATING_INADEQUATE);

	ck_assert_int_eq(pcreg_inspection_get(db, visit, &got), PCREG_OK);
	ck_assert_ptr_null(pcreg_inspection_publication_date(got));
	ck_assert_int_eq(pcreg_inspection_overall(got), PCREG_RATING_NONE);
	pcreg_inspection_set_publication_date(got, "2017-04-11");
	pcreg_inspection_set_overall(got, PCREG_RATING_REQUIRES_IMPROVEMENT);
	ck_assert_int_eq(pcreg_inspection_update(db, got), PCREG_OK);
	pcreg_inspection_free(got);

	ck_assert_int_eq(pcreg_inspection_get(db, report_only, &got), PCREG_OK);
	ck_assert_ptr_null(pcreg_inspection_inspection_date(got));
	ck_assert_int_eq(pcreg_inspection_overall(got), PCREG_RATING_INADEQUATE);
	pcreg_inspection_free(got);
	ck_assert_str_eq(dump(db), "1 F81002 - 2017-02-07 2017-04-11 requires_improvement -\n"
	                           "2 F81003 - - 2016-05-20 inadequate -\n");
}
END_TEST

START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "practice", NULL, "inspection.practice: is required" },
		{ "practice", "A8100", "inspection.practice: \"A8100\" is not a practice code" },
		{ "cqc_location_id", "1-12a",
		  "inspection.cqc_location_id: \"1-12a\" is not a CQC location id" },
		{ "cqc_location_id", "RXX",
		  "inspection.cqc_location_id: \"RXX\" is not a CQC location id" },
		{ "inspection_date", "2016-13-01",
		  "inspection.inspection_date: \"2016-13-01\" is not a real date" },
		{ "publication_date", "2016-11-31",
		  "inspection.publication_date: \"2016-11-31\" is not a real date" },
		{ "publication_date", "2016-09-13",
		  "inspection.publication_date: 2016-09-13 is before inspection_date 2016-09-14" },
		{ "report_url", "", "inspection.report_url: is empty" },
	};
	size_t k;
	pcreg_inspection *i;

	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		i = make("F81001", "2016-09-14", "2016-11-02", PCREG_RATING_GOOD);
		if (strcmp(cases[k].field, "practice") == 0)
			pcreg_inspection_set_practice(i, cases[k].value);
		else if (strcmp(cases[k].field, "cqc_location_id") == 0)
			pcreg_inspection_set_cqc_location_id(i, cases[k].value);
		else if (strcmp(cases[k].field, "inspection_date") == 0)
			pcreg_inspection_set_inspection_date(i, cases[k].value);
		else if (strcmp(cases[k].field, "publication_date") == 0)
			pcreg_inspection_set_publication_date(i, cases[k].value);
		else
			pcreg_inspection_set_report_url(i, cases[k].value);
		tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID, cases[k].message);
		ck_assert_int_eq(pcreg_inspection_has_id(i), 0);
		pcreg_inspection_free(i);
	}

	i = make("F81001", NULL, NULL, PCREG_RATING_NONE);
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID,
	                 "inspection.inspection_date: is required when there is no publication_date");
	/* No report, no ratings: each of the six is named. */
	pcreg_inspection_set_inspection_date(i, "2017-02-07");
	pcreg_inspection_set_overall(i, PCREG_RATING_GOOD);
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID,
	                 "inspection.overall: a visit without a published report has no ratings");
	pcreg_inspection_set_overall(i, PCREG_RATING_NONE);
	pcreg_inspection_set_well_led(i, PCREG_RATING_INADEQUATE);
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID,
	                 "inspection.well_led: a visit without a published report has no ratings");
	pcreg_inspection_set_well_led(i, (pcreg_rating)6);
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID,
	                 "inspection.well_led: 6 is not one of the allowed values");
	pcreg_inspection_set_well_led(i, PCREG_RATING_NONE);
	pcreg_inspection_set_safe(i, (pcreg_rating)99);
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_INVALID,
	                 "inspection.safe: 99 is not one of the allowed values");
	pcreg_inspection_free(i);
	ck_assert_str_eq(dump(db), "");

	/* Updates are checked the same way, and need the id. */
	i = make("F81001", "2017-02-07", NULL, PCREG_RATING_NONE);
	tu_assert_status(db, pcreg_inspection_update(db, i), PCREG_INVALID,
	                 "inspection.id: is required to update");
	ck_assert_int_eq(pcreg_inspection_insert(db, i), PCREG_OK);
	pcreg_inspection_set_caring(i, PCREG_RATING_GOOD);
	tu_assert_status(db, pcreg_inspection_update(db, i), PCREG_INVALID,
	                 "inspection.caring: a visit without a published report has no ratings");
	pcreg_inspection_free(i);
	ck_assert_str_eq(dump(db), "1 F81001 - 2017-02-07 - - -\n");
}
END_TEST

START_TEST(test_references_and_duplicates)
{
	pcreg_inspection *i = make("F89999", "2017-02-07", NULL, PCREG_RATING_NONE);
	char before[4096];

	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_CONSTRAINT,
	                 "inspection.practice: no practice F89999 in the registry");
	ck_assert_int_eq(pcreg_inspection_has_id(i), 0);
	ck_assert_str_eq(dump(db), "");

	pcreg_inspection_set_practice(i, "F81001");
	ck_assert_int_eq(pcreg_inspection_insert(db, i), PCREG_OK);
	strcpy(before, dump(db));
	/* The same record again, under the id it was given. */
	tu_assert_status(db, pcreg_inspection_insert(db, i), PCREG_EXISTS,
	                 "inspection 1: already exists");
	pcreg_inspection_set_practice(i, "F89999");
	tu_assert_status(db, pcreg_inspection_update(db, i), PCREG_CONSTRAINT,
	                 "inspection.practice: no practice F89999 in the registry");
	pcreg_inspection_free(i);
	ck_assert_str_eq(dump(db), before);

	tu_assert_status(db, pcreg_practice_delete(db, "F81001"), PCREG_CONSTRAINT,
	                 "1 inspections depend on it (e.g. inspection 1)");
}
END_TEST

START_TEST(test_not_found)
{
	pcreg_inspection *i = NULL;

	tu_assert_status(db, pcreg_inspection_get(db, 7, &i), PCREG_NOTFOUND,
	                 "inspection 7: not found");
	ck_assert_ptr_null(i);
	tu_assert_status(db, pcreg_inspection_delete(db, 7), PCREG_NOTFOUND,
	                 "inspection 7: not found");
	i = make("F81001", "2017-02-07", NULL, PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_inspection_set_id(i, 7), PCREG_OK);
	tu_assert_status(db, pcreg_inspection_update(db, i), PCREG_NOTFOUND,
	                 "inspection 7: not found");
	pcreg_inspection_free(i);
	ck_assert_str_eq(dump(db), "");
}
END_TEST

START_TEST(test_latest_on)
{
	pcreg_inspection *got = NULL;
	int64_t first, second, same_day;

	first = add("F81001", "2015-04-10", "2015-06-01", PCREG_RATING_REQUIRES_IMPROVEMENT);
	second = add("F81001", "2016-11-01", "2017-01-20", PCREG_RATING_GOOD);
	same_day = add("F81001", "2016-11-02", "2017-01-20", PCREG_RATING_OUTSTANDING);
	add("F81001", "2017-05-01", NULL, PCREG_RATING_NONE); /* not yet published */
	add("F81002", "2017-05-01", NULL, PCREG_RATING_NONE);
	ck_assert_int_lt(second, same_day);

	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81001", "2015-05-31", &got),
	                 PCREG_NOTFOUND,
	                 "practice F81001: no inspection report published on or before 2015-05-31");
	ck_assert_ptr_null(got);
	ck_assert_int_eq(pcreg_inspection_latest_on(db, "F81001", "2015-06-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_id(got), first);
	pcreg_inspection_free(got);
	/* Visited but not yet published: the older report still stands. */
	ck_assert_int_eq(pcreg_inspection_latest_on(db, "F81001", "2017-01-19", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_id(got), first);
	pcreg_inspection_free(got);
	/* Two reports the same day: the one added last. */
	ck_assert_int_eq(pcreg_inspection_latest_on(db, "F81001", "2017-01-20", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_id(got), same_day);
	ck_assert_int_eq(pcreg_inspection_overall(got), PCREG_RATING_OUTSTANDING);
	pcreg_inspection_free(got);
	ck_assert_int_eq(pcreg_inspection_latest_on(db, "F81001", "2030-01-01", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_id(got), same_day);
	pcreg_inspection_free(got);

	/* Seed 000 counts practices "not inspected": no published report. */
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81002", "2030-01-01", &got),
	                 PCREG_NOTFOUND, "practice F81002: no inspection report published");
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81003", "2030-01-01", &got),
	                 PCREG_NOTFOUND, "practice F81003: no inspection report published");
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81001", "2017-1-20", &got),
	                 PCREG_INVALID, "date: \"2017-1-20\" is not a real date");
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_inspection_query q = PCREG_INSPECTION_QUERY_INIT;
	pcreg_inspection_iter *it = NULL;

	add("F81002", "2016-03-01", "2016-04-15", PCREG_RATING_GOOD);                 /* 1 */
	add("F81001", "2015-04-10", "2015-06-01", PCREG_RATING_REQUIRES_IMPROVEMENT); /* 2 */
	add("F81001", "2017-05-01", NULL, PCREG_RATING_NONE);                         /* 3 */
	add("F81001", "2016-11-01", "2017-01-20", PCREG_RATING_GOOD);                 /* 4 */
	add("F81003", "2016-06-01", "2016-08-01", PCREG_RATING_INADEQUATE);           /* 5 */

	/* Practice, then publication (unpublished first), then id. */
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "3 2 4 1 5");
	q.practice = "F81001";
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "3 2 4");
	q.published_from = "2015-06-02";
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "4");

	pcreg_inspection_query_init(&q, PCREG_INSPECTION_QUERY_VERSION);
	q.published_from = "2016-04-15";
	q.published_to = "2016-08-01";
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1 5");

	pcreg_inspection_query_init(&q, PCREG_INSPECTION_QUERY_VERSION);
	q.overall = PCREG_RATING_GOOD;
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "4 1");
	q.overall = PCREG_RATING_OUTSTANDING;
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "");

	pcreg_inspection_query_init(&q, PCREG_INSPECTION_QUERY_VERSION);
	q.limit = 2;
	q.offset = 3;
	ck_assert_int_eq(pcreg_inspection_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1 5");

	/* Bad queries. */
	pcreg_inspection_query_init(&q, PCREG_INSPECTION_QUERY_VERSION);
	q.published_from = "2016-02-30";
	tu_assert_status(db, pcreg_inspection_list(db, &q, &it), PCREG_INVALID,
	                 "query.published_from: \"2016-02-30\" is not a real date");
	ck_assert_ptr_null(it);
	q.published_from = NULL;
	q.published_to = "yesterday";
	tu_assert_status(db, pcreg_inspection_list(db, &q, &it), PCREG_INVALID,
	                 "query.published_to");
	q.published_to = NULL;
	q.overall = 6;
	tu_assert_status(db, pcreg_inspection_list(db, &q, &it), PCREG_INVALID,
	                 "query.overall: 6 is not a rating");
	q.overall = 0;
	q.version = 9;
	tu_assert_status(db, pcreg_inspection_list(db, &q, &it), PCREG_MISUSE, "query version 9");
	ck_assert_int_eq(pcreg_inspection_query_init(NULL, PCREG_INSPECTION_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_query_init(&q, 0), PCREG_MISUSE);
}
END_TEST

START_TEST(test_rating_words)
{
	char long_word[200];

	ck_assert_str_eq(pcreg_rating_str(PCREG_RATING_OUTSTANDING), "outstanding");
	ck_assert_str_eq(pcreg_rating_str(PCREG_RATING_REQUIRES_IMPROVEMENT), "requires_improvement");
	ck_assert_str_eq(pcreg_rating_str(PCREG_RATING_INSUFFICIENT_EVIDENCE),
	                 "insufficient_evidence");
	ck_assert_ptr_null(pcreg_rating_str(PCREG_RATING_NONE));
	ck_assert_ptr_null(pcreg_rating_str((pcreg_rating)6));

	/* CQC's own words, and what people type. */
	ck_assert_int_eq(pcreg_rating_parse("Good"), PCREG_RATING_GOOD);
	ck_assert_int_eq(pcreg_rating_parse("OUTSTANDING"), PCREG_RATING_OUTSTANDING);
	ck_assert_int_eq(pcreg_rating_parse("Inadequate"), PCREG_RATING_INADEQUATE);
	ck_assert_int_eq(pcreg_rating_parse("Requires improvement"),
	                 PCREG_RATING_REQUIRES_IMPROVEMENT);
	ck_assert_int_eq(pcreg_rating_parse("requires_improvement"),
	                 PCREG_RATING_REQUIRES_IMPROVEMENT);
	ck_assert_int_eq(pcreg_rating_parse(" Requires  Improvement "),
	                 PCREG_RATING_REQUIRES_IMPROVEMENT);
	ck_assert_int_eq(pcreg_rating_parse("Insufficient evidence to rate"),
	                 PCREG_RATING_INSUFFICIENT_EVIDENCE);
	ck_assert_int_eq(pcreg_rating_parse("INSUFFICIENT_EVIDENCE"),
	                 PCREG_RATING_INSUFFICIENT_EVIDENCE);
	/* Every token reads back as itself. */
	ck_assert_int_eq(pcreg_rating_parse(pcreg_rating_str(PCREG_RATING_INADEQUATE)),
	                 PCREG_RATING_INADEQUATE);

	ck_assert_int_eq(pcreg_rating_parse("Special measures"), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_rating_parse("requiresimprovement"), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_rating_parse("Good!"), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_rating_parse(""), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_rating_parse("   "), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_rating_parse(NULL), PCREG_RATING_NONE);
	memset(long_word, 'g', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	ck_assert_int_eq(pcreg_rating_parse(long_word), PCREG_RATING_NONE);
}
END_TEST

START_TEST(test_null_arguments)
{
	pcreg_inspection *i = NULL;
	pcreg_inspection_iter *it = NULL;

	ck_assert_int_eq(pcreg_inspection_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_get(NULL, 1, &i), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_insert(NULL, i), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_update(NULL, i), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_delete(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_latest_on(NULL, "F81001", "2020-01-01", &i), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_list(NULL, NULL, &it), PCREG_MISUSE);
	tu_assert_status(db, pcreg_inspection_get(db, 1, NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_inspection_insert(db, NULL), PCREG_MISUSE, "inspection is NULL");
	tu_assert_status(db, pcreg_inspection_update(db, NULL), PCREG_MISUSE, "inspection is NULL");
	tu_assert_status(db, pcreg_inspection_latest_on(db, NULL, "2020-01-01", &i), PCREG_MISUSE,
	                 "pcreg_inspection_latest_on: practice is NULL");
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81001", NULL, &i), PCREG_MISUSE,
	                 "pcreg_inspection_latest_on: date is NULL");
	tu_assert_status(db, pcreg_inspection_latest_on(db, "F81001", "2020-01-01", NULL),
	                 PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_inspection_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_inspection_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_inspection_iter_free(NULL);
	pcreg_inspection_free(NULL);
	ck_assert_int_eq(pcreg_inspection_id(NULL), 0);
	ck_assert_ptr_null(pcreg_inspection_practice(NULL));
	ck_assert_int_eq(pcreg_inspection_overall(NULL), PCREG_RATING_NONE);
	ck_assert_int_eq(pcreg_inspection_set_practice(NULL, "F81001"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_set_safe(NULL, PCREG_RATING_GOOD), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_inspection_set_id(NULL, 1), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;
	pcreg_inspection *i = NULL;
	pcreg_inspection_iter *it = NULL;
	int64_t id = add("F81001", "2016-11-01", "2017-01-20", PCREG_RATING_GOOD);

	pcreg_db_close(db);
	ro = tu_open(path, PCREG_OPEN_READONLY);
	db = ro;
	ck_assert_int_eq(pcreg_inspection_get(ro, id, &i), PCREG_OK);
	pcreg_inspection_set_overall(i, PCREG_RATING_INADEQUATE);
	tu_assert_status(ro, pcreg_inspection_update(ro, i), PCREG_READONLY, "read-only");
	pcreg_inspection_clear_id(i);
	tu_assert_status(ro, pcreg_inspection_insert(ro, i), PCREG_READONLY, "read-only");
	ck_assert_int_eq(pcreg_inspection_has_id(i), 0);
	tu_assert_status(ro, pcreg_inspection_delete(ro, id), PCREG_READONLY, "read-only");
	pcreg_inspection_free(i);
	ck_assert_int_eq(pcreg_inspection_latest_on(ro, "F81001", "2020-01-01", &i), PCREG_OK);
	ck_assert_int_eq(pcreg_inspection_overall(i), PCREG_RATING_GOOD);
	pcreg_inspection_free(i);
	ck_assert_int_eq(pcreg_inspection_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(ids(it), "1");
}
END_TEST

/* The latest report is a backward seek on (practice, publication_date):
 * no scan, and no sort for the tie-break on id. */
START_TEST(test_latest_on_plan)
{
	const char *plan = tu_sql_plan(path, pcreg__sql_inspection_latest_on);

	ck_assert_msg(strncmp(plan, "SEARCH ", 7) == 0 &&
	                      strstr(plan, " USING INDEX inspection_by_practice_published"
	                                   " (practice=? AND publication_date<?)") != NULL,
	              "plan: %s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "plan: %s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "plan: %s", plan);
}
END_TEST

static Suite *inspection_suite(void)
{
	Suite *s = suite_create("inspection");
	TCase *tc = tcase_create("inspection");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_published_roundtrip);
	tcase_add_test(tc, test_visit_then_report);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_references_and_duplicates);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_latest_on);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_rating_words);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_latest_on_plan);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(inspection_suite());
}
