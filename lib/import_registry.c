/*
 * import_registry.c: the registry's own exports, CSV or JSON Lines, read
 * back. A CSV export's header is its entity's field names, in order; a
 * JSON Lines export's objects have them as keys. Ids are kept: they are
 * keys other rows and later imports refer to.
 *
 * References are checked at the end of the file rather than row by row,
 * so a commissioner may come before its parent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

struct registry {
	const struct pcreg__entity *entity;
	const char *table;
	struct pcreg__record *rec;
	sqlite3_stmt *extract; /* JSON Lines: the fields of one object */
	int deferred;          /* PRAGMA defer_foreign_keys is on */
};

static void registry_free(pcreg_import *imp)
{
	struct registry *s = imp->state;

	if (s) {
		/* Set for the import's references to be checked at its end; a
		 * failed import must not leave it on in a caller's transaction
		 * (SQLite resets it only when that transaction ends). */
		if (s->deferred)
			pcreg__undo(imp->db, "PRAGMA defer_foreign_keys = OFF");
		sqlite3_finalize(s->extract);
		pcreg__record_free(s->rec);
		pcreg__free(s);
	}
}

/* The entity whose field names are exactly these, in this order. */
static const struct pcreg__table *table_for(const char *const *names, size_t n)
{
	int t;

	for (t = 0; t < pcreg__table_count; t++) {
		const struct pcreg__entity *e = pcreg__table_entity(&pcreg__tables[t]);
		size_t i;

		if ((size_t)e->nfields != n)
			continue;
		for (i = 0; i < n && strcmp(e->fields[i].name, names[i]) == 0; i++)
			;
		if (i == n)
			return &pcreg__tables[t];
	}
	return NULL;
}

static pcreg_status use_table(pcreg_import *imp, const struct pcreg__table *table)
{
	struct registry *s = pcreg__calloc(1, sizeof *s);

	imp->state = s;
	if (!s)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	s->entity = pcreg__table_entity(table);
	s->table = table->table;
	if (pcreg__record_new(s->entity, &s->rec) != PCREG_OK)
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	s->deferred = 1;
	return pcreg__exec_static(imp->db, "PRAGMA defer_foreign_keys = ON");
}

static pcreg_status csv_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	const struct pcreg__table *table = table_for(rec->fields, rec->nfields);

	if (!table)
		return pcreg__error(imp->db, PCREG_INVALID,
		                    "%s:%lld: the header is not the field names of an entity (as"
		                    " \"pcreg export\" writes them)",
		                    imp->path, (long long)rec->line);
	return use_table(imp, table);
}

/* One value from text, by its field's type; 0 after rejecting the row. */
static int set_value(pcreg_import *imp, struct registry *s, int i, const char *text)
{
	const struct pcreg__field *f = &s->entity->fields[i];
	char *end;

	if (!text) {
		pcreg__borrow_text(s->rec, i, NULL);
		return 1;
	}
	switch (f->type) {
	case PCREG__T_DATE:
		/* Checked here too, so that the refusal names the file's column
		 * (the record would name "entity.field"). */
		if (!pcreg__date_valid(text)) {
			pcreg__reject(imp, f->name, "\"%.40s\" is not a real date (YYYY-MM-DD)", text);
			return 0;
		}
		pcreg__borrow_text(s->rec, i, text);
		return 1;
	case PCREG__T_TEXT:
		pcreg__borrow_text(s->rec, i, text);
		return 1;
	case PCREG__T_INT: {
		long long v;

		errno = 0;
		v = strtoll(text, &end, 10);
		if (*end || errno) {
			pcreg__reject(imp, f->name, "\"%.30s\" is not a whole number", text);
			return 0;
		}
		pcreg__borrow_int(s->rec, i, v, 1);
		return 1;
	}
	case PCREG__T_REAL: {
		double v = strtod(text, &end);

		if (*end) {
			pcreg__reject(imp, f->name, "\"%.30s\" is not a number", text);
			return 0;
		}
		pcreg__borrow_real(s->rec, i, v, 1);
		return 1;
	}
	case PCREG__T_ENUM: {
		int v = pcreg__enum_value(f->tokens, text);

		if (!v) {
			pcreg__reject(imp, f->name, "\"%.30s\" is not one of the allowed values", text);
			return 0;
		}
		pcreg__borrow_int(s->rec, i, v, 1);
		return 1;
	}
	}
	return 1;
}

static pcreg_status csv_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct registry *s = imp->state;
	int i;

	if (!pcreg__columns(imp, (size_t)s->entity->nfields))
		return PCREG_OK;
	/* Values exactly as exported: no trimming; empty is NULL (no field
	 * may hold empty text). */
	for (i = 0; i < s->entity->nfields; i++)
		if (!set_value(imp, s, i, rec->fields[i][0] ? rec->fields[i] : NULL))
			return PCREG_OK;
	return pcreg__upsert(imp, s->rec, ~0u, NULL);
}

/* Every reference must hold once the whole file is in. */
static pcreg_status registry_end(pcreg_import *imp)
{
	struct registry *s = imp->state;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if (!s)
		return PCREG_OK;
	if ((st = pcreg__stmt_prepare(imp->db, "PRAGMA foreign_key_check", &stmt)) != PCREG_OK)
		return st;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(stmt, 0);
		const char *parent = (const char *)sqlite3_column_text(stmt, 2);

		st = table && parent
		             ? pcreg__error(imp->db, PCREG_CONSTRAINT,
		                            "%s: a row of %s refers to a %s that is not in the registry"
		                            " (import the files an export writes in their order)",
		                            imp->path, table, parent)
		             : pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	} else if (rc != SQLITE_DONE)
		st = pcreg__sqlite_error(imp->db, rc, "checking references");
	sqlite3_finalize(stmt);
	if (st == PCREG_OK && (st = pcreg__exec_static(imp->db, "PRAGMA defer_foreign_keys = OFF")) ==
	                          PCREG_OK)
		s->deferred = 0;
	return st;
}

const struct pcreg__import_kind pcreg__import_registry_csv = {
	PCREG_IMPORT_REGISTRY_CSV, "registry-csv", 1, NULL, csv_header, csv_row, registry_end,
	registry_free,
};

/* ---- JSON Lines ---------------------------------------------------------------------- */

/* The first object's keys name the entity; SQLite's JSON functions read
 * each line's values. */
static pcreg_status jsonl_start(pcreg_import *imp, const char *line)
{
	const char *names[24];
	char keys[24][48];
	char sql[2048];
	size_t n = 0, len;
	sqlite3_stmt *stmt;
	const struct pcreg__table *table;
	struct registry *s;
	pcreg_status st;
	int rc, i, is_object;

	/* json_each() of a scalar gives one row with no key: ask first whether
	 * the line is an object. json_type() fails on malformed JSON with
	 * SQLITE_ERROR and on an allocation failure with SQLITE_NOMEM (where
	 * json_valid() would answer "no"), so only a real answer says the line
	 * is bad. */
	if ((st = pcreg__stmt_prepare(imp->db, "SELECT json_type(?1) = 'object'", &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, line, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	is_object = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_ERROR)
		return pcreg__sqlite_error(imp->db, rc, "reading JSON");
	if (!is_object)
		return pcreg__error(imp->db, PCREG_INVALID, "%s:%lld: is not a JSON object", imp->path,
		                    (long long)imp->rec->line);
	if ((st = pcreg__stmt_prepare(imp->db, "SELECT key FROM json_each(?1)", &stmt)) != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, line, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && n < 24) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);

		if (!key) {
			rc = SQLITE_NOMEM; /* an object's keys are never NULL */
			break;
		}
		snprintf(keys[n], sizeof keys[n], "%s", key);
		names[n] = keys[n];
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return pcreg__sqlite_error(imp->db, rc, "reading JSON");
	if (!(table = table_for(names, n)))
		return pcreg__error(imp->db, PCREG_INVALID,
		                    "%s:%lld: the keys are not the field names of an entity (as"
		                    " \"pcreg export\" writes them)",
		                    imp->path, (long long)imp->rec->line);
	if ((st = use_table(imp, table)) != PCREG_OK)
		return st;
	s = imp->state;
	/* Field names are the library's own identifiers; values are bound. */
	/* The line's type first: a later line may be an array or a scalar,
	 * whose fields json_extract() would give as NULL. */
	len = (size_t)snprintf(sql, sizeof sql, "SELECT json_type(?1)");
	for (i = 0; i < s->entity->nfields; i++)
		len += (size_t)snprintf(sql + len, sizeof sql - len, ", json_extract(?1, '$.%s')",
		                        s->entity->fields[i].name);
	return pcreg__stmt_prepare(imp->db, sql, &s->extract);
}

static pcreg_status jsonl_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct registry *s = imp->state;
	const char *line = rec->fields[0];
	const char *json_type;
	pcreg_status st;
	int rc, i;

	if (!s) {
		if ((st = jsonl_start(imp, line)) != PCREG_OK)
			return st;
		s = imp->state;
	}
	sqlite3_bind_text(s->extract, 1, line, -1, SQLITE_STATIC);
	rc = sqlite3_step(s->extract);
	if (rc != SQLITE_ROW) {
		/* json_extract() fails on malformed JSON with SQLITE_ERROR; any
		 * other failure (memory, I/O) is the import's, not the line's. */
		sqlite3_reset(s->extract);
		if ((rc & 0xff) != SQLITE_ERROR)
			return pcreg__sqlite_error(imp->db, rc, "reading JSON");
		return pcreg__reject(imp, NULL, "is not a JSON object");
	}
	json_type = (const char *)sqlite3_column_text(s->extract, 0);
	if (!json_type || strcmp(json_type, "object") != 0) {
		st = json_type || sqlite3_errcode(imp->db->sql) != SQLITE_NOMEM
		             ? pcreg__reject(imp, NULL, "is not a JSON object")
		             : pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
		sqlite3_reset(s->extract);
		return st;
	}
	st = PCREG_OK;
	for (i = 0; i < s->entity->nfields && imp->outcome != PCREG__ROW_REJECTED; i++) {
		const struct pcreg__field *f = &s->entity->fields[i];
		int type = sqlite3_column_type(s->extract, i + 1);

		if (type == SQLITE_NULL) {
			pcreg__borrow_text(s->rec, i, NULL);
		} else if (f->type == PCREG__T_INT && type == SQLITE_INTEGER) {
			pcreg__borrow_int(s->rec, i, sqlite3_column_int64(s->extract, i + 1), 1);
		} else if (f->type == PCREG__T_REAL &&
		           (type == SQLITE_FLOAT || type == SQLITE_INTEGER)) {
			pcreg__borrow_real(s->rec, i, sqlite3_column_double(s->extract, i + 1), 1);
		} else if (type == SQLITE_TEXT && f->type != PCREG__T_INT && f->type != PCREG__T_REAL) {
			const char *text = (const char *)sqlite3_column_text(s->extract, i + 1);

			if (!text) {
				st = pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
				break;
			}
			set_value(imp, s, i, text);
		} else {
			pcreg__reject(imp, f->name, "has the wrong type of JSON value");
		}
	}
	if (st == PCREG_OK && imp->outcome != PCREG__ROW_REJECTED)
		st = pcreg__upsert(imp, s->rec, ~0u, NULL);
	/* The values borrowed the statement's text until now. */
	sqlite3_reset(s->extract);
	return st;
}

const struct pcreg__import_kind pcreg__import_registry_jsonl = {
	PCREG_IMPORT_REGISTRY_JSONL, "registry-jsonl", 0, NULL, NULL, jsonl_row, registry_end,
	registry_free,
};
