/*
 * header.c: finding a file's columns by their header names (header.h says
 * what the normal form keeps and drops, and why).
 */
#include <stdio.h>
#include <string.h>

#include "header.h"

/* The length of the white space at @p s (ASCII, or a UTF-8 no-break
 * space), 0 if none. */
static size_t space_at(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' || *s == '\f')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return 0;
}

/* The length of a superscript digit (a footnote mark) ending at @p end,
 * 0 if none: U+00B9, U+00B2, U+00B3, U+2070, U+2074-U+2079. */
static size_t superscript_before(const unsigned char *start, const unsigned char *end)
{
	if (end - start >= 2 && end[-2] == 0xC2 &&
	    (end[-1] == 0xB9 || end[-1] == 0xB2 || end[-1] == 0xB3))
		return 2;
	if (end - start >= 3 && end[-3] == 0xE2 && end[-2] == 0x81 &&
	    (end[-1] == 0xB0 || (end[-1] >= 0xB4 && end[-1] <= 0xB9)))
		return 3;
	return 0;
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Drop footnote marks from the end of a normal form; returns its new
 * length. */
static size_t strip_footnotes(char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t len, digits;

	for (;;) {
		if ((len = superscript_before(s, s + n)) != 0) {
			n -= len;
		} else {
			for (digits = 0; digits < n && is_digit(s[n - 1 - digits]); digits++)
				;
			/* Only digits stuck to a word are a mark: "Code 2" is a name. */
			if (digits == 0 || digits == n ||
			    !(is_alpha(s[n - 1 - digits]) || s[n - 1 - digits] == ')' ||
			      s[n - 1 - digits] == ']'))
				break;
			n -= digits;
		}
		while (n > 0 && s[n - 1] == ' ')
			n--;
	}
	text[n] = '\0';
	return n;
}

size_t pcreg__header_normalise(const char *name, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0, len;
	int pending_space = 0;

	if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		s += 3;
	while (*s) {
		if ((len = space_at(s)) != 0) {
			pending_space = n > 0;
			s += len;
			continue;
		}
		if (pending_space) {
			if (n + 1 < size)
				out[n] = ' ';
			n++;
			pending_space = 0;
		}
		if (n + 1 < size)
			out[n] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
		n++;
		s++;
	}
	if (size == 0)
		return n;
	if (n >= size) {
		out[size - 1] = '\0';
		return n;
	}
	return strip_footnotes(out, n);
}

/* A spec's name in normal form into @p out (PCREG__HEADER_NAME_MAX + 1
 * bytes); *prefix says it ended in '*'. Returns its length, 0 for a name
 * that can match nothing (empty, or too long). */
static size_t wanted_form(const char *wanted, char *out, int *prefix)
{
	size_t n = pcreg__header_normalise(wanted, out, PCREG__HEADER_NAME_MAX + 1);

	*prefix = 0;
	if (n > PCREG__HEADER_NAME_MAX)
		return 0;
	if (n > 0 && out[n - 1] == '*') {
		*prefix = 1;
		out[--n] = '\0';
		/* "Patients *" is "patients" followed by anything. */
		while (n > 0 && out[n - 1] == ' ')
			out[--n] = '\0';
	}
	return n;
}

/* Whether a header's normal form reads as a wanted one. */
static int form_matches(const char *header, const char *wanted, size_t wanted_len, int prefix)
{
	if (wanted_len == 0)
		return 0;
	return prefix ? strncmp(header, wanted, wanted_len) == 0 : strcmp(header, wanted) == 0;
}

int pcreg__header_matches(const char *header, const char *wanted)
{
	char have[PCREG__HEADER_NAME_MAX + 1], want[PCREG__HEADER_NAME_MAX + 1];
	size_t want_len;
	int prefix;

	if (pcreg__header_normalise(header, have, sizeof have) > PCREG__HEADER_NAME_MAX)
		return 0;
	want_len = wanted_form(wanted, want, &prefix);
	return form_matches(have, want, want_len, prefix);
}

/* The i-th name a spec accepts (its field, then its variants); NULL after
 * the last. */
static const char *spec_name(const struct pcreg__column_spec *spec, size_t i)
{
	size_t k;

	if (i == 0)
		return spec->field;
	if (!spec->variants)
		return NULL;
	for (k = 0; k + 1 < i; k++)
		if (!spec->variants[k])
			return NULL;
	return spec->variants[i - 1];
}

/* "no column "A" (or "B", "C") in the header", into the handle's message. */
static pcreg_status no_column(pcreg_import *imp, const struct pcreg__csv_record *header,
                              const struct pcreg__column_spec *spec)
{
	char names[PCREG__ERRMSG_SIZE / 2];
	size_t used = 0, i;
	const char *name;

	names[0] = '\0';
	for (i = 1; (name = spec_name(spec, i)) != NULL && used < sizeof names; i++) {
		int w = snprintf(names + used, sizeof names - used, "%s\"%s\"", i == 1 ? " (or " : ", ",
		                 name);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (used > 0 && used + 1 < sizeof names)
		strcat(names, ")");
	return pcreg__error(imp->db, PCREG_INVALID, "%s:%lld: no column \"%s\"%s in the header",
	                    imp->path, (long long)header->line, spec->field, names);
}

pcreg_status pcreg__header_map(pcreg_import *imp, const struct pcreg__csv_record *header,
                               const struct pcreg__column_spec *specs, size_t n,
                               int *index_out)
{
	char want[PCREG__HEADER_NAME_MAX + 1];
	char **form = NULL, *text;
	size_t size = 0, col, s, t, k;
	pcreg_status st = PCREG_OK;

	/* Each cell in normal form, once: never longer than the cell. */
	for (col = 0; col < header->nfields; col++)
		size += header->lengths[col] + 1;
	if (header->nfields > 0 &&
	    !(form = pcreg__malloc(header->nfields * sizeof *form + size)))
		return pcreg__error(imp->db, PCREG_NOMEM, "out of memory");
	text = (char *)(form + header->nfields);
	for (col = 0; col < header->nfields; col++) {
		form[col] = text;
		pcreg__header_normalise(header->fields[col], text, header->lengths[col] + 1);
		text += header->lengths[col] + 1;
	}

	for (s = 0; s < n && st == PCREG_OK; s++) {
		const char *name;

		index_out[s] = -1;
		for (k = 0; index_out[s] < 0 && (name = spec_name(&specs[s], k)) != NULL; k++) {
			int prefix;
			size_t len = wanted_form(name, want, &prefix);

			for (col = 0; col < header->nfields; col++) {
				if (!form_matches(form[col], want, len, prefix))
					continue;
				if (index_out[s] >= 0) {
					st = pcreg__error(imp->db, PCREG_INVALID,
					                  "%s:%lld: columns %d and %zu both read as \"%s\"",
					                  imp->path, (long long)header->line,
					                  index_out[s] + 1, col + 1, name);
					break;
				}
				index_out[s] = (int)col;
			}
		}
		if (st == PCREG_OK && index_out[s] < 0 && specs[s].required)
			st = no_column(imp, header, &specs[s]);
	}
	for (s = 0; s < n && st == PCREG_OK; s++)
		for (t = s + 1; t < n && st == PCREG_OK; t++)
			if (index_out[s] >= 0 && index_out[s] == index_out[t])
				st = pcreg__error(imp->db, PCREG_INVALID,
				                  "%s:%lld: column %d (\"%.60s\") reads as both \"%s\" and"
				                  " \"%s\"",
				                  imp->path, (long long)header->line, index_out[s] + 1,
				                  header->fields[index_out[s]], specs[s].field,
				                  specs[t].field);
	pcreg__free(form);
	return st;
}

const char *pcreg__column_text(pcreg_import *imp, int column)
{
	return column < 0 ? NULL : pcreg__text(imp, (size_t)column);
}

int pcreg__column_date(pcreg_import *imp, int column, const char *field, char out[11],
                       const char **value)
{
	const char *text = pcreg__column_text(imp, column);

	*value = NULL;
	switch (pcreg__date_read(text, out)) {
	case PCREG__DATE_SET:
		*value = out;
		return 1;
	case PCREG__DATE_BLANK:
		return 1;
	default:
		pcreg__reject(imp, field, "\"%.40s\" is not a real date", text);
		return 0;
	}
}
