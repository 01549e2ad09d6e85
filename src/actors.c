/* actors.c -- STUB: to be written. */
#include "internal.h"
struct cw_actor_dict { int unused; };
#include <stdlib.h>
int cw_actors_load(cw_actor_dict **out, const curlew *cw, char *e, size_t n) { (void)cw; (void)e; (void)n; *out = calloc(1, sizeof **out); return 0; }
void cw_actors_free(cw_actor_dict *d) { free(d); }
int cw_actors(const curlew *cw, curlew_doc *doc, cw_sentence *s) { (void)cw; (void)doc; (void)s; return 0; }
