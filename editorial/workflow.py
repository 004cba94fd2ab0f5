"""The engine's transitions: the one place that changes an editorial item's state.

Admin, views, commands and tests call these functions for any registered content type. Each
transition is an entry of the action registry (``editorial.actions``): the item's row is locked,
rights, scope and state are checked, the version is bumped, a revision and an audit entry are
recorded, and after commit ``public_output_changed`` is sent when (and only when) the public
can see a difference. Refused actions raise ``PermissionDenied`` (no right, out of scope),
``TransitionError`` (the state does not allow it) or ``ValidationError`` (bad input) and
change nothing.
"""

import logging
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import revisions, scopes, signals, slugs, translations
from .actions import (
    ACTIONS,
    ALTERNATIVE_URL,
    APPROVABLE,
    COMMENT,
    END_ACTION,
    END_NOTE,
    ENDS_AT,
    NOTE,
    REASON,
    WHEN,
    EditConflict,
    TransitionError,
    action,
    can,
    changed_since_message,
    may_publish,
)
from .models import ONLINE_STATUSES, AuditEntry, ChangeNote, EndAction, SlugRedirect, Status
from .registry import kind_of, kinds

logger = logging.getLogger(__name__)
MINOR, MAJOR = "minor", "major"
SLUG_KEPT_MESSAGE = _(
    "This address belonged to another item and still leads to it. Choose another slug."
)


# --- Shared machinery ---------------------------------------------------------------------------


def lock(item):
    """The current row of ``item``, locked for this transaction."""
    model = type(item)
    try:
        return model.objects.select_for_update().get(pk=item.pk)
    except model.DoesNotExist:
        raise TransitionError(
            _("This %(item)s no longer exists.") % {"item": model._meta.verbose_name}
        ) from None


def public_state(item, now):
    """(on the public site, in listings, the future time it goes public) of ``item`` at ``now``."""
    pending = (
        item.published_at
        if item.deleted_at is None and item.status in ONLINE_STATUSES and item.published_at > now
        else None
    )
    return item.is_public(now), item.is_listed(now), pending


def _send_after_commit(signal, item, **arguments):
    """Send ``signal`` for ``item`` when the transaction commits.

    Sent robustly: a failing listener (a cache or an outside service) is logged and never
    undoes or fails the committed action.
    """

    def send():
        for receiver, error in signal.send_robust(sender=type(item), instance=item, **arguments):
            if isinstance(error, Exception):
                logger.error("%r failed on %s", receiver, item._meta.label, exc_info=error)

    transaction.on_commit(send, robust=True)


def announce(item, change):
    """``public_output_changed`` for ``item`` (``change``: PUBLISHED, UPDATED, REMOVED)."""
    _send_after_commit(signals.public_output_changed, item, change=change)


def announce_difference(item, before, now, *, content=False):
    """Announce what changed for the public since ``before`` (a ``public_state``).

    ``content``: the page of a public item now shows something else.
    """
    was_public, was_listed, was_pending = before
    is_public, is_listed, is_pending = public_state(item, now)
    if is_pending != was_pending:
        _send_after_commit(signals.schedule_changed, item, at=is_pending)
    if is_public and not was_public:
        announce(item, signals.PUBLISHED)
    elif was_public and not is_public:
        announce(item, signals.REMOVED)
    elif is_public and (content or is_listed != was_listed):
        announce(item, signals.UPDATED)


@contextmanager
def published_changes(item, now, *, content=False):
    """Announce the public difference between ``item`` before and after the block."""
    before = public_state(item, now)
    yield
    announce_difference(item, before, now, content=content)


def audit(item, user, action, *, from_status="", to_status="", comment=""):
    kind = kind_of(item)
    node = kind.scope_node(item)
    return AuditEntry.objects.create(
        content_type=kind.content_type(),
        object_id=item.pk,
        item_title=str(item)[:300],
        structure_id=node.pk if node is not None else None,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
    )


def _label(name):

    entry = ACTIONS.get(name)
    return str(entry.done or entry.label) if entry else name


def save_transition(item, user, name, old_status, *, comment="", fields=()):
    """Save a status change of a locked item: version, revision, audit."""
    item.version = F("version") + 1
    if user is not None and user.is_authenticated:
        item.updated_by = user
    item.save(update_fields=["status", "version", "updated_by", "updated_at", *fields])
    item.refresh_from_db(fields=["version"])
    label = _label(name)
    revisions.record_revision(item, user, f"{label}: {comment}" if comment else label)
    audit(item, user, name, from_status=old_status, to_status=item.status, comment=comment)
    return item


def _notify(item, event, *args):
    notifications = kind_of(item).notifications
    if notifications is not None:
        getattr(notifications, event)(item, *args)


# --- Transitions --------------------------------------------------------------------------------


@action(
    "submit",
    label=_("Submit for review"),
    done=_("Submitted for review"),
    right="change",
    states=(Status.DRAFT,),
    contributors=(Status.DRAFT,),
)
def submit(item, user, *, now):
    old = item.status
    item.status = Status.SUBMITTED
    save_transition(item, user, "submit", old)
    _notify(item, "submitted", user)
    return item


@action(
    "reject",
    label=_("Reject (back to draft)"),
    done=_("Rejected"),
    right="review",
    states=(Status.SUBMITTED,),
    inputs=(COMMENT,),
)
def reject(item, user, comment, *, now):
    """Send an item in review back to its author, with the reason they will see."""
    old = item.status
    item.status = Status.DRAFT
    save_transition(item, user, "reject", old, comment=comment)
    _notify(item, "rejected", user, comment)
    return item


def _go_live(item, user, name, now, comment=""):
    old = item.status
    if item.published_at <= now:
        item.status = Status.PUBLISHED
        item.first_published_at = item.first_published_at or now
    else:
        item.status = Status.SCHEDULED
    save_transition(
        item, user, name, old, comment=comment, fields=["published_at", "first_published_at"]
    )
    _notify(item, "published", user)
    return item


def _approvable(user, item):
    return item.status in APPROVABLE or item.needs_retrospective_review


@action(
    "approve",
    label=_("Approve and publish"),
    done=_("Approved"),
    right="review",
    when=_approvable,
    four_eyes=True,
)
def approve(item, user, *, now):
    """Second pair of eyes: publish (or schedule, if its time is ahead) an item in review.

    On a force-published item, clears the "awaiting retrospective review" flag instead.
    """
    if item.status in APPROVABLE:
        return _go_live(item, user, "approve", now)
    old = item.status
    item.needs_retrospective_review = False
    return save_transition(
        item,
        user,
        "approve",
        old,
        comment=str(_("Retrospective review")),
        fields=["needs_retrospective_review"],
    )


@action(
    "publish",
    label=_("Publish"),
    done=_("Published"),
    right="publish",
    states=APPROVABLE,
    four_eyes=True,
    bulk=True,
)
def publish(item, user, *, now):
    """Publish now (or schedule, if its publication time is ahead): an approval."""
    return _go_live(item, user, "publish", now)


@action(
    "schedule",
    label=_("Schedule (embargo)"),
    done=_("Scheduled"),
    right="publish",
    states=APPROVABLE,
    four_eyes=True,
    inputs=(WHEN,),
)
def schedule(item, user, when, *, now):
    """Approve an item to go public exactly at ``when`` (an embargo)."""
    item.published_at = when
    return _go_live(item, user, "schedule", now)


def _not_yet_due(user, item):
    return item.published_at > timezone.now()


@action(
    "reschedule",
    label=_("Reschedule"),
    done=_("Rescheduled"),
    right="publish",
    states=(Status.SCHEDULED,),
    when=_not_yet_due,
    inputs=(WHEN,),
)
def reschedule(item, user, when, *, now):
    """Move the time a scheduled item goes public (before it has)."""
    old = item.status
    item.published_at = when
    return save_transition(
        item, user, "reschedule", old, comment=f"{when:%Y-%m-%d %H:%M %Z}", fields=["published_at"]
    )


@action(
    "cancel_schedule",
    label=_("Cancel the schedule (back to review)"),
    done=_("Schedule cancelled"),
    right="publish",
    states=(Status.SCHEDULED,),
    when=_not_yet_due,
)
def cancel_schedule(item, user, *, now):
    old = item.status
    item.status = Status.SUBMITTED
    return save_transition(item, user, "cancel_schedule", old)


@action(
    "force_publish",
    label=_("Force publish without review"),
    done=_("Force published"),
    right="publish",
    states=APPROVABLE,
    inputs=(REASON,),
    destructive=True,
    refused=_("Only a draft or an item in review can be published."),
)
def force_publish(item, user, reason, *, now):
    """Publish without a second reviewer (urgent statements); flagged for review afterwards."""
    old = item.status
    item.needs_retrospective_review = True
    item.published_at = min(item.published_at, now)
    item.status = Status.PUBLISHED
    item.first_published_at = item.first_published_at or now
    save_transition(
        item,
        user,
        "force_publish",
        old,
        comment=reason,
        fields=["needs_retrospective_review", "published_at", "first_published_at"],
    )
    _notify(item, "published", user)
    return item


@action(
    "withdraw",
    label=_("Withdraw (keep online with a notice)"),
    done=_("Withdrawn"),
    right="publish",
    states=(Status.PUBLISHED,),
    inputs=(NOTE,),
)
def withdraw(item, user, note, *, now):
    """Keep the item online with a withdrawal notice; it leaves listings, search, feeds."""
    old = item.status
    item.status = Status.WITHDRAWN
    item.withdrawn_at = now
    item.withdrawal_note = note
    return save_transition(
        item, user, "withdraw", old, comment=note, fields=["withdrawn_at", "withdrawal_note"]
    )


@action(
    "undo_withdraw",
    label=_("Undo the withdrawal"),
    done=_("Withdrawal undone"),
    right="publish",
    states=(Status.WITHDRAWN,),
)
def undo_withdraw(item, user, *, now):
    old = item.status
    item.status = Status.PUBLISHED
    item.withdrawn_at = None
    item.withdrawal_note = ""
    return save_transition(
        item, user, "undo_withdraw", old, fields=["withdrawn_at", "withdrawal_note"]
    )


@action(
    "unpublish",
    label=_("Unpublish (410 Gone or redirect)"),
    done=_("Unpublished"),
    right="publish",
    states=ONLINE_STATUSES,
    inputs=(ALTERNATIVE_URL,),
    destructive=True,
    bulk=True,
)
def unpublish(item, user, alternative_url="", *, now):
    """Take an item offline (published in error): 410 Gone, or a redirect if given."""
    old = item.status
    if item.is_public(now) and item.first_published_at is None:
        # A scheduled item is public from its time on, before run_due records it.
        item.first_published_at = item.published_at
    item.status = Status.UNPUBLISHED
    item.alternative_url = alternative_url
    return save_transition(
        item,
        user,
        "unpublish",
        old,
        comment=alternative_url,
        fields=["alternative_url", "first_published_at"],
    )


@action(
    "schedule_end",
    label=_("Schedule the end (withdraw or unpublish at a time)"),
    done=_("End scheduled"),
    right="publish",
    states=(Status.SCHEDULED, Status.PUBLISHED),
    inputs=(ENDS_AT, END_ACTION, END_NOTE),
)
def schedule_end(item, user, ends_at, end_action, end_note="", *, now):
    """At ``ends_at``, withdraw (with ``end_note``) or unpublish the item (``run_due`` does it)."""
    if ends_at <= item.published_at:
        raise ValidationError(_("The end must come after the publication time."))
    if end_action == EndAction.WITHDRAW and not end_note:
        raise ValidationError(_("Write the withdrawal notice the public will see."))
    old = item.status
    item.ends_at, item.end_action = ends_at, end_action
    item.end_note = end_note if end_action == EndAction.WITHDRAW else ""
    return save_transition(
        item,
        user,
        "schedule_end",
        old,
        comment=f"{item.get_end_action_display()}: {ends_at:%Y-%m-%d %H:%M %Z}",
        fields=["ends_at", "end_action", "end_note"],
    )


def _has_end(user, item):
    return item.ends_at is not None


@action(
    "cancel_end",
    label=_("Cancel the scheduled end"),
    done=_("Scheduled end cancelled"),
    right="publish",
    states=(Status.SCHEDULED, Status.PUBLISHED),
    when=_has_end,
)
def cancel_end(item, user, *, now):
    old = item.status
    item.ends_at, item.end_action, item.end_note = None, "", ""
    return save_transition(
        item, user, "cancel_end", old, fields=["ends_at", "end_action", "end_note"]
    )


def _end(item, now):
    """The scheduled end of a public item has come: withdraw or unpublish it."""
    old = item.status
    if item.end_action == EndAction.WITHDRAW:
        item.status = Status.WITHDRAWN
        item.withdrawn_at, item.withdrawal_note = now, item.end_note
    else:
        item.status = Status.UNPUBLISHED
    comment = item.get_end_action_display()
    item.ends_at, item.end_action, item.end_note = None, "", ""
    save_transition(
        item,
        None,
        "scheduled_end",
        old,
        comment=str(comment),
        fields=["withdrawn_at", "withdrawal_note", "ends_at", "end_action", "end_note"],
    )


def _trash_write(item, user, name):
    item.version = F("version") + 1
    item.save(update_fields=["deleted_at", "version", "updated_at"])
    item.refresh_from_db(fields=["version"])
    audit(item, user, name, from_status=item.status, to_status=item.status)
    return item


@action(
    "delete",
    label=_("Move to the trash"),
    done=_("Moved to the trash"),
    right="delete",
    destructive=True,
    refused=_("This item is already in the trash."),
)
def delete(item, user, *, now):
    """Move an item to the trash (soft delete); it can be restored."""
    item.deleted_at = now
    return _trash_write(item, user, "delete")


@action(
    "restore",
    label=_("Restore from the trash"),
    done=_("Restored from the trash"),
    right="delete",
    trash=True,
)
def restore(item, user, *, now):
    """Take an item out of the trash, in the state it had."""
    item.deleted_at = None
    return _trash_write(item, user, "restore")


@action(
    "purge",
    label=_("Delete for good"),
    right="superuser",
    trash=True,
    destructive=True,
    refused=_("Move it to the trash first."),
)
def purge(item, user, *, now):
    """Delete a trashed item for good (superusers only); the audit log keeps its title."""
    audit(item, user, "purge", from_status=item.status)
    AuditEntry.objects.for_item(item).update(object_id=None)
    item.delete()


@action(
    "restore_revision",
    label=_("Restore this version"),
    done=_("Restored an earlier version"),
    right="change",
    when=lambda user, item: can(user, "edit", item),
)
def _restore_revision(item, user, *, revision, now):
    if revision.content_type_id != kind_of(item).content_type().pk or (
        revision.object_id != item.pk
    ):
        raise PermissionDenied(_("This revision belongs to another item."))
    old_status = item.status
    restore_relations = revisions.restore_in_place(item, revision, user)
    item.version = F("version") + 1
    item.updated_by = user
    item.save()
    item.refresh_from_db(fields=["version"])
    restore_relations()
    translations.share(item)
    revisions.record_revision(
        item,
        user,
        _("Restored version %(version)s") % {"version": revision.version},
    )
    audit(
        item,
        user,
        "restore_revision",
        from_status=old_status,
        to_status=item.status,
        comment=f"v{revision.version}",
    )
    return item


def restore_revision(revision, user, *, expected_version=None):
    """Put ``revision``'s content back on its item, as a new version (same slug and URL).

    The revision's structure must be in ``user``'s scope: a restore never moves an item where
    its restorer could not have put it.
    """
    item = revision.item
    if item is None:
        raise TransitionError(_("The item of this revision no longer exists."))
    return _restore_revision.action.perform(
        item, user, revision=revision, expected_version=expected_version
    )


# --- Editing ------------------------------------------------------------------------------------


# The workflow fields are never taken from an edited instance.
ENGINE_FIELDS = (
    "status",
    "first_published_at",
    "major_updated_at",
    "needs_retrospective_review",
    "withdrawn_at",
    "withdrawal_note",
    "alternative_url",
    "ends_at",
    "end_action",
    "end_note",
    "deleted_at",
    "created_by_id",
    "translation_key",
    "translation_of_id",
    "translated_at",
)


def _is_published(item, now):
    return item.status in (Status.PUBLISHED, Status.WITHDRAWN) and item.published_at <= now


def check_slug(model, slug, pk=None):
    """Refuse ``slug`` when it is an old address still leading to another ``model`` item."""
    if slug and slugs.kept_for_another(model, slug, pk):
        raise ValidationError({"slug": SLUG_KEPT_MESSAGE})


def check_edit(item, *, expected_version, change=MINOR, change_note="", slug=None, now=None):
    """The rules of saving an edit of ``item``, checked on its locked row; returns that row.

    Raises ``EditConflict`` when someone saved it since ``expected_version``, a
    ``ValidationError`` on ``change_note`` when a major change to a published item has no
    public note, and one on ``slug`` when the new ``slug`` is another item's old address.
    ``save_edit`` enforces them; a form calls this to show them as field errors.
    """
    now = now or timezone.now()
    current = lock(item)
    if current.version != expected_version:
        raise EditConflict(changed_since_message(current))
    if slug is not None and slug != current.slug:
        check_slug(type(item), slug, current.pk)
    if change == MAJOR and _is_published(current, now) and not (change_note or "").strip():
        raise ValidationError(
            {"change_note": _("A major change needs a public note saying what changed.")}
        )
    return current


def save_edit(item, user, *, expected_version, change=MINOR, change_note="", now=None):
    """Save an edited item, refusing if someone saved it since ``expected_version``.

    Call inside a transaction, then save relations and call ``record_revision``. For a
    published item a major change needs a public ``change_note``; changing the slug of an
    item that has been public keeps the old address as a permanent redirect.
    """
    now = now or timezone.now()
    kind = kind_of(item)
    with transaction.atomic():
        current = lock(item)
        if not can(user, "edit", current):
            raise PermissionDenied(
                _("You may not edit this %(item)s.") % {"item": item._meta.verbose_name}
            )
        if kind.scope_field and not _may_assign_scope(user, item, current, kind):
            raise PermissionDenied(
                _("You may not choose this %(field)s.")
                % {"field": item._meta.get_field(kind.scope_field).verbose_name}
            )
        check_edit(
            current,
            expected_version=expected_version,
            change=change,
            change_note=change_note,
            slug=item.slug,
            now=now,
        )
        translations.check(item)
        for name in ENGINE_FIELDS:
            setattr(item, name, getattr(current, name))
        comment = ""
        if change == MAJOR and _is_published(current, now):
            comment = change_note.strip()
            item.major_updated_at = now
            ChangeNote.objects.create(item=current, note=comment)
            translations.source_changed(current, user)
        if (current.first_published_at or current.is_public(now)) and item.slug != current.slug:
            keep_old_address(current, item.slug)
        item.version = current.version + 1
        item.updated_by = user
        before = public_state(current, now)
        item.save()
        announce_difference(item, before, now, content=True)
        audit(
            item,
            user,
            "edit_major" if comment else "edit",
            from_status=current.status,
            to_status=current.status,
            comment=comment,
        )
    return item


def _may_assign_scope(user, item, current, kind):
    """May ``user`` save ``item`` with its scope node (e.g. its source)? On an item of their
    scope, any node of it; on one they only contribute to (a co-issuer's officer), only the
    node it has: the lead issuer, whose editors decide, stays the lead."""
    if scopes.in_scope(user, kind.scope_node(current)):
        return scopes.in_scope(user, kind.scope_node(item))
    attname = item._meta.get_field(kind.scope_field).attname
    unchanged = getattr(item, attname) == getattr(current, attname)
    return unchanged and scopes.contributes_to(user, current)


def keep_old_address(item, new_slug):
    """``item`` moves from its slug to ``new_slug``: its old address redirects to the new."""
    SlugRedirect.objects.record(item, item.slug, new_slug)


def may_create(user, model, scope_node=None):
    """May ``user`` write a new item of ``model`` (in ``scope_node``, when given)?"""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(kind_of(model).perm("add")):
        return False
    return scope_node is None or scopes.in_scope(user, scope_node)


def save_new(item, user):
    """Save a new item written by ``user``: always a draft, in their scope."""
    kind = kind_of(item)
    if not may_create(user, type(item), kind.scope_node(item)):
        raise PermissionDenied(
            _("You may not write a %(item)s here.") % {"item": item._meta.verbose_name}
        )
    check_slug(type(item), item.slug)
    translations.check(item)
    item.status = Status.DRAFT
    item.version = 1
    item.created_by = user
    item.updated_by = user
    item.save()
    audit(item, user, "create", to_status=Status.DRAFT)
    return item


# --- Due transitions ----------------------------------------------------------------------------


@transaction.atomic
def run_due(now=None):
    """Do every transition whose time has come, for every content type (idempotent).

    Scheduled items whose publication time has passed become published; public items whose
    scheduled end has come are withdrawn or unpublished. Rows another run is handling are
    skipped (``SKIP LOCKED``), so overlapping runs never do a transition twice. Returns the
    items changed.
    """
    now = now or timezone.now()
    done = []
    for kind in kinds():
        due = (
            kind.model.objects.alive()
            .filter(status=Status.SCHEDULED, published_at__lte=now)
            .select_for_update(skip_locked=True)
            .order_by("published_at", "pk")
        )
        for item in due:
            item.status = Status.PUBLISHED
            item.first_published_at = item.first_published_at or item.published_at
            save_transition(
                item, None, "publish_scheduled", Status.SCHEDULED, fields=["first_published_at"]
            )
            _notify(item, "published", None)
            announce(item, signals.PUBLISHED)
            done.append(item)
        ending = (
            kind.model.objects.alive()
            .filter(status=Status.PUBLISHED, ends_at__lte=now)
            .select_for_update(skip_locked=True)
            .order_by("ends_at", "pk")
        )
        for item in ending:
            with published_changes(item, now):
                _end(item, now)
            done.append(item)
    return done


def is_public_now(item, now=None, *, status=None):
    return item.is_public(now, status=status)


__all__ = [
    "MAJOR",
    "MINOR",
    "EditConflict",
    "TransitionError",
    "approve",
    "audit",
    "cancel_end",
    "cancel_schedule",
    "delete",
    "force_publish",
    "may_publish",
    "publish",
    "purge",
    "reject",
    "reschedule",
    "restore",
    "restore_revision",
    "run_due",
    "save_edit",
    "save_new",
    "schedule",
    "schedule_end",
    "submit",
    "undo_withdraw",
    "unpublish",
    "withdraw",
]
