"""Filters of every public listing of editorial content, and the facet counts beside them.

Tree filters take slugs, several at a time, and match each node's whole subtree (through one
relation or several: a release's lead issuer and its co-issuers). Choice filters take values
of an enumeration (a release's kind). An unknown slug or value, or a malformed one, is reported
on the form and ignored; the other filters still apply. A listing subclasses
``FacetedFilterSet``, declares its filters and names its trees in ``TREE_FILTERS``; the facets
count the model's listed items, for every tree and every choice filter.

A listing that declares a ``LanguageFilter`` (``language``) gets a Languages facet: each content
language with its count, and "All languages". Given a ``default_language`` (the newsroom in a
language passes its own), it lists that language's items unless others are asked for
(``?language=de&language=fr``, or ``?language=all``).
"""

from datetime import date, datetime, time
from typing import NamedTuple

import django_filters
from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from editorial import translations
from editorial.translations import local_name
from osce_cms.caching import memoize_for_generation
from osce_cms.translated import localized_fields, shown
from taxonomy import subtrees

# Asked-for dates are clamped to these: the ends of Python's date range overflow in a time zone.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def start_of_day(day):
    day = min(max(day, EARLIEST_DAY), LATEST_DAY)
    return timezone.make_aware(datetime.combine(day, time.min))


class SlugListField(forms.Field):
    """Several slugs from the query string (``?country=a&country=b``), kept as a list."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return list(dict.fromkeys(str(item).strip() for item in values if str(item).strip()))[:20]


ALL_LANGUAGES = "all"


class LanguageListField(SlugListField):
    """Content language codes (or ``all``); unknown ones are left out (the form names them)."""

    def clean(self, value):
        asked = self.to_python(value)
        if ALL_LANGUAGES in asked:
            return [ALL_LANGUAGES]
        known = translations.content_languages()
        self.unknown = [code for code in asked if code not in known]
        return [code for code in asked if code in known]


class FacetForm(forms.Form):
    """Resolves slugs to tree nodes; unknown slugs become notices rather than errors.

    A subclass has a ``clean_<name>`` per tree filter: ``return self._nodes(name, model)``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = []

    def clean(self):
        cleaned = super().clean()
        for field in self.fields.values():
            for code in getattr(field, "unknown", []):
                self.notices.append(
                    _("Unknown %(filter)s “%(value)s” was ignored.")
                    % {"filter": field.label, "value": code[:100]}
                )
        return cleaned

    def _nodes(self, name, model):
        slugs = self.cleaned_data.get(name) or []
        if not slugs:
            return []
        nodes = list(
            model.objects.filter(slug__in=slugs).only("slug", "name", "tree_id", "lft", "rght")
        )
        known = {node.slug for node in nodes}
        for slug in slugs:
            if slug not in known:
                self.notices.append(
                    _("Unknown %(filter)s “%(value)s” was ignored.")
                    % {"filter": self.fields[name].label, "value": slug[:100]}
                )
        return sorted(nodes, key=lambda node: slugs.index(node.slug))

    def _choices(self, name, choices):
        """The asked-for values of the enumeration ``choices``; unknown ones become notices."""
        values = self.cleaned_data.get(name) or []
        for value in values:
            if value not in choices.values:
                self.notices.append(
                    _("Unknown %(filter)s “%(value)s” was ignored.")
                    % {"filter": self.fields[name].label, "value": value[:100]}
                )
        return [choices(value) for value in values if value in choices.values]


# In the API's schema: slugs, repeatable (?country=a&country=b).
@extend_schema_field({"type": "array", "items": {"type": "string", "format": "slug"}})
class SubtreeFilter(django_filters.Filter):
    """Items tagged with any of the chosen nodes or their descendants (through ``relation``:
    one relation or a tuple of them)."""

    field_class = SlugListField

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.in_subtree(self.relation, value)


class ChoiceListFilter(django_filters.Filter):
    """Items with any of the chosen values of the enumeration ``choices`` (``?kind=a&kind=b``).

    A subclass names the enumeration (and, for the API's schema, its values); the form's
    ``clean_<name>`` returns ``self._choices(name, choices)``.
    """

    field_class = SlugListField
    choices = None  # a TextChoices

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__in": value}) if value else qs


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LanguageFilter(django_filters.Filter):
    """Items in any of the chosen content languages; ``all`` (or nothing) filters nothing."""

    field_class = LanguageListField

    def filter(self, qs, value):
        if not value or value == [ALL_LANGUAGES]:
            return qs
        return qs.filter(language__in=value)


class FacetedFilterSet(django_filters.FilterSet):
    """Tree and choice filters, chips, feed queries and memoized facet counts."""

    TREE_FILTERS = {}
    memo_name = "facets"

    @classmethod
    def choice_filters(cls):
        """Name -> enumeration of the listing's choice filters."""
        return {
            name: field.choices
            for name, field in cls.base_filters.items()
            if isinstance(field, ChoiceListFilter)
        }

    def __init__(self, data=None, *args, default_language=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The listing's own language, applied while no (known) language is asked for.
        self.default_language = default_language if self._language_filter() else None

    def _language_filter(self):
        return next(
            (name for name, spec in self.filters.items() if isinstance(spec, LanguageFilter)),
            None,
        )

    @property
    def qs(self):
        # Filtered even without a query string: the default language applies then too.
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    @property
    def language_defaulted(self):
        """Is the list the page's language alone, because nothing else (known) was asked?"""
        if not self.default_language:
            return False
        if self.is_bound:
            self.is_valid()
            asked = self.form.cleaned_data.get(self._language_filter())
            return asked in (None, [], [self.default_language])
        return True

    @property
    def cleaned(self):
        """The usable values (invalid ones dropped), the default language included."""
        values = {}
        if self.is_bound:
            self.is_valid()
            values = dict(self.form.cleaned_data)
        if self.language_defaulted:
            values[self._language_filter()] = [self.default_language]
        return values

    def with_all_languages(self):
        """This list's query string in every language (the "include other languages" link)."""
        data = self.data.copy() if self.data else QueryDict(mutable=True)
        data.pop("page", None)
        data.setlist(self._language_filter(), [ALL_LANGUAGES])
        return data.urlencode()

    def filter_queryset(self, queryset, exclude=None):
        for name, value in self.cleaned.items():
            if name != exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active(self):
        """The applied filters, each with the query string that removes it (for the chips)."""
        chips = []
        for name, value in self.cleaned.items():
            if not value:
                continue
            if name in self.TREE_FILTERS:
                for node in value:
                    chips.append(
                        {
                            "label": shown(node, "name"),
                            "remove": self.query_without(name, node.slug),
                        }
                    )
            elif name in self.choice_filters():
                for choice in value:
                    chips.append(
                        {"label": choice.label, "remove": self.query_without(name, choice.value)}
                    )
            elif isinstance(self.filters[name], LanguageFilter):
                if self.language_defaulted or value == [ALL_LANGUAGES]:
                    continue  # the page's own language (the facet shows it), or no limit
                for code in value:
                    label = f"{capfirst(self.filters[name].label)}: {local_name(code)}"
                    chips.append({"label": label, "remove": self.query_without(name, code)})
            else:
                text = date_format(value) if isinstance(value, date) else value
                label = f"{capfirst(self.filters[name].label)}: {text}"
                chips.append({"label": label, "remove": self.query_without(name)})
        return chips

    def query_without(self, name, value=None):
        """This page's query string without ``name`` (or one of its values), back on page 1."""
        data = self.data.copy()
        data.pop("page", None)
        if value is None:
            data.pop(name, None)
        else:
            data.setlist(name, [item for item in data.getlist(name) if item != value])
        for key in list(data):  # an empty field of the form asks for nothing: leave it out
            data.setlist(key, [item for item in data.getlist(key) if item.strip()])
            if not data.getlist(key):
                del data[key]
        return data.urlencode()

    @property
    def feed_query(self):
        return self.query_without("page") if self.data else ""

    def memo_parts(self):
        """The asked-for filters, normalised: the same parts mean the same facets and count."""
        parts = [translation.get_language()]
        for name, value in sorted(self.cleaned.items()):
            if value and name in self.TREE_FILTERS:
                parts.append((name, tuple(sorted(node.slug for node in value))))
            elif value and name in self.choice_filters():
                parts.append((name, tuple(sorted(choice.value for choice in value))))
            elif value and isinstance(self.filters[name], LanguageFilter):
                parts.append((name, tuple(sorted(value))))
            elif value:
                parts.append((name, str(value)))
        return tuple(parts)

    def facets(self):
        """Per tree: every node with at least one matching item in its subtree.

        Counts follow the other filters (not the tree's own, so choosing a second value shows
        what it adds) and count each item once per node, however many of the node's
        descendants it is tagged with. One query per tree, remembered until the content next
        changes (``memoize_for_generation``): the counts are the same for every visitor.
        Labels are kept as plain strings (the memo is per language): a lazy one would build a
        proxy class each time it is read back from the cache.
        """
        return memoize_for_generation(
            self.memo_name, self.memo_parts(), self._facets, request=self.request
        )

    def _items_for_facet(self, name):
        """The listed items the other filters match (a facet's counts ignore its own)."""
        items = self._meta.model.objects.listed()
        if any(value for other, value in self.cleaned.items() if other != name):
            items = self.filter_queryset(items, exclude=name)
        return items

    def _facets(self):
        language = self._language_filter()
        facets = [self._language_facet(language)] if language else []
        facets += [
            self._choice_facet(name, choices) for name, choices in self.choice_filters().items()
        ]
        for name, model in self.TREE_FILTERS.items():
            items = self._items_for_facet(name)
            selected = {node.slug for node in self.cleaned.get(name) or []}
            items = [
                {
                    "node": FacetNode(node.slug, *shown_with_lang(node, "name"), node.level),
                    "count": node.item_count,
                    "selected": node.slug in selected,
                }
                for node in subtree_counts(model, self.filters[name].relation, items)
            ]
            facets.append({"name": name, "label": str(self.filters[name].label), "items": items})
        return facets

    def _choice_facet(self, name, choices):
        """Every value with matching items, in the enumeration's order (one query)."""
        field = self.filters[name].field_name
        counts = dict(
            self._items_for_facet(name)
            .order_by()
            .values_list(field)
            .annotate(total=Count("id"))
            .values_list(field, "total")
        )
        selected = set(self.cleaned.get(name) or [])
        items = [
            {
                "node": FacetNode(choice.value, str(choice.label), "", 0),
                "count": counts[choice.value],
                "selected": choice in selected,
            }
            for choice in choices
            if counts.get(choice.value)
        ]
        return {"name": name, "label": str(self.filters[name].label), "items": items}

    def _language_facet(self, name):
        """Each content language with items matching the other filters, and their total."""
        items = self._items_for_facet(name)
        counts = dict(items.order_by().values_list("language").annotate(total=Count("id")))
        selected = set(self.cleaned.get(name) or [])
        return {
            "name": name,
            "label": str(self.filters[name].label),
            "items": [
                {
                    # A language as a facet shows it: its code, its own name, no level.
                    "node": FacetNode(code, local_name(code), code, 0),
                    "count": counts[code],
                    "selected": code in selected,
                }
                for code in translations.content_languages()
                if counts.get(code)
            ],
            "total": sum(counts.values()),
            "all": selected == {ALL_LANGUAGES},
            "languages": True,
        }


class FacetNode(NamedTuple):
    """What a facet shows of a node: a plain tuple, quick to read back from the cache. ``lang``
    is the language of ``name`` when it is not the page's (English, for want of a translation).
    """

    slug: str
    name: str
    lang: str
    level: int

    def __str__(self):
        return self.name


def shown_names():
    """The name columns a facet reads: the page's language and English, its fallback."""
    return localized_fields("name", [translation.get_language(), settings.LANGUAGE_CODE])


def shown_with_lang(node, field):
    text = shown(node, field)
    return str(text), text.lang


def subtree_counts(model, relations, items):
    """The nodes of ``model`` with ``item_count``: items tagged in each node's subtree through
    ``relations`` (one relation, or several: a release issued jointly counts once for each
    issuer, and once for a node above two of them)."""
    if not isinstance(relations, str):
        return _pair_subtree_counts(model, relations, items)
    field = items.model._meta.get_field(relations)
    if field.many_to_many:
        return _pair_subtree_counts(model, [relations], items)
    # An item has one node of such a tree: a node's count is the sum over its subtree.
    direct = dict(
        items.order_by()
        .values_list(relations)
        .annotate(total=Count("id"))
        .values_list(relations, "total")
    )
    if not direct:
        return []
    nodes = list(model.objects.only("slug", *shown_names(), "level", "tree_id", "lft", "rght"))
    counted = []
    for node in nodes:
        node.item_count = sum(
            direct.get(other.pk, 0) for other in nodes if subtrees.contains(node, other)
        )
        if node.item_count:
            counted.append(node)
    return counted


def _tag_pairs_sql(item_model, relation, ids_sql):
    """SQL of the (item_id, node_id) pairs of ``relation`` for the items ``ids_sql``."""
    quote = connection.ops.quote_name
    name, _sep, rest = relation.partition("__")
    field = item_model._meta.get_field(name)
    if field.many_to_many:
        table = field.remote_field.through._meta.db_table
        item_column, node_column = field.m2m_column_name(), field.m2m_reverse_name()
    elif field.one_to_many:  # child rows, e.g. co_issuers__structure
        child = field.related_model._meta
        table = child.db_table
        item_column, node_column = field.field.column, child.get_field(rest).column
    else:
        table = item_model._meta.db_table
        item_column, node_column = item_model._meta.pk.column, field.column
    return (
        f"SELECT t.{quote(item_column)} AS item_id, t.{quote(node_column)} AS node_id "
        f"FROM {quote(table)} t WHERE t.{quote(item_column)} IN ({ids_sql}) "
        f"AND t.{quote(node_column)} IS NOT NULL"
    )


def _pair_subtree_counts(model, relations, items):
    """One query. The (item, node) pairs of every relation, without repeats: a node without
    children counts its pairs (one per item, so no DISTINCT is needed); only the few nodes
    with children count distinct items over the pairs of their subtree (an item tagged with two
    members of a group counts once). The items are a semi-join on ``items``' own query, which
    PostgreSQL hashes.
    """
    quote = connection.ops.quote_name
    nodes = quote(model._meta.db_table)
    ids_sql, ids_params = items.order_by().values("id").query.sql_with_params()
    # UNION (not UNION ALL): an item with the same node through two relations is one pair.
    pairs = " UNION ".join(_tag_pairs_sql(items.model, relation, ids_sql) for relation in relations)
    params = tuple(ids_params) * len(relations)
    names = ", ".join(f"n.{quote(name)}" for name in shown_names())
    sql = (
        f"WITH tagged AS ({pairs}), "
        f"counts AS ("
        f"SELECT node_id, COUNT(*) AS total FROM tagged GROUP BY node_id "
        f"UNION ALL "
        f"SELECT a.id, COUNT(DISTINCT tagged.item_id) FROM {nodes} a "
        f"JOIN {nodes} d ON d.tree_id = a.tree_id AND d.lft BETWEEN a.lft AND a.rght "
        f"JOIN tagged ON tagged.node_id = d.id "
        f"WHERE a.rght - a.lft > 1 GROUP BY a.id) "
        # A node with children has both counts; its subtree's is never the smaller.
        f"SELECT n.id, n.slug, {names}, n.level, n.tree_id, n.lft, n.rght, "
        f"MAX(counts.total) AS item_count "
        f"FROM counts JOIN {nodes} n ON n.id = counts.node_id "
        f"GROUP BY n.id, n.slug, {names}, n.level, n.tree_id, n.lft, n.rght "
        f"ORDER BY n.tree_id, n.lft"
    )
    return list(model.objects.raw(sql, params))
