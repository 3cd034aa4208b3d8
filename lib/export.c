/*
 * export.c: entities as CSV or JSON Lines, a line at a time.
 *
 * CSV fields are written by libcsv (quoted when they must be); JSON by
 * SQLite's json_object(), so that nothing is escaped by hand.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>

#include "fileio.h"
#include "record.h"

struct pcreg_export {
	pcreg_db *db;
	const struct pcreg__entity *entity;
	pcreg_export_format_value format;
	sqlite3_stmt *stmt;
	int header_done, done;
	char *line;
	size_t cap;
};

int pcreg_export_entity_count(void)
{
	return pcreg__table_count;
}

const char *pcreg_export_entity_name(int i)
{
	return i >= 0 && i < pcreg__table_count ? pcreg__tables[i].name : NULL;
}

static const struct pcreg__table *find_table(const char *name)
{
	int i;

	for (i = 0; name && i < pcreg__table_count; i++)
		if (strcmp(pcreg__tables[i].name, name) == 0)
			return &pcreg__tables[i];
	return NULL;
}

/* Room for @p need bytes and a NUL. */
static int reserve(pcreg_export *ex, size_t need)
{
	size_t cap = ex->cap ? ex->cap : 256;
	char *line;

	if (need + 1 <= ex->cap)
		return 1;
	while (cap < need + 1)
		cap *= 2;
	line = pcreg__realloc(ex->line, cap);
	if (!line)
		return 0;
	ex->line = line;
	ex->cap = cap;
	return 1;
}

static int append(pcreg_export *ex, size_t *len, const char *text, size_t n)
{
	if (!reserve(ex, *len + n))
		return 0;
	memcpy(ex->line + *len, text, n);
	*len += n;
	ex->line[*len] = '\0';
	return 1;
}

/* A CSV field: as it is when it can be, quoted by libcsv when it must. */
static int append_csv(pcreg_export *ex, size_t *len, const char *text)
{
	size_t n = strlen(text), need;

	if (!strpbrk(text, ",\"\r\n") && (n == 0 || (text[0] != ' ' && text[n - 1] != ' ')))
		return append(ex, len, text, n);
	need = csv_write(NULL, 0, text, n);
	if (!reserve(ex, *len + need))
		return 0;
	csv_write(ex->line + *len, need, text, n);
	*len += need;
	ex->line[*len] = '\0';
	return 1;
}

pcreg_status pcreg_export_open(pcreg_db *db, const char *entity,
                               pcreg_export_format_value format, pcreg_export **out)
{
	const struct pcreg__table *table;
	pcreg_export *ex;
	char sql[2048];
	size_t len;
	pcreg_status st = pcreg__enter(db);
	int i;

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_export_open", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, entity, "pcreg_export_open", "entity")) != PCREG_OK)
		return st;
	if (!(table = find_table(entity)))
		return pcreg__error(db, PCREG_INVALID, "entity: \"%.40s\" is not an entity that can be"
		                                       " exported",
		                    entity);
	if (format != PCREG_EXPORT_CSV && format != PCREG_EXPORT_JSONL)
		return pcreg__error(db, PCREG_INVALID, "format: %d is not CSV or JSON Lines",
		                    (int)format);
	ex = pcreg__calloc(1, sizeof *ex);
	if (!ex)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	ex->db = db;
	ex->entity = pcreg__table_entity(table);
	ex->format = format;
	/* Column names are the library's own; there are no values to bind. */
	if (format == PCREG_EXPORT_JSONL) {
		len = (size_t)snprintf(sql, sizeof sql, "SELECT json_object(");
		for (i = 0; i < ex->entity->nfields; i++) {
			const char *name = ex->entity->fields[i].name;

			/* A REAL as 17 digits reads back as the same double;
			 * json() keeps it a number. */
			if (ex->entity->fields[i].type == PCREG__T_REAL)
				len += (size_t)snprintf(sql + len, sizeof sql - len,
				                        "%s'%s', CASE WHEN %s IS NULL THEN NULL"
				                        " ELSE json(printf('%%!.17g', %s)) END",
				                        i ? ", " : "", name, name, name);
			else
				len += (size_t)snprintf(sql + len, sizeof sql - len, "%s'%s', %s",
				                        i ? ", " : "", name, name);
		}
		snprintf(sql + len, sizeof sql - len, ") FROM %s ORDER BY %s", table->table,
		         table->order);
	} else {
		len = (size_t)snprintf(sql, sizeof sql, "SELECT ");
		for (i = 0; i < ex->entity->nfields; i++)
			len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s", i ? ", " : "",
			                        ex->entity->fields[i].name);
		snprintf(sql + len, sizeof sql - len, " FROM %s ORDER BY %s", table->table,
		         table->order);
	}
	if ((st = pcreg__stmt_prepare(db, sql, &ex->stmt)) != PCREG_OK) {
		pcreg__free(ex);
		return st;
	}
	pcreg__iterator_opened(db);
	*out = ex;
	return PCREG_OK;
}

static pcreg_status nomem(pcreg_export *ex)
{
	return pcreg__error(ex->db, PCREG_NOMEM, "out of memory");
}

pcreg_status pcreg_export_next(pcreg_export *ex, const char **out)
{
	size_t len = 0;
	int rc, i;

	if (!ex || !out)
		return PCREG_MISUSE;
	*out = NULL;
	if (ex->db->closing)
		return PCREG_MISUSE;
	if (ex->done)
		return PCREG_DONE;
	pcreg__clear_error(ex->db);
	if (ex->format == PCREG_EXPORT_CSV && !ex->header_done) {
		for (i = 0; i < ex->entity->nfields; i++)
			if ((i && !append(ex, &len, ",", 1)) ||
			    !append(ex, &len, ex->entity->fields[i].name,
			            strlen(ex->entity->fields[i].name)))
				return nomem(ex);
		ex->header_done = 1;
		*out = ex->line;
		return PCREG_OK;
	}
	rc = sqlite3_step(ex->stmt);
	if (rc == SQLITE_DONE) {
		ex->done = 1;
		return PCREG_DONE;
	}
	if (rc != SQLITE_ROW)
		return pcreg__sqlite_error(ex->db, rc, "export");
	if (!append(ex, &len, "", 0))
		return nomem(ex);
	for (i = 0; i < sqlite3_column_count(ex->stmt); i++) {
		const char *text;

		if (i && !append(ex, &len, ",", 1))
			return nomem(ex);
		if (sqlite3_column_type(ex->stmt, i) == SQLITE_NULL)
			continue;
		/* Text as stored; a REAL in 17 digits, so it reads back as the
		 * same double (SQLite's own text has 15). */
		if (ex->format == PCREG_EXPORT_CSV &&
		    sqlite3_column_type(ex->stmt, i) == SQLITE_FLOAT) {
			char number[40];

			snprintf(number, sizeof number, "%.17g", sqlite3_column_double(ex->stmt, i));
			if (!append(ex, &len, number, strlen(number)))
				return nomem(ex);
			continue;
		}
		text = (const char *)sqlite3_column_text(ex->stmt, i);
		if (!text)
			return nomem(ex);
		if (!(ex->format == PCREG_EXPORT_CSV ? append_csv(ex, &len, text)
		                                     : append(ex, &len, text, strlen(text))))
			return nomem(ex);
	}
	*out = ex->line;
	return PCREG_OK;
}

void pcreg_export_free(pcreg_export *ex)
{
	pcreg_db *db;

	if (!ex)
		return;
	db = ex->db;
	sqlite3_finalize(ex->stmt);
	pcreg__free(ex->line);
	pcreg__free(ex);
	pcreg__iterator_closed(db);
}

pcreg_status pcreg_export_file(pcreg_db *db, const char *entity, pcreg_export_format_value format,
                               const char *path)
{
	struct pcreg__atomic_file out;
	pcreg_export *ex = NULL;
	const char *line;
	pcreg_status st;
	int err;

	if (!db)
		return PCREG_MISUSE;
	if ((st = pcreg__require(db, path, "pcreg_export_file", "path")) != PCREG_OK ||
	    (st = pcreg_export_open(db, entity, format, &ex)) != PCREG_OK)
		return st;
	if ((err = pcreg__atomic_open(&out, path)) != 0) {
		pcreg_export_free(ex);
		if (err == ENOMEM)
			return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
		return pcreg__error(db, PCREG_IO, "%s: cannot write: %s", path, strerror(err));
	}
	err = 0;
	while ((st = pcreg_export_next(ex, &line)) == PCREG_OK)
		if ((err = pcreg__atomic_write(&out, line, strlen(line))) != 0 ||
		    (err = pcreg__atomic_write(&out, "\n", 1)) != 0)
			break;
	pcreg_export_free(ex);
	if (st != PCREG_DONE) {
		/* The export's own failure (out of memory, the registry), or the
		 * write that stopped it; either way the target is untouched. */
		pcreg__atomic_abort(&out);
		if (err)
			return pcreg__error(db, PCREG_IO, "%s: write failed: %s", path, strerror(err));
		if (strncmp(pcreg_db_errmsg(db), path, strlen(path)) != 0) {
			char message[PCREG__ERRMSG_SIZE];

			snprintf(message, sizeof message, "%s", pcreg_db_errmsg(db));
			return pcreg__error(db, st, "%s: %s", path, message);
		}
		return st;
	}
	if ((err = pcreg__atomic_commit(&out)) != 0)
		return pcreg__error(db, PCREG_IO, "%s: write failed: %s", path, strerror(err));
	return PCREG_OK;
}
