import pytest
from django.db import IntegrityError, transaction

from osce_cms.richtext import render_html
from press.models import PressRelease


def test_slug_is_generated_from_the_title_with_a_suffix_on_clash(make_release):
    first = make_release(title="Talks in Vienna")
    second = make_release(title="Talks in Vienna")
    third = make_release(title="Talks in Vienna")
    assert (first.slug, second.slug, third.slug) == (
        "talks-in-vienna",
        "talks-in-vienna-2",
        "talks-in-vienna-3",
    )


def test_an_edited_slug_is_kept(make_release):
    release = make_release(title="Talks in Vienna", slug="my-own-address")
    release.title = "Talks in Vienna, continued"
    release.save()
    release.refresh_from_db()
    assert release.slug == "my-own-address"


def test_place_country_is_added_to_countries(make_release, taxonomy):
    release = make_release(place=taxonomy.minsk, countries=[taxonomy.ukraine])
    release.add_place_country()
    assert set(release.countries.values_list("slug", flat=True)) == {"belarus", "ukraine"}


def test_database_refuses_an_image_without_alt_text(make_release):
    release = make_release()
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.filter(pk=release.pk).update(lead_image="x.jpg", lead_image_alt="")


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ("<p>Hi</p><script>alert(1)</script>", "<script"),
        ('<p onclick="alert(1)">Hi</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt&#58;alert(1)">x</a>', "alert"),
        ('<img src=x onerror="alert(1)">', "onerror"),
    ],
)
def test_body_is_sanitised_on_save_and_on_output(make_release, dirty, forbidden):
    release = make_release(body=dirty)
    release.refresh_from_db()
    assert forbidden.lower() not in release.body.lower()
    assert forbidden.lower() not in render_html(dirty).lower()


def test_sanitising_keeps_allowed_markup(make_release):
    body = '<p>A <strong>quote</strong>:</p><blockquote><p>“Text”</p></blockquote><a href="https://osce.org/">x</a>'
    release = make_release(body=body)
    release.refresh_from_db()
    assert "<blockquote><p>“Text”</p></blockquote>" in release.body
    assert 'href="https://osce.org/"' in release.body
