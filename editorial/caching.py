"""How the engine tells the site's page cache about editorial content.

The cache's generation advances when an item's public output changes (``public_output_changed``),
and its ``next_due`` moves when a future publication time is set, moved or cancelled; the
cache asks the registry's models when something next goes public. Drafts, submits, rejects,
future schedules, trashing what never was public and preview links therefore leave cached
pages and their ``Last-Modified`` untouched.

A write that bypasses the engine (a raw ``save()`` or ``delete()`` of a registered model) is
caught too: it advances the generation when the row is public, or was public when it was read,
so nothing unpublished stays visible in a cached page; it never does for a draft.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from osce_cms import caching

from .models import ONLINE_STATUSES, EditorialModel
from .models.content import PUBLIC_STATE_FIELDS
from .registry import kinds
from .signals import public_output_changed, schedule_changed


def next_due(now, using):
    """The earliest future publication time of an item that will then go public, or None."""
    times = [
        kind.model.objects.using(using)
        .alive()
        .filter(status__in=ONLINE_STATUSES, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
        for kind in kinds()
    ]
    return min((time for time in times if time is not None), default=None)


def _public_output_changed(sender, instance, **kwargs):
    caching.bump_generation(instance._state.db)


def _schedule_changed(sender, instance, **kwargs):
    caching.note_schedule_changed(instance._state.db)


def _row_written(sender, instance, created=False, **kwargs):
    if not isinstance(instance, EditorialModel):
        return
    now = timezone.now()
    if instance.is_public(now) or (not created and instance.was_public(now)):
        caching.bump_generation(instance._state.db)
    instance.public_when_loaded = tuple(getattr(instance, name) for name in PUBLIC_STATE_FIELDS)


def connect():
    caching.register_next_due(next_due)
    post_save.connect(_row_written, dispatch_uid="editorial-page-cache")
    post_delete.connect(_row_written, dispatch_uid="editorial-page-cache")
    public_output_changed.connect(_public_output_changed, dispatch_uid="editorial-page-cache")
    schedule_changed.connect(_schedule_changed, dispatch_uid="editorial-page-cache")
