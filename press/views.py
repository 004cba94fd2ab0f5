"""The public newsroom: the filtered list and the release page."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db.models import Count, Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from documents.links import public_documents_prefetch
from documents.models import ReleaseDocument
from editorial.models import ChangeNote
from editorial.views import PublicItemMixin, UntranslatedNoticeMixin
from osce_cms.breadcrumbs import BreadcrumbsMixin
from osce_cms.caching import memoize_for_generation
from osce_cms.page_context import ContextFunctions
from osce_cms.richtext import render_html
from taxonomy.tag_rows import tags_of, with_tag_ids

from .cards import Card, cards
from .feeds import release_feed_links
from .filters import ReleaseFilter
from .models import PressContact, PressRelease
from .pagination import MemoizedPaginator

RELATED_LIMIT = 4
TAGS = ("fields_of_work", "countries")  # the page's tags, read with its row
# ``function(release, request) -> dict``, called for every release page (and its preview), with
# its annotation of the page's query: the meetings app adds the events a release (a media
# advisory) is about.
release_context = ContextFunctions()
register_release_context = release_context.register
RELATED_CANDIDATES = 200


class ReleaseListView(UntranslatedNoticeMixin, BreadcrumbsMixin, ListView):
    template_name = "press/release_list.html"
    paginate_by = 20
    context_object_name = "releases"
    untranslated_model = PressRelease
    untranslated_message = _("This press release has no version in this language. It exists in:")

    def get_queryset(self):
        self.filterset = ReleaseFilter(
            self.request.GET or None,
            queryset=PressRelease.objects.listed(),  # the page's cards read their own columns
            request=self.request,
            default_language=get_language(),
        )
        return self.filterset.qs

    def get_paginator(self, queryset, per_page, **kwargs):
        return MemoizedPaginator(
            queryset,
            per_page,
            memo_parts=("newsroom", self.filterset.memo_parts()),
            request=self.request,
            items=cards,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["facets"] = SimpleLazyObject(self.filterset.facets)  # read if not kept as HTML
        context["active_filters"] = self.filterset.active
        context["feed_links"] = release_feed_links(self.filterset.feed_query)
        return context


class ReleaseDetailView(PublicItemMixin, BreadcrumbsMixin, DetailView):
    model = PressRelease
    template_name = "press/release_detail.html"
    context_object_name = "release"
    gone_template = "press/release_gone.html"

    def get_breadcrumbs(self):
        return [(_("Press releases"), reverse("press:release-list"))]

    def get_queryset(self):
        return release_context.annotate(
            with_tag_ids(
                PressRelease.objects.public()
                .with_dateline()
                .with_co_issuers()
                .annotate(**child_flags()),
                *TAGS,
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context.update(shown_children(release))
        context["tags"] = {name: tags_of(release, name, self.request) for name in TAGS}
        context["body"] = render_html(release.body)
        context["related_releases"] = related_releases(
            release, [tag.pk for tag in context["tags"]["fields_of_work"]], request=self.request
        )
        context["feed_links"] = release_feed_links()
        if fallback := (release.lead_image_renditions or {}).get("fallback"):
            width, height, name = fallback[-1]
            url = self.request.build_absolute_uri(default_storage.url(name))
            context["share_image"] = {"url": url, "width": width, "height": height}
        return release_context.add_to(context, release, self.request)


def child_flags():
    """Whether a release has contacts, update notes and documents (public or not), as
    ``EXISTS`` in its page's query: most have none, and reading each anyway cost a query."""
    return _child_flags(ContentType.objects.get_for_model(PressRelease).pk)


@functools.cache
def _child_flags(content_type_id):
    # Built once (annotating resolves copies of them), per content type id: a test database
    # may create the content types again under new ids.
    return {
        "has_contacts": Exists(PressContact.objects.filter(release=OuterRef("pk"))),
        "has_change_notes": Exists(
            ChangeNote.objects.filter(content_type_id=content_type_id, object_id=OuterRef("pk"))
        ),
        "has_documents": Exists(ReleaseDocument.objects.filter(release=OuterRef("pk"))),
    }


def shown_children(release):
    """The page's ``contacts``, ``change_notes`` and ``document_links`` (public documents
    only), each read only when ``child_flags`` found some; a release loaded without the flags
    (a preview's) reads them all."""
    shown = {"contacts": [], "change_notes": [], "document_links": []}
    if getattr(release, "has_contacts", True):
        shown["contacts"] = list(release.contacts.all())
    if getattr(release, "has_change_notes", True):
        shown["change_notes"] = list(release.change_notes.all())
    if getattr(release, "has_documents", True):
        prefetch_related_objects([release], public_documents_prefetch())
        shown["document_links"] = release.public_document_links
    return shown


def related_releases(release, field_ids, limit=RELATED_LIMIT, request=None):
    """Explicitly related releases first, then those sharing the most fields of work.

    Ranking is the release page's most expensive query; its result only changes with content,
    so its cards are kept until the content generation next advances.
    """
    return memoize_for_generation(
        "related-releases",
        # Per language: the cards' co-issuers are named in the page's language.
        (release.pk, limit, get_language()),
        lambda: [Card.of_release(item) for item in _rank_related(release, field_ids, limit)],
        request=request,
    )


def _rank_related(release, field_ids, limit):
    listed = PressRelease.objects.listed().for_listing().exclude(pk=release.pk)
    explicit = list(listed.filter(id__in=release.related.values("id"))[:limit])
    if len(explicit) >= limit:
        return explicit
    tagged = PressRelease.fields_of_work.through.objects.filter(fieldofwork_id__in=field_ids)
    # Ranked among the newest few hundred sharing a field (walking the listed-date index), not
    # among the thousands that share one.
    candidates = listed.filter(id__in=tagged.values("pressrelease_id")).order_by(
        "-published_at", "-id"
    )[:RELATED_CANDIDATES]
    shared = (
        listed.exclude(pk__in=[item.pk for item in explicit])
        .filter(id__in=candidates.values("id"), fields_of_work__in=field_ids)
        .annotate(shared=Count("fields_of_work"))
        .order_by("-shared", "-published_at", "-id")[: limit - len(explicit)]
    )
    return explicit + list(shared)
