from editorial.sitemaps import FIELDS, LinkedTranslationsSitemap

from .models import Event


class EventSitemap(LinkedTranslationsSitemap):
    changefreq = "weekly"
    limit = 2000

    def items(self):
        return Event.objects.listed().only("slug", *FIELDS).order_by("-start_date", "-id")


SITEMAPS = {"events": EventSitemap}
