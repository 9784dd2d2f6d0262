"""Service pages: what a service is, who can get it, how to ask for it and what it achieves."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, DocumentsBlock, KeyFigureBlock
from home.models import BasePage
from home.routing import public_only

from ..blocks import CriterionBlock


class ServiceIndexPage(BasePage):
    """The list of services, for example 'Services and support'."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = "service index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = public_only(self.get_children().live()).specific().order_by("title")
        return context


def rich_text(help_text, blank=True):
    return RichTextField(features=RICH_TEXT_FEATURES, blank=blank, help_text=help_text)


class ServicePage(BasePage):
    """One service, set out the same way every time: who it is for, the criteria, how to be
    referred, what it provides, how progress is reviewed, key figures, contacts, documents."""

    who_it_is_for = rich_text("Which children and young people the service is for, in a sentence or two.")
    criteria_intro = models.CharField(
        max_length=250,
        blank=True,
        default="To get support, all of these must be true:",
        help_text="The line before the list of criteria.",
    )
    eligibility_criteria = StreamField(
        [("criterion", CriterionBlock())],
        blank=True,
        help_text="Each criterion a child must meet, one per item.",
    )
    eligibility_notes = rich_text("Anything else about who decides or how the criteria are applied.")
    who_can_refer = rich_text("Who can ask for this service, for example the school.")
    how_to_refer = rich_text("How to ask for the service: the form, the plan, the meeting.")
    what_happens_next = rich_text("What happens after a referral, step by step.")
    who_decides = rich_text("Who agrees or ends the support.")
    what_it_provides = rich_text("What the child, family and school get from the service.")
    how_progress_is_reviewed = rich_text("How progress is checked and reported, and when support ends.")
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        help_text="Figures about the service, each with its year and source.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="More about the service: staffing, how it is checked, plan wording, anything else.",
    )
    documents = StreamField([("documents", DocumentsBlock())], blank=True, help_text="Documents to download.")

    content_panels = BasePage.content_panels + [
        FieldPanel("who_it_is_for"),
        MultiFieldPanel(
            [FieldPanel("criteria_intro"), FieldPanel("eligibility_criteria"), FieldPanel("eligibility_notes")],
            heading="Who can get it",
        ),
        MultiFieldPanel(
            [
                FieldPanel("who_can_refer"),
                FieldPanel("how_to_refer"),
                FieldPanel("what_happens_next"),
                FieldPanel("who_decides"),
            ],
            heading="How to ask for it (referral)",
        ),
        FieldPanel("what_it_provides"),
        FieldPanel("how_progress_is_reviewed"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
        InlinePanel("contact_links", heading="Contacts", label="Contact", help_text="Who to contact about it."),
        FieldPanel("documents"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("who_it_is_for", boost=2),
        index.SearchField("eligibility_criteria", boost=2),
        index.SearchField("eligibility_notes"),
        index.SearchField("who_can_refer"),
        index.SearchField("how_to_refer"),
        index.SearchField("what_happens_next"),
        index.SearchField("who_decides"),
        index.SearchField("what_it_provides"),
        index.SearchField("how_progress_is_reviewed"),
        index.SearchField("body"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = ["services.ServiceReportPage", "guidance.GuidancePage", "services.CheckerPage"]

    class Meta:
        verbose_name = "service page"

    def get_child_pages(self):
        """The live child pages, as their own types (worked out once per render)."""
        if not hasattr(self, "_child_pages"):
            self._child_pages = list(public_only(self.get_children().live()).specific())
        return self._child_pages

    def get_contacts(self):
        """The live contacts chosen for this page, in the editor's order, in one query (worked
        out once per render: the template asks twice)."""
        if not hasattr(self, "_contacts"):
            self._contacts = self._get_contacts()
        return self._contacts

    def _get_contacts(self):
        links = self.contact_links.filter(contact__live=True).select_related("contact").order_by("sort_order")
        contacts = [link.contact for link in links]
        if contacts:
            directory = contacts[0].get_directory()
            for contact in contacts:
                contact.page_url = contact.get_url(directory)
        return contacts


class ServicePageContact(Orderable):
    """A contact chosen for a service page (the contact itself is a snippet, so a change to it
    shows on every page that uses it)."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(
        "services.Contact",
        on_delete=models.CASCADE,
        related_name="service_links",
        help_text="Choose a contact from the contact directory.",
    )

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = "service contact"


class ServiceReportPage(BasePage):
    """A report on a service, such as the SSSEN annual report summary: key figures, ratings,
    survey results, comments, what changed and what comes next."""

    period = models.CharField(max_length=60, blank=True, help_text="The period it covers, for example '2018 to 2019'.")
    published = models.CharField(
        max_length=60, blank=True, help_text="When the report was published, for example 'December 2019'."
    )
    body = StreamField(BodyBlock(), help_text="The report: sections, key figures and comments.")

    content_panels = BasePage.content_panels + [FieldPanel("period"), FieldPanel("published"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["services.ServicePage"]
    subpage_types = []

    class Meta:
        verbose_name = "service report page"
