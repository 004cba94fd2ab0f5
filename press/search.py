"""Full-text search of press releases.

On PostgreSQL: a weighted tsvector (title A, lead B, body C), matched with
``websearch_to_tsquery`` and ranked with ``ts_rank``. The vector is a stored generated column,
``search_vector``, with a GIN index (migration 0007): matching uses the index and ranking reads
the stored vector instead of parsing every matching body again.
Elsewhere (SQLite in development and tests): a case-insensitive match on title, lead or body.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

CONFIG = "english"
MAX_QUERY_LENGTH = 200

VECTOR_COLUMN = "search_vector"  # press/migrations/0007_stored_search_vector.py
QUERY_SQL = "websearch_to_tsquery('english'::regconfig, %s)"


def search(queryset, query):
    """``queryset`` narrowed to releases matching ``query``, best matches first on PostgreSQL."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        table = queryset.model._meta.db_table
        vector = f'"{table}"."{VECTOR_COLUMN}"'
        matches = RawSQL(f"{vector} @@ {QUERY_SQL}", [query], output_field=BooleanField())
        rank = RawSQL(f"ts_rank({vector}, {QUERY_SQL})", [query], output_field=FloatField())
        return (
            queryset.filter(matches)
            .annotate(search_rank=rank)
            .order_by("-search_rank", "-published_at", "-id")
        )
    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
    return queryset.filter(condition)
