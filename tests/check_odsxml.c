/*
 * check_odsxml.c: the streaming reader of the ODS XML "HSCOrgRefData"
 * files (lib/odsxml.c).
 *
 * The real records of ../shared/data/ods-xml/HSCOrgRefData_excerpt.xml
 * field by field (a case tagged shared_data: testutil.h); the made-up fixtures of tests/data/ods-xml (make.py writes them),
 * as a zip and extracted; each bad file's status and message; line
 * numbers past libxml2's 65535; and every allocation failure and every
 * read failure while reading a whole fixture.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "../lib/fileio.h"
#include "../lib/odsxml.h"

#define FIXTURES PCREG_SOURCE_DIR "/tests/data/ods-xml/"
#define FULL_NAME "HSCOrgRefData_Full_20250106.xml"
#define ARCHIVE_NAME "HSCOrgRefData_Archive_20250106.xml"
#define FULL FIXTURES FULL_NAME
#define ARCHIVE FIXTURES ARCHIVE_NAME
#define ZIP FIXTURES "HSCOrgRefData_20250106.zip"
#define BAD FIXTURES "bad/"

static pcreg_db *db;

static void setup(void)
{
	db = tu_open(":memory:", PCREG_OPEN_CREATE);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

/* ---- reading whole files into copies ------------------------------------- */

/* An organisation copied out of the reader (its pointers die at the next
 * call), with its strings. */
struct copy {
	struct pcreg__ods_org org;
	char part[128];
	char name[256], addr1[64], addr2[64], addr3[64], town[64], county[64], postcode[16],
		country[32], uprn[32], telephone[32];
	struct pcreg__ods_role roles[8];
	struct pcreg__ods_rel rels[8];
	struct pcreg__ods_succ succs[4];
	char pub_type[16], pub_date[11]; /* the Manifest of its part */
};

#define MAX_ORGS 64

struct file {
	struct copy orgs[MAX_ORGS];
	size_t n;
	pcreg_status end; /* PCREG_DONE, or the failure */
	char message[PCREG__ERRMSG_SIZE];
	int64_t read, total;
};

static void copy_text(char *to, size_t size, const char *from)
{
	ck_assert_ptr_nonnull(from);
	ck_assert_msg(strlen(from) < size, "\"%s\" does not fit the test's copy", from);
	strcpy(to, from);
}

static void copy_org(struct copy *c, const struct pcreg__ods_org *o, const struct pcreg__odsxml *x)
{
	memset(c, 0, sizeof *c);
	c->org = *o;
	copy_text(c->part, sizeof c->part, o->part);
	copy_text(c->name, sizeof c->name, o->name);
	copy_text(c->addr1, sizeof c->addr1, o->addr1);
	copy_text(c->addr2, sizeof c->addr2, o->addr2);
	copy_text(c->addr3, sizeof c->addr3, o->addr3);
	copy_text(c->town, sizeof c->town, o->town);
	copy_text(c->county, sizeof c->county, o->county);
	copy_text(c->postcode, sizeof c->postcode, o->postcode);
	copy_text(c->country, sizeof c->country, o->country);
	copy_text(c->uprn, sizeof c->uprn, o->uprn);
	copy_text(c->telephone, sizeof c->telephone, o->telephone);
	ck_assert_uint_le(o->nroles, 8);
	ck_assert_uint_le(o->nrels, 8);
	ck_assert_uint_le(o->nsuccs, 4);
	if (o->nroles)
		memcpy(c->roles, o->roles, o->nroles * sizeof *o->roles);
	if (o->nrels)
		memcpy(c->rels, o->rels, o->nrels * sizeof *o->rels);
	if (o->nsuccs)
		memcpy(c->succs, o->succs, o->nsuccs * sizeof *o->succs);
	copy_text(c->pub_type, sizeof c->pub_type, pcreg__odsxml_publication_type(x));
	copy_text(c->pub_date, sizeof c->pub_date, pcreg__odsxml_publication_date(x));
}

/* Read a file to its end (or its failure) into *f; the open must succeed.
 * Progress never goes back and ends at the total. */
static void read_file(const char *path, struct file *f)
{
	struct pcreg__odsxml *x;
	const struct pcreg__ods_org *o;
	pcreg_status st;
	int64_t last = 0;

	memset(f, 0, sizeof *f);
	st = pcreg__odsxml_open(db, path, &x);
	ck_assert_msg(st == PCREG_OK, "open %s: %s", path, pcreg_db_errmsg(db));
	f->total = pcreg__odsxml_bytes_total(x);
	while ((st = pcreg__odsxml_next(db, x, &o)) == PCREG_OK) {
		int64_t now = pcreg__odsxml_bytes_read(x);

		ck_assert_uint_lt(f->n, MAX_ORGS);
		copy_org(&f->orgs[f->n++], o, x);
		ck_assert_msg(now >= last && now <= f->total, "progress %lld after %lld of %lld",
		              (long long)now, (long long)last, (long long)f->total);
		last = now;
	}
	f->end = st;
	if (st < 0)
		copy_text(f->message, sizeof f->message, pcreg_db_errmsg(db));
	else
		/* Done stays done. */
		ck_assert_int_eq(pcreg__odsxml_next(db, x, &o), PCREG_DONE);
	f->read = pcreg__odsxml_bytes_read(x);
	pcreg__odsxml_close(x);
}

static const struct copy *find(const struct file *f, const char *code, int ref_only)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->orgs[i].org.code, code) == 0 && f->orgs[i].org.ref_only == ref_only)
			return &f->orgs[i];
	ck_abort_msg("%s%s not read", code, ref_only ? " (stub)" : "");
	return NULL;
}

/* The lines of a file on which "<Organisation " starts, found as text. */
static size_t organisation_lines(const char *path, int64_t *lines, size_t max)
{
	FILE *in = fopen(path, "r");
	char buf[4096];
	int64_t line = 0;
	size_t n = 0;
	int at_start = 1;

	ck_assert_msg(in != NULL, "%s: %s", path, strerror(errno));
	while (fgets(buf, sizeof buf, in)) {
		if (at_start)
			line++;
		if (strstr(buf, "<Organisation ") || strstr(buf, "<Organisation>")) {
			ck_assert_uint_lt(n, max);
			lines[n++] = line;
		}
		at_start = strchr(buf, '\n') != NULL;
	}
	fclose(in);
	return n;
}

static void assert_lines(const struct file *f, size_t first, const char *path, const char *part)
{
	int64_t lines[MAX_ORGS];
	size_t n = organisation_lines(path, lines, MAX_ORGS), i;

	ck_assert_uint_le(first + n, f->n);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(f->orgs[first + i].part, part);
		ck_assert_msg(f->orgs[first + i].org.line == lines[i], "%s: organisation %zu at line %lld, not %lld",
		              part, i, (long long)f->orgs[first + i].org.line, (long long)lines[i]);
	}
}

/* ---- comparing --------------------------------------------------------- */

static void assert_period(const struct pcreg__ods_period *p, int present, const char *start,
                          const char *end)
{
	ck_assert_int_eq(p->present, present);
	ck_assert_str_eq(p->start, start);
	ck_assert_str_eq(p->end, end);
}

/* Operational (start, end) or NULL when absent, Legal likewise. */
static void assert_dates(const struct pcreg__ods_dates *d, const char *op_start, const char *op_end,
                         const char *legal_start, const char *legal_end)
{
	if (op_start)
		assert_period(&d->operational, 1, op_start, op_end);
	else
		assert_period(&d->operational, 0, "", "");
	if (legal_start)
		assert_period(&d->legal, 1, legal_start, legal_end);
	else
		assert_period(&d->legal, 0, "", "");
}

static void assert_role(const struct pcreg__ods_role *r, const char *id, int primary,
                        const char *status)
{
	ck_assert_str_eq(r->id, id);
	ck_assert_int_eq(r->primary, primary);
	ck_assert_str_eq(r->status, status);
}

static void assert_rel(const struct pcreg__ods_rel *r, const char *id, const char *target,
                       const char *target_role, const char *status)
{
	ck_assert_str_eq(r->id, id);
	ck_assert_str_eq(r->target, target);
	ck_assert_str_eq(r->target_role, target_role);
	ck_assert_str_eq(r->status, status);
}

static void assert_succ(const struct pcreg__ods_succ *s, const char *type, const char *target,
                        const char *target_role, int forward)
{
	ck_assert_str_eq(s->type, type);
	ck_assert_str_eq(s->target, target);
	ck_assert_str_eq(s->target_role, target_role);
	ck_assert_int_eq(s->forward, forward);
}

static void assert_address(const struct copy *c, const char *a1, const char *a2, const char *a3,
                           const char *town, const char *county, const char *postcode,
                           const char *country, const char *uprn)
{
	ck_assert_str_eq(c->addr1, a1);
	ck_assert_str_eq(c->addr2, a2);
	ck_assert_str_eq(c->addr3, a3);
	ck_assert_str_eq(c->town, town);
	ck_assert_str_eq(c->county, county);
	ck_assert_str_eq(c->postcode, postcode);
	ck_assert_str_eq(c->country, country);
	ck_assert_str_eq(c->uprn, uprn);
}

static void assert_dates_eq(const struct pcreg__ods_dates *a, const struct pcreg__ods_dates *b)
{
	const struct pcreg__ods_period *pa[2] = { &a->operational, &a->legal };
	const struct pcreg__ods_period *pb[2] = { &b->operational, &b->legal };
	int i;

	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(pa[i]->present, pb[i]->present);
		ck_assert_str_eq(pa[i]->start, pb[i]->start);
		ck_assert_str_eq(pa[i]->end, pb[i]->end);
	}
}

/* Two copies of the same record (from the zip and extracted) hold the
 * same, field by field. */
static void assert_same(const struct copy *a, const struct copy *b)
{
	size_t i;

	ck_assert_str_eq(a->org.code, b->org.code);
	ck_assert_int_eq(a->org.line, b->org.line);
	ck_assert_str_eq(a->part, b->part);
	ck_assert_int_eq(a->org.ref_only, b->org.ref_only);
	ck_assert_str_eq(a->org.record_class, b->org.record_class);
	ck_assert_str_eq(a->name, b->name);
	ck_assert_str_eq(a->org.status, b->org.status);
	ck_assert_str_eq(a->org.last_change, b->org.last_change);
	assert_dates_eq(&a->org.dates, &b->org.dates);
	assert_address(a, b->addr1, b->addr2, b->addr3, b->town, b->county, b->postcode, b->country,
	               b->uprn);
	ck_assert_str_eq(a->telephone, b->telephone);
	ck_assert_str_eq(a->pub_type, b->pub_type);
	ck_assert_str_eq(a->pub_date, b->pub_date);
	ck_assert_uint_eq(a->org.nroles, b->org.nroles);
	for (i = 0; i < a->org.nroles; i++) {
		assert_role(&a->roles[i], b->roles[i].id, b->roles[i].primary, b->roles[i].status);
		assert_dates_eq(&a->roles[i].dates, &b->roles[i].dates);
	}
	ck_assert_uint_eq(a->org.nrels, b->org.nrels);
	for (i = 0; i < a->org.nrels; i++) {
		assert_rel(&a->rels[i], b->rels[i].id, b->rels[i].target, b->rels[i].target_role,
		           b->rels[i].status);
		assert_dates_eq(&a->rels[i].dates, &b->rels[i].dates);
	}
	ck_assert_uint_eq(a->org.nsuccs, b->org.nsuccs);
	for (i = 0; i < a->org.nsuccs; i++) {
		assert_succ(&a->succs[i], b->succs[i].type, b->succs[i].target, b->succs[i].target_role,
		            b->succs[i].forward);
		assert_dates_eq(&a->succs[i].dates, &b->succs[i].dates);
	}
}

/* ---- the real records ----------------------------------------------------- */

START_TEST(test_excerpt_every_field)
{
	static struct file f;
	const struct copy *c;
	const struct pcreg__ods_org *o;
	const char *excerpt = tu_shared_data_file("ods-xml/HSCOrgRefData_excerpt.xml");

	read_file(excerpt, &f);
	ck_assert_msg(f.end == PCREG_DONE, "%s", f.message);
	ck_assert_uint_eq(f.n, 4);
	ck_assert_int_eq(f.read, f.total);
	assert_lines(&f, 0, excerpt, "HSCOrgRefData_excerpt.xml");

	/* J82028: a practice, RO177 with RO76, three RE4 4RK71 -> 5FE -> 10R. */
	c = find(&f, "J82028", 0);
	o = &c->org;
	ck_assert_str_eq(c->pub_type, "Full");
	ck_assert_str_eq(c->pub_date, "2016-07-01");
	ck_assert_int_eq(o->line, 14);
	ck_assert_str_eq(c->part, "HSCOrgRefData_excerpt.xml");
	ck_assert_int_eq(o->ref_only, 0);
	ck_assert_str_eq(o->record_class, "RC1");
	ck_assert_str_eq(c->name, "TRAFALGAR MEDICAL GROUP PRACTICE");
	ck_assert_str_eq(o->status, "Active");
	ck_assert_str_eq(o->last_change, "2016-06-24");
	assert_dates(&o->dates, "1974-04-01", "", NULL, NULL);
	assert_address(c, "THE SURGERY", "25 OSBORNE ROAD", "PORTSMOUTH", "SOUTHSEA", "HAMPSHIRE",
	               "PO5 3ND", "ENGLAND", "");
	ck_assert_str_eq(c->telephone, "02392 821371");
	ck_assert_uint_eq(o->nroles, 2);
	assert_role(&c->roles[0], "RO177", 1, "Active");
	assert_dates(&c->roles[0].dates, "1974-04-01", "", NULL, NULL);
	assert_role(&c->roles[1], "RO76", 0, "Active");
	assert_dates(&c->roles[1].dates, "2014-04-15", "", NULL, NULL);
	ck_assert_uint_eq(o->nrels, 3);
	assert_rel(&c->rels[0], "RE4", "5FE", "RO179", "Inactive");
	assert_dates(&c->rels[0].dates, "2001-04-01", "2013-03-31", NULL, NULL);
	assert_rel(&c->rels[1], "RE4", "4RK71", "RO171", "Inactive");
	assert_dates(&c->rels[1].dates, "1999-04-01", "2001-03-31", NULL, NULL);
	assert_rel(&c->rels[2], "RE4", "10R", "RO98", "Active");
	assert_dates(&c->rels[2].dates, "2013-04-01", "", NULL, NULL);
	ck_assert_uint_eq(o->nsuccs, 0);

	/* YGM10: a Successor and a forwardSuccession Predecessor, each with
	 * a Legal date and a <Type> text that is not the date's Type. */
	c = find(&f, "YGM10", 0);
	o = &c->org;
	ck_assert_int_eq(o->line, 91);
	ck_assert_str_eq(o->record_class, "RC1");
	ck_assert_int_eq(o->ref_only, 0);
	ck_assert_str_eq(c->name, "INDIGO 4");
	ck_assert_str_eq(o->status, "Inactive");
	ck_assert_str_eq(o->last_change, "2015-07-13");
	assert_dates(&o->dates, "2006-04-01", "2015-06-30", NULL, NULL);
	assert_address(c, "AIZLEWOODS MILL", "NURSERY STREET", "", "SHEFFIELD", "SOUTH YORKSHIRE",
	               "S3 8GG", "ENGLAND", "");
	ck_assert_str_eq(c->telephone, "");
	ck_assert_uint_eq(o->nroles, 1);
	assert_role(&c->roles[0], "RO92", 1, "Inactive");
	assert_dates(&c->roles[0].dates, "2006-04-01", "2015-07-01", NULL, NULL);
	ck_assert_uint_eq(o->nrels, 0);
	ck_assert_uint_eq(o->nsuccs, 2);
	assert_succ(&c->succs[0], "Successor", "YGM41", "RO92", 0);
	assert_dates(&c->succs[0].dates, NULL, NULL, "2015-06-30", "");
	assert_succ(&c->succs[1], "Predecessor", "8GW80", "RO157", 1);
	assert_dates(&c->succs[1].dates, NULL, NULL, "2012-02-01", "");

	/* 5N424: Legal and Operational on the organisation, a role and a
	 * relationship; three RO180 roles. */
	c = find(&f, "5N424", 0);
	o = &c->org;
	ck_assert_int_eq(o->line, 146);
	ck_assert_str_eq(o->record_class, "RC2");
	ck_assert_str_eq(c->name, "THE FLOWERS HEALTH CENTRE");
	ck_assert_str_eq(o->status, "Active");
	ck_assert_str_eq(o->last_change, "2013-03-27");
	assert_dates(&o->dates, "2012-04-02", "", "1980-01-01", "2013-03-31");
	assert_address(c, "87 WINCOBANK AVENUE", "", "", "SHEFFIELD", "SOUTH YORKSHIRE", "S5 6AZ",
	               "ENGLAND", "");
	ck_assert_str_eq(c->telephone, "");
	ck_assert_uint_eq(o->nroles, 3);
	assert_role(&c->roles[0], "RO180", 1, "Active");
	assert_dates(&c->roles[0].dates, "2012-04-01", "", "2012-04-01", "2013-03-31");
	assert_role(&c->roles[1], "RO180", 0, "Active");
	assert_dates(&c->roles[1].dates, "2010-04-01", "2011-03-31", NULL, NULL);
	assert_role(&c->roles[2], "RO180", 0, "Active");
	assert_dates(&c->roles[2].dates, "2012-04-01", "2013-03-31", NULL, NULL);
	ck_assert_uint_eq(o->nrels, 1);
	assert_rel(&c->rels[0], "RE6", "5N4", "RO179", "Active");
	assert_dates(&c->rels[0].dates, "2012-04-01", "", "2012-04-01", "2013-03-31");
	ck_assert_uint_eq(o->nsuccs, 0);

	/* The branch site, briefly. */
	c = find(&f, "C84714001", 0);
	ck_assert_int_eq(c->org.line, 218);
	ck_assert_str_eq(c->addr3, "CLIFTON CAMPUS, CLIFTON LANE");
	ck_assert_str_eq(c->telephone, "01158483100");
	assert_rel(&c->rels[0], "RE6", "C84714", "RO177", "Active");
}
END_TEST

/* ---- the fixtures --------------------------------------------------------- */

static void assert_full_records(const struct file *f)
{
	const struct copy *c;
	const struct pcreg__ods_org *o;

	/* The practice: RO177 primary and RO76; RE4 to a PCT, a CCG and a
	 * sub-ICB location, RE8 to a PCN; Legal and Operational dates. */
	c = find(f, "F81001", 0);
	o = &c->org;
	ck_assert_str_eq(c->pub_type, "Full");
	ck_assert_str_eq(c->pub_date, "2025-01-06");
	ck_assert_str_eq(o->record_class, "RC1");
	ck_assert_str_eq(c->name, "THE OAK & ASH SURGERY");
	ck_assert_str_eq(o->status, "Active");
	ck_assert_str_eq(o->last_change, "2024-11-02");
	/* The "Planned" period is no kind the reader knows: ignored. */
	assert_dates(&o->dates, "1974-04-01", "", "1974-04-01", "");
	assert_address(c, "OAK HOUSE", "1 HIGH STREET", "NORTH WING", "NEWTOWN", "ESSEX", "CM1 1AA",
	               "ENGLAND", "100091234567");
	/* The first tel, not the fax before it nor the second tel. */
	ck_assert_str_eq(c->telephone, "01245 000000");
	ck_assert_uint_eq(o->nroles, 2);
	assert_role(&c->roles[0], "RO177", 1, "Active");
	assert_dates(&c->roles[0].dates, "1974-04-01", "", "1974-04-01", "");
	assert_role(&c->roles[1], "RO76", 0, "Active");
	assert_dates(&c->roles[1].dates, "2014-04-15", "", NULL, NULL);
	ck_assert_uint_eq(o->nrels, 4);
	assert_rel(&c->rels[0], "RE4", "5PX", "RO179", "Inactive");
	assert_dates(&c->rels[0].dates, "1999-04-01", "2013-03-31", "1999-04-01", "2013-03-31");
	assert_rel(&c->rels[1], "RE4", "99F", "RO98", "Inactive");
	assert_dates(&c->rels[1].dates, "2013-04-01", "2022-06-30", NULL, NULL);
	assert_rel(&c->rels[2], "RE4", "97H", "RO319", "Active");
	assert_dates(&c->rels[2].dates, "2022-07-01", "", "2022-07-01", "");
	assert_rel(&c->rels[3], "RE8", "U99001", "RO272", "Active");
	assert_dates(&c->rels[3].dates, "2019-07-01", "", NULL, NULL);
	ck_assert_uint_eq(o->nsuccs, 0);

	/* The CCG: RE5 to its region and ICB, succeeded by the sub-ICB
	 * location. */
	c = find(f, "99F", 0);
	o = &c->org;
	ck_assert_str_eq(c->name, "NHS MADE-UP CCG");
	ck_assert_str_eq(o->status, "Inactive");
	assert_dates(&o->dates, "2013-04-01", "2022-06-30", NULL, NULL);
	assert_address(c, "CCG HOUSE", "", "", "NEWTOWN", "ESSEX", "CM1 9ZZ", "ENGLAND", "");
	ck_assert_uint_eq(o->nroles, 1);
	assert_role(&c->roles[0], "RO98", 1, "Inactive");
	ck_assert_uint_eq(o->nrels, 2);
	assert_rel(&c->rels[0], "RE5", "Y63", "RO209", "Inactive");
	assert_rel(&c->rels[1], "RE5", "QF1", "RO318", "Inactive");
	assert_dates(&c->rels[1].dates, "2020-04-01", "2022-06-30", NULL, NULL);
	ck_assert_uint_eq(o->nsuccs, 1);
	assert_succ(&c->succs[0], "Successor", "97H", "RO319", 0);
	assert_dates(&c->succs[0].dates, NULL, NULL, "2022-07-01", "");

	/* The sub-ICB location: the predecessor, forward. */
	c = find(f, "97H", 0);
	o = &c->org;
	assert_role(&c->roles[0], "RO319", 1, "Active");
	assert_rel(&c->rels[0], "RE5", "QF1", "RO318", "Active");
	ck_assert_uint_eq(o->nsuccs, 1);
	assert_succ(&c->succs[0], "Predecessor", "99F", "RO98", 1);
	assert_dates(&c->succs[0].dates, NULL, NULL, "2022-07-01", "");
	assert_address(c, "", "", "", "", "", "", "", "");

	c = find(f, "QF1", 0);
	assert_role(&c->roles[0], "RO318", 1, "Active");
	assert_rel(&c->rels[0], "RE5", "Y63", "RO209", "Active");
	c = find(f, "Y63", 0);
	assert_role(&c->roles[0], "RO209", 1, "Active");
	ck_assert_uint_eq(c->org.nrels, 0);

	c = find(f, "U99001", 0);
	assert_role(&c->roles[0], "RO272", 1, "Active");
	assert_rel(&c->rels[0], "RE4", "97H", "RO319", "Active");
	assert_succ(&c->succs[0], "Successor", "U99002", "RO272", 0);

	/* A site, its name in CDATA. */
	c = find(f, "F81001001", 0);
	ck_assert_str_eq(c->org.record_class, "RC2");
	ck_assert_str_eq(c->name, "OAK BRANCH <SITE>");
	assert_rel(&c->rels[0], "RE6", "F81001", "RO177", "Active");

	/* The stub: only its code. */
	c = find(f, "F81002", 1);
	ck_assert_str_eq(c->org.record_class, "RC1");
	ck_assert_str_eq(c->name, "");
	ck_assert_str_eq(c->org.status, "");
	ck_assert_str_eq(c->org.last_change, "");
	assert_dates(&c->org.dates, NULL, NULL, NULL, NULL);
	ck_assert_uint_eq(c->org.nroles + c->org.nrels + c->org.nsuccs, 0);

	/* No name, no address: "". */
	c = find(f, "F81003", 0);
	ck_assert_str_eq(c->name, "");
	ck_assert_str_eq(c->telephone, "");
	assert_dates(&c->org.dates, NULL, NULL, NULL, NULL);
}

static void assert_archive_records(const struct file *f, size_t first)
{
	const struct copy *c = &f->orgs[first];

	ck_assert_str_eq(c->org.code, "F81002");
	ck_assert_int_eq(c->org.ref_only, 0);
	ck_assert_str_eq(c->pub_type, "Archive");
	ck_assert_str_eq(c->name, "THE ELM SURGERY");
	ck_assert_str_eq(c->org.status, "Inactive");
	assert_dates(&c->org.dates, "1980-01-01", "2019-03-31", "1980-01-01", "2019-03-31");
	assert_address(c, "ELM HOUSE", "", "", "OLDTOWN", "ESSEX", "CM2 2BB", "ENGLAND", "");
	ck_assert_uint_eq(c->org.nroles, 2);
	assert_role(&c->roles[1], "RO76", 0, "Inactive");
	assert_dates(&c->roles[1].dates, "2014-04-15", "2019-03-31", NULL, NULL);
	assert_rel(&c->rels[0], "RE4", "99F", "RO98", "Inactive");
	assert_succ(&c->succs[0], "Successor", "F81001", "RO177", 0);
	c = &f->orgs[first + 1];
	ck_assert_str_eq(c->org.code, "99F");
	ck_assert_int_eq(c->org.ref_only, 1);
	ck_assert_str_eq(c->name, "");
}

static const char *const full_order[] = { "F81001", "99F",       "97H",    "QF1",   "Y63",
	                                  "U99001", "F81001001", "F81002", "F81003" };

START_TEST(test_full_file)
{
	static struct file f;
	struct stat st;
	size_t i;

	read_file(FULL, &f);
	ck_assert_msg(f.end == PCREG_DONE, "%s", f.message);
	ck_assert_uint_eq(f.n, 9);
	for (i = 0; i < f.n; i++)
		ck_assert_str_eq(f.orgs[i].org.code, full_order[i]);
	assert_full_records(&f);
	assert_lines(&f, 0, FULL, FULL_NAME);
	ck_assert_int_eq(stat(FULL, &st), 0);
	ck_assert_int_eq(f.total, st.st_size);
	ck_assert_int_eq(f.read, f.total);
}
END_TEST

START_TEST(test_archive_file)
{
	static struct file f;

	read_file(ARCHIVE, &f);
	ck_assert_msg(f.end == PCREG_DONE, "%s", f.message);
	ck_assert_uint_eq(f.n, 2);
	assert_archive_records(&f, 0);
	assert_lines(&f, 0, ARCHIVE, ARCHIVE_NAME);
}
END_TEST

/* The zip lists the archive before the full file (and a readme): the full
 * file comes first all the same; each record is as extracted; a stub in
 * one part is complete in the other. */
START_TEST(test_zip)
{
	static struct file z, full, archive;
	size_t i, j;

	read_file(ZIP, &z);
	ck_assert_msg(z.end == PCREG_DONE, "%s", z.message);
	ck_assert_uint_eq(z.n, 11);
	for (i = 0; i < 9; i++) {
		ck_assert_str_eq(z.orgs[i].part, FULL_NAME);
		ck_assert_str_eq(z.orgs[i].org.code, full_order[i]);
	}
	for (i = 9; i < 11; i++)
		ck_assert_str_eq(z.orgs[i].part, ARCHIVE_NAME);
	assert_full_records(&z);
	assert_archive_records(&z, 9);
	assert_lines(&z, 0, FULL, FULL_NAME);
	assert_lines(&z, 9, ARCHIVE, ARCHIVE_NAME);

	read_file(FULL, &full);
	read_file(ARCHIVE, &archive);
	for (i = 0; i < 9; i++)
		assert_same(&z.orgs[i], &full.orgs[i]);
	for (i = 0; i < 2; i++)
		assert_same(&z.orgs[9 + i], &archive.orgs[i]);

	for (i = 0; i < z.n; i++) {
		int complete = 0;

		if (!z.orgs[i].org.ref_only)
			continue;
		for (j = 0; j < z.n; j++)
			if (strcmp(z.orgs[j].org.code, z.orgs[i].org.code) == 0 && !z.orgs[j].org.ref_only &&
			    strcmp(z.orgs[j].part, z.orgs[i].part) != 0)
				complete = 1;
		ck_assert_msg(complete, "the stub %s is complete in no other part", z.orgs[i].org.code);
	}
	/* Compressed bytes: the entries' share of the file. */
	ck_assert_int_eq(z.read, z.total);
	ck_assert_int_gt(z.total, 0);
}
END_TEST

static pcreg_status read_all(const char *path, int *count);

/* ---- bad files --------------------------------------------------------- */

struct bad {
	const char *file;
	int orgs;           /* read before the failure */
	pcreg_status status;
	const char *message; /* the message after the path */
	const char *also;    /* a second fragment, or NULL */
};

static const struct bad bad_files[] = {
	{ "not-xml.xml", -1, PCREG_INVALID, "not-xml.xml: not an HSCOrgRefData XML file", NULL },
	{ "wrong-root.xml", -1, PCREG_INVALID,
	  "wrong-root.xml: not an HSCOrgRefData file: the root element is <Workbook>", NULL },
	{ "wrong-namespace.xml", -1, PCREG_INVALID,
	  "wrong-namespace.xml: not an HSCOrgRefData file: the root element is <OrgRefData> in the"
	  " namespace \"http://example.org/org/v9\"",
	  NULL },
	{ "truncated.xml", 1, PCREG_INVALID, "truncated.xml:57: ", "malformed XML" },
	{ "deep-nesting.xml", 0, PCREG_INVALID, "deep-nesting.xml:14: a: elements nested more than 64 deep",
	  NULL },
	{ "external-entity.xml", -1, PCREG_INVALID,
	  "external-entity.xml: DOCTYPE: a document type declaration is not allowed", NULL },
	{ "billion-laughs.xml", -1, PCREG_INVALID,
	  "billion-laughs.xml: DOCTYPE: a document type declaration is not allowed", NULL },
	{ "no-xml.zip", -1, PCREG_INVALID, "no-xml.zip: not an HSCOrgRefData file: the zip holds no .xml",
	  NULL },
	{ "damaged.zip", -1, PCREG_INVALID, "damaged.zip:" FULL_NAME ": the zip is damaged", NULL },
	{ "does-not-exist.xml", -1, PCREG_NOTFOUND, "does-not-exist.xml: no such file", NULL },
};

/* Organisations with a value that cannot be read: each is delivered with
 * its first problem (line, element, what), and reading goes on to the end. */
static const struct {
	const char *file;
	int64_t line;
	const char *element, *problem;
} problem_files[] = {
	{ "impossible-date.xml", 34, "Start", "\"2021-02-30\" is not a real date" },
	{ "code-too-long.xml", 18, "OrgId",
	  "extension \"F81001F81001F81001\" is longer than 15 characters" },
	{ "missing-orgid.xml", 12, "Organisation", "no OrgId extension" },
};

START_TEST(test_problem_in_an_organisation)
{
	char path[512];
	struct pcreg__odsxml *x = NULL;
	const struct pcreg__ods_org *o;
	pcreg_status st;
	long live = tu_live_allocations();
	int n = 0, with_problem = 0;

	snprintf(path, sizeof path, "%s%s", BAD, problem_files[_i].file);
	ck_assert_msg(pcreg__odsxml_open(db, path, &x) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	while ((st = pcreg__odsxml_next(db, x, &o)) == PCREG_OK) {
		n++;
		if (!o->problem)
			continue;
		with_problem++;
		ck_assert_int_eq(o->problem_line, problem_files[_i].line);
		ck_assert_str_eq(o->problem_element, problem_files[_i].element);
		ck_assert_msg(strncmp(o->problem, problem_files[_i].problem,
		                      strlen(problem_files[_i].problem)) == 0,
		              "%s: problem \"%s\"", problem_files[_i].file, o->problem);
	}
	ck_assert_msg(st == PCREG_DONE, "%s: %s", problem_files[_i].file, pcreg_db_errmsg(db));
	ck_assert_int_eq(with_problem, 1);
	ck_assert_int_ge(n, 1);
	pcreg__odsxml_close(x);
	ck_assert_int_eq(tu_live_allocations(), live);
}
END_TEST

/* Open and read a bad file; the status, the message (starting with its
 * path) and how many organisations came before the failure. */
START_TEST(test_bad_file)
{
	const struct bad *b = &bad_files[_i];
	char path[512], expected[1024];
	struct pcreg__odsxml *x = NULL;
	const struct pcreg__ods_org *o;
	pcreg_status st;
	long live = tu_live_allocations();
	int n = 0;

	snprintf(path, sizeof path, "%s%s", BAD, b->file);
	snprintf(expected, sizeof expected, "%s%s", BAD, b->message);
	st = pcreg__odsxml_open(db, path, &x);
	if (b->orgs < 0) {
		ck_assert_ptr_null(x);
	} else {
		ck_assert_msg(st == PCREG_OK, "%s: %s", b->file, pcreg_db_errmsg(db));
		while ((st = pcreg__odsxml_next(db, x, &o)) == PCREG_OK)
			n++;
		ck_assert_int_eq(n, b->orgs);
	}
	ck_assert_msg(st == b->status, "%s: status %d (%s): %s", b->file, st, pcreg_status_str(st),
	              pcreg_db_errmsg(db));
	ck_assert_msg(strncmp(pcreg_db_errmsg(db), expected, strlen(expected)) == 0,
	              "%s: message \"%s\", expected \"%s...\"", b->file, pcreg_db_errmsg(db), expected);
	if (b->also)
		ck_assert_msg(strstr(pcreg_db_errmsg(db), b->also), "%s: \"%s\" lacks \"%s\"", b->file,
		              pcreg_db_errmsg(db), b->also);
	/* Nothing read through the external entity. */
	ck_assert_ptr_null(strstr(pcreg_db_errmsg(db), "SECRET"));
	if (x) {
		/* A failure is final: the next call says the same. */
		char first[PCREG__ERRMSG_SIZE];

		snprintf(first, sizeof first, "%s", pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg__odsxml_next(db, x, &o), b->status);
		ck_assert_str_eq(pcreg_db_errmsg(db), first);
		pcreg__odsxml_close(x);
	}
	ck_assert_int_eq(tu_live_allocations(), live);
}
END_TEST

/* An empty file, and one of two bytes that a zip's four would start. */
START_TEST(test_empty_and_tiny_files)
{
	struct pcreg__odsxml *x;
	const char *path = tu_path("empty.xml");

	tu_write_file(path, "", 0);
	tu_assert_status(db, pcreg__odsxml_open(db, path, &x), PCREG_INVALID,
	                 "empty.xml: not an HSCOrgRefData XML file: it is empty");
	ck_assert_ptr_null(x);
	path = tu_path("pk.xml");
	tu_write_file(path, "PK", 2);
	tu_assert_status(db, pcreg__odsxml_open(db, path, &x), PCREG_INVALID,
	                 "pk.xml: not an HSCOrgRefData XML file");
	ck_assert_ptr_null(x);
}
END_TEST

START_TEST(test_directory_is_an_io_error)
{
	struct pcreg__odsxml *x;

	tu_assert_status(db, pcreg__odsxml_open(db, BAD, &x), PCREG_IO, "is a directory");
	ck_assert_ptr_null(x);
}
END_TEST

/* Text up to PCREG_IMPORT_FIELD_MAX is read; one byte more is refused. */
static pcreg_status read_name_of(size_t len, char **name_out)
{
	static const char before[] = "<?xml version=\"1.0\"?>\n"
	                             "<h:OrgRefData xmlns:h=\"" PCREG__ODSXML_NAMESPACE "\">\n"
	                             "<Organisations>\n<Organisation orgRecordClass=\"RC1\">\n<Name>";
	static const char after[] = "</Name>\n<OrgId extension=\"F81001\"/>\n</Organisation>\n"
	                            "</Organisations>\n</h:OrgRefData>\n";
	size_t size = sizeof before - 1 + len + sizeof after - 1;
	char *text = malloc(size);
	struct pcreg__odsxml *x;
	const struct pcreg__ods_org *o;
	const char *path = tu_path("long.xml");
	pcreg_status st;

	ck_assert_ptr_nonnull(text);
	memcpy(text, before, sizeof before - 1);
	memset(text + sizeof before - 1, 'N', len);
	memcpy(text + sizeof before - 1 + len, after, sizeof after - 1);
	tu_write_file(path, text, size);
	free(text);
	ck_assert_int_eq(pcreg__odsxml_open(db, path, &x), PCREG_OK);
	st = pcreg__odsxml_next(db, x, &o);
	*name_out = st == PCREG_OK ? strdup(o->name) : NULL;
	pcreg__odsxml_close(x);
	return st;
}

START_TEST(test_text_length_limit)
{
	char *name;

	ck_assert_int_eq(read_name_of(PCREG_IMPORT_FIELD_MAX, &name), PCREG_OK);
	ck_assert_uint_eq(strlen(name), PCREG_IMPORT_FIELD_MAX);
	free(name);
	tu_assert_status(db, read_name_of(PCREG_IMPORT_FIELD_MAX + 1, &name), PCREG_INVALID,
	                 "long.xml:5: Name: text longer than 1048576 bytes");
}
END_TEST

/* libxml2 keeps an element's line in 16 bits: past line 65535 the reader
 * must still give the right one, for every organisation, and in messages. */
START_TEST(test_lines_past_65535)
{
	const char *path = tu_path("many.xml");
	FILE *out = fopen(path, "w");
	struct pcreg__odsxml *x;
	const struct pcreg__ods_org *o;
	int64_t line = 1, expected[3000];
	int i, n = 0;
	pcreg_status st;

	ck_assert_ptr_nonnull(out);
	fprintf(out, "<?xml version=\"1.0\"?>\n<h:OrgRefData xmlns:h=\"%s\">\n<Organisations>\n",
	        PCREG__ODSXML_NAMESPACE);
	line = 4;
	for (i = 0; i < 3000; i++) {
		int j;

		expected[i] = line;
		/* Some start tags run over two lines; some follow a comment. */
		fprintf(out, "  <Organisation%sorgRecordClass=\"RC1\">\n", i % 3 ? " " : "\n    ");
		line += 1 + (i % 3 == 0);
		fprintf(out, "    <OrgId extension=\"X%05d\"/>\n", i);
		line++;
		for (j = 0; j < 20; j++, line++)
			fprintf(out, "    <Extra n=\"%d\"/>\n", j);
		fprintf(out, "  </Organisation>\n");
		line++;
		if (i % 7 == 0) {
			fprintf(out, "  <!-- a comment -->\n");
			line++;
		}
	}
	/* Then one whose date is wrong, past line 65535. */
	fprintf(out, "  <Organisation orgRecordClass=\"RC1\">\n    <OrgId extension=\"BAD\"/>\n"
	             "    <LastChangeDate value=\"2021-02-30\"/>\n  </Organisation>\n");
	fprintf(out, "</Organisations>\n</h:OrgRefData>\n");
	ck_assert_int_eq(fclose(out), 0);
	ck_assert_int_gt(line, 65535);

	ck_assert_int_eq(pcreg__odsxml_open(db, path, &x), PCREG_OK);
	while ((st = pcreg__odsxml_next(db, x, &o)) == PCREG_OK && n < 3000) {
		ck_assert_msg(o->line == expected[n], "organisation %d at line %lld, not %lld", n,
		              (long long)o->line, (long long)expected[n]);
		ck_assert_ptr_null(o->problem);
		n++;
	}
	ck_assert_int_eq(n, 3000);
	/* The last one's date: a problem of that organisation, at its line. */
	ck_assert_int_eq(st, PCREG_OK);
	ck_assert_str_eq(o->code, "BAD");
	ck_assert_int_eq(o->problem_line, line + 2);
	ck_assert_str_eq(o->problem_element, "LastChangeDate");
	ck_assert_msg(strstr(o->problem, "\"2021-02-30\" is not a real date"), "%s", o->problem);
	ck_assert_int_eq(pcreg__odsxml_next(db, x, &o), PCREG_DONE);
	pcreg__odsxml_close(x);
}
END_TEST

/* The full file cut short almost everywhere: malformed (PCREG_INVALID, naming the
 * file) until only the last line break is missing; never a crash, a leak
 * or a record made up from half of one. */
START_TEST(test_every_truncation)
{
	const char *path = tu_path("cut.xml");
	long live = tu_live_allocations();
	char *text, *p;
	long size, cut, last_end = 0;
	FILE *in = fopen(FULL, "rb");

	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(fseek(in, 0, SEEK_END), 0);
	size = ftell(in);
	rewind(in);
	text = malloc((size_t)size + 1);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(fread(text, 1, (size_t)size, in), (size_t)size);
	text[size] = '\0';
	fclose(in);
	/* Where the last organisation ends: all nine are read from there. */
	for (p = text; (p = strstr(p, "</Organisation>")) != NULL && p < text + size; p++)
		last_end = (long)(p - text) + (long)strlen("</Organisation>");
	ck_assert_int_gt(last_end, 0);
	/* Every byte of the first and last 512 (the envelope), every 7th
	 * between: a file per cut costs time. */
	for (cut = 0; cut <= size; cut += cut < 512 || cut >= size - 512 ? 1 : 7) {
		int n;
		pcreg_status st;

		tu_write_file(path, text, (size_t)cut);
		st = read_all(path, &n);
		if (cut >= size - 1) {
			ck_assert_msg(st == PCREG_OK, "cut at %ld: %s", cut, pcreg_db_errmsg(db));
			ck_assert_int_eq(n, 9);
		} else {
			ck_assert_msg(st == PCREG_INVALID, "cut at %ld of %ld: status %d, %d read", cut,
			              size, st, n);
			ck_assert_msg(strstr(pcreg_db_errmsg(db), "cut.xml"), "cut at %ld: \"%s\"", cut,
			              pcreg_db_errmsg(db));
			ck_assert_msg(n < 9 || cut >= last_end, "cut at %ld: all read", cut);
		}
		ck_assert_int_eq(tu_live_allocations(), live);
	}
	free(text);
}
END_TEST

START_TEST(test_looks_like)
{
	char head[512];
	FILE *in;
	size_t n;
	static const char csv[] = "\"F81001\",\"THE OAK SURGERY\",\"Y63\"\n";
	static const char xlsx[] = "PK\003\004\024\000\006\000\010\000\000\000!\000[Content_Types].xml";
	static const char other[] = "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:x\"><Organisations/>";

	in = fopen(FULL, "rb");
	ck_assert_ptr_nonnull(in);
	n = fread(head, 1, sizeof head, in);
	fclose(in);
	ck_assert_int_eq(pcreg__odsxml_looks_like(head, n), 1);
	in = fopen(ZIP, "rb");
	ck_assert_ptr_nonnull(in);
	n = fread(head, 1, sizeof head, in);
	fclose(in);
	ck_assert_int_eq(pcreg__odsxml_looks_like(head, n), 1);
	ck_assert_int_eq(pcreg__odsxml_looks_like(csv, sizeof csv - 1), 0);
	ck_assert_int_eq(pcreg__odsxml_looks_like(xlsx, sizeof xlsx - 1), 0);
	ck_assert_int_eq(pcreg__odsxml_looks_like(other, sizeof other - 1), 0);
	ck_assert_int_eq(pcreg__odsxml_looks_like("", 0), 0);
	ck_assert_int_eq(pcreg__odsxml_looks_like(NULL, 0), 0);
}
END_TEST

/* ---- out of memory, failed reads ---------------------------------------- */

/* Read a whole file with no handle for messages; the first failure. */
static pcreg_status read_all(const char *path, int *count)
{
	struct pcreg__odsxml *x;
	const struct pcreg__ods_org *o;
	pcreg_status st = pcreg__odsxml_open(db, path, &x);

	*count = 0;
	if (st != PCREG_OK)
		return st;
	while ((st = pcreg__odsxml_next(db, x, &o)) == PCREG_OK)
		(*count)++;
	pcreg__odsxml_close(x);
	return st == PCREG_DONE ? PCREG_OK : st;
}

static pcreg_status read_zip_and_file(void *ctx)
{
	int n;
	pcreg_status st;

	(void)ctx;
	if ((st = read_all(ZIP, &n)) != PCREG_OK)
		return st;
	ck_assert_int_eq(n, 11);
	if ((st = read_all(FULL, &n)) != PCREG_OK)
		return st;
	ck_assert_int_eq(n, 9);
	return PCREG_OK;
}

START_TEST(test_out_of_memory)
{
	long n = tu_oom_restarting("odsxml", read_zip_and_file, NULL);

	fprintf(stderr, "check_odsxml: %ld allocation failures tested\n", n);
}
END_TEST

static long reads_to_fail, reads_seen;

static int fail_nth_read(enum pcreg__io_op op, const char *path)
{
	(void)path;
	if (op != PCREG__IO_READ)
		return 0;
	return ++reads_seen == reads_to_fail ? EIO : 0;
}

/* Fail the 1st, 2nd, 3rd... read until a run reads the whole file: each
 * failure is PCREG_IO naming the file and the error, and leaks nothing. */
static void io_fault_loop(const char *path, const char *name, int expected)
{
	long live = tu_live_allocations();
	char fragment[256];
	int n;
	pcreg_status st;

	snprintf(fragment, sizeof fragment, "%s", path);
	pcreg__io_fault = fail_nth_read;
	for (reads_to_fail = 1;; reads_to_fail++) {
		reads_seen = 0;
		st = read_all(path, &n);
		if (reads_seen < reads_to_fail)
			break;
		ck_assert_msg(st == PCREG_IO, "%s: read %ld failed: status %d (%s): %s", name,
		              reads_to_fail, st, pcreg_status_str(st), pcreg_db_errmsg(db));
		ck_assert_msg(strstr(pcreg_db_errmsg(db), fragment) &&
		              strstr(pcreg_db_errmsg(db), strerror(EIO)),
		              "%s: read %ld failed: \"%s\"", name, reads_to_fail, pcreg_db_errmsg(db));
		ck_assert_int_eq(tu_live_allocations(), live);
	}
	pcreg__io_fault = NULL;
	ck_assert_msg(st == PCREG_OK, "%s: %s", name, pcreg_db_errmsg(db));
	ck_assert_int_eq(n, expected);
	ck_assert_msg(reads_to_fail > 3, "%s: only %ld reads", name, reads_to_fail - 1);
	fprintf(stderr, "check_odsxml: %s: %ld read failures tested\n", name, reads_to_fail - 1);
}

START_TEST(test_read_failures)
{
	io_fault_loop(FULL, "full file", 9);
	io_fault_loop(ZIP, "zip", 11);
}
END_TEST

static Suite *odsxml_suite(void)
{
	Suite *s = suite_create("odsxml");
	TCase *tc = tcase_create("reader");
	TCase *real = tu_shared_data_tcase("real");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_full_file);
	tcase_add_test(tc, test_archive_file);
	tcase_add_test(tc, test_zip);
	tcase_add_loop_test(tc, test_bad_file, 0, (int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_loop_test(tc, test_problem_in_an_organisation, 0,
	                    (int)(sizeof problem_files / sizeof problem_files[0]));
	tcase_add_test(tc, test_empty_and_tiny_files);
	tcase_add_test(tc, test_directory_is_an_io_error);
	tcase_add_test(tc, test_text_length_limit);
	tcase_add_test(tc, test_lines_past_65535);
	tcase_add_test(tc, test_every_truncation);
	tcase_add_test(tc, test_looks_like);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_read_failures);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(real, setup, teardown);
	tcase_add_test(real, test_excerpt_every_field);
	suite_add_tcase(s, real);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(odsxml_suite());
}
