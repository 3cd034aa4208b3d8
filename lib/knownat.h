/*
 * knownat.h (private): the registry as known at a cutoff, for the
 * journal of releases.
 */
#ifndef PCREG_KNOWNAT_H
#define PCREG_KNOWNAT_H

#include "internal.h"

/* A read-only copy of @p db in memory whose temporary table
 * release_change (id, import_id, entity, code, subkey, action, field,
 * old_value, new_value, effective_date) holds what release @p release_id
 * changed: the differences between the history known through it and the
 * history known just before it, in release order. Close with
 * pcreg_db_close(). PCREG_NOTFOUND for an unknown release. */
pcreg_status pcreg__release_differences(pcreg_db *db, int64_t release_id, pcreg_db **out);

#endif
