from django.contrib.sitemaps import Sitemap

from .models import PressRelease


class PressReleaseSitemap(Sitemap):
    def items(self):
        return PressRelease.objects.listed()

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"press-releases": PressReleaseSitemap}
