/*
 * cmd_network.c: networks: one network, and its members on a date.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A network by its code: a PCN's U code in any case (u99002), a local
 * network's id as it was given. */
static pcreg_status network_get(pcreg_db *db, char *code, pcreg_network **out)
{
	pcreg_status st = pcreg_network_get(db, code, out);
	char *p;

	if (st == PCREG_NOTFOUND && strspn(code, "uU0123456789") == strlen(code)) {
		for (p = code; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		st = pcreg_network_get(db, code, out);
	}
	return st;
}

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

	if (!(on = cli_as_of(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = network_get(db, argv[optind], &n));
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
		{ "registered", "Patients", OUT_INT },
	};
	int64_t patients, total = 0, n_members = 0;
	pcreg_network *n = NULL;
	pcreg_membership_iter *members = NULL;
	const pcreg_membership *m;
	pcreg_db *db = NULL;
	struct out *out = NULL;
	const char *on;
	pcreg_status st;
	int code;

	if (!(on = cli_as_of(cli, argc, argv, &code)))
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	FAIL_IF(st = network_get(db, argv[optind], &n));
	out = out_begin(cli->format, columns, 5, 0);
	st = pcreg_membership_members_on(db, PCREG_MEMBERSHIP_NETWORK, argv[optind], on, &members);
	while (st == PCREG_OK && (st = pcreg_membership_iter_next(members, &m)) == PCREG_OK) {
		pcreg_practice *p = NULL;
		pcreg_status got = pcreg_practice_get_on(db, pcreg_membership_practice(m), on,
		                                       &p);

		if (got == PCREG_OK)
			got = cli_patients(db, pcreg_membership_practice(m), on, &patients);
		if (got != PCREG_OK) {
			pcreg_practice_free(p);
			st = got;
			break;
		}
		out_text(out, pcreg_membership_practice(m));
		out_text(out, pcreg_practice_name(p));
		out_text(out, pcreg_membership_from_date(m));
		out_text(out, pcreg_membership_to_date(m));
		if (patients < 0)
			out_null(out);
		else
			out_int(out, patients);
		total += patients < 0 ? 0 : patients;
		n_members++;
		out_row_end(out);
		pcreg_practice_free(p);
	}
	if (st == PCREG_DONE && n_members > 1 && out_totals()) {
		out_null(out);
		out_text(out, "Total");
		out_null(out);
		out_null(out);
		out_int(out, total);
		out_row_end(out);
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

/* ---- the commands -------------------------------------------------------------------------- */

static const struct command network_commands[] = {
	{ "network show", cmd_network_show, "NETWORK", "one network: its leads and population on a date",
	  "", cli_as_of_opts, FMT_ROWS, 0 },
	{ "network members", cmd_network_members, "NETWORK",
	  "a network's member practices on a date, with their patients", "", cli_as_of_opts,
	  FMT_ROWS, CMD_TOTALS },
};

const struct command_group network_group = { "Networks", COMMANDS(network_commands) };
