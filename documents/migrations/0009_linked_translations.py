"""Linked translations (editorial/translations.py) for documents: a translation group per
document, the document translated from, when the translation last matched it, the content
languages; one version per language in a group. A reference number is unique per type and
language: a document's versions in other languages bear its number too."""

from django.db import migrations, models
from django.db.models import Q

from editorial.migration_ops import add_translation_fields


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_meeting_documents")]

    operations = [
        *add_translation_fields(
            "documents",
            "document",
            "documents_document",
            "document_one_per_language",
            has_language=True,
        ),
        migrations.RemoveConstraint("document", "documents_reference_unique_per_type"),
        migrations.AddConstraint(
            "document",
            models.UniqueConstraint(
                condition=~Q(reference_number=""),
                fields=("document_type", "reference_number", "language"),
                name="documents_reference_unique_per_type",
                violation_error_message=(
                    "A document of this type already has this reference number."
                ),
            ),
        ),
    ]
