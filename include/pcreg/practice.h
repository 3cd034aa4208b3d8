/** @file
 * practice.h: GP practices.
 *
 * A practice is identified by its ODS code, a capital letter and five
 * digits (A81001). Its dated links (commissioner, network, federation)
 * are in membership.h; its contracts, inspections and list sizes in their
 * own headers.
 */
#ifndef PCREG_PRACTICE_H
#define PCREG_PRACTICE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A practice record (opaque). */
typedef struct pcreg_practice pcreg_practice;

/** An iterator over practices. */
typedef struct pcreg_practice_iter pcreg_practice_iter;

/** A practice's ODS status. */
typedef enum pcreg_practice_status_value {
	PCREG_PRACTICE_STATUS_NONE = 0, /**< not set (only in queries: any status) */
	PCREG_PRACTICE_ACTIVE = 1,
	PCREG_PRACTICE_CLOSED = 2,
	PCREG_PRACTICE_DORMANT = 3,
	PCREG_PRACTICE_PROPOSED = 4
} pcreg_practice_status_value;

/**
 * Make an empty practice record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_practice_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_practice_new(pcreg_practice **out);

/**
 * Free a practice record.
 *
 * @param practice  record from pcreg_practice_new() or pcreg_practice_get(), or NULL
 */
PCREG_API void pcreg_practice_free(pcreg_practice *practice);

/**
 * Look up one practice by its ODS code.
 *
 * @param db        open registry
 * @param code      e.g. "A81001"; copied
 * @param[out] out  new record; free with pcreg_practice_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_practice_get(pcreg_db *db, const char *code, pcreg_practice **out);

/**
 * A practice as the release in force on a date describes it: its name,
 * address, status, open and close dates then, not today's. The release in
 * force is the newest one dated on or before @p date that lists the
 * practice; before the first that does, the first. When that is the
 * newest, the registry's own row answers (with any hand edit). The status
 * is pcreg_practice_status_on() of the result.
 *
 * @param db        open registry
 * @param code      e.g. "A81001"
 * @param date      the day asked about, YYYY-MM-DD
 * @param[out] out  new record; free with pcreg_practice_free()
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID for a bad date, PCREG_MISUSE, or a
 *         negative status
 */
PCREG_API pcreg_status pcreg_practice_get_on(pcreg_db *db, const char *code, const char *date,
                                             pcreg_practice **out);

/**
 * Add a practice. Required: code, name, status. Every value is checked
 * before the registry sees it; a bad one gives PCREG_INVALID naming the
 * field ("practice.open_date: ...").
 *
 * @param db        open, writable registry
 * @param practice  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS, PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_insert(pcreg_db *db, pcreg_practice *practice);

/**
 * Replace every field of the practice with the same code by the record's.
 * Codes never change; a new code is a new practice (and a succession).
 *
 * @param db        open, writable registry
 * @param practice  record with the new values
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_update(pcreg_db *db, const pcreg_practice *practice);

/**
 * Delete a practice. Refused with PCREG_CONSTRAINT, naming what depends on
 * it, while memberships, contracts, inspections or list sizes refer to it.
 *
 * @param db    open, writable registry
 * @param code  ODS code
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_delete(pcreg_db *db, const char *code);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The practice's code.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_code(const pcreg_practice *practice);
/**
 * Set the practice's code (checked on insert or update).
 *
 * @param practice  record to change
 * @param code      new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_code(pcreg_practice *practice, const char *code);
/**
 * The practice's name.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_name(const pcreg_practice *practice);
/**
 * Set the practice's name (checked on insert or update).
 *
 * @param practice  record to change
 * @param name      new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_name(pcreg_practice *practice, const char *name);
/**
 * One line of the practice's address.
 *
 * @param practice  record; NULL reads as empty
 * @param line      1 to 5
 * @return borrowed text (see @ref lifetimes); NULL for an empty line or another number
 */
PCREG_API const char *pcreg_practice_address(const pcreg_practice *practice, int line);
/**
 * Set one line of the practice's address (checked on insert or update).
 *
 * @param practice  record to change
 * @param line      1 to 5
 * @param text      new value, copied; NULL empties the line
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record or another line number
 */
PCREG_API pcreg_status pcreg_practice_set_address(pcreg_practice *practice, int line,
                                                  const char *text);
/**
 * The practice's postcode.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_postcode(const pcreg_practice *practice);
/**
 * Set the practice's postcode (checked on insert or update).
 *
 * @param practice  record to change
 * @param postcode  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_postcode(pcreg_practice *practice, const char *postcode);
/**
 * The practice's status.
 *
 * @param practice  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_practice_status_value pcreg_practice_status(const pcreg_practice *practice);
/**
 * Set the practice's status (checked on insert or update).
 *
 * @param practice  record to change
 * @param status    new value; 0 empties the field
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_status(pcreg_practice *practice,
                                                 pcreg_practice_status_value status);
/**
 * ODS prescribing setting: 4 is a GP practice.
 *
 * @param practice  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_practice_prescribing_setting(const pcreg_practice *practice);
/**
 * Set the practice's prescribing setting (checked on insert or update).
 *
 * @param practice  record to change
 * @param setting   new value
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_prescribing_setting(pcreg_practice *practice,
                                                              int64_t setting);
/**
 * Whether the practice's prescribing setting is set.
 *
 * @param practice  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_practice_has_prescribing_setting(const pcreg_practice *practice);
/**
 * Empty the practice's prescribing setting.
 *
 * @param practice  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_clear_prescribing_setting(pcreg_practice *practice);
/**
 * ISO date ("1974-04-01") or NULL.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_open_date(const pcreg_practice *practice);
/**
 * Set the practice's open date (checked on insert or update).
 *
 * @param practice  record to change
 * @param date      YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_open_date(pcreg_practice *practice, const char *date);
/**
 * The practice's close date.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_close_date(const pcreg_practice *practice);
/**
 * Set the practice's close date (checked on insert or update).
 *
 * @param practice  record to change
 * @param date      YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_close_date(pcreg_practice *practice, const char *date);
/**
 * The practice's phone.
 *
 * @param practice  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_practice_phone(const pcreg_practice *practice);
/**
 * Set the practice's phone (checked on insert or update).
 *
 * @param practice  record to change
 * @param phone     new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_practice_set_phone(pcreg_practice *practice, const char *phone);
/** @} */

/**
 * Text for a status: "active", "closed", "dormant", "proposed".
 *
 * @param status  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a status
 */
PCREG_API const char *pcreg_practice_status_str(pcreg_practice_status_value status);

/**
 * The practice's status on a date, from its open and close dates as the
 * newest release gives them: closed from its close date, proposed before
 * its open date, active in between (or dormant, if it is now). Not
 * today's status for a date in the past.
 *
 * @param practice  a practice record
 * @param date      YYYY-MM-DD
 * @return the status then; PCREG_PRACTICE_STATUS_NONE for NULL arguments
 */
PCREG_API pcreg_practice_status_value pcreg_practice_status_on(const pcreg_practice *practice,
                                                               const char *date);

/**
 * The status a word names, case-insensitively ("Active", "CLOSED").
 *
 * @param text  the word; NULL is unknown
 * @return the status, or PCREG_PRACTICE_STATUS_NONE if unknown
 */
PCREG_API pcreg_practice_status_value pcreg_practice_status_parse(const char *text);

/** The current version of pcreg_practice_query. */
#define PCREG_PRACTICE_QUERY_VERSION 1

/**
 * Which practices pcreg_practice_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in code order.
 */
typedef struct pcreg_practice_query {
	unsigned int version;     /**< PCREG_PRACTICE_QUERY_VERSION */
	const char *on;           /**< open on this date; also the date for the membership filters */
	const char *commissioner; /**< member of this commissioner (on `on`, else at any time) */
	const char *network;      /**< member of this network (on `on`, else at any time) */
	const char *federation;   /**< member of this federation (on `on`, else at any time) */
	int status;               /**< a pcreg_practice_status_value, or 0 for any */
	const char *name;         /**< name contains this text, ignoring case */
	const char *postcode;     /**< postcode starts with this (see pcreg_practice_postcode_search()) */
	int limit;                /**< at most this many rows; 0 for all */
	int offset;               /**< skip this many rows first */
} pcreg_practice_query;

/** An empty practice query: every practice. */
#define PCREG_PRACTICE_QUERY_INIT { PCREG_PRACTICE_QUERY_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_PRACTICE_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_PRACTICE_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_practice_query_init(pcreg_practice_query *query, unsigned int version);

/**
 * List practices.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every practice
 * @param[out] out  new iterator; free with pcreg_practice_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or status), or a negative status
 */
PCREG_API pcreg_status pcreg_practice_list(pcreg_db *db, const pcreg_practice_query *query,
                                           pcreg_practice_iter **out);

/**
 * The next practice.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_practice_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_iter_next(pcreg_practice_iter *iter,
                                                const pcreg_practice **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_practice_iter_free(pcreg_practice_iter *iter);

/**
 * Full-text search over practice names and addresses, best matches first.
 * Every word must match; a word also matches longer words it begins
 * ("medic" finds "Medical"). Punctuation is ignored.
 *
 * @param db        open registry
 * @param text      words to look for, e.g. "health centre romford"
 * @param limit     at most this many rows; 0 for all
 * @param[out] out  new iterator; free with pcreg_practice_iter_free()
 * @return PCREG_OK, PCREG_INVALID if @p text has no words, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_search(pcreg_db *db, const char *text, int limit,
                                             pcreg_practice_iter **out);

/**
 * Practices whose postcode starts with @p prefix, in postcode order. Case
 * and extra spaces are ignored. A complete outward code ("BR1") matches
 * that district only (not BR10); a prefix with a space ("RM7 0") or
 * without a digit ("BR") matches as written.
 *
 * @param db        open registry
 * @param prefix    e.g. "BR1", "rm7 0"
 * @param[out] out  new iterator; free with pcreg_practice_iter_free()
 * @return PCREG_OK, PCREG_INVALID for an empty or malformed prefix, or a negative status
 */
PCREG_API pcreg_status pcreg_practice_postcode_search(pcreg_db *db, const char *prefix,
                                                      pcreg_practice_iter **out);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_PRACTICE_H */
