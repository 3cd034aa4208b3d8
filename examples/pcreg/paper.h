/*
 * paper.h: a Board paper as one self-contained HTML page: for a place and
 * a date, each report's table and figure, and a footer naming the
 * releases the numbers rest on.
 *
 * The page needs nothing else: its CSS is inline (for the screen and for
 * A4 print), its figures are SVG data URIs, and it has no script. The same
 * registry and request give the same bytes.
 */
#ifndef PCREG_CLI_PAPER_H
#define PCREG_CLI_PAPER_H

#include <stddef.h>
#include <stdio.h>

#include <pcreg/pcreg.h>

/* Reports a page can hold (bits of paper_request.kinds). */
enum paper_kind {
	PAPER_CQC = 1,
	PAPER_PMS = 2,
	PAPER_COMMISSIONING = 4,
	PAPER_NETWORKS = 8,
	PAPER_SCHEME = 16
};

struct paper_request {
	const char *as_of;        /* the reports' date, YYYY-MM-DD; required */
	const char *commissioner; /* "07L,08F,08N", or NULL for every commissioner */
	const char *regions;      /* the co-commissioning report's region codes, or NULL for all */
	const char *service;      /* the scheme report's service; NULL leaves scheme out */
	const char *known_at;     /* the date db was derived at with pcreg_db_known_at(), or NULL */
	int min_population;       /* the networks' band, as pcreg_report_options */
	int max_population;
	unsigned int kinds;       /* PAPER_* bits; 0 for every report that applies */
};

/* Every report that applies, the networks' band as the report's default. */
#define PAPER_REQUEST_INIT { NULL, NULL, NULL, NULL, NULL, 30000, 50000, 0 }

/* The PAPER_* bit for a report's name ("cqc", ...), or 0 for none. */
unsigned int paper_kind_of(const char *name);

/*
 * Write the page to out.
 *
 * db:   the registry as the page should tell it: when req->known_at is set,
 *       the handle pcreg_db_known_at(known_at) gave (the page only names
 *       that date, it does not derive it)
 * err:  on failure, a message of at most errlen bytes
 *
 * Returns PCREG_OK; PCREG_MISUSE without a date; PCREG_INVALID for a
 * scheme asked for without a service, or what a report refuses (a bad
 * date or code); PCREG_IO if out could not be written; or another
 * negative status from the registry.
 */
pcreg_status paper_write_html(pcreg_db *db, const struct paper_request *req, FILE *out,
                              char *err, size_t errlen);

#endif
