"""The press releases' change list: its rows and its date hierarchy, cheap at any size."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy, result_list
from django.db.models import Exists, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from osce_cms.caching import memoize_for_generation
from press.changelist import memo_parts

register = template.Library()


def _one_row(queryset, **columns):
    """``columns`` (subqueries) computed in one query, on any single row of the table."""
    row = queryset.model._base_manager.order_by().annotate(**columns).values(*columns)[:1]
    return row[0] if row else {}


def _years(queryset, field_name):
    """The years with at least one row of ``queryset``, in two queries of index probes.

    Django's year level asks for DISTINCT truncated dates, which reads every row (and its
    MIN/MAX aggregate joins every row in an editor's scope); here the first and the last date
    are the ends of the date index, and each year between them is one EXISTS over a range.
    """
    dated = queryset.order_by().filter(**{f"{field_name}__isnull": False}).values(field_name)
    span = _one_row(
        queryset,
        first=Subquery(dated.order_by(field_name)[:1]),
        last=Subquery(dated.order_by(f"-{field_name}")[:1]),
    )
    if span.get("first") is None:
        return None, []
    first, last = (timezone.localtime(span[key]) for key in ("first", "last"))
    if first.year == last.year:
        return first.year, []
    candidates = range(first.year, last.year + 1)
    found = _one_row(
        queryset,
        **{
            f"y{year}": Exists(dated.filter(**{f"{field_name}__year": year})) for year in candidates
        },
    )
    return None, [year for year in candidates if found.get(f"y{year}")]


@register.inclusion_tag("admin/date_hierarchy.html", takes_context=True)
def release_date_hierarchy(context, cl):
    field_name = cl.date_hierarchy
    if any(key.startswith(f"{field_name}__") for key in cl.params):
        return date_hierarchy(cl)
    request = context["request"]
    single_year, years = memoize_for_generation(
        "admin-years",
        memo_parts(request, cl.queryset),
        lambda: _years(cl.queryset, field_name),
        request=request,
    )
    if single_year is not None or not years:
        return date_hierarchy(cl)
    field_generic = f"{field_name}__"
    return {
        "show": True,
        "back": None,
        "choices": [
            {
                "link": cl.get_query_string({f"{field_name}__year": str(year)}, [field_generic]),
                "title": str(year),
            }
            for year in years
        ],
        "field_name": cl.model._meta.get_field(field_name).verbose_name,
    }


@register.simple_tag(takes_context=True)
def release_result_list(context, cl):
    """Django's result table, rendered once per content generation, list, page and viewer.

    Its rows are a function of the list's query (filters, search, ordering and the viewer's scope,
    all in ``memo_parts``), the query string (page, sort links and the filters each row's link
    keeps), the language and the time zone; content changes advance the generation.
    """
    request = context["request"]
    parts = (
        memo_parts(request, cl.queryset),
        sorted(request.GET.lists()),
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )
    return mark_safe(  # Django's own template, which escapes every value
        memoize_for_generation(
            "admin-rows",
            parts,
            lambda: render_to_string("admin/change_list_results.html", result_list(cl)),
            request=request,
        )
    )
