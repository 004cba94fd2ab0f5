"""Full-text search of press releases, in the language of each release.

On PostgreSQL: a weighted tsvector (title A, lead B, body C), stored as a generated column,
``search_vector``, with a GIN index. Each release's vector is parsed with its own language's
text search configuration (migration 0009: english, french, german, italian, russian, spanish,
``simple`` for the other content languages), so a Russian release is found by the inflected
forms of its words. A query is parsed with every one of these configurations and the parses
are OR'ed (``QUERY_SQL``): it is one constant tsquery, so matching uses the index, and a word
finds the releases of whichever language stems it. Ranking (``ts_rank``) reads the stored
vector. Elsewhere (SQLite in development and tests): a case-insensitive match on title, lead or
body.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

# Each language's configuration; press/migrations/0009_search_per_language.py builds the vector
# with the same table.
CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "ru": "russian",
    "es": "spanish",
}
FALLBACK_CONFIG = "simple"
MAX_QUERY_LENGTH = 200

VECTOR_COLUMN = "search_vector"
QUERY_SQL = (
    "("
    + " || ".join(
        f"websearch_to_tsquery('{config}'::regconfig, %s)"
        for config in [*CONFIGS.values(), FALLBACK_CONFIG]
    )
    + ")"
)


def release_words(word):
    """Releases with ``word`` in the title, lead or body (the fallback without PostgreSQL)."""
    return Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)


def search(queryset, query, *, word_condition=release_words, order=("-published_at", "-id")):
    """``queryset`` narrowed to items matching ``query``, best matches first on PostgreSQL.

    Any model with a stored ``search_vector`` column can be searched (the documents library
    is); elsewhere each word must match ``word_condition(word)``. Equal ranks go by ``order``.
    """
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        table = queryset.model._meta.db_table
        vector = f'"{table}"."{VECTOR_COLUMN}"'
        params = [query] * QUERY_SQL.count("%s")
        matches = RawSQL(f"{vector} @@ {QUERY_SQL}", params, output_field=BooleanField())
        rank = RawSQL(f"ts_rank({vector}, {QUERY_SQL})", params, output_field=FloatField())
        return queryset.filter(matches).annotate(search_rank=rank).order_by("-search_rank", *order)
    condition = Q()
    for word in query.split():
        condition &= word_condition(word)
    return queryset.filter(condition)
