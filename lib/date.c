/*
 * date.c: ISO-8601 calendar dates.
 *
 * Dates cross the API as "YYYY-MM-DD" text. Day numbers (days since
 * 1970-01-01, proleptic Gregorian) make "the day before" and comparisons
 * exact; the conversions are Howard Hinnant's days_from_civil algorithms.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "record.h"

static int is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int pcreg__days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

int pcreg__date_valid_ymd(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= pcreg__days_in_month(year, month);
}

int pcreg__date_parse(const char *text, int *year, int *month, int *day)
{
	int i;

	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return 0;
	*year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
	*month = (text[5] - '0') * 10 + (text[6] - '0');
	*day = (text[8] - '0') * 10 + (text[9] - '0');
	return pcreg__date_valid_ymd(*year, *month, *day);
}

int pcreg__date_valid(const char *text)
{
	int y, m, d;

	return pcreg__date_parse(text, &y, &m, &d);
}

int64_t pcreg__days_from_civil(int year, int month, int day)
{
	int64_t y = year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void pcreg__civil_from_days(int64_t days, int *year, int *month, int *day)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

void pcreg__date_format(int year, int month, int day, char out[11])
{
	out[0] = (char)('0' + year / 1000 % 10);
	out[1] = (char)('0' + year / 100 % 10);
	out[2] = (char)('0' + year / 10 % 10);
	out[3] = (char)('0' + year % 10);
	out[4] = '-';
	out[5] = (char)('0' + month / 10);
	out[6] = (char)('0' + month % 10);
	out[7] = '-';
	out[8] = (char)('0' + day / 10);
	out[9] = (char)('0' + day % 10);
	out[10] = '\0';
}

int pcreg__date_add_days(const char *date, int delta, char out[11])
{
	int y, m, d;

	if (!pcreg__date_parse(date, &y, &m, &d))
		return 0;
	pcreg__civil_from_days(pcreg__days_from_civil(y, m, d) + delta, &y, &m, &d);
	if (!pcreg__date_valid_ymd(y, m, d))
		return 0;
	pcreg__date_format(y, m, d, out);
	return 1;
}

static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Month names, in English whatever the program's locale (which is why
 * this is not strptime's %b). */
static int month_of(const char *s)
{
	static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	int m;

	for (m = 0; m < 12; m++)
		if (strncasecmp(s, names + 3 * m, 3) == 0)
			return m + 1;
	return 0;
}

int pcreg__date_from_text(const char *text, char out[11])
{
	size_t n = strlen(text);
	int y = 0, m = 0, d = 0;

	if (n == 8 && digits(text, 8)) { /* 19740401 */
		y = number(text, 4);
		m = number(text + 4, 2);
		d = number(text + 6, 2);
	} else if (n == 10 && text[4] == '-' && text[7] == '-' && digits(text, 4) &&
	           digits(text + 5, 2) && digits(text + 8, 2)) { /* 1974-04-01 */
		y = number(text, 4);
		m = number(text + 5, 2);
		d = number(text + 8, 2);
	} else if (n == 10 && text[2] == '/' && text[5] == '/' && digits(text, 2) &&
	           digits(text + 3, 2) && digits(text + 6, 4)) { /* 01/04/1974 */
		d = number(text, 2);
		m = number(text + 3, 2);
		y = number(text + 6, 4);
	} else if (n == 9 && digits(text, 2) && digits(text + 5, 4)) { /* 01JAN2021 */
		d = number(text, 2);
		m = month_of(text + 2);
		y = number(text + 5, 4);
	} else if (n == 9 && text[2] == '-' && text[6] == '-' && digits(text, 2) &&
	           digits(text + 7, 2)) { /* 01-Sep-20 */
		d = number(text, 2);
		m = month_of(text + 3);
		y = number(text + 7, 2);
		/* Two-digit years: the files name dates from 1948 (the NHS) on. */
		y += y < 48 ? 2000 : 1900;
	} else if (n >= 1 && n <= 5 && digits(text, n)) {
		/* An Excel serial day number: day 1 is 1900-01-01, and Excel
		 * counts a 29 February 1900 that never was, so from day 61 the
		 * base is 1899-12-30. */
		int64_t serial = number(text, n);

		if (serial < 61)
			return 0;
		pcreg__civil_from_days(pcreg__days_from_civil(1899, 12, 30) + serial, &y, &m, &d);
	} else {
		return 0;
	}
	if (!pcreg__date_valid_ymd(y, m, d))
		return 0;
	pcreg__date_format(y, m, d, out);
	return 1;
}
