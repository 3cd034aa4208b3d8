/** @file
 * listsize.h: registered list sizes of practices.
 *
 * NHS Digital publishes the number of patients registered at each
 * practice every month. An extract is named by (practice, extract_date)
 * and holds the registered count and, where known, the weighted count
 * (patients weighted for need, fractional, as payments per weighted
 * patient use).
 */
#ifndef PCREG_LISTSIZE_H
#define PCREG_LISTSIZE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One practice's list size in one extract (opaque). */
typedef struct pcreg_list_size pcreg_list_size;

/** An iterator over list sizes. */
typedef struct pcreg_list_size_iter pcreg_list_size_iter;

/**
 * Make an empty list size record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_list_size_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_list_size_new(pcreg_list_size **out);

/**
 * Free a list size record.
 *
 * @param list_size  record from pcreg_list_size_new(), _get() or _on(), or NULL
 */
PCREG_API void pcreg_list_size_free(pcreg_list_size *list_size);

/**
 * Look up one practice's list size in one extract.
 *
 * @param db            open registry
 * @param practice      practice ODS code; copied
 * @param extract_date  the extract's date, "YYYY-MM-DD"; copied
 * @param[out] out      new record; free with pcreg_list_size_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_list_size_get(pcreg_db *db, const char *practice,
                                           const char *extract_date, pcreg_list_size **out);

/**
 * Add a list size. Required: practice, extract_date, registered (not
 * negative); weighted, if set, is not negative either. Every value is
 * checked before the registry sees it; a bad one gives PCREG_INVALID
 * naming the field ("list_size.registered: ...").
 *
 * @param db         open, writable registry
 * @param list_size  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS (that extract is already
 *         recorded for the practice), PCREG_CONSTRAINT (the practice is not
 *         in the registry), PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_insert(pcreg_db *db, pcreg_list_size *list_size);

/**
 * Replace the counts of the list size with the record's practice and
 * extract date by the record's.
 *
 * @param db         open, writable registry
 * @param list_size  record with the new values
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_update(pcreg_db *db, const pcreg_list_size *list_size);

/**
 * Delete one practice's list size in one extract.
 *
 * @param db            open, writable registry
 * @param practice      practice ODS code
 * @param extract_date  the extract's date
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_delete(pcreg_db *db, const char *practice,
                                              const char *extract_date);

/**
 * As of a date: the practice's latest list size extracted on or before
 * it. A seek on the primary key.
 *
 * @param db        open registry
 * @param practice  practice ODS code
 * @param date      the day asked about, "YYYY-MM-DD"
 * @param[out] out  new record; free with pcreg_list_size_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no extract by then), PCREG_INVALID
 *         (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_on(pcreg_db *db, const char *practice, const char *date,
                                          pcreg_list_size **out);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The practice (ODS code).
 *
 * @param list_size  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_list_size_practice(const pcreg_list_size *list_size);
/**
 * Set the list size's practice (checked on insert or update).
 *
 * @param list_size  record to change
 * @param practice   new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_list_size_set_practice(pcreg_list_size *list_size,
                                                    const char *practice);
/**
 * The extract's date, "YYYY-MM-DD".
 *
 * @param list_size  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_list_size_extract_date(const pcreg_list_size *list_size);
/**
 * Set the list size's extract date (checked on insert or update).
 *
 * @param list_size  record to change
 * @param date       YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_list_size_set_extract_date(pcreg_list_size *list_size,
                                                        const char *date);
/**
 * Patients registered; 0 in a new record until set.
 *
 * @param list_size  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_list_size_registered(const pcreg_list_size *list_size);
/**
 * Set the list size's registered (checked on insert or update).
 *
 * @param list_size  record to change
 * @param patients   new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_list_size_set_registered(pcreg_list_size *list_size,
                                                      int64_t patients);
/**
 * Weighted patients (fractional); has_weighted is 0 when not known.
 *
 * @param list_size  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API double pcreg_list_size_weighted(const pcreg_list_size *list_size);
/**
 * Set the list size's weighted (checked on insert or update).
 *
 * @param list_size  record to change
 * @param patients   new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_list_size_set_weighted(pcreg_list_size *list_size, double patients);
/**
 * Whether the list size's weighted is set.
 *
 * @param list_size  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_list_size_has_weighted(const pcreg_list_size *list_size);
/**
 * Empty the list size's weighted.
 *
 * @param list_size  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_list_size_clear_weighted(pcreg_list_size *list_size);
/** @} */

/** The current version of pcreg_list_size_query. */
#define PCREG_LIST_SIZE_QUERY_VERSION 1

/**
 * Which list sizes pcreg_list_size_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in (practice, extract_date) order.
 */
typedef struct pcreg_list_size_query {
	unsigned int version; /**< PCREG_LIST_SIZE_QUERY_VERSION */
	const char *practice; /**< of this practice */
	const char *from;     /**< extracts on or after this date */
	const char *to;       /**< extracts on or before this date */
	int limit;            /**< at most this many rows; 0 for all */
	int offset;           /**< skip this many rows first */
} pcreg_list_size_query;

/** An empty list size query: every extract of every practice. */
#define PCREG_LIST_SIZE_QUERY_INIT { PCREG_LIST_SIZE_QUERY_VERSION, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_LIST_SIZE_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_LIST_SIZE_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_list_size_query_init(pcreg_list_size_query *query,
                                                  unsigned int version);

/**
 * List list sizes.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every list size
 * @param[out] out  new iterator; free with pcreg_list_size_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_list(pcreg_db *db, const pcreg_list_size_query *query,
                                            pcreg_list_size_iter **out);

/**
 * The next list size.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_list_size_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_list_size_iter_next(pcreg_list_size_iter *iter,
                                                 const pcreg_list_size **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_list_size_iter_free(pcreg_list_size_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_LISTSIZE_H */
