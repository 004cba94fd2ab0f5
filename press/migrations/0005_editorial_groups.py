"""The editorial roles as groups with their permissions (reversible: removes the groups).

Permissions are created first, as post_migrate would, so that this runs on an empty database.
Site administrators look after taxonomies, menus, pages and users; they cannot make
superusers (the user admin refuses that below superuser).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TAXONOMY_TERMS = ("fieldofwork", "country", "structure", "place", "meetingtype")
PRESS_OFFICER = [
    ("press", "add_pressrelease"),
    ("press", "change_pressrelease"),
    ("press", "view_pressrelease"),
    *[
        ("press", f"{verb}_{model}")
        for model in ("presscontact", "attachment")
        for verb in ("add", "change", "delete", "view")
    ],
    *[("taxonomy", f"view_{model}") for model in TAXONOMY_TERMS],
]
EDITOR = [
    *PRESS_OFFICER,
    ("press", "delete_pressrelease"),
    ("press", "publish_pressrelease"),
    ("press", "review_pressrelease"),
    ("press", "view_revision"),
    ("press", "view_auditentry"),
    ("press", "view_changenote"),
    ("press", "view_slugredirect"),
    ("press", "add_previewlink"),
    ("press", "change_previewlink"),
    ("press", "view_previewlink"),
]
SITE_ADMINISTRATOR = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
    ("auth", "view_group"),
    ("press", "add_editorialscope"),
    ("press", "change_editorialscope"),
    ("press", "delete_editorialscope"),
    ("press", "view_editorialscope"),
]
GROUPS = {
    "Press officer": PRESS_OFFICER,
    "Editor": EDITOR,
    "Site administrator": SITE_ADMINISTRATOR,
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        if name == "Site administrator":
            # Every taxonomy model: terms, menus and pages.
            permissions += Permission.objects.filter(content_type__app_label="taxonomy")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taxonomy", "0001_initial"),
        ("press", "0004_search_index"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
