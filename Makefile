# ngx_http_ei_hmac_module: build, run and test.
#
#   make          build build/ngx_http_ei_hmac_module.so against the installed nginx
#   make run      the gateway on 127.0.0.1:8080 (demo, or production with
#                 EI_API_KEY_FILE=path)
#   make test     unit tests of src/ and every Test::Nginx suite in t/
#   make tables   src/ei_strength_tables.c made again from the lists of
#                 src/ei_strength_lists.c (make test fails while it is stale)
#   make deb      build/libnginx-mod-http-ei-hmac_VERSION_ARCH.deb, with
#                 Debian's own tooling for nginx modules (debian/)
#   make install  the module, its load_module snippet and the docs under
#                 $(DESTDIR)$(PREFIX) (PREFIX=/usr/local by default)
#   make check-package  install the .deb into the system nginx, nginx -t
#                 with a site using it, the suites against it, then purge
#   make fuzz     each libFuzzer target for FUZZ_SECONDS (default 60)
#   make check-memory  the suites under valgrind and with an ASan+UBSan build
#   make bench    module vs plain nginx: req/s, CPU and instructions per request
#   make soak     the demo gateway under mixed load for SOAK_SECONDS (default 60)

SHELL       := /bin/bash
TOP         := $(abspath .)
BUILD       := $(TOP)/build
NGX_SRC     := /usr/share/nginx/src
MODULE      := $(BUILD)/ngx_http_ei_hmac_module.so
NGINX       ?= /usr/sbin/nginx

# the one place the version is written is src/ei_version.h
VERSION     := $(shell sed -n 's/^\#define EI_HMAC_VERSION *"\(.*\)"/\1/p' \
                   src/ei_version.h)

CC          ?= cc
CFLAGS      ?= -g -O2
WARN        := -Wall -Wextra -Werror
SRC_C       := $(wildcard src/*.c)
SRC_H       := $(wildcard src/*.h)
GLUE        := ngx_http_ei_hmac_module.c $(wildcard src/ngx/*.c src/ngx/*.h)
UNIT_C      := $(wildcard t/unit/test_*.c)
UNIT_BIN    := $(patsubst t/unit/%.c,$(BUILD)/unit/%,$(UNIT_C))
LIBS        := -ljansson -lcrypto

FUZZ_SECONDS ?= 60

# Debian's hardening flags for nginx, plus warnings (nginx adds -Werror);
# -O3 rather than -O2: the strength estimate and the body check run on
# every request (README "Building")
NGX_CC_OPT  := -g -O3 -fstack-protector-strong -Wformat \
               -Werror=format-security -fPIC -D_FORTIFY_SOURCE=2 \
               -Wall -Wextra -Wno-unused-parameter
NGX_LD_OPT  := -Wl,-z,relro -Wl,-z,now -fPIC

# Debian packages: what building and running need (make, make run), what
# the tests, memory checks, fuzzing and benchmarks add (make test), and what
# building the package adds (make deb)
RUN_PKGS    := gcc libc6-dev nginx nginx-dev libjansson-dev libssl-dev \
               ca-certificates
TEST_PKGS   := libcmocka-dev libtest-base-perl libtest-longstring-perl \
               libtext-diff-perl liburi-perl libwww-perl openssl curl \
               dpkg-dev valgrind clang libclang-rt-14-dev wrk prometheus
DEB_PKGS    := debhelper dpkg-dev

DEB_NAME    := libnginx-mod-http-ei-hmac
DEB_DIR     := $(BUILD)/deb/$(DEB_NAME)-$(VERSION)
DEB_SRC     := config $(wildcard *.c *.h) src conf debian README.md \
               CHANGELOG LICENSE

PREFIX      ?= /usr/local
MODULES_DIR  = $(PREFIX)/lib/nginx/modules
SNIPPET_DIR  = $(PREFIX)/share/nginx/modules-available
DOC_DIR      = $(PREFIX)/share/doc/ngx_http_ei_hmac_module

ASAN_MODULE := $(BUILD)/asan/ngx_http_ei_hmac_module.so
ASAN_CC_OPT := -g -O1 -fno-omit-frame-pointer -fPIC \
               -fsanitize=address,undefined -Wall -Wextra -Wno-unused-parameter
ASAN_LD_OPT := -fsanitize=address,undefined -fPIC

# the module with its fault injection points (NGX_HTTP_EI_HMAC_FAULTS), for
# the suites that prove what a failure does; never installed
FAULT_MODULE := $(BUILD)/faults/ngx_http_ei_hmac_module.so

.PHONY: all deps test-deps module unit test prove run fuzz clean check-memory \
        bench soak deb install uninstall check-package tables check-tables

all: module

# Installs the Debian packages of $(1) that are missing, once a stamp.
define apt_install
@mkdir -p $(BUILD)
@missing=""; for p in $(1); do \
    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
        || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
    echo "installing:$$missing"; \
    SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
    $$SUDO apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
        --no-install-recommends $$missing >/dev/null; \
    case " $$missing " in *" prometheus "*) \
        echo "stopping the prometheus service (tests run their own)"; \
        $$SUDO systemctl disable --now prometheus >/dev/null 2>&1 \
        || $$SUDO invoke-rc.d prometheus stop >/dev/null 2>&1 || true;; \
    esac; \
fi
@touch $@
endef

deps: $(BUILD)/.deps

test-deps: $(BUILD)/.deps-test

$(BUILD)/.deps:
	$(call apt_install,$(RUN_PKGS))

$(BUILD)/.deps-test: | $(BUILD)/.deps
	$(call apt_install,$(TEST_PKGS))

$(BUILD)/.deps-deb: | $(BUILD)/.deps
	$(call apt_install,$(DEB_PKGS))

module: $(MODULE)

# nginx-dev ships nginx's configure scripts and headers; configure a scratch
# copy with the Debian binary's flags so that the module is binary-compatible.
$(BUILD)/nginx/objs/Makefile: config | $(BUILD)/.deps
	rm -rf $(BUILD)/nginx
	mkdir -p $(BUILD)/nginx
	cp -a $(NGX_SRC)/. $(BUILD)/nginx/
	cd $(BUILD)/nginx && . ./conf_flags && \
	    ./configure "$${NGX_CONF_FLAGS[@]}" \
	        --with-cc-opt="$(NGX_CC_OPT)" --with-ld-opt="$(NGX_LD_OPT)" \
	        --add-dynamic-module=$(TOP) >$(BUILD)/configure.log 2>&1 \
	    || { tail -30 $(BUILD)/configure.log; exit 1; }

$(MODULE): $(BUILD)/nginx/objs/Makefile $(GLUE) $(SRC_C) $(SRC_H)
	$(MAKE) -s -C $(BUILD)/nginx -f objs/Makefile modules
	cp $(BUILD)/nginx/objs/ngx_http_ei_hmac_module.so $@

# test builds of the same module, each in build/VARIANT/: asan (ASan and
# UBSan, for check-memory) and faults (FAULT_MODULE)
$(BUILD)/asan/nginx/objs/Makefile: VARIANT_CC_OPT = $(ASAN_CC_OPT)
$(BUILD)/asan/nginx/objs/Makefile: VARIANT_LD_OPT = $(ASAN_LD_OPT)
$(BUILD)/faults/nginx/objs/Makefile: \
    VARIANT_CC_OPT = $(NGX_CC_OPT) -DNGX_HTTP_EI_HMAC_FAULTS=1
$(BUILD)/faults/nginx/objs/Makefile: VARIANT_LD_OPT = $(NGX_LD_OPT)

$(BUILD)/%/nginx/objs/Makefile: config | $(BUILD)/.deps-test
	rm -rf $(BUILD)/$*/nginx
	mkdir -p $(BUILD)/$*/nginx
	cp -a $(NGX_SRC)/. $(BUILD)/$*/nginx/
	cd $(BUILD)/$*/nginx && . ./conf_flags && \
	    ./configure "$${NGX_CONF_FLAGS[@]}" \
	        --with-cc-opt="$(VARIANT_CC_OPT)" \
	        --with-ld-opt="$(VARIANT_LD_OPT)" \
	        --add-dynamic-module=$(TOP) >$(BUILD)/$*/configure.log 2>&1 \
	    || { tail -30 $(BUILD)/$*/configure.log; exit 1; }

$(BUILD)/%/ngx_http_ei_hmac_module.so: $(BUILD)/%/nginx/objs/Makefile \
        $(GLUE) $(SRC_C) $(SRC_H)
	$(MAKE) -s -C $(BUILD)/$*/nginx -f objs/Makefile modules
	cp $(BUILD)/$*/nginx/objs/ngx_http_ei_hmac_module.so $@

check-memory: module $(ASAN_MODULE)
	./t/check-memory

$(BUILD)/unit/%: t/unit/%.c $(SRC_C) $(SRC_H) | $(BUILD)/.deps-test
	@mkdir -p $(BUILD)/unit
	$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ $< $(SRC_C) $(LIBS) -lcmocka

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

# the strength tables are generated from the lists, and committed
TABLES_GEN  := $(BUILD)/util/ei_strength_gen

$(TABLES_GEN): util/ei_strength_gen.c src/ei_strength_lists.c \
        src/ei_strength_tables.h | $(BUILD)/.deps
	@mkdir -p $(BUILD)/util
	$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ util/ei_strength_gen.c \
	    src/ei_strength_lists.c

tables: $(TABLES_GEN)
	$(TABLES_GEN) > $(BUILD)/util/ei_strength_tables.c
	mv $(BUILD)/util/ei_strength_tables.c src/ei_strength_tables.c

check-tables: $(TABLES_GEN)
	$(TABLES_GEN) > $(BUILD)/util/ei_strength_tables.c
	@diff -u src/ei_strength_tables.c $(BUILD)/util/ei_strength_tables.c \
	    || { echo "src/ei_strength_tables.c differs from what the lists" \
	              "of src/ei_strength_lists.c give: run make tables"; \
	         exit 1; }
	@echo "src/ei_strength_tables.c is what the lists give"

prove: module $(FAULT_MODULE) | $(BUILD)/.deps-test
	./t/run-prove

test: check-tables unit prove

run: module
	@./conf/run

fuzz: | $(BUILD)/.deps-test
	./t/fuzz/run $(FUZZ_SECONDS)

bench: module | $(BUILD)/.deps-test
	./bench/run

soak: module | $(BUILD)/.deps-test
	./bench/soak

# Debian's build in a copy of the sources under build/deb/, so that the
# checkout stays clean; debian/changelog is written there from CHANGELOG.
deb: | $(BUILD)/.deps-deb
	rm -rf $(BUILD)/deb
	mkdir -p $(DEB_DIR)
	cp -a $(DEB_SRC) $(DEB_DIR)/
	debian/gen-changelog > $(DEB_DIR)/debian/changelog
	cd $(DEB_DIR) && dpkg-buildpackage -b -us -uc >../build.log 2>&1 \
	    || { tail -40 ../build.log; exit 1; }
	mv $(BUILD)/deb/$(DEB_NAME)_$(VERSION)_*.deb $(BUILD)/
	@ls -l $(BUILD)/$(DEB_NAME)_$(VERSION)_*.deb

install: module
	install -d $(DESTDIR)$(MODULES_DIR) $(DESTDIR)$(SNIPPET_DIR) \
	    $(DESTDIR)$(DOC_DIR)/examples
	install -m 644 $(MODULE) $(DESTDIR)$(MODULES_DIR)/
	echo "load_module $(MODULES_DIR)/ngx_http_ei_hmac_module.so;" \
	    > $(DESTDIR)$(SNIPPET_DIR)/mod-http-ei-hmac.conf
	chmod 644 $(DESTDIR)$(SNIPPET_DIR)/mod-http-ei-hmac.conf
	install -m 644 README.md CHANGELOG LICENSE $(DESTDIR)$(DOC_DIR)/
	install -m 644 conf/demo.conf conf/production.conf conf/prometheus-alerts.yml \
	    $(DESTDIR)$(DOC_DIR)/examples/
	@echo "installed ngx_http_ei_hmac_module $(VERSION); load it with the" \
	      "line of $(SNIPPET_DIR)/mod-http-ei-hmac.conf at the top of" \
	      "nginx.conf (or include that file there)"

uninstall:
	rm -f $(DESTDIR)$(MODULES_DIR)/ngx_http_ei_hmac_module.so \
	    $(DESTDIR)$(SNIPPET_DIR)/mod-http-ei-hmac.conf
	rm -rf $(DESTDIR)$(DOC_DIR)

# the package round trip of CI: changes the system nginx's configuration
# while it runs, and puts it back
check-package: deb | $(BUILD)/.deps-test
	./t/check-package

clean:
	rm -rf $(BUILD) t/servroot
