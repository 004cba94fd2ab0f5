"""Linked translations (editorial/translations.py): every release gets a translation group of its
own, the release it was translated from, the time the translation last matched its source and
the wider choice of content languages; one version per language in a group."""

from django.db import migrations

from editorial.migration_ops import add_translation_fields


class Migration(migrations.Migration):
    dependencies = [("press", "0013_co_issuers_and_kinds")]

    operations = add_translation_fields(
        "press",
        "pressrelease",
        "press_pressrelease",
        "press_release_one_per_language",
        has_language=True,
    )
