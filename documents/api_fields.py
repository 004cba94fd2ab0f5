"""The public documents of a release or an event in the read API (``documents.links``)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class ShownFileSerializer(serializers.Serializer):
    """One file of a public document of the item's."""

    title = serializers.CharField()
    language = serializers.CharField(help_text="The file's language.")
    url = serializers.URLField(help_text="The file's download address.")
    page = serializers.URLField(help_text="The document's page in the library.")


@extend_schema_field(ShownFileSerializer(many=True))
class ShownDocumentsField(serializers.Field):
    """Every file of the item's public documents, in the item's order: needs the item's
    ``public_documents_prefetch``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "public_document_links")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, links):
        absolute = self.context["request"].build_absolute_uri
        return [
            {
                "title": link.document.title,
                "language": document_file.language,
                "url": absolute(document_file.get_absolute_url()),
                "page": absolute(link.document.get_absolute_url()),
            }
            for link in links
            for document_file in link.document.files.all()
        ]
