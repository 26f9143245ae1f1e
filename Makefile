# Two commands matter: `make serve` and `make test`. Both set everything up first.
# Python 3.13 matches the Pyodide runtime (npm pyodide 0.29.x runs CPython 3.13), so the
# same interpreter builds the site, compiles the wheel for the browser and runs the tests.

# A pyenv shim answers `command -v` even when it cannot run, so each candidate is tried.
PYTHON_BOOT ?= $(shell for c in $$(ls -d $$(pyenv root 2>/dev/null)/versions/3.13*/bin/python3.13 2>/dev/null) \
                 $$(command -v python3.13); do "$$c" -c 'import sys; assert sys.version_info[:2] == (3, 13)' \
                 2>/dev/null && { echo "$$c"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr
export SITE_URL ?= http://127.0.0.1:8000/
# mkdocs-material prints a banner about MkDocs 2 on every build; we pin MkDocs 1.6 (see requirements.txt).
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check compile lint format bench bench-engine bench-site bench-comparator bench-lighthouse clean

## Set-up -----------------------------------------------------------------------------------

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	@test -n "$(PYTHON_BOOT)" || { echo "Python 3.13 not found (pyenv install 3.13)"; exit 1; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps --editable .
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(CHROMIUM):
	apt-get update && apt-get install -y chromium

# Firefox ESR runs the comparator's share-link journey (tests/test_quality_firefox.py).
$(FIREFOX):
	apt-get update && apt-get install -y firefox-esr

setup: $(VENV)/.installed node_modules/.package-lock.json $(CHROMIUM) $(FIREFOX)

## Site -------------------------------------------------------------------------------------

check: setup
	$(PY) -m build_tools check

# The engine's JSON (comparator/data/policies-2020.json) from policies/, after a change there.
compile: setup
	$(PY) -m build_tools compile

build: setup
	$(VENV)/bin/mkdocs build --strict

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## Tests ------------------------------------------------------------------------------------

lint: setup
	$(VENV)/bin/ruff check comparator build_tools tests
	$(VENV)/bin/ruff format --check comparator build_tools tests
	$(PY) -m mypy
	node_modules/.bin/biome lint --error-on-warnings docs/javascripts build_tools tests

format: setup
	$(VENV)/bin/ruff format comparator build_tools tests

test: setup lint check
	CHROMIUM=$(CHROMIUM) FIREFOX=$(FIREFOX) $(PY) -m pytest

## Benchmarks (print figures; never part of `make test`) ------------------------------------

# Every benchmark (engine, site build, comparator start, Lighthouse), printed as one table.
bench: setup
	$(PY) tests/bench/run_all.py

bench-engine: setup
	$(PY) tests/bench/bench_engine.py

bench-site: setup
	$(PY) tests/bench/bench_site.py

bench-comparator: setup
	$(PY) tests/bench/bench_comparator.py

bench-lighthouse: setup
	CHROMIUM=$(CHROMIUM) $(PY) tests/bench/bench_lighthouse.py

clean:
	rm -rf site build dist $(VENV) node_modules
