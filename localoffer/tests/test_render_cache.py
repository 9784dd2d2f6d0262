"""What keeps an uncached render cheap (issue 10): the page found for a path (home/routing.py)
and the footer every page shares (`{% site_fragment %}`), kept with the page cache's generation.
With the page cache itself off, so every request renders: an edit shows at the very next
request, a signed-in editor never gets or leaves anything kept, and nothing is kept from the
eligibility check's answers."""

import copy
from unittest import mock

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from guidance.models import GlossaryTerm, GuidanceIndexPage, GuidancePage
from home.cache import cached_fragment, fragment_key
from home.models import SiteSettings
from services.models import CheckerPage, Contact, ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(settings, loaded_site):
    settings.PAGE_CACHE_ENABLED = False


def footer_renders(client, url):
    """How many times the footer was rendered (not taken from what is kept) for one GET, and
    the response."""
    from home.templatetags import page_fragments

    rendered = []

    def spy(request, name, render):
        def counted():
            rendered.append(request.path)
            return render()

        return cached_fragment(request, name, counted)

    with mock.patch.object(page_fragments, "cached_fragment", spy):
        response = client.get(url)
    return len(rendered), response


def queries(url, client=None):
    with CaptureQueriesContext(connection) as captured:
        response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return len(captured)


def warm(*urls):
    for url in urls:
        for _ in range(2):
            assert Client().get(url).status_code == 200, url


def text(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_second_render_finds_its_page_without_routing_queries(uncached):
    url = GuidancePage.objects.get(slug="what-is-sen-support").url
    warm("/")  # what every page shares (site, settings, footer)
    first, second = queries(url), queries(url)
    assert 0 < second < first  # the page's own content is rendered again; its route is kept
    # No query looks the page up by its address (Wagtail's routing, or find_target's).
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    lookups = ('"url_path" IN', '"url_path" =', '"slug" =')
    routing = [query["sql"] for query in captured if any(lookup in query["sql"] for lookup in lookups)]
    assert routing == [], routing
    assert "X-Page-Cache" not in Client().get(url).headers


def test_publishing_a_page_shows_at_once(uncached):
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    index = GuidanceIndexPage.objects.get()
    warm(page.url, index.url)
    page.title = "What SEN Support means for your child"
    page.save_revision().publish()
    for url in (page.url, index.url):
        assert "What SEN Support means for your child" in text(url), url


def test_a_new_page_and_an_unpublished_page_are_found_at_once(uncached):
    index = GuidanceIndexPage.objects.get()
    assert Client().get(index.url + "a-new-page/").status_code == 404
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    warm(page.url)
    new = index.add_child(instance=GuidancePage(title="A new page", slug="a-new-page", summary="New."))
    new.save_revision().publish()
    assert Client().get(new.url).status_code == 200
    page.unpublish()
    assert Client().get(page.url).status_code == 404


def test_a_contact_a_glossary_term_and_the_site_settings_show_at_once(uncached):
    service = ServicePage.objects.get(slug="sssen")
    explained = GuidancePage.objects.get(slug="when-sen-support-is-not-enough")
    warm(service.url, explained.url, "/")

    contact = Contact.objects.get(slug="sssen")
    contact.phone = "01629 999999"
    contact.save_revision().publish()
    assert "01629 999999" in text(service.url)

    warm(explained.url)
    term = GlossaryTerm.objects.get(term="EHC plan")
    term.full_form = "Education, Health and Care (EHC) plan, renamed"
    term.save_revision().publish()
    assert "Education, Health and Care (EHC) plan, renamed" in text(explained.url)

    warm("/")
    settings_row = SiteSettings.objects.get()
    settings_row.service_name = "SEND Local Offer, renamed"
    settings_row.contact_phone = "01629 111111"
    settings_row.save()
    home = text("/")
    assert "SEND Local Offer, renamed" in home
    footer = home[home.index('<footer class="govuk-footer">') :]  # kept for the whole site
    assert "Contact the SEND Local Offer, renamed team" in footer
    assert "01629 111111" in footer
    assert "01629 111111" in Client().get(service.url).content.decode()


def test_a_signed_in_editor_never_gets_or_leaves_kept_content(uncached, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    staff = Client()
    staff.force_login(editor)
    url = GuidancePage.objects.get(slug="what-is-sen-support").url
    warm(url)
    for _ in range(2):  # the footer is kept, but the editor's is rendered for them
        renders, response = footer_renders(staff, url)
        assert renders == 1
        assert "wagtail-userbar" in response.content.decode()

    SiteSettings.objects.get().save()  # a change: nothing is kept now
    staff.get(url)  # what the editor rendered is not kept for visitors
    assert footer_renders(Client(), url)[0] == 1


def test_nothing_is_kept_from_the_eligibility_checks_steps(uncached):
    checker = CheckerPage.objects.get()
    for url in [f"{checker.url}question/school/", f"{checker.url}check/?school=yes"]:
        for _ in range(2):
            renders, response = footer_renders(Client(), url)
            assert response.status_code in (200, 302, 400), url
            if response.status_code == 200:
                assert renders == 1, url  # its responses are no-store: the footer is not kept from them
                assert "no-store" in response.headers["Cache-Control"], url


def test_kept_fragments_are_keyed_by_site_and_language(settings):
    settings.ALLOWED_HOSTS = ["localhost", "other.example.org"]
    factory = RequestFactory(HTTP_HOST="localhost")
    key = fragment_key(factory.get("/sen-support/?a=1&b=2"), "footer")
    assert key == fragment_key(factory.get("/services/"), "footer")  # the same on every page
    assert key != fragment_key(RequestFactory(HTTP_HOST="other.example.org").get("/services/"), "footer")
    with translation.override("cy"):
        assert key != fragment_key(factory.get("/services/"), "footer")
    signed_in = factory.get("/sen-support/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    assert fragment_key(signed_in, "footer") is None
    assert fragment_key(factory.post("/sen-support/"), "footer") is None
    assert fragment_key(factory.get("/search/?q=sen"), "footer") is None


def test_the_checks_questions_change_at_once(uncached):
    checker = CheckerPage.objects.get()
    url = f"{checker.url}question/school/"
    assert Client().get(url).status_code == 200
    assert "Where does your child go to school or nursery?" in Client().get(url).content.decode()
    questions = copy.deepcopy(list(checker.questions.raw_data))
    questions[0]["value"]["question"] = "Which school or nursery in {area} does your child go to?"
    checker.questions = questions
    checker.save_revision().publish()
    assert "Which school or nursery in" in Client().get(url).content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.area_name = "Renamedshire"
    settings_row.save()
    assert "Which school or nursery in Renamedshire does" in Client().get(url).content.decode()


def test_the_footer_is_kept_for_every_page_of_the_site(uncached):
    first = GuidancePage.objects.get(slug="what-is-sen-support").url
    other = ServicePage.objects.get(slug="sssen").url
    assert footer_renders(Client(), first)[0] == 1
    assert footer_renders(Client(), other)[0] == 0  # another page, the same footer


def test_a_pages_blocks_are_kept_loaded_and_a_change_to_them_shows_at_once(uncached):
    """Each process keeps a page's StreamField blocks loaded for the generation
    (`use_kept_streams`): a later render does not load the pages its 'next steps' link to
    again. A published change to a block, or to a page a block links to, shows at once."""
    page = GuidancePage.objects.get(slug="four-stages-of-sen-support")
    warm("/", page.url)
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(page.url).status_code == 200
    link_pages = [query["sql"] for query in captured if '"wagtailcore_page"."id" IN' in query["sql"]]
    assert link_pages == [], link_pages

    raw = page.body.raw_data
    text_block = next(block for block in raw if block["type"] == "text")
    text_block["value"] = "<p>SEN Support has four stages, and you are part of each one.</p>"
    page.body = raw
    page.save_revision().publish()
    html = text(page.url)
    assert "you are part of each one" in html
    assert "You should be involved at every stage" not in html

    linked = GuidancePage.objects.get(slug="what-is-sen-support")
    assert "What is SEN Support?" in html
    linked.title = "SEN Support explained"
    linked.save_revision().publish()
    assert "SEN Support explained" in text(page.url)
