"""The one slug helper: a unique slug for a title, within a model's slug field.

A slug is taken when another row of the model has it, or when it is an old address that
still redirects to another row (``SlugRedirect``): reusing it would shadow that redirect.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

SUFFIX_ROOM = 8


def kept_for_another(model, slug, pk=None):
    """Is ``slug`` an old address of a ``model`` row other than ``pk``, redirecting to it?"""
    from .models import SlugRedirect  # the models import this module's callers

    return (
        SlugRedirect.objects.filter(
            content_type=ContentType.objects.get_for_model(model), old_slug=slug
        )
        .exclude(object_id=pk)
        .exists()
    )


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
            SlugRedirect.objects.filter(
                content_type=ContentType.objects.get_for_model(model), old_slug__regex=pattern
            )
            .exclude(object_id=exclude_pk)
            .values_list("old_slug", flat=True)
        )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
