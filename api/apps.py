from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Open data API")

    def ready(self):
        # Each app declares its endpoints in its own ``api.py`` (press/api.py, taxonomy/api.py,
        # ...), which registers them with ``api.registry``; importing them here fills the router
        # before the URLconf reads it.
        autodiscover_modules("api")
        from . import schema  # noqa: F401 - registers the schema extensions (imported late)
