"""Old addresses of terms that keep working: when a term's address changes, and what may take
an address that still redirects.

- Every change of a term's slug or a structure's path (its own or an ancestor's: every node of
  the moved subtree) records the old key (``remember``), so the old address answers 301 with
  the current one (``OldAddress``; the rule book it shares with the engine's ``SlugRedirect``
  is ``editorial.slugs.RedirectQuerySet``: one hop, never a chain or a loop, and an address
  that becomes live again stops redirecting).
- A new or renamed term may take a slug that is still redirecting only if the administrator
  says so (``check_free(..., take_over=True)``); otherwise it is refused with the reason.
- An old address added by hand is refused when it would lead to itself or hide a live page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import OldAddress, Structure


def key_of(obj):
    """What a term's address is made of: a structure's path, otherwise its slug."""
    return obj.path if isinstance(obj, Structure) else obj.slug


def _key_field(model):
    return "path" if model is Structure else "slug"


def remember(obj, old_key=None):
    """After ``obj`` was saved: its current address is live (no longer an old address of
    anything), and ``old_key``, if it was another, now redirects to it."""
    OldAddress.objects.record(obj, old_key, key_of(obj))


def find(model, key):
    """The term whose old address ``key`` was, or None (one query)."""
    return OldAddress.objects.moved_to(model._default_manager.all(), key)


def check_free(model, key, instance=None, take_over=False):
    """Refuse ``key`` for ``instance`` (or a new term) while it redirects to another term,
    unless the administrator chose to take the address over."""
    pk = instance.pk if instance is not None else None
    if take_over or not OldAddress.objects.kept_for_another(model, key, pk):
        return
    target = find(model, key)
    raise ValidationError(
        _(
            "The address “%(key)s” is an old address of “%(target)s” and still redirects "
            "there. Choose another slug, or take the address over (its redirect ends)."
        )
        % {"key": key, "target": target},
        code="old_address",
    )


def add(obj, old_key):
    """Add an old address of ``obj`` by hand; refuses a loop or shadowing a live page."""
    model = type(obj)
    if old_key == key_of(obj):
        raise ValidationError(
            _("“%(key)s” is the current address of “%(obj)s”: it would redirect to itself.")
            % {"key": old_key, "obj": obj},
            code="loop",
        )
    live = model._default_manager.filter(**{_key_field(model): old_key}).first()
    if live is not None:
        raise ValidationError(
            _("“%(key)s” is the live address of “%(live)s”; it cannot redirect elsewhere.")
            % {"key": old_key, "live": live},
            code="live",
        )
    with transaction.atomic():
        remember(obj, old_key)


def move_all(source, survivor):
    """Point every old address of ``source`` (and its own) at ``survivor`` (a merge)."""
    OldAddress.objects.of(type(source)).filter(object_id=source.pk).update(object_id=survivor.pk)
    remember(survivor, key_of(source))
