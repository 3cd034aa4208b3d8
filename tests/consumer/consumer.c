/*
 * A program that knows libpcreg only through its installed headers, doing
 * what a new user would: add a commissioner, two networks and a practice,
 * move the practice from one network to the other on 2020-04-01, and ask
 * which network it was in either side of the move.
 */
#include <stdio.h>
#include <string.h>

#include <pcreg/pcreg.h>

static pcreg_db *db;

static int check(pcreg_status st, const char *what)
{
	if (st != PCREG_OK)
		fprintf(stderr, "consumer: %s: %s\n", what, pcreg_db_errmsg(db));
	return st == PCREG_OK;
}

static int add_network(const char *code, const char *name)
{
	pcreg_network *n = NULL;
	int ok = check(pcreg_network_new(&n), "new network") &&
	         check(pcreg_network_set_code(n, code), "code") &&
	         check(pcreg_network_set_kind(n, PCREG_NETWORK_PCN), "kind") &&
	         check(pcreg_network_set_name(n, name), "name") &&
	         check(pcreg_network_set_commissioner(n, "07L"), "commissioner") &&
	         check(pcreg_network_insert(db, n), "insert network");

	pcreg_network_free(n);
	return ok;
}

static const char *network_on(const char *date, char *out, size_t size)
{
	pcreg_membership *m = NULL;

	if (!check(pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, "F81001", date, &m), date))
		return NULL;
	snprintf(out, size, "%s", pcreg_membership_organisation(m));
	pcreg_membership_free(m);
	return out;
}

int main(void)
{
	pcreg_commissioner *c = NULL;
	pcreg_practice *p = NULL;
	char before[16], after[16];
	int version = 0, ok;

	if (!check(pcreg_db_open(":memory:", NULL, &db), "open")) {
		pcreg_db_close(db);
		return 1;
	}
	pcreg_schema_version(db, &version);
	printf("libpcreg %s, schema %d\n", pcreg_version_string(), version);

	ok = check(pcreg_commissioner_new(&c), "new commissioner") &&
	     check(pcreg_commissioner_set_code(c, "07L"), "code") &&
	     check(pcreg_commissioner_set_kind(c, PCREG_COMMISSIONER_CCG), "kind") &&
	     check(pcreg_commissioner_set_name(c, "NHS Barking and Dagenham CCG"), "name") &&
	     check(pcreg_commissioner_insert(db, c), "insert commissioner") &&
	     add_network("U00001", "First Fictional PCN") &&
	     add_network("U00002", "Second Fictional PCN") &&
	     check(pcreg_practice_new(&p), "new practice") &&
	     check(pcreg_practice_set_code(p, "F81001"), "code") &&
	     check(pcreg_practice_set_name(p, "Fictional Riverside Surgery"), "name") &&
	     check(pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE), "status") &&
	     check(pcreg_practice_insert(db, p), "insert practice") &&
	     check(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00001",
	                                 "2019-07-01", NULL),
	           "join") &&
	     check(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002",
	                                 "2020-04-01"),
	           "move") &&
	     network_on("2020-03-31", before, sizeof before) &&
	     network_on("2020-04-01", after, sizeof after);
	pcreg_commissioner_free(c);
	pcreg_practice_free(p);
	pcreg_db_close(db);
	if (!ok)
		return 1;
	printf("F81001 on 2020-03-31: %s\nF81001 on 2020-04-01: %s\n", before, after);
	/* The installed headers and library are the same version. */
	return strcmp(pcreg_version_string(), PCREG_VERSION_STRING) == 0 &&
	               pcreg_version_number() == PCREG_VERSION_NUMBER &&
	               strcmp(before, "U00001") == 0 && strcmp(after, "U00002") == 0
	       ? 0
	       : 1;
}
