"""Menus and breadcrumbs for every public page.

A menu is loaded with one query (every target joined); hidden items, items whose target has
disappeared or is a page that is not public, and headings left without children are skipped.

The rendered menus are cached (``cached_menu``): a menu's HTML differs from page to page only by
the items marked current (``aria-current="page"`` and the trail), so it is stored per content
generation, day (a structure's closing date takes its items out), language, menu and set of
current item ids. Which items are current on a path comes
from a cached ``{url: item ids}`` map of the menu, so a warm page costs no query and no render
for its menus. Any change to a menu, its targets or pages advances the generation
(``osce_cms.caching``), and the next request renders the menu again.
"""

from collections import defaultdict

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from osce_cms.caching import request_generation
from osce_cms.translated import localized_fields, shown_value
from taxonomy.models import MenuItem, Page
from taxonomy.models.menus import URL_FIELDS, resolve_url

register = template.Library()

# Groups with more entries than this are shown in several columns in the mega-menu.
LONG_GROUP = 12

# Rows are read as plain values, not model instances: a menu has hundreds of items, and building
# seven objects per row would cost more than the whole rest of the page.
FIELDS = [
    "id",
    "parent_id",
    "is_visible",
    "is_heading",
    *URL_FIELDS,
    "structure__closed_on",
]


def load_menu(slug):
    """The menu's rows in tree order, grouped by parent id (one query), with the labels in the
    active language and in English (``shown_value``)."""
    labels = localized_fields("label", [get_language(), settings.LANGUAGE_CODE])
    rows = (
        MenuItem.objects.filter(menu__slug=slug)
        # An item of a page that is not public (a draft, scheduled, trashed) is not shown.
        .filter(Q(page__isnull=True) | Q(page__in=Page.objects.public().values("pk")))
        .order_by("tree_id", "lft")
        .values(*FIELDS, *labels)
    )
    children = defaultdict(list)
    for row in rows:
        children[row["parent_id"]].append(row)
    return children


def _entries(children, parent_id, current_ids, patterns, today):
    """Plain data for the templates: id, label, url, current, children (visible and working;
    an item linking to a closed structure has left the current navigation)."""
    entries = []
    for row in children.get(parent_id, ()):
        closed_on = row["structure__closed_on"]
        if not row["is_visible"] or (closed_on is not None and closed_on <= today):
            continue
        url = None if row["is_heading"] else resolve_url(row, patterns)
        below = _entries(children, row["id"], current_ids, patterns, today)
        if url is None and not below:
            continue
        current = row["id"] in current_ids
        entries.append(
            {
                "id": row["id"],
                "label": shown_value(row, "label"),
                "url": url,
                "current": current,
                "in_trail": current or any(child["in_trail"] for child in below),
                "children": below,
                "is_long": len(below) > LONG_GROUP,
            }
        )
    return entries


def _ids_by_url(entries, found=None):
    """``{url: (item id, ...)}`` of the shown entries: the items current on a page at that URL."""
    found = {} if found is None else found
    for entry in entries:
        if entry["url"] is not None:
            found[entry["url"]] = (*found.get(entry["url"], ()), entry["id"])
        _ids_by_url(entry["children"], found)
    return found


def cached_menu(request, slug, template_name):
    """The menu's HTML for the request's path, from the cache when this variant was rendered."""
    generation, _changed_at = request_generation(request)
    today = timezone.localdate()
    base = f"menu:{generation}:{today.isoformat()}:{get_language()}:{slug}"
    children = None
    ids_by_url = cache.get(f"{base}:urls")
    if ids_by_url is None:
        children = load_menu(slug)
        ids_by_url = _ids_by_url(_entries(children, None, frozenset(), {}, today))
        cache.set(f"{base}:urls", ids_by_url, settings.PAGE_CACHE_SECONDS)
    current_ids = ids_by_url.get(request.path, ())
    key = f"{base}:{'-'.join(map(str, current_ids))}"
    html = cache.get(key)
    if html is None:
        children = load_menu(slug) if children is None else children
        entries = _entries(children, None, frozenset(current_ids), {}, today)
        html = render_to_string(template_name, {"entries": entries})
        cache.set(key, str(html), settings.PAGE_CACHE_SECONDS)
    return mark_safe(html)  # rendered by our own autoescaping template


@register.simple_tag(takes_context=True)
def main_menu(context):
    return cached_menu(context["request"], "main", "includes/main_menu.html")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    return cached_menu(context["request"], "footer", "includes/footer_menu.html")


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current page, with ellipses, for the pagination include."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
