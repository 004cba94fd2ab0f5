"""Fields shared by every content type's serializers."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from editorial import translations
from editorial.registry import kind_of

from .plain import Writer


@extend_schema_field(OpenApiTypes.URI)
class PublicUrlField(serializers.Field):
    """The absolute address of the object's public page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())

    def plain_writer(self, model):
        return PublicUrlWriter(model)


class PublicUrlWriter(Writer):
    """The address from an instance holding what an address needs (the kind's ``url_fields``)."""

    def __init__(self, model):
        self.model = model
        self.columns = kind_of(model).url_fields

    def write(self, row, page):
        return page.request.build_absolute_uri(page.instance(row).get_absolute_url())


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The absolute address of the object's detail in the API, by slug."""

    def __init__(self, basename, **kwargs):
        super().__init__(view_name=f"api:{basename}-detail", lookup_field="slug", **kwargs)

    def plain_writer(self, model):
        return ApiUrlWriter(self.view_name, self.lookup_field)


class ApiUrlWriter(Writer):
    def __init__(self, view_name, lookup_field):
        self.view_name = view_name
        self.columns = (lookup_field,)

    def write(self, row, page):
        address = reverse(self.view_name, kwargs={self.columns[0]: row[self.columns[0]]})
        return page.request.build_absolute_uri(address)


class TranslationSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="The version's content language.")
    url = serializers.URLField(help_text="Its public page.")
    api_url = serializers.URLField(help_text="Its detail in the API.")


@extend_schema_field(TranslationSerializer(many=True))
class TranslationsField(serializers.Field):
    """The item's other public language versions (never a draft), in the languages' order.

    A list reads them for its whole page in one query (``TranslationsWriter``); a detail reads
    its own.
    """

    def __init__(self, basename, **kwargs):
        self.basename = basename
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, item):
        known = translations.public_translations(type(item), {item.pk: item.translation_key})
        return links(self.context["request"], self.basename, known[item.pk])

    def plain_writer(self, model):
        return TranslationsWriter(model, self.basename)


class TranslationsWriter(Writer):
    columns = ("translation_key",)

    def __init__(self, model, basename):
        self.model = model
        self.basename = basename

    def prepare(self, page):
        keys = {row[page.pk_name]: row["translation_key"] for row in page.rows}
        return translations.public_translations(self.model, keys)

    def write(self, row, page):
        return links(page.request, self.basename, page.prepared[self][row[page.pk_name]])


def links(request, basename, versions):
    """``translations``: each version's language, public page and API detail."""
    return [
        {
            "language": version.language,
            "url": request.build_absolute_uri(translations.home_url(version)),
            "api_url": request.build_absolute_uri(
                reverse(f"api:{basename}-detail", kwargs={"slug": version.slug})
            ),
        }
        for version in versions
    ]
