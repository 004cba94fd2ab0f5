"""/sitemap.xml: an index of sections, the press releases' section in pages of bounded size."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from press.models import Status
from press.sitemaps import PressReleaseSitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTION = "/sitemap-press-releases.xml"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locs(root, tag):
    return [
        element.findtext("s:loc", namespaces=NS).removeprefix("http://testserver")
        for element in root.findall(f"s:{tag}", NS)
    ]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(PressReleaseSitemap, "limit", 3)


def test_sitemap_xml_is_an_index_of_the_sections(client, make_release):
    make_release()
    sections = locs(parse(client.get("/sitemap.xml")), "sitemap")

    assert SECTION in sections
    assert "/sitemap-structures.xml" in sections and "/sitemap-pages.xml" in sections
    for section in sections:
        parse(client.get(section))


def test_release_section_is_paged_and_lists_only_listed_releases(client, make_release, small_pages):
    listed = [make_release(title=f"Listed {n}") for n in range(7)]
    draft = make_release(title="Draft", status=Status.DRAFT)
    withdrawn = make_release(title="Withdrawn", status=Status.WITHDRAWN)

    sections = locs(parse(client.get("/sitemap.xml")), "sitemap")
    pages = [SECTION, f"{SECTION}?p=2", f"{SECTION}?p=3"]
    assert [s for s in sections if s.startswith(SECTION)] == pages

    found = []
    for page in pages:
        root = parse(client.get(page))
        urls = root.findall("s:url", NS)
        assert 1 <= len(urls) <= 3
        assert all(url.findtext("s:lastmod", namespaces=NS) for url in urls)
        found += locs(root, "url")
    assert sorted(found) == sorted(release.get_absolute_url() for release in listed)
    assert draft.get_absolute_url() not in found and withdrawn.get_absolute_url() not in found
    assert client.get(f"{SECTION}?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_release_section_pages_cost_the_same_queries_at_any_size(client, make_release, small_pages):
    def queries(url):
        cache.clear()  # counts and pages computed afresh, as after a content change
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(4):
        make_release()
    queries("/sitemap.xml")  # the first request of a new database creates the generation's row
    small = (queries("/sitemap.xml"), queries(SECTION), queries(f"{SECTION}?p=2"))
    for _ in range(30):
        make_release()

    assert (queries("/sitemap.xml"), queries(SECTION), queries(f"{SECTION}?p=2")) == small
    # The index: five vocabulary counts, the pages' items and count, the events' items and count,
    # and per memoized section (releases, documents) the generation and a count.
    assert max(small) <= 13


def test_robots_txt_names_the_index(client):
    assert "Sitemap: http://testserver/sitemap.xml\n" in client.get("/robots.txt").text


def test_counts_and_pages_follow_each_publication(
    client, make_release, small_pages, django_capture_on_commit_callbacks
):
    def release_pages():
        return [loc for loc in locs(parse(client.get("/sitemap.xml")), "sitemap") if SECTION in loc]

    for _ in range(9):
        make_release()
    assert len(release_pages()) == 3  # three to a page
    first_page = locs(parse(client.get(SECTION)), "url")

    with django_capture_on_commit_callbacks(execute=True):
        newest = make_release(days_ago=0.5)

    assert len(release_pages()) == 4
    assert locs(parse(client.get(SECTION)), "url") == [newest.get_absolute_url(), *first_page[:2]]
