"""Checks that the WSGI/ASGI entry points run before they serve a single request."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def check_static_manifest():
    """Refuse to start when static files are fingerprinted but no manifest was collected.

    ``manage.py collectstatic`` run under other settings (say the development default of
    ``manage.py``) writes no manifest, and every page would then fail with a 500.
    """
    storage = storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.exists(storage.manifest_name):
        raise ImproperlyConfigured(
            f"No static files manifest in {settings.STATIC_ROOT}. Collect the static files with "
            f"the settings the server uses: DJANGO_SETTINGS_MODULE={settings.SETTINGS_MODULE} "
            ".venv/bin/python manage.py collectstatic --noinput"
        )
