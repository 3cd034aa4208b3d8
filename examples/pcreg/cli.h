/*
 * cli.h: what the pcreg commands share.
 *
 * The CLI uses libpcreg's public API and nothing else (like notmuch's CLI
 * over libnotmuch): if a command needs something the API lacks, the API
 * is what grows.
 */
#ifndef PCREG_CLI_H
#define PCREG_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pcreg/pcreg.h>

/* Exit statuses, documented in pcreg.1. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,     /* the registry or a file refused the work */
	EXIT_USAGE = 2,    /* the command line was wrong */
	EXIT_NOT_FOUND = 3 /* the code, file or row asked for is not there */
};

/* ---- output: one table, printed for people or machines ----------------------------- */

enum out_format { OUT_TABLE, OUT_CSV, OUT_TSV, OUT_JSON, OUT_JSONL, OUT_SVG, OUT_PNG, OUT_HTML };

/* Which formats a command prints (struct command's `formats`). */
#define FMT(f) (1u << (f))
#define FMT_ROWS (FMT(OUT_TABLE) | FMT(OUT_CSV) | FMT(OUT_TSV) | FMT(OUT_JSON) | FMT(OUT_JSONL))

enum out_type {
	OUT_TEXT,
	OUT_INT,   /* a count: grouped in thousands for people */
	OUT_ID,    /* an id or year: never grouped */
	OUT_SHARE, /* int32 hundredths of a percent: 7895 is 78.95% */
	OUT_PENCE, /* money: pounds for people, integer pence for machines */
	OUT_REAL,  /* one decimal place for people */
	OUT_BOOL
};

struct out_column {
	const char *key;   /* CSV header and JSON member */
	const char *title; /* table heading */
	enum out_type type;
};

struct out;

/* A table (or, with `record`, one record: "Title: value" lines for
 * people, a JSON object rather than an array for machines). */
struct out *out_begin(enum out_format format, const struct out_column *columns, int n_columns,
                      int record);
/* Cells of the current row, left to right; NULL text is no value. */
void out_text(struct out *out, const char *text);
void out_int(struct out *out, int64_t value);
void out_share(struct out *out, int32_t hundredths);
void out_pence(struct out *out, int64_t pence);
void out_real(struct out *out, double value);
void out_bool(struct out *out, int value);
void out_null(struct out *out);
void out_row_end(struct out *out);
/* Print what is held (tables and JSON are written at the end), free it;
 * EXIT_OK, or EXIT_FAIL if stdout could not be written. */
int out_end(struct out *out);
/* Free without printing (a query failed half way). */
void out_abort(struct out *out);
/* What every table of this run leaves out: the headings (--no-header) and
 * totals rows (--no-total; a command asks out_totals() before writing one). */
void out_configure(int no_header, int no_total);
int out_totals(void);

/* ---- commands ----------------------------------------------------------------------- */

/*
 * Each command is one declarative entry (struct command) naming its
 * arguments, options and help; parsing, `--help`, `pcreg help`, shell
 * completion and the man page's test are all made from these tables, one
 * per command group, each in the group's source file.
 */

/* What an option's value is; the parser checks it before the command sees it. */
enum cli_arg {
	ARG_NONE,   /* a flag */
	ARG_TEXT,
	ARG_DATE,   /* YYYY-MM-DD, a real date; hints for other spellings */
	ARG_CODE,   /* an ODS code: upper-cased, so e91002 is E91002 */
	ARG_CODES,  /* codes separated by commas, upper-cased */
	ARG_NUMBER, /* a whole number, 0 or more */
	ARG_FILE
};

/* Option flags. */
#define OPT_SHORT 1u /* `val` is also a one-letter option (-o) */
#define OPT_ALT 2u   /* an alternative to the option before: usage shows [--a | --b] */

struct cli_opt {
	const char *name;  /* the long option, without "--" */
	int val;           /* what cli_option() returns for it */
	enum cli_arg arg;
	const char *value; /* its value's name in help: "DATE" (NULL for a flag) */
	const char *help;  /* what it does; a "\n" continues on the next line */
	unsigned flags;
};

/* Command flags. */
#define CMD_TOTALS 1u /* prints totals rows, so takes --no-total */
#define CMD_GROUP 2u  /* not a command: names a group (help lists its members) */

struct cli;

struct command {
	const char *name;     /* "practice show" */
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *args;     /* its arguments for the usage line: "CODE", "KIND FILE..." */
	const char *summary;  /* one line, for the list of commands */
	const char *about;    /* paragraphs before the options ("" for none) */
	const struct cli_opt *opts; /* ends with a { NULL } entry */
	unsigned formats;     /* FMT_ROWS etc.; 0: prints no rows, refuses --format */
	unsigned flags;
};

/* A group of commands and its table (registered in main.c). */
struct command_group {
	const char *title; /* "Practices", for the list of commands */
	const struct command *commands;
	int n;
};

#define COMMANDS(a) a, (int)(sizeof a / sizeof a[0])

/* The options of the commands that take only --as-of. */
extern const struct cli_opt cli_as_of_opts[];

extern const struct command_group registry_group, import_group, practice_group,
	network_group, commissioner_group, contract_group, report_group, help_group;

struct cli {
	const char *db_path;
	enum out_format format;
	const struct command *cmd;
	const char *known_at; /* --known-at: only releases dated on or before it count */
	int no_header, no_total;
};

/* Commands, in the order help lists them. */
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_migrate(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_version(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_imports(struct cli *cli, int argc, char **argv);
int cmd_rejections(struct cli *cli, int argc, char **argv);
int cmd_changes(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_practice_show(struct cli *cli, int argc, char **argv);
int cmd_practice_list(struct cli *cli, int argc, char **argv);
int cmd_timeline(struct cli *cli, int argc, char **argv);
int cmd_search(struct cli *cli, int argc, char **argv);
int cmd_listsize(struct cli *cli, int argc, char **argv);
int cmd_network_show(struct cli *cli, int argc, char **argv);
int cmd_network_members(struct cli *cli, int argc, char **argv);
int cmd_commissioner_show(struct cli *cli, int argc, char **argv);
int cmd_commissioner_list(struct cli *cli, int argc, char **argv);
int cmd_resolve(struct cli *cli, int argc, char **argv);
int cmd_contract_list(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_paper(struct cli *cli, int argc, char **argv);
int cmd_help(struct cli *cli, int argc, char **argv);
int cmd_completion(struct cli *cli, int argc, char **argv);

/* ---- shared by the commands --------------------------------------------------------- */

/* The next option of the running command, as its table declares them
 * (getopt_long, quiet, permuting so options may follow arguments), its
 * value checked for its type: a date is a real YYYY-MM-DD, a code is
 * upper-cased into optarg. Handles the options every command takes
 * itself (--help, --db, --format, --no-header, --no-total). Returns an
 * option's `val`, -1 after the last, or 0 when the command is to end now
 * and exit with *code (help was printed, or a usage error). */
int cli_option(struct cli *cli, int argc, char **argv, int *code);
/* The options of a command whose only option is --as-of: the date (today
 * when not given), or NULL when the command is to end now with *code. */
const char *cli_as_of(struct cli *cli, int argc, char **argv, int *code);
/* Every command of every group, in help's order; *n says how many. */
const struct command *const *cli_commands(int *n);
/* The usage line's options and arguments of a command, made from its table
 * (without "usage: pcreg NAME"): "CODE [--as-of DATE] [--format FORMAT]". */
void cli_print_synopsis(FILE *f, const struct command *cmd, int wrap);
/* A usage error: "pcreg: COMMAND: message" and the usage line; EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The positional arguments must number between min and max. A command
 * whose arguments start with CODE gets that one upper-cased in place. */
int cli_positionals(const struct cli *cli, int argc, char **argv, int min, int max);

/* Open the registry: read-only unless `write`; `create` makes it if need be. */
int cli_open(const struct cli *cli, int write, int create, pcreg_db **out);
/* A failed call: "pcreg: <the library's message>"; the exit status for st. */
int cli_fail(pcreg_db *db, pcreg_status st);
/* An error the CLI finds itself, for the exit status given. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A date option: checked as YYYY-MM-DD here, so the message names the option. */
int cli_date(const struct cli *cli, const char *option, const char *text, const char **out);
/* Today, for --as-of when it is not given. */
const char *cli_today(void);
/* A whole non-negative number, or -1. */
int64_t cli_number(const char *text);

/* How a command ends after a failed call: the message, the exit status
 * (the command has `code`, `db` and a `done:` label). */
#define FAIL_IF(st)                                \
	do {                                       \
		if ((st) < 0) {                    \
			code = cli_fail(db, (st)); \
			goto done;                 \
		}                                  \
	} while (0)

/* A practice's registered patients at its latest extract on a date; -1 when
 * there is none (PCREG_OK all the same). */
pcreg_status cli_patients(pcreg_db *db, const char *practice, const char *on, int64_t *out);

/* Memory for the CLI's own use: on failure it says so and exits. */
void *cli_alloc(size_t size);
char *cli_strdup(const char *text);

#endif /* PCREG_CLI_H */
