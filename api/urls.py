"""``/api/v1/``: whatever the apps registered, the OpenAPI schema and its documentation."""

from django.urls import path, re_path

from .errors import not_found
from .registry import router
from .views import DocsView, SchemaView

app_name = "api"

urlpatterns = [
    *router.urls,
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^(?P<path>.*)$", not_found, name="not-found"),
]
