from django.contrib.sitemaps import Sitemap

from .models import PressRelease


class PressReleaseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            PressRelease.objects.listed()
            .only("slug", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, release):
        return release.updated_at


SITEMAPS = {"press-releases": PressReleaseSitemap}
