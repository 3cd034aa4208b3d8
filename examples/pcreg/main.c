/*
 * pcreg: the command-line face of libpcreg.
 *
 * Uses the public API only (like notmuch's CLI over libnotmuch), so
 * everything it does, a program linking libpcreg can do too. This file
 * holds what every command shares: the groups' command tables brought
 * together, option parsing made from them, help and shell completion made
 * from them, and dispatch.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

static const struct command_group *const groups[] = {
	&registry_group, &import_group, &practice_group, &network_group,
	&commissioner_group, &contract_group, &report_group, &help_group,
};
#define N_GROUPS ((int)(sizeof groups / sizeof groups[0]))

static const char *const format_names[] = { "table", "csv", "tsv", "json", "jsonl",
	                                    "svg", "png", "html" };
#define N_FORMATS ((int)(sizeof format_names / sizeof format_names[0]))

/* The options every command takes, after its own; `val`s out of a letter's range. */
enum { COMMON_HELP = 'h', COMMON_DB = 0x100, COMMON_FORMAT, COMMON_NO_HEADER, COMMON_NO_TOTAL };

static const struct cli_opt common_db = { "db", COMMON_DB, ARG_FILE, "FILE",
	                                  "the registry (default $PCREG_DB, else ./registry.db)", 0 };
static const struct cli_opt common_format = { "format", COMMON_FORMAT, ARG_TEXT, "FORMAT", NULL,
	                                      0 };
static const struct cli_opt common_no_header = { "no-header", COMMON_NO_HEADER, ARG_NONE, NULL,
	                                         "no headings (table) or header line (csv, tsv)",
	                                         0 };
static const struct cli_opt common_no_total = { "no-total", COMMON_NO_TOTAL, ARG_NONE, NULL,
	                                        "leave out the totals row", 0 };
static const struct cli_opt common_help = { "help", COMMON_HELP, ARG_NONE, NULL, "this help",
	                                    OPT_SHORT };

const struct command *const *cli_commands(int *n)
{
	static const struct command *all[64];
	static int count;
	int g, i;

	if (!count)
		for (g = 0; g < N_GROUPS; g++)
			for (i = 0; i < groups[g]->n && count < (int)(sizeof all / sizeof all[0]); i++)
				all[count++] = &groups[g]->commands[i];
	*n = count;
	return all;
}

/* The options a command takes, its own then the common ones, in `out`. */
static int options_of(const struct command *cmd, const struct cli_opt **out, int cap)
{
	int n = 0, i;

	for (i = 0; cmd->opts && cmd->opts[i].name && n < cap - 5; i++)
		out[n++] = &cmd->opts[i];
	if (cmd->formats) {
		out[n++] = &common_format;
		out[n++] = &common_no_header;
	}
	if (cmd->flags & CMD_TOTALS)
		out[n++] = &common_no_total;
	out[n++] = &common_db;
	out[n++] = &common_help;
	return n;
}

/* "table (the default), csv, tsv, json or jsonl": the formats a command prints. */
static void format_list(char *buf, size_t size, unsigned formats, int mark_default)
{
	int i, n = 0, total = 0;

	buf[0] = '\0';
	for (i = 0; i < N_FORMATS; i++)
		total += (formats & FMT(i)) != 0;
	for (i = 0; i < N_FORMATS; i++) {
		size_t len = strlen(buf);

		if (!(formats & FMT(i)))
			continue;
		n++;
		snprintf(buf + len, size - len, "%s%s%s", n == 1 ? "" : n == total ? " or " : ", ",
		         format_names[i], n == 1 && mark_default ? " (the default)" : "");
	}
}

/* ---- help --------------------------------------------------------------------------- */

/* A synopsis as words, wrapped under the command's name when `wrap`. */
void cli_print_synopsis(FILE *f, const struct command *cmd, int wrap)
{
	char words[32][160];
	int n = 0, i, column;
	const struct cli_opt *o;

	if (*cmd->args)
		snprintf(words[n++], sizeof words[0], "%s", cmd->args);
	for (o = cmd->opts; o && o->name && n < 30; o++) {
		const struct cli_opt *next = o[1].name && (o[1].flags & OPT_ALT) ? &o[1] : NULL;
		char one[64], two[64];

		snprintf(one, sizeof one, "--%s%s%s", o->name, o->value ? " " : "",
		         o->value ? o->value : "");
		if (next) {
			snprintf(two, sizeof two, "--%s%s%s", next->name, next->value ? " " : "",
			         next->value ? next->value : "");
			snprintf(words[n++], sizeof words[0], "[%s | %s]", one, two);
			o++;
		} else {
			snprintf(words[n++], sizeof words[0], "[%s]", one);
		}
	}
	if (cmd->formats)
		snprintf(words[n++], sizeof words[0], "[--format FORMAT]");
	column = 13 + (int)strlen(cmd->name);
	for (i = 0; i < n; i++) {
		int len = (int)strlen(words[i]);

		if (wrap && i && column + 1 + len > 79) {
			fprintf(f, "\n%25s", "");
			column = 25;
		} else if (i) {
			fputc(' ', f);
			column++;
		}
		fputs(words[i], f);
		column += len;
	}
}

static void print_usage_line(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: pcreg %s%s", cmd->name, *cmd->args || cmd->opts || cmd->formats ? " " : "");
	cli_print_synopsis(f, cmd, 1);
	fputc('\n', f);
}

static void print_overview(FILE *f)
{
	int g, i;

	fputs("usage: pcreg [--db FILE] [--known-at DATE] COMMAND [ARGS]\n\n"
	      "A registry of English NHS primary care. The registry is FILE, else\n"
	      "$PCREG_DB, else ./registry.db. With --known-at, every answer is the\n"
	      "registry's as known at DATE: only releases dated on or before it count.\n",
	      f);
	for (g = 0; g < N_GROUPS; g++) {
		fprintf(f, "\n%s:\n", groups[g]->title);
		for (i = 0; i < groups[g]->n; i++)
			fprintf(f, "  %-22s %s\n", groups[g]->commands[i].name,
			        groups[g]->commands[i].summary);
	}
	fputs("\nRun 'pcreg help COMMAND' or 'pcreg COMMAND --help' for a command's options.\n"
	      "Exit status: 0 ok, 1 failure, 2 usage error, 3 not found.\n",
	      f);
}

/* One option's help: "  --as-of DATE       text", continuation lines aligned. */
static void print_option_help(FILE *f, const struct cli_opt *o, const char *help)
{
	char head[64];
	const char *line = help;

	if (o->flags & OPT_SHORT)
		snprintf(head, sizeof head, "-%c, --%s%s%s", o->val, o->name, o->value ? " " : "",
		         o->value ? o->value : "");
	else
		snprintf(head, sizeof head, "--%s%s%s", o->name, o->value ? " " : "",
		         o->value ? o->value : "");
	if (strlen(head) > 17)
		fprintf(f, "  %s\n%21s", head, "");
	else
		fprintf(f, "  %-18s ", head);
	while (line) {
		const char *end = strchr(line, '\n');

		if (end) {
			fprintf(f, "%.*s\n%21s", (int)(end - line), line, "");
			line = end + 1;
		} else {
			fprintf(f, "%s\n", line);
			line = NULL;
		}
	}
}

static void print_help(FILE *f, const struct command *cmd)
{
	const struct cli_opt *opts[40];
	int n = options_of(cmd, opts, 40), i;

	print_usage_line(f, cmd);
	fprintf(f, "\n%c%s.\n\n%s", toupper((unsigned char)cmd->summary[0]), cmd->summary + 1,
	        cmd->about);
	for (i = 0; i < n; i++) {
		char formats[128];

		if (opts[i] == &common_format) {
			format_list(formats, sizeof formats, cmd->formats, 1);
			print_option_help(f, opts[i], formats);
		} else {
			print_option_help(f, opts[i], opts[i]->help);
		}
	}
	fprintf(f, "  --known-at DATE    (before the command) answer as known at DATE: only\n"
	           "                     releases dated on or before it count\n");
}

/* The commands of a group word ("practice"), or the one named; how many printed. */
static int print_group_help(FILE *f, const char *word)
{
	size_t n = strlen(word);
	int count, i, found = 0;
	const struct command *const *all = cli_commands(&count);

	for (i = 0; i < count; i++) {
		if (strncmp(all[i]->name, word, n) != 0 ||
		    (all[i]->name[n] != '\0' && all[i]->name[n] != ' '))
			continue;
		if (found++)
			fputc('\n', f);
		print_help(f, all[i]);
	}
	return found;
}

/* The usage lines of a group's commands. */
static void print_group_usage(FILE *f, const char *word)
{
	size_t n = strlen(word);
	int count, i;
	const struct command *const *all = cli_commands(&count);

	for (i = 0; i < count; i++)
		if (strncmp(all[i]->name, word, n) == 0 && all[i]->name[n] == ' ')
			print_usage_line(f, all[i]);
}

/* ---- did you mean ------------------------------------------------------------------------ */

/* Edits (insert, delete, replace, swap two neighbours) from a to b, up to 9. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int d[40][40];

	if (la >= 40 || lb >= 40)
		return 9;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			int best = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb] > 9 ? 9 : d[la][lb];
}

/* The candidate nearest to `word`, if near enough to be a slip; else NULL. */
static const char *nearest(const char *word, const char *const *candidates, int n)
{
	const char *best = NULL;
	int best_d = 9, i, limit = strlen(word) <= 4 ? 1 : 2;

	for (i = 0; i < n; i++) {
		int d = distance(word, candidates[i]);
		size_t lw = strlen(word);

		/* a prefix of a longer name (--as for --as-of) is a slip too */
		if (lw >= 2 && strncmp(candidates[i], word, lw) == 0)
			d = d < 1 ? d : 1;
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

/* " (did you mean X?)" or "", for a message. */
static void did_you_mean(char *buf, size_t size, const char *prefix, const char *word,
                         const char *const *candidates, int n)
{
	const char *near = nearest(word, candidates, n);

	if (near)
		snprintf(buf, size, "; did you mean %s%s?", prefix, near);
	else
		buf[0] = '\0';
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

static int parse_format(struct cli *cli, const char *text)
{
	char allowed[128];
	int i;

	if (!cli->cmd->formats)
		return cli_usage_error(cli, "--format: this command prints no rows");
	format_list(allowed, sizeof allowed, cli->cmd->formats, 0);
	for (i = 0; i < N_FORMATS; i++)
		if (strcmp(text, format_names[i]) == 0) {
			if (!(cli->cmd->formats & FMT(i)))
				break;
			cli->format = (enum out_format)i;
			return EXIT_OK;
		}
	return cli_usage_error(cli, "--format: \"%s\" is not %s", text, allowed);
}

/* A value for its type; a code is upper-cased in place (argv is ours). */
static int check_value(struct cli *cli, const struct cli_opt *o, char *value)
{
	char option[64];
	const char *checked;
	char *p;

	snprintf(option, sizeof option, "--%s", o->name);
	switch (o->arg) {
	case ARG_DATE:
		return cli_date(cli, option, value, &checked);
	case ARG_CODE:
	case ARG_CODES:
		for (p = value; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (!*value || strspn(value, o->arg == ARG_CODES
		                                     ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,"
		                                     : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") !=
		                       strlen(value))
			return cli_usage_error(cli, o->arg == ARG_CODES
			                                    ? "%s: \"%s\" is not codes separated by commas"
			                                      " (07L,08F)"
			                                    : "%s: \"%s\" is not a code (letters and digits)",
			                       option, value);
		return EXIT_OK;
	case ARG_NUMBER:
		if (cli_number(value) < 0)
			return cli_usage_error(cli, "%s: \"%s\" is not a whole number", option, value);
		return EXIT_OK;
	default:
		return EXIT_OK;
	}
}

int cli_option(struct cli *cli, int argc, char **argv, int *code)
{
	const struct cli_opt *opts[40];
	struct option longs[41];
	char shorts[64] = ":";
	int n = options_of(cli->cmd, opts, 40), i, c, index = -1;

	*code = EXIT_OK;
	for (i = 0; i < n; i++) {
		longs[i].name = opts[i]->name;
		longs[i].has_arg = opts[i]->arg == ARG_NONE ? no_argument : required_argument;
		longs[i].flag = NULL;
		longs[i].val = opts[i]->val;
		if (opts[i]->flags & OPT_SHORT) {
			size_t len = strlen(shorts);

			shorts[len] = (char)opts[i]->val;
			shorts[len + 1] = '\0';
			if (opts[i]->arg != ARG_NONE)
				strcat(shorts, ":");
		}
	}
	memset(&longs[n], 0, sizeof longs[n]);
	opterr = 0;
	c = getopt_long(argc, argv, shorts, longs, &index);
	if (c == ':') {
		*code = cli_usage_error(cli, "%s needs a value", argv[optind - 1]);
		return 0;
	}
	if (c == '?') {
		const char *names[40];
		char hint[96], word[64];
		const char *given = argv[optind - 1];

		if (optopt) {
			*code = cli_usage_error(cli, "unknown option -%c", optopt);
			return 0;
		}
		for (i = 0; i < n; i++)
			names[i] = opts[i]->name;
		snprintf(word, sizeof word, "%.*s", (int)strcspn(given + 2, "="), given + 2);
		if (strcmp(word, "format") == 0 || strcmp(word, "no-header") == 0) {
			*code = cli_usage_error(cli, "%s: this command prints no rows", given);
			return 0;
		}
		did_you_mean(hint, sizeof hint, "--", word, names, n);
		*code = cli_usage_error(cli, "unknown option %s%s", given, hint);
		return 0;
	}
	if (c < 0)
		return c;
	for (i = 0; i < n; i++)
		if (opts[i]->val == c)
			break;
	if (i < n && opts[i]->arg != ARG_NONE && (*code = check_value(cli, opts[i], optarg)) != EXIT_OK)
		return 0;
	switch (c) {
	case COMMON_HELP:
		print_help(stdout, cli->cmd);
		return 0;
	case COMMON_DB:
		cli->db_path = optarg;
		return cli_option(cli, argc, argv, code);
	case COMMON_FORMAT:
		if ((*code = parse_format(cli, optarg)) != EXIT_OK)
			return 0;
		return cli_option(cli, argc, argv, code);
	case COMMON_NO_HEADER:
		cli->no_header = 1;
		out_configure(cli->no_header, cli->no_total);
		return cli_option(cli, argc, argv, code);
	case COMMON_NO_TOTAL:
		cli->no_total = 1;
		out_configure(cli->no_header, cli->no_total);
		return cli_option(cli, argc, argv, code);
	default:
		return c;
	}
}

int cli_positionals(const struct cli *cli, int argc, char **argv, int min, int max)
{
	int n = argc - optind;
	char *p;

	if (n < min)
		return cli_usage_error(cli, "too few arguments");
	if (n > max)
		return cli_usage_error(cli, "unexpected argument: %s", argv[optind + max]);
	/* ODS codes are upper case; people type them in any case */
	if (n > 0 && strncmp(cli->cmd->args, "CODE", 4) == 0)
		for (p = argv[optind]; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	return EXIT_OK;
}

const char *cli_as_of(struct cli *cli, int argc, char **argv, int *code)
{
	const char *on = cli_today();
	int c;

	while ((c = cli_option(cli, argc, argv, code)) > 0)
		if (c == 'a')
			on = optarg;
	return c == 0 ? NULL : on;
}

int cli_open(const struct cli *cli, int write, int create, pcreg_db **out)
{
	pcreg_open_options opts = PCREG_OPEN_OPTIONS_INIT;
	pcreg_status st;
	struct stat sb;

	if (cli->known_at && write)
		return cli_usage_error(cli, "--known-at: the registry as known at a date is read-only;"
		                            " this command writes");
	if (stat(cli->db_path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return cli_error(EXIT_USAGE, "%s is a directory, not a registry file; name the file"
		                 " (--db %s/registry.db)", cli->db_path, cli->db_path);
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

		/* the library's advice is for programs; a person runs a command */
		if (st == PCREG_NEEDS_MIGRATION)
			cli_error(0, "run 'pcreg migrate' to bring it up to date");
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

/* A spelling of a date people write, read as year, month and day; 0 if none. */
static int other_spelling(const char *text, int *y, int *m, int *d)
{
	int n = 0;

	/* 01/04/2020 or 1.4.2020: day first, as dates are written in England */
	if ((sscanf(text, "%2d/%2d/%4d%n", d, m, y, &n) == 3 ||
	     sscanf(text, "%2d.%2d.%4d%n", d, m, y, &n) == 3) && text[n] == '\0' && *y > 999)
		return 1;
	n = 0;
	if (strlen(text) == 8 && strspn(text, "0123456789") == 8 &&
	    sscanf(text, "%4d%2d%2d%n", y, m, d, &n) == 3)
		return 1; /* 20200401 */
	n = 0;
	if (sscanf(text, "%4d-%2d-%2d%n", y, m, d, &n) == 3 && text[n] == '\0')
		return 1; /* 2020-4-1 */
	return 0;
}

int cli_date(const struct cli *cli, const char *option, const char *text, const char **out)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    text[4] != '-' || text[7] != '-') {
		if (other_spelling(text, &y, &m, &d) && m >= 1 && m <= 12 && d >= 1 &&
		    d <= days[m - 1])
			return cli_usage_error(cli, "%s: dates are YYYY-MM-DD: did you mean "
			                            "%04d-%02d-%02d?", option, y, m, d);
		return cli_usage_error(cli, "%s: \"%s\" is not a date (YYYY-MM-DD)", option, text);
	}
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

/* ---- help and completion, the commands --------------------------------------------------- */

int cmd_help(struct cli *cli, int argc, char **argv)
{
	char name[64];
	int c, code, i, n;
	const struct command *const *all;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		if (c == 's') {
			/* every command's synopsis, one a line: the man page's test reads it */
			all = cli_commands(&n);
			for (i = 0; i < n; i++) {
				if (all[i]->flags & CMD_GROUP)
					continue;
				printf("%s%s", all[i]->name,
				       *all[i]->args || all[i]->opts || all[i]->formats ? " " : "");
				cli_print_synopsis(stdout, all[i], 0);
				putchar('\n');
			}
			return EXIT_OK;
		}
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

/* The first words of the commands ("practice" once), for completion and hints. */
static int command_words(const char **words, int cap)
{
	int count, i, j, n = 0;
	const struct command *const *all = cli_commands(&count);

	for (i = 0; i < count && n < cap; i++) {
		size_t len = strcspn(all[i]->name, " ");
		static char firsts[64][32];

		snprintf(firsts[i], sizeof firsts[i], "%.*s", (int)len, all[i]->name);
		for (j = 0; j < n; j++)
			if (strcmp(words[j], firsts[i]) == 0)
				break;
		if (j == n)
			words[n++] = firsts[i];
	}
	return n;
}

/*
 * A bash completion script, made from the same tables as the help: the
 * commands, each group's subcommands, and each command's options. Values
 * of --format are completed from the command's formats, files for FILE.
 */
int cmd_completion(struct cli *cli, int argc, char **argv)
{
	const char *words[64];
	int c, code, i, j, n, count;
	const struct command *const *all;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		;
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK)
		return code;
	if (strcmp(argv[optind], "bash") != 0)
		return cli_usage_error(cli, "no completion for \"%s\" (only bash)", argv[optind]);
	all = cli_commands(&count);
	n = command_words(words, 64);
	printf("# bash completion for pcreg, made by 'pcreg completion bash' from the\n"
	       "# command tables that also make its help.\n"
	       "_pcreg()\n{\n"
	       "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	       "\tlocal i=1 cmd=\n"
	       "\twhile [ $i -lt $COMP_CWORD ]; do\n"
	       "\t\tcase ${COMP_WORDS[i]} in\n"
	       "\t\t--db|--known-at) i=$((i + 2)); continue ;;\n"
	       "\t\t-*) i=$((i + 1)); continue ;;\n"
	       "\t\tesac\n"
	       "\t\tcmd=${COMP_WORDS[i]}\n"
	       "\t\tbreak\n"
	       "\tdone\n"
	       "\tif [ -z \"$cmd\" ]; then\n"
	       "\t\tcase $prev in --db) COMPREPLY=($(compgen -f -- \"$cur\")); return ;; esac\n"
	       "\t\tCOMPREPLY=($(compgen -W \"");
	for (i = 0; i < n; i++)
		printf("%s%s", i ? " " : "", words[i]);
	printf(" --db --known-at --help --version\" -- \"$cur\"))\n\t\treturn\n\tfi\n");
	/* a group's subcommand */
	printf("\tcase $cmd in\n");
	for (i = 0; i < n; i++) {
		int sub = 0;

		for (j = 0; j < count; j++) {
			size_t len = strlen(words[i]);

			if (strncmp(all[j]->name, words[i], len) == 0 && all[j]->name[len] == ' ') {
				if (!sub++)
					printf("\t%s)\n\t\tif [ $COMP_CWORD -eq $((i + 1)) ]; then\n"
					       "\t\t\tCOMPREPLY=($(compgen -W \"", words[i]);
				else
					putchar(' ');
				fputs(all[j]->name + len + 1, stdout);
			}
		}
		if (sub)
			printf("\" -- \"$cur\"))\n\t\t\treturn\n\t\tfi\n"
			       "\t\tcmd=\"$cmd ${COMP_WORDS[i+1]}\" ;;\n");
	}
	printf("\tesac\n");
	/* the command's options, and their values */
	printf("\tcase $cmd in\n");
	for (j = 0; j < count; j++) {
		const struct cli_opt *opts[40];
		int k, m = options_of(all[j], opts, 40);

		if (all[j]->flags & CMD_GROUP)
			continue;
		printf("\t\"%s\")\n\t\tcase $prev in\n", all[j]->name);
		if (all[j]->formats) {
			printf("\t\t--format) COMPREPLY=($(compgen -W \"");
			for (k = 0, i = 0; k < N_FORMATS; k++)
				if (all[j]->formats & FMT(k))
					printf("%s%s", i++ ? " " : "", format_names[k]);
			printf("\" -- \"$cur\")); return ;;\n");
		}
		for (k = 0; k < m; k++)
			if (opts[k]->arg == ARG_FILE)
				printf("\t\t--%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n",
				       opts[k]->name);
		for (k = 0; k < m; k++)
			if (opts[k]->arg != ARG_NONE && opts[k]->arg != ARG_FILE &&
			    opts[k] != &common_format)
				printf("\t\t--%s) return ;;\n", opts[k]->name);
		printf("\t\tesac\n\t\tCOMPREPLY=($(compgen -W \"");
		for (k = 0; k < m; k++)
			printf("%s--%s", k ? " " : "", opts[k]->name);
		printf("\" -- \"$cur\"))\n");
		/* a command that reads files completes them as arguments */
		if (strstr(all[j]->args, "FILE"))
			printf("\t\t[ \"${cur#-}\" = \"$cur\" ] && COMPREPLY+=($(compgen -f -- \"$cur\"))\n");
		printf("\t\t;;\n");
	}
	printf("\tesac\n}\ncomplete -F _pcreg pcreg\n");
	return EXIT_OK;
}

static const struct cli_opt help_opts[] = {
	{ "synopsis", 's', ARG_NONE, NULL, "every command's synopsis, one a line", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command help_commands[] = {
	{ "help", cmd_help, "[COMMAND]", "show help for pcreg or a command", "", help_opts, 0, 0 },
	{ "completion", cmd_completion, "bash", "print the shell's completion script",
	  "Load it with: source <(pcreg completion bash). Installed builds put it where\n"
	  "bash-completion finds it.\n",
	  NULL, 0, 0 },
};

const struct command_group help_group = { "Help", COMMANDS(help_commands) };

/* ---- dispatch --------------------------------------------------------------------------- */

/* The command named by argv[0] (and argv[1], for a group); *words says how many. */
static const struct command *find_command(int argc, char **argv, int *words)
{
	int count, i;
	const struct command *const *all = cli_commands(&count);

	for (i = 0; i < count; i++) {
		const char *name = all[i]->name, *space = strchr(name, ' ');

		if (!space && strcmp(name, argv[0]) == 0) {
			*words = 1;
			return all[i];
		}
		if (space && strncmp(name, argv[0], (size_t)(space - name)) == 0 &&
		    argv[0][space - name] == '\0' && argc > 1 && strcmp(space + 1, argv[1]) == 0) {
			*words = 2;
			return all[i];
		}
	}
	return NULL;
}

/* Is `word` a group (the first word of two-word commands)? */
static int is_group(const char *word)
{
	int count, i;
	size_t n = strlen(word);
	const struct command *const *all = cli_commands(&count);

	for (i = 0; i < count; i++)
		if (strncmp(all[i]->name, word, n) == 0 && all[i]->name[n] == ' ')
			return 1;
	return 0;
}

static int no_such_command(int argc, char **argv)
{
	const char *words[64], *subs[16];
	char hint[96];
	int n = command_words(words, 64), count, i, k = 0;
	const struct command *const *all = cli_commands(&count);

	if (!is_group(argv[0])) {
		did_you_mean(hint, sizeof hint, "", argv[0], words, n);
		return cli_error(EXIT_USAGE, "no such command: %s%s (see 'pcreg help')", argv[0], hint);
	}
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		print_group_help(stdout, argv[0]);
		return EXIT_OK;
	}
	if (argc > 1) {
		size_t len = strlen(argv[0]);

		for (i = 0; i < count && k < 16; i++)
			if (strncmp(all[i]->name, argv[0], len) == 0 && all[i]->name[len] == ' ')
				subs[k++] = all[i]->name + len + 1;
		did_you_mean(hint, sizeof hint, "", argv[1], subs, k);
		cli_error(0, "%s: no such subcommand: %s%s", argv[0], argv[1], hint);
	} else {
		cli_error(0, "%s: which one?", argv[0]);
	}
	print_group_usage(stderr, argv[0]);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	struct cli cli = { NULL, OUT_TABLE, NULL, NULL, 0, 0 };
	const struct command *cmd;
	int i = 1, words = 0, code;

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
			code = cli_date(&cli, "--known-at", argv[i + 1], &cli.known_at);
			if (code != EXIT_OK)
				return code;
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_overview(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			return cmd_version(&cli, 1, argv + i);
		} else {
			static const char *const globals[] = { "db", "known-at", "help", "version" };
			char hint[96];

			did_you_mean(hint, sizeof hint, "--", argv[i] + strspn(argv[i], "-"), globals, 4);
			return cli_error(EXIT_USAGE, "unknown option %s%s (see 'pcreg --help')", argv[i],
			                 hint);
		}
	}
	if (i >= argc) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	cmd = find_command(argc - i, argv + i, &words);
	if (!cmd)
		return no_such_command(argc - i, argv + i);
	cli.cmd = cmd;
	/* a command's first format is its default (csv for export) */
	for (code = 0; code < N_FORMATS; code++)
		if (cmd->formats & FMT(code)) {
			cli.format = (enum out_format)code;
			break;
		}
	/* argv[0] of a command is its last word; getopt starts after it. */
	optind = 1;
	code = cmd->run(&cli, argc - i - words + 1, argv + i + words - 1);
	return code;
}
