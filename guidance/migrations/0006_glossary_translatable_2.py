"""Glossary terms become translatable (issue 12), step 2 of Wagtail's three: every existing term
is in the default language (English), with a translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0005_glossary_translatable_1"),
    ]

    operations = [BootstrapTranslatableModel("guidance.GlossaryTerm")]
