"""Workflow input from the review: dates, ids, addresses and slugs that used to be 500s or leaks."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from editorial.models import SlugRedirect
from press import workflow
from press.models import PressRelease, Status
from tests.press import workflow_world as world

ADMIN = "/admin/press/pressrelease"


@pytest.fixture
def unit(db):
    return world.structure("Secretariat")


@pytest.fixture
def editor_client(client, unit):
    client.force_login(world.user("editor", unit, name="editor"))
    return client


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("when", ["", "tomorrow", "2024-02-30 10:00", "99999-01-01 10:00"])
def test_scheduling_with_an_empty_or_malformed_date_is_refused_with_a_message(
    editor_client, unit, when
):
    release = world.release(unit, status=Status.SUBMITTED)

    response = editor_client.post(
        f"{ADMIN}/{release.pk}/transition/schedule/", {"when": when}, follow=True
    )

    assert response.status_code == 200
    assert messages_of(response)
    release.refresh_from_db()
    assert release.status == Status.SUBMITTED


def test_scheduling_beyond_the_publication_range_is_refused(editor_client, unit):
    release = world.release(unit, status=Status.SUBMITTED)

    response = editor_client.post(
        f"{ADMIN}/{release.pk}/transition/schedule/", {"when": "9999-12-31 10:00"}, follow=True
    )

    assert "Enter a date between 1970 and 2100." in messages_of(response)
    release.refresh_from_db()
    assert release.status == Status.SUBMITTED


@pytest.mark.parametrize(
    "suffix",
    [
        "abc/preview/",
        "%ff/workflow/",
        "abc/revisions/",
        "1e3/transition/submit/",
        "abc/preview-links/",
        "trash/abc/restore/",
    ],
)
def test_non_numeric_ids_in_the_custom_admin_urls_are_404(editor_client, suffix):
    read = not any(part in suffix for part in ("transition/", "trash/", "preview-links/"))
    method = editor_client.get if read else editor_client.post
    assert method(f"{ADMIN}/{suffix}").status_code == 404


def test_an_alternative_address_too_long_for_the_database_is_refused(editor_client, unit):
    release = world.release(unit, status=Status.PUBLISHED)
    address = "https://example.org/" + "a" * 581  # 601 characters

    response = editor_client.post(
        f"{ADMIN}/{release.pk}/transition/unpublish/", {"alternative_url": address}, follow=True
    )

    assert "The address is too long: at most 500 characters." in messages_of(response)
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


def test_a_release_unpublished_while_scheduled_is_not_found(client, unit):
    # 410 Gone would confirm that an embargoed address existed.
    editor = world.user("editor", unit)
    release = world.release(
        unit, status=Status.SCHEDULED, published_at=timezone.now() + timedelta(days=3)
    )
    workflow.unpublish(release, editor)

    assert client.get(release.get_absolute_url()).status_code == 404


def test_a_release_unpublished_with_an_address_while_scheduled_does_not_redirect(client, unit):
    editor = world.user("editor", unit)
    release = world.release(
        unit, status=Status.SCHEDULED, published_at=timezone.now() + timedelta(days=3)
    )
    workflow.unpublish(release, editor, alternative_url="/press-releases/")

    assert client.get(release.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("recorded", [True, False])
def test_a_release_unpublished_after_it_was_public_is_gone(client, unit, recorded):
    # Not recorded: a scheduled release whose time came, before publish_due ran.
    editor = world.user("editor", unit)
    release = world.release(unit, status=Status.PUBLISHED if recorded else Status.SCHEDULED)
    workflow.unpublish(release, editor)

    assert client.get(release.get_absolute_url()).status_code == 410


def change_form(client, release, **changes):
    from tests.security.conftest import form_data

    data = form_data(client, f"{ADMIN}/{release.pk}/change/")
    data.update(changes)
    data.pop("_continue", None)
    data.pop("_addanother", None)
    return client.post(f"{ADMIN}/{release.pk}/change/", data)


def test_an_editor_cannot_take_over_another_scopes_old_address(client, unit):
    other_unit = world.structure("Mission in Kosovo")
    theirs = world.release(other_unit, status=Status.PUBLISHED, slug="talks-in-vienna-2024")
    SlugRedirect.objects.create(old_slug="talks-in-vienna", item=theirs)
    mine = world.release(unit, status=Status.PUBLISHED, slug="my-release")
    client.force_login(world.user("editor", unit))

    response = change_form(client, mine, slug="talks-in-vienna")

    assert response.status_code == 200
    assert "still leads to it" in response.content.decode()
    assert SlugRedirect.objects.get(old_slug="talks-in-vienna").item == theirs
    assert PressRelease.objects.get(pk=mine.pk).slug == "my-release"
    assert client.get("/press-releases/talks-in-vienna/")["Location"] == theirs.get_absolute_url()


def test_the_workflow_refuses_an_old_address_of_another_release_too(unit):
    editor = world.user("editor", unit)
    theirs = world.release(unit, status=Status.PUBLISHED)
    SlugRedirect.objects.create(old_slug="kept-address", item=theirs)
    mine = world.release(unit, status=Status.DRAFT)
    mine.slug = "kept-address"

    with pytest.raises(ValidationError):
        workflow.save_edit(mine, editor, expected_version=mine.version)

    assert SlugRedirect.objects.for_item(theirs).filter(old_slug="kept-address").exists()


def test_a_release_may_take_back_its_own_old_address(client, unit):
    release = world.release(unit, status=Status.PUBLISHED, slug="new-address")
    SlugRedirect.objects.create(old_slug="old-address", item=release)
    client.force_login(world.user("editor", unit))

    response = change_form(client, release, slug="old-address")

    assert response.status_code == 302
    assert PressRelease.objects.get(pk=release.pk).slug == "old-address"
    assert SlugRedirect.objects.get(old_slug="new-address").item == release
    assert not SlugRedirect.objects.filter(old_slug="old-address").exists()


def test_a_generated_slug_never_takes_an_old_address(unit):
    theirs = world.release(unit, status=Status.PUBLISHED, slug="moved-away")
    SlugRedirect.objects.create(old_slug="talks-in-vienna", item=theirs)

    fresh = PressRelease.objects.create(title="Talks in Vienna", slug="", source=unit, lead="x")

    assert fresh.slug == "talks-in-vienna-2"


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1969-12-31", "2101-01-01"])
def test_a_publication_date_outside_the_range_is_a_form_error(client, unit, date):
    release = world.release(unit, status=Status.DRAFT)
    client.force_login(world.user("editor", unit))

    response = change_form(client, release, published_at_0=date, published_at_1="10:00:00")

    assert response.status_code == 200
    assert "Enter a date between 1970 and 2100." in response.content.decode()
