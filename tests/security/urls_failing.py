"""The site's URLs plus one view that fails, to see what a 500 shows and logs."""

from django.urls import path

from osce_cms.urls import handler404, handler500  # noqa: F401
from osce_cms.urls import urlpatterns as site_urlpatterns

SECRET_IN_ERROR = "database password is hunter2"


def failing_view(request):
    raise RuntimeError(SECRET_IN_ERROR)


urlpatterns = [path("test-only/fail/", failing_view), *site_urlpatterns]
