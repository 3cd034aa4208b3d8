/*
 * figure.c: report figures drawn with cairo.
 *
 * Each report's rows become a chart (a title, a legend, one labelled bar
 * per row) of one of three shapes: stacked bars, ranges on an axis with
 * zero, or points against a shaded band. The chart is measured on a
 * scratch surface first, because an SVG surface must be given its size
 * before anything is drawn on it.
 *
 * Text uses cairo's "toy" font API: labels are short single lines of
 * Latin text that need no shaping, bidi or hyphenation, which is what
 * Pango would add (with GLib and HarfBuzz). The face comes from fontconfig.
 *
 * Colours are Okabe and Ito's palette, chosen to stay apart for readers
 * with any common colour-vision deficiency; every segment and marker is
 * also labelled or shaped, so colour is never the only cue.
 */
#include <cairo-svg.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "figure.h"
#include "numfmt.h"

/* ---- what is drawn ----------------------------------------------------------------- */

struct rgb {
	double r, g, b;
};

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Okabe and Ito's colours, and a pale blue for a band behind marks. */
#define VERMILLION 0xD55E00
#define ORANGE 0xE69F00
#define BLUISH_GREEN 0x009E73
#define BLUE 0x0072B2
#define SKY_BLUE 0x56B4E9
#define GREY 0xBBBBBB
#define PALE_BLUE 0xDCEBF5

static const struct rgb INK = RGB(0x1A1A1A), MUTED = RGB(0x555555), RULE = RGB(0x999999);

static const double FULL_TURN = 6.283185307179586; /* radians: cairo_arc's circle */

enum swatch { SWATCH_BOX, SWATCH_BAND, SWATCH_DOT, SWATCH_TRIANGLE, SWATCH_RANGE };

struct series {
	const char *name;
	struct rgb colour;
	enum swatch swatch;
};

enum shape {
	SHAPE_STACKED, /* segments side by side from zero */
	SHAPE_RANGE,   /* value[0]..value[1] on an axis that shows zero */
	SHAPE_POINTS   /* value[0] as a marker, against a band */
};

#define MAX_SEGMENTS 5

struct bar {
	char *label;                    /* left of the plot */
	char *note;                     /* right of the plot */
	double value[MAX_SEGMENTS];     /* see enum shape */
	char *text[MAX_SEGMENTS];       /* a segment's (a range end's) label, if it fits */
	char *short_text[MAX_SEGMENTS]; /* tried when text does not fit */
	int empty;                      /* nothing to draw; the note says why */
	int flag;                       /* points: -1 below the band, 1 above, 0 within */
	int gap_before;                 /* space before it: the totals row */
};

struct chart {
	char *title, *subtitle;
	enum shape shape;
	struct series series[MAX_SEGMENTS];
	int n_series;
	char *band_name; /* the networks' band, named from the options */
	int as_shares;   /* stacked: every bar spans the width (parts of a whole) */
	int money;       /* axis in pounds (values in pence) */
	double band_lo, band_hi;
	int has_band;
	struct bar *bars;
	size_t n_bars, cap_bars;
};

/* ---- small helpers ------------------------------------------------------------------- */

static char *format(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

static char *format(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void chart_free(struct chart *c)
{
	size_t i;
	int j;

	for (i = 0; i < c->n_bars; i++) {
		free(c->bars[i].label);
		free(c->bars[i].note);
		for (j = 0; j < MAX_SEGMENTS; j++) {
			free(c->bars[i].text[j]);
			free(c->bars[i].short_text[j]);
		}
	}
	free(c->bars);
	free(c->band_name);
	free(c->title);
	free(c->subtitle);
}

/* A new bar, zeroed; NULL when memory ran out. */
static struct bar *chart_add(struct chart *c)
{
	if (c->n_bars == c->cap_bars) {
		size_t cap = c->cap_bars ? c->cap_bars * 2 : 8;
		struct bar *bars = realloc(c->bars, cap * sizeof *bars);

		if (!bars)
			return NULL;
		c->bars = bars;
		c->cap_bars = cap;
	}
	memset(&c->bars[c->n_bars], 0, sizeof c->bars[0]);
	return &c->bars[c->n_bars++];
}

/* Every string a bar was given is non-NULL where it was asked for. */
static int bar_complete(const struct bar *b, int n_texts)
{
	int i;

	if (!b->label || !b->note)
		return 0;
	for (i = 0; i < n_texts; i++)
		if (!b->text[i] || !b->short_text[i])
			return 0;
	return 1;
}

static pcreg_status failed(pcreg_db *db, pcreg_status st, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s", st == PCREG_NOMEM ? "out of memory" : pcreg_db_errmsg(db));
	return st;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* ---- rows into charts ------------------------------------------------------------------ */

static pcreg_status read_cqc(pcreg_db *db, const pcreg_report_options *opts, struct chart *c)
{
	static const struct series series[] = {
		{ "Inadequate", RGB(VERMILLION), SWATCH_BOX },
		{ "Requires improvement", RGB(ORANGE), SWATCH_BOX },
		{ "Good", RGB(BLUISH_GREEN), SWATCH_BOX },
		{ "Outstanding", RGB(BLUE), SWATCH_BOX },
		{ "Not yet published", RGB(GREY), SWATCH_BOX },
	};
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *r;
	pcreg_status st = pcreg_report_cqc(db, opts, &it);
	char date[NUMFMT_SIZE];

	c->shape = SHAPE_STACKED;
	memcpy(c->series, series, sizeof series);
	c->n_series = MAX_SEGMENTS;
	c->as_shares = 1;
	c->title = format("CQC inspection outcomes, %s", numfmt_date(date, sizeof date, opts->on));
	c->subtitle = format("Each bar is all of a commissioner's practices. A rating's share is of "
	                     "the published reports, as in the table; not yet published is a share "
	                     "of all practices.");
	while (st == PCREG_OK && (st = pcreg_cqc_iter_next(it, &r)) == PCREG_OK) {
		struct bar *b = chart_add(c);
		int64_t counts[MAX_SEGMENTS];
		int32_t shares[MAX_SEGMENTS];
		char n[NUMFMT_SIZE], share[NUMFMT_SIZE];
		int i;

		if (!b) {
			st = PCREG_NOMEM;
			break;
		}
		counts[0] = pcreg_cqc_row_inadequate(r);
		shares[0] = pcreg_cqc_row_inadequate_share(r);
		counts[1] = pcreg_cqc_row_requires_improvement(r);
		shares[1] = pcreg_cqc_row_requires_improvement_share(r);
		counts[2] = pcreg_cqc_row_good(r);
		shares[2] = pcreg_cqc_row_good_share(r);
		counts[3] = pcreg_cqc_row_outstanding(r);
		shares[3] = pcreg_cqc_row_outstanding_share(r);
		counts[4] = pcreg_cqc_row_not_published(r);
		shares[4] = 10000 - pcreg_cqc_row_published_share(r);
		for (i = 0; i < MAX_SEGMENTS; i++) {
			b->value[i] = (double)counts[i];
			numfmt_count(n, sizeof n, counts[i]);
			numfmt_share(share, sizeof share, shares[i]);
			b->text[i] = format("%s (%s)", n, share);
			b->short_text[i] = format("%s", n);
		}
		b->gap_before = pcreg_cqc_row_is_total(r);
		b->label = pcreg_cqc_row_is_total(r)
		                   ? format("Total")
		                   : format("%s %s", or_empty(pcreg_cqc_row_commissioner(r)),
		                            or_empty(pcreg_cqc_row_name(r)));
		numfmt_count(n, sizeof n, pcreg_cqc_row_practices(r));
		numfmt_share(share, sizeof share, pcreg_cqc_row_published_share(r));
		b->note = pcreg_cqc_row_uncertain(r)
		                  ? format("%s practices, %s published; %" PRId64 " uncertain", n, share,
		                           pcreg_cqc_row_uncertain(r))
		                  : format("%s practices, %s published", n, share);
		b->empty = pcreg_cqc_row_practices(r) == 0;
		if (!bar_complete(b, MAX_SEGMENTS))
			st = PCREG_NOMEM;
	}
	pcreg_cqc_iter_free(it);
	return st;
}

static pcreg_status read_pms(pcreg_db *db, const pcreg_report_options *opts, struct chart *c)
{
	static const struct series series[] = {
		{ "Lowest to highest premium per weighted patient", RGB(BLUE), SWATCH_RANGE },
	};
	pcreg_pms_iter *it = NULL;
	const pcreg_pms_row *r;
	pcreg_status st = pcreg_report_pms(db, opts, &it);
	char date[NUMFMT_SIZE];

	c->shape = SHAPE_RANGE;
	memcpy(c->series, series, sizeof series);
	c->n_series = 1;
	c->money = 1;
	c->title = format("PMS premium per weighted patient, %s", numfmt_date(date, sizeof date, opts->on));
	c->subtitle = format("The range of premiums among each commissioner's PMS practices; left of "
	                     "zero is a negative premium.");
	while (st == PCREG_OK && (st = pcreg_pms_iter_next(it, &r)) == PCREG_OK) {
		struct bar *b = chart_add(c);
		char pms[NUMFMT_SIZE], all[NUMFMT_SIZE];
		int i;

		if (!b) {
			st = PCREG_NOMEM;
			break;
		}
		b->label = format("%s %s", or_empty(pcreg_pms_row_commissioner(r)),
		                  or_empty(pcreg_pms_row_name(r)));
		numfmt_count(pms, sizeof pms, pcreg_pms_row_pms_practices(r));
		numfmt_count(all, sizeof all, pcreg_pms_row_practices(r));
		b->empty = !pcreg_pms_row_has_premiums(r);
		b->note = format("%s of %s practices PMS%s", pms, all,
		                 b->empty ? "; no premiums recorded" : "");
		b->value[0] = (double)pcreg_pms_row_min_premium(r);
		b->value[1] = (double)pcreg_pms_row_max_premium(r);
		for (i = 0; i < 2; i++) {
			char money[NUMFMT_SIZE];

			numfmt_pence(money, sizeof money, (int64_t)b->value[i]);
			b->text[i] = format("%s", money);
			b->short_text[i] = format("%s", money);
		}
		if (!bar_complete(b, 2))
			st = PCREG_NOMEM;
	}
	pcreg_pms_iter_free(it);
	return st;
}

static pcreg_status read_networks(pcreg_db *db, const pcreg_report_options *opts, struct chart *c)
{
	static const struct series series[] = {
		{ "", RGB(PALE_BLUE), SWATCH_BAND },
		{ "Within", RGB(BLUE), SWATCH_DOT },
		{ "Outside (below or above)", RGB(VERMILLION), SWATCH_TRIANGLE },
	};
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	pcreg_status st = pcreg_report_networks(db, opts, &it);
	char date[NUMFMT_SIZE], lo[NUMFMT_SIZE], hi[NUMFMT_SIZE];

	numfmt_count(lo, sizeof lo, opts->min_population);
	numfmt_count(hi, sizeof hi, opts->max_population);
	c->shape = SHAPE_POINTS;
	memcpy(c->series, series, sizeof series);
	c->n_series = 3;
	if (!(c->band_name = format("%s to %s patients", lo, hi))) {
		pcreg_network_population_iter_free(it);
		return PCREG_NOMEM;
	}
	c->series[0].name = c->band_name;
	c->has_band = 1;
	c->band_lo = opts->min_population;
	c->band_hi = opts->max_population;
	c->title = format("Registered patients per network, %s", numfmt_date(date, sizeof date, opts->on));
	c->subtitle = format("Each network's member practices' latest list sizes on the date, summed, "
	                     "against the band of %s.", c->band_name);
	while (st == PCREG_OK && (st = pcreg_network_population_iter_next(it, &r)) == PCREG_OK) {
		struct bar *b = chart_add(c);
		char n[NUMFMT_SIZE];
		int64_t with_size = pcreg_network_population_row_practices_with_list_size(r);
		int64_t practices = pcreg_network_population_row_practices(r);
		int outside = pcreg_network_population_row_outside(r);

		if (!b) {
			st = PCREG_NOMEM;
			break;
		}
		b->label = format("%s %s", or_empty(pcreg_network_population_row_commissioner(r)),
		                  or_empty(pcreg_network_population_row_name(r)));
		b->empty = with_size == 0;
		b->flag = outside;
		b->value[0] = (double)pcreg_network_population_row_registered(r);
		numfmt_count(n, sizeof n, pcreg_network_population_row_registered(r));
		b->text[0] = format("%s", n);
		b->short_text[0] = format("%s", n);
		if (b->empty)
			b->note = format("%" PRId64 " practice%s, no list size yet", practices,
			                 practices == 1 ? "" : "s");
		else if (with_size < practices)
			b->note = format("%s; %" PRId64 " of %" PRId64 " practices counted",
			                 outside < 0 ? "below" : outside > 0 ? "above" : "within",
			                 with_size, practices);
		else
			b->note = format("%s; %" PRId64 " practice%s",
			                 outside < 0 ? "below" : outside > 0 ? "above" : "within", practices,
			                 practices == 1 ? "" : "s");
		if (!bar_complete(b, 1))
			st = PCREG_NOMEM;
	}
	pcreg_network_population_iter_free(it);
	return st;
}

static pcreg_status read_commissioning(pcreg_db *db, const pcreg_report_options *opts,
                                       struct chart *c)
{
	static const struct series series[] = {
		{ "Delegated", RGB(BLUE), SWATCH_BOX },
		{ "Joint", RGB(SKY_BLUE), SWATCH_BOX },
		{ "Greater involvement", RGB(ORANGE), SWATCH_BOX },
	};
	pcreg_commissioning_iter *it = NULL;
	const pcreg_commissioning_row *r;
	pcreg_status st = pcreg_report_commissioning(db, opts, &it);
	char date[NUMFMT_SIZE];

	c->shape = SHAPE_STACKED;
	memcpy(c->series, series, sizeof series);
	c->n_series = 3;
	c->title = format("Co-commissioning of general practice per region, %s",
	                  numfmt_date(date, sizeof date, opts->on));
	c->subtitle = format("Commissioners at each level; the bars share one scale.");
	while (st == PCREG_OK && (st = pcreg_commissioning_iter_next(it, &r)) == PCREG_OK) {
		int64_t counts[3];
		struct bar *b;
		int i;

		counts[0] = pcreg_commissioning_row_delegated(r);
		counts[1] = pcreg_commissioning_row_joint(r);
		counts[2] = pcreg_commissioning_row_greater_involvement(r);
		if (pcreg_commissioning_row_is_total(r)) {
			/* Drawn to the regions' scale the total would flatten them, so it
			 * is said in words. */
			char *subtitle = format("%s All regions: %" PRId64 " delegated, %" PRId64
			                        " joint, %" PRId64 " greater involvement.",
			                        or_empty(c->subtitle), counts[0], counts[1], counts[2]);

			if (!subtitle) {
				st = PCREG_NOMEM;
				break;
			}
			free(c->subtitle);
			c->subtitle = subtitle;
			continue;
		}
		if (!(b = chart_add(c))) {
			st = PCREG_NOMEM;
			break;
		}
		b->label = pcreg_commissioning_row_region(r)
		                   ? format("%s %s", pcreg_commissioning_row_region(r),
		                            or_empty(pcreg_commissioning_row_region_name(r)))
		                   : format("No region");
		for (i = 0; i < 3; i++) {
			b->value[i] = (double)counts[i];
			b->text[i] = format("%" PRId64, counts[i]);
			b->short_text[i] = format("%" PRId64, counts[i]);
		}
		b->note = format("%" PRId64 " commissioners", counts[0] + counts[1] + counts[2]);
		b->empty = counts[0] + counts[1] + counts[2] == 0;
		if (!bar_complete(b, 3))
			st = PCREG_NOMEM;
	}
	pcreg_commissioning_iter_free(it);
	return st;
}

static pcreg_status read_scheme(pcreg_db *db, const pcreg_report_options *opts, struct chart *c)
{
	static const struct series series[] = {
		{ "Taking part", RGB(BLUISH_GREEN), SWATCH_BOX },
		{ "Not taking part", RGB(GREY), SWATCH_BOX },
	};
	pcreg_scheme_iter *it = NULL;
	const pcreg_scheme_row *r;
	pcreg_status st = pcreg_report_scheme(db, opts, &it);
	char date[NUMFMT_SIZE];

	c->shape = SHAPE_STACKED;
	memcpy(c->series, series, sizeof series);
	c->n_series = 2;
	c->as_shares = 1;
	c->title = format("Practices taking part in %s, %s", or_empty(opts->service),
	                  numfmt_date(date, sizeof date, opts->on));
	c->subtitle = format("Each bar is all of a commissioner's practices.");
	while (st == PCREG_OK && (st = pcreg_scheme_iter_next(it, &r)) == PCREG_OK) {
		struct bar *b = chart_add(c);
		int64_t in = pcreg_scheme_row_participating(r), all = pcreg_scheme_row_practices(r);
		char n[NUMFMT_SIZE], of[NUMFMT_SIZE], share[NUMFMT_SIZE];
		int i;

		if (!b) {
			st = PCREG_NOMEM;
			break;
		}
		b->label = format("%s %s", or_empty(pcreg_scheme_row_commissioner(r)),
		                  or_empty(pcreg_scheme_row_name(r)));
		b->value[0] = (double)in;
		b->value[1] = (double)(all - in);
		for (i = 0; i < 2; i++) {
			numfmt_count(n, sizeof n, (int64_t)b->value[i]);
			b->text[i] = format("%s", n);
			b->short_text[i] = format("%s", n);
		}
		numfmt_count(n, sizeof n, in);
		numfmt_count(of, sizeof of, all);
		numfmt_share(share, sizeof share, pcreg_scheme_row_participating_share(r));
		b->note = pcreg_scheme_row_uncertain(r)
		                  ? format("%s of %s (%s); %" PRId64 " uncertain", n, of, share,
		                           pcreg_scheme_row_uncertain(r))
		                  : format("%s of %s (%s)", n, of, share);
		b->empty = all == 0;
		if (!bar_complete(b, 2))
			st = PCREG_NOMEM;
	}
	pcreg_scheme_iter_free(it);
	return st;
}

static const struct {
	const char *kind;
	pcreg_status (*read)(pcreg_db *db, const pcreg_report_options *opts, struct chart *c);
} readers[] = {
	{ "cqc", read_cqc },
	{ "pms", read_pms },
	{ "commissioning", read_commissioning },
	{ "networks", read_networks },
	{ "scheme", read_scheme },
};

int figure_kind_exists(const char *kind)
{
	size_t i;

	for (i = 0; kind && i < sizeof readers / sizeof readers[0]; i++)
		if (strcmp(readers[i].kind, kind) == 0)
			return 1;
	return 0;
}

/* ---- layout ------------------------------------------------------------------------ */

enum {
	WIDTH = 760,
	MARGIN = 16,
	TITLE_SIZE = 17,
	TEXT_SIZE = 12,
	SMALL_SIZE = 11,
	ROW_HEIGHT = 30,
	BAR_HEIGHT = 18,
	GAP = 10,
	AXIS_HEIGHT = 28,
	LABEL_MAX = 250,
	NOTE_MAX = 230
};

struct layout {
	double height;
	double label_w, note_w;
	double plot_x, plot_w; /* where values are drawn, inside any padding for end labels */
	double lo, hi, step;   /* the axis */
	double title_h, subtitle_h, legend_h;
	int axis;              /* draw ticks */
};

/* Unhinted metrics scale with the surface, so text measured on the
 * scratch surface has the width it will have on the SVG or the twice-size
 * PNG, and lines wrap and fit the same in both. */
static cairo_t *context(cairo_surface_t *surface)
{
	cairo_t *cr = cairo_create(surface);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
	return cr;
}

static void set_font(cairo_t *cr, double size, int bold)
{
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

static double text_width(cairo_t *cr, const char *text)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, text, &e);
	return e.x_advance;
}

static void set_colour(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Draw text with its left end at x and its baseline at y, cut short with
 * an ellipsis (at a UTF-8 character boundary) to fit max_w. */
static void draw_text_fitted(cairo_t *cr, const char *text, double x, double y, double max_w)
{
	size_t n = strlen(text);
	char *cut;

	if (text_width(cr, text) <= max_w || !(cut = malloc(n + 4))) {
		cairo_move_to(cr, x, y);
		cairo_show_text(cr, text);
		return;
	}
	memcpy(cut, text, n + 1);
	while (n > 0) {
		do
			n--;
		while (n > 0 && ((unsigned char)cut[n] & 0xC0) == 0x80);
		memcpy(cut + n, "\xe2\x80\xa6", 4);
		if (text_width(cr, cut) <= max_w)
			break;
	}
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, cut);
	free(cut);
}

/* Text broken into lines at spaces to fit width, first baseline at y;
 * draws only if draw, and returns the number of lines. */
static int wrap(cairo_t *cr, const char *text, double x, double y, double width, double line_h,
                int draw)
{
	size_t n = strlen(text), start = 0;
	char *line = malloc(n + 1);
	int lines = 0;

	if (!line)
		return 1;
	while (start < n) {
		size_t end = start, fit = 0;

		/* The longest run of whole words from start that fits (at least one). */
		while (end < n) {
			size_t next = end;

			while (next < n && text[next] == ' ')
				next++;
			while (next < n && text[next] != ' ')
				next++;
			memcpy(line, text + start, next - start);
			line[next - start] = '\0';
			if (fit && text_width(cr, line) > width)
				break;
			fit = next;
			end = next;
		}
		memcpy(line, text + start, fit - start);
		line[fit - start] = '\0';
		if (draw) {
			cairo_move_to(cr, x, y + lines * line_h);
			cairo_show_text(cr, line);
		}
		lines++;
		start = fit;
		while (start < n && text[start] == ' ')
			start++;
	}
	free(line);
	return lines ? lines : 1;
}

/* Legend entries laid out left to right, wrapping; returns its height. */
static double legend(cairo_t *cr, const struct chart *c, double y, int draw)
{
	double x = MARGIN, line = 0;
	int i;

	set_font(cr, SMALL_SIZE, 0);
	for (i = 0; i < c->n_series; i++) {
		const struct series *s = &c->series[i];
		double w = 14 + 6 + text_width(cr, s->name) + 18;

		if (x + w > WIDTH - MARGIN && x > MARGIN) {
			x = MARGIN;
			line++;
		}
		if (draw) {
			double top = y + line * 20;

			set_colour(cr, s->colour);
			switch (s->swatch) {
			case SWATCH_BOX:
			case SWATCH_BAND:
				cairo_rectangle(cr, x, top + 1, 14, 12);
				cairo_fill(cr);
				break;
			case SWATCH_RANGE:
				cairo_rectangle(cr, x, top + 4, 14, 6);
				cairo_fill(cr);
				break;
			case SWATCH_DOT:
				cairo_arc(cr, x + 7, top + 7, 5, 0, FULL_TURN);
				cairo_fill(cr);
				break;
			case SWATCH_TRIANGLE:
				cairo_move_to(cr, x + 7, top + 1);
				cairo_line_to(cr, x + 13, top + 12);
				cairo_line_to(cr, x + 1, top + 12);
				cairo_close_path(cr);
				cairo_fill(cr);
				break;
			}
			set_colour(cr, INK);
			cairo_move_to(cr, x + 20, top + 11);
			cairo_show_text(cr, s->name);
		}
		x += w;
	}
	return c->n_series ? (line + 1) * 20 : 0;
}

/* A round step (1, 2 or 5 times a power of ten) giving about five ticks. */
static double nice_step(double span)
{
	double raw = span / 5, power, f;

	if (!(raw > 0))
		return 1;
	power = pow(10, floor(log10(raw)));
	f = raw / power;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

static void tick_text(const struct chart *c, double v, double step, char *buf, size_t size)
{
	if (c->as_shares) {
		snprintf(buf, size, "%.0f%%", v);
	} else if (c->money) {
		numfmt_pence(buf, size, (int64_t)llround(v));
		/* Whole pounds need no pence: "£10", not "£10.00". */
		if (step >= 100)
			buf[strlen(buf) - 3] = '\0';
	} else
		numfmt_count(buf, size, (int64_t)llround(v));
}

static void measure(cairo_t *cr, const struct chart *c, struct layout *l)
{
	double pad_l = 0, pad_r = 0, vmin = 0, vmax = 0;
	size_t i;
	int j, gaps = 0;

	memset(l, 0, sizeof *l);
	set_font(cr, TITLE_SIZE, 1);
	l->title_h = wrap(cr, c->title, 0, 0, WIDTH - 2 * MARGIN, TITLE_SIZE + 5, 0) * (TITLE_SIZE + 5);
	set_font(cr, TEXT_SIZE, 0);
	l->subtitle_h = wrap(cr, c->subtitle, 0, 0, WIDTH - 2 * MARGIN, TEXT_SIZE + 4, 0) *
	                (TEXT_SIZE + 4);
	l->legend_h = legend(cr, c, 0, 0);
	for (i = 0; i < c->n_bars; i++) {
		const struct bar *b = &c->bars[i];
		double total = 0;

		set_font(cr, TEXT_SIZE, b->gap_before);
		l->label_w = fmax(l->label_w, fmin(LABEL_MAX, text_width(cr, b->label)));
		set_font(cr, SMALL_SIZE, 0);
		l->note_w = fmax(l->note_w, fmin(NOTE_MAX, text_width(cr, b->note)));
		gaps += b->gap_before;
		if (b->empty)
			continue;
		switch (c->shape) {
		case SHAPE_STACKED:
			for (j = 0; j < c->n_series; j++)
				total += b->value[j];
			vmax = fmax(vmax, total);
			break;
		case SHAPE_RANGE:
			vmin = fmin(vmin, b->value[0]);
			vmax = fmax(vmax, b->value[1]);
			pad_l = fmax(pad_l, text_width(cr, b->text[0]) + 8);
			pad_r = fmax(pad_r, text_width(cr, b->text[1]) + 8);
			break;
		case SHAPE_POINTS:
			vmax = fmax(vmax, b->value[0]);
			pad_r = fmax(pad_r, text_width(cr, b->text[0]) + 12);
			break;
		}
	}
	if (c->has_band)
		vmax = fmax(vmax, c->band_hi * 1.1);
	l->plot_x = MARGIN + l->label_w + GAP + pad_l;
	l->plot_w = WIDTH - MARGIN - l->note_w - GAP - pad_r - l->plot_x;
	if (c->as_shares) {
		l->lo = 0;
		l->hi = 100;
		l->step = 25;
	} else {
		l->step = nice_step(vmax - vmin);
		l->lo = floor(vmin / l->step) * l->step;
		l->hi = fmax(ceil(vmax / l->step) * l->step, l->lo + l->step);
	}
	l->axis = c->n_bars > 0;
	l->height = MARGIN + l->title_h + l->subtitle_h + 6 + l->legend_h + 8 +
	            (double)c->n_bars * ROW_HEIGHT + gaps * GAP + (l->axis ? AXIS_HEIGHT : ROW_HEIGHT) +
	            MARGIN;
}

static double x_of(const struct layout *l, double v)
{
	return l->plot_x + (v - l->lo) / (l->hi - l->lo) * l->plot_w;
}

/* Black or white, whichever contrasts more with the fill (WCAG's relative
 * luminance; 0.179 is where the two contrasts are equal). */
static struct rgb ink_on(struct rgb fill)
{
	double c[3] = { fill.r, fill.g, fill.b }, lum;
	static const struct rgb black = { 0, 0, 0 }, white = { 1, 1, 1 };
	int i;

	for (i = 0; i < 3; i++)
		c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow((c[i] + 0.055) / 1.055, 2.4);
	lum = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	return lum > 0.179 ? black : white;
}

static void draw_axis(cairo_t *cr, const struct chart *c, const struct layout *l, double top,
                      double bottom)
{
	double v;
	char tick[NUMFMT_SIZE];

	set_font(cr, SMALL_SIZE, 0);
	cairo_set_line_width(cr, 1);
	for (v = l->lo; v <= l->hi + l->step / 2; v += l->step) {
		double x = floor(x_of(l, v)) + 0.5;

		set_colour(cr, v == 0 && l->lo < 0 ? INK : RULE);
		cairo_move_to(cr, x, top);
		cairo_line_to(cr, x, bottom + 4);
		if (v != 0 || l->lo >= 0)
			cairo_set_dash(cr, (const double[]){ 2, 3 }, 2, 0);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		tick_text(c, v, l->step, tick, sizeof tick);
		set_colour(cr, MUTED);
		cairo_move_to(cr, x - text_width(cr, tick) / 2, bottom + 16);
		cairo_show_text(cr, tick);
	}
}

static void draw_stacked(cairo_t *cr, const struct chart *c, const struct layout *l,
                         const struct bar *b, double top)
{
	double total = 0, x = l->plot_x, scale;
	int j;

	for (j = 0; j < c->n_series; j++)
		total += b->value[j];
	scale = c->as_shares ? l->plot_w / total : l->plot_w / (l->hi - l->lo);
	set_font(cr, SMALL_SIZE, 0);
	for (j = 0; j < c->n_series; j++) {
		double w = b->value[j] * scale;
		const char *text;

		if (w <= 0)
			continue;
		set_colour(cr, c->series[j].colour);
		cairo_rectangle(cr, x, top, w, BAR_HEIGHT);
		cairo_fill(cr);
		/* A white edge keeps neighbouring segments apart in greyscale. */
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, x + w, top);
		cairo_line_to(cr, x + w, top + BAR_HEIGHT);
		cairo_stroke(cr);
		text = text_width(cr, b->text[j]) + 8 <= w ? b->text[j]
		       : text_width(cr, b->short_text[j]) + 6 <= w ? b->short_text[j]
		                                                   : NULL;
		if (text) {
			set_colour(cr, ink_on(c->series[j].colour));
			cairo_move_to(cr, x + (w - text_width(cr, text)) / 2, top + BAR_HEIGHT / 2 + 4);
			cairo_show_text(cr, text);
		}
		x += w;
	}
}

static void draw_range(cairo_t *cr, const struct chart *c, const struct layout *l,
                       const struct bar *b, double top)
{
	double x0 = x_of(l, b->value[0]), x1 = x_of(l, b->value[1]), mid = top + BAR_HEIGHT / 2.0;

	set_colour(cr, c->series[0].colour);
	cairo_rectangle(cr, x0, mid - 4, fmax(x1 - x0, 0), 8);
	cairo_fill(cr);
	cairo_set_line_width(cr, 2);
	cairo_move_to(cr, x0, top + 2);
	cairo_line_to(cr, x0, top + BAR_HEIGHT - 2);
	cairo_move_to(cr, x1, top + 2);
	cairo_line_to(cr, x1, top + BAR_HEIGHT - 2);
	cairo_stroke(cr);
	set_font(cr, SMALL_SIZE, 0);
	set_colour(cr, INK);
	cairo_move_to(cr, x0 - 5 - text_width(cr, b->text[0]), mid + 4);
	cairo_show_text(cr, b->text[0]);
	cairo_move_to(cr, x1 + 5, mid + 4);
	cairo_show_text(cr, b->text[1]);
}

static void draw_point(cairo_t *cr, const struct chart *c, const struct layout *l,
                       const struct bar *b, double top)
{
	double x = x_of(l, b->value[0]), mid = top + BAR_HEIGHT / 2.0;
	const struct series *s = &c->series[b->flag ? 2 : 1];

	set_colour(cr, RULE);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, x_of(l, 0), mid + 0.5);
	cairo_line_to(cr, x, mid + 0.5);
	cairo_stroke(cr);
	set_colour(cr, s->colour);
	if (s->swatch == SWATCH_TRIANGLE) {
		cairo_move_to(cr, x, mid - 7);
		cairo_line_to(cr, x + 7, mid + 6);
		cairo_line_to(cr, x - 7, mid + 6);
		cairo_close_path(cr);
	} else {
		cairo_arc(cr, x, mid, 5.5, 0, FULL_TURN);
	}
	cairo_fill(cr);
	set_font(cr, SMALL_SIZE, 0);
	set_colour(cr, INK);
	cairo_move_to(cr, x + 10, mid + 4);
	cairo_show_text(cr, b->text[0]);
}

static void draw(cairo_t *cr, const struct chart *c, const struct layout *l)
{
	double y = MARGIN, rows_top, rows_bottom;
	size_t i;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	set_colour(cr, INK);
	set_font(cr, TITLE_SIZE, 1);
	wrap(cr, c->title, MARGIN, y + TITLE_SIZE, WIDTH - 2 * MARGIN, TITLE_SIZE + 5, 1);
	y += l->title_h;
	set_colour(cr, MUTED);
	set_font(cr, TEXT_SIZE, 0);
	wrap(cr, c->subtitle, MARGIN, y + TEXT_SIZE, WIDTH - 2 * MARGIN, TEXT_SIZE + 4, 1);
	y += l->subtitle_h + 6;
	legend(cr, c, y, 1);
	y += l->legend_h + 8;

	rows_top = y;
	rows_bottom = y;
	for (i = 0; i < c->n_bars; i++)
		rows_bottom += ROW_HEIGHT + c->bars[i].gap_before * GAP;
	if (c->has_band) {
		set_colour(cr, c->series[0].colour);
		cairo_rectangle(cr, x_of(l, c->band_lo), rows_top, x_of(l, c->band_hi) - x_of(l, c->band_lo),
		                rows_bottom - rows_top);
		cairo_fill(cr);
	}
	if (l->axis)
		draw_axis(cr, c, l, rows_top, rows_bottom);
	else {
		set_colour(cr, MUTED);
		set_font(cr, TEXT_SIZE, 0);
		cairo_move_to(cr, MARGIN, y + 18);
		cairo_show_text(cr, "No rows for this date and selection.");
	}

	for (i = 0; i < c->n_bars; i++) {
		const struct bar *b = &c->bars[i];
		double top;

		y += b->gap_before * GAP;
		top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
		set_colour(cr, INK);
		set_font(cr, TEXT_SIZE, b->gap_before);
		draw_text_fitted(cr, b->label, MARGIN, top + BAR_HEIGHT / 2 + 4, LABEL_MAX);
		set_colour(cr, MUTED);
		set_font(cr, SMALL_SIZE, 0);
		draw_text_fitted(cr, b->note, WIDTH - MARGIN - l->note_w, top + BAR_HEIGHT / 2 + 4,
		                 NOTE_MAX);
		if (!b->empty) {
			switch (c->shape) {
			case SHAPE_STACKED:
				draw_stacked(cr, c, l, b, top);
				break;
			case SHAPE_RANGE:
				draw_range(cr, c, l, b, top);
				break;
			case SHAPE_POINTS:
				draw_point(cr, c, l, b, top);
				break;
			}
		}
		y += ROW_HEIGHT;
	}
}

/* ---- surfaces ------------------------------------------------------------------------ */

struct buffer {
	unsigned char *data;
	size_t size, cap;
	int failed;
};

static cairo_status_t to_buffer(void *closure, const unsigned char *data, unsigned int length)
{
	struct buffer *buf = closure;

	if (buf->size + length > buf->cap) {
		size_t cap = buf->cap ? buf->cap : 16384;
		unsigned char *p;

		while (cap < buf->size + length)
			cap *= 2;
		if (!(p = realloc(buf->data, cap))) {
			buf->failed = 1;
			return CAIRO_STATUS_NO_MEMORY;
		}
		buf->data = p;
		buf->cap = cap;
	}
	memcpy(buf->data + buf->size, data, length);
	buf->size += length;
	return CAIRO_STATUS_SUCCESS;
}

static pcreg_status draw_chart(const struct chart *c, enum figure_format format,
                               struct buffer *buf, char *err, size_t errlen)
{
	cairo_surface_t *scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1), *surface;
	cairo_t *cr = context(scratch);
	cairo_status_t cs;
	struct layout l;

	measure(cr, c, &l);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);

	if (format == FIGURE_SVG) {
		surface = cairo_svg_surface_create_for_stream(to_buffer, buf, WIDTH, ceil(l.height));
		/* Pixels, so that a page lays the figure out at the size it was drawn. */
		cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
	} else {
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 2 * WIDTH,
		                                     2 * (int)ceil(l.height));
		cairo_surface_set_device_scale(surface, 2, 2);
	}
	cr = context(surface);
	draw(cr, c, &l);
	cs = cairo_status(cr);
	cairo_destroy(cr);
	if (cs == CAIRO_STATUS_SUCCESS && format == FIGURE_PNG)
		cs = cairo_surface_write_to_png_stream(surface, to_buffer, buf);
	cairo_surface_finish(surface);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (cs != CAIRO_STATUS_SUCCESS || buf->failed) {
		snprintf(err, errlen, "drawing the figure: %s",
		         buf->failed ? "out of memory" : cairo_status_to_string(cs));
		return buf->failed || cs == CAIRO_STATUS_NO_MEMORY ? PCREG_NOMEM : PCREG_ERROR;
	}
	return PCREG_OK;
}

pcreg_status figure_render(pcreg_db *db, const char *kind, const pcreg_report_options *opts,
                           enum figure_format format, unsigned char **data, size_t *size,
                           char *err, size_t errlen)
{
	struct chart c;
	struct buffer buf = { NULL, 0, 0, 0 };
	pcreg_status st = PCREG_INVALID;
	size_t i;

	*data = NULL;
	*size = 0;
	memset(&c, 0, sizeof c);
	if (!opts || !opts->on) {
		snprintf(err, errlen, "a figure needs the report's date");
		return PCREG_MISUSE;
	}
	if (kind && strcmp(kind, "scheme") == 0 && !opts->service) {
		snprintf(err, errlen, "the scheme figure needs a service");
		return PCREG_INVALID;
	}
	for (i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (kind && strcmp(readers[i].kind, kind) == 0)
			st = readers[i].read(db, opts, &c);
	if (st == PCREG_INVALID && !figure_kind_exists(kind)) {
		snprintf(err, errlen, "no figure for a report called \"%s\" (cqc, pms, commissioning, "
		                      "networks or scheme)", kind ? kind : "");
		return st;
	}
	if (st == PCREG_DONE && (!c.title || !c.subtitle))
		st = PCREG_NOMEM;
	if (st != PCREG_DONE)
		st = failed(db, st, err, errlen);
	else
		st = draw_chart(&c, format, &buf, err, errlen);
	chart_free(&c);
	if (st != PCREG_OK) {
		free(buf.data);
		return st;
	}
	*data = buf.data;
	*size = buf.size;
	return PCREG_OK;
}

pcreg_status figure_write(pcreg_db *db, const char *kind, const pcreg_report_options *opts,
                          enum figure_format format, FILE *out, char *err, size_t errlen)
{
	unsigned char *data;
	size_t size;
	pcreg_status st = figure_render(db, kind, opts, format, &data, &size, err, errlen);

	if (st != PCREG_OK)
		return st;
	if (fwrite(data, 1, size, out) != size || fflush(out) != 0) {
		snprintf(err, errlen, "writing the figure failed");
		st = PCREG_IO;
	}
	free(data);
	return st;
}

void figure_release_caches(void)
{
	cairo_debug_reset_static_data();
	FcFini();
	xmlCleanupParser();
}
