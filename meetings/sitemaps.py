from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    limit = 2000

    def items(self):
        return Event.objects.listed().only("slug", "updated_at").order_by("-start_date", "-id")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"events": EventSitemap}
