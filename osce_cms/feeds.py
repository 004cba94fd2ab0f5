"""Feed alternates: a page lists its feeds in ``feed_links``; base.html announces each with
``<link rel="alternate">``. Every app with feeds (press releases today; events and documents
next) builds the list with ``feed_links`` below, so a page never spells the markup itself.
"""

from typing import NamedTuple

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICALENDAR = "text/calendar"


class FeedLink(NamedTuple):
    type: str
    title: str
    url: str


def feed_links(query="", **feeds):
    """``feed_links(query, rss=(title, url), atom=(title, url), ical=(title, url))``: the links,
    each with the page's filter ``query`` (so a filtered page offers the same filtered feed)."""
    suffix = f"?{query}" if query else ""
    types = {"rss": RSS, "atom": ATOM, "ical": ICALENDAR}
    return [FeedLink(types[kind], title, f"{url}{suffix}") for kind, (title, url) in feeds.items()]
