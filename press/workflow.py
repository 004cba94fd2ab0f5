"""The editorial rule book: who may do what to which release, and the transitions themselves.

Admin, views, commands and tests all call these functions; nothing else changes a release's
status. A user's *scope* is the set of releases whose source lies in the subtree of one of the
structure nodes assigned to them (``EditorialScope``); superusers have no scope limit.

Roles are permissions (granted through the groups of migration 0004_editorial_groups):
``change_pressrelease`` writes drafts and submits them, ``review_pressrelease`` approves and
rejects, ``publish_pressrelease`` publishes, schedules, withdraws and unpublishes,
``delete_pressrelease`` moves releases to the trash and back. Only superusers purge.

Every write goes through ``_locked``: the row is locked, its ``version`` bumped, a revision and
an audit entry recorded, and when public content changed the page cache generation is bumped
after commit. Refused actions raise ``PermissionDenied`` (no right, out of scope) or
``TransitionError`` (the state does not allow it) and change nothing.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.signals import PUBLISHED, public_output_changed
from osce_cms import caching

from . import notifications, revisions, tasks
from .models import AuditEntry, ChangeNote, EditorialScope, PressRelease, SlugRedirect, Status
from .models.releases import ONLINE_STATUSES
from .models.workflow import slug_kept_for_another
from .revisions import record_revision

# The permission each action needs, on top of being in scope.
PERMISSIONS = {
    "view": "press.view_pressrelease",
    "preview": "press.view_pressrelease",
    "history": "press.view_pressrelease",
    "edit": "press.change_pressrelease",
    "submit": "press.change_pressrelease",
    "share_preview": "press.change_pressrelease",
    "restore_revision": "press.add_pressrelease",
    "approve": "press.review_pressrelease",
    "reject": "press.review_pressrelease",
    "publish": "press.publish_pressrelease",
    "schedule": "press.publish_pressrelease",
    "force_publish": "press.publish_pressrelease",
    "withdraw": "press.publish_pressrelease",
    "unpublish": "press.publish_pressrelease",
    "delete": "press.delete_pressrelease",
    "restore": "press.delete_pressrelease",
}
# Statuses from which a release can be approved (published or scheduled).
APPROVABLE = (Status.DRAFT, Status.SUBMITTED)
# Statuses whose content a press officer (without publish rights) may still edit.
DRAFT_STATUSES = (Status.DRAFT, Status.SUBMITTED)
MINOR, MAJOR = "minor", "major"
SLUG_KEPT_MESSAGE = _(
    "This address belonged to another press release and still leads to it. Choose another slug."
)


class TransitionError(Exception):
    """A transition that the release's state does not allow; the message is for the user."""


class EditConflict(TransitionError):
    """Someone else saved the release since the editor loaded it (optimistic locking)."""


# --- Scope ----------------------------------------------------------------------------------


def _scope_filter(user, prefix=""):
    """A condition true for rows whose source lies under one of ``user``'s scope nodes."""
    source = f"{prefix}source__"
    nodes = EditorialScope.objects.filter(
        user=user,
        structure__tree_id=OuterRef(f"{source}tree_id"),
        structure__lft__lte=OuterRef(f"{source}lft"),
        structure__rght__gte=OuterRef(f"{source}rght"),
    )
    return Exists(nodes)


def scoped(queryset, user, prefix=""):
    """``queryset`` (of releases, or of rows reaching a release via ``prefix``) in scope."""
    if user.is_superuser:
        return queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    return queryset.filter(_scope_filter(user, prefix))


def releases_for(user):
    """The releases ``user`` may see and act on in the admin (their scope), trash excluded."""
    if not user.is_superuser and not user.has_perm("press.view_pressrelease"):
        return PressRelease.objects.none()
    return scoped(PressRelease.objects.alive(), user)


def trash_for(user):
    """Soft-deleted releases ``user`` may recover."""
    if not user.is_superuser and not user.has_perm("press.delete_pressrelease"):
        return PressRelease.objects.none()
    return scoped(PressRelease.objects.filter(deleted_at__isnull=False), user)


def structures_for(user, queryset):
    """The structure nodes ``user`` may choose as a release's source (their subtrees)."""
    if user.is_superuser:
        return queryset
    nodes = EditorialScope.objects.filter(
        user=user,
        structure__tree_id=OuterRef("tree_id"),
        structure__lft__lte=OuterRef("lft"),
        structure__rght__gte=OuterRef("rght"),
    )
    return queryset.filter(Exists(nodes))


def _scope_nodes(user):
    """(tree_id, lft, rght) of the user's scope nodes, loaded once per user object."""
    if not hasattr(user, "_editorial_scope_nodes"):
        user._editorial_scope_nodes = list(
            EditorialScope.objects.filter(user=user).values_list(
                "structure__tree_id", "structure__lft", "structure__rght"
            )
        )
    return user._editorial_scope_nodes


def in_scope(user, structure):
    """Does ``structure`` lie in the subtree of one of ``user``'s scope nodes?"""
    if user.is_superuser:
        return True
    if structure is None:
        return False
    return any(
        tree_id == structure.tree_id and lft <= structure.lft and structure.rght <= rght
        for tree_id, lft, rght in _scope_nodes(user)
    )


def is_author(user, release):
    return release.created_by_id is not None and release.created_by_id == user.pk


def is_public_now(release, now=None, *, status=None):
    """Is ``release`` (or would it be, with ``status``) on the public site right now?"""
    status = status or release.status
    return status in ONLINE_STATUSES and release.published_at <= (now or timezone.now())


# --- Who may do what --------------------------------------------------------------------------


def allowed(user, action, release):
    """Has ``user`` the right and the scope for ``action`` on ``release`` (state aside)?"""
    if not (user.is_authenticated and user.is_active):
        return False
    if action == "purge":
        return user.is_superuser
    if user.is_superuser:
        return True
    if not user.is_staff or not user.has_perm(PERMISSIONS[action]):
        return False
    if action == "share_preview" and not (
        is_author(user, release) or user.has_perm("press.publish_pressrelease")
    ):
        # Outside journalists get links from an editor or the release's author only.
        return False
    return in_scope(user, release.source)


def _state_allows(user, action, release):
    status = release.status
    if action == "purge":
        return release.deleted_at is not None
    if action == "restore":
        return release.deleted_at is not None
    if release.deleted_at is not None:
        return action in {"view", "history"}
    if action == "edit":
        # Past review, a release is only changed by those who may publish it.
        return status in DRAFT_STATUSES or (
            status != Status.UNPUBLISHED
            and (user.is_superuser or user.has_perm("press.publish_pressrelease"))
        )
    if action == "submit":
        return status == Status.DRAFT
    if action == "reject":
        return status == Status.SUBMITTED
    if action == "approve":
        return status in APPROVABLE or release.needs_retrospective_review
    if action in {"publish", "schedule", "force_publish"}:
        return status in APPROVABLE
    if action == "withdraw":
        return status == Status.PUBLISHED
    if action == "unpublish":
        return status in ONLINE_STATUSES
    return True


def _author_rule_allows(user, action, release):
    """The writer of a release may not approve it (force publish is the only way)."""
    if action not in {"approve", "publish", "schedule"}:
        return True
    if is_author(user, release):
        return False
    return not (release.needs_retrospective_review and user.pk == _force_publisher_id(release))


def can(user, action, release):
    """May ``user`` perform ``action`` (e.g. "publish", "unpublish", "edit") on ``release`` now?"""
    return (
        allowed(user, action, release)
        and _state_allows(user, action, release)
        and _author_rule_allows(user, action, release)
    )


def may_create(user, source=None):
    """May ``user`` write a new release (with ``source``, when given)?"""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("press.add_pressrelease"):
        return False
    return source is None or in_scope(user, source)


def _require(user, action, release):
    if not allowed(user, action, release):
        raise PermissionDenied(_("You may not do this to this press release."))
    if not _author_rule_allows(user, action, release):
        raise PermissionDenied(
            _(
                "You wrote this press release, so another editor must approve it "
                "(or force publish it, giving a reason)."
            )
        )
    if not _state_allows(user, action, release):
        raise TransitionError(
            _("A press release that is “%(status)s” cannot be changed this way.")
            % {"status": release.get_status_display()}
        )


def _force_publisher_id(release):
    entry = (
        AuditEntry.objects.filter(release=release, action="force_publish")
        .order_by("-created_at", "-id")
        .values_list("user_id", flat=True)
        .first()
    )
    return entry


# --- Shared machinery -----------------------------------------------------------------------


def content_changed():
    """Public content changed: make cached public pages stale (when the transaction commits)."""
    caching.bump_generation()


def went_public(release):
    """Tell the listeners (alerts, ...) that ``release`` went public, once this commits."""
    transaction.on_commit(
        lambda: public_output_changed.send(sender=PressRelease, instance=release, change=PUBLISHED)
    )


def _lock(release):
    """The current row of ``release``, locked for this transaction."""
    try:
        return PressRelease.objects.select_for_update().get(pk=release.pk)
    except PressRelease.DoesNotExist:
        raise TransitionError(_("This press release no longer exists.")) from None


def audit(release, user, action, *, from_status="", to_status="", comment=""):
    return AuditEntry.objects.create(
        release=release,
        release_title=release.title[:300],
        source_id=release.source_id,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
    )


def _save_transition(release, user, action, old_status, *, comment="", fields=()):
    """Save a status change of a locked release: version, revision, audit, cache."""
    was_public = is_public_now(release, status=old_status)
    release.version = F("version") + 1
    if user is not None and user.is_authenticated:
        release.updated_by = user
    release.save(update_fields=["status", "version", "updated_by", "updated_at", *fields])
    release.refresh_from_db(fields=["version"])
    label = str(_action_label(action))
    record_revision(release, user, f"{label}: {comment}" if comment else label)
    audit(
        release,
        user,
        action,
        from_status=old_status,
        to_status=release.status,
        comment=comment,
    )
    if was_public or is_public_now(release):
        content_changed()
    return release


def _action_label(action):
    return {
        "submit": _("Submitted for review"),
        "approve": _("Approved"),
        "reject": _("Rejected"),
        "publish": _("Published"),
        "schedule": _("Scheduled"),
        "force_publish": _("Force published"),
        "withdraw": _("Withdrawn"),
        "unpublish": _("Unpublished"),
        "delete": _("Moved to the trash"),
        "restore": _("Restored from the trash"),
        "publish_scheduled": _("Published at its scheduled time"),
    }.get(action, action)


def _required_text(value, message):
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


# --- Transitions ------------------------------------------------------------------------------


@transaction.atomic
def submit(release, user):
    release = _lock(release)
    _require(user, "submit", release)
    old = release.status
    release.status = Status.SUBMITTED
    _save_transition(release, user, "submit", old)
    notifications.submitted(release, user)
    return release


@transaction.atomic
def reject(release, user, comment):
    """Send a release in review back to its author, with the reason they will see."""
    comment = _required_text(comment, _("Say what the author should change."))
    release = _lock(release)
    _require(user, "reject", release)
    old = release.status
    release.status = Status.DRAFT
    _save_transition(release, user, "reject", old, comment=comment)
    notifications.rejected(release, user, comment)
    return release


def _go_live(release, user, action, now, comment=""):
    old = release.status
    if release.published_at <= now:
        release.status = Status.PUBLISHED
        release.first_published_at = release.first_published_at or now
        went_public(release)
    else:
        release.status = Status.SCHEDULED
        tasks.schedule_publication(release)
    _save_transition(
        release, user, action, old, comment=comment, fields=["published_at", "first_published_at"]
    )
    notifications.published(release, user)
    return release


@transaction.atomic
def approve(release, user, *, now=None):
    """Second pair of eyes: publish (or schedule, if its time is ahead) a release in review.

    On a force-published release, clears the "awaiting retrospective review" flag instead.
    """
    now = now or timezone.now()
    release = _lock(release)
    _require(user, "approve", release)
    if release.status in APPROVABLE:
        return _go_live(release, user, "approve", now)
    old = release.status
    release.needs_retrospective_review = False
    return _save_transition(
        release,
        user,
        "approve",
        old,
        comment=str(_("Retrospective review")),
        fields=["needs_retrospective_review"],
    )


@transaction.atomic
def publish(release, user, *, now=None):
    """Publish now (or schedule, if its publication time is ahead): an approval."""
    now = now or timezone.now()
    release = _lock(release)
    _require(user, "schedule" if release.published_at > now else "publish", release)
    return _go_live(release, user, "publish", now)


@transaction.atomic
def schedule(release, user, when, *, now=None):
    """Approve a release to go public exactly at ``when`` (an embargo)."""
    now = now or timezone.now()
    if when is None:
        raise ValidationError(_("Enter the date and time of publication."))
    if when <= now:
        raise ValidationError(_("The scheduled time must be in the future."))
    release = _lock(release)
    _require(user, "schedule", release)
    release.published_at = when
    return _go_live(release, user, "schedule", now)


@transaction.atomic
def force_publish(release, user, reason, *, now=None):
    """Publish without a second reviewer (urgent statements); flagged for review afterwards."""
    reason = _required_text(reason, _("Give the reason for publishing without review."))
    now = now or timezone.now()
    release = _lock(release)
    if not allowed(user, "force_publish", release):
        raise PermissionDenied(_("You may not do this to this press release."))
    if not _state_allows(user, "force_publish", release):
        raise TransitionError(_("Only a draft or a release in review can be published."))
    release.needs_retrospective_review = True
    old = release.status
    if release.published_at > now:
        release.published_at = now
    release.status = Status.PUBLISHED
    release.first_published_at = release.first_published_at or now
    went_public(release)
    _save_transition(
        release,
        user,
        "force_publish",
        old,
        comment=reason,
        fields=["needs_retrospective_review", "published_at", "first_published_at"],
    )
    notifications.published(release, user)
    return release


@transaction.atomic
def withdraw(release, user, note, *, now=None):
    """Keep the release online with a withdrawal notice; it leaves listings, search, feeds."""
    note = _required_text(note, _("Write the withdrawal notice the public will see."))
    release = _lock(release)
    _require(user, "withdraw", release)
    old = release.status
    release.status = Status.WITHDRAWN
    release.withdrawn_at = now or timezone.now()
    release.withdrawal_note = note
    return _save_transition(
        release, user, "withdraw", old, comment=note, fields=["withdrawn_at", "withdrawal_note"]
    )


def validate_alternative_url(url):
    """An absolute http(s) address or a path on this site ("/..."); empty means 410 Gone."""
    url = (url or "").strip()
    if not url:
        return ""
    limit = PressRelease._meta.get_field("alternative_url").max_length
    if len(url) > limit:
        raise ValidationError(
            _("The address is too long: at most %(limit)d characters."), params={"limit": limit}
        )
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            _("Enter an address starting with https:// or http://, or a path starting with /.")
        ) from None
    return url


@transaction.atomic
def unpublish(release, user, *, alternative_url=""):
    """Take a release offline (published in error): 410 Gone, or a redirect if given."""
    alternative_url = validate_alternative_url(alternative_url)
    release = _lock(release)
    _require(user, "unpublish", release)
    old = release.status
    if is_public_now(release) and release.first_published_at is None:
        # A scheduled release is public from its time on, before publish_due records it.
        release.first_published_at = release.published_at
    release.status = Status.UNPUBLISHED
    release.alternative_url = alternative_url
    return _save_transition(
        release,
        user,
        "unpublish",
        old,
        comment=alternative_url,
        fields=["alternative_url", "first_published_at"],
    )


@transaction.atomic
def delete(release, user):
    """Move a release to the trash (soft delete); it can be restored."""
    release = _lock(release)
    _require(user, "delete", release)
    if release.deleted_at is not None:
        raise TransitionError(_("This press release is already in the trash."))
    was_public = is_public_now(release)
    release.deleted_at = timezone.now()
    release.version = F("version") + 1
    release.save(update_fields=["deleted_at", "version", "updated_at"])
    release.refresh_from_db(fields=["version"])
    audit(release, user, "delete", from_status=release.status, to_status=release.status)
    if was_public:
        content_changed()
    return release


@transaction.atomic
def restore(release, user):
    """Take a release out of the trash, in the state it had."""
    release = _lock(release)
    _require(user, "restore", release)
    release.deleted_at = None
    release.version = F("version") + 1
    release.save(update_fields=["deleted_at", "version", "updated_at"])
    release.refresh_from_db(fields=["version"])
    audit(release, user, "restore", from_status=release.status, to_status=release.status)
    if is_public_now(release):
        content_changed()
    return release


@transaction.atomic
def purge(release, user):
    """Delete a trashed release for good (superusers only); the audit log keeps its title."""
    release = _lock(release)
    if not allowed(user, "purge", release):
        raise PermissionDenied(_("Only a superuser can delete a press release for good."))
    if release.deleted_at is None:
        raise TransitionError(_("Move the press release to the trash first."))
    audit(release, user, "purge", from_status=release.status)
    release.delete()


# --- Editing ----------------------------------------------------------------------------------


def save_edit(release, user, *, expected_version, change=MINOR, change_note="", now=None):
    """Save an edited release, refusing if someone saved it since ``expected_version``.

    Call inside a transaction, then save relations and call ``record_revision``. For a
    published release a major change needs a public ``change_note``; changing the slug of a
    release that has been public keeps the old address as a permanent redirect.
    """
    now = now or timezone.now()
    current = _lock(release)
    if not can(user, "edit", current):
        raise PermissionDenied(_("You may not edit this press release."))
    if not in_scope(user, release.source):
        raise PermissionDenied(_("You may not choose this source."))
    if current.version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this press release while you were editing it "
                "(by %(user)s, version %(version)s). Your changes have not been saved."
            )
            % {"user": current.updated_by or _("unknown"), "version": current.version}
        )
    # The workflow fields are never taken from the edited instance.
    for name in (
        "status",
        "first_published_at",
        "major_updated_at",
        "needs_retrospective_review",
        "withdrawn_at",
        "withdrawal_note",
        "alternative_url",
        "deleted_at",
        "created_by_id",
    ):
        setattr(release, name, getattr(current, name))
    published = current.status in (Status.PUBLISHED, Status.WITHDRAWN) and (
        current.published_at <= now
    )
    comment = ""
    if published and change == MAJOR:
        change_note = _required_text(
            change_note, _("A major change needs a public note saying what changed.")
        )
        release.major_updated_at = now
        ChangeNote.objects.create(release=current, note=change_note)
        comment = change_note
    if release.slug != current.slug and slug_kept_for_another(release.slug, current.pk):
        raise ValidationError(SLUG_KEPT_MESSAGE)
    if (current.first_published_at or is_public_now(current, now)) and (
        release.slug != current.slug
    ):
        SlugRedirect.objects.filter(old_slug=release.slug, release=current).delete()
        SlugRedirect.objects.update_or_create(old_slug=current.slug, defaults={"release": current})
    release.version = current.version + 1
    release.updated_by = user
    release.save()
    audit(
        release,
        user,
        "edit_major" if comment else "edit",
        from_status=current.status,
        to_status=current.status,
        comment=comment,
    )
    if is_public_now(current, now) or is_public_now(release, now):
        content_changed()
    return release


def save_new(release, user):
    """Save a new release written by ``user``: always a draft, in their scope."""
    if not may_create(user, release.source):
        raise PermissionDenied(_("You may not write a press release for this source."))
    if release.slug and slug_kept_for_another(release.slug):
        raise ValidationError(SLUG_KEPT_MESSAGE)
    release.status = Status.DRAFT
    release.version = 1
    release.created_by = user
    release.updated_by = user
    release.save()
    audit(release, user, "create", to_status=Status.DRAFT)
    return release


@transaction.atomic
def restore_revision(revision, user):
    """Restore ``revision`` as a new draft written by ``user`` (the original is untouched)."""
    if not allowed(user, "history", revision.release) or not allowed(
        user, "restore_revision", revision.release
    ):
        raise PermissionDenied(_("You may not restore this press release."))
    draft = revisions.restore_as_draft(revision, user)
    audit(
        draft,
        user,
        "restore_revision",
        to_status=draft.status,
        comment=f"{revision.release_id} v{revision.version}",
    )
    return draft


@transaction.atomic
def publish_due(now=None):
    """Flip every scheduled release whose time has come to published (idempotent)."""
    now = now or timezone.now()
    due = list(
        PressRelease.objects.alive()
        .filter(status=Status.SCHEDULED, published_at__lte=now)
        .select_for_update(skip_locked=True)
        .order_by("published_at", "pk")
    )
    for release in due:
        release.status = Status.PUBLISHED
        release.first_published_at = release.first_published_at or release.published_at
        _save_transition(
            release, None, "publish_scheduled", Status.SCHEDULED, fields=["first_published_at"]
        )
        notifications.published(release, None)
        went_public(release)
    if due:
        content_changed()
    return due
