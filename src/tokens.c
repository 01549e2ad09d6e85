/* tokens.c -- STUB: to be written. */
#include "internal.h"
int cw_tokens(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
