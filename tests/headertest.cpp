// The public header, on its own, as strict C++ (see headertest.sh).
#include <pcreg/pcreg.h>

int headertest_cpp();

int headertest_cpp()
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	return opts.version == PCREG_OPEN_OPTIONS_VERSION ? PCREG_OK : PCREG_ERROR;
}
