"""The library's rights for the editorial groups (reversible: takes them away again).

Press officers write documents and attach them to releases; editors also review, publish and
delete them; site administrators look after the document types, like every other taxonomy.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITE = [
    *[("documents", f"{verb}_document") for verb in ("add", "change", "view")],
    *[
        ("documents", f"{verb}_{model}")
        for model in ("documentfile", "releasedocument")
        for verb in ("add", "change", "delete", "view")
    ],
    ("taxonomy", "view_documenttype"),
]
GROUPS = {
    "Press officer": WRITE,
    "Editor": [
        *WRITE,
        ("documents", "delete_document"),
        ("documents", "review_document"),
        ("documents", "publish_document"),
    ],
    "Site administrator": [
        ("taxonomy", f"{verb}_documenttype") for verb in ("add", "change", "delete", "view")
    ],
}


def _permissions(apps, wanted):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in wanted
    ]


def give(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, wanted in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*_permissions(apps, wanted))


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, wanted in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, wanted))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("press", "0005_editorial_groups"),
        ("taxonomy", "0008_documenttype"),
        ("documents", "0002_search_vector"),
    ]

    operations = [migrations.RunPython(give, take_back)]
