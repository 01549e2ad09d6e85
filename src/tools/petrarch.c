/*
 * petrarch.c -- PETRARCH2 (and TABARI-era) dictionaries turned into a
 * curlew data directory, and PETRARCH's unit-test records run through
 * curlew.
 *
 * Users keep years of work in PETRARCH's formats (documented in the
 * PETRARCH distribution's dictionaries-format notes): actor files with
 * date-restricted codes, agent files with plurals and substitution sets,
 * discard lists and verb files of synonym blocks and patterns.  We do not
 * read them at coding time; "curlew dict import" converts them once into
 * curlew's own text formats, so the coder has one loader per kind of
 * dictionary and the converted files can be read and edited like any other.
 *
 * Most of PETRARCH's pattern language has a curlew counterpart: words
 * before the verb ("> "), source and target markers ({S}, {T}), paired
 * codes ("032:033"), synsets (written out as alternatives); codes outside
 * CAMEO ("903", "174K") become local codes of the imported table.  What
 * does not map is counted and reported, not guessed at.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "util/util.h"
#include "coder/coder.h"
#include "util/paths.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif

#define MAX_ALTS 32        /* verbs.c reads at most this many a|b|c alternatives */
#define MAX_ELS 16         /* verbs.c: elements in one pattern */
#define MAX_NAMES 64       /* names kept for one actor entry */
#define MAX_ROLES 16       /* actors.c: [...] groups on one line */
#define CODE_LEN 12        /* "032:033" */

/* ------------------------------------------------------------- reading */

typedef int (*petr_line_fn)(void *ctx, char *line, int indented);

struct imp;
static void set_line(struct imp *im, int line);

/* PETRARCH files: '#' comments (and ';' in actor files, a TABARI habit),
 * XML-style <!-- --> blocks, blank lines.  The callback gets the trimmed
 * line and whether it was indented (date restrictions are); the line's
 * number is on the import (im->line), for naming what is dropped. */
static int read_petr(struct imp *im, const char *path, int semicolon, petr_line_fn fn, void *ctx)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0, in_xml = 0, lineno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		set_line(im, ++lineno);
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (in_xml) {
			in_xml = strstr(p, "-->") == NULL;
			continue;
		}
		if (*p == '<') {
			in_xml = strncmp(p, "<!", 2) == 0 && !strstr(p, "-->");
			continue;
		}
		char *h = strchr(p, '#');
		if (h)
			*h = '\0';
		if (semicolon && (h = strchr(p, ';')))
			*h = '\0';
		int indented = p != line;
		char *t = cw_trim(p);
		if (!*t)
			continue;
		if ((rc = fn(ctx, t, indented)) != 0)
			break;
	}
	free(line);
	fclose(f);
	return rc;
}

/* --------------------------------------------------------- the import */

/* Where a converted line came from: its byte offset in the output file
 * (out), and the PETRARCH file and line, to name it if curlew refuses it. */
typedef struct origin {
	const char *out;
	long off;
	const char *file;
	int line;
} origin;

typedef struct imp {
	cw_arena *a;
	FILE *log;
	char *err;
	size_t errlen;
	const char *file;        /* the PETRARCH file being read */
	int line;                /* and the line */
	FILE *out;
	const char *out_name;    /* "actors.txt" while it is written */
	origin *origins;
	int norigins, caporigins;
	cw_codes *codes;         /* curlew's code table, to spot non-CAMEO codes */
	cw_map *extra;           /* numeric codes with a CAMEO root but not in the table */
	char **extras;
	int nextra, capextra;
	int merge;               /* curlew's own dictionaries go along */
} imp;

static int oom(imp *im)
{
	snprintf(im->err, im->errlen, "out of memory");
	return -1;
}

static void set_line(imp *im, int line)
{
	im->line = line;
}

/* A PETRARCH line that is left out of the conversion, named so that the
 * user can find it (the counted skips of the summary are the expected
 * ones: null codes, transformations...). */
static void dropped(imp *im, const char *file, int line, const char *why)
{
	if (im->log)
		fprintf(im->log, "%s:%d: %s; dropped\n", file ? file : "?", line, why);
}

/* Called before writing a converted line from file:line.  Without memory
 * the line is just not traceable. */
static void note_origin(imp *im, const char *file, int line)
{
	origin *g = cw_grow(im->a, im->origins, &im->caporigins, im->norigins + 1, sizeof *g);
	if (!g)
		return;
	im->origins = g;
	g[im->norigins++] = (origin){ im->out_name, ftell(im->out), file, line };
}

/* "MINAS_TIRITH_" -> "Minas Tirith": curlew matches names case-insensitively
 * but reads an all-capitals alias as an acronym that must appear exactly
 * so; dotted words, two-letter ones and a name that is one three-letter
 * word (U.S., UN, IMF) stay acronyms. */
static char *name_case(cw_arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = cw_alloc(a, n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	while (*s) {
		while (*s == '_' || *s == ' ')
			s++;
		if (!*s)
			break;
		const char *e = s;
		int letters = 0, dot = 0;
		while (*e && *e != '_' && *e != ' ') {
			letters += isalpha((unsigned char)*e) != 0;
			dot |= *e == '.';
			e++;
		}
		if (k)
			o[k++] = ' ';
		/* PETRARCH names end in '_' ("ETA_"): the last word is the one
		 * with only separators after it */
		const char *rest = e;
		while (*rest == '_' || *rest == ' ')
			rest++;
		int acronym = dot || letters <= 2 || (letters == 3 && !*rest && k == 0);
		for (const char *c = s; c < e; c++) {
			int first = c == s || c[-1] == '-';
			unsigned char ch = (unsigned char)*c;
			o[k++] = (char)(acronym || first ? toupper(ch) : tolower(ch));
		}
		s = e;
	}
	o[k] = '\0';
	return o;
}

/* "FOREIGN_MINISTER" -> "foreign minister" */
static char *lower_words(cw_arena *a, const char *s, size_t n)
{
	char *o = cw_alloc(a, n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '_' ? ' ' : s[i];
		if (c == ' ' && (k == 0 || o[k - 1] == ' '))
			continue;
		o[k++] = (char)tolower((unsigned char)c);
	}
	while (k && o[k - 1] == ' ')
		k--;
	o[k] = '\0';
	return o;
}

/* Characters that would break curlew's line formats. */
static int clean_phrase(const char *s)
{
	return *s && !strpbrk(s, "|[]{}#!*");
}

/* curlew matches a name by its words (letters and digits; '.', '-' and
 * spaces only separate them) and a dated name is remembered by its last
 * word: "-" or "..." is no name.  Non-ASCII bytes are letters here. */
static int has_word(const char *s)
{
	for (; *s; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* actors.c keys a name in a 512-byte buffer; real names are far shorter. */
#define MAX_NAME 256

/* ---------------------------------------------------------------- actors */

typedef struct arole {
	char code[32];
	char from[16], to[16];   /* YYYY-MM-DD or "" */
} arole;

typedef struct actors_conv {
	imp *im;
	char *names[MAX_NAMES];
	int nnames;
	arole roles[MAX_ROLES];
	int nroles;
	int open;
	const char *file;        /* where the entry began */
	int line;
	long written, dropped, null_roles, multi, bad;
} actors_conv;

/* YYMMDD or YYYYMMDD; two-digit years below 30 are 20xx, as in the
 * dictionaries' own mixed usage (910101 and 070723 side by side). */
static int petr_date(const char *s, char out[16])
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	int y, m, d;
	if (n == 6) {
		y = (s[0] - '0') * 10 + (s[1] - '0');
		y += y < 30 ? 2000 : 1900;
		s += 2;
	} else if (n == 8) {
		y = atoi((char[5]){ s[0], s[1], s[2], s[3], 0 });
		s += 4;
	} else {
		return -1;
	}
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[2] - '0') * 10 + (s[3] - '0');
	cw_date dt = { y, m, d };
	if (!cw_date_valid(dt) || y > 9999)
		return -1;
	snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return 0;
}

/* An actor or agent code: letters and digits, upper case.  Returns 1, 0
 * for PETRARCH's null code "---", -1 when unusable. */
static int petr_code(char *code, int *multi)
{
	char *slash = strchr(code, '/');
	if (slash) {         /* "[ELR/GAL]": several actors; curlew codes one */
		*slash = '\0';
		*multi = 1;
	}
	if (strcmp(code, "---") == 0)
		return 0;
	size_t n = strlen(code);
	if (n < 3 || n >= 32)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)code[i]))
			return -1;
		code[i] = (char)toupper((unsigned char)code[i]);
	}
	return 1;
}

/* "[HOBGOV 19950601 - 19990815]", "[HOB <950601]", "[HOBREB >990816]". */
static int actor_role(actors_conv *ac, char *s)
{
	char code[32] = "", rest[64] = "";
	size_t k = 0, r = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	while (*s && *s != ' ' && *s != '\t' && *s != '<' && *s != '>' && k < sizeof code - 1)
		code[k++] = *s++;
	code[k] = '\0';
	for (; *s && r < sizeof rest - 1; s++)
		if (*s != ' ' && *s != '\t')
			rest[r++] = *s;
	rest[r] = '\0';
	int multi = 0;
	int c = petr_code(code, &multi);
	ac->multi += multi;
	if (c <= 0) {
		if (c == 0)
			ac->null_roles++;
		else
			ac->bad++;
		return 0;
	}
	if (ac->nroles == MAX_ROLES)
		return 0;
	arole *ro = &ac->roles[ac->nroles];
	memset(ro, 0, sizeof *ro);
	snprintf(ro->code, sizeof ro->code, "%s", code);
	if (rest[0] == '<') {
		if (petr_date(rest + 1, ro->to) < 0)
			return ac->bad++, 0;
	} else if (rest[0] == '>') {
		if (petr_date(rest + 1, ro->from) < 0)
			return ac->bad++, 0;
	} else if (rest[0]) {
		char *dash = strchr(rest, '-');
		if (!dash)
			return ac->bad++, 0;
		*dash = '\0';
		if (petr_date(rest, ro->from) < 0 || petr_date(dash + 1, ro->to) < 0)
			return ac->bad++, 0;
	}
	ac->nroles++;
	return 0;
}

static void actor_groups(actors_conv *ac, char *s)
{
	for (char *p = strchr(s, '['); p; p = strchr(p, '[')) {
		char *q = strchr(p, ']');
		if (!q) {
			ac->bad++;
			return;
		}
		*q = '\0';
		actor_role(ac, p + 1);
		p = q + 1;
	}
}

static void actor_flush(actors_conv *ac)
{
	if (!ac->open)
		return;
	ac->open = 0;
	if (ac->nroles == 0 || ac->nnames == 0) {
		ac->dropped++;
		ac->nnames = ac->nroles = 0;
		return;
	}
	FILE *f = ac->im->out;
	note_origin(ac->im, ac->file, ac->line);
	for (int i = 0; i < ac->nnames; i++)
		fprintf(f, "%s%s", i ? " | " : "", ac->names[i]);
	fputs(" ", f);
	for (int i = 0; i < ac->nroles; i++) {
		const arole *r = &ac->roles[i];
		if (r->from[0] || r->to[0])
			fprintf(f, " [%s %s %s]", r->code, r->from[0] ? r->from : "-",
				r->to[0] ? r->to : "-");
		else
			fprintf(f, " [%s]", r->code);
	}
	fputc('\n', f);
	ac->written++;
	ac->nnames = ac->nroles = 0;
}

static int actor_name(actors_conv *ac, const char *phrase)
{
	char *nm = name_case(ac->im->a, phrase);
	if (!nm)
		return oom(ac->im);
	if (!clean_phrase(nm) || ac->nnames == MAX_NAMES) {
		ac->bad++;
		return 0;
	}
	if (!has_word(nm) || strlen(nm) > MAX_NAME) {
		dropped(ac->im, ac->im->file, ac->im->line, !has_word(nm)
			? "an actor name with no letters or digits" : "an actor name over 256 bytes");
		ac->bad++;
		return 0;
	}
	for (int i = 0; i < ac->nnames; i++)
		if (strcmp(ac->names[i], nm) == 0)
			return 0;
	ac->names[ac->nnames++] = nm;
	return 0;
}

static int on_actor(void *ctx, char *line, int indented)
{
	actors_conv *ac = ctx;
	if (line[0] == '+') {
		if (!ac->open)
			return 0;
		char *br = strchr(line, '[');
		if (br)
			*br = '\0';
		int rc = actor_name(ac, cw_trim(line + 1));
		if (br) {
			*br = '[';
			actor_groups(ac, br);
		}
		return rc;
	}
	if (line[0] == '[' || (indented && ac->open && strchr(line, '['))) {
		if (ac->open)
			actor_groups(ac, line);
		return 0;
	}
	actor_flush(ac);
	ac->open = 1;
	ac->file = ac->im->file;
	ac->line = ac->im->line;
	char *br = strchr(line, '[');
	if (br)
		*br = '\0';
	int rc = actor_name(ac, cw_trim(line));
	if (br) {
		*br = '[';
		actor_groups(ac, br);
	}
	return rc;
}

/* ---------------------------------------------------------------- agents */

typedef struct subst {
	char marker[32];         /* "!PERSON!" */
	char *items[32];
	int n;
} subst;

typedef struct agents_conv {
	imp *im;
	subst subs[32];
	int nsubs;
	long written, prefix, bad;
} agents_conv;

static int vowel(char c)
{
	return strchr("aeiou", c) != NULL;
}

/* Regular plural of a phrase's last word, English-style. */
static char *auto_plural(cw_arena *a, const char *w)
{
	size_t n = strlen(w);
	if (n < 2)
		return NULL;
	if (n > 3 && strcmp(w + n - 3, "man") == 0)
		return cw_printf(a, "%.*smen", (int)(n - 3), w);
	if (w[n - 1] == 'y' && !vowel(w[n - 2]))
		return cw_printf(a, "%.*sies", (int)(n - 1), w);
	if (w[n - 1] == 's' || w[n - 1] == 'x' || (w[n - 1] == 'h' && (w[n - 2] == 's' || w[n - 2] == 'c')))
		return w[n - 1] == 's' && w[n - 2] != 's' ? NULL : cw_printf(a, "%ses", w);
	return cw_printf(a, "%ss", w);
}

static int agent_subst_line(agents_conv *ag, char *line)
{
	char *eq = strchr(line, '=');
	if (!eq || ag->nsubs == 32)
		return ag->bad++, 0;
	*eq = '\0';
	subst *s = &ag->subs[ag->nsubs];
	snprintf(s->marker, sizeof s->marker, "%s", cw_trim(line));
	s->n = 0;
	char *items[32];
	int n = cw_split(eq + 1, ',', items, 32);
	for (int i = 0; i < n; i++) {
		char *it = cw_trim(items[i]);
		if (*it && !(s->items[s->n++] = lower_words(ag->im->a, it, strlen(it))))
			return oom(ag->im);
	}
	ag->nsubs++;
	return 0;
}

/* "~GOVFRM" -> "GOV FRM"; "NGO~" (a code put before the actor's) has no
 * curlew counterpart and is appended like the others. */
static int agent_sectors(agents_conv *ag, char *code, char *out, size_t outlen)
{
	char c[64];
	size_t k = 0;
	for (char *p = code; *p && k < sizeof c - 1; p++)
		if (*p != ' ' && *p != '\t')
			c[k++] = (char)toupper((unsigned char)*p);
	c[k] = '\0';
	char *body = c;
	if (c[0] == '~') {
		body = c + 1;
	} else if (k && c[k - 1] == '~') {
		c[k - 1] = '\0';
		ag->prefix++;
	}
	size_t n = strlen(body);
	if (n == 0) {
		snprintf(out, outlen, "~");
		return 0;
	}
	if (n % 3 || n / 3 > CW_MAX_SECTORS)
		return -1;
	out[0] = '\0';
	for (size_t i = 0; i < n; i += 3) {
		for (size_t j = i; j < i + 3; j++)
			if (!isalnum((unsigned char)body[j]))
				return -1;
		size_t l = strlen(out);
		snprintf(out + l, outlen - l, "%s%.3s", i ? " " : "", body + i);
	}
	return 0;
}

static int on_agent(void *ctx, char *line, int indented)
{
	agents_conv *ag = ctx;
	imp *im = ag->im;
	(void)indented;
	if (line[0] == '!' && strchr(line, '='))
		return agent_subst_line(ag, line);
	char *lb = strchr(line, '['), *rb = lb ? strchr(lb, ']') : NULL;
	if (!lb || !rb)
		return ag->bad++, 0;
	*rb = '\0';
	char sectors[64];
	if (agent_sectors(ag, lb + 1, sectors, sizeof sectors) < 0)
		return ag->bad++, 0;
	*lb = '\0';
	char *brace = strchr(line, '{'), *plural = NULL;
	if (brace) {
		char *cb = strchr(brace, '}');
		if (!cb)
			return ag->bad++, 0;
		*cb = '\0';
		*brace = '\0';
		plural = brace + 1;
	}
	char *phrase = lower_words(im->a, cw_trim(line), strlen(cw_trim(line)));
	if (!phrase)
		return oom(im);
	char *forms[40];
	int plur[40], nf = 0;
	char *bang = strchr(phrase, '!');
	if (bang) {
		char *end = strchr(bang + 1, '!');
		const subst *s = NULL;
		for (int i = 0; end && i < ag->nsubs; i++)
			if (strncasecmp(ag->subs[i].marker, bang, (size_t)(end - bang + 1)) == 0 &&
			    ag->subs[i].marker[end - bang + 1] == '\0')
				s = &ag->subs[i];
		if (!s)
			return ag->bad++, 0;
		for (int i = 0; i < s->n && nf < 40; i++) {
			forms[nf] = cw_printf(im->a, "%.*s%s%s", (int)(bang - phrase), phrase,
					      s->items[i], end + 1);
			if (!forms[nf])
				return oom(im);
			size_t l = strlen(s->items[i]);
			plur[nf++] = (l > 1 && s->items[i][l - 1] == 's') ||
				     (l >= 3 && strcmp(s->items[i] + l - 3, "men") == 0);
		}
	} else {
		forms[nf] = phrase;
		plur[nf++] = 0;
		if (plural) {
			char *ps[16];
			int np = cw_split(plural, ' ', ps, 16);
			for (int i = 0; i < np && nf < 40; i++) {
				char *p = cw_trim(ps[i]);
				if (!*p)
					continue;
				if (!(forms[nf] = lower_words(im->a, p, strlen(p))))
					return oom(im);
				plur[nf++] = 1;
			}
		} else if ((forms[nf] = auto_plural(im->a, phrase))) {
			plur[nf++] = 1;
		}
	}
	int any = 0;
	for (int i = 0; i < nf; i++) {
		if (!clean_phrase(forms[i]))
			continue;
		if (!any)
			note_origin(im, im->file, im->line);
		fprintf(im->out, "%s%s%s", any ? " | " : "", forms[i], plur[i] ? "+" : "");
		any = 1;
	}
	if (!any)
		return ag->bad++, 0;
	fprintf(im->out, "  [%s]\n", sectors);
	ag->written++;
	return 0;
}

/* ----------------------------------------------------------------- verbs */

typedef struct synset {
	char **alts;             /* lower case, words joined by '_' */
	int n, cap;
} synset;

enum { VE_WORD, VE_SYN, VE_GAP, VE_TARGET, VE_SOURCE, VE_SKIP };

typedef struct velem {
	int kind;
	const char *word;        /* VE_WORD: "off" or "diplomatic_ties" */
	const synset *syn;       /* VE_SYN */
} velem;

typedef struct vpattern {
	velem els[MAX_ELS];
	int n;
	velem pre[MAX_ELS];      /* the words before the verb */
	int npre;
	int mutual;              /* "% * ..." : a compound subject, each on the others */
	char code[CODE_LEN];
	const char *file;        /* where it was read */
	int line;
} vpattern;

typedef struct vverb {
	char *seq;               /* "cordon off": the anchor first */
	int words;
	char code[CODE_LEN];     /* "" when the bare verb codes nothing */
	const char *file;        /* where it was read */
	int line;
} vverb;

typedef struct verbs_conv {
	imp *im;
	cw_map *syns;            /* "&NAME" upper case, without a final '_' */
	synset *cur_syn;         /* a synset being defined */
	vverb *verbs;
	int nverbs, capverbs;
	vpattern *pats;
	int npats, cappats;
	char block_code[CODE_LEN];
	int in_block;
	long blocks, bare, patterns, lines;
	long with_pre, skip_code, skip_null, skip_syn, skip_shape, skip_long, transforms, second_codes;
} verbs_conv;

/* One code of a verb entry: 2-4 digits, a final capital allowed.  Codes
 * the code table lacks are added to it (as local codes when CAMEO has no
 * such root).  Returns 1, 0 for the null code, -1 unreadable, -2 memory. */
static int one_code(verbs_conv *vc, const char *c)
{
	if (!*c || strcmp(c, "---") == 0)
		return 0;
	if (!cw_code_shape(c) || (c[0] - '0') * 10 + (c[1] - '0') < 1)
		return -1;
	imp *im = vc->im;
	if (im->codes && !cw_codes_get(im->codes, c) && !cw_map_get(im->extra, c)) {
		char **g = cw_grow(im->a, im->extras, &im->capextra, im->nextra + 1, sizeof *g);
		if (!g)
			return -2;
		im->extras = g;
		if (!(g[im->nextra] = cw_strdup(im->a, c)) || cw_map_put(im->extra, c, g[im->nextra]) < 0)
			return -2;
		im->nextra++;
	}
	return 1;
}

/* The code of "[064]", "[032:033]" (an act and the target's counterpart,
 * written "032:033" in curlew's verbs.txt too), "[---]".  Returns 1 and
 * the code, 0 for the null code, -1 for a code curlew cannot read. */
static int verb_code(verbs_conv *vc, const char *s, char out[CODE_LEN])
{
	char c[2][6] = { "", "" };
	for (int h = 0; h < 2; h++) {
		size_t k = 0;
		while (*s == ' ')
			s++;
		while (*s && *s != ':' && *s != ']' && *s != ' ' && k < sizeof c[h] - 1)
			c[h][k++] = *s++;
		c[h][k] = '\0';
		while (*s == ' ')
			s++;
		if (*s != ':')
			break;
		s++;
	}
	int first = one_code(vc, c[0]);
	if (first <= 0)
		return first;
	int second = c[1][0] ? one_code(vc, c[1]) : 0;
	if (second == -2)
		return -2;
	if (second > 0)
		vc->second_codes++;
	snprintf(out, CODE_LEN, "%s%s%s", c[0], second > 0 ? ":" : "", second > 0 ? c[1] : "");
	return 1;
}

static int word_ok(const char *w)
{
	if (!*w)
		return 0;
	for (; *w; w++)
		if (!isalnum((unsigned char)*w) && !strchr("'-.", *w))
			return 0;
	return 1;
}

static int syn_add(verbs_conv *vc, synset *s, const char *alt)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->alts[i], alt) == 0)
			return 0;
	char **g = cw_grow(vc->im->a, s->alts, &s->cap, s->n + 1, sizeof *g);
	if (!g)
		return -1;
	s->alts = g;
	return (g[s->n++] = cw_strdup(vc->im->a, alt)) ? 0 : -1;
}

static const synset *syn_get(verbs_conv *vc, const char *name)
{
	char key[128];
	size_t k = 0;
	for (; *name && k < sizeof key - 1; name++)
		key[k++] = (char)toupper((unsigned char)*name);
	while (k && key[k - 1] == '_')
		k--;
	key[k] = '\0';
	return cw_map_get(vc->syns, key);
}

/* "+AUSTRIAN FLORIN", "+&TIETYPES": a synset member, words consecutive. */
static int syn_member(verbs_conv *vc, char *m)
{
	m = cw_trim(m);
	if (*m == '&') {
		const synset *inner = syn_get(vc, m);
		if (!inner)
			return vc->skip_syn++, 0;
		for (int i = 0; i < inner->n; i++)
			if (syn_add(vc, vc->cur_syn, inner->alts[i]) < 0)
				return oom(vc->im);
		return 0;
	}
	char buf[256];
	size_t k = 0;
	for (char *p = m; *p && k < sizeof buf - 1; p++) {
		char c = *p == ' ' ? '_' : (char)tolower((unsigned char)*p);
		if (c == '_' && (k == 0 || buf[k - 1] == '_'))
			continue;
		buf[k++] = c;
	}
	while (k && buf[k - 1] == '_')
		k--;
	buf[k] = '\0';
	for (char *w = buf; *w;) {
		size_t l = strcspn(w, "_");
		char save = w[l];
		w[l] = '\0';
		int ok = word_ok(w);
		w[l] = save;
		if (!ok)
			return vc->skip_shape++, 0;
		w += l + (save ? 1 : 0);
	}
	if (k && syn_add(vc, vc->cur_syn, buf) < 0)
		return oom(vc->im);
	return 0;
}

/* Builds a pattern's elements; "gap" says the next literal may come after
 * other words (PETRARCH's blank, or a noun phrase marker). */
typedef struct pbuild {
	vpattern *p;
	int gap;
	int bad;                 /* more elements than verbs.c takes */
} pbuild;

static void pb_add(pbuild *b, int kind, const char *word, const synset *syn)
{
	vpattern *p = b->p;
	if (kind != VE_TARGET && kind != VE_SOURCE && b->gap &&
	    (p->n == 0 || p->els[p->n - 1].kind != VE_GAP)) {
		if (p->n == MAX_ELS)
			goto full;
		p->els[p->n++] = (velem){ VE_GAP, NULL, NULL };
	}
	if (p->n == MAX_ELS)
		goto full;
	p->els[p->n++] = (velem){ kind, word, syn };
	b->gap = kind == VE_TARGET || kind == VE_SOURCE;
	return;
full:
	b->bad = 1;
}

/* One part of a pattern word: "DIPLOMATIC", "&TIETYPES", "+", "$". */
static int pb_part(verbs_conv *vc, pbuild *b, const char *part, long **reason)
{
	if (!*part)
		return 0;
	if (strcmp(part, "+") == 0 || strcmp(part, "$") == 0) {
		int kind = part[0] == '+' ? VE_TARGET : VE_SOURCE;
		for (int i = 0; i < b->p->n; i++)
			if (b->p->els[i].kind == kind)
				return 0;
		pb_add(b, kind, NULL, NULL);
		return 0;
	}
	if (strcmp(part, "^") == 0) {
		pb_add(b, VE_SKIP, NULL, NULL);
		return 0;
	}
	/* a compound (%): curlew finds compounds by itself */
	if (strcmp(part, "%") == 0) {
		b->gap = 1;
		return 0;
	}
	if (part[0] == '&') {
		const synset *s = syn_get(vc, part);
		if (!s || s->n == 0) {
			*reason = &vc->skip_syn;
			return 0;
		}
		pb_add(b, VE_SYN, NULL, s);
		return 0;
	}
	char *w = lower_words(vc->im->a, part, strlen(part));
	if (!w)
		return oom(vc->im);
	if (!word_ok(w)) {
		*reason = &vc->skip_shape;
		return 0;
	}
	pb_add(b, VE_WORD, w, NULL);
	return 0;
}

/* The words after the verb: "NEW_&TIETYPES_RELATIONS", "{FINANCIAL AID}",
 * "(FOR {FINANCIAL AID})", "+ IN DETENTION".  Blanks allow words between,
 * underscores and braces do not. */
static int pb_text(verbs_conv *vc, pbuild *b, char *s, int attached, long **reason)
{
	int first = 1;
	while (*s && !*reason) {
		while (*s == ' ' || *s == '(' || *s == ')')
			s++;
		if (!*s)
			break;
		int brace = *s == '{';
		if (brace)
			s++;
		char *e = s;
		while (*e && (brace ? *e != '}' : !strchr(" (){}", *e)))
			e++;
		char save = *e;
		*e = '\0';
		b->gap |= !(first && attached);
		first = 0;
		char *part = s;
		for (char *p = s;; p++) {
			if (*p == '_' || *p == ' ' || *p == '\0') {
				char c = *p;
				*p = '\0';
				if (pb_part(vc, b, part, reason) < 0)
					return -1;
				*p = c;
				part = p + 1;
				if (!c)
					break;
			}
		}
		*e = save;
		s = *e ? e + 1 : e;
	}
	return 0;
}

static int add_pattern(verbs_conv *vc, const vpattern *p)
{
	vpattern *g = cw_grow(vc->im->a, vc->pats, &vc->cappats, vc->npats + 1, sizeof *g);
	if (!g)
		return oom(vc->im);
	vc->pats = g;
	g[vc->npats++] = *p;
	return 0;
}

/* The words before the verb, "- WERE ABLE TO * [012]", "- + WAS * DEAD
 * IN $": blanks allow other words between, as after the verb, and so does
 * the blank before the '*' itself ("IN_*" wants the verb right after). */
static int pre_part(verbs_conv *vc, vpattern *p, char *body, char *star, long **reason)
{
	char save = *star;
	*star = '\0';
	char *t = cw_trim(body);
	int rc = 0;
	if (*t) {
		vpattern pre;
		memset(&pre, 0, sizeof pre);
		pbuild b = { &pre, 0, 0 };
		rc = pb_text(vc, &b, t, 1, reason);
		if (b.bad)
			*reason = &vc->skip_long;
		int joined = star > body && star[-1] == '_';
		if (!joined && pre.n && pre.els[pre.n - 1].kind != VE_GAP && pre.n < MAX_ELS)
			pre.els[pre.n++] = (velem){ VE_GAP, NULL, NULL };
		while (pre.n && pre.els[0].kind == VE_GAP)
			memmove(pre.els, pre.els + 1, (size_t)--pre.n * sizeof *pre.els);
		/* a compound marker alone ("% *") leaves nothing once the gaps
		 * at the front are gone */
		if (pre.n + 1 > MAX_ELS)
			*reason = &vc->skip_long;
		if (pre.n) {
			memcpy(p->pre, pre.els, (size_t)pre.n * sizeof *pre.els);
			p->npre = pre.n;
			vc->with_pre++;
		}
	}
	*star = save;
	return rc;
}

/* "- [words before] * [words after] [CODE]" */
static int verb_pattern(verbs_conv *vc, char *line)
{
	vc->patterns++;
	char *lb = strrchr(line, '[');
	if (!lb || !strchr(lb, ']'))
		return vc->skip_shape++, 0;
	vpattern p;
	memset(&p, 0, sizeof p);
	p.file = vc->im->file;
	p.line = vc->im->line;
	int c = verb_code(vc, lb + 1, p.code);
	if (c == -2)
		return oom(vc->im);
	if (c == 0)
		return vc->skip_null++, 0;
	if (c < 0)
		return vc->skip_code++, 0;
	*lb = '\0';
	char *body = line + 1, *star = strchr(body, '*');
	if (!star || strchr(star + 1, '*'))
		return vc->skip_shape++, 0;
	long *reason = NULL;
	p.mutual = memchr(body, '%', (size_t)(star - body)) != NULL;
	if (pre_part(vc, &p, body, star, &reason) < 0)
		return -1;
	int attached = star[1] == '_';
	pbuild b = { &p, 0, 0 };
	if (!reason && pb_text(vc, &b, star + 1 + attached, attached, &reason) < 0)
		return -1;
	if (reason)
		return (*reason)++, 0;
	if (b.bad)
		return vc->skip_long++, 0;
	while (p.n && p.els[p.n - 1].kind == VE_GAP)
		p.n--;
	/* one target and one source slot in all: "+ * FROM +" is no pattern */
	int slots[VE_SKIP + 1] = { 0 };
	for (int i = 0; i < p.n; i++)
		slots[p.els[i].kind]++;
	for (int i = 0; i < p.npre; i++)
		slots[p.pre[i].kind]++;
	if (slots[VE_TARGET] > 1 || slots[VE_SOURCE] > 1)
		return vc->skip_shape++, 0;
	return add_pattern(vc, &p);
}

/* Why a verb, as words (w, PETRARCH's own) and as written for curlew
 * (tokens: '>' where a '+' marked the verb), would not be a pattern curlew
 * reads, or NULL.  verbs.c wants the words before the verb, then one '>',
 * then the verb: a literal '>' in the file, or a '+' with nothing before
 * or after it, has no such reading. */
static const char *verb_seq_bad(const char *w, char *const *tokens, int nt)
{
	if (strchr(w, '>'))
		return "a '>' in a verb (PETRARCH marks the verb with '+')";
	int arrows = 0, words = 0;
	for (int i = 0; i < nt; i++) {
		if (strcmp(tokens[i], ">") == 0) {
			if (++arrows > 1 || i == 0 || i == nt - 1)
				return "a verb's '+' must stand between its words, once";
		} else if (!has_word(tokens[i])) {
			return "a verb word with no letters or digits";
		} else {
			words++;
		}
	}
	return words ? NULL : "a verb with no words";
}

/* "CORDON_OFF", "+CORDON_OFF {...}", "WIRE_+TAP {...} [1711]". */
static int verb_line(verbs_conv *vc, char *line)
{
	char code[CODE_LEN] = "";
	memcpy(code, vc->block_code, sizeof code);
	char *lb = strchr(line, '[');
	if (lb) {
		char own[CODE_LEN] = "";
		int c = verb_code(vc, lb + 1, own);
		if (c == -2)
			return oom(vc->im);
		if (c < 0)
			vc->skip_code++;
		if (c > 0)
			memcpy(code, own, sizeof code);
		else
			code[0] = '\0';
		*lb = '\0';
	}
	char *brace = strchr(line, '{');
	if (brace)
		*brace = '\0';
	char *w = lower_words(vc->im->a, line, strlen(line));
	if (!w)
		return oom(vc->im);
	char buf[256];
	size_t k = 0;
	int words = 0;
	for (char *p = w; *p && k < sizeof buf - 3; p++) {
		if (*p == '+') {
			/* "WIRE_+TAP": the verb is TAP, "wire" a word before it */
			if (k > 0 && buf[k - 1] == ' ')
				buf[k++] = '>', buf[k++] = ' ';
			continue;
		}
		if (*p == ' ')
			words++;
		buf[k++] = *p;
	}
	buf[k] = '\0';
	char *tokens[16];
	char tmp[256];
	memcpy(tmp, buf, k + 1);
	int nt = cw_split(tmp, ' ', tokens, 16);
	for (int i = 0; i < nt; i++)
		if (!word_ok(tokens[i]) && strcmp(tokens[i], ">") != 0)
			return vc->skip_shape++, 0;
	if (!k)
		return 0;
	const char *why = verb_seq_bad(w, tokens, nt);
	if (why) {
		dropped(vc->im, vc->im->file, vc->im->line, why);
		return vc->skip_shape++, 0;
	}
	vverb *g = cw_grow(vc->im->a, vc->verbs, &vc->capverbs, vc->nverbs + 1, sizeof *g);
	if (!g)
		return oom(vc->im);
	vc->verbs = g;
	vverb *v = &g[vc->nverbs++];
	if (!(v->seq = cw_strdup(vc->im->a, buf)))
		return oom(vc->im);
	v->file = vc->im->file;
	v->line = vc->im->line;
	v->words = words + 1;
	memcpy(v->code, code, sizeof v->code);
	return 0;
}

static void put_alts(FILE *f, char *const *alts, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? "|" : "", alts[i]);
}

static void put_elem(FILE *f, const velem *e, int pick)
{
	if (e->kind == VE_GAP)
		fputc('*', f);
	else if (e->kind == VE_TARGET)
		fputs("{T}", f);
	else if (e->kind == VE_SOURCE)
		fputs("{S}", f);
	else if (e->kind == VE_SKIP)
		fputc('^', f);
	else if (e->kind == VE_WORD)
		fputs(e->word, f);
	else {
		int from = pick * MAX_ALTS, n = e->syn->n - from;
		put_alts(f, e->syn->alts + from, n > MAX_ALTS ? MAX_ALTS : n);
	}
}

/* How many lines a synset element needs (verbs.c reads MAX_ALTS). */
static int chunks_of(const velem *e)
{
	return e->kind == VE_SYN ? (e->syn->n + MAX_ALTS - 1) / MAX_ALTS : 1;
}

/* Writes one pattern for an anchor, splitting synsets longer than verbs.c
 * takes into several lines (at most a few, else the pattern is skipped).
 * PETRARCH finds the target inside the verb's phrase, after the words the
 * pattern names; a pattern without its own target marker is written twice,
 * first with curlew's {T} slot right after its words (the first actor
 * within a few words there), then without it for when none follows. */
static void put_pattern(verbs_conv *vc, const char *anchor, int anchor_words, const vpattern *p)
{
	int total = 1;
	if (anchor_words + p->n > MAX_ELS || p->npre > MAX_ELS) {
		vc->skip_long++;
		return;
	}
	for (int i = 0; i < p->n; i++)
		total *= chunks_of(&p->els[i]);
	for (int i = 0; i < p->npre; i++)
		total *= chunks_of(&p->pre[i]);
	if (total > 8) {
		vc->skip_long++;
		return;
	}
	FILE *f = vc->im->out;
	note_origin(vc->im, p->file, p->line);
	int has_target = 0;
	for (int i = 0; i < p->n; i++)
		has_target |= p->els[i].kind == VE_TARGET;
	for (int i = 0; i < p->npre; i++)
		has_target |= p->pre[i].kind == VE_TARGET;
	int variants = has_target || anchor_words + p->n >= MAX_ELS ? 1 : 2;
	for (int combo = 0; combo < total * variants; combo++) {
		fputs(p->code, f);
		int rest = combo % total;
		for (int i = 0; i < p->npre; i++) {
			int c = chunks_of(&p->pre[i]);
			fputc(' ', f);
			put_elem(f, &p->pre[i], rest % c);
			rest /= c;
		}
		const char *gt = strstr(anchor, " > ");
		if (gt)
			fprintf(f, " %.*s >%s", (int)(gt - anchor), anchor, gt + 2);
		else
			fprintf(f, "%s %s", p->npre ? " >" : "", anchor);
		for (int i = 0; i < p->n; i++) {
			int c = chunks_of(&p->els[i]);
			fputc(' ', f);
			put_elem(f, &p->els[i], rest % c);
			rest /= c;
		}
		if (variants == 2 && combo < total)
			fputs(" {T}", f);
		fputs(p->mutual ? " @mutual\n" : "\n", f);
		vc->lines++;
	}
}

/* "041 welcome|hail {T}" and "041 welcome|hail": see put_pattern. */
static void put_bare(verbs_conv *vc, const vverb *first, char *const *alts, int n)
{
	const char *code = first->code;
	note_origin(vc->im, first->file, first->line);
	for (int v = 0; v < 2; v++) {
		fprintf(vc->im->out, "%s ", code);
		put_alts(vc->im->out, alts, n);
		fputs(v ? "\n" : " {T}\n", vc->im->out);
		vc->lines++;
	}
}

/* A synonym block is done: its bare verbs, then every pattern for every
 * verb.  One-word verbs share an anchor written as alternatives. */
static void verb_flush(verbs_conv *vc)
{
	FILE *f = vc->im->out;
	char *singles[MAX_ALTS];
	int ns = 0;
	/* bare verbs, grouped by code */
	for (int i = 0; i < vc->nverbs; i++) {
		vverb *v = &vc->verbs[i];
		if (!v->code[0])
			continue;
		if (v->words > 1) {
			note_origin(vc->im, v->file, v->line);
			fprintf(f, "%s %s {T}\n%s %s\n", v->code, v->seq, v->code, v->seq);
			vc->bare++, vc->lines += 2;
			continue;
		}
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= vc->verbs[j].words == 1 && strcmp(vc->verbs[j].code, v->code) == 0;
		if (dup)
			continue;
		ns = 0;
		for (int j = i; j < vc->nverbs; j++) {
			if (vc->verbs[j].words != 1 || strcmp(vc->verbs[j].code, v->code) != 0)
				continue;
			singles[ns++] = vc->verbs[j].seq;
			vc->bare++;
			if (ns == MAX_ALTS) {
				put_bare(vc, v, singles, ns);
				ns = 0;
			}
		}
		if (ns)
			put_bare(vc, v, singles, ns);
	}
	/* patterns: all one-word verbs as one anchor, multi-word ones alone */
	for (int k = 0; k < vc->npats; k++) {
		ns = 0;
		for (int i = 0; i <= vc->nverbs; i++) {
			if (i < vc->nverbs && vc->verbs[i].words == 1)
				singles[ns++] = vc->verbs[i].seq;
			if (ns && (ns == MAX_ALTS || i == vc->nverbs)) {
				char anchor[MAX_ALTS * 40];
				size_t l = 0;
				anchor[0] = '\0';
				for (int j = 0; j < ns && l + 42 < sizeof anchor; j++)
					l += (size_t)snprintf(anchor + l, sizeof anchor - l, "%s%s", j ? "|" : "", singles[j]);
				put_pattern(vc, anchor, 1, &vc->pats[k]);
				ns = 0;
			}
			if (i < vc->nverbs && vc->verbs[i].words > 1)
				put_pattern(vc, vc->verbs[i].seq, vc->verbs[i].words, &vc->pats[k]);
		}
	}
	vc->nverbs = vc->npats = 0;
}

static int on_verb(void *ctx, char *line, int indented)
{
	verbs_conv *vc = ctx;
	(void)indented;
	if (vc->cur_syn && line[0] == '+')
		return syn_member(vc, line + 1);
	vc->cur_syn = NULL;
	if (line[0] == '&') {
		char key[128];
		size_t k = 0;
		for (char *p = line; *p && *p != ' ' && k < sizeof key - 1; p++)
			key[k++] = (char)toupper((unsigned char)*p);
		while (k && key[k - 1] == '_')
			k--;
		key[k] = '\0';
		synset *s = cw_alloc(vc->im->a, sizeof *s);
		if (!s || cw_map_put(vc->syns, key, s) < 0)
			return oom(vc->im);
		vc->cur_syn = s;
		return 0;
	}
	if (strncmp(line, "---", 3) == 0) {
		verb_flush(vc);
		vc->blocks++;
		vc->in_block = 1;
		vc->block_code[0] = '\0';
		char *lb = strchr(line, '[');
		if (lb && verb_code(vc, lb + 1, vc->block_code) == -2)
			return oom(vc->im);
		return 0;
	}
	if (!vc->in_block)
		return 0;
	if (line[0] == '-')
		return verb_pattern(vc, line);
	if (line[0] == '~') {
		vc->transforms++;
		return 0;
	}
	return verb_line(vc, line);
}

/* ---------------------------------------------------------------- discards */

typedef struct discard_conv {
	imp *im;
	long story, sentence, bad;
} discard_conv;

static int on_discard(void *ctx, char *line, int indented)
{
	discard_conv *dc = ctx;
	(void)indented;
	int story = line[0] == '+';
	char *p = cw_trim(line + story);
	size_t n = strlen(p);
	int whole = n && p[n - 1] == '_';
	char *w = lower_words(dc->im->a, p, n);
	if (!w)
		return oom(dc->im);
	if (!*w || strpbrk(w, "#*")) {
		dc->bad++;
		return 0;
	}
	fprintf(dc->im->out, "%-9s %s%s\n", story ? "story" : "sentence", w, whole ? "" : "*");
	if (story)
		dc->story++;
	else
		dc->sentence++;
	return 0;
}

/* The discard list as curlew uses it: phrases matched case-insensitively
 * at a word start; a phrase ending in '*' may end inside a word. */
typedef struct discard {
	char *phrase;
	int stem, story;
} discard;

typedef struct discards {
	discard *d;
	int n, cap;
	cw_arena *a;
} discards;

static int on_discard_line(void *ctx, char *line, int lineno)
{
	discards *ds = ctx;
	(void)lineno;
	char *s = cw_trim(line);
	char *sp = strpbrk(s, " \t");
	if (!sp)
		return 0;
	*sp = '\0';
	int story = strcmp(s, "story") == 0;
	if (!story && strcmp(s, "sentence") != 0)
		return 0;
	char *ph = cw_trim(sp + 1);
	size_t n = strlen(ph);
	int stem = n && ph[n - 1] == '*';
	if (stem)
		ph[--n] = '\0';
	if (!n)
		return 0;
	discard *g = cw_grow(ds->a, ds->d, &ds->cap, ds->n + 1, sizeof *g);
	if (!g)
		return -1;
	ds->d = g;
	g[ds->n].phrase = cw_strdup(ds->a, ph);
	g[ds->n].stem = stem;
	g[ds->n].story = story;
	if (!g[ds->n].phrase)
		return -1;
	cw_lower_ascii(g[ds->n].phrase);
	ds->n++;
	return 0;
}

/* 0 or the matching discard: 1 for a sentence discard, 2 for a story. */
static int discard_match(const discards *ds, const char *text)
{
	size_t n = strlen(text);
	char *low = malloc(n + 1);
	if (!low)
		return 0;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	int hit = 0;
	for (int k = 0; k < ds->n && hit < 2; k++) {
		const discard *d = &ds->d[k];
		size_t l = strlen(d->phrase);
		for (const char *p = strstr(low, d->phrase); p; p = strstr(p + 1, d->phrase)) {
			if (p > low && isalnum((unsigned char)p[-1]))
				continue;
			if (!d->stem && isalnum((unsigned char)p[l]))
				continue;
			if (d->story)
				hit = 2;
			else if (hit < 1)
				hit = 1;
			break;
		}
	}
	free(low);
	return hit;
}

/* --------------------------------------------------------- files and dirs */

static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return -1;
	FILE *out = fopen(to, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	char buf[65536];
	size_t n;
	int rc = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	return rc;
}

static int is_regular(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The files curlew's own import writes; everything else in the data dir
 * (code table, countries, places, abbreviations, gen/) is copied, and
 * phoenix/ (the converted Phoenix actors, which actors.c loads after the
 * actors.txt beside it) only with --merge: without it the imported
 * dictionaries stand alone, as "validate" needs them. */
static int generated_name(const imp *im, const char *name)
{
	static const char *const gen[] = { "actors.txt", "agents.txt", "verbs.txt",
					   "discards.txt", "cameo-codes.tsv", NULL };
	for (const char *const *g = gen; *g; g++)
		if (strcmp(name, *g) == 0)
			return 1;
	return !im->merge && strcmp(name, "phoenix") == 0;
}

static int copy_dir(imp *im, const char *from, const char *to, int top)
{
	if (mkdir(to, 0777) < 0 && errno != EEXIST) {
		snprintf(im->err, im->errlen, "%s: %s", to, strerror(errno));
		return -1;
	}
	DIR *d = opendir(from);
	if (!d) {
		snprintf(im->err, im->errlen, "%s: %s", from, strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.' || (top && generated_name(im, e->d_name)))
			continue;
		char *src = cw_printf(im->a, "%s/%s", from, e->d_name);
		char *dst = cw_printf(im->a, "%s/%s", to, e->d_name);
		if (!src || !dst) {
			rc = oom(im);
			break;
		}
		struct stat st;
		if (stat(src, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode) && top)
			rc = copy_dir(im, src, dst, 0);
		else if (S_ISREG(st.st_mode) && copy_file(src, dst) < 0) {
			snprintf(im->err, im->errlen, "copying %s: %s", src, strerror(errno));
			rc = -1;
		}
	}
	closedir(d);
	return rc;
}

/* Appends curlew's own file, or only the lines keep() accepts. */
static int append_own(imp *im, const char *path, int (*keep)(const char *line))
{
	FILE *in = fopen(path, "r");
	if (!in)
		return errno == ENOENT ? 0 : -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, in)) >= 0) {
		if (keep && !keep(line))
			continue;
		fputs(line, im->out);
		if (n > 0 && line[n - 1] != '\n')
			fputc('\n', im->out);
	}
	free(line);
	fclose(in);
	return 0;
}

/* Grammar rather than vocabulary: kept even when PETRARCH's dictionaries
 * are used alone, since they are how curlew reads titles and pronouns. */
static int grammar_agent(const char *line)
{
	return line[0] != '#' && (strstr(line, "[pronoun]") || strstr(line, "[skip]") ||
				  strstr(line, "[replace"));
}

static int grammar_verb(const char *line)
{
	return line[0] == '!';   /* word lists: !adj, !reciprocal, !mirrored, !joint */
}

static int open_out(imp *im, const char *dir, const char *name)
{
	char *p = cw_printf(im->a, "%s/%s", dir, name);
	if (!p)
		return oom(im);
	if (!(im->out = fopen(p, "w"))) {
		snprintf(im->err, im->errlen, "%s: %s", p, strerror(errno));
		return -1;
	}
	im->out_name = name;
	return 0;
}

static int close_out(imp *im)
{
	int rc = im->out && (ferror(im->out) | fclose(im->out)) ? -1 : 0;
	im->out = NULL;
	if (rc < 0)
		snprintf(im->err, im->errlen, "write error: %s", strerror(errno));
	return rc;
}

static int read_all(imp *im, const char *const *files, int semicolon, petr_line_fn fn, void *ctx)
{
	for (const char *const *f = files; f && *f; f++) {
		im->file = *f;
		if (im->log)
			fprintf(im->log, "reading %s\n", *f);
		int rc = read_petr(im, *f, semicolon, fn, ctx);
		if (rc == -1 && !im->err[0])
			snprintf(im->err, im->errlen, "%s: %s", *f, strerror(errno));
		if (rc)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------ scanning a dir */

enum { K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_N };

static int kind_of(const char *name)
{
	char low[256];
	snprintf(low, sizeof low, "%s", name);
	cw_lower_ascii(low);
	size_t n = strlen(low);
	if (n < 4 || strcmp(low + n - 4, ".txt") != 0 || strstr(low, "issue"))
		return -1;
	if (strstr(low, "verbs") || strncmp(low, "cameo", 5) == 0)
		return K_VERBS;
	if (strstr(low, "actors"))
		return K_ACTORS;
	if (strstr(low, "agents"))
		return K_AGENTS;
	if (strstr(low, "discard"))
		return K_DISCARDS;
	return -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Finds the dictionaries in dir by their usual names.  Operational ones
 * (Phoenix.*, CAMEO.*) are preferred to the unit-test set (*Validate*)
 * when a directory holds both. */
static int scan_dir(imp *im, const char *dir, const char **lists[K_N])
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(im->err, im->errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	int n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (kind_of(e->d_name) < 0)
			continue;
		char **g = cw_grow(im->a, names, &cap, n + 1, sizeof *g);
		if (!g || !(g[n] = cw_strdup(im->a, e->d_name))) {
			closedir(d);
			return oom(im);
		}
		names = g;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, (size_t)n, sizeof *names, by_name);
	for (int k = 0; k < K_N; k++) {
		if (lists[k])
			continue;
		int operational = 0;
		for (int i = 0; i < n; i++)
			operational |= kind_of(names[i]) == k && !strcasestr(names[i], "validate");
		const char **l = cw_alloc(im->a, (size_t)(n + 1) * sizeof *l);
		if (!l)
			return oom(im);
		int m = 0;
		for (int i = 0; i < n; i++)
			if (kind_of(names[i]) == k && (!operational || !strcasestr(names[i], "validate")))
				if (!(l[m++] = cw_printf(im->a, "%s/%s", dir, names[i])))
					return oom(im);
		lists[k] = l;
	}
	return 0;
}

/* ------------------------------------------------------------- import */

static const char actors_head[] =
	"# actors.txt -- written by \"curlew dict import --petrarch\" from PETRARCH actor\n"
	"# dictionaries (and, with --merge, curlew's own entries first).  Format as\n"
	"# in curlew's data/actors.txt: Name | Alias  [CODE] [CODE FROM TO].\n";
static const char agents_head[] =
	"# agents.txt -- written by \"curlew dict import --petrarch\" from PETRARCH agent\n"
	"# dictionaries.  Format as in curlew's data/agents.txt: word | plural+  [SECTORS].\n"
	"# PETRARCH codes put before the actor's (NGO~) are appended like the others.\n";
static const char verbs_head[] =
	"# verbs.txt -- written by \"curlew dict import --petrarch\" from PETRARCH verb\n"
	"# dictionaries.  Format as in curlew's data/verbs.txt: CODE anchor words, with\n"
	"# '*' gaps and {T} target slots; PETRARCH synsets are written out as a|b|c.\n";
static const char discards_head[] =
	"# discards.txt -- phrases that stop coding, from PETRARCH discard lists.\n"
	"#\n"
	"#   sentence  PHRASE    the sentence is not coded when PHRASE occurs in it\n"
	"#   story     PHRASE    the whole story is not coded\n"
	"#\n"
	"# PHRASE is matched case-insensitively from the start of a word; a final *\n"
	"# lets it end inside a word (\"basketball*\" also takes \"basketballs\").\n";

static int import_actors(imp *im, const char *const *files, const char *data_dir,
			 const char *out_dir, int merge)
{
	if (open_out(im, out_dir, "actors.txt") < 0)
		return -1;
	fputs(actors_head, im->out);
	if (merge) {
		char *own = cw_printf(im->a, "%s/actors.txt", data_dir);
		if (!own || append_own(im, own, NULL) < 0)
			return close_out(im), oom(im);
		fputs("\n# ---- imported from PETRARCH\n", im->out);
	}
	actors_conv ac;
	memset(&ac, 0, sizeof ac);
	ac.im = im;
	int rc = read_all(im, files, 1, on_actor, &ac);
	actor_flush(&ac);
	if (close_out(im) < 0 || rc < 0)
		return -1;
	if (im->log)
		fprintf(im->log, "actors: %ld entries written, %ld without a usable code dropped, "
			"%ld null-coded periods skipped, %ld multi-actor codes cut to the first, "
			"%ld malformed names or restrictions\n",
			ac.written, ac.dropped, ac.null_roles, ac.multi, ac.bad);
	return 0;
}

static int import_agents(imp *im, const char *const *files, const char *data_dir,
			 const char *out_dir, int merge)
{
	if (open_out(im, out_dir, "agents.txt") < 0)
		return -1;
	fputs(agents_head, im->out);
	char *own = cw_printf(im->a, "%s/agents.txt", data_dir);
	if (!own || append_own(im, own, merge ? NULL : grammar_agent) < 0)
		return close_out(im), oom(im);
	fputs("\n# ---- imported from PETRARCH\n", im->out);
	agents_conv ag;
	memset(&ag, 0, sizeof ag);
	ag.im = im;
	int rc = read_all(im, files, 0, on_agent, &ag);
	if (close_out(im) < 0 || rc < 0)
		return -1;
	if (im->log)
		fprintf(im->log, "agents: %ld entries written, %ld put-before codes (NGO~) appended "
			"instead, %ld skipped (bad code or phrase)\n", ag.written, ag.prefix, ag.bad);
	return 0;
}

static int import_verbs(imp *im, const char *const *files, const char *data_dir,
			const char *out_dir, int merge)
{
	if (open_out(im, out_dir, "verbs.txt") < 0)
		return -1;
	fputs(verbs_head, im->out);
	char *own = cw_printf(im->a, "%s/verbs.txt", data_dir);
	if (!own || append_own(im, own, merge ? NULL : grammar_verb) < 0)
		return close_out(im), oom(im);
	fputs("\n# ---- imported from PETRARCH\n", im->out);
	verbs_conv vc;
	memset(&vc, 0, sizeof vc);
	vc.im = im;
	if (!(vc.syns = cw_map_new()))
		return close_out(im), oom(im);
	int rc = read_all(im, files, 0, on_verb, &vc);
	verb_flush(&vc);
	cw_map_free(vc.syns);
	if (close_out(im) < 0 || rc < 0)
		return -1;
	if (im->log)
		fprintf(im->log, "verbs: %ld blocks, %ld bare verbs, %ld patterns read, %ld lines written; "
			"%ld with words before the verb; patterns skipped: %ld with unreadable "
			"codes (not 2-4 digits and a letter), %ld null-coded, %ld with undefined synsets, "
			"%ld malformed, %ld too long; %ld transformations skipped; %ld paired "
			"codes (the target's side too)\n",
			vc.blocks, vc.bare, vc.patterns, vc.lines, vc.with_pre, vc.skip_code,
			vc.skip_null, vc.skip_syn, vc.skip_shape, vc.skip_long, vc.transforms,
			vc.second_codes);
	return 0;
}

static int import_discards(imp *im, const char *const *files, const char *data_dir,
			   const char *out_dir, int merge)
{
	if (open_out(im, out_dir, "discards.txt") < 0)
		return -1;
	fputs(discards_head, im->out);
	if (merge) {
		char *own = cw_printf(im->a, "%s/discards.txt", data_dir);
		if (!own || append_own(im, own, NULL) < 0)
			return close_out(im), oom(im);
	}
	discard_conv dc = { im, 0, 0, 0 };
	int rc = read_all(im, files, 0, on_discard, &dc);
	if (close_out(im) < 0 || rc < 0)
		return -1;
	if (im->log)
		fprintf(im->log, "discards: %ld sentence and %ld story phrases, %ld skipped\n",
			dc.sentence, dc.story, dc.bad);
	return 0;
}

/* The code table plus the numeric codes the imported verbs use that CAMEO
 * lacks (PETRARCH's own sub-codes), so that verbs.c accepts them; each
 * takes its root's quad class and Goldstein value. */
static int write_codes(imp *im, const char *data_dir, const char *out_dir)
{
	char *src = cw_printf(im->a, "%s/cameo-codes.tsv", data_dir);
	char *dst = cw_printf(im->a, "%s/cameo-codes.tsv", out_dir);
	if (!src || !dst)
		return oom(im);
	if (copy_file(src, dst) < 0) {
		snprintf(im->err, im->errlen, "copying %s: %s", src, strerror(errno));
		return -1;
	}
	if (!im->nextra)
		return 0;
	FILE *f = fopen(dst, "a");
	if (!f) {
		snprintf(im->err, im->errlen, "%s: %s", dst, strerror(errno));
		return -1;
	}
	fputs("# codes used by imported PETRARCH patterns that are not in CAMEO\n", f);
	for (int i = 0; i < im->nextra; i++) {
		/* a CAMEO root lends its quad class; other codes stay local */
		const char *x = im->extras[i];
		char root[3] = { x[0], x[1], 0 };
		const cw_code_info *ci = cw_codes_get(im->codes, root);
		if (ci && !isupper((unsigned char)x[strlen(x) - 1]))
			fprintf(f, "%s\t%d\t%.1f\t-\t-\t-\tPETRARCH code not in CAMEO\n", x,
				ci->quad, ci->goldstein);
		else
			fprintf(f, "%s\t-\t-\t-\t-\t-\tPETRARCH local code\n", x);
	}
	if (im->log)
		fprintf(im->log, "codes: %d non-CAMEO codes added to cameo-codes.tsv\n", im->nextra);
	return fclose(f) == 0 ? 0 : -1;
}

/* ------------------------------------------------- the loaders' word */

/* Converted lines curlew's loaders may refuse before the import gives up:
 * one or two are a blind spot of the converter (each is named and
 * commented out), more would be a bug to fix rather than paper over. */
#define MAX_REFUSED 32

/* Loads the converted tables as curlew_open would (countries and the
 * other copied tables are curlew's own and unchanged). */
static int load_converted(const char *out_dir, char *why, size_t n)
{
	struct curlew cw;
	memset(&cw, 0, sizeof cw);
	cw.data_dir = (char *)out_dir;
	cw.opts = (curlew_options)CURLEW_OPTIONS_INIT;
	cw_actor_dict *a = NULL;
	cw_verb_dict *v = NULL;
	int rc = cw_codes_load(&cw.codes, out_dir, why, n);
	if (rc == 0)
		rc = cw_actors_load(&a, &cw, why, n);
	if (rc == 0)
		rc = cw_verbs_load(&v, &cw, why, n);
	cw_verbs_free(v);
	cw_actors_free(a);
	cw_codes_free(cw.codes);
	return rc;
}

#define REFUSED_MARK "# refused: "

/* Turns line lineno (1-based, as the loaders count) of path into a
 * comment; the origins after it move with the bytes inserted.  Returns
 * the line's offset (before the change), or -1. */
static long comment_out(imp *im, const char *name, const char *path, long lineno)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *text = NULL;
	size_t cap = 0, n = 0, got;
	int bad = 0;
	do {
		if (n == cap) {
			char *g = realloc(text, cap = cap ? cap * 2 : 65536);
			if (!g) {
				bad = 1;
				break;
			}
			text = g;
		}
		n += got = fread(text + n, 1, cap - n, f);
	} while (got);
	bad |= ferror(f);
	fclose(f);
	long off = 0, line = 1;
	while (!bad && line < lineno && (size_t)off < n)
		line += text[off++] == '\n';
	if (bad || line != lineno || (size_t)off >= n || !(f = fopen(path, "wb"))) {
		free(text);
		return -1;
	}
	fwrite(text, 1, (size_t)off, f);
	fputs(REFUSED_MARK, f);
	fwrite(text + off, 1, n - (size_t)off, f);
	free(text);
	if ((ferror(f) | fclose(f)) != 0)
		return -1;
	for (int i = 0; i < im->norigins; i++)
		if (!strcmp(im->origins[i].out, name) && im->origins[i].off > off)
			im->origins[i].off += (long)strlen(REFUSED_MARK);
	return off;
}

static const origin *origin_at(const imp *im, const char *out, long off)
{
	const origin *best = NULL;
	for (int i = 0; i < im->norigins; i++)
		if (!strcmp(im->origins[i].out, out) && im->origins[i].off <= off &&
		    (!best || im->origins[i].off >= best->off))
			best = &im->origins[i];
	return best;
}

/* "OUT/verbs.txt:17: why" -> which output file, and 17; -1 if no line. */
static int refused_line(const char *why, const char *const *names, int nnames, long *lineno,
			const char **rest)
{
	for (int k = 0; k < nnames; k++) {
		size_t l = strlen(names[k]);
		for (const char *p = strstr(why, names[k]); p; p = strstr(p + 1, names[k])) {
			char *end;
			if (p[l] != ':' || (p > why && p[-1] != '/'))
				continue;
			*lineno = strtol(p + l + 1, &end, 10);
			if (*lineno > 0 && *end == ':') {
				*rest = end + 1;
				return k;
			}
		}
	}
	return -1;
}

/* Whatever the import writes, curlew must load: a data dir it refuses
 * would strand the user.  The converter is meant to write only what the
 * loaders take; should a line slip through anyway, the loaders have the
 * last word: the line is commented out and named with the PETRARCH line
 * it came from, and the import goes on. */
static int check_output(imp *im, const char *out_dir)
{
	static const char *const names[] = { "actors.txt", "agents.txt", "verbs.txt" };
	for (int round = 0;; round++) {
		char why[512] = "";
		if (load_converted(out_dir, why, sizeof why) == 0)
			return 0;
		long lineno = 0;
		const char *rest = "";
		int k = refused_line(why, names, 3, &lineno, &rest);
		char *path = k >= 0 ? cw_printf(im->a, "%s/%s", out_dir, names[k]) : NULL;
		long off = path && round < MAX_REFUSED ? comment_out(im, names[k], path, lineno) : -1;
		if (off < 0) {
			snprintf(im->err, im->errlen, "the converted dictionaries do not load: %s", why);
			return -1;
		}
		const origin *o = origin_at(im, names[k], off);
		if (im->log && o)
			fprintf(im->log, "%s:%d: dropped: curlew refuses its conversion (%s:%ld:%s)\n",
				o->file ? o->file : "?", o->line, names[k], lineno, rest);
		else if (im->log)
			fprintf(im->log, "%s:%ld:%s; line commented out\n", names[k], lineno, rest);
	}
}

static int petrarch_import(const char *petrarch_dir, const curlew_petrarch_files *files,
			   const char *data_dir, const char *out_dir, int merge, FILE *log,
			   char *err, size_t errlen);

int curlew_petrarch_import(const char *petrarch_dir, const curlew_petrarch_files *files,
			   const char *data_dir, const char *out_dir, int merge, FILE *log)
{
	char err[512];
	int rc = petrarch_import(petrarch_dir, files, data_dir, out_dir, merge, log, err, sizeof err);
	return rc < 0 ? cw_fail_msg(rc, err) : rc;
}

static int petrarch_import(const char *petrarch_dir, const curlew_petrarch_files *files,
			   const char *data_dir, const char *out_dir, int merge, FILE *log,
			   char *err, size_t errlen)
{
	char dummy[8];
	if (!err || !errlen)
		err = dummy, errlen = sizeof dummy;
	err[0] = '\0';
	if (!out_dir || (!petrarch_dir && !files)) {
		snprintf(err, errlen, "import needs a PETRARCH directory or files, and an output directory");
		return CURLEW_EUSAGE;
	}
	if (!data_dir) {
		const char *env = getenv("CURLEW_DATA");
		data_dir = env && *env ? env : cw_default_data_dir();
	}
	imp im;
	memset(&im, 0, sizeof im);
	im.log = log;
	im.err = err;
	im.errlen = errlen;
	im.merge = merge;
	int rc = -1;
	char cerr[256];
	if (!(im.a = cw_arena_new()) || !(im.extra = cw_map_new())) {
		oom(&im);
		goto done;
	}
	if (cw_codes_load(&im.codes, data_dir, cerr, sizeof cerr) < 0) {
		snprintf(err, errlen, "%s", cerr);
		goto done;
	}
	const char **lists[K_N] = { 0 };
	if (files) {
		lists[K_VERBS] = (const char **)files->verbs;
		lists[K_ACTORS] = (const char **)files->actors;
		lists[K_AGENTS] = (const char **)files->agents;
		lists[K_DISCARDS] = (const char **)files->discards;
	}
	if (petrarch_dir && scan_dir(&im, petrarch_dir, lists) < 0)
		goto done;
	if (copy_dir(&im, data_dir, out_dir, 1) < 0 ||
	    import_actors(&im, lists[K_ACTORS], data_dir, out_dir, merge) < 0 ||
	    import_agents(&im, lists[K_AGENTS], data_dir, out_dir, merge) < 0 ||
	    import_verbs(&im, lists[K_VERBS], data_dir, out_dir, merge) < 0 ||
	    import_discards(&im, lists[K_DISCARDS], data_dir, out_dir, merge) < 0 ||
	    write_codes(&im, data_dir, out_dir) < 0 || check_output(&im, out_dir) < 0)
		goto done;
	rc = 0;
done:
	if (im.out)
		fclose(im.out);
	cw_codes_free(im.codes);
	cw_map_free(im.extra);
	cw_arena_free(im.a);
	return rc == 0 ? CURLEW_OK : err[0] && strstr(err, "out of memory") ? CURLEW_ESYS : CURLEW_EDATA;
}

/* ------------------------------------------------------------ validate */

static char *xprop(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Whitespace runs (the records wrap their text) become single blanks. */
static char *squeeze(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *o = malloc(n + 1);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int sp = isspace((unsigned char)s[i]);
		if (sp && (k == 0 || o[k - 1] == ' '))
			continue;
		o[k++] = sp ? ' ' : s[i];
	}
	while (k && o[k - 1] == ' ')
		k--;
	o[k] = '\0';
	return o;
}

typedef struct tripleset {
	char **t;
	int n, cap;
} tripleset;

static int ts_add(tripleset *s, const char *src, const char *tgt, const char *code)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s %s %s", src, tgt, code);
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->t[i], buf) == 0)
			return 0;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		char **g = realloc(s->t, (size_t)cap * sizeof *g);
		if (!g)
			return -1;
		s->t = g;
		s->cap = cap;
	}
	return (s->t[s->n++] = strdup(buf)) ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ts_free(tripleset *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->t[i]);
	free(s->t);
	memset(s, 0, sizeof *s);
}

static int ts_equal(tripleset *a, tripleset *b)
{
	if (a->n != b->n)
		return 0;
	if (a->n == 0)
		return 1;
	qsort(a->t, (size_t)a->n, sizeof *a->t, cmp_str);
	qsort(b->t, (size_t)b->n, sizeof *b->t, cmp_str);
	for (int i = 0; i < a->n; i++)
		if (strcmp(a->t[i], b->t[i]) != 0)
			return 0;
	return 1;
}

static void ts_print(FILE *f, const tripleset *s)
{
	fputc('[', f);
	for (int i = 0; i < s->n; i++)
		fprintf(f, "%s%s", i ? "; " : "", s->t[i]);
	fputc(']', f);
}

/* An actor as PETRARCH writes it: "---" for nobody, "---GOV" for a sector
 * whose country is unknown (a code that is its own sector, no country). */
static const char *petr_actor(const curlew_actor *a, char *buf, size_t len)
{
	if (!a->code || !a->code[0])
		return "---";
	if (!a->country && a->nsectors && strcmp(a->code, a->sectors[0]) == 0)
		snprintf(buf, len, "---%s", a->code);
	else
		snprintf(buf, len, "%s", a->code);
	return buf;
}

typedef struct vrun {
	curlew *cw;
	discards ds;
	FILE *out;
	int require_dyad;
	int passed, failed;
} vrun;

static int code_record(vrun *v, const char *id, const char *text, const char *date,
		       tripleset *got)
{
	if (discard_match(&v->ds, text))
		return 0;
	curlew_story st;
	memset(&st, 0, sizeof st);
	st.id = id;
	st.text = text;
	st.len = strlen(text);
	st.date = date;
	curlew_doc *doc = NULL;
	int rc = curlew_code(v->cw, &st, NULL, &doc);
	if (rc == CURLEW_ESYS) {
		curlew_doc_free(doc);
		return -1;
	}
	size_t n = rc == 0 ? curlew_doc_nevents(doc) : 0;
	for (size_t i = 0; i < n; i++) {
		curlew_event e = CURLEW_EVENT_INIT;
		char sb[40], tb[40];
		if (curlew_doc_event(doc, i, &e) < 0) {
			curlew_doc_free(doc);
			return -1;
		}
		const char *src = petr_actor(&e.source, sb, sizeof sb);
		const char *tgt = petr_actor(&e.target, tb, sizeof tb);
		if (v->require_dyad && (strcmp(src, "---") == 0 || strcmp(tgt, "---") == 0))
			continue;
		if (ts_add(got, src, tgt, e.cameo) < 0) {
			curlew_doc_free(doc);
			return -1;
		}
	}
	curlew_doc_free(doc);
	return 0;
}

static int run_sentence(vrun *v, xmlNode *sn)
{
	tripleset want = { 0 }, got = { 0 };
	int records = 0, rc = 0;
	char *text = NULL;
	for (xmlNode *c = sn->children; c; c = c->next) {
		if (is_el(c, "EventCoding")) {
			records++;
			char *s = xprop(c, "sourcecode"), *t = xprop(c, "targetcode"), *e = xprop(c, "eventcode");
			if (s && t && e && ts_add(&want, s, t, e) < 0)
				rc = -1;
			xmlFree(s);
			xmlFree(t);
			xmlFree(e);
		} else if (is_el(c, "Text") && !text) {
			xmlChar *raw = xmlNodeGetContent(c);
			text = squeeze(raw ? (const char *)raw : "");
			xmlFree(raw);
		}
	}
	if (!records || rc < 0)
		goto done;
	char *id = xprop(sn, "id"), *date = xprop(sn, "date");
	char iso[16] = "";
	if (date && petr_date(cw_trim(date), iso) < 0)
		iso[0] = '\0';
	rc = code_record(v, id ? id : "?", text ? text : "", iso[0] ? iso : NULL, &got);
	if (rc == 0) {
		if (ts_equal(&want, &got)) {
			v->passed++;
		} else {
			v->failed++;
			fprintf(v->out, "FAIL %s: expected ", id ? id : "?");
			ts_print(v->out, &want);
			fputs(" got ", v->out);
			ts_print(v->out, &got);
			fputc('\n', v->out);
		}
	}
	xmlFree(id);
	xmlFree(date);
done:
	free(text);
	ts_free(&want);
	ts_free(&got);
	return rc;
}

static int truthy(const char *s)
{
	return s && (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

static int walk_records(vrun *v, xmlNode *n)
{
	for (; n; n = n->next) {
		if (is_el(n, "Sentence")) {
			if (run_sentence(v, n) < 0)
				return -1;
		} else if (is_el(n, "Config")) {
			char *opt = xprop(n, "option"), *val = xprop(n, "value");
			if (opt && strcmp(opt, "require_dyad") == 0)
				v->require_dyad = truthy(val);
			xmlFree(opt);
			xmlFree(val);
		} else if (is_el(n, "Sentences") || is_el(n, "Validation")) {
			if (walk_records(v, n->children) < 0)
				return -1;
		}
	}
	return 0;
}

/* The dictionary files named by <Environment>, relative to the XML. */
static int env_files(cw_arena *a, xmlNode *root, const char *base, const char **lists[K_N])
{
	static const char *const tags[K_N] = { "Verbfile", "Actorfile", "Agentfile", "Discardfile" };
	xmlNode *env = NULL;
	for (xmlNode *n = root ? root->children : NULL; n && !env; n = n->next)
		if (is_el(n, "Environment"))
			env = n;
	for (int k = 0; k < K_N; k++) {
		const char **l = cw_alloc(a, 9 * sizeof *l);
		if (!l)
			return -1;
		int m = 0;
		for (xmlNode *n = env ? env->children : NULL; n && m < 8; n = n->next) {
			if (!is_el(n, tags[k]))
				continue;
			xmlChar *raw = xmlNodeGetContent(n);
			char *name = raw ? cw_trim((char *)raw) : NULL;
			if (name && *name)
				l[m++] = name[0] == '/' ? cw_strdup(a, name) : cw_printf(a, "%s/%s", base, name);
			xmlFree(raw);
			if (m && !l[m - 1])
				return -1;
		}
		lists[k] = l;
	}
	return 0;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int load_discards(discards *ds, const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/discards.txt", dir);
	if (!is_regular(path))
		return 0;
	return cw_read_lines(path, on_discard_line, ds) == 0 ? 0 : -1;
}

int curlew_petrarch_validate(const char *xml_path, const curlew_options *opts, FILE *out,
			     int *passed, int *failed)
{
	if (passed)
		*passed = 0;
	if (failed)
		*failed = 0;
	if (!xml_path || !out)
		return cw_fail(CURLEW_EUSAGE, "validate needs a file of PETRARCH records");
	int rc = CURLEW_ESYS;
	cw_fail_msg(0, "out of memory");
	vrun v;
	memset(&v, 0, sizeof v);
	v.out = out;
	v.require_dyad = 1;
	char tmp[] = "/tmp/curlew-petrarch-XXXXXX";
	int have_tmp = 0;
	cw_arena *a = cw_arena_new();
	xmlDoc *doc = xmlReadFile(xml_path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!a)
		goto done;
	v.ds.a = a;
	if (!doc) {
		rc = cw_fail(CURLEW_EDATA, "%s: not a readable XML file", xml_path);
		goto done;
	}
	char *base = cw_strdup(a, xml_path);
	if (!base)
		goto done;
	char *slash = strrchr(base, '/');
	if (slash)
		*slash = '\0';
	else
		base = ".";
	xmlNode *root = xmlDocGetRootElement(doc);
	const char **lists[K_N] = { 0 };
	if (env_files(a, root, base, lists) < 0)
		goto done;
	if (!mkdtemp(tmp))
		goto done;
	have_tmp = 1;
	curlew_petrarch_files files = { lists[K_VERBS], lists[K_ACTORS], lists[K_AGENTS], lists[K_DISCARDS] };
	rc = curlew_petrarch_import(NULL, &files, opts ? opts->data_dir : NULL, tmp, 0, NULL);
	if (rc < 0)
		goto done;
	curlew_options lo = CURLEW_OPTIONS_INIT;
	if (opts)
		lo = *opts;
	lo.data_dir = tmp;
	lo.petrarch = 1;
	if (curlew_open(&v.cw, &lo) < 0) {
		rc = CURLEW_EDATA;      /* the message is curlew_open's */
		goto done;
	}
	rc = CURLEW_ESYS;
	if (load_discards(&v.ds, tmp) < 0 || walk_records(&v, root) < 0)
		goto done;
	fprintf(out, "%d passed, %d failed\n", v.passed, v.failed);
	if (passed)
		*passed = v.passed;
	if (failed)
		*failed = v.failed;
	rc = CURLEW_OK;
done:
	curlew_close(v.cw);
	if (have_tmp)
		remove_tree(tmp);
	if (doc)
		xmlFreeDoc(doc);
	cw_arena_free(a);
	return rc;
}
