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

A query that is the name, an alias or a former name of a term ("ODIHR", "Office in Baku") also
finds the releases that call the term by its current name: the query is widened, inside the same
SQL statement, with the names of every term so named (``Term.objects.named``). On PostgreSQL the
widened text is an uncorrelated scalar subquery evaluated once per configuration, so the tsquery
is still a constant and the GIN index still serves the match.
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
QUERY_CONFIGS = (*CONFIGS.values(), FALLBACK_CONFIG)
MAX_QUERY_LENGTH = 200

VECTOR_COLUMN = "search_vector"
QUERY_SQL = (
    "("
    + " || ".join(
        f"websearch_to_tsquery('{config}'::regconfig, {{text}})" for config in QUERY_CONFIGS
    )
    + ")"
)


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
        params = text_params * len(QUERY_CONFIGS)
        matches = RawSQL(f"{vector} @@ {tsquery}", params, output_field=BooleanField())
        rank = RawSQL(f"ts_rank({vector}, {tsquery})", params, output_field=FloatField())
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
            # The columns themselves, as the PostgreSQL widening reads them: modeltranslation
            # would rewrite the exclude (not the F) to the English column, which may be NULL.
            named = (
                model.objects.named(query)
                .rewrite(False)
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
