/*
 * reader.c -- turns input files into stories: a whole text file, one JSON
 * object a line, or the article of an HTML page.
 *
 * The reader owns the memory of the story it hands out (text, id, title)
 * and keeps it until the next call or curlew_reader_free, so the caller
 * never copies.  A bad record is reported and skipped; the next call goes
 * on with the next record, so one broken line never loses a whole file.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "coder.h"

/* A whole-file story beyond this is almost certainly not a news story, and
 * reading it would let one input exhaust memory. */
#define MAX_STORY ((size_t)64 << 20)
/* NUL bytes this early mean a binary file, not text with a stray NUL. */
#define BINARY_PROBE 8192

struct curlew_reader {
	FILE *f;
	char *name;             /* for messages: the file name, or "stdin" */
	char *file_id;          /* txt/html: the story id made from the name */
	enum curlew_format fmt;
	int done;
	long lineno;
	char *line;             /* jsonl: getline's buffer */
	size_t linecap;
	json_t *obj;            /* jsonl: the current record, owns its strings */
	char *text;             /* txt/html: the story text */
	char *title;            /* html: <title> */
	char *date;             /* html: the published time in the page's metadata */
	char errmsg[512];
};

enum curlew_format curlew_format_from_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *base = slash ? slash + 1 : path;
	const char *dot = base ? strrchr(base, '.') : NULL;
	if (!dot || dot == base)
		return CURLEW_FMT_TXT;
	const char *ext = dot + 1;
	if (!strcasecmp(ext, "jsonl") || !strcasecmp(ext, "json") || !strcasecmp(ext, "ndjson"))
		return CURLEW_FMT_JSONL;
	if (!strcasecmp(ext, "html") || !strcasecmp(ext, "htm") || !strcasecmp(ext, "xhtml"))
		return CURLEW_FMT_HTML;
	return CURLEW_FMT_TXT;
}

/* "dir/story.v2.txt" -> "story.v2"; a leading dot is part of the name. */
static char *id_from_name(const char *name)
{
	if (!strcmp(name, "-"))
		return strdup("stdin");
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return n ? strndup(base, n) : strdup("story");
}

int curlew_reader_open(curlew_reader **out, FILE *f, const char *name,
		       enum curlew_format fmt)
{
	*out = NULL;
	if (!f)
		return CURLEW_EUSAGE;
	if (!name)
		name = "-";
	curlew_reader *r = calloc(1, sizeof *r);
	if (!r)
		return CURLEW_ESYS;
	r->f = f;
	r->fmt = fmt == CURLEW_FMT_AUTO ? curlew_format_from_name(name) : fmt;
	r->name = strdup(strcmp(name, "-") ? name : "stdin");
	r->file_id = id_from_name(name);
	if (!r->name || !r->file_id) {
		curlew_reader_free(r);
		return CURLEW_ESYS;
	}
	*out = r;
	return CURLEW_OK;
}

const char *curlew_reader_errmsg(const curlew_reader *r)
{
	return r ? r->errmsg : "out of memory";
}

static void release_story(curlew_reader *r)
{
	json_decref(r->obj);
	r->obj = NULL;
	free(r->text);
	r->text = NULL;
	free(r->title);
	r->title = NULL;
	free(r->date);
	r->date = NULL;
}

void curlew_reader_free(curlew_reader *r)
{
	if (!r)
		return;
	release_story(r);
	free(r->line);
	free(r->name);
	free(r->file_id);
	free(r);
}

static int fail(curlew_reader *r, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(curlew_reader *r, int rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->errmsg, sizeof r->errmsg, fmt, ap);
	va_end(ap);
	return rc;
}

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

static size_t skip_bom(const char *s, size_t n)
{
	return n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* A directory opens like a file and fails at the first read: it is bad
 * input (a glob that caught a folder), not a failing disk. */
static int read_error(curlew_reader *r)
{
	int e = errno ? errno : EIO;
	if (e == EISDIR)
		return fail(r, CURLEW_EDATA, "%s: is a directory; skipped", r->name);
	return fail(r, CURLEW_ESYS, "%s: read error: %s", r->name, strerror(e));
}

/* ---------------------------------------------------------------- jsonl */

static const char *opt_string(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int next_jsonl(curlew_reader *r, curlew_story *st)
{
	for (;;) {
		errno = 0;
		ssize_t n = getline(&r->line, &r->linecap, r->f);
		if (n < 0) {
			r->done = 1;
			if (ferror(r->f))
				return read_error(r);
			return CURLEW_EOF;
		}
		r->lineno++;
		size_t len = (size_t)n, off = r->lineno == 1 ? skip_bom(r->line, len) : 0;
		if (all_space(r->line + off, len - off))
			continue;
		if (len > MAX_STORY)
			return fail(r, CURLEW_EDATA, "%s:%ld: line longer than %zu MB",
				    r->name, r->lineno, MAX_STORY >> 20);

		json_error_t jerr;
		json_t *obj = json_loadb(r->line + off, len - off, 0, &jerr);
		if (!obj)
			return fail(r, CURLEW_EDATA, "%s:%ld: not JSON (%s)", r->name,
				    r->lineno, jerr.text);
		r->obj = obj;
		if (!json_is_object(obj))
			return fail(r, CURLEW_EDATA, "%s:%ld: not a JSON object", r->name,
				    r->lineno);
		json_t *id = json_object_get(obj, "id");
		if (!id)
			return fail(r, CURLEW_EDATA, "%s:%ld: missing \"id\"", r->name, r->lineno);
		if (!json_is_string(id))
			return fail(r, CURLEW_EDATA, "%s:%ld: \"id\" is not a string", r->name,
				    r->lineno);
		const char *idv = json_string_value(id);
		json_t *text = json_object_get(obj, "text");
		if (!text || !json_is_string(text))
			return fail(r, CURLEW_EDATA, "%s:%ld (id \"%.100s\"): %s", r->name,
				    r->lineno, idv,
				    text ? "\"text\" is not a string" : "missing \"text\"");
		st->id = idv;
		st->text = json_string_value(text);
		st->len = json_string_length(text);
		st->date = opt_string(obj, "date");
		st->title = opt_string(obj, "title");
		/* the publisher, under either name the field's data use */
		st->source = opt_string(obj, "source");
		if (!st->source)
			st->source = opt_string(obj, "publisher");
		st->url = opt_string(obj, "url");
		st->line = r->lineno;
		return CURLEW_OK;
	}
}

/* ------------------------------------------------------------ whole file */

/* Reads the rest of the file into r->text, NUL-terminated. */
static int slurp(curlew_reader *r, size_t *len)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return fail(r, CURLEW_ESYS, "%s: out of memory", r->name);
	for (;;) {
		if (cap - n < 2) {
			if (cap > MAX_STORY) {
				free(buf);
				return fail(r, CURLEW_EDATA, "%s: story larger than %zu MB",
					    r->name, MAX_STORY >> 20);
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return fail(r, CURLEW_ESYS, "%s: out of memory", r->name);
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, r->f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(r->f)) {
		free(buf);
		return read_error(r);
	}
	if (n > MAX_STORY) {
		free(buf);
		return fail(r, CURLEW_EDATA, "%s: story larger than %zu MB", r->name, MAX_STORY >> 20);
	}
	buf[n] = '\0';
	r->text = buf;
	*len = n;
	return CURLEW_OK;
}

static int check_whole(curlew_reader *r, const char *t, size_t n)
{
	if (memchr(t, '\0', n < BINARY_PROBE ? n : BINARY_PROBE))
		return fail(r, CURLEW_EDATA, "%s: binary file", r->name);
	if (all_space(t, n))
		return fail(r, CURLEW_EDATA, "%s: empty story", r->name);
	return CURLEW_OK;
}

/* ----------------------------------------------------------------- html */

typedef struct sbuf {
	char *s;
	size_t n, cap;
	int pending;    /* 0 nothing, 1 a space, 2 a paragraph break owed */
	int oom;
} sbuf;

static void sb_raw(sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (b->n + n + 1 > cap)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->oom = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* Appends text with runs of white space (NBSP included) collapsed; breaks
 * owed by block elements are written only before the next real text, so
 * nested blocks never pile up blank lines. */
static void sb_text(sbuf *b, const char *t)
{
	for (const unsigned char *p = (const unsigned char *)t; *p;) {
		size_t ws = 0;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			ws = 1;
		else if (p[0] == 0xC2 && p[1] == 0xA0)
			ws = 2;
		if (ws) {
			if (!b->pending)
				b->pending = 1;
			p += ws;
			continue;
		}
		const unsigned char *q = p;
		while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f' &&
		       !(q[0] == 0xC2 && q[1] == 0xA0))
			q++;
		if (b->n && b->pending == 2)
			sb_raw(b, "\n\n", 2);
		else if (b->n && b->pending == 1)
			sb_raw(b, " ", 1);
		b->pending = 0;
		sb_raw(b, (const char *)p, (size_t)(q - p));
		p = q;
	}
}

static int name_in(const xmlChar *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcasecmp((const char *)name, *list))
			return 1;
	return 0;
}

/* Page furniture: never part of the story. */
static const char *const dropped[] = {
	"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
	"iframe", "head", "template", "svg", "button", "select", "textarea", "menu",
	"object", "embed", NULL
};

static const char *const blocks[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "ul", "ol",
	"table", "section", "article", "main", "blockquote", "pre", "dl", "dt", "dd",
	"figure", "figcaption", "address", "hr", "td", "th", "body", "center", NULL
};

/* Class and id words that mark page furniture inside an article: adverts,
 * share buttons, "related" boxes.  Words are split at '-' and '_' too
 * ("ad-slot", "social_share"). */
static int furniture_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"ad", "ads", "adv", "advert", "adverts", "advertisement", "sponsor",
		"sponsored", "promo", "share", "sharing", "social", "related", "newsletter",
		"subscribe", "subscription", "cookie", "cookies", "comments", "paywall",
		"outbrain", "taboola", NULL
	};
	for (int k = 0; words[k]; k++)
		if (strlen(words[k]) == n && !strncasecmp(w, words[k], n))
			return 1;
	return 0;
}

static int attr_is_furniture(xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	if (!v)
		return 0;
	int hit = 0;
	for (const char *p = (const char *)v; *p && !hit;) {
		size_t len = strcspn(p, " \t\n-_");
		hit = len && furniture_word(p, len);
		p += len;
		if (*p)
			p++;
	}
	xmlFree(v);
	return hit;
}

static int is_furniture(xmlNode *n)
{
	if (name_in(n->name, dropped))
		return 1;
	if (xmlHasProp(n, (const xmlChar *)"hidden"))
		return 1;
	return attr_is_furniture(n, "class") || attr_is_furniture(n, "id");
}

static void collect(sbuf *b, xmlNode *n, int depth)
{
	/* libxml2 caps tree depth itself; this keeps our recursion honest too. */
	if (depth > 512)
		return;
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				sb_text(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !n->name || is_furniture(n))
			continue;
		int block = name_in(n->name, blocks);
		if (block)
			b->pending = 2;
		collect(b, n->children, depth + 1);
		if (block)
			b->pending = 2;
	}
}

static xmlNode *find_first(xmlNode *n, const char *name, int depth)
{
	for (; n && depth < 512; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->name && !strcasecmp((const char *)n->name, name))
			return n;
		if (name_in(n->name, dropped) && strcasecmp(name, "title"))
			continue;
		xmlNode *c = find_first(n->children, name, depth + 1);
		if (c)
			return c;
	}
	return NULL;
}

static size_t text_size(xmlNode *n)
{
	sbuf b = { 0 };
	collect(&b, n->children, 0);
	free(b.s);
	return b.n;
}

/* The story is the largest <article> (a page may list teasers of other
 * articles too), else <main>, else the whole body. */
static xmlNode *pick_content(xmlNode *root)
{
	xmlNode *best = NULL;
	size_t best_n = 0;
	for (xmlNode *a = find_first(root, "article", 0); a;) {
		size_t n = text_size(a);
		if (n > best_n) {
			best = a;
			best_n = n;
		}
		/* The next article: search the following siblings, climbing up. */
		xmlNode *next = NULL;
		for (xmlNode *up = a; up && !next; up = up->parent)
			for (xmlNode *s = up->next; s && !next; s = s->next)
				if (s->type == XML_ELEMENT_NODE)
					next = s->name && !strcasecmp((const char *)s->name, "article")
						? s : find_first(s->children, "article", 0);
		a = next;
	}
	if (best && best_n >= 40)
		return best;
	xmlNode *m = find_first(root, "main", 0);
	if (m && text_size(m) >= 40)
		return m;
	xmlNode *body = find_first(root, "body", 0);
	return body ? body : root;
}

/* libxml2 2.9 checks each attribute of a start tag against all the ones
 * before it, so a tag's parse time grows with the square of its attribute
 * count (40,000 on one tag: 11 s; 300,000: over 5 minutes; about 5 ns per
 * pair).  Pages have a few dozen a tag; SVG and framework markup stay in
 * the hundreds.  Per page, the sum of the squares bounds libxml2's checks
 * to about half a second, and the total count the tree it builds (two
 * million attributes took 650 MB). */
#define MAX_TAG_ATTRS 2000
#define MAX_ATTR_PAIRS 100000000ull
#define MAX_PAGE_ATTRS 200000
#define CW_STR_(x) #x
#define CW_STR(x) CW_STR_(x)
/* Bytes in one start tag: inline images (data: URIs) run to a few MB. */
#define MAX_TAG_BYTES ((size_t)16 << 20)

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Skips past the first occurrence of what (case-insensitive) at or
 * after i; n when there is none. */
static size_t skip_past(const char *s, size_t n, size_t i, const char *what)
{
	size_t k = strlen(what);
	for (; i + k <= n; i++)
		if (!strncasecmp(s + i, what, k))
			return i + k;
	return n;
}

/* A start tag at s[i] ('<' then a letter): its end, and in *attrs how
 * many attributes libxml2 would read in it.  Quoted values may hold '>'. */
static size_t scan_tag(const char *s, size_t n, size_t i, size_t *attrs)
{
	i++;
	while (i < n && !is_space(s[i]) && s[i] != '>' && s[i] != '/')
		i++;
	*attrs = 0;
	while (i < n) {
		while (i < n && (is_space(s[i]) || s[i] == '/'))
			i++;
		if (i >= n || s[i] == '>')
			break;
		(*attrs)++;
		while (i < n && !is_space(s[i]) && s[i] != '=' && s[i] != '>')
			i++;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n || s[i] != '=')
			continue;
		for (i++; i < n && is_space(s[i]); i++)
			;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			const char *q = memchr(s + i + 1, s[i], n - i - 1);
			i = q ? (size_t)(q - s) + 1 : n;
		} else {
			while (i < n && !is_space(s[i]) && s[i] != '>')
				i++;
		}
	}
	return i < n ? i + 1 : n;
}

/* The cheap pass before libxml2: NULL when the page is within the bounds,
 * else why not.  It reads markup as libxml2 does in recovery mode: comments
 * and the insides of <script> and <style> hold no tags. */
static const char *html_over_bound(const char *s, size_t n)
{
	unsigned long long pairs = 0, total = 0;
	for (size_t i = 0; i < n;) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			i = skip_past(s, n, i + 4, "-->");
			continue;
		}
		if (i + 1 >= n || !isalpha((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		size_t attrs, end = scan_tag(s, n, i, &attrs);
		if (attrs > MAX_TAG_ATTRS)
			return "a tag with more than " CW_STR(MAX_TAG_ATTRS) " attributes";
		if (end - i > MAX_TAG_BYTES)
			return "a tag longer than 16 MB";
		pairs += (unsigned long long)attrs * attrs;
		total += attrs;
		if (pairs > MAX_ATTR_PAIRS || total > MAX_PAGE_ATTRS)
			return "thousands of attributes on several tags";
		if (n - i > 7 && !strncasecmp(s + i + 1, "script", 6) && (is_space(s[i + 7]) || s[i + 7] == '>'))
			end = skip_past(s, n, end, "</script");
		else if (n - i > 6 && !strncasecmp(s + i + 1, "style", 5) && (is_space(s[i + 6]) || s[i + 6] == '>'))
			end = skip_past(s, n, end, "</style");
		i = end;
	}
	return NULL;
}

/* ------------------------------------------------------ html: its date */

/* Metadata that names when a page was published, best first: Open Graph
 * and news sites' article:published_time, schema.org datePublished (as a
 * meta, a <time> or JSON-LD), Dublin Core, then a plain <time datetime>. */
static const char *const date_metas[] = {
	"article:published_time", "og:published_time", "datepublished", "pubdate",
	"publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created",
	"dcterms.date", "sailthru.date", "parsely-pub-date", NULL
};

static int meta_rank(xmlNode *n)
{
	static const char *const attrs[] = { "property", "name", "itemprop", NULL };
	int best = -1;
	for (int a = 0; attrs[a]; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
		for (int k = 0; v && date_metas[k]; k++)
			if (!strcasecmp((const char *)v, date_metas[k]) && (best < 0 || k < best))
				best = k;
		xmlFree(v);
	}
	return best;
}

/* "datePublished": "2024-03-05T09:12:00Z" in a JSON-LD script. */
static char *jsonld_date(xmlNode *script)
{
	xmlChar *t = xmlNodeGetContent(script);
	char *out = NULL;
	const char *p = t ? strstr((const char *)t, "\"datePublished\"") : NULL;
	if (p && (p = strchr(p + 15, ':')) && (p = strchr(p, '"'))) {
		const char *e = strchr(p + 1, '"');
		if (e && e - p < 64)
			out = strndup(p + 1, (size_t)(e - p - 1));
	}
	xmlFree(t);
	return out;
}

typedef struct date_find { char *val; int rank; } date_find;

static void offer(date_find *f, char *val, int rank)
{
	if (val && (!f->val || rank < f->rank)) {
		free(f->val);
		f->val = val;
		f->rank = rank;
	} else {
		free(val);
	}
}

static void find_date(xmlNode *n, int depth, date_find *f)
{
	for (; n && depth < 512; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !n->name)
			continue;
		const char *name = (const char *)n->name;
		if (!strcasecmp(name, "meta")) {
			int k = meta_rank(n);
			if (k >= 0)
				offer(f, (char *)xmlGetProp(n, (const xmlChar *)"content"), k);
		} else if (!strcasecmp(name, "time")) {
			xmlChar *ip = xmlGetProp(n, (const xmlChar *)"itemprop");
			int pub = ip && !strcasecmp((const char *)ip, "datePublished");
			xmlFree(ip);
			/* a <time> named as the published date ranks as the meta;
			 * any other only after every meta */
			offer(f, (char *)xmlGetProp(n, (const xmlChar *)"datetime"), pub ? 2 : 100);
		} else if (!strcasecmp(name, "script")) {
			xmlChar *ty = xmlGetProp(n, (const xmlChar *)"type");
			if (ty && !strcasecmp((const char *)ty, "application/ld+json"))
				offer(f, jsonld_date(n), 2);
			xmlFree(ty);
			continue;
		}
		find_date(n->children, depth + 1, f);
	}
}

static int html_extract(curlew_reader *r, const char *html, size_t n, size_t *len)
{
	if (n > (size_t)0x7fffffff)
		return fail(r, CURLEW_EDATA, "%s: page too large", r->name);
	const char *why = html_over_bound(html, n);
	if (why)
		return fail(r, CURLEW_EDATA, "%s: %s, more markup than any page needs; page skipped",
			    r->name, why);
	htmlDocPtr doc = htmlReadMemory(html, (int)n, r->name, NULL,
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!doc)
		return fail(r, CURLEW_EDATA, "%s: cannot parse HTML", r->name);
	xmlNode *root = xmlDocGetRootElement(doc);
	sbuf b = { 0 }, t = { 0 };
	xmlNode *title = root ? find_first(root, "title", 0) : NULL;
	if (title)
		collect(&t, title->children, 0);
	date_find df = { NULL, 0 };
	if (root) {
		xmlNode *c = pick_content(root);
		collect(&b, c == root ? root : c->children, 0);
		find_date(root, 0, &df);
	}
	xmlFreeDoc(doc);
	free(r->date);
	r->date = df.val;
	if (b.oom || t.oom) {
		free(b.s);
		free(t.s);
		return fail(r, CURLEW_ESYS, "%s: out of memory", r->name);
	}
	free(r->text);
	r->text = b.s ? b.s : strdup("");
	r->title = t.s;
	*len = b.n;
	if (!r->text)
		return fail(r, CURLEW_ESYS, "%s: out of memory", r->name);
	return CURLEW_OK;
}

static int next_whole(curlew_reader *r, curlew_story *st)
{
	r->done = 1;
	size_t len = 0;
	int rc = slurp(r, &len);
	if (rc < 0)
		return rc;
	if ((rc = check_whole(r, r->text, len)) < 0)
		return rc;
	size_t off = skip_bom(r->text, len);
	const char *text = r->text + off;
	len -= off;
	if (r->fmt == CURLEW_FMT_HTML) {
		char *raw = r->text;
		r->text = NULL;
		rc = html_extract(r, text, len, &len);
		free(raw);
		if (rc < 0)
			return rc;
		text = r->text;
		if (all_space(text, len))
			return fail(r, CURLEW_EDATA, "%s: empty story (no article text)", r->name);
	}
	st->id = r->file_id;
	st->text = text;
	st->len = len;
	st->title = r->title;
	st->date = r->date;
	return CURLEW_OK;
}

int curlew_reader_next(curlew_reader *r, curlew_story *st)
{
	if (!r || !st)
		return CURLEW_EUSAGE;
	release_story(r);
	memset(st, 0, sizeof *st);
	st->origin = r->name;
	r->errmsg[0] = '\0';
	if (r->done)
		return CURLEW_EOF;
	return r->fmt == CURLEW_FMT_JSONL ? next_jsonl(r, st) : next_whole(r, st);
}
