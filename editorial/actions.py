"""The action registry: every editorial action declared once.

An ``Action`` says who may do it (a right of the item's content type, checked with the item's
scope), in which states, its label, the input it needs and the function that does it. The
admin's buttons and bulk actions, the permission checks, the commands and the shared tests all
read ``ACTIONS``; ``editorial.workflow`` declares the transitions with ``@action``.

Abilities without a function ("view", "edit", "preview", ...) are declared here too, so that
``can(user, name, item)`` answers every question the same way.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osce_cms.dates import validate_publication_time

from . import scopes
from .models import DRAFT_STATUSES, AuditEntry, EndAction, Status
from .registry import kind_of

APPROVABLE = (Status.DRAFT, Status.SUBMITTED)


class TransitionError(Exception):
    """An action that the item's state does not allow; the message is for the user."""


class EditConflict(TransitionError):
    """Someone else saved the item since the user loaded it (optimistic locking)."""


# --- Inputs -------------------------------------------------------------------------------------


def required_text(message):
    def clean(value):
        value = (value or "").strip()
        if not value:
            raise ValidationError(message)
        return value

    return clean


# The length of ``alternative_url`` on every editorial model.
URL_LIMIT = 500


def validate_alternative_url(url):
    """An absolute http(s) address or a path on this site ("/..."); empty means 410 Gone."""
    url = (url or "").strip()
    if not url:
        return ""
    if len(url) > URL_LIMIT:
        raise ValidationError(
            _("The address is too long: at most %(limit)d characters."), params={"limit": URL_LIMIT}
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


def future_time(value):
    if value is None:
        raise ValidationError(_("Enter a date and time, e.g. 2026-03-02 12:00."))
    if value <= timezone.now():
        raise ValidationError(_("The scheduled time must be in the future."))
    return value


def one_of(choices):
    def clean(value):
        if value not in choices.values:
            raise ValidationError(_("Choose what happens at the end."))
        return value

    return clean


def stripped(value):
    return (value or "").strip()


def _zoned(label):
    """A time field's label naming the organisation's time zone (entered and shown in it)."""
    return _("%(label)s (%(zone)s time)") % {"label": label, "zone": settings.TIME_ZONE}


@dataclass(frozen=True)
class Input:
    """What an action needs from the user: a form field and how its value is checked."""

    name: str
    field: Callable[[], forms.Field]
    clean: Callable = lambda value: value


COMMENT = Input(
    "comment",
    lambda: forms.CharField(
        label=_("Comment for the author"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    ),
    required_text(_("Say what the author should change.")),
)
WHEN = Input(
    "when",
    lambda: forms.DateTimeField(
        label=_zoned(_("Publish at")),
        required=False,
        validators=[validate_publication_time],
        help_text=_("Format: 2026-03-02 12:00"),
    ),
    future_time,
)
ENDS_AT = Input(
    "ends_at",
    lambda: forms.DateTimeField(
        label=_zoned(_("End at")),
        required=False,
        validators=[validate_publication_time],
        help_text=_("Format: 2026-03-02 12:00"),
    ),
    future_time,
)
END_ACTION = Input(
    "end_action",
    lambda: forms.ChoiceField(label=_("Then"), choices=EndAction.choices, required=False),
    one_of(EndAction),
)
END_NOTE = Input(
    "end_note",
    lambda: forms.CharField(
        label=_("Withdrawal notice (for a withdrawal)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    ),
    stripped,
)
REASON = Input(
    "reason",
    lambda: forms.CharField(label=_("Reason"), required=False),
    required_text(_("Give the reason for publishing without review.")),
)
NOTE = Input(
    "note",
    lambda: forms.CharField(
        label=_("Withdrawal notice"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    ),
    required_text(_("Write the withdrawal notice the public will see.")),
)
ALTERNATIVE_URL = Input(
    "alternative_url",
    lambda: forms.CharField(label=_("Alternative address"), required=False),
    validate_alternative_url,
)


# --- The registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    # The right needed, as a permission of the item's model: "view", "add", "change",
    # "delete", "review", "publish"; "superuser" for superusers only.
    right: str
    # The statuses it applies to (None: any) and a further condition ``when(user, item)``.
    states: tuple | None = None
    when: Callable | None = None
    inputs: tuple = ()
    run: Callable | None = None
    # What the revision and the audit log say was done (defaults to the label).
    done: str = ""
    # Applies to items in the trash (and only to them).
    trash: bool = False
    # Also allowed on an item in the trash.
    in_trash: bool = False
    # The item's author may not do it (a second pair of eyes).
    four_eyes: bool = False
    # Offered as a distinct, confirmed button (it takes something away or skips review).
    destructive: bool = False
    # Offered as a bulk action of the change list.
    bulk: bool = False
    # The message when the state refuses it (a default otherwise).
    refused: str = ""
    # The statuses in which an officer who only contributes to the item (their scope covers a
    # co-issuer, not the item's own structure) may do it too: proposing, never deciding.
    contributors: tuple = ()

    def state_allows(self, user, item):
        if self.trash:
            return item.deleted_at is not None
        if item.deleted_at is not None:
            return self.in_trash
        if self.states is not None and item.status not in self.states:
            return False
        return self.when is None or self.when(user, item)

    def perform(self, item, user, *, expected_version=None, now=None, **values):
        """Check the input, lock the item, check rights and state, then run the action."""
        from .workflow import lock, published_changes

        cleaned = {spec.name: spec.clean(values.get(spec.name)) for spec in self.inputs}
        extra = {key: value for key, value in values.items() if key not in cleaned}
        now = now or timezone.now()
        with transaction.atomic():
            item = lock(item)
            require(user, self.name, item)
            if expected_version is not None and item.version != expected_version:
                raise EditConflict(changed_since_message(item))
            with published_changes(item, now, content=self.name in CONTENT_ACTIONS):
                return self.run(item, user, now=now, **cleaned, **extra)


# Actions whose result changes what the page of a public item shows.
CONTENT_ACTIONS = {"withdraw", "undo_withdraw", "restore_revision"}

ACTIONS: dict[str, Action] = {}


def declare(name, **options):
    ACTIONS[name] = Action(name=name, **options)
    return ACTIONS[name]


def action(name, **options):
    """Declare the decorated function as the action ``name``.

    The function receives the locked item, the user, ``now`` and the cleaned inputs; the
    returned callable ``f(item, user, *inputs, expected_version=None, now=None)`` checks
    everything first.
    """

    def register(run):
        entry = declare(name, run=run, **options)
        names = [spec.name for spec in entry.inputs]

        @functools.wraps(run)
        def perform(item, user, *args, **kwargs):
            kwargs.update(zip(names, args, strict=False))
            return entry.perform(item, user, **kwargs)

        perform.action = entry
        return perform

    return register


def offered(user, item, *, names=None):
    """The actions with a function that ``user`` may perform on ``item`` now."""
    return [
        entry
        for entry in ACTIONS.values()
        if entry.run is not None
        and (names is None or entry.name in names)
        and can(user, entry.name, item)
    ]


# --- Rights, scope and state -------------------------------------------------------------------


def is_author(user, item):
    return item.created_by_id is not None and item.created_by_id == user.pk


def may_publish(user, item):
    return user.is_superuser or user.has_perm(kind_of(item).perm("publish"))


def allowed(user, name, item):
    """Has ``user`` the right and the scope for action ``name`` on ``item`` (state aside)?"""
    entry = ACTIONS[name]
    if not (user.is_authenticated and user.is_active):
        return False
    if entry.right == "superuser" or user.is_superuser:
        return user.is_superuser
    if not user.is_staff or not user.has_perm(kind_of(item).perm(entry.right)):
        return False
    if name == "share_preview" and not (is_author(user, item) or may_publish(user, item)):
        # Outside journalists get links from an editor or the item's author only.
        return False
    if scopes.item_in_scope(user, item):
        return True
    return item.status in entry.contributors and scopes.contributes_to(user, item)


def _force_publisher_id(item):

    return (
        AuditEntry.objects.for_item(item)
        .filter(action="force_publish")
        .order_by("-created_at", "-id")
        .values_list("user_id", flat=True)
        .first()
    )


def four_eyes_allow(user, name, item):
    """The writer of an item may not approve it (force publish is the only way)."""
    if not ACTIONS[name].four_eyes:
        return True
    if is_author(user, item):
        return False
    return not (item.needs_retrospective_review and user.pk == _force_publisher_id(item))


def can(user, name, item):
    """May ``user`` perform action ``name`` (e.g. "publish", "edit") on ``item`` now?"""
    return (
        allowed(user, name, item)
        and ACTIONS[name].state_allows(user, item)
        and four_eyes_allow(user, name, item)
    )


def require(user, name, item):
    """Raise ``PermissionDenied`` or ``TransitionError`` unless ``can(user, name, item)``."""
    entry = ACTIONS[name]
    verbose = item._meta.verbose_name
    if not allowed(user, name, item):
        raise PermissionDenied(_("You may not do this to this %(item)s.") % {"item": verbose})
    if not four_eyes_allow(user, name, item):
        raise PermissionDenied(
            _(
                "You wrote this %(item)s, so another editor must approve it "
                "(or force publish it, giving a reason)."
            )
            % {"item": verbose}
        )
    if not entry.state_allows(user, item):
        raise TransitionError(
            entry.refused
            or _("A %(item)s that is “%(status)s” cannot be changed this way.")
            % {"item": verbose, "status": item.get_status_display()}
        )


def changed_since_message(current):
    return _(
        "Someone else saved this %(item)s while you were working on it "
        "(now version %(version)s, by %(user)s). Nothing has been changed; "
        "open it again to see the current text."
    ) % {
        "item": current._meta.verbose_name,
        "version": current.version,
        "user": current.updated_by or _("unknown"),
    }


def _may_edit(user, item):
    # Past review, an item is only changed by those who may publish it.
    return item.status in DRAFT_STATUSES or (
        item.status != Status.UNPUBLISHED and may_publish(user, item)
    )


# Abilities: checked like actions, performed by the admin's own views.
ANY_STATUS = tuple(Status)
declare("view", label=_("View"), right="view", in_trash=True, contributors=ANY_STATUS)
declare("history", label=_("History"), right="view", in_trash=True, contributors=ANY_STATUS)
declare("preview", label=_("Preview"), right="view", contributors=ANY_STATUS)
declare("edit", label=_("Edit"), right="change", when=_may_edit, contributors=DRAFT_STATUSES)
declare("share_preview", label=_("Share a preview"), right="change")
declare("translate", label=_("Translate"), right="add")
declare("publish_scheduled", label=_("Published at its scheduled time"), right="superuser")
declare("scheduled_end", label=_("Ended at its scheduled time"), right="superuser")
