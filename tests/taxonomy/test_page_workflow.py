"""Simple pages on the editorial engine: draft, review, scheduling, revisions, previews,
slug-change redirects and trash (issue 11)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from editorial import preview, revisions, workflow
from editorial.models import Status
from taxonomy.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins():
    group = Group.objects.get(name="Site administrator")
    people = []
    for name in ("writer", "reviewer"):
        user = User.objects.create_user(name, password="correct horse", is_staff=True)
        user.groups.add(group)
        people.append(User.objects.get(pk=user.pk))
    return people


def write(author, title="Organizational structure", slug="structure"):
    page = Page(title=title, slug=slug, body="<p>Who does what.</p>")
    return workflow.save_new(page, author)


def edit(page, user, **values):
    page.refresh_from_db()
    for name, value in values.items():
        setattr(page, name, value)
    return workflow.save_edit(page, user, expected_version=page.version)


def test_a_page_is_written_reviewed_and_published_by_two_site_administrators(client, admins):
    writer, reviewer = admins
    page = write(writer)
    assert client.get("/pages/structure/").status_code == 404
    workflow.submit(page, writer)
    with pytest.raises(PermissionDenied):
        workflow.approve(page, writer)  # never one's own
    workflow.approve(page, reviewer)
    assert "Who does what." in client.get("/pages/structure/").content.decode()
    assert "/pages/structure/" in client.get("/sitemap-pages.xml").content.decode()


def test_a_scheduled_page_appears_at_its_time(client, admins):
    writer, reviewer = admins
    page = write(writer)
    workflow.schedule(page, reviewer, timezone.now() + timedelta(hours=1))
    assert client.get("/pages/structure/").status_code == 404
    assert "/pages/structure/" not in client.get("/sitemap-pages.xml").content.decode()


def test_a_changed_slug_of_a_public_page_redirects_permanently(client, admins):
    writer, reviewer = admins
    page = workflow.force_publish(write(writer), reviewer, "Launch")
    edit(page, reviewer, slug="organizational-structure")
    response = client.get("/pages/structure/")
    assert response.status_code == 301
    assert response["Location"] == "/pages/organizational-structure/"


def test_a_revision_of_a_page_is_restored_in_place(client, admins):
    writer, _reviewer = admins
    page = write(writer, title="About us", slug="about-us")
    first = revisions.record_revision(page, writer, "Created")
    edit(page, writer, title="About the organisation", body="<p>New text.</p>")
    second = revisions.record_revision(page, writer, "Edited")
    assert dict(revisions.diff(first, second)).keys() >= {"Title", "Body"}
    restored = workflow.restore_revision(first, writer)
    assert (restored.pk, restored.slug, restored.title) == (page.pk, "about-us", "About us")
    assert Page.objects.count() == 1


def test_a_page_preview_and_its_shared_link_show_the_draft_privately(client, admins):
    writer, _reviewer = admins
    page = write(writer)
    link = preview.create_link(page, writer, timezone.now() + timedelta(days=1))
    response = client.get(preview.url_for(link))
    assert response.status_code == 200
    assert "Who does what." in response.content.decode()
    assert "Preview: not public" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_trashed_page_is_gone_until_restored(client, admins):
    writer, reviewer = admins
    page = workflow.force_publish(write(writer), reviewer, "Launch")
    workflow.delete(page, reviewer)
    assert client.get("/pages/structure/").status_code == 404
    page.refresh_from_db()
    workflow.restore(page, reviewer)
    assert client.get("/pages/structure/").status_code == 200
    assert page.status == Status.PUBLISHED
