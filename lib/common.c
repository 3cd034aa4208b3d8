/*
 * common.c: status text and version queries.
 */
#include "internal.h"

const char *pcreg_status_str(pcreg_status status)
{
	switch (status) {
	case PCREG_OK: return "not an error";
	case PCREG_DONE: return "no more rows";
	case PCREG_ERROR: return "error";
	case PCREG_NOMEM: return "out of memory";
	case PCREG_NOTFOUND: return "not found";
	case PCREG_EXISTS: return "already exists";
	case PCREG_INVALID: return "invalid value";
	case PCREG_CONSTRAINT: return "constraint violated";
	case PCREG_CONFLICT: return "conflicting period";
	case PCREG_BUSY: return "registry is busy";
	case PCREG_READONLY: return "registry is read-only";
	case PCREG_IO: return "input/output error";
	case PCREG_CORRUPT: return "registry is corrupt";
	case PCREG_MISUSE: return "library misuse";
	case PCREG_NEEDS_MIGRATION: return "registry needs migration";
	case PCREG_SCHEMA_TOO_NEW: return "registry schema is newer than this library";
	case PCREG_SCHEMA_MISMATCH: return "registry schema does not match this library's migrations";
	case PCREG_NOT_REGISTRY: return "not a libpcreg registry";
	case PCREG_CYCLE: return "cycle in successions";
	}
	return "unknown status";
}

const char *pcreg_version_string(void)
{
	return PCREG_VERSION_STRING;
}

int pcreg_version_number(void)
{
	return PCREG_VERSION_NUMBER;
}
