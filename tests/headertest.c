/* The public header, on its own, as strict C99 (see headertest.sh). */
#include <pcreg/pcreg.h>

/* The version macros work in #if: the check is true for the headers' own
 * version and older, false for anything newer. */
#if !PCREG_VERSION_CHECK(0, 1, 0) || \
    !PCREG_VERSION_CHECK(PCREG_VERSION_MAJOR, PCREG_VERSION_MINOR, PCREG_VERSION_PATCH)
#error "PCREG_VERSION_CHECK is false for a version the headers have reached"
#endif
#if PCREG_VERSION_CHECK(PCREG_VERSION_MAJOR, PCREG_VERSION_MINOR, PCREG_VERSION_PATCH + 1) || \
    PCREG_VERSION_CHECK(PCREG_VERSION_MAJOR, PCREG_VERSION_MINOR + 1, 0) || \
    PCREG_VERSION_CHECK(PCREG_VERSION_MAJOR + 1, 0, 0)
#error "PCREG_VERSION_CHECK is true for a version newer than the headers"
#endif
#if PCREG_VERSION_NUMBER != PCREG_VERSION_MAJOR * 10000 + PCREG_VERSION_MINOR * 100 + PCREG_VERSION_PATCH
#error "PCREG_VERSION_NUMBER does not encode the version"
#endif

int headertest_c(void);

int headertest_c(void)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	return opts.version == PCREG_OPEN_OPTIONS_VERSION ? PCREG_OK : PCREG_ERROR;
}
