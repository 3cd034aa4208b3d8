/*
 * check_encoding.c: the text encodings of national files (lib/csvread.c).
 *
 * National files are ASCII, UTF-8 or Windows-1252 and do not say which.
 * The reader passes UTF-8 through, takes a file that is ASCII until its
 * first byte that is not UTF-8 for Windows-1252 and converts it, and
 * refuses UTF-16, UTF-32, NUL bytes, mixed encodings and the bytes
 * Windows-1252 leaves undefined. Through the public API: what a file's
 * names become in the registry, and that a refused file changes nothing.
 * Through the reader itself: bytes across its chunk boundary.
 *
 * The files are in tests/data/encoding, written by make.py there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/csvread.h"
#include "testutil.h"

#define ENC PCREG_SOURCE_DIR "/tests/data/encoding/"
#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"

/* The names make.py writes, in UTF-8: F83001 to F83005. */
static const char *const names[] = {
	"CAF\xC3\xA9 ROAD SURGERY",
	"ST JOHN\xE2\x80\x99S PRACTICE",
	"THE \xE2\x80\x9COLD FORGE\xE2\x80\x9D SURGERY",
	"\xC2\xA3" "1 LANE MEDICAL CENTRE",
	"PR\xC3\xA9 \xE2\x82\xAC SURGERY",
};

static pcreg_db *db;
static char db_path[512];

/* ---- helpers ------------------------------------------------------------------------- */

/* A new registry file with 99F, F81001, F81002 and U99001 (testutil). */
static void setup(void)
{
	static int n;
	char name[32];

	snprintf(name, sizeof name, "encoding-%d.db", ++n);
	snprintf(db_path, sizeof db_path, "%s", tu_path(name));
	db = tu_open(db_path, PCREG_OPEN_CREATE);
	tu_add_reference_data(db);
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_status import(const char *path, int kind, int mode)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	opts.kind = kind;
	opts.mode = mode;
	st = pcreg_import_file(db, path, &opts, &r);
	pcreg_import_report_free(r);
	return st;
}

static void assert_practice_name(const char *code, const char *name)
{
	pcreg_practice *p = NULL;

	ck_assert_msg(pcreg_practice_get(db, code, &p) == PCREG_OK, "%s: %s", code,
	              pcreg_db_errmsg(db));
	ck_assert_str_eq(pcreg_practice_name(p), name);
	pcreg_practice_free(p);
}

/* The five named practices of make.py are in, with their names as UTF-8. */
static void assert_named_practices(void)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char code[8];

		snprintf(code, sizeof code, "F8300%zu", i + 1);
		assert_practice_name(code, names[i]);
	}
}

/* Read every record of a file with the reader itself: the concatenation
 * of each record's fields, each followed by '|' and each record by '\n',
 * into out; returns the last status (PCREG_DONE when all went well). */
static pcreg_status read_all(const char *path, int lines, char *out, size_t size,
                             int64_t *last_line)
{
	struct pcreg__csv csv;
	struct pcreg__csv_record rec;
	size_t used = 0;
	pcreg_status st;

	out[0] = '\0';
	st = pcreg__csv_open(db, &csv, path, lines);
	while (st == PCREG_OK && (st = pcreg__csv_next(db, &csv, &rec)) == PCREG_OK) {
		size_t i;

		for (i = 0; i < rec.nfields; i++) {
			ck_assert_uint_lt(used + rec.lengths[i] + 2, size);
			memcpy(out + used, rec.fields[i], rec.lengths[i]);
			used += rec.lengths[i];
			out[used++] = '|';
		}
		out[used++] = '\n';
		out[used] = '\0';
		if (last_line)
			*last_line = rec.line;
	}
	pcreg__csv_close(&csv);
	return st;
}

/* A file of ASCII lines of 'x' whose line @p line_no ends with the byte at
 * offset @p at (so that @p bytes begin there), then @p bytes, then a line
 * break: into a new buffer of *size bytes. */
static char *straddling(size_t at, const char *bytes, size_t nbytes, size_t *size)
{
	char *buf = malloc(at + nbytes + 1);
	size_t i;

	ck_assert_ptr_nonnull(buf);
	/* Lines of 99 x's and a \n, then x's up to the offset. */
	for (i = 0; i < at; i++)
		buf[i] = i % 100 == 99 ? '\n' : 'x';
	memcpy(buf + at, bytes, nbytes);
	buf[at + nbytes] = '\n';
	*size = at + nbytes + 1;
	return buf;
}

/* ---- the public API: what goes in -------------------------------------------------- */

/* Windows-1252 whose first byte past ASCII comes after the first chunk:
 * the rows of the first chunk went in as ASCII, the rest converted. */
START_TEST(test_1252_late)
{
	const char *path = ENC "epraccur-1252-late.csv";
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_import_entry *entry = NULL;
	pcreg_import *imp = NULL;
	pcreg_practice *p = NULL;
	char sha[65];

	opts.kind = PCREG_IMPORT_AUTO;
	ck_assert_int_eq(pcreg_import_file(db, path, &opts, &r), PCREG_OK);
	assert_named_practices();
	assert_practice_name("F82000", "ASCII PRACTICE 0");
	ck_assert_int_eq(pcreg_practice_get(db, "F83001", &p), PCREG_OK);
	ck_assert_str_eq(pcreg_practice_address(p, 1), "1 \xC2\xA3 ROW");
	pcreg_practice_free(p);

	/* The journal keeps the size and SHA-256 of the file as it is on
	 * disk, not of the converted text. */
	tu_file_sha256(path, sha);
	ck_assert_int_eq(pcreg_journal_import_get(db, pcreg_import_report_id(r), &entry), PCREG_OK);
	ck_assert_str_eq(pcreg_import_entry_sha256(entry), sha);
	ck_assert_int_eq(pcreg_import_entry_file_size(entry), 66638);
	pcreg_import_entry_free(entry);
	pcreg_import_report_free(r);

	/* Byte progress counts the file's bytes, not the converted ones. */
	opts.kind = PCREG_IMPORT_EPRACCUR;
	ck_assert_int_eq(pcreg_import_open(db, path, &opts, &imp), PCREG_OK);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_OK);
	ck_assert_int_eq(pcreg_import_bytes_read(imp), PCREG__CSV_CHUNK);
	while (pcreg_import_step(imp, 100) == PCREG_OK)
		;
	ck_assert_int_eq(pcreg_import_bytes_read(imp), 66638);
	ck_assert_int_eq(pcreg_import_bytes_total(imp), 66638);
	pcreg_import_free(imp);
}
END_TEST

/* Windows-1252 from the first line, strict and lenient. */
START_TEST(test_1252_early)
{
	ck_assert_int_eq(import(ENC "epraccur-1252-early.csv", PCREG_IMPORT_EPRACCUR,
	                        PCREG_IMPORT_STRICT),
	                 PCREG_OK);
	assert_named_practices();
}
END_TEST

START_TEST(test_1252_early_lenient)
{
	ck_assert_int_eq(import(ENC "epraccur-1252-early.csv", PCREG_IMPORT_AUTO,
	                        PCREG_IMPORT_LENIENT),
	                 PCREG_OK);
	assert_named_practices();
}
END_TEST

/* The same names as UTF-8, with and without a byte order mark. */
START_TEST(test_utf8)
{
	ck_assert_int_eq(import(ENC "epraccur-utf8.csv", PCREG_IMPORT_AUTO, PCREG_IMPORT_STRICT),
	                 PCREG_OK);
	assert_named_practices();
}
END_TEST

START_TEST(test_utf8_bom)
{
	ck_assert_int_eq(import(ENC "epraccur-utf8-bom.csv", PCREG_IMPORT_AUTO,
	                        PCREG_IMPORT_STRICT),
	                 PCREG_OK);
	assert_named_practices();
}
END_TEST

static void assert_network_name(const char *code, const char *name)
{
	pcreg_network *n = NULL;

	ck_assert_msg(pcreg_network_get(db, code, &n) == PCREG_OK, "%s: %s", code,
	              pcreg_db_errmsg(db));
	ck_assert_str_eq(pcreg_network_name(n), name);
	pcreg_network_free(n);
}

static void assert_commissioner_name(const char *code, const char *name)
{
	pcreg_commissioner *c = NULL;

	ck_assert_msg(pcreg_commissioner_get(db, code, &c) == PCREG_OK, "%s: %s", code,
	              pcreg_db_errmsg(db));
	ck_assert_str_eq(pcreg_commissioner_name(c), name);
	pcreg_commissioner_free(c);
}

/* The list sizes' practice map: names of PCNs and a CCG. */
START_TEST(test_map_1252_late)
{
	ck_assert_int_eq(import(ENC "gp-reg-pat-prac-map-1252-late.csv", PCREG_IMPORT_AUTO,
	                        PCREG_IMPORT_STRICT),
	                 PCREG_OK);
	assert_network_name("U99011", "ST JOHN\xE2\x80\x99S PCN");
	assert_network_name("U99012", "\xC2\xA3 \xE2\x82\xAC PCN");
	assert_commissioner_name("98A", "NHS \xE2\x80\x9C" "CAF\xC3\xA9\xE2\x80\x9D VALE CCG");
}
END_TEST

START_TEST(test_map_1252_early)
{
	ck_assert_int_eq(import(ENC "gp-reg-pat-prac-map-1252-early.csv", PCREG_IMPORT_PRACTICE_MAP,
	                        PCREG_IMPORT_STRICT),
	                 PCREG_OK);
	assert_network_name("U99011", "ST JOHN\xE2\x80\x99S PCN");
	assert_commissioner_name("98A", "NHS \xE2\x80\x9C" "CAF\xC3\xA9\xE2\x80\x9D VALE CCG");
}
END_TEST

/* ---- the public API: what is refused -------------------------------------------------- */

static const struct refused {
	const char *file;
	const char *message; /* after "PATH" */
} refused[] = {
	{ "epraccur-utf16le-bom.csv", ": the file is UTF-16LE text; national files are UTF-8, ASCII"
	                              " or Windows-1252: save it as UTF-8" },
	{ "epraccur-utf16le.csv", ": the file is UTF-16LE text; national files are UTF-8, ASCII"
	                          " or Windows-1252: save it as UTF-8" },
	{ "epraccur-utf16be-bom.csv", ": the file is UTF-16BE text; national files are UTF-8, ASCII"
	                              " or Windows-1252: save it as UTF-8" },
	{ "epraccur-utf16be.csv", ": the file is UTF-16BE text; national files are UTF-8, ASCII"
	                          " or Windows-1252: save it as UTF-8" },
	{ "epraccur-mixed.csv", ":3: byte 0xE9 is not UTF-8, and UTF-8 text came before it: the"
	                        " file mixes encodings" },
	{ "epraccur-undefined-81.csv", ":2: byte 0x81 is neither UTF-8 nor Windows-1252" },
};

/* Each refused file, in every mode, told or not what kind it is: the
 * registry is as it was. */
START_TEST(test_refused)
{
	const struct refused *c = &refused[_i];
	static const int kinds[] = { PCREG_IMPORT_AUTO, PCREG_IMPORT_EPRACCUR };
	static const int modes[] = { PCREG_IMPORT_STRICT, PCREG_IMPORT_LENIENT };
	char path[512], expected[1024];
	char *before = tu_sql_dump(db_path);
	size_t k, m;

	snprintf(path, sizeof path, ENC "%s", c->file);
	snprintf(expected, sizeof expected, "%s%s", path, c->message);
	for (k = 0; k < 2; k++)
		for (m = 0; m < 2; m++) {
			char *after;

			tu_assert_status(db, import(path, kinds[k], modes[m]), PCREG_INVALID, expected);
			after = tu_sql_dump(db_path);
			ck_assert_msg(strcmp(before, after) == 0, "%s changed the registry", c->file);
			free(after);
		}
	free(before);
}
END_TEST

/* A NUL byte that is not UTF-16 is binary data: refused, naming the line,
 * in ASCII text and in Windows-1252 text alike. */
START_TEST(test_nul)
{
	static const char ascii[] = "\"F83001\",\"PLAIN\"\n\"F83002\",\"NUL \0 HERE\"\n";
	static const char cp1252[] = "\"F83001\",\"CAF\xE9\"\n\n\"F83002\",\"NUL \0 HERE\"\n";
	const char *path = tu_path("nul.csv");
	char *before = tu_sql_dump(db_path), *after;
	char expected[1024];

	tu_write_file(path, ascii, sizeof ascii - 1);
	snprintf(expected, sizeof expected,
	         "%s:2: a NUL byte: the file is binary data, not text", path);
	tu_assert_status(db, import(path, PCREG_IMPORT_EPRACCUR, PCREG_IMPORT_LENIENT),
	                 PCREG_INVALID, expected);
	tu_write_file(path, cp1252, sizeof cp1252 - 1);
	snprintf(expected, sizeof expected,
	         "%s:3: a NUL byte: the file is binary data, not text", path);
	tu_assert_status(db, import(path, PCREG_IMPORT_EPRACCUR, PCREG_IMPORT_LENIENT),
	                 PCREG_INVALID, expected);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

/* JSON Lines is the registry's own format and UTF-8 by definition: a
 * byte that is not UTF-8 there is not taken for Windows-1252; the line is
 * refused (lib/import.c). */
START_TEST(test_jsonl_not_guessed)
{
	const char *path = PCREG_SOURCE_DIR "/tests/data/bad/registry-jsonl-invalid-utf8.jsonl";
	char expected[1024], out[1024];

	snprintf(expected, sizeof expected, "%s:2: the line is not UTF-8", path);
	tu_assert_status(db, import(path, PCREG_IMPORT_REGISTRY_JSONL, PCREG_IMPORT_STRICT),
	                 PCREG_INVALID, expected);
	ck_assert_int_eq(read_all(path, 1, out, sizeof out, NULL), PCREG_DONE);
	ck_assert_ptr_nonnull(strstr(out, "\xE9"));
}
END_TEST

/* UTF-32 with and without its byte order mark. */
START_TEST(test_utf32)
{
	static const char *const le = "\xFF\xFE\0\0P\0\0\0C\0\0\0N\0\0\0\n\0\0\0";
	static const char *const be = "\0\0\xFE\xFF\0\0\0P\0\0\0C\0\0\0N\0\0\0\n";
	const char *path = tu_path("utf32.csv");
	char expected[1024];

	tu_write_file(path, le, 20);
	snprintf(expected, sizeof expected, "%s: the file is UTF-32LE text;", path);
	tu_assert_status(db, import(path, PCREG_IMPORT_AUTO, 0), PCREG_INVALID, expected);
	tu_write_file(path, le + 4, 16);
	tu_assert_status(db, import(path, PCREG_IMPORT_EPRACCUR, 0), PCREG_INVALID, expected);
	tu_write_file(path, be, 20);
	snprintf(expected, sizeof expected, "%s: the file is UTF-32BE text;", path);
	tu_assert_status(db, import(path, PCREG_IMPORT_AUTO, 0), PCREG_INVALID, expected);
	tu_write_file(path, be + 4, 16);
	tu_assert_status(db, import(path, PCREG_IMPORT_LIST_SIZE, 0), PCREG_INVALID, expected);
}
END_TEST

/* ---- the reader itself ------------------------------------------------------------------ */

/* A UTF-8 sequence of 2, 3 or 4 bytes cut by the chunk boundary at every
 * place comes out whole. */
START_TEST(test_utf8_across_boundary)
{
	static const char *const seqs[] = { "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x8F\xA5" };
	const char *path = tu_path("split.csv");
	char *out = malloc(2 * PCREG__CSV_CHUNK);
	size_t s, cut;

	ck_assert_ptr_nonnull(out);
	for (s = 0; s < 3; s++)
		for (cut = 1; cut < strlen(seqs[s]); cut++) {
			size_t size;
			char *file = straddling(PCREG__CSV_CHUNK - cut, seqs[s], strlen(seqs[s]),
			                        &size);
			char *expected = malloc(size + size / 50 + 2);
			size_t i, j = 0;
			struct pcreg__csv csv;
			struct pcreg__csv_record rec;

			/* Each line one field, followed by '|' and '\n'. */
			for (i = 0; i < size; i++) {
				if (file[i] == '\n')
					expected[j++] = '|';
				expected[j++] = file[i];
			}
			expected[j] = '\0';
			tu_write_file(path, file, size);
			ck_assert_int_eq(read_all(path, 0, out, 2 * PCREG__CSV_CHUNK, NULL), PCREG_DONE);
			ck_assert_msg(strcmp(out, expected) == 0, "sequence %zu cut after %zu bytes", s,
			              cut);
			/* Lines mode (JSON Lines) too. */
			ck_assert_int_eq(read_all(path, 1, out, 2 * PCREG__CSV_CHUNK, NULL), PCREG_DONE);
			ck_assert_msg(strcmp(out, expected) == 0, "lines: sequence %zu cut after %zu", s,
			              cut);
			ck_assert_int_eq(pcreg__csv_open(db, &csv, path, 0), PCREG_OK);
			while (pcreg__csv_next(db, &csv, &rec) == PCREG_OK)
				;
			ck_assert_str_eq(pcreg__csv_encoding(&csv), "UTF-8");
			pcreg__csv_close(&csv);
			free(expected);
			free(file);
		}
	free(out);
}
END_TEST

/* Windows-1252 bytes at the chunk boundary that begin a UTF-8 sequence the
 * next chunk does not finish (so the reader held them back), and such a
 * sequence cut by the end of the file: converted, not lost. */
START_TEST(test_1252_across_boundary)
{
	static const struct {
		const char *bytes, *utf8;
		size_t before; /* how many of the bytes are in the first chunk */
		int held;      /* they begin a UTF-8 sequence, so wait for the next */
	} cases[] = {
		{ "\xE9ric", "\xC3\xA9ric", 1, 1 },                     /* é, then ASCII */
		{ "\xC3(", "\xC3\x83(", 1, 1 },                         /* Ã( */
		{ "\xF0\x9F" "A", "\xC3\xB0\xC5\xB8" "A", 2, 1 },       /* ðŸA */
		{ "\xE2\x80" "A", "\xC3\xA2\xE2\x82\xAC" "A", 1, 1 },   /* â€A */
		{ "\xA3\x93", "\xC2\xA3\xE2\x80\x9C", 1, 0 },           /* £“ */
	};
	const char *path = tu_path("split1252.csv");
	char *out = malloc(3 * PCREG__CSV_CHUNK);
	size_t i;

	ck_assert_ptr_nonnull(out);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t size, n = strlen(cases[i].bytes);
		char *file = straddling(PCREG__CSV_CHUNK - cases[i].before, cases[i].bytes, n, &size);
		const char *last;
		struct pcreg__csv csv;
		struct pcreg__csv_record rec;
		int64_t line = 0;
		char expected[64];

		tu_write_file(path, file, size);
		ck_assert_int_eq(read_all(path, 0, out, 3 * PCREG__CSV_CHUNK, &line), PCREG_DONE);
		/* The last record: the x's of its line, then the bytes. */
		out[strlen(out) - 2] = '\0'; /* its "|\n" */
		last = strrchr(out, '\n') + 1;
		ck_assert_uint_eq(strspn(last, "x"), (PCREG__CSV_CHUNK - cases[i].before) % 100);
		snprintf(expected, sizeof expected, "%s", cases[i].utf8);
		ck_assert_str_eq(last + strspn(last, "x"), expected);
		ck_assert_int_eq(line, (int64_t)(PCREG__CSV_CHUNK - cases[i].before) / 100 + 1);
		/* What the file was read as, before and after its first chunk. */
		ck_assert_int_eq(pcreg__csv_open(db, &csv, path, 0), PCREG_OK);
		ck_assert_str_eq(pcreg__csv_encoding(&csv), "ASCII");
		ck_assert_int_eq(pcreg__csv_next(db, &csv, &rec), PCREG_OK);
		ck_assert_str_eq(pcreg__csv_encoding(&csv), cases[i].held ? "ASCII" : "Windows-1252");
		while (pcreg__csv_next(db, &csv, &rec) == PCREG_OK)
			;
		ck_assert_str_eq(pcreg__csv_encoding(&csv), "Windows-1252");
		pcreg__csv_close(&csv);
		free(file);
	}
	/* Cut by the end of the file: a UTF-8 lead byte and no more. */
	tu_write_file(path, "ab,c\xE2\x80", 6);
	ck_assert_int_eq(read_all(path, 0, out, 64, NULL), PCREG_DONE);
	ck_assert_str_eq(out, "ab|c\xC3\xA2\xE2\x82\xAC|\n");
	free(out);
}
END_TEST

/* The same in a UTF-8 file is a sequence never finished: mixed. And the
 * line a refusal names is right past the first chunk. */
START_TEST(test_mixed_late)
{
	const char *path = tu_path("mixed-late.csv");
	char expected[1024], out[64];
	size_t size;
	char *file = straddling(2 * PCREG__CSV_CHUNK + 50, "\xE9 ", 2, &size);

	tu_write_file(path, "\xC3\xA9,\xE2\x80", 6);
	snprintf(expected, sizeof expected,
	         "%s:1: byte 0xE2 is not UTF-8, and UTF-8 text came before it", path);
	tu_assert_status(db, read_all(path, 0, out, sizeof out, NULL), PCREG_INVALID, expected);

	/* An é on line 1, a lone E9 on line 1311. */
	memcpy(file, "\xC3\xA9", 2);
	tu_write_file(path, file, size);
	snprintf(expected, sizeof expected,
	         "%s:%d: byte 0xE9 is not UTF-8, and UTF-8 text came before it", path,
	         (2 * PCREG__CSV_CHUNK + 50) / 100 + 1);
	{
		char *big = malloc(3 * PCREG__CSV_CHUNK);

		ck_assert_ptr_nonnull(big);
		tu_assert_status(db, read_all(path, 0, big, 3 * PCREG__CSV_CHUNK, NULL),
		                 PCREG_INVALID, expected);
		free(big);
	}
	free(file);
}
END_TEST

/* The SHA-256 is of the file's own bytes; lines count as in the file. */
START_TEST(test_sha256_and_lines)
{
	const char *path = ENC "epraccur-1252-late.csv";
	struct pcreg__csv csv;
	struct pcreg__csv_record rec;
	char sha[65], want[65];
	int64_t records = 0, line = 0;

	ck_assert_int_eq(pcreg__csv_open(db, &csv, path, 0), PCREG_OK);
	while (pcreg__csv_next(db, &csv, &rec) == PCREG_OK) {
		records++;
		line = rec.line;
		ck_assert_uint_eq(rec.nfields, 27);
	}
	ck_assert_int_eq(records, 371);
	ck_assert_int_eq(line, 371);
	ck_assert_int_eq(csv.bytes_read, 66638);
	ck_assert_int_eq(pcreg__csv_sha256(db, &csv, sha), PCREG_OK);
	tu_file_sha256(path, want);
	ck_assert_str_eq(sha, want);
	pcreg__csv_close(&csv);
	/* Half read: the digest reads the rest. */
	ck_assert_int_eq(pcreg__csv_open(db, &csv, path, 0), PCREG_OK);
	ck_assert_int_eq(pcreg__csv_next(db, &csv, &rec), PCREG_OK);
	ck_assert_int_eq(pcreg__csv_sha256(db, &csv, sha), PCREG_OK);
	ck_assert_str_eq(sha, want);
	pcreg__csv_close(&csv);
}
END_TEST

/* The field limit is on the converted text: 600 000 bytes of é are more
 * than 1 MiB of UTF-8. */
START_TEST(test_field_limit_after_conversion)
{
	const size_t n = 600000;
	char *file = malloc(n + 3);
	const char *path = tu_path("long1252.csv");
	char expected[1024], out[64];

	ck_assert_ptr_nonnull(file);
	memcpy(file, "a,", 2);
	memset(file + 2, 0xE9, n);
	file[n + 2] = '\n';
	tu_write_file(path, file, n + 3);
	snprintf(expected, sizeof expected, "%s:1: a field is longer than 1 MiB", path);
	tu_assert_status(db, read_all(path, 0, out, sizeof out, NULL), PCREG_INVALID, expected);
	/* Half as many still fit. */
	tu_write_file(path, file, n / 2 + 2);
	{
		char *big = malloc(2 * n);

		ck_assert_ptr_nonnull(big);
		ck_assert_int_eq(read_all(path, 0, big, 2 * n, NULL), PCREG_DONE);
		ck_assert_uint_eq(strlen(big), 2 + n + 2);
		free(big);
	}
	free(file);
}
END_TEST

/* ---- allocation failures --------------------------------------------------------------- */

struct oom {
	pcreg_db *db;
};

static pcreg_status oom_setup(void *ctx)
{
	struct oom *o = ctx;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	opts.flags = PCREG_OPEN_CREATE;
	st = pcreg_db_open(":memory:", &opts, &o->db);
	if (st != PCREG_OK)
		return st;
	tu_add_reference_data(o->db);
	/* An ASCII epraccur first, outside the failures: the statements an
	 * import prepares are then the registry's already, and the loop's
	 * thousands of runs test the reading more than the preparing. */
	st = pcreg_import_file(o->db, GOOD "epraccur.csv", NULL, &r);
	pcreg_import_report_free(r);
	return st;
}

/* A Windows-1252 import: every failure is PCREG_NOMEM and leaks nothing,
 * the conversion's buffer included. */
static pcreg_status oom_import(void *ctx)
{
	struct oom *o = ctx;
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_status st;

	opts.kind = PCREG_IMPORT_EPRACCUR;
	st = pcreg_import_file(o->db, ENC "epraccur-1252-early.csv", &opts, &r);
	pcreg_import_report_free(r);
	pcreg_db_close(o->db);
	o->db = NULL;
	return st;
}

START_TEST(test_oom_import)
{
	struct oom o = { NULL };
	long n = tu_oom_restarting_after("encoding: import", oom_setup, oom_import, &o);

	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "encoding: import: %ld allocations failed in turn\n", n);
}
END_TEST

static pcreg_status oom_reader_setup(void *ctx)
{
	struct oom *o = ctx;
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;

	opts.flags = PCREG_OPEN_CREATE;
	return pcreg_db_open(":memory:", &opts, &o->db);
}

/* The reader alone over a file that turns Windows-1252 in its second
 * chunk, held bytes, conversion and digest. */
static pcreg_status oom_reader(void *ctx)
{
	struct oom *o = ctx;
	struct pcreg__csv csv;
	struct pcreg__csv_record rec;
	char sha[65];
	pcreg_status st = pcreg__csv_open(o->db, &csv, ENC "epraccur-1252-late.csv", 0);

	while (st == PCREG_OK)
		st = pcreg__csv_next(o->db, &csv, &rec);
	if (st == PCREG_DONE)
		st = pcreg__csv_sha256(o->db, &csv, sha);
	pcreg__csv_close(&csv);
	pcreg_db_close(o->db);
	o->db = NULL;
	return st;
}

/* Every allocation of the reader fails in turn, whatever stride the
 * import loop is given. */
START_TEST(test_oom_reader)
{
	struct oom o = { NULL };
	const char *given = getenv("PCREG_OOM_STRIDE");
	char *saved = given ? strdup(given) : NULL;
	long n;

	setenv("PCREG_OOM_STRIDE", "1", 1);
	n = tu_oom_restarting_after("encoding: reader", oom_reader_setup, oom_reader, &o);
	if (saved) {
		setenv("PCREG_OOM_STRIDE", saved, 1);
		free(saved);
	} else {
		unsetenv("PCREG_OOM_STRIDE");
	}
	if (getenv("PCREG_OOM_VERBOSE"))
		fprintf(stderr, "encoding: reader: %ld allocations failed in turn\n", n);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("encoding");
	TCase *tc = tcase_create("encoding");

	tu_init();
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_1252_late);
	tcase_add_test(tc, test_1252_early);
	tcase_add_test(tc, test_1252_early_lenient);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_utf8_bom);
	tcase_add_test(tc, test_map_1252_late);
	tcase_add_test(tc, test_map_1252_early);
	tcase_add_loop_test(tc, test_refused, 0, (int)(sizeof refused / sizeof refused[0]));
	tcase_add_test(tc, test_nul);
	tcase_add_test(tc, test_utf32);
	tcase_add_test(tc, test_jsonl_not_guessed);
	tcase_add_test(tc, test_utf8_across_boundary);
	tcase_add_test(tc, test_1252_across_boundary);
	tcase_add_test(tc, test_mixed_late);
	tcase_add_test(tc, test_sha256_and_lines);
	tcase_add_test(tc, test_field_limit_after_conversion);
	suite_add_tcase(s, tc);
	/* Its own case, to run alone: CK_RUN_CASE=oom. */
	tc = tcase_create("oom");
	tcase_set_timeout(tc, 1200);
	tcase_add_test(tc, test_oom_reader);
	tcase_add_test(tc, test_oom_import);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
