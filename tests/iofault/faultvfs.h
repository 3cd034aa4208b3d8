/*
 * faultvfs.h: a VFS shim over SQLite's default VFS that fails chosen I/O
 * calls, for the I/O fault tests (check_iofault.c) and the crash test
 * (tests/crash/crash_at_sync.c).
 *
 * Every file SQLite opens (the registry, its -wal and -shm, temporary
 * files) goes through the shim, which passes each call on to the real VFS
 * and counts it by kind. Armed, it fails the Nth call of one kind from
 * then on, once (a transient error) or that call and every later one of
 * the kind (a disk that has filled up, a device that has gone away), with
 * the code a real VFS gives for that failure.
 *
 * One thread only: the state is global and unlocked.
 *
 * Its users' long runs: every N of every fault (check_iofault.c's header),
 * a thousand kills (tests/crash/crash_test.sh's header).
 */
#ifndef PCREG_FAULTVFS_H
#define PCREG_FAULTVFS_H

enum fv_kind {
	FV_READ,     /* xRead */
	FV_WRITE,    /* xWrite */
	FV_SYNC,     /* xSync */
	FV_TRUNCATE, /* xTruncate */
	FV_LOCK,     /* xLock (taking or raising a lock on the database file) */
	FV_SHMMAP,   /* xShmMap (mapping the WAL index) */
	FV_SHMLOCK,  /* xShmLock, taking a lock (releasing one never fails) */
	FV_KINDS
};

enum fv_mode {
	FV_ONCE,      /* only the Nth call fails */
	FV_PERSISTENT /* the Nth call and every later one of its kind fail */
};

/* Register the shim as SQLite's default VFS, over the one that was the
 * default. Call once, after sqlite3_config() (tu_init()) and before
 * anything opens a database. Returns an SQLite result code. */
int fv_register(void);

/* Fail the @p n th call of @p kind from now on (n >= 1); the counts of
 * every kind start again from zero. */
void fv_arm(enum fv_kind kind, long n, enum fv_mode mode);

/* Stop failing; the counts go on. */
void fv_disarm(void);

/* How many calls failed since the last fv_arm(). */
long fv_fired(void);

/* Calls of @p kind since the last fv_arm() (or since registering). */
long fv_calls(enum fv_kind kind);

/* The code a failed call of @p kind returns in @p mode: SQLITE_IOERR_READ,
 * SQLITE_IOERR_WRITE or SQLITE_FULL (a full disk, persistent), ... */
int fv_error_code(enum fv_kind kind, enum fv_mode mode);

/* "read", "write", "sync", "truncate", "lock", "shmmap", "shmlock". */
const char *fv_kind_name(enum fv_kind kind);

/* Called instead of failing, before the call would fail (the crash test
 * kills its process here); NULL (the default) to fail the call. If it
 * returns, the call fails as usual. */
typedef void (*fv_fire_fn)(enum fv_kind kind, long n, const char *path);
void fv_on_fire(fv_fire_fn fn);

/* Nonzero: count (and fail) syncs but do not pass them on to the disk.
 * Fault tests need the syncs' order, not their durability, and on a busy
 * machine a real fsync costs milliseconds; a crash by SIGKILL loses
 * nothing the kernel holds either. Off by default. */
void fv_skip_syncs(int skip);

/* Whether a WAL frame that commits a transaction (one whose header gives
 * the database size after the commit) has been written since the last
 * fv_arm(): a kill after that must leave the transaction committed, one
 * before it must leave nothing of it. */
int fv_commit_frame_written(void);

#endif
