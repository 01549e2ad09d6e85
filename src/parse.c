/*
 * parse.c -- the syntax stage: who did what to whom, per verb.
 *
 * Candidate sentences (an actor and a verb trigger) are handed to the
 * link-grammar parser after each multi-word actor mention has been folded
 * into one word: the parser is cubic in sentence length, and a known name
 * seen as one proper noun parses both faster and more reliably than
 * "the Minister of Foreign Affairs of North Macedonia".  The links of the
 * best linkage become cw_clause records (subject, objects, prepositional
 * objects, passive agent, negation, the clause it is a complement of).
 *
 * When the parser is off, times out, finds no linkage or the sentence is too
 * long, a shallow analysis over the same tokens produces the same records
 * for each trigger: nearest actor to the left, first actor to the right,
 * "was ... by X" passives, "not"/"never" before the verb, and "X said
 * (that) ..." for reported speech.
 *
 * Threads: the Dictionary is shared read-only; Parse_Options are per doc
 * (a doc belongs to one thread), created on first use.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <link-grammar/link-includes.h>
#include "internal.h"

/* Folded sentences longer than this skip the parser.  Measured (CPU time,
 * best of 5) on the seed story and the GigaWord sample with names folded:
 * up to 35 words the parse averages 5 ms per candidate sentence with 70%
 * of them parsed; allowing 45 words parses 93% but averages 8 ms, as the
 * 35-45 word sentences cost 15-25 ms each. */
#define MAX_WORDS 35
/* Sentences up to this length get a second try allowing a null link or
 * two when no complete linkage exists; longer ones make that too dear. */
#define NULL_RETRY_WORDS 20
/* Few linkages are needed (we use the best); a handful lets the
 * post-processor discard ones with violations. */
#define LINKAGE_LIMIT 10
/* Links other than the long-distance kinds the dictionary marks as
 * unlimited (S, O, MV, C, TH, VJ, SJ...) may span at most this many words:
 * 6 instead of the default 16 cuts parse time by a third, and the links we
 * read for arguments are the unlimited ones. */
#define SHORT_LENGTH 6
/* Disjunct cost ceiling: the dictionary's 2.7 admits rare readings that
 * cost time and seldom win. */
#define DISJUNCT_COST 2.0f
/* The placeholder for a singular actor phrase without a capitalised head
 * ("the Armenian side"): an unknown capitalised word, which the parser's
 * regex treats as a proper noun. */
#define PLACEHOLDER "Zorland"

struct cw_parser {
	Dictionary dict;
};

typedef struct pstate {
	Parse_Options opts;
} pstate;

/* link-grammar reports through a per-thread handler; curlew has its own
 * warnings, so the library's (locale, unknown words) are swallowed. */
static void swallow(lg_errinfo *ei, void *data)
{
	(void)ei;
	(void)data;
}

int cw_parser_load(cw_parser **out, const curlew *cw, char *err, size_t errlen)
{
	(void)cw;
	*out = NULL;
	lg_error_set_handler(swallow, NULL);
	cw_parser *p = calloc(1, sizeof *p);
	if (!p) {
		snprintf(err, errlen, "out of memory");
		return CURLEW_ESYS;
	}
	p->dict = dictionary_create_lang("en");
	if (!p->dict) {
		free(p);
		snprintf(err, errlen, "cannot open the link-grammar English dictionary "
			 "(package link-grammar-dictionaries-en)");
		return CURLEW_EUSAGE;
	}
	*out = p;
	return 0;
}

void cw_parser_free(cw_parser *p)
{
	if (!p)
		return;
	dictionary_delete(p->dict);
	free(p);
}

void cw_parse_doc_free(curlew_doc *doc)
{
	pstate *ps = doc ? doc->parse_state : NULL;
	if (!ps)
		return;
	if (ps->opts)
		parse_options_delete(ps->opts);
	free(ps);
	doc->parse_state = NULL;
}

static Parse_Options doc_options(const curlew *cw, curlew_doc *doc)
{
	pstate *ps = doc->parse_state;
	if (ps)
		return ps->opts;
	/* This may be a worker thread that has never seen the library. */
	lg_error_set_handler(swallow, NULL);
	ps = calloc(1, sizeof *ps);
	if (!ps)
		return NULL;
	ps->opts = parse_options_create();
	if (!ps->opts) {
		free(ps);
		return NULL;
	}
	Parse_Options o = ps->opts;
	parse_options_set_verbosity(o, 0);
	parse_options_set_linkage_limit(o, LINKAGE_LIMIT);
	parse_options_set_spell_guess(o, 0);
	parse_options_set_short_length(o, SHORT_LENGTH);
	parse_options_set_disjunct_cost(o, DISJUNCT_COST);
	parse_options_set_max_parse_time(o, cw->opts.parse_timeout >= 1 ? cw->opts.parse_timeout : 1);
	parse_options_set_islands_ok(o, false);
	doc->parse_state = ps;
	return o;
}

/* ------------------------------------------------------------ the input */

typedef struct input {
	char *text;        /* words joined by single spaces */
	int n;             /* words */
	int *tok;          /* word -> token (a folded mention: its head) */
	int *start;        /* word -> byte offset in text */
} input;

static int tok_is(const cw_token *t, const char *w)
{
	return t->lower && strcmp(t->lower, w) == 0;
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

static int is_det(const cw_token *t)
{
	return tok_is(t, "the") || tok_is(t, "a") || tok_is(t, "an");
}

/* The mention starting at token i, if it spans several tokens. */
static int multi_mention_at(const cw_sentence *s, int i)
{
	for (int m = 0; m < s->nments; m++) {
		const cw_mention *me = &s->ments[m];
		if (me->tok_start == i && me->tok_end - me->tok_start > 1 && me->tok_end <= s->ntoks)
			return m;
	}
	return -1;
}

static int mention_head(const cw_sentence *s, int m)
{
	const cw_mention *me = &s->ments[m];
	if (me->head >= me->tok_start && me->head < me->tok_end)
		return me->head;
	return me->tok_end - 1;
}

/* One word standing for a whole actor phrase, chosen so that the parser
 * still sees the right kind of noun: a capitalised head stays itself
 * (Putin, Americans, OSCE), a plural common head stays itself ("armed
 * forces" -> "forces", keeping agreement), a singular common one becomes a
 * proper noun ("the Armenian side" -> Zorland). */
static const char *placeholder(const cw_sentence *s, int m, int *drop_det)
{
	const cw_token *h = &s->toks[mention_head(s, m)];
	*drop_det = 0;
	if (h->text && (isupper((unsigned char)h->text[0]) || (h->flags & CW_T_CAP)))
		return h->text;
	if (s->ments[m].plural || s->ments[m].kind == CW_M_PRONOUN)
		return h->text;
	*drop_det = 1;
	return PLACEHOLDER;
}

/* Words never outnumber tokens, and a folded mention is never longer than
 * its tokens plus the placeholder, so the buffers are sized up front. */
static void add_word(input *in, size_t *len, const char *w, int tok)
{
	size_t wl = strlen(w);
	if (!wl)
		return;
	if (*len)
		in->text[(*len)++] = ' ';
	in->start[in->n] = (int)*len;
	in->tok[in->n] = tok;
	for (size_t i = 0; i < wl; i++)   /* a word must stay one word */
		in->text[(*len)++] = isspace((unsigned char)w[i]) ? '_' : w[i];
	in->text[*len] = '\0';
	in->n++;
}

/* Builds what the parser sees: mentions folded, parentheticals and bare
 * quotation marks dropped. */
static int build_input(cw_arena *a, const cw_sentence *s, input *in)
{
	size_t len = 0, need = 1;
	memset(in, 0, sizeof *in);
	for (int i = 0; i < s->ntoks; i++)
		need += (s->toks[i].text ? strlen(s->toks[i].text) : 0) + 1 + sizeof PLACEHOLDER;
	in->text = cw_alloc(a, need);
	in->tok = cw_alloc(a, sizeof *in->tok * (size_t)(s->ntoks + 1));
	in->start = cw_alloc(a, sizeof *in->start * (size_t)(s->ntoks + 1));
	if (!in->text || !in->tok || !in->start)
		return -1;
	for (int i = 0; i < s->ntoks; i++) {
		const cw_token *t = &s->toks[i];
		if (tok_is(t, "(")) {
			int depth = 0, j = i;
			for (; j < s->ntoks; j++) {
				depth += tok_is(&s->toks[j], "(") - tok_is(&s->toks[j], ")");
				if (depth == 0)
					break;
			}
			if (j < s->ntoks)
				i = j;
			/* "X, (aside), said": the commas went with the aside */
			if (i + 1 < s->ntoks && is_comma(&s->toks[i + 1]) && in->n > 0 &&
			    is_comma(&s->toks[in->tok[in->n - 1]])) {
				in->n--;
				len = in->start[in->n] > 0 ? (size_t)in->start[in->n] - 1 : 0;
				in->text[len] = '\0';
				i++;
			}
			continue;
		}
		if (tok_is(t, ")") || is_quote(t) || !t->text)
			continue;
		int m = multi_mention_at(s, i);
		if (m >= 0) {
			int drop;
			const char *w = placeholder(s, m, &drop);
			/* "the Zorland" reads as a name with a stray article */
			if (drop && in->n > 0 && in->tok[in->n - 1] == i - 1 && is_det(&s->toks[i - 1])) {
				in->n--;
				len = in->start[in->n] > 0 ? (size_t)in->start[in->n] - 1 : 0;
				in->text[len] = '\0';
			}
			add_word(in, &len, w, mention_head(s, m));
			i = s->ments[m].tok_end - 1;
			continue;
		}
		add_word(in, &len, t->text, i);
	}
	return 0;
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

static int hard_stop(const cw_token *t)
{
	return tok_is(t, ";") || tok_is(t, ":");
}

static int is_relative(const cw_token *t)
{
	return tok_is(t, "that") || tok_is(t, "which") || tok_is(t, "who") || tok_is(t, "whom");
}

/* Words that open an introductory phrase ending in a comma ("After the
 * talks, ...", "During the meeting, ..."): such a phrase never holds the
 * main clause's subject. */
static int opens_intro(const cw_token *t)
{
	static const char *w[] = { "after", "before", "when", "while", "as", "if", "although",
				   "though", "since", "following", "during", "despite", "in", "at",
				   "on", "upon", "with", "without", "amid", "once", "because", NULL };
	for (int i = 0; w[i]; i++)
		if (tok_is(t, w[i]))
			return 1;
	return 0;
}

/* "X and Y": the mention just before "and" in front of mention m. */
static int mention_before_and(const cw_sentence *s, int m)
{
	int i = s->ments[m].tok_start - 1;
	if (i < 1 || !(tok_is(&s->toks[i], "and") || tok_is(&s->toks[i], "or")))
		return -1;
	return mention_at(s, i - 1);
}

static int mention_after_and(const cw_sentence *s, int m)
{
	int i = s->ments[m].tok_end;
	if (i + 1 >= s->ntoks || !(tok_is(&s->toks[i], "and") || tok_is(&s->toks[i], "or")))
		return -1;
	for (int j = i + 1; j < s->ntoks && j <= i + 3; j++) {
		int m2 = mention_at(s, j);
		if (m2 >= 0)
			return m2;
		if (s->toks[j].flags & CW_T_PUNCT)
			break;
	}
	return -1;
}

/* First token of the clause around token a: after the last ; or : */
static int clause_start(const cw_sentence *s, int a)
{
	int i = a - 1;
	while (i >= 0 && !hard_stop(&s->toks[i]))
		i--;
	return i + 1;
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
		if (m >= 0) {
			add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, mention_head(s, m));
			for (int k = 0, m2 = m; k < 3 && (m2 = mention_before_and(s, m2)) >= 0; k++)
				add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, mention_head(s, m2));
			return;
		}
		/* "He added that ...": the complementiser closes the clause;
		 * "troops that attacked": the antecedent comes right before */
		if (is_relative(t) && mention_at(s, i - 1) < 0)
			return;
		if (is_comma(t) && i > start && opens_intro(&s->toks[start]))
			return;
	}
}

static int is_be(const cw_token *t)
{
	static const char *w[] = { "be", "is", "are", "was", "were", "been", "being", "get",
				   "got", "gets", "gotten", NULL };
	for (int i = 0; w[i]; i++)
		if (tok_is(t, w[i]))
			return 1;
	return 0;
}

static int is_neg(const cw_token *t)
{
	if (!t->lower)
		return 0;
	size_t n = strlen(t->lower);
	return tok_is(t, "not") || tok_is(t, "never") || tok_is(t, "cannot") ||
	       (n >= 3 && strcmp(t->lower + n - 3, "n't") == 0);
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
	if (be && looks_participle(&s->toks[a]))
		c->passive = 1;
}

static int is_anchor(const cw_sentence *s, int tok)
{
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == tok)
			return 1;
	return 0;
}

static void shallow_right(const cw_sentence *s, const cw_trigger *t, cw_clause *c)
{
	int a = t->anchor;
	if (c->passive) {
		for (int i = a + 1; i < s->ntoks && i <= a + 6; i++) {
			if (hard_stop(&s->toks[i]))
				break;
			if (!tok_is(&s->toks[i], "by"))
				continue;
			for (int j = i + 1; j < s->ntoks && j <= i + 3; j++) {
				int m = mention_at(s, j);
				if (m >= 0) {
					c->agent = mention_head(s, m);
					add_pp(c, i, c->agent);
					break;
				}
			}
			break;
		}
	}
	int from = t->target_tok > a ? t->target_tok : a + 1;
	for (int i = from; i < s->ntoks; i++) {
		const cw_token *tk = &s->toks[i];
		if (hard_stop(tk) || (is_relative(tk) && i > from) || (i > a + 1 && is_anchor(s, i) && i != t->target_tok))
			break;
		int m = mention_at(s, i);
		if (m < 0)
			continue;
		int h = mention_head(s, m);
		if (h == c->agent) {
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
			    !is_det(&s->toks[k]) && strlen(s->toks[k].lower) <= 8 && k == a + 1)
				prep = k;
		}
		for (int k = 0, m2 = m; k < 4 && m2 >= 0; k++, m2 = mention_after_and(s, m2)) {
			if (prep >= 0)
				add_pp(c, prep, mention_head(s, m2));
			else
				add_arg(c->obj, &c->nobj, CW_MAX_ARGS, mention_head(s, m2));
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
			    !stop_between(s, c->verb, r->verb) && comma_between(s, c->verb, r->verb))
				best = j;
		}
		c->parent = best;
	}
}

static int shallow_clause(cw_arena *a, const cw_sentence *s, const cw_trigger *t, clist *cl)
{
	if (t->anchor < 0 || t->anchor >= s->ntoks || clause_of_verb(cl, t->anchor) >= 0)
		return 0;
	cw_clause *c = new_clause(a, cl, t->anchor);
	if (!c)
		return -1;
	shallow_aux(s, t->anchor, c);
	if (t->flags & CW_TR_NEGATED)
		c->negated = 1;
	shallow_subject(s, t->anchor, c);
	shallow_right(s, t, c);
	return 0;
}

/* Clauses for the triggers the parse left without one. */
static int shallow_fill(cw_arena *a, const cw_sentence *s, clist *cl)
{
	int from = cl->n;
	for (int i = 0; i < s->ntrigs; i++)
		if (!(s->trigs[i].flags & CW_TR_NOMINAL) && shallow_clause(a, s, &s->trigs[i], cl) < 0)
			return -1;
	shallow_parents(s, cl, from);
	return 0;
}

/* -------------------------------------------------------- reading links */

typedef struct lk {
	int l, r;
	char type[8];      /* the upper-case part of the label: S, MV, SJ... */
	char sub[8];       /* the rest: "s*s", "p" */
} lk;

typedef struct graph {
	int nw, nl;
	lk *links;
	int *tok;          /* LG word -> token, -1 for walls */
	const char **name; /* LG word strings ("met.v-d") */
	char *verb;        /* LG word is a verb */
	int *down, *up;    /* auxiliary chain: will -> meet */
	char *passive;     /* reached by a Pv link */
	int *clause;       /* content verb word -> LG clause, else -1 */
} graph;

static int word_is_verb(const char *w)
{
	const char *dot = strrchr(w, '.');
	if (!dot || dot == w || w[0] == '[')
		return 0;
	return dot[1] == 'v' || dot[1] == 'w' || dot[1] == 'q';
}

/* The word as typed, lower-cased, without the dictionary subscript. */
static void word_base(const char *w, char *out, size_t n)
{
	size_t i = 0;
	if (*w == '[')
		w++;
	for (; *w && *w != '.' && *w != '[' && *w != ']' && i + 1 < n; w++)
		out[i++] = (char)tolower((unsigned char)*w);
	out[i] = '\0';
}

static int is_type(const lk *k, const char *t)
{
	return strcmp(k->type, t) == 0;
}

static int chain_link(const graph *g, const lk *k)
{
	if (!g->verb[k->l] || !g->verb[k->r])
		return 0;
	return is_type(k, "I") || is_type(k, "PP") ||
	       (is_type(k, "P") && (k->sub[0] == 'v' || k->sub[0] == 'g'));
}

/* Maps linkage words to our words by byte offset, so that words the
 * parser splits ("didn't", "Azerbaijan's") still map. */
static int map_words(Linkage lkg, const input *in, graph *g)
{
	size_t tlen = strlen(in->text);
	for (int w = 0; w < g->nw; w++) {
		g->tok[w] = -1;
		const char *name = g->name[w];
		if (strcmp(name, "LEFT-WALL") == 0 || strcmp(name, "RIGHT-WALL") == 0)
			continue;
		size_t b = linkage_get_word_byte_start(lkg, (WordIdx)w);
		if (b >= tlen)
			return -1;
		int lo = 0, hi = in->n - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;
			if ((size_t)in->start[mid] <= b)
				lo = mid;
			else
				hi = mid - 1;
		}
		g->tok[w] = in->tok[lo];
	}
	return 0;
}

static int build_graph(cw_arena *a, Linkage lkg, const input *in, graph *g)
{
	g->nw = (int)linkage_get_num_words(lkg);
	g->nl = (int)linkage_get_num_links(lkg);
	if (g->nw < 2 || g->nw > 8 * (in->n + 2))
		return -1;
	size_t nw = (size_t)g->nw;
	g->links = cw_alloc(a, sizeof *g->links * (size_t)(g->nl + 1));
	g->tok = cw_alloc(a, sizeof *g->tok * nw);
	g->name = cw_alloc(a, sizeof *g->name * nw);
	g->verb = cw_alloc(a, nw);
	g->passive = cw_alloc(a, nw);
	g->down = cw_alloc(a, sizeof(int) * nw);
	g->up = cw_alloc(a, sizeof(int) * nw);
	g->clause = cw_alloc(a, sizeof(int) * nw);
	if (!g->links || !g->tok || !g->name || !g->verb || !g->passive || !g->down || !g->up ||
	    !g->clause)
		return -1;
	for (int w = 0; w < g->nw; w++) {
		g->name[w] = linkage_get_word(lkg, (WordIdx)w);
		if (!g->name[w])
			g->name[w] = "";
		g->verb[w] = (char)word_is_verb(g->name[w]);
		g->down[w] = g->up[w] = g->clause[w] = -1;
	}
	if (map_words(lkg, in, g) < 0)
		return -1;
	for (int i = 0; i < g->nl; i++) {
		lk *k = &g->links[i];
		k->l = (int)linkage_get_link_lword(lkg, (LinkIdx)i);
		k->r = (int)linkage_get_link_rword(lkg, (LinkIdx)i);
		if (k->l < 0 || k->r < 0 || k->l >= g->nw || k->r >= g->nw)
			return -1;
		const char *lab = linkage_get_link_label(lkg, (LinkIdx)i);
		size_t j = 0;
		for (; lab && isupper((unsigned char)lab[j]) && j + 1 < sizeof k->type; j++)
			k->type[j] = lab[j];
		k->type[j] = '\0';
		snprintf(k->sub, sizeof k->sub, "%s", lab ? lab + j : "");
	}
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		if (!chain_link(g, k))
			continue;
		if (g->down[k->l] < 0)
			g->down[k->l] = k->r;
		if (g->up[k->r] < 0)
			g->up[k->r] = k->l;
		if (is_type(k, "P") && k->sub[0] == 'v')
			g->passive[k->r] = 1;
	}
	return 0;
}

/* The words that stand for a clause: its verb chain, and the "and" of a
 * verb coordination that carries their shared subject. */
typedef struct scope {
	int w[24];
	int n;
	int content;
} scope;

static int in_scope(const scope *sc, int w)
{
	for (int i = 0; i < sc->n; i++)
		if (sc->w[i] == w)
			return 1;
	return 0;
}

static void scope_add(scope *sc, int w)
{
	if (w >= 0 && sc->n < (int)(sizeof sc->w / sizeof sc->w[0]) && !in_scope(sc, w))
		sc->w[sc->n++] = w;
}

static void make_scope(const graph *g, int content, scope *sc)
{
	sc->n = 0;
	sc->content = content;
	for (int w = content, k = 0; w >= 0 && k < g->nw; w = g->up[w], k++)
		scope_add(sc, w);
	/* two rounds: "A, B and C" puts conjunctions on conjunctions */
	for (int round = 0; round < 2; round++) {
		int n = sc->n;
		for (int i = 0; i < g->nl; i++) {
			const lk *k = &g->links[i];
			if (!is_type(k, "VJ"))
				continue;
			for (int j = 0; j < n; j++) {
				if (k->l == sc->w[j] && !g->verb[k->r])
					scope_add(sc, k->r);
				else if (k->r == sc->w[j] && !g->verb[k->l])
					scope_add(sc, k->l);
			}
		}
	}
}

/* A noun phrase's heads: "Brazil and the United States" gives both. */
static void expand_np(const graph *g, int w, int *out, int *n, int max, int depth)
{
	int found = 0;
	if (depth < 3) {
		for (int i = 0; i < g->nl; i++) {
			const lk *k = &g->links[i];
			if (!is_type(k, "SJ"))
				continue;
			if (k->r == w && k->sub[0] == 'l') {
				expand_np(g, k->l, out, n, max, depth + 1);
				found = 1;
			} else if (k->l == w && k->sub[0] == 'r') {
				expand_np(g, k->r, out, n, max, depth + 1);
				found = 1;
			}
		}
	}
	if (!found && g->tok[w] >= 0)
		add_arg(out, n, max, g->tok[w]);
}

static int is_subject_link(const lk *k, int *inverted)
{
	*inverted = 0;
	if (k->type[0] != 'S' || is_type(k, "SJ"))
		return 0;
	size_t n = strlen(k->type);
	*inverted = n >= 2 && k->type[n - 1] == 'I';
	return 1;
}

static int is_neg_word(const graph *g, int w)
{
	char b[32];
	word_base(g->name[w], b, sizeof b);
	size_t n = strlen(b);
	return strcmp(b, "not") == 0 || strcmp(b, "never") == 0 || strcmp(b, "cannot") == 0 ||
	       (n >= 3 && strcmp(b + n - 3, "n't") == 0);
}

static void fill_clause(const graph *g, const scope *sc, cw_clause *c)
{
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		int inv;
		if (is_subject_link(k, &inv)) {
			if (!inv && in_scope(sc, k->r))
				expand_np(g, k->l, c->subj, &c->nsubj, CW_MAX_ARGS, 0);
			else if (inv && in_scope(sc, k->l))
				expand_np(g, k->r, c->subj, &c->nsubj, CW_MAX_ARGS, 0);
			continue;
		}
		if (is_type(k, "N") && in_scope(sc, k->l))
			c->negated = 1;
		if (is_type(k, "E") && in_scope(sc, k->r) && is_neg_word(g, k->l))
			c->negated = 1;
		int own = k->l == sc->content || (in_scope(sc, k->l) && !g->verb[k->l]);
		if (is_type(k, "O") && own)
			expand_np(g, k->r, c->obj, &c->nobj, CW_MAX_ARGS, 0);
		if (is_type(k, "MV") && own && g->tok[k->r] >= 0) {
			int prep = k->r;
			for (int j = 0; j < g->nl; j++) {
				const lk *jk = &g->links[j];
				if (!is_type(jk, "J") || jk->l != prep)
					continue;
				int heads[CW_MAX_ARGS], nh = 0;
				expand_np(g, jk->r, heads, &nh, CW_MAX_ARGS, 0);
				for (int h = 0; h < nh; h++)
					add_pp(c, g->tok[prep], heads[h]);
			}
		}
	}
	for (int i = 0; i < sc->n; i++) {
		int w = sc->w[i];
		if (g->verb[w] && is_neg_word(g, w))
			c->negated = 1;
		if (g->passive[w])
			c->passive = 1;
	}
}

/* LG word -> LG clause whose scope has it. */
static int clause_of_word(const graph *g, const scope *scs, int n, int w)
{
	for (int i = 0; i < n; i++)
		if (scs[i].content == w)
			return i;
	for (int i = 0; i < n; i++)
		if (in_scope(&scs[i], w) && g->verb[w])
			return i;
	return -1;
}

static void set_parent(int *parent, int inner, int outer)
{
	if (inner >= 0 && outer >= 0 && inner != outer && parent[inner] < 0)
		parent[inner] = outer;
}

/* The clause whose chain is headed by the verb that word s is subject of. */
static int clause_of_subject(const graph *g, const scope *scs, int n, int s)
{
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		int inv;
		if (is_subject_link(k, &inv) && !inv && k->l == s)
			return clause_of_word(g, scs, n, k->r);
	}
	return -1;
}

static void find_parents(const graph *g, const scope *scs, int n, int *parent, int *control)
{
	int say = -1;
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		if (is_type(k, "CV"))
			set_parent(parent, clause_of_word(g, scs, n, k->r), clause_of_word(g, scs, n, k->l));
		else if (is_type(k, "CP") && k->l == 0)
			say = clause_of_word(g, scs, n, k->r);
	}
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		if (is_type(k, "C")) {
			int outer = clause_of_word(g, scs, n, k->l);
			for (int j = 0; outer < 0 && j < g->nl; j++)
				if (is_type(&g->links[j], "TH") && g->links[j].r == k->l)
					outer = clause_of_word(g, scs, n, g->links[j].l);
			set_parent(parent, clause_of_subject(g, scs, n, k->r), outer);
		} else if (is_type(k, "TO")) {
			int outer = clause_of_word(g, scs, n, k->l);
			for (int j = 0; j < g->nl; j++) {
				const lk *jk = &g->links[j];
				if (is_type(jk, "I") && jk->l == k->r) {
					int inner = clause_of_word(g, scs, n, jk->r);
					if (inner >= 0 && outer >= 0 && parent[inner] < 0) {
						set_parent(parent, inner, outer);
						control[inner] = k->sub[0] == 'o' ? 2 : 1;
					}
				}
			}
		}
	}
	/* "Troops killed five people, the army said": the sentence's other
	 * main clauses are what was said */
	if (say >= 0)
		for (int i = 0; i < g->nl; i++) {
			const lk *k = &g->links[i];
			if (is_type(k, "WV") && k->l == 0)
				set_parent(parent, clause_of_word(g, scs, n, k->r), say);
		}
}

static int clauses_from_graph(cw_arena *a, const graph *g, clist *cl)
{
	scope *scs = cw_alloc(a, sizeof *scs * (size_t)g->nw);
	int *lgc = cw_alloc(a, sizeof(int) * (size_t)g->nw);      /* LG clause -> cl index */
	int *parent = cw_alloc(a, sizeof(int) * (size_t)g->nw);
	int *control = cw_alloc(a, sizeof(int) * (size_t)g->nw);
	if (!scs || !lgc || !parent || !control)
		return -1;
	int n = 0;
	for (int w = 0; w < g->nw; w++)
		if (g->verb[w] && g->down[w] < 0 && g->tok[w] >= 0)
			make_scope(g, w, &scs[n++]);
	for (int i = 0; i < n; i++)
		parent[i] = -1;
	find_parents(g, scs, n, parent, control);
	for (int i = 0; i < n; i++) {
		int verb = g->tok[scs[i].content];
		lgc[i] = -1;
		if (clause_of_verb(cl, verb) >= 0)
			continue;
		cw_clause *c = new_clause(a, cl, verb);
		if (!c)
			return -1;
		lgc[i] = cl->n - 1;
		fill_clause(g, &scs[i], c);
	}
	for (int i = 0; i < n; i++) {
		if (lgc[i] < 0 || parent[i] < 0 || lgc[parent[i]] < 0)
			continue;
		cw_clause *c = &cl->c[lgc[i]];
		const cw_clause *p = &cl->c[lgc[parent[i]]];
		c->parent = lgc[parent[i]];
		/* "wants to negotiate": the wanter negotiates; "urged Israel to
		 * withdraw": Israel withdraws */
		if (control[i] && c->nsubj == 0) {
			const int *src = control[i] == 2 ? p->obj : p->subj;
			int ns = control[i] == 2 ? p->nobj : p->nsubj;
			for (int k = 0; k < ns; k++)
				add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, src[k]);
		}
	}
	return 0;
}

/* The passive's agent: its "by" phrase. */
static void find_agents(const cw_sentence *s, clist *cl)
{
	for (int i = 0; i < cl->n; i++) {
		cw_clause *c = &cl->c[i];
		if (!c->passive || c->agent >= 0)
			continue;
		for (int k = 0; k < c->npp; k++)
			if (c->pp_prep[k] >= 0 && tok_is(&s->toks[c->pp_prep[k]], "by")) {
				c->agent = c->pp_obj[k];
				break;
			}
	}
}

/* ------------------------------------------------------------- parsing */

/* Runs the parser; returns the sentence (caller deletes it) with at least
 * one linkage, or NULL. */
static Sentence run_parser(const curlew *cw, Parse_Options o, const input *in)
{
	Sentence sent = sentence_create(in->text, cw->parser->dict);
	if (!sent)
		return NULL;
	parse_options_set_min_null_count(o, 0);
	parse_options_set_max_null_count(o, 0);
	int n = sentence_parse(sent, o);
	if (n <= 0 && !parse_options_timer_expired(o) && in->n <= NULL_RETRY_WORDS) {
		parse_options_set_max_null_count(o, 2);
		n = sentence_parse(sent, o);
	}
	if (parse_options_timer_expired(o) || n <= 0 ||
	    sentence_num_linkages_post_processed(sent) <= 0) {
		sentence_delete(sent);
		return NULL;
	}
	return sent;
}

static int parse_clauses(const curlew *cw, curlew_doc *doc, const input *in, clist *cl)
{
	Parse_Options o = doc_options(cw, doc);
	if (!o)
		return CURLEW_ESYS;
	Sentence sent = run_parser(cw, o, in);
	if (!sent)
		return 0;
	int rc = 0;
	Linkage lkg = linkage_create(0, sent, o);
	if (lkg) {
		graph g;
		memset(&g, 0, sizeof g);
		if (build_graph(doc->arena, lkg, in, &g) == 0)
			rc = clauses_from_graph(doc->arena, &g, cl) < 0 ? CURLEW_ESYS : 1;
		linkage_delete(lkg);
	}
	sentence_delete(sent);
	return rc;
}

int cw_parse(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	clist cl = { NULL, 0, 0 };
	input in;
	s->parsed = 0;
	s->clauses = NULL;
	s->nclauses = 0;
	if (build_input(doc->arena, s, &in) < 0)
		return CURLEW_ESYS;
	s->parse_text = in.text;
	if (cw->parser && in.n > 0 && in.n <= MAX_WORDS) {
		int rc = parse_clauses(cw, doc, &in, &cl);
		if (rc < 0)
			return rc;
		s->parsed = rc == 1;
		if (rc == 0)
			cl.n = 0;
	}
	if (s->parsed)
		find_agents(s, &cl);
	if (shallow_fill(doc->arena, s, &cl) < 0)
		return CURLEW_ESYS;
	s->clauses = cl.c;
	s->nclauses = cl.n;
	return 0;
}

/* ------------------------------------------------------------- explain */

char *cw_parse_diagram(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	if (!cw->parser || !s->parse_text || !*s->parse_text)
		return NULL;
	input in;
	if (build_input(doc->arena, s, &in) < 0 || in.n > MAX_WORDS)
		return NULL;
	Parse_Options o = doc_options(cw, doc);
	if (!o)
		return NULL;
	Sentence sent = run_parser(cw, o, &in);
	if (!sent)
		return NULL;
	char *out = NULL;
	Linkage lkg = linkage_create(0, sent, o);
	if (lkg) {
		char *d = linkage_print_diagram(lkg, false, 100);
		char *t = linkage_print_constituent_tree(lkg, SINGLE_LINE);
		size_t n = (d ? strlen(d) : 0) + (t ? strlen(t) : 0) + 2;
		if ((out = malloc(n)))
			snprintf(out, n, "%s%s%s", d ? d : "", t ? t : "", t ? "" : "\n");
		if (d)
			linkage_free_diagram(d);
		if (t)
			linkage_free_constituent_tree_str(t);
		linkage_delete(lkg);
	}
	sentence_delete(sent);
	return out;
}
