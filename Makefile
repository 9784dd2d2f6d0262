# The Local Offer portal. `make run` serves it; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# CI sets this to run the suite a second time on PostgreSQL.
TEST_DATABASE_URL ?=
# pytest-xdist processes for the suite (each with its own test database); 0 runs it in one.
TEST_WORKERS ?= 2

.PHONY: run install frontend migrate content static serve test test-sqlite test-postgres lint screenshots bench wrk audit clean

run: install frontend migrate content static serve

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

frontend: node_modules/.package-lock.json
	npm run --silent build

migrate: install
	$(PY) manage.py migrate --noinput

content: install
	$(PY) manage.py load_local_offer

static: install frontend
	$(PY) manage.py collectstatic --noinput --verbosity 0

serve:
	@echo "Serving the Local Offer portal on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: checks, lint (ruff check and ruff format --check), then the tests on SQLite
# and, when TEST_DATABASE_URL is set (CI sets it), again on PostgreSQL.
test: install frontend
	DJANGO_SETTINGS_MODULE=localoffer.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=localoffer.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) lint
	$(MAKE) test-sqlite
	@if [ -n "$(TEST_DATABASE_URL)" ]; then $(MAKE) test-postgres; else echo "TEST_DATABASE_URL not set: skipping the PostgreSQL run."; fi

test-sqlite: install frontend
	env -u DATABASE_URL $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test-postgres: install frontend
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

# Screenshots of every page type and state at 320 and 1280 px, in test-artifacts/screenshots/
# (the browser tests take them only when asked: they are for people to look at).
screenshots: install frontend
	env -u DATABASE_URL TEST_SCREENSHOTS=1 $(PY) -m pytest -m browser

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# `make bench`: search speed with 10,000 generated guidance pages (search_bench), 'Find support'
# and the Open Referral /services with 1,000 services (services_bench, docs/directory.md), then
# pages under load (page_bench: gunicorn with production settings, 2 sync workers, Redis,
# measured with wrk; installed here if missing) on the same database: the shipped content plus
# the generated pages. On a throwaway SQLite file and, when BENCH_DATABASE_URL is set (a
# PostgreSQL database of its own; it is dropped and re-created), on PostgreSQL. Needs Redis on
# BENCH_REDIS_URL (the bench's keys get a prefix of their own and are deleted after).
# See docs/search.md and docs/operations.md.
BENCH_PAGES ?= 10000
BENCH_SERVICES ?= 1000
BENCH_SQLITE := /tmp/localoffer_bench.sqlite3
BENCH_DATABASE_URL ?=
BENCH_PORT ?= 8013
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/9
PAGE_BENCH := $(PY) manage.py page_bench --port $(BENCH_PORT) --redis-url $(BENCH_REDIS_URL)
bench: install frontend wrk
	$(PY) manage.py collectstatic --noinput --verbosity 0
	rm -f $(BENCH_SQLITE)
	DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) manage.py load_local_offer -v0
	DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) manage.py search_bench --pages $(BENCH_PAGES)
	DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) manage.py services_bench --services $(BENCH_SERVICES)
	DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PAGE_BENCH)
	@if [ -n "$(BENCH_DATABASE_URL)" ]; then \
		psql "$$(dirname $(BENCH_DATABASE_URL))/postgres" -qc "DROP DATABASE IF EXISTS $$(basename $(BENCH_DATABASE_URL)) WITH (FORCE)" && \
		psql "$$(dirname $(BENCH_DATABASE_URL))/postgres" -qc "CREATE DATABASE $$(basename $(BENCH_DATABASE_URL))" && \
		DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0 && \
		DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py load_local_offer -v0 && \
		DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py search_bench --pages $(BENCH_PAGES) && \
		DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py services_bench --services $(BENCH_SERVICES) && \
		DATABASE_URL=$(BENCH_DATABASE_URL) $(PAGE_BENCH); \
	else echo "BENCH_DATABASE_URL not set: skipping PostgreSQL."; fi

# Debian's wrk, the load tool page_bench drives.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; fi; }

# The security team's scans (not part of `make test`): check --deploy, Mozilla's HTTP
# Observatory, 10,000 hostile inputs and 200 clients for 60 s, against a throwaway copy of the
# site over TLS on 127.0.0.1:$(AUDIT_PORT). See docs/security.md.
AUDIT_PORT ?= 8115
audit: install frontend wrk
	AUDIT_PORT=$(AUDIT_PORT) PY=$(PY) localoffer/audit/run.sh

clean:
	rm -rf $(VENV) node_modules static_build staticfiles
