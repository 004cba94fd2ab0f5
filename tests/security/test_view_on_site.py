"""Django's "view on site" shortcut (/admin/r/<content type>/<id>/) names nothing a user may not
see in the admin: an unknown, out-of-scope or forbidden object is a 404, like a missing one."""

import pytest
from django.contrib.contenttypes.models import ContentType

from press.models import PressRelease, Status
from taxonomy.models import Page
from tests.press import workflow_world as world


def shortcut(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/r/{content_type.pk}/{obj.pk}/"


@pytest.fixture
def units(db):
    return world.structure("Secretariat"), world.structure("Mission in Kosovo")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SCHEDULED, Status.PUBLISHED])
def test_staff_without_permissions_cannot_learn_a_release_address(client, units, status):
    release = world.release(units[0], status=status)
    client.force_login(world.user("plain_staff"))

    response = client.get(shortcut(release))

    assert response.status_code == 404
    assert release.slug not in response.content.decode()


def test_an_editor_cannot_follow_the_shortcut_outside_their_scope(client, units):
    elsewhere = world.release(units[1], status=Status.DRAFT)
    client.force_login(world.user("editor", units[0]))

    assert client.get(shortcut(elsewhere)).status_code == 404


def test_a_trashed_release_is_not_found(client, units):
    release = world.release(units[0], status=Status.PUBLISHED)
    PressRelease.objects.filter(pk=release.pk).update(deleted_at=release.published_at)
    client.force_login(world.user("editor", units[0]))

    assert client.get(shortcut(release)).status_code == 404


def test_an_editor_in_scope_is_sent_to_the_release(client, units):
    release = world.release(units[0], status=Status.PUBLISHED)
    client.force_login(world.user("editor", units[0]))

    response = client.get(shortcut(release))

    assert response.status_code == 302
    assert response["Location"] == release.get_absolute_url()


@pytest.mark.parametrize("path", ["/admin/r/999999/1/", "/admin/r/1/abc/", "/admin/r/1/%ff/"])
def test_unknown_content_types_and_ids_are_not_found(admin_client, path):
    assert admin_client.get(path).status_code == 404


def test_a_model_without_an_admin_is_not_found(admin_client, units):
    scope = world.user("editor", units[0]).editorial_scopes.get()
    assert admin_client.get(shortcut(scope)).status_code == 404


def test_a_page_is_shown_to_whoever_may_view_pages(client, admin_client, db):
    page = Page.objects.create(title="About us", slug="about-us", body="<p>About.</p>")
    assert admin_client.get(shortcut(page))["Location"] == page.get_absolute_url()
    client.force_login(world.user("press_officer"))
    assert client.get(shortcut(page)).status_code == 404
