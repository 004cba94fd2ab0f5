"""Events on taxonomy pages: a meeting type's events by year, a node's upcoming events."""

from itertools import groupby

from django.urls import reverse
from django.utils.http import urlencode

from taxonomy.models import Country, FieldOfWork, MeetingType, Structure

from .feeds import event_feed_links
from .models import Event

UPCOMING_COUNT = 5
PAST_LIMIT = 100
# Node model -> (event relation, listing parameter).
FILTERS = {
    MeetingType: ("meeting_type", "meeting_type"),
    Structure: ("organiser", "structure"),
    FieldOfWork: ("fields_of_work", "field_of_work"),
    Country: ("countries", "country"),
}


def upcoming_events_context(node, request):
    if type(node) not in FILTERS:
        return {}
    relation, parameter = FILTERS[type(node)]
    query = urlencode({parameter: node.slug})
    events = Event.objects.listed().for_listing().in_subtree(relation, [node])
    context = {
        "upcoming_events": list(events.upcoming()[:UPCOMING_COUNT]),
        "events_url": f"{reverse('meetings:event-list')}?{query}",
        "events_calendar_url": f"{reverse('meetings:event-calendar-feed')}?{query}",
    }
    if isinstance(node, MeetingType):
        # A meeting type's page is about its events: its feeds are theirs (other pages keep
        # the press releases' feeds).
        context["feed_links"] = event_feed_links(query)
        past = events.past()[:PAST_LIMIT]
        context["past_events_by_year"] = [
            (year, list(group)) for year, group in groupby(past, key=lambda e: e.start_date.year)
        ]
    return context


def next_events(limit=3):
    return list(Event.objects.listed().for_listing().upcoming()[:limit])
