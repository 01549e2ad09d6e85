/*
 * chunk.c -- the shallow syntax stage: who did what to whom, per verb,
 * read off the tokens, their part-of-speech tags and the actor mentions,
 * without a parser.
 *
 * For each verb trigger it fills a cw_clause: the subject (the nearest
 * actor to the left within the clause, skipping an aside between commas,
 * or the speaker after a quotation: "'...,' said the minister"), the
 * object or prepositional object (the first actor to the right), the
 * by-agent of a passive (be or get + participle, or a participle right
 * after its noun: "rebels backed by Rwanda"), negation in the verb group,
 * the members of listed actors ("Britain, France and Germany"), and which
 * clause governs which: reported speech ("X said (that) Y ...", "Y ..., X
 * said"), clauses opened by "that" or a subordinator ("insisted that
 * Ukraine withdraw", "retaliate if Israel attacks") and infinitival
 * complements ("refused to meet", "urged Israel to withdraw": the
 * governing verb gets a clause of its own, and a complement without a
 * subject takes the governor's object right before "to", else its
 * subject).  A subject is never an actor inside a modifier of the real
 * one ("rebels backed by Rwanda", "gunmen who claimed ... in Yemen",
 * "soldiers from Gondor"); a verb after "and" shares the subject of the
 * verb before it; an object search stops at a reporting frame (", the
 * ministry said").
 *
 * The tags decide what the words alone cannot: a verb group is a run of
 * modals, auxiliaries, adverbs and verbs; a word before an actor is its
 * preposition only if tagged one.  The function words whose roles the tags
 * do not separate (relative "that", passive "got") are classes listed in
 * data/syntax.txt, loaded once and shared read-only.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* A governing verb, its object and "to" fit in this many tokens ("urged
 * the European Union's member states to"); further back, the verb is too
 * far to be the governor.  Twice this bounds the search for the verb a
 * coordinated verb shares its subject with. */
#define INF_REACH 8

/* ------------------------------------------------------ the word classes */

enum {
	SYN_BE = 1 << 0, SYN_NEG = 1 << 1, SYN_RELATIVE = 1 << 2, SYN_INTRO = 1 << 3,
	SYN_PREP = 1 << 4, SYN_COORD = 1 << 5, SYN_ARTICLE = 1 << 6, SYN_STOP = 1 << 7,
	SYN_SUBORD = 1 << 8, SYN_PLACE = 1 << 9
};
static const char *const syn_names[] = { "be", "negation", "relative", "intro", "prep",
					 "coord", "article", "stop", "subord", "place", NULL };

struct cw_syntax {
	cw_map *words;      /* lower-case word -> class bits (never 0) */
};

typedef struct synload {
	cw_syntax *sx;
	char *err;
	size_t errlen;
} synload;

static int syn_line(void *ctx, char *line, int lineno)
{
	synload *l = ctx;
	char *colon = strchr(line, ':');
	if (!colon || colon == line) {
		snprintf(l->err, l->errlen, "syntax.txt:%d: want \"class: word word ...\"", lineno);
		return -1;
	}
	*colon = '\0';
	int bit = -1;
	for (int i = 0; syn_names[i]; i++)
		if (strcmp(cw_trim(line), syn_names[i]) == 0)
			bit = i;
	if (bit < 0) {
		snprintf(l->err, l->errlen, "syntax.txt:%d: unknown class \"%s\"", lineno, line);
		return -1;
	}
	for (char *w = strtok(colon + 1, " \t"); w; w = strtok(NULL, " \t")) {
		uintptr_t have = (uintptr_t)cw_map_get(l->sx->words, w);
		if (cw_map_put(l->sx->words, w, (void *)(have | (1u << bit))) < 0) {
			snprintf(l->err, l->errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

int cw_syntax_load(cw_syntax **out, const char *data_dir, char *err, size_t errlen)
{
	cw_syntax *sx = calloc(1, sizeof *sx);
	*out = sx;
	if (!sx || !(sx->words = cw_map_new())) {
		snprintf(err, errlen, "out of memory");
		return CURLEW_ESYS;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/syntax.txt", data_dir);
	synload l = { sx, err, errlen };
	err[0] = '\0';
	errno = 0;
	if (cw_read_lines(path, syn_line, &l) != 0) {
		if (!err[0] && errno == ENOMEM)
			snprintf(err, errlen, "out of memory");
		else if (!err[0])
			snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return strstr(err, "out of memory") ? CURLEW_ESYS : CURLEW_EUSAGE;
	}
	return 0;
}

void cw_syntax_free(cw_syntax *sx)
{
	if (!sx)
		return;
	cw_map_free(sx->words);
	free(sx);
}

static void mark_classes(const cw_syntax *sx, cw_sentence *s)
{
	for (int i = 0; i < s->ntoks; i++) {
		cw_token *t = &s->toks[i];
		t->syn = sx && t->lower ? (unsigned short)(uintptr_t)cw_map_get(sx->words, t->lower) : 0;
		size_t n = t->lower ? strlen(t->lower) : 0;
		if (n > 3 && strcmp(t->lower + n - 3, "n't") == 0)
			t->syn |= SYN_NEG;
	}
}

static int has_class(const cw_token *t, unsigned cls)
{
	return (t->syn & cls) != 0;
}

static int tok_is(const cw_token *t, const char *w)
{
	return t->lower && strcmp(t->lower, w) == 0;
}

/* ------------------------------------------------------------ the tags */

/* The Penn tags the chunker asks about. */
static int is_verb_tag(const cw_token *t)
{
	return cw_verb_tag(t->pos, CW_VF_VERB);
}

static int is_finite_tag(const cw_token *t)
{
	return cw_verb_tag(t->pos, CW_VF_FINITE);
}

static int is_noun_tag(const cw_token *t)
{
	return t->pos == CW_POS_NN || t->pos == CW_POS_NNS || t->pos == CW_POS_NNP ||
	       t->pos == CW_POS_NNPS;
}

/* A preposition or particle by its tag ("killed 20 militants": 20 is
 * none); an untagged token (a hand-built test) may be one. */
static int is_prep_tag(const cw_token *t)
{
	return t->pos == CW_POS_NONE || t->pos == CW_POS_IN || t->pos == CW_POS_TO ||
	       t->pos == CW_POS_RP;
}

static int is_to(const cw_token *t)
{
	return tok_is(t, "to");
}

static int is_quote(const cw_token *t)
{
	if (t->flags & CW_T_QUOTE)
		return 1;
	return t->text && (strcmp(t->text, "\"") == 0 || strcmp(t->text, "``") == 0 ||
			   strcmp(t->text, "''") == 0);
}

static int is_comma(const cw_token *t)
{
	return tok_is(t, ",");
}

/* An inverted subject is normal only after a quotation or a comma
 * ("'...,' said the minister"). */
static int inversion_ok(const cw_sentence *s, int tok)
{
	if (tok <= 0)
		return 0;
	const cw_token *t = &s->toks[tok - 1];
	return is_comma(t) || is_quote(t);
}

static int is_det(const cw_token *t)
{
	return has_class(t, SYN_ARTICLE);
}

static int mention_head(const cw_sentence *s, int m)
{
	const cw_mention *me = &s->ments[m];
	if (me->head >= me->tok_start && me->head < me->tok_end)
		return me->head;
	return me->tok_end - 1;
}

/* ------------------------------------------------------- clause records */

typedef struct clist {
	cw_clause *c;
	int n, cap;
} clist;

static cw_clause *new_clause(cw_arena *a, clist *cl, int verb)
{
	if (!(cl->c = cw_grow(a, cl->c, &cl->cap, cl->n + 1, sizeof *cl->c)))
		return NULL;
	cw_clause *c = &cl->c[cl->n++];
	memset(c, 0, sizeof *c);
	c->verb = verb;
	c->agent = -1;
	c->parent = -1;
	return c;
}

static int clause_of_verb(const clist *cl, int verb)
{
	for (int i = 0; i < cl->n; i++)
		if (cl->c[i].verb == verb)
			return i;
	return -1;
}

static void add_arg(int *arr, int *n, int max, int tok)
{
	if (tok < 0)
		return;
	for (int i = 0; i < *n; i++)
		if (arr[i] == tok)
			return;
	if (*n < max)
		arr[(*n)++] = tok;
}

static void add_pp(cw_clause *c, int prep, int obj)
{
	if (prep < 0 || obj < 0)
		return;
	for (int i = 0; i < c->npp; i++)
		if (c->pp_prep[i] == prep && c->pp_obj[i] == obj)
			return;
	if (c->npp < CW_MAX_PPS) {
		c->pp_prep[c->npp] = prep;
		c->pp_obj[c->npp++] = obj;
	}
}

/* ------------------------------------------------------ shallow analysis */

static int mention_at(const cw_sentence *s, int tok)
{
	if (tok < 0 || tok >= s->ntoks)
		return -1;
	int m = s->toks[tok].mention;
	if (m >= 0 && m < s->nments)
		return m;
	for (m = 0; m < s->nments; m++)
		if (tok >= s->ments[m].tok_start && tok < s->ments[m].tok_end)
			return m;
	return -1;
}

/* Common nouns between an agent word and the name it describes: "the
 * militant network Jemaah Islamiyah", "the rebel group M23", "the
 * Islamist movement Hamas" have one; two covers "the armed wing
 * Qassam Brigades"-like heads with an adjective. */
#define APPOSE_REACH 2

/* An agent word that modifies a common noun right before a name is the
 * name's description: the name is the actor ("arrested members of the
 * militant network Jemaah Islamiyah" is the network's, not "the militant"
 * coreference makes of the story's country). */
static int apposed_name(const cw_sentence *s, int m)
{
	if (s->ments[m].kind != CW_M_AGENT)
		return m;
	int i = s->ments[m].tok_end;
	for (int n = 0; i < s->ntoks && n <= APPOSE_REACH; i++, n++) {
		int p = mention_at(s, i);
		if (p >= 0)
			return p != m && n > 0 && s->ments[p].kind == CW_M_NAME && s->ments[p].tok_start == i ? p : m;
		const cw_token *t = &s->toks[i];
		if (!is_noun_tag(t) || (t->flags & (CW_T_CAP | CW_T_PUNCT)))
			return m;
	}
	return m;
}

static int hard_stop(const cw_token *t)
{
	return has_class(t, SYN_STOP);
}

static int is_relative(const cw_token *t)
{
	return has_class(t, SYN_RELATIVE);
}

/* An introductory phrase ending in a comma ("After the talks, ...")
 * never holds the main clause's subject. */
static int opens_intro(const cw_token *t)
{
	return has_class(t, SYN_INTRO);
}

/* ------------------------------------------------------- lists of actors
 *
 * "Britain, France and Germany", "Israel and Hamas", "Indian and Chinese
 * troops": the parser often keeps only the last member (or reads the first
 * as an opener), so the members are read off the tokens: mentions joined by
 * commas with "and" or "or" before the last one. */

enum { SEP_NONE, SEP_COMMA, SEP_AND };

static int is_and(const cw_token *t)
{
	return has_class(t, SYN_COORD);
}

/* An actor's premodifiers in a list run this many words at most ("the
 * leftist Guatemalan", "U.S. - backed Contra", "opposition leader" before
 * a name); further on, the words belong to another phrase. */
#define PREMOD_REACH 5

/* A word that can stand in an actor's noun phrase before its head: an
 * adjective, a noun, a participle after a hyphen ("U.S.-backed"), the
 * hyphen. */
static int premodifier(const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	/* a bare participle is more often the verb before ("was sworn in as
	 * president and dissolved the assembly") */
	if (t->pos == CW_POS_VBN)
		return i > 0 && tok_is(&s->toks[i - 1], "-");
	return t->pos == CW_POS_JJ || t->pos == CW_POS_JJR || t->pos == CW_POS_JJS ||
	       is_noun_tag(t) || tok_is(t, "-");
}

/* The token left of the noun phrase of mention m, skipping its
 * premodifiers and a title or agent mention joined to a name ("the
 * leftist Guatemalan National Revolutionary Unity", "opposition leader
 * Raila Odinga"); -1 when they run past PREMOD_REACH. */
static int before_phrase(const cw_sentence *s, int m)
{
	int i = s->ments[m].tok_start - 1;
	for (int n = 0; i >= 0 && n <= PREMOD_REACH; n++) {
		int p = mention_at(s, i);
		if (p >= 0 && p != m && s->ments[p].tok_end == i + 1 && s->ments[p].kind == CW_M_AGENT) {
			i = s->ments[p].tok_start - 1;
			continue;
		}
		if (p >= 0 || !premodifier(s, i))
			break;
		i--;
	}
	return i;
}

/* A word that opens a list member's noun phrase: an article, or a
 * possessive determiner, which in news ties a second member to the first
 * ("Kerry and his Russian counterpart Sergei Lavrov", "Saudi Arabia and
 * its Gulf allies").  The tag says it, not a word list: the tagger's PRP$
 * is exactly the possessive determiners. */
static int member_det(const cw_token *t)
{
	return is_det(t) || t->pos == CW_POS_PRPS;
}

/* The mention listed right before mention m, and the separator between. */
static int prev_member(const cw_sentence *s, int m, int *sep)
{
	int i = before_phrase(s, m);
	if (i >= 0 && member_det(&s->toks[i]) && mention_at(s, i) < 0)
		i--;
	if (i < 1)
		return -1;
	if (is_and(&s->toks[i])) {
		*sep = SEP_AND;
		if (is_comma(&s->toks[i - 1]))
			i--;
	} else if (is_comma(&s->toks[i])) {
		*sep = SEP_COMMA;
	} else {
		return -1;
	}
	int p = mention_at(s, i - 1);
	return p >= 0 && p != m && s->ments[p].tok_end == i ? p : -1;
}

/* The mention listed right after mention m, and the separator between. */
static int next_member(const cw_sentence *s, int m, int *sep)
{
	int i = s->ments[m].tok_end;
	if (i + 1 >= s->ntoks)
		return -1;
	if (is_comma(&s->toks[i]) && is_and(&s->toks[i + 1])) {
		*sep = SEP_AND;
		i += 2;
	} else if (is_and(&s->toks[i])) {
		*sep = SEP_AND;
		i++;
	} else if (is_comma(&s->toks[i])) {
		*sep = SEP_COMMA;
		i++;
	} else {
		return -1;
	}
	if (i < s->ntoks && member_det(&s->toks[i]) && mention_at(s, i) < 0)
		i++;
	int n = mention_at(s, i);
	return n >= 0 && n != m && s->ments[n].tok_start >= i - 1 ? n : -1;
}

/* Words that put a phrase before the subject: "In Paris, France and
 * Germany signed" lists two actors, not three. */
static int is_prep_word(const cw_token *t)
{
	return has_class(t, SYN_INTRO | SYN_PREP);
}

#define MAX_LIST 8

/* The heads of the actors listed with mention m (m's own included) into
 * out (at most max); returns their number. */
static int list_heads(const cw_sentence *s, int m, int subject, int *out, int max)
{
	int mem[2 * MAX_LIST + 1], sep[2 * MAX_LIST + 1], left[MAX_LIST], lsep[MAX_LIST];
	int nl = 0, n = 0, sp = SEP_NONE;
	for (int p = m; nl < MAX_LIST && (p = prev_member(s, p, &sp)) >= 0;) {
		left[nl] = p;
		lsep[nl++] = sp;
	}
	/* sep[i] separates mem[i] from mem[i + 1] */
	for (int k = nl - 1; k >= 0; k--) {
		mem[n] = left[k];
		sep[n++] = lsep[k];
	}
	int pos = n;
	mem[n] = m;
	sep[n++] = SEP_NONE;
	for (int p = m; n < 2 * MAX_LIST + 1 && (p = next_member(s, p, &sp)) >= 0;) {
		sep[n - 1] = sp;
		mem[n] = p;
		sep[n++] = SEP_NONE;
	}
	int a = -1;   /* the "and" closing the list */
	if (pos > 0 && sep[pos - 1] == SEP_AND)
		a = pos - 1;
	for (int i = pos; a < 0 && i < n - 1 && sep[i] != SEP_NONE; i++)
		if (sep[i] == SEP_AND)
			a = i;
	int b = a;
	while (b > 0 && sep[b - 1] == SEP_COMMA)
		b--;
	if (a >= 0 && subject && b < a && sep[b] == SEP_COMMA) {
		int i = s->ments[mem[b]].tok_start - 1;
		if (i >= 0 && is_det(&s->toks[i]))
			i--;
		if (i >= 0 && is_prep_word(&s->toks[i]))
			b++;
	}
	int k = 0;
	if (a < 0 || pos < b || pos > a + 1) {
		out[k++] = mention_head(s, m);
		return k;
	}
	for (int i = b; i <= a + 1 && k < max; i++)
		out[k++] = mention_head(s, mem[i]);
	return k;
}

/* Adds to arr the other members of each listed actor already in it. */
static void widen_list(const cw_sentence *s, int *arr, int *n, int subject)
{
	int n0 = *n;
	for (int i = 0; i < n0; i++) {
		int m = mention_at(s, arr[i]), heads[CW_MAX_ARGS];
		if (m < 0)
			continue;
		int k = list_heads(s, m, subject, heads, CW_MAX_ARGS);
		for (int j = 0; j < k; j++)
			add_arg(arr, n, CW_MAX_ARGS, heads[j]);
	}
}

/* First token of the clause around token a: after the last ; or : */
static int clause_start(const cw_sentence *s, int a)
{
	int i = a - 1;
	while (i >= 0 && !hard_stop(&s->toks[i]))
		i--;
	return i + 1;
}

/* The actor m found left of a verb belongs to a modifier of the real
 * subject: the agent of a reduced passive ("rebels backed by Rwanda
 * seized") or an actor in a relative clause ("gunmen who claimed to
 * belong to al Qaeda in Yemen stormed").  Returns 1 and the modified
 * actor in *ante (or m itself, to be skipped, when the noun modified is
 * no actor). */
static int inside_modifier(const cw_sentence *s, int m, int start, int *ante)
{
	int b = s->ments[m].tok_start - 1;
	if (b > start && is_det(&s->toks[b]))
		b--;
	/* "soldiers from Gondor", "the Chinese embassy in Canberra",
	 * "prisoners in Israeli jails": the actor before "from" or "in" is
	 * the one that acts */
	int owner = b > start && (tok_is(&s->toks[b], "from") || tok_is(&s->toks[b], "in")) ? mention_at(s, b - 1) : -1;
	if (owner >= 0) {
		*ante = owner;
		return 1;
	}
	if (b > start && tok_is(&s->toks[b], "by") && s->toks[b - 1].pos == CW_POS_VBN) {
		int n = mention_at(s, b - 2);
		*ante = n >= 0 ? n : m;
		return n >= 0;
	}
	int finite = 0;
	for (int k = s->ments[m].tok_start - 1; k > start; k--) {
		const cw_token *t = &s->toks[k];
		if ((t->flags & CW_T_PUNCT) || hard_stop(t))
			return 0;
		if (mention_at(s, k) >= 0)
			continue;
		finite |= is_finite_tag(t);
		if ((tok_is(t, "who") || tok_is(t, "which")) && finite) {
			int n = mention_at(s, k - 1);
			if (n < 0)
				return 0;
			*ante = n;
			return 1;
		}
	}
	return 0;
}

static void shallow_subject(const cw_sentence *s, int a, cw_clause *c)
{
	int i = a - 1;
	/* skip an appositive or aside between subject and verb: "X, the ..., said" */
	if (i > 0 && is_comma(&s->toks[i])) {
		int j = i - 1;
		while (j >= 0 && !is_comma(&s->toks[j]) && !hard_stop(&s->toks[j]) && j > i - 15)
			j--;
		if (j >= 0 && is_comma(&s->toks[j]))
			i = j - 1;
	}
	int start = clause_start(s, a);
	for (; i >= start; i--) {
		const cw_token *t = &s->toks[i];
		int m = mention_at(s, i);
		if (m >= 0 && inside_modifier(s, m, start, &m)) {
			i = s->ments[m].tok_end;   /* go on left of the antecedent */
			continue;
		}
		if (m >= 0) {
			add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, mention_head(s, m));
			widen_list(s, c->subj, &c->nsubj, 1);
			return;
		}
		/* "He added that ...": the complementiser closes the clause;
		 * "troops that attacked": the antecedent comes right before */
		if (is_relative(t) && mention_at(s, i - 1) < 0 &&
		    !(i > 1 && is_comma(&s->toks[i - 1]) && mention_at(s, i - 2) >= 0))
			return;
		if (is_comma(t) && i > start && opens_intro(&s->toks[start]))
			return;
	}
}

static int is_be(const cw_token *t)
{
	return has_class(t, SYN_BE);
}

static int is_neg(const cw_token *t)
{
	return has_class(t, SYN_NEG);
}

/* A past participle: inflected away from its base form ("rejected",
 * "taken", "held"), judged from the lemma the lemmas stage found. */
static int looks_participle(const cw_token *t)
{
	if (!t->lower)
		return 0;
	size_t n = strlen(t->lower);
	if (n > 2 && (strcmp(t->lower + n - 2, "ed") == 0 || strcmp(t->lower + n - 2, "en") == 0))
		return 1;
	return t->vlemma && strcmp(t->vlemma, t->lower) != 0 &&
	       !(n > 1 && t->lower[n - 1] == 's') && !(n > 3 && strcmp(t->lower + n - 3, "ing") == 0);
}

/* Walks back over the auxiliaries and adverbs before the verb. */
static void shallow_aux(const cw_sentence *s, int a, cw_clause *c)
{
	int be = 0;
	for (int i = a - 1; i >= 0 && i >= a - 4; i--) {
		const cw_token *t = &s->toks[i];
		if ((t->flags & CW_T_PUNCT) || mention_at(s, i) >= 0)
			break;
		if (is_neg(t))
			c->negated = 1;
		if (is_be(t) && !be)
			be = 1;
	}
	/* the tag knows participles the spelling hides ("was hit", "were
	 * put"); the spelling covers a verb the tagger read as past tense */
	if (be && (looks_participle(&s->toks[a]) || s->toks[a].pos == CW_POS_VBN))
		c->passive = 1;
}

static int is_anchor(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok)
			return 1;
	return 0;
}

static int is_verbal_anchor(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && !(s->trigs[i].flags & CW_TR_NOMINAL))
			return 1;
	return 0;
}

/* The actor in a "by" phrase shortly after the verb at token a ("was
 * seized on Monday by Iranian forces"); *by gets the "by". */
static int by_agent(const cw_sentence *s, int a, int *by)
{
	for (int i = a + 1; i < s->ntoks && i <= a + 6; i++) {
		const cw_token *t = &s->toks[i];
		if (hard_stop(t) || is_relative(t) || (is_verbal_anchor(s, i) && i > a + 1))
			return -1;
		if (!tok_is(t, "by"))
			continue;
		for (int j = i + 1; j < s->ntoks && j <= i + 3; j++) {
			int m = mention_at(s, j);
			if (m >= 0) {
				*by = i;
				return mention_head(s, m);
			}
			if (s->toks[j].flags & CW_T_PUNCT)
				break;
		}
		return -1;
	}
	return -1;
}

static int is_report(const cw_sentence *s, int tok);

/* ", a senior official said": the comma opens the reporting frame, whose
 * speaker is no object of the verb before it. */
static int report_frame(const cw_sentence *s, int i)
{
	if (!is_comma(&s->toks[i]))
		return 0;
	int m = -1, k = i + 1;
	for (; k < s->ntoks && k <= i + 4 && m < 0; k++)
		m = mention_at(s, k);
	if (m < 0)
		return 0;
	for (k = s->ments[m].tok_end; k < s->ntoks && k <= s->ments[m].tok_end + 1; k++)
		if (is_report(s, k))
			return 1;
	return 0;
}

/* "condemned the takeover, and Canberra suspended ...": "and" (after a
 * comma or not) before an actor that a finite verb follows opens a clause
 * of its own, whose subject is no object of the verb before. */
static int opens_clause(const cw_sentence *s, int i)
{
	if (is_comma(&s->toks[i]) && i + 1 < s->ntoks)
		i++;
	if (!is_and(&s->toks[i]) || i + 1 >= s->ntoks)
		return 0;
	int k = i + 1;
	if (is_det(&s->toks[k]) && mention_at(s, k) < 0)
		k++;
	int m = mention_at(s, k);
	if (m < 0)
		return 0;
	k = s->ments[m].tok_end;
	if (k < s->ntoks && s->toks[k].pos == CW_POS_RB)
		k++;   /* "and Canberra also suspended" */
	return k < s->ntoks && (is_finite_tag(&s->toks[k]) || s->toks[k].pos == CW_POS_MD);
}

/* "imposed a curfew, a week after Indian tourists were attacked": a
 * subordinate clause set off by a comma tells the background, and its
 * actors are no objects of the verb before.  (Without the comma it may
 * name the party: "threatened to blow it up if police stormed it".) */
#define ASIDE_REACH 3   /* ", a week after": the comma to the subordinator */
static int subord_aside(const cw_sentence *s, int i)
{
	if (!has_class(&s->toks[i], SYN_SUBORD))
		return 0;
	for (int k = i - 1; k >= 0 && k >= i - ASIDE_REACH; k--)
		if (is_comma(&s->toks[k]))
			return 1;
	return 0;
}

static void shallow_right(const cw_sentence *s, const cw_trigger *t, cw_clause *c)
{
	int a = t->anchor;
	if (c->passive) {
		int by, ag = by_agent(s, a, &by);
		if (ag >= 0) {
			c->agent = ag;
			add_pp(c, by, ag);
		}
	}
	int from = t->target_tok > a ? t->target_tok : a + 1;
	for (int i = from; i < s->ntoks; i++) {
		const cw_token *tk = &s->toks[i];
		if (hard_stop(tk) || (is_relative(tk) && i > from) || (i > a + 1 && is_anchor(s, i) && i != t->target_tok) ||
		    report_frame(s, i) || (i > from && (opens_clause(s, i) || subord_aside(s, i))))
			break;
		int m = mention_at(s, i);
		if (m < 0)
			continue;
		m = apposed_name(s, m);
		int h = mention_head(s, m);
		int taken = h == c->agent;
		for (int k = 0; k < c->nsubj; k++)
			taken |= c->subj[k] == h;
		if (taken) {
			i = s->ments[m].tok_end - 1;
			continue;
		}
		int prep = -1;
		if (t->prep) {
			for (int k = s->ments[m].tok_start - 1; k > a && k >= s->ments[m].tok_start - 4; k--)
				if (tok_is(&s->toks[k], t->prep)) {
					prep = k;
					break;
				}
		}
		if (prep < 0 && s->ments[m].tok_start > a + 1) {
			/* "met with X": the word right before the phrase (or its article) */
			int k = s->ments[m].tok_start - 1;
			if (k > a && is_det(&s->toks[k]))
				k--;
			if (k > a && !(s->toks[k].flags & CW_T_PUNCT) && s->toks[k].vlemma == NULL &&
			    !is_det(&s->toks[k]) && strlen(s->toks[k].lower) <= 8 && k == a + 1 &&
			    is_prep_tag(&s->toks[k]))
				prep = k;
		}
		/* "Armenia and Azerbaijan agreed to hold talks in Vienna": with
		 * a compound subject the act is between its members, and an
		 * actor in a place phrase further on is the venue, no object */
		if (prep < 0 && s->ments[m].tok_start > a + 1 && c->nsubj > 1) {
			int k = s->ments[m].tok_start - 1;
			while (k > a + 1 && (s->toks[k].pos == CW_POS_DT || s->toks[k].pos == CW_POS_JJ))
				k--;
			if (k > a + 1 && s->toks[k].pos == CW_POS_IN && has_class(&s->toks[k], SYN_PLACE))
				prep = k;
		}
		int heads[CW_MAX_ARGS];
		int nh = list_heads(s, m, 0, heads, CW_MAX_ARGS);
		for (int k = 0; k < nh; k++) {
			if (prep >= 0)
				add_pp(c, prep, heads[k]);
			else
				add_arg(c->obj, &c->nobj, CW_MAX_ARGS, heads[k]);
		}
		break;
	}
}

static int is_report(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok && (s->trigs[i].flags & (CW_TR_SAY | CW_TR_REPORT)))
			return 1;
	return 0;
}

static int stop_between(const cw_sentence *s, int a, int b)
{
	for (int i = a + 1; i < b; i++)
		if (hard_stop(&s->toks[i]))
			return 1;
	return 0;
}

static int comma_between(const cw_sentence *s, int a, int b)
{
	for (int i = a + 1; i < b; i++)
		if (is_comma(&s->toks[i]))
			return 1;
	return 0;
}

/* "A accused B of X, and B denied that ...": a report after the comma that
 * "and" opens is a clause of its own joined to the one before, not an
 * attribution of it. */
static int joined_report(const cw_sentence *s, int a, int b)
{
	for (int k = b - 1; k > a; k--)
		if (is_comma(&s->toks[k]))
			return k + 1 < b && is_and(&s->toks[k + 1]);
	return 0;
}

/* Reported speech without a parse: "X said (that) Y ..." makes Y's clause a
 * complement of the saying; so does "Y ..., X said". */
static void shallow_parents(const cw_sentence *s, clist *cl, int from)
{
	for (int i = from; i < cl->n; i++) {
		cw_clause *c = &cl->c[i];
		if (c->parent >= 0 || is_report(s, c->verb))
			continue;
		int best = -1;
		for (int j = 0; j < cl->n; j++) {
			const cw_clause *r = &cl->c[j];
			if (j == i || !is_report(s, r->verb) || r->verb > c->verb ||
			    stop_between(s, r->verb, c->verb))
				continue;
			if (best < 0 || r->verb > cl->c[best].verb)
				best = j;
		}
		for (int j = 0; best < 0 && j < cl->n; j++) {
			const cw_clause *r = &cl->c[j];
			if (j != i && is_report(s, r->verb) && r->verb > c->verb &&
			    !stop_between(s, c->verb, r->verb) && comma_between(s, c->verb, r->verb) &&
			    !joined_report(s, c->verb, r->verb))
				best = j;
		}
		c->parent = best;
	}
}

/* "rebels backed by Rwanda", "the tanker seized by Iran": a participle
 * (by its tag: "stood by Syria" is past tense) right after its noun and
 * right before "by" is a passive without an auxiliary. */
static int reduced_passive(const cw_sentence *s, int v)
{
	if (v < 1 || v + 1 >= s->ntoks || s->toks[v].pos != CW_POS_VBN || !tok_is(&s->toks[v + 1], "by"))
		return 0;
	return mention_at(s, v - 1) >= 0 || is_noun_tag(&s->toks[v - 1]);
}

/* "militants massacred 80 men in the village and abducted the women":
 * a verb right after "and" shares the subject of the verb before it in
 * the same stretch, not the nearest actor (the other verb's object). */
static int shared_subject(const cw_sentence *s, clist *cl, int v, cw_clause *c)
{
	if (v < 2 || !is_and(&s->toks[v - 1]))
		return 0;
	for (int k = v - 2; k >= 0 && k >= v - 2 * INF_REACH; k--) {
		const cw_token *t = &s->toks[k];
		if ((t->flags & CW_T_PUNCT) || is_relative(t) || has_class(t, SYN_SUBORD))
			return 0;
		if (mention_at(s, k) >= 0 || !(is_verbal_anchor(s, k) || is_verb_tag(t)))
			continue;
		/* "welcomed Sweden's decision to increase spending and backed":
		 * a finite verb pairs with a finite one (or one the tagger read
		 * as a participle), not an infinitive or a gerund in between */
		if (is_finite_tag(&s->toks[v]) && (t->pos == CW_POS_VB || t->pos == CW_POS_VBG) &&
		    !is_verbal_anchor(s, k))
			continue;
		if (k > 0 && is_to(&s->toks[k - 1]))
			continue;
		cw_clause prev;
		memset(&prev, 0, sizeof prev);
		int pi = clause_of_verb(cl, k);
		if (pi >= 0)
			prev = cl->c[pi];
		else
			shallow_subject(s, k, &prev);
		for (int j = 0; j < prev.nsubj; j++)
			add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, prev.subj[j]);
		return prev.nsubj > 0;
	}
	return 0;
}

/* The finite verb whose clause a participle adjunct at token v hangs on:
 * the nearest one left of it that opens no subordinate or relative clause
 * ("forces have driven thousands from their homes since air strikes
 * began last week, burning villages": the burning is the forces').
 * Returns the finite token, -1 for none. */
static int adjunct_host(const cw_sentence *s, int v)
{
	int start = clause_start(s, v);
	for (int k = v - 2; k >= start; k--) {
		if (!is_finite_tag(&s->toks[k]) || mention_at(s, k) >= 0)
			continue;
		int sub = 0;
		for (int j = k - 1; j >= start && !(s->toks[j].flags & CW_T_PUNCT); j--)
			if (is_relative(&s->toks[j]) || has_class(&s->toks[j], SYN_SUBORD)) {
				sub = 1;
				break;
			}
		if (!sub)
			return k;
	}
	return -1;
}

/* "Blinken said on Wednesday, warning Moscow", "a settler opened fire on
 * worshippers, killing 29": a present participle right after a comma is
 * an adjunct of the clause before it and has that clause's subject, not
 * the nearest actor, which is the other clause's object or an aside.  A
 * passive host gives none (its subject suffered the act). */
static int adjunct_subject(const cw_sentence *s, clist *cl, int v, cw_clause *c)
{
	if (v < 2 || s->toks[v].pos != CW_POS_VBG || !is_comma(&s->toks[v - 1]))
		return 0;
	int k = adjunct_host(s, v);
	if (k < 0)
		return 0;
	cw_clause host;
	memset(&host, 0, sizeof host);
	int hi = -1;
	/* the host's clause is its head verb's: the finite word may be an
	 * auxiliary ("have driven") */
	for (int h = k; hi < 0 && h < v - 1 && (h == k || is_verb_tag(&s->toks[h])); h++)
		hi = clause_of_verb(cl, h);
	if (hi >= 0)
		host = cl->c[hi];
	else {
		shallow_aux(s, k, &host);
		shallow_subject(s, k, &host);
	}
	if (host.passive)
		return 0;
	for (int j = 0; j < host.nsubj; j++)
		add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, host.subj[j]);
	c->adjunct = host.nsubj > 0;
	return c->adjunct;
}

static int shallow_clause(cw_arena *a, const cw_sentence *s, const cw_trigger *t, clist *cl)
{
	if (t->anchor < 0 || t->anchor >= s->ntoks || clause_of_verb(cl, t->anchor) >= 0)
		return 0;
	cw_clause *c = new_clause(a, cl, t->anchor);
	if (!c)
		return -1;
	shallow_aux(s, t->anchor, c);
	if (!c->passive && reduced_passive(s, t->anchor))
		c->passive = 1;
	if (t->flags & CW_TR_NEGATED)
		c->negated = 1;
	if (!adjunct_subject(s, cl, t->anchor, c) && !shared_subject(s, cl, t->anchor, c))
		shallow_subject(s, t->anchor, c);
	/* "'...,' said the minister": the speaker follows the verb */
	if (c->nsubj == 0 && inversion_ok(s, t->anchor) && (t->flags & (CW_TR_SAY | CW_TR_REPORT)))
		for (int i = t->anchor + 1; i < s->ntoks && i <= t->anchor + 3; i++) {
			int m = mention_at(s, i);
			if (m >= 0) {
				add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, mention_head(s, m));
				break;
			}
		}
	shallow_right(s, t, c);
	return 0;
}

/* ---------------------------------------------- infinitival complements
 * "refused to meet", "urged Israel to withdraw", "were ready to release":
 * the infinitive's clause is a complement of the verb before "to", which
 * gets a clause of its own if it has none (a verb that is no trigger
 * still frames one: "refused", "continued", "tried"). */

/* The verb governing the infinitive whose "to" is at token to: the
 * nearest verb before it, not across punctuation, a clause word or another
 * infinitive. */
static int governor(const cw_sentence *s, int to)
{
	for (int g = to - 1; g >= 0 && g >= to - INF_REACH; g--) {
		const cw_token *t = &s->toks[g];
		if ((t->flags & CW_T_PUNCT) || is_relative(t) || is_to(t))
			return -1;
		if (is_verbal_anchor(s, g))
			return g;
		if (mention_at(s, g) < 0 && is_verb_tag(t))
			return g;
	}
	return -1;
}

/* An actor object of the governor standing right before "to" ("urged
 * Israel to") is who is to act; otherwise the governor's subject is. */
static void control(const cw_sentence *s, const cw_clause *gov, int to, cw_clause *c)
{
	int m = mention_at(s, to - 1);
	if (m >= 0 && s->ments[m].tok_start > gov->verb) {
		int heads[CW_MAX_ARGS];
		int nh = list_heads(s, m, 0, heads, CW_MAX_ARGS);
		for (int k = 0; k < nh; k++)
			add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, heads[k]);
		return;
	}
	for (int k = 0; k < gov->nsubj; k++)
		add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, gov->subj[k]);
}

/* A clause for a verb that is no trigger: its subject and the actor
 * object before the infinitive. */
static int governor_clause(cw_arena *a, const cw_sentence *s, clist *cl, int g, int to)
{
	int gi = clause_of_verb(cl, g);
	if (gi >= 0)
		return gi;
	cw_clause *c = new_clause(a, cl, g);
	if (!c)
		return -2;
	shallow_aux(s, g, c);
	shallow_subject(s, g, c);
	int m = mention_at(s, to - 1);
	if (m >= 0 && s->ments[m].tok_start > g) {
		int heads[CW_MAX_ARGS];
		int nh = list_heads(s, m, 0, heads, CW_MAX_ARGS);
		for (int k = 0; k < nh; k++)
			add_arg(c->obj, &c->nobj, CW_MAX_ARGS, heads[k]);
	}
	return cl->n - 1;
}

static int ancestor(const clist *cl, int of, int who)
{
	for (int p = cl->c[of].parent, k = 0; p >= 0 && k < 64; p = cl->c[p].parent, k++)
		if (p == who)
			return 1;
	return 0;
}

static int infinitives(cw_arena *a, const cw_sentence *s, clist *cl)
{
	for (int i = 0; i < cl->n; i++) {
		int v = cl->c[i].verb, to = v - 1;
		if (to < 1 || !is_to(&s->toks[to]) || cl->c[i].parent >= 0)
			continue;
		int g = governor(s, to);
		if (g < 0)
			continue;
		int gi = governor_clause(a, s, cl, g, to);
		if (gi == -2)
			return -1;
		if (gi == i || ancestor(cl, gi, i))
			continue;
		cw_clause *c = &cl->c[i];
		c->parent = gi;
		if (c->nsubj == 0)
			control(s, &cl->c[gi], to, c);
	}
	return 0;
}

/* ------------------------------------------- complement and adverbial
 * "demanded that Poland suspend", "said on Monday that troops had", "will
 * retaliate if Israel attacks": a clause opened by "that" or a
 * subordinator is framed by the verb before that word. */

/* A clause's subject, auxiliaries and adverbs fit in this many tokens
 * before its verb ("that the new Ukrainian government would not"). */
#define OPENER_REACH 10
/* ... and the framing verb is at most this far before the opener ("told
 * reporters in Kyiv that"). */
#define FRAME_REACH 6

/* The "that" or subordinator opening the clause of the verb at v, or -1. */
static int opener(const cw_sentence *s, const clist *cl, int v)
{
	for (int k = v - 1; k >= 0 && k >= v - OPENER_REACH; k--) {
		const cw_token *t = &s->toks[k];
		if (has_class(t, SYN_SUBORD) || tok_is(t, "that"))
			return k;
		if ((t->flags & CW_T_PUNCT) || is_relative(t) || clause_of_verb(cl, k) >= 0 ||
		    is_verbal_anchor(s, k))
			return -1;
	}
	return -1;
}

static int frames(cw_arena *a, const cw_sentence *s, clist *cl)
{
	for (int i = 0, n = cl->n; i < n; i++) {
		if (cl->c[i].parent >= 0)
			continue;
		int k = opener(s, cl, cl->c[i].verb);
		/* "troops that attacked", "the demand that": after a noun, "that"
		 * opens a relative or noun clause, not a verb's complement */
		if (k < 1 || (tok_is(&s->toks[k], "that") &&
			      (mention_at(s, k - 1) >= 0 || s->toks[k - 1].pos == CW_POS_NN ||
			       s->toks[k - 1].pos == CW_POS_NNS || s->toks[k - 1].pos == CW_POS_NNP)))
			continue;
		int g = -1;
		for (int j = k - 1; j >= 0 && j >= k - FRAME_REACH && g < 0; j--) {
			const cw_token *t = &s->toks[j];
			if ((t->flags & CW_T_PUNCT) || is_relative(t))
				break;
			if (is_verbal_anchor(s, j) || (mention_at(s, j) < 0 && is_verb_tag(t)))
				g = j;
		}
		if (g < 0)
			continue;
		int gi = governor_clause(a, s, cl, g, g + 1);
		if (gi == -2)
			return -1;
		if (gi != i && !ancestor(cl, gi, i))
			cl->c[i].parent = gi;
	}
	return 0;
}

/* ------------------------------------------------ verbs of noun events
 * "began a hunger strike", "kept up their bombardment", "responded with
 * air strikes": a verb that is no pattern, before a noun event, tells who
 * did it; it gets a clause (its subject) so that the noun event finds it. */

/* Words a verb's noun phrase or one preposition may hold before the noun. */
static int np_or_prep(const cw_token *t)
{
	int p = t->pos;
	return p == CW_POS_DT || p == CW_POS_PRPS || p == CW_POS_JJ || p == CW_POS_JJR ||
	       p == CW_POS_JJS || p == CW_POS_CD || p == CW_POS_NN || p == CW_POS_NNS ||
	       p == CW_POS_NNP || p == CW_POS_POS || p == CW_POS_IN || p == CW_POS_RP ||
	       p == CW_POS_VBN || p == CW_POS_TO;
}

static int light_verbs(cw_arena *a, const cw_sentence *s, clist *cl)
{
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *t = &s->trigs[i];
		if (!(t->flags & CW_TR_NOMINAL))
			continue;
		for (int k = t->tok_start - 1; k >= 0 && k >= t->tok_start - INF_REACH; k--) {
			const cw_token *w = &s->toks[k];
			/* (nor a form of "be": "20 civilians were killed in an air
			 * strike" befell them) */
			if (w->flags & CW_T_PUNCT || is_relative(w) || is_be(w) || is_anchor(s, k))
				break;
			/* (a participle or gerund, "linked to", "including", is
			 * no doer's verb) */
			if (is_verb_tag(w) && w->pos != CW_POS_VBN && w->pos != CW_POS_VBG &&
			    mention_at(s, k) < 0) {
				if (!is_anchor(s, k) && clause_of_verb(cl, k) < 0) {
					cw_clause *c = new_clause(a, cl, k);
					if (!c)
						return -1;
					shallow_aux(s, k, c);
					if (!shared_subject(s, cl, k, c))
						shallow_subject(s, k, c);
					/* "engaged peacekeepers in a firefight": the
					 * other party */
					for (int j = k + 1; j < t->tok_start; j++) {
						int m = mention_at(s, j);
						if (m >= 0) {
							add_arg(c->obj, &c->nobj, CW_MAX_ARGS, mention_head(s, m));
							j = s->ments[m].tok_end - 1;
						}
					}
				}
				break;
			}
			if (!np_or_prep(w) && mention_at(s, k) < 0)
				break;
		}
	}
	return 0;
}

/* Clauses for the verb triggers, and for the verbs that govern them. */
/* "began rounding up and deporting undocumented Afghans", "beat and
 * detained hundreds of demonstrators": a verb with no object of its own,
 * joined by "and" or "or" right to a second verb, shares that verb's
 * objects. */
static int bare_verb(const cw_sentence *s, const cw_trigger *t)
{
	/* "rounding up": the verb and its particles; a pattern that holds
	 * its object ("declared a state of emergency and sent tanks") has
	 * none to share */
	for (int k = t->anchor + 1; k < t->tok_end; k++)
		if (is_noun_tag(&s->toks[k]) || mention_at(s, k) >= 0)
			return 0;
	return 1;
}

static void shared_objects(const cw_sentence *s, clist *cl)
{
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *t = &s->trigs[i];
		int c = clause_of_verb(cl, t->anchor), k = t->tok_end;
		if (c < 0 || cl->c[c].nobj > 0 || cl->c[c].npp > 0 || k + 1 >= s->ntoks ||
		    !is_and(&s->toks[k]) || !bare_verb(s, t))
			continue;
		int d = clause_of_verb(cl, k + 1);
		if (d < 0 || d == c)
			continue;
		for (int j = 0; j < cl->c[d].nobj; j++)
			add_arg(cl->c[c].obj, &cl->c[c].nobj, CW_MAX_ARGS, cl->c[d].obj[j]);
	}
}

static int shallow_fill(cw_arena *a, const cw_sentence *s, clist *cl)
{
	int from = cl->n;
	for (int i = 0; i < s->ntrigs; i++)
		if (!(s->trigs[i].flags & CW_TR_NOMINAL) && shallow_clause(a, s, &s->trigs[i], cl) < 0)
			return -1;
	if (light_verbs(a, s, cl) < 0)
		return -1;
	if (infinitives(a, s, cl) < 0 || frames(a, s, cl) < 0)
		return -1;
	shallow_parents(s, cl, from);
	shared_objects(s, cl);
	return 0;
}

/* ------------------------------------------------------- the chunks
 * For explain: the sentence as noun phrases, verb groups (modals,
 * auxiliaries, negation, adverbs and the head verb; "to" before a verb)
 * and prepositions, so that a user sees what the clauses were read from. */

enum { CK_O, CK_NP, CK_VG, CK_PP };
static const char *const ck_names[] = { "", "NP", "VG", "PP" };

static int chunk_kind(const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	int p = t->pos;
	if (mention_at(s, i) >= 0)
		return CK_NP;
	if (is_verbal_anchor(s, i) || is_verb_tag(t) || p == CW_POS_MD)
		return CK_VG;
	if (p == CW_POS_TO)
		return i + 1 < s->ntoks && is_verb_tag(&s->toks[i + 1]) ? CK_VG : CK_PP;
	if (p == CW_POS_RB || p == CW_POS_RBR || p == CW_POS_RBS) {
		/* an adverb inside a verb group: "did not target", "has long
		 * opposed" */
		int before = i > 0 && (is_verb_tag(&s->toks[i - 1]) || s->toks[i - 1].pos == CW_POS_MD);
		int after = i + 1 < s->ntoks && is_verb_tag(&s->toks[i + 1]);
		return before && after ? CK_VG : CK_O;
	}
	if (p == CW_POS_IN)
		return is_relative(t) ? CK_O : CK_PP;
	if (p == CW_POS_DT || p == CW_POS_PDT || p == CW_POS_PRPS || p == CW_POS_JJ ||
	    p == CW_POS_JJR || p == CW_POS_JJS || p == CW_POS_CD || p == CW_POS_NN ||
	    p == CW_POS_NNS || p == CW_POS_NNP || p == CW_POS_NNPS || p == CW_POS_PRP ||
	    p == CW_POS_POS || p == CW_POS_EX || p == CW_POS_FW)
		return CK_NP;
	return CK_O;
}

static const char *render_chunks(cw_arena *a, const cw_sentence *s)
{
	size_t need = 1;
	for (int i = 0; i < s->ntoks; i++)
		need += strlen(s->toks[i].text) + 6;
	char *out = cw_alloc(a, need), *o = out;
	if (!out)
		return NULL;
	int open = CK_O;
	for (int i = 0; i < s->ntoks; i++) {
		int k = chunk_kind(s, i), m = mention_at(s, i);
		/* an actor phrase is a noun phrase of its own */
		int brk = k != open || (k == CK_NP && m >= 0 && s->ments[m].tok_start == i) ||
			  (k == CK_NP && i > 0 && mention_at(s, i - 1) >= 0 && m < 0);
		if (brk && open != CK_O)
			*o++ = ']';
		if (o > out)
			*o++ = ' ';
		if (brk && k != CK_O)
			o += sprintf(o, "[%s ", ck_names[k]);
		o += sprintf(o, "%s", s->toks[i].text);
		open = k;
	}
	if (open != CK_O)
		*o++ = ']';
	*o = '\0';
	return out;
}

int cw_chunk(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	clist cl = { NULL, 0, 0 };
	mark_classes(cw->syntax, s);
	s->parsed = 0;
	s->clauses = NULL;
	s->nclauses = 0;
	if (shallow_fill(doc->arena, s, &cl) < 0)
		return CURLEW_ESYS;
	s->clauses = cl.c;
	s->nclauses = cl.n;
	s->parse_text = doc->explain ? render_chunks(doc->arena, s) : NULL;
	return 0;
}
