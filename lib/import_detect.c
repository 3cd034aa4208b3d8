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
#include <strings.h>
#include <sys/stat.h>

#include <zip.h>

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

/* ---- containers ------------------------------------------------------------------------ */

/* Whether the XML text @p head is the root of an ODS HSCOrgRefData file:
 * its root element is OrgRefData in ODS's namespace. */
static int ods_xml_root(const char *head)
{
	return strstr(head, "OrgRefData") != NULL && strstr(head, "refdata.hscic.gov.uk/org") != NULL;
}

static int ends_with(const char *name, const char *suffix)
{
	size_t len = strlen(name), n = strlen(suffix);

	return len > n && strcasecmp(name + len - n, suffix) == 0;
}

static pcreg_status zip_container(pcreg_db *db, const char *path, enum pcreg__container *out,
                                  char *entry, size_t entry_size)
{
	zip_t *zip;
	zip_int64_t i, n;
	int err = 0, xml = 0, csvs = 0;

	zip = zip_open(path, ZIP_RDONLY, &err);
	if (!zip) {
		zip_error_t ze;
		pcreg_status st;

		zip_error_init_with_code(&ze, err);
		st = pcreg__error(db, err == ZIP_ER_MEMORY ? PCREG_NOMEM : PCREG_INVALID,
		                  "%s: a zip archive that cannot be read: %s", path,
		                  zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return st;
	}
	if (zip_name_locate(zip, "xl/workbook.xml", 0) >= 0) {
		zip_discard(zip);
		*out = PCREG__WORKBOOK;
		return PCREG_OK;
	}
	n = zip_get_num_entries(zip, 0);
	for (i = 0; i < n && !xml; i++) {
		const char *name = zip_get_name(zip, (zip_uint64_t)i, 0);

		if (!name)
			continue;
		xml = ends_with(name, ".xml") && strstr(name, "HSCOrgRefData") != NULL;
		if (ends_with(name, ".csv") && csvs++ == 0)
			snprintf(entry, entry_size, "%s", name);
	}
	zip_discard(zip);
	if (xml) {
		*out = PCREG__ODS_XML;
		return PCREG_OK;
	}
	/* ODS ships its CSV files zipped, one to an archive. */
	if (csvs == 1 && strlen(entry) < entry_size - 1) {
		*out = PCREG__ZIPPED;
		return PCREG_OK;
	}
	return pcreg__error(db, PCREG_INVALID,
	                    "%s: a zip archive that holds %s: unzip it and import what it holds",
	                    path,
	                    csvs ? "several CSV files"
	                         : "neither a CSV file, a workbook nor an ODS HSCOrgRefData XML file");
}

pcreg_status pcreg__container(pcreg_db *db, const char *path, enum pcreg__container *out,
                              char *entry, size_t entry_size)
{
	char head[1024];
	struct stat info;
	size_t n, at = 0;
	FILE *f;

	*out = PCREG__TEXT;
	entry[0] = '\0';
	/* A pipe or a device is opened once, by the reader: a second open of a
	 * FIFO whose writer has gone would wait for ever. Containers are files. */
	if (stat(path, &info) != 0 || !S_ISREG(info.st_mode))
		return PCREG_OK; /* the reader says why it cannot open it */
	f = fopen(path, "rb");
	if (!f)
		return PCREG_OK;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
		return zip_container(db, path, out, entry, entry_size);
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < n && isspace((unsigned char)head[at]))
		at++;
	if (at < n && head[at] == '<') {
		if (!ods_xml_root(head + at))
			return pcreg__error(db, PCREG_INVALID,
			                    "%s: XML (or HTML), but not the ODS HSCOrgRefData file", path);
		*out = PCREG__ODS_XML;
	}
	return PCREG_OK;
}
