"""Press releases on the editorial engine: the names the press app and its callers use.

Every rule lives in the engine (``editorial.actions``: who may do what, in which state;
``editorial.scopes``: the scope; ``editorial.workflow``: the transitions); this module adds
only what is particular to releases, a release's scope being its source.
"""

from editorial import scopes
from editorial import workflow as engine
from editorial.actions import (
    EditConflict,
    TransitionError,
    allowed,
    can,
    is_author,
    validate_alternative_url,
)
from editorial.scopes import in_scope, scoped, structures_for
from editorial.workflow import (
    MAJOR,
    MINOR,
    approve,
    audit,
    cancel_end,
    cancel_schedule,
    delete,
    force_publish,
    is_public_now,
    publish,
    purge,
    reject,
    reschedule,
    restore,
    restore_revision,
    run_due,
    save_edit,
    save_new,
    schedule,
    schedule_end,
    submit,
    undo_withdraw,
    unpublish,
    withdraw,
)

from .models import PressRelease

# The one function that does every due transition (``publish_scheduled`` and the worker).
publish_due = run_due


def releases_for(user):
    """The releases ``user`` may see and act on in the admin (their scope), trash excluded."""
    return scopes.items_for(user, PressRelease)


def trash_for(user):
    """Trashed releases ``user`` may recover."""
    return scopes.trash_for(user, PressRelease)


def may_create(user, source=None):
    """May ``user`` write a new release (with ``source``, when given)?"""
    return engine.may_create(user, PressRelease, source)


__all__ = [
    "MAJOR",
    "MINOR",
    "EditConflict",
    "TransitionError",
    "allowed",
    "approve",
    "audit",
    "can",
    "cancel_end",
    "cancel_schedule",
    "delete",
    "force_publish",
    "in_scope",
    "is_author",
    "is_public_now",
    "may_create",
    "publish",
    "publish_due",
    "purge",
    "reject",
    "releases_for",
    "reschedule",
    "restore",
    "restore_revision",
    "save_edit",
    "save_new",
    "schedule",
    "schedule_end",
    "scoped",
    "structures_for",
    "submit",
    "trash_for",
    "undo_withdraw",
    "unpublish",
    "validate_alternative_url",
    "withdraw",
]
