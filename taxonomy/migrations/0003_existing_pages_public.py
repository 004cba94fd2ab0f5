"""Pages written before the engine stay public (published when last saved), and site
administrators get the rights to review and publish pages.

Reversible: backwards, the rights are taken away again (the workflow columns themselves go with
the reverse of 0002).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import F

RIGHTS = ("review_page", "publish_page")


def forwards(apps, schema_editor):
    Page = apps.get_model("taxonomy", "Page")
    Page.objects.filter(status="draft", first_published_at__isnull=True).update(
        status="published", published_at=F("updated_at"), first_published_at=F("updated_at")
    )
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="taxonomy", codename__in=RIGHTS)
    for group in Group.objects.filter(name="Site administrator"):
        group.permissions.add(*rights)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="taxonomy", codename__in=RIGHTS)
    for group in Group.objects.filter(name="Site administrator"):
        group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("press", "0005_editorial_groups"),
        ("taxonomy", "0002_pages_on_the_engine"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
