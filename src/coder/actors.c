/*
 * actors.c -- who is named in a sentence.  Countries (names, adjectives,
 * capitals), data/actors.txt (organisations, persons with dated roles) and
 * data/agents.txt (titles and group words that give a sector) are loaded
 * into one map from canonical word sequences to entries.  A sentence is
 * scanned longest-match-first into "atoms", and the atoms are then composed
 * into mentions the way news writes titles: "Azerbaijan's foreign
 * minister", "the Foreign Minister of Azerbaijan, Jeyhun Bayramov",
 * "illegal Armenian armed forces".
 *
 * Canonical form (both for dictionary phrases and for text tokens): lower
 * case, hyphens read as spaces, full stops dropped, a trailing possessive
 * 's dropped.  So "Secretary-General" matches whether the tokenizer keeps it
 * as one token or splits it at the hyphen, and "U.N." whether or not the
 * stops stay attached.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include "coder.h"

enum etype { E_NAME, E_COUNTRY, E_CAPITAL, E_ADJ, E_AGENT, E_PRONOUN, E_SKIP, E_MOD };

typedef struct role {
	char code[32];
	cw_date from, to;       /* y == 0: open */
} role;

/* One named actor of actors.txt; all its aliases share it. */
typedef struct actor {
	role *roles;
	int nroles, caproles;
	const char *key;        /* a person's surname, lower case; NULL otherwise */
	const char *rule;
	int img;                /* its index + 1 in the image being written */
} actor;

typedef struct entry {
	int type;
	const actor *act;       /* E_NAME */
	char country[4];        /* E_COUNTRY, E_CAPITAL, E_ADJ */
	char sectors[CW_MAX_SECTORS][4];
	int nsectors;           /* E_AGENT, E_MOD */
	int plural;
	const char *exact;      /* an all-caps alias must appear exactly so */
	const char *rule;
	int secondary;          /* from data/phoenix/, which never overrides ours */
	int envoy;              /* E_AGENT: sent by a state ("envoy" in agents.txt) */
	int body;               /* E_PRONOUN: stands for a named body ("body") */
	struct entry *next;     /* other entries with the same canonical key */
} entry;

/* Map values: every word-boundary prefix of a key is stored too, with an
 * empty list, so that a scan stops as soon as no entry can follow. */
typedef struct node {
	entry *list;
	int removed;            /* "!Name": a secondary file may not add it back */
	const char *key;        /* its key in the map, for the image */
} node;

/* A Bloom filter over every key and key prefix of the map.  Most words of
 * a sentence start no key, and with the Phoenix names the map outgrew the
 * cache: each look-up that finds nothing cost a cache miss or three.  2^20
 * bits are 128 KB, within L2, and give about 1.5% false positives at the
 * 70,000 keys curlew and Phoenix make together. */
#define BLOOM_BITS (1u << 20)
/* Keys the map is sized for at the start, so that it is not rehashed six
 * times as it grows (a growing map still works). */
#define MAP_EXPECT 70000

struct cw_actor_dict {
	cw_arena *arena;
	cw_map *map;
	uint64_t *bloom;        /* BLOOM_BITS bits */
	cw_map *particles;      /* function_words and not_name_words */
	int maxlen;             /* longest key, in words */
	cw_actor_stats stats;
	node **nodes;           /* every node of the map, for the image */
	int nnodes, capnodes;
	char *image;            /* data/gen/actors.bin when it was read */
};

/* ------------------------------------------------------------ canonical */

#define KEYMAX 512
/* Aliases on one actors.txt line: the PETRARCH import writes up to 64. */
#define MAX_NAMES 64

/* Appends the canonical form of word w (n bytes) to buf at *len; returns
 * the number of bytes appended, or -1 when the buffer is full. */
static int canon_append(char *buf, size_t *len, const char *w, size_t n)
{
	/* drop a possessive 's or ' at the end */
	if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
		n -= 2;
	else if (n > 1 && w[n - 1] == '\'')
		n -= 1;
	size_t start = *len;
	utf8proc_ssize_t i = 0;
	while ((size_t)i < n) {
		utf8proc_int32_t cp = (unsigned char)w[i];
		utf8proc_ssize_t l = 1;
		/* ASCII needs no decoding: most of the Phoenix names are ASCII,
		 * and the loader canonicalises every one of them */
		if (cp >= 0x80) {
			l = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)n - i, &cp);
			if (l <= 0) {
				cp = (unsigned char)w[i];
				l = 1;
			}
		}
		i += l;
		if (cp == '.')
			continue;
		if (cp == '-' || cp == ' ' || cp == 0x2019)
			cp = cp == 0x2019 ? '\'' : ' ';
		if (cp == ' ' && (*len == 0 || buf[*len - 1] == ' '))
			continue;
		if (*len + 5 >= KEYMAX)
			return -1;
		if (cp < 0x80) {
			buf[(*len)++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
			continue;
		}
		/* wire copy drops accents the dictionaries keep, and the other
		 * way round ("Brasilia", "Bogota", "Sao Paulo"): a letter is
		 * keyed by its base letter, its marks stripped */
		utf8proc_int32_t base[4];
		int last = 0;
		utf8proc_ssize_t nb = utf8proc_decompose_char(cp, base, 4,
							      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
		if (nb == 1)
			cp = base[0];
		cp = utf8proc_tolower(cp);
		*len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + *len);
	}
	while (*len > start && buf[*len - 1] == ' ')
		(*len)--;
	buf[*len] = '\0';
	return (int)(*len - start);
}

/* Canonical key of a whole dictionary phrase; returns its word count. */
static int canon_phrase(const char *s, char *buf)
{
	size_t len = 0;
	int words = 0;
	buf[0] = '\0';
	while (*s) {
		while (*s == ' ')
			s++;
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		if (e == s)
			break;
		size_t before = len;
		if (len > 0) {
			buf[len++] = ' ';
			buf[len] = '\0';
		}
		int k = canon_append(buf, &len, s, (size_t)(e - s));
		if (k < 0)
			return -1;
		if (k == 0)
			len = before, buf[len] = '\0';
		else
			words++;
		s = e;
	}
	/* a hyphenated word counts as several for the maximum length */
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += buf[i] == ' ';
	return len ? (words > n + 1 ? words : n + 1) : 0;
}

static int all_caps_alias(const char *s)
{
	int upper = 0;
	for (; *s; s++) {
		if (*s >= 'a' && *s <= 'z')
			return 0;
		upper += *s >= 'A' && *s <= 'Z';
	}
	return upper >= 2;
}

/* ----------------------------------------------------------------- bloom */

#define FNV64_OFFSET 14695981039346656037ull   /* FNV-1a's published constants */
#define FNV64_PRIME 1099511628211ull

static uint64_t fnv_more(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV64_PRIME;
	}
	return h;
}

static void bloom_add(cw_actor_dict *d, uint64_t h)
{
	uint32_t a = (uint32_t)h % BLOOM_BITS, b = (uint32_t)(h >> 32) % BLOOM_BITS;
	d->bloom[a / 64] |= 1ull << (a % 64);
	d->bloom[b / 64] |= 1ull << (b % 64);
}

/* 0: no key or prefix has this hash; 1: perhaps one has. */
static int bloom_has(const cw_actor_dict *d, uint64_t h)
{
	uint32_t a = (uint32_t)h % BLOOM_BITS, b = (uint32_t)(h >> 32) % BLOOM_BITS;
	return (d->bloom[a / 64] >> (a % 64) & 1) && (d->bloom[b / 64] >> (b % 64) & 1);
}

/* -------------------------------------------------------------- loading */

/* Does one of our own entries (of a type in the mask, 0 for any) or a
 * "!Name" removal hold the key? */
/* The map's node for key[0, n), asking the Bloom filter first: most
 * Phoenix names are new, and a miss in the map costs a cache miss. */
static node *lookup(const cw_actor_dict *d, const char *key, size_t n)
{
	return bloom_has(d, fnv_more(FNV64_OFFSET, key, n)) ? cw_map_getn(d->map, key, n) : NULL;
}

static int own_key(const cw_actor_dict *d, const char *key, size_t n, unsigned types)
{
	const node *nd = lookup(d, key, n);
	if (!nd)
		return 0;
	if (nd->removed && !types)
		return 1;
	for (const entry *e = nd->list; e; e = e->next)
		if (!e->secondary && (!types || (types & (1u << e->type))))
			return 1;
	return 0;
}

/* The map's keys live in the dictionary's arena (the map borrows them):
 * a malloc for each of ~70,000 keys was a tenth of loading the actors. */
static node *new_node(cw_actor_dict *d, const char *key)
{
	node *nd = cw_alloc(d->arena, sizeof *nd);
	char *k = nd ? cw_strdup(d->arena, key) : NULL;
	node **v = k ? cw_grow(d->arena, d->nodes, &d->capnodes, d->nnodes + 1, sizeof *v) : NULL;
	if (!v || cw_map_put(d->map, k, nd) < 0)
		return NULL;
	d->nodes = v;
	d->nodes[d->nnodes++] = nd;
	nd->key = k;
	return nd;
}

/* Adds phrase under its canonical key; returns 0, 1 when a secondary
 * phrase is left to our own entry for the same words, -1 out of memory. */
static int add_canon(cw_actor_dict *d, char *key, int words, const char *phrase, entry *proto);

static int add_key(cw_actor_dict *d, const char *phrase, entry *proto)
{
	char key[KEYMAX];
	int words = canon_phrase(phrase, key);
	return words > 0 ? add_canon(d, key, words, phrase, proto) : 0;
}

/* add_key for a phrase whose canonical key (of that many words) is known;
 * key is written to and restored. */
static int add_canon(cw_actor_dict *d, char *key, int words, const char *phrase, entry *proto)
{
	if (proto->secondary && own_key(d, key, strlen(key), 0))
		return 1;
	if (words > d->maxlen)
		d->maxlen = words;
	/* the prefixes, so that a scan knows when to stop */
	uint64_t h = FNV64_OFFSET;
	const char *done = key;
	for (char *sp = strchr(key, ' '); sp; sp = strchr(sp + 1, ' ')) {
		h = fnv_more(h, done, (size_t)(sp - done));
		done = sp;
		bloom_add(d, h);
		*sp = '\0';
		if (!cw_map_get(d->map, key) && !new_node(d, key))
			return -1;
		*sp = ' ';
	}
	bloom_add(d, fnv_more(h, done, strlen(done)));
	node *nd = cw_map_get(d->map, key);
	if (!nd && !(nd = new_node(d, key)))
		return -1;
	entry *e = cw_alloc(d->arena, sizeof *e);
	if (!e)
		return -1;
	*e = *proto;
	if (all_caps_alias(phrase) && !(e->exact = cw_strdup(d->arena, phrase)))
		return -1;
	/* keep insertion order: the first entry of a type wins, except that
	 * a capital, adjective or country line of actors.txt replaces the
	 * country table's own ("Moscow" with its dates) */
	entry **pp = &nd->list;
	while (*pp) {
		if (e->act && !e->secondary && !(*pp)->act && (*pp)->type == e->type &&
		    e->type != E_NAME)
			*pp = (*pp)->next;
		else
			pp = &(*pp)->next;
	}
	*pp = e;
	return 0;
}

static int load_countries(cw_actor_dict *d, const curlew *cw)
{
	size_t n = cw->countries ? cw_countries_count(cw->countries) : 0;
	for (size_t i = 0; i < n; i++) {
		const cw_country *c = cw_countries_at(cw->countries, i);
		entry e = { 0 };
		memcpy(e.country, c->iso3, 4);
		e.rule = cw_printf(d->arena, "countries:%s", c->iso3);
		if (!e.rule)
			return -1;
		e.type = E_COUNTRY;
		for (const char **p = c->names; p && *p; p++)
			if (add_key(d, *p, &e) < 0)
				return -1;
		e.type = E_ADJ;
		for (const char **p = c->adjectives; p && *p; p++) {
			size_t l = strlen(*p);
			e.plural = l > 1 && (*p)[l - 1] == 's';
			if (add_key(d, *p, &e) < 0)
				return -1;
		}
		e.plural = 0;
		e.type = E_CAPITAL;
		if (c->capital && *c->capital && add_key(d, c->capital, &e) < 0)
			return -1;
	}
	return 0;
}

typedef struct loader {
	cw_actor_dict *d;
	const char *file;
	actor *last;            /* for continuation lines */
	char *err;
	size_t errlen;
	int secondary;          /* reading data/phoenix/ */
	const curlew *cw;
	struct sname *names;    /* MAX_NAMES of them, for secondary lines */
} loader;

/* "phoenix/actors.txt:123", which explain shows; made without printf,
 * whose cost showed for the 30,000 lines of the Phoenix files. */
static const char *rule_name(cw_arena *a, const char *file, int lineno)
{
	char num[16];
	size_t k = sizeof num;
	num[--k] = '\0';
	unsigned v = lineno > 0 ? (unsigned)lineno : 0;
	do
		num[--k] = (char)('0' + v % 10);
	while ((v /= 10) && k > 0);
	size_t fl = strlen(file), nl = sizeof num - 1 - k;
	char *r = cw_alloc(a, fl + nl + 2);
	if (!r)
		return NULL;
	memcpy(r, file, fl);
	r[fl] = ':';
	memcpy(r + fl + 1, num + k, nl + 1);
	return r;
}

static int bad_line(loader *ld, int lineno, const char *why)
{
	snprintf(ld->err, ld->errlen, "%s:%d: %s", ld->file, lineno, why);
	return -1;
}

/* "[AZEGOV 2003-10-31 -]" contents: a code and an optional date range. */
static int parse_role(loader *ld, actor *a, char *s, int lineno)
{
	char *f[4];
	int k = 0;
	for (char *t = strtok(s, " \t"); t && k < 4; t = strtok(NULL, " \t"))
		f[k++] = t;
	if (k != 1 && k != 3)
		return bad_line(ld, lineno, "a role is [CODE] or [CODE FROM TO] with - for an open end");
	role *r = cw_grow(ld->d->arena, a->roles, &a->caproles, a->nroles + 1, sizeof *r);
	if (!r)
		return -1;
	a->roles = r;
	r = &r[a->nroles];
	if (strlen(f[0]) >= sizeof r->code || (f[0][0] != '~' && strlen(f[0]) < 3))
		return bad_line(ld, lineno, "bad actor code");
	strcpy(r->code, f[0]);
	memset(&r->from, 0, sizeof r->from);
	memset(&r->to, 0, sizeof r->to);
	if (k == 3) {
		if ((strcmp(f[1], "-") && cw_date_parse(f[1], &r->from) < 0) ||
		    (strcmp(f[2], "-") && cw_date_parse(f[2], &r->to) < 0))
			return bad_line(ld, lineno, "role dates are YYYY-MM-DD or -");
	}
	a->nroles++;
	return 0;
}

/* Cuts the [...] groups out of line; calls fn on each.  Returns the text
 * after the last group (kind words) or NULL on a malformed group. */
static char *bracket_groups(char *line, char **groups, int *ng, int max)
{
	char *p = strchr(line, '[');
	char *tail = p ? p : line + strlen(line);
	*ng = 0;
	while (p) {
		char *q = strchr(p, ']');
		if (!q || *ng >= max)
			return NULL;
		*p = '\0';
		*q = '\0';
		groups[(*ng)++] = p + 1;
		tail = q + 1;
		p = strchr(q + 1, '[');
		if (p) {
			for (char *t = q + 1; t < p; t++)
				if (*t != ' ' && *t != '\t')
					return NULL;
		}
	}
	return tail;
}

static void strip_comment(char *line)
{
	char *h = strchr(line, '#');
	if (h)
		*h = '\0';
}

static int particle_word(const cw_actor_dict *d, const char *w);
static int load_particles(cw_actor_dict *d);

/* The word coref remembers a person by: the last word, unless that is a
 * particle or a syllable of an East Asian given name ("Moon Jae-in" would
 * give "in", "Kim Jong Un" "un"): then the family name, which comes first. */
static const char *surname_of(const cw_actor_dict *d, cw_arena *a, const char *name)
{
	char key[KEYMAX];
	if (canon_phrase(name, key) <= 0)
		return NULL;
	const char *sp = strrchr(key, ' ');
	const char *last = sp ? sp + 1 : key;
	if (sp && (strlen(last) <= 2 || particle_word(d, last))) {
		char *first_sp = strchr(key, ' ');
		*first_sp = '\0';
		last = key;
	}
	return cw_strdup(a, last);
}

/* surname_of failed: a name with no word to remember the person by ("-",
 * "...") is a data error; otherwise memory ran out. */
static int no_surname(loader *ld, int lineno, const char *name)
{
	char key[KEYMAX];
	if (canon_phrase(name, key) <= 0)
		return bad_line(ld, lineno, "a name with dated roles needs a word of letters or digits");
	return bad_line(ld, lineno, "out of memory");
}

/* -------------------------------------------- the secondary dictionaries
 * data/phoenix/ adds what curlew's own files lack and never overrides
 * them: a name our files already hold is theirs, and a Phoenix entry that
 * shares a name with one of our actors is the same actor, whose roles and
 * dates are ours. */

/* Our longest entry at the start of key, or NULL; *len its bytes. */
static const entry *own_prefix(const cw_actor_dict *d, const char *key, size_t *len)
{
	const entry *best = NULL;
	*len = 0;
	for (const char *end = key;; end++) {
		if (*end != ' ' && *end != '\0')
			continue;
		size_t n = (size_t)(end - key);
		const node *nd = lookup(d, key, n);
		if (!nd)
			break;     /* no key goes on with these words */
		const entry *e = nd->list;
		while (e && e->secondary)
			e = e->next;    /* ours come first; Phoenix's after */
		if (e)
			best = e, *len = n;
		if (!*end)
			break;
	}
	return best;
}

/* Do our own words read this name already?  A title before a person's
 * name ("President Karzai", "Acting Minister Abdul Rahim") is read as the
 * title and the name, with the person's dates from our files if we have
 * him; a name made only of country or organisation words and titles ("U.S.
 * President", "UN Secretary General", "Russian forces") is composed the
 * same way as any other. */
static int composed(const cw_actor_dict *d, const char *key, int person)
{
	int agents = 0, words = 0, title_first = 0;
	for (const char *p = key; *p;) {
		size_t n;
		const entry *e = own_prefix(d, p, &n);
		int t = e ? e->type : -1;
		if (t == E_AGENT || t == E_MOD)
			agents++, title_first |= words == 0;
		else if (t == E_SKIP)
			;          /* "acting", "senior": modifiers inside a title */
		else if (t != E_COUNTRY && t != E_ADJ && t != E_CAPITAL &&
			 !(t == E_NAME && !e->act->key))
			return person && title_first;
		if (t != E_SKIP)
			words++;
		p += n;
		while (*p == ' ')
			p++;
	}
	return agents > 0;
}

/* A name of a secondary file, canonicalised once for all the checks. */
typedef struct sname {
	const char *text;
	char key[KEYMAX];
	int words;
} sname;

/* Is one of these names one of our own actors? */
static int shadowed(cw_actor_dict *d, const sname *names, int nn)
{
	for (int i = 0; i < nn; i++)
		if (names[i].words > 0 &&
		    own_key(d, names[i].key, strlen(names[i].key), 1u << E_NAME)) {
			d->stats.shadowed++;
			return 1;
		}
	return 0;
}

/* Adds a secondary name unless ours hold it, read it or place it. */
static int add_secondary(const loader *ld, sname *n, entry *e, int person)
{
	cw_actor_dict *d = ld->d;
	cw_place pl;
	if (n->words <= 0)
		return 0;
	if (own_key(d, n->key, strlen(n->key), 0)) {
		d->stats.known++;
		return 0;
	}
	if (composed(d, n->key, person)) {
		d->stats.composed++;
		return 0;
	}
	/* a person with dated roles is no place; asking the gazetteer for
	 * each of them was a tenth of the loading time */
	if (!person && ld->cw && ld->cw->places && cw_place_lookup(ld->cw, n->text, &pl) == 0) {
		d->stats.places++;   /* "hostages held in Gaza" is a place's */
		return 0;
	}
	if (add_canon(d, n->key, n->words, n->text, e) < 0)
		return -1;
	d->stats.added++;
	return 0;
}

static int on_actor_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	cw_actor_dict *d = ld->d;
	strip_comment(line);
	int cont = line[0] == ' ' || line[0] == '\t';
	char *s = cw_trim(line);
	if (!*s)
		return 0;
	if (*s == '!') {         /* a country/capital name that is not an actor here */
		char key[KEYMAX];
		if (canon_phrase(cw_trim(s + 1), key) > 0) {
			node *nd = cw_map_get(d->map, key);
			if (nd) {
				nd->list = NULL;
				nd->removed = 1;
			}
		}
		return 0;
	}
	char *groups[16];
	int ng;
	char *tail = bracket_groups(s, groups, &ng, 16);
	if (!tail)
		return bad_line(ld, lineno, "unbalanced [ ]");
	if (cont && *s == '\0') {
		if (!ld->last)
			return bad_line(ld, lineno, "continuation line with no entry before it");
		for (int i = 0; i < ng; i++)
			if (parse_role(ld, ld->last, groups[i], lineno) < 0)
				return -1;
		return 0;
	}
	if (ng == 0)
		return bad_line(ld, lineno, "no [CODE] on the line");
	actor *a = cw_alloc(d->arena, sizeof *a);
	if (!a || !(a->rule = rule_name(d->arena, ld->file, lineno)))
		return -1;
	for (int i = 0; i < ng; i++)
		if (parse_role(ld, a, groups[i], lineno) < 0)
			return -1;
	tail = cw_trim(tail);
	int group = strcmp(tail, "group") == 0;
	if (group)
		tail += 5;
	entry e = { 0 };
	e.type = E_NAME;
	e.act = a;
	e.rule = a->rule;
	e.secondary = ld->secondary;
	if (strcmp(tail, "capital") == 0 || strcmp(tail, "adjective") == 0 ||
	    strcmp(tail, "country") == 0) {
		e.type = tail[0] == 'c' && tail[1] == 'a' ? E_CAPITAL :
			 tail[0] == 'a' ? E_ADJ : E_COUNTRY;
		for (int i = 0; i < a->nroles; i++)
			if (strlen(a->roles[i].code) != 3)
				return bad_line(ld, lineno, "a capital, adjective or country alias takes bare country codes");
		memcpy(e.country, a->roles[0].code, 4);
	} else if (*tail) {
		return bad_line(ld, lineno, "unknown kind after the codes (capital, adjective, country, group)");
	}
	char *names[MAX_NAMES];
	int nn = cw_split(s, '|', names, MAX_NAMES);
	int dated = 0;
	for (int i = 0; i < a->nroles; i++)
		dated |= a->roles[i].from.y || a->roles[i].to.y;
	ld->last = a;
	if (ld->secondary) {
		sname *sn = ld->names;
		for (int i = 0; i < nn; i++) {
			sn[i].text = cw_trim(names[i]);
			sn[i].words = canon_phrase(sn[i].text, sn[i].key);
		}
		if (shadowed(d, sn, nn))
			return 0;
		for (int i = 0; i < nn; i++)
			if (add_secondary(ld, &sn[i], &e, dated && !group) < 0)
				return -1;
	}
	for (int i = 0; i < nn && !ld->secondary; i++) {
		char *nm = cw_trim(names[i]);
		if (*nm && add_key(d, nm, &e) < 0)
			return -1;
		/* the surname: a one-word alias ("Xi Jinping | Xi"), else the
		 * last word of the first name */
		if (dated && !group && !strchr(nm, ' ') && !a->key &&
		    !(a->key = surname_of(d, d->arena, nm)))
			return no_surname(ld, lineno, nm);
	}
	if (dated && !group && !a->key && nn > 0 &&
	    !(a->key = surname_of(d, d->arena, cw_trim(names[0]))))
		return no_surname(ld, lineno, cw_trim(names[0]));
	return 0;
}

static int on_agent_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	strip_comment(line);
	char *s = cw_trim(line);
	if (!*s)
		return 0;
	char *groups[2];
	int ng;
	char *tail = bracket_groups(s, groups, &ng, 2);
	if (!tail || ng != 1 || *cw_trim(tail))
		return bad_line(ld, lineno, "an agent line is: words | words+  [SECTORS]");
	entry e = { 0 };
	e.type = E_AGENT;
	e.secondary = ld->secondary;
	if (!(e.rule = rule_name(ld->d->arena, ld->file, lineno)))
		return -1;
	for (char *t = strtok(groups[0], " \t"); t; t = strtok(NULL, " \t")) {
		if (strcmp(t, "~") == 0)
			continue;
		if (strcmp(t, "pronoun") == 0)
			e.type = E_PRONOUN;
		else if (strcmp(t, "skip") == 0)
			e.type = E_SKIP;
		else if (strcmp(t, "replace") == 0)
			e.type = E_MOD;
		else if (strcmp(t, "envoy") == 0)
			e.envoy = 1;
		else if (strcmp(t, "body") == 0)
			e.type = E_PRONOUN, e.body = 1;
		else if (strlen(t) == 3 && e.nsectors < CW_MAX_SECTORS)
			memcpy(e.sectors[e.nsectors++], t, 4);
		else
			return bad_line(ld, lineno, "sectors are three-letter codes, ~, pronoun, body, skip, replace or envoy");
	}
	char *words[64];
	int nw = cw_split(s, '|', words, 64);
	for (int i = 0; i < nw; i++) {
		char *w = cw_trim(words[i]);
		size_t l = strlen(w);
		e.plural = l > 1 && w[l - 1] == '+';
		if (e.plural)
			w[l - 1] = '\0';
		if (!*w)
			continue;
		if (ld->secondary) {   /* "former president": ours read it */
			sname *sn = ld->names;
			sn->text = w;
			sn->words = canon_phrase(w, sn->key);
			if (add_secondary(ld, sn, &e, 0) < 0)
				return -1;
		} else if (add_key(ld->d, w, &e) < 0) {
			return -1;
		}
	}
	return 0;
}

static int load_file(loader *ld, const char *name, cw_line_fn fn)
{
	char *path = cw_printf(ld->d->arena, "%s/%s", ld->file, name);
	if (!path)
		return -1;
	const char *dir = ld->file;
	ld->file = name;
	int rc = cw_read_lines(path, fn, ld);
	ld->file = dir;
	if (rc == -1 && !ld->err[0])
		snprintf(ld->err, ld->errlen, errno == ENOMEM ? "out of memory reading %s"
			 : "cannot read %s", path);
	return rc ? -1 : 0;
}

/* data/phoenix/ is optional: a data directory written by "dict import"
 * without --merge holds the user's PETRARCH dictionaries alone. */
static int phoenix_present(loader *ld)
{
	char *path = cw_printf(ld->d->arena, "%s/phoenix/actors.txt", ld->file);
	return path && access(path, F_OK) == 0;
}

/* ---------------------------------------------------------------- image
 * data/gen/actors.bin is the dictionary this file builds from the text,
 * written by make (build/actc): reading it back is a copy and one map
 * insertion per key, where canonicalising, checking and inserting the
 * 30,000 lines was two thirds of start-up.  The text stays the source:
 * the image carries a hash of every file the loading reads, and an image
 * that is missing, damaged or of other files is passed over and the text
 * read as before.  Host byte order, checked by a mark, as the gazetteer's
 * index. */

#define IMG_MAGIC "CWACTOR\0"
/* Raised whenever the layout or what the loading makes of the text
 * changes; the Makefile rebuilds the image when actors.c does. */
#define IMG_VERSION 2u
#define IMG_BOM 0x01020304u
#define IMG_NONE 0xffffffffu    /* no string */

/* The image is its sources' only while they are unchanged: what
 * cw_actors_load reads, directly or through the countries table and the
 * gazetteer's lookups.  Every table of the data directory and of phoenix/
 * is hashed rather than a list of those files, so that a file the loader
 * comes to read is never missed (hashing two megabytes costs about a
 * millisecond); the gazetteer's index by its size, head and tail (it is
 * 18 MB, and make writes it whole from its own source). */
static const char *const img_dirs[] = { "", "phoenix/", NULL };
static const char *const img_gen[] = { "gen/countries.tsv", NULL };
#define IMG_GAZ_SAMPLE 4096

/* Eight bytes at a time: the two megabytes of text are hashed at every
 * start-up, and only a change is looked for, never an adversary. */
static uint64_t img_hash(uint64_t h, const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * FNV64_PRIME;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * FNV64_PRIME;
	return (h ^ n) * FNV64_PRIME;
}

static int img_table(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 &&
	       (strcmp(e->d_name + n - 4, ".txt") == 0 || strcmp(e->d_name + n - 4, ".tsv") == 0);
}

static int img_name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Adds the file's name and contents (or its absence) to *h; -1 when it
 * cannot be read for another reason than its absence. */
static int img_hash_file(uint64_t *h, const char *data_dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", data_dir, name);
	size_t n = 0;
	char *b = cw_read_file(path, &n);
	if (!b && errno != ENOENT)
		return -1;
	*h = img_hash(*h, name, strlen(name) + 1);
	*h = b ? img_hash(*h, b, n) : *h * FNV64_PRIME;
	free(b);
	return 0;
}

typedef struct img_header {
	char magic[8];
	uint32_t version, bom;
	uint64_t stamp;
	uint32_t nactors, nroles, nnodes, nentries, strsize, maxlen;
	int64_t stats[5];
} img_header;

typedef struct img_actor {
	uint32_t role0, nroles, key, rule;
} img_actor;

typedef struct img_node {
	uint32_t key, entry0, nentries, removed;
} img_node;

/* Every field of entry but next, which the loading rebuilds: a field
 * added to entry and not here is lost from the image, and
 * tests/cli/actors_image.sh (the image codes dev as the text does) fails. */
typedef struct img_entry {
	int32_t type, act, nsectors, plural, secondary, envoy, body;
	uint32_t exact, rule;
	char country[4];
	char sectors[CW_MAX_SECTORS][4];
} img_entry;

/* The hash of the image's sources in data_dir; 0 when one cannot be read
 * for another reason than its absence. */
static uint64_t img_stamp(const char *data_dir)
{
	uint64_t h = img_hash(FNV64_OFFSET, IMG_MAGIC, 8) ^ IMG_VERSION;
	char path[4096];
	int rc = 0;
	for (const char *const *dir = img_dirs; *dir && rc == 0; dir++) {
		struct dirent **names;
		snprintf(path, sizeof path, "%s/%s", data_dir, *dir);
		int n = scandir(path, &names, img_table, img_name_cmp);
		for (int i = 0; i < n; i++) {
			snprintf(path, sizeof path, "%s%s", *dir, names[i]->d_name);
			if (rc == 0)
				rc = img_hash_file(&h, data_dir, path);
			free(names[i]);
		}
		if (n >= 0)
			free(names);
		else if (errno != ENOENT)
			rc = -1;
	}
	for (const char *const *f = img_gen; *f && rc == 0; f++)
		rc = img_hash_file(&h, data_dir, *f);
	if (rc < 0)
		return 0;
	snprintf(path, sizeof path, "%s/gen/gazetteer.idx", data_dir);
	FILE *g = fopen(path, "rb");
	if (g) {
		char buf[IMG_GAZ_SAMPLE];
		size_t n = fread(buf, 1, sizeof buf, g);
		h = img_hash(h, buf, n);
		long size = fseek(g, 0, SEEK_END) == 0 ? ftell(g) : -1;
		if (size > IMG_GAZ_SAMPLE && fseek(g, size - IMG_GAZ_SAMPLE, SEEK_SET) == 0)
			h = img_hash(h, buf, fread(buf, 1, sizeof buf, g));
		h = img_hash(h, (const char *)&size, sizeof size);
		fclose(g);
	}
	return h ? h : 1;
}

/* ---- writing */

typedef struct img_buf {
	char *b;
	size_t n, cap;
	int failed;
} img_buf;

static void img_put(img_buf *w, const void *p, size_t n)
{
	if (w->failed)
		return;
	if (w->n + n > w->cap) {
		size_t cap = w->cap ? w->cap : 1 << 16;
		while (cap < w->n + n)
			cap *= 2;
		char *b = realloc(w->b, cap);
		if (!b) {
			w->failed = 1;
			return;
		}
		w->b = b;
		w->cap = cap;
	}
	memcpy(w->b + w->n, p, n);
	w->n += n;
}

static uint32_t img_str(img_buf *strs, const char *s)
{
	if (!s)
		return IMG_NONE;
	uint32_t off = (uint32_t)strs->n;
	img_put(strs, s, strlen(s) + 1);
	return off;
}

int cw_actors_save(cw_actor_dict *d, const char *data_dir, const char *path, char *err, size_t errlen)
{
	img_buf acts = { 0 }, roles = { 0 }, nodes = { 0 }, ents = { 0 }, strs = { 0 };
	uint32_t nactors = 0, nroles = 0, nentries = 0;
	for (int i = 0; i < d->nnodes; i++) {
		const node *nd = d->nodes[i];
		img_node in = { img_str(&strs, nd->key), nentries, 0, (uint32_t)nd->removed };
		for (const entry *e = nd->list; e; e = e->next, in.nentries++, nentries++) {
			img_entry ie = { e->type, -1, e->nsectors, e->plural, e->secondary,
					 e->envoy, e->body, img_str(&strs, e->exact), img_str(&strs, e->rule), { 0 }, { { 0 } } };
			memcpy(ie.country, e->country, sizeof ie.country);
			memcpy(ie.sectors, e->sectors, sizeof ie.sectors);
			actor *a = (actor *)e->act;
			if (a && !a->img) {
				img_actor ia = { nroles, (uint32_t)a->nroles, img_str(&strs, a->key),
						 img_str(&strs, a->rule) };
				img_put(&acts, &ia, sizeof ia);
				img_put(&roles, a->roles, (size_t)a->nroles * sizeof *a->roles);
				nroles += (uint32_t)a->nroles;
				a->img = (int)++nactors;
			}
			if (a)
				ie.act = a->img - 1;
			img_put(&ents, &ie, sizeof ie);
		}
		img_put(&nodes, &in, sizeof in);
	}
	img_header h = { IMG_MAGIC, IMG_VERSION, IMG_BOM, img_stamp(data_dir), nactors, nroles,
			 (uint32_t)d->nnodes, nentries, (uint32_t)strs.n, (uint32_t)d->maxlen,
			 { d->stats.added, d->stats.known, d->stats.composed, d->stats.shadowed,
			   d->stats.places } };
	FILE *f = fopen(path, "wb");
	int ok = f && !acts.failed && !roles.failed && !nodes.failed && !ents.failed && !strs.failed &&
		 fwrite(&h, sizeof h, 1, f) == 1 && fwrite(d->bloom, BLOOM_BITS / 8, 1, f) == 1 &&
		 fwrite(acts.b, 1, acts.n, f) == acts.n && fwrite(roles.b, 1, roles.n, f) == roles.n &&
		 fwrite(nodes.b, 1, nodes.n, f) == nodes.n && fwrite(ents.b, 1, ents.n, f) == ents.n &&
		 fwrite(strs.b, 1, strs.n, f) == strs.n;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok)
		snprintf(err, errlen, "%s: %s", path, strerror(errno ? errno : ENOMEM));
	free(acts.b);
	free(roles.b);
	free(nodes.b);
	free(ents.b);
	free(strs.b);
	return ok ? 0 : -1;
}

/* ---- reading */

/* The string at off, or NULL when off is IMG_NONE or outside. */
static const char *img_string(const char *strs, uint32_t size, uint32_t off, int *bad)
{
	if (off == IMG_NONE)
		return NULL;
	if (off >= size) {
		*bad = 1;
		return NULL;
	}
	return strs + off;
}

/* 1: the dictionary is the image's; 0: there is no usable image (the text
 * is read); -1: out of memory. */
static int img_load(cw_actor_dict *d, const char *data_dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/gen/actors.bin", data_dir);
	size_t size;
	char *b = cw_read_file(path, &size);
	if (!b)
		return 0;
	img_header h;
	size_t off = sizeof h + BLOOM_BITS / 8;
	if (size < off || (memcpy(&h, b, sizeof h), memcmp(h.magic, IMG_MAGIC, 8)) ||
	    h.version != IMG_VERSION || h.bom != IMG_BOM || h.stamp != img_stamp(data_dir) ||
	    size != off + (size_t)h.nactors * sizeof(img_actor) + (size_t)h.nroles * sizeof(role) +
		    (size_t)h.nnodes * sizeof(img_node) + (size_t)h.nentries * sizeof(img_entry) +
		    h.strsize || (h.strsize && b[size - 1])) {
		free(b);
		return 0;
	}
	const char *ia = b + off, *ir = ia + (size_t)h.nactors * sizeof(img_actor);
	const char *in = ir + (size_t)h.nroles * sizeof(role);
	const char *ie = in + (size_t)h.nnodes * sizeof(img_node);
	const char *strs = ie + (size_t)h.nentries * sizeof(img_entry);
	actor *acts = cw_alloc(d->arena, (h.nactors ? h.nactors : 1) * sizeof *acts);
	role *roles = cw_alloc(d->arena, (h.nroles ? h.nroles : 1) * sizeof *roles);
	entry *ents = cw_alloc(d->arena, (h.nentries ? h.nentries : 1) * sizeof *ents);
	node *nodes = cw_alloc(d->arena, (h.nnodes ? h.nnodes : 1) * sizeof *nodes);
	if (!acts || !roles || !ents || !nodes) {
		free(b);
		return -1;
	}
	int bad = 0;
	memcpy(d->bloom, b + sizeof h, BLOOM_BITS / 8);
	memcpy(roles, ir, (size_t)h.nroles * sizeof *roles);
	for (uint32_t i = 0; i < h.nactors; i++) {
		img_actor a;
		memcpy(&a, ia + i * sizeof a, sizeof a);
		bad |= a.role0 > h.nroles || a.nroles > h.nroles - a.role0;
		acts[i].roles = roles + (bad ? 0 : a.role0);
		acts[i].nroles = acts[i].caproles = bad ? 0 : (int)a.nroles;
		acts[i].key = img_string(strs, h.strsize, a.key, &bad);
		acts[i].rule = img_string(strs, h.strsize, a.rule, &bad);
	}
	for (uint32_t i = 0; i < h.nentries && !bad; i++) {
		img_entry x;
		memcpy(&x, ie + i * sizeof x, sizeof x);
		entry *e = &ents[i];
		bad |= x.type < E_NAME || x.type > E_MOD || x.nsectors < 0 ||
		       x.nsectors > CW_MAX_SECTORS || x.act < -1 || x.act >= (int32_t)h.nactors;
		e->type = x.type;
		e->act = x.act >= 0 && !bad ? &acts[x.act] : NULL;
		memcpy(e->country, x.country, sizeof e->country);
		memcpy(e->sectors, x.sectors, sizeof e->sectors);
		e->country[3] = '\0';
		for (int k = 0; k < CW_MAX_SECTORS; k++)
			e->sectors[k][3] = '\0';
		e->nsectors = x.nsectors;
		e->plural = x.plural;
		e->secondary = x.secondary;
		e->envoy = x.envoy;
		e->body = x.body;
		e->exact = img_string(strs, h.strsize, x.exact, &bad);
		e->rule = img_string(strs, h.strsize, x.rule, &bad);
	}
	if (!bad && !(d->nodes = cw_alloc(d->arena, (h.nnodes ? h.nnodes : 1) * sizeof *d->nodes))) {
		free(b);
		return -1;
	}
	for (uint32_t i = 0; i < h.nnodes && !bad; i++) {
		img_node x;
		memcpy(&x, in + i * sizeof x, sizeof x);
		node *nd = &nodes[i];
		bad |= x.entry0 > h.nentries || x.nentries > h.nentries - x.entry0 || x.key == IMG_NONE;
		nd->key = img_string(strs, h.strsize, x.key, &bad);
		if (bad)
			break;
		nd->removed = (int)x.removed;
		nd->list = x.nentries ? &ents[x.entry0] : NULL;
		for (uint32_t k = 1; k < x.nentries; k++)
			ents[x.entry0 + k - 1].next = &ents[x.entry0 + k];
		if (cw_map_put(d->map, nd->key, nd) < 0) {
			free(b);
			return -1;
		}
		d->nodes[d->nnodes++] = nd;
	}
	if (bad) {
		/* a damaged image: start again from the text */
		free(b);
		return 2;
	}
	d->capnodes = d->nnodes;
	d->maxlen = (int)h.maxlen;
	d->stats = (cw_actor_stats){ h.stats[0], h.stats[1], h.stats[2], h.stats[3], h.stats[4] };
	d->image = b;
	return 1;
}

static cw_actor_dict *new_dict(void)
{
	cw_actor_dict *d = calloc(1, sizeof *d);
	if (!d || !(d->arena = cw_arena_new()) || !(d->map = cw_map_new_borrowed(MAP_EXPECT)) ||
	    !(d->bloom = cw_alloc(d->arena, BLOOM_BITS / 8)) ||
	    !(d->particles = cw_map_new()) || load_particles(d) < 0) {
		cw_actors_free(d);
		return NULL;
	}
	return d;
}

int cw_actors_load(cw_actor_dict **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	cw_actor_dict *d = new_dict();
	int img = d ? img_load(d, cw->data_dir) : -1;
	if (img == 2) {         /* damaged: the text, into a fresh dictionary */
		cw_actors_free(d);
		img = (d = new_dict()) ? 0 : -1;
	}
	if (img < 0) {
		cw_actors_free(d);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (img == 1) {
		*out = d;
		return 0;
	}
	loader ld = { d, cw->data_dir, NULL, err, errlen, 0, cw, NULL };
	int rc = load_countries(d, cw) < 0 || load_file(&ld, "actors.txt", on_actor_line) < 0 ||
		 load_file(&ld, "agents.txt", on_agent_line) < 0 ? -1 : 0;
	/* ours first, complete, so that every Phoenix name can defer to them */
	ld.secondary = 1;
	ld.last = NULL;
	if (rc == 0 && phoenix_present(&ld) &&
	    !(ld.names = cw_alloc(d->arena, MAX_NAMES * sizeof *ld.names)))
		rc = -1;
	if (rc == 0 && ld.names)
		rc = load_file(&ld, "phoenix/actors.txt", on_actor_line) < 0 ||
		     load_file(&ld, "phoenix/agents.txt", on_agent_line) < 0 ? -1 : 0;
	if (rc < 0) {
		if (errlen && !err[0])
			snprintf(err, errlen, "out of memory");
		cw_actors_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void cw_actors_stats(const cw_actor_dict *d, cw_actor_stats *out)
{
	memset(out, 0, sizeof *out);
	if (d)
		*out = d->stats;
}

void cw_actors_free(cw_actor_dict *d)
{
	if (!d)
		return;
	cw_map_free(d->map);
	cw_map_free(d->particles);
	cw_arena_free(d->arena);
	free(d->image);
	free(d);
}

/* ------------------------------------------------------------- matching */

/* An atom: one dictionary match or an unknown capitalised name. */
enum { A_ENTRY, A_UNKNOWN };
typedef struct atom {
	int kind;
	const entry *e;         /* A_ENTRY */
	int ts, te;             /* tokens [ts, te) */
	int poss;               /* ends in a possessive ('s inside or after) */
} atom;

static const char *const function_words[] = {
	"of", "the", "for", "and", "in", "on", "de", "al", "el", "bin", "ibn", "van", "von",
	"der", "la", "le", "du", "des", "y", "da", "di", "to", "at", "&", NULL
};

static int in_list(const char *const *list, const char *w)
{
	for (; *list; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

static int has_upper(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return 1;
	return 0;
}

static const char *tok_lower(const cw_token *t)
{
	return t->lower ? t->lower : t->text;
}

/* Tokens that may sit inside a phrase without breaking it. */
static int glue_token(const cw_token *t)
{
	return strcmp(t->text, "-") == 0 || strcmp(t->text, "'s") == 0 ||
	       strcmp(t->text, "'") == 0;
}

/* Does the text of tokens [ts, te) spell e->exact (spaces ignored)? */
static int exact_ok(const cw_token *toks, int ts, int te, const char *exact)
{
	const char *x = exact;
	for (int i = ts; i < te; i++) {
		const char *t = toks[i].text;
		size_t n = strlen(t);
		if (n > 2 && t[n - 2] == '\'' && t[n - 1] == 's')
			n -= 2;
		while (*x == ' ')
			x++;
		if (strncmp(x, t, n) != 0)
			return 0;
		x += n;
	}
	while (*x == ' ')
		x++;
	return *x == '\0';
}

/* Names match only when written as names: every word capitalised, or a
 * connector (of, the, al-), or carrying a capital inside (al-Qaeda). */
static int name_case_ok(const cw_token *toks, int ts, int te)
{
	int caps = 0;
	for (int i = ts; i < te; i++) {
		const cw_token *t = &toks[i];
		if (glue_token(t))
			continue;
		if ((t->flags & CW_T_CAP) || has_upper(t->text))
			caps++;
		else if (!in_list(function_words, tok_lower(t)) && !(t->flags & CW_T_NUM))
			return 0;
	}
	return caps > 0;
}

static const entry *pick_entry(const node *nd, const cw_token *toks, int ts, int te)
{
	static const int order[] = { E_NAME, E_COUNTRY, E_CAPITAL, E_ADJ,
				     E_PRONOUN, E_AGENT, E_MOD, E_SKIP };
	int names_ok = -1;
	for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
		for (const entry *e = nd->list; e; e = e->next) {
			if (e->type != order[o])
				continue;
			if (e->exact) {
				if (exact_ok(toks, ts, te, e->exact))
					return e;
				continue;
			}
			if (e->type <= E_ADJ) {
				if (names_ok < 0)
					names_ok = name_case_ok(toks, ts, te);
				if (!names_ok)
					continue;
			} else if (ts + 1 == te && (toks[ts].flags & CW_T_ALLCAP) &&
				   strlen(toks[ts].text) > 1) {
				continue;   /* "HE", "IT" in capitals are not the words */
			}
			return e;
		}
	}
	return NULL;
}

/* The longest dictionary match starting at token i, or 0. */
/* "Saudi-led coalition", "Maltese-flagged tanker", "Houthi-held port",
 * "Israeli-linked ships": the part before the hyphen names the actor's
 * country or owner.  "Iran-backed militias" and "UK-based group" are not
 * Iran's or Britain's own.  Returns the length of the part, or 0. */
static size_t led_prefix(const char *w)
{
	static const char *const suffix[] = { "led", "flagged", "held", "linked", "registered",
					      "owned", "controlled", "run", NULL };
	const char *h = strrchr(w, '-');
	if (!h || h == w)
		return 0;
	for (int i = 0; suffix[i]; i++)
		if (strcmp(h + 1, suffix[i]) == 0)
			return (size_t)(h - w);
	return 0;
}

/* One sentence's scan: each token's canonical form, made once, and each
 * start token's longest match, found once -- unknown_name asks again for
 * every word of a capitalised run, and the dictionary with the Phoenix
 * names lets more scans run on. */
typedef struct scan {
	const cw_actor_dict *d;
	const cw_sentence *s;
	const char **canon;     /* per token, NULL until made */
	int *clen;              /* its length; 0 ends a name, -1 too long */
	unsigned char *cut;     /* "Saudi-led": the name ends with this token */
	signed char *done;      /* longest match: 0 not yet, 1 found, -1 none */
	atom *memo;
	int oom;                /* an allocation failed: the sentence cannot be trusted */
} scan;

/* The canonical form of token j, made on first use; returns its length,
 * 0 when it adds nothing (ends a name), -1 when it cannot be had. */
static int token_canon(scan *sc, int j, cw_arena *a)
{
	if (sc->canon[j])
		return sc->clen[j];
	const char *w = tok_lower(&sc->s->toks[j]);
	char buf[KEYMAX];
	size_t len = 0, cut = led_prefix(w);
	int k = canon_append(buf, &len, w, cut ? cut : strlen(w));
	sc->cut[j] = cut != 0;
	sc->clen[j] = k;
	sc->canon[j] = k > 0 ? cw_strndup(a, buf, len) : "";
	if (!sc->canon[j])
		sc->canon[j] = "", sc->clen[j] = -1, sc->oom = 1;
	return sc->clen[j];
}

static int longest_match(scan *sc, cw_arena *a, int i, atom *out)
{
	if (sc->done[i]) {
		*out = sc->memo[i];
		return sc->done[i] > 0 ? out->te - out->ts : 0;
	}
	const cw_sentence *s = sc->s;
	const cw_token *toks = s->toks;
	char buf[KEYMAX];
	size_t len = 0;
	int best = 0;
	uint64_t h = FNV64_OFFSET;
	sc->done[i] = -1;
	if (toks[i].flags & CW_T_PUNCT && !glue_token(&toks[i]))
		return 0;
	for (int j = i; j < s->ntoks; j++) {
		const cw_token *t = &toks[j];
		if (glue_token(t) && j > i)
			continue;
		if ((t->flags & CW_T_PUNCT) && !(t->flags & CW_T_ALLCAP))
			break;
		int k = token_canon(sc, j, a);
		if (k <= 0 || len + 1 + (size_t)k >= KEYMAX)
			break;
		size_t from = len;
		if (len > 0)
			buf[len++] = ' ';
		memcpy(buf + len, sc->canon[j], (size_t)k);
		len += (size_t)k;
		h = fnv_more(h, buf + from, len - from);
		if (!bloom_has(sc->d, h))
			break;     /* no key goes on with these words */
		const node *nd = cw_map_getn(sc->d->map, buf, len);
		if (!nd)
			break;
		const entry *e = nd->list ? pick_entry(nd, toks, i, j + 1) : NULL;
		if (e) {
			out->kind = A_ENTRY;
			out->e = e;
			out->ts = i;
			out->te = j + 1;
			best = j + 1 - i;
		}
		if (sc->cut[j])
			break;   /* "Saudi-led" modifies what follows; it ends the name */
	}
	if (best) {
		const cw_token *last = &toks[out->te - 1];
		size_t n = strlen(last->text);
		out->poss = (n > 2 && last->text[n - 2] == '\'' && last->text[n - 1] == 's') ||
			    (out->te < s->ntoks && cw_possessive_token(&toks[out->te]));
		sc->memo[i] = *out;
		sc->done[i] = 1;
	}
	return best;
}

/* Capitalised words that start sentences or name things other than people. */
static const char *const not_name_words[] = {
	"the", "a", "an", "in", "on", "at", "during", "after", "before", "moreover", "also",
	"but", "and", "however", "meanwhile", "this", "that", "these", "those", "it", "we",
	"i", "his", "her", "their", "our", "its", "when", "while", "as", "if", "since",
	"although", "following", "according", "earlier", "later", "last", "next", "yesterday",
	"today", "tomorrow", "there", "here", "what", "who", "why", "how", "where", "for",
	"with", "by", "from", "to", "of", "under", "over", "despite", "apart", "amid", "about",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "new", "north", "south", "east", "west", "northern",
	"southern", "eastern", "western", "central", "saint", "st", "san", "santa", "los",
	"las", "port", "fort", "mount", "lake", "river", "sea", "ocean", "gulf", "bay",
	"island", "islands", "street", "avenue", "square", "city", "province", "region",
	"district", "county", "state", "republic", "kingdom", "university", "ministry",
	"council", "party", "organization", "organisation", "company", "group", "corp", "inc",
	"bank", "agency", "committee", "commission", "session", "assembly", "court", "army",
	"news", "press", "times", "post", "daily", "international", "national", "airport",
	"road", "bridge", "hospital", "school", "museum", "palace", "house", "hotel",
	"conference", "forum", "summit", "day", "week", "year", "read", "said", "says",
	"reported", "mr", "mrs", "ms", "dr", "sir", "prof", "nagorno", "karabakh", "valley",
	"mountain", "mountains", "hills", "hill", "strait", "border", "crossing", "canal",
	"desert", "peninsula", "plain", "plains", "pass", "camp", "base", "field", "town",
	"village", "oblast", "governorate", "prefecture", "heights", "coast", "strip", "bank",
	"airbase", "station", "port", "harbour", "harbor", "dam", "park", "zone", "corridor",
	"cape", "gate", "tower", "center", "centre", "stadium", "church", "mosque", "temple",
	NULL
};

/* The two lists above as one map, word -> which list: the loader asks
 * for every person's name and the scan for every capitalised word, and a
 * walk through 260 words was the slowest part of both. */
enum { W_FUNCTION = 1, W_NOT_NAME = 2 };
static const int word_kinds[] = { 0, W_FUNCTION, W_NOT_NAME, W_FUNCTION | W_NOT_NAME };

static int word_kind(const cw_actor_dict *d, const char *w)
{
	const int *k = cw_map_get(d->particles, w);
	return k ? *k : 0;
}

static int particle_word(const cw_actor_dict *d, const char *w)
{
	return word_kind(d, w) != 0;
}

static int load_particles(cw_actor_dict *d)
{
	static const char *const *const lists[] = { function_words, not_name_words };
	for (int i = 0; i < 2; i++)
		for (const char *const *w = lists[i]; *w; w++) {
			int k = word_kind(d, *w) | (i ? W_NOT_NAME : W_FUNCTION);
			if (cw_map_put(d->particles, *w, (void *)&word_kinds[k]) < 0)
				return -1;
		}
	return 0;
}

static int name_token(const cw_actor_dict *d, const cw_token *t)
{
	if (!(t->flags & CW_T_CAP) || (t->flags & (CW_T_PUNCT | CW_T_NUM)))
		return 0;
	if ((t->flags & CW_T_ALLCAP) && strlen(t->text) > 1)
		return 0;
	return !(word_kind(d, tok_lower(t)) & W_NOT_NAME);
}

/* A run of capitalised words that no dictionary knows: a person's name
 * perhaps ("Jeyhun Bayramov", "Mohammed Shia al-Sudani"). */
static int unknown_name(scan *sc, cw_arena *a, int i, atom *out)
{
	const cw_sentence *s = sc->s;
	int j = i;
	while (j < s->ntoks) {
		const cw_token *t = &s->toks[j];
		int particle = j > i && !(t->flags & CW_T_CAP) && has_upper(t->text);
		if (!name_token(sc->d, t) && !particle)
			break;
		atom tmp;
		if (j > i && longest_match(sc, a, j, &tmp))
			break;
		j++;
	}
	if (j == i)
		return 0;
	out->kind = A_UNKNOWN;
	out->e = NULL;
	out->ts = i;
	out->te = j;
	out->poss = j < s->ntoks && cw_possessive_token(&s->toks[j]);
	return j - i;
}

/* Capitalised words that make a country name part of a place's name:
 * "the Gulf of Oman", "the South China Sea", "the Indian Ocean". */
static const char *const geo_before_of[] = {
	"gulf", "sea", "bay", "strait", "straits", "isle", "cape", "horn", "coast", NULL
};
static const char *const geo_after[] = {
	"sea", "ocean", "gulf", "peninsula", "strait", "straits", "basin", "subcontinent",
	"archipelago", "coast", NULL
};

/* "a South American tour", "Latin American leaders": a continent's part
 * before a country adjective makes it a region's (the countries whose
 * adjectives begin so, "South African", "North Korean", are matched whole
 * before this is asked). */
static const char *const region_before_adj[] = { "south", "north", "latin", "central", NULL };

static int geographic_name(const cw_sentence *s, const atom *a)
{
	if (a->kind != A_ENTRY || (a->e->type != E_COUNTRY && a->e->type != E_ADJ &&
				   a->e->type != E_CAPITAL))
		return 0;
	const cw_token *t = s->toks;
	if (a->e->type == E_ADJ && a->ts >= 1 && (t[a->ts - 1].flags & CW_T_CAP) &&
	    in_list(region_before_adj, tok_lower(&t[a->ts - 1])))
		return 1;
	if (a->ts >= 2 && strcmp(tok_lower(&t[a->ts - 1]), "of") == 0 &&
	    (t[a->ts - 2].flags & CW_T_CAP) && in_list(geo_before_of, tok_lower(&t[a->ts - 2])))
		return 1;
	return a->te < s->ntoks && (t[a->te].flags & CW_T_CAP) && !a->poss &&
	       in_list(geo_after, tok_lower(&t[a->te]));
}

/* "Chad Smith", "Jordan Peterson": a one-word country name followed by a
 * capitalised word no dictionary knows is a person's first name. */
static int first_name_country(scan *sc, cw_arena *ar, const atom *a)
{
	const cw_sentence *s = sc->s;
	if (a->kind != A_ENTRY || a->e->type != E_COUNTRY || a->te != a->ts + 1 || a->poss ||
	    a->te >= s->ntoks || !name_token(sc->d, &s->toks[a->te]))
		return 0;
	/* a title-case headline ("Russia Launches Strikes") is not a name:
	 * no verb, at most two more words, and running text after them */
	atom tmp;
	if (s->toks[a->te].vlemma || longest_match(sc, ar, a->te, &tmp))
		return 0;
	int n = unknown_name(sc, ar, a->te, &tmp);
	if (n < 1 || n > 2 || tmp.te >= s->ntoks)
		return 0;
	const cw_token *after = &s->toks[tmp.te];
	return strcmp(after->text, ",") == 0 || cw_possessive_token(after) ||
	       !(after->flags & (CW_T_CAP | CW_T_PUNCT | CW_T_NUM));
}

/* ---------------------------------------------------------- composition */

typedef struct builder {
	const curlew *cw;
	curlew_doc *doc;
	cw_sentence *s;
	atom *atoms;
	int natoms;
	cw_mention *ments;
	int nments, cap;
} builder;

static int is_type(const atom *a, int type)
{
	return a->kind == A_ENTRY && a->e->type == type;
}

static int is_person_name(const atom *a)
{
	return a->kind == A_UNKNOWN || (is_type(a, E_NAME) && a->e->act->key);
}

static int international(const char *code)
{
	static const char *const intl[] = {
		"IGO", "NGO", "NGM", "IMG", "INT", "MNC", "UIS", "AFR", "ASA", "BLK", "CRB",
		"CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
		"NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", NULL
	};
	for (const char *const *p = intl; *p; p++)
		if (strncmp(code, *p, 3) == 0)
			return 1;
	return 0;
}

/* The role in force on the story's date; else an undated default; else
 * the latest one. */
static const role *pick_role(const actor *a, cw_date date)
{
	const role *undated = NULL, *latest = NULL;
	for (int i = 0; i < a->nroles; i++) {
		const role *r = &a->roles[i];
		int dated = r->from.y || r->to.y;
		if (!dated) {
			if (!undated)
				undated = r;
			continue;
		}
		if (date.y && (!r->from.y || cw_date_cmp(r->from, date) <= 0) &&
		    (!r->to.y || cw_date_cmp(date, r->to) <= 0))
			return r;
		if (!latest || (!r->to.y && latest->to.y) ||
		    (r->from.y && cw_date_cmp(r->from, latest->from) > 0 && (!r->to.y || latest->to.y)))
			latest = r;
	}
	if (undated && date.y)
		return undated;
	return latest ? latest : undated;
}

/* What a modifier atom says: a country and maybe a full code of its own. */
typedef struct origin {
	char country[4];
	char code[32];          /* a non-country code to keep as is (IGOUNO), or "" */
	int from_adj;
	const char *rule;
} origin;

static int origin_of(const builder *b, const atom *a, origin *o)
{
	memset(o, 0, sizeof *o);
	if (a->kind != A_ENTRY)
		return 0;
	const entry *e = a->e;
	o->rule = e->rule;
	switch (e->type) {
	case E_COUNTRY: case E_CAPITAL: case E_ADJ:
		memcpy(o->country, e->country, 4);
		if (e->act) {   /* actors.txt may date them: Moscow was SUN's to 1991 */
			const role *r = pick_role(e->act, b->doc->date);
			if (r)
				memcpy(o->country, r->code, 4);
		}
		o->from_adj = e->type == E_ADJ;
		return 1;
	case E_NAME: {
		const role *r = pick_role(e->act, b->doc->date);
		if (!r || r->code[0] == '~')
			return 0;
		if (strlen(r->code) == 3 && !international(r->code))
			memcpy(o->country, r->code, 4);
		else {
			cw_copy(o->code, sizeof o->code, r->code);
			if (!international(r->code))
				memcpy(o->country, r->code, 3);
		}
		return 1;
	}
	default:
		return 0;
	}
}

static cw_mention *new_mention(builder *b, int ts, int te, int head, int kind)
{
	cw_mention *m = cw_grow(b->doc->arena, b->ments, &b->cap, b->nments + 1, sizeof *m);
	if (!m)
		return NULL;
	b->ments = m;
	m = &m[b->nments++];
	memset(m, 0, sizeof *m);
	m->tok_start = ts;
	m->tok_end = te;
	m->head = head;
	m->kind = kind;
	m->also = -1;
	return m;
}

/* Byte span and text of the mention's tokens, without a final 's. */
static int finish_text(builder *b, cw_mention *m)
{
	const cw_token *toks = b->s->toks;
	int last = m->tok_end - 1;
	/* "(OSCE)" is covered by the mention but is not part of its words */
	for (int i = m->tok_start + 1; i < m->tok_end; i++)
		if (strcmp(toks[i].text, "(") == 0 && i + 3 == m->tok_end) {
			last = i - 1;
			break;
		}
	while (last > m->tok_start && (toks[last].flags & CW_T_PUNCT))
		last--;
	m->start = toks[m->tok_start].start;
	m->end = toks[last].end;
	const char *t = b->doc->text;
	if (m->end >= m->start + 3 && t[m->end - 2] == '\'' && t[m->end - 1] == 's')
		m->end -= 2;
	else if (m->end >= m->start + 5 && memcmp(t + m->end - 4, "\xe2\x80\x99s", 4) == 0)
		m->end -= 4;
	m->text = cw_strndup(b->doc->arena, t + m->start, m->end - m->start);
	return m->text ? 0 : -1;
}

static void set_code(cw_mention *m, const char *country, const char *code)
{
	cw_copy(m->country, sizeof m->country, country);
	cw_copy(m->code, sizeof m->code, code);
}

static void add_sectors(cw_mention *m, const entry *e)
{
	for (int i = 0; i < e->nsectors && m->nsectors < CW_MAX_SECTORS; i++)
		memcpy(m->sectors[m->nsectors++], e->sectors[i], 4);
}

static void compose_code(cw_mention *m)
{
	size_t n = strlen(m->code);
	for (int i = 0; i < m->nsectors && n + 3 < sizeof m->code; i++, n += 3)
		memcpy(m->code + n, m->sectors[i], 4);
}

/* Tokens between atoms a and b are only glue; returns 1 if adjacent. */
static int adjacent(const builder *b, const atom *a, const atom *c)
{
	for (int i = a->te; i < c->ts; i++)
		if (!glue_token(&b->s->toks[i]))
			return 0;
	return 1;
}

static int tok_is(const builder *b, int i, const char *w)
{
	return i >= 0 && i < b->s->ntoks && strcmp(tok_lower(&b->s->toks[i]), w) == 0;
}

/* A stand-alone atom: a name, country, adjective, capital or pronoun. */
static int simple_mention(builder *b, const atom *a)
{
	int ts = a->ts;
	if (is_type(a, E_PRONOUN)) {
		if (tok_is(b, ts - 1, "the"))
			ts--;
		cw_mention *m = new_mention(b, ts, a->te, a->te - 1, CW_M_PRONOUN);
		if (!m)
			return -1;
		m->plural = a->e->plural;
		/* "the Organisation for the Prohibition of Chemical Weapons",
		 * "the Movement for Democratic Change": capitalised, the kind
		 * word opens a name, and stands for no body named before; nor
		 * does one without "the" ("a group of young men") */
		if (a->e->body && ((b->s->toks[a->te - 1].flags & CW_T_CAP) || ts == a->ts)) {
			b->nments--;
			return 0;
		}
		m->body = a->e->body;
		m->rule = a->e->rule;
		return finish_text(b, m);
	}
	if (a->kind == A_UNKNOWN) {
		if (a->te - a->ts < 2)
			return 0;
		char *name = cw_strndup(b->doc->arena, b->doc->text + b->s->toks[a->ts].start,
					b->s->toks[a->te - 1].end - b->s->toks[a->ts].start);
		cw_place pl;
		if (!name || (b->cw->places && cw_place_lookup(b->cw, name, &pl) == 0))
			return name ? 0 : -1;
		cw_mention *m = new_mention(b, a->ts, a->te, a->te - 1, CW_M_PERSON);
		if (!m)
			return -1;
		m->key = surname_of(b->cw->actors, b->doc->arena, b->s->toks[a->te - 1].text);
		m->rule = "unknown name";
		return finish_text(b, m);
	}
	origin o;
	if (!origin_of(b, a, &o))
		return 0;
	int kind = a->e->type == E_ADJ ? CW_M_ADJ : a->e->type == E_CAPITAL ? CW_M_CAPITAL : CW_M_NAME;
	cw_mention *m = new_mention(b, a->ts, a->te, a->te - 1, kind);
	if (!m)
		return -1;
	set_code(m, o.country, o.code[0] ? o.code : o.country);
	m->plural = a->e->plural;
	m->rule = o.rule;
	if (a->e->type == E_NAME)
		m->key = a->e->act->key;
	/* "(OSCE)" after the name it abbreviates is the same actor */
	int i = a->te;
	if (tok_is(b, i, "(") && i + 2 < b->s->ntoks && tok_is(b, i + 2, ")") &&
	    (b->s->toks[i + 1].flags & CW_T_ALLCAP))
		m->tok_end = i + 3;
	return finish_text(b, m);
}

/* Finds the atom starting at token i, or -1. */
static int atom_at(const builder *b, int from, int i)
{
	for (int k = from; k < b->natoms && b->atoms[k].ts <= i; k++)
		if (b->atoms[k].ts == i)
			return k;
	return -1;
}

/* A bare singular agent word that modifies the noun after it is no
 * actor: "a military access agreement", "Kurdish militant positions", "the
 * police station".  Whatever follows must be a plain lower-case noun that
 * no dictionary knows; with a definite article before it, also one that
 * cannot be a verb ("the military claims ...", "the army said"). */
static int modifier_use(const builder *b, const cw_mention *m, int k, int end)
{
	/* (a body's kind word after it is no actor of its own: "the ELN
	 * guerrilla group") */
	if (m->plural || end >= b->s->ntoks ||
	    (k < b->natoms && b->atoms[k].ts == end && !(b->atoms[k].kind == A_ENTRY && b->atoms[k].e->body)))
		return 0;
	const cw_token *next = &b->s->toks[end];
	if (next->flags & (CW_T_PUNCT | CW_T_CAP | CW_T_NUM) || !next->nlemma)
		return 0;
	/* "a protest camp outside the ministry", "police shot dead ...": a
	 * word WordNet also knows as a noun, but the tagger read as a
	 * preposition or a finite verb */
	if (next->pos == CW_POS_IN || cw_verb_tag(next->pos, CW_VF_FINITE))
		return 0;
	int definite = m->tok_start < end && tok_is(b, m->tok_start, "the");
	return !definite || !next->vlemma;
}

/* "North Korea's U.N. ambassador", "Britain's NATO envoy": an envoy
 * named by the body it is sent to is the sending state's, when a country
 * owns the phrase with 's; o, the body's origin, becomes the country's. */
static void envoy_sender(const builder *b, int pre, int g, int end, origin *o)
{
	if (pre < 1 || !o->code[0] || !international(o->code))
		return;
	int envoy = 0;
	for (int i = g; i < b->natoms && b->atoms[i].te <= end; i++)
		envoy |= is_type(&b->atoms[i], E_AGENT) && b->atoms[i].e->envoy;
	const atom *c = &b->atoms[pre - 1];
	origin sender;
	if (!envoy || !c->poss || !adjacent(b, c, &b->atoms[pre]) ||
	    !(is_type(c, E_COUNTRY) || is_type(c, E_ADJ)) || !origin_of(b, c, &sender))
		return;
	*o = sender;
	o->from_adj = 0;
}

static int known_place(const builder *b, const atom *a);

/* "its leader in Gaza, Ismail Haniyeh, vowed", "the ambassador in
 * Washington, John Smith, said": after a singular title, a locative and a
 * few capitalised words, a comma and a person's name closed by a comma.
 * The person's atom index, or -1.  The name must be no place the
 * gazetteer knows ("police chief in Kabul, Kandahar, ..." is a list). */
#define POST_REACH 3   /* "in New York City": the locative to the comma */
static int post_person(const builder *b, int end, int k)
{
	const cw_sentence *s = b->s;
	if (end >= s->ntoks || !cw_place_word(b->cw, tok_lower(&s->toks[end]), "locative"))
		return -1;
	int comma = -1;
	for (int t = end + 1; t < s->ntoks && t <= end + 1 + POST_REACH && comma < 0; t++) {
		if (tok_is(b, t, ","))
			comma = t;
		else if (!(s->toks[t].flags & CW_T_CAP))
			return -1;
	}
	if (comma <= end + 1)
		return -1;
	for (int p = k; p < b->natoms; p++) {
		const atom *a = &b->atoms[p];
		if (a->ts <= comma)
			continue;
		if (a->ts != comma + 1 || !is_person_name(a) || !tok_is(b, a->te, ","))
			return -1;
		return known_place(b, a) ? -1 : p;
	}
	return -1;
}

/* Composes the title group whose agent atom is b->atoms[g]; pre is the
 * modifier atom before it or -1, first the first atom of the group, mod a
 * "former"-like atom or -1.  Returns the index of the next atom to look at. */
static int title_group(builder *b, int first, int pre, int g, int mod, int *next)
{
	const cw_sentence *s = b->s;
	atom *ag = &b->atoms[g];
	int end = ag->te, k = g + 1;
	/* agents in a row: "Deputy Prime Minister" when split */
	while (k < b->natoms && is_type(&b->atoms[k], E_AGENT) && adjacent(b, &b->atoms[k - 1], &b->atoms[k]))
		ag = &b->atoms[k], end = ag->te, k++;
	origin o = { 0 };
	int have = pre >= 0 && origin_of(b, &b->atoms[pre], &o);
	if (have)
		envoy_sender(b, pre, g, end, &o);
	const atom *person = NULL;
	/* "Foreign Minister Jeyhun Bayramov" */
	if (k < b->natoms && is_person_name(&b->atoms[k]) && b->atoms[k].ts == end) {
		person = &b->atoms[k];
		end = person->te;
		k++;
	} else if (have && k < b->natoms && is_type(&b->atoms[k], E_NAME) && b->atoms[k].ts == end) {
		/* "the Bree Prime Minister Romendacil": a name the dictionary
		 * files under the title's own country is the titled person */
		origin no;
		if (origin_of(b, &b->atoms[k], &no) && !no.code[0] && o.country[0] &&
		    strcmp(no.country, o.country) == 0)
			end = b->atoms[k++].te;
	}
	/* "the Minister of Foreign Affairs of North Macedonia", "chief of staff
	 * of the Pakistani army": take the country of what follows "of" */
	if (!have && !person && tok_is(b, end, "of")) {
		int t = end + 1;
		if (tok_is(b, t, "the"))
			t++;
		int c = atom_at(b, k, t);
		if (c >= 0 && origin_of(b, &b->atoms[c], &o) && b->atoms[c].e->type != E_CAPITAL) {
			have = 1;
			end = b->atoms[c].te;
			k = c + 1;
			/* its own agent words ("the Pakistani army") belong to the phrase */
			while (k < b->natoms && (is_type(&b->atoms[k], E_AGENT) || is_type(&b->atoms[k], E_SKIP)) &&
			       adjacent(b, &b->atoms[k - 1], &b->atoms[k]))
				end = b->atoms[k++].te;
			if (end < s->ntoks && tok_is(b, end, "(") && tok_is(b, end + 2, ")") &&
			    (s->toks[end + 1].flags & CW_T_ALLCAP))
				end += 3;
			while (k < b->natoms && b->atoms[k].ts < end)
				k++;
		}
	}
	/* apposition: ", Jeyhun Bayramov" */
	if (!person && tok_is(b, end, ",") && k < b->natoms && is_person_name(&b->atoms[k]) &&
	    b->atoms[k].ts == end + 1) {
		person = &b->atoms[k];
		end = person->te;
		k++;
	} else if (!person && !ag->e->plural) {
		/* "its leader in Gaza, Ismail Haniyeh,": the title's post
		 * stands between it and the person it names */
		int p = post_person(b, end, k);
		if (p >= 0) {
			person = &b->atoms[p];
			end = person->te;
			k = p + 1;
		}
	}
	int ts = b->atoms[first].ts;
	if (tok_is(b, ts - 1, "the") || tok_is(b, ts - 1, "a") || tok_is(b, ts - 1, "an"))
		ts--;
	cw_mention *m = new_mention(b, ts, end, ag->te - 1, CW_M_AGENT);
	if (!m)
		return -1;
	m->plural = ag->e->plural;
	m->rule = ag->e->rule;
	for (int i = g; i < b->natoms && b->atoms[i].ts < ag->te; i++)
		if (is_type(&b->atoms[i], E_AGENT))
			add_sectors(m, b->atoms[i].e);
	if (mod >= 0) {
		m->nsectors = 0;
		add_sectors(m, b->atoms[mod].e);
	}
	if (person) {
		m->key = person->kind == A_ENTRY ? person->e->act->key
			 : surname_of(b->cw->actors, b->doc->arena, s->toks[person->te - 1].text);
		origin po;
		/* a title naming another country or body than the person's
		 * dictionary role ("Acting Chairman of the OSCE, Bujar Osmani")
		 * says what he is acting as here */
		int title_differs = have && (o.code[0] || !origin_of(b, person, &po) ||
					     strcmp(o.country, po.country) != 0);
		if (person->kind == A_ENTRY && !title_differs && origin_of(b, person, &po)) {
			if (mod < 0) {
				o = po;     /* his dated role says more than the title */
				m->nsectors = 0;
			} else if (po.country[0]) {
				memcpy(o.country, po.country, 4);
				o.code[0] = '\0';
				o.from_adj = 0;
			} else {
				o = po;
			}
			have = 1;
			m->rule = po.rule;
		}
	}
	if (have) {
		m->kind = o.from_adj ? CW_M_ADJ : CW_M_NAME;
		if (o.code[0]) {
			set_code(m, o.country, o.code);
			m->nsectors = 0;   /* "the OSCE Chairman" stays the OSCE */
		} else {
			set_code(m, o.country, o.country);
			compose_code(m);
		}
		if (!person && o.rule && !(m->rule = cw_printf(b->doc->arena, "%s+%s", ag->e->rule, o.rule)))
			return -1;
	} else if (m->nsectors == 0 || (!person && !b->cw->opts.petrarch && modifier_use(b, m, k, end))) {
		b->nments--;         /* "the other side": nobody in particular */
		*next = k;
		return 0;
	}
	*next = k;
	return finish_text(b, m);
}

/* "Jeyhun Bayramov, the foreign minister of Azerbaijan": one actor. */
static int merge_name(builder *b, const atom *a, cw_mention *m)
{
	m->tok_start = a->ts;
	m->key = a->kind == A_ENTRY ? a->e->act->key
		 : surname_of(b->cw->actors, b->doc->arena, b->s->toks[a->te - 1].text);
	origin po;
	if (a->kind == A_ENTRY && origin_of(b, a, &po) && m->code[0] == '\0') {
		set_code(m, po.country, po.code[0] ? po.code : po.country);
		m->kind = CW_M_NAME;
		m->nsectors = 0;
	}
	return finish_text(b, m);
}

/* Tries a title group at atom j: skip/"former" words, a country, name or
 * adjective modifier, then an agent.  Returns 1 and sets *next when it
 * made one (or found a group with nobody in it), 0 when atom j does not
 * start a group, -1 on error. */
static int try_group(builder *b, int j, int *next)
{
	int mod = -1, t = j;
	while (t < b->natoms && (is_type(&b->atoms[t], E_SKIP) || is_type(&b->atoms[t], E_MOD)) &&
	       (t == j || adjacent(b, &b->atoms[t - 1], &b->atoms[t]))) {
		if (is_type(&b->atoms[t], E_MOD))
			mod = t;
		t++;
	}
	if (t >= b->natoms || (t > j && !adjacent(b, &b->atoms[t - 1], &b->atoms[t])))
		return 0;
	int first = mod >= 0 ? mod : t, pre = -1, g = -1;
	const atom *a = &b->atoms[t];
	if (a->kind == A_ENTRY && a->e->type <= E_ADJ && !is_person_name(a)) {
		int u = t + 1;
		while (u < b->natoms && (is_type(&b->atoms[u], E_SKIP) || is_type(&b->atoms[u], E_MOD)) &&
		       adjacent(b, &b->atoms[u - 1], &b->atoms[u])) {
			if (is_type(&b->atoms[u], E_MOD))
				mod = u;
			u++;
		}
		if (u < b->natoms && is_type(&b->atoms[u], E_AGENT) &&
		    adjacent(b, &b->atoms[u - 1], &b->atoms[u]))
			pre = t, g = u;
		if (first > t)
			first = t;
	} else if (is_type(a, E_AGENT)) {
		g = t;
	}
	if (g < 0)
		return 0;
	return title_group(b, first, pre, g, mod, next) < 0 ? -1 : 1;
}

/* "fired rockets at Haifa, the Israeli military said": an unknown name
 * after a locative preposition that the gazetteer knows is a place, not
 * a person in apposition to the title after the comma. */
/* Is the unknown name a's words a place the gazetteer knows? */
static int known_place(const builder *b, const atom *a)
{
	char name[128];
	const cw_token *t0 = &b->s->toks[a->ts], *t1 = &b->s->toks[a->te - 1];
	size_t n = t1->end - t0->start;
	if (a->kind != A_UNKNOWN || n >= sizeof name)
		return 0;
	memcpy(name, b->doc->text + t0->start, n);
	name[n] = '\0';
	cw_place p;
	return cw_place_lookup(b->cw, name, &p) == 0;
}

static int place_after_prep(const builder *b, const atom *a)
{
	return a->kind == A_UNKNOWN && a->ts >= 1 &&
	       cw_place_word(b->cw, tok_lower(&b->s->toks[a->ts - 1]), "locative") && known_place(b, a);
}

/* "Jeyhun Bayramov, the foreign minister of Azerbaijan": the name, a
 * comma, then within a few plain words a title group. */
static int name_then_title(builder *b, int j, int *next)
{
	const atom *a = &b->atoms[j];
	if (!is_person_name(a) || !tok_is(b, a->te, ",") || j + 1 >= b->natoms ||
	    place_after_prep(b, a))
		return 0;
	int t = a->te + 1;
	if (tok_is(b, t, "the") || tok_is(b, t, "a") || tok_is(b, t, "an"))
		t++;
	int c = j + 1;
	if (b->atoms[c].ts < t || b->atoms[c].ts > t + 3)
		return 0;
	for (int i = t; i < b->atoms[c].ts; i++)
		if (b->s->toks[i].flags & (CW_T_PUNCT | CW_T_CAP))
			return 0;
	int before = b->nments;
	int rc = try_group(b, c, next);
	if (rc <= 0)
		return rc;
	if (b->nments == before) {
		*next = j + 1;
		return 0;
	}
	cw_mention *m = &b->ments[b->nments - 1];
	if (m->key)
		return 1;
	return merge_name(b, a, m) < 0 ? -1 : 1;
}

static int compose(builder *b)
{
	int k = 0;
	while (k < b->natoms) {
		int next = k + 1, before = b->nments;
		int rc = name_then_title(b, k, &next);
		if (rc == 0)
			rc = try_group(b, k, &next);
		if (rc == 0) {
			next = k + 1;
			if (b->atoms[k].kind == A_UNKNOWN || b->atoms[k].e->type <= E_PRONOUN)
				rc = simple_mention(b, &b->atoms[k]);
		}
		if (rc < 0)
			return rc;
		/* atoms swallowed by the mention ("(OSCE)") are done */
		if (b->nments > before) {
			int end = b->ments[b->nments - 1].tok_end;
			while (next < b->natoms && b->atoms[next].ts < end)
				next++;
		}
		k = next > k ? next : k + 1;
	}
	return 0;
}

/* A country mention takes another's title: its sectors, and so its code. */
static void take_sectors(cw_mention *to, const cw_mention *from)
{
	memcpy(to->sectors, from->sectors, sizeof to->sectors);
	to->nsectors = from->nsectors;
	to->plural = from->plural;
	compose_code(to);
}

/* "Indian and Chinese troops": the first adjective shares the agent. */
static void share_agents(builder *b)
{
	for (int k = b->nments - 2; k >= 0; k--) {
		cw_mention *m = &b->ments[k], *n = &b->ments[k + 1];
		if ((m->kind != CW_M_ADJ && m->kind != CW_M_NAME) || m->nsectors || !m->country[0] ||
		    strlen(m->code) != 3 || n->kind != CW_M_ADJ || n->nsectors == 0 ||
		    n->tok_start != m->tok_end + 1 ||
		    !(tok_is(b, m->tok_end, "and") || tok_is(b, m->tok_end, ",")))
			continue;
		take_sectors(m, n);
	}
}

/* "the foreign ministers of France, Germany and Britain": the title
 * belongs to every country in the list, not only the first. */
static void distribute_title(builder *b)
{
	for (int k = 0; k + 1 < b->nments; k++) {
		const cw_mention *m = &b->ments[k];
		if (m->nsectors == 0 || !m->country[0] || !tok_is(b, m->head + 1, "of") ||
		    strncmp(m->code, m->country, 3) != 0)
			continue;
		for (int j = k + 1; j < b->nments; j++) {
			cw_mention *n = &b->ments[j];
			int t = b->ments[j - 1].tok_end, glue = 0, and = 0;
			for (; t < n->tok_start; t++, glue++) {
				and |= tok_is(b, t, "and");
				if (!tok_is(b, t, ",") && !tok_is(b, t, "and") && !tok_is(b, t, "the"))
					break;
			}
			if (t != n->tok_start || glue == 0 || glue > 3 || n->kind != CW_M_NAME ||
			    n->nsectors || strcmp(n->code, n->country) != 0)
				break;
			take_sectors(n, m);
			if (and)
				break;
		}
	}
}

/* "Officials at the Colombian defence ministry", "diplomats from the
 * European Union": a bare agent belongs to the body named after at/from. */
static void agents_of_body(builder *b)
{
	for (int k = 0; k + 1 < b->nments; k++) {
		cw_mention *m = &b->ments[k], *n = &b->ments[k + 1];
		int t = m->tok_end;
		if (m->kind != CW_M_AGENT || m->code[0] || m->nsectors == 0 ||
		    !(tok_is(b, t, "at") || tok_is(b, t, "from")))
			continue;
		if (n->tok_start != t + 1 && !(n->tok_start == t + 2 && tok_is(b, t + 1, "the")))
			continue;
		if (!n->code[0] || n->kind == CW_M_CAPITAL || n->kind == CW_M_PERSON)
			continue;
		char country[4], code[32];
		memcpy(country, n->country, sizeof country);
		memcpy(code, n->code, sizeof code);
		if (country[0] && strncmp(code, country, 3) == 0) {
			set_code(m, country, country);
			compose_code(m);
		} else {
			set_code(m, country, code);
		}
		m->kind = n->kind == CW_M_ADJ ? CW_M_ADJ : CW_M_NAME;
	}
}

int cw_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	const cw_actor_dict *d = cw->actors;
	for (int i = 0; i < s->ntoks; i++)
		s->toks[i].mention = -1;
	if (!d || s->ntoks == 0)
		return 0;
	builder b = { cw, doc, s, NULL, 0, NULL, 0, 0 };
	size_t n = (size_t)s->ntoks;
	cw_arena *ar = doc->arena;
	scan sc = { d, s, cw_alloc(ar, n * sizeof *sc.canon), cw_alloc(ar, n * sizeof *sc.clen),
		    cw_alloc(ar, n), cw_alloc(ar, n), cw_alloc(ar, n * sizeof *sc.memo), 0 };
	b.atoms = cw_alloc(ar, sizeof *b.atoms * n);
	if (!b.atoms || !sc.canon || !sc.clen || !sc.cut || !sc.done || !sc.memo)
		return CURLEW_ESYS;
	for (int i = 0; i < s->ntoks;) {
		atom *a = &b.atoms[b.natoms];
		if (longest_match(&sc, ar, i, a) && !first_name_country(&sc, ar, a)) {
			if (!geographic_name(s, a))
				b.natoms++;
			i = a->te;
		} else if (unknown_name(&sc, ar, i, a)) {
			if (!geographic_name(s, a))
				b.natoms++;
			i = a->te;
		} else {
			i++;
		}
	}
	/* A name cut short by a failed allocation would change the coding
	 * silently, so the story fails instead. */
	if (sc.oom || compose(&b) < 0)
		return CURLEW_ESYS;
	share_agents(&b);
	distribute_title(&b);
	agents_of_body(&b);
	s->ments = b.ments;
	s->nments = b.nments;
	for (int m = 0; m < b.nments; m++)
		for (int t = b.ments[m].tok_start; t < b.ments[m].tok_end; t++)
			s->toks[t].mention = m;
	return 0;
}

/* Is the mention the state of its country: the country named as a whole
 * or a body of the state (the lexicon's state-sectors list)? */
static int is_state(const cw_lexicon *lx, const cw_mention *m)
{
	if (strcmp(m->code, m->country) == 0)
		return 1;
	char sector[4];
	snprintf(sector, sizeof sector, "%s", m->nsectors ? m->sectors[0] : m->code + strlen(m->country));
	cw_lower_ascii(sector);
	return cw_lex_has(lx, CW_LX_STATE_SECTORS, sector);
}

int cw_same_actor(const cw_lexicon *lx, const cw_sentence *s, int a, int b)
{
	if (a == b)
		return 1;
	if (a < 0 || b < 0)
		return 0;
	const cw_mention *p = &s->ments[a], *q = &s->ments[b];
	if (strcmp(p->code, q->code) == 0)
		return 1;
	if (!p->country[0] || strcmp(p->country, q->country) != 0)
		return 0;
	int pb = strcmp(p->code, p->country) == 0, qb = strcmp(q->code, q->country) == 0;
	return (pb && is_state(lx, q)) || (qb && is_state(lx, p));
}
