/*
 * odsxml_read.c: read an ODS XML file (or zip) to its end with the
 * library's streaming reader; print how many organisations it holds and
 * the process's peak resident memory (VmHWM, kB), for odsxml_memory.sh.
 *
 *   odsxml_read FILE   ->   "organisations N\npeak_kb K\n"
 */
#include <stdio.h>
#include <string.h>

#include "../lib/odsxml.h"

/* The process's peak resident set, from the kernel's own count, which
 * sees every allocator (SQLite's, libxml2's, libzip's). */
static long peak_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0 && sscanf(line + 6, "%ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	struct pcreg__odsxml *x;
	const struct pcreg__ods_org *org;
	pcreg_db *db;
	pcreg_status st;
	long long count = 0;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	if (argc != 2) {
		fprintf(stderr, "usage: odsxml_read FILE\n");
		return 2;
	}
	opts.flags = PCREG_OPEN_CREATE;
	if (pcreg_db_open(":memory:", &opts, &db) != PCREG_OK) {
		fprintf(stderr, "odsxml_read: cannot open a registry\n");
		return 1;
	}
	st = pcreg__odsxml_open(db, argv[1], &x);
	while (st == PCREG_OK && (st = pcreg__odsxml_next(db, x, &org)) == PCREG_OK)
		count++;
	if (st != PCREG_DONE) {
		fprintf(stderr, "odsxml_read: %s: %s\n", pcreg_status_str(st), pcreg_db_errmsg(db));
		pcreg__odsxml_close(x);
		pcreg_db_close(db);
		return 1;
	}
	pcreg__odsxml_close(x);
	pcreg_db_close(db);
	printf("organisations %lld\npeak_kb %ld\n", count, peak_kb());
	return 0;
}
