"""The shared cache, and how the site keeps answering when it is down.

Every use of the cache here is an optimisation (pages, menus, memoized counts, rate limits that
let a request through when they cannot count). So a cache server that is down, restarting or
unreachable must cost speed, never an answer: ``ResilientRedisCache`` is Django's Redis cache
whose reads miss and whose writes are skipped when Redis cannot be reached, with a warning in
the log (at most one a minute per process, not one per call); it also reuses its Redis client
(``ReusingRedisCacheClient``).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60


def caches_for(redis_url, key_prefix="osce"):
    """The ``CACHES`` setting: Redis at ``redis_url`` if given, else this process's memory."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "osce_cms.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            # A dead server is noticed in a fraction of a second, not after the OS's timeout.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and each fills a dictionary of 169
    response callbacks: a fifth of a page cache hit's time. A ``redis.Redis`` is only a handle on
    its (thread-safe) pool, so one per pool serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _unavailable(self, operation, default):
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning >= WARN_EVERY_SECONDS:
            ResilientRedisCache._last_warning = now
            logger.warning("Cache unavailable (%s skipped)", operation, exc_info=True)
        return default

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            return self._unavailable("get", default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError:
            return self._unavailable("get_many", {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError:
            return self._unavailable("has_key", False)

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError:
            self._unavailable("set", None)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError:
            return self._unavailable("set_many", list(data))

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError:
            return self._unavailable("add", False)

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError:
            return self._unavailable("touch", False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError:
            return self._unavailable("delete", False)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError:
            self._unavailable("delete_many", None)
