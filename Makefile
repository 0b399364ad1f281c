# The commands the README names. `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DASHBOARD_DB ?= data/demo.duckdb
DB ?= $(DASHBOARD_DB)
SCALE ?= 1
HOST ?= 127.0.0.1
PORT ?= 8050
export DASHBOARD_DB HOST PORT

.PHONY: run serve test test-fast data bench bench-profile ingest template screenshot screenshots plotly-bundle clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## run: serve the app on the demo data at http://$(HOST):$(PORT) (builds the demo database if missing)
run: $(VENV)/.installed
	$(PY) app.py

## serve: production server (gunicorn) on app:server; WORKERS defaults to 2 per core, THREADS to 8 per worker
## (threaded workers: a slow or idle connection holds one thread at most, never a whole worker)
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))
THREADS ?= 8
serve: $(VENV)/.installed
	$(VENV)/bin/gunicorn app:server --preload --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--worker-class gthread --threads $(THREADS) --keep-alive 5 \
		--timeout 30 --graceful-timeout 10 --max-requests 20000 --max-requests-jitter 2000 \
		--access-logfile - --error-logfile -

## test: the whole suite, browser tests in headless Chromium included
test: $(VENV)/.installed
	@.ci/ensure-chromium
	$(PY) -m pytest

## test-fast: the fast tier while working (under a minute): no browser, gunicorn, report drawing or
## other slow tests (those marked slow); `make test` runs them too
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not slow"

## data: build demo data SCALE times larger into DB, e.g. make data SCALE=100 DB=/tmp/bench.duckdb
data: $(VENV)/.installed
	$(PY) -m data.generate --scale $(SCALE) --db $(DB)

## bench: the app as users meet it, at 1x, 10x and 100x demo data (built on first use into
## data/bench-Nx.duckdb): over HTTP against make serve, every callback with selections no cache has
## seen, throughput with 8 clients, first draws in a cold Chromium, slide changes, memory, and the
## same views written with pandas in the callbacks; a table against the targets per scale, then all
## scales side by side; JSON in bench-Nx.json
BENCH_SCALES ?= 1 10 100
bench: $(VENV)/.installed
	@.ci/ensure-chromium
	@for n in $(BENCH_SCALES); do \
		db=data/bench-$${n}x.duckdb; \
		test -f $$db || $(PY) -m data.generate --scale $$n --db $$db || exit 1; \
		$(PY) -m tests.bench --db $$db --json bench-$${n}x.json || exit 1; \
	done
	@$(PY) -m tests.bench --summary $(foreach n,$(BENCH_SCALES),bench-$(n)x.json)

## bench-profile: a profile aid, not what users meet: every callback timed in process (no HTTP),
## caches emptied, e.g. make bench-profile DB=data/bench-100x.duckdb
bench-profile: $(VENV)/.installed
	$(PY) -m tests.bench_profile --db $(DB)

## ingest: import submissions into the served database, e.g. make ingest FILE="a.csv b.xlsx" [SHEET=name] [DRY_RUN=1]
ingest: $(VENV)/.installed
	$(PY) -m dashboard.ingest $(FILE) --db $(DB) $(if $(SHEET),--sheet "$(SHEET)") $(if $(DRY_RUN),--dry-run)

## template: write the empty import template to data/template/ (CSV and xlsx)
template: $(VENV)/.installed
	$(PY) -m dashboard.ingest --template data/template

## screenshot: refresh docs/screenshot.png (serves the app itself, shoots it in headless Chromium)
screenshot: $(VENV)/.installed
	$(PY) -m tests.browser.screenshot docs/screenshot.png "/?sector=24,25,28&kpi=robot_density" 1280x900

## screenshots: refresh docs/screenshots/, every page and slide in nb and en at 1280 and 1920 px (a few minutes)
screenshots: $(VENV)/.installed
	@.ci/ensure-chromium
	$(PY) -m tests.browser.screenshots docs/screenshots

## plotly-bundle: rebuild dashboard/assets/plotly-bundle.min.js, plotly.js with only the trace types the
## figures draw (tools/plotly-bundle/entry.js), at the version Dash's plotly package ships; needs node
## and npm (nothing else does), and fetches plotly.js and esbuild from npm into a temporary folder
plotly-bundle: $(VENV)/.installed
	tools/plotly-bundle/build.sh "$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')" \
		dashboard/assets/plotly-bundle.min.js

clean:
	rm -rf $(VENV) data/*.duckdb .pytest_cache
