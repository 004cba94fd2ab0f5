"""Menus and breadcrumbs for every public page.

A menu is loaded with one query (``get_cached_trees`` with every target joined); hidden items,
items whose target has disappeared and headings left without children are skipped.
"""

from django import template
from django.urls import NoReverseMatch

from taxonomy.models import MenuItem
from taxonomy.models.menus import NODE_TARGETS

register = template.Library()

# Groups with more entries than this are shown in several columns in the mega-menu.
LONG_GROUP = 12


def load_menu(slug):
    items = (
        MenuItem.objects.filter(menu__slug=slug)
        .select_related(*NODE_TARGETS)
        .defer(*(f"{name}__description" for name in NODE_TARGETS if name != "page"), "page__body")
    )
    return items.get_cached_trees()


def _link(item):
    try:
        return item.get_url()
    except NoReverseMatch:
        return None


def _entries(items, path):
    """Plain data for the templates: label, url, current, children (visible and working only)."""
    entries = []
    for item in items:
        if not item.is_visible:
            continue
        url = None if item.is_heading else _link(item)
        children = _entries(item.get_children(), path)
        if url is None and not children:
            continue
        current = url == path
        entries.append(
            {
                "label": item.label,
                "url": url,
                "current": current,
                "in_trail": current or any(child["in_trail"] for child in children),
                "children": children,
                "is_long": len(children) > LONG_GROUP,
            }
        )
    return entries


def menu_entries(slug, path):
    return _entries(load_menu(slug), path)


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
