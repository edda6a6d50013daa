# Two commands do all set-up on a fresh machine:
#   make serve   builds the sample site and serves it at http://127.0.0.1:8000
#   make test    runs the whole test suite, browser tests included
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000
AXE := node_modules/axe-core/axe.min.js

.PHONY: serve build test check bench chromium publish-tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

serve: $(STAMP)
	$(BIN)/newsroom serve --port $(PORT)

build: $(STAMP)
	$(BIN)/newsroom build

check: $(STAMP)
	$(BIN)/newsroom check

test: $(STAMP) chromium publish-tools $(AXE)
	NEWSROOM_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

# axe-core, injected into pages by the accessibility tests (tests/test_a11y.py).
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	  else \
	    echo "Cần cài npm / npm is needed: sudo apt-get install npm" >&2; exit 1; \
	  fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(STAMP)
	$(BIN)/python bench/recognition.py
	$(BIN)/python bench/build.py
	$(BIN)/python bench/rebuild.py
	$(BIN)/python bench/hostile_registry.py
	$(BIN)/python bench/kill_builds.py
	$(BIN)/python bench/pathological_markdown.py --skip-slow

# Browsers cannot be downloaded here: Playwright drives Debian's chromium.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Cần cài chromium / chromium is needed: sudo apt-get install chromium" >&2; exit 1; \
	  fi; \
	fi

# Publish tests run rsync, over ssh too, against an sshd they start on loopback.
publish-tools:
	@if ! command -v rsync >/dev/null 2>&1 || [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync openssh-client openssh-server >/dev/null; \
	  else \
	    echo "Cần cài rsync, ssh / rsync and ssh are needed: sudo apt-get install rsync openssh-client openssh-server" >&2; exit 1; \
	  fi; \
	fi

clean:
	rm -rf output .pytest_cache
