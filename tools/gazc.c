/*
 * gazc.c -- compiles data/gen/gazetteer.tsv into the index curlew maps at
 * start-up (src/coder/gazetteer.c describes the layout).  Run by the Makefile:
 *
 *   build/gazc data/gen/gazetteer.tsv data/gen/gazetteer.idx
 *
 * It links libcurlew so that the keys are normalised and hashed by the very
 * code that looks them up.
 */
#include <stdio.h>
#include "coder/coder.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gazc GAZETTEER.tsv OUT.idx\n");
		return 1;
	}
	char err[512];
	if (cw_gaz_compile(argv[1], argv[2], err, sizeof err) < 0) {
		fprintf(stderr, "gazc: %s\n", err);
		return 1;
	}
	return 0;
}
