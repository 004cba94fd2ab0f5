"""The stored search vector of each document and its GIN index (PostgreSQL only).

Not a generated column: it includes the text of the document's files, which are other rows.
``documents.search.refresh_vectors`` writes it; ``documents_tsvector_agg`` concatenates the
files' vectors. The model does not declare the column (SQLite has no tsvector).
"""

from django.db import migrations


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE AGGREGATE documents_tsvector_agg(tsvector) "
            "(SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')"
        )
        schema_editor.execute(
            "ALTER TABLE documents_document ADD COLUMN search_vector tsvector "
            "NOT NULL DEFAULT ''::tsvector"
        )
        schema_editor.execute(
            "CREATE INDEX documents_vector_idx ON documents_document USING GIN (search_vector)"
        )


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE documents_document DROP COLUMN search_vector")
        schema_editor.execute("DROP AGGREGATE documents_tsvector_agg(tsvector)")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_column, drop_column)]
