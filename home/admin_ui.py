"""Pieces of the admin that several apps' snippet lists share: a status column that tells a
contact (or glossary term, or 'You said, we did' item) waiting for approval from a live one.

`ApprovalStatusViewSetMixin` adds one subquery to the listing's query (no query per row), and
`ApprovalStatusColumn` shows: Live, Live with draft changes, Draft, In moderation, or Changes
requested."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.models import WorkflowState

IN_MODERATION = "In moderation"
CHANGES_REQUESTED = "Changes requested"


def approval_status(obj):
    """The words for an item's state, from its row and its open approval task (if any)."""
    workflow_status = getattr(obj, "open_workflow_status", None)
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_MODERATION
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if obj.live:
        return "Live with draft changes" if obj.has_unpublished_changes else "Live"
    return "Draft"


class ApprovalStatusColumn(StatusTagColumn):
    """'Status' in a snippet list: live, draft or in moderation."""

    def __init__(self, **kwargs):
        super().__init__(
            "approval_status",
            accessor=approval_status,
            label="Status",
            sort_key="live",
            primary=lambda obj: approval_status(obj) in (IN_MODERATION, CHANGES_REQUESTED) or obj.live,
            **kwargs,
        )


def with_workflow_status(queryset):
    """Annotate each row with the status of its open approval workflow (one subquery)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    open_states = WorkflowState.objects.active().filter(
        base_content_type=content_type, object_id=Cast(OuterRef("pk"), output_field=CharField())
    )
    return queryset.annotate(open_workflow_status=Subquery(open_states.values("status")[:1]))


class ApprovalStatusViewSetMixin:
    """For a SnippetViewSet of a model with drafts and approval: the listing knows each row's
    approval state in the same query."""

    def get_queryset(self, request):
        return with_workflow_status(self.model._default_manager.all())
