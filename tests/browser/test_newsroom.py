"""A visitor narrows the newsroom with filters, follows a release to its source, and subscribes."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from press.models import PressRelease, Status
from taxonomy.models import Country, FieldOfWork, Structure

from .helpers import BREADCRUMBS

SEARCH_WORD = "checkpoint"
SOURCE_NAME = "Transnational Threats Department"
DATE_FROM, DATE_TO = "2023-03-01", "2024-12-31"


@pytest.fixture
def releases(site):
    """45 Policing releases about Ukraine from the Transnational Threats Department, every
    fourth about a checkpoint, one every ten days from January 2023; and releases that only
    share the field of work or only the country, so that each filter changes the count."""
    policing = FieldOfWork.objects.get(slug="policing")
    youth = FieldOfWork.objects.get(slug="youth")
    ukraine = Country.objects.get(slug="ukraine")
    albania = Country.objects.get(slug="albania")
    source = Structure.objects.get(slug="transnational-threats-department")
    start = datetime(2023, 1, 10, 10, tzinfo=timezone.get_current_timezone())

    def release(number, title, fields, countries):
        created = PressRelease.objects.create(
            title=title,
            slug=f"browser-{number}",
            published_at=start + timedelta(days=10 * number),
            source=source,
            lead=f"{title}. Officers from the region met to share practice.",
            body="<p>Participants agreed on next steps.</p>",
            status=Status.PUBLISHED,
        )
        created.fields_of_work.set(fields)
        created.countries.set(countries)
        return created

    for number in range(45):
        topic = f"{SEARCH_WORD} procedures" if number % 4 == 0 else "community policing"
        release(
            number, f"Police officers in Ukraine discuss {topic} ({number})", [policing], [ukraine]
        )
    for number in range(45, 55):
        release(number, f"Police co-operation in Albania ({number})", [policing], [albania])
    for number in range(55, 65):
        release(number, f"Young leaders meet in Ukraine ({number})", [youth], [ukraine])
    # What the English newsroom lists: the English releases (the demo's seed is also in Russian).
    return PressRelease.objects.listed().filter(language="en")


def matching(releases):
    """The releases about Policing and Ukraine: the ones generated here and the seed release."""
    return releases.filter(fields_of_work__slug="policing", countries__slug="ukraine").distinct()


def result_count(page):
    text = page.get_by_role("main").get_by_role("status").first.inner_text()
    match = re.search(r"(\d[\d,]*)\s+press release", text)
    assert match, f"No result count in {text!r}"
    return int(match.group(1).replace(",", ""))


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def apply_filters(page):
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()


def test_visitor_filters_the_newsroom_and_follows_a_release_to_its_source(
    page, releases, screenshot
):
    page.goto("/press-releases/")
    everything = result_count(page)
    assert everything == releases.count()

    filters = page.get_by_role("search")
    for facet, value in [("Field of work", "Policing"), ("Country", "Ukraine")]:
        # Each facet is a disclosure, closed until opened or while it has no selection.
        group = filters.get_by_role("group", name=facet)
        expect(group).to_be_hidden()
        filters.locator("summary", has_text=facet).click()
        group.get_by_role("checkbox", name=re.compile(rf"^{value}\b")).check()
    apply_filters(page)
    assert query_of(page)["field_of_work"] == ["policing"]
    assert query_of(page)["country"] == ["ukraine"]
    policing_in_ukraine = result_count(page)
    expect(page.get_by_role("search").get_by_role("group", name="Country")).to_be_visible()
    assert policing_in_ukraine == matching(releases).count() < everything
    screenshot(page, "field-and-country")

    filters = page.get_by_role("search")
    filters.get_by_label("From").fill(DATE_FROM)
    filters.get_by_label("To").fill(DATE_TO)
    filters.get_by_label("Search words").fill(SEARCH_WORD)
    apply_filters(page)
    expected = (
        matching(releases)
        .filter(published_at__date__gte=DATE_FROM, published_at__date__lte=DATE_TO)
        .filter(title__contains=SEARCH_WORD)
        .count()
    )
    assert 0 < expected < policing_in_ukraine
    assert result_count(page) == expected
    titles = page.get_by_role("main").get_by_role("article").get_by_role("heading")
    expect(titles).to_have_count(expected)
    for title in titles.all_inner_texts():
        assert SEARCH_WORD in title
    screenshot(page, "all-filters")

    chips = page.get_by_role("region", name="Active filters")
    chips.get_by_role("link", name=re.compile(SEARCH_WORD)).click()
    page.wait_for_load_state()
    assert "q" not in query_of(page)
    in_date_range = result_count(page)
    assert in_date_range == (
        matching(releases)
        .filter(published_at__date__gte=DATE_FROM, published_at__date__lte=DATE_TO)
        .count()
    )
    assert 20 < in_date_range <= 40, "The data should fill exactly two pages"
    expect(page.get_by_role("search").get_by_label("Search words")).to_have_value("")

    pages = page.get_by_role("navigation", name="Pages")
    pages.get_by_role("link", name="Next").click()
    page.wait_for_load_state()
    query = query_of(page)
    assert query["page"] == ["2"]
    assert query["field_of_work"] == ["policing"]
    assert query["country"] == ["ukraine"]
    assert query["date_from"] == [DATE_FROM]
    assert query["date_to"] == [DATE_TO]
    assert result_count(page) == in_date_range
    expect(page.get_by_role("main").get_by_role("article")).to_have_count(in_date_range - 20)
    expect(
        page.get_by_role("navigation", name="Pages").locator("[aria-current=page]")
    ).to_contain_text("2")
    screenshot(page, "page-2")

    first_card = page.get_by_role("main").get_by_role("article").first
    title = first_card.get_by_role("heading").inner_text()
    first_card.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    screenshot(page, "release")

    page.get_by_role("main").get_by_role(
        "link", name="Transnational Threats Department"
    ).first.click()
    expect(page).to_have_url(
        re.compile(r"/structures/secretariat/transnational-threats-department/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Transnational Threats Department")
    screenshot(page, "source")

    breadcrumbs = page.get_by_role("navigation", name=BREADCRUMBS)
    expect(breadcrumbs.get_by_role("listitem").last).to_contain_text(SOURCE_NAME)
    breadcrumbs.get_by_role("link", name="Secretariat", exact=True).click()
    expect(page).to_have_url(re.compile(r"/structures/secretariat/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Secretariat")
    page.get_by_role("navigation", name=BREADCRUMBS).get_by_role("link", name="Home").click()
    expect(page).to_have_url(re.compile(r"/$"))


def test_filtered_newsroom_advertises_a_valid_rss_feed_of_the_same_releases(page, releases):
    page.goto("/press-releases/?field_of_work=policing&country=ukraine")
    feed_link = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    expect(feed_link).to_have_count(1)
    href = feed_link.get_attribute("href")
    assert parse_qs(urlsplit(href).query) == {"field_of_work": ["policing"], "country": ["ukraine"]}
    visible_link = page.get_by_role("link", name=re.compile("RSS"))
    expect(visible_link).to_have_attribute("href", href)

    response = page.goto(href)
    assert response.status == 200
    assert "xml" in response.headers["content-type"]
    rss = ET.fromstring(response.body())
    assert rss.tag == "rss"
    assert rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title")
    assert channel.findtext("link")
    items = channel.findall("item")
    expected = list(
        matching(releases).order_by("-published_at", "-id").values_list("title", "slug")[:50]
    )
    assert len(expected) > 45
    assert [item.findtext("title") for item in items] == [title for title, _slug in expected]
    for item, (_title, slug) in zip(items, expected, strict=True):
        assert urlsplit(item.findtext("link")).path == f"/press-releases/{slug}/"
        assert item.findtext("pubDate")
