/*
 * recode.c -- acts whose code depends on who does them to whom
 * (DATA/recode.txt, optional).  The words of "police opened fire on
 * protesters" and "troops opened fire on rebels" are the same; the CAMEO
 * codebook and the analysts who follow it code the first as violent
 * repression (175) and the second as fighting (19x).  Likewise protesters
 * who storm a building riot (145), and fighters who capture soldiers take
 * hostages (181) rather than arrest them (173).  So once an event has its
 * source and target (after resolve), a rule of the file may give it
 * another code by the sectors of the two and by whether they are of one
 * country:
 *
 *     NEWCODE  CODES  by SOURCE  [on TARGET [person]]  [within]
 *
 * CODES   the codes the rule applies to: codes or their prefixes ("18" is
 *         every assault), separated by '|'; one after '!' is left alone
 *         ("18|19|!195": air strikes stay); '*' is every code.
 * SOURCE  sectors (agents.txt's, as OPP or COP), separated by '|': the
 *         source must have one of them; '*' is any source.
 * TARGET  the same for the target; '-' stands for no target named (none,
 *         or one resolve implied: the place, the own country) and '*' for
 *         any target named.  Without "on" the target does not matter: any
 *         target, or none.
 * person  the target is a person named (a surname coref can follow): "a
 *         gunman shot Prime Minister Fico" aims at a leader, "shot at
 *         government troops" at a force.
 * within  a target named is of the source's own country, or both are
 *         of none known: "police fired on protesters" at home, not
 *         troops abroad.
 *
 * NEWCODE may be "-": the event is dropped, for a source that is no
 * political actor whatever the verb says.  SOURCE may then be "=NAME", a
 * class of nouns ("!class NAME word ..." lines, before the rule): the
 * source is the country of an adjective or a possessive on such a noun,
 * or of the place after it ("the German carmaker said", "Australia's
 * bowlers destroyed", "researchers in Sweden found"): a firm, a team, a
 * scientist of that country, not its state.  Or the sentence opens with
 * such a noun and the source is only a place or an owner further on
 * ("Monsoon floods have killed 1,100 people in Pakistan").
 *
 * The first rule that applies wins; a recoded event is not recoded again.
 * PETRARCH codes by its dictionaries alone, so --petrarch-mode skips this.
 * Without the file nothing is recoded.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* Sectors and codes a rule lists; more would be a rule that means
 * "anyone" or "anything", which has no place here. */
#define MAX_ITEMS 16

typedef struct rule {
	char code[5];                          /* the new code */
	char in[MAX_ITEMS][5], out[MAX_ITEMS][5];
	int nin, nout;
	char src[MAX_ITEMS][4], tgt[MAX_ITEMS][4];
	int nsrc, ntgt;
	int any_target;                        /* no "on": a target or none */
	int some_target;                       /* "on *": any target, but one */
	int any_source;                        /* "by *" */
	int person;                            /* the target is a named person */
	int no_target, within;
	const cw_wclass *cls;                  /* "=NAME": the source's noun's class */
	const char *name;                      /* "recode.txt:12", for explain */
} rule;

struct cw_recode_rules {
	cw_arena *arena;
	rule *r;
	int n, cap;
	const cw_lexicon *lexicon;             /* place prepositions, the genitive */
	cw_wclasses *classes;                  /* !class lists (wordclass.c) */
};

typedef struct loader {
	cw_recode_rules *d;
	const curlew *cw;
	const char *path;
	char *err;
	size_t errlen;
} loader;

static int bad(loader *ld, int lineno, const char *why)
{
	snprintf(ld->err, ld->errlen, "%s:%d: %s", ld->path, lineno, why);
	return -1;
}

/* "18|19|!195" into the kept and the excepted prefixes. */
static int parse_codes(loader *ld, rule *r, char *s, int lineno)
{
	char *f[MAX_ITEMS + 1];
	int n = cw_split(s, '|', f, MAX_ITEMS + 1);
	if (n > MAX_ITEMS)
		return bad(ld, lineno, "too many codes");
	for (int i = 0; i < n; i++) {
		if (strcmp(f[i], "*") == 0) {   /* every code: the empty prefix */
			r->in[r->nin++][0] = '\0';
			continue;
		}
		int neg = f[i][0] == '!';
		const char *c = f[i] + neg;
		if (!cw_code_shape(c) || !cw_codes_known(ld->cw->codes, c))
			return bad(ld, lineno, "not a code of cameo-codes.tsv");
		snprintf(neg ? r->out[r->nout++] : r->in[r->nin++], 5, "%s", c);
	}
	return r->nin > 0 ? 0 : bad(ld, lineno, "no code to recode");
}

/* "OPP|EDU|-" into the source's or the target's sectors; '-', no
 * target, only for the target. */
static int parse_sectors(loader *ld, rule *r, int target, char *s, int lineno)
{
	char *f[MAX_ITEMS + 1];
	int k = cw_split(s, '|', f, MAX_ITEMS + 1);
	if (k > MAX_ITEMS)
		return bad(ld, lineno, "too many sectors");
	for (int i = 0; i < k; i++) {
		if (target && strcmp(f[i], "-") == 0) {
			r->no_target = 1;
			continue;
		}
		if (strlen(f[i]) != 3)
			return bad(ld, lineno, "a sector is three capitals (OPP, COP)");
		memcpy(target ? r->tgt[r->ntgt++] : r->src[r->nsrc++], f[i], 4);
	}
	return 0;
}

/* "!class NAME word ...": a class may take several lines. */
static int parse_class(loader *ld, char *rest, int lineno)
{
	const char *what, *why = cw_wclass_line(ld->d->classes, rest, 0, &what);
	if (!why)
		return 0;
	snprintf(ld->err, ld->errlen, "%s:%d: %s%s%s", ld->path, lineno, why, what ? ": " : "",
		 what ? what : "");
	return -1;
}

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	if (strncmp(line, "!class ", 7) == 0)
		return parse_class(ld, line + 7, lineno);
	char *w[8];
	int n = 0;
	for (char *save = NULL, *t = strtok_r(line, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
		if (n < 8)
			w[n++] = t;
		else
			return bad(ld, lineno, "too many words");
	rule r;
	memset(&r, 0, sizeof r);
	if (n < 4 || strcmp(w[2], "by") != 0)
		return bad(ld, lineno, "NEWCODE CODES by SOURCE [on TARGET [person]] [within]");
	if (strcmp(w[0], "-") != 0 && (!cw_code_shape(w[0]) || !cw_codes_known(ld->cw->codes, w[0])))
		return bad(ld, lineno, "the new code is not in cameo-codes.tsv");
	snprintf(r.code, sizeof r.code, "%s", w[0]);
	if (strcmp(w[3], "*") == 0)
		r.any_source = 1;
	else if (w[3][0] == '=' && !(r.cls = cw_wclass_get(ld->d->classes, w[3] + 1)))
		return bad(ld, lineno, "unknown class (its !class line must come before)");
	if (parse_codes(ld, &r, w[1], lineno) < 0 ||
	    (!r.any_source && !r.cls && parse_sectors(ld, &r, 0, w[3], lineno) < 0))
		return -1;
	int k = 4;
	if (k < n && strcmp(w[k], "on") == 0) {
		if (k + 1 >= n)
			return bad(ld, lineno, "\"on\" without a target");
		if (strcmp(w[k + 1], "*") == 0)
			r.some_target = 1;
		else if (parse_sectors(ld, &r, 1, w[k + 1], lineno) < 0)
			return -1;
		k += 2;
		if (k < n && strcmp(w[k], "person") == 0) {
			r.person = 1;
			k++;
		}
	} else {
		r.any_target = 1;
	}
	if (k < n && strcmp(w[k], "within") == 0) {
		r.within = 1;
		k++;
	}
	if (k != n)
		return bad(ld, lineno, "expected \"on TARGET\", \"person\" or \"within\"");
	cw_recode_rules *d = ld->d;
	rule *g = cw_grow(d->arena, d->r, &d->cap, d->n + 1, sizeof *g);
	if (!g || !(r.name = cw_printf(d->arena, "recode.txt:%d", lineno))) {
		snprintf(ld->err, ld->errlen, "out of memory");
		return -1;
	}
	d->r = g;
	d->r[d->n++] = r;
	return 0;
}

int cw_recode_load(cw_recode_rules **out, const curlew *cw, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_recode_rules *d = calloc(1, sizeof *d);
	if (!d || !(d->arena = cw_arena_new()) || !(d->classes = cw_wclasses_new(d->arena))) {
		if (d)
			cw_arena_free(d->arena);
		free(d);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/recode.txt", cw->data_dir);
	d->lexicon = cw->lexicon;
	loader ld = { d, cw, path, err, errlen };
	errno = 0;
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc != 0 && !*err && errno != ENOENT)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	if (rc != 0 && *err) {
		cw_recode_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void cw_recode_free(cw_recode_rules *d)
{
	if (!d)
		return;
	cw_wclasses_free(d->classes);
	cw_arena_free(d->arena);
	free(d);
}

static int prefix_of(const char *code, const char (*list)[5], int n)
{
	for (int i = 0; i < n; i++)
		if (strncmp(code, list[i], strlen(list[i])) == 0)
			return 1;
	return 0;
}

static int has_sector(const cw_mention *m, const char (*list)[4], int n)
{
	for (int i = 0; i < m->nsectors; i++)
		for (int k = 0; k < n; k++)
			if (strcmp(m->sectors[i], list[k]) == 0)
				return 1;
	return 0;
}

static int in_class(const cw_recode_rules *d, const cw_wclass *cls, const cw_token *t)
{
	return cw_wclass_has(d->classes, cls, t);
}

static int nounish(int pos)
{
	return pos == CW_POS_NN || pos == CW_POS_NNS || pos == CW_POS_JJ || pos == CW_POS_NNP ||
	       pos == CW_POS_NNPS || pos == CW_POS_VBG;
}

/* The end of the noun run from token i: its last noun, or -1. */
static int noun_run(const cw_sentence *s, int *i)
{
	int head = -1;
	for (; *i < s->ntoks && nounish(s->toks[*i].pos) && s->toks[*i].mention < 0; (*i)++)
		if (s->toks[*i].pos != CW_POS_JJ)
			head = *i;
	return head;
}

/* The noun the source stands for: the mention's own head ("the German
 * carmaker"), or the head of the words it modifies ("the Australian
 * dollar"), and past an owner what it owns ("Australia's fast bowlers",
 * "the German carmaker's union" is a union); else, when nothing follows,
 * the noun before a preposition that places or makes a member of ("in",
 * "from", lexicon.txt) or the genitive ahead of it ("researchers in
 * Sweden"); -1 for none. */
static int source_noun(const cw_recode_rules *d, const cw_sentence *s, const cw_mention *m)
{
	int i = m->tok_end, head = noun_run(s, &i), owned = 0;
	while (i < s->ntoks && s->toks[i].pos == CW_POS_POS) {
		i++;
		int h = noun_run(s, &i);
		if (h < 0)
			break;
		head = h;
		owned = 1;
	}
	if (head >= 0 || owned)
		return head;
	if (m->tok_start < 2)
		return m->head;
	const cw_token *p = &s->toks[m->tok_start - 1], *n = &s->toks[m->tok_start - 2];
	int prep = d->lexicon && (cw_lex_has(d->lexicon, CW_LX_LOCATED_PREPS, p->lower) ||
				  cw_lex_has(d->lexicon, CW_LX_MEMBER_PREPS, p->lower) ||
				  cw_lex_has(d->lexicon, CW_LX_GENITIVE, p->lower));
	return prep && (n->pos == CW_POS_NN || n->pos == CW_POS_NNS) && n->mention < 0 ? m->tok_start - 2
										 : m->head;
}

static int det_or_adj(int pos)
{
	return pos == CW_POS_DT || pos == CW_POS_JJ || pos == CW_POS_CD || pos == CW_POS_PDT;
}

/* The sentence opens with a noun phrase of the class and no actor in it
 * ("Monsoon floods have killed ...", "A fire at a nightclub in the
 * Romanian capital killed ..."), and the source is no subject but the
 * place or the owner of a thing after it ("in western Kenya", "a third
 * of Pakistan", "Venezuela's coast"): the opening phrase did the act. */
static int opened_by(const cw_recode_rules *d, const cw_wclass *cls, const cw_sentence *s,
		     const cw_mention *src)
{
	int i = 0, hit = 0;
	for (; i < s->ntoks && (nounish(s->toks[i].pos) || det_or_adj(s->toks[i].pos)); i++) {
		/* an actor opens it; a name nobody knows ("Cyclone Idai",
		 * "Hurricane Beryl") is no actor */
		int m = s->toks[i].mention;
		if (m >= 0 && m < s->nments && s->ments[m].code[0])
			return 0;
		hit |= in_class(d, cls, &s->toks[i]);
	}
	if (!hit || src->tok_start < i || !d->lexicon)
		return 0;
	int p = src->tok_start - 1;
	while (p >= i && det_or_adj(s->toks[p].pos))
		p--;
	if (p >= i && (cw_lex_has(d->lexicon, CW_LX_PLACE_PREPS, s->toks[p].lower) ||
		       cw_lex_has(d->lexicon, CW_LX_GENITIVE, s->toks[p].lower)))
		return 1;
	return src->nsectors == 0 && src->tok_end < s->ntoks && s->toks[src->tok_end].pos == CW_POS_POS;
}

static int applies(const cw_recode_rules *d, const rule *r, const cw_sentence *s, const cw_event *e)
{
	if (!prefix_of(e->code, r->in, r->nin) || prefix_of(e->code, r->out, r->nout))
		return 0;
	const cw_mention *src = &s->ments[e->source];
	if (r->cls) {
		/* a pronoun's head is "it": its antecedent is coref's */
		if (src->kind == CW_M_PRONOUN)
			return 0;
		int k = source_noun(d, s, src);
		return (k >= 0 && k < s->ntoks && in_class(d, r->cls, &s->toks[k])) ||
		       opened_by(d, r->cls, s, src);
	}
	if (!r->any_source && !has_sector(src, r->src, r->nsrc))
		return 0;
	/* a target resolve implied ("police opened fire, killing three":
	 * their own country) is no party the sentence names */
	if (e->target < 0 || e->implied != CW_I_NONE)
		return (r->any_target || r->no_target) && !r->person;
	const cw_mention *tgt = &s->ments[e->target];
	if (r->person && !tgt->key)
		return 0;
	/* two bare agents with no country anywhere in the story ("police
	 * opened fire on striking miners") are at home: news names the
	 * foreign side of an act across a border */
	if (r->within && strcmp(src->country, tgt->country) != 0)
		return 0;
	return r->any_target || r->some_target || has_sector(tgt, r->tgt, r->ntgt);
}

/* The rule that recoded an event, if one did, for explain. */
const char *cw_recode_rule(const cw_recode_rules *d, const cw_sentence *s, const cw_event *e,
			   char newcode[5])
{
	if (!d || e->source < 0)
		return NULL;
	for (int i = 0; i < d->n; i++)
		if (applies(d, &d->r[i], s, e)) {
			memcpy(newcode, d->r[i].code, 5);
			return d->r[i].name;
		}
	return NULL;
}

int cw_recode(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	if (cw->opts.petrarch)
		return 0;
	int kept = 0;
	for (int i = 0; i < s->nevents; i++) {
		cw_event *e = &s->events[i];
		s->events[kept++] = *e;
		e = &s->events[kept - 1];
		char code[5];
		const char *name = cw_recode_rule(cw->recode, s, e, code);
		if (!name)
			continue;
		if (strcmp(code, "-") == 0) {
			if (!s->dropped && s->ntrigs > 0 &&
			    !(s->dropped = cw_alloc(doc->arena, (size_t)s->ntrigs * sizeof *s->dropped)))
				return CURLEW_ESYS;
			if (e->trigger >= 0 && e->trigger < s->ntrigs)
				s->dropped[e->trigger] = name;
			kept--;
			continue;
		}
		const char *why = cw_printf(doc->arena, "%s; %s: %s by who did it to whom", e->why ? e->why : "",
					    name, code);
		if (!why)
			return CURLEW_ESYS;
		memcpy(e->code, code, sizeof e->code);
		e->why = why;
	}
	s->nevents = kept;
	return 0;
}
