"""What the law says a Local Offer must contain, and which pages cover it.

`Schedule2Item` is one thing the SEND Regulations 2014 (SI 2014/1530) ask a Local Offer to
publish or do: a paragraph (or lettered part) of Schedule 2, or one of regulations 53 to 57.
The list is data (localoffer/content/starter/snippets/schedule2.yaml). Editors may reword an
item but nobody may delete one (home/wagtail_hooks.py gives it a policy without 'delete', and
a page's tag protects it in the database too).

Every item says honestly how far its wording was checked (`check_status`, `source_note`):
only items checked against the regulations' own text are 'checked'. The editors' report and
the snippet list show the others as not checked.

`PageCoverage` tags a page of any type (guidance, services, information...) with an item it
covers. It hangs on Wagtail's Page, so one table serves every page type, drafts and approval
carry the tags like any other field, and the coverage page finds every item's pages in one
query (home/coverage.py)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from . import BasePage


class CheckStatus(models.TextChoices):
    PRIMARY = "primary", "Checked against the regulations' text"
    SECONDARY = "secondary", "Not checked: from a secondary source that quotes or cites the regulations"
    UNCHECKED = "unchecked", "Not checked: from summaries of the regulations"


class Schedule2ItemQuerySet(models.QuerySet):
    def not_checked(self):
        return self.exclude(check_status=CheckStatus.PRIMARY)


class Schedule2Item(index.Indexed, models.Model):
    """One thing the law says a Local Offer must contain or do (Schedule 2 of the SEND
    Regulations 2014, or regulations 53 to 57). Tag pages with the items they cover; the
    'What our Local Offer covers' page and the 'Local Offer coverage' report use the tags.
    Items cannot be deleted."""

    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="A short fixed name for the item, used by the content files. Do not change it.",
    )
    reference = models.CharField(
        max_length=120,
        help_text="Where it is in the law, for example 'Schedule 2, paragraph 3(a)' or 'Regulation 56'. "
        "Say so when the paragraph number has not been checked.",
    )
    name = models.CharField(
        max_length=160, help_text="A short plain-English name, as a parent would say it. Shown on the public page."
    )
    gist = models.TextField(
        max_length=1200,
        help_text="What the law asks for, in plain English. A summary, not the legal wording. Shown on the public "
        "page.",
    )
    check_status = models.CharField(
        max_length=20,
        choices=CheckStatus.choices,
        default=CheckStatus.UNCHECKED,
        help_text="Has someone compared this item with the text of the regulations? Only choose 'checked' when "
        "you have read the regulations' own text (legislation.gov.uk).",
    )
    source_note = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Where the wording was checked, or where it comes from if not checked.",
    )
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Where the item comes in the list: smaller numbers first."
    )

    objects = Schedule2ItemQuerySet.as_manager()

    panels = [
        FieldPanel("reference"),
        FieldPanel("name"),
        FieldPanel("gist"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Say honestly how far this was checked. An item that is not checked against the "
                    "regulations' own text is listed as not checked in the 'Local Offer coverage' report."
                ),
                FieldPanel("check_status"),
                FieldPanel("source_note"),
            ],
            heading="Checked against the law?",
        ),
        FieldPanel("sort_order"),
        FieldPanel("slug", read_only=True),
    ]

    search_fields = [index.SearchField("name"), index.SearchField("gist"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "Local Offer duty"
        verbose_name_plural = "Local Offer duties"

    def __str__(self):
        return f"{self.name} ({self.reference})"

    @property
    def is_checked(self):
        return self.check_status == CheckStatus.PRIMARY


class PageCoverage(Orderable):
    """One tag: this page covers this Local Offer duty. Set in a page's 'Settings' tab."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="covers")
    item = models.ForeignKey(
        Schedule2Item,
        on_delete=models.PROTECT,
        related_name="coverage",
        verbose_name="Local Offer duty",
        help_text="Something the law says the Local Offer must contain, that this page really covers.",
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = "Local Offer duty covered"
        verbose_name_plural = "Local Offer duties covered"

    def __str__(self):
        return str(self.item) if self.item_id else "No duty chosen"


class CoveragePage(BasePage):  # noqa: DJ008 (Page gives __str__)
    """'What our Local Offer covers': every Local Offer duty in plain English, with the live pages
    and services that cover it, and an honest 'not yet' where nothing does. The list is built
    from the duties and the pages' tags; editors write only the words around it."""

    intro = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="Why this page exists: the law says what a Local Offer must contain, and this page shows where.",
    )
    not_yet_text = models.CharField(
        max_length=250,
        default="We have not published this information yet.",
        help_text="What the page says under a duty that no page covers yet. The link to ask for it is added.",
    )
    ask_text = models.CharField(
        max_length=120,
        default="Ask us for this information",
        help_text="The words of the link to the contact page (or the comments form), under a duty not covered yet.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("not_yet_text"),
        FieldPanel("ask_text"),
        HelpPanel(
            "The list comes from the Local Offer duties (under Snippets) and from the duties each page says it "
            "covers (a page's Settings tab). Only live pages are listed."
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "'What our Local Offer covers' page"

    def get_context(self, request, *args, **kwargs):
        from django.urls import reverse
        from wagtail.models import Page

        from home.coverage import coverage_map

        from . import SiteSettings

        context = super().get_context(request, *args, **kwargs)
        entries = coverage_map()
        context["entries"] = entries
        context["covered_count"] = sum(entry.covered for entry in entries)
        contact_id = SiteSettings.for_request(request).contact_page_id
        contact = Page.objects.live().public().filter(pk=contact_id).first() if contact_id else None
        context["ask_url"] = contact.get_url(request) if contact else ""
        context["comment_url"] = reverse("home:feedback_comment")
        return context
