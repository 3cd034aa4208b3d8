/*
 * csvread.h: reading a CSV file one record at a time, over libcsv.
 *
 * libcsv pushes fields and records through callbacks as it parses a
 * buffer; the importers want to pull records. The reader feeds libcsv one
 * chunk of the file at a time and queues the records that chunk completes,
 * so memory stays bounded by the chunk whatever the file's size. It also
 * counts physical lines (a quoted field may hold line breaks), strips a
 * UTF-8 byte order mark, and hashes the bytes as it reads them.
 */
#ifndef PCREG_CSVREAD_H
#define PCREG_CSVREAD_H

#include <stdio.h>

#include <csv.h>
#include <nettle/sha2.h>

#include "internal.h"

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

	/* The record handed out. */
	const char **out_fields;
	size_t *out_lengths;
	size_t out_cap;
};

/* Open a file; messages name @p path. With @p lines, records are lines,
 * not CSV: each is one field, its text without the line break. */
pcreg_status pcreg__csv_open(pcreg_db *db, struct pcreg__csv *csv, const char *path, int lines);

/* The next record: PCREG_OK, PCREG_DONE at the end, or a failure with a
 * message naming the file and line (malformed quoting, I/O). */
pcreg_status pcreg__csv_next(pcreg_db *db, struct pcreg__csv *csv, struct pcreg__csv_record *out);

/* The SHA-256 of the whole file as hex; reads the rest of the file first
 * if the records were not all read. */
pcreg_status pcreg__csv_sha256(pcreg_db *db, struct pcreg__csv *csv, char out[65]);

void pcreg__csv_close(struct pcreg__csv *csv);

#endif
