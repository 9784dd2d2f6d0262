"""Roles and approval: the Editors and Moderators groups, the permission matrix, the approval
workflow, scheduled publishing, revisions and locking."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import InformationPage, YouSaidWeDid
from home.tests.helpers import make_admin_only_user, make_site, make_user
from localoffer.permissions import apply_permission_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def users():
    return {
        "anonymous": None,
        "staff": make_admin_only_user(),
        "editor": make_user("editor", "Editors"),
        "moderator": make_user("moderator", "Moderators"),
        "administrator": make_user("admin", superuser=True),
    }


def page_codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(
        GroupPagePermission.objects.filter(group=group, page__depth=1).values_list("permission__codename", flat=True)
    )


def test_groups_have_page_permissions_on_the_root():
    assert page_codenames("Editors") >= {"add_page", "change_page", "lock_page"}
    assert "publish_page" not in page_codenames("Editors")
    assert page_codenames("Moderators") >= {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_groups_have_snippet_and_feedback_permissions():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    moderators = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"add_yousaidwedid", "change_yousaidwedid", "view_feedback", "review_content", "access_admin"} <= editors
    assert "publish_yousaidwedid" not in editors
    assert {"publish_yousaidwedid", "delete_feedback", "unlock_yousaidwedid"} <= moderators


@pytest.mark.parametrize("label", ["services.contact", "guidance.glossaryterm"])
def test_public_snippets_are_covered(label):
    model = apps.get_model(label)
    name = model._meta.model_name
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    moderators = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {f"add_{name}", f"change_{name}"} <= editors
    assert f"publish_{name}" not in editors
    assert hasattr(model, "live")
    assert f"publish_{name}" in moderators


@pytest.mark.parametrize("label", ["services.contact", "guidance.glossaryterm"])
def test_public_snippets_have_drafts_and_revisions(label):
    from wagtail.models import DraftStateMixin, RevisionMixin

    model = apps.get_model(label)
    assert issubclass(model, DraftStateMixin)
    assert issubclass(model, RevisionMixin)


def test_scheme_is_idempotent():
    assert apply_permission_scheme(apps, discover=True) == 0
    assert Workflow.objects.filter(name="Moderators approval").count() == 1


def test_workflow_covers_whole_site_and_you_said_we_did():
    root = Page.get_first_root_node()
    assert root.get_workflow().name == "Moderators approval"
    assert WorkflowContentType.objects.filter(content_type__model="yousaidwedid").exists()


@pytest.mark.parametrize("label", ["services.contact", "guidance.glossaryterm"])
def test_public_snippets_go_through_approval(label):
    """Contacts and glossary terms are shown to the public, so they are moderated like pages."""
    model = apps.get_model(label)
    workflow = model().get_workflow()
    assert workflow is not None and workflow.name == "Moderators approval"


# --- Permission matrix ---------------------------------------------------------------------

# "login": 302 to the sign-in page. "denied": Wagtail's answer to a signed-in user without the
# permission (a 302 back to the dashboard with an error message, or a 403). "ok": 200.
# "done": the action worked and redirected back to the report.
EXPECTED = {
    "edit_page": {"anonymous": "login", "staff": "denied", "editor": "ok", "moderator": "ok", "administrator": "ok"},
    "unpublish_page": {
        "anonymous": "login",
        "staff": "denied",
        "editor": "denied",
        "moderator": "ok",
        "administrator": "ok",
    },
    "review_report": {
        "anonymous": "login",
        "staff": "denied",
        "editor": "ok",
        "moderator": "ok",
        "administrator": "ok",
    },
    "search_report": {
        "anonymous": "login",
        "staff": "denied",
        "editor": "ok",
        "moderator": "ok",
        "administrator": "ok",
    },
    "feedback_list": {
        "anonymous": "login",
        "staff": "denied",
        "editor": "ok",
        "moderator": "ok",
        "administrator": "ok",
    },
    "mark_reviewed": {
        "anonymous": "login",
        "staff": "denied",
        "editor": "done",
        "moderator": "done",
        "administrator": "done",
    },
}


def outcome(response):
    location = response.get("Location", "")
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302 and "/admin/login/" in location:
        return "login"
    if response.status_code == 403 or (response.status_code == 302 and location == "/admin/"):
        return "denied"
    if response.status_code == 302 and location == reverse("home_content_due_for_review"):
        return "done"
    return f"{response.status_code} {location}"


def request_view(client, name, page):
    if name == "edit_page":
        return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if name == "unpublish_page":
        return client.get(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    if name == "review_report":
        return client.get(reverse("home_content_due_for_review"))
    if name == "feedback_list":
        return client.get(reverse("home_feedback:index"))
    if name == "search_report":
        return client.get(reverse("search_report"))
    if name == "mark_reviewed":
        from django.contrib.contenttypes.models import ContentType

        ct = ContentType.objects.get_for_model(InformationPage)
        return client.post(reverse("home_mark_reviewed", args=[ct.pk, page.pk]))
    raise AssertionError(name)


@pytest.mark.parametrize("view_name", list(EXPECTED))
@pytest.mark.parametrize("role", ["anonymous", "staff", "editor", "moderator", "administrator"])
def test_permission_matrix(client, site, users, view_name, role):
    _, info = site
    if users[role] is not None:
        client.force_login(users[role])
    response = request_view(client, view_name, info)
    assert outcome(response) == EXPECTED[view_name][role], (view_name, role)
    if view_name == "mark_reviewed":
        from home.models import ReviewRecord

        assert ReviewRecord.objects.exists() == (EXPECTED[view_name][role] == "done")


# --- Approval workflow ---------------------------------------------------------------------


def edit_data(page, title, action):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": page.summary,
            "audience": "everyone",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "content_owner": "",
            "last_reviewed": "",
            "review_by": "",
            action: "1",
        }
    )


def test_editor_cannot_publish_directly(client, site, users):
    _, info = site
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[info.pk]), edit_data(info, "Edited by an editor", "action-publish")
    )
    assert response.status_code in (200, 302, 403)
    info.refresh_from_db()
    assert info.title == "About this website"  # the live page did not change
    assert client.get(info.url).content.decode().count("Edited by an editor") == 0


def test_draft_goes_live_only_through_approval(client, site, users):
    _, info = site
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[info.pk]), edit_data(info, "Reviewed title", "action-submit")
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    info.refresh_from_db()
    assert info.title == "About this website"
    assert info.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(info.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    # Nobody outside sees the draft.
    public = client.get(info.url)
    assert "Reviewed title" not in public.content.decode()
    client.logout()
    assert "Reviewed title" not in client.get(info.url).content.decode()

    # A moderator approves: now it is live.
    client.force_login(users["moderator"])
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[info.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    info.refresh_from_db()
    assert info.title == "Reviewed title"
    client.logout()
    assert "Reviewed title" in client.get(info.url).content.decode()


def test_unpublished_page_is_not_public(client, site):
    home, _ = site
    draft = InformationPage(title="Secret draft", slug="secret-draft", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    assert client.get("/secret-draft/").status_code == 404


def test_scheduled_publishing_with_publish_scheduled(client, site, users):
    _, info = site
    info.title = "Published later"
    revision = info.save_revision(user=users["moderator"])
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    info.refresh_from_db()
    assert info.title == "Published later"


def test_revisions_compare_and_roll_back(client, site, users):
    _, info = site
    first = info.latest_revision
    info.title = "Second title"
    second = info.save_revision(user=users["moderator"])
    second.publish()
    client.force_login(users["moderator"])
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[info.pk, first.pk, second.pk]))
    assert compare.status_code == 200
    assert "Second title" in compare.content.decode()
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[info.pk, first.pk]))
    assert revert.status_code == 200
    assert "About this website" in revert.content.decode()


def test_page_locking(client, site, users):
    _, info = site
    client.force_login(users["editor"])
    response = client.post(reverse("wagtailadmin_pages:lock", args=[info.pk]))
    assert response.status_code == 302
    info.refresh_from_db()
    assert info.locked and info.locked_by == users["editor"]
    # Another editor cannot edit a locked page.
    other = make_user("other-editor", "Editors")
    assert not info.permissions_for_user(other).can_edit() or info.get_lock().for_user(other) is not None
    # An editor cannot unlock someone else's lock; a moderator can.
    client.force_login(other)
    client.post(reverse("wagtailadmin_pages:unlock", args=[info.pk]))
    info.refresh_from_db()
    assert info.locked
    client.force_login(users["moderator"])
    client.post(reverse("wagtailadmin_pages:unlock", args=[info.pk]))
    info.refresh_from_db()
    assert not info.locked


def test_you_said_we_did_items_need_approval(users):
    item = YouSaidWeDid(you_said="The page about transport was hard to find.", we_did="We moved it.", live=False)
    item.save()
    item.save_revision(user=users["editor"])
    assert not users["editor"].has_perm("home.publish_yousaidwedid")
    assert users["moderator"].has_perm("home.publish_yousaidwedid")
    assert YouSaidWeDid.objects.published().count() == 0


def test_command_restores_missing_rights_and_post_migrate_covers_new_models():
    from io import StringIO

    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(*editors.permissions.filter(codename__endswith="yousaidwedid"))
    out = StringIO()
    call_command("apply_editorial_permissions", stdout=out)
    assert "Granted 3 new permission(s)" in out.getvalue()
    assert editors.permissions.filter(codename="change_yousaidwedid").exists()
    # A snippet with drafts in one of our apps is found without being listed by name.
    from localoffer.permissions import editorial_model_labels

    assert "home.yousaidwedid" in editorial_model_labels(apps, discover=True)
    assert "home.feedback" not in editorial_model_labels(apps, discover=True)


def test_post_migrate_restores_missing_rights_once_at_the_end():
    from django.core.management.sql import emit_post_migrate_signal

    from localoffer.apps import reapply_permission_scheme

    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(*editors.permissions.filter(codename__endswith="glossaryterm"))
    # The handler ignores every app's signal but the last one's...
    reapply_permission_scheme(sender=apps.get_app_config("home"))
    assert not editors.permissions.filter(codename="change_glossaryterm").exists()
    # ...which `migrate` sends after all the others.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert editors.permissions.filter(codename="change_glossaryterm").exists()
