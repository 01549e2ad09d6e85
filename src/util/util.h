/*
 * util.h -- what every part of curlew may use and none owns: the
 * per-document arena, the string map, the data-file reader, calendar
 * dates, string escaping for the written formats (escape.c), and the
 * public API's error convention (errors.c).  Not installed,
 * not public.  Needs nothing of the coder, the store or the tools, so that
 * each of them can be built and tested on top of it alone.
 */
#ifndef CW_UTIL_H
#define CW_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---------------------------------------------------------------- arena */

typedef struct cw_arena cw_arena;
cw_arena *cw_arena_new(void);
void cw_arena_free(cw_arena *a);
/* Zeroed memory, aligned for any type; NULL only when out of memory. */
void *cw_alloc(cw_arena *a, size_t n);
char *cw_strndup(cw_arena *a, const char *s, size_t n);
char *cw_strdup(cw_arena *a, const char *s);
char *cw_printf(cw_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Grows an arena array of *cap elements to hold at least need; the old
 * block is abandoned (the arena frees it with the rest).  Returns the
 * (possibly moved) array or NULL when out of memory. */
void *cw_grow(cw_arena *a, void *arr, int *cap, int need, size_t elsize);

/* ------------------------------------------------------------- utilities */

/* String -> pointer hash map; keys are copied into the map's own storage. */
typedef struct cw_map cw_map;
cw_map *cw_map_new(void);
/* A map that does not copy its keys: they must outlive it (a file read
 * whole and kept), which spares an allocation per key for big tables;
 * sized for expect keys. */
cw_map *cw_map_new_borrowed(size_t expect);
void cw_map_free(cw_map *m);
/* Returns 0, or -1 when out of memory.  Replaces an existing value. */
int cw_map_put(cw_map *m, const char *key, void *value);
void *cw_map_get(const cw_map *m, const char *key);
void *cw_map_getn(const cw_map *m, const char *key, size_t n);
size_t cw_map_count(const cw_map *m);
/* The maps' string hash (FNV-1a), for tables of a stage's own. */
uint32_t cw_hash(const char *s, size_t n);
/* What snprintf(dst, size, "%s", s) writes (size > 0), without printf's
 * format machinery: copying codes and names that way was a twentieth of
 * the coding time on the bench corpus. */
void cw_copy(char *dst, size_t size, const char *s);
/* The key "a\x1fb" (a separator no word holds) in buf, or NULL when it
 * does not fit in size bytes: the class-and-word keys of the verbs' and
 * recode's word classes. */
const char *cw_key2(char *buf, size_t size, const char *a, const char *b);
/* What sprintf(p, "%.*lld", digits, v) writes, without the terminating
 * NUL and without printf's format machinery (about 1,000 instructions a
 * number; the records hold a dozen each): v's digits, zero-padded to at
 * least `digits`, after a '-' when v < 0.  p needs 21 bytes, or digits
 * + 1.  Returns the end.  The writer's and the read API's one digit
 * writer. */
char *cw_put_int(char *p, long long v, int digits);

/* Reads a data file line by line: strips the trailing newline and '\r',
 * skips blank lines and lines starting with '#'.  The callback gets the
 * line (writable, NUL-terminated) and its 1-based number; returning
 * nonzero stops with that value.  Returns -1 when the file can't be
 * opened (errno set). */
typedef int (*cw_line_fn)(void *ctx, char *line, int lineno);
int cw_read_lines(const char *path, cw_line_fn fn, void *ctx);
/* A whole file, NUL-terminated, malloc'd; NULL with errno set on failure. */
char *cw_read_file(const char *path, size_t *len);
/* Splits s in place on the separator character; returns the count. */
int cw_split(char *s, char sep, char **fields, int max);
char *cw_trim(char *s);
void cw_lower_ascii(char *s);

typedef struct cw_date { int y, m, d; } cw_date;   /* y == 0: no date */
/* Parses "YYYY-MM-DD" or "YYYYMMDD"; returns 0 or -1. */
int cw_date_parse(const char *s, cw_date *out);
int cw_date_cmp(cw_date a, cw_date b);
int cw_date_weekday(cw_date d);     /* 0 Sunday .. 6 Saturday */
cw_date cw_date_add_days(cw_date d, int n);
int cw_date_valid(cw_date d);

/* ---------------------------------------------------------------- errors */

/* Sets curlew_last_error() for this thread and returns rc, so that a
 * failure is reported in one line: return cw_fail(CURLEW_EUSAGE, ...). */
int cw_fail(int rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with a message already made (a handle's). */
int cw_fail_msg(int rc, const char *msg);

/* escape.c: the length of the well-formed UTF-8 sequence at s (at most n
 * bytes), or 0; and s[0..n) as a quoted JSON string, bytes that are not
 * well-formed UTF-8 as U+FFFD so the line stays valid JSON. */
size_t cw_utf8_seq(const unsigned char *s, size_t n);
void cw_json_str(FILE *f, const char *s, size_t n);

#endif
