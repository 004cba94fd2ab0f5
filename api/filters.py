"""The public pages' FilterSets, applied strictly: what a page would ignore is a 400 here."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError


class StrictFilterBackend(DjangoFilterBackend):
    """A page shows "unknown country … was ignored" and goes on; a program asking for an
    unknown slug must be told, or it would take the unfiltered list for the answer. The
    newsroom's form reports such values as ``notices``: they become errors."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        notices = getattr(filterset.form, "notices", [])
        if notices:
            raise ValidationError({"filters": [str(notice) for notice in notices]})
        return filterset.qs

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["request"] = request._request
        return kwargs
