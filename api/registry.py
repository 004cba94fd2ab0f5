"""The one router every app registers its read endpoints with.

An app's ``api.py`` calls ``register("press-releases", ReleaseViewSet, basename="press-release")``
once; ``api/urls.py`` serves what is registered under ``/api/v1/`` and the OpenAPI schema
describes it. See docs/api.md.
"""

from rest_framework.routers import SimpleRouter

router = SimpleRouter()


def register(prefix, viewset, *, basename):
    """Serve ``viewset`` at ``/api/v1/<prefix>/`` (list) and ``<prefix>/<lookup>/`` (detail)."""
    router.register(prefix, viewset, basename=basename)
