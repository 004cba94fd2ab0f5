"""Absolute links for places where no request tells the host: e-mails, commands, workers."""

from django.conf import settings


def absolute_url(path):
    """``path`` (as ``reverse`` or ``get_absolute_url`` give it) under ``settings.SITE_URL``."""
    return f"{settings.SITE_URL}/{path.lstrip('/')}"
