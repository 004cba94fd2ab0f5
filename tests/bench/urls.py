"""The site's URLs plus two ceilings: minimal views rendering a page of the newsroom's size
(84 KB) and the peer rig's bare-Django page (2 KB, ../shared/peers/hello), no database."""

from django.shortcuts import render
from django.urls import path

from osce_cms.urls import handler404, handler500
from osce_cms.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

CARDS = [
    {
        "title": f"OSCE supports border security co-operation for law enforcement officers {n}",
        "url": f"/press-releases/example-{n}/",
        "date": "17 February 2016",
        "place": "MINSK",
        "source": "OSCE Secretariat",
        "lead": "Participants exchanged good practices and agreed on concrete next steps. " * 2,
    }
    for n in range(20)
]
# The mega-menu: 10 sections of 5 groups of 6 links (300 items), like the site's main menu.
SECTIONS = [
    {
        "label": f"Section {s}",
        "groups": [
            {
                "label": f"Group {s}.{g}",
                "url": f"/section/{s}/{g}/",
                "links": [
                    {"label": f"Navigation entry {s}.{g}.{n}", "url": f"/section/{s}/{g}/{n}/"}
                    for n in range(6)
                ],
            }
            for g in range(5)
        ],
    }
    for s in range(10)
]
# The newsroom's filter sidebar: four facets, ~150 checkboxes with counts.
FACETS = [
    {
        "name": name,
        "label": name.replace("_", " ").capitalize(),
        "options": [
            {"slug": f"{name}-{n}", "label": f"Option {n} of {name}", "level": n % 3, "count": n}
            for n in range(size)
        ],
    }
    for name, size in (("field_of_work", 30), ("country", 70), ("source", 40), ("type", 10))
]
FOOTER = [{"label": f"Footer entry {n}", "url": f"/footer/{n}/"} for n in range(30)]
CONTEXT = {"cards": CARDS, "sections": SECTIONS, "facets": FACETS, "footer": FOOTER}
# The peer rig's `hello` page: a loop, a few variables, a filter, ~2 KB.
ITEMS = [
    {"title": f"Item number {n}", "slug": f"item-{n}", "summary": "A short line of summary text."}
    for n in range(1, 11)
]


def ceiling(request):
    return render(request, "bench/ceiling.html", CONTEXT)


def small_ceiling(request):
    return render(request, "bench/ceiling_2k.html", {"title": "Hello, world", "items": ITEMS})


urlpatterns = [
    path("bench-ceiling/", ceiling),
    path("bench-ceiling/2k/", small_ceiling),
    *site_urlpatterns,
]
