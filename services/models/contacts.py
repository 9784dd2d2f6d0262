"""The contact directory: contacts as snippets (teams, services, roles), the areas a team
covers, and the directory page that lists them, gives each its own page and a vCard.

Editors change a phone number once, on the contact snippet; every page that shows the
contact reads the live snippet when it renders, so there is no copy to go stale.
"""

from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from home.admin_forms import LocalOfferSnippetForm
from home.languages import active_locale_id, in_active_language, site_page
from home.models import Audience, BasePage, ReviewMixin
from home.slugs import SlugFromNameMixin

from ..directory import contact_json_ld, json_ld_script, make_vcard


class Area(SlugFromNameMixin, models.Model):
    """An area of the council that a team covers, for example one of SSSEN's seven area
    teams' areas. The council adds its own; none are shipped."""

    name = models.CharField(max_length=120, unique=True, help_text="The area's name, as families know it.")
    slug = models.SlugField(
        "web address",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Used in the directory's filter address. Filled in from the name: change it only if you must.",
    )
    description = models.TextField(
        blank=True, help_text="Optional: the towns or schools in the area, in a sentence or two."
    )

    panels = [
        TitleFieldPanel("name", placeholder=False, classname=""),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "area"

    def __str__(self):
        return self.name


class ContactKind(models.TextChoices):
    TEAM = "team", "Team"
    SERVICE = "service", "Service"
    ROLE = "role", "Role"
    PERSON = "person", "Person in a role"


class ContactTag(TaggedItemBase):
    """Links a tag to a contact."""

    content_object = ParentalKey("services.Contact", on_delete=models.CASCADE, related_name="tagged_items")


class ContactQuerySet(models.QuerySet):
    def live(self):
        """Only published contacts are shown to the public."""
        return self.filter(live=True)

    def for_directory(self):
        """Live contacts with everything the directory shows, in a fixed number of queries."""
        from .pages import ServicePageContact

        # The service pages in the visitor's language (a translated page keeps its contacts).
        links = ServicePageContact.objects.filter(page__live=True, page__locale_id=active_locale_id())
        links = links.select_related("page").order_by("page__title")
        return (
            self.live()
            .prefetch_related("areas", Prefetch("service_links", queryset=links, to_attr="live_service_links"))
            .order_by("name")
        )


class Contact(
    SlugFromNameMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ReviewMixin,
    index.Indexed,
    ClusterableModel,
):
    """A team, service or role that parents and schools can contact. Change it here and every
    page that shows it changes. A service page chooses its contacts in its 'Contacts' panel."""

    name = models.CharField(
        max_length=150,
        help_text="The team, service or role, for example 'Support Service for Special Educational Needs (SSSEN)'.",
    )
    slug = models.SlugField(
        "web address",
        max_length=150,
        unique=True,
        blank=True,
        help_text="The end of the contact's web address, for example 'sssen'. Filled in from the name: "
        "change it only if you must, because old links stop working.",
    )
    kind = models.CharField(
        max_length=20,
        choices=ContactKind.choices,
        default=ContactKind.TEAM,
        help_text="What this contact is. A role, such as a school's SENCO, has no number of its own.",
    )
    contact_person = models.CharField(
        max_length=120, blank=True, help_text="Optional: the person to contact, for example the head of service."
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="Their job title or role, for example 'Head of Service'."
    )
    description = models.TextField(
        blank=True,
        help_text="Who they are and what they can help with, in one or two plain sentences.",
    )
    how_to_contact = models.TextField(
        blank=True,
        help_text="How to reach them when there is no phone or email here, for example 'Ask at your child's school'.",
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="The phone number as people dial it, with the area code."
    )
    email = models.EmailField(blank=True, help_text="Email address.")
    organisation = models.CharField(
        max_length=150, blank=True, help_text="The organisation, for example the council's name. Shown in the address."
    )
    address_lines = models.TextField(
        blank=True,
        help_text="The address before the town, one line for each line: department, building, street.",
    )
    town = models.CharField(max_length=80, blank=True, help_text="Town or city.")
    postcode = models.CharField(max_length=10, blank=True, help_text="Postcode, for example S41 8LQ.")
    opening_hours = models.TextField(
        blank=True,
        help_text="When they can be reached, for example 'Monday to Friday, 9am to 5pm'. Leave empty if not known.",
    )
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Who mainly contacts them. Used by the directory's filter.",
    )
    areas = ParentalManyToManyField(
        Area,
        blank=True,
        related_name="contacts",
        help_text="The areas this team covers. Leave empty if it covers everywhere.",
    )
    tags = ClusterTaggableManager(
        through=ContactTag, blank=True, help_text="Words that help editors group contacts. Not shown to the public."
    )

    objects = ContactQuerySet.as_manager()
    base_form_class = LocalOfferSnippetForm

    panels = [
        TitleFieldPanel("name", placeholder=False, classname=""),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("contact_person"), FieldPanel("role")], heading="Person to contact"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldPanel("how_to_contact"),
            ],
            heading="How to get in touch",
        ),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("address_lines"), FieldPanel("town"), FieldPanel("postcode")],
            heading="Postal address",
        ),
        MultiFieldPanel(
            [
                HelpPanel("To show this contact on a service page, choose it in that page's 'Contacts' panel."),
                FieldPanel("audience"),
                FieldPanel("areas"),
                FieldPanel("tags"),
            ],
            heading="Who it is for",
        ),
    ] + ReviewMixin.review_panels

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("contact_person"),
        index.SearchField("role"),
        index.SearchField("description"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("audience"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "contact"

    def __str__(self):
        return self.name

    # --- What templates, the vCard and JSON-LD read -----------------------------------------
    @property
    def address_line_list(self):
        return [line.strip() for line in self.address_lines.splitlines() if line.strip()]

    @property
    def full_address(self):
        """Every line of the postal address, the organisation first and the postcode last."""
        lines = [self.organisation] if self.organisation else []
        return [*lines, *self.address_line_list, *[x for x in (self.town, self.postcode) if x]]

    @property
    def phone_href(self):
        """The phone number as a tel: link target: digits only (a leading + kept)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if not digits:
            return ""
        return "tel:" + ("+" if self.phone.strip().startswith("+") else "") + digits

    @property
    def has_details(self):
        return bool(self.phone or self.email or self.full_address)

    def get_directory(self):
        return site_page(ContactDirectoryPage)

    def get_url(self, directory=None, request=None):
        """The contact's own page, under the directory page ('' if there is no directory)."""
        directory = directory or self.get_directory()
        if directory is None:
            return ""
        return directory.get_url(request=request) + directory.reverse_subpage("contact", args=[self.slug])

    def get_preview_template(self, request, mode_name):
        return "services/contact_page.html"

    def get_preview_context(self, request, mode_name):
        return {"contact": self, "page": self.get_directory(), "json_ld": json_ld_script([contact_json_ld(self)])}


class ContactDirectoryPage(RoutablePageMixin, BasePage):
    """The contact directory: every live contact, grouped by service, with filters, and a page
    and a contact card (vCard) for each contact. Make one, under the home page."""

    intro = models.TextField(
        blank=True,
        help_text="Optional: a sentence under the title, for example who to contact first.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "contact directory page"

    # --- Filters ---------------------------------------------------------------------------
    def get_filter_form(self, request, choices):
        """The GET filters, read through one validated form (services/forms.py). A value we
        cannot use is dropped, and the page says why in a GOV.UK error summary."""
        from ..forms import ContactFilterForm

        return ContactFilterForm.read(
            request, services=choices["services"], areas=choices["areas"], audiences=choices["audiences"]
        )

    def filter_contacts(self, contacts, filters):
        """Filter by cleaned values only (see ``get_filter_form``)."""
        if filters["q"]:
            words = filters["q"].split()[:10]
            for word in words:
                contacts = contacts.filter(
                    Q(name__icontains=word) | Q(contact_person__icontains=word) | Q(role__icontains=word)
                )
        if filters["service"] is not None:
            contacts = contacts.filter(service_links__page_id=filters["service"], service_links__page__live=True)
        if filters["audience"]:
            contacts = contacts.filter(audience__in=set(filters["audience"]) | {Audience.EVERYONE})
        if filters["area"]:
            contacts = contacts.filter(areas__slug=filters["area"])
        return contacts.distinct()

    def group_contacts(self, contacts):
        """Group by service (a contact for two services appears under both), then the rest."""
        groups = {}
        others = []
        for contact in contacts:
            if not contact.live_service_links:
                others.append(contact)
            for link in contact.live_service_links:
                groups.setdefault(link.page_id, {"service": link.page, "contacts": []})["contacts"].append(contact)
        result = sorted(groups.values(), key=lambda group: group["service"].title.lower())
        if others:
            result.append({"service": None, "contacts": others})
        return result

    def get_filter_choices(self):
        from .pages import ServicePage

        services = in_active_language(ServicePage.objects.live()).filter(contact_links__contact__live=True)
        services = services.distinct().order_by("title")
        return {
            "services": [(str(page.pk), page.title) for page in services],
            "areas": [(area.slug, area.name) for area in Area.objects.all()],
            "audiences": [(value, label) for value, label in Audience.choices if value != Audience.EVERYONE],
        }

    def get_cached_paths(self):
        """The directory, and each live contact's page and card: what a CDN purge must reach
        (wagtail.contrib.frontend_cache, see home/cache.py)."""
        paths = ["/"]
        for slug in Contact.objects.live().values_list("slug", flat=True):
            contact_path = self.reverse_subpage("contact", args=[slug])
            paths += ["/" + contact_path, "/" + self.reverse_subpage("vcard", args=[slug])]
        return paths

    # --- Routes ----------------------------------------------------------------------------
    @path("")
    def directory(self, request):
        choices = self.get_filter_choices()
        form = self.get_filter_form(request, choices)
        filters = form.values
        contacts = list(self.filter_contacts(Contact.objects.for_directory(), filters))
        base_url = self.get_url(request=request)
        for contact in contacts:
            contact.page_url = base_url + self.reverse_subpage("contact", args=[contact.slug])
        context = self.get_context(request)
        context.update(
            {
                "filters": {**filters, "service": "" if filters["service"] is None else str(filters["service"])},
                "choices": choices,
                "problems": form.problems,
                "filtered": any(value not in (None, "", [], ()) for value in filters.values()),
                "contacts": contacts,
                "groups": self.group_contacts(contacts),
                "json_ld": json_ld_script([contact_json_ld(c, url=c.page_url) for c in contacts]),
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    def get_contact_or_404(self, slug):
        return get_object_or_404(Contact.objects.for_directory(), slug=slug)

    @path("<slug:slug>/", name="contact")
    def contact(self, request, slug):
        contact = self.get_contact_or_404(slug)
        context = self.get_context(request)
        context.update(
            {
                "contact": contact,
                "contact_url": request.build_absolute_uri(),
                "json_ld": json_ld_script([contact_json_ld(contact, url=request.build_absolute_uri())]),
            }
        )
        return TemplateResponse(request, "services/contact_page.html", context)

    @path("<slug:slug>/vcard/", name="vcard")
    def vcard(self, request, slug):
        contact = self.get_contact_or_404(slug)
        if not contact.has_details:
            raise Http404("This contact has no details to put on a card.")
        url = request.build_absolute_uri(self.get_url(request=request) + self.reverse_subpage("contact", args=[slug]))
        response = HttpResponse(make_vcard(contact, url=url), content_type="text/vcard; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{contact.slug}.vcf"'
        return response
