"""Right after a change, one request at a time renders a page while the others get its previous
copy, for a bounded time only; one visitor after another always gets the new content.

The lock is taken as another worker would take it (``look_up_page`` on a request of its own);
the page is a view that counts its renders (``ROOT_URLCONF`` = this module).
"""

import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path

from osce_cms import regeneration_lock
from osce_cms.caching import bump_generation, current_generation, look_up_page, store_page

renders = []
answer_privately = []


def counted(request):
    renders.append(request.path)
    response = HttpResponse(f"<p>render {len(renders)}</p>")
    if answer_privately:
        response["Cache-Control"] = "private"
    return response


urlpatterns = [path("counted/", counted)]


@pytest.fixture
def counted_page(page_cache, settings, client):
    settings.ROOT_URLCONF = __name__
    settings.PAGE_CACHE_STALE_SECONDS = 20
    renders.clear()
    answer_privately.clear()
    assert client.get("/counted/").text == "<p>render 1</p>"
    assert client.get("/counted/").text == "<p>render 1</p>"  # from the cache
    assert len(renders) == 1
    return "/counted/"


def take_lock(url):
    """What another worker does first when it finds the previous generation's copy."""
    page = look_up_page(RequestFactory().get(url))
    assert page.lock and page.response is None
    return page


def test_while_one_request_regenerates_the_others_get_the_previous_copy(
    counted_page, client, committed
):
    with committed():
        bump_generation()
    holder = take_lock(counted_page)

    # No stampede: nobody else renders while the page is being regenerated.
    for _ in range(5):
        assert client.get(counted_page).text == "<p>render 1</p>"
    assert len(renders) == 1

    request = RequestFactory().get(counted_page)
    store_page(request, holder, HttpResponse("<p>regenerated</p>"))
    assert client.get(counted_page).text == "<p>regenerated</p>"
    assert len(renders) == 1


def test_the_previous_copy_is_served_for_a_bounded_time_only(
    counted_page, client, committed, settings
):
    with committed():
        bump_generation()
    _value, changed_at = current_generation()
    _holder = take_lock(counted_page)  # and never let go, as a worker that hangs

    window = timedelta(seconds=settings.PAGE_CACHE_STALE_SECONDS)
    with time_machine.travel(changed_at + window - timedelta(seconds=1), tick=False):
        assert client.get(counted_page).text == "<p>render 1</p>"
    with time_machine.travel(changed_at + window + timedelta(seconds=1), tick=False):
        assert client.get(counted_page).text == "<p>render 2</p>"
        assert client.get(counted_page).text == "<p>render 2</p>"
    assert len(renders) == 2


def test_one_visitor_after_another_gets_the_new_content_at_once(counted_page, client, committed):
    with committed():
        bump_generation()
    assert client.get(counted_page).text == "<p>render 2</p>"
    with committed():
        bump_generation()
    assert client.get(counted_page).text == "<p>render 3</p>"
    assert client.get(counted_page).text == "<p>render 3</p>"


def test_a_regeneration_that_cannot_be_stored_gives_the_lock_back(counted_page, client, committed):
    assert client.get(f"{counted_page}?other").text == "<p>render 2</p>"
    with committed():
        bump_generation()
    # The other page takes the lock, answers privately (not stored) and must give the lock back
    answer_privately.append(True)
    assert client.get(f"{counted_page}?other").text == "<p>render 3</p>"
    answer_privately.clear()
    # ... so the next page's request regenerates it at once instead of waiting out the window.
    assert client.get(counted_page).text == "<p>render 4</p>"


def test_a_page_without_a_previous_copy_is_rendered_at_once(counted_page, client, committed):
    with committed():
        bump_generation()
    _holder = take_lock(counted_page)
    assert client.get(f"{counted_page}?new").text == "<p>render 2</p>"


@pytest.mark.parametrize("page_cache", ["locmem"], indirect=True)
def test_with_local_memory_the_lock_is_the_machines(counted_page, client, committed):
    """Each worker has its own local-memory cache: the lock is a file lock that every worker
    process of the machine sees; when its holder dies, the kernel gives it back."""
    with committed():
        bump_generation()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
            regeneration_lock._lock_path(),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline() == "held\n"
        assert client.get(counted_page).text == "<p>render 1</p>"  # the previous copy
    finally:
        worker.kill()
        worker.wait()
    assert client.get(counted_page).text == "<p>render 2</p>"
