"""The API's query parameters, each through a ``home.params.QueryForm`` with bounded, typed
fields: a bad value is a 400 with the form's ``error_body()``, never a 500."""

import re

from django import forms

from home.params import BoundedIntegerField, QueryForm

from ..models.pages import Weekday

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
MAX_PAGE = 100_000

POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?([0-9][A-Z]{2})?$")


class PageForm(QueryForm):
    page = BoundedIntegerField(min_value=1, max_value=MAX_PAGE, label_text="page")
    per_page = BoundedIntegerField(min_value=1, max_value=MAX_PER_PAGE, label_text="per_page")

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean_per_page(self):
        return self.cleaned_data["per_page"] or DEFAULT_PER_PAGE


class ServiceListForm(PageForm):
    search = forms.CharField(required=False, max_length=200)
    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    minimum_age = forms.DecimalField(required=False, min_value=0, max_value=150, max_digits=5, decimal_places=2)
    maximum_age = forms.DecimalField(required=False, min_value=0, max_value=150, max_digits=5, decimal_places=2)
    modified_after = forms.DateTimeField(required=False)
    day = forms.ChoiceField(required=False, choices=[("", "")] + Weekday.choices)
    start_time = forms.TimeField(required=False)
    end_time = forms.TimeField(required=False)

    def clean_search(self):
        value = self.cleaned_data["search"]
        if "\x00" in value:
            raise forms.ValidationError("Search text cannot contain a null character.")
        return value

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "maximum_age must be the same as or more than minimum_age.")
        return data


class ServiceAtLocationListForm(ServiceListForm):
    postcode = forms.CharField(required=False, max_length=10)

    def clean_postcode(self):
        value = "".join(self.cleaned_data["postcode"].split()).upper()
        if value and not POSTCODE_RE.match(value):
            raise forms.ValidationError("Enter a UK postcode, like S41 8LQ, or the first part of one, like S41.")
        return value
