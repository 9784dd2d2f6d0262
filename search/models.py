"""What people searched for, counted per day: no personal data, only the normalised words of
the search and how many times it was made (and how many times it found nothing).

Counts are kept in a shared store as searches happen (search/log.py) and folded into this table
by `python manage.py fold_search_counts` (run it from cron, for example every 5 minutes)."""

from django.db import models


class SearchTermCountQuerySet(models.QuerySet):
    def totals(self):
        """One row per query text: total searches, searches that found nothing, last day."""
        return (
            self.values("query_text")
            .annotate(
                total=models.Sum("searches"),
                no_results=models.Sum("no_result_searches"),
                last_day=models.Max("day"),
            )
            .order_by("-total", "query_text")
        )


class SearchTermCount(models.Model):
    query_text = models.CharField(max_length=200, help_text="The search, lower case, without punctuation.")
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    no_result_searches = models.PositiveIntegerField(default=0)

    objects = SearchTermCountQuerySet.as_manager()

    class Meta:
        verbose_name = "search term count"
        constraints = [models.UniqueConstraint(fields=["query_text", "day"], name="search_term_count_unique_day")]
        indexes = [models.Index(fields=["day"])]
        permissions = [("view_search_report", "Can see the report of what people searched for")]

    def __str__(self):
        return f"{self.query_text} ({self.day}): {self.searches}"


class SearchLogPosition(models.Model):
    """How far `fold_search_counts` has read each file of search counts (the embedded default,
    without Redis; see search/log.py). Saved in the same transaction as the counts."""

    file_name = models.CharField(max_length=100, unique=True)
    offset = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.file_name}: {self.offset}"
