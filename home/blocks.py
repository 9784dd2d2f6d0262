"""StreamField blocks that several apps use: sections, inset and warning text, details,
step by step, links, documents, key figures and quotes.

Each block carries a `preview_value` and a `description` so an editor sees what it is before
adding it, and renders with a GOV.UK Frontend template under `templates/blocks/`.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "link", "document-link", "ol", "ul"]


class SectionBlock(blocks.StructBlock):
    """A section of a page: a heading and its text."""

    heading = blocks.CharBlock(
        max_length=120,
        help_text="A short heading in sentence case, for example 'Who can get help'.",
    )
    body = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text="Short sentences. Spell out an acronym the first time you use it.",
    )

    class Meta:
        icon = "title"
        template = "blocks/section.html"
        label = "Section with heading"
        description = "A heading with text under it. Most of a page is made of these."
        preview_value = {
            "heading": "Who can get help",
            "body": "<p>Any child who finds learning harder than most children of the same age.</p>",
        }


class InsetTextBlock(blocks.StructBlock):
    """Text set apart from the rest, for something the reader should notice."""

    text = blocks.RichTextBlock(features=["bold", "link", "document-link"], help_text="Keep it short.")

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text.html"
        label = "Inset text"
        description = "Sets a short piece of text apart, for example a note about where a rule applies."
        preview_value = {"text": "<p>This guidance comes from another council's pilot.</p>"}


class WarningTextBlock(blocks.StructBlock):
    """A warning with an exclamation icon, for something the reader must not miss."""

    text = blocks.CharBlock(max_length=400, help_text="One or two sentences. Use it sparingly.")

    class Meta:
        icon = "warning"
        template = "blocks/warning_text.html"
        label = "Warning text"
        description = "A bold warning, for a legal right or a deadline the reader must not miss."
        preview_value = {"text": "You always have the right to ask for an assessment."}


class DetailsBlock(blocks.StructBlock):
    """An expandable section: a short link-like summary that opens to show more."""

    summary = blocks.CharBlock(max_length=150, help_text="What the hidden text is about, as a phrase.")
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="The text shown when it is opened.")

    class Meta:
        icon = "collapse-down"
        template = "blocks/details.html"
        label = "Details (expandable)"
        description = "Hides extra detail that only some readers need until they open it."
        preview_value = {
            "summary": "What 'SENCO' means",
            "body": "<p>The Special Educational Needs Co-ordinator is the teacher who leads on SEN.</p>",
        }


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="The name of the step, for example 'Assess'.")
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="What happens at this step.")


class StepByStepBlock(blocks.StructBlock):
    """Numbered steps in order, for a process such as Assess, Plan, Do, Review."""

    heading = blocks.CharBlock(max_length=120, required=False, help_text="Optional heading above the steps.")
    steps = blocks.ListBlock(StepBlock(), min_num=1, help_text="The steps, in order.")

    class Meta:
        icon = "list-ol"
        template = "blocks/step_by_step.html"
        label = "Step by step"
        description = "A numbered list of steps, each with a heading and text."
        preview_value = {
            "heading": "The four stages",
            "steps": [
                {"heading": "Assess", "body": "<p>Find out what your child needs.</p>"},
                {"heading": "Plan", "body": "<p>Agree the support and what it should achieve.</p>"},
            ],
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or, failing that, to another website."""

    page = blocks.PageChooserBlock(required=False, help_text="Choose a page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or give the full address of another website.")
    text = blocks.CharBlock(max_length=150, required=False, help_text="Link text. Leave empty to use the page's title.")
    description = blocks.CharBlock(max_length=250, required=False, help_text="Optional line under the link.")

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or give a web address.")}
            )
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError("Give the link text for a web address.")}
            )
        return value

    class Meta:
        icon = "link"
        template = "blocks/link.html"
        preview_value = {
            "url": "https://www.gov.uk/children-with-special-educational-needs",
            "text": "Children with SEND",
        }


class NextStepsBlock(blocks.StructBlock):
    """'What you can do next': a short list of actions with links."""

    heading = blocks.CharBlock(
        max_length=120, default="What you can do next", help_text="Usually 'What you can do next'."
    )
    links = blocks.ListBlock(LinkBlock(), min_num=1, help_text="Each link is one thing the reader can do.")

    class Meta:
        icon = "arrow-right"
        template = "blocks/next_steps.html"
        label = "What you can do next"
        description = "Links to the actions a reader can take after reading the page."
        preview_value = {
            "heading": "What you can do next",
            "links": [
                {
                    "url": "https://www.gov.uk/children-with-special-educational-needs",
                    "text": "Read about SEND on GOV.UK",
                }
            ],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="A document uploaded to the admin.")
    title = blocks.CharBlock(max_length=150, required=False, help_text="Leave empty to use the document's title.")


class DocumentsBlock(blocks.StructBlock):
    """A list of documents to download."""

    heading = blocks.CharBlock(max_length=120, default="Documents", help_text="Heading above the list.")
    documents = blocks.ListBlock(DocumentLinkBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/documents.html"
        label = "Documents"
        description = "Documents to download, with their type and size."


class KeyFigureBlock(blocks.StructBlock):
    """One figure with what it counts, its year and where it comes from."""

    value = blocks.CharBlock(max_length=40, help_text="The figure as written, for example '88%' or '9.8 out of 10'.")
    label = blocks.CharBlock(max_length=300, help_text="What the figure counts, in a plain sentence.")
    year = blocks.CharBlock(max_length=40, required=False, help_text="The period, for example '2018 to 2019'.")
    source = blocks.CharBlock(max_length=200, required=False, help_text="Where the figure comes from.")

    class Meta:
        icon = "table"
        template = "blocks/key_figure.html"
        preview_value = {"value": "88%", "label": "of schools sent back the questionnaire", "year": "2018 to 2019"}


class KeyFiguresBlock(blocks.StructBlock):
    """A group of key figures under a heading."""

    heading = blocks.CharBlock(max_length=120, help_text="What the figures are about.")
    intro = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="Optional text before the figures."
    )
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "blocks/key_figures.html"
        label = "Key figures"
        description = "Figures such as survey results, each with its year and source."
        preview_value = {
            "heading": "What schools told us",
            "figures": [{"value": "88%", "label": "of schools sent back the questionnaire", "year": "2018 to 2019"}],
        }


class QuoteBlock(blocks.StructBlock):
    """A comment someone made, with who made it (a parent, a school, a pupil)."""

    text = blocks.TextBlock(help_text="The comment as it was given, with anything personal removed.")
    attribution = blocks.CharBlock(max_length=80, help_text="Who said it, for example 'Parent' or 'School'.")

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = "Comment"
        description = "A comment from a parent, school or pupil."
        preview_value = {"text": "The support has made a real difference.", "attribution": "Parent"}


class CommentsBlock(blocks.StructBlock):
    """A group of comments under a heading."""

    heading = blocks.CharBlock(max_length=200)
    comments = blocks.ListBlock(QuoteBlock(), min_num=1)

    class Meta:
        icon = "openquote"
        template = "blocks/comments.html"
        label = "Comments"
        description = "Several comments on one theme under a heading."
        preview_value = {
            "heading": "What parents said",
            "comments": [{"text": "Very helpful.", "attribution": "Parent"}],
        }


class BodyBlock(blocks.StreamBlock):
    """The blocks a content page is made of."""

    section = SectionBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/text.html",
        help_text="Text without a heading of its own.",
        description="Paragraphs and lists without a heading.",
        preview_value="<p>Short sentences are easier to read.</p>",
    )
    step_by_step = StepByStepBlock()
    inset = InsetTextBlock()
    warning = WarningTextBlock()
    details = DetailsBlock()
    key_figures = KeyFiguresBlock()
    comments = CommentsBlock()
    next_steps = NextStepsBlock()
    documents = DocumentsBlock()

    class Meta:
        template = "blocks/body.html"
