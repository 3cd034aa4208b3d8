/** @file
 * membership.h: a practice's dated links to its commissioner, network and
 * federation.
 *
 * A membership is a period: from a date, to a date or open-ended (NULL).
 * A practice has at most one period of each kind on any date, so "which
 * network was it in on 2020-04-01?" has one answer. Periods are named by
 * (kind, practice, from_date).
 */
#ifndef PCREG_MEMBERSHIP_H
#define PCREG_MEMBERSHIP_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a practice is a member of. */
typedef enum pcreg_membership_kind_value {
	PCREG_MEMBERSHIP_NONE = 0,         /**< not a kind (only in queries: invalid) */
	PCREG_MEMBERSHIP_COMMISSIONER = 1, /**< the commissioner that commissions it */
	PCREG_MEMBERSHIP_NETWORK = 2,      /**< its primary care network or local network */
	PCREG_MEMBERSHIP_FEDERATION = 3    /**< its GP federation */
} pcreg_membership_kind_value;

/** One membership period (opaque). */
typedef struct pcreg_membership pcreg_membership;

/** An iterator over membership periods. */
typedef struct pcreg_membership_iter pcreg_membership_iter;

/**
 * Start a period: the practice joins an organisation from a date,
 * open-ended or to a date. Refused with PCREG_CONFLICT, naming the clash,
 * if it overlaps another period of the same kind for that practice;
 * PCREG_CONSTRAINT if the practice or organisation is not in the registry.
 *
 * @param db            open, writable registry
 * @param kind          commissioner, network or federation
 * @param practice      practice ODS code
 * @param organisation  commissioner code, network code or federation id
 * @param from_date     first day, "YYYY-MM-DD"
 * @param to_date       last day, or NULL for open-ended
 * @return PCREG_OK, PCREG_CONFLICT, PCREG_CONSTRAINT, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_join(pcreg_db *db, pcreg_membership_kind_value kind,
                                             const char *practice, const char *organisation,
                                             const char *from_date, const char *to_date);

/**
 * End the period that covers @p date: @p date becomes its last day.
 *
 * @param db        open, writable registry
 * @param kind      commissioner, network or federation
 * @param practice  practice ODS code
 * @param date      the last day of membership
 * @return PCREG_OK, PCREG_NOTFOUND (no period covers @p date), or a negative status
 */
PCREG_API pcreg_status pcreg_membership_leave(pcreg_db *db, pcreg_membership_kind_value kind,
                                              const char *practice, const char *date);

/**
 * Move a practice to another organisation from a date, in one
 * transaction: the period covering @p from_date ends the day before, and
 * an open-ended period with @p organisation starts on it. With no period
 * covering @p from_date, this is pcreg_membership_join() open-ended.
 *
 * @param db            open, writable registry
 * @param kind          commissioner, network or federation
 * @param practice      practice ODS code
 * @param organisation  where it moves to
 * @param from_date     first day in the new organisation
 * @return PCREG_OK; PCREG_EXISTS if it is already there on that date;
 *         PCREG_CONFLICT if the current period also starts on @p from_date
 *         or a later period is in the way; or a negative status. On any
 *         failure nothing changes.
 */
PCREG_API pcreg_status pcreg_membership_move(pcreg_db *db, pcreg_membership_kind_value kind,
                                             const char *practice, const char *organisation,
                                             const char *from_date);

/**
 * As of a date: the period that covers it (which commissioner, network or
 * federation the practice had on that day). An index seek.
 *
 * @param db        open registry
 * @param kind      commissioner, network or federation
 * @param practice  practice ODS code
 * @param date      the day asked about
 * @param[out] out  new record; free with pcreg_membership_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no membership that day), or a negative status
 * @see pcreg_membership_answer() for how the answer is known
 */
PCREG_API pcreg_status pcreg_membership_on(pcreg_db *db, pcreg_membership_kind_value kind,
                                           const char *practice, const char *date,
                                           pcreg_membership **out);

/**
 * One period by its key.
 *
 * @param db         open registry
 * @param kind       commissioner, network or federation
 * @param practice   practice ODS code
 * @param from_date  the period's first day
 * @param[out] out   new record; free with pcreg_membership_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_get(pcreg_db *db, pcreg_membership_kind_value kind,
                                            const char *practice, const char *from_date,
                                            pcreg_membership **out);

/**
 * Correct a period: its organisation and last day become the record's.
 * (Its practice and first day name it and cannot change; delete and join
 * again for that.)
 *
 * @param db          open, writable registry
 * @param membership  record from pcreg_membership_get() or _on(), changed with the setters
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_CONFLICT, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_update(pcreg_db *db, const pcreg_membership *membership);

/**
 * Delete a period (a correction: to end a membership, use leave).
 *
 * @param db         open, writable registry
 * @param kind       commissioner, network or federation
 * @param practice   practice ODS code
 * @param from_date  the period's first day
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_delete(pcreg_db *db, pcreg_membership_kind_value kind,
                                               const char *practice, const char *from_date);

/**
 * Free a membership record.
 *
 * @param membership  record, or NULL
 */
PCREG_API void pcreg_membership_free(pcreg_membership *membership);

/** @name Fields
 * Text is borrowed: valid until the record is freed or the field set again
 * (for iterator rows, until the next _next()). Setters copy.
 * @{ */
/**
 * The membership's kind.
 *
 * @param membership  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_membership_kind_value pcreg_membership_kind(const pcreg_membership *membership);
/**
 * The membership's practice.
 *
 * @param membership  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_membership_practice(const pcreg_membership *membership);
/**
 * The commissioner code, network code or federation id.
 *
 * @param membership  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_membership_organisation(const pcreg_membership *membership);
/**
 * Set the membership's organisation (checked on insert or update).
 *
 * @param membership    record to change
 * @param organisation  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_membership_set_organisation(pcreg_membership *membership,
                                                         const char *organisation);
/**
 * The membership's from date.
 *
 * @param membership  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_membership_from_date(const pcreg_membership *membership);
/**
 * The last day, or NULL while open-ended.
 *
 * @param membership  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_membership_to_date(const pcreg_membership *membership);
/**
 * Set the membership's to date (checked on insert or update).
 *
 * @param membership  record to change
 * @param to_date     YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_membership_set_to_date(pcreg_membership *membership,
                                                    const char *to_date);
/** @} */

/**
 * Text for a kind: "commissioner", "network", "federation".
 *
 * @param kind  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a kind
 */
PCREG_API const char *pcreg_membership_kind_str(pcreg_membership_kind_value kind);

/**
 * The kind a word names, case-insensitively.
 *
 * @param text  the word; NULL is unknown
 * @return the kind, or PCREG_MEMBERSHIP_NONE
 */
PCREG_API pcreg_membership_kind_value pcreg_membership_kind_parse(const char *text);

/** The current version of pcreg_membership_query. */
#define PCREG_MEMBERSHIP_QUERY_VERSION 1

/**
 * Which periods pcreg_membership_list() returns. The kind is required;
 * unset fields do not filter. Results come in (practice, from_date) order.
 */
typedef struct pcreg_membership_query {
	unsigned int version;     /**< PCREG_MEMBERSHIP_QUERY_VERSION */
	int kind;                 /**< a pcreg_membership_kind_value; required */
	const char *practice;     /**< periods of this practice */
	const char *organisation; /**< periods in this organisation */
	const char *on;           /**< periods covering this date */
	const char *from;         /**< periods that end on or after this date */
	const char *to;           /**< periods that start on or before this date */
	int limit;                /**< at most this many rows; 0 for all */
	int offset;               /**< skip this many rows first */
} pcreg_membership_query;

/** A membership query with only the version set (set the kind). */
#define PCREG_MEMBERSHIP_QUERY_INIT { PCREG_MEMBERSHIP_QUERY_VERSION, 0, NULL, NULL, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_MEMBERSHIP_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_MEMBERSHIP_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_membership_query_init(pcreg_membership_query *query,
                                                   unsigned int version);

/**
 * List membership periods.
 *
 * @param db        open registry
 * @param query     filters; the kind is required
 * @param[out] out  new iterator; free with pcreg_membership_iter_free()
 * @return PCREG_OK, PCREG_INVALID (no kind, a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_membership_list(pcreg_db *db, const pcreg_membership_query *query,
                                             pcreg_membership_iter **out);

/**
 * As of a date: an organisation's members that day, in practice order. An
 * index seek on the organisation.
 *
 * @param db            open registry
 * @param kind          commissioner, network or federation
 * @param organisation  commissioner code, network code or federation id
 * @param date          the day asked about
 * @param[out] out      new iterator; free with pcreg_membership_iter_free()
 * @return PCREG_OK, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_members_on(pcreg_db *db, pcreg_membership_kind_value kind,
                                                   const char *organisation, const char *date,
                                                   pcreg_membership_iter **out);

/**
 * The next period.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_membership_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_iter_next(pcreg_membership_iter *iter,
                                                  const pcreg_membership **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_membership_iter_free(pcreg_membership_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_MEMBERSHIP_H */
