/*
 * cmd_lookup.c: questions about practices, networks and commissioners,
 * most of them "as of" a date.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* How a command ends after a failed call: the message, the exit status. */
#define FAIL_IF(st)                               \
	do {                                      \
		if ((st) < 0) {                   \
			code = cli_fail(db, (st)); \
			goto done;                \
		}                                 \
	} while (0)

/* Options of the commands that take only --as-of; NULL ends the
 * command now with *code. */
static const char *as_of_option(struct cli *cli, int argc, char **argv, int *code)
{
	static const struct option options[] = {
		{ "as-of", required_argument, NULL, 'a' },
		CLI_COMMON_OPTIONS
	};
	const char *on = cli_today();
	int c;

	while ((c = cli_option(cli, argc, argv, "h", options, code)) > 0)
		if (c == 'a' && (*code = cli_date(cli, "--as-of", optarg, &on)) != EXIT_OK)
			return NULL;
	return c == 0 ? NULL : on;
}

/* A practice's printed fields, shared by list and search. */
static const struct out_column practice_columns[] = {
	{ "code", "Code", OUT_TEXT },         { "name", "Name", OUT_TEXT },
	{ "postcode", "Postcode", OUT_TEXT }, { "status", "Status", OUT_TEXT },
	{ "open_date", "Opened", OUT_TEXT },  { "close_date", "Closed", OUT_TEXT },
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
	out_row_end(out);
}

/* Print every practice an iterator gives. */
static int print_practices(struct cli *cli, pcreg_db *db, pcreg_status st, pcreg_practice_iter *it)
{
	struct out *out = out_begin(cli->format, practice_columns, N_PRACTICE_COLUMNS, 0);
	const pcreg_practice *p;

	while (st == PCREG_OK && (st = pcreg_practice_iter_next(it, &p)) == PCREG_OK)
		practice_row(out, p);
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

	if (!(on = as_of_option(cli, argc, argv, &code)))
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
	static const struct option options[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "commissioner", required_argument, NULL, 'c' },
		{ "network", required_argument, NULL, 'n' },
		{ "federation", required_argument, NULL, 'f' },
		{ "status", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'N' },
		{ "postcode", required_argument, NULL, 'p' },
		CLI_COMMON_OPTIONS
	};
	pcreg_practice_query query = PCREG_PRACTICE_QUERY_INIT;
	pcreg_practice_iter *it = NULL;
	pcreg_db *db = NULL;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0) {
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
	code = print_practices(cli, db, st, it);
	pcreg_db_close(db);
	return code;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "limit", required_argument, NULL, 'l' },
		CLI_COMMON_OPTIONS
	};
	pcreg_practice_iter *it = NULL;
	pcreg_db *db = NULL;
	pcreg_status st;
	int64_t limit = 20;
	int c, code;

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0)
		if (c == 'l' && (limit = cli_number(optarg)) < 0)
			return cli_usage_error(cli, "--limit: \"%s\" is not a number", optarg);
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	st = pcreg_practice_search(db, argv[optind], (int)limit, &it);
	code = print_practices(cli, db, st, it);
	pcreg_db_close(db);
	return code;
}

/* ---- timeline ---------------------------------------------------------------------------- */

int cmd_timeline(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = { CLI_COMMON_OPTIONS };
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

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0)
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

/* ---- network show, members ------------------------------------------------------------------ */

int cmd_network_show(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "code", "Code", OUT_TEXT },
		{ "name", "Name", OUT_TEXT },
		{ "kind", "Kind", OUT_TEXT },
		{ "commissioner", "Commissioner", OUT_TEXT },
		{ "open_date", "Opened", OUT_TEXT },
		{ "close_date", "Closed", OUT_TEXT },
		{ "as_of", "As of", OUT_TEXT },
		{ "leads", "Leads", OUT_TEXT },
		{ "practices", "Member practices", OUT_INT },
		{ "registered_patients", "Registered patients", OUT_INT },
	};
	pcreg_network *n = NULL;
	pcreg_network_lead_query lq = PCREG_NETWORK_LEAD_QUERY_INIT;
	pcreg_network_lead_iter *leads = NULL;
	const pcreg_network_lead *lead;
	pcreg_membership_iter *members = NULL;
	const pcreg_membership *m;
	pcreg_db *db = NULL;
	struct out *out;
	const char *on;
	char names[1024] = "";
	int64_t practices = 0, registered = 0;
	pcreg_status st;
	int code;

	if (!(on = as_of_option(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = pcreg_network_get(db, argv[optind], &n));
	lq.network = argv[optind];
	lq.on = on;
	st = pcreg_network_lead_list(db, &lq, &leads);
	while (st == PCREG_OK && (st = pcreg_network_lead_iter_next(leads, &lead)) == PCREG_OK) {
		const char *role = pcreg_network_lead_role(lead);
		size_t used = strlen(names);

		snprintf(names + used, sizeof names - used, "%s%s%s%s%s", used ? "; " : "",
		         pcreg_network_lead_person(lead), role ? " (" : "", role ? role : "",
		         role ? ")" : "");
	}
	FAIL_IF(st == PCREG_DONE ? PCREG_OK : st);
	st = pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, argv[optind], on, &members);
	while (st == PCREG_OK && (st = pcreg_membership_iter_next(members, &m)) == PCREG_OK) {
		pcreg_list_size *size = NULL;
		pcreg_status found = pcreg_list_size_on(db, pcreg_membership_practice(m), on, &size);

		if (found == PCREG_OK)
			registered += pcreg_list_size_registered(size);
		pcreg_list_size_free(size);
		FAIL_IF(found == PCREG_NOTFOUND ? PCREG_OK : found);
		practices++;
	}
	FAIL_IF(st == PCREG_DONE ? PCREG_OK : st);

	out = out_begin(cli->format, columns, (int)(sizeof columns / sizeof columns[0]), 1);
	out_text(out, pcreg_network_code(n));
	out_text(out, pcreg_network_name(n));
	out_text(out, pcreg_network_kind_str(pcreg_network_kind(n)));
	out_text(out, pcreg_network_commissioner(n));
	out_text(out, pcreg_network_open_date(n));
	out_text(out, pcreg_network_close_date(n));
	out_text(out, on);
	out_text(out, *names ? names : NULL);
	out_int(out, practices);
	out_int(out, registered);
	out_row_end(out);
	code = out_end(out);
done:
	pcreg_network_lead_iter_free(leads);
	pcreg_membership_iter_free(members);
	pcreg_network_free(n);
	pcreg_db_close(db);
	return code;
}

int cmd_network_members(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "practice", "Practice", OUT_TEXT }, { "name", "Name", OUT_TEXT },
		{ "from_date", "Member from", OUT_TEXT }, { "to_date", "to", OUT_TEXT },
	};
	pcreg_network *n = NULL;
	pcreg_membership_iter *members = NULL;
	const pcreg_membership *m;
	pcreg_db *db = NULL;
	struct out *out = NULL;
	const char *on;
	pcreg_status st;
	int code;

	if (!(on = as_of_option(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = pcreg_network_get(db, argv[optind], &n));
	out = out_begin(cli->format, columns, 4, 0);
	st = pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, argv[optind], on, &members);
	while (st == PCREG_OK && (st = pcreg_membership_iter_next(members, &m)) == PCREG_OK) {
		pcreg_practice *p = NULL;
		pcreg_status got = pcreg_practice_get_on(db, pcreg_membership_practice(m), on,
		                                       &p);

		if (got != PCREG_OK) {
			st = got;
			break;
		}
		out_text(out, pcreg_membership_practice(m));
		out_text(out, pcreg_practice_name(p));
		out_text(out, pcreg_membership_from_date(m));
		out_text(out, pcreg_membership_to_date(m));
		out_row_end(out);
		pcreg_practice_free(p);
	}
	if (st != PCREG_DONE) {
		out_abort(out);
		FAIL_IF(st);
	}
	code = out_end(out);
done:
	pcreg_membership_iter_free(members);
	pcreg_network_free(n);
	pcreg_db_close(db);
	return code;
}

/* ---- commissioner show, list ------------------------------------------------------------------ */

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

	if (!(on = as_of_option(cli, argc, argv, &code)))
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
	static const struct option options[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "kind", required_argument, NULL, 'k' },
		{ "region", required_argument, NULL, 'r' },
		CLI_COMMON_OPTIONS
	};
	pcreg_commissioner_query query = PCREG_COMMISSIONER_QUERY_INIT;
	pcreg_commissioner_iter *it = NULL;
	const pcreg_commissioner *cm;
	pcreg_db *db = NULL;
	struct out *out;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0) {
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

	if (!(on = as_of_option(cli, argc, argv, &code)))
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

/* ---- contract list ------------------------------------------------------------------------------ */

int cmd_contract_list(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "practice", required_argument, NULL, 'p' },
		{ "federation", required_argument, NULL, 'f' },
		{ "commissioner", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 't' },
		{ "service", required_argument, NULL, 's' },
		CLI_COMMON_OPTIONS
	};
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

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0) {
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
