/*
 * output.c: one table, printed five ways.
 *
 * For people, an aligned table (numbers grouped and right-aligned, money in
 * pounds, shares as percentages). For machines, the same rows as CSV
 * (libcsv quotes the text), TSV (a tab, newline or backslash in a value is
 * written \t, \n or \\, the convention of PostgreSQL's and MySQL's text
 * formats, so every row is one line), JSON (jansson builds and escapes it)
 * or JSON Lines (one object a line, as each row ends), with exact values:
 * money in integer pence, shares as numbers of percent.
 */
#include <csv.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numfmt.h"

struct out {
	enum out_format format;
	const struct out_column *columns;
	int n_columns, record;
	int column; /* the next cell's column */
	int header_done; /* CSV */

	/* table: every cell kept, to measure widths at the end */
	char **cells;
	size_t n_cells, cap_cells;

	/* JSON: the document, and the row being built */
	json_t *rows, *row;
};

/* What every table of this run leaves out (out_configure). */
static int no_header, no_total;

void out_configure(int header_off, int total_off)
{
	no_header = header_off;
	no_total = total_off;
}

int out_totals(void)
{
	return !no_total;
}

static void oom(void)
{
	fputs("pcreg: out of memory\n", stderr);
	exit(EXIT_FAIL);
}

void *cli_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

char *cli_strdup(const char *text)
{
	size_t n = strlen(text) + 1;

	return memcpy(cli_alloc(n), text, n);
}

static void json_check(int rc)
{
	if (rc != 0)
		oom();
}

struct out *out_begin(enum out_format format, const struct out_column *columns, int n_columns,
                      int record)
{
	struct out *out = cli_alloc(sizeof *out);

	out->format = format;
	out->columns = columns;
	out->n_columns = n_columns;
	out->record = record;
	if (format == OUT_JSON && !record && !(out->rows = json_array()))
		oom();
	return out;
}

/* CSV's header goes out with the first cell (or at the end), so a query
 * that fails before its first row prints nothing. */
static void csv_header(struct out *out)
{
	int i;

	if (out->header_done)
		return;
	out->header_done = 1;
	if (no_header)
		return;
	for (i = 0; i < out->n_columns; i++) {
		if (i)
			putchar(out->format == OUT_TSV ? '\t' : ',');
		fputs(out->columns[i].key, stdout);
	}
	putchar('\n');
}

static void tsv_text(const char *text)
{
	for (; *text; text++) {
		switch (*text) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(*text);
		}
	}
}

/* ---- formatting for people: numfmt.c, which the Board papers' tables share ---------- */

static uint64_t magnitude_of(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static const struct out_column *next_column(struct out *out)
{
	if (out->column >= out->n_columns) {
		fputs("pcreg: internal error: more cells than columns\n", stderr);
		abort();
	}
	return &out->columns[out->column++];
}

static void keep_cell(struct out *out, const char *text)
{
	if (out->n_cells == out->cap_cells) {
		size_t cap = out->cap_cells ? out->cap_cells * 2 : 64;
		char **cells = realloc(out->cells, cap * sizeof *cells);

		if (!cells)
			oom();
		out->cells = cells;
		out->cap_cells = cap;
	}
	out->cells[out->n_cells++] = cli_strdup(text);
}

static void csv_separator(struct out *out)
{
	csv_header(out);
	if (out->column > 1)
		putchar(out->format == OUT_TSV ? '\t' : ',');
}

static void json_put(struct out *out, const char *key, json_t *value)
{
	if (!value)
		oom();
	if (!out->row && !(out->row = json_object()))
		oom();
	json_check(json_object_set_new(out->row, key, value));
}

void out_text(struct out *out, const char *text)
{
	const struct out_column *col = next_column(out);

	switch (out->format) {
	case OUT_TABLE:
		keep_cell(out, text ? text : "");
		break;
	case OUT_CSV:
		csv_separator(out);
		if (text && csv_fwrite(stdout, text, strlen(text)) != 0)
			oom();
		break;
	case OUT_TSV:
		csv_separator(out);
		if (text)
			tsv_text(text);
		break;
	case OUT_JSON:
	case OUT_JSONL:
		json_put(out, col->key, text ? json_string(text) : json_null());
		break;
	default:
		break;
	}
}

void out_null(struct out *out)
{
	out_text(out, NULL);
}

/* A number: `human` for the table, `machine` for CSV, `json` for JSON. */
static void number(struct out *out, const char *human, const char *machine, json_t *json)
{
	const struct out_column *col = next_column(out);

	switch (out->format) {
	case OUT_TABLE:
		keep_cell(out, human);
		json_decref(json);
		break;
	case OUT_CSV:
	case OUT_TSV:
		csv_separator(out);
		fputs(machine, stdout);
		json_decref(json);
		break;
	case OUT_JSON:
	case OUT_JSONL:
		json_put(out, col->key, json);
		break;
	default:
		json_decref(json);
		break;
	}
}

void out_int(struct out *out, int64_t value)
{
	char human[NUMFMT_SIZE], machine[32];

	snprintf(machine, sizeof machine, "%" PRId64, value);
	if (out->column < out->n_columns && out->columns[out->column].type == OUT_ID)
		snprintf(human, sizeof human, "%s", machine);
	else
		numfmt_count(human, sizeof human, value);
	number(out, human, machine, json_integer(value));
}

void out_share(struct out *out, int32_t hundredths)
{
	char human[48], machine[32];
	uint64_t m = magnitude_of(hundredths);

	snprintf(machine, sizeof machine, "%s%" PRIu64 ".%02" PRIu64, hundredths < 0 ? "-" : "",
	         m / 100, m % 100);
	snprintf(human, sizeof human, "%s%%", machine);
	number(out, human, machine, json_real(hundredths / 100.0));
}

void out_pence(struct out *out, int64_t pence)
{
	char human[NUMFMT_SIZE], machine[32];

	numfmt_pence(human, sizeof human, pence);
	snprintf(machine, sizeof machine, "%" PRId64, pence);
	number(out, human, machine, json_integer(pence));
}

void out_real(struct out *out, double value)
{
	char human[NUMFMT_SIZE], machine[32];

	numfmt_real(human, sizeof human, value);
	snprintf(machine, sizeof machine, "%.15g", value);
	number(out, human, machine, json_real(value));
}

void out_bool(struct out *out, int value)
{
	number(out, value ? "yes" : "no", value ? "true" : "false", json_boolean(value));
}

void out_row_end(struct out *out)
{
	if (out->column != out->n_columns) {
		fputs("pcreg: internal error: a row without every column\n", stderr);
		abort();
	}
	out->column = 0;
	switch (out->format) {
	case OUT_CSV:
	case OUT_TSV:
		putchar('\n');
		break;
	case OUT_JSON:
		if (!out->row && !(out->row = json_object()))
			oom();
		if (out->rows) {
			json_check(json_array_append_new(out->rows, out->row));
			out->row = NULL;
		}
		break;
	case OUT_JSONL:
		/* each row a line as it ends, so a long listing streams */
		if (!out->row && !(out->row = json_object()))
			oom();
		if (json_dumpf(out->row, stdout, JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0)
			oom();
		putchar('\n');
		json_decref(out->row);
		out->row = NULL;
		break;
	default:
		break;
	}
}

/* ---- printing at the end --------------------------------------------------------------- */

/* Characters on screen, counting a UTF-8 sequence as one. */
static size_t width_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int right_aligned(enum out_type type)
{
	return type != OUT_TEXT && type != OUT_BOOL;
}

/* Spaces are held back until text follows them, so no line ends in spaces. */
static size_t pending_spaces;

static void pad(size_t n)
{
	pending_spaces += n;
}

static void put(const char *text)
{
	if (!*text)
		return;
	for (; pending_spaces; pending_spaces--)
		putchar(' ');
	fputs(text, stdout);
}

static void end_line(void)
{
	pending_spaces = 0;
	putchar('\n');
}

static void print_record(const struct out *out)
{
	size_t width = 0, i;

	for (i = 0; i < (size_t)out->n_columns; i++)
		if (width_of(out->columns[i].title) > width)
			width = width_of(out->columns[i].title);
	for (i = 0; i < out->n_cells; i++) {
		const char *title = out->columns[i % (size_t)out->n_columns].title;

		if (i && i % (size_t)out->n_columns == 0)
			end_line();
		put(title);
		put(":");
		pad(width - width_of(title) + 1);
		put(out->cells[i]);
		end_line();
	}
}

static void print_table(const struct out *out)
{
	size_t n = (size_t)out->n_columns, rows = out->n_cells / n, r, c;
	size_t *width = cli_alloc(n * sizeof *width);

	for (c = 0; c < n; c++) {
		width[c] = no_header ? 0 : width_of(out->columns[c].title);
		for (r = 0; r < rows; r++)
			if (width_of(out->cells[r * n + c]) > width[c])
				width[c] = width_of(out->cells[r * n + c]);
	}
	/* The headings, a rule, then the rows. */
	for (r = no_header ? 2 : 0; r < rows + 2; r++) {
		for (c = 0; c < n; c++) {
			const char *text = r == 0 ? out->columns[c].title
			                   : r == 1 ? NULL
			                            : out->cells[(r - 2) * n + c];
			size_t w = text ? width_of(text) : width[c];

			if (c)
				pad(2);
			if (!text) {
				while (w--)
					put("-");
				continue;
			}
			if (right_aligned(out->columns[c].type))
				pad(width[c] - w);
			put(text);
			if (!right_aligned(out->columns[c].type))
				pad(width[c] - w);
		}
		end_line();
	}
	free(width);
}

static void release(struct out *out)
{
	size_t i;

	for (i = 0; i < out->n_cells; i++)
		free(out->cells[i]);
	free(out->cells);
	json_decref(out->rows);
	json_decref(out->row);
	free(out);
}

int out_end(struct out *out)
{
	int code = EXIT_OK;

	switch (out->format) {
	case OUT_TABLE:
		if (out->record)
			print_record(out);
		else
			print_table(out);
		break;
	case OUT_CSV:
	case OUT_TSV:
		csv_header(out);
		break;
	case OUT_JSONL:
		if (out->record && out->row) {
			if (json_dumpf(out->row, stdout, JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0)
				code = EXIT_FAIL;
			putchar('\n');
		}
		break;
	default:
		break;
	case OUT_JSON: {
		json_t *doc = out->record ? out->row : out->rows;

		if (!doc && !(doc = out->row = json_object()))
			oom();
		if (json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) != 0)
			code = EXIT_FAIL;
		putchar('\n');
		break;
	}
	}
	release(out);
	if (fflush(stdout) != 0 || ferror(stdout))
		code = cli_error(EXIT_FAIL, "cannot write the output");
	return code;
}

void out_abort(struct out *out)
{
	if (out)
		release(out);
}
