"""Request hygiene shared by every URL of the site."""

from django.core.exceptions import BadRequest


class RejectNulCharacterMiddleware:
    """Answer 400 when the path or query string carries a NUL character.

    No address of the site uses one, and PostgreSQL refuses NUL in text, so a lookup by such a
    slug, path or search term would otherwise fail with a database error (a 500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the request address")
        return self.get_response(request)
