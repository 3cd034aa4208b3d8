/*
 * crash_at_sync.c: import a file into a registry and die by SIGKILL at
 * the Nth xSync SQLite makes, for crash_test.sh.
 *
 * usage: crash_at_sync REGISTRY KIND FILE N
 *
 * N counts every sync from the import's open to the registry's close (the
 * checkpoint on close included); 0 never kills. Before dying it writes
 * one line to standard error:
 *
 *   crash_at_sync: kill at sync N of PATH, commit frame written: yes|no
 *
 * "yes" means the import's commit had reached the WAL before the kill, so
 * the registry must come back with the import in it; "no", without it.
 * An import that ends without reaching N prints, on standard output,
 *
 *   crash_at_sync: completed, S syncs, commit frame written: yes|no
 *
 * and exits 0 (1 if the import failed). This program does one import;
 * crash_test.sh runs it for every N (and, by hand, with a bigger file:
 * PCREG_CRASH_ROWS=50000 PCREG_CRASH_KILLS=1000 sh tests/crash/crash_test.sh
 * build/examples/pcreg build/tests/crash/crash_at_sync .).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcreg/pcreg.h>

#include "faultvfs.h"

static void die(enum fv_kind kind, long n, const char *path)
{
	fprintf(stderr, "crash_at_sync: kill at %s %ld of %s, commit frame written: %s\n",
	        fv_kind_name(kind), n, path, fv_commit_frame_written() ? "yes" : "no");
	fflush(stderr);
	raise(SIGKILL);
}

int main(int argc, char **argv)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_import_report *report = NULL;
	pcreg_status st;
	long n;
	int kind;

	if (argc != 5 || (n = atol(argv[4])) < 0 || (kind = pcreg_import_kind_parse(argv[2])) < 0) {
		fprintf(stderr, "usage: crash_at_sync REGISTRY KIND FILE N\n");
		return 2;
	}
	if (fv_register() != 0) {
		fprintf(stderr, "crash_at_sync: cannot register the VFS shim\n");
		return 2;
	}
	fv_on_fire(die);
	/* The open is not counted: its syncs (none, for a registry that
	 * exists) are no part of the import. */
	st = pcreg_db_open(argv[1], NULL, &db);
	if (st != PCREG_OK) {
		fprintf(stderr, "crash_at_sync: %s\n", pcreg_db_errmsg(db));
		pcreg_db_close(db);
		return 1;
	}
	/* N = 0 matches no call: the syncs are only counted. */
	fv_arm(FV_SYNC, n, FV_ONCE);
	opts.kind = kind;
	opts.mode = PCREG_IMPORT_STRICT;
	st = pcreg_import_file(db, argv[3], &opts, &report);
	if (st != PCREG_OK)
		fprintf(stderr, "crash_at_sync: %s\n", pcreg_db_errmsg(db));
	pcreg_import_report_free(report);
	pcreg_db_close(db);
	printf("crash_at_sync: completed, %ld syncs, commit frame written: %s\n", fv_calls(FV_SYNC),
	       fv_commit_frame_written() ? "yes" : "no");
	return st == PCREG_OK ? 0 : 1;
}
