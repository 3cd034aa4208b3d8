/*
 * tables.c: every entity with its table, in dependency order.
 */
#include "record.h"

const struct pcreg__table pcreg__tables[] = {
	{ "commissioner", "commissioner", "code", &pcreg__commissioner_entity, 0 },
	{ "succession", "succession", "old_code, new_code", &pcreg__succession_entity, 0 },
	{ "arrangement", "commissioning_arrangement", "id", &pcreg__arrangement_entity, 0 },
	{ "federation", "federation", "id", &pcreg__federation_entity, 0 },
	{ "network", "network", "code", &pcreg__network_entity, 0 },
	{ "network_lead", "network_lead", "id", &pcreg__network_lead_entity, 0 },
	{ "practice", "practice", "code", &pcreg__practice_entity, 0 },
	{ "commissioner_membership", "practice_commissioner", "practice, from_date", NULL,
	  PCREG_MEMBERSHIP_COMMISSIONER },
	{ "network_membership", "practice_network", "practice, from_date", NULL,
	  PCREG_MEMBERSHIP_NETWORK },
	{ "federation_membership", "practice_federation", "practice, from_date", NULL,
	  PCREG_MEMBERSHIP_FEDERATION },
	{ "contract", "contract", "id", &pcreg__contract_entity, 0 },
	{ "inspection", "inspection", "id", &pcreg__inspection_entity, 0 },
	{ "list_size", "list_size", "practice, extract_date", &pcreg__list_size_entity, 0 },
};

const int pcreg__table_count = (int)(sizeof pcreg__tables / sizeof pcreg__tables[0]);

const struct pcreg__entity *pcreg__table_entity(const struct pcreg__table *table)
{
	return table->entity ? table->entity : pcreg__membership_entity(table->membership);
}
