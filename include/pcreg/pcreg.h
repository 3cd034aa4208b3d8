/*
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
#include "commissioner.h"
#include "db.h"
#include "membership.h"
#include "practice.h"
#include "succession.h"

#endif /* PCREG_PCREG_H */
