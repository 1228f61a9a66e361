# policy_kb: the README's commands. `make run` serves the site; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null || ls $(HOME)/.pyenv/versions/3.12.*/bin/python3.12 2>/dev/null | head -n1 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install node messages db run serve test test-sqlite test-postgres lint format check-deploy bench bench-postgres bench-search clean

help:
	@echo "make run     set up everything and serve the site at http://$(HOST):$(PORT)/"
	@echo "make test    lint, migrations check, the test suite on SQLite and on a throwaway PostgreSQL"
	@echo "make serve   production mode (gunicorn, DEBUG off); needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS"
	@echo "make bench   every page type at the real size and at 100 times it, in process and under gunicorn (README, Performance)"

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x "$(PY)" || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(VENV)/.installed

# The page checkers (Nu Html Checker, axe-core) for tests/site/test_page_checks.py; npm's own install scripts
# are not run (vnu-jar's would fetch a Java runtime: Java comes from Debian, see .ci/run).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

node: node_modules/.package-lock.json

# Compiled catalogues are build output (.mo files are not committed).
messages: install
	@$(MANAGE) compilemessages --ignore=.venv --verbosity 0

db: messages
	$(MANAGE) migrate --no-input --verbosity 0
	$(MANAGE) load_kb

run: db
	$(MANAGE) collectstatic --no-input --verbosity 0
	@echo "Serving http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

serve: messages
	DJANGO_PRODUCTION=1 $(MANAGE) check --deploy --fail-level WARNING
	DJANGO_PRODUCTION=1 $(MANAGE) migrate --no-input
	DJANGO_PRODUCTION=1 $(MANAGE) load_kb
	DJANGO_PRODUCTION=1 $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_PRODUCTION=1 $(VENV)/bin/gunicorn policy_kb.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: messages lint node
	$(MANAGE) makemigrations --check --dry-run --verbosity 1
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: messages node
	$(PY) -m pytest

test-postgres: messages
	$(PY) tests/with_postgres.py -- $(PY) -m pytest -m "not browser and not server"

check-deploy: messages
	DJANGO_PRODUCTION=1 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-check-only-$$RANDOM$$RANDOM$$RANDOM-not-a-real-key-0123456789abcdef} \
		DJANGO_ALLOWED_HOSTS=policy-kb.example $(MANAGE) check --deploy --fail-level WARNING

bench: messages
	$(PY) bench/pages.py

bench-postgres: messages
	$(PY) tests/with_postgres.py -- $(PY) bench/pages.py

bench-search: messages
	$(PY) bench/search_bench.py

clean:
	rm -rf $(VENV) node_modules staticfiles var .pytest_cache .ruff_cache
