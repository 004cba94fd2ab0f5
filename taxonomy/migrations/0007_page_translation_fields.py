"""The engine's linked-translation fields on pages (every engine content type has them; pages
themselves are translated in place, 0004), with the one-version-per-language rule."""

from django.db import migrations

from editorial.migration_ops import add_translation_fields


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0006_translations")]

    operations = add_translation_fields(
        "taxonomy", "page", "taxonomy_page", "page_one_per_language", has_language=False
    )
