/*
 * import_odsxml.c: the ODS XML (HSCOrgRefData) full and archive files.
 *
 * One file holds every organisation's whole history: its roles, its dated
 * relationships and its successions. Each organisation the registry
 * models becomes evidence like a row of the CSV files: a GP practice's
 * attributes, and every dated "commissioned by" (RE4) and "partner of a
 * PCN" (RE8) relationship as a stated period; commissioners and networks
 * as organisation claims; successions of every organisation as succ.csv
 * gives them. A stub (refOnly) is complete in the other file and is
 * skipped here.
 *
 * Dates: where an item has both, the Operational period answers (it is
 * when the organisation or relationship worked, which is what epraccur's
 * dates give), and the Legal one stands in where there is no Operational
 * period.
 */
#include <stdio.h>
#include <string.h>

#include "evidence.h"
#include "odsxml.h"

static const char SQL_PRACTICE_EXISTS[] = "SELECT 1 FROM practice WHERE code = ?1";
static const char SQL_COMMISSIONER_EXISTS[] = "SELECT 1 FROM commissioner WHERE code = ?1";
/* A commissioner a relationship names that no file describes: a stub of
 * the kind its role says, its name its code, until one does. */
static const char SQL_COMMISSIONER_STUB[] =
	"INSERT INTO commissioner (code, kind, name) SELECT ?1, ?2, ?1"
	" WHERE NOT EXISTS (SELECT 1 FROM commissioner WHERE code = ?1)";

/* ODS role codes. */
#define ROLE_PRESCRIBING_COST_CENTRE "RO177"
#define ROLE_GP_PRACTICE "RO76"
#define ROLE_CCG "RO98"
#define ROLE_SUB_ICB_LOCATION "RO319"
#define ROLE_STRATEGIC_PARTNERSHIP "RO261"
#define ROLE_ICB "RO318"
#define ROLE_REGION "RO209"
#define ROLE_REGION_LOCAL_OFFICE "RO210"
#define ROLE_PCT "RO179"
#define ROLE_PCG "RO171"
#define ROLE_PCN "RO272"
/* Relationship codes. */
#define REL_COMMISSIONED_BY "RE4"
#define REL_IN_GEOGRAPHY_OF "RE5"
#define REL_OPERATED_BY "RE6"
#define REL_PARTNER_OF "RE8"

static const char *const practice_fields[] = {
	"code",     "name",     "address1",  "address2",   "address3",            "address4",
	"address5", "postcode", "status",    "prescribing_setting", "open_date", "close_date",
	"phone",
};
#define N_PRACTICE_FIELDS (sizeof practice_fields / sizeof practice_fields[0])

/* A commissioner's parent, or a network's commissioner, that was not in
 * the registry when the organisation was read: the file may describe it
 * further on (CCGs come before the ICBs they belong to), so it is set when
 * the file ends if it is there then. */
struct pending_parent {
	char code[16], parent[16];
	int network;
};

struct odsxml {
	struct pending_parent *pending;
	size_t npending, pending_cap;
	struct pcreg__record *practice, *commissioner, *network, *succession;
	int pf[N_PRACTICE_FIELDS];
	int c_code, c_kind, c_name, c_ons, c_region, c_parent, c_open, c_close;
	int n_code, n_kind, n_name, n_commissioner, n_open, n_close;
};

static pcreg_status odsxml_begin(pcreg_import *imp)
{
	const struct pcreg__entity *ce = &pcreg__commissioner_entity, *ne = &pcreg__network_entity;
	struct odsxml *s = pcreg__calloc(1, sizeof *s);
	const char *published;
	size_t i;

	if (!s)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	imp->state = s;
	if (pcreg__record_new(&pcreg__practice_entity, &s->practice) != PCREG_OK ||
	    pcreg__record_new(ce, &s->commissioner) != PCREG_OK ||
	    pcreg__record_new(ne, &s->network) != PCREG_OK ||
	    pcreg__record_new(&pcreg__succession_entity, &s->succession) != PCREG_OK)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	for (i = 0; i < N_PRACTICE_FIELDS; i++)
		s->pf[i] = pcreg__field_index(&pcreg__practice_entity, practice_fields[i]);
	s->c_code = pcreg__field_index(ce, "code");
	s->c_kind = pcreg__field_index(ce, "kind");
	s->c_name = pcreg__field_index(ce, "name");
	s->c_ons = pcreg__field_index(ce, "ons_code");
	s->c_region = pcreg__field_index(ce, "region");
	s->c_parent = pcreg__field_index(ce, "parent");
	s->c_open = pcreg__field_index(ce, "open_date");
	s->c_close = pcreg__field_index(ce, "close_date");
	s->n_code = pcreg__field_index(ne, "code");
	s->n_kind = pcreg__field_index(ne, "kind");
	s->n_name = pcreg__field_index(ne, "name");
	s->n_commissioner = pcreg__field_index(ne, "commissioner");
	s->n_open = pcreg__field_index(ne, "open_date");
	s->n_close = pcreg__field_index(ne, "close_date");
	/* The manifest's publication date is the release's date. */
	published = imp->ods ? pcreg__odsxml_publication_date(imp->ods) : NULL;
	if (published && published[0])
		pcreg__file_release_date(imp, published);
	return PCREG_OK;
}

static void odsxml_free(pcreg_import *imp)
{
	struct odsxml *s = imp->state;

	if (s) {
		pcreg__free(s->pending);
		pcreg__record_free(s->practice);
		pcreg__record_free(s->commissioner);
		pcreg__record_free(s->network);
		pcreg__record_free(s->succession);
		pcreg__free(s);
	}
}

static pcreg_status defer_parent(pcreg_import *imp, const char *code, const char *parent,
                                 int network)
{
	struct odsxml *s = imp->state;
	struct pending_parent *p;

	if (s->npending == s->pending_cap) {
		size_t cap = s->pending_cap ? s->pending_cap * 2 : 64;
		struct pending_parent *grown = pcreg__realloc(s->pending, cap * sizeof *grown);

		if (!grown)
			return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
		s->pending = grown;
		s->pending_cap = cap;
	}
	p = &s->pending[s->npending++];
	snprintf(p->code, sizeof p->code, "%s", code);
	snprintf(p->parent, sizeof p->parent, "%s", parent);
	p->network = network;
	return PCREG_OK;
}

static const char SQL_SET_PARENT[] =
	"UPDATE commissioner SET parent = ?2 WHERE code = ?1 AND parent IS NULL"
	" AND EXISTS (SELECT 1 FROM commissioner WHERE code = ?2)";
static const char SQL_SET_NETWORK_COMMISSIONER[] =
	"UPDATE network SET commissioner = ?2 WHERE code = ?1 AND commissioner IS NULL"
	" AND EXISTS (SELECT 1 FROM commissioner WHERE code = ?2)";

/* The parents the file described after their children. */
static pcreg_status odsxml_end(pcreg_import *imp)
{
	struct odsxml *s = imp->state;
	size_t i;

	for (i = 0; i < s->npending; i++) {
		const struct pending_parent *p = &s->pending[i];
		const char *sql = p->network ? SQL_SET_NETWORK_COMMISSIONER : SQL_SET_PARENT;
		sqlite3_stmt *stmt;
		pcreg_status st;
		int rc;

		if ((st = pcreg__stmt_acquire(imp->db, sql, &stmt)) != PCREG_OK)
			return st;
		sqlite3_bind_text(stmt, 1, p->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, p->parent, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(imp->db, sql, stmt);
		if (rc != SQLITE_DONE)
			return pcreg__sqlite_error(imp->db, rc, p->network ? "network" : "commissioner");
		if (sqlite3_changes(imp->db->sql) == 1)
			st = pcreg__journal(imp, p->network ? "network" : "commissioner", p->code, NULL,
			                    "update", p->network ? "commissioner" : "parent", NULL,
			                    p->parent, NULL);
		else
			st = pcreg__omit(imp, p->network ? "commissioner not in the registry: not recorded"
			                                 : "parent not in the registry: not recorded");
		if (st != PCREG_OK)
			return st;
	}
	return PCREG_OK;
}

/* ---- reading an organisation ------------------------------------------------------------- */

/* The period that answers: Operational, else Legal; NULL if neither. */
static const struct pcreg__ods_period *period_of(const struct pcreg__ods_dates *dates)
{
	if (dates->operational.present && dates->operational.start[0])
		return &dates->operational;
	if (dates->legal.present && dates->legal.start[0])
		return &dates->legal;
	return NULL;
}

static const char *blank_null(const char *text)
{
	return text && text[0] ? text : NULL;
}

static const char *primary_role(const struct pcreg__ods_org *org)
{
	size_t i;

	for (i = 0; i < org->nroles; i++)
		if (org->roles[i].primary)
			return org->roles[i].id;
	return org->nroles ? org->roles[0].id : "";
}

static int has_role(const struct pcreg__ods_org *org, const char *id)
{
	size_t i;

	for (i = 0; i < org->nroles; i++)
		if (strcmp(org->roles[i].id, id) == 0)
			return 1;
	return 0;
}

/* The relationship of @p id to an organisation of one of @p roles (NULL:
 * any) that answers now: the one still open, else the one that started
 * last. NULL if none. */
static const struct pcreg__ods_rel *current_rel(const struct pcreg__ods_org *org, const char *id,
                                                const char *const *roles)
{
	const struct pcreg__ods_rel *best = NULL;
	const struct pcreg__ods_period *best_period = NULL;
	size_t i;

	for (i = 0; i < org->nrels; i++) {
		const struct pcreg__ods_rel *r = &org->rels[i];
		const struct pcreg__ods_period *p = period_of(&r->dates);
		const char *const *role;
		int wanted = roles == NULL;

		if (strcmp(r->id, id) != 0 || !p)
			continue;
		for (role = roles; role && *role && !wanted; role++)
			wanted = strcmp(r->target_role, *role) == 0;
		if (!wanted)
			continue;
		if (!best || (!p->end[0] && best_period->end[0]) ||
		    (!p->end[0] == !best_period->end[0] && strcmp(p->start, best_period->start) > 0)) {
			best = r;
			best_period = p;
		}
	}
	return best;
}

/* Each date the file gives helps date the release if the manifest does not. */
static void saw_period(pcreg_import *imp, const struct pcreg__ods_period *p)
{
	if (!p)
		return;
	pcreg__saw_date(imp, p->start, 0);
	if (p->end[0])
		pcreg__saw_date(imp, p->end, 0);
}

/* ---- successions ------------------------------------------------------------------------- */

static pcreg_status successions(pcreg_import *imp, const struct pcreg__ods_org *org)
{
	struct odsxml *s = imp->state;
	size_t i;
	pcreg_status st;

	for (i = 0; i < org->nsuccs; i++) {
		const struct pcreg__ods_succ *sc = &org->succs[i];
		const struct pcreg__ods_period *p = period_of(&sc->dates);
		const char *old_code, *new_code;
		char effective[11];

		/* Legal first: a succession is a legal event. */
		if (sc->dates.legal.present && sc->dates.legal.start[0])
			p = &sc->dates.legal;
		if (!p || !sc->target[0] || strcmp(sc->target, org->code) == 0)
			continue;
		/* The XML dates a succession by the predecessor's last day, where
		 * succ.csv gives the day the successor took over: YGM10 ends
		 * 2015-06-30 and its Succ is dated 2015-06-30, succ.csv has
		 * YGM10,YGM41,20150701. The registry's date is succ.csv's, so both
		 * files say the same. */
		if (!pcreg__date_add_days(p->start, 1, effective))
			continue;
		if (strcmp(sc->type, "Successor") == 0) {
			old_code = org->code;
			new_code = sc->target;
		} else if (strcmp(sc->type, "Predecessor") == 0) {
			old_code = sc->target;
			new_code = org->code;
		} else {
			continue;
		}
		if (pcreg__shape_org_code(old_code) || pcreg__shape_org_code(new_code)) {
			if ((st = pcreg__omit(imp, "a succession of a code that is not an ODS code:"
			                           " not recorded")) != PCREG_OK)
				return st;
			continue;
		}
		pcreg__saw_date(imp, effective, 1);
		pcreg__borrow_text(s->succession, 0, old_code);
		pcreg__borrow_text(s->succession, 1, new_code);
		pcreg__borrow_text(s->succession, 2, effective);
		if ((st = pcreg__upsert(imp, s->succession, ~0u, effective)) != PCREG_OK ||
		    imp->outcome == PCREG__ROW_REJECTED)
			return st;
	}
	return PCREG_OK;
}

/* ---- practices ----------------------------------------------------------------------------- */

/* A commissioner a practice's relationship names, made a stub of its
 * role's kind if the registry lacks it. */
static pcreg_status commissioner_stub(pcreg_import *imp, const struct pcreg__ods_rel *r)
{
	pcreg_commissioner_kind_value kind;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	/* Primary care trusts and groups, NHS England's offices: the
	 * commissioners before CCGs. A CCG's code says whether it is a sub-ICB
	 * location (five characters), as reconciliation's stubs do. */
	if (strcmp(r->target_role, ROLE_CCG) == 0 || !r->target_role[0])
		kind = strlen(r->target) == 5 ? PCREG_COMMISSIONER_SUB_ICB : PCREG_COMMISSIONER_CCG;
	else if (strcmp(r->target_role, ROLE_REGION) == 0 ||
	         strcmp(r->target_role, ROLE_REGION_LOCAL_OFFICE) == 0)
		kind = PCREG_COMMISSIONER_REGION;
	else
		kind = PCREG_COMMISSIONER_OTHER;
	if ((st = pcreg__stmt_acquire(imp->db, SQL_COMMISSIONER_STUB, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, r->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, pcreg_commissioner_kind_str(kind), -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, SQL_COMMISSIONER_STUB, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "commissioner");
	if (sqlite3_changes(imp->db->sql) == 0)
		return PCREG_OK;
	return pcreg__journal(imp, "commissioner", r->target, NULL, "insert", NULL, NULL, NULL,
	                      NULL);
}

static pcreg_status memberships(pcreg_import *imp, const struct pcreg__ods_org *org)
{
	size_t i;
	pcreg_status st;

	for (i = 0; i < org->nrels; i++) {
		const struct pcreg__ods_rel *r = &org->rels[i];
		const struct pcreg__ods_period *p = period_of(&r->dates);
		int commissioner = strcmp(r->id, REL_COMMISSIONED_BY) == 0;
		int network = strcmp(r->id, REL_PARTNER_OF) == 0;
		char reason[128];

		if (!commissioner && !network)
			continue;
		if (!p) {
			snprintf(reason, sizeof reason, "a %s relationship without dates: not recorded",
			         r->id);
			if ((st = pcreg__omit(imp, reason)) != PCREG_OK)
				return st;
			continue;
		}
		saw_period(imp, p);
		if (commissioner && pcreg__shape_commissioner_code(r->target)) {
			snprintf(reason, sizeof reason,
			         "commissioned by an organisation whose code is not a"
			         " commissioner's (role %.16s): not recorded",
			         r->target_role[0] ? r->target_role : "unknown");
			if ((st = pcreg__omit(imp, reason)) != PCREG_OK)
				return st;
			continue;
		}
		if (network && pcreg__shape_network_code(r->target)) {
			if ((st = pcreg__omit(imp, "partner of an organisation whose code is not a"
			                           " PCN's: not recorded")) != PCREG_OK)
				return st;
			continue;
		}
		if (commissioner && (st = commissioner_stub(imp, r)) != PCREG_OK)
			return st;
		if ((st = pcreg__upsert_membership(imp,
		                                   commissioner ? PCREG_MEMBERSHIP_COMMISSIONER
		                                                : PCREG_MEMBERSHIP_NETWORK,
		                                   org->code, r->target, p->start,
		                                   p->end[0] ? p->end : NULL)) != PCREG_OK ||
		    imp->outcome == PCREG__ROW_REJECTED)
			return st;
	}
	return PCREG_OK;
}

static pcreg_status practice(pcreg_import *imp, const struct pcreg__ods_org *org)
{
	struct odsxml *s = imp->state;
	struct pcreg__record *p = s->practice;
	const struct pcreg__ods_period *life = period_of(&org->dates);
	const char *open = life ? life->start : NULL;
	const char *close = life && life->end[0] ? life->end : NULL;
	const char *address[5];
	pcreg_practice_status_value status;
	struct pcreg__practice_claim claim;
	pcreg_status st;
	int i, known;

	if (!pcreg__code(imp, org->code, "OrgId", pcreg__shape_practice_code))
		return PCREG_OK;
	if (!org->name || !org->name[0])
		return pcreg__reject(imp, "Name", "is empty");
	saw_period(imp, life);
	/* ODS XML says Active or Inactive; an inactive practice is closed. */
	status = strcmp(org->status, "Active") == 0 ? PCREG_PRACTICE_ACTIVE : PCREG_PRACTICE_CLOSED;
	address[0] = blank_null(org->addr1);
	address[1] = blank_null(org->addr2);
	address[2] = blank_null(org->addr3);
	address[3] = blank_null(org->town);
	address[4] = blank_null(org->county);
	pcreg__borrow_text(p, s->pf[0], org->code);
	pcreg__borrow_text(p, s->pf[1], org->name);
	for (i = 0; i < 5; i++)
		pcreg__borrow_text(p, s->pf[2 + i], address[i]);
	pcreg__borrow_text(p, s->pf[7], blank_null(org->postcode));
	pcreg__borrow_int(p, s->pf[8], status, 1);
	pcreg__borrow_int(p, s->pf[9], 4, 1);
	pcreg__borrow_text(p, s->pf[10], open);
	pcreg__borrow_text(p, s->pf[11], close);
	pcreg__borrow_text(p, s->pf[12], blank_null(org->telephone));
	/* As epraccur: a practice the registry holds takes its attributes from
	 * the newest release that lists it when the import ends; a new one is
	 * added as this release has it. */
	if ((st = pcreg__exists(imp, SQL_PRACTICE_EXISTS, org->code, &known)) != PCREG_OK)
		return st;
	if (known) {
		if (pcreg__record_validate(imp->db, p) != PCREG_OK)
			return pcreg__reject(imp, NULL, "%s", pcreg_db_errmsg(imp->db));
	} else if ((st = pcreg__upsert(imp, p, ~0u, open)) != PCREG_OK ||
	           imp->outcome == PCREG__ROW_REJECTED) {
		return st;
	}
	claim.code = org->code;
	claim.name = org->name;
	for (i = 0; i < 5; i++)
		claim.address[i] = address[i];
	claim.postcode = blank_null(org->postcode);
	claim.status = pcreg_practice_status_str(status);
	claim.open = open;
	claim.close = close;
	claim.phone = blank_null(org->telephone);
	claim.setting = 4;
	if ((st = pcreg__claim_practice(imp, &claim)) != PCREG_OK)
		return st;
	return memberships(imp, org);
}

/* ---- commissioners and networks ------------------------------------------------------------ */

static pcreg_status commissioner(pcreg_import *imp, const struct pcreg__ods_org *org,
                                 pcreg_commissioner_kind_value kind)
{
	static const char *const region_roles[] = { ROLE_REGION, ROLE_REGION_LOCAL_OFFICE, NULL };
	static const char *const parent_roles[] = { ROLE_STRATEGIC_PARTNERSHIP, ROLE_ICB, NULL };
	struct odsxml *s = imp->state;
	const struct pcreg__ods_period *life = period_of(&org->dates);
	const struct pcreg__ods_rel *region_rel, *parent_rel;
	const char *open = life ? life->start : NULL;
	const char *close = life && life->end[0] ? life->end : NULL;
	const char *region = NULL, *parent = NULL;
	struct pcreg__organisation_claim claim;
	uint32_t provided;
	pcreg_status st;
	int described, known = 0;

	if (!pcreg__code(imp, org->code, "OrgId", pcreg__shape_commissioner_code))
		return PCREG_OK;
	if (!org->name || !org->name[0])
		return pcreg__reject(imp, "Name", "is empty");
	saw_period(imp, life);
	region_rel = current_rel(org, REL_IN_GEOGRAPHY_OF, region_roles);
	parent_rel = current_rel(org, REL_IN_GEOGRAPHY_OF, parent_roles);
	if (region_rel && !pcreg__shape_region_code(region_rel->target))
		region = region_rel->target;
	if (parent_rel && !pcreg__shape_commissioner_code(parent_rel->target) &&
	    strcmp(parent_rel->target, org->code) != 0)
		parent = parent_rel->target;

	claim.code = org->code;
	claim.name = org->name;
	claim.kind = pcreg_commissioner_kind_str(kind);
	claim.region = region;
	claim.parent = parent;
	claim.open = open;
	claim.close = close;
	if ((st = pcreg__claim_organisation(imp, &claim, &described)) != PCREG_OK || described)
		return st;
	pcreg__borrow_text(s->commissioner, s->c_code, org->code);
	pcreg__borrow_int(s->commissioner, s->c_kind, kind, 1);
	pcreg__borrow_text(s->commissioner, s->c_name, org->name);
	pcreg__borrow_text(s->commissioner, s->c_ons, NULL);
	pcreg__borrow_text(s->commissioner, s->c_region, region);
	pcreg__borrow_text(s->commissioner, s->c_open, open);
	pcreg__borrow_text(s->commissioner, s->c_close, close);
	pcreg__borrow_text(s->commissioner, s->c_parent, NULL);
	/* ODS XML has no ONS code: any from other files stays. */
	provided = ~0u & ~(1u << s->c_ons) & ~(1u << s->c_parent);
	if (parent && (st = pcreg__exists(imp, SQL_COMMISSIONER_EXISTS, parent, &known)) != PCREG_OK)
		return st;
	if (known) {
		pcreg__borrow_text(s->commissioner, s->c_parent, parent);
		provided |= 1u << s->c_parent;
	}
	if ((st = pcreg__upsert(imp, s->commissioner, provided, open)) != PCREG_OK ||
	    imp->outcome == PCREG__ROW_REJECTED)
		return st;
	return parent && !known ? defer_parent(imp, org->code, parent, 0) : PCREG_OK;
}

static pcreg_status network(pcreg_import *imp, const struct pcreg__ods_org *org)
{
	static const char *const commissioner_roles[] = { ROLE_CCG, NULL };
	struct odsxml *s = imp->state;
	const struct pcreg__ods_period *life = period_of(&org->dates);
	const struct pcreg__ods_rel *r;
	const char *open = life ? life->start : NULL;
	const char *close = life && life->end[0] ? life->end : NULL;
	const char *parent = NULL;
	struct pcreg__organisation_claim claim;
	uint32_t provided;
	pcreg_status st;
	int described, known = 0;

	if (!pcreg__code(imp, org->code, "OrgId", pcreg__shape_network_code))
		return PCREG_OK;
	if (!org->name || !org->name[0])
		return pcreg__reject(imp, "Name", "is empty");
	saw_period(imp, life);
	/* A PCN's commissioner: its CCG or sub-ICB location, by whichever
	 * relationship ODS gives it. */
	if (!(r = current_rel(org, REL_COMMISSIONED_BY, commissioner_roles)) &&
	    !(r = current_rel(org, REL_OPERATED_BY, commissioner_roles)))
		r = current_rel(org, REL_IN_GEOGRAPHY_OF, commissioner_roles);
	if (r && !pcreg__shape_commissioner_code(r->target))
		parent = r->target;
	claim.code = org->code;
	claim.name = org->name;
	claim.kind = "pcn";
	claim.region = NULL;
	claim.parent = parent;
	claim.open = open;
	claim.close = close;
	if ((st = pcreg__claim_organisation(imp, &claim, &described)) != PCREG_OK || described)
		return st;
	provided = (1u << s->n_kind) | (1u << s->n_name) | (1u << s->n_open) | (1u << s->n_close);
	if (parent && (st = pcreg__exists(imp, SQL_COMMISSIONER_EXISTS, parent, &known)) != PCREG_OK)
		return st;
	if (known)
		provided |= 1u << s->n_commissioner;
	pcreg__borrow_text(s->network, s->n_code, org->code);
	pcreg__borrow_int(s->network, s->n_kind, PCREG_NETWORK_PCN, 1);
	pcreg__borrow_text(s->network, s->n_name, org->name);
	pcreg__borrow_text(s->network, s->n_commissioner, known ? parent : NULL);
	pcreg__borrow_text(s->network, s->n_open, open);
	pcreg__borrow_text(s->network, s->n_close, close);
	if ((st = pcreg__upsert(imp, s->network, provided, open)) != PCREG_OK ||
	    imp->outcome == PCREG__ROW_REJECTED)
		return st;
	return parent && !known ? defer_parent(imp, org->code, parent, 1) : PCREG_OK;
}

/* ---- an organisation ------------------------------------------------------------------------ */

static pcreg_status odsxml_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	const struct pcreg__ods_org *org = imp->org;
	const char *role;
	char reason[96];
	pcreg_status st;

	(void)rec;
	if (org->problem)
		return pcreg__reject(imp, org->problem_element, "%s", org->problem);
	if (org->ref_only)
		return pcreg__skip(imp, "a reference only (the organisation's record is in the other"
		                        " file)");
	/* Successions of every organisation, as succ.csv has them: a practice's
	 * commissioner resolves through them. */
	if ((st = successions(imp, org)) != PCREG_OK || imp->outcome == PCREG__ROW_REJECTED)
		return st;
	role = primary_role(org);
	if (strcmp(role, ROLE_PRESCRIBING_COST_CENTRE) == 0 && has_role(org, ROLE_GP_PRACTICE))
		return practice(imp, org);
	/* An ICB's primary role is a strategic partnership (RO261), with the
	 * ICB role beside it; a sub-ICB location is a CCG (RO98) with the
	 * sub-ICB role. Either role makes it one, whichever is primary. */
	if (has_role(org, ROLE_ICB))
		return commissioner(imp, org, PCREG_COMMISSIONER_ICB);
	if (has_role(org, ROLE_SUB_ICB_LOCATION))
		return commissioner(imp, org, PCREG_COMMISSIONER_SUB_ICB);
	if (strcmp(role, ROLE_CCG) == 0)
		return commissioner(imp, org, PCREG_COMMISSIONER_CCG);
	if (strcmp(role, ROLE_REGION) == 0 || strcmp(role, ROLE_REGION_LOCAL_OFFICE) == 0)
		return pcreg__shape_region_code(org->code)
		               ? pcreg__skip(imp, "an NHS England office whose code is not a"
		                                  " region's")
		               : commissioner(imp, org, PCREG_COMMISSIONER_REGION);
	if (strcmp(role, ROLE_PCT) == 0 || strcmp(role, ROLE_PCG) == 0)
		return commissioner(imp, org, PCREG_COMMISSIONER_OTHER);
	if (strcmp(role, ROLE_PCN) == 0)
		return network(imp, org);
	/* Its successions were recorded: the row was not skipped. */
	if (org->nsuccs)
		return PCREG_OK;
	if (strcmp(role, ROLE_PRESCRIBING_COST_CENTRE) == 0)
		return pcreg__skip(imp, "a prescribing cost centre that is not a GP practice");
	snprintf(reason, sizeof reason, "not an organisation the registry models (role %.16s)",
	         role[0] ? role : "none");
	return pcreg__skip(imp, reason);
}

const struct pcreg__import_kind pcreg__import_ods_xml = {
	PCREG_IMPORT_ODS_XML, "ods-xml", 0, odsxml_begin, NULL, odsxml_row, odsxml_end, odsxml_free,
};
