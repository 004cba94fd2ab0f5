"""Menus and breadcrumbs for every public page.

A menu is loaded with one query (every target joined); hidden items, items whose target has
disappeared and headings left without children are skipped.
"""

from collections import defaultdict

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri

from taxonomy.models import MenuItem

register = template.Library()

# Groups with more entries than this are shown in several columns in the mega-menu.
LONG_GROUP = 12

# Each node target: the URL name of its page and the field of the node that the URL needs.
# Rows are read as plain values, not model instances: a menu has hundreds of items, and building
# seven objects per row would cost more than the whole rest of the page.
NODE_URLS = {
    "field_of_work": ("taxonomy:fieldofwork-detail", "slug"),
    "country": ("taxonomy:country-detail", "slug"),
    "structure": ("taxonomy:structure-detail", "path"),
    "meeting_type": ("taxonomy:meetingtype-detail", "slug"),
    "place": ("taxonomy:place-detail", "slug"),
    "page": ("taxonomy:page-detail", "slug"),
}
FIELDS = [
    "id",
    "parent_id",
    "label",
    "is_visible",
    "is_heading",
    "named_url",
    "external_url",
    *(f"{target}__{field}" for target, (_name, field) in NODE_URLS.items()),
]


def load_menu(slug):
    """The menu's rows in tree order, grouped by parent id (one query)."""
    rows = MenuItem.objects.filter(menu__slug=slug).order_by("tree_id", "lft").values(*FIELDS)
    children = defaultdict(list)
    for row in rows:
        children[row["parent_id"]].append(row)
    return children


# reverse() is slow next to the rest of the menu; each node URL is reversed once per menu with
# this marker (a valid slug and path) in place of the node's slug or path.
MARKER = "zzmenumarkerzz"


def _url(row, patterns):
    if row["external_url"]:
        return row["external_url"]
    try:
        if row["named_url"]:
            return reverse(row["named_url"])
        for target, (url_name, field) in NODE_URLS.items():
            value = row[f"{target}__{field}"]
            if value:
                if url_name not in patterns:
                    patterns[url_name] = reverse(url_name, kwargs={field: MARKER})
                return patterns[url_name].replace(MARKER, iri_to_uri(value))
    except NoReverseMatch:
        pass
    return None


def _entries(children, parent_id, path, patterns):
    """Plain data for the templates: label, url, current, children (visible and working only)."""
    entries = []
    for row in children.get(parent_id, ()):
        if not row["is_visible"]:
            continue
        url = None if row["is_heading"] else _url(row, patterns)
        below = _entries(children, row["id"], path, patterns)
        if url is None and not below:
            continue
        current = url == path
        entries.append(
            {
                "label": row["label"],
                "url": url,
                "current": current,
                "in_trail": current or any(child["in_trail"] for child in below),
                "children": below,
                "is_long": len(below) > LONG_GROUP,
            }
        )
    return entries


def menu_entries(slug, path):
    return _entries(load_menu(slug), None, path, patterns={})


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    return {"entries": menu_entries("main", request.path if request else "")}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"entries": menu_entries("footer", request.path if request else "")}


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current page, with ellipses, for the pagination include."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
