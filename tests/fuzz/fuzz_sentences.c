/* fuzz_sentences.c -- dateline, sentence splitter and tokenizer: every
 * sentence and token span must lie inside the text, in order. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fz_utf8_ok(data, size))
		return 0;
	const curlew *cw = fz_curlew();
	curlew_doc *doc = fz_doc(cw, data, size);
	if (cw_dateline(cw, doc) < 0 || cw_sentences(cw, doc) < 0)
		goto done;
	uint32_t prev_end = 0;
	for (int i = 0; i < doc->nsents; i++) {
		cw_sentence *s = &doc->sents[i];
		FZ_ASSERT(s->start <= s->end && s->end <= size);
		FZ_ASSERT(s->start >= prev_end);
		prev_end = s->end;
		if (cw_tokens(cw, doc, s) < 0)
			break;
		uint32_t at = s->start;
		for (int k = 0; k < s->ntoks; k++) {
			const cw_token *t = &s->toks[k];
			FZ_ASSERT(t->start >= at && t->start <= t->end && t->end <= s->end);
			FZ_ASSERT(t->text && t->lower);
			at = t->start;
		}
	}
done:
	fz_doc_free(doc);
	return 0;
}
