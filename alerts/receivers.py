"""Listens to the editorial engine: an item that went public is matched by the worker."""

from editorial.signals import PUBLISHED
from osce_cms import background

from . import registry


def item_changed(sender, instance, change, **kwargs):
    if change != PUBLISHED:
        return
    kind = registry.for_model(sender)
    if kind is None:
        return
    from .tasks import match_published  # tasks need the app registry

    background.enqueue_on_commit(match_published, kind.key, instance.pk)
