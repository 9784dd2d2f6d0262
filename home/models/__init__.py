"""The ground floor: the home page, site settings, information pages and the page base that
every content page in the other apps shares (summary, audience, owner and review dates).

Feedback, review records and 'You said, we did' each have their own module in this package
(feedback.py, review.py, you_said_we_did.py); they are imported here, so
`from home.models import Feedback` works and every model's app is still `home`."""

from datetime import date

from csp.constants import SELF
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from home.admin_forms import LocalOfferPageForm
from home.blocks import BodyBlock, LinkBlock
from home.languages import prefer_active_language
from home.readability import ReadabilityPanel
from home.routing import CheapServeMixin

REVIEW_PERIOD_MONTHS = 12


def next_review_date(reviewed_on):
    """The default 'review by' date: 12 months after a review."""
    return reviewed_on + relativedelta(months=REVIEW_PERIOD_MONTHS)


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
            self.review_by = next_review_date(self.last_reviewed)


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
    also_searched_as = models.TextField(
        blank=True,
        help_text="Other words people search with when this page is the answer, separated by commas, "
        "for example 'dyslexia, reading difficulties' or 'not working, struggling'. Search finds this page "
        "for them and may show it first.",
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("audience"), ReadabilityPanel()]
    base_form_class = LocalOfferPageForm  # readable schedule dates, owners by name (home/admin_forms.py)
    promote_panels = Page.promote_panels + [FieldPanel("also_searched_as")]
    settings_panels = Page.settings_panels + ReviewMixin.review_panels
    # The Local Offer duties this page covers (home/models/coverage.py): one mechanism for every page type.
    settings_panels = settings_panels + [
        InlinePanel(
            "covers",
            heading="What the law asks for that this page covers",
            label="Local Offer duty",
            help_text="Choose only the duties this page really covers. They show on 'What our Local Offer covers'.",
        )
    ]

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=5),  # titles above summaries above body text (replaces Page's 2)
        index.SearchField("summary", boost=3),
        index.SearchField("also_searched_as", boost=3),
        index.FilterField("audience"),
    ]

    # Regulation 57: versions of the page in large print, easy read, audio or another language
    # (home/models/offline.py), on a tab of their own on every page type.
    other_formats_panels = [
        InlinePanel(
            "alternative_formats",
            heading="Other formats",
            label="Other format",
            help_text="A version of this page as a file: large print, easy read, audio, Braille, BSL or another "
            "language. The page lists each with its format, language and size.",
        )
    ]

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs (Content, Promote, Settings), or the page type's own `edit_handler`
        (a service page adds 'Directory'), with 'Other formats' before Settings."""
        if hasattr(cls, "edit_handler"):
            tabs = list(cls.edit_handler.children)
        else:
            tabs = [
                ObjectList(cls.content_panels, heading="Content"),
                ObjectList(cls.promote_panels, heading="Promote"),
                ObjectList(cls.settings_panels, heading="Settings"),
            ]
        if not any(tab.heading == "Other formats" for tab in tabs):
            headings = [tab.heading for tab in tabs]
            at = headings.index("Settings") if "Settings" in headings else len(tabs)
            tabs.insert(at, ObjectList(cls.other_formats_panels, heading="Other formats"))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

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


HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Give the colour as # and six hexadecimal digits, like #00703c.")


def _luminance(hex_colour):
    """The relative luminance of a #rrggbb colour (WCAG 2.2)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour):
    """The contrast ratio of white text on this colour (1 to 21)."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


def validate_brand_colour(value):
    """The header's white text must stay readable on the brand colour (WCAG 2.2 AA, 4.5:1)."""
    HEX_COLOUR(value)
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            f"White text on {value} has a contrast ratio of {ratio:.1f} to 1; it must be at least 4.5 to 1. "
            "Choose a darker colour."
        )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the council fills in once for the whole site: its name, the area it covers, the
    service name, its contact details, its brand colour and logo, and the footer. Templates read
    these, so another council needs no code change. Empty fields are simply not shown."""

    council_name = models.CharField(
        max_length=120, blank=True, help_text="The council's name, shown in the header and footer."
    )
    area_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="The area the council covers, as families know it, for example 'Derbyshire'. Checks that ask "
        "where you live write {area} where this name goes.",
    )
    council_url = models.URLField(
        blank=True, help_text="The council's own website. The footer's 'Published by' links to it."
    )
    service_name = models.CharField(
        max_length=120, default="Local Offer", help_text="The name of this website, shown in the header."
    )
    brand_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text="The council's colour for the header and accents, as # and six hexadecimal digits, like "
        "#00703c. It must be dark enough for white text. Leave empty for the standard green.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The council's logo for the header, ideally a white SVG or PNG about 40 pixels high. "
        "Its description is the council's name.",
    )
    footer_text = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="A short note for the bottom of every page, for example the council's address or opening hours.",
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
    contact_address = models.TextField(
        blank=True, help_text="The Local Offer team's postal address, one line per line of the address."
    )
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
    # Regulation 57: how to get the Local Offer without the internet, and in other formats. The
    # 'Get this information without the internet' page (OfflineAccessPage) shows these.
    offline_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="The number to call to hear or ask for the Local Offer's information. Leave empty to use the "
        "team's phone number above.",
    )
    offline_phone_hours = models.CharField(
        max_length=150, blank=True, help_text="When someone answers, for example 'Monday to Friday, 9am to 5pm'."
    )
    offline_address = models.TextField(
        blank=True,
        help_text="Where to write for printed information, one line per line of the address. Leave empty to use "
        "the team's postal address above.",
    )
    offline_in_person = models.TextField(
        blank=True,
        help_text="Where and when people can ask in person, for example a council office or libraries, and "
        "whether they need an appointment.",
    )
    large_print = models.TextField(blank=True, help_text="How to ask for information in large print.")
    easy_read = models.TextField(blank=True, help_text="How to ask for easy read versions.")
    audio = models.TextField(blank=True, help_text="How to ask for audio versions or have information read out.")
    other_languages = models.TextField(
        blank=True, help_text="How to ask for information in another language, or for an interpreter (including BSL)."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("area_name"),
                FieldPanel("council_url"),
                FieldPanel("service_name"),
            ],
            heading="The council",
        ),
        MultiFieldPanel([FieldPanel("brand_colour"), FieldPanel("logo")], heading="Brand"),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("phase_text")], heading="Phase banner"),
        MultiFieldPanel(
            [
                HelpPanel("The council fills these in. Nothing is shown until they are."),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
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
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "The law (SEND Regulations 2014, regulation 57) says families must be able to get the Local "
                    "Offer without the internet and in other formats. The page 'Get this information without the "
                    "internet or in another format' shows what you write here; empty fields are not shown."
                ),
                FieldPanel("offline_phone"),
                FieldPanel("offline_phone_hours"),
                FieldPanel("offline_address"),
                FieldPanel("offline_in_person"),
                FieldPanel("large_print"),
                FieldPanel("easy_read"),
                FieldPanel("audio"),
                FieldPanel("other_languages"),
            ],
            heading="Without the internet",
        ),
    ]

    @property
    def offline_phone_number(self):
        """The number for the Local Offer without the internet: its own, else the team's."""
        return self.offline_phone or self.contact_phone

    @property
    def offline_postal_address(self):
        return self.offline_address or self.contact_address

    def other_formats(self):
        """The other formats the council says how to ask for: (name, how) pairs, in order."""
        wanted = [
            ("Large print", self.large_print),
            ("Easy read", self.easy_read),
            ("Audio", self.audio),
            ("Other languages", self.other_languages),
        ]
        return [(name, how) for name, how in wanted if how.strip()]

    @property
    def brand_colour_css(self):
        """The brand colour for the page's <style>, only when it is a valid #rrggbb colour."""
        colour = (self.brand_colour or "").strip()
        try:
            HEX_COLOUR(colour)
        except ValidationError:
            return ""
        return colour

    @classmethod
    def for_site(cls, site):
        """The settings, kept with the page cache's generation (home/cache.py): read from the
        database once per change to the site, not on every request."""
        from home.cache import for_generation

        return for_generation(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))

    def footer_links(self):
        """The footer's links, in order, skipping any not chosen yet. One query for all four,
        kept until the next change to the site."""
        from home.cache import for_generation

        wanted = [
            (self.accessibility_page_id, "Accessibility statement"),
            (self.cookies_page_id, "Cookies"),
            (self.privacy_page_id, "Privacy"),
            (self.contact_page_id, "Contact us"),
        ]

        def compute():
            pages = Page.objects.live().in_bulk([pk for pk, _ in wanted if pk])
            links = [{"url": pages[pk].url, "text": text} for pk, text in wanted if pk in pages]
            # Every page links to how to get the Local Offer without the internet (regulation 57).
            offline = prefer_active_language(OfflineAccessPage.objects.live())
            if offline:
                links.append({"url": offline.url, "text": offline.title})
            return links

        return for_generation(f"footer-links:{self.pk}:{translation.get_language()}", compute)

    class Meta:
        verbose_name = "site settings"


# --- Each in its own module, defined after what they build on (BasePage, the review period) ---
from .coverage import CheckStatus, CoveragePage, PageCoverage, Schedule2Item  # noqa: E402
from .feedback import CommentAbout, Feedback, FeedbackQuerySet  # noqa: E402
from .offline import AlternativeFormat, DocumentFormat, OfflineAccessPage  # noqa: E402
from .review import ReviewRecord  # noqa: E402
from .you_said_we_did import YouSaidWeDid, YouSaidWeDidPage, YouSaidWeDidQuerySet  # noqa: E402

__all__ = [
    "REVIEW_PERIOD_MONTHS",
    "AlternativeFormat",
    "Audience",
    "DocumentFormat",
    "BasePage",
    "CheckStatus",
    "CommentAbout",
    "CoveragePage",
    "Feedback",
    "FeedbackQuerySet",
    "HomePage",
    "InformationPage",
    "OfflineAccessPage",
    "PageCoverage",
    "ReviewMixin",
    "ReviewRecord",
    "Schedule2Item",
    "SiteSettings",
    "YouSaidWeDid",
    "YouSaidWeDidPage",
    "YouSaidWeDidQuerySet",
    "allow_admin_preview_framing",
    "next_review_date",
]
