"""The site's URLs plus media served as in development (DEBUG), to check its headers."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from osce_cms.urls import handler404, handler500  # noqa: F401
from osce_cms.urls import urlpatterns as site_urlpatterns


def serve_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media), *site_urlpatterns]
