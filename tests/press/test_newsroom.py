"""The public newsroom: filters (with subtrees), facets, search, pagination and bad input."""

import re

import pytest
from django.urls import reverse

from press.models import Status

URL = reverse("press:release-list")


def titles(response):
    return [release.title for release in response.context["releases"]]


@pytest.fixture
def releases(make_release, taxonomy):
    t = taxonomy
    return {
        "police_by": make_release(
            title="Police in Belarus", fields=[t.policing], countries=[t.belarus], place=t.minsk
        ),
        "community_ua": make_release(
            title="Community work in Ukraine",
            fields=[t.community],
            countries=[t.ukraine, t.belarus],
            source=t.ttd,
        ),
        "borders_jp": make_release(
            title="Borders with Japan",
            fields=[t.borders],
            countries=[t.japan],
            source=t.kosovo,
            place=t.vienna,
        ),
        "draft": make_release(title="Draft about police", fields=[t.policing], status=Status.DRAFT),
    }


def test_newsroom_lists_listed_releases_newest_first(client, releases):
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == [
        "Police in Belarus",
        "Community work in Ukraine",
        "Borders with Japan",
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("field_of_work=policing", {"Police in Belarus", "Community work in Ukraine"}),
        ("field_of_work=community-policing", {"Community work in Ukraine"}),
        (
            "field_of_work=border-management&field_of_work=community-policing",
            {"Borders with Japan", "Community work in Ukraine"},
        ),
        ("source=secretariat", {"Police in Belarus", "Community work in Ukraine"}),
        ("source=transnational-threats-department", {"Community work in Ukraine"}),
        ("source=field-operations", {"Borders with Japan"}),
        ("country=participating-states", {"Police in Belarus", "Community work in Ukraine"}),
        ("country=asian-partners", {"Borders with Japan"}),
        ("country=belarus", {"Police in Belarus", "Community work in Ukraine"}),
        ("place=minsk", {"Police in Belarus"}),
        ("place=vienna&source=secretariat", set()),
        ("field_of_work=policing&country=ukraine", {"Community work in Ukraine"}),
    ],
)
def test_filters_match_whole_subtrees(client, releases, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_a_release_tagged_with_several_members_of_a_group_is_listed_once(client, releases):
    response = client.get(f"{URL}?country=participating-states&country=belarus")
    assert titles(response).count("Community work in Ukraine") == 1
    assert response.context["paginator"].count == 2


def test_date_range_filters_whole_days(client, make_release):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    vienna = ZoneInfo("Europe/Vienna")
    make_release(title="Early", published_at=datetime(2016, 2, 17, 0, 30, tzinfo=vienna))
    make_release(title="Late", published_at=datetime(2016, 2, 17, 23, 30, tzinfo=vienna))
    make_release(title="Next day", published_at=datetime(2016, 2, 18, 0, 10, tzinfo=vienna))
    response = client.get(f"{URL}?date_from=2016-02-17&date_to=2016-02-17")
    assert set(titles(response)) == {"Early", "Late"}
    response = client.get(f"{URL}?date_from=2016-02-18")
    assert set(titles(response)) == {"Next day"}


@pytest.mark.parametrize(
    "query",
    [
        "country=atlantis",
        "date_from=2016-13-45",
        "date_to=yesterday",
        "q=" + "x" * 500,
        "field_of_work=" + "a" * 5000,
    ],
)
def test_invalid_values_are_reported_and_ignored(client, releases, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert len(titles(response)) == 3


def test_unknown_slug_is_ignored_but_other_values_apply(client, releases):
    response = client.get(f"{URL}?country=atlantis&country=japan")
    assert titles(response) == ["Borders with Japan"]
    assert "atlantis" in response.content.decode()


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc"])
def test_out_of_range_page_is_404(client, releases, page):
    assert client.get(f"{URL}?page={page}").status_code == 404


def test_pagination_keeps_the_filters(client, make_release, taxonomy):
    for _ in range(25):
        make_release(countries=[taxonomy.japan])
    make_release(countries=[taxonomy.belarus])
    response = client.get(f"{URL}?country=japan")
    html = response.content.decode()
    assert response.context["paginator"].count == 25
    assert 'href="?country=japan&amp;page=2"' in html
    page_two = client.get(f"{URL}?country=japan&page=2")
    assert len(titles(page_two)) == 5


def test_facets_count_subtrees_without_double_counting_and_ignore_drafts(client, releases):
    facets = {facet["name"]: facet for facet in client.get(URL).context["facets"]}

    def count(name, slug):
        return {item["node"].slug: item["count"] for item in facets[name]["items"]}.get(slug)

    assert count("country", "participating-states") == 2  # one release tagged twice, once
    assert count("country", "belarus") == 2
    assert count("country", "japan") == 1
    assert count("field_of_work", "policing") == 2  # draft not counted; sub-topic included
    assert count("field_of_work", "community-policing") == 1
    assert count("source", "secretariat") == 2
    assert count("source", "field-operations") == 1
    assert count("place", "minsk") == 1


def test_facet_counts_follow_the_other_filters(client, releases):
    response = client.get(f"{URL}?source=field-operations")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    countries = {item["node"].slug: item["count"] for item in facets["country"]["items"]}
    assert countries == {"asian-partners": 1, "japan": 1}
    sources = {item["node"].slug: item["count"] for item in facets["source"]["items"]}
    assert sources["secretariat"] == 2  # the own facet ignores its own filter


def test_active_filters_are_removable_chips(client, releases):
    response = client.get(f"{URL}?country=belarus&country=ukraine&q=police&page=1")
    html = response.content.decode()
    chips = re.findall(r'<a class="chip" href="\?([^"]*)"', html)
    assert "country=ukraine&amp;q=police" in chips
    assert "country=belarus&amp;q=police" in chips
    assert "country=belarus&amp;country=ukraine" in chips


def test_date_chips_read_as_the_page_does_and_drop_empty_parameters(client, releases):
    html = client.get("/press-releases/?q=&date_from=2016-01-01&date_to=&country=").content.decode()
    chips = re.findall(r'<a class="chip" href="\?([^"]*)">([^<]*)<', html)
    assert chips == [("", "From: 1 January 2016 ")]
    html = client.get("/press-releases/?q=police&date_from=2016-01-01&date_to=").content.decode()
    removals = re.findall(r'<a class="chip" href="\?([^"]*)"', html)
    assert removals == ["q=police", "date_from=2016-01-01"]


def test_empty_result_shows_a_helpful_message(client, releases):
    response = client.get(f"{URL}?q=nonexistentword")
    assert "No press releases match these filters." in response.content.decode()


def test_search_finds_words_in_title_lead_and_body(client, make_release):
    make_release(title="Water management", lead="Rivers.")
    make_release(title="Other", lead="About water in rivers.")
    make_release(title="Third", lead="Nothing.", body="<p>Clean water for all.</p>")
    make_release(title="Unrelated", lead="Nothing here.")
    make_release(title="Water draft", status=Status.DRAFT)
    response = client.get(f"{URL}?q=water")
    assert set(titles(response)) == {"Water management", "Other", "Third"}


@pytest.mark.postgres
def test_postgres_search_ranks_title_above_lead_above_body(client, make_release, db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
    make_release(title="Body hit", lead="Nothing.", body="<p>Landmines cleared.</p>", days_ago=1)
    make_release(title="Lead hit", lead="Landmines cleared.", days_ago=2)
    make_release(title="Landmines cleared", lead="Title hit.", days_ago=3)
    response = client.get(f"{URL}?q=landmine")  # stemmed: landmine matches landmines
    assert titles(response) == ["Landmines cleared", "Lead hit", "Body hit"]


@pytest.mark.postgres
def test_postgres_search_uses_the_full_text_index(make_release, db):
    from django.db import connection

    from press.models import PressRelease

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
    make_release(title="Landmines")
    queryset = PressRelease.objects.search("landmines").order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "press_release_vector_idx" in plan


@pytest.mark.postgres
def test_postgres_search_sees_an_edited_body(client, make_release, db):
    from django.db import connection

    from press.models import PressRelease

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
    release = make_release(title="Regional talks", body="<p>Nothing of note.</p>")
    assert not PressRelease.objects.search("hydropower").exists()

    release.body = "<p>Hydropower on the river was discussed.</p>"
    release.save()
    PressRelease.objects.filter(pk=release.pk).update(title="Hydropower talks")

    found = PressRelease.objects.search("hydropower")
    assert list(found.values_list("title", flat=True)) == ["Hydropower talks"]


@pytest.mark.postgres
def test_postgres_search_finds_a_russian_release_by_inflected_forms(client, make_release, db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
    make_release(
        title="ОБСЕ содействует сотрудничеству правоохранительных органов",
        lead="Обсуждалось распространение новых психоактивных веществ.",
        language="ru",
        days_ago=1,
    )
    make_release(title="Substances in the region", days_ago=2)
    make_release(title="Les policières formées à Vienne", language="fr", days_ago=3)

    response = client.get(f"/ru{URL}?q=психоактивные вещества")
    assert titles(response) == ["ОБСЕ содействует сотрудничеству правоохранительных органов"]
    # The other languages keep their own stemming: English plurals, French feminine plurals.
    assert titles(client.get(f"{URL}?q=substance")) == ["Substances in the region"]
    assert titles(client.get(f"/fr{URL}?q=policière")) == ["Les policières formées à Vienne"]
