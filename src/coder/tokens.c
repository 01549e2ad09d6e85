/*
 * tokens.c -- splits a sentence into words and punctuation.
 *
 * Each token keeps its byte span in the story, so that anything later
 * stages find can be pointed at in the original text, and a normalised
 * form (NFC, typographic quotes and dashes made plain) so that the
 * dictionaries need list each word once.  Pieces that carry meaning on
 * their own are split off the way treebanks do it: possessive "'s",
 * negation "n't" and other clitics; pieces that belong to a word stay:
 * "U.S.", "Gen.", "1,200", "3.5", "Nagorno-Karabakh".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "coder.h"

/* Later stages (patterns, the parser) cost more than linearly in the
 * number of tokens; a sentence beyond this is cut. */
#define MAX_TOKS 1000

typedef struct tokenizer {
	const curlew *cw;
	curlew_doc *doc;
	const char *t;
	size_t n;           /* the sentence's end: nothing is read beyond it */
	cw_token *toks;
	int ntoks, cap;
	int oom;
} tokenizer;

static int32_t char_at(const tokenizer *tk, size_t i, size_t *len)
{
	/* ASCII, most of news, is its own code point: no decoder call */
	unsigned char b = i < tk->n ? (unsigned char)tk->t[i] : 0x80;
	if (b < 0x80) {
		*len = 1;
		return b;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)tk->t + i,
					      (utf8proc_ssize_t)(tk->n - i), &cp);
	if (l <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)l;
	return cp;
}

/* An underscore is read as a space: corpora prepared for TABARI and
 * PETRARCH join the words of a name with it ("Dol_Amroth"). */
static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '_' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	       cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static int is_word_char(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int is_digit(int32_t cp)
{
	return cp >= 0 && (cp < 0x80 ? cp >= '0' && cp <= '9'
				     : utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

/* The plain form of a typographic character, or NULL to keep it. */
static const char *plain(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
	case 0x2033:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
		return "-";
	case 0x2026:
		return "...";
	default:
		return NULL;
	}
}

/* ------------------------------------------------------------ the token */

/* Normalises bytes [s, e): plain quotes and dashes, then NFC. */
static char *normalise(tokenizer *tk, size_t s, size_t e, int *ascii)
{
	size_t cap = (e - s) * 3 + 1, o = 0;
	char *buf = cw_alloc(tk->doc->arena, cap);
	if (!buf)
		return NULL;
	*ascii = 1;
	for (size_t i = s, l; i < e; i += l) {
		if ((unsigned char)tk->t[i] < 0x80) {   /* no typographic form to plain */
			buf[o++] = tk->t[i];
			l = 1;
			continue;
		}
		int32_t cp = char_at(tk, i, &l);
		const char *p = plain(cp);
		if (p) {
			size_t pl = strlen(p);
			memcpy(buf + o, p, pl);
			o += pl;
			continue;
		}
		if ((unsigned char)tk->t[i] >= 0x80)
			*ascii = 0;
		memcpy(buf + o, tk->t + i, l);
		o += l;
	}
	buf[o] = '\0';
	if (*ascii)
		return buf;
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)o, &nfc,
					  UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (r < 0)
		return buf;     /* not valid UTF-8: keep the bytes as they came */
	char *out = cw_strndup(tk->doc->arena, (const char *)nfc, (size_t)r);
	free(nfc);
	return out;
}

static const char *lower_of(tokenizer *tk, const char *text, int ascii)
{
	size_t n = strlen(text);
	int changed = 0;
	if (ascii) {
		for (size_t i = 0; i < n && !changed; i++)
			changed = text[i] >= 'A' && text[i] <= 'Z';
		if (!changed)
			return text;
		char *low = cw_strndup(tk->doc->arena, text, n);
		if (low)
			for (char *p = low; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p + 32);
		return low;
	}
	/* Lower-casing can change a character's length, so re-encode. */
	char *low = cw_alloc(tk->doc->arena, n * 2 + 4);
	if (!low)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (l <= 0) {
			low[o++] = text[i++];
			continue;
		}
		o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)low + o);
		i += (size_t)l;
	}
	low[o] = '\0';
	return low;
}

/* The flags that follow from the counts of a token's characters. */
static unsigned word_flags(const char *text, int letters, int upper, int lower, int alnum)
{
	unsigned f = 0;
	if (!alnum)
		f |= CW_T_PUNCT;
	if (letters >= 2 && upper >= 2 && lower == 0)
		f |= CW_T_ALLCAP;
	if (!strcmp(text, "\"") || !strcmp(text, "'") || !strcmp(text, "``") || !strcmp(text, "''"))
		f |= CW_T_QUOTE;
	return f;
}

/* flags_of for plain ASCII, most of news: no Unicode tables consulted. */
static unsigned ascii_flags(const char *text)
{
	unsigned f = 0;
	int letters = 0, upper = 0, lower = 0, alnum = 0;
	for (const char *p = text; *p; p++) {
		char c = *p;
		int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z', dig = c >= '0' && c <= '9';
		if (p == text && up)
			f |= CW_T_CAP;
		if (p == text && dig)
			f |= CW_T_NUM;
		letters += up || low;
		upper += up;
		lower += low;
		alnum |= up || low || dig;
	}
	return f | word_flags(text, letters, upper, lower, alnum);
}

static unsigned flags_of(const char *text, int ascii)
{
	if (ascii)
		return ascii_flags(text);
	unsigned f = 0;
	int letters = 0, upper = 0, lower = 0, alnum = 0, first = 1;
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (l <= 0) {
			i++;
			first = 0;
			continue;
		}
		utf8proc_category_t c = utf8proc_category(cp);
		int up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
		if (first && up)
			f |= CW_T_CAP;
		if (first && is_digit(cp))
			f |= CW_T_NUM;
		if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) {
			letters++;
			upper += up;
			lower += c == UTF8PROC_CATEGORY_LL;
		}
		if (is_word_char(cp))
			alnum = 1;
		first = 0;
		i += (size_t)l;
	}
	return f | word_flags(text, letters, upper, lower, alnum);
}

static void emit(tokenizer *tk, size_t s, size_t e, const char *forced)
{
	if (tk->oom || e <= s || tk->ntoks >= MAX_TOKS)
		return;
	cw_token *toks = cw_grow(tk->doc->arena, tk->toks, &tk->cap, tk->ntoks + 1, sizeof *toks);
	int ascii = 1;
	char *text = !toks ? NULL : forced ? cw_strdup(tk->doc->arena, forced)
					   : normalise(tk, s, e, &ascii);
	const char *low = text ? lower_of(tk, text, ascii) : NULL;
	if (!low) {
		tk->oom = 1;
		return;
	}
	tk->toks = toks;
	cw_token *k = &tk->toks[tk->ntoks++];
	memset(k, 0, sizeof *k);
	k->start = (uint32_t)s;
	k->end = (uint32_t)e;
	k->text = text;
	k->lower = low;
	k->flags = flags_of(text, ascii && !forced);
	k->mention = -1;
	k->place = -1;
}

/* ----------------------------------------------------------------- words */

/* The end of the word starting at i: letters and digits, joined by the
 * marks that live inside words (hyphens, apostrophes, decimal points,
 * thousands commas, "AT&T"). */
static size_t word_end(const tokenizer *tk, size_t i)
{
	size_t j = i, l, nl;
	int32_t prev = -1;
	while (j < tk->n) {
		int32_t cp = char_at(tk, j, &l);
		if (is_word_char(cp)) {
			prev = cp;
			j += l;
			continue;
		}
		if (j + l >= tk->n)
			break;
		int32_t next = char_at(tk, j + l, &nl);
		if (!is_word_char(next))
			break;
		int joins = is_hyphen(cp) || is_apostrophe(cp) || cp == '.' ||
			    (cp == ',' && is_digit(prev) && is_digit(next)) ||
			    (cp == '&' && prev >= 'A' && prev <= 'Z' && next >= 'A' && next <= 'Z');
		if (!joins)
			break;
		prev = cp;
		j += l;
	}
	return j;
}

/* A clitic at the end of [s, e): returns where it starts, or e. */
static size_t clitic_start(const tokenizer *tk, size_t s, size_t e)
{
	/* "n't": "didn't" -> "did" + "n't". */
	for (size_t alen = 1; alen <= 3; alen += 2) {
		size_t tail = alen + 2;           /* n + apostrophe + t */
		if (e - s <= tail)
			continue;
		const char *p = tk->t + e - tail;
		size_t l;
		if ((p[0] | 0x20) == 'n' && is_apostrophe(char_at(tk, e - tail + 1, &l)) &&
		    l == alen && (p[tail - 1] | 0x20) == 't')
			return e - tail;
	}
	/* 's 're 've 'll 'd 'm: the last apostrophe, a short known suffix. */
	static const char *const suffixes[] = { "s", "re", "ve", "ll", "d", "m", NULL };
	for (size_t a = e - 1; a > s && e - a <= 5; a--) {
		size_t l;
		int32_t cp = char_at(tk, a, &l);
		if (((unsigned char)tk->t[a] & 0xC0) == 0x80 || !is_apostrophe(cp))
			continue;
		size_t sl = e - a - l;
		for (int k = 0; suffixes[k]; k++)
			if (strlen(suffixes[k]) == sl && !strncasecmp(tk->t + a + l, suffixes[k], sl))
				return a;
		break;
	}
	return e;
}

static void emit_word(tokenizer *tk, size_t s, size_t e)
{
	size_t c = clitic_start(tk, s, e);
	emit(tk, s, c, NULL);
	if (c < e)
		emit(tk, c, e, NULL);
}

/* Punctuation at i: runs of stops and of hyphens make one token. */
static size_t punct_end(const tokenizer *tk, size_t i, const char **forced)
{
	size_t l;
	int32_t cp = char_at(tk, i, &l);
	*forced = NULL;
	if (cp == '.' || cp == '-') {
		size_t j = i;
		while (j < tk->n && tk->t[j] == (char)cp)
			j++;
		if (cp == '-')
			*forced = "-";
		return j;
	}
	if (cp == '`' || cp == '\'') {
		/* `` and '' are quotation marks in some plain-text sources. */
		if (i + 1 < tk->n && tk->t[i + 1] == (char)cp)
			return i + 2;
	}
	return i + l;
}

int cw_tokens(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	tokenizer tk = { 0 };
	tk.cw = cw;
	tk.doc = doc;
	tk.t = doc->text;
	tk.n = s->end <= doc->len ? s->end : doc->len;
	const cw_abbrevs *ab = cw ? cw->abbrevs : NULL;
	size_t i = s->start, l;

	while (i < tk.n && tk.ntoks < MAX_TOKS && !tk.oom) {
		int32_t cp = char_at(&tk, i, &l);
		if (is_space(cp)) {
			i += l;
			continue;
		}
		if (is_word_char(cp)) {
			size_t e = word_end(&tk, i);
			/* A final stop belongs to a known abbreviation or initial. */
			if (e < tk.n && tk.t[e] == '.' && cw_abbrev_known(ab, tk.t + i, e + 1 - i))
				e++;
			emit_word(&tk, i, e);
			i = e;
			continue;
		}
		const char *forced;
		size_t e = punct_end(&tk, i, &forced);
		if (tk.t[i] == '`' && e == i + 2)
			forced = "\"";
		else if (tk.t[i] == '\'' && e == i + 2)
			forced = "\"";
		emit(&tk, i, e, forced);
		i = e;
	}
	if (tk.oom)
		return CURLEW_ESYS;
	if (tk.ntoks >= MAX_TOKS && i < tk.n)
		cw_doc_warn(doc, "story %s: sentence %d cut at %d tokens", doc->id ? doc->id : "",
			    s->index, MAX_TOKS);
	for (int k = 0; k < tk.ntoks; k++)
		if (!(tk.toks[k].flags & CW_T_PUNCT)) {
			tk.toks[k].flags |= CW_T_SENT_START;
			break;
		}
	s->toks = tk.toks;
	s->ntoks = tk.ntoks;
	return 0;
}

int cw_possessive_token(const cw_token *t)
{
	return t->text && (strcmp(t->text, "'s") == 0 || strcmp(t->text, "'") == 0);
}
