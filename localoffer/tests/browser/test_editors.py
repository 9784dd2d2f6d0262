"""Editors' journeys through the real Wagtail admin (issue 18): an editor edits and submits, a
moderator approves; a go-live date typed two ways, a bad one and a past one; a contact made
without typing a web address; the eligibility check's 'Leads to' chosen from a list. Each
journey also checks that the admin asks nothing of another host (no Gravatar).

`UPDATE_DOC_SCREENSHOTS=1` saves the screenshots docs/editors.md shows into docs/images/.
"""

import os
import re
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage, InformationPage
from localoffer.permissions import apply_permission_scheme
from services.models import CheckerPage, Contact

from .conftest import BASE_DIR, WIDE, _visitor

PASSWORD = "a-long-test-password-18"
DOC_IMAGES = BASE_DIR / "docs" / "images"


@pytest.fixture
def people(site):
    """The shipped site, the editorial groups and workflow, an editor and a moderator."""
    apply_permission_scheme(apps, discover=True)
    editor = User.objects.create_user("eddie", "eddie@example.org", PASSWORD, first_name="Eddie", last_name="Tor")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = User.objects.create_user("mo", "mo@example.org", PASSWORD, first_name="Mo", last_name="Derator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return {"editor": editor, "moderator": moderator}


class Editor:
    """A signed-in admin user in their own browser context; records any request that leaves
    this machine."""

    def __init__(self, browser, base_url, username):
        self.context, self.visitor = _visitor(browser, base_url)
        self.page = self.visitor.page
        self.base_url = base_url
        self.outside_requests = []
        self.page.on("request", self._request)
        self.visitor.goto("/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        with self.page.expect_navigation():
            self.page.locator("button[type=submit]").first.click()
        assert urlsplit(self.page.url).path == "/admin/", self.page.url

    def _request(self, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith("http") and host not in ("127.0.0.1", "localhost"):
            self.outside_requests.append(request.url)

    def goto(self, path):
        # Playwright waits for the page's load event: the admin's scripts have run by then.
        self.visitor.goto(path)

    def doc_screenshot(self, name, locator=None):
        """A screenshot for docs/editors.md (only with UPDATE_DOC_SCREENSHOTS=1)."""
        if os.environ.get("UPDATE_DOC_SCREENSHOTS") != "1":
            return
        self.page.set_viewport_size({"width": WIDE, "height": 900})
        (locator or self.page).screenshot(path=DOC_IMAGES / f"{name}.png")

    def close(self):
        self.page.wait_for_load_state("networkidle")  # no request still running when the database is emptied
        assert self.outside_requests == [], f"The admin called other hosts: {self.outside_requests}"
        self.context.close()


@pytest.fixture
def sign_in(browser, site, people):
    signed_in = []

    def sign_in(role):
        editor = Editor(browser, site, people[role].username)
        signed_in.append(editor)
        return editor

    yield sign_in
    for editor in signed_in:
        editor.close()


def open_schedule_dialog(page):
    schedule = page.locator("button[data-a11y-dialog-show=schedule-publishing-dialog]").first
    if not schedule.is_visible():  # the status panel stays open after a save that was refused
        page.locator("[data-side-panel-toggle=status]").click()
    schedule.wait_for(state="visible")
    page.wait_for_timeout(300)  # the side panel slides in
    page.locator("button[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").wait_for(state="visible")
    return dialog


def type_go_live(page, dialog, text):
    field = dialog.locator("#id_go_live_at")
    field.fill(text)
    # Leave the field, as an editor would (the picker checks the text on blur), then close the
    # calendar, which otherwise covers the 'Save schedule' button.
    field.evaluate("el => { el.blur(); window.jQuery && window.jQuery(el).datetimepicker('hide'); }")
    page.wait_for_timeout(300)
    return dialog.locator("#id_go_live_at").input_value()


def save_schedule(page, dialog):
    with page.expect_navigation():
        # The calendar the picker opens over the dialog hides the button from Playwright's
        # pointer; a click through the DOM is the same click on the same button.
        dialog.locator("button[type=submit]").evaluate("button => button.click()")
    page.wait_for_load_state("networkidle")


def test_editor_submits_a_new_page_and_a_moderator_approves_it(sign_in, people):
    home = HomePage.objects.get()
    editor = sign_in("editor")
    editor.goto(f"/admin/pages/add/home/informationpage/{home.pk}/")
    page = editor.page
    page.fill("#id_title", "Parking at the council offices")
    page.fill("#id_summary", "Where to park when you visit the Local Offer team.")
    page.get_by_role("tab", name="Settings").click()
    owner = page.locator("#id_content_owner")
    # The owner starts as the person creating the page, and people are listed by name.
    assert owner.locator("option:checked").inner_text() == "Eddie Tor"
    assert "eddie" not in owner.locator("option").all_inner_texts()
    editor.doc_screenshot("admin-owner-by-name", page.locator("main"))
    page.locator(".footer__container button.dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    new = InformationPage.objects.get(title="Parking at the council offices")
    assert not new.live
    assert new.content_owner == people["editor"]

    moderator = sign_in("moderator")
    moderator.goto("/admin/")
    awaiting = moderator.page.locator("a", has_text="Parking at the council offices").first
    awaiting.wait_for()
    moderator.doc_screenshot("admin-dashboard-awaiting-review")
    moderator.goto(f"/admin/pages/{new.pk}/edit/")
    footer_toggle = moderator.page.locator(
        ".footer__container button.dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    )
    footer_toggle.first.click()
    approve = moderator.page.get_by_role("button", name="Approve and Publish")
    with moderator.page.expect_navigation():
        approve.click()
    new.refresh_from_db()
    assert new.live

    # The page is due: the editor's dashboard says so.
    InformationPage.objects.filter(pk=new.pk).update(review_by=timezone.localdate() - timedelta(days=3))
    editor.goto("/admin/")
    panel = editor.page.locator("#due-for-review-heading").locator("xpath=..")
    assert "You own 1 overdue item" in panel.inner_text()
    editor.doc_screenshot("admin-dashboard-due", panel)


def test_help_goes_to_the_councils_guide(sign_in):
    editor = sign_in("editor")
    editor.goto("/admin/")
    editor.page.locator("[data-w-dropdown-target=toggle], button", has_text="Help").first.click()
    guide = editor.page.get_by_role("list", name="Help").get_by_role("link", name="Guide for editors")
    assert guide.get_attribute("href") == "/admin/editors-guide/"
    assert editor.page.locator("a[href*='wagtail.org']").count() == 0
    with editor.page.expect_navigation():
        guide.click()
    assert "Keeping the Local Offer current" in editor.page.locator("main").inner_text()
    editor.page.wait_for_load_state("networkidle")
    broken = editor.page.evaluate("() => Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)")
    assert broken == []


def test_schedule_a_good_date_a_bad_date_and_a_past_date(sign_in):
    target = InformationPage.objects.live().first()
    moderator = sign_in("moderator")
    page = moderator.page
    edit_url = f"/admin/pages/{target.pk}/edit/"
    moderator.goto(edit_url)

    # A good date, typed the ISO way: kept as typed, and saved as that moment.
    when = (timezone.localtime() + timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    dialog = open_schedule_dialog(page)
    assert "for example 10/12/2026 09:00" in dialog.inner_text()
    assert type_go_live(page, dialog, when.strftime("%Y-%m-%d %H:%M")) == when.strftime("%Y-%m-%d %H:%M")
    moderator.doc_screenshot("admin-set-schedule", dialog.locator(".w-dialog__box, [role=document]").first)
    save_schedule(page, dialog)
    revision = Page.objects.get(pk=target.pk).specific.latest_revision
    assert revision.as_object().go_live_at == when

    # A date that cannot be read: refused, with the format shown, nothing saved.
    before = Page.objects.get(pk=target.pk).latest_revision_id
    dialog = open_schedule_dialog(page)
    assert type_go_live(page, dialog, "tomorrow at 9") == "tomorrow at 9"
    save_schedule(page, dialog)
    assert "could not be saved" in page.locator(".messages").inner_text()
    dialog = open_schedule_dialog(page)
    error = dialog.locator(".error-message, .w-field__errors").first.inner_text()
    assert "for example 10/12/2026 09:00" in error
    moderator.doc_screenshot("admin-set-schedule-error", dialog.locator(".w-dialog__box, [role=document]").first)
    assert Page.objects.get(pk=target.pk).latest_revision_id == before

    # A go-live time already passed: refused, never 'publish now' in disguise.
    moderator.goto(edit_url)
    dialog = open_schedule_dialog(page)
    type_go_live(page, dialog, "01/01/2026 09:00")
    save_schedule(page, dialog)
    dialog = open_schedule_dialog(page)
    assert "already passed" in dialog.inner_text()
    assert Page.objects.get(pk=target.pk).latest_revision_id == before


def test_a_contact_is_made_without_typing_its_web_address(sign_in):
    editor = sign_in("editor")
    page = editor.page
    editor.goto("/admin/snippets/services/contact/add/")
    page.fill("#id_name", "Parent Carer Forum Example Group")
    page.fill("#id_description", "Example: a group of parents who help each other.")
    editor.doc_screenshot("admin-contact-new", page.locator("main"))
    with page.expect_navigation():
        page.locator("button[type=submit]:not([name])", has_text="Save draft").first.click()
    contact = Contact.objects.get(name="Parent Carer Forum Example Group")
    assert contact.slug == "parent-carer-forum-example-group"
    assert not contact.live
    assert contact.content_owner.username == "eddie"

    editor.goto("/admin/snippets/services/contact/?live=false")
    row = page.locator("tr", has_text="Parent Carer Forum Example Group")
    assert "Draft" in row.text_content()
    editor.goto(f"/admin/snippets/services/contact/edit/{contact.pk}/")
    page.locator("footer [data-w-dropdown-target=toggle], .footer__container button.dropdown-toggle").first.click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    editor.goto("/admin/snippets/services/contact/?live=false")
    row = page.locator("tr", has_text="Parent Carer Forum Example Group")
    assert "In moderation" in row.text_content()
    editor.doc_screenshot("admin-contacts-status", page.locator("main"))


def test_a_check_is_edited_by_choosing_where_an_answer_leads(sign_in):
    checker = CheckerPage.objects.get()
    moderator = sign_in("moderator")
    page = moderator.page
    moderator.goto(f"/admin/pages/{checker.pk}/edit/")

    # Add a result at the end of the results, with a heading and some text.
    results = page.locator("#results-root")
    results.locator(":scope > [data-streamfield-stream-container] > div > button.c-sf-add-button").last.click()
    new_heading = results.locator("input[name$='-value-heading']").last
    new_heading.fill("Ask the school's SENCO first")
    results.locator("[contenteditable=true]").last.click()
    page.keyboard.type("The SENCO can ask SSSEN for advice.")

    # The second answer to the first question chooses it from the list: no short name typed.
    leads_to = page.locator("select[data-lo-leads-to-list]").nth(1)
    options = leads_to.locator("option").all_inner_texts()
    wanted = [o for o in options if o.startswith("Result: Ask the school's SENCO first")]
    assert wanted, options
    leads_to.select_option(label=wanted[0])
    leads_to.scroll_into_view_if_needed()
    moderator.doc_screenshot("admin-leads-to", leads_to.locator("xpath=ancestor::div[@data-contentpath][1]"))
    with page.expect_navigation():
        page.locator("button[type=submit]", has_text="Save draft").first.click()
    assert "could not be saved" not in (
        page.locator(".messages").inner_text() if page.locator(".messages").count() else ""
    )

    draft = CheckerPage.objects.get(pk=checker.pk).latest_revision.as_object()
    new_result = draft.results[-1].value
    assert new_result["slug"] == "ask-the-schools-senco-first"
    assert draft.questions[0].value["answers"][1]["leads_to"] == new_result["slug"]


def test_every_admin_request_stays_on_this_machine(sign_in):
    editor = sign_in("editor")
    editor.goto("/admin/")
    avatar = editor.page.locator("img.avatar, .avatar img").first
    assert avatar.count() == 0 or not re.search(r"gravatar", avatar.get_attribute("src") or "")
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_the_search_report_shows_what_visitors_searched_for(browser, site, sign_in, settings, tmp_path):
    """Issue 18: in the default setup (no Redis) searches made through the website reach 'What
    people searched for' once the cron job folds them. That several processes add up is tested
    in search/tests/test_log.py."""
    # The default store (files), empty: earlier tests in this process counted searches too.
    settings.SEARCH_COUNTS_REDIS_URL = ""
    settings.SEARCH_COUNTS_DIR = str(tmp_path / "search-counts")
    context, visitor = _visitor(browser, site)
    try:
        for words in ("sendco", "sendco", "zzqqxx"):
            visitor.goto("/search/?" + urlencode({"q": words}))
    finally:
        context.close()
    call_command("fold_search_counts", verbosity=0)  # what cron runs every 5 minutes
    editor = sign_in("editor")
    editor.goto("/admin/")
    editor.page.get_by_role("button", name="Reports").click()
    with editor.page.expect_navigation():
        editor.page.get_by_role("link", name="What people searched for").click()
    assert "3 searches in this period" in editor.page.locator("main").inner_text()
    most_searched = editor.page.locator("#top-searches + table").inner_text()
    nothing_found = editor.page.locator("#nothing-found ~ table").first.inner_text()
    assert "sendco\t2" in most_searched, most_searched
    assert "zzqqxx\t1" in nothing_found and "sendco" not in nothing_found, nothing_found
