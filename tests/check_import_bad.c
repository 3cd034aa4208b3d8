/*
 * check_import_bad.c: importing files that are wrong: each bad file is
 * refused with its exact status and message and leaves the registry as it
 * was (strict), or has its good rows kept and its bad row reported and
 * journaled (lenient). Also the import API's argument checks, kinds,
 * detection, the pull API, and imports inside a caller's transaction.
 *
 * The files are in tests/data/bad and tests/data/good (see the README
 * there); every code and name in them is made up.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define BAD PCREG_SOURCE_DIR "/tests/data/bad/"
#define GOOD PCREG_SOURCE_DIR "/tests/data/good/"

static pcreg_db *db;
static char db_path[512];

/* ---- the registry the bad files are imported into ------------------------------------ */

/* A new, empty registry file of this run. */
static void open_empty(void)
{
	static int n;
	char name[32];

	snprintf(name, sizeof name, "import-bad-%d.db", ++n);
	snprintf(db_path, sizeof db_path, "%s", tu_path(name));
	db = tu_open(db_path, PCREG_OPEN_CREATE);
}

/* One commissioner, two practices made by hand, and a PCN. */
static void setup(void)
{
	open_empty();
	tu_add_reference_data(db);
}

static void setup_empty(void)
{
	open_empty();
}

static void teardown(void)
{
	pcreg_db_close(db);
	db = NULL;
}

static pcreg_status import(const char *path, int kind, int mode, pcreg_import_report **out)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;

	opts.kind = kind;
	opts.mode = mode;
	return pcreg_import_file(db, path, &opts, out);
}

/* The call failed with exactly this status and message. */
#define assert_failed(got, status, message)                                                    \
	do {                                                                                   \
		pcreg_status got_ = (got);                                                     \
		ck_assert_msg(got_ == (status), "status %d (%s), expected %d: %s", got_,       \
		              pcreg_status_str(got_), (status), pcreg_db_errmsg(db));          \
		ck_assert_str_eq(pcreg_db_errmsg(db), (message));                              \
	} while (0)

/* The rejection the journal holds for an import's line, as
 * "field|reason" ("-|reason" without a field); "" if none. */
static const char *journaled_rejection(int64_t import_id, int64_t line)
{
	static char out[1024];
	sqlite3 *sql = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_open_v2(db_path, &sql, SQLITE_OPEN_READONLY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(sql,
		                        "SELECT coalesce(field, '-') || '|' || reason FROM import_rejection"
		                        " WHERE import_id = ?1 AND line = ?2",
		                        -1, &stmt, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s", sqlite3_errmsg(sql));
	sqlite3_bind_int64(stmt, 1, import_id);
	sqlite3_bind_int64(stmt, 2, line);
	out[0] = '\0';
	if (sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(sql);
	return out;
}

static long long count_where(const char *sql_text)
{
	return tu_sql_int(db_path, sql_text);
}

/* ---- the bad files ----------------------------------------------------------------------- */

#define PARSE_STRAY                                                                       \
	"malformed quoting (a quote inside an unquoted field, or text after a closing quote)"

/* The practices after a lenient epraccur import whose bad row is line 2:
 * F81001 (line 1) renamed as the file has it, F81003 (line 3) added
 * closed, F81002 as it was made. */
#define EPRACCUR_KEPT                                                                         \
	"SELECT (SELECT name FROM practice WHERE code = 'F81001') = 'FICTIONAL MEADOW SURGERY'" \
	" AND (SELECT status FROM practice WHERE code = 'F81003') = 'closed'"                    \
	" AND (SELECT name FROM practice WHERE code = 'F81002') = 'Imaginary Lane Practice'"    \
	" AND (SELECT count(*) FROM practice) = 3"                                               \
	" AND (SELECT count(*) FROM practice_commissioner) = 2"

static const struct bad_case {
	const char *file;     /* in tests/data/bad */
	int kind;             /* given to the import */
	pcreg_status status;  /* strict, and lenient when the whole file is refused */
	const char *message;  /* pcreg_db_errmsg() */
	const char *auto_message; /* when told from the content, if different */
	int whole_file;       /* the file itself is refused: lenient refuses it too */
	/* lenient: counts, the one rejected row, and a query that is 1 when the
	 * good rows are in and the bad one left nothing */
	int64_t rows, inserted, updated, unchanged, skipped;
	int64_t line;
	const char *field, *reason, *kept;
	int64_t strict_rows; /* rows a strict import reads, up to the bad one */
} cases[] = {
	{ "epraccur-unterminated-quote.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-unterminated-quote.csv:2: a quoted field is never closed (the file ends"
	      " inside it)",
	  NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 },
	/* The quote opened on line 2 is closed by the first one of line 3, and
	 * the text after it is the error; the line is where the field began. */
	{ "epraccur-quote-open-midfile.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-quote-open-midfile.csv:2: " PARSE_STRAY, NULL, 1, 0, 0, 0, 0, 0, 0, NULL,
	  NULL, NULL, 0 },
	{ "epraccur-stray-quote.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-stray-quote.csv:2: " PARSE_STRAY, NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL,
	  NULL, 0 },
	{ "epraccur-wrong-columns.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-wrong-columns.csv:2: expected 27 columns, found 26", NULL, 0, 3, 2, 0, 0, 0, 2,
	  NULL, "expected 27 columns, found 26", EPRACCUR_KEPT, 2 },
	{ "epraccur-impossible-date.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-impossible-date.csv:2: Open Date: \"20210230\" is not a real date", NULL, 0, 3,
	  2, 0, 0, 0, 2, "Open Date", "\"20210230\" is not a real date", EPRACCUR_KEPT, 2 },
	{ "epraccur-blank-code.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-blank-code.csv:2: Organisation Code: is empty", NULL, 0, 3, 2, 0, 0, 0, 2,
	  "Organisation Code", "is empty", EPRACCUR_KEPT, 2 },
	{ "epraccur-bad-code.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-bad-code.csv:2: Organisation Code: \"F8100\" is not a practice code (a capital"
	  " letter and five digits, e.g. A81001)",
	  NULL, 0, 3, 2, 0, 0, 0, 2, "Organisation Code",
	  "\"F8100\" is not a practice code (a capital letter and five digits, e.g. A81001)",
	  EPRACCUR_KEPT, 2 },
	{ "epraccur-unknown-status.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "epraccur-unknown-status.csv:2: Status Code: \"X\" is not A, C, D or P", NULL, 0, 3, 2, 0,
	  0, 0, 2, "Status Code", "\"X\" is not A, C, D or P", EPRACCUR_KEPT, 2 },
	/* An unknown practice or PCN, and periods that overlap, are not bad
	 * input since schema v4: they are evidence (check_history.c). */
	{ "cqc-unknown-rating.csv", PCREG_IMPORT_CQC, PCREG_INVALID,
	  BAD "cqc-unknown-rating.csv:3: Latest Rating: \"Splendid\" is not a CQC rating", NULL, 0, 3,
	  2, 0, 0, 0, 3, "Latest Rating", "\"Splendid\" is not a CQC rating",
	  "SELECT count(*) = 1 AND min(overall) = 'good' AND min(effective) = 'good'"
	  " AND max(safe) IS NULL AND min(publication_date) = '2019-03-15' FROM inspection", 2 },
	{ "cqc-missing-column.csv", PCREG_IMPORT_CQC, PCREG_INVALID,
	  BAD "cqc-missing-column.csv:1: the header has no \"Latest Rating\" column", NULL, 1, 0, 0, 0,
	  0, 0, 0, NULL, NULL, NULL, 0 },
	{ "nhspaymentsgp-17-18-unknown-contract.csv", PCREG_IMPORT_PAYMENTS, PCREG_INVALID,
	  BAD "nhspaymentsgp-17-18-unknown-contract.csv:3: Contract Type: \"XMS\" is not GMS, PMS, APMS"
	  " or Unknown",
	  NULL, 0, 2, 1, 0, 0, 0, 3, "Contract Type", "\"XMS\" is not GMS, PMS, APMS or Unknown",
	  "SELECT (SELECT count(*) FROM contract WHERE practice = 'F81001' AND type = 'GMS'"
	  " AND start_date = '2017-04-01' AND end_date = '2018-03-31') = 1"
	  " AND (SELECT registered FROM list_size WHERE practice = 'F81001'"
	  " AND extract_date = '2018-03-31') = 5121"
	  " AND (SELECT count(*) FROM contract WHERE practice = 'F81002') = 0"
	  " AND (SELECT count(*) FROM list_size WHERE practice = 'F81002') = 0", 2 },
	{ "payments-without-year.csv", PCREG_IMPORT_PAYMENTS, PCREG_INVALID,
	  BAD "payments-without-year.csv: cannot tell the financial year: the file gives it only in its"
	  " name (nhspaymentsgp-22-23-prac-csv.csv is 2022/23)",
	  NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 },
	{ "list-size-bad-count.csv", PCREG_IMPORT_LIST_SIZE, PCREG_INVALID,
	  BAD "list-size-bad-count.csv:3: NUMBER_OF_PATIENTS: \"80x2\" is not a number of patients",
	  NULL, 0, 2, 1, 0, 0, 0, 3, "NUMBER_OF_PATIENTS", "\"80x2\" is not a number of patients",
	  "SELECT count(*) = 1 AND min(practice) = 'F81001' AND min(registered) = 5123"
	  " AND min(extract_date) = '2021-01-01' FROM list_size", 2 },
	{ "list-size-header-only.csv", PCREG_IMPORT_LIST_SIZE, PCREG_INVALID,
	  BAD "list-size-header-only.csv: a header and no rows", NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL,
	  NULL, 0 },
	{ "empty.csv", PCREG_IMPORT_EPRACCUR, PCREG_INVALID, BAD "empty.csv: the file is empty",
	  BAD "empty.csv: cannot tell what kind of file this is: it is empty", 1, 0, 0, 0, 0, 0, 0,
	  NULL, NULL, NULL, 0 },
	{ "unknown-kind.csv", PCREG_IMPORT_LIST_SIZE, PCREG_INVALID,
	  BAD "unknown-kind.csv:1: column 1 of the header is \"colour\", expected \"PUBLICATION\"",
	  BAD "unknown-kind.csv: cannot tell what kind of file this is: 2 columns, the first"
	      " \"colour\"",
	  1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 },
	/* 320 bytes with NULs; its third line has a quote inside a field. */
	{ "binary-junk.bin", PCREG_IMPORT_EPRACCUR, PCREG_INVALID,
	  BAD "binary-junk.bin:1: a NUL byte: the file is binary data, not text", NULL, 1, 0, 0, 0,
	  0, 0, 0, NULL, NULL, NULL, 0 },
	{ "pcn-details-short-header.csv", PCREG_IMPORT_PCN_DETAILS, PCREG_INVALID,
	  BAD "pcn-details-short-header.csv:1: the header has 11 columns; the PCN Details sheet has 12",
	  NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 },
	{ "succ-self.csv", PCREG_IMPORT_SUCC, PCREG_INVALID,
	  BAD "succ-self.csv:2: Successor Organisation Code: 98G succeeds itself", NULL, 0, 2, 1, 0, 0,
	  0, 2, "Successor Organisation Code", "98G succeeds itself",
	  "SELECT count(*) = 1 AND min(old_code) = '97H' AND min(new_code) = '99F'"
	  " AND min(effective_date) = '2020-04-01' FROM succession", 2 },
	{ "registry-commissioner-bad-kind.csv", PCREG_IMPORT_REGISTRY_CSV, PCREG_INVALID,
	  BAD "registry-commissioner-bad-kind.csv:3: kind: \"clinic\" is not one of the allowed values",
	  NULL, 0, 2, 1, 0, 0, 0, 3, "kind", "\"clinic\" is not one of the allowed values",
	  "SELECT (SELECT kind FROM commissioner WHERE code = '96J') = 'ccg'"
	  " AND (SELECT count(*) FROM commissioner WHERE code = '95K') = 0", 2 },
	/* A blank key is the row's fault, not a misuse of the look-up. */
	{ "registry-federation-blank-id.csv", PCREG_IMPORT_REGISTRY_CSV, PCREG_INVALID,
	  BAD "registry-federation-blank-id.csv:3: id: is required",
	  NULL, 0, 2, 1, 0, 0, 0, 3, "id", "is required",
	  "SELECT (SELECT name FROM federation WHERE id = 'fed-marsh') = 'Fictional Marsh GP Federation'"
	  " AND (SELECT count(*) FROM federation) = 1", 2 },
	/* References are checked once the whole file is in. */
	{ "registry-commissioner-unknown-parent.csv", PCREG_IMPORT_REGISTRY_CSV, PCREG_CONSTRAINT,
	  BAD "registry-commissioner-unknown-parent.csv: a row of commissioner refers to a commissioner"
	  " that is not in the registry (import the files an export writes in their order)",
	  NULL, 1, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 },
};

#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

static void path_of(const struct bad_case *c, char *out, size_t size)
{
	snprintf(out, size, "%s%s", BAD, c->file);
}

/* Strict, with the kind given and told from the content: the exact
 * status and message, the bad row in the report, nothing written. */
START_TEST(test_bad_file_strict)
{
	const struct bad_case *c = &cases[_i];
	char path[1024];
	char *before = tu_sql_dump(db_path), *after;
	pcreg_import_report *r = NULL;
	int pass;

	path_of(c, path, sizeof path);
	for (pass = 0; pass < 2; pass++) {
		int kind = pass == 0 ? c->kind : PCREG_IMPORT_AUTO;
		const char *message = pass == 1 && c->auto_message ? c->auto_message : c->message;

		assert_failed(import(path, kind, PCREG_IMPORT_STRICT, &r), c->status, message);
		if (!c->whole_file) {
			ck_assert_ptr_nonnull(r);
			ck_assert_int_eq(pcreg_import_report_id(r), 0);
			ck_assert_int_eq(pcreg_import_report_kind(r), c->kind);
			ck_assert_str_eq(pcreg_import_report_file(r), c->file);
			ck_assert_int_eq(pcreg_import_report_rows_read(r), c->strict_rows);
			ck_assert_int_eq(pcreg_import_report_rejected(r), 1);
			ck_assert_int_eq(pcreg_import_report_rejections(r), 1);
			ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), c->line);
			if (c->field)
				ck_assert_str_eq(pcreg_import_report_rejection_field(r, 0), c->field);
			else
				ck_assert_ptr_null(pcreg_import_report_rejection_field(r, 0));
			ck_assert_str_eq(pcreg_import_report_rejection_reason(r, 0), c->reason);
		}
		pcreg_import_report_free(r);
		r = NULL;
		after = tu_sql_dump(db_path);
		ck_assert_msg(strcmp(before, after) == 0, "%s changed the registry", c->file);
		free(after);
	}
	free(before);
}
END_TEST

/* Lenient: the good rows are in, the bad one is reported and journaled;
 * a file refused as a whole is refused alike and changes nothing. */
START_TEST(test_bad_file_lenient)
{
	const struct bad_case *c = &cases[_i];
	char path[1024];
	char *before = tu_sql_dump(db_path), *after;
	pcreg_import_report *r = NULL;
	char journal[1024];
	int64_t id;

	path_of(c, path, sizeof path);
	if (c->whole_file) {
		assert_failed(import(path, c->kind, PCREG_IMPORT_LENIENT, &r), c->status, c->message);
		ck_assert_int_eq(pcreg_import_report_id(r), 0);
		pcreg_import_report_free(r);
		after = tu_sql_dump(db_path);
		ck_assert_msg(strcmp(before, after) == 0, "%s changed the registry", c->file);
		free(after);
		free(before);
		return;
	}
	ck_assert_msg(import(path, c->kind, PCREG_IMPORT_LENIENT, &r) == PCREG_OK, "%s: %s", c->file,
	              pcreg_db_errmsg(db));
	/* (The dump does see a change.) */
	after = tu_sql_dump(db_path);
	ck_assert_msg(strcmp(before, after) != 0, "%s changed nothing", c->file);
	free(after);
	free(before);
	id = pcreg_import_report_id(r);
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), c->rows);
	ck_assert_int_eq(pcreg_import_report_inserted(r), c->inserted);
	ck_assert_int_eq(pcreg_import_report_updated(r), c->updated);
	ck_assert_int_eq(pcreg_import_report_unchanged(r), c->unchanged);
	ck_assert_int_eq(pcreg_import_report_skipped(r), c->skipped);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 1);
	ck_assert_int_eq(pcreg_import_report_rows_read(r),
	                 pcreg_import_report_inserted(r) + pcreg_import_report_updated(r) +
	                         pcreg_import_report_unchanged(r) + pcreg_import_report_skipped(r) +
	                         pcreg_import_report_rejected(r));
	ck_assert_int_eq(pcreg_import_report_rejections(r), 1);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), c->line);
	if (c->field)
		ck_assert_str_eq(pcreg_import_report_rejection_field(r, 0), c->field);
	else
		ck_assert_ptr_null(pcreg_import_report_rejection_field(r, 0));
	ck_assert_str_eq(pcreg_import_report_rejection_reason(r, 0), c->reason);
	/* Past the end: nothing. */
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 1), 0);
	ck_assert_ptr_null(pcreg_import_report_rejection_field(r, 1));
	ck_assert_ptr_null(pcreg_import_report_rejection_reason(r, -1));
	pcreg_import_report_free(r);

	snprintf(journal, sizeof journal, "%s|%s", c->field ? c->field : "-", c->reason);
	ck_assert_str_eq(journaled_rejection(id, c->line), journal);
	{
		char sql[256];

		snprintf(sql, sizeof sql,
		         "SELECT (SELECT count(*) FROM import_rejection WHERE import_id = %lld) = 1"
		         " AND rows_read = %lld AND rejected = 1 AND mode = 'lenient'"
		         " AND finished_at IS NOT NULL FROM import WHERE id = %lld",
		         (long long)id, (long long)c->rows, (long long)id);
		ck_assert_int_eq(count_where(sql), 1);
	}
	ck_assert_msg(count_where(c->kept) == 1, "%s: %s", c->file, c->kept);
}
END_TEST

/* An epraccur into an empty registry is a bulk load: indexes and
 * triggers are dropped and made again at the end. A refusal must bring
 * them back too. */
START_TEST(test_bad_bulk_load_restores_schema)
{
	char *before, *after;
	pcreg_import_report *r = NULL;

	tu_add_commissioner(db, "99F", "NHS Fictional Vale CCG");
	before = tu_sql_dump(db_path);
	assert_failed(import(BAD "epraccur-unknown-status.csv", 0, PCREG_IMPORT_STRICT, &r),
	              PCREG_INVALID,
	              BAD "epraccur-unknown-status.csv:2: Status Code: \"X\" is not A, C, D or P");
	pcreg_import_report_free(r);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
	/* And the same load, lenient, keeps both good rows with every index. */
	ck_assert_int_eq(import(BAD "epraccur-unknown-status.csv", 0, PCREG_IMPORT_LENIENT, &r),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 2);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 1);
	pcreg_import_report_free(r);
	ck_assert_int_eq(count_where("SELECT count(*) FROM sqlite_schema WHERE name IN"
	                             " ('practice_by_postcode', 'practice_search_insert',"
	                             " 'practice_commissioner_members', 'change_by_code')"),
	                 4);
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice_search"
	                             " WHERE practice_search MATCH 'pretend'"),
	                 1);
}
END_TEST

/* The report keeps the first thousand rejections; the journal, all. */
START_TEST(test_many_rejections)
{
	const char *path = tu_path("many-bad-rows.csv");
	static const char header[] = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,"
	                             "POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";
	static const char row[] = "GP_PRAC_PAT_LIST,01JAN2021,GP,99F,E38000999,F81001,FX1 1AA,ALL,"
	                          "ALL,many\n";
	size_t n = 1002, size = sizeof header - 1 + n * (sizeof row - 1), i;
	char *text = malloc(size), *p = text;
	pcreg_import_report *r = NULL;
	char sql[128];

	ck_assert_ptr_nonnull(text);
	memcpy(p, header, sizeof header - 1);
	p += sizeof header - 1;
	for (i = 0; i < n; i++, p += sizeof row - 1)
		memcpy(p, row, sizeof row - 1);
	tu_write_file(path, text, size);
	free(text);
	ck_assert_int_eq(import(path, PCREG_IMPORT_LIST_SIZE, PCREG_IMPORT_LENIENT, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 1002);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 1002);
	ck_assert_int_eq(pcreg_import_report_rejections(r), 1000);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 999), 1001);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 1000), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM import_rejection WHERE import_id = %lld",
	         (long long)pcreg_import_report_id(r));
	ck_assert_int_eq(count_where(sql), 1002);
	ck_assert_int_eq(count_where("SELECT max(line) FROM import_rejection"), 1003);
	pcreg_import_report_free(r);
}
END_TEST

/* ---- files that are fine ------------------------------------------------------------------ */

/* CRLF ends no field with a \r; a byte order mark does not hide the
 * header's first name. */
START_TEST(test_crlf_and_bom_are_fine)
{
	pcreg_import_report *r = NULL;
	pcreg_practice *p = NULL;
	pcreg_list_size *size = NULL;
	pcreg_import_kind_value kind = PCREG_IMPORT_AUTO;

	ck_assert_int_eq(pcreg_import_detect(db, BAD "fine-crlf-epraccur.csv", &kind), PCREG_OK);
	ck_assert_int_eq(kind, PCREG_IMPORT_EPRACCUR);
	ck_assert_msg(pcreg_import_auto(db, BAD "fine-crlf-epraccur.csv", PCREG_IMPORT_STRICT, &r) ==
	                      PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
	pcreg_import_report_free(r);
	ck_assert_int_eq(pcreg_practice_get(db, "F81002", &p), PCREG_OK);
	ck_assert_str_eq(pcreg_practice_name(p), "IMAGINARY LANE PRACTICE");
	ck_assert_str_eq(pcreg_practice_postcode(p), "FX2 2BB");
	ck_assert_str_eq(pcreg_practice_phone(p), "01000 000002");
	ck_assert_int_eq(pcreg_practice_prescribing_setting(p), 4);
	ck_assert_str_eq(pcreg_practice_open_date(p), "1990-01-01");
	pcreg_practice_free(p);

	ck_assert_int_eq(pcreg_import_detect(db, BAD "fine-bom-gp-reg-pat-prac-all.csv", &kind),
	                 PCREG_OK);
	ck_assert_int_eq(kind, PCREG_IMPORT_LIST_SIZE);
	ck_assert_msg(pcreg_import_auto(db, BAD "fine-bom-gp-reg-pat-prac-all.csv",
	                                PCREG_IMPORT_STRICT, &r) == PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_inserted(r), 1);
	pcreg_import_report_free(r);
	ck_assert_int_eq(pcreg_list_size_get(db, "F81001", "2021-01-01", &size), PCREG_OK);
	ck_assert_int_eq(pcreg_list_size_registered(size), 5123);
	pcreg_list_size_free(size);
}
END_TEST

/* ---- the API's own checks -------------------------------------------------------------- */

START_TEST(test_arguments)
{
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;
	pcreg_import *imp = NULL;
	pcreg_import_kind_value kind = PCREG_IMPORT_EPRACCUR;
	const char *good = GOOD "eccg.csv";
	char *before = tu_sql_dump(db_path), *after;

	ck_assert_int_eq(pcreg_import_options_init(NULL, PCREG_IMPORT_OPTIONS_VERSION), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_import_options_init(&opts, PCREG_IMPORT_OPTIONS_VERSION + 1),
	                 PCREG_MISUSE);
	opts.kind = 7;
	opts.mode = 1;
	ck_assert_int_eq(pcreg_import_options_init(&opts, PCREG_IMPORT_OPTIONS_VERSION), PCREG_OK);
	ck_assert_int_eq(opts.version, PCREG_IMPORT_OPTIONS_VERSION);
	ck_assert_int_eq(opts.kind, PCREG_IMPORT_AUTO);
	ck_assert_int_eq(opts.mode, PCREG_IMPORT_STRICT);

	ck_assert_int_eq(pcreg_import_detect(NULL, good, &kind), PCREG_MISUSE);
	assert_failed(pcreg_import_detect(db, NULL, &kind), PCREG_MISUSE,
	              "pcreg_import_detect: path is NULL");
	assert_failed(pcreg_import_detect(db, good, NULL), PCREG_MISUSE,
	              "pcreg_import_detect: out is NULL");
	assert_failed(pcreg_import_detect(db, BAD "no-such-file.csv", &kind), PCREG_NOTFOUND,
	              BAD "no-such-file.csv: no such file");
	assert_failed(pcreg_import_detect(db, BAD, &kind), PCREG_IO, BAD ": is a directory");
	ck_assert_int_eq(kind, PCREG_IMPORT_EPRACCUR);

	ck_assert_int_eq(pcreg_import_open(NULL, good, NULL, &imp), PCREG_MISUSE);
	assert_failed(pcreg_import_open(db, NULL, NULL, &imp), PCREG_MISUSE,
	              "pcreg_import_open: path is NULL");
	ck_assert_ptr_null(imp);
	assert_failed(pcreg_import_open(db, good, NULL, NULL), PCREG_MISUSE,
	              "pcreg_import_open: out is NULL");
	opts.version = 99;
	assert_failed(pcreg_import_open(db, good, &opts, &imp), PCREG_MISUSE,
	              "pcreg_import_open: options version 99 is not one this library knows");
	opts.version = PCREG_IMPORT_OPTIONS_VERSION;
	opts.kind = 14;
	assert_failed(pcreg_import_open(db, good, &opts, &imp), PCREG_INVALID,
	              "options.kind: 14 is not a kind of file");
	/* A CSV file named as ODS XML. */
	opts.kind = PCREG_IMPORT_ODS_XML;
	ck_assert_int_eq(pcreg_import_open(db, good, &opts, &imp), PCREG_INVALID);
	ck_assert_msg(strstr(pcreg_db_errmsg(db), ": not ODS XML"), "%s", pcreg_db_errmsg(db));
	ck_assert_ptr_null(imp);
	opts.kind = -1;
	assert_failed(pcreg_import_open(db, good, &opts, &imp), PCREG_INVALID,
	              "options.kind: -1 is not a kind of file");
	opts.kind = 0;
	opts.mode = 2;
	assert_failed(pcreg_import_open(db, good, &opts, &imp), PCREG_INVALID,
	              "options.mode: 2 is not strict or lenient");
	opts.mode = 0;
	assert_failed(pcreg_import_open(db, BAD "no-such-file.csv", &opts, &imp), PCREG_NOTFOUND,
	              BAD "no-such-file.csv: no such file");
	opts.kind = PCREG_IMPORT_ECCG;
	assert_failed(pcreg_import_open(db, BAD "no-such-file.csv", &opts, &imp), PCREG_NOTFOUND,
	              BAD "no-such-file.csv: no such file");
	assert_failed(pcreg_import_open(db, BAD, &opts, &imp), PCREG_IO, BAD ": is a directory");
	ck_assert_ptr_null(imp);

	ck_assert_int_eq(pcreg_import_step(NULL, 0), PCREG_MISUSE);
	ck_assert_int_eq(pcreg_import_bytes_read(NULL), 0);
	ck_assert_int_eq(pcreg_import_bytes_total(NULL), 0);
	ck_assert_ptr_null(pcreg_import_get_report(NULL));
	pcreg_import_free(NULL);

	ck_assert_int_eq(pcreg_import_file(NULL, good, NULL, &r), PCREG_MISUSE);
	assert_failed(pcreg_import_file(db, good, NULL, NULL), PCREG_MISUSE,
	              "pcreg_import_file: out is NULL");
	assert_failed(pcreg_import_file(db, NULL, NULL, &r), PCREG_MISUSE,
	              "pcreg_import_open: path is NULL");
	ck_assert_ptr_null(r);
	opts.version = 0;
	assert_failed(pcreg_import_file(db, good, &opts, &r), PCREG_MISUSE,
	              "pcreg_import_open: options version 0 is not one this library knows");
	ck_assert_ptr_null(r);

	ck_assert_int_eq(pcreg_import_auto(NULL, good, PCREG_IMPORT_STRICT, &r), PCREG_MISUSE);
	assert_failed(pcreg_import_auto(db, good, PCREG_IMPORT_STRICT, NULL), PCREG_MISUSE,
	              "pcreg_import_file: out is NULL");
	assert_failed(pcreg_import_auto(db, NULL, PCREG_IMPORT_STRICT, &r), PCREG_MISUSE,
	              "pcreg_import_open: path is NULL");
	assert_failed(pcreg_import_auto(db, good, -1, &r), PCREG_INVALID,
	              "options.mode: -1 is not strict or lenient");
	ck_assert_ptr_null(r);

	pcreg_import_report_free(NULL);
	ck_assert_int_eq(pcreg_import_report_id(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_kind(NULL), PCREG_IMPORT_AUTO);
	ck_assert_ptr_null(pcreg_import_report_file(NULL));
	ck_assert_int_eq(pcreg_import_report_rows_read(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_inserted(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_updated(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_unchanged(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_skipped(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_rejected(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_skip_reasons(NULL), 0);
	ck_assert_ptr_null(pcreg_import_report_skip_reason(NULL, 0));
	ck_assert_int_eq(pcreg_import_report_skip_count(NULL, 0), 0);
	ck_assert_int_eq(pcreg_import_report_omission_reasons(NULL), 0);
	ck_assert_ptr_null(pcreg_import_report_omission_reason(NULL, 0));
	ck_assert_int_eq(pcreg_import_report_omission_count(NULL, 0), 0);
	ck_assert_int_eq(pcreg_import_report_rejections(NULL), 0);
	ck_assert_int_eq(pcreg_import_report_rejection_line(NULL, 0), 0);
	ck_assert_ptr_null(pcreg_import_report_rejection_field(NULL, 0));
	ck_assert_ptr_null(pcreg_import_report_rejection_reason(NULL, 0));

	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
}
END_TEST

/* A registry opened read-only takes no import. */
START_TEST(test_readonly)
{
	pcreg_import_report *r = NULL;
	pcreg_import *imp = NULL;
	pcreg_import_kind_value kind = PCREG_IMPORT_AUTO;
	pcreg_db_close(db);
	db = tu_open(db_path, PCREG_OPEN_READONLY);
	tu_assert_status(db, pcreg_import_auto(db, GOOD "eccg.csv", PCREG_IMPORT_STRICT, &r),
	                 PCREG_READONLY, ": opened read-only");
	ck_assert_ptr_null(r);
	tu_assert_status(db, pcreg_import_open(db, GOOD "eccg.csv", NULL, &imp), PCREG_READONLY,
	                 ": opened read-only");
	ck_assert_ptr_null(imp);
	/* Telling a kind writes nothing. */
	ck_assert_int_eq(pcreg_import_detect(db, GOOD "eccg.csv", &kind), PCREG_OK);
	ck_assert_int_eq(kind, PCREG_IMPORT_ECCG);
}
END_TEST

START_TEST(test_kind_words)
{
	static const char *const words[] = {
		"auto",         "epraccur",  "eccg",     "icb-names", "practice-map",
		"succ",         "pcn-details", "pcn-partners", "list-size", "payments",
		"cqc",          "registry-csv", "registry-jsonl", "ods-xml",
	};
	int k;

	for (k = 0; k <= PCREG_IMPORT_REGISTRY_JSONL; k++) {
		char upper[32];
		size_t i;

		ck_assert_str_eq(pcreg_import_kind_str((pcreg_import_kind_value)k), words[k]);
		ck_assert_int_eq(pcreg_import_kind_parse(words[k]), k);
		for (i = 0; words[k][i] && i < sizeof upper - 1; i++)
			upper[i] = (char)(words[k][i] >= 'a' && words[k][i] <= 'z' ? words[k][i] - 32
			                                                          : words[k][i]);
		upper[i] = '\0';
		ck_assert_int_eq(pcreg_import_kind_parse(upper), k);
	}
	ck_assert_ptr_null(pcreg_import_kind_str((pcreg_import_kind_value)14));
	ck_assert_ptr_null(pcreg_import_kind_str((pcreg_import_kind_value)-1));
	ck_assert_int_eq(pcreg_import_kind_parse(NULL), -1);
	ck_assert_int_eq(pcreg_import_kind_parse(""), -1);
	ck_assert_int_eq(pcreg_import_kind_parse("epraccur.csv"), -1);
	ck_assert_int_eq(pcreg_import_kind_parse("list size"), -1);
}
END_TEST

/* ---- good files -------------------------------------------------------------------------- */

static const struct {
	const char *file;
	pcreg_import_kind_value kind;
	int64_t rows;
} good_files[] = {
	/* In an order each can be imported in, into an empty registry. */
	{ "icb_names_codes_dec_2024.csv", PCREG_IMPORT_ICB_NAMES, 2 },
	{ "eccg.csv", PCREG_IMPORT_ECCG, 3 },
	{ "epraccur.csv", PCREG_IMPORT_EPRACCUR, 4 },
	{ "succ.csv", PCREG_IMPORT_SUCC, 1 },
	{ "gp-reg-pat-prac-map.csv", PCREG_IMPORT_PRACTICE_MAP, 2 },
	{ "ePCN_PCNDetails.csv", PCREG_IMPORT_PCN_DETAILS, 2 },
	{ "ePCN_PCN_Core_Partner_Details.csv", PCREG_IMPORT_PCN_PARTNERS, 2 },
	{ "gp-reg-pat-prac-all.csv", PCREG_IMPORT_LIST_SIZE, 2 },
	{ "gp-reg-pat-prac-all-sub-icb.csv", PCREG_IMPORT_LIST_SIZE, 2 },
	{ "nhspaymentsgp-16-17-prac-csv.csv", PCREG_IMPORT_PAYMENTS, 2 },
	{ "cqc-latest-ratings.csv", PCREG_IMPORT_CQC, 6 },
	{ "registry-commissioner.csv", PCREG_IMPORT_REGISTRY_CSV, 1 },
	{ "registry-network.jsonl", PCREG_IMPORT_REGISTRY_JSONL, 1 },
	{ "HSCOrgRefData_Full.xml", PCREG_IMPORT_ODS_XML, 9 },
	{ "epraccur.zip", PCREG_IMPORT_EPRACCUR, 4 }, /* epraccur.csv, zipped as ODS ships it */
};

#define N_GOOD ((int)(sizeof good_files / sizeof good_files[0]))

START_TEST(test_detect_each_kind)
{
	char path[1024];
	pcreg_import_kind_value kind = PCREG_IMPORT_AUTO;

	snprintf(path, sizeof path, "%s%s", GOOD, good_files[_i].file);
	ck_assert_msg(pcreg_import_detect(db, path, &kind) == PCREG_OK, "%s",
	              pcreg_db_errmsg(db));
	ck_assert_msg(kind == good_files[_i].kind, "%s: %s, expected %s", good_files[_i].file,
	              pcreg_import_kind_str(kind), pcreg_import_kind_str(good_files[_i].kind));
}
END_TEST

/* An ODS XML organisation with a value that cannot be read is one bad
 * row: strict fails naming its line and element, lenient leaves it out. */
START_TEST(test_ods_xml_bad_value_is_one_row)
{
	static const char path[] = PCREG_SOURCE_DIR "/tests/data/ods-xml/bad/impossible-date.xml";
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_report *r = NULL;

	opts.mode = PCREG_IMPORT_STRICT;
	ck_assert_int_eq(pcreg_import_file(db, path, &opts, &r), PCREG_INVALID);
	ck_assert_msg(strstr(pcreg_db_errmsg(db),
	                     "impossible-date.xml:34: Start: \"2021-02-30\" is not a real date"),
	              "%s", pcreg_db_errmsg(db));
	pcreg_import_report_free(r);
	r = NULL;
	ck_assert_int_eq(count_where("SELECT count(*) FROM import"), 0);
	opts.mode = PCREG_IMPORT_LENIENT;
	ck_assert_msg(pcreg_import_file(db, path, &opts, &r) == PCREG_OK, "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 1);
	ck_assert_int_eq(pcreg_import_report_rejected(r), 1);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), 34);
	ck_assert_str_eq(pcreg_import_report_rejection_field(r, 0), "Start");
	pcreg_import_report_free(r);
}
END_TEST

/* ODS ships the full file and the archive in one zip: a record that is a
 * stub (refOnly) in one is complete in the other. Loaded zipped or as the
 * two files, the registry holds both halves. */
START_TEST(test_ods_xml_full_and_archive)
{
	static const char *const forms[][2] = {
		{ "HSCOrgRefData_20250106.zip", NULL },
		{ "HSCOrgRefData_Full_20250106.xml", "HSCOrgRefData_Archive_20250106.xml" },
	};
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	int f, i;

	opts.mode = PCREG_IMPORT_STRICT;
	for (f = 0; f < 2; f++) {
		int64_t rejected = 0;

		if (f) {
			teardown();
			open_empty();
		}
		for (i = 0; i < 2 && forms[f][i]; i++) {
			char path[1024];
			pcreg_import_report *r = NULL;

			snprintf(path, sizeof path, "%s/tests/data/ods-xml/%s", PCREG_SOURCE_DIR,
			         forms[f][i]);
			ck_assert_msg(pcreg_import_file(db, path, &opts, &r) == PCREG_OK, "%s",
			              pcreg_db_errmsg(db));
			ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_ODS_XML);
			rejected += pcreg_import_report_rejected(r);
			pcreg_import_report_free(r);
		}
		ck_assert_int_eq(rejected, 0);
		/* F81002 from the archive (a stub in the full file), closed in 2019. */
		ck_assert_int_eq(count_where("SELECT count(*) FROM practice WHERE code = 'F81002'"
		                             " AND name = 'THE ELM SURGERY' AND status = 'closed'"),
		                 1);
		/* 99F from the full file (a stub in the archive). */
		ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner WHERE code = '99F'"
		                             " AND name = 'NHS MADE-UP CCG'"),
		                 1);
		ck_assert_int_eq(count_where("SELECT count(*) FROM practice_commissioner"
		                             " WHERE practice = 'F81002' AND commissioner = '99F'"
		                             " AND from_date = '2013-04-01' AND to_date = '2019-03-31'"
		                             " AND certainty = 'stated'"),
		                 1);
		/* A prescribing cost centre without the GP practice role is none. */
		ck_assert_int_eq(count_where("SELECT count(*) FROM practice WHERE code = 'F81003'"), 0);
		/* 99F's parent, described after it in the full file. */
		ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner WHERE code = '97H'"
		                             " AND parent = 'QF1'"),
		                 1);
	}
}
END_TEST

/* The release an import was. */
static int64_t release_of(int64_t import_id)
{
	pcreg_import_entry *e = NULL;
	int64_t id;

	ck_assert_int_eq(pcreg_journal_import_get(db, import_id, &e), PCREG_OK);
	id = pcreg_import_entry_release_id(e);
	pcreg_import_entry_free(e);
	ck_assert_int_gt(id, 0);
	return id;
}

/* The good ePCN workbook holds the rows of the good ePCN CSVs: after them,
 * each sheet is the same release and changes nothing; its kind cannot be
 * told (two sheets, two kinds), and a kind without a sheet is refused. */
START_TEST(test_good_workbook_is_its_csvs)
{
	static const char *const csvs[] = { "icb_names_codes_dec_2024.csv", "eccg.csv",
		                            "epraccur.csv", "ePCN_PCNDetails.csv",
		                            "ePCN_PCN_Core_Partner_Details.csv" };
	static const pcreg_import_kind_value sheets[] = { PCREG_IMPORT_PCN_DETAILS,
		                                          PCREG_IMPORT_PCN_PARTNERS };
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import_kind_value kind = PCREG_IMPORT_AUTO;
	pcreg_import_report *r = NULL;
	int64_t release[2];
	size_t i;

	for (i = 0; i < sizeof csvs / sizeof csvs[0]; i++) {
		char path[1024];

		snprintf(path, sizeof path, "%s%s", GOOD, csvs[i]);
		ck_assert_msg(pcreg_import_auto(db, path, PCREG_IMPORT_STRICT, &r) == PCREG_OK, "%s",
		              pcreg_db_errmsg(db));
		if (i >= 3)
			release[i - 3] = release_of(pcreg_import_report_id(r));
		pcreg_import_report_free(r);
		r = NULL;
	}
	for (i = 0; i < 2; i++) {
		opts.kind = sheets[i];
		ck_assert_msg(pcreg_import_file(db, GOOD "ePCN.xlsx", &opts, &r) == PCREG_OK, "%s",
		              pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
		ck_assert_int_eq(pcreg_import_report_unchanged(r), 2);
		ck_assert_int_eq(release_of(pcreg_import_report_id(r)), release[i]);
		pcreg_import_report_free(r);
		r = NULL;
	}
	ck_assert_int_eq(pcreg_import_detect(db, GOOD "ePCN.xlsx", &kind), PCREG_INVALID);
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "ePCN.xlsx: an ePCN workbook holds two kinds"),
	              "%s", pcreg_db_errmsg(db));
	opts.kind = PCREG_IMPORT_EPRACCUR;
	ck_assert_int_eq(pcreg_import_file(db, GOOD "ePCN.xlsx", &opts, &r), PCREG_INVALID);
	ck_assert_msg(strstr(pcreg_db_errmsg(db), "a workbook: this library reads ePCN's"), "%s",
	              pcreg_db_errmsg(db));
	pcreg_import_report_free(r);
}
END_TEST

/* Every good file goes in whole; a second time it changes nothing. */
START_TEST(test_good_files_import)
{
	int i, pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < N_GOOD; i++) {
			char path[1024];
			pcreg_import_report *r = NULL;

			snprintf(path, sizeof path, "%s%s", GOOD, good_files[i].file);
			ck_assert_msg(pcreg_import_auto(db, path, PCREG_IMPORT_STRICT, &r) == PCREG_OK,
			              "%s", pcreg_db_errmsg(db));
			ck_assert_int_eq(pcreg_import_report_kind(r), good_files[i].kind);
			ck_assert_int_eq(pcreg_import_report_rows_read(r), good_files[i].rows);
			ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
			if (pass == 1) {
				ck_assert_msg(pcreg_import_report_inserted(r) == 0 &&
				                      pcreg_import_report_updated(r) == 0,
				              "%s changed on a second import", good_files[i].file);
			}
			pcreg_import_report_free(r);
		}
	}
	/* A few of what they said. */
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice_network WHERE practice = 'F81002'"
	                             " AND network = 'U99002' AND from_date = '2019-07-01'"),
	                 1);
	ck_assert_int_eq(count_where("SELECT count(*) FROM contract WHERE practice = 'F81002'"
	                             " AND type = 'PMS' AND start_date = '2016-04-01'"
	                             " AND end_date = '2017-03-31' AND commissioner = '99F'"),
	                 1);
	ck_assert_int_eq(count_where("SELECT registered FROM list_size WHERE practice = 'F81002'"
	                             " AND extract_date = '2022-08-01'"),
	                 8101);
	ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner WHERE code = 'F1A2B'"
	                             " AND kind = 'sub_icb' AND parent = 'QF1'"),
	                 1);
	ck_assert_int_eq(count_where("SELECT count(*) FROM other_organisation WHERE code = 'F80001'"
	                             " AND prescribing_setting = 26"),
	                 1);
	/* A later release that renames only an organisation kept aside: the
	 * importer skips writing what is unchanged, but not this. Dated as
	 * later: its own dates are the good file's, and two releases of one
	 * date are ordered by their digests. */
	{
		pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
		pcreg_import_report *r = NULL;

		opts.mode = PCREG_IMPORT_STRICT;
		opts.released = "2026-01-31";
		ck_assert_msg(pcreg_import_file(db, PCREG_SOURCE_DIR "/tests/data/later/epraccur.csv",
		                                &opts, &r) == PCREG_OK,
		              "%s", pcreg_db_errmsg(db));
		ck_assert_int_eq(pcreg_import_report_updated(r), 0);
		pcreg_import_report_free(r);
		ck_assert_int_eq(count_where("SELECT count(*) FROM other_organisation"
		                             " WHERE code = 'F80001'"
		                             " AND name = 'FICTIONAL EXTENDED ACCESS HUB (MOVED)'"),
		                 1);
	}
}
END_TEST

/* ---- the pull API ------------------------------------------------------------------------ */

static int64_t file_size(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return (int64_t)st.st_size;
}

START_TEST(test_pull)
{
	const char *path = GOOD "eccg.csv";
	pcreg_import *imp = NULL;
	const pcreg_import_report *r;
	int64_t id;

	ck_assert_int_eq(pcreg_import_open(db, path, NULL, &imp), PCREG_OK);
	ck_assert_int_eq(pcreg_import_bytes_total(imp), file_size(path));
	ck_assert_int_eq(pcreg_import_bytes_read(imp), 0);
	r = pcreg_import_get_report(imp);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(pcreg_import_report_kind(r), PCREG_IMPORT_ECCG);
	ck_assert_str_eq(pcreg_import_report_file(r), "eccg.csv");

	ck_assert_int_eq(pcreg_import_step(imp, 2), PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 2);
	ck_assert_int_gt(pcreg_import_bytes_read(imp), 0);
	ck_assert_int_le(pcreg_import_bytes_read(imp), pcreg_import_bytes_total(imp));
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	/* Nothing more to read: the next step commits. */
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_DONE);
	ck_assert_int_eq(pcreg_import_bytes_read(imp), pcreg_import_bytes_total(imp));
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	ck_assert_int_eq(pcreg_import_report_inserted(r), 2);
	ck_assert_int_eq(pcreg_import_report_updated(r), 1);
	id = pcreg_import_report_id(r);
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_DONE);
	pcreg_import_free(imp);
	ck_assert_int_eq(count_where("SELECT count(*) FROM import WHERE finished_at IS NOT NULL"
	                             " AND rows_read = 3 AND kind = 'eccg'"),
	                 1);
	ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner"), 3);
}
END_TEST

/* Freed before the end, an import is rolled back; until it ends, other
 * connections see none of it. */
START_TEST(test_pull_free_unfinished)
{
	char *before = tu_sql_dump(db_path), *during, *after;
	pcreg_import *imp = NULL;
	pcreg_import_report *r = NULL;

	ck_assert_int_eq(pcreg_import_open(db, GOOD "epraccur.csv", NULL, &imp), PCREG_OK);
	ck_assert_int_eq(pcreg_import_step(imp, 2), PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_rows_read(pcreg_import_get_report(imp)), 2);
	during = tu_sql_dump(db_path);
	ck_assert_str_eq(during, before);
	free(during);

	/* One import at a time, and the handle's transaction is its own. */
	{
		pcreg_import *second = NULL;

		assert_failed(pcreg_import_open(db, GOOD "eccg.csv", NULL, &second), PCREG_MISUSE,
		              "pcreg_import_open: another import is under way on this handle;"
		              " finish or free it first");
		ck_assert_ptr_null(second);
		assert_failed(pcreg_import_auto(db, GOOD "eccg.csv", PCREG_IMPORT_STRICT, &r),
		              PCREG_MISUSE,
		              "pcreg_import_open: another import is under way on this handle;"
		              " finish or free it first");
		ck_assert_ptr_null(r);
		assert_failed(pcreg_db_begin(db), PCREG_MISUSE,
		              "pcreg_db_begin: an import is under way; finish or free it first");
		assert_failed(pcreg_db_commit(db), PCREG_MISUSE,
		              "pcreg_db_commit: an import is under way; finish or free it first");
		assert_failed(pcreg_db_rollback(db), PCREG_MISUSE,
		              "pcreg_db_rollback: an import is under way; finish or free it first");
	}
	pcreg_import_free(imp);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);

	/* The handle is free for the next import. */
	ck_assert_msg(pcreg_import_auto(db, GOOD "epraccur.csv", PCREG_IMPORT_STRICT, &r) == PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 4);
	pcreg_import_report_free(r);
	free(before);
}
END_TEST

/* A failed step fails the import for good; it is already rolled back. */
START_TEST(test_pull_after_failure)
{
	char *before = tu_sql_dump(db_path), *after;
	pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
	pcreg_import *imp = NULL;
	const pcreg_import_report *r;

	opts.kind = PCREG_IMPORT_EPRACCUR;
	ck_assert_int_eq(pcreg_import_open(db, BAD "epraccur-unknown-status.csv", &opts, &imp),
	                 PCREG_OK);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_OK);
	assert_failed(pcreg_import_step(imp, 1), PCREG_INVALID,
	              BAD "epraccur-unknown-status.csv:2: Status Code: \"X\" is not A, C, D or P");
	r = pcreg_import_get_report(imp);
	ck_assert_int_eq(pcreg_import_report_id(r), 0);
	ck_assert_int_eq(pcreg_import_report_rejection_line(r, 0), 2);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	assert_failed(pcreg_import_step(imp, 1), PCREG_MISUSE,
	              "pcreg_import_step: the import failed");
	/* The handle is not held by it. */
	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	ck_assert_int_eq(pcreg_db_rollback(db), PCREG_OK);
	pcreg_import_free(imp);
	free(before);
}
END_TEST

/* Closing the handle under an unfinished import: the import keeps it
 * until freed, steps no more, and is rolled back. */
START_TEST(test_pull_close_unfinished)
{
	char *before = tu_sql_dump(db_path), *after;
	pcreg_import *imp = NULL;

	ck_assert_int_eq(pcreg_import_open(db, GOOD "epraccur.csv", NULL, &imp), PCREG_OK);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_OK);
	pcreg_db_close(db);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_MISUSE);
	pcreg_import_free(imp);
	db = tu_open(db_path, 0);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
}
END_TEST

/* ---- inside a caller's transaction ------------------------------------------------------- */

START_TEST(test_in_transaction_commit)
{
	pcreg_import_report *r = NULL;

	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	tu_add_practice(db, "F81009", "Made Up Corner Surgery");
	ck_assert_msg(pcreg_import_auto(db, GOOD "eccg.csv", PCREG_IMPORT_STRICT, &r) == PCREG_OK,
	              "%s", pcreg_db_errmsg(db));
	ck_assert_int_gt(pcreg_import_report_id(r), 0);
	pcreg_import_report_free(r);
	/* Nothing is visible to others until the caller commits. */
	ck_assert_int_eq(count_where("SELECT count(*) FROM import"), 0);
	ck_assert_int_eq(pcreg_db_commit(db), PCREG_OK);
	ck_assert_int_eq(count_where("SELECT count(*) FROM import WHERE rows_read = 3"), 1);
	ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner"), 3);
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice WHERE code = 'F81009'"), 1);
}
END_TEST

START_TEST(test_in_transaction_rollback)
{
	char *before = tu_sql_dump(db_path), *after;
	pcreg_import_report *r = NULL;

	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	tu_add_practice(db, "F81009", "Made Up Corner Surgery");
	ck_assert_int_eq(pcreg_import_auto(db, GOOD "eccg.csv", PCREG_IMPORT_LENIENT, &r), PCREG_OK);
	ck_assert_int_eq(pcreg_import_report_rows_read(r), 3);
	pcreg_import_report_free(r);
	ck_assert_int_eq(pcreg_db_rollback(db), PCREG_OK);
	after = tu_sql_dump(db_path);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
}
END_TEST

/* A refused import undoes only itself: the caller's own work stays in
 * the caller's transaction, to be committed. */
START_TEST(test_in_transaction_refused)
{
	pcreg_import_report *r = NULL;
	pcreg_import *imp = NULL;

	ck_assert_int_eq(pcreg_db_begin(db), PCREG_OK);
	tu_add_practice(db, "F81009", "Made Up Corner Surgery");
	assert_failed(pcreg_import_auto(db, BAD "epraccur-unknown-status.csv", PCREG_IMPORT_STRICT,
	                                &r),
	              PCREG_INVALID,
	              BAD "epraccur-unknown-status.csv:2: Status Code: \"X\" is not A, C, D or P");
	pcreg_import_report_free(r);
	/* So does one freed unfinished; a second import beside it would share
	 * its savepoint, and is refused. */
	ck_assert_int_eq(pcreg_import_open(db, GOOD "eccg.csv", NULL, &imp), PCREG_OK);
	ck_assert_int_eq(pcreg_import_step(imp, 1), PCREG_OK);
	assert_failed(pcreg_import_auto(db, GOOD "icb_names_codes_dec_2024.csv", PCREG_IMPORT_STRICT,
	                                &r),
	              PCREG_MISUSE,
	              "pcreg_import_open: another import is under way on this handle;"
	              " finish or free it first");
	pcreg_import_free(imp);
	tu_add_practice(db, "F81008", "Pretend Parade Surgery");
	ck_assert_int_eq(pcreg_db_commit(db), PCREG_OK);
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice"
	                             " WHERE code IN ('F81008', 'F81009')"),
	                 2);
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice"), 4);
	ck_assert_int_eq(count_where("SELECT count(*) FROM practice WHERE code = 'F81003'"), 0);
	ck_assert_int_eq(count_where("SELECT count(*) FROM commissioner"), 1);
	ck_assert_int_eq(count_where("SELECT count(*) FROM import"), 0);
	ck_assert_int_eq(count_where("SELECT name = 'Fictional Meadow Surgery' FROM practice"
	                             " WHERE code = 'F81001'"),
	                 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("import_bad");
	TCase *tc = tcase_create("bad files");
	TCase *api = tcase_create("api");
	TCase *empty = tcase_create("empty registry");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_bad_file_strict, 0, N_CASES);
	tcase_add_loop_test(tc, test_bad_file_lenient, 0, N_CASES);
	tcase_add_test(tc, test_many_rejections);
	tcase_add_test(tc, test_crlf_and_bom_are_fine);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(api, setup, teardown);
	tcase_add_test(api, test_arguments);
	tcase_add_test(api, test_readonly);
	tcase_add_test(api, test_kind_words);
	tcase_add_loop_test(api, test_detect_each_kind, 0, N_GOOD);
	tcase_add_test(api, test_pull);
	tcase_add_test(api, test_pull_free_unfinished);
	tcase_add_test(api, test_pull_after_failure);
	tcase_add_test(api, test_pull_close_unfinished);
	tcase_add_test(api, test_in_transaction_commit);
	tcase_add_test(api, test_in_transaction_rollback);
	tcase_add_test(api, test_in_transaction_refused);
	suite_add_tcase(s, api);

	tcase_add_checked_fixture(empty, setup_empty, teardown);
	tcase_add_test(empty, test_bad_bulk_load_restores_schema);
	tcase_add_test(empty, test_good_files_import);
	tcase_add_test(empty, test_good_workbook_is_its_csvs);
	tcase_add_test(empty, test_ods_xml_bad_value_is_one_row);
	tcase_add_test(empty, test_ods_xml_full_and_archive);
	suite_add_tcase(s, empty);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(suite());
}
