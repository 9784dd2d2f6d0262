"""The search report in the admin's Reports menu, for users with 'Can see the report of what
people searched for' (search.view_search_report)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, SearchReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/searches/", SearchReportView.as_view(), name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem("What people searched for", reverse("search_report"), icon_name="search", order=60)


@hooks.register("register_permissions")
def register_search_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="search", codename="view_search_report")
