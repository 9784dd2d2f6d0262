"""The 'Find support' page: the service directory, searched by words and filtered by area of
need, age, area, cost and who it is for. Everything is in the web address (GET), so a search
can be shared or bookmarked, and it works without JavaScript."""

from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel

from home.models import BasePage

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
        from ..finder import find_services
        from ..forms import FindSupportForm

        form = FindSupportForm(request.GET)
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["explain_terms"] = False  # a list of results, like the site search: no glossary links inside
        status = 200
        if form.is_valid():
            page_number = form.cleaned_data["page"] or 1
            result = find_services(form.filters(), page_number, PER_PAGE)
            if page_number > result.total_pages:
                form.add_error("page", f"There is no page {page_number}. The results have {result.total_pages}.")
                status = 400
            else:
                context.update({"result": result, "pagination": self.pagination(request, result)})
        else:
            status = 400
        if form.errors:
            context["error_list"] = [
                {"text": error, "href": f"#{self.field_anchor(form, name)}"}
                for name, errors in form.errors.items()
                for error in errors
            ]
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @staticmethod
    def field_anchor(form, name):
        if name == "need" and form.need_terms:
            return f"need-{form.need_terms[0].code}"
        if name in ("cost", "audience"):
            return f"{name}-any"
        if name == "page":
            return "results"
        return f"find-{name}"

    @staticmethod
    def pagination(request, result):
        """GOV.UK pagination: previous, numbered pages around this one, next. Each link keeps
        the filters."""
        params = request.GET.copy()

        def url(number):
            params["page"] = str(number)
            return "?" + params.urlencode()

        current, last = result.page_number, result.total_pages
        shown = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
        items, previous = [], 0
        for number in shown:
            if number - previous > 1:
                items.append({"ellipsis": True})
            items.append({"number": number, "href": url(number), "current": number == current})
            previous = number
        return {
            "previous": url(current - 1) if current > 1 else "",
            "next": url(current + 1) if current < last else "",
            "items": items if last > 1 else [],
        }
