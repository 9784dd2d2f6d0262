"""Give pages and contacts that have no owner to the shipped content's owner (a named role).

python manage.py assign_content_owner              # the LOCALOFFER_CONTENT_OWNER account
python manage.py assign_content_owner --user jo    # an existing account instead
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.owners import assign_content_owner, default_content_owner


class Command(BaseCommand):
    help = "Give every page and contact without an owner to one person or role (review reminders go to them)."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="The username of an existing account. Default: LOCALOFFER_CONTENT_OWNER.")

    def handle(self, *args, user=None, **options):
        if user:
            User = get_user_model()
            owner = User.objects.filter(**{User.USERNAME_FIELD: user}).first()
            if owner is None:
                raise CommandError(f"There is no account with the username '{user}'.")
        else:
            owner = default_content_owner()
        changed = assign_content_owner(owner)
        name = owner.get_full_name() or owner.get_username()
        self.stdout.write(f"{changed} item(s) without an owner now belong to {name}.")
