"""The service directory's shared records: organisations, locations and taxonomies (the
'areas of need', age groups and types of support that services are tagged with).

They are snippets, so one change (a new address, a renamed term) shows on every service that
uses them. Each has a stable UUID, which is its id in the Open Referral UK data
(`/api/openreferral/`): it never changes, even when the name does.
"""

import uuid

from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


def oruk_id_field():
    return models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        verbose_name="open data id",
        help_text="The id in the council's open data. It never changes.",
    )


class Organisation(index.Indexed, models.Model):
    """Who runs a service: the council, an NHS trust, a charity. Choose it on each service page."""

    oruk_id = oruk_id_field()
    name = models.CharField(max_length=200, unique=True, help_text="The organisation's full name.")
    description = models.TextField(blank=True, help_text="What the organisation is, in one or two plain sentences.")
    email = models.EmailField(blank=True, help_text="Optional: its general email address.")
    website = models.URLField(blank=True, help_text="Optional: its website, starting https://.")

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("email"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"

    def __str__(self):
        return self.name


class Location(index.Indexed, models.Model):
    """A place where a service is offered: a centre, a clinic, a school base. Choose it on
    each service page that is offered there."""

    oruk_id = oruk_id_field()
    name = models.CharField(max_length=200, help_text="The place's name, as families know it.")
    description = models.TextField(blank=True, help_text="Optional: how to find it, in a sentence or two.")
    address_1 = models.CharField(
        "address", max_length=200, blank=True, help_text="The building and street, for example 'Sheffield Road'."
    )
    town = models.CharField(max_length=100, blank=True, help_text="Town or city.")
    county = models.CharField(max_length=100, blank=True, help_text="Optional: the county.")
    postcode = models.CharField(max_length=10, blank=True, help_text="Postcode, for example S41 8LQ.")
    accessibility = models.TextField(
        blank=True,
        help_text="How accessible the place is: step-free access, hearing loops, parking, toilets.",
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Optional: latitude, for example 53.2353. Leave empty if you do not know it.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Optional: longitude, for example -1.4217. Leave empty if you do not know it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("address_1"), FieldPanel("town"), FieldPanel("county"), FieldPanel("postcode")],
            heading="Address",
        ),
        FieldPanel("accessibility"),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Map position (optional)"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("town"), index.SearchField("postcode")]

    class Meta:
        ordering = ["name"]
        verbose_name = "location"

    def __str__(self):
        return f"{self.name}, {self.postcode}" if self.postcode else self.name

    @property
    def address_line(self):
        return ", ".join(x for x in (self.name, self.address_1, self.town, self.postcode) if x)


class Taxonomy(models.Model):
    """A list of terms that services are tagged with, for example 'Areas of need'."""

    oruk_id = oruk_id_field()
    code = models.SlugField(max_length=60, unique=True, help_text="A short name used in web addresses.")
    name = models.CharField(max_length=120, help_text="The list's name, for example 'Areas of need'.")
    description = models.TextField(help_text="What the list is for and where its terms come from.")
    uri = models.URLField(blank=True, help_text="Optional: where the list is published, if it is a standard one.")
    version = models.CharField(max_length=40, blank=True, help_text="Optional: the list's version.")

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "taxonomy"
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTerm(index.Indexed, models.Model):
    """One term in a taxonomy, for example 'Communication and interaction'. Tick terms on a
    service page; families filter the 'Find support' page by them."""

    oruk_id = oruk_id_field()
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms", help_text="The list this term belongs to."
    )
    code = models.SlugField(max_length=60, help_text="A short name used in web addresses, unique in its list.")
    name = models.CharField(max_length=120, help_text="The term as families read it.")
    description = models.TextField(help_text="What the term covers, in a plain sentence.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="Optional: a broader term in the same list.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Terms are listed in this order (lowest first).")

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("taxonomy_id")]

    class Meta:
        ordering = ["taxonomy__name", "sort_order", "name"]
        verbose_name = "taxonomy term"
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code_in_taxonomy")]

    def __str__(self):
        return self.name


# The taxonomy whose terms are the 'Area of need' filter on 'Find support' and the areas of need
# shown in each result. The taxonomies themselves are content: the starter ones are loaded from
# localoffer/content/starter/snippets/taxonomies.yaml and taxonomy-terms.yaml.
AREAS_OF_NEED = "areas-of-need"

FILTER_CHOICES_CACHE_KEY = "services:find-support:choices"  # services/forms.py fills it


@receiver([post_save, post_delete], sender=TaxonomyTerm)
@receiver([post_save, post_delete], sender=Taxonomy)
@receiver([post_save, post_delete], sender="services.Area")
def clear_filter_choices(**kwargs):
    """A term or area changed: the 'Find support' filters must show it at once."""
    cache.delete(FILTER_CHOICES_CACHE_KEY)
