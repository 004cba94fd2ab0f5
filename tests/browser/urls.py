"""The site's URLs plus uploaded media, for the browser tests' live server.

The live server runs with DEBUG off, where the site itself leaves media to the web server or
the storage's CDN; here Django serves them from the test's MEDIA_ROOT, read at request time
because every test has its own folder.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from osce_cms.urls import handler404, handler500
from osce_cms.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def serve_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), serve_media),
    *site_urlpatterns,
]
