/** @file
 * answer.h: a dated answer and how it is known.
 */
#ifndef PCREG_ANSWER_H
#define PCREG_ANSWER_H

#include "membership.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a dated answer is known (README, "How the past is derived"). */
typedef enum pcreg_certainty_value {
	PCREG_CERTAINTY_NOT_KNOWN = 0, /**< no evidence covers the date */
	PCREG_CERTAINTY_STATED = 1,    /**< a release gives a period covering it (or hand-entered) */
	PCREG_CERTAINTY_INFERRED = 2,  /**< from a succession, or agreeing evidence either side */
	PCREG_CERTAINTY_UNCERTAIN = 3  /**< a change lies between this value and the next */
} pcreg_certainty_value;

/** An answer; free with pcreg_answer_free(). */
typedef struct pcreg_answer pcreg_answer;

/**
 * Which organisation a practice was in on a date, with how that is known
 * and the release it rests on. Unlike pcreg_membership_on(), a date that no
 * evidence covers is an answer (certainty PCREG_CERTAINTY_NOT_KNOWN, no
 * organisation), not PCREG_NOTFOUND. An uncertain answer gives the last
 * value observed and, in pcreg_answer_window_to(), the first day another
 * was: the change happened in between. An index seek.
 *
 * @param db        open registry
 * @param kind      commissioner, network or federation
 * @param practice  practice ODS code
 * @param date      the day asked about, YYYY-MM-DD
 * @param[out] out  new answer; free with pcreg_answer_free()
 * @return PCREG_OK, PCREG_INVALID for a bad date or kind, or a negative status
 */
PCREG_API pcreg_status pcreg_membership_answer(pcreg_db *db, pcreg_membership_kind_value kind,
                                               const char *practice, const char *date,
                                               pcreg_answer **out);
/**
 * Free an answer; NULL is a no-op.
 *
 * @param answer  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_answer_free(pcreg_answer *answer);

/**
 * How it is known.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API pcreg_certainty_value pcreg_answer_certainty(const pcreg_answer *answer);
/**
 * The organisation's code; NULL when not known. Borrowed from the answer.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_organisation(const pcreg_answer *answer);
/**
 * The period the answer lies in: its first day, and its last (NULL: open-ended).
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_from_date(const pcreg_answer *answer);
/**
 * The last day of the period the answer lies in.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_to_date(const pcreg_answer *answer);
/**
 * For an uncertain answer, the first day another value was seen; else NULL.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_window_to(const pcreg_answer *answer);
/**
 * The release the answer rests on (its kind, "epraccur", and release date); NULL for hand-
 * entered periods and for not known.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_release_kind(const pcreg_answer *answer);
/**
 * The date of the release the answer rests on.
 *
 * @param answer  answer from pcreg_membership_answer(); NULL reads as empty
 * @return borrowed text, valid until pcreg_answer_free(); NULL when empty
 */
PCREG_API const char *pcreg_answer_release_date(const pcreg_answer *answer);

/**
 * Text for a certainty: "not known", "stated", "inferred" or "uncertain".
 *
 * @param certainty  any value, including ones this version does not know
 * @return static text, or NULL for a value out of range
 */
PCREG_API const char *pcreg_certainty_str(pcreg_certainty_value certainty);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_ANSWER_H */
