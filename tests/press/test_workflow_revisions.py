"""Revisions: every save is kept; readable, escaped diffs; restore as a new draft."""

import pytest

from press import revisions, workflow
from press.models import PressContact, PressRelease, Revision, Status
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


def test_restore_makes_a_new_draft_and_leaves_the_original_alone(setting):
    _source, officer, _editor, release, first = setting
    release.title = "Published title"
    release.status = Status.PUBLISHED
    release.save()
    release.contacts.all().delete()
    draft = workflow.restore_revision(first, officer)
    assert draft.pk != release.pk
    assert (draft.title, draft.status, draft.created_by) == ("Original title", "draft", officer)
    assert draft.slug != release.slug
    assert list(draft.contacts.values_list("email", flat=True)) == ["press@osce.org"]
    assert list(draft.fields_of_work.all()) == list(release.fields_of_work.all())
    release.refresh_from_db()
    assert (release.title, release.status) == ("Published title", Status.PUBLISHED)
    assert Revision.objects.filter(release=draft).count() == 1


def test_restore_outside_scope_is_refused(setting):
    _source, _officer, _editor, _release, first = setting
    stranger = world.user("editor", world.structure("Mission in Kosovo"))
    count = PressRelease.objects.count()
    with pytest.raises(workflow.PermissionDenied):
        workflow.restore_revision(first, stranger)
    assert PressRelease.objects.count() == count
