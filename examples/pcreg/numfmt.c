/*
 * numfmt.c: numbers for people, in the forms output.c prints in tables, so
 * a figure or an HTML page shows the same text as the terminal. printf's
 * "'" flag would group thousands only under a locale that happens to be
 * installed, so the grouping is done here.
 */
#include <inttypes.h>
#include <stdio.h>

#include "numfmt.h"

static uint64_t magnitude_of(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Digits with a comma every three, and a sign if negative. */
static char *grouped(char *buf, size_t size, uint64_t magnitude, int negative)
{
	char digits[32], *p = digits + sizeof digits;
	int n = 0;

	*--p = '\0';
	do {
		if (n && n % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + magnitude % 10);
		magnitude /= 10;
		n++;
	} while (magnitude);
	snprintf(buf, size, "%s%s", negative ? "-" : "", p);
	return buf;
}

char *numfmt_count(char *buf, size_t size, int64_t value)
{
	return grouped(buf, size, magnitude_of(value), value < 0);
}

char *numfmt_share(char *buf, size_t size, int32_t hundredths)
{
	uint64_t m = magnitude_of(hundredths);

	snprintf(buf, size, "%s%" PRIu64 ".%02" PRIu64 "%%", hundredths < 0 ? "-" : "", m / 100,
	         m % 100);
	return buf;
}

char *numfmt_pence(char *buf, size_t size, int64_t pence)
{
	char pounds[32];
	uint64_t m = magnitude_of(pence);

	grouped(pounds, sizeof pounds, m / 100, 0);
	snprintf(buf, size, "%s\xc2\xa3%s.%02" PRIu64, pence < 0 ? "-" : "", pounds, m % 100);
	return buf;
}

char *numfmt_real(char *buf, size_t size, double value)
{
	char whole[32];
	double rounded = value < 0 ? -value : value;
	uint64_t tenths = (uint64_t)(rounded * 10 + 0.5);

	grouped(whole, sizeof whole, tenths / 10, value < 0 && tenths);
	snprintf(buf, size, "%s.%" PRIu64, whole, tenths % 10);
	return buf;
}

char *numfmt_date(char *buf, size_t size, const char *iso)
{
	static const char *const months[] = { "January", "February", "March",     "April",
		                              "May",     "June",     "July",      "August",
		                              "September", "October", "November", "December" };
	int year, month, day, end = 0;

	if (sscanf(iso, "%4d-%2d-%2d%n", &year, &month, &day, &end) == 3 && iso[end] == '\0' &&
	    month >= 1 && month <= 12)
		snprintf(buf, size, "%d %s %d", day, months[month - 1], year);
	else
		snprintf(buf, size, "%s", iso);
	return buf;
}
