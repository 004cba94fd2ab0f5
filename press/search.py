"""Full-text search of press releases.

On PostgreSQL: a weighted tsvector (title A, lead B, body C), matched with
``websearch_to_tsquery`` and ranked with ``ts_rank``. The vector is a stored generated column,
``search_vector``, with a GIN index (migration 0007): matching uses the index and ranking reads
the stored vector instead of parsing every matching body again.
Elsewhere (SQLite in development and tests): a case-insensitive match on title, lead or body.

A query that is the name, an alias or a former name of a term ("ODIHR", "Office in Baku") also
finds the releases that call the term by its current name: the query is widened, inside the same
SQL statement, with the names of every term so named (``Term.objects.named``). On PostgreSQL the
widened text is a scalar subquery evaluated once, so the GIN index still serves the match.
"""

from django.db import connection
from django.db.models import BooleanField, Exists, F, FloatField, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import IContains

from taxonomy.models import Country, FieldOfWork, Structure
from taxonomy.models.terms import normalise_name

# The vocabularies whose names, aliases and former names the search understands, with the
# fields that hold a term's current names.
NAMED_VOCABULARIES = (
    (Structure, ("name", "public_name")),
    (FieldOfWork, ("name",)),
    (Country, ("name",)),
)

CONFIG = "english"
MAX_QUERY_LENGTH = 200

VECTOR_COLUMN = "search_vector"  # press/migrations/0007_stored_search_vector.py
QUERY_SQL = "websearch_to_tsquery('english'::regconfig, {text})"


def search(queryset, query):
    """``queryset`` narrowed to releases matching ``query``, best matches first on PostgreSQL."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        table = queryset.model._meta.db_table
        vector = f'"{table}"."{VECTOR_COLUMN}"'
        text_sql, text_params = _widened_query_sql(query)
        tsquery = QUERY_SQL.format(text=text_sql)
        matches = RawSQL(f"{vector} @@ {tsquery}", text_params, output_field=BooleanField())
        rank = RawSQL(f"ts_rank({vector}, {tsquery})", text_params, output_field=FloatField())
        return (
            queryset.filter(matches)
            .annotate(search_rank=rank)
            .order_by("-search_rank", "-published_at", "-id")
        )
    condition = Q()
    for word in query.split():
        condition &= _mentions(word)
    return queryset.filter(condition | _mentions_a_term_named(query))


def _mentions(text):
    return Q(title__icontains=text) | Q(lead__icontains=text) | Q(body__icontains=text)


def _mentions_a_term_named(query):
    """Portable widening: the release mentions the current name of a term called ``query``."""
    condition = Q(pk__in=[])
    for model, fields in NAMED_VOCABULARIES:
        for field in fields:
            mentioned = [IContains(OuterRef(text), F(field)) for text in ("title", "lead", "body")]
            named = (
                model.objects.named(query)
                .exclude(**{field: ""})
                .filter(Q(mentioned[0]) | Q(mentioned[1]) | Q(mentioned[2]))
            )
            condition |= Exists(named)
    return condition


def _widened_query_sql(query):
    """SQL for ``query`` followed by `` or "<name>"`` for each current name of a term called
    ``query`` (a websearch phrase each), and its parameters."""
    quote = connection.ops.quote_name
    selects, params = [], []
    for model, fields in NAMED_VOCABULARIES:
        for field in fields:
            column = quote(field)
            selects.append(
                f"SELECT {column} AS name FROM {quote(model._meta.db_table)} "
                f"WHERE search_names LIKE %s AND {column} <> ''"
            )
            params.append(f"%\n{_like_escape(normalise_name(query))}\n%")
    names = " UNION ".join(selects)
    widened = (
        "%s || COALESCE((SELECT string_agg(' or \"' || replace(name, '\"', ' ') || '\"', '') "
        f"FROM ({names}) AS named), '')"
    )
    return widened, [query, *params]


def _like_escape(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
