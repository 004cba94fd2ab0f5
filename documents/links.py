"""What a press release or an event shows of the library: its public documents, in its order.

One rule for their pages and the read API: a document linked to a release (``ReleaseDocument``)
or an event (``EventDocument``) is shown only while the document itself is public, with its
files (without their extracted text).
"""

from django.db.models import Prefetch

from .models import Document, DocumentFile, ReleaseDocument

FILE_FIELDS = ("document_id", "language", "file", "size", "page_count", "position")
COVER_FIELDS = ("cover", "cover_width", "cover_height")


def listing_files():
    """A document's files as pages and cards show them: no extracted text."""
    return DocumentFile.objects.only(*FILE_FIELDS, *COVER_FIELDS)


def public_documents_prefetch(link_model=ReleaseDocument):
    """For a queryset of releases (or, with ``EventDocument``, of events):
    ``item.public_document_links``, each link's public document with its files (three queries
    for any number of items)."""
    links = (
        link_model.objects.filter(document__in=Document.objects.public())
        .select_related("document")
        .prefetch_related(Prefetch("document__files", queryset=listing_files()))
    )
    return Prefetch("document_links", queryset=links, to_attr="public_document_links")
