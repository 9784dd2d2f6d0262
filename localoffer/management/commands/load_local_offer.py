from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.owners import assign_content_owner
from localoffer.content import STARTER
from localoffer.content.format import ContentError
from localoffer.content.loader import load_site
from localoffer.locales import ensure_locales


class Command(BaseCommand):
    help = (
        "Build the Local Offer's pages, snippets and site settings from data files (docs/content.md): "
        "the starter content the project ships, or the folder DIR. Safe to run again: it creates only "
        "what is missing and never overwrites editors' changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", nargs="?", default=str(STARTER), help="The folder of data files (default: the starter)."
        )
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index afterwards.")

    def handle(self, *args, **options):
        def log(message):
            if options["verbosity"] > 1:
                self.stdout.write(message)

        directory = Path(options["directory"])
        try:
            with transaction.atomic():
                # A locale for each of the council's languages (localoffer/locales.py).
                ensure_locales()
                created = load_site(directory, log)
                # Shipped content has no author on the council's staff: give it to the named
                # role so its review reminders reach someone (home/owners.py).
                owned = assign_content_owner()
        except ContentError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        if created and not options["no_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Local Offer content loaded: {created} new item(s)."))
        if owned:
            self.stdout.write(f"{owned} item(s) without an owner now belong to the content owner role.")
