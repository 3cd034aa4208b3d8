/*
 * csvread.c: records pulled one at a time from libcsv's callbacks.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "fileio.h"

#define CHUNK 65536

static void *csv_realloc(void *ptr, size_t size)
{
	return pcreg__realloc(ptr, size);
}

static int grow(void **array, size_t *cap, size_t need, size_t item)
{
	size_t n = *cap ? *cap : 64;
	void *p;

	if (need <= *cap)
		return 1;
	while (n < need)
		n *= 2;
	p = pcreg__realloc(*array, n * item);
	if (!p)
		return 0;
	*array = p;
	*cap = n;
	return 1;
}

/* Whether the record being read has grown past the limits: the fields it
 * has completed, plus @p more bytes of the one under way. */
static int too_long(struct pcreg__csv *csv, size_t field, size_t more)
{
	size_t record = more;

	csv->too_long_line = csv->record_line;
	if (field > PCREG_IMPORT_FIELD_MAX) {
		csv->too_long = "a field is longer than 1 MiB";
		return 1;
	}
	if (csv->record_has_field)
		record += csv->text_len - csv->fields[csv->queue[csv->queued].first].offset;
	if (record > PCREG_IMPORT_RECORD_MAX) {
		csv->too_long = "a record is longer than 16 MiB";
		return 1;
	}
	return 0;
}

/* A field ended: keep its text; a record starts with its first field.
 * Everything that can fail comes first, so that a failure leaves the
 * queue as it was. */
static void on_field(void *s, size_t len, void *data)
{
	struct pcreg__csv *csv = data;
	const char *text = s ? s : "";
	const char *p;

	csv->after_cr = 0;
	if (csv->out_of_memory || csv->too_long)
		return;
	if (too_long(csv, len, len))
		return;
	if (!grow((void **)&csv->text, &csv->text_cap, csv->text_len + len + 1, 1) ||
	    !grow((void **)&csv->fields, &csv->fields_cap, csv->nfields + 1, sizeof *csv->fields) ||
	    (!csv->record_has_field &&
	     !grow((void **)&csv->queue, &csv->queue_cap, csv->queued + 1, sizeof *csv->queue))) {
		csv->out_of_memory = 1;
		return;
	}
	if (!csv->record_has_field) {
		csv->record_has_field = 1;
		csv->queue[csv->queued].line = csv->record_line;
		csv->queue[csv->queued].first = csv->nfields;
		csv->queue[csv->queued].nfields = 0;
	}
	memcpy(csv->text + csv->text_len, text, len);
	csv->text[csv->text_len + len] = '\0';
	csv->fields[csv->nfields].offset = csv->text_len;
	csv->fields[csv->nfields].length = len;
	csv->text_len += len + 1;
	csv->nfields++;
	csv->queue[csv->queued].nfields++;
	/* A quoted field may span lines. */
	for (p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
		csv->line++;
}

/* Lines mode keeps the line being read as the last field of the text,
 * growing it across chunks. */
static void on_field_part(struct pcreg__csv *csv, const char *text, size_t len)
{
	struct pcreg__csv_field *f;

	if (!csv->record_has_field) {
		on_field((void *)text, len, csv);
		return;
	}
	f = &csv->fields[csv->nfields - 1];
	if (too_long(csv, f->length + len, len))
		return;
	if (!grow((void **)&csv->text, &csv->text_cap, csv->text_len + len, 1)) {
		csv->out_of_memory = 1;
		return;
	}
	/* Overwrite the terminating NUL and append. */
	memcpy(csv->text + csv->text_len - 1, text, len);
	csv->text_len += len;
	csv->text[csv->text_len - 1] = '\0';
	f->length += len;
}

static void finish_line(struct pcreg__csv *csv)
{
	struct pcreg__csv_field *f;

	if (!csv->record_has_field) {
		csv->line++;
		csv->record_line = csv->line;
		return;
	}
	f = &csv->fields[csv->nfields - 1];
	if (f->length > 0 && csv->text[f->offset + f->length - 1] == '\r')
		csv->text[f->offset + --f->length] = '\0';
	if (f->length == 0) { /* a blank line (\r\n): not a record */
		csv->nfields--;
		csv->text_len = f->offset;
	} else {
		csv->queued++;
	}
	csv->record_has_field = 0;
	csv->line++;
	csv->record_line = csv->line;
}

/* A record ended at a terminator (-1 at the end of the file). With
 * CSV_REPALL_NL every line break comes here, so blank lines and the \n of
 * CRLF arrive as records without fields, which count lines only. */
static void on_record(int c, void *data)
{
	struct pcreg__csv *csv = data;

	if (csv->record_has_field && !csv->out_of_memory && !csv->too_long)
		csv->queued++;
	csv->record_has_field = 0;
	/* A line ends at \n, \r\n or a \r alone (old Mac files): a \n right
	 * after a \r is the same line end. */
	if (c == '\r' || (c == '\n' && !csv->after_cr))
		csv->line++;
	csv->after_cr = c == '\r';
	csv->record_line = csv->line;
}

pcreg_status pcreg__csv_open(pcreg_db *db, struct pcreg__csv *csv, const char *path, int lines)
{
	struct stat st;

	memset(csv, 0, sizeof *csv);
	csv->path = path;
	csv->lines = lines;
	csv->line = csv->record_line = 1;
	csv->at_start = 1;
	sha256_init(&csv->sha);
	csv->file = fopen(path, "rb");
	if (!csv->file) {
		if (errno == ENOENT)
			return pcreg__error(db, PCREG_NOTFOUND, "%s: no such file", path);
		return pcreg__error(db, PCREG_IO, "%s: cannot open: %s", path, strerror(errno));
	}
	if (fstat(fileno(csv->file), &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return pcreg__error(db, PCREG_IO, "%s: is a directory", path);
		csv->size = (int64_t)st.st_size;
	}
	/* Strict: a stray quote is an error, as is a quote left open at the end. */
	if (csv_init(&csv->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) !=
	    0)
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	csv->parser_ready = 1;
	csv_set_realloc_func(&csv->parser, csv_realloc);
	csv_set_free_func(&csv->parser, pcreg__free);
	return PCREG_OK;
}

static pcreg_status too_long_error(pcreg_db *db, const struct pcreg__csv *csv)
{
	return pcreg__error(db, PCREG_INVALID, "%s:%lld: %s, the most this library reads", csv->path,
	                    (long long)csv->too_long_line, csv->too_long);
}

static pcreg_status out_of_memory(pcreg_db *db, const struct pcreg__csv *csv)
{
	return pcreg__error(db, PCREG_NOMEM, "%s:%lld: out of memory", csv->path,
	                    (long long)csv->record_line);
}

static pcreg_status parse_failed(pcreg_db *db, struct pcreg__csv *csv, int at_end)
{
	int err = csv_error(&csv->parser);

	if (csv->too_long)
		return too_long_error(db, csv);
	if (err == CSV_ENOMEM || csv->out_of_memory)
		return out_of_memory(db, csv);
	if (err == CSV_ETOOBIG)
		return pcreg__error(db, PCREG_INVALID, "%s:%lld: a field is too large", csv->path,
		                    (long long)csv->line);
	if (at_end)
		return pcreg__error(db, PCREG_INVALID,
		                    "%s:%lld: a quoted field is never closed (the file ends inside it)",
		                    csv->path, (long long)csv->record_line);
	return pcreg__error(db, PCREG_INVALID,
	                    "%s:%lld: malformed quoting (a quote inside an unquoted field, or text"
	                    " after a closing quote)",
	                    csv->path, (long long)csv->line);
}

/* Lines mode: split on \n (dropping a \r before it); text before the
 * first \n of a chunk continues the line the last chunk left open. */
static void split_lines(struct pcreg__csv *csv, const unsigned char *p, size_t n, int at_end)
{
	/* At the end there are no bytes, and p may be NULL: NULL + 0 is
	 * undefined in C. */
	const unsigned char *end = n ? p + n : p;

	while (p < end && !csv->out_of_memory && !csv->too_long) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);

		if (len || csv->record_has_field)
			on_field_part(csv, (const char *)p, len);
		if (!nl)
			break;
		finish_line(csv);
		p = nl + 1;
	}
	if (at_end && csv->record_has_field && !csv->out_of_memory && !csv->too_long)
		finish_line(csv);
}

/* Forget the records handed out. A record still being read (the chunk
 * ended inside it) moves to the front with the fields it has so far. */
static void reset_queue(struct pcreg__csv *csv)
{
	if (csv->record_has_field) {
		struct pcreg__csv_queued partial = csv->queue[csv->queued];
		size_t base = csv->fields[partial.first].offset;
		size_t i;

		memmove(csv->text, csv->text + base, csv->text_len - base);
		csv->text_len -= base;
		for (i = 0; i < partial.nfields; i++) {
			csv->fields[i] = csv->fields[partial.first + i];
			csv->fields[i].offset -= base;
		}
		csv->nfields = partial.nfields;
		partial.first = 0;
		csv->queue[0] = partial;
	} else {
		csv->text_len = csv->nfields = 0;
	}
	csv->queued = csv->next = 0;
}

/* UTF-16 (and UTF-32) text opens with a byte order mark of FF FE or FE FF;
 * read as bytes it is a NUL after every letter. Say what it is. */
static pcreg_status check_encoding(pcreg_db *db, const struct pcreg__csv *csv,
                                   const unsigned char *buf, size_t n)
{
	if (n >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF)))
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: the file is UTF-16 (it begins with the byte order mark %02X %02X);"
		                    " save it as UTF-8",
		                    csv->path, buf[0], buf[1]);
	return PCREG_OK;
}

static pcreg_status read_failed(pcreg_db *db, const struct pcreg__csv *csv, int err)
{
	return pcreg__error(db, PCREG_IO, "%s: read failed: %s", csv->path, strerror(err));
}

/* Parse the next chunk into a fresh queue. */
static pcreg_status read_chunk(pcreg_db *db, struct pcreg__csv *csv)
{
	unsigned char buf[CHUNK];
	const unsigned char *p = buf;
	int err;
	size_t n = pcreg__file_read(csv->file, csv->path, buf, sizeof buf, &err);
	pcreg_status st;

	reset_queue(csv);
	if (err)
		return read_failed(db, csv, err);
	if (n == 0) {
		csv->finished = 1;
		if (csv->lines) {
			split_lines(csv, NULL, 0, 1);
			return csv->out_of_memory ? out_of_memory(db, csv) : PCREG_OK;
		}
		if (csv_fini(&csv->parser, on_field, on_record, csv) != 0 || csv->out_of_memory ||
		    csv->too_long)
			return parse_failed(db, csv, 1);
		return PCREG_OK;
	}
	sha256_update(&csv->sha, n, buf);
	csv->bytes_read += (int64_t)n;
	if (csv->at_start) {
		csv->at_start = 0;
		if ((st = check_encoding(db, csv, buf, n)) != PCREG_OK)
			return st;
		if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
			p += 3;
			n -= 3;
		}
	}
	if (csv->lines) {
		split_lines(csv, p, n, 0);
		if (csv->too_long)
			return too_long_error(db, csv);
		return csv->out_of_memory ? out_of_memory(db, csv) : PCREG_OK;
	}
	if (csv_parse(&csv->parser, p, n, on_field, on_record, csv) != n || csv->out_of_memory ||
	    csv->too_long)
		return parse_failed(db, csv, 0);
	/* libcsv holds the field under way in a buffer of its own, which a
	 * field that never ends (a file of NULs, a quote never closed) would
	 * grow without bound: check it against the limits after each chunk. */
	if (too_long(csv, csv->parser.entry_pos, csv->parser.entry_pos))
		return too_long_error(db, csv);
	return PCREG_OK;
}

pcreg_status pcreg__csv_next(pcreg_db *db, struct pcreg__csv *csv, struct pcreg__csv_record *out)
{
	const struct pcreg__csv_queued *q;
	size_t i;

	while (csv->next >= csv->queued) {
		pcreg_status st;

		if (csv->finished)
			return PCREG_DONE;
		if ((st = read_chunk(db, csv)) != PCREG_OK)
			return st;
	}
	q = &csv->queue[csv->next++];
	if (!grow((void **)&csv->out_fields, &csv->out_cap, q->nfields, sizeof *csv->out_fields))
		return out_of_memory(db, csv);
	/* out_lengths grows with out_fields; both are out_cap long. */
	{
		size_t *lengths = pcreg__realloc(csv->out_lengths, csv->out_cap * sizeof *lengths);

		if (!lengths)
			return out_of_memory(db, csv);
		csv->out_lengths = lengths;
	}
	for (i = 0; i < q->nfields; i++) {
		const struct pcreg__csv_field *f = &csv->fields[q->first + i];

		csv->out_fields[i] = csv->text + f->offset;
		csv->out_lengths[i] = f->length;
	}
	out->line = q->line;
	out->nfields = q->nfields;
	out->fields = csv->out_fields;
	out->lengths = csv->out_lengths;
	return PCREG_OK;
}

pcreg_status pcreg__csv_sha256(pcreg_db *db, struct pcreg__csv *csv, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t digest[SHA256_DIGEST_SIZE];
	unsigned char buf[CHUNK];
	size_t n, i;

	int err;

	while ((n = pcreg__file_read(csv->file, csv->path, buf, sizeof buf, &err)) > 0) {
		sha256_update(&csv->sha, n, buf);
		csv->bytes_read += (int64_t)n;
	}
	if (err)
		return read_failed(db, csv, err);
	sha256_digest(&csv->sha, sizeof digest, digest);
	for (i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	return PCREG_OK;
}

void pcreg__csv_close(struct pcreg__csv *csv)
{
	if (csv->parser_ready)
		csv_free(&csv->parser);
	if (csv->file)
		fclose(csv->file);
	pcreg__free(csv->text);
	pcreg__free(csv->fields);
	pcreg__free(csv->queue);
	pcreg__free(csv->out_fields);
	pcreg__free(csv->out_lengths);
	memset(csv, 0, sizeof *csv);
}
