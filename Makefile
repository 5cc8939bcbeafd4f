# Splot — two commands: `make run` (set up everything and serve on http://127.0.0.1:8000) and
# `make test` (every test). Tests run on SQLite unless SPLOT_TEST_DATABASE_URL names a PostgreSQL
# server (see .ci/run).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(PYTHON) -m uv
HOST ?= 127.0.0.1
PORT ?= 8000
NATIONAL_FACTOR ?= 0.1
SERVICES := directory clients referrals reporting
PY_SUITES := libs/common/tests $(addprefix services/,$(addsuffix /tests,$(SERVICES))) apps/embedded/tests tests
# The browser test (tests/e2e) and the black-box security suite (tests/security) are not among the
# suites: `make test-e2e` and `make test-security` run them, once each (CI runs test-python twice,
# on PostgreSQL and on SQLite; both run against the embedded server on its own SQLite files).
PY_SUITES_IGNORE := --ignore=tests/e2e --ignore=tests/security --ignore=tests/guide
CHROMIUM ?= /usr/bin/chromium

.PHONY: .uv-installed client help install install-python install-frontend frontend run test test-python test-frontend \
        test-e2e test-security test-sdk test-guide sdk chromium test-cross openapi check-openapi lint format bench clean validate-deploy

help:
	@echo "make run      install, migrate, seed demo data, serve SPA + APIs on http://$(HOST):$(PORT)"
	@echo "make test     run every test (Python suites, contract checks, frontend tests, the browser test)"
	@echo "make test-e2e only the end-to-end test in Chromium (screenshots in test-results/e2e/)"
	@echo "make test-security  only the black-box security suite against the embedded server"
	@echo "make test-guide  only the integrator guide's examples (docs/integration.md) against the embedded server"
	@echo "make test-sdk  only the Python SDK's tests against the embedded server"
	@echo "make sdk      regenerate the Python SDK's generated part (sdk/python) from openapi/*.json"
	@echo "make openapi  regenerate openapi/*.json from the code (then make client for the SPA's types)"
	@echo "make lint     ruff and mypy, ESLint and Prettier (frontend), Spectral over openapi/*.json"
	@echo "make bench    issue #17's benchmarks on a private PostgreSQL, ratios to a yardstick (docs/benchmarks.md)"

.uv-installed:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" \
	  || $(PYTHON) -m pip install --quiet --disable-pip-version-check --user --break-system-packages "uv==$(UV_VERSION)"

.venv/.installed: | .uv-installed
.venv/.installed: uv.lock pyproject.toml libs/common/pyproject.toml $(wildcard services/*/pyproject.toml) apps/embedded/pyproject.toml sdk/python/pyproject.toml sdk/connector/pyproject.toml
	$(UV) sync --all-packages --frozen
	@touch $@

install-python: .venv/.installed

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

install-frontend: frontend/node_modules/.installed

frontend/dist/index.html: frontend/node_modules/.installed $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)
	cd frontend && npm run build

frontend: frontend/dist/index.html

install: install-python install-frontend

# `make run DEMO=national`: the synthetic country (a tenth of it; NATIONAL_FACTOR=1 for all of it) on a
# private PostgreSQL kept in var/national-pg (infra/ops/national.sh; see docs/operations.md).
run: install frontend
ifeq ($(DEMO),national)
	UV="$(UV)" NATIONAL_FACTOR="$(NATIONAL_FACTOR)" infra/ops/national.sh --host $(HOST) --port $(PORT)
else
	$(UV) run splot-embedded run --host $(HOST) --port $(PORT)
endif

test: test-python test-frontend test-security test-e2e test-sdk test-guide

test-python: install-python
	@set -e; for suite in $(PY_SUITES); do \
	  echo "== $$suite"; \
	  $(UV) run pytest $$suite -q -p no:cacheprovider $(PY_SUITES_IGNORE); \
	done

# The closed loop PUP → OPS → NGO in Debian's Chromium against the embedded server (its own
# temporary SQLite databases, a free port); screenshots and axe results in test-results/e2e/.
test-e2e: install-python install-frontend frontend chromium
	CHROMIUM=$(CHROMIUM) $(UV) run pytest tests/e2e -q -p no:cacheprovider

# Attacks through HTTP on the embedded server (make run's, with fresh databases and production's
# webhook guards): role grants, merges, sensitive data, SSRF, sign-in throttling, revoked tokens,
# rate limits, input that must never be a 500, exports (see docs/security.md).
test-security: install-python
	$(UV) run pytest tests/security -q -p no:cacheprovider

# The Python SDK (sdk/python) and the reference connector (sdk/connector) against the embedded
# server (one for the session), once: not in test-python's two passes.
test-sdk: install-python
	$(UV) run pytest sdk/python/tests sdk/connector/tests -q -p no:cacheprovider

# The integrator guide (docs/integration.md) runs as written against the embedded server: every
# python block in order, and the quick start's script.
test-guide: install-python
	$(UV) run pytest tests/guide -q -p no:cacheprovider

# Chromium for the browser test: Debian's package, installed when missing and we are root
# (CHROMIUM=/path/to/chromium for another build).
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$(CHROMIUM)" = /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium (apt-get install chromium)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }; \
	  fi; \
	  if [ ! -x "$(CHROMIUM)" ]; then \
	    echo "Chromium not found at $(CHROMIUM): install it (as root: apt-get install chromium) or set CHROMIUM=/path/to/chromium" >&2; \
	    exit 1; \
	  fi; \
	fi

test-frontend: install-frontend
	cd frontend && npm test
	cd frontend && npm run check:api
	cd frontend && npm run check:map
	cd frontend && npm run build && npm run size

client: install-frontend
	cd frontend && npm run generate:api

openapi: install-python
	$(UV) run python -m splot.embedded.openapi write

check-openapi: install-python
	$(UV) run python -m splot.embedded.openapi check
	$(UV) run python sdk/python/generate.py check

# The SDK's generated part from the contracts (after make openapi).
sdk: install-python
	$(UV) run python sdk/python/generate.py write

lint: install-python install-frontend
	$(UV) run ruff check libs services apps tests infra sdk docs/examples
	$(UV) run ruff format --check libs services apps tests infra sdk docs/examples
	$(UV) run mypy -p splot.common -p splot.directory -p splot.clients -p splot.referrals -p splot.reporting -p splot.embedded -p splot_sdk -p splot_connector
	$(UV) run mypy tests/bench
	cd frontend && npm run lint
	cd frontend && npm run format:check
	cd frontend && npm run lint:api

format: install-python install-frontend
	$(UV) run ruff format libs services apps tests infra sdk docs/examples
	$(UV) run ruff check --fix libs services apps tests infra sdk docs/examples
	cd frontend && npm run format

# Issue #17's benchmarks on a private PostgreSQL (port 55434), with the yardstick in the same run;
# prints the table and writes docs/benchmarks.md. Reports, never fails on a number. Options:
# BENCH_SECONDS, BENCH_SCALE, BENCH_ONLY=transition,lookup,signin,ingestion,aggregate,import,curves
# (see tests/README.md). Not part of make test or CI.
bench: install-python
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing wrk (apt-get install wrk)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; }; \
	  fi; \
	  command -v wrk >/dev/null || { echo "wrk not found: install it (as root: apt-get install wrk)" >&2; exit 1; }; \
	fi
	$(UV) run python -m tests.bench

validate-deploy:
	infra/ci/validate-deploy.sh

clean:
	rm -rf var .venv frontend/node_modules frontend/dist
