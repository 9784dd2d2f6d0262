import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from localoffer.content.exporter import export_site


class Command(BaseCommand):
    help = (
        "Write the live site's pages, snippets and settings out as data files in DIR, in the format "
        "load_local_offer reads (docs/content.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The folder to write to. It must be empty or not exist yet.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the pages/, snippets/ and settings.yaml already in DIR.",
        )

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        if directory.exists() and any(directory.iterdir()):
            if not options["replace"]:
                raise CommandError(f"{directory} is not empty: give an empty folder, or --replace.")
            for name in ("pages", "snippets"):
                shutil.rmtree(directory / name, ignore_errors=True)
            (directory / "settings.yaml").unlink(missing_ok=True)
        pages, snippets = export_site(directory)
        self.stdout.write(self.style.SUCCESS(f"Exported {pages} page(s) and {snippets} snippet(s) to {directory}."))
