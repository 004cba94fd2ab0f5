"""The events a press release is about (a media advisory and its meeting), on the release page.

An event names its releases (``Event.related_releases``); the release page shows the public
events that name it, soonest first (one query).
"""

from .models import Event


def release_events_context(release, request):
    events = (
        Event.objects.public()
        .for_listing()
        .filter(related_releases=release)
        .order_by("start_date", "start_time", "pk")
    )
    return {"release_events": list(events)}
