"""An item's tags read with its own row, not by a query of their own.

The ids of a many-to-many relation's terms come as one column of the item's row (``"3,17"``,
a subquery on the through table: ``tag_ids``); the vocabulary's terms, as a page shows them,
are kept per content generation and language (``terms``: the vocabularies are public models,
any change to them advances the generation). The read API's plain lists and the release page
read their tags this way; an item loaded without the column (a preview's) reads its relation.
"""

import functools
from typing import NamedTuple

from django.db.models import CharField, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language

from osce_cms.caching import memoize_for_generation
from osce_cms.translated import fallback_lang


@functools.cache
def tag_ids(model_field):
    """The subquery of an item's term ids through the many-to-many ``model_field``, joined by
    commas (built once; annotating resolves a copy)."""
    source = model_field.m2m_field_name()
    target = model_field.m2m_reverse_field_name()
    ids = (
        model_field.remote_field.through.objects.filter(**{source: OuterRef("pk")})
        .order_by()
        .values(source)
        .annotate(ids=StringAgg(Cast(target, CharField()), Value(",")))
        .values("ids")
    )
    return Subquery(ids)


def parse_ids(text):
    return [int(pk) for pk in text.split(",")] if text else []


def column(name):
    """The row's column of the ids of relation ``name``."""
    return f"{name}_tag_ids"


def with_tag_ids(queryset, *names):
    """``queryset`` with the ids of each relation in ``names`` in its rows."""
    meta = queryset.model._meta
    return queryset.annotate(**{column(name): tag_ids(meta.get_field(name)) for name in names})


class Tag(NamedTuple):
    """A term as a page links to it: ``lang`` is the name's language when it is the default's
    for want of a translation. (A tuple: the vocabulary's memo is read back on every page, and
    unpickles a tuple several times faster than a dataclass.)"""

    pk: int
    slug: str
    name: str
    lang: str
    url: str


def tag(node):
    return Tag(node.pk, node.slug, node.name, fallback_lang(node, "name"), node.get_absolute_url())


def terms(model, request=None):
    """``{pk: (position in the tree's order, Tag)}`` of every term of ``model``."""
    return memoize_for_generation(
        "tag-terms",
        (model._meta.label_lower, get_language()),
        lambda: {
            node.pk: (position, tag(node)) for position, node in enumerate(model.objects.all())
        },
        request=request,
    )


def tags_of(item, name, request=None):
    """The ``Tag`` of each term of ``item``'s relation ``name``, in the tree's order."""
    model = item._meta.get_field(name).related_model
    if hasattr(item, column(name)):
        known = terms(model, request)
        found = [known[pk] for pk in parse_ids(getattr(item, column(name))) if pk in known]
        return [tag for _position, tag in sorted(found)]
    return [tag(node) for node in getattr(item, name).all()]
