/*
 * util.c -- the small shared helpers: a string hash map, a data-file line
 * reader, field splitting and calendar arithmetic.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"
#include "fault.h"

/* Open addressing with linear probing; the table is kept at most half
 * full, so a probe always ends at an empty slot. */
typedef struct slot {
	char *key;
	void *value;
	uint32_t hash;
	uint32_t len;           /* the key's length: a probe compares it before the bytes */
} slot;

struct cw_map {
	slot *slots;
	size_t cap, count;
	int borrowed;           /* keys belong to the caller: not copied, not freed */
};

/* FNV-1a's published 32-bit constants. */
#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME 16777619u

uint32_t cw_hash(const char *s, size_t n)
{
	uint32_t h = FNV32_OFFSET;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV32_PRIME;
	}
	return h;
}

static cw_map *map_new(size_t cap)
{
	cw_map *m = cw_calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->cap = cap;
	m->slots = cw_calloc(m->cap, sizeof(slot));
	if (!m->slots) {
		free(m);
		return NULL;
	}
	return m;
}

cw_map *cw_map_new(void)
{
	return map_new(64);
}

cw_map *cw_map_new_borrowed(size_t expect)
{
	size_t cap = 64;
	while (cap < 2 * expect + 2)
		cap *= 2;
	cw_map *m = map_new(cap);
	if (m)
		m->borrowed = 1;
	return m;
}

void cw_map_free(cw_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap && !m->borrowed; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

static slot *find(const cw_map *m, const char *key, size_t n, uint32_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
			return s;
	}
}

static int rehash(cw_map *m)
{
	size_t ncap = m->cap * 2;
	slot *ns = cw_calloc(ncap, sizeof(slot));
	if (!ns)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		slot *o = &m->slots[i];
		if (!o->key)
			continue;
		size_t j = o->hash & (ncap - 1);
		while (ns[j].key)
			j = (j + 1) & (ncap - 1);
		ns[j] = *o;
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

int cw_map_put(cw_map *m, const char *key, void *value)
{
	if ((m->count + 1) * 2 > m->cap && rehash(m) < 0)
		return -1;
	size_t n = strlen(key);
	uint32_t h = cw_hash(key, n);
	slot *s = find(m, key, n, h);
	if (!s->key) {
		s->key = m->borrowed ? (char *)key : CW_FAIL_ALLOC() ? NULL : strdup(key);
		if (!s->key)
			return -1;
		s->hash = h;
		s->len = (uint32_t)n;
		m->count++;
	}
	s->value = value;
	return 0;
}

void *cw_map_getn(const cw_map *m, const char *key, size_t n)
{
	if (!m)
		return NULL;
	slot *s = find(m, key, n, cw_hash(key, n));
	return s->key ? s->value : NULL;
}

void cw_copy(char *dst, size_t size, const char *s)
{
	size_t n = strnlen(s, size - 1);
	memmove(dst, s, n);
	dst[n] = '\0';
}

char *cw_put_int(char *p, long long v, int digits)
{
	char t[24];
	int n = 0;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do
		t[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*p++ = '-';
	for (; digits > n; digits--)
		*p++ = '0';
	while (n)
		*p++ = t[--n];
	return p;
}

const char *cw_key2(char *buf, size_t size, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na + nb + 1 >= size)
		return NULL;
	memcpy(buf, a, na);
	buf[na] = '\x1f';
	memcpy(buf + na + 1, b, nb + 1);
	return buf;
}

/* The key's length and hash in one pass (cw_hash's FNV-1a): the stages
 * ask ~1.5M times on 300 bench stories, mostly with short words. */
void *cw_map_get(const cw_map *m, const char *key)
{
	if (!m)
		return NULL;
	uint32_t h = FNV32_OFFSET;
	size_t n = 0;
	for (; key[n]; n++) {
		h ^= (unsigned char)key[n];
		h *= FNV32_PRIME;
	}
	slot *s = find(m, key, n, h);
	return s->key ? s->value : NULL;
}

size_t cw_map_count(const cw_map *m)
{
	return m ? m->count : 0;
}

char *cw_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *b = NULL;
	long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (b = cw_malloc((size_t)n + 1))) {
		if (fread(b, 1, (size_t)n, f) != (size_t)n) {
			free(b);
			b = NULL;
			errno = EIO;
		} else {
			b[n] = '\0';
			*len = (size_t)n;
		}
	} else if (n >= 0 && !b) {
		errno = ENOMEM;
	}
	fclose(f);
	return b;
}

int cw_read_lines(const char *path, cw_line_fn fn, void *ctx)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0, rc = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		if ((rc = fn(ctx, line, lineno)) != 0)
			break;
	}
	free(line);
	fclose(f);
	return rc;
}

int cw_split(char *s, char sep, char **fields, int max)
{
	int n = 0;
	if (max <= 0)
		return 0;
	fields[n++] = s;
	for (char *p = s; *p && n < max; p++) {
		if (*p == sep) {
			*p = '\0';
			fields[n++] = p + 1;
		}
	}
	return n;
}

char *cw_trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

void cw_lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int cw_date_valid(cw_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= days_in_month(d.y, d.m);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int cw_date_parse(const char *s, cw_date *out)
{
	int y, m, d;
	char tail;
	/* "YYYY-MM-DD" by hand: the actor loader reads some 60,000 of them */
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' && (y = digits(s, 4)) >= 0 &&
	    (m = digits(s + 5, 2)) >= 0 && (d = digits(s + 8, 2)) >= 0) {
		;
	} else if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 &&
	    !(strlen(s) == 8 && sscanf(s, "%4d%2d%2d%c", &y, &m, &d, &tail) == 3))
		return -1;
	cw_date r = { y, m, d };
	if (!cw_date_valid(r))
		return -1;
	*out = r;
	return 0;
}

int cw_date_cmp(cw_date a, cw_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return a.d < b.d ? -1 : a.d > b.d;
}

/* Days since 1970-01-01 (Howard Hinnant's algorithm). */
static long to_days(cw_date d)
{
	int y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static cw_date from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = (long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	cw_date r = { (int)(y + (m <= 2)), (int)m, (int)d };
	return r;
}

int cw_date_weekday(cw_date d)
{
	long z = to_days(d);
	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

cw_date cw_date_add_days(cw_date d, int n)
{
	return from_days(to_days(d) + n);
}
