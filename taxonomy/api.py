"""The vocabularies in the read API: ``/api/v1/fields-of-work/``, ``countries/``,
``structures/``, ``places/``, ``meeting-types/`` (and ``.../<slug>/``), in tree order.

Each term carries its ``parent``, ``path`` (slugs from the root) and ``children`` (ids), taken
from one read of the whole tree's outline per request, so a page costs the same however deep
the tree is, and its ``aliases`` and ``former_names``; ``?name=`` finds a term by any of its
names (``Term.objects.named``: "ODIHR", a former name). Structures add their opening and
closing dates.
"""

import django_filters
from rest_framework import serializers

from api.registry import register
from api.serializers import ApiUrlField, PublicUrlField
from api.views import PublicReadViewSet

from .models import Country, DocumentType, FieldOfWork, MeetingType, Place, Structure


class TreeOutline:
    """Every node's parent and slug, read once: paths and children without a query per node."""

    def __init__(self, model):
        self.parent = {}
        self.slug = {}
        self.children = {}
        for pk, parent, slug in model.objects.order_by("tree_id", "lft").values_list(
            "pk", "parent_id", "slug"
        ):
            self.parent[pk], self.slug[pk] = parent, slug
            self.children.setdefault(parent, []).append(pk)

    def path(self, pk):
        slugs = []
        while pk is not None:
            slugs.append(self.slug[pk])
            pk = self.parent[pk]
        return "/".join(reversed(slugs))


class TermFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        method="named",
        max_length=200,
        help_text="A name, public name, short name or acronym (e.g. ODIHR), or a former name.",
    )

    def named(self, queryset, name, value):
        return queryset.named(value)


class TermSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The term's public page.")
    path = serializers.SerializerMethodField(help_text="Slugs from the root, joined by “/”.")
    children = serializers.SerializerMethodField(help_text="Ids of the children, in order.")
    aliases = serializers.ListField(
        source="alias_list", child=serializers.CharField(), help_text="Short names, acronyms."
    )
    former_names = serializers.ListField(
        source="former_name_list", child=serializers.CharField(), help_text="Oldest first."
    )

    class Meta:
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "url",
            "api_url",
            "parent",
            "path",
            "children",
            "level",
            "aliases",
            "former_names",
        ]

    def get_path(self, term) -> str:
        return self.context["outline"].path(term.pk)

    def get_children(self, term) -> list[int]:
        return self.context["outline"].children.get(term.pk, [])


def term_serializer(model, basename, extra=()):
    meta = type(
        "Meta",
        (TermSerializer.Meta,),
        {"model": model, "fields": [*TermSerializer.Meta.fields, *extra]},
    )
    return type(
        f"{model.__name__}Serializer",
        (TermSerializer,),
        {"Meta": meta, "api_url": ApiUrlField(basename)},
    )


class TermViewSet(PublicReadViewSet):
    keyset = ("tree_id", "lft")
    model = None

    def get_queryset(self):
        return self.model.objects.all()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["outline"] = TreeOutline(self.model)
        return context


VOCABULARIES = [
    ("fields-of-work", FieldOfWork, "field-of-work", ()),
    ("countries", Country, "country", ("iso_code",)),
    ("structures", Structure, "structure", ("public_name", "opened_on", "closed_on")),
    ("places", Place, "place", ("country",)),
    ("meeting-types", MeetingType, "meeting-type", ()),
    ("document-types", DocumentType, "document-type", ()),
]

for prefix, model, basename, extra in VOCABULARIES:
    viewset = type(
        f"{model.__name__}ViewSet",
        (TermViewSet,),
        {
            "model": model,
            "serializer_class": term_serializer(model, basename, extra),
            "filterset_class": type(
                f"{model.__name__}Filter",
                (TermFilter,),
                {"Meta": type("Meta", (), {"model": model, "fields": []})},
            ),
            "__doc__": f"{model._meta.verbose_name_plural.capitalize()}, in tree order.",
        },
    )
    register(prefix, viewset, basename=basename)
