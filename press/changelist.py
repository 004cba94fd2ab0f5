"""The press-release change list's derived data, remembered until content next changes.

Its count and the years of its date hierarchy are the same for everyone who sees the same list,
and only change with content, so they are kept per content generation
(``memoize_for_generation``). The key is exact: the list's own SQL (filters, search, ordering)
and the viewer's scope (a scope change takes effect at once, though it is not a content change).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from osce_cms.caching import memoize_for_generation

from .models import EditorialScope


def memo_parts(user, queryset):
    """What makes one viewer's list differ from another's."""
    scope = (
        "all"
        if user.is_superuser
        else tuple(
            EditorialScope.objects.filter(user=user)
            .order_by("structure_id")
            .values_list("structure_id", flat=True)
        )
    )
    sql, params = queryset.query.sql_with_params()
    return (user.pk, scope, sql, tuple(map(str, params)))


class ChangeListPaginator(Paginator):
    """A paginator whose total is counted once per content generation and list."""

    def __init__(self, object_list, per_page, *args, request, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.request = request

    @cached_property
    def count(self):
        return memoize_for_generation(
            "admin-count",
            memo_parts(self.request.user, self.object_list),
            lambda: Paginator.count.func(self),
            request=self.request,
        )
