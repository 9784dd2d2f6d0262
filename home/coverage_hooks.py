"""Admin for the Local Offer duties (Schedule 2 and regulations 53 to 57): the snippet list
(edit, never delete), the 'Local Offer coverage' report with CSV and Excel export, its count on
the dashboard, and the personal-data warning when a 'You said, we did' item is saved.

Imported by home/wagtail_hooks.py, so Wagtail registers these hooks with the others."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .coverage import GAP, OVERDUE_ONLY, comments_overdue, coverage_report, last_comments_published
from .models import CheckStatus, Schedule2Item, YouSaidWeDid
from .personal_data import warning_message

REPORT_PERMISSION = "home.review_content"


class NeverDeletePolicy(ModelPermissionPolicy):
    """Nobody deletes a Local Offer duty, not even a superuser: the law does not go away.
    Editors may reword one."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Schedule2Item, NeverDeletePolicy(Schedule2Item))


class CheckedColumn(Column):
    def __init__(self):
        super().__init__("check_status", label="Checked against the law?", accessor=self.words)

    @staticmethod
    def words(item):
        return "Checked" if item.check_status == CheckStatus.PRIMARY else "Not checked"


class Schedule2ItemViewSet(SnippetViewSet):
    """Local Offer duties: what the law says a Local Offer must contain. Edit, never delete."""

    model = Schedule2Item
    icon = "list-ul"
    menu_label = "Local Offer duties"
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["name", "reference", CheckedColumn()]
    list_filter = ["check_status"]
    ordering = ["sort_order"]
    copy_view_enabled = False


register_snippet(Schedule2ItemViewSet)


# --- The report -----------------------------------------------------------------------------------


class CoverageReportView(ReportView):
    """Which Local Offer duties have no live content, or only content overdue for review (with
    its owners), and which are not checked against the law. Exports to CSV and Excel."""

    template_name = "home/admin/coverage_report.html"
    page_title = "Local Offer coverage"
    header_icon = "list-ul"
    index_url_name = "home_coverage_report"
    index_results_url_name = "home_coverage_report_results"
    export_filename = "local-offer-coverage"
    paginate_by = None
    list_export = ["reference", "name", "status_label", "pages_text", "owners_text", "check_label", "source_note"]
    export_headings = {
        "reference": "Reference",
        "name": "Duty",
        "status_label": "Coverage",
        "pages_text": "Live pages",
        "owners_text": "Owners of overdue content",
        "check_label": "Checked against the law?",
        "source_note": "Source",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        return [
            TitleColumn("name", label="Duty", get_url=lambda row: row.edit_url),
            Column("reference", label="Reference"),
            Column("status_label", label="Coverage"),
            Column("pages_text", label="Live pages"),
            Column("owners_text", label="Owners of overdue content"),
            Column("check_label", label="Checked against the law?"),
        ]

    def get_queryset(self):
        return coverage_report()

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": "Reports"}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.object_list
        context.update(
            gaps=sum(row.status == GAP for row in rows),
            overdue_only=sum(row.status == OVERDUE_ONLY for row in rows),
            not_checked=sum(not row.is_checked for row in rows),
            comments_overdue=comments_overdue(),
            last_comments=last_comments_published(),
            yswd_url=reverse("wagtailsnippets_home_yousaidwedid:list"),
        )
        return context


class CoverageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [
        path("reports/local-offer-coverage/", CoverageReportView.as_view(), name="home_coverage_report"),
        path(
            "reports/local-offer-coverage/results/",
            CoverageReportView.as_view(results_only=True),
            name="home_coverage_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_coverage_report_menu_item():
    return CoverageReportMenuItem(
        "Local Offer coverage", reverse("home_coverage_report"), icon_name="list-ul", order=55
    )


class CoveragePanel(Component):
    """On the dashboard: how many duties have no live content or only overdue content, and a
    warning when no 'You said, we did' item has been published for 12 months."""

    name = "local_offer_coverage"
    order = 95
    template_name = "home/admin/coverage_panel.html"

    def get_context_data(self, parent_context):
        rows = coverage_report()
        return {
            "gaps": sum(row.status == GAP for row in rows),
            "overdue_only": sum(row.status == OVERDUE_ONLY for row in rows),
            "not_checked": sum(not row.is_checked for row in rows),
            "comments_overdue": comments_overdue(),
            "report_url": reverse("home_coverage_report"),
        }


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if request.user.has_perm(REPORT_PERMISSION):
        panels.append(CoveragePanel())


# --- 'You said, we did': warn about personal data on save -----------------------------------------


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_personal_data(request, instance):
    if isinstance(instance, YouSaidWeDid):
        message = warning_message(instance.personal_data_warnings())
        if message:
            messages.warning(request, message)
