/*
 * report.c: the seed papers' tables as iterators of typed rows.
 *
 * Each report is one SQL statement grouped the way the paper groups it;
 * counts come from SQL, shares are computed exactly in integers here, and
 * a totals row (where the paper has one) is added after the last group by
 * summing the rows as they pass.
 */
#include <stdio.h>
#include <string.h>

#include "record.h"

/* ---- shares --------------------------------------------------------------------- */

/* num/den as hundredths of a percent, rounded half away from zero: 30/38
 * gives 7895 (78.95%). Exact: no floating point. */
static int32_t share(int64_t num, int64_t den)
{
	if (den <= 0)
		return 0;
	if (num < 0)
		return -share(-num, den);
	return (int32_t)((num * 20000 + den) / (2 * den));
}

/* ---- totals ------------------------------------------------------------------------ */

enum aggregate { AGG_NONE, AGG_SUM, AGG_MIN, AGG_MAX, AGG_FLAG };

struct report_kind {
	const struct pcreg__entity *entity;
	const unsigned char *aggregates; /* one per field */
	int with_totals;
};

struct totals {
	const struct report_kind *kind;
	int rows;
	int sql_done; /* stepping a finished statement would start it again */
	int emitted;
	struct pcreg__value acc[16];
};

static void accumulate(struct totals *t, const struct pcreg__record *row)
{
	int i;

	for (i = 0; i < row->entity->nfields; i++) {
		const struct pcreg__value *v = &row->v[i];
		struct pcreg__value *a = &t->acc[i];
		int is_real = row->entity->fields[i].type == PCREG__T_REAL;

		if (!v->present)
			continue;
		switch (t->kind->aggregates[i]) {
		case AGG_SUM:
			a->i += v->i;
			a->d += v->d;
			a->present = 1;
			break;
		case AGG_MIN:
			if (!a->present || (is_real ? v->d < a->d : v->i < a->i))
				*a = *v;
			break;
		case AGG_MAX:
			if (!a->present || (is_real ? v->d > a->d : v->i > a->i))
				*a = *v;
			break;
		default:
			break;
		}
	}
}

static pcreg_status step_with_totals(struct pcreg__iter *it)
{
	struct totals *t = it->state;
	pcreg_status st = t->sql_done ? PCREG_DONE : pcreg__iter_step_row(it);
	int i;

	if (st == PCREG_DONE)
		t->sql_done = 1;
	if (st == PCREG_OK) {
		accumulate(t, it->row);
		t->rows++;
		return PCREG_OK;
	}
	if (st != PCREG_DONE || !t->kind->with_totals || t->rows == 0 || t->emitted)
		return st;
	t->emitted = 1;
	for (i = 0; i < it->row->entity->nfields; i++) {
		it->row->v[i] = t->acc[i];
		if (t->kind->aggregates[i] == AGG_FLAG) {
			it->row->v[i].present = 1;
			it->row->v[i].i = 1;
		} else if (t->kind->aggregates[i] == AGG_SUM) {
			it->row->v[i].present = 1;
		}
	}
	return PCREG_OK;
}

PCREG__INIT_FUNCTION(report_options, PCREG_REPORT_OPTIONS_VERSION, PCREG_REPORT_OPTIONS_INIT)

/* ---- options --------------------------------------------------------------------- */

/* "07L,08F,08N": each a commissioner code. */
static pcreg_status check_commissioner_list(pcreg_db *db, const char *list)
{
	char code[8];
	const char *p = list;

	if (!list)
		return PCREG_OK;
	for (;;) {
		size_t n = strcspn(p, ",");

		if (n == 0 || n >= sizeof code)
			goto bad;
		memcpy(code, p, n);
		code[n] = '\0';
		if (pcreg__shape_commissioner_code(code))
			goto bad;
		if (p[n] == '\0')
			return PCREG_OK;
		p += n + 1;
	}
bad:
	return pcreg__error(db, PCREG_INVALID,
	                    "options.commissioner: \"%.60s\" is not a commissioner code or a"
	                    " comma-separated list of them",
	                    list);
}

static pcreg_status check_options(pcreg_db *db, const pcreg_report_options *opts,
                                  const char *function)
{
	pcreg_status st;

	if ((st = pcreg__require(db, opts, function, "options")) != PCREG_OK)
		return st;
	if (opts->version != PCREG_REPORT_OPTIONS_VERSION)
		return pcreg__error(db, PCREG_MISUSE, "%s: options version %u is not one this library knows",
		                    function, opts->version);
	if ((st = pcreg__require(db, opts->on, function, "options.on")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "options.on", opts->on)) != PCREG_OK)
		return st;
	return check_commissioner_list(db, opts->commissioner);
}

/* Run a report's statement: ?1 the date, ?2 the commissioner filter, ?3
 * the service, ?4 and ?5 the population range. */
static pcreg_status start(pcreg_db *db, const struct report_kind *kind, const char *sql,
                          const pcreg_report_options *opts, void **out)
{
	struct pcreg__iter *it;
	struct totals *t;
	sqlite3_stmt *stmt;
	pcreg_status st;

	*out = NULL;
	if ((st = pcreg__stmt_acquire(db, sql, &stmt)) != PCREG_OK)
		return st;
	if ((st = pcreg__bind_text_copy(db, stmt, 1, opts->on)) != PCREG_OK ||
	    (opts->commissioner &&
	     (st = pcreg__bind_text_copy(db, stmt, 2, opts->commissioner)) != PCREG_OK) ||
	    (opts->service && sqlite3_bind_parameter_count(stmt) >= 3 &&
	     (st = pcreg__bind_text_copy(db, stmt, 3, opts->service)) != PCREG_OK)) {
		pcreg__stmt_release(db, sql, stmt);
		return st;
	}
	/* Integers need no copy, so binding them cannot fail. */
	if (sqlite3_bind_parameter_count(stmt) >= 5) {
		sqlite3_bind_int64(stmt, 4, opts->min_population);
		sqlite3_bind_int64(stmt, 5, opts->max_population);
	}
	t = pcreg__calloc(1, sizeof *t);
	if (!t) {
		pcreg__stmt_release(db, sql, stmt);
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	}
	t->kind = kind;
	if ((st = pcreg__iter_new(db, kind->entity, stmt, sql, &it)) != PCREG_OK) {
		pcreg__free(t);
		return st;
	}
	it->state = t;
	it->free_state = pcreg__free;
	it->step = step_with_totals;
	*out = it;
	return PCREG_OK;
}

/* Practices that are members of a commissioner and open on ?1, optionally
 * only for the commissioners listed in ?2. */
#define MEMBERS_ON                                                                              \
	"member AS (SELECT m.commissioner, m.practice, m.certainty FROM practice_commissioner m"             \
	" JOIN practice p ON p.code = m.practice"                                               \
	" WHERE m.from_date <= ?1 AND (m.to_date IS NULL OR m.to_date >= ?1)"                   \
	" AND (p.open_date IS NULL OR p.open_date <= ?1)"                                       \
	" AND (p.close_date IS NULL OR p.close_date >= ?1)"                                     \
	" AND m.commissioner IN (SELECT c.code FROM commissioner c"                              \
	"  WHERE ?2 IS NULL OR instr(',' || ?2 || ',', ',' || c.code || ',') > 0))"

/* A commissioner's (or network's) name as the eccg (ePCN) release in force
 * on ?1 gave it (lib/asof.c says which release that is); the row's own
 * when that is the newest. */
#define NAME_ON(c)                                                                             \
	"coalesce((SELECT CASE WHEN r.last_seen = (SELECT max(x.last_seen) FROM observation x"      \
	"  WHERE x.subject = r.subject AND x.fact = 'organisation') THEN NULL"                      \
	"  ELSE json_extract(r.value, '$[0]') END"                                                  \
	" FROM observation r WHERE r.subject = " c ".code AND r.fact = 'organisation'"             \
	" ORDER BY substr(r.first_seen, 1, 10) > ?1,"                                               \
	" CASE WHEN substr(r.first_seen, 1, 10) > ?1 THEN r.first_seen END,"                        \
	" CASE WHEN substr(r.last_seen, 1, 10) <= ?1 THEN r.last_seen ELSE ?1 || '~' END DESC,"    \
	" r.first_seen DESC LIMIT 1), " c ".name)"

/* How many of the practices a row counts rest on an uncertain membership. */
#define UNCERTAIN(x) "count(*) FILTER (WHERE " x ".certainty = 'uncertain')"

#define TEXT(name) { name, PCREG__T_TEXT, 0, NULL, NULL }
#define INT(name) { name, PCREG__T_INT, 0, NULL, NULL }
#define REAL(name) { name, PCREG__T_REAL, 0, NULL, NULL }
#define REPORT_ENTITY(name, fields) \
	{ name, fields, (int)(sizeof fields / sizeof fields[0]), 0, NULL, NULL, NULL, NULL, NULL, \
	  NULL, NULL, NULL, 0, NULL, 0 }

/* ---- a. CQC inspections per commissioner (seed 004) ------------------------------ */

enum { CQC_COMMISSIONER, CQC_NAME, CQC_TOTAL, CQC_PRACTICES, CQC_PUBLISHED, CQC_OUTSTANDING,
       CQC_GOOD, CQC_RI, CQC_INADEQUATE, CQC_UNCERTAIN };

static const struct pcreg__field cqc_fields[] = {
	TEXT("commissioner"), TEXT("name"), INT("is_total"), INT("practices"), INT("published"),
	INT("outstanding"), INT("good"), INT("requires_improvement"), INT("inadequate"),
	INT("uncertain"),
};
static const unsigned char cqc_aggregates[] = { AGG_NONE, AGG_NONE, AGG_FLAG, AGG_SUM, AGG_SUM,
	                                        AGG_SUM,  AGG_SUM,  AGG_SUM,  AGG_SUM, AGG_SUM };
static const struct pcreg__entity cqc_entity = REPORT_ENTITY("cqc_row", cqc_fields);
static const struct report_kind cqc_kind = { &cqc_entity, cqc_aggregates, 1 };

/* A practice's standing is its latest report published by the date. */
static const char SQL_CQC[] =
	"WITH " MEMBERS_ON ","
	" standing AS (SELECT mb.commissioner, mb.certainty,"
	"  EXISTS (SELECT 1 FROM inspection i WHERE i.practice = mb.practice"
	"          AND i.publication_date <= ?1) AS published,"
	"  (SELECT i.overall FROM inspection i WHERE i.practice = mb.practice"
	"   AND i.publication_date <= ?1 ORDER BY i.publication_date DESC, i.id DESC LIMIT 1)"
	"  AS overall"
	"  FROM member mb)"
	" SELECT s.commissioner, " NAME_ON("c") ", 0, count(*), sum(s.published),"
	"  count(*) FILTER (WHERE s.overall = 'outstanding'),"
	"  count(*) FILTER (WHERE s.overall = 'good'),"
	"  count(*) FILTER (WHERE s.overall = 'requires_improvement'),"
	"  count(*) FILTER (WHERE s.overall = 'inadequate'), " UNCERTAIN("s")
	" FROM standing s JOIN commissioner c ON c.code = s.commissioner"
	" GROUP BY s.commissioner ORDER BY s.commissioner";

pcreg_status pcreg_report_cqc(pcreg_db *db, const pcreg_report_options *opts,
                              pcreg_cqc_iter **out)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_report_cqc", "out")) != PCREG_OK ||
	    (st = check_options(db, opts, "pcreg_report_cqc")) != PCREG_OK)
		return st;
	return start(db, &cqc_kind, SQL_CQC, opts, (void **)out);
}

PCREG__ITERATOR(cqc_iter, cqc_row)
PCREG__GET_TEXT(cqc_row, commissioner, CQC_COMMISSIONER)
PCREG__GET_TEXT(cqc_row, name, CQC_NAME)

#define ROW_INT(type, field, index)                                   \
	int64_t pcreg_##type##_##field(const pcreg_##type *r)         \
	{                                                             \
		return pcreg__record_int(PCREG__CREC(r), index);      \
	}

#define ROW_SHARE(type, field, index, of)                                                  \
	int32_t pcreg_##type##_##field##_share(const pcreg_##type *r)                      \
	{                                                                                  \
		return share(pcreg__record_int(PCREG__CREC(r), index),                     \
		             pcreg__record_int(PCREG__CREC(r), of));                       \
	}

int pcreg_cqc_row_is_total(const pcreg_cqc_row *row)
{
	return (int)pcreg__record_int(PCREG__CREC(row), CQC_TOTAL);
}

ROW_INT(cqc_row, practices, CQC_PRACTICES)
ROW_INT(cqc_row, uncertain, CQC_UNCERTAIN)
ROW_INT(cqc_row, published, CQC_PUBLISHED)
ROW_SHARE(cqc_row, published, CQC_PUBLISHED, CQC_PRACTICES)
ROW_INT(cqc_row, outstanding, CQC_OUTSTANDING)
ROW_SHARE(cqc_row, outstanding, CQC_OUTSTANDING, CQC_PUBLISHED)
ROW_INT(cqc_row, good, CQC_GOOD)
ROW_SHARE(cqc_row, good, CQC_GOOD, CQC_PUBLISHED)
ROW_INT(cqc_row, requires_improvement, CQC_RI)
ROW_SHARE(cqc_row, requires_improvement, CQC_RI, CQC_PUBLISHED)
ROW_INT(cqc_row, inadequate, CQC_INADEQUATE)
ROW_SHARE(cqc_row, inadequate, CQC_INADEQUATE, CQC_PUBLISHED)

int64_t pcreg_cqc_row_not_published(const pcreg_cqc_row *row)
{
	return pcreg_cqc_row_practices(row) - pcreg_cqc_row_published(row);
}

/* ---- b. PMS practices and premiums per commissioner (seed 004) -------------------- */

enum { PMS_COMMISSIONER, PMS_NAME, PMS_TOTAL, PMS_PRACTICES, PMS_PMS, PMS_PREMIUM, PMS_MIN,
       PMS_MAX, PMS_UNCERTAIN };

static const struct pcreg__field pms_fields[] = {
	TEXT("commissioner"), TEXT("name"), INT("is_total"), INT("practices"), INT("pms_practices"),
	INT("total_premium"), INT("min_premium"), INT("max_premium"), INT("uncertain"),
};
static const unsigned char pms_aggregates[] = { AGG_NONE, AGG_NONE, AGG_FLAG, AGG_SUM, AGG_SUM,
	                                        AGG_SUM,  AGG_MIN,  AGG_MAX,  AGG_SUM };
static const struct pcreg__entity pms_entity = REPORT_ENTITY("pms_row", pms_fields);
static const struct report_kind pms_kind = { &pms_entity, pms_aggregates, 0 };

/* A practice's core contract on the date: the latest core contract that
 * started by then, if it has not ended. */
static const char SQL_PMS[] =
	"WITH " MEMBERS_ON ","
	" core AS (SELECT mb.commissioner, mb.certainty, k.type, k.pms_premium, k.annual_value"
	"  FROM member mb LEFT JOIN contract k ON k.id = ("
	"   SELECT c.id FROM contract c WHERE c.practice = mb.practice"
	"   AND (c.type = 'GMS' OR c.type = 'PMS' OR c.type = 'APMS') AND c.start_date <= ?1"
	"   ORDER BY c.start_date DESC LIMIT 1)"
	"  AND (k.end_date IS NULL OR k.end_date >= ?1))"
	" SELECT k.commissioner, " NAME_ON("c") ", 0, count(*),"
	"  count(*) FILTER (WHERE k.type = 'PMS'),"
	"  sum(k.annual_value) FILTER (WHERE k.type = 'PMS'),"
	"  min(k.pms_premium) FILTER (WHERE k.type = 'PMS'),"
	"  max(k.pms_premium) FILTER (WHERE k.type = 'PMS'), " UNCERTAIN("k")
	" FROM core k JOIN commissioner c ON c.code = k.commissioner"
	" GROUP BY k.commissioner ORDER BY k.commissioner";

pcreg_status pcreg_report_pms(pcreg_db *db, const pcreg_report_options *opts,
                              pcreg_pms_iter **out)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_report_pms", "out")) != PCREG_OK ||
	    (st = check_options(db, opts, "pcreg_report_pms")) != PCREG_OK)
		return st;
	return start(db, &pms_kind, SQL_PMS, opts, (void **)out);
}

PCREG__ITERATOR(pms_iter, pms_row)
PCREG__GET_TEXT(pms_row, commissioner, PMS_COMMISSIONER)
PCREG__GET_TEXT(pms_row, name, PMS_NAME)
ROW_INT(pms_row, practices, PMS_PRACTICES)
ROW_INT(pms_row, uncertain, PMS_UNCERTAIN)
ROW_INT(pms_row, pms_practices, PMS_PMS)
ROW_INT(pms_row, total_premium, PMS_PREMIUM)
ROW_INT(pms_row, min_premium, PMS_MIN)
ROW_INT(pms_row, max_premium, PMS_MAX)

int pcreg_pms_row_has_premiums(const pcreg_pms_row *row)
{
	return pcreg__record_has(PCREG__CREC(row), PMS_MIN);
}

int pcreg_pms_row_has_total_premium(const pcreg_pms_row *row)
{
	return pcreg__record_has(PCREG__CREC(row), PMS_PREMIUM);
}

/* ---- c. co-commissioning levels per region (seed 001) ------------------------------- */

enum { CC_REGION, CC_REGION_NAME, CC_TOTAL, CC_DELEGATED, CC_JOINT, CC_GREATER };

static const struct pcreg__field commissioning_fields[] = {
	TEXT("region"), TEXT("region_name"), INT("is_total"),
	INT("delegated"), INT("joint"), INT("greater_involvement"),
};
static const unsigned char commissioning_aggregates[] = { AGG_NONE, AGG_NONE, AGG_FLAG,
	                                                  AGG_SUM,  AGG_SUM,  AGG_SUM };
static const struct pcreg__entity commissioning_entity =
	REPORT_ENTITY("commissioning_row", commissioning_fields);
static const struct report_kind commissioning_kind = { &commissioning_entity,
	                                               commissioning_aggregates, 1 };

static const char SQL_COMMISSIONING[] =
	"SELECT c.region, r.name, 0,"
	" count(*) FILTER (WHERE a.level = 'delegated'),"
	" count(*) FILTER (WHERE a.level = 'joint'),"
	" count(*) FILTER (WHERE a.level = 'greater_involvement')"
	" FROM commissioning_arrangement a JOIN commissioner c ON c.code = a.commissioner"
	" LEFT JOIN commissioner r ON r.code = c.region"
	" WHERE a.from_date <= ?1 AND (a.to_date IS NULL OR a.to_date >= ?1)"
	" AND (?2 IS NULL OR instr(',' || ?2 || ',', ',' || c.region || ',') > 0)"
	" GROUP BY c.region ORDER BY coalesce(r.name, c.region)";

pcreg_status pcreg_report_commissioning(pcreg_db *db, const pcreg_report_options *opts,
                                        pcreg_commissioning_iter **out)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_report_commissioning", "out")) != PCREG_OK ||
	    (st = check_options(db, opts, "pcreg_report_commissioning")) != PCREG_OK)
		return st;
	return start(db, &commissioning_kind, SQL_COMMISSIONING, opts, (void **)out);
}

PCREG__ITERATOR(commissioning_iter, commissioning_row)
PCREG__GET_TEXT(commissioning_row, region, CC_REGION)
PCREG__GET_TEXT(commissioning_row, region_name, CC_REGION_NAME)
ROW_INT(commissioning_row, delegated, CC_DELEGATED)
ROW_INT(commissioning_row, joint, CC_JOINT)
ROW_INT(commissioning_row, greater_involvement, CC_GREATER)

int pcreg_commissioning_row_is_total(const pcreg_commissioning_row *row)
{
	return (int)pcreg__record_int(PCREG__CREC(row), CC_TOTAL);
}

/* ---- d. network populations (seeds 002, 004) ----------------------------------------- */

enum { NP_NETWORK, NP_NAME, NP_COMMISSIONER, NP_PRACTICES, NP_SIZED, NP_REGISTERED, NP_WEIGHTED,
       NP_LEADS, NP_OUTSIDE, NP_UNCERTAIN };

static const struct pcreg__field network_fields[] = {
	TEXT("network"), TEXT("name"), TEXT("commissioner"), INT("practices"),
	INT("practices_with_list_size"), INT("registered"), REAL("weighted"), TEXT("leads"),
	INT("outside"), INT("uncertain"),
};
static const unsigned char network_aggregates[10] = { AGG_NONE };
static const struct pcreg__entity network_entity =
	REPORT_ENTITY("network_population_row", network_fields);
static const struct report_kind network_kind = { &network_entity, network_aggregates, 0 };

/* Each member's latest list size extracted on or before the date. */
static const char SQL_NETWORKS[] =
	"SELECT n.code, " NAME_ON("n") ", n.commissioner, count(m.practice), count(ls.practice),"
	" coalesce(sum(ls.registered), 0), sum(ls.weighted),"
	" (SELECT group_concat(person, '; ') FROM (SELECT l.person FROM network_lead l"
	"  WHERE l.network = n.code AND l.from_date <= ?1 AND (l.to_date IS NULL OR l.to_date >= ?1)"
	"  ORDER BY l.from_date, l.id)),"
	" CASE WHEN coalesce(sum(ls.registered), 0) < ?4 THEN -1"
	"  WHEN coalesce(sum(ls.registered), 0) > ?5 THEN 1 ELSE 0 END,"
	" count(m.practice) FILTER (WHERE m.certainty = 'uncertain')"
	" FROM network n"
	" LEFT JOIN practice_network m ON m.network = n.code AND m.from_date <= ?1"
	"  AND (m.to_date IS NULL OR m.to_date >= ?1)"
	" LEFT JOIN list_size ls ON ls.practice = m.practice AND ls.extract_date ="
	"  (SELECT max(x.extract_date) FROM list_size x WHERE x.practice = m.practice"
	"   AND x.extract_date <= ?1)"
	" WHERE (n.open_date IS NULL OR n.open_date <= ?1)"
	" AND (n.close_date IS NULL OR n.close_date >= ?1)"
	" AND (?2 IS NULL OR instr(',' || ?2 || ',', ',' || n.commissioner || ',') > 0)"
	" GROUP BY n.code ORDER BY n.commissioner, n.name, n.code";

pcreg_status pcreg_report_networks(pcreg_db *db, const pcreg_report_options *opts,
                                   pcreg_network_population_iter **out)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_report_networks", "out")) != PCREG_OK ||
	    (st = check_options(db, opts, "pcreg_report_networks")) != PCREG_OK)
		return st;
	if (opts->min_population < 0 || opts->max_population < opts->min_population)
		return pcreg__error(db, PCREG_INVALID,
		                    "options.min_population, options.max_population: %d to %d is not a"
		                    " range",
		                    opts->min_population, opts->max_population);
	return start(db, &network_kind, SQL_NETWORKS, opts, (void **)out);
}

PCREG__ITERATOR(network_population_iter, network_population_row)
PCREG__GET_TEXT(network_population_row, network, NP_NETWORK)
PCREG__GET_TEXT(network_population_row, name, NP_NAME)
PCREG__GET_TEXT(network_population_row, commissioner, NP_COMMISSIONER)
PCREG__GET_TEXT(network_population_row, leads, NP_LEADS)
ROW_INT(network_population_row, practices, NP_PRACTICES)
ROW_INT(network_population_row, uncertain, NP_UNCERTAIN)
ROW_INT(network_population_row, practices_with_list_size, NP_SIZED)
ROW_INT(network_population_row, registered, NP_REGISTERED)

double pcreg_network_population_row_weighted(const pcreg_network_population_row *row)
{
	return pcreg__record_real(PCREG__CREC(row), NP_WEIGHTED);
}

int pcreg_network_population_row_has_weighted(const pcreg_network_population_row *row)
{
	return pcreg__record_has(PCREG__CREC(row), NP_WEIGHTED);
}

int pcreg_network_population_row_outside(const pcreg_network_population_row *row)
{
	return (int)pcreg__record_int(PCREG__CREC(row), NP_OUTSIDE);
}

/* ---- e. scheme participation (seed 000) --------------------------------------------- */

enum { SC_COMMISSIONER, SC_NAME, SC_TOTAL, SC_SERVICE, SC_PRACTICES, SC_PARTICIPATING,
       SC_UNCERTAIN };

static const struct pcreg__field scheme_fields[] = {
	TEXT("commissioner"), TEXT("name"), INT("is_total"), TEXT("service"), INT("practices"),
	INT("participating"), INT("uncertain"),
};
static const unsigned char scheme_aggregates[] = { AGG_NONE, AGG_NONE, AGG_FLAG, AGG_NONE,
	                                           AGG_SUM,  AGG_SUM,  AGG_SUM };
static const struct pcreg__entity scheme_entity = REPORT_ENTITY("scheme_row", scheme_fields);
static const struct report_kind scheme_kind = { &scheme_entity, scheme_aggregates, 0 };

/* Enhanced services only: a core contract is not a scheme. */
static const char SQL_SCHEME[] =
	"WITH " MEMBERS_ON
	" SELECT mb.commissioner, " NAME_ON("c") ", 0, ?3, count(*),"
	"  sum(EXISTS (SELECT 1 FROM contract k WHERE k.practice = mb.practice"
	"   AND k.type IN ('DES', 'LES', 'LIS', 'OTHER') AND k.service = ?3 COLLATE NOCASE"
	"   AND k.start_date <= ?1 AND (k.end_date IS NULL OR k.end_date >= ?1))), "
	UNCERTAIN("mb")
	" FROM member mb JOIN commissioner c ON c.code = mb.commissioner"
	" GROUP BY mb.commissioner ORDER BY mb.commissioner";

pcreg_status pcreg_report_scheme(pcreg_db *db, const pcreg_report_options *opts,
                                 pcreg_scheme_iter **out)
{
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_report_scheme", "out")) != PCREG_OK ||
	    (st = check_options(db, opts, "pcreg_report_scheme")) != PCREG_OK ||
	    (st = pcreg__require(db, opts->service, "pcreg_report_scheme", "options.service")) !=
	            PCREG_OK)
		return st;
	return start(db, &scheme_kind, SQL_SCHEME, opts, (void **)out);
}

PCREG__ITERATOR(scheme_iter, scheme_row)
PCREG__GET_TEXT(scheme_row, commissioner, SC_COMMISSIONER)
PCREG__GET_TEXT(scheme_row, name, SC_NAME)
PCREG__GET_TEXT(scheme_row, service, SC_SERVICE)
ROW_INT(scheme_row, practices, SC_PRACTICES)
ROW_INT(scheme_row, participating, SC_PARTICIPATING)
ROW_INT(scheme_row, uncertain, SC_UNCERTAIN)
ROW_SHARE(scheme_row, participating, SC_PARTICIPATING, SC_PRACTICES)
