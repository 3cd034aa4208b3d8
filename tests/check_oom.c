/*
 * check_oom.c: every API family under allocation failure.
 *
 * Each scenario runs with its 1st, 2nd, 3rd... allocation failing until a
 * run sees no failure. Every run must return success or PCREG_NOMEM (never
 * crash, never another status) and give back every allocation it made.
 * Later API families add their scenario here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define TRY(call)                              \
	do {                                   \
		pcreg_status try_st_ = (call); \
		if (try_st_ < 0) {             \
			st = try_st_;          \
			goto out;              \
		}                              \
	} while (0)

/* PCREG_OOM_VERBOSE=1 shows how long each scenario's loop takes. */
static void run(const char *name, long (*loop)(const char *, tu_scenario, void *),
                tu_scenario scenario, void *ctx)
{
	struct timespec start, end;
	long allocations;

	clock_gettime(CLOCK_MONOTONIC, &start);
	allocations = loop(name, scenario, ctx);
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "%s: %ld allocations failed in turn, %.1f s\n", name, allocations,
		        (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
}

static pcreg_status open_with(const char *path, int flags, int version, pcreg_db **db)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	opts.flags = flags;
	opts.schema_version = version;
	return pcreg_db_open(path, &opts, db);
}

/* Create at version 1 and migrate the rest of the way, in memory. */
static pcreg_status create_and_migrate(void *ctx)
{
	pcreg_db *db = NULL;
	pcreg_status st = PCREG_OK;
	int version;

	(void)ctx;
	TRY(open_with(":memory:", PCREG_OPEN_CREATE, 1, &db));
	TRY(pcreg_db_needs_migration(db));
	TRY(pcreg_db_migrate(db, 0));
	TRY(pcreg_schema_version(db, &version));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_commit(db));
out:
	pcreg_db_close(db);
	return st;
}

/* An existing registry file: open read-write and read-only, transact. */
static pcreg_status reopen_file(void *ctx)
{
	const char *path = ctx;
	pcreg_db *db = NULL;
	pcreg_status st = PCREG_OK;
	int version;

	TRY(open_with(path, 0, 0, &db));
	TRY(pcreg_schema_version(db, &version));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_commit(db));
	pcreg_db_close(db);
	db = NULL;
	TRY(open_with(path, PCREG_OPEN_READONLY, 0, &db));
	TRY(pcreg_db_begin(db));
	TRY(pcreg_db_rollback(db));
out:
	pcreg_db_close(db);
	return st;
}

/* ---- every API family, on a populated registry ------------------------------------ */

struct registry {
	pcreg_db *db;
};

/* A failure the scenario expects (a conflict, say) counts as success;
 * under injected failures it may also come back as PCREG_NOMEM. */
#define EXPECT(call, expected)                                     \
	do {                                                       \
		pcreg_status expect_st_ = (call);                  \
		if (expect_st_ != (expected)) {                    \
			st = expect_st_ < 0 ? expect_st_ : PCREG_ERROR; \
			goto out;                                  \
		}                                                  \
	} while (0)

/* Setters copy text, so they can fail too. */
#define SET(call)                       \
	do {                            \
		if (st == PCREG_OK)     \
			st = (call);    \
	} while (0)

/* Open an iterator, read it to the end, free it. */
#define DRAIN(name, row, open)                                                       \
	do {                                                                         \
		pcreg_##name *it_ = NULL;                                            \
		const pcreg_##row *row_;                                             \
		pcreg_status drain_st_ = (open);                                     \
		while (drain_st_ == PCREG_OK &&                                      \
		       (drain_st_ = pcreg_##name##_next(it_, &row_)) == PCREG_OK)    \
			;                                                            \
		pcreg_##name##_free(it_);                                            \
		if (drain_st_ != PCREG_DONE) {                                       \
			st = drain_st_ < 0 ? drain_st_ : PCREG_ERROR;                \
			goto out;                                                    \
		}                                                                    \
	} while (0)

static pcreg_status add_practice(pcreg_db *db, const char *code, const char *postcode)
{
	pcreg_practice *p = NULL;
	pcreg_status st = pcreg_practice_new(&p);

	if (st == PCREG_OK) {
		SET(pcreg_practice_set_code(p, code));
		SET(pcreg_practice_set_name(p, "Fictional Riverside Surgery"));
		SET(pcreg_practice_set_address(p, 1, "1 Example Road"));
		SET(pcreg_practice_set_postcode(p, postcode));
		SET(pcreg_practice_set_status(p, PCREG_PRACTICE_ACTIVE));
		SET(pcreg_practice_set_open_date(p, "1990-01-01"));
		SET(pcreg_practice_insert(db, p));
	}
	pcreg_practice_free(p);
	return st;
}

static pcreg_status add_contract(pcreg_db *db, const char *practice,
                                 pcreg_contract_type_value type, const char *service,
                                 const char *start, const char *end)
{
	pcreg_contract *k = NULL;
	pcreg_status st = pcreg_contract_new(&k);

	if (st == PCREG_OK) {
		SET(pcreg_contract_set_practice(k, practice));
		SET(pcreg_contract_set_type(k, type));
		SET(pcreg_contract_set_service(k, service));
		SET(pcreg_contract_set_start_date(k, start));
		SET(pcreg_contract_set_end_date(k, end));
		if (type == PCREG_CONTRACT_PMS) {
			pcreg_contract_set_pms_premium(k, -216);
			pcreg_contract_set_annual_value(k, 1020000);
		}
		SET(pcreg_contract_insert(db, k));
	}
	pcreg_contract_free(k);
	return st;
}

static pcreg_status add_inspection(pcreg_db *db, const char *practice, const char *published,
                                   pcreg_rating overall)
{
	pcreg_inspection *i = NULL;
	pcreg_status st = pcreg_inspection_new(&i);

	if (st == PCREG_OK) {
		SET(pcreg_inspection_set_practice(i, practice));
		SET(pcreg_inspection_set_cqc_location_id(i, "1-101681212"));
		SET(pcreg_inspection_set_inspection_date(i, "2016-01-01"));
		SET(pcreg_inspection_set_publication_date(i, published));
		SET(pcreg_inspection_set_overall(i, overall));
		SET(pcreg_inspection_insert(db, i));
	}
	pcreg_inspection_free(i);
	return st;
}

static pcreg_status add_list_size(pcreg_db *db, const char *practice, const char *date,
                                  int64_t registered)
{
	pcreg_list_size *s = NULL;
	pcreg_status st = pcreg_list_size_new(&s);

	if (st == PCREG_OK) {
		SET(pcreg_list_size_set_practice(s, practice));
		SET(pcreg_list_size_set_extract_date(s, date));
		SET(pcreg_list_size_set_registered(s, registered));
		SET(pcreg_list_size_set_weighted(s, (double)registered * 1.02));
		SET(pcreg_list_size_insert(db, s));
	}
	pcreg_list_size_free(s);
	return st;
}

static pcreg_status add_commissioner(pcreg_db *db, const char *code,
                                     pcreg_commissioner_kind_value kind, const char *name,
                                     const char *region)
{
	pcreg_commissioner *c = NULL;
	pcreg_status st = pcreg_commissioner_new(&c);

	if (st == PCREG_OK) {
		SET(pcreg_commissioner_set_code(c, code));
		SET(pcreg_commissioner_set_kind(c, kind));
		SET(pcreg_commissioner_set_name(c, name));
		SET(pcreg_commissioner_set_region(c, region));
		SET(pcreg_commissioner_insert(db, c));
	}
	pcreg_commissioner_free(c);
	return st;
}

/* Commissioners, networks, a federation, three practices with their
 * memberships, contracts, inspections and list sizes; all through the
 * API, and all before any failure is injected. */
static pcreg_status populate(void *ctx)
{
	struct registry *r = ctx;
	pcreg_status st = open_with(":memory:", 0, 0, &r->db);
	pcreg_db *db = r->db;
	pcreg_network *n = NULL;
	pcreg_federation *f = NULL;
	pcreg_arrangement *a = NULL;
	pcreg_succession *s = NULL;
	pcreg_network_lead *l = NULL;
	static const char *const practices[] = { "F81001", "F81002", "F81003" };
	size_t i;

	TRY(st);
	TRY(pcreg_db_begin(db));
	TRY(add_commissioner(db, "Y56", PCREG_COMMISSIONER_REGION, "London", NULL));
	TRY(add_commissioner(db, "07L", PCREG_COMMISSIONER_CCG, "NHS Barking and Dagenham CCG", "Y56"));
	TRY(add_commissioner(db, "A3A8R", PCREG_COMMISSIONER_SUB_ICB, "NHS North East London ICB", "Y56"));
	TRY(pcreg_network_new(&n));
	pcreg_network_set_code(n, "U00001");
	pcreg_network_set_kind(n, PCREG_NETWORK_PCN);
	pcreg_network_set_name(n, "First Fictional PCN");
	pcreg_network_set_commissioner(n, "07L");
	TRY(pcreg_network_insert(db, n));
	pcreg_network_set_code(n, "U00002");
	pcreg_network_set_name(n, "Second Fictional PCN");
	TRY(pcreg_network_insert(db, n));
	TRY(pcreg_federation_new(&f));
	pcreg_federation_set_id(f, "together-first");
	pcreg_federation_set_name(f, "Together First");
	TRY(pcreg_federation_insert(db, f));
	TRY(pcreg_network_lead_new(&l));
	pcreg_network_lead_set_network(l, "U00001");
	pcreg_network_lead_set_person(l, "Dr Amit Sharma");
	pcreg_network_lead_set_role(l, "clinical director");
	pcreg_network_lead_set_from_date(l, "2019-07-01");
	TRY(pcreg_network_lead_insert(db, l));
	TRY(pcreg_arrangement_new(&a));
	pcreg_arrangement_set_commissioner(a, "07L");
	pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_JOINT);
	pcreg_arrangement_set_from_date(a, "2015-04-01");
	TRY(pcreg_arrangement_insert(db, a));
	TRY(pcreg_succession_new(&s));
	pcreg_succession_set_old_code(s, "07L");
	pcreg_succession_set_new_code(s, "A3A8R");
	pcreg_succession_set_effective_date(s, "2021-04-01");
	TRY(pcreg_succession_insert(db, s));
	for (i = 0; i < 3; i++) {
		TRY(add_practice(db, practices[i], "RM1 3AE"));
		TRY(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, practices[i], "07L",
		                          "2013-04-01", "2021-03-31"));
		TRY(pcreg_membership_join(db, PCREG_MEMBERSHIP_COMMISSIONER, practices[i], "A3A8R",
		                          "2021-04-01", NULL));
		TRY(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, practices[i], "U00001",
		                          "2019-07-01", NULL));
		TRY(pcreg_membership_join(db, PCREG_MEMBERSHIP_FEDERATION, practices[i],
		                          "together-first", "2016-04-01", NULL));
		TRY(add_contract(db, practices[i], i ? PCREG_CONTRACT_GMS : PCREG_CONTRACT_PMS, NULL,
		                 "2004-04-01", NULL));
		TRY(add_contract(db, practices[i], PCREG_CONTRACT_LIS, "Integrated Case Management",
		                 "2016-12-01", NULL));
		TRY(add_inspection(db, practices[i], "2016-03-01", PCREG_RATING_GOOD));
		TRY(add_list_size(db, practices[i], "2021-01-01", 12000));
	}
	TRY(pcreg_db_commit(db));
out:
	pcreg_network_free(n);
	pcreg_federation_free(f);
	pcreg_network_lead_free(l);
	pcreg_arrangement_free(a);
	pcreg_succession_free(s);
	if (st != PCREG_OK) {
		pcreg_db_close(r->db);
		r->db = NULL;
	}
	return st;
}

static pcreg_status practices_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_practice *p = NULL;
	pcreg_practice_query q = PCREG_PRACTICE_QUERY_INIT;
	pcreg_status st = PCREG_OK;

	TRY(pcreg_practice_get(db, "F81001", &p));
	TRY(pcreg_practice_set_name(p, "Fictional Riverside Health Centre"));
	TRY(pcreg_practice_update(db, p));
	TRY(pcreg_practice_set_code(p, "F81009"));
	TRY(pcreg_practice_insert(db, p));
	EXPECT(pcreg_practice_insert(db, p), PCREG_EXISTS);
	EXPECT(pcreg_practice_delete(db, "F81001"), PCREG_CONSTRAINT);
	TRY(pcreg_practice_delete(db, "F81009"));
	q.on = "2020-01-01";
	q.commissioner = "07L";
	q.name = "riverside";
	DRAIN(practice_iter, practice, pcreg_practice_list(db, &q, &it_));
	DRAIN(practice_iter, practice, pcreg_practice_search(db, "health centre", 10, &it_));
	DRAIN(practice_iter, practice, pcreg_practice_postcode_search(db, "rm1", &it_));
out:
	pcreg_practice_free(p);
	pcreg_db_close(db);
	return st;
}

static pcreg_status memberships_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_membership *m = NULL;
	pcreg_membership_query q = PCREG_MEMBERSHIP_QUERY_INIT;
	pcreg_status st = PCREG_OK;

	TRY(pcreg_membership_move(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "U00002", "2020-04-01"));
	EXPECT(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81002", "U00002", "2020-01-01",
	                             NULL),
	       PCREG_CONFLICT);
	EXPECT(pcreg_membership_join(db, PCREG_MEMBERSHIP_NETWORK, "F81002", "U09999", "2010-01-01",
	                             "2010-12-31"),
	       PCREG_CONSTRAINT);
	TRY(pcreg_membership_leave(db, PCREG_MEMBERSHIP_FEDERATION, "F81002", "2020-12-31"));
	TRY(pcreg_membership_on(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2020-03-31", &m));
	TRY(pcreg_membership_set_to_date(m, "2020-03-30"));
	TRY(pcreg_membership_update(db, m));
	pcreg_membership_free(m);
	m = NULL;
	TRY(pcreg_membership_get(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2020-04-01", &m));
	TRY(pcreg_membership_delete(db, PCREG_MEMBERSHIP_NETWORK, "F81001", "2020-04-01"));
	DRAIN(membership_iter, membership,
	      pcreg_membership_members_on(db, PCREG_MEMBERSHIP_COMMISSIONER, "07L", "2020-01-01",
	                                  &it_));
	q.kind = PCREG_MEMBERSHIP_COMMISSIONER;
	q.practice = "F81003";
	DRAIN(membership_iter, membership, pcreg_membership_list(db, &q, &it_));
out:
	pcreg_membership_free(m);
	pcreg_db_close(db);
	return st;
}

static pcreg_status organisations_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_commissioner *c = NULL;
	pcreg_arrangement *a = NULL;
	pcreg_resolution *res = NULL;
	pcreg_commissioner_query cq = PCREG_COMMISSIONER_QUERY_INIT;
	pcreg_succession_query sq = PCREG_SUCCESSION_QUERY_INIT;
	pcreg_arrangement_query aq = PCREG_ARRANGEMENT_QUERY_INIT;
	pcreg_status st = PCREG_OK;

	TRY(pcreg_commissioner_get(db, "07L", &c));
	TRY(pcreg_commissioner_set_ons_code(c, "E38000004"));
	TRY(pcreg_commissioner_update(db, c));
	EXPECT(pcreg_commissioner_delete(db, "07L"), PCREG_CONSTRAINT);
	TRY(add_commissioner(db, "08F", PCREG_COMMISSIONER_CCG, "NHS Havering CCG", "Y56"));
	TRY(pcreg_commissioner_delete(db, "08F"));
	cq.region = "Y56";
	DRAIN(commissioner_iter, commissioner, pcreg_commissioner_list(db, &cq, &it_));
	TRY(pcreg_succession_resolve(db, "07L", "2022-01-01", &res));
	sq.old_code = "07L";
	DRAIN(succession_iter, succession, pcreg_succession_list(db, &sq, &it_));
	TRY(pcreg_arrangement_on(db, "07L", "2016-01-01", &a));
	TRY(pcreg_arrangement_set_to_date(a, "2017-03-31"));
	TRY(pcreg_arrangement_update(db, a));
	TRY(pcreg_arrangement_clear_id(a));
	TRY(pcreg_arrangement_set_level(a, PCREG_ARRANGEMENT_DELEGATED));
	EXPECT(pcreg_arrangement_insert(db, a), PCREG_EXISTS);
	aq.commissioner = "07L";
	DRAIN(arrangement_iter, arrangement, pcreg_arrangement_list(db, &aq, &it_));
out:
	pcreg_commissioner_free(c);
	pcreg_arrangement_free(a);
	pcreg_resolution_free(res);
	pcreg_db_close(db);
	return st;
}

static pcreg_status networks_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_network *n = NULL;
	pcreg_federation *f = NULL;
	pcreg_network_query nq = PCREG_NETWORK_QUERY_INIT;
	pcreg_network_lead_query lq = PCREG_NETWORK_LEAD_QUERY_INIT;
	pcreg_federation_query fq = PCREG_FEDERATION_QUERY_INIT;
	pcreg_status st = PCREG_OK;

	TRY(pcreg_network_get(db, "U00001", &n));
	TRY(pcreg_network_set_close_date(n, "2030-01-01"));
	TRY(pcreg_network_update(db, n));
	EXPECT(pcreg_network_delete(db, "U00001"), PCREG_CONSTRAINT);
	nq.commissioner = "07L";
	nq.on = "2020-01-01";
	DRAIN(network_iter, network, pcreg_network_list(db, &nq, &it_));
	lq.network = "U00001";
	lq.on = "2020-01-01";
	DRAIN(network_lead_iter, network_lead, pcreg_network_lead_list(db, &lq, &it_));
	TRY(pcreg_federation_get(db, "together-first", &f));
	TRY(pcreg_federation_set_area(f, "Barking and Dagenham"));
	TRY(pcreg_federation_update(db, f));
	fq.name = "first";
	DRAIN(federation_iter, federation, pcreg_federation_list(db, &fq, &it_));
out:
	pcreg_network_free(n);
	pcreg_federation_free(f);
	pcreg_db_close(db);
	return st;
}

static pcreg_status contracts_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_contract *k = NULL;
	pcreg_inspection *i = NULL;
	pcreg_list_size *s = NULL;
	pcreg_contract_query kq = PCREG_CONTRACT_QUERY_INIT;
	pcreg_inspection_query iq = PCREG_INSPECTION_QUERY_INIT;
	pcreg_list_size_query sq = PCREG_LIST_SIZE_QUERY_INIT;
	pcreg_status st = PCREG_OK;

	TRY(pcreg_contract_core_on(db, "F81001", "2020-01-01", &k));
	EXPECT(add_contract(db, "F81001", PCREG_CONTRACT_GMS, NULL, "2010-01-01", NULL),
	       PCREG_CONFLICT);
	TRY(add_contract(db, "F81001", PCREG_CONTRACT_DES, "Network Contract DES", "2019-07-01",
	                 NULL));
	kq.practice = "F81001";
	DRAIN(contract_iter, contract, pcreg_contract_list(db, &kq, &it_));
	TRY(add_inspection(db, "F81001", "2019-05-01", PCREG_RATING_REQUIRES_IMPROVEMENT));
	TRY(pcreg_inspection_latest_on(db, "F81001", "2020-01-01", &i));
	iq.practice = "F81001";
	DRAIN(inspection_iter, inspection, pcreg_inspection_list(db, &iq, &it_));
	TRY(add_list_size(db, "F81001", "2022-01-01", 12500));
	TRY(pcreg_list_size_on(db, "F81001", "2021-06-01", &s));
	sq.practice = "F81001";
	DRAIN(list_size_iter, list_size, pcreg_list_size_list(db, &sq, &it_));
out:
	pcreg_contract_free(k);
	pcreg_inspection_free(i);
	pcreg_list_size_free(s);
	pcreg_db_close(db);
	return st;
}

static pcreg_status reports_family(void *ctx)
{
	struct registry *r = ctx;
	pcreg_db *db = r->db;
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_status st = PCREG_OK;

	opts.on = "2020-01-01";
	DRAIN(cqc_iter, cqc_row, pcreg_report_cqc(db, &opts, &it_));
	DRAIN(pms_iter, pms_row, pcreg_report_pms(db, &opts, &it_));
	DRAIN(commissioning_iter, commissioning_row, pcreg_report_commissioning(db, &opts, &it_));
	DRAIN(network_population_iter, network_population_row,
	      pcreg_report_networks(db, &opts, &it_));
	opts.service = "Integrated Case Management";
	opts.commissioner = "07L";
	DRAIN(scheme_iter, scheme_row, pcreg_report_scheme(db, &opts, &it_));
	DRAIN(timeline_iter, event, pcreg_timeline_list(db, "F81001", &it_));
	DRAIN(finding_iter, finding, pcreg_check_run(db, &it_));
out:
	pcreg_db_close(db);
	return st;
}

/* ---- imports, the journal and exports (files: a restarting loop) ------------------ */

struct files {
	pcreg_db *db;
	char epraccur[512], bad[512], sizes[512], export[512];
};

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static pcreg_status registry_with_a_commissioner(void *ctx)
{
	struct files *f = ctx;
	pcreg_status st = open_with(":memory:", 0, 0, &f->db);

	if (st == PCREG_OK)
		st = add_commissioner(f->db, "16C", PCREG_COMMISSIONER_CCG, "NHS Tees Valley CCG", NULL);
	return st;
}

static pcreg_status imports_family(void *ctx)
{
	struct files *f = ctx;
	pcreg_db *db = f->db;
	pcreg_import_report *r = NULL;
	pcreg_import_options lenient = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_summary *sum = NULL;
	pcreg_status st = PCREG_OK;

	lenient.mode = PCREG_IMPORT_LENIENT;
	TRY(pcreg_import_file(db, f->epraccur, NULL, &r));
	pcreg_import_report_free(r);
	r = NULL;
	TRY(pcreg_import_file(db, f->epraccur, NULL, &r)); /* every row unchanged */
	pcreg_import_report_free(r);
	r = NULL;
	TRY(pcreg_import_file(db, f->sizes, NULL, &r));
	pcreg_import_report_free(r);
	r = NULL;
	TRY(pcreg_import_file(db, f->bad, &lenient, &r)); /* a refused row, recorded */
	TRY(pcreg_journal_summary(db, pcreg_import_report_id(r), &sum));
	DRAIN(import_entry_iter, import_entry, pcreg_journal_imports(db, &it_));
	DRAIN(change_iter, change, pcreg_journal_changes(db, NULL, &it_));
	TRY(pcreg_export_file(db, "practice", PCREG_EXPORT_CSV, f->export));
	TRY(pcreg_export_file(db, "list_size", PCREG_EXPORT_JSONL, f->export));
out:
	pcreg_import_report_free(r);
	pcreg_import_summary_free(sum);
	pcreg_db_close(db);
	return st;
}

START_TEST(test_imports)
{
	static const char epraccur[] =
		"\"A81001\",\"THE DENSHAM SURGERY\",\"Y63\",\"QHM\",\"THE HEALTH CENTRE\","
		"\"LAWSON STREET\",\"STOCKTON ON TEES\",\"CLEVELAND\",\"\",\"TS18 1HU\",\"19740401\","
		"\"\",\"A\",\"B\",\"16C\",\"20200401\",\"\",\"01642 672351\",\"\",\"\",\"\",\"0\","
		"\"\",\"16C\",\"\",\"4\",\"\"\n"
		"\"A81002\",\"QUEENS PARK MEDICAL CENTRE\",\"Y63\",\"QHM\",\"FARRER STREET\",\"\","
		"\"STOCKTON ON TEES\",\"\",\"\",\"TS18 2AW\",\"19740401\",\"\",\"A\",\"B\",\"7A1\","
		"\"20200401\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\",\"7A1\",\"\",\"4\",\"\"\n"
		"\"Y00001\",\"FICTIONAL HUB\",\"Y63\",\"QHM\",\"\",\"\",\"\",\"\",\"\",\"TS1 1AA\","
		"\"20190101\",\"\",\"A\",\"B\",\"16C\",\"20190101\",\"\",\"\",\"\",\"\",\"\",\"0\","
		"\"\",\"16C\",\"\",\"26\",\"\"\n";
	static const char sizes[] =
		"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,"
		"NUMBER_OF_PATIENTS\r\n"
		"GP_PRAC_PAT_LIST,01JAN2021,GP,16C,E38000247,A81001,TS18 1HU,ALL,ALL,4100\r\n"
		"GP_PRAC_PAT_LIST,01JAN2021,GP,16C,E38000247,Y00001,TS1 1AA,ALL,ALL,12\r\n";
	static const char bad[] =
		"\"A81001\",\"THE DENSHAM SURGERY\",\"Y63\",\"QHM\",\"THE HEALTH CENTRE\","
		"\"LAWSON STREET\",\"STOCKTON ON TEES\",\"CLEVELAND\",\"\",\"TS18 1HU\",\"19740230\","
		"\"\",\"A\",\"B\",\"16C\",\"20200401\",\"\",\"01642 672351\",\"\",\"\",\"\",\"0\","
		"\"\",\"16C\",\"\",\"4\",\"\"\n"
		"\"A81003\",\"VICTORIA MEDICAL PRACTICE\",\"Y54\",\"Q74\",\"\",\"\",\"\",\"\",\"\","
		"\"TS26 8DB\",\"19740401\",\"20171031\",\"C\",\"B\",\"16C\",\"20130401\",\"20171031\","
		"\"\",\"\",\"\",\"\",\"0\",\"\",\"16C\",\"\",\"4\",\"\"\n";
	struct files f;

	memset(&f, 0, sizeof f);
	snprintf(f.epraccur, sizeof f.epraccur, "%s", tu_path("oom-epraccur.csv"));
	snprintf(f.bad, sizeof f.bad, "%s", tu_path("oom-bad-epraccur.csv"));
	snprintf(f.sizes, sizeof f.sizes, "%s", tu_path("oom-list-size.csv"));
	snprintf(f.export, sizeof f.export, "%s", tu_path("oom-export.csv"));
	write_text(f.epraccur, epraccur);
	write_text(f.bad, bad);
	write_text(f.sizes, sizes);
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "imports: %ld allocations failed in turn\n",
		        tu_oom_restarting_after("imports", registry_with_a_commissioner, imports_family,
		                                &f));
	else
		tu_oom_restarting_after("imports", registry_with_a_commissioner, imports_family, &f);
}
END_TEST

static void family(const char *name, tu_scenario scenario)
{
	struct registry r = { NULL };
	struct timespec start, end;
	long allocations;

	clock_gettime(CLOCK_MONOTONIC, &start);
	allocations = tu_oom_forking_after(name, populate, scenario, &r);
	clock_gettime(CLOCK_MONOTONIC, &end);
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "%s: %ld allocations failed in turn, %.1f s\n", name, allocations,
		        (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
}

START_TEST(test_practices)
{
	family("practices", practices_family);
}
END_TEST

START_TEST(test_memberships)
{
	family("memberships", memberships_family);
}
END_TEST

START_TEST(test_organisations)
{
	family("commissioners, successions, arrangements", organisations_family);
}
END_TEST

START_TEST(test_networks)
{
	family("networks, leads, federations", networks_family);
}
END_TEST

START_TEST(test_contracts)
{
	family("contracts, inspections, list sizes", contracts_family);
}
END_TEST

START_TEST(test_reports)
{
	family("reports and timeline", reports_family);
}
END_TEST

START_TEST(test_create_and_migrate)
{
	run("create and migrate", tu_oom_forking, create_and_migrate, NULL);
}
END_TEST

START_TEST(test_reopen_file)
{
	char path[512];
	pcreg_db *db = NULL;

	snprintf(path, sizeof path, "%s", tu_path("oom.db"));
	ck_assert_int_eq(open_with(path, PCREG_OPEN_CREATE, 0, &db), PCREG_OK);
	pcreg_db_close(db);
	run("reopen a file", tu_oom_restarting, reopen_file, path);
}
END_TEST

static Suite *oom_suite(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("oom");

	/* Thousands of runs; generous under the sanitizers. */
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_create_and_migrate);
	tcase_add_test(tc, test_reopen_file);
	tcase_add_test(tc, test_practices);
	tcase_add_test(tc, test_memberships);
	tcase_add_test(tc, test_organisations);
	tcase_add_test(tc, test_networks);
	tcase_add_test(tc, test_contracts);
	tcase_add_test(tc, test_reports);
	tcase_add_test(tc, test_imports);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(oom_suite());
}
