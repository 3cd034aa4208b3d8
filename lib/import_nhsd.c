/*
 * import_nhsd.c: NHS Digital's files: the practice -> PCN -> CCG map, the
 * monthly registered patients, and NHS Payments to General Practice.
 *
 * These have a header row. The map and the list sizes take columns by
 * position and check the header for the names that position should carry;
 * payments, whose layout changes every year, find theirs by name (header.h).
 * Every row is also evidence (evidence.h): the CCG and PCN a practice was
 * seen in on the file's date.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "evidence.h"
#include "header.h"

/* The map is a second source for these fields: the ODS files (eccg,
 * ePCN) are their record, so the map only fills what they left empty. */
static const char SQL_COMMISSIONER_REGION_MISSING[] =
	"SELECT region IS NULL FROM commissioner WHERE code = ?1";
static const char SQL_NETWORK_COMMISSIONER_MISSING[] =
	"SELECT commissioner IS NULL FROM network WHERE code = ?1";

/* *known: the row exists; *missing: its field is empty (or it is new). */
static pcreg_status field_missing(pcreg_import *imp, const char *sql, const char *code,
                                  int *known, int *missing)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(imp->db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*known = rc == SQLITE_ROW;
	*missing = rc != SQLITE_ROW || sqlite3_column_int(stmt, 0);
	pcreg__stmt_release(imp->db, sql, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(imp->db, rc, sql);
}

/* The header cell at @p i must start with @p name (ignoring case). */
static pcreg_status expect_header(pcreg_import *imp, const struct pcreg__csv_record *rec,
                                  size_t i, const char *name)
{
	if (i < rec->nfields && strncasecmp(rec->fields[i], name, strlen(name)) == 0)
		return PCREG_OK;
	return pcreg__error(imp->db, PCREG_INVALID,
	                    "%s:%lld: column %zu of the header is \"%.40s\", expected \"%s\"",
	                    imp->path, (long long)rec->line, i + 1,
	                    i < rec->nfields ? rec->fields[i] : "", name);
}

/* Records reused from row to row, with their fields found by name. */
struct nhsd {
	struct pcreg__record *commissioner, *network, *list_size;
	struct {
		int code, kind, name, ons, region;
	} c;
	struct {
		int code, kind, name, commissioner;
	} n;
	struct {
		int practice, date, registered, weighted;
	} l;
	char fy_start[11], fy_end[11];
	/* Payments: each field's column (by enum pay_field), found by name,
	 * and how many columns a row must reach. */
	int pay_column[8];
	size_t pay_min_columns;
};

static pcreg_status nhsd_begin(pcreg_import *imp)
{
	struct nhsd *s = pcreg__calloc(1, sizeof *s);

	imp->state = s;
	if (!s || pcreg__record_new(&pcreg__commissioner_entity, &s->commissioner) != PCREG_OK ||
	    pcreg__record_new(&pcreg__network_entity, &s->network) != PCREG_OK ||
	    pcreg__record_new(&pcreg__list_size_entity, &s->list_size) != PCREG_OK)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	s->c.code = pcreg__field_index(&pcreg__commissioner_entity, "code");
	s->c.kind = pcreg__field_index(&pcreg__commissioner_entity, "kind");
	s->c.name = pcreg__field_index(&pcreg__commissioner_entity, "name");
	s->c.ons = pcreg__field_index(&pcreg__commissioner_entity, "ons_code");
	s->c.region = pcreg__field_index(&pcreg__commissioner_entity, "region");
	s->n.code = pcreg__field_index(&pcreg__network_entity, "code");
	s->n.kind = pcreg__field_index(&pcreg__network_entity, "kind");
	s->n.name = pcreg__field_index(&pcreg__network_entity, "name");
	s->n.commissioner = pcreg__field_index(&pcreg__network_entity, "commissioner");
	s->l.practice = pcreg__field_index(&pcreg__list_size_entity, "practice");
	s->l.date = pcreg__field_index(&pcreg__list_size_entity, "extract_date");
	s->l.registered = pcreg__field_index(&pcreg__list_size_entity, "registered");
	s->l.weighted = pcreg__field_index(&pcreg__list_size_entity, "weighted");
	return PCREG_OK;
}

static void nhsd_free(pcreg_import *imp)
{
	struct nhsd *s = imp->state;

	if (!s)
		return;
	pcreg__record_free(s->commissioner);
	pcreg__record_free(s->network);
	pcreg__record_free(s->list_size);
	pcreg__free(s);
}

/* Only the fields named by @p provided are borrowed; the rest are unset. */
static void clear_record(struct pcreg__record *rec)
{
	int i;

	for (i = 0; i < rec->entity->nfields; i++)
		pcreg__borrow_text(rec, i, NULL);
}

/* ---- the practice -> PCN -> CCG map ------------------------------------------------- */

enum { MAP_EXTRACT = 1, MAP_PRACTICE = 2, MAP_PCN = 5, MAP_PCN_NAME = 6, MAP_ONS_CCG = 7, MAP_CCG = 8,
       MAP_CCG_NAME = 9, MAP_ONS_REGION = 13, MAP_REGION = 14, MAP_REGION_NAME = 15,
       MAP_COLUMNS = 16 };

static pcreg_status map_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	pcreg_status st;

	if ((st = expect_header(imp, rec, 0, "PUBLICATION")) != PCREG_OK ||
	    (st = expect_header(imp, rec, MAP_PRACTICE, "PRACTICE_CODE")) != PCREG_OK ||
	    (st = expect_header(imp, rec, MAP_PCN, "PCN_CODE")) != PCREG_OK ||
	    (st = expect_header(imp, rec, MAP_CCG, "CCG_CODE")) != PCREG_OK ||
	    (st = expect_header(imp, rec, MAP_REGION, "COMM_REGION_CODE")) != PCREG_OK)
		return st;
	return PCREG_OK;
}

/* The region, then the CCG (names only when new: eccg's are the ODS
 * record), then the PCN. */
static pcreg_status map_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct nhsd *s = imp->state;
	const char *region = pcreg__text(imp, MAP_REGION), *ccg = pcreg__text(imp, MAP_CCG);
	const char *pcn = pcreg__text(imp, MAP_PCN);
	char date_buf[11];
	const char *date;
	pcreg_status st;
	int known, missing;

	(void)rec;
	if (!pcreg__columns(imp, MAP_COLUMNS) ||
	    !pcreg__code(imp, region, "COMM_REGION_CODE", pcreg__shape_region_code) ||
	    !pcreg__code(imp, pcreg__text(imp, MAP_ONS_REGION), "ONS_COMM_REGION_CODE",
	                 pcreg__shape_ons_code) ||
	    !pcreg__code(imp, ccg, "CCG_CODE", pcreg__shape_commissioner_code) ||
	    !pcreg__code(imp, pcreg__text(imp, MAP_ONS_CCG), "ONS_CCG_CODE", pcreg__shape_ons_code))
		return PCREG_OK;
	if (!pcreg__text(imp, MAP_REGION_NAME))
		return pcreg__reject(imp, "COMM_REGION_NAME", "is empty");

	clear_record(s->commissioner);
	pcreg__borrow_text(s->commissioner, s->c.code, region);
	pcreg__borrow_int(s->commissioner, s->c.kind, PCREG_COMMISSIONER_REGION, 1);
	pcreg__borrow_text(s->commissioner, s->c.name, pcreg__text(imp, MAP_REGION_NAME));
	pcreg__borrow_text(s->commissioner, s->c.ons, pcreg__text(imp, MAP_ONS_REGION));
	if ((st = pcreg__upsert(imp, s->commissioner,
	                        (1u << s->c.kind) | (1u << s->c.name) | (1u << s->c.ons), NULL)) !=
	            PCREG_OK ||
	    imp->outcome == PCREG__ROW_REJECTED)
		return st;

	if ((st = field_missing(imp, SQL_COMMISSIONER_REGION_MISSING, ccg, &known, &missing)) !=
	    PCREG_OK)
		return st;
	if (!known && !pcreg__text(imp, MAP_CCG_NAME))
		return pcreg__reject(imp, "CCG_NAME", "is empty");
	clear_record(s->commissioner);
	pcreg__borrow_text(s->commissioner, s->c.code, ccg);
	pcreg__borrow_int(s->commissioner, s->c.kind,
	                  strlen(ccg) == 5 ? PCREG_COMMISSIONER_SUB_ICB : PCREG_COMMISSIONER_CCG, 1);
	pcreg__borrow_text(s->commissioner, s->c.name, pcreg__text(imp, MAP_CCG_NAME));
	pcreg__borrow_text(s->commissioner, s->c.ons, pcreg__text(imp, MAP_ONS_CCG));
	pcreg__borrow_text(s->commissioner, s->c.region, region);
	if ((st = pcreg__upsert(imp, s->commissioner,
	                        (known ? 0u : (1u << s->c.kind) | (1u << s->c.name)) |
	                                (1u << s->c.ons) | (missing ? 1u << s->c.region : 0u),
	                        NULL)) != PCREG_OK ||
	    imp->outcome == PCREG__ROW_REJECTED)
		return st;

	/* "U", "Unallocated": in no PCN. */
	if (pcn && strcmp(pcn, "U") != 0) {
		if (!pcreg__code(imp, pcn, "PCN_CODE", pcreg__shape_network_code))
			return PCREG_OK;
		if ((st = field_missing(imp, SQL_NETWORK_COMMISSIONER_MISSING, pcn, &known,
		                        &missing)) != PCREG_OK)
			return st;
		if (!known && !pcreg__text(imp, MAP_PCN_NAME))
			return pcreg__reject(imp, "PCN_NAME", "is empty");
		clear_record(s->network);
		pcreg__borrow_text(s->network, s->n.code, pcn);
		pcreg__borrow_int(s->network, s->n.kind, PCREG_NETWORK_PCN, 1);
		pcreg__borrow_text(s->network, s->n.name, pcreg__text(imp, MAP_PCN_NAME));
		pcreg__borrow_text(s->network, s->n.commissioner, ccg);
		if ((st = pcreg__upsert(imp, s->network,
		                        (known ? 0u : (1u << s->n.kind) | (1u << s->n.name)) |
		                                (missing ? 1u << s->n.commissioner : 0u),
		                        NULL)) != PCREG_OK ||
		    imp->outcome == PCREG__ROW_REJECTED)
			return st;
	}
	/* The map says where each practice is on its extract date, not since
	 * when: evidence seen on that day. */
	if (!pcreg__code(imp, pcreg__text(imp, MAP_PRACTICE), "PRACTICE_CODE", pcreg__shape_org_code) ||
	    !pcreg__date(imp, MAP_EXTRACT, "EXTRACT_DATE", date_buf, &date))
		return PCREG_OK;
	pcreg__file_release_date(imp, date);
	if ((st = pcreg__claim_seen(imp, "commissioner", pcreg__text(imp, MAP_PRACTICE), ccg)) !=
	    PCREG_OK)
		return st;
	if (pcn && strcmp(pcn, "U") != 0 &&
	    (st = pcreg__claim_seen(imp, "network", pcreg__text(imp, MAP_PRACTICE), pcn)) != PCREG_OK)
		return st;
	return PCREG_OK;
}

const struct pcreg__import_kind pcreg__import_practice_map = {
	PCREG_IMPORT_PRACTICE_MAP, "practice-map", 1, nhsd_begin, map_header, map_row, NULL,
	nhsd_free,
};

/* ---- patients registered at a GP practice --------------------------------------------- */

enum { LS_EXTRACT = 1, LS_TYPE = 2, LS_CCG = 3, LS_PRACTICE = 5, LS_SEX = 7, LS_AGE = 8,
       LS_PATIENTS = 9, LS_COLUMNS = 10 };

static pcreg_status list_size_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	pcreg_status st;

	if ((st = expect_header(imp, rec, 0, "PUBLICATION")) != PCREG_OK ||
	    (st = expect_header(imp, rec, LS_EXTRACT, "EXTRACT_DATE")) != PCREG_OK ||
	    (st = expect_header(imp, rec, LS_PRACTICE, "CODE")) != PCREG_OK ||
	    (st = expect_header(imp, rec, LS_PATIENTS, "NUMBER_OF_PATIENTS")) != PCREG_OK)
		return st;
	/* Releases before and after July 2022 name the commissioner column
	 * differently; both are read. */
	if (expect_header(imp, rec, LS_CCG, "CCG_CODE") != PCREG_OK &&
	    (st = expect_header(imp, rec, LS_CCG, "SUB_ICB_LOCATION_CODE")) != PCREG_OK)
		return st;
	pcreg__clear_error(imp->db);
	return PCREG_OK;
}

/* The commissioner column's name in this release, for messages. */
static const char *field_name_ccg(pcreg_import *imp)
{
	return imp->nheader > LS_CCG && imp->header[LS_CCG] ? imp->header[LS_CCG] : "CCG_CODE";
}

/* A whole number of patients; -1 if the text is not one. */
static int64_t count_of(const char *text)
{
	int64_t n = 0;

	if (!text || !*text)
		return -1;
	for (; *text; text++) {
		if (!isdigit((unsigned char)*text) || n > INT64_MAX / 10 - 10)
			return -1;
		n = n * 10 + (*text - '0');
	}
	return n;
}

static pcreg_status list_size_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct nhsd *s = imp->state;
	const char *practice = pcreg__text(imp, LS_PRACTICE), *type = pcreg__text(imp, LS_TYPE);
	const char *sex = pcreg__text(imp, LS_SEX), *age = pcreg__text(imp, LS_AGE);
	char date_buf[11];
	const char *date;
	int64_t patients;
	pcreg_status st;
	int known;

	(void)rec;
	if (!pcreg__columns(imp, LS_COLUMNS))
		return PCREG_OK;
	if (type && strcasecmp(type, "GP") != 0)
		return pcreg__skip(imp, "not a GP practice row (TYPE)");
	if ((sex && strcasecmp(sex, "ALL") != 0) || (age && strcasecmp(age, "ALL") != 0))
		return pcreg__skip(imp, "a breakdown by sex or age: only totals are kept");
	if (!pcreg__date(imp, LS_EXTRACT, "EXTRACT_DATE", date_buf, &date))
		return PCREG_OK;
	if (!date)
		return pcreg__reject(imp, "EXTRACT_DATE", "is empty");
	pcreg__file_release_date(imp, date);
	patients = count_of(pcreg__text(imp, LS_PATIENTS));
	if (patients < 0)
		return pcreg__reject(imp, "NUMBER_OF_PATIENTS", "\"%.20s\" is not a number of patients",
		                     pcreg__text(imp, LS_PATIENTS) ? pcreg__text(imp, LS_PATIENTS) : "");
	if (!pcreg__code(imp, practice, "CODE", pcreg__shape_org_code))
		return PCREG_OK;
	if (pcreg__text(imp, LS_CCG)) {
		if (!pcreg__code(imp, pcreg__text(imp, LS_CCG), field_name_ccg(imp),
		                 pcreg__shape_commissioner_code))
			return PCREG_OK;
		if ((st = pcreg__claim_seen(imp, "commissioner", practice, pcreg__text(imp, LS_CCG))) !=
		    PCREG_OK)
			return st;
	}
	/* Evidence whatever the registry holds: a practice not there yet gets
	 * it when it comes. */
	if ((st = pcreg__claim_list_size(imp, practice, date, patients, 0, 0)) != PCREG_OK ||
	    (st = pcreg__find_practice(imp, practice, "CODE", &known)) != PCREG_OK || !known)
		return st;
	clear_record(s->list_size);
	pcreg__borrow_text(s->list_size, s->l.practice, practice);
	pcreg__borrow_text(s->list_size, s->l.date, date);
	pcreg__borrow_int(s->list_size, s->l.registered, patients, 1);
	return pcreg__upsert(imp, s->list_size, 1u << s->l.registered, date);
}

const struct pcreg__import_kind pcreg__import_list_size = {
	PCREG_IMPORT_LIST_SIZE, "list-size", 1, nhsd_begin, list_size_header, list_size_row, NULL,
	nhsd_free,
};

/* ---- NHS Payments to General Practice ---------------------------------------------------- */

/* The column map is header.c's; the rest of this file takes columns by
 * position. */

/* Each year's file has its own layout (51 to 75 columns, renamed and
 * moved), so every column is found by its header names. */
enum pay_field { PAY_PRACTICE, PAY_TYPE, PAY_COMMISSIONER, PAY_PCN, PAY_OPEN, PAY_CLOSE,
                 PAY_REGISTERED, PAY_WEIGHTED, PAY_FIELDS };

/* struct nhsd keeps a column for each: the build fails if they part. */
typedef char pay_columns_fit[sizeof ((struct nhsd *)0)->pay_column == PAY_FIELDS * sizeof(int)
                                     ? 1 : -1];

static const char *const practice_names[] = { "Practice ODS Code", NULL };
static const char *const type_names[] = { "Contract", NULL };
/* The sub-ICB location from July 2022, the CCG before it: a file that
 * named both would be of the later years. */
static const char *const commissioner_names[] = { "Sub ICB Location Code", "Sub-ICB Location Code",
	                                          "CCG Code", "Commissioner Code", NULL };
static const char *const open_names[] = { "Open Date", NULL };
static const char *const close_names[] = { "Close Date", NULL };
/* "(Last Known Figure)" until 2021/22, a yearly average from 2022/23;
 * either is the year's list size here. */
static const char *const registered_names[] = {
	"Number of Registered Patients (Last Known Figure)", "Number of Registered Patients",
	"Average Registered Patients", NULL
};
static const char *const weighted_names[] = {
	"Number of Weighted Patients (Last Known Figure)", "Number of Weighted Patients",
	"Average Weighted Patients", NULL
};

static const struct pcreg__column_spec pay_columns[PAY_FIELDS] = {
	[PAY_PRACTICE] = { "Practice Code", practice_names, 1 },
	[PAY_TYPE] = { "Contract Type", type_names, 1 },
	[PAY_COMMISSIONER] = { "Sub ICB Code", commissioner_names, 1 },
	/* From 2019/20, when PCNs began. */
	[PAY_PCN] = { "PCN Code", NULL, 0 },
	[PAY_OPEN] = { "Practice Open Date", open_names, 0 },
	[PAY_CLOSE] = { "Practice Close Date", close_names, 0 },
	[PAY_REGISTERED] = { "Average Number of Registered Patients", registered_names, 1 },
	[PAY_WEIGHTED] = { "Average Number of Weighted Patients", weighted_names, 1 },
};

/* The file gives no year: NHS Digital's names do, as nhspaymentsgp-22-23. */
static int financial_year(const char *name, char start[11], char end[11])
{
	const char *p;

	for (p = name; *p; p++) {
		if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && p[2] == '-' &&
		    isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
		    !isdigit((unsigned char)p[5]) && (p == name || !isdigit((unsigned char)p[-1]))) {
			int first = (p[0] - '0') * 10 + (p[1] - '0');
			int second = (p[3] - '0') * 10 + (p[4] - '0');

			if ((first + 1) % 100 == second) {
				pcreg__date_format(2000 + first, 4, 1, start);
				pcreg__date_format(2001 + first, 3, 31, end);
				return 1;
			}
		}
	}
	return 0;
}

static pcreg_status payments_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct nhsd *s = imp->state;
	pcreg_status st;
	int i;

	if ((st = pcreg__header_map(imp, rec, pay_columns, PAY_FIELDS, s->pay_column)) != PCREG_OK)
		return st;
	/* A row must reach every column the reader cannot do without. */
	s->pay_min_columns = 0;
	for (i = 0; i < PAY_FIELDS; i++)
		if (pay_columns[i].required && (size_t)s->pay_column[i] + 1 > s->pay_min_columns)
			s->pay_min_columns = (size_t)s->pay_column[i] + 1;
	if (!financial_year(imp->name, s->fy_start, s->fy_end))
		return pcreg__error(imp->db, PCREG_INVALID,
		                    "%s: cannot tell the financial year: the file gives it only in its"
		                    " name (nhspaymentsgp-22-23-prac-csv.csv is 2022/23)",
		                    imp->path);
	return PCREG_OK;
}

/* An average patient count ("10234.5"); NaN if the text is not one. */
static double average_of(const char *text)
{
	char *end;
	double v;

	if (!text)
		return NAN;
	v = strtod(text, &end);
	return *end == '\0' && v >= 0 ? v : NAN;
}

static pcreg_status payments_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct nhsd *s = imp->state;
	const int *col = s->pay_column;
	const char *practice = pcreg__column_text(imp, col[PAY_PRACTICE]);
	const char *type_text = pcreg__column_text(imp, col[PAY_TYPE]);
	const char *commissioner = pcreg__column_text(imp, col[PAY_COMMISSIONER]);
	const char *pcn = pcreg__column_text(imp, col[PAY_PCN]);
	const char *registered_text = pcreg__column_text(imp, col[PAY_REGISTERED]);
	const char *weighted_text = pcreg__column_text(imp, col[PAY_WEIGHTED]);
	char open_buf[11], close_buf[11];
	const char *open, *close, *start = s->fy_start, *end = s->fy_end, *let_by;
	pcreg_contract_type_value type;
	double registered, weighted;
	pcreg_status st;
	int known;

	(void)rec;
	if (imp->rec->nfields < s->pay_min_columns)
		return pcreg__reject(imp, NULL, "expected at least %zu columns, found %zu",
		                     s->pay_min_columns, imp->rec->nfields);
	if (!pcreg__column_date(imp, col[PAY_OPEN], "Practice Open Date", open_buf, &open) ||
	    !pcreg__column_date(imp, col[PAY_CLOSE], "Practice Close Date", close_buf, &close))
		return PCREG_OK;
	registered = average_of(registered_text);
	weighted = average_of(weighted_text);
	if (isnan(registered))
		return pcreg__reject(imp, "Average Number of Registered Patients",
		                     "\"%.20s\" is not a number of patients",
		                     registered_text ? registered_text : "");
	if (isnan(weighted))
		return pcreg__reject(imp, "Average Number of Weighted Patients",
		                     "\"%.20s\" is not a number of patients",
		                     weighted_text ? weighted_text : "");
	type = pcreg_contract_type_parse(type_text);
	if (type_text && strcasecmp(type_text, "Unknown") != 0 && !pcreg_contract_type_is_core(type))
		return pcreg__reject(imp, "Contract Type", "\"%.20s\" is not GMS, PMS, APMS or Unknown",
		                     type_text);
	/* "Unknown or no PCN": in none. */
	if (pcn && pcreg__shape_network_code(pcn) != NULL)
		pcn = NULL;

	/* What the year's file says of the practice, seen on the year's last
	 * day: kept as evidence even for a practice not in the registry yet. */
	pcreg__file_release_date(imp, s->fy_end);
	if (!pcreg__code(imp, practice, "Practice Code", pcreg__shape_org_code))
		return PCREG_OK;
	if (commissioner && !pcreg__shape_commissioner_code(commissioner) &&
	    (st = pcreg__claim_seen(imp, "commissioner", practice, commissioner)) != PCREG_OK)
		return st;
	if (pcn && (st = pcreg__claim_seen(imp, "network", practice, pcn)) != PCREG_OK)
		return st;

	/* The year's core contract is evidence: a practice's contracts are
	 * derived from every year the files give, in whatever order. */
	if (open && strcmp(open, start) > 0)
		start = open;
	if (close && strcmp(close, end) < 0)
		end = close;
	let_by = commissioner && !pcreg__shape_commissioner_code(commissioner) ? commissioner : NULL;
	if (pcreg_contract_type_is_core(type) && strcmp(end, start) >= 0 &&
	    (st = pcreg__claim_contract(imp, practice, pcreg_contract_type_str(type), let_by, start,
	                                end)) != PCREG_OK)
		return st;
	/* The year's averages, as the list size on its last day: evidence too,
	 * for a practice not in the registry yet. */
	if ((st = pcreg__claim_list_size(imp, practice, s->fy_end,
	                                 (int64_t)(registered + 0.5) /* not negative */, 1,
	                                 weighted)) != PCREG_OK ||
	    (st = pcreg__find_practice(imp, practice, "Practice Code", &known)) != PCREG_OK || !known)
		return st;
	clear_record(s->list_size);
	pcreg__borrow_text(s->list_size, s->l.practice, practice);
	pcreg__borrow_text(s->list_size, s->l.date, s->fy_end);
	pcreg__borrow_int(s->list_size, s->l.registered, (int64_t)(registered + 0.5) /* not negative */, 1);
	pcreg__borrow_real(s->list_size, s->l.weighted, weighted, 1);
	if ((st = pcreg__upsert(imp, s->list_size, ~0u, s->fy_end)) != PCREG_OK ||
	    imp->outcome == PCREG__ROW_REJECTED)
		return st;

	if (!pcreg_contract_type_is_core(type))
		return pcreg__omit(imp, "contract type Unknown: contract not recorded");
	if (strcmp(end, start) < 0)
		return pcreg__omit(imp, "practice closed before the year: contract not recorded");
	return PCREG_OK;
}

const struct pcreg__import_kind pcreg__import_payments = {
	PCREG_IMPORT_PAYMENTS, "payments", 1, nhsd_begin, payments_header, payments_row, NULL,
	nhsd_free,
};
