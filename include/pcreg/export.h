/** @file
 * export.h: every entity and membership, as CSV or JSON Lines.
 *
 * The CSV has a header of the entity's field names; JSON Lines has one
 * object a line with those names as keys. Either imports back (kinds
 * PCREG_IMPORT_REGISTRY_CSV and PCREG_IMPORT_REGISTRY_JSONL) into the
 * same contents, ids included, when the entities are imported in the
 * order pcreg_export_entity_name() lists them.
 */
#ifndef PCREG_EXPORT_H
#define PCREG_EXPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How an export is written. */
typedef enum pcreg_export_format_value {
	PCREG_EXPORT_FORMAT_NONE = 0,
	PCREG_EXPORT_CSV = 1,   /**< CSV with a header row */
	PCREG_EXPORT_JSONL = 2  /**< JSON Lines */
} pcreg_export_format_value;

/**
 * How many entities can be exported.
 *
 * @return the number (13)
 */
PCREG_API int pcreg_export_entity_count(void);

/**
 * The i-th exportable entity's name, in an order in which each refers only
 * to those before it: "commissioner", "succession", "arrangement",
 * "federation", "network", "network_lead", "practice",
 * "commissioner_membership", "network_membership",
 * "federation_membership", "contract", "inspection", "list_size".
 *
 * @param i  index, from 0
 * @return static text, or NULL out of range
 */
PCREG_API const char *pcreg_export_entity_name(int i);

/** An export under way (opaque). */
typedef struct pcreg_export pcreg_export;

/**
 * Start exporting an entity, in the order of its key.
 *
 * @param db        open registry
 * @param entity    a name from pcreg_export_entity_name()
 * @param format    CSV or JSON Lines
 * @param[out] out  new export; free with pcreg_export_free()
 * @return PCREG_OK; PCREG_INVALID for an unknown entity or format; or a negative status
 */
PCREG_API pcreg_status pcreg_export_open(pcreg_db *db, const char *entity,
                                         pcreg_export_format_value format, pcreg_export **out);

/**
 * The next line (CSV: the header first).
 *
 * @param exporter  the export
 * @param[out] out  the line without its line break, borrowed until the
 *                  next call or pcreg_export_free()
 * @return PCREG_OK, PCREG_DONE after the last line, or a negative status
 */
PCREG_API pcreg_status pcreg_export_next(pcreg_export *exporter, const char **out);

/**
 * Free an export; NULL is a no-op.
 *
 * @param exporter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_export_free(pcreg_export *exporter);

/**
 * Export an entity to a file, each line ending in \n. All or nothing: the
 * lines are written to a new file beside @p path (named after it, ending
 * ".tmp"), synced, and renamed onto @p path only when complete, so on any
 * failure (a full disk, out of memory) a file already at @p path is left
 * as it was and nothing else remains.
 *
 * @param db      open registry
 * @param entity  a name from pcreg_export_entity_name()
 * @param format  CSV or JSON Lines
 * @param path    file to write
 * @return PCREG_OK, PCREG_INVALID, PCREG_IO (the message names @p path),
 *         or a negative status
 */
PCREG_API pcreg_status pcreg_export_file(pcreg_db *db, const char *entity,
                                         pcreg_export_format_value format, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_EXPORT_H */
