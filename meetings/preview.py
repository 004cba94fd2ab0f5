"""The preview of an event: its public page, rendered for someone allowed to see it first."""

from .views import EventDetailView


class EventPreviewView(EventDetailView):
    event = None
    editor_url = None

    def get(self, request, *args, **kwargs):
        self.object = self.event
        context = self.get_context_data(object=self.object)
        context["preview_editor_url"] = self.editor_url
        return self.render_to_response(context)


def render_event(request, event, editor_url=None):
    return EventPreviewView.as_view(event=event, editor_url=editor_url)(request, slug=event.slug)
