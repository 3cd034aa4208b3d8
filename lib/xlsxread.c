/*
 * xlsxread.c: a workbook's sheets read row by row (libzip + libxml2's
 * streaming reader).
 *
 * A workbook is a zip of XML parts: xl/workbook.xml lists the sheets by
 * name and relationship id, xl/_rels/workbook.xml.rels maps each id to the
 * sheet's part, and xl/sharedStrings.xml holds the text most cells refer
 * to by index. Every part is read through libxml2's pull reader fed from
 * zip_fread(), so a sheet's XML is never in memory whole; the shared
 * strings are, as one text buffer and an index, bounded by a size limit.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "fileio.h"
#include "xlsxread.h"

#define WORKBOOK_PART "xl/workbook.xml"
#define WORKBOOK_RELS "xl/_rels/workbook.xml.rels"
#define DEFAULT_SHARED_STRINGS "xl/sharedStrings.xml"
/* Excel's largest row number. */
#define ROWS_MAX 1048576

/* One XML part being read. */
struct part {
	struct pcreg__xlsx *x;
	const char *name; /* borrowed */
	zip_file_t *file;
	xmlTextReaderPtr reader;
	int64_t size, read;
	int err;             /* errno of a failed read, or 0 */
	int zip_error;       /* libzip's code of a failed read, or 0 */
	int xml_line;        /* where libxml2 first complained */
	char xml_msg[160];   /* what it said ("" if nothing) */
};

/* A growing array of bytes. */
struct buffer {
	char *data;
	size_t len, cap;
};

struct pcreg__xlsx {
	char *path;
	zip_t *zip;

	struct sheet {
		char *name; /* as the workbook gives it */
		char *part; /* its zip entry */
	} *sheets;
	size_t nsheets, sheets_cap;

	/* Shared strings: each NUL-terminated in strings.data. */
	struct buffer strings;
	struct shared {
		size_t offset, length;
	} *shared;
	size_t nstrings, shared_cap;

	/* Where a failure is: the part being read at open, or the sheet and row. */
	const char *where_part;
	int in_sheet;
	size_t sheet;
	int64_t row;

	/* The open sheet. */
	struct part part;
	int part_open;
	int finished;          /* the end of the sheet was reached */
	pcreg_status failed;   /* a failure ended the reading */
	int64_t last_row;      /* the last row number seen, 0 before any */

	/* The row being read: its fields' text, each NUL-terminated. */
	struct buffer text;
	size_t *field_offsets;
	size_t nfields, fields_cap;
	struct buffer value; /* the cell being read: <v> or inline text */

	/* The record handed out. */
	const char **out_fields;
	size_t *out_lengths;
	size_t out_cap;
};

/* ---- helpers --------------------------------------------------------------------- */

static int append(struct buffer *b, const char *s, size_t n)
{
	if (!pcreg__grow((void **)&b->data, &b->cap, b->len + n + 1, 1))
		return 0;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 1;
}

/* Record a failure, prefixed with where it is: "PATH: PART" while opening,
 * "PATH: SHEET: row N" while reading a sheet. */
static pcreg_status fail(pcreg_db *db, struct pcreg__xlsx *x, pcreg_status st, const char *fmt, ...)
	PCREG__PRINTF(4, 5);

static pcreg_status fail(pcreg_db *db, struct pcreg__xlsx *x, pcreg_status st, const char *fmt, ...)
{
	char what[PCREG__ERRMSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (x->in_sheet && x->row == 0)
		return pcreg__error(db, st, "%s: %s: %s", x->path, x->sheets[x->sheet].name, what);
	if (x->in_sheet)
		return pcreg__error(db, st, "%s: %s: row %lld: %s", x->path, x->sheets[x->sheet].name,
		                    (long long)x->row, what);
	if (x->where_part)
		return pcreg__error(db, st, "%s: %s: %s", x->path, x->where_part, what);
	return pcreg__error(db, st, "%s: %s", x->path, what);
}

static pcreg_status out_of_memory(pcreg_db *db, struct pcreg__xlsx *x)
{
	return fail(db, x, PCREG_NOMEM, "out of memory");
}

/* ---- reading a part ---------------------------------------------------------------- */

static int read_part(void *ctx, char *buf, int len)
{
	struct part *p = ctx;
	zip_int64_t n;
	int err;

	if (p->err || p->zip_error)
		return -1;
	if (pcreg__io_fault && (err = pcreg__io_fault(PCREG__IO_READ, p->x->path)) != 0) {
		p->err = err;
		return -1;
	}
	n = zip_fread(p->file, buf, (zip_uint64_t)len);
	if (n < 0) {
		zip_error_t *ze = zip_file_get_error(p->file);

		p->zip_error = zip_error_code_zip(ze);
		if (zip_error_system_type(ze) == ZIP_ET_SYS)
			p->err = zip_error_code_system(ze);
		if (p->zip_error == 0)
			p->zip_error = ZIP_ER_READ;
		return -1;
	}
	p->read += n;
	return (int)n;
}

/* libxml2 reports through this instead of printing; the first error is
 * the one worth telling. */
static void xml_error(void *arg, const char *msg, xmlParserSeverities severity,
                      xmlTextReaderLocatorPtr locator)
{
	struct part *p = arg;
	size_t n;

	if (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR)
		return;
	if (p->xml_msg[0])
		return;
	snprintf(p->xml_msg, sizeof p->xml_msg, "%s", msg ? msg : "error");
	n = strlen(p->xml_msg);
	while (n > 0 && (p->xml_msg[n - 1] == '\n' || p->xml_msg[n - 1] == ' '))
		p->xml_msg[--n] = '\0';
	if (!p->xml_msg[0])
		snprintf(p->xml_msg, sizeof p->xml_msg, "error");
	p->xml_line = locator ? xmlTextReaderLocatorLineNumber(locator) : 0;
}

static void part_close(struct part *p)
{
	if (p->reader)
		xmlFreeTextReader(p->reader);
	if (p->file)
		zip_fclose(p->file);
	memset(p, 0, sizeof *p);
}

/* Messages while opening already name the part being read (fail() puts
 * it first); a sheet's name its part here. */
#define PART_LABEL(x, p) ((x)->in_sheet ? (p)->name : "")
#define PART_SEP(x) ((x)->in_sheet ? ": " : "")

/* Why reading a part stopped: a read that failed, a damaged archive, or
 * XML that is not well formed. */
static pcreg_status part_failed(pcreg_db *db, struct pcreg__xlsx *x, const struct part *p)
{
	if (p->err && (p->zip_error == 0 || p->zip_error == ZIP_ER_READ))
		return fail(db, x, PCREG_IO, "read failed: %s", strerror(p->err));
	if (p->zip_error == ZIP_ER_MEMORY)
		return out_of_memory(db, x);
	if (p->zip_error)
		return fail(db, x, PCREG_INVALID, "%s%sthe archive is damaged: %s", PART_LABEL(x, p),
		            PART_SEP(x), zip_error_strerror(zip_file_get_error(p->file)));
	if (p->xml_msg[0])
		return fail(db, x, PCREG_INVALID, "%s%smalformed XML at line %d: %s", PART_LABEL(x, p),
		            PART_SEP(x), p->xml_line, p->xml_msg);
	return fail(db, x, PCREG_INVALID, "%s%smalformed XML", PART_LABEL(x, p), PART_SEP(x));
}

/* Open a part for reading, refusing one larger than @p max bytes. */
static pcreg_status part_open(pcreg_db *db, struct pcreg__xlsx *x, struct part *p, const char *name,
                              int64_t max)
{
	zip_stat_t st;

	memset(p, 0, sizeof *p);
	p->x = x;
	p->name = name;
	zip_stat_init(&st);
	if (zip_stat(x->zip, name, 0, &st) != 0)
		return fail(db, x, PCREG_INVALID,
		            x->in_sheet ? "the archive has no part %s" : "not a workbook: the archive has no %s",
		            name);
	if (!(st.valid & ZIP_STAT_SIZE))
		return fail(db, x, PCREG_INVALID, "the archive does not give the size of %s", name);
	if (st.size > (zip_uint64_t)max)
		return fail(db, x, PCREG_INVALID,
		            "%s is %llu bytes uncompressed, more than the %lld this library reads",
		            x->in_sheet ? name : "the part", (unsigned long long)st.size, (long long)max);
	p->size = (int64_t)st.size;
	p->file = zip_fopen(x->zip, name, 0);
	if (!p->file) {
		zip_error_t *ze = zip_get_error(x->zip);

		if (zip_error_code_zip(ze) == ZIP_ER_MEMORY)
			return out_of_memory(db, x);
		return fail(db, x, PCREG_INVALID, "%s cannot be read: %s", name, zip_error_strerror(ze));
	}
	/* NONET and no NOENT/DTDLOAD: no entity is substituted, no DTD
	 * fetched; a DOCTYPE is refused outright by the callers' loops. */
	p->reader = xmlReaderForIO(read_part, NULL, p, name, NULL, XML_PARSE_NONET);
	if (!p->reader) {
		pcreg_status status = p->err || p->zip_error ? part_failed(db, x, p)
		                                             : out_of_memory(db, x);

		part_close(p);
		return status;
	}
	xmlTextReaderSetErrorHandler(p->reader, xml_error, p);
	return PCREG_OK;
}

/* The next node: 1, 0 at the end, or a failure. A DTD is refused: Excel
 * writes none, and one could only declare entities. */
static pcreg_status part_next(pcreg_db *db, struct pcreg__xlsx *x, struct part *p, int *more)
{
	int rc = xmlTextReaderRead(p->reader);

	if (p->err || p->zip_error || rc < 0)
		return part_failed(db, x, p);
	*more = rc == 1;
	if (rc == 1 && xmlTextReaderNodeType(p->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
		return fail(db, x, PCREG_INVALID, "%s%sa DOCTYPE is not allowed in a workbook",
		            PART_LABEL(x, p), PART_SEP(x));
	return PCREG_OK;
}

static const char *local_name(struct part *p)
{
	const xmlChar *n = xmlTextReaderConstLocalName(p->reader);

	return n ? (const char *)n : "";
}

static int is_start(struct part *p, const char *name)
{
	return xmlTextReaderNodeType(p->reader) == XML_READER_TYPE_ELEMENT &&
	       strcmp(local_name(p), name) == 0;
}

static int is_end(struct part *p, const char *name)
{
	return xmlTextReaderNodeType(p->reader) == XML_READER_TYPE_END_ELEMENT &&
	       strcmp(local_name(p), name) == 0;
}

/* Text, as a text node, CDATA or whitespace gives it. */
static const char *text_of(struct part *p)
{
	switch (xmlTextReaderNodeType(p->reader)) {
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
		const xmlChar *v = xmlTextReaderConstValue(p->reader);

		return v ? (const char *)v : "";
	}
	default:
		return NULL;
	}
}

/* An attribute of the current element by local name: one without a
 * namespace when @p namespaced is 0 (r="A1"), one with a namespace when 1
 * (r:id="rId1"; strict OOXML spells the namespace differently);
 * namespace declarations are not attributes. NULL when absent; else a
 * new string from libxml2 (xmlFree), or NULL when it could not allocate. */
static char *attribute(struct part *p, const char *name, int namespaced)
{
	char *value = NULL;

	if (xmlTextReaderMoveToFirstAttribute(p->reader) != 1)
		return NULL;
	do {
		const xmlChar *ns = xmlTextReaderConstNamespaceUri(p->reader);

		int has_ns = ns && ns[0];

		if (xmlTextReaderIsNamespaceDecl(p->reader) != 1 && strcmp(local_name(p), name) == 0 &&
		    has_ns == namespaced) {
			value = (char *)xmlTextReaderValue(p->reader);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(p->reader) == 1);
	xmlTextReaderMoveToElement(p->reader);
	return value;
}

/* ---- text ------------------------------------------------------------------------------ */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The code point of an escape "_xHHHH_" at s, or -1. */
static long escape_at(const char *s, size_t n)
{
	long v = 0;
	int i;

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (i = 2; i < 6; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static size_t put_utf8(char *out, unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Excel writes characters XML cannot hold (control characters, and the
 * \r of a line break) as "_xHHHH_", and a literal "_x" as "_x005F_x":
 * decode them in place (the UTF-8 is never longer than the escape). A
 * surrogate pair is two escapes; a lone surrogate becomes U+FFFD. */
static size_t decode_escapes(char *s, size_t n)
{
	size_t in = 0, out = 0;

	while (in < n) {
		long c = s[in] == '_' ? escape_at(s + in, n - in) : -1;

		if (c < 0) {
			s[out++] = s[in++];
			continue;
		}
		in += 7;
		if (c >= 0xD800 && c <= 0xDBFF) {
			long low = escape_at(s + in, n - in);

			if (low >= 0xDC00 && low <= 0xDFFF) {
				in += 7;
				c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
			} else {
				c = 0xFFFD;
			}
		} else if (c >= 0xDC00 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		out += put_utf8(s + out, (unsigned long)c);
	}
	s[out] = '\0';
	return out;
}

/* A number as Excel stores it ("20191001", "2.0191001E7", "20191001.0",
 * "0.5"): an integral value written with a decimal point or an exponent
 * is rewritten as plain digits into @p out (so a date typed as a number
 * reads as the text date would); anything else is kept as given.
 * Returns the length written to @p out, or 0 to keep the text. Works on
 * the digits, not through a double, so it is exact and locale-free. */
static size_t integral_number(const char *s, char *out, size_t out_size)
{
	char digits[64];
	size_t nd = 0, i = 0, frac = 0;
	int negative = 0, has_point = 0, has_exp = 0;
	long exp = 0;
	long shift;

	if (s[i] == '-' || s[i] == '+')
		negative = s[i++] == '-';
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		if (nd < sizeof digits)
			digits[nd++] = s[i];
		else
			return 0;
	if (s[i] == '.') {
		has_point = 1;
		for (i++; s[i] >= '0' && s[i] <= '9'; i++, frac++)
			if (nd < sizeof digits)
				digits[nd++] = s[i];
			else
				return 0;
	}
	if (nd == 0)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		int eneg = 0;
		size_t start;

		has_exp = 1;
		i++;
		if (s[i] == '-' || s[i] == '+')
			eneg = s[i++] == '-';
		start = i;
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			if (exp < 10000)
				exp = exp * 10 + (s[i] - '0');
		if (i == start)
			return 0;
		if (eneg)
			exp = -exp;
	}
	if (s[i] != '\0' || (!has_point && !has_exp))
		return 0;
	/* value = digits x 10^shift */
	shift = exp - (long)frac;
	/* Drop the leading zeros; an all-zero value is 0. */
	{
		size_t lead = 0;

		while (lead < nd && digits[lead] == '0')
			lead++;
		memmove(digits, digits + lead, nd - lead);
		nd -= lead;
	}
	if (nd == 0) {
		if (out_size < 2)
			return 0;
		out[0] = '0';
		out[1] = '\0';
		return 1;
	}
	while (shift < 0) {
		if (digits[nd - 1] != '0')
			return 0; /* a fraction: keep the text */
		nd--;
		shift++;
	}
	/* Beyond 15 significant digits a double holds no exact integer. */
	if ((long)nd + shift > 15 || (size_t)negative + nd + (size_t)shift + 1 > out_size)
		return 0;
	i = 0;
	if (negative)
		out[i++] = '-';
	memcpy(out + i, digits, nd);
	i += nd;
	memset(out + i, '0', (size_t)shift);
	i += (size_t)shift;
	out[i] = '\0';
	return i;
}

/* ---- opening: relationships, sheets, shared strings --------------------------------------- */

struct rels {
	struct rel {
		char *id, *target, *type;
	} *r;
	size_t n, cap;
};

static void rels_free(struct rels *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		pcreg__free(r->r[i].id);
		pcreg__free(r->r[i].target);
		pcreg__free(r->r[i].type);
	}
	pcreg__free(r->r);
	memset(r, 0, sizeof *r);
}

/* Copy a string libxml2 made into the library's allocator. */
static char *own(const char *s)
{
	return pcreg__strdup(s ? s : "");
}

static pcreg_status read_rels(pcreg_db *db, struct pcreg__xlsx *x, struct rels *r)
{
	struct part p;
	pcreg_status st;
	int more = 1;

	x->where_part = WORKBOOK_RELS;
	if ((st = part_open(db, x, &p, WORKBOOK_RELS, PCREG__XLSX_SHARED_STRINGS_MAX)) != PCREG_OK)
		return st;
	while ((st = part_next(db, x, &p, &more)) == PCREG_OK && more) {
		char *id, *target, *type;

		if (!is_start(&p, "Relationship"))
			continue;
		id = attribute(&p, "Id", 0);
		target = attribute(&p, "Target", 0);
		type = attribute(&p, "Type", 0);
		if (id && target) {
			if (!pcreg__grow((void **)&r->r, &r->cap, r->n + 1, sizeof *r->r)) {
				st = out_of_memory(db, x);
			} else {
				struct rel *rel = &r->r[r->n++];

				rel->id = own(id);
				rel->target = own(target);
				rel->type = own(type);
				if (!rel->id || !rel->target || !rel->type)
					st = out_of_memory(db, x);
			}
		}
		xmlFree(id);
		xmlFree(target);
		xmlFree(type);
		if (st != PCREG_OK)
			break;
	}
	part_close(&p);
	return st;
}

/* A relationship's part: relative to the workbook's folder (xl/), or
 * absolute from the archive's root ("/xl/worksheets/sheet1.xml"). */
static char *resolve_target(const char *target)
{
	size_t n;
	char *out;

	if (target[0] == '/')
		return pcreg__strdup(target + 1);
	while (strncmp(target, "./", 2) == 0)
		target += 2;
	if (strncmp(target, "../", 3) == 0)
		return pcreg__strdup(target + 3);
	n = strlen(target);
	out = pcreg__malloc(n + 4);
	if (out) {
		memcpy(out, "xl/", 3);
		memcpy(out + 3, target, n + 1);
	}
	return out;
}

static const char *rel_target(const struct rels *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->r[i].id, id) == 0)
			return r->r[i].target;
	return NULL;
}

static pcreg_status add_sheet(pcreg_db *db, struct pcreg__xlsx *x, const struct rels *r,
                              const char *name, const char *id)
{
	const char *target = rel_target(r, id);
	char *n, *part;

	if (!target)
		return fail(db, x, PCREG_INVALID, "sheet \"%.60s\" has no part (relationship %.40s is not in %s)",
		            name, id, WORKBOOK_RELS);
	if (!pcreg__grow((void **)&x->sheets, &x->sheets_cap, x->nsheets + 1, sizeof *x->sheets))
		return out_of_memory(db, x);
	n = pcreg__strdup(name);
	part = resolve_target(target);
	if (!n || !part) {
		pcreg__free(n);
		pcreg__free(part);
		return out_of_memory(db, x);
	}
	x->sheets[x->nsheets].name = n;
	x->sheets[x->nsheets].part = part;
	x->nsheets++;
	return PCREG_OK;
}

static pcreg_status read_workbook(pcreg_db *db, struct pcreg__xlsx *x, const struct rels *r)
{
	struct part p;
	pcreg_status st;
	int more = 1;

	x->where_part = WORKBOOK_PART;
	if ((st = part_open(db, x, &p, WORKBOOK_PART, PCREG__XLSX_SHARED_STRINGS_MAX)) != PCREG_OK)
		return st;
	while ((st = part_next(db, x, &p, &more)) == PCREG_OK && more) {
		char *name, *id;

		if (!is_start(&p, "sheet"))
			continue;
		name = attribute(&p, "name", 0);
		id = attribute(&p, "id", 1);
		if (!name || !id)
			st = fail(db, x, PCREG_INVALID, "a sheet without a name or relationship id (line %d)",
			          xmlTextReaderGetParserLineNumber(p.reader));
		else
			st = add_sheet(db, x, r, name, id);
		xmlFree(name);
		xmlFree(id);
		if (st != PCREG_OK)
			break;
	}
	part_close(&p);
	if (st == PCREG_OK && x->nsheets == 0)
		st = fail(db, x, PCREG_INVALID, "the workbook has no sheets");
	return st;
}

/* End the shared string under way (its text is strings.data from
 * shared[nstrings].offset). */
static pcreg_status finish_string(pcreg_db *db, struct pcreg__xlsx *x)
{
	size_t start = x->shared[x->nstrings].offset;
	size_t n = decode_escapes(x->strings.data + start, x->strings.len - start);

	if (n > PCREG_IMPORT_FIELD_MAX)
		return fail(db, x, PCREG_INVALID,
		            "shared string %zu is longer than 1 MiB, the most this library reads",
		            x->nstrings);
	x->shared[x->nstrings].length = n;
	x->strings.len = start + n + 1; /* keep its NUL */
	x->nstrings++;
	return PCREG_OK;
}

static pcreg_status start_string(pcreg_db *db, struct pcreg__xlsx *x)
{
	if (!pcreg__grow((void **)&x->shared, &x->shared_cap, x->nstrings + 1, sizeof *x->shared) ||
	    !append(&x->strings, "", 0))
		return out_of_memory(db, x);
	x->shared[x->nstrings].offset = x->strings.len;
	return PCREG_OK;
}

static pcreg_status read_shared_strings(pcreg_db *db, struct pcreg__xlsx *x, const char *name)
{
	struct part p;
	pcreg_status st;
	int more = 1, in_si = 0, in_t = 0, in_rph = 0;

	x->where_part = name;
	if ((st = part_open(db, x, &p, name, PCREG__XLSX_SHARED_STRINGS_MAX)) != PCREG_OK)
		return st;
	while ((st = part_next(db, x, &p, &more)) == PCREG_OK && more) {
		const char *text;
		int empty = xmlTextReaderIsEmptyElement(p.reader) == 1;

		if (is_start(&p, "si")) {
			if (in_si) {
				st = fail(db, x, PCREG_INVALID, "a string inside a string (line %d)",
				          xmlTextReaderGetParserLineNumber(p.reader));
				break;
			}
			if ((st = start_string(db, x)) != PCREG_OK)
				break;
			if (empty) {
				if ((st = finish_string(db, x)) != PCREG_OK)
					break;
			} else {
				in_si = 1;
			}
		} else if (is_end(&p, "si")) {
			if ((st = finish_string(db, x)) != PCREG_OK)
				break;
			in_si = in_t = in_rph = 0;
		} else if (is_start(&p, "rPh") && !empty) {
			in_rph = 1;
		} else if (is_end(&p, "rPh")) {
			in_rph = 0;
		} else if (is_start(&p, "t") && !empty) {
			in_t = 1;
		} else if (is_end(&p, "t")) {
			in_t = 0;
		} else if (in_si && in_t && !in_rph && (text = text_of(&p)) != NULL) {
			size_t n = strlen(text);

			if (x->strings.len - x->shared[x->nstrings].offset + n > 7 * (size_t)PCREG_IMPORT_FIELD_MAX) {
				/* Escapes shrink by at most 7 to 1: past this it cannot fit. */
				st = fail(db, x, PCREG_INVALID,
				          "shared string %zu is longer than 1 MiB, the most this library reads",
				          x->nstrings);
				break;
			}
			if (!append(&x->strings, text, n)) {
				st = out_of_memory(db, x);
				break;
			}
		}
	}
	part_close(&p);
	if (st == PCREG_OK && in_si)
		st = fail(db, x, PCREG_INVALID, "the last string never ends");
	return st;
}

/* The shared strings part: as the relationships name it, else where
 * Excel puts it; a workbook with no text has none. */
static pcreg_status load_shared_strings(pcreg_db *db, struct pcreg__xlsx *x, const struct rels *r)
{
	static const char suffix[] = "/sharedStrings";
	pcreg_status st;
	char *name = NULL;
	size_t i;
	zip_stat_t zs;

	for (i = 0; i < r->n && !name; i++) {
		size_t n = strlen(r->r[i].type);

		if (n >= sizeof suffix - 1 && strcmp(r->r[i].type + n - (sizeof suffix - 1), suffix) == 0) {
			if (!(name = resolve_target(r->r[i].target)))
				return out_of_memory(db, x);
		}
	}
	if (!name) {
		zip_stat_init(&zs);
		if (zip_stat(x->zip, DEFAULT_SHARED_STRINGS, 0, &zs) != 0)
			return PCREG_OK;
		if (!(name = pcreg__strdup(DEFAULT_SHARED_STRINGS)))
			return out_of_memory(db, x);
	}
	st = read_shared_strings(db, x, name);
	x->where_part = NULL;
	pcreg__free(name);
	return st;
}

static pcreg_status open_archive(pcreg_db *db, struct pcreg__xlsx *x)
{
	unsigned char head[4];
	struct stat sb;
	ssize_t n;
	int fd, err, zerr = 0;

	fd = open(x->path, O_RDONLY);
	if (fd < 0) {
		if (errno == ENOENT)
			return fail(db, x, PCREG_NOTFOUND, "no such file");
		return fail(db, x, PCREG_IO, "cannot open: %s", strerror(errno));
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(fd);
		return fail(db, x, PCREG_IO, "is a directory");
	}
	if (pcreg__io_fault && (err = pcreg__io_fault(PCREG__IO_READ, x->path)) != 0) {
		close(fd);
		return fail(db, x, PCREG_IO, "read failed: %s", strerror(err));
	}
	do
		n = read(fd, head, sizeof head);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		err = errno;
		close(fd);
		return fail(db, x, PCREG_IO, "read failed: %s", strerror(err));
	}
	if (!pcreg__xlsx_looks_like_zip(head, (size_t)n) || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return fail(db, x, PCREG_INVALID, "not an .xlsx workbook (it is not a zip archive)");
	}
	x->zip = zip_fdopen(fd, 0, &zerr);
	if (!x->zip) {
		close(fd);
		if (zerr == ZIP_ER_MEMORY)
			return out_of_memory(db, x);
		if (zerr == ZIP_ER_READ || zerr == ZIP_ER_SEEK || zerr == ZIP_ER_OPEN)
			return fail(db, x, PCREG_IO, "the zip archive cannot be read");
		{
			zip_error_t ze;
			pcreg_status st;

			zip_error_init_with_code(&ze, zerr);
			st = fail(db, x, PCREG_INVALID, "not an .xlsx workbook (a damaged zip archive: %s)",
			          zip_error_strerror(&ze));
			zip_error_fini(&ze);
			return st;
		}
	}
	return PCREG_OK;
}

/* A zip is a workbook when it has the workbook part (a .docx, a .jar or
 * any other zip has not). */
static pcreg_status check_workbook(pcreg_db *db, struct pcreg__xlsx *x)
{
	zip_stat_t zs;

	zip_stat_init(&zs);
	if (zip_stat(x->zip, WORKBOOK_PART, 0, &zs) != 0)
		return fail(db, x, PCREG_INVALID,
		            "not an .xlsx workbook (a zip archive without " WORKBOOK_PART ")");
	return PCREG_OK;
}

pcreg_status pcreg__xlsx_open(pcreg_db *db, const char *path, struct pcreg__xlsx **out)
{
	struct pcreg__xlsx *x;
	struct rels r;
	pcreg_status st;

	*out = NULL;
	memset(&r, 0, sizeof r);
	x = pcreg__calloc(1, sizeof *x);
	if (!x)
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	x->path = pcreg__strdup(path);
	if (!x->path) {
		pcreg__free(x);
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	}
	if ((st = open_archive(db, x)) == PCREG_OK && (st = check_workbook(db, x)) == PCREG_OK &&
	    (st = read_rels(db, x, &r)) == PCREG_OK &&
	    (st = read_workbook(db, x, &r)) == PCREG_OK)
		st = load_shared_strings(db, x, &r);
	rels_free(&r);
	x->where_part = NULL;
	if (st != PCREG_OK) {
		pcreg__xlsx_close(x);
		return st;
	}
	*out = x;
	return PCREG_OK;
}

size_t pcreg__xlsx_sheet_count(const struct pcreg__xlsx *x)
{
	return x->nsheets;
}

const char *pcreg__xlsx_sheet_name(const struct pcreg__xlsx *x, size_t i)
{
	return i < x->nsheets ? x->sheets[i].name : NULL;
}

/* Names compare ignoring case, spaces and underscores. */
static int name_char(const char **s)
{
	while (**s == ' ' || **s == '_')
		(*s)++;
	if (!**s)
		return 0;
	return (**s >= 'A' && **s <= 'Z') ? **s - 'A' + 'a' : (unsigned char)**s;
}

static int same_name(const char *a, const char *b)
{
	for (;;) {
		int ca = name_char(&a), cb = name_char(&b);

		if (ca != cb)
			return 0;
		if (!ca)
			return 1;
		a++;
		b++;
	}
}

int pcreg__xlsx_sheet_find(const struct pcreg__xlsx *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->nsheets; i++)
		if (same_name(x->sheets[i].name, name))
			return (int)i;
	return -1;
}

/* ---- reading a sheet ------------------------------------------------------------------------ */

static void sheet_close(struct pcreg__xlsx *x)
{
	if (x->part_open)
		part_close(&x->part);
	x->part_open = 0;
	x->in_sheet = 0;
	x->finished = 0;
	x->failed = PCREG_OK;
	x->last_row = 0;
}

pcreg_status pcreg__xlsx_sheet_open(pcreg_db *db, struct pcreg__xlsx *x, size_t i)
{
	pcreg_status st;

	sheet_close(x);
	if (i >= x->nsheets)
		return pcreg__error(db, PCREG_INVALID, "%s: no sheet %zu (the workbook has %zu)", x->path,
		                    i, x->nsheets);
	x->sheet = i;
	x->in_sheet = 1;
	x->row = 0; /* no row yet: messages name none */
	st = part_open(db, x, &x->part, x->sheets[i].part, INT64_MAX);
	if (st != PCREG_OK) {
		x->in_sheet = 0;
		return st;
	}
	x->part_open = 1;
	return PCREG_OK;
}

/* A cell reference's column ("C7" -> 3), checking its row is the row's;
 * 0 if it is not a reference. */
static long column_of(const char *ref, int64_t row)
{
	long col = 0;
	int64_t r = 0;
	size_t i = 0;

	for (; ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; i++)
		col = col * 26 + (ref[i] - 'A' + 1);
	if (i == 0)
		return 0;
	if (!(ref[i] >= '1' && ref[i] <= '9'))
		return 0;
	for (; ref[i] >= '0' && ref[i] <= '9' && r <= ROWS_MAX; i++)
		r = r * 10 + (ref[i] - '0');
	if (ref[i] != '\0' || r != row)
		return 0;
	return col;
}

/* A row number: 1 to ROWS_MAX, or 0. */
static int64_t row_number(const char *s)
{
	int64_t r = 0;
	size_t i;

	if (!(s[0] >= '1' && s[0] <= '9'))
		return 0;
	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		r = r * 10 + (s[i] - '0');
		if (r > ROWS_MAX)
			return 0;
	}
	return s[i] == '\0' ? r : 0;
}

/* Start a field of the row at the end of its text. */
static pcreg_status add_field(pcreg_db *db, struct pcreg__xlsx *x, const char *s, size_t n)
{
	if (x->text.len + n + 1 > PCREG_IMPORT_RECORD_MAX)
		return fail(db, x, PCREG_INVALID, "the row is longer than 16 MiB, the most this library reads");
	if (!pcreg__grow((void **)&x->field_offsets, &x->fields_cap, x->nfields + 1, sizeof *x->field_offsets))
		return out_of_memory(db, x);
	x->field_offsets[x->nfields] = x->text.len;
	if (!append(&x->text, s, n) || !append(&x->text, "", 0))
		return out_of_memory(db, x);
	x->text.len++; /* past the NUL */
	x->nfields++;
	return PCREG_OK;
}

/* A cell ended: its value by its type, at its column (empty fields fill
 * a gap before it). */
static pcreg_status finish_cell(pcreg_db *db, struct pcreg__xlsx *x, long col, const char *type,
                                const char *ref)
{
	const char *v = x->value.data ? x->value.data : "";
	size_t n = x->value.len;
	char number[32];
	pcreg_status st;

	while ((long)x->nfields < col - 1)
		if ((st = add_field(db, x, "", 0)) != PCREG_OK)
			return st;
	if (!type || strcmp(type, "n") == 0) {
		size_t m = integral_number(v, number, sizeof number);

		if (m) {
			v = number;
			n = m;
		}
	} else if (strcmp(type, "s") == 0) {
		size_t index = 0, i;

		if (n == 0)
			return fail(db, x, PCREG_INVALID, "cell %s: a shared string without an index", ref);
		for (i = 0; i < n; i++) {
			if (v[i] < '0' || v[i] > '9' || index > ((size_t)-1 - 9) / 10)
				return fail(db, x, PCREG_INVALID, "cell %s: bad shared string index \"%.20s\"",
				            ref, v);
			index = index * 10 + (size_t)(v[i] - '0');
		}
		if (index >= x->nstrings)
			return fail(db, x, PCREG_INVALID,
			            "cell %s: shared string %zu does not exist (the workbook has %zu)", ref,
			            index, x->nstrings);
		v = x->strings.data + x->shared[index].offset;
		n = x->shared[index].length;
	} else if (strcmp(type, "inlineStr") == 0 || strcmp(type, "str") == 0) {
		n = n ? decode_escapes(x->value.data, n) : 0;
	} else if (strcmp(type, "b") == 0) {
		if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
			v = "TRUE";
		else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			v = "FALSE";
		else if (n != 0)
			return fail(db, x, PCREG_INVALID, "cell %s: a boolean that is \"%.20s\"", ref, v);
		n = strlen(v);
	} else if (strcmp(type, "e") != 0 && strcmp(type, "d") != 0) {
		return fail(db, x, PCREG_INVALID, "cell %s: unknown cell type \"%.20s\"", ref, type);
	}
	if (n > PCREG_IMPORT_FIELD_MAX)
		return fail(db, x, PCREG_INVALID,
		            "cell %s is longer than 1 MiB, the most this library reads", ref);
	return add_field(db, x, v, n);
}

/* The cell element under the reader: read it to its end. */
static pcreg_status read_cell(pcreg_db *db, struct pcreg__xlsx *x)
{
	struct part *p = &x->part;
	char *ref = attribute(p, "r", 0);
	char *type = attribute(p, "t", 0);
	char name[24];
	long col;
	pcreg_status st = PCREG_OK;
	int more = 1, in_v = 0, in_is = 0, in_t = 0, in_rph = 0;

	x->value.len = 0;
	if (x->value.data)
		x->value.data[0] = '\0';
	if (ref) {
		col = column_of(ref, x->row);
		if (col == 0) {
			st = fail(db, x, PCREG_INVALID, "bad cell reference \"%.20s\"", ref);
			goto out;
		}
	} else {
		col = (long)x->nfields + 1;
	}
	if (col > PCREG__XLSX_COLUMNS_MAX) {
		st = fail(db, x, PCREG_INVALID, "more than %d columns", PCREG__XLSX_COLUMNS_MAX);
		goto out;
	}
	if (col <= (long)x->nfields) {
		st = fail(db, x, PCREG_INVALID, "cell %.20s is out of order", ref ? ref : "");
		goto out;
	}
	if (ref)
		snprintf(name, sizeof name, "%s", ref);
	else
		snprintf(name, sizeof name, "%ld", col);
	if (xmlTextReaderIsEmptyElement(p->reader) != 1) {
		while ((st = part_next(db, x, p, &more)) == PCREG_OK && more) {
			const char *text;
			int empty = xmlTextReaderIsEmptyElement(p->reader) == 1;

			if (is_end(p, "c"))
				break;
			if (is_start(p, "v") && !empty)
				in_v = 1;
			else if (is_end(p, "v"))
				in_v = 0;
			else if (is_start(p, "is") && !empty)
				in_is = 1;
			else if (is_end(p, "is"))
				in_is = 0;
			else if (is_start(p, "rPh") && !empty)
				in_rph = 1;
			else if (is_end(p, "rPh"))
				in_rph = 0;
			else if (is_start(p, "t") && !empty)
				in_t = 1;
			else if (is_end(p, "t"))
				in_t = 0;
			else if ((in_v || (in_is && in_t && !in_rph)) && (text = text_of(p)) != NULL) {
				size_t n = strlen(text);

				if (x->value.len + n > 7 * (size_t)PCREG_IMPORT_FIELD_MAX) {
					st = fail(db, x, PCREG_INVALID,
					          "cell %s is longer than 1 MiB, the most this library reads",
					          name);
					break;
				}
				if (!append(&x->value, text, n)) {
					st = out_of_memory(db, x);
					break;
				}
			}
		}
		if (st == PCREG_OK && !more)
			st = fail(db, x, PCREG_INVALID, "%s: the sheet ends inside cell %s", p->name, name);
	}
	if (st == PCREG_OK)
		st = finish_cell(db, x, col, type, name);
out:
	xmlFree(ref);
	xmlFree(type);
	return st;
}

/* Hand out the row read. */
static pcreg_status emit_row(pcreg_db *db, struct pcreg__xlsx *x, struct pcreg__csv_record *out)
{
	size_t i, cap = x->out_cap;

	if (!pcreg__grow((void **)&x->out_fields, &cap, x->nfields, sizeof *x->out_fields))
		return out_of_memory(db, x);
	if (cap != x->out_cap) {
		size_t *lengths = pcreg__realloc(x->out_lengths, cap * sizeof *lengths);

		if (!lengths)
			return out_of_memory(db, x); /* out_fields is larger; harmless */
		x->out_lengths = lengths;
		x->out_cap = cap;
	}
	for (i = 0; i < x->nfields; i++) {
		size_t end = i + 1 < x->nfields ? x->field_offsets[i + 1] : x->text.len;

		x->out_fields[i] = x->text.data + x->field_offsets[i];
		x->out_lengths[i] = end - x->field_offsets[i] - 1;
	}
	out->line = x->row;
	out->nfields = x->nfields;
	out->fields = x->out_fields;
	out->lengths = x->out_lengths;
	return PCREG_OK;
}

/* The row element under the reader: its number, then its cells. Sets
 * *got when it had any. */
static pcreg_status read_row(pcreg_db *db, struct pcreg__xlsx *x, int *got)
{
	struct part *p = &x->part;
	char *r = attribute(p, "r", 0);
	pcreg_status st = PCREG_OK;
	int more = 1;
	size_t i;

	*got = 0;
	x->text.len = 0;
	x->nfields = 0;
	if (r) {
		int64_t n = row_number(r);

		if (n == 0) {
			x->row = x->last_row + 1;
			st = fail(db, x, PCREG_INVALID, "bad row number \"%.20s\"", r);
		} else if (n <= x->last_row) {
			x->row = n;
			st = fail(db, x, PCREG_INVALID, "out of order (after row %lld)",
			          (long long)x->last_row);
		} else {
			x->row = n;
		}
		xmlFree(r);
		if (st != PCREG_OK)
			return st;
	} else {
		if (x->last_row >= ROWS_MAX)
			return fail(db, x, PCREG_INVALID, "more than %d rows", ROWS_MAX);
		x->row = x->last_row + 1;
	}
	x->last_row = x->row;
	if (xmlTextReaderIsEmptyElement(p->reader) == 1)
		return PCREG_OK;
	while ((st = part_next(db, x, p, &more)) == PCREG_OK && more) {
		if (is_end(p, "row"))
			break;
		if (is_start(p, "c") && (st = read_cell(db, x)) != PCREG_OK)
			return st;
	}
	if (st != PCREG_OK)
		return st;
	if (!more)
		return fail(db, x, PCREG_INVALID, "%s: the sheet ends inside the row", p->name);
	/* A row of cells without values (formatting left on blank cells, as
	 * at the foot of many sheets) is as blank as an absent one. */
	for (i = 0; i < x->nfields; i++) {
		size_t end = i + 1 < x->nfields ? x->field_offsets[i + 1] : x->text.len;

		if (end - x->field_offsets[i] > 1) {
			*got = 1;
			break;
		}
	}
	return PCREG_OK;
}

pcreg_status pcreg__xlsx_next(pcreg_db *db, struct pcreg__xlsx *x, struct pcreg__csv_record *out)
{
	struct part *p = &x->part;
	pcreg_status st;
	int more = 1;

	if (!x->part_open)
		return pcreg__error(db, PCREG_MISUSE, "%s: no sheet is open", x->path);
	if (x->failed != PCREG_OK)
		return fail(db, x, x->failed, "reading stopped at an earlier failure");
	if (x->finished)
		return PCREG_DONE;
	for (;;) {
		int got;

		/* Between rows a failure is in the row after the last. */
		x->row = x->last_row + 1;
		if ((st = part_next(db, x, p, &more)) != PCREG_OK || !more)
			break;
		if (!is_start(p, "row"))
			continue;
		if ((st = read_row(db, x, &got)) != PCREG_OK)
			break;
		if (got)
			return emit_row(db, x, out);
	}
	if (st != PCREG_OK) {
		x->failed = st;
		return st;
	}
	x->finished = 1;
	return PCREG_DONE;
}

int64_t pcreg__xlsx_bytes_read(const struct pcreg__xlsx *x)
{
	return x->part_open ? x->part.read : 0;
}

int64_t pcreg__xlsx_bytes_total(const struct pcreg__xlsx *x)
{
	return x->part_open ? x->part.size : 0;
}

void pcreg__xlsx_close(struct pcreg__xlsx *x)
{
	size_t i;

	if (!x)
		return;
	sheet_close(x);
	if (x->zip)
		zip_discard(x->zip);
	for (i = 0; i < x->nsheets; i++) {
		pcreg__free(x->sheets[i].name);
		pcreg__free(x->sheets[i].part);
	}
	pcreg__free(x->sheets);
	pcreg__free(x->strings.data);
	pcreg__free(x->shared);
	pcreg__free(x->text.data);
	pcreg__free(x->field_offsets);
	pcreg__free(x->value.data);
	pcreg__free(x->out_fields);
	pcreg__free(x->out_lengths);
	pcreg__free(x->path);
	pcreg__free(x);
}

int pcreg__xlsx_looks_like_zip(const unsigned char *head, size_t n)
{
	return n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
}
