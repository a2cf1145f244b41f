# dubao — a terminal reader for Chinese newspaper pages.
# Plain GNU make.  `make` builds ./dubao; `make check` runs every test;
# `make run` opens the bundled articles.  SAN=1 builds with ASan+UBSan.

VERSION		= 0.1.0

PREFIX		?= /usr/local
BINDIR		?= $(PREFIX)/bin
MANPREFIX	?= $(PREFIX)/share/man
DATADIR		?= $(PREFIX)/share/dubao
DESTDIR		?=

CC		?= cc
CFLAGS		?= -O2 -g
LDFLAGS		?=
PKG_CONFIG	?= pkg-config

NCURSES_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null || echo -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600)
NCURSES_LIBS	:= $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)
PCRE2_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS	:= $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
OPENCC_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags opencc 2>/dev/null || echo -I/usr/include/opencc)
OPENCC_LIBS	:= $(shell $(PKG_CONFIG) --libs opencc 2>/dev/null || echo -lopencc)
# Debian ships no pkg-config file for libunistring.
UNISTRING_LIBS	:= -lunistring
MD4C_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags md4c 2>/dev/null)
MD4C_LIBS	:= $(shell $(PKG_CONFIG) --libs md4c 2>/dev/null || echo -lmd4c)

WARN		= -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
		  -Wwrite-strings -Wno-unused-parameter
DCPPFLAGS	= -Iinclude -D_GNU_SOURCE -DDUBAO_VERSION='"$(VERSION)"' \
		  -DDUBAO_DATADIR='"$(DATADIR)"' $(PCRE2_CFLAGS) $(MD4C_CFLAGS) \
		  $(OPENCC_CFLAGS)
DCFLAGS		= -std=c11 $(WARN) -MMD -MP
DLIBS		= $(UNISTRING_LIBS) $(PCRE2_LIBS) $(MD4C_LIBS) $(OPENCC_LIBS) \
		  -lpthread

ifeq ($(SAN),1)
BUILD		?= build/san
SANFLAGS	= -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=undefined,float-cast-overflow
else
BUILD		?= build
SANFLAGS	=
endif

ALL_CFLAGS	= $(DCPPFLAGS) $(CPPFLAGS) $(DCFLAGS) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS	= $(SANFLAGS) $(LDFLAGS)

# The core (everything but main and the terminal UI) is one archive that
# the program, the tests, the fuzzers and the benchmark link.
UI_SRC		= $(wildcard src/ui*.c)
CORE_SRC	= $(filter-out src/main.c $(UI_SRC),$(wildcard src/*.c))
CORE_OBJ	= $(CORE_SRC:src/%.c=$(BUILD)/%.o)
UI_OBJ		= $(UI_SRC:src/%.c=$(BUILD)/%.o)
CORE_LIB	= $(BUILD)/libdubao.a

UNIT_SRC	= $(wildcard tests/unit/test-*.c)
UNIT_BIN	= $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
PROP_SRC	= $(wildcard tests/prop/*.c)
PROP_BIN	= $(PROP_SRC:tests/prop/%.c=$(BUILD)/tests/%)
# Each libFuzzer driver linked with tests/fuzz/replay.c: every saved
# input (tests/fuzz/regress, tests/fuzz/corpus) in one process.
FUZZ_SRC	= $(wildcard tests/fuzz/fuzz-*.c)
REPLAY_BIN	= $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/replay-%)

ifeq ($(SAN),1)
PROG		= $(BUILD)/dubao
else
PROG		= dubao
endif

# Debian packages: to build and run, and in addition to test.
RUN_PKGS	= gcc make pkg-config libncurses-dev libunistring-dev libpcre2-dev \
		  libmd4c-dev libopencc-dev libopencc-data
CHECK_PKGS	= $(RUN_PKGS) libcmocka-dev tmux mandoc
FUZZ_PKGS	= $(CHECK_PKGS) clang libclang-rt-14-dev
VALGRIND_PKGS	= $(CHECK_PKGS) valgrind

.PHONY: all run check check-unit check-prop check-golden check-e2e check-fuzz \
	check-layers check-man check-sanitize check-valgrind deps deps-check bench fuzz \
	fuzz-build check-hostile check-regress fidelity \
	man-lint install uninstall clean

all: $(PROG)

# Keep the objects of the test programs between runs.
.SECONDARY:

$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(NCURSES_CFLAGS) -c -o $@ $<

$(CORE_LIB): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(CORE_OBJ)

$(PROG): $(BUILD)/main.o $(UI_OBJ) $(CORE_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(UI_OBJ) $(CORE_LIB) \
	    $(NCURSES_LIBS) $(DLIBS)


$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -c -o $@ $<

$(BUILD)/tests/%.o: tests/prop/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -c -o $@ $<

$(BUILD)/tests/regress: tests/regress/run.c tests/common/slurp.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/common -o $@ tests/regress/run.c \
	    tests/common/slurp.c $(CORE_LIB) $(DLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(CORE_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(CORE_LIB) -lcmocka $(DLIBS)

$(BUILD)/tests/fuzz-%.o: tests/fuzz/fuzz-%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -c -o $@ $<

$(BUILD)/tests/replay.o: tests/fuzz/replay.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/hostile-check: tests/hostile/hostile-check.c tests/fuzz/fuzz-json.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests $(ALL_LDFLAGS) -o $@ $< $(UNISTRING_LIBS)

$(BUILD)/tests/replay-%: $(BUILD)/tests/%.o $(BUILD)/tests/replay.o $(CORE_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/tests/replay.o $(CORE_LIB) \
	    $(DLIBS)

# ---- dependencies -------------------------------------------------------

# Installs missing Debian packages when run as root, else prints the
# exact command and fails.
deps:
	@sh tests/deps.sh $(RUN_PKGS)
deps-check:
	@sh tests/deps.sh $(CHECK_PKGS)

# ---- running ------------------------------------------------------------

run: deps
	@$(MAKE) --no-print-directory $(PROG)
	./$(PROG) articles

# ---- tests --------------------------------------------------------------

# The programs are built in parallel (one job per processor); the suites
# run one after the other.
NPROC		:= $(shell nproc 2>/dev/null || echo 1)

check: deps-check
	@$(MAKE) --no-print-directory -j$(NPROC) check-all

HOSTILE_CHECK	= $(BUILD)/tests/hostile-check

check-all: $(PROG) $(UNIT_BIN) $(PROP_BIN) $(REPLAY_BIN) $(HOSTILE_CHECK) \
    $(BUILD)/tests/regress
	@sh tests/run.sh "$(BUILD)" "$(PROG)"

check-unit: $(UNIT_BIN)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" unit
check-fuzz: $(REPLAY_BIN)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" fuzz
check-prop: $(PROG) $(PROP_BIN)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" prop
check-golden: $(PROG)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" golden
check-regress: $(BUILD)/tests/regress
	@sh tests/run.sh "$(BUILD)" "$(PROG)" regress
check-e2e: $(PROG)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" e2e
check-layers:
	@sh tests/run.sh "$(BUILD)" "$(PROG)" layers
check-man: man-lint
check-hostile: $(PROG) $(HOSTILE_CHECK)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" hostile

check-sanitize: deps-check
	@$(MAKE) --no-print-directory -j$(NPROC) SAN=1 check-all

# ---- fuzzing (libFuzzer, clang) -----------------------------------------

FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_FLAGS	= -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
		  -fno-sanitize-recover=undefined,float-cast-overflow
FUZZ_BIN	= $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_CORE	= $(CORE_SRC:src/%.c=build/fuzz/core/%.o)

build/fuzz/core/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(DCPPFLAGS) $(CPPFLAGS) -std=c11 -MMD -MP $(FUZZ_FLAGS) \
	    -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(FUZZ_CORE)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(DCPPFLAGS) $(CPPFLAGS) -Itests -std=c11 -MMD -MP \
	    $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) $(DLIBS)

fuzz-build: $(FUZZ_BIN)
fuzz:
	@sh tests/deps.sh $(FUZZ_PKGS)
	@$(MAKE) --no-print-directory fuzz-run
fuzz-run: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

check-valgrind:
	@sh tests/deps.sh $(VALGRIND_PKGS)
	@$(MAKE) --no-print-directory check-valgrind-run
check-valgrind-run: $(PROG)
	@sh tests/run.sh "$(BUILD)" "$(PROG)" valgrind

# ---- benchmark ----------------------------------------------------------

# the benchmarks' corpus and clock, and the whole-file reader they share
# with the regress runner and make fidelity
BENCH_COMMON	= tests/bench/corpus.c tests/common/slurp.c

$(BUILD)/bench: tests/bench/bench.c $(BENCH_COMMON) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/common -o $@ tests/bench/bench.c \
	    $(BENCH_COMMON) $(CORE_LIB) $(DLIBS)

$(BUILD)/bench-search: tests/bench/bench-search.c $(BENCH_COMMON) \
    $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/common -o $@ tests/bench/bench-search.c \
	    $(BENCH_COMMON) $(CORE_LIB) $(DLIBS)

$(BUILD)/bench-reader: tests/bench/bench-reader.c $(BENCH_COMMON) \
    $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/common -o $@ tests/bench/bench-reader.c \
	    $(BENCH_COMMON) $(CORE_LIB) $(DLIBS)

bench: deps $(PROG) $(BUILD)/bench $(BUILD)/bench-search $(BUILD)/bench-reader
	$(BUILD)/bench $(BENCH_ARGS)
	@if [ -d "$(FIDELITY_CORPUS)" ]; then \
	    echo; echo "$(BUILD)/bench -p -r $(FIDELITY_CORPUS)"; \
	    $(BUILD)/bench -p -r "$(FIDELITY_CORPUS)"; \
	else echo "(no $(FIDELITY_CORPUS): real pages not measured)"; fi
	$(BUILD)/bench-search $(BENCH_ARGS)
	$(BUILD)/bench-reader $(BENCH_ARGS) -d ./$(PROG)

# The structure reader scored on real articles with known structure
# (tests/bench/fidelity.c; the corpus is outside the repository).
FIDELITY_CORPUS	?= ../shared/corpus/rmrb-2019
FIDELITY_ARGS	?=

$(BUILD)/fidelity: tests/bench/fidelity.c tests/common/slurp.c $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/common -o $@ tests/bench/fidelity.c \
	    tests/common/slurp.c $(CORE_LIB) $(DLIBS)

fidelity: deps $(BUILD)/fidelity
	$(BUILD)/fidelity $(FIDELITY_ARGS) $(FIDELITY_CORPUS)

# ---- install ------------------------------------------------------------

# Section 7 pages: the rules dubao follows (dubao-layout.7, ...).
MAN7		= $(wildcard man/*.7)

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man7 $(DESTDIR)$(DATADIR)/articles
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/dubao
	install -m 644 man/dubao.1 $(DESTDIR)$(MANPREFIX)/man1/dubao.1
	$(if $(MAN7),install -m 644 $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/)
	install -m 644 articles/*.txt $(DESTDIR)$(DATADIR)/articles/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dubao $(DESTDIR)$(MANPREFIX)/man1/dubao.1 \
	    $(MAN7:man/%=$(DESTDIR)$(MANPREFIX)/man7/%)
	rm -rf $(DESTDIR)$(DATADIR)

# Every page in man/ through mandoc -T lint (also a suite of make check).
man-lint:
	@sh tests/run.sh "$(BUILD)" "$(PROG)" man

clean:
	rm -rf build dubao

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d build/fuzz/core/*.d \
    build/fuzz/*.d)
