/*
 * pcreg: the command-line face of libpcreg.
 *
 * Uses the public API only (like notmuch's CLI over libnotmuch), so
 * everything it does, a program linking libpcreg can do too. This file
 * holds the command table, option handling and what every command shares.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static int cmd_help(struct cli *cli, int argc, char **argv);

#define AS_OF "  --as-of DATE       the date asked about (YYYY-MM-DD; default today)\n"
#define FORMAT "  --format FORMAT    table (default), csv or json\n"

static const struct command commands[] = {
	{ "init", cmd_init, "", "create a registry, or bring one up to date",
	  "Creates the registry file if it does not exist and migrates it to the\n"
	  "latest schema.\n" },
	{ "migrate", cmd_migrate, "[--status | --to N]", "show or change the schema version",
	  "  --status           print the schema version and whether it is behind\n"
	  "  --to N             migrate to version N (default: the latest)\n" },
	{ "import", cmd_import, "KIND FILE... [--strict | --lenient] [--released DATE] [--quiet]",
	  "load national files into the registry",
	  "KIND is auto (tell from the content) or one of: epraccur, eccg, icb-names,\n"
	  "practice-map, succ, pcn-details, pcn-partners, list-size, payments, cqc,\n"
	  "ods-xml, registry-csv, registry-jsonl. Each FILE is one import: all of it or\n"
	  "none; one that fails leaves the others in, and the exit status says so.\n"
	  "With auto, a FILE may be a folder: every file in it, at any depth, is\n"
	  "recognised and loaded in an efficient order (files that are not data are\n"
	  "named as skipped). An ePCN workbook (.xlsx) is its two sheets' kinds. With a\n"
	  "kind named, FILE may be - (standard input).\n"
	  "  --released DATE    the release's date, where the file does not give one\n"
	  "  --strict           the first bad row fails the file (default)\n"
	  "  --lenient          bad rows are reported on stderr and left out\n"
	  "  --quiet            no progress bar (there is none unless stderr is a terminal)\n" },
	{ "imports", cmd_imports, "[--format FORMAT]", "list past imports", FORMAT },
	{ "rejections", cmd_rejections, "[--import N] [--format FORMAT]",
	  "list every row lenient imports left out, and why",
	  "The journal keeps them all (an import prints the first 1,000).\n"
	  "  --import N         rows import N left out\n" FORMAT },
	{ "changes", cmd_changes,
	  "[--import N | --by-release] [--code CODE] [--since DATE] [--format FORMAT]",
	  "show the journal of what imports changed",
	  "A summary line per import (opened, closed, renamed, moved, merged, reclassified,\n"
	  "succeeded, re-dated), then its changes.\n"
	  "  --import N         changes made by import N\n"
	  "  --by-release       what each release changed, oldest release first: the same\n"
	  "                     whatever order the files were loaded in\n"
	  "  --code CODE        changes to this code's rows\n"
	  "  --since DATE       changes effective on or after DATE\n" FORMAT },
	{ "export", cmd_export, "ENTITY [--format csv|jsonl] [-o FILE]",
	  "write one entity's rows as CSV or JSON Lines",
	  "ENTITY is one of, in an order that imports back: commissioner, succession,\n"
	  "arrangement, federation, network, network_lead, practice,\n"
	  "commissioner_membership, network_membership, federation_membership, contract,\n"
	  "inspection, list_size.\n"
	  "  --format FORMAT    csv (default) or jsonl\n"
	  "  -o, --output FILE  write FILE (all or nothing) instead of stdout; - is stdout\n" },
	{ "practice show", cmd_practice_show, "CODE [--as-of DATE] [--format FORMAT]",
	  "one practice, and where it stood on a date", AS_OF FORMAT },
	{ "practice list", cmd_practice_list,
	  "[--as-of DATE] [--commissioner CODE] [--network CODE] [--federation ID]\n"
	  "                         [--status STATUS] [--name TEXT] [--postcode PREFIX] [--format FORMAT]",
	  "practices matching filters",
	  "  --as-of DATE       open on DATE; the date for the membership filters\n"
	  "  --commissioner CODE, --network CODE, --federation ID\n"
	  "                     members of this organisation (on DATE, else ever)\n"
	  "  --status STATUS    active, closed, dormant or proposed\n"
	  "  --name TEXT        name contains TEXT\n"
	  "  --postcode PREFIX  postcode starts with PREFIX\n" FORMAT },
	{ "timeline", cmd_timeline, "CODE [--format FORMAT]", "everything that happened to a practice",
	  FORMAT },
	{ "search", cmd_search, "TEXT [--limit N] [--format FORMAT]",
	  "practices by name, address or postcode words",
	  "  --limit N          at most N practices (default 20; 0 for all)\n" FORMAT },
	{ "network show", cmd_network_show, "CODE [--as-of DATE] [--format FORMAT]",
	  "one network: its leads and population on a date", AS_OF FORMAT },
	{ "network members", cmd_network_members, "CODE [--as-of DATE] [--format FORMAT]",
	  "a network's member practices on a date", AS_OF FORMAT },
	{ "commissioner show", cmd_commissioner_show, "CODE [--as-of DATE] [--format FORMAT]",
	  "one commissioner: its arrangement, practices and successor on a date", AS_OF FORMAT },
	{ "commissioner list", cmd_commissioner_list,
	  "[--as-of DATE] [--kind KIND] [--region CODE] [--format FORMAT]", "commissioners",
	  "  --as-of DATE       open on DATE\n"
	  "  --kind KIND        region, ccg, icb or sub-icb\n"
	  "  --region CODE      in this NHS England region\n" FORMAT },
	{ "resolve", cmd_resolve, "CODE [--as-of DATE] [--format FORMAT]",
	  "follow successions from a code to the one in use on a date", AS_OF FORMAT },
	{ "contract list", cmd_contract_list,
	  "[--as-of DATE] [--practice CODE] [--federation ID] [--commissioner CODE]\n"
	  "                         [--type TYPE] [--service NAME] [--format FORMAT]",
	  "contracts: core contracts, enhanced services and local schemes",
	  "  --as-of DATE       running on DATE\n"
	  "  --practice CODE, --federation ID\n"
	  "                     held by this practice or federation\n"
	  "  --commissioner CODE  let by this commissioner\n"
	  "  --type TYPE        GMS, PMS, APMS, DES, LES, LIS or OTHER\n"
	  "  --service NAME     for this service (the whole name, any case)\n" FORMAT },
	{ "report", cmd_report,
	  "cqc|pms|commissioning|networks|scheme [--as-of DATE] [--commissioner CODES]\n"
	  "                         [--service NAME] [--min N] [--max N] [--format FORMAT]",
	  "the seed papers' tables",
	  "  cqc                CQC outcomes per commissioner (seed 004, seed 000)\n"
	  "  pms                PMS practices and premiums per commissioner (seed 004)\n"
	  "  commissioning      co-commissioning levels per region (seed 001)\n"
	  "  networks           network populations against a range\n"
	  "  scheme             practices in a local scheme (seed 000; needs --service)\n" AS_OF
	  "  --commissioner CODES  only these, separated by commas (regions for commissioning)\n"
	  "  --service NAME     the scheme's service, e.g. \"Integrated Case Management\"\n"
	  "  --min N, --max N   networks outside this many registered patients are flagged\n"
	  "                     (default 30000 and 50000)\n" FORMAT },
	{ "check", cmd_check, "[--strict] [--format FORMAT]",
	  "check the registry's integrity and rules; exit 1 if any fails",
	  "Errors: SQLite's integrity and foreign-key checks, no overlapping periods, and\n"
	  "no membership outside its organisation's open period. Data notes: quirks of the\n"
	  "national files the registry dealt with, counted (they fail only with --strict).\n"
	  "  --strict           exit 1 on data notes too\n" FORMAT },
	{ "version", cmd_version, "", "print the library and schema versions", "" },
	{ "help", cmd_help, "[COMMAND]", "show help for pcreg or a command", "" },
};

#define N_COMMANDS ((int)(sizeof commands / sizeof commands[0]))

/* ---- help --------------------------------------------------------------------------- */

static void print_usage_line(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: pcreg %s%s%s\n", cmd->name, *cmd->usage ? " " : "", cmd->usage);
}

static void print_overview(FILE *f)
{
	int i;

	fputs("usage: pcreg [--db FILE] [--known-at DATE] COMMAND [ARGS]\n\n"
	      "A registry of English NHS primary care. The registry is FILE, else\n"
	      "$PCREG_DB, else ./registry.db. With --known-at, every answer is the\n"
	      "registry's as known at DATE: only releases dated on or before it count.\n\n"
	      "Commands:\n",
	      f);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-22s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'pcreg help COMMAND' or 'pcreg COMMAND --help' for a command's options.\n"
	      "Exit status: 0 ok, 1 failure, 2 usage error, 3 not found.\n",
	      f);
}

static void print_help(FILE *f, const struct command *cmd)
{
	print_usage_line(f, cmd);
	fprintf(f, "\n%c%s.\n\n%s", toupper((unsigned char)cmd->summary[0]), cmd->summary + 1,
	        cmd->help);
	fprintf(f, "  --db FILE          the registry (default $PCREG_DB, else ./registry.db)\n"
	           "  --known-at DATE    (before the command) answer as known at DATE: only\n"
	           "                     releases dated on or before it count\n"
	           "  -h, --help         this help\n");
}

/* Commands named `word` or starting "word " (a group such as practice). */
static int print_group_help(FILE *f, const char *word)
{
	size_t n = strlen(word);
	int i, found = 0;

	for (i = 0; i < N_COMMANDS; i++) {
		if (strncmp(commands[i].name, word, n) != 0 ||
		    (commands[i].name[n] != '\0' && commands[i].name[n] != ' '))
			continue;
		if (found++)
			fputc('\n', f);
		print_help(f, &commands[i]);
	}
	return found;
}

/* The usage lines of a group's commands. */
static void print_group_usage(FILE *f, const char *word)
{
	size_t n = strlen(word);
	int i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strncmp(commands[i].name, word, n) == 0 && commands[i].name[n] == ' ')
			print_usage_line(f, &commands[i]);
}

static int cmd_help(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = { CLI_COMMON_OPTIONS };
	char name[64];
	int c, code;

	while ((c = cli_option(cli, argc, argv, "h", options, &code)) > 0)
		;
	if (c == 0)
		return code;
	if (optind >= argc) {
		print_overview(stdout);
		return EXIT_OK;
	}
	snprintf(name, sizeof name, "%s%s%s", argv[optind], optind + 1 < argc ? " " : "",
	         optind + 1 < argc ? argv[optind + 1] : "");
	if (print_group_help(stdout, name) || print_group_help(stdout, argv[optind]))
		return EXIT_OK;
	return cli_usage_error(cli, "no such command: %s", argv[optind]);
}

/* ---- what the commands share -------------------------------------------------------------- */

int cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("pcreg: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "pcreg: %s: ", cli->cmd ? cli->cmd->name : "usage");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cli->cmd)
		print_usage_line(stderr, cli->cmd);
	return EXIT_USAGE;
}

int cli_option(struct cli *cli, int argc, char **argv, const char *shorts,
               const struct option *longs, int *code)
{
	char optstring[32];
	int c;

	*code = EXIT_OK;
	/* ':' first: quiet, and a missing value is told from an unknown option. */
	snprintf(optstring, sizeof optstring, ":%s", shorts);
	opterr = 0;
	c = getopt_long(argc, argv, optstring, longs, NULL);
	switch (c) {
	case 'h':
		print_help(stdout, cli->cmd);
		return 0;
	case 'D':
		cli->db_path = optarg;
		return 'D';
	case 'F':
		if (strcmp(optarg, "table") == 0)
			cli->format = OUT_TABLE;
		else if (strcmp(optarg, "csv") == 0)
			cli->format = OUT_CSV;
		else if (strcmp(optarg, "json") == 0)
			cli->format = OUT_JSON;
		else {
			*code = cli_usage_error(cli, "--format: \"%s\" is not table, csv or json",
			                        optarg);
			return 0;
		}
		return 'F';
	case ':':
		*code = cli_usage_error(cli, "%s needs a value", argv[optind - 1]);
		return 0;
	case '?':
		if (optopt)
			*code = cli_usage_error(cli, "unknown option -%c", optopt);
		else
			*code = cli_usage_error(cli, "unknown option %s", argv[optind - 1]);
		return 0;
	default:
		return c;
	}
}

int cli_positionals(const struct cli *cli, int argc, char **argv, int min, int max)
{
	int n = argc - optind;

	if (n < min)
		return cli_usage_error(cli, "too few arguments");
	if (n > max)
		return cli_usage_error(cli, "unexpected argument: %s", argv[optind + max]);
	return EXIT_OK;
}

int cli_open(const struct cli *cli, int write, int create, pcreg_db **out)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_status st;

	if (cli->known_at && write)
		return cli_usage_error(cli, "--known-at: the registry as known at a date is read-only;"
		                            " this command writes");
	opts.flags = (write ? 0 : PCREG_OPEN_READONLY) | (create ? PCREG_OPEN_CREATE : 0);
	st = pcreg_db_open(cli->db_path, &opts, out);
	if (st == PCREG_NOTFOUND && !create) {
		pcreg_db_close(*out);
		*out = NULL;
		return cli_error(EXIT_NOT_FOUND, "%s: no registry there (make one with 'pcreg init', "
		                 "or name another with --db FILE or $PCREG_DB)", cli->db_path);
	}
	if (st == PCREG_OK && cli->known_at) {
		pcreg_db *known = NULL;

		st = pcreg_db_known_at(*out, cli->known_at, &known);
		if (st == PCREG_OK) {
			pcreg_db_close(*out);
			*out = known;
		}
	}
	if (st != PCREG_OK) {
		int code = cli_fail(*out, st);

		pcreg_db_close(*out);
		*out = NULL;
		return code;
	}
	return EXIT_OK;
}

int cli_fail(pcreg_db *db, pcreg_status st)
{
	const char *msg = db ? pcreg_db_errmsg(db) : NULL;

	cli_error(0, "%s", msg && *msg ? msg : pcreg_status_str(st));
	return st == PCREG_NOTFOUND ? EXIT_NOT_FOUND : EXIT_FAIL;
}

int cli_date(const struct cli *cli, const char *option, const char *text, const char **out)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    text[4] != '-' || text[7] != '-')
		return cli_usage_error(cli, "%s: \"%s\" is not a date (YYYY-MM-DD)", option, text);
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return cli_usage_error(cli, "%s: \"%s\" is not a real date", option, text);
	*out = text;
	return EXIT_OK;
}

const char *cli_today(void)
{
	static char today[16];
	time_t now = time(NULL);
	struct tm tm;

	if (!today[0] && localtime_r(&now, &tm))
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
	return today;
}

int64_t cli_number(const char *text)
{
	char *end;
	long long v;

	if (!*text || *text == '-' || *text == '+')
		return -1;
	v = strtoll(text, &end, 10);
	return *end || v < 0 || v > INT32_MAX ? -1 : (int64_t)v;
}

/* ---- dispatch --------------------------------------------------------------------------- */

/* The command named by argv[0] (and argv[1], for a group); *words says how many. */
static const struct command *find_command(int argc, char **argv, int *words)
{
	int i;

	for (i = 0; i < N_COMMANDS; i++) {
		const char *name = commands[i].name, *space = strchr(name, ' ');

		if (!space && strcmp(name, argv[0]) == 0) {
			*words = 1;
			return &commands[i];
		}
		if (space && strncmp(name, argv[0], (size_t)(space - name)) == 0 &&
		    argv[0][space - name] == '\0' && argc > 1 && strcmp(space + 1, argv[1]) == 0) {
			*words = 2;
			return &commands[i];
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct cli cli = { NULL, OUT_TABLE, NULL, NULL };
	const struct command *cmd;
	int i = 1, words = 0;

	cli.db_path = getenv("PCREG_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "registry.db";
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli.db_path = argv[i++] + 5;
		} else if (strcmp(argv[i], "--known-at") == 0 && i + 1 < argc) {
			int code = cli_date(&cli, "--known-at", argv[i + 1], &cli.known_at);

			if (code != EXIT_OK)
				return code;
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_overview(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			return cmd_version(&cli, 1, argv + i);
		} else {
			return cli_error(EXIT_USAGE, "unknown option %s (see 'pcreg --help')", argv[i]);
		}
	}
	if (i >= argc) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	cmd = find_command(argc - i, argv + i, &words);
	if (!cmd) {
		/* A group without its subcommand gets the group's help. */
		if (strcmp(argv[i], "practice") == 0 || strcmp(argv[i], "network") == 0 ||
		    strcmp(argv[i], "commissioner") == 0 || strcmp(argv[i], "contract") == 0) {
			if (i + 1 < argc && (strcmp(argv[i + 1], "--help") == 0 ||
			                     strcmp(argv[i + 1], "-h") == 0)) {
				print_group_help(stdout, argv[i]);
				return EXIT_OK;
			}
			if (i + 1 < argc)
				cli_error(0, "%s: no such subcommand: %s", argv[i], argv[i + 1]);
			else
				cli_error(0, "%s: which one?", argv[i]);
			print_group_usage(stderr, argv[i]);
			return EXIT_USAGE;
		}
		cli_error(0, "no such command: %s (see 'pcreg help')", argv[i]);
		return EXIT_USAGE;
	}
	cli.cmd = cmd;
	/* argv[0] of a command is its last word; getopt starts after it. */
	optind = 1;
	return cmd->run(&cli, argc - i - words + 1, argv + i + words - 1);
}
