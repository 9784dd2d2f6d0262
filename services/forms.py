"""The query parameters of the services app's public views, read through home's one validated
path (``home.params``): typed, bounded fields, and a clear message for a value we cannot use."""

from django import forms

from home.params import BoundedIntegerField, KnownValueField, KnownValuesField, QueryForm, TextField

from .directory import clean_search_text


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
