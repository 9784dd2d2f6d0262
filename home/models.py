"""The ground floor: the home page, site settings, information pages and the page base that
every content page in the other apps shares (summary, audience, owner and review dates)."""

from datetime import date, timedelta

from csp.constants import SELF
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .blocks import BodyBlock, LinkBlock
from .readability import ReadabilityPanel
from .routing import CheapServeMixin

REVIEW_PERIOD_MONTHS = 12


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    PARENTS = "parents", "Parents and carers"
    SCHOOLS = "schools", "Schools and settings"


class ReviewMixin(models.Model):
    """Who owns a piece of content and when it must next be checked.

    Used by every page and by contacts. `review_by` defaults to 12 months after the last
    review, so content that nobody looks at shows up in the 'Content due for review' report.
    """

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person who keeps this up to date. They get the review reminders.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When someone last checked that this is still right.",
    )
    review_by = models.DateField(
        null=True,
        blank=True,
        help_text="When it must next be checked. Leave empty for 12 months after the last review.",
    )

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("last_reviewed"), FieldPanel("review_by")],
            heading="Review",
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_review_dates()
        super().save(*args, **kwargs)

    def fill_review_dates(self, today=None):
        """Give an empty review date its default: 12 months after the last review."""
        today = today or date.today()
        if self.last_reviewed is None:
            self.last_reviewed = today
        if self.review_by is None:
            self.review_by = self.last_reviewed + relativedelta(months=REVIEW_PERIOD_MONTHS)


def allow_admin_preview_framing(response):
    """Let the admin (same origin) show a page in its preview panel.

    Wagtail runs a preview through the whole middleware stack under the page's own address, so
    the site's Content-Security-Policy (`frame-ancestors 'none'`) would stop the preview panel
    from showing it. Only preview responses get this; live pages still refuse to be framed.
    """
    response._csp_replace = {"frame-ancestors": [SELF]}
    return response


class BasePage(CheapServeMixin, ReviewMixin, Page):
    """What every content page shares: a summary, who it is for, and review dates. Served in a
    few queries whatever its depth (home/routing.py)."""

    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two plain sentences under the title. Also shown in search results and lists.",
    )
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Who the page is mainly for. Used to filter search results.",
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("audience"), ReadabilityPanel()]
    settings_panels = Page.settings_panels + ReviewMixin.review_panels

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=5),  # titles above summaries above body text (replaces Page's 2)
        index.SearchField("summary", boost=3),
        index.FilterField("audience"),
    ]

    class Meta:
        abstract = True

    def get_section_title(self):
        """The name of the part of the site this page is in (for search results)."""
        section = self.get_parent()
        return section.title if section and section.depth > 2 else ""

    def serve_preview(self, request, mode_name):
        return allow_admin_preview_framing(super().serve_preview(request, mode_name))


class HomePage(BasePage):  # noqa: DJ008 (Page gives __str__)
    """The front page: ways in for parents and carers, schools and settings, and editors."""

    intro = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="A sentence or two that says what the Local Offer is.",
    )
    parents_heading = models.CharField(
        max_length=120, default="For parents and carers", help_text="Heading above the parents' links."
    )
    parents_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="The pages parents and carers most often need."
    )
    schools_heading = models.CharField(
        max_length=120, default="For schools and settings", help_text="Heading above the schools' links."
    )
    schools_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="The pages SENCOs and head teachers most often need."
    )
    editors_text = models.CharField(
        max_length=250,
        default="Council staff can sign in to update this website.",
        help_text="The line above the link to the editors' sign-in.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("parents_heading"), FieldPanel("parents_links")], heading="Parents and carers"),
        MultiFieldPanel([FieldPanel("schools_heading"), FieldPanel("schools_links")], heading="Schools and settings"),
        MultiFieldPanel([FieldPanel("editors_text")], heading="Council editors"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class InformationPage(BasePage):  # noqa: DJ008 (Page gives __str__)
    """A plain page for the site's own information: accessibility statement, cookies, privacy,
    contact us. Not for SEND guidance (use a guidance page)."""

    body = StreamField(BodyBlock(), blank=True, help_text="The text of the page.")

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "information page"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the council fills in once for the whole site: its name, the service name and
    its general contact details. Empty fields are simply not shown."""

    council_name = models.CharField(
        max_length=120, blank=True, help_text="The council's name, shown in the header and footer."
    )
    service_name = models.CharField(
        max_length=120, default="Local Offer", help_text="The name of this website, shown in the header."
    )
    phase = models.CharField(
        max_length=20, blank=True, default="Beta", help_text="Phase tag, for example 'Beta'. Leave empty for none."
    )
    phase_text = RichTextField(
        features=["link"],
        blank=True,
        default="This is a new website. Your feedback helps us improve it.",
        help_text="The sentence in the phase banner.",
    )
    contact_email = models.EmailField(blank=True, help_text="The Local Offer team's email address.")
    contact_phone = models.CharField(max_length=40, blank=True, help_text="The Local Offer team's phone number.")
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from every page's footer.",
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page about cookies, linked from every page's footer.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from every page's footer.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page that says how to contact the Local Offer team (or the contact directory).",
    )

    panels = [
        FieldPanel("council_name"),
        FieldPanel("service_name"),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("phase_text")], heading="Phase banner"),
        MultiFieldPanel(
            [
                HelpPanel("The council fills these in. Nothing is shown until they are."),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("cookies_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
            ],
            heading="Footer links",
        ),
    ]

    @classmethod
    def for_site(cls, site):
        """The settings, kept with the page cache's generation (home/cache.py): read from the
        database once per change to the site, not on every request."""
        from .cache import for_generation

        return for_generation(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))

    def footer_links(self):
        """The footer's links, in order, skipping any not chosen yet. One query for all four,
        kept until the next change to the site."""
        from .cache import for_generation

        wanted = [
            (self.accessibility_page_id, "Accessibility statement"),
            (self.cookies_page_id, "Cookies"),
            (self.privacy_page_id, "Privacy"),
            (self.contact_page_id, "Contact us"),
        ]

        def compute():
            pages = Page.objects.live().in_bulk([pk for pk, _ in wanted if pk])
            return [{"url": pages[pk].url, "text": text} for pk, text in wanted if pk in pages]

        return for_generation(f"footer-links:{self.pk}", compute)

    class Meta:
        verbose_name = "site settings"


# --- Editorial: review records, feedback and 'You said, we did' -----------------------------


def next_review_date(reviewed_on):
    """The default 'review by' date: 12 months after a review."""
    return reviewed_on + relativedelta(months=REVIEW_PERIOD_MONTHS)


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
        FieldPanel("received_on"),
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
