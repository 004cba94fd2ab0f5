"""Builders for the library's tests: document types, documents with files, generated PDFs."""

import itertools
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from documents.models import Document, DocumentFile
from documents.pdf_writer import make_pdf
from editorial.models import Status
from taxonomy.models import DocumentType

from ..press.workflow_world import WAS_PUBLIC

_numbers = itertools.count(1)


def document_type(name="Reports", parent=None):
    slug = f"{name.lower().replace(' ', '-')}-{next(_numbers)}"
    return DocumentType.objects.create(name=name, slug=slug, parent=parent)


def pdf(text="The text of the file.", *, title="A document", pages=None):
    return make_pdf(title, [text], pages=pages)


def document(issuer, *, author=None, status=Status.DRAFT, published_at=None, files=(), **fields):
    """A document by ``issuer``; ``files`` are (language, pdf bytes) pairs, stored as they are
    (the upload check is tested through the admin)."""
    n = next(_numbers)
    fields.setdefault("title", f"Document {n}")
    fields.setdefault("slug", f"document-{n}")
    fields.setdefault("date", date(2025, 1, 1) - timedelta(days=n))
    if "document_type" not in fields:
        fields["document_type"] = DocumentType.objects.get_or_create(
            slug="reports", defaults={"name": "Reports"}
        )[0]
    item = Document.objects.create(
        issuer=issuer,
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        created_by=author,
        first_published_at=timezone.now() if status in WAS_PUBLIC else None,
        **fields,
    )
    for position, (language, data) in enumerate(files):
        DocumentFile.objects.create(
            document=item,
            language=language,
            position=position,
            file=ContentFile(data, name=f"{item.slug}-{language}.pdf"),
        )
    return item
