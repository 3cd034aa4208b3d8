/*
 * progress.h: one line on stderr that says how far a long job has got,
 * redrawn in place and erased when the job ends:
 *
 *   big.csv [##########..........]  45%     0:42 left     12,345 rows/s
 *   big.csv [####################] 100%  committing (read in 1:03)
 *
 * It fits the terminal's width (read again at every redraw, so a resized
 * window is followed) and never writes into the last column, where a
 * terminal may wrap. Every function accepts NULL and then does nothing,
 * which is what progress_start() returns when the line is not wanted.
 */
#ifndef PCREG_CLI_PROGRESS_H
#define PCREG_CLI_PROGRESS_H

#include <stdint.h>

struct progress;

/* A new line for a job named label (a path: its last component is shown),
 * or NULL when enabled is 0 (stderr is no terminal, or --quiet) or memory
 * is short. Nothing is drawn until the first update. */
struct progress *progress_start(const char *label, int enabled);

/* done of total bytes, rows so far; total 0 means the size is unknown
 * (standard input). Redraws at most ten times a second. */
void progress_update(struct progress *p, int64_t done, int64_t total, int64_t rows);

/* Reading is over and the job is doing something else, named by phase
 * (e.g. "committing", borrowed until progress_end()): drawn at once, with
 * the bar full and the time reading took. Later updates are ignored. */
void progress_phase(struct progress *p, const char *phase);

/* Erase the line, leaving the cursor at its start, and free p. */
void progress_end(struct progress *p);

#endif
