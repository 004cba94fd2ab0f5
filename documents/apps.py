from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents library")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from alerts import registry as alerts_registry
        from editorial import registry
        from editorial.views import detail_preview
        from osce_cms import sitemaps
        from taxonomy.views import register_detail_context

        from . import search
        from .alerts import DocumentAlerts
        from .models import Document, DocumentFile
        from .sitemaps import SITEMAPS
        from .taxonomy_pages import latest_documents_context
        from .views import DocumentDetailView

        register_detail_context(latest_documents_context)
        sitemaps.register(SITEMAPS)
        alerts_registry.register(DocumentAlerts())
        registry.register(
            Document,
            scope_field="issuer",
            children={
                "files": (
                    "language",
                    "file",
                    "size",
                    "position",
                    "page_count",
                    "text",
                    "cover",
                    "cover_width",
                    "cover_height",
                    "processed_file",
                    "processing_error",
                ),
            },
            preview=detail_preview(DocumentDetailView),
            preview_url_name="documents:document-preview",
            # Every language version of a document has the same tags, date and reference
            # number (editorial/translations.py); each has its own title, summary and files.
            shared=(
                "document_type",
                "reference_number",
                "date",
                "issuer",
                "fields_of_work",
                "countries",
            ),
            list_url_name="documents:document-list",
        )
        post_save.connect(search.on_document_saved, sender=Document, dispatch_uid="doc-vector")
        for signal in (post_save, post_delete):
            signal.connect(search.on_file_changed, sender=DocumentFile, dispatch_uid="file-vector")
