"""Back up the database and the uploaded files into a folder: ``manage.py backup DIR``."""

from django.core.management.base import BaseCommand, CommandError

from localoffer.backups import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database (pg_dump on PostgreSQL, a file copy on SQLite) and MEDIA_ROOT into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="An empty or new folder for the backup.")

    def handle(self, *args, directory, **options):
        try:
            manifest = back_up(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the {manifest['engine']} database and uploaded files to {directory}.")
