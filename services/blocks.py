"""Blocks only service pages use."""

from django import forms
from wagtail import blocks


class CriterionBlock(blocks.CharBlock):
    """One eligibility criterion, as a plain sentence."""

    class Meta:
        icon = "tick"
        label = "Criterion"
        help_text = "One thing that must be true, for example 'Education is the child's main need'."
        preview_value = "The child goes to a state-funded primary school."


# The eligibility check ("Check if your child can get ...") is built from the blocks below:
# questions, each with its answers and where each answer leads, and results.

ID_RE = r"^[a-z0-9][a-z0-9-]{0,39}$"
ID_ERROR = "Use lower-case letters, numbers and hyphens only (up to 40)."
ID_HELP = "Filled in for you from the words above; it is used in the web address. Change it only if you must."


def _id_block(label, help_text):
    return blocks.RegexBlock(
        regex=ID_RE,
        required=False,  # filled in from the question, answer or heading (CheckerPage.clean)
        error_messages={"invalid": ID_ERROR},
        label=label,
        help_text=help_text,
    )


class LeadsToInput(forms.TextInput):
    """The 'Leads to' field: in the editor, a list of this check's questions and results
    (services/static/services/admin/leads-to.js), updated as they are added or renamed. The
    chosen question's or result's short name is stored, and CheckerPage.clean refuses one that
    does not exist."""

    def __init__(self, attrs=None):
        super().__init__({"data-controller": "lo-leads-to", **(attrs or {})})

    class Media:
        js = ["services/admin/leads-to.js"]


class LeadsToBlock(blocks.FieldBlock):
    """Where an answer leads: a question or a result of the same check, chosen from a list."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.RegexField(
            regex=ID_RE,
            required=required,
            help_text=help_text,
            widget=LeadsToInput(),
            error_messages={"invalid": ID_ERROR, "required": "Choose the question or result this answer leads to."},
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "arrow-right"


class CheckerAnswerBlock(blocks.StructBlock):
    """One answer a parent can choose, and where it leads: the next question or a result."""

    label = blocks.CharBlock(max_length=200, help_text="The answer as the parent reads it, for example 'Yes'.")
    value = _id_block("Short name of the answer", "For example 'yes'. " + ID_HELP)
    hint = blocks.CharBlock(required=False, max_length=300, help_text="Optional words under the answer.")
    not_sure = blocks.BooleanBlock(
        required=False,
        label="This is an 'I'm not sure' answer",
        help_text="Shown last, after the word 'or', apart from the other answers.",
    )
    leads_to = LeadsToBlock(
        label="Leads to",
        help_text="The next question, or the result to show. The list has this check's questions and results.",
    )
    reason = blocks.TextBlock(
        required=False,
        max_length=600,
        help_text="On a 'not likely' result: why, in plain words. On a 'not sure' result: what to check. "
        "Not shown on a 'likely' result.",
    )

    class Meta:
        icon = "radio-full"
        label = "Answer"


class CheckerQuestionBlock(blocks.StructBlock):
    """One question of an eligibility check, shown on its own page with the question as the heading."""

    question = blocks.CharBlock(
        max_length=200, help_text="The question, shown as the page heading. For example 'Is the school in Derbyshire?'"
    )
    slug = _id_block("Short name of the question", "For example 'school'. " + ID_HELP)
    hint = blocks.TextBlock(required=False, max_length=600, help_text="Help under the question. Spell out acronyms.")
    check_answers_label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="A short name for the 'Check your answers' page, for example 'School'. Empty: the question.",
    )
    error_message = blocks.CharBlock(
        max_length=150,
        help_text="Shown when no answer is chosen. Start with 'Select', for example 'Select if the school is in "
        "Derbyshire'.",
    )
    answers = blocks.ListBlock(CheckerAnswerBlock(), min_num=2, help_text="At least two answers.")

    class Meta:
        icon = "help"
        label = "Question"
        description = "A question on its own page, with the answers a parent can choose and where each leads."
        preview_value = {
            "slug": "in-derbyshire",
            "question": "Is your child's school in Derbyshire?",
            "hint": "",
            "check_answers_label": "School in Derbyshire",
            "error_message": "Select if your child's school is in Derbyshire",
            "answers": [
                {"label": "Yes", "value": "yes", "leads_to": "plan"},
                {"label": "No", "value": "no", "leads_to": "not-likely", "reason": "It only works in Derbyshire."},
            ],
        }


class CheckerResultLinkBlock(blocks.StructBlock):
    """A link from a result to a page on this website."""

    page = blocks.PageChooserBlock(help_text="A page on this website: a guidance page, a service, the directory.")
    text = blocks.CharBlock(required=False, max_length=150, help_text="Link text. Leave empty to use the page title.")
    description = blocks.CharBlock(required=False, max_length=300, help_text="Optional: why this page may help.")

    class Meta:
        icon = "link"
        label = "Link"


class CheckerResultBlock(blocks.StructBlock):
    """Where a path through the check ends: likely, not likely or not sure, with what to do next."""

    heading = blocks.CharBlock(max_length=200, help_text="The page heading, for example 'Your child may get support'.")
    slug = _id_block("Short name of the result", "For example 'likely'. " + ID_HELP)
    kind = blocks.ChoiceBlock(
        choices=[("likely", "Likely to get it"), ("not_likely", "Not likely to get it"), ("not_sure", "Not sure yet")],
        default="not_likely",
        help_text="Not likely: the reasons from the answers are listed as 'Why'. Not sure: as 'What to check'.",
    )
    body = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "link", "ol", "ul"],
        help_text="What happens next and who to contact. Short sentences.",
    )
    links_heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Heading above the links, for example 'Where to find out more'."
    )
    links = blocks.ListBlock(CheckerResultLinkBlock(), help_text="Pages that fit this result.")

    class Meta:
        icon = "success"
        label = "Result"
        description = "The end of a path: a heading, what to do next and links to pages that help."
        preview_value = {
            "slug": "likely",
            "kind": "likely",
            "heading": "Your child is likely to get support",
            "body": "<p>Ask your child's school to talk to the service.</p>",
            "links_heading": "",
            "links": [],
        }
