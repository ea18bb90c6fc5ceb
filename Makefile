# resolution-atlas. To start, a machine needs only Python 3.11, git and make: every target
# below first makes .venv and installs requirements.lock (exact versions, PyPI hashes) into it.
#
#   make site          build site/ with `mkdocs build --strict`
#   make test          run the whole test suite (installs Debian's chromium first when root)
#   make serve         preview on http://127.0.0.1:8000, rebuilding on edits
#   make lint          ruff
#   make golden        rewrite tests/golden/*.json from source_texts/ and the fixtures' JSON
#   make lock          re-resolve requirements.in against PyPI into requirements.lock
#   make browser-deps  install Debian's chromium for the browser tests, or say how to
#   make node-deps     install the HTML and accessibility checkers from npm (npm ci), or say how to

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := site
.DELETE_ON_ERROR:

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
# The stamp's name is a digest of the lock and pyproject.toml, so changing either (a pull, a
# checkout, `make lock`) makes the next target reinstall.
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) pyproject.toml | cksum | cut -d" " -f1)
# pip with no local configuration: PyPI only, so the lock's hashes are PyPI's.
PYPI_ONLY := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_NO_INDEX \
	PIP_CONFIG_FILE=/dev/null
# `make lock` moves every pin to the newest allowed release; `make lock LOCK_FLAGS=` keeps the
# current pins and only adds or drops what requirements.in changed.
LOCK_FLAGS ?= --upgrade
# Material 9.7+ prints a banner about MkDocs 2 on every build; we stay on MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site test serve lint golden lock browser-deps node-deps clean

install: $(STAMP)

# Exits with a message unless the Python running it is 3.11.
IS_PY311 = -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and $(1) + sys.version)'

$(BIN)/python:
	@$(PYTHON) $(call IS_PY311,"need Python 3.11 (make PYTHON=/path/to/python3.11) not ")
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)

$(STAMP): | $(BIN)/python
	@$(BIN)/python $(call IS_PY311,"$(VENV) is not Python 3.11 (rm -rf $(VENV) and make again): ")
	rm -f $(VENV)/.installed-*
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

site: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) browser-deps node-deps
	$(BIN)/pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check .

golden: $(STAMP)
	$(BIN)/python -m generator golden
	$(BIN)/python -m tests.test_fixtures

lock: | $(BIN)/python
	test -x $(BIN)/pip-compile || $(PYPI_ONLY) $(BIN)/python -m pip install --quiet pip-tools
	$(PYPI_ONLY) CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet $(LOCK_FLAGS) \
	  --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file $(LOCK) requirements.in

# The browser tests drive /usr/bin/chromium from Debian (never a browser Playwright downloads).
CHROMIUM ?= chromium
browser-deps:
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then \
	  echo "browser-deps: $$(command -v $(CHROMIUM)) is there"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "browser-deps: installing Debian's chromium"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q; \
	  apt-get install -y -q --no-install-recommends chromium fonts-liberation fonts-dejavu-core; \
	else \
	  echo "browser-deps: chromium is missing, so the browser tests cannot run." \
	    "Install it with: sudo apt-get install chromium fonts-liberation" >&2; \
	fi

# The Nu Html Checker (vnu-jar, run on Java) and axe-core come from npm at the exact versions of
# package-lock.json. Debian provides node, npm and Java when they are missing and we are root.
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d" " -f1)
node-deps: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@missing=$$(for tool in node npm java; do command -v $$tool >/dev/null 2>&1 || echo $$tool; done); \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "node-deps: installing Debian's nodejs, npm and default-jre-headless"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q; \
	  apt-get install -y -q --no-install-recommends nodejs npm default-jre-headless; \
	elif [ -n "$$missing" ]; then \
	  echo "node-deps: missing" $$missing "so the HTML and accessibility checks cannot run." \
	    "Install them with: sudo apt-get install nodejs npm default-jre-headless" >&2; \
	  exit 0; \
	fi; \
	rm -f node_modules/.installed-*; \
	npm ci --no-audit --no-fund --loglevel=error; \
	touch $@

clean:
	rm -rf site
