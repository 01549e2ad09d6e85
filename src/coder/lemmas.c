/*
 * lemmas.c -- base forms of words from WordNet ("met" -> "meet", "talks" ->
 * "talk"), so that the verb dictionary is keyed by lemma and one entry
 * covers every inflection.
 *
 * WordNet's own library keeps its answers in static buffers and is not
 * thread-safe; calling it under a lock made that lock the one place where
 * coding threads waited for each other.  So WordNet's morphology is
 * compiled here, once per process, into read-only tables: the index of
 * base forms of each part of speech and its exception lists (read from the
 * WordNet database files), plus morphy's suffix rules.  After that a
 * look-up is a few hash probes with no lock and no shared write, and it
 * answers what WordNet's morphstr and in_wn answer (checked word for word
 * against libwordnet on the news vocabulary; see cw_lemmas_init).
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* Longest word worth looking up; longer tokens are URLs or noise (and
 * WordNet's own word buffers are not much longer). */
#define MAX_WORD 48
/* Where Debian's wordnet-base puts the database; WNSEARCHDIR overrides,
 * as it does for WordNet's own tools. */
#define WN_DIR "/usr/share/wordnet"

/* ------------------------------------------------------- the word table
 * One open-addressing set of NUL-terminated strings that live in a file
 * buffer read at start-up; each entry may carry a second string (the base
 * form of an exception).  Built once, then only read. */

typedef struct entry {
	const char *key, *val;
	uint32_t hash, len;    /* a probe compares these before the bytes */
} entry;

typedef struct table {
	entry *e;
	size_t cap;            /* a power of two, at least twice the count */
} table;

/* h is cw_hash(k, n): a word is looked up in several tables, hashed once. */
static const entry *table_geth(const table *t, const char *k, size_t n, uint32_t h)
{
	if (!t->cap)
		return NULL;
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		const entry *e = &t->e[i];
		if (!e->key)
			return NULL;
		if (e->hash == h && e->len == n && memcmp(e->key, k, n) == 0)
			return e;
	}
}

static const entry *table_get(const table *t, const char *k, size_t n)
{
	return table_geth(t, k, n, cw_hash(k, n));
}

/* The first entry for a key wins, as WordNet's binary search finds the
 * first base form of an exception. */
static void table_put(table *t, const char *k, const char *v)
{
	size_t n = strlen(k);
	uint32_t h = cw_hash(k, n);
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		entry *e = &t->e[i];
		if (!e->key) {
			e->key = k;
			e->val = v;
			e->hash = h;
			e->len = (uint32_t)n;
			return;
		}
		if (strcmp(e->key, k) == 0)
			return;
	}
}

/* ------------------------------------------------- the WordNet database */

enum { P_NOUN, P_VERB, P_ADJ, NPOS };
static const char *const pos_name[NPOS] = { "noun", "verb", "adj" };

static table idx[NPOS], exc[NPOS];
static char *bufs[2 * NPOS];
static int wn_state;            /* 0 not tried, 1 loaded, -1 failed (errno kept) */
static int wn_errno;
static pthread_once_t wn_once = PTHREAD_ONCE_INIT;

static int table_alloc(table *t, size_t n)
{
	t->cap = 64;
	while (t->cap < 2 * n + 1)
		t->cap *= 2;
	t->e = calloc(t->cap, sizeof *t->e);
	return t->e ? 0 : -1;
}

static size_t count_lines(const char *b, size_t len)
{
	size_t n = 1;
	for (const char *e = b + len; (b = memchr(b, '\n', (size_t)(e - b))); b++)
		n++;
	return n;
}

/* index.POS: "lemma pos synset_cnt ..." a line; license lines start with
 * spaces.  exception files: "inflected base [base...]" a line.  Fields are
 * cut in place, so the table points into the buffer. */
static int load_file(const char *dir, const char *name, table *t, int is_exc, char **keep)
{
	char path[4096];
	size_t len = 0;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	char *b = cw_read_file(path, &len);
	if (!b)
		return -1;
	*keep = b;
	if (table_alloc(t, count_lines(b, len)) < 0)
		return -1;
	for (char *line = b; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (*line != ' ' && *line) {
			char *sp = strchr(line, ' ');
			char *val = NULL;
			if (sp) {
				*sp = '\0';
				if (is_exc) {
					val = sp + 1;
					val[strcspn(val, " \r")] = '\0';
				}
			}
			if (!is_exc || (val && *val))
				table_put(t, line, val);
		}
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}

static void load_wordnet(void)
{
	const char *dir = getenv("WNSEARCHDIR");
	if (!dir || !*dir)
		dir = WN_DIR;
	char name[32];
	for (int p = 0; p < NPOS; p++) {
		snprintf(name, sizeof name, "index.%s", pos_name[p]);
		if (load_file(dir, name, &idx[p], 0, &bufs[2 * p]) < 0)
			goto fail;
		snprintf(name, sizeof name, "%s.exc", pos_name[p]);
		if (load_file(dir, name, &exc[p], 1, &bufs[2 * p + 1]) < 0)
			goto fail;
	}
	/* one copy of each base form, so that "met" and "meets" answer the
	 * same pointer and callers may compare lemmas by address */
	for (int p = 0; p < NPOS; p++)
		for (size_t i = 0; i < exc[p].cap; i++) {
			entry *e = &exc[p].e[i];
			const entry *b = e->key ? table_get(&idx[p], e->val, strlen(e->val)) : NULL;
			if (b)
				e->val = b->key;
		}
	wn_state = 1;
	return;
fail:
	wn_errno = errno ? errno : ENOENT;
	wn_state = -1;
}

/* ------------------------------------------------------------- morphy
 * WordNet's morphy(7WN): an exception list first, then suffix rules whose
 * result must be a base form in the index.  The table is WordNet's own
 * (morph.c), in its order: the first rule giving a known word wins. */

typedef struct rule {
	const char *suffix, *ending;
	size_t sl, el;         /* their lengths, counted by the compiler */
} rule;
#define R(suf, end) { suf, end, sizeof suf - 1, sizeof end - 1 }

static const rule noun_rules[] = {
	R("s", ""), R("ses", "s"), R("xes", "x"), R("zes", "z"),
	R("ches", "ch"), R("shes", "sh"), R("men", "man"), R("ies", "y"),
	{ NULL, NULL, 0, 0 }
};
static const rule verb_rules[] = {
	R("s", ""), R("ies", "y"), R("es", "e"), R("es", ""),
	R("ed", "e"), R("ed", ""), R("ing", "e"), R("ing", ""),
	{ NULL, NULL, 0, 0 }
};
static const rule adj_rules[] = {
	R("er", ""), R("est", ""), R("er", "e"), R("est", "e"),
	{ NULL, NULL, 0, 0 }
};
static const rule *const rules[NPOS] = { noun_rules, verb_rules, adj_rules };

/* WordNet's getindex: a word is in the index as written, or with its
 * hyphens and underscores swapped or dropped, or without its periods.
 * Returns the index's own copy of the form found. */
static const char *find_index(int p, const char *w, size_t n)
{
	char alt[MAX_WORD + 8];
	const entry *e = table_get(&idx[p], w, n);
	if (e)
		return e->key;
	/* most words have no variant: nothing to swap or drop */
	if (n > MAX_WORD + 4 || !strpbrk(w, "_-."))
		return NULL;
	static const char from[] = { '_', '-' }, to[] = { '-', '_' };
	for (int v = 0; v < 2; v++) {
		memcpy(alt, w, n + 1);
		for (char *c = alt; *c; c++)
			if (*c == from[v])
				*c = to[v];
		if (strcmp(alt, w) && (e = table_get(&idx[p], alt, n)))
			return e->key;
	}
	for (int v = 0; v < 2; v++) {
		size_t k = 0;
		for (const char *c = w; *c; c++)
			if (v == 0 ? (*c != '_' && *c != '-') : *c != '.')
				alt[k++] = *c;
		alt[k] = '\0';
		if (k && k != n && (e = table_get(&idx[p], alt, k)))
			return e->key;
	}
	return NULL;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* WordNet's morphword for one word: an exception's base, or the first rule
 * result that getindex finds.  Returns a stable string (an exception's base
 * or the index's own entry) or, when only a variant of the result is in the
 * index ("co-sponsor" for "co-sponsored": "cosponsor"), the result built in
 * buf, as WordNet answers with what it built.  Nouns in "-ful" inflect on
 * their stem ("bagsful"); WordNet's rule for them is left out, such forms
 * being looked up as base forms only. */
static const char *morph_word(int p, const char *w, size_t n, uint32_t h, char *buf)
{
	const entry *e = table_geth(&exc[p], w, n, h);
	if (e)
		return e->val;
	if (p == P_NOUN && (ends_with(w, n, "ful") || ends_with(w, n, "ss") || n <= 2))
		return NULL;
	for (const rule *r = rules[p]; r->suffix; r++) {
		size_t sl = r->sl, el = r->el;
		/* the last byte first: most rules fail there, and memcmp was
		 * called a million times on 300 bench stories */
		if (n < sl || w[n - 1] != r->suffix[sl - 1] || memcmp(w + n - sl, r->suffix, sl) ||
		    n - sl + el > MAX_WORD + 4)
			continue;
		memcpy(buf, w, n - sl);
		memcpy(buf + n - sl, r->ending, el + 1);
		if (el == sl && memcmp(buf, w, n) == 0)
			continue;
		const char *hit = find_index(p, buf, n - sl + el);
		if (hit)
			return strcmp(hit, buf) == 0 ? hit : buf;
	}
	return NULL;
}

/* Built answers (rare: hyphenated words and index variants) are kept for
 * the life of the process, as WordNet's answers were, so that tokens may
 * point at them.  The only lock left, and never taken for a plain word. */
static pthread_mutex_t built_lock = PTHREAD_MUTEX_INITIALIZER;
static cw_map *built;

static const char *keep_built(const char *s)
{
	pthread_mutex_lock(&built_lock);
	const char *have = NULL;
	if (!built)
		built = cw_map_new();
	if (built && !(have = cw_map_get(built, s))) {
		char *copy = strdup(s);
		if (copy && cw_map_put(built, s, copy) == 0)
			have = copy;
		else
			free(copy);
	}
	pthread_mutex_unlock(&built_lock);
	return have;
}

/* WordNet's morphstr for a word without spaces: the exception list, the
 * rules on the whole word (not for verbs), then each part of a hyphenated
 * word on its own ("cross-bred" -> "cross-breed"), kept if the whole is in
 * the index. */
static const char *morph_str(int p, const char *w, size_t n, uint32_t h)
{
	char buf[MAX_WORD + 8], part[MAX_WORD + 8], joined[2 * MAX_WORD + 16];
	const entry *e = table_geth(&exc[p], w, n, h);
	if (e && strcmp(e->val, w))
		return e->val;
	const char *m;
	if (p != P_VERB && (m = morph_word(p, w, n, h, buf)) && strcmp(m, w))
		return m == buf ? keep_built(buf) : m;
	if (!strpbrk(w, "-_")) {
		m = p == P_VERB ? morph_word(p, w, n, h, buf) : NULL;
		if (!m || !strcmp(m, w) || !find_index(p, m, strlen(m)))
			return NULL;
		return m == buf ? keep_built(buf) : m;
	}
	size_t o = 0;
	for (const char *s = w; *s;) {
		size_t k = strcspn(s, "-_");
		memcpy(part, s, k);
		part[k] = '\0';
		const char *pm = morph_word(p, part, k, cw_hash(part, k), buf);
		const char *use = pm ? pm : part;
		size_t ul = strlen(use);
		if (o + ul + 2 > sizeof joined)
			return NULL;
		memcpy(joined + o, use, ul);
		o += ul;
		if (s[k])
			joined[o++] = s[k++];
		s += k;
	}
	joined[o] = '\0';
	const char *hit;
	if (!strcmp(joined, w) || !(hit = find_index(p, joined, o)))
		return NULL;
	return strcmp(hit, joined) == 0 ? hit : keep_built(joined);
}

static int pos_of(char pos)
{
	return pos == 'v' ? P_VERB : pos == 'n' ? P_NOUN : pos == 'a' ? P_ADJ : -1;
}

int cw_lemmas_init(void)
{
	pthread_once(&wn_once, load_wordnet);
	if (wn_state != 1)
		errno = wn_errno;   /* ENOMEM for curlew_open to tell from a missing WordNet */
	return wn_state == 1 ? 0 : -1;
}

/* pos 'v' verb, 'n' noun, and also 'a' adjective (the verbs stage uses it
 * to tell participial adjectives from verbs).  An inflection gives its base
 * form (morphstr); a word that is itself a base form gives itself (in_wn). */
const char *cw_lemma(const char *lower_word, char pos)
{
	int p = pos_of(pos);
	size_t n = lower_word ? strlen(lower_word) : 0;
	if (p < 0 || n == 0 || n > MAX_WORD || cw_lemmas_init() < 0)
		return NULL;
	uint32_t h = cw_hash(lower_word, n);
	const char *base = morph_str(p, lower_word, n, h);
	if (base)
		return base;
	const entry *e = table_geth(&idx[p], lower_word, n, h);
	return e ? e->key : NULL;
}

/* ------------------------------------------------------------ the stage */

/* Words that never anchor an event pattern.  Patterns still match them
 * literally ("call on * to"), by their lower-case text. */
static const char *const stopwords[] = {
	"a", "an", "the", "this", "that", "these", "those", "its", "it", "his",
	"her", "hers", "their", "theirs", "our", "ours", "my", "your", "he", "she",
	"they", "them", "him", "we", "us", "i", "you", "me", "who", "whom", "whose",
	"which", "what", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"about", "into", "onto", "over", "under", "between", "among", "through",
	"during", "within", "without", "against", "toward", "towards", "upon",
	"and", "or", "but", "nor", "so", "if", "than", "as", "because", "while",
	"although", "though", "whether", "also", "not", "n't", "no", "be", "is",
	"are", "was", "were", "been", "being", "am", "have", "has", "had",
	"having", "do", "does", "did", "will", "would", "shall", "should", "may",
	"might", "can", "could", "must", "there", "here", "then", "very", "too",
	"just", "only", "both", "each", "all", "any", "some", "such", "own",
	"other", "another", "more", "most", "where", "when", "how", "why",
};
static table stops;
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;

static void build_stops(void)
{
	size_t n = sizeof stopwords / sizeof *stopwords;
	if (table_alloc(&stops, n) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		table_put(&stops, stopwords[i], stopwords[i]);
}

static int is_stopword(const char *w)
{
	return table_get(&stops, w, strlen(w)) != NULL;
}

/* A word worth a look-up has a letter in it: no "--", "1990s" passes. */
static int has_letter(const char *w)
{
	for (; *w; w++)
		if ((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z'))
			return 1;
	return 0;
}

int cw_lemmas(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	(void)doc;
	pthread_once(&stops_once, build_stops);
	if (!stops.e)
		return CURLEW_ESYS;   /* half a list would change the coding silently */
	const cw_lexicon *lx = cw ? cw->lexicon : NULL;
	for (int i = 0; i < s->ntoks; i++) {
		cw_token *t = &s->toks[i];
		t->vlemma = t->nlemma = NULL;
		/* the word's other dictionary look-up, done once here: the verbs
		 * stage asks each token's lists many times over */
		t->lex = cw_lex_mask(lx, t->lower);
		if ((t->flags & (CW_T_PUNCT | CW_T_NUM)) || !t->lower ||
		    !has_letter(t->lower) || is_stopword(t->lower))
			continue;
		t->vlemma = cw_lemma(t->lower, 'v');
		t->nlemma = cw_lemma(t->lower, 'n');
	}
	return 0;
}
