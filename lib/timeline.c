/*
 * timeline.c: a practice's dated events from every table, merged in SQL.
 */
#include <string.h>

#include "record.h"

enum { F_DATE, F_KIND, F_SUBJECT, F_DETAIL, F_VALUE, N_FIELDS };

static const char *const kind_tokens[] = {
	"",
	"opened",
	"closed",
	"joined_commissioner",
	"left_commissioner",
	"joined_network",
	"left_network",
	"joined_federation",
	"left_federation",
	"contract_started",
	"contract_ended",
	"inspected",
	"report_published",
	"list_size",
	NULL,
};

static const struct pcreg__field fields[N_FIELDS] = {
	{ "date", PCREG__T_DATE, 0, NULL, NULL },
	{ "kind", PCREG__T_ENUM, 0, kind_tokens, NULL },
	{ "subject", PCREG__T_TEXT, 0, NULL, NULL },
	{ "detail", PCREG__T_TEXT, 0, NULL, NULL },
	{ "value", PCREG__T_INT, 0, NULL, NULL },
};

static const struct pcreg__entity event_entity = {
	"event", fields, N_FIELDS, 0, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, 0, NULL, 0,
};

/* Each branch is a seek on its table's practice index; k orders the kinds
 * that share a date. */
static const char SQL_TIMELINE[] =
	"SELECT date, kind, subject, detail, value FROM ("
	" SELECT open_date AS date, 'opened' AS kind, NULL AS subject, name AS detail,"
	"  NULL AS value, 1 AS k FROM practice WHERE code = ?1 AND open_date IS NOT NULL"
	" UNION ALL SELECT close_date, 'closed', status, NULL, NULL, 2 FROM practice"
	"  WHERE code = ?1 AND close_date IS NOT NULL"
	" UNION ALL SELECT m.from_date, 'joined_commissioner', m.commissioner, c.name, NULL, 3"
	"  FROM practice_commissioner m LEFT JOIN commissioner c ON c.code = m.commissioner"
	"  WHERE m.practice = ?1"
	" UNION ALL SELECT m.to_date, 'left_commissioner', m.commissioner, c.name, NULL, 4"
	"  FROM practice_commissioner m LEFT JOIN commissioner c ON c.code = m.commissioner"
	"  WHERE m.practice = ?1 AND m.to_date IS NOT NULL"
	" UNION ALL SELECT m.from_date, 'joined_network', m.network, n.name, NULL, 5"
	"  FROM practice_network m LEFT JOIN network n ON n.code = m.network WHERE m.practice = ?1"
	" UNION ALL SELECT m.to_date, 'left_network', m.network, n.name, NULL, 6"
	"  FROM practice_network m LEFT JOIN network n ON n.code = m.network"
	"  WHERE m.practice = ?1 AND m.to_date IS NOT NULL"
	" UNION ALL SELECT m.from_date, 'joined_federation', m.federation, f.name, NULL, 7"
	"  FROM practice_federation m LEFT JOIN federation f ON f.id = m.federation"
	"  WHERE m.practice = ?1"
	" UNION ALL SELECT m.to_date, 'left_federation', m.federation, f.name, NULL, 8"
	"  FROM practice_federation m LEFT JOIN federation f ON f.id = m.federation"
	"  WHERE m.practice = ?1 AND m.to_date IS NOT NULL"
	" UNION ALL SELECT start_date, 'contract_started', type, service, id, 9 FROM contract"
	"  WHERE practice = ?1"
	" UNION ALL SELECT end_date, 'contract_ended', type, service, id, 10 FROM contract"
	"  WHERE practice = ?1 AND end_date IS NOT NULL"
	" UNION ALL SELECT inspection_date, 'inspected', NULL, cqc_location_id, id, 11"
	"  FROM inspection WHERE practice = ?1 AND inspection_date IS NOT NULL"
	" UNION ALL SELECT publication_date, 'report_published', overall, report_url, id, 12"
	"  FROM inspection WHERE practice = ?1 AND publication_date IS NOT NULL"
	" UNION ALL SELECT extract_date, 'list_size', NULL, NULL, registered, 13 FROM list_size"
	"  WHERE practice = ?1"
	") ORDER BY date, k, subject, value";

static const char SQL_PRACTICE_EXISTS[] = "SELECT 1 FROM practice WHERE code = ?1";

PCREG__ITERATOR(timeline_iter, event)
PCREG__GET_TEXT(event, date, F_DATE)
PCREG__GET_TEXT(event, subject, F_SUBJECT)
PCREG__GET_TEXT(event, detail, F_DETAIL)
PCREG__GET_INT(event, value, F_VALUE)

pcreg_event_kind_value pcreg_event_kind(const pcreg_event *event)
{
	return (pcreg_event_kind_value)pcreg__record_int(PCREG__CREC(event), F_KIND);
}

int pcreg_event_has_value(const pcreg_event *event)
{
	return pcreg__record_has(PCREG__CREC(event), F_VALUE);
}

const char *pcreg_event_kind_str(pcreg_event_kind_value kind)
{
	return pcreg__enum_token(kind_tokens, (int)kind);
}

pcreg_event_kind_value pcreg_event_kind_parse(const char *text)
{
	return (pcreg_event_kind_value)pcreg__enum_value(kind_tokens, text);
}

static pcreg_status practice_exists(pcreg_db *db, const char *practice)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, SQL_PRACTICE_EXISTS, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, SQL_PRACTICE_EXISTS, stmt);
	if (rc == SQLITE_ROW)
		return PCREG_OK;
	if (rc == SQLITE_DONE)
		return pcreg__error(db, PCREG_NOTFOUND, "practice %s: not found", practice);
	return pcreg__sqlite_error(db, rc, "timeline");
}

pcreg_status pcreg_timeline_list(pcreg_db *db, const char *practice, pcreg_timeline_iter **out)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_timeline_list", "out")) != PCREG_OK ||
	    (st = pcreg__require(db, practice, "pcreg_timeline_list", "practice")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = practice_exists(db, practice)) != PCREG_OK ||
	    (st = pcreg__stmt_acquire(db, SQL_TIMELINE, &stmt)) != PCREG_OK)
		return st;
	if ((st = pcreg__bind_text_copy(db, stmt, 1, practice)) != PCREG_OK) {
		pcreg__stmt_release(db, SQL_TIMELINE, stmt);
		return st;
	}
	return pcreg__iter_new(db, &event_entity, stmt, SQL_TIMELINE,
	                       (struct pcreg__iter **)(void *)out);
}
