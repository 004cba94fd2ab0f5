from django.contrib.sitemaps import Sitemap

from .models import FieldOfWork


class FieldOfWorkSitemap(Sitemap):
    def items(self):
        return FieldOfWork.objects.all()


SITEMAPS = {"fields-of-work": FieldOfWorkSitemap}
