"""Pieces of the admin that several apps' snippet lists share: a status column that tells a
contact (or glossary term, or 'You said, we did' item) waiting for approval from a live one.

`ApprovalStatusColumn` reads the open approval tasks of the rows shown in one query (not one per
row; an annotation on the listing's query would break Wagtail's SQLite search count) and
shows: Live, Live with draft changes, Draft, In moderation, or Changes
requested."""

from django.contrib.contenttypes.models import ContentType
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
    """'Status' in a snippet list: live, draft or in moderation. The open workflows of all the
    rows shown are read in one query, the first time a cell needs them."""

    def __init__(self, **kwargs):
        super().__init__(
            "approval_status",
            accessor=approval_status,
            label="Status",
            sort_key="live",
            primary=lambda obj: approval_status(obj) in (IN_MODERATION, CHANGES_REQUESTED) or obj.live,
            **kwargs,
        )

    def get_cell_context_data(self, instance, parent_context):
        table = parent_context.get("table")
        rows = list(table.data) if table is not None else [instance]
        statuses = getattr(table, "_open_workflow_statuses", None)
        if statuses is None:
            statuses = open_workflow_statuses(rows)
            if table is not None:
                table._open_workflow_statuses = statuses
        instance.open_workflow_status = statuses.get(str(instance.pk))
        return super().get_cell_context_data(instance, parent_context)


def open_workflow_statuses(objects):
    """{pk as text: status} of the open approval workflows of `objects`, in one query."""
    objects = list(objects)
    if not objects:
        return {}
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    states = WorkflowState.objects.active().filter(
        base_content_type=content_type, object_id__in=[str(obj.pk) for obj in objects]
    )
    return dict(states.values_list("object_id", "status"))
