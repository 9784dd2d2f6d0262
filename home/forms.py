"""Public forms: 'Is this page useful?' and 'What was missing?'. Both carry a honeypot field
('website') that people never see and bots fill in; a filled honeypot is discarded silently."""

from django import forms
from wagtail.models import Page

from .models import CommentAbout
from .params import BoundedIntegerField, QueryForm

COMMENT_MAX = 1200


class HoneypotMixin(forms.Form):
    website = forms.CharField(required=False, label="Leave this empty")

    def is_spam(self):
        return bool(self.data.get("website", "").strip())


class UsefulForm(HoneypotMixin):
    page = BoundedIntegerField(
        min_value=1, required=True, label_text="page", error_messages={"required": "Something went wrong. Try again."}
    )
    useful = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        error_messages={
            "required": "Select yes if this page is useful",
            "invalid_choice": "Select yes if this page is useful",
        },
    )

    def clean_page(self):
        page = Page.objects.live().public().filter(pk=self.cleaned_data["page"], depth__gt=1).first()
        if page is None:
            raise forms.ValidationError("We could not find the page you were giving feedback on.")
        return page


ABOUT_LABEL = "What is your comment about?"


class MissingForm(HoneypotMixin):
    about = forms.ChoiceField(
        choices=CommentAbout.choices,
        required=False,
        label=ABOUT_LABEL,
        error_messages={"invalid_choice": "Select what your comment is about"},
    )
    comment = forms.CharField(
        max_length=COMMENT_MAX,
        strip=True,
        label="What was missing?",
        error_messages={
            "required": "Enter what was missing, or choose ‘Skip’",
            "max_length": f"What was missing must be {COMMENT_MAX} characters or fewer",
        },
    )


class CommentForm(HoneypotMixin):
    """'Comment on the Local Offer': a comment about the Local Offer as a whole, and what it is
    about (regulation 56 asks for comments on its content, its accessibility and how it was made)."""

    about = forms.ChoiceField(
        choices=CommentAbout.choices,
        label=ABOUT_LABEL,
        error_messages={
            "required": "Select what your comment is about",
            "invalid_choice": "Select what your comment is about",
        },
    )
    comment = forms.CharField(
        max_length=COMMENT_MAX,
        strip=True,
        label="Your comment",
        error_messages={
            "required": "Enter your comment",
            "max_length": f"Your comment must be {COMMENT_MAX} characters or fewer",
        },
    )


class ThanksQuery(QueryForm):
    """The thank-you page's query string: the page the feedback was about (for its link back)."""

    page = BoundedIntegerField(min_value=1, label_text="page")
