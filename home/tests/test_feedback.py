"""'Is this page useful?': the form, its validation, honeypot, rate limit, CSRF, the retention
command and what editors see in the admin."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from home.models import Feedback, YouSaidWeDid

from .helpers import make_site, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site():
    return make_site()


def answer(client, page, useful, **extra):
    return client.post(reverse("home:feedback"), {"page": page.pk, "useful": useful, "website": "", **extra})


def test_every_page_shows_the_question_without_a_token_or_personal_fields(client, site):
    _, info = site
    response = client.get(info.url)
    html = response.content.decode()
    assert "Is this page useful?" in html
    assert 'action="/feedback/"' in html
    # The page is cached and shared, so nothing in it may belong to one visitor.
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert f'name="page" value="{info.pk}"' in html
    assert "We do not ask for your name" in html
    assert 'type="email"' not in html


def test_yes_is_stored_and_thanks_shown(client, site):
    _, info = site
    response = answer(client, info, "yes")
    assert response.status_code == 302
    assert response["Location"] == f"/feedback/thanks/?page={info.pk}"
    item = Feedback.objects.get()
    assert (item.page_id, item.useful, item.comment, item.created_on) == (info.pk, True, "", date.today())
    thanks = client.get(response["Location"])
    assert "Thank you for your feedback" in thanks.content.decode()
    assert info.title in thanks.content.decode()


def test_no_then_what_was_missing(client, site):
    _, info = site
    response = answer(client, info, "no")
    assert response.status_code == 302
    more_url = response["Location"]
    assert more_url.startswith("/feedback/more/")
    item = Feedback.objects.get()
    assert item.useful is False and item.comment == ""
    page = client.get(more_url)
    assert page.status_code == 200
    assert "What was missing?" in page.content.decode()
    assert "Do not include your name" in page.content.decode()
    sent = client.post(more_url, {"comment": "  The phone number for the team.  ", "website": ""})
    assert sent.status_code == 302
    item.refresh_from_db()
    assert item.comment == "The phone number for the team."
    # The same link cannot overwrite the comment.
    client.post(more_url, {"comment": "Something else", "website": ""})
    item.refresh_from_db()
    assert item.comment == "The phone number for the team."


def test_only_page_answer_comment_and_date_are_stored():
    # 'about': what the comment is about (content, accessibility, how it was made), regulation 56.
    assert sorted(f.name for f in Feedback._meta.concrete_fields) == [
        "about",
        "comment",
        "created_on",
        "id",
        "page",
        "useful",
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"useful": "maybe"}, "Select yes if this page is useful"),
        ({"useful": ""}, "Select yes if this page is useful"),
        ({"page": "999999", "useful": "yes"}, "We could not find the page"),
        ({"page": "not-a-number", "useful": "yes"}, "Something went wrong"),
    ],
)
def test_invalid_answers_get_an_error_summary_and_store_nothing(client, site, data, message):
    _, info = site
    response = client.post(reverse("home:feedback"), {"page": info.pk, "website": "", **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    if "page" not in data or data["page"] != "not-a-number":
        assert message in html
    assert Feedback.objects.count() == 0


def test_feedback_on_an_unpublished_page_is_refused(client, site):
    _, info = site
    info.unpublish()
    assert answer(client, info, "yes").status_code == 400
    assert Feedback.objects.count() == 0


def test_what_was_missing_validation(client, site):
    _, info = site
    more_url = answer(client, info, "no")["Location"]
    empty = client.post(more_url, {"comment": "   ", "website": ""})
    assert empty.status_code == 400
    assert "Enter what was missing" in empty.content.decode()
    assert "govuk-error-summary" in empty.content.decode()
    too_long = client.post(more_url, {"comment": "x" * 1201, "website": ""})
    assert too_long.status_code == 400
    assert "1200 characters or fewer" in too_long.content.decode()
    assert Feedback.objects.get().comment == ""


def test_bad_or_tampered_token_is_a_clear_400(client, site):
    _, info = site
    more_url = answer(client, info, "no")["Location"]
    response = client.get(more_url[:-3] + "xx/")
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_yes_answers_cannot_get_a_comment_link(client, site):
    from django.core import signing

    from home.feedback_views import TOKEN_SALT

    _, info = site
    answer(client, info, "yes")
    token = signing.dumps(Feedback.objects.get().pk, salt=TOKEN_SALT)
    assert client.get(reverse("home:feedback_more", args=[token])).status_code == 400


def test_honeypot_is_silently_discarded(client, site):
    _, info = site
    response = answer(client, info, "no", website="http://spam.example")
    assert response.status_code == 302
    assert "/feedback/thanks/" in response["Location"]
    assert Feedback.objects.count() == 0


def test_honeypot_on_the_comment_form(client, site):
    _, info = site
    more_url = answer(client, info, "no")["Location"]
    client.post(more_url, {"comment": "Buy things", "website": "spam"})
    assert Feedback.objects.get().comment == ""


def test_rate_limit_gives_429(client, site, settings):
    settings.FEEDBACK_RATE_LIMIT = "3/m"
    _, info = site
    codes = [answer(client, info, "yes").status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert "Too many requests" in answer(client, info, "yes").content.decode()
    assert Feedback.objects.count() == 3


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_REFERER": "https://evil.example/page/"},
    ],
)
def test_a_post_from_another_site_is_refused(site, headers):
    _, info = site
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("home:feedback"), {"page": info.pk, "useful": "yes", "website": ""}, **headers)
    assert response.status_code == 403
    assert "only accept answers" in response.content.decode()
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/about/"},
        {"HTTP_ORIGIN": "https://council.example", "HTTP_REFERER": "https://evil.example/"},
        {},  # not a browser: the honeypot and the rate limit deal with scripts
    ],
)
def test_a_post_from_this_site_needs_no_token(site, settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://council.example"]
    _, info = site
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("home:feedback"), {"page": info.pk, "useful": "yes", "website": ""}, **headers)
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


def test_what_was_missing_still_needs_its_csrf_token(site):
    _, info = site
    client = Client(enforce_csrf_checks=True)
    more = client.post(reverse("home:feedback"), {"page": info.pk, "useful": "no", "website": ""})
    url = more["Location"]
    assert client.post(url, {"comment": "Phone numbers", "website": ""}).status_code == 403
    token = client.get(url).cookies["csrftoken"].value
    ok = client.post(url, {"comment": "Phone numbers", "website": "", "csrfmiddlewaretoken": token})
    assert ok.status_code == 302
    assert Feedback.objects.get().comment == "Phone numbers"


def test_get_is_not_allowed(client):
    assert client.get(reverse("home:feedback")).status_code == 405


def test_delete_old_feedback_keeps_recent(site, settings):
    _, info = site
    settings.FEEDBACK_RETENTION_DAYS = 30
    old = Feedback.objects.create(page=info, useful=False, comment="old", created_on=date.today() - timedelta(days=31))
    edge = Feedback.objects.create(
        page=info, useful=False, comment="edge", created_on=date.today() - timedelta(days=30)
    )
    new = Feedback.objects.create(page=info, useful=True)
    call_command("delete_old_feedback", verbosity=0)
    assert set(Feedback.objects.values_list("pk", flat=True)) == {edge.pk, new.pk}
    assert not Feedback.objects.filter(pk=old.pk).exists()
    call_command("delete_old_feedback", days=0, verbosity=0)
    assert list(Feedback.objects.values_list("pk", flat=True)) == [new.pk]


# --- Admin -----------------------------------------------------------------------------------


def test_editors_see_feedback_per_page(client, site):
    home, info = site
    Feedback.objects.create(page=info, useful=False, comment="Needs the opening hours")
    Feedback.objects.create(page=home, useful=True, comment="")
    client.force_login(make_user("editor", "Editors"))
    listing = client.get(reverse("home_feedback:index"), {"page": info.pk})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Needs the opening hours" in html
    assert "Local Offer" not in html.split("<tbody")[-1].split("</tbody>")[0]
    # Read only: no adding or editing, even for editors.
    assert client.get(reverse("home_feedback:add")).status_code in (302, 403)


def test_page_header_shows_feedback_count(client, site):
    _, info = site
    Feedback.objects.create(page=info, useful=False, comment="One")
    Feedback.objects.create(page=info, useful=True)
    client.force_login(make_user("editor", "Editors"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[info.pk])).content.decode()
    assert "Feedback (2)" in html
    assert f"/admin/feedback/?page={info.pk}" in html


def test_moderator_starts_you_said_we_did_from_feedback(client, site):
    _, info = site
    item = Feedback.objects.create(page=info, useful=False, comment="The transport page was hard to find.")
    client.force_login(make_user("moderator", "Moderators"))
    inspect = client.get(reverse("home_feedback:inspect", args=[item.pk]))
    assert "Start a &#x27;You said, we did&#x27; item" in inspect.content.decode() or "Start a 'You said" in (
        inspect.content.decode()
    )
    response = client.post(reverse("home_feedback_to_you_said_we_did", args=[item.pk]))
    assert response.status_code == 302
    draft = YouSaidWeDid.objects.get()
    assert draft.you_said == "The transport page was hard to find."
    assert draft.live is False
    assert draft.revisions.count() == 1


def test_anonymous_cannot_start_you_said_we_did(client, site):
    _, info = site
    item = Feedback.objects.create(page=info, useful=False, comment="x")
    response = client.post(reverse("home_feedback_to_you_said_we_did", args=[item.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert YouSaidWeDid.objects.count() == 0
