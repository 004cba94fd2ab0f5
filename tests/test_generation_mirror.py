"""With Redis as the cache, a page cache hit reads the content generation from its copy in
Redis, not from the database; the row stays the source of truth (osce_cms/generation_mirror.py).

Runs on a real Redis (``REDIS_TEST_URL``); the local-memory case is the last tests'.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from osce_cms import generation_mirror
from osce_cms.caching import bump_generation, current_generation
from osce_cms.models import ContentGeneration
from tests.conftest import REDIS_TEST_URL

renders = []


def counted(request):
    renders.append(request.path)
    return HttpResponse(f"<p>render {len(renders)}</p>")


urlpatterns = [path("counted/", counted)]


def on(backend):
    """Run the test with the page cache on ``backend`` only."""
    marks = [pytest.mark.parametrize("page_cache", [backend], indirect=True)]
    if backend == "redis":
        marks.append(pytest.mark.skipif(not REDIS_TEST_URL, reason="REDIS_TEST_URL not set"))

    def decorate(test):
        for mark in marks:
            test = mark(test)
        return test

    return decorate


@pytest.fixture
def redis_cache(page_cache, settings):
    settings.ROOT_URLCONF = __name__
    renders.clear()


def mirrored():
    row, _found = generation_mirror.read_with()
    return row


def advance(committed):
    """A committed change to public content; the mirror's copy after it."""
    with committed():
        bump_generation()
    return mirrored()


@on("redis")
def test_a_cache_hit_reads_no_database(redis_cache, client, committed, django_assert_num_queries):
    with committed():
        bump_generation()
    assert client.get("/counted/").text == "<p>render 1</p>"
    with django_assert_num_queries(0):
        assert client.get("/counted/").text == "<p>render 1</p>"


@on("redis")
def test_a_change_is_in_the_mirror_when_its_transaction_commits(redis_cache, client, committed):
    before = advance(committed)
    after = advance(committed)
    row = ContentGeneration.objects.get()
    assert (after.revision, after.value) == (row.revision, row.value)
    assert after.value == before.value + 1
    # ... so the next request renders the page anew.
    client.get("/counted/")
    with committed():
        bump_generation()
    assert client.get("/counted/").text == "<p>render 2</p>"


@on("redis")
def test_a_change_rolled_back_never_reaches_the_mirror(redis_cache, committed):
    before = advance(committed)
    with committed():
        try:
            with transaction.atomic():
                bump_generation()
                raise RuntimeError("the save failed")
        except RuntimeError:
            pass
    assert mirrored() == before


@on("redis")
def test_an_older_row_never_replaces_a_newer_copy(redis_cache, committed):
    """A request that read the row just before a change offers it after the change's copy."""
    old = advance(committed)
    new = advance(committed)
    generation_mirror.offer(old)
    assert mirrored() == new
    assert current_generation() == (new.value, new.changed_at)


@on("redis")
def test_without_a_copy_the_row_is_read_and_copied(
    redis_cache, committed, django_assert_num_queries
):
    with committed():
        bump_generation()
    cache.delete(generation_mirror.MIRROR_KEY)
    cache.delete(f"{generation_mirror.MIRROR_KEY}:revision")
    row = ContentGeneration.objects.get()
    with committed(), django_assert_num_queries(1):
        assert current_generation() == (row.value, row.changed_at)
    assert mirrored().revision == row.revision


@on("redis")
def test_a_copy_whose_next_publication_is_due_is_not_used(redis_cache, committed):
    """A scheduled release goes public on time: the row is read and advanced."""
    with committed():
        bump_generation()
    due = timezone.now() - timedelta(seconds=1)
    # As the schedule's change left the row and its copy (osce_cms.caching.note_schedule_changed).
    ContentGeneration.objects.update(next_due=due, revision=F("revision") + 1)
    copy = generation_mirror.Row(
        *ContentGeneration.objects.values_list("revision", "value", "changed_at", "next_due").get()
    )
    generation_mirror.offer(copy)
    assert mirrored() == copy
    with committed():
        value, _changed_at = current_generation()
    assert value == copy.value + 1
    assert mirrored().value == value


def test_with_redis_down_the_row_is_read(db, settings, committed, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "osce_cms.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with committed():
        bump_generation()
    row = ContentGeneration.objects.get()
    with django_assert_num_queries(1):
        assert current_generation() == (row.value, row.changed_at)


@on("locmem")
def test_with_the_local_memory_cache_every_request_reads_the_row(
    page_cache, settings, client, django_assert_num_queries
):
    settings.ROOT_URLCONF = __name__
    client.get("/counted/")
    with django_assert_num_queries(1):
        client.get("/counted/")


@on("redis")
def test_the_mirror_can_be_switched_off(redis_cache, settings, client, django_assert_num_queries):
    settings.PAGE_CACHE_GENERATION_MIRROR = False
    client.get("/counted/")
    with django_assert_num_queries(1):
        client.get("/counted/")
