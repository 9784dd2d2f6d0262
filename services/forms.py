"""The query parameters of the services app's public views, read through home's one validated
path (``home.params``): typed, bounded fields, and a clear message for a value we cannot use.

The 'Find support' form (FindSupportForm, below) is a plain Django form with bounded fields;
it is not yet a ``home.params.QueryForm`` (see docs/directory.md)."""

from dataclasses import dataclass

from django import forms
from django.core.cache import cache

from home.params import BoundedIntegerField, KnownValueField, KnownValuesField, QueryForm, TextField

from .directory import clean_search_text
from .finder import ServiceFilters
from .models import Area, TaxonomyTerm
from .models.directory import FILTER_CHOICES_CACHE_KEY
from .models.pages import MAX_AGE
from .taxonomy import AREAS_OF_NEED


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


class FindSupportForm(forms.Form):
    q = forms.CharField(
        label="Search by words",
        required=False,
        max_length=200,
        error_messages={"max_length": "Search words must be 200 characters or fewer"},
    )
    need = forms.MultipleChoiceField(
        label="Area of need",
        required=False,
        error_messages={"invalid_choice": "Choose an area of need from the list"},
    )
    age = forms.IntegerField(
        label="Age of the child or young person",
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Enter an age as a whole number, like 7",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
    )
    area = forms.ChoiceField(
        label="Area", required=False, error_messages={"invalid_choice": "Choose an area from the list"}
    )
    cost = forms.ChoiceField(
        label="Cost",
        required=False,
        choices=COST_CHOICES,
        error_messages={"invalid_choice": "Choose free, there is a cost, or any"},
    )
    audience = forms.ChoiceField(
        label="Who it is for",
        required=False,
        choices=AUDIENCE_CHOICES,
        error_messages={"invalid_choice": "Choose parents and carers, schools and settings, or anyone"},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=SORT_CHOICES,
        error_messages={"invalid_choice": "Choose how to sort the results from the list"},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "The page number must be a whole number",
            "min_value": "The page number must be 1 or more",
            "max_value": "That page number is too big",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices()
        self.need_terms = choices["needs"]
        self.fields["need"].choices = [(term.code, term.name) for term in self.need_terms]
        self.areas = choices["areas"]
        self.fields["area"].choices = [("", "All areas")] + [(area.slug, area.name) for area in self.areas]

    def clean_q(self):
        text = "".join(ch if ch.isprintable() else " " for ch in self.cleaned_data["q"])
        return " ".join(text.split())

    def clean_sort(self):
        sort = self.cleaned_data["sort"]
        if not sort:
            return "relevance" if self.cleaned_data.get("q") else "name"
        return sort

    def clean(self):
        data = super().clean()
        if data.get("sort") == "relevance" and not data.get("q"):
            data["sort"] = "name"  # nothing to rank by
        return data

    @property
    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("q", "need", "area", "cost", "audience")) or (
            data.get("age") is not None
        )

    def filters(self):
        data = self.cleaned_data
        codes = set(data["need"])
        return ServiceFilters(
            search=data["q"],
            any_term_ids=[term.pk for term in self.need_terms if term.code in codes],
            age=data["age"],
            area_slug=data["area"],
            cost=data["cost"],
            audience=data["audience"],
            sort=data["sort"],
        )
