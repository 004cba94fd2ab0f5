"""What a press release shows of the library: its public documents, in the release's order.

One rule for the release page and the read API: a document linked to a release is shown only
while the document itself is public, with its files (without their extracted text).
"""

from django.db.models import Prefetch

from .models import Document, DocumentFile, ReleaseDocument

FILE_FIELDS = ("document_id", "language", "file", "size", "page_count", "position")
COVER_FIELDS = ("cover", "cover_width", "cover_height")


def listing_files():
    """A document's files as pages and cards show them: no extracted text."""
    return DocumentFile.objects.only(*FILE_FIELDS, *COVER_FIELDS)


def public_documents_prefetch():
    """For a queryset of releases: ``release.public_document_links``, each link's public
    document with its files (three queries for any number of releases)."""
    links = (
        ReleaseDocument.objects.filter(document__in=Document.objects.public())
        .select_related("document")
        .prefetch_related(Prefetch("document__files", queryset=listing_files()))
    )
    return Prefetch("document_links", queryset=links, to_attr="public_document_links")
