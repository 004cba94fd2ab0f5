"""A journalist finds the next Ministerial Council, reads its page and adds it to a calendar;
the events listing and an event page pass axe-core (WCAG A and AA) at desktop and phone width,
and reflow at 320 px."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from meetings.models import Event, EventStatus

from .helpers import BREADCRUMBS, DESKTOP, MOBILE, axe_violations, describe_violations
from .helpers import horizontal_overflow as overflow

REFLOW = {"width": 320, "height": 640}


@pytest.fixture
def events(site):
    return Event.objects.listed()


def event_pages(events):
    postponed = events.filter(event_status=EventStatus.POSTPONED).first()
    council = events.filter(meeting_type__slug="ministerial-council-meetings").first()
    return [
        ("events", "/events/"),
        ("events filtered", "/events/?meeting_type=ministerial-council-meetings&year=2021"),
        ("events with a bad filter", "/events/?year=abc&structure=nowhere"),
        ("events empty result", "/events/?q=xylophonically"),
        ("council", council.get_absolute_url()),
        ("postponed event", postponed.get_absolute_url()),
    ]


def test_events_pages_have_no_wcag_a_or_aa_violations(page, events, screenshot):
    found = []
    for name, path in event_pages(events):
        assert page.goto(path).status == 200, path
        for label, size in (("desktop", DESKTOP), ("mobile", MOBILE), ("320 px", REFLOW)):
            page.set_viewport_size(size)
            violations = axe_violations(page)
            if violations:
                found.append(f"{name} {path} ({label}):\n{describe_violations(violations)}")
            if size is REFLOW:
                assert overflow(page) <= 1, f"{path} scrolls sideways at 320 px"
        page.set_viewport_size(DESKTOP)
        screenshot(page, re.sub(r"\W+", "-", name))
    assert not found, "axe-core found WCAG violations:\n" + "\n".join(found)


def test_a_journalist_filters_to_ministerial_councils_and_adds_one_to_a_calendar(
    page, events, site
):
    page.goto("/events/")
    expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
    upcoming = page.get_by_role("heading", name="Upcoming events")
    past = page.get_by_role("heading", name="Past events")
    expect(upcoming).to_be_visible()
    # Upcoming events come first.
    assert upcoming.bounding_box()["y"] < past.bounding_box()["y"]

    page.locator("summary", has_text="Meeting type").click()
    page.get_by_label(re.compile(r"^Ministerial Council meetings \(\d+\)$")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"meeting_type=ministerial-council-meetings"))
    chips = page.get_by_role("region", name="Active filters")
    expect(
        chips.get_by_role("link", name=re.compile("Ministerial Council meetings"))
    ).to_be_visible()
    councils = events.filter(meeting_type__slug="ministerial-council-meetings")
    expect(page.get_by_role("status")).to_have_text(f"{councils.count()} events")

    stockholm = councils.get(start_date__year=2021)
    page.get_by_role("link", name=stockholm.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(stockholm.title)
    expect(page.get_by_role("navigation", name=BREADCRUMBS).get_by_role("link", name="Events"))
    dates = page.locator(".release__facts time").first
    expect(dates).to_have_attribute("datetime", stockholm.start_date.isoformat())
    expect(page.get_by_text("Stockholm", exact=False).first).to_be_visible()

    with page.expect_download() as download_info:
        page.evaluate(
            "(href) => { const a = document.createElement('a'); a.href = href;"
            " a.download = 'event.ics'; document.body.append(a); a.click(); }",
            page.get_by_role("link", name="Add to calendar").get_attribute("href"),
        )
    calendar = Calendar.from_ical(download_info.value.path().read_bytes())
    (component,) = calendar.walk("VEVENT")
    assert str(component["summary"]) == stockholm.title
    assert component.decoded("dtstart") == stockholm.start_date
