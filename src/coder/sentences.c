/*
 * sentences.c -- splits a story into sentences.
 *
 * News text makes this harder than "split at full stops": titles ("Gen."),
 * dates ("Sept. 19"), initials ("J. Smith") and country abbreviations
 * ("U.S.") all carry stops that do not end a sentence, quotations hold
 * several sentences that belong with their "he said", and stories come both
 * as one line a paragraph and hard-wrapped at 70 columns.
 *
 * The splitter runs in one pass over the text, looking back and ahead a
 * bounded number of bytes at each candidate, so its time is linear in the
 * story's length whatever the story holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "coder.h"

/* A "sentence" longer than this (about 1000 tokens) is cut, so that the
 * later per-sentence stages, some worse than linear, stay bounded. */
#define MAX_SENT 6000
/* An opening quote or bracket not closed within this many bytes was never
 * going to be closed; keeping it open would glue a paragraph together. */
#define MAX_OPEN 1500
/* The longest word looked at before a full stop. */
#define MAX_WORD 40

enum { AB_INSIDE = 1, AB_END = 2, AB_START = 3 };

struct cw_abbrevs {
	cw_map *words;      /* word -> kind, stored as a pointer-sized integer */
};

typedef struct load_ctx {
	cw_abbrevs *a;
	const char *path;
	char *err;
	size_t errlen;
} load_ctx;

static int load_line(void *vctx, char *line, int lineno)
{
	load_ctx *ctx = vctx;
	char *f[3];
	int nf = cw_split(line, '\t', f, 3);
	char *word = cw_trim(f[0]);
	const char *kind = nf > 1 ? cw_trim(f[1]) : "inside";
	intptr_t k = !strcmp(kind, "inside") || !*kind ? AB_INSIDE
		   : !strcmp(kind, "end") ? AB_END
		   : !strcmp(kind, "start") ? AB_START : 0;
	if (!k || !*word || strchr(word, ' ')) {
		snprintf(ctx->err, ctx->errlen, "%s:%d: expected WORD<TAB>inside|end|start",
			 ctx->path, lineno);
		return -1;
	}
	if (cw_map_put(ctx->a->words, word, (void *)k) < 0) {
		snprintf(ctx->err, ctx->errlen, "out of memory");
		return -1;
	}
	return 0;
}

int cw_abbrevs_load(cw_abbrevs **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	cw_abbrevs *a = calloc(1, sizeof *a);
	char *path = NULL;
	if (!a || !(a->words = cw_map_new()))
		goto oom;
	size_t n = strlen(data_dir) + sizeof "/abbreviations.txt";
	if (!(path = malloc(n)))
		goto oom;
	snprintf(path, n, "%s/abbreviations.txt", data_dir);
	load_ctx ctx = { a, path, err, errlen };
	int rc = cw_read_lines(path, load_line, &ctx);
	if (rc == -1 && cw_map_count(a->words) == 0 && !*err)
		snprintf(err, errlen, "cannot read %s", path);
	free(path);
	if (rc != 0) {
		cw_abbrevs_free(a);
		return -1;
	}
	*out = a;
	return 0;
oom:
	free(path);
	cw_abbrevs_free(a);
	snprintf(err, errlen, "out of memory");
	return -1;
}

void cw_abbrevs_free(cw_abbrevs *a)
{
	if (!a)
		return;
	cw_map_free(a->words);
	free(a);
}

static int is_upper_ascii(int c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha_ascii(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The kind of a word ending in '.': listed, an initial ("J."), a dotted
 * letter group ("D.C."), or 0 for an ordinary word. */
static int abbrev_kind(const cw_abbrevs *a, const char *w, size_t n)
{
	if (n < 2 || w[n - 1] != '.')
		return 0;
	intptr_t k = a ? (intptr_t)cw_map_getn(a->words, w, n) : 0;
	if (k)
		return (int)k;
	if (n == 2 && is_upper_ascii((unsigned char)w[0]))
		return AB_INSIDE;
	if (n % 2)
		return 0;
	for (size_t i = 0; i < n; i += 2)
		if (!is_alpha_ascii((unsigned char)w[i]) || w[i + 1] != '.')
			return 0;
	return AB_END;
}

int cw_abbrev_known(const cw_abbrevs *a, const char *word, size_t n)
{
	int k = abbrev_kind(a, word, n);
	return k == AB_INSIDE || k == AB_END;
}

/* ------------------------------------------------------------ characters */

static int32_t char_at(const char *t, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
					      (utf8proc_ssize_t)(n - i), &cp);
	if (l <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)l;
	return cp;
}

static int is_space_at(const char *t, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)t[i];
	*len = 1;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c < 0x80)
		return 0;
	int32_t cp = char_at(t, n, i, len);
	return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000;
}

static int is_open_quote(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
	       cp == '(' || cp == '[';
}

static int is_close_mark(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
	       cp == ')' || cp == ']';
}

/* Can a sentence begin with this character? */
static int starts_sentence(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp >= '0' && cp <= '9')
		return 1;
	if (is_open_quote(cp))
		return 1;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* ----------------------------------------------------------------- state */

typedef struct splitter {
	const cw_abbrevs *ab;
	curlew_doc *doc;
	const char *t;
	size_t n;
	uint32_t *spans;    /* start, end of each sentence */
	int nsents, cap;    /* cap counts uint32_t's */
	int inq;            /* inside a double quotation */
	size_t q_open;      /* where it opened */
	int depth;          /* bracket depth */
	size_t p_open;
	int oom;
} splitter;

static void add(splitter *sp, size_t start, size_t end)
{
	size_t l;
	while (start < end && is_space_at(sp->t, sp->n, start, &l))
		start += l;
	while (end > start) {
		/* Trim backwards: step over one (possibly multi-byte) character. */
		size_t b = end - 1;
		while (b > start && ((unsigned char)sp->t[b] & 0xC0) == 0x80)
			b--;
		if (!is_space_at(sp->t, sp->n, b, &l))
			break;
		end = b;
	}
	if (end <= start || sp->oom)
		return;
	uint32_t *v = cw_grow(sp->doc->arena, sp->spans, &sp->cap, 2 * sp->nsents + 2,
			      sizeof *v);
	if (!v) {
		sp->oom = 1;
		return;
	}
	sp->spans = v;
	v[2 * sp->nsents] = (uint32_t)start;
	v[2 * sp->nsents + 1] = (uint32_t)end;
	sp->nsents++;
}

static void reset_marks(splitter *sp)
{
	sp->inq = 0;
	sp->depth = 0;
}

/* Quotation and bracket state for the character at i. */
static void track(splitter *sp, int32_t cp, size_t i)
{
	if (cp == '"') {
		sp->inq = !sp->inq;
		sp->q_open = i;
	} else if (cp == 0x201C) {
		sp->inq = 1;
		sp->q_open = i;
	} else if (cp == 0x201D) {
		sp->inq = 0;
	} else if (cp == '(' || cp == '[') {
		if (!sp->depth++)
			sp->p_open = i;
	} else if ((cp == ')' || cp == ']') && sp->depth > 0) {
		sp->depth--;
	}
}

/* The next word after position i (skipping spaces and opening quotes). */
static size_t next_word(const splitter *sp, size_t i, size_t *wlen)
{
	size_t l;
	while (i < sp->n && is_space_at(sp->t, sp->n, i, &l))
		i += l;
	while (i < sp->n && is_open_quote(char_at(sp->t, sp->n, i, &l)))
		i += l;
	size_t j = i;
	while (j < sp->n && j - i < MAX_WORD && is_alpha_ascii((unsigned char)sp->t[j]))
		j++;
	*wlen = j - i;
	return i;
}

/* Does the stop at dot end a sentence, given what follows at next?  Only
 * called when next starts like a sentence. */
static int stop_ends_sentence(const splitter *sp, size_t dot, size_t next)
{
	size_t ws = dot;
	while (ws > 0 && dot - ws < MAX_WORD) {
		const unsigned char *p = (const unsigned char *)sp->t + ws;
		unsigned char c = p[-1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' ||
		    c == '"' || c == '\'')
			break;
		/* An opening curly quote or a no-break space before the word. */
		if (ws >= 3 && p[-3] == 0xE2 && p[-2] == 0x80 && (c == 0x9C || c == 0x98))
			break;
		if (ws >= 2 && p[-2] == 0xC2 && c == 0xA0)
			break;
		ws--;
	}
	if (dot == ws)
		return 1;
	int kind = abbrev_kind(sp->ab, sp->t + ws, dot + 1 - ws);
	if (kind == AB_INSIDE)
		return 0;
	if (kind == AB_END) {
		size_t wl;
		size_t w = next_word(sp, next, &wl);
		return wl && sp->ab &&
		       (intptr_t)cw_map_getn(sp->ab->words, sp->t + w, wl) == AB_START;
	}
	return 1;
}

/* At a terminator: consumes the run of stops and closing marks, and says
 * where the sentence would end (*end) and whether it does. */
static int at_terminator(splitter *sp, size_t i, size_t *end)
{
	size_t j = i, l;
	size_t last_dot = sp->t[i] == '.' ? i : (size_t)-1;
	int only_stop = 1;
	while (j < sp->n) {
		unsigned char c = (unsigned char)sp->t[j];
		if (c == '.' || c == '!' || c == '?') {
			if (j != i)
				only_stop = 0;
			j++;
			continue;
		}
		int32_t cp = char_at(sp->t, sp->n, j, &l);
		if (cp == 0x2026) {     /* an ellipsis character */
			only_stop = 0;
			j += l;
			continue;
		}
		if (!is_close_mark(cp))
			break;
		if (cp == '"' || cp == 0x201D)
			sp->inq = 0;
		else if ((cp == ')' || cp == ']') && sp->depth > 0)
			sp->depth--;
		j += l;
	}
	*end = j;
	if (j >= sp->n)
		return 1;
	if (!is_space_at(sp->t, sp->n, j, &l))
		return 0;
	size_t k = j;
	while (k < sp->n && is_space_at(sp->t, sp->n, k, &l))
		k += l;
	if (k >= sp->n)
		return 1;
	if (sp->inq || sp->depth)
		return 0;
	if (!starts_sentence(char_at(sp->t, sp->n, k, &l)))
		return 0;
	if (only_stop && last_dot == i && !stop_ends_sentence(sp, i, j))
		return 0;
	return 1;
}

/* Cuts an overlong sentence at the last white space of its second half,
 * or at a character boundary if it is one enormous word. */
static size_t safe_cut(const splitter *sp, size_t start, size_t at)
{
	for (size_t i = at; i > start + MAX_SENT / 2; i--) {
		unsigned char c = (unsigned char)sp->t[i - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			return i;
	}
	while (at > start + 1 && ((unsigned char)sp->t[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/* -------------------------------------------------------------- headlines */

static int line_ends_open(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	/* Skip closing quotes and brackets, ASCII or UTF-8. */
	while (e > s) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			e--;
		else if (e - s >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
			 (c == 0x9D || c == 0x99))
			e -= 3;
		else
			break;
	}
	if (e == s)
		return 0;
	return !strchr(".!?:;,-", t[e - 1]);
}

/* The length of the longest line: hard-wrapped text has all its lines near
 * one width, so a much shorter line without a full stop stands alone. */
static size_t longest_line(const char *t, size_t from, size_t n)
{
	size_t best = 0;
	while (from < n) {
		const char *nl = memchr(t + from, '\n', n - from);
		size_t e = nl ? (size_t)(nl - t) : n;
		if (e - from > best)
			best = e - from;
		from = e + 1;
	}
	return best;
}

/* A single line break ends a headline, a byline or a list item when the
 * line has no final punctuation, is clearly shorter than the text's lines,
 * and the next line starts like a sentence. */
static int headline_break(const splitter *sp, size_t ls, size_t nl, size_t next, size_t maxline)
{
	size_t l;
	size_t len = nl - ls;
	if (len == 0 || len > 200 || len * 10 > maxline * 7)
		return 0;
	if (!line_ends_open(sp->t, ls, nl))
		return 0;
	return starts_sentence(char_at(sp->t, sp->n, next, &l));
}

int cw_sentence_spans(const curlew *cw, curlew_doc *doc, uint32_t **spans, int *n)
{
	splitter sp = { 0 };
	sp.ab = cw ? cw->abbrevs : NULL;
	sp.doc = doc;
	sp.t = doc->text;
	sp.n = doc->len;
	size_t i = doc->body_start < sp.n ? doc->body_start : sp.n;
	size_t start = i, line_start = i, l;
	size_t maxline = longest_line(sp.t, i, sp.n);

	while (i < sp.n && !sp.oom) {
		if (i - start >= MAX_SENT) {
			size_t cut = safe_cut(&sp, start, i);
			add(&sp, start, cut);
			start = cut;
			reset_marks(&sp);
			continue;
		}
		if (sp.inq && i - sp.q_open > MAX_OPEN)
			sp.inq = 0;
		if (sp.depth && i - sp.p_open > MAX_OPEN)
			sp.depth = 0;
		unsigned char c = (unsigned char)sp.t[i];
		if (c == '\n') {
			size_t j = i + 1;
			while (j < sp.n && (sp.t[j] == ' ' || sp.t[j] == '\t' || sp.t[j] == '\r'))
				j++;
			if (j >= sp.n || sp.t[j] == '\n') {
				add(&sp, start, i);
				while (j < sp.n && is_space_at(sp.t, sp.n, j, &l))
					j += l;
				start = line_start = i = j;
				reset_marks(&sp);
				continue;
			}
			if (headline_break(&sp, line_start, i, j, maxline)) {
				add(&sp, start, i);
				start = j;
				reset_marks(&sp);
			}
			line_start = i = j;
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			size_t end;
			if (at_terminator(&sp, i, &end)) {
				add(&sp, start, end);
				start = end;
			}
			i = end;
			continue;
		}
		if (c < 0x80) {
			track(&sp, c, i);
			i++;
		} else {
			int32_t cp = char_at(sp.t, sp.n, i, &l);
			track(&sp, cp, i);
			i += l;
		}
	}
	add(&sp, start, sp.n);
	if (sp.oom)
		return CURLEW_ESYS;
	*spans = sp.spans;
	*n = sp.nsents;
	return 0;
}

int cw_sentences(const curlew *cw, curlew_doc *doc)
{
	uint32_t *spans;
	int n;
	int rc = cw_sentence_spans(cw, doc, &spans, &n);
	return rc < 0 ? rc : cw_sentences_from_spans(doc, spans, n);
}

int cw_sentences_from_spans(curlew_doc *doc, const uint32_t *spans, int n)
{
	cw_sentence *s = n ? cw_alloc(doc->arena, (size_t)n * sizeof *s) : NULL;
	if (n && !s)
		return CURLEW_ESYS;
	for (int i = 0; i < n; i++) {
		s[i].index = i + 1;
		s[i].start = spans[2 * i];
		s[i].end = spans[2 * i + 1];
	}
	doc->sents = s;
	doc->nsents = n;
	return 0;
}
