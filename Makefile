# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NPM_INSTALLED := node_modules/.installed

.PHONY: build serve test clean

# (Re)create the virtual environment whenever a pinned requirement changes.
$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# (Re)install the pinned npm packages (axe-core, vnu-jar) whenever the lock file
# changes. Neither needs its install script (vnu-jar's would fetch a Java runtime).
$(NPM_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## Build both languages into site/ (English at /, Welsh at /cy/); any warning fails.
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict
	chmod -R a+rX site

## Build and serve on http://127.0.0.1:8000 with live reload.
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Everything CI checks.
test: $(INSTALLED) $(NPM_INSTALLED)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV) node_modules
