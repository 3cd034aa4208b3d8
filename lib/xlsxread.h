/*
 * xlsxread.h: the rows of an Excel workbook's sheet, as CSV records.
 *
 * ODS publishes some files (ePCN) as .xlsx workbooks: a zip archive of XML
 * parts. This reader opens the archive with libzip and streams a sheet's
 * XML through libxml2's reader, handing out each row as the same record
 * csvread.h gives, so the importers' row handlers read a workbook as they
 * read a CSV file. Only the shared strings table is held in memory (cells
 * refer to it by index); a sheet is never read whole.
 *
 * A row's fields run from column A to its last cell, a missing cell in
 * between being an empty field. A row absent from the XML, or whose cells
 * all lack a value (formatting left on blank cells), is not returned.
 * Values: shared and inline strings (phonetic runs left out, _xHHHH_
 * escapes decoded), a formula's cached value, booleans as TRUE/FALSE,
 * error text (#N/A), ISO dates as given, numbers as written except that an
 * integral one in decimal or exponent form (2.0191001E7) is written as
 * plain digits (20191001). A DOCTYPE anywhere is refused (no XXE).
 */
#ifndef PCREG_XLSXREAD_H
#define PCREG_XLSXREAD_H

#include <stddef.h>
#include <stdint.h>

#include "csvread.h"
#include "internal.h"

/* The largest shared strings part this reader holds (uncompressed). */
#define PCREG__XLSX_SHARED_STRINGS_MAX ((int64_t)256 * 1024 * 1024)
/* Excel's own limit on a sheet's columns (A to XFD). */
#define PCREG__XLSX_COLUMNS_MAX 16384

struct pcreg__xlsx; /* opaque */

/* Open a workbook: read its sheet list (xl/workbook.xml + xl/_rels/workbook.xml.rels) and its
 * shared strings. PCREG_INVALID with a message naming @p path when it is not a zip, or a zip that
 * is not a workbook; PCREG_NOTFOUND / PCREG_IO as fopen/reads fail; PCREG_NOMEM. */
pcreg_status pcreg__xlsx_open(pcreg_db *db, const char *path, struct pcreg__xlsx **out);
size_t pcreg__xlsx_sheet_count(const struct pcreg__xlsx *x);
const char *pcreg__xlsx_sheet_name(const struct pcreg__xlsx *x, size_t i);
/* The sheet whose name, compared ignoring case, spaces and underscores, is @p name ("PCN Details"
 * matches "PCNDetails"); -1 if none. */
int pcreg__xlsx_sheet_find(const struct pcreg__xlsx *x, const char *name);
/* Start reading sheet i (closing any sheet being read). */
pcreg_status pcreg__xlsx_sheet_open(pcreg_db *db, struct pcreg__xlsx *x, size_t i);
/* The next row of the open sheet, as a record valid until the next call: PCREG_OK, PCREG_DONE after
 * the last row, or a failure with a message "PATH: SHEET: row N: what is wrong". */
pcreg_status pcreg__xlsx_next(pcreg_db *db, struct pcreg__xlsx *x, struct pcreg__csv_record *out);
/* Progress: uncompressed bytes of the open sheet read so far, and its uncompressed size. */
int64_t pcreg__xlsx_bytes_read(const struct pcreg__xlsx *x);
int64_t pcreg__xlsx_bytes_total(const struct pcreg__xlsx *x);
void pcreg__xlsx_close(struct pcreg__xlsx *x); /* NULL is fine */
/* Whether the first bytes of a file look like a zip archive ("PK\3\4"). */
int pcreg__xlsx_looks_like_zip(const unsigned char *head, size_t n);

#endif
