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
#include <link-grammar/dict-api.h>
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
#define LINKAGE_LIMIT 20
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
/* ... and its plural, which the parser's regex reads as a plural proper
 * noun ("the Taliban" -> Zorlanders, keeping "have" agreeing). */
#define PLACEHOLDER_PL "Zorlanders"

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

/* A capitalised word whose lower-case form the parser's dictionary lists
 * as a common word: "President", "Minister", "Court".  Opening a sentence
 * the parser lower-cases it and may read a verb ("Minister visited
 * Japan").  Elsewhere the word is kept: replacing every title costs 6% more
 * parse time (the made-up word gets every proper-noun reading), and the one
 * misreading it causes that matters, "by President [in] Cairo" as one name,
 * is repaired in fix_agent.  An exact lookup: the dictionary's regexes would
 * also "know" Putin. */
static int common_word(Dictionary dict, const char *w)
{
	char low[64];
	size_t n = strlen(w);
	if (!dict || n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	Dict_node *dn = dictionary_lookup_list(dict, low);
	if (!dn)
		return 0;
	free_lookup_list(dict, dn);
	return 1;
}

/* One word standing for a whole actor phrase, chosen so that the parser
 * still sees the right kind of noun with the right number: a plural common
 * head stays itself ("armed forces" -> "forces"), a name stays itself
 * (Putin, Americans, Israel), and anything else becomes a made-up proper
 * noun, singular or plural as the mention is ("the Armenian side",
 * "Indian Prime Minister Narendra Modi" opening a sentence -> Zorland). */
static const char *placeholder(const cw_sentence *s, int m, Dictionary dict, int *drop_det)
{
	const cw_token *h = &s->toks[mention_head(s, m)];
	const cw_mention *me = &s->ments[m];
	size_t n = h->text ? strlen(h->text) : 0;
	int cap = n && (isupper((unsigned char)h->text[0]) || (h->flags & CW_T_CAP));
	int plural = me->plural || me->kind == CW_M_PRONOUN;
	*drop_det = 0;
	if (n == 0)
		return PLACEHOLDER;
	if (!cap && plural)
		return h->text;
	if (cap && plural && h->text[n - 1] == 's')
		return h->text;
	if (cap && !plural && !common_word(dict, h->text))
		return h->text;
	*drop_det = 1;
	return plural ? PLACEHOLDER_PL : PLACEHOLDER;
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
static int build_input(cw_arena *a, const cw_sentence *s, Dictionary dict, input *in)
{
	size_t len = 0, need = 1;
	memset(in, 0, sizeof *in);
	for (int i = 0; i < s->ntoks; i++)
		need += (s->toks[i].text ? strlen(s->toks[i].text) : 0) + 1 + sizeof PLACEHOLDER_PL;
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
			int drop, first = in->n == 0 || (in->n == 1 && in->tok[0] == i - 1 &&
							 is_det(&s->toks[i - 1]));
			const char *w = placeholder(s, m, first ? dict : NULL, &drop);
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

/* ------------------------------------------------------- lists of actors
 *
 * "Britain, France and Germany", "Israel and Hamas", "Indian and Chinese
 * troops": the parser often keeps only the last member (or reads the first
 * as an opener), so the members are read off the tokens: mentions joined by
 * commas with "and" or "or" before the last one. */

enum { SEP_NONE, SEP_COMMA, SEP_AND };

static int is_and(const cw_token *t)
{
	return tok_is(t, "and") || tok_is(t, "or");
}

/* The mention listed right before mention m, and the separator between. */
static int prev_member(const cw_sentence *s, int m, int *sep)
{
	int i = s->ments[m].tok_start - 1;
	if (i >= 0 && is_det(&s->toks[i]) && mention_at(s, i) < 0)
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
	if (i < s->ntoks && is_det(&s->toks[i]) && mention_at(s, i) < 0)
		i++;
	int n = mention_at(s, i);
	return n >= 0 && n != m && s->ments[n].tok_start >= i - 1 ? n : -1;
}

/* Words that put a phrase before the subject: "In Paris, France and
 * Germany signed" lists two actors, not three. */
static int is_prep_word(const cw_token *t)
{
	return opens_intro(t) || tok_is(t, "from") || tok_is(t, "to") || tok_is(t, "by") ||
	       tok_is(t, "of") || tok_is(t, "for") || tok_is(t, "against");
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
		if (hard_stop(tk) || (is_relative(tk) && i > from) || (i > a + 1 && is_anchor(s, i) && i != t->target_tok))
			break;
		int m = mention_at(s, i);
		if (m < 0)
			continue;
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
			    !is_det(&s->toks[k]) && strlen(s->toks[k].lower) <= 8 && k == a + 1)
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

/* Never makes a cycle: a linkage with a quotation reading can make the
 * said clause both the complement and the frame of another. */
static void set_parent(int *parent, int inner, int outer)
{
	if (inner < 0 || outer < 0 || inner == outer || parent[inner] >= 0)
		return;
	for (int p = parent[outer], k = 0; p >= 0 && k < 64; p = parent[p], k++)
		if (p == inner)
			return;
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

/* ------------------------------------------------------------ fix-ups
 *
 * Even the chosen linkage can miss what the tokens show plainly; these
 * repairs use the same evidence as the shallow analysis. */

static int is_quantity(const cw_token *t)
{
	static const char *w[] = { "dozens", "hundreds", "thousands", "millions", "scores", "tens",
				   "dozen", "hundred", "thousand", "number", "group", "groups",
				   "members", "some", "many", "several", "most", "all", "both",
				   "part", "parts", "half", "rest",
				   "one", "two", "three", "four", "five", "six", "seven", "eight",
				   "nine", "ten", NULL };
	if (t->flags & CW_T_NUM)
		return 1;
	for (int i = 0; w[i]; i++)
		if (tok_is(t, w[i]))
			return 1;
	return 0;
}

/* "hundreds of Sudanese civilians", "20 Boko Haram militants": an argument
 * the parser found on the count stands for the actor counted. */
static int counted(const cw_sentence *s, int tok)
{
	if (tok < 0 || tok >= s->ntoks || mention_at(s, tok) >= 0 || !is_quantity(&s->toks[tok]))
		return tok;
	int j = tok + 1;
	if (j < s->ntoks && tok_is(&s->toks[j], "of"))
		j++;
	if (j < s->ntoks && is_det(&s->toks[j]))
		j++;
	int m = mention_at(s, j);
	return m >= 0 ? mention_head(s, m) : tok;
}

/* "the troops who attacked": the relative pronoun stands for the actor
 * before it (or before the comma: "the army, which said"). */
static int antecedent(const cw_sentence *s, int tok)
{
	if (tok < 1 || tok >= s->ntoks || !is_relative(&s->toks[tok]) || mention_at(s, tok) >= 0)
		return tok;
	int i = tok - 1;
	if (is_comma(&s->toks[i]) && i > 0)
		i--;
	int m = mention_at(s, i);
	return m >= 0 ? mention_head(s, m) : tok;
}

static void map_args(const cw_sentence *s, int *arr, int n)
{
	for (int i = 0; i < n; i++)
		arr[i] = counted(s, antecedent(s, arr[i]));
}

/* Subjects all after the verb, without the quotation or comma that makes
 * inversion normal: a misread object ("urged Israel"). */
static void fix_inversion(const cw_sentence *s, cw_clause *c)
{
	if (c->nsubj == 0 || inversion_ok(s, c->verb))
		return;
	for (int i = 0; i < c->nsubj; i++)
		if (c->subj[i] < c->verb)
			return;
	for (int i = 0; i < c->nsubj; i++)
		if (c->nobj == 0 || c->obj[0] > c->subj[i])
			add_arg(c->obj, &c->nobj, CW_MAX_ARGS, c->subj[i]);
	c->nsubj = 0;
}

/* "was received by X" read with "received" as an adjective, "the tanker
 * seized by X" read as a modifier: a "by" actor after a passive form. */
static void fix_agent(const cw_sentence *s, cw_clause *c, int no_subject)
{
	if (c->agent >= 0) {
		/* the parser's by-object is the last word of a phrase it glued
		 * together ("by President in Cairo"): the first actor after "by" */
		int by = -1, ag = by_agent(s, c->verb, &by);
		if (ag >= 0 && by < c->agent && mention_at(s, ag) != mention_at(s, c->agent)) {
			for (int k = 0; k < c->npp; k++)
				if (c->pp_prep[k] == by && c->pp_obj[k] == c->agent)
					c->pp_obj[k] = ag;
			c->agent = ag;
		}
		return;
	}
	cw_clause aux;
	memset(&aux, 0, sizeof aux);
	shallow_aux(s, c->verb, &aux);
	int by = -1, ag = by_agent(s, c->verb, &by);
	/* a bare participle is passive only with "by" right after it */
	int reduced = no_subject && by == c->verb + 1 && looks_participle(&s->toks[c->verb]);
	if (ag < 0 || !(c->passive || aux.passive || reduced))
		return;
	c->passive = 1;
	c->agent = ag;
	add_pp(c, by, ag);
	for (int i = 0; i < c->nobj; i++)
		if (c->obj[i] == ag) {
			c->obj[i] = c->obj[--c->nobj];
			break;
		}
}

/* "urged Israel to agree" read with the infinitive as an adjunct of
 * purpose: it still belongs to the verb before it, and an actor object
 * right before "to" is who is to act; otherwise that verb's subject is. */
static void fix_infinitive(const cw_sentence *s, clist *cl, int i)
{
	cw_clause *c = &cl->c[i];
	int to = c->verb - 1, best = -1;
	if (c->parent >= 0 || to < 1 || !tok_is(&s->toks[to], "to"))
		return;
	for (int j = 0; j < cl->n; j++) {
		const cw_clause *p = &cl->c[j];
		if (j != i && p->verb < to && !stop_between(s, p->verb, to) &&
		    (best < 0 || p->verb > cl->c[best].verb))
			best = j;
	}
	if (best < 0)
		return;
	for (int p = cl->c[best].parent, k = 0; p >= 0 && k < 64; p = cl->c[p].parent, k++)
		if (p == i)
			return;
	c->parent = best;
	if (c->nsubj)
		return;
	const cw_clause *p = &cl->c[best];
	int m = mention_at(s, to - 1), object = 0;
	for (int k = 0; k < p->nobj; k++)
		object |= m >= 0 && mention_at(s, p->obj[k]) == m;
	for (int k = 0; k < (object ? p->nobj : p->nsubj); k++)
		add_arg(c->subj, &c->nsubj, CW_MAX_ARGS, object ? p->obj[k] : p->subj[k]);
}

static void widen_clause(const cw_sentence *s, cw_clause *c)
{
	widen_list(s, c->subj, &c->nsubj, 1);
	widen_list(s, c->obj, &c->nobj, 0);
	for (int k = 0, n = c->npp; k < n; k++) {
		int m = mention_at(s, c->pp_obj[k]), heads[CW_MAX_ARGS];
		int nh = m >= 0 ? list_heads(s, m, 0, heads, CW_MAX_ARGS) : 0;
		for (int j = 0; j < nh; j++)
			add_pp(c, c->pp_prep[k], heads[j]);
	}
}

static void fix_parsed(const cw_sentence *s, clist *cl)
{
	for (int i = 0; i < cl->n; i++) {
		cw_clause *c = &cl->c[i];
		map_args(s, c->subj, c->nsubj);
		map_args(s, c->obj, c->nobj);
		map_args(s, c->pp_obj, c->npp);
		if (is_verbal_anchor(s, c->verb))
			fix_inversion(s, c);
		widen_clause(s, c);
	}
	for (int i = 0; i < cl->n; i++)
		fix_infinitive(s, cl, i);
	for (int i = 0; i < cl->n; i++) {
		cw_clause *c = &cl->c[i];
		if (!is_verbal_anchor(s, c->verb))
			continue;
		int no_subject = c->nsubj == 0;
		/* the parser gave the trigger no subject: the fallback's */
		if (no_subject)
			shallow_subject(s, c->verb, c);
		fix_agent(s, c, no_subject);
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

/* ---------------------------------------------------- choosing a linkage
 *
 * The parser ranks linkages by the cost of their word readings only, and
 * its favourite often reads a verb the verbs stage found as something
 * else: "urged" as a quotation verb with Israel for inverted subject, "met"
 * as a participle modifying the names before it, "Minister" as a verb.
 * The trigger anchors say which words are the verbs that matter, so among
 * the few linkages kept the one that gives them a normal subject wins; the
 * parser's order breaks ties. */

/* The linkage word for token tok, a verb reading first. */
static int word_of_tok(const graph *g, int tok)
{
	int any = -1;
	for (int w = 0; w < g->nw; w++) {
		if (g->tok[w] != tok)
			continue;
		if (g->verb[w])
			return w;
		if (any < 0)
			any = w;
	}
	return any;
}

static int is_q_word(const char *w)
{
	const char *dot = strrchr(w, '.');
	return dot && dot[1] == 'q';
}

enum { SUBJ_NONE, SUBJ_NORMAL, SUBJ_INVERTED, SUBJ_CONTROLLED };

/* How the verb chain through word w gets its subject. */
static int subject_kind(const graph *g, int w)
{
	int content = w;
	for (int k = 0; g->down[content] >= 0 && k < g->nw; k++)
		content = g->down[content];
	scope sc;
	make_scope(g, content, &sc);
	int kind = SUBJ_NONE;
	for (int i = 0; i < g->nl; i++) {
		const lk *k = &g->links[i];
		int inv;
		char b[8];
		if (is_subject_link(k, &inv)) {
			if (!inv && in_scope(&sc, k->r))
				return SUBJ_NORMAL;
			if (inv && in_scope(&sc, k->l))
				kind = SUBJ_INVERTED;
		} else if (is_type(k, "I") && in_scope(&sc, k->r) && kind == SUBJ_NONE) {
			word_base(g->name[k->l], b, sizeof b);
			if (strcmp(b, "to") == 0)
				kind = SUBJ_CONTROLLED;
		}
	}
	return kind;
}

static int linkage_score(const cw_sentence *s, const graph *g)
{
	int score = 0;
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *t = &s->trigs[i];
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= s->trigs[j].anchor == t->anchor;
		if (dup || (t->flags & CW_TR_NOMINAL))
			continue;
		int w = word_of_tok(g, t->anchor);
		if (w < 0 || !g->verb[w])
			continue;
		/* a complement reading beats an adjunct one when the verb's
		 * entry allows it: "urged Israel to agree" is TO, not MVi */
		for (int k = 0; k < g->nl; k++)
			if (g->links[k].l == w && is_type(&g->links[k], "TO"))
				score += 1;
		switch (subject_kind(g, w)) {
		case SUBJ_NORMAL:
			score += 3;
			break;
		case SUBJ_CONTROLLED:
			score += 2;
			break;
		case SUBJ_INVERTED:
			score += inversion_ok(s, t->anchor) ? 3 : 0;
			break;
		default:
			break;
		}
	}
	for (int w = 0; w < g->nw; w++) {
		if (!g->verb[w] || g->tok[w] < 0)
			continue;
		/* an actor's head word read as a verb is always a misreading */
		if (mention_at(s, g->tok[w]) >= 0 && !is_anchor(s, g->tok[w]))
			score -= 2;
		/* a quotation-verb reading ("urged" in "'...,' urged X") fits only
		 * a verb after a quotation or one with its subject before it */
		if (is_q_word(g->name[w])) {
			int k = subject_kind(g, w);
			if (k != SUBJ_NORMAL && !(k == SUBJ_INVERTED && inversion_ok(s, g->tok[w])))
				score -= 2;
		}
	}
	return score;
}

/* The linkage to read (the caller deletes it), its graph in *best; NULL if
 * none is usable.  The graph points into its linkage, so only the chosen
 * one is kept. */
static Linkage choose_linkage(cw_arena *a, const cw_sentence *s, Sentence sent, Parse_Options o,
			      const input *in, graph *best)
{
	int n = sentence_num_linkages_post_processed(sent), top = 0;
	Linkage pick = NULL;
	if (n > LINKAGE_LIMIT)
		n = LINKAGE_LIMIT;
	for (int i = 0; i < n; i++) {
		Linkage lkg = linkage_create(i, sent, o);
		if (!lkg)
			continue;
		graph g;
		memset(&g, 0, sizeof g);
		int sc = 0;
		if (linkage_get_violation_name(lkg) == NULL && build_graph(a, lkg, in, &g) == 0 &&
		    (sc = linkage_score(s, &g), !pick || sc > top)) {
			if (pick)
				linkage_delete(pick);
			pick = lkg;
			top = sc;
			*best = g;
		} else {
			linkage_delete(lkg);
		}
	}
	return pick;
}

static int parse_clauses(const curlew *cw, curlew_doc *doc, const cw_sentence *s, const input *in,
			 clist *cl)
{
	Parse_Options o = doc_options(cw, doc);
	if (!o)
		return CURLEW_ESYS;
	Sentence sent = run_parser(cw, o, in);
	if (!sent)
		return 0;
	int rc = 0;
	graph g;
	Linkage lkg = choose_linkage(doc->arena, s, sent, o, in, &g);
	if (lkg) {
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
	if (build_input(doc->arena, s, cw->parser ? cw->parser->dict : NULL, &in) < 0)
		return CURLEW_ESYS;
	s->parse_text = in.text;
	if (cw->parser && in.n > 0 && in.n <= MAX_WORDS) {
		int rc = parse_clauses(cw, doc, s, &in, &cl);
		if (rc < 0)
			return rc;
		s->parsed = rc == 1;
		if (rc == 0)
			cl.n = 0;
	}
	if (s->parsed) {
		find_agents(s, &cl);
		fix_parsed(s, &cl);
	}
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
	if (build_input(doc->arena, s, cw->parser ? cw->parser->dict : NULL, &in) < 0 || in.n > MAX_WORDS)
		return NULL;
	Parse_Options o = doc_options(cw, doc);
	if (!o)
		return NULL;
	Sentence sent = run_parser(cw, o, &in);
	if (!sent)
		return NULL;
	char *out = NULL;
	graph g;
	Linkage lkg = choose_linkage(doc->arena, s, sent, o, &in, &g);
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
