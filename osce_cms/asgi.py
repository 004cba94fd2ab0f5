import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_cms.settings.prod")

application = get_asgi_application()

from osce_cms.startup import check_static_manifest  # noqa: E402 - needs the settings loaded

check_static_manifest()
