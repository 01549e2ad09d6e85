/*
 * fuzz.h -- what the fuzz targets share: one curlew handle opened on the
 * first input (dictionaries are read-only, so inputs can't disturb each
 * other through it), and the UTF-8 gate the pipeline applies before any
 * stage sees a story.  Each target defines LLVMFuzzerTestOneInput; the
 * same file is linked either with libFuzzer (`make fuzz`) or with
 * replay.c, which feeds it the seed corpus in `make check`.
 */
#ifndef CW_FUZZ_H
#define CW_FUZZ_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborting is how a target tells libFuzzer (and the replayer) that an
 * invariant broke; a plain crash would do too but says less. */
#define FZ_ASSERT(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c); \
	abort(); } } while (0)

/* The handle without the parser: link-grammar is slow and has its own
 * time limit; the fuzzers are after curlew's own code. */
static inline curlew *fz_curlew(void)
{
	static curlew *cw;
	if (!cw) {
		curlew_options o = CURLEW_OPTIONS_INIT;
		o.use_parser = 0;
		if (curlew_open(&cw, &o) < 0) {
			fprintf(stderr, "fuzz: %s\n", curlew_errmsg(cw));
			exit(2);
		}
	}
	return cw;
}

/* Mirrors curlew.c's check_text: stages may assume valid UTF-8 without
 * NUL bytes, so inputs that the pipeline would reject are not fed to them. */
static inline int fz_utf8_ok(const uint8_t *t, size_t n)
{
	static const uint32_t min_cp[] = { 0, 0, 0x80, 0x800, 0x10000 };
	for (size_t i = 0; i < n;) {
		unsigned c = t[i];
		int len = c == 0 ? 0 : c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
			: (c >> 3) == 30 ? 4 : 0;
		if (len == 0 || i + (size_t)len > n)
			return 0;
		uint32_t cp = len == 1 ? c : (c & (0x7fu >> len));
		for (int k = 1; k < len; k++) {
			if ((t[i + (size_t)k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (t[i + (size_t)k] & 0x3f);
		}
		if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/* A document as curlew_code makes one, before any stage ran. */
static inline curlew_doc *fz_doc(const curlew *cw, const uint8_t *data, size_t size)
{
	cw_arena *a = cw_arena_new();
	FZ_ASSERT(a);
	curlew_doc *doc = cw_alloc(a, sizeof *doc);
	FZ_ASSERT(doc);
	doc->arena = a;
	doc->cw = cw;
	doc->id = "fuzz";
	doc->text = cw_strndup(a, (const char *)data, size);
	FZ_ASSERT(doc->text);
	doc->len = size;
	cw_date_parse("2023-09-20", &doc->default_date);
	return doc;
}

static inline void fz_doc_free(curlew_doc *doc)
{
	cw_coref_free(doc);
	cw_arena_free(doc->arena);
}
#endif
