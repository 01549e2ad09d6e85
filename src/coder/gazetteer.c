/*
 * gazetteer.c -- the world gazetteer's compiled index: GeoNames-derived
 * cities, first-level regions and country centroids (data/gen/gazetteer.tsv,
 * made at set-up by tools/gen-gazetteer.js), compiled by tools/gazc.c into
 * data/gen/gazetteer.idx and mapped read-only at start-up, so loading costs
 * nothing however many places there are, and threads share the pages.
 *
 * Layout (host byte order; the header's magic, version and byte-order mark
 * are checked, and `make` rebuilds the file where it is used):
 *
 *   header | places[nplaces] | slots[nslots] | ids[nids] | strings
 *
 * A slot is one normalised name (cw_gaz_key): its hash, the name's offset
 * in strings, and a run of ids (places of that name, most populous first).
 * Slots are an open-addressing table (linear probing, a power of two, at
 * most half full), so a look-up is one hash and a probe or two.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include "coder.h"

#define GAZ_MAGIC "CWGAZ\0\0\0"
#define GAZ_VERSION 1
#define GAZ_BOM 0x01020304u

typedef struct gaz_header {
	char magic[8];
	uint32_t version, bom;
	uint32_t nplaces, nslots, nids, strsize;
} gaz_header;

typedef struct gaz_rec {
	int32_t lat, lon;          /* degrees * 1e5: a metre is finer than any source */
	uint32_t name, admin1;     /* string offsets (0: none) */
	uint32_t population, geonameid;
	char country[4];
	uint8_t feature, seat;
	uint8_t pad[2];
} gaz_rec;

typedef struct gaz_slot {
	uint32_t hash, key, first, count;   /* key 0: empty */
} gaz_slot;

struct cw_gaz {
	void *map;
	size_t size;
	const gaz_header *h;
	const gaz_rec *places;
	const gaz_slot *slots;
	const uint32_t *ids;
	const char *str;
};

/* ------------------------------------------------------------- the key */

/* Apostrophes of every kind are dropped, so that Sana'a, Sanaa and Sana’a
 * are one name, as are Cox's Bazar and Coxs Bazar. */
static int apostrophe(utf8proc_int32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB ||
	       c == 0x0060 || c == 0x00B4;
}

static int space(utf8proc_int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

/* Letters that are no base letter plus a mark, so that stripping marks
 * leaves them as they are, though English writes them plain: Łódź is
 * Lodz, Diyarbakır Diyarbakir, Đà Nẵng Da Nang, Tromsø Tromso. */
static const char *plain_letter(utf8proc_int32_t c)
{
	switch (c) {
	case 0x0142: return "l";     /* ł */
	case 0x0131: return "i";     /* dotless ı */
	case 0x0111: return "d";     /* đ */
	case 0x00F0: return "d";     /* ð */
	case 0x00F8: return "o";     /* ø */
	case 0x0127: return "h";     /* ħ */
	case 0x00E6: return "ae";    /* æ */
	case 0x0153: return "oe";    /* œ */
	case 0x00FE: return "th";    /* þ */
	default: return NULL;
	}
}

/* Appends the case-folded letters of c without accents (Kraków -> krakow,
 * Ţūbās -> tubas); returns the new length or -1. */
static int put_folded(utf8proc_int32_t c, char *buf, int o, size_t cap)
{
	if (c < 0x80) {
		if ((size_t)o + 1 >= cap)
			return -1;
		buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		return o;
	}
	utf8proc_int32_t dec[8];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(c, dec, 8, UTF8PROC_DECOMPOSE |
						     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
	if (n < 0 || n > 8) {
		dec[0] = utf8proc_tolower(c);
		n = 1;
	}
	for (utf8proc_ssize_t k = 0; k < n; k++) {
		const char *plain = plain_letter(dec[k]);
		if (plain) {
			size_t m = strlen(plain);
			if ((size_t)o + m >= cap)
				return -1;
			memcpy(buf + o, plain, m);
			o += (int)m;
			continue;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(dec[k], enc);
		if ((size_t)(o + m) >= cap)
			return -1;
		memcpy(buf + o, enc, (size_t)m);
		o += (int)m;
	}
	return o;
}

int cw_gaz_key(const char *s, size_t n, char *buf, size_t cap)
{
	int o = 0, pending = 0;
	if (!cap)
		return -1;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = (unsigned char)s[i] < 0x80 ? (c = (unsigned char)s[i], 1)
			: utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) {
			c = (unsigned char)s[i];
			k = 1;
		}
		i += (size_t)k;
		if (apostrophe(c))
			continue;
		if (space(c)) {
			pending = o > 0;
			continue;
		}
		if (pending) {
			if ((size_t)o + 1 >= cap)
				return -1;
			buf[o++] = ' ';
			pending = 0;
		}
		if ((o = put_folded(c, buf, o, cap)) < 0)
			return -1;
	}
	buf[o] = '\0';
	return o;
}

/* FNV-1a: short keys, no need for more. */
static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ? h : 1;
}

/* ----------------------------------------------------------- reading it */

static int bad(char *err, size_t errlen, const char *path, const char *why)
{
	snprintf(err, errlen, "%s: %s (run `make` to rebuild it)", path, why);
	return -1;
}

int cw_gaz_open(cw_gaz **out, const char *path, char *err, size_t errlen)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s (run `make` to build the gazetteer)", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof(gaz_header)) {
		close(fd);
		return bad(err, errlen, path, "too short");
	}
	void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	const gaz_header *h = m;
	size_t need = sizeof *h + (size_t)h->nplaces * sizeof(gaz_rec) +
		      (size_t)h->nslots * sizeof(gaz_slot) + (size_t)h->nids * 4 + h->strsize;
	const char *why = memcmp(h->magic, GAZ_MAGIC, 8) ? "not a curlew gazetteer index"
		: h->version != GAZ_VERSION || h->bom != GAZ_BOM ? "built by another curlew version or machine"
		: need != (size_t)st.st_size || !h->nslots || (h->nslots & (h->nslots - 1)) ||
		  !h->strsize ? "truncated or corrupt" : NULL;
	cw_gaz *g = why ? NULL : calloc(1, sizeof *g);
	if (!g) {
		munmap(m, (size_t)st.st_size);
		if (why)
			return bad(err, errlen, path, why);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	g->map = m;
	g->size = (size_t)st.st_size;
	g->h = h;
	g->places = (const gaz_rec *)(h + 1);
	g->slots = (const gaz_slot *)(g->places + h->nplaces);
	g->ids = (const uint32_t *)(g->slots + h->nslots);
	g->str = (const char *)(g->ids + h->nids);
	*out = g;
	return 0;
}

void cw_gaz_close(cw_gaz *g)
{
	if (!g)
		return;
	munmap(g->map, g->size);
	free(g);
}

size_t cw_gaz_count(const cw_gaz *g)
{
	return g ? g->h->nplaces : 0;
}

int cw_gaz_find(const cw_gaz *g, const char *key, size_t n, const uint32_t **ids)
{
	if (!g || !n)
		return 0;
	uint32_t h = hash(key, n), mask = g->h->nslots - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		const gaz_slot *s = &g->slots[i];
		if (!s->key)
			return 0;
		if (s->hash == h && s->key < g->h->strsize && strncmp(g->str + s->key, key, n) == 0 &&
		    g->str[s->key + n] == '\0' && s->first + (uint64_t)s->count <= g->h->nids) {
			*ids = g->ids + s->first;
			return (int)s->count;
		}
	}
}

static const char *str_at(const cw_gaz *g, uint32_t off)
{
	return off && off < g->h->strsize ? g->str + off : NULL;
}

int cw_gaz_get(const cw_gaz *g, uint32_t id, cw_gaz_place *out)
{
	if (!g || id >= g->h->nplaces)
		return -1;
	const gaz_rec *r = &g->places[id];
	out->id = id;
	out->name = str_at(g, r->name);
	out->admin1 = str_at(g, r->admin1);
	memcpy(out->country, r->country, 4);
	out->country[3] = '\0';
	out->lat = r->lat / 1e5;
	out->lon = r->lon / 1e5;
	out->population = r->population;
	out->geonameid = r->geonameid;
	out->feature = r->feature;
	out->seat = r->seat;
	return out->name ? 0 : -1;
}

/* ---------------------------------------------------------- compiling it
 * Used by tools/gazc.c at build time only; plain malloc, all freed. */

typedef struct kv { char *key; uint32_t place; uint32_t pop; } kv;

typedef struct builder {
	gaz_rec *places; uint32_t np, capp;
	kv *keys; size_t nk, capk;
	char *str; size_t ns, caps;
} builder;

static uint32_t intern(builder *b, const char *s)
{
	size_t n = strlen(s) + 1;
	if (b->ns + n > b->caps) {
		size_t cap = b->caps ? b->caps * 2 : 1 << 20;
		while (cap < b->ns + n)
			cap *= 2;
		char *v = realloc(b->str, cap);
		if (!v)
			return 0;
		b->str = v;
		b->caps = cap;
	}
	memcpy(b->str + b->ns, s, n);
	b->ns += n;
	return (uint32_t)(b->ns - n);
}

static int add_key(builder *b, const char *name, uint32_t place)
{
	char key[512];
	if (cw_gaz_key(name, strlen(name), key, sizeof key) <= 0)
		return 0;
	for (size_t i = b->nk; i-- > 0 && b->keys[i].place == place;)
		if (!strcmp(b->keys[i].key, key))
			return 0;         /* the same key twice for one place */
	if (b->nk == b->capk) {
		size_t cap = b->capk ? b->capk * 2 : 1 << 16;
		kv *v = realloc(b->keys, cap * sizeof *v);
		if (!v)
			return -1;
		b->keys = v;
		b->capk = cap;
	}
	char *k = strdup(key);
	if (!k)
		return -1;
	b->keys[b->nk++] = (kv){ k, place, b->places[place].population };
	return 0;
}

int cw_gaz_feature(const char *s)
{
	static const char *const names[] = { "", "city", "admin1", "country", "region", "water" };
	for (int i = 1; i < (int)(sizeof names / sizeof *names); i++)
		if (!strcmp(s, names[i]))
			return i;
	return 0;
}

const char *cw_gaz_feature_name(int f)
{
	static const char *const names[] = { NULL, "city", "admin1", "country", "region", "water" };
	return f > 0 && f <= CW_F_WATER ? names[f] : NULL;
}

/* One TSV row: geonameid name ISO3 lat lon feature admin1 population names. */
static int add_row(builder *b, char *line, char *err, size_t errlen, const char *path, int lineno)
{
	char *f[9];
	if (cw_split(line, '\t', f, 9) != 9) {
		snprintf(err, errlen, "%s:%d: expected 9 tab-separated columns", path, lineno);
		return -1;
	}
	char *e1, *e2;
	double lat = strtod(f[3], &e1), lon = strtod(f[4], &e2);
	int seat = strcmp(f[5], "city+") == 0;
	int feature = cw_gaz_feature(seat ? "city" : f[5]);
	if (*e1 || *e2 || lat < -90 || lat > 90 || lon < -180 || lon > 180 || !feature ||
	    strlen(f[2]) != 3 || !*f[1]) {
		snprintf(err, errlen, "%s:%d: bad row", path, lineno);
		return -1;
	}
	if (b->np == b->capp) {
		uint32_t cap = b->capp ? b->capp * 2 : 1 << 16;
		gaz_rec *v = realloc(b->places, cap * sizeof *v);
		if (!v)
			goto nomem;
		b->places = v;
		b->capp = cap;
	}
	gaz_rec *r = &b->places[b->np];
	memset(r, 0, sizeof *r);
	r->lat = (int32_t)(lat * 1e5 + (lat < 0 ? -0.5 : 0.5));
	r->lon = (int32_t)(lon * 1e5 + (lon < 0 ? -0.5 : 0.5));
	r->name = intern(b, f[1]);
	r->admin1 = *f[6] ? intern(b, f[6]) : 0;
	r->population = (uint32_t)strtoul(f[7], NULL, 10);
	r->geonameid = (uint32_t)strtoul(f[0], NULL, 10);
	memcpy(r->country, f[2], 3);
	r->feature = (uint8_t)feature;
	r->seat = (uint8_t)seat;
	if (!r->name || (*f[6] && !r->admin1))
		goto nomem;
	uint32_t id = b->np++;
	if (add_key(b, f[1], id) < 0)
		goto nomem;
	char *alts[64];
	int n = *f[8] ? cw_split(f[8], '|', alts, 64) : 0;
	for (int i = 0; i < n; i++)
		if (add_key(b, alts[i], id) < 0)
			goto nomem;
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* Same key together, the most populous place first (a country's or a
 * region's population is that of its towns of 1,000+; callers score every
 * candidate). */
static int cmp_kv(const void *a, const void *b)
{
	const kv *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->pop != y->pop)
		return x->pop > y->pop ? -1 : 1;
	return x->place < y->place ? -1 : x->place > y->place;
}

typedef struct rd { builder *b; const char *path; char *err; size_t errlen; } rd;

static int on_row(void *ctx, char *line, int lineno)
{
	rd *r = ctx;
	return add_row(r->b, line, r->err, r->errlen, r->path, lineno);
}

static int write_index(builder *b, const char *out, char *err, size_t errlen)
{
	qsort(b->keys, b->nk, sizeof *b->keys, cmp_kv);
	size_t nslots = 1024;
	while (nslots < 2 * b->nk)
		nslots *= 2;
	gaz_slot *slots = calloc(nslots, sizeof *slots);
	uint32_t *ids = malloc((b->nk ? b->nk : 1) * sizeof *ids);
	int rc = -1;
	if (!slots || !ids) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	for (size_t i = 0, j; i < b->nk; i = j) {
		for (j = i; j < b->nk && !strcmp(b->keys[j].key, b->keys[i].key); j++)
			ids[j] = b->keys[j].place;
		uint32_t koff = intern(b, b->keys[i].key), h = hash(b->keys[i].key, strlen(b->keys[i].key));
		if (!koff) {
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		size_t s = h & (nslots - 1);
		while (slots[s].key)
			s = (s + 1) & (nslots - 1);
		slots[s] = (gaz_slot){ h, koff, (uint32_t)i, (uint32_t)(j - i) };
	}
	gaz_header h = { GAZ_MAGIC, GAZ_VERSION, GAZ_BOM, b->np, (uint32_t)nslots, (uint32_t)b->nk,
			 (uint32_t)b->ns };
	FILE *f = fopen(out, "wb");
	if (!f || fwrite(&h, sizeof h, 1, f) != 1 ||
	    fwrite(b->places, sizeof *b->places, b->np, f) != b->np ||
	    fwrite(slots, sizeof *slots, nslots, f) != nslots ||
	    fwrite(ids, 4, b->nk, f) != b->nk || fwrite(b->str, 1, b->ns, f) != b->ns) {
		snprintf(err, errlen, "%s: %s", out, strerror(errno));
		if (f)
			fclose(f);
		goto done;
	}
	if (fclose(f) != 0) {
		snprintf(err, errlen, "%s: %s", out, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	free(slots);
	free(ids);
	return rc;
}

int cw_gaz_compile(const char *tsv, const char *out, char *err, size_t errlen)
{
	builder b = { 0 };
	int rc = -1;
	/* Offset 0 is the empty string: "no string" and an empty slot. */
	if (intern(&b, "") != 0 || !b.str) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	rd r = { &b, tsv, err, errlen };
	*err = '\0';
	errno = 0;
	if (cw_read_lines(tsv, on_row, &r) != 0) {
		if (!*err)
			snprintf(err, errlen, "%s: %s", tsv, strerror(errno));
		goto done;
	}
	rc = write_index(&b, out, err, errlen);
done:
	for (size_t i = 0; i < b.nk; i++)
		free(b.keys[i].key);
	free(b.keys);
	free(b.places);
	free(b.str);
	return rc;
}
