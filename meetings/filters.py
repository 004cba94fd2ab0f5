"""The events listing's filters: the newsroom's tree filters with subtree semantics, and years."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from editorial.filters import FacetedFilterSet, FacetForm, SubtreeFilter, WordsFilter
from press.search import MAX_QUERY_LENGTH
from taxonomy.models import Country, FieldOfWork, MeetingType, Structure

from .models import Event

EARLIEST_YEAR, LATEST_YEAR = 1970, 2999


class EventFilter(FacetedFilterSet):
    memo_name = "event-facets"

    meeting_type = SubtreeFilter("meeting_type", label=_("meeting type"))
    structure = SubtreeFilter("organiser", label=_("organiser"))
    field_of_work = SubtreeFilter("fields_of_work", label=_("field of work"))
    country = SubtreeFilter("countries", label=_("country"))
    year = django_filters.NumberFilter(
        method="in_year",
        label=_("year"),
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.NumberInput(attrs={"min": EARLIEST_YEAR, "max": LATEST_YEAR}),
    )
    q = WordsFilter(max_length=MAX_QUERY_LENGTH)

    TREE_FILTERS = {
        "meeting_type": MeetingType,
        "structure": Structure,
        "field_of_work": FieldOfWork,
        "country": Country,
    }

    class Meta:
        model = Event
        fields = []
        form = FacetForm

    def in_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(start_date__year__lte=year, end_date__year__gte=year)


def listed_events(request):
    """The listing's filter over the listed events, from ``request``'s query string."""
    return EventFilter(
        request.GET or None, queryset=Event.objects.listed().for_listing(), request=request
    )
