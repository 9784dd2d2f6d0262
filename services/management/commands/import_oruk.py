"""`manage.py import_oruk PATH`: load an Open Referral UK 3.0 feed saved as JSON (one service,
a list of services, or a page of services from `/services`) into draft service pages, with
their organisations, locations and taxonomy terms. See docs/directory.md."""

import json

from django.core.management.base import BaseCommand, CommandError

from services.models import ServiceIndexPage
from services.oruk_import import Importer, ImportProblems


class Command(BaseCommand):
    help = "Import an Open Referral UK 3.0 feed (a JSON file) as draft services."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file: a service, a list of services or a page of services.")
        parser.add_argument("--parent", type=int, help="The id of the service index page to put them under.")

    def handle(self, *args, path, parent=None, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not valid JSON: {error}.") from error
        parent_page = None
        if parent is not None:
            parent_page = ServiceIndexPage.objects.filter(pk=parent).first()
            if parent_page is None:
                raise CommandError(f"There is no service index page with id {parent}.")
        try:
            report = Importer(parent_page).run(data)
        except ImportProblems as error:
            raise CommandError(
                "Nothing was imported. Fix these and run it again:\n" + "\n".join(f"- {p}" for p in error.problems)
            ) from error
        for note in report.notes:
            self.stdout.write(f"Note: {note}")
        for name in report.skipped:
            self.stdout.write(f"Already imported, left as it is: {name}")
        made = report.created
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {made['services']} service(s) as drafts, {made['organisations']} organisation(s), "
                f"{made['locations']} location(s) and {made['terms']} taxonomy term(s)."
            )
        )
