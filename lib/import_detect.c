/*
 * import_detect.c: telling a file's kind from its first records.
 *
 * The ODS files have no header, so they are known by shape: 27 columns
 * with a practice-like code and a prescribing setting (epraccur) or
 * without one (eccg), or 5 columns ending in a date and a flag (succ). The
 * others by their header.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "import.h"

/* A header cell compared loosely: case, runs of spaces and line breaks
 * (ePCN headers have them) do not matter. */
static int cell_is(const char *cell, const char *name)
{
	for (;;) {
		while (isspace((unsigned char)*cell))
			cell++;
		while (*name == ' ')
			name++;
		if (!*cell || !*name)
			return !*cell && !*name;
		if (tolower((unsigned char)*cell) != tolower((unsigned char)*name))
			return 0;
		cell++;
		name++;
	}
}

static int cell_starts(const char *cell, const char *prefix)
{
	while (isspace((unsigned char)*cell))
		cell++;
	for (; *prefix; prefix++, cell++) {
		while (isspace((unsigned char)*cell))
			cell++;
		while (*prefix == ' ')
			prefix++;
		if (!*prefix)
			return 1;
		if (tolower((unsigned char)*cell) != tolower((unsigned char)*prefix))
			return 0;
	}
	return 1;
}

static int has_cell(const struct pcreg__csv_record *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (cell_is(r->fields[i], name))
			return 1;
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return s[n] == '\0';
}

/* The header of one of the registry's own CSV exports. */
static int registry_header(const struct pcreg__csv_record *r)
{
	int t;

	for (t = 0; t < pcreg__table_count; t++) {
		const struct pcreg__entity *e = pcreg__table_entity(&pcreg__tables[t]);
		size_t i;

		if ((size_t)e->nfields != r->nfields)
			continue;
		for (i = 0; i < r->nfields && strcmp(e->fields[i].name, r->fields[i]) == 0; i++)
			;
		if (i == r->nfields)
			return 1;
	}
	return 0;
}

const struct pcreg__import_kind *pcreg__import_recognise(const struct pcreg__csv_record *first,
                                                         size_t columns,
                                                         const struct pcreg__csv_record *second,
                                                         char *why, size_t why_size)
{
	const struct pcreg__csv_record *r = first;

	(void)second;
	if (r->nfields == 27) {
		if (all_digits(r->fields[25], strlen(r->fields[25])) && r->fields[25][0])
			return &pcreg__import_epraccur;
		if (pcreg__shape_commissioner_code(r->fields[0]) == NULL)
			return &pcreg__import_eccg;
	}
	if (r->nfields == 5 && all_digits(r->fields[3], 8) && pcreg__shape_org_code(r->fields[0]) == NULL)
		return &pcreg__import_succ;
	if (r->nfields >= 3 && cell_starts(r->fields[0], "ICB") && cell_starts(r->fields[2], "ICB") &&
	    strstr(r->fields[2], "NM"))
		return &pcreg__import_icb_names;
	if (cell_is(r->fields[0], "PUBLICATION") && has_cell(r, "PRACTICE_CODE") &&
	    has_cell(r, "PCN_CODE"))
		return &pcreg__import_practice_map;
	if (cell_is(r->fields[0], "PUBLICATION") && has_cell(r, "NUMBER_OF_PATIENTS"))
		return &pcreg__import_list_size;
	if (cell_is(r->fields[0], "PCN Code"))
		return &pcreg__import_pcn_details;
	if (cell_starts(r->fields[0], "Partner Organisation Code"))
		return &pcreg__import_pcn_partners;
	if (has_cell(r, "Practice Code") && has_cell(r, "Contract Type"))
		return &pcreg__import_payments;
	if (has_cell(r, "Location ID") && has_cell(r, "Location ODS Code"))
		return &pcreg__import_cqc;
	if (registry_header(r))
		return &pcreg__import_registry_csv;
	snprintf(why, why_size, "%zu columns, the first \"%.40s\"", columns,
	         r->nfields ? r->fields[0] : "");
	return NULL;
}
