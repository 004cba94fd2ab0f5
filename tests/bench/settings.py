"""Production settings plus the benchmark's ceiling page; used only by `make bench`."""

from osce_cms.settings.prod import *  # noqa: F403
from osce_cms.settings.prod import BASE_DIR, PAGE_CACHE_EXCLUDED_PREFIXES, TEMPLATES

ROOT_URLCONF = "tests.bench.urls"
# The ceiling measures Django itself: no page cache, no generation query.
PAGE_CACHE_EXCLUDED_PREFIXES = [*PAGE_CACHE_EXCLUDED_PREFIXES, "/bench-ceiling/"]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests/bench/templates"]}]
