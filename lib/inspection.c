/*
 * inspection.c: CQC inspections and their ratings, and the latest report
 * published by a date.
 */
#include <ctype.h>
#include <string.h>

#include "record.h"

enum {
	F_ID,
	F_PRACTICE,
	F_LOCATION,
	F_INSPECTED,
	F_PUBLISHED,
	F_OVERALL,
	F_SAFE,
	F_EFFECTIVE,
	F_CARING,
	F_RESPONSIVE,
	F_WELL_LED,
	F_URL,
	N_FIELDS
};

/* The order of pcreg_rating; the database keeps these words. */
static const char *const rating_tokens[] = { "",           "outstanding",          "good",
	                                     "requires_improvement", "inadequate",
	                                     "insufficient_evidence", NULL };

#define RATING(name) { name, PCREG__T_ENUM, 0, rating_tokens, NULL }

static const struct pcreg__field fields[N_FIELDS] = {
	[F_ID] = { "id", PCREG__T_INT, PCREG__F_AUTO | PCREG__F_REQUIRED, NULL, NULL },
	[F_PRACTICE] = { "practice", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL,
	                 pcreg__shape_practice_code },
	[F_LOCATION] = { "cqc_location_id", PCREG__T_TEXT, 0, NULL, pcreg__shape_cqc_location },
	[F_INSPECTED] = { "inspection_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_PUBLISHED] = { "publication_date", PCREG__T_DATE, 0, NULL, NULL },
	[F_OVERALL] = RATING("overall"),
	[F_SAFE] = RATING("safe"),
	[F_EFFECTIVE] = RATING("effective"),
	[F_CARING] = RATING("caring"),
	[F_RESPONSIVE] = RATING("responsive"),
	[F_WELL_LED] = RATING("well_led"),
	[F_URL] = { "report_url", PCREG__T_TEXT, 0, NULL, NULL },
};

#define COLUMNS                                                                            \
	"i.id, i.practice, i.cqc_location_id, i.inspection_date, i.publication_date,"    \
	" i.overall, i.safe, i.effective, i.caring, i.responsive, i.well_led, i.report_url"

static const char SQL_GET[] = "SELECT " COLUMNS " FROM inspection i WHERE i.id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO inspection (id, practice, cqc_location_id, inspection_date, publication_date,"
	" overall, safe, effective, caring, responsive, well_led, report_url)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char SQL_UPDATE[] =
	"UPDATE inspection SET practice = ?2, cqc_location_id = ?3, inspection_date = ?4,"
	" publication_date = ?5, overall = ?6, safe = ?7, effective = ?8, caring = ?9,"
	" responsive = ?10, well_led = ?11, report_url = ?12 WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM inspection WHERE id = ?1";
static const char SQL_EXISTS[] = "SELECT 1 FROM inspection WHERE id = ?1";

/* As of a date: a backward seek on inspection_by_practice_published. The
 * rowid ends every index entry, so the tie-break on id costs no sort. */
const char pcreg__sql_inspection_latest_on[] =
	"SELECT " COLUMNS " FROM inspection i WHERE i.practice = ?1 AND i.publication_date <= ?2"
	" ORDER BY i.publication_date DESC, i.id DESC LIMIT 1";

static const struct pcreg__reference references[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
};

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *inspected = pcreg__record_text(rec, F_INSPECTED);
	const char *published = pcreg__record_text(rec, F_PUBLISHED);
	int i;

	if (!inspected && !published)
		return pcreg__error(db, PCREG_INVALID,
		                    "inspection.inspection_date: is required when there is no"
		                    " publication_date");
	if (inspected && published && strcmp(published, inspected) < 0)
		return pcreg__error(db, PCREG_INVALID,
		                    "inspection.publication_date: %s is before inspection_date %s",
		                    published, inspected);
	if (!published)
		for (i = F_OVERALL; i <= F_WELL_LED; i++)
			if (pcreg__record_has(rec, i))
				return pcreg__error(db, PCREG_INVALID,
				                    "inspection.%s: a visit without a published report has"
				                    " no ratings (publication_date is not set)",
				                    fields[i].name);
	return PCREG_OK;
}

const struct pcreg__entity pcreg__inspection_entity = {
	"inspection", fields, N_FIELDS, 1,
	SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_EXISTS,
	check, NULL,
	NULL, 0,
	references, (int)(sizeof references / sizeof references[0]),
};

#define ENTITY pcreg__inspection_entity

PCREG__RECORD_LIFECYCLE(inspection, ENTITY)
PCREG__OPTIONAL_INT_FIELD(inspection, id, F_ID)
PCREG__TEXT_FIELD(inspection, practice, F_PRACTICE)
PCREG__TEXT_FIELD(inspection, cqc_location_id, F_LOCATION)
PCREG__TEXT_FIELD(inspection, inspection_date, F_INSPECTED)
PCREG__TEXT_FIELD(inspection, publication_date, F_PUBLISHED)
PCREG__ENUM_FIELD(inspection, overall, F_OVERALL, pcreg_rating)
PCREG__ENUM_FIELD(inspection, safe, F_SAFE, pcreg_rating)
PCREG__ENUM_FIELD(inspection, effective, F_EFFECTIVE, pcreg_rating)
PCREG__ENUM_FIELD(inspection, caring, F_CARING, pcreg_rating)
PCREG__ENUM_FIELD(inspection, responsive, F_RESPONSIVE, pcreg_rating)
PCREG__ENUM_FIELD(inspection, well_led, F_WELL_LED, pcreg_rating)
PCREG__TEXT_FIELD(inspection, report_url, F_URL)
PCREG__ITERATOR(inspection_iter, inspection)

const char *pcreg_rating_str(pcreg_rating rating)
{
	return pcreg__enum_token(rating_tokens, (int)rating);
}

/* CQC's files and reports write "Requires improvement" and "Insufficient
 * evidence to rate"; people type "requires_improvement" or "GOOD". Fold
 * all of them to the token: lower case, one underscore between words. */
pcreg_rating pcreg_rating_parse(const char *text)
{
	char word[48];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)text;

	if (!text)
		return PCREG_RATING_NONE;
	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '_') {
			if (n > 0 && word[n - 1] != '_')
				word[n++] = '_';
		} else {
			word[n++] = (char)tolower(*p);
		}
		if (n >= sizeof word - 1)
			return PCREG_RATING_NONE;
	}
	while (n > 0 && word[n - 1] == '_')
		n--;
	word[n] = '\0';
	if (strcmp(word, "insufficient_evidence_to_rate") == 0)
		return PCREG_RATING_INSUFFICIENT_EVIDENCE;
	return (pcreg_rating)pcreg__enum_value(rating_tokens, word);
}

pcreg_status pcreg_inspection_latest_on(pcreg_db *db, const char *practice, const char *date,
                                        pcreg_inspection **out)
{
	pcreg_status st = pcreg__as_of(db, &ENTITY, pcreg__sql_inspection_latest_on,
	                               "pcreg_inspection_latest_on", "practice", NULL, practice, date,
	                               -1, (struct pcreg__record **)(void *)out);

	if (st == PCREG_NOTFOUND)
		return pcreg__error(db, st, "practice %s: no inspection report published on or before %s",
		                    practice, date);
	return st;
}

pcreg_status pcreg_inspection_list(pcreg_db *db, const pcreg_inspection_query *query,
                                   pcreg_inspection_iter **out)
{
	static const pcreg_inspection_query everything = PCREG_INSPECTION_QUERY_INIT;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_inspection_list", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!query)
		query = &everything;
	if (query->version != PCREG_INSPECTION_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_inspection_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = pcreg__check_date_arg(db, "query.published_from", query->published_from)) !=
	            PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.published_to", query->published_to)) != PCREG_OK)
		return st;
	if (query->overall && !pcreg__enum_token(rating_tokens, query->overall))
		return pcreg__error(db, PCREG_INVALID, "query.overall: %d is not a rating",
		                    query->overall);

	pcreg__sql_init(&sql, "SELECT " COLUMNS " FROM inspection i");
	if (query->practice)
		pcreg__sql_where_text(&sql, "i.practice = ?", query->practice);
	if (query->published_from)
		pcreg__sql_where_text(&sql, "i.publication_date >= ?", query->published_from);
	if (query->published_to)
		pcreg__sql_where_text(&sql, "i.publication_date <= ?", query->published_to);
	if (query->overall)
		pcreg__sql_where_text(&sql, "i.overall = ?",
		                      pcreg__enum_token(rating_tokens, query->overall));
	pcreg__sql_finish(&sql, "i.practice, i.publication_date, i.id", query->limit,
	                  query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &ENTITY, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

PCREG__KEYED_BY_ID(inspection, pcreg__inspection_entity)
PCREG__WRITES(inspection)
PCREG__INIT_FUNCTION(inspection_query, PCREG_INSPECTION_QUERY_VERSION, PCREG_INSPECTION_QUERY_INIT)
