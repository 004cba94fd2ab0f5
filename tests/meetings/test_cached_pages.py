"""With the page cache on, every change to an event shows on the next request: its page, the
listing, its meeting type's page and the home page (as tests/test_caching.py holds for
releases)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from editorial import workflow
from editorial.models import Status

from ..press import workflow_world as world
from .builders import TODAY, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(world_nodes):
    return world.user("editor", world_nodes["secretariat"])


def pages(world_nodes, item):
    return ["/", "/events/", world_nodes["councils"].get_absolute_url(), item.get_absolute_url()]


def test_publishing_and_editing_an_event_show_on_the_next_request(
    page_cache, client, committed, world_nodes, editor, time_machine
):
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    item = event(
        world_nodes,
        title="Newly announced council",
        start=TODAY + dt.timedelta(days=20),
        status=Status.SUBMITTED,
    )
    for url in pages(world_nodes, item)[:3]:
        assert "Newly announced council" not in client.get(url).text, url
    with committed():
        workflow.publish(item, editor)
    for url in pages(world_nodes, item):
        assert "Newly announced council" in client.get(url).text, url

    item.refresh_from_db()
    item.title = "Council moved to Vienna"
    with committed():
        workflow.save_edit(item, editor, expected_version=item.version)
    for url in pages(world_nodes, item):
        assert "Council moved to Vienna" in client.get(url).text, url

    with committed():
        workflow.unpublish(item, editor)
    assert client.get(item.get_absolute_url()).status_code == 410
    for url in pages(world_nodes, item)[:3]:
        assert "Council moved to Vienna" not in client.get(url).text, url


def test_a_scheduled_event_appears_exactly_on_time_with_no_write(
    page_cache, client, committed, world_nodes, editor
):
    due = timezone.now().replace(microsecond=0) + dt.timedelta(minutes=5)
    item = event(world_nodes, title="Embargoed council", status=Status.SUBMITTED)
    with committed():
        workflow.schedule(item, editor, when=due)
    with time_machine.travel(due - dt.timedelta(seconds=1), tick=False):
        assert "Embargoed council" not in client.get("/events/").text
        assert "Embargoed council" not in client.get("/events/").text  # cached now
        assert client.get(item.get_absolute_url()).status_code == 404
    with time_machine.travel(due, tick=False):
        assert "Embargoed council" in client.get("/events/").text
        assert client.get(item.get_absolute_url()).status_code == 200
