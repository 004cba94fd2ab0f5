"""The checkboxes of a listing's facets (``includes/filter_facets.html``), written from plain data.

A newsroom shows about 180 of them. Rendered by the template engine, each cost a dozen variable
and tag nodes (its id twice, its count through ``intcomma``, its label's language), which made the
facets the most expensive part of an uncached newsroom page; written here from the facet's plain
tuples (``editorial.filters.FacetNode``) they cost a few microseconds each. The markup is the
same as the template's was: the same ids, names, values, labels and ``lang`` attributes.

``{% filter_facets %}`` renders the include once per content generation, language, filter state
and set of facets asked for by name (those are open): the same for every visitor, it is kept
with the facets' counts (``memoize_for_generation``).
"""

from html import escape  # Django's, without its lazy-text wrapper: same output for str

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import render_to_string
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from osce_cms.caching import memoize_for_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_facets(context):
    """``{% filter_facets %}``: the listing's facets (``context["facets"]`` of its filterset
    ``context["filter"]``, read only when their HTML is not kept yet) as
    ``includes/filter_facets.html`` writes them."""
    filterset, request = context["filter"], context["request"]
    opened = tuple(sorted(name for name in filterset.filters if name in request.GET))
    html = memoize_for_generation(
        f"{filterset.memo_name}-html",
        (filterset.memo_parts(), opened),
        lambda: str(
            render_to_string(
                "includes/filter_facets.html", {"facets": context["facets"], "opened": opened}
            )
        ),
        request=request,
    )
    return mark_safe(html)  # the include's output, escaped by it


def count_formatter():
    """``intcomma`` for this language, as a plain function (grouping by three done directly)."""
    separator = get_format("THOUSAND_SEPARATOR")
    if get_format("NUMBER_GROUPING") != 3:
        return intcomma
    return lambda number: f"{number:,}".replace(",", separator)


def checkbox(name, value, label, count, checked=False, extra="", item_class="facet__item"):
    """One ``<li>``: the checkbox, and its label holding ``label`` (already HTML) and the count."""
    box_id = escape(f"facet-{name}-{value}")
    return (
        f'<li class="{item_class}"><input type="checkbox" name="{escape(name)}" '
        f'value="{escape(value)}" id="{box_id}"{" checked" if checked else ""}{extra}>'
        f'<label for="{box_id}">{label} <span class="facet__count">({count})</span></label></li>'
    )


def _label(node):
    """The node's name, in a ``<span lang>`` when shown in English for want of a translation."""
    if node.lang:
        return f'<span lang="{escape(node.lang)}">{escape(node.name)}</span>'
    return escape(node.name)


@register.filter
def facet_checkboxes(facet):
    """The ``<li>`` items of a tree or choice facet, one a line."""
    count = count_formatter()
    name = facet["name"]
    return mark_safe(  # every value is escaped above
        "\n".join(
            checkbox(
                name,
                item["node"].slug,
                _label(item["node"]),
                count(item["count"]),
                item["selected"],
                item_class=f"facet__item facet__item--level-{item['node'].level}",
            )
            for item in facet["items"]
        )
    )


@register.filter
def language_checkboxes(facet):
    """The ``<li>`` items of the languages facet: each language in its own name (marked with its
    ``lang``; the page's own flagged ``data-page-language``), without the "all" item."""
    count = count_formatter()
    page_language = get_language()
    return mark_safe(  # every value is escaped above
        "\n".join(
            checkbox(
                facet["name"],
                item["node"].slug,
                _label(item["node"]),
                count(item["count"]),
                item["selected"],
                " data-page-language" if item["node"].slug == page_language else "",
            )
            for item in facet["items"]
        )
    )
