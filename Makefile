# errwiki — set-up, build and test. On a fresh Debian machine:
#   make site   installs what errwiki needs, builds it and checks the wiki in Content/
#   make test   installs what the tests need and runs every test
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config
RELEASE_BIN := .build/release/errwiki
DEBUG_BIN := .build/debug/errwiki

.PHONY: all deps build release site check test install uninstall clean

all: release

# Debian's cmark-gfm (the C library and, for golden tests, its CLI). Installed only when missing.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || ! command -v cmark-gfm >/dev/null 2>&1 \
	    || ! dpkg -s libcmark-gfm-extensions-dev >/dev/null 2>&1; then \
	  echo "installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: deps
	$(SWIFT) build

# The Swift standard library linked in statically: half the start-up time of every lookup.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The wiki from Content/: validated strictly. (HTML output joins here when `errwiki build` lands.)
site: release
	$(RELEASE_BIN) check --strict --content Content

check: build
	$(DEBUG_BIN) check --strict --content Content

# Every test: the shipped content must pass strict check, then the Swift test suite.
test: deps
	$(SWIFT) build --build-tests
	$(DEBUG_BIN) check --strict --content Content
	$(SWIFT) test --skip-build

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/errwiki
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/errwiki
	rm -rf $(DESTDIR)$(PREFIX)/share/errwiki/Content $(DESTDIR)$(PREFIX)/share/errwiki/Templates
	cp -R Content Templates $(DESTDIR)$(PREFIX)/share/errwiki/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/errwiki
	rm -rf $(DESTDIR)$(PREFIX)/share/errwiki

clean:
	rm -rf .build site
