"""'You said, we did': comments about the Local Offer with the council's answers (snippets
with drafts and approval), and the page that shows the published ones by year."""

from datetime import date

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from . import BasePage
from .feedback import CommentAbout


class YouSaidWeDidQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class YouSaidWeDid(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """One comment about the Local Offer with the council's answer, for the 'You said, we did'
    page (Regulation 56 of the SEND Regulations 2014 asks councils to publish them).

    Remove names and anything else that could identify someone before you publish. Only
    published items appear on the website; a moderator approves each one."""

    received_on = models.DateField(
        default=date.today,
        help_text="When the council received the comment. Items are grouped by this year on the page.",
    )
    about = models.CharField(
        max_length=20,
        choices=CommentAbout.choices,
        blank=True,
        help_text="What the comment is about: the content, its accessibility, or how the Local Offer was made.",
    )
    you_said = models.TextField(
        max_length=1500,
        help_text="The comment, in the person's words where possible, with anything personal taken out.",
    )
    we_did = models.TextField(
        max_length=1500,
        help_text="The council's answer: what it thinks and why. Plain English, short sentences.",
    )
    action = models.TextField(
        max_length=1000,
        blank=True,
        help_text="What changed as a result, if anything, and when. Leave empty if nothing changed.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="you_said_we_did")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="you_said_we_did",
        for_concrete_model=False,
    )

    objects = YouSaidWeDidQuerySet.as_manager()

    panels = [
        HelpPanel(
            "Take out names, email addresses, phone numbers and anything else that could identify someone. "
            "When you save, the text is checked for them and you are warned."
        ),
        FieldPanel("received_on"),
        FieldPanel("about"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        FieldPanel("action"),
    ]

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = "'You said, we did' item"
        verbose_name_plural = "'You said, we did' items"

    def __str__(self):
        return Truncator(self.you_said).words(12)

    @property
    def revisions(self):
        return self._revisions

    def personal_data_warnings(self):
        """What in the text to be published may identify someone (home/personal_data.py)."""
        from home.personal_data import find_personal_data

        return find_personal_data(self.you_said, self.we_did, self.action)


class YouSaidWeDidPage(BasePage):  # noqa: DJ008 (Page gives __str__)
    """The 'You said, we did' page: the comments the council has received about the Local Offer
    and what it did about them, grouped by year. The items themselves are snippets
    ('You said, we did' items); this page shows the published ones."""

    intro = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="Why this page exists and how to send a comment about the Local Offer.",
    )
    empty_text = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="What the page says while there are no published comments yet.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("empty_text"),
        HelpPanel(
            "The comments are 'You said, we did' items under Snippets. Add one there, "
            "or start one from a visitor's feedback. Only published items appear here."
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "'You said, we did' page"

    def items_by_year(self):
        """Published items as [(year, [items])], newest year first."""
        groups = {}
        for item in YouSaidWeDid.objects.published():
            groups.setdefault(item.received_on.year, []).append(item)
        return sorted(groups.items(), reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = self.items_by_year()
        return context
