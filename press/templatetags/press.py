"""Template tags for press releases: responsive lead images, cards and latest-release lists."""

import functools
from html import escape  # Django's, without its lazy-text wrapper: same output for str

from django import template
from django.core.files.storage import default_storage
from django.template.defaultfilters import truncatewords
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language

from press.cards import Card
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


# A card of the release lists (newsroom, home, related releases, an event's releases). Twenty of
# them were a fifth of an uncached newsroom page when rendered by the template engine (a dozen
# variables and filters each); written from this markup they cost a few microseconds.
CARD = """<article class="release-card{image_class}">
  <h3 class="release-card__title"{lang}><a href="{url}">{title}</a></h3>
  <p class="release-card__meta">
    <span class="release-card__kind">{kind}</span> · <time datetime="{iso_date}">{date}</time>\
{place} · <span class="release-card__source">{issuers}</span>
  </p>
  {image}
  <p class="release-card__lead"{lang}>{lead}</p>
</article>
"""
CARD_PLACE = ' · <span class="release-card__place"{lang}>{name}</span>'
CARD_IMAGE_SIZES = "(min-width: 40rem) 12rem, 7rem"


@functools.lru_cache(maxsize=4096)
def day_text(day, language):
    """``day`` as ``date_format`` writes it in ``language`` (the active one)."""
    return date_format(day)


@register.simple_tag
def release_card(release):
    """``{% release_card release %}``: the card of a release (or of its ``Card``), its texts
    escaped."""
    card = release if isinstance(release, Card) else Card.of_release(release)
    published = localtime(card.published_at)
    has_image = bool(card.lead_image_renditions.get("fallback"))
    place = ""
    if card.place_name:
        place = CARD_PLACE.format(
            lang=f' lang="{escape(card.place_lang)}"' if card.place_lang else "",
            name=escape(card.place_name.upper()),
        )
    image = ""
    if has_image:
        picture = render_to_string(
            "press/includes/picture.html", release_picture(card, sizes=CARD_IMAGE_SIZES)
        )
        image = f'<div class="release-card__image">{picture}</div>'
    language = card.language
    return mark_safe(  # every text is escaped here, the picture by its template
        CARD.format(
            image_class=" release-card--with-image" if has_image else "",
            lang=f' lang="{escape(language)}"' if language != get_language() else "",
            url=escape(card.url),
            title=escape(card.title),
            kind=escape(card.kind_label),
            iso_date=dateformat.format(published, "c"),
            date=escape(day_text(published.date(), get_language())),
            place=place,
            issuers=", ".join(escape(name) for name in card.issuer_names),
            image=image,
            lead=escape(truncatewords(card.lead, 40)),
        )
    )
