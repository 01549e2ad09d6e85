/*
 * main.c -- the curlew command: option parsing and I/O wiring over
 * libcurlew.  Everything it does is a library call.
 *
 *   curlew code [OPTIONS] [FILE...]     stories in, event records out
 *   curlew explain [--date D] SENTENCE  how one sentence is coded
 *   curlew query --db URL WHAT          aggregates over an event store
 *   curlew serve --db URL               the event explorer in a browser
 */
#include <errno.h>
#include <stdint.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "curlew.h"

/* The overview (curlew --help), then each command's own help (curlew CMD
 * --help).  A usage error prints one line and where to find the help. */
static const char usage_text[] =
	"usage: curlew code [OPTIONS] [FILE...]    code stories (stdin when no FILE or -)\n"
	"       curlew explain [OPTIONS] SENTENCE  how one sentence is coded\n"
	"       curlew eval [--show] [--curve | --features] GOLD.jsonl\n"
	"                   score against gold events\n"
	"       curlew query --db URL [OPTIONS] counts|goldstein|summary|events|search WORDS\n"
	"       curlew dict import --petrarch DIR --out OUTDIR [OPTIONS]\n"
	"                   convert PETRARCH dictionaries into a curlew data dir\n"
	"       curlew validate --petrarch FILE.xml [--data DIR]\n"
	"                   run PETRARCH unit-test records\n"
	"       curlew serve --db URL [OPTIONS]     the event explorer in a browser\n"
	"       curlew --version                    the version (also: curlew version)\n"
	"       curlew COMMAND --help               a command's options (also -h)\n"
	"\n"
	"The manual is man curlew(1); the README has the record fields and formats.\n";

static const char help_code[] =
	"usage: curlew code [OPTIONS] [FILE...]    code stories (stdin when no FILE or -)\n"
	"\n"
	"  --input FMT      txt, jsonl or html (default: by file extension; stdin: jsonl,\n"
	"                   or txt when it does not start with '{')\n"
	"  --format FMT     jsonl (default), tsv, plover (PLOVER/POLECAT JSON), gdelt or\n"
	"                   icews (those event tables' columns), or places (place mentions)\n"
	"  --date DATE      story date when neither the record nor a dateline gives one\n"
	"  --threads N      code N stories at a time (output stays in input order)\n"
	"  --data DIR       dictionary directory (default: the installed one or $CURLEW_DATA)\n"
	"  --petrarch-mode  code as PETRARCH does, for imported PETRARCH dictionaries\n"
	"                   (announced acts coded as the acts, looser pattern gaps)\n"
	"  --min-confidence X  drop events whose confidence is below X (0 to 1)\n"
	"  --progress       report progress on stderr even when it is not a terminal\n"
	"  --quiet          no warnings on stderr (errors are still reported)\n"
	"  --db URL         store stories, sentences, events and actors in a database\n"
	"                   (FILE.sqlite, or postgresql://...) instead of writing events\n"
	"  --resume         with --db: skip stories stored with the same text and dictionaries\n"
	"  --batch N        with --db: stories per transaction (default and most 256)\n"
	"  --no-parse, --parse-timeout S   accepted and ignored: there is no parser\n"
	"\n"
	"JSONL input is one story a line: {\"id\", \"text\", \"date\"?, \"url\"?, \"title\"?,\n"
	"\"publisher\"? (or \"source\")}; url, title and publisher go into every record.\n"
	"Exit status: 0 all coded, 1 usage, 2 some stories skipped, 3 system error.\n";

static const char help_explain[] =
	"usage: curlew explain [OPTIONS] SENTENCE  how one sentence is coded: tokens,\n"
	"                   actors, chunks, the patterns that matched, why each made an\n"
	"                   event or none, and the events\n"
	"\n"
	"  --date DATE      story date (YYYY-MM-DD)\n"
	"  --data DIR       dictionary directory\n"
	"  --petrarch-mode  code as PETRARCH does\n"
	"  --               what follows is the sentence, even if it starts with '-'\n";

static const char help_eval[] =
	"usage: curlew eval [--show] [--curve | --features] [--data DIR] GOLD.jsonl\n"
	"                   precision, recall and F1 per event category against gold events\n"
	"\n"
	"  --show           also print every story not coded wholly right, gold beside coded\n"
	"  --curve          also precision, recall and F1 at confidence thresholds 0-0.9,\n"
	"                   and the calibration\n"
	"  --features       instead, a TSV of every coded event's confidence features\n"
	"  --data DIR       dictionary directory\n";

static const char help_query[] =
	"usage: curlew query --db URL [OPTIONS] counts|goldstein|summary|events|search WORDS\n"
	"                   aggregates over an event store, or its events (the columns\n"
	"                   of --format tsv), CSV with a header (README,\n"
	"                   \"Event store\"); a store that does not exist is an error\n"
	"\n"
	"  --by PERIOD      day (default), week, month, year or all\n"
	"  --class C        root (default), quad, cameo or none\n"
	"  --no-dyad        do not split by source and target country\n"
	"  --one-a-day      count the same date, source, target and code once\n"
	"  --from D, --to D event dates from and to (YYYY-MM-DD, inclusive)\n"
	"  --tsv            tab-separated instead of CSV\n"
	"  --limit N        search: rows to print (default 20); events: (default all)\n";

static const char help_dict[] =
	"usage: curlew dict import --petrarch DIR --out OUTDIR [OPTIONS]\n"
	"                   convert PETRARCH dictionaries into a curlew data directory\n"
	"\n"
	"  --verbs F, --actors F, --agents F, --discards F\n"
	"                   these files instead of what DIR offers (each may repeat)\n"
	"  --merge          keep curlew's own actors, agents and verbs first\n"
	"  --data DIR       curlew's own tables to copy (default: the installed ones)\n";

static const char help_validate[] =
	"usage: curlew validate --petrarch FILE.xml [--data DIR]\n"
	"                   run PETRARCH unit-test records; ends \"N passed, M failed\"\n";

static const char help_serve[] =
	"usage: curlew serve --db URL [OPTIONS]     the event explorer: a page and a JSON\n"
	"                   API at http://127.0.0.1:PORT/ over a store opened read-only\n"
	"\n"
	"  --port N         port (default 8080; 0: any free one, which is printed)\n"
	"  --listen ADDR    address to listen on (default 127.0.0.1; others are warned of)\n"
	"  --web DIR        the page's files (default: the installed ones or $CURLEW_WEB)\n"
	"  --rate N         requests per second it answers (default 50)\n";

/* The command being run, for the hint after a usage error. */
static const char *command = NULL;

/* -h or --help among a command's arguments (before a "--"). */
static int wants_help(int argc, char **argv, int first)
{
	for (int i = first; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	}
	return 0;
}

static int print_help(const char *text)
{
	fputs(text, stdout);
	return fflush(stdout) == 0 ? CURLEW_EXIT_OK : CURLEW_EXIT_SYSTEM;
}

typedef struct opts {
	enum curlew_format input;
	enum curlew_out format;
	const char *date;
	int threads;
	int progress, quiet;
	curlew_options lib;
	const char *db;         /* --db: events go to the store, not stdout */
	int resume;
	int batch;              /* stories per transaction */
} opts;

/* run_batch and code_stream: the reader of our output has gone (a pipe
 * into `head`), which ends the run quietly; SIGPIPE is ignored so that it
 * shows as EPIPE. */
#define OUTPUT_CLOSED (-1)

/* Output could not be written: said once, here.  A closed pipe is the
 * end of the output, not an error. */
static int output_failed(void)
{
	if (errno == EPIPE)
		return OUTPUT_CLOSED;
	fprintf(stderr, "curlew: writing output: %s\n", strerror(errno));
	return CURLEW_EXIT_SYSTEM;
}

/* YYYY-MM-DD naming a day of the calendar: 2023-02-29 and 2023-13-45
 * are usage errors, not dates the coder would quietly ignore. */
static int valid_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	if (s[10])
		return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] + (m == 2 && leap);
}

/* A whole positive number, as --limit takes. */
static int positive_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1)
		return 0;
	*out = v;
	return 1;
}

/* A number from 0 to 1, as --min-confidence takes ("0.5", ".5", "1"). */
static int unit_interval(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= 0 && v <= 1))
		return 0;
	*out = v;
	return 1;
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "curlew: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fprintf(stderr, "Try 'curlew %s%s--help'.\n", command ? command : "", command ? " " : "");
	return CURLEW_EXIT_USAGE;
}

/* A batch of stories coded in parallel, then written in input order; the
 * batch size bounds memory whatever the input's size. */
#define BATCH 256

typedef struct job {
	curlew_story story;
	char *id, *text, *date, *origin, *title, *source, *url;
	curlew_doc *doc;
	int rc;
	char *out;              /* the records rendered by the worker, or NULL */
	size_t outlen;
} job;

typedef struct batch {
	curlew *cw;
	const opts *o;
	job jobs[BATCH];
	int n;
	int next;               /* next job to take, under lock */
	pthread_mutex_t lock;
	curlew_store *store;    /* --db, or NULL */
	int render;             /* workers render the records too (several threads) */
	pthread_t helpers[64];  /* coding it beside the main thread */
	int nhelpers;
	/* What the reader said while reading this batch, held until the
	 * batch before it is written (see pipeline); NULL: said at once. */
	FILE *msgf;
	char *msgs;
	size_t msglen;
} batch;

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int job_fill(job *j, const curlew_story *st)
{
	memset(j, 0, sizeof *j);
	j->id = dup_or_null(st->id);
	j->date = dup_or_null(st->date);
	j->origin = dup_or_null(st->origin);
	j->title = dup_or_null(st->title);
	j->source = dup_or_null(st->source);
	j->url = dup_or_null(st->url);
	j->text = malloc(st->len + 1);
	if (!j->text || (st->id && !j->id) || (st->title && !j->title) ||
	    (st->source && !j->source) || (st->url && !j->url))
		return -1;
	memcpy(j->text, st->text, st->len);
	j->text[st->len] = '\0';
	j->story = *st;
	j->story.id = j->id;
	j->story.text = j->text;
	j->story.date = j->date;
	j->story.origin = j->origin;
	j->story.title = j->title;
	j->story.source = j->source;
	j->story.url = j->url;
	return 0;
}

static void job_clear(job *j)
{
	curlew_doc_free(j->doc);
	free(j->out);
	free(j->id);
	free(j->text);
	free(j->date);
	free(j->origin);
	free(j->title);
	free(j->source);
	free(j->url);
	memset(j, 0, sizeof *j);
}

static void render(job *j, enum curlew_out fmt);

static void *worker(void *arg)
{
	batch *b = arg;
	for (;;) {
		pthread_mutex_lock(&b->lock);
		int i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			return NULL;
		job *j = &b->jobs[i];
		j->rc = curlew_code(b->cw, &j->story, b->o->date, &j->doc);
		if (b->render && j->rc == CURLEW_OK)
			render(j, b->o->format);
	}
}

/* With several threads, rendering the records (6% of the work) is done
 * by the workers too, so that only copying them out waits for input
 * order; if it fails, the story is written the usual way, which reports
 * the failure. */
static void render(job *j, enum curlew_out fmt)
{
	FILE *m = open_memstream(&j->out, &j->outlen);
	int rc = m ? curlew_write(m, j->doc, fmt) : CURLEW_ESYS;
	if ((m && fclose(m) != 0) || rc < 0) {
		free(j->out);
		j->out = NULL;
	}
}

static int write_job(const job *j, enum curlew_out fmt)
{
	if (!j->out)
		return curlew_write(stdout, j->doc, fmt);
	return curlew_write_rendered(stdout, j->out, j->outlen);
}

/* Story ids seen in this run, for the rule on repeated ids (README,
 * "Repeated story ids"): the later record wins, and a run with --resume
 * must end as a plain run does.  Each slot keeps a 64-bit hash of the id
 * (two ids in a million share one with odds of 1 in 10^7), where the id
 * was first seen, and whether a record with it was coded in this run. */
typedef struct seen_slot {
	uint64_t h;              /* 0: empty */
	const char *origin;      /* the input's name, alive for the run */
	long line;
	int coded;
} seen_slot;

/* Ids tracked per run: 2^20 (a slot is 32 bytes, the table at most half
 * full: 64 MB at most).  Past that, repeats are not looked for and the
 * run says so once; bigger inputs are split anyway (parallel --pipe). */
#define SEEN_MAX (1L << 20)

typedef struct seen_set {
	seen_slot *slots;
	long cap, n;             /* cap a power of two */
	int full;                /* SEEN_MAX reached */
} seen_set;

typedef struct totals {
	long stories, skipped, sentences, events;
	seen_set seen;
	int status;
	struct timespec t0;
	long last_report;
	long resumed;           /* --resume: stories already stored */
	double store_secs;      /* time spent writing to the store */
	double bytes_total;     /* input size when known (regular files), else 0 */
	double bytes_done;
	double bytes_base;      /* size of the files already read */
	FILE *msg;              /* where the reader's messages go: stderr, or held */
} totals;

static double seconds_since(struct timespec t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
}

static void progress(totals *t, const opts *o, int final)
{
	if (!o->progress)
		return;
	double s = seconds_since(t->t0);
	if (!final && (long)s == t->last_report)
		return;
	t->last_report = (long)s;
	char extra[160] = "";
	size_t n = 0;
	if (t->resumed)
		n += (size_t)snprintf(extra + n, sizeof extra - n, ", %ld already stored", t->resumed);
	if (!final && t->bytes_total > 0 && t->bytes_done > 0 && s > 0) {
		double left = s * (t->bytes_total - t->bytes_done) / t->bytes_done;
		if (left < 0)
			left = 0;
		snprintf(extra + n, sizeof extra - n, ", %.0f%%, ETA %ldm%02lds   ",
			 100.0 * t->bytes_done / t->bytes_total, (long)left / 60, (long)left % 60);
	}
	if (final && t->store_secs > 0)
		snprintf(extra + n, sizeof extra - n, ", store %.2fs = %.0f events/s",
			 t->store_secs, (double)t->events / t->store_secs);
	fprintf(stderr, "\rcurlew: %ld stories, %ld sentences, %ld events, %.0f sentences/s,"
		" %.1f stories/s%s%s",
		t->stories, t->sentences, t->events, s > 0 ? (double)t->sentences / s : 0.0,
		s > 0 ? (double)t->stories / s : 0.0, extra, final ? "\n" : "");
}

/* With --db, a batch is one transaction: a crash loses at most it. */
static int store_batch(batch *b, totals *t)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = curlew_store_begin(b->store);
	for (int i = 0; rc == 0 && i < b->n; i++)
		if (b->jobs[i].rc == CURLEW_OK)
			rc = curlew_store_put(b->store, b->jobs[i].doc);
	rc = rc == 0 ? curlew_store_commit(b->store) : (curlew_store_rollback(b->store), rc);
	t->store_secs += seconds_since(t0);
	if (rc < 0) {
		fprintf(stderr, "curlew: database: %s\n", curlew_store_errmsg(b->store));
		return CURLEW_EXIT_SYSTEM;
	}
	return 0;
}

static void report_story(const job *j, const opts *o, totals *t)
{
	const char *origin = j->story.origin ? j->story.origin : "-";
	if (j->rc == CURLEW_EDATA || j->rc == CURLEW_ESYS) {
		if (j->story.line > 0)
			fprintf(stderr, "curlew: %s:%ld (id \"%s\"): %s; story skipped\n", origin,
				j->story.line, j->id ? j->id : "", curlew_doc_errmsg(j->doc));
		else
			fprintf(stderr, "curlew: %s (id \"%s\"): %s; story skipped\n", origin,
				j->id ? j->id : "", curlew_doc_errmsg(j->doc));
		t->skipped++;
		if (t->status == CURLEW_EXIT_OK)
			t->status = CURLEW_EXIT_SKIPPED;
		if (j->rc == CURLEW_ESYS)
			t->status = CURLEW_EXIT_SYSTEM;
		return;
	}
	const char *w = curlew_doc_warnings(j->doc);
	if (w && !o->quiet)
		fprintf(stderr, "curlew: %s: %s\n", origin, w);
}

/* Starts coding batch b on nhelpers threads beside the caller's, which
 * joins them in finish_batch; a helper that cannot start leaves its share
 * to the others. */
static void start_batch(batch *b, int nhelpers)
{
	b->next = 0;
	b->nhelpers = 0;
	for (; b->nhelpers < nhelpers && b->nhelpers < 64; b->nhelpers++)
		if (pthread_create(&b->helpers[b->nhelpers], NULL, worker, b) != 0)
			break;
}

static void finish_batch(batch *b)
{
	worker(b);
	for (int i = 0; i < b->nhelpers; i++)
		pthread_join(b->helpers[i], NULL);
	b->nhelpers = 0;
}

static void clear_batch(batch *b)
{
	for (int i = 0; i < b->n; i++)
		job_clear(&b->jobs[i]);
	b->n = 0;
}

/* A coded batch's reports and records, in input order. */
static int write_batch(batch *b, const opts *o, totals *t)
{
	for (int i = 0; i < b->n; i++) {
		job *j = &b->jobs[i];
		report_story(j, o, t);
		if (j->rc == CURLEW_OK) {
			if (!b->store && write_job(j, o->format) < 0)
				return output_failed();
			t->stories++;
			t->sentences += (long)curlew_doc_nsentences(j->doc);
			t->events += (long)curlew_doc_nevents(j->doc);
		}
		job_clear(j);
	}
	b->n = 0;
	progress(t, o, 0);
	return 0;
}

static int run_batch(batch *b, const opts *o, totals *t)
{
	int nthreads = o->threads < b->n ? o->threads : b->n;
	b->render = nthreads > 1 && !b->store;
	start_batch(b, nthreads - 1);
	finish_batch(b);
	if (b->store && store_batch(b, t) != 0)
		return CURLEW_EXIT_SYSTEM;
	return write_batch(b, o, t);
}

/* Several threads and no store: while helpers code one batch, the main
 * thread reads the next and then codes beside them, and a batch is
 * written once the one after it is read and started: reading and
 * writing in turn were a sixteenth of the two-thread run on the bench
 * corpus (0.04 of 0.69 s), the helpers idle meanwhile.  What the
 * reader says about a batch (bad lines, repeated ids) is held in the
 * batch until the one before it is written, so stderr reads as it does
 * without the overlap.  With --db or one thread, run_batch does it all
 * in turn. */
typedef struct pipeline {
	batch *two;             /* two batches, taking turns */
	batch *fill;            /* being read */
	batch *busy;            /* read and being coded, or NULL */
	int overlap;
	int write_failed;       /* stop: nothing more may be written */
} pipeline;

/* The reader's messages while b fills: held in b, or said at once. */
static FILE *hold_msgs(batch *b)
{
	if (!b->msgf)
		b->msgf = open_memstream(&b->msgs, &b->msglen);
	return b->msgf ? b->msgf : stderr;
}

static void say_msgs(batch *b, int say)
{
	if (!b->msgf)
		return;
	fclose(b->msgf);
	if (say && b->msglen)
		fwrite(b->msgs, 1, b->msglen, stderr);
	free(b->msgs);
	b->msgf = NULL;
	b->msgs = NULL;
	b->msglen = 0;
}

/* p->fill is full: the batch before is finished and written, this one
 * started, and the other batch takes its turn at filling. */
static int pipe_step(pipeline *p, const opts *o, totals *t)
{
	if (!p->overlap)
		return run_batch(p->fill, o, t);
	batch *x = p->fill, *prev = p->busy;
	if (prev)
		finish_batch(prev);
	x->render = 1;
	start_batch(x, (o->threads < x->n ? o->threads : x->n) - 1);
	p->busy = x;
	p->fill = x == &p->two[0] ? &p->two[1] : &p->two[0];
	int rc = prev ? write_batch(prev, o, t) : 0;
	if (rc) {
		clear_batch(prev);
		p->write_failed = 1;
		return rc;
	}
	say_msgs(x, 1);
	t->msg = hold_msgs(p->fill);
	return 0;
}

/* The end of the input, or a failure (sysfail): what was read before a
 * read failure is written as run_batch would have written it; after a
 * write failure nothing more is. */
static int pipe_end(pipeline *p, const opts *o, totals *t, int sysfail)
{
	batch *prev = p->busy;
	p->busy = NULL;
	t->msg = stderr;
	if (prev) {
		finish_batch(prev);
		int rc = p->write_failed ? 0 : write_batch(prev, o, t);
		if (rc) {
			sysfail = rc;
			p->write_failed = 1;
		}
		clear_batch(prev);
		say_msgs(prev, 0);
	}
	say_msgs(p->fill, !p->write_failed);
	if (!sysfail && p->fill->n)
		sysfail = run_batch(p->fill, o, t);
	return sysfail;
}

static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;          /* FNV-1a, 64 bits */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ? h : 1;                              /* 0 marks an empty slot */
}

/* The slot of id, new (zeroed but for h) if the id was not seen; NULL when
 * the set is full or out of memory. */
static seen_slot *seen_find(seen_set *s, const char *id, int *fresh)
{
	if (s->n * 2 >= s->cap) {
		if (s->n >= SEEN_MAX)
			return NULL;
		long cap = s->cap ? s->cap * 2 : 1024;
		seen_slot *ns = calloc((size_t)cap, sizeof *ns);
		if (!ns)
			return NULL;
		for (long i = 0; i < s->cap; i++) {
			if (!s->slots[i].h)
				continue;
			long k = (long)(s->slots[i].h & (uint64_t)(cap - 1));
			while (ns[k].h)
				k = (k + 1) & (cap - 1);
			ns[k] = s->slots[i];
		}
		free(s->slots);
		s->slots = ns;
		s->cap = cap;
	}
	uint64_t h = id_hash(id);
	long k = (long)(h & (uint64_t)(s->cap - 1));
	while (s->slots[k].h && s->slots[k].h != h)
		k = (k + 1) & (s->cap - 1);
	*fresh = !s->slots[k].h;
	if (*fresh) {
		memset(&s->slots[k], 0, sizeof s->slots[k]);
		s->slots[k].h = h;
		s->n++;
	}
	return &s->slots[k];
}

/* Notes a story's id.  A repeated one is warned about; with --resume it
 * must be coded when an earlier record with the id was coded in this run,
 * or that earlier record, not the later, would be what the store keeps
 * (and each rerun would flip between them).  Returns the slot (NULL when
 * untracked); *code_anyway says the resume check must not skip it. */
static seen_slot *note_id(totals *t, const opts *o, const curlew_story *st, const char *name,
			  int *code_anyway)
{
	*code_anyway = 0;
	if (!st->id)
		return NULL;
	int fresh;
	seen_slot *sl = seen_find(&t->seen, st->id, &fresh);
	if (!sl) {
		if (!t->seen.full && !o->quiet)
			fprintf(t->msg, "curlew: %s: repeated story ids are no longer looked for in "
				"this run\n", t->seen.n >= SEEN_MAX ? "over 1,048,576 stories" : "out of memory");
		t->seen.full = 1;
		return NULL;
	}
	if (fresh) {
		sl->origin = name;
		sl->line = st->line;
		return sl;
	}
	*code_anyway = sl->coded;
	if (!o->quiet) {
		char here[64] = "", there[64] = "";
		if (st->line > 0)
			snprintf(here, sizeof here, ":%ld", st->line);
		if (sl->line > 0)
			snprintf(there, sizeof there, ":%ld", sl->line);
		fprintf(t->msg, "curlew: %s%s: story id \"%s\" repeats the one at %s%s; the later "
			"record wins\n", strcmp(name, "-") ? name : "stdin", here, st->id,
			strcmp(sl->origin, "-") ? sl->origin : "stdin", there);
	}
	return sl;
}

static void note_bad_input(totals *t, const char *msg)
{
	fprintf(t->msg, "curlew: %s\n", msg);
	t->skipped++;
	if (t->status == CURLEW_EXIT_OK)
		t->status = CURLEW_EXIT_SKIPPED;
}

/* Standard input without --input: JSON lines when it starts with '{' (or
 * is empty), else one text story, as `cat story.txt | curlew code` means;
 * said on stderr, since a JSONL file with a stray first line lands here. */
static enum curlew_format sniff_stdin(FILE *f, const opts *o, FILE *msg)
{
	int c = getc(f);
	if (c == EOF)
		return CURLEW_FMT_JSONL;
	ungetc(c, f);
	if (c == '{')
		return CURLEW_FMT_JSONL;
	if (!o->quiet)
		fprintf(msg, "curlew: stdin does not start with '{': coded as one text story "
			"(--input txt); say --input jsonl for JSON lines\n");
	return CURLEW_FMT_TXT;
}

static int code_stream(pipeline *p, FILE *f, const char *name, const opts *o, totals *t)
{
	enum curlew_format fmt = o->input;
	if (fmt == CURLEW_FMT_AUTO)
		fmt = strcmp(name, "-") == 0 ? sniff_stdin(f, o, t->msg) : curlew_format_from_name(name);
	curlew_reader *r;
	if (curlew_reader_open(&r, f, name, fmt) < 0) {
		curlew_reader_free(r);
		fprintf(t->msg, "curlew: %s: cannot read\n", name);
		return CURLEW_EXIT_SYSTEM;
	}
	int rc;
	curlew_story st;
	while ((rc = curlew_reader_next(r, &st)) != CURLEW_EOF) {
		batch *b = p->fill;
		if (rc == CURLEW_EDATA) {
			note_bad_input(t, curlew_reader_errmsg(r));
			continue;
		}
		if (rc < 0) {
			/* A read error ends this input only: the stories read
			 * before it and the other inputs are still coded. */
			fprintf(t->msg, "curlew: %s; the rest of it skipped\n", curlew_reader_errmsg(r));
			t->status = CURLEW_EXIT_SYSTEM;
			break;
		}
		int code_anyway;
		seen_slot *sl = note_id(t, o, &st, name, &code_anyway);
		if (o->resume && b->store && !code_anyway) {
			int has = curlew_store_has(b->store, &st, o->date);
			if (has < 0) {
				fprintf(stderr, "curlew: database: %s\n", curlew_store_errmsg(b->store));
				curlew_reader_free(r);
				return CURLEW_EXIT_SYSTEM;
			}
			if (has) {
				t->resumed++;
				continue;
			}
		}
		if (t->bytes_total > 0) {
			off_t pos = ftello(f);
			if (pos > 0)
				t->bytes_done = t->bytes_base + (double)pos;
		}
		if (job_fill(&b->jobs[b->n], &st) < 0) {
			fprintf(t->msg, "curlew: out of memory\n");
			curlew_reader_free(r);
			return CURLEW_EXIT_SYSTEM;
		}
		if (sl)
			sl->coded = 1;
		if (++b->n == (o->batch > 0 ? o->batch : BATCH) && (rc = pipe_step(p, o, t)) != 0) {
			curlew_reader_free(r);
			return rc;
		}
	}
	curlew_reader_free(r);
	return 0;
}

static int parse_code_opts(int argc, char **argv, opts *o, int *first_file)
{
	int i = 2;
	for (; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || strcmp(a, "-") == 0)
			break;
		if (strcmp(a, "--progress") == 0) {
			o->progress = 1;
			continue;
		}
		if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
			continue;
		}
		if (strcmp(a, "--resume") == 0) {
			o->resume = 1;
			continue;
		}
		if (strcmp(a, "--no-parse") == 0) {
			o->lib.use_parser = 0;
			continue;
		}
		if (strcmp(a, "--petrarch-mode") == 0) {
			o->lib.petrarch = 1;
			continue;
		}
		if (!v)
			return usage_error("option needs a value", a);
		i++;
		if (strcmp(a, "--input") == 0) {
			if (strcmp(v, "txt") == 0)
				o->input = CURLEW_FMT_TXT;
			else if (strcmp(v, "jsonl") == 0)
				o->input = CURLEW_FMT_JSONL;
			else if (strcmp(v, "html") == 0)
				o->input = CURLEW_FMT_HTML;
			else
				return usage_error("unknown input format", v);
		} else if (strcmp(a, "--format") == 0) {
			int fmt = curlew_out_from_name(v);
			if (fmt < 0)
				return usage_error("unknown output format (jsonl, tsv, plover, gdelt, "
						   "icews, places)", v);
			o->format = (enum curlew_out)fmt;
		} else if (strcmp(a, "--date") == 0) {
			if (!valid_date(v))
				return usage_error("--date wants a day as YYYY-MM-DD", v);
			o->date = v;
		} else if (strcmp(a, "--threads") == 0) {
			o->threads = atoi(v);
			if (o->threads < 1 || o->threads > 64)
				return usage_error("--threads wants 1 to 64", v);
		} else if (strcmp(a, "--data") == 0) {
			o->lib.data_dir = v;
		} else if (strcmp(a, "--db") == 0) {
			o->db = v;
		} else if (strcmp(a, "--batch") == 0) {
			o->batch = atoi(v);
			if (o->batch < 1 || o->batch > BATCH)
				return usage_error("--batch wants 1 to 256", v);
		} else if (strcmp(a, "--min-confidence") == 0) {
			if (!unit_interval(v, &o->lib.min_confidence))
				return usage_error("--min-confidence wants a number from 0 to 1", v);
		} else if (strcmp(a, "--parse-timeout") == 0) {
			o->lib.parse_timeout = atoi(v);
			if (o->lib.parse_timeout < 1)
				return usage_error("--parse-timeout wants whole seconds >= 1", v);
		} else {
			return usage_error("unknown option", a);
		}
	}
	*first_file = i;
	return 0;
}

/* The input's size when every input is a regular file (stdin included,
 * when redirected from one), for the ETA; 0 when unknown. */
static double input_size(int argc, char **argv, int first)
{
	double total = 0;
	struct stat sb;
	if (first >= argc)
		return fstat(0, &sb) == 0 && S_ISREG(sb.st_mode) ? (double)sb.st_size : 0;
	for (int i = first; i < argc; i++) {
		int ok = strcmp(argv[i], "-") == 0 ? fstat(0, &sb) == 0 : stat(argv[i], &sb) == 0;
		if (!ok || !S_ISREG(sb.st_mode))
			return 0;
		total += (double)sb.st_size;
	}
	return total;
}

static int cmd_query(int argc, char **argv)
{
	curlew_query q = CURLEW_QUERY_INIT;
	const char *db = NULL;
	int have_what = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--no-dyad") == 0)
			q.dyad = 0;
		else if (strcmp(a, "--one-a-day") == 0)
			q.one_a_day = 1;
		else if (strcmp(a, "--tsv") == 0)
			q.tsv = 1;
		else if (strcmp(a, "--csv") == 0)
			q.tsv = 0;
		else if (a[0] == '-' && a[1] == '-' && !v)
			return usage_error("option needs a value", a);
		else if (strcmp(a, "--db") == 0)
			db = argv[++i];
		else if (strcmp(a, "--by") == 0 || strcmp(a, "--class") == 0) {
			if (curlew_query_set(&q, a + 2, v) < 0)
				return usage_error(curlew_last_error(), NULL);
			i++;
		}
		else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
			if (!valid_date(v))
				return usage_error(a[2] == 'f' ? "--from wants a day as YYYY-MM-DD"
							       : "--to wants a day as YYYY-MM-DD", v);
			*(a[2] == 'f' ? &q.from : &q.to) = argv[++i];
		} else if (strcmp(a, "--limit") == 0) {
			if (!positive_long(v, &q.limit))
				return usage_error("--limit wants a whole number of rows, 1 or more", v);
			i++;
		}
		else if (a[0] == '-' && a[1] == '-')
			return usage_error("unknown option", a);
		else if (!have_what) {
			if (curlew_query_set(&q, "what", a) < 0)
				return usage_error("unknown query (counts, goldstein, summary, search, "
						   "events)", a);
			have_what = 1;
		} else if (!q.match)
			q.match = a;
		else
			return usage_error("too many arguments (quote the search words)", a);
	}
	if (!db)
		return usage_error("query needs --db URL", NULL);
	curlew_store *st;
	int rc = curlew_store_open(&st, db, NULL);
	if (rc < 0) {
		fprintf(stderr, "curlew: %s: %s\n", db, curlew_store_errmsg(st));
		curlew_store_close(st);
		return rc == CURLEW_EUSAGE ? CURLEW_EXIT_USAGE : CURLEW_EXIT_SYSTEM;
	}
	rc = curlew_store_query(st, &q, stdout);
	if (rc < 0 && errno == EPIPE && ferror(stdout)) {
		curlew_store_close(st);     /* the reader has gone: see output_failed */
		return CURLEW_EXIT_OK;
	}
	if (rc < 0)
		fprintf(stderr, "curlew: query: %s\n", curlew_store_errmsg(st));
	curlew_store_close(st);
	if (rc == CURLEW_EUSAGE)
		return CURLEW_EXIT_USAGE;
	return rc < 0 ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_OK;
}

static volatile sig_atomic_t serve_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	serve_stop = 1;
}

/* A whole number from lo to hi, or -1. */
static long number_arg(const char *v, long lo, long hi)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	return errno || end == v || *end || n < lo || n > hi ? -1 : n;
}

static int cmd_serve(int argc, char **argv)
{
	curlew_serve_options so = CURLEW_SERVE_OPTIONS_INIT;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			return usage_error("option needs a value", a);
		i++;
		if (strcmp(a, "--db") == 0) {
			so.db = v;
		} else if (strcmp(a, "--listen") == 0) {
			so.listen = v;
		} else if (strcmp(a, "--web") == 0) {
			so.web_dir = v;
		} else if (strcmp(a, "--port") == 0) {
			if ((so.port = (int)number_arg(v, 0, 65535)) < 0)
				return usage_error("--port wants 0 to 65535", v);
		} else if (strcmp(a, "--rate") == 0) {
			if ((so.rate = (int)number_arg(v, 1, 100000)) < 0)
				return usage_error("--rate wants 1 to 100000 requests a second", v);
		} else {
			return usage_error("unknown option", a);
		}
	}
	if (!so.db)
		return usage_error("serve needs --db URL", NULL);
	/* No SA_RESTART: the signal also cuts the server's wait short. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);   /* a browser that goes away is no error */
	so.log = stderr;
	so.stop = &serve_stop;
	int rc = curlew_serve(&so);
	if (rc < 0)
		fprintf(stderr, "curlew: serve: %s\n", curlew_last_error());
	return rc == 0 ? CURLEW_EXIT_OK : rc == CURLEW_EUSAGE ? CURLEW_EXIT_USAGE : CURLEW_EXIT_SYSTEM;
}

static int cmd_code(int argc, char **argv)
{
	opts o = { CURLEW_FMT_AUTO, CURLEW_OUT_JSONL, NULL, 1, 0, 0, CURLEW_OPTIONS_INIT, NULL, 0, 0 };
	o.progress = isatty(2);
	int first = argc, rc = parse_code_opts(argc, argv, &o, &first);
	if (rc)
		return rc;
	curlew *cw;
	if ((rc = curlew_open(&cw, &o.lib)) < 0) {
		fprintf(stderr, "curlew: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return rc == CURLEW_ESYS ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_USAGE;
	}
	batch *b = calloc(2, sizeof *b);
	if (!b) {
		curlew_close(cw);
		return CURLEW_EXIT_SYSTEM;
	}
	b[0].cw = b[1].cw = cw;
	b[0].o = b[1].o = &o;
	if (o.resume && !o.db) {
		fprintf(stderr, "curlew: --resume needs --db\n");
		free(b);
		curlew_close(cw);
		return CURLEW_EXIT_USAGE;
	}
	int src = o.db ? curlew_store_open(&b->store, o.db, cw) : 0;
	if (src < 0) {
		fprintf(stderr, "curlew: %s: %s\n", o.db, curlew_store_errmsg(b->store));
		curlew_store_close(b->store);
		free(b);
		curlew_close(cw);
		/* A usage error: no database given, or a curlew built without
		 * the store; anything else is the system's. */
		return src == CURLEW_EUSAGE ? CURLEW_EXIT_USAGE : CURLEW_EXIT_SYSTEM;
	}
	b[1].store = b->store;
	pthread_mutex_init(&b[0].lock, NULL);
	pthread_mutex_init(&b[1].lock, NULL);
	pipeline p = { b, b, NULL, o.threads > 1 && !b->store, 0 };
	totals t = { 0 };
	t.msg = p.overlap ? hold_msgs(p.fill) : stderr;
	t.bytes_total = input_size(argc, argv, first);
	clock_gettime(CLOCK_MONOTONIC, &t.t0);
	t.last_report = -1;
	int sysfail = 0;
	if (!b->store && curlew_write_header(stdout, o.format) < 0)
		sysfail = output_failed();
	if (first >= argc && !sysfail)
		sysfail = code_stream(&p, stdin, "-", &o, &t);
	for (int i = first; i < argc && !sysfail; i++) {
		if (strcmp(argv[i], "-") == 0) {
			sysfail = code_stream(&p, stdin, "-", &o, &t);
			continue;
		}
		FILE *f = fopen(argv[i], "rb");
		struct stat sb;
		/* A directory opens, and fails only at the first read: a shell
		 * glob that picks one up must not end the run. */
		if (f && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
			fclose(f);
			f = NULL;
			errno = EISDIR;
		}
		if (!f) {
			char msg[600];
			snprintf(msg, sizeof msg, "%s: %s; skipped", argv[i], strerror(errno));
			note_bad_input(&t, msg);
			continue;
		}
		sysfail = code_stream(&p, f, argv[i], &o, &t);
		if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode))
			t.bytes_base += (double)sb.st_size;
		fclose(f);
	}
	sysfail = pipe_end(&p, &o, &t, sysfail);
	clear_batch(&b[0]);
	clear_batch(&b[1]);
	progress(&t, &o, 1);
	pthread_mutex_destroy(&b[0].lock);
	pthread_mutex_destroy(&b[1].lock);
	free(t.seen.slots);
	curlew_store_close(b->store);
	free(b);
	curlew_close(cw);
	if (sysfail == OUTPUT_CLOSED)
		return t.status;
	if (!sysfail && (fflush(stdout) != 0 || ferror(stdout)))
		sysfail = output_failed();
	return sysfail == OUTPUT_CLOSED ? t.status : sysfail ? CURLEW_EXIT_SYSTEM : t.status;
}

static int cmd_explain(int argc, char **argv)
{
	const char *date = NULL, *sentence = NULL;
	curlew_options lo = CURLEW_OPTIONS_INIT;
	int dashes = 0;
	for (int i = 2; i < argc; i++) {
		if (dashes || (argv[i][0] != '-' && !sentence) || strcmp(argv[i], "-") == 0) {
			if (sentence)
				return usage_error("explain takes one sentence (quote it)", argv[i]);
			sentence = argv[i];
		} else if (strcmp(argv[i], "--") == 0) {
			dashes = 1;
		} else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			date = argv[++i];
			if (!valid_date(date))
				return usage_error("--date wants a day as YYYY-MM-DD", date);
		} else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			lo.data_dir = argv[++i];
		else if (strcmp(argv[i], "--no-parse") == 0)
			lo.use_parser = 0;
		else if (strcmp(argv[i], "--petrarch-mode") == 0)
			lo.petrarch = 1;
		else if (argv[i][0] == '-')
			return usage_error("unknown option (a sentence that starts with '-' goes after --)",
					   argv[i]);
		else
			return usage_error("explain takes one sentence (quote it)", argv[i]);
	}
	if (!sentence)
		return usage_error("explain needs a sentence", NULL);
	curlew *cw;
	if (curlew_open(&cw, &lo) < 0) {
		fprintf(stderr, "curlew: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		return CURLEW_EXIT_USAGE;
	}
	int rc = curlew_explain(cw, sentence, date, stdout);
	int write_errno = errno;
	if (rc < 0 && !(rc == CURLEW_ESYS && ferror(stdout)))
		fprintf(stderr, "curlew: explain: %s\n", curlew_errmsg(cw));
	curlew_close(cw);
	if (rc == CURLEW_EDATA)
		return CURLEW_EXIT_SKIPPED;
	if (rc < 0 && ferror(stdout)) {
		errno = write_errno;
		return output_failed() == OUTPUT_CLOSED ? CURLEW_EXIT_OK : CURLEW_EXIT_SYSTEM;
	}
	return rc < 0 ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_OK;
}

static int cmd_eval(int argc, char **argv)
{
	curlew_options lo = CURLEW_OPTIONS_INIT;
	const char *path = NULL;
	int flags = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			lo.data_dir = argv[++i];
		else if (strcmp(argv[i], "--no-parse") == 0)
			lo.use_parser = 0;
		else if (strcmp(argv[i], "--show") == 0)
			flags |= CURLEW_EVAL_SHOW;
		else if (strcmp(argv[i], "--curve") == 0)
			flags |= CURLEW_EVAL_CURVE;
		else if (strcmp(argv[i], "--features") == 0)
			flags |= CURLEW_EVAL_FEATURES;
		else if (!path)
			path = argv[i];
		else
			return usage_error("eval takes one gold file", argv[i]);
	}
	if (!path)
		return usage_error("eval needs a gold file", NULL);
	if ((flags & CURLEW_EVAL_FEATURES) && (flags & (CURLEW_EVAL_SHOW | CURLEW_EVAL_CURVE)))
		return usage_error("--features writes a table of its own: not with --show or --curve",
				   NULL);
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!f) {
		fprintf(stderr, "curlew: %s: %s\n", path, strerror(errno));
		return CURLEW_EXIT_USAGE;
	}
	curlew *cw;
	int rc = curlew_open(&cw, &lo);
	if (rc < 0) {
		fprintf(stderr, "curlew: %s\n", curlew_errmsg(cw));
		curlew_close(cw);
		if (f != stdin)
			fclose(f);
		return CURLEW_EXIT_USAGE;
	}
	rc = curlew_eval(cw, f, path, flags, stdout);
	curlew_close(cw);
	if (f != stdin)
		fclose(f);
	return rc == CURLEW_EDATA ? CURLEW_EXIT_SKIPPED : rc < 0 ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_OK;
}

/* "curlew dict import --petrarch DIR ...": each --verbs/--actors/--agents/
 * --discards may be given several times and replaces what DIR offers. */
#define MAX_DICT_FILES 16
static int cmd_dict(int argc, char **argv)
{
	if (argc < 3 || strcmp(argv[2], "import") != 0)
		return usage_error("dict wants: import --petrarch DIR --out OUTDIR", argc > 2 ? argv[2] : NULL);
	static const char *const kinds[] = { "--verbs", "--actors", "--agents", "--discards" };
	const char *lists[4][MAX_DICT_FILES + 1] = { { 0 } };
	int counts[4] = { 0 }, given[4] = { 0 }, merge = 0;
	const char *dir = NULL, *out = NULL, *data = NULL;
	for (int i = 3; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--merge") == 0) {
			merge = 1;
			continue;
		}
		if (i + 1 >= argc)
			return usage_error("option needs a value", a);
		int k = -1;
		for (int j = 0; j < 4; j++)
			if (strcmp(a, kinds[j]) == 0)
				k = j;
		if (k >= 0) {
			if (counts[k] == MAX_DICT_FILES)
				return usage_error("too many files for", a);
			lists[k][counts[k]++] = argv[++i];
			given[k] = 1;
		} else if (strcmp(a, "--petrarch") == 0) {
			dir = argv[++i];
		} else if (strcmp(a, "--out") == 0) {
			out = argv[++i];
		} else if (strcmp(a, "--data") == 0) {
			data = argv[++i];
		} else {
			return usage_error("unknown option", a);
		}
	}
	if (!out || (!dir && !given[0] && !given[1] && !given[2] && !given[3]))
		return usage_error("dict import needs --petrarch DIR (or dictionary files) and --out OUTDIR", NULL);
	curlew_petrarch_files files = {
		given[0] ? lists[0] : NULL, given[1] ? lists[1] : NULL,
		given[2] ? lists[2] : NULL, given[3] ? lists[3] : NULL
	};
	int rc = curlew_petrarch_import(dir, &files, data, out, merge, stderr);
	if (rc < 0) {
		fprintf(stderr, "curlew: %s\n", curlew_last_error());
		return rc == CURLEW_ESYS ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_USAGE;
	}
	fprintf(stderr, "curlew: wrote %s (use it with --data %s)\n", out, out);
	return CURLEW_EXIT_OK;
}

static int cmd_validate(int argc, char **argv)
{
	curlew_options lo = CURLEW_OPTIONS_INIT;
	const char *xml = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--petrarch") == 0 && i + 1 < argc)
			xml = argv[++i];
		else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			lo.data_dir = argv[++i];
		else if (strcmp(argv[i], "--no-parse") == 0)
			lo.use_parser = 0;
		else
			return usage_error("unknown option", argv[i]);
	}
	if (!xml)
		return usage_error("validate needs --petrarch FILE.xml", NULL);
	int passed = 0, failed = 0;
	int rc = curlew_petrarch_validate(xml, &lo, stdout, &passed, &failed);
	if (rc < 0) {
		fprintf(stderr, "curlew: %s\n", curlew_last_error());
		return rc == CURLEW_ESYS ? CURLEW_EXIT_SYSTEM : CURLEW_EXIT_USAGE;
	}
	return CURLEW_EXIT_OK;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);   /* a closed output pipe is EPIPE: see output_failed */
	if (argc < 2)
		return usage_error("no command", NULL);
	const char *cmd = argv[1];
	static const struct {
		const char *name;
		int (*run)(int, char **);
		const char *help;
	} cmds[] = {
		{ "code", cmd_code, help_code }, { "explain", cmd_explain, help_explain },
		{ "eval", cmd_eval, help_eval }, { "query", cmd_query, help_query },
		{ "dict", cmd_dict, help_dict }, { "serve", cmd_serve, help_serve },
		{ "validate", cmd_validate, help_validate },
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (strcmp(cmd, cmds[i].name) != 0)
			continue;
		command = cmds[i].name;
		if (wants_help(argc, argv, 2))
			return print_help(cmds[i].help);
		return cmds[i].run(argc, argv);
	}
	if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		/* the library's version: the one that codes */
		printf("curlew %s\n", curlew_version());
		return 0;
	}
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	return usage_error("unknown command", cmd);
}
