/** @file
 * import.h: filling a registry from the files that ODS, NHS Digital and
 * CQC publish, and from the registry's own exports.
 *
 * An import reads one file, streaming (memory does not grow with the
 * file), in one transaction, and upserts by natural key: importing the
 * same file again changes nothing, and a newer release changes what
 * changed. A practice whose commissioner or network changed has its old
 * period ended the day before the new one starts, so the registry still
 * answers "as of" any earlier date. Every import is recorded in the
 * journal with each change it made (journal.h).
 *
 * Strict mode (the default) stops at the first bad row and leaves the
 * registry exactly as it was. Lenient mode skips bad rows and reports each
 * with its line, field and reason.
 *
 * What a file may hold: text in UTF-8 (or ASCII), with or without a byte
 * order mark, or in Windows-1252, which a CSV file that is ASCII up to its
 * first byte that is not UTF-8 is read as (converted to UTF-8). A file of
 * mixed encodings, a UTF-16 or UTF-32 file, or one with a NUL byte (binary
 * data) is refused whole, naming the encoding or the line and byte; in
 * the registry's JSON Lines files a line that is not UTF-8 is a bad row.
 * A file is refused whole too for a field longer than
 * PCREG_IMPORT_FIELD_MAX or a
 * record longer than PCREG_IMPORT_RECORD_MAX (so that a file that never
 * ends, a FIFO or a device, cannot use up memory). An allocation failure
 * is always PCREG_NOMEM, never a bad row.
 */
#ifndef PCREG_IMPORT_H
#define PCREG_IMPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The longest field an import reads, in bytes (1 MiB). */
#define PCREG_IMPORT_FIELD_MAX 1048576

/** The longest record (all of a row's fields) an import reads, in bytes (16 MiB). */
#define PCREG_IMPORT_RECORD_MAX 16777216

/** What a file is. */
typedef enum pcreg_import_kind_value {
	PCREG_IMPORT_AUTO = 0,           /**< tell from the file's content */
	PCREG_IMPORT_EPRACCUR = 1,       /**< ODS epraccur: practices and their commissioners */
	PCREG_IMPORT_ECCG = 2,           /**< ODS eccg: commissioners */
	PCREG_IMPORT_ICB_NAMES = 3,      /**< ONS ICB names and codes */
	PCREG_IMPORT_PRACTICE_MAP = 4,   /**< NHS Digital practice -> PCN -> CCG map */
	PCREG_IMPORT_SUCC = 5,           /**< ODS succ: successions */
	PCREG_IMPORT_PCN_DETAILS = 6,    /**< ODS ePCN "PCN Details" sheet: networks */
	PCREG_IMPORT_PCN_PARTNERS = 7,   /**< ODS ePCN "PCN Core Partner Details": practice -> PCN */
	PCREG_IMPORT_LIST_SIZE = 8,      /**< NHS Digital patients registered at a GP practice */
	PCREG_IMPORT_PAYMENTS = 9,       /**< NHS Payments to General Practice: core contracts */
	PCREG_IMPORT_CQC = 10,           /**< CQC latest ratings */
	PCREG_IMPORT_REGISTRY_CSV = 11,  /**< this library's CSV export of one entity */
	PCREG_IMPORT_REGISTRY_JSONL = 12, /**< this library's JSON Lines export of one entity */
	PCREG_IMPORT_ODS_XML = 13        /**< ODS XML (HSCOrgRefData): every organisation's history */
} pcreg_import_kind_value;

/** How bad rows are handled. */
typedef enum pcreg_import_mode_value {
	PCREG_IMPORT_STRICT = 0,  /**< the first bad row aborts; nothing is written */
	PCREG_IMPORT_LENIENT = 1  /**< bad rows are skipped and reported */
} pcreg_import_mode_value;

/** The current version of pcreg_import_options. */
#define PCREG_IMPORT_OPTIONS_VERSION 2

/** How to import. */
typedef struct pcreg_import_options {
	unsigned int version; /**< PCREG_IMPORT_OPTIONS_VERSION (1 is still read: no released) */
	int kind;             /**< a pcreg_import_kind_value; 0 tells from the content */
	int mode;             /**< a pcreg_import_mode_value; 0 is strict */
	/**
	 * The release date of the file, YYYY-MM-DD: the day its contents
	 * describe. NULL takes the date the file states (a list size's
	 * EXTRACT_DATE, a payments file's financial year), or else the latest
	 * date in it, recorded as inferred. Borrowed for the call only.
	 */
	const char *released;
} pcreg_import_options;

/** Default options: kind from the content, strict, the file's own release date. */
#define PCREG_IMPORT_OPTIONS_INIT { PCREG_IMPORT_OPTIONS_VERSION, 0, 0, NULL }

/**
 * Fill options with their defaults (the function form of PCREG_IMPORT_OPTIONS_INIT).
 *
 * @param opts     struct to fill
 * @param version  PCREG_IMPORT_OPTIONS_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_import_options_init(pcreg_import_options *opts, unsigned int version);

/**
 * The word for a kind: "epraccur", "eccg", "icb-names", "practice-map",
 * "succ", "pcn-details", "pcn-partners", "list-size", "payments", "cqc",
 * "registry-csv", "registry-jsonl" ("auto" for 0).
 *
 * @param kind  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a kind
 */
PCREG_API const char *pcreg_import_kind_str(pcreg_import_kind_value kind);

/**
 * The kind a word names, case-insensitively.
 *
 * @param text  the word; NULL is unknown
 * @return the kind, or -1 if the word names none
 */
PCREG_API int pcreg_import_kind_parse(const char *text);

/**
 * Tell what kind of file this is from its first records.
 *
 * @param db        open registry (for messages)
 * @param path      file to look at
 * @param[out] out  its kind
 * @return PCREG_OK; PCREG_INVALID, saying what was seen, when the content
 *         is no kind this library reads, or is an ePCN workbook (its two
 *         sheets are two kinds: name one, or plan the file with
 *         pcreg_import_plan_new()); PCREG_NOTFOUND; PCREG_IO
 */
PCREG_API pcreg_status pcreg_import_detect(pcreg_db *db, const char *path,
                                           pcreg_import_kind_value *out);

/** What an import did (opaque). */
typedef struct pcreg_import_report pcreg_import_report;

/** An import under way (opaque). */
typedef struct pcreg_import pcreg_import;

/**
 * Start importing a file: open it, tell its kind if asked, and begin the
 * import's transaction (a savepoint inside a caller's pcreg_db_begin()).
 * Nothing is visible to other connections until the import finishes. A
 * handle runs one import at a time, and until it finishes or is freed the
 * handle's pcreg_db_begin(), _commit() and _rollback() return PCREG_MISUSE.
 *
 * @param db        open, writable registry
 * @param path      file to read; copied. "-" is standard input, read once: a
 *                  text kind must be named in @p opts (not auto, not ods-xml),
 *                  and messages and the journal call it "stdin"
 * @param opts      options, or NULL for the defaults
 * @param[out] out  new import; free with pcreg_import_free()
 * @return PCREG_OK, or a negative status (the file cannot be read or its
 *         kind told; PCREG_MISUSE while another import on the handle is
 *         unfinished); on failure nothing was written
 */
PCREG_API pcreg_status pcreg_import_open(pcreg_db *db, const char *path,
                                         const pcreg_import_options *opts, pcreg_import **out);

/**
 * Import up to @p rows more rows (0: all of them). When the file is done,
 * the import is recorded in the journal and committed.
 *
 * @param import  import from pcreg_import_open()
 * @param rows    how many rows at most, so a caller can show progress
 * @return PCREG_OK if there is more to do; PCREG_DONE once committed; a
 *         negative status if the import failed, in which case nothing was
 *         written (strict mode: PCREG_INVALID, PCREG_CONSTRAINT or
 *         PCREG_CONFLICT for a bad row, named by pcreg_db_errmsg() as
 *         "FILE:LINE: FIELD: what is wrong", FILE being the path as given)
 */
PCREG_API pcreg_status pcreg_import_step(pcreg_import *import, int rows);

/**
 * Bytes of the file read so far.
 *
 * @param import  import from pcreg_import_open(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_bytes_read(const pcreg_import *import);

/**
 * The file's size in bytes.
 *
 * @param import  import from pcreg_import_open(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_bytes_total(const pcreg_import *import);

/**
 * What the import has done so far (finally, once pcreg_import_step() has
 * returned PCREG_DONE or failed).
 *
 * @param import  import from pcreg_import_open(); NULL reads as empty
 * @return borrowed report, valid until pcreg_import_free()
 */
PCREG_API const pcreg_import_report *pcreg_import_get_report(const pcreg_import *import);

/**
 * Free an import. One that has not finished is rolled back.
 *
 * @param import  import, or NULL
 */
PCREG_API void pcreg_import_free(pcreg_import *import);

/**
 * Import a whole file: pcreg_import_open(), then steps until done.
 *
 * @param db        open, writable registry
 * @param path      file to read
 * @param opts      options, or NULL for the defaults
 * @param[out] out  new report, also on failure when the file was read
 *                  (it holds the bad row); free with pcreg_import_report_free()
 * @return PCREG_OK, or a negative status as pcreg_import_step()
 */
PCREG_API pcreg_status pcreg_import_file(pcreg_db *db, const char *path,
                                         const pcreg_import_options *opts,
                                         pcreg_import_report **out);

/**
 * Import a file of whatever kind its content says it is.
 *
 * @param db        open, writable registry
 * @param path      file to read
 * @param mode      a pcreg_import_mode_value
 * @param[out] out  new report; free with pcreg_import_report_free()
 * @return as pcreg_import_file(); PCREG_INVALID when the kind cannot be told
 */
PCREG_API pcreg_status pcreg_import_auto(pcreg_db *db, const char *path, int mode,
                                         pcreg_import_report **out);

/**
 * Free a report from pcreg_import_file() or pcreg_import_auto().
 *
 * @param report  report, or NULL
 */
PCREG_API void pcreg_import_report_free(pcreg_import_report *report);

/**
 * @name Importing a set of files
 * A plan looks at files and folders (recursively), tells each file's kind,
 * and puts them in an efficient order: the organisations others refer to
 * first, each kind's files by name. With the history's rules the result
 * does not depend on the order; the order only saves work. An ePCN
 * workbook is two entries, its "PCN Details" sheet then its partners
 * sheet, the same two releases as its CSV conversion. Files that are not
 * national data (a README, an image) are entries to skip; a file of a data
 * extension (.csv, .xlsx, .xml, .zip, .jsonl) whose kind cannot be told
 * is an entry that failed, with the reason.
 * @{ */

/** A planned set of imports (opaque). */
typedef struct pcreg_import_plan pcreg_import_plan;

/** What the plan does with a file. */
typedef enum pcreg_plan_action_value {
	PCREG_PLAN_IMPORT = 0, /**< a file of a kind this library reads */
	PCREG_PLAN_SKIP = 1,   /**< not national data: left alone */
	PCREG_PLAN_FAIL = 2    /**< a data file whose kind cannot be told, or that cannot be read */
} pcreg_plan_action_value;

/**
 * Plan the import of files and folders.
 *
 * @param db        open registry (for messages)
 * @param paths     files and folders; a folder's files are all taken, at any depth
 * @param npaths    how many (0 or more)
 * @param[out] out  new plan; free with pcreg_import_plan_free()
 * @return PCREG_OK (files that cannot be told are entries, not failures);
 *         PCREG_NOTFOUND or PCREG_IO when a path given cannot be read,
 *         naming it; PCREG_NOMEM
 */
PCREG_API pcreg_status pcreg_import_plan_new(pcreg_db *db, const char *const *paths,
                                             int npaths, pcreg_import_plan **out);
/**
 * How many entries: imports in order, then the files skipped or failed.
 *
 * @param plan  plan from pcreg_import_plan_new(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_import_plan_count(const pcreg_import_plan *plan);
/**
 * The i-th entry's path, borrowed; NULL out of range.
 *
 * @param plan  plan from pcreg_import_plan_new(); NULL reads as empty
 * @param i     index, from 0 to pcreg_import_plan_count() - 1
 * @return borrowed text, valid until pcreg_import_plan_free(); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_plan_path(const pcreg_import_plan *plan, int i);
/**
 * What to do with it; PCREG_PLAN_FAIL out of range.
 *
 * @param plan  plan from pcreg_import_plan_new(); NULL reads as empty
 * @param i     index, from 0 to pcreg_import_plan_count() - 1
 * @return the value; 0 when empty or @p i is out of range or for NULL
 */
PCREG_API pcreg_plan_action_value pcreg_import_plan_action(const pcreg_import_plan *plan,
                                                           int i);
/**
 * The kind to import it as (PCREG_IMPORT_AUTO unless the action is PCREG_PLAN_IMPORT).
 *
 * @param plan  plan from pcreg_import_plan_new(); NULL reads as empty
 * @param i     index, from 0 to pcreg_import_plan_count() - 1
 * @return the value; 0 when empty or @p i is out of range or for NULL
 */
PCREG_API pcreg_import_kind_value pcreg_import_plan_kind(const pcreg_import_plan *plan, int i);
/**
 * Why it is skipped or failed, borrowed; NULL for an import.
 *
 * @param plan  plan from pcreg_import_plan_new(); NULL reads as empty
 * @param i     index, from 0 to pcreg_import_plan_count() - 1
 * @return borrowed text, valid until pcreg_import_plan_free(); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_plan_note(const pcreg_import_plan *plan, int i);
/**
 * Free a plan; NULL is a no-op.
 *
 * @param plan  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_import_plan_free(pcreg_import_plan *plan);
/** @} */

/** @name Report fields
 * Every row read is exactly one of inserted, updated, unchanged, skipped
 * or rejected.
 * @{ */
/**
 * The import's id in the journal; 0 if nothing was committed.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_id(const pcreg_import_report *report);
/**
 * The kind of file imported.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_import_kind_value pcreg_import_report_kind(const pcreg_import_report *report);
/**
 * The file name, borrowed.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return borrowed text, valid until the report is freed (or, for pcreg_import_get_report(), until
 *         the next pcreg_import_step() or pcreg_import_free()); NULL when empty
 */
PCREG_API const char *pcreg_import_report_file(const pcreg_import_report *report);
/**
 * Rows read.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_rows_read(const pcreg_import_report *report);
/**
 * Rows inserted.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_inserted(const pcreg_import_report *report);
/**
 * Rows updated.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_updated(const pcreg_import_report *report);
/**
 * Rows already as the file had them.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_unchanged(const pcreg_import_report *report);
/**
 * Rows skipped.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_skipped(const pcreg_import_report *report);
/**
 * Rows rejected.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_report_rejected(const pcreg_import_report *report);

/**
 * How many reasons rows were skipped for ("prescribing setting 26").
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_import_report_skip_reasons(const pcreg_import_report *report);
/**
 * The i-th reason, borrowed; NULL out of range.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_skip_reasons() - 1
 * @return borrowed text, valid until the report is freed (or, for pcreg_import_get_report(), until
 *         the next pcreg_import_step() or pcreg_import_free()); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_report_skip_reason(const pcreg_import_report *report, int i);
/**
 * How many rows were skipped for the i-th reason.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_skip_reasons() - 1
 * @return the value; 0 when empty or @p i is out of range or for NULL
 */
PCREG_API int64_t pcreg_import_report_skip_count(const pcreg_import_report *report, int i);

/**
 * How many reasons part of an accepted row was not recorded for (a practice whose commissioner
 * is not in the registry is recorded, its commissioner membership is not).
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_import_report_omission_reasons(const pcreg_import_report *report);
/**
 * The i-th reason part of a row was not recorded.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_omission_reasons() - 1
 * @return borrowed text, valid until the report is freed (or, for pcreg_import_get_report(), until
 *         the next pcreg_import_step() or pcreg_import_free()); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_report_omission_reason(const pcreg_import_report *report,
                                                          int i);
/**
 * How many rows the i-th omission reason applied to.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_omission_reasons() - 1
 * @return the value; 0 when empty or @p i is out of range or for NULL
 */
PCREG_API int64_t pcreg_import_report_omission_count(const pcreg_import_report *report, int i);

/**
 * How many rejected rows the report describes: all of them up to 1,000 (the journal keeps every
 * one of a lenient import).
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_import_report_rejections(const pcreg_import_report *report);
/**
 * The i-th rejected row's line, from 1; 0 out of range.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_rejections() - 1
 * @return the value; 0 when empty or @p i is out of range or for NULL
 */
PCREG_API int64_t pcreg_import_report_rejection_line(const pcreg_import_report *report, int i);
/**
 * The field (the file's column name) it failed on, borrowed, or NULL.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_rejections() - 1
 * @return borrowed text, valid until the report is freed (or, for pcreg_import_get_report(), until
 *         the next pcreg_import_step() or pcreg_import_free()); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_report_rejection_field(const pcreg_import_report *report,
                                                          int i);
/**
 * Why, borrowed.
 *
 * @param report  report from pcreg_import_get_report(), pcreg_import_file() or pcreg_import_auto();
 *                NULL reads as empty
 * @param i       index, from 0 to pcreg_import_report_rejections() - 1
 * @return borrowed text, valid until the report is freed (or, for pcreg_import_get_report(), until
 *         the next pcreg_import_step() or pcreg_import_free()); NULL when empty or @p i is out of
 *         range
 */
PCREG_API const char *pcreg_import_report_rejection_reason(const pcreg_import_report *report,
                                                           int i);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* PCREG_IMPORT_H */
