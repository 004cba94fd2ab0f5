"""The site's URLs plus media served as in development (DEBUG), to check its headers."""

from django.urls import re_path

from osce_cms import media
from osce_cms.urls import handler404, handler500  # noqa: F401
from osce_cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [re_path(r"^media/(?P<path>.*)$", media.serve), *site_urlpatterns]
