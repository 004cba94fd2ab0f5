"""Events as a kind of content one can follow by e-mail (registered in apps.py): a filter of the
events listing tells its subscribers about each newly announced event it matches (the year is
not part of an alert)."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from alerts.faceted import FacetedAlertKind
from alerts.registry import ItemSummary
from osce_cms.links import absolute_url

from .filters import EventFilter
from .models import Event


class EventAlerts(FacetedAlertKind):
    key = "events"
    model = Event
    label = _("Events")
    listing_url_name = "meetings:event-list"
    filter_class = EventFilter
    phrases = {
        "meeting_type": _("of the type %(names)s"),
        "structure": _("organised by %(names)s"),
        "field_of_work": _("about %(names)s"),
        "country": _("in %(names)s"),
    }
    ignored_notice = _("The year is not part of an alert: it tells you about new events.")
    text_fields = ("title", "summary", "body")
    listing_related = ("venue",)

    def summarise(self, event):
        days = formats.date_format(event.start_date, "DATE_FORMAT")
        if event.end_date != event.start_date:
            days = f"{days} – {formats.date_format(event.end_date, 'DATE_FORMAT')}"
        dateline = f"{event.venue.name}, {days}" if event.venue else days
        if event.is_off:
            dateline = f"{dateline} ({event.get_event_status_display()})"
        return ItemSummary(
            title=event.title,
            dateline=dateline,
            lead=event.summary,
            url=absolute_url(event.get_absolute_url()),
            language=event.language,
        )
