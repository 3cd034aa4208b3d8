/*
 * header.h (private): finding a file's columns by their header names, and
 * reading the dates national files write.
 *
 * National files rename, add and reorder columns from one release to the
 * next (NHS Payments to General Practice has had 51, 54, 68, 74 and 75
 * columns), so a reader names each logical field it wants with the header
 * names it has been seen under and takes whichever column carries one.
 *
 * Names are compared in a normal form, so that spelling noise never
 * matters and nothing else is folded:
 *
 *   - a UTF-8 byte order mark at the start is dropped (the first cell of a
 *     file saved by Excel carries it when the reader has not stripped it);
 *   - white space (space, tab, CR, LF, no-break space) is trimmed at both
 *     ends and each run inside becomes one space (the ePCN sheets break
 *     their header cells over lines; some releases double a space);
 *   - ASCII letters are folded to lower case ("CCG NAME", "CCG Name");
 *   - footnote marks at the end are dropped: superscript digits whatever
 *     comes before them, and ASCII digits stuck to a letter or to a
 *     closing bracket ("Average Number of Registered Patients1",
 *     "(Last Known Figure)2"). Digits that are a word of their own are part
 *     of the name and kept: "Code 2", "ADDRESS_LINE_1" and "Q4 2019" keep
 *     theirs. The cost: a name that really ends in digits stuck to a
 *     letter ("Q4", "COVID19") loses them, so "Q1" and "Q2" would read as
 *     one name; pcreg__header_map() then refuses the file as ambiguous
 *     rather than pick one.
 *
 * Underscores and punctuation are not folded: "PRACTICE_CODE" and
 * "Practice Code" are different names, and a reader that takes both lists
 * both.
 */
#ifndef PCREG_HEADER_H
#define PCREG_HEADER_H

#include "import.h"

/*
 * A logical field a reader wants, and the header names it accepts.
 *
 * field     the name the field is best known by, as a file writes it; it is
 *           the first name accepted and the one messages give
 *           ("Practice Code")
 * variants  other names accepted, most preferred first, ending with NULL;
 *           NULL for none. A name ending in '*' accepts any header whose
 *           normal form starts with the rest ("Number of Registered
 *           Patients*"); put such a name after the exact ones.
 * required  1: a header without the field refuses the file; 0: the field's
 *           column is -1 and the reader does without it
 */
struct pcreg__column_spec {
	const char *field;
	const char *const *variants;
	int required;
};

/* Names longer than this (in normal form) never match a spec's name:
 * no national file's header name comes near it. */
#define PCREG__HEADER_NAME_MAX 255

/*
 * The normal form of a header name (see above) into @p out, NUL-terminated
 * when @p size > 0. Returns the length of the normal form; a return of
 * @p size or more means it did not fit, and @p out then holds only the
 * start of it, not yet stripped of footnote marks.
 */
size_t pcreg__header_normalise(const char *name, char *out, size_t size);

/*
 * Whether a header name reads as a spec's name: both in normal form equal,
 * or, for a @p wanted ending in '*', the header's starts with the rest.
 * Names that normalise to nothing never match.
 */
int pcreg__header_matches(const char *header, const char *wanted);

/*
 * The column of each of @p n specs in a header record: index_out[i] is the
 * column (from 0) of the first of specs[i]'s names that some header cell
 * reads as, or -1 if none does and the field is optional.
 *
 * The whole file is refused (PCREG_INVALID, with a message naming the
 * file and the header's line) when a required field has no column:
 * "FILE:1: no column "Practice Code" (or "Practice ODS Code") in the
 * header"; when two cells read as the same name ("columns 7 and 12 both
 * read as "Practice Code"", since taking either would be a guess); or when
 * one cell reads as two fields' names. PCREG_NOMEM if memory runs out.
 */
pcreg_status pcreg__header_map(pcreg_import *imp, const struct pcreg__csv_record *header,
                               const struct pcreg__column_spec *specs, size_t n,
                               int *index_out);

/* The row's field in @p column trimmed of spaces (as pcreg__text()), or
 * NULL when blank, missing from the row, or the column is -1. */
const char *pcreg__column_text(pcreg_import *imp, int column);

/* The row's field in @p column as an ISO date (pcreg__date_read()) into
 * @p out; *value is out, or NULL when blank or the column is -1. Returns 0
 * after rejecting the row, naming @p field, if it is not a real date. */
int pcreg__column_date(pcreg_import *imp, int column, const char *field, char out[11],
                       const char **value);

/* ---- dates (datefmt.c) -------------------------------------------------------- */

enum { PCREG__DATE_BAD = -1, PCREG__DATE_BLANK = 0, PCREG__DATE_SET = 1 };

/*
 * A date in any form the national files write, as ISO "YYYY-MM-DD" into
 * @p out. Spaces and tabs around it are ignored.
 *
 * - "1999-04-01", "19990401", "01/04/1999" (day first), and the forms
 *   pcreg__date_from_text() also reads (01APR1999, 01-Apr-99);
 * - an Excel serial day number of up to seven digits, in Excel's 1900
 *   date system: 1 is 1900-01-01, 59 is 1900-02-28, 60 is the 29 February
 *   1900 Excel counts and the calendar never had (refused), 61 is
 *   1900-03-01, 36251 is 1999-04-01, and 2958465 (9999-12-31) is Excel's
 *   last day and the registry's. Nothing outside 1-2958465 is a day Excel
 *   could have written, so a number there is no date at all (more likely
 *   a count in the wrong column), and it is refused, not wrapped;
 * - NULL, "", or only spaces: no date.
 *
 * Returns PCREG__DATE_SET, PCREG__DATE_BLANK, or PCREG__DATE_BAD for text
 * that is not a real date (31/02/2020, 2020-13-01, serial 0).
 */
int pcreg__date_read(const char *text, char out[11]);

#endif
