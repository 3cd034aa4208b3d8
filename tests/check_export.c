/*
 * check_export.c: export every entity, import the files into an empty
 * registry, and get the same contents: as CSV and as JSON Lines, for a
 * registry with every kind of row and for the real national data.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#define OK(call) ck_assert_msg((call) == PCREG_OK, "%s: %s", #call, pcreg_db_errmsg(db))

static pcreg_db *db;

/* Every table an export covers, each in its key's order; the practice's
 * internal rowid is not part of its contents. */
static const char *const dumps[] = {
	"SELECT * FROM commissioner ORDER BY code",
	"SELECT * FROM succession ORDER BY old_code, new_code",
	"SELECT * FROM commissioning_arrangement ORDER BY id",
	"SELECT * FROM federation ORDER BY id",
	"SELECT * FROM network ORDER BY code",
	"SELECT * FROM network_lead ORDER BY id",
	"SELECT code, name, address1, address2, address3, address4, address5, postcode, status,"
	" prescribing_setting, open_date, close_date, phone FROM practice ORDER BY code",
	/* How a period is known (schema v4) is not part of a registry export:
	 * a period loaded from one is the loader's own, written by hand. */
	"SELECT practice, commissioner, from_date, to_date FROM practice_commissioner"
	" ORDER BY practice, from_date",
	"SELECT practice, network, from_date, to_date FROM practice_network"
	" ORDER BY practice, from_date",
	"SELECT * FROM practice_federation ORDER BY practice, from_date",
	/* Nor whether a contract was derived from payments (schema v5). */
	"SELECT id, practice, federation, commissioner, type, service, start_date, end_date,"
	" pms_premium, annual_value FROM contract ORDER BY id",
	"SELECT * FROM inspection ORDER BY id",
	"SELECT * FROM list_size ORDER BY practice, extract_date",
};

/* The contents, exactly: every value with its type, doubles to 17 digits. */
static char *dump(const char *path)
{
	sqlite3 *raw = NULL;
	size_t len = 0, cap = 1 << 16, i;
	char *out = malloc(cap);

	ck_assert_int_eq(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	out[0] = '\0';
	for (i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
		sqlite3_stmt *stmt = NULL;

		ck_assert_int_eq(sqlite3_prepare_v2(raw, dumps[i], -1, &stmt, NULL), SQLITE_OK);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			int c;

			for (c = 0; c < sqlite3_column_count(stmt); c++) {
				char value[1024];

				switch (sqlite3_column_type(stmt, c)) {
				case SQLITE_NULL:
					snprintf(value, sizeof value, "N|");
					break;
				case SQLITE_INTEGER:
					snprintf(value, sizeof value, "I%lld|",
					         (long long)sqlite3_column_int64(stmt, c));
					break;
				case SQLITE_FLOAT:
					snprintf(value, sizeof value, "R%.17g|", sqlite3_column_double(stmt, c));
					break;
				default:
					snprintf(value, sizeof value, "T%s|",
					         (const char *)sqlite3_column_text(stmt, c));
				}
				while (len + strlen(value) + 2 > cap)
					out = realloc(out, cap *= 2);
				strcpy(out + len, value);
				len += strlen(value);
			}
			out[len++] = '\n';
			out[len] = '\0';
		}
		sqlite3_finalize(stmt);
	}
	sqlite3_close(raw);
	return out;
}

/* Export every entity from @p from into @p dir, import the files in the
 * listed order into a new registry, and compare. Returns how many
 * entities had no rows (their files load back too). */
static int round_trip(const char *from, const char *to, pcreg_export_format_value format)
{
	pcreg_db *source = tu_open(from, 0), *target;
	char *before, *after;
	int i, empty_files = 0;

	unlink(to);
	target = tu_open(to, PCREG_OPEN_CREATE);
	for (i = 0; i < pcreg_export_entity_count(); i++) {
		char file[600];
		pcreg_import_report *r = NULL;
		pcreg_import_options opts = PCREG_IMPORT_OPTIONS_INIT;
		pcreg_status st;

		snprintf(file, sizeof file, "%s.%s.%s", to, pcreg_export_entity_name(i),
		         format == PCREG_EXPORT_CSV ? "csv" : "jsonl");
		st = pcreg_export_file(source, pcreg_export_entity_name(i), format, file);
		ck_assert_msg(st == PCREG_OK, "%s", pcreg_db_errmsg(source));
		/* An entity with no rows exports only a header (CSV) or nothing
		 * (JSON Lines); both load back, though an empty file's kind
		 * must be named, since nothing in it tells. */
		if (format == PCREG_EXPORT_JSONL) {
			struct stat sb;

			if (stat(file, &sb) == 0 && sb.st_size == 0) {
				empty_files++;
				opts.kind = PCREG_IMPORT_REGISTRY_JSONL;
			}
		}
		st = pcreg_import_file(target, file, &opts, &r);
		ck_assert_msg(st == PCREG_OK, "%s: %s", file, pcreg_db_errmsg(target));
		ck_assert_int_eq(pcreg_import_report_kind(r), format == PCREG_EXPORT_CSV
		                                                      ? PCREG_IMPORT_REGISTRY_CSV
		                                                      : PCREG_IMPORT_REGISTRY_JSONL);
		ck_assert_int_eq(pcreg_import_report_rejected(r), 0);
		if (format == PCREG_EXPORT_CSV && pcreg_import_report_rows_read(r) == 0)
			empty_files++;
		pcreg_import_report_free(r);
	}
	pcreg_db_close(source);
	pcreg_db_close(target);
	before = dump(from);
	after = dump(to);
	ck_assert_msg(strlen(before) > 100, "nothing was exported");
	ck_assert_msg(strcmp(before, after) == 0, "contents differ after the round trip (%zu and %zu"
	                                          " bytes)",
	              strlen(before), strlen(after));
	free(before);
	free(after);
	return empty_files;
}

/* Every kind of row, with the awkward values: quotes and commas, a
 * negative premium, fractional weighted lists, a commissioner exported
 * before its parent. */
static void fixture(const char *path)
{
	unlink(path);
	db = tu_open(path, PCREG_OPEN_CREATE);
	pcreg_db_close(db);
	db = NULL;
	tu_sql(path,
	       "PRAGMA foreign_keys = ON; BEGIN;"
	       "INSERT INTO commissioner VALUES ('QMF', 'icb', 'NHS North East London ICB',"
	       " 'E54000029', 'Y56', NULL, '2022-07-01', NULL);"
	       "INSERT INTO commissioner VALUES ('07L', 'ccg', 'NHS Barking and Dagenham CCG',"
	       " 'E38000004', 'Y56', 'QMF', '2013-04-01', '2021-03-31');"
	       "INSERT INTO commissioner VALUES ('Y56', 'region', 'London', NULL, NULL, NULL, NULL,"
	       " NULL);"
	       "INSERT INTO succession VALUES ('07L', 'A3A8R', '2021-04-01');"
	       "INSERT INTO commissioning_arrangement VALUES (5, '07L', 'joint', '2015-04-01',"
	       " '2016-03-31'), (9, '07L', 'delegated', '2016-04-01', NULL);"
	       "INSERT INTO federation VALUES ('together-first', 'Together First', 'Barking and"
	       " Dagenham');"
	       "INSERT INTO network VALUES ('bd-north', 'local', 'North (Chadwell Heath)', '07L',"
	       " '2016-04-01', NULL), ('U00001', 'pcn', 'Fictional \"Riverside\", PCN', '07L',"
	       " '2019-07-01', NULL);"
	       "INSERT INTO network_lead VALUES (3, 'bd-north', 'Dr Amit Sharma', 'network lead',"
	       " '2016-04-01', NULL);"
	       "INSERT INTO practice (code, name, address1, address2, postcode, status,"
	       " prescribing_setting, open_date, close_date, phone) VALUES"
	       " ('F81001', 'The \"Quoted\" Surgery, Upstairs', '1, High Street', ' leading space',"
	       " 'RM1 3AE', 'active', 4, '1990-01-01', NULL, '01708 000000'),"
	       " ('F81002', 'Fictional Closed Surgery', NULL, NULL, NULL, 'closed', 4, '1980-01-01',"
	       " '2016-12-31', NULL);"
	       "INSERT INTO practice_commissioner (practice, commissioner, from_date, to_date) VALUES ('F81001', '07L', '2013-04-01', NULL),"
	       " ('F81002', '07L', '2013-04-01', '2016-12-31');"
	       "INSERT INTO practice_network (practice, network, from_date, to_date) VALUES ('F81001', 'bd-north', '2016-04-01', '2019-06-30'),"
	       " ('F81001', 'U00001', '2019-07-01', NULL);"
	       "INSERT INTO practice_federation VALUES ('F81001', 'together-first', '2016-04-01',"
	       " NULL);"
	       "INSERT INTO contract (id, practice, federation, commissioner, type, service,"
	       " start_date, end_date, pms_premium, annual_value) VALUES (1, 'F81001', NULL, '07L',"
	       " 'PMS', NULL, '2014-04-01', NULL, -216, 102000000), (2, NULL, 'together-first',"
	       " '07L', 'OTHER', 'Extended access hubs', '2015-12-01', '2018-03-31', NULL, NULL);"
	       "INSERT INTO inspection VALUES (4, 'F81001', '1-101681212', '2016-01-10', '2016-03-01',"
	       " 'requires_improvement', 'good', 'requires_improvement', 'good', 'good', 'outstanding',"
	       " 'https://www.cqc.org.uk/location/1-101681212?a=1,b=2'), (5, 'F81002', NULL,"
	       " '2016-06-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
	       "INSERT INTO list_size VALUES ('F81001', '2021-01-01', 12000, 12240.000000000002),"
	       " ('F81001', '2022-01-01', 12100, 0.1), ('F81002', '2016-01-01', 900, NULL);"
	       "COMMIT;");
}

START_TEST(test_round_trip_csv)
{
	const char *from = tu_path("export-source.db");

	fixture(from);
	round_trip(from, tu_path("export-csv.db"), PCREG_EXPORT_CSV);
}
END_TEST

START_TEST(test_round_trip_jsonl)
{
	const char *from = tu_path("export-source-j.db");

	fixture(from);
	round_trip(from, tu_path("export-jsonl.db"), PCREG_EXPORT_JSONL);
}
END_TEST

/* The whole national data set, out and back in. */
START_TEST(test_round_trip_real_data)
{
	static const char *const files[] = {
		"ccg/icb_names_codes_dec_2024.csv", "ccg/eccg.csv", "ccg/succ.csv",
		"epraccur/epraccur.csv", "pcn/ePCN_PCNDetails.csv",
		"pcn/ePCN_PCN_Core_Partner_Details.csv", "pcn/gp-reg-pat-prac-map.csv",
		"listsize/gp-reg-pat-prac-all.csv", "contracts/nhspaymentsgp-22-23-prac-csv.csv",
	};
	const char *from = tu_path("export-real.db");
	size_t i;

	unlink(from);
	db = tu_open(from, PCREG_OPEN_CREATE);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		pcreg_import_report *r = NULL;

		OK(pcreg_import_file(db, tu_shared_data_file(files[i]), NULL, &r));
		pcreg_import_report_free(r);
	}
	pcreg_db_close(db);
	/* No national file has federations or inspections: those go out
	 * empty and must come back. */
	ck_assert_int_gt(round_trip(from, tu_path("export-real-csv.db"), PCREG_EXPORT_CSV), 0);
	ck_assert_int_gt(round_trip(from, tu_path("export-real-jsonl.db"), PCREG_EXPORT_JSONL), 0);
}
END_TEST

START_TEST(test_lines_and_errors)
{
	pcreg_export *ex = NULL;
	const char *line;
	const char *path = tu_path("export-lines.db");

	fixture(path);
	db = tu_open(path, 0);
	OK(pcreg_export_open(db, "network", PCREG_EXPORT_CSV, &ex));
	OK(pcreg_export_next(ex, &line));
	ck_assert_str_eq(line, "code,kind,name,commissioner,open_date,close_date");
	OK(pcreg_export_next(ex, &line));
	ck_assert_str_eq(line, "U00001,pcn,\"Fictional \"\"Riverside\"\", PCN\",07L,2019-07-01,");
	OK(pcreg_export_next(ex, &line));
	ck_assert_str_eq(line, "bd-north,local,North (Chadwell Heath),07L,2016-04-01,");
	ck_assert_int_eq(pcreg_export_next(ex, &line), PCREG_DONE);
	ck_assert_int_eq(pcreg_export_next(ex, &line), PCREG_DONE);
	pcreg_export_free(ex);

	OK(pcreg_export_open(db, "list_size", PCREG_EXPORT_JSONL, &ex));
	OK(pcreg_export_next(ex, &line));
	ck_assert_str_eq(line, "{\"practice\":\"F81001\",\"extract_date\":\"2021-01-01\","
	                       "\"registered\":12000,\"weighted\":12240.000000000002}");
	pcreg_export_free(ex);

	ck_assert_int_eq(pcreg_export_entity_count(), 13);
	ck_assert_str_eq(pcreg_export_entity_name(0), "commissioner");
	ck_assert_str_eq(pcreg_export_entity_name(12), "list_size");
	ck_assert_ptr_null(pcreg_export_entity_name(13));
	ck_assert_ptr_null(pcreg_export_entity_name(-1));
	tu_assert_status(db, pcreg_export_open(db, "patients", PCREG_EXPORT_CSV, &ex), PCREG_INVALID,
	                 "entity: \"patients\" is not an entity");
	tu_assert_status(db, pcreg_export_open(db, "practice", (pcreg_export_format_value)7, &ex),
	                 PCREG_INVALID, "format: 7");
	tu_assert_status(db, pcreg_export_open(db, NULL, PCREG_EXPORT_CSV, &ex), PCREG_MISUSE,
	                 "entity is NULL");
	tu_assert_status(db, pcreg_export_open(db, "practice", PCREG_EXPORT_CSV, NULL),
	                 PCREG_MISUSE, "out is NULL");
	tu_assert_status(db, pcreg_export_file(db, "practice", PCREG_EXPORT_CSV,
	                                       "/nonexistent/dir/practice.csv"),
	                 PCREG_IO, "cannot write");
	tu_assert_status(db, pcreg_export_file(db, "practice", PCREG_EXPORT_CSV, NULL), PCREG_MISUSE,
	                 "path is NULL");
	ck_assert_int_eq(pcreg_export_next(NULL, &line), PCREG_MISUSE);
	pcreg_export_free(NULL);
	pcreg_db_close(db);
}
END_TEST

static Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");
	TCase *real = tu_shared_data_tcase("real");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_round_trip_csv);
	tcase_add_test(tc, test_round_trip_jsonl);
	tcase_add_test(tc, test_lines_and_errors);
	suite_add_tcase(s, tc);
	tcase_set_timeout(real, 300);
	tcase_add_test(real, test_round_trip_real_data);
	suite_add_tcase(s, real);
	return s;
}

int main(void)
{
	tu_init();
	return tu_run(export_suite());
}
