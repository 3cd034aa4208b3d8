/*
 * figure.h: the figure a Board paper would show for a report, drawn with
 * cairo as SVG or PNG.
 *
 * One figure per report kind, read through the public report iterators:
 *   cqc            a stacked bar per commissioner (and the total): Inadequate,
 *                  Requires improvement, Good, Outstanding, not yet published
 *   pms            per commissioner, the lowest to highest PMS premium per
 *                  weighted patient, against zero
 *   networks       each network's registered patients against the
 *                  opts->min_population..max_population band
 *   commissioning  a stacked bar per region: delegated, joint, greater involvement
 *   scheme         per commissioner, practices taking part in opts->service or not
 *
 * The same registry and options give the same bytes: nothing in the output
 * depends on the time or the process (fonts come from fontconfig, so
 * another machine's fonts may draw other glyphs).
 */
#ifndef PCREG_CLI_FIGURE_H
#define PCREG_CLI_FIGURE_H

#include <stddef.h>
#include <stdio.h>

#include <pcreg/pcreg.h>

enum figure_format {
	FIGURE_SVG, /* sized in CSS pixels; text drawn as glyph outlines */
	FIGURE_PNG  /* at twice the SVG's pixel size, for print and high-density screens */
};

/* 1 if kind names a report with a figure, else 0. */
int figure_kind_exists(const char *kind);

/*
 * Draw the figure of one report and write it to out.
 *
 * db:     open registry (a pcreg_db_known_at() handle works too)
 * kind:   "cqc", "pms", "commissioning", "networks" or "scheme"
 * opts:   the report's options, as the report iterators take them
 * err:    on failure, a message of at most errlen bytes (with the
 *         registry's message when the registry failed)
 *
 * Returns PCREG_OK; PCREG_INVALID or PCREG_MISUSE for an unknown kind or
 * options the report refuses (a bad date, no service for scheme);
 * PCREG_IO if out could not be written; or the report's negative status.
 */
pcreg_status figure_write(pcreg_db *db, const char *kind, const pcreg_report_options *opts,
                          enum figure_format format, FILE *out, char *err, size_t errlen);

/*
 * The same, into memory: *data is new (free() it) and holds *size bytes.
 * On failure *data is NULL.
 */
pcreg_status figure_render(pcreg_db *db, const char *kind, const pcreg_report_options *opts,
                           enum figure_format format, unsigned char **data, size_t *size,
                           char *err, size_t errlen);

/* Let go of the drawing libraries' process-wide caches (cairo's, fontconfig's,
 * libxml2's), so that a leak checker at exit sees only real leaks. Call once,
 * when no more figures or pages will be made. */
void figure_release_caches(void);

#endif
