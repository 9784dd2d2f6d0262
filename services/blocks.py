"""Blocks only service pages use."""

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

ID_HELP = "Lower-case letters, numbers and hyphens. Used in the web address."


def _id_block(label, help_text):
    return blocks.RegexBlock(
        regex=r"^[a-z0-9][a-z0-9-]{0,39}$",
        error_messages={"invalid": "Use lower-case letters, numbers and hyphens only (up to 40)."},
        label=label,
        help_text=help_text,
    )


class CheckerAnswerBlock(blocks.StructBlock):
    """One answer a parent can choose, and where it leads: the next question or a result."""

    label = blocks.CharBlock(max_length=200, help_text="The answer as the parent reads it, for example 'Yes'.")
    value = _id_block("Answer id", "A short id for this answer, for example 'yes'. " + ID_HELP)
    hint = blocks.CharBlock(required=False, max_length=300, help_text="Optional words under the answer.")
    not_sure = blocks.BooleanBlock(
        required=False,
        label="This is an 'I'm not sure' answer",
        help_text="Shown last, after the word 'or', apart from the other answers.",
    )
    leads_to = _id_block("Leads to", "The id of the next question, or the id of the result to show.")
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
    slug = _id_block("Question id", "A short id for this question, for example 'school'. " + ID_HELP)
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
    slug = _id_block("Result id", "A short id for this result, for example 'likely'. " + ID_HELP)
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
