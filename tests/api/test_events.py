"""/api/v1/events/: the events page's filters, dates and times, details, leaks, bad input, cost."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.models import Status
from meetings.api import EventSerializer
from meetings.models import Event, EventStatus
from tests.documents import world as documents_world
from tests.meetings.builders import TODAY, event
from tests.meetings.conftest import world_nodes

from .conftest import assert_list_is_what_the_serializer_writes, walk

__all__ = ["world_nodes"]  # the meetings tests' fixture, shared
pytestmark = pytest.mark.django_db
LIST = "/api/v1/events/"


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def events(world_nodes):
    n = world_nodes
    return {
        "basel": event(n, title="Basel", slug="basel", start=dt.date(2014, 12, 4), days=2),
        "vienna": event(n, title="Vienna", slug="vienna", start=TODAY, language="de"),
        "summit": event(
            n,
            title="Summit",
            slug="summit",
            start=TODAY + dt.timedelta(days=30),
            meeting_type=n["summits"],
            organiser=n["unit"],
            event_status=EventStatus.POSTPONED,
            status_note="Postponed to the spring.",
        ),
        "draft": event(n, title="Draft", slug="draft", start=TODAY, status=Status.DRAFT),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["summit", "vienna", "basel"]),
        ({"meeting_type": "summit-meetings"}, ["summit"]),
        ({"structure": "secretariat"}, ["summit", "vienna", "basel"]),  # with its units
        ({"structure": "gender"}, ["summit"]),
        ({"year": "2014"}, ["basel"]),
        ({"q": "vienna"}, ["vienna"]),
        ({"language": "de"}, ["vienna"]),
        ({"date_from": TODAY.isoformat()}, ["summit", "vienna"]),  # what is ahead
        ({"date_to": "2014-12-04"}, ["basel"]),
        ({"date_from": "2014-12-05", "date_to": "2014-12-05"}, ["basel"]),  # its second day
    ],
)
def test_filters_are_the_events_pages(api_get, events, query, expected):
    assert slugs(api_get(LIST, query)) == expected


def astana_session(world_nodes, **fields):
    """A timed event in Astana's time zone, in Austria."""
    item = event(
        world_nodes,
        title="Astana session",
        slug="astana",
        start_time=dt.time(10),
        end_time=dt.time(12, 30),
        time_zone="Asia/Almaty",
        **fields,
    )
    item.countries.add(world_nodes["austria"])
    return item


def test_an_event_carries_its_dates_times_zone_status_and_terms(api_get, world_nodes):
    astana_session(
        world_nodes, event_status=EventStatus.CANCELLED, status_note="Cancelled by the host."
    )
    (found,) = api_get(LIST).json()["results"]
    assert found["starts"] == "2026-12-01T10:00:00+05:00"
    assert found["ends"] == "2026-12-01T12:30:00+05:00"
    assert (found["time_zone"], found["event_status"]) == ("Asia/Almaty", "cancelled")
    assert found["status_note"] == "Cancelled by the host."
    assert found["venue"] == {
        "slug": "vienna",
        "name": "Vienna",
        "country": {"slug": "austria", "name": "Austria"},
    }
    assert found["organiser"]["slug"] == "secretariat"
    assert found["countries"] == [{"slug": "austria", "name": "Austria"}]
    assert found["url"] == "http://testserver/events/astana/"
    assert found["calendar_url"] == "http://testserver/events/astana/event.ics"
    whole_day = event(world_nodes, title="Whole day", slug="whole-day", start=TODAY, days=2)
    detail = api_get(f"{LIST}{whole_day.slug}/").json()
    assert (detail["starts"], detail["ends"]) == ("2026-12-01", "2026-12-02")


def test_detail_adds_agenda_documents_sessions_and_releases_but_nothing_hidden(
    api_get, world_nodes
):
    from tests.press import workflow_world as world

    conference = event(
        world_nodes,
        title="Conference",
        slug="conference",
        agenda="<ol><li><p>Opening</p></li></ol><script>alert(1)</script>",
    )
    event(world_nodes, title="Open session", slug="open-session", parent=conference)
    event(
        world_nodes, title="Draft session", slug="draft-session", parent=conference, status="draft"
    )
    public = world.release(world_nodes["secretariat"], status=Status.PUBLISHED, slug="advisory")
    draft = world.release(world_nodes["secretariat"], status=Status.DRAFT, slug="embargoed")
    conference.related_releases.add(public, draft)
    decision = documents_world.document(
        world_nodes["secretariat"],
        status=Status.PUBLISHED,
        title="Decision",
        slug="decision",
        files=[("fr", documents_world.pdf())],
    )
    unpublished = documents_world.document(world_nodes["secretariat"], title="Zanzibarleak")
    decision.event_links.create(event=conference, position=1)
    unpublished.event_links.create(event=conference, position=0)
    detail = api_get(f"{LIST}conference/").json()
    assert detail["agenda"] == "<ol><li><p>Opening</p></li></ol>"
    assert [session["slug"] for session in detail["sessions"]] == ["open-session"]
    assert [release["slug"] for release in detail["related_releases"]] == ["advisory"]
    assert detail["documents"] == [  # the library's public documents only, with their files
        {
            "title": "Decision",
            "language": "fr",
            "url": "http://testserver/documents/decision/fr.pdf",
            "page": "http://testserver/documents/decision/",
        }
    ]
    session = api_get(f"{LIST}open-session/").json()
    assert session["parent"]["slug"] == "conference"


def test_a_session_of_a_draft_conference_does_not_name_it(api_get, client, world_nodes):
    secret = event(world_nodes, title="Zanzibarleak summit", slug="secret", status=Status.DRAFT)
    event(world_nodes, title="Side event", slug="side-event", parent=secret)
    assert api_get(f"{LIST}side-event/").json()["parent"] is None
    page = client.get("/events/side-event/").content.decode()
    assert "Zanzibarleak" not in page and "/events/secret/" not in page


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED, Status.UNPUBLISHED]
)
def test_a_hidden_event_is_in_no_list_and_has_no_detail(api_get, world_nodes, status):
    published_at = {"published_at": dt.datetime(2099, 1, 1, tzinfo=dt.UTC)}
    hidden = event(
        world_nodes,
        title="Zanzibarleak",
        slug="zanzibarleak",
        status=status,
        **(published_at if status == Status.SCHEDULED else {}),
    )
    hidden.countries.add(world_nodes["austria"])
    visible = event(world_nodes, title="Visible", slug="visible")
    visible.countries.add(world_nodes["austria"])
    for query in ({}, {"country": "austria"}, {"q": "Zanzibarleak"}, {"page_size": 1}):
        results, _pages = walk(api_get, LIST, query)
        assert "zanzibarleak" not in [item["slug"] for item in results], query
    assert api_get(f"{LIST}zanzibarleak/").status_code == 404


def test_withdrawn_event_has_its_detail_with_the_notice_but_leaves_the_list(api_get, world_nodes):
    event(world_nodes, title="Withdrawn", slug="withdrawn", status=Status.WITHDRAWN)
    assert slugs(api_get(LIST)) == []
    assert api_get(f"{LIST}withdrawn/").status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"meeting_type": "no-such-type"}, "filters"),
        ({"structure": "nowhere"}, "filters"),
        ({"year": "abc"}, "year"),
        ({"year": "99999999999999999999"}, "year"),
        ({"date_from": "2024-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"language": "xx"}, "language"),
        ({"q": "word " * 100}, "q"),
        ({"page_size": "0"}, "page_size"),
        ({"cursor": "%%%"}, "cursor"),
    ],
)
def test_bad_input_is_a_json_400_naming_the_parameter(api_get, events, query, parameter):
    response = api_get(LIST, query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_dates_at_the_ends_of_the_calendar_are_not_a_500(api_get, events):
    assert api_get(LIST, {"date_from": "0001-01-01", "date_to": "9999-12-31"}).status_code == 200


def test_a_walk_sees_every_event_once_in_order(api_get, world_nodes):
    for number in range(7):
        event(world_nodes, title=f"E{number}", slug=f"e{number}", start=TODAY)  # one start date
    results, pages = walk(api_get, LIST, {"page_size": 3})
    assert pages == 3
    assert [item["slug"] for item in results] == [f"e{number}" for number in range(6, -1, -1)]


def _queries(client, url, cold=True):
    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize(
    ("url", "expected", "trees"),
    [
        (LIST, 3, 0),
        (f"{LIST}?page_size=100", 3, 0),
        (f"{LIST}?structure=secretariat&country=austria&q=e", 3, 2),
    ],
)
def test_list_cost_does_not_grow_with_events(client, world_nodes, url, expected, trees):
    def add(first, count):
        for number in range(first, first + count):
            item = event(world_nodes, title=f"Event {number}", slug=f"event-{number}")
            item.countries.add(world_nodes["austria"])
            item.fields_of_work.add(world_nodes["gender"])

    add(0, 3)
    small, _ = _queries(client, url)
    add(3, 40)
    large, sql = _queries(client, url)
    warm, warm_sql = _queries(client, url, cold=False)
    assert large == small, "\n".join(sql)
    # The events (their tags' ids with them), their translations and the generation; after
    # a change, each vocabulary once besides (meeting types, places, structures, fields of
    # work, countries) and each tree filter's slugs: api/plain.py and the filter form keep
    # them until the next change.
    assert warm == expected, "\n".join(warm_sql)
    assert small == warm + 5 + trees, "\n".join(sql)


def test_detail_cost_does_not_grow(client, world_nodes):
    from tests.press import workflow_world as world

    few = event(world_nodes, title="Few", slug="few")
    many = event(world_nodes, title="Many", slug="many")
    for index in range(5):
        event(world_nodes, title=f"Session {index}", slug=f"session-{index}", parent=many)
        many.related_releases.add(world.release(world_nodes["secretariat"], status="published"))
        documents_world.document(
            world_nodes["secretariat"], status="published", files=[("en", b"%PDF-1.4")]
        ).event_links.create(event=many)
    many.countries.add(world_nodes["austria"])
    documents_world.document(
        world_nodes["secretariat"], status="published", files=[("en", b"%PDF-1.4")]
    ).event_links.create(event=few)
    small, _ = _queries(client, f"{LIST}{few.slug}/")
    large, sql = _queries(client, f"{LIST}{many.slug}/")
    assert large == small, "\n".join(sql)
    assert small <= 10, "\n".join(sql)


def test_the_list_is_what_the_event_serializer_writes(api_get, world_nodes, events):
    timed = astana_session(world_nodes, venue=None)
    timed.fields_of_work.add(world_nodes["gender"])
    items = Event.objects.listed().order_by("-start_date", "-id")
    assert_list_is_what_the_serializer_writes(api_get, LIST, EventSerializer, items)
