/** @file
 * inspection.h: Care Quality Commission inspections of practices.
 *
 * CQC visits a practice (the inspection date) and later publishes its
 * report (the publication date) with ratings: overall and for five key
 * questions (safe, effective, caring, responsive, well-led). A visit whose
 * report is not yet published has no ratings. A practice has a history of
 * inspections; "not yet inspected" is no inspection at all. Inspections
 * are numbered by the registry: the id is filled in on insert.
 */
#ifndef PCREG_INSPECTION_H
#define PCREG_INSPECTION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An inspection record (opaque). */
typedef struct pcreg_inspection pcreg_inspection;

/** An iterator over inspections. */
typedef struct pcreg_inspection_iter pcreg_inspection_iter;

/** A CQC rating, overall or for one key question. */
typedef enum pcreg_rating {
	PCREG_RATING_NONE = 0,                 /**< not rated (only in queries: any rating) */
	PCREG_RATING_OUTSTANDING = 1,          /**< Outstanding */
	PCREG_RATING_GOOD = 2,                 /**< Good */
	PCREG_RATING_REQUIRES_IMPROVEMENT = 3, /**< Requires improvement */
	PCREG_RATING_INADEQUATE = 4,           /**< Inadequate (special measures follow) */
	PCREG_RATING_INSUFFICIENT_EVIDENCE = 5 /**< Insufficient evidence to rate */
} pcreg_rating;

/**
 * Text for a rating: "outstanding", "good", "requires_improvement",
 * "inadequate", "insufficient_evidence".
 *
 * @param rating  any value, including ones this version does not know
 * @return static text, or NULL for PCREG_RATING_NONE or a value that is not a rating
 */
PCREG_API const char *pcreg_rating_str(pcreg_rating rating);

/**
 * The rating a word names: the tokens of pcreg_rating_str() or CQC's own
 * words ("Requires improvement", "Insufficient evidence to rate"), in any
 * case, with spaces or underscores between words; spaces around are
 * ignored.
 *
 * @param text  the word; NULL is unknown
 * @return the rating, or PCREG_RATING_NONE if unknown
 */
PCREG_API pcreg_rating pcreg_rating_parse(const char *text);

/**
 * Make an empty inspection record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_inspection_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_inspection_new(pcreg_inspection **out);

/**
 * Free an inspection record.
 *
 * @param inspection  record from pcreg_inspection_new(), _get() or _latest_on(), or NULL
 */
PCREG_API void pcreg_inspection_free(pcreg_inspection *inspection);

/**
 * Look up one inspection by its id.
 *
 * @param db        open registry
 * @param id        the id insert gave it
 * @param[out] out  new record; free with pcreg_inspection_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_inspection_get(pcreg_db *db, int64_t id, pcreg_inspection **out);

/**
 * Add an inspection. Required: the practice, and an inspection date or a
 * publication date (or both, publication not before inspection). Ratings
 * need a publication date. Every value is checked before the registry
 * sees it; a bad one gives PCREG_INVALID naming the field
 * ("inspection.publication_date: ...").
 *
 * On success the record's id is set to the new inspection's. A record
 * that already has an id is inserted under it: clear the id
 * (pcreg_inspection_clear_id()) to insert the same values again.
 *
 * @param db          open, writable registry
 * @param inspection  record to add; its id is filled in
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS (the id is taken),
 *         PCREG_CONSTRAINT (the practice is not in the registry),
 *         PCREG_READONLY, or a negative status; on failure nothing changes
 */
PCREG_API pcreg_status pcreg_inspection_insert(pcreg_db *db, pcreg_inspection *inspection);

/**
 * Replace every field of the inspection with the record's id by the
 * record's (say, when its report is published).
 *
 * @param db          open, writable registry
 * @param inspection  record with the new values and the inspection's id
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, PCREG_CONSTRAINT, or a
 *         negative status; on failure nothing changes
 */
PCREG_API pcreg_status pcreg_inspection_update(pcreg_db *db, const pcreg_inspection *inspection);

/**
 * Delete an inspection.
 *
 * @param db  open, writable registry
 * @param id  the inspection's id
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_inspection_delete(pcreg_db *db, int64_t id);

/**
 * As of a date: the practice's latest inspection whose report was
 * published on or before it (of two published the same day, the one
 * added last). Visits not yet published that day do not count. An index
 * seek.
 *
 * @param db        open registry
 * @param practice  practice ODS code
 * @param date      the day asked about, "YYYY-MM-DD"
 * @param[out] out  new record; free with pcreg_inspection_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no report published by then),
 *         PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_inspection_latest_on(pcreg_db *db, const char *practice,
                                                  const char *date, pcreg_inspection **out);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field;
 * PCREG_RATING_NONE clears a rating. Setters return PCREG_OK,
 * PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The registry's number for the inspection; 0 (and has_id 0) until inserted.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_inspection_id(const pcreg_inspection *inspection);
/**
 * Set the inspection's id (checked on insert or update).
 *
 * @param inspection  record to change
 * @param id          the row's id (insert assigns one when it is not set)
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_id(pcreg_inspection *inspection, int64_t id);
/**
 * Whether the inspection's id is set.
 *
 * @param inspection  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_inspection_has_id(const pcreg_inspection *inspection);
/**
 * Empty the inspection's id.
 *
 * @param inspection  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_clear_id(pcreg_inspection *inspection);
/**
 * The practice inspected (ODS code).
 *
 * @param inspection  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_inspection_practice(const pcreg_inspection *inspection);
/**
 * Set the inspection's practice (checked on insert or update).
 *
 * @param inspection  record to change
 * @param practice    new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_practice(pcreg_inspection *inspection,
                                                     const char *practice);
/**
 * CQC's location id, "1-" and digits ("1-101681212").
 *
 * @param inspection  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_inspection_cqc_location_id(const pcreg_inspection *inspection);
/**
 * Set the inspection's cqc location id (checked on insert or update).
 *
 * @param inspection   record to change
 * @param location_id  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_cqc_location_id(pcreg_inspection *inspection,
                                                            const char *location_id);
/**
 * The day of the visit, or NULL if not known.
 *
 * @param inspection  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_inspection_inspection_date(const pcreg_inspection *inspection);
/**
 * Set the inspection's inspection date (checked on insert or update).
 *
 * @param inspection  record to change
 * @param date        YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_inspection_date(pcreg_inspection *inspection,
                                                            const char *date);
/**
 * The day the report was published, or NULL while unpublished.
 *
 * @param inspection  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_inspection_publication_date(const pcreg_inspection *inspection);
/**
 * Set the inspection's publication date (checked on insert or update).
 *
 * @param inspection  record to change
 * @param date        YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_publication_date(pcreg_inspection *inspection,
                                                             const char *date);
/**
 * The inspection's overall.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_overall(const pcreg_inspection *inspection);
/**
 * Set the inspection's overall (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_overall(pcreg_inspection *inspection,
                                                    pcreg_rating rating);
/**
 * The inspection's safe.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_safe(const pcreg_inspection *inspection);
/**
 * Set the inspection's safe (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_safe(pcreg_inspection *inspection, pcreg_rating rating);
/**
 * The inspection's effective.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_effective(const pcreg_inspection *inspection);
/**
 * Set the inspection's effective (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_effective(pcreg_inspection *inspection,
                                                      pcreg_rating rating);
/**
 * The inspection's caring.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_caring(const pcreg_inspection *inspection);
/**
 * Set the inspection's caring (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_caring(pcreg_inspection *inspection,
                                                   pcreg_rating rating);
/**
 * The inspection's responsive.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_responsive(const pcreg_inspection *inspection);
/**
 * Set the inspection's responsive (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_responsive(pcreg_inspection *inspection,
                                                       pcreg_rating rating);
/**
 * The inspection's well led.
 *
 * @param inspection  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_rating pcreg_inspection_well_led(const pcreg_inspection *inspection);
/**
 * Set the inspection's well led (checked on insert or update).
 *
 * @param inspection  record to change
 * @param rating      new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_well_led(pcreg_inspection *inspection,
                                                     pcreg_rating rating);
/**
 * Where the report is published, or NULL.
 *
 * @param inspection  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_inspection_report_url(const pcreg_inspection *inspection);
/**
 * Set the inspection's report url (checked on insert or update).
 *
 * @param inspection  record to change
 * @param url         new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_inspection_set_report_url(pcreg_inspection *inspection,
                                                       const char *url);
/** @} */

/** The current version of pcreg_inspection_query. */
#define PCREG_INSPECTION_QUERY_VERSION 1

/**
 * Which inspections pcreg_inspection_list() returns. Unset (NULL or 0)
 * fields do not filter; the date filters leave out unpublished visits.
 * Results come in (practice, publication_date, id) order, unpublished
 * visits first.
 */
typedef struct pcreg_inspection_query {
	unsigned int version;       /**< PCREG_INSPECTION_QUERY_VERSION */
	const char *practice;       /**< of this practice */
	const char *published_from; /**< report published on or after this date */
	const char *published_to;   /**< report published on or before this date */
	int overall;                /**< a pcreg_rating, or 0 for any (rated or not) */
	int limit;                  /**< at most this many rows; 0 for all */
	int offset;                 /**< skip this many rows first */
} pcreg_inspection_query;

/** An empty inspection query: every inspection. */
#define PCREG_INSPECTION_QUERY_INIT { PCREG_INSPECTION_QUERY_VERSION, NULL, NULL, NULL, 0, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_INSPECTION_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_INSPECTION_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_inspection_query_init(pcreg_inspection_query *query,
                                                   unsigned int version);

/**
 * List inspections.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every inspection
 * @param[out] out  new iterator; free with pcreg_inspection_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or rating), or a negative status
 */
PCREG_API pcreg_status pcreg_inspection_list(pcreg_db *db, const pcreg_inspection_query *query,
                                             pcreg_inspection_iter **out);

/**
 * The next inspection.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_inspection_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_inspection_iter_next(pcreg_inspection_iter *iter,
                                                  const pcreg_inspection **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_inspection_iter_free(pcreg_inspection_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_INSPECTION_H */
