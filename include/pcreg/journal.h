/** @file
 * journal.h: what each import changed.
 *
 * Every import is recorded: the file (name, size, SHA-256), its kind,
 * when, how strictly, and its counts; and every change it made: the
 * entity, the row's code (a practice's or organisation's code; for rows
 * known by a number, whom they belong to, the number being the subkey), the
 * action (insert, update, move), the field with its old and new values,
 * and the date the file gives for the change.
 */
#ifndef PCREG_JOURNAL_H
#define PCREG_JOURNAL_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A past import (opaque). */
typedef struct pcreg_import_entry pcreg_import_entry;
/** An iterator over past imports. */
typedef struct pcreg_import_entry_iter pcreg_import_entry_iter;

/**
 * Every import the registry has recorded, oldest first.
 *
 * @param db        open registry
 * @param[out] out  new iterator; free with pcreg_import_entry_iter_free()
 * @return PCREG_OK or a negative status
 */
PCREG_API pcreg_status pcreg_journal_imports(pcreg_db *db, pcreg_import_entry_iter **out);

/**
 * One past import.
 *
 * @param db        open registry
 * @param id        its id (pcreg_import_report_id())
 * @param[out] out  new record; free with pcreg_import_entry_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_journal_import_get(pcreg_db *db, int64_t id,
                                                pcreg_import_entry **out);

/**
 * The next import; PCREG_DONE after the last. Borrowed until the next call.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_import_entry_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_import_entry_iter_next(pcreg_import_entry_iter *iter,
                                                    const pcreg_import_entry **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_import_entry_iter_free(pcreg_import_entry_iter *iter);
/**
 * Free a record; NULL is a no-op.
 *
 * @param entry  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_import_entry_free(pcreg_import_entry *entry);

/** @name Import fields
 * Text is borrowed (until the record is freed, or the next _next()).
 * @{ */
/**
 * The import's id in the journal.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_id(const pcreg_import_entry *entry);
/**
 * The file's name, without its directory.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_file_name(const pcreg_import_entry *entry);
/**
 * The file's size in bytes.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_file_size(const pcreg_import_entry *entry);
/**
 * The file's SHA-256, 64 hex digits.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_sha256(const pcreg_import_entry *entry);
/**
 * The kind's word (pcreg_import_kind_str()).
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_kind(const pcreg_import_entry *entry);
/**
 * "strict" or "lenient".
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_mode(const pcreg_import_entry *entry);
/**
 * UTC, "2026-11-23T10:52:01Z".
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_started_at(const pcreg_import_entry *entry);
/**
 * When the import finished.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_finished_at(const pcreg_import_entry *entry);
/**
 * Rows read.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_rows_read(const pcreg_import_entry *entry);
/**
 * Rows inserted.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_inserted(const pcreg_import_entry *entry);
/**
 * Rows updated.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_updated(const pcreg_import_entry *entry);
/**
 * Rows already as the file had them.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_unchanged(const pcreg_import_entry *entry);
/**
 * Rows skipped.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_skipped(const pcreg_import_entry *entry);
/**
 * Rows rejected.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_rejected(const pcreg_import_entry *entry);
/**
 * The release the import was: its date (NULL for the registry's own files and CQC's), and where
 * the date came from: "file", "caller", "inferred" or "migrated".
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_release_date(const pcreg_import_entry *entry);
/**
 * What the release date was taken from.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_release_date_basis(const pcreg_import_entry *entry);
/**
 * The release the import was (0 for a registry file, which is none): several imports of one file
 * are one release.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_entry_release_id(const pcreg_import_entry *entry);
/**
 * The release's digest: the SHA-256 of what it says (its file's, for a release recorded before
 * schema v5 or one that says nothing); NULL for a registry file. Releases of one kind and date
 * are in the order of their digests.
 *
 * @param entry  row from pcreg_import_entry_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_import_entry_release_digest(const pcreg_import_entry *entry);
/** @} */

/** One row a lenient import left out (opaque). */
typedef struct pcreg_rejection pcreg_rejection;
/** An iterator over rejected rows. */
typedef struct pcreg_rejection_iter pcreg_rejection_iter;

/**
 * Every row lenient imports rejected, as the journal keeps them (all of
 * them, where an import's report holds the first 1,000): by import, then
 * line.
 *
 * @param db         open registry
 * @param import_id  one import's rows (pcreg_import_report_id()), or 0 for every import's
 * @param[out] out   new iterator; free with pcreg_rejection_iter_free()
 * @return PCREG_OK or a negative status
 */
PCREG_API pcreg_status pcreg_journal_rejections(pcreg_db *db, int64_t import_id,
                                                pcreg_rejection_iter **out);
/**
 * The next rejected row; PCREG_DONE after the last. Borrowed until the next call.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_rejection_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_rejection_iter_next(pcreg_rejection_iter *iter,
                                                 const pcreg_rejection **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_rejection_iter_free(pcreg_rejection_iter *iter);

/** @name Rejection fields
 * Text is borrowed until the next _next().
 * @{ */
/**
 * The import that read the row.
 *
 * @param rejection  row from pcreg_rejection_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_rejection_import_id(const pcreg_rejection *rejection);
/**
 * The line of the file the row starts on, from 1.
 *
 * @param rejection  row from pcreg_rejection_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_rejection_line(const pcreg_rejection *rejection);
/**
 * The field (the file's column name) it failed on, or NULL.
 *
 * @param rejection  row from pcreg_rejection_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_rejection_field(const pcreg_rejection *rejection);
/**
 * Why.
 *
 * @param rejection  row from pcreg_rejection_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_rejection_reason(const pcreg_rejection *rejection);
/** @} */

/** One change (opaque). */
typedef struct pcreg_change pcreg_change;
/** An iterator over changes. */
typedef struct pcreg_change_iter pcreg_change_iter;

/** The current version of pcreg_change_query. */
#define PCREG_CHANGE_QUERY_VERSION 1

/** Which changes pcreg_journal_changes() returns; unset fields do not filter. */
typedef struct pcreg_change_query {
	unsigned int version; /**< PCREG_CHANGE_QUERY_VERSION */
	int64_t import_id;    /**< made by this import; 0 for any */
	const char *code;     /**< to this code's rows (a practice's, say) */
	const char *from;     /**< effective on or after this date */
	const char *to;       /**< effective on or before this date */
	int limit;            /**< at most this many; 0 for all */
	int offset;           /**< skip this many first */
} pcreg_change_query;

/** Every change. */
#define PCREG_CHANGE_QUERY_INIT { PCREG_CHANGE_QUERY_VERSION, 0, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_CHANGE_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_CHANGE_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_change_query_init(pcreg_change_query *query, unsigned int version);

/**
 * List changes, in the order they were made.
 *
 * @param db        open registry
 * @param query     filters, or NULL for all
 * @param[out] out  new iterator; free with pcreg_change_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_journal_changes(pcreg_db *db, const pcreg_change_query *query,
                                             pcreg_change_iter **out);

/**
 * The next change; PCREG_DONE after the last. Borrowed until the next call.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_change_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_change_iter_next(pcreg_change_iter *iter, const pcreg_change **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_change_iter_free(pcreg_change_iter *iter);

/** @name Change fields
 * Text is borrowed until the next _next(); NULL when absent.
 * @{ */
/**
 * The change's id in the journal.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_change_id(const pcreg_change *change);
/**
 * The import that made the change.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_change_import_id(const pcreg_change *change);
/**
 * "practice", "network_membership", "contract"... (pcreg_export_entity_name()).
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_entity(const pcreg_change *change);
/**
 * The code of the row changed.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_code(const pcreg_change *change);
/**
 * The rest of the row's key: a membership's first day, a succession's new code, an id.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_subkey(const pcreg_change *change);
/**
 * "insert", "update" or "move".
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_action(const pcreg_change *change);
/**
 * The field an update changed, or a move's organisation field.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_field(const pcreg_change *change);
/**
 * The field's value before the change.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_old_value(const pcreg_change *change);
/**
 * The field's value after the change.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_new_value(const pcreg_change *change);
/**
 * When the change happened in the world, as far as the file says: an insert's first day (a
 * practice's open date, a membership's start), a move's date, an update that sets an end date
 * (or a status that changed with a close date) that day; NULL for corrections a file gives no
 * date for.
 *
 * @param change  row from pcreg_change_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_change_effective_date(const pcreg_change *change);
/** @} */

/** What an import did to practices (opaque). */
typedef struct pcreg_import_summary pcreg_import_summary;

/**
 * Summarise an import: practices opened (added), closed, renamed, moved to
 * another commissioner or network (a move no succession explains),
 * merged (moved to a commissioner that succeeded theirs on that day),
 * reclassified (their prescribing setting changed), and succeeded (the
 * practice itself merged into another).
 *
 * @param db         open registry
 * @param import_id  the import
 * @param[out] out   new summary; free with pcreg_import_summary_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_journal_summary(pcreg_db *db, int64_t import_id,
                                             pcreg_import_summary **out);
/**
 * Free a summary; NULL is a no-op.
 *
 * @param summary  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_import_summary_free(pcreg_import_summary *summary);

/** @name Summary fields
 * @{ */
/**
 * Practices added.
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_opened(const pcreg_import_summary *summary);
/**
 * Practices that closed (status became closed, or a close date was set).
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_closed(const pcreg_import_summary *summary);
/**
 * Practice name changes.
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_renamed(const pcreg_import_summary *summary);
/**
 * Practices that moved to another commissioner (not by a merger).
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_moved_commissioner(const pcreg_import_summary *summary);
/**
 * Practices that moved to another network.
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_moved_network(const pcreg_import_summary *summary);
/**
 * Successions added for practices (0 for a release's summary).
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_succeeded(const pcreg_import_summary *summary);
/**
 * Practices whose commissioner changed because commissioners merged (a succession explains it).
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_merged_commissioner(const pcreg_import_summary *summary);
/**
 * Practices whose prescribing setting changed.
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_reclassified(const pcreg_import_summary *summary);
/**
 * Periods whose start a newer release moved (a re-dating, action "update" of from_date).
 *
 * @param summary  summary from pcreg_journal_summary() or pcreg_journal_release_summary(); NULL
 *                 reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_import_summary_redated(const pcreg_import_summary *summary);

/**
 * What a release changed, whatever order the files were loaded in: the
 * differences between the history known through the release and the
 * history known just before it, releases taken in release order (date,
 * then digest; see pcreg_db_known_at()). Loading an older release later
 * changes the answer for the releases after it, as it should. Actions are
 * those of pcreg_journal_changes(), with "update" of "from_date" for a
 * re-dated period and "move" for a practice's new period in another
 * organisation from the day after its last one ended; each change's
 * import is the release's first import.
 *
 * Each call derives the history twice in a copy of the registry in
 * memory: seconds on a national registry.
 *
 * @param db          open registry
 * @param release_id  pcreg_import_entry_release_id()
 * @param[out] out    new iterator, ordered by effective date; free with pcreg_change_iter_free()
 * @return PCREG_OK, PCREG_NOTFOUND for an unknown release, PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_journal_release_changes(pcreg_db *db, int64_t release_id,
                                                    pcreg_change_iter **out);

/**
 * The summary of what a release changed (see pcreg_journal_release_changes()):
 * opened, closed, renamed, moved (no succession explains it), merged (a
 * succession on that date does), reclassified and re-dated. Successions
 * are not evidence of a release: succeeded is 0.
 *
 * @param db          open registry
 * @param release_id  pcreg_import_entry_release_id()
 * @param[out] out    new summary; free with pcreg_import_summary_free()
 * @return PCREG_OK, PCREG_NOTFOUND for an unknown release, PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_journal_release_summary(pcreg_db *db, int64_t release_id,
                                                    pcreg_import_summary **out);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* PCREG_JOURNAL_H */
