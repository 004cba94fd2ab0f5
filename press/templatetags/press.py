"""Template tags for press releases: responsive lead images and latest-release lists."""

from django import template
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.http import urlencode

from press.models import PressRelease

register = template.Library()

DEFAULT_SIZES = "(min-width: 64rem) 48rem, 100vw"


def _srcset(items):
    return ", ".join(f"{default_storage.url(name)} {width}w" for width, _height, name in items)


@register.inclusion_tag("press/includes/picture.html")
def release_picture(release, sizes=DEFAULT_SIZES, loading="lazy"):
    """A <picture> with WebP and JPEG/PNG srcsets and the intrinsic size (no layout shift)."""
    record = release.lead_image_renditions or {}
    if not record.get("fallback"):
        return {"picture": None}
    largest = record["fallback"][-1]
    return {
        "picture": {
            "webp_srcset": _srcset(record["webp"]),
            "fallback_srcset": _srcset(record["fallback"]),
            "fallback_type": record["fallback_type"],
            "src": default_storage.url(largest[2]),
            "width": record["width"],
            "height": record["height"],
            "sizes": sizes,
            "alt": release.lead_image_alt,
            "loading": loading,
        }
    }


@register.simple_tag
def latest_releases(relation=None, node=None, limit=5):
    """The newest listed releases, optionally in the subtree of ``node`` through ``relation``."""
    releases = PressRelease.objects.listed().for_listing()
    if node is not None:
        releases = releases.in_subtree(relation, [node])
    return list(releases[:limit])


@register.simple_tag
def top_story(releases):
    """The newest of ``releases`` with a lead image (the home page's top story), or None."""
    return next((release for release in releases if release.lead_image_renditions), None)


@register.filter
def without(releases, release):
    """``releases`` without ``release``."""
    return [item for item in releases if item != release]


@register.simple_tag
def newsroom_url(parameter=None, node=None, feed=False):
    """The newsroom (or its feed) filtered by ``parameter=node.slug``."""
    url = reverse("press:release-feed" if feed else "press:release-list")
    if parameter and node is not None:
        url = f"{url}?{urlencode({parameter: node.slug})}"
    return url
