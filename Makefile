# osce_cms: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP_BASE := $(VENV)/.installed-base
STAMP_DEV := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

# A Python >= 3.12: $(PYTHON) if given, else the first on PATH, else the newest under pyenv.
define find_python
for c in $${PYTHON:-} python3.13 python3.12 python3 \
    $$(ls -d $$(pyenv root 2>/dev/null || echo /nonexistent)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  [ -n "$$c" ] || continue; \
  if "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
    command -v "$$c" || echo "$$c"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: run test lint format bench soak clean

$(PY):
	@py="$$($(find_python))" || { \
	  echo "No Python >= 3.12 found. Install one, or run: make PYTHON=/path/to/python3.12 run" >&2; exit 1; }; \
	echo "Creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

$(STAMP_BASE): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(STAMP_DEV): pyproject.toml $(STAMP_BASE)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(STAMP_BASE)
	@export DEBUG=1; \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_demo && \
	$(PY) manage.py ensure_admin && \
	echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)" && \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP_DEV)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP_DEV)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP_DEV)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP_DEV)
	$(PY) -m tests.bench.run

# 32 clients for 60 s on the public pages, gunicorn + PostgreSQL (SOAK_DATABASE_URL).
soak: $(STAMP_DEV)
	$(PY) -m tests.bench.soak

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles .test-media
