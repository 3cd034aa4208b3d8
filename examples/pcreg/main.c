/*
 * pcreg: the command-line face of libpcreg.
 *
 * Uses the public API only (like notmuch's CLI over libnotmuch), so
 * everything it does, a program linking libpcreg can do too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcreg/pcreg.h>

enum exit_code { EXIT_OK = 0, EXIT_FAILURE_ = 1, EXIT_USAGE = 2, EXIT_NOT_FOUND = 3 };

struct cli {
	const char *db_path;
};

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *usage;
	const char *summary;
};

static int fail(pcreg_db *db, pcreg_status st)
{
	fprintf(stderr, "pcreg: %s\n", db ? pcreg_db_errmsg(db) : pcreg_status_str(st));
	return st == PCREG_NOTFOUND ? EXIT_NOT_FOUND : EXIT_FAILURE_;
}

static int open_db(struct cli *cli, int flags, int schema_version, pcreg_db **out)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_status st;

	opts.flags = flags;
	opts.schema_version = schema_version;
	st = pcreg_db_open(cli->db_path, &opts, out);
	if (st != PCREG_OK) {
		int code = fail(*out, st);

		pcreg_db_close(*out);
		*out = NULL;
		return code;
	}
	return EXIT_OK;
}

static int cmd_version(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	printf("pcreg %s (schema version %d)\n", pcreg_version_string(),
	       pcreg_schema_latest_version());
	return EXIT_OK;
}

static int cmd_init(struct cli *cli, int argc, char **argv)
{
	pcreg_db *db = NULL;
	int version = 0, code;

	(void)argv;
	if (argc != 1)
		return EXIT_USAGE;
	code = open_db(cli, PCREG_OPEN_CREATE, 0, &db);
	if (code != EXIT_OK)
		return code;
	pcreg_schema_version(db, &version);
	printf("%s: registry at schema version %d\n", cli->db_path, version);
	pcreg_db_close(db);
	return EXIT_OK;
}

static int cmd_migrate(struct cli *cli, int argc, char **argv)
{
	pcreg_db *db = NULL;
	pcreg_status st;
	int status_only = 0, target = 0, before = 0, after = 0, code, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--status") == 0) {
			status_only = 1;
		} else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc) {
			char *end;

			target = (int)strtol(argv[++i], &end, 10);
			if (*end != '\0' || target <= 0)
				return EXIT_USAGE;
		} else {
			return EXIT_USAGE;
		}
	}
	/* Without the migrate flag, an older file opens read-write unchanged
	 * and can say how old it is; a read-only open would refuse it. */
	code = open_db(cli, 0, 0, &db);
	if (code != EXIT_OK)
		return code;
	if (status_only) {
		pcreg_schema_version(db, &before);
		printf("%s: schema version %d of %d%s\n", cli->db_path, before,
		       pcreg_schema_latest_version(),
		       pcreg_db_needs_migration(db) == 1 ? " (needs migration)" : "");
		pcreg_db_close(db);
		return EXIT_OK;
	}
	pcreg_schema_version(db, &before);
	st = pcreg_db_migrate(db, target);
	if (st != PCREG_OK) {
		code = fail(db, st);
		pcreg_db_close(db);
		return code;
	}
	pcreg_schema_version(db, &after);
	printf("%s: schema version %d -> %d\n", cli->db_path, before, after);
	pcreg_db_close(db);
	return EXIT_OK;
}

static int cmd_help(struct cli *cli, int argc, char **argv);

static const struct command commands[] = {
	{ "init", cmd_init, "pcreg init", "create a registry" },
	{ "migrate", cmd_migrate, "pcreg migrate [--status | --to N]",
	  "show or bring the schema up to date" },
	{ "version", cmd_version, "pcreg version", "print the library and schema versions" },
	{ "help", cmd_help, "pcreg help [COMMAND]", "show help" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: pcreg [--db FILE] COMMAND [ARGS]\n\n"
	             "The registry is FILE, else $PCREG_DB, else ./registry.db.\n\n"
	             "commands:\n");
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-36s %s\n", commands[i].usage, commands[i].summary);
}

static int cmd_help(struct cli *cli, int argc, char **argv)
{
	const struct command *cmd;

	(void)cli;
	if (argc < 2) {
		print_usage(stdout);
		return EXIT_OK;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr, "pcreg: help: no such command: %s\n", argv[1]);
		return EXIT_USAGE;
	}
	printf("usage: %s\n\n%s\n", cmd->usage, cmd->summary);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct cli cli;
	const struct command *cmd;
	int i = 1, code;

	cli.db_path = getenv("PCREG_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "registry.db";
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_usage(stdout);
			return EXIT_OK;
		} else {
			fprintf(stderr, "pcreg: unknown option: %s\n", argv[i]);
			print_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	cmd = find_command(argv[i]);
	if (!cmd) {
		fprintf(stderr, "pcreg: no such command: %s\n", argv[i]);
		print_usage(stderr);
		return EXIT_USAGE;
	}
	if (argc > i + 1 && strcmp(argv[i + 1], "--help") == 0)
		return cmd_help(&cli, 2, argv + i - 1);
	code = cmd->run(&cli, argc - i, argv + i);
	if (code == EXIT_USAGE)
		fprintf(stderr, "usage: %s\n", cmd->usage);
	return code;
}
