"""An event's addresses over its life (old slugs, unpublishing), where a hidden event never
shows, the event page's query budget, and the admin's answers to bad input."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from icalendar import Calendar

from editorial import workflow
from editorial.models import Status
from meetings.models import Event
from taxonomy import trees
from taxonomy.models import Structure

from ..documents import world as documents_world
from ..press import workflow_world as world
from .builders import TODAY, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(world_nodes):
    return world.user("editor", world_nodes["secretariat"])


def test_a_renamed_event_keeps_its_old_address_as_a_permanent_redirect(world_nodes, editor):
    item = event(world_nodes, title="Council", slug="council-2026")
    item.slug = "ministerial-council-2026"
    workflow.save_edit(item, editor, expected_version=item.version)
    response = Client().get("/events/council-2026/")
    assert response.status_code == 301
    assert response["Location"] == "/events/ministerial-council-2026/"
    assert Client().get("/events/ministerial-council-2026/").status_code == 200


def test_an_unpublished_event_is_gone_or_moved_and_its_calendar_with_it(world_nodes, editor):
    item = event(world_nodes, title="Council", slug="council")
    workflow.unpublish(item, editor)
    client = Client()
    response = client.get("/events/council/")
    assert response.status_code == 410
    assert "This event is no longer available" in response.content.decode()
    assert client.get("/events/council/event.ics").status_code == 404
    other = event(world_nodes, title="Summit", slug="summit")
    workflow.unpublish(other, editor, alternative_url="/events/")
    assert client.get("/events/summit/")["Location"] == "/events/"


def test_an_event_unpublished_while_only_scheduled_was_never_public_a_404(world_nodes, editor):
    item = event(world_nodes, title="Embargoed", slug="embargoed", status=Status.SUBMITTED)
    workflow.schedule(item, editor, when=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    workflow.unpublish(Event.objects.get(pk=item.pk), editor)
    assert Client().get("/events/embargoed/").status_code == 404


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.UNPUBLISHED])
def test_a_hidden_event_is_on_no_page_feed_or_calendar(world_nodes, client, status):
    from taxonomy.models import Country, FieldOfWork

    item = event(
        world_nodes,
        title="Zanzibarleak meeting",
        slug="zanzibarleak",
        start=TODAY + dt.timedelta(days=400),
        organiser=world_nodes["unit"],
        status=status,
    )
    item.countries.add(world_nodes["austria"])
    item.fields_of_work.add(world_nodes["gender"])
    pages = [
        "/",
        "/events/",
        "/events/?q=Zanzibarleak",
        "/events/feed/",
        "/events/feed.ics",
        "/events/feed.ics?structure=gender",
        world_nodes["councils"].get_absolute_url(),
        Structure.objects.get(slug="gender").get_absolute_url(),
        Structure.objects.get(slug="secretariat").get_absolute_url(),
        Country.objects.get(slug="austria").get_absolute_url(),
        FieldOfWork.objects.get(slug="gender-equality").get_absolute_url(),
        "/sitemap-events.xml",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code in {200, 404}, page
        assert "Zanzibarleak meeting" not in response.content.decode(), page
        assert "/events/zanzibarleak/" not in response.content.decode(), page
    assert client.get("/events/zanzibarleak/event.ics").status_code == 404
    facets = client.get("/events/").context["facets"]
    assert all(
        item["node"].slug != "gender"
        for facet in facets
        if facet["name"] == "structure"
        for item in facet["items"]
    )


def rich_event(world_nodes, number, *, related):
    """A conference with ``related`` of everything its page shows."""
    item = event(world_nodes, title=f"Conference {number}", slug=f"conference-{number}")
    for index in range(related):
        session = event(
            world_nodes,
            title=f"Session {number}.{index}",
            slug=f"session-{number}-{index}",
            parent=item,
        )
        assert session.parent == item
        item.related_releases.add(
            world.release(world_nodes["secretariat"], status=Status.PUBLISHED)
        )
        item.co_organisers.add(
            trees.create_node(Structure, name=f"Co {number}.{index}", slug=f"co-{number}-{index}")
        )
        decision = documents_world.document(
            world_nodes["secretariat"],
            status=Status.PUBLISHED,
            title=f"Decision {index}",
            files=[("en", b"%PDF-1.4"), ("fr", b"%PDF-1.4")],
        )
        decision.event_links.create(event=item, position=index)
    item.countries.add(world_nodes["austria"])
    item.fields_of_work.add(world_nodes["gender"])
    return item


def test_the_event_page_costs_the_same_queries_however_much_it_shows(
    world_nodes, client, django_assert_max_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    small = rich_event(world_nodes, 1, related=1)
    big = rich_event(world_nodes, 2, related=12)
    client.get(small.get_absolute_url())  # the first request of a database makes its rows
    cache.clear()
    with django_assert_max_num_queries(20) as counted:
        page = client.get(small.get_absolute_url()).content.decode()
    assert "Session 1.0" in page and "Decision 0" in page and "Co 1.0" in page
    cache.clear()
    with django_assert_max_num_queries(len(counted.captured_queries)):
        page = client.get(big.get_absolute_url()).content.decode()
    assert "Session 2.11" in page and "Decision 11" in page and "Co 2.11" in page


def test_the_calendar_feed_costs_the_same_queries_at_any_size(
    world_nodes, client, django_assert_max_num_queries
):
    for number in range(2):
        event(world_nodes, title=f"Council {number}", start=TODAY + dt.timedelta(number))
    client.get("/events/feed.ics")
    with django_assert_max_num_queries(10) as counted:
        client.get("/events/feed.ics")
    for number in range(2, 40):
        event(world_nodes, title=f"Council {number}", start=TODAY + dt.timedelta(number))
    with django_assert_max_num_queries(len(counted.captured_queries)):
        calendar = Calendar.from_ical(client.get("/events/feed.ics").content)
    assert len(calendar.walk("VEVENT")) == 40


# --- The admin ------------------------------------------------------------------------------


def form_data(world_nodes, **changes):
    data = {
        "title": "Gender Conference",
        "slug": "gender-conference",
        "meeting_type": world_nodes["councils"].pk,
        "summary": "Equality in the security sector.",
        "language": "en",
        "start_date": "2027-03-08",
        "start_time": "",
        "end_date": "2027-03-09",
        "end_time": "",
        "time_zone": "Europe/Vienna",
        "organiser": world_nodes["secretariat"].pk,
        "event_status": "scheduled",
        "published_at_0": "2027-01-01",
        "published_at_1": "09:00",
        "document_links-TOTAL_FORMS": "0",
        "document_links-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_an_editor_adds_an_event_as_a_draft_through_the_engine(world_nodes, editor):
    client = Client()
    client.force_login(editor)
    response = client.post("/admin/meetings/event/add/", form_data(world_nodes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = Event.objects.get(slug="gender-conference")
    assert (created.status, created.created_by, created.version) == (Status.DRAFT, editor, 1)
    assert created.revisions.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": "2027-03-07"}, "end_date"),
        ({"start_date": "0001-01-01", "end_date": "0001-01-02"}, "start_date"),
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "2027-13-45"}, "start_date"),
        ({"end_time": "10:00"}, "start_time"),
        ({"end_date": "2027-03-08", "start_time": "12:00", "end_time": "10:00"}, "end_time"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"published_at_0": "1066-10-14"}, "published_at"),
        ({"livestream_url": "javascript:alert(1)"}, "livestream_url"),
    ],
)
def test_bad_input_in_the_admin_is_a_form_error(world_nodes, editor, changes, field):
    client = Client()
    client.force_login(editor)
    response = client.post("/admin/meetings/event/add/", form_data(world_nodes, **changes))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_a_preview_link_shows_a_draft_events_page_privately_and_stops_when_revoked(
    world_nodes, editor
):
    from django.utils import timezone

    from editorial import preview

    item = event(world_nodes, title="Embargoed summit", slug="embargoed", status=Status.DRAFT)
    link = preview.create_link(item, editor, timezone.now() + dt.timedelta(days=2))
    client = Client()
    assert client.get("/events/embargoed/").status_code == 404
    response = client.get(preview.url_for(link))
    assert response.status_code == 200
    assert "Embargoed summit" in response.text and "Add to calendar" in response.text
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    preview.revoke_link(link, editor)
    assert client.get(preview.url_for(link)).status_code == 404
