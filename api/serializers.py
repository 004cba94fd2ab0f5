"""Fields shared by every content type's serializers."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


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
