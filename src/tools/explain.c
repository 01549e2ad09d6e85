/*
 * explain.c -- `curlew explain`: codes one sentence and prints what each
 * stage made of it, so that a user can see why an event was (or was not)
 * coded and which dictionary line to change.
 */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"

static void print_span(FILE *out, const curlew_doc *doc, uint32_t a, uint32_t b)
{
	fprintf(out, "\"%.*s\"", (int)(b - a), doc->text + a);
}

static void explain_tokens(FILE *out, const cw_sentence *s)
{
	fputs("tokens:\n ", out);
	for (int i = 0; i < s->ntoks; i++) {
		const cw_token *t = &s->toks[i];
		fprintf(out, " %d:%s", i, t->text);
		if (t->vlemma && strcmp(t->vlemma, t->lower) != 0)
			fprintf(out, "(v:%s)", t->vlemma);
	}
	putc('\n', out);
}

static const char *kind_name(int k)
{
	static const char *names[] = { "name", "adjective", "capital", "agent", "pronoun", "person" };
	return k >= 0 && k < 6 ? names[k] : "?";
}

static void explain_mentions(FILE *out, const curlew_doc *doc, const cw_sentence *s)
{
	fprintf(out, "actors: %d\n", s->nments);
	for (int i = 0; i < s->nments; i++) {
		const cw_mention *m = &s->ments[i];
		fprintf(out, "  [%d] tokens %d-%d ", i, m->tok_start, m->tok_end - 1);
		print_span(out, doc, m->start, m->end);
		fprintf(out, " -> %s (%s%s%s)", m->code[0] ? m->code : "unresolved", kind_name(m->kind),
			m->country[0] ? ", country " : "", m->country);
		if (m->kind == CW_M_PRONOUN && m->text)
			fprintf(out, " resolved to \"%s\"", m->text);
		if (m->rule)
			fprintf(out, "  [%s]", m->rule);
		putc('\n', out);
	}
}

static void explain_places_and_date(FILE *out, const curlew_doc *doc, const cw_sentence *s)
{
	for (int i = 0; i < s->nplaces; i++) {
		const cw_place *p = &s->places[i];
		fprintf(out, "place: \"%s\" country %s%s\n", p->text, p->country[0] ? p->country : "-",
			p->prep >= 0 ? " (after a locative preposition)" : "");
	}
	if (s->date.y) {
		fprintf(out, "date in sentence: %04d-%02d-%02d from ", s->date.y, s->date.m, s->date.d);
		print_span(out, doc, s->date_start, s->date_end);
		putc('\n', out);
	}
}

static void explain_triggers(FILE *out, const curlew_doc *doc, const cw_sentence *s)
{
	fprintf(out, "verb patterns matched: %d\n", s->ntrigs);
	for (int i = 0; i < s->ntrigs; i++) {
		const cw_trigger *t = &s->trigs[i];
		fprintf(out, "  [%d] %s ", i, t->code);
		print_span(out, doc, s->toks[t->tok_start].start, s->toks[t->tok_end - 1].end);
		fprintf(out, " rule %s%s%s%s\n", t->rule ? t->rule : "?",
			t->flags & CW_TR_NEGATED ? " DENIED" : "",
			t->flags & CW_TR_NOMINAL ? " nominal" : "",
			t->flags & CW_TR_SAY ? " statement" : "");
		fprintf(out, "      frame %s", cw_frame_name(t->frame));
		if (t->cue >= 0 && t->cue < t->anchor) {
			fputs(" (", out);
			print_span(out, doc, s->toks[t->cue].start, s->toks[t->anchor - 1].end);
			fputs(")", out);
		}
		if (t->governor >= 0)
			fprintf(out, ", content of [%d]", t->governor);
		if (t->comp_code[0])
			fprintf(out, ", governs %s", t->comp_code);
		if (strcmp(t->fcode, t->code) != 0)
			fprintf(out, ": %s", t->fcode[0] ? t->fcode : "not coded");
		putc('\n', out);
	}
}

static void print_args(FILE *out, const cw_sentence *s, const char *what, const int *a, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i] >= 0 && a[i] < s->ntoks)
			fprintf(out, " %s=%s", what, s->toks[a[i]].text);
}

static void explain_clauses(FILE *out, const cw_sentence *s)
{
	const char *how = s->parsed == 0 ? "chunks" : "not chunked (no actor or no verb pattern)";
	fprintf(out, "syntax: %s\n", how);
	if (s->parse_text)
		fprintf(out, "  %s\n", s->parse_text);
	for (int i = 0; i < s->nclauses; i++) {
		const cw_clause *c = &s->clauses[i];
		fprintf(out, "  clause %d: verb=%s", i, c->verb >= 0 && c->verb < s->ntoks ? s->toks[c->verb].text : "?");
		print_args(out, s, "subj", c->subj, c->nsubj);
		print_args(out, s, "obj", c->obj, c->nobj);
		for (int k = 0; k < c->npp; k++)
			if (c->pp_prep[k] >= 0 && c->pp_obj[k] >= 0)
				fprintf(out, " %s:%s", s->toks[c->pp_prep[k]].text, s->toks[c->pp_obj[k]].text);
		if (c->agent >= 0)
			fprintf(out, " by=%s", s->toks[c->agent].text);
		fprintf(out, "%s%s", c->passive ? " passive" : "", c->negated ? " negated" : "");
		if (c->parent >= 0)
			fprintf(out, " inside clause %d", c->parent);
		putc('\n', out);
	}
}

/* The sentence's events as every output has them (the read API), with
 * the why that only explain keeps beside each. */
static void explain_events(FILE *out, const curlew_doc *doc, const cw_sentence *s)
{
	fprintf(out, "events: %d\n", s->nevents);
	size_t n = curlew_doc_nevents(doc);
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		if (curlew_doc_event(doc, i, &e) < 0 || e.sentence != s->index)
			continue;
		fprintf(out, "  %s -> %s -> %s  (%s, %s", e.source.code ? e.source.code : "-", e.cameo,
			e.target.code ? e.target.code : "-", e.cameo_name ? e.cameo_name : "?",
			e.date ? e.date : "0000-00-00");
		if (e.location.text)
			fprintf(out, ", in %s", e.location.text);
		fprintf(out, ")\n    rule: %s\n", e.rule ? e.rule : "?");
		const cw_event *own = k < s->nevents ? &s->events[k] : NULL;
		k++;
		if (own && own->why)
			fprintf(out, "    why: %s\n", own->why);
		if (own)
			cw_confidence_explain(doc->cw, s, own, out);
	}
}

static int trigger_coded(const cw_sentence *s, int t)
{
	for (int i = 0; i < s->nevents; i++)
		if (s->events[i].trigger == t)
			return 1;
	return 0;
}

/* Why a matched pattern made no event, from what the stages left: its
 * frame, the act it is the content of, the actors, or the merge.  The
 * first reason that holds is the one said. */
static void explain_no_event(FILE *out, const curlew_doc *doc, const cw_sentence *s, int i)
{
	const cw_trigger *t = &s->trigs[i];
	fprintf(out, "  [%d] %s \"%.*s\" made no event: ", i, t->code,
		(int)(s->toks[t->tok_end - 1].end - s->toks[t->tok_start].start),
		doc->text + s->toks[t->tok_start].start);
	if (!t->fcode[0]) {
		fprintf(out, "it is told as %s, and a %s act is not coded (frames.txt)\n",
			cw_frame_name(t->frame), cw_frame_name(t->frame));
		return;
	}
	if (t->governor >= 0 && t->governor < s->ntrigs) {
		const cw_trigger *g = &s->trigs[t->governor];
		fprintf(out, "it is the content of [%d] %s%s\n", t->governor, g->code,
			trigger_coded(s, t->governor) ? ", which was coded instead" : "");
		return;
	}
	if (s->nments == 0) {
		fputs("the sentence names no actor (actors.txt, agents.txt)\n", out);
		return;
	}
	if (s->dropped && s->dropped[i] && !trigger_coded(s, i)) {
		fprintf(out, "its doer is no political actor (%s)\n", s->dropped[i]);
		return;
	}
	for (int k = 0; k < s->ntrigs; k++) {
		if (k != i && trigger_coded(s, k) && s->trigs[k].specificity > t->specificity &&
		    s->trigs[k].tok_start <= t->anchor && t->anchor < s->trigs[k].tok_end) {
			fprintf(out, "the more specific pattern [%d] covers its words\n", k);
			return;
		}
	}
	for (int k = 0; k < s->nevents; k++) {
		if (strncmp(s->events[k].code, t->fcode, 2) == 0) {
			fprintf(out, "merged into the event %s of the same category (one act told "
				"twice)\n", s->events[k].code);
			return;
		}
	}
	if (t->flags & CW_TR_SAY && s->nevents > 0) {
		fputs("a bare statement verb yields to the sentence's other events\n", out);
		return;
	}
	fputs("no actor was found in a source position for it (see the clauses above: a "
	      "subject, a by-agent, or an actor before the pattern)\n", out);
}

static void explain_outcomes(FILE *out, const curlew_doc *doc, const cw_sentence *s)
{
	int n = 0;
	for (int i = 0; i < s->ntrigs; i++)
		n += !trigger_coded(s, i);
	if (!n)
		return;
	fputs("patterns without an event:\n", out);
	for (int i = 0; i < s->ntrigs; i++)
		if (!trigger_coded(s, i))
			explain_no_event(out, doc, s, i);
}

int curlew_explain(curlew *cw, const char *sentence, const char *date, FILE *out)
{
	curlew_story st = { 0 };
	st.id = "explain";
	st.text = sentence;
	st.len = strlen(sentence);
	st.date = date;
	curlew_doc *doc;
	int rc = cw_code_doc(cw, &st, NULL, &doc, 1);
	if (rc < 0) {
		/* not on out: an error is no part of the explanation */
		snprintf(cw->errmsg, sizeof cw->errmsg, "%s", curlew_doc_errmsg(doc));
		curlew_doc_free(doc);
		return rc;
	}
	if (doc->dl_place || doc->dl_agency)
		fprintf(out, "dateline: place %s, agency %s\n", doc->dl_place ? doc->dl_place->text : "-",
			doc->dl_agency ? doc->dl_agency : "-");
	for (int i = 0; i < doc->nsents; i++) {
		cw_sentence *s = &doc->sents[i];
		fprintf(out, "== sentence %d: %.*s\n", s->index, (int)(s->end - s->start), doc->text + s->start);
		if (s->discard) {
			fprintf(out, "not coded: discards.txt has \"%s\"%s\n", s->discard,
				doc->discard ? " (the whole story)" : "");
			continue;
		}
		explain_tokens(out, s);
		explain_mentions(out, doc, s);
		explain_places_and_date(out, doc, s);
		explain_triggers(out, doc, s);
		explain_clauses(out, s);
		explain_events(out, doc, s);
		explain_outcomes(out, doc, s);
	}
	curlew_doc_free(doc);
	return ferror(out) ? CURLEW_ESYS : CURLEW_OK;
}
