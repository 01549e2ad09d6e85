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
#include "internal.h"

typedef struct phrase {
	const char *text;        /* lower case, the '*' removed */
	size_t len;
	int stem, story;
} phrase;

struct cw_discard_list {
	cw_arena *arena;
	phrase *p;
	int n, cap;
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
	g[ld->d->n++] = (phrase){ copy, n, stem, story };
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

/* Does the phrase occur in text[0, n) at the start of a word? */
static int occurs(const phrase *p, const char *text, size_t n)
{
	for (size_t i = 0; i + p->len <= n; i++) {
		if ((i > 0 && word_char(text[i - 1])) || tolower((unsigned char)text[i]) != p->text[0])
			continue;
		size_t k = 1;
		while (k < p->len && tolower((unsigned char)text[i + k]) == p->text[k])
			k++;
		if (k == p->len && (p->stem || i + k == n || !word_char(text[i + k])))
			return 1;
	}
	return 0;
}

const char *cw_discard_match(const cw_discard_list *d, const char *text, size_t n, int story)
{
	for (int i = 0; d && i < d->n; i++)
		if (d->p[i].story == story && occurs(&d->p[i], text, n))
			return d->p[i].text;
	return NULL;
}

int cw_discards(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	s->discard = doc->discard ? doc->discard
				  : cw_discard_match(cw->discards, doc->text + s->start, s->end - s->start, 0);
	return s->discard != NULL;
}
