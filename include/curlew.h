/*
 * curlew.h -- the public interface of libcurlew, a political event coder.
 *
 * A story goes in (id, text, optional date); CAMEO-coded event records come
 * out.  Everything the curlew command line does is a call in this header.
 *
 * Conventions (borrowed from SQLite and libgit2):
 *  - functions return 0 (CURLEW_OK) or a negative CURLEW_E* code;
 *  - the last error message is kept on the handle (curlew_errmsg);
 *  - outputs come first as **out; every type has one NULL-safe free;
 *  - a curlew handle is read-only once opened and may be shared by threads;
 *    a curlew_doc belongs to one thread at a time.
 */
#ifndef CURLEW_H
#define CURLEW_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CURLEW_VERSION "0.1.0"

enum curlew_status {
	CURLEW_OK = 0,
	CURLEW_EUSAGE = -1,   /* bad argument or option */
	CURLEW_EDATA = -2,    /* bad input: the story is skipped, others go on */
	CURLEW_ESYS = -3,     /* out of memory, I/O error */
	CURLEW_EOF = -4       /* no more stories */
};

/* Exit statuses of the CLI, per the contract. */
enum curlew_exit {
	CURLEW_EXIT_OK = 0,
	CURLEW_EXIT_USAGE = 1,
	CURLEW_EXIT_SKIPPED = 2,
	CURLEW_EXIT_SYSTEM = 3
};

typedef struct curlew curlew;
typedef struct curlew_doc curlew_doc;
typedef struct curlew_reader curlew_reader;

typedef struct curlew_options {
	const char *data_dir;   /* directory with the dictionaries; NULL: default */
	int parse_timeout;      /* ignored: link-grammar was removed */
	int use_parser;         /* ignored, as parse_timeout */
	FILE *log;              /* where warnings go; NULL: nowhere */
	int petrarch;           /* code as PETRARCH does (for imported PETRARCH
				 * dictionaries): an announced act ("will
				 * restore ties") is coded as the act, not as
				 * an intention or threat */
	double min_confidence;  /* 0..1: events whose confidence (the chance
				 * their category is right, in hundredths) is
				 * lower are dropped; 0 keeps all.  Outside
				 * 0..1, curlew_open fails with CURLEW_EUSAGE */
} curlew_options;
#define CURLEW_OPTIONS_INIT { NULL, 1, 1, NULL, 0, 0.0 }

/* One input story.  All strings are borrowed for the duration of the call. */
typedef struct curlew_story {
	const char *id;
	const char *text;
	size_t len;
	const char *date;       /* "YYYY-MM-DD" or NULL */
	const char *title, *source, *url;   /* optional, may be NULL */
	long line;              /* input line or 0, for messages */
	const char *origin;     /* file name, for messages */
} curlew_story;

enum curlew_format { CURLEW_FMT_AUTO, CURLEW_FMT_TXT, CURLEW_FMT_JSONL, CURLEW_FMT_HTML };
/* PLACES: one JSON line per place mention (the README lists the fields). */
enum curlew_out { CURLEW_OUT_JSONL, CURLEW_OUT_TSV, CURLEW_OUT_PLOVER, CURLEW_OUT_PLACES };

/* Loads the dictionaries.  On failure *out is still set (unless out of
 * memory) so curlew_errmsg can say why; curlew_close it either way. */
int curlew_open(curlew **out, const curlew_options *opts);
void curlew_close(curlew *cw);
const char *curlew_errmsg(const curlew *cw);

/* Codes one story.  default_date ("YYYY-MM-DD" or NULL) is used when neither
 * the story nor its dateline has a date.  *out is set even on CURLEW_EDATA
 * so that curlew_doc_errmsg can explain; free it with curlew_doc_free. */
int curlew_code(curlew *cw, const curlew_story *story, const char *default_date,
		curlew_doc **out);
void curlew_doc_free(curlew_doc *doc);
const char *curlew_doc_errmsg(const curlew_doc *doc);
size_t curlew_doc_nevents(const curlew_doc *doc);
size_t curlew_doc_nsentences(const curlew_doc *doc);
const char *curlew_doc_id(const curlew_doc *doc);
/* Warnings raised while coding (no date, parser time-outs...), or NULL. */
const char *curlew_doc_warnings(const curlew_doc *doc);

/* Writes the doc's events in the given format.  The TSV header is written
 * by curlew_write_header, once per output.  A doc's records are written
 * whole or not at all: f is flushed, then the block goes to its file
 * descriptor with write(2) (short writes continued); if that fails half-way
 * (disk full) and f is a regular file, the file is cut back to where the
 * block began.  CURLEW_ESYS with errno set on failure (EPIPE: the reader
 * has gone). */
int curlew_write(FILE *f, const curlew_doc *doc, enum curlew_out fmt);
/* Writes records rendered earlier by curlew_write into a memory stream
 * (buf: n bytes of whole docs), whole or not at all as curlew_write does:
 * for callers that render on worker threads and write in order. */
int curlew_write_rendered(FILE *f, const char *buf, size_t n);
int curlew_write_header(FILE *f, enum curlew_out fmt);

/* Story readers.  name is used in messages ("-" for stdin).  Each call to
 * curlew_reader_next yields a story (valid until the next call),
 * CURLEW_EDATA for a bad one (message in curlew_reader_errmsg; call again
 * for the next), or CURLEW_EOF. */
int curlew_reader_open(curlew_reader **out, FILE *f, const char *name,
		       enum curlew_format fmt);
int curlew_reader_next(curlew_reader *r, curlew_story *story);
const char *curlew_reader_errmsg(const curlew_reader *r);
void curlew_reader_free(curlew_reader *r);
enum curlew_format curlew_format_from_name(const char *path_or_name);

/* PETRARCH2 dictionaries.  Lists are NULL-terminated arrays of paths; a
 * NULL list is looked for in the PETRARCH directory by file name (*verbs*
 * or CAMEO*, *actors*, *agents*, *discard*; operational sets are preferred
 * to *Validate* ones). */
typedef struct curlew_petrarch_files {
	const char *const *verbs, *const *actors, *const *agents, *const *discards;
} curlew_petrarch_files;
/* Writes a complete data directory into out_dir: the dictionaries
 * converted to curlew's formats (plus discards.txt), and the other tables
 * copied from data_dir (NULL: the default).  merge keeps curlew's own
 * actors, agents and verbs first.  What was converted and skipped is
 * summarised on log (may be NULL); errors go to err. */
int curlew_petrarch_import(const char *petrarch_dir, const curlew_petrarch_files *files,
			   const char *data_dir, const char *out_dir, int merge, FILE *log,
			   char *err, size_t errlen);
/* Runs PETRARCH unit-test records (<Sentence>, <EventCoding>, <Text>) with
 * the dictionaries named in the file's <Environment>, imported alone into
 * a temporary data dir; prints each failing record and a last line
 * "N passed, M failed" on out.  opts->data_dir gives curlew's own tables. */
int curlew_petrarch_validate(const char *xml_path, const curlew_options *opts, FILE *out,
			     int *passed, int *failed);

/* Scores curlew against a gold file (one story a line: id, date, text,
 * events: [{source, target, cameo}]) and prints event-category precision,
 * recall and F1 and the share of gold events coded wholly right.  flags:
 * CURLEW_EVAL_SHOW also shows every story not coded wholly right, gold
 * beside coded; CURLEW_EVAL_CURVE adds precision, recall and F1 at
 * confidence thresholds 0, 0.1 ... 0.9 and the calibration (mean
 * confidence against the share right, by tenths); CURLEW_EVAL_FEATURES
 * prints instead a TSV of every coded event's confidence features and
 * whether its category was right (tools/fit-confidence.py reads it). */
enum { CURLEW_EVAL_SHOW = 1, CURLEW_EVAL_CURVE = 2, CURLEW_EVAL_FEATURES = 4 };
int curlew_eval(curlew *cw, FILE *gold, const char *name, int flags, FILE *out);

/* Prints how a sentence is coded: tokens, actors, parse, patterns, events.
 * A sentence that cannot be coded (CURLEW_EDATA) prints nothing; the
 * reason is then curlew_errmsg(cw), so explain is for one thread at a time. */
int curlew_explain(curlew *cw, const char *sentence, const char *date, FILE *out);


/* ------------------------------------------------------------ event store
 * A database of stories, sentences, events and actors (schema in the
 * README): "FILE.sqlite" (or any path) for SQLite, "postgresql://..." or
 * "postgres://..." for PostgreSQL.  Writes go in transactions of many
 * stories: curlew_store_begin, curlew_store_put per doc, curlew_store_commit.
 * Putting a story again replaces its sentences and events.  A store handle
 * belongs to one thread.  cw may be NULL for a store only queried. */
typedef struct curlew_store curlew_store;

int curlew_store_open(curlew_store **out, const char *url, const curlew *cw);
void curlew_store_close(curlew_store *st);
const char *curlew_store_errmsg(const curlew_store *st);
int curlew_store_begin(curlew_store *st);
int curlew_store_put(curlew_store *st, const curlew_doc *doc);
int curlew_store_commit(curlew_store *st);
/* Drops the transaction in flight. */
int curlew_store_rollback(curlew_store *st);
/* 1 if the story is stored with the same content hash and dictionary
 * version (what --resume skips), 0 if not, < 0 on error. */
int curlew_store_has(curlew_store *st, const curlew_story *story, const char *default_date);

/* The content hash of a story as stored: its text, its own date and the
 * default date (all of which decide its events); 16 hex digits + NUL. */
void curlew_story_hash(const curlew_story *story, const char *default_date, char out[17]);
/* The dictionary version: a hash of every data file's contents and of the
 * options that change coding; 16 hex digits + NUL. */
int curlew_dict_version(const curlew *cw, char out[17]);

/* Aggregates over a store, written as CSV or TSV with a header. */
typedef struct curlew_query {
	const char *what;       /* "counts", "goldstein", "search", "summary" */
	const char *by;         /* "day", "week", "month", "year" or "all" */
	const char *cls;        /* "root", "quad", "cameo" or "none" */
	int dyad;               /* group by source and target country */
	int one_a_day;          /* same date, source, target and code once */
	int tsv;                /* 0: CSV */
	const char *from, *to;  /* YYYY-MM-DD bounds on event dates, or NULL */
	const char *match;      /* search: FTS query */
	long limit;             /* search: rows, 0 = 20 */
} curlew_query;
#define CURLEW_QUERY_INIT { "counts", "day", "root", 1, 0, 0, NULL, NULL, NULL, 0 }
int curlew_store_query(curlew_store *st, const curlew_query *q, FILE *out);


/* ---------------------------------------------------------- curlew serve
 * An event explorer in the browser: a page (from web_dir) and a JSON API
 * under /api/ over a store opened read-only (README, "Explorer").  Runs
 * until *stop becomes nonzero (set it from a signal handler), answering
 * one request at a time.  Bound to 127.0.0.1 unless listen names another
 * address, which is then warned about on log.  The options struct is
 * versioned as libgit2's are: set version to CURLEW_SERVE_OPTIONS_VERSION
 * (CURLEW_SERVE_OPTIONS_INIT does), and fields added later keep their
 * defaults for callers built against this one. */
#define CURLEW_SERVE_OPTIONS_VERSION 1
typedef struct curlew_serve_options {
	unsigned int version;
	const char *db;             /* store URL, as for curlew_store_open */
	const char *listen;         /* IPv4 or IPv6 address; NULL: 127.0.0.1 */
	int port;                   /* 0: any free port (the URL is logged) */
	const char *web_dir;        /* the page's files; NULL: $CURLEW_WEB, else built-in */
	int rate;                   /* requests per second, bursts of twice that; 0: 50 */
	int timeout_ms;             /* a request's time in the store; 0: 10000 */
	FILE *log;                  /* where it says where it listens; NULL: nowhere */
	volatile sig_atomic_t *stop;    /* NULL: runs until it fails */
} curlew_serve_options;
#define CURLEW_SERVE_OPTIONS_INIT { CURLEW_SERVE_OPTIONS_VERSION, NULL, NULL, 8080, NULL, 0, 0, NULL, NULL }
/* 0 once stopped; CURLEW_EUSAGE (bad options, no such store or web
 * directory) or CURLEW_ESYS (cannot listen) with the reason in err. */
int curlew_serve(const curlew_serve_options *opts, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
