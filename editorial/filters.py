"""Filters of every public listing of editorial content, and the facet counts beside them.

Tree filters take slugs, several at a time, and match each node's whole subtree. An unknown
slug or a malformed value is reported on the form and ignored; the other filters still apply.
A listing subclasses ``FacetedFilterSet``, declares its filters and names its trees in
``TREE_FILTERS``; the facets count the model's listed items. A filter of plain values taken
several at a time (``ChoiceListFilter``: languages, years) has chips like a tree's, and a facet
when the listing adds one (``facet``).
"""

from datetime import date, datetime, time
from typing import NamedTuple

import django_filters
from django import forms
from django.db import connection
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from osce_cms.caching import memoize_for_generation
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


class FacetForm(forms.Form):
    """Resolves slugs to tree nodes; unknown slugs become notices rather than errors.

    The filterset's ``TREE_FILTERS`` are resolved here (``trees``, set by the filterset); a
    choice list filter has a ``clean_<name>``: ``return self._choices(name, {value: label})``.
    """

    trees = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = []

    def clean(self):
        cleaned = super().clean()
        for name, model in self.trees.items():
            cleaned[name] = self._nodes(name, model)
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
                self._ignored(name, slug)
        return sorted(nodes, key=lambda node: slugs.index(node.slug))

    def _choices(self, name, known):
        """The asked-for values among ``known`` ({value: label}), shaped like nodes (chips)."""
        chosen = []
        for value in self.cleaned_data.get(name) or []:
            if value in known:
                chosen.append(FacetNode(value, str(known[value]), 0))
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
    """Items tagged with any of the chosen nodes or their descendants."""

    field_class = SlugListField

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.in_subtree(self.relation, value)


class ChoiceListFilter(SubtreeFilter):
    """Several plain values (``?language=fr&language=de``): items meeting ``condition``, a
    function of the chosen values that returns a ``Q``."""

    def __init__(self, condition, **kwargs):
        self.condition = condition
        super().__init__(relation=None, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.condition([choice.slug for choice in value]))


class WordsFilter(django_filters.CharFilter):
    """The listing's search box (``?q=``): the items the model's ``search`` finds."""

    def __init__(self, max_length, **kwargs):
        kwargs.setdefault("label", _("words"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(max_length=max_length, **kwargs)

    def filter(self, qs, value):
        return qs.search(value) if value else qs


class FacetedFilterSet(django_filters.FilterSet):
    """Tree filters with subtree semantics, chips, feed queries and memoized facet counts."""

    TREE_FILTERS = {}
    memo_name = "facets"

    def get_form_class(self):
        """The Meta's form (a ``FacetForm``) with this filterset's trees to resolve."""
        form = super().get_form_class()
        form.trees = self.TREE_FILTERS
        return form

    @property
    def cleaned(self):
        """The usable values (invalid ones dropped); empty when nothing was asked for."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.form.cleaned_data

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
            if isinstance(value, list):  # tree nodes, or choices shaped like them
                for node in value:
                    chips.append(
                        {"label": str(node), "remove": self.query_without(name, node.slug)}
                    )
            else:
                shown = date_format(value) if isinstance(value, date) else value
                label = f"{capfirst(self.filters[name].label)}: {shown}"
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
            if value and isinstance(value, list):
                parts.append((name, tuple(sorted(node.slug for node in value))))
            elif value:
                parts.append((name, str(value)))
        return tuple(parts)

    def facets(self):
        """Per tree: every node with at least one matching item in its subtree.

        Counts follow the other filters (not the tree's own, so choosing a second value shows
        what it adds) and count each item once per node, however many of the node's
        descendants it is tagged with. One query per tree, remembered until the content next
        changes (``memoize_for_generation``): the counts are the same for every visitor.
        """
        return memoize_for_generation(
            self.memo_name, self.memo_parts(), self._facets, request=self.request
        )

    def _facets(self):
        """One facet per tree; a listing with choice list facets extends this."""
        facets = []
        for name, model in self.TREE_FILTERS.items():
            nodes = subtree_counts(model, self.filters[name].relation, self.facet_items(name))
            counted = [(node.slug, node.name, node.level, node.item_count) for node in nodes]
            facets.append(self.facet(name, counted))
        return facets

    def facet_items(self, name):
        """The listed items that ``name``'s facet counts: those of the other filters."""
        items = self._meta.model.objects.listed()
        if any(value for other, value in self.cleaned.items() if other != name):
            items = self.filter_queryset(items, exclude=name)
        return items

    def facet(self, name, counted):
        """``name``'s facet from ``counted``: (value, label, level, count) per value."""
        selected = {node.slug for node in self.cleaned.get(name) or []}
        items = [
            {
                "node": FacetNode(value, label, level),
                "count": count,
                "selected": value in selected,
            }
            for value, label, level, count in counted
        ]
        return {"name": name, "label": self.filters[name].label, "items": items}


class FacetNode(NamedTuple):
    """What a facet shows of a node: a plain tuple, quick to read back from the cache."""

    slug: str
    name: str
    level: int

    def __str__(self):
        return self.name


def subtree_counts(model, relation, items):
    """The nodes of ``model`` with ``item_count``: items tagged in each node's subtree."""
    field = items.model._meta.get_field(relation)
    if field.many_to_many:
        return _m2m_subtree_counts(model, field, items)
    # An item has one node of such a tree: a node's count is the sum over its subtree.
    direct = dict(
        items.order_by()
        .values_list(relation)
        .annotate(total=Count("id"))
        .values_list(relation, "total")
    )
    if not direct:
        return []
    nodes = list(model.objects.only("slug", "name", "level", "tree_id", "lft", "rght"))
    counted = []
    for node in nodes:
        node.item_count = sum(
            direct.get(other.pk, 0) for other in nodes if subtrees.contains(node, other)
        )
        if node.item_count:
            counted.append(node)
    return counted


def _m2m_subtree_counts(model, field, items):
    """One query. A node without children counts its tag rows (one per release and node, so
    no DISTINCT is needed); only the few nodes with children count distinct items over the
    tag rows of their subtree (an item tagged with two members of a group counts once). The
    items are a semi-join on ``items``' own query, which PostgreSQL hashes.
    """
    quote = connection.ops.quote_name
    tags = quote(field.remote_field.through._meta.db_table)
    item_column = quote(field.m2m_column_name())
    node_column = quote(field.m2m_reverse_name())
    nodes = quote(model._meta.db_table)
    ids_sql, params = items.order_by().values("id").query.sql_with_params()
    sql = (
        f"WITH tagged AS ("
        f"SELECT t.{item_column} AS item_id, t.{node_column} AS node_id FROM {tags} t "
        f"WHERE t.{item_column} IN ({ids_sql})), "
        f"counts AS ("
        f"SELECT node_id, COUNT(*) AS total FROM tagged GROUP BY node_id "
        f"UNION ALL "
        f"SELECT a.id, COUNT(DISTINCT tagged.item_id) FROM {nodes} a "
        f"JOIN {nodes} d ON d.tree_id = a.tree_id AND d.lft BETWEEN a.lft AND a.rght "
        f"JOIN tagged ON tagged.node_id = d.id "
        f"WHERE a.rght - a.lft > 1 GROUP BY a.id) "
        # A node with children has both counts; its subtree's is never the smaller.
        f"SELECT n.id, n.slug, n.name, n.level, n.tree_id, n.lft, n.rght, "
        f"MAX(counts.total) AS item_count "
        f"FROM counts JOIN {nodes} n ON n.id = counts.node_id "
        f"GROUP BY n.id, n.slug, n.name, n.level, n.tree_id, n.lft, n.rght "
        f"ORDER BY n.tree_id, n.lft"
    )
    return list(model.objects.raw(sql, params))
