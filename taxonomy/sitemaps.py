from django.contrib.sitemaps import Sitemap

from osce_cms.translated import languages_of, localized_fields

from .models import Country, FieldOfWork, MeetingType, Page, Place, Structure


class TranslatedSitemap(Sitemap):
    """Each item's address in every language its text is translated into, each listing the
    others as ``xhtml:link`` alternates: a page whose content is the English fallback is not
    advertised as French."""

    i18n = True
    alternates = True
    x_default = True
    translated_field = "name"

    def get_languages_for_item(self, item):
        return languages_of(item, self.translated_field)


class TreeSitemap(TranslatedSitemap):
    model = None
    fields = ("slug",)

    def items(self):
        return self.model._default_manager.only(*self.fields, *localized_fields("name"))


class FieldOfWorkSitemap(TreeSitemap):
    model = FieldOfWork


class CountrySitemap(TreeSitemap):
    model = Country


class StructureSitemap(TreeSitemap):
    model = Structure
    fields = ("path",)


class PlaceSitemap(TreeSitemap):
    model = Place


class MeetingTypeSitemap(TreeSitemap):
    model = MeetingType


class PageSitemap(TranslatedSitemap):
    translated_field = "title"

    def items(self):
        return Page.objects.listed().only("slug", "updated_at", *localized_fields("title"))

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "fields-of-work": FieldOfWorkSitemap,
    "countries": CountrySitemap,
    "structures": StructureSitemap,
    "places": PlaceSitemap,
    "meetings": MeetingTypeSitemap,
    "pages": PageSitemap,
}
