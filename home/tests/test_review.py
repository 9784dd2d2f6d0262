"""Review dates: the 'Content due for review' report, 'Reviewed, no changes needed', the
reminder emails and 'Last reviewed' on public pages."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from home.models import InformationPage, ReviewRecord
from home.review import DUE_SOON, OVERDUE, due_items

from .helpers import make_site, make_user, set_review

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def content():
    home, info = make_site()
    alice = make_user("alice", "Editors", first_name="Alice", last_name="Owner")
    bob = make_user("bob", "Editors", first_name="Bob", last_name="Owner")
    pages = {}
    for slug, days, owner in [
        ("overdue-alice", -5, alice),
        ("soon-alice", 10, alice),
        ("later-alice", 60, alice),
        ("overdue-bob", -1, bob),
        ("soon-nobody", 29, None),
    ]:
        page = InformationPage(title=slug.replace("-", " ").title(), slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = set_review(page, TODAY + timedelta(days=days), owner)
    set_review(info, TODAY + timedelta(days=200))
    set_review(home, TODAY + timedelta(days=200))
    return {"pages": pages, "alice": alice, "bob": bob, "info": info}


def titles(items, status=None):
    return [i.title for i in items if status is None or i.status == status]


def test_due_items_overdue_soon_and_later(content):
    items = due_items()
    assert titles(items, OVERDUE) == ["Overdue Alice", "Overdue Bob"]
    assert titles(items, DUE_SOON) == ["Soon Alice", "Soon Nobody"]
    assert "Later Alice" not in titles(items)
    # Sorted by owner, then date; no owner last.
    assert [i.owner_name for i in items] == ["Alice Owner", "Alice Owner", "Bob Owner", "No owner"]


def test_report_lists_by_owner_with_edit_links(client, content):
    client.force_login(content["alice"])
    response = client.get(reverse("home_content_due_for_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 overdue, 2 due in the next 30 days" in html
    assert html.index("Alice Owner") < html.index("Bob Owner") < html.index("No owner")
    assert "Later Alice" not in html
    overdue = content["pages"]["overdue-alice"]
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html
    assert "Overdue by 5 days" in html
    assert "Due in 10 days" in html
    assert "Reviewed, no changes needed" in html
    assert "csrfmiddlewaretoken" in html


def test_report_is_in_the_reports_menu(client, content):
    client.force_login(content["alice"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("home_content_due_for_review") in html


def test_mark_reviewed_records_who_and_when(client, content):
    page = content["pages"]["overdue-alice"]
    client.force_login(content["alice"])
    ct = ContentType.objects.get_for_model(InformationPage)
    response = client.post(reverse("home_mark_reviewed", args=[ct.pk, page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == TODAY
    assert page.review_by == TODAY + relativedelta(months=12)
    record = ReviewRecord.objects.get()
    assert record.reviewed_by == content["alice"]
    assert record.object_id == str(page.pk)
    assert record.next_review_by == page.review_by
    # It also shows in the page's history.
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(page=page, action="home.mark_reviewed")
    assert entry.user == content["alice"]
    assert (
        "Reviewed, no changes needed"
        in client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    )
    assert "Overdue Alice" not in titles(due_items())
    # The live page still has its content and now shows the new date.
    assert "Last reviewed:" in client.get(page.url).content.decode()


def test_mark_reviewed_also_updates_a_pending_draft(client, content):
    page = content["pages"]["soon-alice"]
    page.title = "Soon Alice draft"
    page.save_revision()
    client.force_login(content["alice"])
    ct = ContentType.objects.get_for_model(InformationPage)
    client.post(reverse("home_mark_reviewed", args=[ct.pk, page.pk]))
    page.refresh_from_db()
    page.latest_revision.publish()
    page.refresh_from_db()
    assert page.title == "Soon Alice draft"
    assert page.review_by == TODAY + relativedelta(months=12)


def test_mark_reviewed_needs_post_and_csrf(content):
    page = content["pages"]["overdue-alice"]
    ct = ContentType.objects.get_for_model(InformationPage)
    url = reverse("home_mark_reviewed", args=[ct.pk, page.pk])
    client = Client(enforce_csrf_checks=True)
    client.force_login(content["alice"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert ReviewRecord.objects.count() == 0


def test_mark_reviewed_unknown_item_is_404(client, content):
    client.force_login(content["alice"])
    ct = ContentType.objects.get_for_model(InformationPage)
    assert client.post(reverse("home_mark_reviewed", args=[ct.pk, 999999])).status_code == 404


def test_overdue_pages_stay_public(client, content):
    page = content["pages"]["overdue-alice"]
    assert client.get(page.url).status_code == 200


def test_public_page_shows_last_reviewed(client, content):
    page = content["pages"]["later-alice"]
    html = client.get(page.url).content.decode()
    assert 'Last reviewed: <time datetime="2020-01-01">1 January 2020</time>' in html


def test_reminder_emails_one_digest_per_owner(content):
    call_command("send_review_reminders", verbosity=0)
    assert len(mail.outbox) == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    alice = by_recipient["alice@example.org"]
    assert alice.subject == "Local Offer: 1 overdue, 1 due soon for review"
    assert "Overdue Alice" in alice.body and "Soon Alice" in alice.body
    assert "Later Alice" not in alice.body and "Overdue Bob" not in alice.body
    assert alice.body.index("Overdue for review") < alice.body.index("Due for review soon")
    assert "http://testserver/admin/pages/" in alice.body
    assert "http://testserver" + reverse("home_content_due_for_review") in alice.body
    bob = by_recipient["bob@example.org"]
    assert "Overdue Bob" in bob.body and "Soon Nobody" not in bob.body


def test_reminders_dry_run_sends_nothing(content):
    call_command("send_review_reminders", "--dry-run", verbosity=0)
    assert mail.outbox == []


def test_reminders_skip_owners_without_email(content):
    content["bob"].email = ""
    content["bob"].save()
    call_command("send_review_reminders", verbosity=0)
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]


def test_contacts_are_in_the_report(client, content):
    from django.apps import apps

    from home.models import ReviewMixin

    Contact = apps.get_model("services", "Contact")  # by label: home does not import services
    assert issubclass(Contact, ReviewMixin)
    contact = Contact(name="Test team", slug="test-team")
    contact.save()
    Contact.objects.filter(pk=contact.pk).update(review_by=TODAY - timedelta(days=3), content_owner=content["bob"])
    assert "Test team" in titles(due_items(), OVERDUE)
    client.force_login(content["bob"])
    html = client.get(reverse("home_content_due_for_review")).content.decode()
    assert "Test team" in html
    assert f"/admin/snippets/services/contact/edit/{contact.pk}/" in html
    ct = ContentType.objects.get_for_model(Contact)
    assert client.post(reverse("home_mark_reviewed", args=[ct.pk, contact.pk])).status_code == 302
    contact.refresh_from_db()
    assert contact.last_reviewed == TODAY


def test_dashboard_tells_owners_what_is_due(client, content):
    client.force_login(content["alice"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your content due for review" in html
    assert "You own 1 overdue item and 1 due soon" in html
