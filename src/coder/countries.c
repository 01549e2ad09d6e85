/*
 * countries.c -- the country table every other dictionary leans on: ISO
 * codes, names, adjectives, capitals and coordinates.  The bulk comes from
 * data/gen/countries.tsv, generated at set-up from Debian's iso-codes and
 * npm's world-countries (tools/gen-countries.js), so it tracks renamings
 * without hand edits; data/countries-extra.tsv adds what news uses and the
 * packages lack ("Azeri", "U.S.", Kosovo).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* A country and the growable lists behind its NULL-terminated arrays. */
typedef struct entry {
	cw_country c;
	int nnames, capnames;
	int nadjs, capadjs;
} entry;

struct cw_countries {
	cw_arena *arena;
	entry *v;
	int n, cap;
	cw_map *by_iso3;        /* ISO3 -> index + 1 */
};

typedef struct loader {
	cw_countries *cs;
	const char *path;
	int extra;              /* reading countries-extra.tsv */
	char *err;
	size_t errlen;
} loader;

/* Adds s to a NULL-terminated arena list unless it is already there. */
static int add_unique(cw_arena *a, const char ***list, int *n, int *cap, const char *s)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return 0;
	const char **l = cw_grow(a, (void *)*list, cap, *n + 2, sizeof *l);
	if (!l)
		return -1;
	*list = l;
	if (!(l[*n] = cw_strdup(a, s)))
		return -1;
	l[++*n] = NULL;
	return 0;
}

static int add_all(cw_arena *a, const char ***list, int *n, int *cap, char *field)
{
	char *parts[64];
	int k = cw_split(field, '|', parts, 64);
	for (int i = 0; i < k; i++) {
		char *p = cw_trim(parts[i]);
		if (*p && add_unique(a, list, n, cap, p) < 0)
			return -1;
	}
	return 0;
}

static entry *find_or_add(cw_countries *cs, const char *iso3, int *is_new)
{
	intptr_t ix = (intptr_t)cw_map_get(cs->by_iso3, iso3);
	*is_new = ix == 0;
	if (ix)
		return &cs->v[ix - 1];
	entry *v = cw_grow(cs->arena, cs->v, &cs->cap, cs->n + 1, sizeof *v);
	if (!v)
		return NULL;
	cs->v = v;
	entry *e = &v[cs->n++];
	memset(e, 0, sizeof *e);
	memcpy(e->c.iso3, iso3, 4);
	if (cw_map_put(cs->by_iso3, iso3, (void *)(intptr_t)cs->n) < 0)
		return NULL;
	return e;
}

static int set_coords(entry *e, const char *lat, const char *lon)
{
	char *end1, *end2;
	if (!*lat || !*lon)
		return 0;
	double la = strtod(lat, &end1), lo = strtod(lon, &end2);
	if (*end1 || *end2 || la < -90 || la > 90 || lo < -180 || lo > 180)
		return -1;
	e->c.lat = la;
	e->c.lon = lo;
	e->c.has_coord = 1;
	return 0;
}

/* "SUN 1991-12-25": part of the Soviet Union until that day. */
static int set_was(entry *e, char *field)
{
	char *sp = strchr(field, ' ');
	if (!sp || sp - field != 3 || cw_date_parse(cw_trim(sp + 1), &e->c.was_until) != 0)
		return -1;
	memcpy(e->c.was, field, 3);
	e->c.was[3] = '\0';
	return 0;
}

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	cw_countries *cs = ld->cs;
	/* countries-extra.tsv may add a ninth: the state the land was part
	 * of, and until when ("SUN 1991-12-25") */
	char *f[9];
	int nf = cw_split(line, '\t', f, 9);
	if (nf != 8 && !(nf == 9 && ld->extra)) {
		snprintf(ld->err, ld->errlen, "%s:%d: expected 8 tab-separated columns%s", ld->path,
			 lineno, ld->extra ? " (or 9)" : "");
		return -1;
	}
	for (int i = 0; i < nf; i++)
		f[i] = cw_trim(f[i]);
	if (strlen(f[0]) != 3 || strlen(f[1]) > 2) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad ISO3 \"%s\" or ISO2 \"%s\"", ld->path, lineno, f[0], f[1]);
		return -1;
	}
	int is_new;
	entry *e = find_or_add(cs, f[0], &is_new);
	if (!e)
		goto nomem;
	if (*f[1])
		memcpy(e->c.iso2, f[1], strlen(f[1]) + 1);
	if (*f[2] && (is_new || !ld->extra) && !(e->c.name = cw_strdup(cs->arena, f[2])))
		goto nomem;
	/* The common name is always one of the names. */
	if (*f[2] && add_unique(cs->arena, &e->c.names, &e->nnames, &e->capnames, f[2]) < 0)
		goto nomem;
	if (add_all(cs->arena, &e->c.names, &e->nnames, &e->capnames, f[3]) < 0 ||
	    add_all(cs->arena, &e->c.adjectives, &e->nadjs, &e->capadjs, f[4]) < 0)
		goto nomem;
	if (*f[5] && !(e->c.capital = cw_strdup(cs->arena, f[5])))
		goto nomem;
	if (set_coords(e, f[6], f[7]) < 0) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad coordinates", ld->path, lineno);
		return -1;
	}
	if (nf == 9 && *f[8] && set_was(e, f[8]) < 0) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad past state \"%s\" (want e.g. SUN 1991-12-25)",
			 ld->path, lineno, f[8]);
		return -1;
	}
	if (!e->c.name) {
		snprintf(ld->err, ld->errlen, "%s:%d: new country %s needs a common name",
			 ld->path, lineno, f[0]);
		return -1;
	}
	return 0;
nomem:
	snprintf(ld->err, ld->errlen, "out of memory");
	return -1;
}

static int load_file(cw_countries *cs, const char *path, int extra, const char *missing,
		     char *err, size_t errlen)
{
	loader ld = { cs, path, extra, err, errlen };
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc == -1 && errno == ENOENT && !*err) {
		snprintf(err, errlen, "%s", missing);
		return -1;
	}
	if (rc != 0 && !*err)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	return rc ? -1 : 0;
}

int cw_countries_load(cw_countries **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_countries *cs = calloc(1, sizeof *cs);
	if (!cs || !(cs->arena = cw_arena_new()) || !(cs->by_iso3 = cw_map_new())) {
		cw_countries_free(cs);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/gen/countries.tsv", data_dir);
	errno = 0;
	if (load_file(cs, path, 0, "data/gen/countries.tsv missing: run `make deps gen`", err, errlen) < 0)
		goto fail;
	snprintf(path, sizeof path, "%s/countries-extra.tsv", data_dir);
	errno = 0;
	if (load_file(cs, path, 1, "data/countries-extra.tsv missing", err, errlen) < 0)
		goto fail;
	/* Every list must be a valid (possibly empty) NULL-terminated array. */
	static const char *empty[] = { NULL };
	for (int i = 0; i < cs->n; i++) {
		if (!cs->v[i].c.names)
			cs->v[i].c.names = empty;
		if (!cs->v[i].c.adjectives)
			cs->v[i].c.adjectives = empty;
	}
	*out = cs;
	return 0;
fail:
	cw_countries_free(cs);
	return -1;
}

void cw_countries_free(cw_countries *c)
{
	if (!c)
		return;
	cw_map_free(c->by_iso3);
	cw_arena_free(c->arena);
	free(c);
}

size_t cw_countries_count(const cw_countries *c)
{
	return c ? (size_t)c->n : 0;
}

const cw_country *cw_countries_at(const cw_countries *c, size_t i)
{
	return c && i < (size_t)c->n ? &c->v[i].c : NULL;
}

const cw_country *cw_countries_by_iso3(const cw_countries *c, const char *iso3)
{
	if (!c || !iso3)
		return NULL;
	intptr_t ix = (intptr_t)cw_map_get(c->by_iso3, iso3);
	return ix ? &c->v[ix - 1].c : NULL;
}

const char *cw_country_then(const cw_countries *c, const char *iso3, cw_date date)
{
	const cw_country *k = c && iso3 && date.y ? cw_countries_by_iso3(c, iso3) : NULL;
	return k && k->was[0] && cw_date_cmp(date, k->was_until) <= 0 ? k->was : iso3;
}
