"""Revisions: every save is kept; readable, escaped diffs; restore in place as a new version."""

import pytest
from django.core.exceptions import PermissionDenied

from editorial import revisions
from editorial.models import Revision
from press import workflow
from press.models import PressContact, PressRelease, Status
from taxonomy.models import Country

from . import workflow_world as world

pytestmark = pytest.mark.django_db

PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


@pytest.fixture
def setting():
    source = world.structure("Secretariat")
    officer = world.user("press_officer", source, name="officer")
    editor = world.user("editor", source, name="editor")
    release = world.release(source, author=officer, title="Original title")
    PressContact.objects.create(release=release, name="Press Office", email="press@osce.org")
    first = revisions.record_revision(release, officer, "Created")
    return source, officer, editor, release, first


def test_revision_keeps_every_field_and_relation(setting):
    _source, _officer, _editor, release, first = setting
    data = first.data
    assert data["title"] == "Original title"
    assert data["source_id"] == release.source_id
    assert data["fields_of_work"] == list(release.fields_of_work.values_list("pk", flat=True))
    assert data["contacts"][0]["email"] == "press@osce.org"
    assert data["published_at"]  # dates are kept as ISO text


def test_every_transition_records_a_revision(setting):
    _source, officer, editor, release, _first = setting
    workflow.submit(release, officer)
    workflow.reject(release, editor, "Shorter lead")
    comments = list(release.revisions.order_by("id").values_list("comment", "version"))
    assert comments == [("Created", 1), ("Submitted for review", 2), ("Rejected: Shorter lead", 3)]


def test_diff_shows_changed_fields_and_escapes_hostile_text(setting):
    _source, officer, _editor, release, first = setting
    release.title = f"New {PAYLOAD} title"
    release.save()
    belarus = Country.objects.create(name="Belarus", slug="belarus", iso_code="BY")
    release.countries.add(belarus)
    second = revisions.record_revision(release, officer, "Edited")
    rows = dict(revisions.diff(first, second))
    assert set(rows) >= {"Title", "Countries"}
    title = str(rows["Title"])
    assert "<script>" not in title and "<img" not in title
    assert "&lt;script&gt;" in title
    assert "<del>Original</del>" in title or "<del>Original </del>" in title
    assert "<ins>" in title
    assert "<ins>Belarus</ins>" in str(rows["Countries"])
    assert "Lead" not in rows  # unchanged fields are not listed


def test_restore_puts_the_old_content_back_on_the_same_release_as_a_new_version(setting):
    _source, _officer, editor, release, first = setting
    release.title = "Published title"
    release.status = Status.PUBLISHED
    release.save()
    release.contacts.all().delete()
    count = PressRelease.objects.count()
    restored = workflow.restore_revision(first, editor)
    assert (restored.pk, restored.slug) == (release.pk, release.slug)
    assert PressRelease.objects.count() == count
    release.refresh_from_db()
    assert (release.title, release.status) == ("Original title", Status.PUBLISHED)
    assert release.version == first.version + 1
    assert list(release.contacts.values_list("email", flat=True)) == ["press@osce.org"]
    latest = Revision.objects.for_item(release).order_by("-id").first()
    assert (latest.version, latest.data["title"]) == (release.version, "Original title")
    assert release.audit_entries.filter(action="restore_revision").exists()


def test_press_officer_cannot_restore_over_a_published_release(setting):
    _source, officer, _editor, release, first = setting
    PressRelease.objects.filter(pk=release.pk).update(status=Status.PUBLISHED)
    before = world.row(release)
    with pytest.raises(workflow.TransitionError):
        workflow.restore_revision(first, officer)
    assert world.row(release) == before


def test_restore_outside_scope_is_refused(setting):
    _source, _officer, _editor, release, first = setting
    stranger = world.user("editor", world.structure("Mission in Kosovo"))
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.restore_revision(first, stranger)
    assert world.row(release) == before


def test_restore_never_moves_a_release_out_of_the_restorers_scope(setting):
    """Issue 20 item 7: an old revision's source outside the user's scope is refused."""
    source, officer, _editor, release, _first = setting
    elsewhere = world.structure("Mission in Kosovo")
    PressRelease.objects.filter(pk=release.pk).update(source=elsewhere)
    release.refresh_from_db()
    foreign = revisions.record_revision(release, None, "Written elsewhere")
    PressRelease.objects.filter(pk=release.pk).update(source=source)
    release.refresh_from_db()
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.restore_revision(foreign, officer)
    assert world.row(release) == before
    assert PressRelease.objects.filter(source=elsewhere).count() == 0
