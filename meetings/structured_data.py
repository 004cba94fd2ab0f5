"""schema.org ``Event`` data of an event page, as JSON-LD."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "concluded": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
# As Django's json_script does: nothing in the data can close the script element.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_json_ld(event, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.starts.isoformat(),
        "endDate": event.ends.isoformat(),
        "eventStatus": STATUS[event.event_status],
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "organizer": {"@type": "Organization", "name": event.organiser.display_name},
    }
    if event.livestream_url:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
    if event.venue_id:
        address = {"@type": "PostalAddress", "addressLocality": event.venue.name}
        if event.address:
            address["streetAddress"] = event.address
        if event.venue.country_id:
            address["addressCountry"] = event.venue.country.name
        data["location"] = {"@type": "Place", "name": event.venue.name, "address": address}
    data["organizer"]["url"] = request.build_absolute_uri(event.organiser.get_absolute_url())
    data["publisher"] = {"@type": "Organization", "name": settings.SITE_SHORT_NAME}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(ESCAPES))
