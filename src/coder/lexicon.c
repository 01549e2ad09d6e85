/*
 * lexicon.c -- the word lists the coding stages read (DATA/lexicon.txt):
 * prepositions that introduce a target, words that open a clause, the
 * forms of "be"...  Each list has a name the code knows (the table below,
 * which also says who reads it); the file must define every one and no
 * other, so that a misspelt name stops start-up instead of silently
 * emptying a rule.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

static const char *const names[CW_NLEX] = {
	[CW_LX_TARGET_PREPS] = "target-preps",
	[CW_LX_TOPIC_PREPS] = "topic-preps",
	[CW_LX_GENITIVE] = "genitive",
	[CW_LX_OPENERS] = "sentence-openers",
	[CW_LX_PLACE_PREPS] = "place-preps",
	[CW_LX_NP_BREAKS] = "phrase-breaks",
	[CW_LX_LIST_GLUE] = "list-glue",
	[CW_LX_AND] = "conjunction",
	[CW_LX_BE] = "be-forms",
	[CW_LX_BE_FINITE] = "be-finite",
	[CW_LX_CLAUSE_OPENERS] = "clause-openers",
	[CW_LX_DAYS] = "day-words",
	[CW_LX_PREPS] = "prepositions",
	[CW_LX_SETTING_PREPS] = "setting-preps",
	[CW_LX_ADVERBIAL] = "adverbial-openers",
	[CW_LX_RELATIVES] = "relatives",
	[CW_LX_AFTER_PARTICIPLE] = "after-participle",
	[CW_LX_REASON_PREPS] = "reason-preps",
	[CW_LX_ADDRESSEE_PREPS] = "addressee-preps",
	[CW_LX_AGENT_BY] = "agent-by",
	[CW_LX_SOURCE_PREPS] = "source-preps",
	[CW_LX_POSSESSIVE] = "possessive",
	[CW_LX_INFINITIVE] = "infinitive",
	[CW_LX_COMPLEMENTIZER] = "complementizer",
	[CW_LX_PERSON_PRONOUNS] = "person-pronouns",
	[CW_LX_IT_PRONOUNS] = "it-pronouns",
	[CW_LX_LOCATED_PREPS] = "located-preps",
	[CW_LX_MEMBER_PREPS] = "member-preps",
	[CW_LX_PROGRESSIVE] = "progressive-ending",
	[CW_LX_PAST] = "past-ending",
	[CW_LX_ARTICLES] = "articles",
	[CW_LX_THING_RELATIVES] = "thing-relatives",
	[CW_LX_IN] = "setting-in",
	[CW_LX_STATE_SECTORS] = "state-sectors",
	[CW_LX_AIMING_PREPS] = "aiming-preps",
	[CW_LX_FOREIGN] = "foreign-words",
	[CW_LX_MANNER] = "manner-preps",
	[CW_LX_DURATION] = "duration-words",
	[CW_LX_MUTUAL_PREPS] = "mutual-preps",
	[CW_LX_ACT_NOUNS] = "act-nouns",
	[CW_LX_PAIR_WORDS] = "pair-words",
	[CW_LX_MOTION_PREPS] = "motion-preps",
	[CW_LX_FORCE_SECTORS] = "force-sectors",
	[CW_LX_AUDIENCE_SECTORS] = "audience-sectors",
	[CW_LX_LIST_HEADS] = "list-heads",
	[CW_LX_ETHNIC] = "ethnic-words",
	[CW_LX_PERSON_OBJECTS] = "person-object-pronouns",
	[CW_LX_LED] = "led-words",
	[CW_LX_HOLDER_WORDS] = "holder-words",
	[CW_LX_CONDITIONS] = "condition-words",
	[CW_LX_PLACE_NOUNS] = "place-nouns",
	[CW_LX_DETERMINERS] = "determiners",
	[CW_LX_GAP_STOPS] = "gap-stops",
	[CW_LX_QUANTITIES] = "quantity-words",
	[CW_LX_SLOT_PLACE_PREPS] = "slot-place-preps",
	[CW_LX_SLOT_PREPS] = "slot-preps",
	[CW_LX_PHRASE_PREPS] = "phrase-preps",
	[CW_LX_BASE_LICENSORS] = "base-licensors",
	[CW_LX_LIGHT_ADVERBS] = "light-adverbs",
	[CW_LX_OBJECT_PRONOUNS] = "object-pronouns",
	[CW_LX_SAME_PAST] = "same-past",
	[CW_LX_GERUND_TOPIC] = "gerund-topic-preps",
	[CW_LX_SAY_VERBS] = "say-verbs",
	[CW_LX_CLAUSE_VERBS] = "clause-verbs",
};

/* One map from each word to the set of lists it is in, so that a stage
 * can learn all of a token's lists with one lookup (cw_lex_mask). */
struct cw_lexicon {
	cw_arena *arena;
	cw_map *words;           /* word -> uint64_t bit set of lists */
	int defined[CW_NLEX];
};

typedef struct loader {
	cw_lexicon *l;
	const char *path;
	char *err;
	size_t errlen;
} loader;

static int list_id(const char *name)
{
	for (int i = 0; i < CW_NLEX; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* "NAME  word word ...": a line adds its words to the list NAME. */
static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	for (char *p = line; *p; p++)
		if (*p == '\t')
			*p = ' ';
	char *w[256];
	int n = cw_split(cw_trim(line), ' ', w, 256);
	int id = list_id(w[0]);
	if (id < 0) {
		snprintf(ld->err, ld->errlen, "%s:%d: unknown list \"%s\"", ld->path, lineno, w[0]);
		return -1;
	}
	if (n == 256) {
		snprintf(ld->err, ld->errlen, "%s:%d: too many words on one line", ld->path, lineno);
		return -1;
	}
	ld->l->defined[id] = 1;
	for (int i = 1; i < n; i++) {
		char *word = cw_trim(w[i]);
		if (!*word)
			continue;
		cw_lower_ascii(word);
		uint64_t *mask = cw_map_get(ld->l->words, word);
		if (!mask && (!(mask = cw_alloc(ld->l->arena, sizeof *mask)) ||
			      cw_map_put(ld->l->words, word, mask) < 0)) {
			snprintf(ld->err, ld->errlen, "out of memory");
			return -1;
		}
		*mask |= (uint64_t)1 << id;
	}
	return 0;
}

int cw_lexicon_load(cw_lexicon **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	_Static_assert(CW_NLEX <= 64, "a list is a bit of a 64-bit set");
	cw_lexicon *l = calloc(1, sizeof *l);
	if (l && (!(l->arena = cw_arena_new()) || !(l->words = cw_map_new()))) {
		cw_lexicon_free(l);
		l = NULL;
	}
	if (!l) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/lexicon.txt", data_dir);
	loader ld = { l, path, err, errlen };
	errno = 0;
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc != 0 && !*err)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	for (int i = 0; rc == 0 && i < CW_NLEX; i++)
		if (!l->defined[i]) {
			snprintf(err, errlen, "%s: the list \"%s\" is missing", path, names[i]);
			rc = -1;
		}
	if (rc != 0) {
		cw_lexicon_free(l);
		return -1;
	}
	*out = l;
	return 0;
}

void cw_lexicon_free(cw_lexicon *l)
{
	if (!l)
		return;
	cw_map_free(l->words);
	cw_arena_free(l->arena);
	free(l);
}

uint64_t cw_lex_mask(const cw_lexicon *l, const char *word)
{
	const uint64_t *m = l && word ? cw_map_get(l->words, word) : NULL;
	return m ? *m : 0;
}

int cw_lex_has(const cw_lexicon *l, int list, const char *word)
{
	return list >= 0 && list < CW_NLEX && (cw_lex_mask(l, word) >> list & 1);
}

const char *cw_lex_name(int list)
{
	return list >= 0 && list < CW_NLEX ? names[list] : NULL;
}

int cw_lex_ends(const cw_lexicon *l, int list, const char *word)
{
	if (!l || !word || list < 0 || list >= CW_NLEX)
		return 0;
	size_t n = strlen(word);
	/* the endings are short: try every suffix that could be one */
	for (size_t k = 1; k < n && k <= 4; k++)
		if (cw_lex_has(l, list, word + n - k))
			return 1;
	return 0;
}
