"""Service pages: what a service is, who can get it, how to ask for it and what it achieves,
and the directory facts (organisation, status, ages, cost, languages, areas, locations, opening
times and taxonomy terms) that the 'Find support' page filters on and the Open Referral UK
data publishes."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
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


MAX_AGE = 25  # SEND support runs from birth to 25


class ServiceStatus(models.TextChoices):
    """The Open Referral statuses."""

    ACTIVE = "active", "Active: taking referrals"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Closed for good"


class Cost(models.TextChoices):
    NOT_STATED = "", "Not stated"
    FREE = "free", "Free"
    PAID = "paid", "There is a cost"


class ServicePage(BasePage):
    """One service, set out the same way every time: who it is for, the criteria, how to be
    referred, what it provides, how progress is reviewed, key figures, contacts, documents;
    and, in the 'Directory' tab, the facts families filter on and the open data publishes."""

    # --- Directory facts (the 'Find support' page and the Open Referral UK data) ------------
    oruk_id = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        verbose_name="open data id",
        help_text="The service's id in the council's open data. It never changes.",
    )
    organisation = models.ForeignKey(
        "services.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text="Who runs the service.",
    )
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        help_text="Whether the service is running. Closed services stay in the open data with their status.",
    )
    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="The youngest age served, in years (0 to 25). Leave empty if there is no lower limit.",
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="The oldest age served, in years (0 to 25). Leave empty if there is no upper limit.",
    )
    cost = models.CharField(
        max_length=10,
        choices=Cost.choices,
        blank=True,
        default=Cost.NOT_STATED,
        help_text="Whether families pay. Add the amounts under 'Cost options' if there is a cost.",
    )
    fees_description = models.TextField(
        blank=True, help_text="Optional: the cost in words, for example who pays and what for."
    )
    taxonomy_terms = ParentalManyToManyField(
        "services.TaxonomyTerm",
        blank=True,
        related_name="services",
        verbose_name="areas of need, ages and types of support",
        help_text="Tick every term that fits. Families filter 'Find support' by these.",
    )
    areas = ParentalManyToManyField(
        "services.Area",
        blank=True,
        related_name="services",
        verbose_name="service areas",
        help_text="The areas the service covers. Leave empty if it covers the whole council area.",
    )

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

    directory_panels = [
        HelpPanel(
            "These facts are shown on the 'Find support' page and published as open data "
            "(Open Referral UK). Fill in what you know; leave the rest empty."
        ),
        FieldPanel("organisation"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")], heading="Ages served"),
        FieldPanel("taxonomy_terms", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("fees_description"),
                InlinePanel("cost_options", label="Cost option", heading="Cost options"),
            ],
            heading="Cost",
        ),
        InlinePanel("languages", label="Language", heading="Languages the service is offered in"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        InlinePanel("location_links", label="Location", heading="Where it is offered"),
        InlinePanel("schedules", label="Opening time", heading="Regular opening times"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(directory_panels, heading="Directory"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.FilterField("status"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
        index.FilterField("cost"),
        index.SearchField("fees_description"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("taxonomy_terms", [index.SearchField("name")]),
        index.RelatedFields("areas", [index.SearchField("name")]),
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

    exclude_fields_in_copy = ["oruk_id"]

    class Meta:
        verbose_name = "service page"

    def clean(self):
        super().clean()
        if self.minimum_age is not None and self.maximum_age is not None and self.minimum_age > self.maximum_age:
            raise ValidationError({"maximum_age": "The oldest age must be the same as or more than the youngest age."})

    @property
    def ages_text(self):
        """The ages in words, for example '4 to 11 years', 'Up to 25 years', 'All ages'."""
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return f"{low} to {high} years"
        if high is not None:
            return f"Up to {high} years"
        if low is not None:
            return f"{low} years and over"
        return "All ages"

    @property
    def cost_text(self):
        if self.cost == Cost.FREE:
            return "Free"
        if self.cost == Cost.PAID:
            return self.fees_description or "There is a cost"
        return "Not stated"

    def get_child_pages(self):
        """The live child pages, as their own types, once per render (the start button and
        'More about this service' ask); routing's kept copy already holds them."""
        if not hasattr(self, "_child_pages"):
            self._child_pages = list(public_only(self.get_children().live()).specific())
        return self._child_pages

    def get_contacts(self):
        """The live contacts chosen for this page, in the editor's order, in one query (worked
        out once per render: the template asks twice)."""
        if not hasattr(self, "_contacts"):
            self._contacts = self._get_contacts()
        return self._contacts

    def prepare_to_keep(self):
        super().prepare_to_keep()
        self.get_contacts()
        self.get_child_pages()

    def _get_contacts(self):
        links = self.contact_links.filter(contact__live=True).select_related("contact").order_by("sort_order")
        contacts = [link.contact for link in links]
        if contacts:
            directory = contacts[0].get_directory()
            for contact in contacts:
                contact.page_url = contact.get_url(directory)
        return contacts


class ServiceCostOption(Orderable):
    """One price for a service, for example '£10 a session'."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200, help_text="What the price is for, for example 'Each session'.")
    amount = models.DecimalField(max_digits=8, decimal_places=2, help_text="The amount in pounds, for example 10.00.")
    amount_description = models.CharField(
        max_length=200, blank=True, help_text="Optional: more about the amount, for example 'per hour'."
    )

    panels = [FieldPanel("option"), FieldPanel("amount"), FieldPanel("amount_description")]

    class Meta(Orderable.Meta):
        verbose_name = "cost option"


class ServiceLanguage(Orderable):
    """A language the service is offered in."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=60, help_text="The language, for example 'British Sign Language'.")
    code = models.CharField(
        max_length=10, blank=True, help_text="Optional: its ISO 639 code, for example 'en' or 'bfi'."
    )

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = "language"


class ServiceLocation(Orderable):
    """A location (a snippet) where the service is offered."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        "services.Location",
        on_delete=models.CASCADE,
        related_name="service_links",
        help_text="Choose a location, or add one under Directory → Locations.",
    )
    oruk_id = models.UUIDField(
        null=True, blank=True, editable=False, db_index=True, help_text="The open data id of this service here."
    )

    panels = [FieldPanel("location")]

    class Meta(Orderable.Meta):
        verbose_name = "service location"

    def save(self, *args, **kwargs):
        # The same service at the same location always has the same id.
        self.oruk_id = uuid.uuid5(self.page.oruk_id, str(self.location.oruk_id))
        super().save(*args, **kwargs)


class Weekday(models.TextChoices):
    MO = "MO", "Monday"
    TU = "TU", "Tuesday"
    WE = "WE", "Wednesday"
    TH = "TH", "Thursday"
    FR = "FR", "Friday"
    SA = "SA", "Saturday"
    SU = "SU", "Sunday"


class ServiceSchedule(Orderable):
    """A regular weekly opening time, for example Monday 9am to 5pm."""

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="schedules")
    day = models.CharField(max_length=2, choices=Weekday.choices, help_text="The day of the week.")
    opens_at = models.TimeField(help_text="When it opens, for example 09:00.")
    closes_at = models.TimeField(help_text="When it closes, for example 17:00.")
    description = models.CharField(
        max_length=200, blank=True, help_text="Optional: for example 'Term time only' or 'Drop-in, no appointment'."
    )

    panels = [
        FieldPanel("day"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening time"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after the opening time."})


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
