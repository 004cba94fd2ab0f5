"""The library's admin: documents on the editorial engine, each with its files."""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from editorial.admin import WorkflowAdminMixin

from .forms import DocumentFileForm
from .models import Document, DocumentFile, EventDocument, ReleaseDocument


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = DocumentFileForm
    extra = 0
    fields = ["language", "file", "position", "file_size", "pages", "processing"]
    readonly_fields = ["file_size", "pages", "processing"]

    @admin.display(description=_("size"))
    def file_size(self, document_file):
        return filesizeformat(document_file.size) if document_file.size else "–"

    @admin.display(description=_("pages"))
    def pages(self, document_file):
        return document_file.page_count or "–"

    @admin.display(description=_("text and cover"))
    def processing(self, document_file):
        if not document_file.pk or not document_file.file:
            return "–"
        if not document_file.is_processed:
            return _("Being prepared in the background")
        if document_file.processing_error:
            return _("Could not be read: %(reason)s") % {"reason": document_file.processing_error}
        return _("Ready")


class ReleaseDocumentInline(admin.TabularInline):
    model = ReleaseDocument
    extra = 0
    fields = ["release", "position"]
    autocomplete_fields = ["release"]
    verbose_name = _("press release")
    verbose_name_plural = _("press releases showing this document")


class EventDocumentInline(admin.TabularInline):
    model = EventDocument
    extra = 0
    fields = ["event", "position"]
    autocomplete_fields = ["event"]
    verbose_name = _("event")
    verbose_name_plural = _("events showing this document")


class ShownDocumentInline(admin.TabularInline):
    """The library's documents shown on a release's or an event's page (``model``: the link)."""

    extra = 0
    fields = ["document", "position"]
    autocomplete_fields = ["document"]
    verbose_name = _("document")
    verbose_name_plural = _("documents")


@admin.register(Document)
class DocumentAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["title", "reference_number", "date", "document_type", "issuer_name", "status"]
    list_filter = ["status", "document_type"]
    list_select_related = ["document_type", "issuer"]
    list_per_page = 50
    show_full_result_count = False
    date_hierarchy = "date"
    search_fields = ["title", "reference_number", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "created_at", "created_by", "updated_at", "updated_by"]
    autocomplete_fields = ["document_type", "issuer", "fields_of_work", "countries"]
    inlines = [DocumentFileInline, ReleaseDocumentInline, EventDocumentInline]
    fieldsets = [
        (
            _("Document"),
            {"fields": ["title", "slug", "document_type", "reference_number", "date", "issuer"]},
        ),
        (_("Summary"), {"fields": ["summary", "language"]}),
        (_("Topics"), {"fields": ["fields_of_work", "countries"]}),
        (_("Publication"), {"fields": ["published_at"]}),
        (
            _("Status and history"),
            {
                "classes": ["collapse"],
                "fields": ["status", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    @admin.display(description=_("issued by"), ordering="issuer__name")
    def issuer_name(self, document):
        return document.issuer.display_name
