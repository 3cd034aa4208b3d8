/*
 * datefmt.c: reading a date in whichever form a national file writes it
 * (header.h lists the forms). The calendar arithmetic and the text forms
 * are date.c's; this adds blanks and Excel's whole range of serials.
 */
#include <string.h>

#include "header.h"

/* Excel's last day, 9999-12-31. */
#define EXCEL_LAST_SERIAL 2958465

/* An Excel serial day number (1900 date system) as ISO; 0 if no day. */
static int excel_serial(const char *digits, size_t n, char out[11])
{
	int64_t serial = 0;
	int y, m, d;
	size_t i;

	for (i = 0; i < n; i++)
		serial = serial * 10 + (digits[i] - '0');
	/* Excel takes 1900 for a leap year: its day 60 is a 29 February that
	 * never was, and from day 61 on every serial is one more than the
	 * days since 1899-12-31. */
	if (serial < 1 || serial == 60 || serial > EXCEL_LAST_SERIAL)
		return 0;
	pcreg__civil_from_days(pcreg__days_from_civil(1899, 12, serial < 60 ? 31 : 30) + serial, &y,
	                       &m, &d);
	pcreg__date_format(y, m, d, out);
	return 1;
}

int pcreg__date_read(const char *text, char out[11])
{
	char buf[16];
	const char *end;
	size_t n, i;

	if (!text)
		return PCREG__DATE_BLANK;
	while (*text == ' ' || *text == '\t')
		text++;
	end = text + strlen(text);
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	n = (size_t)(end - text);
	if (n == 0)
		return PCREG__DATE_BLANK;
	/* No form is longer than ten characters. */
	if (n >= sizeof buf)
		return PCREG__DATE_BAD;
	memcpy(buf, text, n);
	buf[n] = '\0';
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		;
	/* Eight digits are CCYYMMDD; fewer, a serial. */
	if (i == n && n <= 7)
		return excel_serial(buf, n, out) ? PCREG__DATE_SET : PCREG__DATE_BAD;
	return pcreg__date_from_text(buf, out) ? PCREG__DATE_SET : PCREG__DATE_BAD;
}
