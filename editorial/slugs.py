"""The one slug helper: a unique slug for a title, within a model's slug field."""

from django.utils.text import slugify

SUFFIX_ROOM = 8


def unique_slug(model, text, *, exclude_pk=None, fallback=None, field="slug"):
    """slugify(text), with "-2", "-3"... appended when another row of ``model`` has it."""
    max_length = model._meta.get_field(field).max_length - SUFFIX_ROOM
    base = slugify(text)[:max_length].strip("-") or fallback or model._meta.model_name
    taken = set(
        model._default_manager.filter(**{f"{field}__regex": rf"^{base}(-[0-9]+)?$"})
        .exclude(pk=exclude_pk)
        .values_list(field, flat=True)
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
