# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build serve test clean bench

# (Re)create the virtual environment whenever a pinned requirement changes.
$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## Build both languages into site/ (English at /, Welsh at /cy/); any warning fails.
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict
	chmod -R a+rX site

## Build and serve on http://127.0.0.1:8000 with live reload.
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Node tools (Lighthouse) from package-lock.json; never a browser download.
NODE_INSTALLED := node_modules/.package-lock.json
$(NODE_INSTALLED): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund
	touch $@

## Everything CI checks.
test: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m pytest

## Page weight, Lighthouse and build cost: prints tables, writes bench/results.json and README.md's figures.
bench: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m bench.run

clean:
	rm -rf site $(VENV) node_modules
