/*
 * answer.c: a dated membership with how it is known.
 *
 * pcreg_membership_on() gives the period; this gives the same period with
 * its certainty and the release it rests on, read from the columns that
 * reconciliation writes (evidence.c). A day no period covers is answered
 * "not known", not with an error: that is an answer too.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

struct pcreg_answer {
	char *organisation, *from_date, *to_date, *window_to, *release_kind, *release_date;
	pcreg_certainty_value certainty;
};

#define ANSWER_SQL(table, org)                                                                 \
	"SELECT m." org ", m.from_date, m.to_date, m.certainty, m.window_to, r.kind,"            \
	" r.release_date FROM " table " m LEFT JOIN release r ON r.id = m.release_id"              \
	" WHERE m.practice = ?1 AND m.from_date <= ?2 ORDER BY m.from_date DESC LIMIT 1"

static const char SQL_COMMISSIONER[] = ANSWER_SQL("practice_commissioner", "commissioner");
static const char SQL_NETWORK[] = ANSWER_SQL("practice_network", "network");
/* Federations come from hand-entered data only: what is written is stated. */
static const char SQL_FEDERATION[] =
	"SELECT federation, from_date, to_date, 'stated', NULL, NULL, NULL FROM practice_federation"
	" WHERE practice = ?1 AND from_date <= ?2 ORDER BY from_date DESC LIMIT 1";

static const char *const certainty_words[] = { "not known", "stated", "inferred", "uncertain" };

const char *pcreg_certainty_str(pcreg_certainty_value certainty)
{
	return (unsigned)certainty < 4 ? certainty_words[certainty] : NULL;
}

void pcreg_answer_free(pcreg_answer *a)
{
	if (!a)
		return;
	pcreg__free(a->organisation);
	pcreg__free(a->from_date);
	pcreg__free(a->to_date);
	pcreg__free(a->window_to);
	pcreg__free(a->release_kind);
	pcreg__free(a->release_date);
	pcreg__free(a);
}

/* A copy of a column's text, or NULL; *failed is set when memory ran out. */
static char *column_copy(sqlite3_stmt *stmt, int col, int *failed)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);
	char *copy;

	if (!text)
		return NULL;
	if (!(copy = pcreg__strdup(text)))
		*failed = 1;
	return copy;
}

pcreg_status pcreg_membership_answer(pcreg_db *db, pcreg_membership_kind_value kind,
                                     const char *practice, const char *date, pcreg_answer **out)
{
	const char *sql = kind == PCREG_MEMBERSHIP_COMMISSIONER ? SQL_COMMISSIONER
	                  : kind == PCREG_MEMBERSHIP_NETWORK    ? SQL_NETWORK
	                                                        : SQL_FEDERATION;
	pcreg_answer *a;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);
	int rc, failed = 0;

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_membership_answer", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, practice, "pcreg_membership_answer", "practice")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "date", date)) != PCREG_OK)
		return st;
	if (kind != PCREG_MEMBERSHIP_COMMISSIONER && kind != PCREG_MEMBERSHIP_NETWORK &&
	    kind != PCREG_MEMBERSHIP_FEDERATION)
		return pcreg__error(db, PCREG_INVALID, "pcreg_membership_answer: %d is not a kind of"
		                    " membership", (int)kind);
	if (!(a = pcreg__calloc(1, sizeof *a)))
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	if ((st = pcreg__stmt_acquire(db, sql, &stmt)) != PCREG_OK) {
		pcreg_answer_free(a);
		return st;
	}
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *to = (const char *)sqlite3_column_text(stmt, 2);

		/* The latest period starting by then, if it had not ended. */
		if (!to || strcmp(to, date) >= 0) {
			const char *certainty = (const char *)sqlite3_column_text(stmt, 3);
			int i;

			a->organisation = column_copy(stmt, 0, &failed);
			a->from_date = column_copy(stmt, 1, &failed);
			a->to_date = column_copy(stmt, 2, &failed);
			a->window_to = column_copy(stmt, 4, &failed);
			a->release_kind = column_copy(stmt, 5, &failed);
			a->release_date = column_copy(stmt, 6, &failed);
			for (i = 1; i < 4; i++)
				if (certainty && strcmp(certainty, certainty_words[i]) == 0)
					a->certainty = (pcreg_certainty_value)i;
		}
	}
	pcreg__stmt_release(db, sql, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		pcreg_answer_free(a);
		return pcreg__sqlite_error(db, rc, "membership");
	}
	if (failed) {
		pcreg_answer_free(a);
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	}
	*out = a;
	return PCREG_OK;
}

pcreg_certainty_value pcreg_answer_certainty(const pcreg_answer *a)
{
	return a ? a->certainty : PCREG_CERTAINTY_NOT_KNOWN;
}

#define ANSWER_TEXT(name)                                     \
	const char *pcreg_answer_##name(const pcreg_answer *a) \
	{                                                     \
		return a ? a->name : NULL;                    \
	}

ANSWER_TEXT(organisation)
ANSWER_TEXT(from_date)
ANSWER_TEXT(to_date)
ANSWER_TEXT(window_to)
ANSWER_TEXT(release_kind)
ANSWER_TEXT(release_date)
