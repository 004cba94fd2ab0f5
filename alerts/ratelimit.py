"""Sign-up limits per e-mail address and per client, counted in the shared cache per hour."""

import hashlib
import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)
PERIOD = 3600


def allow(scope, identifier, limit):
    """Count one more request of ``identifier`` in ``scope``; False past ``limit`` this hour.

    The identifier is hashed (no address is stored in the cache). A cache that is down lets the
    request through: a sign-up still needs the address's confirmation.
    """
    digest = hashlib.sha256(identifier.encode()).hexdigest()[:32]
    key = f"alerts-rate:{scope}:{digest}:{int(time.time() // PERIOD)}"
    try:
        cache.add(key, 0, PERIOD)
        return cache.incr(key) <= limit
    except Exception:
        logger.warning("Sign-up rate limit not checked: the cache is unavailable", exc_info=True)
        return True
