"""The stored search vector of each release, parsed with its own language's text search
configuration (english, french, german, italian, russian, spanish; ``simple`` for any other),
so that inflected forms are found in every language. Replaces 0007's English-only column; the
GIN index is rebuilt. PostgreSQL only: ``press.search`` names the column in SQL.
"""

from django.db import migrations

CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "ru": "russian",
    "es": "spanish",
}


def vector_sql(config):
    config = f"'{config}'::regconfig"  # a constant: the generation expression stays immutable
    return (
        f"(setweight(to_tsvector({config}, coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector({config}, coalesce(lead, '')), 'B') || "
        f"setweight(to_tsvector({config}, coalesce(body, '')), 'C'))"
    )


PER_LANGUAGE_SQL = (
    "(CASE language "
    + " ".join(f"WHEN '{code}' THEN {vector_sql(config)}" for code, config in CONFIGS.items())
    + f" ELSE {vector_sql('simple')} END)"
)


def replace_column(schema_editor, expression):
    schema_editor.execute("DROP INDEX IF EXISTS press_release_vector_idx")
    schema_editor.execute("ALTER TABLE press_pressrelease DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        "ALTER TABLE press_pressrelease ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS {expression} STORED"
    )
    schema_editor.execute(
        "CREATE INDEX press_release_vector_idx ON press_pressrelease USING GIN (search_vector)"
    )


def per_language(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        replace_column(schema_editor, PER_LANGUAGE_SQL)


def english_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        replace_column(schema_editor, vector_sql("english"))


class Migration(migrations.Migration):
    dependencies = [("press", "0008_language_choices")]

    operations = [migrations.RunPython(per_language, english_only)]
