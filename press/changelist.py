"""The press-release change list: its rows, and derived data remembered until content changes.

Its count (``press.pagination.CountMemoPaginator``), the years of its date hierarchy and its
rendered table (``press.templatetags.press_admin``) only change with content, so they are kept per
content generation. Their key starts with ``memo_parts``, which is exact: the list's own SQL
(filters, search, ordering), the viewer's scope (a scope change takes effect at once, though it
is not a content change) and the admin's language (its status labels are translated).
"""

from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.utils import translation
from django.utils.functional import cached_property

from osce_cms.translated import localized_fields

from .models import EditorialScope

# What the list shows (PressReleaseAdmin.list_display and its links): bodies stay in the database.
LIST_COLUMNS = [
    "id",
    "title",
    "published_at",
    "status",
    *(f"source__{name}" for name in localized_fields("name") + localized_fields("public_name")),
]
MEMO_PARTS_ATTR = "_release_changelist_memo_parts"


def memo_parts(request, queryset):
    """What makes one viewer's list differ from another's, worked out once per request."""
    known = getattr(request, MEMO_PARTS_ATTR, None)
    if known is not None and known[0] is queryset.query:
        return known[1]
    user = request.user
    scope = (
        "all"
        if user.is_superuser
        else tuple(
            EditorialScope.objects.filter(user=user)
            .order_by("structure_id")
            .values_list("structure_id", flat=True)
        )
    )
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter value that matches nothing (queryset.none())
        sql, params = "", ()
    parts = (user.pk, scope, translation.get_language(), sql, tuple(map(str, params)))
    setattr(request, MEMO_PARTS_ATTR, (queryset.query, parts))
    return parts


class PageRows:
    """A change-list page's rows, read from the database only when iterated.

    Django asks for their number before rendering (its "0 of 50 selected" note); that number
    follows from the (memoized) count and the page, so a page whose table comes from the memo
    never reads its rows.
    """

    def __init__(self, queryset, length):
        self.queryset = queryset
        self.length = length

    @cached_property
    def rows(self):
        return list(self.queryset)

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter(self.rows)


class ReleaseChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        if self.multi_page and not (self.show_all and self.can_show_all):
            page = self.paginator.page(self.page_num)
            length = page.end_index() - page.start_index() + 1
        else:
            length = self.result_count
        self.result_list = PageRows(self.result_list.only(*LIST_COLUMNS), length)
