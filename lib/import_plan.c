/*
 * import_plan.c: looking at a set of files and folders and putting their
 * imports in order.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import.h"

struct plan_entry {
	char *path;
	pcreg_plan_action_value action;
	pcreg_import_kind_value kind;
	char *note;
	int sheet; /* a workbook's second sheet comes right after its first */
};

struct pcreg_import_plan {
	struct plan_entry *entries;
	size_t n, cap;
};

/* The order kinds load in: what others refer to first. The history's
 * rules make the result the same in any order; this one reconciles least. */
static int kind_rank(pcreg_import_kind_value kind)
{
	static const pcreg_import_kind_value order[] = {
		PCREG_IMPORT_ICB_NAMES,   PCREG_IMPORT_ECCG,         PCREG_IMPORT_SUCC,
		PCREG_IMPORT_ODS_XML,     PCREG_IMPORT_EPRACCUR,     PCREG_IMPORT_PCN_DETAILS,
		PCREG_IMPORT_PCN_PARTNERS, PCREG_IMPORT_PRACTICE_MAP, PCREG_IMPORT_LIST_SIZE,
		PCREG_IMPORT_PAYMENTS,    PCREG_IMPORT_CQC,          PCREG_IMPORT_REGISTRY_CSV,
		PCREG_IMPORT_REGISTRY_JSONL,
	};
	int i;

	for (i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
		if (order[i] == kind)
			return i;
	return (int)(sizeof order / sizeof order[0]);
}

/* Imports first, in kind order, each kind's files by path (a workbook's
 * two sheets together, under its first); then skipped and failed files by
 * path. */
static int entry_order(const void *a, const void *b)
{
	const struct plan_entry *x = a, *y = b;
	int c;

	if (x->action != y->action)
		return x->action == PCREG_PLAN_IMPORT ? -1 : y->action == PCREG_PLAN_IMPORT ? 1 : 0;
	if (x->action == PCREG_PLAN_IMPORT) {
		pcreg_import_kind_value xk = x->sheet ? PCREG_IMPORT_PCN_DETAILS : x->kind;
		pcreg_import_kind_value yk = y->sheet ? PCREG_IMPORT_PCN_DETAILS : y->kind;

		if (kind_rank(xk) != kind_rank(yk))
			return kind_rank(xk) - kind_rank(yk);
	}
	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	return x->sheet - y->sheet;
}

static pcreg_status add(pcreg_db *db, pcreg_import_plan *plan, const char *path,
                        pcreg_plan_action_value action, pcreg_import_kind_value kind,
                        const char *note, int sheet)
{
	struct plan_entry *e;

	if (plan->n == plan->cap) {
		size_t cap = plan->cap ? plan->cap * 2 : 16;
		struct plan_entry *grown = pcreg__realloc(plan->entries, cap * sizeof *grown);

		if (!grown)
			return pcreg__error(db, PCREG_NOMEM, "out of memory");
		plan->entries = grown;
		plan->cap = cap;
	}
	e = &plan->entries[plan->n];
	memset(e, 0, sizeof *e);
	e->path = pcreg__strdup(path);
	e->note = note ? pcreg__strdup(note) : NULL;
	if (!e->path || (note && !e->note)) {
		pcreg__free(e->path);
		pcreg__free(e->note);
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	}
	e->action = action;
	e->kind = kind;
	e->sheet = sheet;
	plan->n++;
	return PCREG_OK;
}

/* Whether a name ends in one of the extensions national data comes in. */
static int data_extension(const char *name)
{
	static const char *const extensions[] = { ".csv", ".xlsx", ".xml", ".zip", ".jsonl" };
	size_t len = strlen(name), i;

	for (i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
		size_t n = strlen(extensions[i]);

		if (len > n && strcasecmp(name + len - n, extensions[i]) == 0)
			return 1;
	}
	return 0;
}

static pcreg_status plan_file(pcreg_db *db, pcreg_import_plan *plan, const char *path,
                              int named)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	enum pcreg__container container;
	pcreg_import_kind_value kind;
	char entry[256];
	pcreg_status st;

	/* A file named on its own is meant as data; one found in a folder is
	 * data only by its extension (a README or an image is not). */
	if (!named && (base[0] == '.' || !data_extension(base)))
		return add(db, plan, path, PCREG_PLAN_SKIP, PCREG_IMPORT_AUTO,
		           base[0] == '.' ? "a hidden file" : "not national data (by its name)", 0);
	if ((st = pcreg__container(db, path, &container, entry, sizeof entry)) == PCREG_OK &&
	    container == PCREG__WORKBOOK) {
		if ((st = add(db, plan, path, PCREG_PLAN_IMPORT, PCREG_IMPORT_PCN_DETAILS, NULL,
		              0)) != PCREG_OK)
			return st;
		return add(db, plan, path, PCREG_PLAN_IMPORT, PCREG_IMPORT_PCN_PARTNERS, NULL, 1);
	}
	if (st == PCREG_OK)
		st = pcreg_import_detect(db, path, &kind);
	if (st == PCREG_NOMEM)
		return st;
	if (st != PCREG_OK)
		return add(db, plan, path, PCREG_PLAN_FAIL, PCREG_IMPORT_AUTO, pcreg_db_errmsg(db), 0);
	return add(db, plan, path, PCREG_PLAN_IMPORT, kind, NULL, 0);
}

static int name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's entries, recursively, in name order. Links to folders are
 * not followed (a link back up would never end). */
static pcreg_status plan_folder(pcreg_db *db, pcreg_import_plan *plan, const char *path, int depth)
{
	DIR *dir;
	struct dirent *d;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	pcreg_status st = PCREG_OK;

	if (depth > 64)
		return pcreg__error(db, PCREG_INVALID, "%s: folders nested too deep", path);
	if (!(dir = opendir(path)))
		return pcreg__error(db, PCREG_IO, "%s: cannot read the folder: %s", path,
		                    strerror(errno));
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (n == cap) {
			size_t grown_cap = cap ? cap * 2 : 32;
			char **grown = pcreg__realloc(names, grown_cap * sizeof *grown);

			if (!grown) {
				st = pcreg__error(db, PCREG_NOMEM, "out of memory");
				break;
			}
			names = grown;
			cap = grown_cap;
		}
		if (!(names[n] = pcreg__strdup(d->d_name))) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
			break;
		}
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof *names, name_order);
	for (i = 0; i < n && st == PCREG_OK; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *child = pcreg__malloc(len);
		struct stat info;

		if (!child) {
			st = pcreg__error(db, PCREG_NOMEM, "out of memory");
			break;
		}
		snprintf(child, len, "%s%s%s", path,
		         path[0] && path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		if (lstat(child, &info) != 0)
			st = add(db, plan, child, PCREG_PLAN_FAIL, PCREG_IMPORT_AUTO, strerror(errno), 0);
		else if (S_ISDIR(info.st_mode))
			st = plan_folder(db, plan, child, depth + 1);
		else if (S_ISLNK(info.st_mode) && stat(child, &info) == 0 && S_ISDIR(info.st_mode))
			st = add(db, plan, child, PCREG_PLAN_SKIP, PCREG_IMPORT_AUTO,
			         "a link to a folder (not followed)", 0);
		else if (S_ISREG(info.st_mode) || S_ISLNK(info.st_mode))
			st = plan_file(db, plan, child, 0);
		else
			st = add(db, plan, child, PCREG_PLAN_SKIP, PCREG_IMPORT_AUTO,
			         "not a regular file", 0);
		pcreg__free(child);
	}
	for (i = 0; i < n; i++)
		pcreg__free(names[i]);
	pcreg__free(names);
	return st;
}

pcreg_status pcreg_import_plan_new(pcreg_db *db, const char *const *paths, int npaths,
                                   pcreg_import_plan **out)
{
	pcreg_import_plan *plan;
	pcreg_status st = pcreg__enter(db);
	int i;

	if (st != PCREG_OK)
		return st;
	if ((st = pcreg__require(db, out, "pcreg_import_plan_new", "out")) != PCREG_OK)
		return st;
	*out = NULL;
	if (npaths < 0)
		return pcreg__error(db, PCREG_INVALID, "pcreg_import_plan_new: npaths is %d", npaths);
	if (npaths && (st = pcreg__require(db, paths, "pcreg_import_plan_new", "paths")) != PCREG_OK)
		return st;
	if (!(plan = pcreg__calloc(1, sizeof *plan)))
		return pcreg__error(db, PCREG_NOMEM, "out of memory");
	for (i = 0; i < npaths && st == PCREG_OK; i++) {
		struct stat info;

		if ((st = pcreg__require(db, paths[i], "pcreg_import_plan_new", "paths[i]")) != PCREG_OK)
			break;
		if (stat(paths[i], &info) != 0)
			st = pcreg__error(db, errno == ENOENT ? PCREG_NOTFOUND : PCREG_IO, "%s: %s",
			                  paths[i], errno == ENOENT ? "no such file or folder"
			                                            : strerror(errno));
		else if (S_ISDIR(info.st_mode))
			st = plan_folder(db, plan, paths[i], 0);
		else
			st = plan_file(db, plan, paths[i], 1);
	}
	if (st != PCREG_OK) {
		pcreg_import_plan_free(plan);
		return st;
	}
	if (plan->n)
		qsort(plan->entries, plan->n, sizeof *plan->entries, entry_order);
	pcreg__clear_error(db);
	*out = plan;
	return PCREG_OK;
}

int pcreg_import_plan_count(const pcreg_import_plan *plan)
{
	return plan ? (int)plan->n : 0;
}

const char *pcreg_import_plan_path(const pcreg_import_plan *plan, int i)
{
	return plan && i >= 0 && (size_t)i < plan->n ? plan->entries[i].path : NULL;
}

pcreg_plan_action_value pcreg_import_plan_action(const pcreg_import_plan *plan, int i)
{
	return plan && i >= 0 && (size_t)i < plan->n ? plan->entries[i].action : PCREG_PLAN_FAIL;
}

pcreg_import_kind_value pcreg_import_plan_kind(const pcreg_import_plan *plan, int i)
{
	return plan && i >= 0 && (size_t)i < plan->n ? plan->entries[i].kind : PCREG_IMPORT_AUTO;
}

const char *pcreg_import_plan_note(const pcreg_import_plan *plan, int i)
{
	return plan && i >= 0 && (size_t)i < plan->n ? plan->entries[i].note : NULL;
}

void pcreg_import_plan_free(pcreg_import_plan *plan)
{
	size_t i;

	if (!plan)
		return;
	for (i = 0; i < plan->n; i++) {
		pcreg__free(plan->entries[i].path);
		pcreg__free(plan->entries[i].note);
	}
	pcreg__free(plan->entries);
	pcreg__free(plan);
}
