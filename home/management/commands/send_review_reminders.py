"""Email each content owner a digest of what they must review. Run daily from cron:

0 7 * * *  cd /srv/localoffer && .venv/bin/python manage.py send_review_reminders
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse

from home.review import OVERDUE, by_owner, due_items


class Command(BaseCommand):
    help = "Email each content owner their overdue and soon-due pages and contacts (for a daily cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="How many days ahead counts as due soon.")
        parser.add_argument("--dry-run", action="store_true", help="Say who would get an email; send nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        report_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("home_content_due_for_review")
        sent = 0
        unowned = 0
        for owner_name, owner, items in by_owner(due_items(soon_days=days)):
            if owner is None or not owner.email or not owner.is_active:
                unowned += len(items)
                continue
            overdue = [i for i in items if i.status == OVERDUE]
            soon = [i for i in items if i.status != OVERDUE]
            base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            context = {
                "name": owner_name,
                "overdue": overdue,
                "soon": soon,
                "base": base,
                "report_url": report_url,
            }
            subject = f"Local Offer: {len(overdue)} overdue, {len(soon)} due soon for review"
            if dry_run:
                self.stdout.write(f"Would email {owner.email}: {subject}")
            else:
                send_mail(
                    subject,
                    render_to_string("home/email/review_reminder.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    [owner.email],
                )
            sent += 1
        self.stdout.write(f"{sent} reminder email(s); {unowned} item(s) due with no owner to email.")
