/*
 * places.c -- the gazetteer and the places stage: which words of a story
 * name places, and which places they are.
 *
 * Names come from three sources, all keyed by cw_gaz_key (case, accents
 * and apostrophes folded, so "KYIV", "Kraków" and "Sana'a" match):
 *   - the world index (gazetteer.c): 140,000 GeoNames cities, first-level
 *     regions and country centroids, mapped from data/gen/gazetteer.idx;
 *   - the country table's names ("Britain", "U.S."), placed at the
 *     country's centroid from the index;
 *   - data/places.tsv, the curated file: what the packages lack (Gaza
 *     Strip, Donbas, seas, straits, spellings like Kiev) and the names never
 *     to be taken for places.
 * The words read around a name (prepositions, region and compass words)
 * are data too: data/place-words.txt.
 *
 * Recognition: a run of capitalised words (with the small words inside
 * names: "Gulf of Aden", "Rio de Janeiro") is looked up longest first, one
 * hash probe per span, plus a region word after it ("the Odesa region").
 * Words that are part of a person's or an organisation's name are not
 * places ("Jim Jordan", "the Washington Post", "Organization for Security
 * and Cooperation in Europe").
 *
 * Resolution: every candidate of the name is scored by a prior (countries
 * over regions over cities, population) and by the story's context (the
 * dateline's country, the countries and regions named so far, the region
 * a place named so far lies in); "X, Y" ("London, Ky.", "Knoxville,
 * Tennessee") keeps only the candidates inside Y; a name keeps the sense it
 * first had in the story.  That memory lives in the doc's own arena, so it
 * survives the windows long stories are coded in.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "coder.h"

#define MAX_KEY 256
#define MAX_RUN 8          /* words in the longest name tried */
#define MAX_CANDS 96       /* senses of one name scored ("San Jose" has ~60) */

enum word_class {
	W_LOCATIVE,        /* in, at, near: the place is a setting */
	W_BETWEEN,         /* the, city, of, disputed: between preposition and name */
	W_REGION,          /* region, province, oblast: after a region's name */
	W_CITYWORD,        /* city, town: after or before a city's name */
	W_COMPASS,         /* northern, south-east: before a name, not part of it */
	W_CONNECT,         /* de, of, and: small words inside names */
	W_DISTRICT,        /* county, district: after a second-level name */
	W_QUALIFY,         /* locate.c: war, crisis: "the war in Ukraine" */
	W_TOPIC,           /* locate.c: over, about: "talks about ..." */
	W_ARTICLE,         /* al, el: "al-Tabbaneh" */
	W_CLAUSE,          /* locate.c: and, but after a comma */
	W_ANAPHOR,         /* locate.c: "the city" pointing back to the setting */
	W_ORGWORD,         /* university, bureau: "University of Idaho" */
	W_SEAT,            /* locate.c: "the capital" pointing back to the dateline */
	W_VENUE,           /* locate.c: summit, news conference: where words are said */
	W_INTO,            /* locate.c: into: where a material act landed */
	W_VISIT,           /* locate.c: visit, travel: an intent placed at its destination */
	W_FANS,            /* fans, supporters: "Napoli fans" are a club's */
	W_PARTNER,         /* locate.c: with: closes a topic phrase */
	W_DEFINITE,        /* locate.c: the: "the city", "into the X" */
	W_NAMING,          /* locate.c: of: "the city of X" names its place */
	W_LISTING,         /* locate.c: and: "X's Khost and Paktika provinces" */
	W_WITHIN,          /* locate.c: in: "the Line of Control in Poonch" */
	W_SIGNING,         /* locate.c: 057: a said-root code done where done */
	W_VISITCODE,       /* locate.c: 042: a visit */
	W_VISITPLAN,       /* locate.c: 036: a visit when its trigger says so */
	W_ABOVE,           /* locate.c: over: "shot down over the Red Sea" */
	W_VIOLENT,         /* locate.c: 18, 19, 20: the roots "over" places */
	W_PLACENAME,       /* data/gen/wn-places.txt: WordNet knows it only as a place */
	W_SAID,            /* locate.c: the roots of acts placed where the speaker is */
	W_GROUND,          /* locate.c: the roots of acts done on the ground */
	W_NCLASS
};
static const char *const class_names[W_NCLASS] = {
	"locative", "between", "region", "cityword", "compass", "connect", "district", "qualify",
	"topic", "article", "clause", "anaphor", "orgword", "seat", "venue",
	"into", "visit", "fans", "partner", "definite", "naming", "listing", "within",
	"signing", "visitcode", "visitplan", "above", "violent", "placename", "said", "ground"
};

typedef struct cur_entry {
	cw_gaz_place p;
	int acronym;           /* "US", "UK": must be written in capitals */
	struct cur_entry *next;
} cur_entry;

struct cw_gazetteer {
	cw_arena *arena;
	cw_gaz *world;
	cw_map *curated;       /* key -> cur_entry list */
	cw_map *skip;          /* keys never taken for places */
	cw_map *words[W_NCLASS];
};

/* ------------------------------------------------------------- loading */

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

/* A curated city takes the GeoNames id, population and region of the
 * index's place of the same name at the same spot, so that "the Odesa
 * region" finds its region whichever list named the city; a curated
 * region takes the people of the index's region of its name and country,
 * which namesake_country weighs ("Georgia" the US state). */
static void enrich(const cw_gazetteer *g, const char *key, int n, cw_gaz_place *p)
{
	const uint32_t *ids;
	int k = g->world ? cw_gaz_find(g->world, key, (size_t)n, &ids) : 0;
	for (int i = 0; i < k && p->feature == CW_F_CITY && !p->geonameid; i++) {
		cw_gaz_place w;
		if (cw_gaz_get(g->world, ids[i], &w) == 0 && w.feature == CW_F_CITY &&
		    !strcmp(w.country, p->country) && fabs(w.lat - p->lat) < 0.3 &&
		    fabs(w.lon - p->lon) < 0.3) {
			p->geonameid = w.geonameid;
			p->population = w.population;
			p->admin1 = w.admin1;
		}
	}
	for (int i = 0; i < k && p->feature == CW_F_ADMIN1 && !p->population; i++) {
		cw_gaz_place w;
		if (cw_gaz_get(g->world, ids[i], &w) == 0 && w.feature == CW_F_ADMIN1 &&
		    !strcmp(w.country, p->country))
			p->population = w.population;
	}
}

static int add_curated(cw_gazetteer *g, const char *name, cw_gaz_place *p)
{
	char key[MAX_KEY];
	int n = cw_gaz_key(name, strlen(name), key, sizeof key);
	if (n <= 0 || cw_map_get(g->skip, key))
		return 0;
	cur_entry *head = cw_map_get(g->curated, key);
	for (cur_entry *e = head; e; e = e->next)
		if (!strcmp(e->p.country, p->country) && e->p.feature == p->feature &&
		    fabs(e->p.lat - p->lat) < 0.5 && fabs(e->p.lon - p->lon) < 0.5)
			return 0;   /* the same place by another of its names */
	cur_entry *e = cw_alloc(g->arena, sizeof *e);
	if (!e)
		return -1;
	e->p = *p;
	e->acronym = is_acronym(name);
	e->next = NULL;
	if (!head)
		return cw_map_put(g->curated, key, e);
	while (head->next)
		head = head->next;
	head->next = e;
	return 0;
}

typedef struct loader {
	cw_gazetteer *g;
	const char *path;
	int pass;              /* 0: skip rows only, 1: places */
	char *err;
	size_t errlen;
} loader;

/* places.tsv's kinds: capitals and venues are points like cities. */
static int kind_feature(const char *k)
{
	if (!strcmp(k, "capital") || !strcmp(k, "venue"))
		return CW_F_CITY;
	return cw_gaz_feature(k);
}

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
			if (cw_gaz_key(names[i], strlen(names[i]), key, sizeof key) > 0 &&
			    cw_map_put(ld->g->skip, key, (void *)1) < 0)
				goto nomem;
		}
		return 0;
	}
	const char *iso3 = strcmp(f[1], "-") == 0 ? "" : f[1];
	char *e1, *e2;
	double lat = strtod(f[2], &e1), lon = strtod(f[3], &e2);
	int feature = kind_feature(f[4]);
	if (strlen(iso3) != 0 && strlen(iso3) != 3) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad country code \"%s\"", ld->path, lineno, f[1]);
		return -1;
	}
	if (*e1 || *e2 || !*f[2] || !*f[3] || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad coordinates", ld->path, lineno);
		return -1;
	}
	if (!feature) {
		snprintf(ld->err, ld->errlen, "%s:%d: unknown kind \"%s\"", ld->path, lineno, f[4]);
		return -1;
	}
	cw_gaz_place p = { 0 };
	p.id = UINT32_MAX;
	if (!(p.name = cw_strdup(ld->g->arena, cw_trim(names[0]))))
		goto nomem;
	snprintf(p.country, sizeof p.country, "%s", iso3);
	p.lat = lat;
	p.lon = lon;
	p.feature = feature;
	p.seat = strcmp(f[4], "capital") == 0;
	for (int i = 0; i < n && !p.geonameid && !p.population; i++) {
		char key[MAX_KEY];
		int kn = cw_gaz_key(names[i], strlen(names[i]), key, sizeof key);
		if (kn > 0)
			enrich(ld->g, key, kn, &p);
	}
	for (int i = 0; i < n; i++) {
		char *name = cw_trim(names[i]);
		if (*name && add_curated(ld->g, name, &p) < 0)
			goto nomem;
	}
	return 0;
nomem:
	snprintf(ld->err, ld->errlen, "out of memory");
	return -1;
}

/* The world index's entry for a country: its centroid. */
static int world_country(const cw_gaz *w, const cw_country *c, cw_gaz_place *out)
{
	char key[MAX_KEY];
	int n = cw_gaz_key(c->name, strlen(c->name), key, sizeof key);
	const uint32_t *ids;
	int k = n > 0 ? cw_gaz_find(w, key, (size_t)n, &ids) : 0;
	for (int i = 0; i < k; i++)
		if (cw_gaz_get(w, ids[i], out) == 0 && out->feature == CW_F_COUNTRY &&
		    !strcmp(out->country, c->iso3))
			return 0;
	return -1;
}

/* A country's name that is also its adjective is no name of a place:
 * world-countries gives Thailand's native name's last word, "Thai". */
static int demonym(const cw_country *c, const char *name)
{
	for (const char **a = c->adjectives; a && *a; a++)
		if (!strcasecmp(*a, name))
			return 1;
	return 0;
}

static int add_countries(cw_gazetteer *g, const cw_countries *cs)
{
	size_t n = cw_countries_count(cs);
	for (size_t i = 0; i < n; i++) {
		const cw_country *c = cw_countries_at(cs, i);
		cw_gaz_place p = { 0 };
		if (world_country(g->world, c, &p) < 0) {
			/* Not in the packages (Kosovo under CAMEO's code): the
			 * country table's own point. */
			if (!c->has_coord)
				continue;
			p.id = UINT32_MAX;
			p.lat = c->lat;
			p.lon = c->lon;
		}
		p.name = c->name;
		p.feature = CW_F_COUNTRY;
		snprintf(p.country, sizeof p.country, "%s", c->iso3);
		for (const char **nm = c->names; nm && *nm; nm++)
			if (!demonym(c, *nm) && add_curated(g, *nm, &p) < 0)
				return -1;
	}
	return 0;
}

typedef struct wloader { cw_gazetteer *g; const char *path; char *err; size_t errlen; } wloader;

/* place-words.txt: "class<TAB>word word ..." */
static int on_words(void *ctx, char *line, int lineno)
{
	wloader *ld = ctx;
	char *f[2];
	if (cw_split(line, '\t', f, 2) != 2) {
		snprintf(ld->err, ld->errlen, "%s:%d: expected CLASS<TAB>WORDS", ld->path, lineno);
		return -1;
	}
	int c = 0;
	while (c < W_NCLASS && strcmp(cw_trim(f[0]), class_names[c]))
		c++;
	if (c == W_NCLASS) {
		snprintf(ld->err, ld->errlen, "%s:%d: unknown class \"%s\"", ld->path, lineno, f[0]);
		return -1;
	}
	for (char *w = strtok(f[1], " "); w; w = strtok(NULL, " ")) {
		cw_lower_ascii(w);
		if (cw_map_put(ld->g->words[c], w, (void *)1) < 0) {
			snprintf(ld->err, ld->errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

static int read_file(cw_gazetteer *g, const char *dir, const char *name, cw_line_fn fn,
		     void *ctx, char *err, size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	errno = 0;
	*err = '\0';
	if (cw_read_lines(path, fn, ctx) == 0)
		return 0;
	if (!*err)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	(void)g;
	return -1;
}

int cw_places_load(cw_gazetteer **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_gazetteer *g = calloc(1, sizeof *g);
	int ok = g && (g->arena = cw_arena_new()) && (g->curated = cw_map_new()) &&
		 (g->skip = cw_map_new());
	for (int c = 0; ok && c < W_NCLASS; c++)
		ok = (g->words[c] = cw_map_new()) != NULL;
	if (!ok) {
		cw_places_free(g);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/gen/gazetteer.idx", cw->data_dir);
	if (cw_gaz_open(&g->world, path, err, errlen) < 0) {
		cw_places_free(g);
		return -1;
	}
	snprintf(path, sizeof path, "%s/places.tsv", cw->data_dir);
	for (int pass = 0; pass < 2; pass++) {
		loader ld = { g, path, pass, err, errlen };
		if (read_file(g, cw->data_dir, "places.tsv", on_line, &ld, err, errlen) < 0) {
			cw_places_free(g);
			return -1;
		}
	}
	snprintf(path, sizeof path, "%s/place-words.txt", cw->data_dir);
	wloader wl = { g, path, err, errlen };
	if (read_file(g, cw->data_dir, "place-words.txt", on_words, &wl, err, errlen) < 0) {
		cw_places_free(g);
		return -1;
	}
	snprintf(path, sizeof path, "%s/gen/wn-places.txt", cw->data_dir);
	if (read_file(g, cw->data_dir, "gen/wn-places.txt", on_words, &wl, err, errlen) < 0) {
		cw_places_free(g);
		return -1;
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
	cw_gaz_close(g->world);
	cw_map_free(g->curated);
	cw_map_free(g->skip);
	for (int c = 0; c < W_NCLASS; c++)
		cw_map_free(g->words[c]);
	cw_arena_free(g->arena);
	free(g);
}

/* ----------------------------------------------------------- candidates */

typedef struct cand {
	cw_gaz_place p;
	int curated;
	double score;
} cand;

/* Every sense of a key.  acronym_ok: the words were written in capitals
 * (so "US" may be the country); short: a one-word key of three letters or
 * fewer, which the world index is not asked for ("Aba", "Ai" are towns,
 * and "UN", "EU" abbreviations). */
static int any_candidates(const cw_gazetteer *g, const char *key, int n, int acronym_ok,
			  int world_ok, cand *out, int max)
{
	int k = 0;
	for (const cur_entry *e = cw_map_getn(g->curated, key, (size_t)n); e && k < max; e = e->next) {
		if (e->acronym && !acronym_ok)
			continue;
		out[k].p = e->p;
		out[k].curated = 1;
		out[k++].score = 0;
	}
	if (!world_ok)
		return k;
	const uint32_t *ids;
	int m = cw_gaz_find(g->world, key, (size_t)n, &ids);
	for (int i = 0; i < m && k < max; i++) {
		if (cw_gaz_get(g->world, ids[i], &out[k].p) < 0)
			continue;
		out[k].curated = 0;
		out[k++].score = 0;
	}
	return k;
}

static int candidates(const cw_gazetteer *g, const char *key, int n, int acronym_ok,
		      int world_ok, cand *out, int max)
{
	if (cw_map_getn(g->skip, key, (size_t)n))
		return 0;
	return any_candidates(g, key, n, acronym_ok, world_ok, out, max);
}

/* ------------------------------------------------------- story memory */

#define MEM_COUNTRIES 32
#define MEM_REGIONS 32
#define MEM_SENSES 64
#define MEM_LOCAL 16

typedef struct sense {
	char key[48];
	cw_gaz_place p;
	int person;            /* the name was a person's ("Jim Jordan") */
} sense;

typedef struct story_mem {
	char countries[MEM_COUNTRIES][4];
	int ncountries;
	char dl_country[4];
	const char *regions[MEM_REGIONS];   /* admin1 names (gazetteer-owned) */
	int nregions;
	sense senses[MEM_SENSES];
	int nsenses;
	/* the sentence's own country names, found before any is resolved,
	 * so "Leon and Porto in neighbouring Portugal" knows of Portugal;
	 * a name never counts for itself (at) */
	struct { int at; char cc[4]; } local[MEM_LOCAL];
	int nlocal, at;
} story_mem;

static story_mem *memory(curlew_doc *doc)
{
	if (!doc)
		return NULL;
	if (!doc->places_state)
		doc->places_state = cw_alloc(doc->story_arena ? doc->story_arena : doc->arena,
					     sizeof(story_mem));
	return doc->places_state;
}

static int has_country(const story_mem *m, const char *cc)
{
	for (int i = 0; m && cc[0] && i < m->ncountries; i++)
		if (!strcmp(m->countries[i], cc))
			return 1;
	for (int i = 0; m && cc[0] && i < m->nlocal; i++)
		if (m->local[i].at != m->at && !strcmp(m->local[i].cc, cc))
			return 1;
	return 0;
}

static void note_country(story_mem *m, const char *cc)
{
	if (m && cc[0] && !has_country(m, cc) && m->ncountries < MEM_COUNTRIES)
		memcpy(m->countries[m->ncountries++], cc, 4);
}

static int has_region(const story_mem *m, const char *name)
{
	for (int i = 0; m && name && i < m->nregions; i++)
		if (!strcasecmp(m->regions[i], name))
			return 1;
	return 0;
}

static void note_region(story_mem *m, const char *name)
{
	if (m && name && !has_region(m, name) && m->nregions < MEM_REGIONS)
		m->regions[m->nregions++] = name;
}

static const sense *recall(const story_mem *m, const char *key)
{
	for (int i = 0; m && i < m->nsenses; i++)
		if (!strcmp(m->senses[i].key, key))
			return &m->senses[i];
	return NULL;
}

static void remember(story_mem *m, const char *key, const cw_gaz_place *p, int person)
{
	if (!m || strlen(key) >= sizeof m->senses[0].key || recall(m, key) ||
	    m->nsenses >= MEM_SENSES)
		return;
	sense *s = &m->senses[m->nsenses++];
	snprintf(s->key, sizeof s->key, "%s", key);
	if (p)
		s->p = *p;
	s->person = person;
	if (p && !person) {
		note_country(m, p->country);
		note_region(m, p->feature == CW_F_ADMIN1 ? p->name : p->admin1);
	}
}

/* ------------------------------------------------------------ scoring */

/* The prior: what a name means with no context.  A country name nearly
 * always means the country; a region comes before all but big cities; a
 * city counts by its population (log10, so 1,000 people is 3 and ten
 * million 7), a capital or region seat a little more. */
static double prior(const cand *c)
{
	switch (c->p.feature) {
	case CW_F_COUNTRY: return 9.0;
	case CW_F_ADMIN1: return 6.0;
	case CW_F_REGION:
	case CW_F_WATER: return 7.0;
	default: break;
	}
	double s = log10((double)c->p.population + 10.0) + (c->p.seat ? 0.5 : 0.0);
	/* the curated cities are the ones news names most, the capitals among
	 * them above any town of the same name in the story's country */
	if (c->curated)
		return c->p.seat ? 9.0 : (s > 5.5 ? s : 5.5) + 1.0;
	return s;
}

/* Context: the story's dateline country and the countries and regions it
 * has named.  Three points outweigh a factor of a thousand in population:
 * "Lima" in a story about Ohio is Lima, Ohio. */
static double context(const story_mem *m, const cand *c)
{
	double s = 0;
	if (has_country(m, c->p.country))
		s += 3.0;
	if (m && c->p.country[0] && !strcmp(m->dl_country, c->p.country))
		s += 1.0;
	if (has_region(m, c->p.feature == CW_F_ADMIN1 ? c->p.name : c->p.admin1))
		s += 2.0;
	return s;
}

/* c lies in q: same country for a country, the region's name for a region
 * (by name, so the curated "Ky." finds the index's Kentucky). */
static int inside(const cand *c, const cand *q)
{
	if (strcmp(c->p.country, q->p.country) != 0 || c == q)
		return 0;
	if (q->p.feature == CW_F_COUNTRY)
		return c->p.feature != CW_F_COUNTRY;
	if (q->p.feature == CW_F_ADMIN1)
		return c->p.feature == CW_F_CITY && c->p.admin1 && !strcasecmp(c->p.admin1, q->p.name);
	return 0;
}

enum want { WANT_ANY, WANT_REGION, WANT_CITY };

/* A first-level region that shares its name with a country of more people
 * (Belgium's province of Luxembourg; Nigeria's Niger state) is that
 * country unless the text asks for a region ("the province of
 * Luxembourg") or the story has named a place in the region: the dateline's
 * country alone is no reason ("ministers meeting in Luxembourg" from
 * Brussels).  Georgia the US state has more people than the country, and
 * stays the state in a US story.  The country's index, or bi. */
static int namesake_country(const story_mem *m, const cand *c, int n, int bi, enum want want)
{
	if (bi < 0 || want == WANT_REGION || c[bi].p.feature != CW_F_ADMIN1 ||
	    has_region(m, c[bi].p.name))
		return bi;
	for (int i = 0; i < n; i++)
		if (c[i].p.feature == CW_F_COUNTRY && strcmp(c[i].p.country, c[bi].p.country) &&
		    c[i].p.population > c[bi].p.population)
			return i;
	return bi;
}

/* The best candidate; with a qualifier's candidates (qc, nq), only those
 * inside one of them, if any is.  *qbest gets the qualifier's sense. */
static int best(const story_mem *m, cand *c, int n, const cand *qc, int nq, enum want want,
		int *qbest)
{
	int bi = -1;
	*qbest = -1;
	for (int pass = 0; pass < 2 && bi < 0; pass++) {
		for (int i = 0; i < n; i++) {
			int q = -1;
			for (int k = 0; k < nq && q < 0; k++)
				if (inside(&c[i], &qc[k]))
					q = k;
			if (pass == 0 && nq && q < 0)
				continue;
			if (want == WANT_REGION && c[i].p.feature == CW_F_CITY && pass == 0 && !nq)
				continue;
			if (want == WANT_CITY && c[i].p.feature != CW_F_CITY && pass == 0 && !nq)
				continue;
			c[i].score = prior(&c[i]) + context(m, &c[i]);
			if (bi < 0 || c[i].score > c[bi].score) {
				bi = i;
				*qbest = q;
			}
		}
	}
	return nq ? bi : namesake_country(m, c, n, bi, want);
}

/* "the Odesa region": the region whose seat the city is. */
static int region_of(const cw_gazetteer *g, const cand *city, cand *out)
{
	if (!city->p.admin1)
		return -1;
	char key[MAX_KEY];
	int n = cw_gaz_key(city->p.admin1, strlen(city->p.admin1), key, sizeof key);
	cand c[8];
	int k = n > 0 ? candidates(g, key, n, 0, 1, c, 8) : 0;
	for (int i = 0; i < k; i++)
		if (c[i].p.feature == CW_F_ADMIN1 && !strcmp(c[i].p.country, city->p.country)) {
			*out = c[i];
			return 0;
		}
	return -1;
}

static void fill(cw_place *pl, const cw_gaz_place *p)
{
	memcpy(pl->country, p->country, sizeof pl->country);
	pl->lat = p->lat;
	pl->lon = p->lon;
	pl->has_coord = 1;
	pl->name = p->name;
	pl->admin1 = p->feature == CW_F_CITY ? p->admin1 : NULL;
	pl->feature = p->feature;
	pl->geonameid = p->geonameid;
	pl->population = p->population;
}

/* ------------------------------------------------- names out of context */

typedef struct resolved {
	int ok;
	cw_gaz_place p, q;     /* the sense, and the qualifier's */
	int has_q;
} resolved;

/* The qualifier's sense of a feature: the country ("Bolivia" in "EL ALTO,
 * Bolivia"), the first-level region ("Pennsylvania" in "Monroe County,
 * Pennsylvania"); or -1. */
static int qualifier_sense(const cand *qc, int nq, int feature)
{
	for (int k = 0; k < nq; k++)
		if (qc[k].p.feature == feature)
			return k;
	return -1;
}

/* Resolves a name (n bytes) with an optional qualifier ("Ky.", "Ukraine")
 * against the story memory; records the senses in it. */
static resolved resolve_name(const cw_gazetteer *g, story_mem *m, const char *name, size_t n,
			     const char *qual, size_t qn, enum want want)
{
	resolved r = { 0 };
	char key[MAX_KEY], qkey[MAX_KEY];
	int kn = cw_gaz_key(name, n, key, sizeof key);
	if (kn <= 0)
		return r;
	cand c[MAX_CANDS], qc[MAX_CANDS];
	int nq = 0, qn2 = qual && qn ? cw_gaz_key(qual, qn, qkey, sizeof qkey) : 0;
	if (qn2 > 0)
		nq = candidates(g, qkey, qn2, 1, 1, qc, MAX_CANDS);
	const sense *s = recall(m, key);
	if (s && !nq) {
		r.ok = !s->person;
		r.p = s->p;
		return r;
	}
	int k = candidates(g, key, kn, 1, 1, c, MAX_CANDS);
	int q, b = best(m, c, k, qc, nq, want, &q);
	int country = qualifier_sense(qc, nq, CW_F_COUNTRY);
	/* "EL ALTO, Bolivia" when the gazetteer knows El Altos only in Peru
	 * and Panama: the writer said which country; a town it does not
	 * know is in that country, known to the country's precision */
	if (q < 0 && country >= 0) {
		c[0] = qc[country];
		b = 0;
		q = country;
	}
	if (b < 0)
		return r;
	r.ok = 1;
	r.p = c[b].p;
	if (q >= 0) {
		r.has_q = 1;
		r.q = qc[q].p;
		remember(m, qkey, &r.q, 0);
	}
	remember(m, key, &r.p, 0);
	return r;
}

int cw_place_lookup(const curlew *cw, const char *name, cw_place *out)
{
	if (!cw || !cw->places || !name)
		return -1;
	size_t n = strlen(name);
	/* A dateline may end its place with a comma or a dot. */
	while (n > 0 && (name[n - 1] == ',' || name[n - 1] == ' '))
		n--;
	resolved r = resolve_name(cw->places, NULL, name, n, NULL, 0, WANT_ANY);
	if (!r.ok)
		return -1;
	memset(out, 0, sizeof *out);
	out->tok_start = out->tok_end = -1;
	out->prep = -1;
	out->text = r.p.name;
	fill(out, &r.p);
	return 0;
}

int cw_place_resolve(const curlew *cw, curlew_doc *doc, cw_place *pl, cw_place *qual)
{
	if (!cw || !cw->places || !pl || !pl->text)
		return -1;
	story_mem *m = memory(doc);
	const char *q = qual ? qual->text : NULL;
	resolved r = resolve_name(cw->places, m, pl->text, strlen(pl->text), q, q ? strlen(q) : 0,
				  WANT_ANY);
	if (!r.ok)
		return -1;
	fill(pl, &r.p);
	if (qual && r.has_q)
		fill(qual, &r.q);
	else if (qual)
		cw_place_resolve(cw, doc, qual, NULL);
	/* the dateline's place is resolved first of all */
	if (m && !m->dl_country[0])
		memcpy(m->dl_country, pl->country, sizeof m->dl_country);
	return 0;
}

const char *cw_place_precision(const cw_place *p)
{
	switch (p ? p->feature : CW_F_NONE) {
	case CW_F_CITY: return "city";
	case CW_F_ADMIN1: return "admin1";
	case CW_F_COUNTRY: return "country";
	/* Darfur, the Gaza Strip: a region inside a country is as precise
	 * as a first-level one; the Sahel or a sea is not */
	case CW_F_REGION:
	case CW_F_WATER: return p->country[0] ? "admin1" : "region";
	default: return NULL;
	}
}

/* ------------------------------------------------------------ the stage */

int cw_place_word(const curlew *cw, const char *lower, const char *cls)
{
	if (!cw || !cw->places || !lower)
		return 0;
	/* the first letter first: locate.c asks ~100,000 times on 300 stories,
	 * and a full compare with every class name was a fifth of its time */
	for (int c = 0; c < W_NCLASS; c++)
		if (cls[0] == class_names[c][0] && !strcmp(cls, class_names[c]))
			return cw_map_get(cw->places->words[c], lower) != NULL;
	return 0;
}

static const char *word(const cw_token *t)
{
	return t->lower ? t->lower : t->text ? t->text : "";
}

static int is_class(const cw_gazetteer *g, const cw_token *t, int c)
{
	return cw_map_get(g->words[c], word(t)) != NULL;
}

static int capitalised(const cw_token *t)
{
	return (t->flags & (CW_T_CAP | CW_T_ALLCAP)) && !(t->flags & CW_T_PUNCT);
}

/* A capitalised word, or "al-Tabbaneh", "el-Mandeb": the Arabic article
 * before a capital, inside a name. */
static int name_word(const cw_gazetteer *g, const cw_token *t)
{
	if (capitalised(t))
		return 1;
	const char *w = t->text, *h = w ? strchr(w, '-') : NULL;
	if (!h || h - w > 3 || h[1] < 'A' || h[1] > 'Z' || (t->flags & CW_T_PUNCT))
		return 0;
	char art[4];
	memcpy(art, w, (size_t)(h - w));
	art[h - w] = '\0';
	return cw_map_get(g->words[W_ARTICLE], art) != NULL;
}

/* The key of tokens [a, b): their texts, with a space where the story had
 * one.  Returns its length or -1. */
static int span_key(const cw_token *t, int a, int b, char *buf, size_t cap)
{
	char raw[MAX_KEY];
	size_t o = 0;
	for (int i = a; i < b; i++) {
		const char *w = t[i].text ? t[i].text : "";
		size_t n = strlen(w);
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
	return cw_gaz_key(raw, o, buf, cap);
}

/* Written without a lower-case letter ("US", "U.S.", "KYIV"). */
static int all_caps_span(const curlew_doc *doc, const cw_token *t, int a, int b)
{
	for (uint32_t i = t[a].start; i < t[b - 1].end; i++)
		if (islower((unsigned char)doc->text[i]))
			return 0;
	return 1;
}

/* The end of the run of name words from i: capitalised words, and the
 * small words inside names when a capitalised word follows them. */
static int run_end(const cw_gazetteer *g, const cw_sentence *s, int i)
{
	int j = i + 1;
	while (j < s->ntoks && j - i < MAX_RUN) {
		const cw_token *t = &s->toks[j];
		if (name_word(g, t)) {
			j++;
			continue;
		}
		int k = j;
		while (k < s->ntoks && k - i < MAX_RUN && !name_word(g, &s->toks[k]) &&
		       (is_class(g, &s->toks[k], W_CONNECT) || !strcmp(s->toks[k].text, "-")))
			k++;
		if (k == j || k >= s->ntoks || !name_word(g, &s->toks[k]))
			break;
		j = k + 1;
	}
	return j;
}

static int locative_before(const cw_gazetteer *g, const cw_sentence *s, int start,
			   const char *country)
{
	for (int i = start - 1, skipped = 0; i >= 0 && skipped <= 6; i--, skipped++) {
		const cw_token *t = &s->toks[i];
		if (is_class(g, t, W_LOCATIVE))
			return i;
		/* "in Afghanistan's Khost province": the preposition of the
		 * owner's phrase is the owned place's too, when the owned place
		 * is in it ("in Honiara's Chinatown" is no Chinatown abroad) */
		if (i > 0 && cw_possessive_token(t) &&
		    s->toks[i - 1].place >= 0 && s->toks[i - 1].place < s->nplaces) {
			const cw_place *o = &s->places[s->toks[i - 1].place];
			return country && !strcmp(o->country, country) ? o->prep : -1;
		}
		int m = t->mention;
		/* "the southern Ukrainian city of Odesa" */
		if (m >= 0 && m < s->nments && s->ments[m].kind == CW_M_ADJ)
			continue;
		/* "the Andean city of Merida": a name-adjective no actor list
		 * knows, right before the city word */
		if (capitalised(t) && i + 1 < start && (is_class(g, &s->toks[i + 1], W_CITYWORD) ||
							 is_class(g, &s->toks[i + 1], W_REGION)))
			continue;
		if (!is_class(g, t, W_BETWEEN) && !is_class(g, t, W_COMPASS) &&
		    !is_class(g, t, W_REGION) && !is_class(g, t, W_CITYWORD))
			return -1;
	}
	return -1;
}

/* What the words before the name ask for: "the city of X", "X province". */
static enum want wanted(const cw_gazetteer *g, const cw_sentence *s, int a, int b)
{
	if (b < s->ntoks && is_class(g, &s->toks[b], W_REGION))
		return WANT_REGION;
	if (b < s->ntoks && is_class(g, &s->toks[b], W_CITYWORD))
		return WANT_CITY;
	if (a >= 2 && !strcmp(word(&s->toks[a - 1]), "of")) {
		if (is_class(g, &s->toks[a - 2], W_REGION))
			return WANT_REGION;
		if (is_class(g, &s->toks[a - 2], W_CITYWORD))
			return WANT_CITY;
	}
	return WANT_ANY;
}

typedef struct match {
	int a, b;              /* the name's tokens */
	int kn;
	char key[MAX_KEY];
	cand c[MAX_CANDS];
	int n;
} match;

/* Words of a larger name: a person's ("Jim Jordan", "Paris Hilton") or an
 * organisation's ("the Washington Post", the OSCE).  The actors stage
 * has marked names it knows; an unknown capitalised word right before or
 * after the span, that is neither a place, a region word nor the first
 * word of the sentence, makes it part of another name too. */
/* The name is the country or region of a country actor ("Poland's police",
 * "South Korea's military", "Texas Governor Greg Abbott"), not a word of a
 * person's or organisation's name ("President Andres Manuel Lopez
 * Obrador"): a candidate in the actor's country that is no small town. */
static int actor_place(const match *mt, const cw_mention *x)
{
	for (int i = 0; i < mt->n; i++) {
		const cw_gaz_place *p = &mt->c[i].p;
		if (!strcmp(p->country, x->country) &&
		    (p->feature != CW_F_CITY || p->population >= 100000 || mt->c[i].curated))
			return 1;
	}
	return 0;
}

/* How many capitalised words may stand between a place's name and the
 * head of the organisation it names: "the Pakistan Stock Exchange", "the
 * Kenya Wildlife Service" (two); three leaves room for one more. */
#define ORG_REACH 3

/* A word of an organisation named after a place: "Washington State
 * University", "the Georgia Bureau of Investigation", "the Pakistan Stock
 * Exchange", "University of Idaho", or of a club ("Napoli fans").  The
 * place keeps its sense for the rest of the story. */
static int org_name(const cw_gazetteer *g, const cw_sentence *s, int a, int b)
{
	if (b + 1 < s->ntoks && is_class(g, &s->toks[b], W_REGION))
		b++;    /* "Washington State University" */
	for (int i = b; i < s->ntoks && i - b < ORG_REACH && capitalised(&s->toks[i]); i++)
		if (is_class(g, &s->toks[i], W_ORGWORD))
			return 1;
	if (b < s->ntoks && !capitalised(&s->toks[b]) && is_class(g, &s->toks[b], W_FANS))
		return 1;
	return a >= 2 && !strcmp(word(&s->toks[a - 1]), "of") && capitalised(&s->toks[a - 2]) &&
	       is_class(g, &s->toks[a - 2], W_ORGWORD);
}

static int part_of_name(const cw_gazetteer *g, const cw_sentence *s, const match *mt)
{
	int a = mt->a, b = mt->b;
	for (int i = a; i < b; i++) {
		int m = s->toks[i].mention;
		if (m < 0 || m >= s->nments)
			continue;
		const cw_mention *x = &s->ments[m];
		/* "Argentine", "French": adjectives; "Police" (a Polish town) is
		 * the agent word */
		if (x->kind == CW_M_PERSON || x->kind == CW_M_PRONOUN || x->kind == CW_M_ADJ ||
		    (x->kind == CW_M_AGENT && x->head >= a && x->head < b))
			return 1;
		if (x->kind != CW_M_NAME || !strcmp(x->code, x->country))
			continue;
		/* an organisation's or a person's name ("President Andres Manuel
		 * Lopez Obrador", "the Taliban", "Organization for Security and
		 * Cooperation in Europe"), except a place after "of" or "in"
		 * inside it ("the interior ministry of Georgia") */
		const char *w = a > x->tok_start ? word(&s->toks[a - 1]) : "";
		if (!x->country[0] || !(strcmp(w, "of") == 0 || strcmp(w, "in") == 0 ||
					actor_place(mt, x)))
			return 1;
	}
	if (a > 0) {
		const cw_token *p = &s->toks[a - 1];
		if (capitalised(p) && !(p->flags & CW_T_SENT_START) && p->place < 0 &&
		    !is_class(g, p, W_COMPASS) && !is_class(g, p, W_BETWEEN) &&
		    !(p->mention >= 0 && p->mention < s->nments && s->ments[p->mention].kind == CW_M_ADJ))
			return 1;
	}
	if (b < s->ntoks) {
		const cw_token *n = &s->toks[b];
		if (capitalised(n) && n->mention < 0 && !is_class(g, n, W_REGION) &&
		    !is_class(g, n, W_DISTRICT) && !is_class(g, n, W_CITYWORD) &&
		    !(n->flags & CW_T_ALLCAP))
			return 1;
	}
	return 0;
}

/* A one-word name that is more likely a word or a village than the place
 * ("Many", "Grain", "King", "Western"): a small place with nothing in the
 * story for it, written at the start of a sentence, three letters long or
 * a common English word (WordNet knows it, and not only as a place's name:
 * "Gafsa" and "Sousse" are in WordNet as instances of city). */
#define SMALL_PLACE 100000
#define TINY_PLACE 20000
static int weak(const cw_gazetteer *g, const cw_sentence *s, const match *mt, const cand *c,
		const story_mem *m)
{
	const cw_token *t = &s->toks[mt->a];
	if (mt->b - mt->a != 1 || c->curated)
		return 0;
	/* "Many of the migrants": a village's name opening a sentence */
	if ((t->flags & CW_T_SENT_START) && c->p.feature == CW_F_CITY && c->p.population < TINY_PLACE)
		return 1;
	if (context(m, c) >= 3.0)
		return 0;
	if (c->p.feature == CW_F_CITY && c->p.population >= SMALL_PLACE)
		return 0;
	if (c->p.feature != CW_F_CITY && c->p.feature != CW_F_ADMIN1)
		return 0;
	return (t->flags & CW_T_SENT_START) || mt->kn <= 3 || t->vlemma ||
	       (t->nlemma && !is_class(g, t, W_PLACENAME));
}

/* ", Y" after tokens [.., b): Y's extent, for "Knoxville, Tennessee". */
static int qualifier_at(const cw_sentence *s, int b, int *qa, int *qb)
{
	if (b + 1 >= s->ntoks || strcmp(s->toks[b].text, ",") || !capitalised(&s->toks[b + 1]))
		return 0;
	int e = b + 2;
	while (e < s->ntoks && e - b <= 4 && capitalised(&s->toks[e]))
		e++;
	/* "Ky." split from its dot */
	if (e < s->ntoks && !strcmp(s->toks[e].text, ".") && s->toks[e].start == s->toks[e - 1].end)
		e++;
	*qa = b + 1;
	*qb = e;
	return 1;
}

static int add_place(curlew_doc *doc, cw_sentence *s, int *cap, int a, int b, const cw_gaz_place *p,
		     int prep)
{
	cw_place *v = cw_grow(doc->arena, s->places, cap, s->nplaces + 1, sizeof *v);
	if (!v)
		return CURLEW_ESYS;
	s->places = v;
	cw_place *pl = &v[s->nplaces];
	memset(pl, 0, sizeof *pl);
	pl->tok_start = a;
	pl->tok_end = b;
	pl->start = s->toks[a].start;
	pl->end = s->toks[b - 1].end;
	pl->text = cw_strndup(doc->arena, doc->text + pl->start, pl->end - pl->start);
	if (!pl->text)
		return CURLEW_ESYS;
	fill(pl, p);
	pl->prep = prep;
	for (int k = a; k < b; k++)
		s->toks[k].place = s->nplaces;
	s->nplaces++;
	return 0;
}


/* A skip name ("Victoria", "Hamilton"; the caller has found mt->key in
 * the skip map) is a place after "in", "at" or "of" when the story has
 * named a country that has a place of that name ("the provincial
 * legislature in Victoria" after "VANCOUVER, British Columbia"; "the state
 * of Victoria" in an Australian story): only those senses are kept.
 * Their number, or 0. */
static int skipped_in_context(const cw_gazetteer *g, const curlew_doc *doc, const cw_sentence *s,
			      int i, match *mt)
{
	const story_mem *m = doc ? doc->places_state : NULL;
	if (!m || i < 1 ||
	    !(is_class(g, &s->toks[i - 1], W_LOCATIVE) || !strcmp(word(&s->toks[i - 1]), "of")))
		return 0;
	int n = any_candidates(g, mt->key, mt->kn, 0, 1, mt->c, MAX_CANDS), k = 0;
	for (int j = 0; j < n; j++)
		if (has_country(m, mt->c[j].p.country))
			mt->c[k++] = mt->c[j];
	return k;
}

/* Tokens [i, j) as a name: 1, with mt filled, when they name a place.
 * *context is set when the answer hung on what the story has named so far
 * (a skip name), which may grow between the stage's two passes. */
static int probe(const cw_gazetteer *g, const curlew_doc *doc, const cw_sentence *s, int i, int j,
		 match *mt, int *context)
{
	mt->kn = span_key(s->toks, i, j, mt->key, sizeof mt->key);
	if (mt->kn <= 0)
		return 0;
	int caps = all_caps_span(doc, s->toks, i, j);
	/* a short capitalised word alone ("UN", "Ai") is an abbreviation
	 * or a village: only the curated names may match it */
	int world = !(j == i + 1 && (mt->kn <= 2 || (caps && mt->kn <= 4)));
	/* the skip map once: a probe that misses is the common case */
	if (cw_map_getn(g->skip, mt->key, (size_t)mt->kn)) {
		*context = 1;
		mt->n = skipped_in_context(g, doc, s, i, mt);
	} else {
		mt->n = any_candidates(g, mt->key, mt->kn, caps, world, mt->c, MAX_CANDS);
	}
	if (mt->n <= 0)
		return 0;
	mt->a = i;
	mt->b = j;
	return 1;
}

/* The longest name in the run of name words from i.  It depends on the
 * tokens alone unless a skip name was weighed, and the stage asks for it
 * twice (the sentence's countries first): ends[i] keeps the answer, 0 not
 * yet asked (or hung on the story's context), -1 none, else the name's
 * end, so the second asking probes one span instead of the run's. */
static int longest(const cw_gazetteer *g, const curlew_doc *doc, const cw_sentence *s, int i,
		   int *ends, match *mt)
{
	int context = 0;
	if (ends[i])
		return ends[i] > 0 && probe(g, doc, s, i, ends[i], mt, &context);
	for (int j = run_end(g, s, i); j > i; j--)
		if (name_word(g, &s->toks[j - 1]) && probe(g, doc, s, i, j, mt, &context)) {
			ends[i] = context ? 0 : j;
			return 1;
		}
	ends[i] = context ? 0 : -1;
	return 0;
}

/* Countries the actors stage saw: "Ukrainian forces", "Kenyan police".  A
 * bare country or capital name is left to resolution ("Georgia" in a
 * Kentucky story must not vote for itself). */
static void note_actors(story_mem *m, const cw_sentence *s)
{
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *x = &s->ments[i];
		if (!x->country[0] || x->kind == CW_M_CAPITAL)
			continue;
		if (x->kind == CW_M_ADJ || (x->kind == CW_M_NAME && strcmp(x->code, x->country)))
			note_country(m, x->country);
	}
}

static int resolve_match(const cw_gazetteer *g, curlew_doc *doc, cw_sentence *s, int *cap,
			 story_mem *m, match *mt)
{
	const sense *known = recall(m, mt->key);
	if (known && known->person)
		return 0;
	/* "University" alone is a word (and a Florida town): the organisation's */
	if (org_name(g, s, mt->a, mt->b) ||
	    (mt->b - mt->a == 1 && is_class(g, &s->toks[mt->a], W_ORGWORD)))
		return 0;
	if (part_of_name(g, s, mt)) {
		remember(m, mt->key, NULL, 1);
		return 0;
	}
	int b = mt->b;
	enum want want = wanted(g, s, mt->a, b);
	int qa, qb, nq = 0;
	char qkey[MAX_KEY];
	cand qcs[MAX_CANDS], *qc = NULL;   /* on the stack, as resolve_name's */
	/* "Monroe County, Pennsylvania": the qualifier follows the district word */
	int after = b < s->ntoks && is_class(g, &s->toks[b], W_DISTRICT) ? b + 1 : b;
	if (qualifier_at(s, after, &qa, &qb)) {
		int qn = span_key(s->toks, qa, qb, qkey, sizeof qkey);
		qc = qcs;
		nq = qn > 0 ? candidates(g, qkey, qn, 1, 1, qc, MAX_CANDS) : 0;
	}
	cw_gaz_place p;
	int q = -1;
	if (known && !nq && want == WANT_ANY) {
		p = known->p;
	} else {
		int bi = best(m, mt->c, mt->n, qc, nq, want, &q);
		if (bi < 0)
			return 0;
		cand pick = mt->c[bi];
		if (!nq && weak(g, s, mt, &pick, m))
			return 0;
		/* "Monroe County, Pennsylvania" when no Monroe lies in
		 * Pennsylvania: the county is in the state, not at a town of
		 * its name elsewhere; the state is the most precise place known */
		int k = nq && q < 0 && b < s->ntoks && is_class(g, &s->toks[b], W_DISTRICT) ?
			qualifier_sense(qc, nq, CW_F_ADMIN1) : -1;
		if (k >= 0)
			pick = qc[k];
		cand reg;
		if (want == WANT_REGION && pick.p.feature == CW_F_CITY && region_of(g, &pick, &reg) == 0)
			pick = reg;
		p = pick.p;
		if (q >= 0)
			remember(m, qkey, &qc[q].p, 0);
		if (want == WANT_ANY)
			remember(m, mt->key, &p, 0);
		else
			note_country(m, p.country);
	}
	if (b < s->ntoks && ((is_class(g, &s->toks[b], W_REGION) && p.feature != CW_F_CITY) ||
			     is_class(g, &s->toks[b], W_DISTRICT)))
		b++;
	return add_place(doc, s, cap, mt->a, b, &p, locative_before(g, s, mt->a, p.country));
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
	story_mem *m = memory(doc);
	note_actors(m, s);
	/* the match on the stack: zeroing its ~7 KB in the arena for every
	 * sentence cost more than all of this stage's look-ups of short
	 * sentences; longest() fills every field that is read */
	match mtm, *mt = &mtm;
	int *ends = cw_alloc(doc->arena, (size_t)s->ntoks * sizeof *ends);
	if (!ends || !m)
		return CURLEW_ESYS;
	/* First the sentence's country names (a name and its candidates are
	 * looked up again below: a probe costs less than keeping them). */
	m->nlocal = 0;
	for (int i = 0; i < s->ntoks && m->nlocal < MEM_LOCAL; i++) {
		if (!capitalised(&s->toks[i]) || !longest(g, doc, s, i, ends, mt))
			continue;
		for (int k = 0; k < mt->n && m->nlocal < MEM_LOCAL; k++)
			if (mt->c[k].p.feature == CW_F_COUNTRY) {
				m->local[m->nlocal].at = mt->a;
				memcpy(m->local[m->nlocal++].cc, mt->c[k].p.country, 4);
			}
		i = mt->b - 1;
	}
	for (int i = 0; i < s->ntoks; i++) {
		/* In running text a place name starts with a capital letter;
		 * "turkey" and "chad" are words.  "al-Hol", "el-Arish": the
		 * Arabic article may come first in lower case. */
		if (!name_word(g, &s->toks[i]))
			continue;
		if (!longest(g, doc, s, i, ends, mt))
			continue;
		m->at = mt->a;
		int rc = resolve_match(g, doc, s, &cap, m, mt);
		if (rc < 0)
			return rc;
		i = mt->b - 1;
		if (s->nplaces && s->places[s->nplaces - 1].tok_start == mt->a)
			i = s->places[s->nplaces - 1].tok_end - 1;
	}
	m->nlocal = 0;
	return 0;
}
