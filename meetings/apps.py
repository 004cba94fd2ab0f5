from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and conferences")

    def ready(self):
        from editorial import registry
        from taxonomy.views import register_detail_context

        from . import preview
        from .models import Event
        from .taxonomy_pages import upcoming_events_context

        register_detail_context(upcoming_events_context)
        registry.register(
            Event,
            scope_field="organiser",
            preview=preview.render_event,
            preview_url_name="meetings:event-preview",
        )
