"""The public site in English (unprefixed, as before) and in French, German, Italian, Russian and
Spanish."""

import re
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from press.models import PressRelease, Status
from taxonomy.models import Country, FieldOfWork, Structure

LANGUAGES = {
    "fr": ("Communiqués de presse", "Français"),
    "de": ("Pressemitteilungen", "Deutsch"),
    "it": ("Comunicati stampa", "Italiano"),
    "ru": ("Пресс-релизы", "Русский"),
    "es": ("Comunicados de prensa", "Español"),
}


@pytest.fixture
def site(db):
    policing = FieldOfWork.objects.create(name="Policing", slug="policing")
    austria = Country.objects.create(name="Austria", slug="austria", iso_code="AT")
    secretariat = Structure.objects.create(
        name="Secretariat", slug="secretariat", public_name="OSCE Secretariat", path="secretariat"
    )
    release = PressRelease.objects.create(
        title="Training ends in Vienna",
        slug="training-ends-in-vienna",
        lead="Officers completed the course.",
        source=secretariat,
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    release.fields_of_work.set([policing])
    release.countries.set([austria])
    return {"release": release, "policing": policing, "austria": austria}


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"i18n-{uuid.uuid4().hex}",
        }
    }


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.text).group(1)


def switcher_links(response):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.text, re.S).group(0)
    return {lang: href for href, lang in re.findall(r'href="([^"]*)" lang="([^"]+)"', nav)}


PUBLIC_PATHS = [
    "/",
    "/press-releases/",
    "/press-releases/training-ends-in-vienna/",
    "/fields-of-work/",
    "/fields-of-work/policing/",
    "/countries/",
    "/countries/austria/",
    "/structures/",
    "/structures/secretariat/",
    "/meetings/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_english_pages_keep_their_unprefixed_paths(client, site, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr,de;q=0.8")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert response.headers["Content-Language"] == "en"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_page_is_served_in_each_language(client, site, language, path):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    assert html_lang(response) == language
    # The header's search box and the site name are always on the page.
    assert "Search press releases" not in response.text
    assert "Organization for Security and Co-operation in Europe" not in response.text


@pytest.mark.parametrize(("language", "expected"), LANGUAGES.items())
def test_newsroom_and_release_labels_are_translated(client, site, language, expected):
    newsroom = client.get(f"/{language}/press-releases/")
    assert re.search(rf"<h1[^>]*>{expected[0]}</h1>", newsroom.text)
    release = client.get(f"/{language}/press-releases/training-ends-in-vienna/")
    assert expected[0] in release.text  # the breadcrumb


DATES = {
    "en": "17 February 2016",
    "fr": "17 février 2016",
    "de": "17. Februar 2016",
    "it": "17 febbraio 2016",
    "ru": "17 февраля 2016 г.",  # noqa: RUF001 - the Cyrillic abbreviation of "year"
    "es": "17 de febrero de 2016",
}


@pytest.mark.parametrize(("language", "date"), DATES.items())
def test_dateline_and_cards_write_the_date_as_the_language_does(client, site, language, date):
    site["release"].published_at = timezone.datetime(2016, 2, 17, 12, tzinfo=timezone.UTC)
    site["release"].save()
    prefix = "" if language == "en" else f"/{language}"
    page = client.get(f"{prefix}/press-releases/training-ends-in-vienna/").text
    assert f'<time datetime="2016-02-17T13:00:00+01:00">{date}</time>' in page
    # The newsroom in a language lists that language's releases; this one is English.
    assert f">{date}</time>" in client.get(f"{prefix}/press-releases/?language=all").text


# 1,001 releases: the count's digits are grouped, and its noun agrees with the number.
COUNTS = {
    "en": "1,001 press releases",
    "fr": "1\N{NO-BREAK SPACE}001 communiqués de presse",
    "de": "1.001 Pressemitteilungen",
    "it": "1.001 comunicati stampa",
    "ru": "1\N{NO-BREAK SPACE}001 пресс-релиз",
    "es": "1\N{NO-BREAK SPACE}001 comunicados de prensa",
}


def test_counts_group_digits_and_agree_as_the_language_does(client, site):
    release = site["release"]
    PressRelease.objects.bulk_create(
        PressRelease(
            title=f"Release {n}",
            slug=f"release-{n}",
            lead="Lead.",
            source=release.source,
            status=Status.PUBLISHED,
            published_at=release.published_at,
        )
        for n in range(1000)
    )
    for language, count in COUNTS.items():
        prefix = "" if language == "en" else f"/{language}"
        page = client.get(f"{prefix}/press-releases/?language=en").text
        assert f'<p class="newsroom__count" role="status">{count}</p>' in page
    assert "1 пресс-релиз<" in client.get("/ru/press-releases/?q=Training&language=all").text
    assert "1 Pressemitteilung<" in client.get("/de/press-releases/?q=Training&language=en").text


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_language_of_its_prefix(client, db, language):
    response = client.get(f"/{language}/press-releases/no-such-release/")
    assert response.status_code == 404
    assert html_lang(response) == language
    assert "Page not found" not in response.text
    # No hreflang alternates for a page that does not exist; the switcher offers home pages.
    assert 'hreflang="x-default"' not in response.text
    assert switcher_links(response)["en"] == "/"


def test_unknown_language_prefix_is_not_found(client, db):
    assert client.get("/xx/press-releases/").status_code == 404
    assert client.get("/pt/press-releases/").status_code == 404  # a real language, not the site's
    assert client.get("/sq/").status_code == 404
    assert client.get("/en/press-releases/").status_code == 404  # English has no prefix
    assert client.get("/it/press-releases/").status_code == 200
    assert client.get("/es/press-releases/").status_code == 200


def test_switcher_links_to_the_same_page_in_each_language_with_the_query(client, site):
    response = client.get("/fr/press-releases/?field_of_work=policing&page=1")
    links = switcher_links(response)
    assert links == {
        "en": "/press-releases/?field_of_work=policing&amp;page=1",
        "fr": "/fr/press-releases/?field_of_work=policing&amp;page=1",
        "de": "/de/press-releases/?field_of_work=policing&amp;page=1",
        "it": "/it/press-releases/?field_of_work=policing&amp;page=1",
        "ru": "/ru/press-releases/?field_of_work=policing&amp;page=1",
        "es": "/es/press-releases/?field_of_work=policing&amp;page=1",
    }
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.text, re.S).group(0)
    assert 'aria-label="Langue"' in nav
    for name in ("English", "Français", "Deutsch", "Italiano", "Русский", "Español"):
        assert f">{name}</a>" in nav
    assert re.search(r'hreflang="fr" aria-current="true">Français<', nav)
    assert nav.count("aria-current") == 1
    assert "<form" not in nav


def test_release_page_switcher_and_hreflang_alternates(client, site):
    response = client.get("/press-releases/training-ends-in-vienna/")
    path = "/press-releases/training-ends-in-vienna/"
    # The release is in English only: the Russian link leads to the Russian newsroom, which says
    # so (tests/i18n/test_linked_translations.py); its pages in the other languages show the
    # English text, so they are not advertised as versions in those languages.
    assert switcher_links(response)["ru"] == (
        "/ru/press-releases/?untranslated=training-ends-in-vienna"
    )
    assert switcher_links(response)["en"] == path
    alternates = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text
    )
    assert alternates == [
        ("en", f"http://testserver{path}"),
        ("x-default", f"http://testserver{path}"),
    ]


def test_page_cache_never_serves_one_language_for_another(client, site, page_cache):
    english = client.get("/press-releases/")
    french = client.get("/fr/press-releases/")
    assert html_lang(english) == "en"
    assert html_lang(french) == "fr"
    # Served again (now from the cache), each URL keeps its own language whatever the browser asks.
    assert html_lang(client.get("/press-releases/", HTTP_ACCEPT_LANGUAGE="fr")) == "en"
    assert html_lang(client.get("/fr/press-releases/", HTTP_ACCEPT_LANGUAGE="en")) == "fr"
    client.cookies["django_language"] = "ru"
    assert html_lang(client.get("/press-releases/")) == "en"
    assert html_lang(client.get("/de/press-releases/")) == "de"


def test_page_cache_keeps_one_copy_per_url_whatever_the_browser_language(client, site, page_cache):
    client.get("/fr/press-releases/?language=all", HTTP_ACCEPT_LANGUAGE="ru")
    # A second visitor with another browser language is served the stored page: no new render.
    site["release"].__class__.objects.filter(pk=site["release"].pk).update(title="Changed quietly")
    again = client.get("/fr/press-releases/?language=all", HTTP_ACCEPT_LANGUAGE="de")
    assert "Training ends in Vienna" in again.text


def test_feed_exists_in_each_language(client, site):
    english = client.get("/press-releases/feed/")
    french = client.get("/fr/press-releases/feed/")
    assert english.status_code == french.status_code == 200
    assert "<language>en</language>" in english.text
    assert "<language>fr</language>" in french.text
    assert "Communiqués de presse" in french.text
    # As its newsroom, the French feed lists French releases unless asked for others.
    assert "training-ends-in-vienna" not in french.text
    everything = client.get("/fr/press-releases/feed/?language=all")
    assert "http://testserver/fr/press-releases/training-ends-in-vienna/" in everything.text
    assert "training-ends-in-vienna" in english.text


def test_unprefixed_site_urls_stay_outside_the_languages(client, db):
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/fr/robots.txt").status_code == 404
    assert client.get("/fr/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 200


def test_release_in_another_language_is_marked_for_screen_readers(client, site):
    page = client.get("/fr/press-releases/training-ends-in-vienna/").text
    assert '<h1 class="release__title" lang="en">' in page
    card = client.get("/fr/press-releases/?language=all").text
    assert '<h3 class="release-card__title" lang="en">' in card
    english = client.get("/press-releases/").text
    assert '<h3 class="release-card__title" lang=' not in english


def test_admin_speaks_its_users_language(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))
    spanish = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").text
    assert '<html lang="es"' in spanish
    assert "Comunicados de prensa" in spanish  # the project's own catalogue
    client.cookies["django_language"] = "it"
    italian = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").text
    assert '<html lang="it"' in italian
    assert "Tassonomie e navigazione" in italian
    # The public pages still take their language from the path alone.
    assert html_lang(client.get("/press-releases/")) == "en"


def test_a_translated_url_is_remembered_per_active_language():
    from django.utils import translation

    from osce_cms.templatetags.languages import translate_url

    path = "/fr/press-releases/?page=2"
    with translation.override("en"):  # "/fr/..." does not resolve under the English prefix
        assert translate_url(path, "de") == path
    with translation.override("fr"):
        assert translate_url(path, "de") == "/de/press-releases/?page=2"
        assert translate_url(path, "en") == "/press-releases/?page=2"
