"""One validated path for the query parameters of every public view.

A public view never reads ``request.GET`` by hand. It declares a :class:`QueryForm` with typed,
bounded fields and calls :meth:`QueryForm.read`, which gives back:

- ``form.values``: every field's cleaned value, or its empty value when what was sent could
  not be used (so the view can always carry on), and
- ``form.problems``: GOV.UK error-summary items (``{"text", "href"}``) saying, in plain
  English, what was wrong with each value that was dropped.

HTML pages show the page with the error summary (status 200, like any GOV.UK form that
needs correcting); JSON APIs answer 400 with the same messages (:meth:`QueryForm.error_body`).

Numbers are read with :class:`BoundedIntegerField`: ASCII digits only (``int()`` would take
'²' or Arabic-Indic digits, and a 30-digit id overflows a database integer), between bounds.
"""

import re

from django import forms

# The largest id a database integer column holds on every backend we support (32-bit signed).
MAX_ID = 2_147_483_647

_INTEGER_RE = re.compile(r"-?[0-9]{1,19}")


class BoundedIntegerField(forms.Field):
    """A whole number written with ASCII digits, between ``min_value`` and ``max_value``."""

    unusable_value = None

    def __init__(self, *, min_value=0, max_value=MAX_ID, label_text="number", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.min_value = min_value
        self.max_value = max_value
        self.error_messages = {
            "invalid": f"The {label_text} must be a whole number, like {max(min_value, 1)}.",
            "range": f"The {label_text} must be between {min_value:,} and {max_value:,}.",
            **self.error_messages,
        }

    def to_python(self, value):
        value = (value or "").strip()
        if value in self.empty_values:
            return None
        if not _INTEGER_RE.fullmatch(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        number = int(value)
        if not self.min_value <= number <= self.max_value:
            raise forms.ValidationError(self.error_messages["range"], code="range")
        return number


class TextField(forms.CharField):
    """Free text from a query string: trimmed, without null bytes, cut at ``max_length``
    (too long is not an error: the first ``max_length`` characters are used)."""

    def __init__(self, *, max_length=200, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.cut_at = max_length

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "")[: self.cut_at].strip()


class KnownValueField(forms.ChoiceField):
    """One of a list of known values (for example a section or an audience)."""

    def __init__(self, *, label_text="value", message="", **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("choices", ())
        super().__init__(**kwargs)
        self.error_messages = {
            **self.error_messages,
            "invalid_choice": message or f"We do not recognise that {label_text}. Choose one from the list.",
        }

    def to_python(self, value):
        return (value or "").strip()[:200]


class KnownValuesField(forms.MultipleChoiceField):
    """Several known values (checkboxes). Repeated values count once; at most ``max_items``."""

    unusable_value = ()

    def __init__(self, *, label_text="value", message="", max_items=20, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("choices", ())
        super().__init__(**kwargs)
        self.max_items = max_items
        self.error_messages = {
            **self.error_messages,
            "invalid_choice": message or f"We do not recognise that {label_text}. Choose from the list.",
        }

    def to_python(self, value):
        values = super().to_python(value)
        unique = dict.fromkeys(item.strip()[:200] for item in values if item.strip())
        return list(unique)[: self.max_items]


class QueryForm(forms.Form):
    """Base class for the GET parameters of a public view. See the module docstring."""

    #: The id prefix of the form's inputs in the template, so error links jump to them.
    id_prefix = ""
    #: Where a field's error link should point when its input's id is not the prefix + name.
    anchors = {}

    def __init__(self, data, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}%s" if self.id_prefix else "id_%s")
        super().__init__(data, **kwargs)

    @classmethod
    def read(cls, request, **kwargs):
        """The form for this request's query string, already validated."""
        return cls.parse(request.GET, **kwargs)

    @classmethod
    def parse(cls, data, **kwargs):
        """The form for any mapping of strings (a QueryDict or a dict), already validated."""
        form = cls(data, **kwargs)
        form.full_clean()
        return form

    @property
    def values(self):
        """Every field's usable value: the cleaned one, or the field's empty value."""
        values = {}
        for name, field in self.fields.items():
            if name in self.cleaned_data and name not in self.errors:
                values[name] = self.cleaned_data[name]
            else:
                values[name] = getattr(field, "unusable_value", "")
        return values

    @property
    def problems(self):
        """GOV.UK error-summary items for the values that could not be used."""
        return [
            {"text": str(message), "href": "#" + self.anchors.get(name, self[name].auto_id), "field": name}
            for name, messages in self.errors.items()
            for message in messages
        ]

    def error_body(self):
        """A JSON error body for an API: ``{"error": ..., "problems": {field: [messages]}}``."""
        return {
            "error": "Some query parameters could not be used.",
            "problems": {name: [str(m) for m in messages] for name, messages in self.errors.items()},
        }
