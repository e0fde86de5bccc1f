# ngx_http_ei_hmac_module: build, run and test.
#
#   make          build build/ngx_http_ei_hmac_module.so against the installed nginx
#   make run      the gateway on 127.0.0.1:8080 (demo, or production with
#                 EI_API_KEY_FILE=path)
#   make test     unit tests of src/ and every Test::Nginx suite in t/
#   make fuzz     the libFuzzer target for FUZZ_SECONDS (default 60)
#   make check-memory  the suites under valgrind and with an ASan+UBSan build
#   make bench    module vs plain nginx: req/s, CPU and instructions per request
#   make soak     the demo gateway under mixed load for SOAK_SECONDS (default 60)

SHELL       := /bin/bash
TOP         := $(abspath .)
BUILD       := $(TOP)/build
NGX_SRC     := /usr/share/nginx/src
MODULE      := $(BUILD)/ngx_http_ei_hmac_module.so
NGINX       ?= /usr/sbin/nginx

CC          ?= cc
CFLAGS      ?= -g -O2
WARN        := -Wall -Wextra -Werror
SRC_C       := $(wildcard src/*.c)
SRC_H       := $(wildcard src/*.h)
NGX_GLUE    := $(wildcard src/ngx/*.c src/ngx/*.h)
UNIT_C      := $(wildcard t/unit/test_*.c)
UNIT_BIN    := $(patsubst t/unit/%.c,$(BUILD)/unit/%,$(UNIT_C))
LIBS        := -ljansson -lcrypto

FUZZ_SECONDS ?= 60

# Debian's hardening flags for nginx, plus warnings (nginx adds -Werror)
NGX_CC_OPT  := -g -O2 -fstack-protector-strong -Wformat \
               -Werror=format-security -fPIC -D_FORTIFY_SOURCE=2 \
               -Wall -Wextra -Wno-unused-parameter
NGX_LD_OPT  := -Wl,-z,relro -Wl,-z,now -fPIC

APT_PKGS    := nginx-core nginx-dev libjansson-dev libssl-dev libcmocka-dev \
               libtest-base-perl libtest-longstring-perl libtext-diff-perl \
               liburi-perl libwww-perl openssl curl ca-certificates \
               valgrind clang libclang-rt-14-dev wrk prometheus

ASAN_MODULE := $(BUILD)/asan/ngx_http_ei_hmac_module.so
ASAN_CC_OPT := -g -O1 -fno-omit-frame-pointer -fPIC \
               -fsanitize=address,undefined -Wall -Wextra -Wno-unused-parameter
ASAN_LD_OPT := -fsanitize=address,undefined -fPIC

.PHONY: all deps module unit test prove run fuzz clean check-memory bench soak

all: module

# Installs what the build and the tests need, once, on Debian.
deps: $(BUILD)/.deps

$(BUILD)/.deps:
	@mkdir -p $(BUILD)
	@missing=""; for p in $(APT_PKGS); do \
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

$(MODULE): $(BUILD)/nginx/objs/Makefile ngx_http_ei_hmac_module.c $(SRC_C) $(SRC_H) $(NGX_GLUE)
	$(MAKE) -s -C $(BUILD)/nginx -f objs/Makefile modules
	cp $(BUILD)/nginx/objs/ngx_http_ei_hmac_module.so $@

# the same module built with AddressSanitizer and UBSan, for check-memory
$(BUILD)/asan/nginx/objs/Makefile: config | $(BUILD)/.deps
	rm -rf $(BUILD)/asan/nginx
	mkdir -p $(BUILD)/asan/nginx
	cp -a $(NGX_SRC)/. $(BUILD)/asan/nginx/
	cd $(BUILD)/asan/nginx && . ./conf_flags && \
	    ./configure "$${NGX_CONF_FLAGS[@]}" \
	        --with-cc-opt="$(ASAN_CC_OPT)" --with-ld-opt="$(ASAN_LD_OPT)" \
	        --add-dynamic-module=$(TOP) >$(BUILD)/asan/configure.log 2>&1 \
	    || { tail -30 $(BUILD)/asan/configure.log; exit 1; }

$(ASAN_MODULE): $(BUILD)/asan/nginx/objs/Makefile ngx_http_ei_hmac_module.c $(SRC_C) $(SRC_H) $(NGX_GLUE)
	$(MAKE) -s -C $(BUILD)/asan/nginx -f objs/Makefile modules
	cp $(BUILD)/asan/nginx/objs/ngx_http_ei_hmac_module.so $@

check-memory: module $(ASAN_MODULE)
	./t/check-memory

$(BUILD)/unit/%: t/unit/%.c $(SRC_C) $(SRC_H) | $(BUILD)/.deps
	@mkdir -p $(BUILD)/unit
	$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ $< $(SRC_C) $(LIBS) -lcmocka

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

prove: module
	./t/run-prove

test: unit prove

run: module
	@./conf/run

fuzz: | $(BUILD)/.deps
	./t/fuzz/run $(FUZZ_SECONDS)

bench: module
	./bench/run

soak: module
	./bench/soak

clean:
	rm -rf $(BUILD) t/servroot
