"""Filters of every public listing of editorial content, and the facet counts beside them.

Tree filters take slugs, several at a time, and match each node's whole subtree (through one
relation or several: a release's lead issuer and its co-issuers). Choice filters take plain
values several at a time (``ChoiceListFilter``: a release's kind, a document's file languages or
years), with chips like a tree's. An unknown slug or value, or a malformed one, is reported on
the form and ignored; the other filters still apply. A listing subclasses ``FacetedFilterSet``,
declares its filters and names its trees in ``TREE_FILTERS``; the facets count the model's
listed items, for every tree and every choice filter of an enumeration; a listing adds facets
of other values itself (``facet``).

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

    The filterset's ``TREE_FILTERS`` are resolved here (``trees``, set by the filterset); a
    choice list filter has a ``clean_<name>``: ``return self._choices(name, {value: label})``.
    """

    trees = {}
    request = None  # the filterset's (its content generation is read once)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = []

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            for code in getattr(field, "unknown", []):
                self._ignored(name, code)
        for name, model in self.trees.items():
            cleaned[name] = self._nodes(name, model)
        return cleaned

    def _nodes(self, name, model):
        slugs = self.cleaned_data.get(name) or []
        if not slugs:
            return []
        nodes = memoize_for_generation(  # the same for every request naming these slugs
            "facet-nodes",
            (model._meta.label_lower, tuple(sorted(slugs)), translation.get_language()),
            lambda: list(
                model.objects.filter(slug__in=slugs).only("slug", "name", "tree_id", "lft", "rght")
            ),
            request=self.request,
        )
        known = {node.slug for node in nodes}
        for slug in slugs:
            if slug not in known:
                self._ignored(name, slug)
        return sorted(nodes, key=lambda node: slugs.index(node.slug))

    def _choices(self, name, known):
        """The asked-for values among ``known`` ({value: label}), shaped like nodes (chips)."""
        chosen = []
        for value in self.cleaned_data.get(name) or []:
            if value in known:
                chosen.append(FacetNode(value, str(known[value]), "", 0))
            else:
                self._ignored(name, value)
        return chosen

    def _ignored(self, name, value):
        self.notices.append(
            _("Unknown %(filter)s “%(value)s” was ignored.")
            % {"filter": self.fields[name].label, "value": value[:100]}
        )


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


# In the API's schema: values, repeatable (?year=2024&year=2025); an enumeration's list them.
@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ChoiceListFilter(django_filters.Filter):
    """Items with any of the chosen plain values (``?kind=a&kind=b``): those meeting
    ``condition``, a function of the chosen values that returns a ``Q``; without one, those
    whose field has one of them.

    A subclass of an enumeration names it in ``choices`` (and, for the API's schema, its values):
    the listing then has its facet. The form's ``clean_<name>`` returns
    ``self._choices(name, {value: label})``.
    """

    field_class = SlugListField
    choices = None  # a TextChoices

    def __init__(self, condition=None, **kwargs):
        self.condition = condition
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        values = [choice.slug for choice in value]
        if self.condition is None:
            return qs.filter(**{f"{self.field_name}__in": values})
        return qs.filter(self.condition(values))


class WordsFilter(django_filters.CharFilter):
    """The listing's search box (``?q=``): the items the model's ``search`` finds."""

    def __init__(self, max_length, **kwargs):
        kwargs.setdefault("label", _("words"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(max_length=max_length, **kwargs)

    def filter(self, qs, value):
        return qs.search(value) if value else qs


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
            if isinstance(field, ChoiceListFilter) and field.choices is not None
        }

    def get_form_class(self):
        """The Meta's form (a ``FacetForm``) with this filterset's trees to resolve. Made once
        per filterset class: its filters, hence its fields, are the class's own (django-filter
        builds the class, and every filter's field, anew for each filterset)."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            form = super().get_form_class()
            cls._form_class = type(form.__name__, (form,), {"trees": self.TREE_FILTERS})
        return cls._form_class

    @property
    def form(self):
        form = super().form
        form.request = self.request
        return form

    def _is_choice_list(self, name):
        return isinstance(self.filters[name], ChoiceListFilter)

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
            elif self._is_choice_list(name):
                for choice in value:
                    chips.append(
                        {"label": choice.name, "remove": self.query_without(name, choice.slug)}
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
            if value and (name in self.TREE_FILTERS or self._is_choice_list(name)):
                parts.append((name, tuple(sorted(node.slug for node in value))))
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

    def facet_items(self, name):
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
            nodes = subtree_counts(model, self.filters[name].relation, self.facet_items(name))
            counted = [
                (FacetNode(node.slug, *shown_with_lang(node, "name"), node.level), node.item_count)
                for node in nodes
            ]
            facets.append(self.facet(name, counted))
        return facets

    def facet(self, name, counted):
        """``name``'s facet from ``counted``: (``FacetNode``, count) per value."""
        selected = {getattr(value, "slug", value) for value in self.cleaned.get(name) or []}
        items = [
            {"node": node, "count": count, "selected": node.slug in selected}
            for node, count in counted
        ]
        # A plain string: a lazy label read back from the facets' cache builds a proxy class.
        return {"name": name, "label": str(self.filters[name].label), "items": items}

    def _choice_facet(self, name, choices):
        """Every value with matching items, in the enumeration's order (one query)."""
        field = self.filters[name].field_name
        counts = dict(
            self.facet_items(name)
            .order_by()
            .values_list(field)
            .annotate(total=Count("id"))
            .values_list(field, "total")
        )
        counted = [
            (FacetNode(choice.value, str(choice.label), "", 0), counts[choice.value])
            for choice in choices
            if counts.get(choice.value)
        ]
        return self.facet(name, counted)

    def _language_facet(self, name):
        """Each content language with items matching the other filters, and their total."""
        items = self.facet_items(name)
        counts = dict(items.order_by().values_list("language").annotate(total=Count("id")))
        counted = [
            # A language as a facet shows it: its code, its own name, no level.
            (FacetNode(code, local_name(code), code, 0), counts[code])
            for code in translations.content_languages()
            if counts.get(code)
        ]
        return {
            **self.facet(name, counted),
            "total": sum(counts.values()),
            "all": self.cleaned.get(name) == [ALL_LANGUAGES],
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
