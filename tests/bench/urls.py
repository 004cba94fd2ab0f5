"""The site's URLs plus the ceiling: a minimal view rendering a page of similar size."""

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
LINKS = [{"label": f"Navigation entry {n}", "url": f"/section/{n}/"} for n in range(120)]


def ceiling(request):
    return render(request, "bench/ceiling.html", {"cards": CARDS, "links": LINKS})


urlpatterns = [path("bench-ceiling/", ceiling), *site_urlpatterns]
