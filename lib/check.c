/*
 * check.c: the registry's rules, checked over the whole file.
 *
 * One statement per rule, each returning (rule, what is wrong, severity);
 * the iterator runs them in turn. Errors are the registry contradicting
 * itself: the triggers keep these rules for every write the library
 * makes, so an error is what another writer (or a bug) left. Notes are
 * quirks of the national files that reconciliation dealt with, each
 * counted with an example, so that a registry built from real files is
 * not taken for a broken one.
 */
#include "record.h"

#define OVERLAPS(table, org)                                                                  \
	"SELECT 'overlapping periods', 'practice ' || a.practice || ': " org " ' || a." org     \
	" || ' from ' || a.from_date || ' overlaps " org " ' || b." org " || ' from ' ||"      \
	" b.from_date, 'error' FROM " table " a JOIN " table " b ON b.practice = a.practice"            \
	" AND b.from_date > a.from_date AND b.from_date <= coalesce(a.to_date, '9999-12-31')"  \
	" ORDER BY a.practice, a.from_date"

#define OUTSIDE(table, org, orgtable, key)                                                     \
	"SELECT 'outside open period', 'practice ' || m.practice || ' in " org " ' || m." org   \
	" || ' from ' || m.from_date || coalesce(' to ' || m.to_date, '') || ', but ' || o." key \
	" || ' was open ' || coalesce(o.open_date, '(always)') || ' to ' ||"                   \
	" coalesce(o.close_date, '(still)'), 'error' FROM " table " m JOIN " orgtable " o ON o." key     \
	" = m." org " WHERE m.from_date < coalesce(o.open_date, '0000-01-01')"                 \
	" OR coalesce(m.to_date, '9999-12-31') > coalesce(o.close_date, '9999-12-31')"         \
	" ORDER BY m.practice, m.from_date"

/* A stated period that begins before the organisation it names opened
 * (ODS keeps a practice's PCT-era join date), or that a release made after
 * the organisation closed still runs past its close (a release made
 * before it was right then). */
#define EARLY(fact, orgtable, what)                                                            \
	"SELECT 'data note', count(*) || ' periods of ' || count(DISTINCT o.subject) ||"          \
	" ' practices begin before their " what " opened, and are held from the opening (e.g. "   \
	"' || min(o.subject || ' in ' || o.value || ' from ' || o.from_date || ', opened ' ||"     \
	" c.open_date) || ')', 'note' FROM observation o JOIN " orgtable " c ON c.code = o.value" \
	" WHERE o.fact = '" fact "' AND o.from_date < c.open_date HAVING count(*) > 0"
#define LATE(fact, orgtable, what)                                                             \
	"SELECT 'data note', count(*) || ' periods of ' || count(DISTINCT o.subject) ||"          \
	" ' practices run past their " what "''s close, and end there or continue in its"        \
	" successor (e.g. ' || min(o.subject || ' in ' || o.value || ', closed ' ||"             \
	" c.close_date) || ')', 'note' FROM observation o JOIN " orgtable " c ON c.code = o.value" \
	" WHERE o.fact = '" fact "' AND o.from_date IS NOT NULL"                                  \
	" AND coalesce(o.to_date, '9999-12-31') > c.close_date"                                   \
	" AND substr(o.last_seen, 1, 10) > c.close_date HAVING count(*) > 0"
#define STUBS(table, what)                                                                     \
	"SELECT 'data note', count(*) || ' " what " named by evidence that no file describes"     \
	" are kept by their code (e.g. ' || min(code) || ')', 'note' FROM " table                 \
	" WHERE name = code HAVING count(*) > 0"

static const char *const rules[] = {
	"SELECT 'integrity', integrity_check, 'error' FROM pragma_integrity_check"
	" WHERE integrity_check <> 'ok'",
	/* Memberships are WITHOUT ROWID tables, so rows are counted, not named. */
	"SELECT 'foreign key', \"table\" || ': ' || count(*) || iif(count(*) = 1, ' row refers',"
	" ' rows refer') || ' to a missing ' || parent, 'error' FROM pragma_foreign_key_check"
	" GROUP BY \"table\", parent ORDER BY \"table\", parent",
	OVERLAPS("practice_commissioner", "commissioner"),
	OVERLAPS("practice_network", "network"),
	OVERLAPS("practice_federation", "federation"),
	"SELECT 'overlapping periods', 'commissioner ' || a.commissioner || ': ' || a.level ||"
	" ' from ' || a.from_date || ' overlaps ' || b.level || ' from ' || b.from_date, 'error'"
	" FROM commissioning_arrangement a JOIN commissioning_arrangement b"
	" ON b.commissioner = a.commissioner AND b.from_date > a.from_date"
	" AND b.from_date <= coalesce(a.to_date, '9999-12-31') ORDER BY a.commissioner",
	"SELECT 'overlapping periods', 'practice ' || a.practice || ': ' || a.type || ' contract '"
	" || a.id || ' overlaps ' || b.type || ' contract ' || b.id, 'error'"
	" FROM contract a JOIN contract b"
	" ON b.practice = a.practice AND (a.type = 'GMS' OR a.type = 'PMS' OR a.type = 'APMS')"
	" AND (b.type = 'GMS' OR b.type = 'PMS' OR b.type = 'APMS') AND b.id <> a.id"
	" AND (b.start_date > a.start_date OR (b.start_date = a.start_date AND b.id > a.id))"
	" AND b.start_date <= coalesce(a.end_date, '9999-12-31') ORDER BY a.practice",
	OUTSIDE("practice_commissioner", "commissioner", "commissioner", "code"),
	OUTSIDE("practice_network", "network", "network", "code"),
	EARLY("commissioner", "commissioner", "commissioner"),
	EARLY("network", "network", "network"),
	LATE("commissioner", "commissioner", "commissioner"),
	LATE("network", "network", "network"),
	STUBS("commissioner", "commissioners"),
	STUBS("network", "networks"),
	"SELECT 'data note', count(DISTINCT subject) || ' codes that national files name as"
	" practices are not GP practices in any epraccur release loaded: what the files say of"
	" them is kept as evidence, and counts once a release lists them (e.g. ' || min(subject)"
	" || ')', 'note' FROM observation o"
	" WHERE o.fact IN ('commissioner', 'network')"
	" AND NOT EXISTS (SELECT 1 FROM practice p WHERE p.code = o.subject) HAVING count(*) > 0",
	"SELECT 'data note', count(*) || ' periods of ' || count(DISTINCT practice) || ' practices"
	" are uncertain: the evidence brackets a change of commissioner without dating it (e.g. '"
	" || min(practice || ' in ' || commissioner || ' from ' || from_date || ', next seen ' ||"
	" window_to) || ')', 'note' FROM practice_commissioner WHERE certainty = 'uncertain'"
	" HAVING count(*) > 0",
	"SELECT 'data note', count(*) || ' periods of ' || count(DISTINCT practice) || ' practices"
	" are uncertain: the evidence brackets a change of network without dating it (e.g. '"
	" || min(practice || ' in ' || network || ' from ' || from_date || ', next seen ' ||"
	" window_to) || ')', 'note' FROM practice_network WHERE certainty = 'uncertain'"
	" HAVING count(*) > 0",
};

#define N_RULES ((int)(sizeof rules / sizeof rules[0]))

enum { F_CHECK, F_DETAIL, F_SEVERITY, N_FIELDS };

static const struct pcreg__field fields[N_FIELDS] = {
	{ "check", PCREG__T_TEXT, 0, NULL, NULL },
	{ "detail", PCREG__T_TEXT, 0, NULL, NULL },
	{ "severity", PCREG__T_TEXT, 0, NULL, NULL },
};

static const struct pcreg__entity finding_entity = {
	"finding", fields, N_FIELDS, 0, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, 0, NULL, 0,
};

struct checking {
	int rule; /* the rule whose statement the iterator holds */
};

/* The current rule's next row, moving on to the next rule when it has
 * none. */
static pcreg_status step(struct pcreg__iter *it)
{
	struct checking *c = it->state;

	for (;;) {
		pcreg_status st = pcreg__iter_step_row(it);

		if (st != PCREG_DONE || ++c->rule >= N_RULES)
			return st;
		sqlite3_finalize(it->stmt);
		it->stmt = NULL;
		if ((st = pcreg__stmt_prepare(it->db, rules[c->rule], &it->stmt)) != PCREG_OK)
			return st;
	}
}

pcreg_status pcreg_check_run(pcreg_db *db, pcreg_finding_iter **out)
{
	struct pcreg__iter *it;
	struct checking *c;
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_check_run", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (!(c = pcreg__calloc(1, sizeof *c)))
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	if ((st = pcreg__stmt_prepare(db, rules[0], &stmt)) != PCREG_OK ||
	    (st = pcreg__iter_new(db, &finding_entity, stmt, NULL, &it)) != PCREG_OK) {
		pcreg__free(c);
		return st;
	}
	it->state = c;
	it->free_state = pcreg__free;
	it->step = step;
	*out = (pcreg_finding_iter *)(void *)it;
	return PCREG_OK;
}

PCREG__ITERATOR(finding_iter, finding)
PCREG__GET_TEXT(finding, check, F_CHECK)
PCREG__GET_TEXT(finding, detail, F_DETAIL)
PCREG__GET_TEXT(finding, severity, F_SEVERITY)

int pcreg_finding_is_note(const pcreg_finding *finding)
{
	const char *severity = pcreg_finding_severity(finding);

	return severity && severity[0] == 'n';
}
