# The two set-up commands of the README are `make run` and `make test`; both install what they
# need into .venv first, so a fresh clone needs nothing but Python 3.11+ and make.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job: for now, the analysis of an example project (the web app follows).
run: install
	$(VENV)/bin/stuurknop example var/examples --force > /dev/null
	$(VENV)/bin/stuurknop analyse var/examples/ontmoetingsruimte.json

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# SQLite first (the embedded default), then the web tests again on PostgreSQL.
test: lint
	$(VENV)/bin/stuurknop model check
	$(PY) -m pytest -q -m "not postgres"
	scripts/test-postgres

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis
