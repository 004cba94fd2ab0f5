import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osce_cms.settings.prod")

application = get_wsgi_application()

from osce_cms.startup import check_static_manifest  # noqa: E402 - needs the settings loaded

check_static_manifest()
