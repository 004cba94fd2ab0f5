"""Events: model rules, the listing, the event page, calendars, feeds, taxonomy and home pages."""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from icalendar import Calendar

from editorial.models import Status
from meetings.models import Event, EventStatus

from ..press import workflow_world as world
from .builders import TODAY, event

pytestmark = pytest.mark.django_db


# --- Rules --------------------------------------------------------------------------------------


def test_an_event_cannot_end_before_it_starts(world_nodes):
    item = Event(
        title="Backwards",
        meeting_type=world_nodes["councils"],
        organiser=world_nodes["secretariat"],
        start_date=TODAY,
        end_date=TODAY - dt.timedelta(days=1),
        summary="s",
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_a_same_day_event_cannot_end_before_its_start_time(world_nodes):
    item = Event(
        title="Backwards",
        slug="backwards",
        meeting_type=world_nodes["councils"],
        organiser=world_nodes["secretariat"],
        start_date=TODAY,
        end_date=TODAY,
        start_time=dt.time(15),
        end_time=dt.time(10),
        summary="s",
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "end_time" in error.value.message_dict


def test_times_are_in_the_venues_zone(world_nodes):
    item = event(world_nodes, start_time=dt.time(10), end_time=dt.time(13), time_zone="Asia/Almaty")
    assert item.starts.utcoffset() == dt.timedelta(hours=5)
    assert item.starts.astimezone(dt.UTC).hour == 5


# --- Listing -----------------------------------------------------------------------------------


@pytest.fixture
def dated(world_nodes, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    return {
        "past_old": event(world_nodes, title="Basel Council", start=dt.date(2014, 12, 4), days=2),
        "past_new": event(world_nodes, title="Malta Council", start=dt.date(2024, 12, 5), days=2),
        "running": event(
            world_nodes, title="Running Council", start=TODAY - dt.timedelta(1), days=3
        ),
        "soon": event(
            world_nodes,
            title="Soon Summit",
            start=TODAY + dt.timedelta(3),
            meeting_type=world_nodes["summits"],
        ),
        "later": event(
            world_nodes,
            title="Later Conference",
            start=TODAY + dt.timedelta(40),
            organiser=world_nodes["unit"],
        ),
        "draft": event(
            world_nodes, title="Secret Council", start=TODAY + dt.timedelta(5), status=Status.DRAFT
        ),
    }


def titles(response):
    return [event.title for event in response.context["events"]]


def test_upcoming_events_come_first_soonest_first_then_past_newest_first(dated, client):
    response = client.get("/events/")
    assert response.status_code == 200
    assert titles(response) == [
        "Running Council",
        "Soon Summit",
        "Later Conference",
        "Malta Council",
        "Basel Council",
    ]
    page = response.content.decode()
    assert page.index("Upcoming events") < page.index("Soon Summit") < page.index("Past events")
    assert "Secret Council" not in page


def test_filters_use_subtrees_and_keep_facet_counts(dated, world_nodes, client):
    response = client.get("/events/?structure=secretariat")
    assert "Later Conference" in titles(response)  # organised by a unit under the Secretariat
    response = client.get("/events/?meeting_type=summit-meetings")
    assert titles(response) == ["Soon Summit"]
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    counts = {item["node"].slug: item["count"] for item in facets["meeting_type"]["items"]}
    assert counts == {"ministerial-council-meetings": 4, "summit-meetings": 1}
    assert titles(client.get("/events/?year=2014")) == ["Basel Council"]
    assert titles(client.get("/events/?q=malta")) == ["Malta Council"]


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=99999999999999999999",
        "year=-5",
        "structure=nope",
        "meeting_type=%00x",
        "page=999",
        "page=abc",
        "q=" + "x" * 5000,
    ],
)
def test_bad_filter_values_get_a_message_or_404_never_500(dated, client, query):
    response = client.get(f"/events/?{query}")
    assert response.status_code in {200, 400, 404}
    if response.status_code == 200 and query.split("=")[0] in {"year", "structure"}:
        assert "could not be applied" in response.content.decode()


def test_pagination_keeps_the_filters(world_nodes, client):
    for number in range(25):
        event(world_nodes, title=f"Council {number}", start=TODAY + dt.timedelta(number))
    page = client.get("/events/?meeting_type=ministerial-council-meetings").content.decode()
    assert "meeting_type=ministerial-council-meetings&amp;page=2" in page


def test_listing_queries_do_not_grow_with_events(
    world_nodes, client, django_assert_max_num_queries
):
    url = "/events/?meeting_type=ministerial-council-meetings&structure=secretariat"
    for number in range(3):
        event(world_nodes, title=f"Council {number}", start=TODAY + dt.timedelta(number))
    cache.clear()
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for number in range(30):
        item = event(world_nodes, title=f"More {number}", start=TODAY + dt.timedelta(number))
        item.fields_of_work.add(world_nodes["gender"])
        item.countries.add(world_nodes["austria"])
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# --- The event page -----------------------------------------------------------------------------


def test_event_page_shows_dateline_status_agenda_and_structured_data(world_nodes, client):
    release = world.release(world_nodes["secretariat"], status=Status.PUBLISHED, title="Advisory")
    item = event(
        world_nodes,
        title="Ministerial Council in Vienna",
        days=2,
        event_status=EventStatus.POSTPONED,
        status_note="Postponed to the spring.",
        agenda="<ol><li><p>Opening</p></li></ol><script>alert(1)</script>",
    )
    item.related_releases.add(release)
    response = client.get(item.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Postponed to the spring." in page
    assert "<li><p>Opening</p></li>" in page and "<script>alert" not in page
    assert f'<time datetime="{TODAY:%Y-%m-%d}">' in page
    assert "Advisory" in page
    assert item.get_absolute_url() + "event.ics" in page
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(blob)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["startDate"] == TODAY.isoformat()
    assert data["location"]["address"]["addressCountry"] == "Austria"


def test_json_ld_cannot_break_out_of_its_script(world_nodes, client):
    item = event(world_nodes, title="</script><script>alert(1)</script>")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page


def test_unknown_event_and_its_calendar_are_404(world_nodes, client):
    assert client.get("/events/nowhere/").status_code == 404
    assert client.get("/events/nowhere/event.ics").status_code == 404


# --- Calendars ----------------------------------------------------------------------------------


def test_whole_day_event_calendar_has_an_exclusive_end_date(world_nodes, client):
    item = event(world_nodes, title="Two days", days=2)
    response = client.get(item.get_absolute_url() + "event.ics")
    assert response["Content-Type"].startswith("text/calendar")
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert vevent.decoded("dtstart") == TODAY
    assert vevent.decoded("dtend") == TODAY + dt.timedelta(days=2)
    assert str(vevent["summary"]) == "Two days"


def test_timed_event_calendar_carries_the_venue_time_zone(world_nodes, client):
    item = event(
        world_nodes,
        title="Astana session",
        start_time=dt.time(10),
        end_time=dt.time(12, 30),
        time_zone="Asia/Almaty",
    )
    calendar = Calendar.from_ical(client.get(item.get_absolute_url() + "event.ics").content)
    (vevent,) = calendar.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 12, 1, 5, tzinfo=dt.UTC)
    assert vevent.decoded("dtend").astimezone(dt.UTC) == dt.datetime(
        2026, 12, 1, 7, 30, tzinfo=dt.UTC
    )
    assert {str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")} == {"Asia/Almaty"}


def test_cancelled_event_is_cancelled_in_calendars(world_nodes, client):
    item = event(world_nodes, event_status=EventStatus.CANCELLED)
    (vevent,) = Calendar.from_ical(client.get(item.get_absolute_url() + "event.ics").content).walk(
        "VEVENT"
    )
    assert str(vevent["status"]) == "CANCELLED"


def test_calendar_feed_honours_the_filters_and_hides_drafts(world_nodes, client):
    event(world_nodes, title="Council A")
    event(world_nodes, title="Summit B", meeting_type=world_nodes["summits"])
    event(world_nodes, title="Draft C", status=Status.DRAFT)
    calendar = Calendar.from_ical(
        client.get("/events/feed.ics?meeting_type=summit-meetings").content
    )
    assert [str(item["summary"]) for item in calendar.walk("VEVENT")] == ["Summit B"]
    everything = Calendar.from_ical(client.get("/events/feed.ics").content)
    assert {str(item["summary"]) for item in everything.walk("VEVENT")} == {"Council A", "Summit B"}


def test_rss_feed_of_new_events(world_nodes, client):
    event(world_nodes, title="Council A")
    response = client.get("/events/feed/")
    assert response.status_code == 200
    assert "Council A" in response.content.decode()


def test_an_event_that_ended_moves_to_the_past_at_midnight(world_nodes, client, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 22, 58, tzinfo=dt.UTC))  # 23:58 in Vienna
    event(world_nodes, title="Ends today", start=TODAY)
    event(world_nodes, title="Next week", start=TODAY + dt.timedelta(7))
    assert titles(client.get("/events/")) == ["Ends today", "Next week"]

    # Four minutes later nothing was published, but the day changed: the list's memoized
    # page follows it.
    time_machine.move_to(dt.datetime(2026, 12, 1, 23, 2, tzinfo=dt.UTC))
    assert titles(client.get("/events/")) == ["Next week", "Ends today"]


# --- Taxonomy and home pages --------------------------------------------------------------------


def test_meeting_type_page_lists_upcoming_then_past_by_year(world_nodes, client, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC))
    event(world_nodes, title="Basel Council", start=dt.date(2014, 12, 4))
    event(world_nodes, title="Future Council", start=TODAY + dt.timedelta(30))
    page = client.get(world_nodes["councils"].get_absolute_url()).content.decode()
    assert page.index("Future Council") < page.index("Past events") < page.index("2014")
    assert page.index("2014") < page.index("Basel Council")


def test_structure_page_and_home_show_upcoming_events(world_nodes, client):
    event(
        world_nodes,
        title="Gender Conference",
        start=TODAY + dt.timedelta(30),
        organiser=world_nodes["unit"],
    )
    assert (
        "Gender Conference"
        in client.get(world_nodes["secretariat"].get_absolute_url()).content.decode()
    )
    assert (
        "Gender Conference"
        not in client.get(world_nodes["mission"].get_absolute_url()).content.decode()
    )
    assert "Gender Conference" in client.get("/").content.decode()


# --- Demo -----------------------------------------------------------------------------------------


def test_a_demo_event_names_only_releases_of_its_own_days():
    from types import SimpleNamespace

    from django.utils import timezone

    from meetings.demo import releases_about

    def on(day):
        return SimpleNamespace(published_at=timezone.make_aware(dt.datetime(2021, 12, day, 12)))

    releases = [on(day) for day in (1, 20, 24, 25, 26, 27)]
    # The Stockholm Ministerial Council, 2 and 3 December 2021: a week before to three days after.
    assert releases_about(releases, dt.date(2021, 12, 2), dt.date(2021, 12, 3)) == [releases[0]]
    assert releases_about(releases, dt.date(2021, 12, 27), dt.date(2021, 12, 27)) == releases[1:4]
    assert releases_about(releases, dt.date(2022, 6, 1), dt.date(2022, 6, 1)) == []


def test_demo_has_real_meetings_and_loading_again_changes_nothing(demo):
    from io import StringIO

    from meetings import demo as meetings_demo

    assert Event.objects.count() >= 30
    stockholm = Event.objects.get(title__startswith="28th OSCE Ministerial Council")
    assert (stockholm.start_date, stockholm.venue.name) == (dt.date(2021, 12, 2), "Stockholm")
    assert Event.objects.filter(event_status=EventStatus.CANCELLED).exists()
    assert Event.objects.filter(event_status=EventStatus.POSTPONED).exists()
    assert Event.objects.upcoming().exists()
    # The seed release (February 2016) is about no demo meeting.
    assert not Event.objects.filter(related_releases__isnull=False).exists()
    stockholm.title = "Edited by an editor"
    stockholm.save()
    meetings_demo.load(stdout=StringIO())
    stockholm.refresh_from_db()
    assert stockholm.title == "Edited by an editor"


def test_pages_announce_their_filtered_feeds_and_calendars(world_nodes, client):
    item = event(world_nodes, title="Council A")
    listing = client.get("/events/?meeting_type=summit-meetings").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="New events (RSS)" '
        'href="/events/feed/?meeting_type=summit-meetings">'
    ) in listing
    assert (
        '<link rel="alternate" type="text/calendar" title="Events (iCalendar)" '
        'href="/events/feed.ics?meeting_type=summit-meetings">'
    ) in listing
    page = client.get(item.get_absolute_url()).content.decode()
    assert (
        f'type="text/calendar" title="Add to calendar" href="{item.get_absolute_url()}event.ics"'
        in page
    )
    councils = client.get(world_nodes["councils"].get_absolute_url()).content.decode()
    calendar = "/events/feed.ics?meeting_type=ministerial-council-meetings"
    assert f'type="text/calendar" title="Events (iCalendar)" href="{calendar}"' in councils
    assert f'class="feed-link" href="{calendar}"' in councils


@pytest.mark.parametrize(
    ("language", "heading", "calendar"),
    [
        ("fr", "Événements", "Ajouter au calendrier"),
        ("de", "Veranstaltungen", "Zum Kalender hinzufügen"),
        ("ru", "Мероприятия", "Добавить в календарь"),
    ],
)
def test_the_events_pages_speak_the_visitors_language(
    world_nodes, client, language, heading, calendar
):
    path = event(world_nodes, title="Council A", days=2).get_absolute_url()
    listing = client.get(f"/{language}/events/")
    assert listing.status_code == 200
    assert f'<h1 class="newsroom__title">{heading}</h1>' in listing.text
    page = client.get(f"/{language}{path}")
    assert page.status_code == 200
    assert calendar in page.text
    assert 'lang="en"' in page.text  # the English title and summary are marked as English


def test_the_page_shows_times_in_the_venues_zone_and_names_it(world_nodes, client):
    item = event(
        world_nodes,
        title="Astana session",
        start_time=dt.time(10),
        end_time=dt.time(12, 30),
        time_zone="Asia/Almaty",
    )
    page = client.get(item.get_absolute_url()).text
    assert '<time datetime="2026-12-01T10:00:00+05:00">' in page
    assert '<time datetime="2026-12-01T12:30:00+05:00">' in page
    assert "1 December 2026, 10 a.m.</time> – " in page  # not 6 a.m., Vienna's time
    assert '>12:30 p.m.</time> <span class="event-zone">(Asia/Almaty)</span>' in page


def test_the_listing_card_names_dates_times_zone_venue_type_and_status(world_nodes, client):
    event(
        world_nodes,
        title="Astana <session>",
        days=2,
        start_time=dt.time(10),
        end_time=dt.time(12, 30),
        time_zone="Asia/Almaty",
        event_status=EventStatus.CANCELLED,
    )
    event(world_nodes, title="All-day forum", start=TODAY + dt.timedelta(days=3))
    html = client.get("/events/").text
    cards = re.findall(r'<article class="release-card event-card">.*?</article>', html, re.S)
    assert cards[0] == (
        '<article class="release-card event-card">\n'
        '  <h4 class="release-card__title"><a href="/events/astana-session/">'
        "Astana &lt;session&gt;</a></h4>\n"
        '  <p class="release-card__meta">\n'
        '    <time datetime="2026-12-01T10:00:00+05:00">1 December 2026, 10 a.m.</time> – '
        '<time datetime="2026-12-02T12:30:00+05:00">2 December 2026, 12:30 p.m.</time> '
        '<span class="event-zone">(Asia/Almaty)</span> · '
        '<span class="release-card__place">VIENNA</span> · '
        f'<span class="release-card__source">{world_nodes["councils"].name}</span> · '
        '<strong class="event-status event-status--cancelled">Cancelled</strong>\n'
        "  </p>\n"
        '  <p class="release-card__lead">About Astana &lt;session&gt;.</p>\n'
        "</article>"
    )
    assert '<time datetime="2026-12-04">4 December 2026</time> · ' in cards[1]
