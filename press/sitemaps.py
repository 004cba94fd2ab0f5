from django.contrib.sitemaps import Sitemap

from .models import PressRelease


class PressReleaseSitemap(Sitemap):
    """Listed releases, newest first, in pages of 5,000 addresses (about 0.5 MB each).

    /sitemap.xml is an index of these pages, so no response holds the whole archive.
    """

    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            PressRelease.objects.listed()
            .only("slug", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, release):
        return release.updated_at

    def get_latest_lastmod(self):
        # Django would load every release to find the latest one for the index; the pages
        # themselves carry each address's lastmod.
        return None


SITEMAPS = {"press-releases": PressReleaseSitemap}
