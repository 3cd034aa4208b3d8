/*
 * cmd_commissioner.c: commissioners, and following successions to the code in use.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct out_column commissioner_columns[] = {
	{ "code", "Code", OUT_TEXT },       { "name", "Name", OUT_TEXT },
	{ "kind", "Kind", OUT_TEXT },       { "region", "Region", OUT_TEXT },
	{ "parent", "Parent", OUT_TEXT },   { "open_date", "Opened", OUT_TEXT },
	{ "close_date", "Closed", OUT_TEXT },
};

static void commissioner_cells(struct out *out, const pcreg_commissioner *c)
{
	out_text(out, pcreg_commissioner_code(c));
	out_text(out, pcreg_commissioner_name(c));
	out_text(out, pcreg_commissioner_kind_str(pcreg_commissioner_kind(c)));
	out_text(out, pcreg_commissioner_region(c));
	out_text(out, pcreg_commissioner_parent(c));
	out_text(out, pcreg_commissioner_open_date(c));
	out_text(out, pcreg_commissioner_close_date(c));
}

int cmd_commissioner_show(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "code", "Code", OUT_TEXT },       { "name", "Name", OUT_TEXT },
		{ "kind", "Kind", OUT_TEXT },       { "region", "Region", OUT_TEXT },
		{ "parent", "Parent", OUT_TEXT },   { "open_date", "Opened", OUT_TEXT },
		{ "close_date", "Closed", OUT_TEXT }, { "as_of", "As of", OUT_TEXT },
		{ "arrangement", "Co-commissioning", OUT_TEXT },
		{ "arrangement_since", "Co-commissioning since", OUT_TEXT },
		{ "practices", "Member practices", OUT_INT },
		{ "successor", "Successor on that date", OUT_TEXT },
	};
	pcreg_commissioner *cm = NULL;
	pcreg_arrangement *arr = NULL;
	pcreg_resolution *res = NULL;
	pcreg_membership_iter *members = NULL;
	const pcreg_membership *m;
	pcreg_db *db = NULL;
	struct out *out;
	const char *on, *successor = NULL;
	int64_t practices = 0;
	pcreg_status st;
	int code;

	if (!(on = cli_as_of(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = pcreg_commissioner_get_on(db, argv[optind], on, &cm));
	st = pcreg_arrangement_on(db, argv[optind], on, &arr);
	FAIL_IF(st == PCREG_NOTFOUND ? PCREG_OK : st);
	st = pcreg_membership_members_on(db, PCREG_MEMBERSHIP_COMMISSIONER, argv[optind], on,
	                                 &members);
	while (st == PCREG_OK && (st = pcreg_membership_iter_next(members, &m)) == PCREG_OK)
		practices++;
	FAIL_IF(st == PCREG_DONE ? PCREG_OK : st);
	/* A successor only where the chain leads somewhere else. */
	st = pcreg_succession_resolve(db, argv[optind], on, &res);
	FAIL_IF(st == PCREG_CYCLE ? PCREG_OK : st);
	if (res && strcmp(pcreg_resolution_code(res), argv[optind]) != 0)
		successor = pcreg_resolution_code(res);

	out = out_begin(cli->format, columns, (int)(sizeof columns / sizeof columns[0]), 1);
	commissioner_cells(out, cm);
	out_text(out, on);
	out_text(out, arr ? pcreg_arrangement_level_str(pcreg_arrangement_level(arr)) : NULL);
	out_text(out, arr ? pcreg_arrangement_from_date(arr) : NULL);
	out_int(out, practices);
	out_text(out, successor);
	out_row_end(out);
	code = out_end(out);
done:
	pcreg_membership_iter_free(members);
	pcreg_resolution_free(res);
	pcreg_arrangement_free(arr);
	pcreg_commissioner_free(cm);
	pcreg_db_close(db);
	return code;
}

int cmd_commissioner_list(struct cli *cli, int argc, char **argv)
{
	pcreg_commissioner_query query = PCREG_COMMISSIONER_QUERY_INIT;
	pcreg_commissioner_iter *it = NULL;
	const pcreg_commissioner *cm;
	pcreg_db *db = NULL;
	struct out *out;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		if (c == 'a' && (code = cli_date(cli, "--as-of", optarg, &query.on)) != EXIT_OK)
			return code;
		if (c == 'r')
			query.region = optarg;
		if (c == 'k' && (query.kind = pcreg_commissioner_kind_parse(optarg)) == 0)
			return cli_usage_error(cli, "--kind: \"%s\" is not region, ccg, icb, sub_icb "
			                            "or other", optarg);
	}
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, commissioner_columns, 7, 0);
	st = pcreg_commissioner_list(db, &query, &it);
	while (st == PCREG_OK && (st = pcreg_commissioner_iter_next(it, &cm)) == PCREG_OK) {
		commissioner_cells(out, cm);
		out_row_end(out);
	}
	pcreg_commissioner_iter_free(it);
	code = st == PCREG_DONE ? out_end(out) : (out_abort(out), cli_fail(db, st));
	pcreg_db_close(db);
	return code;
}

/* ---- resolve ----------------------------------------------------------------------------------- */

/* The name of the commissioner or practice with @p code, in a new string
 * (NULL if it has none): PCREG_NOTFOUND if neither has that code. ODS
 * successions link codes of both kinds. */
static pcreg_status organisation_name(pcreg_db *db, const char *code, char **out)
{
	pcreg_commissioner *cm = NULL;
	pcreg_practice *p = NULL;
	const char *name = NULL;
	pcreg_status st = pcreg_commissioner_get(db, code, &cm);

	*out = NULL;
	if (st == PCREG_OK) {
		name = pcreg_commissioner_name(cm);
	} else if (st == PCREG_NOTFOUND || st == PCREG_INVALID) {
		/* INVALID: not a commissioner code's shape, perhaps a practice's. */
		st = pcreg_practice_get(db, code, &p);
		if (st == PCREG_INVALID)
			st = PCREG_NOTFOUND;
		if (st == PCREG_OK)
			name = pcreg_practice_name(p);
	}
	if (name && !(*out = strdup(name)))
		st = PCREG_NOMEM;
	pcreg_commissioner_free(cm);
	pcreg_practice_free(p);
	return st;
}

int cmd_resolve(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "code", "Code", OUT_TEXT },
		{ "effective_date", "From", OUT_TEXT },
		{ "name", "Name", OUT_TEXT },
	};
	pcreg_resolution *res = NULL;
	pcreg_db *db = NULL;
	struct out *out;
	const char *on;
	char *name = NULL;
	pcreg_status st;
	int code, i;

	if (!(on = cli_as_of(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = pcreg_succession_resolve(db, argv[optind], on, &res));
	out = out_begin(cli->format, columns, 3, 0);
	/* The code asked about, then each successor with the date it took over. */
	for (i = -1; i < pcreg_resolution_steps(res); i++) {
		const char *step = i < 0 ? argv[optind] : pcreg_resolution_step_code(res, i);

		st = organisation_name(db, step, &name);
		/* With no successions the code must still be one the registry
		 * knows; a successor it does not know is shown without a name. */
		if (st == PCREG_NOTFOUND && pcreg_resolution_steps(res) == 0) {
			out_abort(out);
			code = cli_error(EXIT_NOT_FOUND, "%s: no commissioner or practice has this code",
			                 argv[optind]);
			goto done;
		}
		if (st < 0 && st != PCREG_NOTFOUND) {
			out_abort(out);
			FAIL_IF(st);
		}
		out_text(out, step);
		out_text(out, i < 0 ? NULL : pcreg_resolution_step_date(res, i));
		out_text(out, name);
		out_row_end(out);
		free(name);
		name = NULL;
	}
	code = out_end(out);
	if (code == EXIT_OK && pcreg_resolution_ambiguous(res))
		cli_error(0, "%s: more than one successor on one date; the first is shown",
		          argv[optind]);
done:
	free(name);
	pcreg_resolution_free(res);
	pcreg_db_close(db);
	return code;
}

/* ---- the commands -------------------------------------------------------------------------- */

static const struct cli_opt list_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "open on DATE", 0 },
	{ "kind", 'k', ARG_TEXT, "KIND", "region, ccg, icb or sub-icb", 0 },
	{ "region", 'r', ARG_CODE, "CODE", "in this NHS England region", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command commissioner_commands[] = {
	{ "commissioner show", cmd_commissioner_show, "CODE",
	  "one commissioner: its arrangement, practices and successor on a date", "",
	  cli_as_of_opts, FMT_ROWS, 0 },
	{ "commissioner list", cmd_commissioner_list, "", "commissioners", "", list_opts, FMT_ROWS,
	  0 },
	{ "resolve", cmd_resolve, "CODE",
	  "follow successions from a code to the one in use on a date", "", cli_as_of_opts,
	  FMT_ROWS, 0 },
};

const struct command_group commissioner_group = { "Commissioners",
	                                          COMMANDS(commissioner_commands) };
