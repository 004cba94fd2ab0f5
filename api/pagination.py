"""Keyset (cursor) pagination: every page costs the same, however deep.

A page is the rows strictly after the last row of the previous page in a fixed, unique order
(for releases: newest first, then by id). The cursor in the ``next`` link is that row's sort
key, encoded; reading page 5,000 is one indexed range scan of ``page_size + 1`` rows, where an
OFFSET would read and discard every row before it. Rows added or removed meanwhile never make
a row appear twice or be skipped.
"""

import base64
import binascii
import json
import operator
from functools import reduce

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_CURSOR_LENGTH = 500


class KeysetPagination(BasePagination):
    """Pages over ``view.keyset``: field names, each with ``-`` for descending, ending with a
    unique field (e.g. ``("-published_at", "-id")``)."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.keyset = view.keyset
        self.page_size = self._page_size(request)
        queryset = queryset.order_by(*self.keyset)
        position = self._decode(request.query_params.get(self.cursor_query_param), queryset)
        if position is not None:
            queryset = queryset.filter(self._after(position))
        rows = list(queryset[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        self.last = rows[-1] if rows else None
        return rows

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_next_link(self):
        if not self.has_next:
            return None
        values = [_attribute(self.last, name.lstrip("-")) for name in self.keyset]
        encoded = json.dumps(values, default=str, separators=(",", ":"))
        cursor = base64.urlsafe_b64encode(encoded.encode()).decode().rstrip("=")
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor)

    def _page_size(self, request):
        asked = request.query_params.get(self.page_size_query_param)
        if asked is None:
            return DEFAULT_PAGE_SIZE
        if not asked.isdigit() or not 1 <= int(asked) <= MAX_PAGE_SIZE:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}
                    ]
                }
            )
        return int(asked)

    def _decode(self, cursor, queryset):
        """The cursor's values, converted by the model's fields; a 400 for anything else."""
        if cursor is None:
            return None
        try:
            if len(cursor) > MAX_CURSOR_LENGTH:
                raise ValueError("too long")
            values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            if not isinstance(values, list) or len(values) != len(self.keyset):
                raise ValueError("wrong shape")
            position = []
            for name, value in zip(self.keyset, values, strict=True):
                if value is None or isinstance(value, list | dict | bool):
                    raise ValueError("not a sort key")
                field = queryset.model._meta.get_field(name.lstrip("-"))
                position.append((name, field.to_python(value)))
        except (ValueError, TypeError, binascii.Error, DjangoValidationError) as error:
            raise ValidationError(
                {self.cursor_query_param: [_("This cursor is not valid; follow a “next” link.")]}
            ) from error
        return position

    @staticmethod
    def _after(position):
        """Rows after ``position`` in the keyset order: ``a < x OR (a = x AND b < y)``, and
        ``a <= x`` besides, which the database uses as where to start in the order's index
        (the OR alone would be checked row by row from the top of the list)."""
        alternatives, equal = [], Q()
        for name, value in position:
            field = name.lstrip("-")
            beyond = Q(**{f"{field}__lt" if name.startswith("-") else f"{field}__gt": value})
            alternatives.append(equal & beyond)
            equal &= Q(**{field: value})
        first, value = position[0]
        start = Q(
            **{f"{first.lstrip('-')}__lte" if first.startswith("-") else f"{first}__gte": value}
        )
        return start & reduce(operator.or_, alternatives)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": str(_("Where the page starts: take it from the “next” link.")),
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": str(_("Results per page (1 to 100, default 20).")),
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": DEFAULT_PAGE_SIZE,
                },
            },
        ]

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": "The next page, or null on the last one.",
                },
                "results": schema,
            },
        }


def _attribute(row, name):
    value = row[name] if isinstance(row, dict) else getattr(row, name)
    return value.isoformat() if hasattr(value, "isoformat") else value
