/*
 * actc.c -- writes data/gen/actors.bin, the actor dictionary as curlew
 * builds it from data/actors.txt, agents.txt, phoenix/ and the country and
 * place tables, so that start-up reads it instead of the text while the
 * text is unchanged (src/coder/actors.c, "image").  Run by the Makefile,
 * after it has removed the old image so that the text is what is read:
 *
 *   build/actc data data/gen/actors.bin
 *
 * It links libcurlew so that the dictionary is built by the very code that
 * builds it at start-up.
 */
#include <stdio.h>
#include "coder/coder.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: actc DATA_DIR OUT.bin\n");
		return 1;
	}
	curlew_options o = CURLEW_OPTIONS_INIT;
	o.data_dir = argv[1];
	curlew *cw;
	if (curlew_open(&cw, &o) < 0) {
		fprintf(stderr, "actc: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return 1;
	}
	char err[512];
	int rc = cw_actors_save(cw->actors, argv[1], argv[2], err, sizeof err);
	if (rc < 0)
		fprintf(stderr, "actc: %s\n", err);
	curlew_close(cw);
	return rc < 0;
}
