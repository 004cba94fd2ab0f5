from press.sitemaps import PressReleaseSitemap

from .models import Document


class DocumentSitemap(PressReleaseSitemap):
    """Listed documents, newest first, paged and memoized like the releases' sitemap."""

    memo_name = "documents"

    def items(self):
        return Document.objects.listed().only("slug", "updated_at").order_by("-date", "-id")


SITEMAPS = {"documents": DocumentSitemap}
