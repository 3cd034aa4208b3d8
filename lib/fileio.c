/*
 * fileio.c: reads of input files and all-or-nothing writes of output
 * files, with the test hook of fileio.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

int (*pcreg__io_fault)(enum pcreg__io_op op, const char *path);

static int injected(enum pcreg__io_op op, const char *path)
{
	return pcreg__io_fault ? pcreg__io_fault(op, path) : 0;
}

size_t pcreg__file_read(FILE *file, const char *path, void *buf, size_t size, int *err)
{
	size_t n;

	*err = injected(PCREG__IO_READ, path);
	if (*err)
		return 0;
	n = fread(buf, 1, size, file);
	if (n == 0 && ferror(file))
		*err = errno ? errno : EIO;
	return n;
}

static void release(struct pcreg__atomic_file *out)
{
	pcreg__free(out->path);
	pcreg__free(out->temp);
	memset(out, 0, sizeof *out);
}

int pcreg__atomic_open(struct pcreg__atomic_file *out, const char *path)
{
	static unsigned counter;
	size_t size = strlen(path) + 64;
	int fd, err;

	memset(out, 0, sizeof *out);
	out->path = pcreg__strdup(path);
	out->temp = pcreg__malloc(size);
	if (!out->path || !out->temp) {
		release(out);
		return ENOMEM;
	}
	/* Beside the target, so that the rename stays on one file system; a
	 * name of our own rather than mkstemp()'s, so that the file gets the
	 * mode the umask gives any new file, as fopen() would. */
	do {
		snprintf(out->temp, size, "%s.pcreg-%ld-%u.tmp", path, (long)getpid(), counter++);
		fd = open(out->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	} while (fd < 0 && errno == EEXIST);
	if (fd < 0) {
		err = errno;
		release(out);
		return err;
	}
	out->file = fdopen(fd, "wb");
	if (!out->file) {
		err = errno;
		close(fd);
		unlink(out->temp);
		release(out);
		return err;
	}
	return 0;
}

int pcreg__atomic_write(struct pcreg__atomic_file *out, const void *data, size_t size)
{
	int err = injected(PCREG__IO_WRITE, out->path);

	if (err)
		return err;
	if (size && fwrite(data, 1, size, out->file) != size)
		return errno ? errno : EIO;
	return 0;
}

int pcreg__atomic_commit(struct pcreg__atomic_file *out)
{
	int err = 0;

	if (fflush(out->file) != 0 || ferror(out->file))
		err = errno ? errno : EIO;
	/* Synced before the rename: otherwise a crash soon after it can leave
	 * the target empty on some file systems. */
	if (!err && (err = injected(PCREG__IO_SYNC, out->path)) == 0 &&
	    fsync(fileno(out->file)) != 0)
		err = errno;
	if (fclose(out->file) != 0 && !err)
		err = errno ? errno : EIO;
	out->file = NULL;
	if (!err && (err = injected(PCREG__IO_RENAME, out->path)) == 0 &&
	    rename(out->temp, out->path) != 0)
		err = errno;
	if (err)
		unlink(out->temp);
	release(out);
	return err;
}

void pcreg__atomic_abort(struct pcreg__atomic_file *out)
{
	if (out->file)
		fclose(out->file);
	if (out->temp)
		unlink(out->temp);
	release(out);
}
