"""Regulation 56 comments: people say what their comment is about; editors are warned about
personal data before a 'You said, we did' item is published; the reports warn when nothing has
been published for 12 months."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from home.coverage import comments_overdue
from home.models import CommentAbout, Feedback, YouSaidWeDid
from home.personal_data import find_personal_data, warning_message

from .helpers import make_site, make_user

pytestmark = pytest.mark.django_db


# --- Finding personal data ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, found",
    [
        ("Email me at jo.bloggs+send@example.co.uk please", "email address", "jo.bloggs+send@example.co.uk"),
        ("Ring 01629 532722 after 3", "phone number", "01629 532722"),
        ("My mobile is 07700 900123.", "phone number", "07700 900123"),
        ("or +44 7700 900123", "phone number", "+44 7700 900123"),
        ("My son Jake waited a year for a plan.", "possible name", "My son Jake"),
        ("our daughter, Amy-Rose gets no help", "possible name", "our daughter, Amy-Rose"),
        ("A boy called Harry Smith in year 4", "possible name", "called Harry Smith"),
        ("Mrs Patel at the school was helpful", "possible name", "Mrs Patel"),
    ],
)
def test_personal_data_is_found(text, kind, found):
    assert any(f.kind == kind and f.text == found for f in find_personal_data(text)), find_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "The transport page was out of date.",
        "My son has autism and the page did not explain EHC plans.",
        "My daughter The school said no.",
        "There were 12 pages about 2024 to 2025 funding.",
    ],
)
def test_plain_comments_are_not_flagged(text):
    assert find_personal_data(text) == []
    assert warning_message([]) == ""


def yswd_form(you_said, we_did="We added the bus times.", action="", about="content"):
    return {"received_on": "2026-11-01", "about": about, "you_said": you_said, "we_did": we_did, "action": action}


def test_saving_an_item_with_personal_data_warns_the_editor_and_changes_nothing(client):
    make_site()
    client.force_login(make_user("ed", group="Editors"))
    text = "My son Jake could not find the bus times. Call me on 01629 000000."
    response = client.post(reverse("wagtailsnippets_home_yousaidwedid:add"), yswd_form(text), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    warning = next(m for m in messages if "may identify someone" in m)
    assert "My son Jake" in warning and "01629 000000" in warning
    item = YouSaidWeDid.objects.get()
    assert item.you_said == text  # flagged, not silently changed
    assert not item.live


def test_saving_a_clean_item_gives_no_warning(client):
    make_site()
    client.force_login(make_user("ed", group="Editors"))
    response = client.post(
        reverse("wagtailsnippets_home_yousaidwedid:add"), yswd_form("Bus times were hard to find."), follow=True
    )
    assert not any("may identify someone" in str(m) for m in response.context["messages"])


# --- Saying what a comment is about ----------------------------------------------------------------


def test_the_comments_form_stores_what_the_comment_is_about(client):
    make_site()
    url = reverse("home:feedback_comment")
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for choice in CommentAbout:
        assert choice.label in html
    response = client.post(url, {"about": "accessibility", "comment": "The PDFs do not work with my screen reader."})
    assert response.status_code == 302
    item = Feedback.objects.get()
    assert (item.page, item.about, item.useful) == (None, "accessibility", False)
    assert str(item).startswith("Comment about the Local Offer")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"about": "", "comment": "Something"}, "Select what your comment is about"),
        ({"about": "gossip", "comment": "Something"}, "Select what your comment is about"),
        ({"about": "content", "comment": ""}, "Enter your comment"),
    ],
)
def test_the_comments_form_explains_bad_input(client, data, message):
    make_site()
    response = client.post(reverse("home:feedback_comment"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Feedback.objects.exists()


def test_what_was_missing_can_say_what_it_is_about(client):
    _, info = make_site()
    response = client.post(reverse("home:feedback"), {"page": info.pk, "useful": "no"})
    more = response.url
    assert "What is your comment about?" in client.get(more).content.decode()
    client.post(more, {"comment": "How were parents involved in this?", "about": "development"})
    item = Feedback.objects.get()
    assert (item.about, item.comment) == ("development", "How were parents involved in this?")


def test_a_comment_starts_an_item_that_keeps_what_it_is_about(client):
    make_site()
    Feedback.objects.create(page=None, useful=False, about="accessibility", comment="Hard to read on a phone.")
    client.force_login(make_user("mod", group="Moderators"))
    feedback = Feedback.objects.get()
    client.post(reverse("home_feedback_to_you_said_we_did", args=[feedback.pk]))
    assert YouSaidWeDid.objects.get().about == "accessibility"


# --- At least once a year ----------------------------------------------------------------------------


def publish_item(published_at):
    item = YouSaidWeDid.objects.create(you_said="A comment.", we_did="An answer.", live=False)
    item.save_revision().publish()
    YouSaidWeDid.objects.filter(pk=item.pk).update(last_published_at=published_at)


def test_the_reports_warn_when_nothing_was_published_for_12_months(client):
    make_site()
    client.force_login(make_user("ed", group="Editors"))
    assert comments_overdue()
    publish_item(timezone.now() - timedelta(days=400))
    assert comments_overdue()
    for name in ("home_content_due_for_review", "home_coverage_report"):
        html = client.get(reverse(name)).content.decode()
        assert "more than 12 months ago" in html, name
    publish_item(timezone.now() - timedelta(days=30))
    assert not comments_overdue()
    assert not comments_overdue(today=date.today())
    assert "more than 12 months ago" not in client.get(reverse("home_coverage_report")).content.decode()
