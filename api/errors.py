"""Every error of the API is JSON with a 4xx status: ``{"detail": "...", "errors": {...}}``.

``errors`` (for 400) maps each refused parameter to its messages. Unknown addresses under
``/api/`` answer the same way (``not_found``), never with the site's HTML 404.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, views
from rest_framework.decorators import api_view, schema


def exception_handler(exc, context):
    response = views.exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"detail": str(_("Some parameters are not valid.")), "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"])}
    return response


@api_view(["GET", "HEAD"])
@schema(None)
def not_found(request, path=""):
    raise exceptions.NotFound(_("There is no such address in the API."))
