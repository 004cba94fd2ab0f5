"""The events a press release is about (a media advisory and its meeting), on the release page.

An event names its releases (``Event.related_releases``); the release page shows the public
events that name it, soonest first (one query). Most releases are named by no event: the page's
own query says whether any event names it (``with_events_flag``), and the events are only
queried when one does.
"""

import functools

from django.db.models import Exists, OuterRef

from .models import Event

EVENTS_FLAG = "named_by_events"


def with_events_flag(releases):
    """``named_by_events`` on each release: whether any event (public or not) names it."""
    return releases.annotate(**{EVENTS_FLAG: _named_by_events()})


@functools.cache
def _named_by_events():
    # Built once (annotating resolves a copy of it).
    links = Event.related_releases.through.objects.filter(pressrelease=OuterRef("pk"))
    return Exists(links)


def release_events_context(release, request):
    if not getattr(release, EVENTS_FLAG, True):
        return {"release_events": []}
    events = (
        Event.objects.public()
        .for_listing()
        .filter(related_releases=release)
        .order_by("start_date", "start_time", "pk")
    )
    return {"release_events": list(events)}
