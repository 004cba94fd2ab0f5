"""Full-text search of the library: title and reference number, summary, and the files' text.

On PostgreSQL each document has a stored ``search_vector`` (migration 0002, with its GIN index):
title and reference number weighted A and the summary B, in the document's language's text
search configuration, and the text of every file weighted C, each in its own file's language.
It cannot be a generated column (the text is in other rows): ``refresh_vectors`` rewrites it
after the document or one of its files changes (``apps.py`` connects it). Queries are parsed as
the newsroom's are (``press.search``). Elsewhere (SQLite): a case-insensitive match on the
title, reference number, summary or any file's text.
"""

from django.db import connection, transaction
from django.db.models import Q

from press import search as press_search

# The text indexed of one file (a tsvector holds at most 1 MB).
INDEXED_CHARACTERS = 200_000


def _config(column):
    cases = " ".join(
        f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in press_search.CONFIGS.items()
    )
    return f"(CASE {column} {cases} ELSE '{press_search.FALLBACK_CONFIG}'::regconfig END)"


VECTOR_SQL = (
    "UPDATE documents_document d SET search_vector = "
    f"setweight(to_tsvector({_config('d.language')}, "
    "coalesce(d.title, '') || ' ' || coalesce(d.reference_number, '')), 'A') || "
    f"setweight(to_tsvector({_config('d.language')}, coalesce(d.summary, '')), 'B') || "
    "coalesce((SELECT documents_tsvector_agg(setweight(to_tsvector("
    f"{_config('f.language')}, left(f.text, {INDEXED_CHARACTERS})), 'C')) "
    "FROM documents_documentfile f WHERE f.document_id = d.id), ''::tsvector) "
    "WHERE d.id = ANY(%s)"
)


def refresh_vectors(document_ids):
    """Rewrite the search vector of these documents (PostgreSQL; nothing elsewhere)."""
    if connection.vendor != "postgresql" or not document_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(VECTOR_SQL, [list(document_ids)])


def refresh_after_commit(document_id):
    transaction.on_commit(lambda: refresh_vectors([document_id]), robust=True)


def on_document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_after_commit(instance.pk)


def on_file_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_after_commit(instance.document_id)


def word_condition(word):
    from .models import DocumentFile

    in_files = DocumentFile.objects.filter(text__icontains=word).values("document_id")
    return (
        Q(title__icontains=word)
        | Q(reference_number__icontains=word)
        | Q(summary__icontains=word)
        | Q(id__in=in_files)
    )


def search(queryset, query):
    return press_search.search(
        queryset,
        query,
        word_condition=word_condition,
        text_fields=("title", "reference_number", "summary"),
        order=("-date", "-id"),
    )
