/*
 * serve.c -- curlew serve: the HTTP side of the event explorer, on
 * libmicrohttpd.  It serves a fixed list of asset files from the web
 * directory (no path from a request ever reaches the file system) and
 * hands /api/ requests to serve_api.c.
 *
 * One thread answers everything, in turn, from MHD's event loop driven
 * here: the store handle belongs to one thread, a request's queries are
 * bounded in time by the store, and the loop looks at the caller's stop
 * flag between waits, so Ctrl-C and SIGTERM end it cleanly.  Bounded:
 * connections (and per client), the bytes of a request's head (URL and
 * headers: MHD answers 414 or 431 past them; no endpoint takes a body),
 * requests per second, rows and bytes per reply.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>
#include "util/util.h"
#include "util/paths.h"
#include "serve.h"

#ifndef CURLEW_WEB_DIR
#define CURLEW_WEB_DIR "web"
#endif

/* A page load asks for about a dozen things, a change of filter for five:
 * 50 a second is a person clicking fast, and stops a loop of scripts. */
#define DEFAULT_RATE 50
/* Connections at once, in all and from one address: a browser opens six
 * per host, a few tabs stay well inside. */
#define MAX_CONNECTIONS 64
#define MAX_PER_IP 32
/* The head of a request (request line and headers) must fit here: the
 * longest sensible URL is a few hundred bytes of filters. */
#define HEAD_BYTES (16 * 1024)
#define MAX_URL 2048
/* An idle connection is closed after this many seconds. */
#define IDLE_SECONDS 15
/* Asset files are small; anything larger is not one of ours. */
#define MAX_ASSET (16 << 20)
/* How long the loop sleeps before looking at the stop flag again. */
#define WAIT_MS 200

/* The files served, and nothing else. */
static const struct asset {
	const char *url, *file, *type;
} assets[] = {
	{ "/", "index.html", "text/html; charset=utf-8" },
	{ "/app.js", "app.js", "text/javascript; charset=utf-8" },
	{ "/app.css", "app.css", "text/css; charset=utf-8" },
	{ "/vendor/topojson-client.min.js", "vendor/topojson-client.min.js",
	  "text/javascript; charset=utf-8" },
	{ "/vendor/countries-110m.json", "vendor/countries-110m.json", "application/json" },
	{ "/vendor/country-codes.json", "vendor/country-codes.json", "application/json" },
};
#define NASSETS (sizeof assets / sizeof assets[0])

typedef struct server {
	cw_api *api;
	const char *web_dir;
	FILE *log;
	int loopback;           /* Host headers are checked (DNS rebinding) */
	char host[64];          /* the address as a Host header names it */
	double tokens, rate;    /* the request rate's token bucket */
	struct timespec last;
} server;

static void say(const server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const server *s, const char *fmt, ...)
{
	if (!s->log)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("curlew: serve: ", s->log);
	vfprintf(s->log, fmt, ap);
	putc('\n', s->log);
	va_end(ap);
	fflush(s->log);
}

static int rate_ok(server *s)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double dt = (double)(now.tv_sec - s->last.tv_sec) + (double)(now.tv_nsec - s->last.tv_nsec) / 1e9;
	s->last = now;
	s->tokens += dt * s->rate;
	if (s->tokens > 2 * s->rate)
		s->tokens = 2 * s->rate;
	if (s->tokens < 1)
		return 0;
	s->tokens -= 1;
	return 1;
}

/* A page elsewhere that has its name resolve to 127.0.0.1 (DNS rebinding)
 * sends its own host name: a server only this machine may reach answers
 * only to the names of this machine. */
static int host_ok(const server *s, const char *host)
{
	if (!s->loopback || !host)
		return 1;
	static const char *const names[] = { "localhost", "127.0.0.1", "[::1]", NULL };
	size_t n = host[0] == '[' ? strcspn(host, "]") + 1 : strcspn(host, ":");
	for (int i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncasecmp(host, names[i], n) == 0)
			return 1;
	return strlen(s->host) == n && strncasecmp(host, s->host, n) == 0;
}

static void add_headers(struct MHD_Response *r, const char *type)
{
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	/* The page runs its own files only, talks to this server only. */
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self';"
				" frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
}

static enum MHD_Result send_buf(struct MHD_Connection *c, int status, const char *type,
				char *body, size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	add_headers(r, type);
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
	char *body;
	/* The same {"error": ...} as the API's, for every failure; msg is
	 * one of this file's own, with nothing to escape. */
	if (asprintf(&body, "{\"error\":\"%s\"}\n", msg) < 0)
		return MHD_NO;
	return send_buf(c, status, "application/json", body, strlen(body));
}

static enum MHD_Result send_asset(server *s, struct MHD_Connection *c, const struct asset *a)
{
	char path[4096];
	if (snprintf(path, sizeof path, "%s/%s", s->web_dir, a->file) >= (int)sizeof path)
		return send_error(c, 500, "web directory path too long");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size > MAX_ASSET) {
		say(s, "%s: %s", path, fd < 0 ? strerror(errno) : "not a file of the page");
		if (fd >= 0)
			close(fd);
		return send_error(c, 404, "not found");
	}
	struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	add_headers(r, a->type);
	enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

/* Collects the query parameters; a value with a NUL byte in it (%00)
 * cannot be a parameter of ours and makes the request bad. */
static enum MHD_Result collect_arg(void *ctx, enum MHD_ValueKind kind, const char *key,
				   size_t key_size, const char *value, size_t value_size)
{
	cw_args *a = ctx;
	if (a->n == CW_MAX_PARAMS || strlen(key) != key_size ||
	    (value && strlen(value) != value_size)) {
		a->too_many = 1;
		return MHD_NO;
	}
	a->key[a->n] = key;
	a->val[a->n++] = value ? value : "";
	return MHD_YES;
}

static enum MHD_Result send_api(server *s, struct MHD_Connection *c, const char *url)
{
	cw_args args = { .n = 0 };
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect_arg, &args);
	cw_reply rep;
	if (cw_api_handle(s->api, url, &args, &rep) < 0)
		return send_error(c, 500, "out of memory");
	if (rep.status >= 500)
		say(s, "%s: %d %.*s", url, rep.status, (int)(rep.len < 300 ? rep.len : 300), rep.body);
	struct MHD_Response *r = MHD_create_response_from_buffer(rep.len, rep.body,
								 MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(rep.body);
		return MHD_NO;
	}
	add_headers(r, rep.type);
	if (rep.filename) {
		char disp[128];
		snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", rep.filename);
		MHD_add_response_header(r, "Content-Disposition", disp);
	}
	if (rep.truncated)
		MHD_add_response_header(r, "X-Curlew-Truncated", "true");
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)rep.status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, const char *upload_data,
			      size_t *upload_data_size, void **con_cls)
{
	server *s = cls;
	if (!rate_ok(s)) {
		struct MHD_Response *r;
		char *body = strdup("{\"error\":\"too many requests\"}\n");
		if (!body || !(r = MHD_create_response_from_buffer(strlen(body), body,
								   MHD_RESPMEM_MUST_FREE))) {
			free(body);
			return MHD_NO;
		}
		add_headers(r, "application/json");
		MHD_add_response_header(r, "Retry-After", "1");
		enum MHD_Result ok = MHD_queue_response(c, 429, r);
		MHD_destroy_response(r);
		return ok;
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_error(c, 405, "only GET and HEAD");
	if (!host_ok(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
		return send_error(c, 421, "this server answers to this machine's names only");
	if (strlen(url) > MAX_URL)
		return send_error(c, 414, "URL too long");
	if (strncmp(url, "/api/", 5) == 0)
		return send_api(s, c, url);
	for (size_t i = 0; i < NASSETS; i++)
		if (strcmp(url, assets[i].url) == 0)
			return send_asset(s, c, &assets[i]);
	return send_error(c, 404, "not found");
}

/* MHD's own unescaping, except that %00 becomes a control character
 * (0x01) rather than the end of the string: "/app.js%00.html" is then no
 * asset of ours and "q=a%00b" no text, instead of "/app.js" and "a". */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		unsigned hi, lo;
		if (r[0] == '%' && r[1] && r[2] && sscanf(r + 1, "%1x%1x", &hi, &lo) == 2) {
			unsigned v = hi * 16 + lo;
			*w++ = (char)(v ? v : 1);
			r += 2;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	const server *s = cls;
	if (!s->log)
		return;
	fputs("curlew: serve: ", s->log);
	vfprintf(s->log, fmt, ap);
	fflush(s->log);
}

/* ------------------------------------------------------------- options */

typedef struct addr {
	struct sockaddr_storage sa;
	int v6;
	int loopback;
	char text[INET6_ADDRSTRLEN];
} addr;

static int parse_addr(const char *listen, int port, addr *a)
{
	memset(a, 0, sizeof *a);
	struct sockaddr_in *in4 = (struct sockaddr_in *)&a->sa;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->sa;
	if (inet_pton(AF_INET, listen, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		a->loopback = (ntohl(in4->sin_addr.s_addr) >> 24) == 127;
	} else if (inet_pton(AF_INET6, listen, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		a->v6 = 1;
		a->loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	} else {
		return -1;
	}
	snprintf(a->text, sizeof a->text, "%s", listen);
	return 0;
}

static const char *web_dir(const curlew_serve_options *o)
{
	if (o->web_dir && *o->web_dir)
		return o->web_dir;
	const char *env = getenv("CURLEW_WEB");
	return env && *env ? env : cw_default_web_dir();
}

/* Every asset is there before anything is served: a page half there is
 * worse than an error at start. */
static int check_assets(const char *dir, char *err, size_t errlen)
{
	for (size_t i = 0; i < NASSETS; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, assets[i].file);
		if (access(path, R_OK) != 0) {
			snprintf(err, errlen, "%s: %s (the page's files: web/ in the source tree,"
				 " made by make; --web DIR or CURLEW_WEB to say where)", path,
				 strerror(errno));
			return CURLEW_EUSAGE;
		}
	}
	return 0;
}

static int check_options(const curlew_serve_options *o, addr *a, char *err, size_t errlen)
{
	if (!o || o->version != CURLEW_SERVE_OPTIONS_VERSION) {
		snprintf(err, errlen, "curlew_serve_options version %u is not %d",
			 o ? o->version : 0, CURLEW_SERVE_OPTIONS_VERSION);
		return CURLEW_EUSAGE;
	}
	if (!o->db || !*o->db) {
		snprintf(err, errlen, "serve needs a store (--db)");
		return CURLEW_EUSAGE;
	}
	if (o->port < 0 || o->port > 65535 || o->rate < 0 || o->timeout_ms < 0) {
		snprintf(err, errlen, "port wants 0 to 65535, rate and time limit 0 or more");
		return CURLEW_EUSAGE;
	}
	if (parse_addr(o->listen ? o->listen : "127.0.0.1", o->port, a) < 0) {
		snprintf(err, errlen, "--listen wants an IPv4 or IPv6 address, not %s", o->listen);
		return CURLEW_EUSAGE;
	}
	return check_assets(web_dir(o), err, errlen);
}

void cw_redact_url(const char *url, char *out, size_t n)
{
	const char *scheme = strstr(url, "://"), *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
	if (colon)
		snprintf(out, n, "%.*s:***%s", (int)(colon - url), url, at);
	else
		snprintf(out, n, "%s", url);
}

static int bound_port(struct MHD_Daemon *d, int asked)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	return info && info->port ? info->port : asked;
}

static void run(struct MHD_Daemon *d, volatile sig_atomic_t *stop)
{
	while (!stop || !*stop)
		MHD_run_wait(d, WAIT_MS);
}

static int serve(const curlew_serve_options *o, char *err, size_t errlen);

int curlew_serve(const curlew_serve_options *o)
{
	char err[8192] = "";    /* room for a path in the message */
	int rc = serve(o, err, sizeof err);
	return rc < 0 ? cw_fail_msg(rc, err) : rc;
}

static int serve(const curlew_serve_options *o, char *err, size_t errlen)
{
	addr a;
	int rc = check_options(o, &a, err, errlen);
	if (rc < 0)
		return rc;
	server s = { .web_dir = web_dir(o), .log = o->log, .loopback = a.loopback };
	s.rate = o->rate > 0 ? o->rate : DEFAULT_RATE;
	s.tokens = 2 * s.rate;
	clock_gettime(CLOCK_MONOTONIC, &s.last);
	snprintf(s.host, sizeof s.host, a.v6 ? "[%s]" : "%s", a.text);
	if ((rc = cw_api_open(&s.api, o->db, o->timeout_ms, err, errlen)) < 0)
		return rc;
	unsigned flags = MHD_USE_ERROR_LOG | (a.v6 ? MHD_USE_IPv6 : 0);
	struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, &s,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&a.sa,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_PER_IP,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEAD_BYTES,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
		MHD_OPTION_END);
	if (!d) {
		snprintf(err, errlen, "cannot listen on %s port %d: %s", a.text, o->port,
			 strerror(errno));
		cw_api_close(s.api);
		return CURLEW_ESYS;
	}
	if (!a.loopback)
		say(&s, "warning: listening on %s, not this machine's loopback: anyone who can reach"
		    " it can read the store", a.text);
	char shown[512];
	cw_redact_url(o->db, shown, sizeof shown);
	say(&s, "%s at http://%s:%d/ (Ctrl-C stops)", shown, s.host, bound_port(d, o->port));
	run(d, o->stop);
	MHD_stop_daemon(d);
	cw_api_close(s.api);
	say(&s, "stopped");
	return 0;
}
