"""Feedback: the answers to 'Is this page useful?' at the foot of every page.

The form and its views are in home/feedback_views.py; the admin list in home/wagtail_hooks.py."""

from datetime import date, timedelta

from django.db import models


class FeedbackQuerySet(models.QuerySet):
    def older_than(self, days, today=None):
        """Feedback received more than `days` days ago (what the retention period removes)."""
        today = today or date.today()
        return self.filter(created_on__lt=today - timedelta(days=days))


class Feedback(models.Model):
    """One answer to 'Is this page useful?' and, if given, what was missing.

    Holds no personal data on purpose: the page, yes or no, the comment and the date. No IP
    address, no browser details. Comments are deleted after FEEDBACK_RETENTION_DAYS by the
    `delete_old_feedback` command."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="feedback",
        help_text="The page the feedback is about.",
    )
    useful = models.BooleanField(help_text="Did the visitor say the page was useful?")
    comment = models.TextField(blank=True, max_length=1200, help_text="What the visitor said was missing, if anything.")
    created_on = models.DateField(default=date.today, db_index=True, help_text="The day the feedback was sent.")

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = "feedback"
        verbose_name_plural = "feedback"

    def __str__(self):
        answer = "Useful" if self.useful else "Not useful"
        return f"{answer}: {self.page.title if self.page_id else 'deleted page'} ({self.created_on:%d/%m/%Y})"
