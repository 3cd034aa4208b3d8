/*
 * membership.c: dated practice -> commissioner, network and federation
 * periods, and the as-of questions on them.
 *
 * The three kinds live in three tables of the same shape; one table of
 * kinds below gives each its SQL, and the code is written once.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "record.h"

enum { F_PRACTICE, F_FROM, F_ORG, F_TO, N_FIELDS };

#define MEMBERSHIP_FIELDS(org, shape)                                                            \
	{                                                                                        \
		{ "practice", PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, pcreg__shape_practice_code }, \
		{ "from_date", PCREG__T_DATE, PCREG__F_REQUIRED, NULL, NULL },                   \
		{ org, PCREG__T_TEXT, PCREG__F_REQUIRED, NULL, shape },                           \
		{ "to_date", PCREG__T_DATE, 0, NULL, NULL },                                     \
	}

static const struct pcreg__field commissioner_fields[N_FIELDS] =
	MEMBERSHIP_FIELDS("commissioner", pcreg__shape_commissioner_code);
static const struct pcreg__field network_fields[N_FIELDS] =
	MEMBERSHIP_FIELDS("network", pcreg__shape_local_id);
static const struct pcreg__field federation_fields[N_FIELDS] =
	MEMBERSHIP_FIELDS("federation", pcreg__shape_local_id);

/* get, insert, update, delete, exists: the order of struct pcreg__entity. */
#define MEMBERSHIP_SQL(table, org)                                                              \
	"SELECT practice, from_date, " org ", to_date FROM " table                              \
	" WHERE practice = ?1 AND from_date = ?2",                                              \
		"INSERT INTO " table " (practice, from_date, " org ", to_date)"                 \
		" VALUES (?1, ?2, ?3, ?4)",                                                     \
		"UPDATE " table " SET " org " = ?3, to_date = ?4"                               \
		" WHERE practice = ?1 AND from_date = ?2",                                      \
		"DELETE FROM " table " WHERE practice = ?1 AND from_date = ?2",                 \
		"SELECT 1 FROM " table " WHERE practice = ?1 AND from_date = ?2"

/* As of a date: the latest period starting on or before it, a seek on the
 * (practice, from_date) key; whether it still runs is checked after. */
#define SQL_ON(table, org)                                                            \
	"SELECT practice, from_date, " org ", to_date FROM " table                    \
	" WHERE practice = ?1 AND from_date <= ?2 ORDER BY from_date DESC LIMIT 1"

/* Pinned to the organisation's index: with few organisations and fresh
 * statistics, SQLite would rather scan the whole table in practice order
 * than seek and sort, which is wrong for a registry of any size. */
#define SQL_MEMBERS_ON(table, org)                                                         \
	"SELECT practice, from_date, " org ", to_date FROM " table " INDEXED BY " table        \
	"_members WHERE " org " = ?1 AND from_date <= ?2 AND (to_date IS NULL OR to_date >= ?2)" \
	" ORDER BY practice"

/* ?2..?3 is the period; ?4 excludes the row being updated. */
#define SQL_CLASH(table, org)                                                             \
	"SELECT " org ", from_date, to_date FROM " table " WHERE practice = ?1"           \
	" AND from_date <= coalesce(?3, '9999-12-31')"                                    \
	" AND coalesce(to_date, '9999-12-31') >= ?2 AND from_date IS NOT ?4"              \
	" ORDER BY from_date LIMIT 1"

#define SQL_END(table) "UPDATE " table " SET to_date = ?3 WHERE practice = ?1 AND from_date = ?2"

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec);
static pcreg_status explain_conflict(pcreg_db *db, const struct pcreg__record *rec, int updating);

static const struct pcreg__reference commissioner_refs[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
	{ F_ORG, "commissioner", "SELECT 1 FROM commissioner WHERE code = ?1" },
};
static const struct pcreg__reference network_refs[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
	{ F_ORG, "network", "SELECT 1 FROM network WHERE code = ?1" },
};
static const struct pcreg__reference federation_refs[] = {
	{ F_PRACTICE, "practice", "SELECT 1 FROM practice WHERE code = ?1" },
	{ F_ORG, "federation", "SELECT 1 FROM federation WHERE id = ?1" },
};

struct kind_info {
	pcreg_membership_kind_value kind;
	const char *word;
	const char *table;
	const char *column;
	struct pcreg__entity entity;
	const char *sql_on;
	const char *sql_members_on;
	const char *sql_clash;
	const char *sql_end;
};

/* The as-of statements have names so that a test can check their plans. */
const char pcreg__sql_commissioner_on[] = SQL_ON("practice_commissioner", "commissioner");
const char pcreg__sql_network_on[] = SQL_ON("practice_network", "network");
const char pcreg__sql_federation_on[] = SQL_ON("practice_federation", "federation");
const char pcreg__sql_commissioner_members_on[] =
	SQL_MEMBERS_ON("practice_commissioner", "commissioner");
const char pcreg__sql_network_members_on[] = SQL_MEMBERS_ON("practice_network", "network");
const char pcreg__sql_federation_members_on[] =
	SQL_MEMBERS_ON("practice_federation", "federation");

#define KIND(kind, word, table, org, fields, refs, on, members_on)                         \
	{ kind, word, table, org,                                                           \
	  { word "_membership", fields, N_FIELDS, 2, MEMBERSHIP_SQL(table, org), check,    \
	    explain_conflict, NULL, 0, refs, 2 },                                           \
	  on, members_on, SQL_CLASH(table, org), SQL_END(table) }

static const struct kind_info kinds[] = {
	KIND(PCREG_MEMBERSHIP_COMMISSIONER, "commissioner", "practice_commissioner", "commissioner",
	     commissioner_fields, commissioner_refs, pcreg__sql_commissioner_on,
	     pcreg__sql_commissioner_members_on),
	KIND(PCREG_MEMBERSHIP_NETWORK, "network", "practice_network", "network", network_fields,
	     network_refs, pcreg__sql_network_on, pcreg__sql_network_members_on),
	KIND(PCREG_MEMBERSHIP_FEDERATION, "federation", "practice_federation", "federation",
	     federation_fields, federation_refs, pcreg__sql_federation_on,
	     pcreg__sql_federation_members_on),
};

#define N_KINDS (sizeof kinds / sizeof kinds[0])

static const struct kind_info *kind_info(pcreg_membership_kind_value kind)
{
	size_t i;

	for (i = 0; i < N_KINDS; i++)
		if (kinds[i].kind == kind)
			return &kinds[i];
	return NULL;
}

static const struct kind_info *kind_of_entity(const struct pcreg__entity *entity)
{
	size_t i;

	for (i = 0; i < N_KINDS; i++)
		if (&kinds[i].entity == entity)
			return &kinds[i];
	return NULL;
}

const struct pcreg__entity *pcreg__membership_entity(pcreg_membership_kind_value kind)
{
	const struct kind_info *info = kind_info(kind);

	return info ? &info->entity : NULL;
}

static void describe_period(const char *from, const char *to, char *out, size_t size)
{
	if (to)
		snprintf(out, size, "from %s to %s", from, to);
	else
		snprintf(out, size, "from %s (open-ended)", from);
}

static pcreg_status check(pcreg_db *db, const struct pcreg__record *rec)
{
	const char *from = pcreg__record_text(rec, F_FROM);
	const char *to = pcreg__record_text(rec, F_TO);

	if (to && strcmp(to, from) < 0)
		return pcreg__error(db, PCREG_INVALID, "%s.to_date: %s is before from_date %s",
		                    rec->entity->name, to, from);
	return PCREG_OK;
}

static pcreg_status explain_conflict(pcreg_db *db, const struct pcreg__record *rec, int updating)
{
	const struct kind_info *info = kind_of_entity(rec->entity);
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, info->sql_clash, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, pcreg__record_text(rec, F_PRACTICE), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, pcreg__record_text(rec, F_FROM), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, pcreg__record_text(rec, F_TO), -1, SQLITE_STATIC);
	if (updating)
		sqlite3_bind_text(stmt, 4, pcreg__record_text(rec, F_FROM), -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, 4);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		char theirs[64], ours[64];

		describe_period((const char *)sqlite3_column_text(stmt, 1),
		                (const char *)sqlite3_column_text(stmt, 2), theirs, sizeof theirs);
		describe_period(pcreg__record_text(rec, F_FROM), pcreg__record_text(rec, F_TO), ours,
		                sizeof ours);
		st = pcreg__error(db, PCREG_CONFLICT,
		                  "%s: practice %s is in %s %s %s, which overlaps the period %s",
		                  rec->entity->name, pcreg__record_text(rec, F_PRACTICE), info->word,
		                  (const char *)sqlite3_column_text(stmt, 0), theirs, ours);
	} else if (rc == SQLITE_DONE) {
		st = PCREG_OK; /* not an overlap after all: let the caller report it */
	} else {
		st = pcreg__sqlite_error(db, rc, rec->entity->name);
	}
	pcreg__stmt_release(db, info->sql_clash, stmt);
	return st;
}

/* ---- fields ------------------------------------------------------------------- */

void pcreg_membership_free(pcreg_membership *membership)
{
	pcreg__record_free(PCREG__REC(membership));
}

PCREG__GET_TEXT(membership, practice, F_PRACTICE)
PCREG__TEXT_FIELD(membership, organisation, F_ORG)
PCREG__GET_TEXT(membership, from_date, F_FROM)
PCREG__TEXT_FIELD(membership, to_date, F_TO)
PCREG__ITERATOR(membership_iter, membership)

pcreg_membership_kind_value pcreg_membership_kind(const pcreg_membership *membership)
{
	const struct kind_info *info;

	if (!membership)
		return PCREG_MEMBERSHIP_NONE;
	info = kind_of_entity(PCREG__CREC(membership)->entity);
	return info ? info->kind : PCREG_MEMBERSHIP_NONE;
}

const char *pcreg_membership_kind_str(pcreg_membership_kind_value kind)
{
	const struct kind_info *info = kind_info(kind);

	return info ? info->word : NULL;
}

pcreg_membership_kind_value pcreg_membership_kind_parse(const char *text)
{
	size_t i;

	for (i = 0; text && i < N_KINDS; i++)
		if (strcasecmp(kinds[i].word, text) == 0)
			return kinds[i].kind;
	return PCREG_MEMBERSHIP_NONE;
}

/* ---- checks shared by the calls --------------------------------------------------- */

static pcreg_status enter(pcreg_db *db, int write, pcreg_membership_kind_value kind,
                          const struct kind_info **info)
{
	pcreg_status st = write ? pcreg__enter_write(db) : pcreg__enter(db);

	if (st != PCREG_OK)
		return st;
	*info = kind_info(kind);
	if (!*info)
		return pcreg__error(db, PCREG_INVALID,
		                    "kind: %d is not a membership kind (commissioner, network,"
		                    " federation)",
		                    (int)kind);
	return PCREG_OK;
}

/* A record over the caller's strings, for one call: nothing is copied. */
static pcreg_status borrowed_record(pcreg_db *db, const struct kind_info *info,
                                    const char *practice, const char *from, const char *org,
                                    const char *to, struct pcreg__record **out)
{
	const char *values[N_FIELDS];
	int i;

	values[F_PRACTICE] = practice;
	values[F_FROM] = from;
	values[F_ORG] = org;
	values[F_TO] = to;
	if (pcreg__record_new(&info->entity, out) != PCREG_OK)
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	for (i = 0; i < N_FIELDS; i++) {
		(*out)->v[i].present = values[i] != NULL;
		(*out)->v[i].s = values[i];
	}
	return PCREG_OK;
}

/* The period covering a date, copied; NOTFOUND (with a message) if none. */
static pcreg_status covering(pcreg_db *db, const struct kind_info *info, const char *practice,
                             const char *date, struct pcreg__record **out)
{
	pcreg_status st = pcreg__seek_covering(db, &info->entity, info->sql_on, practice, date, F_TO,
	                                       out);

	if (st == PCREG_NOTFOUND)
		return pcreg__error(db, st, "practice %s: no %s membership on %s", practice, info->word,
		                    date);
	return st;
}

static pcreg_status set_end(pcreg_db *db, const struct kind_info *info, const char *practice,
                            const char *from, const char *to)
{
	sqlite3_stmt *stmt;
	pcreg_status st = pcreg__stmt_acquire(db, info->sql_end, &stmt);
	int rc;

	if (st != PCREG_OK)
		return st;
	sqlite3_bind_text(stmt, 1, practice, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, to, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	pcreg__stmt_release(db, info->sql_end, stmt);
	return rc == SQLITE_DONE ? PCREG_OK : pcreg__sqlite_error(db, rc, info->entity.name);
}

static pcreg_status require_args(pcreg_db *db, const char *function, const char *practice,
                                 const char *date_name, const char *date)
{
	pcreg_status st;

	if ((st = pcreg__require(db, practice, function, "practice")) != PCREG_OK ||
	    (st = pcreg__require(db, date, function, date_name)) != PCREG_OK)
		return st;
	return pcreg__check_date_arg(db, date_name, date);
}

/* ---- the calls ------------------------------------------------------------------- */

pcreg_status pcreg_membership_join(pcreg_db *db, pcreg_membership_kind_value kind,
                                   const char *practice, const char *organisation,
                                   const char *from_date, const char *to_date)
{
	const struct kind_info *info;
	struct pcreg__record *rec;
	pcreg_status st = enter(db, 1, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = require_args(db, "pcreg_membership_join", practice, "from_date", from_date)) !=
	            PCREG_OK ||
	    (st = pcreg__require(db, organisation, "pcreg_membership_join", "organisation")) !=
	            PCREG_OK)
		return st;
	if ((st = borrowed_record(db, info, practice, from_date, organisation, to_date, &rec)) !=
	    PCREG_OK)
		return st;
	st = pcreg__entity_insert(db, rec);
	pcreg__record_free(rec);
	return st;
}

pcreg_status pcreg_membership_leave(pcreg_db *db, pcreg_membership_kind_value kind,
                                    const char *practice, const char *date)
{
	const struct kind_info *info;
	struct pcreg__record *current;
	pcreg_status st = enter(db, 1, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = require_args(db, "pcreg_membership_leave", practice, "date", date)) != PCREG_OK ||
	    (st = covering(db, info, practice, date, &current)) != PCREG_OK)
		return st;
	st = set_end(db, info, practice, pcreg__record_text(current, F_FROM), date);
	pcreg__record_free(current);
	return st;
}

static pcreg_status move(pcreg_db *db, const struct kind_info *info, const char *practice,
                         const char *organisation, const char *from_date)
{
	struct pcreg__record *current = NULL, *next = NULL;
	char day_before[11];
	pcreg_status st = covering(db, info, practice, from_date, &current);

	if (st == PCREG_NOTFOUND) {
		pcreg__clear_error(db);
		st = PCREG_OK;
	} else if (st != PCREG_OK) {
		return st;
	} else if (strcmp(pcreg__record_text(current, F_ORG), organisation) == 0) {
		st = pcreg__error(db, PCREG_EXISTS, "practice %s is already in %s %s on %s", practice,
		                  info->word, organisation, from_date);
	} else if (strcmp(pcreg__record_text(current, F_FROM), from_date) == 0) {
		st = pcreg__error(db, PCREG_CONFLICT,
		                  "practice %s: its %s period in %s also starts on %s; update that"
		                  " period instead of moving",
		                  practice, info->word, pcreg__record_text(current, F_ORG), from_date);
	} else {
		/* The current period starts before from_date, so the day before
		 * from_date exists and is inside it. */
		pcreg__date_add_days(from_date, -1, day_before);
		st = set_end(db, info, practice, pcreg__record_text(current, F_FROM), day_before);
	}
	if (st == PCREG_OK &&
	    (st = borrowed_record(db, info, practice, from_date, organisation, NULL, &next)) ==
	            PCREG_OK)
		st = pcreg__entity_insert(db, next);
	pcreg__record_free(current);
	pcreg__record_free(next);
	return st;
}

pcreg_status pcreg_membership_move(pcreg_db *db, pcreg_membership_kind_value kind,
                                   const char *practice, const char *organisation,
                                   const char *from_date)
{
	const struct kind_info *info;
	pcreg_status st = enter(db, 1, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = require_args(db, "pcreg_membership_move", practice, "from_date", from_date)) !=
	            PCREG_OK ||
	    (st = pcreg__require(db, organisation, "pcreg_membership_move", "organisation")) !=
	            PCREG_OK)
		return st;
	if ((st = pcreg__savepoint_begin(db)) != PCREG_OK)
		return st;
	st = move(db, info, practice, organisation, from_date);
	if (st != PCREG_OK) {
		pcreg__savepoint_rollback(db);
		return st;
	}
	return pcreg__savepoint_commit(db);
}

pcreg_status pcreg_membership_on(pcreg_db *db, pcreg_membership_kind_value kind,
                                 const char *practice, const char *date, pcreg_membership **out)
{
	const struct kind_info *info;
	pcreg_status st = enter(db, 0, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_membership_on", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = require_args(db, "pcreg_membership_on", practice, "date", date)) != PCREG_OK)
		return st;
	return covering(db, info, practice, date, (struct pcreg__record **)(void *)out);
}

pcreg_status pcreg_membership_get(pcreg_db *db, pcreg_membership_kind_value kind,
                                  const char *practice, const char *from_date,
                                  pcreg_membership **out)
{
	struct pcreg__key key = { { practice, from_date, NULL }, 0 };
	const struct kind_info *info;
	pcreg_status st = enter(db, 0, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_membership_get", "out")) != PCREG_OK)
		return st;
	return pcreg__entity_get(db, &info->entity, &key, (struct pcreg__record **)(void *)out);
}

pcreg_status pcreg_membership_update(pcreg_db *db, const pcreg_membership *membership)
{
	pcreg_status st = pcreg__enter_write(db);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, membership, "pcreg_membership_update", "membership")) !=
	    PCREG_OK)
		return st;
	return pcreg__entity_update(db, PCREG__CREC(membership));
}

pcreg_status pcreg_membership_delete(pcreg_db *db, pcreg_membership_kind_value kind,
                                     const char *practice, const char *from_date)
{
	struct pcreg__key key = { { practice, from_date, NULL }, 0 };
	const struct kind_info *info;
	pcreg_status st = enter(db, 1, kind, &info);

	if (st != PCREG_OK)
		return st;
	return pcreg__entity_delete(db, &info->entity, &key);
}

pcreg_status pcreg_membership_list(pcreg_db *db, const pcreg_membership_query *query,
                                   pcreg_membership_iter **out)
{
	const struct kind_info *info;
	struct pcreg__sql sql;
	sqlite3_stmt *stmt;
	char fragment[160];
	pcreg_status st;

	if ((st = pcreg__enter(db)) != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, query, "pcreg_membership_list", "query")) != PCREG_OK ||
	    (st = pcreg__require(db, out, "pcreg_membership_list", "out")) != PCREG_OK)
		return st;
	if (query->version != PCREG_MEMBERSHIP_QUERY_VERSION)
		return pcreg__error(db, PCREG_MISUSE,
		                    "pcreg_membership_list: query version %u is not one this library"
		                    " knows",
		                    query->version);
	if ((st = enter(db, 0, (pcreg_membership_kind_value)query->kind, &info)) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__check_date_arg(db, "query.on", query->on)) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.from", query->from)) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "query.to", query->to)) != PCREG_OK)
		return st;

	snprintf(fragment, sizeof fragment, "SELECT practice, from_date, %s, to_date FROM %s",
	         info->column, info->table);
	pcreg__sql_init(&sql, fragment);
	if (query->practice)
		pcreg__sql_where_text(&sql, "practice = ?", query->practice);
	if (query->organisation) {
		snprintf(fragment, sizeof fragment, "%s = ?", info->column);
		pcreg__sql_where_text(&sql, fragment, query->organisation);
	}
	if (query->on)
		pcreg__sql_where_text(&sql, "from_date <= ? AND (to_date IS NULL OR to_date >= ?)",
		                      query->on);
	if (query->from)
		pcreg__sql_where_text(&sql, "to_date IS NULL OR to_date >= ?", query->from);
	if (query->to)
		pcreg__sql_where_text(&sql, "from_date <= ?", query->to);
	pcreg__sql_finish(&sql, "practice, from_date", query->limit, query->offset);
	if ((st = pcreg__sql_prepare(db, &sql, &stmt)) != PCREG_OK)
		return st;
	return pcreg__iter_new(db, &info->entity, stmt, NULL, (struct pcreg__iter **)(void *)out);
}

pcreg_status pcreg_membership_members_on(pcreg_db *db, pcreg_membership_kind_value kind,
                                         const char *organisation, const char *date,
                                         pcreg_membership_iter **out)
{
	const struct kind_info *info;
	sqlite3_stmt *stmt;
	pcreg_status st = enter(db, 0, kind, &info);

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_membership_members_on", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if ((st = pcreg__require(db, organisation, "pcreg_membership_members_on", "organisation")) !=
	            PCREG_OK ||
	    (st = pcreg__require(db, date, "pcreg_membership_members_on", "date")) != PCREG_OK ||
	    (st = pcreg__check_date_arg(db, "date", date)) != PCREG_OK)
		return st;
	if ((st = pcreg__stmt_acquire(db, info->sql_members_on, &stmt)) != PCREG_OK)
		return st;
	if ((st = pcreg__bind_text_copy(db, stmt, 1, organisation)) != PCREG_OK ||
	    (st = pcreg__bind_text_copy(db, stmt, 2, date)) != PCREG_OK) {
		pcreg__stmt_release(db, info->sql_members_on, stmt);
		return st;
	}
	return pcreg__iter_new(db, &info->entity, stmt, info->sql_members_on,
	                       (struct pcreg__iter **)(void *)out);
}

PCREG__INIT_FUNCTION(membership_query, PCREG_MEMBERSHIP_QUERY_VERSION, PCREG_MEMBERSHIP_QUERY_INIT)
