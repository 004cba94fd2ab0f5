"""Events for the meetings tests, published unless told otherwise."""

import datetime as dt

from django.utils import timezone

from editorial.models import Status
from meetings.models import Event

TODAY = dt.date(2026, 12, 1)
WAS_PUBLIC = (Status.PUBLISHED, Status.WITHDRAWN, Status.UNPUBLISHED)


def event(
    nodes, *, title="Ministerial Council", start=TODAY, days=1, status=Status.PUBLISHED, **fields
):
    fields.setdefault("meeting_type", nodes["councils"])
    fields.setdefault("organiser", nodes["secretariat"])
    fields.setdefault("venue", nodes["vienna"])
    fields.setdefault("published_at", timezone.now() - dt.timedelta(days=1))
    return Event.objects.create(
        title=title,
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        summary=f"About {title}.",
        status=status,
        # Published, withdrawn and unpublished events have been public.
        first_published_at=timezone.now() if status in WAS_PUBLIC else None,
        **fields,
    )
