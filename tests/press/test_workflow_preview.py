"""Previews: the public page for editors and by time-limited, revocable signed links."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from editorial import preview
from press.models import PressRelease, Status

from . import workflow_world as world

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    source = world.structure("Secretariat")
    author = world.user("press_officer", source, name="author")
    release = world.release(
        source,
        author=author,
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=1),
        title="Embargoed statement",
    )
    return release, author


def _link(release, user, days=2):
    return preview.create_link(release, user, timezone.now() + timedelta(days=days))


def test_valid_link_shows_the_public_page_privately(client, embargoed):
    release, author = embargoed
    url = preview.url_for(_link(release, author))
    assert client.get(release.get_absolute_url()).status_code == 404
    response = client.get(url)
    assert response.status_code == 200
    assert "Embargoed statement" in response.text
    # Its tags read from its relations (a preview's release has no tag ids in its row).
    assert '<li><a href="/fields-of-work/policing/">Policing</a></li>' in response.text
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "noindex" in response["X-Robots-Tag"]


def test_expired_link_is_404(client, embargoed):
    release, author = embargoed
    url = preview.url_for(_link(release, author, days=1))
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        assert client.get(url).status_code == 404


def test_revoked_link_is_404(client, embargoed):
    release, author = embargoed
    link = _link(release, author)
    url = preview.url_for(link)
    preview.revoke_link(link, author)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "0" * 32 + token[32:],
        lambda token: token.split(":")[0],
        lambda token: "not-a-token",
    ],
)
def test_tampered_token_is_404(client, embargoed, tamper):
    release, author = embargoed
    token = preview.token_for(_link(release, author))
    assert client.get(f"/press-releases/preview/{tamper(token)}/").status_code == 404


def test_link_to_a_trashed_release_is_404(client, embargoed):
    release, author = embargoed
    url = preview.url_for(_link(release, author))
    PressRelease.objects.filter(pk=release.pk).update(deleted_at=timezone.now())
    assert client.get(url).status_code == 404


def test_link_expiry_is_bounded(embargoed):
    release, author = embargoed
    with pytest.raises(ValidationError):
        _link(release, author, days=31)
    with pytest.raises(ValidationError):
        _link(release, author, days=-1)


def test_press_officer_who_is_not_the_author_cannot_share(embargoed):
    release, _author = embargoed
    colleague = world.user("press_officer", release.source)
    with pytest.raises(PermissionDenied):
        _link(release, colleague)
    assert not release.preview_links.exists()


def test_editor_out_of_scope_cannot_share(embargoed):
    release, _author = embargoed
    outsider = world.user("editor", world.structure("Mission in Kosovo"))
    with pytest.raises(PermissionDenied):
        _link(release, outsider)
