/* test_wordclass.c -- the "!class" lists verbs.txt and recode.txt share
 * (wordclass.c): lines read into classes, words matched by a token's
 * lower-case text or noun base form, and the lines that are refused. */
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

/* Reads one line's rest (after "!class ") into w; the error, or NULL. */
static const char *line(cw_wclasses *w, const char *rest, int places, const char **what)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", rest);
	return cw_wclass_line(w, buf, places, what);
}

static cw_token token(const char *lower, const char *nlemma)
{
	cw_token t;
	memset(&t, 0, sizeof t);
	t.lower = lower;
	t.nlemma = nlemma;
	return t;
}

static void test_lines(void)
{
	cw_arena *a = cw_arena_new();
	cw_wclasses *w = cw_wclasses_new(a);
	CHECK(w != NULL);
	const char *what;
	/* a class may take several lines, with tabs; names and words are
	 * lower-cased */
	CHECK(line(w, "private company\tfirm", 0, &what) == NULL);
	CHECK(line(w, "Private  Carmaker", 0, &what) == NULL);
	CHECK(line(w, "place @places town", 1, &what) == NULL);
	const cw_wclass *p = cw_wclass_get(w, "private"), *pl = cw_wclass_get(w, "place");
	CHECK(p != NULL && pl != NULL);
	CHECK(cw_wclass_get(w, "nature") == NULL);
	CHECK_INT(p ? p->places : -1, 0);
	CHECK_INT(pl ? pl->places : -1, 1);
	static const struct { const char *lower, *nlemma; int in_private; } rows[] = {
		{ "company", NULL, 1 },
		{ "firms", "firm", 1 },          /* by its noun base form */
		{ "carmaker", NULL, 1 },         /* written "Carmaker" */
		{ "town", NULL, 0 },             /* another class's word */
		{ "government", NULL, 0 },
	};
	for (size_t i = 0; p && i < sizeof rows / sizeof *rows; i++) {
		cw_token t = token(rows[i].lower, rows[i].nlemma);
		CHECK_INT(cw_wclass_has(w, p, &t), rows[i].in_private);
	}
	cw_token town = token("town", NULL);
	CHECK(pl && cw_wclass_has(w, pl, &town));
	/* refused: no name, "@places" where the file has no places, a
	 * word too long for a key */
	CHECK_STR(line(w, "   ", 0, &what), "a class needs a name");
	CHECK_STR(line(w, "nature @places flood", 0, &what), "bad class word");
	CHECK_STR(what, "@places");
	char longword[200];
	memset(longword, 'x', sizeof longword - 1);
	longword[sizeof longword - 1] = '\0';
	char rest[256];
	snprintf(rest, sizeof rest, "nature %.190s", longword);
	CHECK_STR(line(w, rest, 0, &what), "bad class word");
	cw_wclasses_free(w);
	cw_arena_free(a);
}

int main(void)
{
	test_lines();
	return check_done("test_wordclass");
}
