"""Linked translations on the public site: the languages an item's page lists and advertises,
the language switcher (to the translation, or to the list that names the languages the item
exists in), local content languages, sitemaps, and no drafts anywhere."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial import translations
from press import workflow
from press.models import PressRelease, Status
from taxonomy.models import FieldOfWork, Structure

from ..press import workflow_world as world
from .test_languages import html_lang, switcher_links

pytestmark = pytest.mark.django_db

EN = "/press-releases/training-ends-in-vienna/"
FR = "/fr/press-releases/la-formation-sacheve-a-vienne/"


def make(title, slug, language, group=None, status=Status.PUBLISHED, **fields):
    source = Structure.objects.get_or_create(
        slug="secretariat", defaults={"name": "Secretariat", "path": "secretariat"}
    )[0]
    release = PressRelease.objects.create(
        title=title,
        slug=slug,
        lead=fields.pop("lead", f"Lead of {title}."),
        source=source,
        status=status,
        language=language,
        published_at=timezone.now() - timedelta(days=1),
        translation_of=group,
        **({"translation_key": group.translation_key} if group else {}),
        **fields,
    )
    field = FieldOfWork.objects.get_or_create(slug="policing", defaults={"name": "Policing"})[0]
    release.fields_of_work.add(field)
    return release


@pytest.fixture
def english(db):
    return make("Training ends in Vienna", "training-ends-in-vienna", "en")


@pytest.fixture
def french(english):
    return make("La formation s’achève à Vienne", "la-formation-sacheve-a-vienne", "fr", english)


def alternates(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)


def available(html):
    block = re.search(r'<div class="item-languages">.*?</div>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+">([^<]+)</a>', block)
    current = re.findall(r'<span lang="([^"]+)" aria-current="true">([^<]+)</span>', block)
    return links, current


def test_the_switcher_leads_to_the_translation(client, french):
    links = switcher_links(client.get(EN))
    assert links["fr"] == FR
    assert links["en"] == EN
    back = switcher_links(client.get(FR))
    assert back["en"] == EN
    assert back["fr"] == FR
    # Languages without a version lead to their newsroom, which names the versions.
    assert back["de"] == "/de/press-releases/?untranslated=la-formation-sacheve-a-vienne"


def test_hreflang_names_only_the_versions_that_exist(client, french):
    expected = [
        ("en", f"http://testserver{EN}"),
        ("fr", f"http://testserver{FR}"),
        ("x-default", f"http://testserver{EN}"),
    ]
    assert alternates(client.get(EN).text) == expected
    # The same set from each version, and from the English one shown in the German interface.
    assert alternates(client.get(FR).text) == expected
    assert alternates(client.get(f"/de{EN}").text) == expected


def test_the_page_lists_the_languages_it_is_available_in(client, french):
    links, current = available(client.get(EN).text)
    assert links == [(FR, "fr", "Français")]
    assert current == [("en", "English")]
    links, current = available(client.get(FR).text)
    assert links == [(EN, "en", "English")]
    assert current == [("fr", "Français")]
    page = client.get(FR).text
    assert html_lang(client.get(FR)) == "fr"
    assert '<h1 class="release__title">La formation s’achève à Vienne</h1>' in page


def test_a_single_language_item_lists_its_one_language(client, english):
    links, current = available(client.get(EN).text)
    assert (links, current) == ([], [("en", "English")])


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED, Status.UNPUBLISHED]
)
def test_a_version_that_is_not_public_is_never_named(client, english, status):
    draft = make("Brouillon secret", "brouillon-secret", "fr", english, status=status)
    if status == Status.SCHEDULED:
        PressRelease.objects.filter(pk=draft.pk).update(
            published_at=timezone.now() + timedelta(days=2)
        )
    page = client.get(EN).text
    assert "brouillon-secret" not in page
    assert "Brouillon secret" not in page
    assert alternates(page) == [
        ("en", f"http://testserver{EN}"),
        ("x-default", f"http://testserver{EN}"),
    ]
    assert switcher_links(client.get(EN))["fr"] == (
        "/fr/press-releases/?untranslated=training-ends-in-vienna"
    )
    newsroom = client.get("/fr/press-releases/?untranslated=training-ends-in-vienna").text
    assert "brouillon-secret" not in newsroom


def test_a_trashed_version_is_never_named(client, french):
    PressRelease.objects.filter(pk=french.pk).update(deleted_at=timezone.now())
    assert "sacheve" not in client.get(EN).text


def test_the_list_says_which_languages_an_untranslated_item_exists_in(client, french):
    response = client.get("/ru/press-releases/?untranslated=training-ends-in-vienna")
    assert response.status_code == 200
    notice = re.search(r'<div class="notice" role="status">.*?</div>', response.text, re.S)
    assert notice, "no notice on the list"
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)"', notice.group(0))
    assert links == [(EN, "en"), (FR, "fr")]
    assert "У этого пресс-релиза нет версии на этом языке" in notice.group(0)  # noqa: RUF001 - Russian
    assert '<meta name="robots" content="noindex, follow">' in response.text


def test_the_list_goes_to_the_version_in_its_language_when_there_is_one(client, french):
    response = client.get("/fr/press-releases/?untranslated=training-ends-in-vienna")
    assert response.status_code == 302
    assert response["Location"] == FR


@pytest.mark.parametrize("value", ["no-such-release", "", "x" * 5000, "%00", "'; drop"])
def test_an_unknown_untranslated_value_says_nothing(client, english, value):
    response = client.get("/ru/press-releases/", {"untranslated": value})
    assert response.status_code == 200
    assert 'class="notice" role="status"' not in response.text


def test_a_local_language_version_keeps_the_interface_and_marks_its_content(client, english):
    albanian = make("Trajnimi përfundon në Vjenë", "trajnimi-perfundon", "sq", english)
    response = client.get(albanian.get_absolute_url())
    assert response.status_code == 200
    assert html_lang(response) == "en"  # the interface; the content says its own language
    assert '<h1 class="release__title" lang="sq">Trajnimi përfundon në Vjenë</h1>' in response.text
    assert 'class="release__body rich-text" lang="sq"' in response.text
    assert ("sq", "http://testserver/press-releases/trajnimi-perfundon/") in alternates(
        response.text
    )
    links, _current = available(client.get(EN).text)
    assert ("/press-releases/trajnimi-perfundon/", "sq", "Shqip") in links
    # In the French interface too the content stays marked as Albanian.
    french_ui = client.get("/fr/press-releases/trajnimi-perfundon/")
    assert html_lang(french_ui) == "fr"
    assert '<h1 class="release__title" lang="sq">' in french_ui.text


def test_the_sitemap_links_the_versions_of_an_item(client, french):
    make("Ungelesener Entwurf", "ungelesener-entwurf", "de", french.translation_of, Status.DRAFT)
    alone = make("Another one", "another-one", "en")
    root = ElementTree.fromstring(client.get("/sitemap-press-releases.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)
        ]
        for url in root.findall("s:url", ns)
    }
    pair = [("en", f"http://testserver{EN}"), ("fr", f"http://testserver{FR}")]
    assert entries == {
        f"http://testserver{EN}": pair,
        f"http://testserver{FR}": pair,
        f"http://testserver{alone.get_absolute_url()}": [],
    }


def test_a_release_page_costs_the_same_queries_with_more_versions(client, english):
    def cost():
        client.get(EN)  # what a page remembers between requests is remembered
        with CaptureQueriesContext(connection) as queries:
            assert client.get(EN).status_code == 200
        return len(queries)

    alone = cost()
    make("Version fr", "version-fr", "fr", english)
    one = cost()
    # An item alone in its group reads no versions (its page's query says it is alone).
    assert one == alone + 1
    for code in ("de", "it", "ru", "es", "sq"):
        make(f"Version {code}", f"version-{code}", code, english)
    assert cost() == one
    assert len(available(client.get(EN).text)[0]) == 6


def test_a_draft_version_is_read_and_not_named(client, english):
    make("Brouillon", "brouillon", "fr", english, status=Status.DRAFT)
    html = client.get(EN).text
    assert "brouillon" not in html and "Brouillon" not in html


def test_translate_then_publish_shows_the_new_version_on_the_original(client, english):
    officer = world.user("press_officer", english.source, name="officer")
    editor = world.user("editor", english.source, name="editor")
    german = translations.translate(english, officer, "de")
    assert switcher_links(client.get(EN))["de"].startswith("/de/press-releases/?untranslated=")
    german.title = "Schulung in Wien beendet"
    german.save()
    workflow.publish(german, editor)
    assert switcher_links(client.get(EN))["de"] == "/de/press-releases/training-ends-in-vienna-de/"
