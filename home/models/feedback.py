"""Feedback: the answers to 'Is this page useful?' at the foot of every page.

The form and its views are in home/feedback_views.py; the admin list in home/wagtail_hooks.py."""

from datetime import date, timedelta

from django.db import models


class CommentAbout(models.TextChoices):
    """What a comment about the Local Offer is about: the three things regulation 56 of the SEND
    Regulations 2014 asks councils to seek comments on."""

    CONTENT = "content", "What the Local Offer says, or something missing from it"
    ACCESSIBILITY = "accessibility", "How easy the information is to find, read and use"
    DEVELOPMENT = "development", "How the Local Offer was made or reviewed, and how families were involved"


class FeedbackQuerySet(models.QuerySet):
    def older_than(self, days, today=None):
        """Feedback received more than `days` days ago (what the retention period removes)."""
        today = today or date.today()
        return self.filter(created_on__lt=today - timedelta(days=days))


class Feedback(models.Model):
    """One answer to 'Is this page useful?' and, if given, what was missing; or a comment about
    the Local Offer as a whole from the comments form (no page, `useful` is False).

    Holds no personal data on purpose: the page, yes or no, the comment and the date. No IP
    address, no browser details. Comments are deleted after FEEDBACK_RETENTION_DAYS by the
    `delete_old_feedback` command."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
        help_text="The page the feedback is about. Empty for a comment about the Local Offer as a whole.",
    )
    useful = models.BooleanField(help_text="Did the visitor say the page was useful?")
    comment = models.TextField(blank=True, max_length=1200, help_text="What the visitor said was missing, if anything.")
    about = models.CharField(
        max_length=20,
        choices=CommentAbout.choices,
        blank=True,
        help_text="What the visitor said their comment is about, if they said.",
    )
    created_on = models.DateField(default=date.today, db_index=True, help_text="The day the feedback was sent.")

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = "feedback"
        verbose_name_plural = "feedback"

    def __str__(self):
        answer = "Useful" if self.useful else "Not useful"
        if self.page_id is None:
            return f"Comment about the Local Offer ({self.created_on:%d/%m/%Y})"
        return f"{answer}: {self.page.title} ({self.created_on:%d/%m/%Y})"
