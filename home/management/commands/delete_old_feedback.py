"""Delete 'Is this page useful?' feedback older than FEEDBACK_RETENTION_DAYS. Run daily:

30 2 * * *  cd /srv/localoffer && .venv/bin/python manage.py delete_old_feedback
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from home.models import Feedback


class Command(BaseCommand):
    help = "Delete feedback older than FEEDBACK_RETENTION_DAYS (the retention period)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override FEEDBACK_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        deleted, _ = Feedback.objects.older_than(days).delete()
        self.stdout.write(f"Deleted {deleted} feedback item(s) older than {days} days.")
