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
        from editorial.views import detail_preview
        from osce_cms import sitemaps
        from taxonomy.views import register_detail_context

        from . import notifications, tasks
        from .alerts import PressReleaseAlerts
        from .models import PressRelease
        from .sitemaps import SITEMAPS
        from .taxonomy_pages import latest_releases_context
        from .views import ReleaseDetailView

        register_detail_context(latest_releases_context)
        sitemaps.register(SITEMAPS)
        alerts_registry.register(PressReleaseAlerts())
        registry.register(
            PressRelease,
            scope_field="source",
            # Officers of a co-issuing structure propose changes; the lead's editors approve.
            contributor_scope="co_issuers__structure",
            children={
                "co_issuers": ("structure_id", "position"),
                "contacts": ("name", "role", "email", "phone", "position"),
                "document_links": ("document", "position"),
            },
            preview=detail_preview(ReleaseDetailView),
            preview_url_name="press:release-preview",
            notifications=notifications,
            # Every language version of a release has the same tags (editorial/translations.py).
            shared=("source", "place", "fields_of_work", "countries"),
            list_url_name="press:release-list",
        )
        # The worker publishes a scheduled release at its time.
        schedule_changed.connect(
            tasks.on_schedule_changed, sender=PressRelease, dispatch_uid="press-publication-task"
        )
