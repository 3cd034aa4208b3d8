/*
 * import_epcn.c: ODS's ePCN workbook, as CSV: the "PCN Details" sheet
 * (networks) and "PCN Core Partner Details" (which practice is in which PCN
 * from when). Header text changes between releases and holds line breaks,
 * so columns are taken by position; the header is only counted.
 */
#include <stdio.h>
#include <string.h>

#include "evidence.h"

static const char SQL_COMMISSIONER_EXISTS[] = "SELECT 1 FROM commissioner WHERE code = ?1";

struct epcn {
	struct pcreg__record *network;
	int code, kind, name, commissioner, open, close;
};

static pcreg_status epcn_begin(pcreg_import *imp)
{
	const struct pcreg__entity *e = &pcreg__network_entity;
	struct epcn *s = pcreg__calloc(1, sizeof *s);

	if (!s || pcreg__record_new(e, &s->network) != PCREG_OK) {
		pcreg__free(s);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	s->code = pcreg__field_index(e, "code");
	s->kind = pcreg__field_index(e, "kind");
	s->name = pcreg__field_index(e, "name");
	s->commissioner = pcreg__field_index(e, "commissioner");
	s->open = pcreg__field_index(e, "open_date");
	s->close = pcreg__field_index(e, "close_date");
	imp->state = s;
	return PCREG_OK;
}

static void epcn_free(pcreg_import *imp)
{
	struct epcn *s = imp->state;

	if (s) {
		pcreg__record_free(s->network);
		pcreg__free(s);
	}
}

static pcreg_status header_width(pcreg_import *imp, const struct pcreg__csv_record *rec,
                                 size_t n, const char *sheet)
{
	if (rec->nfields == n)
		return PCREG_OK;
	return pcreg__error(imp->db, PCREG_INVALID,
	                    "%s:%lld: the header has %zu columns; the %s sheet has %zu", imp->path,
	                    (long long)rec->line, rec->nfields, sheet, n);
}

/* ---- PCN Details: code, name, CCG code, CCG name, open, close, address... ---- */

enum { PD_CODE = 0, PD_NAME = 1, PD_CCG = 2, PD_OPEN = 4, PD_CLOSE = 5, PD_COLUMNS = 12 };

static pcreg_status details_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	return header_width(imp, rec, PD_COLUMNS, "PCN Details");
}

static pcreg_status details_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct epcn *s = imp->state;
	const char *code = pcreg__text(imp, PD_CODE), *name = pcreg__text(imp, PD_NAME);
	const char *ccg = pcreg__text(imp, PD_CCG);
	char open_buf[11], close_buf[11];
	const char *open, *close;
	struct pcreg__organisation_claim claim;
	uint32_t provided;
	pcreg_status st;
	int known = 0, described;

	(void)rec;
	if (!pcreg__columns(imp, PD_COLUMNS) ||
	    !pcreg__code(imp, code, "PCN Code", pcreg__shape_network_code) ||
	    !pcreg__date(imp, PD_OPEN, "Open Date", open_buf, &open) ||
	    !pcreg__date(imp, PD_CLOSE, "Close Date", close_buf, &close))
		return PCREG_OK;
	if (!name)
		return pcreg__reject(imp, "PCN Name", "is empty");
	if (ccg && !pcreg__code(imp, ccg, "Current Clinical Commissioning Group Code",
	                        pcreg__shape_commissioner_code))
		return PCREG_OK;
	claim.code = code;
	claim.name = name;
	claim.kind = "pcn";
	claim.region = NULL;
	claim.parent = ccg;
	claim.open = open;
	claim.close = close;
	if ((st = pcreg__claim_organisation(imp, &claim, &described)) != PCREG_OK || described)
		return st;
	provided = (1u << s->kind) | (1u << s->name) | (1u << s->open) | (1u << s->close);
	if (ccg) {
		if ((st = pcreg__exists(imp, SQL_COMMISSIONER_EXISTS, ccg, &known)) != PCREG_OK)
			return st;
		if (known) {
			provided |= 1u << s->commissioner;
		} else {
			char reason[96];

			snprintf(reason, sizeof reason,
			         "commissioner %s is not in the registry: not recorded", ccg);
			if ((st = pcreg__omit(imp, reason)) != PCREG_OK)
				return st;
		}
	}
	pcreg__borrow_text(s->network, s->code, code);
	pcreg__borrow_int(s->network, s->kind, PCREG_NETWORK_PCN, 1);
	pcreg__borrow_text(s->network, s->name, name);
	pcreg__borrow_text(s->network, s->commissioner, known ? ccg : NULL);
	pcreg__borrow_text(s->network, s->open, open);
	pcreg__borrow_text(s->network, s->close, close);
	return pcreg__upsert(imp, s->network, provided, open);
}

const struct pcreg__import_kind pcreg__import_pcn_details = {
	PCREG_IMPORT_PCN_DETAILS, "pcn-details", 1, epcn_begin, details_header, details_row, NULL,
	epcn_free,
};

/* ---- PCN Core Partner Details: practice, its CCG, PCN, the PCN's CCG, start, end ---- */

enum { PP_PRACTICE = 0, PP_CCG = 2, PP_PCN = 4, PP_START = 8, PP_END = 9, PP_COLUMNS = 11 };

static pcreg_status partners_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	return header_width(imp, rec, PP_COLUMNS, "PCN Core Partner Details");
}

static pcreg_status partners_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	const char *practice = pcreg__text(imp, PP_PRACTICE), *pcn = pcreg__text(imp, PP_PCN);
	const char *ccg = pcreg__text(imp, PP_CCG);
	char start_buf[11], end_buf[11];
	const char *start, *end;
	pcreg_status st;
	int known;

	(void)rec;
	if (!pcreg__columns(imp, PP_COLUMNS) ||
	    !pcreg__code(imp, pcn, "PCN Code", pcreg__shape_network_code) ||
	    !pcreg__date(imp, PP_START, "Practice to PCN Relationship Start Date", start_buf,
	                 &start) ||
	    !pcreg__date(imp, PP_END, "Practice to PCN Relationship End Date", end_buf, &end))
		return PCREG_OK;
	if (!start)
		return pcreg__reject(imp, "Practice to PCN Relationship Start Date", "is empty");
	if (end && strcmp(end, start) < 0)
		return pcreg__reject(imp, "Practice to PCN Relationship End Date",
		                     "%s is before the start date %s", end, start);
	if (!pcreg__code(imp, practice, "Partner Organisation Code", pcreg__shape_org_code))
		return PCREG_OK;
	/* The practice's CCG on the release date. */
	if (ccg) {
		if (!pcreg__code(imp, ccg, "Practice Parent CCG Code", pcreg__shape_commissioner_code))
			return PCREG_OK;
		if ((st = pcreg__claim_seen(imp, "commissioner", practice, ccg)) != PCREG_OK)
			return st;
	}
	/* A PCN the Details sheet has not described yet is kept as evidence;
	 * it becomes a network, named by its code, until that sheet comes. */
	if ((st = pcreg__upsert_membership(imp, PCREG_MEMBERSHIP_NETWORK, practice, pcn, start,
	                                   end)) != PCREG_OK)
		return st;
	return pcreg__find_practice(imp, practice, "Partner Organisation Code", &known);
}

const struct pcreg__import_kind pcreg__import_pcn_partners = {
	PCREG_IMPORT_PCN_PARTNERS, "pcn-partners", 1, NULL, partners_header, partners_row, NULL,
	NULL,
};
