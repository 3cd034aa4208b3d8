/*
 * cmd_registry.c: the registry file itself: init, migrate, check, version.
 */
#include <string.h>

#include "cli.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL;
	pcreg_status st;
	int c, code, version = 0;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		;
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK)
		return code;
	if (cli->known_at)
		return cli_usage_error(cli, "--known-at: the registry as known at a date is read-only;"
		                            " this command writes");
	opts.flags = PCREG_OPEN_CREATE | PCREG_OPEN_MIGRATE;
	if ((st = pcreg_db_open(cli->db_path, &opts, &db)) != PCREG_OK ||
	    (st = pcreg_schema_version(db, &version)) != PCREG_OK) {
		code = cli_fail(db, st);
		pcreg_db_close(db);
		return code;
	}
	printf("%s: registry at schema version %d\n", cli->db_path, version);
	pcreg_db_close(db);
	return EXIT_OK;
}

int cmd_migrate(struct cli *cli, int argc, char **argv)
{
	pcreg_db *db = NULL;
	pcreg_status st;
	int c, code, status_only = 0, before = 0, after = 0;
	int64_t target = 0;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		if (c == 's') {
			status_only = 1;
		} else if (c == 't' && (target = cli_number(optarg)) <= 0) {
			return cli_usage_error(cli, "--to: \"%s\" is not a schema version", optarg);
		}
	}
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK)
		return code;
	if (status_only && target)
		return cli_usage_error(cli, "--status and --to do not go together");
	/* Opened read-write without migrating, an older file stays as it is
	 * and can say how old it is; a read-only open would refuse it. */
	if ((code = cli_open(cli, 1, 0, &db)) != EXIT_OK)
		return code;
	if ((st = pcreg_schema_version(db, &before)) != PCREG_OK)
		goto failed;
	if (status_only) {
		printf("%s: schema version %d of %d%s\n", cli->db_path, before,
		       pcreg_schema_latest_version(),
		       pcreg_db_needs_migration(db) == 1 ? " (run 'pcreg migrate')" : "");
		pcreg_db_close(db);
		return EXIT_OK;
	}
	if (target && target < before) {
		pcreg_db_close(db);
		return cli_error(EXIT_FAIL, "%s is at schema version %d, and schemas never go down",
		                 cli->db_path, before);
	}
	if (target > pcreg_schema_latest_version()) {
		pcreg_db_close(db);
		return cli_error(EXIT_FAIL, "--to %d: this pcreg knows schema versions up to %d",
		                 (int)target, pcreg_schema_latest_version());
	}
	if ((st = pcreg_db_migrate(db, (int)target)) != PCREG_OK ||
	    (st = pcreg_schema_version(db, &after)) != PCREG_OK)
		goto failed;
	if (after == before)
		printf("%s: already at schema version %d\n", cli->db_path, after);
	else
		printf("%s: schema version %d -> %d\n", cli->db_path, before, after);
	pcreg_db_close(db);
	return EXIT_OK;
failed:
	code = cli_fail(db, st);
	pcreg_db_close(db);
	return code;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "severity", "Severity", OUT_TEXT },
		{ "check", "Check", OUT_TEXT },
		{ "detail", "What is wrong", OUT_TEXT },
	};
	pcreg_db *db = NULL;
	pcreg_finding_iter *it = NULL;
	const pcreg_finding *f;
	struct out *out;
	pcreg_status st;
	int c, code, findings = 0, notes = 0, strict = 0;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		strict |= c == 's';
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, columns, 3, 0);
	st = pcreg_check_run(db, &it);
	while (st == PCREG_OK && (st = pcreg_finding_iter_next(it, &f)) == PCREG_OK) {
		out_text(out, pcreg_finding_severity(f));
		out_text(out, pcreg_finding_check(f));
		out_text(out, pcreg_finding_detail(f));
		out_row_end(out);
		if (pcreg_finding_is_note(f))
			notes++;
		else
			findings++;
	}
	pcreg_finding_iter_free(it);
	if (st != PCREG_DONE) {
		out_abort(out);
		code = cli_fail(db, st);
		pcreg_db_close(db);
		return code;
	}
	if (cli->format == OUT_TABLE && findings == 0 && notes == 0) {
		out_abort(out);
		printf("%s: every check holds\n", cli->db_path);
		code = EXIT_OK;
	} else {
		code = out_end(out);
	}
	pcreg_db_close(db);
	/* Notes are the files' quirks, not the registry's faults: they fail
	 * the check only when asked to. */
	if (code == EXIT_OK && findings)
		code = cli_error(EXIT_FAIL, "%s: %d check%s failed", cli->db_path, findings,
		                 findings == 1 ? "" : "s");
	else if (code == EXIT_OK && strict && notes)
		code = cli_error(EXIT_FAIL, "%s: %d data note%s (--strict)", cli->db_path, notes,
		                 notes == 1 ? "" : "s");
	return code;
}

int cmd_version(struct cli *cli, int argc, char **argv)
{
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		;
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK)
		return code;
	printf("pcreg %s (schema version %d)\n", pcreg_version_string(),
	       pcreg_schema_latest_version());
	return EXIT_OK;
}

/* ---- the commands -------------------------------------------------------------------------- */

static const struct cli_opt migrate_opts[] = {
	{ "status", 's', ARG_NONE, NULL, "print the schema version and whether it is behind", 0 },
	{ "to", 't', ARG_NUMBER, "N", "migrate to version N (default: the latest)", OPT_ALT },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt check_opts[] = {
	{ "strict", 's', ARG_NONE, NULL, "exit 1 on data notes too", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command registry_commands[] = {
	{ "init", cmd_init, "", "create a registry, or bring one up to date",
	  "Creates the registry file if it does not exist and migrates it to the\n"
	  "latest schema.\n\n", NULL, 0, 0 },
	{ "migrate", cmd_migrate, "", "show or change the schema version", "", migrate_opts, 0, 0 },
	{ "check", cmd_check, "", "check the registry's integrity and rules; exit 1 if any fails",
	  "Errors: SQLite's integrity and foreign-key checks, no overlapping periods, and\n"
	  "no membership outside its organisation's open period. Data notes: quirks of the\n"
	  "national files the registry dealt with, counted (they fail only with --strict).\n\n",
	  check_opts, FMT_ROWS, 0 },
	{ "version", cmd_version, "", "print the library and schema versions", "", NULL, 0, 0 },
};

const struct command_group registry_group = { "The registry file", COMMANDS(registry_commands) };
