/* parse.c -- STUB: to be written. */
#include "internal.h"
struct cw_parser { int unused; };
#include <stdlib.h>
int cw_parser_load(cw_parser **out, const curlew *cw, char *e, size_t n) { (void)cw; (void)e; (void)n; *out = calloc(1, sizeof **out); return 0; }
void cw_parser_free(cw_parser *p) { free(p); }
int cw_parse(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; s->parsed = 0; return 0; }
void cw_parse_doc_free(curlew_doc *doc) { (void)doc; }
char *cw_parse_diagram(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return NULL; }
