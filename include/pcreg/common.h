/** @file
 * libpcreg: a registry of English NHS primary care in an embedded SQLite
 * database.
 *
 * common.h: the export macro, status codes, version queries and the
 * allocator that frees strings the library hands back.
 */
#ifndef PCREG_COMMON_H
#define PCREG_COMMON_H

#ifndef PCREG_FFI_GENERATE
#include <stdint.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of the headers; CMake reads it from the three lines below.
 * What each kind of release may change is in docs/versioning.md.
 */
/** Major version of the headers: a new one may break the API and ABI (new soname). */
#define PCREG_VERSION_MAJOR 0
/** Minor version of the headers: a new one only adds to the API and ABI. */
#define PCREG_VERSION_MINOR 1
/** Patch version of the headers: a new one only fixes. */
#define PCREG_VERSION_PATCH 0
/** The headers' version as text, "MAJOR.MINOR.PATCH". */
#define PCREG_VERSION_STRING "0.1.0"

/**
 * The headers' version as one number, MAJOR * 10000 + MINOR * 100 + PATCH
 * (100 for 0.1.0): the encoding of pcreg_version_number(), which gives the
 * running library's.
 */
#define PCREG_VERSION_NUMBER \
	(PCREG_VERSION_MAJOR * 10000 + PCREG_VERSION_MINOR * 100 + PCREG_VERSION_PATCH)

/**
 * True when the headers are at least version major.minor.patch, for
 * compile-time checks (like GLib's GLIB_CHECK_VERSION):
 *
 *     #if !PCREG_VERSION_CHECK(0, 1, 0)
 *     #error "libpcreg 0.1.0 or later is needed"
 *     #endif
 *
 * It tests the headers, not the library that will run; compare
 * pcreg_version_number() with PCREG_VERSION_NUMBER for that.
 */
#define PCREG_VERSION_CHECK(major, minor, patch) \
	(PCREG_VERSION_NUMBER >= (major) * 10000 + (minor) * 100 + (patch))

/**
 * @def PCREG_API
 * Marks what the shared library exports. Define PCREG_STATIC before
 * including the headers when linking the static library on Windows.
 */
/*
 * PCREG_API marks what the shared library exports. The library is built
 * with hidden visibility, so anything without it stays private.
 */
#if defined(PCREG_FFI_GENERATE)
#define PCREG_API
#elif defined(PCREG_STATIC)
#define PCREG_API
#elif defined(_WIN32)
#ifdef PCREG_BUILDING
#define PCREG_API __declspec(dllexport)
#else
#define PCREG_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define PCREG_API __attribute__((visibility("default")))
#else
#define PCREG_API
#endif

/**
 * Result of every call that can fail.
 *
 * Values are explicit and only ever appended, so bindings may copy them.
 * Success is zero, end of iteration is one, every failure is negative:
 * `if (st < 0)` tests for failure. The message for the last failure on a
 * handle is read with pcreg_db_errmsg().
 */
typedef enum pcreg_status {
	PCREG_OK = 0,                 /**< success */
	PCREG_DONE = 1,               /**< an iterator has no more rows */
	PCREG_ERROR = -1,             /**< failure with no better code */
	PCREG_NOMEM = -2,             /**< an allocation failed */
	PCREG_NOTFOUND = -3,          /**< no such row, file or code */
	PCREG_EXISTS = -4,            /**< a row with that key already exists */
	PCREG_INVALID = -5,           /**< an argument or input value is malformed */
	PCREG_CONSTRAINT = -6,        /**< the change would orphan or break a reference */
	PCREG_CONFLICT = -7,          /**< a dated period overlaps another one */
	PCREG_BUSY = -8,              /**< the registry is locked by another connection */
	PCREG_READONLY = -9,          /**< the registry was opened read-only */
	PCREG_IO = -10,               /**< the operating system refused to read or write */
	PCREG_CORRUPT = -11,          /**< the registry file is damaged */
	PCREG_MISUSE = -12,           /**< the API was called wrongly (NULL handle, bad order) */
	PCREG_NEEDS_MIGRATION = -13,  /**< the file's schema is older than the library's */
	PCREG_SCHEMA_TOO_NEW = -14,   /**< the file was written by a newer libpcreg */
	PCREG_SCHEMA_MISMATCH = -15,  /**< a recorded migration differs from the compiled one */
	PCREG_NOT_REGISTRY = -16,     /**< the file is not a libpcreg registry */
	PCREG_CYCLE = -17             /**< following successions came back to a code already seen */
} pcreg_status;

/** A registry handle; see db.h. */
typedef struct pcreg_db pcreg_db;

/**
 * Describe a status code.
 *
 * @param status  any value, including ones this version does not know
 * @return static English text such as "not found"; never NULL
 */
PCREG_API const char *pcreg_status_str(pcreg_status status);

/**
 * The version of the library that is running (which may differ from the
 * headers a program was built with).
 *
 * @return static text such as "0.1.0"
 */
PCREG_API const char *pcreg_version_string(void);

/**
 * The running library's version as one number.
 *
 * @return major * 10000 + minor * 100 + patch, e.g. 100 for 0.1.0
 */
PCREG_API int pcreg_version_number(void);

/**
 * Free memory the library allocated for the caller, such as strings it
 * returned through a `char **out` parameter.
 *
 * @param ptr  memory from libpcreg, or NULL (a no-op)
 */
PCREG_API void pcreg_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_COMMON_H */
