from editorial.sitemaps import FIELDS, LinkedTranslationsSitemap

from .models import PressRelease
from .pagination import MemoizedPaginator


class PressReleaseSitemap(LinkedTranslationsSitemap):
    """Listed releases, newest first, in pages of 2,000 addresses (about 0.4 MB each).

    /sitemap.xml is an index of these pages, so no response holds the whole archive. The count
    and each page's ids are kept per content generation, like the newsroom's.
    """

    changefreq = "monthly"
    # Rendering a page costs ~0.2 ms of Python per address: 2,000 keep a cold page well under a
    # second on a small machine (the page cache serves it until the next content change).
    limit = 2000
    memo_name = "press-releases"

    def items(self):
        return PressRelease.objects.listed().only("slug", *FIELDS).order_by("-published_at", "-id")

    @property
    def paginator(self):
        return MemoizedPaginator(self._items(), self.limit, memo_parts=("sitemap", self.memo_name))

    def get_latest_lastmod(self):
        # Django would load every release to find the latest one for the index; the pages
        # themselves carry each address's lastmod.
        return None


SITEMAPS = {"press-releases": PressReleaseSitemap}
