"""The one slug helper: a unique slug for a title, within a model's slug field, and the rules
of old addresses.

A slug is taken when another row of the model has it, or when it is an old address that
still redirects to another row (``SlugRedirect``): reusing it would shadow that redirect.

Old addresses: ``RedirectQuerySet`` is the one rule book of a table of old addresses, shared by
the engine's ``SlugRedirect`` (the old slugs of content items) and taxonomy's ``OldAddress``
(the old slugs of terms and paths of structures). An old address points at its object, not at
another address, so it always leads to the current address in one hop: renames cannot form a
chain or a loop. An address that becomes live again is no longer an old address of anything.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import slugify

SUFFIX_ROOM = 8


class RedirectQuerySet(models.QuerySet):
    """Rows of a content type, an object id and an old key, in the model's ``key_field``."""

    def of(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def at(self, model, key):
        """The old address ``key`` of a ``model`` row (at most one row)."""
        return self.of(model).filter(**{self.model.key_field: key})

    def moved_to(self, items, key):
        """The row of ``items`` (a queryset) whose old address ``key`` is, or None (one query)."""
        return items.filter(pk__in=self.at(items.model, key).values("object_id")).first()

    def kept_for_another(self, model, key, pk=None):
        """Is ``key`` an old address of a ``model`` row other than ``pk``, redirecting to it?"""
        return self.at(model, key).exclude(object_id=pk).exists()

    def record(self, obj, old_key, new_key):
        """``obj`` moved from ``old_key`` to ``new_key``: ``new_key`` is live, so it is nobody's
        old address any more, and ``old_key`` (when another) leads to ``obj``."""
        model = type(obj)
        self.at(model, new_key).delete()
        if old_key and old_key != new_key:
            self.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                **{self.model.key_field: old_key},
                defaults={"object_id": obj.pk},
            )


def kept_for_another(model, slug, pk=None):
    """Is ``slug`` an old address of a ``model`` row other than ``pk``, redirecting to it?"""
    from .models import SlugRedirect  # the models import this module's callers

    return SlugRedirect.objects.kept_for_another(model, slug, pk)


def unique_slug(model, text, *, exclude_pk=None, fallback=None, field="slug"):
    """slugify(text), with "-2", "-3"... appended when another row of ``model`` has or had it."""
    from .models import SlugRedirect

    max_length = model._meta.get_field(field).max_length - SUFFIX_ROOM
    base = slugify(text)[:max_length].strip("-") or fallback or model._meta.model_name
    pattern = rf"^{base}(-[0-9]+)?$"
    taken = set(
        model._default_manager.filter(**{f"{field}__regex": pattern})
        .exclude(pk=exclude_pk)
        .values_list(field, flat=True)
    )
    if field == "slug":
        taken |= set(
            SlugRedirect.objects.of(model)
            .filter(old_slug__regex=pattern)
            .exclude(object_id=exclude_pk)
            .values_list("old_slug", flat=True)
        )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
