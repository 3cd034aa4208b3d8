/*
 * odsxml.h (private): a streaming reader of the ODS XML "HSCOrgRefData"
 * files, one <Organisation> at a time.
 *
 * The full file is about 660 MB: it is read through libxml2's streaming
 * reader and never held, so memory stays flat whatever its size. A .zip
 * holding the Full and the Archive file is read entry after entry through
 * libzip without extracting it.
 */
#ifndef PCREG_ODSXML_H
#define PCREG_ODSXML_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* Dates are ISO "YYYY-MM-DD", "" when absent. */
struct pcreg__ods_period { char start[11], end[11]; int present; };
/* A <Date> list: the Operational and the Legal period, either may be absent. */
struct pcreg__ods_dates { struct pcreg__ods_period operational, legal; };
struct pcreg__ods_role { char id[16]; int primary; char status[16]; struct pcreg__ods_dates dates; };
struct pcreg__ods_rel {  /* Rels/Rel: RE4 commissioned by, RE8 partner of a PCN, RE5 in the geography of, ... */
	char id[16]; char target[16]; char target_role[16]; char status[16]; struct pcreg__ods_dates dates;
};
struct pcreg__ods_succ { /* Succs/Succ */
	char type[16];   /* "Successor" or "Predecessor" */
	char target[16]; char target_role[16]; int forward; struct pcreg__ods_dates dates;
};
struct pcreg__ods_org {
	int64_t line;           /* the line its <Organisation> starts on, in its part */
	const char *part;       /* the file it came from: the zip entry's name, or the file's base name */
	char code[16];          /* OrgId extension */
	int ref_only;           /* refOnly="true": a stub, complete in the other file */
	char record_class[8];   /* orgRecordClass: RC1 organisation, RC2 site */
	const char *name;       /* "" when absent */
	char status[16];        /* Active / Inactive */
	char last_change[11];
	struct pcreg__ods_dates dates;
	/* GeoLoc/Location, each "" when absent */
	const char *addr1, *addr2, *addr3, *town, *county, *postcode, *country, *uprn;
	const char *telephone;  /* Contacts/Contact[type="tel"] value, "" when none */
	const struct pcreg__ods_role *roles; size_t nroles;
	const struct pcreg__ods_rel *rels;   size_t nrels;
	const struct pcreg__ods_succ *succs; size_t nsuccs;
	/* A value of this organisation that cannot be read (an impossible
	 * date, a code too long, no OrgId): the first one, its line and
	 * element, or problem NULL. The rest of the record is read; the
	 * field in question is left empty. The importer rejects the
	 * organisation, as a CSV reader's row handler rejects a row, so a
	 * lenient import goes on past it. */
	const char *problem;
	const char *problem_element;
	int64_t problem_line;
};
struct pcreg__odsxml; /* opaque */

/* Open a .xml file, or a .zip holding one or more .xml files (read one after another: the full file
 * before the archive when both are there, else in the zip's order). Reads as far as the first part's
 * Manifest. PCREG_INVALID with a message naming the path when it is not an HSCOrgRefData file (wrong
 * root element or namespace); PCREG_NOTFOUND / PCREG_IO; PCREG_NOMEM. */
pcreg_status pcreg__odsxml_open(pcreg_db *db, const char *path, struct pcreg__odsxml **out);
/* The current part's Manifest: PublicationDate ("" if none), PublicationType ("Full", "Archive"...). */
const char *pcreg__odsxml_publication_date(const struct pcreg__odsxml *x);
const char *pcreg__odsxml_publication_type(const struct pcreg__odsxml *x);
/* The next organisation, valid until the next call: PCREG_OK, PCREG_DONE after the last one of the last
 * part, or a failure, PCREG_INVALID with a message "PATH[:PART]:LINE: ELEMENT: what is wrong" (malformed
 * XML, a date that is not a real date, a code longer than its buffer, a missing OrgId). */
pcreg_status pcreg__odsxml_next(pcreg_db *db, struct pcreg__odsxml *x, const struct pcreg__ods_org **out);
/* Progress over the whole file (compressed bytes for a zip: for a zip, both count the compressed
 * bytes of its .xml entries, so read reaches total at the end). */
int64_t pcreg__odsxml_bytes_read(const struct pcreg__odsxml *x);
int64_t pcreg__odsxml_bytes_total(const struct pcreg__odsxml *x);
void pcreg__odsxml_close(struct pcreg__odsxml *x); /* NULL is fine */
/* Whether a file's first bytes look like an HSCOrgRefData XML file (for telling a file's kind). */
int pcreg__odsxml_looks_like(const char *head, size_t n);

/* Added: notes on what the interface above does not say.
 * - Lines: exact for an element that follows text (the line break and indentation of a pretty-printed
 *   file, as ODS's are) at any line, and below line 65535 for any element (libxml2 keeps no more).
 * - Names, addresses and the telephone are libxml2's decoded text: entities (&amp;) and CDATA are
 *   resolved. The first Contact of type "tel" is the telephone.
 * - A <Date> of a kind other than Operational or Legal is ignored; a code, id or status that does not
 *   fit its buffer is refused (PCREG_INVALID), never cut short.
 * - A failure is final: every later call to pcreg__odsxml_next() returns it again.
 * - Only the namespace below is accepted; pcreg__odsxml_looks_like() is looser (any
 *   refdata.hscic.gov.uk/org/ version, or a zip whose first bytes name an HSCOrgRefData .xml). */

/* The limits the reader enforces. Elements nested deeper than this
 * (the real files go 7 deep) are refused before libxml2's own limit. */
#define PCREG__ODSXML_MAX_DEPTH 64
/* The namespace of the root element of the files this reader knows. */
#define PCREG__ODSXML_NAMESPACE "http://refdata.hscic.gov.uk/org/v2-0-0"

#endif
