/*
 * writer.c -- event records out: JSON lines (the contract's default), TSV
 * for spreadsheets, R and pandas, and PLOVER-style JSON.
 *
 * Every string goes through one escaper per format, so that output stays
 * valid whatever bytes a story holds: the text was checked as UTF-8 on the
 * way in, and control characters are escaped here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"
#include "fault.h"

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0.
 * Story text is checked on the way in, but ids come from file names and
 * rules from data files, so the writers check again rather than trust. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t cp = len == 1 ? c : (c & (0x7fu >> len));
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	static const uint32_t min_cp[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* The inside of a JSON string, without the quotes.  A byte that is not
 * part of well-formed UTF-8 becomes U+FFFD, so the line stays valid JSON. */
static void json_body(FILE *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;   /* bytes that need no escaping, written in one go */
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
			size_t len = c < 0x80 ? 1 : utf8_seq(u + i, n - i);
			if (len) {
				i += len;
				continue;
			}
		}
		fwrite(s + run, 1, i - run, f);
		run = i + 1;
		switch (c) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (c >= 0x80) {
				fputs("\\ufffd", f);
			} else {
				fputs("\\u00", f);
				putc(hex[c >> 4], f);
				putc(hex[c & 15], f);
			}
		}
		i++;
	}
	fwrite(s + run, 1, n - run, f);
}

void cw_json_str(FILE *f, const char *s, size_t n)
{
	putc('"', f);
	json_body(f, s, n);
	putc('"', f);
}

static void json_cstr(FILE *f, const char *s)
{
	if (s)
		cw_json_str(f, s, strlen(s));
	else
		fputs("null", f);
}

/* TSV fields can't hold tabs or newlines: they are written as \t, \n, \r
 * and a backslash as \\, the convention readr and pandas understand with
 * escape settings, and which never breaks the column count.  Other control
 * characters become a space, and bytes that are not well-formed UTF-8
 * become U+FFFD, as in JSON.  Exported (not in internal.h) for
 * tests/unit/test_writer.c. */
void cw_tsv_str(FILE *f, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c >= 0x80) {
			size_t len = utf8_seq(u + i, n - i);
			if (len) {
				fwrite(s + i, 1, len, f);
				i += len;
			} else {
				fputs("\xef\xbf\xbd", f);
				i++;
			}
			continue;
		}
		switch (c) {
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\\': fputs("\\\\", f); break;
		default:
			if (c < 0x20 || c == 0x7f)
				putc(' ', f);
			else
				putc(c, f);
		}
		i++;
	}
}

static void tsv_str(FILE *f, const char *s, size_t n)
{
	cw_tsv_str(f, s, n);
}

static void tsv_cstr(FILE *f, const char *s)
{
	if (s)
		tsv_str(f, s, strlen(s));
}

static void print_date(FILE *f, cw_date d, int quoted)
{
	if (!d.y) {
		fputs(quoted ? "null" : "", f);
		return;
	}
	fprintf(f, quoted ? "\"%04d-%02d-%02d\"" : "%04d-%02d-%02d", d.y, d.m, d.d);
}

static const cw_mention *mention(const cw_sentence *s, int i)
{
	return i >= 0 && i < s->nments ? &s->ments[i] : NULL;
}

static void json_actor(FILE *f, const cw_mention *m)
{
	if (!m) {
		fputs("null", f);
		return;
	}
	fputs("{\"code\":", f);
	json_cstr(f, m->code);
	fputs(",\"country\":", f);
	json_cstr(f, m->country[0] ? m->country : NULL);
	fputs(",\"sectors\":[", f);
	for (int i = 0; i < m->nsectors; i++) {
		if (i)
			putc(',', f);
		json_cstr(f, m->sectors[i]);
	}
	fputs("],\"text\":", f);
	json_cstr(f, m->text ? m->text : "");
	fprintf(f, ",\"start\":%u,\"end\":%u}", m->start, m->end);
}

static void json_coord(FILE *f, const cw_place *p, double v)
{
	if (p->has_coord)
		fprintf(f, "%.4f", v);
	else
		fputs("null", f);
}

/* An event's location: the place's words, country, point, and what kind of
 * place it is (feature) and how precise the point is (precision). */
static void json_place(FILE *f, const cw_place *p)
{
	if (!p) {
		fputs("null", f);
		return;
	}
	fputs("{\"text\":", f);
	json_cstr(f, p->text);
	fputs(",\"country\":", f);
	json_cstr(f, p->country[0] ? p->country : NULL);
	fputs(",\"lat\":", f);
	json_coord(f, p, p->lat);
	fputs(",\"lon\":", f);
	json_coord(f, p, p->lon);
	fputs(",\"admin1\":", f);
	json_cstr(f, p->admin1);
	fputs(",\"feature\":", f);
	json_cstr(f, cw_gaz_feature_name(p->feature));
	fputs(",\"precision\":", f);
	json_cstr(f, cw_place_precision(p));
	putc('}', f);
}

/* --format places: one record per place mention, dateline first. */
static void write_place_mention(FILE *f, const curlew_doc *doc, int sentence, const cw_place *p)
{
	fputs("{\"story_id\":", f);
	json_cstr(f, doc->id);
	fprintf(f, ",\"sentence\":%d,\"text\":", sentence);
	json_cstr(f, p->text);
	fprintf(f, ",\"start\":%u,\"end\":%u,\"name\":", p->start, p->end);
	json_cstr(f, p->name ? p->name : p->text);
	fputs(",\"lat\":", f);
	json_coord(f, p, p->lat);
	fputs(",\"lon\":", f);
	json_coord(f, p, p->lon);
	fputs(",\"country\":", f);
	json_cstr(f, p->country[0] ? p->country : NULL);
	fputs(",\"admin1\":", f);
	json_cstr(f, p->admin1);
	fputs(",\"feature\":", f);
	json_cstr(f, cw_gaz_feature_name(p->feature));
	fputs(",\"geonameid\":", f);
	if (p->geonameid)
		fprintf(f, "%ld", p->geonameid);
	else
		fputs("null", f);
	fprintf(f, ",\"population\":%ld}\n", p->population);
}

static void write_places(FILE *f, const curlew_doc *doc)
{
	if (doc->dl_place && doc->dl_place->name)
		write_place_mention(f, doc, 0, doc->dl_place);
	if (doc->dl_region)
		write_place_mention(f, doc, 0, doc->dl_region);
	for (int i = 0; i < doc->nsents; i++)
		for (int k = 0; k < doc->sents[i].nplaces; k++)
			write_place_mention(f, doc, doc->sents[i].index, &doc->sents[i].places[k]);
}

static uint32_t trig_start(const cw_sentence *s, const cw_trigger *t)
{
	return s->toks[t->tok_start].start;
}

static uint32_t trig_end(const cw_sentence *s, const cw_trigger *t)
{
	return s->toks[t->tok_end - 1].end;
}

/* Writes `"<id>:<sentence>:<k>"` as one JSON string. */
/* Two decimals, as the stage rounded it; null when there is no model. */
static void json_confidence(FILE *f, const cw_event *e)
{
	if (e->confidence < 0)
		fputs("null", f);
	else
		fprintf(f, "%.2f", e->confidence);
}

static void json_event_id(FILE *f, const char *id, int sentence, int k)
{
	putc('"', f);
	json_body(f, id, strlen(id));
	fprintf(f, ":%d:%d\"", sentence, k);
}

static void write_jsonl_event(FILE *f, const curlew_doc *doc, const cw_sentence *s,
			      const cw_event *e)
{
	const cw_code_info *ci = cw_codes_get(doc->cw->codes, e->code);
	const cw_trigger *t = &s->trigs[e->trigger];
	fputs("{\"event_id\":", f);
	json_event_id(f, doc->id, s->index, e->k);
	fputs(",\"story_id\":", f);
	json_cstr(f, doc->id);
	fprintf(f, ",\"sentence\":%d,\"sentence_text\":", s->index);
	cw_json_str(f, doc->text + s->start, s->end - s->start);
	fputs(",\"date\":", f);
	print_date(f, e->date, 1);
	fputs(",\"date_precision\":", f);
	json_cstr(f, cw_event_date_precision(s, e));
	fputs(",\"source\":", f);
	json_actor(f, mention(s, e->source));
	fputs(",\"target\":", f);
	json_actor(f, mention(s, e->target));
	fputs(",\"cameo\":", f);
	json_cstr(f, e->code);
	if (ci) {
		fprintf(f, ",\"quad_class\":%d,\"goldstein\":%.1f", ci->quad, ci->goldstein);
		fputs(",\"plover\":{\"event\":", f);
		json_cstr(f, ci->plover_event);
		fputs(",\"mode\":", f);
		json_cstr(f, ci->plover_mode);
		fputs(",\"context\":", f);
		json_cstr(f, ci->plover_context);
		putc('}', f);
	} else {
		fputs(",\"quad_class\":null,\"goldstein\":null,\"plover\":null", f);
	}
	fputs(",\"location\":", f);
	json_place(f, e->place);
	fputs(",\"trigger\":{\"text\":", f);
	uint32_t ts = trig_start(s, t), te = trig_end(s, t);
	cw_json_str(f, doc->text + ts, te - ts);
	fprintf(f, ",\"start\":%u,\"end\":%u},\"rule\":", ts, te);
	json_cstr(f, t->rule ? t->rule : "");
	fputs(",\"confidence\":", f);
	json_confidence(f, e);
	fputs("}\n", f);
}

static const char *tsv_columns =
	"event_id\tstory_id\tsentence\tsentence_text\tdate\tdate_precision\t"
	"source_code\tsource_country\tsource_sectors\tsource_text\tsource_start\tsource_end\t"
	"target_code\ttarget_country\ttarget_sectors\ttarget_text\ttarget_start\ttarget_end\t"
	"cameo\troot\tquad_class\tgoldstein\tplover_event\tplover_mode\tplover_context\t"
	"location_text\tlocation_country\tlocation_lat\tlocation_lon\t"
	"location_admin1\tlocation_feature\tlocation_precision\t"
	"trigger_text\ttrigger_start\ttrigger_end\trule\tconfidence\n";

static void tsv_actor(FILE *f, const cw_mention *m)
{
	if (!m) {
		fputs("\t\t\t\t\t\t", f);
		return;
	}
	tsv_cstr(f, m->code);
	putc('\t', f);
	tsv_cstr(f, m->country);
	putc('\t', f);
	for (int i = 0; i < m->nsectors; i++) {
		if (i)
			putc(';', f);
		tsv_cstr(f, m->sectors[i]);
	}
	putc('\t', f);
	tsv_cstr(f, m->text);
	fprintf(f, "\t%u\t%u\t", m->start, m->end);
}

static void tsv_place(FILE *f, const cw_place *p)
{
	if (!p) {
		fputs("\t\t\t\t\t\t\t", f);
		return;
	}
	tsv_cstr(f, p->text);
	putc('\t', f);
	tsv_cstr(f, p->country);
	if (p->has_coord)
		fprintf(f, "\t%.4f\t%.4f\t", p->lat, p->lon);
	else
		fputs("\t\t\t", f);
	tsv_cstr(f, p->admin1);
	putc('\t', f);
	tsv_cstr(f, cw_gaz_feature_name(p->feature));
	putc('\t', f);
	tsv_cstr(f, cw_place_precision(p));
	putc('\t', f);
}

static void write_tsv_event(FILE *f, const curlew_doc *doc, const cw_sentence *s,
			    const cw_event *e)
{
	const cw_code_info *ci = cw_codes_get(doc->cw->codes, e->code);
	const cw_trigger *t = &s->trigs[e->trigger];
	tsv_cstr(f, doc->id);
	fprintf(f, ":%d:%d\t", s->index, e->k);
	tsv_cstr(f, doc->id);
	fprintf(f, "\t%d\t", s->index);
	tsv_str(f, doc->text + s->start, s->end - s->start);
	putc('\t', f);
	print_date(f, e->date, 0);
	putc('\t', f);
	tsv_cstr(f, cw_event_date_precision(s, e));
	putc('\t', f);
	tsv_actor(f, mention(s, e->source));
	tsv_actor(f, mention(s, e->target));
	fprintf(f, "%s\t%.2s\t", e->code, e->code);
	if (ci) {
		fprintf(f, "%d\t%.1f\t", ci->quad, ci->goldstein);
		tsv_cstr(f, ci->plover_event);
		putc('\t', f);
		tsv_cstr(f, ci->plover_mode);
		putc('\t', f);
		tsv_cstr(f, ci->plover_context);
		putc('\t', f);
	} else {
		fputs("\t\t\t\t\t", f);
	}
	tsv_place(f, e->place);
	uint32_t ts = trig_start(s, t), te = trig_end(s, t);
	tsv_str(f, doc->text + ts, te - ts);
	fprintf(f, "\t%u\t%u\t", ts, te);
	tsv_cstr(f, t->rule);
	putc('\t', f);
	if (e->confidence >= 0)
		fprintf(f, "%.2f", e->confidence);
	putc('\n', f);
}

/* PLOVER's own record layout: actors as name/country/type, the event
 * category in words, and the coded text kept alongside. */
static void plover_actor(FILE *f, const char *prefix, const cw_mention *m)
{
	fprintf(f, ",\"%s\":", prefix);
	json_cstr(f, m ? m->text : NULL);
	fprintf(f, ",\"%s_code\":", prefix);
	json_cstr(f, m ? m->code : NULL);
	fprintf(f, ",\"%s_country\":", prefix);
	json_cstr(f, m && m->country[0] ? m->country : NULL);
	fprintf(f, ",\"%s_type\":", prefix);
	json_cstr(f, m && m->nsectors ? m->sectors[0] : NULL);
}

static void write_plover_event(FILE *f, const curlew_doc *doc, const cw_sentence *s,
			       const cw_event *e)
{
	const cw_code_info *ci = cw_codes_get(doc->cw->codes, e->code);
	fputs("{\"id\":", f);
	json_event_id(f, doc->id, s->index, e->k);
	fputs(",\"date\":", f);
	print_date(f, e->date, 1);
	fputs(",\"event_type\":", f);
	json_cstr(f, ci ? ci->plover_event : NULL);
	fputs(",\"mode\":", f);
	json_cstr(f, ci ? ci->plover_mode : NULL);
	fputs(",\"context\":", f);
	json_cstr(f, ci ? ci->plover_context : NULL);
	plover_actor(f, "actor", mention(s, e->source));
	plover_actor(f, "recipient", mention(s, e->target));
	fputs(",\"location\":", f);
	json_place(f, e->place);
	fputs(",\"cameo\":", f);
	json_cstr(f, e->code);
	fputs(",\"story_id\":", f);
	json_cstr(f, doc->id);
	fputs(",\"text\":", f);
	cw_json_str(f, doc->text + s->start, s->end - s->start);
	fputs(",\"confidence\":", f);
	json_confidence(f, e);
	fputs("}\n", f);
}

/* One write(2), through the fault hooks of the fault-injection build. */
static ssize_t out_write(int fd, const char *buf, size_t n)
{
	long fault = CW_FAIL_WRITE(n);
	if (fault < 0)
		return -1;
	return write(fd, buf, fault > 0 ? (size_t)fault : n);
}

/* Where a block will start in a regular file, to cut it off again if it
 * fails half-way; -1 for pipes and terminals, which cannot be cut. */
static off_t block_start(int fd)
{
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		return -1;
	int fl = fcntl(fd, F_GETFL);
	/* with O_APPEND (">>") every write goes to the end, whatever the offset */
	return fl >= 0 && (fl & O_APPEND) ? sb.st_size : lseek(fd, 0, SEEK_CUR);
}

/* Writes a finished block of records (a story's) so that a failure loses
 * whole stories, never half a record.  stdio would write it 4 KiB at a
 * time and keep a failed tail to retry at the next flush, so the block
 * goes to the descriptor with write(2), looping over short writes (a
 * filling disk, a signal); when the disk fills in the middle, a regular
 * file is cut back to where the block began.  A memory stream has no
 * descriptor and takes the block through stdio. */
static int emit(FILE *f, const char *buf, size_t n)
{
	if (n == 0)
		return CURLEW_OK;
	int fd = fileno(f);
	if (fd < 0) {
		if (CW_FAIL_WRITE(n) < 0 || fwrite(buf, 1, n, f) != n || ferror(f))
			return CURLEW_ESYS;
		return CURLEW_OK;
	}
	if (fflush(f) != 0)     /* what the caller wrote through stdio goes first */
		return CURLEW_ESYS;
	off_t start = block_start(fd);
	for (size_t done = 0; done < n;) {
		ssize_t w = out_write(fd, buf + done, n - done);
		if (w > 0) {
			done += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		int e = w < 0 ? errno : EIO;
		if (done > 0 && start >= 0 && ftruncate(fd, start) == 0)
			lseek(fd, start, SEEK_SET);
		errno = e;
		return CURLEW_ESYS;
	}
	return CURLEW_OK;
}

int curlew_write_header(FILE *f, enum curlew_out fmt)
{
	if (fmt != CURLEW_OUT_TSV)
		return CURLEW_OK;
	return emit(f, tsv_columns, strlen(tsv_columns));
}

/* The doc's records are rendered in memory first and written with one
 * emit: either all of a story's records reach the output or none. */
int cw_write_doc(FILE *f, const curlew_doc *doc, enum curlew_out fmt)
{
	int any = fmt == CURLEW_OUT_PLACES && doc->dl_place;
	for (int i = 0; i < doc->nsents && !any; i++)
		any = doc->sents[i].nevents > 0 || (fmt == CURLEW_OUT_PLACES && doc->sents[i].nplaces);
	if (!any)
		return ferror(f) ? CURLEW_ESYS : CURLEW_OK;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = CW_FAIL_ALLOC() ? NULL : open_memstream(&buf, &n);
	if (!m) {
		errno = ENOMEM;
		return CURLEW_ESYS;
	}
	if (fmt == CURLEW_OUT_PLACES)
		write_places(m, doc);
	for (int i = 0; fmt != CURLEW_OUT_PLACES && i < doc->nsents; i++) {
		const cw_sentence *s = &doc->sents[i];
		for (int k = 0; k < s->nevents; k++) {
			if (fmt == CURLEW_OUT_TSV)
				write_tsv_event(m, doc, s, &s->events[k]);
			else if (fmt == CURLEW_OUT_PLOVER)
				write_plover_event(m, doc, s, &s->events[k]);
			else
				write_jsonl_event(m, doc, s, &s->events[k]);
		}
	}
	int bad = ferror(m);
	if (fclose(m) != 0 || bad) {
		free(buf);
		errno = ENOMEM;
		return CURLEW_ESYS;
	}
	int rc = emit(f, buf, n);
	free(buf);
	return rc;
}

int curlew_write_rendered(FILE *f, const char *buf, size_t n)
{
	return emit(f, buf, n);
}

int curlew_write(FILE *f, const curlew_doc *doc, enum curlew_out fmt)
{
	if (!doc || doc->err)
		return CURLEW_OK;
	return cw_write_doc(f, doc, fmt);
}
