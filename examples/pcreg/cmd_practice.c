/*
 * cmd_practice.c: practices: show, list, search, timeline, list sizes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A practice's printed fields, shared by list and search. */
static const struct out_column practice_columns[] = {
	{ "code", "Code", OUT_TEXT },         { "name", "Name", OUT_TEXT },
	{ "postcode", "Postcode", OUT_TEXT }, { "status", "Status", OUT_TEXT },
	{ "open_date", "Opened", OUT_TEXT },  { "close_date", "Closed", OUT_TEXT },
	{ "registered", "Patients", OUT_INT },
};
#define N_PRACTICE_COLUMNS ((int)(sizeof practice_columns / sizeof practice_columns[0]))

static void practice_row(struct out *out, const pcreg_practice *p)
{
	out_text(out, pcreg_practice_code(p));
	out_text(out, pcreg_practice_name(p));
	out_text(out, pcreg_practice_postcode(p));
	out_text(out, pcreg_practice_status_str(pcreg_practice_status(p)));
	out_text(out, pcreg_practice_open_date(p));
	out_text(out, pcreg_practice_close_date(p));
}

/* Practices, each with its registered patients at the latest extract on `on`. */
static int print_practices(struct cli *cli, pcreg_db *db, pcreg_status st, pcreg_practice_iter *it,
                           const char *on)
{
	struct out *out = out_begin(cli->format, practice_columns, N_PRACTICE_COLUMNS, 0);
	const pcreg_practice *p;
	int64_t patients;

	while (st == PCREG_OK && (st = pcreg_practice_iter_next(it, &p)) == PCREG_OK) {
		if ((st = cli_patients(db, pcreg_practice_code(p), on, &patients)) != PCREG_OK)
			break;
		practice_row(out, p);
		if (patients < 0)
			out_null(out);
		else
			out_int(out, patients);
		out_row_end(out);
	}
	pcreg_practice_iter_free(it);
	if (st != PCREG_DONE) {
		out_abort(out);
		return cli_fail(db, st);
	}
	return out_end(out);
}

/* ---- practice show --------------------------------------------------------------- */

/* The organisation a practice was a member of on the date, or NULLs. */
static pcreg_status member_of(pcreg_db *db, pcreg_membership_kind_value kind, const char *practice,
                              const char *on, pcreg_membership **out)
{
	pcreg_status st = pcreg_membership_on(db, kind, practice, on, out);

	return st == PCREG_NOTFOUND ? PCREG_OK : st;
}

/* How an answer is known, in words: "inferred (list-size 2021-01-01)",
 * "uncertain: changed by 2022-07-01 (...)", "not known". */
static void describe_answer(const pcreg_answer *a, char *out, size_t size)
{
	const char *kind = pcreg_answer_release_kind(a), *date = pcreg_answer_release_date(a);
	char source[80] = "";

	if (kind && date)
		snprintf(source, sizeof source, " (%s %s)", kind, date);
	else if (pcreg_answer_organisation(a))
		snprintf(source, sizeof source, " (entered by hand)");
	if (pcreg_answer_certainty(a) == PCREG_CERTAINTY_UNCERTAIN && pcreg_answer_window_to(a))
		snprintf(out, size, "uncertain: another was seen from %s%s",
		         pcreg_answer_window_to(a), source);
	else
		snprintf(out, size, "%s%s", pcreg_certainty_str(pcreg_answer_certainty(a)), source);
}

int cmd_practice_show(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "code", "Code", OUT_TEXT },
		{ "name", "Name", OUT_TEXT },
		{ "address", "Address", OUT_TEXT },
		{ "postcode", "Postcode", OUT_TEXT },
		{ "phone", "Phone", OUT_TEXT },
		{ "status", "Status", OUT_TEXT },
		{ "open_date", "Opened", OUT_TEXT },
		{ "close_date", "Closed", OUT_TEXT },
		{ "as_of", "As of", OUT_TEXT },
		{ "commissioner", "Commissioner", OUT_TEXT },
		{ "commissioner_since", "Commissioner since", OUT_TEXT },
		{ "commissioner_known", "Commissioner known", OUT_TEXT },
		{ "network", "Network", OUT_TEXT },
		{ "network_since", "Network since", OUT_TEXT },
		{ "network_known", "Network known", OUT_TEXT },
		{ "federation", "Federation", OUT_TEXT },
		{ "core_contract", "Core contract", OUT_TEXT },
		{ "contract_since", "Contract since", OUT_TEXT },
		{ "pms_premium_pence", "PMS premium (per weighted patient)", OUT_PENCE },
		{ "cqc_rating", "CQC rating", OUT_TEXT },
		{ "cqc_published", "CQC report published", OUT_TEXT },
		{ "registered_patients", "Registered patients", OUT_INT },
		{ "list_size_date", "List size extracted", OUT_TEXT },
	};
	pcreg_db *db = NULL;
	pcreg_practice *p = NULL;
	pcreg_membership *commissioner = NULL, *network = NULL, *federation = NULL;
	pcreg_answer *commissioner_answer = NULL, *network_answer = NULL;
	char commissioner_known[160], network_known[160];
	pcreg_contract *contract = NULL;
	pcreg_inspection *inspection = NULL;
	pcreg_list_size *size = NULL;
	struct out *out;
	const char *on;
	char address[512] = "";
	pcreg_status st;
	int code, line;

	if (!(on = cli_as_of(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = pcreg_practice_get_on(db, argv[optind], on, &p));
	FAIL_IF(st = member_of(db, PCREG_MEMBERSHIP_COMMISSIONER, argv[optind], on, &commissioner));
	FAIL_IF(st = member_of(db, PCREG_MEMBERSHIP_NETWORK, argv[optind], on, &network));
	FAIL_IF(st = member_of(db, PCREG_MEMBERSHIP_FEDERATION, argv[optind], on, &federation));
	FAIL_IF(st = pcreg_membership_answer(db, PCREG_MEMBERSHIP_COMMISSIONER, argv[optind], on,
	                                     &commissioner_answer));
	FAIL_IF(st = pcreg_membership_answer(db, PCREG_MEMBERSHIP_NETWORK, argv[optind], on,
	                                     &network_answer));
	describe_answer(commissioner_answer, commissioner_known, sizeof commissioner_known);
	describe_answer(network_answer, network_known, sizeof network_known);
	st = pcreg_contract_core_on(db, argv[optind], on, &contract);
	FAIL_IF(st == PCREG_NOTFOUND ? PCREG_OK : st);
	st = pcreg_inspection_latest_on(db, argv[optind], on, &inspection);
	FAIL_IF(st == PCREG_NOTFOUND ? PCREG_OK : st);
	st = pcreg_list_size_on(db, argv[optind], on, &size);
	FAIL_IF(st == PCREG_NOTFOUND ? PCREG_OK : st);

	for (line = 1; line <= 5; line++) {
		const char *text = pcreg_practice_address(p, line);

		if (text && strlen(address) + strlen(text) + 3 < sizeof address)
			strcat(strcat(address, *address ? ", " : ""), text);
	}
	out = out_begin(cli->format, columns, (int)(sizeof columns / sizeof columns[0]), 1);
	out_text(out, pcreg_practice_code(p));
	out_text(out, pcreg_practice_name(p));
	out_text(out, *address ? address : NULL);
	out_text(out, pcreg_practice_postcode(p));
	out_text(out, pcreg_practice_phone(p));
	out_text(out, pcreg_practice_status_str(pcreg_practice_status_on(p, on)));
	out_text(out, pcreg_practice_open_date(p));
	out_text(out, pcreg_practice_close_date(p));
	out_text(out, on);
	out_text(out, commissioner ? pcreg_membership_organisation(commissioner) : NULL);
	out_text(out, commissioner ? pcreg_membership_from_date(commissioner) : NULL);
	out_text(out, commissioner_known);
	out_text(out, network ? pcreg_membership_organisation(network) : NULL);
	out_text(out, network ? pcreg_membership_from_date(network) : NULL);
	out_text(out, network_known);
	out_text(out, federation ? pcreg_membership_organisation(federation) : NULL);
	out_text(out, contract ? pcreg_contract_type_str(pcreg_contract_type(contract)) : NULL);
	out_text(out, contract ? pcreg_contract_start_date(contract) : NULL);
	if (contract && pcreg_contract_has_pms_premium(contract))
		out_pence(out, pcreg_contract_pms_premium(contract));
	else
		out_null(out);
	out_text(out, inspection ? pcreg_rating_str(pcreg_inspection_overall(inspection)) : NULL);
	out_text(out, inspection ? pcreg_inspection_publication_date(inspection) : NULL);
	if (size)
		out_int(out, pcreg_list_size_registered(size));
	else
		out_null(out);
	out_text(out, size ? pcreg_list_size_extract_date(size) : NULL);
	out_row_end(out);
	code = out_end(out);
done:
	pcreg_practice_free(p);
	pcreg_membership_free(commissioner);
	pcreg_membership_free(network);
	pcreg_membership_free(federation);
	pcreg_answer_free(commissioner_answer);
	pcreg_answer_free(network_answer);
	pcreg_contract_free(contract);
	pcreg_inspection_free(inspection);
	pcreg_list_size_free(size);
	pcreg_db_close(db);
	return code;
}

/* ---- practice list, search --------------------------------------------------------- */

int cmd_practice_list(struct cli *cli, int argc, char **argv)
{
	pcreg_practice_query query = PCREG_PRACTICE_QUERY_INIT;
	pcreg_practice_iter *it = NULL;
	pcreg_db *db = NULL;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		switch (c) {
		case 'a':
			if ((code = cli_date(cli, "--as-of", optarg, &query.on)) != EXIT_OK)
				return code;
			break;
		case 'c': query.commissioner = optarg; break;
		case 'n': query.network = optarg; break;
		case 'f': query.federation = optarg; break;
		case 'N': query.name = optarg; break;
		case 'p': query.postcode = optarg; break;
		case 's':
			if ((query.status = pcreg_practice_status_parse(optarg)) == 0)
				return cli_usage_error(cli, "--status: \"%s\" is not active, closed, "
				                            "dormant or proposed", optarg);
			break;
		}
	}
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	st = pcreg_practice_list(db, &query, &it);
	code = print_practices(cli, db, st, it, query.on ? query.on : cli_today());
	pcreg_db_close(db);
	return code;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	pcreg_practice_iter *it = NULL;
	pcreg_db *db = NULL;
	pcreg_status st;
	int64_t limit = 20;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		if (c == 'l' && (limit = cli_number(optarg)) < 0)
			return cli_usage_error(cli, "--limit: \"%s\" is not a number", optarg);
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	st = pcreg_practice_search(db, argv[optind], (int)limit, &it);
	code = print_practices(cli, db, st, it, cli_today());
	pcreg_db_close(db);
	return code;
}

/* ---- timeline ---------------------------------------------------------------------------- */

int cmd_timeline(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "date", "Date", OUT_TEXT },     { "event", "Event", OUT_TEXT },
		{ "subject", "What", OUT_TEXT },  { "detail", "Detail", OUT_TEXT },
		{ "value", "Value", OUT_ID },
	};
	pcreg_timeline_iter *it = NULL;
	pcreg_practice *p = NULL;
	const pcreg_event *e;
	pcreg_db *db = NULL;
	struct out *out = NULL;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		;
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	/* An unknown code is "not found", not an empty history. */
	FAIL_IF(st = pcreg_practice_get(db, argv[optind], &p));
	out = out_begin(cli->format, columns, 5, 0);
	st = pcreg_timeline_list(db, argv[optind], &it);
	while (st == PCREG_OK && (st = pcreg_timeline_iter_next(it, &e)) == PCREG_OK) {
		out_text(out, pcreg_event_date(e));
		out_text(out, pcreg_event_kind_str(pcreg_event_kind(e)));
		out_text(out, pcreg_event_subject(e));
		out_text(out, pcreg_event_detail(e));
		if (pcreg_event_has_value(e))
			out_int(out, pcreg_event_value(e));
		else
			out_null(out);
		out_row_end(out);
	}
	pcreg_timeline_iter_free(it);
	if (st != PCREG_DONE) {
		out_abort(out);
		FAIL_IF(st);
	}
	code = out_end(out);
done:
	pcreg_practice_free(p);
	pcreg_db_close(db);
	return code;
}

/* ---- list sizes ------------------------------------------------------------------------- */

pcreg_status cli_patients(pcreg_db *db, const char *practice, const char *on, int64_t *out)
{
	pcreg_list_size *size = NULL;
	pcreg_status st = pcreg_list_size_on(db, practice, on, &size);

	*out = -1;
	if (st == PCREG_OK)
		*out = pcreg_list_size_registered(size);
	pcreg_list_size_free(size);
	return st == PCREG_NOTFOUND ? PCREG_OK : st;
}

static const struct out_column listsize_columns[] = {
	{ "practice", "Practice", OUT_TEXT },
	{ "name", "Name", OUT_TEXT },
	{ "extract_date", "Extracted", OUT_TEXT },
	{ "registered", "Registered patients", OUT_INT },
	{ "weighted", "Weighted patients", OUT_REAL },
};

struct listsize_sum {
	int64_t practices, registered;
};

/* One practice's row: its list size on the date, or every extract (all). */
static pcreg_status listsize_rows(pcreg_db *db, struct out *out, const char *code, const char *on,
                                  int all, struct listsize_sum *sum)
{
	pcreg_practice *p = NULL;
	pcreg_list_size *size = NULL;
	pcreg_list_size_iter *it = NULL;
	const pcreg_list_size *row;
	pcreg_status st = pcreg_practice_get(db, code, &p);

	if (st != PCREG_OK)
		return st;
	if (all) {
		pcreg_list_size_query q = PCREG_LIST_SIZE_QUERY_INIT;

		q.practice = code;
		st = pcreg_list_size_list(db, &q, &it);
	} else {
		st = pcreg_list_size_on(db, code, on, &size);
	}
	sum->practices++;
	while (st == PCREG_OK) {
		row = size;
		if (it && (st = pcreg_list_size_iter_next(it, &row)) != PCREG_OK)
			break;
		out_text(out, code);
		out_text(out, pcreg_practice_name(p));
		out_text(out, pcreg_list_size_extract_date(row));
		out_int(out, pcreg_list_size_registered(row));
		if (pcreg_list_size_has_weighted(row))
			out_real(out, pcreg_list_size_weighted(row));
		else
			out_null(out);
		out_row_end(out);
		if (!it) {
			sum->registered += pcreg_list_size_registered(row);
			break;
		}
	}
	if (st == PCREG_NOTFOUND && !all) {
		/* a practice with no extract yet is still listed, without numbers */
		out_text(out, code);
		out_text(out, pcreg_practice_name(p));
		out_null(out);
		out_null(out);
		out_null(out);
		out_row_end(out);
		st = PCREG_OK;
	}
	pcreg_list_size_iter_free(it);
	pcreg_list_size_free(size);
	pcreg_practice_free(p);
	return st == PCREG_DONE ? PCREG_OK : st;
}

int cmd_listsize(struct cli *cli, int argc, char **argv)
{
	const char *on = cli_today(), *commissioner = NULL, *network = NULL;
	pcreg_membership_iter *members = NULL;
	const pcreg_membership *m;
	struct listsize_sum sum = { 0, 0 };
	pcreg_db *db = NULL;
	struct out *out = NULL;
	pcreg_status st = PCREG_OK;
	int c, code, all = 0, i;
	char *ch;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		if (c == 'a')
			on = optarg;
		if (c == 'c')
			commissioner = optarg;
		if (c == 'n')
			network = optarg;
		if (c == 'A')
			all = 1;
	}
	if (c == 0)
		return code;
	if ((commissioner != NULL) + (network != NULL) + (optind < argc) != 1)
		return cli_usage_error(cli, "name practices, or --commissioner CODE, or --network CODE");
	if (all && optind >= argc)
		return cli_usage_error(cli, "--all is for practices named by CODE");
	for (i = optind; i < argc; i++)
		for (ch = argv[i]; *ch; ch++)
			*ch = (char)toupper((unsigned char)*ch);
	if ((code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, listsize_columns, 5, 0);
	for (i = optind; i < argc && st == PCREG_OK; i++)
		st = listsize_rows(db, out, argv[i], on, all, &sum);
	if (commissioner || network) {
		st = pcreg_membership_members_on(db, commissioner ? PCREG_MEMBERSHIP_COMMISSIONER
		                                                  : PCREG_MEMBERSHIP_NETWORK,
		                                 commissioner ? commissioner : network, on, &members);
		while (st == PCREG_OK && (st = pcreg_membership_iter_next(members, &m)) == PCREG_OK)
			st = listsize_rows(db, out, pcreg_membership_practice(m), on, 0, &sum);
		if (st == PCREG_DONE)
			st = PCREG_OK;
	}
	if (st == PCREG_OK && !all && sum.practices > 1 && out_totals()) {
		out_null(out);
		out_text(out, "Total");
		out_null(out);
		out_int(out, sum.registered);
		out_null(out);
		out_row_end(out);
	}
	if (st != PCREG_OK) {
		out_abort(out);
		FAIL_IF(st);
	}
	code = out_end(out);
done:
	pcreg_membership_iter_free(members);
	pcreg_db_close(db);
	return code;
}

/* ---- the commands -------------------------------------------------------------------------- */

const struct cli_opt cli_as_of_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "the date asked about (YYYY-MM-DD; default today)", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt list_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "open on DATE; the date for the membership filters", 0 },
	{ "commissioner", 'c', ARG_CODE, "CODE", "members of this commissioner (on DATE, else ever)",
	  0 },
	{ "network", 'n', ARG_TEXT, "NETWORK", "members of this network (on DATE, else ever)", 0 },
	{ "federation", 'f', ARG_TEXT, "ID", "members of this federation (on DATE, else ever)", 0 },
	{ "status", 's', ARG_TEXT, "STATUS", "active, closed, dormant or proposed", 0 },
	{ "name", 'N', ARG_TEXT, "TEXT", "name contains TEXT", 0 },
	{ "postcode", 'p', ARG_TEXT, "PREFIX", "postcode starts with PREFIX", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt search_opts[] = {
	{ "limit", 'l', ARG_NUMBER, "N", "at most N practices (default 20; 0 for all)", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt listsize_opts[] = {
	{ "as-of", 'a', ARG_DATE, "DATE", "the latest extract on or before DATE (default today)", 0 },
	{ "commissioner", 'c', ARG_CODE, "CODE", "the practices of this commissioner on DATE", 0 },
	{ "network", 'n', ARG_TEXT, "NETWORK", "the practices of this network on DATE", 0 },
	{ "all", 'A', ARG_NONE, NULL, "every extract, not only the latest (with CODEs)", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command practice_commands[] = {
	{ "practice show", cmd_practice_show, "CODE", "one practice, and where it stood on a date",
	  "", cli_as_of_opts, FMT_ROWS, 0 },
	{ "practice list", cmd_practice_list, "", "practices matching filters, with their patients",
	  "", list_opts, FMT_ROWS, 0 },
	{ "timeline", cmd_timeline, "CODE", "everything that happened to a practice", "", NULL,
	  FMT_ROWS, 0 },
	{ "search", cmd_search, "TEXT", "practices by name, address or postcode words", "",
	  search_opts, FMT_ROWS, 0 },
	{ "listsize", cmd_listsize, "[CODE...]", "registered patients per practice",
	  "The practices named, or a commissioner's or network's: each practice's latest\n"
	  "list size on DATE (registered and, where known, weighted patients).\n\n",
	  listsize_opts, FMT_ROWS, CMD_TOTALS },
};

const struct command_group practice_group = { "Practices", COMMANDS(practice_commands) };
