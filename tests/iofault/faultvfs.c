/*
 * faultvfs.c: the failing VFS shim of faultvfs.h.
 *
 * Each open file is the shim's small header followed by the real VFS's
 * file; every method counts the call, maybe fails it, and otherwise hands
 * it to the real file. The method table given to SQLite has the real
 * table's version (at most 3), so that SQLite asks the shim for nothing
 * the real file cannot do (xFetch keeps the memory map working: reads
 * through it are not xRead calls and cannot be failed, which is also true
 * of a real disk's page cache).
 */
#include "faultvfs.h"

#include <sqlite3.h>
#include <stddef.h>
#include <string.h>

struct fv_file {
	sqlite3_file base;
	sqlite3_file *real;  /* the real VFS's file, just after this header */
	const char *path;    /* SQLite keeps the name alive while the file is open */
	int flags;           /* the SQLITE_OPEN_* flags it was opened with */
};

/* The real file follows the header at an address aligned for anything. */
#define HEADER_SIZE ((sizeof(struct fv_file) + 15) & ~(size_t)15)

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;

static long calls[FV_KINDS];
static int armed;
static enum fv_kind armed_kind;
static long armed_n;
static enum fv_mode armed_mode;
static long fired;
static fv_fire_fn on_fire;
static int commit_frame;
static int skip_syncs;

static const char *const kind_names[FV_KINDS] = {
	"read", "write", "sync", "truncate", "lock", "shmmap", "shmlock",
};

const char *fv_kind_name(enum fv_kind kind)
{
	return (int)kind >= 0 && kind < FV_KINDS ? kind_names[kind] : "?";
}

int fv_error_code(enum fv_kind kind, enum fv_mode mode)
{
	switch (kind) {
	case FV_READ:
		return SQLITE_IOERR_READ;
	case FV_WRITE:
		/* A write that fails again and again is a full disk. */
		return mode == FV_PERSISTENT ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	case FV_SYNC:
		return SQLITE_IOERR_FSYNC;
	case FV_TRUNCATE:
		return SQLITE_IOERR_TRUNCATE;
	case FV_LOCK:
		/* Once: another process held the lock for a moment, which the
		 * busy handler waits out. Persistently: the lock call itself
		 * fails (a lost NFS lock), rather than five seconds of busy
		 * waiting in every run. */
		return mode == FV_PERSISTENT ? SQLITE_IOERR_LOCK : SQLITE_BUSY;
	case FV_SHMMAP:
		return SQLITE_IOERR_SHMMAP;
	case FV_SHMLOCK:
		return mode == FV_PERSISTENT ? SQLITE_IOERR_SHMLOCK : SQLITE_BUSY;
	default:
		return SQLITE_IOERR;
	}
}

void fv_arm(enum fv_kind kind, long n, enum fv_mode mode)
{
	memset(calls, 0, sizeof calls);
	armed = 1;
	armed_kind = kind;
	armed_n = n;
	armed_mode = mode;
	fired = 0;
	commit_frame = 0;
}

void fv_disarm(void)
{
	armed = 0;
}

long fv_fired(void)
{
	return fired;
}

long fv_calls(enum fv_kind kind)
{
	return (int)kind >= 0 && kind < FV_KINDS ? calls[kind] : 0;
}

void fv_on_fire(fv_fire_fn fn)
{
	on_fire = fn;
}

void fv_skip_syncs(int skip)
{
	skip_syncs = skip;
}

int fv_commit_frame_written(void)
{
	return commit_frame;
}

/* Count a call of @p kind on @p f; nonzero if it is to fail. */
static int fail_call(enum fv_kind kind, struct fv_file *f)
{
	long n = ++calls[kind];

	if (!armed || kind != armed_kind)
		return 0;
	if (n != armed_n && !(armed_mode == FV_PERSISTENT && n > armed_n))
		return 0;
	fired++;
	if (on_fire)
		on_fire(kind, n, f->path ? f->path : "(temporary file)");
	return 1;
}

static struct fv_file *shim(sqlite3_file *file)
{
	return (struct fv_file *)file;
}

/* ---- io methods --------------------------------------------------------------------- */

static int fv_close(sqlite3_file *file)
{
	struct fv_file *f = shim(file);
	int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;

	file->pMethods = NULL;
	return rc;
}

static int fv_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
	struct fv_file *f = shim(file);

	if (fail_call(FV_READ, f))
		return fv_error_code(FV_READ, armed_mode);
	return f->real->pMethods->xRead(f->real, buf, amount, offset);
}

static unsigned long big_endian_32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       (unsigned long)p[3];
}

static int fv_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
	struct fv_file *f = shim(file);
	int rc;

	if (fail_call(FV_WRITE, f))
		return fv_error_code(FV_WRITE, armed_mode);
	rc = f->real->pMethods->xWrite(f->real, buf, amount, offset);
	/* SQLite writes each WAL frame's 24-byte header on its own, after the
	 * 32-byte file header; bytes 4-7 are the database size in pages after
	 * a commit, zero in every other frame. */
	if (rc == SQLITE_OK && (f->flags & SQLITE_OPEN_WAL) && amount == 24 && offset >= 32 &&
	    big_endian_32((const unsigned char *)buf + 4) != 0)
		commit_frame = 1;
	return rc;
}

static int fv_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct fv_file *f = shim(file);

	if (fail_call(FV_TRUNCATE, f))
		return fv_error_code(FV_TRUNCATE, armed_mode);
	return f->real->pMethods->xTruncate(f->real, size);
}

static int fv_sync(sqlite3_file *file, int flags)
{
	struct fv_file *f = shim(file);

	if (fail_call(FV_SYNC, f))
		return fv_error_code(FV_SYNC, armed_mode);
	return skip_syncs ? SQLITE_OK : f->real->pMethods->xSync(f->real, flags);
}

static int fv_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xFileSize(f->real, size);
}

static int fv_lock(sqlite3_file *file, int level)
{
	struct fv_file *f = shim(file);

	if (fail_call(FV_LOCK, f))
		return fv_error_code(FV_LOCK, armed_mode);
	return f->real->pMethods->xLock(f->real, level);
}

static int fv_unlock(sqlite3_file *file, int level)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xUnlock(f->real, level);
}

static int fv_check_reserved_lock(sqlite3_file *file, int *out)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int fv_file_control(sqlite3_file *file, int op, void *arg)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int fv_sector_size(sqlite3_file *file)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xSectorSize(f->real);
}

static int fv_device_characteristics(sqlite3_file *file)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xDeviceCharacteristics(f->real);
}

static int fv_shm_map(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
	struct fv_file *f = shim(file);

	if (fail_call(FV_SHMMAP, f)) {
		*out = NULL;
		return fv_error_code(FV_SHMMAP, armed_mode);
	}
	return f->real->pMethods->xShmMap(f->real, region, size, extend, out);
}

static int fv_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
	struct fv_file *f = shim(file);

	/* An unlock cannot fail in any real VFS, and SQLite does not expect
	 * it to. */
	if (!(flags & SQLITE_SHM_UNLOCK) && fail_call(FV_SHMLOCK, f))
		return fv_error_code(FV_SHMLOCK, armed_mode);
	return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

static void fv_shm_barrier(sqlite3_file *file)
{
	struct fv_file *f = shim(file);

	f->real->pMethods->xShmBarrier(f->real);
}

static int fv_shm_unmap(sqlite3_file *file, int delete_flag)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xShmUnmap(f->real, delete_flag);
}

static int fv_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xFetch(f->real, offset, amount, out);
}

static int fv_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
	struct fv_file *f = shim(file);

	return f->real->pMethods->xUnfetch(f->real, offset, page);
}

#define IO_METHODS(version)                                                               \
	{                                                                                 \
		version, fv_close, fv_read, fv_write, fv_truncate, fv_sync, fv_file_size, \
		fv_lock, fv_unlock, fv_check_reserved_lock, fv_file_control,              \
		fv_sector_size, fv_device_characteristics, fv_shm_map, fv_shm_lock,       \
		fv_shm_barrier, fv_shm_unmap, fv_fetch, fv_unfetch                        \
	}

/* Index: the real table's version, 1 to 3. */
static const sqlite3_io_methods io_methods[4] = {
	IO_METHODS(1), IO_METHODS(1), IO_METHODS(2), IO_METHODS(3),
};

/* ---- vfs methods -------------------------------------------------------------------- */

static int fv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
                   int *out_flags)
{
	struct fv_file *f = shim(file);
	int rc, version;

	(void)vfs;
	memset(f, 0, HEADER_SIZE);
	f->real = (sqlite3_file *)((char *)file + HEADER_SIZE);
	f->path = name;
	f->flags = flags;
	rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
	/* SQLite calls xClose whenever pMethods is set, even after a failed
	 * open: set it exactly when the real file's is. */
	if (f->real->pMethods) {
		version = f->real->pMethods->iVersion;
		if (version < 1)
			version = 1;
		if (version > 3)
			version = 3;
		file->pMethods = &io_methods[version];
	} else {
		file->pMethods = NULL;
	}
	return rc;
}

static int fv_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, skip_syncs ? 0 : sync_dir);
}

static int fv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int fv_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, size, out);
}

static void *fv_dl_open(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void fv_dl_error(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	real_vfs->xDlError(real_vfs, size, out);
}

static void (*fv_dl_sym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void)
{
	(void)vfs;
	return real_vfs->xDlSym(real_vfs, handle, symbol);
}

static void fv_dl_close(sqlite3_vfs *vfs, void *handle)
{
	(void)vfs;
	real_vfs->xDlClose(real_vfs, handle);
}

static int fv_randomness(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, size, out);
}

static int fv_sleep(sqlite3_vfs *vfs, int microseconds)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, microseconds);
}

static int fv_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int fv_get_last_error(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, size, out) : 0;
}

static int fv_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static int fv_set_system_call(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
	(void)vfs;
	return real_vfs->xSetSystemCall(real_vfs, name, call);
}

static sqlite3_syscall_ptr fv_get_system_call(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xGetSystemCall(real_vfs, name);
}

static const char *fv_next_system_call(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xNextSystemCall(real_vfs, name);
}

int fv_register(void)
{
	if (real_vfs)
		return SQLITE_MISUSE;
	real_vfs = sqlite3_vfs_find(NULL);
	if (!real_vfs)
		return SQLITE_ERROR;
	shim_vfs.iVersion = real_vfs->iVersion < 3 ? real_vfs->iVersion : 3;
	shim_vfs.szOsFile = (int)HEADER_SIZE + real_vfs->szOsFile;
	shim_vfs.mxPathname = real_vfs->mxPathname;
	shim_vfs.zName = "faultvfs";
	shim_vfs.xOpen = fv_open;
	shim_vfs.xDelete = fv_delete;
	shim_vfs.xAccess = fv_access;
	shim_vfs.xFullPathname = fv_full_pathname;
	shim_vfs.xDlOpen = fv_dl_open;
	shim_vfs.xDlError = fv_dl_error;
	shim_vfs.xDlSym = fv_dl_sym;
	shim_vfs.xDlClose = fv_dl_close;
	shim_vfs.xRandomness = fv_randomness;
	shim_vfs.xSleep = fv_sleep;
	shim_vfs.xCurrentTime = fv_current_time;
	shim_vfs.xGetLastError = fv_get_last_error;
	if (shim_vfs.iVersion >= 2)
		shim_vfs.xCurrentTimeInt64 = fv_current_time_int64;
	if (shim_vfs.iVersion >= 3) {
		shim_vfs.xSetSystemCall = fv_set_system_call;
		shim_vfs.xGetSystemCall = fv_get_system_call;
		shim_vfs.xNextSystemCall = fv_next_system_call;
	}
	return sqlite3_vfs_register(&shim_vfs, 1);
}
