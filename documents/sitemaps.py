from editorial.sitemaps import FIELDS
from press.sitemaps import PressReleaseSitemap

from .models import Document


class DocumentSitemap(PressReleaseSitemap):
    """Listed documents, newest first, paged and memoized like the releases' sitemap."""

    memo_name = "documents"

    def items(self):
        return Document.objects.listed().only("slug", *FIELDS).order_by("-date", "-id")


SITEMAPS = {"documents": DocumentSitemap}
