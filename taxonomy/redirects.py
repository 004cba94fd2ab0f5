"""Old addresses that keep working: the one rule book for redirects of terms and pages.

- Every change of a term's slug, a structure's path (its own or an ancestor's: every node of
  the moved subtree) or a page's slug records the old key (``remember``), so the old address
  answers 301 with the current one.
- An old address leads to the object, not to another address, so a redirect is always one hop
  and renames cannot form a chain or a loop. An old address that an object takes again (a
  rename back, or a new term by explicit choice) is dropped: a live address is never shadowed.
- A new or renamed object may take a slug that is still redirecting only if the administrator
  says so (``check_free(..., take_over=True)``); otherwise it is refused with the reason.
- An old address added by hand is refused when it would lead to itself or hide a live page.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import OldAddress, Structure


def key_of(obj):
    """What an object's address is made of: a structure's path, otherwise its slug."""
    return obj.path if isinstance(obj, Structure) else obj.slug


def _content_type(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=True)


def remember(obj, old_key=None):
    """After ``obj`` was saved: its current address is live (no longer an old address of
    anything), and ``old_key``, if it was another, now redirects to it."""
    new_key = key_of(obj)
    content_type = _content_type(type(obj))
    OldAddress.objects.filter(content_type=content_type, old_key=new_key).delete()
    if not old_key or old_key == new_key:
        return
    OldAddress.objects.update_or_create(
        content_type=content_type, old_key=old_key, defaults={"object_id": obj.pk}
    )


def find(model, key):
    """The object whose old address ``key`` was, or None (one query)."""
    old = OldAddress.objects.filter(content_type=_content_type(model), old_key=key)
    return model._default_manager.filter(pk__in=old.values("object_id")).first()


def redirecting_to(model, key, exclude=None):
    """The other object that ``key`` currently redirects to, or None."""
    target = find(model, key)
    if target is not None and exclude is not None and target.pk == exclude.pk:
        return None
    return target


def check_free(model, key, instance=None, take_over=False):
    """Refuse ``key`` for ``instance`` (or a new object) while it redirects to another object,
    unless the administrator chose to take the address over."""
    target = redirecting_to(model, key, exclude=instance)
    if target is not None and not take_over:
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
    field = "path" if model is Structure else "slug"
    live = model._default_manager.filter(**{field: old_key}).first()
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
    content_type = _content_type(type(source))
    OldAddress.objects.filter(content_type=content_type, object_id=source.pk).update(
        object_id=survivor.pk
    )
    remember(survivor, key_of(source))


def save_keeping_old_address(obj):
    """Save a non-tree object (a page), recording its old slug if it changed."""
    model = type(obj)
    with transaction.atomic():
        old_key = (
            model._default_manager.filter(pk=obj.pk).values_list("slug", flat=True).first()
            if obj.pk
            else None
        )
        obj.save()
        remember(obj, old_key)
