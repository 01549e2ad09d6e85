/* test_reader.c -- story readers: jsonl good and bad lines, whole files,
 * HTML article extraction, and the limits. */
#include <stdlib.h>
#include <string.h>
#include "coder/coder.h"
#include "check.h"

#define INPUT "tests/data/input/"

static curlew_reader *open_file(const char *path, enum curlew_format fmt, FILE **fp)
{
	curlew_reader *r = NULL;
	*fp = fopen(path, "rb");
	if (!*fp) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	if (curlew_reader_open(&r, *fp, path, fmt) != 0)
		return NULL;
	return r;
}

static void test_formats(void)
{
	CHECK_INT(curlew_format_from_name("a/b/stories.jsonl"), CURLEW_FMT_JSONL);
	CHECK_INT(curlew_format_from_name("x.ndjson"), CURLEW_FMT_JSONL);
	CHECK_INT(curlew_format_from_name("x.JSON"), CURLEW_FMT_JSONL);
	CHECK_INT(curlew_format_from_name("page.htm"), CURLEW_FMT_HTML);
	CHECK_INT(curlew_format_from_name("page.html"), CURLEW_FMT_HTML);
	CHECK_INT(curlew_format_from_name("story.txt"), CURLEW_FMT_TXT);
	CHECK_INT(curlew_format_from_name("story"), CURLEW_FMT_TXT);
	CHECK_INT(curlew_format_from_name("-"), CURLEW_FMT_TXT);
	CHECK_INT(curlew_format_from_name("dir.html/story"), CURLEW_FMT_TXT);
}

static void test_good_jsonl(void)
{
	FILE *f;
	curlew_reader *r = open_file(INPUT "good.jsonl", CURLEW_FMT_AUTO, &f);
	CHECK(r != NULL);
	if (!r)
		return;
	curlew_story st;
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "az-1");
	CHECK_STR(st.date, "2023-09-20");
	CHECK_STR(st.title, "Bayramov meets Osmani");
	CHECK_STR(st.source, "TDI");
	CHECK_STR(st.url, "https://example.org/az-1");
	CHECK_INT(st.line, 1);
	CHECK_STR(st.origin, INPUT "good.jsonl");
	CHECK(st.len > 20 && strncmp(st.text, "New York, 20 September", 22) == 0);
	CHECK_INT(strlen(st.text), st.len);

	/* Line 2 is blank and skipped silently. */
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "am-2");
	CHECK_INT(st.line, 3);
	CHECK(st.date == NULL && st.title == NULL);

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "un-3");
	CHECK(strstr(st.text, "\n\nMembers") != NULL);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	curlew_reader_free(r);
	fclose(f);
}

static void test_bad_jsonl(void)
{
	FILE *f;
	curlew_reader *r = open_file(INPUT "bad.jsonl", CURLEW_FMT_JSONL, &f);
	CHECK(r != NULL);
	if (!r)
		return;
	curlew_story st;
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "ok-1");

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK(strncmp(curlew_reader_errmsg(r), INPUT "bad.jsonl:2: not JSON (", 33) == 0);

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK_STR(curlew_reader_errmsg(r), INPUT "bad.jsonl:3: not a JSON object");

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK_STR(curlew_reader_errmsg(r), INPUT "bad.jsonl:4: missing \"id\"");

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK_STR(curlew_reader_errmsg(r), INPUT "bad.jsonl:5 (id \"no-text-5\"): missing \"text\"");

	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK_STR(curlew_reader_errmsg(r), INPUT "bad.jsonl:6: \"id\" is not a string");

	/* After the bad lines the reader goes on. */
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "ok-7");
	CHECK_INT(st.line, 7);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	curlew_reader_free(r);
	fclose(f);
}

static void test_big_line(void)
{
	/* A 2 MB story on one line: no fixed buffer may cut it. */
	size_t n = 2u << 20;
	FILE *f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("{\"id\": \"big\", \"text\": \"", f);
	for (size_t i = 0; i < n / 8; i++)
		fputs("war and ", f);
	fputs("peace\"}\n{\"id\": \"after\", \"text\": \"x\"}\n", f);
	rewind(f);
	curlew_reader *r = NULL;
	CHECK_INT(curlew_reader_open(&r, f, "big.jsonl", CURLEW_FMT_AUTO), 0);
	curlew_story st;
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "big");
	CHECK_INT(st.len, n + 5);
	CHECK(st.len > 5 && memcmp(st.text + st.len - 5, "peace", 5) == 0);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "after");
	CHECK_INT(st.line, 2);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	curlew_reader_free(r);
	fclose(f);
}

static void test_txt(void)
{
	FILE *f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("\xEF\xBB\xBFWASHINGTON (AP) \xE2\x80\x94 Talks began.\n", f);
	rewind(f);
	curlew_reader *r = NULL;
	CHECK_INT(curlew_reader_open(&r, f, "some/dir/story.2023.txt", CURLEW_FMT_AUTO), 0);
	curlew_story st;
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "story.2023");
	CHECK_STR(st.text, "WASHINGTON (AP) \xE2\x80\x94 Talks began.\n");
	CHECK_INT(st.len, strlen(st.text));
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	curlew_reader_free(r);
	fclose(f);

	f = tmpfile();
	fputs("Story from standard input.", f);
	rewind(f);
	CHECK_INT(curlew_reader_open(&r, f, "-", CURLEW_FMT_AUTO), 0);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "stdin");
	curlew_reader_free(r);
	fclose(f);
}

static void test_binary_and_empty(void)
{
	FILE *f;
	curlew_story st;
	curlew_reader *r = open_file(INPUT "binary.bin", CURLEW_FMT_AUTO, &f);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
		CHECK_STR(curlew_reader_errmsg(r), INPUT "binary.bin: binary file");
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
		curlew_reader_free(r);
		fclose(f);
	}
	r = open_file(INPUT "empty.txt", CURLEW_FMT_AUTO, &f);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
		CHECK_STR(curlew_reader_errmsg(r), INPUT "empty.txt: empty story");
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
		curlew_reader_free(r);
		fclose(f);
	}
	/* An empty jsonl file is simply no stories. */
	r = open_file(INPUT "empty.txt", CURLEW_FMT_JSONL, &f);
	if (r) {
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
		curlew_reader_free(r);
		fclose(f);
	}
}

static void test_html(void)
{
	FILE *f;
	curlew_reader *r = open_file(INPUT "page.html", CURLEW_FMT_AUTO, &f);
	CHECK(r != NULL);
	if (!r)
		return;
	curlew_story st;
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.id, "page");
	CHECK_STR(st.title, "Azerbaijan and Armenia trade accusations | Example News");
	const char *t = st.text;
	CHECK(strstr(t, "Secret script") == NULL);
	CHECK(strstr(t, "Injected") == NULL);
	CHECK(strstr(t, "font-family") == NULL);
	CHECK(strstr(t, "Home") == NULL);
	CHECK(strstr(t, "Subscribe") == NULL);
	CHECK(strstr(t, "Copyright") == NULL);
	CHECK(strstr(t, "Most read") == NULL);
	CHECK(strstr(t, "Enable JavaScript") == NULL);
	CHECK(strstr(t, "Search") == NULL);
	CHECK(strstr(t, "Advertisement") == NULL);
	CHECK(strstr(t, "Share on") == NULL);
	CHECK(strstr(t, "Hidden") == NULL);
	/* Headline and paragraphs, separated by blank lines, spaces collapsed. */
	CHECK(strncmp(t, "Azerbaijan and Armenia trade accusations\n\nBAKU, Sept 19", 55) == 0);
	CHECK(strstr(t, "its positions near the border on Tuesday.\n\nArmenia\xE2\x80\x99s foreign") != NULL);
	CHECK(strstr(t, "denied the claim and called for talks.\n\nRussia urged restraint.") != NULL);
	CHECK(t[st.len - 1] == '.');
	CHECK_INT(strlen(t), st.len);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
	curlew_reader_free(r);
	fclose(f);

	/* Issue 11: the page's published time, as its metadata gives it. */
	static const char *const pages[][2] = {
		{ "<html><head><meta property=\"article:published_time\" content=\"2024-03-05T09:12:00Z\">"
		  "</head><body><time datetime=\"2020-01-01\">x</time><p>Text here.</p></body></html>",
		  "2024-03-05T09:12:00Z" },
		{ "<html><head><meta name=\"pubdate\" content=\"20240305\"></head><body><p>Text.</p>"
		  "</body></html>", "20240305" },
		{ "<html><body><article><time itemprop=\"datePublished\" datetime=\"2024-03-06\">6 March"
		  "</time><p>Text here.</p></article></body></html>", "2024-03-06" },
		{ "<html><head><script type=\"application/ld+json\">{\"datePublished\": "
		  "\"2024-03-07T10:00:00+01:00\"}</script></head><body><p>Text.</p></body></html>",
		  "2024-03-07T10:00:00+01:00" },
		{ "<html><body><p>Text, no date.</p></body></html>", NULL },
	};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		f = tmpfile();
		fputs(pages[i][0], f);
		rewind(f);
		CHECK_INT(curlew_reader_open(&r, f, "p.html", CURLEW_FMT_AUTO), 0);
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
		if (pages[i][1])
			CHECK_STR(st.date, pages[i][1]);
		else
			CHECK(st.date == NULL);
		curlew_reader_free(r);
		fclose(f);
	}

	/* Without <article> or <main>: the body, furniture still dropped. */
	f = tmpfile();
	fputs("<html><body><nav>Menu</nav><div>First para.</div><div>Second <b>bold</b>"
	      " para.</div><footer>Foot</footer></body></html>", f);
	rewind(f);
	CHECK_INT(curlew_reader_open(&r, f, "x.html", CURLEW_FMT_AUTO), 0);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_OK);
	CHECK_STR(st.text, "First para.\n\nSecond bold para.");
	CHECK(st.title == NULL);
	curlew_reader_free(r);
	fclose(f);

	/* Only furniture: nothing to code. */
	f = tmpfile();
	fputs("<html><body><script>x()</script><nav>Menu</nav></body></html>", f);
	rewind(f);
	CHECK_INT(curlew_reader_open(&r, f, "y.html", CURLEW_FMT_AUTO), 0);
	CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
	CHECK(strstr(curlew_reader_errmsg(r), "empty story") != NULL);
	curlew_reader_free(r);
	fclose(f);
}

/* Markup past the bounds libxml2 parses in good time (issue 9) is a bad
 * page; markup inside comments and <script> does not count. */
static void test_html_bounds(void)
{
	static const char *const pages[] = {
		"<p>Troops attacked militants.</p><div%s>x</div>",
		"<p>Troops attacked militants.</p><!-- <div%s> -->",
		"<p>Troops attacked militants.</p><script>var s = '<div%s>';</script>",
	};
	for (int k = 0; k < 3; k++) {
		for (int nattr = 1000; nattr <= 3000; nattr += 2000) {
			FILE *f = tmpfile();
			CHECK(f != NULL);
			if (!f)
				return;
			const char *pct = strstr(pages[k], "%s");
			fwrite(pages[k], 1, (size_t)(pct - pages[k]), f);
			for (int i = 0; i < nattr; i++)
				fprintf(f, " a%d='>'", i);
			fputs(pct + 2, f);
			rewind(f);
			curlew_reader *r;
			curlew_story st;
			CHECK_INT(curlew_reader_open(&r, f, "p.html", CURLEW_FMT_AUTO), 0);
			int over = k == 0 && nattr > 2000;
			CHECK_INT(curlew_reader_next(r, &st), over ? CURLEW_EDATA : CURLEW_OK);
			if (over)
				CHECK(strstr(curlew_reader_errmsg(r), "p.html: a tag with more than 2000 attributes") != NULL);
			else
				CHECK(strstr(st.text, "Troops attacked militants.") == st.text);
			curlew_reader_free(r);
			fclose(f);
		}
	}
}

/* A directory opens as a FILE and fails at the first read: bad input to
 * skip (issue 9), in both whole-file and JSONL readers. */
static void test_directory(void)
{
	enum curlew_format fmts[] = { CURLEW_FMT_TXT, CURLEW_FMT_JSONL, CURLEW_FMT_HTML };
	for (int i = 0; i < 3; i++) {
		FILE *f = fopen("tests", "rb");
		CHECK(f != NULL);
		if (!f)
			return;
		curlew_reader *r;
		curlew_story st;
		CHECK_INT(curlew_reader_open(&r, f, "tests", fmts[i]), 0);
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EDATA);
		CHECK(strstr(curlew_reader_errmsg(r), "tests: is a directory") != NULL);
		CHECK_INT(curlew_reader_next(r, &st), CURLEW_EOF);
		curlew_reader_free(r);
		fclose(f);
	}
}

int main(void)
{
	test_formats();
	test_good_jsonl();
	test_bad_jsonl();
	test_big_line();
	test_txt();
	test_binary_and_empty();
	test_html();
	test_directory();
	test_html_bounds();
	return check_done("test_reader");
}
