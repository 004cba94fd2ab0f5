"""Linked translations (editorial/translations.py) for events: a translation group per event,
the event translated from, when the translation last matched it, the content languages; one
version per language in a group."""

from django.db import migrations

from editorial.migration_ops import add_translation_fields


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_scheduled_end")]

    operations = add_translation_fields(
        "meetings", "event", "meetings_event", "event_one_per_language", has_language=True
    )
