/*
 * places.c -- the gazetteer and the places stage: where did it happen?
 * Names come from the country table (country names and capitals) and from
 * data/places.tsv (cities, contested regions, seas).  They are keyed by
 * their lower-case text with whitespace collapsed, so a name matches the
 * same words however the tokenizer split them ("Nagorno-Karabakh" as one
 * token or three).  The stage records every mention; whether a place is
 * where an event happened is for the events stage, which looks at the
 * locative preposition found here.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "internal.h"

#define MAX_KEY 256
#define MAX_SPAN 10        /* tokens in the longest name tried */

typedef struct gaz_entry {
	const char *name;      /* canonical name, for lookups */
	char country[4];
	double lat, lon;
	int has_coord;
	int acronym;           /* "US", "UK": must match in capitals */
} gaz_entry;

struct cw_gazetteer {
	cw_arena *arena;
	cw_map *by_key;        /* normalised name -> gaz_entry */
	cw_map *skip;          /* names never taken for places */
};

/* Lower-cases UTF-8 s[0..n) into buf and collapses runs of whitespace;
 * returns the length, or -1 if it does not fit. */
static int normalise(const char *s, size_t n, char *buf, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			cp = (unsigned char)s[i];
			k = 1;
		}
		i += (size_t)k;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			space = o > 0;
			continue;
		}
		if (cp == 0x2019)       /* ’ as the tokenizer normalises it */
			cp = '\'';
		if (space) {
			if (o + 1 >= cap)
				return -1;
			buf[o++] = ' ';
			space = 0;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		if (o + (size_t)m >= cap)
			return -1;
		memcpy(buf + o, enc, (size_t)m);
		o += (size_t)m;
	}
	buf[o] = '\0';
	return (int)o;
}

static int is_acronym(const char *s)
{
	int letters = 0;
	for (; *s; s++) {
		if (islower((unsigned char)*s))
			return 0;
		letters += isupper((unsigned char)*s) != 0;
	}
	return letters >= 2;
}

/* Adds one name; the first entry for a key wins, so the load order sets
 * precedence (places.tsv, then country names, then capitals). */
static int add_name(cw_gazetteer *g, const char *name, const char *canon, const char *iso3,
		    double lat, double lon, int has_coord)
{
	char key[MAX_KEY];
	if (normalise(name, strlen(name), key, sizeof key) <= 0)
		return 0;
	if (cw_map_get(g->by_key, key) || cw_map_get(g->skip, key))
		return 0;
	gaz_entry *e = cw_alloc(g->arena, sizeof *e);
	if (!e || !(e->name = cw_strdup(g->arena, canon)))
		return -1;
	snprintf(e->country, sizeof e->country, "%s", iso3);
	e->lat = lat;
	e->lon = lon;
	e->has_coord = has_coord;
	e->acronym = is_acronym(name);
	return cw_map_put(g->by_key, key, e);
}

typedef struct loader {
	cw_gazetteer *g;
	const char *path;
	int pass;              /* 0: skip rows only, 1: places */
	char *err;
	size_t errlen;
} loader;

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	char *f[5];
	if (cw_split(line, '\t', f, 5) != 5) {
		snprintf(ld->err, ld->errlen, "%s:%d: expected 5 tab-separated columns", ld->path, lineno);
		return -1;
	}
	for (int i = 0; i < 5; i++)
		f[i] = cw_trim(f[i]);
	int skip = strcmp(f[4], "skip") == 0;
	if (skip != (ld->pass == 0))
		return 0;
	char *names[64];
	int n = cw_split(f[0], '|', names, 64);
	if (skip) {
		for (int i = 0; i < n; i++) {
			char key[MAX_KEY];
			if (normalise(names[i], strlen(names[i]), key, sizeof key) > 0 &&
			    cw_map_put(ld->g->skip, key, (void *)1) < 0)
				goto nomem;
		}
		return 0;
	}
	const char *iso3 = strcmp(f[1], "-") == 0 ? "" : f[1];
	char *e1, *e2;
	double lat = strtod(f[2], &e1), lon = strtod(f[3], &e2);
	if (strlen(iso3) != 0 && strlen(iso3) != 3) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad country code \"%s\"", ld->path, lineno, f[1]);
		return -1;
	}
	if (*e1 || *e2 || !*f[2] || !*f[3] || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad coordinates", ld->path, lineno);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *name = cw_trim(names[i]);
		if (*name && add_name(ld->g, name, cw_trim(names[0]), iso3, lat, lon, 1) < 0)
			goto nomem;
	}
	return 0;
nomem:
	snprintf(ld->err, ld->errlen, "out of memory");
	return -1;
}

static int add_countries(cw_gazetteer *g, const cw_countries *cs)
{
	size_t n = cw_countries_count(cs);
	for (size_t i = 0; i < n; i++) {
		const cw_country *c = cw_countries_at(cs, i);
		for (const char **nm = c->names; nm && *nm; nm++)
			if (add_name(g, *nm, c->name, c->iso3, c->lat, c->lon, c->has_coord) < 0)
				return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const cw_country *c = cw_countries_at(cs, i);
		if (c->capital && add_name(g, c->capital, c->capital, c->iso3, c->lat, c->lon,
					   c->has_coord) < 0)
			return -1;
	}
	return 0;
}

int cw_places_load(cw_gazetteer **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_gazetteer *g = calloc(1, sizeof *g);
	if (!g || !(g->arena = cw_arena_new()) || !(g->by_key = cw_map_new()) ||
	    !(g->skip = cw_map_new())) {
		cw_places_free(g);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/places.tsv", cw->data_dir);
	for (int pass = 0; pass < 2; pass++) {
		loader ld = { g, path, pass, err, errlen };
		errno = 0;
		if (cw_read_lines(path, on_line, &ld) != 0) {
			if (!*err)
				snprintf(err, errlen, "%s: %s", path, strerror(errno));
			cw_places_free(g);
			return -1;
		}
	}
	if (add_countries(g, cw->countries) < 0) {
		snprintf(err, errlen, "out of memory");
		cw_places_free(g);
		return -1;
	}
	*out = g;
	return 0;
}

void cw_places_free(cw_gazetteer *g)
{
	if (!g)
		return;
	cw_map_free(g->by_key);
	cw_map_free(g->skip);
	cw_arena_free(g->arena);
	free(g);
}

static void fill(cw_place *p, const gaz_entry *e)
{
	memcpy(p->country, e->country, sizeof p->country);
	p->lat = e->lat;
	p->lon = e->lon;
	p->has_coord = e->has_coord;
}

int cw_place_lookup(const curlew *cw, const char *name, cw_place *out)
{
	if (!cw || !cw->places || !name)
		return -1;
	char key[MAX_KEY];
	size_t n = strlen(name);
	/* A dateline may end its place with a comma or a dot. */
	while (n > 0 && (name[n - 1] == ',' || name[n - 1] == ' '))
		n--;
	if (normalise(name, n, key, sizeof key) <= 0)
		return -1;
	const gaz_entry *e = cw_map_get(cw->places->by_key, key);
	if (!e)
		return -1;
	memset(out, 0, sizeof *out);
	out->tok_start = out->tok_end = -1;
	out->prep = -1;
	out->text = e->name;
	fill(out, e);
	return 0;
}

/* ------------------------------------------------------------ the stage */

/* The key of tokens [a, b): their lower-case texts, with a space where the
 * story had one.  Returns the length or -1. */
static int span_key(const cw_token *t, int a, int b, char *buf, size_t cap)
{
	char raw[MAX_KEY];
	size_t o = 0;
	for (int i = a; i < b; i++) {
		const char *w = t[i].lower ? t[i].lower : t[i].text;
		size_t n = w ? strlen(w) : 0;
		if (i > a && t[i].start > t[i - 1].end) {
			if (o + 1 >= sizeof raw)
				return -1;
			raw[o++] = ' ';
		}
		if (o + n >= sizeof raw)
			return -1;
		memcpy(raw + o, w, n);
		o += n;
	}
	return normalise(raw, o, buf, cap);
}

static int no_lower_case(const char *text, uint32_t s, uint32_t e)
{
	for (uint32_t i = s; i < e; i++)
		if (islower((unsigned char)text[i]))
			return 0;
	return 1;
}

static int tok_is(const cw_token *t, const char *const *words)
{
	const char *w = t->lower ? t->lower : t->text;
	if (!w)
		return 0;
	for (; *words; words++)
		if (strcmp(w, *words) == 0)
			return 1;
	return 0;
}

static const char *const locative[] = {
	"in", "at", "near", "outside", "inside", "across", "throughout", "on", NULL
};
/* Words that may stand between the preposition and the name: "in the
 * disputed Nagorno-Karabakh region", "in the city of Kharkiv", "near
 * eastern Ukraine". */
static const char *const between[] = {
	"the", "a", "an", "of", "city", "town", "village", "port", "capital", "region",
	"province", "area", "district", "disputed", "occupied", "breakaway", "besieged",
	"embattled", "restive", "contested", "northern", "southern", "eastern", "western",
	"central", "north", "south", "east", "west", "northeastern", "northwestern",
	"southeastern", "southwestern", "coastal", "border", "frontline", "war-torn",
	"strategic", "key", "nearby", "neighbouring", "neighboring", "separatist", NULL
};
static const char *const region_words[] = {
	"region", "province", "oblast", "governorate", "district", "state", "territory", NULL
};

static int find_prep(const cw_sentence *s, int start)
{
	for (int i = start - 1, skipped = 0; i >= 0 && skipped <= 5; i--, skipped++) {
		if (tok_is(&s->toks[i], locative))
			return i;
		if (!tok_is(&s->toks[i], between))
			return -1;
	}
	return -1;
}

/* The longest gazetteer name starting at token i; returns its end or -1. */
static int match_at(const cw_gazetteer *g, const curlew_doc *doc, const cw_sentence *s, int i,
		    const gaz_entry **found)
{
	const cw_token *t = s->toks;
	int hi = i + MAX_SPAN < s->ntoks ? i + MAX_SPAN : s->ntoks;
	for (int j = hi; j > i; j--) {
		char key[MAX_KEY];
		if (span_key(t, i, j, key, sizeof key) <= 0)
			continue;
		const gaz_entry *e = cw_map_get(g->by_key, key);
		if (!e || (e->acronym && !no_lower_case(doc->text, t[i].start, t[j - 1].end)))
			continue;
		*found = e;
		return j;
	}
	return -1;
}

static int add_place(curlew_doc *doc, cw_sentence *s, int *cap, int a, int b, const gaz_entry *e)
{
	cw_place *v = cw_grow(doc->arena, s->places, cap, s->nplaces + 1, sizeof *v);
	if (!v)
		return CURLEW_ESYS;
	s->places = v;
	cw_place *p = &v[s->nplaces];
	memset(p, 0, sizeof *p);
	p->tok_start = a;
	p->tok_end = b;
	p->start = s->toks[a].start;
	p->end = s->toks[b - 1].end;
	p->text = cw_strndup(doc->arena, doc->text + p->start, p->end - p->start);
	if (!p->text)
		return CURLEW_ESYS;
	fill(p, e);
	p->prep = find_prep(s, a);
	for (int k = a; k < b; k++)
		s->toks[k].place = s->nplaces;
	s->nplaces++;
	return 0;
}

int cw_places(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	const cw_gazetteer *g = cw->places;
	int cap = 0;
	s->places = NULL;
	s->nplaces = 0;
	for (int i = 0; i < s->ntoks; i++)
		s->toks[i].place = -1;
	if (!g)
		return 0;
	for (int i = 0; i < s->ntoks; i++) {
		const cw_token *t = &s->toks[i];
		/* In running text a place name starts with a capital letter;
		 * "turkey" and "chad" are words. */
		if (!(t->flags & CW_T_CAP) || (t->flags & CW_T_PUNCT))
			continue;
		const gaz_entry *e = NULL;
		int j = match_at(g, doc, s, i, &e);
		if (j < 0)
			continue;
		/* "the Nagorno Karabakh region": the region word is part of it. */
		if (j < s->ntoks && tok_is(&s->toks[j], region_words))
			j++;
		int rc = add_place(doc, s, &cap, i, j, e);
		if (rc < 0)
			return rc;
		i = j - 1;
	}
	return 0;
}
