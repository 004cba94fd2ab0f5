"""The change form: state, last review comment, the allowed actions, and View on site."""

import re

import pytest

from editorial.models import Status
from press import workflow

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db
ADMIN = "/admin/press/pressrelease"


@pytest.fixture
def newsroom():
    home = world.structure("Secretariat")
    return home, world.user("press_officer", home), world.user("editor", home)


def test_view_on_site_of_a_draft_opens_its_preview_with_a_banner_back_to_the_editor(
    client, newsroom
):
    """Issue 17 item 7: "View on site" for a draft led to a 404."""
    home, officer, _editor = newsroom
    draft = world.release(home, author=officer, title="Unfinished words")
    client.force_login(officer)
    form = client.get(f"{ADMIN}/{draft.pk}/change/").content.decode()
    link = re.search(r'<a href="([^"]+)" class="viewsitelink"', form).group(1)
    assert link == f"{ADMIN}/{draft.pk}/preview/"
    preview = client.get(link)
    text = preview.content.decode()
    assert preview.status_code == 200
    assert "Unfinished words" in text
    assert "Preview: not public" in text
    assert f'href="{ADMIN}/{draft.pk}/change/"' in text
    assert "no-store" in preview["Cache-Control"]


def test_view_on_site_of_a_public_release_is_its_page_without_a_banner(client, newsroom):
    home, officer, editor = newsroom
    release = world.release(home, author=officer, status=Status.PUBLISHED)
    client.force_login(editor)
    form = client.get(f"{ADMIN}/{release.pk}/change/").content.decode()
    assert f'href="{release.get_absolute_url()}" class="viewsitelink"' in form
    assert "Preview: not public" not in client.get(release.get_absolute_url()).content.decode()


def test_the_form_shows_the_state_the_last_review_comment_and_confirmed_destructive_buttons(
    client, newsroom
):
    home, officer, editor = newsroom
    release = world.release(home, author=officer, status=Status.SUBMITTED)
    workflow.reject(release, editor, "Name the <em>venue</em>.")
    client.force_login(officer)
    page = client.get(f"{ADMIN}/{release.pk}/change/").content.decode()
    assert "Status: <strong>Draft</strong>" in page
    assert "Name the &lt;em&gt;venue&lt;/em&gt;." in page
    assert "Europe/Vienna" in page
    client.force_login(editor)
    workflow.submit(release, officer)
    page = client.get(f"{ADMIN}/{release.pk}/change/").content.decode()
    forced = re.search(r'<form[^>]*transition/force_publish/".*?</form>', page, re.S).group(0)
    assert "editorial-action--destructive" in forced
    assert 'type="checkbox" required' in forced
    assert 'name="reason"' in forced
    approve = re.search(r'<form[^>]*transition/approve/".*?</form>', page, re.S).group(0)
    assert "destructive" not in approve and "required" not in approve
