# osce_cms: `make run` serves the demo site (and runs the task worker beside it), `make test`
# runs every test.
# Installs come from uv.lock (exact versions and hashes) through uv; `make lock` refreshes it.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The worker of the configured task queue (settings: TASKS_QUEUE).
ifeq ($(TASKS_QUEUE),redis)
WORKER := run_redis_tasks
else
WORKER := db_worker --no-reload
endif
# pytest-xdist workers for `make test`: one per core by default, 0 runs serially.
PYTEST_WORKERS ?= auto

# uv itself is pinned and installed from PyPI into .tools/ (never downloaded from elsewhere);
# it uses the Python found below and never downloads one.
UV_VERSION := 0.13.8
UV ?= .tools/uv-$(UV_VERSION)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

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

.PHONY: run test lint hooks lock lock-upgrade lock-check install install-dev bench soak clean

# Sets $$py to that Python, or stops with what to do.
define need_python
py="$$($(find_python))" || { \
  echo "No Python >= 3.12 found. Install one, or run: make PYTHON=/path/to/python3.12 run" >&2; exit 1; }
endef

$(UV):
	@$(need_python); \
	echo "Installing uv $(UV_VERSION) into .tools/ with $$py"; \
	"$$py" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
	  --target .tools/uv-$(UV_VERSION) uv==$(UV_VERSION) || { \
	  echo "Could not install uv with $$py -m pip: install uv and pass UV=/path/to/uv" >&2; exit 1; }

$(PY): | $(UV)
	@$(need_python); \
	echo "Creating $(VENV) with $$py"; \
	$(UV) venv --quiet --python "$$py" $(VENV)

# uv sync takes a fraction of a second when nothing changed, so every target runs it: the
# environment always matches uv.lock. --locked refuses a lock that disagrees with pyproject.toml.
STALE_LOCK := { echo "uv failed; if uv.lock disagrees with pyproject.toml, run 'make lock' and commit uv.lock" >&2; exit 1; }

# Optional extras of pyproject.toml to install too; the Redis queue's when TASKS_QUEUE=redis.
EXTRAS ?= $(if $(filter redis,$(TASKS_QUEUE)),redis-queue)
SYNC := $(UV) sync --quiet --locked $(addprefix --extra ,$(EXTRAS))

install: $(PY)
	@$(SYNC) --no-dev --inexact || $(STALE_LOCK)

install-dev: $(PY)
	@$(SYNC) || $(STALE_LOCK)

run: install
	@export DEBUG=1 SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_demo --newsroom && \
	$(PY) manage.py ensure_admin && \
	echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)" && \
	{ $(PY) manage.py $(WORKER) & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver $(HOST):$(PORT); }

# pytest's exit 5 means it collected no test: a failure too, said in words.
test: install-dev
	@status=0; $(PY) -m pytest --numprocesses $(PYTEST_WORKERS) $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no test: nothing was tested" >&2; fi; \
	exit $$status

# Every pre-commit hook on every file (.pre-commit-config.yaml): ruff check and format,
# django-upgrade, djLint, pyproject-fmt, validate-pyproject, the lock check. Fixes in place
# what it can, and fails when it changed or found anything.
lint: install-dev
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

# The same checks as a git hook, before every commit.
hooks: install-dev
	$(VENV)/bin/pre-commit install

# After editing the dependencies in pyproject.toml: keeps every other pin, resolves what changed.
# pyproject-fmt first (when .venv has it), so a dependency added anywhere lands sorted.
lock: | $(PY)
	@[ ! -x $(VENV)/bin/pyproject-fmt ] || $(VENV)/bin/pyproject-fmt pyproject.toml >/dev/null || true
	$(UV) lock

# Every dependency to the newest release the ranges in pyproject.toml allow.
lock-upgrade: | $(PY)
	$(UV) lock --upgrade

# Fails when uv.lock and pyproject.toml disagree (CI runs it).
lock-check: | $(PY)
	@$(UV) lock --check || $(STALE_LOCK)

bench: install-dev
	$(PY) -m tests.bench.run
	$(PY) -m tests.bench.alerts

# 32 clients for 60 s on the public pages, gunicorn + PostgreSQL (SOAK_DATABASE_URL).
soak: install-dev
	$(PY) -m tests.bench.soak

clean:
	rm -rf $(VENV) .tools .pytest_cache .ruff_cache staticfiles .test-media
