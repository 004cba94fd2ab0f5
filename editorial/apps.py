from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial engine")

    def ready(self):
        from .caching import connect  # imported once the apps are loaded

        connect()
