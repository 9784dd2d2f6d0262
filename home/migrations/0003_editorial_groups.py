"""Kept so that databases which applied it still match their history; does nothing now.

The editors' groups, permissions and workflow are wiring for every app, so they moved to
the top floor: localoffer/permissions.py, run by localoffer/migrations/0001_editorial_groups.py.
A migration in home/ depends on nothing above home.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0002_editorial")]

    operations = []
