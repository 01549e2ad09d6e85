/* test_lexicon.c -- the word lists of data/lexicon.txt: lookups, endings,
 * and the start-up errors that keep a misspelt or missing list from
 * silently emptying a rule. */
#include <stdlib.h>
#include "coder/coder.h"
#include "check.h"

static char dir[] = "/tmp/curlew-lexicon-XXXXXX";

/* Writes DIR/lexicon.txt with every list the code knows, one word each,
 * plus `extra`; returns the load's result. */
static int load_with(const char *extra, char *err, size_t errlen, int skip)
{
	char path[256];
	snprintf(path, sizeof path, "%s/lexicon.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -2;
	for (int i = 0; i < CW_NLEX; i++)
		if (i != skip)
			fprintf(f, "%s  w%d\n", cw_lex_name(i), i);
	fputs(extra, f);
	fclose(f);
	cw_lexicon *l = NULL;
	int rc = cw_lexicon_load(&l, dir, err, errlen);
	cw_lexicon_free(l);
	return rc;
}

int main(void)
{
	char err[512];
	cw_lexicon *l = NULL;
	CHECK_INT(cw_lexicon_load(&l, "data", err, sizeof err), 0);
	CHECK(cw_lex_has(l, CW_LX_TARGET_PREPS, "against"));
	CHECK(!cw_lex_has(l, CW_LX_TARGET_PREPS, "in"));   /* a place, never a target */
	CHECK(cw_lex_has(l, CW_LX_PLACE_PREPS, "in"));
	CHECK(cw_lex_has(l, CW_LX_POSSESSIVE, "'s"));
	CHECK(cw_lex_has(l, CW_LX_LIST_GLUE, ","));
	CHECK(cw_lex_has(l, CW_LX_DAYS, "overnight"));      /* a list over two lines */
	CHECK(cw_lex_ends(l, CW_LX_PROGRESSIVE, "killing"));
	CHECK(!cw_lex_ends(l, CW_LX_PROGRESSIVE, "ing"));   /* an ending needs a stem */
	CHECK(cw_lex_ends(l, CW_LX_PAST, "seized") && !cw_lex_ends(l, CW_LX_PAST, "seize"));
	CHECK(!cw_lex_has(l, CW_NLEX, "in") && !cw_lex_has(l, -1, "in") && !cw_lex_has(l, 0, NULL));
	/* Two lists under one name would share the file's lines: each stage
	 * that added a list must have named it apart (object-pronouns once was
	 * claimed by verbs.c and coref.c at the same time). */
	int unique = 1;
	for (int i = 0; i < CW_NLEX; i++)
		for (int j = i + 1; j < CW_NLEX; j++)
			if (!cw_lex_name(i) || !cw_lex_name(j) || !strcmp(cw_lex_name(i), cw_lex_name(j)))
				unique = 0;
	CHECK(unique);
	cw_lexicon_free(l);

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(load_with("", err, sizeof err, -1), 0);
	CHECK_INT(load_with("target-prep  with\n", err, sizeof err, -1), -1);
	CHECK(strstr(err, "lexicon.txt:") && strstr(err, "unknown list \"target-prep\""));
	CHECK_INT(load_with("", err, sizeof err, CW_LX_BE), -1);
	CHECK(strstr(err, "the list \"be-forms\" is missing") != NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/lexicon.txt", dir);
	remove(path);
	CHECK_INT(cw_lexicon_load(&l, dir, err, sizeof err), -1);
	CHECK(l == NULL && strstr(err, "lexicon.txt") != NULL);
	rmdir(dir);
	return check_done("test_lexicon");
}
