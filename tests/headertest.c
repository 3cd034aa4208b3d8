/* The public header, on its own, as strict C99 (see headertest.sh). */
#include <pcreg/pcreg.h>

int headertest_c(void);

int headertest_c(void)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	return opts.version == PCREG_OPEN_OPTIONS_VERSION ? PCREG_OK : PCREG_ERROR;
}
