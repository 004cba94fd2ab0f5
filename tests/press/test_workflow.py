"""The editorial rule book (press/workflow.py): scope, transitions and their guards."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from editorial.models import AuditEntry, ChangeNote, EditorialScope, SlugRedirect
from press import workflow
from press.models import PressRelease, Status

from . import workflow_world as world

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    secretariat = world.structure("Secretariat")
    cpc = world.structure("Conflict Prevention Centre", parent=secretariat)
    kosovo = world.structure("Mission in Kosovo")
    return {"secretariat": secretariat, "cpc": cpc, "kosovo": kosovo}


@pytest.fixture
def people(org):
    return {
        "officer": world.user("press_officer", org["secretariat"], name="officer"),
        "editor": world.user("editor", org["secretariat"], name="editor"),
        "editor2": world.user("editor", org["secretariat"], name="editor2"),
        "kosovo_editor": world.user("editor", org["kosovo"], name="kosovo"),
    }


def test_scope_is_the_subtree_of_the_users_nodes(org, people):
    in_subtree = world.release(org["cpc"])
    at_node = world.release(org["secretariat"])
    elsewhere = world.release(org["kosovo"])
    assert set(workflow.releases_for(people["officer"])) == {in_subtree, at_node}
    assert set(workflow.releases_for(people["kosovo_editor"])) == {elsewhere}


def test_scope_query_is_one_query_whatever_the_number_of_nodes(
    org, people, django_assert_num_queries
):
    officer = people["officer"]
    for name in ("A", "B", "C"):
        world.structure(name, parent=org["cpc"])
        EditorialScope.objects.create(user=officer, structure=world.structure(name))
    world.release(org["cpc"])
    officer = type(officer).objects.get(pk=officer.pk)
    officer.get_all_permissions()  # permissions are cached per user object, as in a request
    with django_assert_num_queries(1):
        assert len(list(workflow.releases_for(officer))) == 1


def test_user_without_scope_sees_nothing(org):
    lonely = world.user("editor", name="lonely")
    world.release(org["secretariat"])
    assert not workflow.releases_for(lonely).exists()


def test_superuser_sees_everything_but_the_trash(org):
    root = world.user("superuser")
    a, b = world.release(org["secretariat"]), world.release(org["kosovo"])
    b.deleted_at = timezone.now()
    b.save()
    assert list(workflow.releases_for(root)) == [a] or set(workflow.releases_for(root)) == {a}
    assert set(workflow.trash_for(root)) == {b}


def test_source_choices_are_limited_to_the_scope(org, people):
    from taxonomy.models import Structure

    choices = set(workflow.structures_for(people["officer"], Structure.objects.all()))
    assert choices == {org["secretariat"], org["cpc"]}


# --- Submit, reject, approve -------------------------------------------------------------------


def test_press_officer_submits_and_editors_of_the_scope_are_notified(
    org, people, django_capture_on_commit_callbacks
):
    draft = world.release(org["cpc"], author=people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, people["officer"])
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.version == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["editor2@example.org", "editor@example.org"]
    assert draft.title in mail.outbox[0].subject
    entry = AuditEntry.objects.for_item(draft).get()
    assert (entry.action, entry.from_status, entry.to_status, entry.user) == (
        "submit",
        Status.DRAFT,
        Status.SUBMITTED,
        people["officer"],
    )


def test_submitting_twice_is_refused(org, people):
    draft = world.release(org["cpc"], author=people["officer"], status=Status.SUBMITTED)
    before = world.row(draft)
    with pytest.raises(workflow.TransitionError):
        workflow.submit(draft, people["officer"])
    assert world.row(draft) == before


def test_reject_needs_a_comment_and_the_author_reads_it(
    org, people, django_capture_on_commit_callbacks
):
    release = world.release(org["cpc"], author=people["officer"], status=Status.SUBMITTED)
    before = world.row(release)
    with pytest.raises(ValidationError):
        workflow.reject(release, people["editor"], "   ")
    assert world.row(release) == before
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(release, people["editor"], "Quote the <b>minister</b> exactly.")
    release.refresh_from_db()
    assert release.status == Status.DRAFT
    [message] = mail.outbox
    assert message.to == ["officer@example.org"]
    assert "Quote the <b>minister</b> exactly." in message.body
    assert message.message().get_content_type() == "text/plain"  # no HTML part
    assert AuditEntry.objects.for_item(release).get(action="reject").comment == (
        "Quote the <b>minister</b> exactly."
    )


def test_press_officer_cannot_approve_or_reject(org, people):
    release = world.release(org["cpc"], author=people["editor"], status=Status.SUBMITTED)
    before = world.row(release)
    for action in (workflow.approve, workflow.publish):
        with pytest.raises(PermissionDenied):
            action(release, people["officer"])
    with pytest.raises(PermissionDenied):
        workflow.reject(release, people["officer"], "no")
    assert world.row(release) == before


def test_editor_approves_a_release_in_review_and_the_author_is_notified(
    org, people, django_capture_on_commit_callbacks
):
    release = world.release(org["cpc"], author=people["officer"], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(release, people["editor"])
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert release.first_published_at is not None
    assert PressRelease.objects.listed().filter(pk=release.pk).exists()
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]


def test_author_cannot_approve_their_own_release(org, people):
    release = world.release(org["cpc"], author=people["editor"], status=Status.SUBMITTED)
    before = world.row(release)
    with pytest.raises(PermissionDenied, match="another editor"):
        workflow.approve(release, people["editor"])
    with pytest.raises(PermissionDenied):
        workflow.publish(release, people["editor"])
    assert world.row(release) == before
    assert not workflow.can(people["editor"], "approve", release)
    assert workflow.can(people["editor2"], "approve", release)


def test_editor_out_of_scope_cannot_approve(org, people):
    release = world.release(org["cpc"], author=people["officer"], status=Status.SUBMITTED)
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.approve(release, people["kosovo_editor"])
    assert world.row(release) == before


def test_approving_a_release_dated_ahead_schedules_it(org, people):
    ahead = timezone.now() + timedelta(days=2)
    release = world.release(
        org["cpc"], author=people["officer"], status=Status.SUBMITTED, published_at=ahead
    )
    workflow.approve(release, people["editor"])
    release.refresh_from_db()
    assert release.status == Status.SCHEDULED
    assert not PressRelease.objects.public().filter(pk=release.pk).exists()


def test_approving_a_published_release_is_refused(org, people):
    release = world.release(org["cpc"], author=people["officer"], status=Status.PUBLISHED)
    before = world.row(release)
    with pytest.raises(workflow.TransitionError):
        workflow.approve(release, people["editor"])
    assert world.row(release) == before


# --- Force publish -----------------------------------------------------------------------------


def test_author_can_force_publish_with_a_reason_and_it_awaits_retrospective_review(org, people):
    release = world.release(org["cpc"], author=people["editor"])
    with pytest.raises(ValidationError):
        workflow.force_publish(release, people["editor"], "")
    workflow.force_publish(release, people["editor"], "Statement on an attack, now.")
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert release.needs_retrospective_review
    entry = AuditEntry.objects.for_item(release).get(action="force_publish")
    assert entry.comment == "Statement on an attack, now."
    # Neither the author nor the force publisher may clear the flag; another editor can.
    with pytest.raises(PermissionDenied):
        workflow.approve(release, people["editor"])
    workflow.approve(release, people["editor2"])
    release.refresh_from_db()
    assert not release.needs_retrospective_review
    assert release.status == Status.PUBLISHED


def test_force_publisher_who_is_not_the_author_cannot_review_it_afterwards(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    workflow.force_publish(release, people["editor"], "Urgent")
    with pytest.raises(PermissionDenied):
        workflow.approve(release, people["editor"])
    workflow.approve(release, people["editor2"])


def test_press_officer_cannot_force_publish(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.force_publish(release, people["officer"], "Urgent")
    assert world.row(release) == before


# --- Withdraw and unpublish ---------------------------------------------------------------------


def test_withdraw_keeps_the_page_with_a_notice_but_leaves_listings(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    with pytest.raises(ValidationError):
        workflow.withdraw(release, people["editor"], "")
    workflow.withdraw(release, people["editor"], "Superseded by the statement of 18 February.")
    release.refresh_from_db()
    assert release.status == Status.WITHDRAWN
    assert release.withdrawn_at is not None
    assert PressRelease.objects.public().filter(pk=release.pk).exists()
    assert not PressRelease.objects.listed().filter(pk=release.pk).exists()


def test_only_a_published_release_can_be_withdrawn(org, people):
    draft = world.release(org["cpc"])
    with pytest.raises(workflow.TransitionError):
        workflow.withdraw(draft, people["editor"], "note")


def test_press_officer_cannot_withdraw_or_unpublish(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.withdraw(release, people["officer"], "note")
    with pytest.raises(PermissionDenied):
        workflow.unpublish(release, people["officer"])
    assert world.row(release) == before


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "ftp://x.org/",
        "not a url",
        "/\\evil.example",
    ],
)
def test_unpublish_refuses_an_alternative_url_that_is_not_http(org, people, url):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    before = world.row(release)
    with pytest.raises(ValidationError):
        workflow.unpublish(release, people["editor"], alternative_url=url)
    assert world.row(release) == before


@pytest.mark.parametrize("url", ["", "https://www.osce.org/secretariat", "/press-releases/"])
def test_unpublish_takes_the_release_offline(org, people, url):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    workflow.unpublish(release, people["editor"], alternative_url=url)
    release.refresh_from_db()
    assert (release.status, release.alternative_url) == (Status.UNPUBLISHED, url)
    assert not PressRelease.objects.public().filter(pk=release.pk).exists()


def test_an_unpublished_release_cannot_be_published_again_directly(org, people):
    release = world.release(org["cpc"], status=Status.UNPUBLISHED)
    with pytest.raises(workflow.TransitionError):
        workflow.publish(release, people["editor"])


# --- Editing: optimistic locking, corrections, slugs ----------------------------------------------


def test_second_save_with_a_stale_version_is_refused_and_nothing_is_overwritten(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    first = PressRelease.objects.get(pk=release.pk)
    second = PressRelease.objects.get(pk=release.pk)
    first.title = "First editor's title"
    workflow.save_edit(first, people["officer"], expected_version=1)
    second.title = "Second editor's title"
    with pytest.raises(workflow.EditConflict, match="Someone else saved"):
        workflow.save_edit(second, people["editor"], expected_version=1)
    release.refresh_from_db()
    assert (release.title, release.version) == ("First editor's title", 2)


def test_a_status_set_on_the_instance_is_ignored_by_save_edit(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    release.status = Status.PUBLISHED
    workflow.save_edit(release, people["officer"], expected_version=1)
    release.refresh_from_db()
    assert release.status == Status.DRAFT


def test_press_officer_cannot_move_a_release_out_of_their_scope(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    before = world.row(release)
    release.source = org["kosovo"]
    with pytest.raises(PermissionDenied):
        workflow.save_edit(release, people["officer"], expected_version=1)
    assert world.row(release) == before


def test_press_officer_cannot_edit_a_published_release(org, people):
    release = world.release(org["cpc"], author=people["officer"], status=Status.PUBLISHED)
    before = world.row(release)
    release.title = "Changed"
    with pytest.raises(PermissionDenied):
        workflow.save_edit(release, people["officer"], expected_version=1)
    assert world.row(release) == before


def test_major_change_needs_a_public_note_and_dates_the_update(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    release.lead = "Corrected figures."
    with pytest.raises(ValidationError):
        workflow.save_edit(release, people["editor"], expected_version=1, change=workflow.MAJOR)
    assert not ChangeNote.objects.exists()
    workflow.save_edit(
        release,
        people["editor"],
        expected_version=1,
        change=workflow.MAJOR,
        change_note="Casualty figures corrected.",
    )
    release.refresh_from_db()
    assert release.major_updated_at is not None
    assert [n.note for n in release.change_notes.all()] == ["Casualty figures corrected."]


def test_minor_change_adds_no_note(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    release.lead = "Typo fixed."
    workflow.save_edit(release, people["editor"], expected_version=1)
    release.refresh_from_db()
    assert release.major_updated_at is None
    assert not release.change_notes.exists()


def test_changing_a_published_slug_keeps_the_old_address(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED, slug="old-address")
    release.slug = "new-address"
    workflow.save_edit(release, people["editor"], expected_version=1)
    assert SlugRedirect.objects.get(old_slug="old-address").item == release
    # And back again: the redirect that would shadow the current slug is removed.
    release.slug = "old-address"
    workflow.save_edit(release, people["editor"], expected_version=2)
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["new-address"]


def test_changing_a_draft_slug_needs_no_redirect(org, people):
    release = world.release(org["cpc"], slug="draft-address")
    release.slug = "other-address"
    workflow.save_edit(release, people["officer"], expected_version=1)
    assert not SlugRedirect.objects.exists()


def test_new_release_is_always_a_draft_by_its_writer(org, people):
    release = PressRelease(
        title="New", slug="new", lead="x", source=org["cpc"], status=Status.PUBLISHED
    )
    workflow.save_new(release, people["officer"])
    release.refresh_from_db()
    assert (release.status, release.created_by) == (Status.DRAFT, people["officer"])


def test_new_release_outside_scope_is_refused(org, people):
    release = PressRelease(title="New", slug="new", lead="x", source=org["kosovo"])
    with pytest.raises(PermissionDenied):
        workflow.save_new(release, people["officer"])
    assert not PressRelease.objects.exists()


# --- Trash --------------------------------------------------------------------------------------


def test_delete_moves_to_the_trash_and_restore_brings_it_back(org, people):
    release = world.release(org["cpc"], status=Status.PUBLISHED)
    workflow.delete(release, people["editor"])
    assert not PressRelease.objects.public().filter(pk=release.pk).exists()
    assert not workflow.releases_for(people["editor"]).filter(pk=release.pk).exists()
    assert workflow.trash_for(people["editor"]).filter(pk=release.pk).exists()
    workflow.restore(release, people["editor"])
    assert PressRelease.objects.public().filter(pk=release.pk).exists()
    actions = list(AuditEntry.objects.for_item(release).values_list("action", flat=True))
    assert sorted(actions) == ["delete", "restore"]


def test_press_officer_cannot_delete(org, people):
    release = world.release(org["cpc"], author=people["officer"])
    before = world.row(release)
    with pytest.raises(PermissionDenied):
        workflow.delete(release, people["officer"])
    assert world.row(release) == before


def test_only_superusers_purge_and_only_from_the_trash(org, people):
    release = world.release(org["cpc"])
    root = world.user("superuser")
    with pytest.raises(workflow.TransitionError):
        workflow.purge(release, root)
    workflow.delete(release, people["editor"])
    with pytest.raises(PermissionDenied):
        workflow.purge(release, people["editor"])
    assert PressRelease.objects.filter(pk=release.pk).exists()
    workflow.purge(release, root)
    assert not PressRelease.objects.filter(pk=release.pk).exists()
    entry = AuditEntry.objects.get(action="purge")
    assert (entry.item, entry.item_title) == (None, release.title)


def test_inactive_user_can_do_nothing(org, people):
    editor = people["editor2"]
    editor.is_active = False
    editor.save()
    release = world.release(org["cpc"], author=people["officer"], status=Status.SUBMITTED)
    assert not workflow.can(editor, "approve", release)
    assert not workflow.can(editor, "view", release)
    with pytest.raises(PermissionDenied):
        workflow.approve(release, editor)


def test_every_link_in_every_notification_is_absolute_under_site_url(
    org, people, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://newsroom.example.org"
    release = world.release(org["cpc"], author=people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(release, people["officer"])
        workflow.reject(release, people["editor"], "Shorter, please.")
        workflow.submit(release, people["officer"])
        workflow.approve(release, people["editor"])
    assert len(mail.outbox) == 6  # two editors twice, the author twice
    admin_url = f"https://newsroom.example.org/admin/press/pressrelease/{release.pk}/change/"
    for message in mail.outbox:
        links = re.findall(r"\S*/\S*", message.body)
        assert links == [admin_url], message.body
