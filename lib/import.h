/*
 * import.h (private): the import engine and what the importers share.
 *
 * Each kind of file is a struct pcreg__import_kind: a function per row,
 * and optional ones for the header and for the start and end of the file.
 * A row handler reads fields, then either rejects the row (naming the
 * field), skips it (giving a reason that is counted), or upserts records;
 * the engine counts outcomes, keeps the transaction, and journals.
 */
#ifndef PCREG_IMPORT_PRIVATE_H
#define PCREG_IMPORT_PRIVATE_H

#include "csvread.h"
#include "record.h"

struct pcreg__xlsx;
struct pcreg__odsxml;
struct pcreg__ods_org;

/* What a file is before any reader looks at its records. */
enum pcreg__container {
	PCREG__TEXT,      /* CSV or JSON Lines */
	PCREG__ZIPPED,    /* a zip archive holding one CSV file (ODS ships epraccur so) */
	PCREG__WORKBOOK,  /* an .xlsx workbook: ePCN's two sheets */
	PCREG__ODS_XML    /* ODS XML, plain or zipped */
};


enum pcreg__outcome {
	PCREG__ROW_UNCHANGED,
	PCREG__ROW_UPDATED,
	PCREG__ROW_INSERTED,
	PCREG__ROW_SKIPPED,
	PCREG__ROW_REJECTED
};

struct pcreg__reason {
	char *text;
	int64_t count;
};

struct pcreg__rejection {
	int64_t line;
	char *field;
	char *reason;
};

struct pcreg_import_report {
	int64_t id;
	pcreg_import_kind_value kind;
	char *file;
	int64_t rows_read, inserted, updated, unchanged, skipped, rejected;
	struct pcreg__reason *skips, *omissions;
	int nskips, nomissions;
	struct pcreg__rejection *rejections;
	int nrejections;
};

struct pcreg__import_kind {
	pcreg_import_kind_value kind;
	const char *word;
	int has_header;
	/* Before the first row: state, bulk loading. May be NULL. */
	pcreg_status (*begin)(pcreg_import *imp);
	/* The header record, when has_header. May be NULL. */
	pcreg_status (*header)(pcreg_import *imp, const struct pcreg__csv_record *rec);
	/* One row: sets the outcome through the helpers below; a negative
	 * return is a failure of the import itself (memory, I/O). */
	pcreg_status (*row)(pcreg_import *imp, const struct pcreg__csv_record *rec);
	/* After the last row (not after a failure). May be NULL. */
	pcreg_status (*end)(pcreg_import *imp);
	void (*free_state)(pcreg_import *imp);
};

struct pcreg_import {
	pcreg_db *db;
	const struct pcreg__import_kind *kind;
	pcreg_import_mode_value mode;
	char *path;
	const char *name; /* the file's base name, for messages */
	int from_stdin;   /* path "-": read /dev/stdin, named "stdin" */
	/* Where the records come from: CSV (csv), a workbook's sheet (xlsx,
	 * its records padded to the header's width), or ODS XML (ods: each
	 * record stands for the organisation in org). */
	enum pcreg__container container;
	char entry[256]; /* PCREG__ZIPPED: the CSV file in the archive */
	struct pcreg__csv csv;
	struct pcreg__xlsx *xlsx;
	struct pcreg__odsxml *ods;
	const struct pcreg__ods_org *org;
	const char **padded;
	size_t *padded_lengths, padded_cap;
	int64_t file_size;
	int header_done;
	char **header; /* the header's names, for messages */
	size_t nheader;
	int savepoint; /* inside a caller's transaction */
	int unmapped;  /* the handle's memory map is off until the import ends */
	int open, finished, failed;
	pcreg_import_report *report;

	int counted; /* open imports keep a closed handle alive, like iterators */
	int64_t changes_before; /* the journal's last change id when we began */

	/* The row being handled (valid during a step), its line, and why it
	 * was refused. */
	const struct pcreg__csv_record *rec;
	int64_t line;
	enum pcreg__outcome outcome;
	pcreg_status reject_status;
	char reject_field[96];
	char reject_reason[PCREG__ERRMSG_SIZE / 2];

	/* Bulk loading into empty tables: secondary indexes and triggers are
	 * dropped and made again at the end, and look-ups skipped. */
	int bulk;
	char **dropped_sql;
	int ndropped;

	/* A membership record for each kind, reused from row to row. */
	struct pcreg__record *membership[4];

	void *state;

	/* The release (evidence.c): the date the caller gives, the date the
	 * file states, and the latest dates it holds, for inferring one. */
	char released[11];
	char file_date[11];
	char latest_date[11];
	char latest_announcement[11];
	int claims;       /* the import is a release: its rows are evidence */
	int claim_tables; /* the temporary tables its claims go to are made */
	int kind_released; /* a release of this kind was loaded before: rows can be news */
	char baseline[80]; /* the release rows are compared with ("DATE DIGEST"), or "" */
	int unjournaled;   /* reconciling a copy (pcreg_db_known_at()): nothing to journal */
};

/* ---- outcomes ---------------------------------------------------------------- */

/* Refuse the row: the message names the file, line and field. Returns
 * PCREG_OK (the import goes on, or stops in strict mode). */
pcreg_status pcreg__reject(pcreg_import *imp, const char *field, const char *fmt, ...)
	PCREG__PRINTF(3, 4);
/* As pcreg__reject(), for a reference to a row the registry lacks
 * (PCREG_CONSTRAINT). */
pcreg_status pcreg__reject_reference(pcreg_import *imp, const char *field, const char *fmt, ...)
	PCREG__PRINTF(3, 4);
/* Skip the row on purpose, counted under @p reason. */
pcreg_status pcreg__skip(pcreg_import *imp, const char *reason);
/* Part of an accepted row was not recorded, counted under @p reason. */
pcreg_status pcreg__omit(pcreg_import *imp, const char *reason);
/* Merge what one upsert did into the row's outcome. */
void pcreg__note(pcreg_import *imp, enum pcreg__outcome outcome);

/* ---- fields --------------------------------------------------------------------- */

/* The i-th field trimmed of spaces, or NULL when missing or blank. */
const char *pcreg__text(pcreg_import *imp, size_t i);
/* The i-th field as an ISO date into out; *value is out, or NULL when
 * blank. Returns 0 after rejecting the row if it is not a date. */
int pcreg__date(pcreg_import *imp, size_t i, const char *field, char out[11], const char **value);
/* As pcreg__date(), for a date that may announce the future (a join or
 * a succession): it dates the release only if nothing else does. */
int pcreg__announced_date(pcreg_import *imp, size_t i, const char *field, char out[11],
                          const char **value);
/* Check that the row has @p n fields; rejects it otherwise. */
int pcreg__columns(pcreg_import *imp, size_t n);
/* Check a code's shape; rejects the row naming the field otherwise. */
int pcreg__code(pcreg_import *imp, const char *value, const char *field, pcreg__shape_fn shape);

/* ---- writing ------------------------------------------------------------------------ */

/* Insert or update a record by its key. Only the fields whose bits are
 * set in @p provided are compared and written (a file that does not carry
 * a field leaves it alone); each changed field is journaled. Notes the
 * outcome; a refused write rejects the row with the registry's message.
 * @p effective_date is journaled with an insert (the row's own start). */
pcreg_status pcreg__upsert(pcreg_import *imp, struct pcreg__record *rec, uint32_t provided,
                           const char *effective_date);

/* A record whose values borrow the given strings: fill with
 * pcreg__borrow_text() and friends, reuse from row to row. */
void pcreg__borrow_text(struct pcreg__record *rec, int field, const char *text);
void pcreg__borrow_int(struct pcreg__record *rec, int field, int64_t value, int present);
void pcreg__borrow_real(struct pcreg__record *rec, int field, double value, int present);

/* A practice's membership as a file states it: the period from @p from
 * (to @p to, or open-ended). It is evidence (evidence.h): the periods are
 * derived from all the evidence when the import ends. */
pcreg_status pcreg__upsert_membership(pcreg_import *imp, pcreg_membership_kind_value kind,
                                      const char *practice, const char *organisation,
                                      const char *from, const char *to);

/* A practice a row refers to: *known is 1 if the registry has it. If not,
 * the row is skipped: because epraccur listed the code as another kind of
 * organisation, or (for a national file, whose claims are kept as evidence
 * until a release lists the practice) because it is not there yet. The
 * registry's own files refuse it as an unknown reference. */
pcreg_status pcreg__find_practice(pcreg_import *imp, const char *code, const char *field,
                                  int *known);

/* Record a change in the journal. */
pcreg_status pcreg__journal(pcreg_import *imp, const char *entity, const char *code,
                            const char *subkey, const char *action, const char *field,
                            const char *old_value, const char *new_value,
                            const char *effective_date);

/* A field's index in an entity's table, by name; -1 if it has none. */
int pcreg__field_index(const struct pcreg__entity *entity, const char *name);

/* Whether a row exists: @p sql takes one text parameter. */
pcreg_status pcreg__exists(pcreg_import *imp, const char *sql, const char *value, int *out);

/* Whether a table has no rows (a table of the library's own, by name). */
pcreg_status pcreg__table_empty(pcreg_import *imp, const char *table, int *empty);

/* Bulk loading: if every one of @p tables is empty, drop the named
 * indexes and triggers (kept to be made again by pcreg__bulk_end()).
 * Inserts are then not journaled row by row: the kind's end journals
 * every row of its tables (all new) in one statement each. */
pcreg_status pcreg__bulk_begin(pcreg_import *imp, const char *const *tables,
                               const char *const *objects);
pcreg_status pcreg__bulk_end(pcreg_import *imp);

/* ---- the kinds ------------------------------------------------------------------------ */

extern const struct pcreg__import_kind pcreg__import_epraccur;
extern const struct pcreg__import_kind pcreg__import_eccg;
extern const struct pcreg__import_kind pcreg__import_icb_names;
extern const struct pcreg__import_kind pcreg__import_practice_map;
extern const struct pcreg__import_kind pcreg__import_succ;
extern const struct pcreg__import_kind pcreg__import_pcn_details;
extern const struct pcreg__import_kind pcreg__import_pcn_partners;
extern const struct pcreg__import_kind pcreg__import_list_size;
extern const struct pcreg__import_kind pcreg__import_payments;
extern const struct pcreg__import_kind pcreg__import_cqc;
extern const struct pcreg__import_kind pcreg__import_registry_csv;
extern const struct pcreg__import_kind pcreg__import_registry_jsonl;

/* Tell a file's container from its first bytes (and a zip's entries).
 * PCREG_INVALID, saying what it is, for a zip or XML file this library
 * does not read. For PCREG__ZIPPED, @p entry is the CSV file's name in the
 * archive. */
pcreg_status pcreg__container(pcreg_db *db, const char *path, enum pcreg__container *out,
                              char *entry, size_t entry_size);

extern const struct pcreg__import_kind pcreg__import_ods_xml;

/* Tell a file's kind from its first records; NULL if none fits, with the
 * reason in @p why. @p first may hold only the first of its @p columns
 * fields. */
const struct pcreg__import_kind *pcreg__import_recognise(const struct pcreg__csv_record *first,
                                                         size_t columns,
                                                         const struct pcreg__csv_record *second,
                                                         char *why, size_t why_size);

#endif
