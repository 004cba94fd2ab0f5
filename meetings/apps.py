from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and conferences")

    def ready(self):
        from alerts import registry as alerts_registry
        from editorial import registry
        from editorial.signals import schedule_changed
        from editorial.views import detail_preview
        from osce_cms import sitemaps
        from press import tasks
        from press.views import register_release_context
        from taxonomy.views import register_detail_context

        from .alerts import EventAlerts
        from .models import Event
        from .release_pages import release_events_context, with_events_flag
        from .sitemaps import SITEMAPS
        from .taxonomy_pages import upcoming_events_context
        from .views import EventDetailView

        register_detail_context(upcoming_events_context)
        register_release_context(release_events_context, annotate=with_events_flag)
        sitemaps.register(SITEMAPS)
        alerts_registry.register(EventAlerts())
        registry.register(
            Event,
            scope_field="organiser",
            children={"document_links": ("document", "position")},
            preview=detail_preview(EventDetailView),
            preview_url_name="meetings:event-preview",
            # Every language version of an event has the same tags (editorial/translations.py).
            shared=(
                "meeting_type",
                "organiser",
                "co_organisers",
                "venue",
                "fields_of_work",
                "countries",
            ),
            list_url_name="meetings:event-list",
        )
        # The worker publishes a scheduled event at its time (the engine's run_due, every kind).
        schedule_changed.connect(
            tasks.on_schedule_changed, sender=Event, dispatch_uid="meetings-publication-task"
        )
