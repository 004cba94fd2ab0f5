"""Change lists that answer any query string with a page or a clear message, never a 500.

Django's change list turns most bad parameters into its "?e=1" page (``IncorrectLookupParameters``)
but not all of them: a date-hierarchy year at the end of the calendar (``?published_at__year=9999``,
whose next year does not exist), a 20-digit year (``OverflowError``), a year-1 date that SQLite
cannot convert to UTC, and a search of a thousand words, which SQLite cannot compile (its
expression tree is limited to a depth of 1,000). ``SafeListAdminMixin`` goes first in the bases of
every ModelAdmin of the project; ``tests/security/test_admin_fuzz.py`` checks each one.
"""

from datetime import UTC, date, datetime, timedelta
from functools import cache

from django import forms
from django.conf import settings
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList, ChangeListSearchForm
from django.db.models import Exists, Max, Min
from django.utils.text import smart_split
from django.utils.timezone import get_current_timezone, localtime, make_aware
from django.utils.translation import gettext_lazy as _

# Words of one admin search (and of an autocomplete term).
MAX_SEARCH_WORDS = 20
# The date hierarchy probes each year between the first and the last date when they are at most
# this many years apart; a wider span (a draft dated 9999) falls back to Django's scan.
MAX_PROBED_YEARS = 100


def search_words(term):
    return list(smart_split(term or ""))


class BoundedSearchForm(ChangeListSearchForm):
    """The change list's search box, refusing more words than a search can combine."""

    def clean(self):
        cleaned = super().clean()
        if len(search_words(cleaned.get(SEARCH_VAR))) > MAX_SEARCH_WORDS:
            raise forms.ValidationError(
                _("Search for at most %(limit)d words."), params={"limit": MAX_SEARCH_WORDS}
            )
        return cleaned


def _utc_or_none(naive):
    """``naive`` in the site's time zone as an aware datetime, or None beyond the calendar."""
    if naive is None:
        return None
    aware = make_aware(naive) if settings.USE_TZ else naive
    try:
        aware.astimezone(UTC)
    except OverflowError:
        return None
    return aware


def date_hierarchy_bounds(year, month=None, day=None):
    """``(start, end)`` of a date-hierarchy choice; either is None where the calendar ends.

    Raises ``IncorrectLookupParameters`` for values that are not a date.
    """
    try:
        start = datetime(int(year), int(month or 1), int(day or 1))
    except (TypeError, ValueError, OverflowError) as error:
        raise IncorrectLookupParameters(error) from error
    try:
        if day:
            end = start + timedelta(days=1)
        elif month:
            end = (start + timedelta(days=32)).replace(day=1)
        else:
            end = start.replace(year=start.year + 1)
    except (ValueError, OverflowError):
        end = None
    return _utc_or_none(start), _utc_or_none(end)


class YearProbingQuerySet:
    """The date hierarchy's years without reading every row.

    Django lists the years of a change list with ``SELECT DISTINCT date_trunc('year', ...)`` over
    every row of the list (90 ms at 100,000 releases, the list's costliest query). Here one query
    asks, for each year between the first and the last date, whether a row of the same list falls
    in it: an ``EXISTS`` each, which an index on the date answers by one probe. The result is the
    same years, in the site's time zone, for any filter, scope or search.
    """

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if kind == "year" and tzinfo is None:
            years = self._years_present(field_name, order, _year_start_datetime)
            if years is not None:
                return years
        return super().datetimes(field_name, kind, order, tzinfo)

    def dates(self, field_name, kind, order="ASC"):
        if kind == "year":
            years = self._years_present(field_name, order, _year_start_date)
            if years is not None:
                return years
        return super().dates(field_name, kind, order)

    def _years_present(self, field_name, order, year_start):
        """The first day of each year that has a row, or None when the span is too wide."""
        rows = self.order_by()
        bounds = rows.aggregate(first=Min(field_name), last=Max(field_name))
        if bounds["first"] is None:
            return []
        first, last = (_year_of(bounds[end]) for end in ("first", "last"))
        if last - first >= MAX_PROBED_YEARS:
            return None
        probes = {}
        for year in range(first, last + 1):
            # No row lies before the first year or after the last: those need no bound (and
            # year 1's start in the site's zone is before the calendar's start in UTC).
            in_year = {f"{field_name}__gte": year_start(year)} if year > first else {}
            if year < last:
                in_year[f"{field_name}__lt"] = year_start(year + 1)
            probes[f"year_{year}"] = Exists(rows.filter(**in_year))
        present = rows.annotate(**probes).values(*probes)[:1].get()
        years = [year_start(year) for year in range(first, last + 1) if present[f"year_{year}"]]
        return years if order == "ASC" else years[::-1]


def _year_of(value):
    return localtime(value).year if isinstance(value, datetime) and settings.USE_TZ else value.year


def _year_start_datetime(year):
    return datetime(year, 1, 1, tzinfo=get_current_timezone() if settings.USE_TZ else None)


def _year_start_date(year):
    return date(year, 1, 1)


@cache
def year_probing(queryset_class):
    """``queryset_class`` with the date hierarchy's years by index probes."""
    if issubclass(queryset_class, YearProbingQuerySet):
        return queryset_class
    return type(f"YearProbing{queryset_class.__name__}", (YearProbingQuerySet, queryset_class), {})


class SafeChangeList(ChangeList):
    search_form_class = BoundedSearchForm

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if self.date_hierarchy:
            queryset.__class__ = year_probing(type(queryset))
        return queryset

    def _date_hierarchy_parameters(self):
        return [f"{self.date_hierarchy}__{part}" for part in ("year", "month", "day")]

    def get_filters_params(self, params=None):
        # The date hierarchy's parameters become a range in get_filters, not field lookups.
        lookup_params = super().get_filters_params(params)
        if self.date_hierarchy:
            for name in self._date_hierarchy_parameters():
                lookup_params.pop(name, None)
        return lookup_params

    def date_hierarchy_lookups(self):
        if not self.date_hierarchy:
            return {}
        year, month, day = (
            (self.filter_params.get(name) or [None])[-1]
            for name in self._date_hierarchy_parameters()
        )
        if year is None:
            return {}
        start, end = date_hierarchy_bounds(year, month, day)
        lookups = {}
        if start is not None:
            lookups[f"{self.date_hierarchy}__gte"] = [start]
        if end is not None:
            lookups[f"{self.date_hierarchy}__lt"] = [end]
        return lookups

    def get_filters(self, request):
        date_range = self.date_hierarchy_lookups()
        filter_specs, has_filters, lookup_params, duplicates, active = super().get_filters(request)
        return filter_specs, has_filters, {**lookup_params, **date_range}, duplicates, active


class SafeListAdminMixin:
    """First in a ModelAdmin's bases: its change list and autocomplete never answer 500."""

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        if issubclass(changelist, SafeChangeList):
            return changelist
        return type(f"Safe{changelist.__name__}", (SafeChangeList, changelist), {})

    def get_search_results(self, request, queryset, search_term):
        # The change list's form refuses longer searches; autocomplete terms are cut short.
        words = search_words(search_term)
        if len(words) > MAX_SEARCH_WORDS:
            search_term = " ".join(words[:MAX_SEARCH_WORDS])
        return super().get_search_results(request, queryset, search_term)
