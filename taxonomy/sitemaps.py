from django.contrib.sitemaps import Sitemap

from .models import Country, FieldOfWork, MeetingType, Page, Place, Structure


class TreeSitemap(Sitemap):
    model = None
    fields = ("slug",)

    def items(self):
        return self.model._default_manager.only(*self.fields)


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


class PageSitemap(Sitemap):
    def items(self):
        return Page.objects.listed().only("slug", "updated_at")

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
