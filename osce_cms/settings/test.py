import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Off unless a test turns it on (tests/test_caching.py): pages then cost their own queries only.
os.environ.setdefault("PAGE_CACHE_ENABLED", "0")

from .base import *  # noqa: F403
from .base import BASE_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
AXES_ENABLED = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests never run collectstatic: let whitenoise look for files per request instead of warning
# that STATIC_ROOT does not exist.
WHITENOISE_AUTOREFRESH = True
