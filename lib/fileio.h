/*
 * fileio.h (private): the library's own file reads and writes (an
 * import's input, an export's output), and a hook through which tests
 * make them fail.
 *
 * SQLite's own I/O is tested through a VFS shim (tests/iofault); the files
 * the library opens with stdio are not SQLite's, so their failures come
 * through pcreg__io_fault instead. The hook is not exported from the
 * shared library: a test links the static one.
 */
#ifndef PCREG_FILEIO_H
#define PCREG_FILEIO_H

#include <stdio.h>

#include "internal.h"

enum pcreg__io_op {
	PCREG__IO_READ,   /* a read from an input file */
	PCREG__IO_WRITE,  /* a write to an output file */
	PCREG__IO_SYNC,   /* flushing an output file to the disk */
	PCREG__IO_RENAME  /* putting a finished output file in place */
};

/* When set, called before each operation on @p path; a nonzero return is
 * the errno the operation then fails with (EIO, ENOSPC...). NULL outside
 * tests. */
extern int (*pcreg__io_fault)(enum pcreg__io_op op, const char *path);

/* fread() that a test can fail: the bytes read (0 at the end of the file
 * or on failure; *err is then 0 or the errno). */
size_t pcreg__file_read(FILE *file, const char *path, void *buf, size_t size, int *err);

/* An output file written beside its target and renamed onto it only when
 * complete, so a failure at any point leaves the target as it was. */
struct pcreg__atomic_file {
	FILE *file;
	char *path; /* the target */
	char *temp; /* where it is written until then */
};

/* Start writing @p path: 0, or an errno (the temporary file cannot be
 * made). */
int pcreg__atomic_open(struct pcreg__atomic_file *out, const char *path);

/* Write bytes: 0 or an errno. */
int pcreg__atomic_write(struct pcreg__atomic_file *out, const void *data, size_t size);

/* Flush, sync and rename onto the target: 0 or an errno. Either way the
 * temporary file is gone afterwards and @p out is released. */
int pcreg__atomic_commit(struct pcreg__atomic_file *out);

/* Give up: remove the temporary file, release @p out. */
void pcreg__atomic_abort(struct pcreg__atomic_file *out);

#endif
