"""RSS 2.0 of newly announced events (newest announcement first), with the listing's filters."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from osce_cms.feeds import feed_links

from .filters import listed_events

FEED_SIZE = 50


class EventFeed(Feed):
    description = _("Newly announced meetings and conferences.")

    def get_object(self, request):
        return listed_events(request)

    def title(self):
        return _("%(site)s events") % {"site": settings.SITE_SHORT_NAME}

    def link(self, filterset):
        url = reverse("meetings:event-list")
        return f"{url}?{filterset.data.urlencode()}" if filterset.data else url

    def items(self, filterset):
        return filterset.qs.order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, event):
        return f"{event.title} ({date_format(event.start_date)})"

    def item_description(self, event):
        return escape(event.summary)

    def item_pubdate(self, event):
        return event.feed_date

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.meeting_type.name]


def event_feed_links(query=""):
    """The events' feeds (RSS of new events, the iCalendar feed), filtered by ``query``."""
    return feed_links(
        query,
        rss=(_("New events (RSS)"), reverse("meetings:event-feed")),
        ical=(_("Events (iCalendar)"), reverse("meetings:event-calendar-feed")),
    )
