"""Issue 18, on the server side: the schedule fields read both date forms and refuse the rest
with the format shown, owners are people's names and start as the author, unowned pages count
for the person who created them, shipped content gets a named owner, one word count, the
council's guide in Help and no Gravatar. The browser journeys are in
localoffer/tests/browser/test_editors.py."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import help_menu
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.admin_forms import DATETIME_EXAMPLE, LocalOfferPageForm, TypedDateTimeInput
from home.models import InformationPage
from home.owners import assign_content_owner, default_content_owner
from home.readability import count_words, main_text
from home.review import due_items
from home.slugs import unique_slug

from .helpers import make_site, make_user, set_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def moderator():
    return make_user("mo", "Moderators", first_name="Mo", last_name="Derator")


def edit_data(page, **extra):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "audience": "everyone",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "content_owner": "",
            "last_reviewed": "",
            "review_by": "",
            **extra,
        }
    )


@pytest.mark.parametrize(
    "typed, expected",
    [("2026-12-10 09:00", (2026, 12, 10, 9, 0)), ("10/12/2026 09:00", (2026, 12, 10, 9, 0))],
)
def test_go_live_reads_iso_and_uk_dates(client, site, moderator, typed, expected, settings):
    _, info = site
    client.force_login(moderator)
    now = timezone.make_aware(timezone.datetime(2026, 12, 1, 12, 0))
    timezone_now = timezone.now
    try:
        timezone.now = lambda: now  # the form compares with 'now'
        response = client.post(reverse("wagtailadmin_pages:edit", args=[info.pk]), edit_data(info, go_live_at=typed))
    finally:
        timezone.now = timezone_now
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    go_live = InformationPage.objects.get(pk=info.pk).latest_revision.as_object().go_live_at
    assert timezone.localtime(go_live).timetuple()[:5] == expected


@pytest.mark.parametrize(
    "typed, message",
    [
        ("tomorrow at 9", f"for example {DATETIME_EXAMPLE}"),
        ("31/13/2026 25:00", f"for example {DATETIME_EXAMPLE}"),
        ("01/01/2020 09:00", "already passed"),
    ],
)
def test_go_live_that_cannot_be_read_or_has_passed_is_refused(client, site, moderator, typed, message):
    _, info = site
    before = InformationPage.objects.get(pk=info.pk).latest_revision_id
    client.force_login(moderator)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[info.pk]), edit_data(info, go_live_at=typed))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["go_live_at"])
    assert InformationPage.objects.get(pk=info.pk).latest_revision_id == before
    assert not InformationPage.objects.get(pk=info.pk).has_unpublished_changes


def test_a_past_go_live_date_already_saved_does_not_block_other_edits(site):
    _, info = site
    InformationPage.objects.filter(pk=info.pk).update(go_live_at=timezone.now() - timedelta(days=30))
    info.refresh_from_db()
    form_class = type(info).get_edit_handler().get_form_class()
    assert issubclass(form_class, LocalOfferPageForm)
    data = edit_data(info, go_live_at=timezone.localtime(info.go_live_at).strftime("%d/%m/%Y %H:%M"))
    form = form_class(data, instance=info, parent_page=info.get_parent(), for_user=None)
    assert "go_live_at" not in form.errors


def test_the_schedule_widget_keeps_what_was_typed_and_shows_an_example(site):
    _, info = site
    form_class = type(info).get_edit_handler().get_form_class()
    form = form_class(instance=info, parent_page=info.get_parent(), for_user=None)
    widget = form.fields["go_live_at"].widget
    assert isinstance(widget, TypedDateTimeInput)
    assert widget.get_config()["validateOnBlur"] is False
    assert widget.attrs.get("data-controller") == "w-action"  # Wagtail's dialog wiring is kept
    assert DATETIME_EXAMPLE in form.fields["go_live_at"].help_text


def test_owner_is_chosen_by_full_name_and_starts_as_the_author(site):
    home, _ = site
    author = make_user("eddie", "Editors", first_name="Eddie", last_name="Tor")
    make_user("nameless", "Editors")
    form_class = InformationPage.get_edit_handler().get_form_class()
    form = form_class(instance=InformationPage(), parent_page=home, for_user=author)
    labels = [label for _, label in form.fields["content_owner"].choices]
    assert "Eddie Tor" in labels and "nameless" in labels and "eddie" not in labels
    assert form.initial["content_owner"] == author.pk


def test_a_page_without_owner_is_due_for_the_person_who_created_it(site):
    _, info = site
    author = make_user("eddie", "Editors")
    set_review(info, date.today() - timedelta(days=3))
    assert due_items(user=author) == []
    type(info).objects.filter(pk=info.pk).update(owner=author)
    assert [item.title for item in due_items(user=author)] == [info.title]
    assert due_items(user=author)[0].owner == author


def test_shipped_content_gets_the_named_owner(site, settings):
    settings.LOCALOFFER_CONTENT_OWNER = "local-offer-team"
    settings.LOCALOFFER_CONTENT_OWNER_NAME = "Local Offer team"
    home, info = site
    owned_by_someone = make_user("eddie", "Editors")
    type(info).objects.filter(pk=info.pk).update(content_owner=owned_by_someone)
    changed = assign_content_owner()
    team = User.objects.get(username="local-offer-team")
    assert team.get_full_name() == "Local Offer team" and not team.has_usable_password()
    assert changed >= 1
    home.refresh_from_db()
    info.refresh_from_db()
    assert home.content_owner == team
    assert info.content_owner == owned_by_someone  # an owner already chosen is kept
    assert default_content_owner() == team
    assert assign_content_owner() == 0  # safe to run twice


def test_assign_content_owner_command(site, capsys):
    make_user("jo", first_name="Jo", last_name="Bloggs")
    call_command("assign_content_owner", user="jo")
    assert "now belong to Jo Bloggs" in capsys.readouterr().out
    with pytest.raises(Exception, match="no account"):
        call_command("assign_content_owner", user="nobody")


def test_unique_slug():
    make_site()
    page = InformationPage.objects.get(slug="about")
    assert unique_slug(InformationPage(), "About") == "about-2"
    assert unique_slug(page, "About") == "about"


def test_one_word_count_as_the_preview_checks_count():
    html = (
        "<header>Not counted</header><main><h1>Don't panic</h1><p>SEN support, e.g. help in "
        "class.</p><script>var x = 1;</script><p hidden>Hidden</p><ul><li>One</li><li>Two</li></ul></main>"
    )
    text = main_text(html)
    assert text.splitlines() == ["Don't panic", "SEN support, e.g. help in class.", "One", "Two"]
    # Intl.Segmenter counts: Don't | panic | SEN | support | e.g | help | in | class | One | Two
    assert count_words(text) == 10


def test_readability_panel_counts_the_rendered_page(client, site):
    _, info = site
    info.body = [("paragraph", "<p>" + "You can ask the school for help. " * 8 + "</p>")]
    info.save_revision().publish()
    client.force_login(make_user("admin", superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[info.pk])).content.decode()
    page_html = client.get(info.url).content.decode()
    assert f"{count_words(main_text(page_html))} words" in html


def test_help_menu_has_the_councils_guide_and_no_gravatar(client, site):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    user = make_user("eddie", "Editors")
    client.force_login(user)
    response = client.get(reverse("home_editors_guide"))
    assert response.status_code == 200
    assert "Keeping the Local Offer current" in response.content.decode()
    assert client.get(reverse("home_editors_guide_image", args=["admin-contact-new.png"])).status_code == 200
    assert client.get(reverse("home_editors_guide_image", args=["..%2Feditors.md"])).status_code == 404
    request = client.get("/admin/").wsgi_request
    items = help_menu.menu_items_for_request(request)
    assert [item.label for item in items][0] == "Guide for editors"
    assert not any("wagtail.org" in (item.url or "") for item in items)
    dashboard = client.get("/admin/").content.decode()
    assert "gravatar" not in dashboard and "guide.wagtail.org" not in dashboard
