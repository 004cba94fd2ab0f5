"""The public detail page of an editorial item, shared by every content type.

Only what is public now is shown; an unpublished item answers 410 Gone (or redirects to its
alternative address), and an old address of a public item redirects permanently to its
current one. Previews render the same view for an item chosen by the engine.
"""

from django.http import Http404, HttpResponseGone, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from . import translations
from .models import SlugRedirect, Status
from .registry import kind_of


class PublicItemMixin:
    """For a ``DetailView`` of a registered model, looked up by ``slug``."""

    gone_template = "editorial/gone.html"

    def get_queryset(self):
        return self.model.objects.public()

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        if kind_of(self.model).linked_translations:
            queryset = translations.with_versions_flag(queryset)
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if kind_of(self.model).linked_translations:
            # The switcher, hreflang and "Available in" (editorial/translations.py).
            context["item_languages"] = translations.item_languages(self.request, self.object)
        return context

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return self.gone_or_moved(kwargs["slug"])

    def gone_or_moved(self, slug):
        """An unpublished item is gone (or replaced); an old slug moves to the new one.

        One that was never public (unpublished while scheduled) is a 404 like anything else that
        never was: a 410 would confirm that an embargoed address existed.
        """
        unpublished = (
            self.model.objects.alive()
            .filter(slug=slug, status=Status.UNPUBLISHED, first_published_at__isnull=False)
            .only("alternative_url")
            .first()
        )
        if unpublished is not None:
            target = unpublished.alternative_url
            if target.startswith(("https://", "http://")) or url_has_allowed_host_and_scheme(
                target, allowed_hosts={self.request.get_host()}
            ):
                return redirect(target)
            return HttpResponseGone(render_to_string(self.gone_template, request=self.request))
        moved = SlugRedirect.objects.moved_to(self.model.objects.public(), slug)
        if moved is not None:
            return HttpResponsePermanentRedirect(moved.get_absolute_url())
        raise Http404


class UntranslatedNoticeMixin:
    """For the public list of a registered model (``untranslated_model``): reached with
    ``?untranslated=<slug>`` from an item without a version in this language (the language
    switcher), it says so and names the languages the item exists in
    (``editorial/includes/untranslated_notice.html``); when the item does exist in this
    language, it goes there."""

    untranslated_model = None
    untranslated_message = ""

    def get(self, request, *args, **kwargs):
        self.untranslated = translations.missing(
            self.untranslated_model, request.GET.get(translations.UNTRANSLATED_PARAMETER)
        )
        if self.untranslated and self.untranslated["here"]:
            return redirect(self.untranslated["here"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.untranslated:
            context["untranslated"] = {**self.untranslated, "message": self.untranslated_message}
        return context


class PreviewMixin:
    """Renders the view for ``item`` whatever its state, with the "not public" banner."""

    item = None
    editor_url = None

    def get(self, request, *args, **kwargs):
        self.object = self.item
        context = self.get_context_data(object=self.object)
        context["preview"] = {"editor_url": self.editor_url}
        return self.render_to_response(context)


def detail_preview(view_class):
    """A registry ``preview``: renders ``view_class`` (a detail view by slug) for an item."""
    preview_view = type(f"{view_class.__name__}Preview", (PreviewMixin, view_class), {})

    def render(request, item, editor_url=None):
        return preview_view.as_view(item=item, editor_url=editor_url)(request, slug=item.slug)

    return render
