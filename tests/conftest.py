import io
import os
import uuid
from functools import partial

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from taxonomy import trees

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the content generation starts again from 1 in
    each test's database, so values memoized under a generation by an earlier test would match.
    """
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in English: a request to /fr/... leaves French active in the thread
    (LocaleMiddleware activates a language and nothing deactivates it after the response)."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def demo(db):
    """The demo content, as ``manage.py load_demo`` builds it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def make_tree(db):
    """Build a tree through ``taxonomy.trees``: ``make_tree(model, depth=, width=, prefix=)``.

    Returns the nodes in creation order: a chain ``depth`` deep from one root, and ``width``
    children under that root.
    """

    def build(model, depth=1, width=0, prefix="n", **fields):
        root = trees.create_node(model, name=f"{prefix} root", slug=f"{prefix}-root", **fields)
        nodes, parent = [root], root
        for level in range(1, depth):
            parent = trees.create_node(
                model, parent, name=f"{prefix} level {level}", slug=f"{prefix}-l{level}", **fields
            )
            nodes.append(parent)
        for index in range(width):
            nodes.append(
                trees.create_node(
                    model, root, name=f"{prefix} child {index}", slug=f"{prefix}-c{index}", **fields
                )
            )
        return nodes

    return build


@pytest.fixture
def run_tasks(monkeypatch, django_capture_on_commit_callbacks):
    """``run_tasks()`` runs the database queue's worker in this process until no task is ready
    now (as the clock says, time_machine included), then returns.

    The worker closes "old" connections between tasks; inside a test's transaction (and with a
    travelling clock) that would close the test's own connection, so it is kept open here. What
    the tasks do after commit (enqueue more tasks, send mail) runs as it would, and the tasks
    they enqueue are run too.
    """
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        for _ in range(20):
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                call_command(
                    "db_worker",
                    "--batch",
                    "--no-startup-delay",
                    "--no-reload",
                    stdout=io.StringIO(),
                )
            if not callbacks:
                return
        raise AssertionError("tasks kept enqueueing tasks")

    return run


@pytest.fixture(
    params=[
        "locmem",
        pytest.param(
            "redis", marks=pytest.mark.skipif(not REDIS_TEST_URL, reason="REDIS_TEST_URL not set")
        ),
    ]
)
def page_cache(request, settings, db):
    """The page cache switched on, in a cache of its own (a fresh key prefix on Redis)."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 3600
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "osce_cms.cache.ResilientRedisCache",  # as in production
                "LOCATION": REDIS_TEST_URL,
                "KEY_PREFIX": prefix,
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": prefix,
            }
        }
    yield request.param
    if request.param == "redis":
        import redis

        client = redis.Redis.from_url(REDIS_TEST_URL)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context in which writes behave as if committed: on-commit callbacks run at its end."""
    return partial(django_capture_on_commit_callbacks, execute=True)
