"""Kinds of releases (press release, news item, press statement, media advisory): a newsroom
facet and filter, a label on cards and pages, a feed of each kind and alerts (the API's:
tests/api/test_press_releases.py)."""

import re
from xml.etree import ElementTree

import pytest
from django.http import QueryDict
from django.urls import reverse

from alerts import matching, registry, subscriptions
from alerts.models import Subscriber, Subscription
from press.models import Kind, PressRelease, Status

URL = reverse("press:release-list")
FEED = reverse("press:release-feed")


@pytest.fixture
def releases(make_release, taxonomy):
    return {
        "release": make_release(title="A press release", days_ago=1),
        "news": make_release(title="A news item", kind=Kind.NEWS_ITEM, days_ago=2),
        "statement": make_release(
            title="A statement", kind=Kind.PRESS_STATEMENT, fields=[taxonomy.borders], days_ago=3
        ),
        "advisory": make_release(title="An advisory", kind=Kind.MEDIA_ADVISORY, days_ago=4),
        "draft": make_release(
            title="Draft advisory", kind=Kind.MEDIA_ADVISORY, status=Status.DRAFT
        ),
    }


def titles(response):
    return [release.title for release in response.context["releases"]]


def kind_facet(response):
    facet = next(facet for facet in response.context["facets"] if facet["name"] == "kind")
    return [
        (item["node"].slug, item["node"].name, item["count"], item["selected"])
        for item in facet["items"]
    ]


def test_every_release_is_a_press_release_unless_told_otherwise(make_release):
    assert make_release().kind == Kind.PRESS_RELEASE


def test_the_newsroom_filters_by_kind(client, releases):
    assert titles(client.get(f"{URL}?kind=media-advisory")) == ["An advisory"]
    assert titles(client.get(f"{URL}?kind=news-item&kind=press-statement")) == [
        "A news item",
        "A statement",
    ]


def test_the_kind_facet_counts_listed_releases_in_the_kinds_order(client, releases):
    assert kind_facet(client.get(URL)) == [
        ("press-release", "Press release", 1, False),
        ("news-item", "News item", 1, False),
        ("press-statement", "Press statement", 1, False),
        ("media-advisory", "Media advisory", 1, False),  # the draft is not counted
    ]


def test_the_kind_facet_follows_the_other_filters_but_not_its_own(client, releases):
    response = client.get(f"{URL}?kind=news-item&field_of_work=border-management")
    assert kind_facet(response) == [("press-statement", "Press statement", 1, False)]
    assert kind_facet(client.get(f"{URL}?kind=news-item")) == [
        ("press-release", "Press release", 1, False),
        ("news-item", "News item", 1, True),
        ("press-statement", "Press statement", 1, False),
        ("media-advisory", "Media advisory", 1, False),
    ]


def test_an_unknown_kind_is_ignored_with_a_notice(client, releases):
    response = client.get(f"{URL}?kind=rumour&kind=news-item")
    assert response.status_code == 200
    assert titles(response) == ["A news item"]
    assert "Unknown kind “rumour” was ignored." in response.content.decode()


def test_a_chip_names_the_chosen_kind_and_removes_it(client, releases):
    html = client.get(f"{URL}?kind=news-item&kind=media-advisory").content.decode()
    chips = {
        label.strip(): query
        for query, label in re.findall(r'<a class="chip" href="\?([^"]*)">([^<]*)<', html)
    }
    assert chips == {"News item": "kind=media-advisory", "Media advisory": "kind=news-item"}


def test_cards_and_pages_carry_the_kind(client, releases):
    html = client.get(URL).content.decode()
    assert '<span class="release-card__kind">Media advisory</span>' in html
    assert '<span class="release-card__kind">News item</span>' in html
    page = client.get(releases["statement"].get_absolute_url()).content.decode()
    assert '<p class="release__kind">Press statement</p>' in page


def test_the_kind_label_is_translated(client, releases):
    page = client.get(f"/fr{releases['advisory'].get_absolute_url()}").content.decode()
    assert '<p class="release__kind">Avis aux médias</p>' in page


def test_each_kind_has_a_feed_named_for_it(client, releases):
    feed = ElementTree.fromstring(client.get(f"{FEED}?kind=media-advisory").content)
    assert feed.findtext("channel/title") == "OSCE: Media advisories"
    assert [item.findtext("title") for item in feed.findall("channel/item")] == ["An advisory"]
    both = ElementTree.fromstring(client.get(f"{FEED}?kind=news-item&kind=press-statement").content)
    assert both.findtext("channel/title") == "OSCE: News items, Press statements"
    everything = ElementTree.fromstring(client.get(FEED).content)
    assert everything.findtext("channel/title") == "OSCE press releases"
    assert len(everything.findall("channel/item")) == 4


def test_an_alert_can_follow_a_kind(releases):
    kind = registry.get("press")
    parsed = kind.parse(QueryDict("kind=media-advisory&kind=news-item"))
    assert kind.describe(parsed.labels) == "Press releases of the kind News item or Media advisory"
    subscription = Subscription.objects.create(
        subscriber=Subscriber.objects.create(email="reader@example.net"),
        filter=subscriptions.filter_for(kind, parsed),
        confirmed_at="2026-01-01T00:00Z",
    )

    def matched(name):
        release = PressRelease.objects.get(pk=releases[name].pk)
        return subscription.pk in set(
            matching.matching_subscriptions(kind, release).values_list("id", flat=True)
        )

    assert matched("advisory")
    assert matched("news")
    assert not matched("statement")
    assert not matched("release")


def test_the_admin_lists_and_filters_by_kind(admin_client, releases):
    response = admin_client.get("/admin/press/pressrelease/?kind__exact=news-item")
    assert response.status_code == 200
    assert [release.title for release in response.context["cl"].result_list] == ["A news item"]
