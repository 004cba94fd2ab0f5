"""The library in the read API: ``/api/v1/documents/`` and ``.../<slug>/``.

The list is the library's: the same FilterSet (documents/filters.py) over the same listed
documents; the detail shows any document whose page is public (withdrawn ones too, with their
notice), with each file's language, size, page count and stable download address.
"""

from functools import partial

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.plain import Children, PlainListSerializer
from api.registry import register
from api.serializers import ApiUrlField, PublicUrlField, TranslationsField
from api.views import PublicReadViewSet
from press.api import SourceSerializer, TermSerializer
from taxonomy.models import Country, FieldOfWork

from .filters import DocumentFilter
from .links import listing_files
from .models import Document, DocumentFile


class FileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The file's download address.")
    size = serializers.IntegerField(help_text="In bytes.")
    page_count = serializers.IntegerField(allow_null=True, help_text="Null until it is read.")

    class Meta:
        model = DocumentFile
        fields = ["language", "url", "size", "page_count"]

    def get_url(self, document_file) -> str:
        return self.context["request"].build_absolute_uri(document_file.get_absolute_url())


class DocumentSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The document's public page.")
    api_url = ApiUrlField("document")
    document_type = TermSerializer()
    issuer = SourceSerializer()
    fields_of_work = TermSerializer(many=True)
    countries = TermSerializer(many=True)
    files = FileSerializer(many=True)
    translations = TranslationsField("document")

    class Meta:
        model = Document
        list_serializer_class = PlainListSerializer
        plain_fields = {"files": partial(Children, listing_files)}
        fields = [
            "slug",
            "title",
            "url",
            "api_url",
            "reference_number",
            "date",
            "published_at",
            "updated_at",
            "language",
            "translations",
            "document_type",
            "issuer",
            "fields_of_work",
            "countries",
            "summary",
            "files",
        ]


class DocumentDetailSerializer(DocumentSerializer):
    cover = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "cover", "withdrawn_at", "withdrawal_note"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_cover(self, document):
        cover = next((item for item in document.files.all() if item.cover), None)
        if cover is None:
            return None
        return self.context["request"].build_absolute_uri(cover.cover.url)


PREFETCH = (
    Prefetch("fields_of_work", queryset=FieldOfWork.objects.only("slug", "name")),
    Prefetch("countries", queryset=Country.objects.only("slug", "name")),
    Prefetch("files", queryset=listing_files()),
)


class DocumentViewSet(PublicReadViewSet):
    """Documents of the library, newest publication first."""

    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    filterset_class = DocumentFilter
    keyset = ("-published_at", "-id")

    def get_queryset(self):
        # Built per request: "public" means public now.
        if self.action == "retrieve":
            return (
                Document.objects.public()
                .select_related("document_type", "issuer")
                .prefetch_related(*PREFETCH)
            )
        return Document.objects.listed()


register("documents", DocumentViewSet, basename="document")
