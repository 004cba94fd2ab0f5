"""The latest releases of a taxonomy node's subtree, added to its public page."""

from django.urls import reverse
from django.utils.http import urlencode

from .feeds import release_feed_links
from .filters import ReleaseFilter
from .models import PressRelease

LATEST_COUNT = 5

# Node model -> (release relations, newsroom parameter), from the newsroom's own filters: a
# structure's page lists the releases it issued, alone or jointly.
FILTERS = {
    model: (ReleaseFilter.base_filters[parameter].relation, parameter)
    for parameter, model in ReleaseFilter.TREE_FILTERS.items()
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
