/*
 * paper.c: a Board paper as one HTML page.
 *
 * The page is built as a libxml2 HTML tree and serialised by libxml2, so
 * every name and number from the registry is escaped by the serialiser,
 * not by hand. Figures go in as <img> data URIs rather than inline <svg>:
 * cairo names its glyph definitions "glyph0-1" and so on in every SVG it
 * writes, and two inline figures in one document would use each other's
 * glyphs. cairo draws text as outlines anyway, so inline SVG would put no
 * more text in the page; the tables carry every number as text.
 */
#include <inttypes.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <nettle/base64.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "numfmt.h"
#include "paper.h"

static const char STYLE[] =
	":root{color:#1a1a1a;background:#fff;font-family:\"DejaVu Sans\",Verdana,sans-serif;"
	"line-height:1.4}\n"
	"body{max-width:76rem;margin:1.5rem auto;padding:0 1rem}\n"
	"h1{font-size:1.5rem;margin:0 0 .25rem}\n"
	"h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #0072b2}\n"
	".date{color:#444;margin:0 0 1rem}\n"
	".wide{overflow-x:auto}\n"
	"table{border-collapse:collapse;font-size:.78rem;margin:.25rem 0 1rem}\n"
	".wide table{width:100%}\n"
	"th,td{padding:.2rem .35rem;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}\n"
	"th{background:#eef3f8;vertical-align:bottom}\n"
	".n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.n{white-space:nowrap}\n"
	"tr.total td{font-weight:bold;border-top:2px solid #1a1a1a}\n"
	"figure{margin:0 0 1rem}\n"
	"figure img{display:block;max-width:100%;height:auto}\n"
	"figcaption{font-size:.8rem;color:#444}\n"
	"footer{margin-top:2rem;padding-top:.5rem;border-top:1px solid #999;font-size:.8rem;"
	"color:#333}\n"
	"footer table{font-size:.75rem}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
	"h2{break-after:avoid}table,figure,tr{break-inside:avoid}.wide{overflow:visible}"
	"table{font-size:7.5pt}th{background:none}}\n";

/* ---- the tree --------------------------------------------------------------------- */

struct page {
	htmlDocPtr doc;
	int failed; /* an allocation failed: the tree is incomplete */
};

/* A child element with text (escaped when written), or without (NULL). */
static xmlNodePtr el(struct page *p, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr node;

	if (!parent) {
		p->failed = 1;
		return NULL;
	}
	node = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
	if (!node)
		p->failed = 1;
	return node;
}

static void attr(struct page *p, xmlNodePtr node, const char *name, const char *value)
{
	if (!node || !xmlSetProp(node, BAD_CAST name, BAD_CAST value))
		p->failed = 1;
}

/* ---- tables ---------------------------------------------------------------------------- */

enum cell { C_TEXT, C_NUMBER };

struct column {
	const char *title;
	enum cell type;
};

struct table {
	struct page *page;
	xmlNodePtr table, row;
};

static struct table table_begin(struct page *p, xmlNodePtr parent, const struct column *cols,
                                int n)
{
	struct table t = { p, NULL, NULL };
	xmlNodePtr wide = el(p, parent, "div", NULL), head, tr;
	int i;

	attr(p, wide, "class", "wide");
	t.table = el(p, wide, "table", NULL);
	head = el(p, t.table, "thead", NULL);
	tr = el(p, head, "tr", NULL);
	for (i = 0; i < n; i++) {
		xmlNodePtr th = el(p, tr, "th", cols[i].title);

		attr(p, th, "scope", "col");
		if (cols[i].type == C_NUMBER)
			attr(p, th, "class", "n");
	}
	t.table = el(p, t.table, "tbody", NULL);
	return t;
}

static void row_begin(struct table *t, int total)
{
	t->row = el(t->page, t->table, "tr", NULL);
	if (total)
		attr(t->page, t->row, "class", "total");
}

static void cell_text(struct table *t, const char *text)
{
	el(t->page, t->row, "td", text ? text : "");
}

static void cell_number(struct table *t, const char *text)
{
	attr(t->page, el(t->page, t->row, "td", text), "class", "n");
}

static void cell_int(struct table *t, int64_t v)
{
	char buf[NUMFMT_SIZE];

	cell_number(t, numfmt_count(buf, sizeof buf, v));
}

static void cell_share(struct table *t, int32_t v)
{
	char buf[NUMFMT_SIZE];

	cell_number(t, numfmt_share(buf, sizeof buf, v));
}

static void cell_pence(struct table *t, int64_t v)
{
	char buf[NUMFMT_SIZE];

	cell_number(t, numfmt_pence(buf, sizeof buf, v));
}

static void cell_real(struct table *t, double v)
{
	char buf[NUMFMT_SIZE];

	cell_number(t, numfmt_real(buf, sizeof buf, v));
}

#define COLUMNS(a) a, (int)(sizeof a / sizeof a[0])

/* The columns, titles and number forms are those of `pcreg report` (cmd_report.c). */

static pcreg_status table_cqc(struct page *p, xmlNodePtr parent, pcreg_db *db,
                              const pcreg_report_options *opts)
{
	static const struct column cols[] = {
		{ "Code", C_TEXT },         { "Commissioner", C_TEXT },
		{ "Practices", C_NUMBER },  { "Published reports", C_NUMBER },
		{ "%", C_NUMBER },          { "Inadequate", C_NUMBER },
		{ "%", C_NUMBER },          { "Requires improvement", C_NUMBER },
		{ "%", C_NUMBER },          { "Good", C_NUMBER },
		{ "%", C_NUMBER },          { "Outstanding", C_NUMBER },
		{ "%", C_NUMBER },          { "Not inspected", C_NUMBER },
		{ "Uncertain", C_NUMBER },
	};
	struct table t = table_begin(p, parent, COLUMNS(cols));
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *r;
	pcreg_status st = pcreg_report_cqc(db, opts, &it);

	while (st == PCREG_OK && (st = pcreg_cqc_iter_next(it, &r)) == PCREG_OK) {
		row_begin(&t, pcreg_cqc_row_is_total(r));
		cell_text(&t, pcreg_cqc_row_commissioner(r));
		cell_text(&t, pcreg_cqc_row_is_total(r) ? "Total" : pcreg_cqc_row_name(r));
		cell_int(&t, pcreg_cqc_row_practices(r));
		cell_int(&t, pcreg_cqc_row_published(r));
		cell_share(&t, pcreg_cqc_row_published_share(r));
		cell_int(&t, pcreg_cqc_row_inadequate(r));
		cell_share(&t, pcreg_cqc_row_inadequate_share(r));
		cell_int(&t, pcreg_cqc_row_requires_improvement(r));
		cell_share(&t, pcreg_cqc_row_requires_improvement_share(r));
		cell_int(&t, pcreg_cqc_row_good(r));
		cell_share(&t, pcreg_cqc_row_good_share(r));
		cell_int(&t, pcreg_cqc_row_outstanding(r));
		cell_share(&t, pcreg_cqc_row_outstanding_share(r));
		cell_int(&t, pcreg_cqc_row_not_published(r));
		cell_int(&t, pcreg_cqc_row_uncertain(r));
	}
	pcreg_cqc_iter_free(it);
	return st;
}

static pcreg_status table_pms(struct page *p, xmlNodePtr parent, pcreg_db *db,
                              const pcreg_report_options *opts)
{
	static const struct column cols[] = {
		{ "Code", C_TEXT },
		{ "Commissioner", C_TEXT },
		{ "PMS practices", C_NUMBER },
		{ "of", C_NUMBER },
		{ "Total premium a year", C_NUMBER },
		{ "Min premium (per weighted patient)", C_NUMBER },
		{ "Max premium", C_NUMBER },
		{ "Uncertain", C_NUMBER },
	};
	struct table t = table_begin(p, parent, COLUMNS(cols));
	pcreg_pms_iter *it = NULL;
	const pcreg_pms_row *r;
	pcreg_status st = pcreg_report_pms(db, opts, &it);

	while (st == PCREG_OK && (st = pcreg_pms_iter_next(it, &r)) == PCREG_OK) {
		row_begin(&t, 0);
		cell_text(&t, pcreg_pms_row_commissioner(r));
		cell_text(&t, pcreg_pms_row_name(r));
		cell_int(&t, pcreg_pms_row_pms_practices(r));
		cell_int(&t, pcreg_pms_row_practices(r));
		if (pcreg_pms_row_has_total_premium(r))
			cell_pence(&t, pcreg_pms_row_total_premium(r));
		else
			cell_number(&t, "");
		if (pcreg_pms_row_has_premiums(r)) {
			cell_pence(&t, pcreg_pms_row_min_premium(r));
			cell_pence(&t, pcreg_pms_row_max_premium(r));
		} else {
			cell_number(&t, "");
			cell_number(&t, "");
		}
		cell_int(&t, pcreg_pms_row_uncertain(r));
	}
	pcreg_pms_iter_free(it);
	return st;
}

static pcreg_status table_commissioning(struct page *p, xmlNodePtr parent, pcreg_db *db,
                                        const pcreg_report_options *opts)
{
	static const struct column cols[] = {
		{ "Code", C_TEXT },      { "Region", C_TEXT },
		{ "Delegated", C_NUMBER }, { "Joint", C_NUMBER },
		{ "Greater involvement", C_NUMBER },
	};
	struct table t = table_begin(p, parent, COLUMNS(cols));
	pcreg_commissioning_iter *it = NULL;
	const pcreg_commissioning_row *r;
	pcreg_status st = pcreg_report_commissioning(db, opts, &it);

	while (st == PCREG_OK && (st = pcreg_commissioning_iter_next(it, &r)) == PCREG_OK) {
		row_begin(&t, pcreg_commissioning_row_is_total(r));
		cell_text(&t, pcreg_commissioning_row_region(r));
		cell_text(&t, pcreg_commissioning_row_is_total(r) ? "Total"
		                                                  : pcreg_commissioning_row_region_name(r));
		cell_int(&t, pcreg_commissioning_row_delegated(r));
		cell_int(&t, pcreg_commissioning_row_joint(r));
		cell_int(&t, pcreg_commissioning_row_greater_involvement(r));
	}
	pcreg_commissioning_iter_free(it);
	return st;
}

static pcreg_status table_networks(struct page *p, xmlNodePtr parent, pcreg_db *db,
                                   const pcreg_report_options *opts)
{
	static const struct column cols[] = {
		{ "Commissioner", C_TEXT },  { "Network", C_TEXT },
		{ "Name", C_TEXT },          { "Practices", C_NUMBER },
		{ "With list size", C_NUMBER }, { "Registered", C_NUMBER },
		{ "Weighted", C_NUMBER },    { "Range", C_TEXT },
		{ "Leads", C_TEXT },         { "Uncertain", C_NUMBER },
	};
	struct table t = table_begin(p, parent, COLUMNS(cols));
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	pcreg_status st = pcreg_report_networks(db, opts, &it);

	while (st == PCREG_OK && (st = pcreg_network_population_iter_next(it, &r)) == PCREG_OK) {
		int outside = pcreg_network_population_row_outside(r);

		row_begin(&t, 0);
		cell_text(&t, pcreg_network_population_row_commissioner(r));
		cell_text(&t, pcreg_network_population_row_network(r));
		cell_text(&t, pcreg_network_population_row_name(r));
		cell_int(&t, pcreg_network_population_row_practices(r));
		cell_int(&t, pcreg_network_population_row_practices_with_list_size(r));
		cell_int(&t, pcreg_network_population_row_registered(r));
		if (pcreg_network_population_row_has_weighted(r))
			cell_real(&t, pcreg_network_population_row_weighted(r));
		else
			cell_number(&t, "");
		/* With no list size to sum, the range says nothing (as in the CLI). */
		if (pcreg_network_population_row_practices_with_list_size(r) == 0)
			cell_text(&t, NULL);
		else
			cell_text(&t, outside < 0 ? "below" : outside > 0 ? "above" : "within");
		cell_text(&t, pcreg_network_population_row_leads(r));
		cell_int(&t, pcreg_network_population_row_uncertain(r));
	}
	pcreg_network_population_iter_free(it);
	return st;
}

static pcreg_status table_scheme(struct page *p, xmlNodePtr parent, pcreg_db *db,
                                 const pcreg_report_options *opts)
{
	static const struct column cols[] = {
		{ "Code", C_TEXT },         { "Commissioner", C_TEXT }, { "Service", C_TEXT },
		{ "Participating", C_NUMBER }, { "of", C_NUMBER },      { "%", C_NUMBER },
		{ "Uncertain", C_NUMBER },
	};
	struct table t = table_begin(p, parent, COLUMNS(cols));
	pcreg_scheme_iter *it = NULL;
	const pcreg_scheme_row *r;
	pcreg_status st = pcreg_report_scheme(db, opts, &it);

	while (st == PCREG_OK && (st = pcreg_scheme_iter_next(it, &r)) == PCREG_OK) {
		row_begin(&t, 0);
		cell_text(&t, pcreg_scheme_row_commissioner(r));
		cell_text(&t, pcreg_scheme_row_name(r));
		cell_text(&t, pcreg_scheme_row_service(r));
		cell_int(&t, pcreg_scheme_row_participating(r));
		cell_int(&t, pcreg_scheme_row_practices(r));
		cell_share(&t, pcreg_scheme_row_participating_share(r));
		cell_int(&t, pcreg_scheme_row_uncertain(r));
	}
	pcreg_scheme_iter_free(it);
	return st;
}

static const struct section {
	unsigned int kind;
	const char *name;    /* the report's name, and the section's id */
	const char *heading;
	const char *caption; /* the figure's, after "Figure: " */
	pcreg_status (*table)(struct page *p, xmlNodePtr parent, pcreg_db *db,
	                      const pcreg_report_options *opts);
} sections[] = {
	{ PAPER_CQC, "cqc", "CQC inspections",
	  "CQC ratings per commissioner. Each bar is all of a commissioner's practices; the "
	  "labels give each rating's count and its share of the published reports.",
	  table_cqc },
	{ PAPER_PMS, "pms", "PMS practices and premiums",
	  "The lowest to highest PMS premium per weighted patient of each commissioner's PMS "
	  "practices; left of zero is a negative premium.",
	  table_pms },
	{ PAPER_NETWORKS, "networks", "Networks and the patients they cover",
	  "Registered patients per network against the shaded population band; networks outside "
	  "it are drawn as triangles.",
	  table_networks },
	{ PAPER_COMMISSIONING, "commissioning", "Co-commissioning of general practice",
	  "Commissioners at each level of co-commissioning, per NHS England region.",
	  table_commissioning },
	{ PAPER_SCHEME, "scheme", "Participation in the local scheme",
	  "Practices taking part in the service, and not, per commissioner.", table_scheme },
};

unsigned int paper_kind_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof sections / sizeof sections[0]; i++)
		if (strcmp(sections[i].name, name) == 0)
			return sections[i].kind;
	return 0;
}

/* ---- the figure, as a data URI -------------------------------------------------------- */

static pcreg_status add_figure(struct page *p, xmlNodePtr parent, pcreg_db *db,
                               const struct section *s, const pcreg_report_options *opts,
                               char *err, size_t errlen)
{
	static const char prefix[] = "data:image/svg+xml;base64,";
	unsigned char *svg;
	size_t size;
	char *uri, *caption;
	xmlNodePtr figure, img;
	pcreg_status st = figure_render(db, s->name, opts, FIGURE_SVG, &svg, &size, err, errlen);

	if (st != PCREG_OK)
		return st;
	uri = malloc(sizeof prefix + BASE64_ENCODE_RAW_LENGTH(size));
	caption = malloc(strlen(s->caption) + sizeof "Figure: ");
	if (uri && caption) {
		memcpy(uri, prefix, sizeof prefix - 1);
		base64_encode_raw(uri + sizeof prefix - 1, size, svg);
		uri[sizeof prefix - 1 + BASE64_ENCODE_RAW_LENGTH(size)] = '\0';
		strcat(strcpy(caption, "Figure: "), s->caption);
		figure = el(p, parent, "figure", NULL);
		img = el(p, figure, "img", NULL);
		attr(p, img, "src", uri);
		/* The table before the figure gives its numbers as text. */
		attr(p, img, "alt", caption);
		el(p, figure, "figcaption", caption);
	} else {
		p->failed = 1;
	}
	free(uri);
	free(caption);
	free(svg);
	return PCREG_OK;
}

/* ---- the title and the footer -------------------------------------------------------- */

/* "A", "A and B", "A, B and C": the commissioners' names on the date. */
static pcreg_status place_name(pcreg_db *db, const struct paper_request *req, char **out)
{
	const char *codes = req->commissioner, *next;
	size_t cap = 1, len = 0;
	char *names = NULL;
	int count = 0, total = 0;
	const char *c;

	*out = NULL;
	if (!codes || !*codes) {
		*out = strdup("England");
		return *out ? PCREG_OK : PCREG_NOMEM;
	}
	for (c = codes; c; c = strchr(c, ','), c = c ? c + 1 : NULL)
		total++;
	for (c = codes; c; c = next) {
		char code[16];
		size_t n;
		pcreg_commissioner *comm = NULL;
		const char *name, *sep;
		pcreg_status st;
		char *grown;

		next = strchr(c, ',');
		n = next ? (size_t)(next - c) : strlen(c);
		if (next)
			next++;
		if (n == 0 || n >= sizeof code)
			continue;
		memcpy(code, c, n);
		code[n] = '\0';
		st = pcreg_commissioner_get_on(db, code, req->as_of, &comm);
		if (st < 0 && st != PCREG_NOTFOUND) {
			free(names);
			return st;
		}
		/* An unknown code is named by itself; the reports will say it has no rows. */
		name = st == PCREG_OK && pcreg_commissioner_name(comm) ? pcreg_commissioner_name(comm)
		                                                       : code;
		count++;
		sep = count == 1 ? "" : count == total ? " and " : ", ";
		cap = len + strlen(sep) + strlen(name) + 1;
		if (!(grown = realloc(names, cap))) {
			pcreg_commissioner_free(comm);
			free(names);
			return PCREG_NOMEM;
		}
		names = grown;
		len += (size_t)sprintf(names + len, "%s%s", sep, name);
		pcreg_commissioner_free(comm);
	}
	*out = names ? names : strdup(codes);
	return *out ? PCREG_OK : PCREG_NOMEM;
}

/* The releases the registry holds, each once, and the newest release date. */
static pcreg_status add_sources(struct page *p, xmlNodePtr footer, pcreg_db *db,
                                const struct paper_request *req)
{
	static const struct column cols[] = {
		{ "File", C_TEXT }, { "Kind", C_TEXT }, { "Released", C_TEXT }, { "Dated by", C_TEXT },
	};
	pcreg_import_entry_iter *it = NULL;
	const pcreg_import_entry *e;
	int64_t *seen = NULL;
	size_t n_seen = 0;
	char latest[11] = "", date[NUMFMT_SIZE], *text = NULL;
	xmlNodePtr said = el(p, footer, "p", NULL);
	struct table t;
	pcreg_status st;

	el(p, footer, "p", "The releases and files loaded into the registry:");
	t = table_begin(p, footer, COLUMNS(cols));
	st = pcreg_journal_imports(db, &it);
	while (st == PCREG_OK && (st = pcreg_import_entry_iter_next(it, &e)) == PCREG_OK) {
		int64_t release = pcreg_import_entry_release_id(e);
		const char *released = pcreg_import_entry_release_date(e);
		size_t i;
		int64_t *grown;

		/* Several imports of one file are one release; list it once. */
		for (i = 0; release && i < n_seen; i++)
			if (seen[i] == release)
				break;
		if (release && i < n_seen)
			continue;
		if (release) {
			if (!(grown = realloc(seen, (n_seen + 1) * sizeof *seen))) {
				st = PCREG_NOMEM;
				break;
			}
			seen = grown;
			seen[n_seen++] = release;
		}
		if (released && strlen(released) < sizeof latest && strcmp(released, latest) > 0)
			strcpy(latest, released);
		row_begin(&t, 0);
		cell_text(&t, pcreg_import_entry_file_name(e));
		cell_text(&t, pcreg_import_entry_kind(e));
		if (released && req->known_at && strcmp(released, req->known_at) > 0) {
			char *later = malloc(strlen(released) + sizeof " (later than the known-at date)");

			if (!later) {
				st = PCREG_NOMEM;
				break;
			}
			strcat(strcpy(later, released), " (later than the known-at date)");
			cell_text(&t, later);
			free(later);
		} else {
			/* CQC's ratings and the registry's own files carry no release date. */
			cell_text(&t, released ? released : "undated");
		}
		cell_text(&t, pcreg_import_entry_release_date_basis(e));
	}
	pcreg_import_entry_iter_free(it);
	free(seen);
	if (st != PCREG_DONE)
		return st;

	if (req->known_at) {
		static const char fmt[] =
			"As the registry knew it on %s: releases dated later are left out; "
			"hand-entered files, CQC ratings and list sizes count whatever their date.";

		numfmt_date(date, sizeof date, req->known_at);
		text = malloc(sizeof fmt + strlen(date));
		if (text)
			sprintf(text, fmt, date);
	} else if (*latest) {
		static const char fmt[] = "Everything loaded, the latest release dated %s.";

		numfmt_date(date, sizeof date, latest);
		text = malloc(sizeof fmt + strlen(date));
		if (text)
			sprintf(text, fmt, date);
	} else {
		text = strdup("Everything loaded; no release is dated.");
	}
	if (!text)
		return PCREG_NOMEM;
	if (said && !xmlNewTextChild(said, NULL, BAD_CAST "span", BAD_CAST text))
		p->failed = 1;
	free(text);
	return PCREG_OK;
}

/* ---- the page -------------------------------------------------------------------------- */

static pcreg_status build(struct page *p, pcreg_db *db, const struct paper_request *req,
                          unsigned int kinds, char *err, size_t errlen)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	xmlNodePtr html, head, body, header, meta, footer;
	char date[NUMFMT_SIZE], *place = NULL, *title;
	pcreg_status st;
	size_t i;

	numfmt_date(date, sizeof date, req->as_of);
	if ((st = place_name(db, req, &place)) != PCREG_OK) {
		snprintf(err, errlen, "%s", st == PCREG_NOMEM ? "out of memory" : pcreg_db_errmsg(db));
		return st;
	}
	title = malloc(strlen(place) + strlen(date) + sizeof "Primary care in , ");
	if (!title) {
		free(place);
		snprintf(err, errlen, "out of memory");
		return PCREG_NOMEM;
	}
	sprintf(title, "Primary care in %s, %s", place, date);
	free(place);

	html = xmlNewDocNode(p->doc, NULL, BAD_CAST "html", NULL);
	if (!html) {
		free(title);
		snprintf(err, errlen, "out of memory");
		return PCREG_NOMEM;
	}
	xmlDocSetRootElement(p->doc, html);
	attr(p, html, "lang", "en-GB");
	head = el(p, html, "head", NULL);
	meta = el(p, head, "meta", NULL);
	attr(p, meta, "charset", "utf-8");
	meta = el(p, head, "meta", NULL);
	attr(p, meta, "name", "viewport");
	attr(p, meta, "content", "width=device-width, initial-scale=1");
	el(p, head, "title", title);
	el(p, head, "style", STYLE);
	body = el(p, html, "body", NULL);
	header = el(p, body, "header", NULL);
	el(p, header, "h1", title);
	free(title);
	{
		char *as_of = malloc(sizeof "As of " + strlen(date));

		if (as_of)
			strcat(strcpy(as_of, "As of "), date);
		else
			p->failed = 1;
		attr(p, el(p, header, "p", as_of), "class", "date");
		free(as_of);
	}

	opts.on = req->as_of;
	opts.min_population = req->min_population;
	opts.max_population = req->max_population;
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		const struct section *s = &sections[i];
		xmlNodePtr section;

		if (!(kinds & s->kind))
			continue;
		opts.commissioner = s->kind == PAPER_COMMISSIONING ? req->regions : req->commissioner;
		opts.service = s->kind == PAPER_SCHEME ? req->service : NULL;
		section = el(p, body, "section", NULL);
		attr(p, section, "id", s->name);
		el(p, section, "h2", s->heading);
		st = s->table(p, section, db, &opts);
		if (st != PCREG_DONE) {
			snprintf(err, errlen, "%s report: %s", s->name,
			         st == PCREG_NOMEM ? "out of memory" : pcreg_db_errmsg(db));
			return st;
		}
		if ((st = add_figure(p, section, db, s, &opts, err, errlen)) != PCREG_OK)
			return st;
	}

	footer = el(p, body, "footer", NULL);
	if ((st = add_sources(p, footer, db, req)) != PCREG_OK) {
		snprintf(err, errlen, "listing the releases: %s",
		         st == PCREG_NOMEM ? "out of memory" : pcreg_db_errmsg(db));
		return st;
	}
	if (p->failed) {
		snprintf(err, errlen, "out of memory");
		return PCREG_NOMEM;
	}
	return PCREG_OK;
}

pcreg_status paper_write_html(pcreg_db *db, const struct paper_request *req, FILE *out,
                              char *err, size_t errlen)
{
	struct page p = { NULL, 0 };
	unsigned int kinds;
	xmlOutputBufferPtr buf;
	pcreg_status st;
	int written;

	if (!req || !req->as_of) {
		snprintf(err, errlen, "a paper needs its date");
		return PCREG_MISUSE;
	}
	kinds = req->kinds ? req->kinds
	                   : PAPER_CQC | PAPER_PMS | PAPER_NETWORKS | PAPER_COMMISSIONING |
	                             (req->service ? PAPER_SCHEME : 0u);
	if ((kinds & PAPER_SCHEME) && !req->service) {
		snprintf(err, errlen, "the scheme report needs a service");
		return PCREG_INVALID;
	}
	/* No DTD from libxml2: an HTML 4 one would put browsers in quirks mode. */
	if (!(p.doc = htmlNewDocNoDtD(NULL, NULL)) ||
	    !xmlCreateIntSubset(p.doc, BAD_CAST "html", NULL, NULL)) {
		xmlFreeDoc(p.doc);
		snprintf(err, errlen, "out of memory");
		return PCREG_NOMEM;
	}
	st = build(&p, db, req, kinds, err, errlen);
	if (st == PCREG_OK) {
		buf = xmlOutputBufferCreateFile(out, NULL);
		if (buf) {
			htmlDocContentDumpFormatOutput(buf, p.doc, "UTF-8", 1);
			written = xmlOutputBufferClose(buf);
		} else {
			written = -1;
		}
		if (written < 0 || fflush(out) != 0 || ferror(out)) {
			snprintf(err, errlen, "writing the page failed");
			st = PCREG_IO;
		}
	}
	xmlFreeDoc(p.doc);
	return st;
}
