/*
 * shape.c: what codes look like. Each function returns NULL when the text
 * has the right shape, else a phrase for the message saying what was
 * expected.
 */
#include <string.h>

#include "record.h"

static int all_of(const char *s, const char *allowed)
{
	return strspn(s, allowed) == strlen(s);
}

#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define LOWER "abcdefghijklmnopqrstuvwxyz"

const char *pcreg__shape_practice_code(const char *s)
{
	if (strlen(s) == 6 && strchr(UPPER, s[0]) && s[0] && all_of(s + 1, DIGITS))
		return NULL;
	return "a practice code (a capital letter and five digits, e.g. A81001)";
}

const char *pcreg__shape_commissioner_code(const char *s)
{
	size_t n = strlen(s);

	if ((n == 3 || n == 5) && all_of(s, UPPER DIGITS))
		return NULL;
	return "a commissioner code (three characters such as 07L, or five such as A3A8R)";
}

const char *pcreg__shape_org_code(const char *s)
{
	size_t n = strlen(s);

	if (n >= 3 && n <= 12 && all_of(s, UPPER DIGITS))
		return NULL;
	return "an ODS code (3 to 12 capital letters and digits)";
}

const char *pcreg__shape_local_id(const char *s)
{
	size_t n = strlen(s);

	if (n >= 1 && n <= 40 && all_of(s, UPPER LOWER DIGITS "._-"))
		return NULL;
	return "an identifier (1 to 40 letters, digits, '.', '_' or '-')";
}

const char *pcreg__shape_network_code(const char *s)
{
	if (strlen(s) == 6 && s[0] == 'U' && all_of(s + 1, DIGITS))
		return NULL;
	return "a PCN code (U and five digits, e.g. U12345)";
}

const char *pcreg__shape_ons_code(const char *s)
{
	if (strlen(s) == 9 && s[0] == 'E' && all_of(s + 1, DIGITS))
		return NULL;
	return "an ONS code (E and eight digits, e.g. E38000004)";
}

const char *pcreg__shape_region_code(const char *s)
{
	if (strlen(s) == 3 && all_of(s, UPPER DIGITS))
		return NULL;
	return "a region code (three characters, e.g. Y56)";
}

const char *pcreg__shape_postcode(const char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && n <= 8 && strchr(UPPER, s[0]) && all_of(s, UPPER DIGITS " "))
		return NULL;
	return "a postcode (capital letters, digits and a space, e.g. RM1 3AE)";
}

const char *pcreg__shape_cqc_location(const char *s)
{
	if (strlen(s) > 2 && s[0] == '1' && s[1] == '-' && all_of(s + 2, DIGITS))
		return NULL;
	return "a CQC location id (1- and digits, e.g. 1-101681212)";
}

const char *pcreg__shape_nonempty(const char *s)
{
	return s[0] ? NULL : "some text";
}
