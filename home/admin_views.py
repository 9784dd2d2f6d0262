"""Admin views: the 'Content due for review' report, 'Reviewed, no changes needed' and
'Start a "You said, we did" item' from a feedback comment."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .coverage import comments_overdue, last_comments_published
from .models import Feedback, YouSaidWeDid
from .review import DUE_SOON, OVERDUE, by_owner, can_mark_reviewed, due_items, mark_reviewed


class ContentDueForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Pages and contacts whose 'review by' date has passed or is in the next 30 days, by owner."""

    template_name = "home/admin/content_due_for_review.html"
    page_title = "Content due for review"
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("home.review_content"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": "Reports"}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = due_items()
        context.update(
            owners=by_owner(items),
            overdue_count=sum(1 for i in items if i.status == OVERDUE),
            soon_count=sum(1 for i in items if i.status == DUE_SOON),
            soon_days=settings.REVIEW_DUE_SOON_DAYS,
            today=date.today(),
            OVERDUE=OVERDUE,
            comments_overdue=comments_overdue(),
            last_comments=last_comments_published(),
            yswd_url=reverse("wagtailsnippets_home_yousaidwedid:list"),
        )
        return context


@require_POST
def mark_reviewed_view(request, content_type_id, object_id):
    """'Reviewed, no changes needed': last reviewed today, review by 12 months on."""
    if not request.user.has_perm("home.review_content"):
        raise PermissionDenied
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None:
        raise Http404
    obj = get_object_or_404(model, pk=object_id)
    if not can_mark_reviewed(request.user, obj):
        raise PermissionDenied
    record = mark_reviewed(obj, request.user)
    messages.success(
        request, f"‘{record.object_title}’ marked as reviewed. Next review by {record.next_review_by:%d/%m/%Y}."
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("home_content_due_for_review")
    return redirect(next_url)


@require_POST
def start_you_said_we_did(request, pk):
    """Copy a feedback comment into a new draft 'You said, we did' item for a moderator to edit."""
    if not request.user.has_perm("home.add_yousaidwedid"):
        raise PermissionDenied
    feedback = get_object_or_404(Feedback, pk=pk)
    if not feedback.comment:
        messages.error(request, "This feedback has no comment to publish.")
        return redirect("home_feedback:index")
    item = YouSaidWeDid(
        received_on=feedback.created_on,
        about=feedback.about,
        you_said=feedback.comment,
        we_did="",
        live=False,
    )
    item.save()
    # The answer is still empty: the moderator writes it (the edit form requires it).
    item.save_revision(user=request.user, log_action=True, clean=False)
    messages.success(
        request,
        "Draft 'You said, we did' item started. Remove anything personal, write the council's answer, "
        "then submit it for approval.",
    )
    return redirect("wagtailsnippets_home_yousaidwedid:edit", item.pk)
