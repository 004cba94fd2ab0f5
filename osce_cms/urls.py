import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path, re_path
from django.views.i18n import set_language

from . import media, views
from .sitemaps import SITEMAPS

urlpatterns = [
    # An index of sections; the press releases' section is paged (?p=2, ...).
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("i18n/setlang/", set_language, name="set-language"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]

# The public pages: English at the unprefixed paths, the other languages under /fr/, /de/,
# /it/, /ru/, /es/.
# The language comes from the path alone, so a URL always shows the same page.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("taxonomy.urls")),
    path("press-releases/", include("press.urls")),
    path("documents/", include("documents.urls")),
    path("alerts/", include("alerts.urls")),
    path("events/", include("meetings.urls")),
    prefix_default_language=False,
)

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", media.serve)
    )

handler404 = "osce_cms.views.page_not_found"
handler500 = "osce_cms.views.server_error"
