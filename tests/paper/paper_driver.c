/*
 * paper_driver: figure.c and paper.c driven without the CLI, for the tests.
 *
 *   paper_driver DB figure KIND svg|png DATE [options] > out
 *   paper_driver DB html DATE [options] > out.html
 *
 * options: --commissioner CODES  --regions CODES  --service NAME
 *          --min N  --max N  --known-at DATE  --kind KIND (html: one report)
 *
 * Exits 0, 1 when the registry or the writer failed, 2 for a wrong command line.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "paper.h"

static int usage(void)
{
	fputs("usage: paper_driver DB figure KIND svg|png DATE [options]\n"
	      "       paper_driver DB html DATE [options]\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	struct paper_request req = PAPER_REQUEST_INIT;
	pcreg_report_options opts = PCREG_REPORT_OPTIONS_INIT;
	pcreg_open_options open = PCREG_OPEN_OPTIONS_INIT;
	pcreg_db *db = NULL, *known = NULL;
	const char *kind = NULL;
	enum figure_format format = FIGURE_SVG;
	char err[512] = "";
	pcreg_status st;
	int figure, i;

	if (argc < 4)
		return usage();
	figure = strcmp(argv[2], "figure") == 0;
	if (!figure && strcmp(argv[2], "html") != 0)
		return usage();
	i = 3;
	if (figure) {
		if (argc < 6)
			return usage();
		kind = argv[3];
		if (strcmp(argv[4], "png") == 0)
			format = FIGURE_PNG;
		else if (strcmp(argv[4], "svg") != 0)
			return usage();
		i = 5;
	}
	req.as_of = opts.on = argv[i++];
	for (; i < argc; i += 2) {
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;

		if (!value)
			return usage();
		if (strcmp(argv[i], "--commissioner") == 0)
			req.commissioner = opts.commissioner = value;
		else if (strcmp(argv[i], "--regions") == 0)
			req.regions = value;
		else if (strcmp(argv[i], "--service") == 0)
			req.service = opts.service = value;
		else if (strcmp(argv[i], "--min") == 0)
			req.min_population = opts.min_population = atoi(value);
		else if (strcmp(argv[i], "--max") == 0)
			req.max_population = opts.max_population = atoi(value);
		else if (strcmp(argv[i], "--known-at") == 0)
			req.known_at = value;
		else if (strcmp(argv[i], "--kind") == 0 && (req.kinds = paper_kind_of(value)) != 0)
			continue;
		else
			return usage();
	}

	open.flags = PCREG_OPEN_READONLY;
	st = pcreg_db_open(argv[1], &open, &db);
	/* The CLI's --known-at does the same before any command runs. */
	if (st == PCREG_OK && req.known_at && (st = pcreg_db_known_at(db, req.known_at, &known)) == PCREG_OK) {
		pcreg_db_close(db);
		db = known;
	}
	if (st != PCREG_OK) {
		fprintf(stderr, "paper_driver: %s: %s\n", argv[1], pcreg_db_errmsg(db));
		pcreg_db_close(db);
		return 1;
	}
	if (figure)
		st = figure_write(db, kind, &opts, format, stdout, err, sizeof err);
	else
		st = paper_write_html(db, &req, stdout, err, sizeof err);
	if (st != PCREG_OK)
		fprintf(stderr, "paper_driver: %s (%s)\n", err, pcreg_status_str(st));
	pcreg_db_close(db);
	/* Let the leak checker see only what we failed to free: cairo and
	 * fontconfig keep caches for the life of the process otherwise. */
	cairo_debug_reset_static_data();
	FcFini();
	xmlCleanupParser();
	return st == PCREG_OK ? 0 : 1;
}
