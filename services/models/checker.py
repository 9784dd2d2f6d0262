"""The eligibility check page: 'Check if your child can get ... support'.

Editors build the whole check in the admin: questions (each with hint, answers and where each
answer leads) and results (likely, not likely, not sure). Saving is refused while an answer
leads nowhere, a path loops, or a question or result can never be reached.
The flow itself lives in services/checker/ (no models there).
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage, allow_admin_preview_framing

from ..blocks import CheckerQuestionBlock, CheckerResultBlock
from ..checker.flow import fill_short_names, validate_flow
from ..checker.steps import WALK_PREFIX, CheckerSteps, LiveUrls, PreviewUrls

FLOW_HELP = """<p>The check starts at the <strong>first question</strong> in the list. Each answer
leads to another question or to a result: choose it in the answer's 'Leads to' list. Every path
must end at a result, with no loops. The page will not save until that is true, and the message names what to fix.</p>
<p>In the preview panel, click through the check as a parent would: the links stay in the
preview and use this draft. The preview mode 'Map of every question and result' shows where
each answer leads.</p>"""


class CheckerPage(RoutablePageMixin, BasePage):
    """An eligibility self-check for one service, for example 'Check if your child can get SSSEN
    support'. Add it under the service page: the service page then shows a start button."""

    is_eligibility_check = True  # lets the service page find its checker without loading it

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the check is for and what the parent finds out, in two or three sentences.",
    )
    before_you_start = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the parent needs to know first, for example that nothing they enter is kept.",
    )
    start_button_text = models.CharField(
        max_length=60, default="Start now", help_text="The words on the start button, for example 'Start now'."
    )
    questions = StreamField(
        [("question", CheckerQuestionBlock())],
        blank=True,
        help_text="The questions, one per page. The check starts at the first one.",
    )
    results = StreamField(
        [("result", CheckerResultBlock())],
        blank=True,
        help_text="Where the paths end: likely, not likely or not sure, with what to do next.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("before_you_start"),
        FieldPanel("start_button_text"),
        MultiFieldPanel(
            [HelpPanel(content=FLOW_HELP), FieldPanel("questions"), FieldPanel("results")],
            heading="Questions and results",
        ),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["services.ServicePage"]
    subpage_types = []

    class Meta:
        verbose_name = "eligibility check page"

    # Validation ------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        questions = [block.value for block in self.questions if block.block_type == "question"]
        results = [block.value for block in self.results if block.block_type == "result"]
        fill_short_names(questions, results)
        errors = validate_flow(questions, results)
        if errors:
            raise ValidationError({"questions": errors})

    # The public pages ------------------------------------------------------------------------

    def steps(self, request):
        return CheckerSteps(self, request, LiveUrls(self, request))

    @path("")
    def start_page(self, request):
        return self.steps(request).serve("start")

    @path("question/<slug:question_id>/", name="question")
    def question_page(self, request, question_id):
        return self.steps(request).serve_live("question", question_id)

    @path("check/", name="check")
    def check_answers_page(self, request):
        return self.steps(request).serve_live("check")

    @path("result/", name="result")
    def result_page(self, request):
        return self.steps(request).serve_live("result")

    # The admin preview -----------------------------------------------------------------------

    preview_modes = [("", "Start page"), (WALK_PREFIX + "flow", "Map of every question and result")]

    def serve_preview(self, request, mode_name):
        steps = CheckerSteps(self, request, PreviewUrls(getattr(request, "in_preview_panel", False)))
        if mode_name == WALK_PREFIX + "flow":
            response = steps.flow_map()
        elif mode_name.startswith(WALK_PREFIX):
            response = steps.serve_preview_mode(mode_name)
        else:
            response = steps.serve("start")
        return allow_admin_preview_framing(response)
