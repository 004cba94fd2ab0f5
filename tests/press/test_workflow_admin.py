"""The workflow through the real admin URLs, with CSRF: the permission matrix and the editor's
screens (conflicts, corrections, history and diff, previews, trash)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from editorial import revisions
from editorial.models import Revision
from press import workflow
from press.models import PressRelease, Status

from . import workflow_world as world

pytestmark = pytest.mark.django_db

ADMIN = "/admin/press/pressrelease"
ACTIONS = (
    "view",
    "edit",
    "submit",
    "approve",
    "publish",
    "schedule",
    "withdraw",
    "unpublish",
    "delete",
    "restore",
)
# What each role may do to a release in its scope; nobody may do anything out of scope
# (superusers have no scope).
ALLOWED = {
    "press_officer": {"view", "edit", "submit"},
    "editor": set(ACTIONS),
    "site_administrator": set(),
    "plain_staff": set(),
    "superuser": set(ACTIONS),
}
STARTING_STATE = {
    "view": Status.DRAFT,
    "edit": Status.DRAFT,
    "submit": Status.DRAFT,
    "approve": Status.SUBMITTED,
    "publish": Status.SUBMITTED,
    "schedule": Status.SUBMITTED,
    "withdraw": Status.PUBLISHED,
    "unpublish": Status.PUBLISHED,
    "delete": Status.DRAFT,
    "restore": Status.DRAFT,
}


def csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


def form_data(release, **changes):
    release.refresh_from_db()
    local = timezone.localtime(release.published_at)
    data = {
        "title": release.title,
        "slug": release.slug,
        "lead": release.lead,
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "source": release.source_id,
        "kind": release.kind,
        "language": release.language,
        "fields_of_work": [f.pk for f in release.fields_of_work.all()],
        "body": release.body,
        "lead_image_alt": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "loaded_version": release.version,
        "change": "minor",
        "change_note": "",
    }
    for prefix in ("co_issuers", "contacts", "document_links"):
        data |= {
            f"{prefix}-TOTAL_FORMS": 0,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    return data | changes


def perform(client, token, action, release):
    """Do ``action`` through the admin; returns the response."""
    pk = release.pk
    post = {"csrfmiddlewaretoken": token}
    if action == "view":
        return client.get(f"{ADMIN}/{pk}/change/")
    if action == "edit":
        data = form_data(release, title="Edited through the admin")
        return client.post(f"{ADMIN}/{pk}/change/", data | post)
    if action == "publish":
        return client.post(
            f"{ADMIN}/", {"action": "publish_selected", "_selected_action": [pk], **post}
        )
    if action == "schedule":
        post["when"] = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    if action == "withdraw":
        post["note"] = "Superseded."
    if action == "delete":
        return client.post(f"{ADMIN}/{pk}/delete/", {"post": "yes", **post})
    if action == "restore":
        return client.post(f"{ADMIN}/trash/{pk}/restore/", post)
    return client.post(f"{ADMIN}/{pk}/transition/{action}/", post)


def effect(action, release):
    """Did ``action`` take effect on ``release``?"""
    release.refresh_from_db()
    return {
        "edit": release.title == "Edited through the admin",
        "submit": release.status == Status.SUBMITTED,
        "approve": release.status == Status.PUBLISHED,
        "publish": release.status == Status.PUBLISHED,
        "schedule": release.status == Status.SCHEDULED,
        "withdraw": release.status == Status.WITHDRAWN,
        "unpublish": release.status == Status.UNPUBLISHED,
        "delete": release.deleted_at is not None,
        "restore": release.deleted_at is None,
    }[action]


@pytest.fixture
def org():
    return world.structure("Secretariat"), world.structure("Mission in Kosovo")


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("scope", ["in", "out"])
@pytest.mark.parametrize("role", world.ROLES)
def test_permission_matrix(org, role, scope, action):
    home, elsewhere = org
    actor = world.user(role, home)
    author = world.user("press_officer", home if scope == "in" else elsewhere)
    release = world.release(
        home if scope == "in" else elsewhere, author=author, status=STARTING_STATE[action]
    )
    if action == "restore":
        PressRelease.objects.filter(pk=release.pk).update(deleted_at=timezone.now())
    before = world.row(release)
    client, token = csrf_client(actor)
    response = perform(client, token, action, release)
    expected = action in ALLOWED[role] and (scope == "in" or role == "superuser")
    if expected:
        assert response.status_code in {200, 302}, response.status_code
        if action != "view":
            assert effect(action, release), f"{role} could not {action}"
        else:
            assert release.title in response.content.decode()
    else:
        if action == "publish":  # a bulk action skips what it may not touch
            assert response.status_code in {302, 403}
        else:
            assert response.status_code in {403, 404}, response.status_code
        assert world.row(release) == before, f"{role} changed the release by {action}"


def test_post_without_csrf_token_is_refused(org):
    editor = world.user("editor", org[0])
    release = world.release(org[0], status=Status.SUBMITTED)
    client, _token = csrf_client(editor)
    assert client.post(f"{ADMIN}/{release.pk}/transition/approve/").status_code == 403
    release.refresh_from_db()
    assert release.status == Status.SUBMITTED


def test_press_officer_posting_status_published_does_not_publish(org):
    officer = world.user("press_officer", org[0])
    release = world.release(org[0], author=officer)
    client, token = csrf_client(officer)
    data = form_data(release, status="published", csrfmiddlewaretoken=token)
    assert client.post(f"{ADMIN}/{release.pk}/change/", data).status_code == 302
    release.refresh_from_db()
    assert release.status == Status.DRAFT


def test_a_source_outside_the_scope_is_not_a_valid_choice(org):
    officer = world.user("press_officer", org[0])
    release = world.release(org[0], author=officer)
    before = world.row(release)
    client, token = csrf_client(officer)
    data = form_data(release, source=org[1].pk, csrfmiddlewaretoken=token)
    response = client.post(f"{ADMIN}/{release.pk}/change/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert world.row(release) == before


def test_second_save_is_refused_with_a_clear_message_and_keeps_both_versions(org):
    home = org[0]
    officer, editor = world.user("press_officer", home), world.user("editor", home)
    release = world.release(home, author=officer)
    stale = form_data(release)
    first, first_token = csrf_client(officer)
    second, second_token = csrf_client(editor)
    saved = first.post(
        f"{ADMIN}/{release.pk}/change/",
        stale | {"title": "First version", "csrfmiddlewaretoken": first_token},
    )
    assert saved.status_code == 302
    refused = second.post(
        f"{ADMIN}/{release.pk}/change/",
        stale | {"title": "Second version", "csrfmiddlewaretoken": second_token},
    )
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this press release" in page
    assert 'value="Second version"' in page  # the loser's input is still in the form
    release.refresh_from_db()
    assert (release.title, release.version) == ("First version", 2)


def test_major_correction_needs_a_note_which_the_public_page_shows(client, org):
    home = org[0]
    editor = world.user("editor", home)
    release = world.release(home, status=Status.PUBLISHED)
    admin_client, token = csrf_client(editor)
    url = f"{ADMIN}/{release.pk}/change/"
    data = form_data(release, lead="Corrected figures.", change="major", csrfmiddlewaretoken=token)
    assert admin_client.post(url, data).status_code == 200  # note missing
    data["change_note"] = "Figures corrected."
    assert admin_client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert release.major_updated_at is not None
    assert "Figures corrected." in client.get(release.get_absolute_url()).content.decode()


def test_every_admin_save_records_a_revision_and_the_diff_is_escaped(org):
    home = org[0]
    officer = world.user("press_officer", home)
    release = world.release(home, author=officer)
    client, token = csrf_client(officer)
    payload = '<script>alert("x")</script>'
    for title in ("Calm title", f"Hostile {payload} title"):
        data = form_data(release, title=title, csrfmiddlewaretoken=token)
        assert client.post(f"{ADMIN}/{release.pk}/change/", data).status_code == 302
    older, newer = Revision.objects.for_item(release).order_by("id")
    page = client.get(f"{ADMIN}/{release.pk}/revisions/?old={older.pk}&new={newer.pk}")
    text = page.content.decode()
    assert page.status_code == 200
    assert payload not in text
    assert "&lt;script&gt;" in text
    assert "<del>Calm</del>" in text


def test_restore_revision_through_the_admin_restores_in_place(org):
    home = org[0]
    editor = world.user("editor", home)
    release = world.release(home, status=Status.PUBLISHED, title="As first published")
    revision = revisions.record_revision(release, editor)
    PressRelease.objects.filter(pk=release.pk).update(title="Corrected later")
    client, token = csrf_client(editor)
    url = f"{ADMIN}/{release.pk}/revisions/{revision.pk}/restore/"
    assert client.get(url).status_code == 405
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert PressRelease.objects.count() == 1
    release.refresh_from_db()
    assert (release.title, release.status) == ("As first published", Status.PUBLISHED)


def test_admin_preview_is_the_public_page_private_and_scoped(org):
    home, elsewhere = org
    editor = world.user("editor", home)
    mine = world.release(home, title="Embargoed words")
    theirs = world.release(elsewhere)
    client, _token = csrf_client(editor)
    response = client.get(f"{ADMIN}/{mine.pk}/preview/")
    assert response.status_code == 200
    assert "Embargoed words" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert client.get(f"{ADMIN}/{theirs.pk}/preview/").status_code == 404


def test_preview_link_created_and_revoked_in_the_admin(org):
    home = org[0]
    editor = world.user("editor", home)
    release = world.release(home, status=Status.SUBMITTED)
    client, token = csrf_client(editor)
    client.post(f"{ADMIN}/{release.pk}/preview-links/", {"days": 3, "csrfmiddlewaretoken": token})
    link = release.preview_links.get()
    page = client.get(f"{ADMIN}/{release.pk}/workflow/").content.decode()
    assert "/press-releases/preview/" in page
    client.post(
        f"{ADMIN}/{release.pk}/preview-links/{link.pk}/revoke/", {"csrfmiddlewaretoken": token}
    )
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_rejection_comment_is_shown_to_the_author(org):
    home = org[0]
    officer, editor = world.user("press_officer", home), world.user("editor", home)
    release = world.release(home, author=officer, status=Status.SUBMITTED)
    client, token = csrf_client(editor)
    client.post(
        f"{ADMIN}/{release.pk}/transition/reject/",
        {"comment": "Add the <em>date</em>.", "csrfmiddlewaretoken": token},
    )
    author_client, _ = csrf_client(officer)
    page = author_client.get(f"{ADMIN}/{release.pk}/workflow/").content.decode()
    assert "Add the &lt;em&gt;date&lt;/em&gt;." in page


def test_purge_is_for_superusers_only(org):
    home = org[0]
    editor, root = world.user("editor", home), world.user("superuser")
    release = world.release(home)
    PressRelease.objects.filter(pk=release.pk).update(deleted_at=timezone.now())
    client, token = csrf_client(editor)
    assert (
        client.post(
            f"{ADMIN}/trash/{release.pk}/purge/", {"csrfmiddlewaretoken": token}
        ).status_code
        == 403
    )
    assert PressRelease.objects.filter(pk=release.pk).exists()
    client, token = csrf_client(root)
    assert (
        client.post(
            f"{ADMIN}/trash/{release.pk}/purge/", {"csrfmiddlewaretoken": token}
        ).status_code
        == 302
    )
    assert not PressRelease.objects.filter(pk=release.pk).exists()


def test_audit_log_shows_editors_only_their_scope(org):
    home, elsewhere = org
    editor = world.user("editor", home)
    ours, theirs = world.release(home, title="Ours"), world.release(elsewhere, title="Theirs")
    workflow.audit(ours, None, "edit")
    workflow.audit(theirs, None, "edit")
    client, _ = csrf_client(editor)
    page = client.get("/admin/editorial/auditentry/").content.decode()
    assert "Ours" in page and "Theirs" not in page


@pytest.mark.parametrize("screen", ["workflow", "revisions", "trash"])
def test_the_admins_own_screens_use_djangos_breadcrumbs(org, screen):
    root = world.user("superuser")
    release = world.release(org[0])
    client = Client()
    client.force_login(root)
    path = f"{ADMIN}/trash/" if screen == "trash" else f"{ADMIN}/{release.pk}/{screen}/"
    page = client.get(path).content.decode()
    assert '<div class="breadcrumbs">' not in page
    crumbs = page.split('<ol class="breadcrumbs">', 1)[1].split("</ol>", 1)[0]
    assert crumbs.count("<li") >= 3
    assert '<li aria-current="page">' in crumbs
