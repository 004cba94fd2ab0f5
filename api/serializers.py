"""Fields shared by every content type's serializers."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from editorial import translations


@extend_schema_field(OpenApiTypes.URI)
class PublicUrlField(serializers.Field):
    """The absolute address of the object's public page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The absolute address of the object's detail in the API, by slug."""

    def __init__(self, basename, **kwargs):
        super().__init__(view_name=f"api:{basename}-detail", lookup_field="slug", **kwargs)


class TranslationSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="The version's content language.")
    url = serializers.URLField(help_text="Its public page.")
    api_url = serializers.URLField(help_text="Its detail in the API.")


@extend_schema_field(TranslationSerializer(many=True))
class TranslationsField(serializers.Field):
    """The item's other public language versions (never a draft), in the languages' order.

    A list reads them for its whole page in one query (``TranslatedListSerializer``); a detail
    reads its own.
    """

    def __init__(self, basename, **kwargs):
        self.basename = basename
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, item):
        known = self.context.get("translations")
        if known is None or item.pk not in known:
            known = translations.public_translations(type(item), [item])
        request = self.context["request"]
        return [
            {
                "language": version.language,
                "url": request.build_absolute_uri(translations.home_url(version)),
                "api_url": request.build_absolute_uri(
                    reverse(f"api:{self.basename}-detail", kwargs={"slug": version.slug})
                ),
            }
            for version in known[item.pk]
        ]


class TranslatedListSerializer(serializers.ListSerializer):
    """A page of items with the ``translations`` of all of them read in one query."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        if items:
            self.child.context["translations"] = translations.public_translations(
                type(items[0]), items
            )
        return super().to_representation(items)
