/*
 * odsxml.c: the ODS XML "HSCOrgRefData" files read one <Organisation> at
 * a time.
 *
 * libxml2's streaming reader hands out one node at a time and frees the
 * ones passed, so nothing but the organisation being read is ever held:
 * its text goes into one arena and its roles, relationships and
 * successions into three arrays, all reused for the next one. A .zip is
 * read entry by entry through libzip, decompressed as it goes.
 *
 * Safety: the files have no DTD, so one is refused outright (no external
 * entities, no entity expansion); the network is never used; nesting and
 * text lengths are bounded.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "fileio.h"
#include "odsxml.h"
#include "record.h"

/* The elements the reader knows, by local name. */
enum element {
	E_OTHER,
	E_ROOT,
	E_MANIFEST,
	E_PUBTYPE,
	E_PUBDATE,
	E_ORGS,
	E_ORG,
	E_NAME,
	E_DATE,
	E_TYPE,
	E_START,
	E_END,
	E_ORGID,
	E_STATUS,
	E_LASTCHANGE,
	E_GEOLOC,
	E_LOCATION,
	E_ADDR1,
	E_ADDR2,
	E_ADDR3,
	E_TOWN,
	E_COUNTY,
	E_POSTCODE,
	E_COUNTRY,
	E_UPRN,
	E_CONTACTS,
	E_CONTACT,
	E_ROLES,
	E_ROLE,
	E_RELS,
	E_REL,
	E_TARGET,
	E_PRIMARYROLEID,
	E_SUCCS,
	E_SUCC
};

static const struct {
	const char *name;
	enum element id;
} elements[] = {
	{ "OrgRefData", E_ROOT },
	{ "Manifest", E_MANIFEST },
	{ "PublicationType", E_PUBTYPE },
	{ "PublicationDate", E_PUBDATE },
	{ "Organisations", E_ORGS },
	{ "Organisation", E_ORG },
	{ "Name", E_NAME },
	{ "Date", E_DATE },
	{ "Type", E_TYPE },
	{ "Start", E_START },
	{ "End", E_END },
	{ "OrgId", E_ORGID },
	{ "Status", E_STATUS },
	{ "LastChangeDate", E_LASTCHANGE },
	{ "GeoLoc", E_GEOLOC },
	{ "Location", E_LOCATION },
	{ "AddrLn1", E_ADDR1 },
	{ "AddrLn2", E_ADDR2 },
	{ "AddrLn3", E_ADDR3 },
	{ "Town", E_TOWN },
	{ "County", E_COUNTY },
	{ "PostCode", E_POSTCODE },
	{ "Country", E_COUNTRY },
	{ "UPRN", E_UPRN },
	{ "Contacts", E_CONTACTS },
	{ "Contact", E_CONTACT },
	{ "Roles", E_ROLES },
	{ "Role", E_ROLE },
	{ "Rels", E_RELS },
	{ "Rel", E_REL },
	{ "Target", E_TARGET },
	{ "PrimaryRoleId", E_PRIMARYROLEID },
	{ "Succs", E_SUCCS },
	{ "Succ", E_SUCC },
};

/* The organisation's text fields, kept as offsets into the arena until it
 * is complete (the arena may move as it grows). */
enum text_field { S_NAME, S_ADDR1, S_ADDR2, S_ADDR3, S_TOWN, S_COUNTY, S_POSTCODE,
	          S_COUNTRY, S_UPRN, S_TEL, S_SUCC_TYPE, NFIELDS };
#define ABSENT ((size_t)-1)

/* The element depths: the root is 0, Organisations 1, Organisation 2. */
#define ORG_DEPTH 2

struct part {
	const char *name; /* the zip entry's name (libzip's), or the base name */
	zip_uint64_t index;
	zip_uint64_t comp_size, size;
};

struct pcreg__odsxml {
	char *path;
	/* A plain file, or a zip and its entries still to read. */
	FILE *file;
	unsigned char magic[4]; /* a plain file's first bytes, read to tell a zip */
	size_t magic_len, magic_pos;
	zip_t *zip;
	zip_file_t *entry;
	struct part *parts;
	size_t nparts, ipart;
	int64_t total;          /* bytes of the file, or compressed bytes of the parts */
	int64_t done;           /* compressed bytes of the parts finished */
	int64_t part_read;      /* bytes read of the current part (uncompressed) */
	xmlTextReaderPtr reader;

	/* A failure in a read callback, reported when libxml2 gives up. */
	int io_err;
	int zip_damaged;
	char zip_msg[128];
	/* libxml2's first error. */
	int xml_failed, xml_nomem;
	long xml_line;
	char xml_msg[256];
	/* A failure already returned is returned again. */
	pcreg_status failed;
	char failed_msg[PCREG__ERRMSG_SIZE];
	int finished;
	int root_seen;

	char pub_date[11];
	char pub_type[32];

	/* The open elements: their kinds and names (libxml2's dictionary
	 * keeps the names for the reader's life). */
	enum element kinds[PCREG__ODSXML_MAX_DEPTH + 1];
	const char *names[PCREG__ODSXML_MAX_DEPTH + 1];
	int64_t lines[PCREG__ODSXML_MAX_DEPTH + 1];
	int open_depth;

	/* The organisation under way, and its first value that cannot be
	 * read. */
	int in_org;
	int has_problem;
	int64_t problem_line;
	char problem_element[32];
	char problem[256];
	struct pcreg__ods_org org;
	char *text;
	size_t text_len, text_cap;
	size_t fields[NFIELDS];
	int capture_depth;           /* 0: no text element open */
	enum text_field capture;
	size_t capture_start;
	int64_t capture_line;
	struct pcreg__ods_role *roles;
	size_t roles_cap;
	struct pcreg__ods_rel *rels;
	size_t rels_cap;
	struct pcreg__ods_succ *succs;
	size_t succs_cap;
	/* The <Date> under way and whose dates it sets. */
	int date_depth;
	struct pcreg__ods_dates *date_owner;
	char date_type[16];
	char date_start[11], date_end[11];
	/* The line of the text node read just before, 0 when the node before
	 * was not text (see element_line()). */
	int64_t text_before;
};

/* What reading one node came to. */
enum event { EV_NONE, EV_ORG, EV_MANIFEST_DONE, EV_PART_END };

/* ---- messages ------------------------------------------------------------ */

/* Text truncated to fit: messages quote input, which may be long. */
static void format(char *buf, size_t size, const char *fmt, ...) PCREG__PRINTF(3, 4);
static void format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vsnprintf(buf, size, fmt, ap) < 0)
		buf[0] = '\0';
	va_end(ap);
}

/* "PATH" for a plain file, "PATH:PART" for a zip's entry. */
static const char *where(const struct pcreg__odsxml *x, char *buf, size_t size)
{
	if (!x->zip || x->ipart >= x->nparts)
		return x->path;
	format(buf, size, "%s:%s", x->path, x->parts[x->ipart].name);
	return buf;
}

static pcreg_status failure(pcreg_db *db, struct pcreg__odsxml *x, pcreg_status st, int64_t line,
                            const char *element, const char *fmt, ...) PCREG__PRINTF(6, 7);

/* Record "PATH[:PART]:LINE: ELEMENT: what", keep it for later calls. */
static pcreg_status failure(pcreg_db *db, struct pcreg__odsxml *x, pcreg_status st, int64_t line,
                            const char *element, const char *fmt, ...)
{
	char place[PCREG__ERRMSG_SIZE], what[PCREG__ERRMSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	if (vsnprintf(what, sizeof what, fmt, ap) < 0)
		what[0] = '\0';
	va_end(ap);
	if (line > 0)
		format(x->failed_msg, sizeof x->failed_msg, "%s:%lld: %s: %s",
		       where(x, place, sizeof place), (long long)line, element, what);
	else
		format(x->failed_msg, sizeof x->failed_msg, "%s: %s", where(x, place, sizeof place),
		       what);
	x->failed = st;
	return pcreg__error(db, st, "%s", x->failed_msg);
}

static pcreg_status no_memory(pcreg_db *db, struct pcreg__odsxml *x)
{
	char place[PCREG__ERRMSG_SIZE];

	x->failed = PCREG_NOMEM;
	format(x->failed_msg, sizeof x->failed_msg, "%s: out of memory",
	       where(x, place, sizeof place));
	return pcreg__error(db, PCREG_NOMEM, "%s", x->failed_msg);
}

/* libxml2's errors: keep the first one (later ones follow from it). */
static void on_xml_error(void *arg, xmlErrorPtr err)
{
	struct pcreg__odsxml *x = arg;
	size_t n;

	if (!err || err->level < XML_ERR_ERROR || x->xml_failed)
		return;
	x->xml_failed = 1;
	x->xml_nomem = err->code == XML_ERR_NO_MEMORY;
	x->xml_line = err->line;
	format(x->xml_msg, sizeof x->xml_msg, "%s", err->message ? err->message : "an error");
	n = strlen(x->xml_msg);
	while (n > 0 && (x->xml_msg[n - 1] == '\n' || x->xml_msg[n - 1] == ' '))
		x->xml_msg[--n] = '\0';
}

/* The innermost element open, for messages. */
static const char *open_element(const struct pcreg__odsxml *x)
{
	if (x->open_depth <= 0)
		return "document";
	return x->names[x->open_depth - 1];
}

/* The line the innermost element open starts on. */
static int64_t open_line(const struct pcreg__odsxml *x)
{
	return x->open_depth <= 0 ? 1 : x->lines[x->open_depth - 1];
}

/* xmlTextReaderRead() failed: a read, the zip or the XML. */
static pcreg_status read_failed(pcreg_db *db, struct pcreg__odsxml *x)
{
	if (x->io_err)
		return failure(db, x, PCREG_IO, 0, "", "read failed: %s", strerror(x->io_err));
	if (x->zip_damaged)
		return failure(db, x, PCREG_INVALID, 0, "", "the zip is damaged: %s", x->zip_msg);
	if (x->xml_nomem)
		return no_memory(db, x);
	if (!x->root_seen && x->part_read == 0)
		return failure(db, x, PCREG_INVALID, 0, "", "not an HSCOrgRefData XML file: it is empty");
	if (!x->root_seen)
		return failure(db, x, PCREG_INVALID, 0, "",
		               "not an HSCOrgRefData XML file: line %ld: %s", x->xml_line,
		               x->xml_failed ? x->xml_msg : "unreadable");
	return failure(db, x, PCREG_INVALID, x->xml_line > 0 ? x->xml_line : 1, open_element(x),
	               "malformed XML: %s", x->xml_failed ? x->xml_msg : "the reader failed");
}

/* ---- input ------------------------------------------------------------- */

static int read_plain(void *ctx, char *buf, int len)
{
	struct pcreg__odsxml *x = ctx;
	int err;
	size_t n;

	if (len <= 0)
		return 0;
	/* The bytes read to tell a zip come first (the file may be a pipe,
	 * which cannot go back). */
	if (x->magic_pos < x->magic_len) {
		n = x->magic_len - x->magic_pos;
		if (n > (size_t)len)
			n = (size_t)len;
		memcpy(buf, x->magic + x->magic_pos, n);
		x->magic_pos += n;
		x->part_read += (int64_t)n;
		return (int)n;
	}
	n = pcreg__file_read(x->file, x->path, buf, (size_t)len, &err);
	if (err) {
		x->io_err = err;
		return -1;
	}
	x->part_read += (int64_t)n;
	return (int)n;
}

static int read_zip(void *ctx, char *buf, int len)
{
	struct pcreg__odsxml *x = ctx;
	int err = pcreg__io_fault ? pcreg__io_fault(PCREG__IO_READ, x->path) : 0;
	zip_int64_t n;

	if (err) {
		x->io_err = err;
		return -1;
	}
	if (len <= 0)
		return 0;
	n = zip_fread(x->entry, buf, (zip_uint64_t)len);
	if (n < 0) {
		zip_error_t *ze = zip_file_get_error(x->entry);
		int code = zip_error_code_zip(ze);

		/* A stream that does not inflate or check is the file's fault;
		 * anything else is the system's. */
		if (code == ZIP_ER_CRC || code == ZIP_ER_ZLIB || code == ZIP_ER_INCONS ||
		    code == ZIP_ER_EOF) {
			x->zip_damaged = 1;
			format(x->zip_msg, sizeof x->zip_msg, "%s", zip_error_strerror(ze));
		} else {
			x->io_err = zip_error_code_system(ze) ? zip_error_code_system(ze) : EIO;
		}
		return -1;
	}
	x->part_read += (int64_t)n;
	return (int)n;
}

/* No DTD is ever loaded, no entity substituted, the network never used;
 * line numbers past 65535 are
 * kept (the full file has millions of lines). Blank text between
 * elements is kept: its line numbers stand in for the elements' (see
 * element_line()). */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES)

/* Start reading part x->ipart (or the plain file). */
static pcreg_status start_reader(pcreg_db *db, struct pcreg__odsxml *x)
{
	x->part_read = 0;
	x->root_seen = 0;
	x->open_depth = 0;
	x->in_org = 0;
	x->capture_depth = 0;
	x->date_depth = 0;
	x->text_before = 0;
	x->xml_failed = x->xml_nomem = 0;
	x->pub_date[0] = x->pub_type[0] = '\0';
	if (x->zip) {
		const struct part *p = &x->parts[x->ipart];
		int err = pcreg__io_fault ? pcreg__io_fault(PCREG__IO_READ, x->path) : 0;

		if (err)
			return failure(db, x, PCREG_IO, 0, "", "read failed: %s", strerror(err));
		x->entry = zip_fopen_index(x->zip, p->index, 0);
		if (!x->entry) {
			zip_error_t *ze = zip_get_error(x->zip);
			int code = zip_error_code_zip(ze);

			if (code == ZIP_ER_MEMORY)
				return no_memory(db, x);
			if (code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP ||
			    code == ZIP_ER_NOPASSWD || code == ZIP_ER_INCONS)
				return failure(db, x, PCREG_INVALID, 0, "", "cannot read the entry: %s",
				               zip_error_strerror(ze));
			return failure(db, x, PCREG_IO, 0, "", "cannot read the entry: %s",
			               zip_error_strerror(ze));
		}
	}
	x->reader = xmlReaderForIO(x->zip ? read_zip : read_plain, NULL, x, NULL, NULL, READER_OPTIONS);
	if (x->io_err || x->zip_damaged)
		return read_failed(db, x);
	if (!x->reader)
		return no_memory(db, x);
	xmlTextReaderSetStructuredErrorHandler(x->reader, on_xml_error, x);
	return PCREG_OK;
}

static void stop_reader(struct pcreg__odsxml *x)
{
	if (x->reader)
		xmlFreeTextReader(x->reader);
	x->reader = NULL;
	if (x->entry)
		zip_fclose(x->entry);
	x->entry = NULL;
}

/* ---- the organisation under way --------------------------------------- */

static void begin_org(struct pcreg__odsxml *x, int64_t line)
{
	size_t i;
	const char *part = x->zip ? x->parts[x->ipart].name : x->parts[0].name;

	memset(&x->org, 0, sizeof x->org);
	x->org.line = line;
	x->org.part = part;
	x->text_len = 0;
	x->capture_depth = 0;
	x->date_depth = 0;
	for (i = 0; i < NFIELDS; i++)
		x->fields[i] = ABSENT;
	x->has_problem = 0;
	x->in_org = 1;
}

static void org_problem(struct pcreg__odsxml *x, int64_t line, const char *element,
                        const char *fmt, ...) PCREG__PRINTF(4, 5);

/* A value inside an organisation that cannot be read: the first is kept
 * for the organisation, and reading goes on (structure and limits still
 * fail the file). */
static void org_problem(struct pcreg__odsxml *x, int64_t line, const char *element,
                        const char *fmt, ...)
{
	va_list ap;

	if (x->has_problem)
		return;
	x->has_problem = 1;
	x->problem_line = line;
	format(x->problem_element, sizeof x->problem_element, "%s", element);
	va_start(ap, fmt);
	if (vsnprintf(x->problem, sizeof x->problem, fmt, ap) < 0)
		x->problem[0] = '\0';
	va_end(ap);
}

static const char *field(const struct pcreg__odsxml *x, enum text_field f)
{
	return x->fields[f] == ABSENT ? "" : x->text + x->fields[f];
}

static void finish_org(struct pcreg__odsxml *x)
{
	struct pcreg__ods_org *o = &x->org;

	o->name = field(x, S_NAME);
	o->addr1 = field(x, S_ADDR1);
	o->addr2 = field(x, S_ADDR2);
	o->addr3 = field(x, S_ADDR3);
	o->town = field(x, S_TOWN);
	o->county = field(x, S_COUNTY);
	o->postcode = field(x, S_POSTCODE);
	o->country = field(x, S_COUNTRY);
	o->uprn = field(x, S_UPRN);
	o->telephone = field(x, S_TEL);
	o->roles = x->roles;
	o->rels = x->rels;
	o->succs = x->succs;
	if (x->has_problem) {
		o->problem = x->problem;
		o->problem_element = x->problem_element;
		o->problem_line = x->problem_line;
	}
	x->in_org = 0;
}

/* Text into the arena, NUL-terminated; its offset in *at. */
static int arena_add(struct pcreg__odsxml *x, const char *s, size_t len, size_t *at)
{
	if (!pcreg__grow((void **)&x->text, &x->text_cap, x->text_len + len + 1, 1))
		return 0;
	memcpy(x->text + x->text_len, s, len);
	x->text[x->text_len + len] = '\0';
	*at = x->text_len;
	x->text_len += len + 1;
	return 1;
}

/* ---- nodes ------------------------------------------------------------- */

/* The line an element starts on. libxml2 keeps in an element the line
 * its start tag ends on, in an unsigned short, so past line 65535 (the
 * full file has about 20 million) it has only "65535". A text node's line
 * it keeps in full (XML_PARSE_BIG_LINES), and that is the line of the '<'
 * that ends the text. So an element right after text (the line break and
 * indentation before every element of a pretty-printed file, as ODS's
 * are) starts on that text's line. Otherwise the start tag's last line,
 * or past 65535 the parser's line, which may be a little further on, is
 * the best there is. */
static int64_t element_line(struct pcreg__odsxml *x, xmlNodePtr node)
{
	long line;

	if (x->text_before)
		return x->text_before;
	if (node && node->line < 65535)
		return node->line;
	line = xmlTextReaderGetParserLineNumber(x->reader);
	return line > 0 ? line : 0;
}

/* The line a text node ends on. */
static int64_t text_line(struct pcreg__odsxml *x, xmlNodePtr node)
{
	long line;

	if (node && node->line < 65535)
		return node->line;
	if (node && node->psvi)
		return (int64_t)(ptrdiff_t)node->psvi;
	line = xmlTextReaderGetParserLineNumber(x->reader);
	return line > 0 ? line : 0;
}

static enum element element_kind(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof elements / sizeof elements[0]; i++)
		if (name[0] == elements[i].name[0] && strcmp(name, elements[i].name) == 0)
			return elements[i].id;
	return E_OTHER;
}

/* An attribute's value by local name, NULL when absent. The files have no
 * DTD (it is refused), so a value is one text node, or none when empty. */
static const char *attribute(xmlNodePtr node, const char *name)
{
	xmlAttrPtr a;

	for (a = node->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (!a->children)
			return "";
		if (a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* The element being handled, for messages and lines. */
struct elem {
	xmlNodePtr node;
	const char *name;
	int64_t line;
	int depth;
};

/* An attribute copied into a fixed buffer: one that does not fit is
 * refused, never cut. Absent leaves the buffer as it is. */
static pcreg_status copy_attribute(pcreg_db *db, struct pcreg__odsxml *x, const struct elem *e,
                                   const char *name, char *buf, size_t size)
{
	const char *value = attribute(e->node, name);
	size_t len;

	if (!value)
		return PCREG_OK;
	len = strlen(value);
	if (len >= size && x->in_org) {
		org_problem(x, e->line, e->name, "%s \"%.40s\" is longer than %zu characters", name,
		            value, size - 1);
		return PCREG_OK;
	}
	if (len >= size)
		return failure(db, x, PCREG_INVALID, e->line, e->name,
		               "%s \"%.40s\" is longer than %zu characters", name, value, size - 1);
	memcpy(buf, value, len + 1);
	return PCREG_OK;
}

/* A date attribute ("value"): a real calendar date, or refused. */
static pcreg_status copy_date(pcreg_db *db, struct pcreg__odsxml *x, const struct elem *e,
                              char out[11])
{
	const char *value = attribute(e->node, "value");

	if (!value)
		return PCREG_OK;
	if (!pcreg__date_valid(value) && x->in_org) {
		org_problem(x, e->line, e->name, "\"%.40s\" is not a real date (YYYY-MM-DD)", value);
		return PCREG_OK;
	}
	if (!pcreg__date_valid(value))
		return failure(db, x, PCREG_INVALID, e->line, e->name,
		               "\"%.40s\" is not a real date (YYYY-MM-DD)", value);
	memcpy(out, value, 11);
	return PCREG_OK;
}

static int is_true(const char *value)
{
	return value && (strcmp(value, "true") == 0 || strcmp(value, "1") == 0);
}

static void begin_date(struct pcreg__odsxml *x, int depth, struct pcreg__ods_dates *owner)
{
	x->date_depth = depth;
	x->date_owner = owner;
	x->date_type[0] = x->date_start[0] = x->date_end[0] = '\0';
}

static void end_date(struct pcreg__odsxml *x)
{
	struct pcreg__ods_period *p = NULL;

	/* Other kinds of period (ODS may add some) are ignored. */
	if (strcmp(x->date_type, "Operational") == 0)
		p = &x->date_owner->operational;
	else if (strcmp(x->date_type, "Legal") == 0)
		p = &x->date_owner->legal;
	if (p) {
		memcpy(p->start, x->date_start, sizeof p->start);
		memcpy(p->end, x->date_end, sizeof p->end);
		p->present = 1;
	}
	x->date_depth = 0;
}

static void begin_text(struct pcreg__odsxml *x, const struct elem *e, enum text_field f)
{
	x->capture_depth = e->depth;
	x->capture = f;
	x->capture_start = x->text_len;
	x->capture_line = e->line;
}

/* A new role, relationship or succession, zeroed. */
static void *add_item(void **array, size_t *cap, size_t *count, size_t item)
{
	char *p;

	if (!pcreg__grow(array, cap, *count + 1, item))
		return NULL;
	p = (char *)*array + *count * item;
	memset(p, 0, item);
	(*count)++;
	return p;
}

/* An element inside an Organisation (depth 3 and deeper). */
static pcreg_status org_element(pcreg_db *db, struct pcreg__odsxml *x, const struct elem *e,
                                enum element kind)
{
	struct pcreg__ods_org *o = &x->org;
	const enum element *k = x->kinds;
	int d = e->depth;

	/* The children of a <Date>, wherever it is. */
	if (x->date_depth && d == x->date_depth + 1) {
		if (kind == E_TYPE) {
			const char *value = attribute(e->node, "value");

			/* A type too long for the buffer is no type this reader knows. */
			if (value && strlen(value) < sizeof x->date_type)
				strcpy(x->date_type, value);
			else if (value)
				strcpy(x->date_type, "?");
			return PCREG_OK;
		}
		if (kind == E_START)
			return copy_date(db, x, e, x->date_start);
		if (kind == E_END)
			return copy_date(db, x, e, x->date_end);
		return PCREG_OK;
	}
	if (d == 3) {
		switch (kind) {
		case E_NAME:
			begin_text(x, e, S_NAME);
			return PCREG_OK;
		case E_DATE:
			begin_date(x, d, &o->dates);
			return PCREG_OK;
		case E_ORGID:
			return copy_attribute(db, x, e, "extension", o->code, sizeof o->code);
		case E_STATUS:
			return copy_attribute(db, x, e, "value", o->status, sizeof o->status);
		case E_LASTCHANGE:
			return copy_date(db, x, e, o->last_change);
		default:
			return PCREG_OK;
		}
	}
	if (d == 4) {
		if (k[3] == E_CONTACTS && kind == E_CONTACT) {
			const char *type = attribute(e->node, "type");
			const char *value = attribute(e->node, "value");

			/* The first telephone number. */
			if (type && strcmp(type, "tel") == 0 && value && x->fields[S_TEL] == ABSENT) {
				size_t len = strlen(value);

				if (len > PCREG_IMPORT_FIELD_MAX)
					return failure(db, x, PCREG_INVALID, e->line, e->name,
					               "value is longer than %d bytes",
					               PCREG_IMPORT_FIELD_MAX);
				if (!arena_add(x, value, len, &x->fields[S_TEL]))
					return no_memory(db, x);
			}
			return PCREG_OK;
		}
		if (k[3] == E_ROLES && kind == E_ROLE) {
			struct pcreg__ods_role *r =
				add_item((void **)&x->roles, &x->roles_cap, &o->nroles, sizeof *r);
			pcreg_status st;

			if (!r)
				return no_memory(db, x);
			r->primary = is_true(attribute(e->node, "primaryRole"));
			if ((st = copy_attribute(db, x, e, "id", r->id, sizeof r->id)) != PCREG_OK)
				return st;
			return PCREG_OK;
		}
		if (k[3] == E_RELS && kind == E_REL) {
			struct pcreg__ods_rel *r =
				add_item((void **)&x->rels, &x->rels_cap, &o->nrels, sizeof *r);

			if (!r)
				return no_memory(db, x);
			return copy_attribute(db, x, e, "id", r->id, sizeof r->id);
		}
		if (k[3] == E_SUCCS && kind == E_SUCC) {
			struct pcreg__ods_succ *s =
				add_item((void **)&x->succs, &x->succs_cap, &o->nsuccs, sizeof *s);

			if (!s)
				return no_memory(db, x);
			s->forward = is_true(attribute(e->node, "forwardSuccession"));
			return PCREG_OK;
		}
		return PCREG_OK;
	}
	if (d == 5 && k[3] == E_GEOLOC && k[4] == E_LOCATION) {
		static const struct {
			enum element kind;
			enum text_field field;
		} lines[] = { { E_ADDR1, S_ADDR1 },   { E_ADDR2, S_ADDR2 },       { E_ADDR3, S_ADDR3 },
			      { E_TOWN, S_TOWN },     { E_COUNTY, S_COUNTY },     { E_POSTCODE, S_POSTCODE },
			      { E_COUNTRY, S_COUNTRY }, { E_UPRN, S_UPRN } };
		size_t i;

		for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
			if (lines[i].kind == kind)
				begin_text(x, e, lines[i].field);
		return PCREG_OK;
	}
	/* Inside a Role, Rel or Succ: the item is the last one added. */
	if (d == 5 && k[3] == E_ROLES && k[4] == E_ROLE && o->nroles) {
		struct pcreg__ods_role *r = &x->roles[o->nroles - 1];

		if (kind == E_DATE)
			begin_date(x, d, &r->dates);
		else if (kind == E_STATUS)
			return copy_attribute(db, x, e, "value", r->status, sizeof r->status);
		return PCREG_OK;
	}
	if (d == 5 && k[3] == E_RELS && k[4] == E_REL && o->nrels) {
		struct pcreg__ods_rel *r = &x->rels[o->nrels - 1];

		if (kind == E_DATE)
			begin_date(x, d, &r->dates);
		else if (kind == E_STATUS)
			return copy_attribute(db, x, e, "value", r->status, sizeof r->status);
		return PCREG_OK;
	}
	if (d == 5 && k[3] == E_SUCCS && k[4] == E_SUCC && o->nsuccs) {
		struct pcreg__ods_succ *s = &x->succs[o->nsuccs - 1];

		/* <Type>Successor</Type> is text; <Date><Type value=.../> is
		 * the date's, one level down. */
		if (kind == E_DATE)
			begin_date(x, d, &s->dates);
		else if (kind == E_TYPE)
			begin_text(x, e, S_SUCC_TYPE);
		return PCREG_OK;
	}
	if (d == 6 && k[5] == E_TARGET && k[3] == E_RELS && k[4] == E_REL && o->nrels) {
		struct pcreg__ods_rel *r = &x->rels[o->nrels - 1];

		if (kind == E_ORGID)
			return copy_attribute(db, x, e, "extension", r->target, sizeof r->target);
		if (kind == E_PRIMARYROLEID)
			return copy_attribute(db, x, e, "id", r->target_role, sizeof r->target_role);
		return PCREG_OK;
	}
	if (d == 6 && k[5] == E_TARGET && k[3] == E_SUCCS && k[4] == E_SUCC && o->nsuccs) {
		struct pcreg__ods_succ *s = &x->succs[o->nsuccs - 1];

		if (kind == E_ORGID)
			return copy_attribute(db, x, e, "extension", s->target, sizeof s->target);
		if (kind == E_PRIMARYROLEID)
			return copy_attribute(db, x, e, "id", s->target_role, sizeof s->target_role);
		return PCREG_OK;
	}
	return PCREG_OK;
}

static pcreg_status check_root(pcreg_db *db, struct pcreg__odsxml *x, const struct elem *e,
                               enum element kind)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(x->reader);

	x->root_seen = 1;
	if (kind != E_ROOT || !ns || strcmp(ns, PCREG__ODSXML_NAMESPACE) != 0)
		return failure(db, x, PCREG_INVALID, 0, "",
		               "not an HSCOrgRefData file: the root element is <%.60s> in the"
		               " namespace \"%.80s\", not <OrgRefData> in \"%s\"",
		               e->name, ns ? ns : "", PCREG__ODSXML_NAMESPACE);
	return PCREG_OK;
}

static pcreg_status start_element(pcreg_db *db, struct pcreg__odsxml *x, const struct elem *e,
                                  enum element kind, enum event *ev)
{
	const enum element *k = x->kinds;
	int d = e->depth;

	if (d == 0)
		return check_root(db, x, e, kind);
	if (d == 1 && kind != E_MANIFEST)
		*ev = EV_MANIFEST_DONE;
	if (d == 2 && k[1] == E_MANIFEST) {
		if (kind == E_PUBDATE)
			return copy_date(db, x, e, x->pub_date);
		if (kind == E_PUBTYPE)
			return copy_attribute(db, x, e, "value", x->pub_type, sizeof x->pub_type);
		return PCREG_OK;
	}
	if (d == ORG_DEPTH && k[1] == E_ORGS && kind == E_ORG) {
		const char *ref_only = attribute(e->node, "refOnly");

		begin_org(x, e->line);
		x->org.ref_only = is_true(ref_only);
		return copy_attribute(db, x, e, "orgRecordClass", x->org.record_class,
		                      sizeof x->org.record_class);
	}
	if (x->in_org && d > ORG_DEPTH)
		return org_element(db, x, e, kind);
	return PCREG_OK;
}

static pcreg_status end_element(pcreg_db *db, struct pcreg__odsxml *x, int depth, enum event *ev)
{
	if (x->capture_depth && depth == x->capture_depth) {
		size_t len = x->text_len - x->capture_start;

		x->capture_depth = 0;
		if (!pcreg__grow((void **)&x->text, &x->text_cap, x->text_len + 1, 1))
			return no_memory(db, x);
		x->text[x->text_len++] = '\0';
		if (x->capture == S_SUCC_TYPE) {
			struct pcreg__ods_succ *s = &x->succs[x->org.nsuccs - 1];

			if (len >= sizeof s->type)
				org_problem(x, x->capture_line, "Type",
				            "\"%.40s\" is longer than %zu characters",
				            x->text + x->capture_start, sizeof s->type - 1);
			else
				memcpy(s->type, x->text + x->capture_start, len + 1);
			x->text_len = x->capture_start;
		} else {
			x->fields[x->capture] = x->capture_start;
		}
	}
	if (x->date_depth && depth == x->date_depth)
		end_date(x);
	if (depth == 1 && x->kinds[1] == E_MANIFEST)
		*ev = EV_MANIFEST_DONE;
	if (x->in_org && depth == ORG_DEPTH) {
		if (!x->org.code[0])
			org_problem(x, x->org.line, "Organisation",
			            "no OrgId extension (the organisation's code)");
		finish_org(x);
		*ev = EV_ORG;
	}
	return PCREG_OK;
}

static pcreg_status text_node(pcreg_db *db, struct pcreg__odsxml *x, int depth)
{
	const char *value = (const char *)xmlTextReaderConstValue(x->reader);
	size_t len = value ? strlen(value) : 0;
	size_t so_far = x->capture_depth ? x->text_len - x->capture_start : 0;
	size_t at;

	if (len + so_far > PCREG_IMPORT_FIELD_MAX)
		return failure(db, x, PCREG_INVALID, open_line(x), open_element(x), "text longer than %d bytes, the most this library reads",
		               PCREG_IMPORT_FIELD_MAX);
	if (!x->capture_depth || depth != x->capture_depth + 1 || !len)
		return PCREG_OK;
	/* Appended to the text under way: drop the NUL arena_add() ends with,
	 * so that pieces (text, CDATA) join. */
	if (!arena_add(x, value, len, &at))
		return no_memory(db, x);
	x->text_len--;
	return PCREG_OK;
}

static pcreg_status read_other(pcreg_db *db, struct pcreg__odsxml *x, int type, int depth,
                               enum event *ev);

/* Read and handle one node. */
static pcreg_status read_node(pcreg_db *db, struct pcreg__odsxml *x, enum event *ev)
{
	int rc = xmlTextReaderRead(x->reader);
	int type, depth;
	pcreg_status st;

	*ev = EV_NONE;
	if (rc < 0 || x->io_err || x->zip_damaged)
		return read_failed(db, x);
	if (rc == 0) {
		if (!x->root_seen)
			return failure(db, x, PCREG_INVALID, 0, "",
			               "not an HSCOrgRefData XML file: it has no root element");
		*ev = EV_PART_END;
		return PCREG_OK;
	}
	type = xmlTextReaderNodeType(x->reader);
	depth = xmlTextReaderDepth(x->reader);
	if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    type == XML_READER_TYPE_WHITESPACE) {
		st = text_node(db, x, depth);
		x->text_before = text_line(x, xmlTextReaderCurrentNode(x->reader));
		return st;
	}
	st = read_other(db, x, type, depth, ev);
	x->text_before = 0;
	return st;
}

static pcreg_status read_other(pcreg_db *db, struct pcreg__odsxml *x, int type, int depth,
                               enum event *ev)
{
	switch (type) {
	case XML_READER_TYPE_ELEMENT: {
		struct elem e;
		enum element kind;
		pcreg_status st;

		e.node = xmlTextReaderCurrentNode(x->reader);
		e.name = (const char *)xmlTextReaderConstLocalName(x->reader);
		e.line = element_line(x, e.node);
		e.depth = depth;
		if (!e.node || !e.name)
			return no_memory(db, x);
		if (depth < 0 || depth >= PCREG__ODSXML_MAX_DEPTH)
			return failure(db, x, PCREG_INVALID, e.line, e.name,
			               "elements nested more than %d deep", PCREG__ODSXML_MAX_DEPTH);
		kind = element_kind(e.name);
		x->kinds[depth] = kind;
		x->names[depth] = e.name;
		x->lines[depth] = e.line;
		x->open_depth = depth + 1;
		if ((st = start_element(db, x, &e, kind, ev)) != PCREG_OK)
			return st;
		if (xmlTextReaderIsEmptyElement(x->reader)) {
			enum event end_ev = EV_NONE;

			x->open_depth = depth;
			st = end_element(db, x, depth, &end_ev);
			if (end_ev != EV_NONE)
				*ev = end_ev;
			return st;
		}
		return PCREG_OK;
	}
	case XML_READER_TYPE_END_ELEMENT:
		if (depth < 0 || depth >= PCREG__ODSXML_MAX_DEPTH)
			return PCREG_OK;
		x->open_depth = depth;
		return end_element(db, x, depth, ev);
	case XML_READER_TYPE_CDATA:
		return text_node(db, x, depth);
	case XML_READER_TYPE_DOCUMENT_TYPE:
		/* The files have none; one could declare entities (external or
		 * expanding without end). */
		return failure(db, x, PCREG_INVALID, 0, "",
		               "DOCTYPE: a document type declaration is not allowed (the files have"
		               " none; one could declare external or expanding entities)");
	case XML_READER_TYPE_ENTITY_REFERENCE:
		return failure(db, x, PCREG_INVALID, xmlTextReaderGetParserLineNumber(x->reader),
		               open_element(x), "entity references are not allowed");
	default:
		return PCREG_OK;
	}
}

/* Read a part's beginning: its root element and Manifest. */
static pcreg_status read_manifest(pcreg_db *db, struct pcreg__odsxml *x)
{
	for (;;) {
		enum event ev;
		pcreg_status st = read_node(db, x, &ev);

		if (st != PCREG_OK)
			return st;
		if (ev == EV_MANIFEST_DONE)
			return PCREG_OK;
		if (ev == EV_PART_END) {
			/* A file with no organisations: the next read sees its end
			 * again and moves on. */
			return PCREG_OK;
		}
	}
}

/* ---- opening ----------------------------------------------------------- */

static int ends_with_xml(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

static pcreg_status open_zip(pcreg_db *db, struct pcreg__odsxml *x)
{
	zip_int64_t count, i;
	size_t nfull = 0, j;
	int zerr = 0;
	int err = pcreg__io_fault ? pcreg__io_fault(PCREG__IO_READ, x->path) : 0;

	if (err)
		return failure(db, x, PCREG_IO, 0, "", "read failed: %s", strerror(err));
	x->zip = zip_open(x->path, ZIP_RDONLY, &zerr);
	if (!x->zip) {
		zip_error_t ze;
		pcreg_status st;

		zip_error_init_with_code(&ze, zerr);
		if (zerr == ZIP_ER_MEMORY)
			st = no_memory(db, x);
		else if (zerr == ZIP_ER_NOENT)
			st = failure(db, x, PCREG_NOTFOUND, 0, "", "no such file");
		else if (zerr == ZIP_ER_NOZIP || zerr == ZIP_ER_INCONS)
			st = failure(db, x, PCREG_INVALID, 0, "", "not a readable zip: %s",
			             zip_error_strerror(&ze));
		else
			st = failure(db, x, PCREG_IO, 0, "", "cannot open the zip: %s",
			             zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return st;
	}
	count = zip_get_num_entries(x->zip, 0);
	if (count > 0) {
		x->parts = pcreg__calloc((size_t)count, sizeof *x->parts);
		if (!x->parts)
			return no_memory(db, x);
	}
	for (i = 0; i < count; i++) {
		zip_stat_t st;

		if (zip_stat_index(x->zip, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
		    !ends_with_xml(st.name))
			continue;
		x->parts[x->nparts].name = st.name;
		x->parts[x->nparts].index = (zip_uint64_t)i;
		x->parts[x->nparts].comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
		x->parts[x->nparts].size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
		x->total += (int64_t)x->parts[x->nparts].comp_size;
		x->nparts++;
	}
	if (x->nparts == 0)
		return failure(db, x, PCREG_INVALID, 0, "",
		               "not an HSCOrgRefData file: the zip holds no .xml file");
	/* The full file first (the archive's stubs refer to it), the rest in
	 * the zip's order: move each Full entry forward, keeping order. */
	for (j = 0; j < x->nparts; j++) {
		const char *base = strrchr(x->parts[j].name, '/');

		base = base ? base + 1 : x->parts[j].name;
		if (strstr(base, "_Full") || strstr(base, "Full_")) {
			struct part p = x->parts[j];

			memmove(&x->parts[nfull + 1], &x->parts[nfull], (j - nfull) * sizeof p);
			x->parts[nfull++] = p;
		}
	}
	return PCREG_OK;
}

static pcreg_status open_plain(pcreg_db *db, struct pcreg__odsxml *x)
{
	const char *base = strrchr(x->path, '/');

	x->parts = pcreg__calloc(1, sizeof *x->parts);
	if (!x->parts)
		return no_memory(db, x);
	x->parts[0].name = base ? base + 1 : x->path;
	x->nparts = 1;
	return PCREG_OK;
}

pcreg_status pcreg__odsxml_open(pcreg_db *db, const char *path, struct pcreg__odsxml **out)
{
	struct pcreg__odsxml *x;
	struct stat sb;
	size_t n;
	int err;
	pcreg_status st;

	*out = NULL;
	if (!path)
		return pcreg__error(db, PCREG_MISUSE, "no path given");
	x = pcreg__calloc(1, sizeof *x);
	if (!x)
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	x->path = pcreg__strdup(path);
	if (!x->path) {
		pcreg__free(x);
		return pcreg__error(db, PCREG_NOMEM, "%s: out of memory", path);
	}
	x->file = fopen(path, "rb");
	if (!x->file) {
		st = errno == ENOENT ? failure(db, x, PCREG_NOTFOUND, 0, "", "no such file")
		                     : failure(db, x, PCREG_IO, 0, "", "cannot open: %s", strerror(errno));
		goto fail;
	}
	if (fstat(fileno(x->file), &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			st = failure(db, x, PCREG_IO, 0, "", "is a directory");
			goto fail;
		}
		x->total = (int64_t)sb.st_size;
	}
	/* A zip is known by its first bytes, whatever its name. */
	n = pcreg__file_read(x->file, x->path, x->magic, sizeof x->magic, &err);
	if (err) {
		st = failure(db, x, PCREG_IO, 0, "", "read failed: %s", strerror(err));
		goto fail;
	}
	if (n == 4 && memcmp(x->magic, "PK\003\004", 4) == 0) {
		fclose(x->file);
		x->file = NULL;
		x->total = 0;
		st = open_zip(db, x);
	} else {
		x->magic_len = n;
		st = open_plain(db, x);
	}
	if (st == PCREG_OK)
		st = start_reader(db, x);
	if (st == PCREG_OK)
		st = read_manifest(db, x);
	if (st != PCREG_OK)
		goto fail;
	*out = x;
	return PCREG_OK;
fail:
	pcreg__odsxml_close(x);
	return st;
}

/* ---- reading ----------------------------------------------------------- */

pcreg_status pcreg__odsxml_next(pcreg_db *db, struct pcreg__odsxml *x, const struct pcreg__ods_org **out)
{
	*out = NULL;
	if (x->failed)
		return pcreg__error(db, x->failed, "%s", x->failed_msg);
	if (x->finished)
		return PCREG_DONE;
	for (;;) {
		enum event ev;
		pcreg_status st = read_node(db, x, &ev);

		if (st != PCREG_OK)
			return st;
		if (ev == EV_ORG) {
			*out = &x->org;
			return PCREG_OK;
		}
		if (ev != EV_PART_END)
			continue;
		stop_reader(x);
		if (x->zip)
			x->done += (int64_t)x->parts[x->ipart].comp_size;
		if (x->ipart + 1 >= x->nparts) {
			x->finished = 1;
			return PCREG_DONE;
		}
		x->ipart++;
		if ((st = start_reader(db, x)) != PCREG_OK || (st = read_manifest(db, x)) != PCREG_OK)
			return st;
	}
}

const char *pcreg__odsxml_publication_date(const struct pcreg__odsxml *x)
{
	return x->pub_date;
}

const char *pcreg__odsxml_publication_type(const struct pcreg__odsxml *x)
{
	return x->pub_type;
}

int64_t pcreg__odsxml_bytes_read(const struct pcreg__odsxml *x)
{
	const struct part *p;

	if (!x->zip)
		return x->part_read;
	if (x->finished || x->ipart >= x->nparts)
		return x->done;
	/* The share of the current entry's compressed bytes that its
	 * uncompressed bytes so far stand for. */
	p = &x->parts[x->ipart];
	if (!p->size)
		return x->done;
	return x->done + (int64_t)((double)p->comp_size * (double)x->part_read / (double)p->size);
}

int64_t pcreg__odsxml_bytes_total(const struct pcreg__odsxml *x)
{
	return x->total;
}

void pcreg__odsxml_close(struct pcreg__odsxml *x)
{
	if (!x)
		return;
	stop_reader(x);
	if (x->zip)
		zip_discard(x->zip);
	if (x->file)
		fclose(x->file);
	pcreg__free(x->parts);
	pcreg__free(x->text);
	pcreg__free(x->roles);
	pcreg__free(x->rels);
	pcreg__free(x->succs);
	pcreg__free(x->path);
	pcreg__free(x);
}

/* ---- telling the kind -------------------------------------------------- */

static const char *find(const char *head, size_t n, const char *what)
{
	size_t m = strlen(what), i;

	for (i = 0; i + m <= n; i++)
		if (memcmp(head + i, what, m) == 0)
			return head + i;
	return NULL;
}

/* A sniff, not a parse: the root's name and namespace both appear in the
 * first bytes of the XML; a zip's first entry's name appears in its first
 * local header, so a zip whose first entry is an HSCOrgRefData file says
 * so too. */
int pcreg__odsxml_looks_like(const char *head, size_t n)
{
	if (!head)
		return 0;
	if (n >= 4 && memcmp(head, "PK\003\004", 4) == 0) {
		const char *name = find(head, n < 512 ? n : 512, "HSCOrgRefData");

		return name && find(name, n - (size_t)(name - head), ".xml") != NULL;
	}
	return find(head, n, "OrgRefData") != NULL && find(head, n, "refdata.hscic.gov.uk/org/") != NULL;
}
