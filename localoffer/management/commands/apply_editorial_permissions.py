"""(Re)apply the Editors and Moderators permission scheme (localoffer/permissions.py). `migrate`
does this already; run it by hand after registering a new snippet type without a migration."""

from django.apps import apps
from django.core.management.base import BaseCommand

from localoffer.permissions import apply_permission_scheme


class Command(BaseCommand):
    help = "Give the Editors and Moderators groups their rights and the approval workflow (idempotent)."

    def handle(self, *args, **options):
        granted = apply_permission_scheme(apps, discover=True)
        self.stdout.write(f"Granted {granted} new permission(s).")
