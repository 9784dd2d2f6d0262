"""The 'What people searched for' report in the Wagtail admin (Reports menu)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from home.params import KnownValueField, QueryForm

from .models import SearchTermCount

PERIODS = [(7, "Last 7 days"), (30, "Last 30 days"), (365, "Last 12 months")]
PERMISSION = "search.view_search_report"
ROWS = 100


class PeriodForm(QueryForm):
    """The report's one parameter: how many days back. Anything else means the last 30 days."""

    days = KnownValueField(label_text="period", choices=[(str(days), label) for days, label in PERIODS])


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """What people searched for, how often, and which searches found nothing, so editors can
    fill the gaps (add a page, a glossary term's other words, or a promoted result)."""

    template_name = "search/admin/search_report.html"
    page_title = "What people searched for"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": "Reports"}, {"url": "", "label": self.page_title}]

    def get_days(self):
        days = PeriodForm.read(self.request).values["days"]
        return int(days) if days else 30

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.get_days()
        since = timezone.localdate() - timedelta(days=days - 1)
        rows = SearchTermCount.objects.filter(day__gte=since)
        totals = rows.totals()
        context.update(
            days=days,
            periods=PERIODS,
            top=list(totals[:ROWS]),
            nothing_found=list(totals.filter(no_result_searches__gt=0).order_by("-no_results", "query_text")[:ROWS]),
            search_count=sum(row["total"] for row in totals),
        )
        return context
