/* test_writer.c -- output integrity as a property: random strings full of
 * quotes, backslashes, tabs, newlines, control characters and malformed
 * UTF-8 go through the JSON and TSV escapers and through whole records,
 * and must come back, parsed, as the same text (malformed bytes as
 * U+FFFD, TSV control characters as spaces). */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "coder/coder.h"
#include "check.h"

void cw_tsv_str(FILE *f, const char *s, size_t n);   /* writer.c */

static unsigned long long rng = 0x9e3779b97f4a7c15ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Pieces that writers get wrong: each is appended whole. */
static const char *const pieces[] = {
	"a", "Z", " ", "\"", "\\", "\t", "\n", "\r", "\x01", "\x1f", "\x7f", "/", "'",
	"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xef\xbb\xbf",
	"\xff", "\xfe", "\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xe2\x82", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xc3", "\\u0000", "\\n", "%s", "}\n{",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static size_t random_string(char *buf, size_t cap, int allow_nul)
{
	size_t n = 0, want = rnd(24);
	for (size_t k = 0; k < want; k++) {
		const char *p = pieces[rnd(NPIECES)];
		size_t len = strlen(p);
		if (allow_nul && rnd(16) == 0)
			p = "\0", len = 1;
		if (n + len >= cap)
			break;
		memcpy(buf + n, p, len);
		n += len;
	}
	buf[n] = '\0';
	return n;
}

/* The reference: what a reader must get back.  Written apart from the
 * writer's own decoder, by code point ranges. */
static size_t expect(const char *s, size_t n, char *out, int tsv)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned c = u[i];
		size_t len = 0;
		if (c < 0x80)
			len = 1;
		else if (c >= 0xc2 && c <= 0xdf && i + 1 < n && (u[i + 1] & 0xc0) == 0x80)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef && i + 2 < n && (u[i + 1] & 0xc0) == 0x80 &&
			 (u[i + 2] & 0xc0) == 0x80) {
			unsigned cp = ((c & 15) << 12) | ((u[i + 1] & 63u) << 6) | (u[i + 2] & 63u);
			len = cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) ? 3 : 0;
		} else if (c >= 0xf0 && c <= 0xf4 && i + 3 < n && (u[i + 1] & 0xc0) == 0x80 &&
			   (u[i + 2] & 0xc0) == 0x80 && (u[i + 3] & 0xc0) == 0x80) {
			unsigned cp = ((c & 7) << 18) | ((u[i + 1] & 63u) << 12) |
				      ((u[i + 2] & 63u) << 6) | (u[i + 3] & 63u);
			len = cp >= 0x10000 && cp <= 0x10ffff ? 4 : 0;
		}
		if (len == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		} else if (tsv && len == 1 && (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' &&
			   c != '\r') {
			out[o++] = ' ';
			i++;
		} else {
			memcpy(out + o, s + i, len);
			o += len;
			i += len;
		}
	}
	out[o] = '\0';
	return o;
}

static char *capture_json(const char *s, size_t n, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	cw_json_str(f, s, n);
	fclose(f);
	return out;
}

static int json_round_trip(const char *s, size_t n)
{
	size_t len;
	char *out = capture_json(s, n, &len);
	json_error_t e;
	json_t *j = json_loadb(out, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
	char want[2048];
	size_t wn = expect(s, n, want, 0);
	int ok = j && json_is_string(j) && json_string_length(j) == wn &&
		 memcmp(json_string_value(j), want, wn) == 0 && !memchr(out, '\n', len);
	if (!ok)
		fprintf(stderr, "JSON round trip failed for %s (%s)\n", out, j ? "differs" : e.text);
	json_decref(j);
	free(out);
	return ok;
}

/* Undoes the TSV escapes; returns -1 on a character TSV can't hold. */
static long tsv_unescape(const char *s, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			return -1;
		if (s[i] != '\\') {
			out[o++] = s[i];
			continue;
		}
		if (++i == n)
			return -1;
		switch (s[i]) {
		case 't': out[o++] = '\t'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case '\\': out[o++] = '\\'; break;
		default: return -1;
		}
	}
	out[o] = '\0';
	return (long)o;
}

static int tsv_round_trip(const char *s, size_t n)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	cw_tsv_str(f, s, n);
	fclose(f);
	char got[4096], want[2048];
	long gn = tsv_unescape(out, len, got);
	size_t wn = expect(s, n, want, 1);
	int ok = gn == (long)wn && memcmp(got, want, wn) == 0;
	if (!ok)
		fprintf(stderr, "TSV round trip failed for [%s]\n", out);
	free(out);
	return ok;
}

/* A document with one event whose every string is random. */
typedef struct fake {
	curlew_doc doc;
	cw_sentence sent;
	cw_token toks[2];
	cw_mention ments[2];
	cw_trigger trig;
	cw_event ev;
	cw_place place;
	char text[512], id[256], mtext[2][256], rule[256], ptext[256];
} fake;

static void fake_fill(fake *k, const curlew *cw)
{
	memset(k, 0, sizeof *k);
	size_t n = random_string(k->text, 200, 0);
	if (n < 2) {
		strcpy(k->text, "ab");
		n = 2;
	}
	random_string(k->id, sizeof k->id, 0);
	if (!k->id[0])
		strcpy(k->id, "\"");
	random_string(k->mtext[0], sizeof k->mtext[0], 0);
	random_string(k->mtext[1], sizeof k->mtext[1], 0);
	random_string(k->rule, sizeof k->rule, 0);
	random_string(k->ptext, sizeof k->ptext, 0);
	k->doc.cw = cw;
	k->doc.id = k->id;
	k->doc.text = k->text;
	k->doc.len = n;
	k->doc.sents = &k->sent;
	k->doc.nsents = 1;
	k->sent.index = 1;
	k->sent.start = 0;
	k->sent.end = (uint32_t)n;
	k->toks[0] = (cw_token){ .start = 0, .end = 1, .text = "a", .lower = "a" };
	k->toks[1] = (cw_token){ .start = 1, .end = (uint32_t)n, .text = "b", .lower = "b" };
	k->sent.toks = k->toks;
	k->sent.ntoks = 2;
	for (int i = 0; i < 2; i++) {
		cw_mention *m = &k->ments[i];
		strcpy(m->code, i ? "IGOUNO" : "USAGOV");
		strcpy(m->country, i ? "" : "USA");
		strcpy(m->sectors[0], "GOV");
		m->nsectors = 1;
		m->text = k->mtext[i];
		m->also = -1;
	}
	k->sent.ments = k->ments;
	k->sent.nments = 2;
	k->trig = (cw_trigger){ .anchor = 1, .tok_start = 0, .tok_end = 2, .code = "042",
				.rule = k->rule, .target_tok = -1 };
	k->sent.trigs = &k->trig;
	k->sent.ntrigs = 1;
	k->place.text = k->ptext;
	k->place.has_coord = (int)rnd(2);
	k->ev = (cw_event){ .k = 1, .source = 0, .target = 1, .trigger = 0, .code = "042",
			    .date = { 2024, 2, 29 }, .place = rnd(2) ? &k->place : NULL };
	k->sent.events = &k->ev;
	k->sent.nevents = 1;
	k->doc.nevents = 1;
}

static char *write_doc(const curlew_doc *doc, enum curlew_out fmt, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	curlew_write_header(f, fmt);
	CHECK_INT(curlew_write(f, doc, fmt), 0);
	fclose(f);
	return out;
}

static int json_field_is(json_t *obj, const char *key, const char *raw)
{
	char want[2048];
	size_t wn = expect(raw, strlen(raw), want, 0);
	json_t *v = json_object_get(obj, key);
	return v && json_is_string(v) && json_string_length(v) == wn &&
	       memcmp(json_string_value(v), want, wn) == 0;
}

static void check_records(const fake *k)
{
	size_t len;
	char *out = write_doc(&k->doc, CURLEW_OUT_JSONL, &len);
	CHECK(len > 0 && out[len - 1] == '\n' && memchr(out, '\n', len) == out + len - 1);
	json_error_t e;
	json_t *j = json_loadb(out, len, 0, &e);
	CHECK(j && json_is_object(j));
	if (j) {
		CHECK(json_field_is(j, "story_id", k->id));
		CHECK(json_field_is(j, "sentence_text", k->text));
		CHECK(json_field_is(j, "rule", k->rule));
		CHECK(json_field_is(json_object_get(j, "source"), "text", k->mtext[0]));
		CHECK(json_field_is(json_object_get(j, "target"), "text", k->mtext[1]));
		if (k->ev.place)
			CHECK(json_field_is(json_object_get(j, "location"), "text", k->ptext));
	} else {
		fprintf(stderr, "bad JSONL record (%s): %s", e.text, out);
	}
	json_decref(j);
	free(out);

	out = write_doc(&k->doc, CURLEW_OUT_PLOVER, &len);
	j = json_loadb(out, len, 0, &e);
	CHECK(j && json_is_object(j) && json_field_is(j, "story_id", k->id) &&
	      json_field_is(j, "actor", k->mtext[0]));
	json_decref(j);
	free(out);

	/* TSV: two lines, same column count; story_id and sentence_text
	 * (columns 2 and 4) unescape to the reference. */
	out = write_doc(&k->doc, CURLEW_OUT_TSV, &len);
	char *nl = memchr(out, '\n', len);
	CHECK(nl && out[len - 1] == '\n' && memchr(nl + 1, '\n', len - (size_t)(nl + 1 - out)) == out + len - 1);
	if (nl) {
		int hcols = 1, rcols = 1;
		for (char *p = out; p < nl; p++)
			hcols += *p == '\t';
		char *row = nl + 1, *field[64];
		size_t flen[64];
		field[0] = row;
		for (char *p = row; p < out + len - 1; p++)
			if (*p == '\t' && rcols < 64) {
				flen[rcols - 1] = (size_t)(p - field[rcols - 1]);
				field[rcols++] = p + 1;
			}
		flen[rcols - 1] = (size_t)(out + len - 1 - field[rcols - 1]);
		CHECK_INT(rcols, hcols);
		char got[4096], want[2048];
		long gn = tsv_unescape(field[1], flen[1], got);
		size_t wn = expect(k->id, strlen(k->id), want, 1);
		CHECK(gn == (long)wn && memcmp(got, want, wn) == 0);
		gn = tsv_unescape(field[3], flen[3], got);
		wn = expect(k->text, strlen(k->text), want, 1);
		CHECK(gn == (long)wn && memcmp(got, want, wn) == 0);
	}
	free(out);
}

int main(void)
{
	/* Fixed cases first, for readable failures. */
	CHECK(json_round_trip("a\"b\\c\td\ne\rf", 12));
	CHECK(json_round_trip("\x00\x01\x1f\x7f", 4));
	CHECK(json_round_trip("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14));
	CHECK(json_round_trip("\xff\xc0\xaf\xed\xa0\x80\xe2\x82", 9));
	CHECK(tsv_round_trip("a\tb\nc\rd\\e\x01", 11));
	CHECK(tsv_round_trip("\xff ok \xe2\x82\xac", 9));

	char buf[1024];
	int json_ok = 1, tsv_ok = 1;
	for (int i = 0; i < 20000; i++) {
		size_t n = random_string(buf, sizeof buf, 1);
		json_ok &= json_round_trip(buf, n);
		tsv_ok &= tsv_round_trip(buf, n);
	}
	CHECK(json_ok);
	CHECK(tsv_ok);

	struct curlew cw = { 0 };
	char err[400];
	CHECK_INT(cw_codes_load(&cw.codes, CURLEW_DATA_DIR, err, sizeof err), 0);
	static fake k;
	int before = check_fail;
	for (int i = 0; i < 2000 && check_fail == before; i++) {
		fake_fill(&k, &cw);
		/* the read API keeps the records' strings in the doc's arena */
		k.doc.arena = cw_arena_new();
		check_records(&k);
		cw_arena_free(k.doc.arena);
	}
	cw_codes_free(cw.codes);
	return check_done("test_writer");
}
