/*
 * check_network.c: networks and their leads: get, insert, update, delete,
 * list, and the as-of list of leads in post.
 *
 * The data are the Barking and Dagenham networks of seed 004 (local
 * networks, given local ids here) and a PCN with a made-up U code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* For the connection under the handle: the plan checks ask SQLite what it
 * does with the statement the library really runs. */

static pcreg_db *db;
static char path[512];

/* A file registry (commissioners are written with raw SQL) per test. */
static void setup(void)
{
	static int n;
	char name[64];

	snprintf(name, sizeof name, "network-%d.db", ++n);
	snprintf(path, sizeof path, "%s", tu_path(name));
	db = tu_open(path, PCREG_OPEN_CREATE);
	tu_sql(path, "INSERT INTO commissioner (code, kind, name) VALUES"
	             " ('07L', 'ccg', 'NHS Barking and Dagenham CCG'),"
	             " ('08F', 'ccg', 'NHS Havering CCG')");
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_network *make(const char *code, pcreg_network_kind_value kind, const char *name,
                           const char *commissioner)
{
	pcreg_network *n = NULL;

	ck_assert_int_eq(pcreg_network_new(&n), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_code(n, code), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_kind(n, kind), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_name(n, name), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_commissioner(n, commissioner), PCREG_OK);
	return n;
}

static void add(const char *code, pcreg_network_kind_value kind, const char *name,
                const char *commissioner, const char *open, const char *close)
{
	pcreg_network *n = make(code, kind, name, commissioner);

	ck_assert_int_eq(pcreg_network_set_open_date(n, open), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_close_date(n, close), PCREG_OK);
	ck_assert_msg(pcreg_network_insert(db, n) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	pcreg_network_free(n);
}

static pcreg_network_lead *make_lead(const char *network, const char *person, const char *role,
                                     const char *from, const char *to)
{
	pcreg_network_lead *l = NULL;

	ck_assert_int_eq(pcreg_network_lead_new(&l), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_set_network(l, network), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_set_person(l, person), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_set_role(l, role), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_set_from_date(l, from), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_set_to_date(l, to), PCREG_OK);
	return l;
}

static int64_t add_lead(const char *network, const char *person, const char *role,
                        const char *from, const char *to)
{
	pcreg_network_lead *l = make_lead(network, person, role, from, to);
	int64_t id;

	ck_assert_msg(pcreg_network_lead_insert(db, l) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	id = pcreg_network_lead_id(l);
	ck_assert_int_gt(id, 0);
	pcreg_network_lead_free(l);
	return id;
}

/* The three Barking and Dagenham networks of seed 004. */
static void add_seed_networks(void)
{
	add("bd-north", PCREG_NETWORK_LOCAL, "North (Chadwell Heath)", "07L", "2017-01-01", NULL);
	add("bd-east", PCREG_NETWORK_LOCAL, "East (Dagenham)", "07L", "2017-01-01", NULL);
	add("bd-west", PCREG_NETWORK_LOCAL, "West (Barking - Thames)", "07L", "2017-01-01",
	    "2019-06-30");
}

/* The codes an iterator yields, joined by spaces; frees the iterator. */
static char *codes(pcreg_network_iter *it)
{
	static char buf[1024];
	const pcreg_network *n;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_network_iter_next(it, &n)) == PCREG_OK) {
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, pcreg_network_code(n));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_network_iter_next(it, &n), PCREG_DONE);
	ck_assert_ptr_null(n);
	pcreg_network_iter_free(it);
	return buf;
}

/* The people an iterator yields, as "network:person" joined by commas;
 * frees the iterator. */
static char *people(pcreg_network_lead_iter *it)
{
	static char buf[2048];
	const pcreg_network_lead *l;
	pcreg_status st;

	buf[0] = '\0';
	while ((st = pcreg_network_lead_iter_next(it, &l)) == PCREG_OK) {
		if (buf[0])
			strcat(buf, ", ");
		strcat(buf, pcreg_network_lead_network(l));
		strcat(buf, ":");
		strcat(buf, pcreg_network_lead_person(l));
	}
	ck_assert_msg(st == PCREG_DONE, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_network_lead_iter_next(it, &l), PCREG_DONE);
	ck_assert_ptr_null(l);
	pcreg_network_lead_iter_free(it);
	return buf;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

/* Every network and lead with every field, to show a refused write
 * changed nothing. */
static void snapshot(pcreg_db *handle, char *out, size_t size)
{
	pcreg_network_iter *nit = NULL;
	pcreg_network_lead_iter *lit = NULL;
	const pcreg_network *n;
	const pcreg_network_lead *l;
	size_t len = 0;

	out[0] = '\0';
	ck_assert_int_eq(pcreg_network_list(handle, NULL, &nit), PCREG_OK);
	while (pcreg_network_iter_next(nit, &n) == PCREG_OK)
		len += (size_t)snprintf(out + len, size - len, "%s|%d|%s|%s|%s|%s\n",
		                        pcreg_network_code(n), (int)pcreg_network_kind(n),
		                        pcreg_network_name(n), or_dash(pcreg_network_commissioner(n)),
		                        or_dash(pcreg_network_open_date(n)),
		                        or_dash(pcreg_network_close_date(n)));
	pcreg_network_iter_free(nit);
	ck_assert_int_eq(pcreg_network_lead_list(handle, NULL, &lit), PCREG_OK);
	while (pcreg_network_lead_iter_next(lit, &l) == PCREG_OK)
		len += (size_t)snprintf(out + len, size - len, "%lld|%s|%s|%s|%s|%s\n",
		                        (long long)pcreg_network_lead_id(l),
		                        pcreg_network_lead_network(l), pcreg_network_lead_person(l),
		                        pcreg_network_lead_role(l), pcreg_network_lead_from_date(l),
		                        or_dash(pcreg_network_lead_to_date(l)));
	pcreg_network_lead_iter_free(lit);
	ck_assert_uint_lt(len, size);
}

/* ---- networks ----------------------------------------------------------------- */

START_TEST(test_insert_get_roundtrip)
{
	pcreg_network *n = make("U99001", PCREG_NETWORK_PCN, "Fictional Heathway PCN", "07L");
	pcreg_network *got = NULL;

	ck_assert_int_eq(pcreg_network_set_open_date(n, "2019-07-01"), PCREG_OK);
	ck_assert_int_eq(pcreg_network_insert(db, n), PCREG_OK);
	/* The record passed in is not changed by inserting it. */
	ck_assert_str_eq(pcreg_network_code(n), "U99001");
	pcreg_network_free(n);

	ck_assert_int_eq(pcreg_network_get(db, "U99001", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_network_code(got), "U99001");
	ck_assert_int_eq(pcreg_network_kind(got), PCREG_NETWORK_PCN);
	ck_assert_str_eq(pcreg_network_name(got), "Fictional Heathway PCN");
	ck_assert_str_eq(pcreg_network_commissioner(got), "07L");
	ck_assert_str_eq(pcreg_network_open_date(got), "2019-07-01");
	ck_assert_ptr_null(pcreg_network_close_date(got));

	/* A record from get can be changed and written back. */
	ck_assert_int_eq(pcreg_network_set_name(got, "Fictional Heathway and Marks Gate PCN"),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_commissioner(got, "08F"), PCREG_OK);
	ck_assert_int_eq(pcreg_network_set_close_date(got, "2022-03-31"), PCREG_OK);
	ck_assert_int_eq(pcreg_network_update(db, got), PCREG_OK);
	pcreg_network_free(got);

	ck_assert_int_eq(pcreg_network_get(db, "U99001", &got), PCREG_OK);
	ck_assert_str_eq(pcreg_network_name(got), "Fictional Heathway and Marks Gate PCN");
	ck_assert_str_eq(pcreg_network_commissioner(got), "08F");
	ck_assert_str_eq(pcreg_network_close_date(got), "2022-03-31");
	/* An optional field can be emptied. */
	ck_assert_int_eq(pcreg_network_set_commissioner(got, NULL), PCREG_OK);
	ck_assert_int_eq(pcreg_network_update(db, got), PCREG_OK);
	pcreg_network_free(got);
	ck_assert_int_eq(pcreg_network_get(db, "U99001", &got), PCREG_OK);
	ck_assert_ptr_null(pcreg_network_commissioner(got));
	pcreg_network_free(got);

	/* A local network has a local id; a U code is also allowed. */
	add("bd-north", PCREG_NETWORK_LOCAL, "North (Chadwell Heath)", NULL, NULL, NULL);
	add("U99002", PCREG_NETWORK_LOCAL, "Fictional locality", NULL, NULL, NULL);
	ck_assert_int_eq(pcreg_network_get(db, "bd-north", &got), PCREG_OK);
	ck_assert_int_eq(pcreg_network_kind(got), PCREG_NETWORK_LOCAL);
	ck_assert_ptr_null(pcreg_network_commissioner(got));
	ck_assert_ptr_null(pcreg_network_open_date(got));
	pcreg_network_free(got);
}
END_TEST

START_TEST(test_not_found_and_exists)
{
	pcreg_network *n = NULL;
	char before[4096], after[4096];

	tu_assert_status(db, pcreg_network_get(db, "bd-north", &n), PCREG_NOTFOUND,
	                 "network bd-north: not found");
	ck_assert_ptr_null(n);
	add_seed_networks();
	snapshot(db, before, sizeof before);

	n = make("bd-north", PCREG_NETWORK_LOCAL, "Another North", "07L");
	tu_assert_status(db, pcreg_network_insert(db, n), PCREG_EXISTS,
	                 "network bd-north: already exists");
	ck_assert_int_eq(pcreg_network_set_code(n, "bd-south"), PCREG_OK);
	tu_assert_status(db, pcreg_network_update(db, n), PCREG_NOTFOUND,
	                 "network bd-south: not found");
	pcreg_network_free(n);
	tu_assert_status(db, pcreg_network_delete(db, "bd-south"), PCREG_NOTFOUND,
	                 "network bd-south: not found");
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);

	ck_assert_int_eq(pcreg_network_delete(db, "bd-east"), PCREG_OK);
	tu_assert_status(db, pcreg_network_get(db, "bd-east", &n), PCREG_NOTFOUND, "not found");
}
END_TEST

/* Each bad value is refused naming its field, and nothing is written. */
START_TEST(test_validation)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "code", "bd north", "network.code: \"bd north\" is not an identifier" },
		{ "code", "", "network.code: is empty" },
		{ "code", NULL, "network.code: is required" },
		{ "code", "12345678901234567890123456789012345678901",
		  "network.code: \"12345678901234567890123456789012345678901\" is not an identifier" },
		{ "code", "bd-north", "network.code: \"bd-north\" is not a PCN code" },
		{ "code", "U1234", "network.code: \"U1234\" is not a PCN code" },
		{ "code", "u12345", "network.code: \"u12345\" is not a PCN code" },
		{ "name", "", "network.name: is empty" },
		{ "name", NULL, "network.name: is required" },
		{ "commissioner", "07l", "network.commissioner: \"07l\" is not a commissioner code" },
		{ "commissioner", "07LL", "network.commissioner: \"07LL\" is not a commissioner code" },
		{ "open_date", "2019-02-29", "network.open_date: \"2019-02-29\" is not a real date" },
		{ "open_date", "1 July 2019", "network.open_date: \"1 July 2019\" is not a real date" },
		{ "close_date", "2019-13-01", "network.close_date: \"2019-13-01\" is not a real date" },
		{ "close_date", "2019-06-30", "network.close_date: 2019-06-30 is before open_date" },
	};
	size_t i;
	pcreg_network_iter *it = NULL;
	pcreg_network *n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = make("U99001", PCREG_NETWORK_PCN, "Fictional Heathway PCN", "07L");
		pcreg_network_set_open_date(n, "2019-07-01");
		if (strcmp(cases[i].field, "code") == 0)
			pcreg_network_set_code(n, cases[i].value);
		else if (strcmp(cases[i].field, "name") == 0)
			pcreg_network_set_name(n, cases[i].value);
		else if (strcmp(cases[i].field, "commissioner") == 0)
			pcreg_network_set_commissioner(n, cases[i].value);
		else if (strcmp(cases[i].field, "open_date") == 0)
			pcreg_network_set_open_date(n, cases[i].value);
		else
			pcreg_network_set_close_date(n, cases[i].value);
		tu_assert_status(db, pcreg_network_insert(db, n), PCREG_INVALID, cases[i].message);
		pcreg_network_free(n);
	}

	n = make("U99001", PCREG_NETWORK_PCN, "Fictional Heathway PCN", "07L");
	pcreg_network_set_kind(n, (pcreg_network_kind_value)9);
	tu_assert_status(db, pcreg_network_insert(db, n), PCREG_INVALID,
	                 "network.kind: 9 is not one of the allowed values");
	pcreg_network_set_kind(n, PCREG_NETWORK_KIND_NONE);
	tu_assert_status(db, pcreg_network_insert(db, n), PCREG_INVALID,
	                 "network.kind: is required");
	pcreg_network_free(n);

	ck_assert_int_eq(pcreg_network_list(db, NULL, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "");

	/* Updates are checked the same way: a local network cannot become a
	 * PCN while its code is a local id. */
	add("bd-north", PCREG_NETWORK_LOCAL, "North (Chadwell Heath)", "07L", NULL, NULL);
	ck_assert_int_eq(pcreg_network_get(db, "bd-north", &n), PCREG_OK);
	pcreg_network_set_kind(n, PCREG_NETWORK_PCN);
	tu_assert_status(db, pcreg_network_update(db, n), PCREG_INVALID,
	                 "network.code: \"bd-north\" is not a PCN code");
	pcreg_network_free(n);
	ck_assert_int_eq(pcreg_network_get(db, "bd-north", &n), PCREG_OK);
	ck_assert_int_eq(pcreg_network_kind(n), PCREG_NETWORK_LOCAL);
	pcreg_network_free(n);
}
END_TEST

START_TEST(test_dangling_commissioner)
{
	pcreg_network *n = make("bd-north", PCREG_NETWORK_LOCAL, "North (Chadwell Heath)", "99X");
	char before[4096], after[4096];

	tu_assert_status(db, pcreg_network_insert(db, n), PCREG_CONSTRAINT,
	                 "network.commissioner: no commissioner 99X in the registry");
	pcreg_network_free(n);
	tu_assert_status(db, pcreg_network_get(db, "bd-north", &n), PCREG_NOTFOUND, "not found");

	add_seed_networks();
	snapshot(db, before, sizeof before);
	ck_assert_int_eq(pcreg_network_get(db, "bd-east", &n), PCREG_OK);
	pcreg_network_set_commissioner(n, "99X");
	tu_assert_status(db, pcreg_network_update(db, n), PCREG_CONSTRAINT,
	                 "network.commissioner: no commissioner 99X in the registry");
	pcreg_network_free(n);
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
}
END_TEST

START_TEST(test_delete_refused_while_depended_on)
{
	pcreg_practice *p = NULL;
	char before[4096], after[4096];
	int64_t sharma, teotia;

	add_seed_networks();
	ck_assert_int_eq(pcreg_practice_new(&p), PCREG_OK);
	pcreg_practice_set_code(p, "F81001");
	pcreg_practice_set_name(p, "Fictional Meadow Surgery");
	pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE);
	ck_assert_int_eq(pcreg_practice_insert(db, p), PCREG_OK);
	pcreg_practice_free(p);
	ck_assert_int_eq(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "bd-north",
	                                       "2017-04-18", NULL),
	                 PCREG_OK);
	sharma = add_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	teotia = add_lead("bd-north", "Dr Narendra Teotia", "network lead", "2017-04-18", NULL);
	add_lead("bd-east", "Dr Natalya Bila", "network lead", "2017-04-18", NULL);
	snapshot(db, before, sizeof before);

	tu_assert_status(db, pcreg_network_delete(db, "bd-north"), PCREG_CONSTRAINT,
	                 "network bd-north: cannot delete: 1 practice network memberships depend on"
	                 " it (e.g. F81001 from 2017-04-18); 2 leads depend on it (e.g. Dr Amit"
	                 " Sharma, network lead from 2017-04-18)");
	tu_assert_status(db, pcreg_network_delete(db, "bd-east"), PCREG_CONSTRAINT,
	                 "network bd-east: cannot delete: 1 leads depend on it");
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "memberships") == NULL, "%s",
	              pcreg_db_errmsg(db));
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM practice_network"), 1);

	/* With its dependents gone, it goes. */
	ck_assert_int_eq(pcreg_membership_delete(db, PCREG_MEMBERSHIP_NETWORK, "F81001",
	                                         "2017-04-18"),
	                 PCREG_OK);
	tu_assert_status(db, pcreg_network_delete(db, "bd-north"), PCREG_CONSTRAINT,
	                 "2 leads depend on it");
	ck_assert_int_eq(pcreg_network_lead_delete(db, sharma), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_delete(db, teotia), PCREG_OK);
	ck_assert_int_eq(pcreg_network_delete(db, "bd-north"), PCREG_OK);
	ck_assert_int_eq(tu_sql_int(path, "SELECT count(*) FROM network"), 2);
}
END_TEST

START_TEST(test_kind_words)
{
	ck_assert_str_eq(pcreg_network_kind_str(PCREG_NETWORK_PCN), "pcn");
	ck_assert_str_eq(pcreg_network_kind_str(PCREG_NETWORK_LOCAL), "local");
	ck_assert_ptr_null(pcreg_network_kind_str(PCREG_NETWORK_KIND_NONE));
	ck_assert_ptr_null(pcreg_network_kind_str((pcreg_network_kind_value)3));
	ck_assert_ptr_null(pcreg_network_kind_str((pcreg_network_kind_value)-1));
	ck_assert_int_eq(pcreg_network_kind_parse("PCN"), PCREG_NETWORK_PCN);
	ck_assert_int_eq(pcreg_network_kind_parse("Local"), PCREG_NETWORK_LOCAL);
	ck_assert_int_eq(pcreg_network_kind_parse("locality"), PCREG_NETWORK_KIND_NONE);
	ck_assert_int_eq(pcreg_network_kind_parse(""), PCREG_NETWORK_KIND_NONE);
	ck_assert_int_eq(pcreg_network_kind_parse(NULL), PCREG_NETWORK_KIND_NONE);
}
END_TEST

START_TEST(test_list_filters)
{
	pcreg_network_query q = PCREG_NETWORK_QUERY_INIT;
	pcreg_network_iter *it = NULL;

	add_seed_networks();
	add("hv-north", PCREG_NETWORK_LOCAL, "North Network", "08F", "2017-01-01", NULL);
	add("U99001", PCREG_NETWORK_PCN, "Fictional Heathway PCN", "07L", "2019-07-01", NULL);

	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "U99001 bd-east bd-north bd-west hv-north");

	q.kind = PCREG_NETWORK_PCN;
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "U99001");
	q.kind = PCREG_NETWORK_LOCAL;
	q.commissioner = "07L";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-east bd-north bd-west");

	ck_assert_int_eq(pcreg_network_query_init(&q, PCREG_NETWORK_QUERY_VERSION), PCREG_OK);
	q.commissioner = "08F";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "hv-north");

	pcreg_network_query_init(&q, PCREG_NETWORK_QUERY_VERSION);
	q.name = "NORTH";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-north hv-north");
	q.name = "chadwell heath";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-north");

	/* Open on a day: opened on or before it, closed on or after it. */
	pcreg_network_query_init(&q, PCREG_NETWORK_QUERY_VERSION);
	q.on = "2019-06-30";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-east bd-north bd-west hv-north");
	q.on = "2019-07-01";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "U99001 bd-east bd-north hv-north");
	q.on = "2016-12-31";
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "");

	pcreg_network_query_init(&q, PCREG_NETWORK_QUERY_VERSION);
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-east bd-north");
	q.limit = 0;
	q.offset = 4;
	ck_assert_int_eq(pcreg_network_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "hv-north");

	/* Bad queries. */
	pcreg_network_query_init(&q, PCREG_NETWORK_QUERY_VERSION);
	q.on = "2019-02-30";
	tu_assert_status(db, pcreg_network_list(db, &q, &it), PCREG_INVALID, "query.on");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.kind = 3;
	tu_assert_status(db, pcreg_network_list(db, &q, &it), PCREG_INVALID,
	                 "query.kind: 3 is not a network kind");
	q.kind = -1;
	tu_assert_status(db, pcreg_network_list(db, &q, &it), PCREG_INVALID, "query.kind");
	q.kind = 0;
	q.version = 7;
	tu_assert_status(db, pcreg_network_list(db, &q, &it), PCREG_MISUSE, "query version 7");
	ck_assert_int_eq(pcreg_network_query_init(NULL, PCREG_NETWORK_QUERY_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

/* ---- leads -------------------------------------------------------------------- */

START_TEST(test_lead_roundtrip)
{
	pcreg_network_lead *l, *got = NULL;
	int64_t id, second;

	add_seed_networks();
	l = make_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	ck_assert_int_eq(pcreg_network_lead_id(l), 0);
	ck_assert_int_eq(pcreg_network_lead_insert(db, l), PCREG_OK);
	id = pcreg_network_lead_id(l);
	ck_assert_int_gt(id, 0);
	pcreg_network_lead_free(l);
	/* Leads of one network may overlap: a network has several. */
	second = add_lead("bd-north", "Dr Narendra Teotia", "network lead", "2017-04-18", NULL);
	ck_assert_int_ne(second, id);

	ck_assert_int_eq(pcreg_network_lead_get(db, id, &got), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_id(got), id);
	ck_assert_str_eq(pcreg_network_lead_network(got), "bd-north");
	ck_assert_str_eq(pcreg_network_lead_person(got), "Dr Amit Sharma");
	ck_assert_str_eq(pcreg_network_lead_role(got), "network lead");
	ck_assert_str_eq(pcreg_network_lead_from_date(got), "2017-04-18");
	ck_assert_ptr_null(pcreg_network_lead_to_date(got));

	/* A record from get can be changed and written back. */
	pcreg_network_lead_set_role(got, "clinical director");
	pcreg_network_lead_set_network(got, "bd-east");
	pcreg_network_lead_set_from_date(got, "2019-07-01");
	pcreg_network_lead_set_to_date(got, "2022-06-30");
	ck_assert_int_eq(pcreg_network_lead_update(db, got), PCREG_OK);
	pcreg_network_lead_free(got);
	ck_assert_int_eq(pcreg_network_lead_get(db, id, &got), PCREG_OK);
	ck_assert_str_eq(pcreg_network_lead_network(got), "bd-east");
	ck_assert_str_eq(pcreg_network_lead_role(got), "clinical director");
	ck_assert_str_eq(pcreg_network_lead_from_date(got), "2019-07-01");
	ck_assert_str_eq(pcreg_network_lead_to_date(got), "2022-06-30");
	pcreg_network_lead_free(got);

	ck_assert_int_eq(pcreg_network_lead_delete(db, id), PCREG_OK);
	tu_assert_status(db, pcreg_network_lead_get(db, id, &got), PCREG_NOTFOUND, "not found");
	ck_assert_ptr_null(got);
	ck_assert_int_eq(pcreg_network_lead_get(db, second, &got), PCREG_OK);
	pcreg_network_lead_free(got);
}
END_TEST

/* An id can be given (as importing an export does), cleared, or assigned. */
START_TEST(test_lead_ids)
{
	pcreg_network_lead *l;

	add_seed_networks();
	l = make_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	ck_assert_int_eq(pcreg_network_lead_has_id(l), 0);
	ck_assert_int_eq(pcreg_network_lead_set_id(l, 42), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_has_id(l), 1);
	ck_assert_int_eq(pcreg_network_lead_insert(db, l), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_id(l), 42);
	tu_assert_status(db, pcreg_network_lead_insert(db, l), PCREG_EXISTS, "network_lead 42");
	ck_assert_int_eq(pcreg_network_lead_clear_id(l), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_has_id(l), 0);
	ck_assert_int_eq(pcreg_network_lead_insert(db, l), PCREG_OK);
	ck_assert_int_eq(pcreg_network_lead_id(l), 43);
	pcreg_network_lead_free(l);
	ck_assert_int_eq(pcreg_network_lead_set_id(NULL, 1), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_lead_clear_id(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_lead_has_id(NULL), 0);
}
END_TEST

START_TEST(test_lead_errors)
{
	static const struct {
		const char *field, *value, *message;
	} cases[] = {
		{ "network", NULL, "network_lead.network: is required" },
		{ "network", "bd north", "network_lead.network: \"bd north\" is not an identifier" },
		{ "person", NULL, "network_lead.person: is required" },
		{ "person", "", "network_lead.person: is empty" },
		{ "role", NULL, "network_lead.role: is required" },
		{ "role", "", "network_lead.role: is empty" },
		{ "from_date", NULL, "network_lead.from_date: is required" },
		{ "from_date", "2017-04-31", "network_lead.from_date: \"2017-04-31\" is not a real date" },
		{ "to_date", "2017/12/31", "network_lead.to_date: \"2017/12/31\" is not a real date" },
		{ "to_date", "2017-04-17", "network_lead.to_date: 2017-04-17 is before from_date" },
	};
	char before[4096], after[4096], message[64];
	pcreg_network_lead *l, *got = NULL;
	size_t i;
	int64_t id;

	add_seed_networks();
	id = add_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	snapshot(db, before, sizeof before);

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		l = make_lead("bd-north", "Dr Narendra Teotia", "network lead", "2017-04-18", NULL);
		if (strcmp(cases[i].field, "network") == 0)
			pcreg_network_lead_set_network(l, cases[i].value);
		else if (strcmp(cases[i].field, "person") == 0)
			pcreg_network_lead_set_person(l, cases[i].value);
		else if (strcmp(cases[i].field, "role") == 0)
			pcreg_network_lead_set_role(l, cases[i].value);
		else if (strcmp(cases[i].field, "from_date") == 0)
			pcreg_network_lead_set_from_date(l, cases[i].value);
		else
			pcreg_network_lead_set_to_date(l, cases[i].value);
		tu_assert_status(db, pcreg_network_lead_insert(db, l), PCREG_INVALID, cases[i].message);
		ck_assert_int_eq(pcreg_network_lead_id(l), 0);
		pcreg_network_lead_free(l);
	}

	/* A network that is not in the registry. */
	l = make_lead("bd-south", "Dr Narendra Teotia", "network lead", "2017-04-18", NULL);
	tu_assert_status(db, pcreg_network_lead_insert(db, l), PCREG_CONSTRAINT,
	                 "network_lead.network: no network bd-south in the registry");
	ck_assert_int_eq(pcreg_network_lead_id(l), 0);
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
	/* A record with no id names no row to update. */
	pcreg_network_lead_set_network(l, "bd-north");
	tu_assert_status(db, pcreg_network_lead_update(db, l), PCREG_INVALID,
	                 "network_lead.id: is required to update");
	/* Inserting the same record twice names the row it made. */
	ck_assert_int_eq(pcreg_network_lead_insert(db, l), PCREG_OK);
	snprintf(message, sizeof message, "network_lead %lld: already exists",
	         (long long)pcreg_network_lead_id(l));
	tu_assert_status(db, pcreg_network_lead_insert(db, l), PCREG_EXISTS, message);
	ck_assert_int_eq(pcreg_network_lead_delete(db, pcreg_network_lead_id(l)), PCREG_OK);
	/* Updating a row that is gone. */
	tu_assert_status(db, pcreg_network_lead_update(db, l), PCREG_NOTFOUND, "not found");
	pcreg_network_lead_free(l);
	tu_assert_status(db, pcreg_network_lead_delete(db, 999), PCREG_NOTFOUND,
	                 "network_lead 999: not found");
	tu_assert_status(db, pcreg_network_lead_get(db, 999, &got), PCREG_NOTFOUND,
	                 "network_lead 999: not found");

	/* Refused updates leave the row as it was. */
	snapshot(db, before, sizeof before);
	ck_assert_int_eq(pcreg_network_lead_get(db, id, &got), PCREG_OK);
	pcreg_network_lead_set_network(got, "bd-south");
	tu_assert_status(db, pcreg_network_lead_update(db, got), PCREG_CONSTRAINT,
	                 "network_lead.network: no network bd-south in the registry");
	pcreg_network_lead_set_network(got, "bd-north");
	pcreg_network_lead_set_to_date(got, "2016-01-01");
	tu_assert_status(db, pcreg_network_lead_update(db, got), PCREG_INVALID,
	                 "network_lead.to_date: 2016-01-01 is before from_date 2017-04-18");
	pcreg_network_lead_free(got);
	snapshot(db, after, sizeof after);
	ck_assert_str_eq(after, before);
}
END_TEST

/* The leads of seed 004 over time: two network leads for North from
 * April 2017, one of whom stood down when the PCN began; a clinical
 * director for the PCN. */
static void add_seed_leads(void)
{
	add_seed_networks();
	add("U99001", PCREG_NETWORK_PCN, "Fictional Heathway PCN", "07L", "2019-07-01", NULL);
	add_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	add_lead("bd-north", "Dr Narendra Teotia", "network lead", "2017-04-18", "2019-06-30");
	add_lead("bd-east", "Dr Natalya Bila", "network lead", "2017-04-18", NULL);
	add_lead("bd-east", "Dr Simi Adedeji", "network lead", "2017-04-18", NULL);
	add_lead("U99001", "Dr Amit Sharma", "clinical director", "2019-07-01", NULL);
	add_lead("bd-north", "Dr Fictional Early", "network lead", "2016-01-01", "2016-12-31");
}

START_TEST(test_lead_list)
{
	pcreg_network_lead_query q = PCREG_NETWORK_LEAD_QUERY_INIT;
	pcreg_network_lead_iter *it = NULL;

	add_seed_leads();
	ck_assert_int_eq(pcreg_network_lead_list(db, NULL, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "U99001:Dr Amit Sharma, bd-east:Dr Natalya Bila,"
	                             " bd-east:Dr Simi Adedeji, bd-north:Dr Fictional Early,"
	                             " bd-north:Dr Amit Sharma, bd-north:Dr Narendra Teotia");

	q.network = "bd-north";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-north:Dr Fictional Early, bd-north:Dr Amit Sharma,"
	                             " bd-north:Dr Narendra Teotia");

	/* In post on a day, for one network... */
	q.on = "2018-04-01";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-north:Dr Amit Sharma, bd-north:Dr Narendra Teotia");
	q.on = "2019-06-30";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-north:Dr Amit Sharma, bd-north:Dr Narendra Teotia");
	q.on = "2019-07-01";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-north:Dr Amit Sharma");
	q.on = "2016-06-01";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-north:Dr Fictional Early");
	q.on = "2015-12-31";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "");
	q.network = "bd-south";
	q.on = "2018-04-01";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "");

	/* ...and for every network. */
	q.network = NULL;
	q.on = "2019-07-01";
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "U99001:Dr Amit Sharma, bd-east:Dr Natalya Bila,"
	                             " bd-east:Dr Simi Adedeji, bd-north:Dr Amit Sharma");

	/* Paging, on each kind of statement. */
	q.limit = 2;
	q.offset = 1;
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-east:Dr Natalya Bila, bd-east:Dr Simi Adedeji");
	q.network = "bd-east";
	q.limit = 1;
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-east:Dr Simi Adedeji");
	q.on = NULL;
	q.offset = 0;
	ck_assert_int_eq(pcreg_network_lead_list(db, &q, &it), PCREG_OK);
	ck_assert_str_eq(people(it), "bd-east:Dr Natalya Bila");

	/* Bad queries. */
	pcreg_network_lead_query_init(&q, PCREG_NETWORK_LEAD_QUERY_VERSION);
	q.on = "2019-06-31";
	tu_assert_status(db, pcreg_network_lead_list(db, &q, &it), PCREG_INVALID,
	                 "query.on: \"2019-06-31\" is not a real date");
	ck_assert_ptr_null(it);
	q.on = NULL;
	q.version = 0;
	tu_assert_status(db, pcreg_network_lead_list(db, &q, &it), PCREG_MISUSE, "query version 0");
	ck_assert_int_eq(pcreg_network_lead_query_init(NULL, PCREG_NETWORK_LEAD_QUERY_VERSION),
	                 PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_lead_query_init(&q, 2), PCREG_MISUSE);
}
END_TEST

/* Run a lead list to its end; the plan of the statement it stepped. */
static void plan_of_list(const pcreg_network_lead_query *q, char *plan, size_t size,
                         char *text, size_t text_size)
{
	pcreg_network_lead_iter *it = NULL;
	const pcreg_network_lead *l;

	tu_watch("network_lead l");
	ck_assert_int_eq(pcreg_network_lead_list(db, q, &it), PCREG_OK);
	while (pcreg_network_lead_iter_next(it, &l) == PCREG_OK)
		;
	pcreg_network_lead_iter_free(it);
	ck_assert_int_eq(tu_watched_count(), 1);
	snprintf(text, text_size, "%s", tu_watched_sql());
	snprintf(plan, size, "%s", tu_watched_plan());
}

START_TEST(test_lead_as_of_is_a_seek)
{
	pcreg_network_lead_query q = PCREG_NETWORK_LEAD_QUERY_INIT;
	char plan[1024], text[1024];

	add_seed_leads();

	/* One network: a seek, and nothing else (no sort: the index gives
	 * the order asked for). */
	q.network = "bd-north";
	q.on = "2018-04-01";
	plan_of_list(&q, plan, sizeof plan, text, sizeof text);
	ck_assert_msg(strstr(text, "FROM network_lead l WHERE l.network = ?1") != NULL, "%s", text);
	ck_assert_msg(strstr(plan, "SEARCH l USING INDEX network_lead_by_network (network=? AND"
	                           " from_date<?)") != NULL,
	              "%s", plan);
	ck_assert_msg(strstr(plan, "SCAN") == NULL, "%s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "%s", plan);

	/* Every network: each network's leads by the same seek; the only
	 * thing read whole is the list of networks. */
	q.network = NULL;
	plan_of_list(&q, plan, sizeof plan, text, sizeof text);
	ck_assert_msg(strstr(plan, "SEARCH l USING INDEX network_lead_by_network (network=? AND"
	                           " from_date<?)") != NULL,
	              "%s", plan);
	ck_assert_msg(strstr(plan, "SCAN n;") != NULL || strstr(plan, "SCAN n") != NULL, "%s", plan);
	ck_assert_msg(strstr(plan, "SCAN l") == NULL, "%s", plan);
	ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "%s", plan);
}
END_TEST

/* ---- both --------------------------------------------------------------------- */

START_TEST(test_null_arguments)
{
	pcreg_network *n = NULL;
	pcreg_network_iter *it = NULL;
	pcreg_network_lead *l = NULL;
	pcreg_network_lead_iter *lit = NULL;

	ck_assert_int_eq(pcreg_network_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_get(NULL, "bd-north", &n), PCREG_MISUSE);
	tu_assert_status(db, pcreg_network_get(db, NULL, &n), PCREG_MISUSE,
	                 "pcreg_network_get: code is NULL");
	tu_assert_status(db, pcreg_network_get(db, "bd-north", NULL), PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_network_insert(db, NULL), PCREG_MISUSE, "network is NULL");
	tu_assert_status(db, pcreg_network_update(db, NULL), PCREG_MISUSE, "network is NULL");
	tu_assert_status(db, pcreg_network_delete(db, NULL), PCREG_MISUSE,
	                 "pcreg_network_delete: code is NULL");
	tu_assert_status(db, pcreg_network_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_network_list(NULL, NULL, &it), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_insert(NULL, n), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_network_iter_free(NULL);
	pcreg_network_free(NULL);
	ck_assert_ptr_null(pcreg_network_code(NULL));
	ck_assert_int_eq(pcreg_network_kind(NULL), PCREG_NETWORK_KIND_NONE);
	ck_assert_int_eq(pcreg_network_set_name(NULL, "x"), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_set_kind(NULL, PCREG_NETWORK_PCN), PCREG_MISUSE);

	ck_assert_int_eq(pcreg_network_lead_new(NULL), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_lead_get(NULL, 1, &l), PCREG_MISUSE);
	tu_assert_status(db, pcreg_network_lead_get(db, 1, NULL), PCREG_MISUSE,
	                 "pcreg_network_lead_get: out is NULL");
	tu_assert_status(db, pcreg_network_lead_insert(db, NULL), PCREG_MISUSE, "lead is NULL");
	tu_assert_status(db, pcreg_network_lead_update(db, NULL), PCREG_MISUSE, "lead is NULL");
	ck_assert_int_eq(pcreg_network_lead_delete(NULL, 1), PCREG_MISUSE);
	tu_assert_status(db, pcreg_network_lead_list(db, NULL, NULL), PCREG_MISUSE, "out is NULL");
	ck_assert_int_eq(pcreg_network_lead_list(NULL, NULL, &lit), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_network_lead_iter_next(NULL, NULL), PCREG_MISUSE);
	pcreg_network_lead_iter_free(NULL);
	pcreg_network_lead_free(NULL);
	ck_assert_int_eq(pcreg_network_lead_id(NULL), 0);
	ck_assert_ptr_null(pcreg_network_lead_person(NULL));
	ck_assert_int_eq(pcreg_network_lead_set_person(NULL, "x"), PCREG_MISUSE);
}
END_TEST

START_TEST(test_readonly)
{
	pcreg_db *ro;
	pcreg_network *n = NULL;
	pcreg_network_lead *l = NULL;
	pcreg_network_iter *it = NULL;
	pcreg_network_lead_iter *lit = NULL;
	char before[4096], after[4096];
	int64_t id;

	add_seed_networks();
	id = add_lead("bd-north", "Dr Amit Sharma", "network lead", "2017-04-18", NULL);
	snapshot(db, before, sizeof before);
	pcreg_db_close(db);
	db = tu_open(path, PCREG_OPEN_READONLY);
	ro = db;

	ck_assert_int_eq(pcreg_network_get(ro, "bd-north", &n), PCREG_OK);
	tu_assert_status(ro, pcreg_network_update(ro, n), PCREG_READONLY, "read-only");
	pcreg_network_set_code(n, "bd-south");
	tu_assert_status(ro, pcreg_network_insert(ro, n), PCREG_READONLY, "read-only");
	pcreg_network_free(n);
	tu_assert_status(ro, pcreg_network_delete(ro, "bd-east"), PCREG_READONLY, "read-only");

	ck_assert_int_eq(pcreg_network_lead_get(ro, id, &l), PCREG_OK);
	tu_assert_status(ro, pcreg_network_lead_update(ro, l), PCREG_READONLY, "read-only");
	pcreg_network_lead_free(l);
	l = make_lead("bd-east", "Dr Natalya Bila", "network lead", "2017-04-18", NULL);
	tu_assert_status(ro, pcreg_network_lead_insert(ro, l), PCREG_READONLY, "read-only");
	pcreg_network_lead_free(l);
	tu_assert_status(ro, pcreg_network_lead_delete(ro, id), PCREG_READONLY, "read-only");

	/* Reading works. */
	ck_assert_int_eq(pcreg_network_list(ro, NULL, &it), PCREG_OK);
	ck_assert_str_eq(codes(it), "bd-east bd-north bd-west");
	ck_assert_int_eq(pcreg_network_lead_list(ro, NULL, &lit), PCREG_OK);
	ck_assert_str_eq(people(lit), "bd-north:Dr Amit Sharma");
	snapshot(ro, after, sizeof after);
	ck_assert_str_eq(after, before);
}
END_TEST

static Suite *network_suite(void)
{
	Suite *s = suite_create("network");
	TCase *tc = tcase_create("network");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_insert_get_roundtrip);
	tcase_add_test(tc, test_not_found_and_exists);
	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_dangling_commissioner);
	tcase_add_test(tc, test_delete_refused_while_depended_on);
	tcase_add_test(tc, test_kind_words);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_lead_roundtrip);
	tcase_add_test(tc, test_lead_ids);
	tcase_add_test(tc, test_lead_errors);
	tcase_add_test(tc, test_lead_list);
	tcase_add_test(tc, test_lead_as_of_is_a_seek);
	tcase_add_test(tc, test_null_arguments);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	tu_watch_statements();
	return tu_run(network_suite());
}
