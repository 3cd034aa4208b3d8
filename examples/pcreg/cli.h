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

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };

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

/* ---- commands ----------------------------------------------------------------------- */

struct command;

struct cli {
	const char *db_path;
	enum out_format format;
	const struct command *cmd;
	const char *known_at; /* --known-at: only releases dated on or before it count */
};

struct command {
	const char *name;  /* "practice show" */
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *usage; /* options after the name */
	const char *summary;
	const char *help;  /* the options explained */
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
int cmd_network_show(struct cli *cli, int argc, char **argv);
int cmd_network_members(struct cli *cli, int argc, char **argv);
int cmd_commissioner_show(struct cli *cli, int argc, char **argv);
int cmd_commissioner_list(struct cli *cli, int argc, char **argv);
int cmd_resolve(struct cli *cli, int argc, char **argv);
int cmd_contract_list(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);

/* ---- shared by the commands --------------------------------------------------------- */

/* Long options every command takes; end a command's option list with it. */
#define CLI_COMMON_OPTIONS                                              \
	{ "help", no_argument, NULL, 'h' }, { "db", required_argument, NULL, 'D' }, \
	{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 }

/* The next option of a command (getopt_long, quiet, permuting so options
 * may follow arguments). Handles the common options itself. Returns an
 * option's value, -1 after the last, or 0 when the command is to end now
 * and exit with *code (help was printed, or a usage error). */
int cli_option(struct cli *cli, int argc, char **argv, const char *shorts,
               const struct option *longs, int *code);
/* A usage error: "pcreg: COMMAND: message" and the usage line; EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The positional arguments must number between min and max. */
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

/* Memory for the CLI's own use: on failure it says so and exits. */
void *cli_alloc(size_t size);
char *cli_strdup(const char *text);

#endif /* PCREG_CLI_H */
