from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press releases")

    def ready(self):
        # Imported once the apps are loaded.
        from editorial import registry
        from taxonomy.views import register_detail_context

        from editorial.views import detail_preview

        from . import notifications
        from .models import PressRelease
        from .taxonomy_pages import latest_releases_context
        from .views import ReleaseDetailView

        register_detail_context(latest_releases_context)
        registry.register(
            PressRelease,
            scope_field="source",
            children={
                "contacts": ("name", "role", "email", "phone", "position"),
                "attachments": ("title", "file", "position"),
            },
            preview=detail_preview(ReleaseDetailView),
            preview_url_name="press:release-preview",
            notifications=notifications,
        )
