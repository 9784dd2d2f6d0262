"""Fold the search counts kept in the cache into the database (run from cron)."""

from django.core.management.base import BaseCommand

from search.log import fold_search_counts


class Command(BaseCommand):
    help = "Move the search counts from the cache into the search report's table. Run it every few minutes."

    def handle(self, *args, **options):
        folded = fold_search_counts()
        self.stdout.write(f"Folded {folded} searches.")
