/*
 * record.c: values, validation, and the generic get/insert/update/delete.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "record.h"

/* Entities have at most this many fields (the inspection has 12). */
#define MAX_FIELDS 24

/* ---- values ------------------------------------------------------------------ */

pcreg_status pcreg__record_new(const struct pcreg__entity *entity, struct pcreg__record **out)
{
	struct pcreg__record *rec = pcreg__calloc(
		1, sizeof *rec + (size_t)entity->nfields * sizeof rec->v[0]);

	*out = rec;
	if (!rec)
		return PCREG_NOMEM;
	rec->entity = entity;
	return PCREG_OK;
}

void pcreg__record_free(struct pcreg__record *rec)
{
	int i;

	if (!rec)
		return;
	for (i = 0; i < rec->entity->nfields; i++)
		if (rec->v[i].owned)
			pcreg__free((void *)rec->v[i].s);
	pcreg__free(rec);
}

const char *pcreg__enum_token(const char *const *tokens, int value)
{
	int i;

	if (value < 1)
		return NULL;
	for (i = 1; tokens[i]; i++)
		if (i == value)
			return tokens[i];
	return NULL;
}

int pcreg__enum_value(const char *const *tokens, const char *token)
{
	int i;

	if (!token)
		return 0;
	for (i = 1; tokens[i]; i++)
		if (strcasecmp(tokens[i], token) == 0)
			return i;
	return 0;
}

static void read_value(const struct pcreg__field *field, sqlite3_stmt *stmt, int col,
                       struct pcreg__value *value)
{
	value->owned = 0;
	value->s = NULL;
	value->i = 0;
	value->d = 0;
	value->present = sqlite3_column_type(stmt, col) != SQLITE_NULL;
	if (!value->present)
		return;
	switch (field->type) {
	case PCREG__T_TEXT:
	case PCREG__T_DATE:
		value->s = (const char *)sqlite3_column_text(stmt, col);
		break;
	case PCREG__T_INT:
		value->i = sqlite3_column_int64(stmt, col);
		break;
	case PCREG__T_REAL:
		value->d = sqlite3_column_double(stmt, col);
		break;
	case PCREG__T_ENUM:
		value->i = pcreg__enum_value(field->tokens,
		                             (const char *)sqlite3_column_text(stmt, col));
		break;
	}
}

void pcreg__record_borrow(struct pcreg__record *rec, sqlite3_stmt *stmt, int col0)
{
	int i;

	for (i = 0; i < rec->entity->nfields; i++)
		read_value(&rec->entity->fields[i], stmt, col0 + i, &rec->v[i]);
}

pcreg_status pcreg__record_read(const struct pcreg__entity *entity, sqlite3_stmt *stmt, int col0,
                                struct pcreg__record **out)
{
	struct pcreg__value values[MAX_FIELDS];
	size_t lengths[MAX_FIELDS];
	size_t header = sizeof **out + (size_t)entity->nfields * sizeof values[0];
	size_t text_bytes = 0;
	struct pcreg__record *rec;
	char *arena;
	int i;

	*out = NULL;
	/* One allocation holds the record and all its text: a look-up then
	 * costs one malloc however many fields it has. */
	for (i = 0; i < entity->nfields; i++) {
		read_value(&entity->fields[i], stmt, col0 + i, &values[i]);
		lengths[i] = values[i].s ? (size_t)sqlite3_column_bytes(stmt, col0 + i) : 0;
		if (values[i].s)
			text_bytes += lengths[i] + 1;
		else if ((entity->fields[i].type == PCREG__T_TEXT ||
		          entity->fields[i].type == PCREG__T_DATE) &&
		         values[i].present)
			return PCREG_NOMEM; /* SQLite could not make the text */
	}
	rec = pcreg__malloc(header + text_bytes);
	*out = rec;
	if (!rec)
		return PCREG_NOMEM;
	rec->entity = entity;
	arena = (char *)rec + header;
	for (i = 0; i < entity->nfields; i++) {
		rec->v[i] = values[i];
		if (values[i].s) {
			memcpy(arena, values[i].s, lengths[i]);
			arena[lengths[i]] = '\0';
			rec->v[i].s = arena;
			arena += lengths[i] + 1;
		}
	}
	return PCREG_OK;
}

int pcreg__record_bind(const struct pcreg__record *rec, sqlite3_stmt *stmt, int first)
{
	int count = sqlite3_bind_parameter_count(stmt);
	int i, rc = SQLITE_OK;

	for (i = 0; i < rec->entity->nfields && rc == SQLITE_OK; i++) {
		const struct pcreg__field *field = &rec->entity->fields[i];
		const struct pcreg__value *value = &rec->v[i];
		int param = first + i;

		if (param > count)
			break;
		if (!value->present) {
			rc = sqlite3_bind_null(stmt, param);
			continue;
		}
		switch (field->type) {
		case PCREG__T_TEXT:
		case PCREG__T_DATE:
			rc = sqlite3_bind_text(stmt, param, value->s, -1, SQLITE_STATIC);
			break;
		case PCREG__T_INT:
			rc = sqlite3_bind_int64(stmt, param, value->i);
			break;
		case PCREG__T_REAL:
			rc = sqlite3_bind_double(stmt, param, value->d);
			break;
		case PCREG__T_ENUM:
			rc = sqlite3_bind_text(stmt, param, pcreg__enum_token(field->tokens, (int)value->i),
			                       -1, SQLITE_STATIC);
			break;
		}
	}
	return rc;
}

const char *pcreg__record_text(const struct pcreg__record *rec, int field)
{
	return rec && rec->v[field].present ? rec->v[field].s : NULL;
}

int64_t pcreg__record_int(const struct pcreg__record *rec, int field)
{
	return rec && rec->v[field].present ? rec->v[field].i : 0;
}

double pcreg__record_real(const struct pcreg__record *rec, int field)
{
	return rec && rec->v[field].present ? rec->v[field].d : 0.0;
}

int pcreg__record_has(const struct pcreg__record *rec, int field)
{
	return rec && rec->v[field].present;
}

pcreg_status pcreg__record_clear(struct pcreg__record *rec, int field)
{
	struct pcreg__value *value;

	if (!rec)
		return PCREG_MISUSE;
	value = &rec->v[field];
	if (value->owned)
		pcreg__free((void *)value->s);
	memset(value, 0, sizeof *value);
	return PCREG_OK;
}

pcreg_status pcreg__record_set_text(struct pcreg__record *rec, int field, const char *text)
{
	char *copy;

	if (!rec)
		return PCREG_MISUSE;
	if (!text)
		return pcreg__record_clear(rec, field);
	copy = pcreg__strdup(text);
	if (!copy)
		return PCREG_NOMEM;
	pcreg__record_clear(rec, field);
	rec->v[field].present = 1;
	rec->v[field].owned = 1;
	rec->v[field].s = copy;
	return PCREG_OK;
}

pcreg_status pcreg__record_set_int(struct pcreg__record *rec, int field, int64_t value)
{
	if (!rec)
		return PCREG_MISUSE;
	pcreg__record_clear(rec, field);
	/* An enum's zero means "none". */
	rec->v[field].present = rec->entity->fields[field].type != PCREG__T_ENUM || value != 0;
	rec->v[field].i = value;
	return PCREG_OK;
}

pcreg_status pcreg__record_set_real(struct pcreg__record *rec, int field, double value)
{
	if (!rec)
		return PCREG_MISUSE;
	pcreg__record_clear(rec, field);
	rec->v[field].present = 1;
	rec->v[field].d = value;
	return PCREG_OK;
}

/* ---- validation -------------------------------------------------------------- */

static pcreg_status invalid(pcreg_db *db, const struct pcreg__record *rec, int field,
                            const char *what)
{
	return pcreg__error(db, PCREG_INVALID, "%s.%s: %s", rec->entity->name,
	                    rec->entity->fields[field].name, what);
}

/* NULL if the value is acceptable for its field, else what is wrong. */
static const char *check_value(const struct pcreg__field *field, const struct pcreg__value *value,
                               char *what, size_t size)
{
	const char *expected;

	if (!value->present) {
		if ((field->flags & PCREG__F_REQUIRED) && !(field->flags & PCREG__F_AUTO))
			return "is required";
		return NULL;
	}
	switch (field->type) {
	case PCREG__T_TEXT:
		if (value->s[0] == '\0')
			return "is empty";
		if (field->shape && (expected = field->shape(value->s)) != NULL) {
			snprintf(what, size, "\"%.60s\" is not %s", value->s, expected);
			return what;
		}
		return NULL;
	case PCREG__T_DATE:
		if (pcreg__date_valid(value->s))
			return NULL;
		snprintf(what, size, "\"%.40s\" is not a real date (YYYY-MM-DD)", value->s);
		return what;
	case PCREG__T_INT:
		if ((field->flags & PCREG__F_NONNEG) && value->i < 0) {
			snprintf(what, size, "%lld is negative", (long long)value->i);
			return what;
		}
		return NULL;
	case PCREG__T_REAL:
		if (value->d != value->d)
			return "is not a number";
		if ((field->flags & PCREG__F_NONNEG) && value->d < 0) {
			snprintf(what, size, "%g is negative", value->d);
			return what;
		}
		return NULL;
	case PCREG__T_ENUM:
		if (pcreg__enum_token(field->tokens, (int)value->i))
			return NULL;
		snprintf(what, size, "%lld is not one of the allowed values", (long long)value->i);
		return what;
	}
	return NULL;
}

pcreg_status pcreg__record_validate(pcreg_db *db, const struct pcreg__record *rec)
{
	int i;

	for (i = 0; i < rec->entity->nfields; i++) {
		char buffer[200];
		const char *what = check_value(&rec->entity->fields[i], &rec->v[i], buffer,
		                               sizeof buffer);

		if (what)
			return invalid(db, rec, i, what);
	}
	return rec->entity->check ? rec->entity->check(db, rec) : PCREG_OK;
}

const char *pcreg__record_key_problem(const struct pcreg__record *rec, int *field, char *buffer,
                                     size_t size)
{
	int i;

	for (i = 0; i < rec->entity->nkeys; i++) {
		const char *what;

		if ((rec->entity->fields[i].flags & PCREG__F_AUTO) && !rec->v[i].present)
			continue;
		what = check_value(&rec->entity->fields[i], &rec->v[i], buffer, size);
		if (what) {
			*field = i;
			return what;
		}
	}
	return NULL;
}

/* ---- generic operations ---------------------------------------------------------- */

void pcreg__describe_key(const struct pcreg__entity *entity, const struct pcreg__key *key,
                         char *out, size_t size)
{
	if (entity->fields[0].flags & PCREG__F_AUTO)
		snprintf(out, size, "%s %lld", entity->name, (long long)key->id);
	else if (entity->nkeys == 1)
		snprintf(out, size, "%s %s", entity->name, key->text[0]);
	else if (entity->nkeys == 2)
		snprintf(out, size, "%s %s %s", entity->name, key->text[0], key->text[1]);
	else
		snprintf(out, size, "%s %s %s %s", entity->name, key->text[0], key->text[1],
		         key->text[2]);
}

static int bind_key(const struct pcreg__entity *entity, const struct pcreg__key *key,
                    sqlite3_stmt *stmt)
{
	int i, rc = SQLITE_OK;

	if (entity->fields[0].flags & PCREG__F_AUTO)
		return sqlite3_bind_int64(stmt, 1, key->id);
	for (i = 0; i < entity->nkeys && rc == SQLITE_OK; i++)
		rc = sqlite3_bind_text(stmt, i + 1, key->text[i], -1, SQLITE_STATIC);
	return rc;
}

static void key_of(const struct pcreg__record *rec, struct pcreg__key *key)
{
	int i;

	memset(key, 0, sizeof *key);
	key->id = rec->v[0].i;
	for (i = 0; i < rec->entity->nkeys && i < 3; i++)
		key->text[i] = rec->v[i].present ? rec->v[i].s : "";
}

static pcreg_status check_key_args(pcreg_db *db, const struct pcreg__entity *entity,
                                   const struct pcreg__key *key, const char *function)
{
	int i;

	if (entity->fields[0].flags & PCREG__F_AUTO)
		return PCREG_OK;
	for (i = 0; i < entity->nkeys; i++)
		if (!key->text[i])
			return pcreg__error(db, PCREG_MISUSE, "pcreg_%s_%s: %s is NULL", entity->name,
			                    function, entity->fields[i].name);
	return PCREG_OK;
}

pcreg_status pcreg__entity_get(pcreg_db *db, const struct pcreg__entity *entity,
                               const struct pcreg__key *key, struct pcreg__record **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	*out = NULL;
	if ((st = check_key_args(db, entity, key, "get")) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, entity->sql_get, &stmt)) != PCREG_OK)
		return st;
	rc = bind_key(entity, key, stmt);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		st = pcreg__record_read(entity, stmt, 0, out);
		if (st == PCREG_NOMEM)
			pcreg__error(db, st, "out of memory");
	} else if (rc == SQLITE_DONE) {
		char what[160];

		pcreg__describe_key(entity, key, what, sizeof what);
		st = pcreg__error(db, PCREG_NOTFOUND, "%s: not found", what);
	} else {
		st = pcreg__sqlite_error(db, rc, entity->name);
	}
	pcreg__stmt_release(db, entity->sql_get, stmt);
	return st;
}

/* SQLite says only that some reference failed; find which. */
static pcreg_status explain_reference(pcreg_db *db, const struct pcreg__record *rec)
{
	int i;

	for (i = 0; i < rec->entity->nreferences; i++) {
		const struct pcreg__reference *ref = &rec->entity->references[i];
		const struct pcreg__value *value = &rec->v[ref->field];
		sqlite3_stmt *stmt;
		int rc;

		if (!value->present)
			continue;
		if (pcreg__stmt_acquire(db, ref->sql, &stmt) != PCREG_OK)
			return db->errcode;
		sqlite3_bind_text(stmt, 1, value->s, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		pcreg__stmt_release(db, ref->sql, stmt);
		if (rc == SQLITE_DONE)
			return pcreg__error(db, PCREG_CONSTRAINT, "%s.%s: no %s %s in the registry",
			                    rec->entity->name, rec->entity->fields[ref->field].name,
			                    ref->what, value->s);
		if (rc != SQLITE_ROW)
			return pcreg__sqlite_error(db, rc, rec->entity->name);
	}
	return pcreg__error(db, PCREG_CONSTRAINT, "%s: refers to a row that does not exist",
	                    rec->entity->name);
}

static pcreg_status write_failed(pcreg_db *db, const struct pcreg__record *rec, int rc,
                                 int updating)
{
	char what[160];
	struct pcreg__key key;

	switch (rc) {
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return explain_reference(db, rec);
	case SQLITE_CONSTRAINT_PRIMARYKEY:
	case SQLITE_CONSTRAINT_UNIQUE:
		key_of(rec, &key);
		pcreg__describe_key(rec->entity, &key, what, sizeof what);
		return pcreg__error(db, PCREG_EXISTS, "%s: already exists (%s)", what,
		                    sqlite3_errmsg(db->sql));
	case SQLITE_CONSTRAINT_TRIGGER:
		if (rec->entity->explain_conflict) {
			pcreg_status st = rec->entity->explain_conflict(db, rec, updating);

			if (st != PCREG_OK)
				return st;
		}
		break;
	default:
		break;
	}
	return pcreg__sqlite_error(db, rc, rec->entity->name);
}

pcreg_status pcreg__entity_insert(pcreg_db *db, struct pcreg__record *rec)
{
	const struct pcreg__entity *entity = rec->entity;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if ((st = pcreg__record_validate(db, rec)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, entity->sql_insert, &stmt)) != PCREG_OK)
		return st;
	rc = pcreg__record_bind(rec, stmt, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, entity->sql_insert, stmt);
	if (rc != SQLITE_DONE)
		return write_failed(db, rec, rc, 0);
	if (entity->fields[0].flags & PCREG__F_AUTO) {
		rec->v[0].present = 1;
		rec->v[0].i = sqlite3_last_insert_rowid(db->sql);
	}
	return PCREG_OK;
}

pcreg_status pcreg__entity_update(pcreg_db *db, const struct pcreg__record *rec)
{
	const struct pcreg__entity *entity = rec->entity;
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if ((entity->fields[0].flags & PCREG__F_AUTO) && !rec->v[0].present)
		return pcreg__error(db, PCREG_INVALID, "%s.%s: is required to update", entity->name,
		                    entity->fields[0].name);
	if ((st = pcreg__record_validate(db, rec)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, entity->sql_update, &stmt)) != PCREG_OK)
		return st;
	rc = pcreg__record_bind(rec, stmt, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, entity->sql_update, stmt);
	if (rc != SQLITE_DONE)
		return write_failed(db, rec, rc, 1);
	if (sqlite3_changes(db->sql) == 0) {
		char what[160];
		struct pcreg__key key;

		key_of(rec, &key);
		pcreg__describe_key(entity, &key, what, sizeof what);
		return pcreg__error(db, PCREG_NOTFOUND, "%s: not found", what);
	}
	return PCREG_OK;
}

/* SQLite says only that a reference would dangle; say what depends. */
static pcreg_status explain_dependents(pcreg_db *db, const struct pcreg__entity *entity,
                                       const struct pcreg__key *key)
{
	char message[PCREG__ERRMSG_SIZE];
	size_t len;
	int i, found = 0;

	pcreg__describe_key(entity, key, message, sizeof message);
	len = strlen(message);
	len += (size_t)snprintf(message + len, sizeof message - len, ": cannot delete: ");
	for (i = 0; i < entity->ndependents && len < sizeof message; i++) {
		const struct pcreg__dependent *dep = &entity->dependents[i];
		sqlite3_stmt *stmt;
		int rc;

		if (pcreg__stmt_acquire(db, dep->sql, &stmt) != PCREG_OK)
			return db->errcode;
		rc = bind_key(entity, key, stmt);
		if (rc == SQLITE_OK)
			rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW && sqlite3_column_int64(stmt, 0) > 0) {
			len += (size_t)snprintf(message + len, sizeof message - len,
			                        "%s%lld %s depend on it (e.g. %s)", found ? "; " : "",
			                        (long long)sqlite3_column_int64(stmt, 0), dep->what,
			                        (const char *)sqlite3_column_text(stmt, 1));
			found++;
		}
		pcreg__stmt_release(db, dep->sql, stmt);
		if (rc != SQLITE_ROW)
			return pcreg__sqlite_error(db, rc, entity->name);
	}
	if (!found)
		return pcreg__error(db, PCREG_CONSTRAINT, "%s other rows depend on it", message);
	return pcreg__error(db, PCREG_CONSTRAINT, "%s", message);
}

pcreg_status pcreg__entity_delete(pcreg_db *db, const struct pcreg__entity *entity,
                                  const struct pcreg__key *key)
{
	sqlite3_stmt *stmt;
	pcreg_status st;
	int rc;

	if ((st = check_key_args(db, entity, key, "delete")) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, entity->sql_delete, &stmt)) != PCREG_OK)
		return st;
	rc = bind_key(entity, key, stmt);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, entity->sql_delete, stmt);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return explain_dependents(db, entity, key);
	if (rc != SQLITE_DONE)
		return pcreg__sqlite_error(db, rc, entity->name);
	if (sqlite3_changes(db->sql) == 0) {
		char what[160];

		pcreg__describe_key(entity, key, what, sizeof what);
		return pcreg__error(db, PCREG_NOTFOUND, "%s: not found", what);
	}
	return PCREG_OK;
}

/* ---- argument checks ------------------------------------------------------------ */

pcreg_status pcreg__require(pcreg_db *db, const void *ptr, const char *function, const char *what)
{
	if (ptr)
		return PCREG_OK;
	return pcreg__error(db, PCREG_MISUSE, "%s: %s is NULL", function, what);
}

pcreg_status pcreg__check_date_arg(pcreg_db *db, const char *name, const char *value)
{
	if (!value || pcreg__date_valid(value))
		return PCREG_OK;
	return pcreg__error(db, PCREG_INVALID, "%s: \"%.40s\" is not a real date (YYYY-MM-DD)", name,
	                    value);
}

/* ---- the public faces of the generic operations ---------------------------------- */

pcreg_status pcreg__api_get(pcreg_db *db, const struct pcreg__entity *entity,
                            const struct pcreg__key *key, struct pcreg__record **out,
                            const char *function)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, function, "out")) != PCREG_OK)
		return st;
	return pcreg__entity_get(db, entity, key, out);
}

pcreg_status pcreg__api_insert(pcreg_db *db, struct pcreg__record *rec, const char *function,
                               const char *what)
{
	pcreg_status st = pcreg__enter_write(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, rec, function, what)) != PCREG_OK)
		return st;
	return pcreg__entity_insert(db, rec);
}

pcreg_status pcreg__api_update(pcreg_db *db, const struct pcreg__record *rec,
                               const char *function, const char *what)
{
	pcreg_status st = pcreg__enter_write(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, rec, function, what)) != PCREG_OK)
		return st;
	return pcreg__entity_update(db, rec);
}

pcreg_status pcreg__api_delete(pcreg_db *db, const struct pcreg__entity *entity,
                               const struct pcreg__key *key)
{
	pcreg_status st = pcreg__enter_write(db);

	if (st != PCREG_OK)
		return st;
	return pcreg__entity_delete(db, entity, key);
}

pcreg_status pcreg__seek_covering(pcreg_db *db, const struct pcreg__entity *entity,
                                  const char *sql, const char *key, const char *date,
                                  int end_field, struct pcreg__record **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, sql, &stmt);
	int rc;

	*out = NULL;
	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *end = NULL;

		if (end_field >= 0 && sqlite3_column_type(stmt, end_field) != SQLITE_NULL) {
			end = (const char *)sqlite3_column_text(stmt, end_field);
			if (!end) {
				st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				goto done;
			}
		}
		if (end && strcmp(end, date) < 0) {
			st = PCREG_NOTFOUND; /* the latest period ended before the date */
		} else if ((st = pcreg__record_read(entity, stmt, 0, out)) != PCREG_OK) {
			pcreg__error(db, st, "out of memory");
		}
	} else if (rc == SQLITE_DONE) {
		st = PCREG_NOTFOUND;
	} else {
		st = pcreg__sqlite_error(db, rc, entity->name);
	}
done:
	pcreg__stmt_release(db, sql, stmt);
	return st;
}

pcreg_status pcreg__as_of(pcreg_db *db, const struct pcreg__entity *entity, const char *sql,
                          const char *function, const char *key_name, pcreg__shape_fn key_shape,
                          const char *key, const char *date, int end_field,
                          struct pcreg__record **out)
{
	const char *expected;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, function, "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, key, function, key_name)) != PCREG_OK ||
	    (st = pcreg__require(db, date, function, "date")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "date", date)) != PCREG_OK)
		return st;
	if (key_shape && (expected = key_shape(key)) != NULL)
		return pcreg__error(db, PCREG_INVALID, "%s: \"%.40s\" is not %s", key_name, key,
		                    expected);
	return pcreg__seek_covering(db, entity, sql, key, date, end_field, out);
}

pcreg_status pcreg__check_version(pcreg_db *db, unsigned int version, unsigned int expected,
                                  const char *function, const char *what)
{
	if (version == expected)
		return PCREG_OK;
	return pcreg__error(db, PCREG_MISUSE, "%s: %s version %u is not one this library knows",
	                    function, what, version);
}
