"""A copy of the content generation's row in the shared Redis cache, so that a cache hit reads no
database at all.

Reading the row costs every request a database round trip (two with the connection's health
check), which is most of what a page cache hit costs. Where the cache is Redis, shared by every
worker on every server, the row is also kept there: ``(revision, value, changed_at, next_due)``
under ``MIRROR_KEY``, and a request reads it in the same round trip as its page's entry
(``read_with``). The row stays the source of truth:

- every update of the row advances its ``revision``, and the writer offers the new row to the
  mirror **after its transaction commits**; a request that finds no copy reads the row and
  offers what it read (``offer``, after its own transaction too);
- a copy replaces the mirror only if its revision is higher (one Lua script, atomic in Redis):
  a request that read the row just before a change can never put the old row back over the
  new one, whatever the order in which the two arrive;
- a copy whose ``next_due`` has passed is not used: the row is read, and advanced by the one
  worker that wins the compare-and-swap, as without the mirror;
- the copy lives ``MIRROR_SECONDS``: should a writer fail to reach Redis right after a change
  while readers still can (a network blip), the mirror is behind for at most that long. A
  database restored from a backup (lower revisions) is likewise picked up within that time.

With the local-memory cache there is nothing shared to keep a copy in (each worker has its own
memory), so every request reads the row, as does a site that reads content from replicas (a
replica may be behind the primary: the generation must come from the database the content
comes from). ``PAGE_CACHE_GENERATION_MIRROR`` switches it off.
"""

import logging
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

MIRROR_KEY = "content-generation"
MIRROR_SECONDS = 5
# Replace the copy (KEYS[1]) and its revision (KEYS[2]) only with a higher revision (ARGV[1]).
_SET_IF_NEWER = """
local current = tonumber(redis.call('GET', KEYS[2]) or '-1')
if current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
return 1
"""


class Row(NamedTuple):
    revision: int
    value: int
    changed_at: object
    next_due: object


def enabled():
    # ``cache`` is a proxy: the backend itself is ``caches["default"]``.
    return settings.PAGE_CACHE_GENERATION_MIRROR and isinstance(caches["default"], RedisCache)


def read_with(*keys):
    """The mirrored row (or None) and the cache entries of ``keys``, in one round trip."""
    found = cache.get_many([MIRROR_KEY, *keys])
    row = found.pop(MIRROR_KEY, None)
    return (Row(*row) if row is not None else None), found


def offer(row):
    """Put ``row`` (a ``Row`` just read from or written to the database) in the mirror unless
    it already holds a later revision."""
    if not enabled():
        return
    key = cache.make_and_validate_key(MIRROR_KEY)
    backend = cache._cache  # Django's Redis client: its connection and serializer
    try:
        backend.get_client(key, write=True).eval(
            _SET_IF_NEWER,
            2,
            key,
            f"{key}:revision",
            row.revision,
            backend._serializer.dumps(tuple(row)),
            MIRROR_SECONDS,
        )
    except RedisError:
        logger.warning("Could not copy the content generation to the cache", exc_info=True)
