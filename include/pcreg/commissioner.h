/** @file
 * commissioner.h: commissioners of primary care.
 *
 * A commissioner is a clinical commissioning group (CCG), a sub-ICB
 * location, an integrated care board (ICB), an NHS England region or
 * another commissioning body, identified by its ODS code: three
 * characters (07L, QMF, Y56) or five (A3A8R). Commissioners form a tree
 * through their parent (a sub-ICB location's ICB, an ICB's region). What
 * became of a code when organisations merged is in succession.h; the
 * co-commissioning of general practice with NHS England in arrangement.h.
 */
#ifndef PCREG_COMMISSIONER_H
#define PCREG_COMMISSIONER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A commissioner record (opaque). */
typedef struct pcreg_commissioner pcreg_commissioner;

/** An iterator over commissioners. */
typedef struct pcreg_commissioner_iter pcreg_commissioner_iter;

/** What kind of body a commissioner is. */
typedef enum pcreg_commissioner_kind_value {
	PCREG_COMMISSIONER_KIND_NONE = 0, /**< not set (only in queries: any kind) */
	PCREG_COMMISSIONER_CCG = 1,       /**< clinical commissioning group (to June 2022) */
	PCREG_COMMISSIONER_SUB_ICB = 2,   /**< sub-ICB location (from July 2022) */
	PCREG_COMMISSIONER_ICB = 3,       /**< integrated care board */
	PCREG_COMMISSIONER_REGION = 4,    /**< NHS England region */
	PCREG_COMMISSIONER_OTHER = 5      /**< any other commissioning body */
} pcreg_commissioner_kind_value;

/**
 * Make an empty commissioner record to fill with the setters and insert.
 *
 * @param[out] out  new record; free with pcreg_commissioner_free()
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE if @p out is NULL
 */
PCREG_API pcreg_status pcreg_commissioner_new(pcreg_commissioner **out);

/**
 * Free a commissioner record.
 *
 * @param commissioner  record from pcreg_commissioner_new() or pcreg_commissioner_get(), or NULL
 */
PCREG_API void pcreg_commissioner_free(pcreg_commissioner *commissioner);

/**
 * Look up one commissioner by its ODS code.
 *
 * @param db        open registry
 * @param code      e.g. "07L" or "A3A8R"; copied
 * @param[out] out  new record; free with pcreg_commissioner_free()
 * @return PCREG_OK, PCREG_NOTFOUND, or a negative status; see pcreg_db_errmsg()
 */
PCREG_API pcreg_status pcreg_commissioner_get(pcreg_db *db, const char *code,
                                              pcreg_commissioner **out);

/**
 * A commissioner as the release in force on a date describes it: its name,
 * kind, region, parent, open and close dates then (a 2021 date names a CCG
 * as 2021's eccg did, not by its later sub-ICB name). The release in force
 * is the newest eccg release dated on or before @p date that lists it;
 * before the first, the first. When that is the newest, or no release
 * describes it, the registry's own row answers.
 *
 * @param db        open registry
 * @param code      e.g. "07L"
 * @param date      the day asked about, YYYY-MM-DD
 * @param[out] out  new record; free with pcreg_commissioner_free()
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID for a bad date, PCREG_MISUSE, or a
 *         negative status
 */
PCREG_API pcreg_status pcreg_commissioner_get_on(pcreg_db *db, const char *code,
                                                 const char *date, pcreg_commissioner **out);

/**
 * Add a commissioner. Required: code, kind, name. Every value is checked
 * before the registry sees it; a bad one gives PCREG_INVALID naming the
 * field ("commissioner.ons_code: ..."). The close date may not be before
 * the open date, and a commissioner may not be its own parent.
 *
 * @param db            open, writable registry
 * @param commissioner  record to add; not modified
 * @return PCREG_OK, PCREG_INVALID, PCREG_EXISTS, PCREG_CONSTRAINT (the
 *         parent is not in the registry), PCREG_READONLY, or a negative status
 */
PCREG_API pcreg_status pcreg_commissioner_insert(pcreg_db *db, pcreg_commissioner *commissioner);

/**
 * Replace every field of the commissioner with the same code by the
 * record's. Codes never change; a new code is a new commissioner (and a
 * succession).
 *
 * @param db            open, writable registry
 * @param commissioner  record with the new values
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_INVALID, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_commissioner_update(pcreg_db *db,
                                                 const pcreg_commissioner *commissioner);

/**
 * Delete a commissioner. Refused with PCREG_CONSTRAINT, naming what
 * depends on it, while practice memberships, networks, contracts,
 * commissioning arrangements or child commissioners refer to it.
 *
 * @param db    open, writable registry
 * @param code  ODS code
 * @return PCREG_OK, PCREG_NOTFOUND, PCREG_CONSTRAINT, or a negative status
 */
PCREG_API pcreg_status pcreg_commissioner_delete(pcreg_db *db, const char *code);

/** @name Fields
 * Getters return borrowed text, valid until the record is freed or the
 * field is set again (for iterator rows: until the next _next()), or NULL
 * when the field is empty. Setters copy the text; NULL empties the field.
 * They return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record.
 * @{ */
/**
 * ODS code: "07L", "A3A8R".
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_code(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's code (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param code          new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_code(pcreg_commissioner *commissioner,
                                                   const char *code);
/**
 * The commissioner's kind.
 *
 * @param commissioner  record; NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_commissioner_kind_value pcreg_commissioner_kind(
	const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's kind (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param kind          new value; 0 empties the field
 * @return PCREG_OK, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_kind(pcreg_commissioner *commissioner,
                                                   pcreg_commissioner_kind_value kind);
/**
 * The commissioner's name.
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_name(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's name (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param name          new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_name(pcreg_commissioner *commissioner,
                                                   const char *name);
/**
 * ONS code: "E38000004".
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_ons_code(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's ons code (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param ons_code      new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_ons_code(pcreg_commissioner *commissioner,
                                                       const char *ons_code);
/**
 * The NHS England region's ODS code: "Y56".
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_region(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's region (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param region        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_region(pcreg_commissioner *commissioner,
                                                     const char *region);
/**
 * The code of the commissioner above this one (a sub-ICB location's ICB).
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_parent(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's parent (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param parent        new value, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_parent(pcreg_commissioner *commissioner,
                                                     const char *parent);
/**
 * ISO date ("2013-04-01") or NULL.
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_open_date(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's open date (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param date          YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_open_date(pcreg_commissioner *commissioner,
                                                        const char *date);
/**
 * The commissioner's close date.
 *
 * @param commissioner  record; NULL reads as empty
 * @return borrowed text (see @ref lifetimes); NULL when empty
 */
PCREG_API const char *pcreg_commissioner_close_date(const pcreg_commissioner *commissioner);
/**
 * Set the commissioner's close date (checked on insert or update).
 *
 * @param commissioner  record to change
 * @param date          YYYY-MM-DD, copied; NULL empties the field
 * @return PCREG_OK, PCREG_NOMEM, or PCREG_MISUSE for a NULL record
 */
PCREG_API pcreg_status pcreg_commissioner_set_close_date(pcreg_commissioner *commissioner,
                                                         const char *date);
/** @} */

/**
 * Text for a kind: "ccg", "sub_icb", "icb", "region", "other".
 *
 * @param kind  any value, including ones this version does not know
 * @return static text, or NULL for a value that is not a kind
 */
PCREG_API const char *pcreg_commissioner_kind_str(pcreg_commissioner_kind_value kind);

/**
 * The kind a word names, case-insensitively ("CCG", "Sub_ICB").
 *
 * @param text  the word; NULL is unknown
 * @return the kind, or PCREG_COMMISSIONER_KIND_NONE if unknown
 */
PCREG_API pcreg_commissioner_kind_value pcreg_commissioner_kind_parse(const char *text);

/** The current version of pcreg_commissioner_query. */
#define PCREG_COMMISSIONER_QUERY_VERSION 1

/**
 * Which commissioners pcreg_commissioner_list() returns. Unset (NULL or
 * 0) fields do not filter. Results come in code order.
 */
typedef struct pcreg_commissioner_query {
	unsigned int version; /**< PCREG_COMMISSIONER_QUERY_VERSION */
	int kind;             /**< a pcreg_commissioner_kind_value, or 0 for any */
	const char *parent;   /**< whose parent is this commissioner */
	const char *region;   /**< in this NHS England region */
	const char *name;     /**< name contains this text, ignoring case */
	const char *on;       /**< open on this date (not opened later, not closed earlier) */
	int limit;            /**< at most this many rows; 0 for all */
	int offset;           /**< skip this many rows first */
} pcreg_commissioner_query;

/** An empty commissioner query: every commissioner. */
#define PCREG_COMMISSIONER_QUERY_INIT { PCREG_COMMISSIONER_QUERY_VERSION, 0, NULL, NULL, NULL, NULL, 0, 0 }

/**
 * Fill a query with its defaults (the function form of PCREG_COMMISSIONER_QUERY_INIT).
 *
 * @param query    struct to fill
 * @param version  PCREG_COMMISSIONER_QUERY_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_commissioner_query_init(pcreg_commissioner_query *query,
                                                     unsigned int version);

/**
 * List commissioners.
 *
 * @param db        open registry
 * @param query     filters, or NULL for every commissioner
 * @param[out] out  new iterator; free with pcreg_commissioner_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or kind), or a negative status
 */
PCREG_API pcreg_status pcreg_commissioner_list(pcreg_db *db, const pcreg_commissioner_query *query,
                                               pcreg_commissioner_iter **out);

/**
 * The next commissioner.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row, valid until the next call or pcreg_commissioner_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_commissioner_iter_next(pcreg_commissioner_iter *iter,
                                                    const pcreg_commissioner **out);

/**
 * Free an iterator.
 *
 * @param iter  iterator, or NULL
 */
PCREG_API void pcreg_commissioner_iter_free(pcreg_commissioner_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_COMMISSIONER_H */
