/*
 * csvread.h: reading a CSV file one record at a time, over libcsv.
 *
 * libcsv pushes fields and records through callbacks as it parses a
 * buffer; the importers want to pull records. The reader feeds libcsv one
 * chunk of the file at a time and queues the records that chunk completes,
 * so memory stays bounded by the chunk whatever the file's size. It also
 * counts physical lines (a quoted field may hold line breaks), strips a
 * UTF-8 byte order mark, and hashes the bytes as it reads them.
 *
 * National files are ASCII, UTF-8 or Windows-1252, and say not which. The
 * reader passes bytes through while they are UTF-8; at the first that are
 * not, a file that was ASCII until then is Windows-1252 from its start
 * (the two agree on ASCII), and every later byte is converted to UTF-8
 * before libcsv sees it. So the records are always UTF-8. UTF-16 and
 * UTF-32, NUL bytes, a file that mixes UTF-8 with something else and the
 * five bytes Windows-1252 leaves undefined are refused. Lines mode (JSON
 * Lines, the registry's own export, which is UTF-8 by definition) refuses
 * UTF-16, UTF-32 and NULs alike but converts nothing.
 */
#ifndef PCREG_CSVREAD_H
#define PCREG_CSVREAD_H

#include <iconv.h>
#include <stdio.h>

#include <csv.h>
#include <nettle/sha2.h>

#include "internal.h"

/* The bytes read at a time. A record's line numbers and the conversion's
 * buffers are per chunk; tests put bytes across its boundary. */
#define PCREG__CSV_CHUNK 65536

enum pcreg__csv_encoding_value {
	PCREG__CSV_ASCII,   /* nothing but ASCII so far */
	PCREG__CSV_UTF8,    /* valid multi-byte UTF-8 (or a UTF-8 BOM) seen */
	PCREG__CSV_WIN1252  /* a byte that is not UTF-8 came after ASCII only */
};

struct pcreg__csv_record {
	int64_t line;         /* physical line the record starts on, from 1 */
	size_t nfields;
	const char **fields;  /* NUL-terminated; valid until the next read */
	const size_t *lengths;
};

struct pcreg__csv_field {
	size_t offset, length;
};

struct pcreg__csv_queued {
	int64_t line;
	size_t first, nfields; /* into fields[] */
};

struct pcreg__csv {
	FILE *file;
	/* Or the one CSV file a zip archive holds (as ODS ships epraccur). */
	struct zip *zip;
	struct zip_file *zip_file;
	const char *path; /* borrowed, for messages */
	struct csv_parser parser;
	int parser_ready;
	struct sha256_ctx sha;
	int64_t size, bytes_read;
	int at_start, at_eof, finished;
	int lines; /* each line is one record of one field (JSON Lines) */

	int64_t line;         /* the line parsing has reached */
	int64_t record_line;  /* where the record being parsed began */
	int record_has_field; /* a field of it has been seen */
	int after_cr;         /* the last thing seen ended a line with \r */

	/* Records completed by the last chunk: their text, fields, records. */
	char *text;
	size_t text_len, text_cap;
	struct pcreg__csv_field *fields;
	size_t nfields, fields_cap;
	struct pcreg__csv_queued *queue;
	size_t queued, queue_cap, next;
	int out_of_memory;
	const char *too_long; /* which limit the record went past, or NULL */
	int64_t too_long_line; /* where that record began */

	/* What the bytes are read as, and the state that needs. */
	enum pcreg__csv_encoding_value encoding;
	unsigned char held[4]; /* a UTF-8 sequence the chunk's end cut short */
	size_t held_len;
	int64_t byte_line;     /* the physical line the byte scan has reached */
	int byte_after_cr;     /* the last byte scanned was a \r */
	iconv_t to_utf8;       /* Windows-1252 to UTF-8, once the file is that */
	int to_utf8_open;
	char *converted;       /* a chunk converted: at most 3 bytes a byte */

	/* The record handed out. */
	const char **out_fields;
	size_t *out_lengths;
	size_t out_cap;
};

/* Open a file; messages name @p path. With @p lines, records are lines,
 * not CSV: each is one field, its text without the line break. */
pcreg_status pcreg__csv_open(pcreg_db *db, struct pcreg__csv *csv, const char *path, int lines);

/* Open the CSV file @p entry of the zip archive @p path, as
 * pcreg__csv_open() opens a file: its bytes are read uncompressed, and
 * its size, progress and SHA-256 are the CSV file's. */
pcreg_status pcreg__csv_open_zip(pcreg_db *db, struct pcreg__csv *csv, const char *path,
                                 const char *entry, int lines);

/* The next record: PCREG_OK, PCREG_DONE at the end, or a failure with a
 * message naming the file and line (malformed quoting, I/O). */
pcreg_status pcreg__csv_next(pcreg_db *db, struct pcreg__csv *csv, struct pcreg__csv_record *out);

/* The SHA-256 of the whole file as hex; reads the rest of the file first
 * if the records were not all read. */
pcreg_status pcreg__csv_sha256(pcreg_db *db, struct pcreg__csv *csv, char out[65]);

/* What the file has been read as so far: "ASCII", "UTF-8" or
 * "Windows-1252" (a file that is ASCII until its last chunk says ASCII
 * until that chunk is read). */
const char *pcreg__csv_encoding(const struct pcreg__csv *csv);

void pcreg__csv_close(struct pcreg__csv *csv);

#endif
