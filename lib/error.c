/*
 * error.c: the per-handle error model.
 *
 * Like SQLite, each handle remembers its last failure: a status and a
 * message. Messages live in a fixed buffer inside the handle so that an
 * out-of-memory failure can still be described.
 */
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "internal.h"

void pcreg__clear_error(pcreg_db *db)
{
	db->errcode = PCREG_OK;
	db->errmsg[0] = '\0';
}

void pcreg__utf8_scrub(char *text)
{
	uint8_t *p = (uint8_t *)text;
	size_t left = strlen(text);

	while (left > 0) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, left);

		if (n < 0) { /* not UTF-8, or a character cut short */
			*p = '?';
			n = 1;
		}
		p += n;
		left -= (size_t)n;
	}
}

pcreg_status pcreg__verror(pcreg_db *db, pcreg_status status, const char *fmt, va_list ap)
{
	if (!db)
		return status;
	db->errcode = status;
	vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
	pcreg__utf8_scrub(db->errmsg);
	return status;
}

pcreg_status pcreg__error(pcreg_db *db, pcreg_status status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pcreg__verror(db, status, fmt, ap);
	va_end(ap);
	return status;
}

pcreg_status pcreg__status_from_sqlite(int rc)
{
	switch (rc) {
	case SQLITE_IOERR_NOMEM:
		return PCREG_NOMEM;
	case SQLITE_CONSTRAINT_PRIMARYKEY:
	case SQLITE_CONSTRAINT_UNIQUE:
		return PCREG_EXISTS;
	case SQLITE_CONSTRAINT_TRIGGER:
		return PCREG_CONFLICT;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
	case SQLITE_CONSTRAINT_DATATYPE:
		return PCREG_INVALID;
	default:
		break;
	}
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return PCREG_OK;
	case SQLITE_NOMEM:
		return PCREG_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return PCREG_BUSY;
	case SQLITE_READONLY:
		return PCREG_READONLY;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_FULL:
	case SQLITE_PERM:
	case SQLITE_PROTOCOL:
		return PCREG_IO;
	case SQLITE_CORRUPT:
		return PCREG_CORRUPT;
	case SQLITE_NOTADB:
		return PCREG_NOT_REGISTRY;
	case SQLITE_CONSTRAINT:
		return PCREG_CONSTRAINT;
	case SQLITE_MISUSE:
		return PCREG_MISUSE;
	case SQLITE_TOOBIG:
	case SQLITE_RANGE:
	case SQLITE_MISMATCH:
		return PCREG_INVALID;
	default:
		return PCREG_ERROR;
	}
}

pcreg_status pcreg__sqlite_error(pcreg_db *db, int rc, const char *what)
{
	pcreg_status status = pcreg__status_from_sqlite(rc);
	const char *detail;

	if (status == PCREG_NOMEM)
		detail = "out of memory";
	else if (db && db->sql && sqlite3_errcode(db->sql) != SQLITE_OK)
		detail = sqlite3_errmsg(db->sql);
	else
		detail = sqlite3_errstr(rc);
	return pcreg__error(db, status, "%s: %s", what, detail);
}

const char *pcreg_db_errmsg(const pcreg_db *db)
{
	if (!db)
		return "no registry handle (NULL)";
	if (db->errcode == PCREG_OK)
		return "not an error";
	if (db->errmsg[0] == '\0')
		return pcreg_status_str(db->errcode);
	return db->errmsg;
}

pcreg_status pcreg_db_errcode(const pcreg_db *db)
{
	return db ? db->errcode : PCREG_MISUSE;
}
