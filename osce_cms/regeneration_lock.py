"""Right after a change, who may regenerate a page: one request at a time per cache.

With a shared cache (Redis) the lock is a cache entry (``cache.add``), one per generation, that
lasts until the stale window closes: every worker on every server sees it. The local-memory
cache is each worker's own, so a lock kept there would let every worker render at once, and
each worker must render its own copies anyway; there the lock is shared by the workers of one
machine instead, an exclusive ``flock`` on a file named for the site: while one worker renders,
the others serve their previous copies. The kernel releases a file lock when its process dies.
"""

import fcntl
import hashlib
import logging
import os
import tempfile

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)


class FileLock:
    """An exclusive lock on a file, held while this object's descriptor is open."""

    def __init__(self, path):
        self.descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    def take(self):
        try:
            fcntl.flock(self.descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.give_back()
            return None
        return self

    def give_back(self):
        if self.descriptor is not None:
            os.close(self.descriptor)  # closing releases the lock
            self.descriptor = None

    # A request that failed before giving the lock back still gives it back when it is gone.
    __del__ = give_back


def _lock_path():
    """The site's lock file: one per database and cache, so two sites on a machine never meet."""
    backend = settings.CACHES["default"]
    site = repr((settings.DATABASES["default"]["NAME"], backend.get("LOCATION", "")))
    digest = hashlib.md5(site.encode(), usedforsecurity=False).hexdigest()
    return os.path.join(tempfile.gettempdir(), f"osce-page-regeneration-{digest}.lock")


def take(generation, seconds):
    """The lock for the generation's regeneration, for ``seconds`` at most: a handle for
    ``give_back``, or None when someone else holds it."""
    if isinstance(caches["default"], LocMemCache):
        try:
            return FileLock(_lock_path()).take()
        except OSError:
            logger.warning("No regeneration lock file: rendering without one", exc_info=True)
            return ""
    name = f"page-lock:{generation}"
    return name if cache.add(name, 1, seconds) else None


def give_back(handle):
    if isinstance(handle, FileLock):
        handle.give_back()
    elif handle:
        cache.delete(handle)
