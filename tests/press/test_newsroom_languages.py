"""The newsroom in a language lists the releases in that language; a facet includes others, and
every count follows the languages chosen."""

import re

import pytest

from press.filters import ReleaseFilter
from press.models import PressRelease, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases(make_release, taxonomy):
    return {
        "en_police": make_release(title="Police training", fields=[taxonomy.policing]),
        "en_borders": make_release(title="Border talks", fields=[taxonomy.borders]),
        "fr_police": make_release(
            title="Formation de la police", language="fr", fields=[taxonomy.community]
        ),
        "ru_police": make_release(
            title="Подготовка полиции", language="ru", fields=[taxonomy.policing]
        ),
        "sq_police": make_release(
            title="Trajnim i policisë", language="sq", fields=[taxonomy.policing]
        ),
    }


def titles(response):
    return [release.title for release in response.context["releases"]]


def language_facet(response):
    [facet] = [facet for facet in response.context["facets"] if facet["name"] == "language"]
    return facet


def counts(facet):
    return {item["node"].slug: item["count"] for item in facet["items"]}


def test_each_newsroom_lists_its_own_language(client, releases):
    assert sorted(titles(client.get("/press-releases/"))) == ["Border talks", "Police training"]
    assert titles(client.get("/fr/press-releases/")) == ["Formation de la police"]
    assert titles(client.get("/ru/press-releases/")) == ["Подготовка полиции"]
    assert titles(client.get("/de/press-releases/")) == []
    assert client.get("/fr/press-releases/").context["paginator"].count == 1


def test_the_language_facet_counts_each_language_with_the_other_filters(client, releases):
    facet = language_facet(client.get("/fr/press-releases/"))
    assert counts(facet) == {"en": 2, "fr": 1, "ru": 1, "sq": 1}
    assert [item["node"].slug for item in facet["items"] if item["selected"]] == ["fr"]
    assert facet["total"] == 5
    policing = language_facet(client.get("/fr/press-releases/?field_of_work=policing"))
    assert counts(policing) == {"en": 1, "fr": 1, "ru": 1, "sq": 1}  # the subtree: community


def test_other_facets_count_the_chosen_languages(client, releases):
    def field_counts(url):
        [facet] = [f for f in client.get(url).context["facets"] if f["name"] == "field_of_work"]
        return counts(facet)

    assert field_counts("/fr/press-releases/") == {"policing": 1, "community-policing": 1}
    assert field_counts("/press-releases/") == {"policing": 1, "border-management": 1}
    assert field_counts("/press-releases/?language=all") == {
        "policing": 4,
        "community-policing": 1,
        "border-management": 1,
    }


def test_other_languages_are_included_on_request(client, releases):
    page = client.get("/fr/press-releases/")
    assert '<a href="?language=all">Inclure d’autres langues</a>' in page.text
    assert len(titles(client.get("/fr/press-releases/?language=all"))) == 5
    both = client.get("/fr/press-releases/?language=fr&language=sq")
    assert sorted(titles(both)) == ["Formation de la police", "Trajnim i policisë"]
    chips = re.findall(r'<a class="chip" href="\?([^"]*)">([^<]*) <', both.text)
    assert chips == [("language=sq", "Langue: Français"), ("language=fr", "Langue: Shqip")]
    # Filters keep the choice of languages, and a filter link keeps its languages.
    assert "Inclure d’autres langues" not in both.text
    policing = client.get("/fr/press-releases/?language=all&field_of_work=policing")
    assert len(titles(policing)) == 4
    assert 'id="facet-language-all" checked' in policing.text


def test_an_unknown_language_is_ignored_with_a_notice(client, releases):
    response = client.get("/ru/press-releases/?language=xx&language=fr-FR")
    assert response.status_code == 200
    assert titles(response) == ["Подготовка полиции"]  # as if none was asked
    notices = [str(notice) for notice in response.context["filter"].form.notices]
    assert any("xx" in notice for notice in notices)
    assert any("fr-FR" in notice for notice in notices)


def test_the_feed_of_a_newsroom_follows_its_language(client, releases):
    french = client.get("/fr/press-releases/feed/").text
    assert "Formation de la police" in french
    assert "Police training" not in french
    assert "Police training" in client.get("/fr/press-releases/feed/?language=en").text


def test_counts_and_facets_are_remembered_per_language(client, releases):
    english = client.get("/press-releases/").context["paginator"].count
    french = client.get("/fr/press-releases/").context["paginator"].count
    every = client.get("/fr/press-releases/?language=all").context["paginator"].count
    assert (english, french, every) == (2, 1, 5)
    assert language_facet(client.get("/press-releases/"))["items"][0]["selected"]


def test_drafts_count_in_no_language(client, releases, make_release):
    make_release(title="Brouillon", language="fr", status=Status.DRAFT)
    assert counts(language_facet(client.get("/fr/press-releases/")))["fr"] == 1
    assert "Brouillon" not in client.get("/fr/press-releases/?language=all").text


def test_feeds_and_alerts_without_a_default_list_every_language(releases):
    everything = ReleaseFilter(None, queryset=PressRelease.objects.listed())
    assert everything.qs.count() == 5
    assert not everything.language_defaulted


def test_asking_for_the_page_language_is_the_default(client, releases):
    response = client.get("/fr/press-releases/?language=fr")
    assert titles(response) == ["Formation de la police"]
    assert response.context["active_filters"] == []
    assert "Inclure d’autres langues" in response.text
    assert 'value="fr" id="facet-language-fr" checked data-page-language' in response.text
