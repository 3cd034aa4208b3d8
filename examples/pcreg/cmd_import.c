/*
 * cmd_import.c: files in and out: import, imports, changes, export.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

/* Rows an import step takes between progress updates. The step that
 * reads a file's last rows goes on to finish the import, so only steps of
 * one row let the line say "committing" before the finishing starts; a
 * step costs nothing beside a row's upserts (the same time for 60,000
 * rows as with steps of 2,000), and the line redraws by the clock. */
#define STEP_ROWS 1

/* ---- import ------------------------------------------------------------------------ */

static void print_report(const pcreg_import_report *r)
{
	int i;

	printf("%s: %s, import %" PRId64 "\n", pcreg_import_report_file(r),
	       pcreg_import_kind_str(pcreg_import_report_kind(r)), pcreg_import_report_id(r));
	printf("  %" PRId64 " row%s read: %" PRId64 " inserted, %" PRId64 " updated, %" PRId64
	       " unchanged, %" PRId64 " skipped, %" PRId64 " rejected\n",
	       pcreg_import_report_rows_read(r), pcreg_import_report_rows_read(r) == 1 ? "" : "s",
	       pcreg_import_report_inserted(r),
	       pcreg_import_report_updated(r), pcreg_import_report_unchanged(r),
	       pcreg_import_report_skipped(r), pcreg_import_report_rejected(r));
	for (i = 0; i < pcreg_import_report_skip_reasons(r); i++)
		printf("  skipped %" PRId64 ": %s\n", pcreg_import_report_skip_count(r, i),
		       pcreg_import_report_skip_reason(r, i));
	for (i = 0; i < pcreg_import_report_omission_reasons(r); i++)
		printf("  not recorded %" PRId64 ": %s\n", pcreg_import_report_omission_count(r, i),
		       pcreg_import_report_omission_reason(r, i));
}

/* Rows a lenient import left out, on stderr in the form of any error. */
static void print_rejections(const char *path, const pcreg_import_report *r)
{
	int i, n = pcreg_import_report_rejections(r);

	for (i = 0; i < n; i++) {
		const char *field = pcreg_import_report_rejection_field(r, i);

		fprintf(stderr, "pcreg: %s:%" PRId64 ": %s%s%s\n", path,
		        pcreg_import_report_rejection_line(r, i), field ? field : "",
		        field ? ": " : "", pcreg_import_report_rejection_reason(r, i));
	}
	if (pcreg_import_report_rejected(r) > n)
		fprintf(stderr,
		        "pcreg: %s: %" PRId64 " more rows rejected ('pcreg rejections --import %" PRId64
		        "' lists them all)\n",
		        path, pcreg_import_report_rejected(r) - n, pcreg_import_report_id(r));
}

/* What a file that no kind fits looks like, from its first bytes, so the
 * person who picked the wrong download can tell; NULL when nothing shows. */
static const char *looks_like(const char *path)
{
	unsigned char head[512];
	size_t n = 0, i;
	FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");

	if (!f)
		return NULL;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n == 0)
		return "an empty file";
	if (n >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
		return "UTF-16 text (save it as UTF-8 CSV)";
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
		return "a zip archive or a workbook (.xlsx) that holds no file pcreg reads"
		       " (save the sheet as CSV)";
	if (n >= 8 && memcmp(head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return "an old Excel workbook (.xls; save the sheet as CSV)";
	if (n >= 5 && memcmp(head, "%PDF-", 5) == 0)
		return "a PDF document";
	for (i = 0; i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' ||
	                      head[i] == '\t'); i++)
		;
	if (strncasecmp((const char *)head + i, "<!doctype html", 14) == 0 ||
	    strncasecmp((const char *)head + i, "<html", 5) == 0)
		return "a web page (HTML), perhaps saved instead of the file it links to";
	for (i = 0; i < n; i++)
		if (head[i] == 0)
			return "binary data, not text";
	return NULL;
}

/* After a message that says no kind fits a file: what it looks like, and
 * the kinds there are. */
static void unknown_kind_hint(const char *path, const char *msg)
{
	const char *seems;
	int k;

	if (!msg || !strstr(msg, "cannot tell what kind of file"))
		return;
	if (path && (seems = looks_like(path)))
		fprintf(stderr, "pcreg: %s looks like %s\n", path, seems);
	fputs("pcreg: the kinds are", stderr);
	for (k = 1; pcreg_import_kind_str((pcreg_import_kind_value)k); k++)
		fprintf(stderr, "%s %s", k > 1 ? "," : "", pcreg_import_kind_str((pcreg_import_kind_value)k));
	fputs("\npcreg: 'pcreg help import' says which file each is\n", stderr);
}

/* A failed import's message, with the hint for a file of no kind. */
static int import_failed(pcreg_db *db, const char *path, pcreg_status st)
{
	int code = cli_fail(db, st);

	unknown_kind_hint(path, pcreg_db_errmsg(db));
	return code;
}

/* What a run of imports did, for the total line. */
struct import_totals {
	int files, imported, skipped, failed;
	int64_t rows, inserted, updated, unchanged, rows_skipped, rejected;
	int code; /* the first failure's exit status */
};

static int import_one(pcreg_db *db, const char *path, const pcreg_import_options *opts,
                      int progress, struct import_totals *t)
{
	pcreg_import *imp = NULL;
	pcreg_status st = pcreg_import_open(db, path, opts, &imp);
	struct progress *bar = progress_start(strcmp(path, "-") == 0 ? "stdin" : path,
	                                      progress && st == PCREG_OK);
	int code = EXIT_OK;

	while (st == PCREG_OK && (st = pcreg_import_step(imp, STEP_ROWS)) == PCREG_OK) {
		int64_t read = pcreg_import_bytes_read(imp), total = pcreg_import_bytes_total(imp);

		progress_update(bar, read, total,
		                pcreg_import_report_rows_read(pcreg_import_get_report(imp)));
		/* The file is read (the rows of its last block, read ahead, take
		 * milliseconds more): the steps left merge, reconcile and commit,
		 * which takes seconds on a national file. */
		if (total > 0 && read >= total)
			progress_phase(bar, "committing");
	}
	progress_end(bar);
	if (st == PCREG_DONE) {
		const pcreg_import_report *r = pcreg_import_get_report(imp);

		print_report(r);
		print_rejections(path, r);
		t->rows += pcreg_import_report_rows_read(r);
		t->inserted += pcreg_import_report_inserted(r);
		t->updated += pcreg_import_report_updated(r);
		t->unchanged += pcreg_import_report_unchanged(r);
		t->rows_skipped += pcreg_import_report_skipped(r);
		t->rejected += pcreg_import_report_rejected(r);
	} else {
		code = import_failed(db, path, st);
	}
	pcreg_import_free(imp);
	return code;
}

static void failed(struct import_totals *t, int code)
{
	t->failed++;
	if (t->code == EXIT_OK)
		t->code = code;
}

/* A workbook's sheets are two imports, one after the other: the file goes
 * in whole or not at all, as any other file does. */
static void import_entries(pcreg_db *db, const pcreg_import_plan *plan, int first, int n,
                           pcreg_import_options *opts, int progress, struct import_totals *t)
{
	struct import_totals before = *t;
	int code = EXIT_OK, i;

	t->files++;
	if (n > 1 && pcreg_db_begin(db) != PCREG_OK) {
		failed(t, cli_fail(db, PCREG_IO));
		return;
	}
	for (i = first; i < first + n && code == EXIT_OK; i++) {
		opts->kind = pcreg_import_plan_kind(plan, i);
		code = import_one(db, pcreg_import_plan_path(plan, i), opts, progress, t);
	}
	if (n > 1) {
		if (code == EXIT_OK && pcreg_db_commit(db) != PCREG_OK)
			code = cli_fail(db, PCREG_IO);
		if (code != EXIT_OK) {
			pcreg_db_rollback(db);
			*t = before;
			t->files++;
		}
	}
	if (code != EXIT_OK)
		failed(t, code);
	else
		t->imported++;
}

static void print_totals(const struct import_totals *t)
{
	printf("%d file%s: %d imported, %d skipped, %d failed; %" PRId64 " row%s read: %" PRId64
	       " inserted, %" PRId64 " updated, %" PRId64 " unchanged, %" PRId64 " skipped, %" PRId64
	       " rejected\n",
	       t->files, t->files == 1 ? "" : "s", t->imported, t->skipped, t->failed, t->rows,
	       t->rows == 1 ? "" : "s", t->inserted, t->updated, t->unchanged, t->rows_skipped,
	       t->rejected);
}

/* import auto FILE|DIR...: every file found, recognised and put in order. */
static int import_planned(struct cli *cli, pcreg_db *db, int argc, char **argv,
                          pcreg_import_options *opts, int progress, struct import_totals *t)
{
	pcreg_import_plan *plan = NULL;
	pcreg_status st;
	int i, n, j;

	for (i = optind + 1; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return cli_usage_error(cli, "standard input (-) is read only as a kind named"
			                            " ('pcreg import epraccur -')");
	st = pcreg_import_plan_new(db, (const char *const *)argv + optind + 1,
	                           argc - optind - 1, &plan);
	if (st != PCREG_OK)
		return import_failed(db, argc - optind - 1 == 1 ? argv[optind + 1] : NULL, st);
	n = pcreg_import_plan_count(plan);
	for (i = 0; i < n; i = j) {
		const char *path = pcreg_import_plan_path(plan, i);

		for (j = i + 1; j < n && pcreg_import_plan_action(plan, j) == PCREG_PLAN_IMPORT &&
		                strcmp(pcreg_import_plan_path(plan, j), path) == 0;
		     j++)
			;
		switch (pcreg_import_plan_action(plan, i)) {
		case PCREG_PLAN_IMPORT:
			import_entries(db, plan, i, j - i, opts, progress, t);
			break;
		case PCREG_PLAN_SKIP:
			t->files++;
			t->skipped++;
			printf("%s: skipped: %s\n", path, pcreg_import_plan_note(plan, i));
			break;
		case PCREG_PLAN_FAIL:
			t->files++;
			cli_error(0, "%s", pcreg_import_plan_note(plan, i));
			unknown_kind_hint(path, pcreg_import_plan_note(plan, i));
			failed(t, EXIT_FAIL);
			break;
		}
	}
	pcreg_import_plan_free(plan);
	return EXIT_OK;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	struct import_totals totals;
	pcreg_db *db = NULL;
	int c, code, quiet = 0, strict = 0, lenient = 0, kind, i, progress;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		strict |= c == 's';
		lenient |= c == 'l';
		quiet |= c == 'q';
		if (c == 'r' && (code = cli_date(cli, "--released", optarg, &opts.released)) != EXIT_OK)
			return code;
	}
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 2, argc)) != EXIT_OK)
		return code;
	if (strict && lenient)
		return cli_usage_error(cli, "--strict and --lenient do not go together");
	if ((kind = pcreg_import_kind_parse(argv[optind])) < 0)
		return cli_usage_error(cli, "\"%s\" is not a kind of file (see 'pcreg help import')",
		                       argv[optind]);
	opts.kind = kind;
	opts.mode = lenient ? PCREG_IMPORT_LENIENT : PCREG_IMPORT_STRICT;
	if ((code = cli_open(cli, 1, 0, &db)) != EXIT_OK)
		return code;
	memset(&totals, 0, sizeof totals);
	progress = !quiet && isatty(STDERR_FILENO);
	/* Each file is its own import: one that fails leaves the others in. */
	if (kind == PCREG_IMPORT_AUTO) {
		code = import_planned(cli, db, argc, argv, &opts, progress, &totals);
	} else {
		for (i = optind + 1; i < argc; i++) {
			totals.files++;
			if ((code = import_one(db, argv[i], &opts, progress, &totals)) != EXIT_OK)
				failed(&totals, code);
			else
				totals.imported++;
		}
		code = EXIT_OK;
	}
	if (code == EXIT_OK && totals.files > 1)
		print_totals(&totals);
	pcreg_db_close(db);
	return code != EXIT_OK ? code : totals.code;
}

/* ---- imports ---------------------------------------------------------------------------- */

int cmd_imports(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "id", "Import", OUT_ID },          { "file", "File", OUT_TEXT },
		{ "kind", "Kind", OUT_TEXT },        { "mode", "Mode", OUT_TEXT },
		{ "release_date", "Released", OUT_TEXT }, { "release_date_basis", "Dated by", OUT_TEXT },
		{ "finished_at", "Finished", OUT_TEXT }, { "rows_read", "Rows", OUT_INT },
		{ "inserted", "Inserted", OUT_INT }, { "updated", "Updated", OUT_INT },
		{ "unchanged", "Unchanged", OUT_INT }, { "skipped", "Skipped", OUT_INT },
		{ "rejected", "Rejected", OUT_INT },
	};
	pcreg_db *db = NULL;
	pcreg_import_entry_iter *it = NULL;
	const pcreg_import_entry *e;
	struct out *out;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		;
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, columns, 13, 0);
	st = pcreg_journal_imports(db, &it);
	while (st == PCREG_OK && (st = pcreg_import_entry_iter_next(it, &e)) == PCREG_OK) {
		out_int(out, pcreg_import_entry_id(e));
		out_text(out, pcreg_import_entry_file_name(e));
		out_text(out, pcreg_import_entry_kind(e));
		out_text(out, pcreg_import_entry_mode(e));
		out_text(out, pcreg_import_entry_release_date(e));
		out_text(out, pcreg_import_entry_release_date_basis(e));
		out_text(out, pcreg_import_entry_finished_at(e));
		out_int(out, pcreg_import_entry_rows_read(e));
		out_int(out, pcreg_import_entry_inserted(e));
		out_int(out, pcreg_import_entry_updated(e));
		out_int(out, pcreg_import_entry_unchanged(e));
		out_int(out, pcreg_import_entry_skipped(e));
		out_int(out, pcreg_import_entry_rejected(e));
		out_row_end(out);
	}
	pcreg_import_entry_iter_free(it);
	code = st == PCREG_DONE ? out_end(out) : (out_abort(out), cli_fail(db, st));
	pcreg_db_close(db);
	return code;
}

/* ---- rejections -------------------------------------------------------------------------- */

int cmd_rejections(struct cli *cli, int argc, char **argv)
{
	static const struct out_column columns[] = {
		{ "import", "Import", OUT_ID }, { "line", "Line", OUT_INT },
		{ "field", "Field", OUT_TEXT }, { "reason", "Reason", OUT_TEXT },
	};
	pcreg_db *db = NULL;
	pcreg_rejection_iter *it = NULL;
	const pcreg_rejection *r;
	int64_t import_id = 0;
	struct out *out;
	pcreg_status st;
	int c, code;

	while ((c = cli_option(cli, argc, argv, &code)) > 0)
		if (c == 'i' && (import_id = cli_number(optarg)) <= 0)
			return cli_usage_error(cli, "--import: \"%s\" is not an import number", optarg);
	if (c == 0)
		return code;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	out = out_begin(cli->format, columns, 4, 0);
	st = pcreg_journal_rejections(db, import_id, &it);
	while (st == PCREG_OK && (st = pcreg_rejection_iter_next(it, &r)) == PCREG_OK) {
		out_int(out, pcreg_rejection_import_id(r));
		out_int(out, pcreg_rejection_line(r));
		out_text(out, pcreg_rejection_field(r));
		out_text(out, pcreg_rejection_reason(r));
		out_row_end(out);
	}
	pcreg_rejection_iter_free(it);
	code = st == PCREG_DONE ? out_end(out) : (out_abort(out), cli_fail(db, st));
	pcreg_db_close(db);
	return code;
}

/* ---- changes ------------------------------------------------------------------------------ */

static const struct out_column change_columns[] = {
	{ "import", "Import", OUT_ID },        { "id", "Change", OUT_ID },
	{ "effective_date", "Effective", OUT_TEXT }, { "entity", "Entity", OUT_TEXT },
	{ "code", "Code", OUT_TEXT },          { "subkey", "Of", OUT_TEXT },
	{ "action", "Action", OUT_TEXT },      { "field", "Field", OUT_TEXT },
	{ "old_value", "Was", OUT_TEXT },      { "new_value", "Now", OUT_TEXT },
};
#define N_CHANGE_COLUMNS ((int)(sizeof change_columns / sizeof change_columns[0]))

struct changes_request {
	pcreg_change_query query;
	const char *field, *action; /* --field, --action: only such changes */
	int64_t release;            /* --release: an id, or from the newest back (-1) */
	int missing;                /* the release asked for is not there (said already) */
	struct out *csv;  /* CSV: one table over every import */
	json_t *json;     /* JSON: an array of imports, each with its changes */
};

static void change_row(struct out *out, const pcreg_change *ch)
{
	out_int(out, pcreg_change_import_id(ch));
	out_int(out, pcreg_change_id(ch));
	out_text(out, pcreg_change_effective_date(ch));
	out_text(out, pcreg_change_entity(ch));
	out_text(out, pcreg_change_code(ch));
	out_text(out, pcreg_change_subkey(ch));
	out_text(out, pcreg_change_action(ch));
	out_text(out, pcreg_change_field(ch));
	out_text(out, pcreg_change_old_value(ch));
	out_text(out, pcreg_change_new_value(ch));
	out_row_end(out);
}

static json_t *change_json(const pcreg_change *ch)
{
	json_t *o = json_pack("{sIsIss?ss?ss?ss?ss?ss?ss?ss?}", "import", (json_int_t)pcreg_change_import_id(ch),
	                      "id", (json_int_t)pcreg_change_id(ch), "effective_date",
	                      pcreg_change_effective_date(ch), "entity", pcreg_change_entity(ch),
	                      "code", pcreg_change_code(ch), "subkey", pcreg_change_subkey(ch),
	                      "action", pcreg_change_action(ch), "field", pcreg_change_field(ch),
	                      "old_value", pcreg_change_old_value(ch), "new_value",
	                      pcreg_change_new_value(ch));

	if (!o)
		exit(cli_error(EXIT_FAIL, "out of memory"));
	return o;
}

/* Whether a change passes the --code and --since filters (a release's
 * changes are computed whole, then filtered here as the journal's query
 * filters an import's). */
static int wanted(const struct changes_request *req, const pcreg_change *ch)
{
	const char *date = pcreg_change_effective_date(ch);

	if (req->query.code && (!pcreg_change_code(ch) || strcmp(req->query.code,
	                                                         pcreg_change_code(ch)) != 0))
		return 0;
	if (req->field && (!pcreg_change_field(ch) || strcmp(req->field, pcreg_change_field(ch)) != 0))
		return 0;
	if (req->action && strcmp(req->action, pcreg_change_action(ch)) != 0)
		return 0;
	return !req->query.from || (date && strcmp(date, req->query.from) >= 0);
}

/* A block of changes: the summary line (or JSON object @p head, which
 * the block takes), then the changes. *shown says whether anything printed. */
static pcreg_status show_block(struct cli *cli, struct changes_request *req, const char *label,
                               json_t *head, pcreg_import_summary *sum, pcreg_change_iter *it,
                               int filtered, int *shown)
{
	const pcreg_change *ch;
	struct out *table = NULL;
	json_t *changes = NULL;
	pcreg_status st = PCREG_OK;
	int64_t n = 0;

	if (cli->format == OUT_TABLE)
		table = out_begin(OUT_TABLE, change_columns + 1, N_CHANGE_COLUMNS - 1, 0);
	else if (cli->format == OUT_JSON && !(changes = json_array()))
		exit(cli_error(EXIT_FAIL, "out of memory"));
	while ((st = pcreg_change_iter_next(it, &ch)) == PCREG_OK) {
		if (!wanted(req, ch))
			continue;
		n++;
		if (table) {
			out_int(table, pcreg_change_id(ch));
			out_text(table, pcreg_change_effective_date(ch));
			out_text(table, pcreg_change_entity(ch));
			out_text(table, pcreg_change_code(ch));
			out_text(table, pcreg_change_subkey(ch));
			out_text(table, pcreg_change_action(ch));
			out_text(table, pcreg_change_field(ch));
			out_text(table, pcreg_change_old_value(ch));
			out_text(table, pcreg_change_new_value(ch));
			out_row_end(table);
		} else if (changes) {
			json_array_append_new(changes, change_json(ch));
		} else {
			change_row(req->csv, ch);
		}
	}
	if (st != PCREG_DONE || (filtered && n == 0)) {
		out_abort(table);
		json_decref(changes);
		json_decref(head);
		return st == PCREG_DONE ? PCREG_OK : st;
	}
	if (table) {
		/* "merged": moved to the commissioner that succeeded theirs that day. */
		printf("%s%s: %" PRId64 " opened, %" PRId64 " closed, %" PRId64 " renamed, %" PRId64
		       " moved commissioner, %" PRId64 " merged, %" PRId64 " moved network, %" PRId64
		       " reclassified, %" PRId64 " succeeded, %" PRId64 " re-dated\n",
		       *shown ? "\n" : "", label, pcreg_import_summary_opened(sum),
		       pcreg_import_summary_closed(sum), pcreg_import_summary_renamed(sum),
		       pcreg_import_summary_moved_commissioner(sum),
		       pcreg_import_summary_merged_commissioner(sum),
		       pcreg_import_summary_moved_network(sum), pcreg_import_summary_reclassified(sum),
		       pcreg_import_summary_succeeded(sum), pcreg_import_summary_redated(sum));
		if (n)
			out_end(table);
		else
			out_abort(table);
	} else if (changes) {
		json_t *counts = json_pack(
			"{sIsIsIsIsIsIsIsIsI}", "opened", (json_int_t)pcreg_import_summary_opened(sum),
			"closed", (json_int_t)pcreg_import_summary_closed(sum), "renamed",
			(json_int_t)pcreg_import_summary_renamed(sum), "moved_commissioner",
			(json_int_t)pcreg_import_summary_moved_commissioner(sum), "moved_network",
			(json_int_t)pcreg_import_summary_moved_network(sum), "merged",
			(json_int_t)pcreg_import_summary_merged_commissioner(sum), "reclassified",
			(json_int_t)pcreg_import_summary_reclassified(sum), "succeeded",
			(json_int_t)pcreg_import_summary_succeeded(sum), "redated",
			(json_int_t)pcreg_import_summary_redated(sum));

		if (!counts || json_object_update(head, counts) != 0 ||
		    json_object_set_new(head, "changes", changes) != 0 ||
		    json_array_append_new(req->json, head) != 0)
			exit(cli_error(EXIT_FAIL, "out of memory"));
		json_decref(counts);
		head = NULL;
	}
	json_decref(head);
	*shown = 1;
	return PCREG_OK;
}

/* One import's summary and changes. */
static pcreg_status show_import(struct cli *cli, pcreg_db *db, struct changes_request *req,
                                const pcreg_import_entry *e, int filtered, int *shown)
{
	pcreg_import_summary *sum = NULL;
	pcreg_change_iter *it = NULL;
	json_t *head = NULL;
	char label[512];
	pcreg_status st;
	int64_t id = pcreg_import_entry_id(e);

	req->query.import_id = id;
	if ((st = pcreg_journal_summary(db, id, &sum)) != PCREG_OK)
		return st;
	if ((st = pcreg_journal_changes(db, &req->query, &it)) != PCREG_OK) {
		pcreg_import_summary_free(sum);
		return st;
	}
	snprintf(label, sizeof label, "import %" PRId64 ": %s (%s), %s", id,
	         pcreg_import_entry_file_name(e), pcreg_import_entry_kind(e),
	         pcreg_import_entry_finished_at(e));
	if (cli->format == OUT_JSON &&
	    !(head = json_pack("{sIss?ss?ss?}", "import", (json_int_t)id, "file",
	                       pcreg_import_entry_file_name(e), "kind", pcreg_import_entry_kind(e),
	                       "finished_at", pcreg_import_entry_finished_at(e))))
		exit(cli_error(EXIT_FAIL, "out of memory"));
	st = show_block(cli, req, label, head, sum, it, filtered, shown);
	pcreg_change_iter_free(it);
	pcreg_import_summary_free(sum);
	return st;
}

/* A release, for --by-release: the first import of it names it. */
struct release_ref {
	int64_t id;
	char date[11], digest[65], file[256], kind[32];
};

static int release_order(const void *a, const void *b)
{
	const struct release_ref *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : strcmp(x->digest, y->digest);
}

/* What a release changed, in release order (pcreg_journal_release_changes()). */
static pcreg_status show_release(struct cli *cli, pcreg_db *db, struct changes_request *req,
                                 const struct release_ref *r, int filtered, int *shown)
{
	pcreg_import_summary *sum = NULL;
	pcreg_change_iter *it = NULL;
	json_t *head = NULL;
	char label[512];
	pcreg_status st;

	if ((st = pcreg_journal_release_summary(db, r->id, &sum)) != PCREG_OK)
		return st;
	if ((st = pcreg_journal_release_changes(db, r->id, &it)) != PCREG_OK) {
		pcreg_import_summary_free(sum);
		return st;
	}
	snprintf(label, sizeof label, "release %" PRId64 ": %s %s (%s)", r->id, r->kind, r->date,
	         r->file);
	if (cli->format == OUT_JSON &&
	    !(head = json_pack("{sIss?ss?ss?}", "release", (json_int_t)r->id, "kind", r->kind,
	                       "release_date", r->date, "file", r->file)))
		exit(cli_error(EXIT_FAIL, "out of memory"));
	st = show_block(cli, req, label, head, sum, it, filtered, shown);
	pcreg_change_iter_free(it);
	pcreg_import_summary_free(sum);
	return st;
}

/* Every release, oldest first: the journal as the releases tell it. */
static pcreg_status show_releases(struct cli *cli, pcreg_db *db, struct changes_request *req,
                                  int filtered, int *shown)
{
	pcreg_import_entry_iter *it = NULL;
	const pcreg_import_entry *e;
	struct release_ref *refs = NULL, *grown;
	size_t n = 0, cap = 0, i, j;
	int found = 0;
	pcreg_status st = pcreg_journal_imports(db, &it);

	while (st == PCREG_OK && (st = pcreg_import_entry_iter_next(it, &e)) == PCREG_OK) {
		int64_t id = pcreg_import_entry_release_id(e);

		for (j = 0; j < n && refs[j].id != id; j++)
			;
		if (id == 0 || j < n)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(refs, cap * sizeof *refs)))
				exit(cli_error(EXIT_FAIL, "out of memory"));
			refs = grown;
		}
		refs[n].id = id;
		snprintf(refs[n].date, sizeof refs[n].date, "%s", pcreg_import_entry_release_date(e));
		snprintf(refs[n].digest, sizeof refs[n].digest, "%s",
		         pcreg_import_entry_release_digest(e));
		snprintf(refs[n].file, sizeof refs[n].file, "%s", pcreg_import_entry_file_name(e));
		snprintf(refs[n].kind, sizeof refs[n].kind, "%s", pcreg_import_entry_kind(e));
		n++;
	}
	pcreg_import_entry_iter_free(it);
	if (st == PCREG_DONE)
		st = PCREG_OK;
	if (n > 1)
		qsort(refs, n, sizeof *refs, release_order);
	for (i = 0; i < n && st == PCREG_OK; i++) {
		/* --release -1 is the newest by release date, -2 the one before */
		if (req->release < 0 ? (int64_t)i != (int64_t)n + req->release
		                     : req->release > 0 && refs[i].id != req->release)
			continue;
		st = show_release(cli, db, req, &refs[i], filtered, shown);
		found = 1;
	}
	free(refs);
	if (st == PCREG_OK && req->release && !found) {
		cli_error(0, "no release %" PRId64 " (there are %zu)", req->release, n);
		req->missing = 1;
		return PCREG_NOTFOUND;
	}
	return st;
}

int cmd_changes(struct cli *cli, int argc, char **argv)
{
	struct changes_request req;
	pcreg_db *db = NULL;
	pcreg_import_entry *one = NULL;
	pcreg_import_entry_iter *it = NULL;
	const pcreg_import_entry *e;
	pcreg_status st;
	int64_t import_id = 0;
	int c, code, shown = 0, by_release = 0;

	memset(&req, 0, sizeof req);
	pcreg_change_query_init(&req.query, PCREG_CHANGE_QUERY_VERSION);
	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		if (c == 'i' && (import_id = cli_number(optarg)) <= 0)
			return cli_usage_error(cli, "--import: \"%s\" is not an import number", optarg);
		if (c == 'c')
			req.query.code = optarg;
		if (c == 's' && (code = cli_date(cli, "--since", optarg, &req.query.from)) != EXIT_OK)
			return code;
		if (c == 'r')
			by_release = 1;
		if (c == 'R') {
			char *end;

			req.release = strcmp(optarg, "latest") == 0 ? -1 : strtoll(optarg, &end, 10);
			if (strcmp(optarg, "latest") != 0 && (*end || req.release == 0))
				return cli_usage_error(cli, "--release: \"%s\" is not a release (its"
				                            " number, latest, or -1 for the newest, -2 for"
				                            " the one before)", optarg);
		}
		if (c == 'f')
			req.field = optarg;
		if (c == 'A') {
			static const char *const actions[] = { "insert", "update", "delete", "move",
				                               NULL };
			int k;

			for (k = 0; actions[k] && strcmp(actions[k], optarg) != 0; k++)
				;
			if (!actions[k])
				return cli_usage_error(cli, "--action: \"%s\" is not insert, update,"
				                            " delete or move", optarg);
			req.action = optarg;
		}
	}
	if (c == 0)
		return code;
	if (req.release)
		by_release = 1;
	if ((code = cli_positionals(cli, argc, argv, 0, 0)) != EXIT_OK ||
	    (code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	if (cli->format == OUT_CSV || cli->format == OUT_TSV || cli->format == OUT_JSONL)
		req.csv = out_begin(cli->format, change_columns, N_CHANGE_COLUMNS, 0);
	if (cli->format == OUT_JSON && !(req.json = json_array()))
		exit(cli_error(EXIT_FAIL, "out of memory"));
	if (by_release && import_id) {
		pcreg_db_close(db);
		return cli_usage_error(cli, "--by-release and --import: choose one");
	}
	if (by_release) {
		st = show_releases(cli, db, &req,
		                   req.query.code || req.query.from || req.field || req.action, &shown);
	} else if (import_id) {
		st = pcreg_journal_import_get(db, import_id, &one);
		if (st == PCREG_OK)
			st = show_import(cli, db, &req, one, req.field || req.action, &shown);
		pcreg_import_entry_free(one);
	} else {
		int filtered = req.query.code || req.query.from || req.field || req.action;

		st = pcreg_journal_imports(db, &it);
		while (st == PCREG_OK && (st = pcreg_import_entry_iter_next(it, &e)) == PCREG_OK)
			if ((st = show_import(cli, db, &req, e, filtered, &shown)) != PCREG_OK)
				break;
		pcreg_import_entry_iter_free(it);
		if (st == PCREG_DONE)
			st = PCREG_OK;
	}
	if (st != PCREG_OK) {
		out_abort(req.csv);
		json_decref(req.json);
		code = req.missing ? EXIT_NOT_FOUND : cli_fail(db, st);
	} else if (req.csv) {
		code = out_end(req.csv);
	} else if (req.json) {
		code = json_dumpf(req.json, stdout, JSON_INDENT(2)) == 0 && putchar('\n') != EOF &&
		                       fflush(stdout) == 0
		               ? EXIT_OK
		               : cli_error(EXIT_FAIL, "cannot write the output");
		json_decref(req.json);
	} else if (!shown) {
		printf("no changes\n");
	}
	pcreg_db_close(db);
	return code;
}

/* ---- export -------------------------------------------------------------------------------- */

int cmd_export(struct cli *cli, int argc, char **argv)
{
	pcreg_export_format_value format;
	const char *output = NULL, *entity, *line;
	pcreg_export *ex = NULL;
	pcreg_db *db = NULL;
	pcreg_status st;
	int c, code, i, known = 0;

	while ((c = cli_option(cli, argc, argv, &code)) > 0) {
		if (c == 'o')
			output = optarg;
	}
	if (c == 0)
		return code;
	format = cli->format == OUT_JSONL ? PCREG_EXPORT_JSONL : PCREG_EXPORT_CSV;
	if ((code = cli_positionals(cli, argc, argv, 1, 1)) != EXIT_OK)
		return code;
	entity = argv[optind];
	for (i = 0; i < pcreg_export_entity_count(); i++)
		known |= strcmp(pcreg_export_entity_name(i), entity) == 0;
	if (!known)
		return cli_usage_error(cli, "\"%s\" is not an entity (see 'pcreg help export')", entity);
	if ((code = cli_open(cli, 0, 0, &db)) != EXIT_OK)
		return code;
	/* "-o -" is standard output, as with no -o. */
	if (output && strcmp(output, "-") != 0) {
		st = pcreg_export_file(db, entity, format, output);
		if (st == PCREG_OK)
			st = PCREG_DONE;
	} else {
		st = pcreg_export_open(db, entity, format, &ex);
		while (st == PCREG_OK && (st = pcreg_export_next(ex, &line)) == PCREG_OK)
			puts(line);
		pcreg_export_free(ex);
	}
	if (st != PCREG_DONE)
		code = cli_fail(db, st);
	else if (fflush(stdout) != 0 || ferror(stdout))
		code = cli_error(EXIT_FAIL, "cannot write the output");
	pcreg_db_close(db);
	return code;
}

/* ---- the commands -------------------------------------------------------------------------- */

static const struct cli_opt import_opts[] = {
	{ "strict", 's', ARG_NONE, NULL, "the first bad row fails the file (default)", 0 },
	{ "lenient", 'l', ARG_NONE, NULL, "bad rows are reported on stderr and left out", OPT_ALT },
	{ "released", 'r', ARG_DATE, "DATE", "the release's date, where the file does not give one",
	  0 },
	{ "quiet", 'q', ARG_NONE, NULL, "no progress bar (there is none unless stderr is a terminal)",
	  OPT_SHORT },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt rejections_opts[] = {
	{ "import", 'i', ARG_NUMBER, "N", "rows import N left out", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt changes_opts[] = {
	{ "import", 'i', ARG_NUMBER, "N", "changes made by import N", 0 },
	{ "by-release", 'r', ARG_NONE, NULL,
	  "what each release changed, oldest release first: the same\n"
	  "whatever order the files were loaded in", OPT_ALT },
	{ "release", 'R', ARG_TEXT, "R",
	  "what one release changed: its number, latest (the newest by\n"
	  "release date) or -1, -2 ... counting back from it", 0 },
	{ "code", 'c', ARG_CODE, "CODE", "changes to this code's rows", 0 },
	{ "since", 's', ARG_DATE, "DATE", "changes effective on or after DATE", 0 },
	{ "field", 'f', ARG_TEXT, "FIELD", "changes to this field (name, commissioner, to_date...)",
	  0 },
	{ "action", 'A', ARG_TEXT, "ACTION", "insert, update, delete or move", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct cli_opt export_opts[] = {
	{ "output", 'o', ARG_FILE, "FILE", "write FILE (all or nothing) instead of stdout; - is stdout",
	  OPT_SHORT },
	{ NULL, 0, 0, NULL, NULL, 0 },
};

static const struct command import_commands[] = {
	{ "import", cmd_import, "KIND FILE...", "load national files into the registry",
	  "KIND is auto (tell from the content) or one of: epraccur, eccg, icb-names,\n"
	  "practice-map, succ, pcn-details, pcn-partners, list-size, payments, cqc,\n"
	  "ods-xml, registry-csv, registry-jsonl. Each FILE is one import: all of it or\n"
	  "none; one that fails leaves the others in, and the exit status says so.\n"
	  "With auto, a FILE may be a folder: every file in it, at any depth, is\n"
	  "recognised and loaded in an efficient order (files that are not data are\n"
	  "named as skipped). An ePCN workbook (.xlsx) is its two sheets' kinds. With a\n"
	  "kind named, FILE may be - (standard input).\n\n",
	  import_opts, 0, 0 },
	{ "imports", cmd_imports, "", "list past imports", "", NULL, FMT_ROWS, 0 },
	{ "rejections", cmd_rejections, "", "list every row lenient imports left out, and why",
	  "The journal keeps them all (an import prints the first 1,000).\n\n", rejections_opts,
	  FMT_ROWS, 0 },
	{ "changes", cmd_changes, "", "show the journal of what imports changed",
	  "A summary line per import (opened, closed, renamed, moved, merged, reclassified,\n"
	  "succeeded, re-dated), then its changes.\n\n",
	  changes_opts, FMT_ROWS, 0 },
	{ "export", cmd_export, "ENTITY", "write one entity's rows as CSV or JSON Lines",
	  "ENTITY is one of, in an order that imports back: commissioner, succession,\n"
	  "arrangement, federation, network, network_lead, practice,\n"
	  "commissioner_membership, network_membership, federation_membership, contract,\n"
	  "inspection, list_size.\n\n",
	  export_opts, FMT(OUT_CSV) | FMT(OUT_JSONL), 0 },
};

const struct command_group import_group = { "Files in and out, and the journal",
	                                    COMMANDS(import_commands) };
