/*
 * record.h: the machinery behind every entity's opaque record.
 *
 * A record is an array of values described by a static table of fields.
 * Each public type (pcreg_practice, pcreg_contract...) is such a record
 * under another name; its typed accessors are one-liners made by the
 * PCREG__*_FIELD macros below. Validation, binding to statements, reading
 * rows and iteration are written once, here.
 */
#ifndef PCREG_RECORD_H
#define PCREG_RECORD_H

#include "internal.h"

enum pcreg__type {
	PCREG__T_TEXT,
	PCREG__T_DATE, /* ISO text, checked as a real calendar date */
	PCREG__T_INT,
	PCREG__T_REAL,
	PCREG__T_ENUM /* a C enum in the API, a token in the database */
};

#define PCREG__F_REQUIRED 1u /* may not be NULL */
#define PCREG__F_AUTO 2u     /* integer id assigned on insert when unset */
#define PCREG__F_NONNEG 4u   /* a number that may not be negative */

/* Returns NULL when a text value has the right shape, else a phrase
 * describing the shape expected ("a practice code (a letter and five
 * digits, e.g. A81001)"). */
typedef const char *(*pcreg__shape_fn)(const char *value);

struct pcreg__field {
	const char *name;
	enum pcreg__type type;
	unsigned flags;
	const char *const *tokens; /* ENUM: tokens[v] for v = 1..n, NULL-terminated */
	pcreg__shape_fn shape;     /* TEXT: optional */
};

struct pcreg__record;

/* A table that points at this entity: what a delete would orphan. */
struct pcreg__dependent {
	const char *what; /* "practice memberships" */
	const char *sql;  /* count(*), example text; ?1.. are the key */
};

/* A field that refers to another entity's row. */
struct pcreg__reference {
	int field;        /* index into fields */
	const char *what; /* "commissioner" */
	const char *sql;  /* SELECT 1 ... WHERE key = ?1 */
};

struct pcreg__entity {
	const char *name; /* "practice": messages name "practice.code" */
	const struct pcreg__field *fields;
	int nfields;
	int nkeys; /* the first nkeys fields identify a row */

	/* Static SQL; columns and parameters follow the field order, and the
	 * key fields are ?1..?nkeys. */
	const char *sql_get;    /* SELECT all fields WHERE key */
	const char *sql_insert; /* INSERT all fields (RETURNING the id for AUTO) */
	const char *sql_update; /* UPDATE the other fields WHERE key */
	const char *sql_delete; /* DELETE WHERE key */
	const char *sql_exists; /* SELECT 1 WHERE key */

	/* Cross-field rules, after each field's own; may be NULL. */
	pcreg_status (*check)(pcreg_db *db, const struct pcreg__record *rec);
	/* Why a write failed a constraint: a clearer message than SQLite's,
	 * e.g. the period an overlap clashes with; may be NULL. */
	pcreg_status (*explain_conflict)(pcreg_db *db, const struct pcreg__record *rec, int updating);

	const struct pcreg__dependent *dependents;
	int ndependents;
	const struct pcreg__reference *references;
	int nreferences;
};

struct pcreg__value {
	unsigned char present;
	unsigned char owned; /* s was allocated for this value alone */
	int64_t i;           /* INT, and ENUM's enum value */
	double d;            /* REAL */
	const char *s;       /* TEXT, DATE */
};

struct pcreg__record {
	const struct pcreg__entity *entity;
	struct pcreg__value v[]; /* entity->nfields of them */
};

/* ---- records ------------------------------------------------------------ */

pcreg_status pcreg__record_new(const struct pcreg__entity *entity, struct pcreg__record **out);
void pcreg__record_free(struct pcreg__record *rec);

/* Copy a row (columns col0.. in field order) into one new allocation. */
pcreg_status pcreg__record_read(const struct pcreg__entity *entity, sqlite3_stmt *stmt, int col0,
                                struct pcreg__record **out);

/* Point a record's values at a row's columns, without copying; valid
 * until the statement steps again. */
void pcreg__record_borrow(struct pcreg__record *rec, sqlite3_stmt *stmt, int col0);

/* Bind every field to parameters ?first.. in field order. */
int pcreg__record_bind(const struct pcreg__record *rec, sqlite3_stmt *stmt, int first);

/* Check every field and the entity's cross-field rules; the message names
 * the field ("practice.open_date: ..."). */
pcreg_status pcreg__record_validate(pcreg_db *db, const struct pcreg__record *rec);
/* What is wrong with the record's key fields (NULL when nothing), the bad
 * field's index in @p field: they must hold before it can be looked up.
 * The text may be written into @p buffer. */
const char *pcreg__record_key_problem(const struct pcreg__record *rec, int *field, char *buffer,
                                     size_t size);

const char *pcreg__record_text(const struct pcreg__record *rec, int field);
int64_t pcreg__record_int(const struct pcreg__record *rec, int field);
double pcreg__record_real(const struct pcreg__record *rec, int field);
int pcreg__record_has(const struct pcreg__record *rec, int field);

pcreg_status pcreg__record_set_text(struct pcreg__record *rec, int field, const char *value);
pcreg_status pcreg__record_set_int(struct pcreg__record *rec, int field, int64_t value);
pcreg_status pcreg__record_set_real(struct pcreg__record *rec, int field, double value);
pcreg_status pcreg__record_clear(struct pcreg__record *rec, int field);

/* The token an enum value is stored as, or NULL if out of range. */
const char *pcreg__enum_token(const char *const *tokens, int value);
/* The enum value of a token, or 0 if unknown; case-insensitive. */
int pcreg__enum_value(const char *const *tokens, const char *token);

/* ---- the generic operations behind every entity's get/insert/... ------- */

/* Look up by key: the first nkeys fields, given as text or integer. */
struct pcreg__key {
	const char *text[3];
	int64_t id;
};

pcreg_status pcreg__entity_get(pcreg_db *db, const struct pcreg__entity *entity,
                               const struct pcreg__key *key, struct pcreg__record **out);
pcreg_status pcreg__entity_insert(pcreg_db *db, struct pcreg__record *rec);
pcreg_status pcreg__entity_update(pcreg_db *db, const struct pcreg__record *rec);
pcreg_status pcreg__entity_delete(pcreg_db *db, const struct pcreg__entity *entity,
                                  const struct pcreg__key *key);

/* The public get/insert/update/delete: entry checks (a usable handle, a
 * writable one for changes, no NULL arguments) around the above. */
pcreg_status pcreg__api_get(pcreg_db *db, const struct pcreg__entity *entity,
                            const struct pcreg__key *key, struct pcreg__record **out,
                            const char *function);
pcreg_status pcreg__api_insert(pcreg_db *db, struct pcreg__record *rec, const char *function,
                               const char *what);
pcreg_status pcreg__api_update(pcreg_db *db, const struct pcreg__record *rec,
                               const char *function, const char *what);
pcreg_status pcreg__api_delete(pcreg_db *db, const struct pcreg__entity *entity,
                               const struct pcreg__key *key);

/* An as-of seek: @p sql takes the key as ?1 and the date as ?2 and returns
 * the latest row starting on or before the date, columns in field order.
 * The row is copied if it still runs on the date (its end_field is NULL or
 * not before it; end_field < 0: rows do not end). Otherwise PCREG_NOTFOUND
 * with no message: the caller says what was not found. */
pcreg_status pcreg__seek_covering(pcreg_db *db, const struct pcreg__entity *entity,
                                  const char *sql, const char *key, const char *date,
                                  int end_field, struct pcreg__record **out);

/* The public form: entry checks, argument checks, then the seek. */
pcreg_status pcreg__as_of(pcreg_db *db, const struct pcreg__entity *entity, const char *sql,
                          const char *function, const char *key_name, pcreg__shape_fn key_shape,
                          const char *key, const char *date, int end_field,
                          struct pcreg__record **out);

/* A query struct's version (its first member) must be one we know. */
pcreg_status pcreg__check_version(pcreg_db *db, unsigned int version, unsigned int expected,
                                  const char *function, const char *what);

/* Describe a key for messages: "practice A81001", "contract 12". */
void pcreg__describe_key(const struct pcreg__entity *entity, const struct pcreg__key *key,
                         char *out, size_t size);

/* ---- iterators ------------------------------------------------------------ */

struct pcreg__iter {
	pcreg_db *db;
	sqlite3_stmt *stmt;
	const char *cache_key; /* the static SQL when the statement is cached */
	struct pcreg__record *row;
	/* Optional: produce the next row another way (a totals row after the
	 * last, say). Returns PCREG_OK, PCREG_DONE or a failure. */
	pcreg_status (*step)(struct pcreg__iter *it);
	void *state;
	void (*free_state)(void *state);
	int done;
};

/* Make an iterator over a prepared, bound statement. The iterator owns
 * it: cache_key says whether it returns to the cache or is finalized. On
 * failure the statement is released all the same. */
pcreg_status pcreg__iter_new(pcreg_db *db, const struct pcreg__entity *entity, sqlite3_stmt *stmt,
                             const char *cache_key, struct pcreg__iter **out);
pcreg_status pcreg__iter_next(struct pcreg__iter *it, const struct pcreg__record **out);
void pcreg__iter_free(struct pcreg__iter *it);

/* Bind text that must outlive the caller's copy, reporting failure. */
pcreg_status pcreg__bind_text_copy(pcreg_db *db, sqlite3_stmt *stmt, int param, const char *text);

/* Step the iterator's statement once and borrow the row. */
pcreg_status pcreg__iter_step_row(struct pcreg__iter *it);

/* ---- list queries built from fixed fragments ------------------------------ */

struct pcreg__sql {
	char text[2048];
	size_t len;
	int where_started;
	int nparams;
	struct {
		int is_int;
		const char *s;
		int64_t i;
	} params[24];
	int overflow;
};

void pcreg__sql_init(struct pcreg__sql *sql, const char *select);
void pcreg__sql_append(struct pcreg__sql *sql, const char *fragment);
/* Add "AND fragment" (or "WHERE"); each ? in it takes @p value. */
void pcreg__sql_where_text(struct pcreg__sql *sql, const char *fragment, const char *value);
/* The same with several values: the k-th ? takes values[k], and any ?
 * beyond the n-th takes the last value. */
void pcreg__sql_where_texts(struct pcreg__sql *sql, const char *fragment, int n,
                            const char *const *values);
void pcreg__sql_where_int(struct pcreg__sql *sql, const char *fragment, int64_t value);
/* Append ORDER BY (given) and LIMIT/OFFSET (as parameters). */
void pcreg__sql_finish(struct pcreg__sql *sql, const char *order_by, int limit, int offset);
/* Prepare and bind; the statement is private (not cached). */
pcreg_status pcreg__sql_prepare(pcreg_db *db, struct pcreg__sql *sql, sqlite3_stmt **out);

/* ---- checks shared by modules -------------------------------------------- */

/* Fail with PCREG_MISUSE naming the function if a pointer is NULL. */
pcreg_status pcreg__require(pcreg_db *db, const void *ptr, const char *function, const char *what);

/* Validate an optional date argument ("on", "from"): NULL passes. */
pcreg_status pcreg__check_date_arg(pcreg_db *db, const char *name, const char *value);

/* Shapes of codes, for pcreg__field.shape. */
const char *pcreg__shape_practice_code(const char *value);
const char *pcreg__shape_commissioner_code(const char *value);
const char *pcreg__shape_org_code(const char *value);
const char *pcreg__shape_network_code(const char *value);
const char *pcreg__shape_local_id(const char *value);
const char *pcreg__shape_ons_code(const char *value);
const char *pcreg__shape_region_code(const char *value);
const char *pcreg__shape_postcode(const char *value);
const char *pcreg__shape_cqc_location(const char *value);
const char *pcreg__shape_nonempty(const char *value);

/* ---- dates (date.c) -------------------------------------------------------- */

int pcreg__date_valid(const char *text);
int pcreg__date_parse(const char *text, int *year, int *month, int *day);
int pcreg__date_valid_ymd(int year, int month, int day);
int pcreg__days_in_month(int year, int month);
int64_t pcreg__days_from_civil(int year, int month, int day);
void pcreg__civil_from_days(int64_t days, int *year, int *month, int *day);
void pcreg__date_format(int year, int month, int day, char out[11]);
/* Read a date in any form the national files use: 19740401, 1974-04-01,
 * 01/04/1974, 01JAN2021, 01-Sep-20, or an Excel serial day number (43922);
 * 1 and out = ISO, or 0 if it is not a real date in one of them. */
int pcreg__date_from_text(const char *text, char out[11]);
/* out = date + delta days; 0 if date is not valid or the result leaves 1-9999 */
int pcreg__date_add_days(const char *date, int delta, char out[11]);

/* ---- the entities, for modules that work across them ------------------------ */

extern const struct pcreg__entity pcreg__practice_entity;
extern const struct pcreg__entity pcreg__commissioner_entity;
const struct pcreg__entity *pcreg__membership_entity(pcreg_membership_kind_value kind);
extern const struct pcreg__entity pcreg__network_entity;
extern const struct pcreg__entity pcreg__network_lead_entity;
extern const struct pcreg__entity pcreg__federation_entity;
extern const struct pcreg__entity pcreg__contract_entity;
extern const struct pcreg__entity pcreg__inspection_entity;
extern const struct pcreg__entity pcreg__list_size_entity;
extern const struct pcreg__entity pcreg__succession_entity;
extern const struct pcreg__entity pcreg__arrangement_entity;

/* Every entity with its table, in an order in which each refers only to
 * those before it (apart from a commissioner's parent): the order of
 * exports, and of importing them back. */
struct pcreg__table {
	const char *name;  /* the entity's name, also the export's */
	const char *table; /* the SQL table */
	const char *order; /* its key, for a stable order */
	const struct pcreg__entity *entity;
	pcreg_membership_kind_value membership; /* when entity is NULL */
};

extern const struct pcreg__table pcreg__tables[];
extern const int pcreg__table_count;
const struct pcreg__entity *pcreg__table_entity(const struct pcreg__table *table);

/* As-of statements, checked with EXPLAIN QUERY PLAN by tests. */
extern const char pcreg__sql_commissioner_on[];
extern const char pcreg__sql_network_on[];
extern const char pcreg__sql_federation_on[];
extern const char pcreg__sql_commissioner_members_on[];
extern const char pcreg__sql_network_members_on[];
extern const char pcreg__sql_federation_members_on[];
extern const char pcreg__sql_contract_core_on[];
extern const char pcreg__sql_inspection_latest_on[];
extern const char pcreg__sql_list_size_on[];
extern const char pcreg__sql_succession_step[];
extern const char pcreg__sql_arrangement_on[];
/* A network's leads in post on a day: ?1 network, ?2 day, ?3 limit,
 * ?4 offset. A seek on network_lead_by_network. */
extern const char pcreg__sql_network_lead_on[];

/* Every network's leads in post on a day: ?1 day, ?2 limit, ?3 offset.
 * Walks network by its key (the question is about every network) and
 * seeks each one's leads on network_lead_by_network. Not an as-of seek. */
extern const char pcreg__sql_network_leads_on[];

/* ---- typed accessors ------------------------------------------------------------
 * Each entity's .c file names its fields once with these macros; a NULL
 * record reads as absent and refuses writes with PCREG_MISUSE. */

#define PCREG__REC(r) ((struct pcreg__record *)(void *)(r))
#define PCREG__CREC(r) ((const struct pcreg__record *)(const void *)(r))

#define PCREG__GET_TEXT(type, field, index)                          \
	const char *pcreg_##type##_##field(const pcreg_##type *r)    \
	{                                                            \
		return pcreg__record_text(PCREG__CREC(r), index);    \
	}

#define PCREG__TEXT_FIELD(type, field, index)                                      \
	PCREG__GET_TEXT(type, field, index)                                        \
	pcreg_status pcreg_##type##_set_##field(pcreg_##type *r, const char *value) \
	{                                                                          \
		return pcreg__record_set_text(PCREG__REC(r), index, value);        \
	}

#define PCREG__GET_INT(type, field, index)                         \
	int64_t pcreg_##type##_##field(const pcreg_##type *r)      \
	{                                                          \
		return pcreg__record_int(PCREG__CREC(r), index);   \
	}

#define PCREG__INT_FIELD(type, field, index)                                   \
	PCREG__GET_INT(type, field, index)                                     \
	pcreg_status pcreg_##type##_set_##field(pcreg_##type *r, int64_t value) \
	{                                                                      \
		return pcreg__record_set_int(PCREG__REC(r), index, value);     \
	}

/* Numbers that may be absent also get has_ and clear_. */
#define PCREG__OPTIONAL_INT_FIELD(type, field, index)                  \
	PCREG__INT_FIELD(type, field, index)                           \
	int pcreg_##type##_has_##field(const pcreg_##type *r)          \
	{                                                              \
		return pcreg__record_has(PCREG__CREC(r), index);       \
	}                                                              \
	pcreg_status pcreg_##type##_clear_##field(pcreg_##type *r)     \
	{                                                              \
		return pcreg__record_clear(PCREG__REC(r), index);      \
	}

#define PCREG__OPTIONAL_REAL_FIELD(type, field, index)                        \
	double pcreg_##type##_##field(const pcreg_##type *r)                  \
	{                                                                     \
		return pcreg__record_real(PCREG__CREC(r), index);             \
	}                                                                     \
	pcreg_status pcreg_##type##_set_##field(pcreg_##type *r, double value) \
	{                                                                     \
		return pcreg__record_set_real(PCREG__REC(r), index, value);   \
	}                                                                     \
	int pcreg_##type##_has_##field(const pcreg_##type *r)                 \
	{                                                                     \
		return pcreg__record_has(PCREG__CREC(r), index);              \
	}                                                                     \
	pcreg_status pcreg_##type##_clear_##field(pcreg_##type *r)            \
	{                                                                     \
		return pcreg__record_clear(PCREG__REC(r), index);             \
	}

#define PCREG__ENUM_FIELD(type, field, index, ctype)                         \
	ctype pcreg_##type##_##field(const pcreg_##type *r)                  \
	{                                                                    \
		return (ctype)pcreg__record_int(PCREG__CREC(r), index);      \
	}                                                                    \
	pcreg_status pcreg_##type##_set_##field(pcreg_##type *r, ctype value) \
	{                                                                    \
		return pcreg__record_set_int(PCREG__REC(r), index, value);   \
	}

/* new, free, get-free iterators: the life cycle of every record type. */
#define PCREG__RECORD_LIFECYCLE(type, entity)                              \
	pcreg_status pcreg_##type##_new(pcreg_##type **out)                \
	{                                                                  \
		if (!out)                                                  \
			return PCREG_MISUSE;                               \
		return pcreg__record_new(&(entity), (struct pcreg__record **)(void *)out); \
	}                                                                  \
	void pcreg_##type##_free(pcreg_##type *r)                          \
	{                                                                  \
		pcreg__record_free(PCREG__REC(r));                         \
	}

/* get and delete by a text key, an integer id, or two text keys; and
 * insert and update. */
#define PCREG__KEYED_BY_TEXT(type, entity)                                                 \
	pcreg_status pcreg_##type##_get(pcreg_db *db, const char *k, pcreg_##type **out)  \
	{                                                                                  \
		struct pcreg__key key = { { k, NULL, NULL }, 0 };                          \
		return pcreg__api_get(db, &(entity), &key,                                 \
		                      (struct pcreg__record **)(void *)out,                \
		                      "pcreg_" #type "_get");                              \
	}                                                                                  \
	pcreg_status pcreg_##type##_delete(pcreg_db *db, const char *k)                   \
	{                                                                                  \
		struct pcreg__key key = { { k, NULL, NULL }, 0 };                          \
		return pcreg__api_delete(db, &(entity), &key);                             \
	}

#define PCREG__KEYED_BY_TWO(type, entity)                                                  \
	pcreg_status pcreg_##type##_get(pcreg_db *db, const char *k1, const char *k2,     \
	                                pcreg_##type **out)                                \
	{                                                                                  \
		struct pcreg__key key = { { k1, k2, NULL }, 0 };                           \
		return pcreg__api_get(db, &(entity), &key,                                 \
		                      (struct pcreg__record **)(void *)out,                \
		                      "pcreg_" #type "_get");                              \
	}                                                                                  \
	pcreg_status pcreg_##type##_delete(pcreg_db *db, const char *k1, const char *k2)  \
	{                                                                                  \
		struct pcreg__key key = { { k1, k2, NULL }, 0 };                           \
		return pcreg__api_delete(db, &(entity), &key);                             \
	}

#define PCREG__KEYED_BY_ID(type, entity)                                                   \
	pcreg_status pcreg_##type##_get(pcreg_db *db, int64_t id, pcreg_##type **out)     \
	{                                                                                  \
		struct pcreg__key key = { { NULL, NULL, NULL }, id };                      \
		return pcreg__api_get(db, &(entity), &key,                                 \
		                      (struct pcreg__record **)(void *)out,                \
		                      "pcreg_" #type "_get");                              \
	}                                                                                  \
	pcreg_status pcreg_##type##_delete(pcreg_db *db, int64_t id)                      \
	{                                                                                  \
		struct pcreg__key key = { { NULL, NULL, NULL }, id };                      \
		return pcreg__api_delete(db, &(entity), &key);                             \
	}

/* A get by id under another name (pcreg_journal_import_get). */
#define PCREG__GET_BY_ID(function, type, entity)                                           \
	pcreg_status function(pcreg_db *db, int64_t id, pcreg_##type **out)                \
	{                                                                                  \
		struct pcreg__key key = { { NULL, NULL, NULL }, id };                      \
		return pcreg__api_get(db, &(entity), &key,                                 \
		                      (struct pcreg__record **)(void *)out, #function);    \
	}

#define PCREG__WRITES(type)                                                                \
	pcreg_status pcreg_##type##_insert(pcreg_db *db, pcreg_##type *r)                 \
	{                                                                                  \
		return pcreg__api_insert(db, PCREG__REC(r), "pcreg_" #type "_insert", #type); \
	}                                                                                  \
	pcreg_status pcreg_##type##_update(pcreg_db *db, const pcreg_##type *r)           \
	{                                                                                  \
		return pcreg__api_update(db, PCREG__CREC(r), "pcreg_" #type "_update", #type); \
	}

/* pcreg_<name>_init() for a query or options struct. */
#define PCREG__INIT_FUNCTION(name, VERSION, INIT)                                          \
	pcreg_status pcreg_##name##_init(pcreg_##name *s, unsigned int version)            \
	{                                                                                  \
		static const pcreg_##name defaults = INIT;                                 \
                                                                                           \
		if (!s || version != (VERSION))                                            \
			return PCREG_MISUSE;                                               \
		*s = defaults;                                                             \
		return PCREG_OK;                                                           \
	}

#define PCREG__ITERATOR(type, rowtype)                                                 \
	pcreg_status pcreg_##type##_next(pcreg_##type *it, const pcreg_##rowtype **out) \
	{                                                                              \
		return pcreg__iter_next((struct pcreg__iter *)(void *)it,              \
		                        (const struct pcreg__record **)(void *)out);   \
	}                                                                              \
	void pcreg_##type##_free(pcreg_##type *it)                                     \
	{                                                                              \
		pcreg__iter_free((struct pcreg__iter *)(void *)it);                    \
	}

#endif /* PCREG_RECORD_H */
