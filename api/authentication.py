"""Optional API keys: ``Authorization: Api-Key <key>``, issued to partners in the admin.

A key only raises the rate limit (``api.throttling``); everything the API serves is public.
A key that is unknown, revoked or expired is refused with a 401 rather than silently treated
as anonymous, so a partner notices at once.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_api_key.models import APIKey

KEYWORD = "Api-Key"


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].decode("latin-1").lower() != KEYWORD.lower():
            return None
        if len(words) != 2:
            raise AuthenticationFailed(_("Send the key as “Authorization: Api-Key <key>”."))
        try:
            key = APIKey.objects.get_from_key(words[1].decode("ascii"))
        except (APIKey.DoesNotExist, UnicodeDecodeError) as error:
            raise AuthenticationFailed(_("This API key is unknown or revoked.")) from error
        if key.has_expired:
            raise AuthenticationFailed(_("This API key has expired."))
        return AnonymousUser(), key

    def authenticate_header(self, request):
        return KEYWORD
