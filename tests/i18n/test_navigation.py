"""The navigation in every language: trees, menus and pages translated, English where a
translation is missing (marked lang="en"), addresses the same in every language, hreflang only
for versions really in that language."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from press.models import PressRelease, Status
from taxonomy import trees
from taxonomy.demo_translations import LANGUAGES
from taxonomy.models import (
    Country,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuItem,
    Page,
    Place,
    Structure,
)


@pytest.fixture
def site(db):
    policing = trees.create_node(
        FieldOfWork,
        name="Policing",
        slug="policing",
        name_fr="Activités de police",
        name_ru="Полицейская деятельность",
        description="Police reform and training.",
        description_fr="Réforme et formation de la police.",
    )
    community = trees.create_node(
        FieldOfWork, policing, name="Community policing", slug="community-policing"
    )
    secretariat = trees.create_node(
        Structure,
        name="Secretariat",
        slug="secretariat",
        name_fr="Secrétariat",
        public_name="OSCE Secretariat",
        public_name_fr="Secrétariat de l’OSCE",
    )
    menu = Menu.objects.create(name="Main", slug="main")
    heading = trees.create_node(
        MenuItem, menu=menu, label="Our work", label_fr="Nos activités", is_heading=True
    )
    trees.create_node(MenuItem, menu=menu, parent=heading, label="Policing", field_of_work=policing)
    release = PressRelease.objects.create(
        title="Training ends in Vienna",
        slug="training-ends-in-vienna",
        lead="Officers completed the course.",
        source=secretariat,
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    release.fields_of_work.set([policing, community])
    return {"policing": policing, "community": community, "release": release}


def test_term_pages_show_the_names_in_the_page_language(client, site):
    page = client.get("/fr/fields-of-work/policing/").text
    assert "<h1>Activités de police</h1>" in page
    assert '<p class="lead">Réforme et formation de la police.</p>' in page
    # The child has no French name: English, marked for screen readers.
    assert '<a href="/fr/fields-of-work/community-policing/" lang="en">Community policing</a>' in (
        page
    )
    russian = client.get("/ru/fields-of-work/policing/").text
    assert "<h1>Полицейская деятельность</h1>" in russian
    assert '<p class="lead" lang="en">Police reform and training.</p>' in russian
    english = client.get("/fields-of-work/policing/").text
    assert "<h1>Policing</h1>" in english
    assert 'lang="en"' not in english.split("<main", 1)[1]


def test_lists_breadcrumbs_and_menus_follow_the_page_language(client, site):
    index = client.get("/fr/fields-of-work/").text
    assert '<a href="/fr/fields-of-work/policing/">Activités de police</a>' in index
    child = client.get("/fr/fields-of-work/community-policing/").text
    assert '<li><a href="/fr/fields-of-work/policing/">Activités de police</a></li>' in child
    assert '<span aria-current="page" lang="en">Community policing</span>' in child
    # The main menu: a translated heading, and a label with no French version, marked.
    assert 'aria-controls="mega-panel-1">Nos activités</button>' in child
    assert 'href="/fr/fields-of-work/policing/" lang="en">Policing</a>' in child


def test_release_page_and_newsroom_name_the_tags_in_the_page_language(client, site):
    release = client.get("/fr/press-releases/training-ends-in-vienna/").text
    assert '<a href="/fr/fields-of-work/policing/">Activités de police</a>' in release
    assert (
        '<a href="/fr/fields-of-work/community-policing/" lang="en">Community policing</a>'
        in release
    )
    assert '<a href="/fr/structures/secretariat/">Secrétariat de l’OSCE</a>' in release
    # The release is in English: the French newsroom lists it once other languages are included.
    newsroom = client.get("/fr/press-releases/?field_of_work=community-policing&language=all").text
    assert '<label for="facet-field_of_work-policing">Activités de police <span' in newsroom
    fallback = '<span lang="en">Community policing</span>'
    assert f'<label for="facet-field_of_work-community-policing">{fallback}' in newsroom
    assert f'<a class="chip" href="?language=all">{fallback}' in newsroom
    card = client.get("/fr/press-releases/?language=all").text
    assert '<span class="release-card__source">Secrétariat de l’OSCE</span>' in card


def test_addresses_are_the_same_in_every_language(client, site):
    assert client.get("/ru/fields-of-work/policing/").status_code == 200
    assert client.get("/fr/fields-of-work/activites-de-police/").status_code == 404
    # A filter in a shared link means the same in every language.
    assert "Activités de police" in client.get("/fr/press-releases/?field_of_work=policing").text


def alternates(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


def test_hreflang_names_only_the_languages_a_page_is_translated_into(client, site):
    term = alternates(client.get("/fr/fields-of-work/policing/").text)
    assert term == {
        "en": "http://testserver/fields-of-work/policing/",
        "x-default": "http://testserver/fields-of-work/policing/",
        "fr": "http://testserver/fr/fields-of-work/policing/",
        "ru": "http://testserver/ru/fields-of-work/policing/",
    }
    # The release is in English: its French page (French interface, English text) is not a
    # French version of it.
    release = alternates(client.get("/fr/press-releases/training-ends-in-vienna/").text)
    assert release == {
        "en": "http://testserver/press-releases/training-ends-in-vienna/",
        "x-default": "http://testserver/press-releases/training-ends-in-vienna/",
    }
    # Lists are the interface's own pages: there is one in every language.
    assert set(alternates(client.get("/press-releases/").text)) == {
        "en",
        "x-default",
        *LANGUAGES,
    }


def test_sitemaps_list_each_translated_address_with_its_alternates(client, site):
    xml = client.get("/sitemap-fields-of-work.xml").text
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert locations == [
        "http://testserver/fields-of-work/policing/",
        "http://testserver/fr/fields-of-work/policing/",
        "http://testserver/ru/fields-of-work/policing/",
        "http://testserver/fields-of-work/community-policing/",
    ]
    policing = xml.split("<url>")[1]
    links = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', policing)
    assert links == [
        ("en", "http://testserver/fields-of-work/policing/"),
        ("fr", "http://testserver/fr/fields-of-work/policing/"),
        ("ru", "http://testserver/ru/fields-of-work/policing/"),
        ("x-default", "http://testserver/fields-of-work/policing/"),
    ]


def test_site_administrators_translate_names_in_the_admin(client, site):
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))
    url = f"/admin/taxonomy/fieldofwork/{site['community'].pk}/change/"
    form = client.get(url).text
    for code in ("en", *LANGUAGES):
        assert f'name="name_{code}"' in form
        assert f'name="description_{code}"' in form
    response = client.post(
        url,
        {
            "name_en": "Community policing",
            "name_es": "Policía de proximidad",
            "slug": "community-policing",
            "parent": site["policing"].pk,
        },
    )
    assert response.status_code == 302, response.text
    node = FieldOfWork.objects.get(pk=site["community"].pk)
    assert (node.name_en, node.name_es, node.name_fr) == (
        "Community policing",
        "Policía de proximidad",
        None,
    )
    assert (
        "<h1>Policía de proximidad</h1>"
        in client.get("/es/fields-of-work/community-policing/").text
    )
    # English is required.
    refused = client.post(url, {"name_en": "", "slug": "community-policing"})
    assert refused.status_code == 200
    assert FieldOfWork.objects.get(pk=node.pk).name_en == "Community policing"


TRANSLATED_TREES = [
    (FieldOfWork, ("name",)),
    (Country, ("name",)),
    (Structure, ("name",)),
    (Place, ("name",)),
    (MeetingType, ("name",)),
    (MenuItem, ("label",)),
    (Page, ("title", "body")),
]


def test_the_demo_navigation_exists_in_all_six_languages(demo):
    for model, fields in TRANSLATED_TREES:
        for field in fields:
            for code in LANGUAGES:
                missing = model._default_manager.filter(**{f"{field}_{code}__isnull": True})
                assert list(missing.values_list(f"{field}_en", flat=True)) == [], (model, code)
    policing = FieldOfWork.objects.get(slug="policing")
    assert policing.name_fr == "Activités de police"
    assert policing.name_ru == "Полицейская деятельность"
    secretariat = Structure.objects.get(slug="secretariat")
    assert secretariat.public_name_de == "OSZE-Sekretariat"
    assert Structure.objects.get(slug="chairpersonship").description_it.startswith(
        "Lo Stato partecipante"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_shows_no_english_name_in_the_other_languages(client, demo, language):
    for path in ("/fields-of-work/", "/countries/", "/structures/", "/meetings/"):
        page = client.get(f"/{language}{path}").text
        # The switcher's link to the English site is the one English text.
        page = re.sub(r'<nav class="language-switcher".*?</nav>', "", page, flags=re.S)
        assert ' lang="en"' not in page, path
    assert "Полицейская деятельность" in client.get("/ru/fields-of-work/").text


def test_co_issuers_are_named_in_the_page_language(client, site):
    from press.models import CoIssuer

    release = PressRelease.objects.get(slug="training-ends-in-vienna")
    mission = trees.create_node(
        Structure, name="Mission to Serbia", slug="mission-to-serbia", name_fr="Mission en Serbie"
    )
    office = trees.create_node(Structure, name="Project Office", slug="project-office")
    CoIssuer.objects.create(release=release, structure=mission, position=1)
    CoIssuer.objects.create(release=release, structure=office, position=2)
    french = client.get("/fr/press-releases/?language=all").text
    card = '<span class="release-card__source">Secrétariat de l’OSCE, Mission en Serbie, '
    assert card + "Project Office</span>" in french  # English for want of a translation
    english = client.get("/press-releases/").text
    assert "OSCE Secretariat, Mission to Serbia, Project Office</span>" in english
