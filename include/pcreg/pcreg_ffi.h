/* pcreg_ffi.h: libpcreg's public API for FFI (LuaJIT ffi.cdef, cffi cdef).
 * Generated from the headers in include/pcreg/ by cmake/ffi_header.cmake; do not edit.
 * The build checks that it is in step with the headers (test ffi_header).
 * It needs int32_t and int64_t declared first, as LuaJIT and cffi do. */
enum pcreg_constants {
 PCREG_ARRANGEMENT_QUERY_VERSION = 1,
 PCREG_COMMISSIONER_QUERY_VERSION = 1,
 PCREG_VERSION_MAJOR = 0,
 PCREG_VERSION_MINOR = 1,
 PCREG_VERSION_PATCH = 0,
 PCREG_CONTRACT_QUERY_VERSION = 1,
 PCREG_OPEN_OPTIONS_VERSION = 1,
 PCREG_FEDERATION_QUERY_VERSION = 1,
 PCREG_IMPORT_FIELD_MAX = 1048576,
 PCREG_IMPORT_RECORD_MAX = 16777216,
 PCREG_IMPORT_OPTIONS_VERSION = 2,
 PCREG_INSPECTION_QUERY_VERSION = 1,
 PCREG_CHANGE_QUERY_VERSION = 1,
 PCREG_LIST_SIZE_QUERY_VERSION = 1,
 PCREG_MEMBERSHIP_QUERY_VERSION = 1,
 PCREG_NETWORK_QUERY_VERSION = 1,
 PCREG_NETWORK_LEAD_QUERY_VERSION = 1,
 PCREG_PRACTICE_QUERY_VERSION = 1,
 PCREG_REPORT_OPTIONS_VERSION = 1,
 PCREG_SUCCESSION_QUERY_VERSION = 1,
};
typedef enum pcreg_status {
 PCREG_OK = 0,
 PCREG_DONE = 1,
 PCREG_ERROR = -1,
 PCREG_NOMEM = -2,
 PCREG_NOTFOUND = -3,
 PCREG_EXISTS = -4,
 PCREG_INVALID = -5,
 PCREG_CONSTRAINT = -6,
 PCREG_CONFLICT = -7,
 PCREG_BUSY = -8,
 PCREG_READONLY = -9,
 PCREG_IO = -10,
 PCREG_CORRUPT = -11,
 PCREG_MISUSE = -12,
 PCREG_NEEDS_MIGRATION = -13,
 PCREG_SCHEMA_TOO_NEW = -14,
 PCREG_SCHEMA_MISMATCH = -15,
 PCREG_NOT_REGISTRY = -16,
 PCREG_CYCLE = -17
} pcreg_status;
typedef struct pcreg_db pcreg_db;
 const char *pcreg_status_str(pcreg_status status);
 const char *pcreg_version_string(void);
 int pcreg_version_number(void);
 void pcreg_free(void *ptr);
typedef struct pcreg_arrangement pcreg_arrangement;
typedef struct pcreg_arrangement_iter pcreg_arrangement_iter;
typedef enum pcreg_arrangement_level_value {
 PCREG_ARRANGEMENT_LEVEL_NONE = 0,
 PCREG_ARRANGEMENT_GREATER_INVOLVEMENT = 1,
 PCREG_ARRANGEMENT_JOINT = 2,
 PCREG_ARRANGEMENT_DELEGATED = 3
} pcreg_arrangement_level_value;
 pcreg_status pcreg_arrangement_new(pcreg_arrangement **out);
 void pcreg_arrangement_free(pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_get(pcreg_db *db, int64_t id, pcreg_arrangement **out);
 pcreg_status pcreg_arrangement_insert(pcreg_db *db, pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_update(pcreg_db *db,
 const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_delete(pcreg_db *db, int64_t id);
 pcreg_status pcreg_arrangement_on(pcreg_db *db, const char *commissioner,
 const char *date, pcreg_arrangement **out);
 int64_t pcreg_arrangement_id(const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_set_id(pcreg_arrangement *arrangement, int64_t id);
 int pcreg_arrangement_has_id(const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_clear_id(pcreg_arrangement *arrangement);
 const char *pcreg_arrangement_commissioner(const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_set_commissioner(pcreg_arrangement *arrangement,
 const char *commissioner);
 pcreg_arrangement_level_value pcreg_arrangement_level(
 const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_set_level(pcreg_arrangement *arrangement,
 pcreg_arrangement_level_value level);
 const char *pcreg_arrangement_from_date(const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_set_from_date(pcreg_arrangement *arrangement,
 const char *date);
 const char *pcreg_arrangement_to_date(const pcreg_arrangement *arrangement);
 pcreg_status pcreg_arrangement_set_to_date(pcreg_arrangement *arrangement,
 const char *date);
 const char *pcreg_arrangement_level_str(pcreg_arrangement_level_value level);
 pcreg_arrangement_level_value pcreg_arrangement_level_parse(const char *text);
typedef struct pcreg_arrangement_query {
 unsigned int version;
 const char *commissioner;
 int level;
 const char *on;
 int limit;
 int offset;
} pcreg_arrangement_query;
 pcreg_status pcreg_arrangement_query_init(pcreg_arrangement_query *query,
 unsigned int version);
 pcreg_status pcreg_arrangement_list(pcreg_db *db, const pcreg_arrangement_query *query,
 pcreg_arrangement_iter **out);
 pcreg_status pcreg_arrangement_iter_next(pcreg_arrangement_iter *iter,
 const pcreg_arrangement **out);
 void pcreg_arrangement_iter_free(pcreg_arrangement_iter *iter);
typedef struct pcreg_finding pcreg_finding;
typedef struct pcreg_finding_iter pcreg_finding_iter;
 pcreg_status pcreg_check_run(pcreg_db *db, pcreg_finding_iter **out);
 pcreg_status pcreg_finding_iter_next(pcreg_finding_iter *iter,
 const pcreg_finding **out);
 void pcreg_finding_iter_free(pcreg_finding_iter *iter);
 const char *pcreg_finding_check(const pcreg_finding *finding);
 const char *pcreg_finding_detail(const pcreg_finding *finding);
 const char *pcreg_finding_severity(const pcreg_finding *finding);
 int pcreg_finding_is_note(const pcreg_finding *finding);
typedef struct pcreg_commissioner pcreg_commissioner;
typedef struct pcreg_commissioner_iter pcreg_commissioner_iter;
typedef enum pcreg_commissioner_kind_value {
 PCREG_COMMISSIONER_KIND_NONE = 0,
 PCREG_COMMISSIONER_CCG = 1,
 PCREG_COMMISSIONER_SUB_ICB = 2,
 PCREG_COMMISSIONER_ICB = 3,
 PCREG_COMMISSIONER_REGION = 4,
 PCREG_COMMISSIONER_OTHER = 5
} pcreg_commissioner_kind_value;
 pcreg_status pcreg_commissioner_new(pcreg_commissioner **out);
 void pcreg_commissioner_free(pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_get(pcreg_db *db, const char *code,
 pcreg_commissioner **out);
 pcreg_status pcreg_commissioner_get_on(pcreg_db *db, const char *code,
 const char *date, pcreg_commissioner **out);
 pcreg_status pcreg_commissioner_insert(pcreg_db *db, pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_update(pcreg_db *db,
 const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_delete(pcreg_db *db, const char *code);
 const char *pcreg_commissioner_code(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_code(pcreg_commissioner *commissioner,
 const char *code);
 pcreg_commissioner_kind_value pcreg_commissioner_kind(
 const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_kind(pcreg_commissioner *commissioner,
 pcreg_commissioner_kind_value kind);
 const char *pcreg_commissioner_name(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_name(pcreg_commissioner *commissioner,
 const char *name);
 const char *pcreg_commissioner_ons_code(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_ons_code(pcreg_commissioner *commissioner,
 const char *ons_code);
 const char *pcreg_commissioner_region(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_region(pcreg_commissioner *commissioner,
 const char *region);
 const char *pcreg_commissioner_parent(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_parent(pcreg_commissioner *commissioner,
 const char *parent);
 const char *pcreg_commissioner_open_date(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_open_date(pcreg_commissioner *commissioner,
 const char *date);
 const char *pcreg_commissioner_close_date(const pcreg_commissioner *commissioner);
 pcreg_status pcreg_commissioner_set_close_date(pcreg_commissioner *commissioner,
 const char *date);
 const char *pcreg_commissioner_kind_str(pcreg_commissioner_kind_value kind);
 pcreg_commissioner_kind_value pcreg_commissioner_kind_parse(const char *text);
typedef struct pcreg_commissioner_query {
 unsigned int version;
 int kind;
 const char *parent;
 const char *region;
 const char *name;
 const char *on;
 int limit;
 int offset;
} pcreg_commissioner_query;
 pcreg_status pcreg_commissioner_query_init(pcreg_commissioner_query *query,
 unsigned int version);
 pcreg_status pcreg_commissioner_list(pcreg_db *db, const pcreg_commissioner_query *query,
 pcreg_commissioner_iter **out);
 pcreg_status pcreg_commissioner_iter_next(pcreg_commissioner_iter *iter,
 const pcreg_commissioner **out);
 void pcreg_commissioner_iter_free(pcreg_commissioner_iter *iter);
typedef struct pcreg_contract pcreg_contract;
typedef struct pcreg_contract_iter pcreg_contract_iter;
typedef enum pcreg_contract_type_value {
 PCREG_CONTRACT_TYPE_NONE = 0,
 PCREG_CONTRACT_GMS = 1,
 PCREG_CONTRACT_PMS = 2,
 PCREG_CONTRACT_APMS = 3,
 PCREG_CONTRACT_DES = 4,
 PCREG_CONTRACT_LES = 5,
 PCREG_CONTRACT_LIS = 6,
 PCREG_CONTRACT_OTHER = 7
} pcreg_contract_type_value;
 pcreg_status pcreg_contract_new(pcreg_contract **out);
 void pcreg_contract_free(pcreg_contract *contract);
 pcreg_status pcreg_contract_get(pcreg_db *db, int64_t id, pcreg_contract **out);
 pcreg_status pcreg_contract_insert(pcreg_db *db, pcreg_contract *contract);
 pcreg_status pcreg_contract_update(pcreg_db *db, const pcreg_contract *contract);
 pcreg_status pcreg_contract_delete(pcreg_db *db, int64_t id);
 pcreg_status pcreg_contract_core_on(pcreg_db *db, const char *practice,
 const char *date, pcreg_contract **out);
 int64_t pcreg_contract_id(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_id(pcreg_contract *contract, int64_t id);
 int pcreg_contract_has_id(const pcreg_contract *contract);
 pcreg_status pcreg_contract_clear_id(pcreg_contract *contract);
 const char *pcreg_contract_practice(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_practice(pcreg_contract *contract, const char *practice);
 const char *pcreg_contract_federation(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_federation(pcreg_contract *contract,
 const char *federation);
 const char *pcreg_contract_commissioner(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_commissioner(pcreg_contract *contract,
 const char *commissioner);
 pcreg_contract_type_value pcreg_contract_type(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_type(pcreg_contract *contract,
 pcreg_contract_type_value type);
 const char *pcreg_contract_service(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_service(pcreg_contract *contract, const char *service);
 const char *pcreg_contract_start_date(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_start_date(pcreg_contract *contract, const char *date);
 const char *pcreg_contract_end_date(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_end_date(pcreg_contract *contract, const char *date);
 int64_t pcreg_contract_pms_premium(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_pms_premium(pcreg_contract *contract, int64_t pence);
 int pcreg_contract_has_pms_premium(const pcreg_contract *contract);
 pcreg_status pcreg_contract_clear_pms_premium(pcreg_contract *contract);
 int64_t pcreg_contract_annual_value(const pcreg_contract *contract);
 pcreg_status pcreg_contract_set_annual_value(pcreg_contract *contract, int64_t pence);
 int pcreg_contract_has_annual_value(const pcreg_contract *contract);
 pcreg_status pcreg_contract_clear_annual_value(pcreg_contract *contract);
 const char *pcreg_contract_type_str(pcreg_contract_type_value type);
 pcreg_contract_type_value pcreg_contract_type_parse(const char *text);
 int pcreg_contract_type_is_core(pcreg_contract_type_value type);
typedef struct pcreg_contract_query {
 unsigned int version;
 const char *practice;
 const char *federation;
 const char *commissioner;
 int type;
 const char *service;
 const char *on;
 int limit;
 int offset;
} pcreg_contract_query;
 pcreg_status pcreg_contract_query_init(pcreg_contract_query *query, unsigned int version);
 pcreg_status pcreg_contract_list(pcreg_db *db, const pcreg_contract_query *query,
 pcreg_contract_iter **out);
 pcreg_status pcreg_contract_iter_next(pcreg_contract_iter *iter,
 const pcreg_contract **out);
 void pcreg_contract_iter_free(pcreg_contract_iter *iter);
typedef enum pcreg_open_flag {
 PCREG_OPEN_CREATE = 1,
 PCREG_OPEN_READONLY = 2,
 PCREG_OPEN_MIGRATE = 4,
 PCREG_OPEN_URI = 8
} pcreg_open_flag;
typedef struct pcreg_open_options {
 unsigned int version;
 int flags;
 int busy_timeout_ms;
 int schema_version;
} pcreg_open_options;
 pcreg_status pcreg_open_options_init(pcreg_open_options *opts, unsigned int version);
 pcreg_status pcreg_db_open(const char *path, const pcreg_open_options *opts, pcreg_db **out);
 void pcreg_db_close(pcreg_db *db);
 const char *pcreg_db_errmsg(const pcreg_db *db);
 pcreg_status pcreg_db_errcode(const pcreg_db *db);
 const char *pcreg_db_path(const pcreg_db *db);
 pcreg_status pcreg_db_begin(pcreg_db *db);
 pcreg_status pcreg_db_commit(pcreg_db *db);
 pcreg_status pcreg_db_rollback(pcreg_db *db);
 int pcreg_db_needs_migration(pcreg_db *db);
 pcreg_status pcreg_db_migrate(pcreg_db *db, int target_version);
 pcreg_status pcreg_schema_version(pcreg_db *db, int *out);
 int pcreg_schema_latest_version(void);
 pcreg_status pcreg_db_known_at(pcreg_db *db, const char *known_at, pcreg_db **out);
typedef enum pcreg_export_format_value {
 PCREG_EXPORT_FORMAT_NONE = 0,
 PCREG_EXPORT_CSV = 1,
 PCREG_EXPORT_JSONL = 2
} pcreg_export_format_value;
 int pcreg_export_entity_count(void);
 const char *pcreg_export_entity_name(int i);
typedef struct pcreg_export pcreg_export;
 pcreg_status pcreg_export_open(pcreg_db *db, const char *entity,
 pcreg_export_format_value format, pcreg_export **out);
 pcreg_status pcreg_export_next(pcreg_export *exporter, const char **out);
 void pcreg_export_free(pcreg_export *exporter);
 pcreg_status pcreg_export_file(pcreg_db *db, const char *entity,
 pcreg_export_format_value format, const char *path);
typedef struct pcreg_federation pcreg_federation;
typedef struct pcreg_federation_iter pcreg_federation_iter;
 pcreg_status pcreg_federation_new(pcreg_federation **out);
 void pcreg_federation_free(pcreg_federation *federation);
 pcreg_status pcreg_federation_get(pcreg_db *db, const char *id,
 pcreg_federation **out);
 pcreg_status pcreg_federation_insert(pcreg_db *db, pcreg_federation *federation);
 pcreg_status pcreg_federation_update(pcreg_db *db, const pcreg_federation *federation);
 pcreg_status pcreg_federation_delete(pcreg_db *db, const char *id);
 const char *pcreg_federation_id(const pcreg_federation *federation);
 pcreg_status pcreg_federation_set_id(pcreg_federation *federation, const char *id);
 const char *pcreg_federation_name(const pcreg_federation *federation);
 pcreg_status pcreg_federation_set_name(pcreg_federation *federation, const char *name);
 const char *pcreg_federation_area(const pcreg_federation *federation);
 pcreg_status pcreg_federation_set_area(pcreg_federation *federation, const char *area);
typedef struct pcreg_federation_query {
 unsigned int version;
 const char *name;
 const char *area;
 int limit;
 int offset;
} pcreg_federation_query;
 pcreg_status pcreg_federation_query_init(pcreg_federation_query *query,
 unsigned int version);
 pcreg_status pcreg_federation_list(pcreg_db *db, const pcreg_federation_query *query,
 pcreg_federation_iter **out);
 pcreg_status pcreg_federation_iter_next(pcreg_federation_iter *iter,
 const pcreg_federation **out);
 void pcreg_federation_iter_free(pcreg_federation_iter *iter);
typedef struct pcreg_inspection pcreg_inspection;
typedef struct pcreg_inspection_iter pcreg_inspection_iter;
typedef enum pcreg_rating {
 PCREG_RATING_NONE = 0,
 PCREG_RATING_OUTSTANDING = 1,
 PCREG_RATING_GOOD = 2,
 PCREG_RATING_REQUIRES_IMPROVEMENT = 3,
 PCREG_RATING_INADEQUATE = 4,
 PCREG_RATING_INSUFFICIENT_EVIDENCE = 5
} pcreg_rating;
 const char *pcreg_rating_str(pcreg_rating rating);
 pcreg_rating pcreg_rating_parse(const char *text);
 pcreg_status pcreg_inspection_new(pcreg_inspection **out);
 void pcreg_inspection_free(pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_get(pcreg_db *db, int64_t id, pcreg_inspection **out);
 pcreg_status pcreg_inspection_insert(pcreg_db *db, pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_update(pcreg_db *db, const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_delete(pcreg_db *db, int64_t id);
 pcreg_status pcreg_inspection_latest_on(pcreg_db *db, const char *practice,
 const char *date, pcreg_inspection **out);
 int64_t pcreg_inspection_id(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_id(pcreg_inspection *inspection, int64_t id);
 int pcreg_inspection_has_id(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_clear_id(pcreg_inspection *inspection);
 const char *pcreg_inspection_practice(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_practice(pcreg_inspection *inspection,
 const char *practice);
 const char *pcreg_inspection_cqc_location_id(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_cqc_location_id(pcreg_inspection *inspection,
 const char *location_id);
 const char *pcreg_inspection_inspection_date(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_inspection_date(pcreg_inspection *inspection,
 const char *date);
 const char *pcreg_inspection_publication_date(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_publication_date(pcreg_inspection *inspection,
 const char *date);
 pcreg_rating pcreg_inspection_overall(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_overall(pcreg_inspection *inspection,
 pcreg_rating rating);
 pcreg_rating pcreg_inspection_safe(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_safe(pcreg_inspection *inspection, pcreg_rating rating);
 pcreg_rating pcreg_inspection_effective(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_effective(pcreg_inspection *inspection,
 pcreg_rating rating);
 pcreg_rating pcreg_inspection_caring(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_caring(pcreg_inspection *inspection,
 pcreg_rating rating);
 pcreg_rating pcreg_inspection_responsive(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_responsive(pcreg_inspection *inspection,
 pcreg_rating rating);
 pcreg_rating pcreg_inspection_well_led(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_well_led(pcreg_inspection *inspection,
 pcreg_rating rating);
 const char *pcreg_inspection_report_url(const pcreg_inspection *inspection);
 pcreg_status pcreg_inspection_set_report_url(pcreg_inspection *inspection,
 const char *url);
typedef struct pcreg_inspection_query {
 unsigned int version;
 const char *practice;
 const char *published_from;
 const char *published_to;
 int overall;
 int limit;
 int offset;
} pcreg_inspection_query;
 pcreg_status pcreg_inspection_query_init(pcreg_inspection_query *query,
 unsigned int version);
 pcreg_status pcreg_inspection_list(pcreg_db *db, const pcreg_inspection_query *query,
 pcreg_inspection_iter **out);
 pcreg_status pcreg_inspection_iter_next(pcreg_inspection_iter *iter,
 const pcreg_inspection **out);
 void pcreg_inspection_iter_free(pcreg_inspection_iter *iter);
typedef struct pcreg_list_size pcreg_list_size;
typedef struct pcreg_list_size_iter pcreg_list_size_iter;
 pcreg_status pcreg_list_size_new(pcreg_list_size **out);
 void pcreg_list_size_free(pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_get(pcreg_db *db, const char *practice,
 const char *extract_date, pcreg_list_size **out);
 pcreg_status pcreg_list_size_insert(pcreg_db *db, pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_update(pcreg_db *db, const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_delete(pcreg_db *db, const char *practice,
 const char *extract_date);
 pcreg_status pcreg_list_size_on(pcreg_db *db, const char *practice, const char *date,
 pcreg_list_size **out);
 const char *pcreg_list_size_practice(const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_set_practice(pcreg_list_size *list_size,
 const char *practice);
 const char *pcreg_list_size_extract_date(const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_set_extract_date(pcreg_list_size *list_size,
 const char *date);
 int64_t pcreg_list_size_registered(const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_set_registered(pcreg_list_size *list_size,
 int64_t patients);
 double pcreg_list_size_weighted(const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_set_weighted(pcreg_list_size *list_size, double patients);
 int pcreg_list_size_has_weighted(const pcreg_list_size *list_size);
 pcreg_status pcreg_list_size_clear_weighted(pcreg_list_size *list_size);
typedef struct pcreg_list_size_query {
 unsigned int version;
 const char *practice;
 const char *from;
 const char *to;
 int limit;
 int offset;
} pcreg_list_size_query;
 pcreg_status pcreg_list_size_query_init(pcreg_list_size_query *query,
 unsigned int version);
 pcreg_status pcreg_list_size_list(pcreg_db *db, const pcreg_list_size_query *query,
 pcreg_list_size_iter **out);
 pcreg_status pcreg_list_size_iter_next(pcreg_list_size_iter *iter,
 const pcreg_list_size **out);
 void pcreg_list_size_iter_free(pcreg_list_size_iter *iter);
typedef enum pcreg_membership_kind_value {
 PCREG_MEMBERSHIP_NONE = 0,
 PCREG_MEMBERSHIP_COMMISSIONER = 1,
 PCREG_MEMBERSHIP_NETWORK = 2,
 PCREG_MEMBERSHIP_FEDERATION = 3
} pcreg_membership_kind_value;
typedef struct pcreg_membership pcreg_membership;
typedef struct pcreg_membership_iter pcreg_membership_iter;
 pcreg_status pcreg_membership_join(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *organisation,
 const char *from_date, const char *to_date);
 pcreg_status pcreg_membership_leave(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *date);
 pcreg_status pcreg_membership_move(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *organisation,
 const char *from_date);
 pcreg_status pcreg_membership_on(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *date,
 pcreg_membership **out);
 pcreg_status pcreg_membership_get(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *from_date,
 pcreg_membership **out);
 pcreg_status pcreg_membership_update(pcreg_db *db, const pcreg_membership *membership);
 pcreg_status pcreg_membership_delete(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *from_date);
 void pcreg_membership_free(pcreg_membership *membership);
 pcreg_membership_kind_value pcreg_membership_kind(const pcreg_membership *membership);
 const char *pcreg_membership_practice(const pcreg_membership *membership);
 const char *pcreg_membership_organisation(const pcreg_membership *membership);
 pcreg_status pcreg_membership_set_organisation(pcreg_membership *membership,
 const char *organisation);
 const char *pcreg_membership_from_date(const pcreg_membership *membership);
 const char *pcreg_membership_to_date(const pcreg_membership *membership);
 pcreg_status pcreg_membership_set_to_date(pcreg_membership *membership,
 const char *to_date);
 const char *pcreg_membership_kind_str(pcreg_membership_kind_value kind);
 pcreg_membership_kind_value pcreg_membership_kind_parse(const char *text);
typedef struct pcreg_membership_query {
 unsigned int version;
 int kind;
 const char *practice;
 const char *organisation;
 const char *on;
 const char *from;
 const char *to;
 int limit;
 int offset;
} pcreg_membership_query;
 pcreg_status pcreg_membership_query_init(pcreg_membership_query *query,
 unsigned int version);
 pcreg_status pcreg_membership_list(pcreg_db *db, const pcreg_membership_query *query,
 pcreg_membership_iter **out);
 pcreg_status pcreg_membership_members_on(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *organisation, const char *date,
 pcreg_membership_iter **out);
 pcreg_status pcreg_membership_iter_next(pcreg_membership_iter *iter,
 const pcreg_membership **out);
 void pcreg_membership_iter_free(pcreg_membership_iter *iter);
typedef enum pcreg_certainty_value {
 PCREG_CERTAINTY_NOT_KNOWN = 0,
 PCREG_CERTAINTY_STATED = 1,
 PCREG_CERTAINTY_INFERRED = 2,
 PCREG_CERTAINTY_UNCERTAIN = 3
} pcreg_certainty_value;
typedef struct pcreg_answer pcreg_answer;
 pcreg_status pcreg_membership_answer(pcreg_db *db, pcreg_membership_kind_value kind,
 const char *practice, const char *date,
 pcreg_answer **out);
 void pcreg_answer_free(pcreg_answer *answer);
 pcreg_certainty_value pcreg_answer_certainty(const pcreg_answer *answer);
 const char *pcreg_answer_organisation(const pcreg_answer *answer);
 const char *pcreg_answer_from_date(const pcreg_answer *answer);
 const char *pcreg_answer_to_date(const pcreg_answer *answer);
 const char *pcreg_answer_window_to(const pcreg_answer *answer);
 const char *pcreg_answer_release_kind(const pcreg_answer *answer);
 const char *pcreg_answer_release_date(const pcreg_answer *answer);
 const char *pcreg_certainty_str(pcreg_certainty_value certainty);
typedef struct pcreg_network pcreg_network;
typedef struct pcreg_network_iter pcreg_network_iter;
typedef enum pcreg_network_kind_value {
 PCREG_NETWORK_KIND_NONE = 0,
 PCREG_NETWORK_PCN = 1,
 PCREG_NETWORK_LOCAL = 2
} pcreg_network_kind_value;
 pcreg_status pcreg_network_new(pcreg_network **out);
 void pcreg_network_free(pcreg_network *network);
 pcreg_status pcreg_network_get(pcreg_db *db, const char *code, pcreg_network **out);
 pcreg_status pcreg_network_insert(pcreg_db *db, pcreg_network *network);
 pcreg_status pcreg_network_update(pcreg_db *db, const pcreg_network *network);
 pcreg_status pcreg_network_delete(pcreg_db *db, const char *code);
 const char *pcreg_network_code(const pcreg_network *network);
 pcreg_status pcreg_network_set_code(pcreg_network *network, const char *code);
 pcreg_network_kind_value pcreg_network_kind(const pcreg_network *network);
 pcreg_status pcreg_network_set_kind(pcreg_network *network,
 pcreg_network_kind_value kind);
 const char *pcreg_network_name(const pcreg_network *network);
 pcreg_status pcreg_network_set_name(pcreg_network *network, const char *name);
 const char *pcreg_network_commissioner(const pcreg_network *network);
 pcreg_status pcreg_network_set_commissioner(pcreg_network *network,
 const char *commissioner);
 const char *pcreg_network_open_date(const pcreg_network *network);
 pcreg_status pcreg_network_set_open_date(pcreg_network *network, const char *date);
 const char *pcreg_network_close_date(const pcreg_network *network);
 pcreg_status pcreg_network_set_close_date(pcreg_network *network, const char *date);
 const char *pcreg_network_kind_str(pcreg_network_kind_value kind);
 pcreg_network_kind_value pcreg_network_kind_parse(const char *text);
typedef struct pcreg_network_query {
 unsigned int version;
 int kind;
 const char *commissioner;
 const char *name;
 const char *on;
 int limit;
 int offset;
} pcreg_network_query;
 pcreg_status pcreg_network_query_init(pcreg_network_query *query, unsigned int version);
 pcreg_status pcreg_network_list(pcreg_db *db, const pcreg_network_query *query,
 pcreg_network_iter **out);
 pcreg_status pcreg_network_iter_next(pcreg_network_iter *iter,
 const pcreg_network **out);
 void pcreg_network_iter_free(pcreg_network_iter *iter);
typedef struct pcreg_network_lead pcreg_network_lead;
typedef struct pcreg_network_lead_iter pcreg_network_lead_iter;
 pcreg_status pcreg_network_lead_new(pcreg_network_lead **out);
 void pcreg_network_lead_free(pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_get(pcreg_db *db, int64_t id, pcreg_network_lead **out);
 pcreg_status pcreg_network_lead_insert(pcreg_db *db, pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_update(pcreg_db *db, const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_delete(pcreg_db *db, int64_t id);
 int64_t pcreg_network_lead_id(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_id(pcreg_network_lead *lead, int64_t id);
 int pcreg_network_lead_has_id(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_clear_id(pcreg_network_lead *lead);
 const char *pcreg_network_lead_network(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_network(pcreg_network_lead *lead,
 const char *network);
 const char *pcreg_network_lead_person(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_person(pcreg_network_lead *lead,
 const char *person);
 const char *pcreg_network_lead_role(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_role(pcreg_network_lead *lead, const char *role);
 const char *pcreg_network_lead_from_date(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_from_date(pcreg_network_lead *lead,
 const char *date);
 const char *pcreg_network_lead_to_date(const pcreg_network_lead *lead);
 pcreg_status pcreg_network_lead_set_to_date(pcreg_network_lead *lead,
 const char *date);
typedef struct pcreg_network_lead_query {
 unsigned int version;
 const char *network;
 const char *on;
 int limit;
 int offset;
} pcreg_network_lead_query;
 pcreg_status pcreg_network_lead_query_init(pcreg_network_lead_query *query,
 unsigned int version);
 pcreg_status pcreg_network_lead_list(pcreg_db *db, const pcreg_network_lead_query *query,
 pcreg_network_lead_iter **out);
 pcreg_status pcreg_network_lead_iter_next(pcreg_network_lead_iter *iter,
 const pcreg_network_lead **out);
 void pcreg_network_lead_iter_free(pcreg_network_lead_iter *iter);
typedef struct pcreg_practice pcreg_practice;
typedef struct pcreg_practice_iter pcreg_practice_iter;
typedef enum pcreg_practice_status_value {
 PCREG_PRACTICE_STATUS_NONE = 0,
 PCREG_PRACTICE_ACTIVE = 1,
 PCREG_PRACTICE_CLOSED = 2,
 PCREG_PRACTICE_DORMANT = 3,
 PCREG_PRACTICE_PROPOSED = 4
} pcreg_practice_status_value;
 pcreg_status pcreg_practice_new(pcreg_practice **out);
 void pcreg_practice_free(pcreg_practice *practice);
 pcreg_status pcreg_practice_get(pcreg_db *db, const char *code, pcreg_practice **out);
 pcreg_status pcreg_practice_get_on(pcreg_db *db, const char *code, const char *date,
 pcreg_practice **out);
 pcreg_status pcreg_practice_insert(pcreg_db *db, pcreg_practice *practice);
 pcreg_status pcreg_practice_update(pcreg_db *db, const pcreg_practice *practice);
 pcreg_status pcreg_practice_delete(pcreg_db *db, const char *code);
 const char *pcreg_practice_code(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_code(pcreg_practice *practice, const char *code);
 const char *pcreg_practice_name(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_name(pcreg_practice *practice, const char *name);
 const char *pcreg_practice_address(const pcreg_practice *practice, int line);
 pcreg_status pcreg_practice_set_address(pcreg_practice *practice, int line,
 const char *text);
 const char *pcreg_practice_postcode(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_postcode(pcreg_practice *practice, const char *postcode);
 pcreg_practice_status_value pcreg_practice_status(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_status(pcreg_practice *practice,
 pcreg_practice_status_value status);
 int64_t pcreg_practice_prescribing_setting(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_prescribing_setting(pcreg_practice *practice,
 int64_t setting);
 int pcreg_practice_has_prescribing_setting(const pcreg_practice *practice);
 pcreg_status pcreg_practice_clear_prescribing_setting(pcreg_practice *practice);
 const char *pcreg_practice_open_date(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_open_date(pcreg_practice *practice, const char *date);
 const char *pcreg_practice_close_date(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_close_date(pcreg_practice *practice, const char *date);
 const char *pcreg_practice_phone(const pcreg_practice *practice);
 pcreg_status pcreg_practice_set_phone(pcreg_practice *practice, const char *phone);
 const char *pcreg_practice_status_str(pcreg_practice_status_value status);
 pcreg_practice_status_value pcreg_practice_status_on(const pcreg_practice *practice,
 const char *date);
 pcreg_practice_status_value pcreg_practice_status_parse(const char *text);
typedef struct pcreg_practice_query {
 unsigned int version;
 const char *on;
 const char *commissioner;
 const char *network;
 const char *federation;
 int status;
 const char *name;
 const char *postcode;
 int limit;
 int offset;
} pcreg_practice_query;
 pcreg_status pcreg_practice_query_init(pcreg_practice_query *query, unsigned int version);
 pcreg_status pcreg_practice_list(pcreg_db *db, const pcreg_practice_query *query,
 pcreg_practice_iter **out);
 pcreg_status pcreg_practice_iter_next(pcreg_practice_iter *iter,
 const pcreg_practice **out);
 void pcreg_practice_iter_free(pcreg_practice_iter *iter);
 pcreg_status pcreg_practice_search(pcreg_db *db, const char *text, int limit,
 pcreg_practice_iter **out);
 pcreg_status pcreg_practice_postcode_search(pcreg_db *db, const char *prefix,
 pcreg_practice_iter **out);
typedef enum pcreg_import_kind_value {
 PCREG_IMPORT_AUTO = 0,
 PCREG_IMPORT_EPRACCUR = 1,
 PCREG_IMPORT_ECCG = 2,
 PCREG_IMPORT_ICB_NAMES = 3,
 PCREG_IMPORT_PRACTICE_MAP = 4,
 PCREG_IMPORT_SUCC = 5,
 PCREG_IMPORT_PCN_DETAILS = 6,
 PCREG_IMPORT_PCN_PARTNERS = 7,
 PCREG_IMPORT_LIST_SIZE = 8,
 PCREG_IMPORT_PAYMENTS = 9,
 PCREG_IMPORT_CQC = 10,
 PCREG_IMPORT_REGISTRY_CSV = 11,
 PCREG_IMPORT_REGISTRY_JSONL = 12,
 PCREG_IMPORT_ODS_XML = 13
} pcreg_import_kind_value;
typedef enum pcreg_import_mode_value {
 PCREG_IMPORT_STRICT = 0,
 PCREG_IMPORT_LENIENT = 1
} pcreg_import_mode_value;
typedef struct pcreg_import_options {
 unsigned int version;
 int kind;
 int mode;
 const char *released;
} pcreg_import_options;
 pcreg_status pcreg_import_options_init(pcreg_import_options *opts, unsigned int version);
 const char *pcreg_import_kind_str(pcreg_import_kind_value kind);
 int pcreg_import_kind_parse(const char *text);
 pcreg_status pcreg_import_detect(pcreg_db *db, const char *path,
 pcreg_import_kind_value *out);
typedef struct pcreg_import_report pcreg_import_report;
typedef struct pcreg_import pcreg_import;
 pcreg_status pcreg_import_open(pcreg_db *db, const char *path,
 const pcreg_import_options *opts, pcreg_import **out);
 pcreg_status pcreg_import_step(pcreg_import *import, int rows);
 int64_t pcreg_import_bytes_read(const pcreg_import *import);
 int64_t pcreg_import_bytes_total(const pcreg_import *import);
 const pcreg_import_report *pcreg_import_get_report(const pcreg_import *import);
 void pcreg_import_free(pcreg_import *import);
 pcreg_status pcreg_import_file(pcreg_db *db, const char *path,
 const pcreg_import_options *opts,
 pcreg_import_report **out);
 pcreg_status pcreg_import_auto(pcreg_db *db, const char *path, int mode,
 pcreg_import_report **out);
 void pcreg_import_report_free(pcreg_import_report *report);
typedef struct pcreg_import_plan pcreg_import_plan;
typedef enum pcreg_plan_action_value {
 PCREG_PLAN_IMPORT = 0,
 PCREG_PLAN_SKIP = 1,
 PCREG_PLAN_FAIL = 2
} pcreg_plan_action_value;
 pcreg_status pcreg_import_plan_new(pcreg_db *db, const char *const *paths,
 int npaths, pcreg_import_plan **out);
 int pcreg_import_plan_count(const pcreg_import_plan *plan);
 const char *pcreg_import_plan_path(const pcreg_import_plan *plan, int i);
 pcreg_plan_action_value pcreg_import_plan_action(const pcreg_import_plan *plan,
 int i);
 pcreg_import_kind_value pcreg_import_plan_kind(const pcreg_import_plan *plan, int i);
 const char *pcreg_import_plan_note(const pcreg_import_plan *plan, int i);
 void pcreg_import_plan_free(pcreg_import_plan *plan);
 int64_t pcreg_import_report_id(const pcreg_import_report *report);
 pcreg_import_kind_value pcreg_import_report_kind(const pcreg_import_report *report);
 const char *pcreg_import_report_file(const pcreg_import_report *report);
 int64_t pcreg_import_report_rows_read(const pcreg_import_report *report);
 int64_t pcreg_import_report_inserted(const pcreg_import_report *report);
 int64_t pcreg_import_report_updated(const pcreg_import_report *report);
 int64_t pcreg_import_report_unchanged(const pcreg_import_report *report);
 int64_t pcreg_import_report_skipped(const pcreg_import_report *report);
 int64_t pcreg_import_report_rejected(const pcreg_import_report *report);
 int pcreg_import_report_skip_reasons(const pcreg_import_report *report);
 const char *pcreg_import_report_skip_reason(const pcreg_import_report *report, int i);
 int64_t pcreg_import_report_skip_count(const pcreg_import_report *report, int i);
 int pcreg_import_report_omission_reasons(const pcreg_import_report *report);
 const char *pcreg_import_report_omission_reason(const pcreg_import_report *report,
 int i);
 int64_t pcreg_import_report_omission_count(const pcreg_import_report *report, int i);
 int pcreg_import_report_rejections(const pcreg_import_report *report);
 int64_t pcreg_import_report_rejection_line(const pcreg_import_report *report, int i);
 const char *pcreg_import_report_rejection_field(const pcreg_import_report *report,
 int i);
 const char *pcreg_import_report_rejection_reason(const pcreg_import_report *report,
 int i);
typedef struct pcreg_import_entry pcreg_import_entry;
typedef struct pcreg_import_entry_iter pcreg_import_entry_iter;
 pcreg_status pcreg_journal_imports(pcreg_db *db, pcreg_import_entry_iter **out);
 pcreg_status pcreg_journal_import_get(pcreg_db *db, int64_t id,
 pcreg_import_entry **out);
 pcreg_status pcreg_import_entry_iter_next(pcreg_import_entry_iter *iter,
 const pcreg_import_entry **out);
 void pcreg_import_entry_iter_free(pcreg_import_entry_iter *iter);
 void pcreg_import_entry_free(pcreg_import_entry *entry);
 int64_t pcreg_import_entry_id(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_file_name(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_file_size(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_sha256(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_kind(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_mode(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_started_at(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_finished_at(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_rows_read(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_inserted(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_updated(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_unchanged(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_skipped(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_rejected(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_release_date(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_release_date_basis(const pcreg_import_entry *entry);
 int64_t pcreg_import_entry_release_id(const pcreg_import_entry *entry);
 const char *pcreg_import_entry_release_digest(const pcreg_import_entry *entry);
typedef struct pcreg_rejection pcreg_rejection;
typedef struct pcreg_rejection_iter pcreg_rejection_iter;
 pcreg_status pcreg_journal_rejections(pcreg_db *db, int64_t import_id,
 pcreg_rejection_iter **out);
 pcreg_status pcreg_rejection_iter_next(pcreg_rejection_iter *iter,
 const pcreg_rejection **out);
 void pcreg_rejection_iter_free(pcreg_rejection_iter *iter);
 int64_t pcreg_rejection_import_id(const pcreg_rejection *rejection);
 int64_t pcreg_rejection_line(const pcreg_rejection *rejection);
 const char *pcreg_rejection_field(const pcreg_rejection *rejection);
 const char *pcreg_rejection_reason(const pcreg_rejection *rejection);
typedef struct pcreg_change pcreg_change;
typedef struct pcreg_change_iter pcreg_change_iter;
typedef struct pcreg_change_query {
 unsigned int version;
 int64_t import_id;
 const char *code;
 const char *from;
 const char *to;
 int limit;
 int offset;
} pcreg_change_query;
 pcreg_status pcreg_change_query_init(pcreg_change_query *query, unsigned int version);
 pcreg_status pcreg_journal_changes(pcreg_db *db, const pcreg_change_query *query,
 pcreg_change_iter **out);
 pcreg_status pcreg_change_iter_next(pcreg_change_iter *iter, const pcreg_change **out);
 void pcreg_change_iter_free(pcreg_change_iter *iter);
 int64_t pcreg_change_id(const pcreg_change *change);
 int64_t pcreg_change_import_id(const pcreg_change *change);
 const char *pcreg_change_entity(const pcreg_change *change);
 const char *pcreg_change_code(const pcreg_change *change);
 const char *pcreg_change_subkey(const pcreg_change *change);
 const char *pcreg_change_action(const pcreg_change *change);
 const char *pcreg_change_field(const pcreg_change *change);
 const char *pcreg_change_old_value(const pcreg_change *change);
 const char *pcreg_change_new_value(const pcreg_change *change);
 const char *pcreg_change_effective_date(const pcreg_change *change);
typedef struct pcreg_import_summary pcreg_import_summary;
 pcreg_status pcreg_journal_summary(pcreg_db *db, int64_t import_id,
 pcreg_import_summary **out);
 void pcreg_import_summary_free(pcreg_import_summary *summary);
 int64_t pcreg_import_summary_opened(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_closed(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_renamed(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_moved_commissioner(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_moved_network(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_succeeded(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_merged_commissioner(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_reclassified(const pcreg_import_summary *summary);
 int64_t pcreg_import_summary_redated(const pcreg_import_summary *summary);
 pcreg_status pcreg_journal_release_changes(pcreg_db *db, int64_t release_id,
 pcreg_change_iter **out);
 pcreg_status pcreg_journal_release_summary(pcreg_db *db, int64_t release_id,
 pcreg_import_summary **out);
typedef struct pcreg_report_options {
 unsigned int version;
 const char *on;
 const char *commissioner;
 const char *service;
 int min_population;
 int max_population;
} pcreg_report_options;
 pcreg_status pcreg_report_options_init(pcreg_report_options *opts, unsigned int version);
typedef struct pcreg_cqc_row pcreg_cqc_row;
typedef struct pcreg_cqc_iter pcreg_cqc_iter;
 pcreg_status pcreg_report_cqc(pcreg_db *db, const pcreg_report_options *opts,
 pcreg_cqc_iter **out);
 pcreg_status pcreg_cqc_iter_next(pcreg_cqc_iter *iter, const pcreg_cqc_row **out);
 void pcreg_cqc_iter_free(pcreg_cqc_iter *iter);
 const char *pcreg_cqc_row_commissioner(const pcreg_cqc_row *row);
 const char *pcreg_cqc_row_name(const pcreg_cqc_row *row);
 int pcreg_cqc_row_is_total(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_practices(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_published(const pcreg_cqc_row *row);
 int32_t pcreg_cqc_row_published_share(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_not_published(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_outstanding(const pcreg_cqc_row *row);
 int32_t pcreg_cqc_row_outstanding_share(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_good(const pcreg_cqc_row *row);
 int32_t pcreg_cqc_row_good_share(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_requires_improvement(const pcreg_cqc_row *row);
 int32_t pcreg_cqc_row_requires_improvement_share(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_inadequate(const pcreg_cqc_row *row);
 int32_t pcreg_cqc_row_inadequate_share(const pcreg_cqc_row *row);
 int64_t pcreg_cqc_row_uncertain(const pcreg_cqc_row *row);
typedef struct pcreg_pms_row pcreg_pms_row;
typedef struct pcreg_pms_iter pcreg_pms_iter;
 pcreg_status pcreg_report_pms(pcreg_db *db, const pcreg_report_options *opts,
 pcreg_pms_iter **out);
 pcreg_status pcreg_pms_iter_next(pcreg_pms_iter *iter, const pcreg_pms_row **out);
 void pcreg_pms_iter_free(pcreg_pms_iter *iter);
 const char *pcreg_pms_row_commissioner(const pcreg_pms_row *row);
 const char *pcreg_pms_row_name(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_practices(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_uncertain(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_pms_practices(const pcreg_pms_row *row);
 int pcreg_pms_row_has_total_premium(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_total_premium(const pcreg_pms_row *row);
 int pcreg_pms_row_has_premiums(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_min_premium(const pcreg_pms_row *row);
 int64_t pcreg_pms_row_max_premium(const pcreg_pms_row *row);
typedef struct pcreg_commissioning_row pcreg_commissioning_row;
typedef struct pcreg_commissioning_iter pcreg_commissioning_iter;
 pcreg_status pcreg_report_commissioning(pcreg_db *db, const pcreg_report_options *opts,
 pcreg_commissioning_iter **out);
 pcreg_status pcreg_commissioning_iter_next(pcreg_commissioning_iter *iter,
 const pcreg_commissioning_row **out);
 void pcreg_commissioning_iter_free(pcreg_commissioning_iter *iter);
 const char *pcreg_commissioning_row_region(const pcreg_commissioning_row *row);
 const char *pcreg_commissioning_row_region_name(const pcreg_commissioning_row *row);
 int pcreg_commissioning_row_is_total(const pcreg_commissioning_row *row);
 int64_t pcreg_commissioning_row_delegated(const pcreg_commissioning_row *row);
 int64_t pcreg_commissioning_row_joint(const pcreg_commissioning_row *row);
 int64_t pcreg_commissioning_row_greater_involvement(const pcreg_commissioning_row *row);
typedef struct pcreg_network_population_row pcreg_network_population_row;
typedef struct pcreg_network_population_iter pcreg_network_population_iter;
 pcreg_status pcreg_report_networks(pcreg_db *db, const pcreg_report_options *opts,
 pcreg_network_population_iter **out);
 pcreg_status pcreg_network_population_iter_next(pcreg_network_population_iter *iter,
 const pcreg_network_population_row **out);
 void pcreg_network_population_iter_free(pcreg_network_population_iter *iter);
 const char *pcreg_network_population_row_network(const pcreg_network_population_row *row);
 const char *pcreg_network_population_row_name(const pcreg_network_population_row *row);
 const char *pcreg_network_population_row_commissioner(const pcreg_network_population_row *row);
 int64_t pcreg_network_population_row_practices(const pcreg_network_population_row *row);
 int64_t pcreg_network_population_row_uncertain(const pcreg_network_population_row *row);
 int64_t pcreg_network_population_row_practices_with_list_size(const pcreg_network_population_row *row);
 int64_t pcreg_network_population_row_registered(const pcreg_network_population_row *row);
 double pcreg_network_population_row_weighted(const pcreg_network_population_row *row);
 int pcreg_network_population_row_has_weighted(const pcreg_network_population_row *row);
 const char *pcreg_network_population_row_leads(const pcreg_network_population_row *row);
 int pcreg_network_population_row_outside(const pcreg_network_population_row *row);
typedef struct pcreg_scheme_row pcreg_scheme_row;
typedef struct pcreg_scheme_iter pcreg_scheme_iter;
 pcreg_status pcreg_report_scheme(pcreg_db *db, const pcreg_report_options *opts,
 pcreg_scheme_iter **out);
 pcreg_status pcreg_scheme_iter_next(pcreg_scheme_iter *iter, const pcreg_scheme_row **out);
 void pcreg_scheme_iter_free(pcreg_scheme_iter *iter);
 const char *pcreg_scheme_row_commissioner(const pcreg_scheme_row *row);
 const char *pcreg_scheme_row_name(const pcreg_scheme_row *row);
 const char *pcreg_scheme_row_service(const pcreg_scheme_row *row);
 int64_t pcreg_scheme_row_practices(const pcreg_scheme_row *row);
 int64_t pcreg_scheme_row_uncertain(const pcreg_scheme_row *row);
 int64_t pcreg_scheme_row_participating(const pcreg_scheme_row *row);
 int32_t pcreg_scheme_row_participating_share(const pcreg_scheme_row *row);
typedef struct pcreg_succession pcreg_succession;
typedef struct pcreg_succession_iter pcreg_succession_iter;
typedef struct pcreg_resolution pcreg_resolution;
 pcreg_status pcreg_succession_new(pcreg_succession **out);
 void pcreg_succession_free(pcreg_succession *succession);
 pcreg_status pcreg_succession_get(pcreg_db *db, const char *old_code,
 const char *new_code, pcreg_succession **out);
 pcreg_status pcreg_succession_insert(pcreg_db *db, pcreg_succession *succession);
 pcreg_status pcreg_succession_update(pcreg_db *db, const pcreg_succession *succession);
 pcreg_status pcreg_succession_delete(pcreg_db *db, const char *old_code,
 const char *new_code);
 const char *pcreg_succession_old_code(const pcreg_succession *succession);
 pcreg_status pcreg_succession_set_old_code(pcreg_succession *succession,
 const char *code);
 const char *pcreg_succession_new_code(const pcreg_succession *succession);
 pcreg_status pcreg_succession_set_new_code(pcreg_succession *succession,
 const char *code);
 const char *pcreg_succession_effective_date(const pcreg_succession *succession);
 pcreg_status pcreg_succession_set_effective_date(pcreg_succession *succession,
 const char *date);
typedef struct pcreg_succession_query {
 unsigned int version;
 const char *old_code;
 const char *new_code;
 const char *from;
 const char *to;
 int limit;
 int offset;
} pcreg_succession_query;
 pcreg_status pcreg_succession_query_init(pcreg_succession_query *query,
 unsigned int version);
 pcreg_status pcreg_succession_list(pcreg_db *db, const pcreg_succession_query *query,
 pcreg_succession_iter **out);
 pcreg_status pcreg_succession_iter_next(pcreg_succession_iter *iter,
 const pcreg_succession **out);
 void pcreg_succession_iter_free(pcreg_succession_iter *iter);
 pcreg_status pcreg_succession_resolve(pcreg_db *db, const char *code,
 const char *on_date, pcreg_resolution **out);
 const char *pcreg_resolution_code(const pcreg_resolution *resolution);
 int pcreg_resolution_steps(const pcreg_resolution *resolution);
 const char *pcreg_resolution_step_code(const pcreg_resolution *resolution, int index);
 const char *pcreg_resolution_step_date(const pcreg_resolution *resolution, int index);
 int pcreg_resolution_ambiguous(const pcreg_resolution *resolution);
 void pcreg_resolution_free(pcreg_resolution *resolution);
typedef enum pcreg_event_kind_value {
 PCREG_EVENT_NONE = 0,
 PCREG_EVENT_OPENED = 1,
 PCREG_EVENT_CLOSED = 2,
 PCREG_EVENT_JOINED_COMMISSIONER = 3,
 PCREG_EVENT_LEFT_COMMISSIONER = 4,
 PCREG_EVENT_JOINED_NETWORK = 5,
 PCREG_EVENT_LEFT_NETWORK = 6,
 PCREG_EVENT_JOINED_FEDERATION = 7,
 PCREG_EVENT_LEFT_FEDERATION = 8,
 PCREG_EVENT_CONTRACT_STARTED = 9,
 PCREG_EVENT_CONTRACT_ENDED = 10,
 PCREG_EVENT_INSPECTED = 11,
 PCREG_EVENT_REPORT_PUBLISHED = 12,
 PCREG_EVENT_LIST_SIZE = 13
} pcreg_event_kind_value;
typedef struct pcreg_event pcreg_event;
typedef struct pcreg_timeline_iter pcreg_timeline_iter;
 pcreg_status pcreg_timeline_list(pcreg_db *db, const char *practice,
 pcreg_timeline_iter **out);
 pcreg_status pcreg_timeline_iter_next(pcreg_timeline_iter *iter, const pcreg_event **out);
 void pcreg_timeline_iter_free(pcreg_timeline_iter *iter);
 const char *pcreg_event_date(const pcreg_event *event);
 pcreg_event_kind_value pcreg_event_kind(const pcreg_event *event);
 const char *pcreg_event_subject(const pcreg_event *event);
 const char *pcreg_event_detail(const pcreg_event *event);
 int pcreg_event_has_value(const pcreg_event *event);
 int64_t pcreg_event_value(const pcreg_event *event);
 const char *pcreg_event_kind_str(pcreg_event_kind_value kind);
 pcreg_event_kind_value pcreg_event_kind_parse(const char *text);
