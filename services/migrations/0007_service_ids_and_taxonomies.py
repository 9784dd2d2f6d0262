"""Give every existing service page its own open data id, then make the ids unique.

The shipped taxonomies (areas of need, age groups, types of support) are content, not schema:
they are loaded from localoffer/content/starter/snippets/ by `manage.py load_local_offer`."""

import uuid

from django.db import migrations, models


def fill_service_ids(apps, schema_editor):
    ServicePage = apps.get_model("services", "ServicePage")
    for page in ServicePage.objects.filter(oruk_id__isnull=True).only("pk"):
        ServicePage.objects.filter(pk=page.pk).update(oruk_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("services", "0006_directory")]

    operations = [
        migrations.RunPython(fill_service_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="servicepage",
            name="oruk_id",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="The service's id in the council's open data. It never changes.",
                unique=True,
                verbose_name="open data id",
            ),
        ),
    ]
