"""Operations the content types' migrations share (imported by migrations: keep it stable).

``add_translation_fields(app_label, model_name, table, constraint)``: the linked-translation
fields of ``EditorialModel`` on an existing table. Every row gets a translation group of its own:
the key is filled row by row before the column becomes required, since a column default would
give every existing row the same one. Reversible.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

BATCH = 1000
# settings.CONTENT_LANGUAGES when these migrations were written (a migration keeps its choices).
CONTENT_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("ru", "Russian"),
    ("es", "Spanish"),
    ("sq", "Albanian"),
    ("hy", "Armenian"),
    ("bs", "Bosnian"),
    ("ka", "Georgian"),
    ("kk", "Kazakh"),
    ("ky", "Kyrgyz"),
    ("mk", "Macedonian"),
    ("ro", "Romanian"),
    ("sr", "Serbian"),
    ("tg", "Tajik"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("uz", "Uzbek"),
]


def _fill_keys(app_label, model_name, table):
    def fill(apps, schema_editor):
        manager = apps.get_model(app_label, model_name)._base_manager
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"UPDATE {table} SET translation_key = gen_random_uuid()")
            return
        ids = list(manager.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            rows = [
                manager.model(pk=pk, translation_key=uuid.uuid4())
                for pk in ids[start : start + BATCH]
            ]
            manager.bulk_update(rows, ["translation_key"])

    return fill


def language_field():
    return models.CharField(
        choices=CONTENT_LANGUAGES,
        default="en",
        help_text="The language of the text.",
        max_length=10,
        verbose_name="language",
    )


def add_translation_fields(app_label, model_name, table, constraint, *, has_language):
    """The operations; ``has_language``: the model had its own ``language`` column already."""
    return [
        migrations.AlterField(model_name, "language", language_field())
        if has_language
        else migrations.AddField(model_name, "language", language_field()),
        migrations.AddField(
            model_name,
            "translation_key",
            models.UUIDField(editable=False, null=True, verbose_name="translation group"),
        ),
        migrations.RunPython(_fill_keys(app_label, model_name, table), migrations.RunPython.noop),
        migrations.AlterField(
            model_name,
            "translation_key",
            models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="translation group"
            ),
        ),
        migrations.AddField(
            model_name,
            "translation_of",
            models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=f"{app_label}.{model_name}",
                verbose_name="translated from",
            ),
        ),
        migrations.AddField(
            model_name,
            "translated_at",
            models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="translation up to date with its source at",
            ),
        ),
        migrations.AddConstraint(
            model_name,
            models.UniqueConstraint(fields=("translation_key", "language"), name=constraint),
        ),
    ]
