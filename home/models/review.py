"""Review records: who marked which page or contact 'Reviewed, no changes needed', and when.

The report and the action that make them are in home/review.py and home/admin_views.py."""

from django.conf import settings
from django.db import models


class ReviewRecord(models.Model):
    """One 'Reviewed, no changes needed' click: who checked which page or contact, and when.

    Editors never fill this in by hand; the 'Content due for review' report makes one each time
    someone marks an item as reviewed."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", help_text="What kind of item."
    )
    object_id = models.CharField(max_length=64, help_text="Which item of that kind.")
    object_title = models.CharField(max_length=255, help_text="The item's title when it was reviewed.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who checked it.",
    )
    reviewed_at = models.DateTimeField(auto_now_add=True, help_text="When they checked it.")
    next_review_by = models.DateField(help_text="The new 'review by' date this review set.")

    class Meta:
        ordering = ["-reviewed_at"]
        verbose_name = "review record"
        permissions = [("review_content", "Can see content due for review and mark it reviewed")]

    def __str__(self):
        return f"{self.object_title} reviewed {self.reviewed_at:%d/%m/%Y}"
