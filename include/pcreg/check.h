/** @file
 * check.h: whether a registry holds together.
 */
#ifndef PCREG_CHECK_H
#define PCREG_CHECK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One problem found (opaque). */
typedef struct pcreg_finding pcreg_finding;
/** An iterator over problems. */
typedef struct pcreg_finding_iter pcreg_finding_iter;

/**
 * Check the registry: SQLite's integrity and foreign-key checks, and the
 * registry's own rules: no two periods of one practice in one kind of
 * membership overlap (nor a commissioner's arrangements, nor a practice's
 * core contracts), and no membership runs outside its organisation's open
 * period. Those are errors: the registry contradicts itself. Then data
 * notes: quirks of the national files that the registry dealt with (a
 * period stated from before its commissioner opened, held from the
 * opening; an organisation only evidence names; uncertain periods), one
 * finding per kind of quirk, counted, with an example. A registry built
 * from any set of real files has no errors. An iterator with no rows means
 * all hold and there is nothing to note.
 *
 * @param db        open registry (read-only is enough)
 * @param[out] out  new iterator; free with pcreg_finding_iter_free()
 * @return PCREG_OK or a negative status
 */
PCREG_API pcreg_status pcreg_check_run(pcreg_db *db, pcreg_finding_iter **out);

/**
 * The next problem; PCREG_DONE when there are no more. Borrowed until the next call.
 *
 * @param iter  iterator
 * @param[out] out   borrowed row, valid until the next call or pcreg_finding_iter_free()
 * @return PCREG_OK, PCREG_DONE after the last row, or a negative status (see pcreg_db_errmsg())
 */
PCREG_API pcreg_status pcreg_finding_iter_next(pcreg_finding_iter *iter,
                                               const pcreg_finding **out);
/**
 * Free an iterator; NULL is a no-op.
 *
 * @param iter  what to free, or NULL (a no-op)
 */
PCREG_API void pcreg_finding_iter_free(pcreg_finding_iter *iter);

/**
 * Which rule: "integrity", "foreign key", "overlapping periods", "outside open period", or "data
 * note".
 *
 * @param finding  row from pcreg_finding_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_finding_check(const pcreg_finding *finding);
/**
 * What is wrong, naming the rows; for a note, what the files did and how often.
 *
 * @param finding  row from pcreg_finding_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_finding_detail(const pcreg_finding *finding);
/**
 * "error" or "note".
 *
 * @param finding  row from pcreg_finding_iter_next(); NULL reads as empty
 * @return borrowed text, valid until the iterator moves on or is freed; NULL when empty
 */
PCREG_API const char *pcreg_finding_severity(const pcreg_finding *finding);
/**
 * 1 for a data note, 0 for an error.
 *
 * @param finding  row from pcreg_finding_iter_next(); NULL reads as empty
 * @return the value; 0 when empty or for NULL
 */
PCREG_API int pcreg_finding_is_note(const pcreg_finding *finding);

#ifdef __cplusplus
}
#endif

#endif /* PCREG_CHECK_H */
