from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press releases")

    def ready(self):
        # Imported once the apps are loaded.
        from alerts import registry
        from taxonomy.views import register_detail_context

        from .alerts import PressReleaseAlerts
        from .taxonomy_pages import latest_releases_context

        register_detail_context(latest_releases_context)
        registry.register(PressReleaseAlerts())
