"""Remove an account's authenticator app and recovery codes, for someone who lost both.

    python manage.py reset_two_factor USERNAME

The next time they sign in, they are asked to set up two-factor sign-in again. Check who is
asking before you run it (docs/operations.md).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from localoffer.twofactor.policy import remove_second_factor


class Command(BaseCommand):
    help = "Remove an account's two-factor devices so that it sets up a new authenticator at its next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"There is no account with the username {username!r}.")
        remove_second_factor(user)
        self.stdout.write(f"Two-factor sign-in reset for {username}: they will set it up again at their next sign-in.")
