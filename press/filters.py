"""The newsroom's filters: the shared tree filters and facets, and the release dates.

Tree filters take slugs, several at a time, and match each node's whole subtree
(``editorial.filters``). An unknown slug, language or a malformed date is reported on the form
and ignored; the other filters still apply. The newsroom in a language (and its feeds) lists the
releases in that language unless others are asked for: the views pass ``default_language``; the
API lists every language unless asked.
"""

from datetime import timedelta

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from editorial.filters import (
    LATEST_DAY,
    ChoiceListFilter,
    FacetedFilterSet,
    FacetForm,
    LanguageFilter,
    SubtreeFilter,
    WordsFilter,
    start_of_day,
)
from taxonomy.models import Country, FieldOfWork, Place, Structure

from .models import ISSUER_RELATIONS, Kind, PressRelease
from .search import MAX_QUERY_LENGTH


class NewsroomForm(FacetForm):
    def clean_kind(self):
        return self._choices("kind", dict(Kind.choices))


# In the API's schema: kinds, repeatable (?kind=news-item&kind=media-advisory).
@extend_schema_field({"type": "array", "items": {"type": "string", "enum": Kind.values}})
class KindFilter(ChoiceListFilter):
    choices = Kind


class ReleaseFilter(FacetedFilterSet):
    memo_name = "newsroom-facets"

    kind = KindFilter(label=_("kind"))
    language = LanguageFilter(label=_("language"))
    field_of_work = SubtreeFilter("fields_of_work", label=_("field of work"))
    country = SubtreeFilter("countries", label=_("country"))
    # A release counts for its lead issuer and for each co-issuer.
    source = SubtreeFilter(ISSUER_RELATIONS, label=_("source"))
    place = SubtreeFilter("place", label=_("place"))
    date_from = django_filters.DateFilter(
        method="published_from",
        label=_("from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        method="published_until",
        label=_("to"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    q = WordsFilter(max_length=MAX_QUERY_LENGTH)

    TREE_FILTERS = {
        "field_of_work": FieldOfWork,
        "country": Country,
        "source": Structure,
        "place": Place,
    }

    class Meta:
        model = PressRelease
        fields = []
        form = NewsroomForm

    # Dates are whole days in the site's time zone, compared as a datetime range (indexable).
    def published_from(self, queryset, name, value):
        return queryset.filter(published_at__gte=start_of_day(value))

    def published_until(self, queryset, name, value):
        return queryset.filter(
            published_at__lt=start_of_day(min(value, LATEST_DAY)) + timedelta(days=1)
        )
