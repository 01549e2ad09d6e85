/*
 * verbs.c -- finding event triggers: the words that say what happened
 * ("met with", "rejected the proposal", "the operation against").
 *
 * DATA/verbs.txt holds the patterns; its header documents the format.
 * Each pattern hangs on an anchor word, its first literal, looked up by
 * lemma so one entry covers every inflection.  For every token that is an
 * anchor we try that anchor's patterns on the following tokens and keep the
 * most specific match: "hold talks with" beats "hold", "threaten to attack"
 * beats "threaten to".  The events stage later picks source and target; we
 * only say what kind of act the words describe and where its target slot is.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "coder.h"

#define MAX_GAP 6          /* tokens a '*' may skip */
#define MAX_ELS 16         /* elements in one pattern */
#define COMP_REACH 3       /* "agreed to (fully) withdraw": how far the inner verb may be */
#define CONJUNCT_REACH 6   /* "to give a speech on trade and meet": back to the first verb */
#define NEGCOMP_REACH 6    /* "denied that its forces attacked" */
#define SCARE_QUOTE 5      /* words in a quotation a gap may cross: wire copy quotes a
			    * judgement or a phrase ("vowed 'harsh revenge'", "called the
			    * raid 'an act of war'"); a longer one is reported speech */

enum { EL_WORD, EL_GAP, EL_TARGET, EL_SOURCE, EL_SKIP, EL_CLASS };

typedef struct vel {
	int kind;
	const char **alts;       /* EL_WORD: lower-case alternatives */
	int nalts;
	/* EL_CLASS: a "!class" list (wordclass.c), the object or subject
	 * class that tells a word's sense ("captured Mosul" vs "captured
	 * the mayor"), and the dictionary's classes it is one of */
	const cw_wclass *cls;
	const cw_wclasses *classes;
} vel;

/* A sentence's word forms as a Bloom filter, one hash per word: a pattern
 * one of whose words is in no slot of it cannot match, and is passed over
 * without walking its elements (verb matching was 40% of coding time).
 * 512 bits keep false passes rare for a news sentence's 30-100 forms. */
#define BLOOM_WORDS 8
typedef struct bloom {
	uint64_t w[BLOOM_WORDS];
} bloom;

static void bloom_add(bloom *b, const char *w, size_t n)
{
	uint32_t h = cw_hash(w, n) % (BLOOM_WORDS * 64);
	b->w[h / 64] |= (uint64_t)1 << (h % 64);
}

typedef struct vpat {
	int line;
	char code[5];
	char rcode[5];           /* "032:033": the target's counterpart code */
	unsigned flags;          /* CW_TR_SAY, CW_TR_REPORT, CW_TR_NOMINAL, CW_TR_MUTUAL */
	int comp;                /* governs a complement verb: that verb is not an event */
	int negcomp;             /* denies its complement: that verb is negated */
	int loose;               /* PETRARCH mode: gaps cross "that", "which"... */
	vel *els;
	int nels;
	vel *pre;                /* elements before the anchor, in written order */
	int npre;
	bloom *need;             /* per word element: the bits of its alternatives */
	int nneed;
	int spec;                /* literal words */
	int none;                /* code "-": the words in another sense, no event */
	const char *rule;        /* "verbs.txt:12 meet with" */
} vpat;

typedef struct plist {
	vpat **p;
	int n, cap;
} plist;

struct cw_verb_dict {
	cw_arena *arena;
	cw_map *verbal, *nominal;   /* anchor word -> plist */
	cw_map *adj_parts;          /* participles that are adjectives before a noun */
	cw_map *reciprocal;         /* !reciprocal: anchors of acts done with each other */
	cw_map *mirrored;           /* !mirrored: ... that each side does for its own part */
	cw_map *joint;              /* !joint: words that make any act a joint one */
	cw_wclasses *classes;       /* !class lists */
	vpat **all;                 /* every pattern, in file order */
	int nall, cap;
	const cw_lexicon *lexicon;  /* the curlew's, for the word lists of lemmas */
};

/* ------------------------------------------------------------- loading */

typedef struct load_ctx {
	cw_verb_dict *d;
	const curlew *cw;
	const char *path;
	char *err;
	size_t errlen;
	int check_codes;
} load_ctx;

static int bad_line(load_ctx *c, int lineno, const char *why, const char *what)
{
	snprintf(c->err, c->errlen, "%s:%d: %s%s%s", c->path, lineno, why,
		 what ? ": " : "", what ? what : "");
	return -1;
}

static int add_to_index(cw_verb_dict *d, cw_map *m, const char *anchor, vpat *p)
{
	plist *l = cw_map_get(m, anchor);
	if (!l) {
		l = cw_alloc(d->arena, sizeof *l);
		if (!l || cw_map_put(m, anchor, l) < 0)
			return -1;
	}
	vpat **grown = cw_grow(d->arena, l->p, &l->cap, l->n + 1, sizeof *l->p);
	if (!grown)
		return -1;
	l->p = grown;
	l->p[l->n++] = p;
	return 0;
}

static int parse_word(load_ctx *c, vel *e, char *w)
{
	cw_lower_ascii(w);
	char *alts[32];
	int n = cw_split(w, '|', alts, 32);
	e->kind = EL_WORD;
	e->alts = cw_alloc(c->d->arena, (size_t)n * sizeof *e->alts);
	if (!e->alts)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!*alts[i])
			return 1;
		if (!(e->alts[i] = cw_strdup(c->d->arena, alts[i])))
			return -1;
	}
	e->nalts = n;
	return 0;
}

/* "!adj armed elected ...": words listed as participial adjectives (and
 * the other word lists: !reciprocal, !mirrored, !joint). */
static int parse_word_list(load_ctx *c, cw_map *m, char *rest)
{
	char *w[64];
	int n = cw_split(cw_trim(rest), ' ', w, 64);
	for (int i = 0; i < n; i++) {
		char *x = cw_trim(w[i]);
		if (!*x)
			continue;
		cw_lower_ascii(x);
		if (cw_map_put(m, x, c->d) < 0)
			return -1;
	}
	return 0;
}

/* One pattern element into els[n]: a word or alternatives, '*', '^' or a
 * slot.  `anchor` says els[n] is where the anchor goes, which must be a
 * word.  nslots has bit 1 for {T} and bit 2 for {S}, for the whole
 * pattern.  Returns NULL, or why the element is wrong. */
static const char *parse_el(load_ctx *c, vel *els, int n, char *w, int anchor, int *nslots,
			    int *spec)
{
	vel *e = &els[n];
	memset(e, 0, sizeof *e);
	if (strcmp(w, "*") == 0) {
		if (n == 0 || els[n - 1].kind == EL_GAP)
			return "'*' must follow a word";
		e->kind = EL_GAP;
	} else if (strcmp(w, "^") == 0) {
		if (anchor)
			return "'^' cannot be the anchor";
		e->kind = EL_SKIP;
	} else if (strcmp(w, "{T}") == 0 || strcmp(w, "{S}") == 0) {
		int bit = w[1] == 'S' ? 2 : 1;
		if (anchor || (*nslots & bit))
			return "one {T} and one {S} per pattern, not as the anchor";
		*nslots |= bit;
		e->kind = bit == 2 ? EL_SOURCE : EL_TARGET;
	} else if (w[0] == '=') {
		if (anchor)
			return "a word class cannot be the anchor";
		cw_lower_ascii(w);
		if (!(e->cls = cw_wclass_get(c->d->classes, w + 1)))
			return "unknown word class (its !class line must come before)";
		e->classes = c->d->classes;
		e->kind = EL_CLASS;
		(*spec)++;
	} else if (strchr(w, '*') || strchr(w, '{') || strchr(w, '}') || strcmp(w, ">") == 0) {
		return "bad pattern element";
	} else {
		int r = parse_word(c, e, w);
		if (r)
			return r < 0 ? "out of memory" : "empty alternative";
		(*spec)++;
	}
	return NULL;
}

/* "!class NAME [@places] word ...": a class may take several lines. */
static int parse_class(load_ctx *c, int lineno, char *rest)
{
	const char *what, *why = cw_wclass_line(c->d->classes, rest, 1, &what);
	return why ? bad_line(c, lineno, why, what) : 0;
}

static void add_text(char *text, size_t size, const char *w)
{
	size_t tl = strlen(text);
	snprintf(text + tl, size - tl, "%s%s", tl ? " " : "", w);
}

/* p->need: for each word element after and before the anchor, the Bloom
 * bits of its alternatives' first words ("military_aid": military); an
 * element with a number ("#100") can match words no list names, and
 * needs nothing. */
static int need_words(cw_arena *arena, vpat *p)
{
	int n = p->nels - 1 + p->npre;
	if (n <= 0)
		return 0;
	if (!(p->need = cw_alloc(arena, (size_t)n * sizeof *p->need)))
		return -1;
	for (int j = 0; j < n; j++) {
		const vel *e = j < p->nels - 1 ? &p->els[j + 1] : &p->pre[j - (p->nels - 1)];
		if (e->kind != EL_WORD)
			continue;
		bloom b;
		memset(&b, 0, sizeof b);
		int any = 1;
		for (int a = 0; a < e->nalts && any; a++)
			if (e->alts[a][0] == '#')
				any = 0;
			else
				bloom_add(&b, e->alts[a], strcspn(e->alts[a], "_"));
		if (any && e->nalts > 0)
			p->need[p->nneed++] = b;
	}
	return 0;
}

static int parse_line(void *ctx, char *line, int lineno)
{
	load_ctx *c = ctx;
	for (char *t = line; *t; t++)
		if (*t == '\t')
			*t = ' ';
	line = cw_trim(line);
	if (!*line)
		return 0;
	static const struct { const char *tag; size_t off; } lists[] = {
		{ "!adj ", offsetof(cw_verb_dict, adj_parts) },
		{ "!reciprocal ", offsetof(cw_verb_dict, reciprocal) },
		{ "!mirrored ", offsetof(cw_verb_dict, mirrored) },
		{ "!joint ", offsetof(cw_verb_dict, joint) },
	};
	for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
		size_t n = strlen(lists[k].tag);
		if (strncmp(line, lists[k].tag, n) != 0)
			continue;
		cw_map *m = *(cw_map **)((char *)c->d + lists[k].off);
		return parse_word_list(c, m, line + n) < 0 ? bad_line(c, lineno, "out of memory", NULL) : 0;
	}
	if (strncmp(line, "!class ", 7) == 0)
		return parse_class(c, lineno, line + 7);
	if (line[0] == '!')
		return bad_line(c, lineno, "unknown word list", line);

	char *f[MAX_ELS + 12];
	int nf = 0;
	char *save = NULL;
	for (char *p = strtok_r(line, " ", &save); p && nf < MAX_ELS + 12; p = strtok_r(NULL, " ", &save))
		f[nf++] = p;
	vpat *pat = cw_alloc(c->d->arena, sizeof *pat);
	if (!pat)
		return bad_line(c, lineno, "out of memory", NULL);
	pat->line = lineno;
	/* PETRARCH's blanks allow any words between, across clauses too */
	pat->loose = c->cw && c->cw->opts.petrarch;
	int i = 0;
	if (i < nf && strcmp(f[i], "n") == 0) {
		pat->flags |= CW_TR_NOMINAL;
		i++;
	}
	/* "032:033": the act and its counterpart, done by the target */
	char *pair = i < nf ? strchr(f[i], ':') : NULL;
	if (pair)
		*pair++ = '\0';
	/* "-": these words are the sense of another word, and no act;
	 * they only keep the less specific patterns off them */
	if (i < nf && strcmp(f[i], "-") == 0 && !pair) {
		pat->none = 1;
		f[i] = "";
	} else if (i >= nf || !cw_code_shape(f[i]) || (pair && !cw_code_shape(pair)))
		return bad_line(c, lineno, "expected a CAMEO code", i < nf ? f[i] : NULL);
	if (!pat->none && c->check_codes && (!cw_codes_known(c->cw->codes, f[i]) ||
			       (pair && !cw_codes_known(c->cw->codes, pair))))
		return bad_line(c, lineno, "unknown CAMEO code", pair && cw_codes_known(c->cw->codes, f[i]) ? pair : f[i]);
	strcpy(pat->code, f[i++]);
	if (pair)
		strcpy(pat->rcode, pair);

	vel pre[MAX_ELS], els[MAX_ELS];
	int npre = 0, nels = 0, nslots = 0;
	char text[512] = "";
	const char *why;
	int arrow = -1;
	for (int k = i; k < nf && f[k][0] != '@'; k++)
		if (strcmp(f[k], ">") == 0)
			arrow = k;
	for (; arrow >= 0 && i < arrow; i++) {
		if (npre == MAX_ELS)
			return bad_line(c, lineno, "pattern too long", NULL);
		add_text(text, sizeof text, f[i]);   /* before parse_el lower-cases and splits it */
		if ((why = parse_el(c, pre, npre++, f[i], 0, &nslots, &pat->spec)))
			return bad_line(c, lineno, why, f[i]);
	}
	if (arrow >= 0) {
		if (npre == 0 || pre[0].kind == EL_GAP)
			return bad_line(c, lineno, "'>' must follow the words before the anchor", NULL);
		add_text(text, sizeof text, f[i++]);
	}
	for (; i < nf && f[i][0] != '@'; i++) {
		if (nels == MAX_ELS)
			return bad_line(c, lineno, "pattern too long", NULL);
		add_text(text, sizeof text, f[i]);
		if ((why = parse_el(c, els, nels, f[i], nels == 0, &nslots, &pat->spec)))
			return bad_line(c, lineno, why, f[i]);
		nels++;
	}
	if (nels == 0)
		return bad_line(c, lineno, "no pattern after the code", NULL);
	for (int a = 0; a < els[0].nalts; a++)
		if (strchr(els[0].alts[a], '_'))
			return bad_line(c, lineno, "the anchor must be one word", els[0].alts[a]);
	if (els[nels - 1].kind == EL_GAP)
		return bad_line(c, lineno, "a pattern cannot end with '*'", NULL);
	for (; i < nf; i++) {
		if (strcmp(f[i], "@say") == 0)
			pat->flags |= CW_TR_SAY;
		else if (strcmp(f[i], "@report") == 0)
			pat->flags |= CW_TR_REPORT;
		else if (strcmp(f[i], "@comp") == 0)
			pat->comp = 1;
		else if (strcmp(f[i], "@negcomp") == 0)
			pat->negcomp = 1;
		else if (strcmp(f[i], "@mutual") == 0)
			pat->flags |= CW_TR_MUTUAL, pat->spec++;   /* the compound is a condition */
		else
			return bad_line(c, lineno, "unknown flag (or pattern word after a flag)", f[i]);
	}
	/* A pattern ending in "to" takes an infinitive: "threatened to
	 * attack" is a threat, and the attack did not happen. */
	const vel *last = &els[nels - 1];
	if (last->kind == EL_WORD && last->nalts == 1 && strcmp(last->alts[0], "to") == 0)
		pat->comp = 1;

	pat->els = cw_alloc(c->d->arena, (size_t)nels * sizeof *pat->els);
	pat->rule = cw_printf(c->d->arena, "verbs.txt:%d %s", lineno, text);
	if (!pat->els || !pat->rule)
		return bad_line(c, lineno, "out of memory", NULL);
	memcpy(pat->els, els, (size_t)nels * sizeof *els);
	pat->nels = nels;
	if (npre) {
		if (!(pat->pre = cw_alloc(c->d->arena, (size_t)npre * sizeof *pat->pre)))
			return bad_line(c, lineno, "out of memory", NULL);
		memcpy(pat->pre, pre, (size_t)npre * sizeof *pre);
		pat->npre = npre;
	}

	if (need_words(c->d->arena, pat) < 0)
		return bad_line(c, lineno, "out of memory", NULL);

	cw_map *idx = (pat->flags & CW_TR_NOMINAL) ? c->d->nominal : c->d->verbal;
	for (int a = 0; a < els[0].nalts; a++)
		if (add_to_index(c->d, idx, els[0].alts[a], pat) < 0)
			return bad_line(c, lineno, "out of memory", NULL);
	vpat **grown = cw_grow(c->d->arena, c->d->all, &c->d->cap, c->d->nall + 1, sizeof *grown);
	if (!grown)
		return bad_line(c, lineno, "out of memory", NULL);
	c->d->all = grown;
	c->d->all[c->d->nall++] = pat;
	return 0;
}

static int by_specificity(const void *a, const void *b)
{
	const vpat *x = *(vpat *const *)a, *y = *(vpat *const *)b;
	if (x->spec != y->spec)
		return y->spec - x->spec;
	return x->line - y->line;
}

/* cw_map cannot be iterated, so the lists are reached through each
 * pattern's anchors; sorting a list twice does no harm. */
static void sort_lists(cw_verb_dict *d)
{
	for (int k = 0; k < d->nall; k++) {
		vpat *p = d->all[k];
		cw_map *m = (p->flags & CW_TR_NOMINAL) ? d->nominal : d->verbal;
		for (int a = 0; a < p->els[0].nalts; a++) {
			plist *l = cw_map_get(m, p->els[0].alts[a]);
			if (l && l->n > 1)
				qsort(l->p, (size_t)l->n, sizeof *l->p, by_specificity);
		}
	}
}

int cw_verbs_load(cw_verb_dict **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	cw_verb_dict *d = calloc(1, sizeof *d);
	if (!d || !(d->arena = cw_arena_new()) || !(d->verbal = cw_map_new()) ||
	    !(d->nominal = cw_map_new()) || !(d->adj_parts = cw_map_new()) ||
	    !(d->reciprocal = cw_map_new()) || !(d->mirrored = cw_map_new()) ||
	    !(d->joint = cw_map_new()) || !(d->classes = cw_wclasses_new(d->arena))) {
		cw_verbs_free(d);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->lexicon = cw ? cw->lexicon : NULL;
	const char *dir = cw && cw->data_dir ? cw->data_dir : "data";
	char *path = cw_printf(d->arena, "%s/verbs.txt", dir);
	load_ctx c = { d, cw, path, err, errlen, 0 };
	/* Codes are checked only when the code table is loaded and knows
	 * the roots; without it every well-formed code is accepted. */
	c.check_codes = cw && cw->codes && cw_codes_get(cw->codes, "01") != NULL;
	int r = path ? cw_read_lines(path, parse_line, &c) : -1;
	if (r != 0) {
		if (!err[0])
			snprintf(err, errlen, "%s: cannot open", path ? path : "verbs.txt");
		cw_verbs_free(d);
		return -1;
	}
	sort_lists(d);
	*out = d;
	return 0;
}

void cw_verbs_free(cw_verb_dict *d)
{
	if (!d)
		return;
	cw_map_free(d->verbal);
	cw_map_free(d->nominal);
	cw_map_free(d->adj_parts);
	cw_map_free(d->reciprocal);
	cw_map_free(d->mirrored);
	cw_map_free(d->joint);
	cw_wclasses_free(d->classes);
	cw_arena_free(d->arena);
	free(d);
}

/* ------------------------------------------------------------ matching */

/* Is the token's word in the lexicon's list (data/lexicon.txt, "verb
 * matching")?  The lemmas stage looked its lists up once (t->lex). */
static int in_list(const cw_token *t, int list)
{
	return (int)(t->lex >> list & 1);
}

static int is_punct(const cw_token *t)
{
	return (t->flags & CW_T_PUNCT) != 0;
}

/* Punctuation that ends a clause; commas and hyphens do not. */
static int is_stop_punct(const cw_token *t)
{
	if (!is_punct(t) && !(t->flags & CW_T_QUOTE))
		return 0;
	/* "approved a $1.5 billion loan": money signs sit inside a phrase */
	return !(t->lower && (strcmp(t->lower, ",") == 0 || strcmp(t->lower, "-") == 0 ||
			      strcmp(t->lower, "'") == 0 || strcmp(t->lower, "$") == 0 ||
			      strcmp(t->lower, "%") == 0 || strcmp(t->lower, "€") == 0 ||
			      strcmp(t->lower, "£") == 0));
}

/* Is the quotation mark at token q one of a short quotation's two, with
 * no stop inside ("dismissed as 'lies' accusations", "promised a 'full,
 * effective' response")?  Marks are paired from the sentence's start. */
static int double_quote(const cw_token *t)
{
	/* a lone "'" is as often an apostrophe ("the countries' ministers") */
	return (t->flags & CW_T_QUOTE) && !(t->lower && strcmp(t->lower, "'") == 0);
}

static int scare_quote(const cw_sentence *s, int q)
{
	int before = 0;
	for (int k = 0; k < q; k++)
		before += double_quote(&s->toks[k]);
	int dir = before % 2 ? -1 : 1;   /* a closing mark looks back to its opening */
	for (int k = q + dir, n = 0; k >= 0 && k < s->ntoks && n <= SCARE_QUOTE; k += dir, n++) {
		const cw_token *t = &s->toks[k];
		if (double_quote(t))
			return n > 0;
		/* a full stop inside the closing mark ('"absolutely
		 * unacceptable."') ends the quotation, not the sentence */
		if (is_stop_punct(t) && !(dir > 0 && k + 1 < s->ntoks && double_quote(&s->toks[k + 1])))
			return 0;
	}
	return 0;
}

/* Does the mark at token q open a quotation (marks paired from the
 * sentence's start)? */
static int opening_quote(const cw_sentence *s, int q)
{
	if (!double_quote(&s->toks[q]))
		return 0;
	int before = 0;
	for (int k = 0; k < q; k++)
		before += double_quote(&s->toks[k]);
	return before % 2 == 0;
}

static int gap_stop(const cw_sentence *s, int k, int loose)
{
	const cw_token *t = &s->toks[k];
	if (double_quote(t) && scare_quote(s, k))
		return 0;
	return is_stop_punct(t) || (!loose && in_list(t, CW_LX_GAP_STOPS));
}

static int ends_with(const char *w, const char *suf)
{
	size_t n = strlen(w), k = strlen(suf);
	return n > k && strcmp(w + n - k, suf) == 0;
}

/* "airstrikes" when WordNet doesn't know the word: compare without the
 * plural ending.  lit is k bytes, not terminated. */
static int plural_of(const char *w, const char *lit, size_t k)
{
	size_t n = strlen(w);
	return n == k + 1 && w[n - 1] == 's' && memcmp(w, lit, k) == 0;
}

/* Is w the k bytes at lit?  (lit is a word inside a pattern's phrase.)
 * The first bytes are compared before the call: most words differ there,
 * and this is asked a million times on 300 bench stories. */
static int same_word(const char *w, const char *lit, size_t k)
{
	if (k == 0)
		return w[0] == '\0';
	return w[0] == lit[0] && strncmp(w, lit, k) == 0 && w[k] == '\0';
}

/* "#100" in a pattern: a number written in digits of at least 100
 * ("killed 1,200 people", "at least 966 civilians"); separators and a
 * decimal part are read, words ("hundreds") are listed as alternatives. */
static int number_at_least(const char *w, const char *spec)
{
	long min = atol(spec + 1), v = 0;
	int digits = 0;
	for (; *w == ',' || isdigit((unsigned char)*w); w++)
		if (*w != ',' && digits++ < 12)   /* beyond any count news gives */
			v = v * 10 + (*w - '0');
	return digits > 0 && (*w == '\0' || *w == '.') && v >= min;
}

/* In a nominal pattern the words are nouns: "drone strike" matches
 * "drone strikes" but not "drones struck".  w is the k bytes of one word
 * of a pattern's phrase, compared in place. */
static int word_is(const cw_token *t, const char *w, size_t k, int nominal)
{
	/* "$": where a phrase ends, at a mark or a conjunction: "called the
	 * decree illegal $" is a verdict, "called it a war on illegal
	 * militias" is not.  w is one word of a phrase, not terminated where
	 * the phrase goes on ("null_$_void"): its length k says where it ends */
	if (k == 1 && w[0] == '$')
		return t->lower && (is_punct(t) || (t->flags & CW_T_QUOTE) ||
				    strcmp(t->lower, "and") == 0 || strcmp(t->lower, "but") == 0 ||
				    strcmp(t->lower, "or") == 0);
	if (!t->lower || is_punct(t))
		return 0;
	if (w[0] == '#' && isdigit((unsigned char)w[1]))
		return number_at_least(t->lower, w);
	return same_word(t->lower, w, k) || (!nominal && t->vlemma && same_word(t->vlemma, w, k)) ||
	       (t->nlemma && same_word(t->nlemma, w, k)) ||
	       (!t->nlemma && plural_of(t->lower, w, k));
}

/* Can the pattern word starting with byte c match token t at all?  Every
 * way word_is has to match a plain word (the text, a base form, a plural)
 * starts with that byte; "$", "#100" and an empty word are left to
 * word_is.  Asked first, it spares measuring and comparing the word at
 * most of the 700,000 tries on 300 bench stories. */
static int may_start(const cw_token *t, char c, int nominal)
{
	if (c == '$' || c == '#' || c == '_')
		return 1;
	return t->lower && (t->lower[0] == c || (!nominal && t->vlemma && t->vlemma[0] == c) ||
			    (t->nlemma && t->nlemma[0] == c));
}

/* Matches one alternative ("aid", or the phrase "military_aid") at token
 * ti; returns the tokens it covers, 0 if it doesn't match. */
#define MAX_ALT_WORD 63    /* the longest word of a phrase read, as when it was copied */
static int alt_match(const cw_sentence *s, int ti, const char *alt, int nominal)
{
	int n = 0;
	for (const char *p = alt; *p;) {
		if (ti + n >= s->ntoks || !may_start(&s->toks[ti + n], p[0], nominal))
			return 0;
		/* by hand, not strcspn: words are a few bytes long */
		size_t k = 0;
		while (p[k] && p[k] != '_')
			k++;
		if (k > MAX_ALT_WORD || ti + n >= s->ntoks)
			return 0;
		if (!word_is(&s->toks[ti + n], p, k, nominal))
			return 0;
		n++;
		p += k;
		if (*p == '_')
			p++;
	}
	return n;
}

static int is_det(const cw_token *t);

/* A token of class cls: its text or noun base form is listed, or (for a
 * class with @places) it is part of a place name. */
static int class_match(const cw_sentence *s, int ti, const vel *e)
{
	if (ti < 0 || ti >= s->ntoks)
		return 0;
	const cw_token *t = &s->toks[ti];
	if (!t->lower || is_punct(t))
		return 0;
	/* "seized Guinea's president": a place that owns the next noun is
	 * not the object itself */
	if (e->cls->places && t->place >= 0 && t->place < s->nplaces) {
		int end = s->places[t->place].tok_end;
		return !(end < s->ntoks && end > ti && is_det(&s->toks[end]));
	}
	return cw_wclass_has(e->classes, e->cls, t);
}

static int is_modifier(const cw_sentence *s, const cw_token *t);

/* The actor a {T} slot names: the first token of a mention in the noun
 * phrase that starts at tok, looking past determiners, numbers,
 * adjectives and "dozens of", and through prepositions that carry a
 * target ("restore full diplomatic ties with X", "an attack by X"); it
 * stops at the first other noun or a place preposition.  -1 when the
 * phrase names no actor, so the parser's object is used instead. */
static int slot_actor(const cw_sentence *s, int tok)
{
	for (int t = tok; t < s->ntoks && t < tok + 8; t++) {
		const cw_token *k = &s->toks[t];
		if (k->mention >= 0)
			return t;
		if (is_punct(k) || in_list(k, CW_LX_SLOT_PLACE_PREPS))
			return -1;
		if ((k->flags & CW_T_NUM) || is_det(k) || in_list(k, CW_LX_QUANTITIES) ||
		    in_list(k, CW_LX_SLOT_PREPS) || is_modifier(s, k))
			continue;
		if (k->nlemma && t + 1 < s->ntoks && in_list(&s->toks[t + 1], CW_LX_SLOT_PREPS))
			continue;
		/* a noun modifying the next noun: "the state power company" */
		if (k->nlemma && t + 1 < s->ntoks && s->toks[t + 1].nlemma &&
		    !(s->toks[t + 1].flags & (CW_T_PUNCT | CW_T_CAP)))
			continue;
		return -1;
	}
	return -1;
}

typedef struct mstate {
	int end;        /* one past the last literal matched */
	int target;     /* token of the {T} slot, or -1 */
	int prep;       /* token of the literal before {T}, or -1 */
	int gaps;       /* tokens skipped by '*' */
	int source;     /* token of the {S} slot, or -1 */
	int start;      /* first token matched (words before the anchor) */
} mstate;

#define MSTATE(i) ((mstate){ .end = (i) + 1, .target = -1, .prep = -1, .source = -1, .start = (i) })

static int is_prep(const cw_token *t);

/* A word of an actor's name after its first: the name counts as one word
 * skipped, as a pronoun would. */
static int name_tail(const cw_sentence *s, int t)
{
	int m = s->toks[t].mention;
	return m >= 0 && m < s->nments && s->ments[m].tok_start < t;
}

/* What '^' skips: one noun phrase from token ti, with a preposition that
 * leads it ("with the parliament"), up to the next preposition, stop or
 * verb; an actor in it is skipped whole.  Returns the token after it (dir
 * 1) or before it (dir -1); ti when there is no phrase. */
static int skip_phrase(const cw_sentence *s, int ti, int dir)
{
	int t = ti, n = 0;
	if (dir > 0 && t < s->ntoks && is_prep(&s->toks[t]))
		t++;
	while (t >= 0 && t < s->ntoks && n < MAX_GAP) {
		const cw_token *k = &s->toks[t];
		if (is_punct(k) || in_list(k, CW_LX_GAP_STOPS) || (n > 0 && is_prep(k)) ||
		    (k->mention < 0 && k->vlemma && !k->nlemma))
			break;
		if (k->mention >= 0) {
			const cw_mention *mt = &s->ments[k->mention];
			t = dir > 0 ? mt->tok_end : mt->tok_start - 1;
		} else {
			t += dir;
		}
		n++;
	}
	if (dir < 0 && n && t >= 0 && is_prep(&s->toks[t]))
		t--;
	return n ? t : ti;
}

static int match_els(const vpat *p, int ei, const cw_sentence *s, int ti, mstate *m)
{
	if (ei == p->nels)
		return 1;
	const vel *e = &p->els[ei];
	if (e->kind == EL_WORD) {
		int old = m->end;
		for (int a = 0; a < e->nalts; a++) {
			int n = alt_match(s, ti, e->alts[a], (p->flags & CW_TR_NOMINAL) != 0);
			if (!n)
				continue;
			m->end = ti + n;
			if (match_els(p, ei + 1, s, ti + n, m))
				return 1;
		}
		m->end = old;
		return 0;
	}
	if (e->kind == EL_CLASS) {
		int old = m->end;
		if (!class_match(s, ti, e))
			return 0;
		m->end = ti + 1;
		if (match_els(p, ei + 1, s, ti + 1, m))
			return 1;
		m->end = old;
		return 0;
	}
	if (e->kind == EL_SKIP) {
		int t = skip_phrase(s, ti, 1);
		if (t == ti)
			return 0;
		int old = m->end;
		m->end = t;
		if (match_els(p, ei + 1, s, t, m))
			return 1;
		m->end = old;
		return 0;
	}
	if (e->kind == EL_TARGET || e->kind == EL_SOURCE) {
		if (ti >= s->ntoks || is_punct(&s->toks[ti]))
			return 0;
		if (e->kind == EL_SOURCE) {
			m->source = slot_actor(s, ti);
			return m->source >= 0 && match_els(p, ei + 1, s, ti, m);
		}
		m->target = slot_actor(s, ti);
		m->prep = ei > 1 && p->els[ei - 1].kind == EL_WORD ? ti - 1 : -1;
		return match_els(p, ei + 1, s, ti, m);
	}
	for (int k = 0, q = 0, open = -1;; k++) {     /* shortest gap first */
		int at = ti + k - 1;
		if (k > 0 && at >= s->ntoks)
			break;
		/* a gap may enter a long quotation as far as a scare-quote
		 * reaches: what opens it is the verb's own object ('called the
		 * move "a serious setback to the cause of democracy"'); further
		 * in it is speech ('vowed "we will one day take our revenge"') */
		if (k > 0 && open < 0 && opening_quote(s, at) && !scare_quote(s, at))
			open = at;
		else if (k > 0 && gap_stop(s, at, p->loose))
			break;
		if (open >= 0 && at - open > SCARE_QUOTE)
			break;
		/* the marks of a quotation crossed are no words skipped */
		q += k > 0 && double_quote(&s->toks[ti + k - 1]);
		/* a name is one noun phrase however many words it has: "took
		 * former President Luiz Inacio Lula da Silva into custody" */
		q += k > 0 && name_tail(s, ti + k - 1);
		if (k - q > MAX_GAP)
			break;
		m->gaps += k;
		if (match_els(p, ei + 1, s, ti + k, m))
			return 1;
		m->gaps -= k;
	}
	return 0;
}

/* The words before the anchor, matched leftwards from token ti (the one
 * just before what is matched so far).  A slot there is an actor that
 * ends at ti: "{T} was > shoot" wants the mention right before "was". */
static int match_pre(const vpat *p, int ei, const cw_sentence *s, int ti, mstate *m)
{
	if (ei < 0) {
		m->start = ti + 1;
		return 1;
	}
	if (ti < 0)
		return 0;
	const vel *e = &p->pre[ei];
	if (e->kind == EL_WORD) {
		for (int a = 0; a < e->nalts; a++) {
			int words = 1;
			for (const char *q = e->alts[a]; *q; q++)
				words += *q == '_';
			int st = ti - words + 1;
			if (st >= 0 && alt_match(s, st, e->alts[a], (p->flags & CW_TR_NOMINAL) != 0) == words &&
			    match_pre(p, ei - 1, s, st - 1, m))
				return 1;
		}
		return 0;
	}
	if (e->kind == EL_CLASS)
		return class_match(s, ti, e) && match_pre(p, ei - 1, s, ti - 1, m);
	if (e->kind == EL_SKIP) {
		int t = skip_phrase(s, ti, -1);
		return t != ti && match_pre(p, ei - 1, s, t, m);
	}
	if (e->kind == EL_TARGET || e->kind == EL_SOURCE) {
		int mt = s->toks[ti].mention;
		if (mt < 0)
			return 0;
		int *slot = e->kind == EL_SOURCE ? &m->source : &m->target, old = *slot;
		*slot = s->ments[mt].tok_start;
		if (match_pre(p, ei - 1, s, *slot - 1, m))
			return 1;
		*slot = old;
		return 0;
	}
	for (int k = 0; k <= MAX_GAP; k++) {     /* shortest gap first */
		if (k > 0 && (ti - k + 1 < 0 || gap_stop(s, ti - k + 1, p->loose)))
			break;
		m->gaps += k;
		if (match_pre(p, ei - 1, s, ti - k, m))
			return 1;
		m->gaps -= k;
	}
	return 0;
}

typedef struct best {
	const vpat *p;
	mstate m;
	int exact;      /* the anchor was written as the token is ("left") */
} best;

/* More literals win, then the shorter gap, then a match whose {T} slot
 * found an actor ("visit {T}" over "visit" when an actor follows), then
 * the earlier line. */
static int better(const vpat *p, const mstate *m, int exact, const best *b)
{
	if (p->spec != b->p->spec)
		return p->spec > b->p->spec;
	/* "032 left" over "012 leave" for "left": the form written wins */
	if (exact != b->exact)
		return exact;
	if (m->gaps != b->m.gaps)
		return m->gaps < b->m.gaps;
	if ((m->target >= 0) != (b->m.target >= 0))
		return m->target >= 0;
	return p->line < b->p->line;
}

/* "Iran and Iraq (have) agreed": two actors joined by "and" or a comma
 * end within a few words before token i. */
static int compound_before(const cw_sentence *s, int i)
{
	int t = i - 1;
	for (int k = 0; t >= 0 && k < 3 && s->toks[t].mention < 0 && !is_punct(&s->toks[t]); k++)
		t--;
	if (t < 0 || s->toks[t].mention < 0)
		return 0;
	const cw_mention *m = &s->ments[s->toks[t].mention];
	int j = m->tok_start - 1;
	if (j >= 0 && strcmp(s->toks[j].lower, "the") == 0)
		j--;
	if (j < 1 || (strcmp(s->toks[j].lower, "and") != 0 && strcmp(s->toks[j].lower, ",") != 0))
		return 0;
	return s->toks[j - 1].mention >= 0;
}

/* "called off a strike" is no "call * strike": a particle right after
 * the anchor (by the tagger) makes another verb, so a pattern whose gap
 * would skip it does not apply ("call off * strike" names it). */
static int particle_skipped(const vpat *p, const cw_sentence *s, int i)
{
	if (p->nels < 2 || i + 1 >= s->ntoks)
		return 0;
	/* "pressed on with their assault", "pushed ahead with": an adverb and
	 * "with" after the verb make the phrasal verb of going on with an act
	 * (the tagger often reads the adverb as a preposition), no "press {T}" */
	int pos = s->toks[i + 1].pos;
	if ((p->els[1].kind == EL_TARGET || p->els[1].kind == EL_SOURCE) &&
	    (pos == CW_POS_RP || ((pos == CW_POS_IN || pos == CW_POS_RB) && i + 2 < s->ntoks &&
				  s->toks[i + 2].lower && strcmp(s->toks[i + 2].lower, "with") == 0)))
		return 1;
	if (pos != CW_POS_RP)
		return 0;
	if (p->nels < 3 || p->els[1].kind != EL_GAP)
		return 0;
	if (i + 2 < s->ntoks && s->toks[i + 2].pos == CW_POS_TO)
		return 0;   /* "offer up to three million": a quantity, no particle */
	const vel *e = &p->els[2];
	for (int a = 0; e->kind == EL_WORD && a < e->nalts; a++)
		if (alt_match(s, i + 1, e->alts[a], (p->flags & CW_TR_NOMINAL) != 0))
			return 0;
	return 1;
}

/* The forms word_is compares a pattern word with: the token, its verb and
 * noun lemmas, and the token less a plural "s". */
static void sentence_bloom(const cw_sentence *s, bloom *b)
{
	memset(b, 0, sizeof *b);
	bloom_add(b, "$", 1);     /* a phrase's end: every sentence has one */
	for (int i = 0; i < s->ntoks; i++) {
		const cw_token *t = &s->toks[i];
		if (!t->lower)
			continue;
		size_t n = strlen(t->lower);
		bloom_add(b, t->lower, n);
		if (t->vlemma)
			bloom_add(b, t->vlemma, strlen(t->vlemma));
		if (t->nlemma)
			bloom_add(b, t->nlemma, strlen(t->nlemma));
		else if (n > 1 && t->lower[n - 1] == 's')
			bloom_add(b, t->lower, n - 1);
	}
}

/* Can every word element of p find one of its alternatives' first words
 * in the sentence?  False passes only cost the walk they would have. */
static int may_match(const vpat *p, const bloom *sb)
{
	for (int j = 0; j < p->nneed; j++) {
		uint64_t any = 0;
		for (int k = 0; k < BLOOM_WORDS; k++)
			any |= p->need[j].w[k] & sb->w[k];
		if (!any)
			return 0;
	}
	return 1;
}

/* Tries the patterns anchored on key (sorted most specific first) at
 * token i; a key written as the token is beats its lemma ("left"). */
static void try_list(const cw_map *map, const char *key, const cw_sentence *s, const bloom *sb,
		     int i, best *b, int pre_only)
{
	const plist *l = key ? cw_map_get(map, key) : NULL;
	int exact = l && strcmp(key, s->toks[i].lower) == 0;
	for (int k = 0; l && k < l->n; k++) {
		const vpat *p = l->p[k];
		if (b->p && p->spec < b->p->spec)
			break;
		if (pre_only && !p->npre)
			continue;
		if (!may_match(p, sb))
			continue;
		mstate m = MSTATE(i);
		if (particle_skipped(p, s, i))
			continue;
		if (!match_els(p, 1, s, i + 1, &m) || (p->npre && !match_pre(p, p->npre - 1, s, i - 1, &m)))
			continue;
		if ((p->flags & CW_TR_MUTUAL) && !compound_before(s, m.start))
			continue;
		if (b->p && !better(p, &m, exact, b))
			continue;
		b->p = p;
		b->m = m;
		b->exact = exact;
	}
}

/* "Azerbaijan's visit": a possessive, whether or not the tokens stage
 * split off the "'s", works as a determiner. */
static int is_det(const cw_token *t)
{
	return t->lower && (in_list(t, CW_LX_DETERMINERS) ||
			    (ends_with(t->lower, "'s") && strcmp(t->lower, "it's") != 0) ||
			    ends_with(t->lower, "s'") || strcmp(t->lower, "'") == 0);
}

/* "Azerbaijani", "Armenian": a capitalised word shaped like a people's
 * adjective, or one the actors stage found to be one.  Inside a mention
 * only the adjective itself counts: "police" in "Russian police" is the
 * head noun, and "Pakistan" is a name however it ends. */
static int demonym_like(const cw_sentence *s, const cw_token *t)
{
	if (t->mention >= 0 && t->mention < s->nments)
		return s->ments[t->mention].kind == CW_M_ADJ && (t->flags & CW_T_CAP);
	if (!(t->flags & CW_T_CAP) || !t->lower)
		return 0;
	return ends_with(t->lower, "an") || ends_with(t->lower, "ese") ||
	       ends_with(t->lower, "ish") || ends_with(t->lower, "i");
}

/* A word that can sit between a determiner and its noun: "recent",
 * "illegal", "newly", "Armenian".  Verb forms are excluded so that "the
 * government attacked" never looks like one noun phrase. */
static int is_modifier(const cw_sentence *s, const cw_token *t)
{
	if (!t->lower || t->vlemma)
		return 0;
	if (is_punct(t))
		return strcmp(t->lower, "-") == 0;
	if (t->flags & CW_T_NUM)
		return 1;       /* "the 1994 bombing", "the 2019 attack" */
	return demonym_like(s, t) || ends_with(t->lower, "ly") || cw_lemma(t->lower, 'a') != NULL;
}

/* "the attack", "the recent attacks", "Azerbaijan's visit": a determiner
 * (after at most three modifiers) makes the word a noun, not a verb. */
static int after_determiner(const cw_sentence *s, int i)
{
	for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
		const cw_token *t = &s->toks[j];
		if (t->lower && strcmp(t->lower, "longer") == 0)
			return 0;       /* "no longer supports": an adverb, not "no" + noun */
		if (is_det(t))
			return 1;
		/* 'calling the plan a "surrender"': a quotation mark stands
		 * between the determiner and its noun */
		if (!is_modifier(s, t) && !double_quote(t))
			return 0;
	}
	return 0;
}

static int nounish(const cw_token *t)
{
	return t->lower && !is_punct(t) && (t->nlemma || (t->flags & CW_T_CAP));
}

/* ------------------------------------------------ noun or verb? */

static int is_word_tok(const cw_token *t, int list)
{
	return t->lower && !is_punct(t) && in_list(t, list);
}

static int is_prep(const cw_token *t)
{
	return is_word_tok(t, CW_LX_PHRASE_PREPS);
}

static const cw_mention *mention_of(const cw_sentence *s, const cw_token *t)
{
	return t->mention >= 0 && t->mention < s->nments ? &s->ments[t->mention] : NULL;
}

/* "rebels", "workers": a plural noun form, not a verb's third person. */
static int plural_noun(const cw_token *t)
{
	return t->lower && t->nlemma && strcmp(t->nlemma, t->lower) != 0 &&
	       ends_with(t->lower, "s") && (!(t->flags & CW_T_CAP) || (t->flags & CW_T_SENT_START));
}

/* Verbs whose past tense is their base form ("Morocco cut ties" is past)
 * need no licensor. */
static int base_form(const cw_token *t)
{
	return t->vlemma && strcmp(t->vlemma, t->lower) == 0 && !in_list(t, CW_LX_SAME_PAST);
}

static int third_person(const cw_token *t)
{
	return t->vlemma && strcmp(t->vlemma, t->lower) != 0 && ends_with(t->lower, "s") &&
	       !ends_with(t->lower, "ss");
}

/* A verb that can open a clause of its own ("said Hamas targets civilians"):
 * one of the dictionary's reporting verbs. */
static int reporting_verb(const cw_verb_dict *d, const cw_token *t)
{
	const plist *l = t->vlemma ? cw_map_get(d->verbal, t->vlemma) : NULL;
	for (int k = 0; l && k < l->n; k++)
		if (l->p[k]->flags & (CW_TR_REPORT | CW_TR_SAY))
			return 1;
	return t->vlemma && cw_lex_has(d->lexicon, CW_LX_CLAUSE_VERBS, t->vlemma);
}

/* Could the words from tok on be a noun phrase, an object?  "targets
 * civilians" reads as a verb with its object, "targets in Yemen" not. */
static int np_starts(const cw_sentence *s, int tok)
{
	if (tok >= s->ntoks)
		return 0;
	const cw_token *t = &s->toks[tok];
	if (is_punct(t) || (t->flags & CW_T_QUOTE))
		return 0;
	if ((t->flags & (CW_T_NUM | CW_T_CAP)) || t->mention >= 0 || is_det(t) ||
	    in_list(t, CW_LX_OBJECT_PRONOUNS))
		return 1;
	if (in_list(t, CW_LX_PHRASE_PREPS) || in_list(t, CW_LX_GAP_STOPS))
		return 0;
	return t->nlemma != NULL || cw_lemma(t->lower, 'a') != NULL;
}

/* The mention ends just before a word and is an adjective of it:
 * "Israeli strikes", "Kenyan aid". */
static int adjective_before(const cw_sentence *s, int i)
{
	if (i == 0)
		return 0;
	const cw_token *p = &s->toks[i - 1];
	const cw_mention *m = mention_of(s, p);
	return m && m->kind == CW_M_ADJ && (p->flags & CW_T_CAP) && m->tok_end == i;
}

/* A bare base form is a finite verb only after a modal, "to", a plural
 * subject or a relative word; elsewhere ("rescue teams and aid", "Borno
 * state") it is a noun. */
static int base_licensed(const cw_sentence *s, int i, int depth)
{
	int j = i - 1;
	for (int skip = 0; j >= 0 && skip < 3; skip++, j--) {
		const cw_token *a = &s->toks[j];
		if (!(is_word_tok(a, CW_LX_LIGHT_ADVERBS) || (ends_with(a->lower, "ly") && !a->vlemma)))
			break;
	}
	if (j < 0)
		return 1;
	const cw_token *p = &s->toks[j];
	if (is_punct(p) || (p->flags & CW_T_QUOTE))
		return strcmp(p->lower, ",") != 0 && strcmp(p->lower, "-") != 0;
	if (is_word_tok(p, CW_LX_BASE_LICENSORS))
		return 1;
	if (strcmp(p->lower, "and") == 0 || strcmp(p->lower, "or") == 0) {
		if (j == 0 || depth > 2)
			return 0;
		const cw_token *q = &s->toks[j - 1];
		if (q->mention >= 0)
			return 1;       /* "Russia and China meet" */
		/* "to give a speech and meet with": the first conjunct's
		 * licensor holds for the second */
		for (int v = j - 1; v >= 0 && v >= j - CONJUNCT_REACH; v--) {
			const cw_token *w = &s->toks[v];
			if (is_punct(w) || (w->flags & CW_T_QUOTE))
				return 0;
			if (base_form(w) && base_licensed(s, v, depth + 1))
				return 1;
		}
		return 0;
	}
	const cw_mention *m = mention_of(s, p);
	if (m) {
		if (adjective_before(s, i))
			return 0;
		if (m->plural || m->kind == CW_M_PRONOUN || plural_noun(p))
			return 1;
		int b = m->tok_start - 1;
		return b >= 0 && (is_word_tok(&s->toks[b], CW_LX_BASE_LICENSORS) ||
				  strcmp(s->toks[b].lower, "and") == 0);
	}
	return plural_noun(p);
}

/* A third-person form after a name: "struck Hamas targets in Gaza" (the
 * name sits in an object or prepositional slot, nothing follows the word
 * as its object) is a noun; "Hamas targets civilians" a verb. */
static int noun_after_name(const cw_verb_dict *d, const cw_sentence *s, int i)
{
	const cw_mention *m = mention_of(s, &s->toks[i - 1]);
	int b = m->tok_start - 1;
	if (b < 0 || np_starts(s, i + 1))
		return 0;
	const cw_token *l = &s->toks[b];
	if (is_det(l) || is_word_tok(l, CW_LX_PHRASE_PREPS))
		return 1;
	return l->vlemma && !is_punct(l) && l->mention < 0 && !reporting_verb(d, l);
}

/* Is token i, a word WordNet also knows as a noun, used as one here? */
static int noun_use(const cw_verb_dict *d, const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	if (!t->nlemma)
		return 0;
	if (base_form(t))
		return !base_licensed(s, i, 0);
	if (i == 0)
		return 0;
	const cw_token *p = &s->toks[i - 1];
	if (ends_with(t->lower, "ing"))     /* "heavy fighting" */
		return is_modifier(s, p) && !ends_with(p->lower, "ly") && !is_punct(p);
	if (!third_person(t))
		return 0;
	if ((p->flags & CW_T_NUM) || is_word_tok(p, CW_LX_PHRASE_PREPS) || is_word_tok(p, CW_LX_QUANTITIES) ||
	    adjective_before(s, i))
		return 1;
	if (p->mention >= 0)
		return noun_after_name(d, s, i);
	if (is_punct(p) || ((p->flags & CW_T_CAP) && !(p->flags & CW_T_SENT_START)))
		return 0;
	if (is_modifier(s, p) && !ends_with(p->lower, "ly") && !in_list(p, CW_LX_LIGHT_ADVERBS) &&
	    strcmp(p->lower, "longer") != 0)
		return 1;           /* "new attacks", "key targets" */
	/* "rebel attacks", "border clashes": a bare singular noun with no
	 * determiner is a modifier; "the plan calls for" keeps its subject */
	if (p->nlemma && strcmp(p->nlemma, p->lower) == 0 && !in_list(p, CW_LX_GAP_STOPS) &&
	    !(p->vlemma && strcmp(p->vlemma, p->lower) != 0))
		return i < 2 || !is_det(&s->toks[i - 2]) || !np_starts(s, i + 1);
	return 0;
}

/* Can token i be read as a verb?  Past forms are verbs after a subject
 * ("the military attacked") but adjectives in "the Armenian armed forces"
 * and "the so-called regime". */
static int verbal_ok(const cw_verb_dict *d, const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	if ((t->flags & CW_T_CAP) && !(t->flags & (CW_T_SENT_START | CW_T_ALLCAP)))
		return 0;               /* a name: "Strike Force", "Rally" */
	if (t->mention >= 0)
		return 0;
	const cw_token *prev = i > 0 ? &s->toks[i - 1] : NULL;
	const cw_token *next = i + 1 < s->ntoks ? &s->toks[i + 1] : NULL;
	if ((t->flags & CW_T_CAP) && next && (next->flags & CW_T_NUM))
		return 0;               /* a date or a number: "March 5", "May 1" */
	if (strcmp(t->lower, "called") == 0 && prev && prev->lower &&
	    (strcmp(prev->lower, "so") == 0 ||
	     (strcmp(prev->lower, "-") == 0 && i > 1 && s->toks[i - 2].lower &&
	      strcmp(s->toks[i - 2].lower, "so") == 0)))
		return 0;
	/* "accused Armenia of attacking", "claims regarding imposing a
	 * blockade": a gerund after these words is what is talked about,
	 * not an act the sentence reports. */
	if (prev && ends_with(t->lower, "ing") && in_list(prev, CW_LX_GERUND_TOPIC))
		return 0;
	int past = t->vlemma && strcmp(t->vlemma, t->lower) != 0 &&
		   !ends_with(t->lower, "s") && !ends_with(t->lower, "ing");
	/* "U.S.-backed rebels", "UN-brokered truce": a participle hyphened
	 * to the word before is one compound adjective */
	if (past && i > 1 && strcmp(prev->lower, "-") == 0 && prev->start == s->toks[i - 2].end &&
	    t->start == prev->end)
		return 0;
	if (past ? (prev && is_det(prev)) : after_determiner(s, i))
		return 0;
	if (!past && noun_use(d, s, i))
		return 0;
	/* look through an adverb: "the formally arrested mayor" is an
	 * adjective, "the court formally arrested the mayor" a verb */
	if (prev && i > 1 && ends_with(prev->lower, "ly"))
		prev = &s->toks[i - 2];
	/* "arrested two suspects", "killed 12 people": a count after the
	 * participle starts its object, so it is the verb */
	int count_after = next && ((next->flags & CW_T_NUM) || is_word_tok(next, CW_LX_QUANTITIES));
	if (cw_map_get(d->adj_parts, t->lower) && next && nounish(next) && !count_after &&
	    (!prev || is_det(prev) || is_modifier(s, prev) || is_punct(prev) ||
	     demonym_like(s, prev) || in_list(prev, CW_LX_PHRASE_PREPS)))
		return 0;
	return 1;
}

/* Verbs WordNet lacks ("test-fired", "de-escalated"): strip the regular
 * endings and look the stems up as they are.  stem_of writes the r-th
 * rule's stem of w into stem (64 bytes) and returns 0, or -1 when that rule
 * does not apply; NSTEM_RULES is how many there are. */
#define NSTEM_RULES 6
static int stem_of(const char *w, size_t n, int r, char stem[64])
{
	/* the lengths counted by the compiler: stem_of runs ~1.4M times on
	 * 300 stories */
#define STEM_RULE(end, add) { end, add, sizeof end - 1, sizeof add - 1 }
	static const struct { const char *end, *add; size_t k, a; } rules[NSTEM_RULES] = {
		STEM_RULE("ed", ""), STEM_RULE("d", ""), STEM_RULE("s", ""),
		STEM_RULE("ing", ""), STEM_RULE("ing", "e"), STEM_RULE("ies", "y"),
	};
#undef STEM_RULE
	size_t k = rules[r].k, a = rules[r].a;
	/* the last byte before memcmp: most words fail every rule there */
	if (n <= k + 2 || n - k + a >= 64 || w[n - 1] != rules[r].end[k - 1] ||
	    memcmp(w + n - k, rules[r].end, k) != 0)
		return -1;
	memcpy(stem, w, n - k);
	/* stem + (n - k): stem + n would point past the array first */
	memcpy(stem + (n - k), rules[r].add, a + 1);
	return 0;
}

static void try_stems(const cw_map *m, const cw_sentence *s, const bloom *sb, int i, best *b)
{
	char stem[64];
	size_t n = strlen(s->toks[i].lower);
	for (int r = 0; r < NSTEM_RULES; r++)
		if (stem_of(s->toks[i].lower, n, r, stem) == 0)
			try_list(m, stem, s, sb, i, b, 0);
}

/* Is any verbal pattern anchored on token t's forms?  Asked before
 * verbal_ok, which costs far more and matters only then. */
static int verbal_anchor(const cw_verb_dict *d, const cw_token *t)
{
	if ((t->vlemma && cw_map_get(d->verbal, t->vlemma)) || cw_map_get(d->verbal, t->lower))
		return 1;
	char stem[64];
	size_t n = t->vlemma ? 0 : strlen(t->lower);
	for (int r = 0; !t->vlemma && r < NSTEM_RULES; r++)
		if (stem_of(t->lower, n, r, stem) == 0 && cw_map_get(d->verbal, stem))
			return 1;
	return 0;
}

/* The best pattern anchored on token i, verbal or nominal. */
static best match_at(const cw_verb_dict *d, const cw_sentence *s, const bloom *sb, int i)
{
	best b = { 0 };
	const cw_token *t = &s->toks[i];
	if (!t->lower || (t->flags & (CW_T_PUNCT | CW_T_NUM)))
		return b;
	/* words before the anchor ("will not wire > tap") show it is a verb
	 * where the words just before it alone would not */
	int pre_only = verbal_anchor(d, t) ? !verbal_ok(d, s, i) : -1;
	if (pre_only == 0 || (pre_only == 1 && t->vlemma)) {
		try_list(d->verbal, t->vlemma, s, sb, i, &b, pre_only);
		if (!t->vlemma || strcmp(t->vlemma, t->lower) != 0)
			try_list(d->verbal, t->lower, s, sb, i, &b, pre_only);
		if (!t->vlemma && !pre_only)
			try_stems(d->verbal, s, sb, i, &b);
	}
	if (!(t->flags & CW_T_CAP) || (t->flags & (CW_T_SENT_START | CW_T_ALLCAP))) {
		try_list(d->nominal, t->nlemma, s, sb, i, &b, 0);
		if (!t->nlemma) {
			try_list(d->nominal, t->lower, s, sb, i, &b, 0);
			size_t n = strlen(t->lower);
			if (n > 3 && t->lower[n - 1] == 's') {
				char sing[64];
				if (n < sizeof sing) {
					memcpy(sing, t->lower, n - 1);
					sing[n - 1] = '\0';
					try_list(d->nominal, sing, s, sb, i, &b, 0);
				}
			}
		}
	}
	return b;
}


typedef struct cand {
	best b;
	int anchor;
	int dropped;
	unsigned extra;          /* CW_TR_NEGATED from a "deny" before it */
	int fallback;
	const char *comp_code;   /* the act it governs: "threatened to > attack" */
	int comp_anchor;
} cand;

/* The first live candidate whose anchor lies in [from, from + reach]
 * with no clause boundary before it. */
static cand *next_cand(cand *c, int nc, const cw_sentence *s, int from, int reach)
{
	for (int k = 0; k < nc; k++) {
		if (c[k].dropped || c[k].anchor < from)
			continue;
		if (c[k].anchor > from + reach)
			return NULL;
		for (int j = from; j < c[k].anchor; j++)
			if (is_stop_punct(&s->toks[j]))
				return NULL;
		return &c[k];
	}
	return NULL;
}

static int spec_of(const cand *c)
{
	return c->fallback ? 0 : c->b.p->spec;
}

/* Resolves overlaps: a word inside a more specific match is no trigger
 * of its own ("talks" in "held talks with"); the verb an intent, threat
 * or appeal governs is not an event ("threatened to attack"); the verb a
 * denial governs is negated ("denied attacking"). */
static void resolve(cand *c, int nc, const cw_sentence *s)
{
	for (int k = 0; k < nc; k++)
		for (int u = 0; u < nc; u++)
			if (u != k && !c[u].dropped && !c[u].fallback &&
			    c[k].anchor > c[u].anchor && c[k].anchor < c[u].b.m.end &&
			    spec_of(&c[u]) >= spec_of(&c[k]))
				c[k].dropped = 1;
	for (int u = 0; u < nc; u++) {
		if (c[u].dropped || c[u].fallback)
			continue;
		const vpat *p = c[u].b.p;
		if (p->comp) {
			cand *in = next_cand(c, nc, s, c[u].b.m.end, COMP_REACH);
			if (in) {
				in->dropped = 1;
				c[u].comp_code = in->fallback ? "010" : in->b.p->code;
				c[u].comp_anchor = in->anchor;
				if (c[u].b.m.target < 0 && !in->fallback && in->b.m.target >= 0) {
					c[u].b.m.target = in->b.m.target;
					c[u].b.m.prep = in->b.m.prep;
				}
			}
		}
		if (p->negcomp) {
			cand *in = next_cand(c, nc, s, c[u].b.m.end, NEGCOMP_REACH);
			if (in)
				in->extra |= CW_TR_NEGATED;
		}
	}
}

/* Acts done with each other ("met", "clashed", "held joint drills") and
 * acts each side does for its own part ("agreed", "restored ties"): the
 * events stage pairs a compound subject's members by these. */
static unsigned joint_flags(const cw_verb_dict *d, const cw_sentence *s, const cw_trigger *tr)
{
	const cw_token *a = &s->toks[tr->anchor];
	const char *l = a->vlemma ? a->vlemma : a->lower;
	unsigned f = 0;
	if (cw_map_get(d->reciprocal, l))
		f |= CW_TR_RECIPROCAL;
	if (cw_map_get(d->mirrored, l))
		f |= CW_TR_MIRRORED;
	for (int k = tr->tok_start; k < tr->tok_end && !(f & CW_TR_RECIPROCAL); k++)
		if (s->toks[k].lower && cw_map_get(d->joint, s->toks[k].lower))
			f |= CW_TR_RECIPROCAL;
	/* a two-word !joint phrase ("each_other") may also stand right
	 * after the match, as the object of its verb: "accused each other",
	 * "attacked one another" */
	for (int k = tr->tok_start; k + 1 < s->ntoks && k <= tr->tok_end && !(f & CW_TR_RECIPROCAL); k++) {
		const char *w1 = s->toks[k].lower, *w2 = s->toks[k + 1].lower;
		if (!w1 || !w2)
			continue;
		/* "w1_w2" joined by hand: snprintf was a tenth of this stage */
		char two[64];
		size_t n1 = strlen(w1), n2 = strlen(w2);
		if (n1 + 1 + n2 >= sizeof two)
			continue;
		memcpy(two, w1, n1);
		two[n1] = '_';
		memcpy(two + n1 + 1, w2, n2 + 1);
		if (cw_map_get(d->joint, two))
			f |= CW_TR_RECIPROCAL | CW_TR_MIRRORED;
	}
	return f;
}

int cw_verbs(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	s->trigs = NULL;
	s->ntrigs = 0;
	if (!cw || !cw->verbs || s->ntoks == 0)
		return 0;
	const cw_verb_dict *d = cw->verbs;
	cand *c = cw_alloc(doc->arena, (size_t)s->ntoks * sizeof *c);
	if (!c)
		return CURLEW_ESYS;
	int nc = 0;
	bloom sb;
	sentence_bloom(s, &sb);
	for (int i = 0; i < s->ntoks; i++) {
		best b = match_at(d, s, &sb, i);
		const cw_token *t = &s->toks[i];
		/* "riot police", "the Revolutionary Guards": a noun inside an
		 * actor's name is the actor, unless the pattern goes on past it
		 * ("jets bombed") */
		if (b.p && (b.p->flags & CW_TR_NOMINAL) && t->mention >= 0 && t->mention < s->nments &&
		    b.m.end <= s->ments[t->mention].tok_end)
			b.p = NULL;
		if (b.p) {
			c[nc++] = (cand){ b, i, 0, 0, 0, NULL, -1 };
		} else if (t->vlemma && cw_lex_has(cw->lexicon, CW_LX_SAY_VERBS, t->vlemma) && verbal_ok(d, s, i)) {
			b.m = MSTATE(i);
			c[nc++] = (cand){ b, i, 0, 0, 1, NULL, -1 };
		}
	}
	resolve(c, nc, s);
	/* a word in another sense keeps its span from the other patterns
	 * (resolve) and is no event itself */
	for (int k = 0; k < nc; k++)
		if (!c[k].fallback && c[k].b.p->none)
			c[k].dropped = 1;

	int live = 0;
	for (int k = 0; k < nc; k++)
		live += !c[k].dropped;
	if (!live)
		return 0;
	s->trigs = cw_alloc(doc->arena, (size_t)live * sizeof *s->trigs);
	if (!s->trigs)
		return CURLEW_ESYS;
	for (int k = 0; k < nc; k++) {
		if (c[k].dropped)
			continue;
		cw_trigger *tr = &s->trigs[s->ntrigs++];
		const vpat *p = c[k].b.p;
		const mstate *m = &c[k].b.m;
		tr->anchor = c[k].anchor;
		tr->tok_start = m->start;
		tr->tok_end = m->end;
		tr->target_tok = m->target;
		tr->source_tok = m->source;
		tr->prep = m->prep >= 0 ? s->toks[m->prep].lower : NULL;
		if (p) {
			strcpy(tr->code, p->code);
			strcpy(tr->rcode, p->rcode);
			tr->rule = p->rule;
			tr->specificity = p->spec;
			tr->flags = p->flags;
		} else {
			strcpy(tr->code, "010");
			tr->rule = "verbs.c: bare statement verb";
			tr->specificity = 0;
			tr->flags = CW_TR_SAY | CW_TR_REPORT;
		}
		tr->flags |= joint_flags(d, s, tr);
		tr->flags |= c[k].extra;
		snprintf(tr->comp_code, sizeof tr->comp_code, "%s", c[k].comp_code ? c[k].comp_code : "");
		tr->comp_anchor = c[k].comp_anchor;
	}
	return 0;
}
