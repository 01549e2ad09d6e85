/* fuzz_dateline.c -- the dateline recogniser over a story's opening, with
 * the gazetteer loaded so that place look-ups run too. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fz_utf8_ok(data, size))
		return 0;
	const curlew *cw = fz_curlew();
	curlew_doc *doc = fz_doc(cw, data, size);
	int rc = cw_dateline(cw, doc);
	FZ_ASSERT(rc == 0 || rc == CURLEW_EDATA || rc == CURLEW_ESYS);
	FZ_ASSERT(doc->body_start <= size);
	if (doc->dl_place) {
		FZ_ASSERT(doc->dl_place->start <= doc->dl_place->end);
		FZ_ASSERT(doc->dl_place->end <= size);
		FZ_ASSERT(doc->dl_place->text);
	}
	if (doc->dl_date.y)
		FZ_ASSERT(cw_date_valid(doc->dl_date));
	fz_doc_free(doc);
	return 0;
}
