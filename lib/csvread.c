/*
 * csvread.c: records pulled one at a time from libcsv's callbacks.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>

#include "csvread.h"
#include "fileio.h"


static void *csv_realloc(void *ptr, size_t size)
{
	return pcreg__realloc(ptr, size);
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
	if (!pcreg__grow((void **)&csv->text, &csv->text_cap, csv->text_len + len + 1, 1) ||
	    !pcreg__grow((void **)&csv->fields, &csv->fields_cap, csv->nfields + 1, sizeof *csv->fields) ||
	    (!csv->record_has_field &&
	     !pcreg__grow((void **)&csv->queue, &csv->queue_cap, csv->queued + 1, sizeof *csv->queue))) {
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
	if (!pcreg__grow((void **)&csv->text, &csv->text_cap, csv->text_len + len, 1)) {
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

static void start(struct pcreg__csv *csv, const char *path, int lines)
{
	memset(csv, 0, sizeof *csv);
	csv->path = path;
	csv->lines = lines;
	csv->line = csv->record_line = 1;
	csv->byte_line = 1;
	csv->at_start = 1;
	sha256_init(&csv->sha);
}

/* Strict: a stray quote is an error, as is a quote left open at the end. */
static pcreg_status start_parser(pcreg_db *db, struct pcreg__csv *csv)
{
	if (csv_init(&csv->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) !=
	    0)
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", csv->path);
	csv->parser_ready = 1;
	csv_set_realloc_func(&csv->parser, csv_realloc);
	csv_set_free_func(&csv->parser, pcreg__free);
	return PCREG_OK;
}

pcreg_status pcreg__csv_open_zip(pcreg_db *db, struct pcreg__csv *csv, const char *path,
                                 const char *entry, int lines)
{
	zip_stat_t info;
	int err = 0;

	start(csv, path, lines);
	if (pcreg__io_fault && (err = pcreg__io_fault(PCREG__IO_READ, path)) != 0)
		return pcreg__error(db, PCREG_IO, "%s: read failed: %s", path, strerror(err));
	if (!(csv->zip = zip_open(path, ZIP_RDONLY, &err)))
		return pcreg__error(db, err == ZIP_ER_MEMORY ? PCREG_NOMEM : PCREG_INVALID,
		                    "%s: a zip archive that cannot be read", path);
	zip_stat_init(&info);
	if (zip_stat(csv->zip, entry, 0, &info) != 0 || !(info.valid & ZIP_STAT_SIZE) ||
	    !(csv->zip_file = zip_fopen(csv->zip, entry, 0)))
		return pcreg__error(db, PCREG_INVALID, "%s: %s: cannot read it from the archive: %s",
		                    path, entry, zip_strerror(csv->zip));
	csv->size = (int64_t)info.size;
	return start_parser(db, csv);
}

/* Bytes of the file, or of the archive's CSV file: as pcreg__file_read(). */
static size_t read_bytes(struct pcreg__csv *csv, void *buf, size_t size, int *err)
{
	zip_int64_t n;

	if (!csv->zip_file)
		return pcreg__file_read(csv->file, csv->path, buf, size, err);
	*err = 0;
	if (pcreg__io_fault && (*err = pcreg__io_fault(PCREG__IO_READ, csv->path)) != 0)
		return 0;
	n = zip_fread(csv->zip_file, buf, size);
	if (n < 0) {
		zip_error_t *e = zip_file_get_error(csv->zip_file);

		/* A read of the archive that failed is I/O; anything else (a bad
		 * checksum, a stream that does not inflate) is the file's fault. */
		*err = zip_error_code_zip(e) == ZIP_ER_READ ? EIO : EILSEQ;
		return 0;
	}
	return (size_t)n;
}

pcreg_status pcreg__csv_open(pcreg_db *db, struct pcreg__csv *csv, const char *path, int lines)
{
	struct stat st;

	start(csv, path, lines);
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
	return start_parser(db, csv);
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

/* ---- encodings ------------------------------------------------------------------------- */

/* What encoding of 16 or 32 bits a byte order mark names, or NULL. The
 * UTF-32 LE mark begins with the UTF-16 LE one, so it is tried first. */
static const char *wide_bom(const unsigned char *b, size_t n)
{
	if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
		return "UTF-32LE";
	if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
		return "UTF-32BE";
	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		return "UTF-16LE";
	if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		return "UTF-16BE";
	return NULL;
}

/* Text in UTF-16 or UTF-32 without a byte order mark, read as bytes: the
 * letters of a CSV file are nearly all below U+0100, so the bytes at some
 * places in each unit are nearly all NUL and at the others nearly never.
 * A NUL or two in ASCII text (a damaged field) has no such pattern. */
static const char *wide_pattern(const unsigned char *b, size_t n)
{
	size_t nul[4] = { 0 }, count[4] = { 0 }, i;
#define MOSTLY(k) (count[k] > 0 && nul[k] * 4 >= count[k] * 3)
#define RARELY(k) (nul[k] * 4 <= count[k])

	if (n < 2 || !memchr(b, 0, n))
		return NULL;
	for (i = 0; i < n; i++) {
		count[i % 4]++;
		nul[i % 4] += b[i] == 0;
	}
	if (n >= 8 && MOSTLY(1) && MOSTLY(2) && MOSTLY(3) && RARELY(0))
		return "UTF-32LE";
	if (n >= 8 && MOSTLY(0) && MOSTLY(1) && MOSTLY(2) && RARELY(3))
		return "UTF-32BE";
	/* Two bytes are one unit: fold the four places into two. */
	nul[0] += nul[2];
	nul[1] += nul[3];
	count[0] += count[2];
	count[1] += count[3];
	if (MOSTLY(1) && RARELY(0))
		return "UTF-16LE";
	if (MOSTLY(0) && RARELY(1))
		return "UTF-16BE";
	return NULL;
#undef MOSTLY
#undef RARELY
}

/* The first chunk: refuse UTF-16 and UTF-32, with or without their byte
 * order marks, before any of it is taken for text. */
static pcreg_status check_wide(pcreg_db *db, const struct pcreg__csv *csv,
                               const unsigned char *buf, size_t n)
{
	const char *wide = wide_bom(buf, n);

	if (!wide)
		wide = wide_pattern(buf, n);
	if (wide)
		return pcreg__error(db, PCREG_INVALID,
		                    "%s: the file is %s text; national files are UTF-8, ASCII or"
		                    " Windows-1252: save it as UTF-8",
		                    csv->path, wide);
	return PCREG_OK;
}

/* The length of the UTF-8 sequence that begins with the byte at @p s (not
 * ASCII), @p n bytes being there: its length when it is well formed, 0
 * when it is not UTF-8 (overlong forms, surrogates and code points past
 * U+10FFFF are not), -1 when it is well formed as far as the bytes go but
 * they end before it does. */
static int utf8_sequence(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	int length, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		length = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		length = 3;
		if (s[0] == 0xE0)
			lo = 0xA0;
		else if (s[0] == 0xED)
			hi = 0x9F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		length = 4;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	for (i = 1; i < length; i++) {
		if ((size_t)i >= n)
			return -1;
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
	}
	return length;
}

/* Count physical lines over the bytes for messages: \n, \r\n or a \r
 * alone end a line, as on_record() counts them. */
static void count_line(struct pcreg__csv *csv, unsigned char c)
{
	if (c == '\r' || (c == '\n' && !csv->byte_after_cr))
		csv->byte_line++;
	csv->byte_after_cr = c == '\r';
}

static pcreg_status binary(pcreg_db *db, const struct pcreg__csv *csv)
{
	return pcreg__error(db, PCREG_INVALID,
	                    "%s:%lld: a NUL byte: the file is binary data, not text", csv->path,
	                    (long long)csv->byte_line);
}

/* The bytes Windows-1252 gives no character. */
static int undefined_in_1252(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* The file is Windows-1252 from byte @p from of the data on: check the
 * rest, then hand libcsv the ASCII before it as it is and the rest
 * converted. The chunk and a held sequence are at most CHUNK + 4 bytes, and
 * no Windows-1252 character takes more than 3 bytes of UTF-8. */
static pcreg_status convert(pcreg_db *db, struct pcreg__csv *csv, const unsigned char **data,
                            size_t *len, size_t from)
{
	const unsigned char *s = *data;
	char *in, *out;
	size_t i, in_left, out_left;

	for (i = from; i < *len; i++) {
		if (s[i] == 0)
			return binary(db, csv);
		if (undefined_in_1252(s[i]))
			return pcreg__error(db, PCREG_INVALID,
			                    "%s:%lld: byte 0x%02X is neither UTF-8 nor Windows-1252 (which"
			                    " leaves it undefined); national files are UTF-8, ASCII or"
			                    " Windows-1252",
			                    csv->path, (long long)csv->byte_line, s[i]);
		count_line(csv, s[i]);
	}
	if (!csv->converted) {
		csv->converted = pcreg__malloc(3 * (PCREG__CSV_CHUNK + 4));
		if (!csv->converted)
			return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", csv->path);
	}
	if (!csv->to_utf8_open) {
		csv->to_utf8 = iconv_open("UTF-8", "WINDOWS-1252");
		if (csv->to_utf8 == (iconv_t)-1) {
			if (errno == ENOMEM)
				return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", csv->path);
			return pcreg__error(db, PCREG_ERROR,
			                    "%s: the file is Windows-1252 text, and the C library cannot"
			                    " convert from it: %s",
			                    csv->path, strerror(errno));
		}
		csv->to_utf8_open = 1;
	}
	csv->encoding = PCREG__CSV_WIN1252;
	memcpy(csv->converted, s, from);
	in = (char *)(uintptr_t)(s + from);
	in_left = *len - from;
	out = csv->converted + from;
	out_left = 3 * (PCREG__CSV_CHUNK + 4) - from;
	if (iconv(csv->to_utf8, &in, &in_left, &out, &out_left) == (size_t)-1)
		return pcreg__error(db, PCREG_ERROR, "%s:%lld: converting from Windows-1252 failed: %s",
		                    csv->path, (long long)csv->byte_line, strerror(errno));
	*data = (const unsigned char *)csv->converted;
	*len = (size_t)(out - csv->converted);
	return PCREG_OK;
}

/* Check a chunk's bytes (a held sequence first) and make them UTF-8 for
 * libcsv: *data and *len become what to parse (lines mode, JSON Lines,
 * refuses NULs but converts nothing). A UTF-8 sequence the
 * chunk's end cuts short is held for the next chunk, unless the file
 * ends (@p at_end) and it is never finished. */
static pcreg_status decode(pcreg_db *db, struct pcreg__csv *csv, const unsigned char **data,
                           size_t *len, int at_end)
{
	const unsigned char *s = *data;
	size_t i = 0;

	if (csv->encoding == PCREG__CSV_WIN1252)
		return convert(db, csv, data, len, 0);
	while (i < *len) {
		int length;

		if (s[i] < 0x80) {
			if (s[i] == 0)
				return binary(db, csv);
			count_line(csv, s[i++]);
			continue;
		}
		length = utf8_sequence(s + i, *len - i);
		if (length > 0) {
			csv->encoding = PCREG__CSV_UTF8;
			i += (size_t)length;
			continue;
		}
		if (length < 0 && !at_end) {
			csv->held_len = *len - i;
			memcpy(csv->held, s + i, csv->held_len);
			*len = i;
			return PCREG_OK;
		}
		/* JSON Lines is the registry's own format, and JSON is UTF-8:
		 * no guessing; the import refuses the line that is not. */
		if (csv->lines) {
			i++;
			continue;
		}
		if (csv->encoding == PCREG__CSV_UTF8)
			return pcreg__error(db, PCREG_INVALID,
			                    "%s:%lld: byte 0x%02X is not UTF-8, and UTF-8 text came"
			                    " before it: the file mixes encodings; national files are"
			                    " UTF-8, ASCII or Windows-1252",
			                    csv->path, (long long)csv->byte_line, s[i]);
		return convert(db, csv, data, len, i);
	}
	return PCREG_OK;
}

const char *pcreg__csv_encoding(const struct pcreg__csv *csv)
{
	switch (csv->encoding) {
	case PCREG__CSV_UTF8:
		return "UTF-8";
	case PCREG__CSV_WIN1252:
		return "Windows-1252";
	case PCREG__CSV_ASCII:
		break;
	}
	return "ASCII";
}

/* ---- reading ----------------------------------------------------------------------------- */

static pcreg_status read_failed(pcreg_db *db, const struct pcreg__csv *csv, int err)
{
	/* A compressed stream that cannot be inflated is a broken file, not a
	 * failing disk. */
	if (csv->zip_file && err == EILSEQ)
		return pcreg__error(db, PCREG_INVALID, "%s: the zip archive is damaged: %s", csv->path,
		                    zip_file_strerror(csv->zip_file));
	return pcreg__error(db, PCREG_IO, "%s: read failed: %s", csv->path, strerror(err));
}

/* Parse the next chunk into a fresh queue. */
static pcreg_status read_chunk(pcreg_db *db, struct pcreg__csv *csv)
{
	/* A sequence the last chunk held back, then the chunk. */
	unsigned char buf[4 + PCREG__CSV_CHUNK];
	const unsigned char *p = buf;
	size_t held = csv->held_len, n, len;
	int err, at_end;
	pcreg_status st;

	memcpy(buf, csv->held, held);
	csv->held_len = 0;
	n = read_bytes(csv, buf + held, PCREG__CSV_CHUNK, &err);
	reset_queue(csv);
	if (err)
		return read_failed(db, csv, err);
	at_end = n == 0;
	len = held + n;
	if (n > 0) {
		/* The file's own bytes, before any conversion. */
		sha256_update(&csv->sha, n, buf + held);
		csv->bytes_read += (int64_t)n;
	}
	if (csv->at_start && n > 0) {
		csv->at_start = 0;
		if ((st = check_wide(db, csv, buf, n)) != PCREG_OK)
			return st;
		/* A UTF-8 byte order mark says what the file is. */
		if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
			p += 3;
			len -= 3;
			csv->encoding = PCREG__CSV_UTF8;
		}
	}
	if ((st = decode(db, csv, &p, &len, at_end)) != PCREG_OK)
		return st;
	if (len > 0) {
		if (csv->lines) {
			split_lines(csv, p, len, 0);
			if (csv->too_long)
				return too_long_error(db, csv);
			if (csv->out_of_memory)
				return out_of_memory(db, csv);
		} else {
			if (csv_parse(&csv->parser, p, len, on_field, on_record, csv) != len ||
			    csv->out_of_memory || csv->too_long)
				return parse_failed(db, csv, 0);
			/* libcsv holds the field under way in a buffer of its own,
			 * which a field that never ends (a quote never closed)
			 * would grow without bound: check it against the limits
			 * after each chunk. */
			if (too_long(csv, csv->parser.entry_pos, csv->parser.entry_pos))
				return too_long_error(db, csv);
		}
	}
	if (!at_end)
		return PCREG_OK;
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
	if (!pcreg__grow((void **)&csv->out_fields, &csv->out_cap, q->nfields, sizeof *csv->out_fields))
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
	unsigned char buf[PCREG__CSV_CHUNK];
	size_t n, i;

	int err;

	while ((n = read_bytes(csv, buf, sizeof buf, &err)) > 0) {
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
	if (csv->zip_file)
		zip_fclose(csv->zip_file);
	if (csv->zip)
		zip_discard(csv->zip);
	if (csv->to_utf8_open)
		iconv_close(csv->to_utf8);
	pcreg__free(csv->converted);
	pcreg__free(csv->text);
	pcreg__free(csv->fields);
	pcreg__free(csv->queue);
	pcreg__free(csv->out_fields);
	pcreg__free(csv->out_lengths);
	memset(csv, 0, sizeof *csv);
}
