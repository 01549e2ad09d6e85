/*
 * tagger.c -- the part-of-speech stage: a Penn Treebank tag on every token,
 * so that the chunker can tell "detained" the participle from "detained"
 * the verb, and "talks" the noun from "talks" the verb, without a parser.
 *
 * A bigram hidden Markov model decoded with Viterbi.  Its tables are
 * field-made, not ours: the lexicon (how often each word carried each tag)
 * and the tag-bigram probabilities that Debian's liblingua-en-tagger-perl
 * ships, estimated from the Wall Street Journal treebank.  They are
 * converted at set-up by tools/gen-tagger.js into data/gen/ and loaded here
 * once; tagging only reads them, so threads share them without locks.
 *
 * A word is looked up as written, then with its first letter lower-cased
 * (sentence-initial words); a word the lexicon lacks gets the lexicon's
 * row for its shape class (-cap-, -ing-, -ed-, *NUM*...), as the package's
 * own tagger does.  Candidate tags are only those the lexicon gives the
 * word, so decoding costs a few products per token.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

/* The tagset: Penn Treebank's, in enum cw_pos order. */
static const char *const pos_names[CW_NPOS] = {
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS",
	"RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT",
	"WP", "WP$", "WRB", ",", ".", ":", "``", "''", "$", "-LRB-", "-RRB-", "#",
};

const char *cw_pos_name(int pos)
{
	return pos > 0 && pos < CW_NPOS ? pos_names[pos] : "";
}

int cw_pos_from_name(const char *name)
{
	for (int i = 1; i < CW_NPOS; i++)
		if (pos_names[i][0] == name[0] && strcmp(pos_names[i], name) == 0)
			return i;
	return CW_POS_NONE;
}

/* A word's row: its tags and log P(word | tag). */
#define MAX_CANDS 12   /* the lexicon's longest row has 9 tags */
typedef struct lexrow {
	unsigned char n, tag[MAX_CANDS];
	float logp[MAX_CANDS];
} lexrow;

/* A transition never seen in the treebank is not impossible in news, just
 * rare: this floor (about one in ten million) lets the lexicon overrule it
 * instead of leaving a word with no path. */
#define LOG_FLOOR -16.0f

struct cw_tagger {
	cw_map *words;                 /* word -> lexrow number + 1; keys in text */
	char *text;                    /* the lexicon file, cut in place */
	lexrow *rows;
	int nrows, caprows;
	float trans[CW_NPOS][CW_NPOS]; /* log P(tag | previous tag) */
	const lexrow *cls[16];         /* shape classes, by enum shape */
};

enum shape {
	SH_LRB, SH_RRB, SH_NUM, SH_ORD, SH_ABR, SH_HYP, SH_HYP_ADJ, SH_SYM, SH_CAP,
	SH_ING, SH_S, SH_TION, SH_LY, SH_ED, SH_UNKNOWN, SH_N
};
/* The lexicon's names for the shape classes (they are rows of its own). */
static const char *const shape_names[SH_N] = {
	"*LRB*", "*RRB*", "*NUM*", "*ORD*", "-abr-", "-hyp-", "-hyp-adj-", "-sym-",
	"-cap-", "-ing-", "-s-", "-tion-", "-ly-", "-ed-", "-unknown-",
};

/* ------------------------------------------------------------- loading */

static const lexrow *lookup(const cw_tagger *tg, const char *w)
{
	intptr_t k = (intptr_t)cw_map_get(tg->words, w);
	return k ? &tg->rows[k - 1] : NULL;
}

typedef struct loadctx {
	cw_tagger *tg;
	const char *file;
	char *err;
	size_t errlen;
	double tagcount[CW_NPOS];
} loadctx;

/* "TAG:number": the tag is everything before the last colon (":" is a
 * tag). */
static int split_pair(char *p, int *tag, double *num)
{
	char *c = strrchr(p, ':');
	if (!c || c == p)
		return -1;
	*c = '\0';
	*tag = cw_pos_from_name(p);
	char *end;
	/* counts are whole numbers, and strtol is much the cheaper at start-up */
	long whole = strtol(c + 1, &end, 10);
	*num = *end ? strtod(c + 1, &end) : (double)whole;
	return *tag == CW_POS_NONE || *end || end == c + 1 ? -1 : 0;
}

static int bad_line(loadctx *c, int lineno, const char *what)
{
	snprintf(c->err, c->errlen, "%s:%d: %s", c->file, lineno, what);
	return -1;
}

/* One lexicon line: word TAB TAG:count ...  The counts are kept as they
 * are (with each tag's total); cw_tagger_load then turns them into log
 * P(word | tag). */
static int lex_line(loadctx *c, char *line, int lineno)
{
	cw_tagger *tg = c->tg;
	char *tab = strchr(line, '\t');
	if (!tab)
		return bad_line(c, lineno, "want a word, a tab and TAG:count pairs");
	*tab = '\0';
	lexrow *row = &tg->rows[tg->nrows];
	memset(row, 0, sizeof *row);
	char *pairs[MAX_CANDS + 1];
	int n = cw_split(tab + 1, ' ', pairs, MAX_CANDS + 1);
	if (n > MAX_CANDS)
		return bad_line(c, lineno, "too many tags for one word");
	for (int i = 0; i < n; i++) {
		int tag;
		double num;
		if (split_pair(pairs[i], &tag, &num) < 0 || num <= 0)
			return bad_line(c, lineno, "bad TAG:count pair (unknown tag or count)");
		c->tagcount[tag] += num;
		row->tag[row->n] = (unsigned char)tag;
		row->logp[row->n++] = (float)num;
	}
	if (cw_map_get(tg->words, line))
		return bad_line(c, lineno, "word listed twice");
	if (cw_map_put(tg->words, line, (void *)(intptr_t)(tg->nrows + 1)) < 0) {
		snprintf(c->err, c->errlen, "out of memory");
		return -1;
	}
	tg->nrows++;
	return 0;
}

/* The lexicon is big (44,000 words): read whole and cut in place, the map
 * pointing into it, rather than a line and a key copy at a time. */
static int read_lexicon(loadctx *c, const char *dir)
{
	char path[4096];
	size_t len = 0;
	snprintf(path, sizeof path, "%s/gen/tagger-lexicon.tsv", dir);
	c->file = "tagger-lexicon.tsv";
	errno = 0;
	cw_tagger *tg = c->tg;
	if (!(tg->text = cw_read_file(path, &len))) {
		if (errno == ENOMEM)
			snprintf(c->err, c->errlen, "out of memory");
		else
			snprintf(c->err, c->errlen, "cannot read %s: %s (made at set-up by "
				 "tools/gen-tagger.js; run `make`)", path, strerror(errno));
		return -1;
	}
	size_t lines = 1;
	for (const char *p = tg->text; (p = memchr(p, '\n', (size_t)(tg->text + len - p))); p++)
		lines++;
	tg->caprows = (int)lines;
	if (!(tg->rows = calloc(lines, sizeof *tg->rows)) ||
	    !(tg->words = cw_map_new_borrowed(lines))) {
		snprintf(c->err, c->errlen, "out of memory");
		return -1;
	}
	int lineno = 0;
	for (char *line = tg->text; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		if (*line && *line != '#' && lex_line(c, line, lineno) < 0)
			return -1;
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}

/* Transition lines: previous TAB TAG:probability ... */
static int trans_line(void *ctx, char *line, int lineno)
{
	loadctx *c = ctx;
	char *tab = strchr(line, '\t');
	int prev;
	if (!tab)
		return bad_line(c, lineno, "want a tag, a tab and TAG:probability pairs");
	*tab = '\0';
	if ((prev = cw_pos_from_name(line)) == CW_POS_NONE)
		return bad_line(c, lineno, "unknown tag");
	char *pairs[CW_NPOS + 1];
	int n = cw_split(tab + 1, ' ', pairs, CW_NPOS + 1);
	for (int i = 0; i < n && i < CW_NPOS; i++) {
		int tag;
		double p;
		if (split_pair(pairs[i], &tag, &p) < 0 || p <= 0 || p > 1)
			return bad_line(c, lineno, "bad TAG:probability pair");
		c->tg->trans[prev][tag] = (float)log(p);
	}
	return 0;
}

static int read_file(loadctx *c, const char *dir, const char *name, cw_line_fn fn)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/gen/%s", dir, name);
	c->file = name;
	errno = 0;
	if (cw_read_lines(path, fn, c) != 0 && !c->err[0]) {
		if (errno == ENOMEM)
			snprintf(c->err, c->errlen, "out of memory");
		else
			snprintf(c->err, c->errlen, "cannot read %s: %s (made at set-up by "
				 "tools/gen-tagger.js; run `make`)", path, strerror(errno));
	}
	return c->err[0] ? -1 : 0;
}

static int load_status(const char *err)
{
	return strstr(err, "out of memory") ? CURLEW_ESYS : CURLEW_EUSAGE;
}

int cw_tagger_load(cw_tagger **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	cw_tagger *tg = calloc(1, sizeof *tg);
	if (!tg) {
		snprintf(err, errlen, "out of memory");
		return CURLEW_ESYS;
	}
	*out = tg;
	for (int i = 0; i < CW_NPOS; i++)
		for (int j = 0; j < CW_NPOS; j++)
			tg->trans[i][j] = LOG_FLOOR;
	loadctx c = { .tg = tg, .err = err, .errlen = errlen };
	err[0] = '\0';
	errno = 0;
	if (read_lexicon(&c, data_dir) < 0)
		return load_status(err);
	for (int i = 0; i < tg->nrows; i++) {
		lexrow *r = &tg->rows[i];
		for (int k = 0; k < r->n; k++)
			r->logp[k] = (float)log(r->logp[k] / c.tagcount[r->tag[k]]);
	}
	if (read_file(&c, data_dir, "tagger-transitions.tsv", trans_line) < 0)
		return load_status(err);
	for (int k = 0; k < SH_N; k++)
		if (!(tg->cls[k] = lookup(tg, shape_names[k]))) {
			snprintf(err, errlen, "tagger-lexicon.tsv: no row for the word class %s",
				 shape_names[k]);
			return CURLEW_EUSAGE;
		}
	return 0;
}

void cw_tagger_free(cw_tagger *tg)
{
	if (!tg)
		return;
	cw_map_free(tg->words);
	free(tg->rows);
	free(tg->text);
	free(tg);
}

/* ------------------------------------------------------------- tagging */

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }

/* Numbers as news writes them: 30, 1,000, 3.5, -2, 2023-09-20, 10:30. */
static int is_number(const char *w)
{
	const char *p = w + (*w == '-');
	if (!is_digit(*p) && !(*p == '.' && is_digit(p[1])))
		return 0;
	for (; *p; p++)
		if (!is_digit(*p) && *p != '.' && *p != ',' && *p != '/' && *p != ':' && *p != '-')
			return 0;
	return is_digit(p[-1]);
}

/* The shape class of a word the lexicon lacks, in the package's own order
 * of tests (Lingua::EN::Tagger's _classify_unknown_word). */
static int shape_of(const cw_tagger *tg, const char *w, unsigned flags)
{
	size_t n = strlen(w);
	if (strpbrk(w, "({["))
		return SH_LRB;
	if (strpbrk(w, ")}]"))
		return SH_RRB;
	if (is_number(w))
		return SH_NUM;
	if (is_digit(*w) || (*w == '-' && is_digit(w[1])))
		return SH_ORD;   /* 21st, 1990s */
	int allcap = is_upper(*w), hyphen = 0, alnum = 0;
	for (const char *p = w; *p; p++) {
		allcap &= is_upper(*p) || *p == '.' || *p == '-';
		hyphen |= *p == '-' && p > w && p[1] && is_alnum(p[-1]) && is_alnum(p[1]);
		alnum |= is_alnum(*p) || (unsigned char)*p >= 0x80;
	}
	if (allcap)
		return SH_ABR;
	if (hyphen) {
		const lexrow *r = lookup(tg, strrchr(w, '-') + 1);
		for (int i = 0; r && i < r->n; i++)
			if (r->tag[i] == CW_POS_JJ)
				return SH_HYP_ADJ;
		return SH_HYP;
	}
	if (!alnum)
		return SH_SYM;
	if (flags & CW_T_CAP)
		return SH_CAP;
	if (n > 3 && !strcmp(w + n - 3, "ing"))
		return SH_ING;
	if (n > 1 && w[n - 1] == 's')
		return SH_S;
	if (n > 4 && !strcmp(w + n - 4, "tion"))
		return SH_TION;
	if (n > 2 && !strcmp(w + n - 2, "ly"))
		return SH_LY;
	if (n > 2 && !strcmp(w + n - 2, "ed"))
		return SH_ED;
	return SH_UNKNOWN;
}

/* A plain '"' opens a quotation when a word follows it without a space,
 * else it closes one: the lexicon knows only `` and ''. */
static const char *quote_form(const curlew_doc *doc, const cw_sentence *s, int i)
{
	const cw_token *t = &s->toks[i];
	if (strcmp(t->text, "\"") != 0)
		return t->text;
	int opens = i + 1 < s->ntoks && s->toks[i + 1].start == t->end &&
		    !(s->toks[i + 1].flags & CW_T_PUNCT);
	(void)doc;
	return opens ? "``" : "''";
}

/* A sentence's first word is capitalised whatever it is, so there the
 * lower-case reading comes first ("Police detained": police, not a name). */
static const lexrow *row_of(const cw_tagger *tg, const char *w, unsigned flags)
{
	const lexrow *r = NULL, *low_r = NULL;
	if (is_upper(*w) && !is_upper(w[1]) && strlen(w) < 64) {
		char low[64];
		strcpy(low, w);
		low[0] = (char)(low[0] - 'A' + 'a');
		low_r = lookup(tg, low);
	}
	if (low_r && (flags & CW_T_SENT_START))
		return low_r;
	if ((r = lookup(tg, w)))
		return r;
	return low_r ? low_r : tg->cls[shape_of(tg, w, flags)];
}

/* Viterbi over each token's candidate tags; the state before the first
 * word is the sentence end ("."), as in the treebank's running text. */
int cw_tag(const curlew *cw, curlew_doc *doc, cw_sentence *s)
{
	const cw_tagger *tg = cw->tagger;
	if (!tg || s->ntoks == 0)
		return 0;
	int n = s->ntoks;
	const lexrow **rows = cw_alloc(doc->arena, sizeof *rows * (size_t)n);
	float *score = cw_alloc(doc->arena, sizeof *score * (size_t)n * MAX_CANDS);
	unsigned char *back = cw_alloc(doc->arena, (size_t)n * MAX_CANDS);
	if (!rows || !score || !back)
		return CURLEW_ESYS;
	for (int i = 0; i < n; i++) {
		const lexrow *r = rows[i] = row_of(tg, quote_form(doc, s, i), s->toks[i].flags);
		for (int k = 0; k < r->n; k++) {
			float best = -INFINITY;
			int arg = 0;
			if (i == 0) {
				best = tg->trans[CW_POS_STOP][r->tag[k]];
			} else {
				const lexrow *p = rows[i - 1];
				for (int j = 0; j < p->n; j++) {
					float v = score[(i - 1) * MAX_CANDS + j] + tg->trans[p->tag[j]][r->tag[k]];
					if (v > best) {
						best = v;
						arg = j;
					}
				}
			}
			score[i * MAX_CANDS + k] = best + r->logp[k];
			back[i * MAX_CANDS + k] = (unsigned char)arg;
		}
	}
	int k = 0;
	for (int j = 1; j < rows[n - 1]->n; j++)
		if (score[(n - 1) * MAX_CANDS + j] > score[(n - 1) * MAX_CANDS + k])
			k = j;
	for (int i = n - 1; i >= 0; i--) {
		s->toks[i].pos = rows[i]->tag[k];
		k = back[i * MAX_CANDS + k];
	}
	return 0;
}
