/*
 * curlew.h -- the public interface of libcurlew, a political event coder.
 *
 * A story goes in (id, text, optional date); CAMEO-coded event records come
 * out.  Everything the curlew command line does is a call in this header.
 *
 * Conventions (borrowed from SQLite and libgit2):
 *  - functions return 0 (CURLEW_OK) or a negative CURLEW_E* code;
 *  - the message of a failure is kept on the handle it concerns
 *    (curlew_errmsg, curlew_doc_errmsg, curlew_reader_errmsg,
 *    curlew_store_errmsg), and every failing call of this header also
 *    leaves it in curlew_last_error(), per thread: the one place to look for
 *    calls that have no handle (PETRARCH import and validation, serve);
 *  - option structs carry a version (CURLEW_*_VERSION), set by their
 *    CURLEW_*_INIT initialiser or curlew_*_init function, so that fields
 *    added later keep their defaults for programs built against this one;
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

/* The version this header belongs to; curlew_version() and
 * curlew_version_num() give the library's at run time, which may be newer
 * (a program built against 0.2 runs with any 0.x.y >= 0.2.0). */
#define CURLEW_VERSION "0.2.0"
#define CURLEW_VERSION_MAJOR 0
#define CURLEW_VERSION_MINOR 2
#define CURLEW_VERSION_PATCH 0
/* 0xMMmmpp, as LIBCURL_VERSION_NUM: compare with >= in #if. */
#define CURLEW_VERSION_NUM 0x000200

/* Every function of this header is exported from libcurlew.so; the
 * library is built with -fvisibility=hidden, so nothing else is. */
#if defined(__GNUC__) || defined(__clang__)
#define CURLEW_EXTERN __attribute__((visibility("default")))
#else
#define CURLEW_EXTERN
#endif

CURLEW_EXTERN const char *curlew_version(void);          /* "0.2.0" */
CURLEW_EXTERN unsigned long curlew_version_num(void);    /* CURLEW_VERSION_NUM */

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

/* The message of the last failing call on this thread ("" if none). */
CURLEW_EXTERN const char *curlew_last_error(void);

#define CURLEW_OPTIONS_VERSION 1
typedef struct curlew_options {
	unsigned int version;   /* CURLEW_OPTIONS_VERSION */
	const char *data_dir;   /* directory with the dictionaries; NULL: $CURLEW_DATA,
				 * else the installed share/curlew (or the checkout's data/) */
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
#define CURLEW_OPTIONS_INIT { CURLEW_OPTIONS_VERSION, NULL, 1, 1, NULL, 0, 0.0 }
/* Sets *opts to the defaults of that version; CURLEW_EUSAGE for a version
 * this library does not know. */
CURLEW_EXTERN int curlew_options_init(curlew_options *opts, unsigned int version);

/* One input story.  All strings are borrowed for the duration of the call. */
typedef struct curlew_story {
	const char *id;
	const char *text;
	size_t len;
	const char *date;       /* "YYYY-MM-DD" or NULL */
	const char *title, *source, *url;   /* optional, may be NULL: provenance,
					     * carried into every record (source is
					     * the publisher: "publisher" in JSONL
					     * input is taken too) */
	long line;              /* input line or 0, for messages */
	const char *origin;     /* file name, for messages */
} curlew_story;

enum curlew_format { CURLEW_FMT_AUTO, CURLEW_FMT_TXT, CURLEW_FMT_JSONL, CURLEW_FMT_HTML };
/* PLACES: one JSON line per place mention (the README lists the fields).
 * GDELT and ICEWS: those data sets' event tables' columns, tab-separated
 * with a header (README, "Formats"). */
enum curlew_out { CURLEW_OUT_JSONL, CURLEW_OUT_TSV, CURLEW_OUT_PLOVER, CURLEW_OUT_PLACES,
		  CURLEW_OUT_GDELT, CURLEW_OUT_ICEWS };
/* "jsonl", "tsv", "plover", "places", "gdelt", "icews" -> the format; -1 if unknown. */
CURLEW_EXTERN int curlew_out_from_name(const char *name);

/* Loads the dictionaries (opts NULL: the defaults).  On failure *out is
 * still set (unless out of memory) so curlew_errmsg can say why;
 * curlew_close it either way. */
CURLEW_EXTERN int curlew_open(curlew **out, const curlew_options *opts);
CURLEW_EXTERN void curlew_close(curlew *cw);
CURLEW_EXTERN const char *curlew_errmsg(const curlew *cw);

/* Codes one story.  default_date ("YYYY-MM-DD" or NULL) is used when neither
 * the story nor its dateline has a date.  *out is set even on CURLEW_EDATA
 * so that curlew_doc_errmsg can explain; free it with curlew_doc_free. */
CURLEW_EXTERN int curlew_code(const curlew *cw, const curlew_story *story, const char *default_date,
		curlew_doc **out);
CURLEW_EXTERN void curlew_doc_free(curlew_doc *doc);
CURLEW_EXTERN const char *curlew_doc_errmsg(const curlew_doc *doc);
CURLEW_EXTERN size_t curlew_doc_nevents(const curlew_doc *doc);
CURLEW_EXTERN size_t curlew_doc_nsentences(const curlew_doc *doc);
CURLEW_EXTERN const char *curlew_doc_id(const curlew_doc *doc);
/* Warnings raised while coding (no date, parser time-outs...), or NULL. */
CURLEW_EXTERN const char *curlew_doc_warnings(const curlew_doc *doc);

/* ------------------------------------------------------------- read API
 * A coded doc's events, sentences and place mentions as flat records whose
 * members are named as the JSON record's fields (README, "Using it").
 * Strings are owned by the doc and valid until curlew_doc_free; a field
 * that the JSON record writes as null is NULL here (a number: NAN, or 0
 * where the comment says so).  Each record struct has a version, set by
 * its CURLEW_*_INIT (0 is taken as 1), so that members added later are
 * not written into a caller's older, smaller struct.  Reading a doc that
 * failed (CURLEW_EDATA) gives no records.  Like the doc, not for two
 * threads at once: the first read of an event builds its strings. */
#define CURLEW_MAX_SECTORS 4
typedef struct curlew_actor {
	const char *code;        /* "AZEGOV"; NULL: the event has no such actor */
	const char *country;     /* ISO 3166-1 alpha-3, or NULL (international) */
	const char *sectors[CURLEW_MAX_SECTORS];
	size_t nsectors;
	const char *text;        /* the words that named it ("" when implied) */
	size_t start, end;       /* their byte offsets in the story */
} curlew_actor;

typedef struct curlew_location {
	const char *text;        /* NULL: the event has no place */
	const char *country;
	double lat, lon;         /* NAN when the place has no point */
	const char *admin1, *feature, *precision;
} curlew_location;

typedef struct curlew_plover {
	const char *event, *mode, *context;   /* PLOVER category, mode, context */
} curlew_plover;

typedef struct curlew_span {
	const char *text;
	size_t start, end;       /* byte offsets in the story */
} curlew_span;

#define CURLEW_EVENT_VERSION 1
typedef struct curlew_event {
	unsigned int version;    /* CURLEW_EVENT_VERSION */
	const char *event_id;    /* "<story_id>:<sentence>:<k>" */
	const char *story_id;
	int sentence;            /* 1-based */
	const char *sentence_text;
	const char *date;        /* "YYYY-MM-DD" or NULL */
	const char *date_precision;   /* "day", "week", "month" or NULL */
	curlew_actor source, target;
	const char *cameo;       /* "0231": a string, never a number */
	const char *root;        /* its first two digits, "02" */
	const char *cameo_name;  /* the code's name, "make statement" (not in
				  * the JSON record: ICEWS's Event Text) */
	int quad_class;          /* 1-4; 0 for a local code outside CAMEO */
	double goldstein;        /* NAN for a local code */
	curlew_plover plover;    /* members NULL for a local code */
	curlew_location location;
	curlew_span trigger;
	const char *rule;        /* "verbs.txt:308 meet with {T}" */
	double confidence;       /* 0..1, the chance the category is right; NAN
				  * when the data directory has no model */
	const char *url, *title, *publisher;   /* the input's, or NULL */
} curlew_event;
#define CURLEW_EVENT_INIT { .version = CURLEW_EVENT_VERSION }

/* The i-th event of the doc (0 <= i < curlew_doc_nevents): CURLEW_OK, or
 * CURLEW_EUSAGE for an i out of range, CURLEW_ESYS out of memory. */
CURLEW_EXTERN int curlew_doc_event(const curlew_doc *doc, size_t i, curlew_event *out);

#define CURLEW_SENTENCE_VERSION 1
typedef struct curlew_sentence {
	unsigned int version;    /* CURLEW_SENTENCE_VERSION */
	int sentence;            /* 1-based */
	const char *text;
	size_t start, end;       /* byte offsets in the story */
	size_t nevents;          /* events coded from it */
} curlew_sentence;
#define CURLEW_SENTENCE_INIT { .version = CURLEW_SENTENCE_VERSION }
/* The i-th sentence (0 <= i < curlew_doc_nsentences). */
CURLEW_EXTERN int curlew_doc_sentence(const curlew_doc *doc, size_t i, curlew_sentence *out);

#define CURLEW_PLACE_VERSION 1
typedef struct curlew_place {
	unsigned int version;    /* CURLEW_PLACE_VERSION */
	const char *story_id;
	int sentence;            /* 1-based; 0 for the dateline */
	const char *text;        /* the words as written */
	size_t start, end;
	const char *name;        /* the gazetteer's name */
	double lat, lon;         /* NAN when it has no point */
	const char *country, *admin1, *feature;
	long geonameid;          /* 0 when the source has none */
	long population;         /* 0 when unknown */
} curlew_place;
#define CURLEW_PLACE_INIT { .version = CURLEW_PLACE_VERSION }
/* Place mentions, the dateline's first (what --format places writes). */
CURLEW_EXTERN size_t curlew_doc_nplaces(const curlew_doc *doc);
CURLEW_EXTERN int curlew_doc_place(const curlew_doc *doc, size_t i, curlew_place *out);

#define CURLEW_DOC_INFO_VERSION 1
typedef struct curlew_doc_info {
	unsigned int version;    /* CURLEW_DOC_INFO_VERSION */
	const char *id;
	const char *date;        /* the story date the events default to, or NULL */
	const char *dateline_place, *agency;   /* from the dateline, or NULL */
	const char *url, *title, *publisher;   /* the input's, or NULL */
	size_t nsentences, nevents;
} curlew_doc_info;
#define CURLEW_DOC_INFO_INIT { .version = CURLEW_DOC_INFO_VERSION }
CURLEW_EXTERN int curlew_doc_story(const curlew_doc *doc, curlew_doc_info *out);
/* A country's common English name from its alpha-3 code, or NULL. */
CURLEW_EXTERN const char *curlew_country_name(const curlew *cw, const char *iso3);

/* Writes the doc's events in the given format.  The TSV header is written
 * by curlew_write_header, once per output.  A doc's records are written
 * whole or not at all: f is flushed, then the block goes to its file
 * descriptor with write(2) (short writes continued); if that fails half-way
 * (disk full) and f is a regular file, the file is cut back to where the
 * block began.  CURLEW_ESYS with errno set on failure (EPIPE: the reader
 * has gone). */
CURLEW_EXTERN int curlew_write(FILE *f, const curlew_doc *doc, enum curlew_out fmt);
/* Writes records rendered earlier by curlew_write into a memory stream
 * (buf: n bytes of whole docs), whole or not at all as curlew_write does:
 * for callers that render on worker threads and write in order. */
CURLEW_EXTERN int curlew_write_rendered(FILE *f, const char *buf, size_t n);
CURLEW_EXTERN int curlew_write_header(FILE *f, enum curlew_out fmt);

/* Story readers.  name is used in messages ("-" for stdin).  Each call to
 * curlew_reader_next yields a story (valid until the next call),
 * CURLEW_EDATA for a bad one (message in curlew_reader_errmsg; call again
 * for the next), or CURLEW_EOF. */
CURLEW_EXTERN int curlew_reader_open(curlew_reader **out, FILE *f, const char *name,
		       enum curlew_format fmt);
CURLEW_EXTERN int curlew_reader_next(curlew_reader *r, curlew_story *story);
CURLEW_EXTERN const char *curlew_reader_errmsg(const curlew_reader *r);
CURLEW_EXTERN void curlew_reader_free(curlew_reader *r);
CURLEW_EXTERN enum curlew_format curlew_format_from_name(const char *path_or_name);

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
 * summarised on log (may be NULL); a failure's message is in
 * curlew_last_error(). */
CURLEW_EXTERN int curlew_petrarch_import(const char *petrarch_dir, const curlew_petrarch_files *files,
			   const char *data_dir, const char *out_dir, int merge, FILE *log);
/* Runs PETRARCH unit-test records (<Sentence>, <EventCoding>, <Text>) with
 * the dictionaries named in the file's <Environment>, imported alone into
 * a temporary data dir; prints each failing record and a last line
 * "N passed, M failed" on out.  opts->data_dir gives curlew's own tables. */
CURLEW_EXTERN int curlew_petrarch_validate(const char *xml_path, const curlew_options *opts, FILE *out,
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
CURLEW_EXTERN int curlew_eval(curlew *cw, FILE *gold, const char *name, int flags, FILE *out);

/* Prints how a sentence is coded: tokens, actors, parse, patterns, events.
 * A sentence that cannot be coded (CURLEW_EDATA) prints nothing; the
 * reason is then curlew_errmsg(cw), so explain is for one thread at a time. */
CURLEW_EXTERN int curlew_explain(curlew *cw, const char *sentence, const char *date, FILE *out);


/* ------------------------------------------------------------ event store
 * A database of stories, sentences, events and actors (schema in the
 * README): "FILE.sqlite" (or any path) for SQLite, "postgresql://..." or
 * "postgres://..." for PostgreSQL.  Writes go in transactions of many
 * stories: curlew_store_begin, curlew_store_put per doc, curlew_store_commit.
 * Putting a story again replaces its sentences and events.  A store handle
 * belongs to one thread.  cw may be NULL for a store only queried. */
typedef struct curlew_store curlew_store;

CURLEW_EXTERN int curlew_store_open(curlew_store **out, const char *url, const curlew *cw);
CURLEW_EXTERN void curlew_store_close(curlew_store *st);
CURLEW_EXTERN const char *curlew_store_errmsg(const curlew_store *st);
CURLEW_EXTERN int curlew_store_begin(curlew_store *st);
CURLEW_EXTERN int curlew_store_put(curlew_store *st, const curlew_doc *doc);
CURLEW_EXTERN int curlew_store_commit(curlew_store *st);
/* Drops the transaction in flight. */
CURLEW_EXTERN int curlew_store_rollback(curlew_store *st);
/* 1 if the story is stored with the same content hash and dictionary
 * version (what --resume skips), 0 if not, < 0 on error. */
CURLEW_EXTERN int curlew_store_has(curlew_store *st, const curlew_story *story, const char *default_date);

/* The content hash of a story as stored: its text, its own date and the
 * default date (all of which decide its events); 16 hex digits + NUL. */
CURLEW_EXTERN void curlew_story_hash(const curlew_story *story, const char *default_date, char out[17]);
/* The dictionary version: a hash of every data file's contents and of the
 * options that change coding; 16 hex digits + NUL. */
CURLEW_EXTERN int curlew_dict_version(const curlew *cw, char out[17]);

/* Aggregates over a store, written as CSV or TSV with a header. */
/* EVENTS: every event with the columns of --format tsv (from/to, limit apply). */
enum curlew_query_what { CURLEW_Q_COUNTS, CURLEW_Q_GOLDSTEIN, CURLEW_Q_SEARCH, CURLEW_Q_SUMMARY,
			 CURLEW_Q_EVENTS };
enum curlew_period { CURLEW_BY_DAY, CURLEW_BY_WEEK, CURLEW_BY_MONTH, CURLEW_BY_YEAR, CURLEW_BY_ALL };
enum curlew_class { CURLEW_CLASS_ROOT, CURLEW_CLASS_QUAD, CURLEW_CLASS_CAMEO, CURLEW_CLASS_NONE };
#define CURLEW_QUERY_VERSION 1
typedef struct curlew_query {
	unsigned int version;   /* CURLEW_QUERY_VERSION */
	enum curlew_query_what what;
	enum curlew_period by;
	enum curlew_class cls;
	int dyad;               /* group by source and target country */
	int one_a_day;          /* same date, source, target and code once */
	int tsv;                /* 0: CSV */
	const char *from, *to;  /* YYYY-MM-DD bounds on event dates, or NULL */
	const char *match;      /* search: FTS query */
	long limit;             /* search: rows, 0 = 20 */
} curlew_query;
#define CURLEW_QUERY_INIT { CURLEW_QUERY_VERSION, CURLEW_Q_COUNTS, CURLEW_BY_DAY, \
			   CURLEW_CLASS_ROOT, 1, 0, 0, NULL, NULL, NULL, 0 }
CURLEW_EXTERN int curlew_query_init(curlew_query *q, unsigned int version);
/* Sets what, by or cls by name, as the command line and the bindings give
 * them ("what": counts, goldstein, search, summary, events; "by": day, week,
 * month, year, all; "class": root, quad, cameo, none): CURLEW_EUSAGE with
 * the choices in curlew_last_error() for an unknown field or value. */
CURLEW_EXTERN int curlew_query_set(curlew_query *q, const char *field, const char *value);
/* The names back, for messages and JSON: "counts", "day", "root"... */
CURLEW_EXTERN const char *curlew_query_name(const char *field, int value);
CURLEW_EXTERN int curlew_store_query(curlew_store *st, const curlew_query *q, FILE *out);


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
 * directory) or CURLEW_ESYS (cannot listen), the reason in
 * curlew_last_error(). */
CURLEW_EXTERN int curlew_serve(const curlew_serve_options *opts);

#ifdef __cplusplus
}
#endif
#endif
