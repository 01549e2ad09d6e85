/* events.c -- STUB: to be written. */
#include "internal.h"
int cw_events(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
