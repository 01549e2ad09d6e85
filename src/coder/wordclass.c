/*
 * wordclass.c -- named lists of words, read from "!class NAME word ..."
 * lines of a data file (verbs.txt's object and subject classes: "captured
 * a town" vs "captured the mayor"; recode.txt's kinds of party that are no
 * state: "the German carmaker").  One loader and one matcher for both: a
 * word is lower-cased on loading and matched by a token's lower-case text
 * or its noun base form.  A class may take several lines; its name is
 * lower-cased too.
 */
#include <string.h>
#include "coder.h"

/* Class names and words are single words: a key "name\x1fword" longer
 * than this is a line that went wrong. */
#define KEY_MAX 128

struct cw_wclasses {
	cw_arena *arena;            /* the owner's: class records and names */
	cw_map *classes;            /* NAME -> cw_wclass */
	cw_map *words;              /* "NAME\x1fword" -> cw_wclass */
};

cw_wclasses *cw_wclasses_new(cw_arena *arena)
{
	cw_wclasses *w = cw_alloc(arena, sizeof *w);
	if (!w)
		return NULL;
	w->arena = arena;
	w->classes = cw_map_new();
	w->words = cw_map_new();
	if (!w->classes || !w->words) {
		cw_wclasses_free(w);
		return NULL;
	}
	return w;
}

void cw_wclasses_free(cw_wclasses *w)
{
	if (!w)
		return;
	cw_map_free(w->classes);
	cw_map_free(w->words);
	w->classes = w->words = NULL;
}

const cw_wclass *cw_wclass_get(const cw_wclasses *w, const char *name)
{
	return w ? cw_map_get(w->classes, name) : NULL;
}

static cw_wclass *class_named(cw_wclasses *w, const char *name)
{
	cw_wclass *c = cw_map_get(w->classes, name);
	if (c)
		return c;
	if (!(c = cw_alloc(w->arena, sizeof *c)) || !(c->name = cw_strdup(w->arena, name)) ||
	    cw_map_put(w->classes, c->name, c) < 0)
		return NULL;
	c->places = 0;
	return c;
}

const char *cw_wclass_line(cw_wclasses *w, char *rest, int allow_places, const char **what)
{
	cw_wclass *c = NULL;
	*what = NULL;
	for (char *save = NULL, *x = strtok_r(rest, " \t", &save); x; x = strtok_r(NULL, " \t", &save)) {
		cw_lower_ascii(x);
		if (!c) {
			if (!(c = class_named(w, x)))
				return "out of memory";
			continue;
		}
		if (allow_places && strcmp(x, "@places") == 0) {
			c->places = 1;
			continue;
		}
		char key[KEY_MAX];
		if (x[0] == '@' || !cw_key2(key, sizeof key, c->name, x)) {
			*what = x;
			return "bad class word";
		}
		if (cw_map_put(w->words, key, c) < 0)
			return "out of memory";
	}
	return c ? NULL : "a class needs a name";
}

int cw_wclass_has(const cw_wclasses *w, const cw_wclass *c, const cw_token *t)
{
	char key[KEY_MAX];
	const char *f[2] = { t->lower, t->nlemma };
	for (int i = 0; i < 2; i++)
		if (f[i] && cw_key2(key, sizeof key, c->name, f[i]) && cw_map_get(w->words, key))
			return 1;
	return 0;
}
