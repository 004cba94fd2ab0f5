"""A release card's data, from a release or from a newsroom page's plain rows.

The newsroom shows twenty cards a page. Building them from model instances cost more than the
rest of the page's Python: each release, its place and its source carried every language's
columns through the ORM's row conversion and the translation descriptors. A page's cards are
now read with ``values()``: the card's columns, its place's name in the active language and
English, its source's public name and its co-issuers' line, all in one query.

``Card.of_release`` makes the same card from a release (the home page, related releases, an
event's releases); ``{% release_card %}`` writes either, so a card reads the same everywhere.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from osce_cms.translated import fallback_lang, shown_value

from .models import Kind
from .models.releases import co_issuer_refs, display_name_sql

CARD_COLUMNS = (
    "pk",
    "title",
    "slug",
    "language",
    "kind",
    "lead",
    "published_at",
    "place_id",
    "source_id",
    "lead_image_renditions",
    "lead_image_alt",
    "co_issuers_data",
)
SLUG = "slug-of-the-release"  # put in a detail URL to find where a release's slug goes


@dataclass(slots=True)
class Card:
    pk: int
    url: str
    title: str
    language: str
    kind: str
    lead: str
    published_at: object
    place_name: str  # "" without a place
    place_lang: str  # the name's language where it is the default's for want of a translation
    issuer_names: list
    lead_image_renditions: dict
    lead_image_alt: str

    @classmethod
    def of_release(cls, release):
        place = release.place
        return cls(
            pk=release.pk,
            url=release.get_absolute_url(),
            title=release.title,
            language=release.language,
            kind=release.kind,
            lead=release.lead,
            published_at=release.published_at,
            place_name=place.name if place else "",
            place_lang=fallback_lang(place, "name") if place else "",
            issuer_names=release.issuer_names,
            lead_image_renditions=release.lead_image_renditions or {},
            lead_image_alt=release.lead_image_alt,
        )

    @property
    def kind_label(self):
        return kind_label(self.kind, get_language())


@functools.lru_cache(maxsize=64)
def kind_label(kind, language):
    """The kind's label in ``language`` (the active one); ``get_kind_display()`` hashes every
    choice's lazy label, a lazy label builds a proxy on each read."""
    return str(Kind(kind).label)


def cards(queryset, ids, request=None):
    """The cards of the releases ``ids`` of ``queryset``, in that order (one query)."""
    language = get_language() or settings.LANGUAGE_CODE
    codes = [language, settings.LANGUAGE_CODE]
    place_names = dict.fromkeys(build_localized_fieldname("place__name", code) for code in codes)
    rows = (
        queryset.with_co_issuers()
        .filter(pk__in=ids)
        .order_by()
        .annotate(source_name=display_name_sql("source", language))
        .values(*CARD_COLUMNS, *place_names, "source__slug", "source_name")
    )
    by_pk = {row["pk"]: row for row in rows}
    # A release's address with its slug put in (slugs are ASCII: reverse() would not quote).
    url_start, url_end = reverse("press:release-detail", kwargs={"slug": SLUG}).split(SLUG)
    return [_card(by_pk[pk], url_start, url_end) for pk in ids if pk in by_pk]


def _card(row, url_start, url_end):
    place = shown_value(row, "place__name") if row["place_id"] else None
    co_issuers = co_issuer_refs(row["co_issuers_data"])
    return Card(
        pk=row["pk"],
        url=f"{url_start}{row['slug']}{url_end}",
        title=row["title"],
        language=row["language"],
        kind=row["kind"],
        lead=row["lead"],
        published_at=row["published_at"],
        place_name=str(place or ""),
        place_lang=place.lang if place else "",
        issuer_names=[row["source_name"]]
        + [co.display_name for co in co_issuers if co.slug != row["source__slug"]],
        lead_image_renditions=row["lead_image_renditions"] or {},
        lead_image_alt=row["lead_image_alt"],
    )
