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
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

typedef struct triple {
	char cat[4];
	char src[4], tgt[4];     /* first three letters, "" for null */
	int used;
	const char *rule;        /* coded events: the rule that fired */
} triple;

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
	long gold_by[NCATS], coded_by[NCATS], tp_by[NCATS];
} tally;

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
	for (size_t i = 0; i < count; i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		if (curlew_doc_event(doc, i, &e) < 0)
			return -1;
		triple *t = &(*out)[(*n)++];
		category(e.cameo, t->cat);
		prefix3(e.source.code, t->src);
		prefix3(e.target.code, t->tgt);
		t->rule = e.rule;
	}
	return 0;
}

static void score_story(tally *t, triple *gold, int ng, triple *coded, int nc)
{
	int gc[NCATS] = { 0 }, cc[NCATS] = { 0 };
	for (int i = 0; i < ng; i++) {
		int c = cat_index(gold[i].cat);
		if (c >= 0)
			gc[c]++;
	}
	for (int i = 0; i < nc; i++) {
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
			if (s->used || strcmp(g->cat, s->cat) || strcmp(g->src, s->src) ||
			    strcmp(g->tgt, s->tgt))
				continue;
			s->used = 1;
			t->all_right++;
			break;
		}
	}
	t->gold += ng;
	t->coded += nc;
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

static int eval_line(curlew *cw, tally *t, const char *line, long lineno, const char *name,
		     FILE *out, int verbose)
{
	json_error_t jerr;
	json_t *o = json_loads(line, 0, &jerr);
	const char *id = o ? json_string_value(json_object_get(o, "id")) : NULL;
	const char *text = o ? json_string_value(json_object_get(o, "text")) : NULL;
	if (!o || !id || !text) {
		fprintf(out, "%s:%ld: skipped: %s\n", name, lineno,
			!o ? jerr.text : !id ? "missing \"id\"" : "missing \"text\"");
		t->bad++;
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
		fprintf(out, "%s:%ld (id \"%s\"): %s\n", name, lineno, id, curlew_doc_errmsg(doc));
		t->bad++;
	} else if (read_gold(json_object_get(o, "events"), &gold, &ng) < 0 ||
		   read_coded(doc, &coded, &nc) < 0) {
		rc = CURLEW_ESYS;
	} else {
		long before = t->all_right;
		score_story(t, gold, ng, coded, nc);
		t->stories++;
		if (verbose && (t->all_right - before < ng || nc > ng))
			show_story(out, id, text, gold, ng, coded, nc);
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

static void report(const tally *t, FILE *out)
{
	double p = ratio(t->cat_tp, t->coded), r = ratio(t->cat_tp, t->gold);
	double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	fprintf(out, "stories: %ld coded (%ld skipped); gold events: %ld; coded events: %ld\n",
		t->stories, t->bad, t->gold, t->coded);
	fprintf(out, "root  gold coded  right\n");
	for (int c = 0; c < NCATS; c++)
		if (t->gold_by[c] || t->coded_by[c])
			fprintf(out, "%-4s %5ld %5ld %6ld\n", cat_names[c], t->gold_by[c], t->coded_by[c],
				t->tp_by[c]);
	fprintf(out, "event category: precision %.3f, recall %.3f, F1 %.3f\n", p, r, f);
	fprintf(out, "source+event+target right: %ld of %ld gold events (%.1f%%)\n", t->all_right,
		t->gold, 100.0 * ratio(t->all_right, t->gold));
}

int curlew_eval(curlew *cw, FILE *gold, const char *name, int verbose, FILE *out)
{
	tally t;
	memset(&t, 0, sizeof t);
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int rc = 0;
	while (rc == 0 && getline(&line, &cap, gold) >= 0) {
		lineno++;
		if (strspn(line, " \t\r\n") == strlen(line))
			continue;
		rc = eval_line(cw, &t, line, lineno, name, out, verbose);
	}
	free(line);
	if (rc == 0)
		report(&t, out);
	return rc ? rc : t.bad ? CURLEW_EDATA : CURLEW_OK;
}
