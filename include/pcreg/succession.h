/** @file
 * succession.h: which code carries an organisation on.
 *
 * The ODS records, in its succ file, that from an effective date an old
 * code is succeeded by a new one: when CCGs merged (07L -> A3A8R on
 * 2021-04-01), when practices merged, when trusts were renamed. A code may
 * split into several on one date. Successions cover every kind of
 * organisation, so their codes need not be in the registry.
 * pcreg_succession_resolve() follows them to the code in use on a date.
 */
#ifndef PCREG_SUCCESSION_H
#define PCREG_SUCCESSION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A succession record (opaque). */
typedef struct pcreg_succession pcreg_succession;

/** An iterator over successions. */
typedef struct pcreg_succession_iter pcreg_succession_iter;

/** Where following successions from a code led (opaque). */
typedef struct pcreg_resolution pcreg_resolution;

/**
 * Make an empty succession record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_succession_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_succession_new(pcreg_succession **out);

/**
 * Free a succession record.
 *
 * @param succession  record from pcreg_succession_new() or pcreg_succession_get(), or NULL
 */
PCREG_API void pcreg_succession_free(pcreg_succession *succession);

/**
 * Look up one succession by its two codes.
 *
 * @param db        open registry
 * @param old_code  the code succeeded, e.g. "07L"; copied
 * @param new_code  its successor, e.g. "A3A8R"; copied
 * @param[out] out  new record; free with pcreg_succession_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_succession_get(pcreg_db *db, const char *old_code,
                                            const char *new_code, pcreg_succession **out);

/**
 * Add a succession. Required: old_code, new_code (3 to 12 capital letters
 * and digits, not the same) and effective_date. A bad value gives
 * PCREG_INVALID naming the field ("succession.new_code: ...").
 *
 * @param db          open, writable registry
 * @param succession  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS, PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_succession_insert(pcreg_db *db, pcreg_succession *succession);

/**
 * Change the effective date of the succession with the record's two codes.
 *
 * @param db          open, writable registry
 * @param succession  record with the new date
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_succession_update(pcreg_db *db, const pcreg_succession *succession);

/**
 * Delete a succession.
 *
 * @param db        open, writable registry
 * @param old_code  the code succeeded
 * @param new_code  its successor
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_succession_delete(pcreg_db *db, const char *old_code,
                                               const char *new_code);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The succession's old code.
 *
 * @param succession  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_succession_old_code(const pcreg_succession *succession);
/**
 * Set the succession's old code (checked on insert or update).
 *
 * @param succession  record to change
 * @param code        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_succession_set_old_code(pcreg_succession *succession,
                                                     const char *code);
/**
 * The succession's new code.
 *
 * @param succession  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_succession_new_code(const pcreg_succession *succession);
/**
 * Set the succession's new code (checked on insert or update).
 *
 * @param succession  record to change
 * @param code        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_succession_set_new_code(pcreg_succession *succession,
                                                     const char *code);
/**
 * ISO date from which the new code carries the organisation on.
 *
 * @param succession  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_succession_effective_date(const pcreg_succession *succession);
/**
 * Set the succession's effective date (checked on insert or update).
 *
 * @param succession  record to change
 * @param date        YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_succession_set_effective_date(pcreg_succession *succession,
                                                           const char *date);
/** @} */

/** The current version of pcreg_succession_query. */
#define PCREG_SUCCESSION_QUERY_VERSION 1

/**
 * Which successions pcreg_succession_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in (old_code, effective_date,
 * new_code) order.
 */
typedef struct pcreg_succession_query {
	unsigned int version; /**< PCREG_SUCCESSION_QUERY_VERSION */
	const char *old_code; /**< successions of this code */
	const char *new_code; /**< successions to this code (its predecessors) */
	const char *from;     /**< effective on or after this date */
	const char *to;       /**< effective on or before this date */
	int limit;            /**< at most this many rows; 0 for all */
	int offset;           /**< skip this many rows first */
} pcreg_succession_query;

/** An empty succession query: every succession. */
#define PCREG_SUCCESSION_QUERY_INIT { PCREG_SUCCESSION_QUERY_VERSION, NULL, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_SUCCESSION_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_SUCCESSION_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_succession_query_init(pcreg_succession_query *query,
                                                   unsigned int version);

/**
 * List successions.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every succession
 * @param[out] out  new iterator; free with pcreg_succession_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_succession_list(pcreg_db *db, const pcreg_succession_query *query,
                                             pcreg_succession_iter **out);

/**
 * The next succession.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_succession_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_succession_iter_next(pcreg_succession_iter *iter,
                                                  const pcreg_succession **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_succession_iter_free(pcreg_succession_iter *iter);

/**
 * As of a date: the code that carries on the organisation that @p code
 * named, following successions through any number of steps. Each step
 * takes the successor with the latest effective date on or before
 * @p on_date and not before the previous step's date (time only moves
 * forward), one index seek per step. When a code split into several on
 * that date, the lowest new code is taken and the resolution is marked
 * ambiguous. A code with no successions (whether or not the registry
 * knows it) resolves to itself in no steps.
 *
 * @param db        open registry
 * @param code      ODS code to start from, e.g. "07L"
 * @param on_date   the day asked about, "YYYY-MM-DD"
 * @param[out] out  new result; free with pcreg_resolution_free()
 * @return PCREG_OK; PCREG_CYCLE if the successions lead back, on the same
 *         date, to a code already passed (the message shows the chain,
 *         "A -> B -> A"; coming back on a later date simply ends there) or
 *         run past 64 steps; PCREG_INVALID for a malformed code or date;
 *         or a negative status
 */
PCREG_API pcreg_status pcreg_succession_resolve(pcreg_db *db, const char *code,
                                                const char *on_date, pcreg_resolution **out);

/**
 * The code a resolution ended at: the one in use on the date asked about.
 *
 * @param resolution  result of pcreg_succession_resolve()
 * @return borrowed text, valid until pcreg_resolution_free(); NULL for a NULL result
 */
PCREG_API const char *pcreg_resolution_code(const pcreg_resolution *resolution);

/**
 * How many successions were followed.
 *
 * @param resolution  result of pcreg_succession_resolve()
 * @return 0 (the code was still in use) to 64; 0 for a NULL result
 */
PCREG_API int pcreg_resolution_steps(const pcreg_resolution *resolution);

/**
 * The code reached by step @p index (step 0 leads from the starting code).
 *
 * @param resolution  result of pcreg_succession_resolve()
 * @param index       0 to pcreg_resolution_steps() - 1
 * @return borrowed text, valid until pcreg_resolution_free(); NULL out of range
 */
PCREG_API const char *pcreg_resolution_step_code(const pcreg_resolution *resolution, int index);

/**
 * The effective date of step @p index.
 *
 * @param resolution  result of pcreg_succession_resolve()
 * @param index       0 to pcreg_resolution_steps() - 1
 * @return borrowed ISO date, valid until pcreg_resolution_free(); NULL out of range
 */
PCREG_API const char *pcreg_resolution_step_date(const pcreg_resolution *resolution, int index);

/**
 * Whether some step chose among several successors of one code on one
 * date (a split): the answer is then one of several.
 *
 * @param resolution  result of pcreg_succession_resolve()
 * @return 1 if ambiguous, else 0 (also for a NULL result)
 */
PCREG_API int pcreg_resolution_ambiguous(const pcreg_resolution *resolution);

/**
 * Free a resolution.
 *
 * @param resolution  result of pcreg_succession_resolve(), or NULL
 */
PCREG_API void pcreg_resolution_free(pcreg_resolution *resolution);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_SUCCESSION_H */
