# The two set-up commands of the README are `make run` and `make test`; both install what they
# need into .venv first, so a fresh clone needs nothing but Python 3.11+ and make.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install oidc-provider run test browser lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The OpenID Connect provider the single sign-on tests start (node-oidc-provider 8, the last
# major that runs on Node.js 20), from the npm registry into tests/oidc by its lock file.
# Only the tests need it (and Node.js): `make run` does not.
OIDC_STAMP := tests/oidc/node_modules/.installed-stamp
$(OIDC_STAMP): tests/oidc/package-lock.json
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error
	touch $(OIDC_STAMP)

oidc-provider: $(OIDC_STAMP)

# The main job: the web app with demo organisations, users and the example projects, on the
# embedded SQLite database in var/ (PORT=8001 make run for another port).
PORT ?= 8000
run: install
	$(VENV)/bin/stuurknop demo --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# SQLite first (the embedded default; the browser tests in tests/browser run here too, in
# /usr/bin/chromium), then the web and browser tests again on PostgreSQL.
test: lint oidc-provider
	$(VENV)/bin/stuurknop model check
	$(PY) -m pytest -q -m "not postgres"
	scripts/test-postgres

# Only the browser tests (Playwright + Debian's Chromium + axe-core); screenshots of every main
# page land in var/screenshots/.
browser: install oidc-provider
	$(PY) -m pytest -q -m browser tests/browser

# The page benchmark drives gunicorn with wrk (installed with apt when missing and root).
bench: install
	-scripts/apt-ensure /usr/bin/wrk wrk
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis
