/** @file
 * federation.h: GP federations.
 *
 * A federation is a provider owned by its member practices (Together
 * First, Havering Health, Bromley GP Alliance). It has no national code;
 * the registry names it with a local id of letters, digits, '.', '_' and
 * '-' ("bromley-gp-alliance"). Which practices are members, and when, is
 * in membership.h; a federation may also hold contracts itself.
 */
#ifndef PCREG_FEDERATION_H
#define PCREG_FEDERATION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A federation record (opaque). */
typedef struct pcreg_federation pcreg_federation;

/** An iterator over federations. */
typedef struct pcreg_federation_iter pcreg_federation_iter;

/**
 * Make an empty federation record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_federation_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_federation_new(pcreg_federation **out);

/**
 * Free a federation record.
 *
 * @param federation  record from pcreg_federation_new() or pcreg_federation_get(), or NULL
 */
PCREG_API void pcreg_federation_free(pcreg_federation *federation);

/**
 * Look up one federation by its id.
 *
 * @param db        open registry
 * @param id        e.g. "bromley-gp-alliance"; copied
 * @param[out] out  new record; free with pcreg_federation_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_federation_get(pcreg_db *db, const char *id,
                                            pcreg_federation **out);

/**
 * Add a federation. Required: id, name. Every value is checked before the
 * registry sees it; a bad one gives PCREG_INVALID naming the field
 * ("federation.id: ...").
 *
 * @param db          open, writable registry
 * @param federation  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS, PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_federation_insert(pcreg_db *db, pcreg_federation *federation);

/**
 * Replace every field of the federation with the same id by the record's.
 * Ids never change; a new id is a new federation.
 *
 * @param db          open, writable registry
 * @param federation  record with the new values
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, or a negative status
 */
PCREG_API pcreg_status pcreg_federation_update(pcreg_db *db, const pcreg_federation *federation);

/**
 * Delete a federation. Refused with PCREG_CONSTRAINT, naming what depends
 * on it, while practice federation memberships or contracts it holds
 * refer to it.
 *
 * @param db  open, writable registry
 * @param id  federation id
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_federation_delete(pcreg_db *db, const char *id);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The federation's id.
 *
 * @param federation  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_federation_id(const pcreg_federation *federation);
/**
 * Set the federation's id (checked on insert or update).
 *
 * @param federation  record to change
 * @param id          new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_federation_set_id(pcreg_federation *federation, const char *id);
/**
 * The federation's name.
 *
 * @param federation  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_federation_name(const pcreg_federation *federation);
/**
 * Set the federation's name (checked on insert or update).
 *
 * @param federation  record to change
 * @param name        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_federation_set_name(pcreg_federation *federation, const char *name);
/**
 * The area it serves, e.g. "Bromley", or NULL.
 *
 * @param federation  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_federation_area(const pcreg_federation *federation);
/**
 * Set the federation's area (checked on insert or update).
 *
 * @param federation  record to change
 * @param area        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_federation_set_area(pcreg_federation *federation, const char *area);
/** @} */

/** The current version of pcreg_federation_query. */
#define PCREG_FEDERATION_QUERY_VERSION 1

/**
 * Which federations pcreg_federation_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in id order.
 */
typedef struct pcreg_federation_query {
	unsigned int version; /**< PCREG_FEDERATION_QUERY_VERSION */
	const char *name;     /**< name contains this text, ignoring case */
	const char *area;     /**< area is exactly this */
	int limit;            /**< at most this many rows; 0 for all */
	int offset;           /**< skip this many rows first */
} pcreg_federation_query;

/** An empty federation query: every federation. */
#define PCREG_FEDERATION_QUERY_INIT { PCREG_FEDERATION_QUERY_VERSION, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_FEDERATION_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_FEDERATION_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_federation_query_init(pcreg_federation_query *query,
                                                   unsigned int version);

/**
 * List federations.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every federation
 * @param[out] out  new iterator; free with pcreg_federation_iter_free()
 * @return PCREG_OK, or a negative status
 */
PCREG_API pcreg_status pcreg_federation_list(pcreg_db *db, const pcreg_federation_query *query,
                                             pcreg_federation_iter **out);

/**
 * The next federation.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_federation_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_federation_iter_next(pcreg_federation_iter *iter,
                                                  const pcreg_federation **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_federation_iter_free(pcreg_federation_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_FEDERATION_H */
