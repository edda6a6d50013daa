# Two commands do all set-up on a fresh machine:
#   make serve   builds the sample site and serves it at http://127.0.0.1:8000
#   make test    runs the whole test suite, browser tests included
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000

.PHONY: serve build test check bench chromium clean

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

test: $(STAMP) chromium
	NEWSROOM_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

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

clean:
	rm -rf output .pytest_cache
