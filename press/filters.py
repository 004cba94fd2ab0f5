"""The newsroom's filters: the shared tree filters and facets, and the release dates.

Tree filters take slugs, several at a time, and match each node's whole subtree
(``editorial.filters``). An unknown slug or a malformed date is reported on the form and
ignored; the other filters still apply.
"""

from datetime import timedelta

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from editorial.filters import (
    LATEST_DAY,
    FacetedFilterSet,
    FacetForm,
    SubtreeFilter,
    WordsFilter,
    start_of_day,
)
from taxonomy.models import Country, FieldOfWork, Place, Structure

from .models import PressRelease
from .search import MAX_QUERY_LENGTH


class ReleaseFilter(FacetedFilterSet):
    memo_name = "newsroom-facets"

    field_of_work = SubtreeFilter("fields_of_work", label=_("field of work"))
    country = SubtreeFilter("countries", label=_("country"))
    source = SubtreeFilter("source", label=_("source"))
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
        form = FacetForm

    # Dates are whole days in the site's time zone, compared as a datetime range (indexable).
    def published_from(self, queryset, name, value):
        return queryset.filter(published_at__gte=start_of_day(value))

    def published_until(self, queryset, name, value):
        return queryset.filter(
            published_at__lt=start_of_day(min(value, LATEST_DAY)) + timedelta(days=1)
        )
