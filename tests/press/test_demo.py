from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F

from press import demo, demo_translations
from press.models import CoIssuer, Kind, PressRelease, Status


@pytest.fixture
def demo_taxonomy(db):
    from taxonomy import demo as taxonomy_demo

    taxonomy_demo.load(stdout=StringIO())


def test_seed_release_is_loaded_faithfully_and_idempotently(client, demo_taxonomy):
    demo.load(StringIO())
    demo.load(StringIO())
    release = PressRelease.objects.get(language="en")
    assert release.title == demo.SEED_TITLE
    assert release.status == Status.PUBLISHED
    assert release.place.slug == "minsk"
    assert release.source.display_name == "OSCE Secretariat"
    assert list(release.fields_of_work.values_list("name", flat=True)) == ["Policing"]
    assert set(release.countries.values_list("name", flat=True)) == {
        "Belarus",
        "Bulgaria",
        "Latvia",
        "Lithuania",
        "Moldova",
        "Russian Federation",
        "Ukraine",
    }
    html = client.get(release.get_absolute_url()).content.decode()
    assert "17 February 2016" in html and "MINSK" in html
    for paragraph in demo.SEED_PARAGRAPHS:
        assert paragraph.replace("’", "&#x27;").replace("'", "&#x27;")[:60] in html.replace(
            "’", "&#x27;"
        )


def test_loading_again_never_overwrites_what_the_newsroom_changed(demo_taxonomy):
    release = demo.load(StringIO())
    PressRelease.objects.filter(pk=release.pk).update(
        status=Status.WITHDRAWN, title="Corrected headline", lead="An edited lead."
    )
    release.fields_of_work.clear()

    call_command("load_demo", stdout=StringIO())

    release = PressRelease.objects.get(language="en")
    assert (release.status, release.title, release.lead) == (
        Status.WITHDRAWN,
        "Corrected headline",
        "An edited lead.",
    )
    assert not release.fields_of_work.exists()


def test_a_deleted_seed_release_is_not_brought_back(demo_taxonomy):
    release = demo.load(StringIO())
    PressRelease.objects.filter(pk=release.pk).update(slug="renamed", deleted_at=release.created_at)
    call_command("load_demo", stdout=StringIO())
    assert set(PressRelease.objects.values_list("slug", flat=True)) == {
        "renamed",
        demo.SEED_RU_SLUG,
    }


def test_generate_adds_unique_releases_on_every_run(demo_taxonomy):
    demo.load(StringIO())
    demo.generate(30, StringIO())
    demo.generate(20, StringIO())
    generated = PressRelease.objects.filter(slug__startswith="generated-")
    assert generated.count() == 50
    assert len(set(generated.values_list("slug", flat=True))) == 50
    assert all(release.fields_of_work.exists() for release in generated[:10])
    years = {release.published_at.year for release in generated}
    assert min(years) >= 2010 and max(years) <= 2026


def test_load_demo_command_with_releases(demo_taxonomy):
    out = StringIO()
    call_command("load_demo", "--releases", "10", stdout=out)
    assert PressRelease.objects.count() == 12  # the seed, in English and Russian, and 10
    assert "Generated 10 press releases" in out.getvalue()


def test_the_demo_newsroom_has_varied_lead_images_on_a_third_and_is_loaded_once(demo_taxonomy):
    demo.load(StringIO())
    assert demo.load_newsroom(StringIO(), size=45) == 45
    # The originals (a share also has a translation: test below).
    generated = PressRelease.objects.filter(slug__startswith="generated-", translation_of=None)
    with_images = generated.exclude(lead_image="")
    assert generated.count() == 45 and with_images.count() == 15
    assert len(set(with_images.values_list("lead_image", flat=True))) == 15
    for release in with_images:
        assert release.lead_image_alt.startswith("Abstract illustration")
        assert release.lead_image_renditions["webp"], release.slug
        assert release.lead_image.storage.exists(release.lead_image_renditions["webp"][0][2])
    years = {release.published_at.year for release in generated}
    assert len(years) > 5
    assert demo.load_newsroom(StringIO(), size=45) == 0
    assert generated.count() == 45


def test_the_demo_newsroom_has_every_kind_and_jointly_issued_releases(demo_taxonomy):
    demo.generate(200, StringIO())
    generated = PressRelease.objects.filter(slug__startswith="generated-")
    assert set(generated.values_list("kind", flat=True)) == set(Kind.values)
    joint = CoIssuer.objects.filter(release__in=generated)
    assert 10 <= joint.values("release").distinct().count() <= 50
    assert not joint.filter(structure_id=F("release__source_id")).exists()
    assert not joint.filter(structure__closed_on__isnull=False).exists()


def test_the_demo_newsroom_is_not_added_to_a_site_with_releases_of_its_own(make_release):
    make_release(title="Our own news")
    assert demo.load_newsroom(StringIO(), size=10) == 0
    assert PressRelease.objects.count() == 1


def test_the_seed_release_exists_in_russian_as_its_linked_translation(client, demo_taxonomy):
    english = demo.load(StringIO())
    russian = PressRelease.objects.get(language="ru")
    assert russian.translation_key == english.translation_key
    assert russian.translation_of == english
    assert russian.title == demo_translations.SEED_RU_TITLE
    assert russian.status == Status.PUBLISHED and russian.published_at == english.published_at
    assert (russian.source, russian.place) == (english.source, english.place)
    assert set(russian.fields_of_work.all()) == set(english.fields_of_work.all())
    assert set(russian.countries.all()) == set(english.countries.all())
    assert len(demo_translations.SEED_RU_PARAGRAPHS) == len(demo.SEED_PARAGRAPHS)
    page = client.get(russian.get_absolute_url().replace("/press-releases/", "/ru/press-releases/"))
    assert page.status_code == 200
    assert "17 февраля 2016" in page.text and "МИНСК" in page.text
    assert "Полицейская деятельность" in page.text
    newsroom = client.get("/ru/press-releases/")
    assert [release.title for release in newsroom.context["releases"]] == [russian.title]
    english_page = client.get(english.get_absolute_url()).text
    assert f'hreflang="ru" href="http://testserver/ru/press-releases/{demo.SEED_RU_SLUG}/"' in (
        english_page
    )


def test_a_share_of_the_demo_newsroom_is_translated(demo_taxonomy):
    demo.load(StringIO())
    demo.load_newsroom(StringIO(), size=48)
    generated = PressRelease.objects.filter(slug__startswith="generated-")
    translations = generated.exclude(translation_of__isnull=True)
    published = generated.filter(translation_of__isnull=True, status=Status.PUBLISHED).count()
    assert translations.count() == len(range(0, published, 8)) + len(range(4, published, 8))
    assert {release.language for release in translations} == {"fr", "ru"}
    for release in translations.select_related("translation_of"):
        source = release.translation_of
        assert release.translation_key == source.translation_key
        assert set(release.fields_of_work.all()) == set(source.fields_of_work.all())
        assert set(release.countries.all()) == set(source.countries.all())
        assert release.title != source.title and release.status == source.status
        assert release.title.startswith(("L’OSCE", "Les experts", "ОБСЕ", "Эксперты"))
    # Loading again adds nothing.
    before = PressRelease.objects.count()
    demo.load_newsroom(StringIO(), size=48)
    assert PressRelease.objects.count() == before


@pytest.mark.postgres
def test_postgres_finds_the_russian_seed_by_inflected_forms(client, demo_taxonomy):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")
    demo.load(StringIO())
    response = client.get("/ru/press-releases/?q=психоактивные вещества")
    seed = PressRelease.objects.get(slug=demo.SEED_RU_SLUG)
    assert [release.pk for release in response.context["releases"]] == [seed.pk]
