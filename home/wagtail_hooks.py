"""Admin hooks for the site as a whole: 'You said, we did' snippets, the read-only feedback
list, the 'Content due for review' report and the page header's feedback count."""

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, coverage_hooks, guide  # noqa: F401 (coverage_hooks registers its hooks)
from .admin_ui import ApprovalStatusColumn
from .models import Feedback, YouSaidWeDid
from .review import OVERDUE, due_items


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/content-due-for-review/",
            admin_views.ContentDueForReviewView.as_view(),
            name="home_content_due_for_review",
        ),
        path(
            "content-review/<int:content_type_id>/<str:object_id>/reviewed/",
            admin_views.mark_reviewed_view,
            name="home_mark_reviewed",
        ),
        path("editors-guide/", guide.EditorsGuideView.as_view(), name="home_editors_guide"),
        path("editors-guide/images/<str:name>", guide.guide_image, name="home_editors_guide_image"),
        path(
            "feedback/<int:pk>/you-said-we-did/",
            admin_views.start_you_said_we_did,
            name="home_feedback_to_you_said_we_did",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.review_content")


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        "Content due for review", reverse("home_content_due_for_review"), icon_name="time", order=50
    )


# --- Help and Wagtail's own words ----------------------------------------------------------

WAGTAIL_HELP_ITEMS = {"editor-guide", "whats-new-in-wagtail"}


@hooks.register("construct_help_menu")
def use_the_councils_guide(request, menu_items):
    """The Help menu opens the council's guide (docs/editors.md) in the admin, not Wagtail's
    guide and release notes on wagtail.org."""
    menu_items[:] = [item for item in menu_items if not any(item.name.startswith(name) for name in WAGTAIL_HELP_ITEMS)]
    menu_items.insert(0, MenuItem("Guide for editors", reverse("home_editors_guide"), icon_name="help", order=100))


REPORT_LABELS = {"aging-pages": "Pages not changed for a while"}


@hooks.register("construct_reports_menu")
def plain_report_names(request, menu_items):
    for item in menu_items:
        if item.name in REPORT_LABELS:
            item.label = REPORT_LABELS[item.name]


class YouSaidWeDidViewSet(SnippetViewSet):
    """'You said, we did' items: drafts, revisions, approval by a moderator, then the page."""

    model = YouSaidWeDid
    icon = "openquote"
    menu_label = "You said, we did"
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["__str__", "received_on", ApprovalStatusColumn()]
    list_filter = ["live"]
    ordering = ["-received_on"]


register_snippet(YouSaidWeDidViewSet)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds or edits feedback in the admin: it only comes from visitors."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Feedback, ReadOnlyPolicy(Feedback))


def pages_with_feedback(request):
    return Page.objects.filter(feedback__isnull=False).distinct().order_by("title")


class FeedbackFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label="Page", queryset=pages_with_feedback, empty_label="All pages", field_name="page"
    )
    useful = django_filters.BooleanFilter(label="Useful")
    created_on = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)

    class Meta:
        model = Feedback
        fields = ["page", "useful", "created_on"]


class FeedbackViewSet(ModelViewSet):
    """What visitors said under 'Is this page useful?'. Read only; moderators may delete."""

    model = Feedback
    url_prefix = "feedback"
    icon = "comment"
    menu_label = "Feedback"
    add_to_admin_menu = True
    menu_order = 220
    form_fields = ["comment"]
    list_display = [
        "page",  # links to the read-only 'inspect' view, where a comment can start a 'You said, we did' item
        BooleanColumn("useful", label="Useful"),
        Column("comment", label="What was missing"),
        Column("about", label="About", accessor="get_about_display"),
        Column("created_on", label="Received"),
    ]
    filterset_class = FeedbackFilterSet
    inspect_view_enabled = True
    inspect_template_name = "home/admin/feedback_inspect.html"
    copy_view_enabled = False
    list_export = ["page", "useful", "comment", "about", "created_on"]


feedback_viewset = FeedbackViewSet("home_feedback")


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


@hooks.register("register_page_header_buttons")
def feedback_count_button(page, user, view_name, next_url=None):
    """'Feedback (n)' in the page's '...' menu, linking to that page's feedback."""
    if not user.has_perm("home.view_feedback"):
        return
    count = Feedback.objects.filter(page=page).count()
    yield Button(
        f"Feedback ({count})",
        url=f"{reverse('home_feedback:index')}?page={page.pk}",
        icon_name="comment",
        priority=80,
    )


class LocalOfferContentChecker(ContentCheckerItem):
    """Wagtail's content checks (axe-core, in the userbar and the editor's preview 'Checks'
    panel, next to the word count and reading time), aimed at what editors write: only the
    page's main content is checked, with rules for images, lists and tables added."""

    axe_include = ["main"]
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "list",
        "listitem",
        "td-headers-attr",
        "th-has-data-cells",
        "duplicate-id",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image has no alternative text",
            "help_text": "Describe the image for people who cannot see it, or mark it as decorative",
        },
        "list": {
            "error_name": "List is not built correctly",
            "help_text": "Use the bulleted or numbered list buttons, not typed dashes or numbers",
        },
        "th-has-data-cells": {
            "error_name": "Table heading has no data",
            "help_text": "Each column heading should have cells under it",
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_local_offer_content_checker(request, items, page):
    items[:] = [
        LocalOfferContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, LocalOfferContentChecker)
        else item
        for item in items
    ]


class DueForReviewPanel(Component):
    """On the dashboard: how many of your pages and contacts are due for review."""

    name = "due_for_review"
    order = 90
    template_name = "home/admin/due_for_review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        items = due_items(user=self.user)
        return {
            "overdue": sum(1 for i in items if i.status == OVERDUE),
            "soon": sum(1 for i in items if i.status != OVERDUE),
            "report_url": reverse("home_content_due_for_review"),
        }


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    # Wagtail's 'What's new' panel links to wagtail.org; the Help menu has the council's guide.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "whats_new_in_wagtail_version"]
    if request.user.has_perm("home.review_content"):
        panels.append(DueForReviewPanel(request.user))


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action("home.mark_reviewed", "Reviewed, no changes needed", "Reviewed, no changes needed")
