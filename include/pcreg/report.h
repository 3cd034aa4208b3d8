/** @file
 * report.h: the tables of the seed papers, as iterators of typed rows.
 *
 * Every report is asked "as of" a date and reads only what the registry
 * holds on that date: a practice counts for the commissioner it is a
 * member of that day, if it is open that day. Printing is the caller's
 * job (the pcreg CLI prints them as tables, CSV or JSON).
 *
 * Shares are int32_t hundredths of a percent, exact and rounded half away
 * from zero: 7895 means 78.95%. A share of nothing is 0.
 *
 * Rows are borrowed: valid until the next _next() or the iterator's _free().
 */
#ifndef PCREG_REPORT_H
#define PCREG_REPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The current version of pcreg_report_options. */
#define PCREG_REPORT_OPTIONS_VERSION 1

/** What a report covers. */
typedef struct pcreg_report_options {
	unsigned int version;     /**< PCREG_REPORT_OPTIONS_VERSION */
	const char *on;           /**< the date, "YYYY-MM-DD"; required */
	/**
	 * Only these commissioners: a code, or codes separated by commas
	 * ("07L,08F,08N"). For the co-commissioning report, region codes.
	 * NULL for all.
	 */
	const char *commissioner;
	const char *service;      /**< scheme report: the service's name (required there) */
	int min_population;       /**< networks report: fewer registered patients is flagged (30,000) */
	int max_population;       /**< networks report: more registered patients is flagged (50,000) */
} pcreg_report_options;

/** Default report options (the date must still be set). */
#define PCREG_REPORT_OPTIONS_INIT { PCREG_REPORT_OPTIONS_VERSION, NULL, NULL, NULL, 30000, 50000 }

/**
 * Fill options with their defaults (the function form of PCREG_REPORT_OPTIONS_INIT).
 *
 * @param opts     struct to fill
 * @param version  PCREG_REPORT_OPTIONS_VERSION
 * @return PCREG_OK, or PCREG_MISUSE for NULL or an unknown version
 */
PCREG_API pcreg_status pcreg_report_options_init(pcreg_report_options *opts, unsigned int version);

/* ---- a. CQC inspections per commissioner ----------------------------------------------- */

/** A row of the CQC report (opaque). */
typedef struct pcreg_cqc_row pcreg_cqc_row;
/** An iterator over CQC report rows. */
typedef struct pcreg_cqc_iter pcreg_cqc_iter;

/**
 * CQC inspection outcomes per commissioner, as seed 004's "CQC inspections
 * update": practices, how many have a published report, and how the latest
 * published report rated each; one row per commissioner in code order, then
 * a totals row.
 *
 * @param db        open registry
 * @param opts      the date, optionally commissioners
 * @param[out] out  new iterator; free with pcreg_cqc_iter_free()
 * @return PCREG_OK, PCREG_INVALID (a malformed date or code), PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_report_cqc(pcreg_db *db, const pcreg_report_options *opts,
                                        pcreg_cqc_iter **out);

/**
 * The next row.
 *
 * @param iter      iterator
 * @param[out] out  borrowed row
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status
 */
PCREG_API pcreg_status pcreg_cqc_iter_next(pcreg_cqc_iter *iter, const pcreg_cqc_row **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_cqc_iter_free(pcreg_cqc_iter *iter);

/** @name CQC row fields
 * Counts are of practices; rating shares are of those with a published report.
 * @{ */
/**
 * Commissioner code; NULL on the totals row.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_cqc_row_commissioner(const pcreg_cqc_row *row);
/**
 * Commissioner name; NULL on the totals row.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_cqc_row_name(const pcreg_cqc_row *row);
/**
 * 1 on the totals row, else 0.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_cqc_row_is_total(const pcreg_cqc_row *row);
/**
 * Practices the row counts.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_practices(const pcreg_cqc_row *row);
/**
 * Practices with a published report.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_published(const pcreg_cqc_row *row);
/**
 * Published out of all practices.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_cqc_row_published_share(const pcreg_cqc_row *row);
/**
 * Practices with no published report yet ("not inspected").
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_not_published(const pcreg_cqc_row *row);
/**
 * Practices whose latest published report rates them outstanding.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_outstanding(const pcreg_cqc_row *row);
/**
 * Outstanding, as a share of practices with a published report.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_cqc_row_outstanding_share(const pcreg_cqc_row *row);
/**
 * Practices whose latest published report rates them good.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_good(const pcreg_cqc_row *row);
/**
 * Good, as a share of practices with a published report.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_cqc_row_good_share(const pcreg_cqc_row *row);
/**
 * Practices whose latest published report rates them requires improvement.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_requires_improvement(const pcreg_cqc_row *row);
/**
 * Requires improvement, as a share of practices with a published report.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_cqc_row_requires_improvement_share(const pcreg_cqc_row *row);
/**
 * Practices whose latest published report rates them inadequate.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_inadequate(const pcreg_cqc_row *row);
/**
 * Inadequate, as a share of practices with a published report.
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_cqc_row_inadequate_share(const pcreg_cqc_row *row);
/**
 * Practices the row counts whose membership on the date is uncertain (the evidence brackets a
 * change without dating it; see pcreg_membership_answer()).
 *
 * @param row  row from pcreg_cqc_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_cqc_row_uncertain(const pcreg_cqc_row *row);
/** @} */

/* ---- b. PMS practices and premiums per commissioner ------------------------------------ */

/** A row of the PMS report (opaque). */
typedef struct pcreg_pms_row pcreg_pms_row;
/** An iterator over PMS report rows. */
typedef struct pcreg_pms_iter pcreg_pms_iter;

/**
 * PMS contracts per commissioner, as seed 004's "Local context": practices
 * whose core contract on the date is PMS, out of all practices; the total
 * annual premium of those contracts; the lowest and highest premium per
 * weighted patient. One row per commissioner, in code order.
 *
 * @param db        open registry
 * @param opts      the date, optionally commissioners
 * @param[out] out  new iterator; free with pcreg_pms_iter_free()
 * @return PCREG_OK, PCREG_INVALID, PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_report_pms(pcreg_db *db, const pcreg_report_options *opts,
                                        pcreg_pms_iter **out);
/**
 * The next row; PCREG_DONE after the last.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_pms_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_pms_iter_next(pcreg_pms_iter *iter, const pcreg_pms_row **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_pms_iter_free(pcreg_pms_iter *iter);

/** @name PMS row fields
 * Money is in pence: the total premium a year; premiums per weighted patient.
 * @{ */
/**
 * Commissioner code.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_pms_row_commissioner(const pcreg_pms_row *row);
/**
 * Commissioner name.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_pms_row_name(const pcreg_pms_row *row);
/**
 * Practices the row counts.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_practices(const pcreg_pms_row *row);
/**
 * Practices the row counts whose membership on the date is uncertain (the evidence brackets a
 * change without dating it; see pcreg_membership_answer()).
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_uncertain(const pcreg_pms_row *row);
/**
 * Practices whose core contract on the date is PMS.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_pms_practices(const pcreg_pms_row *row);
/**
 * 1 if some PMS contract has an annual value (else the total is 0).
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_pms_row_has_total_premium(const pcreg_pms_row *row);
/**
 * Total annual premium of those PMS contracts, in pence.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_total_premium(const pcreg_pms_row *row);
/**
 * 1 if some PMS contract has a premium (else min and max are 0).
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_pms_row_has_premiums(const pcreg_pms_row *row);
/**
 * Lowest PMS premium per weighted patient, in pence.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_min_premium(const pcreg_pms_row *row);
/**
 * Highest PMS premium per weighted patient, in pence.
 *
 * @param row  row from pcreg_pms_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_pms_row_max_premium(const pcreg_pms_row *row);
/** @} */

/* ---- c. co-commissioning levels per region --------------------------------------------- */

/** A row of the co-commissioning report (opaque). */
typedef struct pcreg_commissioning_row pcreg_commissioning_row;
/** An iterator over co-commissioning report rows. */
typedef struct pcreg_commissioning_iter pcreg_commissioning_iter;

/**
 * How many commissioners co-commission general practice at each level,
 * per NHS England region, as seed 001's "Overview of Co-Commissioning":
 * one row per region (in order of its name), then a totals row.
 *
 * @param db        open registry
 * @param opts      the date; opts->commissioner, if set, lists region codes
 * @param[out] out  new iterator; free with pcreg_commissioning_iter_free()
 * @return PCREG_OK, PCREG_INVALID, PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_report_commissioning(pcreg_db *db, const pcreg_report_options *opts,
                                                  pcreg_commissioning_iter **out);
/**
 * The next row; PCREG_DONE after the last.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_commissioning_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_commissioning_iter_next(pcreg_commissioning_iter *iter,
                                                     const pcreg_commissioning_row **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_commissioning_iter_free(pcreg_commissioning_iter *iter);

/** @name Co-commissioning row fields
 * @{ */
/**
 * Region code (Y56); NULL on the totals row or for commissioners with no region.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_commissioning_row_region(const pcreg_commissioning_row *row);
/**
 * The region's name, if the registry has the region as a commissioner, else NULL.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_commissioning_row_region_name(const pcreg_commissioning_row *row);
/**
 * 1 on the totals row, else 0.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_commissioning_row_is_total(const pcreg_commissioning_row *row);
/**
 * Commissioners with delegated commissioning on the date.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_commissioning_row_delegated(const pcreg_commissioning_row *row);
/**
 * Commissioners with joint commissioning on the date.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_commissioning_row_joint(const pcreg_commissioning_row *row);
/**
 * Commissioners with greater involvement on the date.
 *
 * @param row  row from pcreg_commissioning_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_commissioning_row_greater_involvement(const pcreg_commissioning_row *row);
/** @} */

/* ---- d. network populations ---------------------------------------------------------------- */

/** A row of the network population report (opaque). */
typedef struct pcreg_network_population_row pcreg_network_population_row;
/** An iterator over network population rows. */
typedef struct pcreg_network_population_iter pcreg_network_population_iter;

/**
 * Networks open on the date with their member practices, registered and
 * weighted patients (each member's latest list size extracted on or
 * before the date) and leads in post, flagging networks outside the
 * population range. In order of commissioner, then name.
 *
 * @param db        open registry
 * @param opts      the date, optionally commissioners, the range
 * @param[out] out  new iterator; free with pcreg_network_population_iter_free()
 * @return PCREG_OK, PCREG_INVALID (also for a range whose maximum is below
 *         its minimum), PCREG_MISUSE, or a negative status
 */
PCREG_API pcreg_status pcreg_report_networks(pcreg_db *db, const pcreg_report_options *opts,
                                             pcreg_network_population_iter **out);
/**
 * The next row; PCREG_DONE after the last.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_network_population_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_network_population_iter_next(pcreg_network_population_iter *iter,
                                                          const pcreg_network_population_row **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_network_population_iter_free(pcreg_network_population_iter *iter);

/** @name Network population row fields
 * @{ */
/**
 * Network code.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_network_population_row_network(const pcreg_network_population_row *row);
/**
 * Network name.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_network_population_row_name(const pcreg_network_population_row *row);
/**
 * The network's commissioner code.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_network_population_row_commissioner(const pcreg_network_population_row *row);
/**
 * Member practices on the date.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_network_population_row_practices(const pcreg_network_population_row *row);
/**
 * Practices the row counts whose membership on the date is uncertain (the evidence brackets a
 * change without dating it; see pcreg_membership_answer()).
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_network_population_row_uncertain(const pcreg_network_population_row *row);
/**
 * Members with a list size extracted by the date (the sums cover only these).
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_network_population_row_practices_with_list_size(const pcreg_network_population_row *row);
/**
 * Registered patients of the member practices (each one's latest list size on or before
 * the date).
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_network_population_row_registered(const pcreg_network_population_row *row);
/**
 * Weighted patients of the members whose list size gives them; 0 if none does.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API double pcreg_network_population_row_weighted(const pcreg_network_population_row *row);
/**
 * 1 if some member's list size gives weighted patients, else 0.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return 1 if the field is set, else 0 (also for NULL)
 */
PCREG_API int pcreg_network_population_row_has_weighted(const pcreg_network_population_row *row);
/**
 * Leads in post on the date, "Dr A; Dr B", or NULL.
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_network_population_row_leads(const pcreg_network_population_row *row);
/**
 * -1 below the range, 1 above it, 0 within, judged on the registered patients summed over the
 * members with a list size (so -1 when none has one: check
 * pcreg_network_population_row_practices_with_list_size()).
 *
 * @param row  row from pcreg_network_population_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_network_population_row_outside(const pcreg_network_population_row *row);
/** @} */

/* ---- e. scheme participation ---------------------------------------------------------------- */

/** A row of the scheme participation report (opaque). */
typedef struct pcreg_scheme_row pcreg_scheme_row;
/** An iterator over scheme participation rows. */
typedef struct pcreg_scheme_iter pcreg_scheme_iter;

/**
 * How many of each commissioner's practices hold an enhanced service
 * (DES, LES, LIS or other) with the given name on the date, out of how
 * many: seed 000's "37 of Bromley's 45 practices". The name is matched
 * ignoring case.
 *
 * @param db        open registry
 * @param opts      the date and the service; optionally commissioners
 * @param[out] out  new iterator; free with pcreg_scheme_iter_free()
 * @return PCREG_OK, PCREG_INVALID, PCREG_MISUSE (no service), or a negative status
 */
PCREG_API pcreg_status pcreg_report_scheme(pcreg_db *db, const pcreg_report_options *opts,
                                           pcreg_scheme_iter **out);
/**
 * The next row; PCREG_DONE after the last.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_scheme_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_scheme_iter_next(pcreg_scheme_iter *iter, const pcreg_scheme_row **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_scheme_iter_free(pcreg_scheme_iter *iter);

/** @name Scheme row fields
 * @{ */
/**
 * Commissioner code.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_scheme_row_commissioner(const pcreg_scheme_row *row);
/**
 * Commissioner name.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_scheme_row_name(const pcreg_scheme_row *row);
/**
 * The service name asked about.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_scheme_row_service(const pcreg_scheme_row *row);
/**
 * Practices the row counts.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_scheme_row_practices(const pcreg_scheme_row *row);
/**
 * Practices the row counts whose membership on the date is uncertain (the evidence brackets a
 * change without dating it; see pcreg_membership_answer()).
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_scheme_row_uncertain(const pcreg_scheme_row *row);
/**
 * Practices holding an enhanced service of that name on the date.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int64_t pcreg_scheme_row_participating(const pcreg_scheme_row *row);
/**
 * Participating out of all practices.
 *
 * @param row  row from pcreg_scheme_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int32_t pcreg_scheme_row_participating_share(const pcreg_scheme_row *row);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* PCREG_REPORT_H */
