"""Rate limits: per API key when one is sent, else per client address; 429 + Retry-After."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class ClientOrKeyRateThrottle(SimpleRateThrottle):
    """``DEFAULT_THROTTLE_RATES["key"]`` for each key, ``["client"]`` for each anonymous
    address. Counts live in the default cache (Redis in production, shared by every worker)."""

    scope = "client"

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        self.scope = "key" if request.auth is not None else "client"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = request.auth.prefix if request.auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
