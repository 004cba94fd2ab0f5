from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press releases")

    def ready(self):
        # Imported once the apps are loaded.
        from alerts import registry as alerts_registry
        from editorial import registry
        from editorial.signals import schedule_changed
        from taxonomy.views import register_detail_context

        from . import notifications, preview, tasks
        from .alerts import PressReleaseAlerts
        from .models import PressRelease
        from .taxonomy_pages import latest_releases_context

        register_detail_context(latest_releases_context)
        alerts_registry.register(PressReleaseAlerts())
        registry.register(
            PressRelease,
            scope_field="source",
            children={
                "contacts": ("name", "role", "email", "phone", "position"),
                "attachments": ("title", "file", "position"),
            },
            preview=preview.render_release,
            preview_url_name="press:release-preview",
            notifications=notifications,
        )
        # The worker publishes a scheduled release at its time.
        schedule_changed.connect(
            tasks.on_schedule_changed, sender=PressRelease, dispatch_uid="press-publication-task"
        )
        # The worker publishes a scheduled release at its time.
        schedule_changed.connect(
            tasks.on_schedule_changed, sender=PressRelease, dispatch_uid="press-publication-task"
        )
