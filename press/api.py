"""Press releases in the read API: ``/api/v1/press-releases/`` and ``.../<slug>/``.

The list is the newsroom's: the same FilterSet (press/filters.py, subtree semantics) over the
same listed releases; the detail shows any release whose page is public (withdrawn ones too,
with their notice), as the release page does.
"""

import django_filters
from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.plain import PlainListSerializer, Writer
from api.registry import register
from api.serializers import ApiUrlField, PublicUrlField, TranslationsField
from api.views import PublicReadViewSet
from documents.api_fields import ShownDocumentsField
from documents.links import public_documents_prefetch
from editorial.models import ChangeNote
from osce_cms.richtext import render_html
from taxonomy.models import Country, FieldOfWork, Structure

from .filters import ReleaseFilter
from .models import Kind, PressContact, PressRelease, co_issuer_refs


class ApiReleaseFilter(ReleaseFilter):
    """The newsroom's filters, and the release's language."""

    # One language per request here, any content language (the newsroom takes several).
    language = django_filters.ChoiceFilter(choices=settings.CONTENT_LANGUAGES, label=_("language"))

    class Meta(ReleaseFilter.Meta):
        pass


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class SourceSerializer(TermSerializer):
    name = serializers.CharField(source="display_name")
    path = serializers.CharField()


class IssuersWriter(Writer):
    """``issuers`` in a list: the source's term, then the co-issuers of ``co_issuers_data``."""

    columns = ("source_id", "co_issuers_data")

    def __init__(self, field, model):
        self.field = field

    def write(self, row, page):
        source = page.term(self.field.child, Structure, row["source_id"])[1]
        co_issuers = co_issuer_refs(row["co_issuers_data"])
        return [
            source,
            *(
                self.field.child.to_representation(co)
                for co in co_issuers
                if co.slug != source["slug"]
            ),
        ]


class ReleaseSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The release's public page.")
    api_url = ApiUrlField("press-release")
    kind = serializers.ChoiceField(choices=Kind.choices, help_text="What the release is.")
    source = SourceSerializer(help_text="The lead issuer.")
    issuers = SourceSerializer(
        many=True, help_text="The lead issuer and the co-issuers, in the dateline's order."
    )
    place = TermSerializer(allow_null=True)
    fields_of_work = TermSerializer(many=True)
    countries = TermSerializer(many=True)
    translations = TranslationsField("press-release")

    class Meta:
        model = PressRelease
        list_serializer_class = PlainListSerializer
        plain_fields = {"issuers": IssuersWriter}
        fields = [
            "slug",
            "title",
            "url",
            "api_url",
            "published_at",
            "updated_at",
            "language",
            "translations",
            "kind",
            "source",
            "issuers",
            "place",
            "fields_of_work",
            "countries",
            "lead",
        ]


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = PressContact
        fields = ["name", "role", "email", "phone"]


class ChangeNoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeNote
        fields = ["created_at", "note"]


class RenditionSerializer(serializers.Serializer):
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.URLField()


class ImageSerializer(serializers.Serializer):
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    type = serializers.CharField(help_text="The media type of the fallback renditions.")
    webp = RenditionSerializer(many=True)
    fallback = RenditionSerializer(many=True)


class ReleaseDetailSerializer(ReleaseSerializer):
    body = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    lead_image = serializers.SerializerMethodField()
    contacts = ContactSerializer(many=True)
    documents = ShownDocumentsField()
    change_notes = ChangeNoteSerializer(many=True)

    class Meta(ReleaseSerializer.Meta):
        fields = [
            *ReleaseSerializer.Meta.fields,
            "body",
            "lead_image",
            "contacts",
            "documents",
            "change_notes",
            "withdrawn_at",
            "withdrawal_note",
        ]

    def get_body(self, release) -> str:
        return str(render_html(release.body))

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_lead_image(self, release):
        record = release.lead_image_renditions or {}
        if not record.get("fallback"):
            return None

        def renditions(items):
            return [
                {"width": width, "height": height, "url": self._absolute(name)}
                for width, height, name in items
            ]

        return {
            "width": record["width"],
            "height": record["height"],
            "alt": release.lead_image_alt,
            "caption": release.lead_image_caption,
            "credit": release.lead_image_credit,
            "type": record["fallback_type"],
            "webp": renditions(record["webp"]),
            "fallback": renditions(record["fallback"]),
        }

    def _absolute(self, name):
        return self.context["request"].build_absolute_uri(default_storage.url(name))


TAGS = (
    Prefetch("fields_of_work", queryset=FieldOfWork.objects.only("slug", "name")),
    Prefetch("countries", queryset=Country.objects.only("slug", "name")),
)


class ReleaseViewSet(PublicReadViewSet):
    """Press releases, newest first."""

    serializer_class = ReleaseSerializer
    detail_serializer_class = ReleaseDetailSerializer
    filterset_class = ApiReleaseFilter
    keyset = ("-published_at", "-id")

    def get_queryset(self):
        # Built per request: "public" means public now.
        if self.action == "retrieve":
            return (
                PressRelease.objects.public()
                .select_related("source", "place")
                .with_co_issuers()
                .prefetch_related(*TAGS, public_documents_prefetch(), "contacts", "change_notes")
            )
        return PressRelease.objects.listed().with_co_issuers()


register("press-releases", ReleaseViewSet, basename="press-release")
