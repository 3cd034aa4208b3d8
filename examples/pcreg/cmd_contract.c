/*
 * cmd_contract.c: contracts: core contracts, enhanced services and local schemes.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_contract_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "id", "Id", OUT_ID },
		{ "practice", "Practice", OUT_TEXT },
		{ "federation", "Federation", OUT_TEXT },
		{ "commissioner", "Commissioner", OUT_TEXT },
		{ "type", "Type", OUT_TEXT },
		{ "service", "Service", OUT_TEXT },
		{ "start_date", "From", OUT_TEXT },
		{ "end_date", "To", OUT_TEXT },
		{ "pms_premium_pence", "PMS premium", OUT_PENCE },
		{ "annual_value_pence", "A year", OUT_PENCE },
	};
	pcreg_contract_query query = PCREG_CONTRACT_QUERY_INIT;
	pcreg_contract_iter *it = NULL;
	const pcreg_contract *k;
	pcreg_db *db = NULL;
	struct out *out;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		switch (c) {
		case 'a':
			if ((code = cli_date(cli, "--as-of", optarg, &query.on)) != EXIT_OK)
				return code;
			break;
		case 'p': query.practice = optarg; break;
		case 'f': query.federation = optarg; break;
		case 'c': query.commissioner = optarg; break;
		case 's': query.service = optarg; break;
		case 't':
			if ((query.type = pcreg_contract_type_parse(optarg)) == 0)
				return cli_usage_error(cli, "--type: \"%s\" is not GMS, PMS, APMS, DES, "
				                            "LES, LIS or OTHER", optarg);
			break;
		}
	}
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, columns, (int)(sizeof columns / sizeof columns[0]), 0);
	st = pcreg_contract_list(db, &query, &it);
	while (st == PCREG_OK && (st = pcreg_contract_iter_next(it, &k)) == PCREG_OK) {
		out_int(out, pcreg_contract_id(k));
		out_text(out, pcreg_contract_practice(k));
		out_text(out, pcreg_contract_federation(k));
		out_text(out, pcreg_contract_commissioner(k));
		out_text(out, pcreg_contract_type_str(pcreg_contract_type(k)));
		out_text(out, pcreg_contract_service(k));
		out_text(out, pcreg_contract_start_date(k));
		out_text(out, pcreg_contract_end_date(k));
		if (pcreg_contract_has_pms_premium(k))
			out_pence(out, pcreg_contract_pms_premium(k));
		else
			out_null(out);
		if (pcreg_contract_has_annual_value(k))
			out_pence(out, pcreg_contract_annual_value(k));
		else
			out_null(out);
		out_row_end(out);
	}
	pcreg_contract_iter_free(it);
	code = st == PCREG_DONE ? out_end(out) : (out_abort(out), cli_fail(db, st));
	pcreg_db_close(db);
	return code;
}

/* ---- the commands -------------------------------------------------------------------------- */

static const struct cli_opt list_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "running on DATE", 0 },
	{ "practice", 'p', ARG_CODE, "CODE", "held by this practice", 0 },
	{ "federation", 'f', ARG_TEXT, "ID", "held by this federation", 0 },
	{ "commissioner", 'c', ARG_CODE, "CODE", "let by this commissioner", 0 },
	{ "type", 't', ARG_TEXT, "TYPE", "GMS, PMS, APMS, DES, LES, LIS or OTHER", 0 },
	{ "service", 's', ARG_TEXT, "NAME", "for this service (the whole name, any case)", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command contract_commands[] = {
	{ "contract list", cmd_contract_list, "",
	  "contracts: core contracts, enhanced services and local schemes", "", list_opts,
	  FMT_ROWS, 0 },
};

const struct command_group contract_group = { "Contracts", COMMANDS(contract_commands) };
