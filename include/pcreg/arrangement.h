/** @file
 * arrangement.h: co-commissioning of general practice.
 *
 * From 2015 a CCG commissioned general practice together with NHS England
 * at one of three levels: greater involvement, joint, or delegated (full
 * responsibility and a delegated budget). An arrangement holds one level
 * over a period, from a date to a date or open-ended (NULL); a
 * commissioner's periods never overlap, so "at what level was Medway on
 * 2016-06-01?" has one answer. Arrangements are named by an integer id
 * that the registry assigns.
 */
#ifndef PCREG_ARRANGEMENT_H
#define PCREG_ARRANGEMENT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A commissioning arrangement record (opaque). */
typedef struct pcreg_arrangement pcreg_arrangement;

/** An iterator over commissioning arrangements. */
typedef struct pcreg_arrangement_iter pcreg_arrangement_iter;

/** The level at which a commissioner co-commissions general practice. */
typedef enum pcreg_arrangement_level_value {
	PCREG_ARRANGEMENT_LEVEL_NONE = 0,          /**< not set (only in queries: any level) */
	PCREG_ARRANGEMENT_GREATER_INVOLVEMENT = 1, /**< greater involvement (level 1) */
	PCREG_ARRANGEMENT_JOINT = 2,               /**< joint commissioning (level 2) */
	PCREG_ARRANGEMENT_DELEGATED = 3            /**< delegated commissioning (level 3) */
} pcreg_arrangement_level_value;

/**
 * Make an empty arrangement record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_arrangement_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_arrangement_new(pcreg_arrangement **out);

/**
 * Free an arrangement record.
 *
 * @param arrangement  record from pcreg_arrangement_new(), _get() or _on(), or NULL
 */
PCREG_API void pcreg_arrangement_free(pcreg_arrangement *arrangement);

/**
 * Look up one arrangement by its id.
 *
 * @param db        open registry
 * @param id        id from pcreg_arrangement_id()
 * @param[out] out  new record; free with pcreg_arrangement_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_arrangement_get(pcreg_db *db, int64_t id, pcreg_arrangement **out);

/**
 * Add an arrangement. Required: commissioner, level, from_date; to_date
 * may not be before from_date. On success the record's id is set to the
 * one the registry assigned.
 *
 * @param db           open, writable registry
 * @param arrangement  record to add; its id is set
 * @return PCREG_OK; PCREG_INVALID naming the field; PCREG_CONSTRAINT if
 *         the commissioner is not in the registry; PCREG_EXISTS if the
 *         commissioner has an arrangement starting the same day;
 *         PCREG_CONFLICT, naming the clash, if it overlaps another of the
 *         commissioner's arrangements; PCREG_READONLY; or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_insert(pcreg_db *db, pcreg_arrangement *arrangement);

/**
 * Replace every field of the arrangement with the record's id by the
 * record's.
 *
 * @param db           open, writable registry
 * @param arrangement  record from pcreg_arrangement_get() or _on(), changed with the setters
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, PCREG_CONSTRAINT,
 *         PCREG_EXISTS, PCREG_CONFLICT, or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_update(pcreg_db *db,
                                                const pcreg_arrangement *arrangement);

/**
 * Delete an arrangement.
 *
 * @param db  open, writable registry
 * @param id  its id
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_delete(pcreg_db *db, int64_t id);

/**
 * As of a date: the commissioner's arrangement that covers it. An index
 * seek.
 *
 * @param db            open registry
 * @param commissioner  commissioner code, e.g. "07L"
 * @param date          the day asked about, "YYYY-MM-DD"
 * @param[out] out      new record; free with pcreg_arrangement_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no arrangement that day), PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_on(pcreg_db *db, const char *commissioner,
                                            const char *date, pcreg_arrangement **out);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The registry's number for the arrangement; 0 (and has_id 0) until inserted. Insert assigns one
 * unless an id was set (as an import of an export does); clear it to insert the same values
 * again as a new row.
 *
 * @param arrangement  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_arrangement_id(const pcreg_arrangement *arrangement);
/**
 * Set the arrangement's id (checked on insert or update).
 *
 * @param arrangement  record to change
 * @param id           the row's id (insert assigns one when it is not set)
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_set_id(pcreg_arrangement *arrangement, int64_t id);
/**
 * Whether the arrangement's id is set.
 *
 * @param arrangement  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_arrangement_has_id(const pcreg_arrangement *arrangement);
/**
 * Empty the arrangement's id.
 *
 * @param arrangement  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_clear_id(pcreg_arrangement *arrangement);
/**
 * The commissioner's code.
 *
 * @param arrangement  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_arrangement_commissioner(const pcreg_arrangement *arrangement);
/**
 * Set the arrangement's commissioner (checked on insert or update).
 *
 * @param arrangement   record to change
 * @param commissioner  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_set_commissioner(pcreg_arrangement *arrangement,
                                                          const char *commissioner);
/**
 * The arrangement's level.
 *
 * @param arrangement  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_arrangement_level_value pcreg_arrangement_level(
	const pcreg_arrangement *arrangement);
/**
 * Set the arrangement's level (checked on insert or update).
 *
 * @param arrangement  record to change
 * @param level        new value; 0 empties the field
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_set_level(pcreg_arrangement *arrangement,
                                                   pcreg_arrangement_level_value level);
/**
 * The first day, ISO date.
 *
 * @param arrangement  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_arrangement_from_date(const pcreg_arrangement *arrangement);
/**
 * Set the arrangement's from date (checked on insert or update).
 *
 * @param arrangement  record to change
 * @param date         YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_set_from_date(pcreg_arrangement *arrangement,
                                                       const char *date);
/**
 * The last day, or NULL while open-ended.
 *
 * @param arrangement  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_arrangement_to_date(const pcreg_arrangement *arrangement);
/**
 * Set the arrangement's to date (checked on insert or update).
 *
 * @param arrangement  record to change
 * @param date         YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_arrangement_set_to_date(pcreg_arrangement *arrangement,
                                                     const char *date);
/** @} */

/**
 * Text for a level: "greater_involvement", "joint", "delegated".
 *
 * @param level  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a level
 */
PCREG_API const char *pcreg_arrangement_level_str(pcreg_arrangement_level_value level);

/**
 * The level a word names, case-insensitively ("Delegated").
 *
 * @param text  the word; NULL is unknown
 * @return the level, or PCREG_ARRANGEMENT_LEVEL_NONE if unknown
 */
PCREG_API pcreg_arrangement_level_value pcreg_arrangement_level_parse(const char *text);

/** The current version of pcreg_arrangement_query. */
#define PCREG_ARRANGEMENT_QUERY_VERSION 1

/**
 * Which arrangements pcreg_arrangement_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in (commissioner, from_date) order.
 */
typedef struct pcreg_arrangement_query {
	unsigned int version;     /**< PCREG_ARRANGEMENT_QUERY_VERSION */
	const char *commissioner; /**< arrangements of this commissioner */
	int level;                /**< a pcreg_arrangement_level_value, or 0 for any */
	const char *on;           /**< arrangements covering this date */
	int limit;                /**< at most this many rows; 0 for all */
	int offset;               /**< skip this many rows first */
} pcreg_arrangement_query;

/** An empty arrangement query: every arrangement. */
#define PCREG_ARRANGEMENT_QUERY_INIT { PCREG_ARRANGEMENT_QUERY_VERSION, NULL, 0, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_ARRANGEMENT_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_ARRANGEMENT_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_arrangement_query_init(pcreg_arrangement_query *query,
                                                    unsigned int version);

/**
 * List arrangements.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every arrangement
 * @param[out] out  new iterator; free with pcreg_arrangement_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or level), or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_list(pcreg_db *db, const pcreg_arrangement_query *query,
                                              pcreg_arrangement_iter **out);

/**
 * The next arrangement.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_arrangement_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_arrangement_iter_next(pcreg_arrangement_iter *iter,
                                                   const pcreg_arrangement **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_arrangement_iter_free(pcreg_arrangement_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_ARRANGEMENT_H */
