"""Data migration: the 'Editors' and 'Moderators' groups' rights and the approval workflow.

Builds on what Wagtail's own migrations made (both groups, the 'Moderators approval'
workflow on the root page). It grants rights on the contact and glossary snippets and
'You said, we did' items; whatever comes later (in any order) is covered by the
post_migrate handler in localoffer/apps.py, which re-applies the same scheme after every
`migrate`.

This was home's 0003 until the wiring moved to the top floor. On a database where home 0003
already ran, this runs once more and changes nothing (the scheme is idempotent).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from localoffer.permissions import apply_permission_scheme

    # Permissions are normally made after all migrations; make them now so they can be granted.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_permission_scheme(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editorial_groups"),
        ("guidance", "0003_workflow"),
        ("services", "0004_checker_block_order"),
        ("search", "0001_search_log"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
