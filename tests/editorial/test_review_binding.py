"""Issue 20 item 5: an approval is bound to the version the editor reviewed."""

import re

import pytest

from editorial.actions import EditConflict
from press import workflow
from press.models import PressRelease, Status

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db
ADMIN = "/admin/press/pressrelease"


@pytest.fixture
def in_review():
    home = world.structure("Secretariat")
    officer, editor = world.user("press_officer", home), world.user("editor", home)
    release = world.release(home, author=officer, status=Status.SUBMITTED, title="Reviewed text")
    return officer, editor, release


def _author_edits(release, officer):
    release.title = "Unreviewed text"
    workflow.save_edit(release, officer, expected_version=release.version)


def test_approving_a_version_changed_since_the_review_is_refused(in_review):
    officer, editor, release = in_review
    reviewed = release.version
    _author_edits(release, officer)
    before = world.row(release)
    with pytest.raises(EditConflict):
        workflow.approve(release, editor, expected_version=reviewed)
    assert world.row(release) == before


def test_approving_the_reviewed_version_publishes_it(in_review):
    _officer, editor, release = in_review
    workflow.approve(release, editor, expected_version=release.version)
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


def test_the_admin_button_carries_the_version_the_editor_saw(client, in_review):
    officer, editor, release = in_review
    client.force_login(editor)
    page = client.get(f"{ADMIN}/{release.pk}/change/").content.decode()
    form = re.search(r'<form[^>]*transition/approve/".*?</form>', page, re.S).group(0)
    seen = re.search(r'name="loaded_version" value="(\d+)"', form).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    _author_edits(release, officer)
    response = client.post(
        f"{ADMIN}/{release.pk}/transition/approve/",
        {"loaded_version": seen, "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert "Someone else saved this press release" in response.content.decode()
    release.refresh_from_db()
    assert (release.status, release.title) == (Status.SUBMITTED, "Unreviewed text")
    assert not PressRelease.objects.filter(status=Status.PUBLISHED).exists()
