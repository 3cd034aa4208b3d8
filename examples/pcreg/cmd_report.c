/*
 * cmd_report.c: the seed papers' tables, from the report iterators.
 *
 * A totals row has no commissioner (or region) code and is named "Total".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "figure.h"
#include "paper.h"

#define COLUMNS(a) a, (int)(sizeof a / sizeof a[0])

static pcreg_status report_cqc(struct out **out, enum out_format format, pcreg_db *db,
                               const pcreg_report_options *opts)
{
	static const struct out_column columns[] = {
		{ "commissioner", "Code", OUT_TEXT },
		{ "name", "Commissioner", OUT_TEXT },
		{ "practices", "Practices", OUT_INT },
		{ "published", "Published reports", OUT_INT },
		{ "published_pct", "%", OUT_SHARE },
		{ "inadequate", "Inadequate", OUT_INT },
		{ "inadequate_pct", "%", OUT_SHARE },
		{ "requires_improvement", "Requires improvement", OUT_INT },
		{ "requires_improvement_pct", "%", OUT_SHARE },
		{ "good", "Good", OUT_INT },
		{ "good_pct", "%", OUT_SHARE },
		{ "outstanding", "Outstanding", OUT_INT },
		{ "outstanding_pct", "%", OUT_SHARE },
		{ "not_inspected", "Not inspected", OUT_INT },
		{ "uncertain", "Uncertain", OUT_INT },
	};
	pcreg_cqc_iter *it = NULL;
	const pcreg_cqc_row *r;
	pcreg_status st = pcreg_report_cqc(db, opts, &it);

	*out = out_begin(format, COLUMNS(columns), 0);
	while (st == PCREG_OK && (st = pcreg_cqc_iter_next(it, &r)) == PCREG_OK) {
		if (pcreg_cqc_row_is_total(r) && !out_totals())
			continue;
		out_text(*out, pcreg_cqc_row_commissioner(r));
		out_text(*out, pcreg_cqc_row_is_total(r) ? "Total" : pcreg_cqc_row_name(r));
		out_int(*out, pcreg_cqc_row_practices(r));
		out_int(*out, pcreg_cqc_row_published(r));
		out_share(*out, pcreg_cqc_row_published_share(r));
		out_int(*out, pcreg_cqc_row_inadequate(r));
		out_share(*out, pcreg_cqc_row_inadequate_share(r));
		out_int(*out, pcreg_cqc_row_requires_improvement(r));
		out_share(*out, pcreg_cqc_row_requires_improvement_share(r));
		out_int(*out, pcreg_cqc_row_good(r));
		out_share(*out, pcreg_cqc_row_good_share(r));
		out_int(*out, pcreg_cqc_row_outstanding(r));
		out_share(*out, pcreg_cqc_row_outstanding_share(r));
		out_int(*out, pcreg_cqc_row_not_published(r));
		out_int(*out, pcreg_cqc_row_uncertain(r));
		out_row_end(*out);
	}
	pcreg_cqc_iter_free(it);
	return st;
}

static pcreg_status report_pms(struct out **out, enum out_format format, pcreg_db *db,
                               const pcreg_report_options *opts)
{
	static const struct out_column columns[] = {
		{ "commissioner", "Code", OUT_TEXT },
		{ "name", "Commissioner", OUT_TEXT },
		{ "pms_practices", "PMS practices", OUT_INT },
		{ "practices", "of", OUT_INT },
		{ "total_premium_pence", "Total premium a year", OUT_PENCE },
		{ "min_premium_pence", "Min premium (per weighted patient)", OUT_PENCE },
		{ "max_premium_pence", "Max premium", OUT_PENCE },
		{ "uncertain", "Uncertain", OUT_INT },
	};
	pcreg_pms_iter *it = NULL;
	const pcreg_pms_row *r;
	pcreg_status st = pcreg_report_pms(db, opts, &it);

	*out = out_begin(format, COLUMNS(columns), 0);
	while (st == PCREG_OK && (st = pcreg_pms_iter_next(it, &r)) == PCREG_OK) {
		out_text(*out, pcreg_pms_row_commissioner(r));
		out_text(*out, pcreg_pms_row_name(r));
		out_int(*out, pcreg_pms_row_pms_practices(r));
		out_int(*out, pcreg_pms_row_practices(r));
		if (pcreg_pms_row_has_total_premium(r))
			out_pence(*out, pcreg_pms_row_total_premium(r));
		else
			out_null(*out);
		if (pcreg_pms_row_has_premiums(r)) {
			out_pence(*out, pcreg_pms_row_min_premium(r));
			out_pence(*out, pcreg_pms_row_max_premium(r));
		} else {
			out_null(*out);
			out_null(*out);
		}
		out_int(*out, pcreg_pms_row_uncertain(r));
		out_row_end(*out);
	}
	pcreg_pms_iter_free(it);
	return st;
}

static pcreg_status report_commissioning(struct out **out, enum out_format format, pcreg_db *db,
                                         const pcreg_report_options *opts)
{
	static const struct out_column columns[] = {
		{ "region", "Code", OUT_TEXT },
		{ "region_name", "Region", OUT_TEXT },
		{ "delegated", "Delegated", OUT_INT },
		{ "joint", "Joint", OUT_INT },
		{ "greater_involvement", "Greater involvement", OUT_INT },
	};
	pcreg_commissioning_iter *it = NULL;
	const pcreg_commissioning_row *r;
	pcreg_status st = pcreg_report_commissioning(db, opts, &it);

	*out = out_begin(format, COLUMNS(columns), 0);
	while (st == PCREG_OK && (st = pcreg_commissioning_iter_next(it, &r)) == PCREG_OK) {
		if (pcreg_commissioning_row_is_total(r) && !out_totals())
			continue;
		out_text(*out, pcreg_commissioning_row_region(r));
		out_text(*out, pcreg_commissioning_row_is_total(r)
		                       ? "Total"
		                       : pcreg_commissioning_row_region_name(r));
		out_int(*out, pcreg_commissioning_row_delegated(r));
		out_int(*out, pcreg_commissioning_row_joint(r));
		out_int(*out, pcreg_commissioning_row_greater_involvement(r));
		out_row_end(*out);
	}
	pcreg_commissioning_iter_free(it);
	return st;
}

static pcreg_status report_networks(struct out **out, enum out_format format, pcreg_db *db,
                                    const pcreg_report_options *opts)
{
	static const struct out_column columns[] = {
		{ "commissioner", "Commissioner", OUT_TEXT },
		{ "network", "Network", OUT_TEXT },
		{ "name", "Name", OUT_TEXT },
		{ "practices", "Practices", OUT_INT },
		{ "practices_with_list_size", "With list size", OUT_INT },
		{ "registered", "Registered", OUT_INT },
		{ "weighted", "Weighted", OUT_REAL },
		{ "range", "Range", OUT_TEXT },
		{ "leads", "Leads", OUT_TEXT },
		{ "uncertain", "Uncertain", OUT_INT },
	};
	pcreg_network_population_iter *it = NULL;
	const pcreg_network_population_row *r;
	pcreg_status st = pcreg_report_networks(db, opts, &it);

	*out = out_begin(format, COLUMNS(columns), 0);
	while (st == PCREG_OK && (st = pcreg_network_population_iter_next(it, &r)) == PCREG_OK) {
		int outside = pcreg_network_population_row_outside(r);

		out_text(*out, pcreg_network_population_row_commissioner(r));
		out_text(*out, pcreg_network_population_row_network(r));
		out_text(*out, pcreg_network_population_row_name(r));
		out_int(*out, pcreg_network_population_row_practices(r));
		out_int(*out, pcreg_network_population_row_practices_with_list_size(r));
		out_int(*out, pcreg_network_population_row_registered(r));
		if (pcreg_network_population_row_has_weighted(r))
			out_real(*out, pcreg_network_population_row_weighted(r));
		else
			out_null(*out);
		/* With no list size to sum, the range says nothing. */
		if (pcreg_network_population_row_practices_with_list_size(r) == 0)
			out_null(*out);
		else
			out_text(*out, outside < 0 ? "below" : outside > 0 ? "above" : "within");
		out_text(*out, pcreg_network_population_row_leads(r));
		out_int(*out, pcreg_network_population_row_uncertain(r));
		out_row_end(*out);
	}
	pcreg_network_population_iter_free(it);
	return st;
}

static pcreg_status report_scheme(struct out **out, enum out_format format, pcreg_db *db,
                                  const pcreg_report_options *opts)
{
	static const struct out_column columns[] = {
		{ "commissioner", "Code", OUT_TEXT },
		{ "name", "Commissioner", OUT_TEXT },
		{ "service", "Service", OUT_TEXT },
		{ "participating", "Participating", OUT_INT },
		{ "practices", "of", OUT_INT },
		{ "participating_pct", "%", OUT_SHARE },
		{ "uncertain", "Uncertain", OUT_INT },
	};
	pcreg_scheme_iter *it = NULL;
	const pcreg_scheme_row *r;
	pcreg_status st = pcreg_report_scheme(db, opts, &it);

	*out = out_begin(format, COLUMNS(columns), 0);
	while (st == PCREG_OK && (st = pcreg_scheme_iter_next(it, &r)) == PCREG_OK) {
		out_text(*out, pcreg_scheme_row_commissioner(r));
		out_text(*out, pcreg_scheme_row_name(r));
		out_text(*out, pcreg_scheme_row_service(r));
		out_int(*out, pcreg_scheme_row_participating(r));
		out_int(*out, pcreg_scheme_row_practices(r));
		out_share(*out, pcreg_scheme_row_participating_share(r));
		out_int(*out, pcreg_scheme_row_uncertain(r));
		out_row_end(*out);
	}
	pcreg_scheme_iter_free(it);
	return st;
}

static const struct {
	const char *name;
	pcreg_status (*run)(struct out **out, enum out_format format, pcreg_db *db,
	                    const pcreg_report_options *opts);
} reports[] = {
	{ "cqc", report_cqc },
	{ "pms", report_pms },
	{ "commissioning", report_commissioning },
	{ "networks", report_networks },
	{ "scheme", report_scheme },
};

/* Where a figure or page goes: -o FILE, written as FILE.part and renamed
 * when complete (so FILE is the whole page or untouched), else stdout. */
static FILE *output_file(const char *path, char *part, size_t size)
{
	if (!path || strcmp(path, "-") == 0)
		return stdout;
	snprintf(part, size, "%s.part", path);
	return fopen(part, "wb");
}

/* Drawing libraries keep caches until told to let go; a leak checker at
 * exit would take them for leaks. */
static void release_drawing_caches(void)
{
	figure_release_caches();
}

/* The figure or page of one report, or a page of every report (kind NULL). */
static int write_page_or_figure(struct cli *cli, pcreg_db *db, const char *kind,
                                const pcreg_report_options *opts, const char *output)
{
	char err[512] = "", part[4096];
	FILE *f;
	pcreg_status st;
	int binary = cli->format == OUT_PNG;

	if (!(f = output_file(output, part, sizeof part)))
		return cli_error(EXIT_FAIL, "%s: cannot write: %s", part, strerror(errno));
	if (!kind || cli->format == OUT_HTML) {
		struct paper_request req = PAPER_REQUEST_INIT;

		req.as_of = opts->on;
		req.service = opts->service;
		req.known_at = cli->known_at;
		if (opts->min_population)
			req.min_population = opts->min_population;
		if (opts->max_population)
			req.max_population = opts->max_population;
		if (kind && strcmp(kind, "commissioning") == 0)
			req.regions = opts->commissioner;
		else
			req.commissioner = opts->commissioner;
		req.kinds = kind ? paper_kind_of(kind) : 0;
		st = paper_write_html(db, &req, f, err, sizeof err);
	} else {
		st = figure_write(db, kind, opts, binary ? FIGURE_PNG : FIGURE_SVG, f, err, sizeof err);
	}
	if (f == stdout) {
		if (fflush(stdout) != 0 && st == PCREG_OK)
			st = PCREG_IO;
	} else {
		if (fclose(f) != 0 && st == PCREG_OK)
			st = PCREG_IO;
		if (st == PCREG_OK && rename(part, output) != 0) {
			snprintf(err, sizeof err, "%s: cannot write: %s", output, strerror(errno));
			st = PCREG_IO;
		}
		/* nothing half-written is left behind */
		if (st != PCREG_OK)
			remove(part);
	}
	release_drawing_caches();
	if (st != PCREG_OK) {
		cli_error(0, "%s", *err ? err : pcreg_status_str(st));
		return st == PCREG_NOTFOUND ? EXIT_NOT_FOUND : st == PCREG_INVALID ? EXIT_USAGE
		                                                                    : EXIT_FAIL;
	}
	return EXIT_OK;
}

/* The options report and paper share; 0 when the command is to end with *code. */
static int report_options(struct cli *cli, int argc, char **argv, pcreg_report_options *opts,
                          const char **range_option, const char **output, int *code)
{
	int c;
	int64_t n;

	opts->on = cli_today();
	while ((c = cli_option(cli, argc, argv, code)) > 0) {
		switch (c) {
		case 'a':
			opts->on = optarg;
			break;
		case 'c':
			opts->commissioner = optarg;
			break;
		case 's':
			opts->service = optarg;
			break;
		case 'o':
			*output = optarg;
			break;
		case 'm':
		case 'M':
			*range_option = c == 'm' ? "--min" : "--max";
			n = cli_number(optarg);
			*(c == 'm' ? &opts->min_population : &opts->max_population) = (int)n;
			break;
		}
	}
	return c != 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_db *db = NULL;
	struct out *out = NULL;
	const char *range_option = NULL, *name, *output = NULL;
	pcreg_status st;
	int code, which = -1, i;

	if (!report_options(cli, argc, argv, &opts, &range_option, &output, &code))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK)
		return code;
	name = argv[optind];
	for (i = 0; i < (int)(sizeof reports / sizeof reports[0]); i++)
		if (strcmp(reports[i].name, name) == 0)
			which = i;
	if (which < 0)
		return cli_usage_error(cli, "no such report: %s (cqc, pms, commissioning, networks "
		                            "or scheme)", name);
	if (opts.service && strcmp(name, "scheme") != 0)
		return cli_usage_error(cli, "--service is for the scheme report");
	if (!opts.service && strcmp(name, "scheme") == 0)
		return cli_usage_error(cli, "the scheme report needs --service NAME");
	if (range_option && strcmp(name, "networks") != 0)
		return cli_usage_error(cli, "%s is for the networks report", range_option);
	if (output && cli->format != OUT_SVG && cli->format != OUT_PNG && cli->format != OUT_HTML)
		return cli_usage_error(cli, "-o is for --format svg, png or html; tables go to"
		                            " stdout");
	if ((code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	if (cli->format == OUT_SVG || cli->format == OUT_PNG || cli->format == OUT_HTML) {
		code = write_page_or_figure(cli, db, name, &opts, output);
		pcreg_db_close(db);
		return code;
	}
	st = reports[which].run(&out, cli->format, db, &opts);
	if (st != PCREG_DONE) {
		out_abort(out);
		code = cli_fail(db, st);
	} else {
		code = out_end(out);
	}
	pcreg_db_close(db);
	return code;
}

int cmd_paper(struct cli *cli, int argc, char **argv)
{
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	const char *range_option = NULL, *output = NULL;
	pcreg_db *db = NULL;
	int code;

	if (!report_options(cli, argc, argv, &opts, &range_option, &output, &code))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	cli->format = OUT_HTML;
	code = write_page_or_figure(cli, db, NULL, &opts, output);
	pcreg_db_close(db);
	return code;
}

/* ---- the commands -------------------------------------------------------------------------- */

static const struct cli_opt report_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "the date asked about (YYYY-MM-DD; default today)", 0 },
	{ "commissioner", 'c', ARG_CODES, "CODES",
	  "only these, separated by commas (regions for commissioning)", 0 },
	{ "service", 's', ARG_TEXT, "NAME", "the scheme's service, e.g. \"Integrated Case Management\"",
	  0 },
	{ "min", 'm', ARG_NUMBER, "N", "networks with fewer registered patients are flagged\n"
	  "(default 30000)", 0 },
	{ "max", 'M', ARG_NUMBER, "N", "networks with more are flagged (default 50000)", 0 },
	{ "output", 'o', ARG_FILE, "FILE", "write the figure or page to FILE (svg, png, html)",
	  OPT_SHORT },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt paper_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "the paper's date (YYYY-MM-DD; default today)", 0 },
	{ "commissioner", 'c', ARG_CODES, "CODES", "the place: commissioners separated by commas",
	  0 },
	{ "service", 's', ARG_TEXT, "NAME", "add the scheme report for this service", 0 },
	{ "min", 'm', ARG_NUMBER, "N", "the networks' band: fewer patients are flagged", 0 },
	{ "max", 'M', ARG_NUMBER, "N", "more patients are flagged", 0 },
	{ "output", 'o', ARG_FILE, "FILE", "write the page to FILE (default stdout)", OPT_SHORT },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command report_commands[] = {
	{ "report", cmd_report, "cqc|pms|commissioning|networks|scheme",
	  "the seed papers' tables, or their figures",
	  "  cqc                CQC outcomes per commissioner (seed 004, seed 000)\n"
	  "  pms                PMS practices and premiums per commissioner (seed 004)\n"
	  "  commissioning      co-commissioning levels per region (seed 001)\n"
	  "  networks           network populations against a range\n"
	  "  scheme             practices in a local scheme (seed 000; needs --service)\n"
	  "--format svg or png draws the report's figure (cairo); html writes a\n"
	  "self-contained page with its table and figure.\n\n",
	  report_opts, FMT_ROWS | FMT(OUT_SVG) | FMT(OUT_PNG) | FMT(OUT_HTML), CMD_TOTALS },
	{ "paper", cmd_paper, "", "a Board paper as one HTML page: every report for a place",
	  "The CQC, PMS, network and co-commissioning tables and figures for the\n"
	  "commissioners named, on a date, in one self-contained page for screen and\n"
	  "A4 print; its footer names the releases the data rests on and, with\n"
	  "--known-at, the date it is known at.\n\n",
	  paper_opts, 0, 0 },
};

const struct command_group report_group = { "Reports and Board papers",
	                                    COMMANDS(report_commands) };
