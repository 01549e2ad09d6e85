/*
 * codes.c -- the CAMEO event code table (data/cameo-codes.tsv): what the
 * writer prints next to each code (quad class, Goldstein weight, PLOVER
 * counterpart, a short label), and the check that a verb pattern's code
 * exists at all.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "coder.h"

struct cw_codes {
	cw_arena *arena;
	cw_map *by_code;        /* "042" -> cw_code_info */
	cw_map *local;          /* "903" -> itself: local codes, no info */
};

/* Columns of a line: the short form (code to plover_context, name) or the
 * full one with the classes between. */
enum { SHORT_COLS = 7, FULL_COLS = 14, CLASS_COL = 6 };

typedef struct loader {
	cw_codes *c;
	const char *path;
	char *err;
	size_t errlen;
	cw_code_info **seen;    /* every entry, to check counterparts at the end */
	int *lines;
	int nseen, cap, lcap;
} loader;

int cw_code_shape(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && !(i == n - 1 && i >= 2 && isupper((unsigned char)s[i])))
			return 0;
	return 1;
}

/* CAMEO's own codes are 2-4 digits under roots 01-20.  A local code
 * (quad class "-") may use any root and end in a capital letter, as
 * PETRARCH dictionaries' sub-codes do ("174K", "903"). */
static int valid_code(const char *s, int local)
{
	if (!cw_code_shape(s) || (!local && !isdigit((unsigned char)s[strlen(s) - 1])))
		return 0;
	int root = (s[0] - '0') * 10 + (s[1] - '0');
	return root >= 1 && (local || root <= 20);
}

/* A local code is known to verbs.c but has no quad class, Goldstein
 * value or PLOVER counterpart, so writers leave those fields empty. */
static int on_local(loader *ld, char **f, int lineno)
{
	if (!valid_code(f[0], 1) || strcmp(f[2], "-") != 0) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad local code (quad class and Goldstein \"-\")",
			 ld->path, lineno);
		return -1;
	}
	char *code = cw_strdup(ld->c->arena, f[0]);
	if (!code || cw_map_put(ld->c->local, code, code) < 0) {
		snprintf(ld->err, ld->errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* "-" or "" means the code has no PLOVER counterpart in that column. */
static const char *opt_str(cw_arena *a, const char *s, int *nomem)
{
	if (!*s || strcmp(s, "-") == 0)
		return NULL;
	const char *r = cw_strdup(a, s);
	if (!r)
		*nomem = 1;
	return r;
}

/* "violent,news" or "-". */
static const char *parse_tags(cw_code_info *ci, char *f)
{
	static const struct { const char *tag; unsigned bit; } tags[] = {
		{ "violent", CW_CC_VIOLENT }, { "news", CW_CC_NEWS }, { "about", CW_CC_ABOUT },
		{ "statement", CW_CC_STATEMENT }, { "each", CW_CC_EACH },
		{ "judges", CW_CC_JUDGES }, { "means", CW_CC_MEANS }, { "deed", CW_CC_DEED },
		{ "joint", CW_CC_JOINT },
	};
	if (strcmp(f, "-") == 0)
		return NULL;
	char *t[8];
	int n = cw_split(f, ',', t, 8);
	for (int i = 0; i < n; i++) {
		size_t k = 0;
		while (k < sizeof tags / sizeof *tags && strcmp(cw_trim(t[i]), tags[k].tag) != 0)
			k++;
		if (k == sizeof tags / sizeof *tags)
			return "classes are violent, news, about, statement, each, judges, means, deed, joint (comma-separated) or -";
		ci->classes |= tags[k].bit;
	}
	return NULL;
}

/* classes implied intent threat demand appeal refusal: see the file's
 * header.  Returns NULL or what is wrong. */
static const char *parse_class(cw_code_info *ci, char **f)
{
	const char *why = parse_tags(ci, f[0]);
	if (why)
		return why;
	/* (in the order of enum cw_implied) */
	static const char *const implied[] = { "-", "own", "place", "gov", "people", "foe", "accuser" };
	ci->implied = -1;
	for (int i = 0; i < (int)(sizeof implied / sizeof *implied); i++)
		if (strcmp(f[1], implied[i]) == 0)
			ci->implied = i;
	if (ci->implied < 0)
		return "implied is -, own, place, gov, people, foe or accuser";
	for (int k = 0; k < CW_NCOUNTERS; k++) {
		const char *v = f[2 + k];
		if (strcmp(v, "-") == 0)
			continue;
		if (!cw_code_shape(v))
			return "a counterpart is a code or -";
		memcpy(ci->counter[k], v, strlen(v) + 1);
	}
	ci->has_class = 1;
	return NULL;
}

static int remember(loader *ld, cw_code_info *ci, int lineno)
{
	cw_code_info **s = cw_grow(ld->c->arena, ld->seen, &ld->cap, ld->nseen + 1, sizeof *s);
	int *l = s ? cw_grow(ld->c->arena, ld->lines, &ld->lcap, ld->nseen + 1, sizeof *l) : NULL;
	if (!l)
		return -1;
	ld->seen = s;
	ld->lines = l;
	s[ld->nseen] = ci;
	l[ld->nseen++] = lineno;
	return 0;
}

static int on_line(void *ctx, char *line, int lineno)
{
	loader *ld = ctx;
	char *f[FULL_COLS];
	int n = cw_split(line, '\t', f, FULL_COLS);
	if (n != SHORT_COLS && n != FULL_COLS) {
		snprintf(ld->err, ld->errlen, "%s:%d: expected 7 or 14 tab-separated columns",
			 ld->path, lineno);
		return -1;
	}
	for (int i = 0; i < n; i++)
		f[i] = cw_trim(f[i]);
	const char *name = f[n - 1];
	if (strcmp(f[1], "-") == 0)
		return on_local(ld, f, lineno);
	char *end;
	long quad = strtol(f[1], &end, 10);
	double gold = strtod(f[2], &end);
	if (!valid_code(f[0], 0) || quad < 1 || quad > 4 || *end || gold < -10 || gold > 10) {
		snprintf(ld->err, ld->errlen, "%s:%d: bad code, quad class or Goldstein value",
			 ld->path, lineno);
		return -1;
	}
	cw_code_info *ci = cw_alloc(ld->c->arena, sizeof *ci);
	int nomem = !ci;
	if (ci) {
		memcpy(ci->code, f[0], strlen(f[0]) + 1);
		ci->quad = (int)quad;
		ci->goldstein = gold;
		ci->plover_event = opt_str(ld->c->arena, f[3], &nomem);
		ci->plover_mode = opt_str(ld->c->arena, f[4], &nomem);
		ci->plover_context = opt_str(ld->c->arena, f[5], &nomem);
		ci->name = cw_strdup(ld->c->arena, name);
		nomem |= !ci->name;
	}
	const char *why = ci && n == FULL_COLS ? parse_class(ci, f + CLASS_COL) : NULL;
	if (why) {
		snprintf(ld->err, ld->errlen, "%s:%d: %s", ld->path, lineno, why);
		return -1;
	}
	if (nomem || cw_map_put(ld->c->by_code, f[0], ci) < 0 || remember(ld, ci, lineno) < 0) {
		snprintf(ld->err, ld->errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* Every counterpart must be a code of the table. */
static int check_counters(loader *ld)
{
	for (int i = 0; i < ld->nseen; i++)
		for (int k = 0; k < CW_NCOUNTERS; k++) {
			const char *v = ld->seen[i]->counter[k];
			if (*v && !cw_codes_get(ld->c, v)) {
				snprintf(ld->err, ld->errlen, "%s:%d: counterpart %s is not in the table",
					 ld->path, ld->lines[i], v);
				return -1;
			}
		}
	return 0;
}

int cw_codes_load(cw_codes **out, const char *data_dir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		*err = '\0';
	cw_codes *c = calloc(1, sizeof *c);
	if (!c || !(c->arena = cw_arena_new()) || !(c->by_code = cw_map_new()) ||
	    !(c->local = cw_map_new())) {
		cw_codes_free(c);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/cameo-codes.tsv", data_dir);
	loader ld = { c, path, err, errlen, NULL, NULL, 0, 0, 0 };
	errno = 0;
	int rc = cw_read_lines(path, on_line, &ld);
	if (rc != 0 && !*err)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	if (rc == 0 && cw_map_count(c->by_code) == 0) {
		snprintf(err, errlen, "%s: no codes", path);
		rc = -1;
	}
	if (rc == 0)
		rc = check_counters(&ld);
	if (rc != 0) {
		cw_codes_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void cw_codes_free(cw_codes *c)
{
	if (!c)
		return;
	cw_map_free(c->by_code);
	cw_map_free(c->local);
	cw_arena_free(c->arena);
	free(c);
}

const cw_code_info *cw_codes_get(const cw_codes *c, const char *code)
{
	if (!c || !code)
		return NULL;
	return cw_map_get(c->by_code, code);
}

int cw_codes_known(const cw_codes *c, const char *code)
{
	return cw_codes_get(c, code) || (c && code && cw_map_get(c->local, code));
}

const cw_code_info *cw_codes_class(const cw_codes *c, const char *code)
{
	if (!c || !code)
		return NULL;
	char k[5];
	cw_copy(k, sizeof k, code);
	/* "0875" -> "087" -> "08"; a local "174K" -> "174" -> "17" */
	for (size_t n = strlen(k); n >= 2; n--) {
		k[n] = '\0';
		const cw_code_info *ci = cw_map_get(c->by_code, k);
		if (ci && ci->has_class)
			return ci;
	}
	return NULL;
}

int cw_code_is(const cw_codes *c, const char *code, unsigned cls)
{
	const cw_code_info *ci = cw_codes_class(c, code);
	return ci && (ci->classes & cls) != 0;
}

int cw_code_violent(const cw_codes *c, const char *code)
{
	return cw_code_is(c, code, CW_CC_VIOLENT);
}

int cw_code_implied(const cw_codes *c, const char *code)
{
	const cw_code_info *ci = cw_codes_class(c, code);
	return ci ? ci->implied : CW_I_NONE;
}

const char *cw_code_counter(const cw_codes *c, const char *code, int which)
{
	const cw_code_info *ci = cw_codes_class(c, code);
	return ci && which >= 0 && which < CW_NCOUNTERS ? ci->counter[which] : "";
}
