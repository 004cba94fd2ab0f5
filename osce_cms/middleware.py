"""Request hygiene shared by every URL of the site."""

from django.core.exceptions import BadRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation


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


class AdminLanguageMiddleware:
    """The admin speaks its user's language: the language cookie (set by ``set_language``),
    else the browser's preference. Public pages keep the language of their path alone.

    Django's LocaleMiddleware (which runs before) gives every unprefixed path, the admin's
    included, the default language; the admin is never cached, so it may vary by visitor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            admin_prefix = reverse("admin:index")
        except NoReverseMatch:  # a URLconf without the admin
            admin_prefix = None
        if admin_prefix and request.path_info.startswith(admin_prefix):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
