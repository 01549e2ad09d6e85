/*
 * frames.c -- how each act is told, and what that makes it.  "Russia
 * attacked", "Russia will attack", "Russia must not attack", "Russia
 * denied attacking", "Russia refused to attack" report the same verb in
 * different frames; CAMEO codes the first as an attack, the second as a
 * threat (138), the fourth as a denial only.  This stage gives every
 * trigger its frame and the code that frame makes of it (trigger->fcode,
 * "" when the act is not coded at all), from DATA/frames.txt (its header
 * documents the format) and the intent/threat/demand/appeal/refusal columns
 * of cameo-codes.tsv.  Events read the frame; they do not second-guess it.
 *
 * A frame comes, in order of precedence, from
 *  1. a pattern that governs the act: its content ("refused to meet": the
 *     meeting is no event, and the refusal becomes 125);
 *  2. a denial the verbs stage saw ("denied attacking", @negcomp);
 *  3. a clause the act lies in ("if the EU called it an invasion", "its
 *     demand that Israel ease restrictions");
 *  4. cue words right before the act ("will", "tried to", "would not");
 *  5. the parse's negation of the act's clause;
 * else the act is asserted (or reported, when someone says it).
 */
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* Cue words stand right before the act, or a few words before it for a
 * negation ("has not launched an attack"): the reach news gives them. */
#define NEG_REACH 3
#define CUE_GAP 3           /* '*' in a cue: "voted on Tuesday to" */
#define CLAUSE_REACH 16     /* "if" or "alleged that" to the act in its clause */
#define COMP_REACH 3        /* a governing pattern's end to the noun it governs */
#define THAT_VERB_REACH 8   /* "insisted that the army of the south was": "that" to its verb */
#define MAX_CUE_WORDS 8
#define AND_REACH 2         /* "and (then) arrested": the "and" that joins a main clause's verb */
#define REPORT_REACH 30     /* "said a little-known group, National Thowheeth Jama'ath, was behind" */

enum { EL_WORD, EL_GAP, EL_ACTOR };
enum { ANY, NOUN_ONLY, VERB_ONLY };

typedef struct fel {
	int kind;
	const char **alts;
	int nalts;
} fel;

typedef struct cue {
	int frame;
	int clause;              /* a clause cue: the act lies after it */
	int only;                /* ANY, NOUN_ONLY, VERB_ONLY */
	int actor;               /* has an {A} slot */
	fel els[MAX_CUE_WORDS];
	int nels;
	int line;
} cue;

typedef struct govern {
	char prefix[5];          /* a code or its prefix, or "" */
	const char **words;      /* ... or the governing pattern's anchors */
	int nwords;
	int frame;
} govern;

struct cw_frame_dict {
	cw_arena *arena;
	cue *cues;
	int ncues, ccap;
	govern *gov;
	int ngov, gcap;
	struct indicative { char prefix[5], code[5]; } *ind;   /* "indicative" lines */
	int nind, icap;
	struct says { cue c; char code[5]; } *says;            /* "says" lines */
	int nsays, scap;
	cw_map *skip;
	cw_map *skip_endings;
	cw_map *ends;            /* the words a cue ends with, to try cues only there */
	int actor_ends;          /* some cue ends with {A}: try cues after every actor */
};

static const char *const frame_names[CW_NFRAMES] = {
	[CW_F_ASSERTED] = "asserted", [CW_F_ATTEMPTED] = "attempted", [CW_F_REPORTED] = "reported",
	[CW_F_NEGATED] = "negated", [CW_F_INTENDED] = "intended", [CW_F_THREATENED] = "threatened",
	[CW_F_DEMANDED] = "demanded", [CW_F_APPEALED] = "appealed", [CW_F_REFUSED] = "refused",
	[CW_F_ALLEGED] = "alleged", [CW_F_DENIED] = "denied", [CW_F_PURPOSE] = "purpose",
	[CW_F_CONDITION] = "condition", [CW_F_TOPIC] = "topic", [CW_F_PROMISED] = "promised",
};

const char *cw_frame_name(int frame)
{
	return frame >= 0 && frame < CW_NFRAMES ? frame_names[frame] : "?";
}

static int frame_id(const char *name)
{
	for (int i = 0; i < CW_NFRAMES; i++)
		if (strcmp(frame_names[i], name) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------- loading */

typedef struct loader {
	cw_frame_dict *f;
	const char *path;
	char *err;
	size_t errlen;
} loader;

static int bad(loader *ld, int lineno, const char *why, const char *what)
{
	snprintf(ld->err, ld->errlen, "%s:%d: %s%s%s", ld->path, lineno, why, what ? ": " : "",
		 what ? what : "");
	return -1;
}

static int put_words(loader *ld, cw_map *m, char **w, int n, int lineno)
{
	for (int i = 0; i < n; i++)
		if (*w[i] && cw_map_put(m, w[i], ld->f) < 0)
			return bad(ld, lineno, "out of memory", NULL);
	return 0;
}

/* The words of a cue, w[1] on, into c. */
static int read_cue(loader *ld, char **w, int n, cue *c, int lineno)
{
	cw_frame_dict *f = ld->f;
	c->line = lineno;
	for (int i = 1; i < n; i++) {
		if (strcmp(w[i], "@noun") == 0 || strcmp(w[i], "@verb") == 0) {
			c->only = w[i][1] == 'n' ? NOUN_ONLY : VERB_ONLY;
			continue;
		}
		if (c->nels == MAX_CUE_WORDS)
			return bad(ld, lineno, "cue too long", NULL);
		fel *e = &c->els[c->nels];
		if (strcmp(w[i], "*") == 0) {
			if (c->nels == 0 || e[-1].kind == EL_GAP)
				return bad(ld, lineno, "'*' must follow a word", NULL);
			e->kind = EL_GAP;
		} else if (strcmp(w[i], "{A}") == 0) {
			e->kind = EL_ACTOR;
			c->actor = 1;
		} else {
			char *alts[32];
			int k = cw_split(w[i], '|', alts, 32);
			e->kind = EL_WORD;
			if (!(e->alts = cw_alloc(f->arena, (size_t)k * sizeof *e->alts)))
				return bad(ld, lineno, "out of memory", NULL);
			for (int a = 0; a < k; a++) {
				if (!*alts[a])
					return bad(ld, lineno, "empty alternative", w[i]);
				if (!(e->alts[a] = cw_strdup(f->arena, alts[a])))
					return bad(ld, lineno, "out of memory", NULL);
			}
			e->nalts = k;
		}
		c->nels++;
	}
	if (c->nels == 0 || c->els[c->nels - 1].kind == EL_GAP || c->els[0].kind == EL_GAP)
		return bad(ld, lineno, "a cue starts and ends with a word or {A}", NULL);
	return 0;
}

static int parse_cue(loader *ld, char **w, int n, int clause, int lineno)
{
	cw_frame_dict *f = ld->f;
	int frame = n > 0 ? frame_id(w[0]) : -1;
	if (frame < 0)
		return bad(ld, lineno, "unknown frame", n > 0 ? w[0] : NULL);
	cue c;
	memset(&c, 0, sizeof c);
	c.frame = frame;
	c.clause = clause;
	if (read_cue(ld, w, n, &c, lineno) < 0)
		return -1;
	cue *g = cw_grow(f->arena, f->cues, &f->ccap, f->ncues + 1, sizeof *g);
	if (!g)
		return bad(ld, lineno, "out of memory", NULL);
	const fel *last = &c.els[c.nels - 1];
	f->actor_ends |= last->kind == EL_ACTOR;
	for (int a = 0; a < last->nalts; a++)
		if (cw_map_put(f->ends, last->alts[a], f) < 0)
			return bad(ld, lineno, "out of memory", NULL);
	f->cues = g;
	f->cues[f->ncues++] = c;
	return 0;
}

static int parse_govern(loader *ld, char **w, int n, int lineno)
{
	cw_frame_dict *f = ld->f;
	if (n != 2 || frame_id(w[1]) < 0)
		return bad(ld, lineno, "expected: govern CODE|WORD FRAME", NULL);
	govern *g = cw_grow(f->arena, f->gov, &f->gcap, f->ngov + 1, sizeof *g);
	if (!g)
		return bad(ld, lineno, "out of memory", NULL);
	f->gov = g;
	g = &g[f->ngov];
	memset(g, 0, sizeof *g);
	g->frame = frame_id(w[1]);
	if (cw_code_shape(w[0])) {
		snprintf(g->prefix, sizeof g->prefix, "%s", w[0]);
	} else {
		char *alts[32];
		int k = cw_split(w[0], '|', alts, 32);
		if (!(g->words = cw_alloc(f->arena, (size_t)k * sizeof *g->words)))
			return bad(ld, lineno, "out of memory", NULL);
		for (int a = 0; a < k; a++)
			if (!(g->words[a] = cw_strdup(f->arena, alts[a])))
				return bad(ld, lineno, "out of memory", NULL);
		g->nwords = k;
	}
	f->ngov++;
	return 0;
}

static int parse_indicative(loader *ld, char **w, int n, int lineno)
{
	cw_frame_dict *f = ld->f;
	if (n != 2 || !cw_code_shape(w[0]) || !cw_code_shape(w[1]) || strlen(w[0]) > 4 || strlen(w[1]) > 4)
		return bad(ld, lineno, "expected: indicative CODE CODE", NULL);
	struct indicative *g = cw_grow(f->arena, f->ind, &f->icap, f->nind + 1, sizeof *g);
	if (!g)
		return bad(ld, lineno, "out of memory", NULL);
	f->ind = g;
	snprintf(g[f->nind].prefix, sizeof g->prefix, "%s", w[0]);
	snprintf(g[f->nind].code, sizeof g->code, "%s", w[1]);
	f->nind++;
	return 0;
}

static int parse_says(loader *ld, char **w, int n, int lineno)
{
	cw_frame_dict *f = ld->f;
	if (n < 2 || !cw_code_shape(w[0]) || strlen(w[0]) > 4)
		return bad(ld, lineno, "expected: says CODE WORD ...", NULL);
	struct says *g = cw_grow(f->arena, f->says, &f->scap, f->nsays + 1, sizeof *g);
	if (!g)
		return bad(ld, lineno, "out of memory", NULL);
	f->says = g;
	g = &g[f->nsays];
	memset(g, 0, sizeof *g);
	snprintf(g->code, sizeof g->code, "%s", w[0]);
	if (read_cue(ld, w, n, &g->c, lineno) < 0)
		return -1;
	if (g->c.actor || g->c.only != ANY)
		return bad(ld, lineno, "a says line has words and '*' only", NULL);
	f->nsays++;
	return 0;
}

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	for (char *p = line; *p; p++)
		if (*p == '\t')
			*p = ' ';
	char *w[64], *t[64];
	int n = cw_split(cw_trim(line), ' ', t, 64), k = 0;
	for (int i = 0; i < n; i++)
		if (*t[i])
			w[k++] = t[i];
	if (k < 2)
		return bad(ld, lineno, "too short", NULL);
	cw_lower_ascii(w[0]);
	if (strcmp(w[0], "skip") == 0)
		return put_words(ld, ld->f->skip, w + 1, k - 1, lineno);
	if (strcmp(w[0], "skip-ending") == 0)
		return put_words(ld, ld->f->skip_endings, w + 1, k - 1, lineno);
	if (strcmp(w[0], "govern") == 0)
		return parse_govern(ld, w + 1, k - 1, lineno);
	if (strcmp(w[0], "indicative") == 0)
		return parse_indicative(ld, w + 1, k - 1, lineno);
	if (strcmp(w[0], "clause") == 0)
		return parse_cue(ld, w + 1, k - 1, 1, lineno);
	if (strcmp(w[0], "says") == 0)
		return parse_says(ld, w + 1, k - 1, lineno);
	return parse_cue(ld, w, k, 0, lineno);
}

int cw_frames_load(cw_frame_dict **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_frame_dict *f = calloc(1, sizeof *f);
	if (!f || !(f->arena = cw_arena_new()) || !(f->skip = cw_map_new()) ||
	    !(f->skip_endings = cw_map_new()) || !(f->ends = cw_map_new())) {
		cw_frames_free(f);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/frames.txt", cw && cw->data_dir ? cw->data_dir : "data");
	loader ld = { f, path, err, errlen };
	if (cw_read_lines(path, on_line, &ld) != 0) {
		if (!*err)
			snprintf(err, errlen, "%s: cannot open", path);
		cw_frames_free(f);
		return -1;
	}
	*out = f;
	return 0;
}

void cw_frames_free(cw_frame_dict *f)
{
	if (!f)
		return;
	cw_map_free(f->skip);
	cw_map_free(f->skip_endings);
	cw_map_free(f->ends);
	cw_arena_free(f->arena);
	free(f);
}

/* A line naming the trigger's anchor wins over the codes; of the codes,
 * the longest prefix. */
int cw_frame_governed(const cw_frame_dict *f, const cw_sentence *s, const cw_trigger *t)
{
	int best = -1;
	size_t len = 0;
	const cw_token *a = &s->toks[t->anchor];
	for (int i = 0; f && i < f->ngov; i++) {
		const govern *g = &f->gov[i];
		for (int k = 0; k < g->nwords; k++)
			if ((a->vlemma && strcmp(a->vlemma, g->words[k]) == 0) ||
			    (a->lower && strcmp(a->lower, g->words[k]) == 0))
				return g->frame;
		size_t n = strlen(g->prefix);
		if (n > len && strncmp(t->code, g->prefix, n) == 0) {
			best = g->frame;
			len = n;
		}
	}
	return best;
}

/* ------------------------------------------------------------ matching */

typedef struct ctx {
	const curlew *cw;
	const cw_frame_dict *f;
	cw_sentence *s;
	unsigned char *ends;     /* per token: could a cue end on it (see may_end) */
	int *gov;                /* per trigger: the frame of what it governs, or -1 */
} ctx;

/* A code is at most four characters ("1384", "174K"). */
static void set_code(char dst[5], const char *src)
{
	size_t n = strlen(src);
	memcpy(dst, src, n < 4 ? n + 1 : 4);
	dst[4] = '\0';
}

/* The first bytes compared before strcmp: cue words are tried 750,000
 * times on 300 bench stories and nearly all differ there. */
static int same(const char *w, const char *alt)
{
	return w && w[0] == alt[0] && strcmp(w, alt) == 0;
}

static int word_is(const cw_token *t, const fel *e)
{
	for (int a = 0; a < e->nalts; a++)
		if (same(t->lower, e->alts[a]) || same(t->vlemma, e->alts[a]) ||
		    same(t->nlemma, e->alts[a]))
			return 1;
	return 0;
}

static int stop_punct(const cw_token *t)
{
	/* "'s" and a lone apostrophe ("Morales' arrest") mark an owner */
	return (t->flags & (CW_T_PUNCT | CW_T_QUOTE)) &&
	       !(t->lower && (strcmp(t->lower, "'s") == 0 || strcmp(t->lower, "'") == 0));
}

static int skippable(const ctx *x, const cw_token *t)
{
	if (!t->lower || (t->flags & CW_T_PUNCT))
		return 0;
	if (cw_map_get(x->f->skip, t->lower))
		return 1;
	size_t n = strlen(t->lower);
	for (size_t k = 1; k + 1 < n && k <= 4; k++)
		if (cw_map_get(x->f->skip_endings, t->lower + n - k))
			return 1;
	return 0;
}

/* Matches elements [0, k] of cue c leftwards so that element k lies on
 * token p; returns the token of element 0, or -1. */
static int match_from(const ctx *x, const cue *c, int k, int p)
{
	const cw_sentence *s = x->s;
	if (k < 0)
		return p + 1;
	if (p < 0)
		return -1;
	const fel *e = &c->els[k];
	if (e->kind == EL_WORD)
		return word_is(&s->toks[p], e) ? match_from(x, c, k - 1, p - 1) : -1;
	if (e->kind == EL_ACTOR) {
		int m = s->toks[p].mention;
		if (m < 0 || m >= s->nments || s->ments[m].tok_end != p + 1)
			return -1;
		int b = s->ments[m].tok_start - 1;
		if (b >= 0 && cw_lex_has(x->cw->lexicon, CW_LX_ARTICLES, s->toks[b].lower))
			b--;
		return match_from(x, c, k - 1, b);
	}
	/* a gap: none, then one more word at a time */
	for (int g = 0; g <= CUE_GAP && p - g >= 0; g++) {
		if (g > 0 && stop_punct(&s->toks[p - g + 1]))
			break;
		int r = match_from(x, c, k - 1, p - g);
		if (r >= 0)
			return r;
	}
	return -1;
}

static int applies(const cue *c, const cw_trigger *t)
{
	int nominal = (t->flags & CW_TR_NOMINAL) != 0;
	return c->only == ANY || (c->only == NOUN_ONLY) == nominal;
}

/* Could a cue end on this token? */
static int may_end_word(const cw_frame_dict *f, const cw_token *t)
{
	const cw_map *e = f->ends;
	return (t->lower && cw_map_get(e, t->lower)) || (t->vlemma && cw_map_get(e, t->vlemma)) ||
	       (t->nlemma && cw_map_get(e, t->nlemma));
}

/* ... memoised per token (0 unknown, 1 no, 2 yes): every trigger looks
 * at the same tokens before it. */
static int may_end(const ctx *x, const cw_token *t)
{
	const cw_sentence *s = x->s;
	int m = t->mention;
	if (x->f->actor_ends && m >= 0 && m < s->nments && s->ments[m].tok_end == t - s->toks + 1)
		return 1;
	if (!x->ends)
		return may_end_word(x->f, t);
	unsigned char *e = &x->ends[t - s->toks];
	if (!*e)
		*e = (unsigned char)(1 + may_end_word(x->f, t));
	return *e == 2;
}

/* The best word cue ending on token p: the longest. */
static const cue *cue_at(const ctx *x, const cw_trigger *t, int p, int negation_only, int *start)
{
	const cue *best = NULL;
	if (!may_end(x, &x->s->toks[p]))
		return NULL;
	for (int i = 0; i < x->f->ncues; i++) {
		const cue *c = &x->f->cues[i];
		if (c->clause || !applies(c, t) || (negation_only && c->frame != CW_F_NEGATED))
			continue;
		int b = match_from(x, c, c->nels - 1, p);
		if (b >= 0 && (!best || p - b > p - *start)) {
			best = c;
			*start = b;
		}
	}
	return best;
}

/* The word cue right before the act (skip words between), or a negation
 * a little further back.  Words before the anchor that are the pattern's
 * own ("were able to > leave") are its meaning, not a cue. */
static const cue *word_cue(const ctx *x, const cw_trigger *t, int *start)
{
	const cw_sentence *s = x->s;
	int from = t->tok_start - 1, adjacent = 1;
	for (int p = from; p >= 0; p--) {
		const cw_token *k = &s->toks[p];
		if (stop_punct(k))
			return NULL;
		int near = from - p < NEG_REACH;
		if (!adjacent && !near)
			return NULL;
		const cue *c = cue_at(x, t, p, !adjacent, start);
		if (c)
			return c;
		if (!skippable(x, k))
			adjacent = 0;
	}
	return NULL;
}

/* A bare infinitive joined by "and" to an earlier one shares its cue:
 * "was scheduled to give a speech and meet with dissidents", "will visit
 * Paris and meet Macron". */
static int base_form(const cw_token *t)
{
	return t->vlemma && t->lower && strcmp(t->vlemma, t->lower) == 0 && !(t->flags & CW_T_PUNCT);
}

static const cue *conjunct_cue(const ctx *x, const cw_trigger *t, int *start)
{
	const cw_sentence *s = x->s;
	int a = t->tok_start - 1;
	if (!base_form(&s->toks[t->anchor]) || a < 1 ||
	    !cw_lex_has(x->cw->lexicon, CW_LX_AND, s->toks[a].lower))
		return NULL;
	for (int v = a - 1; v >= 0 && v >= a - CLAUSE_REACH; v--) {
		const cw_token *k = &s->toks[v];
		if (stop_punct(k) || (k->lower && strcmp(k->lower, ",") == 0))
			return NULL;
		if (!base_form(k) || v == 0)
			continue;
		cw_trigger first = *t;
		first.anchor = first.tok_start = v;
		const cue *c = word_cue(x, &first, start);
		if (c)
			return c;
	}
	return NULL;
}

/* A negation among the pattern's own words before its anchor. */
static int own_negation(const ctx *x, const cw_trigger *t)
{
	int start;
	for (int p = t->tok_start; p < t->anchor; p++) {
		const cue *c = cue_at(x, t, p, 1, &start);
		if (c && start >= t->tok_start)
			return 1;
	}
	return 0;
}

static int finite(int pos)
{
	return cw_verb_tag(pos, CW_VF_FINITE | CW_VF_MODAL);
}

/* "broke through the gates after his departure and ransacked his
 * offices": a finite verb joined by "and" to what went before, with no
 * verb between the clause cue and the "and", is the main clause's second
 * verb, outside the phrase the cue opens ("after rebels stormed the town
 * and killed 20" keeps the killing in it). */
static int main_coordinate(const ctx *x, const cw_trigger *t, int from)
{
	const cw_sentence *s = x->s;
	if (t->flags & CW_TR_NOMINAL)
		return 0;
	for (int k = from; k < t->tok_start; k++) {
		/* "after rebels stormed the town and": the phrase has a verb
		 * of its own ("days of fighting" has none) */
		if (finite(s->toks[k].pos))
			return 0;
		if (!cw_lex_has(x->cw->lexicon, CW_LX_AND, s->toks[k].lower))
			continue;
		/* the tagger reads "and arrested 400" as a participle as often;
		 * "and looting" is a noun */
		int pos = s->toks[k + 1].pos;
		return t->tok_start - k <= AND_REACH && (finite(pos) || pos == CW_POS_VBN);
	}
	return 0;
}

/* The clause cue the act lies under: its last word before the act in the
 * same stretch of the sentence.  A that-clause joined to another ("alleged
 * that X ..., and that Y ...") lies under the first one's cue. */
static const cue *clause_cue(const ctx *x, const cw_trigger *t, int *start)
{
	const cw_sentence *s = x->s;
	const cw_lexicon *lex = x->cw->lexicon;
	for (int p = t->tok_start - 1, n = 0; p >= 0 && n < CLAUSE_REACH; p--, n++) {
		if (p > 1 && cw_lex_has(lex, CW_LX_COMPLEMENTIZER, s->toks[p].lower) &&
		    cw_lex_has(lex, CW_LX_AND, s->toks[p - 1].lower)) {
			p -= 2;
			if (strcmp(s->toks[p].lower, ",") == 0)
				p--;
			n = 0;
		}
		if (p < 0 || stop_punct(&s->toks[p]))
			return NULL;
		for (int i = 0; may_end(x, &s->toks[p]) && i < x->f->ncues; i++) {
			const cue *c = &x->f->cues[i];
			if (c->clause && applies(c, t) && (*start = match_from(x, c, c->nels - 1, p)) >= 0)
				return c->frame == CW_F_TOPIC && main_coordinate(x, t, p + 1) ? NULL : c;
		}
	}
	return NULL;
}

/* The trigger whose words cover token p, other than t, or -1. */
static int trigger_over(const cw_sentence *s, int p, const cw_trigger *t)
{
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (u != t && u->tok_start <= p && p < u->tok_end)
			return j;
	}
	return -1;
}

/* Is token k a verb of the sentence (a clause's, or a verbal pattern's)? */
static int verb_at(const cw_sentence *s, int k)
{
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == k)
			return 1;
	for (int i = 0; i < s->ntrigs; i++)
		if (s->trigs[i].anchor == k && !(s->trigs[i].flags & CW_TR_NOMINAL))
			return 1;
	return 0;
}

/* Modifiers only between a governing pattern and its content: words,
 * determiners and adjectives, and an owner ("the Russian missile strike",
 * "Russia's offensive"), but no other party, verb or punctuation. */
static int modifiers_only(const ctx *x, int from, int to)
{
	const cw_sentence *s = x->s;
	const cw_lexicon *lex = x->cw->lexicon;
	for (int k = from; k < to; k++) {
		const cw_token *w = &s->toks[k];
		int m = w->mention;
		if (w->flags & CW_T_PUNCT)
			if (!cw_lex_has(lex, CW_LX_POSSESSIVE, w->lower))
				return 0;
		if (m >= 0 && m < s->nments) {
			/* an adjective, an owner, or a name used as one ("the U.S.
			 * air strike") */
			const cw_mention *a = &s->ments[m];
			int e = a->tok_end;
			if (a->kind != CW_M_ADJ && e != to &&
			    !(e < s->ntoks && cw_lex_has(lex, CW_LX_POSSESSIVE, s->toks[e].lower)))
				return 0;
		}
		if (verb_at(s, k))
			return 0;
	}
	return 1;
}

static int plural(const cw_token *t)
{
	size_t n = t->lower ? strlen(t->lower) : 0;
	return n > 1 && t->lower[n - 1] == 's' && t->nlemma && strcmp(t->nlemma, t->lower) != 0;
}

/* "condemned the invasion and demanded that Iraq withdraw": a finite verb
 * joined by "and" is an act of its own, while nouns and gerunds so joined
 * are one object ("investigating killings and rapes", "condemned the
 * shelling and killing of civilians"). */
static int coordinated_verb(const ctx *x, const cw_trigger *t, int from)
{
	const cw_sentence *s = x->s;
	if ((t->flags & CW_TR_NOMINAL) || cw_lex_ends(x->cw->lexicon, CW_LX_PROGRESSIVE, s->toks[t->anchor].lower))
		return 0;
	for (int k = from; k < t->anchor; k++) {
		if (!cw_lex_has(x->cw->lexicon, CW_LX_AND, s->toks[k].lower))
			continue;
		/* "killings and rapes": a plural joined to a plural is a noun */
		const cw_token *a = &s->toks[t->anchor], *p = k > 0 ? &s->toks[k - 1] : NULL;
		return !(p && plural(p) && plural(a));
	}
	return 0;
}

/* "threatened military action", "condemned the Russian missile strike",
 * "ruled out sending missiles": an act named right after a pattern that
 * governs acts is that pattern's content.  Only modifiers may stand
 * between: determiners, adjectives, an owner ("Russia's"). */
static int governor_before(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (j == i || u->tok_end > t->anchor || t->anchor - u->tok_end > COMP_REACH ||
		    x->gov[j] < 0)
			continue;
		if (modifiers_only(x, u->tok_end, t->anchor) && !coordinated_verb(x, t, u->tok_end))
			return j;
	}
	return -1;
}

static int topic_prep(const ctx *x, int k)
{
	const char *w = x->s->toks[k].lower;
	return cw_lex_has(x->cw->lexicon, CW_LX_GENITIVE, w) || cw_lex_has(x->cw->lexicon, CW_LX_REASON_PREPS, w);
}

/* "accused Colombia's president, Juan Manuel Santos, of being behind a
 * drone attack", "blamed the rebels for the bombing of the market": a
 * governing pattern that ends in the preposition of its topic ("of",
 * "for") governs the acts further on in its phrase, up to punctuation or
 * another clause. */
static int governor_of(const ctx *x, int i)
{
	const cw_sentence *s = x->s;
	const cw_lexicon *lex = x->cw->lexicon;
	const cw_trigger *t = &s->trigs[i];
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (j == i || x->gov[j] < 0 || u->tok_end > t->tok_start ||
		    t->tok_start - u->tok_end > CLAUSE_REACH)
			continue;
		/* the preposition ends the pattern, or follows the one it is
		 * aimed at ("accused X, Y's president, of") */
		int e = u->tok_end - 1;
		while (e + 1 < t->tok_start && !topic_prep(x, e) && !verb_at(s, e + 1) &&
		       !(stop_punct(&s->toks[e + 1]) && strcmp(s->toks[e + 1].lower, ",") != 0))
			e++;
		if (!topic_prep(x, e))
			continue;
		int k = e + 1;
		while (k < t->tok_start && !stop_punct(&s->toks[k]) &&
		       !cw_lex_has(lex, CW_LX_CLAUSE_OPENERS, s->toks[k].lower) &&
		       !cw_lex_has(lex, CW_LX_RELATIVES, s->toks[k].lower))
			k++;
		if (k == t->tok_start && !coordinated_verb(x, t, u->tok_end))
			return j;
	}
	return -1;
}

/* Is the trigger's clause negated by the parse? */
static int clause_negated(const cw_sentence *s, const cw_trigger *t)
{
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		if (c->verb == t->anchor || (c->verb >= t->tok_start && c->verb < t->tok_end))
			return c->negated;
	}
	return 0;
}

static int reported(const cw_sentence *s, const cw_trigger *t)
{
	if (t->flags & (CW_TR_SAY | CW_TR_REPORT))
		return 0;
	for (int j = 0; j < s->ntrigs; j++)
		if (&s->trigs[j] != t && (s->trigs[j].flags & (CW_TR_SAY | CW_TR_REPORT)))
			return 1;
	return 0;
}

/* The code an act takes in its frame: itself, its counterpart (an intended
 * act its intent, else its threat), or "" for none. */
static const char *framed_code(const ctx *x, int frame, const char *code)
{
	const cw_codes *codes = x->cw->codes;
	switch (frame) {
	case CW_F_ASSERTED: case CW_F_ATTEMPTED: case CW_F_REPORTED:
		return code;
	case CW_F_INTENDED: {
		const char *c = cw_code_counter(codes, code, CW_C_INTENT);
		return *c ? c : cw_code_counter(codes, code, CW_C_THREAT);
	}
	case CW_F_PROMISED: return cw_code_counter(codes, code, CW_C_INTENT);
	case CW_F_THREATENED: return cw_code_counter(codes, code, CW_C_THREAT);
	case CW_F_DEMANDED: return cw_code_counter(codes, code, CW_C_DEMAND);
	case CW_F_APPEALED: return cw_code_counter(codes, code, CW_C_APPEAL);
	case CW_F_REFUSED: return cw_code_counter(codes, code, CW_C_REFUSAL);
	default: return "";
	}
}

/* A pattern's own code is a general one ("020", "120", "13") when it
 * ends in 0 or is a root: its content may make it more specific. */
static int general(const char *code)
{
	size_t n = strlen(code);
	return n == 2 || (n == 3 && code[2] == '0');
}

/* The governor u takes the code its content makes of it: "refused to" 120
 * with "meet" 040 is 125.  Its own frame must leave it an act. */
static void refine(const ctx *x, cw_trigger *u, int frame, const char *content)
{
	if (x->cw->opts.petrarch || !content[0] || !general(u->fcode) ||
	    (u->frame != CW_F_ASSERTED && u->frame != CW_F_REPORTED && u->frame != CW_F_ATTEMPTED))
		return;
	const char *c = framed_code(x, frame, content);
	if (*c && frame != CW_F_ASSERTED)
		set_code(u->fcode, c);
}

/* In PETRARCH's conventions an announced act is the act: only negation
 * (a refusal counting as one), denial and governed content hold. */
static int petrarch_frame(int frame)
{
	return frame == CW_F_REFUSED ? CW_F_NEGATED
	       : frame == CW_F_NEGATED || frame == CW_F_DENIED ? frame : CW_F_ASSERTED;
}

/* Steps 2-5 of the header: the act's own frame. */
static void own_frame(const ctx *x, cw_trigger *t)
{
	const cw_sentence *s = x->s;
	int start = -1;
	const cue *c = NULL;
	t->frame = CW_F_ASSERTED;
	if (t->flags & CW_TR_NEGATED) {
		t->frame = CW_F_DENIED;
	} else if ((c = clause_cue(x, t, &start)) || (c = word_cue(x, t, &start)) ||
		   (c = conjunct_cue(x, t, &start))) {
		t->frame = c->frame;
		t->cue = start;
		t->holder = c->clause || c->actor;
	} else if (clause_negated(s, t) && !own_negation(x, t)) {
		t->frame = CW_F_NEGATED;
	}
	if (x->cw->opts.petrarch && petrarch_frame(t->frame) != t->frame) {
		t->frame = petrarch_frame(t->frame);
		t->cue = -1;
	}
	if (t->frame == CW_F_ASSERTED && reported(s, t))
		t->frame = CW_F_REPORTED;
	set_code(t->fcode, framed_code(x, t->frame, t->code));
}

/* Does a demanded cue of frames.txt end on token k ("must")? */
static int demand_modal(const ctx *x, int k)
{
	if (!may_end(x, &x->s->toks[k]))
		return 0;
	for (int i = 0; i < x->f->ncues; i++) {
		const cue *c = &x->f->cues[i];
		if (c->frame == CW_F_DEMANDED && !c->clause && c->only != NOUN_ONLY && !c->actor &&
		    match_from(x, c, c->nels - 1, k) >= 0)
			return 1;
	}
	return 0;
}

/* "insisted that it was not staging a coup": a pattern ending in "that"
 * whose clause goes on with a finite verb (by the tagger: a past or
 * present form or a modal) states a claim, while a bare verb ("insists
 * that Russia withdraw") makes it the demand.  The code it then takes,
 * or "" when no indicative line names its code. */
static const char *indicative(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	const char *code = NULL;
	size_t len = 0;
	for (int i = 0; i < x->f->nind; i++) {
		size_t n = strlen(x->f->ind[i].prefix);
		if (n > len && strncmp(t->code, x->f->ind[i].prefix, n) == 0)
			code = x->f->ind[i].code, len = n;
	}
	int e = t->tok_end - 1;
	if (!code || e < 0 || !cw_lex_has(x->cw->lexicon, CW_LX_COMPLEMENTIZER, s->toks[e].lower))
		return "";
	for (int k = t->tok_end; k < s->ntoks && k < t->tok_end + THAT_VERB_REACH; k++) {
		const cw_token *w = &s->toks[k];
		if (stop_punct(w) || cw_lex_has(x->cw->lexicon, CW_LX_CLAUSE_OPENERS, w->lower))
			break;
		/* "troops leave": a plural's present is the bare form too */
		if (w->pos == CW_POS_VB || (w->pos == CW_POS_VBP && w->vlemma && strcmp(w->vlemma, w->lower) == 0))
			return "";
		/* "insisted that the government must raise wages": a modal
		 * that frames.txt makes a demand ("must", "should") keeps it
		 * one */
		if (w->pos == CW_POS_MD && demand_modal(x, k))
			return "";
		if (finite(w->pos))
			return code;
	}
	return "";
}

/* "Police said the gang was behind the abduction": a bare statement
 * (@say) whose report holds the words of a "says" line tells no act a
 * pattern knows, but it states what the line's code is (an accusation).
 * The report runs from the statement verb to the end of its stretch of
 * the sentence (";" or ":" ends it; commas do not: "said X, which
 * controls the area, was behind"), at most REPORT_REACH words.  The
 * code of the first line to match at the earliest word, or "", and in
 * *end the last word it matched. */
static const char *says_code(const ctx *x, const cw_trigger *t, int *end)
{
	const cw_sentence *s = x->s;
	if (!(t->flags & CW_TR_SAY))
		return "";
	for (int p = t->tok_end; p < s->ntoks && p < t->tok_end + REPORT_REACH; p++) {
		const char *w = s->toks[p].lower;
		if (w && (strcmp(w, ";") == 0 || strcmp(w, ":") == 0))
			break;
		for (int i = 0; i < x->f->nsays; i++) {
			const cue *c = &x->f->says[i].c;
			int b = match_from(x, c, c->nels - 1, p);
			if (b >= t->tok_end) {
				*end = p;
				return x->f->says[i].code;
			}
		}
	}
	return "";
}

/* A nominal act right after the words of a "says" line. */
static int topic_of_says(const cw_trigger *u, int j, int i, int end)
{
	return j != i && (u->flags & CW_TR_NOMINAL) && u->tok_start > end && u->tok_start <= end + COMP_REACH;
}

/* Does the report go on, past the words of a "says" line and up to the
 * next punctuation, with an act a pattern knows ("said they would not
 * pull back": the refusal to pull back, 1246, says more than 120)? */
static int names_act(const ctx *x, int i, int end)
{
	const cw_sentence *s = x->s;
	int stop = end + 1;
	while (stop < s->ntoks && !stop_punct(&s->toks[stop]))
		stop++;
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (!topic_of_says(u, j, i, end) && !(u->flags & (CW_TR_SAY | CW_TR_REPORT)) &&
		    u->anchor > end && u->anchor < stop)
			return 1;
	}
	return 0;
}

/* A statement that says more than 010 takes that code; the act its words
 * name right after them ("was behind the assassination of") is what the
 * statement is about, no event of its own. */
static void says(const ctx *x, int i)
{
	cw_sentence *s = x->s;
	cw_trigger *t = &s->trigs[i];
	int end = -1;
	if ((t->frame != CW_F_ASSERTED && t->frame != CW_F_REPORTED) || strcmp(t->fcode, t->code) != 0)
		return;
	const char *c = says_code(x, t, &end);
	if (!*c || names_act(x, i, end))
		return;
	set_code(t->fcode, c);
	for (int j = 0; j < s->ntrigs; j++) {
		cw_trigger *u = &s->trigs[j];
		if (topic_of_says(u, j, i, end)) {
			u->governor = i;
			u->frame = CW_F_TOPIC;
			u->fcode[0] = '\0';
		}
	}
}

/* Is token k the verb of a participle adjunct (", killing 11 soldiers")? */
static int adjunct_verb(const cw_sentence *s, int k)
{
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == k)
			return s->clauses[i].adjunct;
	return 0;
}

/* A participle adjunct's verb, or one joined to such a verb by "and"
 * ("killing 11 soldiers and wounding four"). */
static int result_participle(const ctx *x, const cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if (adjunct_verb(s, t->anchor))
		return 1;
	if (t->tok_start < 1 || !cw_lex_has(x->cw->lexicon, CW_LX_AND, s->toks[t->tok_start - 1].lower))
		return 0;
	for (int k = t->tok_start - 2; k >= 0 && !stop_punct(&s->toks[k]); k--)
		if (s->toks[k].pos == CW_POS_VBG && adjunct_verb(s, k))
			return 1;
	return 0;
}

/* "ambushed an army truck, killing 11 soldiers and wounding four": force
 * told in a participle after force used before it in the sentence is what
 * that act did, one act and not a second one (the killing merges with the
 * ambush as one category; the wounding, another, would be coded beside
 * it).  An asserted violent act whose verb is such an adjunct's is its
 * topic. */
static void result_of_force(const ctx *x, cw_trigger *t)
{
	const cw_sentence *s = x->s;
	if ((t->flags & CW_TR_NOMINAL) || s->toks[t->anchor].pos != CW_POS_VBG ||
	    (t->frame != CW_F_ASSERTED && t->frame != CW_F_REPORTED) || !t->fcode[0] ||
	    !cw_code_violent(x->cw->codes, t->fcode) || !result_participle(x, t))
		return;
	for (int j = 0; j < s->ntrigs; j++) {
		const cw_trigger *u = &s->trigs[j];
		if (u == t || u->anchor >= t->anchor || !u->fcode[0] || !cw_code_violent(x->cw->codes, u->fcode))
			continue;
		for (int k = u->tok_end; k < t->tok_start; k++)
			if (strcmp(s->toks[k].lower, ",") == 0) {
				t->frame = CW_F_TOPIC;
				t->fcode[0] = '\0';
				return;
			}
	}
}

int cw_frames(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	if (!cw->frames)
		return 0;
	ctx x = { cw, cw->frames, s, NULL, NULL };
	if (!s->ntrigs)
		return 0;
	if (!(x.ends = cw_alloc(doc->arena, (size_t)s->ntoks)) ||
	    !(x.gov = cw_alloc(doc->arena, (size_t)s->ntrigs * sizeof *x.gov)))
		return CURLEW_ESYS;
	for (int i = 0; i < s->ntrigs; i++)
		x.gov[i] = cw_frame_governed(x.f, s, &s->trigs[i]);
	for (int i = 0; i < s->ntrigs; i++) {
		cw_trigger *t = &s->trigs[i];
		t->governor = t->cue = -1;
		t->holder = 0;
		own_frame(&x, t);
	}
	for (int i = 0; i < s->ntrigs && !cw->opts.petrarch; i++) {
		cw_trigger *t = &s->trigs[i];
		int plain = t->frame == CW_F_ASSERTED || t->frame == CW_F_REPORTED;
		const char *c = plain ? indicative(&x, t) : "";
		if (*c)
			set_code(t->fcode, c);
	}
	/* The act a pattern swallowed is its content ("refused to > meet"). */
	for (int i = 0; i < s->ntrigs; i++) {
		cw_trigger *u = &s->trigs[i];
		int frame = x.gov[i];
		if (u->comp_code[0] && frame >= 0)
			refine(&x, u, frame, u->comp_code);
	}
	/* So is an act whose cue is another pattern's words ("demanded that
	 * the government ease"), or that a governing pattern names right
	 * after it ("condemned the attack"). */
	for (int i = 0; i < s->ntrigs; i++) {
		cw_trigger *t = &s->trigs[i];
		int u = t->cue >= 0 ? trigger_over(s, t->cue, t) : -1;
		int frame = u >= 0 ? x.gov[u] : -1;
		if (u >= 0 && frame < 0) {
			/* a pattern's "to" is no purpose ("give in to") */
			if (t->frame == CW_F_PURPOSE) {
				t->frame = CW_F_ASSERTED;
				set_code(t->fcode, t->code);
			}
			continue;
		}
		if (u < 0 && t->frame != CW_F_NEGATED && t->frame != CW_F_DENIED &&
		    ((u = governor_before(&x, i)) >= 0 || (u = governor_of(&x, i)) >= 0))
			frame = x.gov[u];
		if (u < 0)
			continue;
		t->governor = u;
		t->frame = frame;
		refine(&x, &s->trigs[u], frame, t->code);
		t->fcode[0] = '\0';
	}
	for (int i = 0; i < s->ntrigs && !cw->opts.petrarch; i++)
		says(&x, i);
	for (int i = 0; i < s->ntrigs && !cw->opts.petrarch; i++)
		result_of_force(&x, &s->trigs[i]);
	return 0;
}
