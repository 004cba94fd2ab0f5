"""iCalendar (RFC 5545) files of events, written with the ``icalendar`` library.

A whole-day event is a DATE range whose end is exclusive (the day after the last day); a timed
event carries its venue's time zone (TZID, with the VTIMEZONE definitions ``add_missing_timezones``
adds), so calendar programs convert it correctly for each subscriber.
"""

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import EventStatus

FEED_SIZE = 500
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CONCLUDED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def calendar_for(events, request):
    cal = Calendar()
    cal.add("prodid", f"-//{settings.SITE_SHORT_NAME}//osce_cms events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{settings.SITE_SHORT_NAME} events")
    host = request.get_host().split(":")[0]
    for event in events:
        cal.add_component(component_for(event, request, host))
    cal.add_missing_timezones()
    return cal


def component_for(event, request, host):
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("summary", event.title)
    item.add("dtstamp", event.updated_at or timezone.now())
    if event.is_all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", event.end_date + dt.timedelta(days=1))
    else:
        item.add("dtstart", event.starts)
        item.add("dtend", event.ends)
    if event.venue_id:
        location = ", ".join(
            part
            for part in (event.address, event.venue.name, getattr(event.venue.country, "name", ""))
            if part
        )
        item.add("location", location)
    description = event.summary
    if event.status_note:
        description = f"{event.get_event_status_display()}: {event.status_note}\n\n{description}"
    item.add("description", description)
    item.add("url", request.build_absolute_uri(event.get_absolute_url()))
    item.add("status", STATUS[event.event_status])
    return item


def response(events, request, *, filename):
    body = calendar_for(events, request).to_ical()
    result = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'inline; filename="{filename}"'
    return result
