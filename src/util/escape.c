/*
 * escape.c -- writing strings into the formats curlew writes: whole
 * UTF-8 sequences checked, JSON string escaping.  Shared by the coder's
 * writer and explain, and by the web explorer's API, which otherwise
 * needs nothing of the coder.
 */
#include <stdint.h>
#include <stdio.h>
#include "util.h"

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0.
 * Story text is checked on the way in, but ids come from file names and
 * rules from data files, so the writers check again rather than trust. */
size_t cw_utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t cp = len == 1 ? c : (c & (0x7fu >> len));
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	static const uint32_t min_cp[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* The inside of a JSON string, without the quotes.  A byte that is not
 * part of well-formed UTF-8 becomes U+FFFD, so the line stays valid JSON. */
static void json_body(FILE *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;   /* bytes that need no escaping, written in one go */
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
			size_t len = c < 0x80 ? 1 : cw_utf8_seq(u + i, n - i);
			if (len) {
				i += len;
				continue;
			}
		}
		fwrite(s + run, 1, i - run, f);
		run = i + 1;
		switch (c) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (c >= 0x80) {
				fputs("\\ufffd", f);
			} else {
				fputs("\\u00", f);
				putc(hex[c >> 4], f);
				putc(hex[c & 15], f);
			}
		}
		i++;
	}
	fwrite(s + run, 1, n - run, f);
}

void cw_json_str(FILE *f, const char *s, size_t n)
{
	putc('"', f);
	json_body(f, s, n);
	putc('"', f);
}
