"""One small factory per registered content type, for the tests shared by every type.

A new content type adds its entry here; ``test_every_registered_kind_has_a_factory`` fails
until it does.
"""

import itertools
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from editorial.models import Status
from taxonomy import trees
from taxonomy.models import Page

from ..press import workflow_world as world

_numbers = itertools.count(1)


@dataclass(frozen=True)
class Factory:
    make: object  # make(scope_node, *, author, status, title, published_at) -> item
    listing_urls: tuple  # public pages that list items of this kind


def _release(scope_node, *, author, status, title, published_at=None):
    return world.release(
        scope_node,
        author=author,
        status=status,
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_numbers)}",
        published_at=published_at,
    )


def _event(scope_node, *, author, status, title, published_at=None):
    from meetings.models import Event
    from taxonomy.models import MeetingType

    meeting_type = MeetingType.objects.first() or trees.create_node(
        MeetingType, name="Ministerial Council meetings", slug="ministerial-council-meetings"
    )
    today = timezone.localdate()
    return Event.objects.create(
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_numbers)}",
        meeting_type=meeting_type,
        organiser=scope_node,
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=11),
        summary=f"{title}: what the meeting is about.",
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        first_published_at=timezone.now() if status == Status.PUBLISHED else None,
        created_by=author,
    )


def _page(scope_node, *, author, status, title, published_at=None):
    return Page.objects.create(
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_numbers)}",
        body="<p>Text.</p>",
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        first_published_at=timezone.now() if status == Status.PUBLISHED else None,
        created_by=author,
    )


def _document(scope_node, *, author, status, title, published_at=None):
    from ..documents.world import document

    return document(
        scope_node,
        author=author,
        status=status,
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_numbers)}",
        published_at=published_at,
    )


FACTORIES = {
    "press.pressrelease": Factory(
        make=_release,
        listing_urls=(
            "/",
            "/press-releases/",
            "/press-releases/feed/",
            "/press-releases/?q=Zanzibarleak",
        ),
    ),
    "meetings.event": Factory(
        make=_event,
        listing_urls=(
            "/",
            "/events/",
            "/events/feed/",
            "/events/feed.ics",
            "/events/?q=Zanzibarleak",
            "/meetings/ministerial-council-meetings/",
        ),
    ),
    "taxonomy.page": Factory(make=_page, listing_urls=("/",)),
    "documents.document": Factory(
        make=_document,
        listing_urls=(
            "/documents/",
            "/documents/?q=Zanzibarleak",
            "/documents/?language=en",
            "/api/v1/documents/",
            "/api/v1/documents/?q=Zanzibarleak",
        ),
    ),
}


def ahead():
    return timezone.now() + timedelta(days=3)


# A state → how to put an item in it (status, publication time ahead, in the trash).
HIDDEN_STATES = {
    "draft": (Status.DRAFT, False, False),
    "submitted": (Status.SUBMITTED, False, False),
    "scheduled": (Status.SCHEDULED, True, False),
    "unpublished": (Status.UNPUBLISHED, False, False),
    "trashed": (Status.PUBLISHED, False, True),
}
