"""Newsroom pagination whose count and page slices are remembered until the content changes.

The total of a filtered list and the ids on each of its pages are derived data, the same for
every visitor: ``memoize_for_generation`` keeps them under the content generation, so they are
never older than the content. A page then costs one query by primary key, however deep it is;
computing it the first time counts and slices the ids alone (index-only scans for the plain
list). An invalid page number raises before anything is remembered.
"""

from functools import partial

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from osce_cms.caching import memoize_for_generation


class CountMemoPaginator(Paginator):
    """A paginator whose count is kept per content generation under ``memo_parts``, which must
    tell this list apart from every other (its filters, and who may see what)."""

    def __init__(self, object_list, per_page, *, memo_parts, request=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.memo_parts = memo_parts
        self.request = request

    @cached_property
    def count(self):
        return memoize_for_generation(
            "list-count", self.memo_parts, partial(Paginator.count.func, self), request=self.request
        )


def instances(queryset, ids, request=None):
    """The rows ``ids`` of ``queryset`` as model instances, in that order."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


class MemoizedPaginator(CountMemoPaginator):
    """A page's number, the list's count and the page's ids are one memoized value (the count
    alone is asked for by a list of pages, such as the sitemap index). ``items(queryset, ids,
    request)`` reads a page's objects (model instances by default; the newsroom's cards)."""

    def __init__(self, object_list, per_page, *, items=instances, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.items = items

    def _slice(self, number):
        self.count = Paginator.count.func(self)  # counted afresh, kept with the page's ids
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self.count, number, list(self.object_list.values_list("pk", flat=True)[bottom:top])

    def page(self, number):
        self.count, number, ids = memoize_for_generation(
            "list-page",
            (self.memo_parts, str(number)),
            partial(self._slice, number),
            request=self.request,
        )
        return self._get_page(self.items(self.object_list, ids, self.request), number, self)
