"""A media advisory and its meeting: the release page shows the public events that name it."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.models import Status
from osce_cms.caching import current_generation
from press.models import Kind, PressRelease

from .builders import TODAY, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisory(world_nodes):
    return PressRelease.objects.create(
        title="Media advisory: Ministerial Council in Vienna",
        lead="Accreditation is open.",
        source=world_nodes["secretariat"],
        kind=Kind.MEDIA_ADVISORY,
        status=Status.PUBLISHED,
        published_at=timezone.now() - dt.timedelta(days=2),
    )


def page(client, release):
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_media_advisory_shows_the_meeting_it_announces(client, world_nodes, advisory):
    council = event(world_nodes, title="Ministerial Council 2026", start=TODAY)
    council.related_releases.add(advisory)
    html = page(client, advisory)
    section = html[html.index('class="release__events"') :]
    assert '<h2 id="release-events-title">About the event</h2>' in section
    assert f'<a href="{council.get_absolute_url()}">Ministerial Council 2026</a>' in section
    assert '<p class="release__kind">Media advisory</p>' in html


def test_events_not_public_are_not_shown(client, world_nodes, advisory):
    for status in (Status.DRAFT, Status.SUBMITTED, Status.UNPUBLISHED):
        event(world_nodes, title=f"Hidden {status}", status=status).related_releases.add(advisory)
    trashed = event(world_nodes, title="Trashed event")
    trashed.related_releases.add(advisory)
    type(trashed).objects.filter(pk=trashed.pk).update(deleted_at=timezone.now())
    html = page(client, advisory)
    assert "release__events" not in html
    assert "Hidden" not in html and "Trashed event" not in html


def test_several_events_come_soonest_first_at_a_constant_cost(client, world_nodes, advisory):
    def queries():
        current_generation()
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            page(client, advisory)
        return len(captured)

    unnamed = queries()
    later = event(world_nodes, title="Closing session", start=TODAY + dt.timedelta(days=3))
    later.related_releases.add(advisory)
    alone = queries()
    # A release that no event names does not query for its events.
    assert alone == unnamed + 1
    sooner = event(world_nodes, title="Opening session", start=TODAY)
    sooner.related_releases.add(advisory)
    assert queries() == alone
    html = page(client, advisory)
    assert '<h2 id="release-events-title">About the events</h2>' in html
    assert html.index("Opening session") < html.index("Closing session")
