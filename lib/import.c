/*
 * import.c: the import engine: one file, one transaction, rows counted by
 * outcome, bad rows refused with their line and field, everything journaled.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <unistr.h>

#include <nettle/sha2.h>

#include "import.h"
#include "evidence.h"
#include "fileio.h"
#include "odsxml.h"
#include "xlsxread.h"

#define MAX_REJECTIONS 1000

static const struct pcreg__import_kind *const kinds[] = {
	NULL,
	&pcreg__import_epraccur,
	&pcreg__import_eccg,
	&pcreg__import_icb_names,
	&pcreg__import_practice_map,
	&pcreg__import_succ,
	&pcreg__import_pcn_details,
	&pcreg__import_pcn_partners,
	&pcreg__import_list_size,
	&pcreg__import_payments,
	&pcreg__import_cqc,
	&pcreg__import_registry_csv,
	&pcreg__import_registry_jsonl,
	&pcreg__import_ods_xml,
};

#define N_KINDS ((int)(sizeof kinds / sizeof kinds[0]))

const char *pcreg_import_kind_str(pcreg_import_kind_value kind)
{
	if (kind == PCREG_IMPORT_AUTO)
		return "auto";
	if ((int)kind < 1 || (int)kind >= N_KINDS)
		return NULL;
	return kinds[kind]->word;
}

int pcreg_import_kind_parse(const char *text)
{
	int i;

	if (!text)
		return -1;
	if (strcasecmp(text, "auto") == 0)
		return PCREG_IMPORT_AUTO;
	for (i = 1; i < N_KINDS; i++)
		if (strcasecmp(kinds[i]->word, text) == 0)
			return i;
	return -1;
}

/* A caller built against version 1 has a smaller struct: only its fields
 * are written. */
pcreg_status pcreg_import_options_init(pcreg_import_options *opts, unsigned int version)
{
	static const pcreg_import_options defaults = PCREG_IMPORT_OPTIONS_INIT;

	if (!opts || (version != 1 && version != PCREG_IMPORT_OPTIONS_VERSION))
		return PCREG_MISUSE;
	if (version == 1) {
		opts->version = 1;
		opts->kind = defaults.kind;
		opts->mode = defaults.mode;
		return PCREG_OK;
	}
	*opts = defaults;
	return PCREG_OK;
}

/* ---- reports ---------------------------------------------------------------------- */

static void free_reasons(struct pcreg__reason *reasons, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pcreg__free(reasons[i].text);
	pcreg__free(reasons);
}

void pcreg_import_report_free(pcreg_import_report *report)
{
	int i;

	if (!report)
		return;
	free_reasons(report->skips, report->nskips);
	free_reasons(report->omissions, report->nomissions);
	for (i = 0; i < report->nrejections; i++) {
		pcreg__free(report->rejections[i].field);
		pcreg__free(report->rejections[i].reason);
	}
	pcreg__free(report->rejections);
	pcreg__free(report->file);
	pcreg__free(report);
}

/* Count one more under a reason (a handful of distinct reasons a file). */
static pcreg_status count_reason(pcreg_db *db, struct pcreg__reason **reasons, int *n,
                                 const char *text)
{
	struct pcreg__reason *grown;
	int i;

	for (i = 0; i < *n; i++)
		if (strcmp((*reasons)[i].text, text) == 0) {
			(*reasons)[i].count++;
			return PCREG_OK;
		}
	grown = pcreg__realloc(*reasons, (size_t)(*n + 1) * sizeof **reasons);
	if (!grown)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	*reasons = grown;
	grown[*n].text = pcreg__strdup(text);
	if (!grown[*n].text)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	grown[*n].count = 1;
	(*n)++;
	return PCREG_OK;
}

#define REPORT_COUNT(name)                                                         \
	int64_t pcreg_import_report_##name(const pcreg_import_report *report)      \
	{                                                                          \
		return report ? report->name : 0;                                  \
	}

REPORT_COUNT(id)
REPORT_COUNT(rows_read)
REPORT_COUNT(inserted)
REPORT_COUNT(updated)
REPORT_COUNT(unchanged)
REPORT_COUNT(skipped)
REPORT_COUNT(rejected)

pcreg_import_kind_value pcreg_import_report_kind(const pcreg_import_report *report)
{
	return report ? report->kind : PCREG_IMPORT_AUTO;
}

const char *pcreg_import_report_file(const pcreg_import_report *report)
{
	return report ? report->file : NULL;
}

int pcreg_import_report_skip_reasons(const pcreg_import_report *report)
{
	return report ? report->nskips : 0;
}

const char *pcreg_import_report_skip_reason(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nskips ? report->skips[i].text : NULL;
}

int64_t pcreg_import_report_skip_count(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nskips ? report->skips[i].count : 0;
}

int pcreg_import_report_omission_reasons(const pcreg_import_report *report)
{
	return report ? report->nomissions : 0;
}

const char *pcreg_import_report_omission_reason(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nomissions ? report->omissions[i].text : NULL;
}

int64_t pcreg_import_report_omission_count(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nomissions ? report->omissions[i].count : 0;
}

int pcreg_import_report_rejections(const pcreg_import_report *report)
{
	return report ? report->nrejections : 0;
}

int64_t pcreg_import_report_rejection_line(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nrejections ? report->rejections[i].line : 0;
}

const char *pcreg_import_report_rejection_field(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nrejections ? report->rejections[i].field : NULL;
}

const char *pcreg_import_report_rejection_reason(const pcreg_import_report *report, int i)
{
	return report && i >= 0 && i < report->nrejections ? report->rejections[i].reason : NULL;
}

/* ---- outcomes ------------------------------------------------------------------------ */

static pcreg_status vreject(pcreg_import *imp, pcreg_status status, const char *field,
                           const char *fmt, va_list ap) PCREG__PRINTF(4, 0);

static pcreg_status vreject(pcreg_import *imp, pcreg_status status, const char *field,
                           const char *fmt, va_list ap)
{
	imp->outcome = PCREG__ROW_REJECTED;
	imp->reject_status = status;
	snprintf(imp->reject_field, sizeof imp->reject_field, "%s", field ? field : "");
	vsnprintf(imp->reject_reason, sizeof imp->reject_reason, fmt, ap);
	pcreg__utf8_scrub(imp->reject_field);
	pcreg__utf8_scrub(imp->reject_reason);
	return PCREG_OK;
}

pcreg_status pcreg__reject(pcreg_import *imp, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject(imp, PCREG_INVALID, field, fmt, ap);
	va_end(ap);
	return PCREG_OK;
}

pcreg_status pcreg__reject_reference(pcreg_import *imp, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject(imp, PCREG_CONSTRAINT, field, fmt, ap);
	va_end(ap);
	return PCREG_OK;
}

/* A refusal with the registry's own status and message. */
static pcreg_status reject_as(pcreg_import *imp, pcreg_status status, const char *reason)
{
	pcreg__reject(imp, NULL, "%s", reason);
	imp->reject_status = status;
	return PCREG_OK;
}

pcreg_status pcreg__skip(pcreg_import *imp, const char *reason)
{
	imp->outcome = PCREG__ROW_SKIPPED;
	return count_reason(imp->db, &imp->report->skips, &imp->report->nskips, reason);
}

pcreg_status pcreg__omit(pcreg_import *imp, const char *reason)
{
	return count_reason(imp->db, &imp->report->omissions, &imp->report->nomissions, reason);
}

void pcreg__note(pcreg_import *imp, enum pcreg__outcome outcome)
{
	if (imp->outcome <= PCREG__ROW_INSERTED && outcome > imp->outcome)
		imp->outcome = outcome;
}

/* ---- fields ----------------------------------------------------------------------------- */

const char *pcreg__text(pcreg_import *imp, size_t i)
{
	char *s, *end;

	if (i >= imp->rec->nfields)
		return NULL;
	/* The reader's buffer is ours to trim in place. */
	s = (char *)(uintptr_t)imp->rec->fields[i];
	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return *s ? s : NULL;
}

static int read_date(pcreg_import *imp, size_t i, const char *field, char out[11],
                     const char **value, int announcement)
{
	const char *text = pcreg__text(imp, i);

	*value = NULL;
	if (!text)
		return 1;
	if (!pcreg__date_from_text(text, out)) {
		pcreg__reject(imp, field, "\"%.40s\" is not a real date", text);
		return 0;
	}
	*value = out;
	pcreg__saw_date(imp, out, announcement);
	return 1;
}

int pcreg__date(pcreg_import *imp, size_t i, const char *field, char out[11], const char **value)
{
	return read_date(imp, i, field, out, value, 0);
}

int pcreg__announced_date(pcreg_import *imp, size_t i, const char *field, char out[11],
                          const char **value)
{
	return read_date(imp, i, field, out, value, 1);
}

int pcreg__columns(pcreg_import *imp, size_t n)
{
	if (imp->rec->nfields == n)
		return 1;
	pcreg__reject(imp, NULL, "expected %zu columns, found %zu", n, imp->rec->nfields);
	return 0;
}

int pcreg__code(pcreg_import *imp, const char *value, const char *field, pcreg__shape_fn shape)
{
	const char *expected;

	if (!value) {
		pcreg__reject(imp, field, "is empty");
		return 0;
	}
	if ((expected = shape(value)) != NULL) {
		pcreg__reject(imp, field, "\"%.40s\" is not %s", value, expected);
		return 0;
	}
	return 1;
}

/* ---- the journal ------------------------------------------------------------------------ */

static const char SQL_CHANGE[] =
	"INSERT INTO change (import_id, entity, code, subkey, action, field, old_value, new_value,"
	" effective_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

pcreg_status pcreg__journal(pcreg_import *imp, const char *entity, const char *code,
                            const char *subkey, const char *action, const char *field,
                            const char *old_value, const char *new_value,
                            const char *effective_date)
{
	pcreg_db *db = imp->db;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if (imp->unjournaled)
		return PCREG_OK;
	if ((st = pcreg__stmt_acquire(db, SQL_CHANGE, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, imp->report->id);
	sqlite3_bind_text(stmt, 2, entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, subkey, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, old_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, new_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, effective_date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_CHANGE, stmt);
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(db, rc, "journal");
}

pcreg_status pcreg__exists(pcreg_import *imp, const char *sql, const char *value, int *out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(imp->db, sql, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(imp->db, sql, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pcreg__sqlite_error(imp->db, rc, "look-up");
	*out = rc == SQLITE_ROW;
	return PCREG_OK;
}

/* ---- upserts ---------------------------------------------------------------------------- */

void pcreg__borrow_text(struct pcreg__record *rec, int field, const char *text)
{
	struct pcreg__value *v = &rec->v[field];

	v->present = text != NULL;
	v->owned = 0;
	v->s = text;
}

void pcreg__borrow_int(struct pcreg__record *rec, int field, int64_t value, int present)
{
	struct pcreg__value *v = &rec->v[field];

	v->present = (unsigned char)(present != 0);
	v->owned = 0;
	v->s = NULL;
	v->i = value;
}

void pcreg__borrow_real(struct pcreg__record *rec, int field, double value, int present)
{
	struct pcreg__value *v = &rec->v[field];

	v->present = (unsigned char)(present != 0);
	v->owned = 0;
	v->s = NULL;
	v->d = value;
}

/* A value as text for the journal. */
static const char *value_text(const struct pcreg__field *field, const struct pcreg__value *v,
                              char buf[48])
{
	if (!v->present)
		return NULL;
	switch (field->type) {
	case PCREG__T_TEXT:
	case PCREG__T_DATE:
		return v->s;
	case PCREG__T_ENUM:
		return pcreg__enum_token(field->tokens, (int)v->i);
	case PCREG__T_INT:
		snprintf(buf, 48, "%lld", (long long)v->i);
		return buf;
	case PCREG__T_REAL:
		snprintf(buf, 48, "%.15g", v->d);
		return buf;
	}
	return NULL;
}

static int same_value(const struct pcreg__field *field, const struct pcreg__value *a,
                      const struct pcreg__value *b)
{
	if (a->present != b->present)
		return 0;
	if (!a->present)
		return 1;
	switch (field->type) {
	case PCREG__T_TEXT:
	case PCREG__T_DATE:
		return strcmp(a->s, b->s) == 0;
	case PCREG__T_REAL:
		return a->d == b->d;
	default:
		return a->i == b->i;
	}
}

/* The key as journal code and subkey: "A81001" and "2019-07-01". A row
 * known by a number (a contract, an inspection) is journaled under whom it
 * belongs to, the number as subkey, so that a practice's changes are found
 * by its code. */
static void journal_key(const struct pcreg__record *rec, char code[48], char subkey[48])
{
	static const char *const owners[] = { "practice", "federation", "network", "commissioner" };
	const struct pcreg__entity *e = rec->entity;
	char buf[48];
	const char *first;
	size_t i;

	subkey[0] = '\0';
	if (e->fields[0].flags & PCREG__F_AUTO) {
		snprintf(subkey, 48, "%lld", (long long)rec->v[0].i);
		code[0] = '\0';
		for (i = 0; i < sizeof owners / sizeof owners[0]; i++) {
			int f = pcreg__field_index(e, owners[i]);

			if (f >= 0 && rec->v[f].present) {
				snprintf(code, 48, "%s", rec->v[f].s);
				return;
			}
		}
		return;
	}
	first = value_text(&e->fields[0], &rec->v[0], buf);
	snprintf(code, 48, "%s", first ? first : "");
	if (e->nkeys > 1) {
		const char *second = value_text(&e->fields[1], &rec->v[1], buf);

		snprintf(subkey, 48, "%s", second ? second : "");
	}
}

/* A refused write rejects the row with the registry's own message; other
 * failures fail the import. */
static pcreg_status write_refused(pcreg_import *imp, pcreg_status st)
{
	char reason[PCREG__ERRMSG_SIZE];

	if (st != PCREG_INVALID && st != PCREG_CONSTRAINT && st != PCREG_CONFLICT &&
	    st != PCREG_EXISTS)
		return st;
	snprintf(reason, sizeof reason, "%s", pcreg_db_errmsg(imp->db));
	pcreg__clear_error(imp->db);
	return reject_as(imp, st, reason);
}

static pcreg_status insert(pcreg_import *imp, struct pcreg__record *rec,
                           const char *effective_date)
{
	char code[48], subkey[48];
	pcreg_status st = pcreg__entity_insert(imp->db, rec);

	if (st != PCREG_OK)
		return write_refused(imp, st);
	pcreg__note(imp, PCREG__ROW_INSERTED);
	/* A bulk load journals its inserts in one statement at the end. */
	if (imp->bulk)
		return PCREG_OK;
	journal_key(rec, code, subkey);
	return pcreg__journal(imp, rec->entity->name, code, subkey[0] ? subkey : NULL, "insert",
	                      NULL, NULL, NULL, effective_date);
}

static int ends_something(const char *field)
{
	return strcmp(field, "close_date") == 0 || strcmp(field, "to_date") == 0 ||
	       strcmp(field, "end_date") == 0;
}

/* When an updated field changed in the world, as far as the row says: an
 * end date newly set is the day something ended, and a status that
 * changed with a close date changed that day. A file says when a row
 * began, not when its other fields changed, so those have no date. */
static const char *update_effective(const struct pcreg__record *rec, int field)
{
	const struct pcreg__entity *e = rec->entity;
	int i;

	if (e->fields[field].type == PCREG__T_DATE && ends_something(e->fields[field].name))
		return rec->v[field].present ? rec->v[field].s : NULL;
	if (strcmp(e->fields[field].name, "status") == 0)
		for (i = 0; i < e->nfields; i++)
			if (strcmp(e->fields[i].name, "close_date") == 0 && rec->v[i].present)
				return rec->v[i].s;
	return NULL;
}

pcreg_status pcreg__upsert(pcreg_import *imp, struct pcreg__record *rec, uint32_t provided,
                           const char *effective_date)
{
	const struct pcreg__entity *e = rec->entity;
	struct pcreg__record *old = NULL;
	struct pcreg__key key;
	char code[48], subkey[48];
	int i, changed = 0;
	pcreg_status st;

	if (imp->bulk)
		return insert(imp, rec, effective_date);
	/* A blank or malformed key is the row's fault, so it is rejected here
	 * rather than reaching the look-up below as a misuse. */
	{
		char buffer[200];
		int bad;
		const char *what = pcreg__record_key_problem(rec, &bad, buffer, sizeof buffer);

		if (what)
			return pcreg__reject(imp, e->fields[bad].name, "%s", what);
	}
	memset(&key, 0, sizeof key);
	key.id = rec->v[0].i;
	for (i = 0; i < e->nkeys && i < 3; i++)
		key.text[i] = rec->v[i].s;
	if ((e->fields[0].flags & PCREG__F_AUTO) && !rec->v[0].present)
		return insert(imp, rec, effective_date);
	st = pcreg__entity_get(imp->db, e, &key, &old);
	if (st == PCREG_NOTFOUND) {
		pcreg__clear_error(imp->db);
		return insert(imp, rec, effective_date);
	}
	if (st != PCREG_OK)
		return st;
	journal_key(rec, code, subkey);
	for (i = e->nkeys; i < e->nfields && st == PCREG_OK; i++) {
		char old_buf[48], new_buf[48];

		if (!(provided & (1u << i)) || same_value(&e->fields[i], &old->v[i], &rec->v[i]))
			continue;
		st = pcreg__journal(imp, e->name, code, subkey[0] ? subkey : NULL, "update",
		                    e->fields[i].name, value_text(&e->fields[i], &old->v[i], old_buf),
		                    value_text(&e->fields[i], &rec->v[i], new_buf),
		                    update_effective(rec, i));
		/* The old record takes the new value, borrowed from the row. */
		old->v[i] = rec->v[i];
		old->v[i].owned = 0;
		changed = 1;
	}
	if (st == PCREG_OK && changed) {
		st = pcreg__entity_update(imp->db, old);
		if (st == PCREG_OK)
			pcreg__note(imp, PCREG__ROW_UPDATED);
		else
			st = write_refused(imp, st);
	}
	pcreg__record_free(old);
	return st;
}

/* ---- bulk loading ----------------------------------------------------------------------- */

static const char SQL_SCHEMA_SQL[] = "SELECT sql FROM sqlite_schema WHERE name = ?1";

pcreg_status pcreg__table_empty(pcreg_import *imp, const char *table, int *empty)
{
	char sql[128];
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	/* A table name cannot be a parameter; these are the library's own. */
	snprintf(sql, sizeof sql, "SELECT NOT EXISTS (SELECT 1 FROM %s)", table);
	if ((st = pcreg__stmt_prepare(imp->db, sql, &stmt)) != PCREG_OK)
		return st;
	rc = sqlite3_step(stmt);
	*empty = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? PCREG_OK : pcreg__sqlite_error(imp->db, rc, table);
}

pcreg_status pcreg__bulk_begin(pcreg_import *imp, const char *const *tables,
                               const char *const *objects)
{
	pcreg_status st;
	int i, n = 0, empty = 1;

	for (i = 0; tables[i] && empty; i++)
		if ((st = pcreg__table_empty(imp, tables[i], &empty)) != PCREG_OK)
			return st;
	if (!empty)
		return PCREG_OK;
	while (objects[n])
		n++;
	imp->dropped_sql = pcreg__calloc((size_t)n, sizeof *imp->dropped_sql);
	if (!imp->dropped_sql)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	/* Keep each object's own text, so it comes back exactly as the
	 * migrations made it. */
	for (i = 0; i < n; i++) {
		sqlite3_stmt *stmt;
		char drop[128];
		int rc, is_trigger;

		if ((st = pcreg__stmt_acquire(imp->db, SQL_SCHEMA_SQL, &stmt)) != PCREG_OK)
			return st;
		sqlite3_bind_text(stmt, 1, objects[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(stmt, 0);

			imp->dropped_sql[imp->ndropped] = pcreg__strdup(text);
			is_trigger = text && strncmp(text, "CREATE TRIGGER", 14) == 0;
		} else {
			is_trigger = 0;
		}
		pcreg__stmt_release(imp->db, SQL_SCHEMA_SQL, stmt);
		if (rc == SQLITE_DONE)
			return pcreg__error(imp->db, PCREG_CORRUPT, "schema object %s is missing",
			                    objects[i]);
		if (rc != SQLITE_ROW)
			return pcreg__sqlite_error(imp->db, rc, "reading the schema");
		if (!imp->dropped_sql[imp->ndropped])
			return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
		imp->ndropped++;
		snprintf(drop, sizeof drop, "DROP %s %s", is_trigger ? "TRIGGER" : "INDEX", objects[i]);
		if (sqlite3_exec(imp->db->sql, drop, NULL, NULL, NULL) != SQLITE_OK)
			return pcreg__sqlite_error(imp->db, sqlite3_errcode(imp->db->sql), drop);
	}
	imp->bulk = 1;
	/* Every value has passed the library's own checks, which mirror the
	 * schema's; SQLite checking them again doubles the cost of a bulk
	 * load. Per connection, not per transaction: bulk_off() undoes it on
	 * every way out. */
	return pcreg__exec_static(imp->db, "PRAGMA ignore_check_constraints = ON");
}

static void bulk_off(pcreg_import *imp)
{
	/* Per connection: left on, CHECKs would be off for good. */
	if (imp->bulk)
		pcreg__undo(imp->db, "PRAGMA ignore_check_constraints = OFF");
}

pcreg_status pcreg__bulk_end(pcreg_import *imp)
{
	int i;

	bulk_off(imp);
	for (i = 0; i < imp->ndropped; i++)
		if (sqlite3_exec(imp->db->sql, imp->dropped_sql[i], NULL, NULL, NULL) != SQLITE_OK)
			return pcreg__sqlite_error(imp->db, sqlite3_errcode(imp->db->sql),
			                           "rebuilding an index");
	return PCREG_OK;
}

static void free_dropped(pcreg_import *imp)
{
	int i;

	for (i = 0; i < imp->ndropped; i++)
		pcreg__free(imp->dropped_sql[i]);
	pcreg__free(imp->dropped_sql);
	imp->dropped_sql = NULL;
	imp->ndropped = 0;
}

/* ---- where records come from ------------------------------------------------------------ */

/* The sheet of an ePCN workbook that holds a kind's rows. */
static const char *sheet_of(pcreg_import_kind_value kind)
{
	return kind == PCREG_IMPORT_PCN_DETAILS    ? "PCN Details"
	       : kind == PCREG_IMPORT_PCN_PARTNERS ? "PCN Core Partner Details"
	                                           : NULL;
}

static pcreg_status open_sheet(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	const char *sheet = sheet_of(imp->kind->kind);
	char names[256] = "";
	size_t i, n;
	int at;
	pcreg_status st;

	if (!sheet)
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: a workbook: this library reads ePCN's (pcn-details and"
		                    " pcn-partners), not %s",
		                    imp->path, imp->kind->word);
	if ((st = pcreg__xlsx_open(db, imp->path, &imp->xlsx)) != PCREG_OK)
		return st;
	if ((at = pcreg__xlsx_sheet_find(imp->xlsx, sheet)) >= 0)
		return pcreg__xlsx_sheet_open(db, imp->xlsx, (size_t)at);
	n = pcreg__xlsx_sheet_count(imp->xlsx);
	for (i = 0; i < n; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s\"%s\"",
		         i ? ", " : "", pcreg__xlsx_sheet_name(imp->xlsx, i));
	return pcreg__error(db, PCREG_INVALID, "%s: the workbook has no \"%s\" sheet (it has %s)",
	                    imp->path, sheet, n ? names : "none");
}

static pcreg_status source_open(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	struct stat info;
	pcreg_status st;

	/* Standard input is read once, as text: its kind is named. */
	if (imp->from_stdin) {
		imp->container = PCREG__TEXT;
		if ((st = pcreg__csv_open(db, &imp->csv, "/dev/stdin",
		                          imp->kind->kind == PCREG_IMPORT_REGISTRY_JSONL)) != PCREG_OK)
			return st;
		imp->csv.path = imp->path; /* messages say "stdin:LINE" */
		imp->file_size = 0;
		return PCREG_OK;
	}
	if ((st = pcreg__container(db, imp->path, &imp->container, imp->entry, sizeof imp->entry)) !=
	    PCREG_OK)
		return st;
	if (imp->container == PCREG__ZIPPED && imp->kind->kind == PCREG_IMPORT_ODS_XML)
		return pcreg__error(db, PCREG_INVALID, "%s: a zipped CSV file, not ODS XML", imp->path);
	if (imp->container == PCREG__ZIPPED) {
		if ((st = pcreg__csv_open_zip(db, &imp->csv, imp->path, imp->entry,
		                              imp->kind->kind == PCREG_IMPORT_REGISTRY_JSONL)) !=
		    PCREG_OK)
			return st;
		imp->file_size = imp->csv.size;
		return PCREG_OK;
	}
	if (imp->container == PCREG__TEXT && imp->kind->kind == PCREG_IMPORT_ODS_XML)
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: not ODS XML (an HSCOrgRefData file, plain or zipped)", imp->path);
	if (imp->container == PCREG__TEXT) {
		if ((st = pcreg__csv_open(db, &imp->csv, imp->path,
		                          imp->kind->kind == PCREG_IMPORT_REGISTRY_JSONL)) != PCREG_OK)
			return st;
		imp->file_size = imp->csv.size;
		return PCREG_OK;
	}
	if (imp->container == PCREG__WORKBOOK)
		st = open_sheet(imp);
	else if (imp->kind->kind != PCREG_IMPORT_ODS_XML)
		st = pcreg__error(db, PCREG_INVALID, "%s: ODS XML, not a %s file", imp->path,
		                  imp->kind->word);
	else
		st = pcreg__odsxml_open(db, imp->path, &imp->ods);
	if (st == PCREG_OK && stat(imp->path, &info) == 0)
		imp->file_size = (int64_t)info.st_size;
	return st;
}

/* A workbook leaves out a row's empty cells at its end, which a CSV file
 * writes: the row is given the header's width, as its CSV would have. */
static pcreg_status pad_record(pcreg_import *imp, struct pcreg__csv_record *rec)
{
	size_t i;

	if (!imp->header_done || rec->nfields >= imp->nheader)
		return PCREG_OK;
	if (imp->padded_cap < imp->nheader) {
		const char **fields = pcreg__realloc(imp->padded, imp->nheader * sizeof *fields);
		size_t *lengths;

		if (!fields)
			return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
		imp->padded = fields;
		lengths = pcreg__realloc(imp->padded_lengths, imp->nheader * sizeof *lengths);
		if (!lengths)
			return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
		imp->padded_lengths = lengths;
		imp->padded_cap = imp->nheader;
	}
	for (i = 0; i < imp->nheader; i++) {
		imp->padded[i] = i < rec->nfields ? rec->fields[i] : "";
		imp->padded_lengths[i] = i < rec->nfields ? rec->lengths[i] : 0;
	}
	rec->fields = imp->padded;
	rec->lengths = imp->padded_lengths;
	rec->nfields = imp->nheader;
	return PCREG_OK;
}

static pcreg_status source_next(pcreg_import *imp, struct pcreg__csv_record *rec)
{
	pcreg_status st;

	switch (imp->container) {
	case PCREG__WORKBOOK:
		if ((st = pcreg__xlsx_next(imp->db, imp->xlsx, rec)) != PCREG_OK)
			return st;
		return pad_record(imp, rec);
	case PCREG__ODS_XML:
		if ((st = pcreg__odsxml_next(imp->db, imp->ods, &imp->org)) != PCREG_OK)
			return st;
		/* A record is named by its line: an organisation with a value
		 * that cannot be read, by that value's. */
		rec->line = imp->org->problem ? imp->org->problem_line : imp->org->line;
		rec->nfields = 0;
		rec->fields = NULL;
		rec->lengths = NULL;
		return PCREG_OK;
	case PCREG__TEXT:
	case PCREG__ZIPPED:
		break;
	}
	return pcreg__csv_next(imp->db, &imp->csv, rec);
}

/* The SHA-256 of a whole file, as hex. */
static pcreg_status file_sha256(pcreg_db *db, const char *path, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	char buf[65536];
	size_t n, i;
	int err = 0;
	FILE *f = fopen(path, "rb");

	if (!f)
		return pcreg__error(db, PCREG_IO, "%s: cannot open: %s", path, strerror(errno));
	sha256_init(&ctx);
	while ((n = pcreg__file_read(f, path, buf, sizeof buf, &err)) > 0)
		sha256_update(&ctx, n, (const uint8_t *)buf);
	fclose(f);
	if (err)
		return pcreg__error(db, PCREG_IO, "%s: read failed: %s", path, strerror(err));
	sha256_digest(&ctx, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	return PCREG_OK;
}

static pcreg_status source_sha256(pcreg_import *imp, char out[65])
{
	if (imp->container == PCREG__TEXT || imp->container == PCREG__ZIPPED)
		return pcreg__csv_sha256(imp->db, &imp->csv, out);
	return file_sha256(imp->db, imp->path, out);
}

static int64_t source_bytes_read(const pcreg_import *imp)
{
	switch (imp->container) {
	case PCREG__WORKBOOK:
		return imp->xlsx ? pcreg__xlsx_bytes_read(imp->xlsx) : 0;
	case PCREG__ODS_XML:
		return imp->ods ? pcreg__odsxml_bytes_read(imp->ods) : 0;
	case PCREG__TEXT:
	case PCREG__ZIPPED:
		break;
	}
	return imp->csv.bytes_read;
}

static int64_t source_bytes_total(const pcreg_import *imp)
{
	switch (imp->container) {
	case PCREG__WORKBOOK:
		return imp->xlsx ? pcreg__xlsx_bytes_total(imp->xlsx) : 0;
	case PCREG__ODS_XML:
		return imp->ods ? pcreg__odsxml_bytes_total(imp->ods) : 0;
	case PCREG__TEXT:
	case PCREG__ZIPPED:
		break;
	}
	return imp->csv.size;
}

static void source_close(pcreg_import *imp)
{
	pcreg__csv_close(&imp->csv);
	pcreg__xlsx_close(imp->xlsx);
	imp->xlsx = NULL;
	pcreg__odsxml_close(imp->ods);
	imp->ods = NULL;
	pcreg__free(imp->padded);
	pcreg__free(imp->padded_lengths);
	imp->padded = NULL;
	imp->padded_lengths = NULL;
}

/* ---- detection ---------------------------------------------------------------------------- */

/* The first bytes that are not white space or a byte order mark. */
static pcreg_status first_byte(pcreg_db *db, const char *path, int *out)
{
	FILE *f = fopen(path, "rb");
	struct stat info;
	int c, at = 0, failed;

	*out = EOF;
	/* As pcreg__csv_open() says it: a file that cannot be read (a
	 * directory reads as nothing) is PCREG_IO, not an empty file. */
	if (!f) {
		if (errno == ENOENT)
			return pcreg__error(db, PCREG_NOTFOUND, "%s: no such file", path);
		return pcreg__error(db, PCREG_IO, "%s: cannot open: %s", path, strerror(errno));
	}
	if (fstat(fileno(f), &info) == 0 && S_ISDIR(info.st_mode)) {
		fclose(f);
		return pcreg__error(db, PCREG_IO, "%s: is a directory", path);
	}
	/* Telling the kind reads the start of the file, and the import reads
	 * it again from the start: a pipe or a device cannot be read twice
	 * (a FIFO's second open would wait for a writer that has gone). */
	if (fstat(fileno(f), &info) == 0 && !S_ISREG(info.st_mode)) {
		fclose(f);
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: cannot tell what kind of file this is: it is not a regular"
		                    " file (a pipe or a device), which can be read only once; name"
		                    " its kind",
		                    path);
	}
	while ((c = fgetc(f)) != EOF) {
		if (at < 3 && (c == 0xEF || c == 0xBB || c == 0xBF)) {
			at++;
			continue;
		}
		if (!isspace(c))
			break;
	}
	failed = ferror(f);
	fclose(f);
	if (failed)
		return pcreg__error(db, PCREG_IO, "%s: read failed", path);
	*out = c;
	return PCREG_OK;
}

static pcreg_status recognise(pcreg_db *db, const char *path,
                              const struct pcreg__import_kind **out)
{
	struct pcreg__csv csv;
	struct pcreg__csv_record first, second;
	const char *firsts[64], *seconds[64];
	char texts[64][128];
	size_t first_lengths[64], second_lengths[64];
	char why[256];
	size_t columns;
	enum pcreg__container container;
	char entry[256];
	pcreg_status st;
	int c;

	*out = NULL;
	if ((st = first_byte(db, path, &c)) != PCREG_OK ||
	    (st = pcreg__container(db, path, &container, entry, sizeof entry)) != PCREG_OK)
		return st;
	if (container == PCREG__ODS_XML) {
		*out = &pcreg__import_ods_xml;
		return PCREG_OK;
	}
	/* Its two sheets are two kinds: a plan lists both, a caller names one. */
	if (container == PCREG__WORKBOOK)
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: an ePCN workbook holds two kinds of file, pcn-details and"
		                    " pcn-partners: import it as each (pcreg_import_plan_new() lists"
		                    " both)",
		                    path);
	if (c == EOF)
		return pcreg__error(db, PCREG_INVALID, "%s: cannot tell what kind of file this is:"
		                                       " it is empty",
		                    path);
	if (c == '{') {
		*out = &pcreg__import_registry_jsonl;
		return PCREG_OK;
	}
	if ((st = container == PCREG__ZIPPED ? pcreg__csv_open_zip(db, &csv, path, entry, 0)
	                                     : pcreg__csv_open(db, &csv, path, 0)) != PCREG_OK)
		goto done;
	if ((st = pcreg__csv_next(db, &csv, &first)) < 0)
		goto done;
	if (st == PCREG_DONE) {
		st = pcreg__error(db, PCREG_INVALID, "%s: cannot tell what kind of file this is:"
		                                     " it has no records",
		                  path);
		goto done;
	}
	/* The next read may move the first record's text: copy it (the first
	 * 64 fields tell every kind; the count is the file's own). */
	columns = first.nfields;
	first.nfields = first.nfields > 64 ? 64 : first.nfields;
	memcpy(first_lengths, first.lengths, first.nfields * sizeof *first_lengths);
	{
		size_t i;

		for (i = 0; i < first.nfields; i++) {
			snprintf(texts[i], sizeof texts[i], "%s", first.fields[i]);
			firsts[i] = texts[i];
		}
	}
	first.fields = firsts;
	first.lengths = first_lengths;
	st = pcreg__csv_next(db, &csv, &second);
	if (st < 0)
		goto done;
	if (st == PCREG_OK) {
		size_t i;

		second.nfields = second.nfields > 64 ? 64 : second.nfields;
		for (i = 0; i < second.nfields; i++) {
			seconds[i] = second.fields[i];
			second_lengths[i] = second.lengths[i];
		}
		second.fields = seconds;
		second.lengths = second_lengths;
	}
	*out = pcreg__import_recognise(&first, columns, st == PCREG_OK ? &second : NULL, why,
	                               sizeof why);
	st = *out ? PCREG_OK
	          : pcreg__error(db, PCREG_INVALID, "%s: cannot tell what kind of file this is: %s",
	                         path, why);
done:
	pcreg__csv_close(&csv);
	return st;
}

pcreg_status pcreg_import_detect(pcreg_db *db, const char *path, pcreg_import_kind_value *out)
{
	const struct pcreg__import_kind *kind;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, path, "pcreg_import_detect", "path")) != PCREG_OK ||
	    (st = pcreg__require(db, out, "pcreg_import_detect", "out")) != PCREG_OK)
		return st;
	if ((st = recognise(db, path, &kind)) != PCREG_OK)
		return st;
	*out = kind->kind;
	return PCREG_OK;
}

/* ---- the import's life ---------------------------------------------------------------------- */

static const char SQL_IMPORT_START[] =
	"INSERT INTO import (file_name, file_size, sha256, kind, mode, started_at)"
	" VALUES (?1, ?2, printf('%064d', 0), ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
static const char SQL_IMPORT_FINISH[] =
	"UPDATE import SET sha256 = ?2, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
	" rows_read = ?3, inserted = ?4, updated = ?5, unchanged = ?6, skipped = ?7, rejected = ?8,"
	" first_change = (SELECT min(id) FROM change WHERE id > ?9),"
	" last_change = (SELECT max(id) FROM change WHERE id > ?9)"
	" WHERE id = ?1";
static const char SQL_LAST_CHANGE[] = "SELECT coalesce(max(id), 0) FROM change";
static const char SQL_IMPORT_SKIP[] =
	"INSERT INTO import_skip (import_id, reason, rows) VALUES (?1, ?2, ?3)";
static const char SQL_IMPORT_REJECTION[] =
	"INSERT INTO import_rejection (import_id, line, field, reason) VALUES (?1, ?2, ?3, ?4)";

static pcreg_status exec(pcreg_db *db, const char *sql)
{
	return pcreg__exec_static(db, sql);
}

static pcreg_status record_rejection(pcreg_import *imp, int64_t line)
{
	pcreg_db *db = imp->db;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_IMPORT_REJECTION, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, imp->report->id);
	sqlite3_bind_int64(stmt, 2, line);
	sqlite3_bind_text(stmt, 3, imp->reject_field[0] ? imp->reject_field : NULL, -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, imp->reject_reason, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_IMPORT_REJECTION, stmt);
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(db, rc, "journal");
}

static pcreg_status record_skips(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	int i;

	for (i = 0; i < imp->report->nskips; i++) {
		sqlite3_stmt *stmt;
		pcreg_status st = pcreg__stmt_acquire(db, SQL_IMPORT_SKIP, &stmt);
		int rc;

		if (st != PCREG_OK)
			return st;
		sqlite3_bind_int64(stmt, 1, imp->report->id);
		sqlite3_bind_text(stmt, 2, imp->report->skips[i].text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, imp->report->skips[i].count);
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(db, SQL_IMPORT_SKIP, stmt);
		if (rc != SQLITE_DONE)
			return pcreg__sqlite_error(db, rc, "journal");
	}
	return PCREG_OK;
}

static pcreg_status start(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	/* One import at a time per handle: a second one's savepoint would
	 * share the first's name, and the first's rollback would silently
	 * undo an import that had reported itself committed. */
	if (db->importing)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_import_open: another import is under way on this handle;"
		                    " finish or free it first");
	imp->savepoint = db->in_transaction && !sqlite3_get_autocommit(db->sql);
	/* An import reads each page of a big registry once or twice: through
	 * the memory map those pages count in the process's resident size
	 * (133 MB re-importing a million rows), through reads they do not,
	 * and it is no slower (bench/README.md). Only outside a caller's
	 * transaction, where no page can still be in use. */
	if (!imp->savepoint && db->mapped) {
		if ((st = exec(db, "PRAGMA mmap_size = 0")) != PCREG_OK)
			return st;
		imp->unmapped = 1;
	}
	if ((st = exec(db, imp->savepoint ? "SAVEPOINT pcreg_import" : "BEGIN IMMEDIATE")) !=
	    PCREG_OK)
		return st;
	imp->open = 1;
	db->importing = 1;
	if ((st = pcreg__stmt_acquire(db, SQL_IMPORT_START, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, imp->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, imp->file_size);
	sqlite3_bind_text(stmt, 3, imp->kind->word, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, imp->mode == PCREG_IMPORT_LENIENT ? "lenient" : "strict", -1,
	                  SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_IMPORT_START, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, "journal");
	imp->report->id = sqlite3_last_insert_rowid(db->sql);
	if ((st = pcreg__stmt_acquire(db, SQL_LAST_CHANGE, &stmt)) != PCREG_OK)
		return st;
	rc = sqlite3_step(stmt);
	imp->changes_before = sqlite3_column_int64(stmt, 0);
	pcreg__stmt_release(db, SQL_LAST_CHANGE, stmt);
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(db, rc, "journal");
	/* National files are releases; the registry's own files and CQC's
	 * ratings are records, not evidence about memberships. */
	if (imp->kind->kind != PCREG_IMPORT_REGISTRY_CSV &&
	    imp->kind->kind != PCREG_IMPORT_REGISTRY_JSONL && imp->kind->kind != PCREG_IMPORT_CQC &&
	    (st = pcreg__evidence_begin(imp)) != PCREG_OK)
		return st;
	return imp->kind->begin ? imp->kind->begin(imp) : PCREG_OK;
}

/* Undoes start()'s switch. A failure (out of memory) only leaves the
 * handle reading without the map, which is slower, never wrong. */
static void map_again(pcreg_import *imp)
{
	if (imp->unmapped)
		sqlite3_exec(imp->db->sql, "PRAGMA mmap_size = " PCREG__MMAP_SIZE, NULL, NULL, NULL);
	imp->unmapped = 0;
}

static void rollback(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	pcreg_status saved = db->errcode;
	char message[PCREG__ERRMSG_SIZE];

	if (!imp->open) {
		map_again(imp);
		return;
	}
	imp->open = 0;
	db->importing = 0;
	memcpy(message, db->errmsg, sizeof message);
	bulk_off(imp);
	if (!sqlite3_get_autocommit(db->sql)) {
		if (imp->savepoint) {
			if (pcreg__undo(db, "ROLLBACK TO pcreg_import"))
				pcreg__undo(db, "RELEASE pcreg_import");
		} else {
			pcreg__undo(db, "ROLLBACK");
		}
	}
	map_again(imp);
	db->errcode = saved;
	memcpy(db->errmsg, message, sizeof message);
	imp->report->id = 0;
}

/* Every failure of an import names its file, and the line when the
 * failure came while reading a row: a full disk or an allocation failure
 * says which import it stopped ("practice: database or disk is full"
 * alone does not). Messages that name it already are left alone. */
static void name_the_file(pcreg_import *imp, int64_t line)
{
	pcreg_db *db = imp->db;
	size_t n = strlen(imp->path);
	char message[PCREG__ERRMSG_SIZE];

	/* A misuse is the caller's, not the file's. */
	if (db->errcode == PCREG_MISUSE ||
	    (strncmp(db->errmsg, imp->path, n) == 0 && (db->errmsg[n] == ':' || !db->errmsg[n])))
		return;
	snprintf(message, sizeof message, "%s", db->errmsg[0] ? db->errmsg : pcreg_status_str(db->errcode));
	if (line > 0)
		pcreg__error(db, db->errcode, "%s:%lld: %s", imp->path, (long long)line, message);
	else
		pcreg__error(db, db->errcode, "%s: %s", imp->path, message);
}

static pcreg_status fail_at(pcreg_import *imp, pcreg_status st, int64_t line)
{
	imp->failed = 1;
	imp->db->errcode = st;
	name_the_file(imp, line);
	rollback(imp);
	return st;
}

static pcreg_status fail(pcreg_import *imp, pcreg_status st)
{
	return fail_at(imp, st, imp->line);
}

static pcreg_status finish(pcreg_import *imp)
{
	pcreg_db *db = imp->db;
	pcreg_import_report *r = imp->report;
	char sha[65];
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	/* A national file without rows is a broken download; the registry's
	 * own export of an entity with no rows is a header alone (CSV) or
	 * nothing (JSON Lines), and must load back. */
	if (r->rows_read == 0 &&
	    !(imp->kind->kind == PCREG_IMPORT_REGISTRY_CSV && imp->header_done) &&
	    imp->kind->kind != PCREG_IMPORT_REGISTRY_JSONL)
		return pcreg__error(db, PCREG_INVALID, "%s: %s", imp->path,
		                    imp->header_done ? "a header and no rows" : "the file is empty");
	/* Indexes first: the kind's end may need them (a full-text rebuild). */
	if ((imp->bulk && (st = pcreg__bulk_end(imp)) != PCREG_OK) ||
	    (imp->kind->end && (st = imp->kind->end(imp)) != PCREG_OK) ||
	    (st = source_sha256(imp, sha)) != PCREG_OK ||
	    (st = record_skips(imp)) != PCREG_OK ||
	    (st = pcreg__evidence_commit(imp, sha)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, SQL_IMPORT_FINISH, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_int64(stmt, 1, r->id);
	sqlite3_bind_text(stmt, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, r->rows_read);
	sqlite3_bind_int64(stmt, 4, r->inserted);
	sqlite3_bind_int64(stmt, 5, r->updated);
	sqlite3_bind_int64(stmt, 6, r->unchanged);
	sqlite3_bind_int64(stmt, 7, r->skipped);
	sqlite3_bind_int64(stmt, 8, r->rejected);
	sqlite3_bind_int64(stmt, 9, imp->changes_before);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_IMPORT_FINISH, stmt);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, "journal");
	if ((st = exec(db, imp->savepoint ? "RELEASE pcreg_import" : "COMMIT")) != PCREG_OK)
		return st;
	map_again(imp);
	imp->open = 0;
	db->importing = 0;
	imp->finished = 1;
	return PCREG_DONE;
}

static pcreg_status keep_rejection(pcreg_import *imp, int64_t line)
{
	pcreg_import_report *r = imp->report;
	struct pcreg__rejection *grown;
	char *field, *reason;

	if (r->nrejections >= MAX_REJECTIONS)
		return PCREG_OK;
	grown = pcreg__realloc(r->rejections, (size_t)(r->nrejections + 1) * sizeof *grown);
	if (!grown)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	r->rejections = grown;
	field = imp->reject_field[0] ? pcreg__strdup(imp->reject_field) : NULL;
	reason = pcreg__strdup(imp->reject_reason);
	/* A rejection is described whole or not at all. */
	if (!reason || (imp->reject_field[0] && !field)) {
		pcreg__free(field);
		pcreg__free(reason);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	grown[r->nrejections].line = line;
	grown[r->nrejections].field = field;
	grown[r->nrejections].reason = reason;
	r->nrejections++;
	return PCREG_OK;
}

/* What field @p i of a row is called in messages: its header's name, or
 * its column number in a file without a header. */
static const char *field_name(pcreg_import *imp, size_t i, char buf[32])
{
	if (i < imp->nheader && imp->header[i][0])
		return imp->header[i];
	snprintf(buf, 32, "column %zu", i + 1);
	return buf;
}

/* Why a field's bytes are not text, into @p why; 0 if they are. National
 * files are ASCII or UTF-8: a NUL would cut the value short where it is
 * stored, and bytes that are not UTF-8 would be stored raw and break
 * every JSON export. */
static int not_text(const char *text, size_t length, const char *noun, char *why, size_t size)
{
	const uint8_t *bad;

	if (memchr(text, '\0', length)) {
		snprintf(why, size, "holds a NUL byte");
		return 1;
	}
	bad = u8_check((const uint8_t *)text, length);
	if (bad) {
		snprintf(why, size,
		         "is not UTF-8 (byte 0x%02X at position %zu of the %s); the registry's own"
		         " files are UTF-8",
		         *bad, (size_t)(bad - (const uint8_t *)text) + 1, noun);
		return 1;
	}
	return 0;
}

/* Rejects the row if a field is not text (see not_text()). */
static pcreg_status check_text(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	/* JSON Lines: the record is the line. */
	int whole_line = imp->kind->kind == PCREG_IMPORT_REGISTRY_JSONL;
	char why[128], name[32];
	size_t i;

	for (i = 0; i < rec->nfields; i++)
		if (not_text(rec->fields[i], rec->lengths[i], whole_line ? "line" : "field", why,
		             sizeof why))
			return whole_line ? pcreg__reject(imp, NULL, "the line %s", why)
			                  : pcreg__reject(imp, field_name(imp, i, name), "%s", why);
	return PCREG_OK;
}

/* The header: its names are kept for messages; a header that is not text
 * refuses the whole file. */
static pcreg_status read_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	char why[128], name[32];
	size_t i, size = 0;
	char *text;

	for (i = 0; i < rec->nfields; i++) {
		if (not_text(rec->fields[i], rec->lengths[i], "field", why, sizeof why))
			return pcreg__error(imp->db, PCREG_INVALID, "%s:%lld: %s: %s", imp->path,
			                    (long long)rec->line, field_name(imp, i, name), why);
		size += rec->lengths[i] + 1;
	}
	/* One allocation: the pointers, then the names. */
	imp->header = pcreg__malloc(rec->nfields * sizeof *imp->header + size);
	if (!imp->header)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	text = (char *)(imp->header + rec->nfields);
	for (i = 0; i < rec->nfields; i++) {
		imp->header[i] = text;
		memcpy(text, rec->fields[i], rec->lengths[i] + 1);
		text += rec->lengths[i] + 1;
	}
	imp->nheader = rec->nfields;
	return PCREG_OK;
}

static pcreg_status handle_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	pcreg_import_report *r = imp->report;
	int lenient = imp->mode == PCREG_IMPORT_LENIENT;
	pcreg_status st;

	r->rows_read++;
	imp->rec = rec;
	imp->outcome = PCREG__ROW_UNCHANGED;
	/* A bad row in a lenient import must leave nothing behind. */
	if (lenient && (st = exec(imp->db, "SAVEPOINT pcreg_row")) != PCREG_OK)
		return st;
	if ((st = check_text(imp, rec)) < 0 ||
	    (imp->outcome != PCREG__ROW_REJECTED && (st = imp->kind->row(imp, rec)) < 0))
		return st;
	switch (imp->outcome) {
	case PCREG__ROW_INSERTED:
		r->inserted++;
		break;
	case PCREG__ROW_UPDATED:
		r->updated++;
		break;
	case PCREG__ROW_UNCHANGED:
		r->unchanged++;
		break;
	case PCREG__ROW_SKIPPED:
		r->skipped++;
		break;
	case PCREG__ROW_REJECTED:
		r->rejected++;
		if ((st = keep_rejection(imp, rec->line)) != PCREG_OK)
			return st;
		if (!lenient) {
			if (imp->reject_field[0])
				return pcreg__error(imp->db, imp->reject_status, "%s:%lld: %s: %s",
				                    imp->path, (long long)rec->line, imp->reject_field,
				                    imp->reject_reason);
			return pcreg__error(imp->db, imp->reject_status, "%s:%lld: %s", imp->path,
			                    (long long)rec->line, imp->reject_reason);
		}
		if ((st = exec(imp->db, "ROLLBACK TO pcreg_row")) != PCREG_OK ||
		    (st = exec(imp->db, "RELEASE pcreg_row")) != PCREG_OK)
			return st;
		return record_rejection(imp, rec->line);
	}
	return lenient ? exec(imp->db, "RELEASE pcreg_row") : PCREG_OK;
}

pcreg_status pcreg_import_step(pcreg_import *imp, int rows)
{
	int done = 0;

	if (!imp)
		return PCREG_MISUSE;
	if (imp->db->closing)
		return PCREG_MISUSE;
	if (imp->finished)
		return PCREG_DONE;
	if (imp->failed)
		return pcreg__error(imp->db, PCREG_MISUSE, "pcreg_import_step: the import failed");
	pcreg__clear_error(imp->db);
	while (rows <= 0 || done < rows) {
		struct pcreg__csv_record rec;
		pcreg_status st = source_next(imp, &rec);

		if (st == PCREG_DONE) {
			st = finish(imp);
			return st == PCREG_DONE ? st : fail_at(imp, st, 0);
		}
		if (st != PCREG_OK)
			return fail(imp, st);
		imp->line = rec.line;
		if (imp->kind->has_header && !imp->header_done) {
			imp->header_done = 1;
			imp->rec = &rec;
			if ((st = read_header(imp, &rec)) != PCREG_OK ||
			    (imp->kind->header && (st = imp->kind->header(imp, &rec)) != PCREG_OK))
				return fail(imp, st);
			continue;
		}
		if ((st = handle_row(imp, &rec)) != PCREG_OK)
			return fail(imp, st);
		done++;
	}
	return PCREG_OK;
}

pcreg_status pcreg_import_open(pcreg_db *db, const char *path, const pcreg_import_options *opts,
                               pcreg_import **out)
{
	static const pcreg_import_options defaults = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import *imp;
	const char *slash, *released;
	pcreg_status st = pcreg__enter_write(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_import_open", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, path, "pcreg_import_open", "path")) != PCREG_OK)
		return st;
	if (!opts)
		opts = &defaults;
	/* Version 1 had no release date; its callers still work. */
	if (opts->version != 1 &&
	    (st = pcreg__check_version(db, opts->version, PCREG_IMPORT_OPTIONS_VERSION,
	                               "pcreg_import_open", "options")) != PCREG_OK)
		return st;
	released = opts->version >= 2 ? opts->released : NULL;
	if (released && !pcreg__date_valid(released))
		return pcreg__error(db, PCREG_INVALID,
		                    "options.released: \"%.40s\" is not a date (YYYY-MM-DD)", released);
	if (opts->kind < 0 || opts->kind >= N_KINDS)
		return pcreg__error(db, PCREG_INVALID, "options.kind: %d is not a kind of file",
		                    opts->kind);
	if (opts->mode != PCREG_IMPORT_STRICT && opts->mode != PCREG_IMPORT_LENIENT)
		return pcreg__error(db, PCREG_INVALID, "options.mode: %d is not strict or lenient",
		                    opts->mode);

	/* "-" is standard input, which can be read once: it is text of a
	 * kind the caller names (a workbook or ODS XML is read from its file). */
	if (strcmp(path, "-") == 0 && opts->kind == PCREG_IMPORT_AUTO)
		return pcreg__error(db, PCREG_INVALID,
		                    "stdin: standard input can be read only once: name its kind");
	if (strcmp(path, "-") == 0 && opts->kind == PCREG_IMPORT_ODS_XML)
		return pcreg__error(db, PCREG_INVALID,
		                    "stdin: ODS XML is read from its file (or zip), not standard input");
	imp = pcreg__calloc(1, sizeof *imp);
	if (!imp)
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	imp->from_stdin = strcmp(path, "-") == 0;
	imp->db = db;
	imp->mode = (pcreg_import_mode_value)opts->mode;
	if (released)
		memcpy(imp->released, released, 11);
	imp->report = pcreg__calloc(1, sizeof *imp->report);
	imp->path = pcreg__strdup(imp->from_stdin ? "stdin" : path);
	if (!imp->report || !imp->path) {
		pcreg_import_free(imp);
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	}
	slash = strrchr(imp->path, '/');
	imp->name = slash ? slash + 1 : imp->path;
	if (opts->kind != PCREG_IMPORT_AUTO)
		imp->kind = kinds[opts->kind];
	else if ((st = recognise(db, path, &imp->kind)) != PCREG_OK) {
		pcreg_import_free(imp);
		return st;
	}
	imp->report->kind = imp->kind->kind;
	imp->report->file = pcreg__strdup(imp->name);
	if (!imp->report->file) {
		pcreg_import_free(imp);
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	}
	if ((st = source_open(imp)) != PCREG_OK || (st = start(imp)) != PCREG_OK) {
		name_the_file(imp, 0);
		rollback(imp);
		pcreg_import_free(imp);
		return st;
	}
	pcreg__iterator_opened(db);
	imp->counted = 1;
	*out = imp;
	return PCREG_OK;
}

int64_t pcreg_import_bytes_read(const pcreg_import *imp)
{
	return imp ? source_bytes_read(imp) : 0;
}

int64_t pcreg_import_bytes_total(const pcreg_import *imp)
{
	return imp ? source_bytes_total(imp) : 0;
}

const pcreg_import_report *pcreg_import_get_report(const pcreg_import *imp)
{
	return imp ? imp->report : NULL;
}

static void release(pcreg_import *imp, int detach_report)
{
	pcreg_db *db = imp->db;
	int i;
	int counted = imp->counted;

	if (!imp->finished && !imp->failed)
		rollback(imp);
	if (imp->kind && imp->kind->free_state)
		imp->kind->free_state(imp);
	free_dropped(imp);
	pcreg__free(imp->header);
	for (i = 0; i < 4; i++)
		pcreg__record_free(imp->membership[i]);
	source_close(imp);
	if (!detach_report)
		pcreg_import_report_free(imp->report);
	pcreg__free(imp->path);
	pcreg__free(imp);
	/* Open imports count as iterators: they keep a closed handle alive. */
	if (counted)
		pcreg__iterator_closed(db);
}

void pcreg_import_free(pcreg_import *imp)
{
	if (imp)
		release(imp, 0);
}

pcreg_status pcreg_import_file(pcreg_db *db, const char *path, const pcreg_import_options *opts,
                               pcreg_import_report **out)
{
	pcreg_import *imp = NULL;
	pcreg_status st;

	if (!db)
		return PCREG_MISUSE;
	if ((st = pcreg__require(db, out, "pcreg_import_file", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg_import_open(db, path, opts, &imp)) != PCREG_OK)
		return st;
	st = pcreg_import_step(imp, 0);
	*out = imp->report;
	release(imp, 1);
	return st == PCREG_DONE ? PCREG_OK : st;
}

pcreg_status pcreg_import_auto(pcreg_db *db, const char *path, int mode,
                               pcreg_import_report **out)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;

	opts.mode = mode;
	return pcreg_import_file(db, path, &opts, out);
}

int pcreg__field_index(const struct pcreg__entity *entity, const char *name)
{
	int i;

	for (i = 0; i < entity->nfields; i++)
		if (strcmp(entity->fields[i].name, name) == 0)
			return i;
	return -1;
}

/* ---- memberships from files ------------------------------------------------------------- */

pcreg_status pcreg__upsert_membership(pcreg_import *imp, pcreg_membership_kind_value kind,
                                      const char *practice, const char *organisation,
                                      const char *from, const char *to)
{
	/* What the file says is evidence; the periods are derived from all of
	 * it when the import ends (evidence.c). */
	return pcreg__claim_period(imp, kind == PCREG_MEMBERSHIP_COMMISSIONER ? "commissioner"
	                                                                    : "network",
	                           practice, organisation, from, to);
}

static const char SQL_PRACTICE_KNOWN[] = "SELECT 1 FROM practice WHERE code = ?1";
static const char SQL_OTHER_SETTING[] =
	"SELECT prescribing_setting FROM other_organisation WHERE code = ?1";

pcreg_status pcreg__find_practice(pcreg_import *imp, const char *code, const char *field,
                                  int *known)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	*known = 0;
	if (!pcreg__code(imp, code, field, pcreg__shape_org_code))
		return PCREG_OK;
	if ((st = pcreg__exists(imp, SQL_PRACTICE_KNOWN, code, known)) != PCREG_OK || *known)
		return st;
	if ((st = pcreg__stmt_acquire(imp->db, SQL_OTHER_SETTING, &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		char reason[64];

		snprintf(reason, sizeof reason, "not a GP practice: prescribing setting %d",
		         sqlite3_column_int(stmt, 0));
		st = pcreg__skip(imp, reason);
	} else if (rc == SQLITE_DONE && imp->claims) {
		/* What the row says of the practice is kept as evidence and counts
		 * once a release of epraccur lists it: load order does not matter. */
		st = pcreg__skip(imp, "practice not in the registry yet: kept as evidence only");
	} else if (rc == SQLITE_DONE) {
		st = pcreg__reject_reference(imp, field, "practice %s is not in the registry", code);
	} else {
		st = pcreg__sqlite_error(imp->db, rc, "practice");
	}
	pcreg__stmt_release(imp->db, SQL_OTHER_SETTING, stmt);
	return st;
}
