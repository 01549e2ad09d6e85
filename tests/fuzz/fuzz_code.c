/* fuzz_code.c -- the whole pipeline (without link-grammar) on one story,
 * then the JSONL and TSV writers: every output line must parse back as a
 * JSON object, and every TSV row must have the header's column count. */
#include <stdio.h>
#include <jansson.h>
#include "fuzz.h"

static void check_jsonl(const char *out, size_t n)
{
	const char *p = out, *end = out + n;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		FZ_ASSERT(nl);   /* every record ends its line */
		json_error_t e;
		json_t *j = json_loadb(p, (size_t)(nl - p), 0, &e);
		if (!j)
			fprintf(stderr, "bad JSON: %s: %.*s\n", e.text, (int)(nl - p), p);
		FZ_ASSERT(j && json_is_object(j));
		json_decref(j);
		p = nl + 1;
	}
}

static size_t columns(const char *p, const char *end)
{
	size_t c = 1;
	for (; p < end; p++)
		c += *p == '\t';
	return c;
}

static void check_tsv(const char *out, size_t n)
{
	const char *p = out, *end = out + n;
	const char *nl = memchr(p, '\n', n);
	FZ_ASSERT(nl);
	size_t want = columns(p, nl);
	for (p = nl + 1; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		FZ_ASSERT(nl);
		FZ_ASSERT(columns(p, nl) == want);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	curlew *cw = fz_curlew();
	curlew_story st = { 0 };
	st.id = "fuzz\"id\t";
	st.text = (const char *)data;
	st.len = size;
	curlew_doc *doc = NULL;
	int rc = curlew_code(cw, &st, "2023-09-20", &doc);
	FZ_ASSERT(rc == 0 || rc == CURLEW_EDATA || rc == CURLEW_ESYS);
	if (rc == 0) {
		for (int fmt = CURLEW_OUT_JSONL; fmt <= CURLEW_OUT_PLOVER; fmt++) {
			char *out = NULL;
			size_t n = 0;
			FILE *f = open_memstream(&out, &n);
			FZ_ASSERT(f);
			curlew_write_header(f, (enum curlew_out)fmt);
			FZ_ASSERT(curlew_write(f, doc, (enum curlew_out)fmt) == 0);
			fclose(f);
			if (fmt == CURLEW_OUT_TSV)
				check_tsv(out, n);
			else
				check_jsonl(out, n);
			free(out);
		}
	}
	curlew_doc_free(doc);
	return 0;
}
