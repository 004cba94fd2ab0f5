from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press releases")

    def ready(self):
        from taxonomy.views import register_detail_context  # imported once the apps are loaded

        from .taxonomy_pages import latest_releases_context

        register_detail_context(latest_releases_context)
