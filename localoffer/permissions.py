"""Who may do what: the 'Editors' and 'Moderators' groups and the approval workflow.

Wagtail's own migrations create both groups and a 'Moderators approval' workflow on the root
page. `apply_permission_scheme()` builds on them, idempotently:

- Editors: add and edit pages anywhere (and lock them); add and edit the snippets the public
  sees (contacts, glossary terms, 'You said, we did' items); read feedback; see the
  'Content due for review' and 'What people searched for' reports. They cannot publish: they
  submit for approval.
- Moderators: all of that, plus publish, unlock, delete snippets and feedback.
- The 'Moderators approval' workflow covers the whole page tree and every snippet type with
  WorkflowMixin.

This wiring touches every app, so it lives on the top floor (docs/architecture.md). It runs
from a data migration (localoffer 0001) and again at the end of every `migrate` (post_migrate,
see localoffer/apps.py), so snippet models other apps add later are covered. `manage.py
apply_editorial_permissions` runs it by hand.
"""

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "lock_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Snippet-like models the public sees, by label. Missing ones are skipped, so this works
# whether or not the contacts and glossary features exist yet.
EDITORIAL_MODELS = ["services.contact", "guidance.glossaryterm", "home.yousaidwedid"]
EDITOR_ACTIONS = ["add", "change", "view"]
MODERATOR_ACTIONS = ["add", "change", "delete", "publish", "lock", "unlock", "view"]
# Other permissions by 'app_label.codename'.
EXTRA_PERMISSIONS = {
    "Editors": [
        "home.view_feedback",
        "home.review_content",
        "search.view_search_report",
        "wagtailadmin.access_admin",
        "home.change_schedule2item",  # Local Offer duties: reword, never add or delete
        "home.view_schedule2item",
        "wagtail_localize.submit_translation",  # translate pages and snippets (docs/editors.md)
    ],
    "Moderators": [
        "home.view_feedback",
        "home.delete_feedback",
        "home.review_content",
        "search.view_search_report",
        "wagtailadmin.access_admin",
        "home.change_schedule2item",
        "home.view_schedule2item",
        "wagtail_localize.submit_translation",
    ],
}
PROJECT_APPS = ("home", "guidance", "services")
WORKFLOW_NAME = "Moderators approval"


def editorial_model_labels(apps, discover=False):
    """The labels of the snippet models the groups get rights on. With `discover` (real
    models, not a migration's historical ones), also every non-page model in our apps that
    has drafts (DraftStateMixin) or review dates (ReviewMixin)."""
    labels = []
    for label in EDITORIAL_MODELS:
        try:
            apps.get_model(label)
        except LookupError:
            continue
        labels.append(label)
    if discover:
        from wagtail.models import DraftStateMixin, Page

        from home.models import ReviewMixin

        for app_label in PROJECT_APPS:
            try:
                app_config = apps.get_app_config(app_label)
            except LookupError:
                continue
            for model in app_config.get_models():
                if issubclass(model, Page) or not issubclass(model, DraftStateMixin | ReviewMixin):
                    continue
                label = model._meta.label_lower
                if label not in labels:
                    labels.append(label)
    return labels


def _permissions(apps, label, actions):
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, model_name = label.split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    codenames = [f"{action}_{model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _named_permissions(apps, dotted):
    Permission = apps.get_model("auth.Permission")
    found = []
    for item in dotted:
        app_label, codename = item.split(".")
        found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def apply_permission_scheme(apps, discover=False):
    """Create or complete the groups, their permissions and the workflow. Never removes
    anything an administrator added. Returns the number of permissions newly granted."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Page = apps.get_model("wagtailcore.Page")

    granted = 0
    root = Page.objects.filter(depth=1).order_by("path").first()
    labels = editorial_model_labels(apps, discover=discover)
    for group_name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        if root is not None:
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore", content_type__model="page", codename__in=page_codenames
            ):
                _, created = GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
                granted += created
        actions = MODERATOR_ACTIONS if group_name == "Moderators" else EDITOR_ACTIONS
        wanted = _named_permissions(apps, EXTRA_PERMISSIONS[group_name])
        for label in labels:
            wanted.extend(_permissions(apps, label, actions))
        have = set(group.permissions.values_list("pk", flat=True))
        new = [p for p in wanted if p.pk not in have]
        group.permissions.add(*new)
        granted += len(new)
        _collection_permissions(apps, group)
    _workflow(apps, root, labels, discover)
    return granted


def _collection_permissions(apps, group):
    """Editors and moderators may add and choose images and documents in the root collection."""
    try:
        GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
        Collection = apps.get_model("wagtailcore.Collection")
    except LookupError:
        return
    Permission = apps.get_model("auth.Permission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=[f"add_{model}", f"choose_{model}"]
        ):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _workflow(apps, root, labels, discover):
    """Make sure the 'Moderators approval' workflow covers the root page and every snippet
    type that has a workflow."""
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(
                name=WORKFLOW_NAME,
                active=True,
                content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
            )
            task.groups.set([Group.objects.get(name="Moderators")])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)

    try:
        WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    except LookupError:
        return
    for label in labels:
        model = apps.get_model(label)
        if discover:
            from wagtail.models import WorkflowMixin

            if not issubclass(model, WorkflowMixin):
                continue
        elif label != "home.yousaidwedid":
            continue
        app_label, model_name = label.split(".")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
