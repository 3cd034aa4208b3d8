/*
 * import_ods.c: the ODS files (epraccur, eccg, succ) and ONS's ICB names.
 *
 * The ODS files have no header: 27 columns in a fixed layout (5 for succ),
 * dates as CCYYMMDD. Column names in messages are ODS's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"

static const char SQL_COMMISSIONER_EXISTS[] = "SELECT 1 FROM commissioner WHERE code = ?1";
static const char SQL_PRACTICE_EXISTS[] = "SELECT 1 FROM practice WHERE code = ?1";

/* A whole number 0-99 (a prescribing setting); -1 if the text is not one. */
static int small_number(const char *text)
{
	int n = 0;

	if (!text || !*text || strlen(text) > 2)
		return -1;
	for (; *text; text++) {
		if (*text < '0' || *text > '9')
			return -1;
		n = n * 10 + (*text - '0');
	}
	return n;
}

/* ---- epraccur ----------------------------------------------------------------------- */

enum {
	EP_CODE = 0,
	EP_NAME = 1,
	EP_ADDRESS1 = 4,
	EP_POSTCODE = 9,
	EP_OPEN = 10,
	EP_CLOSE = 11,
	EP_STATUS = 12,
	EP_COMMISSIONER = 14,
	EP_JOIN = 15,
	EP_LEFT = 16,
	EP_PHONE = 17,
	EP_SETTING = 25,
	EP_COLUMNS = 27
};

struct epraccur {
	struct pcreg__record *practice;
	int f[13]; /* the practice's fields, by the names below */
};

static const char *const practice_fields[] = {
	"code",     "name",     "address1",  "address2",   "address3",            "address4",
	"address5", "postcode", "status",    "prescribing_setting", "open_date", "close_date",
	"phone",
};

static pcreg_status epraccur_begin(pcreg_import *imp)
{
	static const char *const tables[] = { "practice", NULL };
	/* Into empty tables these are built once at the end, much faster than
	 * row by row (PERFORMANCE.md: 2.6x at a million rows). The journal's
	 * indexes stay: it keeps every earlier import's changes. Memberships
	 * are written after the rows, by reconciliation. */
	static const char *const objects[] = {
		"practice_by_postcode", "practice_search_insert", NULL,
	};
	struct epraccur *s = pcreg__calloc(1, sizeof *s);
	size_t i;

	if (!s || pcreg__record_new(&pcreg__practice_entity, &s->practice) != PCREG_OK) {
		pcreg__free(s);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	imp->state = s;
	for (i = 0; i < sizeof practice_fields / sizeof practice_fields[0]; i++)
		s->f[i] = pcreg__field_index(&pcreg__practice_entity, practice_fields[i]);
	return pcreg__bulk_begin(imp, tables, objects);
}

static void epraccur_free(pcreg_import *imp)
{
	struct epraccur *s = imp->state;

	if (s) {
		pcreg__record_free(s->practice);
		pcreg__free(s);
	}
}

/* A bulk load's journal: every practice is this import's
 * insert, as insert() would have written it row by row. In key order, so
 * the journal's index by code grows at its end. */
static const char SQL_JOURNAL_PRACTICES[] =
	"INSERT INTO change (import_id, entity, code, subkey, action, effective_date)"
	" SELECT ?1, 'practice', code, NULL, 'insert', open_date FROM practice ORDER BY code";
static pcreg_status journal_all(pcreg_import *imp, const char *sql)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_prepare(imp->db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, imp->report->id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(imp->db, rc, "journal");
}

static pcreg_status epraccur_end(pcreg_import *imp)
{
	pcreg_status st;

	if (!imp->bulk)
		return PCREG_OK;
	if ((st = journal_all(imp, SQL_JOURNAL_PRACTICES)) != PCREG_OK)
		return st;
	/* The full-text index was not kept row by row: build it whole. */
	return pcreg__exec_static(imp->db,
	                          "INSERT INTO practice_search (practice_search) VALUES ('rebuild')");
}

static pcreg_practice_status_value status_of(const char *code)
{
	if (!code || code[1])
		return PCREG_PRACTICE_STATUS_NONE;
	switch (code[0]) {
	case 'A': case 'a': return PCREG_PRACTICE_ACTIVE;
	case 'C': case 'c': return PCREG_PRACTICE_CLOSED;
	case 'D': case 'd': return PCREG_PRACTICE_DORMANT;
	case 'P': case 'p': return PCREG_PRACTICE_PROPOSED;
	default: return PCREG_PRACTICE_STATUS_NONE;
	}
}

/* What the row says of the practice, as evidence (evidence.c). */
static pcreg_status claim_attributes(pcreg_import *imp, int setting, const char *open,
                                     const char *close)
{
	pcreg_practice_status_value status = status_of(pcreg__text(imp, EP_STATUS));
	struct pcreg__practice_claim c;
	int i;

	c.code = pcreg__text(imp, EP_CODE);
	c.name = pcreg__text(imp, EP_NAME);
	for (i = 0; i < 5; i++)
		c.address[i] = pcreg__text(imp, EP_ADDRESS1 + (size_t)i);
	c.postcode = pcreg__text(imp, EP_POSTCODE);
	c.status = status ? pcreg_practice_status_str(status) : NULL;
	c.setting = setting;
	c.open = open;
	c.close = close;
	c.phone = pcreg__text(imp, EP_PHONE);
	return pcreg__claim_practice(imp, &c);
}

/* The row as a practice record (borrowing its fields), for writing or
 * checking. */
static struct pcreg__record *practice_of_row(pcreg_import *imp,
                                             pcreg_practice_status_value status, int setting,
                                             const char *open, const char *close)
{
	struct epraccur *s = imp->state;
	struct pcreg__record *p = s->practice;
	int i;

	pcreg__borrow_text(p, s->f[0], pcreg__text(imp, EP_CODE));
	pcreg__borrow_text(p, s->f[1], pcreg__text(imp, EP_NAME));
	for (i = 0; i < 5; i++)
		pcreg__borrow_text(p, s->f[2 + i], pcreg__text(imp, EP_ADDRESS1 + (size_t)i));
	pcreg__borrow_text(p, s->f[7], pcreg__text(imp, EP_POSTCODE));
	pcreg__borrow_int(p, s->f[8], status, 1);
	pcreg__borrow_int(p, s->f[9], setting, 1);
	pcreg__borrow_text(p, s->f[10], open);
	pcreg__borrow_text(p, s->f[11], close);
	pcreg__borrow_text(p, s->f[12], pcreg__text(imp, EP_PHONE));
	return p;
}

/* Prescribing cost centres that are not practices are kept aside. */
static pcreg_status other_organisation(pcreg_import *imp, int setting, const char *open,
                                       const char *close)
{
	const char *code = pcreg__text(imp, EP_CODE);
	const char *name = pcreg__text(imp, EP_NAME);
	pcreg_practice_status_value status = status_of(pcreg__text(imp, EP_STATUS));
	char reason[64];
	pcreg_status st;

	if (!pcreg__code(imp, code, "Organisation Code", pcreg__shape_org_code))
		return PCREG_OK;
	if (!name)
		return pcreg__reject(imp, "Name", "is empty");
	/* The table is the newest release's word, whatever the load order:
	 * written from the evidence when the import ends. */
	if ((st = pcreg__claim_other(imp, code, name, setting, pcreg_practice_status_str(status),
	                             pcreg__text(imp, EP_COMMISSIONER), open, close)) != PCREG_OK)
		return st;
	/* A practice another release lists as a GP practice: this row is
	 * evidence about it (reclassified, or not yet one), checked as a
	 * practice first, or a bad value would surface only when the release
	 * is reconciled, failing the whole file. */
	if (!pcreg__shape_practice_code(code)) {
		struct pcreg__record *p = practice_of_row(imp, status ? status : PCREG_PRACTICE_ACTIVE,
		                                          setting, open, close);

		if (pcreg__record_validate(imp->db, p) != PCREG_OK)
			return pcreg__reject(imp, NULL, "%s", pcreg_db_errmsg(imp->db));
		if ((st = claim_attributes(imp, setting, open, close)) != PCREG_OK)
			return st;
	}
	snprintf(reason, sizeof reason, "not a GP practice: prescribing setting %d", setting);
	return pcreg__skip(imp, reason);
}

static pcreg_status epraccur_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct pcreg__record *p;
	char open_buf[11], close_buf[11], join_buf[11], left_buf[11];
	const char *open, *close, *join, *left, *code, *name, *commissioner;
	pcreg_practice_status_value status;
	pcreg_status st;
	int setting, known;

	(void)rec;
	if (!pcreg__columns(imp, EP_COLUMNS))
		return PCREG_OK;
	setting = small_number(pcreg__text(imp, EP_SETTING));
	if (setting < 0)
		return pcreg__reject(imp, "Prescribing Setting", "\"%.20s\" is not a number from 0 to 99",
		                     pcreg__text(imp, EP_SETTING) ? pcreg__text(imp, EP_SETTING) : "");
	if (!pcreg__date(imp, EP_OPEN, "Open Date", open_buf, &open) ||
	    !pcreg__date(imp, EP_CLOSE, "Close Date", close_buf, &close))
		return PCREG_OK;
	if (setting != 4)
		return other_organisation(imp, setting, open, close);

	code = pcreg__text(imp, EP_CODE);
	name = pcreg__text(imp, EP_NAME);
	if (!pcreg__code(imp, code, "Organisation Code", pcreg__shape_practice_code))
		return PCREG_OK;
	if (!name)
		return pcreg__reject(imp, "Name", "is empty");
	status = status_of(pcreg__text(imp, EP_STATUS));
	if (!status)
		return pcreg__reject(imp, "Status Code", "\"%.10s\" is not A, C, D or P",
		                     pcreg__text(imp, EP_STATUS) ? pcreg__text(imp, EP_STATUS) : "");
	p = practice_of_row(imp, status, setting, open, close);
	/* A practice the registry holds takes its attributes from the newest
	 * release that lists it, when this import ends: here they are only
	 * checked. A new one is added as this release has it. */
	if (!imp->bulk && (st = pcreg__exists(imp, SQL_PRACTICE_EXISTS, code, &known)) != PCREG_OK)
		return st;
	if (!imp->bulk && known) {
		if (pcreg__record_validate(imp->db, p) != PCREG_OK)
			return pcreg__reject(imp, NULL, "%s", pcreg_db_errmsg(imp->db));
	} else if ((st = pcreg__upsert(imp, p, ~0u, open)) != PCREG_OK ||
	           imp->outcome == PCREG__ROW_REJECTED) {
		return st;
	}
	if ((st = claim_attributes(imp, setting, open, close)) != PCREG_OK)
		return st;

	commissioner = pcreg__text(imp, EP_COMMISSIONER);
	if (!commissioner)
		return pcreg__omit(imp, "no commissioner: membership not recorded");
	if (!pcreg__code(imp, commissioner, "Commissioner", pcreg__shape_commissioner_code))
		return PCREG_OK;
	if (!pcreg__announced_date(imp, EP_JOIN, "Join Provider/Purchaser Date", join_buf, &join) ||
	    !pcreg__date(imp, EP_LEFT, "Left Provider/Purchaser Date", left_buf, &left))
		return PCREG_OK;
	if (!join)
		join = open;
	if (!join)
		return pcreg__omit(imp, "no join or open date: membership not recorded");
	return pcreg__upsert_membership(imp, PCREG_MEMBERSHIP_COMMISSIONER, code, commissioner,
	                                join, left);
}

const struct pcreg__import_kind pcreg__import_epraccur = {
	PCREG_IMPORT_EPRACCUR, "epraccur", 0,
	epraccur_begin, NULL, epraccur_row, epraccur_end, epraccur_free,
};

/* ---- commissioners (eccg, ICB names) ------------------------------------------------ */

struct commissioners {
	struct pcreg__record *rec;
	int code, kind, name, ons, region, parent, open, close;
};

static pcreg_status commissioners_begin(pcreg_import *imp)
{
	const struct pcreg__entity *e = &pcreg__commissioner_entity;
	struct commissioners *s = pcreg__calloc(1, sizeof *s);

	if (!s || pcreg__record_new(e, &s->rec) != PCREG_OK) {
		pcreg__free(s);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	s->code = pcreg__field_index(e, "code");
	s->kind = pcreg__field_index(e, "kind");
	s->name = pcreg__field_index(e, "name");
	s->ons = pcreg__field_index(e, "ons_code");
	s->region = pcreg__field_index(e, "region");
	s->parent = pcreg__field_index(e, "parent");
	s->open = pcreg__field_index(e, "open_date");
	s->close = pcreg__field_index(e, "close_date");
	imp->state = s;
	return PCREG_OK;
}

static void commissioners_free(pcreg_import *imp)
{
	struct commissioners *s = imp->state;

	if (s) {
		pcreg__record_free(s->rec);
		pcreg__free(s);
	}
}

/* ODS role codes: RO98 CCG, RO319 sub-ICB location, RO318 ICB, RO218
 * commissioning hub, RO327 sub-ICB reporting entity. None: a CCG that
 * closed before roles were published with it. */
static pcreg_commissioner_kind_value kind_of_roles(const char *roles)
{
	if (!roles)
		return PCREG_COMMISSIONER_CCG;
	if (strstr(roles, "RO319"))
		return PCREG_COMMISSIONER_SUB_ICB;
	if (strstr(roles, "RO318"))
		return PCREG_COMMISSIONER_ICB;
	if (strstr(roles, "RO98"))
		return PCREG_COMMISSIONER_CCG;
	return PCREG_COMMISSIONER_OTHER;
}

enum { CC_CODE = 0, CC_NAME = 1, CC_REGION = 2, CC_PARENT = 3, CC_OPEN = 10, CC_CLOSE = 11,
       CC_ROLES = 13, CC_COLUMNS = 27 };

static pcreg_status eccg_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct commissioners *s = imp->state;
	const char *code = pcreg__text(imp, CC_CODE), *name = pcreg__text(imp, CC_NAME);
	const char *region = pcreg__text(imp, CC_REGION), *parent = pcreg__text(imp, CC_PARENT);
	pcreg_commissioner_kind_value kind = kind_of_roles(pcreg__text(imp, CC_ROLES));
	char open_buf[11], close_buf[11];
	const char *open, *close;
	struct pcreg__organisation_claim claim;
	uint32_t provided;
	pcreg_status st;
	int described, known = 0;

	(void)rec;
	if (!pcreg__columns(imp, CC_COLUMNS) ||
	    !pcreg__code(imp, code, "Organisation Code", pcreg__shape_commissioner_code) ||
	    !pcreg__date(imp, CC_OPEN, "Open Date", open_buf, &open) ||
	    !pcreg__date(imp, CC_CLOSE, "Close Date", close_buf, &close))
		return PCREG_OK;
	if (!name)
		return pcreg__reject(imp, "Name", "is empty");
	if (region && !pcreg__code(imp, region, "National Grouping", pcreg__shape_region_code))
		return PCREG_OK;
	/* A CCG's own code stands where it has no parent. */
	if (parent && strcmp(parent, code) == 0)
		parent = NULL;
	if (parent && !pcreg__code(imp, parent, "High Level Health Geography",
	                           pcreg__shape_commissioner_code))
		return PCREG_OK;

	pcreg__borrow_text(s->rec, s->code, code);
	pcreg__borrow_int(s->rec, s->kind, kind, 1);
	pcreg__borrow_text(s->rec, s->name, name);
	pcreg__borrow_text(s->rec, s->ons, NULL);
	pcreg__borrow_text(s->rec, s->region, region);
	pcreg__borrow_text(s->rec, s->open, open);
	pcreg__borrow_text(s->rec, s->close, close);
	pcreg__borrow_text(s->rec, s->parent, NULL);
	/* What the row says is checked before it becomes evidence: for an
	 * organisation an earlier release described, evidence is all it
	 * becomes, and a bad value would surface only when the release is
	 * reconciled (a close before the open, say), failing the whole file. */
	if (pcreg__record_validate(imp->db, s->rec) != PCREG_OK)
		return pcreg__reject(imp, NULL, "%s", pcreg_db_errmsg(imp->db));
	claim.code = code;
	claim.name = name;
	claim.kind = pcreg_commissioner_kind_str(kind);
	claim.region = region;
	claim.parent = parent;
	claim.open = open;
	claim.close = close;
	if ((st = pcreg__claim_organisation(imp, &claim, &described)) != PCREG_OK || described)
		return st;

	/* eccg has no ONS code: leave any from other files alone. */
	provided = ~0u & ~(1u << s->ons) & ~(1u << s->parent);
	if (parent && (st = pcreg__exists(imp, SQL_COMMISSIONER_EXISTS, parent, &known)) != PCREG_OK)
		return st;
	if (known) {
		pcreg__borrow_text(s->rec, s->parent, parent);
		provided |= 1u << s->parent;
	} else if (parent) {
		char reason[128];

		snprintf(reason, sizeof reason,
		         "parent %s is not in the registry (import the ICB names first):"
		         " parent not recorded",
		         parent);
		if ((st = pcreg__omit(imp, reason)) != PCREG_OK)
			return st;
	}
	return pcreg__upsert(imp, s->rec, provided, open);
}

const struct pcreg__import_kind pcreg__import_eccg = {
	PCREG_IMPORT_ECCG, "eccg", 0,
	commissioners_begin, NULL, eccg_row, NULL, commissioners_free,
};

/* ONS's ICB names: ICB24CD (E54...), ICB24CDH (the ODS code), ICB24NM. */
static pcreg_status icb_names_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	if (rec->nfields < 3 || strncmp(rec->fields[0], "ICB", 3) != 0 ||
	    strncmp(rec->fields[1], "ICB", 3) != 0 || strncmp(rec->fields[2], "ICB", 3) != 0)
		return pcreg__error(imp->db, PCREG_INVALID,
		                    "%s:%lld: expected the header ICBnnCD,ICBnnCDH,ICBnnNM",
		                    imp->path, (long long)rec->line);
	return PCREG_OK;
}

static pcreg_status icb_names_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct commissioners *s = imp->state;
	const char *ons = pcreg__text(imp, 0), *code = pcreg__text(imp, 1);
	const char *name = pcreg__text(imp, 2);

	(void)rec;
	if (imp->rec->nfields < 3)
		return pcreg__reject(imp, NULL, "expected at least 3 columns, found %zu",
		                     imp->rec->nfields);
	if (!pcreg__code(imp, code, "ICB code", pcreg__shape_commissioner_code) ||
	    !pcreg__code(imp, ons, "ONS code", pcreg__shape_ons_code))
		return PCREG_OK;
	if (!name)
		return pcreg__reject(imp, "ICB name", "is empty");
	pcreg__borrow_text(s->rec, s->code, code);
	pcreg__borrow_int(s->rec, s->kind, PCREG_COMMISSIONER_ICB, 1);
	pcreg__borrow_text(s->rec, s->name, name);
	pcreg__borrow_text(s->rec, s->ons, ons);
	pcreg__borrow_text(s->rec, s->region, NULL);
	pcreg__borrow_text(s->rec, s->parent, NULL);
	pcreg__borrow_text(s->rec, s->open, NULL);
	pcreg__borrow_text(s->rec, s->close, NULL);
	return pcreg__upsert(imp, s->rec,
	                     (1u << s->kind) | (1u << s->name) | (1u << s->ons), NULL);
}

const struct pcreg__import_kind pcreg__import_icb_names = {
	PCREG_IMPORT_ICB_NAMES, "icb-names", 1,
	commissioners_begin, icb_names_header, icb_names_row, NULL, commissioners_free,
};

/* ---- succ ------------------------------------------------------------------------------ */

struct successions {
	struct pcreg__record *rec;
};

static pcreg_status succ_begin(pcreg_import *imp)
{
	struct successions *s = pcreg__calloc(1, sizeof *s);

	if (!s || pcreg__record_new(&pcreg__succession_entity, &s->rec) != PCREG_OK) {
		pcreg__free(s);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	imp->state = s;
	return PCREG_OK;
}

static void succ_free(pcreg_import *imp)
{
	struct successions *s = imp->state;

	if (s) {
		pcreg__record_free(s->rec);
		pcreg__free(s);
	}
}

static pcreg_status succ_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct successions *s = imp->state;
	const char *old_code = pcreg__text(imp, 0), *new_code = pcreg__text(imp, 1);
	char date_buf[11];
	const char *date;

	(void)rec;
	if (!pcreg__columns(imp, 5) ||
	    !pcreg__code(imp, old_code, "Organisation Code", pcreg__shape_org_code) ||
	    !pcreg__code(imp, new_code, "Successor Organisation Code", pcreg__shape_org_code) ||
	    !pcreg__announced_date(imp, 3, "Effective Date", date_buf, &date))
		return PCREG_OK;
	if (!date)
		return pcreg__reject(imp, "Effective Date", "is empty");
	if (strcmp(old_code, new_code) == 0)
		return pcreg__reject(imp, "Successor Organisation Code", "%s succeeds itself", old_code);
	/* Fields: old_code, new_code, effective_date (the key first). */
	pcreg__borrow_text(s->rec, 0, old_code);
	pcreg__borrow_text(s->rec, 1, new_code);
	pcreg__borrow_text(s->rec, 2, date);
	return pcreg__upsert(imp, s->rec, ~0u, date);
}

const struct pcreg__import_kind pcreg__import_succ = {
	PCREG_IMPORT_SUCC, "succ", 0, succ_begin, NULL, succ_row, NULL, succ_free,
};
