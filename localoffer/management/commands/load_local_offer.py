from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from localoffer.content import load_all


class Command(BaseCommand):
    help = (
        "Build the Local Offer's page tree and snippets from the content the project ships. "
        "Safe to run again: it creates only what is missing and never overwrites editors' changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index afterwards.")

    def handle(self, *args, **options):
        def log(message):
            if options["verbosity"] > 1:
                self.stdout.write(message)

        with transaction.atomic():
            created = load_all(log)
        if created and not options["no_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Local Offer content loaded: {created} new item(s)."))
