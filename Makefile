# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
EDITORIAL := $(BIN)/python -m wales_site

.PHONY: build serve test clean bench bench-search lighthouse lint translations translated review words readability system-packages lock

# The Debian packages pip and npm cannot provide (make, python3-venv, Chromium,
# Hunspell, Node.js, Java): installs only what is missing, saying what, with
# sudo when not root; quick when everything is there.
system-packages:
	@bash scripts/install-system-packages.sh

# (Re)create the virtual environment whenever a pinned requirement changes, with
# our own package (wales_site/) installed editable.
$(INSTALLED): requirements.txt requirements-dev.txt pyproject.toml | system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## Re-pin requirements.txt (the build) and requirements-dev.txt (the build and the test tools) from the .in files.
# Each pin carries the hash of every file of that version, so pip installs nothing
# else; existing pins are kept unless a .in file asks for another. pip-tools runs
# from a throwaway venv. Dependabot's pull requests re-pin the same way.
LOCK := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp" \
	&& "$$tmp/bin/python" -m pip install --quiet --disable-pip-version-check pip-tools==7.7.0 \
	&& "$$tmp/bin/pip-compile" $(LOCK) --output-file=requirements.txt requirements.in \
	&& "$$tmp/bin/pip-compile" $(LOCK) --output-file=requirements-dev.txt requirements-dev.in

# (Re)install the pinned npm packages whenever the lock file changes. None needs
# its install script (vnu-jar's would fetch a Java runtime).
$(NODE_INSTALLED): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## Build both languages into site/ (English at /, Welsh at /cy/); any warning fails,
## and a build that fails leaves site/ as it was.
build: $(INSTALLED)
	$(BIN)/python -m wales_site build
	chmod -R a+rX site

## Build and serve on http://127.0.0.1:8000 with live reload.
serve: system-packages $(INSTALLED)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Everything CI checks: the test suite, the editorial checks included.
# `make lint`'s checks are not run again here: the suite's
# test_make_lint_passes_on_the_real_site runs them and fails with their output,
# on one core while the other runs browser tests. On both cores (pytest-xdist;
# tests/conftest.py keeps the checks of each width's visit to every page,
# tests/browser_sweep.py, on one worker, so that visit is made once).
PYTEST_WORKERS ?= 2
test: system-packages $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --durations=15

## Fast checks for editors (no browser): translations, dates, spelling, Markdown, workflows.
lint: $(INSTALLED) $(NODE_INSTALLED)
	$(EDITORIAL) lint

## How each page's Welsh translation stands: up to date, out of date, structure mismatch.
translations: $(INSTALLED)
	$(EDITORIAL) translations

## After updating a Welsh page: make translated PAGE=spot-the-signs.md (PAGE=all for every page).
translated: $(INSTALLED)
	$(EDITORIAL) stamp $(if $(filter all,$(PAGE)),--all,$(PAGE))

## Pages and data entries overdue or due for review within 30 days.
review: $(INSTALLED)
	$(EDITORIAL) review $(if $(REPORT),--markdown $(REPORT))

## Every word the spelling check does not know, counted: for reviewing spelling/words-*.txt.
words: $(INSTALLED) $(NODE_INSTALLED)
	$(EDITORIAL) words

## Flesch reading ease of the public English pages (target 60 or more).
readability: $(INSTALLED)
	$(EDITORIAL) readability

clean:
	rm -rf site $(VENV) node_modules

.PHONY: schemas data-report

## Rewrite schemas/*.schema.json from the data models (wales_site/data/models.py).
schemas: $(INSTALLED)
	$(EDITORIAL) schemas

## List the entries in data/ that an editor should check again.
data-report: $(INSTALLED)
	$(EDITORIAL) data-report

## Page weight, Lighthouse, Welsh search and build cost: prints tables, writes bench/results.json and README.md's figures.
bench: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m bench.run

## Only the Welsh search figures (bench/welsh-search.yml), in about a minute.
bench-search: $(INSTALLED)
	$(BIN)/python -m bench.welsh_search

## Lighthouse's mobile audit of each page type: fails below 100 for accessibility, best practices or SEO (weekly in CI).
lighthouse: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m bench.full_marks $(if $(REPORT),--markdown $(REPORT))
