"""Request hygiene shared by every URL of the site."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware import csp
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.csp import CSP, build_policy


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


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's, with the site's policies written once: without a nonce in it, a policy is the
    same header for every response, and building it anew was a twentieth of what a page cache
    hit costs. A response with a policy of its own (``csp_override``) is left to Django."""

    _built = {}  # {header: (the settings' config it was built from, the header's value)}

    def process_response(self, request, response):
        if not hasattr(response, "_csp_config") and not hasattr(response, "_csp_ro_config"):
            for header, config in [
                (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
                (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
            ]:
                policy = self._policy(header, config) if config else None
                if policy is not None and header not in response:
                    response.headers[str(header)] = policy
        return super().process_response(request, response)

    def _policy(self, header, config):
        """The header's value for ``config``; None if it takes the request's nonce."""
        built = self._built.get(header)
        if built is None or built[0] is not config:  # settings changed (tests override them)
            policy = None if _asks_for_nonce(config) else build_policy(config)
            built = self._built[header] = (config, policy)
        return built[1]


def _asks_for_nonce(config):
    return any(
        CSP.NONCE in (values if isinstance(values, list | tuple | set) else [values])
        for values in config.values()
    )
