/*
 * cmd_report.c: the seed papers' tables, from the report iterators.
 *
 * A totals row has no commissioner (or region) code and is named "Total".
 */
#include <string.h>

#include "cli.h"

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

int cmd_report(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "commissioner", required_argument, NULL, 'c' },
		{ "service", required_argument, NULL, 's' },
		{ "min", required_argument, NULL, 'm' },
		{ "max", required_argument, NULL, 'M' },
		CLI_COMMON_OPTIONS
	};
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_db *db = NULL;
	struct out *out = NULL;
	const char *range_option = NULL, *name;
	pcreg_status st;
	int64_t n;
	int c, code, which = -1, i;

	opts.on = cli_today();
	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0) {
		switch (c) {
		case 'a':
			if ((code = cli_date(cli, "--as-of", optarg, &opts.on)) != EXIT_OK)
				return code;
			break;
		case 'c':
			/* Checked here too, so the message names the option. */
			if (!*optarg || strspn(optarg, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,") !=
			                        strlen(optarg))
				return cli_usage_error(cli, "--commissioner: \"%s\" is not codes "
				                            "separated by commas (07L,08F)", optarg);
			opts.commissioner = optarg;
			break;
		case 's':
			opts.service = optarg;
			break;
		case 'm':
		case 'M':
			range_option = c == 'm' ? "--min" : "--max";
			if ((n = cli_number(optarg)) < 0)
				return cli_usage_error(cli, "%s: \"%s\" is not a number of patients",
				                       range_option, optarg);
			*(c == 'm' ? &opts.min_population : &opts.max_population) = (int)n;
			break;
		}
	}
	if (c == 0)
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
	if ((code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
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
