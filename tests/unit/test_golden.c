/*
 * test_golden.c -- runs the golden cases in tests/golden/ (every .txt file): a story in,
 * the events that must (expect:) and must not (reject:) come out.  A
 * failing case prints the story and every event coded, so the diff is
 * plain.  Format: see tests/golden/README.md.
 *
 *   test_golden [FILE...]     (default: every tests/golden/ .txt file)
 */
#include <glob.h>
#include <stdlib.h>
#include "check.h"
#include "coder/coder.h"

typedef struct want {
	char src[32], root[8], tgt[32], date[11], place[4];
	int either;
	int line;
} want;

#define MAX_WANTS 16
typedef struct gcase {
	char *text;
	char date[11];
	want expect[MAX_WANTS], reject[MAX_WANTS];
	int nexpect, nreject, max, line, xfail;
	const char *file;
} gcase;

static int actor_ok(const char *pat, const cw_mention *m)
{
	if (strcmp(pat, "*") == 0)
		return 1;
	if (strcmp(pat, "-") == 0)
		return m == NULL;
	return m && strncmp(m->code, pat, strlen(pat)) == 0;
}

static int event_ok(const want *w, const curlew_doc *doc, const cw_sentence *s,
		    const cw_event *e)
{
	const cw_mention *src = e->source >= 0 ? &s->ments[e->source] : NULL;
	const cw_mention *tgt = e->target >= 0 ? &s->ments[e->target] : NULL;
	if (strcmp(w->root, "*") != 0 && strncmp(e->code, w->root, strlen(w->root)) != 0)
		return 0;
	if (w->date[0]) {
		char d[16];
		snprintf(d, sizeof d, "%04d-%02d-%02d", e->date.y, e->date.m, e->date.d);
		if (strcmp(d, w->date) != 0)
			return 0;
	}
	if (w->place[0] && (!e->place || strcmp(e->place->country, w->place) != 0))
		return 0;
	(void)doc;
	if (actor_ok(w->src, src) && actor_ok(w->tgt, tgt))
		return 1;
	return w->either && actor_ok(w->src, tgt) && actor_ok(w->tgt, src);
}

static int any_event(const want *w, const curlew_doc *doc)
{
	for (int i = 0; i < doc->nsents; i++)
		for (int k = 0; k < doc->sents[i].nevents; k++)
			if (event_ok(w, doc, &doc->sents[i], &doc->sents[i].events[k]))
				return 1;
	return 0;
}

static void dump_events(const curlew_doc *doc)
{
	fprintf(stderr, "    coded:");
	if (!doc->nevents)
		fprintf(stderr, " nothing");
	fputc('\n', stderr);
	for (int i = 0; i < doc->nsents; i++) {
		const cw_sentence *s = &doc->sents[i];
		for (int k = 0; k < s->nevents; k++) {
			const cw_event *e = &s->events[k];
			fprintf(stderr, "      %s %s %s date=%04d-%02d-%02d place=%s  [%s]\n",
				e->source >= 0 ? s->ments[e->source].code : "-", e->code,
				e->target >= 0 ? s->ments[e->target].code : "-", e->date.y, e->date.m,
				e->date.d, e->place ? e->place->country : "-", s->trigs[e->trigger].rule);
		}
	}
}

static int xfails;

static void run_case(curlew *cw, const gcase *c)
{
	curlew_story st = { 0 };
	st.id = "golden";
	st.text = c->text;
	st.len = strlen(c->text);
	st.date = c->date[0] ? c->date : "2024-01-15";
	curlew_doc *doc;
	int rc = curlew_code(cw, &st, NULL, &doc);
	int bad = rc != 0;
	for (int i = 0; i < c->nexpect && !bad; i++)
		if (!any_event(&c->expect[i], doc)) {
			bad = 1;
			if (!c->xfail)
				fprintf(stderr, "%s:%d: missing %s %s %s\n", c->file, c->expect[i].line,
					c->expect[i].src, c->expect[i].root, c->expect[i].tgt);
		}
	for (int i = 0; i < c->nreject && !bad; i++)
		if (any_event(&c->reject[i], doc)) {
			bad = 1;
			if (!c->xfail)
				fprintf(stderr, "%s:%d: unwanted %s %s %s\n", c->file, c->reject[i].line,
					c->reject[i].src, c->reject[i].root, c->reject[i].tgt);
		}
	if (!bad && c->max && doc->nevents > (size_t)c->max) {
		bad = 1;
		if (!c->xfail)
			fprintf(stderr, "%s:%d: %zu events, at most %d wanted\n", c->file, c->line,
				doc->nevents, c->max);
	}
	if (c->xfail) {
		xfails++;
		if (!bad)
			fprintf(stderr, "%s:%d: marked xfail but passes now: remove the mark\n", c->file, c->line);
		CHECK(bad);
	} else {
		if (bad) {
			fprintf(stderr, "    text: %s\n", c->text);
			dump_events(doc);
		}
		CHECK(!bad);
	}
	curlew_doc_free(doc);
}

static void parse_want(want *w, char *rest, int line)
{
	memset(w, 0, sizeof *w);
	w->line = line;
	char *f[8];
	int n = 0;
	for (char *tok = strtok(rest, " \t"); tok && n < 8; tok = strtok(NULL, " \t"))
		f[n++] = tok;
	snprintf(w->src, sizeof w->src, "%s", n > 0 ? f[0] : "*");
	snprintf(w->root, sizeof w->root, "%s", n > 1 ? f[1] : "*");
	snprintf(w->tgt, sizeof w->tgt, "%s", n > 2 ? f[2] : "*");
	for (int i = 3; i < n; i++) {
		if (strncmp(f[i], "date=", 5) == 0)
			snprintf(w->date, sizeof w->date, "%s", f[i] + 5);
		else if (strncmp(f[i], "place=", 6) == 0)
			snprintf(w->place, sizeof w->place, "%s", f[i] + 6);
		else if (strcmp(f[i], "either") == 0)
			w->either = 1;
	}
}

static void run_file(curlew *cw, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: cannot open\n", path);
		CHECK(0);
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	gcase c;
	memset(&c, 0, sizeof c);
	c.file = path;
	for (;;) {
		ssize_t n = getline(&line, &cap, f);
		if (n >= 0) {
			lineno++;
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
		}
		if (n < 0 || line[0] == '\0') {
			if (c.text)
				run_case(cw, &c);
			free(c.text);
			memset(&c, 0, sizeof c);
			c.file = path;
			if (n < 0)
				break;
			continue;
		}
		if (line[0] == '#')
			continue;
		if (strncmp(line, "xfail", 5) == 0) {
			c.xfail = 1;
			continue;
		}
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon = '\0';
		char *v = cw_trim(colon + 1);
		if (strcmp(line, "text") == 0) {
			if (c.text) {   /* several text lines: one story */
				size_t a = strlen(c.text), b = strlen(v);
				c.text = realloc(c.text, a + b + 2);
				c.text[a] = ' ';
				memcpy(c.text + a + 1, v, b + 1);
			} else {
				c.text = strdup(v);
				c.line = lineno;
			}
		} else if (strcmp(line, "date") == 0) {
			snprintf(c.date, sizeof c.date, "%s", v);
		} else if (strcmp(line, "expect") == 0 && c.nexpect < MAX_WANTS) {
			parse_want(&c.expect[c.nexpect++], v, lineno);
		} else if (strcmp(line, "reject") == 0 && c.nreject < MAX_WANTS) {
			parse_want(&c.reject[c.nreject++], v, lineno);
		} else if (strcmp(line, "max") == 0) {
			c.max = atoi(v);
		} else if (strcmp(line, "xfail") == 0) {
			c.xfail = 1;
		}
	}
	free(line);
	fclose(f);
}

int main(int argc, char **argv)
{
	curlew *cw;
	if (curlew_open(&cw, NULL) < 0) {
		fprintf(stderr, "curlew_open: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return 1;
	}
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			run_file(cw, argv[i]);
	} else {
		glob_t g;
		if (glob("tests/golden/*.txt", 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc; i++)
				run_file(cw, g.gl_pathv[i]);
			globfree(&g);
		}
	}
	curlew_close(cw);
	if (xfails)
		printf("test_golden: %d cases marked xfail (known gaps, listed in the files)\n", xfails);
	return check_done("test_golden");
}
