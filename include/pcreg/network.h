/** @file
 * network.h: networks of practices and the people who lead them.
 *
 * A primary care network (PCN, from July 2019) has an ODS code, U and five
 * digits (U12345). The local networks and localities that came before
 * PCNs have no ODS code; the registry names them with a local id of
 * letters, digits, '.', '_' and '-' ("bd-north"). Which practices are in a
 * network, and when, is in membership.h. A network's leads (clinical
 * directors, network leads) are dated, and several may serve at once.
 */
#ifndef PCREG_NETWORK_H
#define PCREG_NETWORK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A network record (opaque). */
typedef struct pcreg_network pcreg_network;

/** An iterator over networks. */
typedef struct pcreg_network_iter pcreg_network_iter;

/** What kind of network it is. */
typedef enum pcreg_network_kind_value {
	PCREG_NETWORK_KIND_NONE = 0, /**< not set (only in queries: any kind) */
	PCREG_NETWORK_PCN = 1,       /**< a primary care network, with a U code */
	PCREG_NETWORK_LOCAL = 2      /**< a local network or locality, with a local id */
} pcreg_network_kind_value;

/**
 * Make an empty network record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_network_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_network_new(pcreg_network **out);

/**
 * Free a network record.
 *
 * @param network  record from pcreg_network_new() or pcreg_network_get(), or NULL
 */
PCREG_API void pcreg_network_free(pcreg_network *network);

/**
 * Look up one network by its code.
 *
 * @param db        open registry
 * @param code      e.g. "U12345" or "bd-north"; copied
 * @param[out] out  new record; free with pcreg_network_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_network_get(pcreg_db *db, const char *code, pcreg_network **out);

/**
 * Add a network. Required: code, kind, name. A PCN's code must be U and
 * five digits. Every value is checked before the registry sees it; a bad
 * one gives PCREG_INVALID naming the field ("network.code: ..."). A
 * commissioner that is not in the registry gives PCREG_CONSTRAINT.
 *
 * @param db       open, writable registry
 * @param network  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS, PCREG_CONSTRAINT, PCREG_READONLY,
 *         or a negative status
 */
PCREG_API pcreg_status pcreg_network_insert(pcreg_db *db, pcreg_network *network);

/**
 * Replace every field of the network with the same code by the record's.
 * Codes never change; a new code is a new network.
 *
 * @param db       open, writable registry
 * @param network  record with the new values
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_network_update(pcreg_db *db, const pcreg_network *network);

/**
 * Delete a network. Refused with PCREG_CONSTRAINT, naming what depends on
 * it, while practice network memberships or leads refer to it.
 *
 * @param db    open, writable registry
 * @param code  network code
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_network_delete(pcreg_db *db, const char *code);

/** @name Network fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The network's code.
 *
 * @param network  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_code(const pcreg_network *network);
/**
 * Set the network's code (checked on insert or update).
 *
 * @param network  record to change
 * @param code     new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_code(pcreg_network *network, const char *code);
/**
 * The network's kind.
 *
 * @param network  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_network_kind_value pcreg_network_kind(const pcreg_network *network);
/**
 * Set the network's kind (checked on insert or update).
 *
 * @param network  record to change
 * @param kind     new value; 0 empties the field
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_kind(pcreg_network *network,
                                              pcreg_network_kind_value kind);
/**
 * The network's name.
 *
 * @param network  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_name(const pcreg_network *network);
/**
 * Set the network's name (checked on insert or update).
 *
 * @param network  record to change
 * @param name     new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_name(pcreg_network *network, const char *name);
/**
 * The commissioner's code ("07L"), or NULL.
 *
 * @param network  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_commissioner(const pcreg_network *network);
/**
 * Set the network's commissioner (checked on insert or update).
 *
 * @param network       record to change
 * @param commissioner  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_commissioner(pcreg_network *network,
                                                      const char *commissioner);
/**
 * ISO date ("2019-07-01") or NULL.
 *
 * @param network  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_open_date(const pcreg_network *network);
/**
 * Set the network's open date (checked on insert or update).
 *
 * @param network  record to change
 * @param date     YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_open_date(pcreg_network *network, const char *date);
/**
 * The network's close date.
 *
 * @param network  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_close_date(const pcreg_network *network);
/**
 * Set the network's close date (checked on insert or update).
 *
 * @param network  record to change
 * @param date     YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_set_close_date(pcreg_network *network, const char *date);
/** @} */

/**
 * Text for a kind: "pcn", "local".
 *
 * @param kind  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a kind
 */
PCREG_API const char *pcreg_network_kind_str(pcreg_network_kind_value kind);

/**
 * The kind a word names, case-insensitively ("PCN", "Local").
 *
 * @param text  the word; NULL is unknown
 * @return the kind, or PCREG_NETWORK_KIND_NONE if unknown
 */
PCREG_API pcreg_network_kind_value pcreg_network_kind_parse(const char *text);

/** The current version of pcreg_network_query. */
#define PCREG_NETWORK_QUERY_VERSION 1

/**
 * Which networks pcreg_network_list() returns. Unset (NULL or 0) fields
 * do not filter. Results come in code order.
 */
typedef struct pcreg_network_query {
	unsigned int version;     /**< PCREG_NETWORK_QUERY_VERSION */
	int kind;                 /**< a pcreg_network_kind_value, or 0 for any */
	const char *commissioner; /**< commissioned by this commissioner code */
	const char *name;         /**< name contains this text, ignoring case */
	const char *on;           /**< open on this date */
	int limit;                /**< at most this many rows; 0 for all */
	int offset;               /**< skip this many rows first */
} pcreg_network_query;

/** An empty network query: every network. */
#define PCREG_NETWORK_QUERY_INIT { PCREG_NETWORK_QUERY_VERSION, 0, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_NETWORK_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_NETWORK_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_network_query_init(pcreg_network_query *query, unsigned int version);

/**
 * List networks.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every network
 * @param[out] out  new iterator; free with pcreg_network_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or kind), or a negative status
 */
PCREG_API pcreg_status pcreg_network_list(pcreg_db *db, const pcreg_network_query *query,
                                          pcreg_network_iter **out);

/**
 * The next network.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_network_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_network_iter_next(pcreg_network_iter *iter,
                                               const pcreg_network **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_network_iter_free(pcreg_network_iter *iter);

/* ---- leads ------------------------------------------------------------ */

/** A network lead: one person in one role over a period (opaque). */
typedef struct pcreg_network_lead pcreg_network_lead;

/** An iterator over network leads. */
typedef struct pcreg_network_lead_iter pcreg_network_lead_iter;

/**
 * Make an empty lead record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_network_lead_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_network_lead_new(pcreg_network_lead **out);

/**
 * Free a lead record.
 *
 * @param lead  record from pcreg_network_lead_new() or pcreg_network_lead_get(), or NULL
 */
PCREG_API void pcreg_network_lead_free(pcreg_network_lead *lead);

/**
 * Look up one lead by its id.
 *
 * @param db        open registry
 * @param id        the id pcreg_network_lead_insert() gave it
 * @param[out] out  new record; free with pcreg_network_lead_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_network_lead_get(pcreg_db *db, int64_t id, pcreg_network_lead **out);

/**
 * Add a lead. Required: network, person, role, from_date; to_date may not
 * be before from_date. Leads of one network may overlap (a network has
 * several at once). On success the record's id is set to the new row's;
 * a record that already has one (from an earlier insert or from get)
 * names that row, and inserting it again gives PCREG_EXISTS.
 *
 * @param db    open, writable registry
 * @param lead  record to add; its id is filled in
 * @return PCREG_OK, PCREG_INVALID, PCREG_CONSTRAINT (no such network), PCREG_EXISTS,
 *         PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_network_lead_insert(pcreg_db *db, pcreg_network_lead *lead);

/**
 * Replace every field of the lead with the record's id by the record's.
 *
 * @param db    open, writable registry
 * @param lead  record from pcreg_network_lead_get() or _insert(), changed with the setters
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID (also for a record with no id),
 *         PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_network_lead_update(pcreg_db *db, const pcreg_network_lead *lead);

/**
 * Delete a lead.
 *
 * @param db  open, writable registry
 * @param id  the lead's id
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_network_lead_delete(pcreg_db *db, int64_t id);

/** @name Lead fields
 * Text is borrowed, as for network fields; setters copy, and NULL empties
 * the field.
 * @{ */
/**
 * The registry's number for the lead; 0 (and has_id 0) until inserted. Insert assigns one unless
 * an id was set (as an import of an export does); clear it to insert the same values again as a
 * new row.
 *
 * @param lead  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_network_lead_id(const pcreg_network_lead *lead);
/**
 * Set the network lead's id (checked on insert or update).
 *
 * @param lead  record to change
 * @param id    the row's id (insert assigns one when it is not set)
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_id(pcreg_network_lead *lead, int64_t id);
/**
 * Whether the network lead's id is set.
 *
 * @param lead  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_network_lead_has_id(const pcreg_network_lead *lead);
/**
 * Empty the network lead's id.
 *
 * @param lead  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_clear_id(pcreg_network_lead *lead);
/**
 * The network's code.
 *
 * @param lead  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_lead_network(const pcreg_network_lead *lead);
/**
 * Set the network lead's network (checked on insert or update).
 *
 * @param lead     record to change
 * @param network  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_network(pcreg_network_lead *lead,
                                                      const char *network);
/**
 * Who, e.g. "Dr Amit Sharma".
 *
 * @param lead  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_lead_person(const pcreg_network_lead *lead);
/**
 * Set the network lead's person (checked on insert or update).
 *
 * @param lead    record to change
 * @param person  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_person(pcreg_network_lead *lead,
                                                     const char *person);
/**
 * In what role, e.g. "clinical director", "network lead".
 *
 * @param lead  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_lead_role(const pcreg_network_lead *lead);
/**
 * Set the network lead's role (checked on insert or update).
 *
 * @param lead  record to change
 * @param role  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_role(pcreg_network_lead *lead, const char *role);
/**
 * First day in post, "YYYY-MM-DD".
 *
 * @param lead  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_lead_from_date(const pcreg_network_lead *lead);
/**
 * Set the network lead's from date (checked on insert or update).
 *
 * @param lead  record to change
 * @param date  YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_from_date(pcreg_network_lead *lead,
                                                        const char *date);
/**
 * Last day in post, or NULL while in post.
 *
 * @param lead  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_network_lead_to_date(const pcreg_network_lead *lead);
/**
 * Set the network lead's to date (checked on insert or update).
 *
 * @param lead  record to change
 * @param date  YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_network_lead_set_to_date(pcreg_network_lead *lead,
                                                      const char *date);
/** @} */

/** The current version of pcreg_network_lead_query. */
#define PCREG_NETWORK_LEAD_QUERY_VERSION 1

/**
 * Which leads pcreg_network_lead_list() returns. Unset (NULL or 0) fields
 * do not filter. Results come in (network, from_date, id) order.
 */
typedef struct pcreg_network_lead_query {
	unsigned int version; /**< PCREG_NETWORK_LEAD_QUERY_VERSION */
	const char *network;  /**< leads of this network */
	const char *on;       /**< leads in post on this date */
	int limit;            /**< at most this many rows; 0 for all */
	int offset;           /**< skip this many rows first */
} pcreg_network_lead_query;

/** An empty lead query: every lead. */
#define PCREG_NETWORK_LEAD_QUERY_INIT { PCREG_NETWORK_LEAD_QUERY_VERSION, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_NETWORK_LEAD_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_NETWORK_LEAD_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_network_lead_query_init(pcreg_network_lead_query *query,
                                                     unsigned int version);

/**
 * List leads. With `on` set this answers "who led the network on that
 * day?": each network's leads are found by an index seek on (network,
 * from_date), not by reading every lead there has been. Without
 * `network`, every network is visited in code order.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every lead
 * @param[out] out  new iterator; free with pcreg_network_lead_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_network_lead_list(pcreg_db *db, const pcreg_network_lead_query *query,
                                               pcreg_network_lead_iter **out);

/**
 * The next lead.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_network_lead_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_network_lead_iter_next(pcreg_network_lead_iter *iter,
                                                    const pcreg_network_lead **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_network_lead_iter_free(pcreg_network_lead_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_NETWORK_H */
