/** @file
 * contract.h: contracts for general practice services.
 *
 * A practice holds one core contract at a time: GMS (national terms), PMS
 * (locally agreed, perhaps with a premium per weighted patient) or APMS
 * (any provider, time-limited). On top come enhanced services: DES
 * (national), LES and LIS (local), held by a practice or by a federation
 * (Bromley GP Alliance's access-hub contract). Every contract runs from a
 * start date to an end date, or open-ended (NULL). Money is integer pence.
 * Contracts are numbered by the registry: the id is filled in on insert.
 */
#ifndef PCREG_CONTRACT_H
#define PCREG_CONTRACT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A contract record (opaque). */
typedef struct pcreg_contract pcreg_contract;

/** An iterator over contracts. */
typedef struct pcreg_contract_iter pcreg_contract_iter;

/** What kind of contract it is. GMS, PMS and APMS are core contracts. */
typedef enum pcreg_contract_type_value {
	PCREG_CONTRACT_TYPE_NONE = 0, /**< not set (only in queries: any type) */
	PCREG_CONTRACT_GMS = 1,       /**< General Medical Services: core, national terms */
	PCREG_CONTRACT_PMS = 2,       /**< Personal Medical Services: core, locally agreed */
	PCREG_CONTRACT_APMS = 3,      /**< Alternative Provider Medical Services: core */
	PCREG_CONTRACT_DES = 4,       /**< directed enhanced service (national) */
	PCREG_CONTRACT_LES = 5,       /**< local(ly) enhanced service */
	PCREG_CONTRACT_LIS = 6,       /**< local improvement scheme */
	PCREG_CONTRACT_OTHER = 7      /**< any other contract for a named service */
} pcreg_contract_type_value;

/**
 * Make an empty contract record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_contract_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_contract_new(pcreg_contract **out);

/**
 * Free a contract record.
 *
 * @param contract  record from pcreg_contract_new(), _get() or _core_on(), or NULL
 */
PCREG_API void pcreg_contract_free(pcreg_contract *contract);

/**
 * Look up one contract by its id.
 *
 * @param db        open registry
 * @param id        the id insert gave it
 * @param[out] out  new record; free with pcreg_contract_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_contract_get(pcreg_db *db, int64_t id, pcreg_contract **out);

/**
 * Add a contract. Required: a holder (practice or federation, not both),
 * type and start_date; a core contract (GMS, PMS, APMS) is held by a
 * practice, any other names its service; only a PMS contract has a
 * premium. Every value is checked before the registry sees it; a bad one
 * gives PCREG_INVALID naming the field ("contract.end_date: ...").
 *
 * On success the record's id is set to the new contract's. A record that
 * already has an id is inserted under it: clear the id
 * (pcreg_contract_clear_id()) to insert the same values again as
 * another contract.
 *
 * @param db        open, writable registry
 * @param contract  record to add; its id is filled in
 * @return PCREG_OK; PCREG_INVALID; PCREG_EXISTS (the id is taken);
 *         PCREG_CONFLICT, naming the clash, if a core contract overlaps
 *         another core contract of the practice; PCREG_CONSTRAINT if the
 *         practice, federation or commissioner is not in the registry;
 *         PCREG_READONLY; or a negative status. On failure nothing changes.
 */
PCREG_API pcreg_status pcreg_contract_insert(pcreg_db *db, pcreg_contract *contract);

/**
 * Replace every field of the contract with the record's id by the
 * record's (a correction, or setting the end date when it ends).
 *
 * @param db        open, writable registry
 * @param contract  record with the new values and the contract's id
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, PCREG_CONFLICT,
 *         PCREG_CONSTRAINT, or a negative status; on failure nothing changes
 */
PCREG_API pcreg_status pcreg_contract_update(pcreg_db *db, const pcreg_contract *contract);

/**
 * Delete a contract (a correction: a contract that ends gets an end date).
 *
 * @param db  open, writable registry
 * @param id  the contract's id
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status
 */
PCREG_API pcreg_status pcreg_contract_delete(pcreg_db *db, int64_t id);

/**
 * As of a date: the practice's core contract (GMS, PMS or APMS) covering
 * it. An index seek: the latest core contract starting on or before the
 * date, whose end is then checked.
 *
 * @param db        open registry
 * @param practice  practice ODS code
 * @param date      the day asked about, "YYYY-MM-DD"
 * @param[out] out  new record; free with pcreg_contract_free()
 * @return PCREG_OK, PCREG_NOTFOUND (no core contract that day),
 *         PCREG_INVALID (a malformed date), or a negative status
 */
PCREG_API pcreg_status pcreg_contract_core_on(pcreg_db *db, const char *practice,
                                              const char *date, pcreg_contract **out);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * Numbers that may be absent have has_ (1 when set) and clear_. Setters
 * return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * The registry's number for the contract; 0 (and has_id 0) until inserted.
 *
 * @param contract  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_contract_id(const pcreg_contract *contract);
/**
 * Set the contract's id (checked on insert or update).
 *
 * @param contract  record to change
 * @param id        the row's id (insert assigns one when it is not set)
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_id(pcreg_contract *contract, int64_t id);
/**
 * Whether the contract's id is set.
 *
 * @param contract  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_contract_has_id(const pcreg_contract *contract);
/**
 * Empty the contract's id.
 *
 * @param contract  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_clear_id(pcreg_contract *contract);
/**
 * The practice holding it (ODS code), or NULL when a federation does.
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_practice(const pcreg_contract *contract);
/**
 * Set the contract's practice (checked on insert or update).
 *
 * @param contract  record to change
 * @param practice  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_practice(pcreg_contract *contract, const char *practice);
/**
 * The federation holding it (its id), or NULL when a practice does.
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_federation(const pcreg_contract *contract);
/**
 * Set the contract's federation (checked on insert or update).
 *
 * @param contract    record to change
 * @param federation  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_federation(pcreg_contract *contract,
                                                     const char *federation);
/**
 * The commissioner that let it (ODS code), or NULL if not recorded.
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_commissioner(const pcreg_contract *contract);
/**
 * Set the contract's commissioner (checked on insert or update).
 *
 * @param contract      record to change
 * @param commissioner  new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_commissioner(pcreg_contract *contract,
                                                       const char *commissioner);
/**
 * The contract's type.
 *
 * @param contract  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_contract_type_value pcreg_contract_type(const pcreg_contract *contract);
/**
 * Set the contract's type (checked on insert or update).
 *
 * @param contract  record to change
 * @param type      new value; 0 empties the field
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_type(pcreg_contract *contract,
                                               pcreg_contract_type_value type);
/**
 * The service, e.g. "Integrated Case Management"; required unless core.
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_service(const pcreg_contract *contract);
/**
 * Set the contract's service (checked on insert or update).
 *
 * @param contract  record to change
 * @param service   new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_service(pcreg_contract *contract, const char *service);
/**
 * First day, "YYYY-MM-DD".
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_start_date(const pcreg_contract *contract);
/**
 * Set the contract's start date (checked on insert or update).
 *
 * @param contract  record to change
 * @param date      YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_start_date(pcreg_contract *contract, const char *date);
/**
 * Last day, or NULL while open-ended.
 *
 * @param contract  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_contract_end_date(const pcreg_contract *contract);
/**
 * Set the contract's end date (checked on insert or update).
 *
 * @param contract  record to change
 * @param date      YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_end_date(pcreg_contract *contract, const char *date);
/**
 * PMS premium in pence per weighted patient; may be negative (-216 is -£2.16).
 *
 * @param contract  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_contract_pms_premium(const pcreg_contract *contract);
/**
 * Set the contract's pms premium (checked on insert or update).
 *
 * @param contract  record to change
 * @param pence     amount in pence
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_pms_premium(pcreg_contract *contract, int64_t pence);
/**
 * Whether the contract's pms premium is set.
 *
 * @param contract  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_contract_has_pms_premium(const pcreg_contract *contract);
/**
 * Empty the contract's pms premium.
 *
 * @param contract  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_clear_pms_premium(pcreg_contract *contract);
/**
 * What the contract is worth, in pence a year.
 *
 * @param contract  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_contract_annual_value(const pcreg_contract *contract);
/**
 * Set the contract's annual value (checked on insert or update).
 *
 * @param contract  record to change
 * @param pence     amount in pence
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_set_annual_value(pcreg_contract *contract, int64_t pence);
/**
 * Whether the contract's annual value is set.
 *
 * @param contract  record; NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_contract_has_annual_value(const pcreg_contract *contract);
/**
 * Empty the contract's annual value.
 *
 * @param contract  record to change
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_contract_clear_annual_value(pcreg_contract *contract);
/** @} */

/**
 * Text for a type: "GMS", "PMS", "APMS", "DES", "LES", "LIS", "OTHER".
 *
 * @param type  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a type
 */
PCREG_API const char *pcreg_contract_type_str(pcreg_contract_type_value type);

/**
 * The type a word names, case-insensitively ("pms", "Lis").
 *
 * @param text  the word; NULL is unknown
 * @return the type, or PCREG_CONTRACT_TYPE_NONE if unknown
 */
PCREG_API pcreg_contract_type_value pcreg_contract_type_parse(const char *text);

/**
 * Whether a type is a core contract (GMS, PMS or APMS), of which a
 * practice holds one at a time.
 *
 * @param type  any value
 * @return 1 for a core type, else 0
 */
PCREG_API int pcreg_contract_type_is_core(pcreg_contract_type_value type);

/** The current version of pcreg_contract_query. */
#define PCREG_CONTRACT_QUERY_VERSION 1

/**
 * Which contracts pcreg_contract_list() returns. Unset (NULL or 0)
 * fields do not filter. Results come in id order.
 */
typedef struct pcreg_contract_query {
	unsigned int version;     /**< PCREG_CONTRACT_QUERY_VERSION */
	const char *practice;     /**< held by this practice */
	const char *federation;   /**< held by this federation */
	const char *commissioner; /**< let by this commissioner */
	int type;                 /**< a pcreg_contract_type_value, or 0 for any */
	const char *service;      /**< for this service (the whole name, ignoring case) */
	const char *on;           /**< running on this date */
	int limit;                /**< at most this many rows; 0 for all */
	int offset;               /**< skip this many rows first */
} pcreg_contract_query;

/** An empty contract query: every contract. */
#define PCREG_CONTRACT_QUERY_INIT { PCREG_CONTRACT_QUERY_VERSION, NULL, NULL, NULL, 0, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_CONTRACT_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_CONTRACT_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_contract_query_init(pcreg_contract_query *query, unsigned int version);

/**
 * List contracts.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every contract
 * @param[out] out  new iterator; free with pcreg_contract_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or type), or a negative status
 */
PCREG_API pcreg_status pcreg_contract_list(pcreg_db *db, const pcreg_contract_query *query,
                                           pcreg_contract_iter **out);

/**
 * The next contract.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_contract_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_contract_iter_next(pcreg_contract_iter *iter,
                                                const pcreg_contract **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_contract_iter_free(pcreg_contract_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_CONTRACT_H */
