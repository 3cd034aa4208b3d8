/*
 * evidence.h (private): releases, what they say, and the history derived
 * from all of it.
 *
 * Data flows one way: a reader turns each row into claims
 * (pcreg__claim_*), the release is dated and its claims merged into the
 * evidence when the import ends (pcreg__evidence_commit), and every
 * practice the evidence changed is reconciled: its dated memberships and
 * current attributes are derived again from all the evidence about it.
 * Nothing here depends on the order the releases were loaded in.
 */
#ifndef PCREG_EVIDENCE_H
#define PCREG_EVIDENCE_H

#include "import.h"

/* Start collecting an import's claims. */
pcreg_status pcreg__evidence_begin(pcreg_import *imp);

/* A membership the file states, from @p from (to @p to, or open-ended);
 * @p fact is "commissioner" or "network". */
pcreg_status pcreg__claim_period(pcreg_import *imp, const char *fact, const char *practice,
                                 const char *organisation, const char *from, const char *to);

/* A membership seen on the release date, with no dates of its own (the
 * CCG column of a list-size file). */
pcreg_status pcreg__claim_seen(pcreg_import *imp, const char *fact, const char *practice,
                               const char *organisation);

/* A practice's attributes as an ODS release gives them; the prescribing
 * setting may be any, not only 4 (a practice listed later under another
 * setting is still evidence about it). NULL for a blank field. */
struct pcreg__practice_claim {
	const char *code, *name, *address[5], *postcode, *status, *open, *close, *phone;
	int setting;
};
pcreg_status pcreg__claim_practice(pcreg_import *imp, const struct pcreg__practice_claim *claim);

/* What epraccur says of an organisation that is not a GP practice (the
 * other_organisation table is the newest release's word). */
pcreg_status pcreg__claim_other(pcreg_import *imp, const char *code, const char *name,
                                int setting, const char *status, const char *commissioner,
                                const char *open, const char *close);

/* A practice's list size on an extract date: evidence, which counts for
 * a practice the registry does not hold yet once it is there. */
pcreg_status pcreg__claim_list_size(pcreg_import *imp, const char *practice, const char *date,
                                    int64_t registered, int has_weighted, double weighted);

/* A practice's core contract through a year, as a payments file gives it
 * (@p type "GMS", "PMS" or "APMS"; @p commissioner NULL if none): the
 * practice's contracts are derived from all such years (consecutive years
 * of one type are one contract). */
pcreg_status pcreg__claim_contract(pcreg_import *imp, const char *practice, const char *type,
                                   const char *commissioner, const char *start, const char *end);

/* An organisation's attributes as an ODS release gives them (eccg's
 * commissioners; ePCN's networks, whose parent is their commissioner):
 * kind as its token ("ccg", "pcn"), parent NULL where the file gives none
 * or the organisation's own code. NULL for a blank field. */
struct pcreg__organisation_claim {
	const char *code, *name, *kind, *region, *parent, *open, *close;
};
/* *described says whether an earlier release described the organisation
 * (a stub named by its code is no description): its row's attributes are
 * then set from all the evidence when the import ends, whatever the load
 * order, and the reader writes nothing itself. */
pcreg_status pcreg__claim_organisation(pcreg_import *imp,
                                       const struct pcreg__organisation_claim *claim,
                                       int *described);

/* A date the file gives, for inferring its release date when neither the
 * file nor the caller states it. An announcement (a join or succession
 * dated after everything else) counts only when nothing else does. */
void pcreg__saw_date(pcreg_import *imp, const char *date, int announcement);

/* The release date the file itself states (an extract date). */
void pcreg__file_release_date(pcreg_import *imp, const char *date);

/* At the end of an import: date the release, merge its claims into the
 * evidence (unless the same release is already there), and reconcile
 * what changed. A release is known by the SHA-256 of what it claims, so
 * one release in two file forms is one; @p file_digest (the file's
 * SHA-256) stands for a release that claims nothing, and finds releases
 * a registry older than v5 recorded by it. */
pcreg_status pcreg__evidence_commit(pcreg_import *imp, const char *file_digest);

/* Reconcile the organisations and practices listed in import_touched. */
pcreg_status pcreg__reconcile_touched(pcreg_import *imp);

/* Reconcile every practice (after a change to what reconciliation reads
 * besides the evidence: commissioners' lifetimes, successions). */
pcreg_status pcreg__reconcile_all(pcreg_import *imp);

#endif
