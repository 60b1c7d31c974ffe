# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build serve test clean

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

## Everything CI checks.
test: $(INSTALLED)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)

.PHONY: schemas data-report

## Rewrite schemas/*.schema.json from the data models (hooks/data_models.py).
schemas: $(INSTALLED)
	$(BIN)/python hooks/open_data.py

## List the entries in data/ that an editor should check again.
data-report: $(INSTALLED)
	$(BIN)/python hooks/data_loading.py
