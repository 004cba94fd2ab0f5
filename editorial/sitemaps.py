"""Sitemaps of engine content with linked translations (editorial/translations.py)."""

from django.contrib.sitemaps import Sitemap

from . import translations

# What each address needs besides the registration's ``url_fields``.
FIELDS = ("updated_at", "language", "translation_key")


class LinkedTranslationsSitemap(Sitemap):
    """Each listed item at its own interface language's address (/fr/... for a French one),
    with the other public language versions of the item as ``xhtml:link`` alternates (one query
    per sitemap page). ``items()`` loads ``FIELDS`` and the kind's ``url_fields``."""

    def location(self, item):
        return translations.home_url(item)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        items = [url["item"] for url in urls]
        alternates = translations.alternates_for(type(items[0]), items) if items else {}
        for url in urls:
            url["alternates"] = [
                {"lang_code": code, "location": f"{protocol}://{domain}{path}"}
                for code, path in alternates.get(url["item"].pk, [])
            ]
        return urls

    def lastmod(self, item):
        return item.updated_at
