"""Events for the editorial roles: press officers write them, editors review and publish them.

Reversible: the permissions are taken back from the groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITE = ["add_event", "change_event", "view_event"]
GROUP_PERMISSIONS = {
    "Press officer": WRITE,
    "Editor": [*WRITE, "delete_event", "review_event", "publish_event"],
}


def permissions(apps, codenames):
    app_config = apps.get_app_config("meetings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return list(
        Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames)
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GROUP_PERMISSIONS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("press", "0005_editorial_groups"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
