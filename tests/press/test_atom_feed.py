"""The newsroom's Atom feed (beside the RSS one) and the pages that announce their feeds."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from press.models import Status

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed, feed.findall(f"{ATOM}entry")


def test_atom_feed_lists_the_newest_listed_releases(client, make_release):
    newer = make_release(title="Newer news", days_ago=1)
    make_release(title="Older news", days_ago=5)
    make_release(title="Draft news", status=Status.DRAFT, days_ago=0)
    feed, items = entries(client.get(reverse("press:release-atom-feed")))
    assert [item.findtext(f"{ATOM}title") for item in items] == ["Newer news", "Older news"]
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver{newer.get_absolute_url()}"
    assert first.findtext(f"{ATOM}updated")
    assert first.findtext(f"{ATOM}summary") == newer.lead
    assert feed.findtext(f"{ATOM}title") == "OSCE press releases"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("field_of_work=policing", ["Community", "Policing"]),
        ("country=participating-states", ["Community"]),
        ("source=field-operations&q=kosovo", ["Kosovo"]),
    ],
)
def test_atom_feed_takes_every_newsroom_filter(client, make_release, taxonomy, query, expected):
    make_release(title="Community", fields=[taxonomy.community], countries=[taxonomy.belarus])
    make_release(title="Policing", fields=[taxonomy.policing])
    make_release(title="Kosovo", fields=[taxonomy.borders], source=taxonomy.kosovo)
    _feed, items = entries(client.get(f"{reverse('press:release-atom-feed')}?{query}"))
    assert [item.findtext(f"{ATOM}title") for item in items] == expected


def _alternates(response):
    text = response.content.decode()
    return [line.strip() for line in text.splitlines() if 'rel="alternate" type=' in line]


def test_newsroom_announces_both_feeds_with_its_filters(client, make_release, taxonomy):
    make_release()
    links = _alternates(client.get("/press-releases/?country=belarus&page=1"))
    assert links == [
        '<link rel="alternate" type="application/rss+xml" title="Press releases (RSS)" '
        'href="/press-releases/feed/?country=belarus">',
        '<link rel="alternate" type="application/atom+xml" title="Press releases (Atom)" '
        'href="/press-releases/feed/atom/?country=belarus">',
    ]


def test_release_and_taxonomy_pages_announce_both_feeds(client, make_release, taxonomy):
    release = make_release()
    assert len(_alternates(client.get(release.get_absolute_url()))) == 2
    links = _alternates(client.get(taxonomy.policing.get_absolute_url()))
    assert [link.split('href="')[1] for link in links] == [
        '/press-releases/feed/?field_of_work=policing">',
        '/press-releases/feed/atom/?field_of_work=policing">',
    ]


def test_pages_without_feeds_announce_none(client, db):
    assert _alternates(client.get("/pages/no-such-page/")) == []
