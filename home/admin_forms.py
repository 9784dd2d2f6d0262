"""The admin's edit forms for pages and snippets with review dates: safe scheduling and owners
chosen by name.

Scheduling. Wagtail's date picker (the jQuery 'xdsoft' datetimepicker) replaces a value it
cannot read with the current time when the field loses focus (its `validateOnBlur` option).
So '2026-12-10 09:00', typed into a field that expects '10/12/2026 09:00', became 'now' without
a word, and the page went live on approval. Here the picker leaves typed text alone, the server
reads both forms (Django accepts ISO dates as well as the UK format), refuses anything else
with a message that shows the format, and refuses a go-live time that has already passed.

Owners. The owner list shows people's full names (the username only when there is no name),
and a new item's owner starts as the person creating it.
"""

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateTimeInput

DATETIME_EXAMPLE = "10/12/2026 09:00"
DATETIME_HELP = (
    f"Day/month/year and the time on the 24-hour clock, for example {DATETIME_EXAMPLE}. "
    "Choose a date in the calendar or type it."
)
DATETIME_INVALID = f"Enter the date and time as day/month/year hours:minutes, for example {DATETIME_EXAMPLE}."
GO_LIVE_PAST = (
    "The go-live date has already passed. Enter a date and time in the future, "
    "or leave it empty to publish when the page is approved."
)
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class TypedDateTimeInput(AdminDateTimeInput):
    """Wagtail's date and time picker, except that it never rewrites what the editor typed.

    With `validateOnBlur` on (the picker's default), text the picker cannot read is replaced
    by the current time when the field loses focus. Off, the text reaches the server, which
    reads it or says what is wrong."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class OwnerChoiceField(forms.ModelChoiceField):
    """A person, shown by full name (or username when they have no name)."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def owner_queryset():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class OwnerFormMixin:
    """The 'owner' field lists people by name; a new item's owner starts as its author."""

    def setup_owner_field(self):
        field = self.fields.get("content_owner")
        if field is None:
            return
        owner = OwnerChoiceField(
            queryset=owner_queryset(),
            required=field.required,
            label="Owner",
            help_text=f"{field.help_text} It starts as the person who created it.",
            widget=forms.Select,
        )
        self.fields["content_owner"] = owner
        user = getattr(self, "for_user", None)
        if self.instance.pk is None and not self.initial.get("content_owner") and user and user.pk:
            self.initial["content_owner"] = user.pk


class SchedulingFormMixin:
    """Readable go-live and expiry dates or a clear refusal; never a go-live time in the past."""

    def setup_schedule_fields(self):
        for name in SCHEDULE_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            old = field.widget
            field.widget = TypedDateTimeInput(
                attrs=old.attrs, js_overlay_parent_selector=getattr(old, "js_overlay_parent_selector", "body")
            )
            field.help_text = DATETIME_HELP
            field.error_messages = {**field.error_messages, "invalid": DATETIME_INVALID}

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data.get("go_live_at")
        # Only a newly entered date is checked: a page that went live on schedule keeps its
        # (past) go-live date, and must stay editable.
        saved = getattr(self.instance, "go_live_at", None)
        # The field shows minutes only, so a saved date comes back without its seconds.
        unchanged = saved is not None and go_live_at is not None and abs(go_live_at - saved) < timedelta(minutes=1)
        if go_live_at and not unchanged and go_live_at <= timezone.now():
            raise forms.ValidationError(GO_LIVE_PAST, code="go_live_in_past")
        return go_live_at


def keep_coverage_tags(data, instance, prefix="covers"):
    """A POST without the 'Local Offer duties covered' inline (a script, or a form from before
    the panel existed) keeps the page's tags instead of being refused: the missing management
    form and rows are filled in from the page as it is (home/models/coverage.py)."""
    if data is None or f"{prefix}-TOTAL_FORMS" in data:
        return data
    existing = list(getattr(instance, prefix).all()) if instance is not None and instance.pk else []
    data = data.copy()
    for name in ("TOTAL_FORMS", "INITIAL_FORMS"):
        data[f"{prefix}-{name}"] = str(len(existing))
    data[f"{prefix}-MIN_NUM_FORMS"], data[f"{prefix}-MAX_NUM_FORMS"] = "0", "1000"
    for number, tag in enumerate(existing):
        data[f"{prefix}-{number}-id"] = str(tag.pk or "")
        data[f"{prefix}-{number}-item"] = str(tag.item_id)
        data[f"{prefix}-{number}-ORDER"] = str(number + 1)
    return data


class LocalOfferPageForm(SchedulingFormMixin, OwnerFormMixin, WagtailAdminPageForm):
    """The edit form of every content page (BasePage.base_form_class)."""

    def __init__(self, data=None, *args, **kwargs):
        data = keep_coverage_tags(data, kwargs.get("instance"))
        super().__init__(data, *args, **kwargs)
        self.setup_schedule_fields()
        self.setup_owner_field()


class LocalOfferSnippetForm(OwnerFormMixin, WagtailAdminModelForm):
    """The edit form of snippets with an owner (contacts)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_owner_field()
