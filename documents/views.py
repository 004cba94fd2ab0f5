"""The public library: the filtered list, the document page and the file downloads."""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from editorial.views import PublicItemMixin, UntranslatedNoticeMixin
from meetings.models import Event
from osce_cms.breadcrumbs import BreadcrumbsMixin
from osce_cms.media import media_headers
from press.models import PressRelease
from press.pagination import MemoizedPaginator
from taxonomy.models import Country, FieldOfWork

from .filters import DocumentFilter
from .links import listing_files
from .models import Document, DocumentFile


class DocumentListView(UntranslatedNoticeMixin, BreadcrumbsMixin, ListView):
    template_name = "documents/document_list.html"
    paginate_by = 20
    context_object_name = "documents"
    untranslated_model = Document
    untranslated_message = _("This document has no version in this language. It exists in:")

    def get_queryset(self):
        self.filterset = DocumentFilter(
            self.request.GET or None,
            queryset=Document.objects.listed().for_listing(),
            request=self.request,
        )
        return self.filterset.qs.for_cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        return MemoizedPaginator(
            queryset,
            per_page,
            memo_parts=("library", self.filterset.memo_parts()),
            request=self.request,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The page's documents (fetched by id) with their files, in one more query.
        prefetch_related_objects(context["documents"], Prefetch("files", queryset=listing_files()))
        context["filter"] = self.filterset
        context["facets"] = SimpleLazyObject(self.filterset.facets)  # read if not kept as HTML
        context["active_filters"] = self.filterset.active
        return context


class DocumentDetailView(PublicItemMixin, BreadcrumbsMixin, DetailView):
    model = Document
    template_name = "documents/document_detail.html"
    gone_template = "documents/document_gone.html"
    context_object_name = "document"

    def get_queryset(self):
        return (
            Document.objects.public()
            .select_related("document_type", "issuer")
            .prefetch_related(
                Prefetch("files", queryset=listing_files()),
                Prefetch("fields_of_work", queryset=FieldOfWork.objects.only("slug", "name")),
                Prefetch("countries", queryset=Country.objects.only("slug", "name")),
                Prefetch(
                    "releases",
                    queryset=PressRelease.objects.listed()
                    .for_listing()
                    .order_by("-published_at", "-id"),
                ),
                Prefetch(
                    "events",
                    queryset=Event.objects.listed().for_listing().order_by("-start_date", "-id"),
                ),
                "change_notes",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        context["type_ancestors"] = list(
            document.document_type.get_ancestors(include_self=True).only("name", "slug")
        )
        context["downloadable"] = document.is_public()
        context["cover"] = next((item for item in document.files.all() if item.cover), None)
        return context

    def get_breadcrumbs(self):
        return [(_("Documents"), reverse("documents:document-list"))]


def download(request, slug, language):
    """A public document's file in one language, as a download with the project's headers.

    The file is read through the storage API and never from an address of the storage itself:
    a document that is not public (a draft, an embargoed one, one in the trash) has no
    downloadable file, whatever its stored name.
    """
    document_file = get_object_or_404(
        DocumentFile.objects.select_related("document").only("file", "language", "document__slug"),
        document__in=Document.objects.public(),
        document__slug=slug,
        language=language,
    )
    try:
        handle = document_file.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="application/pdf")
    headers = media_headers(document_file.download_name())
    for header, value in headers.items():
        response.headers[header] = value
    return response
