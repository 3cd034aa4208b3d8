/*
 * progress.c: the progress line (progress.h).
 *
 * A redraw goes back to the line's start ("\r"), writes the new line and
 * then ANSI "erase in line" (ESC [ K), which clears what a longer earlier
 * draw left, however wide that was; erasing is "\r" ESC [ K. Spaces would
 * do too, but only over the width last drawn, and writing them to the
 * width of the terminal would touch its last column, where some terminals
 * wrap. Every terminal since the VT100 knows ESC [ K; one that says it
 * knows no escapes (TERM unset or "dumb", as Emacs's shell buffer) gets
 * spaces over what was drawn instead.
 *
 * Each draw is one write, so a slow terminal never shows half a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "numfmt.h"
#include "progress.h"

/* Faster than this the line flickers and costs more than it tells. */
#define REDRAW_SECONDS 0.1
/* Before this much time and this share of the file (2%), a rate says
 * more about start-up than about the file: no time left is guessed. */
#define ESTIMATE_AFTER_SECONDS 1.0
#define ESTIMATE_AFTER_SHARE 50
/* A bar narrower than this cannot show a change of a few percent. */
#define BAR_MIN 10
/* A label cut shorter than this says nothing: it is left out. */
#define LABEL_MIN 4
/* The label takes at most a third of the line, and no less than this. */
#define LABEL_WANT 12
/* Wider than this, the line stops growing (and fits its buffer). */
#define COLUMNS_MAX 400
#define LINE_BYTES (4 * COLUMNS_MAX + 64)

struct progress {
	char *label;          /* the path's last component, made safe to print */
	int plain;            /* the terminal knows no escapes: erase with spaces */
	int drawn;            /* something is on the line */
	int drawn_cols;       /* how wide the last draw was */
	const char *phase;    /* what it is doing now reading is over, or NULL */
	double started, drawn_at;
	int64_t done, total, rows;
};

/* A line being built, and how many columns it takes. */
struct line {
	char text[LINE_BYTES];
	size_t len;
	int cols;
};

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Asked at every draw: a cheap ioctl, and a resized window is followed
 * without a SIGWINCH handler. */
static int terminal_columns(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	int cols = 80;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		cols = ws.ws_col;
	else if (env && atoi(env) > 0)
		cols = atoi(env);
	return cols > COLUMNS_MAX ? COLUMNS_MAX : cols;
}

/* Length of the UTF-8 sequence at s, or 0 if none starts there. */
static int utf8_length(const unsigned char *s)
{
	int n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* A file name is anyone's bytes: a control character would move the
 * cursor or start an escape, and a byte that is not UTF-8 would be
 * counted wrong. Each becomes '?'. Every character left is taken to be
 * one column wide (file names in wide scripts are drawn a little long). */
static void make_printable(char *text)
{
	unsigned char *s = (unsigned char *)text;

	while (*s) {
		int n = utf8_length(s);

		if (n == 0 || (n == 1 && (*s < 0x20 || *s == 0x7F))) {
			*s++ = '?';
			continue;
		}
		s += n;
	}
}

static int utf8_columns(const char *text)
{
	int cols = 0;

	for (; *text; text++)
		cols += ((unsigned char)*text & 0xC0) != 0x80;
	return cols;
}

/* Where the character after the first n begins. */
static const char *utf8_skip(const char *text, int n)
{
	while (*text && n > 0) {
		text++;
		while (((unsigned char)*text & 0xC0) == 0x80)
			text++;
		n--;
	}
	return text;
}

static void put(struct line *l, const char *text, size_t len, int cols)
{
	if (l->len + len >= sizeof l->text)
		return;
	memcpy(l->text + l->len, text, len);
	l->len += len;
	l->cols += cols;
}

static void put_ascii(struct line *l, const char *text)
{
	put(l, text, strlen(text), (int)strlen(text));
}

static void put_repeated(struct line *l, char c, int n)
{
	for (; n > 0; n--)
		put(l, &c, 1, 1);
}

/* The label in cols columns: whole, or its start and end around "..."
 * (a file's kind is often at its start, its date at its end). */
static void put_label(struct line *l, const char *label, int cols)
{
	int whole = utf8_columns(label), head, tail;
	const char *tail_at;

	if (cols >= whole) {
		put(l, label, strlen(label), whole);
		return;
	}
	head = (cols - 3 + 1) / 2;
	tail = cols - 3 - head;
	put(l, label, (size_t)(utf8_skip(label, head) - label), head);
	put_ascii(l, "...");
	tail_at = utf8_skip(label, whole - tail);
	put(l, tail_at, strlen(tail_at), tail);
}

/* "0:42", "12:05", "1:02:03" */
static void format_duration(char *buf, size_t size, double seconds)
{
	long s = seconds < 0 ? 0 : seconds > 359999 ? 359999 : (long)(seconds + 0.5);

	if (s < 3600)
		snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
	else
		snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

/*
 * What is said after the bar: what must show (main) and what shows if
 * there is room (extra). Both are ASCII, so bytes are columns.
 */
static void describe(const struct progress *p, double elapsed, char *main_text, char *extra,
                     size_t size)
{
	char when[32], count[NUMFMT_SIZE];
	int estimate = elapsed >= ESTIMATE_AFTER_SECONDS && p->done > 0 &&
	               p->done * ESTIMATE_AFTER_SHARE >= p->total;

	if (p->phase) {
		format_duration(when, sizeof when, elapsed);
		snprintf(main_text, size, "%s  %s", p->total > 0 ? " 100%" : "", p->phase);
		snprintf(extra, size, " (read in %s)", when);
		return;
	}
	if (elapsed >= ESTIMATE_AFTER_SECONDS)
		numfmt_count(count, sizeof count, (int64_t)((double)p->rows / elapsed));
	else
		strcpy(count, "--");
	/* Fixed widths, so the bar does not jump as the digits change. */
	snprintf(extra, size, "  %9s rows/s", count);
	if (p->total <= 0) {
		numfmt_count(count, sizeof count, p->rows);
		snprintf(main_text, size, "  %s rows", count);
		return;
	}
	if (estimate)
		format_duration(when, sizeof when,
		                elapsed * (double)(p->total - p->done) / (double)p->done);
	else
		strcpy(when, "--:--");
	snprintf(main_text, size, " %3d%%  %7s left",
	         (int)(p->done >= p->total ? 100 : p->done * 100 / p->total), when);
}

/*
 * label [#####.....]  45%     0:42 left     12,345 rows/s
 *
 * in at most cols - 1 columns. What gives way first when they are few:
 * the rate, then the label's length (cut in the middle), then the label,
 * then the bar; the percent and time left go last.
 */
static void layout(const struct progress *p, int cols, double elapsed, struct line *l)
{
	char main_text[128], extra[128];
	int avail = cols - 1, room, label_cols, want, bar = 0, has_bar = p->total > 0, filled;
	int label_whole = utf8_columns(p->label);

	describe(p, elapsed, main_text, extra, sizeof main_text);
	room = avail - (int)strlen(main_text);
	if (room < 0) {
		put(l, main_text, avail > 0 ? (size_t)avail : 0, avail > 0 ? avail : 0);
		return;
	}
	want = label_whole < avail / 3 ? label_whole : avail / 3;
	if (want < LABEL_WANT)
		want = label_whole < LABEL_WANT ? label_whole : LABEL_WANT;
	/* " [" and "]" around the bar */
	if (room - (int)strlen(extra) >= (has_bar ? BAR_MIN + 3 : 0) + want)
		room -= (int)strlen(extra);
	else
		extra[0] = '\0';
	label_cols = room - (has_bar ? BAR_MIN + 3 : 0);
	if (label_cols > want)
		label_cols = want;
	if (label_cols < LABEL_MIN && label_cols < label_whole)
		label_cols = 0;
	if (has_bar) {
		bar = room - label_cols - (label_cols > 0 ? 3 : 2);
		if (bar < BAR_MIN) {
			/* no room for a bar: the label may have it */
			bar = 0;
			label_cols = room < want ? room : want;
			if (label_cols < LABEL_MIN && label_cols < label_whole)
				label_cols = 0;
		}
	}
	if (label_cols > 0)
		put_label(l, p->label, label_cols);
	if (bar > 0) {
		filled = (int)(p->phase || p->done >= p->total ? bar : p->done * bar / p->total);
		put_ascii(l, label_cols > 0 ? " [" : "[");
		put_repeated(l, '#', filled);
		put_repeated(l, '.', bar - filled);
		put_ascii(l, "]");
	}
	put_ascii(l, main_text);
	put_ascii(l, extra);
}

static void draw(struct progress *p)
{
	struct line l;
	double now = seconds_now();
	int cols = terminal_columns();

	l.len = 0;
	l.cols = 0;
	put(&l, "\r", 1, 0);
	layout(p, cols, now - p->started, &l);
	if (!p->plain)
		put_ascii(&l, "\033[K");
	else if (p->drawn_cols > l.cols)
		put_repeated(&l, ' ', (p->drawn_cols < cols - 1 ? p->drawn_cols : cols - 1) - l.cols);
	fwrite(l.text, 1, l.len, stderr);
	fflush(stderr);
	p->drawn = 1;
	p->drawn_cols = l.cols;
	p->drawn_at = now;
}

struct progress *progress_start(const char *label, int enabled)
{
	struct progress *p;
	const char *base = strrchr(label, '/'), *term = getenv("TERM");

	if (!enabled || !(p = calloc(1, sizeof *p)))
		return NULL;
	p->label = strdup(base && base[1] ? base + 1 : label);
	if (!p->label) {
		free(p);
		return NULL;
	}
	make_printable(p->label);
	p->plain = !term || !*term || strcmp(term, "dumb") == 0;
	p->started = seconds_now();
	return p;
}

void progress_update(struct progress *p, int64_t done, int64_t total, int64_t rows)
{
	if (!p || p->phase)
		return;
	p->done = done;
	p->total = total;
	p->rows = rows;
	if (!p->drawn || seconds_now() - p->drawn_at >= REDRAW_SECONDS)
		draw(p);
}

void progress_phase(struct progress *p, const char *phase)
{
	if (!p || (p->phase && strcmp(p->phase, phase) == 0))
		return;
	p->phase = phase;
	draw(p);
}

void progress_end(struct progress *p)
{
	if (!p)
		return;
	if (p->drawn && !p->plain) {
		fputs("\r\033[K", stderr);
	} else if (p->drawn) {
		int n = p->drawn_cols < terminal_columns() - 1 ? p->drawn_cols : terminal_columns() - 1;

		fputc('\r', stderr);
		for (; n > 0; n--)
			fputc(' ', stderr);
		fputc('\r', stderr);
	}
	fflush(stderr);
	free(p->label);
	free(p);
}
