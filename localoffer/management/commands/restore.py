"""Restore a backup made by ``manage.py backup``: ``manage.py restore DIR``.

It replaces everything: every page, revision, snippet, document, image, feedback answer and
account comes back as it was when the backup was made, and anything newer is lost.
"""

from django.core.management.base import BaseCommand, CommandError

from localoffer.backups import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and MEDIA_ROOT with the backup in DIR (made by `manage.py backup`)."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Don't ask to confirm."
        )

    def handle(self, *args, directory, interactive, **options):
        if interactive:
            answer = input(
                "This replaces the whole database and every uploaded file with the backup. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled: nothing was changed.")
        try:
            manifest = restore(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup made at {manifest['created']} from {directory}.")
