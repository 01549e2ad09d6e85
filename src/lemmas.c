/* lemmas.c -- STUB: to be written. */
#include "internal.h"
int cw_lemmas_init(void) { return 0; }
const char *cw_lemma(const char *w, char pos) { (void)w; (void)pos; return NULL; }
int cw_lemmas(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
