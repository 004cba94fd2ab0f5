from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F

from press import demo
from press.models import CoIssuer, Kind, PressRelease, Status


@pytest.fixture
def demo_taxonomy(db):
    from taxonomy import demo as taxonomy_demo

    taxonomy_demo.load(stdout=StringIO())


def test_seed_release_is_loaded_faithfully_and_idempotently(client, demo_taxonomy):
    demo.load(StringIO())
    demo.load(StringIO())
    release = PressRelease.objects.get()
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

    release = PressRelease.objects.get()
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
    assert list(PressRelease.objects.values_list("slug", flat=True)) == ["renamed"]


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
    assert PressRelease.objects.count() == 11
    assert "Generated 10 press releases" in out.getvalue()


def test_the_demo_newsroom_has_varied_lead_images_on_a_third_and_is_loaded_once(demo_taxonomy):
    demo.load(StringIO())
    assert demo.load_newsroom(StringIO(), size=45) == 45
    generated = PressRelease.objects.filter(slug__startswith="generated-")
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
