/** @file
 * libpcreg: a registry of English NHS primary care (commissioners, GP
 * practices, networks, federations, contracts and CQC inspections) in an
 * embedded SQLite database.
 *
 * Include this one header; it pulls in every module.
 */
#ifndef PCREG_PCREG_H
#define PCREG_PCREG_H

#include "common.h"
#include "arrangement.h"
#include "check.h"
#include "commissioner.h"
#include "contract.h"
#include "db.h"
#include "export.h"
#include "federation.h"
#include "inspection.h"
#include "listsize.h"
#include "membership.h"
#include "answer.h"
#include "network.h"
#include "practice.h"
#include "import.h"
#include "journal.h"
#include "report.h"
#include "succession.h"
#include "timeline.h"

#endif /* PCREG_PCREG_H */
