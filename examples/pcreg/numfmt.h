/*
 * numfmt.h: numbers written for people, as the pcreg tables write them:
 * counts grouped in thousands, shares as percentages with two decimals,
 * money in pounds and pence, reals with one decimal.
 *
 * Each writes into buf (NUMFMT_SIZE bytes is always enough) and returns it.
 */
#ifndef PCREG_CLI_NUMFMT_H
#define PCREG_CLI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#define NUMFMT_SIZE 48

/* 1234 -> "1,234" */
char *numfmt_count(char *buf, size_t size, int64_t value);
/* int32 hundredths of a percent: 7895 -> "78.95%" */
char *numfmt_share(char *buf, size_t size, int32_t hundredths);
/* pence: 240000000 -> "£2,400,000.00", -216 -> "-£2.16" (UTF-8) */
char *numfmt_pence(char *buf, size_t size, int64_t pence);
/* 1234.56 -> "1,234.6" */
char *numfmt_real(char *buf, size_t size, double value);
/* "2017-04-18" -> "18 April 2017"; anything else is copied as it is */
char *numfmt_date(char *buf, size_t size, const char *iso);

#endif
