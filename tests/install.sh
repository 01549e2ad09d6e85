#!/bin/sh
# make test-install (part of make check): installs curlew into a temporary
# prefix and uses it from another directory, as a user of the library would
# (issue 12): the program codes with the installed data, the data is found
# under a moved (DESTDIR-staged) prefix too, the shared library exports
# curlew.h's functions only, a C program builds with pkg-config and reads
# events through curlew_doc_event, and the Python and R packages code a
# sentence.  Ends "N passed, M failed".
#
#   sh tests/install.sh      (from the repo root, after make all)
TALLY_NAME=install.sh
. tests/lib.sh
MAKE=${MAKE:-make}
root=$(pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/curlew-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
mkdir -p "$tmp/elsewhere"
printf 'Israeli troops attacked Palestinian militants in Gaza on Monday.\n' > "$tmp/elsewhere/story.txt"
unset CURLEW_DATA CURLEW_WEB CURLEW_BIN CURLEW_LIB

if $MAKE -s install PREFIX="$prefix" > "$tmp/install.log" 2>&1; then
	ok "make install PREFIX=..."
else
	bad "make install PREFIX=..."
	tail -n 20 "$tmp/install.log"
	finish
fi
for f in bin/curlew include/curlew.h lib/pkgconfig/curlew.pc lib/libcurlew.so \
	share/curlew/verbs.txt share/curlew/gen/gazetteer.idx share/curlew/gen/tagger-lexicon.tsv \
	share/curlew/gen/countries.tsv share/curlew/web/index.html share/man/man1/curlew.1 \
	lib/python3/dist-packages/curlew/__init__.py lib/R/site-library/curlew/DESCRIPTION; do
	check "installed $f" [ -e "$prefix/$f" ]
done
so=$(readelf -d "$prefix/lib/libcurlew.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
check "the library has a soname ($so)" [ -n "$so" ] && [ -e "$prefix/lib/$so" ]
others=$(nm -D --defined-only "$prefix/lib/libcurlew.so" | awk '{print $3}' | grep -v '^curlew_' | head -n 5)
check "only curlew_ symbols exported${others:+ (also: $others)}" [ -z "$others" ]
nexp=$(nm -D --defined-only "$prefix/lib/libcurlew.so" | grep -c ' curlew_')
nhdr=$(grep -c '^CURLEW_EXTERN [^(]*curlew_[a-z_0-9]*(' include/curlew.h)
check "every CURLEW_EXTERN function is exported ($nexp of $nhdr)" [ "$nexp" -eq "$nhdr" ]

cd "$tmp/elsewhere" || exit 1
"$prefix/bin/curlew" code story.txt > out.jsonl 2> err.txt
check "installed curlew codes from another directory" grep -q '"cameo":"19' out.jsonl
"$prefix/bin/curlew" --version > v.txt
check "curlew --version" grep -q "^curlew [0-9]" v.txt
check "the man page formats" sh -c "man -l '$prefix/share/man/man1/curlew.1' 2>/dev/null | grep -q 'curlew code'"
# The installed data is the one read: with its verbs gone, curlew says so
# and names the installed directory, not the source tree's.
mv "$prefix/share/curlew/verbs.txt" "$tmp/verbs.txt"
"$prefix/bin/curlew" code story.txt > /dev/null 2> err.txt
check "installed curlew reads PREFIX/share/curlew" grep -q "$prefix/share/curlew" err.txt
mv "$tmp/verbs.txt" "$prefix/share/curlew/verbs.txt"

# A C program built against the installed library with pkg-config.
cat > prog.c <<'CEOF'
#include <stdio.h>
#include <string.h>
#include <curlew.h>
int main(void)
{
	curlew *cw;
	if (curlew_open(&cw, NULL) < 0) {
		fprintf(stderr, "open: %s\n", curlew_last_error());
		return 1;
	}
	const char *text = "Israeli troops attacked Palestinian militants in Gaza.";
	curlew_story st = { .id = "c1", .text = text, .len = strlen(text), .date = "2024-03-15",
			    .url = "https://example.org/c1" };
	curlew_doc *doc;
	if (curlew_code(cw, &st, NULL, &doc) < 0)
		return 1;
	for (size_t i = 0; i < curlew_doc_nevents(doc); i++) {
		curlew_event ev = CURLEW_EVENT_INIT;
		if (curlew_doc_event(doc, i, &ev) < 0)
			return 1;
		printf("%s %s %s %s %s %s\n", ev.event_id, ev.source.code, ev.cameo,
		       ev.target.code ? ev.target.code : "-", ev.location.country, ev.url);
	}
	printf("version %s %lx\n", curlew_version(), curlew_version_num());
	curlew_doc_free(doc);
	curlew_close(cw);
	return 0;
}
CEOF
flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs curlew)
if cc -std=c11 -Wall -Wextra -Werror prog.c $flags -Wl,-rpath,"$prefix/lib" -o prog 2> cc.txt; then
	ok "a C program builds with pkg-config --cflags --libs curlew"
	./prog > prog.txt 2>&1
	check "it reads events through curlew_doc_event" grep -q '^c1:1:1 ISR[A-Z]* 19[0-9]* PSE.* PSE https://example.org/c1$' prog.txt
	check "its library is the installed one" sh -c "ldd ./prog | grep -q '$prefix/lib/libcurlew'"
else
	bad "a C program builds with pkg-config --cflags --libs curlew"
	cat cc.txt
fi

# The bindings, installed.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
PYTHONPATH="$prefix/lib/python3/dist-packages" "$PY" -c '
import curlew
r = curlew.code("Israeli troops attacked Palestinian militants in Gaza.", date="2024-03-15")
print(r[0]["source"]["code"], r[0]["cameo"])' > py.txt 2>&1
check "import curlew codes a sentence (installed)" grep -q '^ISR[A-Z]* 19' py.txt
cd "$root" || exit 1
if CURLEW_BIN="$prefix/bin/curlew" PYTHONPATH="$prefix/lib/python3/dist-packages" SAMPLES="$root/samples" \
	"$PY" tests/bindings/test_python.py > "$tmp/py.out" 2>&1; then
	ok "Python tests on the installed package: $(tail -n 1 "$tmp/py.out")"
else
	bad "Python tests on the installed package"
	grep -v '^ok' "$tmp/py.out" | tail -n 20
fi
R_LIBS="$prefix/lib/R/site-library" Rscript -e \
	'library(curlew); d <- curlew::code("Israeli troops attacked Palestinian militants in Gaza."); cat(d$source_code[1], d$cameo[1], class(d$cameo), "\n")' \
	> "$tmp/r.txt" 2>&1
check "library(curlew) codes a sentence (installed, its own curlew)" grep -q '^ISR[A-Z]* 19[0-9]* character' "$tmp/r.txt"
if R_LIBS="$prefix/lib/R/site-library" SAMPLES="$root/samples" Rscript tests/bindings/test_r.R > "$tmp/r.out" 2>&1; then
	ok "R tests on the installed package: $(tail -n 1 "$tmp/r.out")"
else
	bad "R tests on the installed package"
	grep -v '^ok' "$tmp/r.out" | tail -n 20
fi

# A staged install (DESTDIR), moved elsewhere, still finds its data.
if $MAKE -s install DESTDIR="$tmp/stage" PREFIX=/opt/curlew > "$tmp/install2.log" 2>&1; then
	mv "$tmp/stage/opt/curlew" "$tmp/moved"
	cd "$tmp/elsewhere" || exit 1
	mv "$tmp/moved/share/curlew/verbs.txt" "$tmp/verbs.txt"
	"$tmp/moved/bin/curlew" code story.txt > /dev/null 2> err.txt
	check "a moved install reads its own share/curlew" grep -q "$tmp/moved/share/curlew" err.txt
	mv "$tmp/verbs.txt" "$tmp/moved/share/curlew/verbs.txt"
	"$tmp/moved/bin/curlew" code story.txt > out.jsonl 2>/dev/null
	check "a moved install codes" grep -q '"cameo":"19' out.jsonl
	cd "$root" || exit 1
else
	bad "make install DESTDIR=... PREFIX=/opt/curlew"
	tail -n 20 "$tmp/install2.log"
fi
finish
