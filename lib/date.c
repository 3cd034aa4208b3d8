/*
 * date.c: ISO-8601 calendar dates.
 *
 * Dates cross the API as "YYYY-MM-DD" text. Day numbers (days since
 * 1970-01-01, proleptic Gregorian) make "the day before" and comparisons
 * exact; the conversions are Howard Hinnant's days_from_civil algorithms.
 */
#include <string.h>

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
