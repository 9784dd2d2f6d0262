"""The one field the two-factor pages ask for: a code."""

from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the code."},
    )

    def clean_code(self):
        # People copy codes with spaces ('123 456') or in capitals: neither matters.
        return "".join(self.cleaned_data["code"].split()).lower()


class SetupCodeForm(CodeForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=40,
        help_text="The 6-digit code the app shows after you add this account.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "none"}
        ),
        error_messages={"required": "Enter the code."},
    )
