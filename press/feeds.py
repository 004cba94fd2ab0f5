"""RSS 2.0 and Atom of the newest listed releases, honouring the newsroom's filter parameters:
a feed of each kind is the feed with ``?kind=<kind>`` (its title names the kinds)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osce_cms.feeds import feed_links

from .filters import ReleaseFilter
from .models import Kind, PressRelease

FEED_SIZE = 50


class ReleaseFeed(Feed):
    description = _("The latest press releases.")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes element by element: hand the server (and the page cache)
        # one body instead of thousands of small chunks, each sent as its own write.
        response.content = response.content
        return response

    def get_object(self, request):
        return ReleaseFilter(
            request.GET or None,
            queryset=PressRelease.objects.listed().for_listing(),
            default_language=get_language(),  # as the newsroom whose feed it is
        )

    def title(self, filterset):
        kinds = filterset.cleaned.get("kind")
        if kinds:
            names = ", ".join(str(Kind(kind.slug).plural) for kind in kinds)
            return _("%(site)s: %(kinds)s") % {"site": settings.SITE_SHORT_NAME, "kinds": names}
        return _("%(site)s press releases") % {"site": settings.SITE_SHORT_NAME}

    def link(self, filterset):
        url = reverse("press:release-list")
        return f"{url}?{filterset.data.urlencode()}" if filterset.data else url

    def items(self, filterset):
        return filterset.qs.order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        # Feed readers render the description as HTML; the lead is plain text.
        return escape(release.lead)

    def item_pubdate(self, release):
        return release.feed_date

    def item_updateddate(self, release):
        return release.updated_at

    def item_categories(self, release):
        return [str(release.get_kind_display()), *release.issuer_names]


class ReleaseAtomFeed(ReleaseFeed):
    feed_type = Atom1Feed
    subtitle = ReleaseFeed.description


def release_feed_links(query=""):
    """The newsroom's feeds (RSS and Atom), filtered by ``query``, for a page's alternates."""
    return feed_links(
        query,
        rss=(_("Press releases (RSS)"), reverse("press:release-feed")),
        atom=(_("Press releases (Atom)"), reverse("press:release-atom-feed")),
    )
