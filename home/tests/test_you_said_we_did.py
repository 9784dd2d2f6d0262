"""'You said, we did': only published items are public, grouped by year; the shipped page;
the readability indicator editors see on content pages."""

from datetime import date

import pytest
from django.urls import reverse

from home.models import YouSaidWeDid, YouSaidWeDidPage
from home.readability import page_text, readability

from .helpers import make_site, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def yswd_page():
    home, _ = make_site()
    page = YouSaidWeDidPage(
        title="You said, we did",
        slug="you-said-we-did",
        empty_text="<p>We have not published any comments yet.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_item(you_said, received_on, live=True, we_did="We changed it."):
    item = YouSaidWeDid(you_said=you_said, we_did=we_did, received_on=received_on, live=live)
    item.save()
    item.save_revision()
    return item


def test_empty_page_explains_itself(client, yswd_page):
    html = client.get(yswd_page.url).content.decode()
    assert "We have not published any comments yet." in html


def test_only_published_items_grouped_by_year(client, yswd_page):
    make_item("Transport information was hard to find.", date(2025, 3, 1))
    make_item("The page about short breaks was out of date.", date(2026, 2, 1))
    make_item("Please add a list of SENCOs.", date(2026, 6, 1))
    make_item("A draft nobody approved.", date(2026, 7, 1), live=False)
    html = client.get(yswd_page.url).content.decode()
    assert "A draft nobody approved." not in html
    assert html.index('id="year-2026"') < html.index('id="year-2025"')
    section_2026 = html[html.index('id="year-2026"') : html.index('id="year-2025"')]
    assert "short breaks" in section_2026 and "SENCOs" in section_2026
    assert "Transport" in html[html.index('id="year-2025"') :]
    assert html.count("You said</h3>") == 3
    assert "We have not published any comments yet." not in html


def test_unpublishing_an_item_removes_it(client, yswd_page):
    item = make_item("Remove me later.", date(2026, 1, 1))
    assert "Remove me later." in client.get(yswd_page.url).content.decode()
    item.unpublish()
    assert "Remove me later." not in client.get(yswd_page.url).content.decode()


def test_draft_changes_to_a_published_item_stay_private(client, yswd_page):
    item = make_item("Original words.", date(2026, 1, 1))
    item.you_said = "Edited words not yet approved."
    item.save_revision()
    html = client.get(yswd_page.url).content.decode()
    assert "Original words." in html
    assert "Edited words not yet approved." not in html


def test_snippet_admin_for_moderators(client, yswd_page):
    make_item("Admin listing check.", date(2026, 1, 1))
    client.force_login(make_user("moderator", "Moderators"))
    response = client.get(reverse("wagtailsnippets_home_yousaidwedid:list"))
    assert response.status_code == 200
    assert "Admin listing check." in response.content.decode()


def test_readability_scores_plain_and_hard_text():
    plain = readability("You can ask the school for help. The SENCO will talk to you. They will make a plan. " * 3)
    hard = readability(
        "Notwithstanding the aforementioned considerations, statutory assessment necessitates comprehensive "
        "multidisciplinary documentation regarding individualised educational interventions. " * 2
    )
    assert plain["tag"] == "good" and plain["score"] >= 60
    assert hard["tag"] == "critical" and hard["score"] < 50
    assert readability("Too short.") is None


def test_readability_panel_on_the_edit_form(client, db):
    from wagtail.models import Page

    from home.models import InformationPage

    home, info = make_site()
    info.body = [("text", "<p>" + "You can ask the school for help. The SENCO will talk to you. " * 5 + "</p>")]
    info.save_revision().publish()
    assert "ask the school" in page_text(Page.objects.get(pk=info.pk).specific)
    client.force_login(make_user("editor", "Editors"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[info.pk])).content.decode()
    assert "Reading ease:" in html
    assert isinstance(info, InformationPage)


def test_content_checks_run_on_the_main_content_with_extra_rules(client, db):
    _, info = make_site()
    client.force_login(make_user("editor", "Editors"))
    html = client.get(info.url).content.decode()
    assert "image-alt" in html
    assert "Image has no alternative text" in html
    # Anonymous visitors get no userbar and no checker.
    client.logout()
    assert "image-alt" not in client.get(info.url).content.decode()
