"""E-mail alerts of the events listing: a journalist follows "Ministerial Council meetings of the
Secretariat" and is told about each newly announced one, over a real SMTP server and the
worker, never about drafts or other meetings."""

import datetime as dt

import pytest
from django.http import QueryDict

from alerts import matching, registry, subscriptions
from alerts.models import Delivery, Frequency, Subscriber, Subscription
from editorial import workflow
from editorial.models import Status
from tests.meetings.builders import event
from tests.meetings.conftest import world_nodes
from tests.press import workflow_world as world

from . import smtp
from .conftest import SITE_URL

__all__ = ["world_nodes"]  # the meetings tests' fixture, shared
pytestmark = pytest.mark.django_db
COUNCILS_OF_THE_SECRETARIAT = (
    "kind=events&meeting_type=ministerial-council-meetings&structure=secretariat"
)


@pytest.fixture
def kind():
    return registry.get("events")


def test_the_events_filter_becomes_an_alert_without_its_year(client, world_nodes, kind):
    parsed = kind.parse(QueryDict(f"{COUNCILS_OF_THE_SECRETARIAT}&year=2026&country=atlantis"))
    assert parsed.query == "meeting_type=ministerial-council-meetings&structure=secretariat"
    assert len(parsed.groups) == 2
    notices = [str(notice) for notice in parsed.notices]
    assert "The year is not part of an alert: it tells you about new events." in notices
    assert any("atlantis" in notice for notice in notices)
    html = client.get(f"/alerts/new/?{COUNCILS_OF_THE_SECRETARIAT}&year=2026").content.decode()
    assert "Events of the type Ministerial Council meetings organised by Secretariat" in html
    assert "The year is not part of an alert" in html


def test_the_events_listing_links_to_an_alert_of_its_filter(client, world_nodes):
    page = client.get("/events/?meeting_type=summit-meetings").content.decode()
    assert 'href="/alerts/new/?kind=events&amp;meeting_type=summit-meetings"' in page


def follow(kind, query):
    subscriber = Subscriber.objects.create(email=f"reader-{Subscriber.objects.count()}@example.net")
    return Subscription.objects.create(
        subscriber=subscriber,
        filter=subscriptions.filter_for(kind, kind.parse(QueryDict(query))),
        frequency=Frequency.IMMEDIATE,
        confirmed_at="2026-01-01T00:00Z",
    )


def test_matching_follows_subtrees_types_and_words(kind, world_nodes):
    councils = follow(kind, COUNCILS_OF_THE_SECRETARIAT)
    gender = follow(kind, "kind=events&field_of_work=gender-equality&q=Vienna")
    everything = follow(kind, "kind=events")
    # Organised by a unit under the Secretariat: in its subtree.
    council = event(world_nodes, title="Council in Vienna", organiser=world_nodes["unit"])
    council.fields_of_work.add(world_nodes["gender"])
    summit = event(world_nodes, title="Summit", meeting_type=world_nodes["summits"])
    kosovo = event(world_nodes, title="Council", organiser=world_nodes["mission"])

    def matched(item):
        return set(matching.matching_subscriptions(kind, item).values_list("id", flat=True))

    assert matched(council) == {councils.pk, gender.pk, everything.pk}
    assert matched(summit) == {everything.pk}
    assert matched(kosovo) == {everything.pk}


def test_a_newly_announced_event_is_sent_and_a_draft_or_another_meeting_is_not(
    sign_up, smtp_server, run_tasks, world_nodes, django_capture_on_commit_callbacks
):
    sign_up(COUNCILS_OF_THE_SECRETARIAT, "anna@example.net")
    smtp_server.clear()
    editor = world.user("editor", world_nodes["secretariat"], name="events-editor")

    def announce(title, *, publish=True, **fields):
        item = event(
            world_nodes,
            title=title,
            status=Status.SUBMITTED,
            start=dt.date(2027, 12, 2),
            days=2,
            **fields,
        )
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                workflow.publish(item, editor)
        return item

    council = announce("32nd OSCE Ministerial Council, Vienna 2027", organiser=world_nodes["unit"])
    announce("OSCE Summit", meeting_type=world_nodes["summits"])
    announce("Secret Council", publish=False)
    run_tasks()

    (message,) = smtp_server.to("anna@example.net")
    assert message["Subject"] == f"OSCE: {council.title}"
    text = smtp.text_of(message)
    assert "Vienna, 2 December 2027 – 3 December 2027" in text
    assert f"{SITE_URL}/events/{council.slug}/" in text
    assert Delivery.objects.filter(kind="events").count() == 1
