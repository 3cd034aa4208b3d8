/*
 * iter.c: pull iterators over rows, and list queries built from fixed
 * fragments with every value bound.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

pcreg_status pcreg__iter_new(pcreg_db *db, const struct pcreg__entity *entity, sqlite3_stmt *stmt,
                             const char *cache_key, struct pcreg__iter **out)
{
	struct pcreg__iter *it = pcreg__calloc(1, sizeof *it);

	*out = NULL;
	if (!it || pcreg__record_new(entity, &it->row) != PCREG_OK) {
		pcreg__free(it);
		if (cache_key)
			pcreg__stmt_release(db, cache_key, stmt);
		else
			sqlite3_finalize(stmt);
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	}
	it->db = db;
	it->stmt = stmt;
	it->cache_key = cache_key;
	pcreg__iterator_opened(db);
	*out = it;
	return PCREG_OK;
}

pcreg_status pcreg__iter_step_row(struct pcreg__iter *it)
{
	int rc = sqlite3_step(it->stmt);

	if (rc == SQLITE_ROW) {
		pcreg__record_borrow(it->row, it->stmt, 0);
		return PCREG_OK;
	}
	if (rc == SQLITE_DONE)
		return PCREG_DONE;
	return pcreg__sqlite_error(it->db, rc, it->row->entity->name);
}

pcreg_status pcreg__iter_next(struct pcreg__iter *it, const struct pcreg__record **out)
{
	pcreg_status st;

	if (!it || !out)
		return PCREG_MISUSE;
	*out = NULL;
	if (it->db->closing)
		return PCREG_MISUSE;
	if (it->done)
		return PCREG_DONE;
	pcreg__clear_error(it->db);
	st = it->step ? it->step(it) : pcreg__iter_step_row(it);
	if (st == PCREG_OK)
		*out = it->row;
	else
		it->done = 1;
	return st;
}

void pcreg__iter_free(struct pcreg__iter *it)
{
	pcreg_db *db;

	if (!it)
		return;
	db = it->db;
	if (it->cache_key)
		pcreg__stmt_release(db, it->cache_key, it->stmt);
	else
		sqlite3_finalize(it->stmt);
	pcreg__record_free(it->row);
	if (it->free_state)
		it->free_state(it->state);
	pcreg__free(it);
	pcreg__iterator_closed(db);
}

/* ---- list queries ------------------------------------------------------------ */

void pcreg__sql_init(struct pcreg__sql *sql, const char *select)
{
	sql->len = 0;
	sql->text[0] = '\0';
	sql->where_started = 0;
	sql->nparams = 0;
	sql->overflow = 0;
	pcreg__sql_append(sql, select);
}

void pcreg__sql_append(struct pcreg__sql *sql, const char *fragment)
{
	size_t n = strlen(fragment);

	if (sql->len + n + 1 > sizeof sql->text) {
		sql->overflow = 1;
		return;
	}
	memcpy(sql->text + sql->len, fragment, n + 1);
	sql->len += n;
}

static void add_where(struct pcreg__sql *sql, const char *fragment, int is_int, int n,
                      const char *const *values, int64_t i)
{
	const char *p;
	int k = 0;

	pcreg__sql_append(sql, sql->where_started ? " AND " : " WHERE ");
	sql->where_started = 1;
	pcreg__sql_append(sql, "(");
	pcreg__sql_append(sql, fragment);
	pcreg__sql_append(sql, ")");
	for (p = fragment; (p = strchr(p, '?')) != NULL; p++, k++) {
		if (sql->nparams >= (int)(sizeof sql->params / sizeof sql->params[0])) {
			sql->overflow = 1;
			return;
		}
		sql->params[sql->nparams].is_int = is_int;
		sql->params[sql->nparams].s = is_int ? NULL : values[k < n ? k : n - 1];
		sql->params[sql->nparams].i = i;
		sql->nparams++;
	}
}

void pcreg__sql_where_text(struct pcreg__sql *sql, const char *fragment, const char *value)
{
	add_where(sql, fragment, 0, 1, &value, 0);
}

void pcreg__sql_where_texts(struct pcreg__sql *sql, const char *fragment, int n,
                            const char *const *values)
{
	add_where(sql, fragment, 0, n, values, 0);
}

void pcreg__sql_where_int(struct pcreg__sql *sql, const char *fragment, int64_t value)
{
	add_where(sql, fragment, 1, 0, NULL, value);
}

pcreg_status pcreg__bind_text_copy(pcreg_db *db, sqlite3_stmt *stmt, int param, const char *text)
{
	int rc = sqlite3_bind_text(stmt, param, text, -1, SQLITE_TRANSIENT);

	return rc == SQLITE_OK ? PCREG_OK : pcreg__sqlite_error(db, rc, "binding a value");
}

void pcreg__sql_finish(struct pcreg__sql *sql, const char *order_by, int limit, int offset)
{
	pcreg__sql_append(sql, " ORDER BY ");
	pcreg__sql_append(sql, order_by);
	pcreg__sql_append(sql, " LIMIT ? OFFSET ?");
	if (sql->nparams + 2 > (int)(sizeof sql->params / sizeof sql->params[0])) {
		sql->overflow = 1;
		return;
	}
	sql->params[sql->nparams].is_int = 1;
	sql->params[sql->nparams++].i = limit > 0 ? limit : -1;
	sql->params[sql->nparams].is_int = 1;
	sql->params[sql->nparams++].i = offset > 0 ? offset : 0;
}

pcreg_status pcreg__sql_prepare(pcreg_db *db, struct pcreg__sql *sql, sqlite3_stmt **out)
{
	pcreg_status st;
	int i, rc = SQLITE_OK;

	*out = NULL;
	if (sql->overflow)
		return pcreg__error(db, PCREG_ERROR, "internal error: a list query is too long");
	if ((st = pcreg__stmt_prepare(db, sql->text, out)) != PCREG_OK)
		return st;
	/* The caller's query strings may not outlive this call: copy them. */
	for (i = 0; i < sql->nparams && rc == SQLITE_OK; i++)
		rc = sql->params[i].is_int
		             ? sqlite3_bind_int64(*out, i + 1, sql->params[i].i)
		             : sqlite3_bind_text(*out, i + 1, sql->params[i].s, -1, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return pcreg__sqlite_error(db, rc, "binding a list query");
	}
	return PCREG_OK;
}
