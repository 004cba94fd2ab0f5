"""A GIN index on the weighted full-text vector of press releases (PostgreSQL only).

The expression must stay identical to press.search.VECTOR_SQL so that searches use the index.
"""

from django.db import migrations

VECTOR_SQL = (
    "(setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(lead, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C'))"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS press_release_search_idx "
            f"ON press_pressrelease USING GIN ({VECTOR_SQL})"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS press_release_search_idx")


class Migration(migrations.Migration):
    dependencies = [("press", "0003_listing_indexes")]

    operations = [migrations.RunPython(create_index, drop_index)]
