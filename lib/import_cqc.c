/*
 * import_cqc.c: CQC's latest ratings.
 *
 * One row per location, service or population group, and key question.
 * The rows for the group "Overall" carry a location's overall rating and
 * its five key-question ratings; together with the publication date they
 * are one inspection. Columns are found by their header names, since CQC
 * reorders and adds columns between releases.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import.h"

enum { C_LOCATION, C_ODS, C_CATEGORY, C_GROUP, C_DOMAIN, C_RATING, C_PUBLISHED, C_URL, N_COLUMNS };

static const struct {
	const char *header;
	int required;
} columns[N_COLUMNS] = {
	[C_LOCATION] = { "Location ID", 1 },
	[C_ODS] = { "Location ODS Code", 1 },
	[C_CATEGORY] = { "Location Primary Inspection Category", 0 },
	[C_GROUP] = { "Service / Population Group", 1 },
	[C_DOMAIN] = { "Domain", 1 },
	[C_RATING] = { "Latest Rating", 1 },
	[C_PUBLISHED] = { "Publication Date", 1 },
	[C_URL] = { "URL", 0 },
};

/* The key questions as CQC writes them, and the inspection's fields. */
static const struct {
	const char *domain, *field;
} domains[] = {
	{ "Overall", "overall" },       { "Safe", "safe" },
	{ "Effective", "effective" },   { "Caring", "caring" },
	{ "Responsive", "responsive" }, { "Well-led", "well_led" },
};

struct cqc {
	int column[N_COLUMNS]; /* index in the file, or -1 */
	struct pcreg__record *rec;
	int id, practice, location, published, url;
	int rating[6];
	int64_t inserted_id; /* the last inspection this import added */
};

static pcreg_status cqc_begin(pcreg_import *imp)
{
	const struct pcreg__entity *e = &pcreg__inspection_entity;
	struct cqc *s = pcreg__calloc(1, sizeof *s);
	size_t i;

	if (!s || pcreg__record_new(e, &s->rec) != PCREG_OK) {
		pcreg__free(s);
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	}
	s->id = pcreg__field_index(e, "id");
	s->practice = pcreg__field_index(e, "practice");
	s->location = pcreg__field_index(e, "cqc_location_id");
	s->published = pcreg__field_index(e, "publication_date");
	s->url = pcreg__field_index(e, "report_url");
	for (i = 0; i < 6; i++)
		s->rating[i] = pcreg__field_index(e, domains[i].field);
	imp->state = s;
	return PCREG_OK;
}

static void cqc_free(pcreg_import *imp)
{
	struct cqc *s = imp->state;

	if (s) {
		pcreg__record_free(s->rec);
		pcreg__free(s);
	}
}

static pcreg_status cqc_header(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct cqc *s = imp->state;
	size_t c, i;

	for (c = 0; c < N_COLUMNS; c++) {
		s->column[c] = -1;
		for (i = 0; i < rec->nfields; i++)
			if (strcasecmp(rec->fields[i], columns[c].header) == 0)
				s->column[c] = (int)i;
		if (s->column[c] < 0 && columns[c].required)
			return pcreg__error(imp->db, PCREG_INVALID,
			                    "%s:%lld: the header has no \"%s\" column", imp->path,
			                    (long long)rec->line, columns[c].header);
	}
	return PCREG_OK;
}

static const char *column(pcreg_import *imp, int c)
{
	struct cqc *s = imp->state;

	return s->column[c] < 0 ? NULL : pcreg__text(imp, (size_t)s->column[c]);
}

static const char SQL_FIND[] =
	"SELECT id FROM inspection WHERE practice = ?1 AND publication_date = ?2"
	" ORDER BY id LIMIT 1";

static pcreg_status find_inspection(pcreg_import *imp, const char *practice, const char *date,
                                    int64_t *id)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(imp->db, SQL_FIND, &stmt);
	int rc;

	*id = 0;
	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	pcreg__stmt_release(imp->db, SQL_FIND, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK
	                                             : pcreg__sqlite_error(imp->db, rc, "inspection");
}

/* Whether this import added the inspection: its insert is journaled after
 * the import began. Rows of two locations may interleave, so the last
 * inspection added is not always the one a row belongs to; without this,
 * the other's key questions counted (and were journaled) as updates. The
 * journal is searched by the practice's code: an index range. */
static const char SQL_INSERTED_HERE[] =
	"SELECT 1 FROM change WHERE code = ?1 AND id > ?2 AND entity = 'inspection'"
	" AND action = 'insert' AND subkey = ?3";

static pcreg_status inserted_here(pcreg_import *imp, const char *practice, int64_t id, int *out)
{
	char subkey[24];
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(imp->db, SQL_INSERTED_HERE, &stmt);
	int rc;

	*out = 0;
	if (st != PCREG_OK)
		return st;
	snprintf(subkey, sizeof subkey, "%lld", (long long)id);
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, imp->changes_before);
	sqlite3_bind_text(stmt, 3, subkey, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*out = rc == SQLITE_ROW;
	pcreg__stmt_release(imp->db, SQL_INSERTED_HERE, stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? PCREG_OK
	                                             : pcreg__sqlite_error(imp->db, rc, "journal");
}

static pcreg_status cqc_row(pcreg_import *imp, const struct pcreg__csv_record *rec)
{
	struct cqc *s = imp->state;
	const char *category = column(imp, C_CATEGORY), *group = column(imp, C_GROUP);
	const char *domain = column(imp, C_DOMAIN), *rating_text = column(imp, C_RATING);
	const char *practice = column(imp, C_ODS), *location = column(imp, C_LOCATION);
	char date_buf[11];
	const char *date;
	pcreg_rating rating;
	pcreg_status st;
	int64_t id;
	int known, which = -1;
	size_t i;

	(void)rec;
	if (category && strcasecmp(category, "GP Practices") != 0)
		return pcreg__skip(imp, "not a GP practice location");
	if (!group || strcasecmp(group, "Overall") != 0)
		return pcreg__skip(imp, "a rating for a service or population group: only Overall is"
		                        " kept");
	for (i = 0; domain && i < sizeof domains / sizeof domains[0]; i++)
		if (strcasecmp(domain, domains[i].domain) == 0)
			which = (int)i;
	if (which < 0)
		return pcreg__reject(imp, "Domain", "\"%.30s\" is not Overall, Safe, Effective, Caring,"
		                                    " Responsive or Well-led",
		                     domain ? domain : "");
	rating = pcreg_rating_parse(rating_text);
	if (!rating)
		return pcreg__reject(imp, "Latest Rating", "\"%.40s\" is not a CQC rating",
		                     rating_text ? rating_text : "");
	if (s->column[C_PUBLISHED] < 0 ||
	    !pcreg__date(imp, (size_t)s->column[C_PUBLISHED], "Publication Date", date_buf, &date))
		return PCREG_OK;
	if (!date)
		return pcreg__reject(imp, "Publication Date", "is empty: a rating is published");
	if (location && !pcreg__code(imp, location, "Location ID", pcreg__shape_cqc_location))
		return PCREG_OK;
	if ((st = pcreg__find_practice(imp, practice, "Location ODS Code", &known)) != PCREG_OK ||
	    !known)
		return st;
	if ((st = find_inspection(imp, practice, date, &id)) != PCREG_OK)
		return st;

	if (id) {
		struct pcreg__key key = { { NULL, NULL, NULL }, id };
		struct pcreg__record *old = NULL;
		int added = id == s->inserted_id;

		if (!added && (st = inserted_here(imp, practice, id, &added)) != PCREG_OK)
			return st;
		if ((st = pcreg__entity_get(imp->db, &pcreg__inspection_entity, &key, &old)) !=
		    PCREG_OK)
			return st;
		pcreg__borrow_int(old, s->rating[which], rating, 1);
		if (location)
			pcreg__borrow_text(old, s->location, location);
		if (column(imp, C_URL))
			pcreg__borrow_text(old, s->url, column(imp, C_URL));
		if (added) {
			/* Another key question of the inspection this import added:
			 * part of that insert, not an update of it. */
			st = pcreg__entity_update(imp->db, old);
			if (st == PCREG_OK)
				pcreg__note(imp, PCREG__ROW_INSERTED);
		} else {
			st = pcreg__upsert(imp, old,
			                   (1u << s->rating[which]) |
			                           (location ? 1u << s->location : 0u) |
			                           (column(imp, C_URL) ? 1u << s->url : 0u),
			                   date);
		}
		pcreg__record_free(old);
		return st;
	}
	for (i = 0; i < (size_t)s->rec->entity->nfields; i++)
		pcreg__borrow_text(s->rec, (int)i, NULL);
	pcreg__borrow_text(s->rec, s->practice, practice);
	pcreg__borrow_text(s->rec, s->location, location);
	pcreg__borrow_text(s->rec, s->published, date);
	pcreg__borrow_text(s->rec, s->url, column(imp, C_URL));
	pcreg__borrow_int(s->rec, s->rating[which], rating, 1);
	if ((st = pcreg__upsert(imp, s->rec, ~0u, date)) == PCREG_OK && s->rec->v[s->id].present)
		s->inserted_id = s->rec->v[s->id].i;
	return st;
}

const struct pcreg__import_kind pcreg__import_cqc = {
	PCREG_IMPORT_CQC, "cqc", 1, cqc_begin, cqc_header, cqc_row, NULL, cqc_free,
};
