"""Move the workflow records (scopes, revisions, audit, notes, redirects, preview links) from
press to the editorial engine's generic tables, keeping every row and its id.

Reversible: backwards, the press tables (recreated by reversing 0009) get their rows back and
the engine's tables lose the press releases' rows. Group and user permissions on the moved
models follow them both ways.
"""

from django.contrib.auth.management import create_permissions
from django.core.management.color import no_style
from django.db import migrations

# model -> {press column: editorial column} besides the ones with the same name.
RENAMED = {
    "editorialscope": {},
    "revision": {"release_id": "object_id"},
    "auditentry": {"release_id": "object_id", "release_title": "item_title", "source_id": "structure_id"},
    "changenote": {"release_id": "object_id"},
    "slugredirect": {"release_id": "object_id"},
    "previewlink": {"release_id": "object_id"},
}
VERBS = ("add", "change", "delete", "view")
BATCH = 2000


def _release_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="press", model="pressrelease")[0]


def _reset_sequences(schema_editor, models):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def _copy(source_model, target_model, rows, convert):
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(target_model(**convert(row)))
        if len(batch) >= BATCH:
            target_model.objects.bulk_create(batch)
            batch = []
    target_model.objects.bulk_create(batch)


def _move_permissions(apps, source_app, target_app):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    for model in RENAMED:
        for verb in VERBS:
            codename = f"{verb}_{model}"
            old = Permission.objects.filter(
                content_type__app_label=source_app, content_type__model=model, codename=codename
            ).first()
            new = Permission.objects.filter(
                content_type__app_label=target_app, content_type__model=model, codename=codename
            ).first()
            if old is None or new is None:
                continue
            # Moved, not copied: a right left on the old model would name a model that no
            # longer exists (a dump of the groups could not be loaded again).
            for group in Group.objects.filter(permissions=old):
                group.permissions.add(new)
                group.permissions.remove(old)
            for user in User.objects.filter(user_permissions=old):
                user.user_permissions.add(new)
                user.user_permissions.remove(old)


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    release_type = _release_type(apps)
    moved = []
    for model, renamed in RENAMED.items():
        old = apps.get_model("press", model)
        new = apps.get_model("editorial", model)

        def convert(row, renamed=renamed, has_item=model != "editorialscope"):
            values = {renamed.get(key, key): value for key, value in row.items()}
            if has_item:
                values["content_type_id"] = release_type.pk
            return values

        _copy(old, new, old.objects.values(), convert)
        moved.append(new)
    _reset_sequences(schema_editor, moved)
    _ensure_permissions(apps)
    _move_permissions(apps, "press", "editorial")


def backwards(apps, schema_editor):
    release_type = _release_type(apps)
    moved = []
    for model, renamed in RENAMED.items():
        old = apps.get_model("press", model)
        new = apps.get_model("editorial", model)
        back = {target: source for source, target in renamed.items()}
        rows = new.objects.all()
        if model != "editorialscope":
            rows = rows.filter(content_type=release_type)

        def convert(row, back=back):
            return {
                back.get(key, key): value for key, value in row.items() if key != "content_type_id"
            }

        _copy(new, old, rows.values(), convert)
        rows.delete()
        moved.append(old)
    _reset_sequences(schema_editor, moved)
    _ensure_permissions(apps)
    _move_permissions(apps, "editorial", "press")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0001_initial"),
        ("press", "0009_search_per_language"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
