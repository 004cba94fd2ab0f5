"""The weighted full-text vector of each press release, stored and indexed (PostgreSQL only).

A generated column: PostgreSQL computes it on every insert and on every update of title, lead or
body, whoever writes the row (the admin, bulk loads, raw SQL). Ranking reads it instead of
recomputing ``to_tsvector`` of every matching body. It replaces the expression index of 0004.
The model does not declare it (SQLite has no tsvector): ``press.search`` names it in SQL.
"""

from django.db import migrations

VECTOR_SQL = (
    "(setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(lead, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C'))"
)


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE press_pressrelease ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS {VECTOR_SQL} STORED"
        )
        schema_editor.execute(
            "CREATE INDEX press_release_vector_idx ON press_pressrelease USING GIN (search_vector)"
        )
        schema_editor.execute("DROP INDEX IF EXISTS press_release_search_idx")


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS press_release_search_idx "
            f"ON press_pressrelease USING GIN ({VECTOR_SQL})"
        )
        schema_editor.execute("ALTER TABLE press_pressrelease DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [("press", "0006_admin_changelist_indexes")]

    operations = [migrations.RunPython(add_column, drop_column)]
