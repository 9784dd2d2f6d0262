"""The 'Find support' page: the service directory, searched by words and filtered by area of
need, age, area, cost and who it is for. Everything is in the web address (GET), so a search
can be shared or bookmarked, and it works without JavaScript."""

from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel

from home.models import BasePage
from home.pagination import pagination

PER_PAGE = 20


class FindSupportPage(BasePage):
    """The 'Find support' directory of services. Make one, under the home page: it lists every
    live service page, with filters. Services appear here when they are published."""

    intro = models.TextField(
        blank=True,
        help_text="Optional: a sentence under the title, for example what families can find here.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "find support page"

    def serve(self, request, *args, **kwargs):
        """The page with one page of results. Filters come through FindSupportForm (a
        home.params.QueryForm): a value we cannot use is dropped, the other filters still apply,
        and a GOV.UK error summary names what was left out (status 200, like the contact
        directory)."""
        from ..finder import find_services
        from ..forms import FindSupportForm

        form = FindSupportForm.read(request)
        page_number = form.values["page"] or 1
        result = find_services(form.filters(), page_number, PER_PAGE)
        if page_number > result.total_pages:
            form.drop_page(result.total_pages)
            result = find_services(form.filters(), 1, PER_PAGE)
        context = self.get_context(request, *args, **kwargs)
        context.update(
            {
                "form": form,
                "values": form.values,
                "sort": form.sort_order,
                "problems": form.problems,
                "result": result,
                "pagination": self.pagination(request, result, form),
                # A list of results, like the site search: no glossary links inside.
                "explain_terms": False,
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    @staticmethod
    def pagination(request, result, form):
        """Each page link keeps the filters that could be used (not the ones the error summary
        names)."""
        params = request.GET.copy()
        for name in form.errors:
            params.pop(name, None)
        return pagination(params, result.page_number, result.total_pages)
