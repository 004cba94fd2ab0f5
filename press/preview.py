"""The preview of a release: its public page, rendered for someone allowed to see it first.

The engine (``editorial.preview``) decides who may see which preview and keeps the links; this
module renders the release page's own view and template, so a preview looks exactly as the
release will.
"""

from .views import ReleaseDetailView


class ReleasePreviewView(ReleaseDetailView):
    """The public detail page of ``release``, whatever its state."""

    release = None
    editor_url = None

    def get(self, request, *args, **kwargs):
        self.object = self.release
        context = self.get_context_data(object=self.object)
        context["preview_editor_url"] = self.editor_url
        return self.render_to_response(context)


def render_release(request, release, editor_url=None):
    view = ReleasePreviewView.as_view(release=release, editor_url=editor_url)
    return view(request, slug=release.slug)
