/*
 * lemmas.c -- base forms of words from WordNet ("met" -> "meet", "talks" ->
 * "talk"), so that the verb dictionary is keyed by lemma and one entry
 * covers every inflection.
 *
 * WordNet's library keeps its results in static buffers and is not
 * thread-safe, while stages run on several threads at once.  Every call
 * into it therefore happens under one write lock, and each answer is kept
 * in a process-wide cache read under the shared lock: news reuses a small
 * vocabulary, so after the first stories nearly every look-up is a cache
 * hit and threads rarely wait for each other.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wn.h>
#include "internal.h"

/* Longest word worth looking up; longer tokens are URLs or noise. */
#define MAX_WORD 48
/* Unknown words (names, typos) are cached too, but not without bound. */
#define MAX_CACHE 2000000

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int wn_state;            /* 0 not tried, 1 open, -1 failed; under lock */
/* "v:met" -> interned "meet", or the address of no_lemma.  Kept reachable
 * for the life of the process, which LeakSanitizer treats as not leaked. */
static cw_map *cache;
static cw_map *interned;        /* lemma -> its one copy */
static const char no_lemma[] = "";

/* Words that never anchor an event pattern.  Patterns still match them
 * literally ("call on * to"), by their lower-case text. */
static const char *const stopwords[] = {
	"a", "an", "the", "this", "that", "these", "those", "its", "it", "his",
	"her", "hers", "their", "theirs", "our", "ours", "my", "your", "he", "she",
	"they", "them", "him", "we", "us", "i", "you", "me", "who", "whom", "whose",
	"which", "what", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"about", "into", "onto", "over", "under", "between", "among", "through",
	"during", "within", "without", "against", "toward", "towards", "upon",
	"and", "or", "but", "nor", "so", "if", "than", "as", "because", "while",
	"although", "though", "whether", "also", "not", "n't", "no", "be", "is",
	"are", "was", "were", "been", "being", "am", "have", "has", "had",
	"having", "do", "does", "did", "will", "would", "shall", "should", "may",
	"might", "can", "could", "must", "there", "here", "then", "very", "too",
	"just", "only", "both", "each", "all", "any", "some", "such", "own",
	"other", "another", "more", "most", "where", "when", "how", "why",
};
static cw_map *stops;
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;

static void build_stops(void)
{
	stops = cw_map_new();
	for (size_t i = 0; stops && i < sizeof stopwords / sizeof *stopwords; i++)
		if (cw_map_put(stops, stopwords[i], (void *)stopwords[i]) < 0) {
			/* Half a list would change the coding silently. */
			cw_map_free(stops);
			stops = NULL;
		}
}

/* Needs the write lock. */
static int open_wordnet(void)
{
	if (wn_state == 0) {
		cache = cw_map_new();
		interned = cw_map_new();
		wn_state = cache && interned && wninit() == 0 ? 1 : -1;
	}
	return wn_state;
}

int cw_lemmas_init(void)
{
	pthread_once(&stops_once, build_stops);
	pthread_rwlock_wrlock(&lock);
	int st = open_wordnet();
	int oom = !stops || !cache || !interned;
	pthread_rwlock_unlock(&lock);
	if (oom)
		errno = ENOMEM;   /* for curlew_open to tell this from a missing WordNet */
	return st == 1 && !oom ? 0 : -1;
}

/* Set when a look-up failed for want of memory, so that cw_lemmas can
 * report it instead of coding on with a missing lemma; per thread, since
 * stories are coded on several at once. */
static _Thread_local int lemma_oom;

static const char *intern(const char *s)
{
	char *have = cw_map_get(interned, s);
	if (have)
		return have;
	char *copy = strdup(s);
	if (!copy || cw_map_put(interned, s, copy) < 0) {
		free(copy);
		lemma_oom = 1;
		return NULL;
	}
	return copy;
}

static int wn_pos(char pos)
{
	return pos == 'v' ? VERB : pos == 'n' ? NOUN : pos == 'a' ? ADJ : 0;
}

/* Needs the write lock.  morphstr answers only when the word is an
 * inflection; a word that is already a base form is checked with in_wn. */
static const char *ask_wordnet(const char *word, int wpos)
{
	char buf[MAX_WORD + 1];
	strcpy(buf, word);
	const char *base = morphstr(buf, wpos);
	if (base)
		return intern(base);
	strcpy(buf, word);
	if (in_wn(buf, wpos))
		return intern(word);
	return NULL;
}

/* pos 'v' verb, 'n' noun, and also 'a' adjective (the verbs stage uses it
 * to tell participial adjectives from verbs). */
const char *cw_lemma(const char *lower_word, char pos)
{
	int wpos = wn_pos(pos);
	size_t n = lower_word ? strlen(lower_word) : 0;
	if (!wpos || n == 0 || n > MAX_WORD)
		return NULL;
	char key[MAX_WORD + 3] = { pos, ':' };
	memcpy(key + 2, lower_word, n + 1);

	pthread_rwlock_rdlock(&lock);
	const char *hit = cache ? cw_map_get(cache, key) : NULL;
	pthread_rwlock_unlock(&lock);
	if (hit)
		return hit == no_lemma ? NULL : hit;

	pthread_rwlock_wrlock(&lock);
	const char *res = NULL;
	if (open_wordnet() == 1) {
		hit = cw_map_get(cache, key);
		if (hit) {
			res = hit == no_lemma ? NULL : hit;
		} else {
			res = ask_wordnet(lower_word, wpos);
			/* A failed cache insert only costs a later look-up, but
			 * an answer lost to memory must not be remembered. */
			if (!lemma_oom && cw_map_count(cache) < MAX_CACHE)
				cw_map_put(cache, key, (void *)(res ? res : no_lemma));
		}
	}
	pthread_rwlock_unlock(&lock);
	return res;
}

static int is_stopword(const char *w)
{
	return stops && cw_map_get(stops, w) != NULL;
}

/* A word worth a look-up has a letter in it: no "--", "1990s" passes. */
static int has_letter(const char *w)
{
	for (; *w; w++)
		if ((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z'))
			return 1;
	return 0;
}

int cw_lemmas(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	(void)cw;
	(void)doc;
	pthread_once(&stops_once, build_stops);
	for (int i = 0; i < s->ntoks; i++) {
		cw_token *t = &s->toks[i];
		t->vlemma = t->nlemma = NULL;
		if ((t->flags & (CW_T_PUNCT | CW_T_NUM)) || !t->lower ||
		    !has_letter(t->lower) || is_stopword(t->lower))
			continue;
		lemma_oom = 0;
		t->vlemma = cw_lemma(t->lower, 'v');
		t->nlemma = cw_lemma(t->lower, 'n');
		if (lemma_oom)
			return CURLEW_ESYS;
	}
	return 0;
}
