"""What every public item page shares: 410 for an unpublished item, 301 for an old slug."""

from django.http import Http404, HttpResponseGone, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from .models import SlugRedirect, Status


class PublicItemMixin:
    """For a ``DetailView`` of an editorial model whose queryset holds its public items.

    An item that was public and has been unpublished answers 410 Gone (``gone_template_name``)
    or redirects to its alternative address; one that never was public is a plain 404, so an
    embargoed address is never confirmed; an old slug of a public item moves permanently.
    """

    gone_template_name = None

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return self.gone_or_moved(kwargs["slug"])

    def gone_or_moved(self, slug):
        model = self.model
        unpublished = (
            model.objects.alive()
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
            return HttpResponseGone(render_to_string(self.gone_template_name, request=self.request))
        moved = SlugRedirect.objects.moved_to(model.objects.public(), slug)
        if moved is not None:
            return HttpResponsePermanentRedirect(moved.get_absolute_url())
        raise Http404
