from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("i18n/setlang/", set_language, name="set-language"),
    path("admin/", admin.site.urls),
    path("", include("taxonomy.urls")),
    path("press-releases/", include("press.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "osce_cms.views.page_not_found"
handler500 = "osce_cms.views.server_error"
