/* fuzz_reader.c -- the story readers (txt, jsonl, html) over a stream:
 * the first byte picks the format, the rest is the file. */
#include <stdio.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	static const enum curlew_format fmts[] = { CURLEW_FMT_TXT, CURLEW_FMT_JSONL, CURLEW_FMT_HTML };
	enum curlew_format fmt = fmts[data[0] % 3];
	/* A private copy: fmemopen's stream must not see past the input. */
	size_t n = size - 1;
	char *buf = malloc(n);
	FZ_ASSERT(buf);
	memcpy(buf, data + 1, n);
	FILE *f = fmemopen(buf, n, "rb");
	FZ_ASSERT(f);
	curlew_reader *r;
	int rc = curlew_reader_open(&r, f, "fuzz.in", fmt);
	if (rc == 0) {
		curlew_story st;
		/* Each story or bad record consumes at least a byte or a line
		 * end; more calls than that means the reader stopped advancing. */
		size_t guard = 0, limit = n + 2;
		while ((rc = curlew_reader_next(r, &st)) != CURLEW_EOF && guard++ <= limit) {
			FZ_ASSERT(rc == 0 || rc == CURLEW_EDATA || rc == CURLEW_ESYS);
			if (rc == CURLEW_ESYS)
				break;
			if (rc < 0) {
				FZ_ASSERT(curlew_reader_errmsg(r));
				continue;
			}
			/* Touch every byte the story claims, for ASan to check. */
			unsigned sum = 0;
			for (size_t i = 0; i < st.len; i++)
				sum += (unsigned char)st.text[i];
			if (st.id)
				sum += (unsigned)strlen(st.id);
			if (st.date)
				sum += (unsigned)strlen(st.date);
			(void)sum;
		}
		FZ_ASSERT(guard <= limit);
	}
	curlew_reader_free(r);
	fclose(f);
	free(buf);
	return 0;
}
