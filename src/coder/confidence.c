/*
 * confidence.c -- the last coding stage: how likely each event is to be
 * right.  It reads what the earlier stages recorded about an event (the
 * trigger's frame and pattern, how its source and target were found,
 * where the sentence stands in the story) as a vector of features, and
 * sets event->confidence to a logistic model's estimate of the chance
 * that the event's category is right; it never changes the event.  With
 * curlew_options.min_confidence it then drops the events below it.
 *
 * The weights are data (DATA/confidence.tsv): one "feature<TAB>weight"
 * a line, "bias" the intercept.  tools/fit-confidence.py fits them on the
 * development gold set from `curlew eval --features`, which writes these
 * same features beside each event's score, and can be rerun whenever the
 * rules change.  A feature the file does not name weighs nothing; a name
 * the stage does not know is an error, so that a file fitted to other
 * features is not read as if it fitted these.  Without the file no event
 * gets a confidence (-1: the writers say null) and none can be dropped.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* The features, each 0 or 1 unless said otherwise.  The baseline they
 * add to is an asserted act on a verb, its source a name in its own
 * clause and its target a name. */
enum {
	F_NOMINAL,        /* the trigger is a noun ("the attack on") */
	F_SAY,            /* a bare statement verb (said, told): the 010 fallback */
	F_STATEMENT,      /* the code is a statement (root 01) */
	F_SPECIFIC,       /* literal words of the pattern beyond the anchor: 0, 1/3 ... 1 */
	F_SLOT,           /* the pattern has a target slot */
	F_GOVERNS,        /* the pattern governed and swallowed an act ("refused to > meet") */
	F_ANNOUNCED,      /* frame: intended, threatened or promised (03x, 13x) */
	F_WANTED,         /* frame: demanded or appealed for (10x, 02x) */
	F_REFUSED,        /* frame: refused (12x) */
	F_ATTEMPTED,      /* frame: tried, continued, resumed */
	F_REPORTED,       /* frame: reported ("..., the ministry said") */
	F_PAIRED,         /* the target's side of a paired act ("left for X": 033) */
	F_MUTUAL,         /* a reciprocal or mirrored act */
	F_PARTICIPLE,     /* told by a participle after a comma ("..., killing seven") */
	F_PASSIVE,        /* its clause is passive */
	F_SUBORDINATE,    /* its clause is a complement of another */
	F_NO_SUBJECT,     /* its clause has no subject of its own */
	F_SRC_ADJ,        /* source: a country adjective ("the Armenian side") */
	F_SRC_AGENT,      /* source: an agent word ("police") */
	F_SRC_COREF,      /* source: a pronoun or surname resolved by coref */
	F_SRC_RESOLVED,   /* source: an agent whose country resolve gave */
	F_SRC_NO_COUNTRY, /* source: no country (an IGO, a sector) */
	F_SRC_AFTER,      /* source: after the trigger */
	F_SRC_FAR,        /* source: words between it and the trigger, up to FAR_WORDS: 0..1 */
	F_NO_TARGET,      /* no target */
	F_TGT_IMPLIED,    /* the target is implied (place, government, own country) */
	F_TGT_COREF,      /* target: a pronoun or surname resolved by coref */
	F_TGT_AGENT,      /* target: an agent word */
	F_DOMESTIC,       /* source and target of one country */
	F_VIOLENT,        /* an act of force */
	F_COOPERATION,    /* quad class 1 or 2 */
	F_LATER,          /* the sentence is not the story's first */
	F_POSITION,       /* sentences before it: 0, 1/3 ... 1 */
	F_CROWDED,        /* other events in the sentence: 0, 1/3 ... 1 */
	F_TRIGGERS,       /* other triggers in the sentence: 0, 1/4 ... 1 */
	F_LONG,           /* the sentence's words beyond SHORT_WORDS, up to LONG_WORDS: 0..1 */
	NFEATURES
};

static const char *const feature_names[NFEATURES] = {
	"nominal", "say", "statement", "specific", "slot", "governs", "announced", "wanted",
	"refused", "attempted", "reported", "paired", "mutual", "participle", "passive",
	"subordinate", "no_subject", "src_adj", "src_agent", "src_coref",
	"src_resolved", "src_no_country", "src_after", "src_far", "no_target", "tgt_implied",
	"tgt_coref", "tgt_agent", "domestic", "violent", "cooperation", "later", "position",
	"crowded", "triggers", "long",
};

/* Scales of the graded features: past these the feature stays at 1, so
 * that one outlandish sentence does not weigh more than the fit saw. */
#define FAR_WORDS 12      /* source this far from the trigger is about as bad as any farther */
#define MAX_SPECIFIC 3    /* patterns of 4+ literal words are few */
#define MAX_CROWD 3       /* a sentence of 4+ events is a list */
#define MAX_TRIGGERS 4
#define SHORT_WORDS 20    /* a wire lead sentence is 20-35 words */
#define LONG_WORDS 60
#define MAX_POSITION 3    /* the gold's stories are of up to 5 sentences: past the
			   * 4th the fit has seen nothing */

struct cw_conf_model {
	double bias;
	double w[NFEATURES];
};

int cw_confidence_nfeatures(void)
{
	return NFEATURES;
}

const char *cw_confidence_feature_name(int i)
{
	return i >= 0 && i < NFEATURES ? feature_names[i] : NULL;
}

/* ---------------------------------------------------------------- loading */

typedef struct loader {
	cw_conf_model *m;
	const char *path;
	char *err;
	size_t errlen;
	int seen[NFEATURES + 1];     /* the last: bias */
} loader;

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	char *f[3];
	int n = cw_split(line, '\t', f, 3);
	char *end = NULL;
	double v = n == 2 ? (errno = 0, strtod(cw_trim(f[1]), &end)) : 0;
	if (n != 2 || !end || end == cw_trim(f[1]) || *end || errno || !isfinite(v)) {
		snprintf(ld->err, ld->errlen, "%s:%d: want a feature, a tab and a number", ld->path,
			 lineno);
		return -1;
	}
	const char *name = cw_trim(f[0]);
	int k = strcmp(name, "bias") == 0 ? NFEATURES : -1;
	for (int i = 0; i < NFEATURES && k < 0; i++)
		if (strcmp(name, feature_names[i]) == 0)
			k = i;
	if (k < 0 || ld->seen[k]) {
		snprintf(ld->err, ld->errlen, "%s:%d: %s feature \"%s\"", ld->path, lineno,
			 k < 0 ? "unknown" : "repeated", name);
		return -1;
	}
	ld->seen[k] = 1;
	if (k == NFEATURES)
		ld->m->bias = v;
	else
		ld->m->w[k] = v;
	return 0;
}

int cw_confidence_load(cw_conf_model **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	char path[4096];
	snprintf(path, sizeof path, "%s/confidence.tsv", data_dir);
	cw_conf_model *m = calloc(1, sizeof *m);
	if (!m) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	loader ld = { .m = m, .path = path, .err = err, .errlen = errlen };
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc == -1 && errno == ENOENT && !*ld.err) {
		free(m);
		return 0;   /* optional: no confidence, as for data dirs made before it */
	}
	if (rc != 0) {
		if (!*ld.err)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(m);
		return -1;
	}
	*out = m;
	return 0;
}

void cw_confidence_free(cw_conf_model *m)
{
	free(m);
}

/* ---------------------------------------------------------------- features */

/* The trigger's clause, as events.c finds it: the one its anchor heads,
 * else one whose verb lies in the matched words. */
static const cw_clause *clause_of(const cw_sentence *s, const cw_trigger *t)
{
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb == t->anchor)
			return &s->clauses[i];
	for (int i = 0; i < s->nclauses; i++)
		if (s->clauses[i].verb >= t->tok_start && s->clauses[i].verb < t->tok_end)
			return &s->clauses[i];
	return NULL;
}

static double graded(int v, int most)
{
	return v <= 0 ? 0.0 : v >= most ? 1.0 : (double)v / most;
}

static int coref(const cw_mention *m)
{
	return m->kind == CW_M_PRONOUN || m->kind == CW_M_PERSON;
}

/* "..., killing seven", "filed a lawsuit on Monday accusing": an act told
 * by a participle hung on the main clause. */
static int participle(const curlew *cw, const cw_sentence *s, const cw_trigger *t)
{
	int a = t->anchor;
	if (a < 1 || s->toks[a].pos != CW_POS_VBG)
		return 0;
	return strcmp(s->toks[a - 1].text, ",") == 0 ||
	       cw_lex_has(cw->lexicon, CW_LX_DAYS, s->toks[a - 1].lower);
}

static void frame_features(const cw_trigger *t, double *x)
{
	switch (t->frame) {
	case CW_F_INTENDED: case CW_F_THREATENED: case CW_F_PROMISED:
		x[F_ANNOUNCED] = 1;
		break;
	case CW_F_DEMANDED: case CW_F_APPEALED:
		x[F_WANTED] = 1;
		break;
	case CW_F_REFUSED:
		x[F_REFUSED] = 1;
		break;
	case CW_F_ATTEMPTED:
		x[F_ATTEMPTED] = 1;
		break;
	case CW_F_REPORTED:
		x[F_REPORTED] = 1;
		break;
	default:
		break;
	}
}

static void trigger_features(const curlew *cw, const cw_sentence *s, const cw_event *e, double *x)
{
	const cw_trigger *t = &s->trigs[e->trigger];
	x[F_NOMINAL] = (t->flags & CW_TR_NOMINAL) != 0;
	x[F_SAY] = (t->flags & CW_TR_SAY) != 0;
	x[F_STATEMENT] = strncmp(e->code, "01", 2) == 0;   /* CAMEO's root 01 */
	x[F_SPECIFIC] = graded(t->specificity - 1, MAX_SPECIFIC);
	x[F_SLOT] = t->target_tok >= 0;
	x[F_GOVERNS] = t->comp_code[0] != '\0';
	frame_features(t, x);
	x[F_PAIRED] = t->rcode[0] && strcmp(e->code, t->rcode) == 0 && strcmp(t->rcode, t->fcode);
	x[F_MUTUAL] = (t->flags & (CW_TR_MUTUAL | CW_TR_RECIPROCAL | CW_TR_MIRRORED)) != 0;
	x[F_PARTICIPLE] = participle(cw, s, t);
	const cw_clause *c = clause_of(s, t);
	x[F_PASSIVE] = c && c->passive;
	x[F_SUBORDINATE] = c && c->parent >= 0;
	x[F_NO_SUBJECT] = c && c->nsubj == 0;
	const cw_code_info *ci = cw_codes_get(cw->codes, e->code);
	x[F_VIOLENT] = cw_code_violent(cw->codes, e->code);
	x[F_COOPERATION] = ci && (ci->quad == 1 || ci->quad == 2);
}

static void actor_features(const cw_sentence *s, const cw_event *e, double *x)
{
	const cw_trigger *t = &s->trigs[e->trigger];
	const cw_mention *src = e->source >= 0 ? &s->ments[e->source] : NULL;
	const cw_mention *tgt = e->target >= 0 ? &s->ments[e->target] : NULL;
	if (src) {
		x[F_SRC_ADJ] = src->kind == CW_M_ADJ;
		x[F_SRC_AGENT] = src->kind == CW_M_AGENT;
		x[F_SRC_COREF] = coref(src);
		x[F_SRC_RESOLVED] = src->resolved;
		x[F_SRC_NO_COUNTRY] = !src->country[0];
		x[F_SRC_AFTER] = src->tok_start > t->anchor;
		int gap = src->tok_end <= t->tok_start ? t->tok_start - src->tok_end
			  : src->tok_start >= t->tok_end ? src->tok_start - t->tok_end : 0;
		x[F_SRC_FAR] = graded(gap, FAR_WORDS);
	}
	x[F_NO_TARGET] = !tgt;
	x[F_TGT_IMPLIED] = tgt && e->implied != CW_I_NONE;
	if (tgt && e->implied == CW_I_NONE) {
		x[F_TGT_COREF] = coref(tgt);
		x[F_TGT_AGENT] = tgt->kind == CW_M_AGENT;
	}
	x[F_DOMESTIC] = src && tgt && src->country[0] && strcmp(src->country, tgt->country) == 0;
}

void cw_confidence_features(const curlew *cw, const cw_sentence *s, const cw_event *e, double *x)
{
	memset(x, 0, NFEATURES * sizeof *x);
	trigger_features(cw, s, e, x);
	actor_features(s, e, x);
	x[F_LATER] = s->index > 1;
	x[F_POSITION] = graded(s->index - 1, MAX_POSITION);
	/* (the other side of a joint act, "Germany and France met", is the
	 * same act told both ways: it crowds nothing) */
	int others = 0;
	for (int i = 0; i < s->nevents; i++) {
		const cw_event *o = &s->events[i];
		others += o != e && !(o->trigger == e->trigger && o->source == e->target &&
				      o->target == e->source);
	}
	x[F_CROWDED] = graded(others, MAX_CROWD);
	x[F_TRIGGERS] = graded(s->ntrigs - 1, MAX_TRIGGERS);
	x[F_LONG] = graded(s->ntoks - SHORT_WORDS, LONG_WORDS - SHORT_WORDS);
}

double cw_confidence_of(const cw_conf_model *m, const double *x)
{
	if (!m)
		return -1;
	double z = m->bias;
	for (int i = 0; i < NFEATURES; i++)
		z += m->w[i] * x[i];
	double p = 1 / (1 + exp(-z));
	/* two decimals, as written: --min-confidence compares what users see */
	return round(p * 100) / 100;
}

/* For explain: the score and what made it, each feature present with
 * its share of the logit (weight x value), largest first. */
void cw_confidence_explain(const curlew *cw, const cw_sentence *s, const cw_event *e, FILE *out)
{
	const cw_conf_model *m = cw->confidence;
	if (!m) {
		fputs("    confidence: none (no confidence.tsv)\n", out);
		return;
	}
	double x[NFEATURES];
	int order[NFEATURES], n = 0;
	cw_confidence_features(cw, s, e, x);
	for (int i = 0; i < NFEATURES; i++) {
		if (x[i] == 0 || m->w[i] == 0)
			continue;
		int k = n++;
		while (k > 0 && fabs(m->w[order[k - 1]] * x[order[k - 1]]) < fabs(m->w[i] * x[i])) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	fprintf(out, "    confidence: %.2f (bias %+.2f", e->confidence, m->bias);
	for (int k = 0; k < n; k++)
		fprintf(out, ", %s %+.2f", feature_names[order[k]], m->w[order[k]] * x[order[k]]);
	fputs(")\n", out);
}

/* ---------------------------------------------------------------- stage */

/* A threshold compares with values rounded to hundredths. */
#define ROUNDING 1e-9

int cw_confidence(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	double x[NFEATURES];
	for (int i = 0; i < s->nevents; i++) {
		cw_confidence_features(cw, s, &s->events[i], x);
		s->events[i].confidence = cw_confidence_of(cw->confidence, x);
	}
	double min = cw->opts.min_confidence;
	if (!(min > 0) || !cw->confidence)
		return 0;
	/* event ids keep their k: the same event has the same id whatever
	 * the threshold */
	int n = 0;
	for (int i = 0; i < s->nevents; i++)
		if (s->events[i].confidence >= min - ROUNDING)
			s->events[n++] = s->events[i];
	s->nevents = n;
	return 0;
}
