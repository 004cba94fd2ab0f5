from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("osce_cms", "0002_outgoing_mail")]

    operations = [
        migrations.AddField(
            model_name="contentgeneration",
            name="revision",
            field=models.BigIntegerField(default=0, verbose_name="revision"),
        ),
    ]
