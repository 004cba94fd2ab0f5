"""Production settings plus the benchmark's ceiling page; used only by `make bench`."""

from osce_cms.settings.prod import *  # noqa: F403
from osce_cms.settings.prod import (
    BASE_DIR,
    DATABASES,
    PAGE_CACHE_EXCLUDED_PREFIXES,
    REST_FRAMEWORK,
    TEMPLATES,
)

ROOT_URLCONF = "tests.bench.urls"
# The ceiling measures Django itself: no page cache, no generation query.
PAGE_CACHE_EXCLUDED_PREFIXES = [*PAGE_CACHE_EXCLUDED_PREFIXES, "/bench-ceiling/"]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests/bench/templates"]}]
# PostgreSQL's JIT compiles every query of more than trivial cost, adding tens of milliseconds to
# queries that run in a few; short web queries are faster without it (see docs/deployment.md).
DATABASES = {
    **DATABASES,
    "default": {**DATABASES["default"], "OPTIONS": {"options": "-c jit=off"}},
}
# wrk is one client at thousands of requests a minute: the API's rate limit would answer 429s.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"client": "1000000/minute", "key": "1000000/minute"},
}
