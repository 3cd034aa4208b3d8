/** @file
 * timeline.h: everything dated about one practice, in date order.
 */
#ifndef PCREG_TIMELINE_H
#define PCREG_TIMELINE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What happened. */
typedef enum pcreg_event_kind_value {
	PCREG_EVENT_NONE = 0,
	PCREG_EVENT_OPENED = 1,               /**< the practice opened */
	PCREG_EVENT_CLOSED = 2,               /**< the practice closed; subject: its status */
	PCREG_EVENT_JOINED_COMMISSIONER = 3,  /**< subject: commissioner code; detail: its name */
	PCREG_EVENT_LEFT_COMMISSIONER = 4,    /**< last day; subject, detail as above */
	PCREG_EVENT_JOINED_NETWORK = 5,       /**< subject: network code; detail: its name */
	PCREG_EVENT_LEFT_NETWORK = 6,         /**< last day */
	PCREG_EVENT_JOINED_FEDERATION = 7,    /**< subject: federation id; detail: its name */
	PCREG_EVENT_LEFT_FEDERATION = 8,      /**< last day */
	PCREG_EVENT_CONTRACT_STARTED = 9,     /**< subject: type (GMS...); detail: service; value: contract id */
	PCREG_EVENT_CONTRACT_ENDED = 10,      /**< last day; as above */
	PCREG_EVENT_INSPECTED = 11,           /**< CQC visit; detail: location id; value: inspection id */
	PCREG_EVENT_REPORT_PUBLISHED = 12,    /**< subject: overall rating; detail: report URL; value: inspection id */
	PCREG_EVENT_LIST_SIZE = 13            /**< value: registered patients at that extract */
} pcreg_event_kind_value;

/** One event (opaque). */
typedef struct pcreg_event pcreg_event;

/** An iterator over a practice's events. */
typedef struct pcreg_timeline_iter pcreg_timeline_iter;

/**
 * A practice's timeline: its opening and closing, the start and end of
 * each membership and contract, inspections and their reports, and list
 * sizes, in date order (and on one date, in the order of the kinds above).
 *
 * @param db        open registry
 * @param practice  practice ODS code
 * @param[out] out  new iterator; free with pcreg_timeline_iter_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no such practice), or a negative status
 */
PCREG_API pcreg_status pcreg_timeline_list(pcreg_db *db, const char *practice,
                                           pcreg_timeline_iter **out);

/**
 * The next event.
 *
 * @param iter      iterator
 * @param[out] out  borrowed event, valid until the next call or pcreg_timeline_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last, or a negative status
 */
PCREG_API pcreg_status pcreg_timeline_iter_next(pcreg_timeline_iter *iter, const pcreg_event **out);

/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_timeline_iter_free(pcreg_timeline_iter *iter);

/** @name Event fields
 * Text is borrowed, valid until the next _next(); NULL when absent.
 * @{ */
/**
 * "YYYY-MM-DD"
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_event_date(const pcreg_event *event);
/**
 * What happened.
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_event_kind_value pcreg_event_kind(const pcreg_event *event);
/**
 * What the event is about (see ::pcreg_event_kind_value).
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_event_subject(const pcreg_event *event);
/**
 * More about the event (see ::pcreg_event_kind_value).
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_event_detail(const pcreg_event *event);
/**
 * 1 if the event carries a number (see the kinds).
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_event_has_value(const pcreg_event *event);
/**
 * The event's number, such as an id (see ::pcreg_event_kind_value).
 *
 * @param event  row from pcreg_timeline_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_event_value(const pcreg_event *event);
/** @} */

/**
 * Text for a kind: "opened", "joined_network", "list_size"...
 *
 * @param kind  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a kind
 */
PCREG_API const char *pcreg_event_kind_str(pcreg_event_kind_value kind);

/**
 * The kind a word names, case-insensitively.
 *
 * @param text  the word; NULL is unknown
 * @return the kind, or PCREG_EVENT_NONE
 */
PCREG_API pcreg_event_kind_value pcreg_event_kind_parse(const char *text);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_TIMELINE_H */
