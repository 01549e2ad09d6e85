/*
 * discards.c -- phrases that stop coding (DATA/discards.txt, optional):
 * sport, markets and other stories whose verbs ("beat", "attack", "fell")
 * would read as political events.  The format is the one "curlew dict
 * import --petrarch" writes from PETRARCH discard lists:
 *
 *     sentence  PHRASE     the sentence is not coded when PHRASE occurs in it
 *     story     PHRASE     the whole story is not coded
 *
 * PHRASE is matched case-insensitively from the start of a word and must
 * end at the end of one, unless it ends in '*' ("basketball*" also takes
 * "basketballs").  Without the file nothing is discarded.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

typedef struct phrase {
	const char *text;        /* lower case, the '*' removed */
	size_t len;
	int stem, story;
	int next;                /* the next phrase with the same first byte, or -1 */
} phrase;

struct cw_discard_list {
	cw_arena *arena;
	phrase *p;
	int n, cap;
	int first[256];          /* the first phrase starting with each byte, or -1 */
};

typedef struct loader {
	cw_discard_list *d;
	const char *path;
	char *err;
	size_t errlen;
} loader;

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	char *s = cw_trim(line);
	size_t k = strcspn(s, " \t");
	int story = k == 5 && strncmp(s, "story", 5) == 0;
	if (!story && !(k == 8 && strncmp(s, "sentence", 8) == 0)) {
		snprintf(ld->err, ld->errlen, "%s:%d: a line starts with \"sentence\" or \"story\"",
			 ld->path, lineno);
		return -1;
	}
	char *ph = cw_trim(s + k);
	size_t n = strlen(ph);
	int stem = n && ph[n - 1] == '*';
	if (stem)
		ph[--n] = '\0';
	if (!n) {
		snprintf(ld->err, ld->errlen, "%s:%d: no phrase", ld->path, lineno);
		return -1;
	}
	cw_lower_ascii(ph);
	phrase *g = cw_grow(ld->d->arena, ld->d->p, &ld->d->cap, ld->d->n + 1, sizeof *g);
	char *copy = g ? cw_strdup(ld->d->arena, ph) : NULL;
	if (!copy) {
		snprintf(ld->err, ld->errlen, "out of memory");
		return -1;
	}
	ld->d->p = g;
	unsigned char c = (unsigned char)copy[0];
	g[ld->d->n] = (phrase){ copy, n, stem, story, ld->d->first[c] };
	ld->d->first[c] = ld->d->n++;
	return 0;
}

int cw_discards_load(cw_discard_list **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_discard_list *d = calloc(1, sizeof *d);
	if (!d || !(d->arena = cw_arena_new())) {
		free(d);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (int c = 0; c < 256; c++)
		d->first[c] = -1;
	char path[4096];
	snprintf(path, sizeof path, "%s/discards.txt", data_dir);
	loader ld = { d, path, err, errlen };
	errno = 0;
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc != 0 && !*err && errno != ENOENT)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	if (rc != 0 && *err) {
		cw_discards_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void cw_discards_free(cw_discard_list *d)
{
	if (!d)
		return;
	cw_arena_free(d->arena);
	free(d);
}

static int word_char(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* Does the phrase occur at text[i], ending where a word ends? */
static int at(const phrase *p, const char *text, size_t i, size_t n)
{
	if (i + p->len > n)
		return 0;
	size_t k = 1;
	while (k < p->len && tolower((unsigned char)text[i + k]) == p->text[k])
		k++;
	return k == p->len && (p->stem || i + k == n || !word_char(text[i + k]));
}

/* Phrases are tried only at the starts of words, and only those that
 * begin with the word's first letter: one pass over the text. */
const char *cw_discard_match(const cw_discard_list *d, const char *text, size_t n, int story)
{
	if (!d || !d->n)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && word_char(text[i - 1]))
			continue;
		for (int k = d->first[(unsigned char)tolower((unsigned char)text[i])]; k >= 0; k = d->p[k].next)
			if (d->p[k].story == story && at(&d->p[k], text, i, n))
				return d->p[k].text;
	}
	return NULL;
}

int cw_discards(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	s->discard = doc->discard ? doc->discard
				  : cw_discard_match(cw->discards, doc->text + s->start, s->end - s->start, 0);
	return s->discard != NULL;
}
