"""The query parameters of the services app's public views, read through home's one validated
path (``home.params``): typed, bounded fields, and a clear message for a value we cannot use.
The contact directory's filters (ContactFilterForm) and 'Find support' (FindSupportForm) both
drop a value they cannot use and name it in a GOV.UK error summary."""

from dataclasses import dataclass

from django import forms
from django.core.cache import cache

from home.params import BoundedIntegerField, KnownValueField, KnownValuesField, QueryForm, TextField

from .directory import clean_search_text
from .finder import MAX_SEARCH_LENGTH, ServiceFilters
from .models import Area, TaxonomyTerm
from .models.directory import AREAS_OF_NEED, FILTER_CHOICES_CACHE_KEY
from .models.pages import MAX_AGE


class ContactFilterForm(QueryForm):
    """The contact directory's filters: words, a service, who it is for and an area."""

    id_prefix = "contacts-"

    q = TextField(max_length=100)
    service = BoundedIntegerField(min_value=1, label_text="service")
    audience = KnownValuesField(
        message="We do not recognise who the contact should be for, so we show contacts for everyone.", max_items=5
    )
    area = KnownValueField(message="We do not recognise that area, so we show contacts for every area.")

    def __init__(self, data, *, services=(), areas=(), audiences=(), **kwargs):
        super().__init__(data, **kwargs)
        self.service_ids = {int(value) for value, _label in services}
        self.fields["area"].choices = [("", "Any area"), *areas]
        self.fields["audience"].choices = list(audiences)
        if audiences:  # the error summary links to the first checkbox, as GOV.UK does
            self.anchors = {"audience": f"contacts-audience-{audiences[0][0]}"}

    def clean_q(self):
        return clean_search_text(self.cleaned_data["q"])

    def clean_service(self):
        service = self.cleaned_data["service"]
        if service is not None and service not in self.service_ids:
            raise forms.ValidationError("We do not recognise that service, so we show contacts for every service.")
        return service


MAX_PAGE = 10_000
SORT_CHOICES = [("relevance", "Best match"), ("name", "Name (A to Z)"), ("updated", "Recently updated")]
COST_CHOICES = [("", "Any"), ("free", "Free"), ("paid", "There is a cost")]
AUDIENCE_CHOICES = [("", "Anyone"), ("parents", "Parents and carers"), ("schools", "Schools and settings")]


@dataclass(frozen=True)
class Choice:
    pk: int
    code: str
    name: str

    @property
    def slug(self):
        return self.code


def filter_choices():
    """The areas of need and the areas to filter by, cached until an editor changes one
    (see clear_filter_choices in models/directory.py)."""
    choices = cache.get(FILTER_CHOICES_CACHE_KEY)
    if choices is None:
        terms = TaxonomyTerm.objects.filter(taxonomy__code=AREAS_OF_NEED).order_by("sort_order", "name")
        choices = {
            "needs": [Choice(term.pk, term.code, term.name) for term in terms],
            "areas": [Choice(area.pk, area.slug, area.name) for area in Area.objects.order_by("name")],
        }
        cache.set(FILTER_CHOICES_CACHE_KEY, choices, 60 * 60)
    return choices


class FindSupportForm(QueryForm):
    """The 'Find support' filters: words, areas of need, an age, an area, cost, who it is for,
    the order and the page. A value we cannot use is dropped (the rest still filter) and named
    in the GOV.UK error summary."""

    id_prefix = "find-"

    q = TextField(max_length=MAX_SEARCH_LENGTH, label="Search by words")
    need = KnownValuesField(
        label="Area of need",
        message="We do not recognise that area of need, so we show services for every need. Choose an area of "
        "need from the list.",
        max_items=10,
    )
    age = BoundedIntegerField(
        min_value=0,
        max_value=MAX_AGE,
        label="Age of the child or young person",
        error_messages={
            "invalid": "Enter an age as a whole number, like 7",
            "range": f"Enter an age from 0 to {MAX_AGE}",
        },
    )
    area = KnownValueField(
        label="Area",
        message="We do not recognise that area, so we show services for every area. Choose an area from the list.",
    )
    cost = KnownValueField(label="Cost", choices=COST_CHOICES, message="Choose free, there is a cost, or any")
    audience = KnownValueField(
        label="Who it is for",
        choices=AUDIENCE_CHOICES,
        message="Choose parents and carers, schools and settings, or anyone",
    )
    sort = KnownValueField(
        label="Sort by", choices=SORT_CHOICES, message="Choose how to sort the results from the list"
    )
    page = BoundedIntegerField(
        min_value=1,
        max_value=MAX_PAGE,
        label_text="page number",
        error_messages={
            "invalid": "The page number must be a whole number, like 2",
            "range": f"The page number must be between 1 and {MAX_PAGE:,}",
        },
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        choices = filter_choices()
        self.need_terms = choices["needs"]
        self.fields["need"].choices = [(term.code, term.name) for term in self.need_terms]
        self.areas = choices["areas"]
        self.fields["area"].choices = [("", "All areas")] + [(area.slug, area.name) for area in self.areas]
        # The error summary links to the first checkbox or radio, as GOV.UK does.
        self.anchors = {"cost": "cost-any", "audience": "audience-any", "page": "results"}
        if self.need_terms:
            self.anchors["need"] = f"need-{self.need_terms[0].code}"

    def clean_q(self):
        text = "".join(ch if ch.isprintable() else " " for ch in self.cleaned_data["q"])
        return " ".join(text.split())

    @property
    def sort_order(self):
        """The order to use: as chosen, else by relevance when there are words, else by name."""
        values = self.values
        if values["sort"] and (values["sort"] != "relevance" or values["q"]):
            return values["sort"]
        return "relevance" if values["q"] else "name"

    @property
    def is_filtered(self):
        values = self.values
        return any(values[name] for name in ("q", "need", "area", "cost", "audience")) or values["age"] is not None

    def drop_page(self, total_pages):
        """The page asked for is past the last one: say so and show the first page."""
        page = self.values["page"]
        self.add_error("page", f"There is no page {page}. The results have {total_pages}.")

    def filters(self):
        values = self.values
        codes = set(values["need"])
        return ServiceFilters(
            search=values["q"],
            any_term_ids=[term.pk for term in self.need_terms if term.code in codes],
            age=values["age"],
            area_slug=values["area"],
            cost=values["cost"],
            audience=values["audience"],
            sort=self.sort_order,
        )
