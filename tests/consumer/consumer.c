/* A program that knows libpcreg only through its installed headers. */
#include <stdio.h>
#include <string.h>

#include <pcreg/pcreg.h>

int main(void)
{
	pcreg_db *db = NULL;
	pcreg_status st = pcreg_db_open(":memory:", NULL, &db);
	int version = 0;

	if (st != PCREG_OK) {
		fprintf(stderr, "consumer: %s\n", pcreg_db_errmsg(db));
		pcreg_db_close(db);
		return 1;
	}
	pcreg_schema_version(db, &version);
	printf("libpcreg %s, schema %d\n", pcreg_version_string(), version);
	pcreg_db_close(db);
	return strcmp(pcreg_version_string(), PCREG_VERSION_STRING) == 0 &&
	               version == pcreg_schema_latest_version()
	       ? 0
	       : 1;
}
