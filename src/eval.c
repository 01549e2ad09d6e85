/*
 * eval.c -- `curlew eval GOLD.jsonl`: codes each gold story and scores the
 * events against the annotation.
 *
 * Scoring, per story:
 *  - event category = CAMEO root, with 08 split into 081-083 (ease
 *    administrative and political restrictions, 080 included) and 084-087
 *    (return, release, ease military engagement); categories are matched as
 *    multisets, giving precision, recall and F1 over all stories;
 *  - a gold event is "all right" when some coded event, not already paired
 *    with another gold event, has its category and the same source and
 *    target, compared on the actor code's first three letters (the country,
 *    or IGO/NGO/...), a null target matching only a null target.
 *
 * A coded event is "right" (for the confidence's calibration and its fit)
 * when its category is matched: those paired as all right first, then the
 * others of the category in the story's order until its gold events run
 * out, so that each category has min(gold, coded) right events as above.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

typedef struct triple {
	char cat[4];
	char src[4], tgt[4];     /* first three letters, "" for null */
	int sentence;            /* 1-based; 0: gold that gives none */
	int self;                /* coded: source and target of one country */
	int used;
	const char *rule;        /* coded events: the rule that fired */
	/* coded events: */
	double conf;             /* the event's confidence, -1 for none */
	int right;               /* its category is matched (see above) */
	const cw_sentence *s;    /* where it is, for --features */
	const cw_event *e;
} triple;

/* The curve's thresholds: 0, 0.1 ... 0.9; confidences are hundredths. */
#define NTHRESHOLDS 10
#define ROUNDING 1e-9

#define NCATS 21
static const char *cat_names[NCATS] = { "01", "02", "03", "04", "05", "06", "07", "08a", "08b",
					"09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
					"19", "20" };

static void category(const char *code, char out[4])
{
	snprintf(out, 4, "%.2s", code);
	if (strcmp(out, "08") == 0)
		snprintf(out, 4, "%s", code[2] >= '4' && code[2] <= '7' ? "08b" : "08a");
}

static int cat_index(const char *cat)
{
	for (int i = 0; i < NCATS; i++)
		if (strcmp(cat_names[i], cat) == 0)
			return i;
	return -1;
}

static void prefix3(const char *code, char out[4])
{
	snprintf(out, 4, "%.3s", code ? code : "");
}

typedef struct tally {
	long stories, bad, gold, coded, cat_tp, all_right;
	long self_dyads;         /* see self_dyad() */
	long agentless;          /* the events stage's doc->agentless, summed */
	long gold_by[NCATS], coded_by[NCATS], tp_by[NCATS];
} tally;

/* What --curve adds: a tally per threshold, and the calibration's bins. */
typedef struct curve {
	tally at[NTHRESHOLDS];
	long n[NTHRESHOLDS], right[NTHRESHOLDS];
	double conf[NTHRESHOLDS];
	long unscored;           /* events without a confidence */
} curve;

typedef struct evalrun {
	tally t;
	curve c;
	int flags;
	FILE *out;
	const char *name;
} evalrun;

static int read_gold(json_t *events, triple **out, int *n)
{
	size_t count = json_is_array(events) ? json_array_size(events) : 0;
	*out = calloc(count + 1, sizeof **out);
	if (!*out)
		return -1;
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		json_t *e = json_array_get(events, i);
		const char *code = json_string_value(json_object_get(e, "cameo"));
		if (!code || strlen(code) < 2)
			continue;
		triple *t = &(*out)[(*n)++];
		category(code, t->cat);
		prefix3(json_string_value(json_object_get(e, "source")), t->src);
		prefix3(json_string_value(json_object_get(e, "target")), t->tgt);
		t->sentence = (int)json_integer_value(json_object_get(e, "sentence"));
	}
	return 0;
}

static int read_coded(const curlew_doc *doc, triple **out, int *n)
{
	size_t count = curlew_doc_nevents(doc);
	*out = calloc(count + 1, sizeof **out);
	if (!*out)
		return -1;
	*n = 0;
	/* the fields through the read API, in its order; the confidence
	 * stage's features (--features) are the event's own */
	size_t i = 0;
	for (int si = 0; si < doc->nsents; si++) {
		const cw_sentence *s = &doc->sents[si];
		for (int k = 0; k < s->nevents; k++, i++) {
			curlew_event ev = CURLEW_EVENT_INIT;
			if (curlew_doc_event(doc, i, &ev) < 0)
				return -1;
			triple *t = &(*out)[(*n)++];
			category(ev.cameo, t->cat);
			prefix3(ev.source.code, t->src);
			prefix3(ev.target.code, t->tgt);
			t->rule = ev.rule;
			t->sentence = ev.sentence;
			t->self = ev.source.country && ev.target.country &&
				  strcmp(ev.source.country, ev.target.country) == 0;
			t->conf = s->events[k].confidence;
			t->s = s;
			t->e = &s->events[k];
		}
	}
	return 0;
}

/* Scores the coded events whose confidence is at least min (all of them
 * for min < 0); marks the coded events paired as all right (used). */
static void score_story(tally *t, triple *gold, int ng, triple *coded, int nc, double min)
{
	int gc[NCATS] = { 0 }, cc[NCATS] = { 0 }, kept = 0;
	for (int i = 0; i < ng; i++) {
		int c = cat_index(gold[i].cat);
		if (c >= 0)
			gc[c]++;
	}
	for (int i = 0; i < nc; i++) {
		coded[i].used = 0;
		if (coded[i].conf < min - ROUNDING)
			continue;
		kept++;
		int c = cat_index(coded[i].cat);
		if (c >= 0)
			cc[c]++;
	}
	for (int c = 0; c < NCATS; c++) {
		int tp = gc[c] < cc[c] ? gc[c] : cc[c];
		t->tp_by[c] += tp;
		t->cat_tp += tp;
		t->gold_by[c] += gc[c];
		t->coded_by[c] += cc[c];
	}
	for (int i = 0; i < ng; i++) {
		for (int j = 0; j < nc; j++) {
			triple *g = &gold[i], *s = &coded[j];
			if (s->used || s->conf < min - ROUNDING || strcmp(g->cat, s->cat) ||
			    strcmp(g->src, s->src) || strcmp(g->tgt, s->tgt))
				continue;
			s->used = 1;
			t->all_right++;
			break;
		}
	}
	t->gold += ng;
	t->coded += kept;
}

/* Which coded events are right, once score_story has paired the all-right
 * ones: those, then the others of each category while gold is left. */
static void mark_right(const triple *gold, int ng, triple *coded, int nc)
{
	int left[NCATS] = { 0 };
	for (int i = 0; i < ng; i++) {
		int c = cat_index(gold[i].cat);
		if (c >= 0)
			left[c]++;
	}
	for (int j = 0; j < nc; j++) {
		int c = cat_index(coded[j].cat);
		coded[j].right = coded[j].used;
		if (c >= 0 && coded[j].used)
			left[c]--;
	}
	for (int j = 0; j < nc; j++) {
		int c = cat_index(coded[j].cat);
		if (c >= 0 && !coded[j].used && left[c] > 0) {
			coded[j].right = 1;
			left[c]--;
		}
	}
}

static void curve_story(curve *cv, triple *gold, int ng, triple *coded, int nc)
{
	for (int j = 0; j < nc; j++) {
		if (coded[j].conf < 0) {
			cv->unscored++;
			continue;
		}
		int b = (int)(coded[j].conf * NTHRESHOLDS + ROUNDING);
		b = b >= NTHRESHOLDS ? NTHRESHOLDS - 1 : b;
		cv->n[b]++;
		cv->right[b] += coded[j].right;
		cv->conf[b] += coded[j].conf;
	}
	for (int k = 0; k < NTHRESHOLDS; k++)
		score_story(&cv->at[k], gold, ng, coded, nc, (double)k / NTHRESHOLDS);
}

static void features_header(FILE *out)
{
	fputs("story_id\tevent\tcameo\tright\tconfidence", out);
	for (int i = 0; i < cw_confidence_nfeatures(); i++)
		fprintf(out, "\t%s", cw_confidence_feature_name(i));
	putc('\n', out);
}

static void features_story(const curlew *cw, FILE *out, const char *id, const triple *coded,
			   int nc)
{
	int nf = cw_confidence_nfeatures();
	double *x = malloc((size_t)nf * sizeof *x);
	for (int j = 0; x && j < nc; j++) {
		const triple *t = &coded[j];
		cw_confidence_features(cw, t->s, t->e, x);
		fprintf(out, "%s\t%d:%d\t%s\t%d\t%.2f", id, t->s->index, t->e->k, t->e->code, t->right,
			t->conf);
		for (int i = 0; i < nf; i++)
			fprintf(out, "\t%.4g", x[i]);
		putc('\n', out);
	}
	free(x);
}

static void show_story(FILE *out, const char *id, const char *text, const triple *gold, int ng,
		       const triple *coded, int nc)
{
	fprintf(out, "-- %s: %s\n", id, text);
	for (int i = 0; i < ng; i++)
		fprintf(out, "   gold  %-3s %-3s %-3s\n", gold[i].src, gold[i].cat,
			gold[i].tgt[0] ? gold[i].tgt : "-");
	for (int i = 0; i < nc; i++)
		fprintf(out, "   %s %-3s %-3s %-3s  %s\n", coded[i].used ? "right" : "coded",
			coded[i].src, coded[i].cat, coded[i].tgt[0] ? coded[i].tgt : "-",
			coded[i].rule ? coded[i].rule : "");
}

/* Does the coded event's sentence name an actor whose code begins with
 * the three letters? */
static int names(const triple *c, const char *prefix)
{
	for (int i = 0; i < c->s->nments; i++)
		if (strncmp(c->s->ments[i].code, prefix, 3) == 0)
			return 1;
	return 0;
}

/* Issue 10's first promise: no event whose target is the source's own
 * country when the sentence names another target.  A coded self-dyad
 * breaks it when the gold has, in its sentence (any sentence for gold
 * that gives none), an event of its category from its source country
 * aimed at another actor that the sentence names, and none aimed at that
 * country itself (a target the story gave, "welcomed the decision", is
 * another matter). */
static int self_dyad(const triple *gold, int ng, const triple *c)
{
	int other = 0;
	for (int i = 0; i < ng && c->self; i++) {
		const triple *g = &gold[i];
		if ((g->sentence && g->sentence != c->sentence) || strcmp(g->cat, c->cat) ||
		    strcmp(g->src, c->src) || !g->tgt[0])
			continue;
		if (strcmp(g->tgt, c->src) == 0)
			return 0;
		other |= names(c, g->tgt);
	}
	return other;
}

static void score_doc(curlew *cw, evalrun *r, const char *id, const char *text, triple *gold,
		      int ng, triple *coded, int nc, int agentless)
{
	tally *t = &r->t;
	long before = t->all_right, selfs = 0;
	score_story(t, gold, ng, coded, nc, -1);
	for (int j = 0; j < nc; j++)
		selfs += self_dyad(gold, ng, &coded[j]);
	t->self_dyads += selfs;
	t->agentless += agentless;

	mark_right(gold, ng, coded, nc);
	t->stories++;
	if ((r->flags & CURLEW_EVAL_SHOW) && (t->all_right - before < ng || nc > ng || selfs || agentless))
		show_story(r->out, id, text, gold, ng, coded, nc);
	if ((r->flags & CURLEW_EVAL_SHOW) && (selfs || agentless))
		fprintf(r->out, "   (%ld self-dyads with another target named, %d events dropped for "
			"want of an agent's country)\n", selfs, agentless);
	if (r->flags & CURLEW_EVAL_FEATURES)
		features_story(cw, r->out, id, coded, nc);
	if (r->flags & CURLEW_EVAL_CURVE)
		curve_story(&r->c, gold, ng, coded, nc);
}

static int eval_line(curlew *cw, evalrun *r, const char *line, long lineno)
{
	json_error_t jerr;
	json_t *o = json_loads(line, 0, &jerr);
	const char *id = o ? json_string_value(json_object_get(o, "id")) : NULL;
	const char *text = o ? json_string_value(json_object_get(o, "text")) : NULL;
	/* --features is a table: its messages go to stderr */
	FILE *msg = r->flags & CURLEW_EVAL_FEATURES ? stderr : r->out;
	if (!o || !id || !text) {
		fprintf(msg, "%s:%ld: skipped: %s\n", r->name, lineno,
			!o ? jerr.text : !id ? "missing \"id\"" : "missing \"text\"");
		r->t.bad++;
		json_decref(o);
		return 0;
	}
	curlew_story st = { 0 };
	st.id = id;
	st.text = text;
	st.len = strlen(text);
	st.date = json_string_value(json_object_get(o, "date"));
	curlew_doc *doc;
	triple *gold = NULL, *coded = NULL;
	int ng = 0, nc = 0, rc = 0;
	if (curlew_code(cw, &st, NULL, &doc) < 0) {
		fprintf(msg, "%s:%ld (id \"%s\"): %s\n", r->name, lineno, id, curlew_doc_errmsg(doc));
		r->t.bad++;
	} else if (read_gold(json_object_get(o, "events"), &gold, &ng) < 0 ||
		   read_coded(doc, &coded, &nc) < 0) {
		rc = CURLEW_ESYS;
	} else {
		score_doc(cw, r, id, text, gold, ng, coded, nc, doc->agentless);
	}
	free(gold);
	free(coded);
	curlew_doc_free(doc);
	json_decref(o);
	return rc;
}

static double ratio(long a, long b)
{
	return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void report(const tally *t, FILE *out)
{
	double p = ratio(t->cat_tp, t->coded), r = ratio(t->cat_tp, t->gold);
	fprintf(out, "stories: %ld coded (%ld skipped); gold events: %ld; coded events: %ld\n",
		t->stories, t->bad, t->gold, t->coded);
	fprintf(out, "root  gold coded  right\n");
	for (int c = 0; c < NCATS; c++)
		if (t->gold_by[c] || t->coded_by[c])
			fprintf(out, "%-4s %5ld %5ld %6ld\n", cat_names[c], t->gold_by[c], t->coded_by[c],
				t->tp_by[c]);
	fprintf(out, "event category: precision %.3f, recall %.3f, F1 %.3f\n", p, r, f1(p, r));
	fprintf(out, "source+event+target right: %ld of %ld gold events (%.1f%%)\n", t->all_right,
		t->gold, 100.0 * ratio(t->all_right, t->gold));
	fprintf(out, "self-dyads with another target named: %ld\n", t->self_dyads);
	fprintf(out, "events dropped for want of an agent's country: %ld\n", t->agentless);
}

static void report_curve(const curve *cv, FILE *out)
{
	if (cv->unscored) {
		fprintf(out, "confidence: %ld events have none (the data directory has no "
			"confidence.tsv)\n", cv->unscored);
		return;
	}
	fputs("confidence curve (events kept at confidence >= threshold):\n"
	      "threshold events precision recall    F1   SET%\n", out);
	for (int k = 0; k < NTHRESHOLDS; k++) {
		const tally *t = &cv->at[k];
		double p = ratio(t->cat_tp, t->coded), r = ratio(t->cat_tp, t->gold);
		fprintf(out, "%9.1f %6ld %9.3f %6.3f %5.3f %6.1f\n", (double)k / NTHRESHOLDS, t->coded,
			p, r, f1(p, r), 100.0 * ratio(t->all_right, t->gold));
	}
	fputs("calibration (coded events by confidence; right: category matched):\n"
	      "confidence events  mean right\n", out);
	for (int k = 0; k < NTHRESHOLDS; k++)
		if (cv->n[k])
			fprintf(out, "   %.1f-%.1f %6ld %5.2f %5.2f\n", (double)k / NTHRESHOLDS,
				(double)(k + 1) / NTHRESHOLDS, cv->n[k], cv->conf[k] / (double)cv->n[k],
				ratio(cv->right[k], cv->n[k]));
}

int curlew_eval(curlew *cw, FILE *gold, const char *name, int flags, FILE *out)
{
	evalrun *r = calloc(1, sizeof *r);
	if (!r)
		return CURLEW_ESYS;
	r->flags = flags;
	r->out = out;
	r->name = name;
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int rc = 0;
	if (flags & CURLEW_EVAL_FEATURES)
		features_header(out);
	while (rc == 0 && getline(&line, &cap, gold) >= 0) {
		lineno++;
		if (strspn(line, " \t\r\n") == strlen(line))
			continue;
		rc = eval_line(cw, r, line, lineno);
	}
	free(line);
	if (rc == 0 && !(flags & CURLEW_EVAL_FEATURES))
		report(&r->t, out);
	if (rc == 0 && (flags & CURLEW_EVAL_CURVE) && !(flags & CURLEW_EVAL_FEATURES))
		report_curve(&r->c, out);
	long bad = r->t.bad;
	free(r);
	return rc ? rc : bad ? CURLEW_EDATA : CURLEW_OK;
}
