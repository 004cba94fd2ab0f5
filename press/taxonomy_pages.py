"""The latest releases of a taxonomy node's subtree, added to its public page."""

from django.urls import reverse
from django.utils.http import urlencode

from taxonomy.models import Country, FieldOfWork, Place, Structure

from .feeds import release_feed_links
from .models import PressRelease

LATEST_COUNT = 5

# Node model -> (release relation, newsroom parameter).
FILTERS = {
    FieldOfWork: ("fields_of_work", "field_of_work"),
    Country: ("countries", "country"),
    Structure: ("source", "source"),
    Place: ("place", "place"),
}


def latest_releases_context(node, request):
    if type(node) not in FILTERS:
        return {}
    relation, parameter = FILTERS[type(node)]
    query = urlencode({parameter: node.slug})
    releases = PressRelease.objects.listed().for_listing().in_subtree(relation, [node])
    return {
        "latest_releases": list(releases[:LATEST_COUNT]),
        "newsroom_url": f"{reverse('press:release-list')}?{query}",
        "release_feed_url": f"{reverse('press:release-feed')}?{query}",
        "feed_links": release_feed_links(query),
        "alerts_url": f"{reverse('alerts:new')}?{query}",
    }
