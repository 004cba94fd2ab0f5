"""Releases issued jointly: the dateline names every issuer in order, and filters, facets,
structure pages, feeds and alerts count a release for each of its issuers, once (the API's:
tests/api/test_press_releases.py)."""

import re
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alerts import matching, registry, subscriptions
from alerts.models import Subscriber, Subscription
from osce_cms.caching import current_generation
from press.models import CoIssuer, PressRelease
from taxonomy.models import Structure

URL = reverse("press:release-list")


def co_issue(release, *structures):
    for position, structure in enumerate(structures):
        CoIssuer.objects.create(release=release, structure=structure, position=position)


@pytest.fixture
def chair(taxonomy):
    return Structure.objects.create(
        name="Chairpersonship", slug="chairpersonship", path="chairpersonship"
    )


@pytest.fixture
def joint(make_release, taxonomy, chair):
    """Issued by the Mission in Kosovo with the Chairpersonship and the TTD (in that order)."""
    release = make_release(title="Joint statement", source=taxonomy.kosovo, days_ago=1)
    # Created out of order: the dateline follows the positions, not the rows' ids.
    CoIssuer.objects.create(release=release, structure=taxonomy.ttd, position=2)
    CoIssuer.objects.create(release=release, structure=chair, position=1)
    return release


def titles(response):
    return [release.title for release in response.context["releases"]]


def facet(response, name):
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    return {item["node"].slug: item["count"] for item in facets[name]["items"]}


def test_the_release_page_names_every_issuer_in_order_with_links(client, joint):
    html = client.get(joint.get_absolute_url()).content.decode()
    facts = html[html.index('class="release__facts"') :]
    assert "Issued jointly by" in facts
    names = re.findall(r'<li><a href="/structures/([^"]+)/">([^<]+)</a></li>', facts)
    assert names[:3] == [
        ("field-operations/mission-in-kosovo", "Mission in Kosovo"),
        ("chairpersonship", "Chairpersonship"),
        ("secretariat/transnational-threats-department", "Transnational Threats Department"),
    ]


def test_a_release_of_one_issuer_keeps_its_source_label(client, make_release):
    html = client.get(make_release().get_absolute_url()).content.decode()
    assert "Issued jointly by" not in html
    assert "<dt>Source</dt>" in html


def test_cards_name_every_issuer_in_order(client, joint):
    html = client.get(URL).content.decode()
    assert (
        '<span class="release-card__source">Mission in Kosovo, Chairpersonship, '
        "Transnational Threats Department</span>"
    ) in html


def test_the_source_filter_finds_a_release_by_any_issuer_and_lists_it_once(
    client, joint, make_release, taxonomy
):
    make_release(title="Secretariat alone", source=taxonomy.secretariat, days_ago=3)
    assert titles(client.get(f"{URL}?source=chairpersonship")) == ["Joint statement"]
    assert titles(client.get(f"{URL}?source=transnational-threats-department")) == [
        "Joint statement"
    ]
    # Issued by a field operation and by a Secretariat unit: in both subtrees, listed once.
    both = client.get(f"{URL}?source=field-operations&source=secretariat")
    assert titles(both) == ["Joint statement", "Secretariat alone"]
    assert both.context["paginator"].count == 2


def test_source_facets_count_a_release_for_each_issuer_without_double_counting(
    client, joint, make_release, taxonomy, chair
):
    make_release(title="Secretariat alone", source=taxonomy.secretariat, days_ago=3)
    # Lead and co-issuer under the same node: counted once there.
    twice_inside = make_release(title="CPC and TTD", source=taxonomy.secretariat, days_ago=4)
    co_issue(twice_inside, taxonomy.ttd)
    counts = facet(client.get(URL), "source")
    assert counts["chairpersonship"] == 1
    assert counts["mission-in-kosovo"] == 1
    assert counts["field-operations"] == 1
    assert counts["transnational-threats-department"] == 2  # the joint one and twice_inside
    assert counts["secretariat"] == 3  # not 4: twice_inside counts once
    # Other facets count the joint release once, however many issuers it has.
    assert facet(client.get(URL), "field_of_work")["policing"] == 3


def test_source_facets_follow_the_other_filters(client, joint, make_release, taxonomy):
    make_release(title="Borders", source=taxonomy.secretariat, fields=[taxonomy.borders])
    counts = facet(client.get(f"{URL}?field_of_work=policing"), "source")
    assert counts == {
        "chairpersonship": 1,
        "secretariat": 1,
        "transnational-threats-department": 1,
        "field-operations": 1,
        "mission-in-kosovo": 1,
    }


def test_a_structure_page_lists_the_releases_it_issued_jointly(client, joint, chair):
    response = client.get(chair.get_absolute_url())
    assert [release.title for release in response.context["latest_releases"]] == ["Joint statement"]


def test_the_feed_names_every_issuer_as_a_category(client, joint):
    feed = ElementTree.fromstring(client.get(reverse("press:release-feed")).content)
    item = feed.find("channel/item")
    assert [category.text for category in item.findall("category")] == [
        "Press release",
        "Mission in Kosovo",
        "Chairpersonship",
        "Transnational Threats Department",
    ]


def test_an_alert_for_a_co_issuer_matches_the_joint_release(joint, chair, taxonomy):
    kind = registry.get("press")

    def follow(query):
        subscriber = Subscriber.objects.create(email=f"{query.replace('=', '-')}@example.net")
        return Subscription.objects.create(
            subscriber=subscriber,
            filter=subscriptions.filter_for(kind, kind.parse(QueryDict(query))),
            confirmed_at="2026-01-01T00:00Z",
        )

    chairpersonship = follow("source=chairpersonship")
    secretariat = follow("source=secretariat")  # the TTD co-issued it
    other = follow("source=chairpersonship&field_of_work=border-management")
    matched = set(
        matching.matching_subscriptions(kind, PressRelease.objects.get(pk=joint.pk)).values_list(
            "id", flat=True
        )
    )
    assert matched == {chairpersonship.pk, secretariat.pk}
    assert other.pk not in matched


def _queries(client, path):
    current_generation()  # the row exists on a live site after its first request
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        URL,
        f"{URL}?source=secretariat",
        reverse("press:release-feed"),
        "/api/v1/press-releases/",
        "/structures/secretariat/",
    ],
)
def test_co_issuers_cost_no_query_on_lists(client, make_release, taxonomy, chair, path):
    for _ in range(3):
        make_release(source=taxonomy.secretariat)
    alone = _queries(client, path)
    for release in PressRelease.objects.all():
        co_issue(release, chair, taxonomy.kosovo, taxonomy.ttd)
    for _ in range(5):
        co_issue(make_release(source=taxonomy.ttd), chair, taxonomy.kosovo)
    assert _queries(client, path) == alone


def test_co_issuers_cost_no_query_on_the_release_page_and_its_api(
    client, make_release, taxonomy, chair
):
    alone = make_release(slug="alone")
    joint = make_release(slug="joint")
    co_issue(joint, chair, taxonomy.kosovo, taxonomy.ttd)
    for path in ("/press-releases/{}/", "/api/v1/press-releases/{}/"):
        assert _queries(client, path.format(joint.slug)) == _queries(
            client, path.format(alone.slug)
        )
