/*
 * paths.c -- where an installed curlew finds its data and the explorer's
 * page: beside itself, so that an installation can be moved (a DESTDIR
 * staging tree, a relocated prefix, a tarball unpacked anywhere).
 *
 * The object that holds this code -- libcurlew.so, or the curlew program
 * it is linked into -- sits in PREFIX/lib or PREFIX/bin; the data is then
 * in PREFIX/share/curlew and the page in PREFIX/share/curlew/web.  When no
 * such directory is there (a build run from the checkout), the directory
 * compiled in is used: the checkout's data/ and web/.
 */
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "paths.h"

#ifndef CURLEW_DATA_DIR
#define CURLEW_DATA_DIR "data"
#endif
#ifndef CURLEW_WEB_DIR
#define CURLEW_WEB_DIR "web"
#endif

static char data_dir[PATH_MAX + 32], web_dir[PATH_MAX + 32];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int is_file(const char *dir, const char *name)
{
	char p[PATH_MAX + 64];
	struct stat sb;
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

static void find_dirs(void)
{
	snprintf(data_dir, sizeof data_dir, "%s", CURLEW_DATA_DIR);
	snprintf(web_dir, sizeof web_dir, "%s", CURLEW_WEB_DIR);
	Dl_info info;
	char self[PATH_MAX];
	if (!dladdr((void *)find_dirs, &info) || !info.dli_fname ||
	    !realpath(info.dli_fname, self))
		return;
	char *slash = strrchr(self, '/');     /* PREFIX/bin/curlew -> PREFIX/bin */
	if (!slash)
		return;
	*slash = '\0';
	slash = strrchr(self, '/');           /* -> PREFIX */
	if (!slash)
		return;
	*slash = '\0';
	char share[PATH_MAX + 32];
	snprintf(share, sizeof share, "%s/share/curlew", self);
	/* the code table is the one file every data directory has */
	if (is_file(share, "cameo-codes.tsv"))
		snprintf(data_dir, sizeof data_dir, "%s", share);
	snprintf(share, sizeof share, "%s/share/curlew/web", self);
	if (is_file(share, "index.html"))
		snprintf(web_dir, sizeof web_dir, "%s", share);
}

const char *cw_default_data_dir(void)
{
	pthread_once(&once, find_dirs);
	return data_dir;
}

const char *cw_default_web_dir(void)
{
	pthread_once(&once, find_dirs);
	return web_dir;
}
