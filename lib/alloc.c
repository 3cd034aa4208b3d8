/*
 * alloc.c: the library's one allocator.
 *
 * Everything goes through SQLite's allocator so that a single
 * sqlite3_config(SQLITE_CONFIG_MALLOC) hook in the tests can count and fail
 * every allocation, the library's and SQLite's alike.
 */
#include <string.h>

#include "internal.h"

void *pcreg__malloc(size_t size)
{
	return sqlite3_malloc64(size ? size : 1);
}

void *pcreg__calloc(size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		return NULL;
	p = pcreg__malloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void *pcreg__realloc(void *ptr, size_t size)
{
	return sqlite3_realloc64(ptr, size ? size : 1);
}

void pcreg__free(void *ptr)
{
	sqlite3_free(ptr);
}

int pcreg__grow(void **array, size_t *cap, size_t need, size_t item)
{
	size_t n = *cap ? *cap : 16;
	void *p;

	if (need <= *cap)
		return 1;
	while (n < need)
		n *= 2;
	p = pcreg__realloc(*array, n * item);
	if (!p)
		return 0;
	*array = p;
	*cap = n;
	return 1;
}

char *pcreg__strndup(const char *s, size_t len)
{
	char *copy = pcreg__malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *pcreg__strdup(const char *s)
{
	return s ? pcreg__strndup(s, strlen(s)) : NULL;
}

void pcreg_free(void *ptr)
{
	pcreg__free(ptr);
}
