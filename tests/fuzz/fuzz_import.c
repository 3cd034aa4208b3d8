/*
 * fuzz_import.c: a libFuzzer target for one import kind, the kind being
 * FUZZ_KIND ("epraccur", ..., or "auto" for detection), each input written
 * to a file named FUZZ_FILE (tests/fuzz/targets.txt gives both).
 *
 * One registry, in memory, is filled once with reference data (the files
 * of tests/data/good and examples/data, in their documented orders) and
 * kept. Each input is imported inside pcreg_db_begin() ... _rollback(), so
 * every run starts from the same registry, and the import is checked
 * against what import.h promises:
 *
 *  - strict: success gives counts that add up with nothing rejected, the
 *    import is journaled, and all text in the registry is UTF-8; failure
 *    gives a status a bad file may give, a message that names the file,
 *    and the registry exactly as it was;
 *  - lenient: the same, except that bad rows are skipped: it fails only
 *    for what refuses a whole file (its header, its encoding, its quoting);
 *    a file strict mode takes is taken the same way, and the reverse;
 *  - out of memory (one input in four): the strict import again with one
 *    allocation failing gives PCREG_NOMEM and the registry as it was, or,
 *    when the failure was absorbed, the clean run's result exactly; and it
 *    leaks nothing.
 *
 * A broken promise prints what was broken and aborts, so libFuzzer keeps
 * the input. README.md says how to run and reproduce.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pcreg/pcreg.h>

#ifndef FUZZ_KIND
#error "FUZZ_KIND (an import kind's word) must be defined"
#endif
#ifndef FUZZ_FILE
#error "FUZZ_FILE (the name each input is written under) must be defined"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- failing ---------------------------------------------------------------------------- */

static const char *current_phase = "setup";

static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\n==fuzz_import== ORACLE FAILURE (%s, %s): ", FUZZ_KIND, current_phase);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* ---- a counting, failing allocator under SQLite (and so under libpcreg) ----------------- */

static sqlite3_mem_methods system_methods;
static long alloc_calls;    /* mallocs and reallocs asked for */
static long live_blocks;    /* allocated and not yet freed */
static long fail_countdown; /* the allocation that fails, counting down; 0: none */
static int fault_injected;

static int fail_here(void)
{
	alloc_calls++;
	if (fail_countdown > 0 && --fail_countdown == 0) {
		fault_injected = 1;
		return 1;
	}
	return 0;
}

static void *counting_malloc(int size)
{
	void *p;

	if (fail_here())
		return NULL;
	p = system_methods.xMalloc(size);
	if (p)
		live_blocks++;
	return p;
}

static void counting_free(void *p)
{
	if (p)
		live_blocks--;
	system_methods.xFree(p);
}

static void *counting_realloc(void *p, int size)
{
	if (fail_here())
		return NULL;
	return system_methods.xRealloc(p, size);
}

static void install_allocator(void)
{
	sqlite3_mem_methods methods;

	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &system_methods) != SQLITE_OK)
		fail("cannot read SQLite's allocator");
	methods = system_methods;
	methods.xMalloc = counting_malloc;
	methods.xFree = counting_free;
	methods.xRealloc = counting_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK)
		fail("cannot install the counting allocator (was SQLite already initialised?)");
}

/* ---- the registry and its connection ------------------------------------------------------ */

static pcreg_db *db;
static sqlite3 *conn; /* the registry's own connection, for the fingerprint */

/* SQLite runs this for every connection opened while it is registered:
 * the way to see the registry's connection through public APIs only. */
static int capture_connection(sqlite3 *c, char **err, const sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	conn = c;
	return SQLITE_OK;
}

/* ---- the fingerprint: every table's rows, the schema, the connection's pragmas ------------ */

#define MAX_TABLES 64

struct fingerprint {
	int n;
	char name[MAX_TABLES][64];
	uint64_t rows[MAX_TABLES];
	uint64_t hash[MAX_TABLES];
	/* The first text value that is not UTF-8, if any ("table.column"). */
	char bad_text[128];
};

/* A quick 64-bit hash, eight bytes at a time (this runs over the whole
 * registry several times an input). */
static uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t w;

	while (n >= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, p, n);
	w ^= (uint64_t)n << 56;
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

/* Spreads a row's hash so that the sum over rows (order does not matter,
 * so no ORDER BY is needed) still tells rows apart. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF), as the library promises its text is. */
static int is_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len, k;
		uint32_t cp;

		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void hash_query(struct fingerprint *fp, const char *label, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	uint64_t sum = 0, rows = 0;
	int rc, i, n;

	if (fp->n >= MAX_TABLES)
		fail("more than %d tables: raise MAX_TABLES", MAX_TABLES);
	if (sqlite3_prepare_v2(conn, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail("fingerprint: %s: %s", sql, sqlite3_errmsg(conn));
	n = sqlite3_column_count(stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		uint64_t h = 0xcbf29ce484222325ull;

		for (i = 0; i < n; i++) {
			int type = sqlite3_column_type(stmt, i);
			unsigned char tag = (unsigned char)type;

			h = hash_bytes(h, &tag, 1);
			if (type == SQLITE_INTEGER) {
				sqlite3_int64 v = sqlite3_column_int64(stmt, i);

				h = hash_bytes(h, &v, sizeof v);
			} else if (type == SQLITE_FLOAT) {
				double v = sqlite3_column_double(stmt, i);

				h = hash_bytes(h, &v, sizeof v);
			} else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
				const unsigned char *v = type == SQLITE_TEXT
				                                 ? sqlite3_column_text(stmt, i)
				                                 : sqlite3_column_blob(stmt, i);
				size_t len = (size_t)sqlite3_column_bytes(stmt, i);
				uint64_t len64 = len;

				h = hash_bytes(h, &len64, sizeof len64);
				if (v)
					h = hash_bytes(h, v, len);
				if (type == SQLITE_TEXT && !fp->bad_text[0] && !is_utf8(v, len))
					snprintf(fp->bad_text, sizeof fp->bad_text, "%s.%s: \"%.60s\"",
					         label, sqlite3_column_name(stmt, i), (const char *)v);
			}
		}
		sum += mix(h);
		rows++;
	}
	if (rc != SQLITE_DONE)
		fail("fingerprint: %s: %s", sql, sqlite3_errmsg(conn));
	sqlite3_finalize(stmt);
	snprintf(fp->name[fp->n], sizeof fp->name[0], "%s", label);
	fp->rows[fp->n] = rows;
	fp->hash[fp->n] = sum;
	fp->n++;
}

/* So must it the connection's checking. */
static void hash_pragmas(struct fingerprint *fp)
{
	hash_query(fp, "(pragmas)",
	           "SELECT * FROM pragma_foreign_keys, pragma_ignore_check_constraints,"
	           " pragma_defer_foreign_keys");
}

static void take_fingerprint(struct fingerprint *fp)
{
	sqlite3_stmt *tables = NULL;
	int rc;

	memset(fp, 0, sizeof *fp);
	/* The schema too: a bulk load drops indexes and triggers and must
	 * put them back on every way out. */
	hash_query(fp, "(schema)", "SELECT type, name, tbl_name, sql FROM sqlite_schema");
	hash_pragmas(fp);
	if (sqlite3_prepare_v2(conn,
	                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
	                       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	                       " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
	                       -1, &tables, NULL) != SQLITE_OK)
		fail("fingerprint: %s", sqlite3_errmsg(conn));
	while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		/* Names come from the schema: quoted as identifiers. */
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", name);

		if (!sql)
			fail("fingerprint: out of memory");
		hash_query(fp, name, sql);
		sqlite3_free(sql);
	}
	if (rc != SQLITE_DONE)
		fail("fingerprint: %s", sqlite3_errmsg(conn));
	sqlite3_finalize(tables);
}

/* The tables that differ, for the message; empty when none does. */
static const char *fingerprint_diff(const struct fingerprint *a, const struct fingerprint *b)
{
	static char out[1024];
	size_t len = 0;
	int i, j;

	out[0] = '\0';
	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n && strcmp(a->name[i], b->name[j]) != 0; j++)
			;
		if (j == b->n || a->rows[i] != b->rows[j] || a->hash[i] != b->hash[j])
			len += (size_t)snprintf(out + len, len < sizeof out ? sizeof out - len : 0,
			                        "%s%s (%llu rows, then %lld)", len ? ", " : "", a->name[i],
			                        (unsigned long long)a->rows[i],
			                        j == b->n ? -1LL : (long long)b->rows[j]);
	}
	if (a->n != b->n && len < sizeof out)
		snprintf(out + len, sizeof out - len, "%stable count %d, then %d", len ? ", " : "",
		         a->n, b->n);
	return out;
}

static struct fingerprint base; /* the registry every run starts from */
static uint64_t base_pages;       /* and a hash of its pages */

/* A hash of the database's pages and the connection's pragmas: the quick
 * test. Rolling back restores pages byte for byte, so equal pages are an
 * unchanged registry; unequal ones are looked at row by row. */
static uint64_t page_hash(void)
{
	sqlite3_int64 size = 0;
	unsigned char *pages = sqlite3_serialize(conn, "main", &size, 0);
	struct fingerprint pragmas;
	uint64_t h;

	if (!pages)
		fail("sqlite3_serialize: %s", sqlite3_errmsg(conn));
	h = hash_bytes(0, pages, (size_t)size);
	sqlite3_free(pages);
	memset(&pragmas, 0, sizeof pragmas);
	hash_pragmas(&pragmas);
	return h ^ mix(pragmas.hash[0]);
}

static void expect_unchanged(const char *when)
{
	struct fingerprint now;
	const char *diff;

	if (page_hash() == base_pages)
		return;
	take_fingerprint(&now);
	diff = fingerprint_diff(&base, &now);
	if (diff[0])
		fail("%s, the registry is not as it was: %s", when, diff);
}

/* ---- reference data ------------------------------------------------------------------------- */

static const char *source_dir(void)
{
	const char *dir = getenv("PCREG_SOURCE_DIR");

	return dir && dir[0] ? dir : PCREG_SOURCE_DIR;
}

static void import_reference(const char *path, const char *kind_word)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *report = NULL;
	pcreg_status st;

	opts.kind = pcreg_import_kind_parse(kind_word);
	if (opts.kind < 0)
		fail("reference data: %s: no kind \"%s\"", path, kind_word);
	st = pcreg_import_file(db, path, &opts, &report);
	if (st != PCREG_OK)
		fail("reference data: %s: %s", path, pcreg_db_errmsg(db));
	pcreg_import_report_free(report);
}

/* tests/data/README.md's order, then examples/data/LOAD_ORDER's. */
static void load_reference_data(void)
{
	static const char *const good[] = {
		"icb_names_codes_dec_2024.csv",  "eccg.csv",
		"epraccur.csv",                  "succ.csv",
		"gp-reg-pat-prac-map.csv",       "ePCN_PCNDetails.csv",
		"ePCN_PCN_Core_Partner_Details.csv", "gp-reg-pat-prac-all.csv",
		"gp-reg-pat-prac-all-sub-icb.csv", "nhspaymentsgp-16-17-prac-csv.csv",
		"cqc-latest-ratings.csv",        "registry-commissioner.csv",
		"registry-network.jsonl",
	};
	char path[4096], line[512], file[256], kind[64];
	FILE *order;
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		snprintf(path, sizeof path, "%s/tests/data/good/%s", source_dir(), good[i]);
		import_reference(path, "auto");
	}
	snprintf(path, sizeof path, "%s/examples/data/LOAD_ORDER", source_dir());
	if (!(order = fopen(path, "r")))
		fail("reference data: cannot read %s", path);
	while (fgets(line, sizeof line, order)) {
		if (line[0] == '#' || sscanf(line, "%255s %63s", file, kind) != 2)
			continue;
		snprintf(path, sizeof path, "%s/examples/data/%s", source_dir(), file);
		import_reference(path, kind);
	}
	fclose(order);
}

/* ---- the input file ------------------------------------------------------------------------- */

static char input_dir[256];
static char input_path[512];

static void remove_input(void)
{
	unlink(input_path);
	rmdir(input_dir);
}

/* A process that crashed left its directory behind: remove those whose
 * process is gone (never a live one's: parallel jobs share the root). */
static void remove_stale_dirs(const char *root)
{
	DIR *dir = opendir(root);
	struct dirent *entry;

	while (dir && (entry = readdir(dir)) != NULL) {
		char path[512], file[800];
		long pid;
		char end;
		DIR *inner;
		struct dirent *e;

		if (sscanf(entry->d_name, "pcreg-fuzz-%ld%c", &pid, &end) != 1 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof path, "%s/%s", root, entry->d_name);
		if ((inner = opendir(path)) != NULL) {
			while ((e = readdir(inner)) != NULL) {
				snprintf(file, sizeof file, "%s/%s", path, e->d_name);
				if (e->d_name[0] != '.')
					unlink(file);
			}
			closedir(inner);
		}
		rmdir(path);
	}
	if (dir)
		closedir(dir);
}

/* A directory of this process's own (so that parallel jobs never share a
 * file), in memory when /dev/shm is there. */
static void make_input_dir(void)
{
	struct stat info;
	const char *root = stat("/dev/shm", &info) == 0 && S_ISDIR(info.st_mode) ? "/dev/shm" : "/tmp";

	remove_stale_dirs(root);

	snprintf(input_dir, sizeof input_dir, "%s/pcreg-fuzz-%ld", root, (long)getpid());
	if (mkdir(input_dir, 0700) != 0 && stat(input_dir, &info) != 0)
		fail("cannot make %s", input_dir);
	snprintf(input_path, sizeof input_path, "%s/%s", input_dir, FUZZ_FILE);
	atexit(remove_input);
}

static void write_input(const uint8_t *data, size_t size)
{
	int fd = open(input_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t done = 0;

	if (fd < 0)
		fail("cannot write %s", input_path);
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);

		if (n <= 0)
			fail("cannot write %s", input_path);
		done += (size_t)n;
	}
	close(fd);
}

/* ---- the oracle ----------------------------------------------------------------------------- */

static int target_kind; /* from FUZZ_KIND; 0 for auto */

struct outcome {
	pcreg_status status;
	int has_report;
	int64_t id, rows_read, inserted, updated, unchanged, skipped, rejected;
	pcreg_import_kind_value kind;
	char message[1100];
};

/* The statuses a file, however bad, may give: it says something wrong or
 * missing. Anything else (PCREG_ERROR, PCREG_MISUSE, PCREG_NOMEM without
 * a failed allocation, PCREG_CORRUPT...) is the library's fault. */
static int bad_file_status(pcreg_status st)
{
	return st == PCREG_INVALID || st == PCREG_CONSTRAINT || st == PCREG_CONFLICT ||
	       st == PCREG_NOTFOUND || st == PCREG_IO || st == PCREG_EXISTS || st == PCREG_CYCLE;
}

/* What refuses a whole file rather than one row: lenient mode may fail with
 * these. Each fragment is part of one of the library's messages. */
static const char *const file_level[] = {
	"cannot tell what kind of file",   /* detection */
	"the file is empty",               /* no records */
	"a header and no rows",            /* a header alone */
	"header",                          /* a header the reader cannot use */
	"financial year",                  /* payments: the name gives no year */
	"a quoted field is never closed",  /* quoting: the parser cannot go on */
	"malformed quoting",
	"a field is too large",            /* field and record size limits */
	"the most this library reads",
	"UTF-16",                          /* an encoding the library does not read */
	"UTF-32",
	"a NUL byte: the file is binary",  /* binary data */
	"the file mixes encodings",        /* UTF-8, then a byte that is not */
	"neither UTF-8 nor Windows-1252",
	": is not a JSON object",          /* JSON Lines: the first object names the entity */
	"the keys are not the field names",
	"refers to a",                     /* registry files: references checked at the end */
	"malformed XML",                   /* workbooks and ODS XML: the stream cannot go on */
	"not an HSCOrgRefData",
	"archive is damaged",              /* zip: a stream that does not inflate or check */
	"out of order (after row",
	"more than 16384 columns",
};

static int is_file_level(const char *message)
{
	size_t i;

	for (i = 0; i < sizeof file_level / sizeof file_level[0]; i++)
		if (strstr(message, file_level[i]))
			return 1;
	return 0;
}

/* A zip archive (a workbook) is binary by nature: its NUL bytes are no
 * text's. */
static int is_zip(const uint8_t *data, size_t size)
{
	return size >= 4 && memcmp(data, "PK\3\4", 4) == 0;
}

/* Whether the target's inputs are read as a workbook or ODS XML: their
 * readers parse a compressed or nested stream that cannot be resumed after
 * a break, so whatever stops the reader stops the file, in either mode
 * alike (a bad row is still a row: strict fails for it, lenient goes on). */
static int is_container(void)
{
	static const char file[] = FUZZ_FILE;
	size_t n = strlen(file);

	return (n > 5 && strcmp(&file[n - 5], ".xlsx") == 0) ||
	       (n > 4 && strcmp(&file[n - 4], ".xml") == 0);
}

static const char *mode_word(int mode)
{
	return mode == PCREG_IMPORT_LENIENT ? "lenient" : "strict";
}

/* One import of the input, with its report's numbers checked. */
static void run_import(int kind, int mode, struct outcome *out)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *report = NULL;
	pcreg_status st;

	opts.kind = kind;
	opts.mode = mode;
	memset(out, 0, sizeof *out);
	st = pcreg_import_file(db, input_path, &opts, &report);
	out->status = st;
	snprintf(out->message, sizeof out->message, "%s", pcreg_db_errmsg(db));
	if (report) {
		int i, n = pcreg_import_report_rejections(report);
		int64_t skip_sum = 0;

		out->has_report = 1;
		out->id = pcreg_import_report_id(report);
		out->rows_read = pcreg_import_report_rows_read(report);
		out->inserted = pcreg_import_report_inserted(report);
		out->updated = pcreg_import_report_updated(report);
		out->unchanged = pcreg_import_report_unchanged(report);
		out->skipped = pcreg_import_report_skipped(report);
		out->rejected = pcreg_import_report_rejected(report);
		out->kind = pcreg_import_report_kind(report);
		for (i = 0; i < pcreg_import_report_skip_reasons(report); i++) {
			if (!pcreg_import_report_skip_reason(report, i))
				fail("skip reason %d is NULL", i);
			skip_sum += pcreg_import_report_skip_count(report, i);
		}
		if (st == PCREG_OK && skip_sum != out->skipped)
			fail("%s: %lld rows skipped, but the reasons count %lld", mode_word(mode),
			     (long long)out->skipped, (long long)skip_sum);
		if (st == PCREG_OK && n != (out->rejected < 1000 ? out->rejected : 1000))
			fail("%s: %lld rows rejected, %d described", mode_word(mode),
			     (long long)out->rejected, n);
		for (i = 0; i < n; i++) {
			const char *reason = pcreg_import_report_rejection_reason(report, i);

			if (pcreg_import_report_rejection_line(report, i) < 1 || !reason || !reason[0])
				fail("%s: rejection %d of %d has no line or reason (%s)", mode_word(mode), i,
				     n, pcreg_status_str(st));
			if (!is_utf8((const unsigned char *)reason, strlen(reason)))
				fail("%s: rejection %d's reason is not UTF-8: \"%s\"", mode_word(mode), i,
				     reason);
		}
	}
	pcreg_import_report_free(report);
}

static void check_success(const struct outcome *o, int mode, int expected_kind)
{
	struct fingerprint now;
	int64_t sum = o->inserted + o->updated + o->unchanged + o->skipped + o->rejected;

	if (!o->has_report)
		fail("%s: PCREG_OK without a report", mode_word(mode));
	if (o->rows_read != sum)
		fail("%s: %lld rows read, but %lld inserted + %lld updated + %lld unchanged + %lld"
		     " skipped + %lld rejected",
		     mode_word(mode), (long long)o->rows_read, (long long)o->inserted,
		     (long long)o->updated, (long long)o->unchanged, (long long)o->skipped,
		     (long long)o->rejected);
	if (o->rows_read < 0 || o->inserted < 0 || o->updated < 0 || o->unchanged < 0 ||
	    o->skipped < 0 || o->rejected < 0)
		fail("%s: a negative count", mode_word(mode));
	if (mode == PCREG_IMPORT_STRICT && o->rejected != 0)
		fail("strict: PCREG_OK with %lld rows rejected", (long long)o->rejected);
	if (o->id <= 0)
		fail("%s: PCREG_OK, but the report's journal id is %lld", mode_word(mode),
		     (long long)o->id);
	if (expected_kind != 0 && (int)o->kind != expected_kind)
		fail("%s: the report says kind %d, the import was of kind %d", mode_word(mode),
		     (int)o->kind, expected_kind);
	/* Every import is journaled, so the registry changed; and whatever
	 * it took from the file is text. */
	take_fingerprint(&now);
	if (!fingerprint_diff(&base, &now)[0])
		fail("%s: PCREG_OK, but nothing was written (not even the journal)", mode_word(mode));
	if (now.bad_text[0])
		fail("%s: PCREG_OK, and the registry now holds text that is not UTF-8: %s",
		     mode_word(mode), now.bad_text);
}

static void check_failure(const struct outcome *o, int mode)
{
	if (o->status == PCREG_OK || o->status == PCREG_DONE)
		fail("%s: check_failure on success", mode_word(mode));
	if (!bad_file_status(o->status))
		fail("%s: status %d (%s) is not one a bad file may give: %s", mode_word(mode),
		     o->status, pcreg_status_str(o->status), o->message);
	if (pcreg_db_errcode(db) != o->status)
		fail("%s: returned %s, but pcreg_db_errcode() says %s", mode_word(mode),
		     pcreg_status_str(o->status), pcreg_status_str(pcreg_db_errcode(db)));
	if (!o->message[0] || strcmp(o->message, "not an error") == 0)
		fail("%s: %s without a message", mode_word(mode), pcreg_status_str(o->status));
	if (!strstr(o->message, input_path))
		fail("%s: %s, and the message does not name the file: \"%s\"", mode_word(mode),
		     pcreg_status_str(o->status), o->message);
	if (!is_utf8((const unsigned char *)o->message, strlen(o->message)))
		fail("%s: the message is not UTF-8: \"%s\"", mode_word(mode), o->message);
	if (o->has_report && o->id != 0)
		fail("%s: failed, but the report's journal id is %lld, not 0", mode_word(mode),
		     (long long)o->id);
	expect_unchanged(mode == PCREG_IMPORT_STRICT ? "after a failed strict import"
	                                             : "after a failed lenient import");
}

static void begin(void)
{
	if (pcreg_db_begin(db) != PCREG_OK)
		fail("pcreg_db_begin: %s", pcreg_db_errmsg(db));
}

static void rollback(void)
{
	pcreg_status st = pcreg_db_rollback(db);

	if (st != PCREG_OK)
		fail("pcreg_db_rollback: %s: %s", pcreg_status_str(st), pcreg_db_errmsg(db));
}

static uint64_t input_hash(const uint8_t *data, size_t size)
{
	return mix(hash_bytes(0xcbf29ce484222325ull, data, size));
}

static int same_counts(const struct outcome *a, const struct outcome *b)
{
	return a->rows_read == b->rows_read && a->inserted == b->inserted &&
	       a->updated == b->updated && a->unchanged == b->unchanged &&
	       a->skipped == b->skipped && a->rejected == b->rejected;
}

/* Auto-detection: pcreg_import_detect() and kind 0 must agree. */
static void check_detection(int *detected)
{
	pcreg_import_kind_value kind = PCREG_IMPORT_AUTO;
	pcreg_status st;
	char message[1100];

	current_phase = "detect";
	st = pcreg_import_detect(db, input_path, &kind);
	snprintf(message, sizeof message, "%s", pcreg_db_errmsg(db));
	*detected = -1;
	if (st == PCREG_OK) {
		if (!pcreg_import_kind_str(kind) || kind == PCREG_IMPORT_AUTO)
			fail("pcreg_import_detect: PCREG_OK with kind %d", (int)kind);
		*detected = (int)kind;
		return;
	}
	if (st != PCREG_INVALID)
		fail("pcreg_import_detect: %d (%s), not PCREG_OK or PCREG_INVALID: %s", st,
		     pcreg_status_str(st), message);
	if (!strstr(message, input_path))
		fail("pcreg_import_detect: the message does not name the file: \"%s\"", message);
	/* The import must refuse the file the same way. */
	current_phase = "auto import of an undetected file";
	{
		struct outcome o;

		begin();
		run_import(PCREG_IMPORT_AUTO, PCREG_IMPORT_STRICT, &o);
		if (o.status != st || strcmp(o.message, message) != 0)
			fail("detection said %s \"%s\", the import %s \"%s\"", pcreg_status_str(st),
			     message, pcreg_status_str(o.status), o.message);
		check_failure(&o, PCREG_IMPORT_STRICT);
		rollback();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	(void)argc;
	(void)argv;
	install_allocator();
	target_kind = pcreg_import_kind_parse(FUZZ_KIND);
	if (target_kind < 0)
		fail("FUZZ_KIND \"%s\" is no import kind", FUZZ_KIND);
	make_input_dir();
	opts.flags = PCREG_OPEN_CREATE;
	sqlite3_auto_extension((void (*)(void))capture_connection);
	if (pcreg_db_open(":memory:", &opts, &db) != PCREG_OK)
		fail("cannot open a registry: %s", pcreg_db_errmsg(db));
	sqlite3_cancel_auto_extension((void (*)(void))capture_connection);
	if (!conn)
		fail("the registry's connection was not seen");
	load_reference_data();
	take_fingerprint(&base);
	base_pages = page_hash();
	if (base.bad_text[0])
		fail("the reference data holds text that is not UTF-8: %s", base.bad_text);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t h = input_hash(data, size);
	int kind = target_kind, detected = 0;
	struct outcome strict, lenient;
	long calls_before, clean_calls = 0;

	write_input(data, size);
	if (target_kind == PCREG_IMPORT_AUTO)
		check_detection(&detected);

	/* Strict. */
	current_phase = "strict";
	begin();
	run_import(kind, PCREG_IMPORT_STRICT, &strict);
	if (strict.status == PCREG_OK)
		check_success(&strict, PCREG_IMPORT_STRICT, kind ? kind : detected);
	else
		check_failure(&strict, PCREG_IMPORT_STRICT);
	/* What is not text is a bad row (import.h): no file with a NUL byte
	 * may import whole. */
	if (strict.status == PCREG_OK && memchr(data, '\0', size) && !is_zip(data, size))
		fail("strict: PCREG_OK for a file with a NUL byte at offset %td",
		     (const uint8_t *)memchr(data, '\0', size) - data);
	rollback();

	/* Lenient. */
	current_phase = "lenient";
	begin();
	run_import(kind, PCREG_IMPORT_LENIENT, &lenient);
	if (lenient.status == PCREG_OK) {
		check_success(&lenient, PCREG_IMPORT_LENIENT, kind ? kind : detected);
		if (strict.status == PCREG_OK && (!same_counts(&strict, &lenient)))
			fail("strict took the file as %lld read/%lld inserted/%lld updated/%lld"
			     " unchanged/%lld skipped, lenient as %lld/%lld/%lld/%lld/%lld",
			     (long long)strict.rows_read, (long long)strict.inserted,
			     (long long)strict.updated, (long long)strict.unchanged,
			     (long long)strict.skipped, (long long)lenient.rows_read,
			     (long long)lenient.inserted, (long long)lenient.updated,
			     (long long)lenient.unchanged, (long long)lenient.skipped);
		if (lenient.rejected == 0 && strict.status != PCREG_OK)
			fail("lenient rejected no row, but strict failed: %s", strict.message);
	} else {
		check_failure(&lenient, PCREG_IMPORT_LENIENT);
		if (strict.status == PCREG_OK)
			fail("strict took the file, lenient refused it: %s", lenient.message);
		/* Bad rows are skipped: only what refuses the whole file (read
		 * before any row, or a file-level message) may fail it. */
		if (lenient.status != PCREG_NOTFOUND && lenient.status != PCREG_IO &&
		    lenient.has_report && lenient.rows_read > 0 && !is_file_level(lenient.message) &&
		    !(is_container() && strcmp(lenient.message, strict.message) == 0))
			fail("lenient failed with %s after %lld rows, for what looks like one row: %s",
			     pcreg_status_str(lenient.status), (long long)lenient.rows_read,
			     lenient.message);
	}
	rollback();

	/* Out of memory, for one input in four: the strict import again, once
	 * to count its allocations with every cache as warm as it will be
	 * (so that a crash input fails the same allocation when run alone),
	 * then with one of them failing. */
	if ((h & 3) == 0) {
		struct outcome warm;

		current_phase = "strict, again";
		begin();
		calls_before = alloc_calls;
		run_import(kind, PCREG_IMPORT_STRICT, &warm);
		clean_calls = alloc_calls - calls_before;
		rollback();
		if (warm.status != strict.status || !same_counts(&warm, &strict))
			fail("the same file in the same registry: %s (\"%s\"), then %s (\"%s\")",
			     pcreg_status_str(strict.status), strict.message,
			     pcreg_status_str(warm.status), warm.message);
	}
	if ((h & 3) == 0 && clean_calls > 0) {
		static char phase[64];
		struct outcome oom, again;
		long n = 1 + (long)((h >> 2) % (uint64_t)clean_calls);
		long live_before = live_blocks;
		int injected;

		snprintf(phase, sizeof phase, "out of memory: allocation %ld of %ld", n, clean_calls);
		current_phase = phase;
		begin();
		fail_countdown = n;
		fault_injected = 0;
		run_import(kind, PCREG_IMPORT_STRICT, &oom);
		injected = fault_injected;
		fail_countdown = 0;
		if (oom.status == PCREG_NOMEM) {
			if (!injected)
				fail("PCREG_NOMEM, but no allocation failed: %s", oom.message);
			if (pcreg_db_errcode(db) != PCREG_NOMEM)
				fail("returned PCREG_NOMEM, but pcreg_db_errcode() says %s",
				     pcreg_status_str(pcreg_db_errcode(db)));
			if (oom.has_report && oom.id != 0)
				fail("failed, but the report's journal id is %lld", (long long)oom.id);
			expect_unchanged("after allocation failure, PCREG_NOMEM, and");
		} else if (oom.status != strict.status) {
			fail("allocation %ld of %ld failed%s: %s (\"%s\"), where the clean run gave %s"
			     " (\"%s\")",
			     n, clean_calls, injected ? "" : " (it was not reached)",
			     pcreg_status_str(oom.status), oom.message, pcreg_status_str(strict.status),
			     strict.message);
		} else if (oom.status == PCREG_OK) {
			if (!same_counts(&oom, &strict))
				fail("allocation %ld failed and was absorbed, but the counts differ from"
				     " the clean run's",
				     n);
			check_success(&oom, PCREG_IMPORT_STRICT, kind ? kind : detected);
		} else {
			check_failure(&oom, PCREG_IMPORT_STRICT);
		}
		rollback();
		/* A failure path that forgets a block forgets it every time:
		 * growth that repeats with the same failure is a leak (a cache
		 * filled once is not). */
		if (live_blocks > live_before) {
			long grown = live_blocks - live_before;

			live_before = live_blocks;
			begin();
			fail_countdown = n;
			run_import(kind, PCREG_IMPORT_STRICT, &again);
			fail_countdown = 0;
			rollback();
			if (live_blocks > live_before)
				fail("allocation %ld failed (%s) and %ld blocks stayed allocated, then %ld"
				     " more on the same failure",
				     n, pcreg_status_str(oom.status), grown, live_blocks - live_before);
		}
	}

	/* A failed import was checked inside the transaction already; after
	 * one that succeeded, the rollback must undo it. */
	if (strict.status == PCREG_OK || lenient.status == PCREG_OK) {
		current_phase = "after the run";
		expect_unchanged("after rolling back");
	}
	return 0;
}
